/* sam-store-settings.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/*
 * The register's own settings: choices that belong to a region's register
 * rather than to one user's desktop (which days the planner keeps free),
 * so that they travel with it in an exchange. They are rows of
 * register_info, beside the register's name, under keys of the form
 * "setting.<name>"; a merge keeps the settings already here.
 */

#define SETTING_PREFIX "setting."

/* {"value":"…"} for the audit log; a storable text has no control
 * characters but tab, line feed and carriage return. */
static char *
value_json (const char *value)
{
  GString *json = g_string_new ("{\"value\":\"");

  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '"':
        g_string_append (json, "\\\"");
        break;
      case '\\':
        g_string_append (json, "\\\\");
        break;
      case '\t':
        g_string_append (json, "\\t");
        break;
      case '\n':
        g_string_append (json, "\\n");
        break;
      case '\r':
        g_string_append (json, "\\r");
        break;
      default:
        g_string_append_c (json, *p);
        break;
      }
  g_string_append (json, "\"}");

  return g_string_free (json, FALSE);
}

static gboolean
is_setting_key (const char *key)
{
  return key != NULL && *key != '\0' && _sam_store_text_is_storable (key) && strchr (key, '\n') == NULL;
}

/**
 * sam_store_dup_setting:
 * @self: a #SamStore
 * @key: the setting, such as "planning.avoid-short-days"
 *
 * Returns: (transfer full) (nullable): the setting's value, or %NULL
 *   where the register has none
 */
char *
sam_store_dup_setting (SamStore   *self,
                       const char *key)
{
  g_autofree char *row_key = NULL;
  g_auto(GStrv) values = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (is_setting_key (key), NULL);

  row_key = g_strconcat (SETTING_PREFIX, key, NULL);
  values = _sam_store_query_strings (self, "SELECT value FROM register_info WHERE key = ?1",
                                     SAM_PARAMS (row_key), NULL);

  return values != NULL && values[0] != NULL ? g_strdup (values[0]) : NULL;
}

/**
 * sam_store_get_boolean_setting:
 * @self: a #SamStore
 * @key: the setting
 * @fallback: the value where the register has none
 *
 * Returns: the setting as a boolean ("true" or "false")
 */
gboolean
sam_store_get_boolean_setting (SamStore   *self,
                               const char *key,
                               gboolean    fallback)
{
  g_autofree char *value = sam_store_dup_setting (self, key);

  if (g_strcmp0 (value, "true") == 0)
    return TRUE;
  if (g_strcmp0 (value, "false") == 0)
    return FALSE;

  return fallback;
}

/**
 * sam_store_set_setting:
 * @self: a #SamStore
 * @key: the setting, such as "planning.avoid-short-days"
 * @value: its new value
 * @error: return location for a #GError
 *
 * Stores a setting of the register, with an entry in its audit log. A
 * value the setting already has writes nothing.
 *
 * Returns: whether the setting has @value
 */
gboolean
sam_store_set_setting (SamStore    *self,
                       const char  *key,
                       const char  *value,
                       GError     **error)
{
  g_autofree char *row_key = NULL;
  g_autofree char *before = NULL;
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (is_setting_key (key), FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!_sam_store_text_is_storable (value))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The setting “%s” contains a control character, such as a vertical tab, "
                     "that the register cannot hold"), key);
      return FALSE;
    }

  before = sam_store_dup_setting (self, key);
  if (g_strcmp0 (before, value) == 0)
    return TRUE;

  row_key = g_strconcat (SETTING_PREFIX, key, NULL);
  before_json = before != NULL ? value_json (before) : NULL;
  after_json = value_json (value);
  if (!_sam_store_begin (self, error))
    return FALSE;
  if (!_sam_store_run (self,
                       "INSERT INTO register_info (key, value) VALUES (?1, ?2) "
                       "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                       SAM_PARAMS (row_key, value), _("The setting could not be stored"), error) ||
      !_sam_store_audit (self, "update", "setting", key, before_json, after_json, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_set_boolean_setting:
 * @self: a #SamStore
 * @key: the setting
 * @value: its new value
 * @error: return location for a #GError
 *
 * As sam_store_set_setting(), with "true" or "false".
 *
 * Returns: whether the setting has @value
 */
gboolean
sam_store_set_boolean_setting (SamStore    *self,
                               const char  *key,
                               gboolean     value,
                               GError     **error)
{
  return sam_store_set_setting (self, key, value ? "true" : "false", error);
}

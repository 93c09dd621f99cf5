/* sam-store-sort.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>
#include <unicode/ucol.h>

#include "sam-store-private.h"

/*
 * Swedish order, whatever locales the machine has: the "sv" collation for
 * ORDER BY, and stored ICU sort keys (schema versions 4 and 5) that plain
 * indexes order, so the register's long lists (decisions by title or
 * responsible, groups by code or name) come sorted from an index. The
 * keys are kept up to date by TEMP triggers that call sv_key (), which only
 * this program's connections define.
 */

/* Swedish collation */

static int
sv_compare (void       *collator,
            int         len_a,
            const void *a,
            int         len_b,
            const void *b)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollationResult result;

  result = ucol_strcollUTF8 (collator, a, len_a, b, len_b, &status);
  if (U_FAILURE (status))
    {
      int cmp = memcmp (a, b, MIN (len_a, len_b));

      return cmp != 0 ? cmp : len_a - len_b;
    }

  return (int) result;
}

static void
sv_destroy (void *collator)
{
  ucol_close (collator);
}

/* ICU carries its own CLDR data, so "sv" sorts … z, å, ä, ö whatever locales
 * the machine has installed. */
static gboolean
register_sv_collation (sqlite3  *db,
                       GError  **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator = ucol_open ("sv", &status);

  if (U_FAILURE (status))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The Swedish sort order is not available (%s)"), u_errorName (status));
      return FALSE;
    }

  return sqlite3_create_collation_v2 (db, "sv", SQLITE_UTF8, collator, sv_compare, sv_destroy) == SQLITE_OK;
}

/* Sort keys */

static void
sv_key_func (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  UCollator *collator = sqlite3_user_data (context);
  const UChar *text;
  int32_t n_units;
  uint8_t buffer[256];
  g_autofree uint8_t *heap = NULL;
  int32_t len;

  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    {
      sqlite3_result_null (context);
      return;
    }

  /* The function is registered for UTF-16, so SQLite hands over the text
   * in the form ICU wants. */
  text = sqlite3_value_text16 (argv[0]);
  n_units = sqlite3_value_bytes16 (argv[0]) / sizeof (UChar);
  len = ucol_getSortKey (collator, text, n_units, buffer, sizeof buffer);
  if (len > (int32_t) sizeof buffer)
    {
      heap = g_malloc (len);
      len = ucol_getSortKey (collator, text, n_units, heap, len);
    }
  if (len <= 0)
    {
      sqlite3_result_error (context, "sv_key: no sort key", -1);
      return;
    }

  /* Without the terminating zero byte; the order is the same. */
  sqlite3_result_blob (context, heap != NULL ? heap : buffer, len - 1, SQLITE_TRANSIENT);
}

static char *
collator_version (UCollator *collator)
{
  UVersionInfo version;
  char text[U_MAX_VERSION_STRING_LENGTH];

  ucol_getVersion (collator, version);
  u_versionToString (version, text);
  return g_strdup (text);
}

static void
sv_key_version_func (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  g_autofree char *version = collator_version (sqlite3_user_data (context));

  sqlite3_result_text (context, version, -1, SQLITE_TRANSIENT);
}

/**
 * _sam_store_add_sort_functions:
 * @self: a #SamStore whose connection is open
 * @error: return location for a #GError
 *
 * Defines the "sv" collation and the SQL functions of the sort keys on
 * the store's connection: sv_key (text), the ICU sort key for Swedish as
 * a BLOB, and sv_key_version (), the version of the collator that made it.
 * Every connection needs them before the migrations.
 *
 * Returns: whether they could be defined
 */
gboolean
_sam_store_add_sort_functions (SamStore  *self,
                               GError   **error)
{
  UErrorCode status = U_ZERO_ERROR;
  UCollator *collator;
  UCollator *version_collator;
  int rc;

  if (!register_sv_collation (self->db, error))
    return FALSE;

  collator = ucol_open ("sv", &status);
  if (U_FAILURE (status))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The Swedish sort order is not available (%s)"), u_errorName (status));
      return FALSE;
    }
  version_collator = ucol_open ("sv", &status);
  if (U_FAILURE (status))
    {
      ucol_close (collator);
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The Swedish sort order is not available (%s)"), u_errorName (status));
      return FALSE;
    }

  /* SQLite calls the destructors even when the registration fails. */
  rc = sqlite3_create_function_v2 (self->db, "sv_key", 1,
                                   SQLITE_UTF16 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS,
                                   collator, sv_key_func, NULL, NULL, (void (*) (void *)) ucol_close);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "sv_key_version", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                     version_collator, sv_key_version_func, NULL, NULL,
                                     (void (*) (void *)) ucol_close);
  else
    ucol_close (version_collator);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be opened"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
query_exists (SamStore    *self,
              const char  *sql,
              gboolean    *exists,
              GError     **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  *exists = rc == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be opened"));
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_keep_sort_keys:
 * @self: a #SamStore whose register is up to date
 * @error: return location for a #GError
 *
 * Creates the connection's temporary triggers that maintain the sort keys
 * and fills in the keys that are missing: all of them when ICU's Swedish
 * collator is not the one that made them, else those of rows another
 * program inserted or retitled. Nothing is written when nothing is
 * missing, so a register in use elsewhere opens without waiting.
 *
 * Returns: whether the sort keys are complete
 */
gboolean
_sam_store_keep_sort_keys (SamStore  *self,
                           GError   **error)
{
  gboolean current, missing_decisions, stale_groups;

  if (!_sam_store_run_sql_resource (self, "sort-key-triggers.sql", error))
    return FALSE;

  if (!query_exists (self, "SELECT EXISTS (SELECT 1 FROM sort_key_collator WHERE version = sv_key_version ())",
                     &current, error) ||
      !query_exists (self, "SELECT EXISTS (SELECT 1 FROM decision WHERE title_key IS NULL)",
                     &missing_decisions, error) ||
      !query_exists (self,
                     "SELECT EXISTS (SELECT 1 FROM grp WHERE code_key IS NOT sv_key (code) "
                     "OR name_key IS NOT sv_key (name))",
                     &stale_groups, error))
    return FALSE;

  if (current && !missing_decisions && !stale_groups)
    return TRUE;

  if (!_sam_store_begin (self, error) ||
      !_sam_store_exec (self,
                        current
                        ? "UPDATE decision SET title_key = sv_key (title), responsible_key = sv_key (responsible) "
                          "WHERE title_key IS NULL"
                        : "UPDATE decision SET title_key = sv_key (title), responsible_key = sv_key (responsible)",
                        error) ||
      !_sam_store_exec (self, SAM_STORE_FIX_GROUP_KEYS, error) ||
      !_sam_store_exec (self,
                        "DELETE FROM sort_key_collator; "
                        "INSERT INTO sort_key_collator (version) VALUES (sv_key_version ())",
                        error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

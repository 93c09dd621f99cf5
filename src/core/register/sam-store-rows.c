/* sam-store-rows.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-store-private.h"

/*
 * Reading and writing the register's rows as the descriptor describes them:
 * a row's values as text in descriptor order, references as UUIDs; model
 * objects made from rows; and the audit log, which keeps every change as
 * the row before and after, in JSON.
 */

/**
 * _sam_store_read_row:
 * @self: a #SamStore
 * @stmt: a statement on a row of a table's generic SELECT
 * @table: the table
 * @id: (out) (optional): the row id
 * @uuid: (out) (optional) (transfer full): the UUID
 *
 * A row has absent (%NULL) values in the middle, so it is a #GPtrArray
 * rather than a %NULL-terminated string vector. One %NULL follows the last
 * value, so its pdata can also be read as a vector.
 *
 * Returns: (transfer full) (element-type utf8): the row's values in
 *   descriptor order
 */
GPtrArray *
_sam_store_read_row (SamStore     *self,
                     sqlite3_stmt *stmt,
                     SamTable      table,
                     gint64       *id,
                     char        **uuid)
{
  const SamTableInfo *info = sam_schema_table (table);
  GPtrArray *values = g_ptr_array_new_full (info->n_columns + 1, g_free);

  if (id != NULL)
    *id = sqlite3_column_int64 (stmt, 0);
  if (uuid != NULL)
    *uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  for (guint c = 0; c < info->n_columns; c++)
    g_ptr_array_add (values, g_strdup ((const char *) sqlite3_column_text (stmt, c + 2)));
  g_ptr_array_add (values, NULL);

  return values;
}

/**
 * _sam_store_object_from_row:
 * @self: a #SamStore
 * @stmt: a statement on a row of @table's generic SELECT
 * @table: a table with a model class
 *
 * Reads the row into a new model object. Nothing can be connected to the
 * object yet, so its values are set without notifications, which would
 * cost more than reading the row.
 *
 * Returns: (transfer full): the new object
 */
gpointer
_sam_store_object_from_row (SamStore     *self,
                            sqlite3_stmt *stmt,
                            SamTable      table)
{
  const SamTableInfo *info = sam_schema_table (table);
  gpointer object = g_object_new (_sam_model_type_for_table (table), NULL);
  SamRecord *record = _sam_model_get_record (object);

  record->id = sqlite3_column_int64 (stmt, 0);
  g_free (record->uuid);
  record->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  for (guint c = 0; c < info->n_columns; c++)
    {
      g_free (record->values[c]);
      record->values[c] = g_strdup ((const char *) sqlite3_column_text (stmt, c + 2));
    }

  return object;
}

/**
 * _sam_store_collect_objects:
 * @self: a #SamStore
 * @stmt: a prepared, bound statement on @table's generic SELECT
 * @table: a table with a model class
 * @error: return location for a #GError
 *
 * Steps @stmt to its end, reading each row with
 * _sam_store_object_from_row(), then resets it and clears its bindings.
 *
 * Returns: (transfer full) (element-type GObject) (nullable): the rows as
 *   model objects, or %NULL on failure
 */
GPtrArray *
_sam_store_collect_objects (SamStore     *self,
                            sqlite3_stmt *stmt,
                            SamTable      table,
                            GError      **error)
{
  g_autoptr(GPtrArray) objects = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (objects, _sam_store_object_from_row (self, stmt, table));
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&objects);
}

/**
 * _sam_store_collect_list:
 * @self: a #SamStore
 * @stmt: a prepared, bound statement on @table's generic SELECT
 * @table: a table with a model class
 * @error: return location for a #GError
 *
 * The same as _sam_store_collect_objects(), as a list model.
 *
 * Returns: (transfer full) (nullable): the rows, or %NULL on failure
 */
GListModel *
_sam_store_collect_list (SamStore     *self,
                         sqlite3_stmt *stmt,
                         SamTable      table,
                         GError      **error)
{
  g_autoptr(GPtrArray) objects = _sam_store_collect_objects (self, stmt, table, error);
  GListStore *list;

  if (objects == NULL)
    return NULL;

  list = g_list_store_new (_sam_model_type_for_table (table));
  g_list_store_splice (list, 0, 0, objects->pdata, objects->len);

  return G_LIST_MODEL (list);
}

/**
 * _sam_store_dup_row:
 * @self: a #SamStore
 * @table: a table
 * @uuid: a UUID
 * @id: (out) (optional): the row id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the values of the row (see
 *   _sam_store_read_row()), or %NULL if there is no such row (without
 *   @error) or on failure (with @error)
 */
GPtrArray *
_sam_store_dup_row (SamStore    *self,
                    SamTable     table,
                    const char  *uuid,
                    gint64      *id,
                    GError     **error)
{
  g_autofree char *sql = g_strconcat (self->sql[table].select, " WHERE t.uuid = ?1", NULL);
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  GPtrArray *values = NULL;
  int rc;

  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    values = _sam_store_read_row (self, stmt, table, id, NULL);
  else if (rc != SQLITE_DONE)
    _sam_store_set_error (self, error, rc, _("The register could not be read"));
  sqlite3_reset (stmt);

  return values;
}

/**
 * _sam_store_find_id:
 * @self: a #SamStore
 * @table: a table
 * @uuid: a UUID
 * @error: return location for a #GError
 *
 * Returns: the id of the row of @table with @uuid, 0 if there is none, or
 *   -1 on failure
 */
gint64
_sam_store_find_id (SamStore    *self,
                    SamTable     table,
                    const char  *uuid,
                    GError     **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, self->sql[table].find_id, error);
  gint64 id = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    id = sqlite3_column_int64 (stmt, 0);
  else if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be read"));
      id = -1;
    }
  sqlite3_reset (stmt);

  return id;
}

/**
 * _sam_store_bind_values:
 * @self: a #SamStore
 * @stmt: the table's INSERT or UPDATE statement
 * @table: the table
 * @values: the values in descriptor order (NULL: absent)
 * @ref_ids: per column, the resolved id of a reference (0: NULL)
 * @error: return location for a #GError
 *
 * Binds parameters 2 … n+1. The text is bound SQLITE_STATIC: the caller
 * keeps @values alive until the statement has been stepped.
 *
 * Returns: %FALSE if an integer column holds something else
 */
gboolean
_sam_store_bind_values (SamStore           *self,
                        sqlite3_stmt       *stmt,
                        SamTable            table,
                        const char * const *values,
                        const gint64       *ref_ids,
                        GError            **error)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint c = 0; c < info->n_columns; c++)
    {
      const SamColumn *column = &info->columns[c];
      int param = c + 2;

      if (column->type == SAM_COLUMN_REF)
        {
          if (ref_ids[c] > 0)
            sqlite3_bind_int64 (stmt, param, ref_ids[c]);
          else
            sqlite3_bind_null (stmt, param);
        }
      else if (values[c] == NULL)
        sqlite3_bind_null (stmt, param);
      else if (column->type == SAM_COLUMN_INT)
        {
          gint64 number;

          if (!g_ascii_string_to_signed (values[c], 10, G_MININT32, G_MAXINT32, &number, NULL))
            {
              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("“%s” is not a whole number in “%s”"), values[c], column->xml_name);
              return FALSE;
            }
          sqlite3_bind_int64 (stmt, param, number);
        }
      else
        sqlite3_bind_text (stmt, param, values[c], -1, SQLITE_STATIC);
    }

  return TRUE;
}

/* Audit log */

static void
append_json_string (GString    *out,
                    const char *text)
{
  if (text == NULL)
    {
      g_string_append (out, "null");
      return;
    }

  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar ch = *p;

      if (ch == '"' || ch == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, ch);
        }
      else if (ch == '\n')
        g_string_append (out, "\\n");
      else if (ch == '\t')
        g_string_append (out, "\\t");
      else if (ch == '\r')
        g_string_append (out, "\\r");
      else if (ch < 0x20)
        g_string_append_printf (out, "\\u%04x", ch);
      else
        g_string_append_c (out, ch);
    }
  g_string_append_c (out, '"');
}

/**
 * _sam_store_row_json:
 * @table: a table
 * @uuid: the row's UUID
 * @values: (nullable): the row's values in descriptor order
 *
 * Writes a row as a JSON object keyed by the XML names, references as
 * UUIDs, the way the audit log keeps "before" and "after".
 *
 * Returns: (transfer full) (nullable): the JSON text, or %NULL for no row
 */
char *
_sam_store_row_json (SamTable            table,
                     const char         *uuid,
                     const char * const *values)
{
  const SamTableInfo *info = sam_schema_table (table);
  GString *out;

  if (values == NULL)
    return NULL;

  out = g_string_new ("{\"uuid\":");
  append_json_string (out, uuid);
  for (guint c = 0; c < info->n_columns; c++)
    {
      g_string_append_c (out, ',');
      append_json_string (out, info->columns[c].xml_name);
      g_string_append_c (out, ':');
      append_json_string (out, values[c]);
    }
  g_string_append_c (out, '}');

  return g_string_free (out, FALSE);
}

/**
 * _sam_store_forget_person:
 * @row: (element-type utf8): a person's values, as _sam_store_dup_row()
 *   gives them
 *
 * Clears what says who a person was (name, job title, e-mail, phone), for
 * the audit log entry of a person who leaves the register: the log keeps
 * what was done, not whom it was about (see also the trigger
 * person_forget_audit, which clears the entries before it).
 */
void
_sam_store_forget_person (GPtrArray *row)
{
  static const char * const columns[] = { "name", "title", "email", "phone" };

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_clear_pointer (&row->pdata[_sam_store_column_index (SAM_TABLE_PERSON, columns[i])], g_free);
}

/**
 * _sam_store_audit:
 * @self: a #SamStore
 * @action: "insert", "update", "delete", "register", "import" …
 * @entity: the element name of the row ("group") or "register"
 * @entity_uuid: (nullable): the row's UUID
 * @before: (nullable): JSON of the row before
 * @after: (nullable): JSON of the row after
 * @error: return location for a #GError
 *
 * Adds one audit log entry inside the caller's transaction.
 *
 * Returns: whether the entry was written
 */
gboolean
_sam_store_audit (SamStore    *self,
                  const char  *action,
                  const char  *entity,
                  const char  *entity_uuid,
                  const char  *before,
                  const char  *after,
                  GError     **error)
{
  g_autoptr(GDateTime) local = sam_clock_now ();
  g_autoptr(GDateTime) now = g_date_time_to_utc (local);
  g_autofree char *at = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self,
                             "INSERT INTO audit_log (at, who, action, entity, entity_uuid, before, after) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, at, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sam_store_get_user_name (self), -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, action, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, entity, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, entity_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, before, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, after, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (!_sam_store_end_rows (self, stmt, rc, _("The change could not be logged"), error))
    return FALSE;

  return TRUE;
}

/* sam-store-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/*
 * Bulk export of whole registers, for the XML writer: every row of a
 * table in UUID order from one read transaction, references given as the
 * other row's UUID through an id -> uuid map per table read once.
 */

/**
 * sam_store_read_begin:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Starts a read transaction, so that the sam_store_foreach_row() calls of
 * one export all see the same state of the register.
 *
 * Returns: whether the transaction started
 */
gboolean
sam_store_read_begin (SamStore  *self,
                      GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  _sam_store_clear_uuids (self);
  self->in_read = _sam_store_exec (self, "BEGIN", error);

  return self->in_read;
}

/**
 * sam_store_read_end:
 * @self: a #SamStore
 *
 * Ends the read transaction of sam_store_read_begin().
 */
void
sam_store_read_end (SamStore *self)
{
  g_return_if_fail (SAM_IS_STORE (self));

  _sam_store_rollback (self);
  _sam_store_clear_uuids (self);
  self->in_read = FALSE;
}

/* An export writes references as uuids. Joining every referenced table
 * costs a B-tree search per reference and row; instead each referenced
 * table is read once, in rowid order, into an array indexed by id (ids are
 * dense: rows are only deleted by hand). A table whose ids are too sparse
 * for an array gets an empty one, and its references are looked up one by
 * one, as the join would. */
static GPtrArray *
load_uuids (SamStore  *self,
            SamTable   table,
            GError   **error)
{
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  GPtrArray *uuids;
  sqlite3_stmt *stmt;
  gint64 max_id = 0;
  gint64 count = 0;
  int rc;

  if (self->uuids[table] != NULL)
    return self->uuids[table];

  name = _sam_store_quote_identifier (sam_schema_table (table)->sql_name);
  sql = g_strdup_printf ("SELECT max (id), count (*) FROM %s", name);
  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      max_id = sqlite3_column_int64 (stmt, 0);
      count = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);

  if (self->uuid_chunk == NULL)
    self->uuid_chunk = g_string_chunk_new (64 * 1024);
  uuids = self->uuids[table] = g_ptr_array_new ();
  if (max_id < 0 || max_id > 4 * count + 4096)
    return uuids;

  g_ptr_array_set_size (uuids, (guint) max_id + 1);

  g_free (sql);
  sql = g_strdup_printf ("SELECT id, uuid FROM %s", name);
  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      if (id >= 0 && id <= max_id)
        uuids->pdata[id] = g_string_chunk_insert (self->uuid_chunk,
                                                  (const char *) sqlite3_column_text (stmt, 1));
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return uuids;
}

/* The uuid of row @id of @table, through the map when it has one. */
static const char *
lookup_uuid (SamStore  *self,
             SamTable   table,
             GPtrArray *uuids,
             gint64     id)
{
  g_autofree char *name = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  const char *uuid = NULL;

  if (uuids->len > 0)
    return id >= 0 && id < uuids->len ? uuids->pdata[id] : NULL;

  name = _sam_store_quote_identifier (sam_schema_table (table)->sql_name);
  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = ?1", name);
  if ((stmt = _sam_store_prepare (self, sql, NULL)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_string_chunk_insert_const (self->uuid_chunk, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);

  return uuid;
}

/**
 * sam_store_foreach_row:
 * @self: a #SamStore
 * @table: a table
 * @func: (scope call): called for each row, in UUID order
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Calls @func with each row of @table, values as sam_store_import_row()
 * takes them. The strings are only valid during the call. Stops at the
 * first @func that returns %FALSE, passing on its error.
 *
 * Returns: whether every row was passed on
 */
gboolean
sam_store_foreach_row (SamStore         *self,
                       SamTable          table,
                       SamStoreRowFunc   func,
                       gpointer          user_data,
                       GError          **error)
{
  const SamTableInfo *info;
  g_autofree GPtrArray **refs = NULL;
  g_autofree const char **values = NULL;
  sqlite3_stmt *stmt;
  gboolean ok = TRUE;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (table < SAM_N_TABLES, FALSE);

  info = sam_schema_table (table);
  refs = g_new0 (GPtrArray *, info->n_columns);
  for (guint c = 0; c < info->n_columns; c++)
    if (info->columns[c].type == SAM_COLUMN_REF
        && (refs[c] = load_uuids (self, info->columns[c].ref_table, error)) == NULL)
      return FALSE;

  if ((stmt = _sam_store_prepare (self, self->sql[table].export, error)) == NULL)
    return FALSE;

  values = g_new0 (const char *, info->n_columns + 1);
  while (ok && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      for (guint c = 0; c < info->n_columns; c++)
        {
          if (refs[c] == NULL)
            values[c] = (const char *) sqlite3_column_text (stmt, c + 2);
          else if (sqlite3_column_type (stmt, c + 2) == SQLITE_NULL)
            values[c] = NULL;
          else
            values[c] = lookup_uuid (self, info->columns[c].ref_table, refs[c],
                                     sqlite3_column_int64 (stmt, c + 2));
        }
      ok = func (table, (const char *) sqlite3_column_text (stmt, 1), values, user_data, error);
    }
  sqlite3_reset (stmt);

  /* Outside a read transaction the maps would go stale with the next edit. */
  if (!self->in_read)
    _sam_store_clear_uuids (self);

  if (ok && rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be read"));
      return FALSE;
    }

  return ok;
}

/**
 * sam_store_dup_info:
 * @self: a #SamStore
 *
 * Returns: (transfer full) (element-type utf8): the register-wide facts as
 *   key, value, key, value …, sorted by key
 */
GPtrArray *
sam_store_dup_info (SamStore *self)
{
  GPtrArray *info = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), info);

  stmt = _sam_store_prepare (self, "SELECT key, value FROM register_info ORDER BY key", NULL);
  if (stmt == NULL)
    return info;

  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      g_ptr_array_add (info, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (info, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  sqlite3_reset (stmt);

  return info;
}

/**
 * sam_store_dup_region:
 * @self: a #SamStore
 *
 * Gets who keeps the register and issues its documents: the register-wide
 * fact “region”, or else the register's name.
 *
 * Returns: (transfer full) (nullable): the region, or %NULL if the register
 *   names none
 */
char *
sam_store_dup_region (SamStore *self)
{
  g_autoptr(GPtrArray) info = sam_store_dup_info (self);
  const char *name = NULL;

  for (guint i = 0; i + 1 < info->len; i += 2)
    {
      const char *key = g_ptr_array_index (info, i);
      const char *value = g_ptr_array_index (info, i + 1);

      if (value == NULL || *value == '\0')
        continue;
      if (strcmp (key, "region") == 0)
        return g_strdup (value);
      if (strcmp (key, "name") == 0)
        name = value;
    }

  return g_strdup (name);
}

/* sam-store-sql.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-store-private.h"

/*
 * The statement helpers every store file uses: running a statement with
 * text parameters, reading one number or a column of strings, reading
 * rows as model objects, writing and deleting one row, ending an edit
 * (audit, commit, "changed"), and turning what a user typed into a search
 * that cannot be a syntax error. Parameters are always bound, never
 * pasted into the SQL.
 */

/**
 * _sam_store_column_index:
 * @table: a table
 * @column: the SQL name of one of its columns
 *
 * Returns: @column's position in the descriptor, which is also its place
 *   in a row's values
 */
int
_sam_store_column_index (SamTable    table,
                         const char *column)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint c = 0; c < info->n_columns; c++)
    if (strcmp (info->columns[c].column, column) == 0)
      return c;

  g_return_val_if_reached (-1);
}

/**
 * _sam_store_is_blank:
 * @text: (nullable): a text
 *
 * Returns: whether @text is missing or only white space
 */
gboolean
_sam_store_is_blank (const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

/**
 * _sam_store_check_date:
 * @date: (nullable): what was typed into a date field
 * @label: the field's name, for the message (“Established”)
 * @error: return location for a #GError
 *
 * Returns: whether @date is absent or a date written YYYY-MM-DD
 */
gboolean
_sam_store_check_date (const char  *date,
                       const char  *label,
                       GError     **error)
{
  if (date == NULL || sam_calendar_parse_iso (date, NULL))
    return TRUE;

  /* Translators: %s names a date field, such as “Established” */
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
               _("%s is not a date: write it as YYYY-MM-DD, such as 2026-06-17"), label);
  return FALSE;
}

/**
 * _sam_store_column_dup:
 * @stmt: a statement on a row
 * @column: a column of the row
 *
 * Returns: (transfer full) (nullable): the column's text
 */
char *
_sam_store_column_dup (sqlite3_stmt *stmt,
                       int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

/**
 * _sam_store_bind_texts:
 * @stmt: a prepared statement
 * @params: (array length=n_params) (nullable): texts for ?1 … ?n, %NULL
 *   for SQL NULL
 * @n_params: how many
 *
 * Binds @params to @stmt's numbered parameters. The texts must live
 * until the statement is reset.
 */
void
_sam_store_bind_texts (sqlite3_stmt       *stmt,
                       const char * const *params,
                       guint               n_params)
{
  for (guint i = 0; i < n_params; i++)
    if (params[i] != NULL)
      sqlite3_bind_text (stmt, i + 1, params[i], -1, SQLITE_STATIC);
    else
      sqlite3_bind_null (stmt, i + 1);
}

/**
 * _sam_store_run:
 * @self: a #SamStore
 * @sql: a statement that returns no rows (or whose rows are not wanted)
 * @params: (array length=n_params) (nullable): its text parameters
 * @n_params: how many
 * @what: what failed, for the error (“The group could not be moved”)
 * @error: return location for a #GError
 *
 * Returns: whether the statement ran
 */
gboolean
_sam_store_run (SamStore            *self,
                const char          *sql,
                const char * const  *params,
                guint                n_params,
                const char          *what,
                GError             **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  _sam_store_bind_texts (stmt, params, n_params);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_query_int:
 * @self: a #SamStore
 * @sql: a query
 * @params: (array length=n_params) (nullable): its text parameters
 * @n_params: how many
 * @error: return location for a #GError
 *
 * Returns: the first column of the first row as an integer, 0 if there is
 *   no row, or -1 on error
 */
gint64
_sam_store_query_int (SamStore            *self,
                      const char          *sql,
                      const char * const  *params,
                      guint                n_params,
                      GError             **error)
{
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  gint64 value = 0;
  int rc;

  if (stmt == NULL)
    return -1;

  _sam_store_bind_texts (stmt, params, n_params);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be read"));
      return -1;
    }

  return value;
}

/**
 * _sam_store_query_strings:
 * @self: a #SamStore
 * @sql: a query
 * @params: (array length=n_params) (nullable): its text parameters
 * @n_params: how many
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first column of every row, or
 *   %NULL on error
 */
GStrv
_sam_store_query_strings (SamStore            *self,
                          const char          *sql,
                          const char * const  *params,
                          guint                n_params,
                          GError             **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  _sam_store_bind_texts (stmt, params, n_params);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_strv_builder_end (builder);
}

/**
 * _sam_store_query_models:
 * @self: a #SamStore
 * @table: a table with a model class
 * @clauses: what follows the table's generic SELECT (WHERE, ORDER BY …)
 * @params: (array length=n_params) (nullable): the text parameters of
 *   @clauses
 * @n_params: how many
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the rows as model objects
 */
GListModel *
_sam_store_query_models (SamStore            *self,
                         SamTable             table,
                         const char          *clauses,
                         const char * const  *params,
                         guint                n_params,
                         GError             **error)
{
  g_autofree char *sql = g_strconcat (self->sql[table].select, " ", clauses, NULL);
  sqlite3_stmt *stmt;

  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;

  _sam_store_bind_texts (stmt, params, n_params);

  return _sam_store_collect_list (self, stmt, table, error);
}

/**
 * _sam_store_query_first:
 * @self: a #SamStore
 * @table: a table with a model class
 * @clauses: as for _sam_store_query_models()
 * @params: (array length=n_params) (nullable): the text parameters
 * @n_params: how many
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first row as a model object,
 *   or %NULL if there is none (@error is only set on failure)
 */
gpointer
_sam_store_query_first (SamStore            *self,
                        SamTable             table,
                        const char          *clauses,
                        const char * const  *params,
                        guint                n_params,
                        GError             **error)
{
  g_autoptr(GListModel) list = _sam_store_query_models (self, table, clauses, params, n_params, error);

  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/**
 * _sam_store_search_models:
 * @self: a #SamStore
 * @table: a table with a model class and a full-text index
 * @clauses: what follows the table's generic SELECT, with the full-text
 *   query as ?1
 * @text: (nullable): what the user typed
 * @error: return location for a #GError
 *
 * Searches @table's rows for what a user typed, made into a query that
 * cannot be a syntax error by _sam_store_fts_query().
 *
 * Returns: (transfer full) (nullable): the rows found (none if @text has
 *   no word to look for)
 */
GListModel *
_sam_store_search_models (SamStore    *self,
                          SamTable     table,
                          const char  *clauses,
                          const char  *text,
                          GError     **error)
{
  g_autofree char *query = _sam_store_fts_query (text);

  if (query == NULL)
    return G_LIST_MODEL (g_list_store_new (_sam_model_type_for_table (table)));

  return _sam_store_query_models (self, table, clauses, SAM_PARAMS (query), error);
}

/**
 * _sam_store_write_values:
 * @self: a #SamStore in a transaction
 * @table: a table
 * @uuid: the row's UUID
 * @values: the row's values in descriptor order, references as UUIDs
 * @exists: whether to update the row with @uuid rather than insert it
 * @what: (nullable): what failed, for the error; %NULL for “The agenda item
 *   could not be saved” and the like
 * @error: return location for a #GError
 *
 * Inserts or updates one row inside the caller's transaction, resolving
 * its references to ids; a reference to a row that is not there is a
 * %SAM_STORE_ERROR_REFERENCE. This is the one way an edit writes a row:
 * the row is checked against the register's rules first (see
 * _sam_store_check_row()), and a row that breaks one is not written.
 *
 * Returns: whether the row was written
 */
gboolean
_sam_store_write_values (SamStore            *self,
                         SamTable             table,
                         const char          *uuid,
                         const char * const  *values,
                         gboolean             exists,
                         const char          *what,
                         GError             **error)
{
  const SamTableInfo *info = sam_schema_table (table);
  g_autofree gint64 *ref_ids = g_new0 (gint64, info->n_columns);
  g_autofree char *saved_what = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if (what == NULL)
    what = saved_what = g_strdup_printf (_("The %s could not be saved"), _sam_store_table_label (table));

  for (guint c = 0; c < info->n_columns; c++)
    {
      if (info->columns[c].type != SAM_COLUMN_REF || values[c] == NULL)
        continue;
      if ((ref_ids[c] = _sam_store_find_id (self, info->columns[c].ref_table, values[c], error)) < 0)
        return FALSE;
      if (ref_ids[c] == 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                       _("%s: “%s” refers to “%s”, which is not in the register"), what,
                       _sam_store_column_label (table, c), values[c]);
          return FALSE;
        }
    }

  /* Every edit's row passes the register's rules here (an import's rows
   * in sam-store-import.c), before anything is written. */
  if (exists)
    {
      before = _sam_store_dup_row (self, table, uuid, NULL, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  if (!_sam_store_check_row (self, table, uuid, values, before != NULL ? (const char * const *) before->pdata : NULL,
                             SAM_STORE_CHECK_EDIT, what, error))
    return FALSE;

  if ((stmt = _sam_store_prepare (self, exists ? self->sql[table].update : self->sql[table].insert, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_sam_store_bind_values (self, stmt, table, values, ref_ids, error))
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_update_row:
 * @self: a #SamStore in a transaction
 * @table: a table
 * @uuid: the UUID of a stored row
 * @what: (nullable): what failed, for the error, as for
 *   _sam_store_write_values()
 * @error: return location for a #GError
 * @...: pairs of an SQL column name and its new stored text (%NULL for
 *   absent), ended by %NULL
 *
 * Changes some columns of a stored row, through
 * _sam_store_write_values(), so that the row as it will be is checked
 * against the register's rules like any other edit.
 *
 * Returns: whether the row was written
 */
gboolean
_sam_store_update_row (SamStore    *self,
                       SamTable     table,
                       const char  *uuid,
                       const char  *what,
                       GError     **error,
                       ...)
{
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *column;
  va_list args;

  row = _sam_store_dup_row (self, table, uuid, NULL, &local_error);
  if (row == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                     _("%s: it is not in the register"), what != NULL ? what : uuid);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  va_start (args, error);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      int c = _sam_store_column_index (table, column);

      g_free (row->pdata[c]);
      row->pdata[c] = g_strdup (va_arg (args, const char *));
    }
  va_end (args);

  return _sam_store_write_values (self, table, uuid, (const char * const *) row->pdata, TRUE, what, error);
}

/**
 * _sam_store_delete_row:
 * @self: a #SamStore in a transaction
 * @table: a table
 * @uuid: the row's UUID
 * @error: return location for a #GError
 *
 * Deletes one row (and, by cascade, what hangs on it).
 *
 * Returns: whether the statement ran
 */
gboolean
_sam_store_delete_row (SamStore    *self,
                       SamTable     table,
                       const char  *uuid,
                       GError     **error)
{
  return _sam_store_run (self, self->sql[table].delete, &uuid, 1, _("The register could not be changed"), error);
}

/**
 * _sam_store_dup_row_json:
 * @self: a #SamStore
 * @table: a table
 * @uuid: a row's UUID
 *
 * Returns: (transfer full) (nullable): the stored row as the audit log
 *   writes it, or %NULL if there is no such row
 */
char *
_sam_store_dup_row_json (SamStore   *self,
                         SamTable    table,
                         const char *uuid)
{
  g_autoptr(GPtrArray) row = _sam_store_dup_row (self, table, uuid, NULL, NULL);

  return row != NULL ? _sam_store_row_json (table, uuid, (const char * const *) row->pdata) : NULL;
}

/**
 * _sam_store_finish_change:
 * @self: a #SamStore in a transaction
 * @table: the table of the row the edit was about
 * @action: the audit log's action (“move”, “dissolve” …)
 * @uuid: (nullable): the row
 * @before_json: (nullable): the row before, as _sam_store_row_json() gives it
 * @after_json: (nullable): the row after
 * @error: return location for a #GError
 *
 * Ends an edit: writes its audit log entry, commits, and tells the views
 * (#SamStore::changed). If any of it fails, the whole edit is rolled back.
 * An edit that left the row as it was is rolled back too, without an
 * entry or a signal: a view that saves what it shows cannot loop on its
 * own refresh.
 *
 * Returns: whether the edit is in the register (or had nothing to change)
 */
gboolean
_sam_store_finish_change (SamStore    *self,
                          SamTable     table,
                          const char  *action,
                          const char  *uuid,
                          const char  *before_json,
                          const char  *after_json,
                          GError     **error)
{
  if (before_json != NULL && after_json != NULL && strcmp (before_json, after_json) == 0)
    {
      _sam_store_rollback (self);
      return TRUE;
    }

  if (!_sam_store_audit (self, action, sam_schema_table (table)->element, uuid, before_json, after_json, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  _sam_store_changed (self, table);
  return TRUE;
}

/**
 * _sam_store_fail:
 * @self: a #SamStore in a transaction
 * @error: return location for a #GError
 * @local_error: (transfer full): why the edit failed
 *
 * Rolls the edit back and passes @local_error on.
 *
 * Returns: %FALSE
 */
gboolean
_sam_store_fail (SamStore  *self,
                 GError   **error,
                 GError    *local_error)
{
  _sam_store_rollback (self);
  g_propagate_error (error, local_error);
  return FALSE;
}

/**
 * _sam_store_fts_query:
 * @text: (nullable): what a user typed
 *
 * Turns @text into an FTS5 query that cannot be a syntax error: every run
 * of letters and digits becomes a quoted prefix term ("vård"*), all of
 * them required. Operators and quotes are dropped.
 *
 * Returns: (transfer full) (nullable): the query, or %NULL if @text has
 *   no word to search for
 */
char *
_sam_store_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new ("");
  gboolean in_word = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        {
          if (!in_word)
            g_string_append (query, query->len > 0 ? " \"" : "\"");
          g_string_append_unichar (query, ch);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (query, "\"*");
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append (query, "\"*");

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

/**
 * _sam_store_like_pattern:
 * @text: what a user typed
 *
 * Returns: (transfer full): a LIKE pattern (with ESCAPE '\') that finds
 *   @text, trimmed, anywhere in a text
 */
char *
_sam_store_like_pattern (const char *text)
{
  g_autoptr(GString) pattern = g_string_new ("%");
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  for (const char *p = trimmed; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (pattern, '\\');
      g_string_append_c (pattern, *p);
    }
  g_string_append_c (pattern, '%');

  return g_string_free (g_steal_pointer (&pattern), FALSE);
}

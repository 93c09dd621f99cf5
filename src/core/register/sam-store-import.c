/* sam-store-import.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/*
 * Bulk import of whole registers, for the XML reader (the export is in
 * sam-store-export.c). An import is one transaction: rows go in through one cached INSERT per
 * table, references are resolved through in-memory UUID -> id tables, and
 * the full-text indexes are rebuilt once at the end instead of row by row.
 */

typedef struct
{
  SamTable  table;
  guint     column;
  gint64    row_id;
  gboolean  inserted;    /* the row is new in this import */
  char     *target;      /* the referenced UUID (in the import's string chunk) */
  char     *location;
  char     *label;
} Deferred;

struct _SamStoreImport
{
  SamStore       *store;
  SamImportMode   mode;
  gboolean        active;
  GStringChunk   *strings;
  GHashTable     *ids[SAM_N_TABLES];   /* UUID -> row id of the rows imported so far */
  sqlite3_stmt   *insert[SAM_N_TABLES];
  GArray         *deferred;
  GPtrArray      *indexes;             /* CREATE INDEX statements to run at commit */
  guint           added;
  guint           updated;
  guint           unchanged;
  GPtrArray      *conflicts;
};

static void
deferred_clear (gpointer data)
{
  Deferred *deferred = data;

  g_free (deferred->location);
  g_free (deferred->label);
}

/* The words a user recognises a row by in a message: its name or title,
 * else its UUID. */
static const char *
row_label (const SamTableInfo *info,
           const char         *uuid,
           const char * const *values)
{
  for (guint c = 0; c < info->n_columns; c++)
    if ((strcmp (info->columns[c].column, "name") == 0 || strcmp (info->columns[c].column, "title") == 0) &&
        values[c] != NULL)
      return values[c];

  return uuid;
}

static char *
row_what (SamTable            table,
          const char         *location,
          const char         *uuid,
          const char * const *values)
{
  /* TRANSLATORS: the start of an import error: “register.xml, line 12: the group “AOI”” */
  return g_strdup_printf (_("%s: the %s “%s”"), location, _sam_store_table_label (table),
                          row_label (sam_schema_table (table), uuid, values));
}

/* The FTS trigger names, read from the same file that creates them. */
static gboolean
drop_fts_triggers (SamStore  *store,
                   GError   **error)
{
  g_autoptr(GBytes) bytes = _sam_store_lookup_sql (SAM_STORE_FTS_TRIGGERS, error);
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  regex = g_regex_new ("CREATE\\s+TRIGGER\\s+(\\w+)", G_REGEX_CASELESS, 0, NULL);
  g_regex_match (regex, sql, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *name = g_match_info_fetch (match, 1);
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER IF EXISTS %s", name);

      if (!_sam_store_exec (store, drop, error))
        return FALSE;
    }

  return TRUE;
}

/* Into an empty register, the sort keys are computed once at the commit,
 * not row by row through the connection's triggers (which add a third to a
 * large import). A merge keeps them: it may retitle rows that have keys. */
static gboolean
drop_sort_key_triggers (SamStoreImport  *import,
                        GError         **error)
{
  if (import->mode != SAM_IMPORT_REPLACE)
    return TRUE;

  return _sam_store_exec (import->store,
                          "DROP TRIGGER IF EXISTS temp.decision_sort_keys_ai; "
                          "DROP TRIGGER IF EXISTS temp.grp_sort_keys_ai",
                          error);
}

static gboolean
fill_sort_keys (SamStoreImport  *import,
                GError         **error)
{
  if (import->mode != SAM_IMPORT_REPLACE)
    return TRUE;

  return _sam_store_exec (import->store,
                          "UPDATE decision SET title_key = sv_key (title), responsible_key = sv_key (responsible) "
                          "WHERE title_key IS NULL; "
                          SAM_STORE_FIX_GROUP_KEYS,
                          error) &&
         _sam_store_run_sql_resource (import->store, "sort-key-triggers.sql", error);
}

/* An index filled one row at a time in the file's order is a random
 * insert per row into a B-tree larger than the page cache; built by CREATE
 * INDEX it is one sort. So an import into an empty register drops the
 * indexes that check nothing (the unique ones stay, to refuse duplicates)
 * and builds them again at its commit, after the deferred references and
 * the sort keys are in. All of it is inside the import's transaction. */
static gboolean
drop_indexes (SamStoreImport  *import,
              GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if (import->mode != SAM_IMPORT_REPLACE)
    return TRUE;

  stmt = _sam_store_prepare (import->store,
                             "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                             "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
                             error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (import->indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (import->indexes, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!_sam_store_end_rows (import->store, stmt, rc, NULL, error))
    return FALSE;

  for (guint i = 0; i < import->indexes->len; i += 2)
    {
      g_autofree char *name = _sam_store_quote_identifier (import->indexes->pdata[i]);
      g_autofree char *drop = g_strdup_printf ("DROP INDEX main.%s", name);

      if (!_sam_store_exec (import->store, drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
create_indexes (SamStoreImport  *import,
                GError         **error)
{
  for (guint i = 0; i < import->indexes->len; i += 2)
    if (!_sam_store_exec (import->store, import->indexes->pdata[i + 1], error))
      return FALSE;

  g_ptr_array_set_size (import->indexes, 0);
  return TRUE;
}

/**
 * sam_import_summary_clear:
 * @summary: a #SamImportSummary
 *
 * Frees the conflicts and zeroes the counts.
 */
void
sam_import_summary_clear (SamImportSummary *summary)
{
  g_clear_pointer (&summary->conflicts, g_ptr_array_unref);
  summary->added = summary->updated = summary->unchanged = 0;
}

/* SQLite builds a small temporary table (with its own 87 KiB page cache)
 * for every CHECK (x IN (…)) of every inserted row. glibc returns that
 * memory to the kernel on each free and faults it in again on the next
 * row, which doubled the import time; a little padding at the top of the
 * heap keeps it mapped. */
static void
keep_heap_top (void)
{
#ifdef __GLIBC__
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      mallopt (M_TOP_PAD, 4 * 1024 * 1024);
      g_once_init_leave (&done, 1);
    }
#endif
}

/**
 * sam_store_import_begin:
 * @self: a #SamStore
 * @mode: %SAM_IMPORT_REPLACE to load into an empty register, or
 *   %SAM_IMPORT_MERGE to merge rows by UUID into this one
 * @error: return location for a #GError
 *
 * Starts an import in one write transaction. Nothing is visible to other
 * connections until sam_store_import_commit(); freeing the import without
 * committing rolls everything back. Use a store of its own (a worker's
 * connection) while the import runs.
 *
 * Returns: (transfer full) (nullable): the import, or %NULL on error
 */
SamStoreImport *
sam_store_import_begin (SamStore       *self,
                        SamImportMode   mode,
                        GError        **error)
{
  g_autoptr(SamStoreImport) import = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (self->in_import)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                           _("Another import into this register is still running"));
      return NULL;
    }
  if (!_sam_store_begin (self, error))
    return NULL;

  keep_heap_top ();

  import = g_new0 (SamStoreImport, 1);
  import->store = g_object_ref (self);
  import->mode = mode;
  import->active = TRUE;
  import->strings = g_string_chunk_new (64 * 1024);
  import->deferred = g_array_new (FALSE, FALSE, sizeof (Deferred));
  import->indexes = g_ptr_array_new_with_free_func (g_free);
  g_array_set_clear_func (import->deferred, deferred_clear);
  import->conflicts = g_ptr_array_new_with_free_func (g_free);
  for (guint t = 0; t < SAM_N_TABLES; t++)
    import->ids[t] = g_hash_table_new (g_str_hash, g_str_equal);
  self->in_import = TRUE;

  if (mode == SAM_IMPORT_REPLACE && !sam_store_is_empty (self))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_EMPTY,
                           _("The register already has content. Import into an empty register, "
                             "or merge instead."));
      return NULL;
    }

  if (!drop_fts_triggers (self, error) || !drop_sort_key_triggers (import, error) ||
      !drop_indexes (import, error))
    return NULL;

  return g_steal_pointer (&import);
}

/* Resolves one reference to a row id: rows of this import first, then (when
 * merging) the register. 0: not found yet. */
static gint64
resolve (SamStoreImport  *import,
         SamTable         table,
         const char      *uuid,
         GError         **error)
{
  gpointer id;

  if (g_hash_table_lookup_extended (import->ids[table], uuid, NULL, &id))
    return GPOINTER_TO_SIZE (id);
  if (import->mode == SAM_IMPORT_MERGE)
    return _sam_store_find_id (import->store, table, uuid, error);

  return 0;
}

static void
defer (SamStoreImport     *import,
       SamTable            table,
       guint               column,
       const char         *target,
       const char         *location,
       const char         *uuid,
       const char * const *values)
{
  Deferred deferred = {
    .table = table,
    .column = column,
    .target = g_string_chunk_insert (import->strings, target),
    .location = g_strdup (location),
    .label = g_strdup (row_label (sam_schema_table (table), uuid, values)),
  };

  g_array_append_val (import->deferred, deferred);
}

static void
set_reference_error (GError     **error,
                     SamTable     table,
                     const char  *location,
                     const char  *label,
                     const char  *xml_name,
                     const char  *target)
{
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
               /* TRANSLATORS: “register.xml, line 12: the group “AOI” refers to a parent “…” that …” */
               _("%s: the %s “%s” refers to a %s “%s” that is not in the register"),
               location, _sam_store_table_label (table), label, xml_name, target);
}

static gboolean
resolve_refs (SamStoreImport     *import,
              SamTable            table,
              const char         *uuid,
              const char * const *values,
              const char         *location,
              gint64             *ref_ids,
              guint              *n_deferred,
              GError            **error)
{
  const SamTableInfo *info = sam_schema_table (table);

  *n_deferred = 0;
  for (guint c = 0; c < info->n_columns; c++)
    {
      const SamColumn *column = &info->columns[c];

      ref_ids[c] = 0;
      if (column->type != SAM_COLUMN_REF || values[c] == NULL)
        continue;

      ref_ids[c] = resolve (import, column->ref_table, values[c], error);
      if (ref_ids[c] < 0)
        return FALSE;
      if (ref_ids[c] > 0)
        continue;

      /* A row may point forward to a row that comes later in the file: of
       * its own table (a parent, a superseded decision), or of a later one
       * (the decision a follow-up item on an agenda reports on). */
      if (column->ref_table >= table)
        {
          defer (import, table, c, values[c], location, uuid, values);
          (*n_deferred)++;
          continue;
        }

      set_reference_error (error, table, location, row_label (info, uuid, values),
                           column->xml_name, values[c]);
      return FALSE;
    }

  return TRUE;
}

/* Whether a row read from the register equals the imported values, taking
 * an absent value as the column's default and numbers by value. */
static gboolean
row_equal (SamStore           *store,
           SamTable            table,
           const char * const *existing,
           const char * const *values)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint c = 0; c < info->n_columns; c++)
    {
      const char *value = values[c] != NULL ? values[c] : store->sql[table].defaults[c];

      if (info->columns[c].type == SAM_COLUMN_INT && value != NULL && existing[c] != NULL)
        {
          if (g_ascii_strtoll (value, NULL, 10) != g_ascii_strtoll (existing[c], NULL, 10))
            return FALSE;
        }
      else if (g_strcmp0 (value, existing[c]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
step_row (SamStoreImport     *import,
          sqlite3_stmt       *stmt,
          SamTable            table,
          const char         *uuid,
          const char * const *values,
          const char         *location,
          const gint64       *ref_ids,
          GError            **error)
{
  g_autofree char *what = NULL;
  int rc;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (_sam_store_bind_values (import->store, stmt, table, values, ref_ids, error))
    {
      rc = sqlite3_step (stmt);
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      if (rc == SQLITE_DONE)
        return TRUE;

      what = row_what (table, location, uuid, values);
      _sam_store_set_error (import->store, error, rc, what);
      return FALSE;
    }

  sqlite3_clear_bindings (stmt);
  what = row_what (table, location, uuid, values);
  g_prefix_error (error, "%s: ", what);
  return FALSE;
}

/* Merge: the row is already in the register. */
static gboolean
merge_row (SamStoreImport     *import,
           SamTable            table,
           const char         *uuid,
           const char * const *values,
           const char         *location,
           const gint64       *ref_ids,
           guint              *n_deferred,
           const char * const *existing,
           GError            **error)
{
  SamStore *store = import->store;
  g_autoptr(GError) local_error = NULL;
  sqlite3_stmt *stmt;

  if (*n_deferred == 0 && row_equal (store, table, existing, values))
    {
      import->unchanged++;
      return TRUE;
    }

  if ((stmt = _sam_store_prepare (store, store->sql[table].update, error)) == NULL)
    return FALSE;
  if (step_row (import, stmt, table, uuid, values, location, ref_ids, &local_error))
    {
      import->updated++;
      return TRUE;
    }

  if (!g_error_matches (local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* A registered decision is never changed in place: keep ours, and tell. */
  g_array_set_size (import->deferred, import->deferred->len - *n_deferred);
  *n_deferred = 0;
  g_ptr_array_add (import->conflicts,
                   g_strdup_printf (_("%s: the registered %s “%s” differs from the one in this "
                                      "register and was left as it is"),
                                    location, _sam_store_table_label (table),
                                    row_label (sam_schema_table (table), uuid, values)));
  return TRUE;
}

/**
 * sam_store_import_row:
 * @import: a #SamStoreImport
 * @table: the table of the row
 * @uuid: the row's UUID
 * @values: the row's values, one per descriptor column (%NULL: absent);
 *   references are UUIDs, integers decimal text
 * @location: where the row comes from, such as “register.xml, line 12”,
 *   the start of any error message
 * @error: return location for a #GError
 *
 * Adds (or, when merging, updates) one row. Rows must come in table
 * order; references to rows of the same table or of a later one may
 * point forward and are resolved at commit.
 *
 * Returns: whether the row was taken; on error, free the import
 */
gboolean
sam_store_import_row (SamStoreImport     *import,
                      SamTable            table,
                      const char         *uuid,
                      const char * const *values,
                      const char         *location,
                      GError            **error)
{
  SamStore *store;
  gint64 ref_ids[64];
  g_autoptr(GPtrArray) existing = NULL;
  gint64 id = 0;
  guint n_deferred;
  char *key;

  g_return_val_if_fail (import != NULL && import->active, FALSE);
  g_return_val_if_fail (table < SAM_N_TABLES && uuid != NULL, FALSE);
  g_return_val_if_fail (sam_schema_table (table)->n_columns <= G_N_ELEMENTS (ref_ids), FALSE);

  store = import->store;
  if (g_hash_table_contains (import->ids[table], uuid))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE,
                   _("%s: the %s “%s” appears more than once"),
                   location, _sam_store_table_label (table), uuid);
      return FALSE;
    }

  if (!resolve_refs (import, table, uuid, values, location, ref_ids, &n_deferred, error))
    return FALSE;

  if (import->mode == SAM_IMPORT_MERGE)
    {
      existing = _sam_store_dup_row (store, table, uuid, &id, error);
      if (existing == NULL && error != NULL && *error != NULL)
        return FALSE;
    }

  if (existing != NULL)
    {
      if (!merge_row (import, table, uuid, values, location, ref_ids, &n_deferred,
                      (const char * const *) existing->pdata, error))
        return FALSE;
    }
  else
    {
      if (import->insert[table] == NULL &&
          (import->insert[table] = _sam_store_prepare (store, store->sql[table].insert, error)) == NULL)
        return FALSE;
      if (!step_row (import, import->insert[table], table, uuid, values, location, ref_ids, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (store->db);
      import->added++;
    }

  for (guint i = import->deferred->len - n_deferred; i < import->deferred->len; i++)
    {
      Deferred *deferred = &g_array_index (import->deferred, Deferred, i);

      deferred->row_id = id;
      deferred->inserted = existing == NULL;
    }

  key = g_string_chunk_insert (import->strings, uuid);
  g_hash_table_insert (import->ids[table], key, GSIZE_TO_POINTER (id));

  return TRUE;
}

/**
 * sam_store_import_info:
 * @import: a #SamStoreImport
 * @key: a register_info key, such as "name"
 * @value: its value
 * @error: return location for a #GError
 *
 * Sets a register-wide fact. A merge keeps this register's own facts and
 * only adds the ones it lacks.
 *
 * Returns: whether it was stored
 */
gboolean
sam_store_import_info (SamStoreImport  *import,
                       const char      *key,
                       const char      *value,
                       GError         **error)
{
  const char *sql;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (import != NULL && import->active, FALSE);

  if (import->mode == SAM_IMPORT_MERGE)
    sql = "INSERT INTO register_info (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING";
  else
    sql = "INSERT INTO register_info (key, value) VALUES (?1, ?2) "
          "ON CONFLICT (key) DO UPDATE SET value = excluded.value";

  if ((stmt = _sam_store_prepare (import->store, sql, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (!_sam_store_end_rows (import->store, stmt, rc, _("The register information could not be stored"), error))
    return FALSE;

  return TRUE;
}

/* Deferred references of rows inserted by this import are set with the
 * table's own triggers lifted: those forbid changing a registered
 * decision's "supersedes", but this row arrived with that value and only
 * its target came later in the file. */
static gboolean
lift_triggers (SamStore   *store,
               SamTable    table,
               GPtrArray  *saved,
               GError    **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (store, "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, sam_schema_table (table)->sql_name, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!_sam_store_end_rows (store, stmt, rc, NULL, error))
    return FALSE;

  for (guint i = 0; i < saved->len; i += 2)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER \"%s\"", (char *) saved->pdata[i]);

      if (!_sam_store_exec (store, drop, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
restore_triggers (SamStore   *store,
                  GPtrArray  *saved,
                  GError    **error)
{
  for (guint i = 0; i < saved->len; i += 2)
    if (!_sam_store_exec (store, saved->pdata[i + 1], error))
      return FALSE;

  g_ptr_array_set_size (saved, 0);
  return TRUE;
}

static gboolean
set_deferred (SamStoreImport  *import,
              Deferred        *deferred,
              gint64           target_id,
              GError         **error)
{
  const SamTableInfo *info = sam_schema_table (deferred->table);
  g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = ?1 WHERE id = ?2",
                                          info->sql_name, info->columns[deferred->column].column);
  sqlite3_stmt *stmt = _sam_store_prepare (import->store, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, target_id);
  sqlite3_bind_int64 (stmt, 2, deferred->row_id);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc == SQLITE_DONE)
    return TRUE;

  if (!deferred->inserted && rc == SQLITE_CONSTRAINT_TRIGGER)
    {
      g_ptr_array_add (import->conflicts,
                       g_strdup_printf (_("%s: the registered %s “%s” differs from the one in this "
                                          "register and was left as it is"),
                                        deferred->location, _sam_store_table_label (deferred->table),
                                        deferred->label));
      return TRUE;
    }

  {
    g_autofree char *what = g_strdup_printf (_("%s: the %s “%s”"), deferred->location,
                                             _sam_store_table_label (deferred->table), deferred->label);
    _sam_store_set_error (import->store, error, rc, what);
  }
  return FALSE;
}

static gboolean
resolve_deferred (SamStoreImport  *import,
                  gboolean         inserted,
                  GError         **error)
{
  g_autoptr(GPtrArray) saved = g_ptr_array_new_with_free_func (g_free);
  gboolean lifted[SAM_N_TABLES] = { FALSE, };

  for (guint i = 0; i < import->deferred->len; i++)
    {
      Deferred *deferred = &g_array_index (import->deferred, Deferred, i);
      const SamColumn *column = &sam_schema_table (deferred->table)->columns[deferred->column];
      gint64 target_id;

      if (deferred->inserted != inserted)
        continue;

      target_id = resolve (import, column->ref_table, deferred->target, error);
      if (target_id < 0)
        return FALSE;
      if (target_id == 0)
        {
          set_reference_error (error, deferred->table, deferred->location, deferred->label,
                               column->xml_name, deferred->target);
          return FALSE;
        }

      if (inserted && !lifted[deferred->table])
        {
          if (!lift_triggers (import->store, deferred->table, saved, error))
            return FALSE;
          lifted[deferred->table] = TRUE;
        }
      if (!set_deferred (import, deferred, target_id, error))
        return FALSE;
    }

  return restore_triggers (import->store, saved, error);
}

static gboolean
rebuild_fts (SamStore  *store,
             GError   **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  sqlite3_stmt *stmt;

  stmt = _sam_store_prepare (store,
                             "SELECT name FROM sqlite_master WHERE type = 'table' "
                             "AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%' ORDER BY name", error);
  if (stmt == NULL)
    return FALSE;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);

  for (guint i = 0; i < names->len; i++)
    {
      const char *name = names->pdata[i];
      g_autofree char *sql = g_strdup_printf ("INSERT INTO \"%s\" (\"%s\") VALUES ('rebuild')", name, name);

      if (!_sam_store_exec (store, sql, error))
        return FALSE;
    }

  return TRUE;
}

static void
release_ids (SamStoreImport *import)
{
  for (guint t = 0; t < SAM_N_TABLES; t++)
    g_clear_pointer (&import->ids[t], g_hash_table_unref);
  g_clear_pointer (&import->deferred, g_array_unref);
  g_clear_pointer (&import->strings, g_string_chunk_free);
}

/**
 * sam_store_import_commit:
 * @import: a #SamStoreImport
 * @summary: (out caller-allocates) (optional): the counts and conflicts;
 *   clear it with sam_import_summary_clear()
 * @error: return location for a #GError
 *
 * Resolves the forward references, rebuilds the full-text indexes, logs
 * the import and commits. Then #SamStore::changed is emitted for all
 * tables. On error nothing of the import remains.
 *
 * Returns: whether the import was committed
 */
gboolean
sam_store_import_commit (SamStoreImport    *import,
                         SamImportSummary  *summary,
                         GError           **error)
{
  SamStore *store;
  g_autofree char *after = NULL;

  g_return_val_if_fail (import != NULL && import->active, FALSE);

  store = import->store;
  after = g_strdup_printf ("{\"mode\":\"%s\",\"added\":%u,\"updated\":%u,\"unchanged\":%u,\"conflicts\":%u}",
                           import->mode == SAM_IMPORT_MERGE ? "merge" : "replace",
                           import->added, import->updated, import->unchanged, import->conflicts->len);

  if (!resolve_deferred (import, TRUE, error) ||
      !resolve_deferred (import, FALSE, error))
    return FALSE;

  /* Every reference is resolved: the UUID tables go before the indexes
   * are sorted, so that the two never take memory at the same time. */
  release_ids (import);

  if (!fill_sort_keys (import, error) ||
      !create_indexes (import, error) ||
      !rebuild_fts (store, error) ||
      !_sam_store_run_sql_resource (store, SAM_STORE_FTS_TRIGGERS, error) ||
      !_sam_store_audit (store, "import", "register", NULL, NULL, after, error) ||
      !_sam_store_commit (store, error))
    return FALSE;

  import->active = FALSE;
  store->in_import = FALSE;

  if (summary != NULL)
    {
      summary->added = import->added;
      summary->updated = import->updated;
      summary->unchanged = import->unchanged;
      summary->conflicts = g_steal_pointer (&import->conflicts);
    }

  _sam_store_changed (store, SAM_N_TABLES);
  return TRUE;
}

/**
 * sam_store_import_free:
 * @import: (nullable): a #SamStoreImport
 *
 * Frees the import, rolling it back if it was not committed.
 */
void
sam_store_import_free (SamStoreImport *import)
{
  if (import == NULL)
    return;

  if (import->active)
    _sam_store_rollback (import->store);
  import->store->in_import = FALSE;

  release_ids (import);
  g_ptr_array_unref (import->indexes);
  g_clear_pointer (&import->conflicts, g_ptr_array_unref);
  g_object_unref (import->store);
  g_free (import);
}

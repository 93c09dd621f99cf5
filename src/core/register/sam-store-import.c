/* sam-store-import.c
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

/* A row a staged merge has read (see sam_store_import_stage ()): what it
 * writes under the write lock. Its strings are in the import's chunk. */
typedef struct
{
  SamTable    table;
  gboolean    unchanged;   /* the register has it so: only counted */
  gint64      id;          /* of an unchanged row */
  guint64     fingerprint; /* of an unchanged row as the register had it */
  const char *uuid;
  const char *location;    /* of a row to write, or of an unchanged one note_location () keeps */
  guint       values;      /* of a row to write: its first value in staged_values */
} Staged;

/* Where a row was read, and how early. */
typedef struct
{
  guint       order;
  const char *text;
} Location;

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
  GPtrArray      *circle_triggers;     /* name, CREATE TRIGGER … of each, to put back at commit */
  GHashTable     *locations[SAM_N_TABLES];  /* UUID -> Location of rows that may close a circle, see note_location () */
  guint           n_rows;

  /* A staged merge: until its commit takes the write lock, the rows are
   * only read and kept here (see sam_store_import_stage ()). */
  gboolean        staged_merge;
  gboolean        staging;             /* still reading */
  gint64          data_version;        /* of the register when staging began */
  GArray         *staged;              /* Staged */
  GPtrArray      *staged_values;       /* the values of the rows to write, one run per row */
  GPtrArray      *staged_info;         /* key, value, … */
  SamProgress    *progress;

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
 * else its UUID, shown even if the file's text cannot be stored. */
static char *
row_label (const SamTableInfo *info,
           const char         *uuid,
           const char * const *values)
{
  for (guint c = 0; c < info->n_columns; c++)
    if ((strcmp (info->columns[c].column, "name") == 0 || strcmp (info->columns[c].column, "title") == 0) &&
        values[c] != NULL)
      return _sam_store_dup_printable (values[c]);

  return g_strdup (uuid);
}

static char *
row_what (SamTable            table,
          const char         *location,
          const char         *uuid,
          const char * const *values)
{
  g_autofree char *label = row_label (sam_schema_table (table), uuid, values);

  /* TRANSLATORS: the start of an import error: “register.xml, line 12: the group “AOI”” */
  return g_strdup_printf (_("%s: the %s “%s”"), location, _sam_store_table_label (table), label);
}

/* The FTS trigger names, read from the same file that creates them. */
static gboolean
drop_triggers_of (SamStore    *store,
                  const char  *resource,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = _sam_store_lookup_sql (resource, error);
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

static gboolean
drop_fts_triggers (SamStore  *store,
                   GError   **error)
{
  return drop_triggers_of (store, SAM_STORE_FTS_TRIGGERS, error) &&
         drop_triggers_of (store, SAM_STORE_TRIGRAM_TRIGGERS, error);
}

/* The schema's circle triggers (version 7) look at each row as it is
 * written. An import's rows come in any order, and a merge may pass
 * through a circle on its way to a register without one, so they are
 * lifted while the rows come in; the import looks for circles at its
 * commit (_sam_store_check_cycles()) and puts them back.
 *
 * So are the triggers that clear a sort key changed by a connection
 * without the Swedish collator (the sqlite3 shell): this one has it, so
 * they never fire here, yet asking whether it has costs a look through
 * every SQL function on each updated row, most of the time of a merge
 * that changes every decision's responsible. */
/* Drops the schema objects (@kind: "TRIGGER" or "INDEX") that @select
 * lists as name and SQL, keeping both in @saved for
 * restore_schema_objects(). */
static gboolean
lift_schema_objects (SamStore    *store,
                     const char  *select,
                     const char  *kind,
                     GPtrArray   *saved,
                     GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _sam_store_prepare (store, select, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      g_ptr_array_add (saved, g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
    }
  if (!_sam_store_end_rows (store, stmt, rc, NULL, error))
    return FALSE;

  for (guint i = 0; i < saved->len; i += 2)
    {
      g_autofree char *name = _sam_store_quote_identifier (saved->pdata[i]);
      g_autofree char *drop = g_strdup_printf ("DROP %s main.%s", kind, name);

      if (!_sam_store_exec (store, drop, error))
        return FALSE;
    }

  return TRUE;
}

/* Creates again what lift_schema_objects() dropped. */
static gboolean
restore_schema_objects (SamStore   *store,
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
lift_circle_triggers (SamStoreImport  *import,
                      GError         **error)
{
  return lift_schema_objects (import->store,
                              "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' "
                              "AND (name GLOB '*_no_circle*' OR name GLOB '*_sort_keys_stale') ORDER BY name",
                              "TRIGGER", import->circle_triggers, error);
}

static gboolean
restore_circle_triggers (SamStoreImport  *import,
                         GError         **error)
{
  return restore_schema_objects (import->store, import->circle_triggers, error);
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
  if (import->mode != SAM_IMPORT_REPLACE)
    return TRUE;

  return lift_schema_objects (import->store,
                              "SELECT name, sql FROM main.sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                              "AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name",
                              "INDEX", import->indexes, error);
}

static gboolean
create_indexes (SamStoreImport  *import,
                GError         **error)
{
  return restore_schema_objects (import->store, import->indexes, error);
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

static SamStoreImport *
import_new (SamStore      *self,
            SamImportMode  mode)
{
  SamStoreImport *import = g_new0 (SamStoreImport, 1);

  import->store = g_object_ref (self);
  import->mode = mode;
  import->active = TRUE;
  import->strings = g_string_chunk_new (64 * 1024);
  import->deferred = g_array_new (FALSE, FALSE, sizeof (Deferred));
  import->indexes = g_ptr_array_new_with_free_func (g_free);
  import->circle_triggers = g_ptr_array_new_with_free_func (g_free);
  g_array_set_clear_func (import->deferred, deferred_clear);
  import->conflicts = g_ptr_array_new_with_free_func (g_free);
  for (guint t = 0; t < SAM_N_TABLES; t++)
    import->ids[t] = g_hash_table_new (g_str_hash, g_str_equal);
  import->locations[SAM_TABLE_GROUP] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  import->locations[SAM_TABLE_GROUP_RELATION] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  import->locations[SAM_TABLE_DECISION] = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  self->in_import = TRUE;

  return import;
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
 * connection) while the import runs. The register's write lock is held
 * from here to the commit: a merge that other connections may wait for
 * is better started with sam_store_import_stage().
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
  if (!_sam_store_exec (self, "PRAGMA cache_size = " SAM_STORE_IMPORT_CACHE_KIB, error))
    return NULL;
  if (!_sam_store_begin (self, error))
    {
      _sam_store_exec (self, "PRAGMA cache_size = " SAM_STORE_CACHE_KIB, NULL);
      return NULL;
    }

  import = import_new (self, mode);

  if (mode == SAM_IMPORT_REPLACE && !sam_store_is_empty (self))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_EMPTY,
                           _("The register already has content. Import into an empty register, "
                             "or merge instead."));
      return NULL;
    }

  if (!drop_fts_triggers (self, error) || !drop_sort_key_triggers (import, error) ||
      !lift_circle_triggers (import, error) || !drop_indexes (import, error))
    return NULL;

  return g_steal_pointer (&import);
}

static SamStoreMergeHook merge_hook;
static gpointer merge_hook_data;

/**
 * _sam_store_set_merge_hook:
 * @hook: (nullable): called at each step of a staged merge
 * @user_data: data for @hook
 *
 * For tests and the benchmark: @hook runs in the merging thread when the
 * staging is done (before the write lock is asked for), when the lock is
 * taken, and when the merge has committed.
 */
void
_sam_store_set_merge_hook (SamStoreMergeHook hook,
                           gpointer          user_data)
{
  merge_hook = hook;
  merge_hook_data = user_data;
}

static void
run_merge_hook (SamStoreMergeStep step)
{
  if (merge_hook != NULL)
    merge_hook (step, merge_hook_data);
}

static gint64
data_version (SamStore  *self,
              GError   **error)
{
  return _sam_store_query_int (self, "PRAGMA data_version", NULL, 0, error);
}

/**
 * sam_store_import_stage:
 * @self: a #SamStore
 * @progress: (nullable): told when the rows are written
 * @error: return location for a #GError
 *
 * Starts a merge (%SAM_IMPORT_MERGE) that does not hold the register's
 * write lock while the rows come in: sam_store_import_row() only reads
 * each row against the register, in one read transaction, and keeps it;
 * the rows the register already has as they are cost no more than their
 * ids. sam_store_import_commit() then takes the write lock and writes
 * what changed, with every check of a merge, in one write transaction.
 * Other connections may change the register meanwhile and wait only for
 * that last part.
 *
 * If one did change it between the staging and the lock, the staging is
 * out of date and the commit fails with %SAM_STORE_ERROR_CHANGED,
 * changing nothing: stage the file again, or merge it with
 * sam_store_import_begin().
 *
 * Returns: (transfer full) (nullable): the import, or %NULL on error
 */
SamStoreImport *
sam_store_import_stage (SamStore     *self,
                        SamProgress  *progress,
                        GError      **error)
{
  g_autoptr(SamStoreImport) import = NULL;
  gint64 version;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (progress == NULL || SAM_IS_PROGRESS (progress), NULL);

  if (self->in_import)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                           _("Another import into this register is still running"));
      return NULL;
    }

  /* Read before the staging's snapshot: a change that lands in between
   * makes the commit stage again, never merge against an older register. */
  version = data_version (self, error);
  if (version < 0 || !_sam_store_exec (self, "PRAGMA cache_size = " SAM_STORE_IMPORT_CACHE_KIB, error))
    return NULL;
  if (!_sam_store_exec (self, "BEGIN", error))
    {
      _sam_store_exec (self, "PRAGMA cache_size = " SAM_STORE_CACHE_KIB, NULL);
      return NULL;
    }

  import = import_new (self, SAM_IMPORT_MERGE);
  import->staged_merge = TRUE;
  import->staging = TRUE;
  import->data_version = version;
  import->staged = g_array_new (FALSE, FALSE, sizeof (Staged));
  import->staged_values = g_ptr_array_new ();
  import->staged_info = g_ptr_array_new_with_free_func (g_free);
  import->progress = progress != NULL ? g_object_ref (progress) : NULL;

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
    .label = row_label (sam_schema_table (table), uuid, values),
  };

  g_array_append_val (import->deferred, deferred);
}

static void
set_reference_error (GError     **error,
                     SamTable     table,
                     const char  *location,
                     const char  *label,
                     const char  *field,
                     const char  *target)
{
  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
               /* TRANSLATORS: “register.xml, line 12: the group “AOI”: “Parent group” refers to “…”, which …” */
               _("%s: the %s “%s”: “%s” refers to “%s”, which is not in the register"),
               location, _sam_store_table_label (table), label, field, target);
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

      {
        g_autofree char *label = row_label (info, uuid, values);

        set_reference_error (error, table, location, label, _sam_store_column_label (table, c), values[c]);
      }
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

/* Forgets the references of the row just read that were to be set at
 * the commit: the row is not written. */
static void
drop_deferred (SamStoreImport *import,
               guint          *n_deferred)
{
  g_array_set_size (import->deferred, import->deferred->len - *n_deferred);
  *n_deferred = 0;
}

/* A row of the file that would break a rule of this register is kept as
 * the register has it, and the summary says why. */
static void
add_conflict (SamStoreImport *import,
              const GError   *reason)
{
  g_autofree char *sentence = g_str_has_suffix (reason->message, ".") ? g_strdup (reason->message)
                                                                       : g_strconcat (reason->message, ".", NULL);

  g_ptr_array_add (import->conflicts,
                   /* TRANSLATORS: %s is why, a sentence such as “register.xml, line 12: the decision “X”:
                    * it is withdrawn without a reason; say why.” */
                   g_strdup_printf (_("%s It was left as it is in this register."), sentence));
}

/* Merge: two registers may each have given a number, AOI 2026:3, to a
 * decision of their own. The decision that has the number here keeps it;
 * the one from the file, which is new here (or a draft here), keeps its
 * UUID and takes the group's next free number in that year, and the
 * summary says so. In @serial, the number it takes, if another. */
static gboolean
take_free_number (SamStoreImport      *import,
                  const char          *uuid,
                  const char * const  *values,
                  const char          *what,
                  char               **serial,
                  GError             **error)
{
  SamStore *store = import->store;
  const char *group = values[_sam_store_column_index (SAM_TABLE_DECISION, "group_id")];
  const char *year = values[_sam_store_column_index (SAM_TABLE_DECISION, "year")];
  const char *number = values[_sam_store_column_index (SAM_TABLE_DECISION, "serial")];
  g_auto(GStrv) other = NULL;
  g_autofree char *other_title = NULL;
  g_autofree char *was = NULL;
  g_autofree char *now = NULL;
  gint64 next;

  *serial = NULL;
  if (import->mode != SAM_IMPORT_MERGE || group == NULL || year == NULL || number == NULL)
    return TRUE;

  other = _sam_store_query_strings (store,
                                    "SELECT title FROM decision WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                                    "AND year = CAST (?2 AS INTEGER) AND serial = CAST (?3 AS INTEGER) AND uuid <> ?4",
                                    SAM_PARAMS (group, year, number, uuid), error);
  if (other == NULL)
    return FALSE;
  if (other[0] == NULL)
    return TRUE;

  next = _sam_store_query_int (store,
                               "SELECT coalesce (max (serial), 0) + 1 FROM decision "
                               "WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1) AND year = CAST (?2 AS INTEGER)",
                               SAM_PARAMS (group, year), error);
  if (next < 0)
    return FALSE;

  *serial = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  other_title = _sam_store_dup_printable (other[0]);
  was = _sam_store_format_number (store, group, year, number);
  now = _sam_store_format_number (store, group, year, *serial);
  g_ptr_array_add (import->conflicts,
                   /* TRANSLATORS: “register.xml, line 7: the decision “X”: the file numbers it AOI 2026:1, …” */
                   g_strdup_printf (_("%s: the file numbers it %s, which “%s” already has in this register. "
                                      "It was given the next free number, %s."),
                                    what, was, other_title, now));
  return TRUE;
}

/* An UPDATE of the columns the file changes. One of every column would
 * rewrite every index of the table for each row, which on a large
 * register was most of the time a merge holds the write lock. The
 * parameters are numbered as in the update of every column, so the same
 * binding fills them (binding the others fails harmlessly). */
static sqlite3_stmt *
prepare_update (SamStoreImport      *import,
                SamTable             table,
                const char * const  *existing,
                const char * const  *values,
                GError             **error)
{
  const SamTableInfo *info = sam_schema_table (table);
  const SamTableSql *table_sql = &import->store->sql[table];
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree char *name = NULL;

  /* An absent value is the column's default, as in the update of every
   * column. */
  for (guint c = 0; c < info->n_columns; c++)
    if (g_strcmp0 (existing[c], values[c] != NULL ? values[c] : table_sql->defaults[c]) != 0)
      g_string_append_printf (sql, "%s%s", sql->len == 0 ? "" : ", ", table_sql->assign[c]);

  if (sql->len == 0)
    return _sam_store_prepare (import->store, table_sql->update, error);

  name = _sam_store_quote_identifier (info->sql_name);
  g_string_prepend (sql, " SET ");
  g_string_prepend (sql, name);
  g_string_prepend (sql, "UPDATE ");
  g_string_append (sql, " WHERE uuid = ?1");

  return _sam_store_prepare (import->store, sql->str, error);
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
  g_autofree char *what = NULL;
  g_autofree char *serial = NULL;
  g_autofree const char **renumbered = NULL;
  sqlite3_stmt *stmt;

  /* References still to resolve are compared by UUID, as the register
   * reads them: a row that points where it pointed is unchanged. */
  if (_sam_store_values_equal (store, table, existing, values))
    {
      drop_deferred (import, n_deferred);
      import->unchanged++;
      return TRUE;
    }

  /* The rules of the register's edits hold for a merge too: the row that
   * would break one (a numbered group's code, a registered decision's
   * wording, a withdrawal without a reason, a superseded decision taken
   * back …) is kept as it is, and not counted as updated. */
  what = row_what (table, location, uuid, values);
  if (!_sam_store_check_row (store, table, uuid, values, existing, SAM_STORE_CHECK_IMPORT, what, &local_error))
    {
      drop_deferred (import, n_deferred);
      add_conflict (import, local_error);
      return TRUE;
    }

  if (table == SAM_TABLE_DECISION &&
      g_strcmp0 (existing[_sam_store_column_index (table, "serial")], values[_sam_store_column_index (table, "serial")]) != 0)
    {
      if (!take_free_number (import, uuid, values, what, &serial, error))
        return FALSE;
      if (serial != NULL)
        {
          renumbered = g_memdup2 (values, sizeof (char *) * (sam_schema_table (table)->n_columns + 1));
          renumbered[_sam_store_column_index (table, "serial")] = serial;
          values = renumbered;
        }
    }

  if ((stmt = prepare_update (import, table, existing, values, error)) == NULL)
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

  /* A rule the schema keeps (a trigger) and the check above did not. */
  drop_deferred (import, n_deferred);
  add_conflict (import, local_error);
  return TRUE;
}

/* Whether to remember where a row came from, for the message of
 * _sam_store_check_cycles() at the commit: a row that may close a circle.
 * Into an empty register, the rows get their ids in the file's order, and
 * the first row of a circle of groups or decisions always points forward,
 * to a row that came later: its place is kept with its deferred
 * reference, and only relations (which point to groups, never forward)
 * are noted here. A merge notes every row with a reference of its own
 * table. */
static gboolean
may_close_circle (SamStoreImport     *import,
                  SamTable            table,
                  const char * const *values)
{
  return !(import->locations[table] == NULL ||
           (import->mode == SAM_IMPORT_REPLACE && table != SAM_TABLE_GROUP_RELATION) ||
           (table == SAM_TABLE_GROUP && values[_sam_store_column_index (table, "parent_id")] == NULL) ||
           (table == SAM_TABLE_DECISION && values[_sam_store_column_index (table, "supersedes_id")] == NULL));
}

static void
add_location (SamStoreImport *import,
              SamTable        table,
              const char     *uuid,
              const char     *location)
{
  Location *where = g_new0 (Location, 1);

  where->order = import->n_rows;
  where->text = g_string_chunk_insert (import->strings, location);
  g_hash_table_insert (import->locations[table], g_string_chunk_insert (import->strings, uuid), where);
}

static void
note_location (SamStoreImport     *import,
               SamTable            table,
               const char         *uuid,
               const char * const *values,
               const char         *location)
{
  if (may_close_circle (import, table, values))
    add_location (import, table, uuid, location);
}

/* A SamStoreLocateFunc: where the row @id was read, if this import wrote
 * it (see note_location ()). */
static const char *
locate_row (gpointer  user_data,
            SamTable  table,
            gint64    id,
            guint64  *order)
{
  SamStoreImport *import = user_data;
  g_autofree char *sql = NULL;
  g_autofree char *number = NULL;
  g_auto(GStrv) uuid = NULL;
  const Location *where;

  if (import->mode == SAM_IMPORT_REPLACE)
    for (guint i = 0; i < import->deferred->len; i++)
      {
        const Deferred *deferred = &g_array_index (import->deferred, Deferred, i);

        if (deferred->table == table && deferred->row_id == id)
          {
            *order = (guint64) id;
            return deferred->location;
          }
      }

  if (import->locations[table] == NULL)
    return NULL;
  sql = g_strdup_printf ("SELECT uuid FROM %s WHERE id = CAST (?1 AS INTEGER)", sam_schema_table (table)->sql_name);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  uuid = _sam_store_query_strings (import->store, sql, SAM_PARAMS (number), NULL);
  if (uuid == NULL || uuid[0] == NULL || (where = g_hash_table_lookup (import->locations[table], uuid[0])) == NULL)
    return NULL;

  *order = where->order;
  return where->text;
}

/* FNV-1a over a row's values as the register reads them, NULL apart. */
static guint64
fingerprint (GPtrArray *row)
{
  guint64 hash = 14695981039346656037ull;

  for (guint i = 0; i < row->len; i++)
    {
      const char *value = row->pdata[i];

      hash = (hash ^ (value == NULL ? 0xff : 0x01)) * 1099511628211ull;
      for (; value != NULL && *value != '\0'; value++)
        hash = (hash ^ (guchar) *value) * 1099511628211ull;
      hash = (hash ^ 0x00) * 1099511628211ull;
    }

  return hash;
}

/* A staged merge reads the row against the register and keeps what its
 * commit will need: of a row the register has as it is, only its id (and
 * where it was read, if it may close a circle); of any other, all of it. */
static gboolean
stage_row (SamStoreImport     *import,
           SamTable            table,
           const char         *uuid,
           const char * const *values,
           const char         *location,
           GError            **error)
{
  guint n_columns = sam_schema_table (table)->n_columns;
  g_autoptr(GPtrArray) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  Staged staged = { .table = table };
  gint64 id = 0;

  existing = _sam_store_dup_row (import->store, table, uuid, &id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  staged.uuid = g_string_chunk_insert (import->strings, uuid);
  if (existing != NULL && _sam_store_values_equal (import->store, table, (const char * const *) existing->pdata, values))
    {
      staged.unchanged = TRUE;
      staged.id = id;
      staged.fingerprint = fingerprint (existing);
      if (may_close_circle (import, table, values))
        staged.location = g_string_chunk_insert (import->strings, location);
    }
  else
    {
      staged.location = g_string_chunk_insert (import->strings, location);
      staged.values = import->staged_values->len;
      for (guint c = 0; c < n_columns; c++)
        g_ptr_array_add (import->staged_values,
                         values[c] != NULL ? g_string_chunk_insert (import->strings, values[c]) : NULL);
      g_ptr_array_add (import->staged_values, NULL);
    }

  g_array_append_val (import->staged, staged);
  g_hash_table_insert (import->ids[table], (char *) staged.uuid, GSIZE_TO_POINTER (id));

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
  /* A merged decision that had to take the next free number: its values
   * with that number, which the rest of this function uses. */
  g_autofree char *serial = NULL;
  g_autofree const char **renumbered = NULL;
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

  if (import->staging)
    return stage_row (import, table, uuid, values, location, error);

  if (!resolve_refs (import, table, uuid, values, location, ref_ids, &n_deferred, error))
    return FALSE;

  if (import->mode == SAM_IMPORT_MERGE)
    {
      existing = _sam_store_dup_row (store, table, uuid, &id, error);
      if (existing == NULL && error != NULL && *error != NULL)
        return FALSE;
    }

  import->n_rows++;
  if (existing != NULL)
    {
      if (!merge_row (import, table, uuid, values, location, ref_ids, &n_deferred,
                      (const char * const *) existing->pdata, error))
        return FALSE;
    }
  else
    {
      g_autofree char *what = NULL;

      /* A new row must keep every rule of the register; the file is
       * refused, on this row's line, if it does not. The message's start,
       * with the row's name, is only made for a row that breaks one: a
       * large import is a hundred thousand rows that do not. */
      if (!_sam_store_check_row (store, table, uuid, values, NULL, SAM_STORE_CHECK_IMPORT, location, NULL))
        {
          what = row_what (table, location, uuid, values);
          _sam_store_check_row (store, table, uuid, values, NULL, SAM_STORE_CHECK_IMPORT, what, error);
          return FALSE;
        }
      if (table == SAM_TABLE_DECISION && import->mode == SAM_IMPORT_MERGE)
        {
          what = row_what (table, location, uuid, values);
          if (!take_free_number (import, uuid, values, what, &serial, error))
            return FALSE;
          if (serial != NULL)
            {
              renumbered = g_memdup2 (values, sizeof (char *) * (sam_schema_table (table)->n_columns + 1));
              renumbered[_sam_store_column_index (table, "serial")] = serial;
              values = renumbered;
            }
        }

      if (import->insert[table] == NULL &&
          (import->insert[table] = _sam_store_prepare (store, store->sql[table].insert, error)) == NULL)
        return FALSE;
      if (!step_row (import, import->insert[table], table, uuid, values, location, ref_ids, error))
        return FALSE;
      id = sqlite3_last_insert_rowid (store->db);
      import->added++;
    }
  note_location (import, table, uuid, values, location);

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

  if (!_sam_store_text_is_storable (key) || !_sam_store_text_is_storable (value))
    {
      g_autofree char *shown = _sam_store_dup_printable (key);

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The register information “%s” contains a control character, such as a vertical tab, "
                     "that the register cannot hold"), shown);
      return FALSE;
    }

  if (import->staging)
    {
      g_ptr_array_add (import->staged_info, g_strdup (key));
      g_ptr_array_add (import->staged_info, g_strdup (value));
      return TRUE;
    }

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
  guint first = saved->len;  /* @saved may hold another table's already */
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

  for (guint i = first; i < saved->len; i += 2)
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
                               _sam_store_column_label (deferred->table, deferred->column), deferred->target);
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
}

static void
release_rows (SamStoreImport *import)
{
  for (guint t = 0; t < SAM_N_TABLES; t++)
    g_clear_pointer (&import->locations[t], g_hash_table_unref);
  g_clear_pointer (&import->deferred, g_array_unref);
  g_clear_pointer (&import->strings, g_string_chunk_free);
}

/* The register changed between the staging and the write lock. The rows
 * the staging is to write are read again under the lock anyway; the rows
 * it found as the file has them must still be so, or the file is to be
 * staged again (only the file has their values). Their tables are read
 * through, in the order of the file on disk, rather than row by row by
 * UUID: a few hundred thousand lookups took several times as long, and
 * this runs under the lock. */
static gboolean
tables_unchanged (SamStoreImport  *import,
                  GHashTable     **expected,
                  GError         **error)
{
  SamStore *store = import->store;

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      sqlite3_stmt *stmt;
      guint found = 0;
      int rc;

      if (expected[t] == NULL)
        continue;
      if ((stmt = _sam_store_prepare (store, store->sql[t].select, error)) == NULL)
        return FALSE;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          g_autoptr(GPtrArray) existing = NULL;
          g_autofree char *uuid = NULL;
          const Staged *row;
          gint64 id = 0;

          existing = _sam_store_read_row (store, stmt, t, &id, &uuid);
          if ((row = g_hash_table_lookup (expected[t], uuid)) == NULL)
            continue;
          if (id != row->id || fingerprint (existing) != row->fingerprint)
            break;
          found++;
        }
      if (rc != SQLITE_ROW && !_sam_store_end_rows (store, stmt, rc, NULL, error))
        return FALSE;
      sqlite3_reset (stmt);

      /* A row that changed, or one that is gone */
      if (rc == SQLITE_ROW || found != g_hash_table_size (expected[t]))
        {
          g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_CHANGED,
                               _("The register was changed while the file was read. Read the file again."));
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
still_unchanged (SamStoreImport  *import,
                 GError         **error)
{
  GHashTable *expected[SAM_N_TABLES] = { NULL, };
  gboolean ok;

  for (guint i = 0; i < import->staged->len; i++)
    {
      Staged *row = &g_array_index (import->staged, Staged, i);

      if (!row->unchanged)
        continue;
      if (expected[row->table] == NULL)
        expected[row->table] = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_insert (expected[row->table], (char *) row->uuid, row);
    }

  ok = tables_unchanged (import, expected, error);
  for (guint t = 0; t < SAM_N_TABLES; t++)
    g_clear_pointer (&expected[t], g_hash_table_unref);

  return ok;
}

/* A staged merge's commit: the staging's read transaction ends and the
 * write transaction begins, on a register no one changed in between. */
static gboolean
take_write_lock (SamStoreImport  *import,
                 GError         **error)
{
  SamStore *store = import->store;
  gint64 version;

  _sam_store_rollback (store);
  run_merge_hook (SAM_STORE_MERGE_STAGED);

  if (!_sam_store_begin (store, error))
    return FALSE;
  run_merge_hook (SAM_STORE_MERGE_LOCKED);
  if ((version = data_version (store, error)) < 0 ||
      (version != import->data_version && !still_unchanged (import, error)))
    return FALSE;

  return drop_fts_triggers (store, error) && lift_circle_triggers (import, error);
}

/* Writes the rows the staging kept, in the file's order, as an unstaged
 * merge would have: each one is read again, now under the lock. */
static gboolean
write_staged (SamStoreImport  *import,
              GError         **error)
{
  g_autoptr(GArray) staged = g_steal_pointer (&import->staged);
  g_autoptr(GPtrArray) values = g_steal_pointer (&import->staged_values);
  g_autoptr(GPtrArray) info = g_steal_pointer (&import->staged_info);

  import->staging = FALSE;
  import->n_rows = 0;
  for (guint t = 0; t < SAM_N_TABLES; t++)
    g_hash_table_remove_all (import->ids[t]);

  for (guint i = 0; i < staged->len; i++)
    {
      const Staged *row = &g_array_index (staged, Staged, i);

      if (import->progress != NULL && i % 4096 == 0)
        sam_progress_set (import->progress, (double) i / staged->len,
                          _("Writing to the register. Other changes wait until it is done…"));

      if (!row->unchanged)
        {
          if (!sam_store_import_row (import, row->table, row->uuid,
                                     (const char * const *) &values->pdata[row->values], row->location, error))
            return FALSE;
          continue;
        }

      import->n_rows++;
      import->unchanged++;
      if (row->location != NULL)
        add_location (import, row->table, row->uuid, row->location);
      g_hash_table_insert (import->ids[row->table], (char *) row->uuid, GSIZE_TO_POINTER (row->id));
    }

  for (guint i = 0; i < info->len; i += 2)
    if (!sam_store_import_info (import, info->pdata[i], info->pdata[i + 1], error))
      return FALSE;

  if (import->progress != NULL)
    sam_progress_set (import->progress, 1.0, _("Writing to the register. Other changes wait until it is done…"));

  return TRUE;
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
  if (import->staging && !take_write_lock (import, error))
    return FALSE;
  if (import->staged_merge && !write_staged (import, error))
    return FALSE;

  /* Once a staged merge has written its rows: the counts and the
   * conflicts so far (those of the deferred references are not counted). */
  after = g_strdup_printf ("{\"mode\":\"%s\",\"added\":%u,\"updated\":%u,\"unchanged\":%u,\"conflicts\":%u}",
                           import->mode == SAM_IMPORT_MERGE ? "merge" : "replace",
                           import->added, import->updated, import->unchanged, import->conflicts->len);
  if (!resolve_deferred (import, TRUE, error) ||
      !resolve_deferred (import, FALSE, error))
    return FALSE;

  /* Every reference is resolved: the UUID tables go before the indexes
   * are sorted, so that the two never take memory at the same time. */
  release_ids (import);

  /* The rows may have come in any order: only now are all parents and
   * superseded decisions in place to look for a circle. */
  if (!_sam_store_check_cycles (store, locate_row, import, error) ||
      !restore_circle_triggers (import, error))
    return FALSE;
  release_rows (import);

  if (!fill_sort_keys (import, error) ||
      !create_indexes (import, error) ||
      !rebuild_fts (store, error) ||
      !_sam_store_run_sql_resource (store, SAM_STORE_FTS_TRIGGERS, error) ||
      !_sam_store_run_sql_resource (store, SAM_STORE_TRIGRAM_TRIGGERS, error) ||
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

  if (import->staged_merge)
    run_merge_hook (SAM_STORE_MERGE_COMMITTED);
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
  _sam_store_exec (import->store, "PRAGMA cache_size = " SAM_STORE_CACHE_KIB, NULL);

  release_ids (import);
  release_rows (import);
  g_ptr_array_unref (import->indexes);
  g_ptr_array_unref (import->circle_triggers);
  g_clear_pointer (&import->conflicts, g_ptr_array_unref);
  g_clear_pointer (&import->staged, g_array_unref);
  g_clear_pointer (&import->staged_values, g_ptr_array_unref);
  g_clear_pointer (&import->staged_info, g_ptr_array_unref);
  g_clear_object (&import->progress);
  g_object_unref (import->store);
  g_free (import);
}

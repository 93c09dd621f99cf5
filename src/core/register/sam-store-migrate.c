/* sam-store-migrate.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-register-resources.h"
#include "sam-store-private.h"

#define SQL_RESOURCE_DIR "/io/github/samordna/Samordna/sql/"

/*
 * Bringing a register file to the current schema (the migrations are the
 * resources named NNN-what.sql, applied in order and recorded in
 * PRAGMA user_version), and deriving each table's SQL from the schema
 * descriptor once the schema is known.
 */

/**
 * _sam_store_quote_identifier:
 * @name: an SQL name
 *
 * Returns: (transfer full): @name quoted as an SQL identifier
 */
char *
_sam_store_quote_identifier (const char *name)
{
  g_autofree char *escaped = NULL;
  char **parts = g_strsplit (name, "\"", -1);

  escaped = g_strjoinv ("\"\"", parts);
  g_strfreev (parts);

  return g_strdup_printf ("\"%s\"", escaped);
}

/* The column defaults, as SQL ("coalesce (?3, 'planned')") and as the text
 * an export would show ("planned"), read from the schema itself. */
static gboolean
read_defaults (SamStore     *self,
               SamTable      table,
               char       ***sql_defaults,
               GError      **error)
{
  const SamTableInfo *info = sam_schema_table (table);
  g_autofree char *pragma = g_strdup_printf ("PRAGMA table_info (%s)", info->sql_name);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, pragma, -1, &stmt, NULL) != SQLITE_OK)
    {
      _sam_store_set_error (self, error, sqlite3_errcode (self->db), _("The register could not be read"));
      return FALSE;
    }

  *sql_defaults = g_new0 (char *, info->n_columns + 1);
  self->sql[table].defaults = g_new0 (char *, info->n_columns + 1);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 1);
      const char *dflt = (const char *) sqlite3_column_text (stmt, 4);

      if (dflt == NULL)
        continue;
      for (guint c = 0; c < info->n_columns; c++)
        if (strcmp (info->columns[c].column, name) == 0)
          {
            gsize len = strlen (dflt);

            (*sql_defaults)[c] = g_strdup (dflt);
            if (len >= 2 && dflt[0] == '\'' && dflt[len - 1] == '\'')
              self->sql[table].defaults[c] = g_strndup (dflt + 1, len - 2);
            else
              self->sql[table].defaults[c] = g_strdup (dflt);
          }
    }

  return TRUE;
}

/* The SQL for each table is built once from the descriptor and the schema
 * (names and defaults only; every value is a bound parameter), so adding a
 * column to the descriptor is enough to load, save, import and export it. */
gboolean
_sam_store_build_table_sql (SamStore  *self,
                 SamTable   table,
                 GError   **error)
{
  const SamTableInfo *info = sam_schema_table (table);
  SamTableSql *sql = &self->sql[table];
  char **sql_defaults = NULL;
  g_autoptr(GString) select = g_string_new ("SELECT t.id, t.uuid");
  g_autoptr(GString) export = g_string_new ("SELECT t.id, t.uuid");
  g_autoptr(GString) joins = g_string_new ("");
  g_autoptr(GString) insert = g_string_new ("");
  g_autoptr(GString) params = g_string_new ("?1");
  g_autoptr(GString) update = g_string_new ("");
  g_autofree char *name = _sam_store_quote_identifier (info->sql_name);

  if (!read_defaults (self, table, &sql_defaults, error))
    return FALSE;

  sql->assign = g_new0 (char *, info->n_columns + 1);
  g_string_printf (insert, "INSERT INTO %s (uuid", name);
  g_string_printf (update, "UPDATE %s SET ", name);
  for (guint c = 0; c < info->n_columns; c++)
    {
      const SamColumn *column = &info->columns[c];
      g_autofree char *col = _sam_store_quote_identifier (column->column);
      g_autofree char *param = NULL;

      if (column->type == SAM_COLUMN_REF)
        {
          g_autofree char *ref = _sam_store_quote_identifier (sam_schema_table (column->ref_table)->sql_name);

          g_string_append_printf (select, ", r%u.uuid", c);
          g_string_append_printf (joins, " LEFT JOIN %s r%u ON r%u.id = t.%s", ref, c, c, col);
        }
      else
        g_string_append_printf (select, ", t.%s", col);
      g_string_append_printf (export, ", t.%s", col);

      if (sql_defaults[c] != NULL)
        param = g_strdup_printf ("coalesce (?%u, %s)", c + 2, sql_defaults[c]);
      else
        param = g_strdup_printf ("?%u", c + 2);
      g_string_append_printf (insert, ", %s", col);
      g_string_append_printf (params, ", %s", param);
      g_string_append_printf (update, "%s%s = %s", c > 0 ? ", " : "", col, param);
      sql->assign[c] = g_strdup_printf ("%s = %s", col, param);
    }

  for (guint c = 0; c < info->n_columns; c++)
    g_free (sql_defaults[c]);
  g_free (sql_defaults);

  sql->select = g_strdup_printf ("%s FROM %s t%s", select->str, name, joins->str);
  sql->export = g_strdup_printf ("%s FROM %s t ORDER BY t.uuid", export->str, name);
  sql->insert = g_strdup_printf ("%s) VALUES (%s)", insert->str, params->str);
  sql->update = g_strdup_printf ("%s WHERE uuid = ?1", update->str);
  sql->delete = g_strdup_printf ("DELETE FROM %s WHERE uuid = ?1", name);
  sql->find_id = g_strdup_printf ("SELECT id FROM %s WHERE uuid = ?1", name);
  sql->exists = g_strdup_printf ("SELECT EXISTS (SELECT 1 FROM %s)", name);

  return TRUE;
}

/**
 * _sam_store_lookup_sql:
 * @name: the file name of an SQL resource, such as "fts-triggers.sql"
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the SQL text
 */
GBytes *
_sam_store_lookup_sql (const char  *name,
                       GError     **error)
{
  g_autofree char *path = g_strconcat (SQL_RESOURCE_DIR, name, NULL);

  return g_resource_lookup_data (sam_register_get_resource (), path, 0, error);
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Migrations are the resources named NNN-what.sql; NNN is the user_version
 * the file has after running it. */
static GPtrArray *
list_migrations (void)
{
  g_auto(GStrv) names = g_resource_enumerate_children (sam_register_get_resource (), SQL_RESOURCE_DIR, 0, NULL);
  GPtrArray *migrations = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_ascii_isdigit (names[i][0]) && g_ascii_isdigit (names[i][1]) &&
        g_ascii_isdigit (names[i][2]) && names[i][3] == '-' && g_str_has_suffix (names[i], ".sql"))
      g_ptr_array_add (migrations, g_strdup (names[i]));
  g_ptr_array_sort (migrations, compare_names);

  return migrations;
}

static int
migration_version (const char *name)
{
  return (int) g_ascii_strtoll (name, NULL, 10);
}

/**
 * _sam_store_run_sql_resource:
 * @self: a #SamStore
 * @name: the file name of an SQL resource
 * @error: return location for a #GError
 *
 * Returns: whether all statements of the resource ran
 */
gboolean
_sam_store_run_sql_resource (SamStore    *self,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(GBytes) bytes = _sam_store_lookup_sql (name, error);
  g_autofree char *sql = NULL;

  if (bytes == NULL)
    return FALSE;

  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  return _sam_store_exec (self, sql, error);
}

static int
read_int_pragma (SamStore   *self,
                 const char *sql,
                 int        *rc)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int value = -1;

  *rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          value = sqlite3_column_int (stmt, 0);
          *rc = SQLITE_OK;
        }
    }

  return value;
}

/**
 * _sam_store_latest_version:
 *
 * Returns: the format this build writes (the last migration's number), or
 *   0 if the migrations are missing from the build
 */
int
_sam_store_latest_version (void)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();

  if (migrations->len == 0)
    return 0;

  return migration_version (g_ptr_array_index (migrations, migrations->len - 1));
}

static gboolean
check_version (SamStore   *self,
               int         latest,
               int        *version,
               GError    **error)
{
  int rc;
  int n_objects;

  *version = read_int_pragma (self, "PRAGMA user_version", &rc);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be opened"));
      return FALSE;
    }

  if (*version > latest)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NEWER_VERSION,
                   _("The register “%s” was saved by a newer version of Samordna (format %d; "
                     "this version reads up to format %d). Update Samordna to open it."),
                   self->path, *version, latest);
      return FALSE;
    }

  /* A file with tables but no version is some other program's database. */
  n_objects = read_int_pragma (self, "SELECT count (*) FROM sqlite_master", &rc);
  if (rc != SQLITE_OK || (*version == 0 && n_objects > 0))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The file “%s” is not a Samordna register"), self->path);
      return FALSE;
    }

  return TRUE;
}

/* References that lead nowhere. A register another program wrote with
 * foreign keys off may have some already; a migration must add none. */
static gint64
count_broken_references (SamStore  *self,
                         GError   **error)
{
  int rc;
  int n = read_int_pragma (self, "SELECT count (*) FROM pragma_foreign_key_check", &rc);

  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be read"));
      return -1;
    }

  return n;
}

static gboolean
run_migration (SamStore    *self,
               const char  *name,
               int          target,
               GError     **error)
{
  g_autofree char *set_version = g_strdup_printf ("PRAGMA user_version = %d", target);
  gint64 broken_before, broken_after;

  if (!_sam_store_begin (self, error) ||
      (broken_before = count_broken_references (self, error)) < 0 ||
      !_sam_store_run_sql_resource (self, name, error) ||
      /* The FTS triggers belong to the first schema, and come back after
       * version 8 made their tables anew; they live in their own file so
       * that an import can drop and recreate them. */
      ((target == 1 || target == 8) && !_sam_store_run_sql_resource (self, SAM_STORE_FTS_TRIGGERS, error)) ||
      /* The trigram index's come with it, in version 9. */
      (target == 9 && !_sam_store_run_sql_resource (self, SAM_STORE_TRIGRAM_TRIGGERS, error)) ||
      (broken_after = count_broken_references (self, error)) < 0)
    return FALSE;

  if (broken_after > broken_before)
    {
      g_debug ("migration %s: %" G_GINT64_FORMAT " broken references, %" G_GINT64_FORMAT " before",
               name, broken_after, broken_before);
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                           _("an entry would refer to one that is not in the register"));
      return FALSE;
    }

  return _sam_store_exec (self, set_version, error) && _sam_store_commit (self, error);
}

/**
 * _sam_store_migrate:
 * @self: a #SamStore whose connection is open
 * @error: return location for a #GError
 *
 * Brings the register up to the newest schema, one migration per
 * transaction, and refuses a register made by a newer version.
 *
 * A migration may make a table anew (SQLite cannot change a CHECK in
 * place): it runs with foreign keys off, so that dropping the old table
 * deletes nothing through them, and the references are checked before it
 * commits.
 *
 * Returns: whether the register is up to date
 */
gboolean
_sam_store_migrate (SamStore  *self,
                    GError   **error)
{
  g_autoptr(GPtrArray) migrations = list_migrations ();
  int latest, version;

  if (migrations->len == 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                           _("The register format description is missing from this build"));
      return FALSE;
    }

  latest = migration_version (g_ptr_array_index (migrations, migrations->len - 1));
  if (!check_version (self, latest, &version, error))
    return FALSE;

  for (guint i = 0; i < migrations->len; i++)
    {
      const char *name = g_ptr_array_index (migrations, i);
      int target = migration_version (name);
      gboolean ok;

      if (target <= version)
        continue;

      /* Outside a transaction, where SQLite ignores it. */
      ok = _sam_store_exec (self, "PRAGMA foreign_keys = OFF", error) &&
           run_migration (self, name, target, error);
      if (!ok)
        _sam_store_rollback (self);
      if (!_sam_store_exec (self, "PRAGMA foreign_keys = ON", ok ? error : NULL) || !ok)
        {
          g_prefix_error (error, _("The register could not be brought up to date: "));
          return FALSE;
        }
      version = target;
    }

  return TRUE;
}

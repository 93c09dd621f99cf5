/* test-schema.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-schema.h"
#include "sam-store.h"
#include "sam-test-register.h"
#include "sam-test-util.h"
#include "sam-types.h"

/* Every column the descriptor names must exist in the SQL schema (as the
 * migrations leave it, so a column added by a later one counts), with the
 * same nullability for required columns, or export and import would drift
 * apart from the store. */
static void
test_schema_matches_sql (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SamStore) store = sam_test_new_tmp_store ("test-schema-XXXXXX", "register.samordna", &dir, NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (sam_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);
      g_autofree char *query = g_strdup_printf ("PRAGMA table_info (%s)", info->sql_name);
      g_autoptr(GHashTable) notnull = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      sqlite3_stmt *stmt = NULL;

      g_assert_cmpint (info->table, ==, t);
      g_assert_cmpint (sqlite3_prepare_v2 (db, query, -1, &stmt, NULL), ==, SQLITE_OK);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        g_hash_table_insert (notnull,
                             g_strdup ((const char *) sqlite3_column_text (stmt, 1)),
                             /* 1: nullable, 2: NOT NULL with a default, 3: NOT NULL */
                             GINT_TO_POINTER (sqlite3_column_int (stmt, 3) == 0 ? 1
                                              : sqlite3_column_type (stmt, 4) != SQLITE_NULL ? 2 : 3));
      sqlite3_finalize (stmt);

      g_assert_true (g_hash_table_contains (notnull, "uuid"));
      for (guint c = 0; c < info->n_columns; c++)
        {
          const SamColumn *column = &info->columns[c];
          int nn = GPOINTER_TO_INT (g_hash_table_lookup (notnull, column->column));

          if (nn == 0)
            g_error ("%s.%s is not in the SQL schema", info->sql_name, column->column);
          /* A NOT NULL column without a default must be required in XML. */
          if (nn == 3 && !column->required)
            g_error ("%s.%s is NOT NULL but optional in XML", info->sql_name, column->column);
          g_assert_true (sam_schema_column_for_xml (info, column->xml_name) == column);
        }

      g_assert_true (sam_schema_table_for_element (info->element) == info);
      g_assert_true (sam_schema_table_for_section (info->section) == info);
    }

  sqlite3_close (db);
  sam_test_free_tmp_store (g_steal_pointer (&store), dir);
}

static void
test_schema_enums (void)
{
  const SamTableInfo *info = sam_schema_table (SAM_TABLE_GROUP);
  const SamColumn *kind = sam_schema_column_for_xml (info, "kind");

  g_assert_nonnull (kind);
  g_assert_true (sam_schema_enum_is_valid (kind, "council"));
  g_assert_true (sam_schema_enum_is_valid (kind, "process_team"));
  g_assert_false (sam_schema_enum_is_valid (kind, "Council"));
  g_assert_false (sam_schema_enum_is_valid (kind, ""));
  g_assert_false (sam_schema_enum_is_valid (kind, NULL));
  g_assert_null (sam_schema_table_for_element ("grp"));
}

/* The words a CHECK constraint allows for @column: the quoted literals of
 * the first CHECK (…) after the column's name that compares @column with
 * them, in either form ("x IN ('a', 'b')" or "x = 'a' OR x = 'b'"). */
static GPtrArray *
check_words (const char *create,
             const char *column)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *in = g_strdup_printf ("%s IN (", column);
  g_autofree char *eq = g_strdup_printf ("%s = '", column);

  for (const char *p = strstr (create, "CHECK ("); p != NULL; p = strstr (p + 1, "CHECK ("))
    {
      const char *start = p + strlen ("CHECK (");
      const char *end = start;
      int depth = 1;
      g_autofree char *expression = NULL;

      for (; *end != '\0' && depth > 0; end++)
        depth += *end == '(' ? 1 : *end == ')' ? -1 : 0;
      expression = g_strndup (start, end - start);
      if (strstr (expression, in) == NULL && strstr (expression, eq) == NULL)
        continue;

      for (const char *q = strchr (expression, '\''); q != NULL; q = strchr (q + 1, '\''))
        {
          const char *close = strchr (q + 1, '\'');

          g_ptr_array_add (words, g_strndup (q + 1, close - q - 1));
          q = close;
        }
      break;
    }

  return words;
}

/* The register's closed sets are written once, in sam-types.c; the schema
 * descriptor points at them, and the SQL schema, which migrations may not
 * rewrite, must allow exactly the same words. A value added to an enum
 * without a migration fails here, not in a user's import. */
static void
test_schema_enums_match_sql (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SamStore) store = sam_test_new_tmp_store ("test-schema-XXXXXX", "register.samordna", &dir, NULL);
  sqlite3 *db = NULL;
  guint n_checked = 0;

  g_assert_cmpint (sqlite3_open_v2 (sam_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);
      sqlite3_stmt *stmt = NULL;
      g_autofree char *create = NULL;

      g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?1",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, info->sql_name, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      create = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      sqlite3_finalize (stmt);

      for (guint c = 0; c < info->n_columns; c++)
        {
          const SamColumn *column = &info->columns[c];
          g_autoptr(GPtrArray) words = NULL;
          g_autoptr(GEnumClass) klass = NULL;

          if (column->type != SAM_COLUMN_ENUM)
            continue;

          words = check_words (create, column->column);
          klass = g_type_class_ref (sam_enum_type_for_column (column));
          g_test_message ("%s.%s: %u words in SQL, %u values", info->sql_name, column->column,
                          words->len, column->enum_info->n_values);
          g_assert_cmpuint (words->len, ==, column->enum_info->n_values);
          g_assert_cmpuint (klass->n_values, ==, column->enum_info->n_values);
          for (guint v = 0; v < column->enum_info->n_values; v++)
            {
              const SamEnumValue *value = &column->enum_info->values[v];

              g_assert_true (g_ptr_array_find_with_equal_func (words, value->nick, g_str_equal, NULL));
              g_assert_cmpint (value->value, ==, (int) v);
              g_assert_cmpstr (klass->values[v].value_nick, ==, value->nick);
              g_assert_cmpstr (klass->values[v].value_name, ==, value->name);
              g_assert_nonnull (sam_enum_get_label (G_TYPE_FROM_CLASS (klass), value->value));
            }
          n_checked++;
        }
    }
  sqlite3_close (db);
  g_assert_cmpuint (n_checked, ==, 10);

  sam_test_free_tmp_store (g_steal_pointer (&store), dir);
}

/* Schema version 8 spells the closed sets' CHECKs anew, which SQLite can
 * only do by making their tables anew. A register of version 7, with rows
 * in every table, is made here as the migrations up to 7 made it: they
 * need sv_key () and sv_key_version (), which only the store defines, so
 * this connection gets stand-ins (the store makes the keys anew when it
 * opens the file, for the version differs). */

static void
stand_in_key (sqlite3_context  *context,
              int               argc,
              sqlite3_value   **argv)
{
  if (sqlite3_value_type (argv[0]) == SQLITE_NULL)
    sqlite3_result_null (context);
  else
    sqlite3_result_blob (context, sqlite3_value_text (argv[0]), sqlite3_value_bytes (argv[0]), SQLITE_TRANSIENT);
}

static void
stand_in_key_version (sqlite3_context  *context,
                      int               argc,
                      sqlite3_value   **argv)
{
  sqlite3_result_text (context, "stand-in", -1, SQLITE_STATIC);
}

static void
exec_resource (sqlite3    *db,
               const char *name)
{
  g_autofree char *path = g_strconcat ("/io/github/samordna/Samordna/sql/", name, NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;

  bytes = g_resources_lookup_data (path, 0, &error);
  g_assert_no_error (error);
  sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", name, message);
}

static int
compare_names (const void *a,
               const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

static void
make_version_7 (const char *dir,
                const char *path)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autofree char *sql_path = g_build_filename (dir, "rows.sql", NULL);
  g_autofree char *rows = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) names = NULL;
  SamTestRegisterSize size = {
    .organisations = 20, .people = 200, .groups = 60, .relations = 30, .commissions = 30, .seats = 50,
    .assignments = 300, .meetings = 150, .participations = 200, .agenda_items = 300, .attendances = 300,
    .decisions = 600, .escalations = 40, .info = 3, .rich = TRUE, .text_length = 4,
  };
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_create_function (db, "sv_key", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, stand_in_key, NULL, NULL);
  sqlite3_create_function (db, "sv_key_version", 0, SQLITE_UTF8, NULL, stand_in_key_version, NULL, NULL);

  names = g_resources_enumerate_children ("/io/github/samordna/Samordna/sql/", 0, &error);
  g_assert_no_error (error);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  g_assert_cmpstr (names[0], ==, "001-initial.sql");
  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_isdigit (names[i][0]) && atoi (names[i]) <= 7)
      {
        exec_resource (db, names[i]);
        if (atoi (names[i]) == 1)
          exec_resource (db, "fts-triggers.sql");
      }
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 7", NULL, NULL, NULL), ==, SQLITE_OK);

  /* The rows, every table's, through the schema's own triggers. */
  reg = sam_test_register_new (rand, &size);
  g_assert_true (sam_test_register_write_sql (reg, sql_path, &error));
  g_assert_no_error (error);
  g_file_get_contents (sql_path, &rows, NULL, &error);
  g_assert_no_error (error);
  /* The rows end with a rebuild of every full-text index of the current
   * schema; version 7 has no trigram index yet (version 9 makes it). */
  memcpy (strstr (rows, "INSERT INTO decision_trgm"), "--", 2);
  if (sqlite3_exec (db, rows, NULL, NULL, &message) != SQLITE_OK)
    g_error ("rows: %s", message);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO audit_log (at, who, action, entity, entity_uuid, after) "
                                 "SELECT '2026-01-01T10:00:00Z', 'Karin', 'insert', 'decision', uuid, "
                                 "json_object ('title', title) FROM decision WHERE id % 7 = 0",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
append_value (GString      *out,
              sqlite3_stmt *stmt,
              int           column)
{
  switch (sqlite3_column_type (stmt, column))
    {
    case SQLITE_NULL:
      g_string_append (out, "NULL");
      break;
    case SQLITE_INTEGER:
      g_string_append_printf (out, "%lld", sqlite3_column_int64 (stmt, column));
      break;
    case SQLITE_FLOAT:
      g_string_append_printf (out, "%.17g", sqlite3_column_double (stmt, column));
      break;
    default:
      g_string_append_printf (out, "%d:'%.*s'", sqlite3_column_type (stmt, column),
                              sqlite3_column_bytes (stmt, column), sqlite3_column_text (stmt, column));
      break;
    }
}

static void
append_query (GString    *out,
              sqlite3    *db,
              const char *sql,
              gboolean    skip_keys)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < sqlite3_column_count (stmt); c++)
        {
          /* The sort keys are derived, and made anew by the store. */
          if (skip_keys && g_str_has_suffix (sqlite3_column_name (stmt, c), "_key"))
            continue;
          g_string_append_printf (out, "%s=", sqlite3_column_name (stmt, c));
          append_value (out, stmt, c);
          g_string_append_c (out, '|');
        }
      g_string_append_c (out, '\n');
    }
  sqlite3_finalize (stmt);
}

/* Everything a register holds, but its tables' SQL and sort keys: every
 * row of every table (by rowid, so ids count), each table's columns, the
 * indexes and triggers as written, and what the full-text indexes find. */
static char *
dump_register (const char *path)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT name FROM sqlite_schema WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '%_fts%' AND name NOT LIKE '%_trgm%' "
                                       "AND name <> 'sort_key_collator' ORDER BY name", -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (tables, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  g_assert_cmpuint (tables->len, ==, SAM_N_TABLES + 2);  /* audit_log, register_info */

  for (guint i = 0; i < tables->len; i++)
    {
      g_autofree char *columns = g_strdup_printf ("SELECT cid, name, type, \"notnull\", dflt_value, pk "
                                                  "FROM pragma_table_info ('%s')", (char *) tables->pdata[i]);
      g_autofree char *rows = g_strdup_printf ("SELECT rowid AS rowid_, * FROM \"%s\" ORDER BY rowid",
                                               (char *) tables->pdata[i]);
      g_autofree char *fks = g_strdup_printf ("SELECT * FROM pragma_foreign_key_list ('%s') ORDER BY id, seq",
                                              (char *) tables->pdata[i]);

      g_string_append_printf (out, "table %s\n", (char *) tables->pdata[i]);
      append_query (out, db, columns, FALSE);
      append_query (out, db, fks, FALSE);
      append_query (out, db, rows, TRUE);
    }

  append_query (out, db, "SELECT type, name, tbl_name, sql FROM sqlite_schema "
                         "WHERE type IN ('index', 'trigger') AND name NOT LIKE 'decision_trgm%' "
                         "ORDER BY type, name", FALSE);
  append_query (out, db, "SELECT 'decision', rowid FROM decision_fts WHERE decision_fts MATCH 'beslut OR möte OR ärende' "
                         "UNION ALL SELECT 'meeting', rowid FROM meeting_fts WHERE meeting_fts MATCH 'möte OR samråd' "
                         "UNION ALL SELECT 'item', rowid FROM agenda_item_fts WHERE agenda_item_fts MATCH 'beslut OR uppföljning' "
                         "UNION ALL SELECT 'prefix', rowid FROM decision_fts WHERE decision_fts MATCH 'ä*'", FALSE);
  append_query (out, db, "SELECT count (*) AS broken FROM pragma_foreign_key_check", FALSE);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

static void
assert_intact (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO decision_fts (decision_fts, rank) VALUES ('integrity-check', 1);"
                                 "INSERT INTO meeting_fts (meeting_fts, rank) VALUES ('integrity-check', 1);"
                                 "INSERT INTO agenda_item_fts (agenda_item_fts, rank) VALUES ('integrity-check', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  /* The trigram index comes with version 9. */
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM sqlite_schema WHERE name = 'decision_trgm'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  if (sqlite3_column_int (stmt, 0) > 0)
    g_assert_cmpint (sqlite3_exec (db, "INSERT INTO decision_trgm (decision_trgm, rank) VALUES ('integrity-check', 1)",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* Fails on the first line where @after differs from @before, not with
 * the whole of both. */
static void
assert_same_lines (const char *before,
                   const char *after)
{
  g_auto(GStrv) old_lines = g_strsplit (before, "\n", -1);
  g_auto(GStrv) new_lines = g_strsplit (after, "\n", -1);

  for (guint i = 0; old_lines[i] != NULL || new_lines[i] != NULL; i++)
    if (old_lines[i] == NULL || new_lines[i] == NULL || strcmp (old_lines[i], new_lines[i]) != 0)
      g_error ("line %u differs:\n before: %s\n after:  %s", i + 1,
               old_lines[i] != NULL ? old_lines[i] : "(end)", new_lines[i] != NULL ? new_lines[i] : "(end)");
}

static int
user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

/* A register of version 7 with rows in every table comes out of version 8
 * with every row, id and UUID, reference, index, trigger and full-text
 * entry it had. */
/* The trigram index that version 9 adds finds inside words what LIKE
 * finds, for the rows the register had before. */
static void
assert_trigrams_found (const char *path)
{
  static const char * const pieces[] = { "rin", "ering", "ÅTG", "ögo", "tt 2" };
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (pieces); i++)
    {
      sqlite3_stmt *stmt = NULL;
      g_autofree char *phrase = g_strdup_printf ("\"%s\"", pieces[i]);
      g_autofree char *folded = g_utf8_casefold (pieces[i], -1);

      /* lower () folds ASCII only; the pieces' other letters are lower
       * case in the oracle's pattern and folded by the index. */
      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT (SELECT count (*) FROM decision_trgm WHERE decision_trgm MATCH ?1), "
                                           "(SELECT count (*) FROM decision WHERE instr (lower (title || ' ' || coalesce (body, '')), ?2) > 0)",
                                           -1, &stmt, NULL), ==, SQLITE_OK);
      sqlite3_bind_text (stmt, 1, phrase, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, folded, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      g_test_message ("“%s”: %d found", pieces[i], sqlite3_column_int (stmt, 1));
      g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, sqlite3_column_int (stmt, 1));
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_schema_migrate_lossless (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-schema-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.samordna", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  make_version_7 (dir, path);
  assert_intact (path);
  before = dump_register (path);
  g_assert_nonnull (strstr (before, "table decision\n"));

  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  g_assert_cmpint (user_version (path), >=, 8);
  assert_intact (path);
  after = dump_register (path);
  g_test_message ("%zu bytes of register compared", strlen (before));
  assert_same_lines (before, after);
  assert_trigrams_found (path);

  sam_test_remove_tree (dir);
}

/* Tries odd values in every column of every table with a closed set, and
 * each word of the set, one UPDATE at a time, and records what SQLite
 * answered (each undone again). */
static char *
try_values (const char *path)
{
  static const char * const odd[] = {
    "NULL", "''", "'  '", "'bogus'", "'Council'", "'draft '", "-1", "0", "1", "'1899-01-01'", "'9999-12-31'",
  };
  g_autoptr(GString) out = g_string_new (NULL);
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_extended_result_codes (db, 1);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), ==, SQLITE_OK);

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);
      gboolean has_enum = FALSE;

      for (guint c = 0; c < info->n_columns; c++)
        if (info->columns[c].type == SAM_COLUMN_ENUM)
          {
            has_enum = TRUE;
            for (guint v = 0; v < info->columns[c].enum_info->n_values; v++)
              {
                const char *nick = info->columns[c].enum_info->values[v].nick;
                g_autofree char *upper = g_ascii_strup (nick, -1);

                g_ptr_array_add (values, g_strdup_printf ("'%s'", nick));
                g_ptr_array_add (values, g_strdup_printf ("'%s'", upper));
              }
          }
      if (!has_enum)
        continue;
      for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
        g_ptr_array_add (values, g_strdup (odd[i]));

      for (guint c = 0; c < info->n_columns; c++)
        for (guint i = 0; i < values->len; i++)
          {
            g_autofree char *sql = g_strdup_printf ("UPDATE %s SET %s = %s WHERE id IN (SELECT id FROM %s "
                                                    "ORDER BY id LIMIT 3)",
                                                    info->sql_name, info->columns[c].column,
                                                    (char *) values->pdata[i], info->sql_name);
            int rc;

            g_assert_cmpint (sqlite3_exec (db, "SAVEPOINT try", NULL, NULL, NULL), ==, SQLITE_OK);
            rc = sqlite3_exec (db, sql, NULL, NULL, NULL);
            g_string_append_printf (out, "%s -> %d\n", sql, rc);
            g_assert_cmpint (sqlite3_exec (db, "ROLLBACK TO try; RELEASE try", NULL, NULL, NULL), ==, SQLITE_OK);
          }
    }
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* And a migrated register refuses exactly what it refused before, and
 * takes what it took. */
static void
test_schema_migrate_same_rules (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-schema-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.samordna", NULL);
  g_autofree char *old_dir = g_build_filename (dir, "old", NULL);
  g_autofree char *old_path = g_build_filename (old_dir, "register.samordna", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  guint n_refused = 0;

  g_assert_cmpint (g_mkdir (old_dir, 0700), ==, 0);
  make_version_7 (old_dir, old_path);
  make_version_7 (dir, path);
  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpint (user_version (old_path), ==, 7);
  g_assert_cmpint (user_version (path), >=, 8);

  before = try_values (old_path);
  after = try_values (path);
  for (const char *p = strstr (before, "-> 275\n"); p != NULL; p = strstr (p + 1, "-> 275\n"))
    n_refused++;
  g_test_message ("%u updates refused by a CHECK", n_refused);
  g_assert_cmpuint (n_refused, >, 100);
  assert_same_lines (before, after);

  sam_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schema/matches-sql", test_schema_matches_sql);
  g_test_add_func ("/schema/enums", test_schema_enums);
  g_test_add_func ("/schema/enums-match-sql", test_schema_enums_match_sql);
  g_test_add_func ("/schema/migrate/lossless", test_schema_migrate_lossless);
  g_test_add_func ("/schema/migrate/same-rules", test_schema_migrate_same_rules);

  return g_test_run ();
}

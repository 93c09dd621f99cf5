/* test-schema.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#include <sqlite3.h>

#include "sam-schema.h"
#include "sam-store.h"
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/schema/matches-sql", test_schema_matches_sql);
  g_test_add_func ("/schema/enums", test_schema_enums);
  g_test_add_func ("/schema/enums-match-sql", test_schema_enums_match_sql);

  return g_test_run ();
}

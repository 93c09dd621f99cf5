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

/* Every column the descriptor names must exist in the SQL schema, with the
 * same nullability for required columns, or export and import would drift
 * apart from the store. */
static void
test_schema_matches_sql (void)
{
  g_autoptr(GBytes) sql = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  sql = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/001-initial.sql", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_open (":memory:", &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, g_bytes_get_data (sql, NULL), NULL, NULL, NULL), ==, SQLITE_OK);

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/schema/matches-sql", test_schema_matches_sql);
  g_test_add_func ("/schema/enums", test_schema_enums);

  return g_test_run ();
}

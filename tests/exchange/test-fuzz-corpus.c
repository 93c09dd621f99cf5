/* test-fuzz-corpus.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-checks.h"

/* Replays the fuzzers' corpora as the fuzzers would, with the same checks
 * (fuzz-checks.c), so that CI runs them under ASan and UBSan without
 * libFuzzer: fuzz-corpus/ through the importer, into an empty register and
 * merged into a register holding the same file; fuzz-corpus-merge/ merged
 * into the demo register. Each file must be taken or refused with a proper
 * error, never crash; what is taken must export and import again to the
 * same bytes; what is refused must leave the register as it was. */

static GPtrArray *
list_corpus (const char *name)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, &error);
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  const char *file;

  g_assert_no_error (error);
  while ((file = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (paths, g_build_filename (corpus, file, NULL));
  g_ptr_array_sort (paths, (GCompareFunc) g_strcmp0);

  return paths;
}

static void
test_replay (void)
{
  g_autoptr(GPtrArray) paths = list_corpus ("fuzz-corpus");
  g_autofree char *tmp = g_dir_make_tmp ("test-fuzz-corpus-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "register.sqlite", NULL);
  g_autoptr(GError) error = NULL;
  guint n_imported = 0;

  g_assert_nonnull (tmp);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      g_autofree char *contents = NULL;
      g_autoptr(SamStore) store = NULL;
      gsize len;

      g_file_get_contents (paths->pdata[i], &contents, &len, &error);
      g_assert_no_error (error);
      fuzz_remove_database (db);
      store = sam_store_open (db, &error);
      g_assert_no_error (error);

      for (guint mode = 0; mode < 2; mode++)
        {
          SamImportSummary summary = { 0 };

          if (sam_xml_import_memory (store, contents, len, name, mode == 0 ? SAM_IMPORT_REPLACE : SAM_IMPORT_MERGE,
                                     &summary, &error))
            {
              fuzz_check_round_trip (store, tmp);
              n_imported++;
            }
          else
            {
              fuzz_check_refusal (error);
              g_test_message ("%s: %s", name, error->message);
              g_clear_error (&error);
            }
          sam_import_summary_clear (&summary);
        }

      g_assert_finalize_object (g_steal_pointer (&store));
    }

  fuzz_remove_database (db);
  g_rmdir (tmp);
  g_assert_cmpuint (paths->len, >=, 12);
  g_assert_cmpuint (n_imported, >, 0);
}

static void
test_replay_merge (void)
{
  g_autoptr(GPtrArray) paths = list_corpus ("fuzz-corpus-merge");
  g_autofree char *tmp = g_dir_make_tmp ("test-fuzz-corpus-XXXXXX", NULL);
  g_autofree char *db = g_build_filename (tmp, "register.sqlite", NULL);
  g_autofree char *base = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  guint n_merged = 0, n_refused = 0;

  g_assert_nonnull (tmp);
  base = fuzz_make_merge_base (tmp);

  for (guint i = 0; i < paths->len; i++)
    {
      g_autofree char *name = g_path_get_basename (paths->pdata[i]);
      g_autofree char *contents = NULL;
      g_autoptr(SamStore) store = fuzz_open_copy (base, db);
      SamImportSummary summary = { 0 };
      gsize len;

      if (before == NULL)
        before = fuzz_dup_export (store, tmp);
      g_file_get_contents (paths->pdata[i], &contents, &len, &error);
      g_assert_no_error (error);

      if (sam_xml_import_memory (store, contents, len, name, SAM_IMPORT_MERGE, &summary, &error))
        {
          g_test_message ("%s: %u added, %u updated, %u unchanged, %u conflicts", name, summary.added,
                          summary.updated, summary.unchanged, summary.conflicts != NULL ? summary.conflicts->len : 0);
          fuzz_check_round_trip (store, tmp);
          n_merged++;
        }
      else
        {
          g_autofree char *after = NULL;

          fuzz_check_refusal (error);
          g_test_message ("%s: %s", name, error->message);
          g_clear_error (&error);
          after = fuzz_dup_export (store, tmp);
          g_assert_cmpstr (after, ==, before);
          n_refused++;
        }
      sam_import_summary_clear (&summary);

      g_assert_finalize_object (g_steal_pointer (&store));
    }

  fuzz_remove_database (db);
  fuzz_remove_database (base);
  g_rmdir (tmp);
  g_assert_cmpuint (paths->len, >=, 12);
  g_assert_cmpuint (n_merged, >, 0);
  g_assert_cmpuint (n_refused, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  fuzz_catch_stray_errors ();
  g_test_add_func ("/xml/fuzz-corpus/replay", test_replay);
  g_test_add_func ("/xml/fuzz-corpus/replay-merge", test_replay_merge);

  return g_test_run ();
}

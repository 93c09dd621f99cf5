/* test-fuzz-corpus.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "sam-xml.h"

/* Replays the fuzzer's seed corpus through the importer, as the fuzzer
 * would, so that CI runs it under ASan and UBSan without libFuzzer. Each
 * file must be imported or refused with a proper error, never crash. */
static void
test_replay (void)
{
  g_autofree char *corpus = g_test_build_filename (G_TEST_DIST, "fuzz-corpus", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (corpus, 0, &error);
  g_autofree char *tmp = g_dir_make_tmp ("test-fuzz-corpus-XXXXXX", NULL);
  const char *name;
  guint n_files = 0, n_imported = 0;

  g_assert_no_error (error);
  g_assert_nonnull (tmp);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (corpus, name, NULL);
      g_autofree char *db = g_build_filename (tmp, "register.sqlite", NULL);
      g_autofree char *wal = g_strconcat (db, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db, "-shm", NULL);
      g_autofree char *contents = NULL;
      g_autoptr(SamStore) store = NULL;
      gsize len;

      g_file_get_contents (path, &contents, &len, &error);
      g_assert_no_error (error);
      store = sam_store_open (db, &error);
      g_assert_no_error (error);

      for (guint mode = 0; mode < 2; mode++)
        {
          SamImportSummary summary = { 0 };

          if (sam_xml_import_memory (store, contents, len, name, mode == 0 ? SAM_IMPORT_REPLACE : SAM_IMPORT_MERGE,
                                     &summary, &error))
            n_imported++;
          else
            {
              g_assert_nonnull (error);
              g_assert_true (error->domain == SAM_XML_ERROR || error->domain == SAM_STORE_ERROR);
              g_test_message ("%s", error->message);
              g_clear_error (&error);
            }
          sam_import_summary_clear (&summary);
        }

      g_assert_finalize_object (g_steal_pointer (&store));
      g_unlink (db);
      g_unlink (wal);
      g_unlink (shm);
      n_files++;
    }

  g_rmdir (tmp);
  g_assert_cmpuint (n_files, >=, 12);
  g_assert_cmpuint (n_imported, >, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml/fuzz-corpus/replay", test_replay);

  return g_test_run ();
}

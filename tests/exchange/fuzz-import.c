/* fuzz-import.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-checks.h"

/* libFuzzer harness for the register importer. Each input is imported into
 * one register kept for the whole run (in merge mode, so inputs can build on
 * each other's rows). An input that is refused must say why, in an error of
 * ours; when one is taken, the register must export, and the export import
 * again to the same bytes (see fuzz-checks.c), and the register is made
 * anew so that it stays small. Built with -Dfuzzing=true; see fuzz-merge.c
 * for the merge into a register that is not empty. */

static char *dir;
static char *db;
static SamStore *store;

static void
reset_store (void)
{
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  fuzz_remove_database (db);
  store = sam_store_open (db, &error);
  if (store == NULL)
    g_error ("%s", error->message);
}

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_catch_stray_errors ();
  dir = g_dir_make_tmp ("fuzz-import-XXXXXX", NULL);
  g_assert (dir != NULL);
  db = g_build_filename (dir, "register.sqlite", NULL);
  reset_store ();

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };
  gboolean ok;

  ok = sam_xml_import_memory (store, (const char *) data, size, "fuzz.xml",
                              sam_store_is_empty (store) ? SAM_IMPORT_REPLACE : SAM_IMPORT_MERGE,
                              &summary, &error);
  sam_import_summary_clear (&summary);

  if (!ok)
    fuzz_check_refusal (error);
  else
    {
      fuzz_check_round_trip (store, dir);
      reset_store ();
    }

  return 0;
}

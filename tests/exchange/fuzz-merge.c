/* fuzz-merge.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "fuzz-checks.h"

/* libFuzzer harness for the merge. Each input is merged into a register
 * that holds the demo register, so it meets rows of the same UUIDs, the
 * same decision numbers and group codes. An input that is refused must
 * say why, in an error of ours; one that is taken must leave a register
 * that exports, and whose export imports again to the same bytes (see
 * fuzz-checks.c); the register is then made anew from the demo. Built
 * with -Dfuzzing=true; its seeds are in fuzz-corpus-merge/, which
 * test-fuzz-corpus replays in every build. */

static char *dir;
static char *base;
static char *db;
static SamStore *store;

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  fuzz_catch_stray_errors ();
  dir = g_dir_make_tmp ("fuzz-merge-XXXXXX", NULL);
  g_assert (dir != NULL);
  base = fuzz_make_merge_base (dir);
  db = g_build_filename (dir, "register.sqlite", NULL);
  store = fuzz_open_copy (base, db);

  return 0;
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  if (!sam_xml_import_memory (store, (const char *) data, size, "fuzz.xml", SAM_IMPORT_MERGE, &summary, &error))
    fuzz_check_refusal (error);
  else
    {
      fuzz_check_round_trip (store, dir);
      g_clear_object (&store);
      store = fuzz_open_copy (base, db);
    }
  sam_import_summary_clear (&summary);

  return 0;
}

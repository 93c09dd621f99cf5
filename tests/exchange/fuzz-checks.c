/* fuzz-checks.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libxml/xmlerror.h>

#include "fuzz-checks.h"
#include "sam-demo.h"

/*
 * What every input to the exchange harnesses must satisfy, shared by the
 * libFuzzer harnesses (fuzz-import, fuzz-merge) and by test-fuzz-corpus,
 * which replays their corpora in every build: an input is refused with an
 * error of ours, or taken; and what was taken exports, and that export
 * imports into an empty register and exports again to the same bytes;
 * and libxml2 says nothing past the import's and the export's own error
 * handlers. Failures abort, which is what libFuzzer looks for.
 */

static void
stray_structured_error_cb (void        *user_data,
                           xmlErrorPtr  error)
{
  g_error ("libxml2 reported an error past the import's and export's handlers, "
           "which a user would see in English: %s", error->message);
}

static void G_GNUC_PRINTF (2, 3)
stray_generic_error_cb (void       *user_data,
                        const char *format,
                        ...)
{
  g_error ("libxml2 wrote past the import's and export's handlers, "
           "which a user would see in English: %s", format);
}

/**
 * fuzz_catch_stray_errors:
 *
 * Makes whatever libxml2 reports on this thread outside the import's and
 * the export's own handlers abort: on the command line it would reach the
 * terminal, raw and in English.
 */
void
fuzz_catch_stray_errors (void)
{
  xmlSetStructuredErrorFunc (NULL, stray_structured_error_cb);
  xmlSetGenericErrorFunc (NULL, stray_generic_error_cb);
}

/**
 * fuzz_check_refusal:
 * @error: why an import refused its input
 *
 * Aborts unless @error is one of ours, with a message for people.
 */
void
fuzz_check_refusal (const GError *error)
{
  if (error == NULL || error->message == NULL || *error->message == '\0')
    g_error ("an import failed without saying why");
  if (error->domain != SAM_XML_ERROR && error->domain != SAM_STORE_ERROR)
    g_error ("an import failed with an error not of ours: %s (%s %d)", error->message,
             g_quark_to_string (error->domain), error->code);
}

/**
 * fuzz_dup_export:
 * @store: a register
 * @dir: a folder to write in
 *
 * Returns: (transfer full): @store exported; aborts if it cannot be
 */
char *
fuzz_dup_export (SamStore   *store,
                 const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "export.xml", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  if (!sam_xml_export (store, path, NULL, NULL, &error))
    g_error ("a register the import took cannot be exported: %s", error->message);
  if (!g_file_get_contents (path, &contents, NULL, &error))
    g_error ("%s", error->message);
  g_unlink (path);

  return contents;
}

/**
 * fuzz_check_round_trip:
 * @store: a register an import has just changed
 * @dir: a folder to work in
 *
 * Exports @store, imports the export into an empty register, exports
 * that and aborts unless both exports are the same bytes.
 */
void
fuzz_check_round_trip (SamStore   *store,
                       const char *dir)
{
  g_autofree char *first = fuzz_dup_export (store, dir);
  g_autofree char *second = NULL;
  g_autofree char *db = g_build_filename (dir, "round-trip.sqlite", NULL);
  g_autoptr(SamStore) copy = NULL;
  g_autoptr(GError) error = NULL;

  fuzz_remove_database (db);
  if ((copy = sam_store_open (db, &error)) == NULL)
    g_error ("%s", error->message);
  if (!sam_xml_import_memory (copy, first, strlen (first), "export.xml", SAM_IMPORT_REPLACE, NULL, &error))
    g_error ("the export of a register the import took is refused: %s", error->message);
  second = fuzz_dup_export (copy, dir);
  if (strcmp (first, second) != 0)
    g_error ("the export of a register the import took differs once imported again:\n%s\n---\n%s", first, second);

  g_clear_object (&copy);
  fuzz_remove_database (db);
}

/**
 * fuzz_remove_database:
 * @path: a register file
 *
 * Removes @path with its WAL and shared-memory files.
 */
void
fuzz_remove_database (const char *path)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

/**
 * fuzz_make_merge_base:
 * @dir: a folder
 *
 * Writes the register a merge is fuzzed into, the demo register, as a
 * closed file in @dir, to be copied for each run.
 *
 * Returns: (transfer full): its path
 */
char *
fuzz_make_merge_base (const char *dir)
{
  g_autoptr(SamStore) demo = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  g_autofree char *demo_path = NULL;
  g_autofree char *contents = NULL;
  char *path = g_build_filename (dir, "merge-base.sqlite", NULL);
  gsize len;

  if ((demo = sam_demo_open (&demo_dir, &error)) == NULL)
    g_error ("%s", error->message);
  demo_path = g_strdup (sam_store_get_path (demo));
  /* Closed, so that the file holds it all, with no WAL beside it. */
  g_clear_object (&demo);

  if (!g_file_get_contents (demo_path, &contents, &len, &error) ||
      !g_file_set_contents (path, contents, len, &error))
    g_error ("%s", error->message);
  sam_demo_remove (demo_dir);

  return path;
}

/**
 * fuzz_open_copy:
 * @base: a closed register file
 * @path: where to copy it
 *
 * Returns: (transfer full): a register that holds what @base holds
 */
SamStore *
fuzz_open_copy (const char *base,
                const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  SamStore *store;
  gsize len;

  fuzz_remove_database (path);
  if (!g_file_get_contents (base, &contents, &len, &error) ||
      !g_file_set_contents (path, contents, len, &error) ||
      (store = sam_store_open (path, &error)) == NULL)
    g_error ("%s", error->message);

  return store;
}

/* test-xml-sv.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-cli.h"
#include "sam-store-private.h"
#include "sam-test-register.h"
#include "sam-test-util.h"
#include "sam-xml.h"

#define FILE_SIZE_LIMIT (64 * 1024)

/* Import errors reach a Swedish user in Swedish, with the file and line. */
static void
test_error_in_swedish (void)
{
  const char *xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<register xmlns=\"" SAM_XML_NAMESPACE "\" version=\"1\">\n"
                    "  <organisations>\n"
                    "    <organisation id=\"0a0e1c3e-1111-4111-8111-111111111111\" name=\"Region\" kind=\"kommun\"/>\n"
                    "  </organisations>\n"
                    "</register>\n";
  const char *doctype = "<?xml version=\"1.0\"?>\n<!DOCTYPE register>\n<register/>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  SamStore *store = sam_test_new_tmp_store ("test-xml-sv-XXXXXX", "register.sqlite", &dir, NULL);

  g_assert_false (sam_xml_import_memory (store, xml, strlen (xml), "region.xml", SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_error (error, SAM_XML_ERROR, SAM_XML_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "region.xml, rad 4: "));
  g_assert_nonnull (strstr (error->message, "kommun"));
  g_clear_error (&error);

  g_assert_false (sam_xml_import_memory (store, doctype, strlen (doctype), "region.xml", SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_error (error, SAM_XML_ERROR, SAM_XML_ERROR_FORBIDDEN);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "region.xml, rad 2: "));
  g_assert_nonnull (strstr (error->message, "dokumenttyp"));
  g_clear_error (&error);

  sam_test_free_tmp_store (store, dir);
}

static SamTestRegister *
test_register (guint32 seed,
               guint   decisions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  SamTestRegisterSize size = {
    .organisations = 10, .people = 100, .groups = 30, .relations = 10, .commissions = 10,
    .seats = 20, .assignments = 100, .meetings = 50, .participations = 50, .agenda_items = 100,
    .attendances = 100, .decisions = decisions, .escalations = 10, .info = 2, .rich = TRUE, .text_length = 20,
  };

  return sam_test_register_new (rand, &size);
}

/* A full disk, as the command line meets it: the export runs in a child
 * that may write no file past FILE_SIZE_LIMIT, so the file writer's write
 * fails part way. The user reads one line, in Swedish, naming the file;
 * nothing of libxml2's own English reaches the terminal; the old file is
 * left as it was. */
static void
test_export_disk_full (void)
{
  g_autoptr(SamTestRegister) reg = test_register (31, 400);
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *target = NULL;
  g_autofree char *self = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *err = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  SamStore *store = sam_test_new_tmp_store ("test-xml-sv-XXXXXX", "register.sqlite", &dir, &db);
  g_autofree char *xml = NULL;
  const char *name;
  gsize len;
  int status;

  xml = sam_test_register_to_xml (reg, &len);
  g_assert_cmpuint (len, >, 4 * FILE_SIZE_LIMIT);
  g_assert_true (sam_xml_import_memory (store, xml, len, "register.xml", SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  target = g_build_filename (dir, "export.xml", NULL);
  g_file_set_contents (target, "old", -1, &error);
  g_assert_no_error (error);

  {
    const char *argv[] = { self, "--child-export", db, target, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, &err, &status, &error);
    g_assert_no_error (error);
  }
  g_test_message ("%s", err);

  g_assert_true (WIFEXITED (status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  expected = g_strdup_printf ("Kunde inte spara ”%s”: %s\n", target, g_strerror (EFBIG));
  g_assert_cmpstr (err, ==, expected);

  g_file_get_contents (target, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old");
  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    g_assert_false (g_str_has_prefix (name, ".export.xml."));

  sam_test_free_tmp_store (NULL, dir);
}

static char *
export_string (SamStore   *store,
               const char *dir)
{
  g_autofree char *path = g_build_filename (dir, "export.xml", NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  sam_xml_export (store, path, NULL, NULL, &error);
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (path);

  return contents;
}

/* A disk that fills during a merge: SQLite fails on the row it was
 * writing, but the row is not to blame, and neither is the line of the
 * file it came from. The error is the register's, names its file, and
 * the register is left as it was. */
static void
test_merge_disk_full (void)
{
  g_autoptr(SamTestRegister) base = test_register (32, 50);
  g_autoptr(SamTestRegister) incoming = test_register (33, 2000);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *pragma = NULL;
  g_autofree char *expected = NULL;
  SamStore *store = sam_test_new_tmp_store ("test-xml-sv-XXXXXX", "register.sqlite", &dir, &db);
  gint64 pages;
  gsize len;

  xml = sam_test_register_to_xml (base, &len);
  g_assert_true (sam_xml_import_memory (store, xml, len, "bas.xml", SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_no_error (error);
  before = export_string (store, dir);

  /* The disk fills a few pages into the merge: SQLite answers SQLITE_FULL
   * as it does on a full disk. */
  pages = _sam_store_query_int (store, "PRAGMA page_count", NULL, 0, &error);
  g_assert_no_error (error);
  pragma = g_strdup_printf ("PRAGMA max_page_count = %" G_GINT64_FORMAT, pages + 8);
  g_assert_true (_sam_store_exec (store, pragma, &error));
  g_assert_no_error (error);

  g_clear_pointer (&xml, g_free);
  xml = sam_test_register_to_xml (incoming, &len);
  g_assert_false (sam_xml_import_memory (store, xml, len, "region.xml", SAM_IMPORT_MERGE, NULL, &error));
  g_test_message ("%s", error->message);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED);
  g_assert_null (strstr (error->message, ", rad "));
  expected = g_strdup_printf ("Registret ”%s” kunde inte skrivas, så inget från ”region.xml” importerades. "
                              "Kontrollera att disken har plats kvar och att filen går att ändra.", db);
  g_assert_cmpstr (error->message, ==, expected);
  g_clear_error (&error);

  after = export_string (store, dir);
  g_assert_cmpstr (after, ==, before);

  sam_test_free_tmp_store (store, dir);
}

/* The register's rules speak Swedish too: a circle in a file names the
 * line and the groups, and a merge of two registers that gave the same
 * number says what became of it without a word of English. */
static void
test_rules_in_swedish (void)
{
#define HEAD_SV "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<register xmlns=\"" SAM_XML_NAMESPACE "\" version=\"1\">\n"
#define A "2a0e1c3e-1111-4111-8111-111111111111"
#define B "2b0e1c3e-1111-4111-8111-111111111111"
  const char *cycle = HEAD_SV "<groups>\n"
                      "<group id=\"" A "\" name=\"A\" kind=\"council\" parent=\"" B "\"/>\n"
                      "<group id=\"" B "\" name=\"B\" kind=\"subgroup\" parent=\"" A "\"/>\n"
                      "</groups>\n</register>\n";
  const char *ours = HEAD_SV "<groups>\n<group id=\"" A "\" code=\"AOI\" name=\"A\" kind=\"council\"/>\n</groups>\n"
                     "<decisions>\n<decision id=\"3a0e1c3e-1111-4111-8111-111111111111\" group=\"" A "\" year=\"2026\" "
                     "serial=\"1\" decided=\"2026-03-12\" mandate=\"none\" status=\"decided\" title=\"Vårt\"/>\n"
                     "</decisions>\n</register>\n";
  const char *theirs = HEAD_SV "<groups>\n<group id=\"" A "\" code=\"AOI\" name=\"A\" kind=\"council\"/>\n</groups>\n"
                       "<decisions>\n<decision id=\"3b0e1c3e-1111-4111-8111-111111111111\" group=\"" A "\" year=\"2026\" "
                       "serial=\"1\" decided=\"2026-03-12\" mandate=\"none\" status=\"decided\" title=\"Deras\"/>\n"
                       "</decisions>\n</register>\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  SamStore *store = sam_test_new_tmp_store ("test-xml-sv-XXXXXX", "register.sqlite", &dir, NULL);
  SamImportSummary summary = { 0 };
  const char *conflict;

  g_assert_false (sam_xml_import_memory (store, cycle, strlen (cycle), "register.xml", SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_cmpstr (error->message, ==, "register.xml, rad 4: gruppen ”A” kan inte ligga under sin egen undergrupp ”B”");
  g_clear_error (&error);

  g_assert_true (sam_xml_import_memory (store, ours, strlen (ours), "vårt.xml", SAM_IMPORT_REPLACE, NULL, &error));
  g_assert_true (sam_xml_import_memory (store, theirs, strlen (theirs), "deras.xml", SAM_IMPORT_MERGE, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.conflicts->len, ==, 1);
  conflict = g_ptr_array_index (summary.conflicts, 0);
  g_test_message ("%s", conflict);
  g_assert_true (g_str_has_prefix (conflict, "deras.xml, rad 7: "));
  g_assert_nonnull (strstr (conflict, "AOI 2026:1"));
  g_assert_nonnull (strstr (conflict, "AOI 2026:2"));
  g_assert_null (strstr (conflict, "group"));
  sam_import_summary_clear (&summary);

  sam_test_free_tmp_store (store, dir);
#undef HEAD_SV
#undef A
#undef B
}

int
main (int   argc,
      char *argv[])
{
  sam_test_init_swedish ();

  /* test-xml-sv --child-export DATABASE FILE: the command line's export,
   * with no file allowed past FILE_SIZE_LIMIT (a full disk, for the file
   * writer); a write past it fails with EFBIG instead of a signal. */
  if (argc == 4 && strcmp (argv[1], "--child-export") == 0)
    {
      g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
      struct rlimit limit = { FILE_SIZE_LIMIT, FILE_SIZE_LIMIT };

      g_variant_dict_insert_value (options, "database", g_variant_new_bytestring (argv[2]));
      g_variant_dict_insert_value (options, "export-xml", g_variant_new_bytestring (argv[3]));
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        g_error ("setrlimit: %s", g_strerror (errno));
      return sam_cli_run (options);
    }

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml/error-in-swedish", test_error_in_swedish);
  g_test_add_func ("/xml/export/disk-full", test_export_disk_full);
  g_test_add_func ("/xml/merge/disk-full", test_merge_disk_full);
  g_test_add_func ("/xml/rules-in-swedish", test_rules_in_swedish);

  return g_test_run ();
}

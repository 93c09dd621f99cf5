/* test-xml-sv.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-xml.h"

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
  g_autofree char *dir = g_dir_make_tmp ("test-xml-sv-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(SamStore) store = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "register.sqlite", NULL);
  store = sam_store_open (path, &error);
  g_assert_no_error (error);

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

  g_assert_finalize_object (g_steal_pointer (&store));
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale;

  locale = setlocale (LC_ALL, "");
  if (locale == NULL || !g_str_has_prefix (locale, "sv_SE"))
    g_error ("The sv_SE.UTF-8 locale is missing (setlocale gave %s): generate it with locale-gen",
             locale != NULL ? locale : "NULL");
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("SAM_LOCALEDIR"));
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml/error-in-swedish", test_error_in_swedish);

  return g_test_run ();
}

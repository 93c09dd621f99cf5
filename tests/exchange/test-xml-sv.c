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

#include "sam-test-util.h"
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

int
main (int   argc,
      char *argv[])
{
  sam_test_init_swedish ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/xml/error-in-swedish", test_error_in_swedish);

  return g_test_run ();
}

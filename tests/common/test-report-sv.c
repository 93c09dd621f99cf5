/* test-report-sv.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include <pango/pangocairo.h>

#include "sam-report.h"
#include "sam-test-util.h"

/*
 * A report printed under the Swedish locale, with the catalogue built from
 * po/sv.po (registered with 'sv': true): the footer reads “Sida 1 av 3”,
 * errors are Swedish, å, ä and ö survive into the PDF, and nothing the
 * writer formats picks up a decimal comma.
 */

static void
test_swedish_footer (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-report-sv-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;
  g_autoptr(SamReport) report = sam_report_new ();
  g_auto(GStrv) pages = NULL;
  const char *fields[] = {
    "Ansvarsområde:", "Verksamhet samordningsråd anestesi, operation, intensivvård",
    "Uppdragsgivare:", "Karin Looström Muth",
    NULL
  };

  g_assert_no_error (error);
  pdf = g_build_filename (dir, "uppdragshandling.pdf", NULL);

  sam_report_set_title (report, "Uppdragshandling för samordningsråd anestesi, operation, intensivvård");
  sam_report_set_header (report, "Uppdragshandling", "RS 2024-00784 · 2026-06-16");
  sam_report_set_footer_left (report, "Skriven ut 23 november 2026");
  sam_report_add_heading (report, 1, "Syfte med uppdraget");
  sam_report_add_fields (report, fields);
  sam_report_add_page_break (report);
  sam_report_add_heading (report, 2, "Samband och gränsdragning");
  sam_report_add_paragraph (report, "ÅÄÖ åäö é");
  sam_report_add_page_break (report);
  sam_report_add_heading (report, 2, "Beslutsordning");
  sam_report_add_spacer (report, 12.5);
  sam_report_add_paragraph (report, "Där varken ordförande eller deltagare har mandat eskaleras frågan.");

  g_assert_true (sam_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "\nPages:           3\n"));
  g_assert_nonnull (strstr (info, "Title:           Uppdragshandling för samordningsråd"));

  text = sam_test_pdf_tool ("pdftotext", pdf, "-layout", NULL);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), ==, 4);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Sida %u av 3", i + 1);

      g_assert_nonnull (strstr (pages[i], footer));
      g_assert_null (strstr (pages[i], "Page"));
    }
  g_assert_nonnull (strstr (pages[0], "Ansvarsområde:"));
  g_assert_nonnull (strstr (pages[0], "Karin Looström Muth"));
  g_assert_nonnull (strstr (pages[1], "ÅÄÖ åäö é"));
  g_assert_nonnull (strstr (pages[2], "eskaleras frågan"));

  g_assert_cmpint (g_unlink (pdf), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
test_swedish_error (void)
{
  g_autoptr(SamReport) report = sam_report_new ();
  g_autoptr(GError) error = NULL;

  g_assert_false (sam_report_write_pdf (report, "/saknas/helt/rapport.pdf", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (g_str_has_prefix (error->message, "Kunde inte spara ”/saknas/helt/rapport.pdf”: "));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sam_test_init_swedish ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report-sv/footer", test_swedish_footer);
  g_test_add_func ("/report-sv/error", test_swedish_error);

  status = g_test_run ();

  /* Free the fonts and their fontconfig patterns, which would otherwise
   * count as leaks under LeakSanitizer. */
  pango_cairo_font_map_set_default (NULL);

  return status;
}

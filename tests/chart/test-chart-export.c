/* test-chart-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sam-chart.h"
#include "sam-chart-export.h"
#include "sam-test-util.h"

/*
 * The chart on paper and in files, under the Swedish locale (registered
 * with 'sv': true): PDF page counts and sizes for fitted and tiled charts,
 * read back with poppler's tools; the Swedish header, footer and vacant
 * seats in the text; well-formed SVG; a PNG of the expected size; the
 * command line's checks; and a failed write leaving the old file alone.
 */

typedef struct
{
  char     *dir;
  SamStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_import ("test-chart-export-XXXXXX", "chart-register.xml", &fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
}

/* Runs a poppler tool on the whole document, or on @page only (from 1). */
static char *
pdf_tool (const char *tool,
          const char *pdf,
          int         page)
{
  g_autofree char *number = g_strdup_printf ("%d", page);

  if (page > 0)
    return sam_test_pdf_tool (tool, pdf, "-f", number, "-l", number, NULL);

  return sam_test_pdf_tool (tool, pdf, NULL);
}

static const char *
info_field (const char *info,
            const char *name)
{
  const char *field = strstr (info, name);

  g_assert_nonnull (field);
  field += strlen (name);
  while (*field == ' ')
    field++;

  return field;
}

static void
assert_pdf (const char *pdf,
            guint       pages,
            const char *size)
{
  g_autofree char *info = pdf_tool ("pdfinfo", pdf, 0);
  g_autofree char *size_pts = g_strconcat (size, " pts", NULL);

  if (g_ascii_strtoull (info_field (info, "\nPages:"), NULL, 10) != pages
      || !g_str_has_prefix (info_field (info, "\nPage size:"), size_pts))
    g_error ("%s is not %u pages of %s:\n%s", pdf, pages, size, info);
}

static void
test_pdf_fit (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  g_autofree char *a4 = g_build_filename (fixture->dir, "schema.pdf", NULL);
  g_autofree char *a3 = g_build_filename (fixture->dir, "schema-a3.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SamChartPage page;

  sam_chart_page_init (&page);
  g_assert_true (sam_chart_export (chart, a4, &page, NULL, &error));
  g_assert_no_error (error);
  assert_pdf (a4, 1, "595.28 x 841.89");

  text = pdf_tool ("pdftotext", a4, 0);
  g_assert_nonnull (strstr (text, "Region Exempel – samordningsråd"));
  g_assert_nonnull (strstr (text, "Per 2026-04-01"));
  g_assert_nonnull (strstr (text, "Sida 1 av 1"));
  g_assert_nonnull (strstr (text, "Samordningsråd medicin"));
  g_assert_nonnull (strstr (text, "Östra närvårdsgruppen"));
  g_assert_nonnull (strstr (text, "Ordf.: Björn Ek"));
  /* The legend names the kinds in the chart. */
  g_assert_nonnull (strstr (text, "Regionalt processteam"));

  page.paper = SAM_PAPER_A3;
  page.landscape = TRUE;
  g_assert_true (sam_chart_export (chart, a3, &page, "Mitt schema", &error));
  g_assert_no_error (error);
  assert_pdf (a3, 1, "1190.55 x 841.89");
  g_free (text);
  text = pdf_tool ("pdftotext", a3, 0);
  g_assert_nonnull (strstr (text, "Mitt schema"));
}

static void
test_pdf_tiles (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, TRUE);
  g_autofree char *path = g_build_filename (fixture->dir, "tiles.pdf", NULL);
  g_autofree char *all = NULL;
  g_autoptr(GError) error = NULL;
  SamChartPage page;

  sam_chart_page_init (&page);
  page.columns = 2;
  page.rows = 2;
  g_assert_true (sam_chart_export (chart, path, &page, NULL, &error));
  g_assert_no_error (error);
  assert_pdf (path, 4, "595.28 x 841.89");

  for (int i = 1; i <= 4; i++)
    {
      g_autofree char *text = pdf_tool ("pdftotext", path, i);
      g_autofree char *number = g_strdup_printf ("Sida %d av 4", i);
      g_autofree char *where = g_strdup_printf ("Kolumn %d, rad %d", (i - 1) % 2 + 1, (i - 1) / 2 + 1);

      g_assert_nonnull (strstr (text, number));
      g_assert_nonnull (strstr (text, where));
      g_assert_nonnull (strstr (text, "Per 2026-04-01"));
    }

  /* Each group is on some page, vacant seats in Swedish. */
  all = pdf_tool ("pdftotext", path, 0);
  g_assert_nonnull (strstr (all, "Ledningsgrupp hälso- och sjukvård"));
  g_assert_nonnull (strstr (all, "Ostra provgruppen"));
  g_assert_nonnull (strstr (all, "Deltagare: Vakant (Östra)"));

  /* Landscape A3, three pages across. */
  page.paper = SAM_PAPER_A3;
  page.landscape = TRUE;
  page.columns = 3;
  page.rows = 1;
  g_assert_true (sam_chart_export (chart, path, &page, NULL, &error));
  g_assert_no_error (error);
  assert_pdf (path, 3, "1190.55 x 841.89");
}

static void
test_registry_number (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-01-15", "AOI", TRUE);
  g_autofree char *path = g_build_filename (fixture->dir, "aoi.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  SamChartPage page;

  g_assert_cmpstr (sam_chart_get_node_chair (chart, 0), ==, "Anna Berg (mandattiden ute)");
  g_assert_true (g_strv_contains (sam_chart_get_node_people (chart, 0), "Deltagare: Vakant (Östra)"));

  sam_chart_page_init (&page);
  g_assert_true (sam_chart_export (chart, path, &page, NULL, &error));
  g_assert_no_error (error);
  text = pdf_tool ("pdftotext", path, 0);
  g_assert_nonnull (strstr (text, "Dnr RS 2024-00784"));
  g_assert_nonnull (strstr (text, "Samordningsråd anestesi, operation och intensivvård"));
  g_assert_nonnull (strstr (text, "Per 2026-01-15"));
}

static void
test_svg_png (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  g_autofree char *svg = g_build_filename (fixture->dir, "schema.svg", NULL);
  g_autofree char *png = g_build_filename (fixture->dir, "schema.PNG", NULL);
  g_autofree char *xmllint = g_find_program_in_path ("xmllint");
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  SamChartPage page;
  int status;

  sam_chart_page_init (&page);
  page.columns = 2;  /* SVG and PNG are one page, whatever the tiling */
  g_assert_true (sam_chart_export (chart, svg, &page, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));
  g_assert_nonnull (strstr (contents, "width=\"595.28pt\""));
  if (xmllint == NULL)
    g_error ("xmllint is missing: install libxml2-utils");
  {
    const char *argv[] = { xmllint, "--noout", svg, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  /* 150 dots per inch of an A4 page. */
  g_assert_true (sam_chart_export (chart, png, &page, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, 1241);
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, 1754);
  cairo_surface_destroy (image);
}

static void
test_draw_page (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 596, 842);
  cairo_t *cr = cairo_create (surface);
  SamChartPage page;
  guint coloured = 0;

  /* What a print preview does: a page drawn onto pixels, in points. */
  sam_chart_page_init (&page);
  page.columns = 2;
  page.rows = 2;
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  sam_chart_draw_page (chart, cr, &page, NULL, 3, 595.28, 841.89);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_flush (surface);

  for (int y = 0; y < 842; y += 2)
    for (int x = 0; x < 596; x += 2)
      {
        guint32 p = *(guint32 *) (cairo_image_surface_get_data (surface)
                                  + y * cairo_image_surface_get_stride (surface) + 4 * x) & 0xffffff;

        if (p != 0xffffff)
          coloured++;
      }
  g_assert_cmpuint (coloured, >, 500);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_cli (Fixture       *fixture,
          gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "cli.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  static const struct
  {
    const char *file;
    const char *root;
    const char *paper;
    const char *tiles;
    const char *as_of;
    int         code;
  } bad[] = {
    { "cli.pdf", NULL, "b5", NULL, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "2x", NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "0x1", NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "21x1", NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "2 x 2", NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, NULL, "2026-02-30", SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, NULL, "1/4/2026", SAM_CHART_ERROR_INVALID },
    { "cli.pdf", "XYZ", NULL, NULL, NULL, SAM_CHART_ERROR_UNKNOWN_ROOT },
    { "cli.docx", NULL, NULL, NULL, NULL, SAM_CHART_ERROR_FORMAT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *file = g_build_filename (fixture->dir, bad[i].file, NULL);

      g_assert_cmpint (sam_chart_cli_export (fixture->store, file, bad[i].root, bad[i].paper, FALSE,
                                             bad[i].tiles, bad[i].as_of, &error), ==, 2);
      g_assert_error (error, SAM_CHART_ERROR, bad[i].code);
      g_clear_error (&error);
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }

  /* The messages are Swedish. */
  sam_chart_cli_export (fixture->store, path, NULL, "b5", FALSE, NULL, NULL, &error);
  g_assert_nonnull (strstr (error->message, "pappersstorlek"));
  g_clear_error (&error);

  g_assert_cmpint (sam_chart_cli_export (fixture->store, path, "aoi", "A3", TRUE, "2X1", "2026-04-01", &error), ==, 0);
  g_assert_no_error (error);
  assert_pdf (path, 2, "1190.55 x 841.89");
  text = pdf_tool ("pdftotext", path, 1);
  g_assert_nonnull (strstr (text, "Dnr RS 2024-00784"));
}

/* Run in a child: as root, as nobody, since root may write anywhere. */
static void
write_into_read_only_dir (void)
{
  const char *dir = g_getenv ("CHART_TEST_DIR");
  const char *as_of = "2026-04-01";
  g_autofree char *path = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *db = g_build_filename (dir, "..", "register.samordna", NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamChart) chart = NULL;
  g_autoptr(GError) error = NULL;
  SamChartOptions options;
  SamChartPage page;

  /* Read-only: the test's own process has the register open. */
  store = sam_store_open_readonly (db, &error);
  g_assert_no_error (error);
  sam_chart_options_init (&options);
  options.as_of = as_of;
  chart = sam_chart_new_from_store (store, &options, &error);
  g_assert_no_error (error);

  if (geteuid () == 0)
    {
      g_assert_cmpint (setgid (65534), ==, 0);
      g_assert_cmpint (setuid (65534), ==, 0);
    }

  sam_chart_page_init (&page);
  g_assert_false (sam_chart_export (chart, path, &page, NULL, &error));
  g_assert_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "old.pdf"));
}

static void
test_atomic (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *dir = g_build_filename (fixture->dir, "locked", NULL);
  g_autofree char *path = g_build_filename (dir, "old.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;

  g_assert_cmpint (g_mkdir (dir, 0755), ==, 0);
  g_file_set_contents (path, "the old chart", -1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_chmod (path, 0644), ==, 0);
  /* The child reads the register as nobody when run as root. */
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);

  g_setenv ("CHART_TEST_DIR", dir, TRUE);
  g_test_trap_subprocess ("/chart-export/atomic/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();

  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the old chart");

  /* No temporary file is left behind either. */
  d = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_dir_read_name (d), ==, "old.pdf");
  g_assert_null (g_dir_read_name (d));
}

static void
test_atomic_child (void)
{
  if (g_test_subprocess ())
    write_into_read_only_dir ();
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sam_test_init_swedish ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chart-export/pdf/fit", test_pdf_fit);
  ADD ("/chart-export/pdf/tiles", test_pdf_tiles);
  ADD ("/chart-export/pdf/registry-number", test_registry_number);
  ADD ("/chart-export/svg-png", test_svg_png);
  ADD ("/chart-export/draw-page", test_draw_page);
  ADD ("/chart-export/cli", test_cli);
  ADD ("/chart-export/atomic", test_atomic);
#undef ADD
  g_test_add_func ("/chart-export/atomic/child", test_atomic_child);

  status = g_test_run ();

  /* Free the fonts and their fontconfig patterns, which would otherwise
   * count as leaks under LeakSanitizer. */
  pango_cairo_font_map_set_default (NULL);

  return status;
}

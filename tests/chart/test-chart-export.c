/* test-chart-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sam-chart.h"
#include "sam-chart-booklet.h"
#include "sam-chart-export.h"
#include "sam-chart-export-private.h"
#include "sam-chart-private.h"
#include "sam-demo.h"
#include "sam-test-region.h"
#include "sam-test-util.h"
#include "sam-xml.h"

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
      g_autofree char *where = g_strdup_printf ("Kolumn %d, rad %d av 2×2", (i - 1) % 2 + 1, (i - 1) / 2 + 1);

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

  g_assert_cmpstr (sam_chart_get_node_chair (chart, 0), ==, "Anna Berg (mandatperioden ute)");
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
  g_autofree char *width = NULL;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *image;
  SamChartRect extents;
  SamChartPage page;
  int status;

  sam_chart_page_init (&page);
  page.columns = 2;  /* SVG and PNG are one picture, whatever the tiling */
  sam_chart_get_extents (chart, &extents);
  g_assert_true (sam_chart_export (chart, svg, &page, NULL, &error));
  g_assert_no_error (error);
  g_file_get_contents (svg, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "<svg"));

  /* Cropped to the chart and a margin of 24 pt, not a whole page. */
  width = g_strdup_printf ("width=\"%gpt\"", extents.width + 48);
  if (strstr (contents, width) == NULL)
    g_error ("the SVG is not %s wide:\n%.300s", width, contents);

  /* The names are text, which can be searched, selected and edited, not
   * glyph outlines; so are the details, escaped. */
  g_assert_nonnull (strstr (contents, "<text"));
  g_assert_nonnull (strstr (contents, ">Samordningsråd medicin<"));
  g_assert_nonnull (strstr (contents, ">Östra närvårdsgruppen<"));
  g_assert_null (strstr (contents, "<symbol"));
  /* The details keep their markup: the code in bold. */
  g_assert_nonnull (strstr (contents, "<tspan font-weight=\"bold\">MED</tspan>"));
  if (xmllint == NULL)
    g_error ("xmllint is missing: install libxml2-utils");
  {
    const char *argv[] = { xmllint, "--noout", svg, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_spawn_check_wait_status (status, &error);
    g_assert_no_error (error);
  }

  /* 150 dots per inch of the chart and its margin. */
  g_assert_true (sam_chart_export (chart, png, &page, NULL, &error));
  g_assert_no_error (error);
  image = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (image), ==, (int) ceil ((extents.width + 48) * 150 / 72));
  g_assert_cmpint (cairo_image_surface_get_height (image), ==, (int) ceil ((extents.height + 48) * 150 / 72));
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
    gboolean    booklet;
    const char *as_of;
    int         code;
  } bad[] = {
    { "cli.pdf", NULL, "b5", NULL, FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "2x", FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "0x1", FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "21x1", FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "2 x 2", FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, NULL, FALSE, "2026-02-30", SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, NULL, FALSE, "1/4/2026", SAM_CHART_ERROR_INVALID },
    { "cli.pdf", "XYZ", NULL, NULL, FALSE, NULL, SAM_CHART_ERROR_UNKNOWN_ROOT },
    { "cli.docx", NULL, NULL, NULL, FALSE, NULL, SAM_CHART_ERROR_FORMAT },
    /* Pages asked of an image, or a booklet tiled, are refused, never
     * ignored. */
    { "cli.png", NULL, NULL, "2x1", FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.svg", NULL, NULL, "1x2", FALSE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.png", NULL, NULL, NULL, TRUE, NULL, SAM_CHART_ERROR_INVALID },
    { "cli.pdf", NULL, NULL, "2x2", TRUE, NULL, SAM_CHART_ERROR_INVALID },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *file = g_build_filename (fixture->dir, bad[i].file, NULL);

      g_assert_cmpint (sam_chart_cli_export (fixture->store, file, bad[i].root, bad[i].paper, FALSE,
                                             bad[i].tiles, bad[i].booklet, bad[i].as_of, &error), ==, 2);
      g_assert_error (error, SAM_CHART_ERROR, bad[i].code);
      g_clear_error (&error);
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }

  /* The messages are Swedish. */
  sam_chart_cli_export (fixture->store, path, NULL, "b5", FALSE, NULL, FALSE, NULL, &error);
  g_assert_nonnull (strstr (error->message, "pappersstorlek"));
  g_clear_error (&error);
  g_assert_cmpint (sam_chart_cli_export (fixture->store, "schema.png", NULL, NULL, FALSE, "3x2", FALSE, NULL, &error),
                   ==, 2);
  g_assert_nonnull (strstr (error->message, "schema.png"));
  g_assert_nonnull (strstr (error->message, "PDF"));
  g_assert_nonnull (strstr (error->message, "sidor"));
  g_clear_error (&error);

  g_assert_cmpint (sam_chart_cli_export (fixture->store, path, "aoi", "A3", TRUE, "2X1", FALSE, "2026-04-01", &error),
                   ==, 0);
  g_assert_no_error (error);
  assert_pdf (path, 2, "1190.55 x 841.89");
  text = pdf_tool ("pdftotext", path, 1);
  g_assert_nonnull (strstr (text, "Dnr RS 2024-00784"));
}

/* With CHART_TEST_KEEP naming a folder, a PDF the tests read back is
 * copied there too, to be looked at page by page. */
static void
keep_copy (const char *path,
           const char *name)
{
  const char *folder = g_getenv ("CHART_TEST_KEEP");
  g_autofree char *contents = NULL;
  g_autofree char *target = NULL;
  g_autoptr(GError) error = NULL;
  gsize len;

  if (folder == NULL)
    return;
  target = g_build_filename (folder, name, NULL);
  g_file_get_contents (path, &contents, &len, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, (gssize) len, &error);
  g_assert_no_error (error);
}

/* One word of a PDF page as `pdftotext -bbox` gives it. */
typedef struct
{
  char   *text;
  double  height;
} Word;

static void
word_clear (Word *word)
{
  g_free (word->text);
}

/* The words of each page of @pdf, page by page. */
static GPtrArray *
pdf_words (const char *pdf)
{
  g_autofree char *html = sam_test_pdf_tool ("pdftotext", pdf, "-bbox", NULL);
  g_auto(GStrv) pages = g_strsplit (html, "<page ", -1);
  GPtrArray *result = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);

  for (guint p = 1; pages[p] != NULL; p++)
    {
      GArray *words = g_array_new (FALSE, FALSE, sizeof (Word));
      g_auto(GStrv) items = g_strsplit (pages[p], "<word ", -1);

      g_array_set_clear_func (words, (GDestroyNotify) word_clear);
      for (guint i = 1; items[i] != NULL; i++)
        {
          const char *ymin = strstr (items[i], "yMin=\"");
          const char *ymax = strstr (items[i], "yMax=\"");
          const char *text = strchr (items[i], '>');
          const char *end = text != NULL ? strstr (text, "</word>") : NULL;
          Word word;

          g_assert_true (ymin != NULL && ymax != NULL && end != NULL);
          word.height = g_ascii_strtod (ymax + 6, NULL) - g_ascii_strtod (ymin + 6, NULL);
          word.text = g_strndup (text + 1, end - text - 1);
          g_array_append_val (words, word);
        }
      g_ptr_array_add (result, words);
    }

  return result;
}

/* The smallest height of @text among @words, or -1 if it is not there. */
static double
word_height (GArray     *words,
             const char *text)
{
  double least = -1;

  for (guint i = 0; i < words->len; i++)
    {
      const Word *word = &g_array_index (words, Word, i);

      if (g_str_equal (word->text, text) && (least < 0 || word->height < least))
        least = word->height;
    }

  return least;
}

/* Exports @store's booklet through the command line's function and reads
 * it back: one page for the overview and one per council, each showing
 * every box of its chart with a title of at least 7 pt. The footer's
 * “Sida”, set in 8 pt, tells the height pdftotext gives a 7 pt word. */
static void
check_booklet (SamStore   *store,
               const char *dir,
               const char *as_of,
               guint       expect_councils)
{
  g_autofree char *path = g_build_filename (dir, "bok.pdf", NULL);
  g_autoptr(SamChartBooklet) booklet = NULL;
  g_autoptr(SamChart) whole = sam_test_chart_new (store, as_of, NULL, FALSE);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  SamChartOptions options;
  guint n_councils = 0;

  for (guint i = 0; i < sam_chart_get_n_nodes (whole); i++)
    n_councils += sam_chart_get_node_kind (whole, i) == SAM_GROUP_KIND_COUNCIL;
  g_assert_cmpuint (n_councils, ==, expect_councils);

  g_assert_cmpint (sam_chart_cli_export (store, path, NULL, NULL, FALSE, NULL, TRUE, as_of, &error), ==, 0);
  g_assert_no_error (error);
  keep_copy (path, expect_councils > 14 ? "booklet-region.pdf" : expect_councils > 2 ? "booklet-demo.pdf"
                                                                                    : "booklet-fixture.pdf");
  info = pdf_tool ("pdfinfo", path, 0);
  g_assert_cmpuint (g_ascii_strtoull (info_field (info, "\nPages:"), NULL, 10), ==, 1 + n_councils);

  sam_chart_options_init (&options);
  options.as_of = as_of;
  booklet = sam_chart_booklet_new (store, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_chart_booklet_get_n_pages (booklet), ==, 1 + n_councils);

  pages = pdf_words (path);
  g_assert_cmpuint (pages->len, ==, 1 + n_councils);
  for (guint p = 0; p < pages->len; p++)
    {
      GArray *words = g_ptr_array_index (pages, p);
      SamChart *chart = sam_chart_booklet_get_chart (booklet, p);
      double seven = word_height (words, "Sida") * 7.0 / 8.0;
      guint n_boxes = 0;

      g_assert_cmpfloat (seven, >, 0);
      /* A council's page is that council's chart, with its people. */
      if (p > 0)
        {
          g_assert_cmpint (sam_chart_get_node_kind (chart, 0), ==, SAM_GROUP_KIND_COUNCIL);
          g_assert_true (sam_chart_get_show_people (chart));
        }

      for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
        {
          g_auto(GStrv) name = NULL;
          SamChartRect box;
          double height;

          PangoLayout *title, *details;

          if (!sam_chart_get_node_bounds (chart, i, &box))
            continue;
          n_boxes++;

          /* No text is cut: a box too narrow for three lines grows. */
          _sam_chart_node_layouts (chart, i, &title, &details);
          if (pango_layout_is_ellipsized (title) || pango_layout_is_ellipsized (details))
            g_error ("page %u: the text of “%s” is cut", p + 1, sam_chart_get_node_name (chart, i));

          name = g_strsplit (sam_chart_get_node_name (chart, i), " ", 2);
          height = word_height (words, name[0]);
          if (height < seven - 0.01)
            g_error ("page %u: “%s” is %.2f high, less than 7 pt (%.2f)",
                     p + 1, sam_chart_get_node_name (chart, i), height, seven);
        }
      g_assert_cmpuint (n_boxes, >, 0);
    }
}

/* Every box of @chart lies whole inside the sheet its centre falls on,
 * when spread over columns × rows sheets of body_width × body_height
 * points: the seams never cut a box. Returns how many boxes each sheet
 * holds. */
static void
check_tiling (SamChart *chart,
              guint     columns,
              guint     rows,
              double    body_width,
              double    body_height,
              guint    *per_sheet)
{
  SamChartTiling t;
  double overlap = 28.35;

  _sam_chart_tiling_compute (chart, columns, rows, body_width, body_height, overlap, 4.0, &t);
  g_assert_cmpfloat (t.scale, >, 0);
  memset (per_sheet, 0, columns * rows * sizeof (guint));

  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      SamChartRect box;
      guint c = 0, r = 0;
      double cx, cy, x0, y0;

      if (!sam_chart_get_node_bounds (chart, i, &box))
        continue;
      cx = box.x + box.width / 2;
      cy = box.y + box.height / 2;
      while (c + 1 < columns && cx >= t.cuts_x[c + 1])
        c++;
      while (r + 1 < rows && cy >= t.cuts_y[r + 1])
        r++;
      per_sheet[r * columns + c]++;

      /* Where the box is on its sheet, from the body's corner. */
      x0 = (c > 0 ? overlap : 0) + (t.back_x[c] + box.x - t.cuts_x[c]) * t.scale;
      y0 = (r > 0 ? overlap : 0) + (t.back_y[r] + box.y - t.cuts_y[r]) * t.scale;
      if (x0 < -1e-6 || y0 < -1e-6
          || x0 + box.width * t.scale > body_width + 1e-6
          || y0 + box.height * t.scale > body_height + 1e-6)
        g_error ("“%s” is cut by the edge of sheet %u, %u: %.1f, %.1f, %.1f × %.1f on %.1f × %.1f",
                 sam_chart_get_node_name (chart, i), c + 1, r + 1, x0, y0,
                 box.width * t.scale, box.height * t.scale, body_width, body_height);
    }
}

/* `--tiles 3x2 --paper a3` through the command line's function: six
 * sheets, each with boxes on it, each box's name whole on one sheet; and
 * the tiling itself keeps every box inside its sheet, for other counts of
 * sheets too. */
static void
check_tiles (SamStore   *store,
             const char *dir,
             const char *as_of)
{
  g_autofree char *path = g_build_filename (dir, "affisch.pdf", NULL);
  g_autoptr(SamChart) chart = sam_test_chart_new (store, as_of, NULL, FALSE);
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  static const guint counts[][2] = { { 3, 2 }, { 4, 2 }, { 2, 3 }, { 5, 1 }, { 1, 4 } };

  g_assert_cmpint (sam_chart_cli_export (store, path, NULL, "a3", FALSE, "3x2", FALSE, as_of, &error), ==, 0);
  g_assert_no_error (error);
  keep_copy (path, sam_chart_get_n_nodes (chart) > 100 ? "tiles-region.pdf"
                   : sam_chart_get_n_nodes (chart) > 20 ? "tiles-demo.pdf" : "tiles-fixture.pdf");
  info = pdf_tool ("pdfinfo", path, 0);
  g_assert_cmpuint (g_ascii_strtoull (info_field (info, "\nPages:"), NULL, 10), ==, 6);

  pages = pdf_words (path);
  g_assert_cmpuint (pages->len, ==, 6);
  for (guint p = 0; p < pages->len; p++)
    {
      g_autofree char *text = pdf_tool ("pdftotext", path, p + 1);
      g_autofree char *where = g_strdup_printf ("Kolumn %u, rad %u av 3×2", p % 3 + 1, p / 3 + 1);
      guint n_boxes = 0;

      g_assert_nonnull (strstr (text, where));
      for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
        {
          g_autofree char *first = g_strdup (sam_chart_get_node_name (chart, i));

          if (strchr (first, ' ') != NULL)
            *strchr (first, ' ') = '\0';
          /* The root's name is the title in every header. */
          n_boxes += i > 0 && word_height (g_ptr_array_index (pages, p), first) > 0;
        }
      if (n_boxes == 0)
        g_error ("sheet %u of %s has no boxes", p + 1, path);
    }

  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      g_auto(GStrv) words = g_strsplit (sam_chart_get_node_name (chart, i), " ", -1);
      gboolean whole = FALSE;

      for (guint p = 0; p < pages->len && !whole; p++)
        {
          whole = TRUE;
          for (guint w = 0; words[w] != NULL; w++)
            whole &= words[w][0] == '\0' || word_height (g_ptr_array_index (pages, p), words[w]) > 0;
        }
      if (!whole)
        g_error ("“%s” is not whole on any sheet of %s", sam_chart_get_node_name (chart, i), path);
    }

  for (guint k = 0; k < G_N_ELEMENTS (counts); k++)
    {
      guint columns = counts[k][0], rows = counts[k][1];
      g_autofree guint *per_sheet = g_new (guint, columns * rows);

      /* A3 landscape's body and A4 portrait's, roughly. */
      check_tiling (chart, columns, rows, 1122, 700, per_sheet);
      check_tiling (chart, columns, rows, 527, 690, per_sheet);
    }
}

static void
test_tiles_seams (Fixture       *fixture,
                  gconstpointer  data)
{
  check_tiles (fixture->store, fixture->dir, "2026-04-01");
}

static void
test_booklet (Fixture       *fixture,
              gconstpointer  data)
{
  check_booklet (fixture->store, fixture->dir, "2026-04-01", 2);
}

static void
test_booklet_demo (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&dir, &error);

  g_assert_no_error (error);
  check_booklet (store, dir, NULL, 14);
  check_tiles (store, dir, NULL);
  g_clear_object (&store);
  sam_demo_remove (dir);
}

/* A generated region of 250 groups: its 21 councils, each with three
 * subgroups and eight process teams, one page each. */
static void
test_booklet_region (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };
  SamStore *store;
  gsize len;

  store = sam_test_new_tmp_store ("test-chart-region-XXXXXX", "register.samordna", &dir, NULL);
  xml = sam_test_generate_region (250, &len);
  sam_xml_import_memory (store, xml, len, "region.xml", SAM_IMPORT_REPLACE, &summary, &error);
  g_assert_no_error (error);
  sam_import_summary_clear (&summary);

  check_booklet (store, dir, "2026-04-01", 21);
  check_tiles (store, dir, "2026-04-01");
  sam_test_free_tmp_store (store, dir);
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
  ADD ("/chart-export/booklet", test_booklet);
  ADD ("/chart-export/pdf/tiles/seams", test_tiles_seams);
  ADD ("/chart-export/atomic", test_atomic);
#undef ADD
  g_test_add_func ("/chart-export/atomic/child", test_atomic_child);
  g_test_add_func ("/chart-export/booklet/demo", test_booklet_demo);
  g_test_add_func ("/chart-export/booklet/region", test_booklet_region);

  status = g_test_run ();

  /* Free the fonts and their fontconfig patterns, which would otherwise
   * count as leaks under LeakSanitizer. */
  pango_cairo_font_map_set_default (NULL);

  return status;
}

/* sam-chart-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-export"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sam-chart-booklet.h"
#include "sam-chart-export-private.h"
#include "sam-chart-private.h"
#include "sam-chart-render.h"
#include "sam-clock.h"
#include "sam-file.h"

/*
 * A page: margins of 12 mm; a header band with the title on the left and
 * the as-of date and registry number on the right; the chart's part of the
 * page; the legend; a footer band with the printed date, the tile's place
 * and the page number. Tiled pages show the chart at a larger scale, cut
 * into columns × rows slices whose seams fall between boxes where the
 * chart leaves room (sam-chart-tiles.c), each slice drawn inside a 10 mm
 * strip kept for gluing; dashed lines mark the seams and crop marks the
 * corners.
 */

#define MARGIN          34.0   /* 12 mm */
#define OVERLAP         28.35  /* 10 mm */
#define TITLE_SIZE      13.0
#define HEADER_SIZE     8.5
#define FOOTER_SIZE     8.0
#define BAND_GAP        10.0
#define RULE_WIDTH      0.5
#define FIT_MAX_SCALE   1.0    /* a small chart is not blown up on one page */
#define TILE_MAX_SCALE  4.0    /* the sheets asked for are filled, up to this */

#define PAPER_DPI       SAM_CHART_PAPER_DPI
#define PNG_DPI         150.0
#define IMAGE_MARGIN    24.0   /* around the chart in SVG and PNG files */

typedef enum
{
  FORMAT_PDF,
  FORMAT_SVG,
  FORMAT_PNG,
} Format;

typedef struct
{
  double width;
  double height;
  double body_x;
  double body_y;
  double body_width;
  double body_height;
  double header_rule;
  double footer_rule;
  double legend_y;
  double scale;      /* chart units to points */
  double offset_x;   /* the chart's corner in the body of a single page */
  double offset_y;
  SamChartTiling tiling;  /* where the seams fall, on tiled pages */
  PangoLayout *title;
  PangoLayout *facts;
  PangoLayout *printed;
} Geometry;

typedef cairo_status_t (*WriteFunc) (SamChart           *chart,
                                     const SamChartPage *page,
                                     const char         *title,
                                     SamFileWriter      *file);

static void
geometry_clear (Geometry *g)
{
  g_clear_object (&g->title);
  g_clear_object (&g->facts);
  g_clear_object (&g->printed);
}

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.height);
}

static double
layout_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.width);
}

static void
geometry_init (Geometry           *g,
               SamChart           *chart,
               const SamChartPage *page,
               const char         *title,
               double              width,
               double              height)
{
  double content = width - 2 * MARGIN;
  g_autoptr(GString) facts = g_string_new (NULL);
  g_autofree char *date = sam_clock_dup_today ();
  g_autofree char *printed = NULL;
  double legend, bottom;
  SamChartRect extents;

  memset (g, 0, sizeof *g);
  g->width = width;
  g->height = height;

  /* Translators: in the chart's header: the day the chart shows */
  g_string_append_printf (facts, _("As of %s"), sam_chart_get_as_of (chart));
  if (sam_chart_get_registry_number (chart) != NULL)
    {
      g_string_append_c (facts, '\n');
      /* Translators: in the chart's header: the commission's registry
       * number, “Dnr %s” in Swedish */
      g_string_append_printf (facts, _("Reg. no. %s"), sam_chart_get_registry_number (chart));
    }
  g->facts = _sam_chart_new_layout (chart, HEADER_SIZE, FALSE, -1);
  pango_layout_set_alignment (g->facts, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (g->facts, facts->str, -1);

  /* The title takes what the facts leave and wraps rather than being
   * cut: a council's long name is read whole. */
  g->title = _sam_chart_new_layout (chart, TITLE_SIZE, TRUE, content - layout_width (g->facts) - 2 * BAND_GAP);
  pango_layout_set_wrap (g->title, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (g->title, title != NULL ? title : sam_chart_get_title (chart), -1);

  /* Translators: in the chart's footer: the day it was printed */
  printed = g_strdup_printf (_("Printed %s"), date);
  g->printed = _sam_chart_new_layout (chart, FOOTER_SIZE, FALSE, -1);
  pango_layout_set_text (g->printed, printed, -1);

  g->header_rule = MARGIN + MAX (layout_height (g->title), layout_height (g->facts)) + 4;
  g->footer_rule = height - MARGIN - layout_height (g->printed) - 4;
  legend = sam_chart_render_legend (chart, NULL, MARGIN, 0, content);
  g->legend_y = g->footer_rule - BAND_GAP / 2 - legend;
  bottom = legend > 0 ? g->legend_y - BAND_GAP : g->footer_rule - BAND_GAP;

  g->body_x = MARGIN;
  g->body_y = g->header_rule + BAND_GAP;
  g->body_width = content;
  g->body_height = MAX (1.0, bottom - g->body_y);

  sam_chart_get_extents (chart, &extents);
  if (page->columns * page->rows > 1 && sam_chart_get_n_nodes (chart) > 0)
    {
      _sam_chart_tiling_compute (chart, page->columns, page->rows, g->body_width, g->body_height,
                                 OVERLAP, TILE_MAX_SCALE, &g->tiling);
      g->scale = g->tiling.scale;
      return;
    }

  g->scale = FIT_MAX_SCALE;
  if (extents.width > 0)
    g->scale = MIN (g->scale, g->body_width / extents.width);
  if (extents.height > 0)
    g->scale = MIN (g->scale, g->body_height / extents.height);
  /* Centred across, from the top down, as charts are read. */
  g->offset_x = (g->body_width - extents.width * g->scale) / 2;
  g->offset_y = 0;
}

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width)
{
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

static void
draw_footer (SamChart           *chart,
             cairo_t            *cr,
             const Geometry     *g,
             const SamChartPage *page,
             guint               index,
             guint               page_number,
             guint               n_numbers)
{
  guint n_pages = sam_chart_page_get_n_pages (page);
  g_autoptr(PangoLayout) number = _sam_chart_new_layout (chart, FOOTER_SIZE, FALSE, -1);
  g_autofree char *text = NULL;
  double y = g->footer_rule + 4;

  draw_rule (cr, MARGIN, g->footer_rule, g->body_width);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, MARGIN, y);
  pango_cairo_show_layout (cr, g->printed);

  /* Translators: the page number in the footer of a printed report */
  text = g_strdup_printf (_("Page %u of %u"), page_number + 1, n_numbers);
  pango_layout_set_text (number, text, -1);
  cairo_move_to (cr, g->width - MARGIN - layout_width (number), y);
  pango_cairo_show_layout (cr, number);

  if (n_pages > 1)
    {
      g_autoptr(PangoLayout) tile = _sam_chart_new_layout (chart, FOOTER_SIZE, FALSE, -1);
      g_autofree char *where = NULL;

      /* Translators: where a tiled page goes when the pages are put
       * together, in the footer: “Column 2, row 1 of 3×2” */
      where = g_strdup_printf (_("Column %u, row %u of %u×%u"), index % page->columns + 1,
                               index / page->columns + 1, page->columns, page->rows);
      pango_layout_set_text (tile, where, -1);
      cairo_move_to (cr, (g->width - layout_width (tile)) / 2, y);
      pango_cairo_show_layout (cr, tile);
    }
}

static void
draw_header (cairo_t        *cr,
             const Geometry *g)
{
  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  cairo_tag_begin (cr, "H1", NULL);
  cairo_move_to (cr, MARGIN, MARGIN);
  pango_cairo_show_layout (cr, g->title);
  cairo_tag_end (cr, "H1");

  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_tag_begin (cr, "P", NULL);
  cairo_move_to (cr, g->width - MARGIN - layout_width (g->facts), MARGIN);
  pango_cairo_show_layout (cr, g->facts);
  cairo_tag_end (cr, "P");

  draw_rule (cr, MARGIN, g->header_rule, g->body_width);
}

/* The seam on a tiled sheet along one axis: where the chart's slice
 * starts and ends on the sheet, in points. */
static void
slice_on_sheet (const Geometry *g,
                gboolean        across,
                guint           k,
                double         *from,
                double         *to)
{
  const SamChartTiling *t = &g->tiling;
  const double *cuts = across ? t->cuts_x : t->cuts_y;
  const double *back = across ? t->back_x : t->back_y;
  double body = across ? g->body_x : g->body_y;

  *from = body + (k > 0 ? OVERLAP : 0) + back[k] * g->scale;
  *to = *from + (cuts[k + 1] - cuts[k]) * g->scale;
}

/* Crop marks at the corners of the chart's area, and dashed lines along
 * the seams: where this sheet's part of the chart meets its neighbours',
 * to lay on the neighbour's seam when the sheets are glued together. */
static void
draw_tile_marks (cairo_t            *cr,
                 const Geometry     *g,
                 const SamChartPage *page,
                 guint               column,
                 guint               row)
{
  double x0 = g->body_x, y0 = g->body_y;
  double x1 = x0 + g->body_width, y1 = y0 + g->body_height;
  double dashes[] = { 3.0, 3.0 };
  double corners[4][2] = { { x0, y0 }, { x1, y0 }, { x0, y1 }, { x1, y1 } };
  double sx0, sx1, sy0, sy1;

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0.35, 0.35, 0.35);
  cairo_set_line_width (cr, 0.4);
  for (guint k = 0; k < 4; k++)
    {
      double x = corners[k][0], y = corners[k][1];
      double sx = x == x0 ? -1 : 1, sy = y == y0 ? -1 : 1;

      cairo_move_to (cr, x + sx * 2, y);
      cairo_line_to (cr, x + sx * 8, y);
      cairo_move_to (cr, x, y + sy * 2);
      cairo_line_to (cr, x, y + sy * 8);
    }
  cairo_stroke (cr);

  if (g->tiling.columns == 0)
    {
      cairo_restore (cr);
      return;
    }

  slice_on_sheet (g, TRUE, column, &sx0, &sx1);
  slice_on_sheet (g, FALSE, row, &sy0, &sy1);
  cairo_set_source_rgb (cr, 0.55, 0.55, 0.55);
  cairo_set_line_width (cr, 0.5);
  cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
  if (column > 0)
    {
      cairo_move_to (cr, sx0, y0);
      cairo_line_to (cr, sx0, y1);
    }
  if (column + 1 < page->columns)
    {
      cairo_move_to (cr, sx1, y0);
      cairo_line_to (cr, sx1, y1);
    }
  if (row > 0)
    {
      cairo_move_to (cr, x0, sy0);
      cairo_line_to (cr, x1, sy0);
    }
  if (row + 1 < page->rows)
    {
      cairo_move_to (cr, x0, sy1);
      cairo_line_to (cr, x1, sy1);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_empty (SamChart       *chart,
            cairo_t        *cr,
            const Geometry *g)
{
  g_autoptr(PangoLayout) layout = _sam_chart_new_layout (chart, 11.0, FALSE, g->body_width);
  g_autofree char *text = NULL;

  /* Translators: instead of a chart, when the register had no groups on
   * the as-of date */
  text = g_strdup_printf (_("No groups existed on %s."), sam_chart_get_as_of (chart));
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, g->body_x, g->body_y + g->body_height / 3);
  pango_cairo_show_layout (cr, layout);
}

/* The figure's alternative text, as a cairo attribute string: what the chart
 * shows, for a reader that cannot see it. cairo 1.16 does not yet write it
 * into the PDF; later versions do. */
static char *
figure_attributes (SamChart   *chart,
                   const char *title)
{
  guint n = sam_chart_get_n_nodes (chart);
  g_autofree char *text = NULL;
  g_autoptr(GString) quoted = g_string_new ("alt='");

  /* Translators: the alternative text of the chart in a PDF, read by a
   * screen reader; %s is the chart's title and %u the number of groups */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Organisational chart of %s with %u group",
                                       "Organisational chart of %s with %u groups", n),
                          title != NULL ? title : sam_chart_get_title (chart), n);
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '\'' || *p == '\\')
        g_string_append_c (quoted, '\\');
      g_string_append_c (quoted, *p);
    }
  g_string_append_c (quoted, '\'');

  return g_string_free (g_steal_pointer (&quoted), FALSE);
}

/* Draws tile @index of @chart as page @number of @n_numbers. */
void
_sam_chart_draw_page (SamChart           *chart,
                      cairo_t            *cr,
                      const SamChartPage *page,
                      const char         *title,
                      guint               index,
                      guint               number,
                      guint               n_numbers,
                      double              width,
                      double              height,
                      double              device_per_point)
{
  g_autofree char *alt = NULL;
  Geometry g;
  guint column = index % page->columns;
  guint row = index / page->columns;
  cairo_rectangle_t clip;

  geometry_init (&g, chart, page, title, width, height);
  alt = figure_attributes (chart, title);

  /* Structure tags make a tagged PDF: the title a heading, the chart a
   * figure. Other surfaces ignore them. */
  cairo_save (cr);
  draw_header (cr, &g);

  cairo_tag_begin (cr, "Figure", alt);
  cairo_save (cr);
  cairo_rectangle (cr, g.body_x, g.body_y, g.body_width, g.body_height);
  cairo_clip (cr);
  if (sam_chart_get_n_nodes (chart) == 0)
    {
      draw_empty (chart, cr, &g);
    }
  else if (g.tiling.columns > 0)
    {
      const SamChartTiling *t = &g.tiling;
      SamChartRect part;
      double sx0, sx1, sy0, sy1;

      /* The last slice along each axis holds the chart's far edge too. */
      part.x = t->cuts_x[column];
      part.y = t->cuts_y[row];
      part.width = t->cuts_x[column + 1] - part.x + (column + 1 == page->columns ? 1 : 0);
      part.height = t->cuts_y[row + 1] - part.y + (row + 1 == page->rows ? 1 : 0);
      slice_on_sheet (&g, TRUE, column, &sx0, &sx1);
      slice_on_sheet (&g, FALSE, row, &sy0, &sy1);
      cairo_translate (cr, sx0, sy0);
      cairo_scale (cr, g.scale, g.scale);
      cairo_translate (cr, -part.x, -part.y);
      sam_chart_render_part (chart, cr, &part, g.scale * device_per_point);
    }
  else
    {
      cairo_translate (cr, g.body_x + g.offset_x, g.body_y + g.offset_y);
      cairo_scale (cr, g.scale, g.scale);
      clip.x = -g.offset_x / g.scale;
      clip.y = -g.offset_y / g.scale;
      clip.width = g.body_width / g.scale;
      clip.height = g.body_height / g.scale;
      sam_chart_render (chart, cr, &clip, g.scale * device_per_point);
    }
  cairo_restore (cr);

  if (page->columns * page->rows > 1)
    draw_tile_marks (cr, &g, page, column, row);
  cairo_tag_end (cr, "Figure");
  cairo_tag_begin (cr, "P", NULL);
  sam_chart_render_legend (chart, cr, MARGIN, g.legend_y, g.body_width);
  cairo_tag_end (cr, "P");
  draw_footer (chart, cr, &g, page, index, number, n_numbers);
  cairo_restore (cr);

  geometry_clear (&g);
}

/* Writing files */

static cairo_status_t
finish (cairo_t         *cr,
        cairo_surface_t *surface)
{
  cairo_status_t status = cairo_status (cr);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

static cairo_status_t
write_pdf (SamChart           *chart,
           const SamChartPage *page,
           const char         *title,
           SamFileWriter      *file)
{
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_surface_t *surface;
  cairo_t *cr;
  double width = 0, height = 0;
  guint n_pages = sam_chart_page_get_n_pages (page);

  sam_chart_page_get_size_for (page, chart, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (sam_file_writer_cairo_write, file, width, height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE,
                                  title != NULL ? title : sam_chart_get_title (chart));
  if (chart->region != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, chart->region);
  /* Translators: the subject of the organisational chart's PDF */
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, _("Organisational chart"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samordna");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);

  cairo_tag_begin (cr, "Document", NULL);
  for (guint i = 0; i < n_pages && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      _sam_chart_draw_page (chart, cr, page, title, i, i, n_pages, width, height, PAPER_DPI / 72.0);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");

  return finish (cr, surface);
}

/* The SVG, with its text as text (sam-chart-svg.c), and the PNG are
 * pictures of the chart alone, cropped to it with a margin: the header,
 * legend and footer are for paper. */
static cairo_status_t
write_svg (SamChart           *chart,
           const SamChartPage *page,
           const char         *title,
           SamFileWriter      *file)
{
  if (!_sam_chart_write_svg (chart, IMAGE_MARGIN, file))
    return CAIRO_STATUS_WRITE_ERROR;

  return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
write_png (SamChart           *chart,
           const SamChartPage *page,
           const char         *title,
           SamFileWriter      *file)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  double dpp = PNG_DPI / 72.0;
  SamChartRect extents;

  sam_chart_get_extents (chart, &extents);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                        (int) ceil ((extents.width + 2 * IMAGE_MARGIN) * dpp),
                                        (int) ceil ((extents.height + 2 * IMAGE_MARGIN) * dpp));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, dpp, dpp);
  cairo_translate (cr, IMAGE_MARGIN - extents.x, IMAGE_MARGIN - extents.y);
  if (sam_chart_get_n_nodes (chart) > 0)
    sam_chart_render (chart, cr, NULL, dpp);
  status = cairo_status (cr);
  cairo_destroy (cr);

  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_write_to_png_stream (surface, sam_file_writer_cairo_write, file);
  cairo_surface_destroy (surface);

  return status;
}

/* Writes through the file writer, so @path holds either its old contents
 * or the whole new file; a failure keeps the chart's own error code. */
static gboolean
write_atomically (SamChart            *chart,
                  const char          *path,
                  WriteFunc            func,
                  const SamChartPage  *page,
                  const char          *title,
                  GError             **error)
{
  g_autoptr(SamFileWriter) file = NULL;
  g_autoptr(GError) local_error = NULL;
  cairo_status_t status;

  if ((file = sam_file_writer_new (path, &local_error)) != NULL)
    {
      status = func (chart, page, title, file);
      if (status != CAIRO_STATUS_SUCCESS)
        sam_file_writer_fail (file, cairo_status_to_string (status));
      if (sam_file_writer_commit (file, &local_error))
        return TRUE;
    }

  g_set_error_literal (error, SAM_CHART_ERROR, SAM_CHART_ERROR_WRITE, local_error->message);
  return FALSE;
}

static gboolean
format_for_path (const char  *path,
                 Format      *format,
                 GError     **error)
{
  const char *dot = strrchr (path, '.');
  g_autofree char *display_name = NULL;

  if (dot != NULL && g_ascii_strcasecmp (dot, ".pdf") == 0)
    *format = FORMAT_PDF;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".svg") == 0)
    *format = FORMAT_SVG;
  else if (dot != NULL && g_ascii_strcasecmp (dot, ".png") == 0)
    *format = FORMAT_PNG;
  else
    {
      display_name = g_filename_display_name (path);
      g_set_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_FORMAT,
                   _("Cannot tell the file type of “%s”: the name must end in .pdf, .svg or .png"),
                   display_name);
      return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * sam_chart_page_init:
 * @page: (out caller-allocates): the page settings to fill in
 *
 * Fills @page with the defaults: A4 portrait, the chart fitted to one page.
 */
void
sam_chart_page_init (SamChartPage *page)
{
  g_return_if_fail (page != NULL);

  page->paper = SAM_PAPER_A4;
  page->landscape = FALSE;
  page->fit_orientation = FALSE;
  page->columns = 1;
  page->rows = 1;
}

/**
 * sam_chart_page_parse:
 * @page: (out caller-allocates): the page settings to fill in
 * @paper: (nullable): “a4” or “a3” in either case, or %NULL for A4
 * @landscape: whether the paper lies on its side
 * @tiles: (nullable): “COLSxROWS” such as “2x3”, or %NULL for one page
 * @error: return location for a #GError
 *
 * Reads page settings as typed on the command line.
 *
 * Returns: %FALSE with @error set if @paper or @tiles is not understood
 */
gboolean
sam_chart_page_parse (SamChartPage  *page,
                      const char    *paper,
                      gboolean       landscape,
                      const char    *tiles,
                      GError       **error)
{
  g_return_val_if_fail (page != NULL, FALSE);

  sam_chart_page_init (page);
  page->landscape = landscape;
  /* Without --landscape the chart picks the way it fits best. */
  page->fit_orientation = !landscape;

  if (paper != NULL && g_ascii_strcasecmp (paper, "a3") == 0)
    page->paper = SAM_PAPER_A3;
  else if (paper != NULL && g_ascii_strcasecmp (paper, "a4") != 0)
    {
      g_set_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID,
                   _("Unknown paper size “%s”: use a4 or a3"), paper);
      return FALSE;
    }

  if (tiles != NULL)
    {
      const char *p = tiles;
      char *end = NULL;
      guint64 columns = 0, rows = 0;

      if (g_ascii_isdigit (*p))
        columns = g_ascii_strtoull (p, &end, 10);
      if (end != NULL && (*end == 'x' || *end == 'X') && g_ascii_isdigit (end[1]))
        rows = g_ascii_strtoull (end + 1, &end, 10);
      else
        end = NULL;

      /* Twenty pages a side is already a wall; more is a typing error. */
      if (end == NULL || *end != '\0' || columns < 1 || rows < 1 || columns > 20 || rows > 20)
        {
          g_set_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID,
                       _("“%s” is not a number of pages: write COLUMNSxROWS, such as 2x2, each from 1 to 20"),
                       tiles);
          return FALSE;
        }
      page->columns = (guint) columns;
      page->rows = (guint) rows;
    }

  return TRUE;
}

/**
 * sam_chart_page_get_size:
 * @page: page settings
 * @width: (out): the paper's width in points
 * @height: (out): its height in points
 */
void
sam_chart_page_get_size (const SamChartPage *page,
                         double             *width,
                         double             *height)
{
  double w, h;

  g_return_if_fail (page != NULL);

  w = page->paper == SAM_PAPER_A3 ? 841.89 : 595.28;
  h = page->paper == SAM_PAPER_A3 ? 1190.55 : 841.89;
  *width = page->landscape ? h : w;
  *height = page->landscape ? w : h;
}

/* How large the chart would be drawn on @page turned @landscape. */
static double
scale_on (const SamChartPage *page,
          SamChart           *chart,
          gboolean            landscape)
{
  SamChartPage turned = *page;
  Geometry g;
  double width, height, scale;

  turned.landscape = landscape;
  sam_chart_page_get_size (&turned, &width, &height);
  geometry_init (&g, chart, &turned, NULL, width, height);
  scale = g.scale;
  geometry_clear (&g);

  return scale;
}

/**
 * sam_chart_page_get_size_for:
 * @page: page settings
 * @chart: the chart to be drawn
 * @width: (out): the paper's width in points
 * @height: (out): its height in points
 *
 * Gets the size of the sheets @chart is drawn on: as
 * sam_chart_page_get_size(), but with @page->fit_orientation the paper is
 * turned the way the chart (or its columns × rows tiles) is drawn
 * largest, portrait when both are the same.
 */
void
sam_chart_page_get_size_for (const SamChartPage *page,
                             SamChart           *chart,
                             double             *width,
                             double             *height)
{
  SamChartPage turned;

  g_return_if_fail (page != NULL);
  g_return_if_fail (SAM_IS_CHART (chart));

  turned = *page;
  if (page->fit_orientation)
    turned.landscape = scale_on (page, chart, TRUE) > scale_on (page, chart, FALSE) + 1e-6;
  sam_chart_page_get_size (&turned, width, height);
}

/**
 * sam_chart_page_get_n_pages:
 * @page: page settings
 *
 * Returns: the number of pages: columns × rows
 */
guint
sam_chart_page_get_n_pages (const SamChartPage *page)
{
  g_return_val_if_fail (page != NULL, 1);

  return MAX (1, page->columns) * MAX (1, page->rows);
}

/**
 * sam_chart_draw_page:
 * @chart: a chart
 * @cr: where to draw, user space in points with the page's corner at (0, 0)
 * @page: page settings
 * @title: (nullable): the title, or %NULL for sam_chart_get_title()
 * @page_index: the page, from 0 to sam_chart_page_get_n_pages() - 1, by rows
 * @page_width: the page's width in points
 * @page_height: its height in points
 *
 * Draws one printed page of the chart: header, the chart fitted or its
 * tile, legend and footer. This is what a print operation calls for each
 * page, and what the PDF export draws, so both give the same pages. The
 * background is left as it is.
 */
void
sam_chart_draw_page (SamChart           *chart,
                     cairo_t            *cr,
                     const SamChartPage *page,
                     const char         *title,
                     guint               page_index,
                     double              page_width,
                     double              page_height)
{
  double dpp = PAPER_DPI / 72.0;

  g_return_if_fail (SAM_IS_CHART (chart));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page != NULL && page->columns > 0 && page->rows > 0);
  g_return_if_fail (page_index < sam_chart_page_get_n_pages (page));

  /* A print preview draws on pixels: its level of detail follows them. */
  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
      break;
    default:
      {
        double dx = 1, dy = 0;

        cairo_user_to_device_distance (cr, &dx, &dy);
        dpp = hypot (dx, dy);
      }
      break;
    }

  _sam_chart_draw_page (chart, cr, page, title, page_index, page_index, sam_chart_page_get_n_pages (page),
                        page_width, page_height, dpp);
}

/**
 * sam_chart_export:
 * @chart: a chart
 * @path: the file to write, ending in .pdf, .svg or .png
 * @page: page settings
 * @title: (nullable): the title, or %NULL for sam_chart_get_title()
 * @error: return location for a #GError
 *
 * Writes the chart to a file of the type its name ends in: a PDF with
 * columns × rows pages (one page fitted, or tiles), or one page fitted as
 * SVG, or as a PNG image at 150 dots per inch. The file is written under a
 * temporary name and renamed over @path, so a failure leaves any old file
 * as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_chart_export (SamChart            *chart,
                  const char          *path,
                  const SamChartPage  *page,
                  const char          *title,
                  GError             **error)
{
  static const WriteFunc writers[] = {
    [FORMAT_PDF] = write_pdf,
    [FORMAT_SVG] = write_svg,
    [FORMAT_PNG] = write_png,
  };
  Format format;

  g_return_val_if_fail (SAM_IS_CHART (chart), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (page != NULL && page->columns > 0 && page->rows > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!format_for_path (path, &format, error))
    return FALSE;

  return write_atomically (chart, path, writers[format], page, title, error);
}

/**
 * sam_chart_cli_export:
 * @store: the register
 * @path: the file to write, ending in .pdf, .svg or .png
 * @root_code: (nullable): `--root`: the short code of the group to start
 *   from, or %NULL for the whole region
 * @paper: (nullable): `--paper`: “a4” or “a3”
 * @landscape: `--landscape`; without it each sheet is turned the way the
 *   chart fits best
 * @tiles: (nullable): `--tiles`: “COLSxROWS”, for a PDF only
 * @booklet: `--booklet`: an overview page and a page per council, for a
 *   PDF only
 * @as_of: (nullable): `--as-of`: YYYY-MM-DD, or %NULL for today
 * @error: return location for a #GError
 *
 * Does what `samordna --export-chart FILE` asks for: checks the options,
 * builds the chart and exports it.
 *
 * Returns: the exit status: 0 on success, 2 for options that are not
 *   understood (a bad paper size, tiling, date, file type or root code, or
 *   pages asked of an image), 1 when the register could not be read or
 *   the file not written; @error says why
 */
int
sam_chart_cli_export (SamStore    *store,
                      const char  *path,
                      const char  *root_code,
                      const char  *paper,
                      gboolean     landscape,
                      const char  *tiles,
                      gboolean     booklet,
                      const char  *as_of,
                      GError     **error)
{
  g_autoptr(SamChart) chart = NULL;
  g_autoptr(SamChartBooklet) pages = NULL;
  g_autoptr(GError) local_error = NULL;
  SamChartOptions options;
  SamChartPage page;
  Format format;

  g_return_val_if_fail (SAM_IS_STORE (store), 1);
  g_return_val_if_fail (path != NULL, 1);

  if (!format_for_path (path, &format, error)
      || !sam_chart_page_parse (&page, paper, landscape, tiles, error)
      || (as_of != NULL && !sam_chart_parse_date (as_of, error)))
    return 2;

  /* An image is one picture: pages asked of it are refused rather than
   * silently dropped. */
  if (booklet && page.columns * page.rows > 1)
    {
      g_set_error_literal (error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID,
                           _("A booklet has a page per council and cannot also be spread over several pages: leave out --booklet or --tiles"));
      return 2;
    }
  if (format != FORMAT_PDF && (booklet || page.columns * page.rows > 1))
    {
      g_autofree char *display_name = g_filename_display_name (path);

      g_set_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID,
                   booklet ? _("Cannot write a booklet to “%s”: only a PDF file (.pdf) has pages")
                           : _("Cannot spread the chart over several pages in “%s”: only a PDF file (.pdf) has pages"),
                   display_name);
      return 2;
    }

  sam_chart_options_init (&options);
  options.root_code = root_code;
  options.as_of = as_of;

  if (booklet)
    pages = sam_chart_booklet_new (store, &options, &local_error);
  else
    chart = sam_chart_new_from_store (store, &options, &local_error);
  if (chart == NULL && pages == NULL)
    {
      gboolean usage = g_error_matches (local_error, SAM_CHART_ERROR, SAM_CHART_ERROR_UNKNOWN_ROOT);

      g_propagate_error (error, g_steal_pointer (&local_error));
      return usage ? 2 : 1;
    }

  if (booklet)
    return sam_chart_booklet_export (pages, path, &page, error) ? 0 : 1;

  return sam_chart_export (chart, path, &page, NULL, error) ? 0 : 1;
}

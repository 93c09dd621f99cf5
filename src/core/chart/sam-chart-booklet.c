/* sam-chart-booklet.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-booklet"

#include "config.h"

#include <cairo-pdf.h>

#include "sam-chart-booklet.h"
#include "sam-chart-export-private.h"
#include "sam-clock.h"
#include "sam-file.h"

/*
 * Fitted to one sheet, a region of a dozen councils is a strip of boxes
 * too small to read, and tiles make a poster to be glued together. A
 * booklet instead gives each council its own page, where its family is
 * drawn at the size of a council's chart, and an overview page where the
 * councils are single (collapsed) boxes stacked under their management
 * group. Every page is a chart of its own built from the register, so
 * the pages show exactly what the chart rooted there would show.
 */

struct _SamChartBooklet
{
  GPtrArray *charts;  /* the overview, then the councils in the chart's order */
  char      *title;
};

/* The councils of @chart, as UUIDs, in its order (pre-order: a council
 * comes before the councils under it). */
static GPtrArray *
list_councils (SamChart *chart)
{
  GPtrArray *uuids = g_ptr_array_new ();
  guint n = sam_chart_get_n_nodes (chart);

  for (guint i = 0; i < n; i++)
    if (sam_chart_get_node_kind (chart, i) == SAM_GROUP_KIND_COUNCIL)
      g_ptr_array_add (uuids, (gpointer) sam_chart_get_node_uuid (chart, i));

  return uuids;
}

/**
 * sam_chart_booklet_new:
 * @store: the register
 * @options: (nullable): what the whole chart shows: its root and as-of
 *   date; %NULL for the whole region today
 * @error: return location for a #GError
 *
 * Builds the charts of a booklet: the overview, with every council
 * collapsed, and one chart per council with its role holders. Blocking:
 * run it in a worker thread in the GUI.
 *
 * Returns: (transfer full) (nullable): the booklet, or %NULL with @error
 *   set as sam_chart_new_from_store() sets it
 */
SamChartBooklet *
sam_chart_booklet_new (SamStore               *store,
                       const SamChartOptions  *options,
                       GError                **error)
{
  g_autoptr(SamChartBooklet) self = g_new0 (SamChartBooklet, 1);
  g_autoptr(SamChart) whole = NULL;
  g_autoptr(GPtrArray) councils = NULL;
  SamChartOptions defaults, overview;
  SamChart *chart;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    {
      sam_chart_options_init (&defaults);
      options = &defaults;
    }

  self->charts = g_ptr_array_new_with_free_func (g_object_unref);

  /* The whole chart only tells which councils there are. */
  overview = *options;
  overview.collapsed = NULL;
  overview.show_people = FALSE;
  if ((whole = sam_chart_new_from_store (store, &overview, error)) == NULL)
    return NULL;
  self->title = g_strdup (sam_chart_get_title (whole));
  councils = list_councils (whole);
  g_ptr_array_add (councils, NULL);

  /* The overview is for finding one's way: names only, so a region's
   * councils fit one readable page; the details are on their pages. */
  overview.collapsed = (const char * const *) councils->pdata;
  overview.names_only = TRUE;
  if ((chart = sam_chart_new_from_store (store, &overview, error)) == NULL)
    return NULL;
  g_ptr_array_add (self->charts, chart);

  for (guint i = 0; i + 1 < councils->len; i++)
    {
      SamChartOptions council = *options;

      council.root_code = NULL;
      council.root_uuid = g_ptr_array_index (councils, i);
      council.collapsed = NULL;
      council.names_only = FALSE;
      council.show_people = TRUE;
      if ((chart = sam_chart_new_from_store (store, &council, error)) == NULL)
        return NULL;
      g_ptr_array_add (self->charts, chart);
    }

  return g_steal_pointer (&self);
}

/**
 * sam_chart_booklet_free:
 * @self: (nullable) (transfer full): a booklet
 */
void
sam_chart_booklet_free (SamChartBooklet *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->charts, g_ptr_array_unref);
  g_free (self->title);
  g_free (self);
}

/**
 * sam_chart_booklet_get_n_pages:
 * @self: a booklet
 *
 * Returns: the number of pages: one, plus one per council
 */
guint
sam_chart_booklet_get_n_pages (SamChartBooklet *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->charts->len;
}

/**
 * sam_chart_booklet_get_chart:
 * @self: a booklet
 * @index: a page, from 0
 *
 * Returns: (transfer none): the chart drawn on page @index
 */
SamChart *
sam_chart_booklet_get_chart (SamChartBooklet *self,
                             guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->charts->len, NULL);

  return g_ptr_array_index (self->charts, index);
}

/**
 * sam_chart_booklet_get_title:
 * @self: a booklet
 *
 * Returns: the title of the whole chart, the name of its root
 */
const char *
sam_chart_booklet_get_title (SamChartBooklet *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

/**
 * sam_chart_booklet_draw_page:
 * @self: a booklet
 * @cr: where to draw, user space in points with the page's corner at (0, 0)
 * @page: page settings; its tiling is not used, each chart fills one sheet
 * @index: the page, from 0 to sam_chart_booklet_get_n_pages() - 1
 * @page_width: the page's width in points
 * @page_height: its height in points
 *
 * Draws one page of the booklet, numbered through the booklet, with the
 * same header, legend and footer as a chart fitted to one page.
 */
void
sam_chart_booklet_draw_page (SamChartBooklet    *self,
                             cairo_t            *cr,
                             const SamChartPage *page,
                             guint               index,
                             double              page_width,
                             double              page_height)
{
  SamChartPage one;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page != NULL);
  g_return_if_fail (index < self->charts->len);

  one = *page;
  one.columns = one.rows = 1;
  _sam_chart_draw_page (g_ptr_array_index (self->charts, index), cr, &one, NULL,
                        0, index, self->charts->len, page_width, page_height,
                        SAM_CHART_PAPER_DPI / 72.0);
}

/**
 * sam_chart_booklet_export:
 * @self: a booklet
 * @path: the PDF file to write
 * @page: page settings; with @page->fit_orientation each sheet is turned
 *   the way its chart fits best
 * @error: return location for a #GError
 *
 * Writes the booklet as a PDF, one page per chart, under a temporary name
 * renamed over @path, so a failure leaves any old file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_chart_booklet_export (SamChartBooklet     *self,
                          const char          *path,
                          const SamChartPage  *page,
                          GError             **error)
{
  g_autoptr(SamFileWriter) file = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autofree char *created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  SamChartPage one;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((file = sam_file_writer_new (path, &local_error)) == NULL)
    {
      g_set_error_literal (error, SAM_CHART_ERROR, SAM_CHART_ERROR_WRITE, local_error->message);
      return FALSE;
    }

  one = *page;
  one.columns = one.rows = 1;
  surface = cairo_pdf_surface_create_for_stream (sam_file_writer_cairo_write, file, 595.28, 841.89);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samordna");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);
  cr = cairo_create (surface);

  for (guint i = 0; i < self->charts->len && cairo_status (cr) == CAIRO_STATUS_SUCCESS; i++)
    {
      double width, height;

      sam_chart_page_get_size_for (&one, g_ptr_array_index (self->charts, i), &width, &height);
      cairo_pdf_surface_set_size (surface, width, height);
      sam_chart_booklet_draw_page (self, cr, &one, i, width, height);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    sam_file_writer_fail (file, cairo_status_to_string (status));
  if (!sam_file_writer_commit (file, &local_error))
    {
      g_set_error_literal (error, SAM_CHART_ERROR, SAM_CHART_ERROR_WRITE, local_error->message);
      return FALSE;
    }

  return TRUE;
}

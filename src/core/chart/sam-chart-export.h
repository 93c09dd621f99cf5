/* sam-chart-export.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"
#include "sam-report.h"

G_BEGIN_DECLS

/*
 * The chart on paper: pages with a header (title, as-of date, registry
 * number), the chart fitted to one page or tiled over columns × rows pages
 * with seams between boxes and marks where the sheets meet, a legend and
 * a footer (printed date, the tile's place, page x of y).
 * The same page drawing serves PDF, SVG and PNG files, the command line
 * and the GUI's print operation.
 */

typedef struct
{
  SamPaper paper;
  gboolean landscape;
  gboolean fit_orientation;  /* turn each sheet the way the chart fits best; landscape is ignored */
  guint    columns;          /* 1 × 1: the whole chart fitted to one page */
  guint    rows;
} SamChartPage;

void     sam_chart_page_init         (SamChartPage        *page);
gboolean sam_chart_page_parse        (SamChartPage        *page,
                                      const char          *paper,
                                      gboolean             landscape,
                                      const char          *tiles,
                                      GError             **error);
void     sam_chart_page_get_size     (const SamChartPage  *page,
                                      double              *width,
                                      double              *height);
void     sam_chart_page_get_size_for (const SamChartPage  *page,
                                      SamChart            *chart,
                                      double              *width,
                                      double              *height);
guint    sam_chart_page_get_n_pages  (const SamChartPage  *page);

void     sam_chart_draw_page         (SamChart            *chart,
                                      cairo_t             *cr,
                                      const SamChartPage  *page,
                                      const char          *title,
                                      guint                page_index,
                                      double               page_width,
                                      double               page_height);
gboolean sam_chart_export            (SamChart            *chart,
                                      const char          *path,
                                      const SamChartPage  *page,
                                      const char          *title,
                                      GError             **error);
int      sam_chart_cli_export        (SamStore            *store,
                                      const char          *path,
                                      const char          *root_code,
                                      const char          *paper,
                                      gboolean             landscape,
                                      const char          *tiles,
                                      gboolean             booklet,
                                      const char          *as_of,
                                      GError             **error);

G_END_DECLS

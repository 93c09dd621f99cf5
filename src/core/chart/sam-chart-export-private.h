/* sam-chart-export-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart-export.h"
#include "sam-chart-render.h"
#include "sam-file.h"

G_BEGIN_DECLS

/*
 * Shared by the chart's files on paper: one page as the export draws it
 * (sam-chart-export.c), used again by the booklet (sam-chart-booklet.c),
 * whose pages are numbered through the whole document, and the seams of
 * a tiled chart (sam-chart-tiles.c).
 */

/* Level of detail on paper: as if the printer had this many dots per
 * inch, so boxes too small to read are drawn as plain rectangles. */
#define SAM_CHART_PAPER_DPI 300.0

/* Twenty sheets a side is already a wall; more is a typing error. */
#define SAM_CHART_MAX_TILES 20

/* Where the seams of a tiled chart fall, in chart units: sheet k along an
 * axis holds the boxes whose centre is in [cuts[k], cuts[k + 1]), drawn
 * back[k] after the strip it shares with the sheet before. */
typedef struct
{
  double scale;
  guint  columns;
  guint  rows;
  double cuts_x[SAM_CHART_MAX_TILES + 1];
  double cuts_y[SAM_CHART_MAX_TILES + 1];
  double back_x[SAM_CHART_MAX_TILES];
  double back_y[SAM_CHART_MAX_TILES];
} SamChartTiling;

void _sam_chart_tiling_compute (SamChart       *chart,
                                guint           columns,
                                guint           rows,
                                double          body_width,
                                double          body_height,
                                double          overlap,
                                double          max_scale,
                                SamChartTiling *tiling);

void _sam_chart_draw_page (SamChart           *chart,
                           cairo_t            *cr,
                           const SamChartPage *page,
                           const char         *title,
                           guint               index,
                           guint               number,
                           guint               n_numbers,
                           double              width,
                           double              height,
                           double              device_per_point);

void     _sam_chart_render_shapes    (SamChart       *chart,
                                      cairo_t        *cr);
void     _sam_chart_get_text_colours (SamChartColour *title,
                                      SamChartColour *details);
gboolean _sam_chart_write_svg        (SamChart       *chart,
                                      double          margin,
                                      SamFileWriter  *file);

G_END_DECLS

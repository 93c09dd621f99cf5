/* sam-chart-render.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart.h"

G_BEGIN_DECLS

/*
 * One renderer for the screen, the printer and PDF, SVG and PNG files: it
 * draws a chart onto any cairo_t whose user space is in chart units (points
 * on paper). The caller sets up zoom and pan with the cairo matrix and says
 * how many device pixels one unit is, which picks the level of detail.
 */

/* Below this height on the device a box is drawn as a plain coloured
 * rectangle: its text could not be read anyway. */
#define SAM_CHART_DETAIL_MIN_PIXELS 20.0

typedef struct
{
  double red;
  double green;
  double blue;
} SamChartColour;

void    sam_chart_kind_get_colours     (SamGroupKind             kind,
                                        SamChartColour          *fill,
                                        SamChartColour          *border);
void    sam_chart_edge_kind_get_colour (SamChartEdgeKind         kind,
                                        SamChartColour          *colour);
void    sam_chart_render               (SamChart                *chart,
                                        cairo_t                 *cr,
                                        const cairo_rectangle_t *clip,
                                        double                   scale);
void    sam_chart_render_part          (SamChart                *chart,
                                        cairo_t                 *cr,
                                        const SamChartRect      *part,
                                        double                   scale);
double  sam_chart_render_legend        (SamChart                *chart,
                                        cairo_t                 *cr,
                                        double                   x,
                                        double                   y,
                                        double                   width);

G_END_DECLS

/* sam-chart-booklet.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sam-chart-export.h"

G_BEGIN_DECLS

/*
 * A region's chart as a booklet: an overview page of the top of the
 * structure down to the councils, which are shown collapsed, then one page
 * per council with its subgroups, process teams and role holders. Each
 * page is one chart fitted to its sheet, so a region of any size is read
 * at the size of a single council.
 */

typedef struct _SamChartBooklet SamChartBooklet;

SamChartBooklet *sam_chart_booklet_new         (SamStore               *store,
                                                const SamChartOptions  *options,
                                                GError                **error) G_GNUC_WARN_UNUSED_RESULT;
void             sam_chart_booklet_free        (SamChartBooklet        *self);
guint            sam_chart_booklet_get_n_pages (SamChartBooklet        *self);
SamChart        *sam_chart_booklet_get_chart   (SamChartBooklet        *self,
                                                guint                   index);
const char      *sam_chart_booklet_get_title   (SamChartBooklet        *self);
void             sam_chart_booklet_draw_page   (SamChartBooklet        *self,
                                                cairo_t                *cr,
                                                const SamChartPage     *page,
                                                guint                   index,
                                                double                  page_width,
                                                double                  page_height);
gboolean         sam_chart_booklet_export      (SamChartBooklet        *self,
                                                const char             *path,
                                                const SamChartPage     *page,
                                                GError                **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChartBooklet, sam_chart_booklet_free)

G_END_DECLS

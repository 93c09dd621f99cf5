/* sam-chart-print.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-chart-export.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHART_PRINT (sam_chart_print_get_type ())

G_DECLARE_FINAL_TYPE (SamChartPrint, sam_chart_print, SAM, CHART_PRINT, GtkPrintOperation)

SamChartPrint *sam_chart_print_new             (SamChart           *chart,
                                                GSettings          *settings) G_GNUC_WARN_UNUSED_RESULT;
SamChart      *sam_chart_print_get_chart       (SamChartPrint      *self);
gboolean       sam_chart_print_get_tiled       (SamChartPrint      *self);
void           sam_chart_print_set_tiled       (SamChartPrint      *self,
                                                gboolean            tiled);
void           sam_chart_print_set_source      (SamChartPrint      *self,
                                                SamStore           *store,
                                                const char         *root_uuid);
void           sam_chart_print_set_booklet     (SamChartPrint      *self,
                                                gboolean            booklet);
void           sam_chart_print_set_sheets      (SamChartPrint      *self,
                                                guint               columns,
                                                guint               rows);
void           sam_chart_print_get_page        (SamChartPrint      *self,
                                                SamChartPage       *page);

void           sam_chart_print_load_page       (GSettings          *settings,
                                                SamChartPage       *page,
                                                gboolean           *tiled);
void           sam_chart_print_readable_tiles  (SamChart           *chart,
                                                double              page_width,
                                                double              page_height,
                                                guint              *columns,
                                                guint              *rows);

G_END_DECLS

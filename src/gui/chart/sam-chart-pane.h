/* sam-chart-pane.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-chart-view.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHART_PANE (sam_chart_pane_get_type ())

G_DECLARE_FINAL_TYPE (SamChartPane, sam_chart_pane, SAM, CHART_PANE, AdwBin)

GtkWidget    *sam_chart_pane_new               (SamStore     *store,
                                                GSettings    *settings);
SamStore     *sam_chart_pane_get_store         (SamChartPane *self);
void          sam_chart_pane_set_store         (SamChartPane *self,
                                                SamStore     *store);
SamChartView *sam_chart_pane_get_view          (SamChartPane *self);
const char   *sam_chart_pane_get_selected_uuid (SamChartPane *self);
void          sam_chart_pane_set_selected_uuid (SamChartPane *self,
                                                const char   *uuid);
void          sam_chart_pane_share_selection   (SamChartPane *self,
                                                GObject      *object,
                                                const char   *property);
void          sam_chart_pane_print             (SamChartPane *self);
void          sam_chart_pane_export            (SamChartPane *self,
                                                GFile        *file);

G_END_DECLS

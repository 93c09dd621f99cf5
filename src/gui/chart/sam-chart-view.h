/* sam-chart-view.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-chart.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_CHART_VIEW (sam_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (SamChartView, sam_chart_view, SAM, CHART_VIEW, GtkWidget)

GtkWidget       *sam_chart_view_new               (void);
SamStore        *sam_chart_view_get_store         (SamChartView  *self);
void             sam_chart_view_set_store         (SamChartView  *self,
                                                   SamStore      *store);
const char      *sam_chart_view_get_root_uuid     (SamChartView  *self);
void             sam_chart_view_set_root_uuid     (SamChartView  *self,
                                                   const char    *uuid);
const char      *sam_chart_view_get_as_of         (SamChartView  *self);
void             sam_chart_view_set_as_of         (SamChartView  *self,
                                                   const char    *as_of);
gboolean         sam_chart_view_get_show_people   (SamChartView  *self);
void             sam_chart_view_set_show_people   (SamChartView  *self,
                                                   gboolean       show_people);
const char      *sam_chart_view_get_selected_uuid (SamChartView  *self);
void             sam_chart_view_set_selected_uuid (SamChartView  *self,
                                                   const char    *uuid);
SamChart        *sam_chart_view_get_chart         (SamChartView  *self);
const GError    *sam_chart_view_get_error         (SamChartView  *self);
gboolean         sam_chart_view_get_loading       (SamChartView  *self);
void             sam_chart_view_build_chart_async (SamChartView        *self,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);

double           sam_chart_view_get_zoom          (SamChartView  *self);
void             sam_chart_view_set_zoom          (SamChartView  *self,
                                                   double         zoom);
void             sam_chart_view_zoom_in           (SamChartView  *self);
void             sam_chart_view_zoom_out          (SamChartView  *self);
void             sam_chart_view_zoom_to_fit       (SamChartView  *self);
void             sam_chart_view_get_visible_area  (SamChartView  *self,
                                                   SamChartRect  *area);
void             sam_chart_view_pan               (SamChartView  *self,
                                                   double         dx,
                                                   double         dy);
gboolean         sam_chart_view_scroll            (SamChartView    *self,
                                                   double           dx,
                                                   double           dy,
                                                   GdkModifierType  state,
                                                   GdkScrollUnit    unit);

gboolean         sam_chart_view_find              (SamChartView  *self,
                                                   const char    *text,
                                                   gboolean       next);
gboolean         sam_chart_view_get_collapsed     (SamChartView  *self,
                                                   const char    *uuid);
void             sam_chart_view_set_collapsed     (SamChartView  *self,
                                                   const char    *uuid,
                                                   gboolean       collapsed);
gboolean         sam_chart_view_toggle_selected   (SamChartView  *self);
gboolean         sam_chart_view_move_selection    (SamChartView     *self,
                                                   GtkDirectionType  direction);

G_END_DECLS

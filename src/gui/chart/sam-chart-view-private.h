/* sam-chart-view-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart-view.h"

G_BEGIN_DECLS

#define ZOOM_MIN       0.05
#define ZOOM_MAX       4.0
#define ZOOM_FIT_MAX   2.0   /* a small chart is not blown up further to fit */
#define ZOOM_FIND      1.0   /* a box found is shown at least this large, so it can be read */
#define ZOOM_STEP      1.25
#define FIT_MARGIN     16.0  /* pixels around a fitted chart */
#define KEEP_VISIBLE   48.0  /* pixels of the chart that panning leaves in view */
#define PAN_STEP       48.0  /* pixels per arrow key or wheel click */
#define SCROLL_MARGIN  24.0  /* pixels between a box brought into view and the edge */
#define DRAG_THRESHOLD 4.0
#define CHART_PAPER    ((GdkRGBA) { 1.0, 1.0, 1.0, 1.0 })

struct _SamChartView
{
  GtkWidget     parent_instance;

  SamStore     *store;
  SamChart     *chart;
  GError       *error;
  GCancellable *build_cancellable;
  gboolean      loading;

  char         *root_uuid;
  char         *as_of;
  gboolean      show_people;
  GHashTable   *collapsed;      /* UUIDs of collapsed groups, kept across rebuilds */
  char         *selected_uuid;

  double        zoom;
  double        origin_x;       /* the chart point at the widget's top left corner */
  double        origin_y;
  gboolean      fit_pending;    /* fit once there is a chart and a size */
  gboolean      fitted;         /* fitted and not moved since: a new size fits again */
  double        placed_zoom;    /* the transform the accessible boxes were laid out for */
  double        placed_x;
  double        placed_y;
  char         *anchor_uuid;    /* the box that keeps its place on screen across a rebuild */
  double        anchor_x;       /* where its middle was, in widget pixels */
  double        anchor_y;
  gboolean      scroll_pending; /* bring the selection into view once there is a size */

  double        pointer_x;
  double        pointer_y;
  gboolean      has_pointer;
  double        drag_origin_x;
  double        drag_origin_y;
  gboolean      dragged;
  double        pinch_zoom;
};

/* sam-chart-view.c */
void _sam_chart_view_notify_zoom        (SamChartView   *self);
void _sam_chart_view_select_node        (SamChartView   *self,
                                         gint            node,
                                         gboolean        centre);
gint _sam_chart_view_node_at_widget     (SamChartView   *self,
                                         double          x,
                                         double          y);
void _sam_chart_view_set_node_collapsed (SamChartView   *self,
                                         guint           node,
                                         gboolean        collapsed);

/* sam-chart-view-zoom.c */
void _sam_chart_view_clamp_origin       (SamChartView   *self);
void _sam_chart_view_zoom_at            (SamChartView   *self,
                                         double          zoom,
                                         double          x,
                                         double          y);
void _sam_chart_view_first_view         (SamChartView   *self);
void     _sam_chart_view_moved          (SamChartView   *self);
void     _sam_chart_view_keep_anchor    (SamChartView   *self);
gboolean _sam_chart_view_restore_anchor (SamChartView   *self);
void _sam_chart_view_scroll_to_node     (SamChartView   *self,
                                         gint            node,
                                         gboolean        centre);

/* sam-chart-view-a11y.c */
void       _sam_chart_view_update_boxes        (SamChartView   *self);
void       _sam_chart_view_update_selected_box (SamChartView   *self);
void       _sam_chart_view_focus_selected      (SamChartView   *self);
GtkWidget *_sam_chart_view_get_selected_box    (SamChartView   *self);
void       _sam_chart_view_allocate_boxes      (SamChartView   *self);
void       _sam_chart_view_queue_place         (SamChartView   *self);

/* sam-chart-view-input.c */
void _sam_chart_view_class_input_init   (GtkWidgetClass *widget_class);
void _sam_chart_view_input_init         (SamChartView   *self);

G_END_DECLS

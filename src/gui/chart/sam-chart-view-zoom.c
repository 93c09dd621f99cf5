/* sam-chart-view-zoom.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-view"

#include "config.h"

#include <math.h>

#include "sam-chart-view-private.h"

/*
 * The view's transform: the chart point at the widget's top left corner
 * (origin) and the zoom, kept so part of the chart is always in view;
 * fitting a chart to the widget, bringing a box into view, and the public
 * zoom, pan and scroll functions the toolbar, the keys and the scroll
 * controller call.
 */

static double
fit_zoom (SamChartView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self)) - 2 * FIT_MARGIN;
  double height = gtk_widget_get_height (GTK_WIDGET (self)) - 2 * FIT_MARGIN;
  SamChartRect extents;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return 1.0;

  sam_chart_get_extents (self->chart, &extents);
  if (extents.width <= 0 || extents.height <= 0)
    return 1.0;

  return MIN (width / extents.width, height / extents.height);
}

static double
min_zoom (SamChartView *self)
{
  /* However big the chart, it can be zoomed out to the whole of it. */
  return MIN (ZOOM_MIN, fit_zoom (self));
}

void
_sam_chart_view_clamp_origin (SamChartView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double keep_x, keep_y;
  SamChartRect extents;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  sam_chart_get_extents (self->chart, &extents);
  keep_x = MIN (KEEP_VISIBLE, extents.width * self->zoom);
  keep_y = MIN (KEEP_VISIBLE, extents.height * self->zoom);
  self->origin_x = MIN (self->origin_x, extents.x + extents.width - keep_x / self->zoom);
  self->origin_x = MAX (self->origin_x, extents.x - (width - keep_x) / self->zoom);
  self->origin_y = MIN (self->origin_y, extents.y + extents.height - keep_y / self->zoom);
  self->origin_y = MAX (self->origin_y, extents.y - (height - keep_y) / self->zoom);
}

/* Zooms keeping the chart point under (@x, @y) in the widget where it is. */
void
_sam_chart_view_zoom_at (SamChartView *self,
                         double        zoom,
                         double        x,
                         double        y)
{
  double chart_x = self->origin_x + x / self->zoom;
  double chart_y = self->origin_y + y / self->zoom;

  zoom = CLAMP (zoom, min_zoom (self), ZOOM_MAX);
  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  self->fitted = FALSE;
  self->origin_x = chart_x - x / zoom;
  self->origin_y = chart_y - y / zoom;
  _sam_chart_view_clamp_origin (self);
  _sam_chart_view_queue_place (self);
  _sam_chart_view_notify_zoom (self);
}

static void
fit (SamChartView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  SamChartRect extents;
  double zoom;

  if (self->chart == NULL || width <= 0 || height <= 0)
    {
      self->fit_pending = TRUE;
      return;
    }

  self->fit_pending = FALSE;
  sam_chart_get_extents (self->chart, &extents);
  zoom = MIN (fit_zoom (self), ZOOM_FIT_MAX);
  /* Centred both ways: a wide chart in a tall view would otherwise sit
   * at the top with empty paper under it, and the reverse. */
  self->origin_x = extents.x + extents.width / 2 - width / 2 / zoom;
  self->origin_y = extents.y + extents.height / 2 - height / 2 / zoom;
  self->fitted = TRUE;

  if (zoom != self->zoom)
    {
      self->zoom = zoom;
      _sam_chart_view_notify_zoom (self);
    }
  _sam_chart_view_queue_place (self);
}

/* A new chart opens fitted and centred. While the user has not zoomed or
 * moved it, it is fitted again whenever the view's size changes, so the
 * pane settling, the window growing or the chart taking the whole window
 * never leave it cut off at one side. */
void
_sam_chart_view_first_view (SamChartView *self)
{
  fit (self);
}

/* The user zoomed or moved the view: a new size no longer fits it. */
void
_sam_chart_view_moved (SamChartView *self)
{
  self->fitted = FALSE;
}

/* Remembers the box that should stay where it is on screen while the
 * chart is built again: the selected box if it is in view, else the box
 * nearest the middle of the view. */
void
_sam_chart_view_keep_anchor (SamChartView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double best = G_MAXDOUBLE;
  gint selected, node = -1;
  SamChartRect box;

  /* A rebuild already under way keeps the anchor of the chart on screen. */
  if (self->anchor_uuid != NULL || self->chart == NULL || self->fitted || width <= 0 || height <= 0)
    return;

  selected = sam_chart_get_selected (self->chart);
  if (selected >= 0 && sam_chart_get_node_bounds (self->chart, selected, &box))
    {
      double x = (box.x + box.width / 2 - self->origin_x) * self->zoom;
      double y = (box.y + box.height / 2 - self->origin_y) * self->zoom;

      if (x >= 0 && x <= width && y >= 0 && y <= height)
        node = selected;
    }

  for (guint i = 0; node < 0 && i < sam_chart_get_n_nodes (self->chart); i++)
    if (sam_chart_get_node_bounds (self->chart, i, &box))
      {
        double dx = (box.x + box.width / 2 - self->origin_x) * self->zoom - width / 2;
        double dy = (box.y + box.height / 2 - self->origin_y) * self->zoom - height / 2;

        if (dx * dx + dy * dy < best)
          {
            best = dx * dx + dy * dy;
            selected = i;
          }
      }
  if (node < 0)
    node = best < G_MAXDOUBLE ? selected : -1;
  if (node < 0 || !sam_chart_get_node_bounds (self->chart, node, &box))
    return;

  self->anchor_uuid = g_strdup (sam_chart_get_node_uuid (self->chart, node));
  self->anchor_x = (box.x + box.width / 2 - self->origin_x) * self->zoom;
  self->anchor_y = (box.y + box.height / 2 - self->origin_y) * self->zoom;
}

/* Puts the anchor's box back where it was on screen, at the same zoom.
 * Returns whether it is in the new chart. */
gboolean
_sam_chart_view_restore_anchor (SamChartView *self)
{
  g_autofree char *uuid = g_steal_pointer (&self->anchor_uuid);
  SamChartRect box;
  gint node;

  if (uuid == NULL || self->chart == NULL)
    return FALSE;

  node = sam_chart_find_uuid (self->chart, uuid);
  if (node < 0 || !sam_chart_get_node_bounds (self->chart, node, &box))
    return FALSE;

  self->origin_x = box.x + box.width / 2 - self->anchor_x / self->zoom;
  self->origin_y = box.y + box.height / 2 - self->anchor_y / self->zoom;
  self->fit_pending = FALSE;
  _sam_chart_view_clamp_origin (self);
  _sam_chart_view_queue_place (self);

  return TRUE;
}

/* Brings @node into view: centred, or moved just far enough. */
void
_sam_chart_view_scroll_to_node (SamChartView *self,
                                gint          node,
                                gboolean      centre)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  double old_x = self->origin_x, old_y = self->origin_y;
  double left, top, right, bottom;
  SamChartRect box;

  if (self->chart == NULL || node < 0 || !sam_chart_get_node_bounds (self->chart, node, &box))
    return;
  if (width <= 0 || height <= 0)
    {
      self->scroll_pending = TRUE;
      return;
    }

  self->scroll_pending = FALSE;
  if (centre && self->zoom < ZOOM_FIND)
    {
      /* A box found or chosen is shown large enough to read. */
      self->zoom = MIN (ZOOM_FIND, ZOOM_MAX);
      _sam_chart_view_notify_zoom (self);
    }
  left = (box.x - self->origin_x) * self->zoom;
  top = (box.y - self->origin_y) * self->zoom;
  right = left + box.width * self->zoom;
  bottom = top + box.height * self->zoom;

  if (centre || right - left > width - 2 * SCROLL_MARGIN)
    self->origin_x = box.x + box.width / 2 - width / 2 / self->zoom;
  else if (left < SCROLL_MARGIN)
    self->origin_x -= (SCROLL_MARGIN - left) / self->zoom;
  else if (right > width - SCROLL_MARGIN)
    self->origin_x += (right - width + SCROLL_MARGIN) / self->zoom;

  if (centre || bottom - top > height - 2 * SCROLL_MARGIN)
    self->origin_y = box.y + box.height / 2 - height / 2 / self->zoom;
  else if (top < SCROLL_MARGIN)
    self->origin_y -= (SCROLL_MARGIN - top) / self->zoom;
  else if (bottom > height - SCROLL_MARGIN)
    self->origin_y += (bottom - height + SCROLL_MARGIN) / self->zoom;

  if (self->origin_x != old_x || self->origin_y != old_y || centre)
    self->fitted = FALSE;
  _sam_chart_view_clamp_origin (self);
  _sam_chart_view_queue_place (self);
}

/* Public API */

double
sam_chart_view_get_zoom (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), 1.0);

  return self->zoom;
}

/**
 * sam_chart_view_set_zoom:
 * @self: a chart view
 * @zoom: pixels per chart unit (1.0 is 100 %)
 *
 * Zooms about the selected box if it is in view, else about the middle.
 */
void
sam_chart_view_set_zoom (SamChartView *self,
                         double        zoom)
{
  double width, height, x, y;
  gint selected;
  SamChartRect box;

  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  width = gtk_widget_get_width (GTK_WIDGET (self));
  height = gtk_widget_get_height (GTK_WIDGET (self));
  x = width / 2.0;
  y = height / 2.0;

  /* The selected box, if it is in view, stays where it is. */
  selected = self->chart != NULL ? sam_chart_get_selected (self->chart) : -1;
  if (selected >= 0 && sam_chart_get_node_bounds (self->chart, selected, &box))
    {
      double bx = (box.x + box.width / 2 - self->origin_x) * self->zoom;
      double by = (box.y + box.height / 2 - self->origin_y) * self->zoom;

      if (bx >= 0 && bx <= width && by >= 0 && by <= height)
        {
          x = bx;
          y = by;
        }
    }

  _sam_chart_view_zoom_at (self, zoom, x, y);
}

void
sam_chart_view_zoom_in (SamChartView *self)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  sam_chart_view_set_zoom (self, self->zoom * ZOOM_STEP);
}

void
sam_chart_view_zoom_out (SamChartView *self)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  sam_chart_view_set_zoom (self, self->zoom / ZOOM_STEP);
}

/**
 * sam_chart_view_zoom_to_fit:
 * @self: a chart view
 *
 * Zooms so the whole chart is in view (a small chart at most at 200 %),
 * centred; until the view is zoomed or moved, it stays fitted when its
 * size changes.
 */
void
sam_chart_view_zoom_to_fit (SamChartView *self)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  fit (self);
}

/**
 * sam_chart_view_get_visible_area:
 * @self: a chart view
 * @area: (out caller-allocates): the part of the chart in view, in chart units
 */
void
sam_chart_view_get_visible_area (SamChartView *self,
                                 SamChartRect *area)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));
  g_return_if_fail (area != NULL);

  area->x = self->origin_x;
  area->y = self->origin_y;
  area->width = gtk_widget_get_width (GTK_WIDGET (self)) / self->zoom;
  area->height = gtk_widget_get_height (GTK_WIDGET (self)) / self->zoom;
}

/**
 * sam_chart_view_pan:
 * @self: a chart view
 * @dx: pixels to move the view right
 * @dy: pixels to move the view down
 *
 * Moves the view over the chart, keeping part of the chart in view.
 */
void
sam_chart_view_pan (SamChartView *self,
                    double        dx,
                    double        dy)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  self->fitted = FALSE;
  self->origin_x += dx / self->zoom;
  self->origin_y += dy / self->zoom;
  _sam_chart_view_clamp_origin (self);
  _sam_chart_view_queue_place (self);
}

/**
 * sam_chart_view_scroll:
 * @self: a chart view
 * @dx: the scroll across, in wheel clicks or (touchpad) pixels
 * @dy: the scroll down, in the same unit
 * @state: the modifier keys held
 * @unit: %GDK_SCROLL_UNIT_WHEEL for a mouse wheel, %GDK_SCROLL_UNIT_SURFACE
 *   for a touchpad
 *
 * Does what a scroll over the chart does; the widget's scroll controller
 * hands its events here. With Ctrl it zooms, one step per wheel click
 * (touchpads: per 20 pixels), up to zoom in, keeping the chart point under
 * the pointer (or the middle of the view, without a pointer) where it is.
 * Otherwise it pans, a wheel click moving the view by a step; with Shift a
 * vertical wheel pans across.
 *
 * Returns: %GDK_EVENT_STOP if the scroll was used, %GDK_EVENT_PROPAGATE if
 *   there is no chart yet
 */
gboolean
sam_chart_view_scroll (SamChartView    *self,
                       double           dx,
                       double           dy,
                       GdkModifierType  state,
                       GdkScrollUnit    unit)
{
  gboolean wheel = unit == GDK_SCROLL_UNIT_WHEEL;

  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), GDK_EVENT_PROPAGATE);

  if (self->chart == NULL)
    return GDK_EVENT_PROPAGATE;

  if (state & GDK_CONTROL_MASK)
    {
      double x = self->has_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      double y = self->has_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
      /* A wheel click is one zoom step; a touchpad scrolls in pixels. */
      double steps = wheel ? -dy : -dy / 20.0;

      _sam_chart_view_zoom_at (self, self->zoom * pow (ZOOM_STEP, steps), x, y);
      return GDK_EVENT_STOP;
    }

  if ((state & GDK_SHIFT_MASK) && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  if (wheel)
    {
      dx *= PAN_STEP;
      dy *= PAN_STEP;
    }
  sam_chart_view_pan (self, dx, dy);

  return GDK_EVENT_STOP;
}

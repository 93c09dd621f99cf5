/* sam-chart-view-input.c
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
 * Pointer, touch and keyboard: dragging pans, a click selects a box and a
 * double click collapses or expands it, Ctrl and the wheel or a pinch
 * zoom, and the key bindings move the selection along the tree or pan.
 */

static void
drag_begin_cb (SamChartView   *self,
               double          x,
               double          y,
               GtkGestureDrag *gesture)
{
  self->drag_origin_x = self->origin_x;
  self->drag_origin_y = self->origin_y;
  self->dragged = FALSE;
}

static void
drag_update_cb (SamChartView   *self,
                double          offset_x,
                double          offset_y,
                GtkGestureDrag *gesture)
{
  if (!self->dragged && hypot (offset_x, offset_y) < DRAG_THRESHOLD)
    return;

  if (!self->dragged)
    {
      self->dragged = TRUE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }

  _sam_chart_view_moved (self);
  self->origin_x = self->drag_origin_x - offset_x / self->zoom;
  self->origin_y = self->drag_origin_y - offset_y / self->zoom;
  _sam_chart_view_clamp_origin (self);
  _sam_chart_view_queue_place (self);
}

static void
drag_end_cb (SamChartView   *self,
             double          offset_x,
             double          offset_y,
             GtkGestureDrag *gesture)
{
  gtk_widget_set_cursor (GTK_WIDGET (self), NULL);
}

static void
click_pressed_cb (SamChartView    *self,
                  int              n_press,
                  double           x,
                  double           y,
                  GtkGestureClick *gesture)
{
  gint node;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (n_press != 2 || self->chart == NULL)
    return;

  node = _sam_chart_view_node_at_widget (self, x, y);
  if (node >= 0 && sam_chart_node_has_children (self->chart, node))
    _sam_chart_view_set_node_collapsed (self, node, !sam_chart_get_collapsed (self->chart, node));
}

static void
click_released_cb (SamChartView    *self,
                   int              n_press,
                   double           x,
                   double           y,
                   GtkGestureClick *gesture)
{
  if (n_press != 1 || self->dragged || self->chart == NULL)
    return;

  _sam_chart_view_select_node (self, _sam_chart_view_node_at_widget (self, x, y), FALSE);
}

static void
motion_cb (SamChartView             *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *motion)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
leave_cb (SamChartView             *self,
          GtkEventControllerMotion *motion)
{
  self->has_pointer = FALSE;
}

static gboolean
scroll_cb (SamChartView             *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *scroll)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (scroll));

  return sam_chart_view_scroll (self, dx, dy, state, gtk_event_controller_scroll_get_unit (scroll));
}

static void
pinch_begin_cb (SamChartView     *self,
                GdkEventSequence *sequence,
                GtkGesture       *gesture)
{
  self->pinch_zoom = self->zoom;
}

static void
pinch_scale_changed_cb (SamChartView   *self,
                        double          scale,
                        GtkGestureZoom *gesture)
{
  double x, y;

  /* Zoom about the fingers; without touch points (the gesture was ended
   * or is being driven by a test), about the middle of the view. */
  if (!gtk_gesture_is_active (GTK_GESTURE (gesture))
      || !gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    {
      x = gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
      y = gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
    }
  _sam_chart_view_zoom_at (self, self->pinch_zoom * scale, x, y);
}

static gboolean
arrow_key_cb (GtkWidget *widget,
              GVariant  *args,
              gpointer   user_data)
{
  SamChartView *self = SAM_CHART_VIEW (widget);
  GtkDirectionType direction;
  gboolean pan_only;

  g_variant_get (args, "(ib)", &direction, &pan_only);

  if (self->chart == NULL)
    return FALSE;

  if (!pan_only && sam_chart_get_selected (self->chart) >= 0)
    {
      if (!sam_chart_view_move_selection (self, direction))
        gtk_widget_error_bell (widget);
      return TRUE;
    }

  switch (direction)
    {
    case GTK_DIR_UP:
      sam_chart_view_pan (self, 0, -PAN_STEP);
      break;
    case GTK_DIR_DOWN:
      sam_chart_view_pan (self, 0, PAN_STEP);
      break;
    case GTK_DIR_LEFT:
      sam_chart_view_pan (self, -PAN_STEP, 0);
      break;
    case GTK_DIR_RIGHT:
      sam_chart_view_pan (self, PAN_STEP, 0);
      break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      return FALSE;
    }

  return TRUE;
}

/* Enter or Space: collapse or expand the selection; with none, select the
 * box nearest the middle of the view, so the keyboard has a start. */
static gboolean
activate_key_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  SamChartView *self = SAM_CHART_VIEW (widget);
  g_autoptr(GArray) nodes = NULL;
  SamChartRect area;
  double best = G_MAXDOUBLE;
  gint nearest = -1;

  if (self->chart == NULL)
    return FALSE;

  if (sam_chart_get_selected (self->chart) >= 0)
    {
      if (!sam_chart_view_toggle_selected (self))
        gtk_widget_error_bell (widget);
      return TRUE;
    }

  sam_chart_view_get_visible_area (self, &area);
  nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  sam_chart_layout_query_rect (sam_chart_get_layout (self->chart), &area, nodes);
  for (guint i = 0; i < nodes->len; i++)
    {
      guint node = g_array_index (nodes, guint, i);
      SamChartRect box;
      double distance;

      if (!sam_chart_get_node_bounds (self->chart, node, &box))
        continue;
      distance = hypot (box.x + box.width / 2 - (area.x + area.width / 2),
                        box.y + box.height / 2 - (area.y + area.height / 2));
      if (distance < best)
        {
          best = distance;
          nearest = (gint) node;
        }
    }

  _sam_chart_view_select_node (self, nearest >= 0 ? nearest : 0, FALSE);

  return TRUE;
}

static gboolean
home_key_cb (GtkWidget *widget,
             GVariant  *args,
             gpointer   user_data)
{
  SamChartView *self = SAM_CHART_VIEW (widget);

  if (self->chart == NULL || sam_chart_get_n_nodes (self->chart) == 0)
    return FALSE;

  _sam_chart_view_select_node (self, 0, FALSE);

  return TRUE;
}

static gboolean
escape_key_cb (GtkWidget *widget,
               GVariant  *args,
               gpointer   user_data)
{
  SamChartView *self = SAM_CHART_VIEW (widget);

  if (self->chart == NULL || sam_chart_get_selected (self->chart) < 0)
    return FALSE;

  _sam_chart_view_select_node (self, -1, FALSE);

  return TRUE;
}

static void
add_arrow_bindings (GtkWidgetClass   *widget_class,
                    guint             key,
                    guint             keypad_key,
                    GtkDirectionType  direction)
{
  gtk_widget_class_add_binding (widget_class, key, 0, arrow_key_cb, "(ib)", direction, FALSE);
  gtk_widget_class_add_binding (widget_class, keypad_key, 0, arrow_key_cb, "(ib)", direction, FALSE);
  gtk_widget_class_add_binding (widget_class, key, GDK_CONTROL_MASK, arrow_key_cb, "(ib)", direction, TRUE);
  gtk_widget_class_add_binding (widget_class, keypad_key, GDK_CONTROL_MASK, arrow_key_cb, "(ib)", direction, TRUE);
}

void
_sam_chart_view_class_input_init (GtkWidgetClass *widget_class)
{
  add_arrow_bindings (widget_class, GDK_KEY_Up, GDK_KEY_KP_Up, GTK_DIR_UP);
  add_arrow_bindings (widget_class, GDK_KEY_Down, GDK_KEY_KP_Down, GTK_DIR_DOWN);
  add_arrow_bindings (widget_class, GDK_KEY_Left, GDK_KEY_KP_Left, GTK_DIR_LEFT);
  add_arrow_bindings (widget_class, GDK_KEY_Right, GDK_KEY_KP_Right, GTK_DIR_RIGHT);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, activate_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, activate_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_space, 0, activate_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Home, 0, home_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Home, 0, home_key_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, escape_key_cb, NULL);
}

void
_sam_chart_view_input_init (SamChartView *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect_swapped (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect_swapped (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect_swapped (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (click_pressed_cb), self);
  g_signal_connect_swapped (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect_swapped (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect_swapped (gesture, "scale-changed", G_CALLBACK (pinch_scale_changed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

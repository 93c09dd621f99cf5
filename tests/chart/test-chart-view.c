/* test-chart-view.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The organisation chart under Xvfb: the pane on the chart test register
 * (zoom, selection along the tree, collapsing, finding, the part of the
 * region, the as-of date, the people), the pointer (Ctrl+scroll, drag,
 * pinch, click and double click through the view's own controllers), the
 * print operation exporting PDF
 * pages (checked with pdfinfo), the export to PDF, SVG and PNG, and the
 * chart in the real window beside the structure editor, sharing its
 * selection. Screenshots go to the build directory; frame times of the
 * widget are printed as test messages.
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "sam-application.h"
#include "sam-chart-box.h"
#include "sam-chart-pane.h"
#include "sam-chart-booklet.h"
#include "sam-chart-print.h"
#include "sam-chart-render.h"
#include "sam-chart-view-private.h"
#include "sam-chart-view.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-organisation-page.h"
#include "sam-test-ui.h"
#include "sam-test-util.h"
#include "sam-window.h"

#define AS_OF       "2026-04-01"
#define LG_UUID     "0c000000-0000-4000-8000-000000000001"
#define AOI_UUID    "0c000000-0000-4000-8000-000000000002"
#define MED_UUID    "0c000000-0000-4000-8000-000000000003"
#define REH_UUID    "0c000000-0000-4000-8000-000000000005"
#define AOI_UG_UUID "0c000000-0000-4000-8000-000000000007"

typedef struct
{
  char         *dir;
  SamStore     *store;
  GSettings    *settings;
  GtkWindow    *window;
  SamChartPane *pane;
  SamChartView *view;
} Fixture;

static gboolean
chart_built (gpointer view)
{
  return !sam_chart_view_get_loading (view);
}

/* Waits for the chart being built in the worker thread. */
static SamChart *
wait_for_chart (SamChartView *view)
{
  sam_test_wait_until (chart_built, view, 30000, "the chart to be built");

  return sam_chart_view_get_chart (view);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_import ("test-chart-view-XXXXXX", "chart-register.xml", &fixture->dir);

  fixture->settings = g_settings_new (APPLICATION_ID);
  g_settings_reset (fixture->settings, "chart-paper");
  g_settings_reset (fixture->settings, "chart-landscape");
  g_settings_reset (fixture->settings, "chart-tiled");
  g_settings_reset (fixture->settings, "chart-legend");

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 1000, 700);
  fixture->pane = SAM_CHART_PANE (sam_chart_pane_new (NULL, fixture->settings));
  fixture->view = sam_chart_pane_get_view (fixture->pane);
  sam_chart_view_set_as_of (fixture->view, AS_OF);
  sam_chart_pane_set_store (fixture->pane, fixture->store);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->pane));
  gtk_window_present (fixture->window);
  sam_test_wait_until_mapped (GTK_WIDGET (fixture->view));
  g_assert_nonnull (wait_for_chart (fixture->view));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  /* A build or an export still running holds the store. */
  sam_test_wait_for (G_OBJECT (fixture->store)->ref_count == 1);
  g_clear_object (&fixture->settings);
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
}

static gint
node_of (SamChartView *view,
         const char   *uuid)
{
  return sam_chart_find_uuid (sam_chart_view_get_chart (view), uuid);
}

static gboolean
node_shown (SamChartView *view,
            const char   *uuid)
{
  SamChartRect box;
  gint node = node_of (view, uuid);

  return node >= 0 && sam_chart_get_node_bounds (sam_chart_view_get_chart (view), node, &box);
}

/* Whether @uuid's box lies inside the visible part of the chart. */
static gboolean
node_in_view (SamChartView *view,
              const char   *uuid)
{
  SamChartRect area, box;
  gint node = node_of (view, uuid);

  if (node < 0 || !sam_chart_get_node_bounds (sam_chart_view_get_chart (view), node, &box))
    return FALSE;
  sam_chart_view_get_visible_area (view, &area);

  return box.x >= area.x && box.y >= area.y
         && box.x + box.width <= area.x + area.width && box.y + box.height <= area.y + area.height;
}

static gboolean
activate (Fixture    *fixture,
          const char *action)
{
  return gtk_widget_activate_action (GTK_WIDGET (fixture->pane), action, NULL);
}

/* Zooming by the toolbar's actions, to fit and back to 100 %. */
static void
test_zoom (Fixture       *fixture,
           gconstpointer  data)
{
  SamChart *chart = sam_chart_view_get_chart (fixture->view);
  SamChartRect extents, area;
  double fitted;

  g_assert_cmpstr (sam_chart_get_as_of (chart), ==, AS_OF);
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 11);

  /* A new chart is fitted: all of it is in view. */
  sam_chart_get_extents (chart, &extents);
  sam_chart_view_get_visible_area (fixture->view, &area);
  g_assert_cmpfloat (area.width, >=, extents.width);
  g_assert_cmpfloat (area.height, >=, extents.height);
  fitted = sam_chart_view_get_zoom (fixture->view);
  g_test_message ("fitted at %.0f %%", fitted * 100);

  g_assert_true (activate (fixture, "chart.zoom-in"));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (fixture->view), fitted * 1.25, 1e-9);
  g_assert_true (activate (fixture, "chart.zoom-out"));
  g_assert_true (activate (fixture, "chart.zoom-out"));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (fixture->view), fitted / 1.25, 1e-9);
  g_assert_true (activate (fixture, "chart.zoom-reset"));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (fixture->view), 1.0, 1e-9);
  g_assert_true (activate (fixture, "chart.zoom-fit"));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (fixture->view), fitted, 1e-9);

  /* Panning never loses the chart. */
  sam_chart_view_pan (fixture->view, 1e6, 1e6);
  sam_chart_view_get_visible_area (fixture->view, &area);
  g_assert_cmpfloat (area.x, <, extents.x + extents.width);
  g_assert_cmpfloat (area.y, <, extents.y + extents.height);
}

static void
count_cb (guint *count)
{
  (*count)++;
}

/* Selecting, moving along the tree, collapsing and expanding. */
static void
test_select_collapse (Fixture       *fixture,
                      gconstpointer  data)
{
  SamChart *chart = sam_chart_view_get_chart (fixture->view);
  guint notified = 0;
  gint aoi = node_of (fixture->view, AOI_UUID);

  g_signal_connect_swapped (fixture->pane, "notify::selected-uuid", G_CALLBACK (count_cb), &notified);
  g_assert_cmpint (aoi, >=, 0);

  sam_chart_pane_set_selected_uuid (fixture->pane, AOI_UUID);
  g_assert_cmpint (sam_chart_get_selected (chart), ==, aoi);
  g_assert_cmpstr (sam_chart_pane_get_selected_uuid (fixture->pane), ==, AOI_UUID);

  /* Down to the first child, up to the parent, up to the top. */
  g_assert_true (sam_chart_view_move_selection (fixture->view, GTK_DIR_DOWN));
  g_assert_cmpint (sam_chart_get_node_parent (chart, sam_chart_get_selected (chart)), ==, aoi);
  g_assert_true (sam_chart_view_move_selection (fixture->view, GTK_DIR_RIGHT));
  g_assert_cmpint (sam_chart_get_node_parent (chart, sam_chart_get_selected (chart)), ==, aoi);
  g_assert_true (sam_chart_view_move_selection (fixture->view, GTK_DIR_LEFT));
  g_assert_true (sam_chart_view_move_selection (fixture->view, GTK_DIR_UP));
  g_assert_cmpstr (sam_chart_view_get_selected_uuid (fixture->view), ==, AOI_UUID);
  g_assert_true (sam_chart_view_move_selection (fixture->view, GTK_DIR_UP));
  g_assert_cmpstr (sam_chart_view_get_selected_uuid (fixture->view), ==, LG_UUID);
  g_assert_false (sam_chart_view_move_selection (fixture->view, GTK_DIR_UP));

  /* Enter on the council collapses its subgroup and teams. */
  sam_chart_view_set_selected_uuid (fixture->view, AOI_UUID);
  g_assert_true (node_shown (fixture->view, AOI_UG_UUID));
  g_assert_true (sam_chart_view_toggle_selected (fixture->view));
  g_assert_true (sam_chart_view_get_collapsed (fixture->view, AOI_UUID));
  g_assert_false (node_shown (fixture->view, AOI_UG_UUID));
  sam_test_save_screenshot (GTK_WIDGET (fixture->pane), "chart-pane-collapsed");

  /* A collapsed branch stays collapsed when the register changes. */
  sam_store_emit_changed (fixture->store);
  chart = wait_for_chart (fixture->view);
  g_assert_false (node_shown (fixture->view, AOI_UG_UUID));
  sam_test_wait_for (sam_chart_get_selected (chart) == node_of (fixture->view, AOI_UUID));

  /* Down on a collapsed branch opens it. */
  g_assert_true (sam_chart_view_move_selection (fixture->view, GTK_DIR_DOWN));
  g_assert_false (sam_chart_view_get_collapsed (fixture->view, AOI_UUID));
  g_assert_true (node_shown (fixture->view, AOI_UG_UUID));

  /* Selecting a group inside a collapsed branch opens it. */
  sam_chart_view_set_collapsed (fixture->view, AOI_UUID, TRUE);
  sam_chart_view_set_selected_uuid (fixture->view, AOI_UG_UUID);
  g_assert_true (node_shown (fixture->view, AOI_UG_UUID));
  g_assert_false (sam_chart_view_get_collapsed (fixture->view, AOI_UUID));
  g_assert_true (node_in_view (fixture->view, AOI_UG_UUID));

  sam_chart_view_set_selected_uuid (fixture->view, NULL);
  g_assert_cmpint (sam_chart_get_selected (chart), ==, -1);
  /* The pane tells the structure editor of each change. */
  g_assert_cmpuint (notified, >=, 8);
}

/* Finding centres the group, Enter goes on to the next match. */
static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  SamChart *chart = sam_chart_view_get_chart (fixture->view);
  g_autofree char *description = NULL;
  gint first;

  g_assert_true (activate (fixture, "chart.zoom-reset"));
  g_assert_true (sam_chart_view_find (fixture->view, "processteam", FALSE));
  first = sam_chart_get_selected (chart);
  g_assert_cmpint (sam_chart_get_node_kind (chart, first), ==, SAM_GROUP_KIND_PROCESS_TEAM);
  g_assert_true (node_in_view (fixture->view, sam_chart_get_node_uuid (chart, first)));
  g_assert_true (sam_chart_view_find (fixture->view, "processteam", TRUE));
  g_assert_cmpint (sam_chart_get_selected (chart), !=, first);

  /* “Ö” finds Östra, not Ostra. */
  g_assert_true (sam_chart_view_find (fixture->view, "Östra", FALSE));
  g_assert_cmpstr (sam_chart_get_node_code (chart, sam_chart_get_selected (chart)), ==, "ÖST");
  g_assert_false (sam_chart_view_find (fixture->view, "no such group", FALSE));
  /* The rule of every list: any case, anywhere, codes too. */
  g_assert_true (sam_chart_view_find (fixture->view, "öst", FALSE));
  g_assert_cmpstr (sam_chart_get_node_code (chart, sam_chart_get_selected (chart)), ==, "ÖST");
  g_assert_false (sam_chart_view_find (fixture->view, "ost ", FALSE) &&
                  g_strcmp0 (sam_chart_get_node_code (chart, sam_chart_get_selected (chart)), "ÖST") == 0);
  g_assert_true (sam_chart_view_find (fixture->view, "Östra", FALSE));

  /* What a screen reader hears about the selection. */
  description = sam_chart_dup_node_description (chart, sam_chart_get_selected (chart));
  g_test_message ("described as: %s", description);
  g_assert_nonnull (strstr (description, "Östra närvårdsgruppen"));
}

/* The part of the region, the date and the people are the chart's options. */
static void
test_options (Fixture       *fixture,
              gconstpointer  data)
{
  SamChart *chart;

  sam_chart_view_set_root_uuid (fixture->view, AOI_UUID);
  chart = wait_for_chart (fixture->view);
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 6);
  g_assert_cmpstr (sam_chart_get_node_uuid (chart, 0), ==, AOI_UUID);

  /* The council was dissolved, so on a later day there is no chart. */
  sam_chart_view_set_root_uuid (fixture->view, REH_UUID);
  g_assert_null (wait_for_chart (fixture->view));
  g_assert_nonnull (sam_chart_view_get_error (fixture->view));
  g_test_message ("error: %s", sam_chart_view_get_error (fixture->view)->message);
  sam_test_save_screenshot (GTK_WIDGET (fixture->pane), "chart-pane-error");
  sam_chart_view_set_as_of (fixture->view, "2025-06-29");
  chart = wait_for_chart (fixture->view);
  g_assert_nonnull (chart);
  g_assert_cmpstr (sam_chart_get_as_of (chart), ==, "2025-06-29");
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 2);

  sam_chart_view_set_root_uuid (fixture->view, NULL);
  chart = wait_for_chart (fixture->view);
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 13);

  sam_chart_view_set_as_of (fixture->view, AS_OF);
  sam_chart_view_set_show_people (fixture->view, TRUE);
  chart = wait_for_chart (fixture->view);
  g_assert_true (sam_chart_get_show_people (chart));
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 11);
  sam_chart_view_set_selected_uuid (fixture->view, AOI_UUID);
  sam_test_wait_for (sam_chart_get_selected (chart) == node_of (fixture->view, AOI_UUID));
  sam_test_save_screenshot (GTK_WIDGET (fixture->pane), "chart-pane-people");

  /* The root chooser lists the whole region and the councils (read as
   * councils, not picked out of every group); a subgroup shown on its own
   * comes last, chosen. */
  {
    g_autoptr(GPtrArray) drop_downs = g_ptr_array_new ();
    GtkDropDown *roots = NULL;
    GListModel *names;
    guint n;

    sam_test_collect_widgets (GTK_WIDGET (fixture->pane), GTK_TYPE_DROP_DOWN, drop_downs);
    for (guint i = 0; i < drop_downs->len; i++)
      {
        GListModel *model = gtk_drop_down_get_model (g_ptr_array_index (drop_downs, i));

        if (GTK_IS_STRING_LIST (model) &&
            g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), 0),
                       sam_test_tr ("Whole Region", "Hela regionen")) == 0)
          roots = g_ptr_array_index (drop_downs, i);
      }
    g_assert_nonnull (roots);
    names = gtk_drop_down_get_model (roots);
    g_assert_cmpuint (g_list_model_get_n_items (names), ==, 3);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 1), ==,
                     "Samordningsråd anestesi, operation och intensivvård");
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), 2), ==, "Samordningsråd medicin");

    sam_chart_view_set_root_uuid (fixture->view, AOI_UG_UUID);
    sam_chart_view_set_as_of (fixture->view, "2026-04-02");
    n = g_list_model_get_n_items (names);
    g_assert_cmpuint (gtk_drop_down_get_selected (roots), ==, n - 1);
    g_assert_cmpuint (n, ==, 4);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (names), n - 1), ==, "Undergrupp postoperativ vård");
  }
}

/* Pointer input. Xvfb cannot make pinches, and GTK 4.8 makes no GdkEvents
 * for tests, so these emit the signals of the controllers the view
 * installed, with the arguments GTK passes, and check what a user would
 * see: what stays under the pointer, how far the chart moves, what gets
 * selected or collapsed. */

/* The view's one controller of exactly @type. */
static gpointer
find_controller (SamChartView *view,
                 GType         type)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (GTK_WIDGET (view));
  gpointer found = NULL;
  guint i;

  for (i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (G_OBJECT_TYPE (controller) != type)
        continue;
      g_assert_null (found);
      found = controller;  /* the widget holds it */
    }
  g_assert_nonnull (found);

  return found;
}

/* The chart point shown at widget point (@x, @y). */
static void
chart_point_at (SamChartView *view,
                double        x,
                double        y,
                double       *chart_x,
                double       *chart_y)
{
  SamChartRect area;
  double zoom = sam_chart_view_get_zoom (view);

  sam_chart_view_get_visible_area (view, &area);
  *chart_x = area.x + x / zoom;
  *chart_y = area.y + y / zoom;
}

/* Where the middle of @uuid's box is in the widget. */
static void
box_centre (SamChartView *view,
            const char   *uuid,
            double       *x,
            double       *y)
{
  SamChartRect area, box;
  double zoom = sam_chart_view_get_zoom (view);

  g_assert_true (sam_chart_get_node_bounds (sam_chart_view_get_chart (view), node_of (view, uuid), &box));
  sam_chart_view_get_visible_area (view, &area);
  *x = (box.x + box.width / 2 - area.x) * zoom;
  *y = (box.y + box.height / 2 - area.y) * zoom;
}

static gint
node_at_point (SamChartView *view,
               double        x,
               double        y)
{
  double cx, cy;

  chart_point_at (view, x, y, &cx, &cy);
  return sam_chart_node_at (sam_chart_view_get_chart (view), cx, cy);
}

static void
move_pointer (SamChartView *view,
              double        x,
              double        y)
{
  g_signal_emit_by_name (find_controller (view, GTK_TYPE_EVENT_CONTROLLER_MOTION), "motion", x, y);
}

/* Ctrl+scroll zooms about the pointer: the chart point under it stays
 * under it. A plain wheel pans by a step, Shift+wheel across. */
static void
test_scroll (Fixture       *fixture,
             gconstpointer  data)
{
  SamChartView *view = fixture->view;
  GtkEventController *scroll = find_controller (view, GTK_TYPE_EVENT_CONTROLLER_SCROLL);
  double px = 300, py = 200, cx, cy, x, y, zoom;
  SamChartRect before, after;
  gboolean handled = FALSE;

  g_assert_true (activate (fixture, "chart.zoom-reset"));
  move_pointer (view, px, py);
  chart_point_at (view, px, py, &cx, &cy);

  /* Wheel up with Ctrl: one step in. */
  g_assert_true (sam_chart_view_scroll (view, 0, -1, GDK_CONTROL_MASK, GDK_SCROLL_UNIT_WHEEL));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), 1.25, 1e-9);
  chart_point_at (view, px, py, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);

  /* Elsewhere, two clicks down: out about the new pointer position. */
  move_pointer (view, 700, 450);
  chart_point_at (view, 700, 450, &cx, &cy);
  g_assert_true (sam_chart_view_scroll (view, 0, 2, GDK_CONTROL_MASK, GDK_SCROLL_UNIT_WHEEL));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), 1.25 / 1.25 / 1.25, 1e-9);
  chart_point_at (view, 700, 450, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);

  /* A touchpad scrolls in pixels: 20 of them make a step. */
  zoom = sam_chart_view_get_zoom (view);
  g_assert_true (sam_chart_view_scroll (view, 0, -20, GDK_CONTROL_MASK, GDK_SCROLL_UNIT_SURFACE));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), zoom * 1.25, 1e-9);

  /* The real controller, without modifiers: a wheel click down pans the
   * view down by a step (48 pixels), the zoom stays. */
  zoom = sam_chart_view_get_zoom (view);
  sam_chart_view_get_visible_area (view, &before);
  g_signal_emit_by_name (scroll, "scroll", 0.0, 1.0, &handled);
  g_assert_true (handled);
  sam_chart_view_get_visible_area (view, &after);
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), zoom, 1e-12);
  g_assert_cmpfloat_with_epsilon (after.x, before.x, 1e-9);
  g_assert_cmpfloat_with_epsilon ((after.y - before.y) * zoom, 48, 1e-6);

  /* Shift turns the wheel sideways. */
  g_assert_true (sam_chart_view_scroll (view, 0, -1, GDK_SHIFT_MASK, GDK_SCROLL_UNIT_WHEEL));
  sam_chart_view_get_visible_area (view, &before);
  g_assert_cmpfloat_with_epsilon ((before.x - after.x) * zoom, -48, 1e-6);
  g_assert_cmpfloat_with_epsilon (before.y, after.y, 1e-9);
}

/* Dragging moves the chart with the pointer, pixel for pixel, after the
 * first few pixels; a click that ended a drag selects nothing. */
static void
test_drag (Fixture       *fixture,
           gconstpointer  data)
{
  SamChartView *view = fixture->view;
  GtkGesture *drag = find_controller (view, GTK_TYPE_GESTURE_DRAG);
  GtkGesture *click = find_controller (view, GTK_TYPE_GESTURE_CLICK);
  double x, y, cx, cy, nx, ny;
  SamChartRect start, area;

  g_assert_true (activate (fixture, "chart.zoom-in"));
  sam_chart_view_set_selected_uuid (view, NULL);
  box_centre (view, AOI_UUID, &x, &y);
  chart_point_at (view, x, y, &cx, &cy);
  sam_chart_view_get_visible_area (view, &start);

  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);

  /* A wobble of a pixel or two is still a click. */
  g_signal_emit_by_name (drag, "drag-update", 2.0, -1.0);
  sam_chart_view_get_visible_area (view, &area);
  g_assert_cmpfloat (area.x, ==, start.x);
  g_assert_cmpfloat (area.y, ==, start.y);

  /* Then the chart point that was under the pointer follows it. */
  g_signal_emit_by_name (drag, "drag-update", 40.0, -30.0);
  chart_point_at (view, x + 40, y - 30, &nx, &ny);
  g_assert_cmpfloat_with_epsilon (nx, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (ny, cy, 1e-6);
  g_signal_emit_by_name (drag, "drag-update", -25.0, 35.0);
  chart_point_at (view, x - 25, y + 35, &nx, &ny);
  g_assert_cmpfloat_with_epsilon (nx, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (ny, cy, 1e-6);
  g_signal_emit_by_name (drag, "drag-end", -25.0, 35.0);
  g_signal_emit_by_name (click, "released", 1, x - 25, y + 35);
  g_assert_null (sam_chart_view_get_selected_uuid (view));

  /* The view moved by the drag, as the pointer did. */
  sam_chart_view_get_visible_area (view, &area);
  g_assert_cmpfloat_with_epsilon ((start.x - area.x) * sam_chart_view_get_zoom (view), -25, 1e-6);
  g_assert_cmpfloat_with_epsilon ((start.y - area.y) * sam_chart_view_get_zoom (view), 35, 1e-6);
}

/* GtkGestureZoom's own handlers of "begin" and "end" measure the touch
 * points of the event being handled, which a test has none of: they are
 * skipped by stopping the emission after the view's handlers. */
static void
stop_emission_cb (GtkGesture       *gesture,
                  GdkEventSequence *sequence,
                  const char       *signal)
{
  g_signal_stop_emission_by_name (gesture, signal);
}

/* A pinch zooms about its centre by its scale, from where it began. */
static void
test_pinch (Fixture       *fixture,
            gconstpointer  data)
{
  SamChartView *view = fixture->view;
  GtkGesture *pinch = find_controller (view, GTK_TYPE_GESTURE_ZOOM);
  double mx = gtk_widget_get_width (GTK_WIDGET (view)) / 2.0;
  double my = gtk_widget_get_height (GTK_WIDGET (view)) / 2.0;
  double zoom, cx, cy, x, y;

  g_signal_connect (pinch, "begin", G_CALLBACK (stop_emission_cb), (gpointer) "begin");
  g_signal_connect (pinch, "end", G_CALLBACK (stop_emission_cb), (gpointer) "end");

  g_assert_true (activate (fixture, "chart.zoom-reset"));
  zoom = sam_chart_view_get_zoom (view);
  chart_point_at (view, mx, my, &cx, &cy);

  /* Without touch points in the gesture its centre is the view's. */
  g_signal_emit_by_name (pinch, "begin", NULL);
  g_signal_emit_by_name (pinch, "scale-changed", 1.5);
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), 1.5 * zoom, 1e-9);
  g_signal_emit_by_name (pinch, "scale-changed", 2.0);
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), 2 * zoom, 1e-9);
  chart_point_at (view, mx, my, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);
  g_signal_emit_by_name (pinch, "end", NULL);

  /* A new pinch starts from the zoom the last one left. */
  g_signal_emit_by_name (pinch, "begin", NULL);
  g_signal_emit_by_name (pinch, "scale-changed", 0.25);
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), 0.5 * zoom, 1e-9);
  chart_point_at (view, mx, my, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, cx, 1e-6);
  g_assert_cmpfloat_with_epsilon (y, cy, 1e-6);
  g_signal_emit_by_name (pinch, "end", NULL);
  g_signal_handlers_disconnect_by_func (pinch, stop_emission_cb, (gpointer) "begin");
  g_signal_handlers_disconnect_by_func (pinch, stop_emission_cb, (gpointer) "end");
}

/* A click selects the box under the pointer, a click beside the boxes
 * drops the selection, a double click collapses and expands the branch,
 * leaving the box where it was on screen. */
static void
test_click (Fixture       *fixture,
            gconstpointer  data)
{
  SamChartView *view = fixture->view;
  GtkGesture *click = find_controller (view, GTK_TYPE_GESTURE_CLICK);
  GtkGesture *drag = find_controller (view, GTK_TYPE_GESTURE_DRAG);
  double x, y, cx, cy;

  g_assert_true (activate (fixture, "chart.zoom-reset"));
  sam_chart_view_set_selected_uuid (view, NULL);

  /* A press and release without moving, as GTK reports a click. */
  box_centre (view, MED_UUID, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (drag, "drag-begin", x, y);
  g_signal_emit_by_name (drag, "drag-end", 0.0, 0.0);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpstr (sam_chart_view_get_selected_uuid (view), ==, MED_UUID);
  /* The keyboard focus is in the chart, on the box clicked, for screen
   * readers. */
  g_assert_true (gtk_widget_get_state_flags (GTK_WIDGET (view)) & GTK_STATE_FLAG_FOCUS_WITHIN);
  g_assert_true (SAM_IS_CHART_BOX (gtk_widget_get_focus_child (GTK_WIDGET (view))));
  g_assert_cmpuint (sam_chart_box_get_node (SAM_CHART_BOX (gtk_widget_get_focus_child (GTK_WIDGET (view)))), ==,
                    node_of (view, MED_UUID));

  box_centre (view, AOI_UUID, &x, &y);
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_assert_cmpstr (sam_chart_view_get_selected_uuid (view), ==, AOI_UUID);

  /* The second press of a double click: collapsed, the box in place. */
  g_assert_true (node_shown (view, AOI_UG_UUID));
  chart_point_at (view, x, y, &cx, &cy);
  g_signal_emit_by_name (click, "pressed", 2, x, y);
  g_signal_emit_by_name (click, "released", 2, x, y);
  g_assert_true (sam_chart_view_get_collapsed (view, AOI_UUID));
  g_assert_false (node_shown (view, AOI_UG_UUID));
  g_assert_cmpstr (sam_chart_view_get_selected_uuid (view), ==, AOI_UUID);
  box_centre (view, AOI_UUID, &cx, &cy);
  g_assert_cmpfloat_with_epsilon (cx, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (cy, y, 1e-6);

  /* Again: expanded. */
  g_signal_emit_by_name (click, "pressed", 1, x, y);
  g_signal_emit_by_name (click, "released", 1, x, y);
  g_signal_emit_by_name (click, "pressed", 2, x, y);
  g_signal_emit_by_name (click, "released", 2, x, y);
  g_assert_false (sam_chart_view_get_collapsed (view, AOI_UUID));
  g_assert_true (node_shown (view, AOI_UG_UUID));

  /* Beside every box: nothing selected. */
  g_assert_true (sam_chart_view_find (view, "processteam", FALSE));
  g_assert_cmpint (node_at_point (view, 2, 2), <, 0);
  g_signal_emit_by_name (click, "pressed", 1, 2.0, 2.0);
  g_signal_emit_by_name (click, "released", 1, 2.0, 2.0);
  g_assert_null (sam_chart_view_get_selected_uuid (view));
}

/* What pdfinfo says: the number of pages and the first page's size. */
static guint
pdf_pages (const char *info,
           double     *width,
           double     *height)
{
  const char *pages = strstr (info, "Pages:");
  const char *size = strstr (info, "Page size:");

  g_assert_nonnull (pages);
  g_assert_nonnull (size);
  *width = g_ascii_strtod (size + strlen ("Page size:"), (char **) &size);
  g_assert_true (g_str_has_prefix (size, " x "));
  *height = g_ascii_strtod (size + 3, NULL);

  return (guint) g_ascii_strtoull (pages + strlen ("Pages:"), NULL, 10);
}

static void
done_cb (GtkPrintOperation       *operation,
         GtkPrintOperationResult  result,
         gpointer                 data)
{
  *(GtkPrintOperationResult *) data = result;
}

static gboolean
print_done (gpointer result)
{
  return *(GtkPrintOperationResult *) result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
}

static void
print_to_pdf (Fixture    *fixture,
              SamChart   *chart,
              const char *path)
{
  g_autoptr(SamChartPrint) operation = sam_chart_print_new (chart, fixture->settings);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  GtkPrintOperationResult run;

  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &result);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  run = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                 fixture->window, &error);
  g_assert_no_error (error);
  if (run != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    result = run;
  sam_test_wait_until (print_done, &result, 60000, "the print operation to be done");
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
}

static void
chart_built_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SamChart **chart = user_data;
  g_autoptr(GError) error = NULL;

  *chart = sam_chart_new_from_store_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (*chart);
}

/* Builds what the view shows afresh, as printing and exporting do. */
static SamChart *
build_chart (SamChartView *view)
{
  SamChart *chart = NULL;

  sam_chart_view_build_chart_async (view, NULL, chart_built_cb, &chart);
  sam_test_wait_for (chart != NULL);

  return chart;
}

static void
render_pdf_page (const char *pdf,
                 const char *name)
{
  g_autofree char *prefix = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", "50", "-f", "1", "-l", "1", "-singlefile", pdf, prefix, NULL };
  int status = 0;

  if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, NULL)
      && g_spawn_check_wait_status (status, NULL))
    g_test_message ("printed page: %s.png", prefix);
}

/* The print operation exporting to PDF: one A4 page fitted, tiles on A4 at
 * a readable size, A3 landscape, the page setup remembered for next time. */
static void
test_print (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *fit = g_build_filename (fixture->dir, "fit.pdf", NULL);
  g_autofree char *tiles = g_build_filename (fixture->dir, "tiles.pdf", NULL);
  g_autofree char *a3 = g_build_filename (fixture->dir, "a3.pdf", NULL);
  g_autofree char *info = NULL;
  g_autoptr(SamChart) chart = NULL;
  guint columns = 0, rows = 0;
  double width, height;

  /* Print what the view shows, built afresh, as the pane does. */
  sam_chart_view_set_show_people (fixture->view, TRUE);
  wait_for_chart (fixture->view);
  chart = build_chart (fixture->view);
  g_assert_cmpint (sam_chart_get_selected (chart), ==, -1);

  print_to_pdf (fixture, chart, fit);
  info = sam_test_pdf_tool ("pdfinfo", fit, NULL);
  g_test_message ("%s", info);
  g_assert_cmpuint (pdf_pages (info, &width, &height), ==, 1);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  render_pdf_page (fit, sam_test_is_swedish () ? "chart-print-sv" : "chart-print");
  g_clear_pointer (&info, g_free);

  /* Tiled on A4 at a readable size: more than one page. */
  g_settings_set_boolean (fixture->settings, "chart-tiled", TRUE);
  sam_chart_print_readable_tiles (chart, 595.28, 841.89, &columns, &rows);
  g_test_message ("readable on A4 portrait: %u × %u pages", columns, rows);
  g_assert_cmpuint (columns * rows, >, 1);
  print_to_pdf (fixture, chart, tiles);
  info = sam_test_pdf_tool ("pdfinfo", tiles, NULL);
  g_test_message ("%s", info);
  g_assert_cmpuint (pdf_pages (info, &width, &height), ==, columns * rows);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);
  render_pdf_page (tiles, sam_test_is_swedish () ? "chart-print-tile-sv" : "chart-print-tile");
  g_clear_pointer (&info, g_free);

  /* A3 on its side: the whole chart fits on one sheet at that size. */
  g_settings_set_string (fixture->settings, "chart-paper", "a3");
  g_settings_set_boolean (fixture->settings, "chart-landscape", TRUE);
  sam_chart_print_readable_tiles (chart, 1190.55, 841.89, &columns, &rows);
  print_to_pdf (fixture, chart, a3);
  info = sam_test_pdf_tool ("pdfinfo", a3, NULL);
  g_assert_cmpuint (pdf_pages (info, &width, &height), ==, columns * rows);
  g_assert_cmpfloat_with_epsilon (width, 1190.55, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  /* What was printed with is what the next print starts from. */
  g_assert_cmpstr (g_settings_get_string (fixture->settings, "chart-paper"), ==, "a3");
  g_assert_true (g_settings_get_boolean (fixture->settings, "chart-landscape"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "chart-tiled"));
}

/* The print dialog's Chart tab: "Spread the chart over 3 × 2 pages" is
 * chosen in the tab's own widgets, and the print fills exactly those six
 * sheets; a file printed to is named after the chart. */
static void
test_print_sheets (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "sheets.pdf", NULL);
  g_autoptr(SamChart) chart = NULL;
  g_autoptr(SamChartPrint) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  GtkPrintOperationResult run;
  GtkPrintSettings *print_settings;
  GtkWidget *tab = NULL, *row, *sheets, *columns, *rows;
  SamChartPage page;
  double width, height;

  wait_for_chart (fixture->view);
  chart = build_chart (fixture->view);
  operation = sam_chart_print_new (chart, fixture->settings);

  print_settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (operation));
  g_assert_nonnull (print_settings);
  g_assert_cmpstr (gtk_print_settings_get (print_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                   sam_chart_get_title (chart));

  /* The printer's settings of this print are where the next one starts. */
  gtk_print_settings_set (print_settings, "samordna-test", "kept");

  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_assert_nonnull (tab);
  g_object_ref_sink (tab);
  row = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (gtk_widget_get_first_child (tab)));
  sheets = gtk_widget_get_first_child (row);
  columns = gtk_widget_get_next_sibling (sheets);
  rows = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (columns));
  g_assert_true (GTK_IS_CHECK_BUTTON (sheets));
  g_assert_true (GTK_IS_SPIN_BUTTON (columns) && GTK_IS_SPIN_BUTTON (rows));
  g_assert_false (gtk_widget_get_sensitive (columns));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (sheets), TRUE);
  g_assert_true (gtk_widget_get_sensitive (columns));
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (columns), 3);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (rows), 2);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_object_unref (tab);
  g_assert_true (sam_chart_print_get_tiled (operation));

  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &result);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  run = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                 fixture->window, &error);
  g_assert_no_error (error);
  if (run != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    result = run;
  sam_test_wait_until (print_done, &result, 60000, "the print operation to be done");
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  sam_chart_print_get_page (operation, &page);
  g_assert_cmpuint (page.columns, ==, 3);
  g_assert_cmpuint (page.rows, ==, 2);

  {
    g_autoptr(SamChartPrint) next = sam_chart_print_new (chart, fixture->settings);
    GtkPrintSettings *kept = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (next));

    g_assert_cmpstr (gtk_print_settings_get (kept, "samordna-test"), ==, "kept");
    g_assert_cmpstr (gtk_print_settings_get (kept, GTK_PRINT_SETTINGS_OUTPUT_BASENAME), ==,
                     sam_chart_get_title (chart));
    g_assert_null (gtk_print_settings_get (kept, GTK_PRINT_SETTINGS_OUTPUT_URI));
  }
  info = sam_test_pdf_tool ("pdfinfo", path, NULL);
  g_assert_cmpuint (pdf_pages (info, &width, &height), ==, 6);
  for (guint i = 1; i <= 6; i++)
    {
      g_autofree char *number = g_strdup_printf ("%u", i);
      g_autofree char *text = sam_test_pdf_tool ("pdftotext", path, "-f", number, "-l", number, NULL);
      g_autofree char *where = g_strdup_printf (sam_test_is_swedish () ? "Kolumn %u, rad %u av 3×2"
                                                                      : "Column %u, row %u of 3×2",
                                                (i - 1) % 3 + 1, (i - 1) / 3 + 1);

      g_assert_nonnull (strstr (text, where));
    }
}

/* The Chart tab offers a booklet when the chart's register is known: the
 * overview and a page per council, each saying its page of the whole. */
static void
test_print_booklet (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "booklet.pdf", NULL);
  g_autoptr(SamChart) chart = NULL;
  g_autoptr(SamChartPrint) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *info = NULL;
  g_autofree char *last = NULL;
  GtkPrintOperationResult result = GTK_PRINT_OPERATION_RESULT_IN_PROGRESS;
  GtkPrintOperationResult run;
  GtkWidget *tab = NULL, *booklet;
  guint n_councils = 0, last_council = 0;
  double width, height;

  wait_for_chart (fixture->view);
  chart = build_chart (fixture->view);
  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    if (sam_chart_get_node_kind (chart, i) == SAM_GROUP_KIND_COUNCIL)
      {
        n_councils++;
        last_council = i;
      }
  g_assert_cmpuint (n_councils, >, 0);

  /* Without its register there is no booklet to offer. */
  operation = sam_chart_print_new (chart, fixture->settings);
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_object_ref_sink (tab);
  booklet = gtk_widget_get_last_child (tab);
  g_assert_true (GTK_IS_CHECK_BUTTON (booklet));
  g_assert_false (gtk_widget_get_visible (booklet));
  g_clear_object (&tab);
  g_clear_object (&operation);

  operation = sam_chart_print_new (chart, fixture->settings);
  sam_chart_print_set_source (operation, fixture->store, NULL);
  g_signal_emit_by_name (operation, "create-custom-widget", &tab);
  g_object_ref_sink (tab);
  booklet = gtk_widget_get_last_child (tab);
  g_assert_true (gtk_widget_get_visible (booklet));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (booklet), TRUE);
  g_signal_emit_by_name (operation, "custom-widget-apply", tab);
  g_clear_object (&tab);

  g_signal_connect (operation, "done", G_CALLBACK (done_cb), &result);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), path);
  run = gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_EXPORT,
                                 fixture->window, &error);
  g_assert_no_error (error);
  if (run != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    result = run;
  sam_test_wait_until (print_done, &result, 60000, "the print operation to be done");
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  info = sam_test_pdf_tool ("pdfinfo", path, NULL);
  g_assert_cmpuint (pdf_pages (info, &width, &height), ==, 1 + n_councils);

  /* Each page is turned the way its chart fits best: the same as the
   * command line's booklet. */
  {
    g_autoptr(SamChartBooklet) pages = NULL;
    SamChartOptions options;
    SamChartPage page;

    sam_chart_options_init (&options);
    options.as_of = sam_chart_get_as_of (chart);
    pages = sam_chart_booklet_new (fixture->store, &options, &error);
    g_assert_no_error (error);
    sam_chart_print_load_page (fixture->settings, &page, NULL);
    page.fit_orientation = TRUE;
    for (guint i = 0; i < sam_chart_booklet_get_n_pages (pages); i++)
      {
        g_autofree char *number = g_strdup_printf ("%u", i + 1);
        g_autofree char *one = sam_test_pdf_tool ("pdfinfo", path, "-f", number, "-l", number, NULL);
        double expect_width, expect_height;

        sam_chart_page_get_size_for (&page, sam_chart_booklet_get_chart (pages, i), &expect_width, &expect_height);
        const char *size = strstr (one, " size:");

        /* “Page    3 size: 841.89 x 595.276 pts (A4)” */
        g_assert_nonnull (size);
        width = g_ascii_strtod (size + strlen (" size:"), (char **) &size);
        height = g_ascii_strtod (size + strlen (" x "), NULL);
        g_assert_cmpfloat_with_epsilon (width, expect_width, 0.5);
        g_assert_cmpfloat_with_epsilon (height, expect_height, 0.5);
      }
  }
  {
    g_autofree char *number = g_strdup_printf ("%u", 1 + n_councils);

    last = sam_test_pdf_tool ("pdftotext", path, "-f", number, "-l", number, NULL);
  }
  /* The last page is the last council's. */
  g_assert_nonnull (strstr (last, sam_chart_get_node_name (chart, last_council)));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

/* Export Chart… writes PDF, SVG and PNG in a worker and says so. */
static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  static const char *names[] = { "chart.pdf", "chart.svg", "chart.png" };
  static const char *magic[] = { "%PDF", "<?xml", "\x89PNG" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autofree char *contents = NULL;

      sam_chart_pane_export (fixture->pane, file);
      /* The export is renamed into place when it is whole. */
      sam_test_wait_until (file_exists, path, 30000, "the chart to be exported");
      g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
      g_assert_true (g_str_has_prefix (contents, magic[i]));
    }

  {
    g_autofree char *pdf = g_build_filename (fixture->dir, "chart.pdf", NULL);
    g_autofree char *info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
    double width, height;

    g_assert_cmpuint (pdf_pages (info, &width, &height), ==, 1);
    g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  }
}

/* Frame times of the widget: the snapshot (the renderer recording what
 * is in view) and the whole frame rendered to a texture. Figures only. */
static void
measure_frames (SamChartView *view,
                const char   *label)
{
  GtkWidget *widget = GTK_WIDGET (view);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double snap_total = 0, frame_total = 0;
  const guint runs = 20;

  for (guint i = 0; i < runs + 1; i++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      gint64 start, snapped, done;

      /* What GTK calls for each frame after a pan or zoom. */
      start = g_get_monotonic_time ();
      GTK_WIDGET_GET_CLASS (widget)->snapshot (widget, snapshot);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      snapped = g_get_monotonic_time ();
      if (node != NULL)
        texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
      done = g_get_monotonic_time ();

      /* The first frame makes the text layouts of the boxes in view. */
      if (i == 0)
        continue;
      snap_total += (snapped - start) / 1000.0;
      frame_total += (done - start) / 1000.0;
    }

  g_test_message ("frame %s, %dx%d at %.0f %%: snapshot %.2f ms, whole frame %.2f ms (mean of %u)",
                  label, width, height, sam_chart_view_get_zoom (view) * 100,
                  snap_total / runs, frame_total / runs, runs);
}

/* The chart in the real window on the demo register: zoom, select and
 * collapse, the selection shared with the structure editor both ways. */
static void
test_window (void)
{
  SamWindow *window;
  SamOrganisationPage *page;
  SamChartPane *pane;
  SamChartView *view;
  SamChart *chart;
  SamGroup *group;
  g_autofree char *uuid = NULL;
  gint node, child;
  double zoom;

  window = sam_test_open_demo (1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");

  page = SAM_ORGANISATION_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_ORGANISATION_PAGE));
  pane = SAM_CHART_PANE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE));
  g_assert_nonnull (page);
  g_assert_nonnull (pane);
  view = sam_chart_pane_get_view (pane);
  sam_test_wait_until_mapped (GTK_WIDGET (view));
  chart = wait_for_chart (view);
  g_assert_nonnull (chart);
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), >, 10);
  measure_frames (view, "demo register, fitted");

  /* Zoom in twice from the fitted chart. */
  zoom = sam_chart_view_get_zoom (view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "chart.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "chart.zoom-in", NULL));
  g_assert_cmpfloat (sam_chart_view_get_zoom (view), >, zoom * 1.5);

  /* Select a council in the chart: the editor shows it. */
  g_assert_true (sam_chart_view_find (view, "anestesi", FALSE));
  node = sam_chart_get_selected (chart);
  g_assert_cmpint (node, >=, 0);
  uuid = g_strdup (sam_chart_get_node_uuid (chart, node));
  group = sam_organisation_page_get_selected_group (page);
  g_assert_nonnull (group);
  g_assert_cmpstr (sam_group_get_uuid (group), ==, uuid);

  /* Collapse it; then choose one of its groups in the tree: the chart
   * opens the branch and selects the box. */
  child = sam_chart_get_node_first_child (chart, node);
  g_assert_cmpint (child, >=, 0);
  {
    g_autofree char *child_uuid = g_strdup (sam_chart_get_node_uuid (chart, child));

    g_assert_true (sam_chart_view_toggle_selected (view));
    g_assert_true (sam_chart_get_collapsed (chart, node));
    sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "chart-window-collapsed");

    sam_organisation_page_select_group (page, child_uuid);
    sam_test_wait_for (g_strcmp0 (sam_chart_view_get_selected_uuid (view), child_uuid) == 0);
    g_assert_false (sam_chart_get_collapsed (chart, node));
    g_assert_true (node_in_view (view, child_uuid));
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "chart.zoom-reset", NULL));
  sam_test_wait_until_drawn (GTK_WIDGET (view));
  measure_frames (view, "demo register, 100 %");
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "chart-window");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The middle of @uuid's box in widget pixels. */
static void
box_on_screen (SamChartView *view,
               const char   *uuid,
               double       *x,
               double       *y)
{
  SamChart *chart = sam_chart_view_get_chart (view);
  SamChartRect area, box;
  double zoom = sam_chart_view_get_zoom (view);

  g_assert_true (sam_chart_get_node_bounds (chart, sam_chart_find_uuid (chart, uuid), &box));
  sam_chart_view_get_visible_area (view, &area);
  *x = (box.x + box.width / 2 - area.x) * zoom;
  *y = (box.y + box.height / 2 - area.y) * zoom;
}

/* Whether the whole chart is in view with its middle in the middle. */
static gboolean
fitted_and_centred (SamChartView *view)
{
  SamChart *chart = sam_chart_view_get_chart (view);
  SamChartRect extents, area;

  if (chart == NULL)
    return FALSE;
  sam_chart_get_extents (chart, &extents);
  sam_chart_view_get_visible_area (view, &area);

  return extents.x >= area.x && extents.y >= area.y
         && extents.x + extents.width <= area.x + area.width
         && extents.y + extents.height <= area.y + area.height
         && fabs ((extents.x + extents.width / 2) - (area.x + area.width / 2)) * sam_chart_view_get_zoom (view) < 1.0
         && fabs ((extents.y + extents.height / 2) - (area.y + area.height / 2)) * sam_chart_view_get_zoom (view) < 1.0;
}

static gboolean
labelled (GtkWidget     *widget,
          gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The demo region in the real window opens fitted and centred, stays so
 * while the pane settles, and Zoom to Fit brings that back. */
static void
test_window_view (void)
{
  SamWindow *window;
  SamChartPane *pane;
  SamChartView *view;
  SamChart *chart;
  GtkToggleButton *people;
  double x, y, x2, y2;

  window = sam_test_open_demo (1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  pane = SAM_CHART_PANE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE));
  view = sam_chart_pane_get_view (pane);
  sam_test_wait_until_mapped (GTK_WIDGET (view));
  chart = wait_for_chart (view);
  g_assert_nonnull (chart);
  sam_test_wait_until_drawn (GTK_WIDGET (view));
  g_test_message ("opened at %.0f %% in a %d px wide chart pane",
                  sam_chart_view_get_zoom (view) * 100, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_true (fitted_and_centred (view));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "chart.zoom-reset", NULL));
  g_assert_false (fitted_and_centred (view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "chart.zoom-fit", NULL));
  g_assert_true (fitted_and_centred (view));
  g_test_message ("fitted at %.0f %%", sam_chart_view_get_zoom (view) * 100);

  /* Finding a group at that zoom zooms in until it can be read, and
   * centres it. */
  g_assert_true (sam_chart_view_find (view, "anestesi", FALSE));
  g_assert_cmpfloat (sam_chart_view_get_zoom (view), >=, 1.0);
  box_on_screen (view, sam_chart_view_get_selected_uuid (view), &x, &y);
  g_assert_cmpfloat (fabs (x - gtk_widget_get_width (GTK_WIDGET (view)) / 2.0), <, 1.0);
  g_assert_cmpfloat (fabs (y - gtk_widget_get_height (GTK_WIDGET (view)) / 2.0), <, 1.0);

  /* Moved off the middle, then People on: the council's box stays where
   * it was on screen, though every box grew. */
  sam_chart_view_pan (view, 60, -40);
  box_on_screen (view, sam_chart_view_get_selected_uuid (view), &x, &y);
  people = GTK_TOGGLE_BUTTON (sam_test_find_widget_full (GTK_WIDGET (pane), GTK_TYPE_TOGGLE_BUTTON, labelled,
                                                         sam_test_tr ("_People", "_Personer")));
  g_assert_nonnull (people);
  gtk_toggle_button_set_active (people, TRUE);
  chart = wait_for_chart (view);
  g_assert_true (sam_chart_get_show_people (chart));
  box_on_screen (view, sam_chart_view_get_selected_uuid (view), &x2, &y2);
  g_test_message ("with people the council moved by %.1f, %.1f px", x2 - x, y2 - y);
  g_assert_cmpfloat (fabs (x2 - x), <, 1.0);
  g_assert_cmpfloat (fabs (y2 - y), <, 1.0);

  /* So does it when the chart is narrowed to the council. */
  sam_chart_view_set_root_uuid (view, sam_chart_view_get_selected_uuid (view));
  chart = wait_for_chart (view);
  g_assert_cmpstr (sam_chart_get_node_uuid (chart, 0), ==, sam_chart_view_get_selected_uuid (view));
  box_on_screen (view, sam_chart_view_get_selected_uuid (view), &x2, &y2);
  g_test_message ("on its own the council moved by %.1f, %.1f px", x2 - x, y2 - y);
  g_assert_cmpfloat (fabs (x2 - x), <, 1.0);
  g_assert_cmpfloat (fabs (y2 - y), <, 1.0);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The accessible boxes of the chart, in order. */
static GPtrArray *
chart_boxes (SamChartView *view)
{
  GPtrArray *boxes = g_ptr_array_new ();

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (SAM_IS_CHART_BOX (child))
      g_ptr_array_add (boxes, child);

  return boxes;
}

static GtkWidget *
box_named (SamChartView *view,
           const char   *name)
{
  g_autoptr(GPtrArray) boxes = chart_boxes (view);

  for (guint i = 0; i < boxes->len; i++)
    {
      g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (g_ptr_array_index (boxes, i)),
                                                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name);

      if (error == NULL)
        return g_ptr_array_index (boxes, i);
    }

  return NULL;
}

static gboolean
description_has (GtkWidget  *widget,
                 const char *part)
{
  const char *text = sam_chart_box_get_description (SAM_CHART_BOX (widget));
  g_autofree char *error = gtk_test_accessible_check_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text);

  /* What the box keeps is what screen readers get. */
  g_assert_null (error);
  g_test_message ("%s", text);

  return strstr (text, part) != NULL;
}

/* To a screen reader each box shown is a tree item of the chart, named
 * after its group, with its place and its people in its description, and
 * the focus follows the selection from box to box. */
static void
test_window_boxes (void)
{
  SamWindow *window;
  SamChartPane *pane;
  SamChartView *view;
  SamChart *chart;
  g_autoptr(GPtrArray) boxes = NULL;
  GtkWidget *council, *box;
  g_autofree char *level_text = NULL;
  guint shown = 0;
  int level = 0;
  gint node, child;

  window = sam_test_open_demo (1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  pane = SAM_CHART_PANE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE));
  view = sam_chart_pane_get_view (pane);
  sam_test_wait_until_mapped (GTK_WIDGET (view));
  chart = wait_for_chart (view);

  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      SamChartRect bounds;

      shown += sam_chart_get_node_bounds (chart, i, &bounds);
    }
  boxes = chart_boxes (view);
  g_assert_cmpuint (boxes->len, ==, shown);
  g_assert_cmpuint (boxes->len, >, 10);
  for (guint i = 0; i < boxes->len; i++)
    gtk_test_accessible_assert_role (g_ptr_array_index (boxes, i), GTK_ACCESSIBLE_ROLE_TREE_ITEM);

  /* The council found is its own box, at its level in the tree, expanded,
   * with its chair and its place among the councils. */
  g_assert_true (sam_chart_view_find (view, "anestesi", FALSE));
  node = sam_chart_get_selected (chart);
  council = box_named (view, sam_chart_get_node_name (chart, node));
  g_assert_nonnull (council);
  gtk_test_accessible_assert_state (council, GTK_ACCESSIBLE_STATE_SELECTED, TRUE);
  gtk_test_accessible_assert_state (council, GTK_ACCESSIBLE_STATE_EXPANDED, TRUE);
  for (gint p = node; p >= 0; p = sam_chart_get_node_parent (chart, p))
    level++;
  gtk_test_accessible_assert_property (council, GTK_ACCESSIBLE_PROPERTY_LEVEL, level);
  level_text = g_strdup_printf ("%s %d", sam_test_tr ("level", "nivå"), level);
  g_assert_true (description_has (council, sam_test_tr ("chair ", "ordförande ")));
  g_assert_true (description_has (council, level_text));

  /* Focusing the chart focuses the selected box; Down moves the focus to
   * the first group under it, the first of its siblings. */
  gtk_widget_grab_focus (GTK_WIDGET (view));
  g_assert_true (gtk_widget_has_focus (council));
  g_assert_true (sam_chart_view_move_selection (view, GTK_DIR_DOWN));
  child = sam_chart_get_selected (chart);
  box = box_named (view, sam_chart_get_node_name (chart, child));
  g_assert_nonnull (box);
  g_assert_true (gtk_widget_has_focus (box));
  gtk_test_accessible_assert_state (council, GTK_ACCESSIBLE_STATE_SELECTED, FALSE);
  gtk_test_accessible_assert_property (box, GTK_ACCESSIBLE_PROPERTY_LEVEL, level + 1);
  g_assert_true (description_has (box, sam_test_tr ("1 of ", "1 av ")));

  /* Up and collapse: the council's groups leave the tree, and it says
   * how many are hidden. */
  g_assert_true (sam_chart_view_move_selection (view, GTK_DIR_UP));
  g_assert_true (gtk_widget_has_focus (council));
  g_assert_true (sam_chart_view_toggle_selected (view));
  gtk_test_accessible_assert_state (council, GTK_ACCESSIBLE_STATE_EXPANDED, FALSE);
  g_assert_null (box_named (view, sam_chart_get_node_name (chart, child)));
  g_assert_true (description_has (council, sam_test_tr ("hidden", "dolda")));
  g_assert_true (gtk_widget_has_focus (council));

  /* The boxes lie over the boxes drawn. */
  {
    graphene_rect_t bounds;
    double x, y;

    sam_test_wait_until_drawn (GTK_WIDGET (view));
    g_assert_true (gtk_widget_compute_bounds (council, GTK_WIDGET (view), &bounds));
    box_on_screen (view, sam_chart_get_node_uuid (chart, node), &x, &y);
    g_assert_cmpfloat (fabs (bounds.origin.x + bounds.size.width / 2 - x), <, 1.5);
    g_assert_cmpfloat (fabs (bounds.origin.y + bounds.size.height / 2 - y), <, 1.5);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
named_action (GtkWidget     *widget,
              gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

/* Whether a shortcut of @widget's runs @action on @keyval. */
static gboolean
has_shortcut (GtkWidget  *widget,
              guint       keyval,
              const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && GTK_IS_NAMED_ACTION (named)
              && g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

/* The button beside the search (or F11) gives the chart the whole window
 * and takes it back; the chart stays fitted and centred. */
static void
test_window_whole (void)
{
  SamWindow *window;
  SamOrganisationPage *page;
  SamChartPane *pane;
  SamChartView *view;
  GtkWidget *button, *tree, *details;
  AdwLeaflet *leaflet;
  double zoom;
  int width;

  window = sam_test_open_demo (1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  page = SAM_ORGANISATION_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_ORGANISATION_PAGE));
  pane = SAM_CHART_PANE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE));
  view = sam_chart_pane_get_view (pane);
  sam_test_wait_until_mapped (GTK_WIDGET (view));
  g_assert_nonnull (wait_for_chart (view));
  sam_test_wait_until_drawn (GTK_WIDGET (view));
  /* The tree beside the details beside the chart. */
  leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (GTK_WIDGET (pane), ADW_TYPE_LEAFLET));
  tree = adw_leaflet_get_child_by_name (leaflet, "tree");
  details = adw_leaflet_get_child_by_name (leaflet, "details");
  g_assert_true (gtk_widget_get_mapped (tree));
  g_assert_true (gtk_widget_get_mapped (details));
  zoom = sam_chart_view_get_zoom (view);
  width = gtk_widget_get_width (GTK_WIDGET (view));
  g_assert_true (has_shortcut (GTK_WIDGET (pane), GDK_KEY_F11, "chart.whole-window"));

  button = sam_test_find_widget_full (GTK_WIDGET (pane), GTK_TYPE_TOGGLE_BUTTON, named_action, "chart.whole-window");
  g_assert_nonnull (button);
  g_assert_nonnull (gtk_widget_get_tooltip_text (button));
  /* A button activated is clicked after its press is shown. */
  gtk_widget_activate (button);
  sam_test_wait_for (sam_organisation_page_get_chart_only (page));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  sam_test_wait_for (!gtk_widget_get_mapped (tree) && !gtk_widget_get_mapped (details)
                     && gtk_widget_get_width (GTK_WIDGET (view)) > 1300);
  sam_test_wait_until_drawn (GTK_WIDGET (view));
  g_test_message ("the whole window: %d px wide at %.0f %%, beside the details %d px at %.0f %%",
                  gtk_widget_get_width (GTK_WIDGET (view)), sam_chart_view_get_zoom (view) * 100,
                  width, zoom * 100);
  g_assert_true (fitted_and_centred (view));
  /* Beside the details the chart pane is already wide; alone it fits
   * clearly bigger. */
  g_assert_cmpfloat (sam_chart_view_get_zoom (view), >, zoom * 1.5);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "chart-whole-window");

  /* The action, as F11 runs it, takes it back. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (pane), "chart.whole-window", NULL));
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (sam_organisation_page_get_chart_only (page));
  sam_test_wait_for (gtk_widget_get_mapped (tree) && gtk_widget_get_mapped (details)
                     && gtk_widget_get_width (GTK_WIDGET (view)) == width);
  sam_test_wait_until_drawn (GTK_WIDGET (view));
  g_assert_true (fitted_and_centred (view));
  g_assert_cmpfloat_with_epsilon (sam_chart_view_get_zoom (view), zoom, 1e-9);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* WCAG 2: the relative luminance of an sRGB colour, and the contrast. */
static double
luminance (double red,
           double green,
           double blue)
{
  double c[3] = { red, green, blue };

  for (guint i = 0; i < 3; i++)
    c[i] = c[i] <= 0.04045 ? c[i] / 12.92 : pow ((c[i] + 0.055) / 1.055, 2.4);

  return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
}

static double
contrast (const SamChartColour *a,
          const GdkRGBA        *b)
{
  double la = luminance (a->red, a->green, a->blue);
  double lb = luminance (b->red, b->green, b->blue);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

/* The colour on screen at (@x, @y) of @widget, as the window shows it. */
static void
pixel_at (GtkWidget *widget,
          double     x,
          double     y,
          GdkRGBA   *colour)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree guchar *data = NULL;
  graphene_rect_t bounds;
  graphene_point_t point;
  int width, height, px, py;
  guchar *p;

  /* The paintable shows the window's bounds (its shadow too) at their
   * own size, from their top left corner. */
  g_assert_true (gtk_widget_compute_bounds (window, window, &bounds));
  width = gdk_paintable_get_intrinsic_width (paintable);
  height = gdk_paintable_get_intrinsic_height (paintable);
  g_assert_true (gtk_widget_compute_point (widget, window, &GRAPHENE_POINT_INIT (x, y), &point));
  px = (int) (point.x - bounds.origin.x);
  py = (int) (point.y - bounds.origin.y);
  g_assert_true (px >= 0 && px < width && py >= 0 && py < height);

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_cmpint (gdk_texture_get_width (texture), ==, width);
  data = g_malloc (width * height * 4);
  gdk_texture_download (texture, data, width * 4);
  /* Cairo's ARGB32, premultiplied, little-endian: B, G, R, A. */
  p = data + py * width * 4 + px * 4;
  *colour = (GdkRGBA) { p[2] / 255.0, p[1] / 255.0, p[0] / 255.0, p[3] / 255.0 };
}

/* The dashed lines of the relations, and the tree's lines, stand out
 * from what is under them at least 3:1 (WCAG 1.4.11), in the light and
 * the dark style. */
static void
test_window_contrast (void)
{
  AdwStyleManager *style = adw_style_manager_get_default ();
  const AdwColorScheme schemes[] = { ADW_COLOR_SCHEME_FORCE_LIGHT, ADW_COLOR_SCHEME_FORCE_DARK };
  SamWindow *window;
  SamChartPane *pane;
  SamChartView *view;

  window = sam_test_open_demo (1400, 900);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  pane = SAM_CHART_PANE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE));
  view = sam_chart_pane_get_view (pane);
  sam_test_wait_until_mapped (GTK_WIDGET (view));
  g_assert_nonnull (wait_for_chart (view));

  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      GdkRGBA paper;

      adw_style_manager_set_color_scheme (style, schemes[s]);
      sam_test_wait_for (adw_style_manager_get_dark (style) == (schemes[s] == ADW_COLOR_SCHEME_FORCE_DARK));
      sam_test_wait_until_drawn (GTK_WIDGET (view));
      /* The corner of a fitted chart is the paper beside it. */
      g_assert_cmpint (_sam_chart_view_node_at_widget (view, 2, 2), <, 0);
      pixel_at (GTK_WIDGET (view), 2, 2, &paper);
      g_test_message ("%s: the chart's paper is #%02x%02x%02x", s == 0 ? "light" : "dark",
                      (int) (paper.red * 255 + .5), (int) (paper.green * 255 + .5), (int) (paper.blue * 255 + .5));
      for (SamChartEdgeKind kind = SAM_CHART_EDGE_TREE; kind <= SAM_CHART_EDGE_JOINT_MEETING; kind++)
        {
          SamChartColour line;
          double ratio;

          sam_chart_edge_kind_get_colour (kind, &line);
          ratio = contrast (&line, &paper);
          g_test_message ("  line kind %d: #%02x%02x%02x, %.2f:1", kind, (int) (line.red * 255 + .5),
                          (int) (line.green * 255 + .5), (int) (line.blue * 255 + .5), ratio);
          g_assert_cmpfloat (ratio, >=, 3.0);
        }
      sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)),
                                s == 0 ? "chart-window-light" : "chart-window-dark");
    }

  adw_style_manager_set_color_scheme (style, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
with_icon (GtkWidget     *widget,
           gconstpointer  icon)
{
  return g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (widget)), icon) == 0;
}

static GtkWidget *
legend_of (SamChartPane *pane)
{
  return sam_test_find_widget (GTK_WIDGET (pane), GTK_TYPE_DRAWING_AREA);
}

/* The legend over the chart: on at first, its rows wrapped to its width,
 * turned off and on by its button, which the settings remember. */
static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *legend = legend_of (fixture->pane);
  GtkWidget *button;
  int wide;

  g_assert_nonnull (legend);
  gtk_test_accessible_assert_property (legend, GTK_ACCESSIBLE_PROPERTY_LABEL, sam_test_tr ("Legend", "Teckenförklaring"));
  button = sam_test_find_widget_full (GTK_WIDGET (fixture->pane), GTK_TYPE_TOGGLE_BUTTON, with_icon,
                                      "view-list-bullet-symbolic");
  g_assert_nonnull (button);
  gtk_test_accessible_assert_property (button, GTK_ACCESSIBLE_PROPERTY_LABEL, sam_test_tr ("Legend", "Förklaring"));
  g_assert_true (g_settings_get_boolean (fixture->settings, "chart-legend"));
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  sam_test_wait_for (gtk_widget_get_mapped (legend) && gtk_widget_get_height (legend) > 20);
  wide = gtk_widget_get_height (legend);
  g_test_message ("the legend is %d x %d px", gtk_widget_get_width (legend), wide);
  sam_test_save_screenshot (GTK_WIDGET (fixture->pane), "chart-pane-legend");

  /* Narrower, its rows wrap: taller. */
  gtk_window_set_default_size (fixture->window, 600, 700);
  sam_test_wait_for (gtk_widget_get_height (legend) > wide);
  g_test_message ("narrowed, %d x %d px", gtk_widget_get_width (legend), gtk_widget_get_height (legend));
  gtk_window_set_default_size (fixture->window, 1000, 700);
  sam_test_wait_for (gtk_widget_get_height (legend) == wide);

  /* Off, and remembered. */
  gtk_widget_activate (button);
  sam_test_wait_for (!gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  g_assert_false (gtk_widget_get_visible (legend));
  g_assert_false (g_settings_get_boolean (fixture->settings, "chart-legend"));

  /* On again from the settings, as at the next start. */
  g_settings_set_boolean (fixture->settings, "chart-legend", TRUE);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (button)));
  sam_test_wait_for (gtk_widget_get_mapped (legend));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test backend keeps what the widgets tell screen readers, for
   * the boxes' roles, states and properties to be checked. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  sam_test_ui_init (&argc, &argv);
  sam_test_ui_start_application ();

  g_test_add ("/chart-view/zoom", Fixture, NULL, fixture_set_up, test_zoom, fixture_tear_down);
  g_test_add ("/chart-view/select-collapse", Fixture, NULL, fixture_set_up, test_select_collapse, fixture_tear_down);
  g_test_add ("/chart-view/find", Fixture, NULL, fixture_set_up, test_find, fixture_tear_down);
  g_test_add ("/chart-view/options", Fixture, NULL, fixture_set_up, test_options, fixture_tear_down);
  g_test_add ("/chart-view/scroll", Fixture, NULL, fixture_set_up, test_scroll, fixture_tear_down);
  g_test_add ("/chart-view/drag", Fixture, NULL, fixture_set_up, test_drag, fixture_tear_down);
  g_test_add ("/chart-view/pinch", Fixture, NULL, fixture_set_up, test_pinch, fixture_tear_down);
  g_test_add ("/chart-view/click", Fixture, NULL, fixture_set_up, test_click, fixture_tear_down);
  g_test_add ("/chart-view/print", Fixture, NULL, fixture_set_up, test_print, fixture_tear_down);
  g_test_add ("/chart-view/print/sheets", Fixture, NULL, fixture_set_up, test_print_sheets, fixture_tear_down);
  g_test_add ("/chart-view/print/booklet", Fixture, NULL, fixture_set_up, test_print_booklet, fixture_tear_down);
  g_test_add ("/chart-view/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  g_test_add ("/chart-view/legend", Fixture, NULL, fixture_set_up, test_legend, fixture_tear_down);
  g_test_add_func ("/chart-view/window", test_window);
  g_test_add_func ("/chart-view/window-view", test_window_view);
  g_test_add_func ("/chart-view/window-boxes", test_window_boxes);
  g_test_add_func ("/chart-view/window-whole", test_window_whole);
  g_test_add_func ("/chart-view/window-contrast", test_window_contrast);

  return sam_test_ui_run ();
}

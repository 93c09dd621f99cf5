/* sam-chart-pane.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-pane"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-chart-pane-private.h"
#include "sam-chart-render.h"
#include "sam-clock.h"
#include "sam-group.h"
#include "sam-schema.h"
#include "sam-store-structure.h"

/*
 * The organisation chart with its toolbar: finding a group, choosing the
 * part of the region (the whole of it, or one council with its subgroups
 * and teams), the as-of date, whether the boxes list their people, zoom,
 * printing and exporting. Printing and exports build a chart of their own
 * from the same options in a worker thread, so what is on screen may go on
 * changing while a long export is written; they are in
 * sam-chart-pane-export.c.
 */

G_DEFINE_FINAL_TYPE (SamChartPane, sam_chart_pane, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SETTINGS,
  PROP_SELECTED_UUID,
  PROP_WHOLE_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_sam_chart_pane_update_actions (SamChartPane *self)
{
  SamChart *chart = sam_chart_view_get_chart (self->view);
  gboolean has_chart = chart != NULL && sam_chart_get_n_nodes (chart) > 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.print",
                                 has_chart && !self->preparing_print && self->print_operation == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.export", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-in", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-out", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-fit", has_chart);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "chart.zoom-reset", has_chart);
}

/* The part of the region */

static gboolean
group_exists_on (SamGroup   *group,
                 const char *day)
{
  const char *established = sam_group_get_established (group);
  const char *dissolved = sam_group_get_dissolved (group);

  return (established == NULL || strcmp (established, day) <= 0)
         && (dissolved == NULL || strcmp (dissolved, day) > 0);
}

/* The councils of the as-of date, and the chosen root if it is not one of
 * them, so the drop-down always shows what the chart is of. */
static void
update_roots (SamChartPane *self)
{
  g_autoptr(GListModel) groups = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  const char *day = sam_chart_view_get_as_of (self->view);
  const char *root = sam_chart_view_get_root_uuid (self->view);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(SamGroup) other_root = NULL;
  guint selected = 0;

  if (self->store == NULL)
    return;

  if (day == NULL)
    day = today;

  self->updating_roots = TRUE;
  g_ptr_array_set_size (self->root_uuids, 0);
  /* Translators: the chart's root chooser: all groups, not one council */
  g_ptr_array_add (names, (gpointer) _("Whole Region"));

  /* The councils only: a national register has thousands of groups, and
   * this runs as the window opens. */
  groups = sam_store_list_groups_of_kind (self->store, SAM_GROUP_KIND_COUNCIL, NULL);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      gboolean is_root = g_strcmp0 (sam_group_get_uuid (group), root) == 0;

      if (!is_root && !group_exists_on (group, day))
        continue;

      g_ptr_array_add (self->root_uuids, g_strdup (sam_group_get_uuid (group)));
      g_ptr_array_add (names, (gpointer) sam_group_get_name (group));
      if (is_root)
        selected = self->root_uuids->len;
    }
  /* A root below the councils (a subgroup shown on its own) comes last. */
  if (root != NULL && selected == 0)
    {
      other_root = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, root, NULL);
      if (other_root != NULL)
        {
          g_ptr_array_add (self->root_uuids, g_strdup (root));
          g_ptr_array_add (names, (gpointer) sam_group_get_name (other_root));
          selected = self->root_uuids->len;
        }
    }
  g_ptr_array_add (names, NULL);

  gtk_string_list_splice (self->root_list, 0, g_list_model_get_n_items (G_LIST_MODEL (self->root_list)),
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->root_dropdown, selected);
  self->updating_roots = FALSE;
}

/* Long council names are shortened on the button, not in its list. */
static void
root_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (ellipsize != NULL)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 8);
    }
  gtk_list_item_set_child (item, label);
}

static void
root_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), gtk_string_object_get_string (string));
}

static GtkListItemFactory *
root_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (root_setup_cb), ellipsize ? factory : NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (root_bind_cb), NULL);

  return factory;
}

static void
root_selected_cb (SamChartPane *self)
{
  guint selected = gtk_drop_down_get_selected (self->root_dropdown);

  if (self->updating_roots || selected == GTK_INVALID_LIST_POSITION)
    return;

  sam_chart_view_set_root_uuid (self->view, selected > 0 && selected <= self->root_uuids->len
                                            ? g_ptr_array_index (self->root_uuids, selected - 1) : NULL);
}

static void
store_changed_cb (SamChartPane *self,
                  guint         table,
                  SamStore     *store)
{
  if (table == SAM_TABLE_GROUP || table >= SAM_N_TABLES)
    update_roots (self);
}

/* The as-of date */

static void
update_as_of (SamChartPane *self)
{
  const char *as_of = sam_chart_view_get_as_of (self->view);
  g_autofree char *today = sam_clock_dup_today ();
  g_autofree char *name = g_strdup_printf (_("As of %s"), as_of != NULL ? as_of : today);

  /* Translators: the chart's date button when it shows today's structure */
  gtk_menu_button_set_label (self->as_of_button, as_of != NULL ? as_of : _("Today"));
  /* GTK 4.8 names neither a menu button nor a drop-down's button after
   * its label: screen readers hear the date this way. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->as_of_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);
  update_roots (self);
}

static void
set_as_of (SamChartPane *self,
           const char   *day)
{
  g_autofree char *today = sam_clock_dup_today ();

  /* Today's chart follows the calendar when the app is left open. */
  sam_chart_view_set_as_of (self->view, g_strcmp0 (day, today) == 0 ? NULL : day);
  update_as_of (self);
}

static void
as_of_popover_show_cb (SamChartPane *self)
{
  g_autofree char *today = sam_clock_dup_today ();
  const char *as_of = sam_chart_view_get_as_of (self->view);
  const char *day = as_of != NULL ? as_of : today;
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), day);
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_entry), "error");
  if (sscanf (day, "%d-%d-%d", &year, &month, &mday) != 3)
    return;

  date = g_date_time_new_local (year, month, mday, 12, 0, 0);
  if (date == NULL)
    return;

  self->updating_date = TRUE;
  gtk_calendar_select_day (self->calendar, date);
  self->updating_date = FALSE;
}

static void
calendar_day_selected_cb (SamChartPane *self)
{
  g_autoptr(GDateTime) date = NULL;
  g_autofree char *day = NULL;

  if (self->updating_date)
    return;

  date = gtk_calendar_get_date (self->calendar);
  day = g_date_time_format (date, "%Y-%m-%d");
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), day);
  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_entry), "error");
  set_as_of (self, day);
}

static void
as_of_entry_activate_cb (SamChartPane *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry))));
  g_autoptr(GError) error = NULL;

  if (*text != '\0' && !sam_chart_parse_date (text, &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->as_of_entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->as_of_entry), error->message);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->as_of_entry),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, error->message,
                                      -1);
      gtk_widget_error_bell (GTK_WIDGET (self->as_of_entry));
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_entry), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->as_of_entry), NULL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->as_of_entry), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
  set_as_of (self, *text != '\0' ? text : NULL);
  gtk_popover_popdown (self->as_of_popover);
}

static void
as_of_today_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamChartPane *self = SAM_CHART_PANE (widget);

  set_as_of (self, NULL);
  gtk_popover_popdown (self->as_of_popover);
}

/* Finding */

static void
search_changed_cb (SamChartPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*text == '\0' || sam_chart_view_find (self->view, text, FALSE))
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
}

static void
search_next_cb (SamChartPane *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (*text != '\0' && !sam_chart_view_find (self->view, text, TRUE))
    gtk_widget_error_bell (GTK_WIDGET (self->search_entry));
}

static void
search_stop_cb (SamChartPane *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->view));
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamChartPane *self = SAM_CHART_PANE (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* The legend, drawn by the renderer that draws the chart, on a card over
 * the chart's top edge, and as large as the boxes' text at 150 %. */

#define LEGEND_SCALE   1.5
#define LEGEND_PADDING 8.0

static void
legend_draw (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        user_data)
{
  SamChartPane *self = user_data;
  SamChart *chart = sam_chart_view_get_chart (self->view);
  double r = 6.0;

  if (chart == NULL || width <= 2 * LEGEND_PADDING)
    return;

  /* Paper like the chart's, which the legend's colours are chosen for. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, width - r - 0.5, r + 0.5, r, -G_PI / 2, 0);
  cairo_arc (cr, width - r - 0.5, height - r - 0.5, r, 0, G_PI / 2);
  cairo_arc (cr, r + 0.5, height - r - 0.5, r, G_PI / 2, G_PI);
  cairo_arc (cr, r + 0.5, r + 0.5, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_set_source_rgb (cr, 0x9a / 255.0, 0x99 / 255.0, 0x96 / 255.0);
  cairo_set_line_width (cr, 1);
  cairo_stroke (cr);

  cairo_translate (cr, LEGEND_PADDING, LEGEND_PADDING);
  cairo_scale (cr, LEGEND_SCALE, LEGEND_SCALE);
  sam_chart_render_legend (chart, cr, 0, 0, (width - 2 * LEGEND_PADDING) / LEGEND_SCALE);
}

static int
legend_height (SamChartPane *self,
               int           width)
{
  SamChart *chart = sam_chart_view_get_chart (self->view);

  if (chart == NULL || sam_chart_get_n_nodes (chart) == 0 || width <= 2 * LEGEND_PADDING)
    return 0;

  return (int) ceil (sam_chart_render_legend (chart, NULL, 0, 0, (width - 2 * LEGEND_PADDING) / LEGEND_SCALE)
                     * LEGEND_SCALE + 2 * LEGEND_PADDING);
}

static gboolean
legend_fit_cb (gpointer user_data)
{
  SamChartPane *self = user_data;
  int needed = legend_height (self, gtk_widget_get_width (GTK_WIDGET (self->legend_area)));

  self->legend_idle = 0;
  if (needed != gtk_drawing_area_get_content_height (self->legend_area))
    gtk_drawing_area_set_content_height (self->legend_area, needed);

  return G_SOURCE_REMOVE;
}

/* The legend's rows wrap to its width, which sets its height. A new size
 * cannot be asked for while GTK hands out this one, so it is asked for
 * right after, before the next frame is drawn. */
static void
legend_resize_cb (SamChartPane *self,
                  int           width,
                  int           height)
{
  if (legend_height (self, width) != gtk_drawing_area_get_content_height (self->legend_area)
      && self->legend_idle == 0)
    self->legend_idle = g_idle_add_full (GDK_PRIORITY_REDRAW - 1, legend_fit_cb, self, NULL);
}

static void
update_legend (SamChartPane *self)
{
  SamChart *chart = sam_chart_view_get_chart (self->view);
  g_autoptr(GString) kinds = g_string_new (NULL);
  guint seen = 0;

  gtk_widget_set_visible (GTK_WIDGET (self->legend_area),
                          gtk_toggle_button_get_active (self->legend_button)
                          && chart != NULL && sam_chart_get_n_nodes (chart) > 0);
  g_clear_handle_id (&self->legend_idle, g_source_remove);
  legend_fit_cb (self);
  gtk_widget_queue_draw (GTK_WIDGET (self->legend_area));

  /* What the legend shows, for screen readers: the kinds in the chart. */
  for (guint i = 0; chart != NULL && i < sam_chart_get_n_nodes (chart); i++)
    {
      SamGroupKind kind = sam_chart_get_node_kind (chart, i);

      if (kind < 32 && (seen & (1u << kind)) == 0)
        {
          seen |= 1u << kind;
          if (kinds->len > 0)
            g_string_append (kinds, ", ");
          g_string_append (kinds, sam_group_kind_get_label (kind));
        }
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->legend_area),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, kinds->str,
                                  -1);
}

/* The view */

static void
view_chart_cb (SamChartPane *self)
{
  SamChart *chart = sam_chart_view_get_chart (self->view);
  const GError *error = sam_chart_view_get_error (self->view);
  gboolean loading = sam_chart_view_get_loading (self->view);

  gtk_spinner_set_spinning (self->spinner, loading && chart == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), loading && chart == NULL);

  if (chart == NULL && error != NULL && !loading)
    {
      adw_status_page_set_title (self->message_page, _("Could Not Draw the Chart"));
      adw_status_page_set_description (self->message_page, error->message);
      gtk_stack_set_visible_child_name (self->content_stack, "message");
    }
  else if (chart != NULL && sam_chart_get_n_nodes (chart) == 0)
    {
      adw_status_page_set_title (self->message_page, _("No Groups"));
      adw_status_page_set_description (self->message_page, _("The register had no groups on this day."));
      gtk_stack_set_visible_child_name (self->content_stack, "message");
    }
  else
    gtk_stack_set_visible_child_name (self->content_stack, "chart");

  update_legend (self);
  _sam_chart_pane_update_actions (self);
}

static void
view_zoom_cb (SamChartPane *self)
{
  g_autofree char *text = NULL;

  /* Translators: the chart's zoom level; Swedish puts a space before % */
  text = g_strdup_printf (_("%d%%"), (int) (sam_chart_view_get_zoom (self->view) * 100 + 0.5));
  gtk_label_set_text (self->zoom_label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self->zoom_label))),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text,
                                  -1);
}

static void
view_selected_cb (SamChartPane *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UUID]);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamChartPane *self = SAM_CHART_PANE (widget);

  if (g_str_equal (action_name, "chart.zoom-in"))
    sam_chart_view_zoom_in (self->view);
  else if (g_str_equal (action_name, "chart.zoom-out"))
    sam_chart_view_zoom_out (self->view);
  else if (g_str_equal (action_name, "chart.zoom-fit"))
    sam_chart_view_zoom_to_fit (self->view);
  else
    sam_chart_view_set_zoom (self->view, 1.0);
}

/* Selection shared with another widget, by the group's UUID */

static gboolean
group_to_uuid (GBinding     *binding,
               const GValue *from_value,
               GValue       *to_value,
               gpointer      user_data)
{
  SamGroup *group = g_value_get_object (from_value);

  g_value_set_string (to_value, group != NULL ? sam_group_get_uuid (group) : NULL);

  return TRUE;
}

static gboolean
uuid_to_group (GBinding     *binding,
               const GValue *from_value,
               GValue       *to_value,
               gpointer      user_data)
{
  SamChartPane *self = user_data;
  const char *uuid = g_value_get_string (from_value);

  if (uuid != NULL && self->store != NULL)
    g_value_take_object (to_value, sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, uuid, NULL));
  else
    g_value_set_object (to_value, NULL);

  return TRUE;
}

/* Vfuncs */

static void
sam_chart_pane_dispose (GObject *object)
{
  SamChartPane *self = SAM_CHART_PANE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->legend_idle, g_source_remove);
  if (self->print_operation != NULL)
    gtk_print_operation_cancel (self->print_operation);
  g_clear_object (&self->print_operation);
  /* The bin lets go of its child first, or it would unparent it again. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_CHART_PANE);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sam_chart_pane_parent_class)->dispose (object);
}

static void
sam_chart_pane_finalize (GObject *object)
{
  SamChartPane *self = SAM_CHART_PANE (object);

  g_ptr_array_unref (self->root_uuids);

  G_OBJECT_CLASS (sam_chart_pane_parent_class)->finalize (object);
}

static void
sam_chart_pane_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SamChartPane *self = SAM_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_SELECTED_UUID:
      g_value_set_string (value, sam_chart_view_get_selected_uuid (self->view));
      break;
    case PROP_WHOLE_WINDOW:
      g_value_set_boolean (value, self->whole_window);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_chart_pane_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SamChartPane *self = SAM_CHART_PANE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sam_chart_pane_set_store (self, g_value_get_object (value));
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      if (self->settings != NULL)
        g_settings_bind (self->settings, "chart-legend", self->legend_button, "active", G_SETTINGS_BIND_DEFAULT);
      break;
    case PROP_SELECTED_UUID:
      sam_chart_pane_set_selected_uuid (self, g_value_get_string (value));
      break;
    case PROP_WHOLE_WINDOW:
      if (self->whole_window != g_value_get_boolean (value))
        {
          self->whole_window = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_chart_pane_class_init (SamChartPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_chart_pane_dispose;
  object_class->finalize = sam_chart_pane_finalize;
  object_class->get_property = sam_chart_pane_get_property;
  object_class->set_property = sam_chart_pane_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  /**
   * SamChartPane:selected-uuid:
   *
   * The UUID of the group selected in the chart, shared with the structure
   * tree beside it.
   */
  properties[PROP_SELECTED_UUID] =
    g_param_spec_string ("selected-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * SamChartPane:whole-window:
   *
   * Whether the chart asks to take the whole window, which the window
   * does by hiding what is beside it; the chart.whole-window action and
   * F11 toggle it.
   */
  properties[PROP_WHOLE_WINDOW] =
    g_param_spec_boolean ("whole-window", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-chart-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, root_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, root_list);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, as_of_popover);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, calendar);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, people_button);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, legend_button);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, legend_area);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, view);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, spinner);
  gtk_widget_class_bind_template_child (widget_class, SamChartPane, message_page);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, root_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, as_of_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_chart_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_zoom_cb);
  gtk_widget_class_bind_template_callback (widget_class, legend_resize_cb);

  gtk_widget_class_install_action (widget_class, "chart.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "chart.zoom-reset", NULL, zoom_action);
  _sam_chart_pane_class_export_init (widget_class);
  gtk_widget_class_install_action (widget_class, "chart.as-of-today", NULL, as_of_today_action);
  gtk_widget_class_install_action (widget_class, "chart.find", NULL, find_action);
  gtk_widget_class_install_property_action (widget_class, "chart.whole-window", "whole-window");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "chart.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "chart.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "chart.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK, "chart.zoom-fit", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_CONTROL_MASK, "chart.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, GDK_CONTROL_MASK, "chart.zoom-reset", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "chart.find", NULL);
}

static void
sam_chart_pane_init (SamChartPane *self)
{
  g_autoptr(GtkListItemFactory) button_factory = root_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = root_factory (FALSE);
  GtkEventController *controller;

  self->root_uuids = g_ptr_array_new_with_free_func (g_free);
  self->cancellable = g_cancellable_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drop_down_set_factory (self->root_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->root_dropdown, list_factory);
  if (GTK_IS_TOGGLE_BUTTON (gtk_widget_get_first_child (GTK_WIDGET (self->root_dropdown))))
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (self->root_dropdown))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("Part of the Region"),
                                    -1);

  g_object_bind_property (self->people_button, "active", self->view, "show-people",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  gtk_drawing_area_set_draw_func (self->legend_area, legend_draw, self, NULL);
  g_signal_connect_object (self->legend_button, "notify::active", G_CALLBACK (update_legend), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::selected-uuid", G_CALLBACK (view_selected_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::as-of", G_CALLBACK (update_as_of), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view, "notify::root-uuid", G_CALLBACK (update_roots), self, G_CONNECT_SWAPPED);

  /* Ctrl+P prints the chart wherever the focus is in the window, but only
   * while the chart is on screen. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_p, GDK_CONTROL_MASK),
                                                          gtk_named_action_new ("chart.print")));
  /* So does F11 give the chart the whole window, and take it back. */
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_F11, 0),
                                                          gtk_named_action_new ("chart.whole-window")));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  view_zoom_cb (self);
  update_as_of (self);
  view_chart_cb (self);
}

/* Public API */

/**
 * sam_chart_pane_new:
 * @store: (nullable): the register
 * @settings: (nullable): where the page setup and export folder are kept
 *
 * Returns: (transfer floating): a new chart pane
 */
GtkWidget *
sam_chart_pane_new (SamStore  *store,
                    GSettings *settings)
{
  return g_object_new (SAM_TYPE_CHART_PANE,
                       "store", store,
                       "settings", settings,
                       NULL);
}

SamStore *
sam_chart_pane_get_store (SamChartPane *self)
{
  g_return_val_if_fail (SAM_IS_CHART_PANE (self), NULL);

  return self->store;
}

/**
 * sam_chart_pane_set_store:
 * @self: a chart pane
 * @store: (nullable): the register to draw
 */
void
sam_chart_pane_set_store (SamChartPane *self,
                          SamStore     *store)
{
  g_return_if_fail (SAM_IS_CHART_PANE (self));
  g_return_if_fail (store == NULL || SAM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  sam_chart_view_set_store (self->view, store);
  update_roots (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sam_chart_pane_get_view:
 * @self: a chart pane
 *
 * Returns: (transfer none): the chart widget
 */
SamChartView *
sam_chart_pane_get_view (SamChartPane *self)
{
  g_return_val_if_fail (SAM_IS_CHART_PANE (self), NULL);

  return self->view;
}

const char *
sam_chart_pane_get_selected_uuid (SamChartPane *self)
{
  g_return_val_if_fail (SAM_IS_CHART_PANE (self), NULL);

  return sam_chart_view_get_selected_uuid (self->view);
}

/**
 * sam_chart_pane_set_selected_uuid:
 * @self: a chart pane
 * @uuid: (nullable): a group, or %NULL for none
 *
 * Selects a group in the chart and brings it into view.
 */
void
sam_chart_pane_set_selected_uuid (SamChartPane *self,
                                  const char   *uuid)
{
  g_return_if_fail (SAM_IS_CHART_PANE (self));

  sam_chart_view_set_selected_uuid (self->view, uuid);
}

/**
 * sam_chart_pane_share_selection:
 * @self: a chart pane
 * @object: an object with a #SamGroup property, such as the structure page
 * @property: the name of that property, such as "selected-group"
 *
 * Keeps the chart's selection and @object's group the same both ways, so
 * choosing a box shows the group in the editor and choosing a group in the
 * tree selects its box.
 */
void
sam_chart_pane_share_selection (SamChartPane *self,
                                GObject      *object,
                                const char   *property)
{
  g_return_if_fail (SAM_IS_CHART_PANE (self));
  g_return_if_fail (G_IS_OBJECT (object));
  g_return_if_fail (property != NULL);

  g_object_bind_property_full (object, property, self, "selected-uuid",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               group_to_uuid, uuid_to_group, self, NULL);
}

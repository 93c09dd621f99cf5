/* sam-chart-view.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-view"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-render.h"
#include "sam-chart-view-private.h"
#include "sam-schema.h"

/*
 * The organisation chart on screen. The chart (boxes, text, layout) is
 * core's SamChart, built in a worker thread on a connection of its own
 * whenever the register or an option changes, and drawn by core's
 * renderer: this widget only adds zoom, pan, selection and culling. The
 * snapshot hands the renderer the visible rectangle, so only the boxes in
 * view are drawn, and never builds or lays out anything.
 *
 * The view is a transform: the chart point at the widget's top left corner
 * (origin) and the zoom (widget pixels per chart unit). Keyboard: with a
 * selection the arrow keys move it along the tree (up to the parent, down
 * to the first child, left and right to the siblings); without one, or
 * with Ctrl held, they pan. Enter or Space collapses or expands the
 * selected branch, Home selects the top, Escape drops the selection.
 *
 * The widget is in three files: this one builds the chart, keeps the
 * selection and the properties, and draws; sam-chart-view-zoom.c holds
 * the transform (zoom, pan, fitting, bringing a box into view) and
 * sam-chart-view-input.c the pointer, touch and keyboard controllers.
 */

G_DEFINE_FINAL_TYPE (SamChartView, sam_chart_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ROOT_UUID,
  PROP_AS_OF,
  PROP_SHOW_PEOPLE,
  PROP_SELECTED_UUID,
  PROP_ZOOM,
  PROP_CHART,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void queue_rebuild (SamChartView *self);

/* Building */

static gboolean
node_shown (SamChart *chart,
            guint     node)
{
  SamChartRect box;

  return sam_chart_get_node_bounds (chart, node, &box);
}

/* Opens the collapsed branches above @node, so it can be seen. Returns
 * whether it opened any. */
static gboolean
reveal_node (SamChartView *self,
             gint          node)
{
  gboolean opened = FALSE;

  for (gint p = sam_chart_get_node_parent (self->chart, node); p >= 0; p = sam_chart_get_node_parent (self->chart, p))
    if (sam_chart_get_collapsed (self->chart, p))
      {
        g_hash_table_remove (self->collapsed, sam_chart_get_node_uuid (self->chart, p));
        sam_chart_set_collapsed (self->chart, p, FALSE);
        opened = TRUE;
      }

  return opened;
}

/* A branch collapsed or expanded while the chart was being built. */
static void
apply_collapsed (SamChartView *self)
{
  guint n = sam_chart_get_n_nodes (self->chart);

  for (guint i = 0; i < n; i++)
    {
      gboolean collapsed = g_hash_table_contains (self->collapsed, sam_chart_get_node_uuid (self->chart, i));

      if (!collapsed != !sam_chart_get_collapsed (self->chart, i))
        sam_chart_set_collapsed (self->chart, i, collapsed);
    }
}

static void
update_accessible (SamChartView *self)
{
  gint node = self->chart != NULL ? sam_chart_get_selected (self->chart) : -1;

  if (node >= 0)
    {
      g_autofree char *description = sam_chart_dup_node_description (self->chart, node);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      if (sam_chart_node_has_children (self->chart, node))
        gtk_accessible_update_state (GTK_ACCESSIBLE (self),
                                     GTK_ACCESSIBLE_STATE_EXPANDED, !sam_chart_get_collapsed (self->chart, node),
                                     -1);
      else
        gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED);
    }
  else
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No group selected"),
                                      -1);
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_STATE_EXPANDED);
    }
}

/* The zoom property, changed by the transform in sam-chart-view-zoom.c */

void
_sam_chart_view_notify_zoom (SamChartView *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

/* Selection */

/* Draws the selection ring on @node and announces it, without telling
 * anyone: the caller has set selected_uuid. */
static void
show_selection (SamChartView *self,
                gint          node,
                gboolean      centre)
{
  if (node >= 0 && reveal_node (self, node))
    _sam_chart_view_update_boxes (self);
  sam_chart_set_selected (self->chart, node);
  update_accessible (self);
  _sam_chart_view_update_selected_box (self);
  if (node >= 0)
    _sam_chart_view_scroll_to_node (self, node, centre);
  _sam_chart_view_queue_place (self);
}

void
_sam_chart_view_select_node (SamChartView *self,
                             gint          node,
                             gboolean      centre)
{
  const char *uuid = node >= 0 ? sam_chart_get_node_uuid (self->chart, node) : NULL;

  show_selection (self, node, centre);

  if (g_strcmp0 (uuid, self->selected_uuid) != 0)
    {
      g_free (self->selected_uuid);
      self->selected_uuid = g_strdup (uuid);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UUID]);
    }
}

gint
_sam_chart_view_node_at_widget (SamChartView *self,
                                double        x,
                                double        y)
{
  if (self->chart == NULL)
    return -1;

  return sam_chart_node_at (self->chart, self->origin_x + x / self->zoom, self->origin_y + y / self->zoom);
}

/* Collapses or expands @node, keeping its box where it was on screen. */
void
_sam_chart_view_set_node_collapsed (SamChartView *self,
                                    guint         node,
                                    gboolean      collapsed)
{
  const char *uuid = sam_chart_get_node_uuid (self->chart, node);
  SamChartRect before, after;
  gboolean had_box = sam_chart_get_node_bounds (self->chart, node, &before);

  if (!collapsed == !sam_chart_get_collapsed (self->chart, node))
    return;

  if (collapsed)
    g_hash_table_add (self->collapsed, g_strdup (uuid));
  else
    g_hash_table_remove (self->collapsed, uuid);
  sam_chart_set_collapsed (self->chart, node, collapsed);

  if (had_box && sam_chart_get_node_bounds (self->chart, node, &after))
    {
      self->origin_x += after.x - before.x;
      self->origin_y += after.y - before.y;
    }

  /* A selection inside the closed branch moves up to the branch. */
  if (collapsed && sam_chart_get_selected (self->chart) >= 0
      && !node_shown (self->chart, sam_chart_get_selected (self->chart)))
    _sam_chart_view_select_node (self, node, FALSE);

  _sam_chart_view_clamp_origin (self);
  update_accessible (self);
  _sam_chart_view_update_boxes (self);
  _sam_chart_view_queue_place (self);
}

static void
set_chart (SamChartView *self,
           SamChart     *chart,
           GError       *error)
{
  gboolean fresh = self->chart == NULL;
  gboolean anchored = self->anchor_uuid != NULL;
  gint node = -1;

  g_set_object (&self->chart, chart);
  g_clear_error (&self->error);
  self->error = error;

  if (self->chart != NULL)
    {
      apply_collapsed (self);
      if (self->selected_uuid != NULL)
        node = sam_chart_find_uuid (self->chart, self->selected_uuid);
      if (node >= 0)
        reveal_node (self, node);
      sam_chart_set_selected (self->chart, node);
      /* A chart built again for the people, another root or an edit keeps
       * the box the user was looking at where it was; a new chart, or one
       * that no longer has that box, is fitted. */
      if (!fresh && _sam_chart_view_restore_anchor (self))
        ;
      else if (fresh || anchored || self->fit_pending || self->fitted)
        _sam_chart_view_first_view (self);
      if (fresh && node >= 0)
        _sam_chart_view_scroll_to_node (self, node, FALSE);
      _sam_chart_view_clamp_origin (self);
    }
  g_clear_pointer (&self->anchor_uuid, g_free);

  update_accessible (self);
  _sam_chart_view_update_boxes (self);
  _sam_chart_view_queue_place (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static void
set_loading (SamChartView *self,
             gboolean      loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
build_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(SamChartView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChart) chart = sam_chart_new_from_store_finish (result, &error);

  /* A newer build replaced this one, or the view went away. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->build_cancellable);
  set_chart (self, chart, g_steal_pointer (&error));
  set_loading (self, FALSE);
}

static void
queue_rebuild (SamChartView *self)
{
  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  _sam_chart_view_keep_anchor (self);

  if (self->store == NULL)
    {
      set_chart (self, NULL, NULL);
      set_loading (self, FALSE);
      return;
    }

  self->build_cancellable = g_cancellable_new ();
  sam_chart_view_build_chart_async (self, self->build_cancellable, build_done_cb, g_object_ref (self));
  set_loading (self, TRUE);
}

static void
store_changed_cb (SamChartView *self,
                  guint         table,
                  SamStore     *store)
{
  /* Meetings and decisions are not drawn in the chart. */
  switch (table)
    {
    case SAM_TABLE_MEETING:
    case SAM_TABLE_MEETING_GROUP:
    case SAM_TABLE_AGENDA_ITEM:
    case SAM_TABLE_ATTENDANCE:
    case SAM_TABLE_DECISION:
    case SAM_TABLE_ESCALATION:
      return;
    default:
      queue_rebuild (self);
    }
}

/* Vfuncs */

static void
sam_chart_view_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  SamChartView *self = SAM_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_rectangle_t visible;
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  /* The chart is drawn on white paper, as it prints, in the dark style
   * too: its fills, text and lines are chosen for paper, and its dashed
   * lines would not stand out 3:1 from a dark window. */
  gtk_snapshot_append_color (snapshot, &CHART_PAPER, &GRAPHENE_RECT_INIT (0, 0, width, height));

  visible = (cairo_rectangle_t) { self->origin_x, self->origin_y, width / self->zoom, height / self->zoom };
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -self->origin_x, -self->origin_y);
  /* The renderer picks its level of detail by device pixels per unit. */
  sam_chart_render (self->chart, cr, &visible, self->zoom * gtk_widget_get_scale_factor (widget));
  cairo_destroy (cr);
}

static void
sam_chart_view_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  /* Asks for room generously, so a pane beside the structure editor
   * opens wide enough to read the chart. */
  *minimum = 120;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 960 : 480;
}

static void
sam_chart_view_size_allocate (GtkWidget *widget,
                              int        width,
                              int        height,
                              int        baseline)
{
  SamChartView *self = SAM_CHART_VIEW (widget);

  if (self->chart != NULL)
    {
      if (self->fit_pending || self->fitted)
        _sam_chart_view_first_view (self);
      if (self->scroll_pending)
        _sam_chart_view_scroll_to_node (self, sam_chart_get_selected (self->chart), FALSE);
      _sam_chart_view_clamp_origin (self);
    }
  _sam_chart_view_allocate_boxes (self);
}

/* The focus goes onto the selected box, so a screen reader speaks it. */
static gboolean
sam_chart_view_grab_focus (GtkWidget *widget)
{
  GtkWidget *box = _sam_chart_view_get_selected_box (SAM_CHART_VIEW (widget));

  if (box != NULL)
    return gtk_widget_grab_focus (box);

  return GTK_WIDGET_CLASS (sam_chart_view_parent_class)->grab_focus (widget);
}

/* Tab enters the chart once and leaves it, rather than stepping through
 * every box: the arrow keys move between boxes. */
static gboolean
sam_chart_view_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  if (gtk_widget_get_state_flags (widget) & GTK_STATE_FLAG_FOCUS_WITHIN)
    return FALSE;

  return gtk_widget_grab_focus (widget);
}

static gboolean
sam_chart_view_query_tooltip (GtkWidget  *widget,
                              int         x,
                              int         y,
                              gboolean    keyboard_mode,
                              GtkTooltip *tooltip)
{
  SamChartView *self = SAM_CHART_VIEW (widget);
  g_autofree char *text = NULL;
  gint node;

  if (self->chart == NULL)
    return FALSE;

  node = keyboard_mode ? sam_chart_get_selected (self->chart) : _sam_chart_view_node_at_widget (self, x, y);
  if (node < 0)
    return FALSE;

  text = sam_chart_dup_node_description (self->chart, node);
  gtk_tooltip_set_text (tooltip, text);

  return TRUE;
}

static void
sam_chart_view_dispose (GObject *object)
{
  SamChartView *self = SAM_CHART_VIEW (object);

  GtkWidget *child;

  g_cancellable_cancel (self->build_cancellable);
  g_clear_object (&self->build_cancellable);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->chart);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_chart_view_parent_class)->dispose (object);
}

static void
sam_chart_view_finalize (GObject *object)
{
  SamChartView *self = SAM_CHART_VIEW (object);

  g_clear_error (&self->error);
  g_free (self->root_uuid);
  g_free (self->as_of);
  g_free (self->selected_uuid);
  g_free (self->anchor_uuid);
  g_hash_table_unref (self->collapsed);

  G_OBJECT_CLASS (sam_chart_view_parent_class)->finalize (object);
}

static void
sam_chart_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  SamChartView *self = SAM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_ROOT_UUID:
      g_value_set_string (value, self->root_uuid);
      break;
    case PROP_AS_OF:
      g_value_set_string (value, self->as_of);
      break;
    case PROP_SHOW_PEOPLE:
      g_value_set_boolean (value, self->show_people);
      break;
    case PROP_SELECTED_UUID:
      g_value_set_string (value, self->selected_uuid);
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_chart_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  SamChartView *self = SAM_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sam_chart_view_set_store (self, g_value_get_object (value));
      break;
    case PROP_ROOT_UUID:
      sam_chart_view_set_root_uuid (self, g_value_get_string (value));
      break;
    case PROP_AS_OF:
      sam_chart_view_set_as_of (self, g_value_get_string (value));
      break;
    case PROP_SHOW_PEOPLE:
      sam_chart_view_set_show_people (self, g_value_get_boolean (value));
      break;
    case PROP_SELECTED_UUID:
      sam_chart_view_set_selected_uuid (self, g_value_get_string (value));
      break;
    case PROP_ZOOM:
      sam_chart_view_set_zoom (self, g_value_get_double (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_chart_view_class_init (SamChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_chart_view_dispose;
  object_class->finalize = sam_chart_view_finalize;
  object_class->get_property = sam_chart_view_get_property;
  object_class->set_property = sam_chart_view_set_property;

  widget_class->snapshot = sam_chart_view_snapshot;
  widget_class->measure = sam_chart_view_measure;
  widget_class->size_allocate = sam_chart_view_size_allocate;
  widget_class->query_tooltip = sam_chart_view_query_tooltip;
  widget_class->grab_focus = sam_chart_view_grab_focus;
  widget_class->focus = sam_chart_view_focus;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ROOT_UUID] =
    g_param_spec_string ("root-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_AS_OF] =
    g_param_spec_string ("as-of", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_PEOPLE] =
    g_param_spec_boolean ("show-people", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SELECTED_UUID] =
    g_param_spec_string ("selected-uuid", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0.0001, ZOOM_MAX, 1.0,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, SAM_TYPE_CHART,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  _sam_chart_view_class_input_init (widget_class);

  gtk_widget_class_set_css_name (widget_class, "chartview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_TREE);
}

static void
sam_chart_view_init (SamChartView *self)
{
  self->zoom = 1.0;
  self->fit_pending = TRUE;
  self->collapsed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organisation chart"),
                                  -1);
  update_accessible (self);

  _sam_chart_view_input_init (self);
}

/* Public API */

GtkWidget *
sam_chart_view_new (void)
{
  return g_object_new (SAM_TYPE_CHART_VIEW, NULL);
}

SamStore *
sam_chart_view_get_store (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);

  return self->store;
}

/**
 * sam_chart_view_set_store:
 * @self: a chart view
 * @store: (nullable): the register to draw
 *
 * Shows the chart of @store, built again whenever the structure, the
 * people or their roles change.
 */
void
sam_chart_view_set_store (SamChartView *self,
                          SamStore     *store)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));
  g_return_if_fail (store == NULL || SAM_IS_STORE (store));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  g_clear_object (&self->chart);
  self->fit_pending = TRUE;
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

const char *
sam_chart_view_get_root_uuid (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);

  return self->root_uuid;
}

/**
 * sam_chart_view_set_root_uuid:
 * @self: a chart view
 * @uuid: (nullable): the group at the top of the chart, or %NULL for the
 *   whole region
 *
 * Shows one group with its subgroups and teams. A box that was in view
 * and is in the new chart keeps its place on screen; otherwise the new
 * chart is fitted.
 */
void
sam_chart_view_set_root_uuid (SamChartView *self,
                              const char   *uuid)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->root_uuid, uuid) == 0)
    return;

  g_free (self->root_uuid);
  self->root_uuid = g_strdup (uuid);
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROOT_UUID]);
}

const char *
sam_chart_view_get_as_of (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);

  return self->as_of;
}

/**
 * sam_chart_view_set_as_of:
 * @self: a chart view
 * @as_of: (nullable): a day as YYYY-MM-DD, or %NULL for today
 *
 * Shows the structure and the role holders as they stood on @as_of.
 */
void
sam_chart_view_set_as_of (SamChartView *self,
                          const char   *as_of)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->as_of, as_of) == 0)
    return;

  g_free (self->as_of);
  self->as_of = g_strdup (as_of);
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AS_OF]);
}

gboolean
sam_chart_view_get_show_people (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);

  return self->show_people;
}

/**
 * sam_chart_view_set_show_people:
 * @self: a chart view
 * @show_people: whether each box lists its role holders and vacant seats
 */
void
sam_chart_view_set_show_people (SamChartView *self,
                                gboolean      show_people)
{
  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  show_people = !!show_people;
  if (self->show_people == show_people)
    return;

  self->show_people = show_people;
  queue_rebuild (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_PEOPLE]);
}

const char *
sam_chart_view_get_selected_uuid (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);

  return self->selected_uuid;
}

/**
 * sam_chart_view_set_selected_uuid:
 * @self: a chart view
 * @uuid: (nullable): the group to select, or %NULL for none
 *
 * Selects a group and brings its box into view, opening any collapsed
 * branch it is in. A group outside the chart stays selected without a box.
 */
void
sam_chart_view_set_selected_uuid (SamChartView *self,
                                  const char   *uuid)
{
  gint node;

  g_return_if_fail (SAM_IS_CHART_VIEW (self));

  if (g_strcmp0 (self->selected_uuid, uuid) == 0)
    return;

  g_free (self->selected_uuid);
  self->selected_uuid = g_strdup (uuid);
  if (self->chart != NULL)
    {
      node = uuid != NULL ? sam_chart_find_uuid (self->chart, uuid) : -1;
      show_selection (self, node, FALSE);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_UUID]);
}

/**
 * sam_chart_view_get_chart:
 * @self: a chart view
 *
 * Returns: (transfer none) (nullable): the chart on screen, or %NULL
 *   before the first one is built or when it could not be
 */
SamChart *
sam_chart_view_get_chart (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);

  return self->chart;
}

/**
 * sam_chart_view_get_error:
 * @self: a chart view
 *
 * Returns: (transfer none) (nullable): why the last chart could not be
 *   built, such as a root group that did not exist on the as-of date
 */
const GError *
sam_chart_view_get_error (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), NULL);

  return self->error;
}

/**
 * sam_chart_view_get_loading:
 * @self: a chart view
 *
 * Returns: whether a chart is being built
 */
gboolean
sam_chart_view_get_loading (SamChartView *self)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);

  return self->loading;
}

/**
 * sam_chart_view_build_chart_async:
 * @self: a chart view with a store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the chart is built
 * @user_data: data for @callback
 *
 * Builds afresh, in a worker thread, the chart the view shows: the same
 * register, root, date, people and collapsed branches. Printing and export
 * build theirs this way, so the view may go on changing while they work.
 * Finish with sam_chart_new_from_store_finish().
 */
void
sam_chart_view_build_chart_async (SamChartView        *self,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autofree const char **collapsed = NULL;
  SamChartOptions options;

  g_return_if_fail (SAM_IS_CHART_VIEW (self));
  g_return_if_fail (self->store != NULL);

  collapsed = (const char **) g_hash_table_get_keys_as_array (self->collapsed, NULL);
  sam_chart_options_init (&options);
  options.root_uuid = self->root_uuid;
  options.as_of = self->as_of;
  options.show_people = self->show_people;
  options.collapsed = collapsed;

  sam_chart_new_from_store_async (self->store, &options, cancellable, callback, user_data);
}

/**
 * sam_chart_view_find:
 * @self: a chart view
 * @text: part of a group's name or short code
 * @next: whether to go on to the match after the selected group
 *
 * Selects the first group (or the next, after the selection) whose name or
 * code contains @text, and centres it in the view, zoomed in to at least
 * 100 % so it can be read.
 *
 * Returns: whether a group was found
 */
gboolean
sam_chart_view_find (SamChartView *self,
                     const char   *text,
                     gboolean      next)
{
  g_autoptr(GArray) nodes = NULL;
  gint selected;
  guint pick = 0;

  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  if (self->chart == NULL)
    return FALSE;

  nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  if (sam_chart_find (self->chart, text, nodes) == 0)
    return FALSE;

  selected = sam_chart_get_selected (self->chart);
  for (guint i = 0; next && selected >= 0 && i < nodes->len; i++)
    if (g_array_index (nodes, guint, i) == (guint) selected)
      {
        pick = (i + 1) % nodes->len;
        break;
      }

  _sam_chart_view_select_node (self, g_array_index (nodes, guint, pick), TRUE);

  return TRUE;
}

/**
 * sam_chart_view_get_collapsed:
 * @self: a chart view
 * @uuid: a group
 *
 * Returns: whether the group's branch is collapsed
 */
gboolean
sam_chart_view_get_collapsed (SamChartView *self,
                              const char   *uuid)
{
  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  return g_hash_table_contains (self->collapsed, uuid);
}

/**
 * sam_chart_view_set_collapsed:
 * @self: a chart view
 * @uuid: a group
 * @collapsed: whether to hide the groups under it
 *
 * Collapses or expands a branch, keeping its box where it is on screen.
 */
void
sam_chart_view_set_collapsed (SamChartView *self,
                              const char   *uuid,
                              gboolean      collapsed)
{
  gint node;

  g_return_if_fail (SAM_IS_CHART_VIEW (self));
  g_return_if_fail (uuid != NULL);

  node = self->chart != NULL ? sam_chart_find_uuid (self->chart, uuid) : -1;
  if (node >= 0)
    _sam_chart_view_set_node_collapsed (self, node, collapsed);
  else if (collapsed)
    g_hash_table_add (self->collapsed, g_strdup (uuid));
  else
    g_hash_table_remove (self->collapsed, uuid);
}

/**
 * sam_chart_view_toggle_selected:
 * @self: a chart view
 *
 * Collapses the selected branch, or expands it if it is collapsed.
 *
 * Returns: %FALSE if no group with groups under it is selected
 */
gboolean
sam_chart_view_toggle_selected (SamChartView *self)
{
  gint node;

  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);

  node = self->chart != NULL ? sam_chart_get_selected (self->chart) : -1;
  if (node < 0 || !sam_chart_node_has_children (self->chart, node))
    return FALSE;

  _sam_chart_view_set_node_collapsed (self, node, !sam_chart_get_collapsed (self->chart, node));

  return TRUE;
}

/**
 * sam_chart_view_move_selection:
 * @self: a chart view
 * @direction: %GTK_DIR_UP for the parent, %GTK_DIR_DOWN for the first
 *   child (expanding a collapsed branch), %GTK_DIR_LEFT and
 *   %GTK_DIR_RIGHT for the previous and next sibling
 *
 * Moves the selection along the tree and brings it into view.
 *
 * Returns: %FALSE if there was no selection or nowhere to go
 */
gboolean
sam_chart_view_move_selection (SamChartView     *self,
                               GtkDirectionType  direction)
{
  gint node, to = -1;

  g_return_val_if_fail (SAM_IS_CHART_VIEW (self), FALSE);

  node = self->chart != NULL ? sam_chart_get_selected (self->chart) : -1;
  if (node < 0)
    return FALSE;

  switch (direction)
    {
    case GTK_DIR_UP:
      to = sam_chart_get_node_parent (self->chart, node);
      break;
    case GTK_DIR_DOWN:
      if (sam_chart_get_collapsed (self->chart, node))
        _sam_chart_view_set_node_collapsed (self, node, FALSE);
      to = sam_chart_get_node_first_child (self->chart, node);
      break;
    case GTK_DIR_LEFT:
      to = sam_chart_get_node_prev_sibling (self->chart, node);
      break;
    case GTK_DIR_RIGHT:
      to = sam_chart_get_node_next_sibling (self->chart, node);
      break;
    case GTK_DIR_TAB_FORWARD:
    case GTK_DIR_TAB_BACKWARD:
    default:
      break;
    }

  if (to < 0)
    return FALSE;

  _sam_chart_view_select_node (self, to, FALSE);

  return TRUE;
}

/* sam-chart-view-a11y.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-view"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sam-chart-box.h"
#include "sam-chart-view-private.h"

/*
 * The chart for screen readers. The view draws the boxes itself, which
 * GTK 4.8 cannot see into, so each box shown (not hidden in a collapsed
 * branch) gets a SamChartBox child laid over it: a tree item named after
 * the group, with its level, its place among its siblings, whether it is
 * expanded, and a description of its kind, chair, head count, holders,
 * vacant seats, hidden groups and place (“3 av 14”). The focus follows the
 * selection onto the selected box, so a screen reader speaks each move.
 */

static guint
node_depth (SamChart *chart,
            guint     node)
{
  guint depth = 0;

  for (gint p = sam_chart_get_node_parent (chart, node); p >= 0; p = sam_chart_get_node_parent (chart, p))
    depth++;

  return depth;
}

/* The groups under @node: nodes are numbered in pre-order, so they are
 * the ones right after it whose ancestors include it. */
static guint
count_descendants (SamChart *chart,
                   guint     node)
{
  guint n = sam_chart_get_n_nodes (chart);
  guint end = node + 1;

  while (end < n)
    {
      gint p = sam_chart_get_node_parent (chart, end);

      while (p > (gint) node)
        p = sam_chart_get_node_parent (chart, p);
      if (p != (gint) node)
        break;
      end++;
    }

  return end - node - 1;
}

static void
get_position (SamChart *chart,
              guint     node,
              guint    *position,
              guint    *set_size)
{
  *position = 1;
  for (gint s = sam_chart_get_node_prev_sibling (chart, node); s >= 0; s = sam_chart_get_node_prev_sibling (chart, s))
    (*position)++;
  *set_size = *position;
  for (gint s = sam_chart_get_node_next_sibling (chart, node); s >= 0; s = sam_chart_get_node_next_sibling (chart, s))
    (*set_size)++;
}

static char *
dup_box_description (SamChart *chart,
                     guint     node,
                     guint     position,
                     guint     set_size,
                     guint     level)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  const char * const *people = sam_chart_get_node_people (chart, node);
  const char *chair = sam_chart_get_node_chair (chart, node);
  guint n_members = sam_chart_get_node_n_members (chart, node);
  guint n_vacant = sam_chart_get_node_n_vacant (chart, node);

  g_ptr_array_add (parts, g_strdup (sam_group_kind_get_label (sam_chart_get_node_kind (chart, node))));
  if (chair != NULL)
    /* Translators: a chart box read aloud, its chair */
    g_ptr_array_add (parts, g_strdup_printf (_("chair %s"), chair));
  g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u member", "%u members", n_members), n_members));
  if (n_vacant > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u vacant seat", "%u vacant seats", n_vacant), n_vacant));
  for (guint i = 0; people != NULL && people[i] != NULL; i++)
    g_ptr_array_add (parts, g_strdup (people[i]));
  if (sam_chart_get_collapsed (chart, node))
    {
      guint hidden = count_descendants (chart, node);

      /* Translators: a collapsed chart box read aloud */
      g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u group hidden", "%u groups hidden", hidden), hidden));
    }
  /* Translators: a chart box read aloud, its place among the groups
   * beside it, as in “3 of 14” */
  g_ptr_array_add (parts, g_strdup_printf (_("%u of %u"), position, set_size));
  /* Translators: a chart box read aloud, its depth in the tree (1 is the top) */
  g_ptr_array_add (parts, g_strdup_printf (_("level %u"), level));
  g_ptr_array_add (parts, NULL);

  return g_strjoinv (", ", (char **) parts->pdata);
}

static void
describe_box (SamChartView *self,
              SamChartBox  *box)
{
  guint node = sam_chart_box_get_node (box);
  g_autofree char *description = NULL;
  guint position, set_size, level = node_depth (self->chart, node) + 1;

  get_position (self->chart, node, &position, &set_size);
  description = dup_box_description (self->chart, node, position, set_size, level);
  sam_chart_box_set_description (box, description);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, sam_chart_get_node_name (self->chart, node),
                                  GTK_ACCESSIBLE_PROPERTY_LEVEL, (int) level,
                                  -1);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_POS_IN_SET, (int) position,
                                  GTK_ACCESSIBLE_RELATION_SET_SIZE, (int) set_size,
                                  -1);
  if (sam_chart_node_has_children (self->chart, node))
    gtk_accessible_update_state (GTK_ACCESSIBLE (box),
                                 GTK_ACCESSIBLE_STATE_EXPANDED, !sam_chart_get_collapsed (self->chart, node),
                                 -1);
  else
    gtk_accessible_reset_state (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_STATE_EXPANDED);
  gtk_accessible_update_state (GTK_ACCESSIBLE (box),
                               GTK_ACCESSIBLE_STATE_SELECTED, (int) node == sam_chart_get_selected (self->chart),
                               -1);
}

static gboolean
focus_within (SamChartView *self)
{
  return (gtk_widget_get_state_flags (GTK_WIDGET (self)) & GTK_STATE_FLAG_FOCUS_WITHIN) != 0;
}

static SamChartBox *
find_box (SamChartView *self,
          gint          node)
{
  if (node < 0)
    return NULL;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (sam_chart_box_get_node (SAM_CHART_BOX (child)) == (guint) node)
      return SAM_CHART_BOX (child);

  return NULL;
}

/**
 * _sam_chart_view_get_selected_box:
 * @self: a chart view
 *
 * Returns: (transfer none) (nullable): the accessible box of the selection
 */
GtkWidget *
_sam_chart_view_get_selected_box (SamChartView *self)
{
  if (self->chart == NULL)
    return NULL;

  return GTK_WIDGET (find_box (self, sam_chart_get_selected (self->chart)));
}

/* Gives one box per box shown, in the chart's order (a parent before its
 * children), reusing the ones there are so the focus stays put. */
void
_sam_chart_view_update_boxes (SamChartView *self)
{
  guint n = self->chart != NULL ? sam_chart_get_n_nodes (self->chart) : 0;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
  gboolean had_focus = focus_within (self);

  for (guint node = 0; node < n; node++)
    {
      SamChartRect bounds;

      if (!sam_chart_get_node_bounds (self->chart, node, &bounds))
        continue;
      if (child == NULL)
        {
          child = sam_chart_box_new ();
          gtk_widget_set_parent (child, GTK_WIDGET (self));
        }
      sam_chart_box_set_node (SAM_CHART_BOX (child), node);
      describe_box (self, SAM_CHART_BOX (child));
      child = gtk_widget_get_next_sibling (child);
    }

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      gtk_widget_unparent (child);
      child = next;
    }

  if (had_focus)
    _sam_chart_view_focus_selected (self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* The selection moved: the boxes say which is selected, and the focus, if
 * it was in the chart, moves onto the selected box. */
void
_sam_chart_view_update_selected_box (SamChartView *self)
{
  gint selected = self->chart != NULL ? sam_chart_get_selected (self->chart) : -1;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_accessible_update_state (GTK_ACCESSIBLE (child),
                                 GTK_ACCESSIBLE_STATE_SELECTED,
                                 (gint) sam_chart_box_get_node (SAM_CHART_BOX (child)) == selected,
                                 -1);

  if (focus_within (self))
    _sam_chart_view_focus_selected (self);
}

void
_sam_chart_view_focus_selected (SamChartView *self)
{
  GtkWidget *box = _sam_chart_view_get_selected_box (self);

  /* Without a selection the view's own grab_focus focuses the view. */
  gtk_widget_grab_focus (box != NULL ? box : GTK_WIDGET (self));
}

/* Lays each box over the one drawn, so it has the box's place on screen. */
void
_sam_chart_view_allocate_boxes (SamChartView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      SamChartRect bounds;
      int min;

      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &min, NULL, NULL, NULL);
      if (self->chart == NULL || !sam_chart_get_node_bounds (self->chart, sam_chart_box_get_node (SAM_CHART_BOX (child)), &bounds))
        continue;
      gtk_widget_size_allocate (child,
                                &(GtkAllocation) {
                                  (int) floor ((bounds.x - self->origin_x) * self->zoom),
                                  (int) floor ((bounds.y - self->origin_y) * self->zoom),
                                  MAX (1, (int) ceil (bounds.width * self->zoom)),
                                  MAX (1, (int) ceil (bounds.height * self->zoom)),
                                },
                                -1);
    }

  self->placed_zoom = self->zoom;
  self->placed_x = self->origin_x;
  self->placed_y = self->origin_y;
}

/* The view moved or zoomed: draw it, and lay the boxes over their new
 * places, but only if they moved, so a fit in an allocation ends. */
void
_sam_chart_view_queue_place (SamChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (self->zoom != self->placed_zoom || self->origin_x != self->placed_x || self->origin_y != self->placed_y)
    gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* sam-chart.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-chart-private.h"
#include "sam-match.h"

/*
 * The chart once built (see sam-chart-build.c): its nodes in pre-order
 * with their text, the tree and layout of their boxes, laid out again when
 * a branch is collapsed or expanded, the selection, and the Pango layouts
 * the renderer draws the boxes with, kept for the boxes drawn last.
 */

G_DEFINE_QUARK (sam-chart-error-quark, sam_chart_error)

G_DEFINE_FINAL_TYPE (SamChart, sam_chart, G_TYPE_OBJECT)

static void
node_clear (SamChartNode *node)
{
  g_free (node->uuid);
  g_free (node->name);
  g_free (node->code);
  g_free (node->chair);
  g_strfreev (node->people);
  g_free (node->details);
  g_free (node->search_key);
  g_clear_object (&node->title_layout);
  g_clear_object (&node->details_layout);
}

static void
sam_chart_finalize (GObject *object)
{
  SamChart *self = (SamChart *) object;

  _sam_chart_clear_cache (self);
  for (guint i = 0; i < self->n_nodes; i++)
    node_clear (&self->nodes[i]);
  g_free (self->nodes);
  g_clear_pointer (&self->tree, sam_chart_tree_free);
  g_clear_pointer (&self->layout, sam_chart_layout_free);
  g_free (self->as_of);
  g_free (self->registry_number);
  g_free (self->title);
  g_free (self->region);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  g_array_unref (self->scratch_nodes);
  g_array_unref (self->scratch_edges);

  G_OBJECT_CLASS (sam_chart_parent_class)->finalize (object);
}

static void
sam_chart_class_init (SamChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_chart_finalize;
}

static void
sam_chart_init (SamChart *self)
{
  cairo_font_options_t *options;

  self->selected = -1;
  g_queue_init (&self->cache);
  self->scratch_nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  self->scratch_edges = g_array_new (FALSE, FALSE, sizeof (guint));

  /* A font map of its own rather than the thread's default, so a chart
   * built in a worker thread can be drawn in the main one. */
  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);

  /* Chart units are points: one Pango point is one unit. Unhinted metrics
   * keep line breaks and box sizes the same at every zoom and on paper. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);
}

/* Private helpers shared with the renderer and the page writer */

/**
 * _sam_chart_kind_width:
 * @kind: a group kind
 * @show_people: whether boxes list their people
 *
 * Boxes have one width per kind, widest at the top of the hierarchy, so
 * rows look orderly and the kind shows in the shape as well as the colour.
 *
 * Returns: the box width in chart units
 */
double
_sam_chart_kind_width (SamGroupKind kind,
                       gboolean     show_people)
{
  double width;

  switch (kind)
    {
    case SAM_GROUP_KIND_EXECUTIVE_GROUP:
    case SAM_GROUP_KIND_MANAGEMENT_GROUP:
      width = 184;
      break;
    case SAM_GROUP_KIND_COUNCIL:
      width = 168;
      break;
    case SAM_GROUP_KIND_PRIORITY_COUNCIL:
    case SAM_GROUP_KIND_CLINICAL_MANAGEMENT:
    case SAM_GROUP_KIND_CORPORATE_GROUP:
    case SAM_GROUP_KIND_NATIONAL_PROGRAMME_AREA:
    case SAM_GROUP_KIND_REGIONAL_PROGRAMME_AREA:
      width = 160;
      break;
    case SAM_GROUP_KIND_SUBGROUP:
    case SAM_GROUP_KIND_OTHER:
      width = 148;
      break;
    case SAM_GROUP_KIND_PROCESS_TEAM:
    default:
      width = 140;
      break;
    }

  return show_people ? width + 36 : width;
}

/**
 * _sam_chart_new_layout:
 * @self: a chart
 * @size: the font size in points
 * @bold: whether the font is bold
 * @width: the wrapping width in chart units
 *
 * Returns: (transfer full): an empty layout in the chart's context
 */
PangoLayout *
_sam_chart_new_layout (SamChart *self,
                       double    size,
                       gboolean  bold,
                       double    width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family_static (font, SAM_CHART_FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    pango_layout_set_width (layout, pango_units_from_double (width));

  return layout;
}

/**
 * _sam_chart_node_layouts:
 * @self: a chart
 * @node: a node
 * @title: (out) (transfer none): the layout of the group's name
 * @details: (out) (transfer none): the layout of the lines below it
 *
 * Gets the node's layouts, made on first use and kept for the
 * %SAM_CHART_CACHE_SIZE most recently drawn nodes: making a layout costs
 * far more than drawing one, and a 10 000-box chart would hold too much
 * memory if every box kept its own.
 */
void
_sam_chart_node_layouts (SamChart     *self,
                         guint         node,
                         PangoLayout **title,
                         PangoLayout **details)
{
  SamChartNode *n = &self->nodes[node];

  if (n->cache_link != NULL)
    {
      if (self->cache.head != n->cache_link)
        {
          g_queue_unlink (&self->cache, n->cache_link);
          g_queue_push_head_link (&self->cache, n->cache_link);
        }
    }
  else
    {
      double width = 0, height = 0;

      /* The box's own width: one whose text would not fit three lines
       * was made wider. */
      sam_chart_tree_get_size (self->tree, node, &width, &height);
      width -= 2 * SAM_CHART_PAD;

      if (self->cache.length >= SAM_CHART_CACHE_SIZE)
        {
          GList *last = g_queue_pop_tail_link (&self->cache);
          SamChartNode *old = &self->nodes[GPOINTER_TO_UINT (last->data)];

          g_clear_object (&old->title_layout);
          g_clear_object (&old->details_layout);
          old->cache_link = NULL;
          g_list_free_1 (last);
        }

      n->title_layout = _sam_chart_new_layout (self, SAM_CHART_TITLE_SIZE, TRUE, width);
      _sam_chart_setup_title_layout (n->title_layout);
      pango_layout_set_text (n->title_layout, n->name, -1);
      n->details_layout = _sam_chart_new_layout (self, SAM_CHART_DETAIL_SIZE, FALSE, width);
      _sam_chart_setup_details_layout (n->details_layout);
      pango_layout_set_markup (n->details_layout, n->details, -1);

      g_queue_push_head (&self->cache, GUINT_TO_POINTER (node));
      n->cache_link = self->cache.head;
    }

  *title = n->title_layout;
  *details = n->details_layout;
}

/**
 * _sam_chart_clear_cache:
 * @self: a chart
 *
 * Drops every cached layout.
 */
void
_sam_chart_clear_cache (SamChart *self)
{
  GList *l;

  for (l = self->cache.head; l != NULL; l = l->next)
    {
      SamChartNode *n = &self->nodes[GPOINTER_TO_UINT (l->data)];

      g_clear_object (&n->title_layout);
      g_clear_object (&n->details_layout);
      n->cache_link = NULL;
    }
  g_queue_clear (&self->cache);
}

/**
 * sam_chart_get_as_of:
 * @self: a chart
 *
 * Returns: (transfer none): the day the chart shows, as YYYY-MM-DD
 */
const char *
sam_chart_get_as_of (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);

  return self->as_of;
}

/**
 * sam_chart_get_registry_number:
 * @self: a chart
 *
 * Returns: (transfer none) (nullable): the registry number of the chosen
 *   root group's commission, if it has one
 */
const char *
sam_chart_get_registry_number (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);

  return self->registry_number;
}

/**
 * sam_chart_get_title:
 * @self: a chart
 *
 * Returns: (transfer none): the chart's default title: the root group's
 *   name, else the register's name, else “Organisation Chart”
 */
const char *
sam_chart_get_title (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);

  return self->title;
}

/**
 * sam_chart_get_show_people:
 * @self: a chart
 *
 * Returns: whether the boxes list their people
 */
gboolean
sam_chart_get_show_people (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), FALSE);

  return self->show_people;
}

/**
 * sam_chart_get_layout:
 * @self: a chart
 *
 * Returns: (transfer none): the chart's current layout, replaced when a
 *   node is collapsed or expanded
 */
const SamChartLayout *
sam_chart_get_layout (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);

  return self->layout;
}

/**
 * sam_chart_get_extents:
 * @self: a chart
 * @extents: (out caller-allocates): the chart's size, from (0, 0)
 */
void
sam_chart_get_extents (SamChart     *self,
                       SamChartRect *extents)
{
  g_return_if_fail (SAM_IS_CHART (self));

  sam_chart_layout_get_extents (self->layout, extents);
}

/**
 * sam_chart_get_n_nodes:
 * @self: a chart
 *
 * Returns: the number of groups in the chart, shown or collapsed away
 */
guint
sam_chart_get_n_nodes (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), 0);

  return self->n_nodes;
}

/**
 * sam_chart_node_at:
 * @self: a chart
 * @x: x in chart units
 * @y: y in chart units
 *
 * Returns: the node whose box is at (@x, @y), or -1
 */
gint
sam_chart_node_at (SamChart *self,
                   double    x,
                   double    y)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);

  return sam_chart_layout_node_at (self->layout, x, y);
}

/**
 * sam_chart_get_node_bounds:
 * @self: a chart
 * @node: a node
 * @bounds: (out caller-allocates): its box in chart units
 *
 * Returns: %FALSE if @node is hidden inside a collapsed branch
 */
gboolean
sam_chart_get_node_bounds (SamChart     *self,
                           guint         node,
                           SamChartRect *bounds)
{
  g_return_val_if_fail (SAM_IS_CHART (self), FALSE);
  g_return_val_if_fail (node < self->n_nodes, FALSE);

  return sam_chart_layout_get_box (self->layout, node, bounds);
}

/**
 * sam_chart_get_node_uuid:
 * @self: a chart
 * @node: a node
 *
 * Returns: (transfer none): the group's UUID
 */
const char *
sam_chart_get_node_uuid (SamChart *self,
                         guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  return self->nodes[node].uuid;
}

/**
 * sam_chart_get_node_name:
 * @self: a chart
 * @node: a node
 *
 * Returns: (transfer none): the group's name
 */
const char *
sam_chart_get_node_name (SamChart *self,
                         guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  return self->nodes[node].name;
}

/**
 * sam_chart_get_node_code:
 * @self: a chart
 * @node: a node
 *
 * Returns: (transfer none) (nullable): the group's short code
 */
const char *
sam_chart_get_node_code (SamChart *self,
                         guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  return self->nodes[node].code;
}

/**
 * sam_chart_get_node_kind:
 * @self: a chart
 * @node: a node
 *
 * Returns: the group's kind
 */
SamGroupKind
sam_chart_get_node_kind (SamChart *self,
                         guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), SAM_GROUP_KIND_OTHER);
  g_return_val_if_fail (node < self->n_nodes, SAM_GROUP_KIND_OTHER);

  return self->nodes[node].kind;
}

/**
 * sam_chart_get_node_chair:
 * @self: a chart
 * @node: a node
 *
 * Returns: (transfer none) (nullable): the chair on the as-of date as
 *   shown in the box (several names if there are co-chairs, “(term
 *   ended)” after a name kept on until a successor starts), or %NULL
 */
const char *
sam_chart_get_node_chair (SamChart *self,
                          guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  return self->nodes[node].chair;
}

/**
 * sam_chart_get_node_n_members:
 * @self: a chart
 * @node: a node
 *
 * Returns: the number of people who were chair or member on the as-of date
 */
guint
sam_chart_get_node_n_members (SamChart *self,
                              guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), 0);
  g_return_val_if_fail (node < self->n_nodes, 0);

  return self->nodes[node].n_members;
}

/**
 * sam_chart_get_node_n_vacant:
 * @self: a chart
 * @node: a node
 *
 * Returns: the number of the commission's seats nobody filled on the as-of date
 */
guint
sam_chart_get_node_n_vacant (SamChart *self,
                             guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), 0);
  g_return_val_if_fail (node < self->n_nodes, 0);

  return self->nodes[node].n_vacant;
}

/**
 * sam_chart_get_node_people:
 * @self: a chart
 * @node: a node
 *
 * Gets the lines the box lists when the chart shows people (they are kept
 * either way, for accessibility): one “Role: Name” line per holder other
 * than the chair, coordinator and contact person first, and a
 * “Member: Vacant (organisation)” line per vacant seat.
 *
 * Returns: (transfer none) (array zero-terminated=1): the lines
 */
const char * const *
sam_chart_get_node_people (SamChart *self,
                           guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  return (const char * const *) self->nodes[node].people;
}

/**
 * sam_chart_dup_node_description:
 * @self: a chart
 * @node: a node
 *
 * Describes a box in one line for screen readers: name, kind and chair.
 *
 * Returns: (transfer full): the description
 */
char *
sam_chart_dup_node_description (SamChart *self,
                                guint     node)
{
  SamChartNode *n;

  g_return_val_if_fail (SAM_IS_CHART (self), NULL);
  g_return_val_if_fail (node < self->n_nodes, NULL);

  n = &self->nodes[node];
  if (n->chair != NULL)
    /* Translators: a chart box read aloud: the group's name, its kind and
     * its chair, as in “Operation council, Council, chair Anna Berg” */
    return g_strdup_printf (_("%s, %s, chair %s"), n->name, sam_group_kind_get_label (n->kind), n->chair);

  /* Translators: a chart box read aloud: the group's name and its kind */
  return g_strdup_printf (_("%s, %s"), n->name, sam_group_kind_get_label (n->kind));
}

/**
 * sam_chart_get_node_parent:
 * @self: a chart
 * @node: a node
 *
 * Returns: the parent node, or -1 for a root
 */
gint
sam_chart_get_node_parent (SamChart *self,
                           guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);
  g_return_val_if_fail (node < self->n_nodes, -1);

  return self->nodes[node].parent;
}

/**
 * sam_chart_get_node_first_child:
 * @self: a chart
 * @node: a node
 *
 * Returns: the first child shown on screen, or -1 if there is none or
 *   @node is collapsed
 */
gint
sam_chart_get_node_first_child (SamChart *self,
                                guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);
  g_return_val_if_fail (node < self->n_nodes, -1);

  if (sam_chart_tree_get_collapsed (self->tree, node))
    return -1;

  return self->nodes[node].first_child;
}

/**
 * sam_chart_get_node_next_sibling:
 * @self: a chart
 * @node: a node
 *
 * Returns: the next node with the same parent (for roots: the next root), or -1
 */
gint
sam_chart_get_node_next_sibling (SamChart *self,
                                 guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);
  g_return_val_if_fail (node < self->n_nodes, -1);

  return self->nodes[node].next_sibling;
}

/**
 * sam_chart_get_node_prev_sibling:
 * @self: a chart
 * @node: a node
 *
 * Returns: the previous node with the same parent, or -1
 */
gint
sam_chart_get_node_prev_sibling (SamChart *self,
                                 guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);
  g_return_val_if_fail (node < self->n_nodes, -1);

  return self->nodes[node].prev_sibling;
}

/**
 * sam_chart_node_has_children:
 * @self: a chart
 * @node: a node
 *
 * Returns: whether @node has children, shown or collapsed
 */
gboolean
sam_chart_node_has_children (SamChart *self,
                             guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), FALSE);
  g_return_val_if_fail (node < self->n_nodes, FALSE);

  return self->nodes[node].first_child >= 0;
}

/**
 * sam_chart_find_uuid:
 * @self: a chart
 * @uuid: a group's UUID
 *
 * Returns: the group's node, or -1 if it is not in the chart
 */
gint
sam_chart_find_uuid (SamChart   *self,
                     const char *uuid)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);
  g_return_val_if_fail (uuid != NULL, -1);

  for (guint i = 0; i < self->n_nodes; i++)
    if (strcmp (self->nodes[i].uuid, uuid) == 0)
      return (gint) i;

  return -1;
}

/**
 * sam_chart_find:
 * @self: a chart
 * @text: what to look for in names and codes
 * @nodes: (element-type guint): an array of guint to append matches to
 *
 * Finds the groups whose name or short code contains @text, by the search
 * rule of every list (sam-match.c): any case and punctuation, å, ä and ö
 * letters of their own, so “ö” finds “Östra” and not “Ostra”.
 *
 * Returns: the number of nodes appended, in node order
 */
guint
sam_chart_find (SamChart   *self,
                const char *text,
                GArray     *nodes)
{
  g_autoptr(SamMatcher) matcher = NULL;
  guint found = 0;

  g_return_val_if_fail (SAM_IS_CHART (self), 0);
  g_return_val_if_fail (text != NULL, 0);
  g_return_val_if_fail (nodes != NULL, 0);

  if ((matcher = sam_matcher_new (text)) == NULL)
    return 0;

  for (guint i = 0; i < self->n_nodes; i++)
    {
      SamChartNode *n = &self->nodes[i];

      if (n->search_key == NULL)
        {
          g_autofree char *key = g_strconcat (n->name, "\n", n->code != NULL ? n->code : "", NULL);

          n->search_key = sam_match_fold (key);
        }
      if (sam_matcher_match (matcher, n->search_key))
        {
          g_array_append_val (nodes, i);
          found++;
        }
    }

  return found;
}

/**
 * sam_chart_set_collapsed:
 * @self: a chart
 * @node: a node
 * @collapsed: whether to hide its descendants
 *
 * Collapses or expands a branch and lays the chart out again. Node numbers
 * stay the same; get the boxes again from the new layout.
 */
void
sam_chart_set_collapsed (SamChart *self,
                         guint     node,
                         gboolean  collapsed)
{
  g_return_if_fail (SAM_IS_CHART (self));
  g_return_if_fail (node < self->n_nodes);

  if (!sam_chart_tree_get_collapsed (self->tree, node) == !collapsed)
    return;

  sam_chart_tree_set_collapsed (self->tree, node, collapsed);
  g_clear_pointer (&self->layout, sam_chart_layout_free);
  self->layout = sam_chart_layout_compute (self->tree, &self->style);
}

/**
 * sam_chart_get_collapsed:
 * @self: a chart
 * @node: a node
 *
 * Returns: whether @node's descendants are hidden
 */
gboolean
sam_chart_get_collapsed (SamChart *self,
                         guint     node)
{
  g_return_val_if_fail (SAM_IS_CHART (self), FALSE);
  g_return_val_if_fail (node < self->n_nodes, FALSE);

  return sam_chart_tree_get_collapsed (self->tree, node);
}

/**
 * sam_chart_set_selected:
 * @self: a chart
 * @node: the node to highlight, or -1 for none
 *
 * Sets the node that sam_chart_render() draws with a selection ring.
 */
void
sam_chart_set_selected (SamChart *self,
                        gint      node)
{
  g_return_if_fail (SAM_IS_CHART (self));
  g_return_if_fail (node >= -1 && node < (gint) self->n_nodes);

  self->selected = node;
}

/**
 * sam_chart_get_selected:
 * @self: a chart
 *
 * Returns: the highlighted node, or -1
 */
gint
sam_chart_get_selected (SamChart *self)
{
  g_return_val_if_fail (SAM_IS_CHART (self), -1);

  return self->selected;
}

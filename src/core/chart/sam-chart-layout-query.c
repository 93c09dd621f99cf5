/* sam-chart-layout-query.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "sam-chart-layout-private.h"

/*
 * Reading a layout: each box, the edges as orthogonal polylines routed on
 * demand, and a uniform grid over the chart, built by the first query, to
 * find the box under a point and the boxes and edges in view.
 */

/* The grid cell holding coordinate v, clamped to the grid. Truncation is
 * floor() for the positive values that get there, and much cheaper. */
static inline guint
cell_index (double v,
            double inv_cell,
            guint  n)
{
  double c = v * inv_cell;

  if (!(c > 0))
    return 0;
  return c >= n ? n - 1 : (guint) c;
}

static void
build_grid (SamChartLayout *self)
{
  guint i, n_visible = 0, n_cells, total = 0;
  double w = self->extents.width, h = self->extents.height, cell;

  for (i = 0; i < self->n_nodes; i++)
    n_visible += self->state[i] != 0;
  if (n_visible == 0)
    return;

  /* About one box per cell, but never more cells than three per box, so
   * long thin charts (a chain, a star) keep a small index. */
  cell = sqrt (w * h / n_visible);
  cell = MAX (cell, w / n_visible);
  cell = MAX (cell, h / n_visible);
  if (!(cell > 0))
    cell = 1;
  self->inv_cell = 1 / cell;
  self->cols = MIN ((guint) (w / cell) + 1, n_visible + 1);
  self->rows = MIN ((guint) (h / cell) + 1, n_visible + 1);
  n_cells = self->cols * self->rows;

  self->cell_start = g_new0 (guint, n_cells + 1);

  for (i = 0; i < self->n_nodes; i++)
    {
      guint c0, c1, r0, r1, r, c;

      if (self->state[i] == 0)
        continue;
      c0 = cell_index (self->x[i], self->inv_cell, self->cols);
      c1 = cell_index (self->x[i] + self->width[i], self->inv_cell, self->cols);
      r0 = cell_index (self->y[i], self->inv_cell, self->rows);
      r1 = cell_index (self->y[i] + self->height[i], self->inv_cell, self->rows);
      for (r = r0; r <= r1; r++)
        for (c = c0; c <= c1; c++)
          self->cell_start[r * self->cols + c]++;
    }

  /* Running ends, then fill backwards so each cell's start falls in place
   * and its items come out in node order. */
  for (i = 0; i < n_cells; i++)
    {
      total += self->cell_start[i];
      self->cell_start[i] = total;
    }
  self->cell_start[n_cells] = total;
  self->cell_items = g_new (guint, MAX (total, 1));

  for (i = self->n_nodes; i-- > 0;)
    {
      guint c0, c1, r0, r1, r, c;

      if (self->state[i] == 0)
        continue;
      c0 = cell_index (self->x[i], self->inv_cell, self->cols);
      c1 = cell_index (self->x[i] + self->width[i], self->inv_cell, self->cols);
      r0 = cell_index (self->y[i], self->inv_cell, self->rows);
      r1 = cell_index (self->y[i] + self->height[i], self->inv_cell, self->rows);
      for (r = r0; r <= r1; r++)
        for (c = c0; c <= c1; c++)
          self->cell_items[--self->cell_start[r * self->cols + c]] = i;
    }
}

/* The grid costs a good part of what the layout does on a big tree, and
 * only a chart on screen needs it, so the first query builds it; the
 * layout stays logically constant and safe to share between threads. */
static const SamChartLayout *
ensure_grid (const SamChartLayout *layout)
{
  SamChartLayout *self = (SamChartLayout *) layout;

  if (g_once_init_enter (&self->grid_ready))
    {
      build_grid (self);
      g_once_init_leave (&self->grid_ready, 1);
    }

  return layout;
}

/**
 * sam_chart_layout_get_n_nodes:
 * @layout: a layout
 *
 * Returns: the number of nodes of the tree that was laid out
 */
guint
sam_chart_layout_get_n_nodes (const SamChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_nodes;
}

/**
 * sam_chart_layout_get_x:
 * @layout: a layout
 *
 * Returns: (array) (transfer none): the left edge of every node's box,
 *   indexed by node; 0 for hidden nodes
 */
const double *
sam_chart_layout_get_x (const SamChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->x;
}

/**
 * sam_chart_layout_get_y:
 * @layout: a layout
 *
 * Returns: (array) (transfer none): the top edge of every node's box,
 *   indexed by node; 0 for hidden nodes
 */
const double *
sam_chart_layout_get_y (const SamChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, NULL);

  return layout->y;
}

/**
 * sam_chart_layout_get_box:
 * @layout: a layout
 * @node: a node
 * @box: (out caller-allocates): the node's box
 *
 * Returns: %TRUE if @node is visible, %FALSE if it is inside a collapsed
 *   branch (then @box is empty)
 */
gboolean
sam_chart_layout_get_box (const SamChartLayout *layout,
                          guint                 node,
                          SamChartRect         *box)
{
  g_return_val_if_fail (layout != NULL, FALSE);
  g_return_val_if_fail (node < layout->n_nodes, FALSE);
  g_return_val_if_fail (box != NULL, FALSE);

  if (layout->state[node] == 0)
    {
      *box = (SamChartRect) { 0, 0, 0, 0 };
      return FALSE;
    }

  box->x = layout->x[node];
  box->y = layout->y[node];
  box->width = layout->width[node];
  box->height = layout->height[node];
  return TRUE;
}

/**
 * sam_chart_layout_get_node_state:
 * @layout: a layout
 * @node: a node
 *
 * Returns: whether @node is visible, stacked, or collapsed with hidden
 *   children (0 for a node inside a collapsed branch)
 */
SamChartNodeState
sam_chart_layout_get_node_state (const SamChartLayout *layout,
                                 guint                 node)
{
  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (node < layout->n_nodes, 0);

  return (SamChartNodeState) layout->state[node];
}

/**
 * sam_chart_layout_get_extents:
 * @layout: a layout
 * @extents: (out caller-allocates): the rectangle holding every box
 *
 * Gets the chart's size; its extents always start at (0, 0).
 */
void
sam_chart_layout_get_extents (const SamChartLayout *layout,
                              SamChartRect         *extents)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (extents != NULL);

  *extents = layout->extents;
}

/**
 * sam_chart_layout_get_orientation:
 * @layout: a layout
 *
 * Returns: the orientation @layout was computed for
 */
SamChartOrientation
sam_chart_layout_get_orientation (const SamChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, SAM_CHART_TOP_DOWN);

  return layout->orientation;
}

/**
 * sam_chart_layout_get_n_edges:
 * @layout: a layout
 *
 * Gets the number of edges: first one tree edge for every visible node
 * that has a parent, in node order, then the secondary edges in the order
 * they were added (without those that collapsing turned into loops).
 *
 * Returns: the number of edges
 */
guint
sam_chart_layout_get_n_edges (const SamChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->n_tree_edges + layout->n_secondary;
}

typedef struct
{
  double b0, d0, b1, d1;
} Span;

static inline Span
abstract_box (const SamChartLayout *self,
              guint                 node)
{
  if (self->orientation == SAM_CHART_LEFT_RIGHT)
    return (Span) { self->y[node], self->x[node],
                    self->y[node] + self->height[node], self->x[node] + self->width[node] };

  return (Span) { self->x[node], self->y[node],
                  self->x[node] + self->width[node], self->y[node] + self->height[node] };
}

/* Whether two coordinates differ by rounding only, as a parent's centre and
 * that of its only child may: joining them needs no jog. */
static inline gboolean
same_coordinate (double a,
                 double b)
{
  return fabs (a - b) <= 1e-9 * (1 + fabs (a));
}

static inline void
add_point (const SamChartLayout *self,
           SamChartEdge         *edge,
           double                b,
           double                d)
{
  gboolean lr = self->orientation == SAM_CHART_LEFT_RIGHT;
  SamChartPoint p = { lr ? d : b, lr ? b : d };
  SamChartPoint *last = edge->n_points > 0 ? &edge->points[edge->n_points - 1] : NULL;

  if (last != NULL)
    {
      /* Keep segments exactly axis-parallel, and leave out those of no
       * length and points in the middle of a straight run. */
      if (same_coordinate (last->x, p.x))
        p.x = last->x;
      if (same_coordinate (last->y, p.y))
        p.y = last->y;
      if (p.x == last->x && p.y == last->y)
        return;
      if (edge->n_points >= 2
          && ((last[-1].x == last->x && last->x == p.x) || (last[-1].y == last->y && last->y == p.y)))
        {
          *last = p;
          return;
        }
    }

  edge->points[edge->n_points++] = p;
}

/* Parent's bottom centre, down half the level gap, across, and into the
 * child's top centre; stacked children are reached along the spine and
 * entered from the side. */
static void
route_tree_edge (const SamChartLayout *self,
                 guint                 child,
                 SamChartEdge         *edge)
{
  guint parent = self->parent[child];
  Span p = abstract_box (self, parent);
  Span c = abstract_box (self, child);
  double pc = (p.b0 + p.b1) / 2;
  double mid = p.d1 + self->level_gap / 2;

  edge->from = parent;
  edge->to = child;
  edge->kind = SAM_CHART_EDGE_TREE;
  edge->n_points = 0;

  add_point (self, edge, pc, p.d1);

  if (self->state[child] & SAM_CHART_NODE_STATE_STACKED)
    {
      double spine = self->stacks[self->stack_of[child]].spine;
      double cm = (c.d0 + c.d1) / 2;

      if (same_coordinate (pc, spine))
        spine = pc;
      else
        {
          add_point (self, edge, pc, mid);
          add_point (self, edge, spine, mid);
        }
      add_point (self, edge, spine, cm);
      add_point (self, edge, c.b0 >= spine ? c.b0 : c.b1, cm);
    }
  else
    {
      double cc = (c.b0 + c.b1) / 2;

      if (same_coordinate (pc, cc))
        cc = pc;
      else
        {
          add_point (self, edge, pc, mid);
          add_point (self, edge, cc, mid);
        }
      add_point (self, edge, cc, c.d0);
    }
}

/* Out of the side of the source facing the target, along a channel in the
 * gap next to the target, and into its side; around the right when the two
 * overlap across. The channel's offset varies with the edge's index so
 * parallel edges stay apart. */
static void
route_secondary_edge (const SamChartLayout *self,
                      guint                 index,
                      SamChartEdge         *edge)
{
  const SecondaryEdge *e = &self->secondary[index];
  Span s = abstract_box (self, e->from);
  Span t = abstract_box (self, e->to);
  double sm = (s.d0 + s.d1) / 2, tm = (t.d0 + t.d1) / 2;
  double lane = (index % 3 + 1) / 4.0;
  double gap = self->sibling_gap;

  edge->from = e->from;
  edge->to = e->to;
  edge->kind = e->kind;
  edge->n_points = 0;

  if (t.b0 >= s.b1)
    {
      double ch = t.b0 - MIN (gap, t.b0 - s.b1) * lane;

      add_point (self, edge, s.b1, sm);
      add_point (self, edge, ch, sm);
      add_point (self, edge, ch, tm);
      add_point (self, edge, t.b0, tm);
    }
  else if (t.b1 <= s.b0)
    {
      double ch = t.b1 + MIN (gap, s.b0 - t.b1) * lane;

      add_point (self, edge, s.b0, sm);
      add_point (self, edge, ch, sm);
      add_point (self, edge, ch, tm);
      add_point (self, edge, t.b1, tm);
    }
  else
    {
      double ch = MAX (s.b1, t.b1) + gap * lane;

      add_point (self, edge, s.b1, sm);
      add_point (self, edge, ch, sm);
      add_point (self, edge, ch, tm);
      add_point (self, edge, t.b1, tm);
    }
}

/**
 * sam_chart_layout_get_edge:
 * @layout: a layout
 * @index: an edge, below sam_chart_layout_get_n_edges()
 * @edge: (out caller-allocates): the edge
 *
 * Gets an edge as an orthogonal polyline. A tree edge runs from the
 * parent's bottom centre down half the level gap, across, and into the
 * child's top centre (left-to-right: the same, transposed); a stacked child
 * is reached along its stack's spine and entered from the side. A
 * secondary edge leaves the source from the side, runs along a channel
 * beside the target and enters it from the side. The points are computed
 * on demand from the boxes, so a layout of 100 000 nodes stores no
 * polylines.
 */
void
sam_chart_layout_get_edge (const SamChartLayout *layout,
                           guint                 index,
                           SamChartEdge         *edge)
{
  g_return_if_fail (layout != NULL);
  g_return_if_fail (index < layout->n_tree_edges + layout->n_secondary);
  g_return_if_fail (edge != NULL);

  if (index < layout->n_tree_edges)
    route_tree_edge (layout, layout->tree_edges[index], edge);
  else
    route_secondary_edge (layout, index - layout->n_tree_edges, edge);

  /* Boxes that touch (no level gap) are joined by an edge of no length,
   * still given as two points. */
  if (edge->n_points == 1)
    edge->points[edge->n_points++] = edge->points[0];
}

static inline gboolean
rects_touch (double              ax0,
             double              ay0,
             double              ax1,
             double              ay1,
             const SamChartRect *r)
{
  return ax0 <= r->x + r->width && ax1 >= r->x
         && ay0 <= r->y + r->height && ay1 >= r->y;
}

/**
 * sam_chart_layout_node_at:
 * @layout: a layout
 * @x: a point's x
 * @y: a point's y
 *
 * Finds the box under a point, through the layout's grid index.
 *
 * Returns: the visible node whose box contains (@x, @y), or -1
 */
gint
sam_chart_layout_node_at (const SamChartLayout *layout,
                          double                x,
                          double                y)
{
  guint cell, k;

  g_return_val_if_fail (layout != NULL, -1);

  ensure_grid (layout);

  if (layout->cell_start == NULL
      || x < 0 || y < 0 || x > layout->extents.width || y > layout->extents.height)
    return -1;

  cell = cell_index (y, layout->inv_cell, layout->rows) * layout->cols
         + cell_index (x, layout->inv_cell, layout->cols);

  for (k = layout->cell_start[cell]; k < layout->cell_start[cell + 1]; k++)
    {
      guint i = layout->cell_items[k];

      if (x >= layout->x[i] && x <= layout->x[i] + layout->width[i]
          && y >= layout->y[i] && y <= layout->y[i] + layout->height[i])
        return (gint) i;
    }

  return -1;
}

static int
compare_uint (const void *a,
              const void *b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/**
 * sam_chart_layout_query_rect:
 * @layout: a layout
 * @rect: a rectangle, such as the visible part of the chart
 * @nodes: (element-type guint): an array of guint to append to
 *
 * Finds the visible boxes that touch @rect, looking only at the cells of
 * the layout's grid that @rect covers, so a renderer can draw just what is
 * on screen. They are appended in node order, each once.
 *
 * Returns: the number of nodes appended
 */
guint
sam_chart_layout_query_rect (const SamChartLayout *layout,
                             const SamChartRect   *rect,
                             GArray               *nodes)
{
  guint c0, c1, r0, r1, r, c, start;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (rect != NULL, 0);
  g_return_val_if_fail (nodes != NULL, 0);

  ensure_grid (layout);

  if (layout->cell_start == NULL
      || !rects_touch (0, 0, layout->extents.width, layout->extents.height, rect))
    return 0;

  start = nodes->len;
  c0 = cell_index (rect->x, layout->inv_cell, layout->cols);
  c1 = cell_index (rect->x + rect->width, layout->inv_cell, layout->cols);
  r0 = cell_index (rect->y, layout->inv_cell, layout->rows);
  r1 = cell_index (rect->y + rect->height, layout->inv_cell, layout->rows);

  for (r = r0; r <= r1; r++)
    for (c = c0; c <= c1; c++)
      {
        guint cell = r * layout->cols + c, k;

        for (k = layout->cell_start[cell]; k < layout->cell_start[cell + 1]; k++)
          {
            guint i = layout->cell_items[k];
            double x0 = layout->x[i], y0 = layout->y[i];

            if (!rects_touch (x0, y0, x0 + layout->width[i], y0 + layout->height[i], rect))
              continue;

            /* A box spanning several cells is reported from the first of
             * them inside the query only. */
            if (MAX (cell_index (x0, layout->inv_cell, layout->cols), c0) != c
                || MAX (cell_index (y0, layout->inv_cell, layout->rows), r0) != r)
              continue;

            g_array_append_val (nodes, i);
          }
      }

  if (nodes->len - start > 1)
    qsort (&g_array_index (nodes, guint, start), nodes->len - start, sizeof (guint), compare_uint);

  return nodes->len - start;
}

/* The bounding box of an edge's polyline. For tree edges it follows from
 * the two boxes (and the spine) without building the polyline: the span
 * between the centres (or spine and side) across, parent's bottom to
 * child's top (or middle) along. */
static void
edge_bounds (const SamChartLayout *self,
             guint                 index,
             SamChartRect         *bounds)
{
  double b0, b1, d0, d1;

  if (index < self->n_tree_edges)
    {
      guint child = self->tree_edges[index];
      Span p = abstract_box (self, self->parent[child]);
      Span c = abstract_box (self, child);
      double pc = (p.b0 + p.b1) / 2;

      d0 = p.d1;
      if (self->state[child] & SAM_CHART_NODE_STATE_STACKED)
        {
          double spine = self->stacks[self->stack_of[child]].spine;
          double side = c.b0 >= spine ? c.b0 : c.b1;

          b0 = MIN (MIN (pc, spine), side);
          b1 = MAX (MAX (pc, spine), side);
          d1 = (c.d0 + c.d1) / 2;
        }
      else
        {
          double cc = (c.b0 + c.b1) / 2;

          b0 = MIN (pc, cc);
          b1 = MAX (pc, cc);
          d1 = c.d0;
        }

      if (self->orientation == SAM_CHART_LEFT_RIGHT)
        *bounds = (SamChartRect) { d0, b0, d1 - d0, b1 - b0 };
      else
        *bounds = (SamChartRect) { b0, d0, b1 - b0, d1 - d0 };
    }
  else
    {
      SamChartEdge edge;
      double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
      guint k;

      sam_chart_layout_get_edge (self, index, &edge);
      for (k = 0; k < edge.n_points; k++)
        {
          x0 = MIN (x0, edge.points[k].x);
          y0 = MIN (y0, edge.points[k].y);
          x1 = MAX (x1, edge.points[k].x);
          y1 = MAX (y1, edge.points[k].y);
        }
      *bounds = (SamChartRect) { x0, y0, x1 - x0, y1 - y0 };
    }
}

/**
 * sam_chart_layout_query_edges:
 * @layout: a layout
 * @rect: a rectangle, such as the visible part of the chart
 * @edges: (element-type guint): an array of guint to append to
 *
 * Finds the edges whose polylines' bounding boxes touch @rect, in edge
 * order. This scans the edges' bounding boxes (an edge can cross the view
 * with both its boxes outside it), which takes well under a millisecond
 * for 10 000 nodes.
 *
 * Returns: the number of edges appended
 */
guint
sam_chart_layout_query_edges (const SamChartLayout *layout,
                              const SamChartRect   *rect,
                              GArray               *edges)
{
  guint i, n, start;

  g_return_val_if_fail (layout != NULL, 0);
  g_return_val_if_fail (rect != NULL, 0);
  g_return_val_if_fail (edges != NULL, 0);

  start = edges->len;
  n = layout->n_tree_edges + layout->n_secondary;

  for (i = 0; i < n; i++)
    {
      SamChartRect b;

      edge_bounds (layout, i, &b);
      if (rects_touch (b.x, b.y, b.x + b.width, b.y + b.height, rect))
        g_array_append_val (edges, i);
    }

  return edges->len - start;
}

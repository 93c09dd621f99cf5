/* test-chart-layout.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>

#include "sam-chart-layout.h"
#include "governance-tree.h"

#define EPS 1e-6

typedef enum
{
  SHAPE_UNIFORM,    /* parent anywhere before: shallow, logarithmic depth */
  SHAPE_DEEP,       /* parent among the last few: long paths with branches */
  SHAPE_BUSHY,      /* parent among the first eighth: wide rows */
  SHAPE_HUBS,       /* parent often an earlier node's parent: stars */
  SHAPE_FOREST,     /* uniform, with many roots */
  SHAPE_BINARY,     /* complete binary: contours without threads cost n log n */
  N_SHAPES
} Shape;

typedef struct
{
  double b0, d0, b1, d1;
} Span;

/* A box on the layout's abstract axes: breadth along a row of siblings,
 * depth from parent to child. */
static Span
span_of (const SamChartLayout *layout,
         guint                 node)
{
  SamChartRect r;

  sam_chart_layout_get_box (layout, node, &r);
  if (sam_chart_layout_get_orientation (layout) == SAM_CHART_LEFT_RIGHT)
    return (Span) { r.y, r.x, r.y + r.height, r.x + r.width };
  return (Span) { r.x, r.y, r.x + r.width, r.y + r.height };
}

static gboolean
visible (const SamChartLayout *layout,
         guint                 node)
{
  return (sam_chart_layout_get_node_state (layout, node) & SAM_CHART_NODE_STATE_VISIBLE) != 0;
}

static gboolean
stacked (const SamChartLayout *layout,
         guint                 node)
{
  return (sam_chart_layout_get_node_state (layout, node) & SAM_CHART_NODE_STATE_STACKED) != 0;
}

/* With @swap, every box has its width and height exchanged, and the rest
 * of the tree is the same as without. */
static SamChartTree *
random_tree (GRand    *rand,
             guint     n,
             Shape     shape,
             double    compact_p,
             double    collapse_p,
             gboolean  swap)
{
  SamChartTree *tree = sam_chart_tree_new (n);
  guint i;

  for (i = 0; i < n; i++)
    {
      gint parent;
      double w, h;

      switch (shape)
        {
        case SHAPE_UNIFORM:
          parent = i == 0 ? -1 : g_rand_int_range (rand, 0, i);
          break;
        case SHAPE_DEEP:
          parent = i == 0 ? -1 : (gint) i - g_rand_int_range (rand, 1, MIN (i, 3) + 1);
          break;
        case SHAPE_BUSHY:
          parent = i == 0 ? -1 : g_rand_int_range (rand, 0, MAX (1, i / 8));
          break;
        case SHAPE_HUBS:
          parent = i == 0 ? -1 : g_rand_int_range (rand, 0, i);
          if (parent > 0 && g_rand_boolean (rand))
            parent = sam_chart_tree_get_parent (tree, parent);
          break;
        case SHAPE_BINARY:
          parent = (gint) i - 1 < 0 ? -1 : ((gint) i - 1) / 2;
          break;
        case SHAPE_FOREST:
        case N_SHAPES:
        default:
          parent = i == 0 || g_rand_int_range (rand, 0, 20) == 0 ? -1 : g_rand_int_range (rand, 0, i);
          break;
        }

      w = g_rand_int_range (rand, 0, 30) == 0 ? 0 : g_rand_double_range (rand, 10, 200);
      h = g_rand_int_range (rand, 0, 30) == 0 ? 0 : g_rand_double_range (rand, 5, 120);
      /* Some parents, as councils do, stack even two compact leaves. */
      sam_chart_tree_add (tree, parent, swap ? h : w, swap ? w : h,
                          (g_rand_double (rand) < compact_p ? SAM_CHART_NODE_COMPACT_LEAF : 0)
                          | (g_rand_double (rand) < compact_p / 2 ? SAM_CHART_NODE_STACK_LEAVES : 0));
    }

  for (i = 0; i < n; i++)
    if (g_rand_double (rand) < collapse_p)
      sam_chart_tree_set_collapsed (tree, i, TRUE);

  return tree;
}

static void
random_style (GRand         *rand,
              SamChartStyle *style)
{
  sam_chart_style_init (style);
  style->sibling_gap = g_rand_int_range (rand, 0, 5) == 0 ? 0 : g_rand_double_range (rand, 1, 30);
  style->subtree_gap = g_rand_int_range (rand, 0, 5) == 0 ? 0 : g_rand_double_range (rand, 1, 50);
  style->level_gap = g_rand_int_range (rand, 0, 5) == 0 ? 0 : g_rand_double_range (rand, 1, 60);
  style->orientation = g_rand_boolean (rand) ? SAM_CHART_LEFT_RIGHT : SAM_CHART_TOP_DOWN;
  style->compact_threshold = g_rand_int_range (rand, 0, 6);
}

/* Two boxes keep apart by the smaller horizontal gap across, or by the
 * level gap (the row gap inside one stack) along the depth axis. */
static void
check_pair (const SamChartLayout *layout,
            const SamChartStyle  *style,
            const SamChartTree   *tree,
            guint                 a,
            guint                 b)
{
  Span p = span_of (layout, a), q = span_of (layout, b);
  double hgap = MIN (style->sibling_gap, style->subtree_gap);
  double vgap = style->level_gap;
  double hsep = MAX (q.b0 - p.b1, p.b0 - q.b1);
  double vsep = MAX (q.d0 - p.d1, p.d0 - q.d1);

  if (stacked (layout, a) && stacked (layout, b)
      && sam_chart_tree_get_parent (tree, a) == sam_chart_tree_get_parent (tree, b))
    vgap = style->sibling_gap;

  if (!(hsep >= hgap - EPS || vsep >= vgap - EPS))
    g_error ("boxes %u and %u overlap: across %g (gap %g), along %g (gap %g)",
             a, b, hsep, hgap, vsep, vgap);
}

static void
check_no_overlap (const SamChartLayout *layout,
                  const SamChartStyle  *style,
                  const SamChartTree   *tree)
{
  guint n = sam_chart_layout_get_n_nodes (layout);
  double hgap = MIN (style->sibling_gap, style->subtree_gap);
  double vgap = MAX (style->level_gap, style->sibling_gap);
  g_autoptr(GArray) near = g_array_new (FALSE, FALSE, sizeof (guint));
  guint a, b, k;

  if (n <= 1500)
    {
      for (a = 0; a < n; a++)
        for (b = a + 1; b < n; b++)
          if (visible (layout, a) && visible (layout, b))
            check_pair (layout, style, tree, a, b);
      return;
    }

  /* Too many pairs: check each box against those the grid finds within
   * the gaps (the grid itself is checked against brute force below). */
  for (a = 0; a < n; a++)
    {
      SamChartRect r;
      gboolean lr = sam_chart_layout_get_orientation (layout) == SAM_CHART_LEFT_RIGHT;
      double gx = lr ? vgap : hgap, gy = lr ? hgap : vgap;

      if (!sam_chart_layout_get_box (layout, a, &r))
        continue;
      r.x -= gx - 2 * EPS;
      r.y -= gy - 2 * EPS;
      r.width += 2 * gx - 4 * EPS;
      r.height += 2 * gy - 4 * EPS;
      g_array_set_size (near, 0);
      sam_chart_layout_query_rect (layout, &r, near);
      for (k = 0; k < near->len; k++)
        if (g_array_index (near, guint, k) != a)
          check_pair (layout, style, tree, a, g_array_index (near, guint, k));
    }
}

/* Parents centred over their outer children, siblings in insertion order
 * with the sibling gap between them, children a level gap below. */
static void
check_structure (const SamChartLayout *layout,
                 const SamChartStyle  *style,
                 const SamChartTree   *tree)
{
  guint n = sam_chart_layout_get_n_nodes (layout);
  g_autofree gint *first = g_new (gint, n);
  g_autofree gint *last = g_new (gint, n);
  g_autofree gboolean *has_stack = g_new0 (gboolean, n);
  gint last_root = -1;
  SamChartRect extents;
  double min_b = G_MAXDOUBLE;
  gboolean any_stacked = FALSE;
  guint i;

  sam_chart_layout_get_extents (layout, &extents);
  g_assert_cmpfloat (extents.x, ==, 0);
  g_assert_cmpfloat (extents.y, ==, 0);

  for (i = 0; i < n; i++)
    first[i] = last[i] = -1;

  for (i = 0; i < n; i++)
    {
      gint p = sam_chart_tree_get_parent (tree, i);
      Span c;

      if (!visible (layout, i))
        {
          g_assert_true (p >= 0);
          g_assert_true (!visible (layout, p) || sam_chart_tree_get_collapsed (tree, p));
          continue;
        }

      g_assert_true (p < 0 || (visible (layout, p) && !sam_chart_tree_get_collapsed (tree, p)));
      c = span_of (layout, i);
      min_b = MIN (min_b, c.b0);
      any_stacked |= stacked (layout, i);
      g_assert_cmpfloat (c.b0, >=, -EPS);
      g_assert_cmpfloat (c.d0, >=, -EPS);
      g_assert_cmpfloat (MAX (c.b1, c.d1), <=, MAX (extents.width, extents.height) + EPS);

      /* Loose roots may stack in a column beside the trees, from the top. */
      if (p < 0 && stacked (layout, i))
        continue;

      if (p < 0)
        {
          g_assert_cmpfloat_with_epsilon (c.d0, 0, EPS);
          if (last_root >= 0)
            g_assert_cmpfloat (c.b0, >=, span_of (layout, last_root).b1 + style->subtree_gap - EPS);
          last_root = i;
          continue;
        }

      if (stacked (layout, i))
        {
          g_assert_cmpfloat (c.d0, >=, span_of (layout, p).d1 + style->level_gap - EPS);
          has_stack[p] = TRUE;
          continue;
        }

      g_assert_cmpfloat_with_epsilon (c.d0, span_of (layout, p).d1 + style->level_gap, EPS);
      if (last[p] >= 0)
        g_assert_cmpfloat (c.b0, >=, span_of (layout, last[p]).b1 + style->sibling_gap - EPS);
      if (first[p] < 0)
        first[p] = i;
      last[p] = i;
    }

  /* The chart starts at the origin: some box touches its left edge,
   * unless a stack's spine is further left. */
  if (!any_stacked && n > 0)
    g_assert_cmpfloat_with_epsilon (min_b, 0, EPS);

  for (i = 0; i < n; i++)
    if (first[i] >= 0 && !has_stack[i])
      {
        Span p = span_of (layout, i), a = span_of (layout, first[i]), b = span_of (layout, last[i]);

        g_assert_cmpfloat_with_epsilon ((p.b0 + p.b1) / 2, ((a.b0 + a.b1) / 2 + (b.b0 + b.b1) / 2) / 2, EPS);
      }
}

static gboolean
on_boundary (const SamChartLayout *layout,
             guint                 node,
             const SamChartPoint  *p)
{
  SamChartRect r;
  gboolean inside;

  sam_chart_layout_get_box (layout, node, &r);
  inside = p->x >= r.x - EPS && p->x <= r.x + r.width + EPS
           && p->y >= r.y - EPS && p->y <= r.y + r.height + EPS;

  return inside && (fabs (p->x - r.x) < EPS || fabs (p->x - r.x - r.width) < EPS
                    || fabs (p->y - r.y) < EPS || fabs (p->y - r.y - r.height) < EPS);
}

/* Every edge is an orthogonal polyline from the boundary of one visible
 * box to the boundary of another; a tree edge leaves the parent's
 * bottom (or right, left-to-right) centre. */
static void
check_edges (const SamChartLayout *layout,
             const SamChartTree   *tree)
{
  guint n = sam_chart_layout_get_n_edges (layout);
  guint n_tree = 0, i, k;

  for (i = 0; i < sam_chart_layout_get_n_nodes (layout); i++)
    n_tree += visible (layout, i) && sam_chart_tree_get_parent (tree, i) >= 0;
  g_assert_cmpuint (n, >=, n_tree);

  for (i = 0; i < n; i++)
    {
      SamChartEdge e;

      sam_chart_layout_get_edge (layout, i, &e);
      g_assert_cmpuint (e.n_points, >=, 2);
      g_assert_cmpuint (e.n_points, <=, SAM_CHART_EDGE_MAX_POINTS);
      g_assert_true (visible (layout, e.from) && visible (layout, e.to));
      g_assert_true (on_boundary (layout, e.from, &e.points[0]));
      g_assert_true (on_boundary (layout, e.to, &e.points[e.n_points - 1]));

      for (k = 1; k < e.n_points; k++)
        {
          double dx = fabs (e.points[k].x - e.points[k - 1].x);
          double dy = fabs (e.points[k].y - e.points[k - 1].y);

          /* Axis-parallel, and only an edge between touching boxes may
           * have no length. */
          g_assert_true ((dx < EPS) != (dy < EPS) || (e.n_points == 2 && dx < EPS && dy < EPS));
        }

      if (i < n_tree)
        {
          Span p = span_of (layout, e.from);
          gboolean lr = sam_chart_layout_get_orientation (layout) == SAM_CHART_LEFT_RIGHT;

          g_assert_cmpint (e.kind, ==, SAM_CHART_EDGE_TREE);
          g_assert_cmpint (sam_chart_tree_get_parent (tree, e.to), ==, (gint) e.from);
          g_assert_cmpfloat_with_epsilon (lr ? e.points[0].y : e.points[0].x, (p.b0 + p.b1) / 2, EPS);
          g_assert_cmpfloat_with_epsilon (lr ? e.points[0].x : e.points[0].y, p.d1, EPS);
        }
      else
        g_assert_cmpint (e.kind, !=, SAM_CHART_EDGE_TREE);
    }
}

/* The grid's answers match a scan of every box. */
static void
check_queries (const SamChartLayout *layout,
               GRand                *rand)
{
  guint n = sam_chart_layout_get_n_nodes (layout);
  g_autoptr(GArray) got = g_array_new (FALSE, FALSE, sizeof (guint));
  SamChartRect extents;
  guint q, i;

  sam_chart_layout_get_extents (layout, &extents);

  for (i = 0; i < n; i++)
    {
      SamChartRect r;

      if (!sam_chart_layout_get_box (layout, i, &r) || r.width == 0 || r.height == 0)
        continue;
      g_assert_cmpint (sam_chart_layout_node_at (layout, r.x + r.width / 2, r.y + r.height / 2), ==, (gint) i);
    }
  g_assert_cmpint (sam_chart_layout_node_at (layout, -1, -1), ==, -1);

  for (q = 0; q < 20; q++)
    {
      SamChartRect rect;
      guint expected = 0, k = 0;

      rect.x = g_rand_double_range (rand, -50, extents.width + 50);
      rect.y = g_rand_double_range (rand, -50, extents.height + 50);
      rect.width = g_rand_double_range (rand, 0, extents.width / 3 + 1);
      rect.height = g_rand_double_range (rand, 0, extents.height / 3 + 1);

      g_array_set_size (got, 0);
      sam_chart_layout_query_rect (layout, &rect, got);

      for (i = 0; i < n; i++)
        {
          SamChartRect r;

          if (!sam_chart_layout_get_box (layout, i, &r))
            continue;
          if (r.x <= rect.x + rect.width && r.x + r.width >= rect.x
              && r.y <= rect.y + rect.height && r.y + r.height >= rect.y)
            {
              g_assert_cmpuint (k, <, got->len);
              g_assert_cmpuint (g_array_index (got, guint, k), ==, i);
              k++;
              expected++;
            }
        }
      g_assert_cmpuint (got->len, ==, expected);

      /* Edges: those whose polylines come near the rectangle. */
      g_array_set_size (got, 0);
      sam_chart_layout_query_edges (layout, &rect, got);
      for (i = 0, k = 0; i < sam_chart_layout_get_n_edges (layout); i++)
        {
          SamChartEdge e;
          double x0 = G_MAXDOUBLE, y0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y1 = -G_MAXDOUBLE;
          guint j;

          sam_chart_layout_get_edge (layout, i, &e);
          for (j = 0; j < e.n_points; j++)
            {
              x0 = MIN (x0, e.points[j].x);
              y0 = MIN (y0, e.points[j].y);
              x1 = MAX (x1, e.points[j].x);
              y1 = MAX (y1, e.points[j].y);
            }
          if (x0 <= rect.x + rect.width && x1 >= rect.x && y0 <= rect.y + rect.height && y1 >= rect.y)
            {
              g_assert_cmpuint (k, <, got->len);
              g_assert_cmpuint (g_array_index (got, guint, k), ==, i);
              k++;
            }
        }
      g_assert_cmpuint (got->len, ==, k);
    }
}

static void
assert_same_layout (const SamChartLayout *a,
                    const SamChartLayout *b)
{
  guint n = sam_chart_layout_get_n_nodes (a), i;
  SamChartRect ea, eb;

  g_assert_cmpuint (n, ==, sam_chart_layout_get_n_nodes (b));
  g_assert_cmpmem (sam_chart_layout_get_x (a), n * sizeof (double), sam_chart_layout_get_x (b), n * sizeof (double));
  g_assert_cmpmem (sam_chart_layout_get_y (a), n * sizeof (double), sam_chart_layout_get_y (b), n * sizeof (double));
  sam_chart_layout_get_extents (a, &ea);
  sam_chart_layout_get_extents (b, &eb);
  g_assert_cmpmem (&ea, sizeof ea, &eb, sizeof eb);

  g_assert_cmpuint (sam_chart_layout_get_n_edges (a), ==, sam_chart_layout_get_n_edges (b));
  for (i = 0; i < sam_chart_layout_get_n_edges (a); i++)
    {
      SamChartEdge x, y;

      memset (&x, 0, sizeof x);
      memset (&y, 0, sizeof y);
      sam_chart_layout_get_edge (a, i, &x);
      sam_chart_layout_get_edge (b, i, &y);
      g_assert_cmpmem (&x, sizeof x, &y, sizeof y);
    }
}

static void
check_layout (const SamChartTree  *tree,
              const SamChartStyle *style,
              GRand               *rand)
{
  g_autoptr(SamChartLayout) layout = sam_chart_layout_compute (tree, style);
  g_autoptr(SamChartLayout) again = sam_chart_layout_compute (tree, style);

  check_structure (layout, style, tree);
  check_no_overlap (layout, style, tree);
  check_edges (layout, tree);
  if (sam_chart_layout_get_n_nodes (layout) <= 3000)
    check_queries (layout, rand);
  assert_same_layout (layout, again);
}

static void
test_empty (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (0);
  g_autoptr(SamChartLayout) layout = NULL;
  g_autoptr(GArray) nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  SamChartStyle style;
  SamChartRect extents, all = { -10, -10, 100, 100 };

  sam_chart_style_init (&style);
  layout = sam_chart_layout_compute (tree, &style);
  sam_chart_layout_get_extents (layout, &extents);
  g_assert_cmpfloat (extents.width, ==, 0);
  g_assert_cmpuint (sam_chart_layout_get_n_edges (layout), ==, 0);
  g_assert_cmpint (sam_chart_layout_node_at (layout, 0, 0), ==, -1);
  g_assert_cmpuint (sam_chart_layout_query_rect (layout, &all, nodes), ==, 0);
}

static void
test_single (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (1);
  g_autoptr(SamChartLayout) layout = NULL;
  SamChartStyle style;
  SamChartRect box, extents;

  sam_chart_style_init (&style);
  sam_chart_tree_add (tree, -1, 120, 40, 0);
  layout = sam_chart_layout_compute (tree, &style);

  g_assert_true (sam_chart_layout_get_box (layout, 0, &box));
  sam_chart_layout_get_extents (layout, &extents);
  g_assert_cmpmem (&box, sizeof box, &((SamChartRect) { 0, 0, 120, 40 }), sizeof box);
  g_assert_cmpmem (&extents, sizeof extents, &box, sizeof box);
  g_assert_cmpint (sam_chart_layout_node_at (layout, 60, 20), ==, 0);
  g_assert_cmpint (sam_chart_layout_node_at (layout, 121, 20), ==, -1);
}

/* A small tree worked out by hand: a root of width 100 over children of
 * widths 40, 60 and 20, gaps 10 / 20 / 30. */
static void
test_by_hand (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (4);
  g_autoptr(SamChartLayout) layout = NULL;
  SamChartStyle style = { 10, 20, 30, SAM_CHART_TOP_DOWN, 0 };
  SamChartEdge edge;
  const double *x, *y;

  sam_chart_tree_add (tree, -1, 100, 50, 0);
  sam_chart_tree_add (tree, 0, 40, 20, 0);
  sam_chart_tree_add (tree, 0, 60, 30, 0);
  sam_chart_tree_add (tree, 0, 20, 10, 0);
  layout = sam_chart_layout_compute (tree, &style);
  x = sam_chart_layout_get_x (layout);
  y = sam_chart_layout_get_y (layout);

  /* Children at 0, 50, 120 (centres 20 and 130), so the root's centre is
   * at 75 and its box starts at 25. */
  g_assert_cmpfloat (x[1], ==, 0);
  g_assert_cmpfloat (x[2], ==, 50);
  g_assert_cmpfloat (x[3], ==, 120);
  g_assert_cmpfloat (x[0], ==, 25);
  g_assert_cmpfloat (y[0], ==, 0);
  g_assert_cmpfloat (y[1], ==, 80);
  g_assert_cmpfloat (y[3], ==, 80);

  /* Root bottom centre, down 15, left to the first child's centre, down. */
  sam_chart_layout_get_edge (layout, 0, &edge);
  g_assert_cmpuint (edge.n_points, ==, 4);
  g_assert_cmpfloat (edge.points[0].x, ==, 75);
  g_assert_cmpfloat (edge.points[0].y, ==, 50);
  g_assert_cmpfloat (edge.points[1].y, ==, 65);
  g_assert_cmpfloat (edge.points[2].x, ==, 20);
  g_assert_cmpfloat (edge.points[3].y, ==, 80);
}

/* Cousins keep the subtree gap, siblings the sibling gap; small subtrees
 * caught between two big ones are spread evenly (Walker's rule), not
 * packed against the left one. */
static void
test_spacing (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (16);
  g_autoptr(SamChartLayout) layout = NULL;
  SamChartStyle style = { 10, 40, 20, SAM_CHART_TOP_DOWN, 0 };
  guint c[5], a, b, i;
  const double *x;

  sam_chart_tree_add (tree, -1, 20, 20, 0);
  for (i = 0; i < 5; i++)
    c[i] = sam_chart_tree_add (tree, 0, 20, 20, 0);
  a = sam_chart_tree_add (tree, c[0], 300, 20, 0);
  b = sam_chart_tree_add (tree, c[4], 300, 20, 0);
  layout = sam_chart_layout_compute (tree, &style);
  x = sam_chart_layout_get_x (layout);

  /* The wide grandchildren touch at the subtree gap and decide how far
   * apart the outer children are. */
  g_assert_cmpfloat_with_epsilon (x[b] - (x[a] + 300), 40, EPS);
  for (i = 1; i < 5; i++)
    {
      g_assert_cmpfloat (x[c[i]] - (x[c[i - 1]] + 20), >, 10);
      g_assert_cmpfloat_with_epsilon (x[c[i]] - x[c[i - 1]], (x[c[4]] - x[c[0]]) / 4, EPS);
    }
}

/* Van der Ploeg's point: a short subtree next to a tall one may tuck under
 * it instead of being pushed out by the tall box's full depth. */
static void
test_non_layered (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (8);
  g_autoptr(SamChartLayout) layout = NULL;
  SamChartStyle style = { 10, 10, 10, SAM_CHART_TOP_DOWN, 0 };
  const double *x;

  sam_chart_tree_add (tree, -1, 10, 10, 0);      /* 0 */
  sam_chart_tree_add (tree, 0, 10, 200, 0);      /* 1: tall, narrow */
  sam_chart_tree_add (tree, 1, 300, 10, 0);      /* 2: wide, far below */
  sam_chart_tree_add (tree, 0, 10, 10, 0);       /* 3: short */
  sam_chart_tree_add (tree, 3, 100, 10, 0);      /* 4: under 3, above 2's level */
  layout = sam_chart_layout_compute (tree, &style);
  x = sam_chart_layout_get_x (layout);

  /* Node 4 lies between depths 40 and 50, clear of node 2 (at 230), so it
   * only has to clear node 1; a layered layout would push it past node 2. */
  g_assert_cmpfloat (x[4], <, x[2] + 300);
  check_no_overlap (layout, &style, tree);
}

static void
test_random (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261123);
  guint round;

  for (round = 0; round < 300; round++)
    {
      g_autoptr(SamChartTree) tree = NULL;
      SamChartStyle style;
      guint n = round % 10 == 0 ? g_rand_int_range (rand, 1500, 6000) : g_rand_int_range (rand, 1, 400);
      Shape shape = round % N_SHAPES;

      tree = random_tree (rand, n, shape, g_rand_double (rand), round % 3 == 0 ? 0.03 : 0, FALSE);
      random_style (rand, &style);

      if (round % 4 == 0)
        {
          guint k;

          for (k = 0; k < n / 10 + 1; k++)
            sam_chart_tree_add_edge (tree, g_rand_int_range (rand, 0, n), g_rand_int_range (rand, 0, n),
                                     SAM_CHART_EDGE_REPORTS_TO + g_rand_int_range (rand, 0, 4));
        }

      if (g_test_verbose ())
        g_test_message ("round %u: %u nodes, shape %d", round, n, shape);
      check_layout (tree, &style, rand);
    }
}

static void
test_path (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (1000);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  SamChartStyle style;
  guint i;

  sam_chart_style_init (&style);
  for (i = 0; i < 1000; i++)
    sam_chart_tree_add (tree, (gint) i - 1, g_rand_double_range (rand, 20, 200), 30, 0);
  check_layout (tree, &style, rand);
}

static void
test_star (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (1001);
  g_autoptr(SamChartLayout) layout = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (8);
  SamChartStyle style;
  const double *x;
  guint i;

  sam_chart_style_init (&style);
  style.compact_threshold = 0;
  sam_chart_tree_add (tree, -1, 100, 40, 0);
  for (i = 0; i < 1000; i++)
    sam_chart_tree_add (tree, 0, 50, 30, SAM_CHART_NODE_COMPACT_LEAF);
  check_layout (tree, &style, rand);

  /* A plain row: every child one box and one gap after the previous. */
  layout = sam_chart_layout_compute (tree, &style);
  x = sam_chart_layout_get_x (layout);
  for (i = 2; i <= 1000; i++)
    g_assert_cmpfloat_with_epsilon (x[i] - x[i - 1], 50 + style.sibling_gap, EPS);
}

/* 100 000 boxes in one path would overflow a recursive layout's stack. */
static void
test_deep_chain (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (100000);
  g_autoptr(SamChartLayout) layout = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (9);
  SamChartStyle style;
  const double *x, *y;
  guint i;

  sam_chart_style_init (&style);
  for (i = 0; i < 100000; i++)
    sam_chart_tree_add (tree, (gint) i - 1, 100, 20 + i % 3, 0);
  layout = sam_chart_layout_compute (tree, &style);
  x = sam_chart_layout_get_x (layout);
  y = sam_chart_layout_get_y (layout);
  for (i = 1; i < 100000; i++)
    {
      g_assert_cmpfloat (x[i], ==, x[0]);
      g_assert_cmpfloat_with_epsilon (y[i], y[i - 1] + 20 + (i - 1) % 3 + style.level_gap, EPS);
    }
  check_structure (layout, &style, tree);
  check_edges (layout, tree);
  g_assert_cmpint (sam_chart_layout_node_at (layout, x[77777] + 50, y[77777] + 10), ==, 77777);
}

/* Left-to-right is top-down with x and y exchanged, given boxes with
 * width and height exchanged: exactly, number for number. */
static void
test_transpose (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);
  guint round;

  for (round = 0; round < 60; round++)
    {
      guint32 seed = g_rand_int (rand);
      guint n = g_rand_int_range (rand, 1, 600);
      Shape shape = round % N_SHAPES;
      g_autoptr(GRand) r1 = g_rand_new_with_seed (seed);
      g_autoptr(GRand) r2 = g_rand_new_with_seed (seed);
      g_autoptr(SamChartTree) tree = random_tree (r1, n, shape, 0.5, 0.02, FALSE);
      g_autoptr(SamChartTree) swapped = random_tree (r2, n, shape, 0.5, 0.02, TRUE);
      g_autoptr(SamChartLayout) lr = NULL;
      g_autoptr(SamChartLayout) td = NULL;
      SamChartStyle style;
      SamChartRect e1, e2;
      guint i, k;

      random_style (rand, &style);
      for (i = 0; i < n / 20; i++)
        {
          guint a = g_rand_int_range (rand, 0, n), b = g_rand_int_range (rand, 0, n);

          sam_chart_tree_add_edge (tree, a, b, SAM_CHART_EDGE_ESCALATES_TO);
          sam_chart_tree_add_edge (swapped, a, b, SAM_CHART_EDGE_ESCALATES_TO);
        }

      style.orientation = SAM_CHART_LEFT_RIGHT;
      lr = sam_chart_layout_compute (tree, &style);
      style.orientation = SAM_CHART_TOP_DOWN;
      td = sam_chart_layout_compute (swapped, &style);

      g_assert_cmpmem (sam_chart_layout_get_x (lr), n * sizeof (double), sam_chart_layout_get_y (td), n * sizeof (double));
      g_assert_cmpmem (sam_chart_layout_get_y (lr), n * sizeof (double), sam_chart_layout_get_x (td), n * sizeof (double));
      sam_chart_layout_get_extents (lr, &e1);
      sam_chart_layout_get_extents (td, &e2);
      g_assert_cmpfloat (e1.width, ==, e2.height);
      g_assert_cmpfloat (e1.height, ==, e2.width);

      g_assert_cmpuint (sam_chart_layout_get_n_edges (lr), ==, sam_chart_layout_get_n_edges (td));
      for (i = 0; i < sam_chart_layout_get_n_edges (lr); i++)
        {
          SamChartEdge a, b;

          sam_chart_layout_get_edge (lr, i, &a);
          sam_chart_layout_get_edge (td, i, &b);
          g_assert_cmpuint (a.n_points, ==, b.n_points);
          for (k = 0; k < a.n_points; k++)
            {
              g_assert_cmpfloat (a.points[k].x, ==, b.points[k].y);
              g_assert_cmpfloat (a.points[k].y, ==, b.points[k].x);
            }
        }
    }
}

/* A council with process teams (compact leaves) and subgroups: at the
 * threshold the teams leave the row and hang in a column under the
 * council, in order, entered from the side off a spine. */
static void
test_compact (void)
{
  guint n_teams;

  for (n_teams = 2; n_teams <= 12; n_teams++)
    {
      g_autoptr(SamChartTree) tree = sam_chart_tree_new (32);
      g_autoptr(SamChartLayout) layout = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (n_teams);
      SamChartStyle style;
      guint council, teams[12], i;
      gboolean expect_stack, two_columns;

      sam_chart_style_init (&style);
      style.compact_threshold = 4;
      expect_stack = n_teams >= 4;
      two_columns = n_teams >= 8;

      sam_chart_tree_add (tree, -1, 200, 60, 0);
      council = sam_chart_tree_add (tree, 0, 160, 50, 0);
      sam_chart_tree_add (tree, council, 120, 40, 0);
      for (i = 0; i < n_teams; i++)
        {
          teams[i] = sam_chart_tree_add (tree, council, 100 + 10 * (i % 3), 30 + 5 * (i % 2),
                                         SAM_CHART_NODE_COMPACT_LEAF);
          if (i == 1)
            sam_chart_tree_add (tree, council, 120, 40, 0);
        }
      /* A compact node with children of its own is not a leaf. */
      sam_chart_tree_add (tree, sam_chart_tree_add (tree, council, 90, 30, SAM_CHART_NODE_COMPACT_LEAF),
                          80, 30, 0);
      sam_chart_tree_add (tree, 0, 150, 50, 0);

      check_layout (tree, &style, rand);
      layout = sam_chart_layout_compute (tree, &style);

      for (i = 0; i < n_teams; i++)
        {
          Span t = span_of (layout, teams[i]);
          Span c = span_of (layout, council);

          g_assert_cmpint (stacked (layout, teams[i]), ==, expect_stack);
          if (!expect_stack)
            continue;

          g_assert_cmpfloat (t.d0, >=, c.d1 + style.level_gap - EPS);
          if (i >= (two_columns ? 2u : 1u))
            {
              Span above = span_of (layout, teams[i - (two_columns ? 2 : 1)]);

              /* Same column: aligned on the spine's side, and below. */
              if (two_columns && i % 2 == 0)
                g_assert_cmpfloat (t.b1, ==, above.b1);
              else
                g_assert_cmpfloat (t.b0, ==, above.b0);
              g_assert_cmpfloat (t.d0, >=, above.d1 + style.sibling_gap - EPS);
            }
          if (two_columns && i % 2 == 1)
            {
              Span left = span_of (layout, teams[i - 1]);

              g_assert_cmpfloat (t.d0, ==, left.d0);
              g_assert_cmpfloat (t.b0, >=, left.b1 + 2 * style.sibling_gap - EPS);
            }
        }

      /* The tree edge into a stacked team ends halfway down its side. */
      if (expect_stack)
        {
          SamChartEdge e;
          Span t = span_of (layout, teams[0]);
          guint k = 0;

          do
            sam_chart_layout_get_edge (layout, k++, &e);
          while (e.to != teams[0]);
          g_assert_cmpuint (e.from, ==, council);
          g_assert_cmpfloat_with_epsilon (e.points[e.n_points - 1].y, (t.d0 + t.d1) / 2, EPS);
          g_assert_cmpfloat_with_epsilon (e.points[e.n_points - 1].x, two_columns ? t.b1 : t.b0, EPS);
        }
    }
}

/* A council flagged to stack its leaves stacks its subgroups and teams
 * from two on, where others keep two or three in their row; one alone
 * stays in the row, and a threshold of 0 still means never. */
static void
test_stack_leaves (void)
{
  guint n_leaves, threshold;

  for (threshold = 0; threshold <= 4; threshold += 4)
    for (n_leaves = 1; n_leaves <= 5; n_leaves++)
      {
        g_autoptr(SamChartTree) tree = sam_chart_tree_new (16);
        g_autoptr(SamChartLayout) layout = NULL;
        g_autoptr(GRand) rand = g_rand_new_with_seed (n_leaves);
        SamChartStyle style;
        guint council, other, leaves[5], others[5], i;

        sam_chart_style_init (&style);
        style.compact_threshold = threshold;

        sam_chart_tree_add (tree, -1, 200, 60, 0);
        council = sam_chart_tree_add (tree, 0, 160, 50, SAM_CHART_NODE_STACK_LEAVES);
        for (i = 0; i < n_leaves; i++)
          leaves[i] = sam_chart_tree_add (tree, council, 120, 40, SAM_CHART_NODE_COMPACT_LEAF);
        other = sam_chart_tree_add (tree, 0, 160, 50, 0);
        for (i = 0; i < n_leaves; i++)
          others[i] = sam_chart_tree_add (tree, other, 120, 40, SAM_CHART_NODE_COMPACT_LEAF);

        check_layout (tree, &style, rand);
        layout = sam_chart_layout_compute (tree, &style);

        for (i = 0; i < n_leaves; i++)
          {
            g_assert_cmpint (stacked (layout, leaves[i]), ==, threshold > 0 && n_leaves >= 2);
            g_assert_cmpint (stacked (layout, others[i]), ==, threshold > 0 && n_leaves >= threshold);
          }

        /* Stacked, the council's family is one box wide, not a row. */
        if (threshold > 0 && n_leaves >= 2)
          {
            Span c = span_of (layout, council);
            Span first = span_of (layout, leaves[0]);
            Span last = span_of (layout, leaves[n_leaves - 1]);

            g_assert_cmpfloat (last.b0, ==, first.b0);
            g_assert_cmpfloat (last.d0, >, first.d1);
            g_assert_cmpfloat (first.d0, >=, c.d1);
          }
      }
}

/* Loose roots with nothing under them (national programme areas beside
 * the region's tree) stack in one column beside the tree from two on,
 * instead of each adding a column; a root with children keeps its place,
 * and a lone loose root stays in the row. */
static void
test_loose_roots (void)
{
  for (guint n_loose = 1; n_loose <= 3; n_loose++)
    {
      g_autoptr(SamChartTree) tree = sam_chart_tree_new (8);
      g_autoptr(SamChartLayout) layout = NULL;
      g_autoptr(GRand) rand = g_rand_new_with_seed (n_loose);
      SamChartStyle style;
      guint top, loose[3], i;

      sam_chart_style_init (&style);
      top = sam_chart_tree_add (tree, -1, 180, 50, 0);
      sam_chart_tree_add (tree, top, 160, 50, SAM_CHART_NODE_COMPACT_LEAF);
      for (i = 0; i < n_loose; i++)
        loose[i] = sam_chart_tree_add (tree, -1, 160, 50, SAM_CHART_NODE_COMPACT_LEAF);

      check_layout (tree, &style, rand);
      layout = sam_chart_layout_compute (tree, &style);
      g_assert_false (stacked (layout, top));
      for (i = 0; i < n_loose; i++)
        {
          Span a = span_of (layout, loose[i]);

          g_assert_cmpint (stacked (layout, loose[i]), ==, n_loose >= 2);
          if (i > 0 && n_loose >= 2)
            {
              Span above = span_of (layout, loose[i - 1]);

              g_assert_cmpfloat (a.b0, ==, above.b0);
              g_assert_cmpfloat (a.d0, >=, above.d1 + style.sibling_gap - EPS);
            }
        }
    }
}

/* Collapsing a node lays out the tree as if its descendants were not
 * there, number for number, and moves edges to them onto it. */
static void
test_collapse (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (13);
  guint round;

  for (round = 0; round < 60; round++)
    {
      guint n = g_rand_int_range (rand, 2, 500);
      g_autoptr(SamChartTree) tree = random_tree (rand, n, round % N_SHAPES, 0.4, 0.05, FALSE);
      g_autoptr(SamChartTree) pruned = sam_chart_tree_new (n);
      g_autoptr(SamChartLayout) full = NULL;
      g_autoptr(SamChartLayout) small = NULL;
      g_autofree gint *map = g_new (gint, n);
      g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));
      SamChartStyle style;
      SamChartRect all;
      guint i, a, b, n_visible = 0, n_roots = 0;

      /* Without stacking, which the flags (not copied below) decide. */
      random_style (rand, &style);
      style.compact_threshold = 0;
      a = g_rand_int_range (rand, 0, n);
      b = g_rand_int_range (rand, 0, n);
      sam_chart_tree_add_edge (tree, a, b, SAM_CHART_EDGE_REPORTS_TO);
      full = sam_chart_layout_compute (tree, &style);

      /* The same tree without the hidden nodes, built from the layout's
       * boxes (for the sizes) and the tree's parents. */
      for (i = 0; i < n; i++)
        {
          gint p = sam_chart_tree_get_parent (tree, i);
          SamChartRect box;

          map[i] = -1;
          if (!sam_chart_layout_get_box (full, i, &box))
            continue;
          map[i] = (gint) sam_chart_tree_add (pruned, p < 0 ? -1 : map[p], box.width, box.height, 0);
          n_visible++;
          n_roots += p < 0;
        }
      small = sam_chart_layout_compute (pruned, &style);

      for (i = 0; i < n; i++)
        if (map[i] >= 0)
          {
            g_assert_cmpfloat (sam_chart_layout_get_x (full)[i], ==, sam_chart_layout_get_x (small)[map[i]]);
            g_assert_cmpfloat (sam_chart_layout_get_y (full)[i], ==, sam_chart_layout_get_y (small)[map[i]]);
          }

      sam_chart_layout_get_extents (full, &all);
      sam_chart_layout_query_rect (full, &all, found);
      g_assert_cmpuint (found->len, ==, n_visible);

      /* The secondary edge ends at the nearest visible ancestors. */
      while (map[a] < 0)
        a = sam_chart_tree_get_parent (tree, a);
      while (map[b] < 0)
        b = sam_chart_tree_get_parent (tree, b);
      if (a != b)
        {
          SamChartEdge e;

          g_assert_cmpuint (sam_chart_layout_get_n_edges (full), ==, n_visible - n_roots + 1);
          sam_chart_layout_get_edge (full, sam_chart_layout_get_n_edges (full) - 1, &e);
          g_assert_cmpuint (e.from, ==, a);
          g_assert_cmpuint (e.to, ==, b);
          g_assert_cmpint (e.kind, ==, SAM_CHART_EDGE_REPORTS_TO);
        }
      else
        g_assert_cmpuint (sam_chart_layout_get_n_edges (full), ==, n_visible - n_roots);

      style.compact_threshold = g_rand_int_range (rand, 1, 5);
      check_layout (tree, &style, rand);
    }
}

/* A forest's trees stand side by side in order, a subtree gap apart. */
static void
test_forest (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (16);
  g_autoptr(SamChartLayout) layout = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (17);
  SamChartStyle style;
  guint r1, r2, r3;

  sam_chart_style_init (&style);
  r1 = sam_chart_tree_add (tree, -1, 100, 40, 0);
  sam_chart_tree_add (tree, r1, 300, 40, 0);
  r2 = sam_chart_tree_add (tree, -1, 50, 40, 0);
  r3 = sam_chart_tree_add (tree, -1, 70, 90, 0);
  sam_chart_tree_add (tree, r2, 80, 40, 0);
  check_layout (tree, &style, rand);

  layout = sam_chart_layout_compute (tree, &style);
  g_assert_cmpfloat (sam_chart_layout_get_x (layout)[r1], <, sam_chart_layout_get_x (layout)[r2]);
  g_assert_cmpfloat (sam_chart_layout_get_x (layout)[r2], <, sam_chart_layout_get_x (layout)[r3]);
  g_assert_cmpfloat (sam_chart_layout_get_y (layout)[r3], ==, 0);
  g_assert_cmpuint (sam_chart_layout_get_n_edges (layout), ==, 2);
}

/* Secondary edges leave and enter boxes from the side. */
static void
test_secondary (void)
{
  g_autoptr(SamChartTree) tree = sam_chart_tree_new (16);
  g_autoptr(SamChartLayout) layout = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (19);
  SamChartStyle style;
  SamChartEdge e;
  guint root, a, b, c;

  sam_chart_style_init (&style);
  root = sam_chart_tree_add (tree, -1, 100, 40, 0);
  a = sam_chart_tree_add (tree, root, 100, 40, 0);
  b = sam_chart_tree_add (tree, root, 100, 40, 0);
  c = sam_chart_tree_add (tree, a, 100, 40, 0);
  sam_chart_tree_add_edge (tree, a, b, SAM_CHART_EDGE_REPORTS_TO);    /* to the right */
  sam_chart_tree_add_edge (tree, b, c, SAM_CHART_EDGE_ESCALATES_TO);  /* down-left */
  sam_chart_tree_add_edge (tree, c, a, SAM_CHART_EDGE_PREPARES_FOR);  /* straight up */
  sam_chart_tree_add_edge (tree, a, a, SAM_CHART_EDGE_JOINT_MEETING); /* a loop: dropped */
  check_layout (tree, &style, rand);

  layout = sam_chart_layout_compute (tree, &style);
  g_assert_cmpuint (sam_chart_layout_get_n_edges (layout), ==, 3 + 3);

  sam_chart_layout_get_edge (layout, 3, &e);
  g_assert_cmpint (e.kind, ==, SAM_CHART_EDGE_REPORTS_TO);
  g_assert_cmpfloat (e.points[0].x, ==, sam_chart_layout_get_x (layout)[a] + 100);
  g_assert_cmpfloat (e.points[e.n_points - 1].x, ==, sam_chart_layout_get_x (layout)[b]);
  g_assert_cmpuint (e.n_points, ==, 2);

  sam_chart_layout_get_edge (layout, 4, &e);
  g_assert_cmpfloat (e.points[0].x, ==, sam_chart_layout_get_x (layout)[b]);
  g_assert_cmpfloat (e.points[e.n_points - 1].x, ==, sam_chart_layout_get_x (layout)[c] + 100);

  sam_chart_layout_get_edge (layout, 5, &e);
  g_assert_cmpuint (e.n_points, ==, 4);
  g_assert_cmpfloat (e.points[1].x, >, sam_chart_layout_get_x (layout)[a] + 100);
}

static double
work_per_node (SamChartTree        *tree,
               const SamChartStyle *style)
{
  g_autoptr(SamChartLayout) layout = sam_chart_layout_compute (tree, style);

  return (double) sam_chart_layout_get_work (layout) / sam_chart_tree_get_n_nodes (tree);
}

/* The layout's work grows linearly: per node, 100 000 nodes cost at most
 * 1.5 times what 1 000 of the same shape cost (counted, not timed). */
static void
test_linear (void)
{
  SamChartStyle style;
  guint shape;

  sam_chart_style_init (&style);

  for (shape = 0; shape <= N_SHAPES; shape++)
    {
      g_autoptr(SamChartTree) small = NULL;
      g_autoptr(SamChartTree) big = NULL;
      double w_small, w_big;

      if (shape == N_SHAPES)
        {
          small = sam_chart_tree_new (1000);
          big = sam_chart_tree_new (100000);
          governance_generate (small, 1000, 1);
          governance_generate (big, 100000, 1);
        }
      else
        {
          g_autoptr(GRand) r1 = g_rand_new_with_seed (23);
          g_autoptr(GRand) r2 = g_rand_new_with_seed (23);

          small = random_tree (r1, 1000, shape, 0.3, 0, FALSE);
          big = random_tree (r2, 100000, shape, 0.3, 0, FALSE);
        }

      w_small = work_per_node (small, &style);
      w_big = work_per_node (big, &style);
      g_test_message ("shape %u: %.2f work units per node at 1 000, %.2f at 100 000 (ratio %.3f)",
                      shape, w_small, w_big, w_big / w_small);
      g_assert_cmpfloat (w_big / w_small, <=, 1.5);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/chart-layout/empty", test_empty);
  g_test_add_func ("/chart-layout/single", test_single);
  g_test_add_func ("/chart-layout/by-hand", test_by_hand);
  g_test_add_func ("/chart-layout/spacing", test_spacing);
  g_test_add_func ("/chart-layout/non-layered", test_non_layered);
  g_test_add_func ("/chart-layout/random", test_random);
  g_test_add_func ("/chart-layout/path", test_path);
  g_test_add_func ("/chart-layout/star", test_star);
  g_test_add_func ("/chart-layout/deep-chain", test_deep_chain);
  g_test_add_func ("/chart-layout/transpose", test_transpose);
  g_test_add_func ("/chart-layout/compact", test_compact);
  g_test_add_func ("/chart-layout/stack-leaves", test_stack_leaves);
  g_test_add_func ("/chart-layout/loose-roots", test_loose_roots);
  g_test_add_func ("/chart-layout/collapse", test_collapse);
  g_test_add_func ("/chart-layout/forest", test_forest);
  g_test_add_func ("/chart-layout/secondary", test_secondary);
  g_test_add_func ("/chart-layout/linear", test_linear);

  return g_test_run ();
}

/* sam-chart-layout.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-layout"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sam-chart-layout.h"

/*
 * A tidy tree in linear time: Walker's algorithm as made linear by
 * Buchheim, Jünger and Leipert, in van der Ploeg's non-layered form
 * ("Drawing non-layered tidy trees in linear time", 2014), so boxes of
 * different depths need no common rows. Every child starts one level gap
 * below its own parent, and two subtrees are compared only where their
 * contours overlap along the depth axis.
 *
 * The algorithm works on abstract axes: "breadth" runs along a row of
 * siblings and "depth" from a parent to its children. Top-down charts map
 * breadth to x, left-to-right charts map it to y, so the second
 * orientation is exactly the transposition of the first.
 *
 * Nothing recurses. The visible tree is copied into an array of slots in
 * one pass over the nodes, with each family in one run of slots and every
 * parent before its children: the first walk runs over the slots backwards
 * (children before parents), the second forwards, each a plain sweep
 * through memory. All arrays are sized once per layout, so a deep chain of
 * 100 000 boxes costs no stack, and a layout is three passes over flat
 * arrays plus the contour walks, whose total length is linear (Buchheim et
 * al.; van der Ploeg).
 */

#define NONE G_MAXUINT

/* Internal node flag kept beside the public SamChartNodeFlags. */
#define NODE_COLLAPSED (1u << 31)

typedef struct
{
  gint   parent;
  guint  first_child;
  guint  next_sibling;
  guint  flags;
  double width;
  double height;
} TreeNode;

typedef struct
{
  guint            from;
  guint            to;
  SamChartEdgeKind kind;
} TreeEdge;

struct _SamChartTree
{
  TreeNode *nodes;
  guint    *last_child;    /* only for adding, kept apart from the nodes */
  guint    *n_children;    /* sizes each family's run of slots */
  guint     max_children;  /* in one family, roots included: sizes scratch */
  guint     n_roots;       /* arrays so a layout touches no more memory */
  guint     n_nodes;
  guint     n_alloc;
  guint     first_root;
  guint     last_root;
  GArray   *edges;
};

/* One node of the tidy tree being laid out: a visible box, a block of
 * stacked compact leaves, or the invisible root above a forest. The
 * fields follow van der Ploeg's paper; el/er are the extreme (deepest)
 * nodes of the subtree's left and right contour and msel/mser the sums of
 * modifiers down to them; a leaf's first (its left thread) and tr continue
 * a contour into a deeper neighbouring subtree. Kept small: at 100 000
 * nodes the layout's speed is the speed of walking this array through
 * memory. */
typedef struct
{
  double prelim;
  double mod;
  double msel;     /* reused by the second walk as the sum of modifiers */
  double mser;
  double bsize;    /* extent along the breadth axis */
  double bottom;   /* top + extent + level gap: where the children start */
  guint  first;    /* children are slots first .. first + n_children - 1;
                    * a leaf's left thread (only leaves have threads) */
  guint  n_children;
  guint  el;
  guint  er;
  guint  tr;
  gint   ext;      /* the tree node, -1 for the forest root, -2 - k for stack k */
} Slot;

typedef struct
{
  guint  first_item;  /* into the layout's stack items */
  guint  n_items;
  guint  columns;
  guint  slot;        /* the block's slot, once its first item was seen */
  guint  parent_slot;
  double spine;       /* from the block's start; absolute after placement */
} Stack;

typedef struct
{
  guint            from;
  guint            to;
  SamChartEdgeKind kind;
} SecondaryEdge;

struct _SamChartLayout
{
  guint               n_nodes;
  SamChartOrientation orientation;
  double              sibling_gap;
  double              level_gap;

  double             *x;
  double             *y;
  double             *width;
  double             *height;
  gint               *parent;
  guint8             *state;
  guint              *stack_of;
  SamChartRect        extents;

  Stack              *stacks;
  guint               n_stacks;

  guint              *tree_edges;   /* the child of each tree edge */
  guint               n_tree_edges;
  SecondaryEdge      *secondary;
  guint               n_secondary;

  /* A uniform grid over the extents, built by the first query: the boxes
   * overlapping cell c are cell_items[cell_start[c] .. cell_start[c + 1]),
   * in node order. */
  gsize               grid_ready;
  double              inv_cell;
  guint               cols;
  guint               rows;
  guint              *cell_start;
  guint              *cell_items;

  guint64             work;
};

/**
 * sam_chart_style_init:
 * @style: (out caller-allocates): the style to fill in
 *
 * Fills @style with the chart's default spacing (in the units of the box
 * sizes, points on paper), top-down, stacking four or more compact leaves.
 */
void
sam_chart_style_init (SamChartStyle *style)
{
  g_return_if_fail (style != NULL);

  style->sibling_gap = 16;
  style->subtree_gap = 32;
  style->level_gap = 40;
  style->orientation = SAM_CHART_TOP_DOWN;
  style->compact_threshold = 4;
}

/**
 * sam_chart_tree_new:
 * @n_hint: the number of nodes expected, or 0
 *
 * Creates an empty tree of boxes for sam_chart_layout_compute().
 *
 * Returns: (transfer full): the tree, to free with sam_chart_tree_free()
 */
SamChartTree *
sam_chart_tree_new (guint n_hint)
{
  SamChartTree *tree = g_new0 (SamChartTree, 1);

  tree->n_alloc = MAX (n_hint, 16);
  tree->nodes = g_new (TreeNode, tree->n_alloc);
  tree->last_child = g_new (guint, tree->n_alloc);
  tree->n_children = g_new (guint, tree->n_alloc);
  tree->first_root = NONE;
  tree->last_root = NONE;
  tree->edges = g_array_new (FALSE, FALSE, sizeof (TreeEdge));

  return tree;
}

/**
 * sam_chart_tree_free:
 * @tree: (nullable) (transfer full): a tree
 *
 * Frees @tree.
 */
void
sam_chart_tree_free (SamChartTree *tree)
{
  if (tree == NULL)
    return;

  g_free (tree->nodes);
  g_free (tree->last_child);
  g_free (tree->n_children);
  g_array_unref (tree->edges);
  g_free (tree);
}

/**
 * sam_chart_tree_add:
 * @tree: a tree
 * @parent: an earlier node, or -1 for a root
 * @width: the box's width, at least 0
 * @height: the box's height, at least 0
 * @flags: #SamChartNodeFlags
 *
 * Adds a box under @parent, after its earlier children. Several roots make
 * a forest, laid out side by side in the order they were added.
 *
 * Returns: the new node's index (nodes are numbered from 0 in the order
 *   they were added)
 */
guint
sam_chart_tree_add (SamChartTree *tree,
                    gint          parent,
                    double        width,
                    double        height,
                    guint         flags)
{
  TreeNode *node;
  guint index;

  g_return_val_if_fail (tree != NULL, NONE);
  g_return_val_if_fail (parent >= -1 && parent < (gint) tree->n_nodes, NONE);
  g_return_val_if_fail (width >= 0 && height >= 0, NONE);
  g_return_val_if_fail (tree->n_nodes < G_MAXINT, NONE);

  if (tree->n_nodes == tree->n_alloc)
    {
      tree->n_alloc = tree->n_alloc < G_MAXINT / 2 ? tree->n_alloc * 2 : G_MAXINT;
      tree->nodes = g_renew (TreeNode, tree->nodes, tree->n_alloc);
      tree->last_child = g_renew (guint, tree->last_child, tree->n_alloc);
      tree->n_children = g_renew (guint, tree->n_children, tree->n_alloc);
    }

  index = tree->n_nodes++;
  node = &tree->nodes[index];
  node->parent = parent;
  node->first_child = NONE;
  node->next_sibling = NONE;
  tree->last_child[index] = NONE;
  tree->n_children[index] = 0;
  node->flags = flags & SAM_CHART_NODE_COMPACT_LEAF;
  node->width = width;
  node->height = height;

  if (parent < 0)
    {
      if (tree->last_root == NONE)
        tree->first_root = index;
      else
        tree->nodes[tree->last_root].next_sibling = index;
      tree->last_root = index;
      tree->n_roots++;
      tree->max_children = MAX (tree->max_children, tree->n_roots);
    }
  else
    {
      if (tree->last_child[parent] == NONE)
        tree->nodes[parent].first_child = index;
      else
        tree->nodes[tree->last_child[parent]].next_sibling = index;
      tree->last_child[parent] = index;
      tree->n_children[parent]++;
      tree->max_children = MAX (tree->max_children, tree->n_children[parent]);
    }

  return index;
}

/**
 * sam_chart_tree_add_edge:
 * @tree: a tree
 * @from: the source node
 * @to: the target node
 * @kind: a secondary kind, not %SAM_CHART_EDGE_TREE
 *
 * Adds a secondary relation (reports to, escalates to…), which the layout
 * routes as an orthogonal polyline beside the tree edges and the renderer
 * draws dashed. It does not move any box.
 */
void
sam_chart_tree_add_edge (SamChartTree     *tree,
                         guint             from,
                         guint             to,
                         SamChartEdgeKind  kind)
{
  TreeEdge edge = { from, to, kind };

  g_return_if_fail (tree != NULL);
  g_return_if_fail (from < tree->n_nodes && to < tree->n_nodes);
  g_return_if_fail (kind != SAM_CHART_EDGE_TREE);

  g_array_append_val (tree->edges, edge);
}

/**
 * sam_chart_tree_set_size:
 * @tree: a tree
 * @node: a node
 * @width: the box's width, at least 0
 * @height: the box's height, at least 0
 *
 * Changes the size of a box, for example after its text was measured.
 */
void
sam_chart_tree_set_size (SamChartTree *tree,
                         guint         node,
                         double        width,
                         double        height)
{
  g_return_if_fail (tree != NULL);
  g_return_if_fail (node < tree->n_nodes);
  g_return_if_fail (width >= 0 && height >= 0);

  tree->nodes[node].width = width;
  tree->nodes[node].height = height;
}

/**
 * sam_chart_tree_get_size:
 * @tree: a tree
 * @node: a node
 * @width: (out) (optional): the box's width
 * @height: (out) (optional): the box's height
 *
 * Gets the size of a box.
 */
void
sam_chart_tree_get_size (const SamChartTree *tree,
                         guint               node,
                         double             *width,
                         double             *height)
{
  g_return_if_fail (tree != NULL);
  g_return_if_fail (node < tree->n_nodes);

  if (width != NULL)
    *width = tree->nodes[node].width;
  if (height != NULL)
    *height = tree->nodes[node].height;
}

/**
 * sam_chart_tree_set_collapsed:
 * @tree: a tree
 * @node: a node
 * @collapsed: whether to hide the node's descendants
 *
 * Collapses or expands @node. The descendants of a collapsed node are left
 * out of the layout, and secondary edges to them end at @node instead.
 */
void
sam_chart_tree_set_collapsed (SamChartTree *tree,
                              guint         node,
                              gboolean      collapsed)
{
  g_return_if_fail (tree != NULL);
  g_return_if_fail (node < tree->n_nodes);

  if (collapsed)
    tree->nodes[node].flags |= NODE_COLLAPSED;
  else
    tree->nodes[node].flags &= ~NODE_COLLAPSED;
}

/**
 * sam_chart_tree_get_collapsed:
 * @tree: a tree
 * @node: a node
 *
 * Returns: whether @node was collapsed with sam_chart_tree_set_collapsed()
 */
gboolean
sam_chart_tree_get_collapsed (const SamChartTree *tree,
                              guint               node)
{
  g_return_val_if_fail (tree != NULL, FALSE);
  g_return_val_if_fail (node < tree->n_nodes, FALSE);

  return (tree->nodes[node].flags & NODE_COLLAPSED) != 0;
}

/**
 * sam_chart_tree_get_n_nodes:
 * @tree: a tree
 *
 * Returns: the number of nodes added to @tree
 */
guint
sam_chart_tree_get_n_nodes (const SamChartTree *tree)
{
  g_return_val_if_fail (tree != NULL, 0);

  return tree->n_nodes;
}

/**
 * sam_chart_tree_get_parent:
 * @tree: a tree
 * @node: a node
 *
 * Returns: the parent of @node, or -1 for a root
 */
gint
sam_chart_tree_get_parent (const SamChartTree *tree,
                           guint               node)
{
  g_return_val_if_fail (tree != NULL, -1);
  g_return_val_if_fail (node < tree->n_nodes, -1);

  return tree->nodes[node].parent;
}

/* Layout state shared by the passes of one computation. */
typedef struct
{
  const SamChartTree  *tree;
  const SamChartStyle *style;
  SamChartLayout      *self;
  Slot                *slots;
  guint                n_slots;
  guint               *items;      /* stacked nodes, stack by stack */
  guint                n_items;
  guint                n_visible;
  double              *iyl_low;    /* van der Ploeg's IYL list, as a stack */
  guint               *iyl_index;
  double              *shift;      /* Walker's spacing of one family's children */
  double              *change;
  gboolean             spread;     /* whether shift and change hold anything */
  guint64              work;
} Run;

static inline void
node_extent (const Run *run,
             guint      node,
             double    *bsize,
             double    *dsize)
{
  const TreeNode *n = &run->tree->nodes[node];

  if (run->style->orientation == SAM_CHART_LEFT_RIGHT)
    {
      *bsize = n->height;
      *dsize = n->width;
    }
  else
    {
      *bsize = n->width;
      *dsize = n->height;
    }
}

static inline gboolean
is_stackable (const TreeNode *node)
{
  return (node->flags & SAM_CHART_NODE_COMPACT_LEAF) != 0
         && (node->first_child == NONE || (node->flags & NODE_COLLAPSED) != 0);
}

static inline void
mark_visible (Run   *run,
              guint  node)
{
  const TreeNode *n = &run->tree->nodes[node];
  guint8 state = SAM_CHART_NODE_STATE_VISIBLE;

  if ((n->flags & NODE_COLLAPSED) != 0 && n->first_child != NONE)
    state |= SAM_CHART_NODE_STATE_COLLAPSED;
  run->self->state[node] = state;
}

static void
init_slot (Run    *run,
           guint   index,
           gint    ext,
           double  bsize)
{
  Slot *s = &run->slots[index];

  memset (s, 0, sizeof *s);
  s->bsize = bsize;
  s->el = s->er = index;
  s->first = s->tr = NONE;
  s->ext = ext;
}

/* Walks a stack's items in order, giving each its offset inside the block,
 * and returns the block's size. The items hang off a spine, on its far
 * side in one column, or on both sides in two columns (read row by row). */
static void
arrange_stack (Run      *run,
               Stack    *stack,
               gboolean  place,
               double    base_b,
               double    base_d,
               double   *block_b,
               double   *block_d)
{
  SamChartLayout *self = run->self;
  double indent = run->style->sibling_gap;
  double row_gap = run->style->sibling_gap;
  double col_b[2] = { 0, 0 };
  double row_d = 0;
  guint i;

  for (i = 0; i < stack->n_items; i++)
    {
      guint col = stack->columns == 2 ? i % 2 : 1;
      double bs, ds;

      node_extent (run, run->items[stack->first_item + i], &bs, &ds);
      col_b[col] = MAX (col_b[col], bs);
    }

  stack->spine = stack->columns == 2 ? col_b[0] + indent : 0;

  for (i = 0; i < stack->n_items; i += stack->columns)
    {
      double row_h = 0;
      guint j;

      for (j = i; j < i + stack->columns && j < stack->n_items; j++)
        {
          guint node = run->items[stack->first_item + j];
          double bs, ds;

          node_extent (run, node, &bs, &ds);
          row_h = MAX (row_h, ds);

          if (place)
            {
              gboolean lr = run->style->orientation == SAM_CHART_LEFT_RIGHT;
              double b = stack->columns == 2 && j % 2 == 0
                         ? base_b + col_b[0] - bs
                         : base_b + stack->spine + indent;

              (lr ? self->y : self->x)[node] = b;
              (lr ? self->x : self->y)[node] = base_d + row_d;
            }
        }

      row_d += row_h + row_gap;
    }

  *block_b = stack->spine + indent + col_b[1];
  *block_d = stack->n_items > 0 ? row_d - row_gap : 0;
}

/* Reserves the run of slots for a family when its first member shows up;
 * compact leaves take one slot between them if there are enough. */
static void
open_family (Run   *run,
             guint  parent_slot,
             gint   parent,
             guint *stack_of_parent)
{
  SamChartLayout *self = run->self;
  Slot *sp = &run->slots[parent_slot];
  guint threshold = run->style->compact_threshold;
  guint size = parent < 0 ? run->tree->n_roots : run->tree->n_children[parent];

  if (parent >= 0 && threshold > 0)
    {
      guint n_compact = stack_of_parent[parent];

      stack_of_parent[parent] = NONE;
      if (n_compact >= threshold)
        {
          Stack *stack = &self->stacks[self->n_stacks];

          stack->first_item = run->n_items;
          stack->n_items = 0;
          stack->columns = n_compact >= 2 * threshold ? 2 : 1;
          stack->slot = NONE;
          stack->parent_slot = parent_slot;
          run->n_items += n_compact;
          stack_of_parent[parent] = self->n_stacks++;
          size -= n_compact - 1;
        }
    }

  sp->first = run->n_slots;
  run->n_slots += size;
}

/* Copies the visible tree into slots in one pass over the nodes in the
 * order they were added, which reads the tree straight through memory
 * whatever its shape: every family gets one run of slots, reserved when
 * its first member is met, so parents (met first) come before their
 * children and siblings lie together. Sizes and parents are handed to the
 * layout on the way. */
static void
build_slots (Run   *run,
             guint *slot_of,
             guint *stack_of_parent)
{
  const SamChartTree *tree = run->tree;
  const TreeNode *nodes = tree->nodes;
  SamChartLayout *self = run->self;
  guint threshold = run->style->compact_threshold;
  double level_gap = run->style->level_gap;
  guint i, k, n = tree->n_nodes;

  init_slot (run, 0, -1, 0);
  run->slots[0].bottom = 0;
  run->n_slots = 1;

  /* How many compact leaves each family has decides its stacking before
   * the family's slots are reserved. */
  if (threshold > 0)
    {
      memset (stack_of_parent, 0, n * sizeof (guint));
      for (i = 0; i < n; i++)
        if (nodes[i].parent >= 0 && is_stackable (&nodes[i]))
          stack_of_parent[nodes[i].parent]++;
    }

  for (i = 0; i < n; i++)
    {
      const TreeNode *node = &nodes[i];
      gint p = node->parent;
      guint ps = 0;
      Slot *sp;

      if (p >= 0)
        {
          if (self->state[p] == 0 || (nodes[p].flags & NODE_COLLAPSED) != 0)
            continue;
          ps = slot_of[p];
        }

      run->work++;
      mark_visible (run, i);
      self->width[i] = node->width;
      self->height[i] = node->height;
      self->parent[i] = p;
      run->n_visible++;

      sp = &run->slots[ps];
      if (sp->first == NONE)
        open_family (run, ps, p, stack_of_parent);

      if (p >= 0 && threshold > 0 && stack_of_parent[p] != NONE && is_stackable (node))
        {
          Stack *stack = &self->stacks[stack_of_parent[p]];

          if (stack->slot == NONE)
            {
              stack->slot = sp->first + sp->n_children++;
              init_slot (run, stack->slot, -2 - (gint) stack_of_parent[p], 0);
            }
          run->items[stack->first_item + stack->n_items++] = i;
          self->state[i] |= SAM_CHART_NODE_STATE_STACKED;
          self->stack_of[i] = stack_of_parent[p];
          slot_of[i] = NONE;
        }
      else
        {
          double bs, ds;

          k = sp->first + sp->n_children++;
          node_extent (run, i, &bs, &ds);
          init_slot (run, k, (gint) i, bs);
          run->slots[k].bottom = sp->bottom + ds + level_gap;
          slot_of[i] = k;
        }
    }

  for (k = 0; k < self->n_stacks; k++)
    {
      Stack *stack = &self->stacks[k];
      Slot *block = &run->slots[stack->slot];
      double bb, bd;

      arrange_stack (run, stack, FALSE, 0, 0, &bb, &bd);
      block->bsize = bb;
      block->bottom = run->slots[stack->parent_slot].bottom + bd + level_gap;
    }
}

static inline guint
next_left (const Slot *slots,
           guint       v)
{
  return slots[v].first;
}

static inline guint
next_right (const Slot *slots,
            guint       v)
{
  return slots[v].n_children == 0 ? slots[v].tr : slots[v].first + slots[v].n_children - 1;
}

static void
move_subtree (Run    *run,
              guint   v,
              guint   i,
              guint   si,
              double  dist)
{
  Slot *c = &run->slots[run->slots[v].first + i];

  c->mod += dist;
  c->msel += dist;
  c->mser += dist;

  /* Spread the move over the siblings between the two that touched, so
   * small subtrees between big ones are evenly spaced. Recorded as
   * differences and summed once all children are placed, which keeps the
   * walk linear. */
  if (si != i - 1)
    {
      double nr = i - si;

      if (!run->spread)
        {
          memset (run->shift, 0, run->slots[v].n_children * sizeof (double));
          memset (run->change, 0, run->slots[v].n_children * sizeof (double));
          run->spread = TRUE;
        }
      run->shift[si + 1] += dist / nr;
      run->shift[i] -= dist / nr;
      run->change[i] -= dist - dist / nr;
    }
}

/* Adds the recorded spacing to the children's modifiers. Only siblings
 * strictly between two that touched move, and those are never again part
 * of a contour (each is shallower than the later sibling that pushed), so
 * doing this now rather than in the second walk changes nothing else. */
static void
spread_children (Run   *run,
                 guint  v)
{
  Slot *slots = run->slots;
  double d = 0, modsum_delta = 0;
  guint i;

  for (i = 0; i < slots[v].n_children; i++)
    {
      d += run->shift[i];
      modsum_delta += d + run->change[i];
      slots[slots[v].first + i].mod += modsum_delta;
    }
  run->spread = FALSE;
}

static void
set_left_thread (Slot   *slots,
                 guint   v,
                 guint   i,
                 guint   cl,
                 double  modsum_cl)
{
  Slot *c0 = &slots[slots[v].first];
  Slot *ci = &slots[slots[v].first + i];
  Slot *li = &slots[c0->el];
  double diff;

  li->first = cl;
  /* Make the sum of modifiers along the thread come out right, without
   * moving li itself. */
  diff = (modsum_cl - slots[cl].mod) - c0->msel;
  li->mod += diff;
  li->prelim -= diff;
  c0->el = ci->el;
  c0->msel = ci->msel;
}

static void
set_right_thread (Slot   *slots,
                  guint   v,
                  guint   i,
                  guint   sr,
                  double  modsum_sr)
{
  Slot *cp = &slots[slots[v].first + i - 1];
  Slot *ci = &slots[slots[v].first + i];
  Slot *ri = &slots[ci->er];
  double diff;

  ri->tr = sr;
  diff = (modsum_sr - slots[sr].mod) - ci->mser;
  ri->mod += diff;
  ri->prelim -= diff;
  ci->er = cp->er;
  ci->mser = cp->mser;
}

/* Pushes child i of v right until it clears its left siblings wherever
 * their contours overlap in depth. ih is the top of the IYL stack. */
static void
separate (Run   *run,
          guint  v,
          guint  i,
          guint  ih)
{
  Slot *slots = run->slots;
  guint sr = slots[v].first + i - 1;
  guint cl = slots[v].first + i;
  double mssr = slots[sr].mod;
  double mscl = slots[cl].mod;
  double gap = v == 0 ? run->style->subtree_gap : run->style->sibling_gap;

  while (sr != NONE && cl != NONE)
    {
      double dist, sy, cy;

      run->work++;

      while (ih > 0 && slots[sr].bottom > run->iyl_low[ih])
        {
          ih--;
          run->work++;
        }

      dist = (mssr + slots[sr].prelim + slots[sr].bsize + gap) - (mscl + slots[cl].prelim);
      if (dist > 0)
        {
          mscl += dist;
          move_subtree (run, v, i, run->iyl_index[ih], dist);
        }

      /* Below the two roots, boxes belong to different parents. */
      gap = run->style->subtree_gap;

      sy = slots[sr].bottom;
      cy = slots[cl].bottom;
      if (sy <= cy)
        {
          sr = next_right (slots, sr);
          if (sr != NONE)
            mssr += slots[sr].mod;
        }
      if (sy >= cy)
        {
          cl = next_left (slots, cl);
          if (cl != NONE)
            mscl += slots[cl].mod;
        }
    }

  if (sr == NONE && cl != NONE)
    set_left_thread (slots, v, i, cl, mscl);
  else if (sr != NONE && cl == NONE)
    set_right_thread (slots, v, i, sr, mssr);
}

/* Places the children of slot v side by side, each as close to its left
 * siblings as their contours allow, and v centred over them. */
static void
first_walk_step (Run   *run,
                 guint  v)
{
  Slot *slots = run->slots;
  Slot *sv = &slots[v];
  Slot *c0, *cn;
  guint i, top;

  run->work++;

  if (sv->n_children == 0)
    {
      sv->el = sv->er = v;
      sv->msel = sv->mser = 0;
      return;
    }

  /* The IYL stack: left siblings still exposed in the contour, with the
   * lowest depth each reaches, deepest at the bottom. */
  top = 0;
  run->iyl_low[0] = slots[slots[sv->first].el].bottom;
  run->iyl_index[0] = 0;

  for (i = 1; i < sv->n_children; i++)
    {
      double min_y = slots[slots[sv->first + i].er].bottom;

      separate (run, v, i, top);

      while (top != NONE && min_y >= run->iyl_low[top])
        {
          top = top == 0 ? NONE : top - 1;
          run->work++;
        }
      top = top == NONE ? 0 : top + 1;
      run->iyl_low[top] = min_y;
      run->iyl_index[top] = i;
    }

  if (run->spread)
    spread_children (run, v);

  /* Centre the parent between the centres of its outer children. */
  c0 = &slots[sv->first];
  cn = &slots[sv->first + sv->n_children - 1];
  sv->prelim = (c0->prelim + c0->mod + c0->bsize / 2
                + cn->prelim + cn->mod + cn->bsize / 2) / 2
               - sv->bsize / 2;

  sv->el = c0->el;
  sv->msel = c0->msel;
  sv->er = cn->er;
  sv->mser = cn->mser;
}

/* Places the nodes, children before parents, in one sweep backwards over
 * the slots: a plain sweep through memory, which at 100 000 nodes beats
 * any cleverer order (a depth-first traversal placing each node as soon as
 * its subtree is built was measured 15 % slower). */
static void
first_walk (Run *run)
{
  guint v;

  for (v = run->n_slots; v-- > 0;)
    first_walk_step (run, v);
}

/* The chart's left edge: the leftmost box at every depth is on the left
 * contour, which the threads let us walk in time proportional to the
 * height. */
static double
leftmost (Run *run)
{
  const Slot *slots = run->slots;
  double min_b = G_MAXDOUBLE, modsum = slots[0].mod;
  guint v;

  for (v = next_left (slots, 0); v != NONE; v = next_left (slots, v))
    {
      modsum += slots[v].mod;
      min_b = MIN (min_b, slots[v].prelim + modsum);
      run->work++;
    }

  return min_b;
}

static inline void
add_tree_edge (SamChartLayout *self,
               guint           node)
{
  if (self->parent[node] >= 0)
    self->tree_edges[self->n_tree_edges++] = node;
}

/* Turns relative positions into absolute ones, parents before children,
 * and writes every visible node's final position: moved so the chart
 * starts at the origin (the roots are at depth 0 already), transposed for
 * left-to-right. Lists the tree edges on the way, one per visible node
 * with a parent, parents' before their children's. */
static void
second_walk (Run    *run,
             double  min_b)
{
  SamChartLayout *self = run->self;
  Slot *slots = run->slots;
  gboolean lr = run->style->orientation == SAM_CHART_LEFT_RIGHT;
  double *bx = lr ? self->y : self->x, *dy = lr ? self->x : self->y;
  const double *dsize = lr ? self->width : self->height;
  double max_b = 0, max_d = 0;
  guint v, i;

  slots[0].msel = slots[0].mod;

  for (v = 0; v < run->n_slots; v++)
    {
      Slot *sv = &slots[v];
      double top = sv->bottom;  /* where every child starts */

      run->work++;

      for (i = 0; i < sv->n_children; i++)
        {
          Slot *c = &slots[sv->first + i];
          double b;

          c->msel = sv->msel + c->mod;
          b = c->prelim + c->msel - min_b;
          max_b = MAX (max_b, b + c->bsize);

          if (c->ext >= 0)
            {
              bx[c->ext] = b;
              dy[c->ext] = top;
              max_d = MAX (max_d, top + dsize[c->ext]);
              add_tree_edge (self, c->ext);
            }
          else
            {
              Stack *stack = &self->stacks[-2 - c->ext];
              double bb, bd;
              guint k;

              arrange_stack (run, stack, TRUE, b, top, &bb, &bd);
              stack->spine += b;
              max_d = MAX (max_d, top + bd);
              for (k = 0; k < stack->n_items; k++)
                add_tree_edge (self, run->items[stack->first_item + k]);
            }
        }
    }

  self->extents.x = 0;
  self->extents.y = 0;
  self->extents.width = lr ? max_d : max_b;
  self->extents.height = lr ? max_b : max_d;
}

/* Nodes inside collapsed branches get an empty box at the origin. */
static void
clear_hidden (Run *run)
{
  SamChartLayout *self = run->self;
  guint i;

  for (i = 0; i < self->n_nodes; i++)
    if (self->state[i] == 0)
      {
        self->x[i] = self->y[i] = 0;
        self->width[i] = self->height[i] = 0;
        self->parent[i] = run->tree->nodes[i].parent;
      }
}

/* Lists the secondary edges with hidden ends moved to the nearest visible
 * ancestor, dropping those that would join a box to itself. */
static void
collect_secondary_edges (Run *run)
{
  SamChartLayout *self = run->self;
  const SamChartTree *tree = run->tree;
  guint i;

  if (tree->edges->len == 0)
    return;

  self->secondary = g_new (SecondaryEdge, tree->edges->len);
  for (i = 0; i < tree->edges->len; i++)
    {
      const TreeEdge *e = &g_array_index (tree->edges, TreeEdge, i);
      SecondaryEdge *out = &self->secondary[self->n_secondary];
      guint from = e->from, to = e->to;

      while (self->state[from] == 0)
        from = tree->nodes[from].parent;
      while (self->state[to] == 0)
        to = tree->nodes[to].parent;
      if (from == to)
        continue;

      out->from = from;
      out->to = to;
      out->kind = e->kind;
      self->n_secondary++;
    }
}

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
 * sam_chart_layout_compute:
 * @tree: the boxes
 * @style: the spacing and orientation
 *
 * Lays out @tree as a tidy tree, in time linear in its number of nodes:
 * parents centred over their first and last children, siblings in the
 * order they were added, no two boxes closer than the gaps, every child one
 * level gap below its parent. A parent's compact leaves are stacked in one
 * or two columns beside a spine when there are at least
 * @style->compact_threshold of them. The result depends only on the input:
 * the same tree and style always give the same numbers.
 *
 * The chart is moved so that its extents start at (0, 0).
 *
 * Returns: (transfer full): the layout, to free with sam_chart_layout_free()
 */
SamChartLayout *
sam_chart_layout_compute (const SamChartTree  *tree,
                          const SamChartStyle *style)
{
  SamChartLayout *self;
  Run run = { 0 };
  guint *slot_of, *stack_of_parent = NULL;
  guint n;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  n = tree->n_nodes;
  self = g_new0 (SamChartLayout, 1);
  self->n_nodes = n;
  self->orientation = style->orientation;
  self->sibling_gap = MIN (style->sibling_gap, style->subtree_gap);
  self->level_gap = style->level_gap;

  self->x = g_new (double, 4 * (gsize) MAX (n, 1));
  self->y = self->x + n;
  self->width = self->y + n;
  self->height = self->width + n;
  self->parent = g_new (gint, MAX (n, 1));
  self->state = g_new0 (guint8, MAX (n, 1));
  /* Only read for stacked nodes, which set it. */
  self->stack_of = g_new (guint, MAX (n, 1));
  self->tree_edges = g_new (guint, MAX (n, 1));

  if (n == 0)
    return self;

  run.tree = tree;
  run.style = style;
  run.self = self;
  /* Each stack replaces at least one node, so n + 1 slots always do;
   * stacking and collapsing only ever make families smaller, so the
   * largest family of the whole tree bounds the scratch arrays. */
  run.slots = g_new (Slot, n + 1);
  run.iyl_low = g_new (double, tree->max_children);
  run.iyl_index = g_new (guint, tree->max_children);
  run.shift = g_new (double, tree->max_children);
  run.change = g_new (double, tree->max_children);
  slot_of = g_new (guint, n);
  if (style->compact_threshold > 0)
    {
      run.items = g_new (guint, n);
      stack_of_parent = g_new (guint, n);
      self->stacks = g_new (Stack, n / style->compact_threshold + 1);
    }

  build_slots (&run, slot_of, stack_of_parent);
  first_walk (&run);
  second_walk (&run, leftmost (&run));
  if (run.n_visible < n)
    clear_hidden (&run);
  collect_secondary_edges (&run);

  self->work = run.work;

  g_free (run.slots);
  g_free (run.items);
  g_free (slot_of);
  g_free (stack_of_parent);
  g_free (run.iyl_low);
  g_free (run.iyl_index);
  g_free (run.shift);
  g_free (run.change);

  return self;
}

/**
 * sam_chart_layout_free:
 * @layout: (nullable) (transfer full): a layout
 *
 * Frees @layout.
 */
void
sam_chart_layout_free (SamChartLayout *layout)
{
  if (layout == NULL)
    return;

  g_free (layout->x);
  g_free (layout->parent);
  g_free (layout->state);
  g_free (layout->stack_of);
  g_free (layout->stacks);
  g_free (layout->tree_edges);
  g_free (layout->secondary);
  g_free (layout->cell_start);
  g_free (layout->cell_items);
  g_free (layout);
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

/**
 * sam_chart_layout_get_work:
 * @layout: a layout
 *
 * Gets the number of elementary steps (slot visits, contour comparisons)
 * the computation took, which tests use to check that the work grows
 * linearly with the tree without timing anything.
 *
 * Returns: the work count
 */
guint64
sam_chart_layout_get_work (const SamChartLayout *layout)
{
  g_return_val_if_fail (layout != NULL, 0);

  return layout->work;
}

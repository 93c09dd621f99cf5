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
 * Nothing recurses, and nothing is renumbered. Node i of the tree is slot
 * i of the layout (the invisible root above a forest and the blocks of
 * stacked leaves come after the nodes), and every child links to its next
 * visible sibling. A tree's nodes always come after their parents, so the
 * first walk, which needs children before parents, is one sweep backwards
 * over the slots, and the second walk, parents first, one sweep forwards
 * that writes each node's position in node order. The chart builds its
 * trees in pre-order, where a subtree is one run of slots starting at its
 * root: the first walk then finishes each subtree while its slots are
 * still in the cache, and at 100 000 boxes a layout reads and writes its
 * arrays front to back instead of jumping between far apart families.
 * All arrays are sized once per layout, in one block for the result and
 * one for the scratch, so a deep chain of 100 000 boxes costs no stack,
 * and a layout is three passes over flat arrays plus the contour walks,
 * whose total length is linear (Buchheim et al.; van der Ploeg).
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
  guint    *n_children;    /* only for adding: counts each family */
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
 * modifiers down to them; a leaf's nl and nr (its threads) continue a
 * contour into a deeper neighbouring subtree. Kept small and in one
 * struct: the contour walks read a node's position, size, depth and links
 * together, from one or two cache lines. */
typedef struct
{
  double prelim;
  double mod;
  double msel;        /* reused by the second walk as the sum of modifiers */
  double mser;
  double bsize;       /* extent along the breadth axis */
  double bottom;      /* top + extent + level gap: where the children start */
  guint  nl;          /* the first child, or a leaf's left thread */
  guint  nr;          /* the last child, or a leaf's right thread */
  guint  next;        /* the next visible sibling */
  guint  n_children;
  guint  el;
  guint  er;
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
  Slot                *slots;      /* the nodes', then the root's, then the stacks' */
  guint                root;       /* the forest root's slot, after the nodes */
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
init_slot (Slot   *s,
           guint   index,
           double  bsize)
{
  memset (s, 0, sizeof *s);
  s->bsize = bsize;
  s->nl = s->nr = s->next = NONE;
  s->el = s->er = index;
}

/* Links slot c in as the last child of slot p. */
static inline void
append_child (Slot  *slots,
              guint  p,
              guint  c)
{
  Slot *sp = &slots[p];

  if (sp->n_children++ == 0)
    sp->nl = c;
  else
    slots[sp->nr].next = c;
  sp->nr = c;
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

/* stack_of_parent holds, for each parent, how many compact leaves it has
 * until its first one is met; then whether they are stacked, and where. */
#define STACK_RESOLVED (1u << 31)

/* Decides, at a parent's first compact leaf, whether its compact leaves
 * are stacked: then they take one slot between them, a block linked in
 * among the parent's children where the first of them stands. Returns the
 * stack, or NONE. */
static guint
stack_for (Run   *run,
           guint *stack_of_parent,
           guint  parent)
{
  SamChartLayout *self = run->self;
  guint threshold = run->style->compact_threshold;
  guint v = stack_of_parent[parent];

  if ((v & STACK_RESOLVED) == 0)
    {
      guint n_compact = v;

      v = NONE;
      if (n_compact >= threshold)
        {
          Stack *stack = &self->stacks[self->n_stacks];

          stack->first_item = run->n_items;
          stack->n_items = 0;
          stack->columns = n_compact >= 2 * threshold ? 2 : 1;
          stack->slot = run->root + 1 + self->n_stacks;
          stack->parent_slot = parent;
          run->n_items += n_compact;
          init_slot (&run->slots[stack->slot], stack->slot, 0);
          append_child (run->slots, parent, stack->slot);
          v = self->n_stacks++ | STACK_RESOLVED;
        }
      stack_of_parent[parent] = v;
    }

  return v == NONE ? NONE : v & ~STACK_RESOLVED;
}

/* Sets up the slots in one pass over the nodes in the order they were
 * added, parents before children: decides which nodes are visible, links
 * every visible box to its parent's children (or its compact leaves into
 * a stack), and hands sizes and parents to the layout on the way. */
static void
build_slots (Run   *run,
             guint *stack_of_parent)
{
  const SamChartTree *tree = run->tree;
  const TreeNode *nodes = tree->nodes;
  SamChartLayout *self = run->self;
  Slot *slots = run->slots;
  guint threshold = run->style->compact_threshold;
  gboolean lr = run->style->orientation == SAM_CHART_LEFT_RIGHT;
  double level_gap = run->style->level_gap;
  guint i, k, n = tree->n_nodes;

  init_slot (&slots[run->root], run->root, 0);

  /* How many compact leaves each family has decides its stacking before
   * the family's first compact leaf is linked in. */
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
      guint ps = p < 0 ? run->root : (guint) p;
      guint8 state = SAM_CHART_NODE_STATE_VISIBLE;

      self->parent[i] = p;
      if (p >= 0 && (self->state[p] == 0 || (nodes[p].flags & NODE_COLLAPSED) != 0))
        {
          /* Inside a collapsed branch: state 0 and an empty box at the
           * origin. */
          self->state[i] = 0;
          self->x[i] = self->y[i] = self->width[i] = self->height[i] = 0;
          continue;
        }

      run->work++;
      run->n_visible++;
      self->width[i] = node->width;
      self->height[i] = node->height;
      if ((node->flags & NODE_COLLAPSED) != 0 && node->first_child != NONE)
        state |= SAM_CHART_NODE_STATE_COLLAPSED;

      if (p >= 0 && threshold > 0 && is_stackable (node)
          && (k = stack_for (run, stack_of_parent, ps)) != NONE)
        {
          Stack *stack = &self->stacks[k];

          run->items[stack->first_item + stack->n_items++] = i;
          state |= SAM_CHART_NODE_STATE_STACKED;
          self->stack_of[i] = k;
        }
      else
        {
          Slot *s = &slots[i];

          init_slot (s, i, lr ? node->height : node->width);
          s->bottom = slots[ps].bottom + (lr ? node->width : node->height) + level_gap;
          append_child (slots, ps, i);
        }
      self->state[i] = state;
    }

  for (k = 0; k < self->n_stacks; k++)
    {
      Stack *stack = &self->stacks[k];
      Slot *block = &slots[stack->slot];
      double bb, bd;

      arrange_stack (run, stack, FALSE, 0, 0, &bb, &bd);
      block->bsize = bb;
      block->bottom = slots[stack->parent_slot].bottom + bd + level_gap;
    }
}

/* Moves child c, the i-th of v, right by dist; si is the sibling its
 * contour touched. */
static void
move_subtree (Run    *run,
              guint   v,
              guint   i,
              guint   c,
              guint   si,
              double  dist)
{
  Slot *sc = &run->slots[c];

  sc->mod += dist;
  sc->msel += dist;
  sc->mser += dist;

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
  guint i, c;

  for (i = 0, c = slots[v].nl; c != NONE; i++, c = slots[c].next)
    {
      d += run->shift[i];
      modsum_delta += d + run->change[i];
      slots[c].mod += modsum_delta;
    }
  run->spread = FALSE;
}

/* Child ci's left contour goes deeper than its left siblings' together:
 * thread their deepest leftmost leaf on to ci's contour at cl. */
static void
set_left_thread (Slot   *slots,
                 guint   c0,
                 guint   ci,
                 guint   cl,
                 double  modsum_cl)
{
  Slot *s0 = &slots[c0];
  Slot *si = &slots[ci];
  Slot *li = &slots[s0->el];
  double diff;

  li->nl = cl;
  /* Make the sum of modifiers along the thread come out right, without
   * moving li itself. */
  diff = (modsum_cl - slots[cl].mod) - s0->msel;
  li->mod += diff;
  li->prelim -= diff;
  s0->el = si->el;
  s0->msel = si->msel;
}

/* The left siblings' right contour goes deeper than child ci's: thread
 * ci's deepest rightmost leaf on to theirs at sr. */
static void
set_right_thread (Slot   *slots,
                  guint   cp,
                  guint   ci,
                  guint   sr,
                  double  modsum_sr)
{
  Slot *sp = &slots[cp];
  Slot *si = &slots[ci];
  Slot *ri = &slots[si->er];
  double diff;

  ri->nr = sr;
  diff = (modsum_sr - slots[sr].mod) - si->mser;
  ri->mod += diff;
  ri->prelim -= diff;
  si->er = sp->er;
  si->mser = sp->mser;
}

/* Pushes child cl, the i-th of v, right until it clears its left siblings
 * (the nearest is sr) wherever their contours overlap in depth. ih is the
 * top of the IYL stack. */
static void
separate (Run   *run,
          guint  v,
          guint  i,
          guint  sr,
          guint  cl,
          guint  ih)
{
  Slot *slots = run->slots;
  guint ci = cl, cp = sr;
  double mssr = slots[sr].mod;
  double mscl = slots[cl].mod;
  double gap = v == run->root ? run->style->subtree_gap : run->style->sibling_gap;

  while (sr != NONE && cl != NONE)
    {
      const Slot *ssr = &slots[sr], *scl = &slots[cl];
      double dist, sy, cy;

      run->work++;

      while (ih > 0 && ssr->bottom > run->iyl_low[ih])
        {
          ih--;
          run->work++;
        }

      dist = (mssr + ssr->prelim + ssr->bsize + gap) - (mscl + scl->prelim);
      if (dist > 0)
        {
          mscl += dist;
          move_subtree (run, v, i, ci, run->iyl_index[ih], dist);
        }

      /* Below the two roots, boxes belong to different parents. */
      gap = run->style->subtree_gap;

      sy = ssr->bottom;
      cy = scl->bottom;
      if (sy <= cy)
        {
          sr = ssr->nr;
          if (sr != NONE)
            mssr += slots[sr].mod;
        }
      if (sy >= cy)
        {
          cl = scl->nl;
          if (cl != NONE)
            mscl += slots[cl].mod;
        }
    }

  if (sr == NONE && cl != NONE)
    set_left_thread (slots, slots[v].nl, ci, cl, mscl);
  else if (sr != NONE && cl == NONE)
    set_right_thread (slots, cp, ci, sr, mssr);
}

/* Places the children of slot v side by side, each as close to its left
 * siblings as their contours allow, and v centred over them. A leaf keeps
 * what init_slot() gave it: its own extremes and no modifiers. */
static void
first_walk_step (Run   *run,
                 guint  v)
{
  Slot *slots = run->slots;
  Slot *sv = &slots[v];
  Slot *c0, *cn;
  guint i, c, prev, top;

  run->work++;

  if (sv->n_children == 0)
    return;

  /* The IYL stack: left siblings still exposed in the contour, with the
   * lowest depth each reaches, deepest at the bottom. */
  top = 0;
  run->iyl_low[0] = slots[slots[sv->nl].el].bottom;
  run->iyl_index[0] = 0;

  for (i = 1, prev = sv->nl, c = slots[prev].next; c != NONE; i++, prev = c, c = slots[c].next)
    {
      double min_y = slots[slots[c].er].bottom;

      separate (run, v, i, prev, c, top);

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
  c0 = &slots[sv->nl];
  cn = &slots[sv->nr];
  sv->prelim = (c0->prelim + c0->mod + c0->bsize / 2
                + cn->prelim + cn->mod + cn->bsize / 2) / 2
               - sv->bsize / 2;

  sv->el = c0->el;
  sv->msel = c0->msel;
  sv->er = cn->er;
  sv->mser = cn->mser;
}

/* Places the nodes, children before parents, in one sweep backwards over
 * the slots. The blocks of stacked leaves are leaves, which need no step,
 * and the root above the forest comes last. */
static void
first_walk (Run *run)
{
  const guint8 *state = run->self->state;
  guint v;

  for (v = run->root; v-- > 0;)
    if ((state[v] & (SAM_CHART_NODE_STATE_VISIBLE | SAM_CHART_NODE_STATE_STACKED))
        == SAM_CHART_NODE_STATE_VISIBLE)
      first_walk_step (run, v);
  run->work += run->self->n_stacks;
  first_walk_step (run, run->root);
}

/* The chart's left edge: the leftmost box at every depth is on the left
 * contour, which the threads let us walk in time proportional to the
 * height. */
static double
leftmost (Run *run)
{
  const Slot *slots = run->slots;
  double min_b = G_MAXDOUBLE, modsum = slots[run->root].mod;
  guint v;

  for (v = slots[run->root].nl; v != NONE; v = slots[v].nl)
    {
      modsum += slots[v].mod;
      min_b = MIN (min_b, slots[v].prelim + modsum);
      run->work++;
    }

  return min_b;
}

/* Turns relative positions into absolute ones, parents before children,
 * and writes every visible node's final position: moved so the chart
 * starts at the origin (the roots are at depth 0 already), transposed for
 * left-to-right. One sweep over the nodes, then the stacks. Lists the tree
 * edges on the way, one per visible node with a parent, in node order. */
static void
second_walk (Run    *run,
             double  min_b)
{
  SamChartLayout *self = run->self;
  Slot *slots = run->slots;
  gboolean lr = run->style->orientation == SAM_CHART_LEFT_RIGHT;
  double *bx = lr ? self->y : self->x, *dy = lr ? self->x : self->y;
  const double *dsize = lr ? self->width : self->height;
  const guint8 *state = self->state;
  const gint *parent = self->parent;
  double max_b = 0, max_d = 0;
  guint i, k, n = self->n_nodes;

  slots[run->root].msel = slots[run->root].mod;

  for (i = 0; i < n; i++)
    {
      const Slot *sp;
      Slot *si;
      double b, top;

      if (state[i] == 0)
        continue;
      if (parent[i] >= 0)
        self->tree_edges[self->n_tree_edges++] = i;
      if (state[i] & SAM_CHART_NODE_STATE_STACKED)
        continue;

      run->work++;
      sp = &slots[parent[i] < 0 ? run->root : (guint) parent[i]];
      si = &slots[i];
      si->msel = sp->msel + si->mod;
      b = si->prelim + si->msel - min_b;
      top = sp->bottom;  /* where every child of the parent starts */
      max_b = MAX (max_b, b + si->bsize);
      bx[i] = b;
      dy[i] = top;
      max_d = MAX (max_d, top + dsize[i]);
    }

  for (k = 0; k < self->n_stacks; k++)
    {
      Stack *stack = &self->stacks[k];
      const Slot *sp = &slots[stack->parent_slot];
      Slot *block = &slots[stack->slot];
      double b, bb, bd;

      run->work++;
      block->msel = sp->msel + block->mod;
      b = block->prelim + block->msel - min_b;
      max_b = MAX (max_b, b + block->bsize);
      arrange_stack (run, stack, TRUE, b, sp->bottom, &bb, &bd);
      stack->spine += b;
      max_d = MAX (max_d, sp->bottom + bd);
    }

  self->extents.x = 0;
  self->extents.y = 0;
  self->extents.width = lr ? max_d : max_b;
  self->extents.height = lr ? max_b : max_d;
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
  guint *stack_of_parent = NULL;
  gsize n, n_slots, max_children;
  char *scratch;

  g_return_val_if_fail (tree != NULL, NULL);
  g_return_val_if_fail (style != NULL, NULL);

  n = tree->n_nodes;
  self = g_new0 (SamChartLayout, 1);
  self->n_nodes = n;
  self->orientation = style->orientation;
  self->sibling_gap = MIN (style->sibling_gap, style->subtree_gap);
  self->level_gap = style->level_gap;

  /* The result's arrays in one block, widest elements first so each is
   * aligned: x, y, width, height, then parent, stack_of (only read for
   * stacked nodes, which set it), tree_edges and state. */
  self->x = g_malloc (MAX (n, 1) * (4 * sizeof (double) + 3 * sizeof (guint) + sizeof (guint8)));
  self->y = self->x + n;
  self->width = self->y + n;
  self->height = self->width + n;
  self->parent = (gint *) (self->height + n);
  self->stack_of = (guint *) (self->parent + n);
  self->tree_edges = self->stack_of + n;
  self->state = (guint8 *) (self->tree_edges + n);

  if (n == 0)
    return self;

  /* The slots: one per node, the root above the forest, and one per
   * stack (each replaces at least compact_threshold nodes). Stacking and
   * collapsing only ever make families smaller, so the largest family of
   * the whole tree bounds the scratch arrays. All in one block. */
  n_slots = n + 1 + (style->compact_threshold > 0 ? n / style->compact_threshold + 1 : 0);
  max_children = MAX (tree->max_children, 1);
  scratch = g_malloc (n_slots * sizeof (Slot)
                      + max_children * (3 * sizeof (double) + sizeof (guint))
                      + (style->compact_threshold > 0 ? 2 * n * sizeof (guint) : 0));
  run.tree = tree;
  run.style = style;
  run.self = self;
  run.root = n;
  run.slots = (Slot *) scratch;
  run.iyl_low = (double *) (run.slots + n_slots);
  run.shift = run.iyl_low + max_children;
  run.change = run.shift + max_children;
  run.iyl_index = (guint *) (run.change + max_children);
  if (style->compact_threshold > 0)
    {
      run.items = run.iyl_index + max_children;
      stack_of_parent = run.items + n;
      self->stacks = g_new (Stack, n / style->compact_threshold + 1);
    }

  build_slots (&run, stack_of_parent);
  first_walk (&run);
  second_walk (&run, leftmost (&run));
  collect_secondary_edges (&run);

  self->work = run.work;

  g_free (scratch);

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
  g_free (layout->stacks);
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

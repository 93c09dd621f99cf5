/* sam-chart-layout.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-layout"

#include "config.h"

#include <string.h>

#include "sam-chart-layout-private.h"

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

/* stack_of_parent holds, for each parent (the forest's root last), how
 * many compact leaves it has
 * until its first one is met; then whether they are stacked, and where. */
#define STACK_RESOLVED (1u << 31)

/* The fewest compact leaves a parent with SAM_CHART_NODE_STACK_LEAVES
 * stacks: each stack then replaces at least this many slots. */
#define STACK_MIN_LEAVES 2

/* A parent that asks for it (a council over its subgroups and teams), and
 * the forest above the roots, stack even two compact leaves, so a region
 * of many councils is not one very wide row; others stack from the
 * style's threshold on. */
static inline guint
stack_threshold (const Run *run,
                 guint      parent)
{
  guint threshold = run->style->compact_threshold;

  /* Loose roots with nothing under them (groups outside the structure)
   * stack beside the tree too, rather than each adding a column. */
  if (parent == run->root
      || (run->tree->nodes[parent].flags & SAM_CHART_NODE_STACK_LEAVES) != 0)
    threshold = MIN (threshold, STACK_MIN_LEAVES);

  return threshold;
}

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
  guint threshold = stack_threshold (run, parent);
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
          stack->columns = n_compact >= 2 * run->style->compact_threshold ? 2 : 1;
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
      memset (stack_of_parent, 0, (n + 1) * sizeof (guint));
      for (i = 0; i < n; i++)
        if (is_stackable (&nodes[i]))
          stack_of_parent[nodes[i].parent >= 0 ? (guint) nodes[i].parent : run->root]++;
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

      if (threshold > 0 && is_stackable (node)
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
 * @style->compact_threshold of them, or at least two under a parent
 * flagged %SAM_CHART_NODE_STACK_LEAVES. The result depends only on the input:
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
   * stack (each replaces at least two nodes). Stacking and
   * collapsing only ever make families smaller, so the largest family of
   * the whole tree bounds the scratch arrays. All in one block. */
  n_slots = n + 1 + (style->compact_threshold > 0 ? n / MIN (style->compact_threshold, STACK_MIN_LEAVES) + 1 : 0);
  max_children = MAX (tree->max_children, 1);
  scratch = g_malloc (n_slots * sizeof (Slot)
                      + max_children * (3 * sizeof (double) + sizeof (guint))
                      + (style->compact_threshold > 0 ? (2 * n + 1) * sizeof (guint) : 0));
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
      self->stacks = g_new (Stack, n / MIN (style->compact_threshold, STACK_MIN_LEAVES) + 1);
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

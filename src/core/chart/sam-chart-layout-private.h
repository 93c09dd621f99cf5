/* sam-chart-layout-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart-layout.h"

G_BEGIN_DECLS

/*
 * Shared by the layout's three files: the tree of boxes it is computed
 * from (sam-chart-layout-tree.c), the tidy-tree walks that compute it
 * (sam-chart-layout.c) and the queries on the result: boxes, edges and
 * the grid index for hit tests and culling (sam-chart-layout-query.c).
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

G_END_DECLS

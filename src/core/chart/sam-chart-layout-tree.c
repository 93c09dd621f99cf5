/* sam-chart-layout-tree.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-layout"

#include "config.h"

#include "sam-chart-layout-private.h"

/*
 * The input of a layout: boxes with their sizes, added parents first, each
 * after its parent's earlier children, and the secondary relations between
 * them. Adding keeps the counts that size a layout's scratch arrays, so
 * sam_chart_layout_compute() allocates them once.
 */

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
  node->flags = flags & (SAM_CHART_NODE_COMPACT_LEAF | SAM_CHART_NODE_STACK_LEAVES);
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

/* sam-chart-layout.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The organisation chart's layout: a tree of sized boxes in, positions out.
 * Plain structs and flat arrays, no GObject and no drawing, so the same
 * layout serves the chart widget, printing and the command-line export, and
 * can be tested and benchmarked on its own.
 */

typedef enum
{
  SAM_CHART_TOP_DOWN,
  SAM_CHART_LEFT_RIGHT,
} SamChartOrientation;

typedef enum
{
  SAM_CHART_NODE_NONE         = 0,
  SAM_CHART_NODE_COMPACT_LEAF = 1 << 0,  /* may be stacked under its parent */
  SAM_CHART_NODE_STACK_LEAVES = 1 << 1,  /* stacks its compact leaves from two on */
} SamChartNodeFlags;

typedef enum
{
  SAM_CHART_NODE_STATE_VISIBLE   = 1 << 0,  /* laid out; otherwise inside a collapsed branch */
  SAM_CHART_NODE_STATE_STACKED   = 1 << 1,  /* in a compact stack under its parent */
  SAM_CHART_NODE_STATE_COLLAPSED = 1 << 2,  /* visible, with children hidden by collapsing */
} SamChartNodeState;

typedef enum
{
  SAM_CHART_EDGE_TREE,          /* structural parent → child, drawn solid */
  SAM_CHART_EDGE_REPORTS_TO,    /* the secondary kinds are drawn dashed */
  SAM_CHART_EDGE_ESCALATES_TO,
  SAM_CHART_EDGE_PREPARES_FOR,
  SAM_CHART_EDGE_JOINT_MEETING,
} SamChartEdgeKind;

typedef struct
{
  double x;
  double y;
  double width;
  double height;
} SamChartRect;

typedef struct
{
  double x;
  double y;
} SamChartPoint;

#define SAM_CHART_EDGE_MAX_POINTS 6

/* One edge as an orthogonal polyline from the box of @from to the box of
 * @to; secondary edges whose ends are hidden are attached to the nearest
 * visible ancestors instead. */
typedef struct
{
  guint            from;
  guint            to;
  SamChartEdgeKind kind;
  guint            n_points;
  SamChartPoint    points[SAM_CHART_EDGE_MAX_POINTS];
} SamChartEdge;

typedef struct
{
  double              sibling_gap;        /* between boxes of the same parent */
  double              subtree_gap;        /* between boxes of different parents */
  double              level_gap;          /* between a parent and its children */
  SamChartOrientation orientation;
  guint               compact_threshold;  /* stack a parent's compact leaves when it has at least this many; 0: never */
} SamChartStyle;

typedef struct _SamChartTree   SamChartTree;
typedef struct _SamChartLayout SamChartLayout;

void                sam_chart_style_init              (SamChartStyle        *style);

SamChartTree       *sam_chart_tree_new                (guint                 n_hint) G_GNUC_WARN_UNUSED_RESULT;
void                sam_chart_tree_free               (SamChartTree         *tree);
guint               sam_chart_tree_add                (SamChartTree         *tree,
                                                       gint                  parent,
                                                       double                width,
                                                       double                height,
                                                       guint                 flags);
void                sam_chart_tree_add_edge           (SamChartTree         *tree,
                                                       guint                 from,
                                                       guint                 to,
                                                       SamChartEdgeKind      kind);
void                sam_chart_tree_set_size           (SamChartTree         *tree,
                                                       guint                 node,
                                                       double                width,
                                                       double                height);
void                sam_chart_tree_get_size           (const SamChartTree   *tree,
                                                       guint                 node,
                                                       double               *width,
                                                       double               *height);
void                sam_chart_tree_set_collapsed      (SamChartTree         *tree,
                                                       guint                 node,
                                                       gboolean              collapsed);
gboolean            sam_chart_tree_get_collapsed      (const SamChartTree   *tree,
                                                       guint                 node);
guint               sam_chart_tree_get_n_nodes        (const SamChartTree   *tree);
gint                sam_chart_tree_get_parent         (const SamChartTree   *tree,
                                                       guint                 node);

SamChartLayout     *sam_chart_layout_compute          (const SamChartTree   *tree,
                                                       const SamChartStyle  *style) G_GNUC_WARN_UNUSED_RESULT;
void                sam_chart_layout_free             (SamChartLayout       *layout);
guint               sam_chart_layout_get_n_nodes      (const SamChartLayout *layout);
const double       *sam_chart_layout_get_x            (const SamChartLayout *layout);
const double       *sam_chart_layout_get_y            (const SamChartLayout *layout);
gboolean            sam_chart_layout_get_box          (const SamChartLayout *layout,
                                                       guint                 node,
                                                       SamChartRect         *box);
SamChartNodeState   sam_chart_layout_get_node_state   (const SamChartLayout *layout,
                                                       guint                 node);
void                sam_chart_layout_get_extents      (const SamChartLayout *layout,
                                                       SamChartRect         *extents);
SamChartOrientation sam_chart_layout_get_orientation  (const SamChartLayout *layout);
guint               sam_chart_layout_get_n_edges      (const SamChartLayout *layout);
void                sam_chart_layout_get_edge         (const SamChartLayout *layout,
                                                       guint                 index,
                                                       SamChartEdge         *edge);
gint                sam_chart_layout_node_at          (const SamChartLayout *layout,
                                                       double                x,
                                                       double                y);
guint               sam_chart_layout_query_rect       (const SamChartLayout *layout,
                                                       const SamChartRect   *rect,
                                                       GArray               *nodes);
guint               sam_chart_layout_query_edges      (const SamChartLayout *layout,
                                                       const SamChartRect   *rect,
                                                       GArray               *edges);
guint64             sam_chart_layout_get_work         (const SamChartLayout *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChartTree, sam_chart_tree_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamChartLayout, sam_chart_layout_free)

G_END_DECLS

/* sam-chart-render.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-render"

#include "config.h"

#include <math.h>

#include "sam-chart-export-private.h"
#include "sam-chart-private.h"
#include "sam-chart-render.h"

/*
 * Drawing a chart. Only what touches the clip rectangle is drawn, found
 * through the layout's grid. Each box is drawn at one of three levels of
 * detail, chosen by its size on the device: a plain two-tone rectangle
 * (batched per kind, so a 10 000-box overview is a few dozen cairo fills),
 * the box without text, or the box with its text. On raster targets edges
 * and box borders are snapped to device pixels, so lines stay sharp at any
 * zoom and scale factor; on PDF and SVG nothing is snapped.
 */

/* Light fills with darker borders from the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; the legend
 * names each kind, so colour is never the only cue. */
static const struct
{
  guint32 fill;
  guint32 border;
} palette[] = {
  [SAM_GROUP_KIND_COUNCIL]                 = { 0xd3e6f5, 0x0a5d99 },
  [SAM_GROUP_KIND_SUBGROUP]                = { 0xdff1fb, 0x2f8fc7 },
  [SAM_GROUP_KIND_PROCESS_TEAM]            = { 0xd2efe4, 0x00795a },
  [SAM_GROUP_KIND_MANAGEMENT_GROUP]        = { 0xfbe8c4, 0xa86f00 },
  [SAM_GROUP_KIND_EXECUTIVE_GROUP]         = { 0xf7d9c6, 0xb14e00 },
  [SAM_GROUP_KIND_PRIORITY_COUNCIL]        = { 0xf3dfea, 0x9c4d78 },
  [SAM_GROUP_KIND_CLINICAL_MANAGEMENT]     = { 0xf6f0b8, 0x857a0c },
  [SAM_GROUP_KIND_CORPORATE_GROUP]         = { 0xe4e4e4, 0x5e5e5e },
  [SAM_GROUP_KIND_NATIONAL_PROGRAMME_AREA] = { 0xe5def3, 0x5c4596 },
  [SAM_GROUP_KIND_REGIONAL_PROGRAMME_AREA] = { 0xeee3d4, 0x80582f },
  [SAM_GROUP_KIND_OTHER]                   = { 0xf6f6f6, 0x8c8c8c },
};

#define TEXT_COLOUR      0x1c1c1c
#define DETAIL_COLOUR    0x3d3d3d
#define TREE_EDGE_COLOUR 0x77767b
#define SELECTION_COLOUR 0x3584e4

/* Text smaller than this many device pixels per point is not drawn. */
#define TEXT_MIN_SCALE   0.45

#define LEGEND_SIZE      8.0
#define LEGEND_SWATCH_W  16.0
#define LEGEND_SWATCH_H  10.0
#define LEGEND_GAP       14.0

typedef struct
{
  gboolean enabled;
  double   xx;   /* device = xx * user + x0, the same for y */
  double   x0;
  double   yy;
  double   y0;
} Snap;

static inline void
set_source_hex (cairo_t *cr,
                guint32  rgb)
{
  cairo_set_source_rgb (cr, ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0);
}

static guint32
edge_colour (SamChartEdgeKind kind)
{
  switch (kind)
    {
    case SAM_CHART_EDGE_REPORTS_TO:
      return 0x1a5fb4;
    case SAM_CHART_EDGE_ESCALATES_TO:
      return 0xc64600;
    case SAM_CHART_EDGE_PREPARES_FOR:
      return 0x813d9c;
    case SAM_CHART_EDGE_JOINT_MEETING:
      return 0x26a269;
    case SAM_CHART_EDGE_TREE:
    default:
      return TREE_EDGE_COLOUR;
    }
}

static void
snap_init (Snap    *snap,
           cairo_t *cr)
{
  double ox = 0, oy = 0, ax = 1, ay = 0, bx = 0, by = 1;

  switch (cairo_surface_get_type (cairo_get_target (cr)))
    {
    case CAIRO_SURFACE_TYPE_PDF:
    case CAIRO_SURFACE_TYPE_PS:
    case CAIRO_SURFACE_TYPE_SVG:
    case CAIRO_SURFACE_TYPE_SCRIPT:
      snap->enabled = FALSE;
      return;
    default:
      break;
    }

  cairo_user_to_device (cr, &ox, &oy);
  cairo_user_to_device (cr, &ax, &ay);
  cairo_user_to_device (cr, &bx, &by);
  snap->xx = ax - ox;
  snap->yy = by - oy;
  snap->x0 = ox;
  snap->y0 = oy;
  /* Only an axis-aligned, unflipped matrix has a pixel grid to snap to. */
  snap->enabled = fabs (ay - oy) < 1e-9 && fabs (bx - ox) < 1e-9 && snap->xx > 0 && snap->yy > 0;
}

/* To the nearest pixel boundary, for box edges. */
static inline double
snap_x (const Snap *snap,
        double      x)
{
  return snap->enabled ? (round (snap->xx * x + snap->x0) - snap->x0) / snap->xx : x;
}

static inline double
snap_y (const Snap *snap,
        double      y)
{
  return snap->enabled ? (round (snap->yy * y + snap->y0) - snap->y0) / snap->yy : y;
}

/* To the nearest pixel centre, for lines an odd number of pixels wide. */
static inline double
snap_cx (const Snap *snap,
         double      x)
{
  return snap->enabled ? (floor (snap->xx * x + snap->x0) + 0.5 - snap->x0) / snap->xx : x;
}

static inline double
snap_cy (const Snap *snap,
         double      y)
{
  return snap->enabled ? (floor (snap->yy * y + snap->y0) + 0.5 - snap->y0) / snap->yy : y;
}

/* A line width of a whole number of device pixels, at least one. */
static double
line_width (const Snap *snap,
            double      units,
            double      scale)
{
  if (!snap->enabled)
    return units;

  return MAX (1.0, round (units * snap->xx)) / snap->xx;
}

static void
rounded_rectangle (cairo_t *cr,
                   double   x,
                   double   y,
                   double   width,
                   double   height,
                   double   radius)
{
  radius = MIN (radius, MIN (width, height) / 2);
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + width - radius, y + radius, radius, -G_PI / 2, 0);
  cairo_arc (cr, x + width - radius, y + height - radius, radius, 0, G_PI / 2);
  cairo_arc (cr, x + radius, y + height - radius, radius, G_PI / 2, G_PI);
  cairo_arc (cr, x + radius, y + radius, radius, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static void
box_edges (const Snap         *snap,
           const SamChartRect *box,
           double             *x0,
           double             *y0,
           double             *x1,
           double             *y1)
{
  *x0 = snap_x (snap, box->x);
  *y0 = snap_y (snap, box->y);
  *x1 = snap_x (snap, box->x + box->width);
  *y1 = snap_y (snap, box->y + box->height);

  /* However far out, a box stays at least a pixel in size. */
  if (snap->enabled)
    {
      if (*x1 <= *x0)
        *x1 = *x0 + 1 / snap->xx;
      if (*y1 <= *y0)
        *y1 = *y0 + 1 / snap->yy;
    }
}

static void
draw_box_shape (cairo_t    *cr,
                guint       kind,
                double      x0,
                double      y0,
                double      x1,
                double      y1,
                double      band,
                double      lw)
{
  double r = SAM_CHART_RADIUS;

  rounded_rectangle (cr, x0, y0, x1 - x0, y1 - y0, r);
  set_source_hex (cr, palette[kind].fill);
  cairo_fill (cr);

  /* The band along the top, in the border colour, rounded like the box. */
  r = MIN (r, MIN ((x1 - x0) / 2, band));
  cairo_move_to (cr, x0, y0 + band);
  cairo_arc (cr, x0 + r, y0 + r, r, G_PI, 3 * G_PI / 2);
  cairo_arc (cr, x1 - r, y0 + r, r, -G_PI / 2, 0);
  cairo_line_to (cr, x1, y0 + band);
  cairo_close_path (cr);
  set_source_hex (cr, palette[kind].border);
  cairo_fill (cr);

  /* The border inside the box's edges, so its outer edge is on them. */
  rounded_rectangle (cr, x0 + lw / 2, y0 + lw / 2, x1 - x0 - lw, y1 - y0 - lw, SAM_CHART_RADIUS - lw / 2);
  cairo_set_line_width (cr, lw);
  cairo_stroke (cr);
}

static void
draw_box (SamChart           *self,
          cairo_t            *cr,
          guint               node,
          const SamChartRect *box,
          const Snap         *snap,
          double              lw,
          gboolean            text)
{
  SamChartNode *n = &self->nodes[node];
  double x0, y0, x1, y1, band;

  box_edges (snap, box, &x0, &y0, &x1, &y1);
  band = snap_y (snap, box->y + SAM_CHART_BAND) - y0;

  /* A collapsed branch shows as a stack of cards. */
  if (sam_chart_layout_get_node_state (self->layout, node) & SAM_CHART_NODE_STATE_COLLAPSED)
    for (int k = 2; k >= 1; k--)
      {
        double dx = snap_x (snap, box->x + 3 * k) - x0;
        double dy = snap_y (snap, box->y + 3 * k) - y0;

        rounded_rectangle (cr, x0 + dx + lw / 2, y0 + dy + lw / 2, x1 - x0 - lw, y1 - y0 - lw, SAM_CHART_RADIUS);
        set_source_hex (cr, palette[n->kind].fill);
        cairo_fill_preserve (cr);
        set_source_hex (cr, palette[n->kind].border);
        cairo_set_line_width (cr, lw);
        cairo_stroke (cr);
      }

  draw_box_shape (cr, n->kind, x0, y0, x1, y1, band, lw);

  if (text)
    {
      PangoLayout *title, *details;

      _sam_chart_node_layouts (self, node, &title, &details);
      set_source_hex (cr, TEXT_COLOUR);
      cairo_move_to (cr, box->x + SAM_CHART_PAD, box->y + SAM_CHART_BAND + SAM_CHART_PAD);
      pango_cairo_show_layout (cr, title);
      set_source_hex (cr, DETAIL_COLOUR);
      cairo_move_to (cr, box->x + SAM_CHART_PAD,
                     box->y + SAM_CHART_BAND + SAM_CHART_PAD + n->title_height + SAM_CHART_TITLE_GAP);
      pango_cairo_show_layout (cr, details);
    }
}

/* Far out, boxes become two-tone rectangles, drawn kind by kind as one
 * path each: the border colour, and the fill inside it when there is
 * room for both. */
static void
draw_simple_boxes (SamChart   *self,
                   cairo_t    *cr,
                   GArray     *simple,
                   const Snap *snap,
                   double      scale)
{
  double px = snap->enabled ? 1 / snap->xx : 1 / scale;
  double py = snap->enabled ? 1 / snap->yy : 1 / scale;

  for (guint kind = 0; kind < G_N_ELEMENTS (palette); kind++)
    {
      gboolean any_inner = FALSE;

      if (!(self->kinds_present & (1u << kind)))
        continue;

      for (guint k = 0; k < simple->len; k++)
        {
          guint node = g_array_index (simple, guint, k);
          SamChartRect box;
          double x0, y0, x1, y1;

          if (self->nodes[node].kind != kind)
            continue;
          sam_chart_layout_get_box (self->layout, node, &box);
          box_edges (snap, &box, &x0, &y0, &x1, &y1);
          cairo_rectangle (cr, x0, y0, x1 - x0, y1 - y0);
          any_inner |= (x1 - x0) > 2.5 * px && (y1 - y0) > 2.5 * py;
        }
      set_source_hex (cr, palette[kind].border);
      cairo_fill (cr);

      if (!any_inner)
        continue;

      for (guint k = 0; k < simple->len; k++)
        {
          guint node = g_array_index (simple, guint, k);
          SamChartRect box;
          double x0, y0, x1, y1;

          if (self->nodes[node].kind != kind)
            continue;
          sam_chart_layout_get_box (self->layout, node, &box);
          box_edges (snap, &box, &x0, &y0, &x1, &y1);
          if ((x1 - x0) > 2.5 * px && (y1 - y0) > 2.5 * py)
            cairo_rectangle (cr, x0 + px, y0 + py, x1 - x0 - 2 * px, y1 - y0 - 2 * py);
        }
      set_source_hex (cr, palette[kind].fill);
      cairo_fill (cr);
    }
}

/* A visible stretch of an edge's polyline, and how far along the edge it
 * starts, which keeps a dash pattern in step however the edge is cut. */
typedef enum
{
  KEEP_NONE = 0,
  KEEP_X    = 1 << 0,  /* a cut along a horizontal segment */
  KEEP_Y    = 1 << 1,
} Keep;

typedef struct
{
  SamChartPoint points[SAM_CHART_EDGE_MAX_POINTS];
  guint8        keep[SAM_CHART_EDGE_MAX_POINTS];
  guint         n_points;
  double        start;
} Piece;

/* Liang–Barsky: narrows [*t0, *t1] to where a + t·d lies inside @r. */
static gboolean
clip_segment (const SamChartPoint *a,
              double               dx,
              double               dy,
              const SamChartRect  *r,
              double              *t0,
              double              *t1)
{
  double p[4] = { -dx, dx, -dy, dy };
  double q[4] = { a->x - r->x, r->x + r->width - a->x, a->y - r->y, r->y + r->height - a->y };

  for (guint k = 0; k < 4; k++)
    {
      if (p[k] == 0)
        {
          if (q[k] < 0)
            return FALSE;
          continue;
        }
      if (p[k] < 0)
        *t0 = MAX (*t0, q[k] / p[k]);
      else
        *t1 = MIN (*t1, q[k] / p[k]);
    }

  return *t0 <= *t1;
}

/* Cuts an edge to the area being drawn. Cairo would clip a long edge too,
 * but only after stroking all of it: the bus under a management group with
 * seventy areas runs across hundreds of thousands of units, and stroking
 * a few of those cost more than the rest of a frame. */
static guint
clip_edge (const SamChartEdge *edge,
           const SamChartRect *area,
           gboolean            dashed,
           Piece              *pieces)
{
  guint n_pieces = 0;
  gboolean open = FALSE;
  double along = 0;

  for (guint k = 1; k < edge->n_points; k++)
    {
      const SamChartPoint *a = &edge->points[k - 1];
      double dx = edge->points[k].x - a->x, dy = edge->points[k].y - a->y;
      double length = hypot (dx, dy);
      double t0 = 0, t1 = 1;
      /* A point made by a cut in a dashed edge is not snapped along its
       * segment, which would move where the dashes fall. Solid edges are
       * snapped throughout, so cairo keeps drawing them as pixel-aligned
       * boxes, the same whether cut or not. */
      guint8 keep = !dashed ? KEEP_NONE : (dy == 0 ? KEEP_X : 0) | (dx == 0 ? KEEP_Y : 0);
      Piece *piece;

      if (!clip_segment (a, dx, dy, area, &t0, &t1))
        {
          open = FALSE;
          along += length;
          continue;
        }

      if (dashed && dx != 0 && dy != 0)
        keep = KEEP_X | KEEP_Y;

      if (!open || t0 > 0)
        {
          piece = &pieces[n_pieces++];
          piece->points[0] = (SamChartPoint) { a->x + t0 * dx, a->y + t0 * dy };
          piece->keep[0] = t0 > 0 ? keep : KEEP_NONE;
          piece->n_points = 1;
          piece->start = along + t0 * length;
          open = TRUE;
        }
      piece = &pieces[n_pieces - 1];
      piece->points[piece->n_points] = (SamChartPoint) { a->x + t1 * dx, a->y + t1 * dy };
      piece->keep[piece->n_points++] = t1 < 1 ? keep : KEEP_NONE;
      if (t1 < 1)
        open = FALSE;
      along += length;
    }

  return n_pieces;
}

/* A line whose width is an odd number of pixels is centred on a pixel
 * centre, an even one on a pixel boundary; the ends of a piece stop on a
 * pixel boundary. So a solid edge covers whole pixels only, and cairo
 * draws it the same way whether it was cut or not. */
static inline double
snap_line (const Snap *snap,
           double      v,
           gboolean    x_axis,
           gboolean    odd)
{
  if (x_axis)
    return odd ? snap_cx (snap, v) : snap_x (snap, v);

  return odd ? snap_cy (snap, v) : snap_y (snap, v);
}

/* Returns how far snapping moved the piece's start along its first
 * segment, by which its dashes must be shifted. */
static double
piece_path (cairo_t     *cr,
            const Piece *piece,
            const Snap  *snap,
            gboolean     odd)
{
  double shift = 0;

  for (guint k = 0; k < piece->n_points; k++)
    {
      const SamChartPoint *p = &piece->points[k];
      double x = snap_line (snap, p->x, TRUE, odd);
      double y = snap_line (snap, p->y, FALSE, odd);

      /* At either end, along the segment: a boundary. */
      if (piece->n_points > 1 && (k == 0 || k + 1 == piece->n_points))
        {
          const SamChartPoint *q = &piece->points[k == 0 ? 1 : k - 1];

          if (q->y == p->y)
            x = snap_x (snap, p->x);
          else if (q->x == p->x)
            y = snap_y (snap, p->y);
        }

      if (piece->keep[k] & KEEP_X)
        x = p->x;
      if (piece->keep[k] & KEEP_Y)
        y = p->y;

      if (k == 0 && piece->n_points > 1)
        {
          double dx = piece->points[1].x - p->x, dy = piece->points[1].y - p->y;
          double length = hypot (dx, dy);

          if (length > 0)
            shift = ((x - p->x) * dx + (y - p->y) * dy) / length;
        }

      if (k == 0)
        cairo_move_to (cr, x, y);
      else
        cairo_line_to (cr, x, y);
    }

  return shift;
}

static void
arrow_head (cairo_t            *cr,
            const SamChartEdge *edge,
            const Snap         *snap,
            double              size)
{
  const SamChartPoint *a, *b;
  double dx, dy, len, x, y;

  if (edge->n_points < 2)
    return;
  a = &edge->points[edge->n_points - 2];
  b = &edge->points[edge->n_points - 1];
  dx = b->x - a->x;
  dy = b->y - a->y;
  len = hypot (dx, dy);
  if (len <= 0)
    return;
  dx /= len;
  dy /= len;
  x = snap_cx (snap, b->x);
  y = snap_cy (snap, b->y);

  cairo_move_to (cr, x, y);
  cairo_line_to (cr, x - size * dx - size / 2 * dy, y - size * dy + size / 2 * dx);
  cairo_line_to (cr, x - size * dx + size / 2 * dy, y - size * dy - size / 2 * dx);
  cairo_close_path (cr);
}

static void
draw_edges (SamChart           *self,
            cairo_t            *cr,
            const SamChartRect *area,
            const Snap         *snap,
            double              scale,
            gboolean            detailed)
{
  GArray *edges = self->scratch_edges;
  double lw = line_width (snap, 1.0, scale);
  gboolean odd = snap->enabled && (int) round (lw * snap->xx) % 2 == 1;
  Piece pieces[SAM_CHART_EDGE_MAX_POINTS];

  g_array_set_size (edges, 0);
  sam_chart_layout_query_edges (self->layout, area, edges);

  /* The tree first, as one path. */
  for (guint k = 0; k < edges->len; k++)
    {
      SamChartEdge edge;
      guint n;

      sam_chart_layout_get_edge (self->layout, g_array_index (edges, guint, k), &edge);
      if (edge.kind != SAM_CHART_EDGE_TREE)
        continue;
      n = clip_edge (&edge, area, FALSE, pieces);
      for (guint p = 0; p < n; p++)
        piece_path (cr, &pieces[p], snap, odd);
    }
  set_source_hex (cr, TREE_EDGE_COLOUR);
  cairo_set_line_width (cr, lw);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke (cr);

  if (self->edge_kinds_present == 0)
    return;

  /* Then the secondary edges, dashed, each piece stroked on its own so its
   * dashes continue where the cut-off part left them; there are few. */
  for (guint k = 0; k < edges->len; k++)
    {
      SamChartEdge edge;
      double dashes[] = { 5.0, 3.0 };
      guint n;

      sam_chart_layout_get_edge (self->layout, g_array_index (edges, guint, k), &edge);
      if (edge.kind == SAM_CHART_EDGE_TREE)
        continue;

      set_source_hex (cr, edge_colour (edge.kind));
      n = clip_edge (&edge, area, detailed, pieces);
      for (guint p = 0; p < n; p++)
        {
          double shift = piece_path (cr, &pieces[p], snap, odd);

          if (detailed)
            cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), pieces[p].start + shift);
          cairo_stroke (cr);
        }
      cairo_set_dash (cr, NULL, 0, 0);

      arrow_head (cr, &edge, snap, MAX (5.0, 4.0 / scale));
      cairo_fill (cr);
    }
}

static void
draw_selection (SamChart   *self,
                cairo_t    *cr,
                const Snap *snap,
                double      scale)
{
  SamChartRect box;
  double x0, y0, x1, y1;
  double lw = line_width (snap, 2.0, scale);
  double gap = MAX (2.0, 2.0 / scale) + lw / 2;

  if (self->selected < 0 || !sam_chart_layout_get_box (self->layout, self->selected, &box))
    return;

  box_edges (snap, &box, &x0, &y0, &x1, &y1);
  rounded_rectangle (cr, x0 - gap, y0 - gap, x1 - x0 + 2 * gap, y1 - y0 + 2 * gap, SAM_CHART_RADIUS + gap);
  set_source_hex (cr, SELECTION_COLOUR);
  cairo_set_line_width (cr, lw);
  cairo_stroke (cr);
}

/**
 * sam_chart_kind_get_colours:
 * @kind: a group kind
 * @fill: (out caller-allocates) (optional): the box's fill
 * @border: (out caller-allocates) (optional): its border and top band
 *
 * Gets the colours the renderer and the legend use for a kind of group.
 */
void
sam_chart_kind_get_colours (SamGroupKind    kind,
                            SamChartColour *fill,
                            SamChartColour *border)
{
  g_return_if_fail ((guint) kind < G_N_ELEMENTS (palette));

  if (fill != NULL)
    *fill = (SamChartColour) { ((palette[kind].fill >> 16) & 0xff) / 255.0,
                               ((palette[kind].fill >> 8) & 0xff) / 255.0,
                               (palette[kind].fill & 0xff) / 255.0 };
  if (border != NULL)
    *border = (SamChartColour) { ((palette[kind].border >> 16) & 0xff) / 255.0,
                                 ((palette[kind].border >> 8) & 0xff) / 255.0,
                                 (palette[kind].border & 0xff) / 255.0 };
}

/* Draws the edges in @edge_area, cut to it, and the boxes in @box_area;
 * with @owner, only the boxes whose centre lies in it; without @with_text,
 * no text at all. */
static void
render (SamChart           *chart,
        cairo_t            *cr,
        const SamChartRect *edge_area,
        const SamChartRect *box_area,
        const SamChartRect *owner,
        double              scale,
        gboolean            with_text)
{
  g_autoptr(GArray) simple = NULL;
  GArray *nodes;
  Snap snap;
  gboolean text = with_text && scale >= TEXT_MIN_SCALE;
  double lw;

  cairo_save (cr);
  snap_init (&snap, cr);
  lw = line_width (&snap, 1.0, scale);

  if (owner != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, owner->x, owner->y, owner->width, owner->height);
      cairo_clip (cr);
    }
  draw_edges (chart, cr, edge_area, &snap, scale, scale >= TEXT_MIN_SCALE);
  if (owner != NULL)
    cairo_restore (cr);

  nodes = chart->scratch_nodes;
  g_array_set_size (nodes, 0);
  sam_chart_layout_query_rect (chart->layout, box_area, nodes);

  for (guint k = 0; k < nodes->len; k++)
    {
      guint node = g_array_index (nodes, guint, k);
      SamChartRect box;

      sam_chart_layout_get_box (chart->layout, node, &box);
      if (owner != NULL)
        {
          double cx = box.x + box.width / 2, cy = box.y + box.height / 2;

          if (cx < owner->x || cx >= owner->x + owner->width
              || cy < owner->y || cy >= owner->y + owner->height)
            continue;
        }
      if (box.height * scale < SAM_CHART_DETAIL_MIN_PIXELS)
        {
          if (simple == NULL)
            simple = g_array_new (FALSE, FALSE, sizeof (guint));
          g_array_append_val (simple, node);
          continue;
        }
      draw_box (chart, cr, node, &box, &snap, lw, text);
    }

  if (simple != NULL)
    draw_simple_boxes (chart, cr, simple, &snap, scale);

  draw_selection (chart, cr, &snap, scale);
  cairo_restore (cr);
}

/**
 * sam_chart_edge_kind_get_colour:
 * @kind: a kind of line
 * @colour: (out caller-allocates): its colour
 *
 * Gets the colour the renderer and the legend draw a kind of line in,
 * for whoever paints the background under the chart to check it against.
 */
void
sam_chart_edge_kind_get_colour (SamChartEdgeKind  kind,
                                SamChartColour   *colour)
{
  guint32 rgb = edge_colour (kind);

  g_return_if_fail (colour != NULL);

  *colour = (SamChartColour) { ((rgb >> 16) & 0xff) / 255.0, ((rgb >> 8) & 0xff) / 255.0, (rgb & 0xff) / 255.0 };
}

/**
 * sam_chart_render:
 * @chart: a chart
 * @cr: where to draw, with user space in chart units
 * @clip: (nullable): the part of the chart to draw, in chart units, or
 *   %NULL for all of it
 * @scale: device pixels per chart unit (zoom times the scale factor, or
 *   the printer's resolution over 72), which picks the level of detail
 *
 * Draws the boxes and edges that touch @clip: boxes coloured by kind, with
 * name, code, chair, head count and (if the chart shows people) people and
 * vacant seats; tree edges solid and orthogonal, secondary relations
 * dashed with an arrow; the selected node ringed. Boxes under
 * %SAM_CHART_DETAIL_MIN_PIXELS device pixels high are drawn as plain
 * rectangles. Nothing is drawn outside the boxes and edges, so paint the
 * background first.
 */
void
sam_chart_render (SamChart                *chart,
                  cairo_t                 *cr,
                  const cairo_rectangle_t *clip,
                  double                   scale)
{
  SamChartRect area;
  /* Room for what is drawn outside a box: the selection ring, the cards
   * of a collapsed branch, arrow heads. */
  double margin = 8.0 + 8.0 / scale;

  g_return_if_fail (SAM_IS_CHART (chart));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (scale > 0);

  if (clip != NULL)
    area = (SamChartRect) { clip->x - margin, clip->y - margin,
                            clip->width + 2 * margin, clip->height + 2 * margin };
  else
    sam_chart_layout_get_extents (chart->layout, &area);

  render (chart, cr, &area, &area, NULL, scale, TRUE);
}

/**
 * sam_chart_render_part:
 * @chart: a chart
 * @cr: where to draw, with user space in chart units
 * @part: the part of the chart a printed tile holds, in chart units
 * @scale: device pixels per chart unit
 *
 * Draws one tile of a chart spread over several sheets: the edges cut to
 * @part, and whole every box whose centre lies in @part (left and top
 * edges included, right and bottom not), even where it reaches out of
 * it, so that no box is ever split between two sheets and each box is
 * on exactly one of the tiles that cover the chart.
 */
void
sam_chart_render_part (SamChart           *chart,
                       cairo_t            *cr,
                       const SamChartRect *part,
                       double              scale)
{
  SamChartRect extents;

  g_return_if_fail (SAM_IS_CHART (chart));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (part != NULL);
  g_return_if_fail (scale > 0);

  sam_chart_layout_get_extents (chart->layout, &extents);
  render (chart, cr, part, &extents, part, scale, TRUE);
}

/* The whole chart in full detail without its text, which the SVG export
 * writes as text of its own. */
void
_sam_chart_render_shapes (SamChart *chart,
                          cairo_t  *cr)
{
  SamChartRect extents;

  sam_chart_layout_get_extents (chart->layout, &extents);
  render (chart, cr, &extents, &extents, NULL, SAM_CHART_DETAIL_MIN_PIXELS, FALSE);
}

/* The colour of the text in boxes: the name's, then the details'. */
void
_sam_chart_get_text_colours (SamChartColour *title,
                             SamChartColour *details)
{
  *title = (SamChartColour) { ((TEXT_COLOUR >> 16) & 0xff) / 255.0, ((TEXT_COLOUR >> 8) & 0xff) / 255.0,
                              (TEXT_COLOUR & 0xff) / 255.0 };
  *details = (SamChartColour) { ((DETAIL_COLOUR >> 16) & 0xff) / 255.0, ((DETAIL_COLOUR >> 8) & 0xff) / 255.0,
                                (DETAIL_COLOUR & 0xff) / 255.0 };
}

static PangoLayout *
legend_label (SamChart   *chart,
              const char *text)
{
  PangoLayout *layout = _sam_chart_new_layout (chart, LEGEND_SIZE, FALSE, -1);

  pango_layout_set_text (layout, text, -1);

  return layout;
}

static SamRelationKind
relation_for_edge (SamChartEdgeKind kind)
{
  switch (kind)
    {
    case SAM_CHART_EDGE_REPORTS_TO:
      return SAM_RELATION_KIND_REPORTS_TO;
    case SAM_CHART_EDGE_ESCALATES_TO:
      return SAM_RELATION_KIND_ESCALATES_TO;
    case SAM_CHART_EDGE_PREPARES_FOR:
    case SAM_CHART_EDGE_TREE:
    case SAM_CHART_EDGE_JOINT_MEETING:
    default:
      return SAM_RELATION_KIND_PREPARES_FOR;
    }
}

/**
 * sam_chart_render_legend:
 * @chart: a chart
 * @cr: (nullable): where to draw, in chart units (points), or %NULL to measure only
 * @x: the legend's left edge
 * @y: its top edge
 * @width: the width to fill before wrapping to a new row
 *
 * Draws the legend: a swatch and the name of each kind of group in the
 * chart, and a line sample for each kind of secondary relation in it,
 * flowing in rows.
 *
 * Returns: the height the legend takes
 */
double
sam_chart_render_legend (SamChart *chart,
                         cairo_t  *cr,
                         double    x,
                         double    y,
                         double    width)
{
  double cx = x, row_y = y, row_height = 0;
  guint kind;

  g_return_val_if_fail (SAM_IS_CHART (chart), 0);

  if (cr != NULL)
    cairo_save (cr);

  /* Kinds first, then the edge kinds, numbered on after them. */
  for (kind = 0; kind < G_N_ELEMENTS (palette) + SAM_CHART_EDGE_JOINT_MEETING + 1; kind++)
    {
      gboolean is_edge = kind >= G_N_ELEMENTS (palette);
      guint edge = kind - G_N_ELEMENTS (palette);
      g_autoptr(PangoLayout) label = NULL;
      PangoRectangle logical;
      double item_width, height;

      if (!is_edge && !(chart->kinds_present & (1u << kind)))
        continue;
      if (is_edge && (edge == SAM_CHART_EDGE_TREE || !(chart->edge_kinds_present & (1u << edge))))
        continue;

      label = legend_label (chart, is_edge ? sam_relation_kind_get_label (relation_for_edge (edge))
                                           : sam_group_kind_get_label (kind));
      pango_layout_get_extents (label, NULL, &logical);
      item_width = LEGEND_SWATCH_W + 4 + pango_units_to_double (logical.width);
      height = MAX (LEGEND_SWATCH_H, pango_units_to_double (logical.height));

      if (cx > x && cx + item_width > x + width)
        {
          cx = x;
          row_y += row_height + 4;
          row_height = 0;
        }
      row_height = MAX (row_height, height);

      if (cr != NULL)
        {
          double sy = row_y + (height - LEGEND_SWATCH_H) / 2;

          if (is_edge)
            {
              double dashes[] = { 5.0, 3.0 };

              set_source_hex (cr, edge_colour (edge));
              cairo_set_line_width (cr, 1.0);
              cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
              cairo_move_to (cr, cx, sy + LEGEND_SWATCH_H / 2);
              cairo_line_to (cr, cx + LEGEND_SWATCH_W - 4, sy + LEGEND_SWATCH_H / 2);
              cairo_stroke (cr);
              cairo_set_dash (cr, NULL, 0, 0);
              cairo_move_to (cr, cx + LEGEND_SWATCH_W, sy + LEGEND_SWATCH_H / 2);
              cairo_line_to (cr, cx + LEGEND_SWATCH_W - 5, sy + LEGEND_SWATCH_H / 2 - 2.5);
              cairo_line_to (cr, cx + LEGEND_SWATCH_W - 5, sy + LEGEND_SWATCH_H / 2 + 2.5);
              cairo_close_path (cr);
              cairo_fill (cr);
            }
          else
            {
              draw_box_shape (cr, kind, cx, sy, cx + LEGEND_SWATCH_W, sy + LEGEND_SWATCH_H, 2.0, 0.75);
            }

          set_source_hex (cr, TEXT_COLOUR);
          cairo_move_to (cr, cx + LEGEND_SWATCH_W + 4, row_y + (height - pango_units_to_double (logical.height)) / 2);
          pango_cairo_show_layout (cr, label);
        }

      cx += item_width + LEGEND_GAP;
    }

  if (cr != NULL)
    cairo_restore (cr);

  return row_height > 0 ? row_y + row_height - y : 0;
}

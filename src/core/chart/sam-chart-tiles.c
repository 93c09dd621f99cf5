/* sam-chart-tiles.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-tiles"

#include "config.h"

#include <stdlib.h>

#include "sam-chart-export-private.h"

/*
 * Where the seams of a chart spread over columns × rows sheets fall.
 * Cutting the chart into equal strips split every box a seam crossed, and
 * a chart much wider than the sheets asked for left whole rows of them
 * blank. Instead, along each axis the chart is cut into as many slices as
 * there are sheets, each about an equal share of what is left, and each
 * seam is moved, within its slice's reach, into a gap between boxes (a
 * place no box covers, read from the boxes' projections onto that axis).
 * Where there is no such gap (rows of stacked boxes of different heights
 * seldom leave one across the whole chart), a box belongs to the slice
 * its centre is in and is drawn whole there, reaching over the seam;
 * that slice keeps room for it. The largest scale at which every slice
 * fits its sheet is found by trying smaller ones, a few per cent apart.
 */

/* How far from an equal share, as a part of it, a seam may move to fall
 * between boxes. */
#define GAP_WINDOW 0.25

typedef struct
{
  double lo;
  double hi;
} Interval;

static int
compare_interval (const void *a,
                  const void *b)
{
  const Interval *x = a, *y = b;

  return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* Sorts @spans and merges those that overlap, in place; returns how many
 * are left: the parts of the axis some box covers. */
static guint
merge_intervals (Interval *spans,
                 guint     n)
{
  guint out = 0;

  qsort (spans, n, sizeof (Interval), compare_interval);
  for (guint i = 0; i < n; i++)
    {
      if (out > 0 && spans[i].lo < spans[out - 1].hi)
        spans[out - 1].hi = MAX (spans[out - 1].hi, spans[i].hi);
      else
        spans[out++] = spans[i];
    }

  return out;
}

/* The free position nearest @target within [@low, @high], where no box
 * covers the axis, or a value below @low if there is none. */
static double
find_gap (const Interval *covered,
          guint           n,
          double          low,
          double          high,
          double          target)
{
  double best = low - 1;
  guint i;

  /* Free positions are the ends of the covered intervals and what lies
   * between them; the nearest to target is target itself if free, or an
   * end of the interval holding it, or of a neighbour. */
  for (i = 0; i < n && covered[i].hi <= target; i++)
    ;
  if (i == n || covered[i].lo >= target)
    return target;

  if (covered[i].lo >= low)
    best = covered[i].lo;
  if (covered[i].hi <= high && (best < low || covered[i].hi - target < target - best))
    best = covered[i].hi;

  return best;
}

/* Cuts one axis into @n slices at @scale. Returns FALSE if the chart does
 * not fit. */
static gboolean
cut_axis (const Interval *covered,
          guint           n_covered,
          double          start,
          double          end,
          double          reach,
          guint           n,
          double          scale,
          double          body,
          double          overlap,
          double         *cuts,
          double         *back)
{
  gboolean clean = TRUE;

  cuts[0] = start;
  for (guint k = 0; k < n; k++)
    {
      double strips = (k > 0 ? overlap : 0) + (k + 1 < n ? overlap : 0);
      double room = (body - strips) / scale;
      double limit, target, gap, low;

      back[k] = clean ? 0 : reach;
      limit = cuts[k] + room - back[k];
      if (k + 1 == n)
        {
          cuts[n] = end;
          return end <= limit + 1e-9;
        }

      /* An equal share of what is left, so no sheet is left blank; a
       * gap is taken only near it, or a far gap would leave one sheet
       * little more than a strip of lines. */
      target = cuts[k] + (end - cuts[k]) / (n - k);
      target = MIN (target, limit);
      low = target - (target - cuts[k]) * GAP_WINDOW;
      gap = find_gap (covered, n_covered, low, MIN (limit, target + (target - cuts[k]) * GAP_WINDOW), target);
      if (gap >= low)
        {
          cuts[k + 1] = gap;
          clean = TRUE;
        }
      else
        {
          /* No gap: the boxes across the seam are drawn whole on the
           * side of their centre, up to half a box beyond it. */
          cuts[k + 1] = MIN (target, limit - reach);
          clean = FALSE;
          if (cuts[k + 1] <= cuts[k])
            return FALSE;
        }
    }

  return TRUE;
}

/**
 * _sam_chart_tiling_compute:
 * @chart: a chart with at least one box
 * @columns: sheets across, 1 to %SAM_CHART_MAX_TILES
 * @rows: sheets down
 * @body_width: the width of a sheet's part for the chart, in points
 * @body_height: its height
 * @overlap: the strip a sheet shares with a neighbour, in points
 * @max_scale: the largest scale to use
 * @tiling: (out caller-allocates): where the seams fall, and the scale
 *
 * Spreads @chart over @columns × @rows sheets as large as it fits with
 * every seam between boxes where the chart leaves room for one, and each
 * sheet holding a share of the chart.
 */
void
_sam_chart_tiling_compute (SamChart       *chart,
                           guint           columns,
                           guint           rows,
                           double          body_width,
                           double          body_height,
                           double          overlap,
                           double          max_scale,
                           SamChartTiling *tiling)
{
  guint n = sam_chart_get_n_nodes (chart), n_boxes = 0;
  g_autofree Interval *xs = g_new (Interval, MAX (n, 1));
  g_autofree Interval *ys = g_new (Interval, MAX (n, 1));
  guint n_xs, n_ys;
  double reach_x = 0, reach_y = 0, scale;
  SamChartRect extents;

  g_return_if_fail (columns >= 1 && columns <= SAM_CHART_MAX_TILES);
  g_return_if_fail (rows >= 1 && rows <= SAM_CHART_MAX_TILES);

  for (guint i = 0; i < n; i++)
    {
      SamChartRect box;

      if (!sam_chart_get_node_bounds (chart, i, &box))
        continue;
      xs[n_boxes] = (Interval) { box.x, box.x + box.width };
      ys[n_boxes] = (Interval) { box.y, box.y + box.height };
      reach_x = MAX (reach_x, box.width / 2);
      reach_y = MAX (reach_y, box.height / 2);
      n_boxes++;
    }
  n_xs = merge_intervals (xs, n_boxes);
  n_ys = merge_intervals (ys, n_boxes);

  sam_chart_get_extents (chart, &extents);
  tiling->columns = columns;
  tiling->rows = rows;

  /* No larger than the chart cut into equal strips would be. */
  scale = max_scale;
  if (extents.width > 0)
    scale = MIN (scale, (columns * body_width - 2 * (columns - 1) * overlap) / extents.width);
  if (extents.height > 0)
    scale = MIN (scale, (rows * body_height - 2 * (rows - 1) * overlap) / extents.height);

  for (guint attempt = 0; attempt < 200; attempt++, scale *= 0.97)
    if (cut_axis (xs, n_xs, extents.x, extents.x + extents.width, reach_x, columns, scale,
                  body_width, overlap, tiling->cuts_x, tiling->back_x)
        && cut_axis (ys, n_ys, extents.y, extents.y + extents.height, reach_y, rows, scale,
                     body_height, overlap, tiling->cuts_y, tiling->back_y))
      break;

  tiling->scale = scale;
}

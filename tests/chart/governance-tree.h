/* governance-tree.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sam-chart-layout.h"

/*
 * Governance-shaped trees of any size for the layout's linearity test and
 * benchmark, shared by both so they measure the same shape: a region's
 * executive group over its management group and staff groups (priority
 * council, clinical management, corporate group), councils with 2–6
 * subgroups (some with working groups of their own) and 3–15 process teams
 * (compact leaves). A big region is split into areas with management groups
 * of their own, recursively, until each holds about a dozen councils, so
 * the tree stays bushy and a few levels deep at any size.
 *
 * Box sizes vary as labels do: wider for longer names, taller for names on
 * two or three lines. The sequence depends only on the seed (GRand is a
 * Mersenne Twister, stable across GLib versions).
 */

typedef struct
{
  SamChartTree *tree;
  GRand        *rand;
  guint         target;
} GovernanceGen;

static inline gboolean
governance_full (GovernanceGen *gen)
{
  return sam_chart_tree_get_n_nodes (gen->tree) >= gen->target;
}

static inline gint
governance_add (GovernanceGen *gen,
                gint           parent,
                double         min_width,
                guint          flags)
{
  double width = min_width + 4 * g_rand_int_range (gen->rand, 0, 24);
  double height = 36 + 16 * g_rand_int_range (gen->rand, 1, 4);

  return (gint) sam_chart_tree_add (gen->tree, parent, width, height, flags);
}

static inline void
governance_council (GovernanceGen *gen,
                    gint           parent)
{
  gint council;
  gint i, n;

  if (governance_full (gen))
    return;
  council = governance_add (gen, parent, 140, SAM_CHART_NODE_NONE);

  n = g_rand_int_range (gen->rand, 2, 7);
  for (i = 0; i < n && !governance_full (gen); i++)
    {
      gint subgroup = governance_add (gen, council, 120, SAM_CHART_NODE_NONE);
      gint j, m = g_rand_int_range (gen->rand, 0, 4) == 0 ? g_rand_int_range (gen->rand, 1, 3) : 0;

      for (j = 0; j < m && !governance_full (gen); j++)
        governance_add (gen, subgroup, 110, SAM_CHART_NODE_NONE);
    }

  n = g_rand_int_range (gen->rand, 3, 16);
  for (i = 0; i < n && !governance_full (gen); i++)
    governance_add (gen, council, 110, SAM_CHART_NODE_COMPACT_LEAF);
}

/* About 18 nodes per council, so a unit of a dozen councils is ~220. */
#define GOVERNANCE_UNIT 240

static inline void
governance_unit (GovernanceGen *gen,
                 gint           parent,
                 guint          budget)
{
  guint stop = MIN (gen->target, sam_chart_tree_get_n_nodes (gen->tree) + budget);
  gint management;

  if (governance_full (gen))
    return;
  management = governance_add (gen, parent, 160, SAM_CHART_NODE_NONE);

  if (budget <= GOVERNANCE_UNIT)
    {
      while (sam_chart_tree_get_n_nodes (gen->tree) < stop)
        governance_council (gen, management);
    }
  else
    {
      guint k = g_rand_int_range (gen->rand, 4, 9);
      double weights[8], total = 0;
      guint i;

      for (i = 0; i < k; i++)
        total += weights[i] = g_rand_double_range (gen->rand, 0.5, 1.5);

      for (i = 0; i < k; i++)
        {
          guint share = (guint) (budget * weights[i] / total);

          if (i == k - 1)
            share = stop > sam_chart_tree_get_n_nodes (gen->tree)
                    ? stop - sam_chart_tree_get_n_nodes (gen->tree) : 0;
          governance_unit (gen, management, share);
        }
    }
}

/* Appends a governance-shaped tree of exactly @n_nodes nodes (at least 1)
 * to @tree, numbered so that every parent comes before its children. */
static inline void
governance_generate (SamChartTree *tree,
                     guint         n_nodes,
                     guint32       seed)
{
  GovernanceGen gen = { tree, g_rand_new_with_seed (seed), sam_chart_tree_get_n_nodes (tree) + n_nodes };
  gint executive, i;

  executive = governance_add (&gen, -1, 180, SAM_CHART_NODE_NONE);
  for (i = 0; i < 3 && !governance_full (&gen); i++)
    governance_add (&gen, executive, 140, SAM_CHART_NODE_NONE);

  while (!governance_full (&gen))
    governance_unit (&gen, executive, gen.target - sam_chart_tree_get_n_nodes (tree));

  g_rand_free (gen.rand);
}

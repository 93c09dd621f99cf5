/* bench-layout.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/*
 * Times the chart layout on governance-shaped trees (or a tree file) and,
 * in the same run on the same trees, Graphviz's dot and d3-hierarchy's
 * d3.tree(), then prints the figures against the targets of issue 6:
 * 100 000 groups in under 10 ms, at least 5x faster than d3.tree, and a
 * cost per node at 100 000 within 1.5x of that at 1 000.
 *
 *   bench-layout                        1 000, 10 000 and 100 000 groups, seed 1
 *   bench-layout --generate N --seed S  generated trees of N nodes (seeds S, S + 1, ...)
 *   bench-layout --tree FILE            one tree of lines "id parent_id width height"
 *   bench-layout ... --write-tree FILE  also write the (last size's first) tree to FILE
 *
 * Our layout: every size is timed over the same amount of work, about
 * 100 000 nodes per sample: one tree of 100 000, ten different trees of
 * 10 000 (seeds S to S + 9) or a hundred different trees of 1 000, laid
 * out one after the other. One warm-up sample, then the median of five,
 * each timed with the monotonic clock (nanoseconds) around the
 * sam_chart_layout_compute() calls alone and divided by the number of
 * trees. Laying out one small tree again and again would let the CPU's
 * branch predictor learn that very tree, which makes 1 000 nodes look
 * about a third cheaper per node than any tree a user opens (and than a
 * tree of 100 000, too big to learn); that figure is printed beside the
 * fair one, marked as such. The median of the thread's CPU time is
 * printed too, because on a shared machine other processes inflate
 * wall-clock time. The grid index for hit tests and culling is built by
 * the first query, timed on its own. dot runs as a subprocess on a DOT
 * file written from the first tree (only up to 10 000 nodes: it grows as
 * N^2.2); d3.tree() runs inside node on the same tree, and reports its
 * own median so node's start-up and parsing are not counted.
 *
 * With --tree FILE there is only the one tree, laid out repeatedly.
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "sam-chart-layout.h"
#include "governance-tree.h"

#define RUNS 5
#define DOT_MAX_NODES 10000
/* Nodes laid out per timed sample, in as many different trees as fit. */
#define SAMPLE_NODES 100000

typedef struct
{
  guint  n;
  double ms;
  double cpu_ms;
  double compact_ms;
  double ns_per_node;
  double same_ns_per_node;  /* one tree laid out repeatedly; < 0: not run */
  double work_per_node;
  double dot_ms;      /* < 0: not run */
  double d3_ms;       /* < 0: not run */
} Result;

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_double);
  return values[n / 2];
}

static double
thread_cpu_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double
now_ms (void)
{
  struct timespec t;

  clock_gettime (CLOCK_MONOTONIC, &t);
  return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

/* The trees of one size and their timed samples: plain tidy tree, with
 * stacking, and the first tree alone laid out repeatedly. */
typedef struct
{
  SamChartTree **trees;
  guint          n_trees;
  double         ms[RUNS];
  double         cpu[RUNS];
  double         index[RUNS];
  double         compact_ms[RUNS];
  double         compact_cpu[RUNS];
  double         same_ms[RUNS];
  guint64        work;
} Timing;

/* One sample: lays out every tree once, and returns the wall time per
 * tree in milliseconds (the CPU time in *cpu_ms). Also times the first
 * query on each layout, which builds the grid index. Each layout is freed
 * before the next is computed, as the chart does, so none is timed on
 * memory fresh from the kernel. *work gets the first tree's work count. */
static double
sample_layout (Timing              *timing,
               const SamChartStyle *style,
               double              *cpu_ms,
               double              *index_ms,
               guint64             *work)
{
  double wall = 0, cpu_sum = 0, hit = 0;
  guint t;

  for (t = 0; t < timing->n_trees; t++)
    {
      double cpu_start = thread_cpu_ms ();
      double start = now_ms ();
      g_autoptr(SamChartLayout) layout = sam_chart_layout_compute (timing->trees[t], style);
      double end = now_ms ();
      double cpu_end = thread_cpu_ms ();

      sam_chart_layout_node_at (layout, 0, 0);
      hit += now_ms () - end;
      wall += end - start;
      cpu_sum += cpu_end - cpu_start;
      if (t == 0 && work != NULL)
        *work = sam_chart_layout_get_work (layout);
    }

  *cpu_ms = cpu_sum / timing->n_trees;
  if (index_ms != NULL)
    *index_ms = hit / timing->n_trees;
  return wall / timing->n_trees;
}

/* The old way, for comparison: the first tree alone, laid out as many
 * times in a row as one sample has trees. */
static double
sample_same_tree (Timing              *timing,
                  const SamChartStyle *style)
{
  double start = now_ms ();
  guint r;

  for (r = 0; r < timing->n_trees; r++)
    sam_chart_layout_free (sam_chart_layout_compute (timing->trees[0], style));

  return (now_ms () - start) / timing->n_trees;
}

/* A warm-up round, then RUNS rounds, each taking one sample of every kind
 * of every size in turn, so a burst of load from other processes on the
 * machine falls on all sizes alike instead of on one of them. */
static void
time_layouts (Timing   *timings,
              guint     n_timings,
              gboolean  has_compact)
{
  SamChartStyle plain, compact;
  guint run, i;

  sam_chart_style_init (&compact);
  plain = compact;
  plain.compact_threshold = 0;

  for (run = 0; run <= RUNS; run++)
    for (i = 0; i < n_timings; i++)
      {
        Timing *t = &timings[i];
        guint k = run > 0 ? run - 1 : 0;

        t->ms[k] = sample_layout (t, &plain, &t->cpu[k], &t->index[k], &t->work);
        t->same_ms[k] = t->n_trees > 1 ? sample_same_tree (t, &plain) : -1;
        if (has_compact)
          t->compact_ms[k] = sample_layout (t, &compact, &t->compact_cpu[k], NULL, NULL);
      }
}

static gboolean
write_tree (const SamChartTree  *tree,
            const char          *path,
            GError             **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i, n = sam_chart_tree_get_n_nodes (tree);

  for (i = 0; i < n; i++)
    {
      char w[G_ASCII_DTOSTR_BUF_SIZE], h[G_ASCII_DTOSTR_BUF_SIZE];
      double width, height;

      sam_chart_tree_get_size (tree, i, &width, &height);
      g_string_append_printf (out, "%u %d %s %s\n", i, sam_chart_tree_get_parent (tree, i),
                              g_ascii_dtostr (w, sizeof w, width),
                              g_ascii_dtostr (h, sizeof h, height));
    }

  return g_file_set_contents (path, out->str, out->len, error);
}

typedef struct
{
  gint64 id;
  gint64 parent;
  double width;
  double height;
  guint  first_child;
  guint  next_sibling;
} Row;

/* Reads lines "id parent_id width height" in any order and adds them to a
 * tree parents first, keeping each parent's children in file order. */
static SamChartTree *
read_tree (const char  *path,
           GError     **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GHashTable) index = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, NULL);
  g_autofree guint *last_child = NULL;
  g_autofree guint *queue = NULL;
  g_autofree gint *node_of = NULL;
  g_autoptr(SamChartTree) tree = NULL;
  guint i, head = 0, tail = 0;

  if (!g_file_get_contents (path, &text, NULL, error))
    return NULL;

  lines = g_strsplit (text, "\n", -1);
  for (i = 0; lines[i] != NULL; i++)
    {
      Row row = { 0 };
      char *line = g_strstrip (lines[i]), *end;
      g_auto(GStrv) fields = NULL;

      if (*line == '\0' || *line == '#')
        continue;
      fields = g_strsplit_set (line, " \t", -1);
      if (g_strv_length (fields) != 4)
        goto bad_line;
      row.id = g_ascii_strtoll (fields[0], &end, 10);
      if (*end != '\0')
        goto bad_line;
      row.parent = g_ascii_strtoll (fields[1], &end, 10);
      if (*end != '\0')
        goto bad_line;
      row.width = g_ascii_strtod (fields[2], &end);
      if (*end != '\0' || !(row.width >= 0))
        goto bad_line;
      row.height = g_ascii_strtod (fields[3], &end);
      if (*end != '\0' || !(row.height >= 0))
        goto bad_line;
      row.first_child = row.next_sibling = G_MAXUINT;
      g_array_append_val (rows, row);
      continue;

    bad_line:
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s, line %u: expected 'id parent_id width height'", path, i + 1);
      return NULL;
    }

  for (i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);

      if (g_hash_table_contains (index, &row->id))
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s: id %" G_GINT64_FORMAT " appears twice", path, row->id);
          return NULL;
        }
      g_hash_table_insert (index, &row->id, GUINT_TO_POINTER (i + 1));
    }

  last_child = g_new (guint, rows->len);
  queue = g_new (guint, rows->len);
  node_of = g_new (gint, rows->len);
  for (i = 0; i < rows->len; i++)
    last_child[i] = G_MAXUINT;
  for (i = 0; i < rows->len; i++)
    {
      Row *row = &g_array_index (rows, Row, i);
      guint p;

      if (row->parent == -1)
        {
          queue[tail++] = i;
          continue;
        }
      p = GPOINTER_TO_UINT (g_hash_table_lookup (index, &row->parent));
      if (p == 0)
        {
          g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                       "%s: parent %" G_GINT64_FORMAT " of %" G_GINT64_FORMAT " is missing",
                       path, row->parent, row->id);
          return NULL;
        }
      p--;
      if (last_child[p] == G_MAXUINT)
        g_array_index (rows, Row, p).first_child = i;
      else
        g_array_index (rows, Row, last_child[p]).next_sibling = i;
      last_child[p] = i;
    }

  tree = sam_chart_tree_new (rows->len);
  while (head < tail)
    {
      guint r = queue[head++], c;
      Row *row = &g_array_index (rows, Row, r);
      gint parent = -1;

      if (row->parent != -1)
        parent = node_of[GPOINTER_TO_UINT (g_hash_table_lookup (index, &row->parent)) - 1];
      node_of[r] = (gint) sam_chart_tree_add (tree, parent, row->width, row->height, 0);
      for (c = row->first_child; c != G_MAXUINT; c = g_array_index (rows, Row, c).next_sibling)
        queue[tail++] = c;
    }

  if (tail != rows->len)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: %u rows are in a cycle, not under a root", path, rows->len - tail);
      return NULL;
    }

  return g_steal_pointer (&tree);
}

static gboolean
write_dot (const SamChartTree   *tree,
           const char           *path,
           const SamChartStyle  *style,
           GError              **error)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint i, n = sam_chart_tree_get_n_nodes (tree);

  /* Sizes in inches; the C locale (never set otherwise here) keeps the
   * decimal point a point. */
  g_string_append_printf (out,
                          "digraph chart {\n"
                          "  graph [rankdir=TB, nodesep=%.4f, ranksep=%.4f];\n"
                          "  node [shape=box, fixedsize=true, label=\"\"];\n",
                          style->sibling_gap / 72, style->level_gap / 72);
  for (i = 0; i < n; i++)
    {
      double width, height;

      sam_chart_tree_get_size (tree, i, &width, &height);
      g_string_append_printf (out, "  n%u [width=%.4f, height=%.4f];\n", i, width / 72, height / 72);
    }
  for (i = 0; i < n; i++)
    if (sam_chart_tree_get_parent (tree, i) >= 0)
      g_string_append_printf (out, "  n%d -> n%u;\n", sam_chart_tree_get_parent (tree, i), i);
  g_string_append (out, "}\n");

  return g_file_set_contents (path, out->str, out->len, error);
}

/* Runs argv once, discarding its output; returns the wall time in ms or
 * a negative number if it failed. */
static double
time_command (char       **argv,
              char       **captured)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  gint status = 0;
  gboolean ok;

  ok = g_spawn_sync (NULL, argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL
                     | (captured == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0),
                     NULL, NULL, captured, NULL, &status, &error);
  if (!ok || !g_spawn_check_wait_status (status, NULL))
    return -1;

  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
time_dot (const SamChartTree  *tree,
          const SamChartStyle *style,
          const char          *dir,
          guint               *runs)
{
  g_autofree char *dot = g_find_program_in_path ("dot");
  g_autofree char *path = g_build_filename (dir, "tree.dot", NULL);
  g_autoptr(GError) error = NULL;
  char *argv[] = { dot, "-Tplain", path, "-o", "/dev/null", NULL };
  double ms[3];
  guint run;

  if (dot == NULL || !write_dot (tree, path, style, &error))
    return -1;

  /* Seconds per run at 10 000 nodes: one run is enough there. */
  *runs = sam_chart_tree_get_n_nodes (tree) <= 2000 ? 3 : 1;
  for (run = 0; run < *runs; run++)
    if ((ms[run] = time_command (argv, NULL)) < 0)
      return -1;

  return median (ms, *runs);
}

static char *
d3_script (void)
{
  const char *root = g_getenv ("SAM_SOURCE_ROOT");

  return g_build_filename (root != NULL ? root : ".", "tests", "chart", "d3", "d3-tree.mjs", NULL);
}

/* Returns NULL if d3.tree can be timed, or why not. */
static char *
d3_unavailable (void)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = d3_script ();
  g_autofree char *out = NULL;
  char *argv[] = { node, script, "--check", NULL };

  if (node == NULL)
    return g_strdup ("node is not installed");
  if (!g_file_test (script, G_FILE_TEST_EXISTS))
    return g_strdup_printf ("%s is missing (set SAM_SOURCE_ROOT)", script);
  if (time_command (argv, &out) < 0)
    return g_strdup ("d3-hierarchy is not installed (npm install --prefix tests/chart/d3)");

  return NULL;
}

static double
time_d3 (const SamChartTree  *tree,
         const SamChartStyle *style,
         const char          *dir)
{
  g_autofree char *node = g_find_program_in_path ("node");
  g_autofree char *script = d3_script ();
  g_autofree char *path = g_build_filename (dir, "tree.txt", NULL);
  g_autofree char *out = NULL;
  char sib[G_ASCII_DTOSTR_BUF_SIZE], sub[G_ASCII_DTOSTR_BUF_SIZE], lvl[G_ASCII_DTOSTR_BUF_SIZE];
  char *argv[] = { node, script, path,
                   g_ascii_dtostr (sib, sizeof sib, style->sibling_gap),
                   g_ascii_dtostr (sub, sizeof sub, style->subtree_gap),
                   g_ascii_dtostr (lvl, sizeof lvl, style->level_gap), NULL };
  const char *ms;

  if (!write_tree (tree, path, NULL) || time_command (argv, &out) < 0)
    return -1;
  if ((ms = strstr (out, "nodes: ")) == NULL)
    return -1;

  return g_ascii_strtod (ms + strlen ("nodes: "), NULL);
}

static void
bench_trees (Timing     *timing,
             gboolean    has_compact,
             const char *dir,
             const char *d3_skip,
             Result     *result)
{
  SamChartStyle style;
  guint dot_runs = 0, threshold;
  double index_ms;

  sam_chart_style_init (&style);
  threshold = style.compact_threshold;
  style.compact_threshold = 0;
  result->n = sam_chart_tree_get_n_nodes (timing->trees[0]);

  /* Plain tidy tree first, the problem dot and d3.tree solve too. */
  result->ms = median (timing->ms, RUNS);
  result->cpu_ms = median (timing->cpu, RUNS);
  index_ms = median (timing->index, RUNS);
  result->ns_per_node = result->ms * 1e6 / result->n;
  result->work_per_node = (double) timing->work / result->n;
  g_print ("%u nodes: %.3f ms (%.1f ns/node; CPU time %.3f ms, %.1f ns/node; %.2f work units/node)\n",
           result->n, result->ms, result->ns_per_node,
           result->cpu_ms, result->cpu_ms * 1e6 / result->n, result->work_per_node);
  if (timing->n_trees > 1)
    g_print ("  median per tree over samples of %u different trees, %u nodes in all\n",
             timing->n_trees, timing->n_trees * result->n);
  g_print ("  grid index for hit tests and culling, built by the first query: %.3f ms\n", index_ms);

  result->same_ns_per_node = -1;
  if (timing->n_trees > 1)
    {
      result->same_ns_per_node = median (timing->same_ms, RUNS) * 1e6 / result->n;
      g_print ("  the first tree alone, laid out %u times in a row (learnt by the branch predictor): "
               "%.1f ns/node\n", timing->n_trees, result->same_ns_per_node);
    }

  result->compact_ms = -1;
  if (has_compact)
    {
      result->compact_ms = median (timing->compact_ms, RUNS);
      g_print ("  with process teams stacked (compact_threshold %u): %.3f ms (CPU time %.3f ms)\n",
               threshold, result->compact_ms, median (timing->compact_cpu, RUNS));
    }

  result->dot_ms = -1;
  if (result->n > DOT_MAX_NODES)
    g_print ("  dot -Tplain: skipped above %u nodes (it grows as N^2.2: minutes here)\n", DOT_MAX_NODES);
  else if ((result->dot_ms = time_dot (timing->trees[0], &style, dir, &dot_runs)) < 0)
    g_print ("  dot -Tplain: skipped: dot is not installed or failed (apt-get install graphviz)\n");
  else
    g_print ("  dot -Tplain: %.1f ms (%s; %.0fx our time)\n", result->dot_ms,
             dot_runs == 1 ? "one run" : "median of 3 runs", result->dot_ms / result->ms);

  result->d3_ms = -1;
  if (d3_skip != NULL)
    g_print ("  d3.tree(): skipped: %s\n", d3_skip);
  else if ((result->d3_ms = time_d3 (timing->trees[0], &style, dir)) < 0)
    g_print ("  d3.tree(): skipped: node failed on the tree file\n");
  else
    g_print ("  d3.tree(): %.3f ms (median of 5 inside node; %.1fx our time)\n",
             result->d3_ms, result->d3_ms / result->ms);
}

static const char *
verdict (gboolean met)
{
  return met ? "met" : "NOT met";
}

static void
print_targets (const Result *results,
               guint         n_results)
{
  const Result *small = NULL, *big = NULL;
  guint i;

  for (i = 0; i < n_results; i++)
    {
      if (results[i].n == 1000)
        small = &results[i];
      if (results[i].n == 100000)
        big = &results[i];
    }

  g_print ("\ntargets (wall-clock medians, as specified; CPU time in brackets):\n");
  if (big != NULL)
    {
      g_print ("  100 000 nodes in under 10 ms: %.3f ms: %s (%.3f ms: %s)\n", big->ms, verdict (big->ms < 10),
               big->cpu_ms, verdict (big->cpu_ms < 10));
      if (big->d3_ms > 0)
        g_print ("  at least 5x faster than d3.tree (aim 10x): %.1fx: %s%s\n", big->d3_ms / big->ms,
                 verdict (big->d3_ms / big->ms >= 5), big->d3_ms / big->ms >= 10 ? ", aim reached" : "");
      else
        g_print ("  at least 5x faster than d3.tree: not measured (d3.tree skipped)\n");
    }
  if (big != NULL && small != NULL)
    {
      double cpu_ratio = (big->cpu_ms / big->n) / (small->cpu_ms / small->n);

      g_print ("  cost per node at 100 000 within 1.5x of 1 000: %.1f / %.1f ns = %.2f: %s "
               "(CPU time %.2f: %s)\n",
               big->ns_per_node, small->ns_per_node, big->ns_per_node / small->ns_per_node,
               verdict (big->ns_per_node / small->ns_per_node <= 1.5), cpu_ratio, verdict (cpu_ratio <= 1.5));
      if (small->same_ns_per_node > 0)
        g_print ("  (with 1 000 timed the old way, one tree laid out again and again: %.1f / %.1f ns = %.2f)\n",
                 big->ns_per_node, small->same_ns_per_node, big->ns_per_node / small->same_ns_per_node);
      g_print ("  work units per node at 100 000 / at 1 000: %.2f / %.2f = %.3f\n",
               big->work_per_node, small->work_per_node, big->work_per_node / small->work_per_node);
    }
  if (big == NULL || small == NULL)
    g_print ("  (the targets are stated for 1 000 and 100 000 nodes; run without options to check them)\n");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tree_file = NULL;
  g_autofree char *write_file = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *d3_skip = NULL;
  gint generate = 0, seed = 1;
  guint sizes[] = { 1000, 10000, 100000 };
  Result results[G_N_ELEMENTS (sizes)];
  guint n_results = 0, i;
  GOptionEntry entries[] = {
    { "tree", 0, 0, G_OPTION_ARG_FILENAME, &tree_file, "Lay out the tree in FILE", "FILE" },
    { "generate", 0, 0, G_OPTION_ARG_INT, &generate, "Lay out a generated tree of N nodes", "N" },
    { "seed", 0, 0, G_OPTION_ARG_INT, &seed, "Seed for --generate (default 1)", "S" },
    { "write-tree", 0, 0, G_OPTION_ARG_FILENAME, &write_file, "Write the tree to FILE", "FILE" },
    { NULL }
  };

  context = g_option_context_new ("— time the chart layout against dot and d3.tree");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (tree_file != NULL && generate > 0)
    {
      g_printerr ("--tree and --generate exclude each other\n");
      return 2;
    }

  if ((dir = g_dir_make_tmp ("bench-layout-XXXXXX", &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  d3_skip = d3_unavailable ();

  {
    g_autofree char *load = NULL;

    /* Other processes on the machine inflate wall-clock times. */
    if (g_file_get_contents ("/proc/loadavg", &load, NULL, NULL))
      g_print ("load average before the run: %s", load);
  }

  if (tree_file != NULL)
    {
      g_autoptr(SamChartTree) tree = read_tree (tree_file, &error);
      Timing timing = { &tree, 1 };

      if (tree == NULL)
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (write_file != NULL && !write_tree (tree, write_file, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (sam_chart_tree_get_n_nodes (tree) == 0)
        {
          g_printerr ("%s: no nodes\n", tree_file);
          return 1;
        }
      time_layouts (&timing, 1, FALSE);
      bench_trees (&timing, FALSE, dir, d3_skip, &results[n_results++]);
    }
  else
    {
      guint n_sizes = generate > 0 ? 1 : G_N_ELEMENTS (sizes);
      Timing timings[G_N_ELEMENTS (sizes)];
      g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_chart_tree_free);
      guint t;

      if (generate > 0)
        sizes[0] = generate;

      /* Every tree first, so that building them is not timed between two
       * samples; all the trees of one size lie together. */
      for (i = 0; i < n_sizes; i++)
        {
          memset (&timings[i], 0, sizeof timings[i]);
          timings[i].n_trees = MAX (1, SAMPLE_NODES / sizes[i]);
          for (t = 0; t < timings[i].n_trees; t++)
            {
              SamChartTree *tree = sam_chart_tree_new (sizes[i]);

              governance_generate (tree, sizes[i], seed + t);
              g_ptr_array_add (all, tree);
            }
        }
      for (i = 0, t = 0; i < n_sizes; t += timings[i].n_trees, i++)
        timings[i].trees = (SamChartTree **) all->pdata + t;

      if (write_file != NULL && !write_tree (timings[n_sizes - 1].trees[0], write_file, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }

      time_layouts (timings, n_sizes, TRUE);

      g_print ("governance-shaped trees, seed %d\n", seed);
      for (i = 0; i < n_sizes; i++)
        bench_trees (&timings[i], TRUE, dir, d3_skip, &results[n_results++]);
    }

  print_targets (results, n_results);

  {
    g_autofree char *dot = g_build_filename (dir, "tree.dot", NULL);
    g_autofree char *txt = g_build_filename (dir, "tree.txt", NULL);

    g_unlink (dot);
    g_unlink (txt);
    g_rmdir (dir);
  }

  return 0;
}

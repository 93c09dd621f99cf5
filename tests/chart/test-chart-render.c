/* test-chart-render.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sam-chart.h"
#include "sam-chart-render.h"
#include "sam-test-util.h"

/*
 * The chart built from a small register (tests/fixtures/chart-register.xml)
 * and drawn onto image surfaces: which groups, chairs, members and vacant
 * seats it shows on a given day; the root chooser; search and navigation;
 * building it in a worker thread, and cancelling that; and pixels: each
 * box's kind colour where the layout put it, background between the
 * boxes, the simple drawing when zoomed out, culling that leaves out
 * nothing visible, and the selection ring.
 */

#define AOI_UUID "0c000000-0000-4000-8000-000000000002"

/* Where the chart goes on the test surfaces, in device pixels. */
#define OFFSET 12

typedef struct
{
  char     *dir;
  SamStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_import ("test-chart-XXXXXX", "chart-register.xml", &fixture->dir);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
}

static gint
find_code (SamChart   *chart,
           const char *code)
{
  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    if (g_strcmp0 (sam_chart_get_node_code (chart, i), code) == 0)
      return (gint) i;

  return -1;
}

static gboolean
has_line (SamChart   *chart,
          guint       node,
          const char *line)
{
  return g_strv_contains (sam_chart_get_node_people (chart, node), line);
}

/* The model */

static void
test_structure (Fixture       *fixture,
                gconstpointer  data)
{
  /* Pre-order, siblings by position: the management group, its priority
   * council and two councils (the dissolved REH and the future PSY left
   * out), the subgroup and process teams of AOI, MED's two groups. */
  static const char *codes[] = {
    "LG", "PPR", "AOI", "AOI-UG", "AOI-P1", "AOI-P2", "AOI-P3", "AOI-P4", "MED", "ÖST", "OST",
  };
  static const gint parents[] = { -1, 0, 0, 2, 2, 2, 2, 2, 0, 8, 8 };
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  SamChartRect extents, box;

  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, G_N_ELEMENTS (codes));
  for (guint i = 0; i < G_N_ELEMENTS (codes); i++)
    {
      g_assert_cmpstr (sam_chart_get_node_code (chart, i), ==, codes[i]);
      g_assert_cmpint (sam_chart_get_node_parent (chart, i), ==, parents[i]);
      g_assert_true (sam_chart_get_node_bounds (chart, i, &box));
      g_assert_cmpfloat (box.width, >, 100);
      g_assert_cmpfloat (box.height, >, 20);
    }

  g_assert_cmpstr (sam_chart_get_as_of (chart), ==, "2026-04-01");
  g_assert_cmpstr (sam_chart_get_title (chart), ==, "Region Exempel – samordningsråd");
  g_assert_null (sam_chart_get_registry_number (chart));
  g_assert_cmpint (sam_chart_get_node_kind (chart, 0), ==, SAM_GROUP_KIND_MANAGEMENT_GROUP);
  g_assert_cmpint (sam_chart_get_node_kind (chart, 4), ==, SAM_GROUP_KIND_PROCESS_TEAM);
  g_assert_cmpstr (sam_chart_get_node_uuid (chart, 2), ==, AOI_UUID);
  g_assert_cmpint (sam_chart_find_uuid (chart, AOI_UUID), ==, 2);
  g_assert_cmpstr (sam_chart_get_node_name (chart, 2), ==, "Samordningsråd anestesi, operation och intensivvård");

  /* The process teams are stacked under their council, one under another. */
  g_assert_true (sam_chart_layout_get_node_state (sam_chart_get_layout (chart), 5) & SAM_CHART_NODE_STATE_STACKED);

  sam_chart_get_extents (chart, &extents);
  g_assert_cmpfloat (extents.x, ==, 0);
  g_assert_cmpfloat (extents.width, >, 500);
  g_assert_cmpint (sam_chart_node_at (chart, -5, -5), ==, -1);
  sam_chart_get_node_bounds (chart, 8, &box);
  g_assert_cmpint (sam_chart_node_at (chart, box.x + box.width / 2, box.y + box.height / 2), ==, 8);

  g_assert_finalize_object (g_steal_pointer (&chart));
}

static void
test_as_of_groups (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamChart) before = sam_test_chart_new (fixture->store, "2025-06-29", NULL, FALSE);
  g_autoptr(SamChart) dissolved = sam_test_chart_new (fixture->store, "2025-06-30", NULL, FALSE);
  g_autoptr(SamChart) later = sam_test_chart_new (fixture->store, "2026-09-01", NULL, FALSE);
  g_autoptr(SamChart) early = sam_test_chart_new (fixture->store, "2018-06-01", NULL, FALSE);

  /* REH and its subgroup stand until the day REH is dissolved. */
  g_assert_cmpint (find_code (before, "REH"), >=, 0);
  g_assert_cmpint (find_code (before, "REH-UG"), ==, find_code (before, "REH") + 1);
  g_assert_cmpuint (sam_chart_get_n_nodes (before), ==, 13);
  g_assert_cmpint (find_code (dissolved, "REH"), ==, -1);
  g_assert_cmpint (find_code (dissolved, "REH-UG"), ==, -1);
  g_assert_cmpuint (sam_chart_get_n_nodes (dissolved), ==, 11);

  /* PSY from the day it is established. */
  g_assert_cmpint (find_code (dissolved, "PSY"), ==, -1);
  g_assert_cmpint (find_code (later, "PSY"), >=, 0);

  /* AOI was established in 2019, with everything under it. */
  g_assert_cmpint (find_code (early, "AOI"), ==, -1);
  g_assert_cmpint (find_code (early, "AOI-P1"), ==, -1);
  g_assert_cmpint (find_code (early, "REH"), >=, 0);
}

static void
test_as_of_chair (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    const char *as_of;
    const char *chair;
    guint       members;
    guint       vacant;
  } cases[] = {
    /* Anna Berg's term, with Cecilia Dahl and David Frisk as members:
     * Östra's and the university's seats are vacant. */
    { "2024-05-01", "Anna Berg", 3, 2 },
    /* Her term and David Frisk's have ended and no successor has begun:
     * both stay, marked. */
    { "2026-01-15", "Anna Berg (term ended)", 3, 2 },
    /* Ingrid Åström succeeds David Frisk for Kirurgi. */
    { "2026-02-28", "Anna Berg (term ended)", 3, 2 },
    /* Björn Ek succeeds Anna Berg; he and Ingrid Åström both represent
     * Kirurgi, which has one seat, so one of Akut's two is empty now. */
    { "2026-03-01", "Björn Ek", 3, 3 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, cases[i].as_of, NULL, FALSE);
      gint aoi = find_code (chart, "AOI");

      g_test_message ("as of %s", cases[i].as_of);
      g_assert_cmpint (aoi, >=, 0);
      g_assert_cmpstr (sam_chart_get_node_chair (chart, aoi), ==, cases[i].chair);
      g_assert_cmpuint (sam_chart_get_node_n_members (chart, aoi), ==, cases[i].members);
      g_assert_cmpuint (sam_chart_get_node_n_vacant (chart, aoi), ==, cases[i].vacant);
    }
}

static void
test_people_and_vacancies (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, TRUE);
  g_autoptr(SamChart) plain = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  g_autoptr(SamChart) january = sam_test_chart_new (fixture->store, "2026-01-15", NULL, TRUE);
  gint aoi = find_code (chart, "AOI");
  SamChartRect with_people, without;

  g_assert_true (sam_chart_get_show_people (chart));
  g_assert_true (has_line (chart, aoi, "Coordinator: Eva Grön"));
  g_assert_true (has_line (chart, aoi, "Contact person: Fredrik Holm"));
  g_assert_true (has_line (chart, aoi, "Member: Cecilia Dahl"));
  g_assert_true (has_line (chart, aoi, "Member: Ingrid Åström"));
  g_assert_true (has_line (chart, aoi, "Co-opted member: Gunilla Ivarsson"));
  /* Akut is entitled to two seats and has one member; Kirurgi's is
   * filled; Östra and the university have nobody (a co-opted member fills
   * no seat). */
  g_assert_true (has_line (chart, aoi, "Member: Vacant (Akut)"));
  g_assert_true (has_line (chart, aoi, "Member: Vacant (Östra)"));
  g_assert_true (has_line (chart, aoi, "Member: Vacant (Universitetet)"));
  g_assert_false (has_line (chart, aoi, "Member: Vacant (Kirurgi)"));
  g_assert_false (has_line (chart, aoi, "Member: David Frisk"));
  g_assert_cmpuint (g_strv_length ((GStrv) sam_chart_get_node_people (chart, aoi)), ==, 8);

  /* In January the old chair holds Akut's second seat, and David Frisk,
   * his term over, Kirurgi's until Ingrid Åström starts. */
  aoi = find_code (january, "AOI");
  g_assert_true (has_line (january, aoi, "Member: David Frisk (term ended)"));
  g_assert_false (has_line (january, aoi, "Member: Ingrid Åström"));
  g_assert_false (has_line (january, aoi, "Member: Vacant (Akut)"));
  g_assert_false (has_line (january, aoi, "Member: Vacant (Kirurgi)"));

  /* Listing people makes the box wider and taller. */
  sam_chart_get_node_bounds (chart, find_code (chart, "AOI"), &with_people);
  sam_chart_get_node_bounds (plain, find_code (plain, "AOI"), &without);
  g_assert_cmpfloat (with_people.width, >, without.width);
  g_assert_cmpfloat (with_people.height, >, without.height + 40);
}

static void
test_root (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", "AOI", FALSE);
  g_autoptr(SamChart) lower = sam_test_chart_new (fixture->store, "2026-04-01", "aoi", FALSE);
  g_autoptr(GError) error = NULL;
  SamChartOptions options;
  SamChart *none;

  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 6);
  g_assert_cmpstr (sam_chart_get_node_code (chart, 0), ==, "AOI");
  g_assert_cmpint (sam_chart_get_node_parent (chart, 0), ==, -1);
  g_assert_cmpstr (sam_chart_get_title (chart), ==, "Samordningsråd anestesi, operation och intensivvård");
  g_assert_cmpstr (sam_chart_get_registry_number (chart), ==, "RS 2024-00784");
  g_assert_cmpuint (sam_chart_get_n_nodes (lower), ==, 6);

  sam_chart_options_init (&options);
  options.as_of = "2026-04-01";
  options.root_uuid = AOI_UUID;
  none = sam_chart_new_from_store (fixture->store, &options, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_chart_get_n_nodes (none), ==, 6);
  g_object_unref (none);

  options.root_uuid = NULL;
  options.root_code = "XYZ";
  none = sam_chart_new_from_store (fixture->store, &options, &error);
  g_assert_null (none);
  g_assert_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_UNKNOWN_ROOT);
  g_assert_nonnull (strstr (error->message, "XYZ"));
  g_clear_error (&error);

  /* REH was dissolved before the as-of date. */
  options.root_code = "REH";
  none = sam_chart_new_from_store (fixture->store, &options, &error);
  g_assert_null (none);
  g_assert_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_UNKNOWN_ROOT);
  g_clear_error (&error);

  options.root_code = NULL;
  options.as_of = "2026-02-30";
  none = sam_chart_new_from_store (fixture->store, &options, &error);
  g_assert_null (none);
  g_assert_error (error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_chart_parse_date ("2024-02-29", NULL));
  g_assert_false (sam_chart_parse_date ("2023-02-29", NULL));
  g_assert_false (sam_chart_parse_date ("2024-2-29", NULL));
  g_assert_false (sam_chart_parse_date ("24-02-2024", NULL));
}

static void
test_find (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  /* å, ä and ö are letters of their own: “östra” is not “ostra”. */
  g_assert_cmpuint (sam_chart_find (chart, "östra", found), ==, 1);
  g_assert_cmpstr (sam_chart_get_node_name (chart, g_array_index (found, guint, 0)), ==, "Östra närvårdsgruppen");
  g_array_set_size (found, 0);
  g_assert_cmpuint (sam_chart_find (chart, "OSTRA", found), ==, 1);
  g_assert_cmpstr (sam_chart_get_node_name (chart, g_array_index (found, guint, 0)), ==, "Ostra provgruppen");

  /* Codes count too, in node order. */
  g_array_set_size (found, 0);
  g_assert_cmpuint (sam_chart_find (chart, "aoi-p", found), ==, 4);
  g_assert_cmpuint (g_array_index (found, guint, 0), ==, 4);
  g_array_set_size (found, 0);
  g_assert_cmpuint (sam_chart_find (chart, "SAMORDNINGSRÅD", found), ==, 2);
  g_array_set_size (found, 0);
  g_assert_cmpuint (sam_chart_find (chart, "", found), ==, 0);
  g_assert_cmpuint (sam_chart_find (chart, "nothing like it", found), ==, 0);
}

static void
test_navigation (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  g_autofree char *description = NULL;
  g_autofree char *plain = NULL;
  SamChartRect box, before, after;
  gint aoi = find_code (chart, "AOI");
  gint med = find_code (chart, "MED");

  g_assert_cmpint (sam_chart_get_node_first_child (chart, 0), ==, find_code (chart, "PPR"));
  g_assert_cmpint (sam_chart_get_node_next_sibling (chart, find_code (chart, "PPR")), ==, aoi);
  g_assert_cmpint (sam_chart_get_node_next_sibling (chart, aoi), ==, med);
  g_assert_cmpint (sam_chart_get_node_next_sibling (chart, med), ==, -1);
  g_assert_cmpint (sam_chart_get_node_prev_sibling (chart, aoi), ==, find_code (chart, "PPR"));
  g_assert_cmpint (sam_chart_get_node_prev_sibling (chart, 0), ==, -1);
  g_assert_cmpint (sam_chart_get_node_first_child (chart, aoi), ==, find_code (chart, "AOI-UG"));
  g_assert_cmpint (sam_chart_get_node_parent (chart, find_code (chart, "AOI-P4")), ==, aoi);
  g_assert_cmpint (sam_chart_get_node_first_child (chart, find_code (chart, "AOI-P4")), ==, -1);
  g_assert_true (sam_chart_node_has_children (chart, aoi));

  description = sam_chart_dup_node_description (chart, aoi);
  g_assert_cmpstr (description, ==, "Samordningsråd anestesi, operation och intensivvård, Council, chair Björn Ek");
  plain = sam_chart_dup_node_description (chart, find_code (chart, "AOI-P1"));
  g_assert_cmpstr (plain, ==, "Processteam sepsis, Process team");

  /* Collapsing hides the branch and never moves MED away (the council's
   * family is stacked, so it is about as wide as the council); node
   * numbers stay. */
  sam_chart_get_node_bounds (chart, med, &before);
  sam_chart_set_collapsed (chart, aoi, TRUE);
  g_assert_true (sam_chart_get_collapsed (chart, aoi));
  g_assert_true (sam_chart_layout_get_node_state (sam_chart_get_layout (chart), aoi) & SAM_CHART_NODE_STATE_COLLAPSED);
  g_assert_cmpint (sam_chart_get_node_first_child (chart, aoi), ==, -1);
  g_assert_false (sam_chart_get_node_bounds (chart, find_code (chart, "AOI-P1"), &box));
  g_assert_true (sam_chart_get_node_bounds (chart, med, &after));
  g_assert_cmpfloat (after.x, <=, before.x);
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 11);

  sam_chart_set_collapsed (chart, aoi, FALSE);
  g_assert_true (sam_chart_get_node_bounds (chart, find_code (chart, "AOI-P1"), &box));
  sam_chart_get_node_bounds (chart, med, &after);
  g_assert_cmpfloat (after.x, ==, before.x);

  sam_chart_set_selected (chart, aoi);
  g_assert_cmpint (sam_chart_get_selected (chart), ==, aoi);
}

static void
test_collapsed_option (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *collapsed[] = { AOI_UUID, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChart) chart = NULL;
  SamChartOptions options;
  SamChartRect box;

  sam_chart_options_init (&options);
  options.as_of = "2026-04-01";
  options.collapsed = collapsed;
  options.orientation = SAM_CHART_LEFT_RIGHT;
  chart = sam_chart_new_from_store (fixture->store, &options, &error);
  g_assert_no_error (error);
  g_assert_true (sam_chart_get_collapsed (chart, 2));
  g_assert_false (sam_chart_get_node_bounds (chart, 3, &box));
  g_assert_cmpint (sam_chart_layout_get_orientation (sam_chart_get_layout (chart)), ==, SAM_CHART_LEFT_RIGHT);
}

typedef struct
{
  GMainLoop *loop;
  SamChart  *chart;
  GError    *error;
} AsyncBuild;

static void
build_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncBuild *build = user_data;

  g_assert_null (object);
  build->chart = sam_chart_new_from_store_finish (result, &build->error);
  g_main_loop_quit (build->loop);
}

static void
assert_same_chart (SamChart *a,
                   SamChart *b)
{
  const SamChartLayout *la = sam_chart_get_layout (a);
  const SamChartLayout *lb = sam_chart_get_layout (b);
  SamChartRect ea, eb;

  g_assert_cmpstr (sam_chart_get_as_of (a), ==, sam_chart_get_as_of (b));
  g_assert_cmpstr (sam_chart_get_title (a), ==, sam_chart_get_title (b));
  g_assert_cmpint (sam_chart_get_show_people (a), ==, sam_chart_get_show_people (b));
  g_assert_cmpuint (sam_chart_get_n_nodes (a), ==, sam_chart_get_n_nodes (b));
  for (guint i = 0; i < sam_chart_get_n_nodes (a); i++)
    {
      SamChartRect ba, bb;

      g_assert_cmpstr (sam_chart_get_node_uuid (a, i), ==, sam_chart_get_node_uuid (b, i));
      g_assert_cmpstr (sam_chart_get_node_chair (a, i), ==, sam_chart_get_node_chair (b, i));
      g_assert_cmpuint (sam_chart_get_node_n_members (a, i), ==, sam_chart_get_node_n_members (b, i));
      g_assert_cmpuint (sam_chart_get_node_n_vacant (a, i), ==, sam_chart_get_node_n_vacant (b, i));
      g_assert_true (g_strv_equal ((const char * const *) sam_chart_get_node_people (a, i),
                                   (const char * const *) sam_chart_get_node_people (b, i)));
      g_assert_cmpint (sam_chart_get_node_parent (a, i), ==, sam_chart_get_node_parent (b, i));
      g_assert_cmpint (sam_chart_get_collapsed (a, i), ==, sam_chart_get_collapsed (b, i));
      g_assert_cmpint (sam_chart_get_node_bounds (a, i, &ba), ==, sam_chart_get_node_bounds (b, i, &bb));
      /* Measured with the same fonts in either thread: the same numbers. */
      g_assert_true (memcmp (&ba, &bb, sizeof ba) == 0);
    }

  sam_chart_get_extents (a, &ea);
  sam_chart_get_extents (b, &eb);
  g_assert_true (memcmp (&ea, &eb, sizeof ea) == 0);
  g_assert_cmpuint (sam_chart_layout_get_n_edges (la), ==, sam_chart_layout_get_n_edges (lb));
}

/* Built in a worker thread, on a connection of its own, the chart is the
 * one built on the calling thread; cancelled, before the worker starts or
 * while it runs, the build says so and gives no chart. */
static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  const char *collapsed[] = { AOI_UUID, NULL };
  char as_of[] = "2026-04-01";
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GCancellable) cancellable = NULL;
  g_autoptr(SamChart) sync = NULL;
  g_autoptr(GError) error = NULL;
  AsyncBuild build = { loop, NULL, NULL };
  SamChartOptions options;

  sam_chart_options_init (&options);
  options.as_of = as_of;
  options.show_people = TRUE;
  options.collapsed = collapsed;
  sync = sam_chart_new_from_store (fixture->store, &options, &error);
  g_assert_no_error (error);

  /* The options are copied: the caller may change them at once. */
  sam_chart_new_from_store_async (fixture->store, &options, NULL, build_done_cb, &build);
  memcpy (as_of, "not a date", sizeof as_of);
  g_main_loop_run (loop);
  g_assert_no_error (build.error);
  g_assert_nonnull (build.chart);
  assert_same_chart (sync, build.chart);
  g_assert_true (sam_chart_get_collapsed (build.chart, 2));
  g_assert_finalize_object (g_steal_pointer (&build.chart));

  /* Without options: today's whole region, like the synchronous build. */
  g_clear_object (&sync);
  sync = sam_chart_new_from_store (fixture->store, NULL, &error);
  g_assert_no_error (error);
  sam_chart_new_from_store_async (fixture->store, NULL, NULL, build_done_cb, &build);
  g_main_loop_run (loop);
  g_assert_no_error (build.error);
  assert_same_chart (sync, build.chart);
  g_clear_object (&build.chart);

  /* Errors come back through the callback. */
  memcpy (as_of, "2026-13-01", sizeof as_of);
  sam_chart_new_from_store_async (fixture->store, &options, NULL, build_done_cb, &build);
  g_main_loop_run (loop);
  g_assert_error (build.error, SAM_CHART_ERROR, SAM_CHART_ERROR_INVALID);
  g_assert_null (build.chart);
  g_clear_error (&build.error);
  memcpy (as_of, "2026-04-01", sizeof as_of);

  cancellable = g_cancellable_new ();
  g_cancellable_cancel (cancellable);
  sam_chart_new_from_store_async (fixture->store, &options, cancellable, build_done_cb, &build);
  g_main_loop_run (loop);
  g_assert_error (build.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (build.chart);
  g_clear_error (&build.error);

  g_clear_object (&cancellable);
  cancellable = g_cancellable_new ();
  sam_chart_new_from_store_async (fixture->store, &options, cancellable, build_done_cb, &build);
  g_cancellable_cancel (cancellable);
  g_main_loop_run (loop);
  g_assert_error (build.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (build.chart);
  g_clear_error (&build.error);
}

/* Pixels */

typedef struct
{
  cairo_surface_t *surface;
  guchar          *data;
  int              stride;
  int              width;
  int              height;
} Image;

/* Draws the chart onto a new image, clipped to @clip if it is given;
 * with @cull, only what touches @clip is drawn at all. */
static void
render (SamChart                *chart,
        double                   scale,
        const cairo_rectangle_t *clip,
        gboolean                 cull,
        Image                   *image)
{
  SamChartRect extents;
  cairo_t *cr;

  sam_chart_get_extents (chart, &extents);
  image->width = (int) ceil (extents.width * scale) + 2 * OFFSET;
  image->height = (int) ceil (extents.height * scale) + 2 * OFFSET;
  image->surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, image->width, image->height);
  cr = cairo_create (image->surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_translate (cr, OFFSET, OFFSET);
  cairo_scale (cr, scale, scale);
  if (clip != NULL)
    {
      cairo_rectangle (cr, clip->x, clip->y, clip->width, clip->height);
      cairo_clip (cr);
    }
  sam_chart_render (chart, cr, cull ? clip : NULL, scale);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (image->surface);
  image->data = cairo_image_surface_get_data (image->surface);
  image->stride = cairo_image_surface_get_stride (image->surface);
}

static guint32
pixel (const Image *image,
       double       x,
       double       y)
{
  int px = (int) floor (x), py = (int) floor (y);

  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, image->width);
  g_assert_cmpint (py, <, image->height);

  return *(guint32 *) (image->data + py * image->stride + 4 * px) & 0xffffff;
}

static guint32
colour_rgb (const SamChartColour *colour)
{
  return ((guint32) lround (colour->red * 255) << 16) | ((guint32) lround (colour->green * 255) << 8)
         | (guint32) lround (colour->blue * 255);
}

static void
assert_colour (guint32 got,
               guint32 expected,
               double  x,
               double  y)
{
  for (int shift = 0; shift <= 16; shift += 8)
    {
      int a = (got >> shift) & 0xff, b = (expected >> shift) & 0xff;

      if (ABS (a - b) > 2)
        g_error ("pixel (%.0f, %.0f) is #%06x, not #%06x", x, y, got, expected);
    }
}

/* Whether (x, y) in chart units is within @gap of a box or an edge. */
static gboolean
near_drawing (SamChart *chart,
              double    x,
              double    y,
              double    gap)
{
  const SamChartLayout *layout = sam_chart_get_layout (chart);

  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      SamChartRect box;

      if (sam_chart_get_node_bounds (chart, i, &box)
          && x > box.x - gap && x < box.x + box.width + gap
          && y > box.y - gap && y < box.y + box.height + gap)
        return TRUE;
    }

  for (guint e = 0; e < sam_chart_layout_get_n_edges (layout); e++)
    {
      SamChartEdge edge;

      sam_chart_layout_get_edge (layout, e, &edge);
      for (guint k = 1; k < edge.n_points; k++)
        {
          double x0 = MIN (edge.points[k - 1].x, edge.points[k].x);
          double x1 = MAX (edge.points[k - 1].x, edge.points[k].x);
          double y0 = MIN (edge.points[k - 1].y, edge.points[k].y);
          double y1 = MAX (edge.points[k - 1].y, edge.points[k].y);

          if (x > x0 - gap && x < x1 + gap && y > y0 - gap && y < y1 + gap)
            return TRUE;
        }
    }

  return FALSE;
}

static void
test_render_colours (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  SamChartRect extents;
  Image image;
  guint background = 0;

  render (chart, 1.0, NULL, FALSE, &image);

  /* Inside each box, clear of its text and border: the kind's fill; on
   * its top band: the kind's border colour. */
  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      SamChartColour fill, border;
      SamChartRect box;
      double x, y;

      sam_chart_get_node_bounds (chart, i, &box);
      sam_chart_kind_get_colours (sam_chart_get_node_kind (chart, i), &fill, &border);

      x = OFFSET + box.x + 3;
      y = OFFSET + box.y + box.height - 3;
      assert_colour (pixel (&image, x, y), colour_rgb (&fill), x, y);
      x = OFFSET + box.x + box.width - 3;
      assert_colour (pixel (&image, x, y), colour_rgb (&fill), x, y);
      x = OFFSET + box.x + box.width / 2;
      y = OFFSET + box.y + 1.5;
      assert_colour (pixel (&image, x, y), colour_rgb (&border), x, y);
    }

  /* Away from every box and edge: the white background. */
  sam_chart_get_extents (chart, &extents);
  for (double y = 0; y < extents.height; y += 3)
    for (double x = 0; x < extents.width; x += 3)
      if (!near_drawing (chart, x, y, 6))
        {
          assert_colour (pixel (&image, OFFSET + x, OFFSET + y), 0xffffff, x, y);
          background++;
        }
  g_assert_cmpuint (background, >, 1000);

  cairo_surface_destroy (image.surface);
}

static void
test_render_simplified (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  double scale = 0.25;
  Image image;

  render (chart, scale, NULL, FALSE, &image);

  /* Every box is under 20 pixels high here: a rectangle of the fill
   * colour in a frame of the border colour, no text. */
  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      SamChartColour fill, border;
      SamChartRect box;
      double x, y;

      sam_chart_get_node_bounds (chart, i, &box);
      g_assert_cmpfloat (box.height * scale, <, SAM_CHART_DETAIL_MIN_PIXELS);
      sam_chart_kind_get_colours (sam_chart_get_node_kind (chart, i), &fill, &border);

      x = OFFSET + (box.x + box.width / 2) * scale;
      y = OFFSET + (box.y + box.height / 2) * scale;
      assert_colour (pixel (&image, x, y), colour_rgb (&fill), x, y);
      x = OFFSET + round (box.x * scale) + 0.5;
      assert_colour (pixel (&image, x, y), colour_rgb (&border), x, y);
    }

  cairo_surface_destroy (image.surface);
}

static void
test_render_culling (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, TRUE);
  cairo_rectangle_t clips[] = {
    { 100, 50, 300, 200 },
    { 0, 0, 150, 90 },
    { 250, 120, 400, 400 },
  };

  sam_chart_set_selected (chart, find_code (chart, "AOI"));

  for (guint c = 0; c < G_N_ELEMENTS (clips); c++)
    for (double scale = 0.75; scale <= 2.0; scale += 1.25)
      {
        /* Everything drawn and clipped by cairo, or only what touches the
         * clip drawn at all: the same pixels. */
        Image full, culled;
        int x0 = (int) ceil (OFFSET + clips[c].x * scale);
        int y0 = (int) ceil (OFFSET + clips[c].y * scale);
        int x1 = (int) floor (OFFSET + (clips[c].x + clips[c].width) * scale);
        int y1 = (int) floor (OFFSET + (clips[c].y + clips[c].height) * scale);

        render (chart, scale, &clips[c], FALSE, &full);
        render (chart, scale, &clips[c], TRUE, &culled);
        g_assert_cmpint (full.width, ==, culled.width);

        for (int y = y0; y < MIN (y1, full.height); y++)
          for (int x = x0; x < MIN (x1, full.width); x++)
            {
              guint32 a = *(guint32 *) (full.data + y * full.stride + 4 * x) & 0xffffff;
              guint32 b = *(guint32 *) (culled.data + y * culled.stride + 4 * x) & 0xffffff;

              /* A dash of an edge cut short starts where the whole edge's
               * would, up to rounding. */
              for (int shift = 0; shift <= 16; shift += 8)
                if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 2)
                  g_error ("clip %u at scale %.2f: pixel (%d, %d) is #%06x drawn whole but #%06x culled",
                           c, scale, x, y, a, b);
            }

        cairo_surface_destroy (full.surface);
        cairo_surface_destroy (culled.surface);
      }
}

static void
test_render_selection (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  gint ppr = find_code (chart, "PPR");
  SamChartRect box;
  Image plain, selected;
  double x, y;

  sam_chart_get_node_bounds (chart, ppr, &box);
  render (chart, 1.0, NULL, FALSE, &plain);
  sam_chart_set_selected (chart, ppr);
  render (chart, 1.0, NULL, FALSE, &selected);

  /* Below the middle of the box, in the ring's gap-plus-width band. */
  x = OFFSET + box.x + box.width / 2;
  y = OFFSET + box.y + box.height + 3.5;
  assert_colour (pixel (&plain, x, y), 0xffffff, x, y);
  assert_colour (pixel (&selected, x, y), 0x3584e4, x, y);

  cairo_surface_destroy (plain.surface);
  cairo_surface_destroy (selected.surface);
}

static void
test_render_hidpi (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  Image image;

  /* At twice the scale the boxes are where the layout says, doubled, and
   * their one-unit borders two pixels wide. */
  render (chart, 2.0, NULL, FALSE, &image);
  for (guint i = 0; i < sam_chart_get_n_nodes (chart); i++)
    {
      SamChartColour fill, border;
      SamChartRect box;
      double x, y, left;

      sam_chart_get_node_bounds (chart, i, &box);
      sam_chart_kind_get_colours (sam_chart_get_node_kind (chart, i), &fill, &border);
      left = OFFSET + round (box.x * 2);
      /* Above the middle, where secondary edges meet the boxes. */
      y = OFFSET + (box.y + box.height / 4) * 2;
      for (x = left; x < left + 2; x++)
        assert_colour (pixel (&image, x + 0.5, y), colour_rgb (&border), x, y);
      assert_colour (pixel (&image, left + 2.5, y), colour_rgb (&fill), left + 2, y);
      assert_colour (pixel (&image, left - 0.5, y), 0xffffff, left - 1, y);
    }

  cairo_surface_destroy (image.surface);
}

static void
test_legend (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(SamChart) chart = sam_test_chart_new (fixture->store, "2026-04-01", NULL, FALSE);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 600, 200);
  cairo_t *cr = cairo_create (surface);
  double measured = sam_chart_render_legend (chart, NULL, 0, 0, 500);
  double narrow = sam_chart_render_legend (chart, NULL, 0, 0, 150);
  SamChartColour fill;

  /* Six kinds and two kinds of relation, in one row or two at 500 units
   * and many more at 150. */
  g_assert_cmpfloat (measured, >, 8);
  g_assert_cmpfloat (narrow, >, 2 * measured);

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  g_assert_cmpfloat (sam_chart_render_legend (chart, cr, 10, 10, 500), ==, measured);
  cairo_surface_flush (surface);

  /* The first swatch, in the middle of the first row, is the council's. */
  sam_chart_kind_get_colours (SAM_GROUP_KIND_COUNCIL, &fill, NULL);
  {
    Image image = { surface, cairo_image_surface_get_data (surface), cairo_image_surface_get_stride (surface), 600, 200 };

    assert_colour (pixel (&image, 10 + 8, 10 + 6), colour_rgb (&fill), 18, 16);
  }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
test_empty (Fixture       *fixture,
            gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "empty.samordna", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) empty = sam_store_open (path, &error);
  g_autoptr(SamChart) chart = NULL;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (guint));

  g_assert_no_error (error);
  chart = sam_chart_new_from_store (empty, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_chart_get_title (chart), ==, "Organisation Chart");

  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 0);
  g_assert_cmpint (sam_chart_node_at (chart, 0, 0), ==, -1);
  g_assert_cmpuint (sam_chart_find (chart, "a", found), ==, 0);
  sam_chart_render (chart, cr, NULL, 1.0);
  g_assert_cmpfloat (sam_chart_render_legend (chart, cr, 0, 0, 100), ==, 0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_finalize_object (g_steal_pointer (&chart));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/chart/structure", test_structure);
  ADD ("/chart/as-of/groups", test_as_of_groups);
  ADD ("/chart/as-of/chair", test_as_of_chair);
  ADD ("/chart/people-and-vacancies", test_people_and_vacancies);
  ADD ("/chart/root", test_root);
  ADD ("/chart/find", test_find);
  ADD ("/chart/navigation", test_navigation);
  ADD ("/chart/collapsed-option", test_collapsed_option);
  ADD ("/chart/async", test_async);
  ADD ("/chart/render/colours", test_render_colours);
  ADD ("/chart/render/simplified", test_render_simplified);
  ADD ("/chart/render/culling", test_render_culling);
  ADD ("/chart/render/selection", test_render_selection);
  ADD ("/chart/render/hidpi", test_render_hidpi);
  ADD ("/chart/render/legend", test_legend);
  ADD ("/chart/render/empty", test_empty);
#undef ADD

  status = g_test_run ();

  /* Free the fonts and their fontconfig patterns, which would otherwise
   * count as leaks under LeakSanitizer. */
  pango_cairo_font_map_set_default (NULL);

  return status;
}

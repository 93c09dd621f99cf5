/* bench-organisation.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Times the Organisation page on a register of 5 000 groups and 20 000
 * people (meson test --benchmark, under Xvfb): opening the page in the
 * window, filtering the tree by a search, and showing a group's details,
 * each after the first load, against the 16 ms of one frame at 60 Hz; and
 * the first load itself (a new page on the register). Each action is
 * timed as our code (the models, rows and queries, until the call
 * returns) and up to the next frame drawn, which adds GTK's layout and
 * its painting in software under Xvfb. Beside them, as references in the
 * same run: the window drawn again as it is, and every pixel of it
 * painted anew.
 * Times are the UI thread's CPU time. SAM_BENCH_VERBOSE=1 prints every
 * round.
 */

#include "config.h"

#include <string.h>
#include <time.h>

#include <adwaita.h>

#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-i18n.h"
#include "sam-organisation-page.h"
#include "sam-store.h"
#include "sam-test-register.h"
#include "sam-test-ui.h"
#include "sam-xml.h"

#define FRAME_MS 16.0
#define ROUNDS 20

/* One action timed: our code, then the frame's layout and painting */
typedef struct
{
  double ours;
  double layout;
  double paint;
  double total;
} Timing;

/* CPU time of this (the UI) thread: other programs on a busy machine do
 * not count against the page. */
static gint64
now_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static double
ms_since (gint64 start)
{
  return (now_us () - start) / 1000.0;
}

typedef struct
{
  gint64   laid_out;
  gint64   painted;
  gboolean done;
} FrameMarks;

/* Connected after GTK's own handlers, so these run once GTK has laid the
 * window out and painted it. */
static void
layout_cb (GdkFrameClock *clock,
           FrameMarks    *marks)
{
  marks->laid_out = now_us ();
}

static void
paint_cb (GdkFrameClock *clock,
          FrameMarks    *marks)
{
  marks->painted = now_us ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                FrameMarks    *marks)
{
  marks->done = TRUE;
}

/* Runs the main loop until @widget's window has drawn a frame, and fills
 * in the times of @timing from @start, when the action began. (Only CPU
 * time counts, so waiting for the frame clock's tick does not.) */
static void
wait_for_frame (GtkWidget *widget,
                gint64     start,
                Timing    *timing)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  FrameMarks marks = { 0 };
  gint64 deadline = g_get_monotonic_time () + G_USEC_PER_SEC;
  gulong ids[3];

  g_assert_nonnull (clock);
  ids[0] = g_signal_connect (clock, "layout", G_CALLBACK (layout_cb), &marks);
  ids[1] = g_signal_connect (clock, "paint", G_CALLBACK (paint_cb), &marks);
  ids[2] = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &marks);
  gtk_widget_queue_draw (widget);
  while (!marks.done && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    g_signal_handler_disconnect (clock, ids[i]);

  if (timing != NULL)
    {
      timing->total = ms_since (start);
      timing->layout = marks.laid_out > 0 ? (marks.laid_out - start) / 1000.0 - timing->ours : 0;
      timing->paint = marks.painted > 0 && marks.laid_out > 0 ? (marks.painted - marks.laid_out) / 1000.0 : 0;
    }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
median_and_worst (GArray *timings,
                  gsize   offset,
                  double *median,
                  double *worst)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint i = 0; i < timings->len; i++)
    {
      double value = G_STRUCT_MEMBER (double, &g_array_index (timings, Timing, i), offset);

      g_array_append_val (values, value);
    }
  g_array_sort (values, compare_doubles);
  *median = g_array_index (values, double, values->len / 2);
  *worst = g_array_index (values, double, values->len - 1);
}

/* Our code, against the frame's 16 ms when @judged, then the whole frame
 * (which GTK's layout and software painting add to) */
static void
report (const char *what,
        GArray     *timings,
        gboolean    judged)
{
  double median, worst, total_median, total_worst, layout, paint, unused;

  median_and_worst (timings, G_STRUCT_OFFSET (Timing, ours), &median, &worst);
  median_and_worst (timings, G_STRUCT_OFFSET (Timing, total), &total_median, &total_worst);
  median_and_worst (timings, G_STRUCT_OFFSET (Timing, layout), &layout, &unused);
  median_and_worst (timings, G_STRUCT_OFFSET (Timing, paint), &paint, &unused);
  g_print ("%-30s %6.2f %7.2f   %7.2f %7.2f   %6.2f %6.2f  %s\n",
           what, median, worst, total_median, total_worst, layout, paint,
           !judged ? "" : worst < FRAME_MS ? "ok" : median < FRAME_MS ? "ok, but the worst is over a frame" : "SLOWER THAN A FRAME");
}

/* A reference: no code of ours, and nothing to lay out */
static void
report_reference (const char *what,
                  GArray     *timings)
{
  double median, worst;

  median_and_worst (timings, G_STRUCT_OFFSET (Timing, total), &median, &worst);
  g_print ("%-30s %6s %7s   %7.2f %7.2f\n", what, "", "", median, worst);
}

/* The selection of the page's tree, as a user's arrow keys move it */
static GtkSingleSelection *
find_tree_selection (GtkWidget *widget)
{
  if (GTK_IS_LIST_VIEW (widget))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

      if (GTK_IS_SINGLE_SELECTION (model) &&
          GTK_IS_TREE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (model))))
        return GTK_SINGLE_SELECTION (model);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkSingleSelection *found = find_tree_selection (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkEditable *
find_search_entry (GtkWidget *page)
{
  /* The page's search entry, in its search bar (a drop-down has one too) */
  for (GtkWidget *w = page; w != NULL; )
    {
      if (GTK_IS_SEARCH_ENTRY (w) && gtk_widget_get_ancestor (w, GTK_TYPE_SEARCH_BAR) != NULL)
        return GTK_EDITABLE (w);
      if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != NULL && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w != NULL ? gtk_widget_get_next_sibling (w) : NULL;
        }
    }

  g_assert_not_reached ();
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GArray) load = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autoptr(GArray) open = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autoptr(GArray) filter = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autoptr(GArray) details = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autoptr(GArray) next = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autoptr(GArray) redraw = g_array_new (FALSE, TRUE, sizeof (Timing));
  g_autoptr(GArray) repaint = g_array_new (FALSE, TRUE, sizeof (Timing));
  gboolean verbose = g_getenv ("SAM_BENCH_VERBOSE") != NULL;
  g_autofree char *dir = sam_test_make_tmp_dir ("bench-organisation-XXXXXX");
  g_autofree char *xml = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *db = g_build_filename (dir, "register.sqlite", NULL);
  SamImportSummary summary = { 0 };
  SamTestRegisterSize size = { 0 };
  GtkWindow *window;
  AdwViewStack *stack;
  SamOrganisationPage *page = NULL;
  GtkEditable *search;
  static const char *searches[] = { "råd", "sam", "a", "team", "x", "kirurgi", "ö", "12" };
  gint64 start;

  sam_i18n_init ();
  gtk_init ();
  adw_init ();
  sam_gui_ensure_types ();

  size.organisations = 300;
  size.people = 20000;
  size.groups = 5000;
  size.relations = 3000;
  size.commissions = 3000;
  size.seats = 6000;
  size.assignments = 30000;
  size.meetings = 10;
  size.info = 3;
  size.text_length = 4;
  reg = sam_test_register_new (rand, &size);
  if (!sam_test_register_write_xml (reg, xml, &error) ||
      (store = sam_store_open (db, &error)) == NULL ||
      !sam_xml_import (store, xml, SAM_IMPORT_REPLACE, &summary, NULL, NULL, &error))
    g_error ("%s", error->message);
  sam_import_summary_clear (&summary);
  groups = sam_store_list_groups (store, NULL);
  g_print ("Register: %u groups, %u people\n", g_list_model_get_n_items (groups),
           sam_test_register_n_table_rows (reg, SAM_TABLE_PERSON));

  /* The page in a view stack beside another page, as in the window */
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  stack = ADW_VIEW_STACK (adw_view_stack_new ());
  adw_view_stack_add_named (stack, gtk_label_new ("Möten"), "meetings");
  gtk_window_set_child (window, GTK_WIDGET (stack));
  gtk_window_present (window);

  /* The first load: a new page on the register, shown. The first round
   * warms SQLite's page cache and the statement cache. */
  for (guint round = 0; round <= ROUNDS; round++)
    {
      Timing timing;

      if (page != NULL)
        adw_view_stack_remove (stack, GTK_WIDGET (page));
      adw_view_stack_set_visible_child_name (stack, "meetings");
      wait_for_frame (GTK_WIDGET (window), now_us (), NULL);
      start = now_us ();
      page = g_object_new (SAM_TYPE_ORGANISATION_PAGE, "store", store, NULL);
      adw_view_stack_add_named (stack, GTK_WIDGET (page), "organisation");
      adw_view_stack_set_visible_child_name (stack, "organisation");
      timing.ours = ms_since (start);
      wait_for_frame (GTK_WIDGET (window), start, &timing);
      if (round > 0)
        g_array_append_val (load, timing);
    }

  /* Opening the page, as the window's view switcher does, after the first
   * load */
  for (guint round = 0; round <= ROUNDS; round++)
    {
      Timing timing;

      adw_view_stack_set_visible_child_name (stack, "meetings");
      wait_for_frame (GTK_WIDGET (window), now_us (), NULL);
      start = now_us ();
      adw_view_stack_set_visible_child_name (stack, "organisation");
      timing.ours = ms_since (start);
      wait_for_frame (GTK_WIDGET (window), start, &timing);
      if (round > 0)
        g_array_append_val (open, timing);
    }

  /* The references: the window drawn again as it is, and painted anew */
  for (guint round = 0; round <= ROUNDS; round++)
    {
      Timing timing = { 0 };

      start = now_us ();
      wait_for_frame (GTK_WIDGET (window), start, &timing);
      if (round > 0)
        g_array_append_val (redraw, timing);
      /* Its content at another opacity: every pixel is painted anew. */
      start = now_us ();
      gtk_widget_set_opacity (GTK_WIDGET (stack), round % 2 == 0 ? 1.0 : 0.5);
      wait_for_frame (GTK_WIDGET (window), start, &timing);
      if (round > 0)
        g_array_append_val (repaint, timing);
    }

  /* Every group is shown and can be chosen, dissolved ones too (the
   * generated register dissolves many). */
  gtk_widget_set_opacity (GTK_WIDGET (stack), 1.0);
  g_object_set (page, "show-dissolved", TRUE, NULL);
  sam_test_wait_until_drawn (GTK_WIDGET (window));

  /* Filtering the tree: a search typed over an empty one (the page goes
   * from the tree to the groups found), then cleared */
  search = find_search_entry (GTK_WIDGET (page));
  for (guint round = 0; round <= ROUNDS; round++)
    {
      const char *needle = searches[round % G_N_ELEMENTS (searches)];
      Timing timing;

      /* The entry waits a moment for more typing before it says the
       * search changed: say it at once. */
      start = now_us ();
      gtk_editable_set_text (search, needle);
      g_signal_emit_by_name (search, "search-changed");
      timing.ours = ms_since (start);
      wait_for_frame (GTK_WIDGET (window), start, &timing);
      if (round > 0)
        {
          g_array_append_val (filter, timing);
          if (verbose)
            g_print ("  search “%s”: ours %.2f ms, layout %.2f, painting %.2f, %.2f ms to the frame\n",
                     needle, timing.ours, timing.layout, timing.paint, timing.total);
        }
      gtk_editable_set_text (search, "");
      g_signal_emit_by_name (search, "search-changed");
      wait_for_frame (GTK_WIDGET (window), now_us (), NULL);
    }

  /* Showing a group's details */
  for (guint round = 0; round <= ROUNDS * 5; round++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, g_rand_int_range (rand, 0, g_list_model_get_n_items (groups)));
      Timing timing;

      start = now_us ();
      sam_organisation_page_select_group (page, sam_group_get_uuid (group));
      timing.ours = ms_since (start);
      wait_for_frame (GTK_WIDGET (window), start, &timing);
      if (round > 0)
        {
          g_array_append_val (details, timing);
          if (verbose)
            g_print ("  details of %s: ours %.2f ms, layout %.2f, painting %.2f, %.2f ms to the frame\n",
                     sam_group_get_name (group), timing.ours, timing.layout, timing.paint, timing.total);
        }
      g_assert (sam_organisation_page_get_selected_group (page) != NULL &&
                g_strcmp0 (sam_group_get_uuid (sam_organisation_page_get_selected_group (page)), sam_group_get_uuid (group)) == 0);
    }

  /* Showing the details of the next group in the tree, as the arrow keys
   * do */
  {
    GtkSingleSelection *selection = find_tree_selection (GTK_WIDGET (page));

    g_assert_nonnull (selection);
    for (guint round = 0; round <= ROUNDS * 5; round++)
      {
        guint position = gtk_single_selection_get_selected (selection);
        Timing timing;

        g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
        start = now_us ();
        gtk_single_selection_set_selected (selection, position + 1);
        timing.ours = ms_since (start);
        wait_for_frame (GTK_WIDGET (window), start, &timing);
        if (round > 0)
          g_array_append_val (next, timing);
        {
          g_autoptr(SamGroup) shown = gtk_tree_list_row_get_item (gtk_single_selection_get_selected_item (selection));

          g_assert_true (sam_organisation_page_get_selected_group (page) != NULL &&
                         g_strcmp0 (sam_group_get_uuid (sam_organisation_page_get_selected_group (page)),
                                    sam_group_get_uuid (shown)) == 0);
        }
      }
  }

  g_print ("\nOrganisation page, %u rounds each (%u for the details), in ms:\n", ROUNDS, ROUNDS * 5);
  g_print ("%-30s %14s   %15s   %13s\n", "", "our code", "to the frame", "of the frame");
  g_print ("%-30s %6s %7s   %7s %7s   %6s %6s\n", "", "median", "worst", "median", "worst", "layout", "paint");
  g_print ("After the first load:\n");
  report ("  open the page", open, TRUE);
  report ("  filter the tree (search)", filter, TRUE);
  report ("  show a far group's details", details, TRUE);
  report ("  show the next group's details", next, TRUE);
  g_print ("The first load (a new page):\n");
  report ("  load the register", load, FALSE);
  g_print ("References (no code of ours):\n");
  report_reference ("  the window drawn as it is", redraw);
  report_reference ("  the window painted anew", repaint);

  gtk_window_destroy (window);
  g_clear_object (&store);
  sam_test_remove_tree (dir);

  return 0;
}

/* bench-startup.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The whole window at national scale (meson test --benchmark, under
 * Xvfb): the application started as `samordna --database FILE` starts,
 * on the demo register and on a generated one of 100 000 decisions,
 * 20 000 meetings, 5 000 groups and 10 000 people, side by side in one
 * run. Each register gets a fresh process of its own, which prints:
 *
 *  - the time from its start to the window's first frame;
 *  - for each page, the time from switching to it (the first page: from
 *    the start) until it has drawn its first rows;
 *  - the worst frame of a few interactions per page (scrolling, a
 *    filter, choosing a decision, a group or a meeting), as the UI
 *    thread's CPU time until the frame is painted, against the 16 ms of
 *    one frame at 60 Hz;
 *  - its peak resident memory (VmHWM), and that of a second run without
 *    GDK's OpenGL, which under Xvfb loads a software driver of its own.
 *
 * A window that has not painted within the time limit (--timeout,
 * default 120 s) is stopped and reported as such. Options: --decisions N
 * for another size, --database FILE to time an existing register instead
 * of generating one. SAM_BENCH_VERBOSE=1 prints every round.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sam-application.h"
#include "sam-decisions-page.h"
#include "sam-gui-types.h"
#include "sam-i18n.h"
#include "sam-meetings-page.h"
#include "sam-organisation-page.h"
#include "sam-store-decisions.h"
#include "sam-store-meetings.h"
#include "sam-test-register.h"
#include "sam-test-ui.h"
#include "sam-test-util.h"
#include "sam-window.h"
#include "sam-xml.h"
#include "sam-year-view.h"

#define FRAME_MS 16.0
#define ROUNDS 12

/* The parent: generating, running and reporting */

static void
scaled_size (guint                decisions,
             SamTestRegisterSize *size)
{
  double f = decisions / 100000.0;

  /* As bench-register makes it, so the two benchmarks time one register */
  memset (size, 0, sizeof *size);
  size->decisions = decisions;
  size->organisations = MAX (1, 300 * f);
  size->people = MAX (1, 10000 * f);
  size->groups = MAX (1, 5000 * f);
  size->relations = 3000 * f;
  size->commissions = 3000 * f;
  size->seats = 6000 * f;
  size->assignments = 30000 * f;
  size->meetings = MAX (1, 20000 * f);
  size->participations = 25000 * f;
  size->agenda_items = 40000 * f;
  size->attendances = 40000 * f;
  size->escalations = 5000 * f;
  size->info = 3;
  size->text_length = 4;
}

/* In a child: writes the register as XML and imports it into @db, as a
 * user's import would. */
static int
run_generate (const char *db,
              const char *xml,
              const char *decisions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };
  SamTestRegisterSize size;

  if (g_str_equal (decisions, "demo"))
    xml = g_build_filename (g_getenv ("SAM_SOURCE_ROOT"), "data", "demo-register.xml", NULL);
  else
    {
      scaled_size (MAX (1, atoi (decisions)), &size);
      reg = sam_test_register_new (rand, &size);
      if (!sam_test_register_write_xml (reg, xml, &error))
        g_error ("%s", error->message);
      g_clear_pointer (&reg, sam_test_register_free);
    }

  if ((store = sam_store_open (db, &error)) == NULL ||
      !sam_xml_import (store, xml, SAM_IMPORT_REPLACE, &summary, NULL, NULL, &error))
    g_error ("%s", error->message);
  sam_import_summary_clear (&summary);

  return 0;
}

static int
read_peak_kib (pid_t pid)
{
  g_autofree char *path = g_strdup_printf ("/proc/%d/status", (int) pid);
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents (path, &status, NULL, NULL) || (line = strstr (status, "VmHWM:")) == NULL)
    return 0;

  return atoi (line + strlen ("VmHWM:"));
}

/* What one window run reported, "key" -> "value" */
typedef struct
{
  const char *name;
  GHashTable *values;
  gboolean    stopped;
  double      seconds;
} Case;

/* Runs @argv, whose standard output goes to @out, in a fresh process (so
 * its memory is its own), for at most @timeout seconds. */
static void
run_case (Case               *c,
          const char * const *argv,
          const char         *out,
          guint               timeout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *spawned = NULL;
  g_auto(GStrv) lines = NULL;
  gint64 start, deadline;
  int out_fd, status = 0;
  int peak_kib = 0;
  GPid pid;

  out_fd = open (out, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (out_fd < 0)
    g_error ("%s: %s", out, g_strerror (errno));

  start = g_get_monotonic_time ();
  spawned = g_strdup_printf ("%" G_GINT64_FORMAT, start);
  g_setenv ("SAM_BENCH_SPAWNED", spawned, TRUE);
  if (!g_spawn_async_with_fds (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                               &pid, -1, out_fd, -1, &error))
    g_error ("%s: %s", argv[0], error->message);
  close (out_fd);

  /* The window quits when it is done; one that does not paint within the
   * limit is stopped, and its memory read just before. */
  deadline = start + (gint64) timeout * G_USEC_PER_SEC;
  for (;;)
    {
      pid_t done = waitpid (pid, &status, WNOHANG);

      if (done == pid)
        break;
      if (done < 0)
        g_error ("waitpid: %s", g_strerror (errno));
      peak_kib = MAX (peak_kib, read_peak_kib (pid));
      if (g_get_monotonic_time () > deadline)
        {
          c->stopped = TRUE;
          kill (pid, SIGKILL);
          waitpid (pid, &status, 0);
          break;
        }
      g_usleep (50 * 1000);
    }
  c->seconds = (g_get_monotonic_time () - start) / 1e6;

  c->values = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (g_file_get_contents (out, &text, NULL, NULL))
    {
      lines = g_strsplit (text, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          char *tab = strchr (lines[i], '\t');

          if (tab != NULL)
            g_hash_table_insert (c->values, g_strndup (lines[i], tab - lines[i]), g_strdup (tab + 1));
        }
    }
  if (!g_hash_table_contains (c->values, "peak-kib"))
    g_hash_table_insert (c->values, g_strdup ("peak-kib"), g_strdup_printf ("%d", peak_kib));
  if (!c->stopped && (!WIFEXITED (status) || WEXITSTATUS (status) != 0))
    g_printerr ("%s: the window ended with status %d\n", c->name, status);
}

static const char *
value_of (Case       *c,
          const char *key)
{
  return g_hash_table_lookup (c->values, key);
}

static double
number_of (Case       *c,
           const char *key,
           guint       field)
{
  const char *value = value_of (c, key);
  g_auto(GStrv) fields = NULL;

  if (value == NULL)
    return -1;
  fields = g_strsplit (value, " ", -1);

  return field < g_strv_length (fields) ? g_ascii_strtod (fields[field], NULL) : -1;
}

static void
print_cell (char       *buf,
            gsize       size,
            double      value,
            int         decimals,
            Case       *c)
{
  if (value >= 0)
    g_snprintf (buf, size, "%.*f", decimals, value);
  else
    g_snprintf (buf, size, "%s", c->stopped ? "(no window)" : "-");
}

static void
print_line (const char *what,
            Case       *cases,
            guint       n_cases,
            const char *key,
            guint       field,
            int         decimals,
            double      scale)
{
  g_print ("%-44s", what);
  for (guint i = 0; i < n_cases; i++)
    {
      char cell[64];
      double value = number_of (&cases[i], key, field);

      print_cell (cell, sizeof cell, value >= 0 ? value * scale : -1, decimals, &cases[i]);
      g_print (" %20s", cell);
    }
  g_print ("\n");
}

/* The interactions each page is put through, as the window reports them */
static const struct { const char *key; const char *what; } interactions[] = {
  { "act organisation/scroll", "  scroll the tree" },
  { "act organisation/filter", "  filter the tree (search)" },
  { "act organisation/group", "  show a group's details" },
  { "act meetings/meeting", "  switch meeting" },
  { "act meetings/view", "  year, month and list view" },
  { "act meetings/period", "  previous and next period" },
  { "act meetings/scroll", "  scroll the list of meetings" },
  { "act decisions/scroll", "  scroll the decision table" },
  { "act decisions/filter", "  filter (search, group)" },
  { "act decisions/open", "  open a decision" },
  { "act decisions/views", "  follow-up and escalation views" },
  { "act decisions/scroll-views", "  scroll follow-up and escalations" },
  { "act window/pages", "  switch pages" },
};

static void
report (Case  *cases,
        Case  *no_gl,
        guint  n_cases)
{
  double ratio;

  g_print ("\n%-44s", "");
  for (guint i = 0; i < n_cases; i++)
    g_print (" %20s", cases[i].name);
  g_print ("\n");

  g_print ("Start-up, wall time (s):\n");
  print_line ("  first frame (from exec)", cases, n_cases, "first-frame", 0, 2, 1e-3);
  print_line ("  first frame, UI thread CPU", cases, n_cases, "first-frame-cpu", 0, 2, 1e-3);
  print_line ("  Organisation drawn its rows (from exec)", cases, n_cases, "rows organisation", 0, 2, 1e-3);
  g_print ("Switched to, until drawn its first rows (ms, wall / UI thread CPU):\n");
  print_line ("  Meetings, wall", cases, n_cases, "rows meetings", 0, 1, 1);
  print_line ("  Meetings, CPU", cases, n_cases, "rows meetings", 1, 1, 1);
  print_line ("  Decisions, wall", cases, n_cases, "rows decisions", 0, 1, 1);
  print_line ("  Decisions, CPU", cases, n_cases, "rows decisions", 1, 1, 1);
  print_line ("  Organisation again, wall", cases, n_cases, "rows organisation-again", 0, 1, 1);
  print_line ("  Organisation again, CPU", cases, n_cases, "rows organisation-again", 1, 1, 1);

  g_print ("Worst frame of %d rounds, UI thread CPU until painted (ms; median in brackets):\n", ROUNDS);
  for (guint a = 0; a < G_N_ELEMENTS (interactions); a++)
    {
      g_print ("%-44s", interactions[a].what);
      for (guint i = 0; i < n_cases; i++)
        {
          double worst = number_of (&cases[i], interactions[a].key, 1);
          double median = number_of (&cases[i], interactions[a].key, 0);
          char cell[64];

          if (worst >= 0)
            g_snprintf (cell, sizeof cell, "%.1f (%.1f)%s", worst, median, worst < FRAME_MS ? "" : " !");
          else
            print_cell (cell, sizeof cell, -1, 0, &cases[i]);
          g_print (" %20s", cell);
        }
      g_print ("\n");
    }
  g_print ("Reference, no code of ours (ms):\n");
  print_line ("  the window painted anew, worst", cases, n_cases, "act reference/repaint", 1, 1, 1);

  g_print ("Memory:\n");
  print_line ("  peak resident memory at the first frame", cases, n_cases, "peak-kib first-frame", 0, 1, 1 / 1024.0);
  print_line ("  ... once Meetings has drawn its rows", cases, n_cases, "peak-kib meetings", 0, 1, 1 / 1024.0);
  print_line ("  ... once Decisions has drawn its rows", cases, n_cases, "peak-kib decisions", 0, 1, 1 / 1024.0);
  print_line ("  ... at the end (MiB)", cases, n_cases, "peak-kib", 0, 1, 1 / 1024.0);
  print_line ("  UI thread CPU until the end (s)", cases, n_cases, "cpu-total", 0, 2, 1e-3);
  if (no_gl[n_cases - 1].values != NULL)
    {
      /* Under Xvfb, GDK's look for OpenGL loads Mesa's software driver and
       * LLVM, some 60 MiB that a desktop's own driver replaces: the same
       * run without it shows what the window itself holds. */
      g_print ("Memory without GDK's OpenGL (GDK_DEBUG=gl-disable):\n");
      print_line ("  peak resident memory at the first frame", no_gl, n_cases, "peak-kib first-frame", 0, 1, 1 / 1024.0);
      print_line ("  ... once Meetings has drawn its rows", no_gl, n_cases, "peak-kib meetings", 0, 1, 1 / 1024.0);
      print_line ("  ... once Decisions has drawn its rows", no_gl, n_cases, "peak-kib decisions", 0, 1, 1 / 1024.0);
      print_line ("  ... at the end (MiB)", no_gl, n_cases, "peak-kib", 0, 1, 1 / 1024.0);
    }

  if (n_cases == 2 && number_of (&cases[0], "first-frame", 0) > 0 && number_of (&cases[1], "first-frame", 0) > 0)
    {
      ratio = number_of (&cases[1], "first-frame", 0) / number_of (&cases[0], "first-frame", 0);
      g_print ("\nfirst frame, %s / %s = %.2f wall, %.2f UI thread CPU (target <= 1.50)\n",
               cases[1].name, cases[0].name, ratio,
               number_of (&cases[1], "first-frame-cpu", 0) / number_of (&cases[0], "first-frame-cpu", 0));
    }
  else if (n_cases == 2 && cases[1].stopped)
    g_print ("\n%s: no window within %.0f s (target: first frame <= 1.5 x the demo's)\n",
             cases[1].name, cases[1].seconds);
  if (n_cases == 2)
    g_print ("peak memory of %s = %.1f MiB (target <= 150)\n", cases[1].name,
             number_of (&cases[1], "peak-kib", 0) / 1024.0);
  if (n_cases == 2 && no_gl[1].values != NULL)
    g_print ("  without GDK's OpenGL                 = %.1f MiB\n", number_of (&no_gl[1], "peak-kib", 0) / 1024.0);
}

static int
run_benchmark (guint       decisions,
               const char *database,
               guint       timeout)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sam_test_make_tmp_dir ("bench-startup-XXXXXX");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *demo_db = g_build_filename (dir, "demo.sqlite", NULL);
  g_autofree char *big_db = database != NULL ? g_strdup (database) : g_build_filename (dir, "register.sqlite", NULL);
  g_autofree char *xml = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *out = g_build_filename (dir, "window.out", NULL);
  g_autofree char *n = g_strdup_printf ("%u", decisions);
  g_autofree char *big_name = g_strdup_printf ("%u decisions", decisions);
  Case cases[2] = { { "demo" }, { big_name } };
  Case no_gl[2] = { { "demo" }, { big_name } };

  g_assert_no_error (error);

  /* Made in children, so that this process stays small: Linux starts a
   * child's peak memory from its parent's. */
  {
    const char *argv[] = { self, "--run-generate", demo_db, xml, "demo", NULL };
    Case made = { "demo" };

    run_case (&made, argv, out, 600);
    g_hash_table_unref (made.values);
  }
  if (database == NULL)
    {
      const char *argv[] = { self, "--run-generate", big_db, xml, n, NULL };
      Case made = { "register" };

      run_case (&made, argv, out, 1200);
      g_print ("generated and imported %u decisions in %.1f s\n", decisions, made.seconds);
      g_hash_table_unref (made.values);
      g_unlink (xml);
    }

  /* Without a session bus of its own, the application would look for one
   * (and perhaps start one); it runs as a plain, non-unique one. */
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bench-startup", TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      const char *argv[] = { self, "--run-window", i == 0 ? demo_db : big_db, NULL };

      run_case (&cases[i], argv, out, timeout);
      g_print ("%s: %s in %.1f s\n", cases[i].name, cases[i].stopped ? "stopped, no window" : "done",
               cases[i].seconds);
    }
  if (!cases[1].stopped)
    {
      g_setenv ("GDK_DEBUG", "gl-disable", TRUE);
      for (guint i = 0; i < G_N_ELEMENTS (no_gl); i++)
        {
          const char *argv[] = { self, "--run-window", i == 0 ? demo_db : big_db, NULL };

          run_case (&no_gl[i], argv, out, timeout);
        }
      g_unsetenv ("GDK_DEBUG");
    }

  report (cases, no_gl, G_N_ELEMENTS (cases));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_hash_table_unref (cases[i].values);
      g_clear_pointer (&no_gl[i].values, g_hash_table_unref);
    }
  sam_test_remove_tree (dir);

  return 0;
}

/* The window: the application's own start-up, then the pages */

typedef struct
{
  gint64     spawned;   /* when the parent started this process */
  gint64     cpu_start;
  GtkWindow *window;
  gboolean   first_painted;
  gboolean   driving;
  gboolean   verbose;
  GRand     *rand;
} Run;

static Run run;

/* CPU time of this (the UI) thread: other programs on a busy machine do
 * not count against the window. */
static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
say (const char *key,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

/* One result, "key<TAB>value", written at once, so that a window stopped
 * later has told what it did so far. */
static void
say (const char *key,
     const char *format,
     ...)
{
  g_autofree char *value = NULL;
  va_list args;

  va_start (args, format);
  value = g_strdup_vprintf (format, args);
  va_end (args);
  printf ("%s\t%s\n", key, value);
  fflush (stdout);
  if (run.verbose)
    g_printerr ("%s: %s\n", key, value);
}

typedef gboolean (*RowsShown) (GtkWidget *page);

typedef struct
{
  GtkWidget *page;
  RowsShown  shown;
  gboolean   done;
  gint64     wall;
  gint64     cpu;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  if (wait->done || (wait->shown != NULL && !wait->shown (wait->page)))
    return;
  wait->done = TRUE;
  wait->wall = g_get_monotonic_time ();
  wait->cpu = cpu_us ();
}

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop until the window has painted a frame in which
 * @shown (if any) holds for @page; returns whether it did within
 * @timeout_ms. */
static gboolean
wait_for_frame (GtkWidget *page,
                RowsShown  shown,
                guint      timeout_ms,
                FrameWait *wait)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (run.window));
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  guint wake = g_timeout_add (100, wake_cb, NULL);
  gulong id;

  *wait = (FrameWait) { page, shown, FALSE, 0, 0 };
  id = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), wait);
  gtk_widget_queue_draw (GTK_WIDGET (run.window));
  while (!wait->done && g_get_monotonic_time () < deadline)
    {
      g_main_context_iteration (NULL, TRUE);
      /* What arrives later (rows read in a thread) is drawn in a later
       * frame: ask for one. */
      if (!wait->done)
        gtk_widget_queue_draw (GTK_WIDGET (run.window));
    }
  g_signal_handler_disconnect (clock, id);
  g_source_remove (wake);

  return wait->done;
}

/* Whether @list (a list view, or a list box) shows a row on screen */
static gboolean
list_shows_rows (GtkWidget *list)
{
  if (!gtk_widget_get_mapped (list))
    return FALSE;

  if (GTK_IS_LIST_VIEW (list))
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (list));

      if (model == NULL || g_list_model_get_n_items (G_LIST_MODEL (model)) == 0)
        return FALSE;
    }
  else if (GTK_IS_LIST_BOX (list))
    {
      if (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0) == NULL)
        return FALSE;
    }
  else
    return FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_mapped (row) && gtk_widget_get_height (row) > 0)
      return TRUE;

  return FALSE;
}

static gboolean
any_list_shows_rows (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if ((GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget)) && list_shows_rows (widget))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (any_list_shows_rows (child))
      return TRUE;

  return FALSE;
}

/* The Organisation page's tree (or its groups found), the Decisions
 * page's table */
static gboolean
page_shows_rows (GtkWidget *page)
{
  return any_list_shows_rows (page);
}

/* The Meetings page opens on its year: the calendar has drawn the days
 * with meetings, which are buttons, once the year's meetings are read. */
static gboolean
calendar_shown (GtkWidget *page)
{
  GtkWidget *year = sam_test_find_widget (page, SAM_TYPE_YEAR_VIEW);

  return year != NULL && gtk_widget_get_mapped (year) && sam_test_find_widget (year, GTK_TYPE_BUTTON) != NULL;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* One kind of interaction: the UI thread's CPU time from its start to
 * the frame that shows it, each round */
typedef struct
{
  const char *key;
  GArray     *frames;
  double      worst_wall;
} Interaction;

static void
interaction_init (Interaction *act,
                  const char  *key)
{
  act->key = key;
  act->frames = g_array_new (FALSE, FALSE, sizeof (double));
  act->worst_wall = 0;
}

typedef struct
{
  gint64 cpu;
  gint64 wall;
} Mark;

static Mark
mark (void)
{
  return (Mark) { cpu_us (), g_get_monotonic_time () };
}

/* Waits for the frame after what was done since @start and adds it. */
static void
interaction_frame (Interaction *act,
                   Mark         start,
                   const char  *what)
{
  FrameWait wait;
  double ms, wall;

  if (!wait_for_frame (NULL, NULL, 10000, &wait))
    g_error ("%s: no frame was painted after %s", act->key, what);
  ms = (wait.cpu - start.cpu) / 1000.0;
  wall = (wait.wall - start.wall) / 1000.0;
  g_array_append_val (act->frames, ms);
  act->worst_wall = MAX (act->worst_wall, wall);
  if (run.verbose)
    g_printerr ("  %s, %s: %.2f ms (wall %.2f)\n", act->key, what, ms, wall);
}

static void
interaction_say (Interaction *act)
{
  g_autofree char *key = g_strdup_printf ("act %s", act->key);
  double median, worst;

  if (act->frames->len == 0)
    return;
  g_array_sort (act->frames, compare_doubles);
  median = g_array_index (act->frames, double, act->frames->len / 2);
  worst = g_array_index (act->frames, double, act->frames->len - 1);
  say (key, "%.2f %.2f %.2f", median, worst, act->worst_wall);
  g_array_unref (act->frames);
}

static GtkWidget *
find_page (const char *name)
{
  GtkWidget *stack = sam_test_find_widget (GTK_WIDGET (run.window), ADW_TYPE_VIEW_STACK);

  g_assert_nonnull (stack);
  return adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), name);
}

/* Switches to the page @name and waits until it has drawn its rows */
static gboolean
show_page (const char *name,
           const char *key,
           RowsShown   shown)
{
  GtkWidget *page = find_page (name);
  g_autofree char *rows_key = g_strdup_printf ("rows %s", key);
  Mark start = mark ();
  FrameWait wait;

  gtk_widget_activate_action (GTK_WIDGET (run.window), "win.show-page", "s", name);
  if (!wait_for_frame (page, shown, 60000, &wait))
    {
      say ("failed", "the page %s drew no rows within 60 s", name);
      return FALSE;
    }
  say (rows_key, "%.1f %.1f", (wait.wall - start.wall) / 1000.0, (wait.cpu - start.cpu) / 1000.0);
  g_free (rows_key);
  rows_key = g_strdup_printf ("peak-kib %s", key);
  say (rows_key, "%d", read_peak_kib (getpid ()));

  return TRUE;
}

static GtkWidget *
visible_list_view (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_LIST_VIEW (widget) || GTK_IS_LIST_BOX (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = visible_list_view (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Scrolls the first list shown in @root to a few places at random */
static void
scroll_rounds (GtkWidget   *root,
               Interaction *act)
{
  GtkWidget *list = visible_list_view (root);
  GtkWidget *scrolled = list != NULL ? gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  for (guint round = 0; round < ROUNDS; round++)
    {
      double range = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);
      /* Half far jumps, half a page on, as the wheel goes */
      double to = round % 2 == 0 ? g_rand_double_range (run.rand, 0, MAX (range, 0))
                                 : gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment);
      Mark start = mark ();

      gtk_adjustment_set_value (adjustment, CLAMP (to, 0, MAX (range, 0)));
      interaction_frame (act, start, "a scroll");
    }
  gtk_adjustment_set_value (adjustment, 0);
}

static gboolean
in_search_bar (GtkWidget     *widget,
               gconstpointer  data)
{
  return gtk_widget_get_ancestor (widget, GTK_TYPE_SEARCH_BAR) != NULL;
}

/* The page's search entry, in its search bar (a drop-down has one too) */
static GtkEditable *
find_search_entry (GtkWidget *page)
{
  GtkWidget *entry = sam_test_find_widget_full (page, GTK_TYPE_SEARCH_ENTRY, in_search_bar, NULL);

  g_assert_nonnull (entry);
  return GTK_EDITABLE (entry);
}

/* Types @text into @entry and says the search changed at once, rather
 * than after the entry's pause for more typing */
static void
search (GtkEditable *entry,
        const char  *text)
{
  gtk_editable_set_text (entry, text);
  g_signal_emit_by_name (entry, "search-changed");
}

static const char *searches[] = { "råd", "sam", "a", "vård", "x", "plan", "ö", "12" };

static void
drive_organisation (void)
{
  GtkWidget *page = find_page ("organisation");
  GtkEditable *entry = find_search_entry (page);
  GtkWidget *tree;
  Interaction scroll, filter, group;

  interaction_init (&scroll, "organisation/scroll");
  interaction_init (&filter, "organisation/filter");
  interaction_init (&group, "organisation/group");

  scroll_rounds (page, &scroll);

  for (guint round = 0; round < ROUNDS; round++)
    {
      Mark start = mark ();

      search (entry, searches[round % G_N_ELEMENTS (searches)]);
      interaction_frame (&filter, start, "a search");
      start = mark ();
      search (entry, "");
      interaction_frame (&filter, start, "a search cleared");
    }

  /* Groups of the tree, chosen as a click on their row chooses them */
  tree = visible_list_view (page);
  for (guint round = 0; tree != NULL && GTK_IS_LIST_VIEW (tree) && round < ROUNDS; round++)
    {
      GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (tree));
      guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
      Mark start;

      if (n == 0)
        break;
      start = mark ();
      gtk_selection_model_select_item (model, g_rand_int_range (run.rand, 0, n), TRUE);
      interaction_frame (&group, start, "a group chosen");
    }

  interaction_say (&scroll);
  interaction_say (&filter);
  interaction_say (&group);
}

static void
drive_meetings (void)
{
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (find_page ("meetings"));
  SamStore *store = sam_window_get_store (SAM_WINDOW (run.window));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *from = g_strdup_printf ("%04d-01-01", g_date_time_get_year (now));
  g_autofree char *to = g_strdup_printf ("%04d-12-31", g_date_time_get_year (now));
  g_autoptr(GListModel) meetings = sam_store_list_meetings_between (store, NULL, from, to, NULL);
  static const char *views[] = { "month", "list", "year" };
  Interaction meeting, view, period, scroll;

  interaction_init (&meeting, "meetings/meeting");
  interaction_init (&view, "meetings/view");
  interaction_init (&period, "meetings/period");
  interaction_init (&scroll, "meetings/scroll");

  for (guint round = 0; meetings != NULL && round < ROUNDS && g_list_model_get_n_items (meetings) > 0; round++)
    {
      g_autoptr(SamMeeting) chosen = g_list_model_get_item (meetings, g_rand_int_range (run.rand, 0, g_list_model_get_n_items (meetings)));
      Mark start = mark ();

      sam_meetings_page_select_meeting (page, sam_meeting_get_uuid (chosen));
      interaction_frame (&meeting, start, "a meeting chosen");
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      Mark start = mark ();

      gtk_widget_activate_action (GTK_WIDGET (page), "meetings.view", "s", views[round % G_N_ELEMENTS (views)]);
      interaction_frame (&view, start, views[round % G_N_ELEMENTS (views)]);
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      Mark start = mark ();

      gtk_widget_activate_action (GTK_WIDGET (page), round % 2 == 0 ? "meetings.next" : "meetings.previous", NULL);
      interaction_frame (&period, start, round % 2 == 0 ? "next" : "previous");
    }

  gtk_widget_activate_action (GTK_WIDGET (page), "meetings.view", "s", "list");
  wait_for_frame (NULL, NULL, 10000, &(FrameWait) { 0 });
  scroll_rounds (GTK_WIDGET (page), &scroll);
  gtk_widget_activate_action (GTK_WIDGET (page), "meetings.view", "s", "year");

  interaction_say (&meeting);
  interaction_say (&view);
  interaction_say (&period);
  interaction_say (&scroll);
}

static void
drive_decisions (void)
{
  SamDecisionsPage *page = SAM_DECISIONS_PAGE (find_page ("decisions"));
  GtkWidget *table = sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW);
  GtkStack *views = GTK_STACK (gtk_widget_get_ancestor (table, GTK_TYPE_STACK));
  GtkSelectionModel *selection = gtk_column_view_get_model (GTK_COLUMN_VIEW (table));
  GtkWidget *groups = sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN);
  static const char *names[] = { "follow-up", "escalations", "register" };
  Interaction scroll, filter, open, view, scroll_views;

  interaction_init (&scroll, "decisions/scroll");
  interaction_init (&filter, "decisions/filter");
  interaction_init (&open, "decisions/open");
  interaction_init (&view, "decisions/views");
  interaction_init (&scroll_views, "decisions/scroll-views");

  scroll_rounds (table, &scroll);

  for (guint round = 0; round < ROUNDS; round++)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));
      Mark start;

      if (n == 0)
        break;
      start = mark ();
      gtk_selection_model_select_item (selection, g_rand_int_range (run.rand, 0, MIN (n, 200)), TRUE);
      interaction_frame (&open, start, "a decision chosen");
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      Mark start = mark ();

      sam_decisions_page_search (page, searches[round % G_N_ELEMENTS (searches)]);
      interaction_frame (&filter, start, "a search");
      start = mark ();
      sam_decisions_page_search (page, "");
      interaction_frame (&filter, start, "a search cleared");
    }
  for (guint round = 0; groups != NULL && round < ROUNDS / 2; round++)
    {
      GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (groups));
      guint n = model != NULL ? g_list_model_get_n_items (model) : 0;
      Mark start;

      if (n < 2)
        break;
      start = mark ();
      gtk_drop_down_set_selected (GTK_DROP_DOWN (groups), g_rand_int_range (run.rand, 1, n));
      interaction_frame (&filter, start, "a group");
      start = mark ();
      gtk_drop_down_set_selected (GTK_DROP_DOWN (groups), 0);
      interaction_frame (&filter, start, "all groups");
    }

  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *name = names[round % G_N_ELEMENTS (names)];
      Mark start = mark ();

      gtk_stack_set_visible_child_name (views, name);
      interaction_frame (&view, start, name);
      if (!g_str_equal (name, "register"))
        scroll_rounds (gtk_stack_get_visible_child (views), &scroll_views);
    }

  interaction_say (&scroll);
  interaction_say (&filter);
  interaction_say (&open);
  interaction_say (&view);
  interaction_say (&scroll_views);
}

/* Switching between pages once each has been shown, and the reference:
 * the window painted anew without a change of ours */
static void
drive_window (void)
{
  static const char *pages[] = { "meetings", "decisions", "organisation" };
  GtkWidget *content = sam_test_window_content (GTK_WIDGET (run.window));
  Interaction switching, repaint;

  interaction_init (&switching, "window/pages");
  interaction_init (&repaint, "reference/repaint");
  for (guint round = 0; round < ROUNDS; round++)
    {
      const char *name = pages[round % G_N_ELEMENTS (pages)];
      Mark start = mark ();

      gtk_widget_activate_action (GTK_WIDGET (run.window), "win.show-page", "s", name);
      interaction_frame (&switching, start, name);
    }
  for (guint round = 0; round < ROUNDS; round++)
    {
      Mark start = mark ();

      gtk_widget_set_opacity (content, round % 2 == 0 ? 0.99 : 1.0);
      interaction_frame (&repaint, start, "a repaint");
    }
  interaction_say (&switching);
  interaction_say (&repaint);
}

static int
read_own_peak_kib (void)
{
  return read_peak_kib (getpid ());
}

static gboolean
drive_cb (gpointer data)
{
  FrameWait wait;

  /* The first page's rows, since the start */
  if (!wait_for_frame (find_page ("organisation"), page_shows_rows, 60000, &wait))
    say ("failed", "the Organisation page drew no rows within 60 s");
  else
    say ("rows organisation", "%.1f %.1f", (wait.wall - run.spawned) / 1000.0, (wait.cpu - run.cpu_start) / 1000.0);
  drive_organisation ();

  if (show_page ("meetings", "meetings", calendar_shown))
    drive_meetings ();
  if (show_page ("decisions", "decisions", page_shows_rows))
    drive_decisions ();
  show_page ("organisation", "organisation-again", page_shows_rows);
  drive_window ();

  say ("cpu-total", "%.1f", (cpu_us () - run.cpu_start) / 1000.0);
  say ("peak-kib", "%d", read_own_peak_kib ());

  gtk_window_destroy (run.window);

  return G_SOURCE_REMOVE;
}

static void
first_paint_cb (GdkFrameClock *clock,
                gpointer       data)
{
  if (run.first_painted)
    return;

  run.first_painted = TRUE;
  say ("first-frame", "%.1f", (g_get_monotonic_time () - run.spawned) / 1000.0);
  say ("first-frame-cpu", "%.1f", (cpu_us () - run.cpu_start) / 1000.0);
  say ("peak-kib first-frame", "%d", read_peak_kib (getpid ()));
  g_signal_handlers_disconnect_by_func (clock, first_paint_cb, data);
  g_idle_add (drive_cb, NULL);
}

static void
window_realize_cb (GtkWidget *window,
                   gpointer   data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_paint_cb), NULL);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 gpointer        data)
{
  if (run.window != NULL || !SAM_IS_WINDOW (window))
    return;

  run.window = window;
  g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), NULL);
}

/* As src/main.c starts the application, with `--database @db` */
static int
run_window (const char *db)
{
  g_autoptr(SamApplication) app = NULL;
  g_autofree char *data_home = sam_test_make_tmp_dir ("bench-startup-data-XXXXXX");
  const char *spawned = g_getenv ("SAM_BENCH_SPAWNED");
  char *argv[] = { (char *) "samordna", (char *) "--database", (char *) db, NULL };
  int status;

  run.spawned = spawned != NULL ? g_ascii_strtoll (spawned, NULL, 10) : g_get_monotonic_time ();
  run.cpu_start = cpu_us ();
  run.verbose = g_getenv ("SAM_BENCH_VERBOSE") != NULL;
  run.rand = g_rand_new_with_seed (2026);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);

  sam_i18n_init ();
  g_set_prgname ("samordna");
  g_set_application_name ("Samordna");

  app = sam_application_new ();
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), NULL);
  status = g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_rand_free (run.rand);
  sam_test_remove_tree (data_home);

  return status;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *database = NULL;
  int decisions = 100000;
  int timeout = 120;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "decisions", 0, 0, G_OPTION_ARG_INT, &decisions, "Decisions of the generated register (others scale with it)", "N" },
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database, "Time this register instead of a generated one", "FILE" },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &timeout, "Stop a window that has not finished after S seconds", "S" },
    { NULL }
  };

  if (argc == 3 && strcmp (argv[1], "--run-window") == 0)
    return run_window (argv[2]);
  if (argc == 5 && strcmp (argv[1], "--run-generate") == 0)
    return run_generate (argv[2], argv[3], argv[4]);

  context = g_option_context_new ("- time the window's start on a large register");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  return run_benchmark (MAX (decisions, 1), database, MAX (timeout, 1));
}

/* test-meetings-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Meetings page in the real window under Xvfb, on the demo register:
 * the year, month and list views with their accessible day names, planning
 * a year and accepting the proposal, an agenda item of kind decision that
 * opens a draft, the notes, and screenshots (in Swedish when run so).
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "sam-agenda-item-editor.h"
#include "sam-application.h"
#include "sam-gui.h"
#include "sam-i18n.h"
#include "sam-meeting-checks.h"
#include "sam-meetings-page.h"
#include "sam-month-view.h"
#include "sam-plan-year-dialog.h"
#include "sam-store-meetings.h"
#include "sam-window.h"
#include "sam-year-view.h"

static SamApplication *app;
static gboolean swedish;

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_widgets (GtkWidget *root,
                 GType      type,
                 GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, out);
}

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < deadline)
    {
      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

          if (G_TYPE_CHECK_INSTANCE_TYPE (window, type))
            return GTK_WINDOW (window);
        }
      run_for (50);
    }

  return NULL;
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) live = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, swedish ? "-sv" : "");
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), file, NULL);
  int width, height;

  /* New widgets need a few frames before the paintable has an image. */
  run_for (1200);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  live = gtk_widget_paintable_new (widget);
  paintable = gdk_paintable_get_current_image (live);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static void
wait_until_drawn (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while ((!gtk_widget_get_mapped (widget) || gtk_widget_get_width (widget) == 0) && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (gtk_widget_get_mapped (widget));
  run_for (300);
}

static SamWindow *
open_demo (void)
{
  SamWindow *window;
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 900);
  while (!gtk_widget_get_mapped (GTK_WIDGET (window)) && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  run_for (400);

  return window;
}

static GtkWidget *
window_content (SamWindow *window)
{
  return gtk_widget_get_parent (find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
}

static const char *
accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter for an accessible property; the views also set
   * the tooltip or keep the label text in a known place, so read those. */
  return gtk_widget_get_tooltip_text (widget);
}

/* Days with meetings are buttons named for screen readers; the views show
 * the demo's 2026, and the list holds every meeting of the year. */
static void
test_views (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GListModel) meetings = sam_store_list_meetings (store, NULL);
  GtkWidget *month_view;
  guint n_2026 = 0;
  gboolean found_label = FALSE;

  g_assert_nonnull (page);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      n_2026 += sam_meeting_get_local_year (meeting) == 2026;
    }

  sam_meetings_page_show_period (page, "year", 2026, 2);
  run_for (300);
  collect_widgets (find_widget (GTK_WIDGET (page), SAM_TYPE_YEAR_VIEW), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 20);
  g_assert_cmpuint (buttons->len, <=, n_2026);
  save_screenshot (window_content (window), "screenshot-meetings-year");

  /* The month: every day of February is a button named with its week. */
  sam_meetings_page_show_period (page, "month", 2026, 2);
  run_for (300);
  month_view = find_widget (GTK_WIDGET (page), SAM_TYPE_MONTH_VIEW);
  g_ptr_array_set_size (buttons, 0);
  collect_widgets (month_view, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 28);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = accessible_label (g_ptr_array_index (buttons, i));

      if (label != NULL && g_str_has_prefix (label, swedish ? "tisdag 10 februari 2026, vecka 7" : "Tuesday 10 February 2026, week 7"))
        found_label = TRUE;
    }
  g_assert_true (found_label);
  save_screenshot (window_content (window), "screenshot-meetings-month");

  sam_meetings_page_show_period (page, "list", 2026, 2);
  run_for (300);
  save_screenshot (window_content (window), "screenshot-meetings-list");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Plan a year for the first council, accept the proposal: the new meetings
 * are within the commission's min–max and on working days outside the
 * summer; then an agenda item for decision and the notes. */
static void
test_plan_agenda_notes (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  GtkWindow *dialog;
  GtkWindow *editor;
  GtkTextView *notes;
  g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);
  g_autoptr(SamGroup) council = NULL;
  g_autoptr(GListModel) planned = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) decisions = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(SamMeeting) first = NULL;
  g_autoptr(SamMeeting) saved = NULL;
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(SamCommission) commission = NULL;
  g_autoptr(GError) error = NULL;
  guint count;

  for (guint i = 0; i < g_list_model_get_n_items (groups) && council == NULL; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL)
        council = g_steal_pointer (&group);
    }
  g_assert_nonnull (council);
  g_assert_cmpuint (sam_meeting_checks_count (store, sam_group_get_uuid (council), 2027, NULL), ==, 0);
  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), NULL);
  g_assert_nonnull (commission);

  sam_meetings_page_show_period (page, "year", 2026, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.plan-year", NULL));
  dialog = find_toplevel (SAM_TYPE_PLAN_YEAR_DIALOG);
  g_assert_nonnull (dialog);
  wait_until_drawn (adw_window_get_content (ADW_WINDOW (dialog)));
  /* A toplevel's own paintable is empty: take its content. */
  save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), "screenshot-meetings-plan-year");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.accept", NULL));
  run_for (400);

  count = sam_meeting_checks_count (store, sam_group_get_uuid (council), 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, sam_commission_get_min_meetings (commission));
  warnings = sam_meeting_checks_run (store, sam_group_get_uuid (council), 2027, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (warnings, i);

      g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_FREQUENCY);
      g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_HOLIDAY);
      g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_WEEKEND);
    }

  /* The first planned meeting: an item for decision, with notes. */
  planned = sam_store_list_meetings_between (store, sam_group_get_uuid (council),
                                             "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, count);
  first = g_list_model_get_item (planned, 0);
  sam_meetings_page_select_meeting (page, sam_meeting_get_uuid (first));
  run_for (300);
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, sam_meeting_get_uuid (first));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.add-item", NULL));
  editor = find_toplevel (SAM_TYPE_AGENDA_ITEM_EDITOR);
  g_assert_nonnull (editor);
  collect_widgets (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "Gemensam rutin för överflyttning");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "Ordförande");
  adw_combo_row_set_selected (ADW_COMBO_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW)), SAM_AGENDA_KIND_DECISION);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW))),
                            "Rådet ställde sig bakom rutinen.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "item.save", NULL));
  run_for (300);

  agenda = sam_store_list_agenda (store, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  item = g_list_model_get_item (agenda, 0);
  g_assert_cmpstr (sam_agenda_item_get_title (item), ==, "Gemensam rutin för överflyttning");
  g_assert_cmpstr (sam_agenda_item_get_notes (item), ==, "Rådet ställde sig bakom rutinen.");
  decisions = sam_store_list_meeting_decisions (store, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);

  notes = GTK_TEXT_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Mötet planerades med årsplaneraren.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.save-notes", NULL));
  run_for (300);
  saved = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpstr (sam_meeting_get_notes (saved), ==, "Mötet planerades med årsplaneraren.");

  save_screenshot (window_content (window), "screenshot-meetings-detail");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  sam_i18n_init ();
  swedish = g_strcmp0 (g_getenv ("LANGUAGE"), "sv") == 0;
  if (swedish && setlocale (LC_ALL, NULL) != NULL && strstr (setlocale (LC_ALL, NULL), "sv_SE") == NULL)
    g_error ("the sv_SE.UTF-8 locale is not installed: run locale-gen (Debian: package locales)");

  data_home = g_dir_make_tmp ("samordna-test-meetings-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_set_prgname ("samordna");

  app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/meetings-page/views", test_views);
  g_test_add_func ("/meetings-page/plan-agenda-notes", test_plan_agenda_notes);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (data_home);

  return ret;
}

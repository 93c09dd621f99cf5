/* test-window-lists.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's lists that grow with the register, on a generated register
 * of 10 000 decisions, 5 000 meetings, 2 000 people and 500 groups: each
 * is read whole (the follow-up list, a year's meetings and warnings, the
 * people, the terms ending, the meeting editor's groups) but makes rows
 * only for what is in view, far fewer than it holds. A list box with a row for each of them is what kept the
 * window from opening on a national register.
 */

#include "config.h"

#include <adwaita.h>

#include "sam-gui-types.h"
#include "sam-meeting-editor.h"
#include "sam-meetings-page.h"
#include "sam-people-window.h"
#include "sam-terms-window.h"
#include "sam-test-register.h"
#include "sam-test-ui.h"
#include "sam-undo.h"
#include "sam-window.h"
#include "sam-xml.h"
#include "sam-year-view.h"

/* At most this many rows for a list in view: a screenful and what GTK
 * keeps around it */
#define MAX_ROWS 250

static SamApplication *app;
static char *dir;
static SamStore *store;

static void
make_register (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *db = NULL;
  SamImportSummary summary = { 0 };
  SamTestRegisterSize size = { 0 };

  size.organisations = 30;
  size.people = 2000;
  size.groups = 500;
  size.relations = 300;
  size.commissions = 300;
  size.seats = 600;
  size.assignments = 8000;
  size.meetings = 5000;
  size.participations = 6000;
  size.agenda_items = 2000;
  size.attendances = 2000;
  size.decisions = 10000;
  size.escalations = 500;
  size.info = 3;
  size.text_length = 4;

  dir = sam_test_make_tmp_dir ("test-window-lists-XXXXXX");
  xml = g_build_filename (dir, "register.xml", NULL);
  db = g_build_filename (dir, "register.sqlite", NULL);
  reg = sam_test_register_new (rand, &size);
  if (!sam_test_register_write_xml (reg, xml, &error) ||
      (store = sam_store_open (db, &error)) == NULL ||
      !sam_xml_import (store, xml, SAM_IMPORT_REPLACE, &summary, NULL, NULL, &error))
    g_error ("%s", error->message);
  sam_import_summary_clear (&summary);
}

/* The list view under @root, in the view stack page @name of @stack */
static GtkListView *
find_list_view (GtkWidget *root)
{
  GtkWidget *view = sam_test_find_widget (root, GTK_TYPE_LIST_VIEW);

  g_assert_nonnull (view);
  return GTK_LIST_VIEW (view);
}

static guint
count_items (GtkListView *view)
{
  GtkSelectionModel *model = gtk_list_view_get_model (view);

  return model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* A list view's children are its rows, one for each item it has made a
 * widget for. */
static guint
count_rows (GtkListView *view)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n++;

  return n;
}

/* Waits until @view holds more than @at_least items and has drawn them,
 * then checks that it made rows for a screenful, not for each. */
static void
assert_rows_in_view (GtkListView *view,
                     guint        at_least,
                     const char  *what)
{
  guint n;

  sam_test_wait_for ((n = count_items (view)) > at_least);
  sam_test_wait_until_drawn (GTK_WIDGET (view));
  g_test_message ("%s: %u items, %u rows made", what, n, count_rows (view));
  g_assert_cmpuint (count_rows (view), >, 0);
  g_assert_cmpuint (count_rows (view), <=, MAX_ROWS);
}

static SamWindow *
open_window (void)
{
  SamWindow *window = sam_window_new (ADW_APPLICATION (app), sam_application_get_settings (app), store);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  sam_test_wait_until_mapped (GTK_WIDGET (window));

  return window;
}

/* A year's meetings and its warnings, in a list of the meetings and the
 * list of warnings above the calendar */
static void
test_meetings (void)
{
  SamWindow *window = open_window ();
  GtkWidget *page = sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE);
  GtkWidget *views = gtk_widget_get_ancestor (sam_test_find_widget (page, SAM_TYPE_YEAR_VIEW), GTK_TYPE_STACK);
  GtkWidget *expander = sam_test_find_widget (page, GTK_TYPE_EXPANDER);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  sam_meetings_page_show_period (SAM_MEETINGS_PAGE (page), "list", 2026, 1);
  assert_rows_in_view (find_list_view (gtk_stack_get_child_by_name (GTK_STACK (views), "list")), 500,
                       "the meetings of 2026");

  gtk_expander_set_expanded (GTK_EXPANDER (expander), TRUE);
  assert_rows_in_view (find_list_view (expander), 500, "the warnings of 2026");

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The decisions due for follow-up */
static void
test_follow_up (void)
{
  SamWindow *window = open_window ();
  GtkWidget *page;
  GtkStack *views;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions");
  page = adw_view_stack_get_visible_child (ADW_VIEW_STACK (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)));
  views = GTK_STACK (gtk_widget_get_ancestor (sam_test_find_widget (page, GTK_TYPE_COLUMN_VIEW), GTK_TYPE_STACK));
  gtk_stack_set_visible_child_name (views, "follow-up");
  assert_rows_in_view (find_list_view (gtk_stack_get_child_by_name (views, "follow-up")), 1000,
                       "the decisions due for follow-up");

  gtk_stack_set_visible_child_name (views, "register");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The People window */
static void
test_people (void)
{
  g_autoptr(SamUndo) undo = sam_undo_new (store);
  SamPeopleWindow *window = sam_people_window_new (undo);

  gtk_window_present (GTK_WINDOW (window));
  sam_test_wait_until_mapped (GTK_WIDGET (window));
  assert_rows_in_view (find_list_view (GTK_WIDGET (window)), 1500, "the people");
  gtk_window_destroy (GTK_WINDOW (window));
}

static guint
count_widgets (GtkWidget *root,
               GType      type)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();

  sam_test_collect_widgets (root, type, widgets);

  return widgets->len;
}

/* The terms ending, for the whole register: a row each, beside the two
 * of the window's settings, for those in view only (there are 1 265) */
static void
test_terms (void)
{
  SamTermsWindow *window = sam_terms_window_new (store, NULL, FALSE);

  gtk_window_present (GTK_WINDOW (window));
  sam_test_wait_until_mapped (GTK_WIDGET (window));
  sam_test_wait_for (count_widgets (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW) > 2 + 100);
  sam_test_wait_until_drawn (GTK_WIDGET (window));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (window), ADW_TYPE_ACTION_ROW), <=, 2 + MAX_ROWS);
  assert_rows_in_view (find_list_view (GTK_WIDGET (window)), 500, "the terms ending");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
lists_groups (GtkWidget     *widget,
              gconstpointer  data)
{
  GtkSelectionModel *model = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

  g_autoptr(GObject) first = model != NULL ? g_list_model_get_item (G_LIST_MODEL (model), 0) : NULL;

  return SAM_IS_GROUP (first);
}

/* The meeting editor's groups to choose: a row each, for those in view
 * only (there are 500). Its drop-downs have list views of their own. */
static void
test_meeting_groups (void)
{
  SamMeetingEditor *editor = sam_meeting_editor_new (NULL, store, NULL, "2026-03-10", NULL);
  GtkListView *groups;

  gtk_window_present (GTK_WINDOW (editor));
  sam_test_wait_until_mapped (GTK_WIDGET (editor));
  g_assert_cmpuint (count_widgets (GTK_WIDGET (editor), GTK_TYPE_CHECK_BUTTON), <=, MAX_ROWS);
  groups = GTK_LIST_VIEW (sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_LIST_VIEW, lists_groups, NULL));
  g_assert_nonnull (groups);
  g_assert_cmpuint (count_items (groups), ==, 500);
  assert_rows_in_view (groups, 400, "the groups of the meeting editor");
  gtk_window_destroy (GTK_WINDOW (editor));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  sam_test_ui_init (&argc, &argv);
  sam_gui_ensure_types ();
  app = sam_test_ui_start_application ();
  make_register ();

  g_test_add_func ("/window-lists/meetings", test_meetings);
  g_test_add_func ("/window-lists/follow-up", test_follow_up);
  g_test_add_func ("/window-lists/people", test_people);
  g_test_add_func ("/window-lists/terms", test_terms);
  g_test_add_func ("/window-lists/meeting-groups", test_meeting_groups);

  status = sam_test_ui_run ();
  g_clear_object (&store);
  sam_test_remove_tree (dir);

  return status;
}

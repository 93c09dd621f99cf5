/* test-decisions-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Decisions page in the real window under Xvfb, on the demo register:
 * the table lists the register through the lazy list, sorting a column
 * sorts in the store, a search narrows the list and marks the matches,
 * the follow-up and escalation views list what is due and open, a new
 * draft is registered through the editor's action, and screenshots of
 * each step are written to the build directory.
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "sam-application.h"
#include "sam-decision-editor.h"
#include "sam-decisions-page.h"
#include "sam-gui.h"
#include "sam-i18n.h"
#include "sam-store-decisions.h"
#include "sam-window.h"

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

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (gtk_widget_get_mapped (widget));
  run_for (300);
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
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (widget);
  g_autoptr(GdkPaintable) paintable = gdk_paintable_get_current_image (live);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, swedish ? "-sv" : "");
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), file, NULL);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static GtkWidget *
content_of (SamWindow *window)
{
  return gtk_widget_get_parent (find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR));
}

static void
test_decisions_page (void)
{
  SamWindow *window;
  SamStore *store;
  SamDecisionsPage *page;
  SamDecisionList *list;
  SamDecisionEditor *editor;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) title_column = NULL;
  g_autoptr(SamDecision) first = NULL;
  g_autoptr(SamDecision) draft = NULL;
  GtkSelectionModel *selection;
  guint total, found;
  SamDecisionSort sort;
  gboolean descending;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  gtk_window_set_default_size (GTK_WINDOW (window), 1400, 860);
  wait_until_mapped (GTK_WIDGET (window));
  store = sam_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions"));
  run_for (400);

  page = SAM_DECISIONS_PAGE (find_widget (GTK_WIDGET (window), SAM_TYPE_DECISIONS_PAGE));
  g_assert_nonnull (page);
  list = sam_decisions_page_get_list (page);
  editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  total = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (total, ==, sam_store_count_decisions (store, NULL, 0));
  g_assert_cmpuint (total, >, 10);
  /* Only the rows on screen (a page or two) were read. */
  g_assert_cmpuint (sam_decision_list_get_n_cached (list), <=, 2 * sam_decision_list_get_page_size ());
  save_screenshot (content_of (window), "screenshot-decisions");

  /* A click on the Title header sorts by title in the store. */
  view = GTK_COLUMN_VIEW (find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  title_column = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_DESCENDING);
  sort = sam_decision_list_get_sort (list, &descending);
  g_assert_cmpint (sort, ==, SAM_DECISION_SORT_TITLE);
  g_assert_true (descending);
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_ASCENDING);
  sort = sam_decision_list_get_sort (list, &descending);
  g_assert_false (descending);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (sam_decision_list_get_sort (list, NULL), ==, SAM_DECISION_SORT_DATE);

  /* Search as you type narrows the list; the matches are marked. */
  sam_decisions_page_search (page, "fasta");
  found = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, total);
  g_assert_cmpint (sam_decision_list_get_sort (list, NULL), ==, SAM_DECISION_SORT_RANK);
  run_for (300);
  save_screenshot (content_of (window), "screenshot-decisions-search");

  /* Selecting a row shows the decision in the editor. */
  selection = gtk_column_view_get_model (view);
  gtk_selection_model_select_item (selection, 0, TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sam_decision_get_uuid (sam_decision_editor_get_decision (editor)), ==,
                   sam_decision_get_uuid (first));
  run_for (300);
  save_screenshot (content_of (window), "screenshot-decisions-editor");
  sam_decisions_page_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);

  /* New Decision, then Register: the register grows by one numbered decision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
  g_assert_true (sam_decision_editor_is_editing (editor));
  draft = g_object_ref (sam_decision_editor_get_decision (editor));
  {
    /* The first entry row of the form is the title. */
    AdwEntryRow *title_row = ADW_ENTRY_ROW (find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW));

    g_assert_nonnull (title_row);
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Gemensam rutin för överflyttning av intensivvårdspatienter");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  run_for (200);
  g_assert_true (sam_decision_is_registered (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total + 1);
  save_screenshot (content_of (window), "screenshot-decisions-registered");

  /* Follow-up and open escalations. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK));

    g_assert_nonnull (gtk_stack_get_child_by_name (stack, "escalations"));
    gtk_stack_set_visible_child_name (stack, "escalations");
    run_for (300);
    save_screenshot (content_of (window), "screenshot-decisions-escalations");
    gtk_stack_set_visible_child_name (stack, "follow-up");
    run_for (300);
    save_screenshot (content_of (window), "screenshot-decisions-follow-up");
    gtk_stack_set_visible_child_name (stack, "register");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
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

  data_home = g_dir_make_tmp ("samordna-test-decisions-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  sam_gui_ensure_types ();
  g_set_prgname ("samordna");

  app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/decisions-page/register", test_decisions_page);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (data_home);

  return ret;
}

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

#include <adwaita.h>

#include "sam-application.h"
#include "sam-decision-editor.h"
#include "sam-decisions-page.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-store-decisions.h"
#include "sam-test-ui.h"
#include "sam-window.h"

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

  window = sam_test_open_demo (1400, 860);
  store = sam_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions"));

  page = SAM_DECISIONS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_DECISIONS_PAGE));
  g_assert_nonnull (page);
  /* The table reads the rows it shows as it lays them out. */
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  list = sam_decisions_page_get_list (page);
  editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  total = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (total, ==, sam_store_count_decisions (store, NULL, 0));
  g_assert_cmpuint (total, >, 10);
  /* Only the rows on screen (a page or two) were read. */
  g_assert_cmpuint (sam_decision_list_get_n_cached (list), <=, 2 * sam_decision_list_get_page_size ());
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions");

  /* A click on the Title header sorts by title in the store. */
  view = GTK_COLUMN_VIEW (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
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
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-search");

  /* Selecting a row shows the decision in the editor. */
  selection = gtk_column_view_get_model (view);
  gtk_selection_model_select_item (selection, 0, TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sam_decision_get_uuid (sam_decision_editor_get_decision (editor)), ==,
                   sam_decision_get_uuid (first));
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-editor");
  sam_decisions_page_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);

  /* New Decision, then Register: the register grows by one numbered decision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
  g_assert_true (sam_decision_editor_is_editing (editor));
  draft = g_object_ref (sam_decision_editor_get_decision (editor));
  {
    /* The first entry row of the form is the title. */
    AdwEntryRow *title_row = ADW_ENTRY_ROW (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW));

    g_assert_nonnull (title_row);
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Gemensam rutin för överflyttning av intensivvårdspatienter");
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  g_assert_true (sam_decision_is_registered (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total + 1);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-registered");

  /* Follow-up and open escalations. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK));

    g_assert_nonnull (gtk_stack_get_child_by_name (stack, "escalations"));
    gtk_stack_set_visible_child_name (stack, "escalations");
    sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-escalations");
    gtk_stack_set_visible_child_name (stack, "follow-up");
    sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-follow-up");
    gtk_stack_set_visible_child_name (stack, "register");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sam_test_ui_init (&argc, &argv);
  sam_gui_ensure_types ();
  sam_test_ui_start_application ();

  g_test_add_func ("/decisions-page/register", test_decisions_page);

  return sam_test_ui_run ();
}

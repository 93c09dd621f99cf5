/* test-first-run.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A new coordinator starts a register from nothing in the real window:
 * the empty register's page offers New Group…, which makes the region's
 * top group; then the Organisation page's New Group (Ctrl+N) makes the
 * first council under it. The register file is read with SQLite of its
 * own after each step.
 */

#include "config.h"

#include <adwaita.h>
#include <sqlite3.h>

#include "sam-gui-types.h"
#include "sam-organisation-page.h"
#include "sam-test-ui.h"
#include "sam-test-util.h"
#include "sam-window.h"

/* Reads one number from the register file, as another program would. */
static gint64
file_query_int (SamWindow  *window,
                const char *sql)
{
  const char *path = sam_store_get_path (sam_window_get_store (window));
  g_autofree char *uri = g_strdup_printf ("file:%s?mode=ro", path);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open_v2 (uri, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gboolean
is_labelled (GtkWidget     *widget,
             gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static void
type_into (GtkWindow  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = sam_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title);

  if (row == NULL)
    g_error ("no entry row “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static guint
chosen_kind (GtkWindow *dialog)
{
  GtkWidget *row = sam_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW, sam_test_tr ("Kind", "Typ"));

  g_assert_nonnull (row);
  return adw_combo_row_get_selected (ADW_COMBO_ROW (row));
}

static void
test_first_run (void)
{
  SamWindow *window = sam_test_open_window ();
  GtkWidget *content = sam_test_window_content (GTK_WIDGET (window));
  SamOrganisationPage *page = SAM_ORGANISATION_PAGE (sam_test_find_widget (GTK_WIDGET (window),
                                                                          SAM_TYPE_ORGANISATION_PAGE));
  GtkWidget *button, *switcher;
  GtkWindow *dialog;

  g_assert_true (sam_store_is_empty (sam_window_get_store (window)));
  g_assert_cmpint (file_query_int (window, "SELECT count (*) FROM grp"), ==, 0);
  sam_test_save_screenshot (content, "first-run-empty");
  /* No switcher to pages that have nothing to show. */
  switcher = sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_SWITCHER_BAR);
  g_assert_false (gtk_widget_get_mapped (switcher));

  /* The empty register's page: New Group…, which Ctrl+N is too. */
  button = sam_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, is_labelled,
                                      sam_test_tr ("_New Group…", "_Ny grupp…"));
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_mapped (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.new-group");
  gtk_widget_activate (button);
  dialog = sam_test_wait_for_toplevel (g_type_from_name ("SamGroupDialog"));

  /* The region's top: a management group at the top of the structure,
   * which the dialog offers first in an empty register. */
  g_assert_cmpuint (chosen_kind (dialog), ==, SAM_GROUP_KIND_MANAGEMENT_GROUP);
  type_into (dialog, sam_test_tr ("Name", "Namn"), "Ledningsgrupp hälso- och sjukvård");
  type_into (dialog, sam_test_tr ("Short Code", "Kortkod"), "LGHS");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  sam_test_wait_for (sam_test_find_toplevel (g_type_from_name ("SamGroupDialog")) == NULL);

  g_assert_cmpint (file_query_int (window, "SELECT count (*) FROM grp"), ==, 1);
  g_assert_cmpint (file_query_int (window, "SELECT count (*) FROM grp WHERE code = 'LGHS' "
                                           "AND kind = 'management_group' AND parent_id IS NULL"), ==, 1);
  /* The register is shown, the new group chosen, and Ctrl+N is the
   * Organisation page's own again. */
  sam_test_wait_for (!sam_store_is_empty (sam_window_get_store (window)));
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_assert_nonnull (sam_organisation_page_get_selected_group (page));
  g_assert_cmpstr (sam_group_get_code (sam_organisation_page_get_selected_group (page)), ==, "LGHS");
  g_assert_true (gtk_widget_get_visible (switcher));
  /* The focus is in the page now shown, where its keys work. */
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), GTK_WIDGET (page)));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (window), "win.new-group", NULL) &&
                  sam_test_find_toplevel (g_type_from_name ("SamGroupDialog")) != NULL);

  /* The first council, under the top, as New Group offers. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.new-group", NULL));
  dialog = sam_test_wait_for_toplevel (g_type_from_name ("SamGroupDialog"));
  g_assert_cmpuint (chosen_kind (dialog), ==, SAM_GROUP_KIND_COUNCIL);
  type_into (dialog, sam_test_tr ("Name", "Namn"), "Samordningsråd anestesi, operation, intensivvård");
  type_into (dialog, sam_test_tr ("Short Code", "Kortkod"), "AOI");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  sam_test_wait_for (sam_test_find_toplevel (g_type_from_name ("SamGroupDialog")) == NULL);

  g_assert_cmpint (file_query_int (window, "SELECT count (*) FROM grp"), ==, 2);
  g_assert_cmpint (file_query_int (window, "SELECT count (*) FROM grp c JOIN grp t ON t.id = c.parent_id "
                                           "WHERE c.code = 'AOI' AND c.kind = 'council' AND t.code = 'LGHS'"), ==, 1);
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  sam_test_save_screenshot (content, "first-run-council");
}

int
main (int   argc,
      char *argv[])
{
  sam_test_ui_init (&argc, &argv);
  sam_test_ui_start_application ();

  g_test_add_func ("/first-run/top-and-council", test_first_run);

  return sam_test_ui_run ();
}

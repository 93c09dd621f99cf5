/* test-organisation-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Organisation page on the demo register under Xvfb, driven through
 * its actions and dialogs as a user would: create a council, give it a
 * commission, add people in roles and see the rules' warnings, refuse
 * invalid input, move a subgroup, delete and undo. The register is checked
 * after each step, and screenshots of the page are written to the build
 * directory.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-demo.h"
#include "sam-detail-title.h"
#include "sam-commission-doc.h"
#include "sam-group-row.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-group-matches.h"
#include "sam-organisation-page.h"
#include "sam-rules.h"
#include "sam-store-structure.h"
#include "sam-test-ui.h"
#include "sam-test-util.h"
#include "sam-window.h"

static char *demo_dir;
static SamStore *store;
static GtkWindow *window;
static SamOrganisationPage *page;

/* The role buttons of the role dialog, by their label as a user reads it. */
static gboolean
toggle_labelled (GtkWidget     *widget,
                 gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_row_containing (GtkWidget  *root,
                    const char *text)
{
  if (ADW_IS_PREFERENCES_ROW (root) && strstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (gtk_widget_get_visible (child) && has_row_containing (child, text))
      return TRUE;

  return FALSE;
}

/* A toast's Undo button that can be pressed: its action is found from
 * where the toast is shown. */
static gboolean
is_undo_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "organisation.undo") == 0 &&
         gtk_widget_is_sensitive (widget);
}

/* A toast's title as the user sees it: a label shown on screen. */
static gboolean
is_label_shown (GtkWidget     *widget,
                gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0 && gtk_widget_get_mapped (widget);
}

static gboolean
label_shown (gpointer text)
{
  return sam_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_LABEL, is_label_shown, text) != NULL;
}

static GtkWindow *
open_dialog (const char *action,
             const char *type_name)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));

  return sam_test_wait_for_toplevel (g_type_from_name (type_name));
}

/* Runs the main loop until the dialog of @type_name is closed. */
static void
wait_until_closed (const char *type_name)
{
  sam_test_wait_for (sam_test_find_toplevel (g_type_from_name (type_name)) == NULL);
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

static SamGroup *
group_by_code (const char *code)
{
  return sam_store_find_group_by_code (store, code, NULL);
}

static void
test_browse (void)
{
  g_autoptr(SamGroup) aoi = group_by_code ("AOI");
  GtkWidget *details;

  g_assert_nonnull (aoi);
  g_assert_null (sam_organisation_page_get_selected_group (page));

  sam_organisation_page_select_group (page, sam_group_get_uuid (aoi));
  g_assert_nonnull (sam_organisation_page_get_selected_group (page));
  g_assert_cmpstr (sam_group_get_code (sam_organisation_page_get_selected_group (page)), ==, "AOI");

  details = GTK_WIDGET (page);
  sam_test_wait_for (has_row_containing (details, "Katarina Nordström"));
  sam_test_save_screenshot (GTK_WIDGET (page), "organisation-aoi");

  /* Search shows a flat list; the selection follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.search", NULL));
}

static gboolean
is_flat_view (GtkWidget     *widget,
              gconstpointer  data)
{
  GtkSelectionModel *selection = gtk_list_view_get_model (GTK_LIST_VIEW (widget));

  return GTK_IS_SINGLE_SELECTION (selection) &&
         SAM_IS_GROUP_MATCHES (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
}

/* The groups the page's search found, as the list of them shows. */
static SamGroupMatches *
groups_found (void)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  sam_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (g_ptr_array_index (views, i));

      if (GTK_IS_SINGLE_SELECTION (selection) &&
          SAM_IS_GROUP_MATCHES (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection))))
        return SAM_GROUP_MATCHES (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)));
    }

  g_assert_not_reached ();
}

static void
search_groups (const char *text)
{
  GtkWidget *bar = sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_BAR);
  GtkEditable *entry = GTK_EDITABLE (sam_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY));

  gtk_editable_set_text (entry, text);
  /* Not waiting for the entry's pause in typing */
  g_signal_emit_by_name (entry, "search-changed");
  sam_test_wait_until_drawn (GTK_WIDGET (page));
}

static gboolean
found (const char *code)
{
  g_autoptr(SamGroup) group = group_by_code (code);

  g_assert_nonnull (group);
  return sam_group_matches_find (groups_found (), sam_group_get_uuid (group)) >= 0;
}

/* Whether @group is @ancestor or in its branch; @by_uuid: every group. */
static gboolean
is_in_branch (SamGroup   *group,
              const char *ancestor,
              GHashTable *by_uuid)
{
  for (SamGroup *up = group; up != NULL; up = g_hash_table_lookup (by_uuid, sam_group_get_parent_uuid (up) ?: ""))
    if (g_strcmp0 (sam_group_get_uuid (up), ancestor) == 0)
      return TRUE;

  return FALSE;
}

/* The search finds what is typed anywhere in a name or a code, not only at
 * the start, whatever the case; a council's code finds its whole branch
 * (“AOI”: its subgroups and process teams, whose names do not say AOI);
 * å is not a. Each list is checked against the register. */
static void
test_search_anywhere (void)
{
  g_autoptr(SamGroup) aoi = group_by_code ("AOI");
  g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);
  g_autoptr(GHashTable) by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  guint in_branch = 0, without_code = 0;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      SamGroup *group = g_list_model_get_item (groups, i);

      /* The list holds the group. */
      g_hash_table_insert (by_uuid, (gpointer) sam_group_get_uuid (group), group);
      g_object_unref (group);
    }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.search", NULL));

  search_groups ("anestesi");
  g_assert_true (found ("AOI"));
  search_groups ("ANESTESI");
  g_assert_true (found ("AOI"));

  search_groups ("aoi");
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      gboolean branch = is_in_branch (group, sam_group_get_uuid (aoi), by_uuid);
      g_autofree char *name = g_utf8_casefold (sam_group_get_name (group), -1);
      gboolean shown = sam_group_matches_find (groups_found (), sam_group_get_uuid (group)) >= 0;

      if (sam_group_get_dissolved (group) != NULL)
        continue;
      in_branch += branch;
      without_code += branch && strstr (name, "aoi") == NULL &&
                      (sam_group_get_code (group) == NULL || strstr (sam_group_get_code (group), "AOI") == NULL);
      if (branch != shown && strstr (name, "aoi") == NULL)
        g_error ("“AOI” %s “%s”", shown ? "found" : "did not find", sam_group_get_name (group));
    }
  g_assert_cmpuint (in_branch, >, 2);
  g_assert_cmpuint (without_code, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups_found ())), >=, in_branch);
  sam_test_save_screenshot (GTK_WIDGET (page), "organisation-search-branch");

  /* Typed on, the code is no longer a code: only names and codes hold it. */
  search_groups ("aoi-op");
  g_assert_true (found ("AOI-OP"));
  g_assert_false (found ("AOI"));

  /* Nothing found: the page says what was searched for, not an empty list. */
  search_groups ("intensivvard");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (groups_found ())), ==, 0);
  {
    GtkWidget *view = sam_test_find_widget_full (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, is_flat_view, NULL);
    GtkStack *lists = GTK_STACK (gtk_widget_get_ancestor (view, GTK_TYPE_STACK));
    GtkWidget *none = gtk_stack_get_visible_child (lists);
    const char *title = sam_test_tr ("No Matches for “intensivvard”", "Inga träffar för ”intensivvard”");

    g_assert_cmpstr (gtk_stack_get_visible_child_name (lists), ==, "none");
    g_assert_true (ADW_IS_STATUS_PAGE (none));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (none)), ==, title);
    sam_test_save_screenshot (GTK_WIDGET (page), "organisation-search-none");
  }
  search_groups ("intensivvård");
  g_assert_true (found ("AOI"));

  search_groups ("");
}

/* The people the People window's list shows, by name. */
static GPtrArray *
people_shown (GtkWindow *people)
{
  GtkWidget *view = sam_test_find_widget (GTK_WIDGET (people), GTK_TYPE_LIST_VIEW);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view)));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SamPerson) person = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (sam_person_get_name (person)));
    }

  return names;
}

/* The People window finds a family name as it finds any word: anywhere
 * in the name, whatever the case, å not a. */
static void
test_search_people (void)
{
  GtkWindow *people = open_dialog ("organisation.show-people", "SamPeopleWindow");
  GtkEditable *entry = GTK_EDITABLE (sam_test_find_widget (GTK_WIDGET (people), GTK_TYPE_SEARCH_ENTRY));
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) lindgren = NULL;
  guint expected = 0;

  /* The people are read in a worker. */
  sam_test_wait_for (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                       GTK_LIST_VIEW (sam_test_find_widget (GTK_WIDGET (people), GTK_TYPE_LIST_VIEW))))) > 0);
  all = people_shown (people);
  for (guint i = 0; i < all->len; i++)
    expected += strstr (all->pdata[i], "Lindgren") != NULL;
  g_assert_cmpuint (expected, >=, 2);

  gtk_editable_set_text (entry, "lindgren");
  g_signal_emit_by_name (entry, "search-changed");
  lindgren = people_shown (people);
  g_assert_cmpuint (lindgren->len, ==, expected);
  for (guint i = 0; i < lindgren->len; i++)
    g_assert_nonnull (strstr (lindgren->pdata[i], "Lindgren"));

  /* No one found: the list says so. */
  gtk_editable_set_text (entry, "lindgrén-x");
  g_signal_emit_by_name (entry, "search-changed");
  {
    GtkWidget *none = sam_test_find_widget (GTK_WIDGET (people), ADW_TYPE_STATUS_PAGE);

    while (none != NULL && !gtk_widget_get_visible (none))
      none = gtk_widget_get_next_sibling (none);
    g_assert_nonnull (none);
    g_assert_true (ADW_IS_STATUS_PAGE (none));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (none)), ==,
                     sam_test_tr ("No Matches for “lindgrén-x”", "Inga träffar för ”lindgrén-x”"));
    g_assert_false (gtk_widget_get_visible (gtk_widget_get_ancestor (sam_test_find_widget (GTK_WIDGET (people),
                                                                                           GTK_TYPE_LIST_VIEW),
                                                                     GTK_TYPE_SCROLLED_WINDOW)));
    sam_test_save_screenshot (gtk_widget_get_first_child (GTK_WIDGET (people)), "organisation-people-none");
  }
  gtk_editable_set_text (entry, "");
  g_signal_emit_by_name (entry, "search-changed");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      GTK_LIST_VIEW (sam_test_find_widget (GTK_WIDGET (people), GTK_TYPE_LIST_VIEW))))), ==, all->len);

  gtk_window_destroy (people);
}

/* The tree cuts names to its width, and many begin alike ("Samordningsråd
 * a…"): each row tells its whole name. */
static void
test_tree_whole_names (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint told = 0;

  sam_test_wait_until_drawn (GTK_WIDGET (page));
  sam_test_collect_widgets (GTK_WIDGET (page), SAM_TYPE_GROUP_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      SamGroupRow *group_row = g_ptr_array_index (rows, i);
      SamGroup *group = sam_group_row_get_group (group_row);

      if (group == NULL || !gtk_widget_get_mapped (GTK_WIDGET (group_row)))
        continue;
      g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (group_row)), ==, sam_group_get_name (group));
      told++;
    }
  g_assert_cmpuint (told, >, 0);
}

static void
test_create_council (void)
{
  GtkWindow *dialog;
  g_autoptr(SamGroup) council = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(SamCommission) commission = NULL;

  sam_organisation_page_select_group (page, NULL);

  /* An empty name is refused inline and nothing is stored. */
  dialog = open_dialog ("organisation.new-group", "SamGroupDialog");
  type_into (dialog, sam_test_tr ("Short Code", "Kortkod"), "GER");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (sam_test_find_toplevel (g_type_from_name ("SamGroupDialog")) == dialog);

  /* A short code another group has is refused too. */
  type_into (dialog, sam_test_tr ("Name", "Namn"), "Samordningsråd geriatrik och palliativ vård");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  g_assert_true (sam_test_find_toplevel (g_type_from_name ("SamGroupDialog")) == dialog);

  type_into (dialog, sam_test_tr ("Short Code", "Kortkod"), "GERPAL");
  type_into (dialog, sam_test_tr ("Established (YYYY-MM-DD)", "Inrättad (ÅÅÅÅ-MM-DD)"), "2026-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  wait_until_closed ("SamGroupDialog");
  council = group_by_code ("GERPAL");
  g_assert_nonnull (council);
  g_assert_cmpint (sam_group_get_kind (council), ==, SAM_GROUP_KIND_COUNCIL);
  g_assert_cmpstr (sam_group_get_uuid (sam_organisation_page_get_selected_group (page)), ==, sam_group_get_uuid (council));

  /* The commission */
  dialog = open_dialog ("organisation.edit-commission", "SamCommissionDialog");
  type_into (dialog, sam_test_tr ("Registry Number", "Diarienummer"), "RS 2026-01234");
  type_into (dialog, sam_test_tr ("Dated (YYYY-MM-DD)", "Daterad (ÅÅÅÅ-MM-DD)"), "2026-02-01");
  type_into (dialog, sam_test_tr ("Least Meetings a Year", "Minst antal möten per år"), "8");
  type_into (dialog, sam_test_tr ("Most Meetings a Year", "Högst antal möten per år"), "4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "commission.save", NULL));
  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), NULL);
  g_assert_null (commission);
  type_into (dialog, sam_test_tr ("Least Meetings a Year", "Minst antal möten per år"), "4");
  type_into (dialog, sam_test_tr ("Most Meetings a Year", "Högst antal möten per år"), "8");
  type_into (dialog, sam_test_tr ("Most Co-opted Members", "Högst antal adjungerade"), "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "commission.save", NULL));
  wait_until_closed ("SamCommissionDialog");
  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), &error);
  g_assert_no_error (error);
  g_assert_nonnull (commission);
  g_assert_cmpstr (sam_commission_get_registry_number (commission), ==, "RS 2026-01234");
  g_assert_cmpint (sam_commission_get_max_meetings (commission), ==, 8);

  warnings = sam_rules_check_group (store, sam_group_get_uuid (council), NULL, NULL);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_true (has_row_containing (GTK_WIDGET (page), sam_test_tr ("The council has no chair", "Rådet har ingen ordförande")));
}

static void
add_person (const char *name,
            const char *role_label,
            const char *organisation,
            const char *starts,
            const char *ends)
{
  GtkWindow *dialog = open_dialog ("organisation.add-role", "SamRoleDialog");
  GtkWidget *row;

  type_into (dialog, sam_test_tr ("Person", "Person"), name);
  row = sam_test_find_widget_full (GTK_WIDGET (dialog), GTK_TYPE_TOGGLE_BUTTON, toggle_labelled, role_label);
  g_assert_nonnull (row);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row), TRUE);
  type_into (dialog, sam_test_tr ("Represents", "Företräder"), organisation);
  type_into (dialog, sam_test_tr ("From (YYYY-MM-DD)", "Från (ÅÅÅÅ-MM-DD)"), starts);
  type_into (dialog, sam_test_tr ("To (YYYY-MM-DD)", "Till (ÅÅÅÅ-MM-DD)"), ends != NULL ? ends : "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "role.save", NULL));
  wait_until_closed ("SamRoleDialog");
}

static void
test_roles (void)
{
  g_autoptr(SamGroup) council = group_by_code ("GERPAL");
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  GtkWindow *dialog;
  gboolean same_organisation = FALSE;

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));

  /* An end before the start is refused inline. */
  dialog = open_dialog ("organisation.add-role", "SamRoleDialog");
  type_into (dialog, sam_test_tr ("Person", "Person"), "Greta Lind");
  type_into (dialog, sam_test_tr ("From (YYYY-MM-DD)", "Från (ÅÅÅÅ-MM-DD)"), "2026-05-01");
  type_into (dialog, sam_test_tr ("To (YYYY-MM-DD)", "Till (ÅÅÅÅ-MM-DD)"), "2026-04-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "role.save", NULL));
  g_assert_true (sam_test_find_toplevel (g_type_from_name ("SamRoleDialog")) == dialog);
  gtk_window_destroy (dialog);

  add_person ("Greta Lind", sam_test_tr ("Chair", "Ordförande"), "Sjukhusen i Sjöstad", "2026-01-01", NULL);
  add_person ("Hampus Berg", sam_test_tr ("Member", "Deltagare"), "Norrdalssjukhusen", "2026-01-01", NULL);
  add_person ("Ines Holm", sam_test_tr ("Member", "Deltagare"), "Sjukhusen i Sjöstad", "2026-01-01", NULL);
  add_person ("Johan Ek", sam_test_tr ("Contact person", "Kontaktperson"), "Sjukhusen i Sjöstad", "2026-01-01", NULL);

  assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (council), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 4);

  warnings = sam_rules_check_group (store, sam_group_get_uuid (council), NULL, NULL);
  for (guint i = 0; i < warnings->len; i++)
    same_organisation |= ((SamWarning *) g_ptr_array_index (warnings, i))->rule == SAM_RULE_CHAIR_CONTACT_SAME_ORGANISATION;
  g_assert_true (same_organisation);
  g_assert_true (has_row_containing (GTK_WIDGET (page), "Greta Lind"));
  g_assert_true (has_row_containing (GTK_WIDGET (page), sam_test_tr ("both come from", "kommer båda från")));
  sam_test_save_screenshot (GTK_WIDGET (page), "organisation-warnings");

  /* End Term ends the role it was opened for, on the day typed. */
  {
    g_autoptr(SamAssignment) chair = g_list_model_get_item (assignments, 0);
    g_autoptr(SamAssignment) ended = NULL;
    GtkWindow *confirm;

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.end-role", "s",
                                               sam_assignment_get_uuid (chair)));
    confirm = sam_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
    g_assert_nonnull (confirm);
    /* The dialog says whose term it ends, and in which role (#17). */
    g_assert_nonnull (strstr (adw_message_dialog_get_heading (ADW_MESSAGE_DIALOG (confirm)), "Greta Lind"));
    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (confirm)),
                              sam_test_tr ("chair", "ordförande")));
    gtk_editable_set_text (GTK_EDITABLE (adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (confirm))),
                           "2026-06-30");
    adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "end");
    ended = sam_store_dup_by_uuid (store, SAM_TYPE_ASSIGNMENT, sam_assignment_get_uuid (chair), NULL);
    g_assert_cmpstr (sam_assignment_get_ends (ended), ==, "2026-06-30");
  }
}

/* A vacant seat is filled from its row: “Tillsätt…” opens the Add Role
 * dialog with the seat's organisation as whom the new member represents,
 * and the member saved represents it (#17). */
static gboolean
is_fill_button (GtkWidget     *widget,
                gconstpointer  data)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), "organisation.fill-seat") == 0 &&
         gtk_widget_get_mapped (widget);
}

/* The Add Seat dialog, among the message dialogs that may be open. */
static GtkWindow *
seat_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data) &&
        sam_test_find_widget (l->data, GTK_TYPE_SPIN_BUTTON) != NULL)
      return l->data;

  return NULL;
}

static void
test_fill_seat (void)
{
  g_autoptr(SamGroup) council = group_by_code ("GERPAL");
  g_autoptr(GListModel) assignments = NULL;
  g_autofree char *organisation_uuid = NULL;
  g_autofree char *organisation_name = NULL;
  GtkWidget *fill;
  GtkWindow *confirm, *dialog;
  gboolean found = FALSE;

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.add-seat", NULL));
  sam_test_wait_for ((confirm = seat_dialog ()) != NULL);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (sam_test_find_widget (GTK_WIDGET (confirm), GTK_TYPE_SPIN_BUTTON)), 6);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (confirm), "add");

  sam_test_wait_for ((fill = sam_test_find_widget_full (GTK_WIDGET (page), GTK_TYPE_BUTTON, is_fill_button, NULL)) != NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (fill)), ==, sam_test_tr ("_Fill…", "_Tillsätt…"));
  g_variant_get (gtk_actionable_get_action_target_value (GTK_ACTIONABLE (fill)), "s", &organisation_uuid);
  organisation_name = sam_rules_dup_organisation_name (store, organisation_uuid);

  /* A button pressed from the keyboard is clicked once it has shown so. */
  gtk_widget_activate (fill);
  dialog = sam_test_wait_for_toplevel (g_type_from_name ("SamRoleDialog"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                                           sam_test_tr ("Represents", "Företräder")))),
                   ==, organisation_name);
  type_into (dialog, sam_test_tr ("Person", "Person"), "Klara Vakansdotter");
  type_into (dialog, sam_test_tr ("From (YYYY-MM-DD)", "Från (ÅÅÅÅ-MM-DD)"), "2026-03-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "role.save", NULL));
  wait_until_closed ("SamRoleDialog");

  assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (council), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);
      g_autoptr(SamPerson) person = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, sam_assignment_get_person_uuid (a), NULL);

      if (g_strcmp0 (sam_person_get_name (person), "Klara Vakansdotter") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (sam_assignment_get_organisation_uuid (a), ==, organisation_uuid);
          g_assert_cmpint (sam_assignment_get_role (a), ==, SAM_ROLE_MEMBER);
        }
    }
  g_assert_true (found);
}

static void
test_move_delete_undo (void)
{
  g_autoptr(SamGroup) subgroup = group_by_code ("AOI-OP");
  g_autoptr(SamGroup) council = group_by_code ("GERPAL");
  g_autoptr(SamGroup) moved = NULL;
  g_autoptr(SamGroup) back = NULL;
  g_autoptr(SamGroup) gone = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *dialog;
  GtkWidget *entry;
  GListModel *targets;
  guint n_targets;

  g_assert_nonnull (subgroup);
  sam_organisation_page_select_group (page, sam_group_get_uuid (subgroup));

  dialog = open_dialog ("organisation.move-group", "SamMoveDialog");
  entry = sam_test_find_row (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);
  targets = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (sam_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW))));
  n_targets = g_list_model_get_n_items (targets);

  /* The process teams' names begin alike: each is shown whole. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "processteam");
  sam_test_wait_for (g_list_model_get_n_items (targets) < n_targets);
  sam_test_wait_until_drawn (GTK_WIDGET (dialog));
  {
    g_autoptr(GPtrArray) labels = g_ptr_array_new ();
    guint shown = 0;

    sam_test_collect_widgets (sam_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_LIST_VIEW), GTK_TYPE_LABEL, labels);
    for (guint i = 0; i < labels->len; i++)
      {
        GtkLabel *label = g_ptr_array_index (labels, i);

        if (!gtk_widget_get_mapped (GTK_WIDGET (label)))
          continue;
        shown++;
        if (pango_layout_is_ellipsized (gtk_label_get_layout (label)))
          g_error ("the move dialog cuts “%s”", gtk_label_get_text (label));
      }
    g_assert_cmpuint (shown, >=, 2);
    sam_test_save_screenshot (gtk_widget_get_first_child (GTK_WIDGET (dialog)), "organisation-move-names");
  }
  gtk_editable_set_text (GTK_EDITABLE (entry), "GERPAL");
  /* The entry says the search changed after a pause in typing. */
  sam_test_wait_for (g_list_model_get_n_items (targets) < n_targets);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.move", NULL));
  wait_until_closed ("SamMoveDialog");
  moved = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (subgroup), NULL);
  g_assert_cmpstr (sam_group_get_parent_uuid (moved), ==, sam_group_get_uuid (council));
  /* The move offers Undo in a toast over the page. */
  g_assert_nonnull (sam_test_find_widget_full (GTK_WIDGET (page), GTK_TYPE_BUTTON, is_undo_button, NULL));

  /* Delete the new council: refused while the subgroup is under it */
  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  g_assert_nonnull (sam_store_dup_group_references (store, sam_group_get_uuid (council), NULL));

  /* Undo the move, then delete the council and undo that */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  back = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (subgroup), NULL);
  g_assert_cmpstr (sam_group_get_parent_uuid (back), ==, sam_group_get_parent_uuid (subgroup));

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.delete-group", NULL));
  gone = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (council), NULL);
  g_assert_null (gone);
  g_assert_null (sam_organisation_page_get_selected_group (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  gone = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (council), NULL);
  g_assert_nonnull (gone);
  {
    g_autoptr(GListModel) assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (council), &error);

    g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 4);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.redo", NULL));
  g_clear_object (&gone);
  gone = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (council), NULL);
  g_assert_null (gone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  sam_test_save_screenshot (GTK_WIDGET (page), "organisation");
}

/* Toasts tell of the last action at once: undo then redo in quick
 * succession shows “Redone” straight away, where the overlay's queue
 * held it back behind “Undone” for the whole of that toast's timeout
 * (5 s), and a burst of edits ran a minute behind (#17). */
static void
test_toasts_replace (void)
{
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  SamUndo *undo = sam_organisation_page_get_undo (page);

  /* The edits of the tests before are there to undo. */
  g_assert_true (sam_undo_get_can_undo (undo));
  undone = g_strconcat (sam_test_tr ("Undone: ", "Ångrat: "), sam_undo_get_undo_label (undo), NULL);
  redone = g_strconcat (sam_test_tr ("Redone: ", "Gjort om: "), sam_undo_get_undo_label (undo), NULL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  sam_test_wait_for (label_shown (undone));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.redo", NULL));
  /* Well within the first toast's timeout. */
  g_assert_true (sam_test_wait_until (label_shown, redone, 2000, "the redo toast replaces the undo toast"));
  sam_test_wait_for (!label_shown (undone));
}

/* Typing the name of a person already in the register fills in the
 * organisation they come from as whom they represent, and typing on past
 * that name empties it again (#17). */
static void
test_role_prefills_represents (void)
{
  g_autoptr(GListModel) people = sam_store_list_people (store, NULL);
  g_autoptr(SamPerson) person = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *longer = NULL;
  GtkWindow *dialog;
  GtkEditable *represents;

  for (guint i = 0; person == NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SamPerson) p = g_list_model_get_item (people, i);

      if (sam_person_get_organisation_uuid (p) != NULL)
        person = g_steal_pointer (&p);
    }
  g_assert_nonnull (person);
  organisation = sam_rules_dup_organisation_name (store, sam_person_get_organisation_uuid (person));

  dialog = open_dialog ("organisation.add-role", "SamRoleDialog");
  represents = GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                sam_test_tr ("Represents", "Företräder")));
  g_assert_cmpstr (gtk_editable_get_text (represents), ==, "");
  type_into (dialog, sam_test_tr ("Person", "Person"), sam_person_get_name (person));
  g_assert_cmpstr (gtk_editable_get_text (represents), ==, organisation);
  longer = g_strconcat (sam_person_get_name (person), "sson", NULL);
  type_into (dialog, sam_test_tr ("Person", "Person"), longer);
  g_assert_cmpstr (gtk_editable_get_text (represents), ==, "");
  gtk_window_destroy (dialog);
}

static void
test_dialogs_open (void)
{
  GtkWindow *w;

  w = open_dialog ("organisation.show-people", "SamPeopleWindow");
  gtk_window_set_default_size (w, 960, 640);
  /* A person's job title is “Titel”; “Rubrik” is what a decision or a
   * meeting is called (#17). */
  g_assert_nonnull (sam_test_find_row (GTK_WIDGET (w), ADW_TYPE_ENTRY_ROW, sam_test_tr ("Title", "Titel")));
  sam_test_save_screenshot (gtk_widget_get_first_child (GTK_WIDGET (w)), "organisation-people");
  gtk_window_destroy (w);
  w = open_dialog ("organisation.all-terms", "SamTermsWindow");
  sam_test_wait_for (has_row_containing (GTK_WIDGET (w), "Lars Samuelsson"));
  gtk_window_destroy (w);
}

/* How many rows the register file's audit log holds, read beside the
 * window's own connection, as another program would. */
static gint64
count_audit_rows (SamStore *register_store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open_v2 (sam_store_get_path (register_store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* While the window writes, a reader may have to wait a moment. */
  sqlite3_busy_timeout (db, 10000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM audit_log", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

/* The group @group_uuid reports to, as the register holds it, or NULL */
static char *
dup_reports_to (SamStore   *register_store,
                const char *group_uuid)
{
  g_autoptr(GPtrArray) relations = sam_store_list_relations (register_store, group_uuid, NULL);
  char *to = NULL;

  g_assert_nonnull (relations);
  for (guint i = 0; i < relations->len; i++)
    {
      SamRelation *relation = g_ptr_array_index (relations, i);

      if (relation->kind == SAM_RELATION_KIND_REPORTS_TO && g_strcmp0 (relation->from_uuid, group_uuid) == 0)
        {
          g_assert_null (to);
          to = g_strdup (relation->to_uuid);
        }
    }

  return to;
}

static guint
position_of_string (GListModel *model,
                    const char *text)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i), text) == 0)
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* A process team made under a council reports to that council from the
 * start, in the same step to undo as the team itself, so it does not
 * warn that it reports to no one. */
static void
test_new_team_reports_to_council (void)
{
  g_autoptr(SamGroup) council = group_by_code ("KIR");
  g_autoptr(SamGroup) team = NULL;
  g_autoptr(SamGroup) gone = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *to = NULL;
  GtkWindow *dialog;

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  dialog = open_dialog ("organisation.new-group", "SamGroupDialog");
  type_into (dialog, sam_test_tr ("Name", "Namn"), "Regionalt processteam bråck");
  type_into (dialog, sam_test_tr ("Short Code", "Kortkod"), "PT-BRÅCK");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sam_test_find_widget (GTK_WIDGET (dialog), ADW_TYPE_COMBO_ROW)),
                              SAM_GROUP_KIND_PROCESS_TEAM);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  wait_until_closed ("SamGroupDialog");

  team = group_by_code ("PT-BRÅCK");
  g_assert_nonnull (team);
  g_assert_cmpint (sam_group_get_kind (team), ==, SAM_GROUP_KIND_PROCESS_TEAM);
  g_assert_cmpstr (sam_group_get_parent_uuid (team), ==, sam_group_get_uuid (council));
  to = dup_reports_to (store, sam_group_get_uuid (team));
  g_assert_cmpstr (to, ==, sam_group_get_uuid (council));
  warnings = sam_rules_check_group (store, sam_group_get_uuid (team), NULL, NULL);
  for (guint i = 0; i < warnings->len; i++)
    g_assert_cmpint (((SamWarning *) g_ptr_array_index (warnings, i))->rule, !=, SAM_RULE_PROCESS_TEAM_UNREPORTED);
  g_assert_false (has_row_containing (GTK_WIDGET (page), sam_test_tr ("reports to no council", "rapporterar inte till något samordningsråd")));

  /* One Undo takes away the team and what it reports to. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  gone = group_by_code ("PT-BRÅCK");
  g_assert_null (gone);
  g_clear_pointer (&to, g_free);
  to = dup_reports_to (store, sam_group_get_uuid (team));
  g_assert_null (to);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.redo", NULL));
  g_clear_pointer (&to, g_free);
  to = dup_reports_to (store, sam_group_get_uuid (team));
  g_assert_cmpstr (to, ==, sam_group_get_uuid (council));
}

/* The register's writes while one choice is made: a window that writes
 * again from its own refresh does so for ever, inside the one call that
 * made the choice, so the test stops it here rather than hang. */
static void
count_write_cb (SamStore *register_store,
                guint     table,
                guint    *n_writes)
{
  if (++*n_writes > 10)
    g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,
                         "one choice under Reports To wrote to the register more than 10 times");
}

/* Choosing a council under Reports To, in the real window, writes one
 * step and no more: refreshing the details after the write sets the
 * combo's model and selection again, which must not write again (it
 * did, for ever, and the window hung). */
static void
test_reports_to_writes_once (void)
{
  guint n_writes = 0;
  gulong handler;
  SamWindow *demo = sam_test_open_demo (1280, 800);
  SamStore *demo_store = sam_window_get_store (demo);
  SamOrganisationPage *demo_page;
  g_autoptr(SamGroup) team = sam_store_find_group_by_code (demo_store, "PT-SMÄRTA", NULL);
  g_autoptr(SamGroup) council = sam_store_find_group_by_code (demo_store, "KIR", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  AdwComboRow *reports;
  guint position;
  gint64 n_audit;

  g_assert_nonnull (team);
  g_assert_nonnull (council);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (demo), "win.show-page", "s", "organisation"));
  demo_page = SAM_ORGANISATION_PAGE (sam_test_find_widget (GTK_WIDGET (demo), SAM_TYPE_ORGANISATION_PAGE));
  g_assert_nonnull (demo_page);
  sam_organisation_page_select_group (demo_page, sam_group_get_uuid (team));
  sam_test_wait_until_drawn (GTK_WIDGET (demo));

  reports = ADW_COMBO_ROW (sam_test_find_row (GTK_WIDGET (demo_page), ADW_TYPE_COMBO_ROW,
                                              sam_test_tr ("Reports To", "Rapporterar till")));
  g_assert_nonnull (reports);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (reports)));
  before = dup_reports_to (demo_store, sam_group_get_uuid (team));
  g_assert_cmpstr (before, !=, sam_group_get_uuid (council));
  position = position_of_string (adw_combo_row_get_model (reports), sam_group_get_name (council));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  n_audit = count_audit_rows (demo_store);

  /* A refresh alone, as after any edit elsewhere, writes nothing. */
  sam_store_emit_changed (demo_store);
  sam_test_wait_for (!g_main_context_pending (NULL));
  g_assert_cmpint (count_audit_rows (demo_store), ==, n_audit);

  /* As a click in the row's list does */
  handler = g_signal_connect (demo_store, "changed", G_CALLBACK (count_write_cb), &n_writes);
  adw_combo_row_set_selected (reports, position);
  sam_test_wait_for (!g_main_context_pending (NULL));

  g_assert_cmpint (count_audit_rows (demo_store), ==, n_audit + 1);
  after = dup_reports_to (demo_store, sam_group_get_uuid (team));
  g_assert_cmpstr (after, ==, sam_group_get_uuid (council));
  /* The row shows what was chosen, and still nothing more is written. */
  reports = ADW_COMBO_ROW (sam_test_find_row (GTK_WIDGET (demo_page), ADW_TYPE_COMBO_ROW,
                                              sam_test_tr ("Reports To", "Rapporterar till")));
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (adw_combo_row_get_model (reports)),
                                               adw_combo_row_get_selected (reports)),
                   ==, sam_group_get_name (council));
  sam_test_wait_until_drawn (GTK_WIDGET (demo));
  g_assert_cmpint (count_audit_rows (demo_store), ==, n_audit + 1);
  g_assert_cmpuint (n_writes, ==, 1);
  g_signal_handler_disconnect (demo_store, handler);

  gtk_window_destroy (GTK_WINDOW (demo));
}

/* A row's title and subtitle: they wrap to the width given, and asked
 * how wide they must be for some height, the answer is their width for
 * any height (not a search through widths, one text layout each). */
static void
test_detail_title (void)
{
  GtkWidget *title = g_object_ref_sink (sam_detail_title_new ());
  GtkWidget *label = gtk_label_new ("Mandatperioden har gått ut utan efterträdare: "
                                    "Greta Lind (ordförande, till 2026-06-30), "
                                    "Johan Ek (kontaktperson, till 2026-06-30)");
  GtkWidget *subtitle = gtk_label_new ("Samordningsråd");
  int narrow_min, narrow_nat, wide_min, wide_nat, min, nat, any_min, any_nat, one_line;

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  sam_detail_title_append (SAM_DETAIL_TITLE (title), label);
  sam_detail_title_append (SAM_DETAIL_TITLE (title), subtitle);
  g_assert_true (gtk_widget_get_first_child (title) == label);
  g_assert_true (gtk_widget_has_css_class (title, "title"));

  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 150, &narrow_min, &narrow_nat, NULL, NULL);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 2000, &wide_min, &wide_nat, NULL, NULL);
  gtk_widget_measure (subtitle, GTK_ORIENTATION_VERTICAL, -1, &one_line, NULL, NULL, NULL);
  g_test_message ("title and subtitle: %d px high at 150 px wide, %d px at 2000 px", narrow_nat, wide_nat);
  g_assert_cmpint (narrow_nat, >, wide_nat);
  g_assert_cmpint (wide_nat, >=, 2 * one_line);

  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, -1, &any_min, &any_nat, NULL, NULL);
  gtk_widget_measure (title, GTK_ORIENTATION_HORIZONTAL, one_line, &min, &nat, NULL, NULL);
  g_assert_cmpint (min, ==, any_min);
  g_assert_cmpint (nat, ==, any_nat);

  /* Without its subtitle, it is as high as its label */
  gtk_widget_set_visible (subtitle, FALSE);
  gtk_widget_measure (title, GTK_ORIENTATION_VERTICAL, 2000, &min, &nat, NULL, NULL);
  gtk_widget_measure (label, GTK_ORIENTATION_VERTICAL, 2000, &wide_min, &wide_nat, NULL, NULL);
  g_assert_cmpint (nat, ==, wide_nat);

  g_object_unref (title);
}

/* Whether the file dialog has loaded @dir, which it does in the background
 * and before which it does not answer. */
static gboolean
chooser_is_in (GtkWindow  *dialog,
               const char *dir)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *parent = file != NULL ? g_path_get_dirname (g_file_peek_path (file)) : NULL;

  return g_strcmp0 (parent, dir) == 0;
}

/* The page's menu saves the register keeper's list of groups: the file
 * dialog opens with a name for it, and the CSV written holds every group
 * with its roles. */
static void
test_export_group_list (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-group-list-XXXXXX");
  g_autofree char *csv = g_build_filename (dir, "grupper.csv", NULL);
  g_autofree char *pdf = g_build_filename (dir, "grupper.pdf", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  /* The dialog opens in the current folder; the native dialog's answer is
   * read from there, whatever the fallback dialog is moved to. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.export-group-list", "s", "csv"));
  dialog = sam_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ".csv"));
  /* A name typed without its extension gets the one the menu item named. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "grupper");
  sam_test_wait_for (chooser_is_in (dialog, dir));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  sam_test_wait_for (g_file_test (csv, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, ";AOI;Samordningsråd anestesi, operation, intensivvård;"));
  g_assert_nonnull (strstr (text, ";Katarina Nordström;Amra Andreasson;Ingrid Abrahamsson;RS 2024-00784;"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.export-group-list", "s", "pdf"));
  dialog = sam_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "grupper.pdf");
  sam_test_wait_for (chooser_is_in (dialog, dir));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  sam_test_wait_for (g_file_test (pdf, G_FILE_TEST_EXISTS));
  {
    g_autofree char *info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);

    g_assert_nonnull (strstr (info, "Tagged:          yes"));
    g_assert_nonnull (strstr (info, "841.89 x 595.28"));
  }

  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (sam_test_remove_tree (dir));
}

/* A report printed as the pages do it: to a PDF on A4, with its text */
static void
test_print_report (void)
{
  g_autoptr(SamReport) report = sam_person_roles_doc_new (store, "0ee3be4c-2d55-43d7-a57b-3078e52b5e3c", NULL, NULL);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "samordna-test-print-report.pdf", NULL);
  g_autofree char *info = NULL;
  g_autofree char *text = NULL;

  g_assert_nonnull (report);
  operation = sam_gui_print_operation_new (report);
  g_clear_object (&report);     /* the operation keeps it */
  gtk_print_operation_set_export_filename (operation, pdf);
  g_assert_cmpint (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, window, &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
  g_assert_nonnull (strstr (info, "(A4)"));
  text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
  g_assert_nonnull (strstr (text, "Katarina Nordström"));
  g_unlink (pdf);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  sam_test_ui_init (&argc, &argv);
  sam_gui_ensure_types ();
  sam_test_ui_start_application ();

  store = sam_demo_open (&demo_dir, &error);
  g_assert_no_error (error);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  page = g_object_new (SAM_TYPE_ORGANISATION_PAGE, "store", store, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  sam_test_wait_until_mapped (GTK_WIDGET (window));

  g_test_add_func ("/organisation-page/browse", test_browse);
  g_test_add_func ("/organisation-page/search-anywhere", test_search_anywhere);
  g_test_add_func ("/organisation-page/search-people", test_search_people);
  g_test_add_func ("/organisation-page/tree-whole-names", test_tree_whole_names);
  g_test_add_func ("/organisation-page/create-council", test_create_council);
  g_test_add_func ("/organisation-page/roles", test_roles);
  g_test_add_func ("/organisation-page/move-delete-undo", test_move_delete_undo);
  g_test_add_func ("/organisation-page/toasts-replace", test_toasts_replace);
  g_test_add_func ("/organisation-page/fill-seat", test_fill_seat);
  g_test_add_func ("/organisation-page/role-prefills-represents", test_role_prefills_represents);
  g_test_add_func ("/organisation-page/dialogs", test_dialogs_open);
  g_test_add_func ("/organisation-page/detail-title", test_detail_title);
  g_test_add_func ("/organisation-page/print-report", test_print_report);
  g_test_add_func ("/organisation-page/export-group-list", test_export_group_list);
  g_test_add_func ("/organisation-page/new-team-reports-to-council", test_new_team_reports_to_council);
  g_test_add_func ("/organisation-page/reports-to-writes-once", test_reports_to_writes_once);

  ret = sam_test_ui_run ();

  gtk_window_destroy (window);
  g_clear_object (&store);
  sam_demo_remove (demo_dir);
  g_free (demo_dir);

  return ret;
}

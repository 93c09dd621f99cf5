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

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "sam-demo.h"
#include "sam-gui.h"
#include "sam-i18n.h"
#include "sam-organisation-page.h"
#include "sam-rules.h"
#include "sam-store-structure.h"

static gboolean swedish;
static char *demo_dir;
static SamStore *store;
static GtkWindow *window;
static SamOrganisationPage *page;

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
find_row (GtkWidget  *root,
          GType       type,
          const char *title)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (title == NULL || (ADW_IS_PREFERENCES_ROW (root) &&
                         g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)), title) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row (child, type, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_toggle (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toggle (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
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

static GtkWindow *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (GTK_WIDGET (w)))
        return w;
    }

  return NULL;
}

static GtkWindow *
open_dialog (const char *action,
             const char *type_name)
{
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), action, NULL));
  run_for (100);
  dialog = find_toplevel (g_type_from_name (type_name));
  g_assert_nonnull (dialog);

  return dialog;
}

static void
type_into (GtkWindow  *dialog,
           const char *title,
           const char *text)
{
  GtkWidget *row = find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, title);

  if (row == NULL)
    g_error ("no entry row “%s”", title);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
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
  g_autofree char *path = NULL;
  int width, height;

  /* Let the page lay out and draw what it just built. */
  run_for (400);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  live = gtk_widget_paintable_new (widget);
  paintable = gdk_paintable_get_current_image (live);
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 }, &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

static const char *
tr (const char *english,
    const char *svenska)
{
  return swedish ? svenska : english;
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
  run_for (100);
  g_assert_nonnull (sam_organisation_page_get_selected_group (page));
  g_assert_cmpstr (sam_group_get_code (sam_organisation_page_get_selected_group (page)), ==, "AOI");

  details = GTK_WIDGET (page);
  g_assert_true (has_row_containing (details, "Katarina Nordström"));
  save_screenshot (GTK_WIDGET (page), swedish ? "organisation-aoi-sv.png" : "organisation-aoi.png");

  /* Search shows a flat list; the selection follows. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.search", NULL));
  run_for (50);
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
  run_for (50);

  /* An empty name is refused inline and nothing is stored. */
  dialog = open_dialog ("organisation.new-group", "SamGroupDialog");
  type_into (dialog, tr ("Short Code", "Kortnamn"), "GER");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  run_for (50);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (find_toplevel (g_type_from_name ("SamGroupDialog")) == dialog);

  /* A short code another group has is refused too. */
  type_into (dialog, tr ("Name", "Namn"), "Samordningsråd geriatrik och palliativ vård");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  run_for (50);
  g_assert_true (find_toplevel (g_type_from_name ("SamGroupDialog")) == dialog);

  type_into (dialog, tr ("Short Code", "Kortnamn"), "GERPAL");
  type_into (dialog, tr ("Established (YYYY-MM-DD)", "Inrättad (ÅÅÅÅ-MM-DD)"), "2026-01-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  run_for (100);
  council = group_by_code ("GERPAL");
  g_assert_nonnull (council);
  g_assert_cmpint (sam_group_get_kind (council), ==, SAM_GROUP_KIND_COUNCIL);
  g_assert_cmpstr (sam_group_get_uuid (sam_organisation_page_get_selected_group (page)), ==, sam_group_get_uuid (council));

  /* The commission */
  dialog = open_dialog ("organisation.edit-commission", "SamCommissionDialog");
  type_into (dialog, tr ("Registry Number", "Diarienummer"), "RS 2026-01234");
  type_into (dialog, tr ("Dated (YYYY-MM-DD)", "Daterad (ÅÅÅÅ-MM-DD)"), "2026-02-01");
  type_into (dialog, tr ("Least Meetings a Year", "Minst antal möten per år"), "8");
  type_into (dialog, tr ("Most Meetings a Year", "Högst antal möten per år"), "4");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "commission.save", NULL));
  run_for (50);
  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), NULL);
  g_assert_null (commission);
  type_into (dialog, tr ("Least Meetings a Year", "Minst antal möten per år"), "4");
  type_into (dialog, tr ("Most Meetings a Year", "Högst antal möten per år"), "8");
  type_into (dialog, tr ("Most Co-opted Members", "Högst antal adjungerade"), "2");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "commission.save", NULL));
  run_for (100);
  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), &error);
  g_assert_no_error (error);
  g_assert_nonnull (commission);
  g_assert_cmpstr (sam_commission_get_registry_number (commission), ==, "RS 2026-01234");
  g_assert_cmpint (sam_commission_get_max_meetings (commission), ==, 8);

  warnings = sam_rules_check_group (store, sam_group_get_uuid (council), NULL, NULL);
  g_assert_cmpuint (warnings->len, ==, 3);
  g_assert_true (has_row_containing (GTK_WIDGET (page), tr ("The council has no chair", "Rådet har ingen ordförande")));
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

  type_into (dialog, tr ("Person", "Person"), name);
  row = find_toggle (GTK_WIDGET (dialog), role_label);
  g_assert_nonnull (row);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (row), TRUE);
  type_into (dialog, tr ("Represents", "Företräder"), organisation);
  type_into (dialog, tr ("From (YYYY-MM-DD)", "Från (ÅÅÅÅ-MM-DD)"), starts);
  type_into (dialog, tr ("To (YYYY-MM-DD)", "Till (ÅÅÅÅ-MM-DD)"), ends != NULL ? ends : "");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "role.save", NULL));
  run_for (100);
  g_assert_null (find_toplevel (g_type_from_name ("SamRoleDialog")));
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
  run_for (50);

  /* An end before the start is refused inline. */
  dialog = open_dialog ("organisation.add-role", "SamRoleDialog");
  type_into (dialog, tr ("Person", "Person"), "Greta Lind");
  type_into (dialog, tr ("From (YYYY-MM-DD)", "Från (ÅÅÅÅ-MM-DD)"), "2026-05-01");
  type_into (dialog, tr ("To (YYYY-MM-DD)", "Till (ÅÅÅÅ-MM-DD)"), "2026-04-01");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "role.save", NULL));
  run_for (50);
  g_assert_true (find_toplevel (g_type_from_name ("SamRoleDialog")) == dialog);
  gtk_window_destroy (dialog);

  add_person ("Greta Lind", tr ("Chair", "Ordförande"), "Sjukhusen i Sjöstad", "2026-01-01", NULL);
  add_person ("Hampus Berg", tr ("Member", "Deltagare"), "Norrdalssjukhusen", "2026-01-01", NULL);
  add_person ("Ines Holm", tr ("Member", "Deltagare"), "Sjukhusen i Sjöstad", "2026-01-01", NULL);
  add_person ("Johan Ek", tr ("Contact person", "Kontaktperson"), "Sjukhusen i Sjöstad", "2026-01-01", NULL);

  assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (council), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 4);

  warnings = sam_rules_check_group (store, sam_group_get_uuid (council), NULL, NULL);
  for (guint i = 0; i < warnings->len; i++)
    same_organisation |= ((SamWarning *) g_ptr_array_index (warnings, i))->rule == SAM_RULE_CHAIR_CONTACT_SAME_ORGANISATION;
  g_assert_true (same_organisation);
  g_assert_true (has_row_containing (GTK_WIDGET (page), "Greta Lind"));
  g_assert_true (has_row_containing (GTK_WIDGET (page), tr ("both come from", "kommer båda från")));
  save_screenshot (GTK_WIDGET (page), swedish ? "organisation-warnings-sv.png" : "organisation-warnings.png");
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

  g_assert_nonnull (subgroup);
  sam_organisation_page_select_group (page, sam_group_get_uuid (subgroup));
  run_for (50);

  dialog = open_dialog ("organisation.move-group", "SamMoveDialog");
  entry = find_row (GTK_WIDGET (dialog), GTK_TYPE_SEARCH_ENTRY, NULL);
  gtk_editable_set_text (GTK_EDITABLE (entry), "GERPAL");
  run_for (200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "move.move", NULL));
  run_for (100);
  moved = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (subgroup), NULL);
  g_assert_cmpstr (sam_group_get_parent_uuid (moved), ==, sam_group_get_uuid (council));

  /* Delete the new council: refused while the subgroup is under it */
  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  run_for (50);
  g_assert_nonnull (sam_store_dup_group_references (store, sam_group_get_uuid (council), NULL));

  /* Undo the move, then delete the council and undo that */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  run_for (50);
  back = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (subgroup), NULL);
  g_assert_cmpstr (sam_group_get_parent_uuid (back), ==, sam_group_get_parent_uuid (subgroup));

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  run_for (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.delete-group", NULL));
  run_for (50);
  gone = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (council), NULL);
  g_assert_null (gone);
  g_assert_null (sam_organisation_page_get_selected_group (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  run_for (50);
  gone = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (council), NULL);
  g_assert_nonnull (gone);
  {
    g_autoptr(GListModel) assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (council), &error);

    g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 4);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.redo", NULL));
  run_for (50);
  g_clear_object (&gone);
  gone = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_uuid (council), NULL);
  g_assert_null (gone);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.undo", NULL));
  run_for (50);

  sam_organisation_page_select_group (page, sam_group_get_uuid (council));
  run_for (100);
  save_screenshot (GTK_WIDGET (page), swedish ? "organisation-sv.png" : "organisation.png");
}

static void
test_dialogs_open (void)
{
  GtkWindow *w;

  w = open_dialog ("organisation.show-people", "SamPeopleWindow");
  gtk_window_set_default_size (w, 960, 640);
  run_for (200);
  save_screenshot (gtk_widget_get_first_child (GTK_WIDGET (w)), swedish ? "organisation-people-sv.png" : "organisation-people.png");
  gtk_window_destroy (w);
  w = open_dialog ("organisation.all-terms", "SamTermsWindow");
  run_for (100);
  g_assert_true (has_row_containing (GTK_WIDGET (w), "Lars Samuelsson"));
  gtk_window_destroy (w);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  sam_i18n_init ();
  swedish = g_strcmp0 (g_getenv ("LANGUAGE"), "sv") == 0;
  g_test_init (&argc, &argv, NULL);
  gtk_init ();
  adw_init ();
  sam_gui_ensure_types ();

  store = sam_demo_open (&demo_dir, &error);
  g_assert_no_error (error);
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 1280, 800);
  page = g_object_new (SAM_TYPE_ORGANISATION_PAGE, "store", store, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  run_for (500);

  g_test_add_func ("/organisation-page/browse", test_browse);
  g_test_add_func ("/organisation-page/create-council", test_create_council);
  g_test_add_func ("/organisation-page/roles", test_roles);
  g_test_add_func ("/organisation-page/move-delete-undo", test_move_delete_undo);
  g_test_add_func ("/organisation-page/dialogs", test_dialogs_open);

  ret = g_test_run ();

  gtk_window_destroy (window);
  g_clear_object (&store);
  sam_demo_remove (demo_dir);
  g_free (demo_dir);

  return ret;
}

/* test-organisation-lists.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Organisation page's two lists (the tree and the groups found) on a
 * register of 600 groups, in a window too small to show them all, under
 * Xvfb: the list of groups found tells the list view only what changed
 * and keeps its items; the rows in view show their group's name and code
 * wherever the list is scrolled to and after a branch closes; a search
 * keeps the chosen group while it still finds it. A screenshot of a
 * search is written to the build directory.
 */

#include "config.h"

#include <string.h>

#include <adwaita.h>

#include "sam-group-matches.h"
#include "sam-group-row.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-organisation-page.h"
#include "sam-store-structure.h"
#include "sam-test-ui.h"
#include "sam-test-util.h"

#define N_GROUPS 600

static char *dir;
static SamStore *store;
static GtkWindow *window;
static SamOrganisationPage *page;

/* The list of groups found */

typedef struct
{
  guint position, removed, added;
  guint n_signals;
} Change;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Change     *change)
{
  change->position = position;
  change->removed = removed;
  change->added = added;
  change->n_signals++;
}

static void
assert_change (Change *change,
               guint   position,
               guint   removed,
               guint   added)
{
  g_assert_cmpuint (change->n_signals, ==, 1);
  g_assert_cmpuint (change->position, ==, position);
  g_assert_cmpuint (change->removed, ==, removed);
  g_assert_cmpuint (change->added, ==, added);
  change->n_signals = 0;
}

static SamGroup *
group_at (SamGroupMatches *matches,
          guint            position)
{
  g_autoptr(SamGroupMatch) place = g_list_model_get_item (G_LIST_MODEL (matches), position);

  g_assert_true (sam_group_matches_get (matches, position) == sam_group_match_get_group (place));
  return sam_group_match_get_group (place);
}

static void
test_matches (void)
{
  g_autoptr(SamGroupMatches) matches = sam_group_matches_new ();
  g_autoptr(SamGroup) a = g_object_new (SAM_TYPE_GROUP, "uuid", "a", NULL);
  g_autoptr(SamGroup) b = g_object_new (SAM_TYPE_GROUP, "uuid", "b", NULL);
  g_autoptr(SamGroup) c = g_object_new (SAM_TYPE_GROUP, "uuid", "c", NULL);
  g_autoptr(SamGroup) d = g_object_new (SAM_TYPE_GROUP, "uuid", "d", NULL);
  g_autoptr(SamGroupMatch) first = NULL;
  g_autoptr(SamGroupMatch) second = NULL;
  g_autoptr(SamGroupMatch) item = NULL;
  SamGroup *abc[] = { a, b, c };
  SamGroup *ac[] = { a, c };
  SamGroup *bacd[] = { b, a, c, d };
  Change change = { 0 };

  g_signal_connect (matches, "items-changed", G_CALLBACK (items_changed_cb), &change);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (matches)) == SAM_TYPE_GROUP_MATCH);

  sam_group_matches_set (matches, abc, 3);
  assert_change (&change, 0, 0, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (matches)), ==, 3);
  g_assert_true (group_at (matches, 0) == a && group_at (matches, 1) == b && group_at (matches, 2) == c);
  first = g_list_model_get_item (G_LIST_MODEL (matches), 0);
  second = g_list_model_get_item (G_LIST_MODEL (matches), 1);

  /* A narrower search: the first place is left alone, the second shows
   * another group and stays the same item, the third goes. */
  sam_group_matches_set (matches, ac, 2);
  assert_change (&change, 1, 2, 1);
  g_assert_true (group_at (matches, 0) == a && group_at (matches, 1) == c);
  item = g_list_model_get_item (G_LIST_MODEL (matches), 1);
  g_assert_true (item == second);
  g_assert_true (sam_group_match_get_group (second) == c);
  g_clear_object (&item);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (matches), 2));
  g_assert_null (sam_group_matches_get (matches, 2));

  /* The same groups again: nothing to tell */
  sam_group_matches_set (matches, ac, 2);
  g_assert_cmpuint (change.n_signals, ==, 0);

  /* A wider search: the places there were keep their items */
  sam_group_matches_set (matches, bacd, 4);
  assert_change (&change, 0, 2, 4);
  item = g_list_model_get_item (G_LIST_MODEL (matches), 0);
  g_assert_true (item == first);
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (matches), 1);
  g_assert_true (item == second);
  g_clear_object (&item);
  g_assert_true (group_at (matches, 0) == b && group_at (matches, 1) == a &&
                 group_at (matches, 2) == c && group_at (matches, 3) == d);
  g_assert_cmpint (sam_group_matches_find (matches, "d"), ==, 3);
  g_assert_cmpint (sam_group_matches_find (matches, "b"), ==, 0);
  g_assert_cmpint (sam_group_matches_find (matches, "x"), ==, -1);

  sam_group_matches_set (matches, NULL, 0);
  assert_change (&change, 0, 4, 0);
  g_assert_cmpint (sam_group_matches_find (matches, "a"), ==, -1);
}

/* The rows drawn */

static guint
count_text_nodes (GskRenderNode *node)
{
  guint n = 0;

  if (node == NULL)
    return 0;

  switch ((int) gsk_render_node_get_node_type (node))
    {
    case GSK_TEXT_NODE:
      return 1;
    case GSK_CONTAINER_NODE:
      for (guint i = 0; i < gsk_container_node_get_n_children (node); i++)
        n += count_text_nodes (gsk_container_node_get_child (node, i));
      return n;
    case GSK_TRANSFORM_NODE:
      return count_text_nodes (gsk_transform_node_get_child (node));
    case GSK_CLIP_NODE:
      return count_text_nodes (gsk_clip_node_get_child (node));
    case GSK_ROUNDED_CLIP_NODE:
      return count_text_nodes (gsk_rounded_clip_node_get_child (node));
    case GSK_OPACITY_NODE:
      return count_text_nodes (gsk_opacity_node_get_child (node));
    case GSK_COLOR_MATRIX_NODE:
      return count_text_nodes (gsk_color_matrix_node_get_child (node));
    case GSK_DEBUG_NODE:
      return count_text_nodes (gsk_debug_node_get_child (node));
    default:
      return 0;
    }
}

/* The texts drawn in @view as it is on screen now (its last frame) */
static guint
texts_drawn (GtkWidget *view)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (view);
  g_autoptr(GdkPaintable) image = gdk_paintable_get_current_image (live);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;

  gdk_paintable_snapshot (image, snapshot, gtk_widget_get_width (view), gtk_widget_get_height (view));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));

  return count_text_nodes (node);
}

/* The rows of @view at least partly in view, and all its rows */
static guint
rows_in_view (GtkWidget *view,
              guint     *n_rows)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  guint n = 0;

  sam_test_collect_widgets (view, SAM_TYPE_GROUP_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (rows, i);
      graphene_rect_t bounds;

      if (gtk_widget_get_mapped (row) &&
          gtk_widget_compute_bounds (row, view, &bounds) &&
          bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (view))
        n++;
    }
  *n_rows = rows->len;

  return n;
}

/* Each row in view draws its name and short code. */
static void
assert_rows_in_view_drawn (GtkWidget  *view,
                           const char *where)
{
  guint n_rows, in_view = rows_in_view (view, &n_rows);
  guint texts = texts_drawn (view);

  g_test_message ("%s: %u rows in view of %u, %u texts drawn", where, in_view, n_rows, texts);
  g_assert_cmpuint (in_view, >, 5);
  g_assert_cmpuint (texts, >=, 2 * in_view);
}

/* The page's list view over @model_type, inside a selection */
static GtkWidget *
list_view_over (GType model_type)
{
  g_autoptr(GPtrArray) views = g_ptr_array_new ();

  sam_test_collect_widgets (GTK_WIDGET (page), GTK_TYPE_LIST_VIEW, views);
  for (guint i = 0; i < views->len; i++)
    {
      GtkSelectionModel *selection = gtk_list_view_get_model (g_ptr_array_index (views, i));

      if (GTK_IS_SINGLE_SELECTION (selection) &&
          G_TYPE_CHECK_INSTANCE_TYPE (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (selection)), model_type))
        return g_ptr_array_index (views, i);
    }

  g_assert_not_reached ();
}

static void
test_rows_drawn_in_view (void)
{
  GtkWidget *view = list_view_over (GTK_TYPE_TREE_LIST_MODEL);
  GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  g_autoptr(SamGroup) under = sam_store_find_group_by_code (store, "U05", NULL);
  GtkTreeListModel *tree = GTK_TREE_LIST_MODEL (gtk_single_selection_get_model (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view)))));
  g_autoptr(GtkTreeListRow) row = NULL;

  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  sam_test_wait_until_drawn (view);
  assert_rows_in_view_drawn (view, "at the top");

  /* Scrolled by a few rows, and by much more than the rows kept */
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + 100);
  sam_test_wait_until_drawn (view);
  assert_rows_in_view_drawn (view, "a little further down");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
  sam_test_wait_until_drawn (view);
  assert_rows_in_view_drawn (view, "in the middle");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  sam_test_wait_until_drawn (view);
  assert_rows_in_view_drawn (view, "at the end");

  /* Rows move up into view, bound to the same items, when a branch
   * above them closes. */
  sam_organisation_page_select_group (page, sam_group_get_uuid (under));
  gtk_adjustment_set_value (adjustment, 0);
  sam_test_wait_until_drawn (view);
  assert_rows_in_view_drawn (view, "at the top, with a branch open");
  row = gtk_tree_list_model_get_row (tree, 1);
  g_assert_true (gtk_tree_list_row_get_expanded (row));
  gtk_tree_list_row_set_expanded (row, FALSE);
  sam_test_wait_until_drawn (view);
  assert_rows_in_view_drawn (view, "after closing the branch");
}

/* Searching */

static GtkEditable *
search_entry (void)
{
  GtkWidget *bar = sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_BAR);

  g_assert_nonnull (bar);
  return GTK_EDITABLE (sam_test_find_widget (bar, GTK_TYPE_SEARCH_ENTRY));
}

static void
search (const char *text)
{
  GtkEditable *entry = search_entry ();

  gtk_editable_set_text (entry, text);
  /* Not waiting for the entry's pause in typing */
  g_signal_emit_by_name (entry, "search-changed");
  sam_test_wait_until_drawn (GTK_WIDGET (page));
}

static GtkWidget *
flat_view (void)
{
  return list_view_over (SAM_TYPE_GROUP_MATCHES);
}

static guint
n_found (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (flat_view ()))));
}

static const char *
selected_code (void)
{
  SamGroup *group = sam_organisation_page_get_selected_group (page);

  return group != NULL ? sam_group_get_code (group) : NULL;
}

static guint
selected_position (GtkWidget *view)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
}

/* Typing at the end of the search, or deleting from it, as a user does */
static void
type (const char *text)
{
  GtkEditable *entry = search_entry ();

  if (text != NULL)
    {
      int position = -1;

      gtk_editable_insert_text (entry, text, -1, &position);
    }
  else
    gtk_editable_delete_text (entry, g_utf8_strlen (gtk_editable_get_text (entry), -1) - 1, -1);
  g_signal_emit_by_name (entry, "search-changed");
  sam_test_wait_until_drawn (GTK_WIDGET (page));
}

static void
test_search (void)
{
  g_autoptr(SamGroup) g123 = sam_store_find_group_by_code (store, "G123", NULL);
  GtkWidget *view;

  /* Ctrl+F shows the search; "Råd" is in the names of every third group. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "organisation.search", NULL));
  search ("råd");
  view = flat_view ();
  g_assert_cmpuint (n_found (), ==, N_GROUPS / 3);
  assert_rows_in_view_drawn (view, "groups found");

  sam_organisation_page_select_group (page, sam_group_get_uuid (g123));
  g_assert_cmpstr (selected_code (), ==, "G123");

  /* Typing on: still found, still chosen */
  type (" 1");
  type ("2");
  g_assert_cmpuint (n_found (), ==, 4);         /* Råd 120, 123, 126 and 129 */
  g_assert_cmpstr (selected_code (), ==, "G123");
  g_assert_cmpuint (selected_position (view), ==, 1);
  type ("3");
  g_assert_cmpuint (n_found (), ==, 1);
  g_assert_cmpuint (selected_position (view), ==, 0);
  sam_test_save_screenshot (GTK_WIDGET (page), "organisation-search");

  /* Deleting: more is found, and the group stays chosen */
  type (NULL);
  type (NULL);
  g_assert_cmpuint (n_found (), ==, 33);        /* Råd 102, 105 … 198 */
  g_assert_cmpstr (selected_code (), ==, "G123");
  g_assert_cmpuint (selected_position (view), ==, 7);

  /* A search that does not find it leaves it in the details, chosen in
   * no row; found again, it is chosen again. */
  type ("3");
  g_assert_cmpuint (n_found (), ==, 3);         /* Råd 132, 135 and 138 */
  g_assert_cmpuint (selected_position (view), ==, GTK_INVALID_LIST_POSITION);
  g_assert_cmpstr (selected_code (), ==, "G123");
  type (NULL);
  type ("2");
  g_assert_cmpuint (selected_position (view), ==, 1);

  /* Wider again: every row in view shows the group at its place */
  search ("råd");
  g_assert_cmpuint (n_found (), ==, N_GROUPS / 3);
  g_assert_cmpstr (selected_code (), ==, "G123");
  assert_rows_in_view_drawn (view, "groups found again");
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    guint shown = 0;

    search ("råd 13");
    sam_test_collect_widgets (view, SAM_TYPE_GROUP_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        SamGroup *group = sam_group_row_get_group (g_ptr_array_index (rows, i));

        if (gtk_widget_get_mapped (g_ptr_array_index (rows, i)))
          {
            g_assert_nonnull (group);
            g_assert_true (g_str_has_prefix (sam_group_get_name (group), "Råd 13"));
            shown++;
          }
      }
    g_assert_cmpuint (shown, ==, n_found ());
  }

  search ("");
}

static void
add_groups (void)
{
  g_autofree char *root = sam_test_add_group (store, "ROOT", "Region", SAM_GROUP_KIND_COUNCIL, NULL);

  for (guint i = 0; i < N_GROUPS; i++)
    {
      g_autofree char *code = g_strdup_printf ("G%03u", i);
      g_autofree char *name = g_strdup_printf ("%s %03u", i % 3 == 0 ? "Råd" : "Grupp", i);
      g_autofree char *uuid = sam_test_add_group (store, code, name, SAM_GROUP_KIND_SUBGROUP, root);

      /* The first group in order ("Grupp 001") has groups under it. */
      if (i == 1)
        for (guint j = 0; j < 30; j++)
          {
            g_autofree char *under_code = g_strdup_printf ("U%02u", j);
            g_autofree char *under_name = g_strdup_printf ("Under %02u", j);
            g_autofree char *under = sam_test_add_group (store, under_code, under_name, SAM_GROUP_KIND_PROCESS_TEAM, uuid);
          }
    }
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  sam_test_ui_init (&argc, &argv);
  sam_gui_ensure_types ();
  sam_test_ui_start_application ();

  store = sam_test_new_tmp_store ("test-organisation-lists-XXXXXX", "register.sqlite", &dir, NULL);
  add_groups ();
  window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (window, 900, 500);
  page = g_object_new (SAM_TYPE_ORGANISATION_PAGE, "store", store, NULL);
  gtk_window_set_child (window, GTK_WIDGET (page));
  gtk_window_present (window);
  sam_test_wait_until_mapped (GTK_WIDGET (window));

  g_test_add_func ("/organisation-lists/matches", test_matches);
  g_test_add_func ("/organisation-lists/rows-drawn-in-view", test_rows_drawn_in_view);
  g_test_add_func ("/organisation-lists/search", test_search);

  ret = sam_test_ui_run ();

  gtk_window_destroy (window);
  sam_test_free_tmp_store (g_steal_pointer (&store), dir);
  g_free (dir);

  return ret;
}

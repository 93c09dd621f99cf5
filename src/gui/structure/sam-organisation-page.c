/* sam-organisation-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-organisation-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-clock.h"
#include "sam-group-editor.h"
#include "sam-group-row.h"
#include "sam-gui.h"
#include "sam-organisation-page-private.h"
#include "sam-roles.h"
#include "sam-store-structure.h"

/*
 * The Organisation page: the governance structure as a tree (by structural
 * parent) beside the details of the chosen group, where the coordinator
 * edits it. A second pane beside the details is left for the organisation
 * chart, which shares the selection through "selected-group".
 *
 * The tree asks the store for one group's children when it is expanded, so
 * opening the page reads only the top of the structure. When the register
 * changes, each list read so far is compared with the register and only
 * what differs is replaced, so rows stay expanded and selected. Searching
 * or choosing a kind shows a flat list of the matching groups instead.
 */


G_DEFINE_FINAL_TYPE (SamOrganisationPage, sam_organisation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_GROUP,
  PROP_SHOW_DISSOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_details (SamOrganisationPage *self,
                            gboolean             refresh);

/* Reading the tree */

/* An item of either list: a row of the tree, or a group found. */
static SamGroup *
dup_group_of_item (gpointer item)
{
  if (item == NULL)
    return NULL;
  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item);
  if (SAM_IS_GROUP_MATCH (item))
    return g_object_ref (sam_group_match_get_group (item));

  return g_object_ref (item);
}

static const char *
group_uuid_of_row (gpointer item)
{
  g_autoptr(SamGroup) group = dup_group_of_item (item);

  /* The list holds the group, so the string outlives this reference. */
  return group != NULL ? sam_group_get_uuid (group) : NULL;
}

static gboolean
group_is_current (SamOrganisationPage *self,
                  SamGroup            *group)
{
  const char *dissolved = sam_group_get_dissolved (group);

  return dissolved == NULL || strcmp (dissolved, self->today) > 0;
}

static gboolean
dissolved_filter_cb (gpointer item,
                     gpointer user_data)
{
  SamOrganisationPage *self = user_data;

  return self->show_dissolved || group_is_current (self, item);
}

/* The text a search looks in, folded once per group and kept until the
 * list of groups is read again. */
static const char *
search_key (SamOrganisationPage *self,
            SamGroup            *group)
{
  char *key = g_hash_table_lookup (self->search_keys, group);

  if (key == NULL)
    {
      g_autofree char *text = g_strconcat (sam_group_get_name (group), "\n",
                                           sam_group_get_code (group) != NULL ? sam_group_get_code (group) : "",
                                           NULL);

      key = g_utf8_casefold (text, -1);
      g_hash_table_insert (self->search_keys, group, key);
    }

  return key;
}

/* Whether the search and the kind chosen find @group */
static gboolean
group_is_found (SamOrganisationPage *self,
                SamGroup            *group,
                guint                kind)
{
  if (!self->show_dissolved && !group_is_current (self, group))
    return FALSE;
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && sam_group_get_kind (group) != (SamGroupKind) (kind - 1))
    return FALSE;

  return self->needle == NULL || strstr (search_key (self, group), self->needle) != NULL;
}

/* Copies every column of @from into @to, notifying what changed, so the
 * row showing @to follows without being recreated. */
static void
copy_group (SamGroup *to,
            SamGroup *from)
{
  guint n_specs;
  g_autofree GParamSpec **specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (from), &n_specs);

  g_object_freeze_notify (G_OBJECT (to));
  for (guint i = 0; i < n_specs; i++)
    {
      GValue value = G_VALUE_INIT;

      if ((specs[i]->flags & G_PARAM_WRITABLE) == 0 || strcmp (specs[i]->name, "uuid") == 0)
        continue;
      g_value_init (&value, specs[i]->value_type);
      g_object_get_property (G_OBJECT (from), specs[i]->name, &value);
      g_object_set_property (G_OBJECT (to), specs[i]->name, &value);
      g_value_unset (&value);
    }
  g_object_thaw_notify (G_OBJECT (to));
}

/* Brings @list in line with @fresh, replacing only the rows that differ. */
static void
merge_list (GListStore *list,
            GListModel *fresh)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint n_new = g_list_model_get_n_items (fresh);
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) middle = g_ptr_array_new_with_free_func (g_object_unref);

  while (prefix < n_old && prefix < n_new)
    {
      g_autoptr(SamGroup) a = g_list_model_get_item (G_LIST_MODEL (list), prefix);
      g_autoptr(SamGroup) b = g_list_model_get_item (fresh, prefix);

      if (g_strcmp0 (sam_group_get_uuid (a), sam_group_get_uuid (b)) != 0)
        break;
      copy_group (a, b);
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(SamGroup) a = g_list_model_get_item (G_LIST_MODEL (list), n_old - 1 - suffix);
      g_autoptr(SamGroup) b = g_list_model_get_item (fresh, n_new - 1 - suffix);

      if (g_strcmp0 (sam_group_get_uuid (a), sam_group_get_uuid (b)) != 0)
        break;
      copy_group (a, b);
      suffix++;
    }

  if (prefix + suffix == n_old && prefix + suffix == n_new)
    return;

  for (guint i = prefix; i < n_new - suffix; i++)
    g_ptr_array_add (middle, g_list_model_get_item (fresh, i));
  g_list_store_splice (list, prefix, n_old - prefix - suffix, middle->pdata, middle->len);
}

static GListStore *
load_children (SamOrganisationPage *self,
               const char          *parent_uuid)
{
  GListStore *list = g_hash_table_lookup (self->children, parent_uuid != NULL ? parent_uuid : "");
  g_autoptr(GListModel) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (list != NULL)
    return list;

  list = g_list_store_new (SAM_TYPE_GROUP);
  fresh = sam_store_list_child_groups_marked (self->store, parent_uuid, self->parents, &error);
  if (fresh == NULL)
    g_warning ("Could not read the structure: %s", error->message);
  else
    merge_list (list, fresh);
  g_hash_table_insert (self->children, g_strdup (parent_uuid != NULL ? parent_uuid : ""), list);

  return list;
}

/* The tree asks for a row's children when it binds the row, to know
 * whether it has an expander: a group known to have none answers at once,
 * without reading the register. Each group's filtered list is made once
 * and shared by every time the tree asks. */
static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SamOrganisationPage *self = user_data;
  const char *uuid = sam_group_get_uuid (item);
  GListStore *list;
  GtkFilterListModel *filtered;

  if (!g_hash_table_contains (self->parents, uuid))
    return NULL;
  list = load_children (self, uuid);
  if (g_list_model_get_n_items (G_LIST_MODEL (list)) == 0)
    return NULL;

  filtered = g_hash_table_lookup (self->child_models, uuid);
  if (filtered == NULL)
    {
      filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (list)),
                                            g_object_ref (GTK_FILTER (self->dissolved_filter)));
      g_hash_table_insert (self->child_models, g_strdup (uuid), filtered);
    }

  return g_object_ref (G_LIST_MODEL (filtered));
}

static void
ensure_all_groups (SamOrganisationPage *self)
{
  g_autoptr(GListModel) fresh = NULL;

  if (!self->all_groups_stale)
    return;

  fresh = sam_store_list_groups (self->store, NULL);
  g_hash_table_remove_all (self->search_keys);
  if (fresh != NULL)
    merge_list (self->all_groups, fresh);
  self->all_groups_stale = FALSE;
  /* Names may have changed in place: the list found is filtered anew. */
  g_clear_pointer (&self->flat_needle, g_free);
  self->flat_kind = G_MAXUINT;
}

/* Finds the groups for the current search and kind. Typing on narrows
 * what was found, so only the groups found so far are looked at again. */
static void
refilter_flat (SamOrganisationPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *now = self->needle;
  const char *was;
  gboolean narrower = FALSE;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  GListModel *from;
  guint n;
  gint index = -1;

  /* A list read again forgets what it was filtered by. */
  ensure_all_groups (self);
  was = self->flat_needle;
  if (kind == self->flat_kind)
    {
      if (g_strcmp0 (now, was) == 0)
        return;
      narrower = was == NULL || (now != NULL && strstr (now, was) != NULL);
    }

  from = narrower ? G_LIST_MODEL (self->flat_model) : G_LIST_MODEL (self->all_groups);
  n = g_list_model_get_n_items (from);
  for (guint i = 0; i < n; i++)
    {
      SamGroup *group = narrower ? sam_group_matches_get (self->flat_model, i)
                                 : g_list_model_get_item (G_LIST_MODEL (self->all_groups), i);

      if (group_is_found (self, group, kind))
        g_ptr_array_add (found, group);
      /* The store holds the group, which outlives this reference. */
      if (!narrower)
        g_object_unref (group);
    }

  /* The chosen group is chosen in the list while it is found. A search
   * that does not find it leaves it in the details, as does going from
   * the tree to the list (set_flat()). */
  self->updating = TRUE;
  sam_group_matches_set (self->flat_model, (SamGroup **) found->pdata, found->len);
  if (self->flat && self->selected != NULL)
    index = sam_group_matches_find (self->flat_model, sam_group_get_uuid (self->selected));
  gtk_single_selection_set_selected (self->flat_selection, index >= 0 ? (guint) index : GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;

  g_free (self->flat_needle);
  self->flat_needle = g_strdup (now);
  self->flat_kind = kind;
}

static void
refresh_tree (SamOrganisationPage *self)
{
  guint n_keys = 0;
  g_autofree gpointer *keys = g_hash_table_get_keys_as_array (self->children, &n_keys);
  g_auto(GStrv) parents = g_new0 (char *, n_keys + 1);

  /* Copied: new rows ask for their children, which adds to the table. */
  for (guint i = 0; i < n_keys; i++)
    parents[i] = g_strdup (keys[i]);

  for (guint i = 0; i < n_keys; i++)
    {
      GListStore *list = g_hash_table_lookup (self->children, parents[i]);
      g_autoptr(GListModel) fresh = NULL;
      g_autoptr(GHashTable) had_children = NULL;
      guint n;

      if (list == NULL)
        continue;

      /* Which rows had children before, so rows that gain their first
       * are put back and the tree gives them an expander. */
      had_children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint p = 0; p < n; p++)
        {
          g_autoptr(SamGroup) group = g_list_model_get_item (G_LIST_MODEL (list), p);

          if (g_hash_table_contains (self->parents, sam_group_get_uuid (group)))
            g_hash_table_add (had_children, g_strdup (sam_group_get_uuid (group)));
        }

      fresh = sam_store_list_child_groups_marked (self->store, *parents[i] != '\0' ? parents[i] : NULL,
                                                  self->parents, NULL);
      if (fresh == NULL)
        continue;
      merge_list (list, fresh);

      n = g_list_model_get_n_items (G_LIST_MODEL (list));
      for (guint p = 0; p < n; p++)
        {
          g_autoptr(SamGroup) group = g_list_model_get_item (G_LIST_MODEL (list), p);

          if (!g_hash_table_contains (had_children, sam_group_get_uuid (group)) &&
              g_hash_table_contains (self->parents, sam_group_get_uuid (group)))
            g_list_store_splice (list, p, 1, (gpointer *) &group, 1);
        }
    }

  self->all_groups_stale = TRUE;
  if (self->flat)
    refilter_flat (self);
}

/* Row widgets */

static void
row_drag_begin_cb (GtkDragSource *source,
                   GdkDrag       *drag,
                   GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GdkContentProvider *
row_drag_prepare_cb (GtkDragSource *source,
                     double         x,
                     double         y,
                     GtkListItem   *list_item)
{
  const char *uuid = group_uuid_of_row (gtk_list_item_get_item (list_item));

  return uuid != NULL ? gdk_content_provider_new_typed (G_TYPE_STRING, uuid) : NULL;
}

typedef struct
{
  char *group;
  char *parent;
} MoveData;

static gboolean
move_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  MoveData *move = data;

  return sam_store_move_group (store, move->group, move->parent, error);
}

static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (gtk_widget_get_ancestor (widget, SAM_TYPE_ORGANISATION_PAGE));
  g_autoptr(SamGroup) parent = gtk_tree_list_row_get_item (gtk_list_item_get_item (list_item));
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  MoveData move = { (char *) g_value_get_string (value), (char *) sam_group_get_uuid (parent) };

  if (self == NULL || g_strcmp0 (move.group, move.parent) == 0)
    return FALSE;

  group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, move.group, NULL);
  if (group == NULL || g_strcmp0 (sam_group_get_parent_uuid (group), move.parent) == 0)
    return FALSE;

  if (!sam_undo_run (self->undo, _("Move Group"), move_edit, &move, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Move Group"), error);
      return FALSE;
    }
  _sam_organisation_page_toast_moved (self, group, parent);

  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), sam_group_row_new ());
  gtk_list_item_set_child (list_item, expander);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (row_drag_prepare_cb), list_item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (row_drag_begin_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (target));
}

/* A group found: its name and short code, no expander. */
static void
setup_flat_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, sam_group_row_new ());
}

/* Rows show their group directly rather than through expressions: a
 * jump to a far group binds every row kept around the view anew (GTK 4.8
 * keeps about 200), and the row skips a group it already shows. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SamOrganisationPage      *self)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *top = gtk_list_item_get_child (list_item);
  g_autoptr(SamGroup) group = dup_group_of_item (item);
  GtkWidget *row = top;

  if (GTK_IS_TREE_EXPANDER (top))
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (top), item);
      row = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (top));
    }
  sam_group_row_set_group (SAM_GROUP_ROW (row), group, self->today);
}

/* Selection: the tree and the list of groups found each keep their own
 * rows and selection, so switching between them recreates no rows; the
 * one shown is the one that counts. */

static GtkSingleSelection *
active_selection (SamOrganisationPage *self)
{
  return self->flat ? self->flat_selection : self->selection;
}

static void
selection_changed_cb (SamOrganisationPage *self)
{
  g_autoptr(SamGroup) group = dup_group_of_item (gtk_single_selection_get_selected_item (active_selection (self)));

  if (self->updating)
    return;
  if (group == self->selected)
    return;

  g_set_object (&self->selected, group);
  update_details (self, FALSE);
  _sam_organisation_page_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GROUP]);
}

static gint
index_of_uuid (GListModel *model,
               const char *uuid)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (model, i);

      if (g_strcmp0 (sam_group_get_uuid (group), uuid) == 0)
        return (gint) i;
    }

  return -1;
}

static void
selection_notify_cb (GtkSingleSelection  *selection,
                     GParamSpec          *pspec,
                     SamOrganisationPage *self)
{
  if (selection == active_selection (self))
    selection_changed_cb (self);
}

/* Finds @uuid among the rows, expanding its ancestors in the tree. Each
 * level is looked up in its own (short) list of children, never in the
 * whole flattened tree, so this stays fast however much is expanded. */
static gboolean
select_in_model (SamOrganisationPage *self,
                 const char          *uuid)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = g_strdup (uuid);
  g_autoptr(GtkTreeListRow) row = NULL;
  gint index;

  if (self->flat)
    {
      index = sam_group_matches_find (self->flat_model, uuid);
      if (index < 0)
        return FALSE;
      gtk_single_selection_set_selected (self->flat_selection, (guint) index);
      gtk_widget_activate_action (GTK_WIDGET (self->flat_view), "list.scroll-to-item", "u", (guint) index);
      return TRUE;
    }

  /* The chain of ancestors, from the top down */
  while (current != NULL && chain->len < 64)
    {
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, current, NULL);

      if (group == NULL)
        return FALSE;
      g_ptr_array_insert (chain, 0, g_strdup (current));
      g_free (current);
      current = g_strdup (sam_group_get_parent_uuid (group));
    }

  index = index_of_uuid (gtk_tree_list_model_get_model (self->tree_model), g_ptr_array_index (chain, 0));
  if (index < 0)
    return FALSE;
  row = gtk_tree_list_model_get_child_row (self->tree_model, (guint) index);

  for (guint level = 1; row != NULL && level < chain->len; level++)
    {
      GListModel *children;
      GtkTreeListRow *child;

      gtk_tree_list_row_set_expanded (row, TRUE);
      children = gtk_tree_list_row_get_children (row);
      index = index_of_uuid (children, g_ptr_array_index (chain, level));
      if (index < 0)
        return FALSE;
      child = gtk_tree_list_row_get_child_row (row, (guint) index);
      g_object_unref (row);
      row = child;
    }
  if (row == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, gtk_tree_list_row_get_position (row));
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                              gtk_tree_list_row_get_position (row));
  return TRUE;
}

static void
set_flat (SamOrganisationPage *self,
          gboolean             flat)
{
  g_autofree char *selected = self->selected != NULL ? g_strdup (sam_group_get_uuid (self->selected)) : NULL;

  if (flat)
    refilter_flat (self);
  if (self->flat == flat)
    return;

  self->flat = flat;
  gtk_stack_set_visible_child_name (self->list_stack, flat ? "flat" : "tree");

  /* The same group stays chosen in the list now shown, if it is there. */
  self->updating = TRUE;
  if (selected == NULL || !select_in_model (self, selected))
    gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  if (!flat && selected != NULL && gtk_single_selection_get_selected_item (self->selection) == NULL)
    selection_changed_cb (self);
}

static void
search_changed_cb (SamOrganisationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  g_free (self->needle);
  self->needle = text != NULL && *text != '\0' ? g_utf8_casefold (text, -1) : NULL;

  set_flat (self, (text != NULL && *text != '\0') || (kind != GTK_INVALID_LIST_POSITION && kind > 0));
}

static void
search_activate_cb (SamOrganisationPage *self)
{
  if (self->flat && g_list_model_get_n_items (G_LIST_MODEL (self->flat_model)) > 0)
    {
      gtk_single_selection_set_selected (self->flat_selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->flat_view));
    }
}
static void
update_details (SamOrganisationPage *self,
                gboolean             refresh)
{
  if (self->selected == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      return;
    }

  /* The editor is made when first needed, so opening the page is quick. */
  if (self->editor == NULL)
    {
      self->editor = sam_group_editor_new ();
      gtk_stack_add_named (self->details_stack, self->editor, "group");
    }
  sam_group_editor_show (SAM_GROUP_EDITOR (self->editor), self->undo, self->selected, self->today, refresh);
  gtk_stack_set_visible_child_name (self->details_stack, "group");
}

static void
store_changed_cb (SamOrganisationPage *self,
                  guint                table,
                  SamStore            *store)
{
  g_autoptr(SamGroup) fresh = NULL;
  g_autofree char *uuid = self->selected != NULL ? g_strdup (sam_group_get_uuid (self->selected)) : NULL;
  GtkTreeListRow *row;

  g_free (self->today);
  self->today = sam_clock_dup_today ();

  /* Rows come and go while the lists catch up: the selection is put back
   * afterwards, on the same group wherever it is now. */
  self->updating = TRUE;
  refresh_tree (self);
  if (uuid != NULL)
    fresh = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, uuid, NULL);
  if (fresh == NULL)
    gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
  else
    {
      row = gtk_single_selection_get_selected_item (active_selection (self));
      if (g_strcmp0 (group_uuid_of_row (row), uuid) != 0 && !select_in_model (self, uuid))
        gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
    }
  self->updating = FALSE;

  if (uuid != NULL && fresh == NULL)
    {
      g_clear_object (&self->selected);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GROUP]);
    }
  else if (fresh != NULL)
    copy_group (self->selected, fresh);

  update_details (self, TRUE);
  _sam_organisation_page_update_actions (self);
}

/* Setting up with a register */

static void
build_models (SamOrganisationPage *self)
{
  GListStore *root;
  GtkFilterListModel *filtered_root;

  g_hash_table_remove_all (self->children);
  g_hash_table_remove_all (self->parents);
  g_hash_table_remove_all (self->child_models);
  g_list_store_remove_all (self->all_groups);
  self->all_groups_stale = TRUE;
  g_clear_object (&self->selected);
  g_clear_object (&self->undo);

  if (self->store == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_single_selection_set_model (self->flat_selection, NULL);
      return;
    }

  self->undo = sam_undo_new (self->store);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (_sam_organisation_page_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (_sam_organisation_page_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  root = load_children (self, NULL);
  filtered_root = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (root)),
                                             g_object_ref (GTK_FILTER (self->dissolved_filter)));
  g_clear_object (&self->tree_model);
  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (filtered_root), FALSE, FALSE,
                                              create_children_cb, self, NULL);
  sam_group_matches_set (self->flat_model, NULL, 0);
  g_clear_pointer (&self->flat_needle, g_free);
  self->flat_kind = G_MAXUINT;

  self->flat = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, "tree");
  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_model (self->flat_selection, G_LIST_MODEL (self->flat_model));
  gtk_single_selection_set_selected (self->flat_selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;

  /* A region's structure has one or a few groups at the top: open them so
   * the councils show. (A register with many loose groups opens closed.) */
  if (g_list_model_get_n_items (G_LIST_MODEL (root)) <= 8)
    for (guint i = g_list_model_get_n_items (G_LIST_MODEL (root)); i > 0; i--)
      {
        g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i - 1);

        if (row != NULL)
          gtk_tree_list_row_set_expanded (row, TRUE);
      }

  update_details (self, TRUE);
  _sam_organisation_page_update_actions (self);
}

/* GObject */

static void
sam_organisation_page_dispose (GObject *object)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  if (self->flat_selection != NULL)
    gtk_single_selection_set_model (self->flat_selection, NULL);
  /* AdwBin keeps its child apart from the template's list. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ORGANISATION_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->flat_selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->flat_model);
  g_clear_object (&self->dissolved_filter);
  g_clear_object (&self->all_groups);
  g_clear_object (&self->selected);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->child_models, g_hash_table_unref);
  g_clear_pointer (&self->search_keys, g_hash_table_unref);

  G_OBJECT_CLASS (sam_organisation_page_parent_class)->dispose (object);
}

static void
sam_organisation_page_finalize (GObject *object)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  g_free (self->today);
  g_free (self->needle);
  g_free (self->flat_needle);

  G_OBJECT_CLASS (sam_organisation_page_parent_class)->finalize (object);
}

static void
sam_organisation_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_GROUP:
      g_value_set_object (value, self->selected);
      break;
    case PROP_SHOW_DISSOLVED:
      g_value_set_boolean (value, self->show_dissolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_organisation_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sam_organisation_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_GROUP:
      {
        SamGroup *group = g_value_get_object (value);

        sam_organisation_page_select_group (self, group != NULL ? sam_group_get_uuid (group) : NULL);
      }
      break;
    case PROP_SHOW_DISSOLVED:
      if (self->show_dissolved != g_value_get_boolean (value))
        {
          self->show_dissolved = g_value_get_boolean (value);
          gtk_filter_changed (GTK_FILTER (self->dissolved_filter),
                              self->show_dissolved ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
          /* The groups found are found again. */
          g_clear_pointer (&self->flat_needle, g_free);
          self->flat_kind = G_MAXUINT;
          if (self->flat)
            refilter_flat (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_organisation_page_class_init (SamOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_organisation_page_dispose;
  object_class->finalize = sam_organisation_page_finalize;
  object_class->get_property = sam_organisation_page_get_property;
  object_class->set_property = sam_organisation_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * SamOrganisationPage:selected-group:
   *
   * The group shown in the details, shared with the chart beside them:
   * setting it selects the group in the tree.
   */
  properties[PROP_SELECTED_GROUP] =
    g_param_spec_object ("selected-group", NULL, NULL, SAM_TYPE_GROUP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_DISSOLVED] =
    g_param_spec_boolean ("show-dissolved", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, chart_paned);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, flat_view);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, details_stack);

  _sam_organisation_page_install_actions (widget_class);
}

static void
sam_organisation_page_init (SamOrganisationPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) flat_factory = gtk_signal_list_item_factory_new ();
  GEnumClass *enum_class = g_type_class_ref (SAM_TYPE_GROUP_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = sam_clock_dup_today ();
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->child_models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->flat_kind = G_MAXUINT;
  self->search_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->all_groups = g_list_store_new (SAM_TYPE_GROUP);
  self->all_groups_stale = TRUE;
  self->dissolved_filter = gtk_custom_filter_new (dissolved_filter_cb, self, NULL);
  self->flat_model = sam_group_matches_new ();
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->flat_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->flat_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->flat_selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_notify_cb), self, 0);
  g_signal_connect_object (self->flat_selection, "notify::selected-item", G_CALLBACK (selection_notify_cb), self, 0);

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (kinds, sam_group_kind_get_label (i));
  g_type_class_unref (enum_class);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  /* The drop-down's own button is what a screen reader lands on: name it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kind_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of Group"), -1);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (flat_factory, "setup", G_CALLBACK (setup_flat_row_cb), self);
  g_signal_connect (flat_factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->flat_view, flat_factory);
  gtk_list_view_set_model (self->flat_view, GTK_SELECTION_MODEL (self->flat_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->tree_view));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  _sam_organisation_page_update_actions (self);
}

/**
 * sam_organisation_page_get_store:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the register shown
 */
SamStore *
sam_organisation_page_get_store (SamOrganisationPage *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), NULL);

  return self->store;
}

/**
 * sam_organisation_page_set_store:
 * @self: a page
 * @store: (nullable): the register to show
 *
 * Shows @store, with a new undo history.
 */
void
sam_organisation_page_set_store (SamOrganisationPage *self,
                                 SamStore            *store)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  build_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sam_organisation_page_get_undo:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the page's undo history
 */
SamUndo *
sam_organisation_page_get_undo (SamOrganisationPage *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), NULL);

  return self->undo;
}

/**
 * sam_organisation_page_get_selected_group:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the group whose details are shown
 */
SamGroup *
sam_organisation_page_get_selected_group (SamOrganisationPage *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), NULL);

  return self->selected;
}

/**
 * sam_organisation_page_select_group:
 * @self: a page
 * @uuid: (nullable): a group, or %NULL to select none
 *
 * Selects a group in the tree, opening the rows above it.
 */
void
sam_organisation_page_select_group (SamOrganisationPage *self,
                                    const char          *uuid)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  if (uuid == NULL)
    {
      gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
      return;
    }
  if (self->selected != NULL && g_strcmp0 (sam_group_get_uuid (self->selected), uuid) == 0)
    return;
  if (self->store != NULL && !select_in_model (self, uuid) && self->flat)
    {
      /* Not among the matches: show it in the tree instead. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      set_flat (self, FALSE);
      select_in_model (self, uuid);
    }
}

/**
 * sam_organisation_page_set_chart:
 * @self: a page
 * @chart: (nullable): the organisation chart widget
 *
 * Puts the chart in the pane beside the details. The chart and the tree
 * share the selection through #SamOrganisationPage:selected-group.
 */
void
sam_organisation_page_set_chart (SamOrganisationPage *self,
                                 GtkWidget           *chart)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  gtk_paned_set_end_child (self->chart_paned, chart);
}

/**
 * sam_organisation_page_add_toast:
 * @self: a page
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the page, inside it, so that a button on the toast
 * can name the page's actions (“organisation.undo”).
 */
void
sam_organisation_page_add_toast (SamOrganisationPage *self,
                                 AdwToast            *toast)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

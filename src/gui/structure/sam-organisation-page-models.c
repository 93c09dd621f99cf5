/* sam-organisation-page-models.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-organisation-page"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-match.h"
#include "sam-organisation-page-private.h"
#include "sam-store-structure.h"

/* The Organisation page's lists. The tree reads one group's children when
 * its row is first expanded; a search or a kind shows the groups found in
 * a flat list instead, filtered from every group read once. When the
 * register changes, each list read so far is compared with it and only
 * what differs is replaced, so rows stay expanded and selected. */

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

      key = sam_match_fold (text);
      g_hash_table_insert (self->search_keys, group, key);
    }

  return key;
}

/* Whether the search and the kind chosen find @group: its name or code
 * holds the words searched for, or it is in the branch of a group whose
 * code was searched for (@branches, uuids). */
static gboolean
group_is_found (SamOrganisationPage *self,
                SamGroup            *group,
                guint                kind,
                const SamMatcher    *matcher,
                GHashTable          *branches,
                GHashTable          *parents)
{
  if (!self->show_dissolved && !group_is_current (self, group))
    return FALSE;
  if (kind != GTK_INVALID_LIST_POSITION && kind > 0 && sam_group_get_kind (group) != (SamGroupKind) (kind - 1))
    return FALSE;
  if (sam_matcher_match (matcher, search_key (self, group)))
    return TRUE;

  /* Up the tree; a circle is refused by the store, and the walk is bounded
   * anyway by the number of groups. */
  if (g_hash_table_size (branches) > 0)
    {
      const char *uuid = sam_group_get_parent_uuid (group);

      for (guint steps = 0; uuid != NULL && steps <= g_hash_table_size (parents); steps++)
        {
          if (g_hash_table_contains (branches, uuid))
            return TRUE;
          uuid = g_hash_table_lookup (parents, uuid);
        }
    }

  return FALSE;
}

/* The groups whose code is what was searched for, whose branches are
 * found with them (“AOI” finds AOI's subgroups and process teams), and
 * each group's parent. */
static void
find_branches (SamOrganisationPage *self,
               const SamMatcher    *matcher,
               GHashTable          *branches,
               GHashTable          *parents)
{
  guint n;

  if (matcher == NULL)
    return;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->all_groups));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (G_LIST_MODEL (self->all_groups), i);
      const char *code = sam_group_get_code (group);
      g_autofree char *folded = code != NULL ? sam_match_fold (code) : NULL;

      /* The store holds the group, and so its strings, while listed. */
      if (sam_group_get_parent_uuid (group) != NULL)
        g_hash_table_insert (parents, (gpointer) sam_group_get_uuid (group),
                             (gpointer) sam_group_get_parent_uuid (group));
      if (folded != NULL && *folded != '\0' && sam_matcher_is_whole (matcher, folded))
        g_hash_table_add (branches, (gpointer) sam_group_get_uuid (group));
    }
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
      _sam_organisation_page_copy_group (a, b);
      prefix++;
    }
  while (suffix < n_old - prefix && suffix < n_new - prefix)
    {
      g_autoptr(SamGroup) a = g_list_model_get_item (G_LIST_MODEL (list), n_old - 1 - suffix);
      g_autoptr(SamGroup) b = g_list_model_get_item (fresh, n_new - 1 - suffix);

      if (g_strcmp0 (sam_group_get_uuid (a), sam_group_get_uuid (b)) != 0)
        break;
      _sam_organisation_page_copy_group (a, b);
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

/**
 * _sam_organisation_page_init_models:
 * @self: a page
 *
 * Makes the page's lists, empty until it has a register.
 */
void
_sam_organisation_page_init_models (SamOrganisationPage *self)
{
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->child_models = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->flat_kind = G_MAXUINT;
  self->search_keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  self->all_groups = g_list_store_new (SAM_TYPE_GROUP);
  self->all_groups_stale = TRUE;
  self->dissolved_filter = gtk_custom_filter_new (dissolved_filter_cb, self, NULL);
  self->flat_model = sam_group_matches_new ();
}

/**
 * _sam_organisation_page_dispose_models:
 * @self: a page
 *
 * Drops the page's lists, once no view shows them.
 */
void
_sam_organisation_page_dispose_models (SamOrganisationPage *self)
{
  g_clear_object (&self->tree_model);
  g_clear_object (&self->flat_model);
  g_clear_object (&self->dissolved_filter);
  g_clear_object (&self->all_groups);
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->parents, g_hash_table_unref);
  g_clear_pointer (&self->child_models, g_hash_table_unref);
  g_clear_pointer (&self->search_keys, g_hash_table_unref);
}

/**
 * _sam_organisation_page_load_tree:
 * @self: a page
 *
 * Forgets every list read so far and, when the page has a register,
 * reads the top of the structure into a new tree and empties the list of
 * groups found.
 *
 * Returns: (transfer none) (nullable): the groups at the top, dissolved
 *   or not, or %NULL when the page has no register
 */
GListModel *
_sam_organisation_page_load_tree (SamOrganisationPage *self)
{
  GListStore *root;
  GtkFilterListModel *filtered_root;

  g_hash_table_remove_all (self->children);
  g_hash_table_remove_all (self->parents);
  g_hash_table_remove_all (self->child_models);
  g_list_store_remove_all (self->all_groups);
  self->all_groups_stale = TRUE;

  if (self->store == NULL)
    return NULL;

  root = load_children (self, NULL);
  filtered_root = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (root)),
                                             g_object_ref (GTK_FILTER (self->dissolved_filter)));
  g_clear_object (&self->tree_model);
  self->tree_model = gtk_tree_list_model_new (G_LIST_MODEL (filtered_root), FALSE, FALSE,
                                              create_children_cb, self, NULL);
  sam_group_matches_set (self->flat_model, NULL, 0);
  g_clear_pointer (&self->flat_needle, g_free);
  self->flat_kind = G_MAXUINT;

  return G_LIST_MODEL (root);
}

/**
 * _sam_organisation_page_refresh_tree:
 * @self: a page
 *
 * Brings each list read so far in line with the register, after it
 * changed, and marks the list of all groups to be read again.
 */
void
_sam_organisation_page_refresh_tree (SamOrganisationPage *self)
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
    _sam_organisation_page_refilter_flat (self);
}

/**
 * _sam_organisation_page_refilter_flat:
 * @self: a page
 *
 * Finds the groups for the current search and kind. Typing on narrows
 * what was found, so only the groups found so far are looked at again.
 */
void
_sam_organisation_page_refilter_flat (SamOrganisationPage *self)
{
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);
  const char *now = self->needle;
  const char *was;
  gboolean narrower = FALSE;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(SamMatcher) matcher = sam_matcher_new (now);
  g_autoptr(GHashTable) branches = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) parents = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *from;
  guint n;
  gint index = -1;

  /* A list read again forgets what it was filtered by. */
  ensure_all_groups (self);
  find_branches (self, matcher, branches, parents);
  was = self->flat_needle;
  if (kind == self->flat_kind)
    {
      g_autoptr(SamMatcher) was_matcher = sam_matcher_new (was);

      if (g_strcmp0 (now, was) == 0)
        return;
      /* A branch brings in groups the last search need not have found. */
      narrower = g_hash_table_size (branches) == 0 && sam_matcher_is_narrower (matcher, was_matcher);
    }

  from = narrower ? G_LIST_MODEL (self->flat_model) : G_LIST_MODEL (self->all_groups);
  n = g_list_model_get_n_items (from);
  for (guint i = 0; i < n; i++)
    {
      SamGroup *group = narrower ? sam_group_matches_get (self->flat_model, i)
                                 : g_list_model_get_item (G_LIST_MODEL (self->all_groups), i);

      if (group_is_found (self, group, kind, matcher, branches, parents))
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
  _sam_organisation_page_show_list (self);
}

/**
 * _sam_organisation_page_show_list:
 * @self: a page
 *
 * Shows the tree, the groups found, or, when a search found none, a page
 * that says what was searched for, rather than an empty list.
 */
void
_sam_organisation_page_show_list (SamOrganisationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *title = NULL;

  if (!self->flat || g_list_model_get_n_items (G_LIST_MODEL (self->flat_model)) > 0)
    {
      gtk_stack_set_visible_child_name (self->list_stack, self->flat ? "flat" : "tree");
      return;
    }

  /* TRANSLATORS: the search found no group; %s is what was typed */
  title = text != NULL && *text != '\0' ? g_strdup_printf (_("No Matches for “%s”"), text)
                                        : g_strdup (_("No Groups of This Kind"));
  adw_status_page_set_title (self->no_matches, title);
  gtk_stack_set_visible_child_name (self->list_stack, "none");
}

/**
 * _sam_organisation_page_refilter_dissolved:
 * @self: a page
 *
 * Shows or hides the dissolved groups in both lists, after
 * #SamOrganisationPage:show-dissolved changed.
 */
void
_sam_organisation_page_refilter_dissolved (SamOrganisationPage *self)
{
  gtk_filter_changed (GTK_FILTER (self->dissolved_filter),
                      self->show_dissolved ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  /* The groups found are found again. */
  g_clear_pointer (&self->flat_needle, g_free);
  self->flat_kind = G_MAXUINT;
  if (self->flat)
    _sam_organisation_page_refilter_flat (self);
}

/**
 * _sam_organisation_page_dup_item_group:
 * @item: (nullable): an item of either list: a row of the tree, or a
 *   group found
 *
 * Returns: (transfer full) (nullable): the group @item shows
 */
SamGroup *
_sam_organisation_page_dup_item_group (gpointer item)
{
  if (item == NULL)
    return NULL;
  if (GTK_IS_TREE_LIST_ROW (item))
    return gtk_tree_list_row_get_item (item);
  if (SAM_IS_GROUP_MATCH (item))
    return g_object_ref (sam_group_match_get_group (item));

  return g_object_ref (item);
}

/**
 * _sam_organisation_page_get_item_uuid:
 * @item: (nullable): an item of either list
 *
 * Returns: (transfer none) (nullable): the UUID of the group @item shows
 */
const char *
_sam_organisation_page_get_item_uuid (gpointer item)
{
  g_autoptr(SamGroup) group = _sam_organisation_page_dup_item_group (item);

  /* The list holds the group, so the string outlives this reference. */
  return group != NULL ? sam_group_get_uuid (group) : NULL;
}

/**
 * _sam_organisation_page_copy_group:
 * @to: a group a list shows
 * @from: the same group as the register holds it now
 *
 * Copies every column of @from into @to, notifying what changed, so the
 * row showing @to follows without being recreated.
 */
void
_sam_organisation_page_copy_group (SamGroup *to,
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

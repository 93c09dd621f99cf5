/* sam-group-matches.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-group-matches"

#include "config.h"

#include <string.h>

#include "sam-group-matches.h"

/*
 * The groups a search finds, as a list whose items are places in the list
 * (SamGroupMatch), each showing one group found, rather than the groups
 * themselves.
 *
 * A list view in GTK 4.8 makes new row widgets for every item that is
 * new to it, and keeps about 200 rows, so when a search found other
 * groups it built and styled 200 rows anew: more than a frame's time on
 * 5 000 groups. Here the first places stay the same items when the search
 * changes: the list view keeps their rows and binds them to the groups
 * they now show. Only places beyond those of the last search get rows
 * made for them.
 */

struct _SamGroupMatch
{
  GObject   parent_instance;

  SamGroup *group;
};

G_DEFINE_FINAL_TYPE (SamGroupMatch, sam_group_match, G_TYPE_OBJECT)

static void
sam_group_match_finalize (GObject *object)
{
  SamGroupMatch *self = SAM_GROUP_MATCH (object);

  g_clear_object (&self->group);

  G_OBJECT_CLASS (sam_group_match_parent_class)->finalize (object);
}

static void
sam_group_match_class_init (SamGroupMatchClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_group_match_finalize;
}

static void
sam_group_match_init (SamGroupMatch *self)
{
}

/**
 * sam_group_match_get_group:
 * @self: a place in the list of groups found
 *
 * Returns: (transfer none): the group found at this place
 */
SamGroup *
sam_group_match_get_group (SamGroupMatch *self)
{
  g_return_val_if_fail (SAM_IS_GROUP_MATCH (self), NULL);

  return self->group;
}

struct _SamGroupMatches
{
  GObject    parent_instance;

  GPtrArray *places;    /* of SamGroupMatch */
};

static GType
sam_group_matches_get_item_type (GListModel *model)
{
  return SAM_TYPE_GROUP_MATCH;
}

static guint
sam_group_matches_get_n_items (GListModel *model)
{
  return SAM_GROUP_MATCHES (model)->places->len;
}

static gpointer
sam_group_matches_get_item (GListModel *model,
                            guint       position)
{
  SamGroupMatches *self = SAM_GROUP_MATCHES (model);

  if (position >= self->places->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->places, position));
}

static void
sam_group_matches_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = sam_group_matches_get_item_type;
  iface->get_n_items = sam_group_matches_get_n_items;
  iface->get_item = sam_group_matches_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (SamGroupMatches, sam_group_matches, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, sam_group_matches_list_model_init))

static void
sam_group_matches_finalize (GObject *object)
{
  SamGroupMatches *self = SAM_GROUP_MATCHES (object);

  g_ptr_array_unref (self->places);

  G_OBJECT_CLASS (sam_group_matches_parent_class)->finalize (object);
}

static void
sam_group_matches_class_init (SamGroupMatchesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_group_matches_finalize;
}

static void
sam_group_matches_init (SamGroupMatches *self)
{
  self->places = g_ptr_array_new_with_free_func (g_object_unref);
}

/**
 * sam_group_matches_new:
 *
 * Returns: (transfer full): an empty list of groups found
 */
SamGroupMatches *
sam_group_matches_new (void)
{
  return g_object_new (SAM_TYPE_GROUP_MATCHES, NULL);
}

/**
 * sam_group_matches_set:
 * @self: a list of groups found
 * @groups: (array length=n_groups): the groups found now, in order
 * @n_groups: how many
 *
 * Shows @groups. The places that show the same group as before are left
 * alone; the others keep their items and show their new group.
 */
void
sam_group_matches_set (SamGroupMatches  *self,
                       SamGroup        **groups,
                       guint             n_groups)
{
  guint n_old, same = 0;

  g_return_if_fail (SAM_IS_GROUP_MATCHES (self));
  g_return_if_fail (groups != NULL || n_groups == 0);

  n_old = self->places->len;
  while (same < n_old && same < n_groups &&
         SAM_GROUP_MATCH (g_ptr_array_index (self->places, same))->group == groups[same])
    same++;
  if (same == n_old && same == n_groups)
    return;

  for (guint i = same; i < n_groups; i++)
    {
      SamGroupMatch *place;

      if (i < n_old)
        place = g_ptr_array_index (self->places, i);
      else
        {
          place = g_object_new (SAM_TYPE_GROUP_MATCH, NULL);
          g_ptr_array_add (self->places, place);
        }
      g_set_object (&place->group, groups[i]);
    }
  if (n_groups < n_old)
    g_ptr_array_remove_range (self->places, n_groups, n_old - n_groups);

  g_list_model_items_changed (G_LIST_MODEL (self), same, n_old - same, n_groups - same);
}

/**
 * sam_group_matches_get:
 * @self: a list of groups found
 * @position: a place in it
 *
 * Returns: (transfer none) (nullable): the group found at @position
 */
SamGroup *
sam_group_matches_get (SamGroupMatches *self,
                       guint            position)
{
  g_return_val_if_fail (SAM_IS_GROUP_MATCHES (self), NULL);

  if (position >= self->places->len)
    return NULL;

  return SAM_GROUP_MATCH (g_ptr_array_index (self->places, position))->group;
}

/**
 * sam_group_matches_find:
 * @self: a list of groups found
 * @uuid: a group
 *
 * Returns: where @uuid was found, or -1
 */
gint
sam_group_matches_find (SamGroupMatches *self,
                        const char      *uuid)
{
  g_return_val_if_fail (SAM_IS_GROUP_MATCHES (self), -1);
  g_return_val_if_fail (uuid != NULL, -1);

  for (guint i = 0; i < self->places->len; i++)
    if (strcmp (sam_group_get_uuid (SAM_GROUP_MATCH (g_ptr_array_index (self->places, i))->group), uuid) == 0)
      return (gint) i;

  return -1;
}

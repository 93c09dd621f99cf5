/* sam-group.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-group"

#include "config.h"

#include "sam-group.h"
#include "sam-model-private.h"

/* A council, subgroup, process team or other group, placed in the tree by its parent.
 * Its properties ("id", "uuid" and one per column of the "grp" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamGroup
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamGroup, sam_group, G_TYPE_OBJECT)

static void
sam_group_class_init (SamGroupClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_GROUP);
}

static void
sam_group_init (SamGroup *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_group_new:
 *
 * Creates an unsaved group; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamGroup
 */
SamGroup *
sam_group_new (void)
{
  return g_object_new (SAM_TYPE_GROUP, NULL);
}

/**
 * sam_group_get_id:
 * @self: a #SamGroup
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_group_get_id (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), 0);

  return self->record.id;
}

/**
 * sam_group_get_uuid:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_group_get_uuid (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return self->record.uuid;
}

/**
 * sam_group_get_code:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the short code, such as “AOI”
 */
const char *
sam_group_get_code (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return _sam_model_get_string (self, "code");
}

/**
 * sam_group_get_name:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the name
 */
const char *
sam_group_get_name (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return _sam_model_get_string (self, "name");
}

/**
 * sam_group_get_kind:
 * @self: a #SamGroup
 *
 * Returns: the kind
 */
SamGroupKind
sam_group_get_kind (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), 0);

  return (SamGroupKind) _sam_model_get_int (self, "kind");
}

/**
 * sam_group_get_parent_uuid:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the UUID of the parent
 */
const char *
sam_group_get_parent_uuid (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return _sam_model_get_string (self, "parent_id");
}

/**
 * sam_group_get_position:
 * @self: a #SamGroup
 *
 * Returns: the position, or -1 when absent
 */
int
sam_group_get_position (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), -1);

  return _sam_model_get_int (self, "position");
}

/**
 * sam_group_get_established:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the date it was established (YYYY-MM-DD)
 */
const char *
sam_group_get_established (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return _sam_model_get_string (self, "established");
}

/**
 * sam_group_get_dissolved:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the date it was dissolved (YYYY-MM-DD)
 */
const char *
sam_group_get_dissolved (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return _sam_model_get_string (self, "dissolved");
}

/**
 * sam_group_get_description:
 * @self: a #SamGroup
 *
 * Returns: (transfer none) (nullable): the description
 */
const char *
sam_group_get_description (SamGroup *self)
{
  g_return_val_if_fail (SAM_IS_GROUP (self), NULL);

  return _sam_model_get_string (self, "description");
}

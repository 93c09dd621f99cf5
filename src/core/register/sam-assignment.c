/* sam-assignment.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-assignment"

#include "config.h"

#include "sam-assignment.h"
#include "sam-model-private.h"

/* A person in a role in a group, representing an organisation, for a term.
 * Its properties ("id", "uuid" and one per column of the "assignment" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamAssignment
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamAssignment, sam_assignment, G_TYPE_OBJECT)

static void
sam_assignment_class_init (SamAssignmentClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_ASSIGNMENT);
}

static void
sam_assignment_init (SamAssignment *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_assignment_new:
 *
 * Creates an unsaved assignment; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamAssignment
 */
SamAssignment *
sam_assignment_new (void)
{
  return g_object_new (SAM_TYPE_ASSIGNMENT, NULL);
}

/**
 * sam_assignment_get_id:
 * @self: a #SamAssignment
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_assignment_get_id (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), 0);

  return self->record.id;
}

/**
 * sam_assignment_get_uuid:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_assignment_get_uuid (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return self->record.uuid;
}

/**
 * sam_assignment_get_person_uuid:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): the UUID of the person
 */
const char *
sam_assignment_get_person_uuid (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "person_id");
}

/**
 * sam_assignment_get_group_uuid:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): the UUID of the group
 */
const char *
sam_assignment_get_group_uuid (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "group_id");
}

/**
 * sam_assignment_get_role:
 * @self: a #SamAssignment
 *
 * Returns: the role
 */
SamRole
sam_assignment_get_role (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), 0);

  return (SamRole) _sam_model_get_int (self, "role");
}

/**
 * sam_assignment_get_organisation_uuid:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): the UUID of the organisation
 */
const char *
sam_assignment_get_organisation_uuid (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "organisation_id");
}

/**
 * sam_assignment_get_appointed_by:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): who appointed the person
 */
const char *
sam_assignment_get_appointed_by (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "appointed_by");
}

/**
 * sam_assignment_get_starts:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): when it starts (YYYY-MM-DD, or a UTC date-time for a meeting)
 */
const char *
sam_assignment_get_starts (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "starts");
}

/**
 * sam_assignment_get_ends:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): when it ends (YYYY-MM-DD, or a UTC date-time for a meeting)
 */
const char *
sam_assignment_get_ends (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "ends");
}

/**
 * sam_assignment_get_note:
 * @self: a #SamAssignment
 *
 * Returns: (transfer none) (nullable): the note
 */
const char *
sam_assignment_get_note (SamAssignment *self)
{
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (self), NULL);

  return _sam_model_get_string (self, "note");
}

/* sam-person.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-person"

#include "config.h"

#include "sam-person.h"
#include "sam-model-private.h"

/* A person who holds assignments in groups.
 * Its properties ("id", "uuid" and one per column of the "person" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamPerson
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamPerson, sam_person, G_TYPE_OBJECT)

static void
sam_person_class_init (SamPersonClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_PERSON);
}

static void
sam_person_init (SamPerson *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_person_new:
 *
 * Creates an unsaved person; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamPerson
 */
SamPerson *
sam_person_new (void)
{
  return g_object_new (SAM_TYPE_PERSON, NULL);
}

/**
 * sam_person_get_id:
 * @self: a #SamPerson
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_person_get_id (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), 0);

  return self->record.id;
}

/**
 * sam_person_get_uuid:
 * @self: a #SamPerson
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_person_get_uuid (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), NULL);

  return self->record.uuid;
}

/**
 * sam_person_get_name:
 * @self: a #SamPerson
 *
 * Returns: (transfer none) (nullable): the name
 */
const char *
sam_person_get_name (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), NULL);

  return _sam_model_get_string (self, "name");
}

/**
 * sam_person_get_title:
 * @self: a #SamPerson
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
sam_person_get_title (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), NULL);

  return _sam_model_get_string (self, "title");
}

/**
 * sam_person_get_email:
 * @self: a #SamPerson
 *
 * Returns: (transfer none) (nullable): the email
 */
const char *
sam_person_get_email (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), NULL);

  return _sam_model_get_string (self, "email");
}

/**
 * sam_person_get_phone:
 * @self: a #SamPerson
 *
 * Returns: (transfer none) (nullable): the phone
 */
const char *
sam_person_get_phone (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), NULL);

  return _sam_model_get_string (self, "phone");
}

/**
 * sam_person_get_organisation_uuid:
 * @self: a #SamPerson
 *
 * Returns: (transfer none) (nullable): the UUID of the organisation
 */
const char *
sam_person_get_organisation_uuid (SamPerson *self)
{
  g_return_val_if_fail (SAM_IS_PERSON (self), NULL);

  return _sam_model_get_string (self, "organisation_id");
}

/* sam-organisation.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-organisation"

#include "config.h"

#include "sam-organisation.h"
#include "sam-model-private.h"

/* An organisation that participants represent: an administration, a private provider under LOV, a municipality, …
 * Its properties ("id", "uuid" and one per column of the "organisation" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamOrganisation
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamOrganisation, sam_organisation, G_TYPE_OBJECT)

static void
sam_organisation_class_init (SamOrganisationClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_ORGANISATION);
}

static void
sam_organisation_init (SamOrganisation *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_organisation_new:
 *
 * Creates an unsaved organisation; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamOrganisation
 */
SamOrganisation *
sam_organisation_new (void)
{
  return g_object_new (SAM_TYPE_ORGANISATION, NULL);
}

/**
 * sam_organisation_get_id:
 * @self: a #SamOrganisation
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_organisation_get_id (SamOrganisation *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION (self), 0);

  return self->record.id;
}

/**
 * sam_organisation_get_uuid:
 * @self: a #SamOrganisation
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_organisation_get_uuid (SamOrganisation *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION (self), NULL);

  return self->record.uuid;
}

/**
 * sam_organisation_get_name:
 * @self: a #SamOrganisation
 *
 * Returns: (transfer none) (nullable): the name
 */
const char *
sam_organisation_get_name (SamOrganisation *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION (self), NULL);

  return _sam_model_get_string (self, "name");
}

/**
 * sam_organisation_get_short_name:
 * @self: a #SamOrganisation
 *
 * Returns: (transfer none) (nullable): the short name
 */
const char *
sam_organisation_get_short_name (SamOrganisation *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION (self), NULL);

  return _sam_model_get_string (self, "short_name");
}

/**
 * sam_organisation_get_kind:
 * @self: a #SamOrganisation
 *
 * Returns: the kind
 */
SamOrganisationKind
sam_organisation_get_kind (SamOrganisation *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION (self), 0);

  return (SamOrganisationKind) _sam_model_get_int (self, "kind");
}

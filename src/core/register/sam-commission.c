/* sam-commission.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-commission"

#include "config.h"

#include <string.h>

#include "sam-commission.h"
#include "sam-model-private.h"

/* The commission (uppdragshandling) a group works under.
 * Its properties ("id", "uuid" and one per column of the "commission" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamCommission
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamCommission, sam_commission, G_TYPE_OBJECT)

static void
sam_commission_class_init (SamCommissionClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_COMMISSION);
}

static void
sam_commission_init (SamCommission *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_commission_new:
 *
 * Creates an unsaved commission; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamCommission
 */
SamCommission *
sam_commission_new (void)
{
  return g_object_new (SAM_TYPE_COMMISSION, NULL);
}

/**
 * sam_commission_get_id:
 * @self: a #SamCommission
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_commission_get_id (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), 0);

  return self->record.id;
}

/**
 * sam_commission_get_uuid:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_commission_get_uuid (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return self->record.uuid;
}

/**
 * sam_commission_get_group_uuid:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the UUID of the group
 */
const char *
sam_commission_get_group_uuid (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return _sam_model_get_string (self, "group_id");
}

/**
 * sam_commission_get_registry_number:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the registry number
 */
const char *
sam_commission_get_registry_number (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return _sam_model_get_string (self, "registry_number");
}

/**
 * sam_commission_get_dated:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the date of the commission document (YYYY-MM-DD)
 */
const char *
sam_commission_get_dated (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return _sam_model_get_string (self, "dated");
}

/**
 * sam_commission_get_title:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
sam_commission_get_title (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return _sam_model_get_string (self, "title");
}

/**
 * sam_commission_get_purpose:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the purpose
 */
const char *
sam_commission_get_purpose (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return _sam_model_get_string (self, "purpose");
}

/**
 * sam_commission_get_tasks:
 * @self: a #SamCommission
 *
 * Returns: (transfer none) (nullable): the tasks
 */
const char *
sam_commission_get_tasks (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);

  return _sam_model_get_string (self, "tasks");
}

/**
 * sam_commission_get_min_meetings:
 * @self: a #SamCommission
 *
 * Returns: the least number of meetings a year, or -1 when absent
 */
int
sam_commission_get_min_meetings (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), -1);

  return _sam_model_get_int (self, "min_meetings");
}

/**
 * sam_commission_get_max_meetings:
 * @self: a #SamCommission
 *
 * Returns: the greatest number of meetings a year, or -1 when absent
 */
int
sam_commission_get_max_meetings (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), -1);

  return _sam_model_get_int (self, "max_meetings");
}

/**
 * sam_commission_get_max_co_opted:
 * @self: a #SamCommission
 *
 * Returns: the greatest number of co-opted members, or -1 when absent
 */
int
sam_commission_get_max_co_opted (SamCommission *self)
{
  g_return_val_if_fail (SAM_IS_COMMISSION (self), -1);

  return _sam_model_get_int (self, "max_co_opted");
}

/**
 * sam_commission_get_text:
 * @self: a #SamCommission
 * @name: the property of one of its texts or dates, such as “chair-rule”
 *
 * Reads one of the commission's texts or dates by its property name, for
 * code that goes through the sections of the document in order.
 *
 * Returns: (transfer none) (nullable): the text, or %NULL if it is empty
 */
const char *
sam_commission_get_text (SamCommission *self,
                         const char    *name)
{
  const SamTableInfo *info = sam_schema_table (SAM_TABLE_COMMISSION);

  g_return_val_if_fail (SAM_IS_COMMISSION (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].type != SAM_COLUMN_INT && info->columns[i].type != SAM_COLUMN_ENUM &&
        info->columns[i].type != SAM_COLUMN_REF && strcmp (info->columns[i].xml_name, name) == 0)
      return _sam_model_get_string (self, info->columns[i].column);

  g_critical ("A commission has no text “%s”", name);
  return NULL;
}

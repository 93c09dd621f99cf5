/* sam-escalation-item.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-escalation-item"

#include "config.h"

#include "sam-escalation-item.h"

/* An escalation as an item of a list model: SamEscalation is a plain
 * struct, which a GListModel cannot hold. */

struct _SamEscalationItem
{
  GObject        parent_instance;

  SamEscalation *escalation;
};

G_DEFINE_FINAL_TYPE (SamEscalationItem, sam_escalation_item, G_TYPE_OBJECT)

static void
sam_escalation_item_finalize (GObject *object)
{
  SamEscalationItem *self = SAM_ESCALATION_ITEM (object);

  g_clear_pointer (&self->escalation, sam_escalation_free);

  G_OBJECT_CLASS (sam_escalation_item_parent_class)->finalize (object);
}

static void
sam_escalation_item_class_init (SamEscalationItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_escalation_item_finalize;
}

static void
sam_escalation_item_init (SamEscalationItem *self)
{
}

/**
 * sam_escalation_item_new:
 * @escalation: (transfer full): an escalation
 *
 * Returns: (transfer full): an item holding @escalation
 */
SamEscalationItem *
sam_escalation_item_new (SamEscalation *escalation)
{
  SamEscalationItem *self;

  g_return_val_if_fail (escalation != NULL, NULL);

  self = g_object_new (SAM_TYPE_ESCALATION_ITEM, NULL);
  self->escalation = escalation;

  return self;
}

/**
 * sam_escalation_item_get_escalation:
 * @self: a #SamEscalationItem
 *
 * Returns: (transfer none): the escalation
 */
const SamEscalation *
sam_escalation_item_get_escalation (SamEscalationItem *self)
{
  g_return_val_if_fail (SAM_IS_ESCALATION_ITEM (self), NULL);

  return self->escalation;
}

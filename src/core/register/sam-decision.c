/* sam-decision.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision"

#include "config.h"

#include "sam-decision.h"
#include "sam-model-private.h"

/* A decision of a group; numbered per group and year when registered.
 * Its properties ("id", "uuid" and one per column of the "decision" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamDecision
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamDecision, sam_decision, G_TYPE_OBJECT)

static void
sam_decision_class_init (SamDecisionClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_DECISION);
}

static void
sam_decision_init (SamDecision *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_decision_new:
 *
 * Creates an unsaved decision; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamDecision
 */
SamDecision *
sam_decision_new (void)
{
  return g_object_new (SAM_TYPE_DECISION, NULL);
}

/**
 * sam_decision_get_id:
 * @self: a #SamDecision
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_decision_get_id (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), 0);

  return self->record.id;
}

/**
 * sam_decision_get_uuid:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_decision_get_uuid (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return self->record.uuid;
}

/**
 * sam_decision_get_group_uuid:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the UUID of the group
 */
const char *
sam_decision_get_group_uuid (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "group_id");
}

/**
 * sam_decision_get_year:
 * @self: a #SamDecision
 *
 * Returns: the year, or -1 when absent
 */
int
sam_decision_get_year (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), -1);

  return _sam_model_get_int (self, "year");
}

/**
 * sam_decision_get_serial:
 * @self: a #SamDecision
 *
 * Returns: the serial, or -1 when absent
 */
int
sam_decision_get_serial (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), -1);

  return _sam_model_get_int (self, "serial");
}

/**
 * sam_decision_get_decided:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the date it was decided (YYYY-MM-DD)
 */
const char *
sam_decision_get_decided (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "decided");
}

/**
 * sam_decision_get_meeting_uuid:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the UUID of the meeting
 */
const char *
sam_decision_get_meeting_uuid (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "meeting_id");
}

/**
 * sam_decision_get_title:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
sam_decision_get_title (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "title");
}

/**
 * sam_decision_get_body:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the body
 */
const char *
sam_decision_get_body (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "body");
}

/**
 * sam_decision_get_mandate:
 * @self: a #SamDecision
 *
 * Returns: the mandate
 */
SamMandate
sam_decision_get_mandate (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), 0);

  return (SamMandate) _sam_model_get_int (self, "mandate");
}

/**
 * sam_decision_get_status:
 * @self: a #SamDecision
 *
 * Returns: the status
 */
SamDecisionStatus
sam_decision_get_status (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), 0);

  return (SamDecisionStatus) _sam_model_get_int (self, "status");
}

/**
 * sam_decision_get_responsible:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): who is responsible for carrying it out
 */
const char *
sam_decision_get_responsible (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "responsible");
}

/**
 * sam_decision_get_follow_up:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the follow-up date (YYYY-MM-DD)
 */
const char *
sam_decision_get_follow_up (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "follow_up");
}

/**
 * sam_decision_get_supersedes_uuid:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): the UUID of the decision this one supersedes
 */
const char *
sam_decision_get_supersedes_uuid (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "supersedes_id");
}

/**
 * sam_decision_get_withdrawn_reason:
 * @self: a #SamDecision
 *
 * Returns: (transfer none) (nullable): why a withdrawn decision was withdrawn
 */
const char *
sam_decision_get_withdrawn_reason (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  return _sam_model_get_string (self, "withdrawn_reason");
}

/**
 * sam_decision_is_registered:
 * @self: a #SamDecision
 *
 * A registered decision has a number and is no longer a draft; its wording
 * and number can no longer change.
 *
 * Returns: whether @self is registered
 */
gboolean
sam_decision_is_registered (SamDecision *self)
{
  g_return_val_if_fail (SAM_IS_DECISION (self), FALSE);

  return sam_decision_get_status (self) != SAM_DECISION_STATUS_DRAFT;
}

/**
 * sam_decision_format_number:
 * @self: a #SamDecision
 * @group_code: (nullable): the code of its group, such as “AOI”
 *
 * Formats the decision number as the register writes it, “AOI 2026:7”, or
 * “2026:7” for a group without a code.
 *
 * Returns: (transfer full) (nullable): the number, or %NULL for a draft
 */
char *
sam_decision_format_number (SamDecision *self,
                            const char  *group_code)
{
  int year, serial;

  g_return_val_if_fail (SAM_IS_DECISION (self), NULL);

  year = sam_decision_get_year (self);
  serial = sam_decision_get_serial (self);
  if (year < 0 || serial < 0)
    return NULL;
  if (group_code == NULL || *group_code == '\0')
    return g_strdup_printf ("%d:%d", year, serial);

  return g_strdup_printf ("%s %d:%d", group_code, year, serial);
}

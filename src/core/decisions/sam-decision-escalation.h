/* sam-decision-escalation.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

typedef enum
{
  SAM_ESCALATION_TOPIC_GENERAL,
  SAM_ESCALATION_TOPIC_RESOURCES,
  SAM_ESCALATION_TOPIC_CROSS_AREA,
} SamEscalationTopic;

typedef struct
{
  char *to_group_uuid;  /* nullable */
  char *to_other;       /* nullable: a person or a body outside the register */
  char *label;          /* what to show, e.g. “Samordningsråd kirurgi” */
  char *why;            /* translated: why this body */
} SamEscalationTarget;

void       sam_escalation_target_free      (SamEscalationTarget *target);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamEscalationTarget, sam_escalation_target_free)

GPtrArray *sam_decision_propose_escalation (SamStore            *store,
                                            const char          *group_uuid,
                                            SamEscalationTopic   topic,
                                            const char          *date,
                                            GError             **error);

G_END_DECLS

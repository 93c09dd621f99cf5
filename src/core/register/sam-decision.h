/* sam-decision.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_DECISION (sam_decision_get_type ())

G_DECLARE_FINAL_TYPE (SamDecision, sam_decision, SAM, DECISION, GObject)

SamDecision       *sam_decision_new                  (void) G_GNUC_WARN_UNUSED_RESULT;
gint64             sam_decision_get_id               (SamDecision *self);
const char        *sam_decision_get_uuid             (SamDecision *self);
const char        *sam_decision_get_group_uuid       (SamDecision *self);
int                sam_decision_get_year             (SamDecision *self);
int                sam_decision_get_serial           (SamDecision *self);
const char        *sam_decision_get_decided          (SamDecision *self);
const char        *sam_decision_get_meeting_uuid     (SamDecision *self);
const char        *sam_decision_get_title            (SamDecision *self);
const char        *sam_decision_get_body             (SamDecision *self);
SamMandate         sam_decision_get_mandate          (SamDecision *self);
SamDecisionStatus  sam_decision_get_status           (SamDecision *self);
const char        *sam_decision_get_responsible      (SamDecision *self);
const char        *sam_decision_get_follow_up        (SamDecision *self);
const char        *sam_decision_get_supersedes_uuid  (SamDecision *self);
const char        *sam_decision_get_withdrawn_reason (SamDecision *self);
gboolean           sam_decision_is_registered        (SamDecision *self);
char              *sam_decision_format_number        (SamDecision *self,
                                                      const char  *group_code) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

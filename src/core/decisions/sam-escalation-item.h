/* sam-escalation-item.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sam-store-decisions.h"

G_BEGIN_DECLS

#define SAM_TYPE_ESCALATION_ITEM (sam_escalation_item_get_type ())

G_DECLARE_FINAL_TYPE (SamEscalationItem, sam_escalation_item, SAM, ESCALATION_ITEM, GObject)

SamEscalationItem   *sam_escalation_item_new            (SamEscalation     *escalation) G_GNUC_WARN_UNUSED_RESULT;
const SamEscalation *sam_escalation_item_get_escalation (SamEscalationItem *self);

G_END_DECLS

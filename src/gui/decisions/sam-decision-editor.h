/* sam-decision-editor.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_DECISION_EDITOR (sam_decision_editor_get_type ())

G_DECLARE_FINAL_TYPE (SamDecisionEditor, sam_decision_editor, SAM, DECISION_EDITOR, AdwBin)

void         sam_decision_editor_set_decision  (SamDecisionEditor *self,
                                                SamDecision       *decision);
SamDecision *sam_decision_editor_get_decision  (SamDecisionEditor *self);
void         sam_decision_editor_new_draft     (SamDecisionEditor *self,
                                                const char        *group_uuid);
void         sam_decision_editor_show_uuid     (SamDecisionEditor *self,
                                                const char        *uuid);
gboolean     sam_decision_editor_is_editing    (SamDecisionEditor *self);
void         sam_decision_editor_reload        (SamDecisionEditor *self);

G_END_DECLS

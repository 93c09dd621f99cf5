/* sam-decisions-page.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-decision-list.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_DECISIONS_PAGE (sam_decisions_page_get_type ())

G_DECLARE_FINAL_TYPE (SamDecisionsPage, sam_decisions_page, SAM, DECISIONS_PAGE, AdwBin)

SamDecisionList *sam_decisions_page_get_list   (SamDecisionsPage *self);
GtkWidget       *sam_decisions_page_get_editor (SamDecisionsPage *self);
void             sam_decisions_page_search     (SamDecisionsPage *self,
                                                const char       *text);

G_END_DECLS

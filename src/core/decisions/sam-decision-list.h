/* sam-decision-list.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-store-decisions.h"

G_BEGIN_DECLS

#define SAM_TYPE_DECISION_LIST (sam_decision_list_get_type ())

G_DECLARE_FINAL_TYPE (SamDecisionList, sam_decision_list, SAM, DECISION_LIST, GObject)

SamDecisionList         *sam_decision_list_new        (SamStore                *store) G_GNUC_WARN_UNUSED_RESULT;
SamStore                *sam_decision_list_get_store  (SamDecisionList         *self);
void                     sam_decision_list_set_filter (SamDecisionList         *self,
                                                       const SamDecisionFilter *filter);
const SamDecisionFilter *sam_decision_list_get_filter (SamDecisionList         *self);
void                     sam_decision_list_set_query  (SamDecisionList         *self,
                                                       const SamDecisionFilter *filter,
                                                       SamDecisionSort          sort,
                                                       gboolean                 descending);
void                     sam_decision_list_set_sort   (SamDecisionList         *self,
                                                       SamDecisionSort          sort,
                                                       gboolean                 descending);
SamDecisionSort          sam_decision_list_get_sort   (SamDecisionList         *self,
                                                       gboolean                *descending);
void                     sam_decision_list_refresh    (SamDecisionList         *self);
guint                    sam_decision_list_get_n_cached (SamDecisionList       *self);
guint                    sam_decision_list_get_n_reads (SamDecisionList        *self);
guint                    sam_decision_list_get_page_size (void);

G_END_DECLS

/* sam-decision-sorter.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-store-decisions.h"

G_BEGIN_DECLS

#define SAM_TYPE_DECISION_SORTER (sam_decision_sorter_get_type ())

G_DECLARE_FINAL_TYPE (SamDecisionSorter, sam_decision_sorter, SAM, DECISION_SORTER, GtkSorter)

SamDecisionSorter *sam_decision_sorter_new        (SamDecisionSort    key) G_GNUC_WARN_UNUSED_RESULT;
SamDecisionSort    sam_decision_sorter_get_key    (SamDecisionSorter *self);
gboolean           sam_decision_sorter_find_sort  (GtkColumnView     *view,
                                                   SamDecisionSort   *key,
                                                   gboolean          *descending);

G_END_DECLS

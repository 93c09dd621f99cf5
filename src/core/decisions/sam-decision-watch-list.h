/* sam-decision-watch-list.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-store-decision-watch.h"

G_BEGIN_DECLS

#define SAM_TYPE_DECISION_WATCH_LIST (sam_decision_watch_list_get_type ())

G_DECLARE_FINAL_TYPE (SamDecisionWatchList, sam_decision_watch_list, SAM, DECISION_WATCH_LIST, GObject)

SamDecisionWatchList *sam_decision_watch_list_new          (SamStore             *store,
                                                            SamDecisionWatch      watch) G_GNUC_WARN_UNUSED_RESULT;
SamDecisionWatch      sam_decision_watch_list_get_watch    (SamDecisionWatchList *self);
void                  sam_decision_watch_list_refresh      (SamDecisionWatchList *self);
gboolean              sam_decision_watch_list_is_loading   (SamDecisionWatchList *self);
gboolean              sam_decision_watch_list_is_loaded    (SamDecisionWatchList *self);
guint                 sam_decision_watch_list_get_n_cached (SamDecisionWatchList *self);

G_END_DECLS

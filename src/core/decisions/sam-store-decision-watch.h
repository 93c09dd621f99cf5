/* sam-store-decision-watch.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store-decisions.h"

G_BEGIN_DECLS

/* The decisions the coordinator keeps an eye on: those due for follow-up
 * and the escalations waiting for an answer. */
typedef enum
{
  SAM_DECISION_WATCH_FOLLOW_UP,
  SAM_DECISION_WATCH_ESCALATIONS,
} SamDecisionWatch;

/* How far ahead the follow-up list looks, in days */
#define SAM_FOLLOW_UP_DAYS 30

GArray    *sam_store_list_watch_ids           (SamStore         *self,
                                               SamDecisionWatch  watch,
                                               const char       *today,
                                               int               days,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *sam_store_fetch_decisions_by_id    (SamStore         *self,
                                               const gint64     *ids,
                                               guint             n_ids,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray *sam_store_fetch_escalations_by_id  (SamStore         *self,
                                               const gint64     *ids,
                                               guint             n_ids,
                                               GError          **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

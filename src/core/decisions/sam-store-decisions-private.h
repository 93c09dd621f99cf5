/* sam-store-decisions-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store-decisions.h"
#include "sam-store-private.h"

G_BEGIN_DECLS

/* sam-store-decisions-edit.c: for the decision store's files */
char              *_sam_decision_dup_label      (SamDecision  *decision);
GPtrArray         *_sam_store_read_decision     (SamStore     *self,
                                                 const char   *uuid,
                                                 const char   *what,
                                                 GError      **error);
SamDecisionStatus  _sam_decision_row_status     (GPtrArray    *row);
gboolean           _sam_store_audit_decision    (SamStore     *self,
                                                 const char   *action,
                                                 const char   *uuid,
                                                 GPtrArray    *before,
                                                 GPtrArray   **after_out,
                                                 GError      **error);
void               _sam_store_refresh_decision  (SamStore     *self,
                                                 SamDecision  *decision,
                                                 const char   *uuid);

G_END_DECLS

/* sam-decision-extract.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-report.h"
#include "sam-store.h"

G_BEGIN_DECLS

SamReport *sam_decision_extract_new   (SamStore    *store,
                                       const char  *decision_uuid,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sam_decision_extract_write (SamStore    *store,
                                       const char  *decision_uuid,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS

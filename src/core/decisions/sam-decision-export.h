/* sam-decision-export.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-csv.h"
#include "sam-report.h"
#include "sam-store.h"

G_BEGIN_DECLS

gboolean   sam_decision_export_csv      (SamStore    *store,
                                         const char  *group_uuid,
                                         int          year,
                                         const char  *path,
                                         GError     **error);
SamReport *sam_decision_log_new         (SamStore    *store,
                                         const char  *group_uuid,
                                         int          year,
                                         GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sam_decision_export_pdf      (SamStore    *store,
                                         const char  *group_uuid,
                                         int          year,
                                         const char  *path,
                                         GError     **error);
gboolean   sam_decision_export_file     (SamStore    *store,
                                         const char  *group_code,
                                         int          year,
                                         const char  *path,
                                         GError     **error);

G_END_DECLS

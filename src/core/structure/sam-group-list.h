/* sam-group-list.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-report.h"
#include "sam-store.h"

G_BEGIN_DECLS

/*
 * The register keeper's list of corporate-wide groups (förteckning
 * koncernövergripande grupper): every group with its level, kind, code,
 * parent, chair, contact person, coordinator, commission and dates, as a
 * landscape PDF table or a CSV file for spreadsheets.
 */

SamReport *sam_group_list_new         (SamStore    *store,
                                       const char  *as_of,
                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sam_group_list_export_csv  (SamStore    *store,
                                       const char  *as_of,
                                       const char  *path,
                                       GError     **error);
gboolean   sam_group_list_export_file (SamStore    *store,
                                       const char  *as_of,
                                       const char  *path,
                                       GError     **error);

G_END_DECLS

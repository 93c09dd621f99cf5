/* sam-commission-doc.h
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
 * Documents built from the register with the report writer: a group's
 * commission (uppdragshandling) in the structure of the region's own
 * documents, and one person's roles across all groups (uppdragsförteckning).
 */

SamReport *sam_commission_doc_new      (SamStore    *store,
                                        const char  *group_uuid,
                                        const char  *as_of,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sam_commission_doc_write    (SamStore    *store,
                                        const char  *group_uuid,
                                        const char  *as_of,
                                        const char  *path,
                                        GError     **error);
SamReport *sam_person_roles_doc_new    (SamStore    *store,
                                        const char  *person_uuid,
                                        const char  *as_of,
                                        GError     **error) G_GNUC_WARN_UNUSED_RESULT;
char      *sam_format_term             (const char  *starts,
                                        const char  *ends) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

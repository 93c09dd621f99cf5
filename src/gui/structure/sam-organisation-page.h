/* sam-organisation-page.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"
#include "sam-undo.h"

G_BEGIN_DECLS

#define SAM_TYPE_ORGANISATION_PAGE (sam_organisation_page_get_type ())

G_DECLARE_FINAL_TYPE (SamOrganisationPage, sam_organisation_page, SAM, ORGANISATION_PAGE, AdwBin)

SamStore *sam_organisation_page_get_store          (SamOrganisationPage *self);
void      sam_organisation_page_set_store          (SamOrganisationPage *self,
                                                    SamStore            *store);
SamUndo  *sam_organisation_page_get_undo           (SamOrganisationPage *self);
SamGroup *sam_organisation_page_get_selected_group (SamOrganisationPage *self);
void      sam_organisation_page_select_group       (SamOrganisationPage *self,
                                                    const char          *uuid);
void      sam_organisation_page_set_chart          (SamOrganisationPage *self,
                                                    GtkWidget           *chart);
gboolean  sam_organisation_page_get_chart_only     (SamOrganisationPage *self);
void      sam_organisation_page_set_chart_only     (SamOrganisationPage *self,
                                                    gboolean             chart_only);
void      sam_organisation_page_add_toast          (SamOrganisationPage *self,
                                                    AdwToast            *toast);

G_END_DECLS

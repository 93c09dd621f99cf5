/* sam-organisation.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_ORGANISATION (sam_organisation_get_type ())

G_DECLARE_FINAL_TYPE (SamOrganisation, sam_organisation, SAM, ORGANISATION, GObject)

SamOrganisation     *sam_organisation_new            (void) G_GNUC_WARN_UNUSED_RESULT;
gint64               sam_organisation_get_id         (SamOrganisation *self);
const char          *sam_organisation_get_uuid       (SamOrganisation *self);
const char          *sam_organisation_get_name       (SamOrganisation *self);
const char          *sam_organisation_get_short_name (SamOrganisation *self);
SamOrganisationKind  sam_organisation_get_kind       (SamOrganisation *self);

G_END_DECLS

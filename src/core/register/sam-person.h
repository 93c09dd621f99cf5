/* sam-person.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_PERSON (sam_person_get_type ())

G_DECLARE_FINAL_TYPE (SamPerson, sam_person, SAM, PERSON, GObject)

SamPerson  *sam_person_new                   (void) G_GNUC_WARN_UNUSED_RESULT;
gint64      sam_person_get_id                (SamPerson *self);
const char *sam_person_get_uuid              (SamPerson *self);
const char *sam_person_get_name              (SamPerson *self);
const char *sam_person_get_title             (SamPerson *self);
const char *sam_person_get_email             (SamPerson *self);
const char *sam_person_get_phone             (SamPerson *self);
const char *sam_person_get_organisation_uuid (SamPerson *self);

G_END_DECLS

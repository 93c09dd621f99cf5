/* sam-assignment.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_ASSIGNMENT (sam_assignment_get_type ())

G_DECLARE_FINAL_TYPE (SamAssignment, sam_assignment, SAM, ASSIGNMENT, GObject)

SamAssignment *sam_assignment_new                   (void) G_GNUC_WARN_UNUSED_RESULT;
gint64         sam_assignment_get_id                (SamAssignment *self);
const char    *sam_assignment_get_uuid              (SamAssignment *self);
const char    *sam_assignment_get_person_uuid       (SamAssignment *self);
const char    *sam_assignment_get_group_uuid        (SamAssignment *self);
SamRole        sam_assignment_get_role              (SamAssignment *self);
const char    *sam_assignment_get_organisation_uuid (SamAssignment *self);
const char    *sam_assignment_get_appointed_by      (SamAssignment *self);
const char    *sam_assignment_get_starts            (SamAssignment *self);
const char    *sam_assignment_get_ends              (SamAssignment *self);
const char    *sam_assignment_get_note              (SamAssignment *self);

G_END_DECLS

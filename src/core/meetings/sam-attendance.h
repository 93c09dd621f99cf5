/* sam-attendance.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_ATTENDANCE (sam_attendance_get_type ())

G_DECLARE_FINAL_TYPE (SamAttendance, sam_attendance, SAM, ATTENDANCE, GObject)

/* -1 in place of a #SamAttendanceStatus: not recorded yet. */
#define SAM_ATTENDANCE_STATUS_UNKNOWN (-1)

/* -1 in place of a #SamRole: no role in the meeting's groups (a guest or
 * a substitute). */
#define SAM_ATTENDANCE_NO_ROLE (-1)

const char *sam_attendance_get_person_uuid         (SamAttendance *self);
const char *sam_attendance_get_person_name         (SamAttendance *self);
const char *sam_attendance_get_organisation_name   (SamAttendance *self);
int         sam_attendance_get_status              (SamAttendance *self);
const char *sam_attendance_get_substitute_for_uuid (SamAttendance *self);
const char *sam_attendance_get_substitute_for_name (SamAttendance *self);
gboolean    sam_attendance_is_member               (SamAttendance *self);
int         sam_attendance_get_role                (SamAttendance *self);

/* For the store, which builds the list. */
SamAttendance *_sam_attendance_new (const char *person_uuid,
                                    const char *person_name,
                                    const char *organisation_name,
                                    int         status,
                                    const char *substitute_for_uuid,
                                    const char *substitute_for_name,
                                    int         role) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

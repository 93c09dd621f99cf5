/* sam-meeting.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING (sam_meeting_get_type ())

G_DECLARE_FINAL_TYPE (SamMeeting, sam_meeting, SAM, MEETING, GObject)

SamMeeting       *sam_meeting_new               (void) G_GNUC_WARN_UNUSED_RESULT;
gint64            sam_meeting_get_id            (SamMeeting *self);
const char       *sam_meeting_get_uuid          (SamMeeting *self);
const char       *sam_meeting_get_title         (SamMeeting *self);
SamMeetingKind    sam_meeting_get_kind          (SamMeeting *self);
SamMeetingStatus  sam_meeting_get_status        (SamMeeting *self);
const char       *sam_meeting_get_starts        (SamMeeting *self);
const char       *sam_meeting_get_ends          (SamMeeting *self);
const char       *sam_meeting_get_place         (SamMeeting *self);
const char       *sam_meeting_get_link          (SamMeeting *self);
const char       *sam_meeting_get_prepares_uuid (SamMeeting *self);
const char       *sam_meeting_get_notes         (SamMeeting *self);

G_END_DECLS

/* sam-meeting-checks.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

typedef enum
{
  SAM_MEETING_WARNING_FREQUENCY,       /* a year outside the commission's min–max */
  SAM_MEETING_WARNING_HOLIDAY,         /* on a public holiday or a customary day off */
  SAM_MEETING_WARNING_WEEKEND,         /* on a Saturday or Sunday */
  SAM_MEETING_WARNING_DOUBLE_BOOKING,  /* a person in two overlapping meetings */
  SAM_MEETING_WARNING_PREPARATION,     /* a preparing meeting not before the one it prepares */
} SamMeetingWarningKind;

typedef struct
{
  SamMeetingWarningKind  kind;
  char                  *meeting_uuid;        /* (nullable) the meeting it is about */
  char                  *other_meeting_uuid;  /* (nullable) the other meeting of a pair */
  char                  *group_uuid;          /* (nullable) the group, for frequency */
  char                  *person_uuid;         /* (nullable) the person, for a double booking */
  int                    year;                /* the calendar year in Stockholm */
  char                  *message;             /* translated, for people */
} SamMeetingWarning;

void       sam_meeting_warning_free        (SamMeetingWarning  *warning);

int        sam_meeting_get_local_year      (SamMeeting         *meeting);
gboolean   sam_meeting_get_local_date      (SamMeeting         *meeting,
                                            GDate              *date);
guint      sam_meeting_checks_count        (SamStore           *store,
                                            const char         *group_uuid,
                                            int                 year,
                                            GError            **error);
GPtrArray *sam_meeting_checks_run          (SamStore           *store,
                                            const char         *group_uuid,
                                            int                 year,
                                            GError            **error) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMeetingWarning, sam_meeting_warning_free)

G_END_DECLS

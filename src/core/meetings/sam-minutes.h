/* sam-minutes.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-report.h"
#include "sam-store.h"

G_BEGIN_DECLS

typedef enum
{
  SAM_MINUTES_AGENDA,   /* the dagordning, sent out before the meeting */
  SAM_MINUTES_MINUTES,  /* the minnesanteckningar, written after it */
  SAM_MINUTES_NOTICE,   /* the kallelse: who is called, when, where, to what */
} SamMinutesKind;

SamReport *sam_minutes_build       (SamStore        *store,
                                    const char      *meeting_uuid,
                                    SamMinutesKind   kind,
                                    GError         **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sam_minutes_export_pdf  (SamStore        *store,
                                    const char      *meeting_uuid,
                                    SamMinutesKind   kind,
                                    const char      *path,
                                    GError         **error);
char      *sam_minutes_format_time (SamMeeting      *meeting) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

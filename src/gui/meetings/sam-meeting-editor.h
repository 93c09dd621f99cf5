/* sam-meeting-editor.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETING_EDITOR (sam_meeting_editor_get_type ())

G_DECLARE_FINAL_TYPE (SamMeetingEditor, sam_meeting_editor, SAM, MEETING_EDITOR, AdwWindow)

SamMeetingEditor *sam_meeting_editor_new (GtkWindow  *parent,
                                          SamStore   *store,
                                          SamMeeting *meeting,
                                          const char *day,
                                          const char *group_uuid);

G_END_DECLS

/* sam-meetings-page.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_MEETINGS_PAGE (sam_meetings_page_get_type ())

G_DECLARE_FINAL_TYPE (SamMeetingsPage, sam_meetings_page, SAM, MEETINGS_PAGE, AdwBin)

void        sam_meetings_page_select_meeting (SamMeetingsPage *self,
                                              const char      *uuid);
const char *sam_meetings_page_get_selected   (SamMeetingsPage *self);
void        sam_meetings_page_show_period    (SamMeetingsPage *self,
                                              const char      *view,
                                              guint            year,
                                              guint            month);

G_END_DECLS

/* sam-people-window.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-undo.h"

G_BEGIN_DECLS

#define SAM_TYPE_PEOPLE_WINDOW (sam_people_window_get_type ())

G_DECLARE_FINAL_TYPE (SamPeopleWindow, sam_people_window, SAM, PEOPLE_WINDOW, AdwWindow)

SamPeopleWindow *sam_people_window_new (SamUndo *undo) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* sam-window.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_WINDOW (sam_window_get_type ())

G_DECLARE_FINAL_TYPE (SamWindow, sam_window, SAM, WINDOW, AdwApplicationWindow)

SamWindow *sam_window_new       (AdwApplication *application,
                                 GSettings      *settings,
                                 SamStore       *store) G_GNUC_WARN_UNUSED_RESULT;
SamStore  *sam_window_get_store (SamWindow      *self);
void       sam_window_add_toast (SamWindow      *self,
                                 AdwToast       *toast);
void       sam_window_set_page  (SamWindow      *self,
                                 const char     *name);
void       sam_window_import    (SamWindow      *self,
                                 GFile          *file);
void       sam_window_export    (SamWindow      *self,
                                 GFile          *file);

G_END_DECLS

/* sam-application.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define SAM_TYPE_APPLICATION (sam_application_get_type ())

G_DECLARE_FINAL_TYPE (SamApplication, sam_application, SAM, APPLICATION, AdwApplication)

SamApplication *sam_application_new           (void) G_GNUC_WARN_UNUSED_RESULT;
GSettings      *sam_application_get_settings  (SamApplication *self);
void            sam_application_open_register (SamApplication *self,
                                               const char     *path);

G_END_DECLS

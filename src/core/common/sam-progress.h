/* sam-progress.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define SAM_TYPE_PROGRESS (sam_progress_get_type ())

G_DECLARE_FINAL_TYPE (SamProgress, sam_progress, SAM, PROGRESS, GObject)

SamProgress *sam_progress_new          (void) G_GNUC_WARN_UNUSED_RESULT;
void         sam_progress_set          (SamProgress *self,
                                        double       fraction,
                                        const char  *message);
double       sam_progress_get_fraction (SamProgress *self);
char        *sam_progress_dup_message  (SamProgress *self);

G_END_DECLS

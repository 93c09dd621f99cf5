/* sam-terms-window.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-group.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_TERMS_WINDOW (sam_terms_window_get_type ())

G_DECLARE_FINAL_TYPE (SamTermsWindow, sam_terms_window, SAM, TERMS_WINDOW, AdwWindow)

SamTermsWindow *sam_terms_window_new (SamStore *store,
                                      SamGroup *group,
                                      gboolean  group_only) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

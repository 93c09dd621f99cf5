/* sam-match.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SamMatcher SamMatcher;

char       *sam_match_fold          (const char       *text) G_GNUC_WARN_UNUSED_RESULT;

SamMatcher *sam_matcher_new         (const char       *search) G_GNUC_WARN_UNUSED_RESULT;
void        sam_matcher_free        (SamMatcher       *self);
gboolean    sam_matcher_match       (const SamMatcher *self,
                                     const char       *folded);
gboolean    sam_matcher_match_text  (const SamMatcher *self,
                                     const char       *text);
gboolean    sam_matcher_is_whole    (const SamMatcher *self,
                                     const char       *folded);
gboolean    sam_matcher_is_narrower (const SamMatcher *self,
                                     const SamMatcher *than);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamMatcher, sam_matcher_free)

G_END_DECLS

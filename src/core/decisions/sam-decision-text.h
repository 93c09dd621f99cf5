/* sam-decision-text.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SAM_DIFF_SAME,
  SAM_DIFF_REMOVED,
  SAM_DIFF_ADDED,
} SamDiffKind;

typedef struct
{
  SamDiffKind  kind;
  char        *text;
} SamDiffSpan;

void       sam_diff_span_free       (SamDiffSpan *span);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDiffSpan, sam_diff_span_free)

GPtrArray *sam_word_diff            (const char *old_text,
                                     const char *new_text) G_GNUC_WARN_UNUSED_RESULT;
char      *sam_word_diff_markup     (const char *old_text,
                                     const char *new_text,
                                     const char *removed_open,
                                     const char *removed_close,
                                     const char *added_open,
                                     const char *added_close) G_GNUC_WARN_UNUSED_RESULT;
char      *sam_text_highlight_markup (const char *text,
                                      const char *query,
                                      const char *open_tag,
                                      const char *close_tag) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

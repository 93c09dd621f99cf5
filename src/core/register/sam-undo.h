/* sam-undo.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_UNDO (sam_undo_get_type ())

G_DECLARE_FINAL_TYPE (SamUndo, sam_undo, SAM, UNDO, GObject)

/* One edit of the register: calls the store, returns whether it worked. */
typedef gboolean (*SamUndoEditFunc) (SamStore  *store,
                                     gpointer   data,
                                     GError   **error);

SamUndo    *sam_undo_new            (SamStore    *store) G_GNUC_WARN_UNUSED_RESULT;
SamStore   *sam_undo_get_store      (SamUndo     *self);
gboolean    sam_undo_begin          (SamUndo     *self,
                                     const char  *label,
                                     GError     **error);
gboolean    sam_undo_end            (SamUndo     *self);
gboolean    sam_undo_run            (SamUndo        *self,
                                     const char     *label,
                                     SamUndoEditFunc edit,
                                     gpointer        data,
                                     GError        **error);
gboolean    sam_undo_get_can_undo   (SamUndo     *self);
gboolean    sam_undo_get_can_redo   (SamUndo     *self);
const char *sam_undo_get_undo_label (SamUndo     *self);
const char *sam_undo_get_redo_label (SamUndo     *self);
gboolean    sam_undo_undo           (SamUndo     *self,
                                     GError     **error);
gboolean    sam_undo_redo           (SamUndo     *self,
                                     GError     **error);
void        sam_undo_clear          (SamUndo     *self);

G_END_DECLS

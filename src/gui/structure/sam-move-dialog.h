/* sam-move-dialog.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-group.h"
#include "sam-undo.h"

G_BEGIN_DECLS

#define SAM_TYPE_MOVE_DIALOG (sam_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamMoveDialog, sam_move_dialog, SAM, MOVE_DIALOG, AdwWindow)

SamMoveDialog *sam_move_dialog_new (SamUndo  *undo,
                                    SamGroup *group) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* sam-group-dialog.h
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

#define SAM_TYPE_GROUP_DIALOG (sam_group_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamGroupDialog, sam_group_dialog, SAM, GROUP_DIALOG, AdwWindow)

SamGroupDialog *sam_group_dialog_new (SamUndo  *undo,
                                      SamGroup *parent) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* sam-group-editor.h
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

#define SAM_TYPE_GROUP_EDITOR (sam_group_editor_get_type ())

G_DECLARE_FINAL_TYPE (SamGroupEditor, sam_group_editor, SAM, GROUP_EDITOR, AdwBin)

GtkWidget *sam_group_editor_new  (void) G_GNUC_WARN_UNUSED_RESULT;
void       sam_group_editor_show (SamGroupEditor *self,
                                  SamUndo        *undo,
                                  SamGroup       *group,
                                  const char     *today,
                                  gboolean        refresh);

G_END_DECLS

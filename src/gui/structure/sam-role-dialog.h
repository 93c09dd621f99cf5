/* sam-role-dialog.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-undo.h"

G_BEGIN_DECLS

#define SAM_TYPE_ROLE_DIALOG (sam_role_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamRoleDialog, sam_role_dialog, SAM, ROLE_DIALOG, AdwWindow)

SamRoleDialog *sam_role_dialog_new (SamUndo    *undo,
                                    const char *group_uuid,
                                    const char *assignment_uuid) G_GNUC_WARN_UNUSED_RESULT;
void           sam_role_dialog_set_represents (SamRoleDialog *self,
                                               const char    *organisation_name);

G_END_DECLS

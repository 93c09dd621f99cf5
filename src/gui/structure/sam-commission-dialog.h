/* sam-commission-dialog.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-undo.h"

G_BEGIN_DECLS

#define SAM_TYPE_COMMISSION_DIALOG (sam_commission_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamCommissionDialog, sam_commission_dialog, SAM, COMMISSION_DIALOG, AdwWindow)

SamCommissionDialog *sam_commission_dialog_new (SamUndo    *undo,
                                                const char *group_uuid) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* sam-plan-year-dialog.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_TYPE_PLAN_YEAR_DIALOG (sam_plan_year_dialog_get_type ())

G_DECLARE_FINAL_TYPE (SamPlanYearDialog, sam_plan_year_dialog, SAM, PLAN_YEAR_DIALOG, AdwWindow)

SamPlanYearDialog *sam_plan_year_dialog_new (GtkWindow  *parent,
                                             SamStore   *store,
                                             const char *group_uuid,
                                             guint       year);

G_END_DECLS

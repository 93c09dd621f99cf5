/* sam-group-row.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-group.h"

G_BEGIN_DECLS

#define SAM_TYPE_GROUP_ROW (sam_group_row_get_type ())

G_DECLARE_FINAL_TYPE (SamGroupRow, sam_group_row, SAM, GROUP_ROW, GtkWidget)

GtkWidget *sam_group_row_new       (void);
SamGroup  *sam_group_row_get_group (SamGroupRow *self);
void       sam_group_row_set_group (SamGroupRow *self,
                                    SamGroup    *group,
                                    const char  *today);

G_END_DECLS

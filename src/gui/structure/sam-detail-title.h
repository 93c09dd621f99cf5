/* sam-detail-title.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAM_TYPE_DETAIL_TITLE (sam_detail_title_get_type ())

G_DECLARE_FINAL_TYPE (SamDetailTitle, sam_detail_title, SAM, DETAIL_TITLE, GtkWidget)

GtkWidget *sam_detail_title_new    (void);
void       sam_detail_title_append (SamDetailTitle *self,
                                    GtkWidget      *child);

G_END_DECLS

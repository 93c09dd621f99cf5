/* sam-month-view.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAM_TYPE_MONTH_VIEW (sam_month_view_get_type ())

G_DECLARE_FINAL_TYPE (SamMonthView, sam_month_view, SAM, MONTH_VIEW, GtkWidget)

GtkWidget *sam_month_view_new          (void);
void       sam_month_view_set_meetings (SamMonthView *self,
                                        guint         year,
                                        GDateMonth    month,
                                        GListModel   *meetings,
                                        GHashTable   *short_names,
                                        guint         first_summer_week,
                                        guint         last_summer_week);

G_END_DECLS

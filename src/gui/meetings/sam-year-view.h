/* sam-year-view.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sam-meeting.h"

G_BEGIN_DECLS

#define SAM_TYPE_YEAR_VIEW (sam_year_view_get_type ())

G_DECLARE_FINAL_TYPE (SamYearView, sam_year_view, SAM, YEAR_VIEW, GtkWidget)

GtkWidget  *sam_year_view_new             (void);
void        sam_year_view_set_meetings    (SamYearView *self,
                                           guint        year,
                                           GListModel  *meetings,
                                           guint        first_summer_week,
                                           guint        last_summer_week);
guint       sam_year_view_get_year        (SamYearView *self);

/* Shared with the month view. */
GHashTable *sam_meetings_by_day           (GListModel  *meetings) G_GNUC_WARN_UNUSED_RESULT;
char       *sam_day_describe              (const GDate *date,
                                           guint        n_meetings) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

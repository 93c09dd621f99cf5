/* sam-year-plan.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SAM_YEAR_PLAN_ERROR (sam_year_plan_error_quark ())

typedef enum
{
  SAM_YEAR_PLAN_ERROR_NO_ROOM,  /* fewer suitable days than meetings */
} SamYearPlanError;

#define SAM_YEAR_PLAN_FIRST_SUMMER_WEEK 27
#define SAM_YEAR_PLAN_LAST_SUMMER_WEEK  32

typedef struct
{
  guint         year;
  guint         n_meetings;
  GDateWeekday  weekday;            /* Monday to Friday */
  guint         hour;               /* start, wall-clock time in Stockholm */
  guint         minute;
  guint         duration_minutes;
  guint         first_summer_week;  /* ISO weeks kept free; 0: no summer break */
  guint         last_summer_week;
  const GDate  *avoid;              /* (nullable) n_avoid dates kept free */
  guint         n_avoid;
  const GDate  *earliest;           /* (nullable) no meeting before this day */
  gboolean      avoid_short_days;   /* keep klämdagar and days before holidays free */
} SamYearPlanOptions;

typedef struct
{
  GDate      date;   /* the day in Stockholm */
  GDateTime *start;  /* UTC; owned by the array, released with it */
  GDateTime *end;    /* UTC; start plus the duration */
} SamPlannedMeeting;

GQuark  sam_year_plan_error_quark  (void);
void    sam_year_plan_options_init (SamYearPlanOptions       *options,
                                    guint                     year,
                                    guint                     n_meetings);
GArray *sam_year_plan_propose      (const SamYearPlanOptions *options,
                                    GError                  **error) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

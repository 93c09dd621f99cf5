/* sam-calendar.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SAM_DAY_PUBLIC_HOLIDAY,  /* an allmän helgdag by law */
  SAM_DAY_DAY_OFF,         /* a customary day off: midsommarafton, julafton, nyårsafton */
} SamDayKind;

typedef enum
{
  SAM_SHORT_DAY_BRIDGE,  /* a klämdag: one working day between days off */
  SAM_SHORT_DAY_EVE,     /* a working day before a holiday, customarily cut short */
} SamShortDayKind;

typedef struct
{
  GDate       date;
  SamDayKind  kind;
  const char *id;    /* stable and untranslated, e.g. "good_friday" */
} SamHoliday;

/* Holidays */
void         sam_calendar_easter               (guint              year,
                                                GDate             *out);
GArray      *sam_calendar_holidays             (guint              year) G_GNUC_WARN_UNUSED_RESULT;
const char  *sam_holiday_get_name              (const SamHoliday  *holiday);
gboolean     sam_calendar_is_holiday           (const GDate       *date,
                                                SamDayKind        *kind,
                                                const char       **name);
gboolean     sam_calendar_is_working_day       (const GDate       *date);
gboolean     sam_calendar_is_short_day         (const GDate       *date,
                                                SamShortDayKind   *kind,
                                                const char       **name);

/* Weeks */
guint        sam_calendar_iso_week             (const GDate       *date,
                                                guint             *iso_year);

/* Names and formats, from Samordna's own translations */
const char  *sam_calendar_month_name           (GDateMonth         month);
const char  *sam_calendar_weekday_name         (GDateWeekday       weekday);
const char  *sam_calendar_weekday_abbreviation (GDateWeekday       weekday);
char        *sam_calendar_format_long          (const GDate       *date) G_GNUC_WARN_UNUSED_RESULT;
char        *sam_calendar_format_iso           (const GDate       *date) G_GNUC_WARN_UNUSED_RESULT;
gboolean     sam_calendar_parse_iso            (const char        *text,
                                                GDate             *date);
char        *sam_calendar_explain_not_a_date   (const char        *text) G_GNUC_WARN_UNUSED_RESULT;
char        *sam_calendar_format_month         (guint              year,
                                                GDateMonth         month) G_GNUC_WARN_UNUSED_RESULT;
char        *sam_calendar_format_week          (guint              week) G_GNUC_WARN_UNUSED_RESULT;

/* Times: Europe/Stockholm on screen, UTC “YYYY-MM-DDTHH:MM:SSZ” in storage */
GTimeZone   *sam_calendar_get_zone             (void);
GDateTime   *sam_calendar_local_to_utc         (const GDate       *date,
                                                guint              hour,
                                                guint              minute) G_GNUC_WARN_UNUSED_RESULT;
GDateTime   *sam_calendar_to_stockholm         (GDateTime         *datetime) G_GNUC_WARN_UNUSED_RESULT;
char        *sam_calendar_utc_string           (GDateTime         *datetime) G_GNUC_WARN_UNUSED_RESULT;
GDateTime   *sam_calendar_parse_utc            (const char        *text) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* sam-calendar.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-calendar"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"

/*
 * Swedish calendar knowledge: the public holidays of Lag (1989:253) om
 * allmänna helgdagar and the customary days off, ISO 8601 weeks, Swedish
 * date formats, and the conversion between Stockholm wall-clock time and
 * the UTC that the register stores. Everything here is a pure function of
 * its arguments (the time zone is loaded once), so it is safe from any
 * thread.
 */

typedef enum
{
  RULE_FIXED,     /* month/day every year */
  RULE_EASTER,    /* offset days from Easter Sunday */
  RULE_WEEKDAY,   /* the first weekday on or after month/day */
} RuleKind;

typedef struct
{
  const char   *id;
  const char   *name;        /* msgid, context "holiday" */
  SamDayKind    kind;
  RuleKind      rule;
  GDateMonth    month;
  int           day;         /* day of month, or the offset from Easter */
  GDateWeekday  weekday;     /* RULE_WEEKDAY only */
  guint         first_year;  /* 0: no limit */
  guint         last_year;   /* 0: no limit */
} HolidayRule;

/* In calendar order, which is also the order of a year's list whenever two
 * days coincide (Kristi himmelsfärdsdag can fall on första maj). SFS
 * 2004:1020 made Sveriges nationaldag a holiday from 2005 and dropped
 * annandag pingst, so both are limited by year. */
static const HolidayRule rules[] = {
  { "new_years_day", NC_("holiday", "New Year’s Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_FIXED, G_DATE_JANUARY, 1, 0, 0, 0 },
  { "epiphany", NC_("holiday", "Epiphany"), SAM_DAY_PUBLIC_HOLIDAY, RULE_FIXED, G_DATE_JANUARY, 6, 0, 0, 0 },
  { "good_friday", NC_("holiday", "Good Friday"), SAM_DAY_PUBLIC_HOLIDAY, RULE_EASTER, 0, -2, 0, 0, 0 },
  { "easter_sunday", NC_("holiday", "Easter Sunday"), SAM_DAY_PUBLIC_HOLIDAY, RULE_EASTER, 0, 0, 0, 0, 0 },
  { "easter_monday", NC_("holiday", "Easter Monday"), SAM_DAY_PUBLIC_HOLIDAY, RULE_EASTER, 0, 1, 0, 0, 0 },
  { "may_day", NC_("holiday", "May Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_FIXED, G_DATE_MAY, 1, 0, 0, 0 },
  { "ascension_day", NC_("holiday", "Ascension Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_EASTER, 0, 39, 0, 0, 0 },
  { "whitsunday", NC_("holiday", "Whitsunday"), SAM_DAY_PUBLIC_HOLIDAY, RULE_EASTER, 0, 49, 0, 0, 0 },
  { "whit_monday", NC_("holiday", "Whit Monday"), SAM_DAY_PUBLIC_HOLIDAY, RULE_EASTER, 0, 50, 0, 0, 2004 },
  { "national_day", NC_("holiday", "National Day of Sweden"), SAM_DAY_PUBLIC_HOLIDAY, RULE_FIXED, G_DATE_JUNE, 6, 0, 2005, 0 },
  { "midsummer_eve", NC_("holiday", "Midsummer Eve"), SAM_DAY_DAY_OFF, RULE_WEEKDAY, G_DATE_JUNE, 19, G_DATE_FRIDAY, 0, 0 },
  { "midsummer_day", NC_("holiday", "Midsummer Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_WEEKDAY, G_DATE_JUNE, 20, G_DATE_SATURDAY, 0, 0 },
  { "all_saints_day", NC_("holiday", "All Saints’ Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_WEEKDAY, G_DATE_OCTOBER, 31, G_DATE_SATURDAY, 0, 0 },
  { "christmas_eve", NC_("holiday", "Christmas Eve"), SAM_DAY_DAY_OFF, RULE_FIXED, G_DATE_DECEMBER, 24, 0, 0, 0 },
  { "christmas_day", NC_("holiday", "Christmas Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_FIXED, G_DATE_DECEMBER, 25, 0, 0, 0 },
  { "boxing_day", NC_("holiday", "Boxing Day"), SAM_DAY_PUBLIC_HOLIDAY, RULE_FIXED, G_DATE_DECEMBER, 26, 0, 0, 0 },
  { "new_years_eve", NC_("holiday", "New Year’s Eve"), SAM_DAY_DAY_OFF, RULE_FIXED, G_DATE_DECEMBER, 31, 0, 0, 0 },
};

/* The law's holiday rules date from 1953 (midsommardagen and alla helgons
 * dag on Saturdays); four-digit years keep the formats fixed-width. */
#define FIRST_YEAR 1953
#define LAST_YEAR  9999

static const char * const genitive_months[] = {
  NC_("genitive month", "January"),
  NC_("genitive month", "February"),
  NC_("genitive month", "March"),
  NC_("genitive month", "April"),
  NC_("genitive month", "May"),
  NC_("genitive month", "June"),
  NC_("genitive month", "July"),
  NC_("genitive month", "August"),
  NC_("genitive month", "September"),
  NC_("genitive month", "October"),
  NC_("genitive month", "November"),
  NC_("genitive month", "December"),
};

static const char * const months[] = {
  NC_("month", "January"),
  NC_("month", "February"),
  NC_("month", "March"),
  NC_("month", "April"),
  NC_("month", "May"),
  NC_("month", "June"),
  NC_("month", "July"),
  NC_("month", "August"),
  NC_("month", "September"),
  NC_("month", "October"),
  NC_("month", "November"),
  NC_("month", "December"),
};

static const char * const weekdays[] = {
  NC_("weekday", "Monday"),
  NC_("weekday", "Tuesday"),
  NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"),
  NC_("weekday", "Friday"),
  NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

static const char * const weekday_abbreviations[] = {
  NC_("weekday abbreviation", "Mon"),
  NC_("weekday abbreviation", "Tue"),
  NC_("weekday abbreviation", "Wed"),
  NC_("weekday abbreviation", "Thu"),
  NC_("weekday abbreviation", "Fri"),
  NC_("weekday abbreviation", "Sat"),
  NC_("weekday abbreviation", "Sun"),
};

static gboolean
rule_applies (const HolidayRule *rule,
              guint              year)
{
  return (rule->first_year == 0 || year >= rule->first_year) &&
         (rule->last_year == 0 || year <= rule->last_year);
}

static void
rule_date (const HolidayRule *rule,
           guint              year,
           const GDate       *easter,
           GDate             *out)
{
  switch (rule->rule)
    {
    case RULE_FIXED:
      g_date_set_dmy (out, rule->day, rule->month, year);
      break;

    case RULE_EASTER:
      *out = *easter;
      if (rule->day >= 0)
        g_date_add_days (out, rule->day);
      else
        g_date_subtract_days (out, -rule->day);
      break;

    case RULE_WEEKDAY:
      g_date_set_dmy (out, rule->day, rule->month, year);
      g_date_add_days (out, (7 + (int) rule->weekday - (int) g_date_get_weekday (out)) % 7);
      break;

    default:
      g_assert_not_reached ();
    }
}

/* Fills @out (room for G_N_ELEMENTS (rules)) in rule order and returns the
 * count; no allocation, so sam_calendar_is_holiday() stays cheap and pure. */
static guint
fill_holidays (guint       year,
               SamHoliday *out)
{
  GDate easter;
  guint n = 0;

  sam_calendar_easter (year, &easter);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      if (!rule_applies (&rules[i], year))
        continue;
      g_date_clear (&out[n].date, 1);
      rule_date (&rules[i], year, &easter, &out[n].date);
      out[n].kind = rules[i].kind;
      out[n].id = rules[i].id;
      n++;
    }

  return n;
}

static const HolidayRule *
find_rule (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    if (g_str_equal (rules[i].id, id))
      return &rules[i];

  return NULL;
}

static int
compare_holidays (gconstpointer a,
                  gconstpointer b)
{
  const SamHoliday *ha = a;
  const SamHoliday *hb = b;
  int cmp = g_date_compare (&ha->date, &hb->date);

  /* Ties keep the rules' order, whatever the sort algorithm does. */
  if (cmp == 0)
    cmp = (find_rule (ha->id) > find_rule (hb->id)) - (find_rule (ha->id) < find_rule (hb->id));

  return cmp;
}

static gboolean
year_in_range (guint year)
{
  return year >= FIRST_YEAR && year <= LAST_YEAR;
}

/**
 * sam_calendar_easter:
 * @year: a year from 1953 to 9999
 * @out: (out caller-allocates): where to store Easter Sunday
 *
 * Computes påskdagen, in the law's words the Sunday after the full moon on
 * or after March 21, with the full moon of the Gregorian computus (the
 * anonymous Gregorian algorithm), as the Swedish almanac reckons it.
 */
void
sam_calendar_easter (guint  year,
                     GDate *out)
{
  guint a, b, c, d, e, f, g, h, i, k, l, m, n;

  g_return_if_fail (out != NULL);
  g_return_if_fail (year_in_range (year));

  a = year % 19;
  b = year / 100;
  c = year % 100;
  d = b / 4;
  e = b % 4;
  f = (b + 8) / 25;
  g = (b - f + 1) / 3;
  h = (19 * a + b - d - g + 15) % 30;
  i = c / 4;
  k = c % 4;
  l = (32 + 2 * e + 2 * i - h - k) % 7;  /* h <= 29 and k <= 3: never negative */
  m = (a + 11 * h + 22 * l) / 451;
  n = h + l - 7 * m + 114;

  g_date_clear (out, 1);
  g_date_set_dmy (out, n % 31 + 1, n / 31, year);
}

/**
 * sam_calendar_holidays:
 * @year: a year from 1953 to 9999
 *
 * Lists the Swedish public holidays of @year (kind
 * %SAM_DAY_PUBLIC_HOLIDAY, as Lag (1989:253) om allmänna helgdagar names
 * them, ordinary Sundays left out) and the customary days off
 * (%SAM_DAY_DAY_OFF: midsommarafton, julafton and nyårsafton). Before 2005
 * annandag pingst takes the place of Sveriges nationaldag.
 *
 * Returns: (transfer full) (element-type SamHoliday): the days, sorted by
 *   date
 */
GArray *
sam_calendar_holidays (guint year)
{
  SamHoliday days[G_N_ELEMENTS (rules)];
  GArray *array;
  guint n;

  g_return_val_if_fail (year_in_range (year), NULL);

  n = fill_holidays (year, days);
  array = g_array_sized_new (FALSE, FALSE, sizeof (SamHoliday), n);
  g_array_append_vals (array, days, n);
  g_array_sort (array, compare_holidays);

  return array;
}

/**
 * sam_holiday_get_name:
 * @holiday: a holiday from sam_calendar_holidays()
 *
 * Gets the holiday's name in the user's language, in Swedish its official
 * name (“Långfredagen”).
 *
 * Returns: (transfer none): the translated name
 */
const char *
sam_holiday_get_name (const SamHoliday *holiday)
{
  const HolidayRule *rule;

  g_return_val_if_fail (holiday != NULL && holiday->id != NULL, NULL);

  rule = find_rule (holiday->id);
  g_return_val_if_fail (rule != NULL, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "holiday", rule->name);
}

/**
 * sam_calendar_is_holiday:
 * @date: a valid date in the years 1953 to 9999
 * @kind: (out) (optional): the kind of day
 * @name: (out) (optional) (transfer none): its translated name
 *
 * Tells whether @date is a public holiday or a customary day off (see
 * sam_calendar_holidays()). Sundays and Saturdays as such are not holidays
 * here; sam_calendar_is_working_day() covers them. Where two holidays fall
 * on one day, the one earlier in the year's list is reported.
 *
 * Returns: %TRUE for a public holiday or a day off
 */
gboolean
sam_calendar_is_holiday (const GDate  *date,
                         SamDayKind   *kind,
                         const char  **name)
{
  SamHoliday days[G_N_ELEMENTS (rules)];
  guint n;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (year_in_range (g_date_get_year (date)), FALSE);

  n = fill_holidays (g_date_get_year (date), days);
  for (guint i = 0; i < n; i++)
    {
      if (g_date_compare (&days[i].date, date) != 0)
        continue;
      if (kind != NULL)
        *kind = days[i].kind;
      if (name != NULL)
        *name = sam_holiday_get_name (&days[i]);
      return TRUE;
    }

  return FALSE;
}

/**
 * sam_calendar_is_working_day:
 * @date: a valid date in the years 1953 to 9999
 *
 * Tells whether @date is a weekday that is neither a public holiday nor a
 * customary day off: a day a meeting may be planned on.
 *
 * Returns: %TRUE for a working day
 */
gboolean
sam_calendar_is_working_day (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  return g_date_get_weekday (date) <= G_DATE_FRIDAY &&
         !sam_calendar_is_holiday (date, NULL, NULL);
}

/* The working days before a holiday that Swedish employers, the regions
 * among them, customarily cut short: trettondagsafton, skärtorsdagen,
 * valborgsmässoafton, the day before Kristi himmelsfärdsdag and
 * allhelgonaafton. Each as the holiday it comes before and the days
 * before it. */
static const struct
{
  const char *holiday;
  const char *name;  /* msgid, context "holiday" */
} eves[] = {
  { "epiphany", NC_("holiday", "Twelfth Night") },
  { "good_friday", NC_("holiday", "Maundy Thursday") },
  { "may_day", NC_("holiday", "Walpurgis Night") },
  { "ascension_day", NC_("holiday", "Day before Ascension Day") },
  { "all_saints_day", NC_("holiday", "All Saints’ Eve") },
};

static gboolean
is_day_off (const GDate *date)
{
  return !sam_calendar_is_working_day (date);
}

/**
 * sam_calendar_is_short_day:
 * @date: a valid date in the years 1953 to 9999, but the first and last
 * @kind: (out) (optional): the kind of short day
 * @name: (out) (optional) (transfer none): its translated name
 *
 * Tells whether @date is a working day that few keep free for a meeting:
 * a klämdag (%SAM_SHORT_DAY_BRIDGE), one working day between two days off
 * (a weekend, a public holiday or a customary day off), as Friday 15 May
 * 2026 after Kristi himmelsfärdsdag; or the working day before a holiday
 * that is customarily cut short (%SAM_SHORT_DAY_EVE), as valborgsmässoafton.
 * A day that is both is reported as a klämdag.
 *
 * Returns: %TRUE for a short day
 */
gboolean
sam_calendar_is_short_day (const GDate      *date,
                           SamShortDayKind  *kind,
                           const char      **name)
{
  SamHoliday days[G_N_ELEMENTS (rules)];
  GDate before;
  GDate after;
  guint n;

  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (g_date_get_year (date) > FIRST_YEAR && g_date_get_year (date) < LAST_YEAR, FALSE);

  if (!sam_calendar_is_working_day (date))
    return FALSE;

  before = after = *date;
  g_date_subtract_days (&before, 1);
  g_date_add_days (&after, 1);
  if (is_day_off (&before) && is_day_off (&after))
    {
      if (kind != NULL)
        *kind = SAM_SHORT_DAY_BRIDGE;
      if (name != NULL)
        *name = C_("holiday", "Bridge day");
      return TRUE;
    }

  n = fill_holidays (g_date_get_year (&after), days);
  for (guint i = 0; i < G_N_ELEMENTS (eves); i++)
    {
      for (guint j = 0; j < n; j++)
        {
          if (g_strcmp0 (days[j].id, eves[i].holiday) != 0 || g_date_compare (&days[j].date, &after) != 0)
            continue;
          if (kind != NULL)
            *kind = SAM_SHORT_DAY_EVE;
          if (name != NULL)
            *name = g_dpgettext2 (GETTEXT_PACKAGE, "holiday", eves[i].name);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * sam_calendar_iso_week:
 * @date: a valid date
 * @iso_year: (out) (optional): the ISO week-year the week belongs to
 *
 * Computes the ISO 8601 week number, which is what Swedish calendars
 * print. A week belongs to the year that holds its Thursday, so
 * 2027-01-01 is in week 53 of 2026 and 2024-12-30 in week 1 of 2025.
 *
 * Returns: the week number, 1 to 53
 */
guint
sam_calendar_iso_week (const GDate *date,
                       guint       *iso_year)
{
  GDate thursday;
  GDateWeekday weekday;

  g_return_val_if_fail (date != NULL && g_date_valid (date), 0);

  thursday = *date;
  weekday = g_date_get_weekday (date);
  if (weekday < G_DATE_THURSDAY)
    g_date_add_days (&thursday, G_DATE_THURSDAY - weekday);
  else
    g_date_subtract_days (&thursday, weekday - G_DATE_THURSDAY);

  if (iso_year != NULL)
    *iso_year = g_date_get_year (&thursday);

  return (g_date_get_day_of_year (&thursday) - 1) / 7 + 1;
}

/**
 * sam_calendar_month_name:
 * @month: a month
 *
 * Gets the name of @month standing alone (“June”, in Swedish “juni”), from
 * Samordna's own translations, so it does not depend on which C locales the
 * system has installed.
 *
 * Returns: (transfer none): the translated name
 */
const char *
sam_calendar_month_name (GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "month", months[month - 1]);
}

/**
 * sam_calendar_weekday_name:
 * @weekday: a weekday
 *
 * Gets the full name of @weekday (“Monday”, in Swedish “måndag”), for
 * choosers and headings.
 *
 * Returns: (transfer none): the translated name
 */
const char *
sam_calendar_weekday_name (GDateWeekday weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday", weekdays[weekday - 1]);
}

/**
 * sam_calendar_weekday_abbreviation:
 * @weekday: a weekday
 *
 * Gets the short name of @weekday (“Mon”, in Swedish “mån”), for the
 * column headings of a month grid.
 *
 * Returns: (transfer none): the translated abbreviation
 */
const char *
sam_calendar_weekday_abbreviation (GDateWeekday weekday)
{
  g_return_val_if_fail (g_date_valid_weekday (weekday), NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "weekday abbreviation", weekday_abbreviations[weekday - 1]);
}

/**
 * sam_calendar_format_long:
 * @date: a valid date
 *
 * Formats @date for reading: “17 June 2026”, in Swedish “17 juni 2026”.
 *
 * Returns: (transfer full): the text
 */
char *
sam_calendar_format_long (const GDate *date)
{
  GDateMonth month;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  month = g_date_get_month (date);

  /* Translators: a date: day of month, month name (from the “genitive
   * month” context), year; e.g. “17 June 2026”. Reorder with %1$u, %2$s,
   * %3$u if your language needs it. */
  return g_strdup_printf (C_("long date", "%u %s %u"),
                          (guint) g_date_get_day (date),
                          g_dpgettext2 (GETTEXT_PACKAGE, "genitive month", genitive_months[month - 1]),
                          (guint) g_date_get_year (date));
}

/**
 * sam_calendar_parse_iso:
 * @text: (nullable): text
 * @date: (out caller-allocates) (optional): where to store the day
 *
 * Reads a date the way the register writes it, YYYY-MM-DD, and nothing
 * else: exactly ten characters, and a real calendar day (no 30 February).
 *
 * Returns: whether @text is such a date
 */
gboolean
sam_calendar_parse_iso (const char *text,
                        GDate      *date)
{
  guint year, month, day;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (year < 1 || month < 1 || month > 12 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  if (date != NULL)
    {
      g_date_clear (date, 1);
      g_date_set_dmy (date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
    }

  return TRUE;
}

/**
 * sam_calendar_explain_not_a_date:
 * @text: (nullable): text that sam_calendar_parse_iso() does not read
 *
 * Says why @text is not a date, for the user, in their language: a day
 * that does not exist is named as such (“2027-02-30” does not exist:
 * February 2027 has 28 days), anything else is shown how a date is
 * written.
 *
 * Returns: (transfer full): the explanation
 */
char *
sam_calendar_explain_not_a_date (const char *text)
{
  guint year, month, day;
  gboolean shaped = text != NULL && strlen (text) == 10 && text[4] == '-' && text[7] == '-';

  for (guint i = 0; shaped && i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      shaped = FALSE;
  if (!shaped)
    /* Translators: %s is what the user wrote */
    return g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, such as 2026-06-17"),
                            text != NULL ? text : "");

  year = (guint) g_ascii_strtoull (text, NULL, 10);
  month = (guint) g_ascii_strtoull (text + 5, NULL, 10);
  day = (guint) g_ascii_strtoull (text + 8, NULL, 10);
  if (month < 1 || month > 12)
    /* Translators: %s is what the user wrote, as “2027-13-01” */
    return g_strdup_printf (_("“%s” does not exist: a year has the months 01 to 12"), text);
  if (year >= 1 && (day < 1 || day > g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year)))
    {
      guint days = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
      g_autofree char *month_name = sam_calendar_format_month (year, (GDateMonth) month);

      /* Translators: “2027-02-30” does not exist: February 2027 has 28 days */
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "“%s” does not exist: %s has %u day",
                                           "“%s” does not exist: %s has %u days", days),
                              text, month_name, days);
    }

  return g_strdup_printf (_("“%s” is not a date: write it as YYYY-MM-DD, such as 2026-06-17"), text);
}

/**
 * sam_calendar_format_iso:
 * @date: a valid date
 *
 * Formats @date as ISO 8601 “2026-06-17”, the Swedish numeric date form.
 *
 * Returns: (transfer full): the text
 */
char *
sam_calendar_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * sam_calendar_format_month:
 * @year: a year
 * @month: a month
 *
 * Formats a month for the title of a month grid: “June 2026”, in Swedish
 * “juni 2026”.
 *
 * Returns: (transfer full): the text
 */
char *
sam_calendar_format_month (guint      year,
                           GDateMonth month)
{
  g_return_val_if_fail (g_date_valid_month (month), NULL);

  /* Translators: a month (from the “month” context) and a year, e.g.
   * “June 2026”. */
  return g_strdup_printf (C_("month and year", "%s %u"), sam_calendar_month_name (month), year);
}

/**
 * sam_calendar_format_week:
 * @week: an ISO week number
 *
 * Formats a week number the short way calendars print it: “w. 25”, in
 * Swedish “v. 25”.
 *
 * Returns: (transfer full): the text
 */
char *
sam_calendar_format_week (guint week)
{
  g_return_val_if_fail (week >= 1 && week <= 53, NULL);

  /* Translators: a short ISO week number, e.g. “w. 25” */
  return g_strdup_printf (C_("week number", "w. %u"), week);
}

/**
 * sam_calendar_get_zone:
 *
 * Gets the Europe/Stockholm time zone, in which all meeting times are
 * entered and shown. Without the system's time zone data it warns once and
 * falls back to the EU summer-time rule (CET, CEST from the last Sunday of
 * March to the last Sunday of October), which has held since 1996.
 *
 * Returns: (transfer none): the time zone
 */
GTimeZone *
sam_calendar_get_zone (void)
{
  static GTimeZone *zone;

  if (g_once_init_enter (&zone))
    {
      GTimeZone *tz = g_time_zone_new_identifier ("Europe/Stockholm");

      if (tz == NULL)
        {
          g_warning ("No time zone data for Europe/Stockholm (is tzdata installed?); "
                     "using the EU summer-time rule, which is wrong for dates before 1996");
          tz = g_time_zone_new_identifier ("CET-1CEST,M3.5.0,M10.5.0/3");
        }
      g_once_init_leave (&zone, tz);
    }

  return zone;
}

static gint32
offset_at (GTimeZone *zone,
           gint64     utc)
{
  return g_time_zone_get_offset (zone, g_time_zone_find_interval (zone, G_TIME_TYPE_UNIVERSAL, utc));
}

/**
 * sam_calendar_local_to_utc:
 * @date: a valid date
 * @hour: the hour in Stockholm, 0 to 23
 * @minute: the minute, 0 to 59
 *
 * Converts a wall-clock time in Stockholm to UTC, for storing. The two
 * hours that daylight saving time makes odd are resolved without asking,
 * the same way every time:
 *
 * - a time that does not exist (02:00–02:59 on the last Sunday of March)
 *   is moved forward by the gap: 02:30 becomes 03:30 summer time, the time
 *   a clock that was not changed would show;
 * - a time that happens twice (02:00–02:59 on the last Sunday of October)
 *   is the first one, in summer time.
 *
 * Returns: (transfer full): the time in UTC
 */
GDateTime *
sam_calendar_local_to_utc (const GDate *date,
                           guint        hour,
                           guint        minute)
{
  GTimeZone *zone = sam_calendar_get_zone ();
  g_autoptr(GDateTime) naive = NULL;
  gint64 wall;
  gint32 before, after;
  gint64 utc;

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (hour < 24 && minute < 60, NULL);

  /* The wall-clock reading as if it were UTC; the real instant is that
   * minus the offset in force at it. Offsets change at most once a day in
   * Stockholm, so those a day before and after are the only candidates. */
  naive = g_date_time_new_utc (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                               hour, minute, 0);
  wall = g_date_time_to_unix (naive);
  before = offset_at (zone, wall - G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);
  after = offset_at (zone, wall + G_TIME_SPAN_DAY / G_TIME_SPAN_SECOND);

  if (offset_at (zone, wall - before) == before)
    utc = wall - before;       /* the normal case, and the first of two */
  else if (offset_at (zone, wall - after) == after)
    utc = wall - after;
  else
    utc = wall - before;       /* in the gap: read with the old offset */

  return g_date_time_new_from_unix_utc (utc);
}

/**
 * sam_calendar_to_stockholm:
 * @datetime: a time in any zone
 *
 * Converts @datetime to Stockholm time, for showing.
 *
 * Returns: (transfer full): the same instant in Europe/Stockholm
 */
GDateTime *
sam_calendar_to_stockholm (GDateTime *datetime)
{
  g_return_val_if_fail (datetime != NULL, NULL);

  return g_date_time_to_timezone (datetime, sam_calendar_get_zone ());
}

/**
 * sam_calendar_utc_string:
 * @datetime: a time in any zone
 *
 * Formats @datetime as the register stores times: UTC, to the second,
 * “2026-06-17T11:00:00Z”. Fractions of a second are dropped.
 *
 * Returns: (transfer full): the text
 */
char *
sam_calendar_utc_string (GDateTime *datetime)
{
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (datetime != NULL, NULL);

  utc = g_date_time_to_utc (datetime);

  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_date_time_get_year (utc),
                          g_date_time_get_month (utc),
                          g_date_time_get_day_of_month (utc),
                          g_date_time_get_hour (utc),
                          g_date_time_get_minute (utc),
                          g_date_time_get_second (utc));
}

static gboolean
read_digits (const char *text,
             guint       n_digits,
             int        *out)
{
  *out = 0;
  for (guint i = 0; i < n_digits; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      *out = *out * 10 + (text[i] - '0');
    }

  return TRUE;
}

/**
 * sam_calendar_parse_utc:
 * @text: a stored time
 *
 * Parses a time in exactly the form sam_calendar_utc_string() writes,
 * “YYYY-MM-DDTHH:MM:SSZ”. Anything else, including other ISO 8601 forms
 * and impossible dates such as 2026-02-30, is refused, so that what the
 * register holds stays comparable as text.
 *
 * Returns: (transfer full) (nullable): the time in UTC, or %NULL if @text
 *   is not in that form
 */
GDateTime *
sam_calendar_parse_utc (const char *text)
{
  int year, month, day, hour, minute, second;

  g_return_val_if_fail (text != NULL, NULL);

  if (strlen (text) != 20 ||
      text[4] != '-' || text[7] != '-' || text[10] != 'T' ||
      text[13] != ':' || text[16] != ':' || text[19] != 'Z' ||
      !read_digits (text, 4, &year) ||
      !read_digits (text + 5, 2, &month) ||
      !read_digits (text + 8, 2, &day) ||
      !read_digits (text + 11, 2, &hour) ||
      !read_digits (text + 14, 2, &minute) ||
      !read_digits (text + 17, 2, &second))
    return NULL;

  if (year < 1 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year) ||
      hour > 23 || minute > 59 || second > 59)
    return NULL;

  return g_date_time_new_utc (year, month, day, hour, minute, second);
}

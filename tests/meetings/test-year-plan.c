/* test-year-plan.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "sam-calendar.h"
#include "sam-test-util.h"
#include "sam-year-plan.h"

/* Summer weeks by GLib's own ISO week function, so the check does not
 * lean on sam_calendar_iso_week(). The break lies mid-year, where the ISO
 * week-year is the calendar year. */
static gboolean
in_weeks (const GDate *date,
          guint        first,
          guint        last)
{
  guint week = g_date_get_iso8601_week_of_year (date);

  return first != 0 && g_date_get_month (date) > G_DATE_MARCH && g_date_get_month (date) < G_DATE_OCTOBER &&
         week >= first && week <= last;
}

static gboolean
is_listed_holiday (const GArray *holidays,
                   const GDate  *date)
{
  for (guint i = 0; i < holidays->len; i++)
    if (g_date_compare (&g_array_index (holidays, SamHoliday, i).date, date) == 0)
      return TRUE;

  return FALSE;
}

/* Days from January 1 to @date on the planning axis: summer weeks do not
 * count. */
static guint
working_position (const GDate *date,
                  guint        first,
                  guint        last)
{
  GDate day = sam_test_dmy (g_date_get_year (date), 1, 1);
  guint position = 0;

  for (; g_date_compare (&day, date) < 0; g_date_add_days (&day, 1))
    if (!in_weeks (&day, first, last))
      position++;

  return position;
}

static void
assert_plan_rules (const SamYearPlanOptions *options,
                   const GArray             *meetings)
{
  g_autoptr(GArray) holidays = sam_calendar_holidays (options->year);

  g_assert_nonnull (meetings);
  g_assert_cmpuint (meetings->len, ==, options->n_meetings);

  for (guint i = 0; i < meetings->len; i++)
    {
      const SamPlannedMeeting *meeting = &g_array_index (meetings, SamPlannedMeeting, i);
      g_autoptr(GDateTime) local = sam_calendar_to_stockholm (meeting->start);
      GDateWeekday weekday = g_date_get_weekday (&meeting->date);

      g_assert_cmpuint (g_date_get_year (&meeting->date), ==, options->year);
      g_assert_cmpint (weekday, ==, options->weekday);
      g_assert_cmpint (weekday, <=, G_DATE_FRIDAY);
      g_assert_false (is_listed_holiday (holidays, &meeting->date));
      if (options->avoid_short_days)
        g_assert_false (sam_calendar_is_short_day (&meeting->date, NULL, NULL));
      g_assert_false (in_weeks (&meeting->date, options->first_summer_week, options->last_summer_week));
      if (i > 0)
        g_assert_cmpint (g_date_compare (&g_array_index (meetings, SamPlannedMeeting, i - 1).date,
                                         &meeting->date), <, 0);

      /* Stored in UTC, at the chosen wall-clock time in Stockholm. */
      g_assert_cmpint (g_date_time_get_utc_offset (meeting->start), ==, 0);
      g_assert_cmpint (g_date_time_get_year (local), ==, g_date_get_year (&meeting->date));
      g_assert_cmpint (g_date_time_get_month (local), ==, g_date_get_month (&meeting->date));
      g_assert_cmpint (g_date_time_get_day_of_month (local), ==, g_date_get_day (&meeting->date));
      g_assert_cmpint (g_date_time_get_hour (local), ==, options->hour);
      g_assert_cmpint (g_date_time_get_minute (local), ==, options->minute);
      g_assert_cmpint (g_date_time_difference (meeting->end, meeting->start), ==,
                       (GTimeSpan) options->duration_minutes * G_TIME_SPAN_MINUTE);
    }
}

/*
 * The rules for every year 2024–2035, 4 to 8 meetings (a
 * commission's usual min–max) and each weekday: the right count, sorted,
 * distinct, never on a weekend, holiday, day off or summer week.
 *
 * Evenness: on the planning axis (the year with the summer weeks cut out,
 * L days) meeting i should sit at (i + ½) · L / n. The nearest day with
 * the chosen weekday is at most 3.5 days from any point. If a holiday or
 * day off blocks it, the one on the other side is at most 7 days away; if
 * two weeks running are blocked (Ascension Day and June 6 on Thursdays,
 * julafton and nyårsafton), the next free one is at most 10.5 days away;
 * three weeks running never are. The ideal points are L / n ≥ 40 days
 * apart, more than 2 × 10.5, so their nearest free days are distinct and
 * the proposal takes exactly those. Hence each meeting lies within 10.5
 * days of its ideal point and each gap within 21 days of L / n. With L / n
 * between 40 and 81 days that allows the widest gap to be about 3 times the
 * narrowest; the test reports the measured worst case (1.4).
 */
static void
test_rules (void)
{
  double worst_deviation = 0;
  double worst_ratio = 1;

  for (guint year = 2024; year <= 2035; year++)
    for (guint n = 4; n <= 8; n++)
      for (GDateWeekday weekday = G_DATE_MONDAY; weekday <= G_DATE_FRIDAY; weekday++)
        {
          SamYearPlanOptions options;
          g_autoptr(GArray) meetings = NULL;
          g_autoptr(GError) error = NULL;
          GDate last_day = sam_test_dmy (year, 12, 31);
          double length;
          double spacing;
          guint min_gap = G_MAXUINT;
          guint max_gap = 0;
          guint previous = 0;

          sam_year_plan_options_init (&options, year, n);
          options.weekday = weekday;
          options.hour = 9;
          options.minute = 30;
          options.duration_minutes = 90;
          meetings = sam_year_plan_propose (&options, &error);
          g_assert_no_error (error);
          assert_plan_rules (&options, meetings);

          length = working_position (&last_day, 27, 32) + 1;
          spacing = length / n;
          for (guint i = 0; i < n; i++)
            {
              const GDate *date = &g_array_index (meetings, SamPlannedMeeting, i).date;
              guint position = working_position (date, 27, 32);
              double deviation = ABS (position + 0.5 - (i + 0.5) * spacing);

              if (deviation > 10.5)
                g_error ("%u, %u meetings on weekday %d: meeting %u is %.1f days from its ideal position",
                         year, n, weekday, i, deviation);
              worst_deviation = MAX (worst_deviation, deviation);
              if (i > 0)
                {
                  min_gap = MIN (min_gap, position - previous);
                  max_gap = MAX (max_gap, position - previous);
                  g_assert_cmpfloat (ABS ((position - previous) - spacing), <=, 21.0);
                }
              previous = position;
            }
          worst_ratio = MAX (worst_ratio, (double) max_gap / min_gap);
        }

  g_test_message ("largest distance from an ideal position: %.1f days; largest max/min gap ratio: %.2f",
                  worst_deviation, worst_ratio);
}

static void
test_example (void)
{
  static const guint expected[][2] = { { 2, 10 }, { 5, 5 }, { 9, 1 }, { 11, 24 } };
  SamYearPlanOptions options;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;

  /* Four Tuesdays at 13:00 in 2026: February, May, September, November. */
  sam_year_plan_options_init (&options, 2026, 4);
  meetings = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, meetings);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      GDate date = sam_test_dmy (2026, expected[i][0], expected[i][1]);

      g_assert_cmpint (g_date_compare (&g_array_index (meetings, SamPlannedMeeting, i).date, &date), ==, 0);
    }

  /* Normal time in February, summer time in May. */
  start = sam_calendar_utc_string (g_array_index (meetings, SamPlannedMeeting, 0).start);
  end = sam_calendar_utc_string (g_array_index (meetings, SamPlannedMeeting, 1).end);
  g_assert_cmpstr (start, ==, "2026-02-10T12:00:00Z");
  g_assert_cmpstr (end, ==, "2026-05-05T13:00:00Z");
}

static void
test_summer_adjustable (void)
{
  SamYearPlanOptions options;
  g_autoptr(GArray) wider = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  gboolean in_july = FALSE;

  sam_year_plan_options_init (&options, 2027, 8);
  options.first_summer_week = 25;
  options.last_summer_week = 34;
  wider = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, wider);

  /* Monthly meetings with no summer break: one of them lands in the
   * weeks that are otherwise kept free. */
  sam_year_plan_options_init (&options, 2027, 12);
  options.first_summer_week = 0;
  none = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, none);
  for (guint i = 0; i < none->len; i++)
    in_july |= in_weeks (&g_array_index (none, SamPlannedMeeting, i).date, 27, 32);
  g_assert_true (in_july);
}

static void
test_avoid_and_earliest (void)
{
  SamYearPlanOptions options;
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) second = NULL;
  g_autoptr(GArray) late = NULL;
  g_autoptr(GArray) avoid = g_array_new (FALSE, FALSE, sizeof (GDate));
  g_autoptr(GError) error = NULL;
  GDate earliest = sam_test_dmy (2028, 9, 1);

  sam_year_plan_options_init (&options, 2028, 6);
  options.weekday = G_DATE_WEDNESDAY;
  first = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);

  /* Keeping the first proposal's dates free gives six other dates. */
  for (guint i = 0; i < first->len; i++)
    g_array_append_val (avoid, g_array_index (first, SamPlannedMeeting, i).date);
  options.avoid = (const GDate *) (gpointer) avoid->data;
  options.n_avoid = avoid->len;
  second = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, second);
  for (guint i = 0; i < second->len; i++)
    for (guint j = 0; j < avoid->len; j++)
      g_assert_cmpint (g_date_compare (&g_array_index (second, SamPlannedMeeting, i).date,
                                       &g_array_index (avoid, GDate, j)), !=, 0);

  /* Planning late in the year spreads over what is left of it. */
  sam_year_plan_options_init (&options, 2028, 4);
  options.earliest = &earliest;
  late = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, late);
  g_assert_cmpint (g_date_compare (&g_array_index (late, SamPlannedMeeting, 0).date, &earliest), >=, 0);
}

/* With as many meetings as there are suitable days every one of them is
 * used; one more is refused with a message for the user. */
static void
test_capacity (void)
{
  g_autoptr(GArray) holidays = sam_calendar_holidays (2026);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) too_many = NULL;
  g_autoptr(GArray) none = NULL;
  g_autoptr(GError) error = NULL;
  SamYearPlanOptions options;
  GDate day = sam_test_dmy (2026, 1, 1);
  GDate earliest = sam_test_dmy (2026, 12, 30);
  guint capacity = 0;

  for (; g_date_get_year (&day) == 2026; g_date_add_days (&day, 1))
    if (g_date_get_weekday (&day) == G_DATE_THURSDAY && !is_listed_holiday (holidays, &day) &&
        !in_weeks (&day, 27, 32) && !sam_calendar_is_short_day (&day, NULL, NULL))
      capacity++;
  g_assert_cmpuint (capacity, >, 40);

  sam_year_plan_options_init (&options, 2026, capacity);
  options.weekday = G_DATE_THURSDAY;
  all = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, all);

  options.n_meetings = capacity + 1;
  too_many = sam_year_plan_propose (&options, &error);
  g_assert_null (too_many);
  g_assert_error (error, SAM_YEAR_PLAN_ERROR, SAM_YEAR_PLAN_ERROR_NO_ROOM);
  g_assert_nonnull (strstr (error->message, "2026"));
  g_clear_error (&error);

  /* December 31 is nyårsafton: nothing is left. */
  options.n_meetings = 1;
  options.earliest = &earliest;
  none = sam_year_plan_propose (&options, &error);
  g_assert_null (none);
  g_assert_error (error, SAM_YEAR_PLAN_ERROR, SAM_YEAR_PLAN_ERROR_NO_ROOM);
}

/* The klämdagar and the days before a holiday are kept free unless the
 * register says otherwise: every Friday of 2026 outside the summer is
 * asked for, and 2 January, 15 May and allhelgonaafton are not among them;
 * without the rule they are. */
static void
test_short_days (void)
{
  SamYearPlanOptions options;
  g_autoptr(GArray) kept_free = NULL;
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) too_many = NULL;
  g_autoptr(GError) error = NULL;
  const guint fridays[][2] = { { 1, 2 }, { 5, 15 }, { 10, 30 } };
  GDate day = sam_test_dmy (2026, 1, 1);
  guint n_fridays = 0;

  for (; g_date_get_year (&day) == 2026; g_date_add_days (&day, 1))
    n_fridays += g_date_get_weekday (&day) == G_DATE_FRIDAY && sam_calendar_is_working_day (&day) &&
                 !in_weeks (&day, 27, 32);

  sam_year_plan_options_init (&options, 2026, n_fridays - G_N_ELEMENTS (fridays));
  options.weekday = G_DATE_FRIDAY;
  kept_free = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, kept_free);

  options.avoid_short_days = FALSE;
  options.n_meetings = n_fridays;
  all = sam_year_plan_propose (&options, &error);
  g_assert_no_error (error);
  assert_plan_rules (&options, all);

  for (guint k = 0; k < G_N_ELEMENTS (fridays); k++)
    {
      GDate friday = sam_test_dmy (2026, fridays[k][0], fridays[k][1]);
      gboolean in_kept_free = FALSE, in_all = FALSE;

      for (guint i = 0; i < kept_free->len; i++)
        in_kept_free |= g_date_compare (&g_array_index (kept_free, SamPlannedMeeting, i).date, &friday) == 0;
      for (guint i = 0; i < all->len; i++)
        in_all |= g_date_compare (&g_array_index (all, SamPlannedMeeting, i).date, &friday) == 0;
      g_assert_false (in_kept_free);
      g_assert_true (in_all);
    }

  /* One more than the Fridays that are not short cannot be had while the
   * short ones are kept free. */
  options.avoid_short_days = TRUE;
  options.n_meetings = n_fridays - G_N_ELEMENTS (fridays) + 1;
  too_many = sam_year_plan_propose (&options, &error);
  g_assert_error (error, SAM_YEAR_PLAN_ERROR, SAM_YEAR_PLAN_ERROR_NO_ROOM);
  g_assert_null (too_many);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/year-plan/rules", test_rules);
  g_test_add_func ("/year-plan/example", test_example);
  g_test_add_func ("/year-plan/summer-adjustable", test_summer_adjustable);
  g_test_add_func ("/year-plan/avoid-and-earliest", test_avoid_and_earliest);
  g_test_add_func ("/year-plan/capacity", test_capacity);
  g_test_add_func ("/year-plan/short-days", test_short_days);

  return g_test_run ();
}

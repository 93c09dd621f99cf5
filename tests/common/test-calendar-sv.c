/* test-calendar-sv.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>
#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-test-util.h"
#include "sam-year-plan.h"

/*
 * The Swedish names and formats, from the built po/sv.po. Registered with
 * 'sv': true, so it runs under LC_ALL=sv_SE.UTF-8 and finds the catalogue
 * through SAM_LOCALEDIR. A missing locale or catalogue fails the test
 * rather than skipping it: the Swedish UI is the product.
 */

static void
test_dates (void)
{
  static const char * const months[] = {
    "januari", "februari", "mars", "april", "maj", "juni", "juli",
    "augusti", "september", "oktober", "november", "december"
  };
  GDate date = sam_test_dmy (2026, 6, 17);
  g_autofree char *formatted = sam_calendar_format_long (&date);
  g_autofree char *iso = sam_calendar_format_iso (&date);
  g_autofree char *week = sam_calendar_format_week (sam_calendar_iso_week (&date, NULL));
  g_autofree char *month = sam_calendar_format_month (2026, G_DATE_JUNE);

  g_assert_cmpstr (formatted, ==, "17 juni 2026");
  g_assert_cmpstr (iso, ==, "2026-06-17");
  g_assert_cmpstr (week, ==, "v. 25");
  g_assert_cmpstr (month, ==, "juni 2026");

  for (guint m = 1; m <= 12; m++)
    {
      GDate first = sam_test_dmy (2027, m, 1);
      g_autofree char *expected = g_strdup_printf ("1 %s 2027", months[m - 1]);
      g_autofree char *text = sam_calendar_format_long (&first);

      g_assert_cmpstr (text, ==, expected);
      g_assert_cmpstr (sam_calendar_month_name (m), ==, months[m - 1]);
    }
}

static void
test_weekdays (void)
{
  static const char * const names[] = {
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"
  };
  static const char * const abbreviations[] = { "mån", "tis", "ons", "tor", "fre", "lör", "sön" };

  for (guint w = 1; w <= 7; w++)
    {
      g_assert_cmpstr (sam_calendar_weekday_name (w), ==, names[w - 1]);
      g_assert_cmpstr (sam_calendar_weekday_abbreviation (w), ==, abbreviations[w - 1]);
    }
}

static void
test_holiday_names (void)
{
  /* The names of Lag (1989:253) om allmänna helgdagar, capitalised as
   * labels. */
  static const char * const names[] = {
    "Nyårsdagen", "Trettondedag jul", "Långfredagen", "Påskdagen", "Annandag påsk",
    "Första maj", "Kristi himmelsfärdsdag", "Pingstdagen", "Sveriges nationaldag",
    "Midsommarafton", "Midsommardagen", "Alla helgons dag", "Julafton", "Juldagen",
    "Annandag jul", "Nyårsafton"
  };
  g_autoptr(GArray) days = sam_calendar_holidays (2026);
  g_autoptr(GArray) old_days = sam_calendar_holidays (2004);
  GDate good_friday = sam_test_dmy (2026, 4, 3);
  const char *name = NULL;

  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < days->len; i++)
    g_assert_cmpstr (sam_holiday_get_name (&g_array_index (days, SamHoliday, i)), ==, names[i]);

  g_assert_true (sam_calendar_is_holiday (&good_friday, NULL, &name));
  g_assert_cmpstr (name, ==, "Långfredagen");

  for (guint i = 0; i < old_days->len; i++)
    if (g_str_equal (g_array_index (old_days, SamHoliday, i).id, "whit_monday"))
      g_assert_cmpstr (sam_holiday_get_name (&g_array_index (old_days, SamHoliday, i)), ==, "Annandag pingst");
}

static void
test_year_plan_error (void)
{
  SamYearPlanOptions options;
  g_autoptr(GArray) meetings = NULL;
  g_autoptr(GError) error = NULL;

  sam_year_plan_options_init (&options, 2026, 200);
  meetings = sam_year_plan_propose (&options, &error);
  g_assert_null (meetings);
  g_assert_error (error, SAM_YEAR_PLAN_ERROR, SAM_YEAR_PLAN_ERROR_NO_ROOM);
  g_assert_true (g_str_has_prefix (error->message, "Bara "));
  g_assert_nonnull (strstr (error->message, " dagar under 2026 "));
}

/* The short days by their Swedish names, and why a written date is not
 * one, said in Swedish: a day that does not exist is named as such. */
static void
test_short_day_names_and_date_errors (void)
{
  GDate walpurgis = sam_test_dmy (2026, 4, 30);
  GDate bridge = sam_test_dmy (2026, 5, 15);
  const char *name = NULL;
  struct { const char *text, *why; } dates[] = {
    { "2027-02-30", "”2027-02-30” finns inte: februari 2027 har 28 dagar" },
    { "2028-02-30", "”2028-02-30” finns inte: februari 2028 har 29 dagar" },
    { "2026-04-31", "”2026-04-31” finns inte: april 2026 har 30 dagar" },
    { "2026-06-00", "”2026-06-00” finns inte: juni 2026 har 30 dagar" },
    { "2027-13-01", "”2027-13-01” finns inte: ett år har månaderna 01 till 12" },
    { "30/2 2027", "”30/2 2027” är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-06-17" },
    { "", "”” är inget datum: skriv det som ÅÅÅÅ-MM-DD, till exempel 2026-06-17" },
  };

  g_assert_true (sam_calendar_is_short_day (&walpurgis, NULL, &name));
  g_assert_cmpstr (name, ==, "Valborgsmässoafton");
  g_assert_true (sam_calendar_is_short_day (&bridge, NULL, &name));
  g_assert_cmpstr (name, ==, "Klämdag");

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *why = sam_calendar_explain_not_a_date (dates[i].text);

      g_assert_false (sam_calendar_parse_iso (dates[i].text, NULL));
      g_assert_cmpstr (why, ==, dates[i].why);
    }
}

int
main (int   argc,
      char *argv[])
{
  sam_test_init_swedish ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/calendar-sv/dates", test_dates);
  g_test_add_func ("/calendar-sv/weekdays", test_weekdays);
  g_test_add_func ("/calendar-sv/holiday-names", test_holiday_names);
  g_test_add_func ("/calendar-sv/year-plan-error", test_year_plan_error);
  g_test_add_func ("/calendar-sv/short-days-and-date-errors", test_short_day_names_and_date_errors);

  return g_test_run ();
}

/* test-calendar.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-test-util.h"

/*
 * Runs in the C locale (no setlocale), so every name is the English msgid;
 * test-calendar-sv checks the Swedish ones.
 */

/* Easter Sunday from ncal -e (util-linux/BSD calendar code, not ours), and
 * midsommardagen (June) and alla helgons dag from date +%u, for 2000–2040. */
static const struct
{
  guint year;
  guint easter_month;
  guint easter_day;
  guint midsummer_day;
  guint all_saints_month;
  guint all_saints_day;
} years[] = {
  { 2000, 4, 23, 24, 11,  4 },
  { 2001, 4, 15, 23, 11,  3 },
  { 2002, 3, 31, 22, 11,  2 },
  { 2003, 4, 20, 21, 11,  1 },
  { 2004, 4, 11, 26, 11,  6 },
  { 2005, 3, 27, 25, 11,  5 },
  { 2006, 4, 16, 24, 11,  4 },
  { 2007, 4,  8, 23, 11,  3 },
  { 2008, 3, 23, 21, 11,  1 },
  { 2009, 4, 12, 20, 10, 31 },
  { 2010, 4,  4, 26, 11,  6 },
  { 2011, 4, 24, 25, 11,  5 },
  { 2012, 4,  8, 23, 11,  3 },
  { 2013, 3, 31, 22, 11,  2 },
  { 2014, 4, 20, 21, 11,  1 },
  { 2015, 4,  5, 20, 10, 31 },
  { 2016, 3, 27, 25, 11,  5 },
  { 2017, 4, 16, 24, 11,  4 },
  { 2018, 4,  1, 23, 11,  3 },
  { 2019, 4, 21, 22, 11,  2 },
  { 2020, 4, 12, 20, 10, 31 },
  { 2021, 4,  4, 26, 11,  6 },
  { 2022, 4, 17, 25, 11,  5 },
  { 2023, 4,  9, 24, 11,  4 },
  { 2024, 3, 31, 22, 11,  2 },
  { 2025, 4, 20, 21, 11,  1 },
  { 2026, 4,  5, 20, 10, 31 },
  { 2027, 3, 28, 26, 11,  6 },
  { 2028, 4, 16, 24, 11,  4 },
  { 2029, 4,  1, 23, 11,  3 },
  { 2030, 4, 21, 22, 11,  2 },
  { 2031, 4, 13, 21, 11,  1 },
  { 2032, 3, 28, 26, 11,  6 },
  { 2033, 4, 17, 25, 11,  5 },
  { 2034, 4,  9, 24, 11,  4 },
  { 2035, 3, 25, 23, 11,  3 },
  { 2036, 4, 13, 21, 11,  1 },
  { 2037, 4,  5, 20, 10, 31 },
  { 2038, 4, 25, 26, 11,  6 },
  { 2039, 4, 10, 25, 11,  5 },
  { 2040, 4,  1, 23, 11,  3 },
};

/* Dec 28 – Jan 4 around every year boundary 2020/21 … 2030/31, as
 * date +%G %V prints them. */
static const struct
{
  guint year;
  guint month;
  guint day;
  guint iso_year;
  guint week;
} weeks[] = {
  /* 2020/2021 */
  { 2020, 12, 28, 2020, 53 },
  { 2020, 12, 29, 2020, 53 },
  { 2020, 12, 30, 2020, 53 },
  { 2020, 12, 31, 2020, 53 },
  { 2021,  1,  1, 2020, 53 },
  { 2021,  1,  2, 2020, 53 },
  { 2021,  1,  3, 2020, 53 },
  { 2021,  1,  4, 2021,  1 },
  /* 2021/2022 */
  { 2021, 12, 28, 2021, 52 },
  { 2021, 12, 29, 2021, 52 },
  { 2021, 12, 30, 2021, 52 },
  { 2021, 12, 31, 2021, 52 },
  { 2022,  1,  1, 2021, 52 },
  { 2022,  1,  2, 2021, 52 },
  { 2022,  1,  3, 2022,  1 },
  { 2022,  1,  4, 2022,  1 },
  /* 2022/2023 */
  { 2022, 12, 28, 2022, 52 },
  { 2022, 12, 29, 2022, 52 },
  { 2022, 12, 30, 2022, 52 },
  { 2022, 12, 31, 2022, 52 },
  { 2023,  1,  1, 2022, 52 },
  { 2023,  1,  2, 2023,  1 },
  { 2023,  1,  3, 2023,  1 },
  { 2023,  1,  4, 2023,  1 },
  /* 2023/2024 */
  { 2023, 12, 28, 2023, 52 },
  { 2023, 12, 29, 2023, 52 },
  { 2023, 12, 30, 2023, 52 },
  { 2023, 12, 31, 2023, 52 },
  { 2024,  1,  1, 2024,  1 },
  { 2024,  1,  2, 2024,  1 },
  { 2024,  1,  3, 2024,  1 },
  { 2024,  1,  4, 2024,  1 },
  /* 2024/2025 */
  { 2024, 12, 28, 2024, 52 },
  { 2024, 12, 29, 2024, 52 },
  { 2024, 12, 30, 2025,  1 },
  { 2024, 12, 31, 2025,  1 },
  { 2025,  1,  1, 2025,  1 },
  { 2025,  1,  2, 2025,  1 },
  { 2025,  1,  3, 2025,  1 },
  { 2025,  1,  4, 2025,  1 },
  /* 2025/2026 */
  { 2025, 12, 28, 2025, 52 },
  { 2025, 12, 29, 2026,  1 },
  { 2025, 12, 30, 2026,  1 },
  { 2025, 12, 31, 2026,  1 },
  { 2026,  1,  1, 2026,  1 },
  { 2026,  1,  2, 2026,  1 },
  { 2026,  1,  3, 2026,  1 },
  { 2026,  1,  4, 2026,  1 },
  /* 2026/2027 */
  { 2026, 12, 28, 2026, 53 },
  { 2026, 12, 29, 2026, 53 },
  { 2026, 12, 30, 2026, 53 },
  { 2026, 12, 31, 2026, 53 },
  { 2027,  1,  1, 2026, 53 },
  { 2027,  1,  2, 2026, 53 },
  { 2027,  1,  3, 2026, 53 },
  { 2027,  1,  4, 2027,  1 },
  /* 2027/2028 */
  { 2027, 12, 28, 2027, 52 },
  { 2027, 12, 29, 2027, 52 },
  { 2027, 12, 30, 2027, 52 },
  { 2027, 12, 31, 2027, 52 },
  { 2028,  1,  1, 2027, 52 },
  { 2028,  1,  2, 2027, 52 },
  { 2028,  1,  3, 2028,  1 },
  { 2028,  1,  4, 2028,  1 },
  /* 2028/2029 */
  { 2028, 12, 28, 2028, 52 },
  { 2028, 12, 29, 2028, 52 },
  { 2028, 12, 30, 2028, 52 },
  { 2028, 12, 31, 2028, 52 },
  { 2029,  1,  1, 2029,  1 },
  { 2029,  1,  2, 2029,  1 },
  { 2029,  1,  3, 2029,  1 },
  { 2029,  1,  4, 2029,  1 },
  /* 2029/2030 */
  { 2029, 12, 28, 2029, 52 },
  { 2029, 12, 29, 2029, 52 },
  { 2029, 12, 30, 2029, 52 },
  { 2029, 12, 31, 2030,  1 },
  { 2030,  1,  1, 2030,  1 },
  { 2030,  1,  2, 2030,  1 },
  { 2030,  1,  3, 2030,  1 },
  { 2030,  1,  4, 2030,  1 },
  /* 2030/2031 */
  { 2030, 12, 28, 2030, 52 },
  { 2030, 12, 29, 2030, 52 },
  { 2030, 12, 30, 2031,  1 },
  { 2030, 12, 31, 2031,  1 },
  { 2031,  1,  1, 2031,  1 },
  { 2031,  1,  2, 2031,  1 },
  { 2031,  1,  3, 2031,  1 },
  { 2031,  1,  4, 2031,  1 },
};

typedef struct
{
  const char *id;
  GDate       date;
  SamDayKind  kind;
} Expected;

static GDate
shifted (GDate date,
         int   days)
{
  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return date;
}

static void
expect (Expected   *out,
        guint      *n,
        const char *id,
        GDate       date,
        SamDayKind  kind)
{
  out[*n].id = id;
  out[*n].date = date;
  out[*n].kind = kind;
  (*n)++;
}

/* The law's list for years[row], the moving days from the literal tables by
 * their fixed distances from Easter Sunday. */
static guint
expected_holidays (guint     row,
                   Expected *out)
{
  guint y = years[row].year;
  GDate easter = sam_test_dmy (y, years[row].easter_month, years[row].easter_day);
  GDate midsummer = sam_test_dmy (y, G_DATE_JUNE, years[row].midsummer_day);
  guint n = 0;

  expect (out, &n, "new_years_day", sam_test_dmy (y, 1, 1), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "epiphany", sam_test_dmy (y, 1, 6), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "good_friday", shifted (easter, -2), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "easter_sunday", easter, SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "easter_monday", shifted (easter, 1), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "may_day", sam_test_dmy (y, 5, 1), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "ascension_day", shifted (easter, 39), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "whitsunday", shifted (easter, 49), SAM_DAY_PUBLIC_HOLIDAY);
  /* SFS 2004:1020: from 2005 the national day replaced annandag pingst. */
  if (y < 2005)
    expect (out, &n, "whit_monday", shifted (easter, 50), SAM_DAY_PUBLIC_HOLIDAY);
  else
    expect (out, &n, "national_day", sam_test_dmy (y, 6, 6), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "midsummer_eve", shifted (midsummer, -1), SAM_DAY_DAY_OFF);
  expect (out, &n, "midsummer_day", midsummer, SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "all_saints_day", sam_test_dmy (y, years[row].all_saints_month, years[row].all_saints_day),
          SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "christmas_eve", sam_test_dmy (y, 12, 24), SAM_DAY_DAY_OFF);
  expect (out, &n, "christmas_day", sam_test_dmy (y, 12, 25), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "boxing_day", sam_test_dmy (y, 12, 26), SAM_DAY_PUBLIC_HOLIDAY);
  expect (out, &n, "new_years_eve", sam_test_dmy (y, 12, 31), SAM_DAY_DAY_OFF);

  return n;
}

static const Expected *
find_expected (const Expected *expected,
               guint           n,
               const char     *id)
{
  for (guint i = 0; i < n; i++)
    if (g_str_equal (expected[i].id, id))
      return &expected[i];

  return NULL;
}

static void
test_easter (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (years); r++)
    {
      GDate expected = sam_test_dmy (years[r].year, years[r].easter_month, years[r].easter_day);
      GDate easter;

      sam_calendar_easter (years[r].year, &easter);
      g_assert_true (g_date_valid (&easter));
      if (g_date_compare (&easter, &expected) != 0)
        g_error ("Easter %u: got %u-%02u-%02u", years[r].year, g_date_get_year (&easter),
                 g_date_get_month (&easter), g_date_get_day (&easter));
    }
}

static void
test_holidays_table (void)
{
  g_assert_cmpuint (years[0].year, ==, 2000);
  g_assert_cmpuint (years[G_N_ELEMENTS (years) - 1].year, ==, 2040);

  for (guint r = 0; r < G_N_ELEMENTS (years); r++)
    {
      Expected expected[32];
      guint n = expected_holidays (r, expected);
      g_autoptr(GArray) days = sam_calendar_holidays (years[r].year);
      g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

      g_assert_cmpuint (n, ==, 16);
      g_assert_cmpuint (days->len, ==, n);
      for (guint i = 0; i < days->len; i++)
        {
          const SamHoliday *day = &g_array_index (days, SamHoliday, i);
          const Expected *e = find_expected (expected, n, day->id);

          if (e == NULL)
            g_error ("%u: unexpected holiday %s", years[r].year, day->id);
          g_assert_true (g_hash_table_add (seen, (gpointer) day->id));
          if (g_date_compare (&day->date, &e->date) != 0)
            g_error ("%u: %s on %u-%02u-%02u", years[r].year, day->id, g_date_get_year (&day->date),
                     g_date_get_month (&day->date), g_date_get_day (&day->date));
          g_assert_cmpint (day->kind, ==, e->kind);
          g_assert_nonnull (sam_holiday_get_name (day));
          if (i > 0)
            g_assert_cmpint (g_date_compare (&g_array_index (days, SamHoliday, i - 1).date, &day->date), <=, 0);
        }
    }
}

/* sam_calendar_is_holiday() agrees with the table on every day of every
 * year, and nothing else is a holiday. */
static void
test_holidays_every_day (void)
{
  for (guint r = 0; r < G_N_ELEMENTS (years); r++)
    {
      Expected expected[32];
      guint n = expected_holidays (r, expected);
      GDate day = sam_test_dmy (years[r].year, 1, 1);

      for (; g_date_get_year (&day) == years[r].year; g_date_add_days (&day, 1))
        {
          const Expected *first = NULL;
          SamDayKind kind = -1;
          const char *name = NULL;
          gboolean is_holiday = sam_calendar_is_holiday (&day, &kind, &name);

          for (guint i = 0; i < n && first == NULL; i++)
            if (g_date_compare (&expected[i].date, &day) == 0)
              first = &expected[i];

          g_assert_cmpint (is_holiday, ==, first != NULL);
          if (first != NULL)
            {
              SamHoliday holiday = { first->date, first->kind, first->id };

              g_assert_cmpint (kind, ==, first->kind);
              g_assert_cmpstr (name, ==, sam_holiday_get_name (&holiday));
            }
          g_assert_cmpint (sam_calendar_is_working_day (&day), ==,
                           !is_holiday && g_date_get_weekday (&day) <= G_DATE_FRIDAY);
        }
    }
}

/* Structural facts of the law, for a much longer stretch of years. */
static void
test_holidays_weekdays (void)
{
  static const struct
  {
    const char   *id;
    GDateWeekday  weekday;
  } expected[] = {
    { "good_friday", G_DATE_FRIDAY },
    { "easter_sunday", G_DATE_SUNDAY },
    { "easter_monday", G_DATE_MONDAY },
    { "ascension_day", G_DATE_THURSDAY },
    { "whitsunday", G_DATE_SUNDAY },
    { "midsummer_eve", G_DATE_FRIDAY },
    { "midsummer_day", G_DATE_SATURDAY },
    { "all_saints_day", G_DATE_SATURDAY },
  };

  for (guint year = 1953; year <= 2300; year++)
    {
      g_autoptr(GArray) days = sam_calendar_holidays (year);
      GDate easter;
      GDate earliest = sam_test_dmy (year, 3, 22);
      GDate latest = sam_test_dmy (year, 4, 25);
      guint found = 0;

      sam_calendar_easter (year, &easter);
      g_assert_cmpint (g_date_compare (&easter, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&easter, &latest), <=, 0);

      for (guint i = 0; i < days->len; i++)
        {
          const SamHoliday *day = &g_array_index (days, SamHoliday, i);

          for (guint e = 0; e < G_N_ELEMENTS (expected); e++)
            if (g_str_equal (day->id, expected[e].id))
              {
                g_assert_cmpint (g_date_get_weekday (&day->date), ==, expected[e].weekday);
                found++;
              }
        }
      g_assert_cmpuint (found, ==, G_N_ELEMENTS (expected));
    }
}

/* Kristi himmelsfärdsdag fell on första maj in 2008: both are listed, in
 * the law's order, and a lookup names the first. */
static void
test_holidays_coinciding (void)
{
  g_autoptr(GArray) days = sam_calendar_holidays (2008);
  GDate may_day = sam_test_dmy (2008, 5, 1);
  const char *name = NULL;
  guint i;

  for (i = 0; i < days->len; i++)
    if (g_str_equal (g_array_index (days, SamHoliday, i).id, "may_day"))
      break;
  g_assert_cmpuint (i + 1, <, days->len);
  g_assert_cmpstr (g_array_index (days, SamHoliday, i + 1).id, ==, "ascension_day");
  g_assert_cmpint (g_date_compare (&g_array_index (days, SamHoliday, i + 1).date, &may_day), ==, 0);

  g_assert_true (sam_calendar_is_holiday (&may_day, NULL, &name));
  g_assert_cmpstr (name, ==, "May Day");
}

static void
test_holiday_names (void)
{
  static const struct
  {
    const char *id;
    const char *name;
  } expected[] = {
    { "new_years_day", "New Year’s Day" },
    { "epiphany", "Epiphany" },
    { "good_friday", "Good Friday" },
    { "easter_sunday", "Easter Sunday" },
    { "easter_monday", "Easter Monday" },
    { "may_day", "May Day" },
    { "ascension_day", "Ascension Day" },
    { "whitsunday", "Whitsunday" },
    { "national_day", "National Day of Sweden" },
    { "midsummer_eve", "Midsummer Eve" },
    { "midsummer_day", "Midsummer Day" },
    { "all_saints_day", "All Saints’ Day" },
    { "christmas_eve", "Christmas Eve" },
    { "christmas_day", "Christmas Day" },
    { "boxing_day", "Boxing Day" },
    { "new_years_eve", "New Year’s Eve" },
  };
  g_autoptr(GArray) days = sam_calendar_holidays (2026);
  GDate good_friday = sam_test_dmy (2026, 4, 3);
  SamDayKind kind = -1;
  const char *name = NULL;

  g_assert_cmpuint (days->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < days->len; i++)
    {
      const SamHoliday *day = &g_array_index (days, SamHoliday, i);

      g_assert_cmpstr (day->id, ==, expected[i].id);
      g_assert_cmpstr (sam_holiday_get_name (day), ==, expected[i].name);
    }

  g_assert_true (sam_calendar_is_holiday (&good_friday, &kind, &name));
  g_assert_cmpint (kind, ==, SAM_DAY_PUBLIC_HOLIDAY);
  g_assert_cmpstr (name, ==, "Good Friday");
}

static void
test_working_day (void)
{
  GDate wednesday = sam_test_dmy (2026, 6, 17);
  GDate midsummer_eve = sam_test_dmy (2026, 6, 19);
  GDate saturday = sam_test_dmy (2026, 6, 13);
  GDate christmas_eve = sam_test_dmy (2026, 12, 24);
  GDate national_day = sam_test_dmy (2029, 6, 6);
  SamDayKind kind = -1;

  g_assert_true (sam_calendar_is_working_day (&wednesday));
  g_assert_false (sam_calendar_is_holiday (&wednesday, NULL, NULL));
  g_assert_false (sam_calendar_is_working_day (&midsummer_eve));
  g_assert_true (sam_calendar_is_holiday (&midsummer_eve, &kind, NULL));
  g_assert_cmpint (kind, ==, SAM_DAY_DAY_OFF);
  g_assert_false (sam_calendar_is_working_day (&saturday));
  g_assert_false (sam_calendar_is_holiday (&saturday, NULL, NULL));
  g_assert_false (sam_calendar_is_working_day (&christmas_eve));
  g_assert_false (sam_calendar_is_working_day (&national_day));
}

/* Every short day of 2026 and 2027, by the almanac: the klämdagar the
 * planner keeps free, and the days before a holiday that are cut short. */
static const struct
{
  guint month, day;
  guint year;
  SamShortDayKind kind;
} short_days[] = {
  { 1, 2, 2026, SAM_SHORT_DAY_BRIDGE },   /* after nyårsdagen, a Thursday */
  { 1, 5, 2026, SAM_SHORT_DAY_BRIDGE },   /* before trettondedag jul, a Tuesday; trettondagsafton too */
  { 4, 2, 2026, SAM_SHORT_DAY_EVE },      /* skärtorsdagen */
  { 4, 30, 2026, SAM_SHORT_DAY_EVE },     /* valborgsmässoafton */
  { 5, 13, 2026, SAM_SHORT_DAY_EVE },     /* before Kristi himmelsfärdsdag */
  { 5, 15, 2026, SAM_SHORT_DAY_BRIDGE },  /* after Kristi himmelsfärdsdag */
  { 10, 30, 2026, SAM_SHORT_DAY_EVE },    /* allhelgonaafton */
  { 1, 5, 2027, SAM_SHORT_DAY_EVE },      /* trettondagsafton, a Tuesday */
  { 3, 25, 2027, SAM_SHORT_DAY_EVE },     /* skärtorsdagen */
  { 4, 30, 2027, SAM_SHORT_DAY_EVE },     /* valborgsmässoafton, a Friday */
  { 5, 5, 2027, SAM_SHORT_DAY_EVE },      /* before Kristi himmelsfärdsdag */
  { 5, 7, 2027, SAM_SHORT_DAY_BRIDGE },   /* after Kristi himmelsfärdsdag */
  { 11, 5, 2027, SAM_SHORT_DAY_EVE },     /* allhelgonaafton */
};

static void
test_short_days (void)
{
  guint listed = 0;

  for (guint year = 2026; year <= 2027; year++)
    {
      GDate day = sam_test_dmy (year, 1, 1);

      for (; g_date_get_year (&day) == year; g_date_add_days (&day, 1))
        {
          SamShortDayKind kind = -1;
          const char *name = NULL;
          gboolean expected = FALSE;

          for (guint i = 0; i < G_N_ELEMENTS (short_days); i++)
            if (short_days[i].year == year && short_days[i].month == g_date_get_month (&day) &&
                short_days[i].day == g_date_get_day (&day))
              {
                expected = TRUE;
                listed++;
                g_assert_true (sam_calendar_is_short_day (&day, &kind, &name));
                g_assert_cmpint (kind, ==, short_days[i].kind);
                g_assert_nonnull (name);
              }
          if (!expected)
            g_assert_false (sam_calendar_is_short_day (&day, NULL, NULL));
        }
    }
  g_assert_cmpuint (listed, ==, G_N_ELEMENTS (short_days));
}

/* Over forty years: a short day is a working day; a klämdag lies between
 * two days off; any other short day comes before a holiday. */
static void
test_short_days_every_day (void)
{
  GDate day = sam_test_dmy (2000, 1, 1);

  for (; g_date_get_year (&day) <= 2040; g_date_add_days (&day, 1))
    {
      SamShortDayKind kind;
      GDate before = day;
      GDate after = day;

      if (!sam_calendar_is_short_day (&day, &kind, NULL))
        continue;
      g_date_subtract_days (&before, 1);
      g_date_add_days (&after, 1);
      g_assert_true (sam_calendar_is_working_day (&day));
      if (kind == SAM_SHORT_DAY_BRIDGE)
        {
          g_assert_false (sam_calendar_is_working_day (&before));
          g_assert_false (sam_calendar_is_working_day (&after));
        }
      else
        g_assert_true (sam_calendar_is_holiday (&after, NULL, NULL));
    }
}

static void
test_iso_week_boundaries (void)
{
  GDate new_year_2027 = sam_test_dmy (2027, 1, 1);
  guint iso_year = 0;

  g_assert_cmpuint (G_N_ELEMENTS (weeks), ==, 11 * 8);
  for (guint i = 0; i < G_N_ELEMENTS (weeks); i++)
    {
      GDate date = sam_test_dmy (weeks[i].year, weeks[i].month, weeks[i].day);
      guint week = sam_calendar_iso_week (&date, &iso_year);

      if (week != weeks[i].week || iso_year != weeks[i].iso_year)
        g_error ("%u-%02u-%02u: got %u-W%02u, expected %u-W%02u", weeks[i].year, weeks[i].month,
                 weeks[i].day, iso_year, week, weeks[i].iso_year, weeks[i].week);
    }

  g_assert_cmpuint (sam_calendar_iso_week (&new_year_2027, &iso_year), ==, 53);
  g_assert_cmpuint (iso_year, ==, 2026);
  g_assert_cmpuint (sam_calendar_iso_week (&new_year_2027, NULL), ==, 53);
}

/* The week number agrees with GLib's on every day; the week-year is the
 * calendar year except where a boundary week crosses it. */
static void
test_iso_week_every_day (void)
{
  GDate day = sam_test_dmy (1960, 1, 1);
  GDate end = sam_test_dmy (2061, 1, 1);

  for (; g_date_compare (&day, &end) < 0; g_date_add_days (&day, 1))
    {
      guint iso_year = 0;
      guint week = sam_calendar_iso_week (&day, &iso_year);
      guint year = g_date_get_year (&day);
      guint expected_year = year;

      g_assert_cmpuint (week, ==, g_date_get_iso8601_week_of_year (&day));
      if (g_date_get_month (&day) == G_DATE_JANUARY && week >= 52)
        expected_year = year - 1;
      else if (g_date_get_month (&day) == G_DATE_DECEMBER && week == 1)
        expected_year = year + 1;
      g_assert_cmpuint (iso_year, ==, expected_year);
    }
}

static void
test_format_english (void)
{
  static const char * const long_months[] = {
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"
  };
  static const char * const names[] = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
  };
  static const char * const abbreviations[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };
  GDate date = sam_test_dmy (2026, 6, 17);
  GDate first = sam_test_dmy (2026, 1, 1);
  char *text;

  text = sam_calendar_format_long (&date);
  g_assert_cmpstr (text, ==, "17 June 2026");
  g_free (text);
  text = sam_calendar_format_long (&first);
  g_assert_cmpstr (text, ==, "1 January 2026");
  g_free (text);
  text = sam_calendar_format_iso (&date);
  g_assert_cmpstr (text, ==, "2026-06-17");
  g_free (text);
  text = sam_calendar_format_iso (&first);
  g_assert_cmpstr (text, ==, "2026-01-01");
  g_free (text);
  text = sam_calendar_format_week (25);
  g_assert_cmpstr (text, ==, "w. 25");
  g_free (text);
  text = sam_calendar_format_month (2026, G_DATE_JUNE);
  g_assert_cmpstr (text, ==, "June 2026");
  g_free (text);

  for (guint m = 1; m <= 12; m++)
    {
      GDate d = sam_test_dmy (2026, m, 9);
      g_autofree char *expected = g_strdup_printf ("9 %s 2026", long_months[m - 1]);
      g_autofree char *formatted = sam_calendar_format_long (&d);

      g_assert_cmpstr (formatted, ==, expected);
      g_assert_cmpstr (sam_calendar_month_name (m), ==, long_months[m - 1]);
    }
  for (guint w = 1; w <= 7; w++)
    {
      g_assert_cmpstr (sam_calendar_weekday_name (w), ==, names[w - 1]);
      g_assert_cmpstr (sam_calendar_weekday_abbreviation (w), ==, abbreviations[w - 1]);
    }
}

static void
test_zone (void)
{
  GTimeZone *zone = sam_calendar_get_zone ();

  /* A missing tzdata would show as the fallback rule's identifier. */
  g_assert_cmpstr (g_time_zone_get_identifier (zone), ==, "Europe/Stockholm");
  g_assert_true (sam_calendar_get_zone () == zone);
}

static void
assert_local_to_utc (guint       year,
                     guint       month,
                     guint       day,
                     guint       hour,
                     guint       minute,
                     const char *expected_utc,
                     guint       expected_local_hour)
{
  GDate date = sam_test_dmy (year, month, day);
  g_autoptr(GDateTime) utc = sam_calendar_local_to_utc (&date, hour, minute);
  g_autoptr(GDateTime) local = sam_calendar_to_stockholm (utc);
  g_autofree char *text = sam_calendar_utc_string (utc);

  g_assert_cmpstr (text, ==, expected_utc);
  g_assert_cmpint (g_date_time_get_utc_offset (utc), ==, 0);
  g_assert_cmpint (g_date_time_get_hour (local), ==, expected_local_hour);
  g_assert_cmpint (g_date_time_get_minute (local), ==, minute);
}

static void
test_local_to_utc (void)
{
  /* Summer time (UTC+2) and normal time (UTC+1). */
  assert_local_to_utc (2026, 6, 17, 13, 0, "2026-06-17T11:00:00Z", 13);
  assert_local_to_utc (2026, 1, 15, 13, 0, "2026-01-15T12:00:00Z", 13);
  assert_local_to_utc (2026, 12, 31, 23, 30, "2026-12-31T22:30:00Z", 23);
  assert_local_to_utc (2027, 1, 1, 0, 15, "2026-12-31T23:15:00Z", 0);

  /* 2026-03-29: clocks go from 02:00 to 03:00. Around the gap times are
   * exact; in it they move forward by the hour. */
  assert_local_to_utc (2026, 3, 29, 1, 59, "2026-03-29T00:59:00Z", 1);
  assert_local_to_utc (2026, 3, 29, 2, 0, "2026-03-29T01:00:00Z", 3);
  assert_local_to_utc (2026, 3, 29, 2, 30, "2026-03-29T01:30:00Z", 3);
  assert_local_to_utc (2026, 3, 29, 3, 0, "2026-03-29T01:00:00Z", 3);

  /* 2026-10-25: clocks go from 03:00 back to 02:00, so 02:00–02:59 happens
   * twice; the first (summer time, UTC+2) is taken. */
  assert_local_to_utc (2026, 10, 25, 1, 59, "2026-10-24T23:59:00Z", 1);
  assert_local_to_utc (2026, 10, 25, 2, 30, "2026-10-25T00:30:00Z", 2);
  assert_local_to_utc (2026, 10, 25, 3, 0, "2026-10-25T02:00:00Z", 3);
}

static void
test_utc_strings (void)
{
  static const char * const refused[] = {
    "",
    "2026-06-17",
    "2026-06-17T11:00:00",
    "2026-06-17 11:00:00Z",
    "2026-06-17T11:00:00+02:00",
    "2026-06-17T11:00:00.5Z",
    "2026-06-17t11:00:00z",
    "2026-6-17T11:00:00Z ",
    "2026-06-17T11:00:00Z ",
    "+026-06-17T11:00:00Z",
    "2026-02-29T11:00:00Z",
    "2026-13-01T11:00:00Z",
    "2026-00-10T11:00:00Z",
    "2026-06-00T11:00:00Z",
    "2026-06-17T24:00:00Z",
    "2026-06-17T11:60:00Z",
    "2026-06-17T11:00:60Z",
    "0000-01-01T00:00:00Z",
  };
  g_autoptr(GDateTime) parsed = sam_calendar_parse_utc ("2026-06-17T11:00:00Z");
  g_autoptr(GDateTime) leap = sam_calendar_parse_utc ("2028-02-29T23:59:59Z");
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) fractional = NULL;
  g_autofree char *again = NULL;
  g_autofree char *from_local = NULL;
  g_autofree char *truncated = NULL;

  g_assert_nonnull (parsed);
  g_assert_nonnull (leap);
  again = sam_calendar_utc_string (parsed);
  g_assert_cmpstr (again, ==, "2026-06-17T11:00:00Z");

  /* Any zone goes in; UTC comes out. */
  local = sam_calendar_to_stockholm (parsed);
  g_assert_cmpint (g_date_time_get_hour (local), ==, 13);
  g_assert_cmpint (g_date_time_get_utc_offset (local), ==, 2 * G_TIME_SPAN_HOUR);
  from_local = sam_calendar_utc_string (local);
  g_assert_cmpstr (from_local, ==, "2026-06-17T11:00:00Z");

  fractional = g_date_time_new_utc (2026, 6, 17, 11, 0, 59.75);
  truncated = sam_calendar_utc_string (fractional);
  g_assert_cmpstr (truncated, ==, "2026-06-17T11:00:59Z");

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GDateTime) bad = sam_calendar_parse_utc (refused[i]);

      if (bad != NULL)
        g_error ("“%s” was accepted", refused[i]);
    }
}

/* The one rule for a date as the register writes it. */
static void
test_parse_iso (void)
{
  static const struct { const char *text; gboolean valid; guint y, m, d; } cases[] = {
    { "2026-06-17", TRUE, 2026, 6, 17 },
    { "2024-02-29", TRUE, 2024, 2, 29 },
    { "2023-02-29", FALSE },
    { "2027-02-30", FALSE },
    { "2026-13-01", FALSE },
    { "2026-00-10", FALSE },
    { "0000-01-01", FALSE },
    { "2023-2-28", FALSE },
    { "2026-06-17 ", FALSE },
    { "2026-06-17T10:00:00Z", FALSE },
    { "2026/06/17", FALSE },
    { "idag", FALSE },
    { "", FALSE },
    { NULL, FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GDate date;

      g_assert_cmpint (sam_calendar_parse_iso (cases[i].text, &date), ==, cases[i].valid);
      g_assert_cmpint (sam_calendar_parse_iso (cases[i].text, NULL), ==, cases[i].valid);
      if (cases[i].valid)
        {
          g_assert_cmpuint (g_date_get_year (&date), ==, cases[i].y);
          g_assert_cmpuint (g_date_get_month (&date), ==, cases[i].m);
          g_assert_cmpuint (g_date_get_day (&date), ==, cases[i].d);
        }
    }
}

/* The one clock: pinned, it answers in the register's time zone, so a
 * late-evening UTC time is already the next day in Sweden. */
static void
test_clock_pinned (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (2026, 12, 31, 23, 30, 0);
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *today = NULL;
  GDate date;

  sam_clock_set_now (utc);
  now = sam_clock_now ();
  today = sam_clock_dup_today ();
  sam_clock_get_today (&date);

  g_assert_cmpstr (today, ==, "2027-01-01");
  g_assert_cmpint (g_date_time_get_hour (now), ==, 0);
  g_assert_cmpint (g_date_time_get_utc_offset (now) / G_TIME_SPAN_HOUR, ==, 1);
  g_assert_cmpint (g_date_get_year (&date), ==, 2027);
  g_assert_cmpint (g_date_get_day (&date), ==, 1);
  g_assert_cmpint (sam_clock_get_year (), ==, 2027);

  sam_clock_set_now (NULL);
  g_clear_pointer (&now, g_date_time_unref);
  now = sam_clock_now ();
  g_assert_cmpint (g_date_time_get_year (now), >=, 2026);
}

/* SAM_NOW pins the clock of a whole program, as the command-line tests do. */
static void
test_clock_environment (void)
{
  if (g_test_subprocess ())
    {
      g_autofree char *today = sam_clock_dup_today ();

      g_assert_cmpstr (today, ==, "2030-06-21");
      return;
    }

  /* The child inherits the environment; it reads SAM_NOW once. */
  g_setenv ("SAM_NOW", "2030-06-20T23:15:00Z", TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_unsetenv ("SAM_NOW");
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/parse-iso", test_parse_iso);
  g_test_add_func ("/clock/pinned", test_clock_pinned);
  g_test_add_func ("/clock/environment", test_clock_environment);
  g_test_add_func ("/calendar/holidays/table", test_holidays_table);
  g_test_add_func ("/calendar/holidays/every-day", test_holidays_every_day);
  g_test_add_func ("/calendar/holidays/weekdays", test_holidays_weekdays);
  g_test_add_func ("/calendar/holidays/coinciding", test_holidays_coinciding);
  g_test_add_func ("/calendar/holidays/names", test_holiday_names);
  g_test_add_func ("/calendar/working-day", test_working_day);
  g_test_add_func ("/calendar/short-days", test_short_days);
  g_test_add_func ("/calendar/short-days/every-day", test_short_days_every_day);
  g_test_add_func ("/calendar/iso-week/boundaries", test_iso_week_boundaries);
  g_test_add_func ("/calendar/iso-week/every-day", test_iso_week_every_day);
  g_test_add_func ("/calendar/format/english", test_format_english);
  g_test_add_func ("/calendar/time/zone", test_zone);
  g_test_add_func ("/calendar/time/local-to-utc", test_local_to_utc);
  g_test_add_func ("/calendar/time/utc-strings", test_utc_strings);

  return g_test_run ();
}

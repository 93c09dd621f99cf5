/* sam-clock.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-clock"

#include "config.h"

#include "sam-calendar.h"
#include "sam-clock.h"

/*
 * The one clock of the application: what "now" and "today" are, in the
 * register's time zone (Europe/Stockholm, whatever the machine's zone),
 * so that a decision registered late in the evening on a laptop abroad
 * still gets the Swedish date. Tests pin it, with sam_clock_set_now() or,
 * for a whole program such as the command line, with the environment
 * variable SAM_NOW (an ISO 8601 date and time, such as
 * 2026-05-20T10:00:00+02:00).
 */

G_LOCK_DEFINE_STATIC (pinned);
static GDateTime *pinned;
static gboolean pinned_read;

static GDateTime *
dup_pinned (void)
{
  GDateTime *now = NULL;

  G_LOCK (pinned);
  if (!pinned_read)
    {
      const char *text = g_getenv ("SAM_NOW");

      pinned_read = TRUE;
      if (text != NULL && *text != '\0' &&
          (pinned = g_date_time_new_from_iso8601 (text, sam_calendar_get_zone ())) == NULL)
        g_warning ("SAM_NOW is not an ISO 8601 date and time: %s", text);
    }
  if (pinned != NULL)
    now = g_date_time_ref (pinned);
  G_UNLOCK (pinned);

  return now;
}

/**
 * sam_clock_now:
 *
 * Returns: (transfer full): the current time, in the register's time zone
 */
GDateTime *
sam_clock_now (void)
{
  GDateTime *now = dup_pinned ();
  GDateTime *local;

  if (now == NULL)
    return g_date_time_new_now (sam_calendar_get_zone ());

  local = g_date_time_to_timezone (now, sam_calendar_get_zone ());
  g_date_time_unref (now);
  return local;
}

/**
 * sam_clock_get_today:
 * @date: (out caller-allocates): where to store today's date
 *
 * Sets @date to today in the register's time zone.
 */
void
sam_clock_get_today (GDate *date)
{
  g_autoptr(GDateTime) now = sam_clock_now ();

  g_date_clear (date, 1);
  g_date_set_dmy (date,
                  g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now),
                  g_date_time_get_year (now));
}

/**
 * sam_clock_dup_today:
 *
 * Returns: (transfer full): today's date as YYYY-MM-DD, in the register's
 *   time zone
 */
char *
sam_clock_dup_today (void)
{
  g_autoptr(GDateTime) now = sam_clock_now ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/**
 * sam_clock_get_year:
 *
 * Returns: the current year, in the register's time zone
 */
int
sam_clock_get_year (void)
{
  g_autoptr(GDateTime) now = sam_clock_now ();

  return g_date_time_get_year (now);
}

/**
 * sam_clock_set_now:
 * @now: (nullable): the time to report from now on, or %NULL for the
 *   real time again
 *
 * Pins the clock, for tests. Overrides SAM_NOW.
 */
void
sam_clock_set_now (GDateTime *now)
{
  G_LOCK (pinned);
  pinned_read = TRUE;
  g_clear_pointer (&pinned, g_date_time_unref);
  if (now != NULL)
    pinned = g_date_time_ref (now);
  G_UNLOCK (pinned);
}

/* sam-year-plan.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-year-plan"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-year-plan.h"

/*
 * Proposes a council's meetings for a year: n dates on one weekday, spread
 * evenly over the part of the year that is not summer break, never on a
 * holiday or day off, and unless asked otherwise never on a klämdag or a
 * day before a holiday that is cut short. The user reviews the proposal and accepts all or some
 * of it; nothing here touches the register.
 */

typedef struct
{
  GDate date;
  guint position;  /* days since the start of the span, summer weeks left out */
} Candidate;

G_DEFINE_QUARK (sam-year-plan-error-quark, sam_year_plan_error)

static gboolean
in_summer_break (const SamYearPlanOptions *options,
                 const GDate              *date)
{
  guint iso_year;
  guint week;

  if (options->first_summer_week == 0)
    return FALSE;

  week = sam_calendar_iso_week (date, &iso_year);

  return iso_year == options->year &&
         week >= options->first_summer_week &&
         week <= options->last_summer_week;
}

static gboolean
is_avoided (const SamYearPlanOptions *options,
            const GDate              *date)
{
  for (guint i = 0; i < options->n_avoid; i++)
    if (g_date_valid (&options->avoid[i]) && g_date_compare (&options->avoid[i], date) == 0)
      return TRUE;

  return FALSE;
}

/* Walks the span day by day: the summer weeks are cut out of the time axis,
 * so the meetings before and after the break are spaced as if it were not
 * there, and the days that may carry a meeting become candidates. Returns
 * the axis length. */
static guint
collect_candidates (const SamYearPlanOptions *options,
                    GArray                   *candidates)
{
  GDate day;
  GDate last;
  guint position = 0;

  g_date_clear (&day, 1);
  g_date_clear (&last, 1);
  g_date_set_dmy (&day, 1, G_DATE_JANUARY, options->year);
  g_date_set_dmy (&last, 31, G_DATE_DECEMBER, options->year);
  if (options->earliest != NULL && g_date_valid (options->earliest) &&
      g_date_compare (options->earliest, &day) > 0)
    day = *options->earliest;

  for (; g_date_compare (&day, &last) <= 0; g_date_add_days (&day, 1))
    {
      if (in_summer_break (options, &day))
        continue;

      if (g_date_get_weekday (&day) == options->weekday &&
          sam_calendar_is_working_day (&day) &&
          !(options->avoid_short_days && sam_calendar_is_short_day (&day, NULL, NULL)) &&
          !is_avoided (options, &day))
        {
          Candidate c = { day, position };
          g_array_append_val (candidates, c);
        }
      position++;
    }

  return position;
}

/* Squared distance between candidate j (at the middle of its day) and the
 * ideal position (i + ½) · length / n, both scaled by 2n to stay integral. */
static gint64
cost (const Candidate *candidate,
      guint            i,
      guint            n,
      guint            length)
{
  gint64 d = (gint64) 2 * n * candidate->position + n - (gint64) (2 * i + 1) * length;

  return d * d;
}

/* Chooses n of the m candidates, in order, so that the sum of squared
 * distances to the ideal positions is least (dynamic programming over
 * meeting × candidate). Where each ideal's nearest candidate is free, that
 * is exactly the nearest one; where two ideals compete (many meetings, few
 * days) it still gives distinct dates in order. Ties go to the earlier
 * date, so the result is deterministic. */
static guint *
choose (const Candidate *candidates,
        guint            m,
        guint            n,
        guint            length)
{
  g_autofree gint64 *previous = g_new (gint64, m);
  g_autofree gint64 *current = g_new (gint64, m);
  g_autofree guint *back = g_new0 (guint, (gsize) n * m);
  guint *chosen = g_new (guint, n);
  guint best;

  for (guint j = 0; j + n <= m; j++)
    current[j] = cost (&candidates[j], 0, n, length);

  for (guint i = 1; i < n; i++)
    {
      gint64 running = G_MAXINT64;
      guint running_j = 0;

      memcpy (previous, current, sizeof (gint64) * m);
      for (guint j = i; j + n <= m + i; j++)
        {
          if (previous[j - 1] < running)
            {
              running = previous[j - 1];
              running_j = j - 1;
            }
          current[j] = running + cost (&candidates[j], i, n, length);
          back[(gsize) i * m + j] = running_j;
        }
    }

  best = n - 1;
  for (guint j = n; j < m; j++)
    if (current[j] < current[best])
      best = j;

  for (guint i = n; i-- > 0;)
    {
      chosen[i] = best;
      best = back[(gsize) i * m + best];
    }

  return chosen;
}

static void
planned_meeting_clear (gpointer data)
{
  SamPlannedMeeting *meeting = data;

  g_clear_pointer (&meeting->start, g_date_time_unref);
  g_clear_pointer (&meeting->end, g_date_time_unref);
}

/**
 * sam_year_plan_options_init:
 * @options: (out caller-allocates): the options to fill in
 * @year: the year to plan
 * @n_meetings: how many meetings, within the commission's min–max
 *
 * Sets @options to a plan of @n_meetings in @year on Tuesdays 13:00–15:00,
 * with summer break in ISO weeks 27–32, the short days kept free (see
 * sam_calendar_is_short_day()) and no other dates to avoid. Change the
 * fields to the user's choices before proposing.
 */
void
sam_year_plan_options_init (SamYearPlanOptions *options,
                            guint               year,
                            guint               n_meetings)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->year = year;
  options->n_meetings = n_meetings;
  options->weekday = G_DATE_TUESDAY;
  options->hour = 13;
  options->minute = 0;
  options->duration_minutes = 120;
  options->first_summer_week = SAM_YEAR_PLAN_FIRST_SUMMER_WEEK;
  options->last_summer_week = SAM_YEAR_PLAN_LAST_SUMMER_WEEK;
  options->avoid_short_days = TRUE;
}

/**
 * sam_year_plan_propose:
 * @options: what to plan
 * @error: return location for a #GError
 *
 * Proposes @options->n_meetings meeting dates in @options->year on
 * @options->weekday, spread evenly over the year from January 1 (or
 * @options->earliest) to December 31 with the summer weeks cut out: the
 * meetings sit as close as they can to the ideal positions (i + ½) · L / n
 * on that shortened year of L days. A proposed date is never a weekend, a
 * public holiday, a customary day off, in the summer weeks or one of
 * @options->avoid.
 *
 * Returns: (transfer full) (element-type SamPlannedMeeting) (nullable): the
 *   meetings, sorted by date, with start and end in UTC; or %NULL with
 *   %SAM_YEAR_PLAN_ERROR_NO_ROOM when the year has fewer suitable days than
 *   meetings
 */
GArray *
sam_year_plan_propose (const SamYearPlanOptions  *options,
                       GError                   **error)
{
  g_autoptr(GArray) candidates = NULL;
  g_autofree guint *chosen = NULL;
  GArray *meetings;
  guint length;

  g_return_val_if_fail (options != NULL, NULL);
  g_return_val_if_fail (options->year >= 1953 && options->year <= 9999, NULL);
  g_return_val_if_fail (options->n_meetings > 0, NULL);
  g_return_val_if_fail (options->weekday >= G_DATE_MONDAY && options->weekday <= G_DATE_FRIDAY, NULL);
  g_return_val_if_fail (options->hour < 24 && options->minute < 60, NULL);
  g_return_val_if_fail (options->first_summer_week == 0 ||
                        (options->first_summer_week <= options->last_summer_week &&
                         options->last_summer_week <= 53), NULL);
  g_return_val_if_fail (options->n_avoid == 0 || options->avoid != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  candidates = g_array_new (FALSE, FALSE, sizeof (Candidate));
  length = collect_candidates (options, candidates);

  if (candidates->len < options->n_meetings)
    {
      g_set_error (error, SAM_YEAR_PLAN_ERROR, SAM_YEAR_PLAN_ERROR_NO_ROOM,
                   g_dngettext (GETTEXT_PACKAGE,
                                "Only %u day in %u fits the plan, too few for the meetings. "
                                "Choose another weekday, fewer meetings or a shorter summer break.",
                                "Only %u days in %u fit the plan, too few for the meetings. "
                                "Choose another weekday, fewer meetings or a shorter summer break.",
                                candidates->len),
                   candidates->len, options->year);
      return NULL;
    }

  chosen = choose ((const Candidate *) (gpointer) candidates->data, candidates->len,
                   options->n_meetings, length);

  meetings = g_array_sized_new (FALSE, TRUE, sizeof (SamPlannedMeeting), options->n_meetings);
  g_array_set_clear_func (meetings, planned_meeting_clear);
  for (guint i = 0; i < options->n_meetings; i++)
    {
      const Candidate *c = &g_array_index (candidates, Candidate, chosen[i]);
      SamPlannedMeeting meeting;

      meeting.date = c->date;
      meeting.start = sam_calendar_local_to_utc (&c->date, options->hour, options->minute);
      meeting.end = g_date_time_add_minutes (meeting.start, options->duration_minutes);
      g_array_append_val (meetings, meeting);
    }

  return meetings;
}

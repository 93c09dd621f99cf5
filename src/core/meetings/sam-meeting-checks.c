/* sam-meeting-checks.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-checks"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-meeting-checks.h"
#include "sam-store-meetings.h"

/*
 * The rules of the seeds about meetings, checked and shown as warnings,
 * never enforced: a council meets within its commission's min–max a year
 * (seed 000: “4 till maximalt 8 ggr/år”), not on a holiday, a day off or a
 * weekend; nobody is booked into two meetings at once; and a subgroup's or
 * process team's meeting that prepares its council's comes before it.
 */

/**
 * sam_meeting_warning_free:
 * @warning: a #SamMeetingWarning
 *
 * Frees @warning.
 */
void
sam_meeting_warning_free (SamMeetingWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->meeting_uuid);
  g_free (warning->other_meeting_uuid);
  g_free (warning->group_uuid);
  g_free (warning->person_uuid);
  g_free (warning->message);
  g_free (warning);
}

static SamMeetingWarning *
warning_new (SamMeetingWarningKind  kind,
             int                    year,
             char                  *message)
{
  SamMeetingWarning *warning = g_new0 (SamMeetingWarning, 1);

  warning->kind = kind;
  warning->year = year;
  warning->message = message;

  return warning;
}

/**
 * sam_meeting_get_local_date:
 * @meeting: a #SamMeeting
 * @date: (out caller-allocates): the day the meeting starts, in Stockholm
 *
 * Returns: whether the meeting has a valid start time
 */
gboolean
sam_meeting_get_local_date (SamMeeting *meeting,
                            GDate      *date)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (SAM_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (date != NULL, FALSE);

  g_date_clear (date, 1);
  if (sam_meeting_get_starts (meeting) == NULL ||
      (utc = sam_calendar_parse_utc (sam_meeting_get_starts (meeting))) == NULL)
    return FALSE;

  local = sam_calendar_to_stockholm (utc);
  g_date_set_dmy (date, g_date_time_get_day_of_month (local), g_date_time_get_month (local),
                  g_date_time_get_year (local));
  return TRUE;
}

/**
 * sam_meeting_get_local_year:
 * @meeting: a #SamMeeting
 *
 * Returns: the calendar year in Stockholm the meeting starts in, or 0
 */
int
sam_meeting_get_local_year (SamMeeting *meeting)
{
  GDate date;

  return sam_meeting_get_local_date (meeting, &date) ? g_date_get_year (&date) : 0;
}

static GListModel *
list_meetings (SamStore    *store,
               const char  *group_uuid,
               GError     **error)
{
  if (group_uuid != NULL)
    return sam_store_list_group_meetings (store, group_uuid, error);

  return sam_store_list_meetings (store, error);
}

/**
 * sam_meeting_checks_count:
 * @store: a #SamStore
 * @group_uuid: a group
 * @year: a calendar year
 * @error: return location for a #GError
 *
 * Counts what the commission's min–max is about: the group's meetings
 * (its own and joint ones) starting in @year in Stockholm that are
 * planned, confirmed or held, not cancelled.
 *
 * Returns: the number of meetings, 0 with @error set on failure
 */
guint
sam_meeting_checks_count (SamStore    *store,
                          const char  *group_uuid,
                          int          year,
                          GError     **error)
{
  g_autoptr(GListModel) meetings = NULL;
  guint count = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), 0);
  sam_store_meetings_ensure_types ();
  g_return_val_if_fail (group_uuid != NULL, 0);

  if ((meetings = sam_store_list_group_meetings (store, group_uuid, error)) == NULL)
    return 0;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      if (sam_meeting_get_status (meeting) != SAM_MEETING_STATUS_CANCELLED &&
          sam_meeting_get_local_year (meeting) == year)
        count++;
    }

  return count;
}

/* One group, one year: is the number of meetings within its commission's
 * min–max? Groups without a commission, or one without limits, pass. */
static gboolean
check_frequency (SamStore    *store,
                 SamGroup    *group,
                 int          year,
                 GPtrArray   *warnings,
                 GError     **error)
{
  g_autoptr(SamCommission) commission = NULL;
  GError *local_error = NULL;
  int min, max;
  guint count;
  char *message = NULL;
  SamMeetingWarning *warning;

  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (group), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (commission == NULL)
    return TRUE;

  min = sam_commission_get_min_meetings (commission);
  max = sam_commission_get_max_meetings (commission);
  count = sam_meeting_checks_count (store, sam_group_get_uuid (group), year, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  if (min >= 0 && count < (guint) min)
    /* Translators: “Samordningsråd AOI has 3 meetings in 2026; its commission asks for at least 4.” */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s has %u meeting in %d; its commission asks for at least %d.",
                                            "%s has %u meetings in %d; its commission asks for at least %d.",
                                            count),
                               sam_group_get_name (group), count, year, min);
  else if (max >= 0 && count > (guint) max)
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                            "%s has %u meeting in %d; its commission allows at most %d.",
                                            "%s has %u meetings in %d; its commission allows at most %d.",
                                            count),
                               sam_group_get_name (group), count, year, max);
  if (message == NULL)
    return TRUE;

  warning = warning_new (SAM_MEETING_WARNING_FREQUENCY, year, message);
  warning->group_uuid = g_strdup (sam_group_get_uuid (group));
  g_ptr_array_add (warnings, warning);
  return TRUE;
}

/* The years in which the group's meetings start, for a check of all years. */
static GArray *
meeting_years (GListModel *meetings,
               int         year)
{
  GArray *years = g_array_new (FALSE, FALSE, sizeof (int));

  if (year > 0)
    {
      g_array_append_val (years, year);
      return years;
    }

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);
      int y = sam_meeting_get_local_year (meeting);
      gboolean seen = FALSE;

      for (guint j = 0; j < years->len && !seen; j++)
        seen = g_array_index (years, int, j) == y;
      if (y > 0 && !seen)
        g_array_append_val (years, y);
    }

  return years;
}

static gboolean
check_frequencies (SamStore    *store,
                   const char  *group_uuid,
                   int          year,
                   GPtrArray   *warnings,
                   GError     **error)
{
  g_autoptr(GListModel) groups = NULL;

  if (group_uuid != NULL)
    {
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, group_uuid, error);
      GListStore *one = g_list_store_new (SAM_TYPE_GROUP);

      if (group != NULL)
        g_list_store_append (one, group);
      groups = G_LIST_MODEL (one);
    }
  else if ((groups = sam_store_list_groups (store, error)) == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      g_autoptr(GListModel) meetings = sam_store_list_group_meetings (store, sam_group_get_uuid (group), error);
      g_autoptr(GArray) years = NULL;

      if (meetings == NULL)
        return FALSE;
      years = meeting_years (meetings, year);
      for (guint j = 0; j < years->len; j++)
        if (!check_frequency (store, group, g_array_index (years, int, j), warnings, error))
          return FALSE;
    }

  return TRUE;
}

static void
check_day (SamMeeting *meeting,
           GPtrArray  *warnings)
{
  g_autofree char *day = NULL;
  const char *holiday = NULL;
  SamMeetingWarning *warning = NULL;
  GDate date;

  if (!sam_meeting_get_local_date (meeting, &date))
    return;

  day = sam_calendar_format_long (&date);
  if (sam_calendar_is_holiday (&date, NULL, &holiday))
    /* Translators: “Möte mars” is on 6 juni 2026, Sveriges nationaldag. */
    warning = warning_new (SAM_MEETING_WARNING_HOLIDAY, g_date_get_year (&date),
                           g_strdup_printf (_("“%s” is on %s, %s."), sam_meeting_get_title (meeting), day, holiday));
  else if (g_date_get_weekday (&date) >= G_DATE_SATURDAY)
    /* Translators: “Möte mars” is on a lördag, 7 mars 2026. */
    warning = warning_new (SAM_MEETING_WARNING_WEEKEND, g_date_get_year (&date),
                           g_strdup_printf (_("“%s” is on a %s, %s."), sam_meeting_get_title (meeting),
                                            sam_calendar_weekday_name (g_date_get_weekday (&date)), day));
  if (warning == NULL)
    return;

  warning->meeting_uuid = g_strdup (sam_meeting_get_uuid (meeting));
  g_ptr_array_add (warnings, warning);
}

static gboolean
check_preparation (SamStore    *store,
                   SamMeeting  *meeting,
                   GPtrArray   *warnings,
                   GError     **error)
{
  g_autoptr(SamMeeting) prepared = NULL;
  GError *local_error = NULL;
  SamMeetingWarning *warning;

  if (sam_meeting_get_prepares_uuid (meeting) == NULL)
    return TRUE;

  prepared = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, sam_meeting_get_prepares_uuid (meeting), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (prepared == NULL || sam_meeting_get_status (prepared) == SAM_MEETING_STATUS_CANCELLED ||
      g_strcmp0 (sam_meeting_get_ends (meeting), sam_meeting_get_starts (prepared)) <= 0)
    return TRUE;

  warning = warning_new (SAM_MEETING_WARNING_PREPARATION, sam_meeting_get_local_year (meeting),
                         g_strdup_printf (_("“%s” is to prepare “%s” but does not end before it starts."),
                                          sam_meeting_get_title (meeting), sam_meeting_get_title (prepared)));
  warning->meeting_uuid = g_strdup (sam_meeting_get_uuid (meeting));
  warning->other_meeting_uuid = g_strdup (sam_meeting_get_uuid (prepared));
  g_ptr_array_add (warnings, warning);
  return TRUE;
}

static gboolean
in_group (SamStore   *store,
          const char *meeting_uuid,
          const char *group_uuid)
{
  g_auto(GStrv) groups = sam_store_dup_meeting_groups (store, meeting_uuid, NULL);

  return groups != NULL && g_strv_contains ((const char * const *) groups, group_uuid);
}

static gboolean
check_double_bookings (SamStore    *store,
                       const char  *group_uuid,
                       int          year,
                       GPtrArray   *warnings,
                       GError     **error)
{
  g_autoptr(GPtrArray) bookings = sam_store_list_double_bookings (store, year, error);

  if (bookings == NULL)
    return FALSE;

  for (guint i = 0; i < bookings->len; i++)
    {
      SamDoubleBooking *booking = g_ptr_array_index (bookings, i);
      g_autoptr(SamMeeting) first = NULL;
      g_autoptr(SamMeeting) second = NULL;
      SamMeetingWarning *warning;

      if (group_uuid != NULL && !in_group (store, booking->first_uuid, group_uuid) &&
          !in_group (store, booking->second_uuid, group_uuid))
        continue;

      first = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, booking->first_uuid, NULL);
      second = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, booking->second_uuid, NULL);
      if (first == NULL || second == NULL)
        continue;
      /* The store's year is that of the UTC start; the Stockholm year decides. */
      if (year > 0 && sam_meeting_get_local_year (first) != year)
        continue;

      warning = warning_new (SAM_MEETING_WARNING_DOUBLE_BOOKING, sam_meeting_get_local_year (first),
                             g_strdup_printf (_("%s is booked into “%s” and “%s” at the same time."),
                                              booking->person_name, sam_meeting_get_title (first),
                                              sam_meeting_get_title (second)));
      warning->meeting_uuid = g_strdup (booking->first_uuid);
      warning->other_meeting_uuid = g_strdup (booking->second_uuid);
      warning->person_uuid = g_strdup (booking->person_uuid);
      g_ptr_array_add (warnings, warning);
    }

  return TRUE;
}

/**
 * sam_meeting_checks_run:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group
 * @year: a calendar year in Stockholm, or 0 for every year
 * @error: return location for a #GError
 *
 * Checks the meetings of @group_uuid (its own and joint ones) in @year:
 * the number a year against the commission's min–max (planned, confirmed
 * and held meetings count, cancelled ones do not); meetings on a public
 * holiday, a customary day off or a weekend; people booked into two
 * overlapping meetings; and meetings set to prepare another that do not
 * end before it starts. Cancelled meetings are not checked.
 *
 * Returns: (transfer full) (element-type SamMeetingWarning) (nullable):
 *   the warnings, frequency first, then by meeting; %NULL on failure
 */
GPtrArray *
sam_meeting_checks_run (SamStore    *store,
                        const char  *group_uuid,
                        int          year,
                        GError     **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_meeting_warning_free);
  g_autoptr(GListModel) meetings = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  sam_store_meetings_ensure_types ();

  if (!check_frequencies (store, group_uuid, year, warnings, error))
    return NULL;

  if ((meetings = list_meetings (store, group_uuid, error)) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      if (sam_meeting_get_status (meeting) == SAM_MEETING_STATUS_CANCELLED ||
          (year > 0 && sam_meeting_get_local_year (meeting) != year))
        continue;

      check_day (meeting, warnings);
      if (!check_preparation (store, meeting, warnings, error))
        return NULL;
    }

  if (!check_double_bookings (store, group_uuid, year, warnings, error))
    return NULL;

  return g_steal_pointer (&warnings);
}

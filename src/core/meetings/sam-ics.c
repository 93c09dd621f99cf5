/* sam-ics.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-ics"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>
#include <libical/ical.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-file.h"
#include "sam-ics.h"
#include "sam-meeting-checks.h"
#include "sam-store-meetings.h"

/*
 * The meeting plan as iCalendar (RFC 5545), for members' own calendars.
 * Each meeting is one VEVENT whose UID is derived from the meeting's UUID,
 * so a calendar that imports the file again updates the events instead of
 * doubling them. Times are written as wall-clock times in Europe/Stockholm
 * with a VTIMEZONE of the EU rule, which every calendar program reads; a
 * cancelled meeting stays in the file with STATUS:CANCELLED, so that
 * calendars that imported it before drop it.
 */

G_DEFINE_QUARK (sam-ics-error-quark, sam_ics_error)

/* CET/CEST as in force since 1996: the last Sunday of March at 02:00 and
 * the last Sunday of October at 03:00. */
static const char vtimezone[] =
  "BEGIN:VTIMEZONE\r\n"
  "TZID:" SAM_ICS_TZID "\r\n"
  "X-LIC-LOCATION:" SAM_ICS_TZID "\r\n"
  "BEGIN:DAYLIGHT\r\n"
  "TZNAME:CEST\r\n"
  "TZOFFSETFROM:+0100\r\n"
  "TZOFFSETTO:+0200\r\n"
  "DTSTART:19700329T020000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n"
  "END:DAYLIGHT\r\n"
  "BEGIN:STANDARD\r\n"
  "TZNAME:CET\r\n"
  "TZOFFSETFROM:+0200\r\n"
  "TZOFFSETTO:+0100\r\n"
  "DTSTART:19701025T030000\r\n"
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n"
  "END:STANDARD\r\n"
  "END:VTIMEZONE\r\n";

/* A stored UTC time as a DTSTART/DTEND property in Stockholm time. */
static icalproperty *
local_time_property (icalproperty_kind  kind,
                     const char        *stored)
{
  g_autoptr(GDateTime) utc = sam_calendar_parse_utc (stored);
  g_autoptr(GDateTime) local = NULL;
  struct icaltimetype time = icaltime_null_time ();
  icalproperty *property;

  if (utc == NULL)
    return NULL;

  local = sam_calendar_to_stockholm (utc);
  time.year = g_date_time_get_year (local);
  time.month = g_date_time_get_month (local);
  time.day = g_date_time_get_day_of_month (local);
  time.hour = g_date_time_get_hour (local);
  time.minute = g_date_time_get_minute (local);
  time.second = g_date_time_get_second (local);
  time.is_date = 0;

  property = icalproperty_new (kind);
  if (kind == ICAL_DTSTART_PROPERTY)
    icalproperty_set_dtstart (property, time);
  else
    icalproperty_set_dtend (property, time);
  icalproperty_add_parameter (property, icalparameter_new_tzid (SAM_ICS_TZID));

  return property;
}

static enum icalproperty_status
event_status (SamMeetingStatus status)
{
  switch (status)
    {
    case SAM_MEETING_STATUS_CANCELLED:
      return ICAL_STATUS_CANCELLED;
    case SAM_MEETING_STATUS_CONFIRMED:
    case SAM_MEETING_STATUS_HELD:
      return ICAL_STATUS_CONFIRMED;
    case SAM_MEETING_STATUS_PLANNED:
    default:
      return ICAL_STATUS_TENTATIVE;
    }
}

/* The groups and the agenda, as the event's description. */
static char *
describe (SamStore   *store,
          SamMeeting *meeting,
          GPtrArray  *codes)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_auto(GStrv) groups = sam_store_dup_meeting_groups (store, sam_meeting_get_uuid (meeting), NULL);
  g_autoptr(GListModel) agenda = sam_store_list_agenda (store, sam_meeting_get_uuid (meeting), NULL);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, groups[i], NULL);

      if (group == NULL)
        continue;
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "", sam_group_get_name (group));
      if (sam_group_get_code (group) != NULL)
        g_ptr_array_add (codes, g_strdup (sam_group_get_code (group)));
    }

  if (agenda != NULL && g_list_model_get_n_items (agenda) > 0)
    {
      g_string_append_printf (text, "%s%s", text->len > 0 ? "\n\n" : "", _("Agenda"));
      for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
        {
          g_autoptr(SamAgendaItem) item = g_list_model_get_item (agenda, i);

          g_string_append_printf (text, "\n%u. %s", i + 1, sam_agenda_item_get_title (item));
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static icalcomponent *
meeting_event (SamStore          *store,
               SamMeeting        *meeting,
               struct icaltimetype stamp)
{
  icalcomponent *event = icalcomponent_new_vevent ();
  g_autofree char *uid = g_strdup_printf ("%s@samordna", sam_meeting_get_uuid (meeting));
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *description = describe (store, meeting, codes);
  icalproperty *property;

  icalcomponent_set_uid (event, uid);
  icalcomponent_set_dtstamp (event, stamp);
  if ((property = local_time_property (ICAL_DTSTART_PROPERTY, sam_meeting_get_starts (meeting))) != NULL)
    icalcomponent_add_property (event, property);
  if ((property = local_time_property (ICAL_DTEND_PROPERTY, sam_meeting_get_ends (meeting))) != NULL)
    icalcomponent_add_property (event, property);
  icalcomponent_set_summary (event, sam_meeting_get_title (meeting));
  icalcomponent_set_status (event, event_status (sam_meeting_get_status (meeting)));
  if (sam_meeting_get_place (meeting) != NULL)
    icalcomponent_set_location (event, sam_meeting_get_place (meeting));
  if (sam_meeting_get_link (meeting) != NULL)
    icalcomponent_add_property (event, icalproperty_new_url (sam_meeting_get_link (meeting)));
  if (description[0] != '\0')
    icalcomponent_set_description (event, description);
  for (guint i = 0; i < codes->len; i++)
    icalcomponent_add_property (event, icalproperty_new_categories (g_ptr_array_index (codes, i)));

  return event;
}

/**
 * sam_ics_build:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group's meetings
 * @year: a calendar year in Stockholm, or 0 for every year
 * @n_events: (out) (optional): the number of meetings written
 * @error: return location for a #GError
 *
 * Writes the meetings of @group_uuid (its own and joint ones) in @year as
 * an iCalendar text: stable UIDs (“UUID@samordna”), times with
 * TZID=Europe/Stockholm, cancelled meetings with STATUS:CANCELLED, planned
 * ones TENTATIVE, confirmed and held ones CONFIRMED.
 *
 * Returns: (transfer full) (nullable): the text, or %NULL on failure
 */
char *
sam_ics_build (SamStore    *store,
               const char  *group_uuid,
               int          year,
               guint       *n_events,
               GError     **error)
{
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GDateTime) now = sam_clock_now ();
  struct icaltimetype stamp;
  icalcomponent *calendar;
  icalcomponent *zone;
  icalproperty *name;
  char *text;
  char *result;
  guint count = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  sam_store_meetings_ensure_types ();

  if (group_uuid != NULL)
    meetings = sam_store_list_group_meetings (store, group_uuid, error);
  else
    meetings = sam_store_list_meetings (store, error);
  if (meetings == NULL)
    return NULL;

  if ((zone = icalcomponent_new_from_string (vtimezone)) == NULL)
    {
      g_set_error (error, SAM_ICS_ERROR, SAM_ICS_ERROR_FAILED, _("The calendar could not be written"));
      return NULL;
    }

  stamp = icaltime_from_timet_with_zone ((time_t) g_date_time_to_unix (now), 0, icaltimezone_get_utc_timezone ());
  calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//Samordna//Samordna " PACKAGE_VERSION "//SV"));
  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  name = icalproperty_new_x (_("Meetings"));
  icalproperty_set_x_name (name, "X-WR-CALNAME");
  icalcomponent_add_property (calendar, name);
  icalcomponent_add_component (calendar, zone);

  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      if (year > 0 && sam_meeting_get_local_year (meeting) != year)
        continue;
      icalcomponent_add_component (calendar, meeting_event (store, meeting, stamp));
      count++;
    }

  text = icalcomponent_as_ical_string_r (calendar);
  result = g_strdup (text);
  free (text);
  icalcomponent_free (calendar);

  if (n_events != NULL)
    *n_events = count;

  return result;
}

/**
 * sam_ics_export:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group's meetings
 * @year: a calendar year in Stockholm, or 0 for every year
 * @path: the .ics file to write
 * @n_events: (out) (optional): the number of meetings written
 * @error: return location for a #GError
 *
 * Writes sam_ics_build()'s calendar to @path, replacing the file only once
 * the whole text is written.
 *
 * Returns: whether the file was written
 */
gboolean
sam_ics_export (SamStore    *store,
                const char  *group_uuid,
                int          year,
                const char  *path,
                guint       *n_events,
                GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((text = sam_ics_build (store, group_uuid, year, n_events, error)) == NULL)
    return FALSE;

  /* The file writer's error names the file and says why. */
  return sam_file_set_contents (path, text, -1, error);
}

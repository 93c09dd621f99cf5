/* test-meetings.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The meeting planner's core: joint meetings, agendas, attendance, decision
 * drafts and follow-up, search, the frequency and conflict checks, the
 * iCalendar export read back with libical, the minutes PDF read back with
 * pdftotext, and the demo register's 2026 meetings against the rules.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <libical/ical.h>
#include <sqlite3.h>

#include "sam-calendar.h"
#include "sam-demo.h"
#include "sam-ics.h"
#include "sam-meeting-checks.h"
#include "sam-minutes.h"
#include "sam-store-decisions.h"
#include "sam-store-meetings.h"
#include "sam-test-util.h"

typedef struct
{
  char     *dir;
  SamStore *store;
  char     *council;     /* AOI, commission 4–8 */
  char     *subgroup;    /* under AOI */
  char     *other;       /* another council, no commission */
  char     *anna;        /* member of AOI and of the other council */
  char     *bo;          /* member of AOI */
  char     *cecilia;     /* nobody's member: a substitute */
} Fixture;

static char *
add_person (SamStore   *store,
            const char *name)
{
  g_autoptr(SamPerson) person = sam_person_new ();

  g_object_set (person, "name", name, NULL);
  return sam_test_save (store, person);
}

static void
add_member (SamStore   *store,
            const char *person,
            const char *group,
            SamRole     role)
{
  g_autoptr(SamAssignment) assignment = sam_assignment_new ();
  g_autofree char *uuid = NULL;

  g_object_set (assignment, "person-uuid", person, "group-uuid", group, "role", role,
                "starts", "2025-01-01", NULL);
  uuid = sam_test_save (store, assignment);
}

/* A meeting in Stockholm time on @day (YYYY-MM-DD), @hour to @hour + 2. */
static char *
add_meeting (SamStore          *store,
             const char        *title,
             const char        *day,
             guint              hour,
             SamMeetingStatus   status,
             const char * const *groups)
{
  g_autoptr(SamMeeting) meeting = sam_meeting_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  g_assert_true (g_date_valid (&date));
  start = sam_calendar_local_to_utc (&date, hour, 0);
  end = g_date_time_add_hours (start, 2);
  starts = sam_calendar_utc_string (start);
  ends = sam_calendar_utc_string (end);
  g_object_set (meeting, "title", title, "status", status, "starts", starts, "ends", ends,
                "place", "Regionens hus", NULL);
  sam_store_save_meeting (store, meeting, groups, &error);
  g_assert_no_error (error);

  return g_strdup (sam_meeting_get_uuid (meeting));
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(SamCommission) commission = sam_commission_new ();
  g_autofree char *commission_uuid = NULL;

  fixture->store = sam_test_new_tmp_store ("test-meetings-XXXXXX", "register.sqlite", &fixture->dir, NULL);

  fixture->council = sam_test_add_group (fixture->store, "AOI", "Samordningsråd anestesi, operation, intensivvård",
                                         SAM_GROUP_KIND_COUNCIL, NULL);
  fixture->subgroup = sam_test_add_group (fixture->store, "AOI-IVA", "Undergrupp intensivvårdsplatser",
                                          SAM_GROUP_KIND_SUBGROUP, fixture->council);
  fixture->other = sam_test_add_group (fixture->store, "AKUT", "Samordningsråd akutsjukvård",
                                       SAM_GROUP_KIND_COUNCIL, NULL);
  g_object_set (commission, "group-uuid", fixture->council, "min-meetings", 4, "max-meetings", 8, NULL);
  commission_uuid = sam_test_save (fixture->store, commission);

  fixture->anna = add_person (fixture->store, "Anna Andersson");
  fixture->bo = add_person (fixture->store, "Bo Berg");
  fixture->cecilia = add_person (fixture->store, "Cecilia Carlsson");
  add_member (fixture->store, fixture->anna, fixture->council, SAM_ROLE_CHAIR);
  add_member (fixture->store, fixture->bo, fixture->council, SAM_ROLE_MEMBER);
  add_member (fixture->store, fixture->anna, fixture->other, SAM_ROLE_MEMBER);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->council);
  g_free (fixture->subgroup);
  g_free (fixture->other);
  g_free (fixture->anna);
  g_free (fixture->bo);
  g_free (fixture->cecilia);
}

static guint
count_kind (GPtrArray             *warnings,
            SamMeetingWarningKind  kind)
{
  guint n = 0;

  for (guint i = 0; i < warnings->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (warnings, i);

      if (warning->kind == kind)
        {
          g_test_message ("warning: %s", warning->message);
          n++;
        }
    }

  return n;
}

static GPtrArray *
run_checks (Fixture    *fixture,
            const char *group,
            int         year)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = sam_meeting_checks_run (fixture->store, group, year, &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  return warnings;
}

static SamAgendaItem *
add_item (Fixture       *fixture,
          const char    *meeting,
          const char    *title,
          SamAgendaKind  kind,
          const char    *notes)
{
  g_autoptr(GError) error = NULL;
  SamAgendaItem *item = sam_agenda_item_new (meeting);

  sam_agenda_item_set_title (item, title);
  sam_agenda_item_set_kind (item, kind);
  sam_agenda_item_set_presenter (item, "Anna Andersson");
  sam_agenda_item_set_notes (item, notes);
  sam_store_save_agenda_item (fixture->store, item, &error);
  g_assert_no_error (error);

  return item;
}

static char *
agenda_titles (Fixture    *fixture,
               const char *meeting)
{
  g_autoptr(GListModel) agenda = sam_store_list_agenda (fixture->store, meeting, NULL);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamAgendaItem) item = g_list_model_get_item (agenda, i);

      g_assert_cmpint (sam_agenda_item_get_position (item), ==, i + 1);
      g_string_append_printf (titles, "%s%s", i > 0 ? "," : "", sam_agenda_item_get_title (item));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

/* A joint meeting keeps its groups; agenda items are added last, moved
 * and deleted without gaps in their numbers. */
static void
test_joint_meeting_and_agenda (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *groups[] = { fixture->other, fixture->council, NULL };
  const char *one[] = { fixture->council, NULL };
  g_autofree char *meeting = add_meeting (fixture->store, "Dialogmöte", "2026-02-10", 13, SAM_MEETING_STATUS_PLANNED, groups);
  g_auto(GStrv) stored = sam_store_dup_meeting_groups (fixture->store, meeting, NULL);
  g_autoptr(SamMeeting) object = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_MEETING, meeting, NULL);
  g_autoptr(SamAgendaItem) a = add_item (fixture, meeting, "Inledning", SAM_AGENDA_KIND_INFORMATION, NULL);
  g_autoptr(SamAgendaItem) b = add_item (fixture, meeting, "Vårdförlopp", SAM_AGENDA_KIND_DISCUSSION, NULL);
  g_autoptr(SamAgendaItem) c = add_item (fixture, meeting, "Avslutning", SAM_AGENDA_KIND_INFORMATION, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *titles = NULL;

  g_assert_cmpuint (g_strv_length (stored), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) stored, fixture->council));
  g_assert_true (g_strv_contains ((const char * const *) stored, fixture->other));

  /* Saving again with one group leaves one participation. */
  sam_store_save_meeting (fixture->store, object, one, &error);
  g_assert_no_error (error);
  g_strfreev (stored);
  stored = sam_store_dup_meeting_groups (fixture->store, meeting, NULL);
  g_assert_cmpuint (g_strv_length (stored), ==, 1);
  g_assert_cmpstr (stored[0], ==, fixture->council);

  /* No group at all is refused. */
  g_assert_false (sam_store_save_meeting (fixture->store, object, (const char *[]) { NULL }, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  titles = agenda_titles (fixture, meeting);
  g_assert_cmpstr (titles, ==, "Inledning,Vårdförlopp,Avslutning");
  g_assert_cmpint (sam_agenda_item_get_position (c), ==, 3);

  g_assert_true (sam_store_move_agenda_item (fixture->store, c, 1, &error));
  g_assert_no_error (error);
  g_free (titles);
  titles = agenda_titles (fixture, meeting);
  g_assert_cmpstr (titles, ==, "Avslutning,Inledning,Vårdförlopp");

  g_assert_true (sam_store_move_agenda_item (fixture->store, c, 99, &error));
  g_free (titles);
  titles = agenda_titles (fixture, meeting);
  g_assert_cmpstr (titles, ==, "Inledning,Vårdförlopp,Avslutning");

  g_assert_true (sam_store_delete_agenda_item (fixture->store, a, &error));
  g_assert_no_error (error);
  g_free (titles);
  titles = agenda_titles (fixture, meeting);
  g_assert_cmpstr (titles, ==, "Vårdförlopp,Avslutning");

  /* An empty title is refused, an edit keeps the place. */
  sam_agenda_item_set_title (b, "  ");
  g_assert_false (sam_store_save_agenda_item (fixture->store, b, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  sam_agenda_item_set_title (b, "Vårdförlopp höftfraktur");
  g_assert_true (sam_store_save_agenda_item (fixture->store, b, &error));
  g_free (titles);
  titles = agenda_titles (fixture, meeting);
  g_assert_cmpstr (titles, ==, "Vårdförlopp höftfraktur,Avslutning");
}

static SamAttendance *
find_attendance (GListModel *list,
                 const char *person)
{
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamAttendance) line = g_list_model_get_item (list, i);

      if (g_strcmp0 (sam_attendance_get_person_uuid (line), person) == 0)
        return g_steal_pointer (&line);
    }

  return NULL;
}

/* The attendance list holds the members, chair first, each with the role
 * it is sorted by, then whoever was recorded; statuses can be set,
 * changed and forgotten. */
static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  const char *groups[] = { fixture->council, NULL };
  g_autofree char *meeting = add_meeting (fixture->store, "Möte mars", "2026-03-10", 13, SAM_MEETING_STATUS_HELD, groups);
  g_autoptr(GListModel) list = sam_store_list_attendance (fixture->store, meeting, NULL);
  g_autoptr(SamAttendance) line = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  line = g_list_model_get_item (list, 0);
  g_assert_cmpstr (sam_attendance_get_person_uuid (line), ==, fixture->anna);
  g_assert_cmpint (sam_attendance_get_status (line), ==, SAM_ATTENDANCE_STATUS_UNKNOWN);
  g_assert_true (sam_attendance_is_member (line));
  g_assert_cmpint (sam_attendance_get_role (line), ==, SAM_ROLE_CHAIR);
  g_clear_object (&line);
  line = g_list_model_get_item (list, 1);
  g_assert_cmpstr (sam_attendance_get_person_uuid (line), ==, fixture->bo);
  g_assert_cmpint (sam_attendance_get_role (line), ==, SAM_ROLE_MEMBER);
  g_clear_object (&line);

  g_assert_true (sam_store_set_attendance (fixture->store, meeting, fixture->anna, SAM_ATTENDANCE_STATUS_PRESENT, NULL, &error));
  g_assert_true (sam_store_set_attendance (fixture->store, meeting, fixture->bo, SAM_ATTENDANCE_STATUS_ABSENT, NULL, &error));
  g_assert_true (sam_store_set_attendance (fixture->store, meeting, fixture->cecilia, SAM_ATTENDANCE_STATUS_SUBSTITUTE,
                                           fixture->bo, &error));
  g_assert_no_error (error);

  g_clear_object (&list);
  list = sam_store_list_attendance (fixture->store, meeting, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 3);
  line = find_attendance (list, fixture->cecilia);
  g_assert_nonnull (line);
  g_assert_false (sam_attendance_is_member (line));
  g_assert_cmpint (sam_attendance_get_role (line), ==, SAM_ATTENDANCE_NO_ROLE);
  g_assert_cmpint (sam_attendance_get_status (line), ==, SAM_ATTENDANCE_STATUS_SUBSTITUTE);
  g_assert_cmpstr (sam_attendance_get_substitute_for_name (line), ==, "Bo Berg");
  g_clear_object (&line);
  line = find_attendance (list, fixture->bo);
  g_assert_cmpint (sam_attendance_get_status (line), ==, SAM_ATTENDANCE_STATUS_ABSENT);
  g_clear_object (&line);

  /* Changing a status updates the row, forgetting it removes the row. */
  g_assert_true (sam_store_set_attendance (fixture->store, meeting, fixture->bo, SAM_ATTENDANCE_STATUS_PRESENT, NULL, &error));
  g_assert_true (sam_store_set_attendance (fixture->store, meeting, fixture->cecilia, SAM_ATTENDANCE_STATUS_UNKNOWN, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&list);
  list = sam_store_list_attendance (fixture->store, meeting, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  line = find_attendance (list, fixture->bo);
  g_assert_cmpint (sam_attendance_get_status (line), ==, SAM_ATTENDANCE_STATUS_PRESENT);
}

/* Planned, confirmed and held meetings count against the commission's
 * min–max, cancelled ones do not. */
static void
test_checks_frequency (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *groups[] = { fixture->council, NULL };
  static const char *days[] = { "2026-02-10", "2026-04-14", "2026-09-15", "2026-11-17",
                                "2026-01-20", "2026-03-17", "2026-05-19", "2026-10-13", "2026-12-08" };
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    g_free (add_meeting (fixture->store, "Möte", days[i], 13, i == 0 ? SAM_MEETING_STATUS_HELD : SAM_MEETING_STATUS_PLANNED, groups));
  g_free (add_meeting (fixture->store, "Inställt möte", days[3], 13, SAM_MEETING_STATUS_CANCELLED, groups));

  g_assert_cmpuint (sam_meeting_checks_count (fixture->store, fixture->council, 2026, &error), ==, 3);
  warnings = run_checks (fixture, fixture->council, 2026);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_FREQUENCY), ==, 1);
  g_assert_cmpstr (((SamMeetingWarning *) g_ptr_array_index (warnings, 0))->group_uuid, ==, fixture->council);
  g_assert_nonnull (strstr (((SamMeetingWarning *) g_ptr_array_index (warnings, 0))->message, "at least 4"));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  g_free (add_meeting (fixture->store, "Möte", days[4], 13, SAM_MEETING_STATUS_CONFIRMED, groups));
  warnings = run_checks (fixture, fixture->council, 2026);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  for (guint i = 5; i < G_N_ELEMENTS (days); i++)
    g_free (add_meeting (fixture->store, "Möte", days[i], 13, SAM_MEETING_STATUS_PLANNED, groups));
  g_assert_cmpuint (sam_meeting_checks_count (fixture->store, fixture->council, 2026, &error), ==, 8);
  warnings = run_checks (fixture, fixture->council, 2026);
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  g_free (add_meeting (fixture->store, "Extra möte", "2026-06-09", 13, SAM_MEETING_STATUS_PLANNED, groups));
  warnings = run_checks (fixture, NULL, 2026);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_FREQUENCY), ==, 1);
  g_assert_nonnull (strstr (((SamMeetingWarning *) g_ptr_array_index (warnings, 0))->message, "at most 8"));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Another year: none of these count there. */
  warnings = run_checks (fixture, fixture->council, 2027);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_FREQUENCY), ==, 1);
}

/* Holidays, days off and weekends are flagged; a Tuesday is not. */
static void
test_checks_days (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *groups[] = { fixture->other, NULL };
  g_autoptr(GPtrArray) warnings = NULL;

  g_free (add_meeting (fixture->store, "Midsommarafton", "2026-06-19", 10, SAM_MEETING_STATUS_PLANNED, groups));
  g_free (add_meeting (fixture->store, "Kristi himmelsfärd", "2026-05-14", 10, SAM_MEETING_STATUS_PLANNED, groups));
  g_free (add_meeting (fixture->store, "Lördag", "2026-03-07", 10, SAM_MEETING_STATUS_PLANNED, groups));
  g_free (add_meeting (fixture->store, "Tisdag", "2026-03-10", 10, SAM_MEETING_STATUS_PLANNED, groups));
  g_free (add_meeting (fixture->store, "Inställd juldag", "2026-12-25", 10, SAM_MEETING_STATUS_CANCELLED, groups));

  warnings = run_checks (fixture, fixture->other, 2026);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_HOLIDAY), ==, 2);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_WEEKEND), ==, 1);
  g_assert_cmpuint (warnings->len, ==, 3);
}

/* Anna sits on both councils: overlapping meetings book her twice, unless
 * she is recorded absent from one; meetings one after the other do not. */
static void
test_checks_double_booking (Fixture       *fixture,
                            gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  const char *akut[] = { fixture->other, NULL };
  g_autofree char *first = add_meeting (fixture->store, "AOI mars", "2026-03-10", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autofree char *second = add_meeting (fixture->store, "AKUT mars", "2026-03-10", 14, SAM_MEETING_STATUS_PLANNED, akut);
  g_autofree char *later = add_meeting (fixture->store, "AKUT april", "2026-04-14", 15, SAM_MEETING_STATUS_PLANNED, akut);
  g_autofree char *before = add_meeting (fixture->store, "AOI april", "2026-04-14", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autoptr(GPtrArray) warnings = run_checks (fixture, NULL, 2026);
  g_autoptr(GPtrArray) bookings = sam_store_list_double_bookings (fixture->store, 2026, NULL);
  SamDoubleBooking *booking;

  g_assert_cmpuint (bookings->len, ==, 1);
  booking = g_ptr_array_index (bookings, 0);
  g_assert_cmpstr (booking->person_uuid, ==, fixture->anna);
  g_assert_cmpstr (booking->first_uuid, ==, first);
  g_assert_cmpstr (booking->second_uuid, ==, second);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_DOUBLE_BOOKING), ==, 1);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Only AKUT's meetings in view: the warning still concerns them. */
  warnings = run_checks (fixture, fixture->other, 2026);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_DOUBLE_BOOKING), ==, 1);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  g_assert_true (sam_store_set_attendance (fixture->store, second, fixture->anna, SAM_ATTENDANCE_STATUS_ABSENT, NULL, NULL));
  warnings = run_checks (fixture, NULL, 2026);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_DOUBLE_BOOKING), ==, 0);
}

/* A subgroup meeting set to prepare the council's must end before it. */
static void
test_checks_preparation (Fixture       *fixture,
                         gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  const char *sub[] = { fixture->subgroup, NULL };
  g_autofree char *council = add_meeting (fixture->store, "AOI maj", "2026-05-12", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autofree char *early = add_meeting (fixture->store, "Förberedelse", "2026-05-05", 13, SAM_MEETING_STATUS_PLANNED, sub);
  g_autofree char *late = add_meeting (fixture->store, "Sen förberedelse", "2026-05-19", 13, SAM_MEETING_STATUS_PLANNED, sub);
  g_autoptr(SamMeeting) m1 = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_MEETING, early, NULL);
  g_autoptr(SamMeeting) m2 = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_MEETING, late, NULL);
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (m1, "prepares-uuid", council, NULL);
  g_object_set (m2, "prepares-uuid", council, NULL);
  sam_store_save_meeting (fixture->store, m1, sub, &error);
  sam_store_save_meeting (fixture->store, m2, sub, &error);
  g_assert_no_error (error);

  warnings = run_checks (fixture, fixture->subgroup, 2026);
  g_assert_cmpuint (count_kind (warnings, SAM_MEETING_WARNING_PREPARATION), ==, 1);
  g_assert_cmpstr (((SamMeetingWarning *) g_ptr_array_index (warnings, 0))->meeting_uuid, ==, late);
}

static SamDecision *
register_decision (Fixture    *fixture,
                   const char *title,
                   const char *decided,
                   const char *follow_up,
                   const char *meeting)
{
  SamDecision *decision = sam_decision_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (decision, "group-uuid", fixture->council, "title", title, "decided", decided,
                "follow-up", follow_up, "responsible", "Bo Berg", "meeting-uuid", meeting, NULL);
  sam_store_register_decision (fixture->store, decision, &error);
  g_assert_no_error (error);

  return decision;
}

/* Decisions due for follow-up by the day of a meeting are offered there
 * until a meeting reports on them; after they are on the agenda they are
 * not. */
static void
test_follow_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  g_autofree char *feb = add_meeting (fixture->store, "AOI februari", "2026-02-10", 13, SAM_MEETING_STATUS_HELD, aoi);
  g_autofree char *cancelled = add_meeting (fixture->store, "AOI mars", "2026-03-10", 13, SAM_MEETING_STATUS_CANCELLED, aoi);
  g_autofree char *apr = add_meeting (fixture->store, "AOI april", "2026-04-14", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autoptr(SamDecision) early = register_decision (fixture, "Tidigare uppföljning", "2026-01-15", "2026-02-01", NULL);
  g_autoptr(SamDecision) due = register_decision (fixture, "Uppföljning efter intensivvård", "2026-02-10", "2026-03-31", feb);
  g_autoptr(SamDecision) on_day = register_decision (fixture, "Väntetider", "2026-02-10", "2026-04-14", feb);
  g_autoptr(SamDecision) later = register_decision (fixture, "Senare", "2026-02-10", "2026-06-30", feb);
  g_autoptr(GListModel) offered = sam_store_list_due_follow_ups (fixture->store, apr, NULL);
  g_autoptr(SamDecision) first = NULL;
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  /* January's decision fell due before February's meeting, which did not
   * report on it: April is offered it too. */
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 3);
  first = g_list_model_get_item (offered, 0);
  g_assert_cmpstr (sam_decision_get_uuid (first), ==, sam_decision_get_uuid (early));
  g_clear_object (&first);
  first = g_list_model_get_item (offered, 1);
  g_assert_cmpstr (sam_decision_get_uuid (first), ==, sam_decision_get_uuid (due));

  item = sam_store_add_follow_up_item (fixture->store, apr, first, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sam_agenda_item_get_kind (item), ==, SAM_AGENDA_KIND_FOLLOW_UP);
  g_assert_nonnull (strstr (sam_agenda_item_get_title (item), "AOI 2026:2"));
  g_assert_cmpstr (sam_agenda_item_get_presenter (item), ==, "Bo Berg");
  g_assert_cmpstr (sam_agenda_item_get_decision_uuid (item), ==, sam_decision_get_uuid (due));

  g_clear_object (&offered);
  offered = sam_store_list_due_follow_ups (fixture->store, apr, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_clear_object (&offered);

  /* Added again, it is the same item: the agenda reports on it once. */
  {
    g_autoptr(SamAgendaItem) again = sam_store_add_follow_up_item (fixture->store, apr, due, &error);
    g_autoptr(GListModel) agenda = sam_store_list_agenda (fixture->store, apr, NULL);

    g_assert_no_error (error);
    g_assert_cmpstr (sam_agenda_item_get_uuid (again), ==, sam_agenda_item_get_uuid (item));
    g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  }

  /* The item keeps its decision when it is edited and renamed. */
  sam_agenda_item_set_title (item, "Återrapportering om intensivvården");
  g_assert_true (sam_store_save_agenda_item (fixture->store, item, &error));
  g_assert_no_error (error);
  offered = sam_store_list_due_follow_ups (fixture->store, apr, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 2);
  g_clear_object (&offered);

  /* The February meeting is the first: the January decision is due there. */
  offered = sam_store_list_due_follow_ups (fixture->store, feb, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (offered), ==, 1);
  g_clear_object (&first);
  first = g_list_model_get_item (offered, 0);
  g_assert_cmpstr (sam_decision_get_uuid (first), ==, sam_decision_get_uuid (early));
  g_assert_nonnull (cancelled);
  g_assert_nonnull (later);
  g_assert_nonnull (on_day);
}

/* The UUIDs of the decisions offered for follow-up at @meeting, in order,
 * joined with commas. */
static char *
offered_uuids (Fixture    *fixture,
               const char *meeting)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) offered = sam_store_list_due_follow_ups (fixture->store, meeting, &error);
  g_autoptr(GString) uuids = g_string_new (NULL);

  g_assert_no_error (error);
  g_assert_nonnull (offered);
  for (guint i = 0; i < g_list_model_get_n_items (offered); i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (offered, i);

      g_string_append_printf (uuids, "%s%s", i > 0 ? "," : "", sam_decision_get_uuid (decision));
    }

  return g_string_free (g_steal_pointer (&uuids), FALSE);
}

static char *
join_uuids (SamDecision *first,
            ...)
{
  g_autoptr(GString) uuids = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (SamDecision *decision = first; decision != NULL; decision = va_arg (args, SamDecision *))
    g_string_append_printf (uuids, "%s%s", uuids->len > 0 ? "," : "", sam_decision_get_uuid (decision));
  va_end (args);

  return g_string_free (g_steal_pointer (&uuids), FALSE);
}

#define assert_offered(fixture, meeting, ...) \
  G_STMT_START { \
    g_autofree char *_offered = offered_uuids (fixture, meeting); \
    g_autofree char *_expected = join_uuids (__VA_ARGS__, NULL); \
    g_assert_cmpstr (_offered, ==, _expected); \
  } G_STMT_END

static void
add_follow_up (Fixture     *fixture,
               const char  *meeting,
               SamDecision *decision)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamAgendaItem) item = sam_store_add_follow_up_item (fixture->store, meeting, decision, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
}

/* AOI 2026:1 and AOI 2026:14 are both due: both are offered, and putting
 * one on the agenda takes only that one off, whichever it is, although
 * the one number begins the other. */
static void
test_follow_up_whole_number (Fixture       *fixture,
                             gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  g_autofree char *apr = add_meeting (fixture->store, "AOI april", "2026-04-14", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autofree char *may = add_meeting (fixture->store, "AOI maj", "2026-05-12", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autoptr(GPtrArray) decisions = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *first_number = NULL;
  g_autofree char *last_number = NULL;
  SamDecision *first, *last;

  for (guint i = 1; i <= 14; i++)
    {
      g_autofree char *title = g_strdup_printf ("Beslut nummer %u", i);

      g_ptr_array_add (decisions, register_decision (fixture, title, "2026-02-10",
                                                     i == 1 ? "2026-03-31" : i == 14 ? "2026-04-01" : NULL, NULL));
    }
  first = g_ptr_array_index (decisions, 0);
  last = g_ptr_array_index (decisions, 13);
  first_number = sam_decision_format_number (first, "AOI");
  last_number = sam_decision_format_number (last, "AOI");
  g_assert_cmpstr (first_number, ==, "AOI 2026:1");
  g_assert_cmpstr (last_number, ==, "AOI 2026:14");

  assert_offered (fixture, apr, first, last);

  /* 2026:14 on the agenda: 2026:1 is still offered. */
  add_follow_up (fixture, apr, last);
  assert_offered (fixture, apr, first);
  add_follow_up (fixture, apr, first);
  assert_offered (fixture, apr, NULL);

  /* May comes after April, whose agenda reports on both. */
  assert_offered (fixture, may, NULL);
}

/* A follow-up that fell due before the previous meeting and was not
 * reported there stays offered until it is reported: at a held or
 * earlier meeting, not a cancelled one, nor a later one still planned. */
static void
test_follow_up_missed (Fixture       *fixture,
                       gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  g_autofree char *feb = add_meeting (fixture->store, "AOI februari", "2026-02-10", 13, SAM_MEETING_STATUS_HELD, aoi);
  g_autofree char *mar = add_meeting (fixture->store, "AOI mars", "2026-03-10", 13, SAM_MEETING_STATUS_CANCELLED, aoi);
  g_autofree char *apr = add_meeting (fixture->store, "AOI april", "2026-04-14", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autofree char *jun = add_meeting (fixture->store, "AOI juni", "2026-06-16", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autoptr(SamDecision) missed = register_decision (fixture, "Missad uppföljning", "2026-01-15", "2026-02-01", NULL);
  g_autoptr(SamDecision) reported = register_decision (fixture, "Rapporterad i februari", "2026-01-15", "2026-02-05", NULL);
  g_autoptr(SamDecision) cancelled = register_decision (fixture, "På ett inställt möte", "2026-01-15", "2026-03-01", NULL);

  /* February: the two due by then. */
  assert_offered (fixture, feb, missed, reported);
  add_follow_up (fixture, feb, reported);
  assert_offered (fixture, feb, missed);

  /* Reported at a cancelled meeting is not reported. */
  add_follow_up (fixture, mar, cancelled);

  /* April: the one missed in February is still offered, and the one on
   * the cancelled meeting's agenda. */
  assert_offered (fixture, apr, missed, cancelled);

  /* Put on June's agenda, it is still due in April, which comes first. */
  add_follow_up (fixture, jun, missed);
  assert_offered (fixture, apr, missed, cancelled);
  assert_offered (fixture, jun, cancelled);

  /* Once April reports it, June no longer needs it. */
  add_follow_up (fixture, apr, cancelled);
  assert_offered (fixture, jun, NULL);
}

/* Fails the test unless the item @item of @meeting's agenda is bound to
 * @decision (or to none, for %NULL). */
static void
assert_bound (SamStore   *store,
              const char *meeting,
              const char *item,
              const char *decision)
{
  g_autoptr(GListModel) agenda = sam_store_list_agenda (store, meeting, NULL);
  gboolean found = FALSE;

  g_assert_nonnull (agenda);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamAgendaItem) candidate = g_list_model_get_item (agenda, i);

      if (g_strcmp0 (sam_agenda_item_get_uuid (candidate), item) != 0)
        continue;
      g_test_message ("%s: %s", sam_agenda_item_get_title (candidate), sam_agenda_item_get_decision_uuid (candidate));
      g_assert_cmpstr (sam_agenda_item_get_decision_uuid (candidate), ==, decision);
      found = TRUE;
    }
  g_assert_true (found);
}

/* A register from before follow-up items named their decision: each one
 * whose title names exactly one decision of its meeting's groups, by the
 * whole number, is bound to that decision when the register is opened. */
static void
test_follow_up_migration (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-meetings-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.sqlite", NULL);
  g_autoptr(GBytes) schema = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/001-initial.sql", 0, NULL);
  g_autoptr(GBytes) triggers = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/fts-triggers.sql", 0, NULL);
  g_autofree char *schema_sql = NULL;
  g_autofree char *triggers_sql = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const char *joint = "00000000-0000-4000-8000-0000000000a1";
  const char *other = "00000000-0000-4000-8000-0000000000a2";
  sqlite3 *db;

  g_assert_nonnull (schema);
  g_assert_nonnull (triggers);
  schema_sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  triggers_sql = g_strndup (g_bytes_get_data (triggers, NULL), g_bytes_get_size (triggers));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, schema_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, triggers_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO grp (id, uuid, code, name, kind, parent_id) VALUES "
                                 "(1, '00000000-0000-4000-8000-000000000001', 'AOI', 'Råd', 'council', NULL),"
                                 "(2, '00000000-0000-4000-8000-000000000002', 'AOI-IVA', 'Undergrupp', 'subgroup', 1),"
                                 "(3, '00000000-0000-4000-8000-000000000003', 'IVA', 'Annat råd', 'council', NULL);"
                                 "INSERT INTO meeting (id, uuid, title, status, starts, ends) VALUES "
                                 "(1, '00000000-0000-4000-8000-0000000000a1', 'Gemensamt', 'held', "
                                 " '2026-04-14T11:00:00Z', '2026-04-14T13:00:00Z'),"
                                 "(2, '00000000-0000-4000-8000-0000000000a2', 'IVA', 'held', "
                                 " '2026-04-15T11:00:00Z', '2026-04-15T13:00:00Z');"
                                 "INSERT INTO meeting_group (uuid, meeting_id, group_id) VALUES "
                                 "('00000000-0000-4000-8000-0000000000b1', 1, 1),"
                                 "('00000000-0000-4000-8000-0000000000b2', 1, 2),"
                                 "('00000000-0000-4000-8000-0000000000b3', 2, 3);"
                                 "INSERT INTO decision (uuid, group_id, year, serial, title, status, decided) VALUES "
                                 "('00000000-0000-4000-8000-0000000000d1', 1, 2026, 1, 'Ett', 'decided', '2026-01-10'),"
                                 "('00000000-0000-4000-8000-0000000000d2', 1, 2026, 14, 'Fjorton', 'decided', '2026-02-10'),"
                                 "('00000000-0000-4000-8000-0000000000d3', 2, 2026, 1, 'Undergruppens', 'decided', '2026-01-10'),"
                                 "('00000000-0000-4000-8000-0000000000d4', 3, 2026, 1, 'Det andra rådets', 'decided', '2026-01-10');"
                                 "INSERT INTO agenda_item (uuid, meeting_id, position, title, kind) VALUES "
                                 "('00000000-0000-4000-8000-0000000000c1', 1, 1, 'Återrapportering: AOI 2026:14 Fjorton', 'follow_up'),"
                                 "('00000000-0000-4000-8000-0000000000c2', 1, 2, 'Återrapportering: AOI 2026:1 Ett.', 'follow_up'),"
                                 "('00000000-0000-4000-8000-0000000000c3', 1, 3, 'Återrapportering: AOI-IVA 2026:1 (IVA)', 'follow_up'),"
                                 "('00000000-0000-4000-8000-0000000000c4', 1, 4, 'AOI 2026:1 och AOI 2026:14', 'follow_up'),"
                                 "('00000000-0000-4000-8000-0000000000c5', 1, 5, 'AOI 2026:1', 'information'),"
                                 "('00000000-0000-4000-8000-0000000000c6', 1, 6, 'Uppföljning av beslutsloggen', 'follow_up'),"
                                 "('00000000-0000-4000-8000-0000000000c7', 2, 1, 'Återrapportering: IVA 2026:1, läget', 'follow_up'),"
                                 "('00000000-0000-4000-8000-0000000000c8', 2, 2, 'Återrapportering: AOI 2026:14', 'follow_up');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sam_store_open (path, &error);
  g_assert_no_error (error);

  assert_bound (store, joint, "00000000-0000-4000-8000-0000000000c1", "00000000-0000-4000-8000-0000000000d2");
  assert_bound (store, joint, "00000000-0000-4000-8000-0000000000c2", "00000000-0000-4000-8000-0000000000d1");
  assert_bound (store, joint, "00000000-0000-4000-8000-0000000000c3", "00000000-0000-4000-8000-0000000000d3");
  /* Two numbers, no number, not a follow-up: nothing to go by. */
  assert_bound (store, joint, "00000000-0000-4000-8000-0000000000c4", NULL);
  assert_bound (store, joint, "00000000-0000-4000-8000-0000000000c5", NULL);
  assert_bound (store, joint, "00000000-0000-4000-8000-0000000000c6", NULL);
  assert_bound (store, other, "00000000-0000-4000-8000-0000000000c7", "00000000-0000-4000-8000-0000000000d4");
  /* A decision of a group that is not the meeting's. */
  assert_bound (store, other, "00000000-0000-4000-8000-0000000000c8", NULL);

  sam_test_free_tmp_store (g_steal_pointer (&store), dir);
}

/* An agenda item of kind decision opens one draft bound to the meeting. */
static void
test_decision_draft (Fixture       *fixture,
                     gconstpointer  data)
{
  const char *groups[] = { fixture->council, fixture->other, NULL };
  g_autofree char *meeting = add_meeting (fixture->store, "Gemensamt möte", "2026-05-12", 13, SAM_MEETING_STATUS_PLANNED, groups);
  g_autoptr(SamAgendaItem) item = add_item (fixture, meeting, "Gemensam rutin för överflyttning", SAM_AGENDA_KIND_DECISION, NULL);
  g_autoptr(SamDecision) draft = NULL;
  g_autoptr(SamDecision) again = NULL;
  g_autoptr(GListModel) decisions = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *item_uuid = NULL;

  draft = sam_store_add_decision_draft (fixture->store, item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (sam_decision_get_status (draft), ==, SAM_DECISION_STATUS_DRAFT);
  g_assert_cmpstr (sam_decision_get_meeting_uuid (draft), ==, meeting);
  g_assert_cmpstr (sam_decision_get_group_uuid (draft), ==, fixture->other);  /* councils by name: akut first */
  g_assert_cmpstr (sam_decision_get_title (draft), ==, "Gemensam rutin för överflyttning");
  g_object_get (draft, "agenda-item-uuid", &item_uuid, NULL);
  g_assert_cmpstr (item_uuid, ==, sam_agenda_item_get_uuid (item));

  again = sam_store_add_decision_draft (fixture->store, item, &error);
  g_assert_cmpstr (sam_decision_get_uuid (again), ==, sam_decision_get_uuid (draft));
  decisions = sam_store_list_meeting_decisions (fixture->store, meeting, &error);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);
}

/* Notes of agenda items, meeting notes and attendees' names are found. */
static void
test_search (Fixture       *fixture,
             gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  g_autofree char *a = add_meeting (fixture->store, "AOI mars", "2026-03-10", 13, SAM_MEETING_STATUS_HELD, aoi);
  g_autofree char *b = add_meeting (fixture->store, "AOI april", "2026-04-14", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autoptr(SamAgendaItem) item = add_item (fixture, a, "Intensivvårdsplatser", SAM_AGENDA_KIND_DISCUSSION,
                                            "Beläggningen på IVA inför vintern diskuterades.");
  g_autoptr(SamMeeting) meeting = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_MEETING, b, NULL);
  g_autoptr(GListModel) found = NULL;
  g_autoptr(SamMeeting) hit = NULL;

  g_object_set (meeting, "notes", "Rådet beslutade om ny rutin för överflyttning.", NULL);
  sam_store_save_meeting (fixture->store, meeting, aoi, NULL);
  sam_store_set_attendance (fixture->store, a, fixture->cecilia, SAM_ATTENDANCE_STATUS_SUBSTITUTE, fixture->bo, NULL);

  found = sam_store_search_meeting_records (fixture->store, "belägg", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  hit = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sam_meeting_get_uuid (hit), ==, a);
  g_clear_object (&hit);
  g_clear_object (&found);

  found = sam_store_search_meeting_records (fixture->store, "överflyttning", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  hit = g_list_model_get_item (found, 0);
  g_assert_cmpstr (sam_meeting_get_uuid (hit), ==, b);
  g_clear_object (&hit);
  g_clear_object (&found);

  found = sam_store_search_meeting_records (fixture->store, "Carlsson", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 1);
  g_clear_object (&found);

  /* Nothing a user types is an FTS5 syntax error. */
  found = sam_store_search_meeting_records (fixture->store, "\"AND (*", NULL);
  g_assert_nonnull (found);
  g_clear_object (&found);
  found = sam_store_search_meeting_records (fixture->store, "  ", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (found), ==, 0);
}

/* The .ics parses back with libical into the same events: UIDs, titles,
 * places, Stockholm times that are the stored UTC instants, statuses. */
static void
test_ics (Fixture       *fixture,
          gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  const char *akut[] = { fixture->other, NULL };
  g_autofree char *winter = add_meeting (fixture->store, "AOI februari", "2026-02-10", 13, SAM_MEETING_STATUS_CONFIRMED, aoi);
  g_autofree char *summer = add_meeting (fixture->store, "AOI augusti", "2026-08-25", 9, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autofree char *cancelled = add_meeting (fixture->store, "AOI november", "2026-11-17", 13, SAM_MEETING_STATUS_CANCELLED, aoi);
  g_autofree char *next_year = add_meeting (fixture->store, "AOI januari 2027", "2027-01-19", 13, SAM_MEETING_STATUS_PLANNED, aoi);
  g_autofree char *other = add_meeting (fixture->store, "AKUT mars", "2026-03-10", 13, SAM_MEETING_STATUS_PLANNED, akut);
  g_autoptr(SamAgendaItem) item = add_item (fixture, winter, "Läget inför vintern", SAM_AGENDA_KIND_INFORMATION, NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "aoi.ics", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  icalcomponent *calendar;
  icalcomponent *event;
  guint n_events = 0;
  guint seen = 0;

  g_assert_true (sam_ics_export (fixture->store, fixture->council, 2026, path, &n_events, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, 3);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Stockholm:20260210T130000"));
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Stockholm:20260825T090000"));
  g_assert_null (strstr (text, "AKUT mars"));
  g_assert_null (strstr (text, "januari 2027"));

  calendar = icalparser_parse_string (text);
  g_assert_nonnull (calendar);
  g_assert_cmpint (icalcomponent_isa (calendar), ==, ICAL_VCALENDAR_COMPONENT);
  g_assert_nonnull (icalcomponent_get_first_component (calendar, ICAL_VTIMEZONE_COMPONENT));

  for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT);
       event != NULL;
       event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
    {
      const char *uid = icalcomponent_get_uid (event);
      g_autofree char *uuid = g_strndup (uid, strcspn (uid, "@"));
      g_autoptr(SamMeeting) meeting = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_MEETING, uuid, NULL);
      g_autoptr(GDateTime) stored = NULL;
      struct icaltimetype start = icalcomponent_get_dtstart (event);
      struct icaltimetype end = icalcomponent_get_dtend (event);
      icalproperty *dtstart = icalcomponent_get_first_property (event, ICAL_DTSTART_PROPERTY);
      icalparameter *tzid = icalproperty_get_first_parameter (dtstart, ICAL_TZID_PARAMETER);

      g_assert_nonnull (meeting);
      g_assert_cmpstr (icalcomponent_get_summary (event), ==, sam_meeting_get_title (meeting));
      g_assert_cmpstr (icalcomponent_get_location (event), ==, "Regionens hus");
      g_assert_cmpstr (icalparameter_get_tzid (tzid), ==, "Europe/Stockholm");
      g_assert_nonnull (start.zone);
      stored = sam_calendar_parse_utc (sam_meeting_get_starts (meeting));
      g_assert_cmpint ((gint64) icaltime_as_timet_with_zone (start, start.zone), ==, g_date_time_to_unix (stored));
      g_clear_pointer (&stored, g_date_time_unref);
      stored = sam_calendar_parse_utc (sam_meeting_get_ends (meeting));
      g_assert_cmpint ((gint64) icaltime_as_timet_with_zone (end, end.zone), ==, g_date_time_to_unix (stored));

      if (g_str_equal (uuid, cancelled))
        g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CANCELLED);
      else if (g_str_equal (uuid, winter))
        {
          g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_CONFIRMED);
          g_assert_nonnull (strstr (icalcomponent_get_description (event), "Läget inför vintern"));
        }
      else
        {
          g_assert_cmpstr (uuid, ==, summer);
          g_assert_cmpint (icalcomponent_get_status (event), ==, ICAL_STATUS_TENTATIVE);
        }
      seen++;
    }
  g_assert_cmpuint (seen, ==, 3);
  icalcomponent_free (calendar);

  /* Every group, every year; the UIDs do not change between exports. */
  g_free (text);
  text = sam_ics_build (fixture->store, NULL, 0, &n_events, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_events, ==, 5);
  {
    g_autofree char *uid = g_strdup_printf ("UID:%s@samordna", winter);

    g_assert_nonnull (strstr (text, uid));
  }
  g_assert_nonnull (next_year);
  g_assert_nonnull (other);
}

/* The minutes read back with pdftotext hold the attendance, the notes and
 * the decisions with their numbers; the agenda holds its items. */
static void
test_minutes_pdf (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *aoi[] = { fixture->council, NULL };
  g_autofree char *meeting = add_meeting (fixture->store, "AOI mars", "2026-03-10", 13, SAM_MEETING_STATUS_HELD, aoi);
  g_autoptr(SamAgendaItem) info = add_item (fixture, meeting, "Läget på intensivvården", SAM_AGENDA_KIND_INFORMATION,
                                            "Beläggningen var hög under februari.");
  g_autoptr(SamAgendaItem) item = add_item (fixture, meeting, "Rutin för överflyttning", SAM_AGENDA_KIND_DECISION,
                                            "Rådet ställde sig bakom rutinen.");
  g_autoptr(SamDecision) draft = sam_store_add_decision_draft (fixture->store, item, NULL);
  g_autoptr(SamDecision) other = register_decision (fixture, "Uppföljning av väntetider", "2026-03-10", NULL, meeting);
  g_autofree char *minutes = g_build_filename (fixture->dir, "minutes.pdf", NULL);
  g_autofree char *agenda = g_build_filename (fixture->dir, "agenda.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_object_set (draft, "decided", "2026-03-10", NULL);
  g_assert_true (sam_store_register_decision (fixture->store, draft, &error));
  g_assert_no_error (error);
  sam_store_set_attendance (fixture->store, meeting, fixture->anna, SAM_ATTENDANCE_STATUS_PRESENT, NULL, NULL);
  sam_store_set_attendance (fixture->store, meeting, fixture->bo, SAM_ATTENDANCE_STATUS_ABSENT, NULL, NULL);
  sam_store_set_attendance (fixture->store, meeting, fixture->cecilia, SAM_ATTENDANCE_STATUS_SUBSTITUTE, fixture->bo, NULL);

  g_assert_true (sam_minutes_export_pdf (fixture->store, meeting, SAM_MINUTES_MINUTES, minutes, &error));
  g_assert_no_error (error);
  text = sam_test_pdf_tool ("pdftotext", minutes, "-layout", "-enc", "UTF-8", NULL);
  g_test_message ("%s", text);
  g_assert_nonnull (strstr (text, "Minutes"));
  g_assert_nonnull (strstr (text, "Present"));
  g_assert_nonnull (strstr (text, "Anna Andersson"));
  g_assert_nonnull (strstr (text, "Absent"));
  g_assert_nonnull (strstr (text, "Bo Berg"));
  g_assert_nonnull (strstr (text, "Cecilia Carlsson (substitute for Bo Berg)"));
  g_assert_nonnull (strstr (text, "Beläggningen var hög under februari."));
  g_assert_nonnull (strstr (text, "Decision AOI 2026:1: Uppföljning av väntetider"));
  g_assert_nonnull (strstr (text, "Decision AOI 2026:2: Rutin för överflyttning"));
  /* The decision taken on an item follows that item's notes. */
  g_assert_true (strstr (text, "Rådet ställde sig bakom rutinen.") < strstr (text, "AOI 2026:2"));
  g_clear_pointer (&text, g_free);

  g_assert_true (sam_minutes_export_pdf (fixture->store, meeting, SAM_MINUTES_AGENDA, agenda, &error));
  g_assert_no_error (error);
  text = sam_test_pdf_tool ("pdftotext", agenda, "-layout", "-enc", "UTF-8", NULL);
  g_assert_nonnull (strstr (text, "Agenda"));
  g_assert_nonnull (strstr (text, "Läget på intensivvården"));
  g_assert_nonnull (strstr (text, "Rutin för överflyttning"));
  g_assert_nonnull (strstr (text, "Invited"));
  g_assert_null (strstr (text, "Beläggningen var hög"));
  g_assert_nonnull (info);
  g_assert_nonnull (other);

  g_assert_false (sam_minutes_export_pdf (fixture->store, "no-such-meeting", SAM_MINUTES_MINUTES, minutes, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
}

/* The bundled demo register shows the planner at its best: in 2026 every
 * council meets within its commission's min–max, never on a holiday, a
 * day off or a weekend. */
static void
test_demo_register (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&dir, &error);
  g_autoptr(GListModel) groups = NULL;
  guint n_councils = 0;

  g_assert_no_error (error);
  groups = sam_store_list_groups (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      g_autoptr(SamCommission) commission = NULL;
      g_autoptr(GPtrArray) warnings = NULL;
      g_autoptr(GListModel) meetings = NULL;
      guint count;

      if (sam_group_get_kind (group) != SAM_GROUP_KIND_COUNCIL)
        continue;
      n_councils++;
      commission = sam_store_dup_group_commission (store, sam_group_get_uuid (group), &error);
      g_assert_no_error (error);
      g_assert_nonnull (commission);
      count = sam_meeting_checks_count (store, sam_group_get_uuid (group), 2026, &error);
      g_test_message ("%s: %u meetings in 2026 (%d–%d)", sam_group_get_name (group), count,
                      sam_commission_get_min_meetings (commission), sam_commission_get_max_meetings (commission));
      g_assert_cmpint (count, >=, sam_commission_get_min_meetings (commission));
      g_assert_cmpint (count, <=, sam_commission_get_max_meetings (commission));

      warnings = sam_meeting_checks_run (store, sam_group_get_uuid (group), 2026, &error);
      g_assert_no_error (error);
      for (guint j = 0; j < warnings->len; j++)
        {
          SamMeetingWarning *warning = g_ptr_array_index (warnings, j);

          g_test_message ("%s", warning->message);
          g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_FREQUENCY);
          g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_HOLIDAY);
          g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_WEEKEND);
        }

      /* Directly against the calendar as well, for every meeting. */
      meetings = sam_store_list_group_meetings (store, sam_group_get_uuid (group), &error);
      for (guint j = 0; j < g_list_model_get_n_items (meetings); j++)
        {
          g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, j);
          GDate date;

          if (sam_meeting_get_local_year (meeting) != 2026)
            continue;
          g_assert_true (sam_meeting_get_local_date (meeting, &date));
          g_assert_true (sam_calendar_is_working_day (&date));
        }
    }

  g_assert_cmpuint (n_councils, >, 0);
  g_clear_object (&store);
  sam_demo_remove (dir);
}

/* The audit log's entries about meetings, read as another program would. */
static gint64
count_meeting_audit (SamStore *store)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_open (sam_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*) FROM audit_log WHERE entity = 'meeting'", -1, &stmt, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return n;
}

static void
count_changed_cb (SamStore *store,
                  guint     table,
                  guint    *n)
{
  (*n)++;
}

static SamMeeting *
new_meeting (const char *title,
             const char *day)
{
  SamMeeting *meeting = sam_meeting_new ();
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  GDate date;

  g_assert_true (sam_calendar_parse_iso (day, &date));
  start = sam_calendar_local_to_utc (&date, 13, 0);
  end = g_date_time_add_hours (start, 2);
  starts = sam_calendar_utc_string (start);
  ends = sam_calendar_utc_string (end);
  g_object_set (meeting, "title", title, "starts", starts, "ends", ends, NULL);

  return meeting;
}

/* A year's plan goes in as one edit: every meeting with its audit entry
 * and the views told once; a meeting the register refuses leaves none of
 * them, where before the planner had added the ones before it and only
 * logged the failure. */
static void
test_add_meetings (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *groups[] = { fixture->council, NULL };
  g_autoptr(GPtrArray) plan = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) refused = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GListModel) before = sam_store_list_group_meetings (fixture->store, fixture->council, NULL);
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GError) error = NULL;
  guint n_before = g_list_model_get_n_items (before);
  guint changed = 0;
  gint64 audited;

  g_ptr_array_add (plan, new_meeting ("AOI – möte februari 2027", "2027-02-09"));
  g_ptr_array_add (plan, new_meeting ("AOI – möte maj 2027", "2027-05-11"));
  g_ptr_array_add (plan, new_meeting ("AOI – möte oktober 2027", "2027-10-12"));
  g_signal_connect (fixture->store, "changed", G_CALLBACK (count_changed_cb), &changed);
  audited = count_meeting_audit (fixture->store);

  g_assert_true (sam_store_add_meetings (fixture->store, plan, groups, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  for (guint i = 0; i < plan->len; i++)
    g_assert_nonnull (sam_meeting_get_uuid (g_ptr_array_index (plan, i)));
  after = sam_store_list_group_meetings (fixture->store, fixture->council, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 3);
  g_assert_cmpint (count_meeting_audit (fixture->store),
                   ==, audited + 3);

  /* The second of these cannot be stored: nothing of the three is. */
  g_ptr_array_add (refused, new_meeting ("AOI – möte mars 2028", "2028-03-07"));
  g_ptr_array_add (refused, new_meeting ("AOI – möte\vmaj 2028", "2028-05-09"));
  g_ptr_array_add (refused, new_meeting ("AOI – möte oktober 2028", "2028-10-10"));
  g_assert_false (sam_store_add_meetings (fixture->store, refused, groups, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_test_message ("refused: %s", error->message);
  g_assert_cmpuint (changed, ==, 1);
  g_clear_object (&after);
  after = sam_store_list_group_meetings (fixture->store, fixture->council, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, n_before + 3);
  for (guint i = 0; i < refused->len; i++)
    g_assert_null (sam_meeting_get_uuid (g_ptr_array_index (refused, i)));

  g_signal_handlers_disconnect_by_func (fixture->store, count_changed_cb, &changed);
}

/* Whom a new AOI meeting would book twice: Anna sits on the other
 * council too, which meets at 13.00 that day; Bo sits on AOI only. A
 * slot after that meeting clashes with nobody, and nor does one where
 * Anna sends word she is away. */
static void
test_slot_clashes (Fixture       *fixture,
                   gconstpointer  data)
{
  const char *other[] = { fixture->other, NULL };
  g_autofree char *theirs = add_meeting (fixture->store, "Andra rådet", "2027-03-09", 13,
                                         SAM_MEETING_STATUS_PLANNED, other);
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GPtrArray) later = NULL;
  g_autoptr(GPtrArray) away = NULL;
  g_autoptr(GError) error = NULL;
  SamDoubleBooking *clash;

  /* 13.30–15.30 Stockholm time, UTC+1 in March. */
  clashes = sam_store_list_slot_clashes (fixture->store, fixture->council,
                                         "2027-03-09T12:30:00Z", "2027-03-09T14:30:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (clashes->len, ==, 1);
  clash = g_ptr_array_index (clashes, 0);
  g_assert_cmpstr (clash->person_uuid, ==, fixture->anna);
  g_assert_null (clash->first_uuid);
  g_assert_cmpstr (clash->second_uuid, ==, theirs);

  later = sam_store_list_slot_clashes (fixture->store, fixture->council,
                                       "2027-03-09T14:00:00Z", "2027-03-09T16:00:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (later->len, ==, 0);

  g_assert_true (sam_store_set_attendance (fixture->store, theirs, fixture->anna, SAM_ATTENDANCE_STATUS_ABSENT,
                                           NULL, &error));
  g_assert_no_error (error);
  away = sam_store_list_slot_clashes (fixture->store, fixture->council,
                                      "2027-03-09T12:30:00Z", "2027-03-09T14:30:00Z", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (away->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/meetings/joint-meeting-and-agenda", Fixture, NULL, set_up, test_joint_meeting_and_agenda, tear_down);
  g_test_add ("/meetings/attendance", Fixture, NULL, set_up, test_attendance, tear_down);
  g_test_add ("/meetings/checks/frequency", Fixture, NULL, set_up, test_checks_frequency, tear_down);
  g_test_add ("/meetings/checks/days", Fixture, NULL, set_up, test_checks_days, tear_down);
  g_test_add ("/meetings/checks/double-booking", Fixture, NULL, set_up, test_checks_double_booking, tear_down);
  g_test_add ("/meetings/checks/preparation", Fixture, NULL, set_up, test_checks_preparation, tear_down);
  g_test_add ("/meetings/follow-up", Fixture, NULL, set_up, test_follow_up, tear_down);
  g_test_add ("/meetings/follow-up/whole-number", Fixture, NULL, set_up, test_follow_up_whole_number, tear_down);
  g_test_add ("/meetings/follow-up/missed", Fixture, NULL, set_up, test_follow_up_missed, tear_down);
  g_test_add ("/meetings/decision-draft", Fixture, NULL, set_up, test_decision_draft, tear_down);
  g_test_add ("/meetings/search", Fixture, NULL, set_up, test_search, tear_down);
  g_test_add ("/meetings/ics", Fixture, NULL, set_up, test_ics, tear_down);
  g_test_add ("/meetings/add-meetings", Fixture, NULL, set_up, test_add_meetings, tear_down);
  g_test_add ("/meetings/slot-clashes", Fixture, NULL, set_up, test_slot_clashes, tear_down);
  g_test_add ("/meetings/minutes-pdf", Fixture, NULL, set_up, test_minutes_pdf, tear_down);
  g_test_add_func ("/meetings/follow-up/migration", test_follow_up_migration);
  g_test_add_func ("/meetings/demo-register", test_demo_register);

  return g_test_run ();
}

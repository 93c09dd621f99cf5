/* sam-minutes.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-minutes"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-commission.h"
#include "sam-meeting-checks.h"
#include "sam-minutes.h"
#include "sam-store-meetings.h"

/*
 * A meeting's documents, built from the register with the one report
 * writer: the notice (kallelse) calling those invited, the agenda
 * (dagordning) and the minutes (minnesanteckningar) — header, attendance,
 * each agenda item with its notes and the decisions taken on it with their
 * numbers. The window prints them and exports them to PDF; so does the
 * command line.
 */

/* The groups of a meeting, by name, and their codes. */
static char *
group_names (SamStore   *store,
             const char *meeting_uuid)
{
  g_auto(GStrv) groups = sam_store_dup_meeting_groups (store, meeting_uuid, NULL);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, groups[i], NULL);

      if (group != NULL)
        g_string_append_printf (names, "%s%s", names->len > 0 ? "\n" : "", sam_group_get_name (group));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* When a meeting is, as a Swedish notice writes it: “kl. 13.00–15.00”. */
static char *
notice_time (SamMeeting *meeting)
{
  g_autoptr(GDateTime) start_utc = NULL;
  g_autoptr(GDateTime) end_utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  if (sam_meeting_get_starts (meeting) == NULL ||
      (start_utc = sam_calendar_parse_utc (sam_meeting_get_starts (meeting))) == NULL)
    return g_strdup ("");

  start = sam_calendar_to_stockholm (start_utc);
  if (sam_meeting_get_ends (meeting) == NULL ||
      (end_utc = sam_calendar_parse_utc (sam_meeting_get_ends (meeting))) == NULL)
    /* Translators: the time a meeting starts, in a notice: “kl. 13.00” */
    return g_strdup_printf (_("at %02d.%02d"), g_date_time_get_hour (start), g_date_time_get_minute (start));

  end = sam_calendar_to_stockholm (end_utc);
  /* Translators: a meeting's time in a notice: “kl. 13.00–15.00” */
  return g_strdup_printf (_("at %02d.%02d–%02d.%02d"),
                          g_date_time_get_hour (start), g_date_time_get_minute (start),
                          g_date_time_get_hour (end), g_date_time_get_minute (end));
}

/* The date, then the registry number of each group's commission, for the
 * header: a meeting's documents are filed with the commission. */
static char *
header_right (SamStore   *store,
              const char *meeting_uuid,
              const char *iso)
{
  g_auto(GStrv) groups = sam_store_dup_meeting_groups (store, meeting_uuid, NULL);
  g_autoptr(GString) text = g_string_new (iso);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autoptr(SamCommission) commission = sam_store_dup_group_commission (store, groups[i], NULL);

      if (commission == NULL || sam_commission_get_registry_number (commission) == NULL)
        continue;
      g_string_append_printf (text, "%s%s %s", text->len > 0 ? "\n" : "", _("Registry No."),
                              sam_commission_get_registry_number (commission));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * sam_minutes_format_time:
 * @meeting: a meeting
 *
 * Formats when a meeting is, in Stockholm: “13:00–15:00”, or with both
 * days when it runs past midnight.
 *
 * Returns: (transfer full): the text, empty for a meeting without times
 */
char *
sam_minutes_format_time (SamMeeting *meeting)
{
  g_autoptr(GDateTime) start_utc = NULL;
  g_autoptr(GDateTime) end_utc = NULL;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;

  g_return_val_if_fail (SAM_IS_MEETING (meeting), NULL);

  if (sam_meeting_get_starts (meeting) == NULL ||
      (start_utc = sam_calendar_parse_utc (sam_meeting_get_starts (meeting))) == NULL)
    return g_strdup ("");

  start = sam_calendar_to_stockholm (start_utc);
  if (sam_meeting_get_ends (meeting) == NULL ||
      (end_utc = sam_calendar_parse_utc (sam_meeting_get_ends (meeting))) == NULL)
    return g_strdup_printf ("%02d:%02d", g_date_time_get_hour (start), g_date_time_get_minute (start));

  end = sam_calendar_to_stockholm (end_utc);
  /* Translators: a meeting's time, “13:00–15:00” */
  return g_strdup_printf (_("%02d:%02d–%02d:%02d"),
                          g_date_time_get_hour (start), g_date_time_get_minute (start),
                          g_date_time_get_hour (end), g_date_time_get_minute (end));
}

static void
add_header (SamReport      *report,
            SamStore       *store,
            SamMeeting     *meeting,
            SamMinutesKind  kind,
            const char     *kind_label)
{
  g_autofree char *groups = group_names (store, sam_meeting_get_uuid (meeting));
  g_autofree char *day = NULL;
  g_autofree char *time = kind == SAM_MINUTES_NOTICE ? notice_time (meeting) : sam_minutes_format_time (meeting);
  g_autofree char *iso = NULL;
  g_autofree char *region = sam_store_dup_region (store);
  g_autofree char *right = NULL;
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  GDate date;

  if (sam_meeting_get_local_date (meeting, &date))
    {
      day = sam_calendar_format_long (&date);
      iso = sam_calendar_format_iso (&date);
    }

  sam_report_set_title (report, sam_meeting_get_title (meeting));
  right = header_right (store, sam_meeting_get_uuid (meeting), iso);
  sam_report_set_header (report, kind_label, right);
  sam_report_set_footer_left (report, sam_meeting_get_title (meeting));
  sam_report_set_author (report, region);
  sam_report_set_subject (report, groups[0] != '\0' ? groups : sam_meeting_get_title (meeting));
  sam_report_add_heading (report, 1, kind_label);
  sam_report_add_paragraph (report, sam_meeting_get_title (meeting));

  if (groups[0] != '\0')
    {
      g_ptr_array_add (fields, (gpointer) _("Groups:"));
      g_ptr_array_add (fields, groups);
    }
  if (day != NULL)
    {
      g_ptr_array_add (fields, (gpointer) _("Date:"));
      g_ptr_array_add (fields, day);
    }
  if (time[0] != '\0')
    {
      g_ptr_array_add (fields, (gpointer) _("Time:"));
      g_ptr_array_add (fields, time);
    }
  if (sam_meeting_get_place (meeting) != NULL)
    {
      g_ptr_array_add (fields, (gpointer) _("Place:"));
      g_ptr_array_add (fields, (gpointer) sam_meeting_get_place (meeting));
    }
  if (sam_meeting_get_link (meeting) != NULL)
    {
      g_ptr_array_add (fields, (gpointer) _("Link:"));
      g_ptr_array_add (fields, (gpointer) sam_meeting_get_link (meeting));
    }
  /* A notice is sent before the meeting: its status says nothing yet. */
  if (kind != SAM_MINUTES_NOTICE)
    {
      g_ptr_array_add (fields, (gpointer) _("Kind:"));
      g_ptr_array_add (fields, (gpointer) sam_meeting_kind_get_label (sam_meeting_get_kind (meeting)));
      g_ptr_array_add (fields, (gpointer) _("Status:"));
      g_ptr_array_add (fields, (gpointer) sam_meeting_status_get_label (sam_meeting_get_status (meeting)));
    }
  g_ptr_array_add (fields, NULL);
  sam_report_add_fields (report, (const char * const *) fields->pdata);
}

static char *
person_line (SamAttendance *attendance)
{
  if (sam_attendance_get_organisation_name (attendance) != NULL)
    /* Translators: a person at a meeting and the organisation they represent */
    return g_strdup_printf (_("%s, %s"), sam_attendance_get_person_name (attendance),
                            sam_attendance_get_organisation_name (attendance));

  return g_strdup (sam_attendance_get_person_name (attendance));
}

static void
add_people (SamReport  *report,
            const char *heading,
            GPtrArray  *lines)
{
  if (lines->len == 0)
    return;

  g_ptr_array_add (lines, NULL);
  sam_report_add_heading (report, 3, heading);
  sam_report_add_bullets (report, (const char * const *) lines->pdata);
  g_ptr_array_remove_index (lines, lines->len - 1);
}

/* Present, absent and substitutes; on the agenda, everyone invited. */
static gboolean
add_attendance (SamReport       *report,
                SamStore        *store,
                SamMeeting      *meeting,
                SamMinutesKind   kind,
                GError         **error)
{
  g_autoptr(GListModel) attendance = sam_store_list_attendance (store, sam_meeting_get_uuid (meeting), error);
  g_autoptr(GPtrArray) present = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) absent = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) substitutes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) unknown = g_ptr_array_new_with_free_func (g_free);

  if (attendance == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(SamAttendance) line = g_list_model_get_item (attendance, i);
      char *text = person_line (line);

      if (kind != SAM_MINUTES_MINUTES)
        {
          if (sam_attendance_is_member (line))
            g_ptr_array_add (unknown, text);
          else
            g_free (text);
          continue;
        }

      switch (sam_attendance_get_status (line))
        {
        case SAM_ATTENDANCE_STATUS_PRESENT:
          g_ptr_array_add (present, text);
          break;
        case SAM_ATTENDANCE_STATUS_ABSENT:
          g_ptr_array_add (absent, text);
          break;
        case SAM_ATTENDANCE_STATUS_SUBSTITUTE:
          if (sam_attendance_get_substitute_for_name (line) != NULL)
            {
              /* Translators: a substitute at a meeting, “Anna Berg, SU (ersättare för Karl Ek)” */
              g_ptr_array_add (substitutes, g_strdup_printf (_("%s (substitute for %s)"), text,
                                                             sam_attendance_get_substitute_for_name (line)));
              g_free (text);
            }
          else
            g_ptr_array_add (substitutes, text);
          break;
        default:
          g_ptr_array_add (unknown, text);
          break;
        }
    }

  if (kind == SAM_MINUTES_NOTICE)
    {
      sam_report_add_heading (report, 2, _("Called"));
      if (unknown->len == 0)
        sam_report_add_paragraph (report, _("Nobody is invited yet."));
      g_ptr_array_add (unknown, NULL);
      if (unknown->len > 1)
        sam_report_add_bullets (report, (const char * const *) unknown->pdata);
      return TRUE;
    }
  if (kind == SAM_MINUTES_AGENDA)
    {
      add_people (report, _("Invited"), unknown);
      return TRUE;
    }

  sam_report_add_heading (report, 2, _("Attendance"));
  add_people (report, _("Present"), present);
  add_people (report, _("Substitutes"), substitutes);
  add_people (report, _("Absent"), absent);
  add_people (report, _("Not recorded"), unknown);
  if (present->len + substitutes->len + absent->len + unknown->len == 0)
    sam_report_add_paragraph (report, _("No attendance recorded."));

  return TRUE;
}

static char *
decision_line (SamStore    *store,
               SamDecision *decision)
{
  g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_decision_get_group_uuid (decision), NULL);
  g_autofree char *number = sam_decision_format_number (decision, group != NULL ? sam_group_get_code (group) : NULL);

  if (number == NULL)
    /* Translators: a decision not yet registered, in the minutes */
    return g_strdup_printf (_("Draft decision: %s"), sam_decision_get_title (decision));

  /* Translators: a decision in the minutes, “Beslut AOI 2026:3: …” */
  return g_strdup_printf (_("Decision %s: %s"), number, sam_decision_get_title (decision));
}

static void
add_decision (SamReport   *report,
              SamStore    *store,
              SamDecision *decision)
{
  g_autofree char *line = decision_line (store, decision);
  g_autofree char *markup = g_markup_printf_escaped ("<b>%s</b>", line);

  sam_report_add_markup (report, markup);
  if (sam_decision_get_body (decision) != NULL)
    sam_report_add_paragraph (report, sam_decision_get_body (decision));
  if (sam_decision_get_responsible (decision) != NULL || sam_decision_get_follow_up (decision) != NULL)
    {
      const char *fields[5] = { NULL };
      guint n = 0;

      if (sam_decision_get_responsible (decision) != NULL)
        {
          fields[n++] = _("Responsible:");
          fields[n++] = sam_decision_get_responsible (decision);
        }
      if (sam_decision_get_follow_up (decision) != NULL)
        {
          fields[n++] = _("Follow-up:");
          fields[n++] = sam_decision_get_follow_up (decision);
        }
      sam_report_add_fields (report, fields);
    }
}

static void
add_agenda_table (SamReport  *report,
                  GListModel *agenda)
{
  static const double widths[] = { 0.5, 4.0, 1.8, 1.3 };
  const char *headers[] = { _("No."), _("Item"), _("Presenter"), _("Kind"), NULL };

  sam_report_add_heading (report, 2, _("Agenda"));
  if (g_list_model_get_n_items (agenda) == 0)
    {
      sam_report_add_paragraph (report, _("The agenda is empty."));
      return;
    }

  sam_report_add_table (report, 4, headers, widths);
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamAgendaItem) item = g_list_model_get_item (agenda, i);
      g_autofree char *number = g_strdup_printf ("%u", i + 1);
      const char *cells[] = {
        number,
        sam_agenda_item_get_title (item),
        sam_agenda_item_get_presenter (item) != NULL ? sam_agenda_item_get_presenter (item) : "",
        sam_agenda_kind_get_label (sam_agenda_item_get_kind (item)),
        NULL
      };

      sam_report_add_table_row (report, cells);
    }
}

/* Each agenda item with its notes and the decisions taken on it; then the
 * decisions of the meeting bound to no item. */
static gboolean
add_items (SamReport   *report,
           SamStore    *store,
           SamMeeting  *meeting,
           GListModel  *agenda,
           GError     **error)
{
  g_autoptr(GListModel) decisions = sam_store_list_meeting_decisions (store, sam_meeting_get_uuid (meeting), error);
  g_autoptr(GHashTable) shown = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean any_other = FALSE;

  if (decisions == NULL)
    return FALSE;

  sam_report_add_heading (report, 2, _("Items"));
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamAgendaItem) item = g_list_model_get_item (agenda, i);
      g_autofree char *heading = g_strdup_printf ("%u. %s", i + 1, sam_agenda_item_get_title (item));
      const char *fields[5] = { NULL };
      guint n = 0;

      sam_report_add_heading (report, 3, heading);
      if (sam_agenda_item_get_presenter (item) != NULL)
        {
          fields[n++] = _("Presenter:");
          fields[n++] = sam_agenda_item_get_presenter (item);
        }
      fields[n++] = _("Kind:");
      fields[n++] = sam_agenda_kind_get_label (sam_agenda_item_get_kind (item));
      sam_report_add_fields (report, fields);
      if (sam_agenda_item_get_notes (item) != NULL)
        sam_report_add_paragraph (report, sam_agenda_item_get_notes (item));

      for (guint j = 0; j < g_list_model_get_n_items (decisions); j++)
        {
          g_autoptr(SamDecision) decision = g_list_model_get_item (decisions, j);
          const char *item_uuid = NULL;

          g_object_get (decision, "agenda-item-uuid", &item_uuid, NULL);
          if (g_strcmp0 (item_uuid, sam_agenda_item_get_uuid (item)) == 0)
            {
              add_decision (report, store, decision);
              g_hash_table_add (shown, (gpointer) sam_decision_get_uuid (decision));
            }
          g_free ((char *) item_uuid);
        }
    }

  for (guint j = 0; j < g_list_model_get_n_items (decisions); j++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (decisions, j);

      if (g_hash_table_contains (shown, sam_decision_get_uuid (decision)))
        continue;
      if (!any_other)
        sam_report_add_heading (report, 3, _("Other decisions"));
      any_other = TRUE;
      add_decision (report, store, decision);
    }

  return TRUE;
}

/**
 * sam_minutes_build:
 * @store: a #SamStore
 * @meeting_uuid: a meeting
 * @kind: the notice, the agenda or the minutes
 * @error: return location for a #GError
 *
 * Builds a meeting's notice (its groups, the day and time as a Swedish
 * notice writes them, “28 januari 2027” and “kl. 13.00–15.00”, the place
 * or link, the numbered items with their presenters and who is called),
 * its agenda (header, who is invited, the numbered items with presenter
 * and kind) or its minutes (header, who was present, absent
 * and a substitute, the meeting's notes, each item with its notes and the
 * decisions taken on it with their numbers, such as “AOI 2026:3”).
 *
 * Returns: (transfer full) (nullable): the document, ready to paginate,
 *   print or write, or %NULL on failure
 */
SamReport *
sam_minutes_build (SamStore        *store,
                   const char      *meeting_uuid,
                   SamMinutesKind   kind,
                   GError         **error)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GListModel) agenda = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  sam_store_meetings_ensure_types ();
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  meeting = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, meeting_uuid, &local_error);
  if (meeting == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                     _("No meeting has the id “%s”"), meeting_uuid);
      return NULL;
    }
  if ((agenda = sam_store_list_agenda (store, meeting_uuid, error)) == NULL)
    return NULL;

  report = sam_report_new ();
  switch (kind)
    {
    case SAM_MINUTES_NOTICE:
      add_header (report, store, meeting, kind, _("Notice"));
      break;
    case SAM_MINUTES_AGENDA:
      add_header (report, store, meeting, kind, _("Agenda"));
      break;
    case SAM_MINUTES_MINUTES:
    default:
      add_header (report, store, meeting, kind, _("Minutes"));
      break;
    }

  /* The notice and the agenda put the items before the (often long) list
   * of who is invited. */
  if (kind == SAM_MINUTES_AGENDA || kind == SAM_MINUTES_NOTICE)
    {
      add_agenda_table (report, agenda);
      if (!add_attendance (report, store, meeting, kind, error))
        return NULL;
      return g_steal_pointer (&report);
    }

  if (!add_attendance (report, store, meeting, kind, error))
    return NULL;

  if (sam_meeting_get_notes (meeting) != NULL)
    {
      sam_report_add_heading (report, 2, _("Notes"));
      sam_report_add_paragraph (report, sam_meeting_get_notes (meeting));
    }
  if (!add_items (report, store, meeting, agenda, error))
    return NULL;

  return g_steal_pointer (&report);
}

/**
 * sam_minutes_export_pdf:
 * @store: a #SamStore
 * @meeting_uuid: a meeting
 * @kind: the notice, the agenda or the minutes
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Builds the document with sam_minutes_build() and writes it as A4 PDF.
 *
 * Returns: whether the file was written
 */
gboolean
sam_minutes_export_pdf (SamStore        *store,
                        const char      *meeting_uuid,
                        SamMinutesKind   kind,
                        const char      *path,
                        GError         **error)
{
  g_autoptr(SamReport) report = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((report = sam_minutes_build (store, meeting_uuid, kind, error)) == NULL)
    return FALSE;

  return sam_report_write_pdf (report, path, error);
}

/* sam-meetings-page-actions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-agenda-item-editor.h"
#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-gui.h"
#include "sam-ics.h"
#include "sam-meeting-checks.h"
#include "sam-meeting-editor.h"
#include "sam-meetings-page-private.h"
#include "sam-minutes.h"
#include "sam-plan-year-dialog.h"

/* The Meetings page's commands: moving through the calendar, the meeting
 * and its agenda, attendance and notes, printing and exporting. Each edit
 * goes straight to the store, which tells the page to redraw. */

static void
editor_saved_cb (SamMeetingsPage *self,
                 const char      *uuid)
{
  sam_meetings_page_select_meeting (self, uuid);
}

/**
 * _sam_meetings_page_open_editor:
 * @self: a page
 * @meeting: (nullable): the meeting to edit, or %NULL for a new one
 * @day: (nullable): for a new meeting, its day (YYYY-MM-DD)
 *
 * Opens the meeting editor; the page shows the meeting once it is saved.
 */
void
_sam_meetings_page_open_editor (SamMeetingsPage *self,
                                SamMeeting      *meeting,
                                const char      *day)
{
  SamMeetingEditor *editor = sam_meeting_editor_new (_sam_meetings_page_get_window (self), self->store, meeting, day, self->group_uuid);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
step (SamMeetingsPage *self,
      int              delta)
{
  if (g_strcmp0 (self->view, "month") == 0)
    {
      int month = (int) self->month - 1 + delta;

      self->year += month < 0 ? -1 : month / 12;
      self->month = (GDateMonth) (((month % 12) + 12) % 12 + 1);
    }
  else
    self->year += delta;

  _sam_meetings_page_refresh (self);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (SAM_MEETINGS_PAGE (widget), -1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (SAM_MEETINGS_PAGE (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(GDateTime) now = sam_clock_now ();

  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  _sam_meetings_page_refresh (self);
}

static void
show_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  sam_meetings_page_select_meeting (SAM_MEETINGS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
new_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  _sam_meetings_page_open_editor (SAM_MEETINGS_PAGE (widget), NULL, NULL);
}

static void
edit_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = _sam_meetings_page_dup_selected (self);

  if (meeting != NULL)
    _sam_meetings_page_open_editor (self, meeting, NULL);
}

static void
planned_cb (SamMeetingsPage *self,
            guint            n_added,
            const char      *group_uuid,
            int              year)
{
  if (n_added == 0)
    return;

  self->year = year;
  _sam_meetings_page_refresh (self);
  _sam_meetings_page_add_toast (self, g_strdup_printf (ngettext ("%u meeting planned in %d", "%u meetings planned in %d", n_added),
                                    n_added, year));
}

static void
plan_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  SamPlanYearDialog *dialog = sam_plan_year_dialog_new (_sam_meetings_page_get_window (self), self->store, self->group_uuid, self->year);

  g_signal_connect_object (dialog, "planned", G_CALLBACK (planned_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    SamMeetingsPage  *self)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "delete") != 0 || (meeting = _sam_meetings_page_dup_selected (self)) == NULL)
    return;

  if (!sam_store_delete (self->store, meeting, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Delete Meeting"), error);
      return;
    }
  g_clear_pointer (&self->selected_uuid, g_free);
  _sam_meetings_page_refresh_detail (self);
}

static void
delete_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = _sam_meetings_page_dup_selected (self);
  GtkWidget *dialog;

  if (meeting == NULL)
    return;

  dialog = adw_message_dialog_new (_sam_meetings_page_get_window (self), _("Delete Meeting?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” goes with its agenda and attendance. Decisions taken at it stay in the register."),
                                  sam_meeting_get_title (meeting));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
item_saved_cb (SamMeetingsPage *self,
               gboolean         draft_opened)
{
  if (draft_opened)
    _sam_meetings_page_add_toast (self, g_strdup (_("A decision draft was opened in the register")));
}

static void
open_item_editor (SamMeetingsPage *self,
                  SamAgendaItem   *item)
{
  SamAgendaItemEditor *editor = sam_agenda_item_editor_new (_sam_meetings_page_get_window (self), self->store, self->selected_uuid, item);

  g_signal_connect_object (editor, "saved", G_CALLBACK (item_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
add_item_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);

  if (self->selected_uuid != NULL)
    open_item_editor (self, NULL);
}

/* The item of the agenda shown that @uuid names. */
static SamAgendaItem *
dup_agenda_item (SamMeetingsPage *self,
                 const char      *uuid)
{
  for (guint i = 0; self->agenda != NULL && i < g_list_model_get_n_items (self->agenda); i++)
    {
      g_autoptr(SamAgendaItem) item = g_list_model_get_item (self->agenda, i);

      if (g_strcmp0 (sam_agenda_item_get_uuid (item), uuid) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamAgendaItem) item = dup_agenda_item (self, g_variant_get_string (parameter, NULL));

  if (item != NULL)
    open_item_editor (self, item);
}

static void
move_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid;
  guint position;

  g_variant_get (parameter, "(&su)", &uuid, &position);
  if ((item = dup_agenda_item (self, uuid)) == NULL)
    return;

  if (!sam_store_move_agenda_item (self->store, item, position, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Move Agenda Item"), error);
}

static void
remove_item_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamAgendaItem) item = dup_agenda_item (self, g_variant_get_string (parameter, NULL));
  g_autoptr(GError) error = NULL;

  if (item != NULL && !sam_store_delete_agenda_item (self->store, item, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Remove Agenda Item"), error);
}

static void
add_follow_up_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  decision = sam_store_dup_by_uuid (self->store, SAM_TYPE_DECISION, g_variant_get_string (parameter, NULL), NULL);
  if (decision == NULL || self->selected_uuid == NULL)
    return;

  if ((item = sam_store_add_follow_up_item (self->store, self->selected_uuid, decision, &error)) == NULL)
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Add Follow-up"), error);
}

/* Writes what the notes field holds to the meeting it holds them for; the
 * field is then no longer modified. @meeting gets that meeting as saved,
 * and @before its notes as they were; a meeting deleted meanwhile took
 * its notes with it, and gives %NULL. */
static gboolean
store_notes (SamMeetingsPage  *self,
             SamMeeting      **meeting,
             char            **before,
             GError          **error)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  g_autoptr(SamMeeting) saved = NULL;
  g_auto(GStrv) groups = NULL;
  g_autofree char *notes = NULL;
  GError *local_error = NULL;
  GtkTextIter start, end;

  *meeting = NULL;
  *before = NULL;
  if (self->notes_uuid == NULL)
    return TRUE;

  saved = sam_store_dup_by_uuid (self->store, SAM_TYPE_MEETING, self->notes_uuid, &local_error);
  if (saved == NULL)
    {
      if (local_error != NULL)
        {
          g_propagate_error (error, local_error);
          return FALSE;
        }
      gtk_text_buffer_set_modified (buffer, FALSE);
      return TRUE;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  *before = g_strdup (sam_meeting_get_notes (saved));
  g_object_set (saved, "notes", notes, NULL);
  groups = sam_store_dup_meeting_groups (self->store, sam_meeting_get_uuid (saved), error);
  gtk_text_buffer_set_modified (buffer, FALSE);
  if (groups == NULL || !sam_store_save_meeting (self->store, saved, (const char * const *) groups, error))
    {
      gtk_text_buffer_set_modified (buffer, TRUE);
      g_clear_pointer (before, g_free);
      return FALSE;
    }

  self->close_refused = FALSE;
  *meeting = g_steal_pointer (&saved);
  return TRUE;
}

static void
save_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;

  if (self->selected_uuid == NULL || g_strcmp0 (self->notes_uuid, self->selected_uuid) != 0)
    return;

  if (!store_notes (self, &meeting, &before, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save Notes"), error);
      return;
    }

  if (meeting != NULL)
    _sam_meetings_page_add_toast (self, g_strdup (_("Notes saved")));
}

/* The toast's Undo, in the window's toast overlay, is outside the page and
 * its actions: it hands its target to the page's action. */
static void
undo_notes_clicked_cb (AdwToast        *toast,
                       SamMeetingsPage *self)
{
  gtk_widget_activate_action_variant (GTK_WIDGET (self), "meetings.undo-notes",
                                      adw_toast_get_action_target_value (toast));
}

/**
 * _sam_meetings_page_keep_notes:
 * @self: a page
 * @tell: whether to say so in a toast, which offers Undo
 * @error: return location for a #GError
 *
 * Saves notes typed into the notes field and not saved yet on the meeting
 * they were typed for, as the field is about to show another meeting or
 * the page to go away: what the user typed is never thrown away.
 *
 * Returns: whether nothing typed is left unsaved
 */
gboolean
_sam_meetings_page_keep_notes (SamMeetingsPage  *self,
                               gboolean          tell,
                               GError          **error)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autofree char *before = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  if (self->store == NULL || !gtk_text_buffer_get_modified (gtk_text_view_get_buffer (self->notes_view)))
    return TRUE;

  if (!store_notes (self, &meeting, &before, error))
    return FALSE;
  if (!tell || meeting == NULL)
    return TRUE;

  title = g_markup_escape_text (sam_meeting_get_title (meeting), -1);
  /* Translators: a toast when the user moved on from a meeting with notes
   * typed and not saved yet; %s is the meeting's title */
  toast = adw_toast_new_format (_("Notes of “%s” saved"), title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_target_value (toast, g_variant_new ("(smsms)", sam_meeting_get_uuid (meeting), before,
                                                           sam_meeting_get_notes (meeting)));
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_notes_clicked_cb), self, 0);
  sam_gui_add_toast (GTK_WIDGET (self), toast);

  return TRUE;
}

/* Puts back the notes a meeting had before they were saved on leaving it,
 * unless they have been changed again since. Parameter: the meeting, its
 * notes before and its notes as saved. */
static void
undo_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = NULL;
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) error = NULL;
  const char *uuid;
  const char *before;
  const char *saved;

  g_variant_get (parameter, "(&sm&sm&s)", &uuid, &before, &saved);
  meeting = sam_store_dup_by_uuid (self->store, SAM_TYPE_MEETING, uuid, NULL);
  if (meeting == NULL || g_strcmp0 (sam_meeting_get_notes (meeting), saved) != 0)
    return;

  g_object_set (meeting, "notes", before, NULL);
  groups = sam_store_dup_meeting_groups (self->store, uuid, &error);
  if (groups == NULL || !sam_store_save_meeting (self->store, meeting, (const char * const *) groups, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Undo"), error);
}

typedef struct
{
  SamMeetingsPage *self;
  GtkDropDown     *people;   /* SamPerson */
  GtkDropDown     *members;  /* “Nobody in particular”, then the members' SamAttendance */
} SubstituteData;

static void
substitute_data_free (gpointer  data,
                      GClosure *closure)
{
  SubstituteData *substitute = data;

  g_object_unref (substitute->self);
  g_object_unref (substitute->people);
  g_object_unref (substitute->members);
  g_free (substitute);
}

static void
substitute_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SubstituteData   *substitute)
{
  SamMeetingsPage *self = substitute->self;
  SamPerson *person = gtk_drop_down_get_selected_item (substitute->people);
  gpointer member = gtk_drop_down_get_selected_item (substitute->members);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->selected_uuid == NULL || person == NULL)
    return;

  if (!sam_store_set_attendance (self->store, self->selected_uuid, sam_person_get_uuid (person),
                                 SAM_ATTENDANCE_STATUS_SUBSTITUTE,
                                 SAM_IS_ATTENDANCE (member) ? sam_attendance_get_person_uuid (member) : NULL,
                                 &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Record Attendance"), error);
}

static gboolean
is_member (gpointer item,
           gpointer user_data)
{
  return sam_attendance_is_member (item);
}

/* A substitute: anyone in the register, standing in for a member. */
static void
add_substitute_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(GtkFilterListModel) members = NULL;
  SubstituteData *substitute;
  GtkWidget *box;
  GtkWidget *people_label;
  GtkWidget *members_label;
  GtkWidget *people_dropdown;
  GtkWidget *members_dropdown;
  GtkWidget *dialog;

  if (self->selected_uuid == NULL)
    return;

  people = sam_store_list_people (self->store, NULL);
  attendance = sam_store_list_attendance (self->store, self->selected_uuid, NULL);
  members = gtk_filter_list_model_new (g_steal_pointer (&attendance),
                                       GTK_FILTER (gtk_custom_filter_new (is_member, NULL, NULL)));

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  people_label = gtk_label_new_with_mnemonic (_("_Substitute"));
  members_label = gtk_label_new_with_mnemonic (_("Stands in _for"));
  people_dropdown = gtk_drop_down_new (g_steal_pointer (&people),
                                       gtk_property_expression_new (SAM_TYPE_PERSON, NULL, "name"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (people_dropdown), TRUE);
  members_dropdown = gtk_drop_down_new (NULL, NULL);
  _sam_meetings_page_set_choices (GTK_DROP_DOWN (members_dropdown), _("Nobody in particular"), G_LIST_MODEL (members));
  gtk_label_set_mnemonic_widget (GTK_LABEL (people_label), people_dropdown);
  gtk_label_set_mnemonic_widget (GTK_LABEL (members_label), members_dropdown);
  gtk_label_set_xalign (GTK_LABEL (people_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (members_label), 0.0);
  _sam_meetings_page_name_drop_down (people_dropdown, gtk_label_get_text (GTK_LABEL (people_label)));
  _sam_meetings_page_name_drop_down (members_dropdown, gtk_label_get_text (GTK_LABEL (members_label)));
  gtk_box_append (GTK_BOX (box), people_label);
  gtk_box_append (GTK_BOX (box), people_dropdown);
  gtk_box_append (GTK_BOX (box), members_label);
  gtk_box_append (GTK_BOX (box), members_dropdown);

  dialog = adw_message_dialog_new (_sam_meetings_page_get_window (self), _("Add Substitute"), _("Record someone who came in a member’s place."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  substitute = g_new0 (SubstituteData, 1);
  substitute->self = g_object_ref (self);
  substitute->people = GTK_DROP_DOWN (g_object_ref (people_dropdown));
  substitute->members = GTK_DROP_DOWN (g_object_ref (members_dropdown));
  g_signal_connect_data (dialog, "response", G_CALLBACK (substitute_response_cb), substitute, substitute_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing and PDF */

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               SamMeetingsPage         *self)
{
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
    }
}

static void
print_document (SamMeetingsPage *self,
                SamMinutesKind   kind)
{
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected_uuid == NULL)
    return;
  if ((report = sam_minutes_build (self->store, self->selected_uuid, kind, &error)) == NULL)
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
      return;
    }

  operation = sam_gui_print_operation_new (report);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, _sam_meetings_page_get_window (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print"), error);
}

static void
print_agenda_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  print_document (SAM_MEETINGS_PAGE (widget), SAM_MINUTES_AGENDA);
}

static void
print_minutes_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  print_document (SAM_MEETINGS_PAGE (widget), SAM_MINUTES_MINUTES);
}

typedef struct
{
  SamMeetingsPage *self;
  SamMinutesKind   kind;
  char            *meeting_uuid;  /* NULL for the calendar */
} ExportData;

static void
export_data_free (ExportData *data)
{
  g_object_unref (data->self);
  g_free (data->meeting_uuid);
  g_free (data);
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    ExportData      *data)
{
  SamMeetingsPage *self = data->self;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  guint n_events = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  if (file != NULL && g_file_peek_path (file) != NULL)
    {
      /* A meeting's documents and a year's calendar are small: a few
       * milliseconds, written on the spot. */
      if (data->meeting_uuid == NULL)
        {
          if (sam_ics_export (self->store, self->group_uuid, self->year, g_file_peek_path (file), &n_events, &error))
            _sam_meetings_page_add_toast (self, g_strdup_printf (ngettext ("%u meeting exported", "%u meetings exported", n_events), n_events));
          else
            sam_gui_show_error (GTK_WIDGET (self), _("Could Not Export Calendar"), error);
        }
      else if (sam_minutes_export_pdf (self->store, data->meeting_uuid, data->kind, g_file_peek_path (file), &error))
        _sam_meetings_page_add_toast (self, g_strdup (data->kind == SAM_MINUTES_NOTICE ? _("Notice exported")
                                                      : data->kind == SAM_MINUTES_AGENDA ? _("Agenda exported")
                                                      : _("Minutes exported")));
      else
        sam_gui_show_error (GTK_WIDGET (self), _("Could Not Export PDF"), error);
    }

  export_data_free (data);
}

static void
choose_export_file (SamMeetingsPage *self,
                    const char      *title,
                    const char      *name,
                    const char      *filter_name,
                    const char      *mime_type,
                    ExportData      *data)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  native = gtk_file_chooser_native_new (title, _sam_meetings_page_get_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, filter_name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), data);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_document (SamMeetingsPage *self,
                 SamMinutesKind   kind)
{
  g_autoptr(SamMeeting) meeting = _sam_meetings_page_dup_selected (self);
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  ExportData *data;
  GDate date;

  if (meeting == NULL)
    return;

  day = sam_meeting_get_local_date (meeting, &date) ? sam_calendar_format_iso (&date) : g_strdup ("");
  /* Translators: file names; %s is the meeting's date, 2026-02-10 */
  if (kind == SAM_MINUTES_NOTICE)
    name = g_strdup_printf (_("notice-%s.pdf"), day);
  else
    name = g_strdup_printf (kind == SAM_MINUTES_AGENDA ? _("agenda-%s.pdf") : _("minutes-%s.pdf"), day);
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->kind = kind;
  data->meeting_uuid = g_strdup (sam_meeting_get_uuid (meeting));
  choose_export_file (self, kind == SAM_MINUTES_NOTICE ? _("Export Notice")
                            : kind == SAM_MINUTES_AGENDA ? _("Export Agenda") : _("Export Minutes"),
                      name, _("PDF Documents"), "application/pdf", data);
}

static void
export_notice_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  export_document (SAM_MEETINGS_PAGE (widget), SAM_MINUTES_NOTICE);
}

static void
export_agenda_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  export_document (SAM_MEETINGS_PAGE (widget), SAM_MINUTES_AGENDA);
}

static void
export_minutes_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  export_document (SAM_MEETINGS_PAGE (widget), SAM_MINUTES_MINUTES);
}

static void
export_ics_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  ExportData *data = g_new0 (ExportData, 1);
  /* Translators: the file name of an exported meeting calendar; %u is the year */
  g_autofree char *name = g_strdup_printf (_("meetings-%u.ics"), self->year);

  data->self = g_object_ref (self);
  choose_export_file (self, _("Export Calendar"), name, _("Calendars (.ics)"), "text/calendar", data);
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_widget_grab_focus (GTK_WIDGET (SAM_MEETINGS_PAGE (widget)->search_entry));
}

/**
 * _sam_meetings_page_update_actions:
 * @self: a page
 * @meeting: (nullable): the meeting shown beside the calendar
 *
 * Enables the commands that need a meeting when one is shown.
 */
void
_sam_meetings_page_update_actions (SamMeetingsPage *self,
                                   SamMeeting      *meeting)
{
  static const char *meeting_actions[] = {
    "meetings.edit-meeting", "meetings.delete-meeting", "meetings.print-agenda", "meetings.print-minutes",
    "meetings.export-notice", "meetings.export-agenda", "meetings.export-minutes", "meetings.add-item",
    "meetings.save-notes",
    "meetings.add-substitute",
  };

  for (guint i = 0; i < G_N_ELEMENTS (meeting_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), meeting_actions[i], meeting != NULL);
}

/**
 * _sam_meetings_page_install_actions:
 * @widget_class: the page's class
 *
 * Installs the page's actions and their keys.
 */
void
_sam_meetings_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_property_action (widget_class, "meetings.view", "view");
  gtk_widget_class_install_action (widget_class, "meetings.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "meetings.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "meetings.today", NULL, today_action);
  gtk_widget_class_install_action (widget_class, "meetings.show-meeting", "s", show_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.new-meeting", NULL, new_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit-meeting", NULL, edit_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.delete-meeting", NULL, delete_meeting_action);
  gtk_widget_class_install_action (widget_class, "meetings.plan-year", NULL, plan_year_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.edit-item", "s", edit_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.move-item", "(su)", move_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.remove-item", "s", remove_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-follow-up", "s", add_follow_up_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-substitute", NULL, add_substitute_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-notes", NULL, save_notes_action);
  gtk_widget_class_install_action (widget_class, "meetings.undo-notes", "(smsms)", undo_notes_action);
  gtk_widget_class_install_action (widget_class, "meetings.print-agenda", NULL, print_agenda_action);
  gtk_widget_class_install_action (widget_class, "meetings.print-minutes", NULL, print_minutes_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-notice", NULL, export_notice_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-agenda", NULL, export_agenda_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-minutes", NULL, export_minutes_action);
  gtk_widget_class_install_action (widget_class, "meetings.export-ics", NULL, export_ics_action);
  gtk_widget_class_install_action (widget_class, "meetings.search", NULL, search_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "meetings.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "meetings.new-meeting", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "meetings.print-minutes", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "meetings.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "meetings.next", NULL);
}

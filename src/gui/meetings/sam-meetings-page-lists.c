/* sam-meetings-page-lists.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-gui.h"
#include "sam-meeting-checks.h"
#include "sam-meetings-page-private.h"

/* The Meetings page's lists: the meetings of the list view, the warnings,
 * and beside the calendar the chosen meeting's agenda, the decisions due
 * for follow-up and the attendance. */

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

/* A list with nothing in it shows one row that says so. */
static GtkWidget *
message_row (GtkStringObject *message)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = g_markup_escape_text (gtk_string_object_get_string (message), -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);

  return row;
}

/* Binds @model to @list; an empty @model shows @empty in a row instead. */
static void
bind_list (GtkListBox                 *list,
           GListModel                 *model,
           const char                 *empty,
           GtkListBoxCreateWidgetFunc  create_row,
           SamMeetingsPage            *self)
{
  g_autoptr(GtkStringList) message = NULL;

  if (empty != NULL && (model == NULL || g_list_model_get_n_items (model) == 0))
    {
      const char *strings[] = { empty, NULL };

      message = gtk_string_list_new (strings);
      model = G_LIST_MODEL (message);
    }

  gtk_list_box_bind_model (list, model, create_row, self, NULL);
}

static void
release_item_cb (gpointer  data,
                 GClosure *closure)
{
  g_object_unref (data);
}

/* A meeting of the list view: its title, when, the groups and the status,
 * with a warning sign if a rule check names it. */
static GtkWidget *
create_meeting_row (gpointer item,
                    gpointer user_data)
{
  SamMeetingsPage *self = user_data;
  SamMeeting *meeting;
  GtkWidget *row;
  g_autofree char *when = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return message_row (item);

  meeting = SAM_MEETING (item);
  row = adw_action_row_new ();
  when = _sam_meetings_page_describe_when (meeting);
  groups = _sam_meetings_page_describe_groups (self, meeting, TRUE);
  title = g_markup_escape_text (sam_meeting_get_title (meeting), -1);

  /* Translators: a meeting in the list: when, the groups' codes, the status */
  subtitle = g_strdup_printf (_("%s · %s · %s"), when, groups,
                              sam_meeting_status_get_label (sam_meeting_get_status (meeting)));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meetings.show-meeting");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", sam_meeting_get_uuid (meeting));
  if (sam_meeting_get_status (meeting) == SAM_MEETING_STATUS_CANCELLED)
    gtk_widget_add_css_class (row, "dim-label");

  for (guint i = 0; i < self->warnings->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (self->warnings, i);

      if (g_strcmp0 (warning->meeting_uuid, sam_meeting_get_uuid (meeting)) == 0 ||
          g_strcmp0 (warning->other_meeting_uuid, sam_meeting_get_uuid (meeting)) == 0)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "warning");
          gtk_widget_set_tooltip_text (icon, warning->message);
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, warning->message, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
          break;
        }
    }

  return row;
}

/**
 * _sam_meetings_page_fill_meetings:
 * @self: a page
 * @year_meetings: the #SamMeeting list of the year shown
 *
 * Fills the list view with the year's meetings, or with every meeting
 * that matches the search.
 */
void
_sam_meetings_page_fill_meetings (SamMeetingsPage *self,
                                  GListModel      *year_meetings)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean searching = query != NULL && *query != '\0';

  g_clear_object (&self->list_meetings);

  if (searching)
    {
      g_autoptr(GListModel) found = sam_store_search_meeting_records (self->store, query, NULL);
      GListStore *list = g_list_store_new (SAM_TYPE_MEETING);

      /* The search covers every year, within the group filter. */
      for (guint i = 0; found != NULL && i < g_list_model_get_n_items (found); i++)
        {
          g_autoptr(SamMeeting) meeting = g_list_model_get_item (found, i);
          g_auto(GStrv) groups = NULL;

          if (self->group_uuid != NULL)
            {
              groups = sam_store_dup_meeting_groups (self->store, sam_meeting_get_uuid (meeting), NULL);
              if (groups == NULL || !g_strv_contains ((const char * const *) groups, self->group_uuid))
                continue;
            }
          g_list_store_append (list, meeting);
        }
      self->list_meetings = G_LIST_MODEL (list);
    }
  else
    self->list_meetings = g_object_ref (year_meetings);

  bind_list (self->meeting_list, self->list_meetings,
             searching ? _("No meetings match the search.") : _("No meetings in this year."),
             create_meeting_row, self);
}

/**
 * _sam_meetings_page_fill_warnings:
 * @self: a page
 *
 * Lists the warnings of the year and the group shown above the calendar.
 */
void
_sam_meetings_page_fill_warnings (SamMeetingsPage *self)
{
  g_autofree char *label = NULL;
  guint n = self->warnings->len;

  clear_list_box (self->warnings_list);
  for (guint i = 0; i < n; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (self->warnings, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      g_autofree char *title = g_markup_escape_text (warning->message, -1);

      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      if (warning->meeting_uuid != NULL)
        {
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meetings.show-meeting");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", warning->meeting_uuid);
        }
      gtk_list_box_append (self->warnings_list, row);
    }

  label = g_strdup_printf (ngettext ("%u warning in %u", "%u warnings in %u", n), n, self->year);
  gtk_expander_set_label (self->warnings_expander, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warnings_expander), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_revealer_set_reveal_child (self->warnings_revealer, n > 0);
}

/* The chosen meeting */

static GtkWidget *
icon_button (const char *icon_name,
             const char *label,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), target);

  return button;
}

/* The item dropped on a row takes that row's place. */
static gboolean
agenda_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                SamAgendaItem *onto)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  GtkWidget *page = gtk_widget_get_ancestor (row, SAM_TYPE_MEETINGS_PAGE);
  SamAgendaItem *item = g_value_get_object (value);
  g_autoptr(GError) error = NULL;

  if (page == NULL || item == NULL || g_strcmp0 (sam_agenda_item_get_uuid (item), sam_agenda_item_get_uuid (onto)) == 0)
    return FALSE;

  if (!sam_store_move_agenda_item (SAM_MEETINGS_PAGE (page)->store, item, sam_agenda_item_get_position (onto), &error))
    {
      sam_gui_show_error (page, _("Could Not Move Agenda Item"), error);
      return FALSE;
    }

  return TRUE;
}

/* An item's row: its place on the agenda, title, kind, presenter and
 * notes; its buttons and the row itself name the item by its UUID. */
static GtkWidget *
create_agenda_row (gpointer item,
                   gpointer user_data)
{
  SamMeetingsPage *self = user_data;
  SamAgendaItem *agenda_item;
  const char *uuid;
  GtkWidget *row;
  GtkDragSource *source;
  GtkDropTarget *target;
  g_autoptr(GdkContentProvider) content = NULL;
  g_autoptr(GString) subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *escaped = NULL;
  g_autofree char *escaped_subtitle = NULL;
  guint n_items;
  int position;

  if (GTK_IS_STRING_OBJECT (item))
    return message_row (item);

  agenda_item = SAM_AGENDA_ITEM (item);
  uuid = sam_agenda_item_get_uuid (agenda_item);
  position = sam_agenda_item_get_position (agenda_item);
  n_items = g_list_model_get_n_items (self->agenda);
  row = adw_action_row_new ();
  title = g_strdup_printf ("%d. %s", position, sam_agenda_item_get_title (agenda_item));
  escaped = g_markup_escape_text (title, -1);
  subtitle = g_string_new (sam_agenda_kind_get_label (sam_agenda_item_get_kind (agenda_item)));
  if (sam_agenda_item_get_presenter (agenda_item) != NULL)
    g_string_append_printf (subtitle, " · %s", sam_agenda_item_get_presenter (agenda_item));
  if (sam_agenda_item_get_notes (agenda_item) != NULL)
    g_string_append_printf (subtitle, "\n%s", sam_agenda_item_get_notes (agenda_item));
  escaped_subtitle = g_markup_escape_text (subtitle->str, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("list-drag-handle-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meetings.edit-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uuid);

  if (position > 1)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("go-up-symbolic", _("Move Up"), "meetings.move-item",
                                            g_variant_new ("(su)", uuid, (guint) position - 1)));
  if ((guint) position < n_items)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("go-down-symbolic", _("Move Down"), "meetings.move-item",
                                            g_variant_new ("(su)", uuid, (guint) position + 1)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove Item"), "meetings.remove-item",
                                          g_variant_new_string (uuid)));

  source = gtk_drag_source_new ();
  content = gdk_content_provider_new_typed (SAM_TYPE_AGENDA_ITEM, agenda_item);
  gtk_drag_source_set_content (source, content);
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  target = gtk_drop_target_new (SAM_TYPE_AGENDA_ITEM, GDK_ACTION_MOVE);
  g_signal_connect_data (target, "drop", G_CALLBACK (agenda_drop_cb),
                         g_object_ref (agenda_item), release_item_cb, 0);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

/**
 * _sam_meetings_page_fill_agenda:
 * @self: a page
 * @meeting: the meeting shown
 *
 * Lists @meeting's agenda, in order.
 */
void
_sam_meetings_page_fill_agenda (SamMeetingsPage *self,
                                SamMeeting      *meeting)
{
  g_clear_object (&self->agenda);
  self->agenda = sam_store_list_agenda (self->store, sam_meeting_get_uuid (meeting), NULL);
  bind_list (self->agenda_list, self->agenda, _("The agenda is empty."), create_agenda_row, self);
}

/* A decision due for follow-up, and a button that puts it on the agenda. */
static GtkWidget *
create_follow_up_row (gpointer item,
                      gpointer user_data)
{
  SamMeetingsPage *self = user_data;
  SamDecision *decision = SAM_DECISION (item);
  g_autoptr(SamGroup) group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, sam_decision_get_group_uuid (decision), NULL);
  g_autofree char *number = sam_decision_format_number (decision, group != NULL ? sam_group_get_code (group) : NULL);
  g_autofree char *title = g_strdup_printf ("%s %s", number != NULL ? number : "", sam_decision_get_title (decision));
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  /* Translators: when a decision is to be followed up, “Återrapportering senast 2026-03-31” */
  g_autofree char *subtitle = g_strdup_printf (_("Follow-up due %s"), sam_decision_get_follow_up (decision));
  g_autofree char *button_label = g_strdup_printf (_("Add follow-up of %s to the agenda"), title);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("Add to _Agenda"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, button_label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.add-follow-up");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sam_decision_get_uuid (decision));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

/**
 * _sam_meetings_page_fill_follow_ups:
 * @self: a page
 * @meeting: the meeting shown
 *
 * Lists the decisions due for follow-up at @meeting.
 */
void
_sam_meetings_page_fill_follow_ups (SamMeetingsPage *self,
                                    SamMeeting      *meeting)
{
  g_autoptr(GListModel) due = sam_store_list_due_follow_ups (self->store, sam_meeting_get_uuid (meeting), NULL);

  bind_list (self->follow_up_list, due, NULL, create_follow_up_row, self);
  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_group), due != NULL && g_list_model_get_n_items (due) > 0);
}

/* The drop-down of a line of the attendance records what it says for the
 * person of that line. */
static void
attendance_selected_cb (GtkDropDown   *dropdown,
                        GParamSpec    *pspec,
                        SamAttendance *line)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (dropdown), SAM_TYPE_MEETINGS_PAGE);
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (page);
  g_autoptr(GError) error = NULL;
  int status = (int) gtk_drop_down_get_selected (dropdown) - 1;

  /* Only a choice that differs from what the register holds is written:
   * setting the drop-down while the list is filled must write nothing. */
  if (self == NULL || self->filling || self->selected_uuid == NULL || status == sam_attendance_get_status (line))
    return;

  if (!sam_store_set_attendance (self->store, self->selected_uuid, sam_attendance_get_person_uuid (line), status,
                                 sam_attendance_get_substitute_for_uuid (line), &error))
    sam_gui_show_error (page, _("Could Not Record Attendance"), error);
}

/* A person expected at the meeting, or who came, with what was recorded. */
static GtkWidget *
create_attendance_row (gpointer item,
                       gpointer user_data)
{
  SamAttendance *line;
  const char *statuses[] = {
    _("Not recorded"),
    sam_attendance_status_get_label (SAM_ATTENDANCE_STATUS_PRESENT),
    sam_attendance_status_get_label (SAM_ATTENDANCE_STATUS_ABSENT),
    sam_attendance_status_get_label (SAM_ATTENDANCE_STATUS_SUBSTITUTE),
    NULL
  };
  GtkWidget *row;
  GtkWidget *dropdown;
  g_autofree char *label = NULL;
  g_autofree char *name = NULL;
  g_autoptr(GString) subtitle = NULL;

  if (GTK_IS_STRING_OBJECT (item))
    return message_row (item);

  line = SAM_ATTENDANCE (item);
  row = adw_action_row_new ();
  dropdown = gtk_drop_down_new_from_strings (statuses);
  label = g_strdup_printf (_("Attendance of %s"), sam_attendance_get_person_name (line));
  name = g_markup_escape_text (sam_attendance_get_person_name (line), -1);
  subtitle = g_string_new (NULL);
  if (sam_attendance_get_organisation_name (line) != NULL)
    g_string_append (subtitle, sam_attendance_get_organisation_name (line));
  if (sam_attendance_get_substitute_for_name (line) != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle, _("substitute for %s"), sam_attendance_get_substitute_for_name (line));
    }
  if (subtitle->len > 0)
    {
      g_autofree char *escaped = g_markup_escape_text (subtitle->str, -1);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), sam_attendance_get_status (line) + 1);
  _sam_meetings_page_name_drop_down (dropdown, label);
  g_signal_connect_data (dropdown, "notify::selected", G_CALLBACK (attendance_selected_cb),
                         g_object_ref (line), release_item_cb, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);

  return row;
}

/**
 * _sam_meetings_page_fill_attendance:
 * @self: a page
 * @meeting: the meeting shown
 *
 * Lists who is expected at @meeting and who came.
 */
void
_sam_meetings_page_fill_attendance (SamMeetingsPage *self,
                                    SamMeeting      *meeting)
{
  g_autoptr(GListModel) list = sam_store_list_attendance (self->store, sam_meeting_get_uuid (meeting), NULL);

  bind_list (self->attendance_list, list, _("The meeting’s groups have no members on its day."),
             create_attendance_row, self);
}

/**
 * _sam_meetings_page_fill_detail_warnings:
 * @self: a page
 * @meeting: the meeting shown
 *
 * Lists the warnings about @meeting.
 */
void
_sam_meetings_page_fill_detail_warnings (SamMeetingsPage *self,
                                         SamMeeting      *meeting)
{
  g_autoptr(GPtrArray) all = NULL;
  guint shown = 0;

  clear_list_box (self->detail_warnings);
  /* The page's warnings cover its filter and year; the meeting's own year
   * and every group matter here. */
  all = sam_meeting_checks_run (self->store, NULL, sam_meeting_get_local_year (meeting), NULL);
  for (guint i = 0; all != NULL && i < all->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (all, i);
      GtkWidget *row;
      GtkWidget *icon;
      g_autofree char *title = NULL;

      if (g_strcmp0 (warning->meeting_uuid, sam_meeting_get_uuid (meeting)) != 0 &&
          g_strcmp0 (warning->other_meeting_uuid, sam_meeting_get_uuid (meeting)) != 0)
        continue;

      row = adw_action_row_new ();
      icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      title = g_markup_escape_text (warning->message, -1);
      gtk_widget_add_css_class (icon, "warning");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_append (self->detail_warnings, row);
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->detail_warnings), shown > 0);
}

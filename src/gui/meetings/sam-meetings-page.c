/* sam-meetings-page.c
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
#include "sam-ics.h"
#include "sam-meeting-checks.h"
#include "sam-meeting-editor.h"
#include "sam-gui.h"
#include "sam-meetings-page.h"
#include "sam-minutes.h"
#include "sam-month-view.h"
#include "sam-plan-year-dialog.h"
#include "sam-store-meetings.h"
#include "sam-year-plan.h"
#include "sam-year-view.h"

/*
 * The Meetings page: the year, a month or a list of one group's meetings
 * (or everyone's), with the rule checks as warnings above; beside it the
 * chosen meeting with its agenda, the decisions due for follow-up, the
 * attendance and the notes. The coordinator plans the year here and the
 * chair prints the agenda and the minutes. All reading and writing goes
 * through the store; the page redraws when the store says it changed.
 */

struct _SamMeetingsPage
{
  AdwBin           parent_instance;

  SamStore        *store;
  char            *view;           /* "year", "month" or "list" */
  guint            year;
  GDateMonth       month;
  char            *group_uuid;     /* the filter, or NULL for every group */
  char            *selected_uuid;
  char            *notes_uuid;     /* the meeting whose notes the text view holds */
  GPtrArray       *group_uuids;    /* parallel to the group drop-down; [0] is NULL */
  GPtrArray       *warnings;       /* SamMeetingWarning */
  GListModel      *agenda;         /* the chosen meeting's SamAgendaItem list */
  GListModel      *list_meetings;  /* what the list view shows */
  guint            refresh_id;
  gboolean         filling;

  GtkDropDown     *group_dropdown;
  GtkLabel        *period_label;
  GtkSearchEntry  *search_entry;
  GtkRevealer     *warnings_revealer;
  GtkExpander     *warnings_expander;
  GtkListBox      *warnings_list;
  GtkStack        *view_stack;
  SamYearView     *year_view;
  SamMonthView    *month_view;
  GtkListBox      *meeting_list;
  GtkStack        *detail_stack;
  GtkLabel        *detail_title;
  GtkLabel        *detail_when;
  GtkLabel        *detail_groups;
  GtkLabel        *detail_place;
  GtkLabel        *detail_status;
  GtkListBox      *detail_warnings;
  GtkListBox      *agenda_list;
  AdwPreferencesGroup *follow_up_group;
  GtkListBox      *follow_up_list;
  GtkListBox      *attendance_list;
  GtkTextView     *notes_view;
};

G_DEFINE_FINAL_TYPE (SamMeetingsPage, sam_meetings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh        (SamMeetingsPage *self);
static void refresh_detail (SamMeetingsPage *self);

static void
clear_list_box (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
add_toast (SamMeetingsPage *self,
           char            *text)
{
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
  g_free (text);
}

/* GTK 4.8 names a drop-down's button after its class for screen readers:
 * give the button the drop-down's name. */
static void
name_drop_down (GtkWidget  *dropdown,
                const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static GtkWindow *
parent_window (SamMeetingsPage *self)
{
  return sam_gui_get_parent_window (GTK_WIDGET (self));
}

static SamMeeting *
dup_selected (SamMeetingsPage *self)
{
  if (self->selected_uuid == NULL || self->store == NULL)
    return NULL;

  return sam_store_dup_by_uuid (self->store, SAM_TYPE_MEETING, self->selected_uuid, NULL);
}

static char *
describe_when (SamMeeting *meeting)
{
  g_autofree char *time = sam_minutes_format_time (meeting);
  g_autofree char *day = NULL;
  g_autofree char *week = NULL;
  GDate date;

  if (!sam_meeting_get_local_date (meeting, &date))
    return g_strdup ("");

  day = sam_calendar_format_long (&date);
  week = sam_calendar_format_week (sam_calendar_iso_week (&date, NULL));
  /* Translators: when a meeting is: weekday, date, time, week: “tisdag 10 februari 2026, 13:00–15:00, v. 7” */
  return g_strdup_printf (_("%s %s, %s, %s"), sam_calendar_weekday_name (g_date_get_weekday (&date)), day, time, week);
}

static char *
describe_groups (SamMeetingsPage *self,
                 SamMeeting      *meeting,
                 gboolean         codes)
{
  g_auto(GStrv) groups = sam_store_dup_meeting_groups (self->store, sam_meeting_get_uuid (meeting), NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; groups != NULL && groups[i] != NULL; i++)
    {
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, groups[i], NULL);
      const char *name;

      if (group == NULL)
        continue;
      name = codes && sam_group_get_code (group) != NULL ? sam_group_get_code (group) : sam_group_get_name (group);
      g_string_append_printf (text, "%s%s", text->len > 0 ? (codes ? ", " : "\n") : "", name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Period and filter */

static gboolean
in_period (SamMeetingsPage *self,
           SamMeeting      *meeting,
           gboolean         month_only)
{
  GDate date;

  if (!sam_meeting_get_local_date (meeting, &date) || g_date_get_year (&date) != self->year)
    return FALSE;

  return !month_only || g_date_get_month (&date) == self->month;
}

static GListModel *
meetings_in_period (SamMeetingsPage *self,
                    GListModel      *all,
                    gboolean         month_only)
{
  GListStore *list = g_list_store_new (SAM_TYPE_MEETING);

  for (guint i = 0; all != NULL && i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (all, i);

      if (in_period (self, meeting, month_only))
        g_list_store_append (list, meeting);
    }

  return G_LIST_MODEL (list);
}

static void
update_period_label (SamMeetingsPage *self)
{
  g_autofree char *text = NULL;

  if (g_strcmp0 (self->view, "month") == 0)
    text = sam_calendar_format_month (self->year, self->month);
  else
    text = g_strdup_printf ("%u", self->year);
  gtk_label_set_text (self->period_label, text);
}

static GtkWidget *
meeting_row (SamMeetingsPage *self,
             SamMeeting      *meeting)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *when = describe_when (meeting);
  g_autofree char *groups = describe_groups (self, meeting, TRUE);
  g_autofree char *subtitle = NULL;
  g_autofree char *title = g_markup_escape_text (sam_meeting_get_title (meeting), -1);

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

static void
fill_list (SamMeetingsPage *self,
           GListModel      *year_meetings)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  clear_list_box (self->meeting_list);
  g_clear_object (&self->list_meetings);

  if (query != NULL && *query != '\0')
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

  for (guint i = 0; i < g_list_model_get_n_items (self->list_meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (self->list_meetings, i);

      gtk_list_box_append (self->meeting_list, meeting_row (self, meeting));
    }

  if (g_list_model_get_n_items (self->list_meetings) == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     query != NULL && *query != '\0' ? _("No meetings match the search.")
                                                                     : _("No meetings in this year."));
      gtk_list_box_append (self->meeting_list, row);
    }
}

static void
fill_warnings (SamMeetingsPage *self)
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

static void
refresh (SamMeetingsPage *self)
{
  g_autoptr(GListModel) all = NULL;
  g_autoptr(GListModel) year_meetings = NULL;
  g_autoptr(GListModel) month_meetings = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GHashTable) short_names = NULL;

  if (self->store == NULL)
    return;

  if (self->group_uuid != NULL)
    all = sam_store_list_group_meetings (self->store, self->group_uuid, NULL);
  else
    all = sam_store_list_meetings (self->store, NULL);

  year_meetings = meetings_in_period (self, all, FALSE);
  month_meetings = meetings_in_period (self, all, TRUE);

  warnings = sam_meeting_checks_run (self->store, self->group_uuid, self->year, NULL);
  g_ptr_array_unref (self->warnings);
  self->warnings = warnings != NULL ? g_steal_pointer (&warnings)
                                    : g_ptr_array_new_with_free_func ((GDestroyNotify) sam_meeting_warning_free);

  update_period_label (self);
  sam_year_view_set_meetings (self->year_view, self->year, year_meetings,
                              SAM_YEAR_PLAN_FIRST_SUMMER_WEEK, SAM_YEAR_PLAN_LAST_SUMMER_WEEK);
  short_names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < g_list_model_get_n_items (month_meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (month_meetings, i);
      char *codes = describe_groups (self, meeting, TRUE);

      g_hash_table_insert (short_names, g_strdup (sam_meeting_get_uuid (meeting)), codes);
    }
  sam_month_view_set_meetings (self->month_view, self->year, self->month, month_meetings, short_names,
                               SAM_YEAR_PLAN_FIRST_SUMMER_WEEK, SAM_YEAR_PLAN_LAST_SUMMER_WEEK);
  fill_list (self, year_meetings);
  fill_warnings (self);
  refresh_detail (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SamMeetingsPage *self = data;

  self->refresh_id = 0;
  refresh (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (a planned year is several meetings) redraw once. */
static void
store_changed_cb (SamMeetingsPage *self,
                  guint            table,
                  SamStore        *store)
{
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
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

static GdkContentProvider *
agenda_drag_prepare_cb (GtkDragSource *source,
                        double         x,
                        double         y,
                        GtkWidget     *row)
{
  return gdk_content_provider_new_typed (G_TYPE_UINT, (guint) gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)));
}

static gboolean
agenda_drop_cb (GtkDropTarget   *target,
                const GValue    *value,
                double           x,
                double           y,
                SamMeetingsPage *self)
{
  GtkWidget *row = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  guint from = g_value_get_uint (value);
  guint to = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(GError) error = NULL;

  if (self->agenda == NULL || from >= g_list_model_get_n_items (self->agenda) || from == to)
    return FALSE;

  item = g_list_model_get_item (self->agenda, from);
  if (!sam_store_move_agenda_item (self->store, item, to + 1, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Move Agenda Item"), error);
      return FALSE;
    }

  return TRUE;
}

static GtkWidget *
agenda_row (SamMeetingsPage *self,
            SamAgendaItem   *item,
            guint            index,
            guint            n_items)
{
  GtkWidget *row = adw_action_row_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_UINT, GDK_ACTION_MOVE);
  g_autofree char *title = g_strdup_printf ("%u. %s", index + 1, sam_agenda_item_get_title (item));
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autoptr(GString) subtitle = g_string_new (sam_agenda_kind_get_label (sam_agenda_item_get_kind (item)));
  g_autofree char *escaped_subtitle = NULL;
  GtkWidget *handle = gtk_image_new_from_icon_name ("list-drag-handle-symbolic");

  if (sam_agenda_item_get_presenter (item) != NULL)
    g_string_append_printf (subtitle, " · %s", sam_agenda_item_get_presenter (item));
  if (sam_agenda_item_get_notes (item) != NULL)
    g_string_append_printf (subtitle, "\n%s", sam_agenda_item_get_notes (item));
  escaped_subtitle = g_markup_escape_text (subtitle->str, -1);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), escaped_subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 4);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), handle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "meetings.edit-item");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "u", index);

  if (index > 0)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("go-up-symbolic", _("Move Up"), "meetings.move-item",
                                            g_variant_new ("(uu)", index, index)));
  if (index + 1 < n_items)
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("go-down-symbolic", _("Move Down"), "meetings.move-item",
                                            g_variant_new ("(uu)", index, index + 2)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             icon_button ("user-trash-symbolic", _("Remove Item"), "meetings.remove-item",
                                          g_variant_new_uint32 (index)));

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (agenda_drag_prepare_cb), row);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (agenda_drop_cb), self);
  gtk_widget_add_controller (row, GTK_EVENT_CONTROLLER (target));

  return row;
}

static void
fill_agenda (SamMeetingsPage *self,
             SamMeeting      *meeting)
{
  guint n;

  clear_list_box (self->agenda_list);
  g_clear_object (&self->agenda);
  self->agenda = sam_store_list_agenda (self->store, sam_meeting_get_uuid (meeting), NULL);
  n = self->agenda != NULL ? g_list_model_get_n_items (self->agenda) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamAgendaItem) item = g_list_model_get_item (self->agenda, i);

      gtk_list_box_append (self->agenda_list, agenda_row (self, item, i, n));
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The agenda is empty."));
      gtk_list_box_append (self->agenda_list, row);
    }
}

static void
fill_follow_ups (SamMeetingsPage *self,
                 SamMeeting      *meeting)
{
  g_autoptr(GListModel) due = sam_store_list_due_follow_ups (self->store, sam_meeting_get_uuid (meeting), NULL);
  guint n = due != NULL ? g_list_model_get_n_items (due) : 0;

  clear_list_box (self->follow_up_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (due, i);
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, sam_decision_get_group_uuid (decision), NULL);
      g_autofree char *number = sam_decision_format_number (decision, group != NULL ? sam_group_get_code (group) : NULL);
      g_autofree char *title = g_strdup_printf ("%s %s", number != NULL ? number : "", sam_decision_get_title (decision));
      g_autofree char *escaped = g_markup_escape_text (title, -1);
      /* Translators: when a decision is to be followed up, “Återrapportering senast 2026-03-31” */
      g_autofree char *subtitle = g_strdup_printf (_("Follow-up due %s"), sam_decision_get_follow_up (decision));
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_with_mnemonic (_("Add to _Agenda"));
      g_autofree char *button_label = g_strdup_printf (_("Add follow-up of %s to the agenda"), title);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, button_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "meetings.add-follow-up");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", sam_decision_get_uuid (decision));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->follow_up_list, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->follow_up_group), n > 0);
}

static void
attendance_selected_cb (GtkDropDown     *dropdown,
                        GParamSpec      *pspec,
                        SamMeetingsPage *self)
{
  const char *person = g_object_get_data (G_OBJECT (dropdown), "person-uuid");
  const char *substitute_for = g_object_get_data (G_OBJECT (dropdown), "substitute-for");
  g_autoptr(GError) error = NULL;
  int status = (int) gtk_drop_down_get_selected (dropdown) - 1;

  if (self->filling || self->selected_uuid == NULL)
    return;

  if (!sam_store_set_attendance (self->store, self->selected_uuid, person, status, substitute_for, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Record Attendance"), error);
}

static void
fill_attendance (SamMeetingsPage *self,
                 SamMeeting      *meeting)
{
  g_autoptr(GListModel) list = sam_store_list_attendance (self->store, sam_meeting_get_uuid (meeting), NULL);
  guint n = list != NULL ? g_list_model_get_n_items (list) : 0;

  clear_list_box (self->attendance_list);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamAttendance) line = g_list_model_get_item (list, i);
      const char *statuses[] = {
        _("Not recorded"),
        sam_attendance_status_get_label (SAM_ATTENDANCE_STATUS_PRESENT),
        sam_attendance_status_get_label (SAM_ATTENDANCE_STATUS_ABSENT),
        sam_attendance_status_get_label (SAM_ATTENDANCE_STATUS_SUBSTITUTE),
        NULL
      };
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *dropdown = gtk_drop_down_new_from_strings (statuses);
      g_autofree char *label = g_strdup_printf (_("Attendance of %s"), sam_attendance_get_person_name (line));
      g_autofree char *name = g_markup_escape_text (sam_attendance_get_person_name (line), -1);
      g_autoptr(GString) subtitle = g_string_new (NULL);

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
      name_drop_down (dropdown, label);
      g_object_set_data_full (G_OBJECT (dropdown), "person-uuid", g_strdup (sam_attendance_get_person_uuid (line)), g_free);
      g_object_set_data_full (G_OBJECT (dropdown), "substitute-for",
                              g_strdup (sam_attendance_get_substitute_for_uuid (line)), g_free);
      g_signal_connect (dropdown, "notify::selected", G_CALLBACK (attendance_selected_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
      gtk_list_box_append (self->attendance_list, row);
    }

  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("The meeting’s groups have no members on its day."));
      gtk_list_box_append (self->attendance_list, row);
    }
}

static void
fill_detail_warnings (SamMeetingsPage *self,
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

static void
refresh_detail (SamMeetingsPage *self)
{
  g_autoptr(SamMeeting) meeting = dup_selected (self);
  g_autofree char *when = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) place = g_string_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  gboolean has_meeting = meeting != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.edit-meeting", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.delete-meeting", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.print-agenda", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.print-minutes", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.export-agenda", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.export-minutes", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.add-item", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.save-notes", has_meeting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "meetings.add-substitute", has_meeting);

  if (!has_meeting)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      g_clear_object (&self->agenda);
      return;
    }

  self->filling = TRUE;
  when = describe_when (meeting);
  groups = describe_groups (self, meeting, FALSE);
  /* Translators: a meeting's kind and status, “Ordinarie möte · Planerat” */
  status = g_strdup_printf (_("%s · %s"), sam_meeting_kind_get_label (sam_meeting_get_kind (meeting)),
                            sam_meeting_status_get_label (sam_meeting_get_status (meeting)));
  if (sam_meeting_get_place (meeting) != NULL)
    g_string_append (place, sam_meeting_get_place (meeting));
  if (sam_meeting_get_link (meeting) != NULL)
    g_string_append_printf (place, "%s%s", place->len > 0 ? "\n" : "", sam_meeting_get_link (meeting));

  gtk_label_set_text (self->detail_title, sam_meeting_get_title (meeting));
  gtk_label_set_text (self->detail_when, when);
  gtk_label_set_text (self->detail_groups, groups);
  gtk_label_set_text (self->detail_place, place->str);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_place), place->len > 0);
  gtk_label_set_text (self->detail_status, status);

  fill_detail_warnings (self, meeting);
  fill_agenda (self, meeting);
  fill_follow_ups (self, meeting);
  fill_attendance (self, meeting);

  /* Keep what the user is typing when something else changes. */
  if (g_strcmp0 (self->notes_uuid, self->selected_uuid) != 0 || !gtk_text_buffer_get_modified (buffer))
    {
      gtk_text_buffer_set_text (buffer, sam_meeting_get_notes (meeting) != NULL ? sam_meeting_get_notes (meeting) : "", -1);
      gtk_text_buffer_set_modified (buffer, FALSE);
      g_free (self->notes_uuid);
      self->notes_uuid = g_strdup (self->selected_uuid);
    }

  gtk_stack_set_visible_child_name (self->detail_stack, "meeting");
  self->filling = FALSE;
}

/* Callbacks */

static void
group_selected_cb (SamMeetingsPage *self)
{
  guint i = gtk_drop_down_get_selected (self->group_dropdown);

  if (self->filling)
    return;

  g_free (self->group_uuid);
  self->group_uuid = i < self->group_uuids->len ? g_strdup (g_ptr_array_index (self->group_uuids, i)) : NULL;
  refresh (self);
}

static void
search_changed_cb (SamMeetingsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (query != NULL && *query != '\0' && g_strcmp0 (self->view, "list") != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.view", "s", "list");
  refresh (self);
}

static void
view_meeting_activated_cb (SamMeetingsPage *self,
                           const char      *uuid)
{
  sam_meetings_page_select_meeting (self, uuid);
}

static void
editor_saved_cb (SamMeetingsPage *self,
                 const char      *uuid)
{
  sam_meetings_page_select_meeting (self, uuid);
}

static void
open_editor (SamMeetingsPage *self,
             SamMeeting      *meeting,
             const char      *day)
{
  SamMeetingEditor *editor = sam_meeting_editor_new (parent_window (self), self->store, meeting, day, self->group_uuid);

  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
view_day_activated_cb (SamMeetingsPage *self,
                       const char      *day)
{
  open_editor (self, NULL, day);
}

static void
fill_groups (SamMeetingsPage *self)
{
  g_autoptr(GListModel) groups = sam_store_list_groups (self->store, NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  self->filling = TRUE;
  g_ptr_array_set_size (self->group_uuids, 0);
  gtk_string_list_append (names, _("All groups"));
  g_ptr_array_add (self->group_uuids, NULL);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      gtk_string_list_append (names, sam_group_get_name (group));
      g_ptr_array_add (self->group_uuids, g_strdup (sam_group_get_uuid (group)));
    }
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_expression (self->group_dropdown,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  g_clear_pointer (&self->group_uuid, g_free);
  self->filling = FALSE;
}

/* Actions */

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

  refresh (self);
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
  refresh (self);
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
  open_editor (SAM_MEETINGS_PAGE (widget), NULL, NULL);
}

static void
edit_meeting_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = dup_selected (self);

  if (meeting != NULL)
    open_editor (self, meeting, NULL);
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
  refresh (self);
  add_toast (self, g_strdup_printf (ngettext ("%u meeting planned in %d", "%u meetings planned in %d", n_added),
                                    n_added, year));
}

static void
plan_year_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  SamPlanYearDialog *dialog = sam_plan_year_dialog_new (parent_window (self), self->store, self->group_uuid, self->year);

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

  if (g_strcmp0 (response, "delete") != 0 || (meeting = dup_selected (self)) == NULL)
    return;

  if (!sam_store_delete (self->store, meeting, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Delete Meeting"), error);
      return;
    }
  g_clear_pointer (&self->selected_uuid, g_free);
  refresh_detail (self);
}

static void
delete_meeting_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = dup_selected (self);
  GtkWidget *dialog;

  if (meeting == NULL)
    return;

  dialog = adw_message_dialog_new (parent_window (self), _("Delete Meeting?"), NULL);
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
    add_toast (self, g_strdup (_("A decision draft was opened in the register")));
}

static void
open_item_editor (SamMeetingsPage *self,
                  SamAgendaItem   *item)
{
  SamAgendaItemEditor *editor = sam_agenda_item_editor_new (parent_window (self), self->store, self->selected_uuid, item);

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

static SamAgendaItem *
agenda_item_at (SamMeetingsPage *self,
                guint            index)
{
  if (self->agenda == NULL || index >= g_list_model_get_n_items (self->agenda))
    return NULL;

  return g_list_model_get_item (self->agenda, index);
}

static void
edit_item_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamAgendaItem) item = agenda_item_at (self, g_variant_get_uint32 (parameter));

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
  guint index, position;

  g_variant_get (parameter, "(uu)", &index, &position);
  if ((item = agenda_item_at (self, index)) == NULL)
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
  g_autoptr(SamAgendaItem) item = agenda_item_at (self, g_variant_get_uint32 (parameter));
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

static void
save_notes_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(SamMeeting) meeting = dup_selected (self);
  g_auto(GStrv) groups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  if (meeting == NULL || g_strcmp0 (self->notes_uuid, self->selected_uuid) != 0)
    return;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (meeting, "notes", notes, NULL);
  groups = sam_store_dup_meeting_groups (self->store, sam_meeting_get_uuid (meeting), &error);
  gtk_text_buffer_set_modified (buffer, FALSE);
  if (groups == NULL || !sam_store_save_meeting (self->store, meeting, (const char * const *) groups, &error))
    {
      gtk_text_buffer_set_modified (buffer, TRUE);
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save Notes"), error);
      return;
    }

  add_toast (self, g_strdup (_("Notes saved")));
}

static void
substitute_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        SamMeetingsPage  *self)
{
  GtkDropDown *people = g_object_get_data (G_OBJECT (dialog), "people");
  GtkDropDown *members = g_object_get_data (G_OBJECT (dialog), "members");
  GPtrArray *people_uuids = g_object_get_data (G_OBJECT (dialog), "people-uuids");
  GPtrArray *member_uuids = g_object_get_data (G_OBJECT (dialog), "member-uuids");
  guint person = gtk_drop_down_get_selected (people);
  guint member = gtk_drop_down_get_selected (members);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->selected_uuid == NULL || person >= people_uuids->len)
    return;

  if (!sam_store_set_attendance (self->store, self->selected_uuid, g_ptr_array_index (people_uuids, person),
                                 SAM_ATTENDANCE_STATUS_SUBSTITUTE,
                                 member < member_uuids->len ? g_ptr_array_index (member_uuids, member) : NULL,
                                 &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Record Attendance"), error);
}

/* A substitute: anyone in the register, standing in for a member. */
static void
add_substitute_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  g_autoptr(GListModel) people = sam_store_list_people (self->store, NULL);
  g_autoptr(GListModel) attendance = NULL;
  GtkStringList *people_names = gtk_string_list_new (NULL);
  GtkStringList *member_names = gtk_string_list_new (NULL);
  GPtrArray *people_uuids = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *member_uuids = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *people_label = gtk_label_new_with_mnemonic (_("_Substitute"));
  GtkWidget *members_label = gtk_label_new_with_mnemonic (_("Stands in _for"));
  GtkWidget *people_dropdown;
  GtkWidget *members_dropdown;
  GtkWidget *dialog;

  if (self->selected_uuid == NULL)
    return;

  attendance = sam_store_list_attendance (self->store, self->selected_uuid, NULL);
  for (guint i = 0; people != NULL && i < g_list_model_get_n_items (people); i++)
    {
      g_autoptr(SamPerson) person = g_list_model_get_item (people, i);

      gtk_string_list_append (people_names, sam_person_get_name (person));
      g_ptr_array_add (people_uuids, g_strdup (sam_person_get_uuid (person)));
    }
  gtk_string_list_append (member_names, _("Nobody in particular"));
  g_ptr_array_add (member_uuids, NULL);
  for (guint i = 0; attendance != NULL && i < g_list_model_get_n_items (attendance); i++)
    {
      g_autoptr(SamAttendance) line = g_list_model_get_item (attendance, i);

      if (!sam_attendance_is_member (line))
        continue;
      gtk_string_list_append (member_names, sam_attendance_get_person_name (line));
      g_ptr_array_add (member_uuids, g_strdup (sam_attendance_get_person_uuid (line)));
    }

  people_dropdown = gtk_drop_down_new (G_LIST_MODEL (people_names),
                                       gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (people_dropdown), TRUE);
  members_dropdown = gtk_drop_down_new (G_LIST_MODEL (member_names), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (people_label), people_dropdown);
  gtk_label_set_mnemonic_widget (GTK_LABEL (members_label), members_dropdown);
  gtk_label_set_xalign (GTK_LABEL (people_label), 0.0);
  gtk_label_set_xalign (GTK_LABEL (members_label), 0.0);
  name_drop_down (people_dropdown, gtk_label_get_text (GTK_LABEL (people_label)));
  name_drop_down (members_dropdown, gtk_label_get_text (GTK_LABEL (members_label)));
  gtk_box_append (GTK_BOX (box), people_label);
  gtk_box_append (GTK_BOX (box), people_dropdown);
  gtk_box_append (GTK_BOX (box), members_label);
  gtk_box_append (GTK_BOX (box), members_dropdown);

  dialog = adw_message_dialog_new (parent_window (self), _("Add Substitute"), _("Record someone who came in a member’s place."));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "people", people_dropdown);
  g_object_set_data (G_OBJECT (dialog), "members", members_dropdown);
  g_object_set_data_full (G_OBJECT (dialog), "people-uuids", people_uuids, (GDestroyNotify) g_ptr_array_unref);
  g_object_set_data_full (G_OBJECT (dialog), "member-uuids", member_uuids, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (substitute_response_cb), self, 0);
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
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, parent_window (self), &error) ==
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
            add_toast (self, g_strdup_printf (ngettext ("%u meeting exported", "%u meetings exported", n_events), n_events));
          else
            sam_gui_show_error (GTK_WIDGET (self), _("Could Not Export Calendar"), error);
        }
      else if (sam_minutes_export_pdf (self->store, data->meeting_uuid, data->kind, g_file_peek_path (file), &error))
        add_toast (self, g_strdup (data->kind == SAM_MINUTES_AGENDA ? _("Agenda exported") : _("Minutes exported")));
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

  native = gtk_file_chooser_native_new (title, parent_window (self), GTK_FILE_CHOOSER_ACTION_SAVE,
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
  g_autoptr(SamMeeting) meeting = dup_selected (self);
  g_autofree char *name = NULL;
  g_autofree char *day = NULL;
  ExportData *data;
  GDate date;

  if (meeting == NULL)
    return;

  day = sam_meeting_get_local_date (meeting, &date) ? sam_calendar_format_iso (&date) : g_strdup ("");
  /* Translators: file names; %s is the meeting's date, 2026-02-10 */
  name = g_strdup_printf (kind == SAM_MINUTES_AGENDA ? _("agenda-%s.pdf") : _("minutes-%s.pdf"), day);
  data = g_new0 (ExportData, 1);
  data->self = g_object_ref (self);
  data->kind = kind;
  data->meeting_uuid = g_strdup (sam_meeting_get_uuid (meeting));
  choose_export_file (self, kind == SAM_MINUTES_AGENDA ? _("Export Agenda") : _("Export Minutes"),
                      name, _("PDF Documents"), "application/pdf", data);
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

/* Object */

static void
set_store (SamMeetingsPage *self,
           SamStore        *store)
{
  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_func (self->store, store_changed_cb, self);
  g_set_object (&self->store, store);
  if (store == NULL)
    return;

  sam_store_meetings_ensure_types ();
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  fill_groups (self);
  refresh (self);
}

static void
set_view (SamMeetingsPage *self,
          const char      *view)
{
  if (view == NULL || g_strcmp0 (self->view, view) == 0)
    return;
  if (!g_str_equal (view, "year") && !g_str_equal (view, "month") && !g_str_equal (view, "list"))
    return;

  g_free (self->view);
  self->view = g_strdup (view);
  gtk_stack_set_visible_child_name (self->view_stack, view);
  update_period_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VIEW]);
}

static void
sam_meetings_page_dispose (GObject *object)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETINGS_PAGE);
  g_clear_object (&self->store);
  g_clear_object (&self->agenda);
  g_clear_object (&self->list_meetings);

  G_OBJECT_CLASS (sam_meetings_page_parent_class)->dispose (object);
}

static void
sam_meetings_page_finalize (GObject *object)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (object);

  g_free (self->view);
  g_free (self->group_uuid);
  g_free (self->selected_uuid);
  g_free (self->notes_uuid);
  g_ptr_array_unref (self->group_uuids);
  g_ptr_array_unref (self->warnings);

  G_OBJECT_CLASS (sam_meetings_page_parent_class)->finalize (object);
}

static void
sam_meetings_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_VIEW:
      g_value_set_string (value, self->view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_meetings_page_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      break;
    case PROP_VIEW:
      set_view (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_meetings_page_class_init (SamMeetingsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_meetings_page_dispose;
  object_class->finalize = sam_meetings_page_finalize;
  object_class->get_property = sam_meetings_page_get_property;
  object_class->set_property = sam_meetings_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_VIEW] =
    g_param_spec_string ("view", NULL, NULL, "year",
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_YEAR_VIEW);
  g_type_ensure (SAM_TYPE_MONTH_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-meetings-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, period_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, warnings_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, warnings_expander);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, warnings_list);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, year_view);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, month_view);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, meeting_list);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_title);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_when);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_groups);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_place);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_status);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, detail_warnings);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, agenda_list);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, follow_up_group);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, follow_up_list);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, attendance_list);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, notes_view);

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
  gtk_widget_class_install_action (widget_class, "meetings.edit-item", "u", edit_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.move-item", "(uu)", move_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.remove-item", "u", remove_item_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-follow-up", "s", add_follow_up_action);
  gtk_widget_class_install_action (widget_class, "meetings.add-substitute", NULL, add_substitute_action);
  gtk_widget_class_install_action (widget_class, "meetings.save-notes", NULL, save_notes_action);
  gtk_widget_class_install_action (widget_class, "meetings.print-agenda", NULL, print_agenda_action);
  gtk_widget_class_install_action (widget_class, "meetings.print-minutes", NULL, print_minutes_action);
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

static void
sam_meetings_page_init (SamMeetingsPage *self)
{
  g_autoptr(GDateTime) now = sam_clock_now ();

  self->view = g_strdup ("year");
  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);
  self->group_uuids = g_ptr_array_new_with_free_func (g_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_meeting_warning_free);

  gtk_widget_init_template (GTK_WIDGET (self));

  name_drop_down (GTK_WIDGET (self->group_dropdown), _("Group"));
  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->year_view, "meeting-activated", G_CALLBACK (view_meeting_activated_cb), self);
  g_signal_connect_swapped (self->month_view, "meeting-activated", G_CALLBACK (view_meeting_activated_cb), self);
  g_signal_connect_swapped (self->month_view, "day-activated", G_CALLBACK (view_day_activated_cb), self);
  gtk_stack_set_visible_child_name (self->view_stack, "year");
  refresh_detail (self);
}

/**
 * sam_meetings_page_select_meeting:
 * @self: a #SamMeetingsPage
 * @uuid: (nullable): a meeting, or %NULL for none
 *
 * Shows @uuid beside the calendar, and its month in the month view.
 */
void
sam_meetings_page_select_meeting (SamMeetingsPage *self,
                                  const char      *uuid)
{
  g_autoptr(SamMeeting) meeting = NULL;
  GDate date;

  g_return_if_fail (SAM_IS_MEETINGS_PAGE (self));

  g_free (self->selected_uuid);
  self->selected_uuid = g_strdup (uuid);
  meeting = dup_selected (self);
  if (meeting != NULL && sam_meeting_get_local_date (meeting, &date) &&
      (g_date_get_year (&date) != self->year || g_date_get_month (&date) != self->month))
    {
      self->year = g_date_get_year (&date);
      self->month = g_date_get_month (&date);
      refresh (self);
      return;
    }

  refresh_detail (self);
}

/**
 * sam_meetings_page_get_selected:
 * @self: a #SamMeetingsPage
 *
 * Returns: (nullable): the UUID of the meeting shown beside the calendar
 */
const char *
sam_meetings_page_get_selected (SamMeetingsPage *self)
{
  g_return_val_if_fail (SAM_IS_MEETINGS_PAGE (self), NULL);

  return self->selected_uuid;
}

/**
 * sam_meetings_page_show_period:
 * @self: a #SamMeetingsPage
 * @view: "year", "month" or "list"
 * @year: the year
 * @month: the month, 1 to 12
 *
 * Shows @view at @year and @month.
 */
void
sam_meetings_page_show_period (SamMeetingsPage *self,
                               const char      *view,
                               guint            year,
                               guint            month)
{
  g_return_if_fail (SAM_IS_MEETINGS_PAGE (self));
  g_return_if_fail (year > 0 && month >= 1 && month <= 12);

  set_view (self, view);
  self->year = year;
  self->month = month;
  refresh (self);
}

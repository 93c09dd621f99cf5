/* sam-meetings-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meetings-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-gui.h"
#include "sam-meeting-checks.h"
#include "sam-meetings-page-private.h"
#include "sam-minutes.h"
#include "sam-year-plan.h"

/*
 * The Meetings page: the year, a month or a list of one group's meetings
 * (or everyone's), with the rule checks as warnings above; beside it the
 * chosen meeting with its agenda, the decisions due for follow-up, the
 * attendance and the notes. The coordinator plans the year here and the
 * chair prints the agenda and the minutes. All reading and writing goes
 * through the store; the page redraws when the store says it changed.
 *
 * The commands are in sam-meetings-page-actions.c, the rows of the lists
 * beside the calendar in sam-meetings-page-lists.c.
 */

G_DEFINE_FINAL_TYPE (SamMeetingsPage, sam_meetings_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/**
 * _sam_meetings_page_add_toast:
 * @self: a page
 * @text: (transfer full): what the toast says
 *
 * Shows @text in a toast over the window.
 */
void
_sam_meetings_page_add_toast (SamMeetingsPage *self,
                              char            *text)
{
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
  g_free (text);
}

/**
 * _sam_meetings_page_name_drop_down:
 * @dropdown: a #GtkDropDown
 * @label: its name for screen readers
 *
 * GTK 4.8 names a drop-down's button after its class for screen readers:
 * this gives the button the drop-down's name.
 */
void
_sam_meetings_page_name_drop_down (GtkWidget  *dropdown,
                                   const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  for (GtkWidget *child = gtk_widget_get_first_child (dropdown); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/* What a choice of a drop-down is called: the “none” entry first, then
 * the groups or the members to choose from. */
static char *
dup_choice_name (GObject  *item,
                 gpointer  user_data)
{
  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  if (SAM_IS_GROUP (item))
    return g_strdup (sam_group_get_name (SAM_GROUP (item)));
  if (SAM_IS_ATTENDANCE (item))
    return g_strdup (sam_attendance_get_person_name (SAM_ATTENDANCE (item)));

  return NULL;
}

/**
 * _sam_meetings_page_set_choices:
 * @dropdown: a #GtkDropDown
 * @none: what the first entry, which chooses none of @items, says
 * @items: (nullable): the #SamGroup or #SamAttendance list to choose from
 *
 * Lets @dropdown choose one of @items, or none: its selected item is the
 * chosen object itself, or a #GtkStringObject for none.
 */
void
_sam_meetings_page_set_choices (GtkDropDown *dropdown,
                                const char  *none,
                                GListModel  *items)
{
  g_autoptr(GListStore) choices = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GtkStringObject) first = gtk_string_object_new (none);

  g_list_store_append (choices, first);
  for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      g_list_store_append (choices, item);
    }

  gtk_drop_down_set_expression (dropdown,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (dup_choice_name), NULL, NULL));
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
}

/**
 * _sam_meetings_page_get_window:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the window the page is in, for
 *   dialogs to stay above
 */
GtkWindow *
_sam_meetings_page_get_window (SamMeetingsPage *self)
{
  return sam_gui_get_parent_window (GTK_WIDGET (self));
}

/**
 * _sam_meetings_page_dup_selected:
 * @self: a page
 *
 * Returns: (transfer full) (nullable): the meeting shown beside the
 *   calendar, as the register has it now
 */
SamMeeting *
_sam_meetings_page_dup_selected (SamMeetingsPage *self)
{
  if (self->selected_uuid == NULL || self->store == NULL)
    return NULL;

  return sam_store_dup_by_uuid (self->store, SAM_TYPE_MEETING, self->selected_uuid, NULL);
}

/**
 * _sam_meetings_page_describe_when:
 * @meeting: a meeting
 *
 * Returns: (transfer full): its weekday, date, time and week
 */
char *
_sam_meetings_page_describe_when (SamMeeting *meeting)
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

/**
 * _sam_meetings_page_describe_groups:
 * @self: a page
 * @meeting: a meeting
 * @codes: %TRUE for the groups' short codes on one line, %FALSE for
 *   their names, one a line
 *
 * Returns: (transfer full): the groups that meet at @meeting
 */
char *
_sam_meetings_page_describe_groups (SamMeetingsPage *self,
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

static GListModel *
meetings_in_month (GListModel *year_meetings,
                   GDateMonth  month)
{
  GListStore *list = g_list_store_new (SAM_TYPE_MEETING);

  for (guint i = 0; year_meetings != NULL && i < g_list_model_get_n_items (year_meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (year_meetings, i);
      GDate date;

      if (sam_meeting_get_local_date (meeting, &date) && g_date_get_month (&date) == month)
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

/**
 * _sam_meetings_page_get_period:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): what was read of the year the page
 *   shows, or %NULL while it is being read
 */
SamMeetingsPeriod *
_sam_meetings_page_get_period (SamMeetingsPage *self)
{
  return self->period != NULL && self->period->year == self->year ? self->period : NULL;
}

/**
 * _sam_meetings_page_show_period:
 * @self: a page
 *
 * Shows what was read of the page's year in the year and month views and
 * the lists; until it is read, the year's days without meetings. Only
 * what changed is drawn again.
 */
void
_sam_meetings_page_show_period (SamMeetingsPage *self)
{
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  guint serial = period != NULL ? period->serial : 0;
  g_autoptr(GListModel) none = NULL;
  g_autoptr(GListModel) month_meetings = NULL;
  g_autoptr(GHashTable) short_names = NULL;
  g_autoptr(SamMeeting) selected = NULL;

  if (serial != self->shown_serial || self->shown_year != self->year)
    {
      none = G_LIST_MODEL (g_list_store_new (SAM_TYPE_MEETING));
      sam_year_view_set_meetings (self->year_view, self->year, period != NULL ? period->year_meetings : none,
                                  SAM_YEAR_PLAN_FIRST_SUMMER_WEEK, SAM_YEAR_PLAN_LAST_SUMMER_WEEK);
      self->shown_serial = serial;
      self->shown_year = self->year;
      self->shown_month = 0;
      _sam_meetings_page_fill_meetings (self);
      _sam_meetings_page_fill_warnings (self);
      selected = _sam_meetings_page_dup_selected (self);
      if (selected != NULL)
        _sam_meetings_page_fill_detail_warnings (self, selected);
    }

  if (self->shown_month != self->month)
    {
      /* A month of a national register has a few hundred meetings; their
       * groups' codes were read with the year. */
      month_meetings = meetings_in_month (period != NULL ? period->year_meetings : NULL, self->month);
      short_names = g_hash_table_new (g_str_hash, g_str_equal);
      for (guint i = 0; period != NULL && i < g_list_model_get_n_items (month_meetings); i++)
        {
          g_autoptr(SamMeeting) meeting = g_list_model_get_item (month_meetings, i);
          const char *codes = g_hash_table_lookup (period->codes, sam_meeting_get_uuid (meeting));

          if (codes != NULL)
            g_hash_table_insert (short_names, (gpointer) sam_meeting_get_uuid (meeting), (gpointer) codes);
        }
      sam_month_view_set_meetings (self->month_view, self->year, self->month, month_meetings, short_names,
                                   SAM_YEAR_PLAN_FIRST_SUMMER_WEEK, SAM_YEAR_PLAN_LAST_SUMMER_WEEK);
      self->shown_month = self->month;
    }
}

/**
 * _sam_meetings_page_refresh:
 * @self: a page
 *
 * Shows the page's period: its meetings and warnings, read again in a
 * worker when the year, the group or the search changed, or the store;
 * and the chosen meeting, read now.
 */
void
_sam_meetings_page_refresh (SamMeetingsPage *self)
{
  if (self->store == NULL)
    return;

  update_period_label (self);
  if (_sam_meetings_page_needs_period (self))
    _sam_meetings_page_read_period (self);
  _sam_meetings_page_show_period (self);
  _sam_meetings_page_refresh_detail (self);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SamMeetingsPage *self = data;

  self->refresh_id = 0;
  _sam_meetings_page_refresh (self);

  return G_SOURCE_REMOVE;
}

/* Several changes in a row (a planned year is several meetings) redraw once. */
static void
store_changed_cb (SamMeetingsPage *self,
                  guint            table,
                  SamStore        *store)
{
  self->period_stale = TRUE;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, refresh_idle_cb, self, NULL);
}

/**
 * _sam_meetings_page_refresh_detail:
 * @self: a page
 *
 * Reads the chosen meeting again and shows it beside the calendar, with
 * its agenda, follow-ups, attendance and notes.
 */
void
_sam_meetings_page_refresh_detail (SamMeetingsPage *self)
{
  g_autoptr(SamMeeting) meeting = _sam_meetings_page_dup_selected (self);
  g_autofree char *when = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *status = NULL;
  g_autoptr(GString) place = g_string_new (NULL);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);

  _sam_meetings_page_update_actions (self, meeting);

  if (meeting == NULL)
    {
      gtk_stack_set_visible_child_name (self->detail_stack, "empty");
      g_clear_object (&self->agenda);
      return;
    }

  self->filling = TRUE;
  when = _sam_meetings_page_describe_when (meeting);
  groups = _sam_meetings_page_describe_groups (self, meeting, FALSE);
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

  _sam_meetings_page_fill_detail_warnings (self, meeting);
  _sam_meetings_page_fill_agenda (self, meeting);
  _sam_meetings_page_fill_follow_ups (self, meeting);
  _sam_meetings_page_fill_attendance (self, meeting);

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
  gpointer group = gtk_drop_down_get_selected_item (self->group_dropdown);

  if (self->filling)
    return;

  g_free (self->group_uuid);
  self->group_uuid = SAM_IS_GROUP (group) ? g_strdup (sam_group_get_uuid (group)) : NULL;
  _sam_meetings_page_refresh (self);
}

static void
search_changed_cb (SamMeetingsPage *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (query != NULL && *query != '\0' && g_strcmp0 (self->view, "list") != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.view", "s", "list");
  _sam_meetings_page_refresh (self);
}

static void
view_meeting_activated_cb (SamMeetingsPage *self,
                           const char      *uuid)
{
  sam_meetings_page_select_meeting (self, uuid);
}

static void
view_day_activated_cb (SamMeetingsPage *self,
                       const char      *day)
{
  _sam_meetings_page_open_editor (self, NULL, day);
}

static void
fill_groups (SamMeetingsPage *self)
{
  g_autoptr(GListModel) groups = sam_store_list_groups (self->store, NULL);

  self->filling = TRUE;
  _sam_meetings_page_set_choices (self->group_dropdown, _("All groups"), groups);
  gtk_drop_down_set_selected (self->group_dropdown, 0);
  g_clear_pointer (&self->group_uuid, g_free);
  self->filling = FALSE;
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
  _sam_meetings_page_refresh (self);
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

/* Closing the window keeps the notes typed, as moving on does. If they
 * cannot be saved, the window stays open once, with the error. */
static gboolean
close_request_cb (SamMeetingsPage *self,
                  GtkWindow       *window)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  if (_sam_meetings_page_keep_notes (self, FALSE, &error))
    return FALSE;

  if (self->close_refused)
    {
      /* Told, and closing again: the user chose to go without them. */
      gtk_text_buffer_set_modified (gtk_text_view_get_buffer (self->notes_view), FALSE);
      return FALSE;
    }

  self->close_refused = TRUE;
  /* Translators: %s says why the notes could not be saved */
  message = g_strdup_printf (_("%s\n\nThe window stays open. Close it again to close it without the notes."),
                             error->message);
  sam_gui_show_message (GTK_WIDGET (self), _("Could Not Save Notes"), message);

  return TRUE;
}

static void
sam_meetings_page_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sam_meetings_page_parent_class)->root (widget);

  if (GTK_IS_WINDOW (gtk_widget_get_root (widget)))
    g_signal_connect_object (gtk_widget_get_root (widget), "close-request", G_CALLBACK (close_request_cb),
                             widget, G_CONNECT_SWAPPED);
}

static void
sam_meetings_page_unroot (GtkWidget *widget)
{
  g_signal_handlers_disconnect_by_func (gtk_widget_get_root (widget), close_request_cb, widget);

  GTK_WIDGET_CLASS (sam_meetings_page_parent_class)->unroot (widget);
}

/* Another page shown, or the window hidden: the notes typed are kept. A
 * window on its way out has nobody to show a toast to. */
static void
sam_meetings_page_unmap (GtkWidget *widget)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GError) error = NULL;

  if (!_sam_meetings_page_keep_notes (self, root != NULL && gtk_widget_get_visible (GTK_WIDGET (root)), &error))
    sam_gui_show_error (widget, _("Could Not Save Notes"), error);

  GTK_WIDGET_CLASS (sam_meetings_page_parent_class)->unmap (widget);
}

static void
sam_meetings_page_dispose (GObject *object)
{
  SamMeetingsPage *self = SAM_MEETINGS_PAGE (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->period_cancellable != NULL)
    g_cancellable_cancel (self->period_cancellable);
  g_clear_object (&self->period_cancellable);
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
  _sam_meetings_period_free (self->period);
  _sam_meetings_period_free (self->reading);

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
  widget_class->root = sam_meetings_page_root;
  widget_class->unroot = sam_meetings_page_unroot;
  widget_class->unmap = sam_meetings_page_unmap;

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
  gtk_widget_class_bind_template_child (widget_class, SamMeetingsPage, meeting_actions);
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

  _sam_meetings_page_install_actions (widget_class);
}

static void
sam_meetings_page_init (SamMeetingsPage *self)
{
  g_autoptr(GDateTime) now = sam_clock_now ();

  self->view = g_strdup ("year");
  self->year = g_date_time_get_year (now);
  self->month = g_date_time_get_month (now);

  gtk_widget_init_template (GTK_WIDGET (self));
  _sam_meetings_page_init_lists (self);

  /* The meeting's buttons wrap in a flow box, whose cells would take the
   * focus too: a Tab stop before each button that a screen reader reads
   * as nothing. */
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->meeting_actions));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);

  _sam_meetings_page_name_drop_down (GTK_WIDGET (self->group_dropdown), _("Group"));
  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self);
  g_signal_connect_swapped (self->year_view, "meeting-activated", G_CALLBACK (view_meeting_activated_cb), self);
  g_signal_connect_swapped (self->month_view, "meeting-activated", G_CALLBACK (view_meeting_activated_cb), self);
  g_signal_connect_swapped (self->month_view, "day-activated", G_CALLBACK (view_day_activated_cb), self);
  gtk_stack_set_visible_child_name (self->view_stack, "year");
  _sam_meetings_page_refresh_detail (self);
}

/**
 * sam_meetings_page_select_meeting:
 * @self: a #SamMeetingsPage
 * @uuid: (nullable): a meeting, or %NULL for none
 *
 * Shows @uuid beside the calendar, and its month in the month view. Notes
 * typed for the meeting shown before and not saved yet are saved first; if
 * they cannot be, the page says why and stays with that meeting.
 */
void
sam_meetings_page_select_meeting (SamMeetingsPage *self,
                                  const char      *uuid)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_return_if_fail (SAM_IS_MEETINGS_PAGE (self));

  /* The notes belong to the meeting being left. */
  if (g_strcmp0 (uuid, self->notes_uuid) != 0 && !_sam_meetings_page_keep_notes (self, TRUE, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save Notes"), error);
      return;
    }

  g_free (self->selected_uuid);
  self->selected_uuid = g_strdup (uuid);
  meeting = _sam_meetings_page_dup_selected (self);
  if (meeting != NULL && sam_meeting_get_local_date (meeting, &date) &&
      (g_date_get_year (&date) != self->year || g_date_get_month (&date) != self->month))
    {
      self->year = g_date_get_year (&date);
      self->month = g_date_get_month (&date);
      _sam_meetings_page_refresh (self);
      return;
    }

  _sam_meetings_page_refresh_detail (self);
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
  _sam_meetings_page_refresh (self);
}

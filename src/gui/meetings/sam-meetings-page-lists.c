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
 * for follow-up and the attendance. The first two grow with the register
 * and are list views; the others are a meeting's own, which a meeting
 * keeps small (a dozen items, its groups' members), and are list boxes. */

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

/* The list view of meetings and the warnings: their rows are made for
 * what is in view only, so a year of a national register (4 000 meetings
 * and as many warnings) costs what a screenful costs. */

/* A meeting of the list view: its title, when, the groups and the status,
 * with a warning sign if a rule check names it; or the line that says
 * the list is empty. */
static void
setup_meeting_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  /* One line each: a list view measures every row it makes, and wrapped
   * text costs several times as much to measure. */
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_widget_add_css_class (icon, "warning");
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_list_item_set_child (item, box);
}

static void
bind_meeting_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SamMeetingsPage          *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *texts = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_first_child (texts);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  GtkWidget *icon = gtk_widget_get_next_sibling (texts);
  gpointer object = gtk_list_item_get_item (item);
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  const char *warning = NULL;
  const char *codes = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *when = NULL;
  g_autofree char *text = NULL;
  SamMeeting *meeting;

  gtk_widget_remove_css_class (box, "dim-label");
  gtk_list_item_set_activatable (item, SAM_IS_MEETING (object));
  if (!SAM_IS_MEETING (object))
    {
      gtk_label_set_text (GTK_LABEL (title), GTK_IS_STRING_OBJECT (object) ? gtk_string_object_get_string (object) : "");
      gtk_widget_set_visible (subtitle, FALSE);
      gtk_widget_set_visible (icon, FALSE);
      return;
    }

  meeting = SAM_MEETING (object);
  when = _sam_meetings_page_describe_when (meeting);
  if (period != NULL)
    {
      codes = g_hash_table_lookup (period->codes, sam_meeting_get_uuid (meeting));
      warning = g_hash_table_lookup (period->warned, sam_meeting_get_uuid (meeting));
    }
  if (codes == NULL)
    codes = groups = _sam_meetings_page_describe_groups (self, meeting, TRUE);

  /* Translators: a meeting in the list: when, the groups' codes, the status */
  text = g_strdup_printf (_("%s · %s · %s"), when, codes, sam_meeting_status_get_label (sam_meeting_get_status (meeting)));
  gtk_label_set_text (GTK_LABEL (title), sam_meeting_get_title (meeting));
  gtk_label_set_text (GTK_LABEL (subtitle), text);
  gtk_widget_set_visible (subtitle, TRUE);
  if (sam_meeting_get_status (meeting) == SAM_MEETING_STATUS_CANCELLED)
    gtk_widget_add_css_class (box, "dim-label");

  gtk_widget_set_visible (icon, warning != NULL);
  gtk_widget_set_tooltip_text (icon, warning);
  if (warning != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, warning, -1);
}

/* A row of the list view shows its meeting beside the calendar. */
static void
meeting_activate_cb (GtkListView     *view,
                     guint            position,
                     SamMeetingsPage *self)
{
  g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (view)), position);

  if (SAM_IS_MEETING (item))
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.show-meeting", "s", sam_meeting_get_uuid (SAM_MEETING (item)));
}

/* A warning of the year: its sign and what it says */
static void
setup_warning_row_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (icon, "warning");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
bind_warning_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item,
                     SamMeetingsPage          *self)
{
  GtkWidget *label = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  guint position = gtk_list_item_get_position (item);
  SamMeetingWarning *warning = NULL;

  if (period != NULL && position < period->warnings->len)
    warning = g_ptr_array_index (period->warnings, position);
  gtk_label_set_text (GTK_LABEL (label), warning != NULL ? warning->message : "");
  gtk_widget_set_tooltip_text (label, warning != NULL ? warning->message : NULL);
  gtk_list_item_set_activatable (item, warning != NULL && warning->meeting_uuid != NULL);
}

/* A warning about a meeting shows that meeting. */
static void
warning_activate_cb (GtkListView     *view,
                     guint            position,
                     SamMeetingsPage *self)
{
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  SamMeetingWarning *warning;

  if (period == NULL || position >= period->warnings->len)
    return;
  warning = g_ptr_array_index (period->warnings, position);
  if (warning->meeting_uuid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "meetings.show-meeting", "s", warning->meeting_uuid);
}

static void
set_up_list_view (SamMeetingsPage *self,
                  GtkListView     *view,
                  GCallback        setup,
                  GCallback        bind,
                  GCallback        activate)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* The page outlives its views' factories: a plain pointer is enough. */
  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, self);
  gtk_list_view_set_factory (view, factory);
  g_signal_connect (view, "activate", activate, self);
}

/**
 * _sam_meetings_page_init_lists:
 * @self: a page
 *
 * Sets up the rows of the list view of meetings and of the warnings.
 */
void
_sam_meetings_page_init_lists (SamMeetingsPage *self)
{
  set_up_list_view (self, self->meeting_list, G_CALLBACK (setup_meeting_row_cb), G_CALLBACK (bind_meeting_row_cb),
                    G_CALLBACK (meeting_activate_cb));
  set_up_list_view (self, self->warnings_list, G_CALLBACK (setup_warning_row_cb), G_CALLBACK (bind_warning_row_cb),
                    G_CALLBACK (warning_activate_cb));
}

/**
 * _sam_meetings_page_fill_meetings:
 * @self: a page
 *
 * Fills the list view with the year's meetings, or with every meeting
 * that matches the search, as read with the year; or says there are none.
 */
void
_sam_meetings_page_fill_meetings (SamMeetingsPage *self)
{
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  GListModel *meetings = NULL;
  g_autoptr(GtkNoSelection) model = NULL;

  g_clear_object (&self->list_meetings);
  if (period != NULL)
    meetings = period->query != NULL ? period->found : period->year_meetings;

  if (meetings != NULL && g_list_model_get_n_items (meetings) > 0)
    self->list_meetings = g_object_ref (meetings);
  else if (period != NULL)
    {
      const char *empty = period->query != NULL ? _("No meetings match the search.") : _("No meetings in this year.");

      self->list_meetings = G_LIST_MODEL (gtk_string_list_new ((const char * const []) { empty, NULL }));
    }
  else
    self->list_meetings = G_LIST_MODEL (g_list_store_new (SAM_TYPE_MEETING));

  model = gtk_no_selection_new (g_object_ref (self->list_meetings));
  gtk_list_view_set_model (self->meeting_list, GTK_SELECTION_MODEL (model));
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
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  guint n = period != NULL ? period->warnings->len : 0;
  g_autoptr(GPtrArray) messages = g_ptr_array_new_full (n + 1, NULL);
  g_autoptr(GtkStringList) list = NULL;
  g_autoptr(GtkNoSelection) model = NULL;
  g_autofree char *label = NULL;

  /* The rows read their warning by position; the list only counts them. */
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (messages, ((SamMeetingWarning *) g_ptr_array_index (period->warnings, i))->message);
  g_ptr_array_add (messages, NULL);
  list = gtk_string_list_new ((const char * const *) messages->pdata);
  model = gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&list)));
  gtk_list_view_set_model (self->warnings_list, GTK_SELECTION_MODEL (model));

  label = g_strdup_printf (ngettext ("%u warning in %u", "%u warnings in %u", n), n, self->year);
  gtk_expander_set_label (self->warnings_expander, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->warnings_expander), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_revealer_set_reveal_child (self->warnings_revealer, n > 0);
}

/* The chosen meeting */

static GtkWidget *
icon_button (const char *icon_name,
             const char *tooltip,
             const char *label,
             const char *action,
             GVariant   *target)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tooltip);
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

  /* A screen reader reading the buttons one by one hears which item each
   * moves or removes: “Remove Item” alone is the same on every row. */
  if (position > 1)
    {
      /* Translators: a button's name for screen readers; %d is the item's number, %s its title */
      g_autofree char *label = g_strdup_printf (_("Move Item %d, “%s”, Up"), position, sam_agenda_item_get_title (agenda_item));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("go-up-symbolic", _("Move Up"), label, "meetings.move-item",
                                              g_variant_new ("(su)", uuid, (guint) position - 1)));
    }
  if ((guint) position < n_items)
    {
      /* Translators: a button's name for screen readers; %d is the item's number, %s its title */
      g_autofree char *label = g_strdup_printf (_("Move Item %d, “%s”, Down"), position, sam_agenda_item_get_title (agenda_item));

      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 icon_button ("go-down-symbolic", _("Move Down"), label, "meetings.move-item",
                                              g_variant_new ("(su)", uuid, (guint) position + 1)));
    }
  {
    /* Translators: a button's name for screen readers; %d is the item's number, %s its title */
    g_autofree char *label = g_strdup_printf (_("Remove Item %d, “%s”"), position, sam_agenda_item_get_title (agenda_item));

    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               icon_button ("user-trash-symbolic", _("Remove Item"), label, "meetings.remove-item",
                                            g_variant_new_string (uuid)));
  }

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
 * Lists @meeting's agenda, in order. An agenda is a dozen items or so,
 * however large the register: a row widget each is fine.
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
 * Lists the decisions due for follow-up at @meeting: those of its own
 * groups not reported yet, a handful, however large the register.
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
  /* The role first: the list is in the order of the roles. */
  if (sam_attendance_get_role (line) != SAM_ATTENDANCE_NO_ROLE)
    g_string_append (subtitle, sam_role_get_label (sam_attendance_get_role (line)));
  if (sam_attendance_get_organisation_name (line) != NULL)
    {
      if (subtitle->len > 0)
        g_string_append (subtitle, " · ");
      g_string_append (subtitle, sam_attendance_get_organisation_name (line));
    }
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
 * Lists who is expected at @meeting and who came: the members of its
 * groups on its day, a few dozen people, however large the register.
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
  SamMeetingsPeriod *period = _sam_meetings_page_get_period (self);
  GtkWidget *child;
  guint shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->detail_warnings))) != NULL)
    gtk_list_box_remove (self->detail_warnings, child);

  /* The page's warnings cover its filter; every group's matter here, and
   * were read with the year. A meeting of another year than the one shown
   * (being read, or moved since) has none to show yet. A meeting has a
   * few warnings at most: a list box is enough. */
  for (guint i = 0; period != NULL && sam_meeting_get_local_year (meeting) == (int) period->year &&
                    i < period->year_warnings->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (period->year_warnings, i);
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

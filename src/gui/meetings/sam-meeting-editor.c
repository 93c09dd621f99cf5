/* sam-meeting-editor.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-meeting-checks.h"
#include "sam-meeting-editor.h"
#include "sam-store-meetings.h"

/*
 * Creates or edits one meeting: title, kind, status, day and times in
 * Stockholm, place or link, the meeting it prepares, and the groups it
 * joins (several make a joint meeting). The store saves the meeting and
 * its groups in one transaction; "saved" tells the page which meeting to
 * show.
 */

struct _SamMeetingEditor
{
  AdwWindow        parent_instance;

  SamStore        *store;
  SamMeeting      *meeting;
  char            *day;
  char            *group_uuid;
  GListModel      *groups;          /* every SamGroup, in the order of their rows */
  GHashTable      *chosen;          /* the SamGroups ticked, of groups */

  GtkRevealer     *error_revealer;
  GtkLabel        *error_label;
  AdwEntryRow     *title_row;
  AdwComboRow     *kind_row;
  AdwComboRow     *status_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *start_row;
  AdwEntryRow     *end_row;
  AdwEntryRow     *place_row;
  AdwEntryRow     *link_row;
  AdwComboRow     *prepares_row;
  GtkListView         *groups_list;
};

G_DEFINE_FINAL_TYPE (SamMeetingEditor, sam_meeting_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING,
  PROP_DAY,
  PROP_GROUP_UUID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkStringList *
enum_labels (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GtkStringList *list = gtk_string_list_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    gtk_string_list_append (list, sam_enum_get_label (enum_type, klass->values[i].value));

  return list;
}

static void
show_error (SamMeetingEditor *self,
            const char       *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* “13:00”, “13.00”, “1300” or “13”. */
static gboolean
parse_time (const char *text,
            guint      *hour,
            guint      *minute)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  guint64 h = 0, m = 0;

  if (strlen (trimmed) == 4 && g_ascii_isdigit (trimmed[0]) && g_ascii_isdigit (trimmed[2]))
    {
      char hh[3] = { trimmed[0], trimmed[1], 0 };

      if (!g_ascii_string_to_unsigned (hh, 10, 0, 23, &h, NULL) ||
          !g_ascii_string_to_unsigned (trimmed + 2, 10, 0, 59, &m, NULL))
        return FALSE;
    }
  else
    {
      parts = g_strsplit_set (trimmed, ":.", 2);
      if (parts[0] == NULL || !g_ascii_string_to_unsigned (parts[0], 10, 0, 23, &h, NULL))
        return FALSE;
      if (parts[1] != NULL && !g_ascii_string_to_unsigned (parts[1], 10, 0, 59, &m, NULL))
        return FALSE;
    }

  *hour = h;
  *minute = m;
  return TRUE;
}

static char *
stored_time (const GDate *date,
             guint        hour,
             guint        minute)
{
  g_autoptr(GDateTime) utc = sam_calendar_local_to_utc (date, hour, minute);

  return sam_calendar_utc_string (utc);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (widget);
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  guint start_hour, start_minute, end_hour, end_minute;
  gpointer prepares = adw_combo_row_get_selected_item (self->prepares_row);
  GDate date;

  if (title[0] == '\0')
    {
      show_error (self, _("Give the meeting a title."));
      return;
    }
  /* The one date rule: YYYY-MM-DD and a day that exists, where GLib's
   * parser reads the locale's forms and lets "2027-02-30" through. */
  if (!sam_calendar_parse_iso (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      g_autofree char *why = sam_calendar_explain_not_a_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)));

      show_error (self, why);
      return;
    }
  if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->start_row)), &start_hour, &start_minute) ||
      !parse_time (gtk_editable_get_text (GTK_EDITABLE (self->end_row)), &end_hour, &end_minute))
    {
      show_error (self, _("Write the times as HH:MM, such as 13:00."));
      return;
    }
  if (end_hour * 60 + end_minute <= start_hour * 60 + start_minute)
    {
      show_error (self, _("The meeting must end after it starts."));
      return;
    }

  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (self->groups, i);

      if (g_hash_table_contains (self->chosen, group))
        g_ptr_array_add (groups, (gpointer) sam_group_get_uuid (group));
    }
  g_ptr_array_add (groups, NULL);
  if (groups->len == 1)
    {
      show_error (self, _("Choose at least one group."));
      return;
    }

  starts = stored_time (&date, start_hour, start_minute);
  ends = stored_time (&date, end_hour, end_minute);
  meeting = self->meeting != NULL ? g_object_ref (self->meeting) : sam_meeting_new ();
  g_object_set (meeting,
                "title", title,
                "kind", adw_combo_row_get_selected (self->kind_row),
                "status", adw_combo_row_get_selected (self->status_row),
                "starts", starts,
                "ends", ends,
                "place", gtk_editable_get_text (GTK_EDITABLE (self->place_row)),
                "link", gtk_editable_get_text (GTK_EDITABLE (self->link_row)),
                "prepares-uuid", SAM_IS_MEETING (prepares) ? sam_meeting_get_uuid (prepares) : NULL,
                NULL);

  if (!sam_store_save_meeting (self->store, meeting, (const char * const *) groups->pdata, &error))
    {
      show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, sam_meeting_get_uuid (meeting));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The tick of a row adds its group to the chosen or takes it away. A
 * row shows one group, then another as the list scrolls: the tick set to
 * show a group's state writes that same state again. */
static void
group_toggled_cb (GtkCheckButton *check,
                  GtkListItem    *item)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (gtk_widget_get_root (GTK_WIDGET (check)));
  SamGroup *group = gtk_list_item_get_item (item);

  if (self == NULL || group == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, group);
  else
    g_hash_table_remove (self->chosen, group);
}

static void
setup_group_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_check_button_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  g_signal_connect (check, "toggled", G_CALLBACK (group_toggled_cb), item);
  gtk_list_item_set_child (item, row);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_group_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SamMeetingEditor         *self)
{
  AdwActionRow *row = ADW_ACTION_ROW (gtk_list_item_get_child (item));
  GtkWidget *check = adw_action_row_get_activatable_widget (row);
  SamGroup *group = gtk_list_item_get_item (item);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_group_get_name (group));
  adw_action_row_set_subtitle (row, sam_group_get_code (group) != NULL ? sam_group_get_code (group) : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, sam_group_get_name (group), -1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_hash_table_contains (self->chosen, group));
}

/* A row for each group, ticked if the meeting joins it. A national
 * register has 5 000 groups: the list view makes rows for those in view. */
static void
fill_groups (SamMeetingEditor *self)
{
  g_auto(GStrv) joined = NULL;
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->groups = sam_store_list_groups (self->store, NULL);
  if (self->meeting != NULL && sam_meeting_get_uuid (self->meeting) != NULL)
    joined = sam_store_dup_meeting_groups (self->store, sam_meeting_get_uuid (self->meeting), NULL);

  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (self->groups, i);
      const char *uuid = sam_group_get_uuid (group);

      if (joined != NULL ? g_strv_contains ((const char * const *) joined, uuid) : g_strcmp0 (uuid, self->group_uuid) == 0)
        g_hash_table_add (self->chosen, group);
    }

  /* The editor outlives its list's factory: a plain pointer is enough. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_group_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_group_row_cb), self);
  gtk_list_view_set_factory (self->groups_list, factory);
  if (self->groups != NULL)
    {
      g_autoptr(GtkNoSelection) model = gtk_no_selection_new (g_object_ref (self->groups));

      gtk_list_view_set_model (self->groups_list, GTK_SELECTION_MODEL (model));
    }
}

/* What an entry of the prepares drop-down says: “None”, or a meeting's
 * day and title. */
static char *
dup_prepares_label (GObject  *item,
                    gpointer  user_data)
{
  g_autofree char *day = NULL;
  GDate date;

  if (GTK_IS_STRING_OBJECT (item))
    return g_strdup (gtk_string_object_get_string (GTK_STRING_OBJECT (item)));
  if (!SAM_IS_MEETING (item) || !sam_meeting_get_local_date (SAM_MEETING (item), &date))
    return NULL;

  day = sam_calendar_format_iso (&date);
  return g_strdup_printf ("%s %s", day, sam_meeting_get_title (SAM_MEETING (item)));
}

/* The meetings a meeting may prepare: those within a year either side
 * of it (of today, for a new one without a day), not every meeting of a
 * register that plans 4 000 a year; and the one it prepares now. */
static GListModel *
list_prepare_choices (SamMeetingEditor *self)
{
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GDate date;
  int year;

  if (self->meeting != NULL && sam_meeting_get_local_date (self->meeting, &date))
    year = g_date_get_year (&date);
  else if (self->day != NULL && sam_calendar_parse_iso (self->day, &date))
    year = g_date_get_year (&date);
  else
    year = g_date_time_get_year (now);

  from = g_strdup_printf ("%04d-01-01T00:00:00Z", year - 1);
  to = g_strdup_printf ("%04d-01-01T00:00:00Z", year + 2);

  return sam_store_list_meetings_between (self->store, NULL, from, to, NULL);
}

static void
fill_prepares (SamMeetingEditor *self)
{
  g_autoptr(GListModel) meetings = list_prepare_choices (self);
  g_autoptr(GListStore) choices = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GtkStringObject) none = gtk_string_object_new (_("None"));
  const char *current = self->meeting != NULL ? sam_meeting_get_prepares_uuid (self->meeting) : NULL;
  guint selected = 0;

  g_list_store_append (choices, none);
  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);
      GDate date;

      if (self->meeting != NULL && g_strcmp0 (sam_meeting_get_uuid (meeting), sam_meeting_get_uuid (self->meeting)) == 0)
        continue;
      if (!sam_meeting_get_local_date (meeting, &date))
        continue;
      if (g_strcmp0 (sam_meeting_get_uuid (meeting), current) == 0)
        selected = g_list_model_get_n_items (G_LIST_MODEL (choices));
      g_list_store_append (choices, meeting);
    }
  if (current != NULL && selected == 0)
    {
      g_autoptr(SamMeeting) prepared = sam_store_dup_by_uuid (self->store, SAM_TYPE_MEETING, current, NULL);

      if (prepared != NULL)
        {
          selected = g_list_model_get_n_items (G_LIST_MODEL (choices));
          g_list_store_append (choices, prepared);
        }
    }

  adw_combo_row_set_expression (self->prepares_row,
                                gtk_cclosure_expression_new (G_TYPE_STRING, NULL, 0, NULL,
                                                             G_CALLBACK (dup_prepares_label), NULL, NULL));
  adw_combo_row_set_model (self->prepares_row, G_LIST_MODEL (choices));
  adw_combo_row_set_selected (self->prepares_row, selected);
}

static void
set_time_rows (SamMeetingEditor *self)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autoptr(GDateTime) start_local = NULL;
  g_autoptr(GDateTime) end_local = NULL;
  g_autofree char *date = NULL;
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;

  if (self->meeting == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->date_row), self->day != NULL ? self->day : "");
      gtk_editable_set_text (GTK_EDITABLE (self->start_row), "13:00");
      gtk_editable_set_text (GTK_EDITABLE (self->end_row), "15:00");
      return;
    }

  if ((start = sam_calendar_parse_utc (sam_meeting_get_starts (self->meeting))) == NULL ||
      (end = sam_calendar_parse_utc (sam_meeting_get_ends (self->meeting))) == NULL)
    return;
  start_local = sam_calendar_to_stockholm (start);
  end_local = sam_calendar_to_stockholm (end);
  date = g_date_time_format (start_local, "%Y-%m-%d");
  start_text = g_date_time_format (start_local, "%H:%M");
  end_text = g_date_time_format (end_local, "%H:%M");
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), date);
  gtk_editable_set_text (GTK_EDITABLE (self->start_row), start_text);
  gtk_editable_set_text (GTK_EDITABLE (self->end_row), end_text);
}

static void
sam_meeting_editor_constructed (GObject *object)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (object);
  g_autoptr(GtkStringList) kinds = enum_labels (SAM_TYPE_MEETING_KIND);
  g_autoptr(GtkStringList) statuses = enum_labels (SAM_TYPE_MEETING_STATUS);

  G_OBJECT_CLASS (sam_meeting_editor_parent_class)->constructed (object);

  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  adw_combo_row_set_model (self->status_row, G_LIST_MODEL (statuses));
  gtk_window_set_title (GTK_WINDOW (self), self->meeting != NULL ? _("Edit Meeting") : _("New Meeting"));

  if (self->meeting != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), sam_meeting_get_title (self->meeting));
      adw_combo_row_set_selected (self->kind_row, sam_meeting_get_kind (self->meeting));
      adw_combo_row_set_selected (self->status_row, sam_meeting_get_status (self->meeting));
      if (sam_meeting_get_place (self->meeting) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->place_row), sam_meeting_get_place (self->meeting));
      if (sam_meeting_get_link (self->meeting) != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->link_row), sam_meeting_get_link (self->meeting));
    }
  set_time_rows (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  if (self->store != NULL)
    {
      fill_groups (self);
      fill_prepares (self);
    }
}

static void
sam_meeting_editor_dispose (GObject *object)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MEETING_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting);
  g_clear_pointer (&self->chosen, g_hash_table_unref);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (sam_meeting_editor_parent_class)->dispose (object);
}

static void
sam_meeting_editor_finalize (GObject *object)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (object);

  g_free (self->day);
  g_free (self->group_uuid);

  G_OBJECT_CLASS (sam_meeting_editor_parent_class)->finalize (object);
}

static void
sam_meeting_editor_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING:
      self->meeting = g_value_dup_object (value);
      break;
    case PROP_DAY:
      self->day = g_value_dup_string (value);
      break;
    case PROP_GROUP_UUID:
      self->group_uuid = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_meeting_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SamMeetingEditor *self = SAM_MEETING_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    case PROP_GROUP_UUID:
      g_value_set_string (value, self->group_uuid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_meeting_editor_class_init (SamMeetingEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sam_meeting_editor_constructed;
  object_class->dispose = sam_meeting_editor_dispose;
  object_class->finalize = sam_meeting_editor_finalize;
  object_class->set_property = sam_meeting_editor_set_property;
  object_class->get_property = sam_meeting_editor_get_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE, flags);
  properties[PROP_MEETING] = g_param_spec_object ("meeting", NULL, NULL, SAM_TYPE_MEETING, flags);
  properties[PROP_DAY] = g_param_spec_string ("day", NULL, NULL, NULL, flags);
  properties[PROP_GROUP_UUID] = g_param_spec_string ("group-uuid", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamMeetingEditor::saved:
   * @uuid: the meeting that was saved
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-meeting-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, status_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, start_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, end_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, place_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, link_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, prepares_row);
  gtk_widget_class_bind_template_child (widget_class, SamMeetingEditor, groups_list);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_meeting_editor_init (SamMeetingEditor *self)
{
  self->chosen = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_meeting_editor_new:
 * @parent: (nullable): the window to stay above
 * @store: the register
 * @meeting: (nullable): the meeting to edit, or %NULL for a new one
 * @day: (nullable): for a new meeting, its day (YYYY-MM-DD)
 * @group_uuid: (nullable): for a new meeting, the group to choose first
 *
 * Returns: (transfer none): the new editor, not yet shown
 */
SamMeetingEditor *
sam_meeting_editor_new (GtkWindow  *parent,
                        SamStore   *store,
                        SamMeeting *meeting,
                        const char *day,
                        const char *group_uuid)
{
  return g_object_new (SAM_TYPE_MEETING_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "meeting", meeting,
                       "day", day,
                       "group-uuid", group_uuid,
                       NULL);
}

/* sam-plan-year-dialog.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-plan-year-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-gui.h"
#include "sam-meeting-checks.h"
#include "sam-plan-year-dialog.h"
#include "sam-store-meetings.h"
#include "sam-year-plan.h"

/*
 * Plans a group's year: the planner in src/core proposes the commission's
 * number of meetings spread evenly over the year on one weekday and time,
 * never on a holiday, a day off, in the summer weeks or on a day the group
 * already meets. The user reviews the proposal, unticks what they do not
 * want, and adds the rest as planned meetings.
 *
 * The proposal is a list model of new meetings, each with its start and
 * end, bound to the list of proposed meetings; a row's tick adds its
 * meeting to the chosen or takes it away.
 */

struct _SamPlanYearDialog
{
  AdwWindow            parent_instance;

  SamStore            *store;
  char                *initial_group;
  guint                initial_year;
  GListStore          *proposal;      /* SamMeeting, not saved yet */
  GHashTable          *chosen;        /* the SamMeetings of proposal ticked */
  gboolean             updating;

  AdwPreferencesGroup *options_group;
  AdwPreferencesGroup *proposal_group;
  AdwComboRow         *group_row;
  GtkSpinButton       *year_spin;
  GtkSpinButton       *count_spin;
  AdwComboRow         *weekday_row;
  AdwEntryRow         *time_row;
  GtkSpinButton       *length_spin;
  GtkSpinButton       *summer_from_spin;
  GtkSpinButton       *summer_to_spin;
  GtkSwitch           *short_days_switch;
  GtkListBox          *proposal_list;
};

/* The register's setting: whether the planner keeps klämdagar and the
 * days before holidays free. */
#define AVOID_SHORT_DAYS "planning.avoid-short-days"

G_DEFINE_FINAL_TYPE (SamPlanYearDialog, sam_plan_year_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_GROUP_UUID,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  PLANNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
selected_group (SamPlanYearDialog *self)
{
  gpointer group = adw_combo_row_get_selected_item (self->group_row);

  return SAM_IS_GROUP (group) ? sam_group_get_uuid (group) : NULL;
}

/* Whether @meeting, on its day in Stockholm, overlaps @hour:@minute for
 * @duration minutes. */
static gboolean
overlaps_slot (SamMeeting *meeting,
               guint       hour,
               guint       minute,
               guint       duration)
{
  g_autoptr(GDateTime) starts = sam_calendar_parse_utc (sam_meeting_get_starts (meeting));
  g_autoptr(GDateTime) ends = sam_calendar_parse_utc (sam_meeting_get_ends (meeting));
  g_autoptr(GDateTime) slot_start = NULL;
  g_autoptr(GDateTime) slot_end = NULL;
  GDate date;

  if (starts == NULL || !sam_meeting_get_local_date (meeting, &date))
    return FALSE;
  if (ends == NULL)
    ends = g_date_time_add_hours (starts, 2);
  slot_start = sam_calendar_local_to_utc (&date, hour, minute);
  slot_end = g_date_time_add_minutes (slot_start, duration);

  return g_date_time_compare (starts, slot_end) < 0 && g_date_time_compare (slot_start, ends) < 0;
}

/* The days to keep free in @year: the ones the group already meets, and
 * the ones another council meets at the time of day asked for, so that a
 * region's councils do not meet at once. */
static GArray *
taken_days (SamPlanYearDialog *self,
            guint              year,
            guint              hour,
            guint              minute,
            guint              duration)
{
  g_autofree char *from = g_strdup_printf ("%04u-01-01T00:00:00Z", year - 1);
  g_autofree char *to = g_strdup_printf ("%04u-01-01T00:00:00Z", year + 2);
  g_autoptr(GListModel) meetings = sam_store_list_group_meetings (self->store, selected_group (self), NULL);
  g_autoptr(GListModel) theirs = sam_store_list_other_council_meetings (self->store, selected_group (self),
                                                                         from, to, NULL);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (GDate));

  for (guint i = 0; meetings != NULL && i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);
      GDate date;

      if (sam_meeting_get_status (meeting) != SAM_MEETING_STATUS_CANCELLED &&
          sam_meeting_get_local_date (meeting, &date) && g_date_get_year (&date) == year)
        g_array_append_val (days, date);
    }

  for (guint i = 0; theirs != NULL && i < g_list_model_get_n_items (theirs); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (theirs, i);
      GDate date;

      if (sam_meeting_get_local_date (meeting, &date) && g_date_get_year (&date) == year &&
          overlaps_slot (meeting, hour, minute, duration))
        g_array_append_val (days, date);
    }

  return days;
}

static GDateTime *
local_time (const char *utc)
{
  g_autoptr(GDateTime) time = sam_calendar_parse_utc (utc);

  return sam_calendar_to_stockholm (time);
}

static void
meeting_toggled_cb (GtkCheckButton *check,
                    SamMeeting     *meeting)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (gtk_widget_get_root (GTK_WIDGET (check)));

  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->chosen, meeting);
  else
    g_hash_table_remove (self->chosen, meeting);
}

static void
release_meeting_cb (gpointer  data,
                    GClosure *closure)
{
  g_object_unref (data);
}

/* Whom @meeting, proposed, would book twice: “Anna Berg (AOI-mötet),
 * …”, or NULL. */
static char *
describe_clashes (SamPlanYearDialog *self,
                  SamMeeting        *meeting)
{
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GString) names = NULL;

  if (self->store == NULL || selected_group (self) == NULL)
    return NULL;
  clashes = sam_store_list_slot_clashes (self->store, selected_group (self), sam_meeting_get_starts (meeting),
                                         sam_meeting_get_ends (meeting), NULL);
  if (clashes == NULL || clashes->len == 0)
    return NULL;

  names = g_string_new (NULL);
  for (guint i = 0; i < clashes->len; i++)
    {
      SamDoubleBooking *clash = g_ptr_array_index (clashes, i);
      g_autoptr(SamMeeting) other = sam_store_dup_by_uuid (self->store, SAM_TYPE_MEETING, clash->second_uuid, NULL);

      if (names->len > 0)
        g_string_append (names, ", ");
      /* Translators: a person and the meeting they are already booked
       * into, as in “Anna Berg (AOI, March meeting)” */
      g_string_append_printf (names, _("%s (%s)"), clash->person_name,
                              other != NULL ? sam_meeting_get_title (other) : "");
    }

  /* Translators: under a proposed meeting: the people it would book into
   * two meetings at once, as in “Books twice: Anna Berg (…)” */
  return g_strdup_printf (_("Books twice: %s"), names->str);
}

/* A proposed meeting, ticked to be added, with whom it would book twice;
 * or, when there is no proposal, a row that says why. */
static GtkWidget *
create_proposal_row (gpointer item,
                     gpointer user_data)
{
  SamPlanYearDialog *self = user_data;
  g_autofree char *clashes = NULL;
  g_autofree char *shown_clashes = NULL;
  SamMeeting *meeting;
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *week = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check;
  GDate date;

  if (GTK_IS_STRING_OBJECT (item))
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), gtk_string_object_get_string (item));
      return row;
    }

  meeting = SAM_MEETING (item);
  if (!sam_meeting_get_local_date (meeting, &date))
    return row;
  start = local_time (sam_meeting_get_starts (meeting));
  end = local_time (sam_meeting_get_ends (meeting));
  day = sam_calendar_format_long (&date);
  title = g_strdup_printf ("%s %s", sam_calendar_weekday_name (g_date_get_weekday (&date)), day);
  week = sam_calendar_format_week (sam_calendar_iso_week (&date, NULL));
  clashes = describe_clashes (self, meeting);
  /* The row's subtitle is markup: people's and meetings' names are not. */
  shown_clashes = clashes != NULL ? g_markup_escape_text (clashes, -1) : NULL;
  subtitle = g_strdup_printf ("%s, %02d:%02d–%02d:%02d%s%s", week,
                              g_date_time_get_hour (start), g_date_time_get_minute (start),
                              g_date_time_get_hour (end), g_date_time_get_minute (end),
                              shown_clashes != NULL ? "\n" : "", shown_clashes != NULL ? shown_clashes : "");
  check = gtk_check_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  g_signal_connect_data (check, "toggled", G_CALLBACK (meeting_toggled_cb),
                         g_object_ref (meeting), release_meeting_cb, 0);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  if (clashes != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_tooltip_text (icon, clashes);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), icon);
    }

  return row;
}

/* Shows @proposal, every meeting of it ticked. */
static void
show_proposal (SamPlanYearDialog *self,
               GListStore        *proposal)
{
  g_hash_table_remove_all (self->chosen);
  g_set_object (&self->proposal, proposal);
  for (guint i = 0; proposal != NULL && i < g_list_model_get_n_items (G_LIST_MODEL (proposal)); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (proposal), i);

      g_hash_table_add (self->chosen, meeting);
    }
  gtk_list_box_bind_model (self->proposal_list, G_LIST_MODEL (proposal), create_proposal_row, self, NULL);
}

/* No proposal: @message says why. */
static void
show_message (SamPlanYearDialog *self,
              const char        *message)
{
  const char *strings[] = { message, NULL };
  g_autoptr(GtkStringList) list = gtk_string_list_new (strings);

  g_hash_table_remove_all (self->chosen);
  g_clear_object (&self->proposal);
  gtk_list_box_bind_model (self->proposal_list, G_LIST_MODEL (list), create_proposal_row, NULL, NULL);
}

static void
propose (SamPlanYearDialog *self)
{
  g_autoptr(GArray) taken = NULL;
  g_autoptr(GArray) planned = NULL;
  g_autoptr(GListStore) proposal = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) time = NULL;
  SamYearPlanOptions options;
  guint year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint64 hour = 13, minute = 0;

  if (self->updating)
    return;
  if (selected_group (self) == NULL)
    {
      show_proposal (self, NULL);
      return;
    }

  time = g_strsplit_set (gtk_editable_get_text (GTK_EDITABLE (self->time_row)), ":.", 2);
  if (time[0] == NULL || !g_ascii_string_to_unsigned (time[0], 10, 0, 23, &hour, NULL) ||
      (time[1] != NULL && !g_ascii_string_to_unsigned (time[1], 10, 0, 59, &minute, NULL)))
    {
      show_message (self, _("Write the time as HH:MM, such as 13:00."));
      return;
    }

  sam_year_plan_options_init (&options, year, gtk_spin_button_get_value_as_int (self->count_spin));
  options.weekday = G_DATE_MONDAY + adw_combo_row_get_selected (self->weekday_row);
  options.hour = hour;
  options.minute = minute;
  options.duration_minutes = gtk_spin_button_get_value_as_int (self->length_spin);
  options.avoid_short_days = gtk_switch_get_active (self->short_days_switch);
  taken = taken_days (self, year, hour, minute, options.duration_minutes);
  options.first_summer_week = gtk_spin_button_get_value_as_int (self->summer_from_spin);
  options.last_summer_week = gtk_spin_button_get_value_as_int (self->summer_to_spin);
  if (options.last_summer_week < options.first_summer_week)
    options.first_summer_week = options.last_summer_week = 0;
  options.avoid = (const GDate *) (gpointer) taken->data;
  options.n_avoid = taken->len;

  if ((planned = sam_year_plan_propose (&options, &error)) == NULL)
    {
      show_message (self, error->message);
      return;
    }

  /* The new meetings' start and end; the rest is filled in when they are
   * added. */
  proposal = g_list_store_new (SAM_TYPE_MEETING);
  for (guint i = 0; i < planned->len; i++)
    {
      SamPlannedMeeting *slot = &g_array_index (planned, SamPlannedMeeting, i);
      g_autoptr(SamMeeting) meeting = sam_meeting_new ();
      g_autofree char *starts = sam_calendar_utc_string (slot->start);
      g_autofree char *ends = sam_calendar_utc_string (slot->end);

      g_object_set (meeting, "starts", starts, "ends", ends, NULL);
      g_list_store_append (proposal, meeting);
    }
  show_proposal (self, proposal);
}

/* The commission's numbers, and what the group has in the year already. */
static void
update_summary (SamPlanYearDialog *self)
{
  const char *group_uuid = selected_group (self);
  g_autoptr(SamCommission) commission = NULL;
  g_autofree char *text = NULL;
  guint year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint count;

  if (group_uuid == NULL)
    return;

  commission = sam_store_dup_group_commission (self->store, group_uuid, NULL);
  count = sam_meeting_checks_count (self->store, group_uuid, year, NULL);
  if (commission != NULL && sam_commission_get_min_meetings (commission) >= 0 && sam_commission_get_max_meetings (commission) >= 0)
    /* Translators: “3 meetings in 2027 already; the commission asks for 4 to 8 a year.” */
    text = g_strdup_printf (ngettext ("%u meeting in %u already; the commission asks for %d to %d a year.",
                                      "%u meetings in %u already; the commission asks for %d to %d a year.", count),
                            count, year, sam_commission_get_min_meetings (commission),
                            sam_commission_get_max_meetings (commission));
  else
    text = g_strdup_printf (ngettext ("%u meeting in %u already; the group has no commission that sets a number.",
                                      "%u meetings in %u already; the group has no commission that sets a number.", count),
                            count, year);
  adw_preferences_group_set_description (self->options_group, text);
}

/* The meetings a year should have: the commission's minimum, or one
 * where the commission sets no number. */
static guint
wanted_meetings (SamCommission *commission)
{
  return commission != NULL && sam_commission_get_min_meetings (commission) > 0
         ? (guint) sam_commission_get_min_meetings (commission) : 1;
}

/* Proposes what the year still lacks of the commission's minimum: the
 * meetings already planned count. */
static void
set_count (SamPlanYearDialog *self,
           SamCommission     *commission)
{
  guint year = gtk_spin_button_get_value_as_int (self->year_spin);
  guint planned = sam_meeting_checks_count (self->store, selected_group (self), year, NULL);
  guint wanted = wanted_meetings (commission);

  gtk_spin_button_set_value (self->count_spin, planned < wanted ? wanted - planned : 1);
}

/* A new group: what its commission's minimum still asks for, in the first
 * year from the one asked for that does not have that many yet. */
static void
group_changed (SamPlanYearDialog *self,
               gboolean           choose_year)
{
  const char *group_uuid = selected_group (self);
  g_autoptr(SamCommission) commission = NULL;
  guint year = gtk_spin_button_get_value_as_int (self->year_spin);

  if (group_uuid == NULL)
    return;

  self->updating = TRUE;
  commission = sam_store_dup_group_commission (self->store, group_uuid, NULL);
  if (choose_year)
    {
      while (year < 2100 && sam_meeting_checks_count (self->store, group_uuid, year, NULL) >= wanted_meetings (commission))
        year++;
      gtk_spin_button_set_value (self->year_spin, year);
    }
  set_count (self, commission);
  self->updating = FALSE;

  update_summary (self);
  propose (self);
}

static void
group_selected_cb (SamPlanYearDialog *self)
{
  group_changed (self, TRUE);
}

static void
year_changed_cb (SamPlanYearDialog *self)
{
  g_autoptr(SamCommission) commission = NULL;

  if (self->updating || selected_group (self) == NULL)
    return;
  commission = sam_store_dup_group_commission (self->store, selected_group (self), NULL);
  self->updating = TRUE;
  set_count (self, commission);
  self->updating = FALSE;
  update_summary (self);
  propose (self);
}

/* The register's setting, for everyone who plans in it. */
static void
short_days_changed_cb (SamPlanYearDialog *self)
{
  g_autoptr(GError) error = NULL;
  gboolean active = gtk_switch_get_active (self->short_days_switch);

  if (!sam_store_set_boolean_setting (self->store, AVOID_SHORT_DAYS, active, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save the Setting"), error);
      return;
    }
  propose (self);
}

static void
options_changed_cb (SamPlanYearDialog *self)
{
  propose (self);
}

static void
propose_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  propose (SAM_PLAN_YEAR_DIALOG (widget));
}

/* Where and how the group met last, for the new meetings. */
static SamMeeting *
latest_meeting (SamPlanYearDialog *self)
{
  g_autoptr(GListModel) meetings = sam_store_list_group_meetings (self->store, selected_group (self), NULL);
  guint n = meetings != NULL ? g_list_model_get_n_items (meetings) : 0;

  return n > 0 ? g_list_model_get_item (meetings, n - 1) : NULL;
}

static void
accept_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (widget);
  const char *group_uuid = selected_group (self);
  const char *groups[] = { group_uuid, NULL };
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(SamMeeting) latest = NULL;
  g_autoptr(GPtrArray) chosen = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  if (group_uuid == NULL || self->proposal == NULL)
    return;

  group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, group_uuid, NULL);
  latest = latest_meeting (self);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->proposal)) && group != NULL; i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->proposal), i);
      g_autofree char *month = NULL;
      g_autofree char *title = NULL;
      GDate date;

      if (!g_hash_table_contains (self->chosen, meeting) || !sam_meeting_get_local_date (meeting, &date))
        continue;

      month = sam_calendar_format_month (g_date_get_year (&date), g_date_get_month (&date));
      /* Translators: a planned meeting's title: the group's name and the month, “… – möte februari 2027” */
      title = g_strdup_printf (_("%s – meeting %s"), sam_group_get_name (group), month);
      g_object_set (meeting,
                    "title", title,
                    "kind", SAM_MEETING_KIND_ORDINARY,
                    "status", SAM_MEETING_STATUS_PLANNED,
                    "place", latest != NULL ? sam_meeting_get_place (latest) : NULL,
                    "link", latest != NULL ? sam_meeting_get_link (latest) : NULL,
                    NULL);
      g_ptr_array_add (chosen, g_steal_pointer (&meeting));
    }

  /* All of the plan or, if the register refuses one, none of it. */
  if (!sam_store_add_meetings (self->store, chosen, groups, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Add the Meetings"), error);
      return;
    }

  g_signal_emit (self, signals[PLANNED], 0, chosen->len, group_uuid,
                 gtk_spin_button_get_value_as_int (self->year_spin));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* The groups to plan for: the register's, by name; the council first
 * chosen unless the page asked for a group. */
static void
fill_groups (SamPlanYearDialog *self)
{
  g_autoptr(GListModel) groups = sam_store_list_groups (self->store, NULL);
  guint selected = G_MAXUINT;

  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (sam_group_get_uuid (group), self->initial_group) == 0 ||
          (self->initial_group == NULL && selected == G_MAXUINT && sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL))
        selected = i;
    }

  adw_combo_row_set_expression (self->group_row, gtk_property_expression_new (SAM_TYPE_GROUP, NULL, "name"));
  adw_combo_row_set_model (self->group_row, groups);
  adw_combo_row_set_selected (self->group_row, selected != G_MAXUINT ? selected : 0);
}

static void
sam_plan_year_dialog_constructed (GObject *object)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (object);
  g_autoptr(GtkStringList) weekdays = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sam_plan_year_dialog_parent_class)->constructed (object);

  for (GDateWeekday w = G_DATE_MONDAY; w <= G_DATE_FRIDAY; w++)
    gtk_string_list_append (weekdays, sam_calendar_weekday_name (w));
  adw_combo_row_set_model (self->weekday_row, G_LIST_MODEL (weekdays));
  adw_combo_row_set_selected (self->weekday_row, G_DATE_TUESDAY - G_DATE_MONDAY);
  if (self->initial_year > 0)
    gtk_spin_button_set_value (self->year_spin, self->initial_year);

  if (self->store == NULL)
    return;

  gtk_switch_set_active (self->short_days_switch,
                         sam_store_get_boolean_setting (self->store, AVOID_SHORT_DAYS, TRUE));
  fill_groups (self);
  group_changed (self, TRUE);

  g_signal_connect_swapped (self->group_row, "notify::selected", G_CALLBACK (group_selected_cb), self);
  g_signal_connect_swapped (self->year_spin, "value-changed", G_CALLBACK (year_changed_cb), self);
  g_signal_connect_swapped (self->count_spin, "value-changed", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->length_spin, "value-changed", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->summer_from_spin, "value-changed", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->summer_to_spin, "value-changed", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->weekday_row, "notify::selected", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->time_row, "apply", G_CALLBACK (options_changed_cb), self);
  g_signal_connect_swapped (self->short_days_switch, "notify::active", G_CALLBACK (short_days_changed_cb), self);
}

static void
sam_plan_year_dialog_dispose (GObject *object)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PLAN_YEAR_DIALOG);
  g_clear_object (&self->store);
  g_clear_object (&self->proposal);
  g_clear_pointer (&self->chosen, g_hash_table_unref);

  G_OBJECT_CLASS (sam_plan_year_dialog_parent_class)->dispose (object);
}

static void
sam_plan_year_dialog_finalize (GObject *object)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (object);

  g_free (self->initial_group);

  G_OBJECT_CLASS (sam_plan_year_dialog_parent_class)->finalize (object);
}

static void
sam_plan_year_dialog_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_GROUP_UUID:
      self->initial_group = g_value_dup_string (value);
      break;
    case PROP_YEAR:
      self->initial_year = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_plan_year_dialog_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  SamPlanYearDialog *self = SAM_PLAN_YEAR_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_GROUP_UUID:
      g_value_set_string (value, self->initial_group);
      break;
    case PROP_YEAR:
      g_value_set_uint (value, self->initial_year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_plan_year_dialog_class_init (SamPlanYearDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sam_plan_year_dialog_constructed;
  object_class->dispose = sam_plan_year_dialog_dispose;
  object_class->finalize = sam_plan_year_dialog_finalize;
  object_class->set_property = sam_plan_year_dialog_set_property;
  object_class->get_property = sam_plan_year_dialog_get_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE, flags);
  properties[PROP_GROUP_UUID] = g_param_spec_string ("group-uuid", NULL, NULL, NULL, flags);
  properties[PROP_YEAR] = g_param_spec_uint ("year", NULL, NULL, 0, 9999, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamPlanYearDialog::planned:
   * @n_added: how many meetings were added
   * @group_uuid: the group
   * @year: the year planned
   */
  signals[PLANNED] = g_signal_new ("planned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 3, G_TYPE_UINT, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-plan-year-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, options_group);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, proposal_group);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, group_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, count_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, weekday_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, time_row);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, length_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, summer_from_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, summer_to_spin);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, short_days_switch);
  gtk_widget_class_bind_template_child (widget_class, SamPlanYearDialog, proposal_list);

  gtk_widget_class_install_action (widget_class, "plan.propose", NULL, propose_action);
  gtk_widget_class_install_action (widget_class, "plan.accept", NULL, accept_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_plan_year_dialog_init (SamPlanYearDialog *self)
{
  self->chosen = g_hash_table_new (NULL, NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_plan_year_dialog_new:
 * @parent: (nullable): the window to stay above
 * @store: the register
 * @group_uuid: (nullable): the group to plan first
 * @year: the year to start from
 *
 * Returns: (transfer none): the new dialog, not yet shown
 */
SamPlanYearDialog *
sam_plan_year_dialog_new (GtkWindow  *parent,
                          SamStore   *store,
                          const char *group_uuid,
                          guint       year)
{
  return g_object_new (SAM_TYPE_PLAN_YEAR_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "group-uuid", group_uuid,
                       "year", year,
                       NULL);
}

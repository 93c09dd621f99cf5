/* test-meetings-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Meetings page in the real window under Xvfb, on the demo register:
 * the year, month and list views with their accessible day names, planning
 * a year and accepting the proposal, an agenda item of kind decision that
 * opens a draft, the notes, the rows beside the calendar and what their
 * buttons do, follow-ups put on the agenda, notes kept when the user moves
 * on, and screenshots (in Swedish when run so). What a step writes is read
 * back from the register file, as another program would see it.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-agenda-item-editor.h"
#include "sam-application.h"
#include "sam-calendar.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-meeting-checks.h"
#include "sam-meeting-editor.h"
#include "sam-meetings-page.h"
#include "sam-month-view.h"
#include "sam-plan-year-dialog.h"
#include "sam-store-meetings.h"
#include "sam-test-ui.h"
#include "sam-window.h"
#include "sam-year-view.h"

static SamWindow *
open_demo (void)
{
  SamWindow *window = sam_test_open_demo (1400, 900);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");

  return window;
}

static guint
count_buttons (GtkWidget *root)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  sam_test_collect_widgets (root, GTK_TYPE_BUTTON, buttons);

  return buttons->len;
}

static const char *
accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter for an accessible property; the views also set
   * the tooltip or keep the label text in a known place, so read those. */
  return gtk_widget_get_tooltip_text (widget);
}

static gboolean
label_is (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

/* Days with meetings are buttons named for screen readers; the views show
 * the demo's 2026, and the list holds every meeting of the year. */
static void
test_views (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GListModel) meetings = sam_store_list_meetings (store, NULL);
  GtkWidget *year_view;
  GtkWidget *month_view;
  GtkWidget *day = NULL;
  GtkWindow *editor;
  guint n_2026 = 0;

  g_assert_nonnull (page);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      n_2026 += sam_meeting_get_local_year (meeting) == 2026;
    }

  sam_meetings_page_show_period (page, "year", 2026, 2);
  year_view = sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_YEAR_VIEW);
  sam_test_wait_for (count_buttons (year_view) > 20);
  sam_test_collect_widgets (year_view, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, <=, n_2026);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-year");

  /* The month: every day of February is a button named with its week. */
  sam_meetings_page_show_period (page, "month", 2026, 2);
  month_view = sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_MONTH_VIEW);
  sam_test_wait_for (count_buttons (month_view) >= 28);
  g_ptr_array_set_size (buttons, 0);
  sam_test_collect_widgets (month_view, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 28);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = accessible_label (g_ptr_array_index (buttons, i));

      if (label != NULL && g_str_has_prefix (label, sam_test_tr ("Tuesday 10 February 2026, week 7", "tisdag 10 februari 2026, vecka 7")))
        day = g_ptr_array_index (buttons, i);
    }
  g_assert_nonnull (day);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-month");

  /* A day's button plans a meeting on that day. */
  gtk_widget_activate (day);
  editor = sam_test_wait_for_toplevel (SAM_TYPE_MEETING_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                           sam_test_tr ("Date (YYYY-MM-DD)", "Datum (ÅÅÅÅ-MM-DD)")))),
                   ==, "2026-02-10");

  /* A day that does not exist is named as such, and nothing is saved;
   * before, the editor only said how a date is written. */
  {
    GtkWidget *title_row = sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                              sam_test_tr ("Title", "Rubrik"));
    GtkWidget *date_row = sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                             sam_test_tr ("Date (YYYY-MM-DD)", "Datum (ÅÅÅÅ-MM-DD)"));
    const char *why = sam_test_tr ("“2026-02-30” does not exist: February 2026 has 28 days",
                                   "”2026-02-30” finns inte: februari 2026 har 28 dagar");
    guint n_meetings = g_list_model_get_n_items (meetings);
    g_autoptr(GListModel) now = NULL;

    g_assert_nonnull (title_row);
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Ett möte som inte kan bli");
    gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-30");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
    g_assert_nonnull (sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_LABEL, label_is, why));
    now = sam_store_list_meetings (store, NULL);
    g_assert_cmpuint (g_list_model_get_n_items (now), ==, n_meetings);
  }
  gtk_window_destroy (editor);

  sam_meetings_page_show_period (page, "list", 2026, 2);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-list");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Plan a year for the first council, accept the proposal: the new meetings
 * are within the commission's min–max and on working days outside the
 * summer; then an agenda item for decision and the notes. */
static void
test_plan_agenda_notes (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  GtkWindow *dialog;
  GtkWindow *editor;
  GtkTextView *notes;
  g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);
  g_autoptr(SamGroup) council = NULL;
  g_autoptr(GListModel) planned = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) decisions = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(SamMeeting) first = NULL;
  g_autoptr(SamMeeting) saved = NULL;
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(SamCommission) commission = NULL;
  g_autoptr(GError) error = NULL;
  guint count;

  for (guint i = 0; i < g_list_model_get_n_items (groups) && council == NULL; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL)
        council = g_steal_pointer (&group);
    }
  g_assert_nonnull (council);
  g_assert_cmpuint (sam_meeting_checks_count (store, sam_group_get_uuid (council), 2027, NULL), ==, 0);
  commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), NULL);
  g_assert_nonnull (commission);

  sam_meetings_page_show_period (page, "year", 2026, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.plan-year", NULL));
  dialog = sam_test_wait_for_toplevel (SAM_TYPE_PLAN_YEAR_DIALOG);
  sam_test_wait_until_mapped (adw_window_get_content (ADW_WINDOW (dialog)));
  /* A toplevel's own paintable is empty: take its content. */
  sam_test_save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), "screenshot-meetings-plan-year");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.accept", NULL));
  sam_test_wait_for (sam_test_find_toplevel (SAM_TYPE_PLAN_YEAR_DIALOG) == NULL);

  count = sam_meeting_checks_count (store, sam_group_get_uuid (council), 2027, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, sam_commission_get_min_meetings (commission));
  warnings = sam_meeting_checks_run (store, sam_group_get_uuid (council), 2027, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < warnings->len; i++)
    {
      SamMeetingWarning *warning = g_ptr_array_index (warnings, i);

      g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_FREQUENCY);
      g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_HOLIDAY);
      g_assert_cmpint (warning->kind, !=, SAM_MEETING_WARNING_WEEKEND);
    }

  /* The first planned meeting: an item for decision, with notes. */
  planned = sam_store_list_meetings_between (store, sam_group_get_uuid (council),
                                             "2027-01-01T00:00:00Z", "2028-01-01T00:00:00Z", NULL);
  g_assert_cmpuint (g_list_model_get_n_items (planned), ==, count);
  first = g_list_model_get_item (planned, 0);
  sam_meetings_page_select_meeting (page, sam_meeting_get_uuid (first));
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, sam_meeting_get_uuid (first));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.add-item", NULL));
  editor = sam_test_wait_for_toplevel (SAM_TYPE_AGENDA_ITEM_EDITOR);
  sam_test_collect_widgets (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "Gemensam rutin för överflyttning");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "Ordförande");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW)), SAM_AGENDA_KIND_DECISION);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sam_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW))),
                            "Rådet ställde sig bakom rutinen.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "item.save", NULL));
  /* The page shows the new item once it has read the register again; the
   * notes field below is filled anew then. */
  sam_test_wait_for (sam_test_find_row (GTK_WIDGET (page), ADW_TYPE_PREFERENCES_ROW,
                                        "1. Gemensam rutin för överflyttning") != NULL);

  agenda = sam_store_list_agenda (store, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (agenda), ==, 1);
  item = g_list_model_get_item (agenda, 0);
  g_assert_cmpstr (sam_agenda_item_get_title (item), ==, "Gemensam rutin för överflyttning");
  g_assert_cmpstr (sam_agenda_item_get_notes (item), ==, "Rådet ställde sig bakom rutinen.");
  decisions = sam_store_list_meeting_decisions (store, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (decisions), ==, 1);

  notes = GTK_TEXT_VIEW (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW));
  g_assert_nonnull (notes);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (notes), "Mötet planerades med årsplaneraren.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.save-notes", NULL));
  saved = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpstr (sam_meeting_get_notes (saved), ==, "Mötet planerades med årsplaneraren.");

  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-detail");
  gtk_window_destroy (GTK_WINDOW (window));
}

static SamGroup *
dup_council (SamStore *store)
{
  g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL)
        return g_steal_pointer (&group);
    }

  return NULL;
}

/* The buttons of the page's view of @type, collected into @buttons. */
static guint
collect_view_buttons (SamMeetingsPage *page,
                      GType            type,
                      GPtrArray       *buttons)
{
  g_ptr_array_set_size (buttons, 0);
  sam_test_collect_widgets (sam_test_find_widget (GTK_WIDGET (page), type), GTK_TYPE_BUTTON, buttons);

  return buttons->len;
}

/* How many groups @meeting joins, as the register holds it now. */
static guint
count_joined (SamStore   *store,
              SamMeeting *meeting)
{
  g_auto(GStrv) joined = sam_store_dup_meeting_groups (store, sam_meeting_get_uuid (meeting), NULL);

  return joined != NULL ? g_strv_length (joined) : 0;
}

/* How many meetings @group has, as the register holds it now. */
static guint
count_meetings (SamStore *store,
                SamGroup *group)
{
  g_autoptr(GListModel) meetings = sam_store_list_group_meetings (store, sam_group_get_uuid (group), NULL);

  return meetings != NULL ? g_list_model_get_n_items (meetings) : 0;
}

/* The page redraws in an idle once the store has changed, which a busy
 * main loop may put off for a while: wait for the row the change shows. */
static GtkWidget *
wait_for_row (SamMeetingsPage *page,
              const char      *title)
{
  GtkWidget *row = NULL;

  sam_test_wait_for ((row = sam_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, title)) != NULL);

  return row;
}

/* An item's row, by its number and title as the agenda shows them. */
static GtkWidget *
wait_for_item_row (SamMeetingsPage *page,
                   guint            number,
                   const char      *title)
{
  g_autofree char *row_title = g_strdup_printf ("%u. %s", number, title);

  return wait_for_row (page, row_title);
}

static gboolean
has_tooltip (GtkWidget     *widget,
             gconstpointer  tooltip)
{
  return g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0;
}

/* A click, at once: gtk_widget_activate() presses a button for a moment
 * first, and only if it is realized. */
static void
click (GtkWidget *button)
{
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
}

static gboolean
has_tooltip_prefix (GtkWidget     *widget,
                    gconstpointer  prefix)
{
  const char *tooltip = gtk_widget_get_tooltip_text (widget);

  return tooltip != NULL && g_str_has_prefix (tooltip, prefix);
}

static GtkWidget *
find_button (GtkWidget  *row,
             const char *tooltip)
{
  return sam_test_find_widget_full (row, GTK_TYPE_BUTTON, has_tooltip, tooltip);
}

static char *
dup_agenda_titles (SamStore   *store,
                   const char *meeting_uuid)
{
  g_autoptr(GListModel) agenda = sam_store_list_agenda (store, meeting_uuid, NULL);
  g_autoptr(GString) titles = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamAgendaItem) item = g_list_model_get_item (agenda, i);

      g_string_append_printf (titles, "%s%s", i > 0 ? "|" : "", sam_agenda_item_get_title (item));
    }

  return g_string_free (g_steal_pointer (&titles), FALSE);
}

static void
assert_agenda_ends_with (SamStore   *store,
                         const char *meeting_uuid,
                         const char *titles)
{
  g_autofree char *agenda = dup_agenda_titles (store, meeting_uuid);

  if (!g_str_has_suffix (agenda, titles))
    g_error ("the agenda is “%s”, not “…%s”", agenda, titles);
}

static SamAttendance *
dup_attendance (SamStore   *store,
                const char *meeting_uuid,
                const char *person_uuid)
{
  g_autoptr(GListModel) list = sam_store_list_attendance (store, meeting_uuid, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamAttendance) line = g_list_model_get_item (list, i);

      if (g_strcmp0 (sam_attendance_get_person_uuid (line), person_uuid) == 0)
        return g_steal_pointer (&line);
    }

  return NULL;
}

static GtkDropTarget *
find_drop_target (GtkWidget *row)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (row);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

/* The rows beside the calendar know their items: the agenda's arrows,
 * Remove Item, a drop and a click on a row act on the item they show, and
 * a line of the attendance records its own person; the group filter and
 * the substitute dialog choose from their models. */
static void
test_rows (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autoptr(SamGroup) council = dup_council (store);
  g_autoptr(GListModel) meetings = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListModel) attendance = NULL;
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GHashTable) days = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(SamAgendaItem) dragged = NULL;
  g_autoptr(SamAttendance) member = NULL;
  g_autoptr(SamAttendance) line = NULL;
  g_autoptr(SamAttendance) substitute = NULL;
  g_autoptr(SamPerson) stranger = NULL;
  const char *names[] = { "Första punkten", "Andra punkten", "Tredje punkten" };
  GValue value = G_VALUE_INIT;
  GtkDropDown *dropdown;
  GListModel *choices;
  GtkWidget *row;
  GtkWidget *button;
  GtkWindow *editor;
  GtkWindow *dialog;
  GtkDropTarget *target;
  const char *uuid;
  GDate first_day;
  gboolean dropped = FALSE;
  guint stranger_index = 0;
  guint n;

  g_assert_nonnull (council);
  meetings = sam_store_list_group_meetings (store, sam_group_get_uuid (council), NULL);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) candidate = g_list_model_get_item (meetings, i);
      GDate date;

      if (!sam_meeting_get_local_date (candidate, &date) || g_date_get_year (&date) != 2026)
        continue;
      g_hash_table_add (days, GUINT_TO_POINTER (g_date_get_julian (&date)));
      if (meeting == NULL)
        {
          meeting = g_steal_pointer (&candidate);
          first_day = date;
        }
    }
  g_assert_nonnull (meeting);
  uuid = sam_meeting_get_uuid (meeting);

  /* The group filter: the year view marks the council's days, no others. */
  sam_meetings_page_show_period (page, "year", 2026, 1);
  dropdown = GTK_DROP_DOWN (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
  choices = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (choices, i);

      if (SAM_IS_GROUP (item) && g_strcmp0 (sam_group_get_uuid (SAM_GROUP (item)), sam_group_get_uuid (council)) == 0)
        gtk_drop_down_set_selected (dropdown, i);
    }
  /* The page reads the register again in an idle: wait for the year view
   * to hold the council's days only. */
  sam_test_wait_for (collect_view_buttons (page, SAM_TYPE_YEAR_VIEW, widgets) == g_hash_table_size (days));
  /* The first of those days shows its first meeting. */
  click (g_ptr_array_index (widgets, 0));
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, uuid);
  gtk_drop_down_set_selected (dropdown, 0);

  /* The month view's button for that meeting shows it too. */
  sam_meetings_page_select_meeting (page, NULL);
  sam_meetings_page_show_period (page, "month", 2026, g_date_get_month (&first_day));
  button = sam_test_find_widget_full (sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_MONTH_VIEW),
                                      GTK_TYPE_BUTTON, has_tooltip_prefix, sam_meeting_get_title (meeting));
  click (button);
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, uuid);

  /* Three items at the end of one of its meetings' agenda. */
  sam_meetings_page_select_meeting (page, uuid);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SamAgendaItem) item = sam_agenda_item_new (uuid);
      g_autoptr(GError) error = NULL;

      sam_agenda_item_set_title (item, names[i]);
      g_assert_true (sam_store_save_agenda_item (store, item, &error));
      g_assert_no_error (error);
    }
  agenda = sam_store_list_agenda (store, uuid, NULL);
  n = g_list_model_get_n_items (agenda);
  assert_agenda_ends_with (store, uuid, "Första punkten|Andra punkten|Tredje punkten");

  /* The last item has no Move Down; its Move Up moves it. */
  row = wait_for_item_row (page, n, "Tredje punkten");
  g_assert_nonnull (row);
  g_assert_null (find_button (row, sam_test_tr ("Move Down", "Flytta ned")));
  click (find_button (row, sam_test_tr ("Move Up", "Flytta upp")));
  g_assert_nonnull (wait_for_item_row (page, n - 1, "Tredje punkten"));
  assert_agenda_ends_with (store, uuid, "Första punkten|Tredje punkten|Andra punkten");

  row = wait_for_item_row (page, n - 2, "Första punkten");
  click (find_button (row, sam_test_tr ("Move Down", "Flytta ned")));
  g_assert_nonnull (wait_for_item_row (page, n - 1, "Första punkten"));
  assert_agenda_ends_with (store, uuid, "Tredje punkten|Första punkten|Andra punkten");

  /* The last item dropped on the first of the three takes its place. */
  target = find_drop_target (wait_for_item_row (page, n - 2, "Tredje punkten"));
  g_assert_nonnull (target);
  g_clear_object (&agenda);
  agenda = sam_store_list_agenda (store, uuid, NULL);
  dragged = g_list_model_get_item (agenda, n - 1);
  g_value_init (&value, SAM_TYPE_AGENDA_ITEM);
  g_value_set_object (&value, dragged);
  g_signal_emit_by_name (target, "drop", &value, 0.0, 0.0, &dropped);
  g_value_unset (&value);
  g_assert_true (dropped);
  g_assert_nonnull (wait_for_item_row (page, n - 2, "Andra punkten"));
  assert_agenda_ends_with (store, uuid, "Andra punkten|Tredje punkten|Första punkten");

  /* A click on a row edits its item; its Remove Item removes it. */
  row = wait_for_item_row (page, n - 1, "Tredje punkten");
  gtk_widget_activate (row);
  editor = sam_test_wait_for_toplevel (SAM_TYPE_AGENDA_ITEM_EDITOR);
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW))),
                   ==, "Tredje punkten");
  gtk_window_destroy (editor);
  click (find_button (row, sam_test_tr ("Remove Item", "Ta bort punkt")));
  g_assert_nonnull (wait_for_item_row (page, n - 1, "Första punkten"));
  assert_agenda_ends_with (store, uuid, "Andra punkten|Första punkten");

  /* A member's line of the attendance records that member. */
  attendance = sam_store_list_attendance (store, uuid, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (attendance) && member == NULL; i++)
    {
      g_autoptr(SamAttendance) candidate = g_list_model_get_item (attendance, i);

      if (sam_attendance_is_member (candidate))
        member = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (member);
  row = wait_for_row (page, sam_attendance_get_person_name (member));
  /* The row says the role the list is sorted by. */
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)),
                                   sam_role_get_label (sam_attendance_get_role (member))));
  g_assert_nonnull (row);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (sam_test_find_widget (row, GTK_TYPE_DROP_DOWN)),
                              SAM_ATTENDANCE_STATUS_ABSENT + 1);
  line = dup_attendance (store, uuid, sam_attendance_get_person_uuid (member));
  g_assert_cmpint (sam_attendance_get_status (line), ==, SAM_ATTENDANCE_STATUS_ABSENT);

  /* A substitute from outside the groups, standing in for that member. */
  people = sam_store_list_people (store, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (people) && stranger == NULL; i++)
    {
      g_autoptr(SamPerson) person = g_list_model_get_item (people, i);
      g_autoptr(SamAttendance) expected = dup_attendance (store, uuid, sam_person_get_uuid (person));

      if (expected == NULL)
        {
          stranger = g_steal_pointer (&person);
          stranger_index = i;
        }
    }
  g_assert_nonnull (stranger);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.add-substitute", NULL));
  dialog = sam_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  g_ptr_array_set_size (widgets, 0);
  sam_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_DROP_DOWN, widgets);
  g_assert_cmpuint (widgets->len, ==, 2);
  gtk_drop_down_set_selected (g_ptr_array_index (widgets, 0), stranger_index);
  /* The first member comes after “Nobody in particular”. */
  gtk_drop_down_set_selected (g_ptr_array_index (widgets, 1), 1);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "add");
  substitute = dup_attendance (store, uuid, sam_person_get_uuid (stranger));
  g_assert_nonnull (substitute);
  g_assert_cmpint (sam_attendance_get_status (substitute), ==, SAM_ATTENDANCE_STATUS_SUBSTITUTE);
  g_assert_cmpstr (sam_attendance_get_substitute_for_uuid (substitute), ==, sam_attendance_get_person_uuid (member));

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkCheckButton *
find_group_check (GtkWindow *editor,
                  SamGroup  *group)
{
  GtkWidget *row = sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ACTION_ROW, sam_group_get_name (group));

  g_assert_nonnull (row);
  return GTK_CHECK_BUTTON (sam_test_find_widget (row, GTK_TYPE_CHECK_BUTTON));
}

/* The meeting editor saves the groups that are ticked and the meeting
 * chosen as the one prepared; the year planner adds the proposed meetings
 * that are still ticked. */
static void
test_editor_and_planner (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autoptr(SamGroup) council = dup_council (store);
  g_autoptr(GListModel) meetings = sam_store_list_meetings (store, NULL);
  g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);
  g_autoptr(GListModel) before = NULL;
  g_autoptr(GListModel) after = NULL;
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();
  g_autoptr(SamMeeting) preparing = NULL;
  g_autoptr(SamMeeting) saved = NULL;
  g_autoptr(SamGroup) other = NULL;
  g_auto(GStrv) joined = NULL;
  g_auto(GStrv) now_joined = NULL;
  GtkWindow *editor;
  GtkWindow *dialog;

  for (guint i = 0; i < g_list_model_get_n_items (meetings) && preparing == NULL; i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      if (sam_meeting_get_prepares_uuid (meeting) != NULL)
        preparing = g_steal_pointer (&meeting);
    }
  g_assert_nonnull (preparing);
  joined = sam_store_dup_meeting_groups (store, sam_meeting_get_uuid (preparing), NULL);
  g_assert_nonnull (joined);
  for (guint i = 0; i < g_list_model_get_n_items (groups) && other == NULL; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (!g_strv_contains ((const char * const *) joined, sam_group_get_uuid (group)))
        other = g_steal_pointer (&group);
    }
  g_assert_nonnull (other);

  /* A preparing meeting's groups are ticked; one more joins it. */
  sam_meetings_page_select_meeting (page, sam_meeting_get_uuid (preparing));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.edit-meeting", NULL));
  editor = sam_test_wait_for_toplevel (SAM_TYPE_MEETING_EDITOR);
  g_assert_nonnull (editor);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      g_assert_cmpint (gtk_check_button_get_active (find_group_check (editor, group)), ==,
                       g_strv_contains ((const char * const *) joined, sam_group_get_uuid (group)));
    }
  gtk_check_button_set_active (find_group_check (editor, other), TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  sam_test_wait_for (count_joined (store, preparing) == g_strv_length (joined) + 1);

  saved = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, sam_meeting_get_uuid (preparing), NULL);
  g_assert_cmpstr (sam_meeting_get_prepares_uuid (saved), ==, sam_meeting_get_prepares_uuid (preparing));
  now_joined = sam_store_dup_meeting_groups (store, sam_meeting_get_uuid (preparing), NULL);
  g_assert_cmpuint (g_strv_length (now_joined), ==, g_strv_length (joined) + 1);
  g_assert_true (g_strv_contains ((const char * const *) now_joined, sam_group_get_uuid (other)));
  for (guint i = 0; joined[i] != NULL; i++)
    g_assert_true (g_strv_contains ((const char * const *) now_joined, joined[i]));

  /* The planner: untick the first proposed meeting, add the rest. */
  g_assert_nonnull (council);
  before = sam_store_list_group_meetings (store, sam_group_get_uuid (council), NULL);
  sam_meetings_page_show_period (page, "year", 2026, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.plan-year", NULL));
  dialog = sam_test_wait_for_toplevel (SAM_TYPE_PLAN_YEAR_DIALOG);
  g_assert_nonnull (dialog);
  sam_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_CHECK_BUTTON, checks);
  g_assert_cmpuint (checks->len, >=, 2);
  gtk_check_button_set_active (g_ptr_array_index (checks, 0), FALSE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.accept", NULL));
  sam_test_wait_for (count_meetings (store, council) == g_list_model_get_n_items (before) + checks->len - 1);
  after = sam_store_list_group_meetings (store, sam_group_get_uuid (council), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (after), ==, g_list_model_get_n_items (before) + checks->len - 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The register file as another program sees it: the first column of the
 * first row of @sql (with @param as ?1), as text; NULL if there is none. */
static char *
query_file (const char *path,
            const char *sql,
            const char *param)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_type (stmt, 0) != SQLITE_NULL)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static SamDecision *
dup_decision (SamStore   *store,
              const char *code,
              int         year,
              int         serial)
{
  g_autofree char *sql = g_strdup_printf ("SELECT d.uuid FROM decision d JOIN grp g ON g.id = d.group_id "
                                          "WHERE g.code = ?1 AND d.year = %d AND d.serial = %d", year, serial);
  g_autofree char *uuid = query_file (sam_store_get_path (store), sql, code);

  g_assert_nonnull (uuid);
  return sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, uuid, NULL);
}

/* A decision's row among those due for follow-up: its number and title. */
static char *
follow_up_title (SamStore    *store,
                 SamDecision *decision)
{
  g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_decision_get_group_uuid (decision), NULL);
  g_autofree char *number = sam_decision_format_number (decision, sam_group_get_code (group));
  g_autofree char *title = g_strdup_printf ("%s %s", number, sam_decision_get_title (decision));

  return g_markup_escape_text (title, -1);
}

/* A new meeting of @group_uuid on @day at 13:00, Stockholm time. */
static char *
add_meeting (SamStore   *store,
             const char *group_uuid,
             const char *title,
             const char *day)
{
  g_autoptr(SamMeeting) meeting = sam_meeting_new ();
  const char *groups[] = { group_uuid, NULL };
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *starts = NULL;
  g_autofree char *ends = NULL;
  g_autoptr(GError) error = NULL;
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_parse (&date, day);
  start = sam_calendar_local_to_utc (&date, 13, 0);
  end = g_date_time_add_hours (start, 2);
  starts = sam_calendar_utc_string (start);
  ends = sam_calendar_utc_string (end);
  g_object_set (meeting, "title", title, "starts", starts, "ends", ends, NULL);
  g_assert_true (sam_store_save_meeting (store, meeting, groups, &error));
  g_assert_no_error (error);

  return g_strdup (sam_meeting_get_uuid (meeting));
}

/* AOI 2026:1 and AOI 2026:14 are both due at AOI's January meeting: both
 * are offered, and Add to Agenda on one puts that one on the agenda, bound
 * to the decision in the register file, and leaves the other offered. */
static void
test_follow_ups (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  const char *path = sam_store_get_path (store);
  g_autoptr(SamDecision) first = dup_decision (store, "AOI", 2026, 1);
  g_autoptr(SamDecision) fourteenth = dup_decision (store, "AOI", 2026, 14);
  g_autofree char *first_title = follow_up_title (store, first);
  g_autofree char *fourteenth_title = follow_up_title (store, fourteenth);
  g_autofree char *meeting = NULL;
  g_autofree char *linked = NULL;
  g_autofree char *count = NULL;
  g_autoptr(GError) error = NULL;
  const char *items = "SELECT count (*) FROM agenda_item WHERE kind = 'follow_up' "
                      "AND meeting_id = (SELECT id FROM meeting WHERE uuid = ?1)";
  GtkWidget *row;

  /* Both fall due after AOI's December meeting. */
  g_object_set (first, "follow-up", "2026-12-10", NULL);
  g_assert_true (sam_store_save (store, first, &error));
  g_assert_no_error (error);
  meeting = add_meeting (store, sam_decision_get_group_uuid (first), "AOI januari", "2027-01-14");
  sam_meetings_page_select_meeting (page, meeting);

  g_assert_nonnull (wait_for_row (page, first_title));
  row = wait_for_row (page, fourteenth_title);
  click (sam_test_find_widget (row, GTK_TYPE_BUTTON));
  sam_test_wait_for (sam_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, fourteenth_title) == NULL);
  g_assert_nonnull (sam_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, first_title));
  count = query_file (path, items, meeting);
  g_assert_cmpstr (count, ==, "1");
  linked = query_file (path, "SELECT d.uuid FROM agenda_item a JOIN decision d ON d.id = a.decision_id "
                       "WHERE a.meeting_id = (SELECT id FROM meeting WHERE uuid = ?1)", meeting);
  g_assert_cmpstr (linked, ==, sam_decision_get_uuid (fourteenth));

  click (sam_test_find_widget (wait_for_row (page, first_title), GTK_TYPE_BUTTON));
  sam_test_wait_for (sam_test_find_row (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, first_title) == NULL);
  g_clear_pointer (&count, g_free);
  count = query_file (path, "SELECT count (DISTINCT decision_id) FROM agenda_item "
                      "WHERE meeting_id = (SELECT id FROM meeting WHERE uuid = ?1)", meeting);
  g_assert_cmpstr (count, ==, "2");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Notes typed into the notes field, at the end of what it holds. */
static char *
type_notes (SamMeetingsPage *page,
            const char      *text)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW)));
  GtkTextIter start, end;

  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  g_assert_true (gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE));
  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
dup_shown_notes (SamMeetingsPage *page)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_TEXT_VIEW)));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);

  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* The titles of the planner's proposed meetings (“tisdag 9 mars 2027”),
 * in order. */
static GPtrArray *
proposed_days (GtkWindow *dialog)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *days = g_ptr_array_new_with_free_func (g_free);
  const char *tuesday = sam_calendar_weekday_name (G_DATE_TUESDAY);

  sam_test_collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
  for (guint i = 0; i < rows->len; i++)
    {
      const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));

      if (title != NULL && g_str_has_prefix (title, tuesday))
        g_ptr_array_add (days, g_strdup (title));
    }

  return days;
}

static gboolean
lists_day (GPtrArray  *days,
           const char *day)
{
  for (guint i = 0; i < days->len; i++)
    if (g_str_equal (days->pdata[i], day))
      return TRUE;

  return FALSE;
}

/* The day of 2027 a proposed meeting's title names. */
static gboolean
day_of_title (const char *title,
              GDate      *date)
{
  GDate day = sam_test_dmy (2027, 1, 1);

  for (; g_date_get_year (&day) == 2027; g_date_add_days (&day, 1))
    {
      g_autofree char *long_day = sam_calendar_format_long (&day);
      g_autofree char *shown = g_strdup_printf ("%s %s", sam_calendar_weekday_name (g_date_get_weekday (&day)), long_day);

      if (g_str_equal (shown, title))
        {
          *date = day;
          return TRUE;
        }
    }

  return FALSE;
}

/* The year planner as a coordinator uses it for a council that has met
 * twice in 2027 already: it proposes what the commission's minimum still
 * lacks, keeps clear of a day another council meets at the same time,
 * keeps the register's choice on klämdagar in the register file, and adds
 * the plan in one step. Before, it proposed the whole minimum again and
 * planned over the other councils. */
static void
test_plan_year_rules (void)
{
  SamWindow *window = open_demo ();
  SamStore *store = sam_window_get_store (window);
  g_autofree char *path = g_strdup (sam_store_get_path (store));
  g_autoptr(SamGroup) council = dup_council (store);
  g_autoptr(SamGroup) other = NULL;
  g_autoptr(SamCommission) commission = sam_store_dup_group_commission (store, sam_group_get_uuid (council), NULL);
  g_autoptr(GListModel) councils = sam_store_list_groups (store, NULL);
  g_autoptr(GPtrArray) spins = g_ptr_array_new ();
  g_autoptr(GPtrArray) first_days = NULL;
  g_autoptr(GPtrArray) days = NULL;
  g_autofree char *january = NULL;
  g_autofree char *february = NULL;
  g_autofree char *clash = NULL;
  g_autofree char *setting = NULL;
  GtkWindow *dialog;
  GtkSwitch *short_days;
  guint wanted;
  guint planned;
  GDate date;

  g_assert_nonnull (commission);
  wanted = sam_commission_get_min_meetings (commission);
  g_assert_cmpuint (wanted, >, 2);
  for (guint i = 0; i < g_list_model_get_n_items (councils) && other == NULL; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (councils, i);

      if (sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL &&
          g_strcmp0 (sam_group_get_uuid (group), sam_group_get_uuid (council)) != 0)
        other = g_steal_pointer (&group);
    }
  g_assert_nonnull (other);
  g_assert_cmpuint (sam_meeting_checks_count (store, sam_group_get_uuid (council), 2027, NULL), ==, 0);
  january = add_meeting (store, sam_group_get_uuid (council), "Januarimötet", "2027-01-12");
  february = add_meeting (store, sam_group_get_uuid (council), "Februarimötet", "2027-02-09");

  dialog = GTK_WINDOW (sam_plan_year_dialog_new (GTK_WINDOW (window), store, sam_group_get_uuid (council), 2027));
  gtk_window_present (dialog);
  sam_test_wait_until_mapped (GTK_WIDGET (dialog));

  /* Two of the minimum are planned: the rest is proposed. */
  sam_test_collect_widgets (GTK_WIDGET (dialog), GTK_TYPE_SPIN_BUTTON, spins);
  g_assert_cmpuint (spins->len, ==, 5);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[0]), ==, 2027);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (spins->pdata[1]), ==, wanted - 2);
  first_days = proposed_days (dialog);
  g_assert_cmpuint (first_days->len, ==, wanted - 2);

  /* Another council meets on the first proposed day at 13.00: proposed
   * again, that day is left free. */
  g_assert_true (day_of_title (first_days->pdata[0], &date));
  {
    g_autofree char *iso = sam_calendar_format_iso (&date);

    clash = add_meeting (store, sam_group_get_uuid (other), "Det andra rådets möte", iso);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.propose", NULL));
  days = proposed_days (dialog);
  g_assert_cmpuint (days->len, ==, wanted - 2);
  g_assert_false (lists_day (days, first_days->pdata[0]));

  /* A member of the council who also sits on a working group that meets
   * at 13.00 on a proposed day: that row says whom it books twice. */
  {
    g_autofree char *group = sam_test_add_group (store, "AOI-AG", "Arbetsgrupp dubbelbokning",
                                                 SAM_GROUP_KIND_SUBGROUP, sam_group_get_uuid (council));
    g_autoptr(SamPerson) person = sam_person_new ();
    g_autofree char *person_uuid = NULL;
    g_autofree char *working = NULL;
    g_autofree char *expected = NULL;
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    const char *groups[] = { sam_group_get_uuid (council), group };
    gboolean warned = FALSE;
    GDate second;

    g_object_set (person, "name", "Dubbel Bokad", NULL);
    person_uuid = sam_test_save (store, person);
    for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
      {
        g_autoptr(SamAssignment) assignment = sam_assignment_new ();
        g_autofree char *uuid = NULL;

        g_object_set (assignment, "person-uuid", person_uuid, "group-uuid", groups[i],
                      "role", SAM_ROLE_MEMBER, "starts", "2026-01-01", NULL);
        uuid = sam_test_save (store, assignment);
      }
    g_assert_true (day_of_title (days->pdata[1], &second));
    {
      g_autofree char *iso = sam_calendar_format_iso (&second);

      working = add_meeting (store, group, "Arbetsgruppens möte", iso);
    }
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.propose", NULL));
    expected = g_strdup_printf ("%s Dubbel Bokad (Arbetsgruppens möte)", sam_test_tr ("Books twice:", "Dubbelbokar:"));
    sam_test_collect_widgets (GTK_WIDGET (dialog), ADW_TYPE_ACTION_ROW, rows);
    for (guint i = 0; i < rows->len; i++)
      {
        const char *title = adw_preferences_row_get_title (g_ptr_array_index (rows, i));
        const char *subtitle = adw_action_row_get_subtitle (g_ptr_array_index (rows, i));

        if (g_strcmp0 (title, days->pdata[1]) == 0)
          {
            g_assert_nonnull (strstr (subtitle, expected));
            warned = TRUE;
          }
        else if (subtitle != NULL)
          g_assert_null (strstr (subtitle, "Dubbel Bokad"));
      }
    g_assert_true (warned);
  }

  /* The register's choice on klämdagar, in the register file. */
  short_days = GTK_SWITCH (sam_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH));
  g_assert_nonnull (short_days);
  g_assert_true (gtk_switch_get_active (short_days));
  gtk_switch_set_active (short_days, FALSE);
  setting = query_file (path, "SELECT value FROM register_info WHERE key = ?1", "setting.planning.avoid-short-days");
  g_assert_cmpstr (setting, ==, "false");
  sam_test_save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), "screenshot-meetings-plan-year-rules");

  /* Added in one step: the two and the proposal. */
  planned = days->len;
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.accept", NULL));
  sam_test_wait_for (sam_test_find_toplevel (SAM_TYPE_PLAN_YEAR_DIALOG) == NULL);
  g_assert_cmpuint (sam_meeting_checks_count (store, sam_group_get_uuid (council), 2027, NULL), ==, 2 + planned);

  /* Opened again, the planner shows the register's choice. */
  dialog = GTK_WINDOW (sam_plan_year_dialog_new (GTK_WINDOW (window), store, sam_group_get_uuid (council), 2028));
  gtk_window_present (dialog);
  sam_test_wait_until_mapped (GTK_WIDGET (dialog));
  g_assert_false (gtk_switch_get_active (GTK_SWITCH (sam_test_find_widget (GTK_WIDGET (dialog), GTK_TYPE_SWITCH))));
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A busy day in the month view: its first three meetings and “+7 till”,
 * which lists all ten; choosing one there shows it beside the calendar.
 * Before, a month of a national register made a button for each of its
 * few hundred meetings, and choosing a meeting took 400 ms. */
static void
test_busy_day (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autoptr(SamGroup) council = dup_council (store);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_autoptr(GPtrArray) listed = g_ptr_array_new ();
  GtkWidget *month_view;
  GtkWidget *more = NULL;
  GtkPopover *popover;
  guint n_on_day = 0;

  for (guint i = 0; i < 10; i++)
    {
      g_autofree char *title = g_strdup_printf ("Möte nummer %u", i + 1);

      g_ptr_array_add (uuids, add_meeting (store, sam_group_get_uuid (council), title, "2026-03-21"));
    }

  sam_meetings_page_show_period (page, "month", 2026, 3);
  month_view = sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_MONTH_VIEW);
  sam_test_wait_for ((more = sam_test_find_widget (month_view, GTK_TYPE_MENU_BUTTON)) != NULL);

  /* Three of the day's meetings have their own button, and no more. */
  sam_test_collect_widgets (month_view, GTK_TYPE_BUTTON, buttons);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = accessible_label (g_ptr_array_index (buttons, i));

      n_on_day += label != NULL && g_str_has_prefix (label, "Möte nummer ");
    }
  g_assert_cmpuint (n_on_day, ==, 3);
  g_assert_cmpstr (gtk_menu_button_get_label (GTK_MENU_BUTTON (more)), ==, sam_test_tr ("+7 more", "+7 till"));
  g_assert_cmpstr (accessible_label (more), ==,
                   sam_test_tr ("All 10 meetings on 21 March 2026", "Alla 10 möten den 21 mars 2026"));

  /* Opened, it lists all ten. */
  gtk_menu_button_popup (GTK_MENU_BUTTON (more));
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (more));
  g_assert_nonnull (popover);
  sam_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (popover)));
  sam_test_collect_widgets (GTK_WIDGET (popover), GTK_TYPE_BUTTON, listed);
  g_assert_cmpuint (listed->len, ==, 10);

  /* The last of them, chosen there, is the meeting shown. */
  for (guint i = 0; i < listed->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (listed, i);
      g_autoptr(GVariant) target = NULL;

      g_object_get (button, "action-target", &target, NULL);
      if (g_strcmp0 (g_variant_get_string (target, NULL), uuids->pdata[9]) == 0)
        gtk_widget_activate (button);
    }
  sam_test_wait_for (g_strcmp0 (sam_meetings_page_get_selected (page), uuids->pdata[9]) == 0);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-busy-day");

  /* The year view's tooltip for the day names eight and counts the rest. */
  sam_meetings_page_show_period (page, "year", 2026, 3);
  g_ptr_array_set_size (buttons, 0);
  sam_test_wait_for (count_buttons (sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_YEAR_VIEW)) > 20);
  sam_test_collect_widgets (sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_YEAR_VIEW), GTK_TYPE_BUTTON, buttons);
  n_on_day = 0;
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *tooltip = gtk_widget_get_tooltip_text (g_ptr_array_index (buttons, i));

      if (tooltip != NULL && g_str_has_prefix (tooltip, "Möte nummer "))
        {
          g_auto(GStrv) lines = g_strsplit (tooltip, "\n", -1);

          g_assert_cmpuint (g_strv_length (lines), ==, 9);
          g_assert_cmpstr (lines[8], ==, sam_test_tr ("and 2 more", "och 2 till"));
          n_on_day++;
        }
    }
  g_assert_cmpuint (n_on_day, ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Notes typed and not saved are kept when the user picks another meeting,
 * goes to another page or closes the window: they are in the register
 * file, on the meeting they were typed for. */
static void
test_notes_kept (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autofree char *path = g_strdup (sam_store_get_path (store));
  g_autoptr(SamGroup) council = dup_council (store);
  g_autofree char *september = add_meeting (store, sam_group_get_uuid (council), "Septembermötet", "2026-09-08");
  g_autofree char *october = add_meeting (store, sam_group_get_uuid (council), "Oktobermötet", "2026-10-06");
  const char *notes_of = "SELECT notes FROM meeting WHERE uuid = ?1";
  g_autofree char *typed = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *shown = NULL;
  GtkWidget *pointer = GTK_WIDGET (window);

  /* Typed for September; then October is picked. */
  sam_meetings_page_select_meeting (page, september);
  typed = type_notes (page, "Rådet gick igenom vårens uppföljningar.");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.show-meeting", "s", october));
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, october);
  stored = query_file (path, notes_of, september);
  g_assert_cmpstr (stored, ==, typed);
  shown = dup_shown_notes (page);
  g_assert_cmpstr (shown, ==, "");

  /* Typed for October; then the Decisions page is shown. */
  g_clear_pointer (&typed, g_free);
  g_clear_pointer (&stored, g_free);
  typed = type_notes (page, "Ny rutin för överflyttning.");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions");
  sam_test_wait_for (!gtk_widget_get_mapped (GTK_WIDGET (page)));
  stored = query_file (path, notes_of, october);
  g_assert_cmpstr (stored, ==, typed);

  /* More for October; then the window is closed. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  sam_test_wait_for (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_clear_pointer (&typed, g_free);
  g_clear_pointer (&stored, g_free);
  typed = type_notes (page, "\nBeslut fattades om ny rutin.");
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &pointer);
  gtk_window_close (GTK_WINDOW (window));
  sam_test_wait_for (pointer == NULL);
  stored = query_file (path, notes_of, october);
  g_assert_cmpstr (stored, ==, typed);
}

/* Runs @sql on the register file, as another program may. */
static void
exec_file (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  /* As a well-behaved program does, wait while the window writes (a page
   * keeps what was typed as it is left). */
  sqlite3_busy_timeout (db, 10000);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

static gboolean
has_label (GtkWidget     *widget,
           gconstpointer  label)
{
  return g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

static gboolean
has_text (GtkWidget     *widget,
          gconstpointer  text)
{
  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
shows_notes (SamMeetingsPage *page,
             const char      *notes)
{
  g_autofree char *shown = dup_shown_notes (page);

  return g_strcmp0 (shown, notes) == 0;
}

/* The toast that tells the notes were saved on moving on offers Undo,
 * which puts back the notes the meeting had. */
static void
test_notes_undo (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  const char *path = sam_store_get_path (store);
  g_autoptr(SamGroup) council = dup_council (store);
  g_autofree char *november = add_meeting (store, sam_group_get_uuid (council), "Novembermötet", "2026-11-10");
  g_autofree char *december = add_meeting (store, sam_group_get_uuid (council), "Decembermötet", "2026-12-08");
  g_autoptr(SamMeeting) meeting = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, november, NULL);
  const char *groups[] = { sam_group_get_uuid (council), NULL };
  const char *notes_of = "SELECT notes FROM meeting WHERE uuid = ?1";
  g_autofree char *typed = NULL;
  g_autofree char *stored = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *undo = NULL;

  g_object_set (meeting, "notes", "Kallelsen skickad.", NULL);
  g_assert_true (sam_store_save_meeting (store, meeting, groups, &error));
  g_assert_no_error (error);

  sam_meetings_page_select_meeting (page, november);
  sam_test_wait_for (shows_notes (page, "Kallelsen skickad."));
  typed = type_notes (page, " Fel möte!");
  sam_meetings_page_select_meeting (page, december);
  stored = query_file (path, notes_of, november);
  g_assert_cmpstr (stored, ==, typed);

  sam_test_wait_for ((undo = sam_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, has_label,
                                                        sam_test_tr ("_Undo", "_Ångra"))) != NULL);
  g_assert_nonnull (sam_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_LABEL, has_text,
                                               sam_test_tr ("Notes of “Novembermötet” saved",
                                                            "Anteckningarna till ”Novembermötet” sparades")));
  click (undo);
  g_clear_pointer (&stored, g_free);
  stored = query_file (path, notes_of, november);
  g_assert_cmpstr (stored, ==, "Kallelsen skickad.");
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, december);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
close_message (void)
{
  GtkWindow *dialog = sam_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  g_assert_nonnull (dialog);
  gtk_window_destroy (dialog);
}

/* Notes that cannot be saved are not thrown away either: the page stays
 * with their meeting, and the window stays open once, each time with the
 * error; closing it again closes it without them. */
static void
test_notes_not_saved (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  SamStore *store = sam_window_get_store (window);
  g_autofree char *path = g_strdup (sam_store_get_path (store));
  g_autoptr(SamGroup) council = dup_council (store);
  g_autofree char *march = add_meeting (store, sam_group_get_uuid (council), "Marsmötet", "2026-03-03");
  g_autofree char *april = add_meeting (store, sam_group_get_uuid (council), "Aprilmötet", "2026-04-07");
  const char *refuse = "CREATE TRIGGER test_refuse_notes BEFORE UPDATE OF notes ON meeting "
                       "BEGIN SELECT RAISE (ABORT, 'refused'); END";
  const char *notes_of = "SELECT notes FROM meeting WHERE uuid = ?1";
  g_autofree char *typed = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *stored = NULL;
  GtkWidget *pointer = GTK_WIDGET (window);

  sam_meetings_page_select_meeting (page, march);
  typed = type_notes (page, "Anteckningar som inte får försvinna.");
  exec_file (path, refuse);

  /* Another meeting: the page stays with March, notes and all. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.show-meeting", "s", april));
  close_message ();
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, march);
  shown = dup_shown_notes (page);
  g_assert_cmpstr (shown, ==, typed);

  /* Closing: the window stays open. */
  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &pointer);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (pointer);
  close_message ();

  /* Once the register takes them again, moving on saves them. */
  exec_file (path, "DROP TRIGGER test_refuse_notes");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.show-meeting", "s", april));
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, april);
  stored = query_file (path, notes_of, march);
  g_assert_cmpstr (stored, ==, typed);

  /* Refused again on closing; closing a second time closes without them. */
  g_clear_pointer (&typed, g_free);
  typed = type_notes (page, "Dessa sparas inte.");
  exec_file (path, refuse);
  gtk_window_close (GTK_WINDOW (window));
  g_assert_nonnull (pointer);
  close_message ();
  gtk_window_close (GTK_WINDOW (window));
  sam_test_wait_for (pointer == NULL);
  g_clear_pointer (&stored, g_free);
  stored = query_file (path, notes_of, april);
  g_assert_null (stored);
}

/* Whether the file dialog has loaded @dir, which it does in the background
 * and before which it does not answer. */
static gboolean
chooser_is_in (GtkWindow  *dialog,
               const char *dir)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  g_autofree char *parent = file != NULL ? g_path_get_dirname (g_file_peek_path (file)) : NULL;

  return g_strcmp0 (parent, dir) == 0;
}

/* The meeting shown is exported as its notice from the PDF menu: the file
 * dialog suggests kallelse-2026-04-23.pdf, and the PDF written calls those
 * invited to the joint meeting, at the time a Swedish notice writes. */
static void
test_export_notice (void)
{
  SamWindow *window = open_demo ();
  SamMeetingsPage *page = SAM_MEETINGS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_MEETINGS_PAGE));
  g_autofree char *dir = sam_test_make_tmp_dir ("test-notice-XXXXXX");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;
  GtkWindow *dialog;

  sam_meetings_page_select_meeting (page, "56c7271c-bc9f-4037-9d21-3a8e1a32abb2");
  g_assert_cmpint (g_chdir (dir), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.export-notice", NULL));
  dialog = sam_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), ==,
                   sam_test_tr ("notice-2026-04-23.pdf", "kallelse-2026-04-23.pdf"));
  pdf = g_build_filename (dir, sam_test_tr ("notice-2026-04-23.pdf", "kallelse-2026-04-23.pdf"), NULL);
  sam_test_wait_for (chooser_is_in (dialog, dir));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  sam_test_wait_for (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
  g_assert_nonnull (strstr (text, sam_test_tr ("Notice", "Kallelse")));
  g_assert_nonnull (strstr (text, sam_test_tr ("at 09.00–11.00", "kl. 09.00–11.00")));
  g_assert_nonnull (strstr (text, "Katarina Nordström"));

  g_assert_true (sam_test_remove_tree (dir));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  SamApplication *app;

  sam_test_ui_init (&argc, &argv);
  app = sam_test_ui_start_application ();
  g_application_activate (G_APPLICATION (app));

  g_test_add_func ("/meetings-page/views", test_views);
  g_test_add_func ("/meetings-page/plan-agenda-notes", test_plan_agenda_notes);
  g_test_add_func ("/meetings-page/rows", test_rows);
  g_test_add_func ("/meetings-page/editor-and-planner", test_editor_and_planner);
  g_test_add_func ("/meetings-page/follow-ups", test_follow_ups);
  g_test_add_func ("/meetings-page/notes-kept", test_notes_kept);
  g_test_add_func ("/meetings-page/busy-day", test_busy_day);
  g_test_add_func ("/meetings-page/plan-year-rules", test_plan_year_rules);
  g_test_add_func ("/meetings-page/notes-undo", test_notes_undo);
  g_test_add_func ("/meetings-page/notes-not-saved", test_notes_not_saved);
  g_test_add_func ("/meetings-page/export-notice", test_export_notice);

  return sam_test_ui_run ();
}

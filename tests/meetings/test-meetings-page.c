/* test-meetings-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Meetings page in the real window under Xvfb, on the demo register:
 * the year, month and list views with their accessible day names, planning
 * a year and accepting the proposal, an agenda item of kind decision that
 * opens a draft, the notes, and screenshots (in Swedish when run so).
 */

#include "config.h"

#include <adwaita.h>

#include "sam-agenda-item-editor.h"
#include "sam-application.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-meeting-checks.h"
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
  sam_test_run_for (400);

  return window;
}

static const char *
accessible_label (GtkWidget *widget)
{
  /* GTK 4.8 has no getter for an accessible property; the views also set
   * the tooltip or keep the label text in a known place, so read those. */
  return gtk_widget_get_tooltip_text (widget);
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
  GtkWidget *month_view;
  guint n_2026 = 0;
  gboolean found_label = FALSE;

  g_assert_nonnull (page);
  for (guint i = 0; i < g_list_model_get_n_items (meetings); i++)
    {
      g_autoptr(SamMeeting) meeting = g_list_model_get_item (meetings, i);

      n_2026 += sam_meeting_get_local_year (meeting) == 2026;
    }

  sam_meetings_page_show_period (page, "year", 2026, 2);
  sam_test_run_for (300);
  sam_test_collect_widgets (sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_YEAR_VIEW), GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >, 20);
  g_assert_cmpuint (buttons->len, <=, n_2026);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-year", 1200);

  /* The month: every day of February is a button named with its week. */
  sam_meetings_page_show_period (page, "month", 2026, 2);
  sam_test_run_for (300);
  month_view = sam_test_find_widget (GTK_WIDGET (page), SAM_TYPE_MONTH_VIEW);
  g_ptr_array_set_size (buttons, 0);
  sam_test_collect_widgets (month_view, GTK_TYPE_BUTTON, buttons);
  g_assert_cmpuint (buttons->len, >=, 28);
  for (guint i = 0; i < buttons->len; i++)
    {
      const char *label = accessible_label (g_ptr_array_index (buttons, i));

      if (label != NULL && g_str_has_prefix (label, sam_test_tr ("Tuesday 10 February 2026, week 7", "tisdag 10 februari 2026, vecka 7")))
        found_label = TRUE;
    }
  g_assert_true (found_label);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-month", 1200);

  sam_meetings_page_show_period (page, "list", 2026, 2);
  sam_test_run_for (300);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-list", 1200);
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
  g_assert_nonnull (dialog);
  sam_test_wait_until_mapped (adw_window_get_content (ADW_WINDOW (dialog)));
  /* A toplevel's own paintable is empty: take its content. */
  sam_test_save_screenshot (adw_window_get_content (ADW_WINDOW (dialog)), "screenshot-meetings-plan-year", 1200);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "plan.accept", NULL));
  sam_test_run_for (400);

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
  sam_test_run_for (300);
  g_assert_cmpstr (sam_meetings_page_get_selected (page), ==, sam_meeting_get_uuid (first));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "meetings.add-item", NULL));
  editor = sam_test_wait_for_toplevel (SAM_TYPE_AGENDA_ITEM_EDITOR);
  g_assert_nonnull (editor);
  sam_test_collect_widgets (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW, rows);
  g_assert_cmpuint (rows->len, ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 0)), "Gemensam rutin för överflyttning");
  gtk_editable_set_text (GTK_EDITABLE (g_ptr_array_index (rows, 1)), "Ordförande");
  adw_combo_row_set_selected (ADW_COMBO_ROW (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW)), SAM_AGENDA_KIND_DECISION);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (sam_test_find_widget (GTK_WIDGET (editor), GTK_TYPE_TEXT_VIEW))),
                            "Rådet ställde sig bakom rutinen.", -1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "item.save", NULL));
  sam_test_run_for (300);

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
  sam_test_run_for (300);
  saved = sam_store_dup_by_uuid (store, SAM_TYPE_MEETING, sam_meeting_get_uuid (first), NULL);
  g_assert_cmpstr (sam_meeting_get_notes (saved), ==, "Mötet planerades med årsplaneraren.");

  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-meetings-detail", 1200);
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

  return sam_test_ui_run ();
}

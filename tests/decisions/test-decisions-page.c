/* test-decisions-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The Decisions page in the real window under Xvfb, on the demo register:
 * the table lists the register through the lazy list, sorting a column
 * sorts in the store, a search narrows the list and marks the matches,
 * the follow-up and escalation views list what is due and open (read
 * only once shown, in a worker), the page reads nothing before the window
 * shows it, a new
 * draft is registered through the editor's action, and screenshots of
 * each step are written to the build directory.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "sam-application.h"
#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-decision-editor.h"
#include "sam-decision-watch-list.h"
#include "sam-decisions-page.h"
#include "sam-escalation-item.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-store-decisions.h"
#include "sam-store-meetings.h"
#include "sam-store-structure.h"
#include "sam-test-ui.h"
#include "sam-window.h"

/* The texts of the register table's cells, at the first frame the
 * window paints. */
typedef struct
{
  GtkWidget *window;
  GPtrArray *texts;
} FirstFrame;

static void
collect_texts (GtkWidget *widget,
               GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_texts (child, texts);
}

static void
first_paint_cb (GdkFrameClock *clock,
                FirstFrame    *first)
{
  GtkWidget *view = sam_test_find_widget (first->window, GTK_TYPE_COLUMN_VIEW);

  if (first->texts != NULL || view == NULL)
    return;
  first->texts = g_ptr_array_new_with_free_func (g_free);
  collect_texts (view, first->texts);
}

static void
window_realize_cb (GtkWidget  *window,
                   FirstFrame *first)
{
  first->window = window;
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint", G_CALLBACK (first_paint_cb), first);
}

static void
window_added_cb (GtkApplication *application,
                 GtkWindow      *window,
                 FirstFrame     *first)
{
  if (first->window == NULL)
    g_signal_connect (window, "realize", G_CALLBACK (window_realize_cb), first);
}

/* Started on the Decisions page, the table shows each number with its
 * group's code from the first frame on, never a bare "2026:1". */
static void
test_codes_from_first_frame (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autoptr(GRegex) bare = g_regex_new ("^[0-9]{4}:[0-9]+$", 0, 0, NULL);
  g_autoptr(GRegex) coded = g_regex_new ("^[^ ]+ [0-9]{4}:[0-9]+$", 0, 0, NULL);
  GApplication *application = g_application_get_default ();
  FirstFrame first = { NULL, NULL };
  guint n_coded = 0;
  gulong handler;
  SamWindow *window;

  g_settings_set_string (settings, "last-page", "decisions");
  handler = g_signal_connect (application, "window-added", G_CALLBACK (window_added_cb), &first);
  window = sam_test_open_demo (1400, 860);
  g_signal_handler_disconnect (application, handler);
  g_assert_true (first.window == GTK_WIDGET (window));
  g_signal_handlers_disconnect_by_func (gtk_widget_get_frame_clock (first.window), first_paint_cb, &first);
  g_assert_nonnull (first.texts);

  for (guint i = 0; i < first.texts->len; i++)
    {
      const char *text = g_ptr_array_index (first.texts, i);

      if (g_regex_match (bare, text, 0, NULL))
        g_error ("the first frame shows the number “%s” without its group’s code", text);
      n_coded += g_regex_match (coded, text, 0, NULL);
    }
  g_assert_cmpuint (n_coded, >, 10);

  g_ptr_array_unref (first.texts);
  g_settings_set_string (settings, "last-page", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

static SamDecisionsPage *
open_decisions_page (SamWindow **window)
{
  SamDecisionsPage *page;

  *window = sam_test_open_demo (1400, 860);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (*window), "win.show-page", "s", "decisions"));
  page = SAM_DECISIONS_PAGE (sam_test_find_widget (GTK_WIDGET (*window), SAM_TYPE_DECISIONS_PAGE));
  g_assert_nonnull (page);
  sam_test_wait_until_drawn (GTK_WIDGET (page));

  return page;
}

static gboolean
is_error_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return gtk_widget_has_css_class (widget, "error") && gtk_widget_is_visible (widget) &&
         g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

static gboolean
is_visible_error (GtkWidget     *widget,
                  gconstpointer  data)
{
  return gtk_widget_has_css_class (widget, "error") && gtk_widget_is_visible (widget);
}

/* The position of the item whose text starts with @prefix in a combo
 * row's list of strings */
static guint
position_of_prefix (AdwComboRow *row,
                    const char  *prefix)
{
  GListModel *model = adw_combo_row_get_model (row);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (g_str_has_prefix (gtk_string_list_get_string (GTK_STRING_LIST (model), i), prefix))
      return i;

  return GTK_INVALID_LIST_POSITION;
}

/* A search, a sort or a change in the store while a decision is
 * selected reads what the table shows, not the whole register: the
 * selection used to look for its decision among every new item, page by
 * page (seconds on 100 000 decisions). The editor keeps the decision. */
static void
test_selection_reads_little (void)
{
  SamWindow *window;
  SamDecisionsPage *page = open_decisions_page (&window);
  SamStore *store = sam_window_get_store (window);
  SamDecisionList *list = sam_decisions_page_get_list (page);
  SamDecisionEditor *editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  GtkColumnView *view = GTK_COLUMN_VIEW (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);
  g_autoptr(SamGroup) group = g_list_model_get_item (groups, 0);
  g_autoptr(SamDecision) chosen = NULL;
  g_autoptr(SamStore) other = sam_store_open (sam_store_get_path (store), NULL);
  guint page_size = sam_decision_list_get_page_size ();
  guint reads;

  /* Registered on a connection of their own, as another program would,
   * then the window is told once. */
  g_assert_nonnull (other);
  for (guint i = 0; i < 8 * page_size; i++)
    {
      g_autoptr(SamDecision) decision = sam_decision_new ();
      g_autofree char *title = g_strdup_printf ("Beslut om rutin %u", i);
      g_autoptr(GError) error = NULL;

      g_object_set (decision, "group-uuid", sam_group_get_uuid (group), "title", title, "decided", "2026-03-01", NULL);
      g_assert_true (sam_store_register_decision (other, decision, &error));
      g_assert_no_error (error);
    }
  sam_store_emit_changed (store);
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >, 8 * page_size);

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 1, TRUE);
  chosen = g_object_ref (sam_decision_editor_get_decision (editor));

  reads = sam_decision_list_get_n_reads (list);
  sam_decisions_page_search (page, "rutin");
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  g_assert_cmpuint (sam_decision_list_get_n_reads (list) - reads, <=, 4);
  g_assert_true (sam_decision_editor_get_decision (editor) == chosen);

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 1, TRUE);
  reads = sam_decision_list_get_n_reads (list);
  sam_decisions_page_search (page, "");
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  g_assert_cmpuint (sam_decision_list_get_n_reads (list) - reads, <=, 4);

  gtk_selection_model_select_item (gtk_column_view_get_model (view), 1, TRUE);
  reads = sam_decision_list_get_n_reads (list);
  sam_store_emit_changed (store);
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  g_assert_cmpuint (sam_decision_list_get_n_reads (list) - reads, <=, 4);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The list view of one of the page's views, and its lazy list */
static GtkListView *
find_watch_view (GtkStack              *stack,
                 const char            *name,
                 SamDecisionWatchList **list)
{
  GtkWidget *view = sam_test_find_widget (gtk_stack_get_child_by_name (stack, name), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *selection;

  g_assert_nonnull (view);
  selection = gtk_list_view_get_model (GTK_LIST_VIEW (view));
  g_assert_true (GTK_IS_NO_SELECTION (selection));
  *list = SAM_DECISION_WATCH_LIST (gtk_no_selection_get_model (GTK_NO_SELECTION (selection)));

  return GTK_LIST_VIEW (view);
}

/* The window opens on another page: the Decisions page reads nothing
 * until it is shown. Its follow-up and escalation views read theirs only
 * once shown, in a worker, and then list what the full queries list,
 * per group and receiving body; a click on a row shows its decision. */
static void
test_lazy_views (void)
{
  SamWindow *window = sam_test_open_demo (1400, 860);
  SamStore *store = sam_window_get_store (window);
  SamDecisionsPage *page = SAM_DECISIONS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_DECISIONS_PAGE));
  g_autoptr(SamStore) page_store = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(SamDecision) second = NULL;
  g_autoptr(SamEscalationItem) escalation = NULL;
  SamDecisionEditor *editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  SamDecisionWatchList *follow_up;
  SamDecisionWatchList *escalations;
  GtkListView *follow_up_view;
  GtkListView *escalation_view;
  GtkStack *stack;

  g_assert_nonnull (page);
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (page)));
  g_object_get (page, "store", &page_store, NULL);
  g_assert_null (page_store);
  g_assert_null (sam_decisions_page_get_list (page));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions"));
  g_object_get (page, "store", &page_store, NULL);
  g_assert_true (page_store == store);
  sam_test_wait_until_drawn (GTK_WIDGET (page));

  stack = GTK_STACK (gtk_widget_get_ancestor (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW),
                                              GTK_TYPE_STACK));
  follow_up_view = find_watch_view (stack, "follow-up", &follow_up);
  escalation_view = find_watch_view (stack, "escalations", &escalations);
  g_assert_false (sam_decision_watch_list_is_loaded (follow_up) || sam_decision_watch_list_is_loading (follow_up));
  g_assert_false (sam_decision_watch_list_is_loaded (escalations) || sam_decision_watch_list_is_loading (escalations));

  gtk_stack_set_visible_child_name (stack, "follow-up");
  sam_test_wait_for (sam_decision_watch_list_is_loaded (follow_up));
  g_assert_false (sam_decision_watch_list_is_loaded (escalations) || sam_decision_watch_list_is_loading (escalations));
  due = sam_store_list_decisions_due (store, today, SAM_FOLLOW_UP_DAYS, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (due), >, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow_up)), ==, g_list_model_get_n_items (due));
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  second = g_list_model_get_item (G_LIST_MODEL (follow_up), 1);
  g_signal_emit_by_name (follow_up_view, "activate", 1);
  g_assert_cmpstr (sam_decision_get_uuid (sam_decision_editor_get_decision (editor)), ==, sam_decision_get_uuid (second));

  gtk_stack_set_visible_child_name (stack, "escalations");
  sam_test_wait_for (sam_decision_watch_list_is_loaded (escalations));
  open = sam_store_list_open_escalations (store, NULL);
  g_assert_cmpuint (open->len, >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (escalations)), ==, open->len);
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  escalation = g_list_model_get_item (G_LIST_MODEL (escalations), 0);
  g_signal_emit_by_name (escalation_view, "activate", 0);
  g_assert_cmpstr (sam_decision_get_uuid (sam_decision_editor_get_decision (editor)), ==,
                   sam_escalation_item_get_escalation (escalation)->decision_uuid);

  gtk_stack_set_visible_child_name (stack, "register");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* New Decision under "All groups" files the draft under no group of its
 * own choosing: the editor asks which, on the form, and registers
 * nothing until one is chosen. (It filed it under the alphabetically
 * first group, KL.) */
static void
test_new_asks_for_group (void)
{
  SamWindow *window;
  SamDecisionsPage *page = open_decisions_page (&window);
  SamStore *store = sam_window_get_store (window);
  SamDecisionEditor *editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  g_autoptr(SamGroup) aoi = sam_store_find_group_by_code (store, "AOI", NULL);
  g_autoptr(SamGroup) kl = sam_store_find_group_by_code (store, "KL", NULL);
  const char *message = sam_test_tr ("Choose the group the decision belongs to", "Välj gruppen som beslutet hör till");
  guint total = sam_store_count_decisions (store, NULL, 0);
  guint in_kl = sam_store_count_decisions (store, sam_group_get_uuid (kl), 0);
  g_autoptr(SamDecision) draft = NULL;
  AdwComboRow *group_row;

  g_assert_nonnull (aoi);
  g_assert_nonnull (kl);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
  g_assert_nonnull (sam_decision_editor_get_decision (editor));
  draft = g_object_ref (sam_decision_editor_get_decision (editor));
  g_assert_null (sam_decision_get_group_uuid (draft));
  gtk_editable_set_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                          sam_test_tr ("Title", "Rubrik"))),
                         "Gemensam rutin för överflyttning av intensivvårdspatienter");

  /* Register without a group: refused on the form, nothing stored */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  g_assert_false (sam_decision_is_registered (draft));
  g_assert_cmpuint (sam_store_count_decisions (store, NULL, 0), ==, total);
  g_assert_cmpuint (sam_store_count_decisions (store, sam_group_get_uuid (kl), 0), ==, in_kl);
  g_assert_null (sam_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_LABEL, is_error_label, message));
  group_row = ADW_COMBO_ROW (sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, sam_test_tr ("Group", "Grupp")));
  g_assert_nonnull (group_row);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (group_row), "error"));

  /* Chosen, it is registered where it was put. */
  adw_combo_row_set_selected (group_row, position_of_prefix (group_row, "AOI "));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  g_assert_true (sam_decision_is_registered (draft));
  g_assert_cmpstr (sam_decision_get_group_uuid (draft), ==, sam_group_get_uuid (aoi));
  g_assert_cmpuint (sam_store_count_decisions (store, sam_group_get_uuid (kl), 0), ==, in_kl);
  g_assert_null (sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_LABEL, is_error_label, message));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (group_row), "error"));

  /* With a group chosen in the register's filter, that group is proposed. */
  {
    GtkDropDown *groups = GTK_DROP_DOWN (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN));
    GListModel *labels = gtk_drop_down_get_model (groups);
    SamDecision *proposed;

    for (guint i = 0; i < g_list_model_get_n_items (labels); i++)
      if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (labels), i), "AOI") == 0)
        gtk_drop_down_set_selected (groups, i);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
    proposed = sam_decision_editor_get_decision (editor);
    g_assert_true (proposed != draft);
    g_assert_cmpstr (sam_decision_get_group_uuid (proposed), ==, sam_group_get_uuid (aoi));
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The editor shows what is wrong with a date on the form, at the date:
 * a day that does not exist, and a day after today, which the store
 * refuses to register. */
static void
test_date_errors_inline (void)
{
  SamWindow *window;
  SamDecisionsPage *page = open_decisions_page (&window);
  SamStore *store = sam_window_get_store (window);
  SamDecisionEditor *editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  g_autoptr(SamDecision) draft = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  g_autofree char *tomorrow = NULL;
  g_autofree char *wrong = NULL;
  guint total = sam_store_count_decisions (store, NULL, 0);
  GtkWidget *date_row;
  AdwComboRow *group_row;
  GDate day;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
  draft = g_object_ref (sam_decision_editor_get_decision (editor));
  gtk_editable_set_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                          sam_test_tr ("Title", "Rubrik"))),
                         "Gemensam rutin för överflyttning av intensivvårdspatienter");
  group_row = ADW_COMBO_ROW (sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW, sam_test_tr ("Group", "Grupp")));
  adw_combo_row_set_selected (group_row, position_of_prefix (group_row, "AOI "));
  date_row = sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                sam_test_tr ("Date (YYYY-MM-DD)", "Datum (ÅÅÅÅ-MM-DD)"));

  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-02-30");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  g_assert_false (sam_decision_is_registered (draft));
  g_assert_cmpuint (sam_store_count_decisions (store, NULL, 0), ==, total);
  g_assert_null (sam_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  wrong = g_strdup (sam_test_tr ("“2026-02-30” does not exist: February 2026 has 28 days",
                                 "”2026-02-30” finns inte: februari 2026 har 28 dagar"));
  g_assert_nonnull (sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_LABEL, is_error_label, wrong));
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));

  g_assert_true (sam_calendar_parse_iso (today, &day));
  g_date_add_days (&day, 1);
  tomorrow = sam_calendar_format_iso (&day);
  gtk_editable_set_text (GTK_EDITABLE (date_row), tomorrow);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  if (sam_decision_is_registered (draft))
    {
      g_test_skip ("the store registers a decision dated after today");
    }
  else
    {
      GtkWidget *label = sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_LABEL, is_visible_error, NULL);

      g_assert_cmpuint (sam_store_count_decisions (store, NULL, 0), ==, total);
      g_assert_null (sam_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
      g_assert_nonnull (label);
      g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), !=, wrong);
      g_assert_true (gtk_widget_has_css_class (date_row, "error"));
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
is_action_button (GtkWidget     *widget,
                  gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
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

/* The decision's details offer its extract from the minutes, saved through
 * the file dialog: the PDF holds AOI 2026:7, its paragraph and the
 * certification. */
static void
test_extract (void)
{
  SamWindow *window;
  SamDecisionsPage *page = open_decisions_page (&window);
  SamDecisionEditor *editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  g_autofree char *dir = sam_test_make_tmp_dir ("test-extract-XXXXXX");
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *pdf = g_build_filename (dir, "utdrag.pdf", NULL);
  g_autofree char *text = NULL;
  GtkWidget *button;
  GtkWindow *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.show", "s",
                                             "10f65502-032b-4a99-8871-d928746f0e38"));
  button = sam_test_find_widget_full (GTK_WIDGET (editor), GTK_TYPE_BUTTON, is_action_button, "decision.export-extract");
  g_assert_nonnull (button);
  sam_test_wait_until_drawn (button);
  g_assert_true (gtk_widget_is_visible (button));

  /* The dialog opens in the current folder. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  gtk_widget_activate (button);
  dialog = sam_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_true (g_str_has_suffix (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (dialog)), "2026-7.pdf"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), "utdrag");
  sam_test_wait_for (chooser_is_in (dialog, dir));
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  sam_test_wait_for (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
  g_assert_nonnull (strstr (text, "AOI 2026:7"));
  g_assert_null (strstr (text, "KIR 2026:2"));
  g_assert_nonnull (strstr (text, "§ 2"));
  g_assert_nonnull (strstr (text, sam_test_tr ("Certified a true extract", "Rätt utdraget intygar")));

  /* A draft has no extract. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
  g_assert_false (gtk_widget_get_visible (button));

  g_assert_true (sam_test_remove_tree (dir));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A draft opened from an agenda item (as the item's editor opens one)
 * carries its meeting's day, and registering it keeps that day rather
 * than stamp today. */
static void
test_agenda_draft_dated (void)
{
  SamWindow *window;
  SamDecisionsPage *page = open_decisions_page (&window);
  SamStore *store = sam_window_get_store (window);
  SamDecisionEditor *editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  /* Held on 2025-10-16 at 13:00 in Stockholm */
  const char *meeting = "10658e5b-8505-4bed-94ce-52b7feb9806c";
  g_autoptr(SamAgendaItem) item = sam_agenda_item_new (meeting);
  g_autoptr(SamDecision) draft = NULL;
  g_autoptr(SamDecision) registered = NULL;
  g_autoptr(GError) error = NULL;

  sam_agenda_item_set_title (item, "Gemensam rutin för uppföljning efter intensivvård");
  sam_agenda_item_set_kind (item, SAM_AGENDA_KIND_DECISION);
  g_assert_true (sam_store_save_agenda_item (store, item, &error));
  g_assert_no_error (error);
  draft = sam_store_add_decision_draft (store, item, &error);
  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpstr (sam_decision_get_decided (draft), ==, "2025-10-16");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.show", "s", sam_decision_get_uuid (draft)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW,
                                                                           sam_test_tr ("Date (YYYY-MM-DD)",
                                                                                        "Datum (ÅÅÅÅ-MM-DD)")))),
                   ==, "2025-10-16");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  registered = sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, sam_decision_get_uuid (draft), NULL);
  g_assert_true (sam_decision_is_registered (registered));
  g_assert_cmpstr (sam_decision_get_decided (registered), ==, "2025-10-16");
  g_assert_cmpint (sam_decision_get_year (registered), ==, 2025);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_decisions_page (void)
{
  SamWindow *window;
  SamStore *store;
  SamDecisionsPage *page;
  SamDecisionList *list;
  SamDecisionEditor *editor;
  GtkColumnView *view;
  g_autoptr(GtkColumnViewColumn) title_column = NULL;
  g_autoptr(SamDecision) first = NULL;
  g_autoptr(SamDecision) draft = NULL;
  GtkSelectionModel *selection;
  guint total, found;
  SamDecisionSort sort;
  gboolean descending;

  window = sam_test_open_demo (1400, 860);
  store = sam_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions"));

  page = SAM_DECISIONS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_DECISIONS_PAGE));
  g_assert_nonnull (page);
  /* The table reads the rows it shows as it lays them out. */
  sam_test_wait_until_drawn (GTK_WIDGET (page));
  list = sam_decisions_page_get_list (page);
  editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  total = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (total, ==, sam_store_count_decisions (store, NULL, 0));
  g_assert_cmpuint (total, >, 10);
  /* Only the rows on screen (a page or two) were read. */
  g_assert_cmpuint (sam_decision_list_get_n_cached (list), <=, 2 * sam_decision_list_get_page_size ());
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions");

  /* A click on the Title header sorts by title in the store. */
  view = GTK_COLUMN_VIEW (sam_test_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW));
  title_column = g_list_model_get_item (gtk_column_view_get_columns (view), 3);
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_DESCENDING);
  sort = sam_decision_list_get_sort (list, &descending);
  g_assert_cmpint (sort, ==, SAM_DECISION_SORT_TITLE);
  g_assert_true (descending);
  gtk_column_view_sort_by_column (view, title_column, GTK_SORT_ASCENDING);
  sort = sam_decision_list_get_sort (list, &descending);
  g_assert_false (descending);
  gtk_column_view_sort_by_column (view, NULL, GTK_SORT_ASCENDING);
  g_assert_cmpint (sam_decision_list_get_sort (list, NULL), ==, SAM_DECISION_SORT_DATE);

  /* Search as you type narrows the list; the matches are marked. */
  sam_decisions_page_search (page, "fasta");
  found = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_assert_cmpuint (found, >, 0);
  g_assert_cmpuint (found, <, total);
  g_assert_cmpint (sam_decision_list_get_sort (list, NULL), ==, SAM_DECISION_SORT_RANK);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-search");

  /* Selecting a row shows the decision in the editor. */
  selection = gtk_column_view_get_model (view);
  gtk_selection_model_select_item (selection, 0, TRUE);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (sam_decision_get_uuid (sam_decision_editor_get_decision (editor)), ==,
                   sam_decision_get_uuid (first));
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-editor");
  sam_decisions_page_search (page, "");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total);

  /* A decision's number finds that decision, first and alone; a word
   * inside compounds finds them; a search that finds nothing says so. */
  {
    GtkWidget *table = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
    GtkWidget *none = sam_test_find_widget (gtk_widget_get_parent (table), ADW_TYPE_STATUS_PAGE);
    g_autoptr(SamDecision) found_number = NULL;

    sam_decisions_page_search (page, "AOI 2026:7");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 1);
    found_number = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_assert_cmpstr (sam_decision_get_uuid (found_number), ==, "10f65502-032b-4a99-8871-d928746f0e38");
    g_assert_true (gtk_widget_get_visible (table));
    g_assert_false (gtk_widget_get_visible (none));

    sam_decisions_page_search (page, "kapacitet");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), >=, 5);

    sam_decisions_page_search (page, "kvantfysik");
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
    g_assert_false (gtk_widget_get_visible (table));
    g_assert_true (gtk_widget_get_visible (none));
    g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (none)), ==,
                     sam_test_tr ("No Matches for “kvantfysik”", "Inga träffar för ”kvantfysik”"));
    sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-none");
    sam_decisions_page_search (page, "");
    g_assert_true (gtk_widget_get_visible (table));
    g_assert_false (gtk_widget_get_visible (none));
  }

  /* New Decision, then Register: the register grows by one numbered decision. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "decisions.new", NULL));
  g_assert_true (sam_decision_editor_is_editing (editor));
  draft = g_object_ref (sam_decision_editor_get_decision (editor));
  {
    /* The first entry row of the form is the title. */
    AdwEntryRow *title_row = ADW_ENTRY_ROW (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW));

    /* Under "All groups" the draft belongs to the group the user chooses. */
    AdwComboRow *group_row = ADW_COMBO_ROW (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_COMBO_ROW));

    g_assert_nonnull (title_row);
    gtk_editable_set_text (GTK_EDITABLE (title_row), "Gemensam rutin för överflyttning av intensivvårdspatienter");
    adw_combo_row_set_selected (group_row, position_of_prefix (group_row, "AOI "));
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  g_assert_true (sam_decision_is_registered (draft));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, total + 1);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-registered");

  /* Follow-up and open escalations. */
  {
    GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_STACK));

    g_assert_nonnull (gtk_stack_get_child_by_name (stack, "escalations"));
    gtk_stack_set_visible_child_name (stack, "escalations");
    sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-escalations");
    gtk_stack_set_visible_child_name (stack, "follow-up");
    sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-decisions-follow-up");
    gtk_stack_set_visible_child_name (stack, "register");
  }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  sam_test_ui_init (&argc, &argv);
  sam_gui_ensure_types ();
  sam_test_ui_start_application ();

  g_test_add_func ("/decisions-page/codes-from-first-frame", test_codes_from_first_frame);
  g_test_add_func ("/decisions-page/register", test_decisions_page);
  g_test_add_func ("/decisions-page/lazy-views", test_lazy_views);
  g_test_add_func ("/decisions-page/selection-reads-little", test_selection_reads_little);
  g_test_add_func ("/decisions-page/new-asks-for-group", test_new_asks_for_group);
  g_test_add_func ("/decisions-page/agenda-draft-dated", test_agenda_draft_dated);
  g_test_add_func ("/decisions-page/date-errors-inline", test_date_errors_inline);
  g_test_add_func ("/decisions-page/extract", test_extract);

  return sam_test_ui_run ();
}

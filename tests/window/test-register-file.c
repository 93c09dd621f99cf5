/* test-register-file.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The register file as a coordinator's day treats it, in the real window
 * under Xvfb: a file dialog on the register's folder (GIO opens and closes
 * every file there to sniff its type, which drops the POSIX locks SQLite
 * holds in this process), the command line exporting from the same file
 * while the window has it, decisions registered in the window; after
 * closing and reopening, every decision is there, numbered apart, and the
 * file is whole.
 */

#include "config.h"

#include <string.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <adwaita.h>
#include <sqlite3.h>

#include "sam-application.h"
#include "sam-decision-editor.h"
#include "sam-decisions-page.h"
#include "sam-gui-types.h"
#include "sam-store.h"
#include "sam-store-decisions.h"
#include "sam-test-ui.h"
#include "sam-window.h"

static SamApplication *app;

/* Counts the times a file was closed after reading (IN_CLOSE_NOWRITE):
 * SQLite keeps its descriptor open, so a close is someone else's. */
typedef struct
{
  int   fd;
  guint closed;
} Watch;

static void
watch_start (Watch      *watch,
             const char *path)
{
  watch->fd = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (watch->fd, >=, 0);
  g_assert_cmpint (inotify_add_watch (watch->fd, path, IN_CLOSE_NOWRITE), >=, 0);
  watch->closed = 0;
}

static gboolean
watch_saw_close (gpointer data)
{
  Watch *watch = data;
  char buffer[4096] __attribute__ ((aligned (__alignof__ (struct inotify_event))));
  gssize n;

  while ((n = read (watch->fd, buffer, sizeof buffer)) > 0)
    for (char *p = buffer; p < buffer + n; p += sizeof (struct inotify_event) + ((struct inotify_event *) p)->len)
      if (((struct inotify_event *) p)->mask & IN_CLOSE_NOWRITE)
        watch->closed++;

  return watch->closed > 0;
}

static void
watch_stop (Watch *watch)
{
  close (watch->fd);
  watch->fd = -1;
}

/* What GIO does to each file a file dialog lists: the content type, which
 * it guesses from the first bytes when the name does not tell it. Done
 * here as well as by the dialog, so the test does not hang on how a GTK
 * version fills its list. */
static void
sniff_folder (const char *dir)
{
  g_autoptr(GFile) folder = g_file_new_for_path (dir);
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GError) error = NULL;
  GFileInfo *info;

  children = g_file_enumerate_children (folder, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  while ((info = g_file_enumerator_next_file (children, NULL, &error)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (folder, g_file_info_get_name (info));
      g_autoptr(GFileInputStream) stream = g_file_read (child, NULL, NULL);
      char head[64];

      g_test_message ("%s: %s", g_file_info_get_name (info), g_file_info_get_content_type (info));
      if (stream != NULL)
        {
          g_input_stream_read (G_INPUT_STREAM (stream), head, sizeof head, NULL, NULL);
          g_input_stream_close (G_INPUT_STREAM (stream), NULL, NULL);
        }
      g_object_unref (info);
    }
  g_assert_no_error (error);
}

/* Export Register…: the window's file dialog, opened on @dir, left open
 * until GIO has read the register to tell its type, then cancelled. */
static void
open_export_dialog_on (SamWindow  *window,
                       const char *dir,
                       const char *path)
{
  GSettings *settings = sam_application_get_settings (app);
  GtkWindow *dialog;
  Watch watch;

  g_settings_set_string (settings, "last-export-folder", dir);
  watch_start (&watch, path);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-register", NULL));
  dialog = sam_test_wait_for_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  sniff_folder (dir);
  sam_test_wait_until (watch_saw_close, &watch, SAM_TEST_WAIT_TIMEOUT_MS, "GIO to read the register");
  watch_stop (&watch);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  sam_test_wait_for (sam_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) == NULL);
}

/* samordna --database @path --export-decisions <csv>, as another program:
 * returns the CSV it wrote. */
static char *
export_decisions_cli (const char *path,
                      const char *dir)
{
  g_autofree char *binary = g_build_filename (g_getenv ("SAM_BUILD_ROOT"), "src", "samordna", NULL);
  g_autofree char *csv = g_build_filename (dir, "decisions.csv", NULL);
  const char *argv[] = { binary, "--database", path, "--export-decisions", csv, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("samordna --export-decisions: %s%s", out, err);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  g_file_get_contents (csv, &contents, NULL, &error);
  g_assert_no_error (error);
  g_unlink (csv);

  return contents;
}

/* New Decision, a title, Register: as the decision editor does it. */
static SamDecision *
register_in_window (SamWindow  *window,
                    const char *group_uuid,
                    const char *title)
{
  SamDecisionsPage *page;
  SamDecisionEditor *editor;
  AdwEntryRow *title_row;
  SamDecision *draft;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions"));
  page = SAM_DECISIONS_PAGE (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_DECISIONS_PAGE));
  editor = SAM_DECISION_EDITOR (sam_decisions_page_get_editor (page));
  sam_decision_editor_new_draft (editor, group_uuid);
  g_assert_true (sam_decision_editor_is_editing (editor));
  draft = g_object_ref (sam_decision_editor_get_decision (editor));
  /* The first entry row of the form is the title. */
  title_row = ADW_ENTRY_ROW (sam_test_find_widget (GTK_WIDGET (editor), ADW_TYPE_ENTRY_ROW));
  gtk_editable_set_text (GTK_EDITABLE (title_row), title);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "decision.register", NULL));
  g_assert_true (sam_decision_is_registered (draft));

  return draft;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return text;
}

/* The lock drop of issue 14: a file dialog on the register's folder, the
 * command line on the same file, decisions registered in the window,
 * close, reopen. The register is named as a user might name it (not
 * *.samordna), so GIO does read it. */
static void
test_register_survives_sniffing (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("samordna-lock-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "region.db", NULL);
  g_autofree char *group = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *number1 = NULL;
  g_autofree char *number2 = NULL;
  g_autofree char *integrity = NULL;
  g_autofree char *audited = NULL;
  g_autoptr(SamDecision) first = NULL;
  g_autoptr(SamDecision) second = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SamWindow *window;

  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  group = sam_test_add_group (store, "AOI", "Arbetsgrupp ortopedi", SAM_GROUP_KIND_COUNCIL, NULL);
  window = sam_window_new (ADW_APPLICATION (app), sam_application_get_settings (app), store);
  gtk_window_present (GTK_WINDOW (window));
  sam_test_wait_until_mapped (GTK_WIDGET (window));

  first = register_in_window (window, group, "Gemensam rutin för remisser");
  number1 = sam_decision_format_number (first, "AOI");

  open_export_dialog_on (window, dir, path);

  /* The command line reads what the window registered, while the window
   * has the register open. */
  csv = export_decisions_cli (path, dir);
  g_assert_nonnull (strstr (csv, number1));
  g_clear_pointer (&csv, g_free);

  second = register_in_window (window, group, "Uppföljning av remisstider");
  number2 = sam_decision_format_number (second, "AOI");
  g_assert_cmpstr (number1, !=, number2);

  /* And what it registered after the command line had been there. */
  csv = export_decisions_cli (path, dir);
  g_assert_nonnull (strstr (csv, number1));
  g_assert_nonnull (strstr (csv, number2));

  gtk_window_destroy (GTK_WINDOW (window));
  sam_test_wait_for (G_OBJECT (store)->ref_count == 1);
  g_assert_finalize_object (g_steal_pointer (&store));

  /* Closed and opened again: both decisions, numbered apart, each with
   * its audit entry, in a whole file. */
  integrity = query_text (path, "PRAGMA integrity_check");
  g_assert_cmpstr (integrity, ==, "ok");
  audited = query_text (path, "SELECT count (*) FROM audit_log WHERE entity = 'decision' AND action = 'register'");
  g_assert_cmpstr (audited, ==, "2");
  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SamDecision) again1 = sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, sam_decision_get_uuid (first), &error);
    g_autoptr(SamDecision) again2 = sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, sam_decision_get_uuid (second), &error);

    g_assert_no_error (error);
    g_assert_nonnull (again1);
    g_assert_nonnull (again2);
    g_assert_true (sam_decision_is_registered (again1));
    g_assert_true (sam_decision_is_registered (again2));
    g_assert_cmpint (sam_decision_get_serial (again1), !=, sam_decision_get_serial (again2));
    g_assert_cmpuint (sam_store_count_decisions (store, NULL, 0), ==, 2);
  }
  g_assert_finalize_object (g_steal_pointer (&store));
  sam_test_remove_tree (dir);
}

/* The other program of test_register_in_use: test-register-file
 * --child-write PATH holds the register open for changes until its input
 * ends. */
static int
run_child_writer (const char *path)
{
  g_autoptr(SamStore) store = sam_store_open (path, NULL);
  char buffer[16];

  if (store == NULL)
    return 1;
  g_print ("ready\n");
  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;

  return 0;
}

static SamWindow *
find_window_on (const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (SAM_IS_WINDOW (l->data) &&
        g_strcmp0 (sam_store_get_path (sam_window_get_store (l->data)), path) == 0)
      return l->data;

  return NULL;
}

/* A register another program changes: the window says so, in the
 * language of the run, and opens it when asked again once the other
 * program is closed. */
static void
test_register_in_use (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("samordna-in-use-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "region.samordna", NULL);
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_exe, "--child-write", path, NULL };
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  SamWindow *window;
  char ready[6] = { 0 };
  int in_fd, out_fd, status = 0;
  GPid pid;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, ready, 5), ==, 5);
  g_assert_cmpstr (ready, ==, "ready");

  sam_application_open_register (app, path);
  g_assert_null (find_window_on (path));
  dialog = ADW_MESSAGE_DIALOG (sam_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_test_message ("%s: %s", adw_message_dialog_get_heading (dialog), adw_message_dialog_get_body (dialog));
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, sam_test_tr ("Register in Use", "Registret används"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), path));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            sam_test_tr ("another Samordna window or program",
                                         "ett annat Samordna-fönster eller program")));
  g_assert_true (adw_message_dialog_has_response (dialog, "retry"));

  /* The other program closes; Try Again opens the register. */
  close (in_fd);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid);
  close (out_fd);
  adw_message_dialog_response (dialog, "retry");
  sam_test_wait_for ((window = find_window_on (path)) != NULL);
  sam_test_wait_until_mapped (GTK_WIDGET (window));
  gtk_window_destroy (GTK_WINDOW (window));

  sam_test_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--child-write") == 0)
    return run_child_writer (argv[2]);

  sam_test_ui_init (&argc, &argv);
  sam_gui_ensure_types ();
  app = sam_test_ui_start_application ();

  g_test_add_func ("/register-file/survives-sniffing", test_register_survives_sniffing);
  g_test_add_func ("/register-file/in-use", test_register_in_use);

  return sam_test_ui_run ();
}

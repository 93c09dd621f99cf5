/* test-ui.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opens the real window under Xvfb: every template and builder file loads,
 * the pages are there (in Swedish when run in Swedish), and a screenshot of
 * the window is written to the build directory.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <adwaita.h>

#include "sam-application.h"
#include "sam-chart-pane.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-store-private.h"
#include "sam-test-register.h"

#include "sam-organisation-page.h"
#include "sam-store.h"
#include "sam-store-structure.h"
#include "sam-test-ui.h"
#include "sam-window.h"

static SamApplication *app;

/* Creates a widget of @type with the construct properties our widgets take
 * (the application, its settings, a register), as the window would hand them down.
 */
static GtkWidget *
new_for_test (GType           type,
              AdwApplication *application)
{
  g_autoptr(GTypeClass) klass = g_type_class_ref (type);
  const char *names[4];
  GValue values[4] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  guint n = 0;
  GObject *object;

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "application") != NULL)
    {
      names[n] = "application";
      g_value_init (&values[n], GTK_TYPE_APPLICATION);
      g_value_set_object (&values[n++], application);
    }
  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "settings") != NULL)
    {
      names[n] = "settings";
      g_value_init (&values[n], G_TYPE_SETTINGS);
      g_value_set_object (&values[n++], sam_application_get_settings (SAM_APPLICATION (application)));
    }

  if (g_object_class_find_property (G_OBJECT_CLASS (klass), "store") != NULL)
    {
      g_autofree char *path = sam_store_dup_default_path ();
      g_autoptr(SamStore) store = sam_store_open (path, NULL);

      g_assert_nonnull (store);
      names[n] = "store";
      g_value_init (&values[n], SAM_TYPE_STORE);
      g_value_set_object (&values[n++], store);
    }

  object = g_object_new_with_properties (type, n, names, values);
  for (guint i = 0; i < n; i++)
    g_value_unset (&values[i]);

  return GTK_WIDGET (object);
}

/* A bare GtkBuilder cannot load a <template>: templates are loaded by
 * creating their class, the other files by a builder. */
static void
test_ui_files_load (void)
{
  static const char *dirs[] = { RESOURCE_PREFIX "/ui/", RESOURCE_PREFIX "/gtk/" };
  guint n_files = 0;

  sam_gui_ensure_types ();

  for (guint d = 0; d < G_N_ELEMENTS (dirs); d++)
    {
      g_auto(GStrv) names = g_resources_enumerate_children (dirs[d], 0, NULL);

      g_assert_nonnull (names);
      for (guint i = 0; names[i] != NULL; i++)
        {
          g_autofree char *path = g_strconcat (dirs[d], names[i], NULL);
          g_autoptr(GBytes) bytes = g_resources_lookup_data (path, 0, NULL);
          const char *text = g_bytes_get_data (bytes, NULL);
          const char *template = strstr (text, "<template class=\"");

          if (!g_str_has_suffix (names[i], ".ui"))
            continue;

          n_files++;
          if (template != NULL)
            {
              g_autofree char *class_name = g_strndup (template + 17, strcspn (template + 17, "\""));
              GType type = g_type_from_name (class_name);
              g_autoptr(GtkWidget) widget = NULL;

              g_test_message ("template %s: %s", path, class_name);
              g_assert_true (g_type_is_a (type, GTK_TYPE_WIDGET));
              widget = new_for_test (type, ADW_APPLICATION (app));
              g_assert_nonnull (widget);
              g_object_ref_sink (widget);
              if (GTK_IS_WINDOW (widget))
                gtk_window_destroy (GTK_WINDOW (widget));
            }
          else
            {
              g_autoptr(GtkBuilder) builder = gtk_builder_new ();
              g_autoptr(GError) error = NULL;

              g_test_message ("builder file %s", path);
              gtk_builder_add_from_resource (builder, path, &error);
              g_assert_no_error (error);
            }
        }
    }

  g_assert_cmpuint (n_files, >=, 2);
}

static gboolean
stack_has_child (GtkWidget     *stack,
                 gconstpointer  child_name)
{
  return gtk_stack_get_child_by_name (GTK_STACK (stack), child_name) != NULL;
}

static GtkWidget *
find_stack_named (GtkWidget  *root,
                  const char *child_name)
{
  return sam_test_find_widget_full (root, GTK_TYPE_STACK, stack_has_child, child_name);
}

/* A new user's register is empty: the window offers an import and the demo. */
static void
test_ui_empty_register (void)
{
  SamWindow *window = sam_test_open_window ();
  GtkStack *content = GTK_STACK (find_stack_named (GTK_WIDGET (window), "empty"));

  g_assert_nonnull (content);
  g_assert_true (sam_store_is_empty (sam_window_get_store (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation"));
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-empty");
}

/* Whether @page has been given the window's register to show */
static gboolean
page_has_store (GtkWidget *page)
{
  g_autoptr(SamStore) store = NULL;

  g_object_get (page, "store", &store, NULL);

  return store != NULL;
}

/* Opening the demo register replaces the empty register's window. It
 * opens on the Organisation page, and the other pages read the register
 * only when they are first shown. */
static void
test_ui_window (void)
{
  static const char *names[] = { "organisation", "meetings", "decisions" };
  static const char *english[] = { "Organisation", "Meetings", "Decisions" };
  static const char *svenska[] = { "Organisation", "Möten", "Beslut" };
  SamWindow *empty = sam_test_open_window ();
  SamWindow *window;
  AdwViewStack *stack;
  GtkStack *content;

  window = sam_test_open_demo (0, 0);
  g_assert_true (window != empty);
  g_assert_false (sam_store_is_empty (sam_window_get_store (window)));
  content = GTK_STACK (find_stack_named (GTK_WIDGET (window), "empty"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "register");

  stack = ADW_VIEW_STACK (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, "organisation");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, names[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, sam_test_tr (english[i], svenska[i]));

      g_assert_true (page_has_store (child) == (i == 0));
      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
      g_assert_true (page_has_store (child));
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-window");
}

/* The size and the page are written back to GSettings and used next time. */
static void
test_ui_window_state (void)
{
  GSettings *settings = sam_application_get_settings (app);
  SamWindow *window = sam_test_open_window ();
  int width, height;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "decisions");
  gtk_window_destroy (GTK_WINDOW (window));

  window = sam_test_open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_true (SAM_IS_WINDOW (window));
  g_assert_nonnull (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                   ==, "decisions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
shows_register (gpointer window)
{
  GtkWidget *content = find_stack_named (window, "empty");

  return g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (content)), "register") == 0;
}

/* The window's own import and export, as the file chooser's answer runs
 * them: export the demo, import it into an empty register, refuse a broken
 * file with a dialog that names the line. */
static void
test_ui_import_export (void)
{
  g_autofree char *dir = g_dir_make_tmp ("samordna-ui-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "export.xml", NULL);
  g_autofree char *broken = g_build_filename (dir, "broken.xml", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) broken_file = g_file_new_for_path (broken);
  SamWindow *demo, *window;
  AdwMessageDialog *dialog;

  demo = sam_test_open_demo (0, 0);
  sam_window_export (demo, file);
  /* The export is renamed into place when it is whole. */
  sam_test_wait_until (file_exists, path, 30000, "the register to be exported");
  gtk_window_destroy (GTK_WINDOW (demo));

  window = sam_test_open_window ();
  g_assert_true (sam_store_is_empty (sam_window_get_store (window)));
  sam_window_import (window, file);
  /* The window shows the register once the import is done. */
  sam_test_wait_until (shows_register, window, 30000, "the register to be imported");
  g_assert_false (sam_store_is_empty (sam_window_get_store (window)));

  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<register xmlns=\"urn:x-samordna:register:1\" version=\"1\">\n  <groups>\n", -1, NULL));
  sam_window_import (window, broken_file);
  dialog = ADW_MESSAGE_DIALOG (sam_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_test_message ("error: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.xml"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), sam_test_tr ("line", "rad")));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (broken);
  g_unlink (path);
  g_rmdir (dir);
}

/* A merge into a register that holds something, watched frame by frame.
 * As soon as it is under way, the user changes something in the window:
 * the change goes through the window's own connection, on the main
 * thread, while the merge's worker has the file. */
typedef struct
{
  SamWindow      *window;
  GtkLabel       *label;
  GtkProgressBar *bar;
  gint64          last;           /* the last frame, monotonic µs */
  gint64          longest;        /* the longest time between two frames */
  guint           n_frames;
  gboolean        changed;        /* the user's change is made */
  gboolean        change_ok;
  gint64          change_took;
  guint           change_waits;   /* for a lock */
  GPtrArray      *messages;       /* what the progress label said */
} Watch;

static gboolean
frame_cb (GtkWidget     *widget,
          GdkFrameClock *clock,
          gpointer       user_data)
{
  Watch *watch = user_data;
  gint64 now = g_get_monotonic_time ();

  if (watch->last != 0)
    watch->longest = MAX (watch->longest, now - watch->last);
  watch->last = now;
  watch->n_frames++;

  if (!watch->changed && gtk_progress_bar_get_fraction (watch->bar) > 0.0)
    {
      g_autoptr(SamOrganisation) org = sam_organisation_new ();
      g_autoptr(GError) error = NULL;
      SamStore *store = sam_window_get_store (watch->window);
      guint waits = _sam_store_get_busy_waits (store);
      gint64 start = g_get_monotonic_time ();

      g_object_set (org, "name", "Ändrad under sammanslagningen", NULL);
      watch->change_ok = sam_store_save (store, org, &error);
      g_assert_no_error (error);
      watch->change_took = g_get_monotonic_time () - start;
      watch->change_waits = _sam_store_get_busy_waits (store) - waits;
      watch->changed = TRUE;
    }

  return G_SOURCE_CONTINUE;
}

static void
label_notify_cb (GtkLabel   *label,
                 GParamSpec *pspec,
                 Watch      *watch)
{
  const char *text = gtk_label_get_text (label);

  if (!g_ptr_array_find_with_equal_func (watch->messages, text, g_str_equal, NULL))
    g_ptr_array_add (watch->messages, g_strdup (text));
}

static gboolean
progress_hidden (gpointer data)
{
  Watch *watch = data;
  GtkWidget *revealer = gtk_widget_get_ancestor (GTK_WIDGET (watch->bar), GTK_TYPE_REVEALER);

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (revealer));
}

/* The window keeps drawing while it merges a large file, shows what the
 * merge does, and a change made meanwhile neither fails nor holds the
 * window up: the merge reads the file before it takes the write lock.
 * Before, the merge held the lock from its first row, and the change
 * waited on the main thread for the whole merge (or failed after 10 s). */
static void
test_ui_merge_responsive (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (15);
  g_autofree char *dir = g_dir_make_tmp ("samordna-ui-XXXXXX", NULL);
  g_autofree char *base = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *changed = g_build_filename (dir, "changed.xml", NULL);
  g_autoptr(GFile) base_file = g_file_new_for_path (base);
  g_autoptr(GFile) changed_file = g_file_new_for_path (changed);
  g_autoptr(SamTestRegister) reg = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;
  const char *n = g_getenv ("SAM_TEST_MERGE_DECISIONS");
  guint decisions = n != NULL ? atoi (n) : 10000;
  SamTestRegisterSize size = {
    .organisations = 30, .people = decisions / 10, .groups = decisions / 20, .relations = decisions / 30,
    .commissions = decisions / 30, .seats = decisions / 15, .assignments = decisions / 3,
    .meetings = decisions / 5, .participations = decisions / 4, .agenda_items = decisions / 2,
    .attendances = decisions / 2, .decisions = decisions, .escalations = decisions / 20, .info = 2,
    .text_length = 4,
  };
  Watch watch = { .messages = g_ptr_array_new_with_free_func (g_free) };
  char *contents = NULL;
  gsize len;
  guint tick;

  reg = sam_test_register_new (rand, &size);
  g_assert_true (sam_test_register_write_xml (reg, base, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (base, &contents, &len, &error));
  text = g_string_new_len (contents, len);
  g_free (contents);
  g_string_replace (text, " responsible=\"", " responsible=\"ny ", 0);
  g_assert_true (g_file_set_contents (changed, text->str, text->len, &error));
  g_assert_no_error (error);

  watch.window = sam_test_open_window ();
  watch.bar = GTK_PROGRESS_BAR (sam_test_find_widget (GTK_WIDGET (watch.window), GTK_TYPE_PROGRESS_BAR));
  watch.label = GTK_LABEL (sam_test_find_widget (gtk_widget_get_parent (GTK_WIDGET (watch.bar)), GTK_TYPE_LABEL));
  /* Into the register of the earlier tests, if any: added to it. */
  sam_window_import (watch.window, base_file);
  sam_test_wait_until (shows_register, watch.window, 120000, "the register to be imported");
  sam_test_wait_until (progress_hidden, &watch, 30000, "the import to end");

  g_signal_connect (watch.label, "notify::label", G_CALLBACK (label_notify_cb), &watch);
  tick = gtk_widget_add_tick_callback (GTK_WIDGET (watch.window), frame_cb, &watch, NULL);
  sam_window_import (watch.window, changed_file);
  sam_test_wait_until (progress_hidden, &watch, 120000, "the merge to end");
  /* A frame that held the main thread up to the end counts too. */
  watch.longest = MAX (watch.longest, g_get_monotonic_time () - watch.last);
  gtk_widget_remove_tick_callback (GTK_WIDGET (watch.window), tick);
  g_signal_handlers_disconnect_by_func (watch.label, label_notify_cb, &watch);

  g_test_message ("%u decisions: %u frames, the longest %.0f ms apart; the change took %.0f ms "
                  "and waited %u times for a lock",
                  decisions, watch.n_frames, watch.longest / 1000.0, watch.change_took / 1000.0, watch.change_waits);
  for (guint i = 0; i < watch.messages->len; i++)
    g_test_message ("progress: %s", (const char *) watch.messages->pdata[i]);

  /* No error dialog: the merge is done, with the change beside it. */
  g_assert_null (sam_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (watch.changed);
  g_assert_true (watch.change_ok);
  g_assert_cmpint (watch.change_took, <, 500000);
  g_assert_cmpint (watch.longest, <, 500000);
  g_assert_true (g_ptr_array_find_with_equal_func (watch.messages, sam_test_tr ("Reading the file…", "Läser filen…"),
                                                   g_str_equal, NULL));

  gtk_window_destroy (GTK_WINDOW (watch.window));
  g_ptr_array_unref (watch.messages);
  g_unlink (changed);
  g_unlink (base);
  g_rmdir (dir);
}

/* The header's Undo and Redo buttons take back and make again the last
 * edit of the Organisation page, and say which one (#17). */
static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  action)
{
  return g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0;
}

static gboolean
group_exists (SamStore   *store,
              const char *code)
{
  g_autoptr(SamGroup) group = sam_store_find_group_by_code (store, code, NULL);

  return group != NULL;
}

static void
test_ui_header_undo (void)
{
  SamWindow *window = sam_test_open_demo (0, 0);
  SamStore *store = sam_window_get_store (window);
  GtkWidget *page = sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_ORGANISATION_PAGE);
  GtkWidget *undo = sam_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, has_action, "win.undo");
  GtkWidget *redo = sam_test_find_widget_full (GTK_WIDGET (window), GTK_TYPE_BUTTON, has_action, "win.redo");
  g_autofree char *undo_new_group = NULL;
  g_autofree char *redo_new_group = NULL;
  g_autoptr(SamGroup) group = NULL;
  GtkWindow *dialog;

  undo_new_group = g_strconcat (sam_test_tr ("Undo “New Group”", "Ångra ”Ny grupp”"), NULL);
  redo_new_group = g_strconcat (sam_test_tr ("Redo “New Group”", "Gör om ”Ny grupp”"), NULL);
  g_assert_nonnull (undo);
  g_assert_nonnull (redo);
  g_assert_true (gtk_widget_get_mapped (undo));
  g_assert_false (gtk_widget_is_sensitive (undo));

  g_assert_true (gtk_widget_activate_action (page, "organisation.new-group", NULL));
  dialog = sam_test_wait_for_toplevel (g_type_from_name ("SamGroupDialog"));
  gtk_editable_set_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                          sam_test_tr ("Name", "Namn"))),
                         "Samordningsråd hörsel");
  gtk_editable_set_text (GTK_EDITABLE (sam_test_find_row (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW,
                                                          sam_test_tr ("Short Code", "Kortkod"))),
                         "HÖR");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "group.create", NULL));
  group = sam_store_find_group_by_code (store, "HÖR", NULL);
  g_assert_nonnull (group);

  /* The button says what it undoes, to the eye and to a screen reader. */
  sam_test_wait_for (gtk_widget_is_sensitive (undo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (undo), ==, undo_new_group);
  /* A button pressed from the keyboard is clicked once it has shown so. */
  gtk_widget_activate (undo);
  g_clear_object (&group);
  sam_test_wait_for (!group_exists (store, "HÖR"));

  sam_test_wait_for (gtk_widget_is_sensitive (redo));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (redo), ==, redo_new_group);
  gtk_widget_activate (redo);
  sam_test_wait_for (group_exists (store, "HÖR"));

  /* Other pages have no history of their own there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "meetings");
  g_assert_false (gtk_widget_get_visible (undo));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  g_assert_true (gtk_widget_get_visible (undo));
}

static int
window_width (GtkWidget *window)
{
  return gtk_widget_get_width (window);
}

static void
resize_to (SamWindow *window,
           int        width)
{
  gtk_window_set_default_size (GTK_WINDOW (window), width, 800);
  sam_test_wait_until_drawn (GTK_WIDGET (window));
}

/* Narrowed, the Organisation page shows the tree, a group's details and
 * the chart one at a time, with a way back; widened again, it shows every
 * pane once more: the chart pane was squeezed to nothing, and kept there,
 * behind a handle nobody could see, and the details were clipped (#17).
 * The least width of each page is logged. */
static void
test_ui_narrow_and_back (void)
{
  static const char *names[] = { "organisation", "meetings", "decisions" };
  SamWindow *window = sam_test_open_demo (1400, 800);
  AdwViewStack *stack = ADW_VIEW_STACK (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "organisation");
  AdwLeaflet *leaflet = ADW_LEAFLET (sam_test_find_widget (page, ADW_TYPE_LEAFLET));
  GtkWidget *chart = sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE);
  g_autoptr(SamGroup) group = NULL;
  int minimum, natural;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, names[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      sam_test_wait_until_drawn (child);
      gtk_widget_measure (child, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
      g_test_message ("%s: %d px at the least", names[i], minimum);
    }
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);

  sam_test_wait_until_drawn (GTK_WIDGET (window));
  sam_test_wait_for (window_width (GTK_WIDGET (window)) >= 1300);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  sam_test_wait_for (gtk_widget_get_width (chart) > 300);
  g_test_message ("opened %d px wide, the chart pane %d px", window_width (GTK_WIDGET (window)),
                  gtk_widget_get_width (chart));

  /* A user narrows the window step by step, as a drag does; at the
   * window's first width (1 100 px) every pane still shows. */
  for (int width = 1300; width >= 1100; width -= 100)
    resize_to (window, width);
  g_assert_false (adw_leaflet_get_folded (leaflet));
  for (int width = 1000; width >= 360; width -= 100)
    resize_to (window, width);
  g_test_message ("narrowed to %d px", window_width (GTK_WIDGET (window)));
  sam_test_wait_for (adw_leaflet_get_folded (leaflet));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "tree");

  /* Choosing a group goes on to its details, and back to the tree. */
  group = sam_store_find_group_by_code (sam_window_get_store (window), "AOI", NULL);
  g_assert_nonnull (group);
  sam_organisation_page_select_group (SAM_ORGANISATION_PAGE (page), sam_group_get_uuid (group));
  sam_test_wait_for (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "details") == 0);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-window-narrow");
  g_assert_true (gtk_widget_activate_action (page, "organisation.show-chart", NULL));
  g_assert_cmpstr (adw_leaflet_get_visible_child_name (leaflet), ==, "chart");
  g_assert_true (gtk_widget_activate_action (page, "organisation.go-back", NULL));
  g_assert_true (gtk_widget_activate_action (page, "organisation.go-back", NULL));
  sam_test_wait_for (g_strcmp0 (adw_leaflet_get_visible_child_name (leaflet), "tree") == 0);

  for (int width = 400; width <= 1400; width += 100)
    resize_to (window, width);
  sam_test_wait_for (!adw_leaflet_get_folded (leaflet));
  g_assert_true (sam_test_wait_until ((SamTestCondition) gtk_widget_get_mapped, chart, 2000, "the chart to be shown"));
  g_test_message ("chart pane %d px wide after widening", gtk_widget_get_width (chart));
  g_assert_cmpint (gtk_widget_get_width (chart), >, 300);
  sam_test_save_screenshot (sam_test_window_content (GTK_WIDGET (window)), "screenshot-window-1400");
}

/* Whether a shortcut of @widget or of a widget inside it has @trigger. */
static gboolean
has_trigger (GtkWidget          *widget,
             GtkShortcutTrigger *trigger)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GtkEventController) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);

          if (gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), trigger))
            return TRUE;
        }
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (has_trigger (child, trigger))
      return TRUE;

  return FALSE;
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *out)
{
  if (GTK_IS_SHORTCUTS_GROUP (widget))
    g_ptr_array_add (out, widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_shortcuts (child, out);
}

/* Every shortcut the shortcuts window lists is one the window, the page
 * or the dialog it is listed under answers to (#17). */
static void
test_ui_shortcuts_listed (void)
{
  static const struct { const char *english; const char *svenska; const char *where; } groups[] = {
    { "General", "Allmänt", "window" },
    { "Pages", "Sidor", "window" },
    { "Organisation", "Organisation", "organisation" },
    { "Chart", "Schema", "chart" },
    { "Meetings", "Möten", "meetings" },
    { "Decisions", "Beslut", "decisions" },
    { "Editors and Dialogs", "Redigerare och dialogrutor", "dialog" },
  };
  SamWindow *window = sam_test_open_demo (1400, 800);
  AdwViewStack *stack = ADW_VIEW_STACK (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *organisation = adw_view_stack_get_child_by_name (stack, "organisation");
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/io/github/samordna/Samordna/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autoptr(SamGroup) group = NULL;
  GtkWindow *dialog;
  guint n_checked = 0;

  /* Every page reads its register, and a dialog with both keys is open. */
  for (guint i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s",
                                (const char *[]) { "meetings", "decisions", "organisation" }[i]);
  group = sam_store_find_group_by_code (sam_window_get_store (window), "AOI", NULL);
  sam_organisation_page_select_group (SAM_ORGANISATION_PAGE (organisation), sam_group_get_uuid (group));
  g_assert_true (gtk_widget_activate_action (organisation, "organisation.edit-commission", NULL));
  dialog = sam_test_wait_for_toplevel (g_type_from_name ("SamCommissionDialog"));

  collect_shortcuts (overlay, found);
  g_assert_cmpuint (found->len, ==, G_N_ELEMENTS (groups));
  for (guint i = 0; i < found->len; i++)
    {
      g_autofree char *title = NULL;
      const char *where = NULL;
      GtkWidget *root;

      /* The window lays the groups out in columns, in an order of its own. */
      g_object_get (g_ptr_array_index (found, i), "title", &title, NULL);
      for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
        if (g_strcmp0 (title, sam_test_tr (groups[g].english, groups[g].svenska)) == 0)
          where = groups[g].where;
      if (where == NULL)
        g_error ("the shortcuts window has a group “%s” the test does not know", title);
      if (g_str_equal (where, "window"))
        root = GTK_WIDGET (window);
      else if (g_str_equal (where, "chart"))
        root = sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE);
      else if (g_str_equal (where, "dialog"))
        root = GTK_WIDGET (dialog);
      else
        root = adw_view_stack_get_child_by_name (stack, where);

      for (GtkWidget *child = gtk_widget_get_first_child (g_ptr_array_index (found, i));
           child != NULL;
           child = gtk_widget_get_next_sibling (child))
        {
          g_autofree char *accelerator = NULL;
          g_autofree char *action = NULL;
          g_autofree char *name = NULL;
          g_auto(GStrv) keys = NULL;

          if (!GTK_IS_SHORTCUTS_SHORTCUT (child))
            continue;
          g_object_get (child, "accelerator", &accelerator, "action-name", &action, "title", &name, NULL);
          if (action != NULL)
            {
              g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action);

              g_assert_true (accels != NULL && accels[0] != NULL);
              n_checked++;
              continue;
            }
          /* “Up Down Left Right” lists keys that do alike. */
          keys = g_strsplit (accelerator, " ", -1);
          for (guint k = 0; keys[k] != NULL; k++)
            {
              g_autoptr(GtkShortcutTrigger) trigger = gtk_shortcut_trigger_parse_string (keys[k]);

              g_assert_nonnull (trigger);
              if (!has_trigger (root, trigger))
                g_error ("“%s” (%s) is listed under “%s”, which does not answer to it", name, keys[k], title);
              n_checked++;
            }
        }
    }
  g_test_message ("%u keys checked", n_checked);
  gtk_window_destroy (dialog);
  g_object_ref_sink (overlay);
  gtk_window_destroy (GTK_WINDOW (overlay));
}

/* F6 moves the focus from pane to pane of the page shown and back to the
 * header bar; Shift+F6 goes the other way (#17). */
static GtkWidget *
pane_of_focus (GtkWidget  *window,
               GtkWidget **panes,
               guint       n_panes)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  for (guint i = 0; i < n_panes; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      return panes[i];

  return NULL;
}

static void
test_ui_f6_panes (void)
{
  SamWindow *window = sam_test_open_demo (1400, 800);
  AdwViewStack *stack = ADW_VIEW_STACK (sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  GtkWidget *page = adw_view_stack_get_child_by_name (stack, "organisation");
  GtkWidget *tree = sam_test_find_widget (page, GTK_TYPE_LIST_VIEW);
  GtkWidget *panes[4];
  g_autoptr(SamGroup) group = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  group = sam_store_find_group_by_code (sam_window_get_store (window), "AOI", NULL);
  sam_organisation_page_select_group (SAM_ORGANISATION_PAGE (page), sam_group_get_uuid (group));
  sam_test_wait_until_drawn (GTK_WIDGET (window));

  panes[0] = sam_test_find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR);
  panes[1] = gtk_widget_get_ancestor (tree, GTK_TYPE_BOX);
  while (!ADW_IS_LEAFLET (gtk_widget_get_parent (panes[1])))
    panes[1] = gtk_widget_get_parent (panes[1]);
  panes[2] = gtk_widget_get_next_sibling (gtk_widget_get_next_sibling (panes[1]));
  panes[3] = gtk_widget_get_ancestor (sam_test_find_widget (GTK_WIDGET (window), SAM_TYPE_CHART_PANE), GTK_TYPE_BOX);
  while (!ADW_IS_LEAFLET (gtk_widget_get_parent (panes[3])))
    panes[3] = gtk_widget_get_parent (panes[3]);

  g_assert_true (gtk_widget_grab_focus (tree));
  g_assert_true (pane_of_focus (GTK_WIDGET (window), panes, 4) == panes[1]);
  for (guint i = 2; i < 4 + 2; i++)
    {
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.next-pane", NULL));
      g_assert_true (pane_of_focus (GTK_WIDGET (window), panes, 4) == panes[i % 4]);
    }
  /* Back from the tree to the header bar, and from there to the chart. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pane", NULL));
  g_assert_true (pane_of_focus (GTK_WIDGET (window), panes, 4) == panes[0]);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.previous-pane", NULL));
  g_assert_true (pane_of_focus (GTK_WIDGET (window), panes, 4) == panes[3]);
}

int
main (int   argc,
      char *argv[])
{
  sam_test_ui_init (&argc, &argv);
  app = sam_test_ui_start_application ();

  g_test_add_func ("/ui/files-load", test_ui_files_load);
  g_test_add_func ("/ui/empty-register", test_ui_empty_register);
  g_test_add_func ("/ui/window", test_ui_window);
  g_test_add_func ("/ui/window-state", test_ui_window_state);
  g_test_add_func ("/ui/import-export", test_ui_import_export);
  g_test_add_func ("/ui/merge-responsive", test_ui_merge_responsive);
  g_test_add_func ("/ui/header-undo", test_ui_header_undo);
  g_test_add_func ("/ui/narrow-and-back", test_ui_narrow_and_back);
  g_test_add_func ("/ui/shortcuts-listed", test_ui_shortcuts_listed);
  g_test_add_func ("/ui/f6-panes", test_ui_f6_panes);

  return sam_test_ui_run ();
}

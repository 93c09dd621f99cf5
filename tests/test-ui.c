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

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <adwaita.h>

#include "sam-application.h"
#include "sam-gui.h"
#include "sam-i18n.h"
#include "sam-store.h"
#include "sam-window.h"

static SamApplication *app;
static gboolean swedish;

static gboolean
set_flag_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop for @ms milliseconds, so frames get laid out and drawn. */
static void
run_for (guint ms)
{
  gboolean done = FALSE;

  g_timeout_add (ms, set_flag_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
wait_until_mapped (GtkWidget *widget)
{
  gint64 deadline = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    run_for (20);
  g_assert_true (gtk_widget_get_mapped (widget));
  run_for (300);
}

static GtkWidget *
find_widget (GtkWidget *root,
             GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static SamWindow *
open_window (void)
{
  GtkWindow *window;

  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SAM_IS_WINDOW (window));
  wait_until_mapped (GTK_WIDGET (window));

  return SAM_WINDOW (window);
}

static void
save_screenshot (GtkWidget  *widget,
                 const char *name)
{
  g_autoptr(GdkPaintable) live = gtk_widget_paintable_new (widget);
  g_autoptr(GdkPaintable) paintable = gdk_paintable_get_current_image (live);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);

  g_assert_cmpint (width, >, 0);
  /* The window, not its content, paints the background. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

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

static GtkWidget *
find_stack_named (GtkWidget  *root,
                  const char *child_name)
{
  if (GTK_IS_STACK (root) && gtk_stack_get_child_by_name (GTK_STACK (root), child_name) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_stack_named (child, child_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A new user's register is empty: the window offers an import and the demo. */
static void
test_ui_empty_register (void)
{
  SamWindow *window = open_window ();
  GtkStack *content = GTK_STACK (find_stack_named (GTK_WIDGET (window), "empty"));

  g_assert_nonnull (content);
  g_assert_true (sam_store_is_empty (sam_window_get_store (window)));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "empty");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation"));
  save_screenshot (gtk_widget_get_parent (find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)),
                   swedish ? "screenshot-empty-sv.png" : "screenshot-empty.png");
}

/* Opening the demo register replaces the empty register's window. */
static void
test_ui_window (void)
{
  static const char *names[] = { "organisation", "meetings", "decisions" };
  static const char *english[] = { "Organisation", "Meetings", "Decisions" };
  static const char *svenska[] = { "Organisation", "Möten", "Beslut" };
  SamWindow *empty = open_window ();
  SamWindow *window;
  AdwViewStack *stack;
  GtkStack *content;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  window = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  g_assert_true (window != empty);
  wait_until_mapped (GTK_WIDGET (window));
  g_assert_false (sam_store_is_empty (sam_window_get_store (window)));
  content = GTK_STACK (find_stack_named (GTK_WIDGET (window), "empty"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (content), ==, "register");

  stack = ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));

  g_assert_nonnull (stack);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkWidget *child = adw_view_stack_get_child_by_name (stack, names[i]);
      AdwViewStackPage *page;

      g_assert_nonnull (child);
      page = adw_view_stack_get_page (stack, child);
      g_assert_cmpstr (adw_view_stack_page_get_title (page), ==, swedish ? svenska[i] : english[i]);

      gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", names[i]);
      g_assert_cmpstr (adw_view_stack_get_visible_child_name (stack), ==, names[i]);
    }

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  run_for (300);
  /* The window's own paintable is empty for a toplevel: take its content,
   * the box that holds the header bar and the pages. */
  save_screenshot (gtk_widget_get_parent (find_widget (GTK_WIDGET (window), ADW_TYPE_HEADER_BAR)), swedish ? "screenshot-window-sv.png" : "screenshot-window.png");
}

/* The size and the page are written back to GSettings and used next time. */
static void
test_ui_window_state (void)
{
  GSettings *settings = sam_application_get_settings (app);
  SamWindow *window = open_window ();
  int width, height;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "decisions");
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 900);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 640);
  g_assert_cmpstr (g_settings_get_string (settings, "last-page"), ==, "decisions");
  gtk_window_destroy (GTK_WINDOW (window));

  window = open_window ();
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 900);
  g_assert_cmpint (height, ==, 640);
  g_assert_true (SAM_IS_WINDOW (window));
  g_assert_nonnull (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK));
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (find_widget (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK))),
                   ==, "decisions");
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "organisation");
  gtk_window_destroy (GTK_WINDOW (window));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
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
  gint64 deadline;

  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  demo = SAM_WINDOW (gtk_application_get_active_window (GTK_APPLICATION (app)));
  wait_until_mapped (GTK_WIDGET (demo));
  sam_window_export (demo, file);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!g_file_test (path, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < deadline)
    run_for (50);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  gtk_window_destroy (GTK_WINDOW (demo));

  window = open_window ();
  g_assert_true (sam_store_is_empty (sam_window_get_store (window)));
  sam_window_import (window, file);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (sam_store_is_empty (sam_window_get_store (window)) && g_get_monotonic_time () < deadline)
    run_for (50);
  g_assert_false (sam_store_is_empty (sam_window_get_store (window)));
  run_for (200);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (find_stack_named (GTK_WIDGET (window), "empty"))),
                   ==, "register");

  g_assert_true (g_file_set_contents (broken, "<?xml version=\"1.0\"?>\n<register xmlns=\"urn:x-samordna:register:1\" version=\"1\">\n  <groups>\n", -1, NULL));
  sam_window_import (window, broken_file);
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while ((dialog = find_message_dialog ()) == NULL && g_get_monotonic_time () < deadline)
    run_for (50);
  g_assert_nonnull (dialog);
  g_test_message ("error: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "broken.xml"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), swedish ? "rad" : "line"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));

  g_unlink (broken);
  g_unlink (path);
  g_rmdir (dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  int ret;

  sam_i18n_init ();
  swedish = g_strcmp0 (g_getenv ("LANGUAGE"), "sv") == 0;
  if (swedish && setlocale (LC_ALL, NULL) != NULL && strstr (setlocale (LC_ALL, NULL), "sv_SE") == NULL)
    g_error ("the sv_SE.UTF-8 locale is not installed: run locale-gen (Debian: package locales)");

  /* Each run gets its own data folder, so the default register is new.
   * (G_TEST_OPTION_ISOLATE_DIRS would hide the MIME database as well, and
   * with it the loader of our SVG icons.) */
  data_home = g_dir_make_tmp ("samordna-test-ui-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (&argc, &argv, NULL);
  g_set_prgname ("samordna");

  app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  g_test_add_func ("/ui/files-load", test_ui_files_load);
  g_test_add_func ("/ui/empty-register", test_ui_empty_register);
  g_test_add_func ("/ui/window", test_ui_window);
  g_test_add_func ("/ui/window-state", test_ui_window_state);
  g_test_add_func ("/ui/import-export", test_ui_import_export);

  ret = g_test_run ();

  g_application_release (G_APPLICATION (app));
  g_clear_object (&app);
  remove_tree (data_home);

  return ret;
}

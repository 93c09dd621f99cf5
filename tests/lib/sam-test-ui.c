/* sam-test-ui.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-test-ui"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sam-i18n.h"
#include "sam-test-ui.h"
#include "sam-test-util.h"

/* One test program runs one language and, at most, one application. */
static gboolean swedish;
static char *data_home;
static SamApplication *app;

/* A widget being drawn: how many frames its frame clock has painted since
 * the draw was asked for */
typedef struct
{
  GtkWidget *widget;
  guint      painted;
} Drawing;

static void
after_paint_cb (GdkFrameClock *clock,
                Drawing       *drawing)
{
  drawing->painted++;
}

static gboolean
drawn (gpointer data)
{
  Drawing *drawing = data;

  if (drawing->painted == 0)
    return FALSE;
  if (!g_main_context_pending (NULL))
    return TRUE;

  /* What is still to run (an idle that fills a list, a result from a
   * worker) may change what is shown: draw again after it. */
  drawing->painted = 0;
  gtk_widget_queue_draw (drawing->widget);

  return FALSE;
}

static gboolean
mapped_with_size (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/**
 * sam_test_ui_init:
 * @argc: main()'s argc
 * @argv: main()'s argv
 *
 * Sets up a UI test program: our translations (the language comes from
 * LANGUAGE; a Swedish run fails if the sv_SE locale is missing), a data
 * folder of its own, so that the default register is new, then
 * g_test_init(). The program is named "samordna", as the application is.
 */
void
sam_test_ui_init (int    *argc,
                  char ***argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *program = g_path_get_basename ((*argv)[0]);
  g_autofree char *tmpl = g_strdup_printf ("samordna-%s-XXXXXX", program);
  const char *locale;

  sam_i18n_init ();
  swedish = g_strcmp0 (g_getenv ("LANGUAGE"), "sv") == 0;
  locale = setlocale (LC_ALL, NULL);
  if (swedish && locale != NULL && strstr (locale, "sv_SE") == NULL)
    g_error ("the sv_SE.UTF-8 locale is not installed: run locale-gen (Debian: package locales)");

  /* Not G_TEST_OPTION_ISOLATE_DIRS: it would hide the MIME database as
   * well, and with it the loader of our SVG icons. */
  data_home = g_dir_make_tmp (tmpl, &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_test_init (argc, argv, NULL);
  g_set_prgname ("samordna");
}

/**
 * sam_test_ui_start_application:
 *
 * Creates and registers the application, non-unique so that test runs do
 * not meet on the bus, and holds it, so that it lives between windows.
 * sam_test_ui_run() releases it.
 *
 * Returns: (transfer none): the application
 */
SamApplication *
sam_test_ui_start_application (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (app);
  app = sam_application_new ();
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_hold (G_APPLICATION (app));

  return app;
}

/**
 * sam_test_ui_run:
 *
 * Runs the tests, then releases the application and removes the data
 * folder.
 *
 * Returns: what g_test_run() returned
 */
int
sam_test_ui_run (void)
{
  int ret = g_test_run ();

  if (app != NULL)
    {
      g_application_release (G_APPLICATION (app));
      g_clear_object (&app);
    }
  sam_test_remove_tree (data_home);
  g_clear_pointer (&data_home, g_free);

  return ret;
}

/**
 * sam_test_is_swedish:
 *
 * Returns: whether this run is in Swedish
 */
gboolean
sam_test_is_swedish (void)
{
  return swedish;
}

/**
 * sam_test_tr:
 * @english: what the UI says in English
 * @svenska: what it says in Swedish
 *
 * Returns: (transfer none): the text of this run's language
 */
const char *
sam_test_tr (const char *english,
             const char *svenska)
{
  return swedish ? svenska : english;
}

/**
 * sam_test_wait_until_drawn:
 * @widget: a realized widget
 *
 * Asks for @widget to be drawn and runs the main loop until its frame
 * clock has painted it, with nothing left on the main loop to run after
 * the frame, so that what the test did last is laid out and on screen
 * (in @widget's render node, which screenshots take).
 */
void
sam_test_wait_until_drawn (GtkWidget *widget)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);
  Drawing drawing = { widget, 0 };
  gulong handler;

  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &drawing);
  gtk_widget_queue_draw (widget);
  sam_test_wait_until (drawn, &drawing, SAM_TEST_WAIT_TIMEOUT_MS, "the widget to be drawn");
  g_signal_handler_disconnect (clock, handler);
}

/**
 * sam_test_wait_until_mapped:
 * @widget: a widget that is being shown
 *
 * Runs the main loop until @widget is mapped, has a size and is drawn; the
 * test fails if that takes longer than %SAM_TEST_WAIT_TIMEOUT_MS.
 */
void
sam_test_wait_until_mapped (GtkWidget *widget)
{
  sam_test_wait_until (mapped_with_size, widget, SAM_TEST_WAIT_TIMEOUT_MS, "the widget to be mapped");
  sam_test_wait_until_drawn (widget);
}

/**
 * sam_test_find_widget_full:
 * @root: a widget
 * @type: a type
 * @match: (nullable): what else the widget must be, or %NULL for nothing
 * @data: what to hand to @match
 *
 * Returns: (transfer none) (nullable): the first widget of @type that
 *   @match accepts in the tree under @root (@root included), depth first
 */
GtkWidget *
sam_test_find_widget_full (GtkWidget          *root,
                           GType               type,
                           SamTestWidgetMatch  match,
                           gconstpointer       data)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) && (match == NULL || match (root, data)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = sam_test_find_widget_full (child, type, match, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/**
 * sam_test_find_widget:
 * @root: a widget
 * @type: a type
 *
 * Returns: (transfer none) (nullable): the first widget of @type in the
 *   tree under @root (@root included), depth first
 */
GtkWidget *
sam_test_find_widget (GtkWidget *root,
                      GType      type)
{
  return sam_test_find_widget_full (root, type, NULL, NULL);
}

static gboolean
row_titled (GtkWidget     *widget,
            gconstpointer  title)
{
  return ADW_IS_PREFERENCES_ROW (widget)
         && g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0;
}

/**
 * sam_test_find_row:
 * @root: a widget
 * @type: a row type, like ADW_TYPE_ENTRY_ROW
 * @title: (nullable): the row's title, or %NULL for any
 *
 * Finds a row of a form by its title, as a user reads it.
 *
 * Returns: (transfer none) (nullable): the first such row under @root
 */
GtkWidget *
sam_test_find_row (GtkWidget  *root,
                   GType       type,
                   const char *title)
{
  return sam_test_find_widget_full (root, type, title != NULL ? row_titled : NULL, title);
}

/**
 * sam_test_collect_widgets:
 * @root: a widget
 * @type: a type
 * @out: (element-type GtkWidget): an array to add to
 *
 * Adds every widget of @type in the tree under @root (@root included) to
 * @out, depth first, without references.
 */
void
sam_test_collect_widgets (GtkWidget *root,
                          GType      type,
                          GPtrArray *out)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    g_ptr_array_add (out, root);

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    sam_test_collect_widgets (child, type, out);
}

/**
 * sam_test_find_toplevel:
 * @type: a window type
 *
 * Returns: (transfer none) (nullable): a visible toplevel of @type, such as
 *   a dialog that an action opened
 */
GtkWindow *
sam_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/**
 * sam_test_wait_for_toplevel:
 * @type: a window type
 *
 * Runs the main loop until a toplevel of @type is shown; the test fails
 * if none is after %SAM_TEST_WAIT_TIMEOUT_MS.
 *
 * Returns: (transfer none): the window
 */
GtkWindow *
sam_test_wait_for_toplevel (GType type)
{
  GtkWindow *window;

  sam_test_wait_for ((window = sam_test_find_toplevel (type)) != NULL);

  return window;
}

/**
 * sam_test_open_window:
 *
 * Activates the application, as starting it does, and waits for its
 * window to be drawn.
 *
 * Returns: (transfer none): the active window
 */
SamWindow *
sam_test_open_window (void)
{
  GtkWindow *window;

  g_assert_nonnull (app);
  g_application_activate (G_APPLICATION (app));
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SAM_IS_WINDOW (window));
  sam_test_wait_until_mapped (GTK_WIDGET (window));

  return SAM_WINDOW (window);
}

/**
 * sam_test_open_demo:
 * @width: the window's default width, or 0 to keep it
 * @height: the window's default height, or 0 to keep it
 *
 * Opens the demo register through the application's "open-demo" action,
 * as the welcome page does, and waits for its window to be drawn.
 *
 * Returns: (transfer none): the demo's window
 */
SamWindow *
sam_test_open_demo (int width,
                    int height)
{
  GtkWindow *window;

  g_assert_nonnull (app);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-demo", NULL);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  g_assert_true (SAM_IS_WINDOW (window));
  if (width > 0 && height > 0)
    gtk_window_set_default_size (window, width, height);
  sam_test_wait_until_mapped (GTK_WIDGET (window));

  return SAM_WINDOW (window);
}

/**
 * sam_test_window_content:
 * @window: a window with a header bar
 *
 * A toplevel's own paintable is empty, so screenshots take its content:
 * the box that holds the header bar and the pages.
 *
 * Returns: (transfer none): the parent of @window's header bar
 */
GtkWidget *
sam_test_window_content (GtkWidget *window)
{
  GtkWidget *header_bar = sam_test_find_widget (window, ADW_TYPE_HEADER_BAR);

  g_assert_nonnull (header_bar);

  return gtk_widget_get_parent (header_bar);
}

/**
 * sam_test_save_screenshot:
 * @widget: a drawn widget
 * @name: the file's name, without "-sv" and ".png"
 *
 * Waits until @widget is drawn as it is now (its paintable shows the last
 * frame painted), then writes a PNG of it, on the window's background
 * colour, to the build directory as @name.png, or @name-sv.png in a
 * Swedish run.
 */
void
sam_test_save_screenshot (GtkWidget  *widget,
                          const char *name)
{
  g_autoptr(GdkPaintable) live = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *file = g_strdup_printf ("%s%s.png", name, swedish ? "-sv" : "");
  g_autofree char *path = g_build_filename (g_getenv ("G_TEST_BUILDDIR"), file, NULL);
  int width, height;

  sam_test_wait_until_drawn (widget);
  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  live = gtk_widget_paintable_new (widget);
  paintable = gdk_paintable_get_current_image (live);
  /* The window, not its content, paints the background. */
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 0.98, 0.98, 0.98, 1.0 },
                             &GRAPHENE_RECT_INIT (0, 0, width, height));
  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (gtk_widget_get_native (widget)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("screenshot: %s", path);
}

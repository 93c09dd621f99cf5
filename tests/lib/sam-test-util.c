/* sam-test-util.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-test-util"

#include "config.h"

#include <locale.h>
#include <stdarg.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-test-util.h"
#include "sam-xml.h"

/* How often a wait looks at its condition when nothing on the main loop
 * wakes it: what other threads and processes change (a reference dropped
 * by a worker, a file written by a child) comes with no event. */
#define POLL_MS 10

static gboolean
wake_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

/**
 * sam_test_deadline:
 * @timeout_ms: milliseconds from now
 *
 * Returns: the monotonic time @timeout_ms from now, for
 *   sam_test_iterate_before()
 */
gint64
sam_test_deadline (guint timeout_ms)
{
  return g_get_monotonic_time () + (gint64) timeout_ms * 1000;
}

/**
 * sam_test_iterate_before:
 * @deadline: a monotonic time, from sam_test_deadline()
 *
 * Runs one iteration of the default main context, if @deadline has not
 * passed: it dispatches what is ready, or waits for the next event, but no
 * longer than a short poll interval. sam_test_wait_for() is made of it.
 *
 * Returns: %FALSE if @deadline had passed, and nothing was run
 */
gboolean
sam_test_iterate_before (gint64 deadline)
{
  GSource *wake;

  if (g_get_monotonic_time () >= deadline)
    return FALSE;

  wake = g_timeout_source_new (POLL_MS);
  g_source_set_callback (wake, wake_cb, NULL, NULL);
  g_source_attach (wake, NULL);
  g_main_context_iteration (NULL, TRUE);
  g_source_destroy (wake);
  g_source_unref (wake);

  return TRUE;
}

/**
 * sam_test_wait_until:
 * @condition: whether what the test waits for has come about
 * @data: what to hand to @condition
 * @timeout_ms: how long to wait at the most
 * @what: what the test waits for, for the message if it never comes
 *
 * Runs the main loop until @condition returns %TRUE. If it has not after
 * @timeout_ms, the test fails with a message naming @what. Nothing is run
 * if @condition holds already.
 *
 * Returns: %TRUE if @condition holds (%FALSE only if assertions do not
 *   abort the test)
 */
gboolean
sam_test_wait_until (SamTestCondition  condition,
                     gpointer          data,
                     guint             timeout_ms,
                     const char       *what)
{
  gint64 deadline = sam_test_deadline (timeout_ms);

  while (!condition (data))
    if (!sam_test_iterate_before (deadline))
      {
        g_autofree char *message = g_strdup_printf ("waited %u ms for %s in vain", timeout_ms, what);

        g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
        return FALSE;
      }

  return TRUE;
}

/**
 * sam_test_make_tmp_dir:
 * @tmpl: a g_dir_make_tmp() template, like "test-foo-XXXXXX"
 *
 * Makes a new folder in the temporary directory; fails the test if it
 * cannot.
 *
 * Returns: (transfer full): the folder's path
 */
char *
sam_test_make_tmp_dir (const char *tmpl)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp (tmpl, &error);

  g_assert_no_error (error);

  return dir;
}

/**
 * sam_test_remove_tree:
 * @path: a folder
 *
 * Removes @path and all that it holds. Symbolic links are removed, never
 * followed, so a link out of the folder cannot take anything else with it.
 *
 * Returns: %TRUE if every file and folder was removed
 */
gboolean
sam_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  gboolean removed = TRUE;
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        removed &= sam_test_remove_tree (child);
      else
        removed &= g_unlink (child) == 0;
    }

  return g_rmdir (path) == 0 && removed;
}

/**
 * sam_test_open_store:
 * @dir: a folder
 * @name: the register's file name in @dir
 *
 * Opens (creating it if need be) the register @dir/@name.
 *
 * Returns: (transfer full): the store
 */
SamStore *
sam_test_open_store (const char *dir,
                     const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store = sam_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);

  return store;
}

/**
 * sam_test_new_tmp_store:
 * @tmpl: a g_dir_make_tmp() template
 * @name: the register's file name
 * @dir: (out): return location for the new folder, to free
 * @path: (out) (optional): return location for the register's path, to free
 *
 * Creates a new, empty register in a new temporary folder. Give both to
 * sam_test_free_tmp_store() when done.
 *
 * Returns: (transfer full): the store
 */
SamStore *
sam_test_new_tmp_store (const char  *tmpl,
                        const char  *name,
                        char       **dir,
                        char       **path)
{
  g_return_val_if_fail (dir != NULL, NULL);

  *dir = sam_test_make_tmp_dir (tmpl);
  if (path != NULL)
    *path = g_build_filename (*dir, name, NULL);

  return sam_test_open_store (*dir, name);
}

/**
 * sam_test_new_tmp_import:
 * @tmpl: a g_dir_make_tmp() template
 * @fixture: an exchange file beside the test, like "chart-register.xml"
 * @dir: (out): return location for the new folder, to free
 *
 * Creates a new register in a new temporary folder and imports @fixture
 * into it (replacing, as a first import does).
 *
 * Returns: (transfer full): the store
 */
SamStore *
sam_test_new_tmp_import (const char  *tmpl,
                         const char  *fixture,
                         char       **dir)
{
  g_autofree char *xml_path = g_test_build_filename (G_TEST_DIST, fixture, NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };
  SamStore *store;
  gsize len;

  store = sam_test_new_tmp_store (tmpl, "register.samordna", dir, NULL);
  g_file_get_contents (xml_path, &xml, &len, &error);
  g_assert_no_error (error);
  sam_xml_import_memory (store, xml, len, fixture, SAM_IMPORT_REPLACE, &summary, &error);
  g_assert_no_error (error);
  sam_import_summary_clear (&summary);

  return store;
}

/**
 * sam_test_free_tmp_store:
 * @store: (transfer full) (nullable): the store, or %NULL if the test has
 *   closed it already
 * @dir: the store's temporary folder
 *
 * Drops the last reference to @store, failing the test if anything else
 * still holds one (a leak), then removes @dir and all in it.
 */
void
sam_test_free_tmp_store (SamStore   *store,
                         const char *dir)
{
  if (store != NULL)
    g_assert_finalize_object (store);
  sam_test_remove_tree (dir);
}

/**
 * sam_test_save:
 * @store: a store
 * @item: a model object (a group, a person, a commission…)
 *
 * Saves @item in @store, failing the test on error.
 *
 * Returns: (transfer full): @item's UUID
 */
char *
sam_test_save (SamStore *store,
               gpointer  item)
{
  g_autoptr(GError) error = NULL;
  char *uuid = NULL;

  g_assert_true (sam_store_save (store, item, &error));
  g_assert_no_error (error);
  g_object_get (item, "uuid", &uuid, NULL);
  g_assert_nonnull (uuid);

  return uuid;
}

/**
 * sam_test_add_group:
 * @store: a store
 * @code: the group's code, like "AOI"
 * @name: its name
 * @kind: its kind
 * @parent_uuid: (nullable): the group above it, or %NULL for none
 *
 * Adds a group to @store.
 *
 * Returns: (transfer full): the new group's UUID
 */
char *
sam_test_add_group (SamStore     *store,
                    const char   *code,
                    const char   *name,
                    SamGroupKind  kind,
                    const char   *parent_uuid)
{
  g_autoptr(SamGroup) group = sam_group_new ();

  g_object_set (group, "code", code, "name", name, "kind", kind, "parent-uuid", parent_uuid, NULL);

  return sam_test_save (store, group);
}

/**
 * sam_test_chart_new:
 * @store: a store
 * @as_of: the day the chart shows, as YYYY-MM-DD
 * @root_code: (nullable): the code of the group at the top, or %NULL for
 *   the whole region
 * @show_people: whether the boxes list their people
 *
 * Builds the organisation chart of @store, failing the test on error.
 *
 * Returns: (transfer full): the chart
 */
SamChart *
sam_test_chart_new (SamStore   *store,
                    const char *as_of,
                    const char *root_code,
                    gboolean    show_people)
{
  g_autoptr(GError) error = NULL;
  SamChartOptions options;
  SamChart *chart;

  sam_chart_options_init (&options);
  options.as_of = as_of;
  options.root_code = root_code;
  options.show_people = show_people;
  chart = sam_chart_new_from_store (store, &options, &error);
  g_assert_no_error (error);
  g_assert_nonnull (chart);

  return chart;
}

/**
 * sam_test_init_swedish:
 *
 * Sets the locale from the environment, which must be Swedish (the tests
 * registered with 'sv': true run under LC_ALL=sv_SE.UTF-8), and binds our
 * text domain to the catalogue built from po/sv.po, found through
 * SAM_LOCALEDIR. A missing locale or catalogue fails the test rather than
 * skipping it: the Swedish UI is the product. Call before g_test_init().
 */
void
sam_test_init_swedish (void)
{
  const char *localedir = g_getenv ("SAM_LOCALEDIR");
  const char *locale = setlocale (LC_ALL, "");
  g_autofree char *catalogue = NULL;

  if (locale == NULL || !g_str_has_prefix (locale, "sv_SE"))
    g_error ("The sv_SE.UTF-8 locale is not available (setlocale gave %s); generate it (package locales) to run this test",
             locale != NULL ? locale : "NULL");
  if (localedir == NULL)
    g_error ("SAM_LOCALEDIR is not set; run this test through meson test");
  catalogue = g_build_filename (localedir, "sv", "LC_MESSAGES", GETTEXT_PACKAGE ".mo", NULL);
  if (!g_file_test (catalogue, G_FILE_TEST_IS_REGULAR))
    g_error ("The Swedish catalogue %s has not been built", catalogue);

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
}

/**
 * sam_test_pdf_tool:
 * @tool: a poppler tool: "pdfinfo" or "pdftotext"
 * @pdf: the PDF to read
 * @...: options to put before @pdf, ending with %NULL
 *
 * Runs @tool on @pdf in the C locale, so that its own output parses the
 * same anywhere; pdftotext writes to its standard output. Fails the test if
 * the tool is missing or fails.
 *
 * Returns: (transfer full): what the tool printed
 */
char *
sam_test_pdf_tool (const char *tool,
                   const char *pdf,
                   ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = NULL;
  g_autoptr(GError) error = NULL;
  const char *option;
  char *out = NULL;
  int status;
  va_list args;

  if (program == NULL)
    g_error ("%s is missing: install poppler-utils", tool);
  g_ptr_array_add (argv, program);
  va_start (args, pdf);
  while ((option = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (argv, (char *) option);
  va_end (args);
  g_ptr_array_add (argv, (char *) pdf);
  if (g_str_equal (tool, "pdftotext"))
    g_ptr_array_add (argv, (char *) "-");
  g_ptr_array_add (argv, NULL);

  env = g_environ_setenv (g_get_environ (), "LC_ALL", "C.UTF-8", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  return out;
}

/**
 * sam_test_dmy:
 * @year: the year
 * @month: the month, 1 to 12
 * @day: the day of the month
 *
 * Returns: the date, by value
 */
GDate
sam_test_dmy (guint year,
              guint month,
              guint day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);

  return date;
}

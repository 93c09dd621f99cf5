/* test-file.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <signal.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "sam-file.h"
#include "sam-test-register.h"
#include "sam-test-util.h"
#include "sam-xml.h"

/* The sanitizer build checks memory, not counts: it runs a fifth of the
 * kills, and the plain build runs them all. */
#if defined(__SANITIZE_ADDRESS__)
#define KILLS 10
#else
#define KILLS 50
#endif

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The names in @dir, sorted, space-separated: what a user would see. */
static char *
list_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  while ((name = g_dir_read_name (d)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static void
assert_contents (const char *path,
                 const char *expected)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

/* Small and large writes arrive in order, and the new file replaces the
 * old one only at the commit. */
static void
test_file_replace (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *big = g_strnfill (200 * 1024, 'x');
  g_autoptr(SamFileWriter) writer = NULL;
  g_autoptr(GString) expected = g_string_new ("a");
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  writer = sam_file_writer_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_file_writer_write (writer, "a", 1));
  g_assert_true (sam_file_writer_write (writer, big, strlen (big)));
  g_string_append (expected, big);
  for (int i = 0; i < 1000; i++)
    {
      g_assert_true (sam_file_writer_write (writer, "0123456789", 10));
      g_string_append (expected, "0123456789");
    }
  assert_contents (path, "old");
  listing = list_dir (dir);
  g_assert_cmpuint (strlen (listing), >, strlen ("register.xml"));

  g_assert_true (sam_file_writer_commit (writer, &error));
  g_assert_no_error (error);
  assert_contents (path, expected->str);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "register.xml");

  g_assert_true (sam_test_remove_tree (dir));
}

/* A writer given up, or failed by its caller, leaves the old file and
 * nothing else; the error names the file and the reason. */
static void
test_file_abandon (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  SamFileWriter *writer;

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));

  writer = sam_file_writer_new (path, &error);
  g_assert_true (sam_file_writer_write (writer, "new", 3));
  sam_file_writer_free (writer);
  assert_contents (path, "old");
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.pdf");

  writer = sam_file_writer_new (path, &error);
  g_assert_true (sam_file_writer_write (writer, "new", 3));
  sam_file_writer_fail (writer, "out of memory");
  g_assert_true (sam_file_writer_failed (writer));
  g_assert_false (sam_file_writer_write (writer, "more", 4));
  g_assert_false (sam_file_writer_commit (writer, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "chart.pdf"));
  g_assert_nonnull (strstr (error->message, "out of memory"));
  sam_file_writer_free (writer);
  assert_contents (path, "old");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "chart.pdf");

  g_assert_true (sam_test_remove_tree (dir));
}

/* No folder, no file: the error says which file could not be saved. */
static void
test_file_missing_folder (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "saknas", "beslut.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (sam_file_set_contents (path, "Nummer;Datum\n", -1, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "beslut.csv"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));

  g_assert_true (sam_test_remove_tree (dir));
}

static mode_t
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_lstat (path, &st), ==, 0);

  return st.st_mode & 07777;
}

/* An export over a private file stays private, a new file gets the usual
 * mode, and the new file is private until it is whole. */
static void
test_file_permissions (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *fresh = g_build_filename (dir, "beslut.csv", NULL);
  g_autofree char *shared = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(SamFileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) d = NULL;
  const char *name;
  mode_t old_mask = umask (027);

  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  g_assert_cmpint (g_chmod (path, 0600), ==, 0);

  writer = sam_file_writer_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_file_writer_write (writer, "new", 3));
  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    if (strcmp (name, "register.xml") != 0)
      {
        g_autofree char *tmp = g_build_filename (dir, name, NULL);

        g_assert_cmpint (file_mode (tmp), ==, 0600);
      }
  g_assert_true (sam_file_writer_commit (writer, &error));
  g_assert_no_error (error);
  assert_contents (path, "new");
  g_assert_cmpint (file_mode (path), ==, 0600);

  g_assert_true (sam_file_set_contents (fresh, "Nummer;Datum\n", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (fresh), ==, 0640);

  g_assert_true (g_file_set_contents (shared, "old", -1, NULL));
  g_assert_cmpint (g_chmod (shared, 0664), ==, 0);
  g_assert_true (sam_file_set_contents (shared, "new", -1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (file_mode (shared), ==, 0664);

  umask (old_mask);
  g_assert_true (sam_test_remove_tree (dir));
}

/* A symbolic link as the target is followed: the file it points to gets
 * the new contents and keeps its mode, and the link stays a link. */
static void
test_file_symlink (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *real_dir = g_build_filename (dir, "delad", NULL);
  g_autofree char *real = g_build_filename (real_dir, "register.xml", NULL);
  g_autofree char *link = g_build_filename (dir, "register.xml", NULL);
  g_autofree char *relative = g_build_filename (dir, "senaste.xml", NULL);
  g_autofree char *dangling = g_build_filename (dir, "ny.xml", NULL);
  g_autofree char *dangling_target = g_build_filename (real_dir, "ny.xml", NULL);
  g_autofree char *listing = NULL;
  g_autofree char *read_back = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir (real_dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (real, "old", -1, NULL));
  g_assert_cmpint (g_chmod (real, 0600), ==, 0);
  g_assert_cmpint (symlink (real, link), ==, 0);
  g_assert_cmpint (symlink ("register.xml", relative), ==, 0);
  g_assert_cmpint (symlink ("delad/ny.xml", dangling), ==, 0);

  g_assert_true (sam_file_set_contents (link, "new", -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  read_back = g_file_read_link (link, NULL);
  g_assert_cmpstr (read_back, ==, real);
  assert_contents (real, "new");
  g_assert_cmpint (file_mode (real), ==, 0600);

  /* A link to a link, relative to where it is. */
  g_assert_true (sam_file_set_contents (relative, "newer", -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (relative, G_FILE_TEST_IS_SYMLINK));
  g_assert_true (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  assert_contents (real, "newer");

  /* A link to a file not there yet makes that file. */
  g_assert_true (sam_file_set_contents (dangling, "first", -1, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (dangling, G_FILE_TEST_IS_SYMLINK));
  assert_contents (dangling_target, "first");

  listing = list_dir (real_dir);
  g_assert_cmpstr (listing, ==, "ny.xml register.xml");
  g_assert_true (sam_test_remove_tree (dir));
}

/* How many names in @dir are @prefix, ".samordna-tmp-" and six more */
static guint
count_new_files (const char *dir,
                 const char *prefix)
{
  g_autofree char *start = g_strconcat (prefix, ".samordna-tmp-", NULL);
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, start) && strlen (name) == strlen (start) + 6)
      n++;

  return n;
}

static void
touch (const char *dir,
       const char *name)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, "a forgotten copy", -1, NULL));
}

/* New files that killed writers left are removed by the next writer of
 * the same target, and by sam_file_remove_stale() for every target; one
 * still being written is not, nor is anything not named as ours. */
static void
test_file_stale (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "chart.pdf", NULL);
  g_autoptr(SamFileWriter) live = NULL;
  g_autoptr(SamFileWriter) writer = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;
  g_autofree char *live_listing = NULL;

  live = sam_file_writer_new (path, &error);
  g_assert_no_error (error);
  touch (dir, ".chart.pdf.samordna-tmp-AbC123");
  touch (dir, ".register.xml.samordna-tmp-xY9876");
  touch (dir, ".chart.pdf.mine");
  touch (dir, ".chart.pdf.samordna-tmp-toolong");
  live_listing = list_dir (dir);
  g_test_message ("with a live writer: %s", live_listing);
  /* That writer's own new file, and the one a killed writer left */
  g_assert_cmpuint (count_new_files (dir, ".chart.pdf"), ==, 2);

  writer = sam_file_writer_new (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_file_writer_write (writer, "new", 3));
  g_assert_true (sam_file_writer_commit (writer, &error));
  g_assert_no_error (error);
  listing = list_dir (dir);
  g_test_message ("after the next writer: %s", listing);
  g_assert_null (strstr (listing, "AbC123"));
  g_assert_cmpuint (count_new_files (dir, ".chart.pdf"), ==, 1);
  g_assert_nonnull (strstr (listing, ".register.xml.samordna-tmp-xY9876"));
  g_assert_nonnull (strstr (listing, ".chart.pdf.mine"));
  g_assert_nonnull (strstr (listing, ".chart.pdf.samordna-tmp-toolong"));

  sam_file_remove_stale (dir);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_null (strstr (listing, "xY9876"));
  g_assert_cmpuint (count_new_files (dir, ".chart.pdf"), ==, 1);

  g_assert_true (sam_file_writer_write (live, "live", 4));
  g_assert_true (sam_file_writer_commit (live, &error));
  g_assert_no_error (error);
  assert_contents (path, "live");
  g_clear_pointer (&listing, g_free);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, ".chart.pdf.mine .chart.pdf.samordna-tmp-toolong chart.pdf");

  g_assert_true (sam_test_remove_tree (dir));
}

/* The kill loop of the command line's export: `samordna --export-xml` is
 * killed at a random moment; the target is the old file or the whole new
 * one, and after the next export no new file of the killed ones is left. */

static GPid
spawn_export (const char *db,
              const char *target)
{
  g_autofree char *binary = g_build_filename (g_getenv ("SAM_BUILD_ROOT"), "src", "samordna", NULL);
  const char *argv[] = { binary, "--database", db, "--export-xml", target, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);

  return pid;
}

static int
wait_child (GPid pid)
{
  int status = 0;

  while (waitpid (pid, &status, 0) < 0)
    g_assert_cmpint (errno, ==, EINTR);
  g_spawn_close_pid (pid);

  return status;
}

static void
test_file_kill_export (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (97);
  g_autofree char *dir = sam_test_make_tmp_dir ("test-file-XXXXXX");
  g_autofree char *out = g_build_filename (dir, "export", NULL);
  g_autofree char *target = g_build_filename (out, "register.xml", NULL);
  g_autofree char *db = g_build_filename (dir, "register.samordna", NULL);
  g_autofree char *old = g_strdup ("<?xml version=\"1.0\"?>\n<register/>\n");
  g_autofree char *new = NULL;
  g_autofree char *listing = NULL;
  g_autoptr(SamTestRegister) reg = NULL;
  g_autoptr(GError) error = NULL;
  SamTestRegisterSize size = {
    .organisations = 20, .people = 300, .groups = 80, .relations = 30, .commissions = 40,
    .seats = 60, .assignments = 500, .meetings = 300, .participations = 300, .agenda_items = 600,
    .attendances = 600, .decisions = 1500, .escalations = 50, .info = 2, .text_length = 30,
  };
  guint n_old = 0, n_new = 0, n_left = 0;
  gint64 start, duration;
  int status;

  reg = sam_test_register_new (rand, &size);
  {
    g_autoptr(SamStore) store = sam_test_open_store (dir, "register.samordna");
    g_autofree char *xml = NULL;
    gsize len;

    xml = sam_test_register_to_xml (reg, &len);
    sam_xml_import_memory (store, xml, len, "register.xml", SAM_IMPORT_REPLACE, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (g_mkdir (out, 0700), ==, 0);

  start = g_get_monotonic_time ();
  status = wait_child (spawn_export (db, target));
  duration = g_get_monotonic_time () - start;
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_assert_true (g_file_get_contents (target, &new, NULL, NULL));
  g_test_message ("an export of %" G_GSIZE_FORMAT " bytes takes %.0f ms", strlen (new), duration / 1000.0);

  for (guint i = 0; i < KILLS; i++)
    {
      g_autofree char *contents = NULL;
      GPid pid;

      g_assert_true (g_file_set_contents (target, old, -1, NULL));
      pid = spawn_export (db, target);
      /* This sleeps rather than waits for a state: the moment, unknown to
       * the child, is what the test is about. */
      g_usleep (g_rand_int_range (rand, 0, duration * 11 / 10 + 1));
      kill (pid, SIGKILL);
      wait_child (pid);

      g_assert_true (g_file_get_contents (target, &contents, NULL, NULL));
      if (strcmp (contents, old) == 0)
        n_old++;
      else if (strcmp (contents, new) == 0)
        n_new++;
      else
        g_error ("kill %u left a partial export", i);

      g_clear_pointer (&listing, g_free);
      listing = list_dir (out);
      if (strcmp (listing, "register.xml") != 0)
        n_left++;
    }
  g_test_message ("killed exports: %u left the old file, %u the new one; %u left a new file behind",
                  n_old, n_new, n_left);

  /* The next export removes what the killed ones left. */
  status = wait_child (spawn_export (db, target));
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  assert_contents (target, new);
  g_clear_pointer (&listing, g_free);
  listing = list_dir (out);
  g_assert_cmpstr (listing, ==, "register.xml");

  g_assert_true (sam_test_remove_tree (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/file/replace", test_file_replace);
  g_test_add_func ("/file/abandon", test_file_abandon);
  g_test_add_func ("/file/missing-folder", test_file_missing_folder);
  g_test_add_func ("/file/permissions", test_file_permissions);
  g_test_add_func ("/file/symlink", test_file_symlink);
  g_test_add_func ("/file/stale", test_file_stale);
  g_test_add_func ("/file/kill/export-xml", test_file_kill_export);

  return g_test_run ();
}

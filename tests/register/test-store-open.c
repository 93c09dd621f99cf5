/* test-store-open.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Opening the register file: the exports of the command line open an
 * existing register only, read-only (a mistyped path, an empty file or a
 * read-only register are not turned into new registers or refused); the
 * register's lock keeps a second writer out and lets a reader in beside
 * the writer even after another close() dropped SQLite's locks; the
 * journal on FUSE mounts; the default path and the register's MIME type.
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-store.h"
#include "sam-store-private.h"
#include "sam-store-structure.h"
#include "sam-test-util.h"

/* The user a test runs the command line as, when it runs as root: root
 * may write anywhere, read-only or not. */
#define NOBODY 65534

typedef struct
{
  char *dir;
  char *path;  /* a register with one group, AOI, not open */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamStore) store = NULL;
  g_autofree char *uuid = NULL;

  fixture->dir = sam_test_make_tmp_dir ("test-store-open-XXXXXX");
  fixture->path = g_build_filename (fixture->dir, "region.samordna", NULL);
  store = sam_test_open_store (fixture->dir, "region.samordna");
  uuid = sam_test_add_group (store, "AOI", "Arbetsgrupp ortopedi", SAM_GROUP_KIND_COUNCIL, NULL);
  g_assert_finalize_object (g_steal_pointer (&store));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = NULL;

  /* Folders the tests made read-only */
  command = g_strdup_printf ("chmod -R u+rwx '%s'", fixture->dir);
  g_assert_cmpint (system (command), ==, 0);
  sam_test_remove_tree (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
as_nobody (gpointer user_data)
{
  if (geteuid () == 0 && (setgid (NOBODY) != 0 || setuid (NOBODY) != 0))
    _exit (99);
}

/* Runs `samordna ARGS…` (as nobody if @nobody and the test runs as root);
 * returns its exit status, and what it printed on @err. */
static int
run_samordna (gboolean     nobody,
              char       **err,
              const char  *first,
              ...)
{
  g_autofree char *binary = g_build_filename (g_getenv ("SAM_BUILD_ROOT"), "src", "samordna", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *arg;
  va_list args;
  int status;

  g_ptr_array_add (argv, binary);
  va_start (args, first);
  for (arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, nobody ? as_nobody : NULL, NULL,
                &out, err, &status, &error);
  g_assert_no_error (error);
  g_test_message ("samordna %s…: %s%s", first, out, *err);
  g_assert_true (WIFEXITED (status));

  return WEXITSTATUS (status);
}

static char *
file_contents (const char *path)
{
  char *contents = NULL;

  if (!g_file_get_contents (path, &contents, NULL, NULL))
    return NULL;

  return contents;
}

/* A register file's bytes, to compare */
static GBytes *
file_bytes (const char *path)
{
  char *contents = NULL;
  gsize len;

  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));

  return g_bytes_new_take (contents, len);
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GBytes) bytes = file_bytes (from);
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  g_assert_true (g_file_set_contents (to, data, len, NULL));
}

/* The exports of the command line, each given a register by --database */
static const char *exports[][6] = {
  { "--export-xml", "out.xml", NULL },
  { "--export-chart", "out.pdf", NULL },
  { "--export-decisions", "out.csv", NULL },
  { "--export-ics", "out.ics", NULL },
  { "--export-commission", "out.pdf", "--group", "AOI", NULL },
  { "--export-minutes", "out.pdf", "--meeting", "0a0e1c3e-1111-4111-8111-111111111111", NULL },
  { "--list-terms-ending", NULL },
};

static int
run_export (guint        i,
            const char  *database,
            const char  *out_dir,
            gboolean     nobody,
            char       **err)
{
  g_autofree char *out = exports[i][1] != NULL ? g_build_filename (out_dir, exports[i][1], NULL) : NULL;

  if (exports[i][1] == NULL)
    return run_samordna (nobody, err, "--database", database, exports[i][0], NULL);
  if (exports[i][2] == NULL)
    return run_samordna (nobody, err, "--database", database, exports[i][0], out, NULL);

  return run_samordna (nobody, err, "--database", database, exports[i][0], out, exports[i][2], exports[i][3], NULL);
}

/* A mistyped --database: every export fails, names the file, and makes
 * neither the folder nor a register. */
static void
test_export_missing (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *typo_dir = g_build_filename (fixture->dir, "Dokumnet", NULL);
  g_autofree char *in_typo_dir = g_build_filename (typo_dir, "region.samordna", NULL);
  g_autofree char *typo = g_build_filename (fixture->dir, "regoin.samordna", NULL);
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *err2 = NULL;

      g_assert_cmpint (run_export (i, in_typo_dir, fixture->dir, FALSE, &err), ==, 1);
      g_assert_nonnull (strstr (err, in_typo_dir));
      g_assert_false (g_file_test (typo_dir, G_FILE_TEST_EXISTS));

      g_assert_cmpint (run_export (i, typo, fixture->dir, FALSE, &err2), ==, 1);
      g_assert_nonnull (strstr (err2, typo));
      g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
    }

  g_assert_null (sam_store_open_readonly (typo, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, typo));
  g_assert_false (g_file_test (typo, G_FILE_TEST_EXISTS));
}

/* An empty file is no register: no export, nor the window, nor an import
 * turns it into one. */
static void
test_export_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *empty = g_build_filename (fixture->dir, "tom.samordna", NULL);
  g_autofree char *xml = g_build_filename (fixture->dir, "in.xml", NULL);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf st;

  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *export_err = NULL;

      g_assert_cmpint (run_export (i, empty, fixture->dir, FALSE, &export_err), ==, 1);
      g_assert_nonnull (strstr (export_err, empty));
      g_assert_cmpint (g_stat (empty, &st), ==, 0);
      g_assert_cmpint (st.st_size, ==, 0);
    }

  g_assert_true (g_file_set_contents (xml, "<?xml version=\"1.0\"?>\n", -1, NULL));
  g_assert_cmpint (run_samordna (FALSE, &err, "--database", empty, "--import-xml", xml, NULL), ==, 1);
  g_assert_nonnull (strstr (err, empty));

  g_assert_null (sam_store_open (empty, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, empty));
  g_assert_cmpint (g_stat (empty, &st), ==, 0);
  g_assert_cmpint (st.st_size, ==, 0);
}

/* A read-only register, in a read-only folder or not, opens for exports
 * and is not changed. The file is as SQLite leaves a register in WAL mode,
 * with no WAL beside it. */
static void
test_export_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autofree char *locked = g_build_filename (fixture->dir, "arkiv", NULL);
  g_autofree char *archived = g_build_filename (locked, "region.samordna", NULL);
  g_autofree char *out_dir = g_build_filename (fixture->dir, "ut", NULL);
  g_autofree char *copy = g_build_filename (out_dir, "kopia.samordna", NULL);
  g_autofree char *xml_path = g_build_filename (out_dir, "out.xml", NULL);
  g_autofree char *xml = NULL;
  g_autoptr(GBytes) before = file_bytes (fixture->path);
  g_autoptr(GBytes) archived_after = NULL;
  g_autoptr(GBytes) copy_after = NULL;
  g_autoptr(GDir) d = NULL;

  g_assert_cmpint (g_mkdir (locked, 0755), ==, 0);
  g_assert_cmpint (g_mkdir (out_dir, 0777), ==, 0);
  copy_file (fixture->path, archived);
  copy_file (fixture->path, copy);
  g_assert_cmpint (g_chmod (fixture->dir, 0755), ==, 0);
  g_assert_cmpint (g_chmod (out_dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (archived, 0444), ==, 0);
  g_assert_cmpint (g_chmod (copy, 0444), ==, 0);
  g_assert_cmpint (g_chmod (locked, 0555), ==, 0);

  for (guint i = 0; i < G_N_ELEMENTS (exports); i++)
    {
      g_autofree char *err = NULL;
      g_autofree char *err2 = NULL;

      /* Minutes need a meeting, which this register does not have. */
      if (strcmp (exports[i][0], "--export-minutes") == 0)
        continue;
      g_assert_cmpint (run_export (i, archived, out_dir, TRUE, &err), ==, 0);
      g_assert_cmpint (run_export (i, copy, out_dir, TRUE, &err2), ==, 0);
    }
  xml = file_contents (xml_path);
  g_assert_nonnull (strstr (xml, "AOI"));

  archived_after = file_bytes (archived);
  g_assert_true (g_bytes_equal (archived_after, before));
  copy_after = file_bytes (copy);
  g_assert_true (g_bytes_equal (copy_after, before));
  d = g_dir_open (locked, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (d), ==, "region.samordna");
  g_assert_null (g_dir_read_name (d));
}

/* The window on a register it may not write: told so, by name. Run in a
 * child, as nobody when the test runs as root. */
static void
test_window_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_assert_cmpint (g_chmod (fixture->dir, 0777), ==, 0);
  g_assert_cmpint (g_chmod (fixture->path, 0444), ==, 0);
  g_setenv ("SAM_TEST_REGISTER", fixture->path, TRUE);
  g_test_trap_subprocess ("/store-open/window/read-only/child", 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

static void
test_window_read_only_child (void)
{
  const char *path = g_getenv ("SAM_TEST_REGISTER");
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;

  if (!g_test_subprocess ())
    {
      g_test_skip ("run by /store-open/window/read-only");
      return;
    }

  as_nobody (NULL);
  store = sam_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, path));
}

/* A store opened read-only reads, and refuses to write with a message that
 * says so. */
static void
test_readonly_store (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GBytes) before = file_bytes (fixture->path);
  g_autoptr(GBytes) after = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  store = sam_store_open_readonly (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_store_is_read_only (store));
  group = sam_store_find_group_by_code (store, "AOI", &error);
  g_assert_no_error (error);
  g_assert_nonnull (group);

  g_object_set (group, "name", "Arbetsgruppen för ortopedi", NULL);
  g_assert_false (sam_store_save (store, group, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY);
  g_clear_object (&store);

  after = file_bytes (fixture->path);
  g_assert_true (g_bytes_equal (after, before));
}

/* A second program that would change the register is refused, by name,
 * and changes nothing. */
static void
test_lock_second_writer (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *xml = g_build_filename (fixture->dir, "out.xml", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run_samordna (FALSE, &err, "--database", fixture->path, "--export-xml", xml, NULL), ==, 0);

  g_assert_cmpint (run_samordna (FALSE, &err2, "--database", fixture->path, "--import-xml", xml, "--merge", NULL), ==, 1);
  g_assert_nonnull (strstr (err2, fixture->path));
  g_assert_nonnull (strstr (err2, "another Samordna window or program"));
}

static void
open_close (const char *path)
{
  int fd = open (path, O_RDONLY | O_CLOEXEC);
  char head[16];

  if (fd < 0)
    return;
  g_assert_cmpint (read (fd, head, sizeof head), >=, 0);
  close (fd);
}

static char *
export_xml (const char *database,
            const char *dir)
{
  g_autofree char *out = g_build_filename (dir, "out.xml", NULL);
  g_autofree char *err = NULL;

  g_assert_cmpint (run_samordna (FALSE, &err, "--database", database, "--export-xml", out, NULL), ==, 0);

  return file_contents (out);
}

/* Defect 2 of issue 14 without a window: another piece of this program
 * opens and closes the register, its WAL and its shared memory (as GIO
 * does to guess their types), which drops SQLite's locks; the command line
 * exports beside the writer, which goes on writing. Every change is seen
 * by the next export, and is in the file after closing. */
static void
test_lock_reader_beside_writer (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autofree char *wal = g_strconcat (fixture->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fixture->path, "-shm", NULL);
  g_autofree char *xml = NULL;
  g_autofree char *uuid1 = NULL;
  g_autofree char *uuid2 = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  uuid1 = sam_test_add_group (store, "HX1", "Hjärtsjukvård", SAM_GROUP_KIND_PROCESS_TEAM, NULL);

  open_close (fixture->path);
  open_close (wal);
  open_close (shm);

  xml = export_xml (fixture->path, fixture->dir);
  g_assert_nonnull (strstr (xml, "HX1"));
  g_clear_pointer (&xml, g_free);

  /* The writer's WAL is where it was, and what goes into it is seen. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  uuid2 = sam_test_add_group (store, "BVC", "Barnhälsovård", SAM_GROUP_KIND_PROCESS_TEAM, NULL);
  xml = export_xml (fixture->path, fixture->dir);
  g_assert_nonnull (strstr (xml, "HX1"));
  g_assert_nonnull (strstr (xml, "BVC"));

  g_assert_finalize_object (g_steal_pointer (&store));
  store = sam_store_open_readonly (fixture->path, &error);
  g_assert_no_error (error);
  {
    g_autoptr(SamGroup) hx1 = sam_store_find_group_by_code (store, "HX1", &error);
    g_autoptr(SamGroup) bvc = sam_store_find_group_by_code (store, "BVC", &error);

    g_assert_no_error (error);
    g_assert_nonnull (hx1);
    g_assert_nonnull (bvc);
  }
}

/* The child of test_lock_writer_waits: test-store-open --child-read PATH
 * reads the register until its input ends. */
static int
run_child_reader (const char *path)
{
  g_autoptr(SamStore) store = sam_store_open_readonly (path, NULL);
  char buffer[16];

  if (store == NULL)
    return 1;
  g_print ("ready\n");
  while (read (STDIN_FILENO, buffer, sizeof buffer) > 0)
    ;

  return 0;
}

/* A program that only reads the register (an export) holds a writer off
 * for as long as it reads; the writer waits for it, it is not refused. */
static void
test_lock_writer_waits (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_exe, "--child-read", fixture->path, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = NULL;
  char ready[6] = { 0 };
  int in_fd, out_fd, status = 0;
  GPid pid;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, &in_fd, &out_fd, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (read (out_fd, ready, 5), ==, 5);
  g_assert_cmpstr (ready, ==, "ready");

  /* While it reads, another reader may come in beside it. */
  {
    g_autoptr(SamStore) reader = sam_store_open_readonly (fixture->path, &error);

    g_assert_no_error (error);
  }

  close (in_fd);
  store = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFEXITED (status) && WEXITSTATUS (status) == 0);
  g_spawn_close_pid (pid);
  close (out_fd);
}

/* Within one process the lock is shared by every connection (the window's
 * and its workers'), and the lock file goes with the last. */
static void
test_lock_in_process (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *lock = g_strconcat (fixture->path, ".lock", NULL);
  g_autoptr(SamStore) window = NULL;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(SamStore) reader = NULL;
  g_autoptr(GError) error = NULL;

  window = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  worker = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
  reader = sam_store_open_readonly (fixture->path, &error);
  g_assert_no_error (error);

  g_clear_object (&window);
  g_clear_object (&reader);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&worker);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));

  /* A reader alone removes it too. */
  reader = sam_store_open_readonly (fixture->path, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (lock, G_FILE_TEST_EXISTS));
  g_clear_object (&reader);
  g_assert_false (g_file_test (lock, G_FILE_TEST_EXISTS));
}

/* FUSE (GVfs, sshfs) gets the rollback journal, as network file systems
 * do: its shared memory is no safer. */
static void
test_journal_fuse (void)
{
  g_assert_true (_sam_store_fs_type_is_network (0x65735546));  /* FUSE */
  g_assert_true (_sam_store_fs_type_is_network (0x6969));      /* NFS */
  g_assert_false (_sam_store_fs_type_is_network (0xEF53));     /* ext4 */
}

/* The default register has the register's extension; one made before it
 * had keeps its name. */
static void
test_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "samordna", NULL);
  g_autofree char *expected = g_build_filename (dir, "register.samordna", NULL);
  g_autofree char *old = g_build_filename (dir, "register.sqlite", NULL);
  g_autofree char *path = sam_store_dup_default_path ();

  g_assert_cmpstr (path, ==, expected);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (old, "", 0, NULL));
  g_clear_pointer (&path, g_free);
  path = sam_store_dup_default_path ();
  g_assert_cmpstr (path, ==, old);

  g_assert_true (g_file_set_contents (expected, "", 0, NULL));
  g_clear_pointer (&path, g_free);
  path = sam_store_dup_default_path ();
  g_assert_cmpstr (path, ==, expected);
  g_unlink (old);
  g_unlink (expected);
}

/* With the register's MIME type installed, GIO knows a register by its
 * name and does not open it; other SQLite files are still SQLite's. */
static void
test_mime_type (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *data_dir = g_build_filename (g_getenv ("SAM_BUILD_ROOT"), "data", NULL);
  g_autofree char *dirs = g_strconcat (data_dir, ":/usr/local/share:/usr/share", NULL);
  g_autofree char *other = g_build_filename (fixture->dir, "places.sqlite", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (fixture->path);
  g_autoptr(GFile) other_file = g_file_new_for_path (other);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GFileInfo) other_info = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *guessed = NULL;
  gboolean uncertain = TRUE;
  char events[4096];
  int watch;

  /* Read by GIO's MIME code once, at its first use, which this is. */
  g_setenv ("XDG_DATA_DIRS", dirs, TRUE);
  guessed = g_content_type_guess ("region.samordna", NULL, 0, &uncertain);
  g_assert_cmpstr (guessed, ==, "application/x-samordna-register");
  g_assert_false (uncertain);
  g_clear_pointer (&guessed, g_free);
  guessed = g_content_type_guess ("region.samordna.lock", NULL, 0, &uncertain);
  g_assert_cmpstr (guessed, ==, "application/x-samordna-register-journal");
  g_assert_false (uncertain);
  g_assert_true (g_content_type_is_a ("application/x-samordna-register", "application/vnd.sqlite3"));

  watch = inotify_init1 (IN_NONBLOCK | IN_CLOEXEC);
  g_assert_cmpint (inotify_add_watch (watch, fixture->path, IN_OPEN), >=, 0);
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_info_get_content_type (info), ==, "application/x-samordna-register");
  g_assert_cmpint (read (watch, events, sizeof events), <, 0);
  g_assert_cmpint (errno, ==, EAGAIN);
  close (watch);

  copy_file (fixture->path, other);
  other_info = g_file_query_info (other_file, G_FILE_ATTRIBUTE_STANDARD_CONTENT_TYPE, G_FILE_QUERY_INFO_NONE,
                                  NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (g_file_info_get_content_type (other_info), ==, "application/vnd.sqlite3");
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && strcmp (argv[1], "--child-read") == 0)
    return run_child_reader (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/store-open/export/missing", test_export_missing);
  ADD ("/store-open/export/empty", test_export_empty);
  ADD ("/store-open/export/read-only", test_export_read_only);
  ADD ("/store-open/window/read-only", test_window_read_only);
  ADD ("/store-open/readonly-store", test_readonly_store);
  ADD ("/store-open/lock/second-writer", test_lock_second_writer);
  ADD ("/store-open/lock/reader-beside-writer", test_lock_reader_beside_writer);
  ADD ("/store-open/lock/writer-waits", test_lock_writer_waits);
  ADD ("/store-open/lock/in-process", test_lock_in_process);
  ADD ("/store-open/mime-type", test_mime_type);
#undef ADD
  g_test_add_func ("/store-open/window/read-only/child", test_window_read_only_child);
  g_test_add_func ("/store-open/journal/fuse", test_journal_fuse);
  g_test_add_func ("/store-open/default-path", test_default_path);

  return g_test_run ();
}

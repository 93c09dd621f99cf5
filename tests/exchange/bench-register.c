/* bench-register.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-store-private.h"
#include "sam-test-register.h"
#include "sam-test-util.h"
#include "sam-xml-private.h"

/*
 * The exchange benchmark. `bench-register --generate FILE [--decisions N]`
 * writes a large register (by default 100 000 decisions, 20 000 meetings,
 * 5 000 groups, 10 000 people). Without --generate it makes one in a
 * temporary folder and times, on the same file, in fresh processes:
 * our import and export, `xmllint --stream --noout`, and the sqlite3 shell
 * loading the same rows in one transaction with a full-text rebuild. Peak
 * memory is each child's own maximum resident set (wait4).
 *
 * The import's ceiling is xmllint plus the shell loading the rows into the
 * tables and indexes the store makes (every migration applied), without
 * their CHECK constraints and triggers, building the indexes once the rows
 * are in (as the import does) and rebuilding the full-text indexes: what
 * reading the file and writing the rows costs at least. The shell loads
 * them once more with the schema's CHECKs, to show what those cost. It has
 * no Swedish collator, so the sort keys stay empty there.
 *
 * The merge is timed on the imported register with the same file in which
 * every decision's responsible is changed (the other rows as they are),
 * once the way it was (the whole merge in one write transaction) and once
 * staged (the file read before the write lock, see
 * sam_store_import_stage()). Meanwhile another connection of the same
 * process, as the window's beside its merging worker, makes a small change
 * every 50 ms: its longest wait is what the user meets.
 */

typedef struct
{
  double seconds;
  double peak_mib;
} Measure;

static void
scaled_size (guint                decisions,
             SamTestRegisterSize *size)
{
  double f = decisions / 100000.0;

  memset (size, 0, sizeof *size);
  size->decisions = decisions;
  size->organisations = MAX (1, 300 * f);
  size->people = MAX (1, 10000 * f);
  size->groups = MAX (1, 5000 * f);
  size->relations = 3000 * f;
  size->commissions = 3000 * f;
  size->seats = 6000 * f;
  size->assignments = 30000 * f;
  size->meetings = MAX (1, 20000 * f);
  size->participations = 25000 * f;
  size->agenda_items = 40000 * f;
  size->attendances = 40000 * f;
  size->escalations = 5000 * f;
  size->info = 3;
  size->rich = FALSE;
  size->text_length = 4;
}

static SamTestRegister *
generate (guint decisions)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  SamTestRegisterSize size;

  scaled_size (decisions, &size);

  return sam_test_register_new (rand, &size);
}

/* Runs a command in a fresh process (so its peak memory is its own) and
 * measures its wall time and maximum resident set. What it prints (the
 * shell's journal mode) goes nowhere. */
static Measure
measure (const char * const *argv,
         const char         *stdin_path)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  Measure result = { 0 };
  int stdin_fd = -1;
  int null_fd = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  int status = 0;
  gint64 start;
  GPid pid;

  if (stdin_path != NULL)
    {
      stdin_fd = open (stdin_path, O_RDONLY | O_CLOEXEC);
      if (stdin_fd < 0)
        g_error ("%s: %s", stdin_path, g_strerror (errno));
    }

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_fds (NULL, (char **) argv, NULL,
                               G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &pid, stdin_fd, null_fd, -1, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  result.peak_mib = usage.ru_maxrss / 1024.0;
  if (stdin_fd >= 0)
    close (stdin_fd);
  close (null_fd);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);

  return result;
}

/* Two steps of one job: their times add up, their peaks do not. */
static Measure
add_measures (Measure a,
              Measure b)
{
  return (Measure) { a.seconds + b.seconds, MAX (a.peak_mib, b.peak_mib) };
}

static int
run_import (const char *db,
            const char *file)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  store = sam_store_open (db, &error);
  if (store == NULL || !sam_xml_import (store, file, SAM_IMPORT_REPLACE, &summary, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  sam_import_summary_clear (&summary);

  return 0;
}

static int
run_export (const char *db,
            const char *file)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = sam_store_open (db, &error);
  if (store == NULL || !sam_xml_export (store, file, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* @create without its CHECK constraints: a column's "CHECK (…)", and a
 * table's ", CHECK (…)" with the comma before it. */
static char *
strip_checks (const char *create)
{
  GString *out = g_string_new (NULL);
  const char *p = create;
  const char *check;

  while ((check = strstr (p, "CHECK (")) != NULL)
    {
      const char *end = check + strlen ("CHECK (");
      gsize keep = check - p;
      int depth = 1;

      for (; *end != '\0' && depth > 0; end++)
        depth += *end == '(' ? 1 : *end == ')' ? -1 : 0;

      /* A table constraint follows a comma, a column's never does. */
      while (keep > 0 && g_ascii_isspace (p[keep - 1]))
        keep--;
      if (keep > 0 && p[keep - 1] == ',')
        keep--;
      else
        keep = check - p;
      g_string_append_len (out, p, keep);
      p = end;
    }
  g_string_append (out, p);

  return g_string_free (out, FALSE);
}

/* Writes the schema the store makes, without triggers: its tables (less
 * the full-text indexes' own) and full-text indexes as they are to
 * @with_checks, and without the CHECK constraints to @ceiling; the
 * indexes that check nothing, which a load builds once its rows are in,
 * as the import does, to @indexes. */
static int
run_schema (const char *with_checks,
            const char *ceiling,
            const char *indexes)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("bench-schema-XXXXXX");
  g_autofree char *db_path = g_build_filename (dir, "register.samordna", NULL);
  g_autoptr(GString) checks = g_string_new (NULL);
  g_autoptr(GString) stripped = g_string_new (NULL);
  g_autoptr(GString) later = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  SamStore *store;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  store = sam_store_open (db_path, &error);
  g_assert_no_error (error);
  g_object_unref (store);

  g_assert_cmpint (sqlite3_open_v2 (db_path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT type, sql FROM sqlite_schema t WHERE sql IS NOT NULL "
                                       "AND type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' "
                                       /* the tables a full-text index keeps itself */
                                       "AND NOT EXISTS (SELECT 1 FROM sqlite_schema v WHERE v.type = 'table' "
                                       "  AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name GLOB v.name || '_*') "
                                       "ORDER BY type = 'index', rowid",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *sql = (const char *) sqlite3_column_text (stmt, 1);
      g_autofree char *without = strip_checks (sql);

      if (strcmp ((const char *) sqlite3_column_text (stmt, 0), "index") == 0 &&
          !g_str_has_prefix (sql, "CREATE UNIQUE"))
        {
          g_string_append_printf (later, "%s;\n", sql);
          continue;
        }
      g_string_append_printf (checks, "%s;\n", sql);
      g_string_append_printf (stripped, "%s;\n", without);
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  sam_test_remove_tree (dir);

  if (strstr (stripped->str, "CHECK") != NULL)
    g_error ("a CHECK constraint is left in the ceiling's schema");

  g_file_set_contents (with_checks, checks->str, checks->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (ceiling, stripped->str, stripped->len, &error);
  g_assert_no_error (error);
  g_file_set_contents (indexes, later->str, later->len, &error);
  g_assert_no_error (error);

  return 0;
}

static gboolean
same_files (const char *a,
            const char *b)
{
  g_autoptr(GMappedFile) map_a = g_mapped_file_new (a, FALSE, NULL);
  g_autoptr(GMappedFile) map_b = g_mapped_file_new (b, FALSE, NULL);

  return map_a != NULL && map_b != NULL
         && g_mapped_file_get_length (map_a) == g_mapped_file_get_length (map_b)
         && memcmp (g_mapped_file_get_contents (map_a), g_mapped_file_get_contents (map_b),
                    g_mapped_file_get_length (map_a)) == 0;
}

static int
run_generate (const char *xml,
              const char *sql,
              const char *decisions)
{
  g_autoptr(SamTestRegister) reg = generate (MAX (1, atoi (decisions)));
  g_autoptr(GError) error = NULL;

  if (!sam_test_register_write_xml (reg, xml, &error) || !sam_test_register_write_sql (reg, sql, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* The steps of a staged merge, by the monotonic clock. */
typedef struct
{
  gint64 staged;
  gint64 locked;
  gint64 committed;
} Steps;

static void
steps_cb (SamStoreMergeStep step,
          gpointer          user_data)
{
  Steps *steps = user_data;
  gint64 now = g_get_monotonic_time ();

  if (step == SAM_STORE_MERGE_STAGED)
    steps->staged = now;
  else if (step == SAM_STORE_MERGE_LOCKED)
    steps->locked = now;
  else
    steps->committed = now;
}

typedef struct
{
  const char  *db;
  GMappedFile *xml;
  gboolean     staged;
  GError      *error;
  int          done;
  gint64       begun;
  gint64       ended;
  SamImportSummary summary;
} Merge;

static gpointer
merge_thread (gpointer user_data)
{
  Merge *merge = user_data;
  g_autoptr(SamStore) store = sam_store_open (merge->db, &merge->error);
  const char *buffer = g_mapped_file_get_contents (merge->xml);
  gsize len = g_mapped_file_get_length (merge->xml);

  merge->begun = g_get_monotonic_time ();
  if (store != NULL && merge->staged)
    sam_xml_import_memory (store, buffer, len, "register.xml", SAM_IMPORT_MERGE, &merge->summary, &merge->error);
  else if (store != NULL)
    {
      SamXmlSource source = { .buffer = buffer, .len = len };

      _sam_xml_import_source (store, &source, "register.xml", len, SAM_IMPORT_MERGE, FALSE, &merge->summary,
                              NULL, NULL, &merge->error);
    }
  merge->ended = g_get_monotonic_time ();
  g_atomic_int_set (&merge->done, TRUE);

  return NULL;
}

/* Merges @xml into @db in a thread, staged or not, while this thread
 * changes one organisation's name every 50 ms on a connection of its own;
 * writes the total time, the time the write lock was held, the longest
 * wait of a change, the changes and those that failed to @result. */
static int
run_merge (const char *db,
           const char *xml,
           const char *staged,
           const char *result)
{
  g_autoptr(SamStore) writer = NULL;
  g_autoptr(SamOrganisation) org = sam_organisation_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GThread) thread = NULL;
  g_autofree char *line = NULL;
  Merge merge = { .db = db, .staged = strcmp (staged, "staged") == 0 };
  Steps steps = { 0 };
  gint64 longest = 0;
  guint n_writes = 0, n_failed = 0;
  double locked;

  merge.xml = g_mapped_file_new (xml, FALSE, &error);
  writer = sam_store_open (db, &error);
  g_object_set (org, "name", "Skrivaren", NULL);
  if (merge.xml == NULL || writer == NULL || !sam_store_save (writer, org, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  _sam_store_set_merge_hook (steps_cb, &steps);
  thread = g_thread_new ("merge", merge_thread, &merge);
  while (!g_atomic_int_get (&merge.done))
    {
      g_autoptr(GError) write_error = NULL;
      g_autofree char *name = g_strdup_printf ("Skrivaren %u", n_writes);
      gint64 start = g_get_monotonic_time ();

      g_object_set (org, "name", name, NULL);
      if (!sam_store_save (writer, org, &write_error))
        n_failed++;
      longest = MAX (longest, g_get_monotonic_time () - start);
      n_writes++;
      g_usleep (50 * 1000);
    }
  g_thread_join (g_steal_pointer (&thread));
  _sam_store_set_merge_hook (NULL, NULL);

  if (merge.error != NULL)
    {
      g_printerr ("%s\n", merge.error->message);
      return 1;
    }

  /* Unstaged, the merge takes the lock first and keeps it to the end. */
  locked = merge.staged ? (steps.committed - steps.locked) / 1e6 : (merge.ended - merge.begun) / 1e6;
  line = g_strdup_printf ("%.3f %.3f %.3f %u %u %u %u\n", (merge.ended - merge.begun) / 1e6, locked, longest / 1e6,
                          n_writes, n_failed, merge.summary.updated, merge.summary.unchanged);
  sam_import_summary_clear (&merge.summary);
  g_mapped_file_unref (merge.xml);
  if (!g_file_set_contents (result, line, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

/* @xml with every decision's responsible changed, to @changed. */
static int
run_change (const char *xml,
            const char *changed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) text = NULL;
  char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (xml, &contents, &len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  text = g_string_new_len (contents, len);
  g_free (contents);
  g_string_replace (text, " responsible=\"", " responsible=\"ny ", 0);
  if (!g_file_set_contents (changed, text->str, text->len, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

static void
copy_file (const char *from,
           const char *to)
{
  g_autoptr(GFile) source = g_file_new_for_path (from);
  g_autoptr(GFile) target = g_file_new_for_path (to);
  g_autoptr(GError) error = NULL;

  if (!g_file_copy (source, target, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error))
    g_error ("%s", error->message);
}

static void
time_merge (const char *self,
            const char *db,
            const char *xml,
            const char *dir,
            const char *how,
            const char *what)
{
  g_autofree char *copy = g_build_filename (dir, "merged.sqlite", NULL);
  g_autofree char *result = g_build_filename (dir, "merge-result.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { self, "--run-merge", copy, xml, how, result, NULL };
  double total, locked, longest;
  guint n_writes, n_failed, updated, unchanged;
  Measure m;

  copy_file (db, copy);
  m = measure (argv, NULL);
  if (!g_file_get_contents (result, &text, NULL, &error) ||
      sscanf (text, "%lf %lf %lf %u %u %u %u", &total, &locked, &longest, &n_writes, &n_failed,
              &updated, &unchanged) != 7)
    g_error ("no result from the merge");

  g_print ("%-30s %8.2f s %8.2f s %8.2f s %5u (%u) %8.1f MiB\n",
           what, total, locked, longest, n_writes, n_failed, m.peak_mib);
  g_print ("%-30s (%u rows updated, %u unchanged)\n", "", updated, unchanged);
  sam_test_remove_tree (copy);
  g_unlink (result);
}

static void
print_row (const char *what,
           Measure     m)
{
  g_print ("%-44s %9.2f s %9.1f MiB\n", what, m.seconds, m.peak_mib);
}

static int
run_benchmark (guint decisions)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = sam_test_make_tmp_dir ("bench-register-XXXXXX");
  g_autofree char *self = g_file_read_link ("/proc/self/exe", &error);
  g_autofree char *xml = NULL, *out = NULL, *sql = NULL;
  g_autofree char *checks_schema = NULL, *ceiling_schema = NULL, *indexes = NULL;
  g_autofree char *db = NULL, *checks_db = NULL, *ceiling_db = NULL, *sqlite3 = NULL, *xmllint = NULL;
  Measure import, export, lint, load, checked_load;
  GStatBuf st;
  double ceiling;

  g_assert_no_error (error);
  xmllint = g_find_program_in_path ("xmllint");
  sqlite3 = g_find_program_in_path ("sqlite3");
  if (xmllint == NULL || sqlite3 == NULL)
    g_error ("the benchmark needs xmllint (libxml2-utils) and sqlite3");

  xml = g_build_filename (dir, "register.xml", NULL);
  out = g_build_filename (dir, "exported.xml", NULL);
  sql = g_build_filename (dir, "register.sql", NULL);
  checks_schema = g_build_filename (dir, "checks.sql", NULL);
  ceiling_schema = g_build_filename (dir, "ceiling.sql", NULL);
  indexes = g_build_filename (dir, "indexes.sql", NULL);
  db = g_build_filename (dir, "register.sqlite", NULL);
  checks_db = g_build_filename (dir, "checks.sqlite", NULL);
  ceiling_db = g_build_filename (dir, "ceiling.sqlite", NULL);

  /* Generated in a child: Linux carries a process's peak memory over to
   * the programs it starts, so this one must stay small. */
  {
    g_autofree char *n = g_strdup_printf ("%u", decisions);
    const char *argv[] = { self, "--run-generate", xml, sql, n, NULL };

    measure (argv, NULL);
  }
  g_stat (xml, &st);
  g_print ("register: %u decisions, %.1f MiB of XML\n", decisions, st.st_size / 1048576.0);

  /* The shell's databases start from the schema the store makes, read
   * from a register it created (in a child too). */
  {
    const char *argv[] = { self, "--run-schema", checks_schema, ceiling_schema, indexes, NULL };

    measure (argv, NULL);
  }
  {
    const char *argv[] = { sqlite3, checks_db, NULL };

    measure (argv, checks_schema);
  }
  {
    const char *argv[] = { sqlite3, ceiling_db, NULL };

    measure (argv, ceiling_schema);
  }

  {
    const char *argv[] = { self, "--run-import", db, xml, NULL };

    import = measure (argv, NULL);
  }
  {
    const char *argv[] = { self, "--run-export", db, out, NULL };

    export = measure (argv, NULL);
  }
  {
    const char *argv[] = { xmllint, "--stream", "--noout", xml, NULL };

    lint = measure (argv, NULL);
  }
  {
    const char *argv[] = { sqlite3, ceiling_db, NULL };

    load = add_measures (measure (argv, sql), measure (argv, indexes));
  }
  {
    const char *argv[] = { sqlite3, checks_db, NULL };

    checked_load = add_measures (measure (argv, sql), measure (argv, indexes));
  }

  g_print ("export is byte-identical to the imported file: %s\n\n", same_files (xml, out) ? "yes" : "NO");

  print_row ("our import (sam_xml_import, replace)", import);
  print_row ("xmllint --stream --noout", lint);
  print_row ("sqlite3: rows, indexes, FTS; no CHECK/trigger", load);
  print_row ("sqlite3: the same, with the schema's CHECKs", checked_load);
  print_row ("our export (sam_xml_export)", export);

  ceiling = lint.seconds + load.seconds;
  g_print ("\nimport ceiling (xmllint + sqlite3 without CHECKs) = %.2f s\n", ceiling);
  g_print ("import / ceiling                            = %.2f (target <= 1.20)\n",
           import.seconds / ceiling);
  g_print ("import peak memory                          = %.1f MiB (target <= 64)\n", import.peak_mib);
  g_print ("export / xmllint --stream                   = %.2f (target <= 2.00)\n",
           export.seconds / lint.seconds);

  {
    g_autofree char *changed = g_build_filename (dir, "changed.xml", NULL);
    const char *argv[] = { self, "--run-change", xml, changed, NULL };

    measure (argv, NULL);
    g_print ("\nmerge of the same register with every decision's responsible changed,\n"
             "beside a change every 50 ms on another connection:\n");
    g_print ("%-30s %10s %10s %10s %11s %12s\n", "", "total", "lock held", "longest", "changes", "peak");
    g_print ("%-30s %10s %10s %10s %11s\n", "", "", "", "wait", "(failed)");
    time_merge (self, db, changed, dir, "locked", "whole merge under the lock");
    time_merge (self, db, changed, dir, "staged", "staged (file read first)");
  }

  sam_test_remove_tree (dir);

  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *generate_path = NULL;
  int decisions = 100000;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GOptionEntry entries[] = {
    { "generate", 0, 0, G_OPTION_ARG_FILENAME, &generate_path, "Only write a register to FILE", "FILE" },
    { "decisions", 0, 0, G_OPTION_ARG_INT, &decisions, "Number of decisions (other tables scale with it)", "N" },
    { NULL }
  };

  if (argc == 4 && strcmp (argv[1], "--run-import") == 0)
    return run_import (argv[2], argv[3]);
  if (argc == 4 && strcmp (argv[1], "--run-export") == 0)
    return run_export (argv[2], argv[3]);
  if (argc == 5 && strcmp (argv[1], "--run-schema") == 0)
    return run_schema (argv[2], argv[3], argv[4]);
  if (argc == 6 && strcmp (argv[1], "--run-merge") == 0)
    return run_merge (argv[2], argv[3], argv[4], argv[5]);
  if (argc == 4 && strcmp (argv[1], "--run-change") == 0)
    return run_change (argv[2], argv[3]);
  if (argc == 5 && strcmp (argv[1], "--run-generate") == 0)
    return run_generate (argv[2], argv[3], argv[4]);

  context = g_option_context_new ("— benchmark the register exchange");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  if (decisions < 1)
    decisions = 1;

  if (generate_path != NULL)
    {
      g_autoptr(SamTestRegister) reg = generate (decisions);

      if (!sam_test_register_write_xml (reg, generate_path, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      return 0;
    }

  return run_benchmark (decisions);
}

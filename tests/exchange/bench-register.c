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

#include "sam-test-register.h"
#include "sam-test-util.h"
#include "sam-xml.h"

/*
 * The exchange benchmark. `bench-register --generate FILE [--decisions N]`
 * writes a large register (by default 100 000 decisions, 20 000 meetings,
 * 5 000 groups, 10 000 people). Without --generate it makes one in a
 * temporary folder and times, on the same file, in fresh processes:
 * our import and export, `xmllint --stream --noout`, and the sqlite3 shell
 * loading the same rows in one transaction with a full-text rebuild. Peak
 * memory is each child's own maximum resident set (wait4).
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
 * measures its wall time and maximum resident set. */
static Measure
measure (const char * const *argv,
         const char         *stdin_path)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  Measure result = { 0 };
  int stdin_fd = -1;
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
                               &pid, stdin_fd, -1, -1, &error))
    g_error ("%s: %s", argv[0], error->message);
  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));
  result.seconds = (g_get_monotonic_time () - start) / 1e6;
  result.peak_mib = usage.ru_maxrss / 1024.0;
  if (stdin_fd >= 0)
    close (stdin_fd);

  if (!WIFEXITED (status) || WEXITSTATUS (status) != 0)
    g_error ("%s failed (status %d)", argv[0], status);

  return result;
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
  g_autofree char *xml = NULL, *out = NULL, *sql = NULL, *schema = NULL;
  g_autofree char *db = NULL, *base_db = NULL, *sqlite3 = NULL, *xmllint = NULL;
  g_autoptr(GBytes) schema_sql = NULL;
  g_autoptr(GBytes) follow_up_sql = NULL;
  g_autofree char *schema_text = NULL;
  Measure import, export, lint, load;
  GStatBuf st;
  double baseline;

  g_assert_no_error (error);
  xmllint = g_find_program_in_path ("xmllint");
  sqlite3 = g_find_program_in_path ("sqlite3");
  if (xmllint == NULL || sqlite3 == NULL)
    g_error ("the benchmark needs xmllint (libxml2-utils) and sqlite3");

  xml = g_build_filename (dir, "register.xml", NULL);
  out = g_build_filename (dir, "exported.xml", NULL);
  sql = g_build_filename (dir, "register.sql", NULL);
  schema = g_build_filename (dir, "schema.sql", NULL);
  db = g_build_filename (dir, "register.sqlite", NULL);
  base_db = g_build_filename (dir, "baseline.sqlite", NULL);

  /* Generated in a child: Linux carries a process's peak memory over to
   * the programs it starts, so this one must stay small. */
  {
    g_autofree char *n = g_strdup_printf ("%u", decisions);
    const char *argv[] = { self, "--run-generate", xml, sql, n, NULL };

    measure (argv, NULL);
  }
  g_stat (xml, &st);
  g_print ("register: %u decisions, %.1f MiB of XML\n", decisions, st.st_size / 1048576.0);

  /* The baseline database starts from the same schema the store creates,
   * with the columns later migrations added that the generated rows fill
   * (006: the decision a follow-up item reports on); 004 and 005 add sort
   * keys, which only the store's own connection can compute. */
  schema_sql = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/001-initial.sql", 0, &error);
  g_assert_no_error (error);
  follow_up_sql = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/006-follow-up-decision.sql", 0, &error);
  g_assert_no_error (error);
  schema_text = g_strdup_printf ("%.*s\n%.*s",
                                 (int) g_bytes_get_size (schema_sql), (const char *) g_bytes_get_data (schema_sql, NULL),
                                 (int) g_bytes_get_size (follow_up_sql), (const char *) g_bytes_get_data (follow_up_sql, NULL));
  g_file_set_contents (schema, schema_text, -1, &error);
  g_assert_no_error (error);
  {
    const char *argv[] = { sqlite3, base_db, NULL };

    measure (argv, schema);
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
    const char *argv[] = { sqlite3, base_db, NULL };

    load = measure (argv, sql);
  }

  g_print ("export is byte-identical to the imported file: %s\n\n", same_files (xml, out) ? "yes" : "NO");

  print_row ("our import (sam_xml_import, replace)", import);
  print_row ("xmllint --stream --noout", lint);
  print_row ("sqlite3: INSERTs in one transaction + FTS", load);
  print_row ("our export (sam_xml_export)", export);

  baseline = lint.seconds + load.seconds;
  g_print ("\nimport / (xmllint + sqlite3 load + FTS rebuild) = %.2f (target <= 1.20)\n",
           import.seconds / baseline);
  g_print ("import peak memory                          = %.1f MiB (target < 64)\n", import.peak_mib);
  g_print ("export / xmllint --stream                   = %.2f (target <= 2.00)\n",
           export.seconds / lint.seconds);

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

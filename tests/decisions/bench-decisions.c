/* bench-decisions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decision register at 100 000 decisions (meson test --benchmark):
 * the lazy list's first rows, a sort, a filter, search as you type and a
 * ranked search, each beside the same query run by the sqlite3 shell on
 * the same file, and the memory the list holds while a view scrolls.
 * Search as you type covers short words (the word index), longer ones and
 * words inside compounds (the trigram index) and a decision number.
 * SAM_BENCH_KEEP=1 keeps the register file for a look with the shell.
 *
 * usage: bench-decisions [N-DECISIONS]
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sam-decision-list.h"
#include "sam-store-decisions.h"
#include "sam-test-util.h"

static const char *words[] = {
  "vård", "vårdförlopp", "operation", "intensivvård", "anestesi", "rutin", "regional", "gemensam",
  "uppföljning", "väntetider", "kapacitet", "bemanning", "kompetens", "patientsäkerhet", "remiss",
  "läkemedel", "ögonsjukvård", "primärvård", "akutmottagning", "överflyttning", "vårdplatser",
  "strykningar", "planering", "införande", "riktlinjer", "kvalitet", "ekonomi", "förvaltning",
  "samordning", "sjukhus", "barn", "äldre", "psykiatri", "cancer", "hjärtsvikt", "stroke",
  "operationskapacitet",
};

static guint64
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL) ||
      (line = strstr (status, "VmRSS:")) == NULL)
    return 0;
  return g_ascii_strtoull (line + 6, NULL, 10);
}

static const char *syllables[] = {
  "ba", "be", "bo", "da", "de", "dö", "fa", "fe", "ga", "gö", "ha", "hä", "ja", "ka", "ke", "kå", "la", "le",
  "lö", "ma", "me", "na", "ne", "nä", "pa", "pe", "ra", "re", "rö", "sa", "se", "så", "ta", "te", "tö", "va",
  "ve", "vå", "ä", "ö",
};

/* A register's words: now and then a domain word, mostly one of some
 * thousands of others, so each domain word is in a few per cent of the
 * decisions, as in a real register, not in all of them. */
static char *
word (GRand *rand)
{
  GString *w;
  guint n;

  if (g_rand_int_range (rand, 0, 12) == 0)
    return g_strdup (words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);

  w = g_string_new (NULL);
  n = g_rand_int_range (rand, 2, 5);
  for (guint i = 0; i < n; i++)
    g_string_append (w, syllables[g_rand_int_range (rand, 0, G_N_ELEMENTS (syllables))]);
  return g_string_free (w, FALSE);
}

static char *
sentence (GRand *rand,
          guint  n)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *w = word (rand);

      if (i == 0)
        {
          gunichar first = g_unichar_toupper (g_utf8_get_char (w));

          g_string_append_unichar (s, first);
          g_string_append (s, g_utf8_next_char (w));
        }
      else
        g_string_append_printf (s, " %s", w);
    }
  return g_string_free (s, FALSE);
}

static void
generate (SamStore *store,
          guint     n)
{
  static const char *mandates[] = { "line_mandates", "chair_routine", "management_assignment", "none" };
  static const char *statuses[] = { "decided", "escalated", "in_implementation", "implemented", "withdrawn" };
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);
  g_autoptr(SamStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };
  char *groups[24];
  guint serials[24][8] = { { 0 } };

  import = sam_store_import_begin (store, SAM_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    {
      g_autofree char *code = g_strdup_printf ("G%02u", g);
      g_autofree char *name = g_strdup_printf ("Samordningsråd %u", g);
      const char *values[16] = { code, name, "council", NULL, "0" };

      groups[g] = g_uuid_string_random ();
      sam_store_import_row (import, SAM_TABLE_GROUP, groups[g], values, "bench", &error);
      g_assert_no_error (error);
    }
  for (guint i = 0; i < n; i++)
    {
      guint g = g_rand_int_range (rand, 0, G_N_ELEMENTS (groups));
      guint y = g_rand_int_range (rand, 0, 8);
      g_autofree char *uuid = g_uuid_string_random ();
      g_autofree char *year = g_strdup_printf ("%u", 2019 + y);
      g_autofree char *serial = g_strdup_printf ("%u", ++serials[g][y]);
      g_autofree char *decided = g_strdup_printf ("%u-%02d-%02d", 2019 + y, g_rand_int_range (rand, 1, 13),
                                                  g_rand_int_range (rand, 1, 29));
      g_autofree char *follow_up = g_strdup_printf ("%u-%02d-%02d", 2020 + y, g_rand_int_range (rand, 1, 13),
                                                    g_rand_int_range (rand, 1, 29));
      g_autofree char *title = sentence (rand, g_rand_int_range (rand, 4, 9));
      g_autofree char *body = sentence (rand, g_rand_int_range (rand, 20, 60));
      g_autofree char *responsible = g_strdup_printf ("Person %u", g_rand_int_range (rand, 1, 500));
      const char *status = statuses[g_rand_int_range (rand, 0, 5)];
      /* The register keeps no withdrawal without its reason (schema 7). */
      const char *reason = strcmp (status, "withdrawn") == 0 ? "Ersatt av ett senare beslut." : NULL;
      const char *values[] = { groups[g], year, serial, decided, NULL, NULL,
                               mandates[g_rand_int_range (rand, 0, 4)], status,
                               responsible, follow_up, NULL, title, body, reason, NULL };

      sam_store_import_row (import, SAM_TABLE_DECISION, uuid, values, "bench", &error);
      g_assert_no_error (error);
    }
  sam_store_import_commit (import, &summary, &error);
  g_assert_no_error (error);
  sam_import_summary_clear (&summary);
  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_free (groups[g]);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* Runs @sql @n times in one sqlite3 shell, output discarded, and returns
 * the milliseconds per run. The shell's own timer prints whole
 * milliseconds, so the runs are bracketed by two readings of the clock
 * instead; starting the shell and reading the schema are not counted. */
static double
shell_run (const char *shell,
           const char *path,
           const char *sql,
           guint       n)
{
  g_autoptr(GString) script = g_string_new (".output /dev/null\n");
  g_autofree char *out = NULL;
  g_auto(GStrv) lines = NULL;
  const char *argv[] = { shell, "-batch", path, NULL };
  double start = -1, end = -1;
  GError *error = NULL;

  /* Warm the page cache and the shell's statement cache first. */
  for (guint i = 0; i < 2; i++)
    g_string_append_printf (script, "%s\n", sql);
  g_string_append (script, ".output stdout\nSELECT julianday ('now');\n.output /dev/null\n");
  for (guint i = 0; i < n; i++)
    g_string_append_printf (script, "%s\n", sql);
  g_string_append (script, ".output stdout\nSELECT julianday ('now');\n");

  {
    g_autoptr(GSubprocess) process = g_subprocess_newv (argv, G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                        G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);

    if (process == NULL || !g_subprocess_communicate_utf8 (process, script->str, NULL, &out, NULL, &error))
      {
        g_printerr ("sqlite3 shell: %s\n", error->message);
        g_clear_error (&error);
        return -1;
      }
  }

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_ascii_isdigit (lines[i][0]))
      {
        if (start < 0)
          start = g_ascii_strtod (lines[i], NULL);
        else
          end = g_ascii_strtod (lines[i], NULL);
      }
  if (start < 0 || end < 0)
    return -1;

  return (end - start) * 86400000.0 / n;
}

/* The bare query's time in the sqlite3 shell: as many runs as fit in
 * about half a second, between 3 and 200. */
static double
shell_ms (const char *path,
          const char *sql)
{
  g_autofree char *shell = g_find_program_in_path ("sqlite3");
  double estimate;
  guint n;

  if (shell == NULL || (estimate = shell_run (shell, path, sql, 3)) < 0)
    return -1;

  n = (guint) CLAMP (500.0 / MAX (estimate, 0.01), 3, 200);
  return shell_run (shell, path, sql, n);
}

typedef void (*Step) (SamStore *store, gpointer data);

/* The median of as many runs as fit in about half a second (5 to 200),
 * after one run that warms the page cache, as a user's second look does. */
static double
median_ms (Step      step,
           SamStore *store,
           gpointer  data)
{
  double times[200];
  double total = 0;
  guint n = 0;

  step (store, data);
  while (n < G_N_ELEMENTS (times) && (n < 5 || total < 500))
    {
      gint64 start = g_get_monotonic_time ();

      step (store, data);
      times[n] = (g_get_monotonic_time () - start) / 1000.0;
      total += times[n++];
    }
  qsort (times, n, sizeof (double), compare_doubles);
  return times[n / 2];
}

typedef struct
{
  SamDecisionFilter filter;
  SamDecisionSort   sort;
  gboolean          descending;
  guint             offset;
  SamDecisionMatches *matches;  /* a search's matches, found once as the list does, or NULL */
} Query;

/* What the page does when the filter, search or sort changes: a new list
 * (the search's matches and the count) and its first screenful. */
static void
first_rows (SamStore *store,
            gpointer  data)
{
  Query *q = data;
  g_autoptr(SamDecisionList) list = sam_decision_list_new (store);

  sam_decision_list_set_filter (list, &q->filter);
  sam_decision_list_set_sort (list, q->sort, q->descending);
  for (guint i = 0; i < 40 && i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), i));
}

/* The store's page query alone, as the shell runs its bare query. */
static void
page_only (SamStore *store,
           gpointer  data)
{
  Query *q = data;
  g_autoptr(GPtrArray) rows = sam_store_fetch_decision_rows (store, &q->filter, q->matches, q->sort,
                                                             q->descending, q->offset, 50, NULL);

  g_assert_nonnull (rows);
}

/* A search's matches alone. */
static void
match_only (SamStore *store,
            gpointer  data)
{
  Query *q = data;

  sam_decision_matches_free (sam_store_match_decisions (store, q->filter.search, NULL));
}

static void
count_only (SamStore *store,
            gpointer  data)
{
  Query *q = data;
  guint n;

  g_assert_true (sam_store_count_decision_rows (store, &q->filter, NULL, &n, NULL));
}

static void
report (const char *what,
        double      ours,
        double      bare,
        const char *target)
{
  if (bare > 0)
    g_print ("%-48s %8.3f ms   sqlite3 %8.3f ms   ratio %5.2f   %s\n", what, ours, bare, ours / MAX (bare, 0.001),
             target);
  else if (bare == 0)
    g_print ("%-48s %8.3f ms   %s\n", what, ours, target);
  else
    g_print ("%-48s %8.3f ms   (no sqlite3 shell)   %s\n", what, ours, target);
}

static void
report_shell (const char *what,
              double      bare,
              const char *note)
{
  g_print ("%-48s %11s   sqlite3 %8.3f ms                 %s\n", what, "", bare, note);
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) g_ascii_strtoull (argv[1], NULL, 10) : 100000;
  g_autofree char *dir = sam_test_make_tmp_dir ("bench-decisions-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.db", NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *group = NULL;
  /* What is typed, and the ids of the decisions that the store's search
   * finds for it, as the shell finds them: words shorter than three
   * letters as word prefixes, longer ones anywhere in a word, a number by
   * its group's index. */
  static const struct
  {
    const char *typed;
    const char *ids;
  } typed[] = {
    { "vå", "SELECT rowid FROM decision_fts WHERE decision_fts MATCH '\"vå\"*'" },
    { "vår", "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"vår\"'" },
    { "vård", "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"vård\"'" },
    { "vårdf", "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"vårdf\"'" },
    { "kap", "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"kap\"'" },
    { "kapac", "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"kapac\"'" },
    { "kapacitet", "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"kapacitet\"'" },
    { "G03 2024:7", "SELECT d.id FROM grp g CROSS JOIN decision d ON d.group_id = g.id "
                    "WHERE g.code = 'G03' AND d.year = 2024 AND d.serial = 7" },
    { "2024:7", "SELECT d.id FROM grp g CROSS JOIN decision d ON d.group_id = g.id "
                "WHERE d.year = 2024 AND d.serial = 7" },
  };
  Query all = { 0 }, by_title = { 0 }, by_title_deep, by_responsible, by_group, by_number, by_status;
  Query filtered = { 0 }, ranked = { 0 };
  g_autofree char *sql_deep = g_strdup_printf ("SELECT * FROM decision ORDER BY title_key, id LIMIT 50 OFFSET %u;", n / 2);
  gint64 start;
  guint64 rss_before, rss_after;

  /* The names and words are Swedish. */
  setlocale (LC_ALL, "C.UTF-8");

  store = sam_test_open_store (dir, "register.db");
  start = g_get_monotonic_time ();
  generate (store, n);
  g_print ("# generated %u decisions in %.1f s (%s)\n", n, (g_get_monotonic_time () - start) / 1e6, path);
  {
    g_autoptr(GListModel) groups = sam_store_list_groups (store, NULL);
    g_autoptr(SamGroup) g = g_list_model_get_item (groups, 3);

    group = g_strdup (sam_group_get_uuid (g));
  }

  sam_decision_filter_init (&all.filter);
  all.sort = SAM_DECISION_SORT_DATE;
  all.descending = TRUE;
  by_title = all;
  by_title.sort = SAM_DECISION_SORT_TITLE;
  by_title.descending = FALSE;
  by_title_deep = by_title;
  by_title_deep.offset = n / 2;
  by_responsible = by_title;
  by_responsible.sort = SAM_DECISION_SORT_RESPONSIBLE;
  by_group = by_title;
  by_group.sort = SAM_DECISION_SORT_GROUP;
  by_number = by_title;
  by_number.sort = SAM_DECISION_SORT_NUMBER;
  by_status = by_title;
  by_status.sort = SAM_DECISION_SORT_STATUS;
  filtered = all;
  filtered.filter.group_uuid = group;
  filtered.filter.year = 2024;
  ranked = all;
  ranked.filter.search = (char *) "väntetider kapacitet";
  ranked.sort = SAM_DECISION_SORT_RANK;
  ranked.descending = FALSE;

  g_print ("%-48s %11s   %16s   %11s   %s\n", "step", "ours", "bare query", "", "target");
  report ("page shown: count + first 40 rows (newest)", median_ms (first_rows, store, &all),
          shell_ms (path, "SELECT count (*) FROM decision; SELECT * FROM decision ORDER BY decided DESC, id DESC LIMIT 50;"),
          "< 100 ms");
  report ("  count", median_ms (count_only, store, &all), shell_ms (path, "SELECT count (*) FROM decision;"), "<= 1.5x");
  report ("  newest 50 by the date index", median_ms (page_only, store, &all),
          shell_ms (path, "SELECT * FROM decision ORDER BY decided DESC, id DESC LIMIT 50;"), "<= 1.5x");
  report ("sort by title (Swedish), first 50", median_ms (page_only, store, &by_title),
          shell_ms (path, "SELECT * FROM decision ORDER BY title_key, id LIMIT 50;"), "<= 1.5x");
  report_shell ("  for reference: title in byte order, no key",
                shell_ms (path, "SELECT * FROM decision ORDER BY title, id LIMIT 50;"), "(not Swedish order)");
  report ("sort by title, 50 from the middle", median_ms (page_only, store, &by_title_deep),
          shell_ms (path, sql_deep), "<= 1.5x");
  report ("sort by responsible (Swedish), first 50", median_ms (page_only, store, &by_responsible),
          shell_ms (path, "SELECT * FROM decision ORDER BY responsible_key, id LIMIT 50;"), "<= 1.5x");
  report ("sort by group (Swedish), first 50", median_ms (page_only, store, &by_group),
          shell_ms (path, "SELECT d.* FROM decision d JOIN grp g ON g.id = d.group_id "
                          "ORDER BY g.code_key, d.year, d.serial, d.id LIMIT 50;"), "<= 1.5x");
  report ("sort by number, first 50", median_ms (page_only, store, &by_number),
          shell_ms (path, "SELECT d.* FROM decision d JOIN grp g ON g.id = d.group_id "
                          "ORDER BY d.year, g.code_key, d.serial, d.id LIMIT 50;"), "<= 1.5x");
  report ("sort by status, first 50", median_ms (page_only, store, &by_status),
          shell_ms (path, "SELECT * FROM decision ORDER BY status, id LIMIT 50;"), "<= 1.5x");
  report ("filter group + year: count", median_ms (count_only, store, &filtered),
          shell_ms (path, "SELECT count (*) FROM decision WHERE group_id = 4 AND year = 2024;"), "<= 1.5x");
  report ("filter group + year: first 50", median_ms (page_only, store, &filtered),
          shell_ms (path, "SELECT * FROM decision WHERE group_id = 4 AND year = 2024 ORDER BY decided DESC, id DESC LIMIT 50;"),
          "<= 1.5x");

  /* Search as you type, as the page does it: each prefix gives a new list
   * (matches, count) ordered by relevance where that is cheap, and the
   * first rows are shown. The shell's bare query for the same screen is
   * the count and the newest 50 matches. */
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      Query typing = all;
      g_autofree char *what = g_strdup_printf ("type “%s”: page shown (%s)", typed[i].typed, "count + 40 rows");
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM (%s); "
                                              "SELECT * FROM decision WHERE id IN (%s) "
                                              "ORDER BY decided DESC, id DESC LIMIT 50;",
                                              typed[i].ids, typed[i].ids);
      guint matches = 0;

      typing.filter.search = (char *) typed[i].typed;
      typing.sort = SAM_DECISION_SORT_RANK;
      typing.descending = FALSE;
      g_assert_true (sam_store_count_decision_rows (store, &typing.filter, NULL, &matches, NULL));
      report (what, median_ms (first_rows, store, &typing), shell_ms (path, sql), "< 5 ms");
      g_print ("  (%u matches%s)\n", matches, matches > 5000 ? ", shown newest first" : ", best first");
    }
  {
    Query typing = all;

    typing.filter.search = (char *) "vård";
    report ("  “vård”: count", median_ms (count_only, store, &typing),
            shell_ms (path, "SELECT count (*) FROM decision_trgm WHERE decision_trgm MATCH '\"vård\"';"), "<= 1.5x");
    report ("  “vård”: newest 50", median_ms (page_only, store, &typing),
            shell_ms (path, "SELECT * FROM decision WHERE id IN (SELECT rowid FROM decision_trgm "
                            "WHERE decision_trgm MATCH '\"vård\"') ORDER BY decided DESC, id DESC LIMIT 50;"),
            "<= 1.5x");
    report_shell ("  for reference: “vård” by rank, 50",
                  shell_ms (path, "SELECT d.* FROM decision d JOIN decision_trgm ON decision_trgm.rowid = d.id "
                                  "WHERE decision_trgm MATCH '\"vård\"' ORDER BY rank LIMIT 50;"),
                  "(too broad to rank)");
  }
  /* A search is two store queries, as the list runs them: its matches
   * (kept for the count and every page) and then each page, here the 50
   * best by rank. */
  report ("ranked search “väntetider kapacitet”: matches", median_ms (match_only, store, &ranked),
          shell_ms (path, "SELECT rowid FROM decision_trgm WHERE decision_trgm MATCH '\"väntetider\" \"kapacitet\"';"),
          "<= 1.5x");
  ranked.matches = sam_store_match_decisions (store, ranked.filter.search, NULL);
  g_assert_nonnull (ranked.matches);
  report ("  then the 50 best", median_ms (page_only, store, &ranked),
          shell_ms (path, "SELECT d.* FROM decision d JOIN decision_trgm ON decision_trgm.rowid = d.id "
                          "WHERE decision_trgm MATCH '\"väntetider\" \"kapacitet\"' ORDER BY rank LIMIT 50;"),
          "<= 1.5x, < 20 ms");
  g_clear_pointer (&ranked.matches, sam_decision_matches_free);
  report_shell ("  the same with bm25 () in ORDER BY",
                shell_ms (path, "SELECT d.* FROM decision d JOIN decision_trgm ON decision_trgm.rowid = d.id "
                                "WHERE decision_trgm MATCH '\"väntetider\" \"kapacitet\"' "
                                "ORDER BY bm25 (decision_trgm) LIMIT 50;"), "");
  report ("  page shown (matches, count, 40 rows)", median_ms (first_rows, store, &ranked), 0, "< 20 ms");

  /* Opening the register: the sort keys are checked, not recomputed. */
  {
    gint64 open_start = g_get_monotonic_time ();
    g_autoptr(SamStore) again = sam_store_open (path, &error);

    g_assert_no_error (error);
    report ("open the register again", (g_get_monotonic_time () - open_start) / 1000.0, 0, "");
  }

  /* Memory: scroll a view through the whole list; the list keeps a few pages. */
  {
    g_autoptr(SamDecisionList) list = sam_decision_list_new (store);
    g_autoptr(GRand) rand = g_rand_new_with_seed (7);
    guint total = g_list_model_get_n_items (G_LIST_MODEL (list));
    guint max_cached = 0;

    rss_before = rss_kib ();
    for (guint i = 0; i < 200; i++)
      {
        guint position = g_rand_int_range (rand, 0, total);

        g_object_unref (g_list_model_get_item (G_LIST_MODEL (list), position));
        max_cached = MAX (max_cached, sam_decision_list_get_n_cached (list));
      }
    rss_after = rss_kib ();
    g_print ("memory: %u items in the list, at most %u held (%u-row pages), RSS %" G_GUINT64_FORMAT
             " KiB -> %" G_GUINT64_FORMAT " KiB after 200 random jumps\n",
             total, max_cached, sam_decision_list_get_page_size (), rss_before, rss_after);
  }

  g_clear_object (&store);
  if (g_getenv ("SAM_BENCH_KEEP") == NULL)
    sam_test_remove_tree (dir);

  return 0;
}

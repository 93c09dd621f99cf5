/* test-report.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "sam-report.h"
#include "sam-test-util.h"

/*
 * The PDFs are read back with poppler's pdfinfo and pdftotext, which see the
 * document as a reader does: pages, page sizes and the text on each page.
 */

#define N_SECTIONS 40
#define N_TABLE_ROWS 200

static const char *table_headers[] = { "Nummer", "Datum", "Beslut", "Status", NULL };
static const double table_widths[] = { 1.0, 1.0, 4.0, 1.3 };

static const char *
info_value (const char *info,
            const char *key)
{
  const char *line = strstr (info, key);

  g_assert_nonnull (line);
  line += strlen (key);
  while (*line == ' ')
    line++;

  return line;
}

static void
pdf_info (const char *pdf,
          guint      *n_pages,
          double     *width,
          double     *height)
{
  g_autofree char *info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
  char *end;

  *n_pages = (guint) g_ascii_strtoull (info_value (info, "\nPages:"), NULL, 10);
  *width = g_ascii_strtod (info_value (info, "\nPage size:"), &end);
  g_assert_true (g_str_has_prefix (end, " x "));
  *height = g_ascii_strtod (end + 3, NULL);
}

/* The text of each page; pdftotext ends every page with a form feed. */
static GStrv
pdf_pages (const char *pdf)
{
  g_autofree char *text = sam_test_pdf_tool ("pdftotext", pdf, "-layout", NULL);
  GStrv pages = g_strsplit (text, "\f", -1);
  guint n = g_strv_length (pages);

  g_assert_cmpuint (n, >=, 2);
  g_assert_cmpstr (pages[n - 1], ==, "");
  g_free (pages[n - 1]);
  pages[n - 1] = NULL;

  return pages;
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;

  return n;
}

/* Like strstr (), over binary data such as a whole PDF file. */
static gboolean
bytes_contain (const char *bytes,
               gsize       length,
               const char *needle)
{
  gsize n = strlen (needle);

  for (gsize i = 0; i + n <= length; i++)
    if (memcmp (bytes + i, needle, n) == 0)
      return TRUE;

  return FALSE;
}

static int
page_of (GStrv       pages,
         const char *needle)
{
  for (guint i = 0; pages[i] != NULL; i++)
    if (strstr (pages[i], needle) != NULL)
      return i;

  return -1;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
list_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  const char *name;

  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, (gpointer) name);
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);

  return g_strjoinv (" ", (char **) names->pdata);
}

static char *
section_heading (guint i)
{
  return g_strdup_printf ("Avsnitt %02u: %s", i,
                          i % 3 == 0 ? "Samordning och gränsdragning" : "Uppdrag");
}

static char *
sentences (guint n)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    g_string_append (text, "Samordningsrådet samordnar arbetet mellan deltagande förvaltningar och "
                           "aktörer enligt lagen om valfrihet, så att mesta möjliga nytta kommer "
                           "Västra Götalands invånare tillgodo. ");

  return g_string_free (text, FALSE);
}

/* Every heading starts with “Avsnitt”, every table row with “Rad”. Each row
 * has a cell of two lines, the second “r001a”; a row that is a multiple of 7
 * has three, “r007a” to “r007c”. */
static SamReport *
build_long_report (void)
{
  SamReport *report = sam_report_new ();
  const char *bullets[] = {
    "Arbeta för ökad regional samordning så att den samlade kapaciteten används på bästa vis.",
    "Verka för spridning av goda exempel mellan deltagande utförarförvaltningar.",
    "Nominera ordförande och ledamöter till nationella programområden.",
    NULL
  };
  const char *fields[] = {
    "Ansvarsområde:", "Verksamhet samordningsråd anestesi, operation, intensivvård",
    "Uppdragsgivare:", "Karin Looström Muth, hälso- och sjukvårdsutvecklingsdirektör",
    NULL
  };

  sam_report_set_title (report, "Uppdragshandling för samordningsråd anestesi, operation, intensivvård");
  sam_report_set_header (report, "Uppdragshandling", "RS 2024-00784 · 2026-06-16");
  sam_report_set_footer_left (report, "Skriven ut 23 november 2026");

  for (guint i = 1; i <= N_SECTIONS; i++)
    {
      g_autofree char *heading = section_heading (i);
      g_autofree char *text = sentences ((i * 7) % 13 + 1);

      sam_report_add_heading (report, i % 5 == 1 ? 1 : 2, heading);
      switch (i % 4)
        {
        case 0:
          sam_report_add_bullets (report, bullets);
          break;
        case 1:
          sam_report_add_fields (report, fields);
          break;
        default:
          sam_report_add_paragraph (report, text);
          break;
        }
    }

  sam_report_add_heading (report, 1, "Avsnitt 41: Beslutslogg");
  sam_report_add_table (report, 4, table_headers, table_widths);
  for (guint i = 1; i <= N_TABLE_ROWS; i++)
    {
      g_autofree char *number = g_strdup_printf ("Rad %03u", i);
      g_autofree char *text = i % 7 == 0 ? g_strdup_printf ("r%03ua\nr%03ub\nr%03uc", i, i, i)
                                         : g_strdup_printf ("Beslut om regional rutin %03u\nr%03ua", i, i);
      const char *cells[] = { number, "2026-03-14", text, i % 3 ? "Beslutad" : "Eskalerad", NULL };

      sam_report_add_table_row (report, cells);
    }

  sam_report_add_heading (report, 1, "Avsnitt 42: Avslutning");
  sam_report_add_paragraph (report, "Uppdraget skickas till ordförande och koordinator.");

  return report;
}

static void
write_pdf (SamReport  *report,
           const char *path)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_report_write_pdf (report, path, &error));
  g_assert_no_error (error);
}

/* The last non-blank line before the footer, whose line holds “Page”. */
static char *
last_body_line (const char *page)
{
  g_auto(GStrv) lines = g_strsplit (page, "\n", -1);
  int footer = -1;

  for (int i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], "Page ") != NULL)
      footer = i;
  g_assert_cmpint (footer, >, 0);

  for (int i = footer - 1; i >= 0; i--)
    if (*g_strstrip (lines[i]) != '\0')
      return g_strdup (lines[i]);

  return NULL;
}

static void
test_report_long_document (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "uppdragshandling.pdf", NULL);
  g_autoptr(SamReport) report = build_long_report ();
  g_autofree char *info = NULL;
  g_autofree char *all = NULL;
  g_auto(GStrv) pages = NULL;
  guint n_pages;
  double width;
  double height;
  const char *cursor;

  write_pdf (report, pdf);

  pdf_info (pdf, &n_pages, &width, &height);
  g_assert_cmpuint (n_pages, ==, sam_report_get_n_pages (report));
  g_assert_cmpuint (n_pages, >=, 8);
  g_assert_cmpfloat_with_epsilon (width, 595.28, 0.01);
  g_assert_cmpfloat_with_epsilon (height, 841.89, 0.01);

  /* The document information names the document and where it came from. */
  info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
  g_assert_true (g_str_has_prefix (info_value (info, "Title:"),
                                   "Uppdragshandling för samordningsråd anestesi, operation, intensivvård\n"));
  g_assert_true (g_str_has_prefix (info_value (info, "Creator:"), "Samordna\n"));
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *year = g_date_time_format (now, " %Y ");
    g_autofree char *date = g_strndup (info_value (info, "CreationDate:"),
                                       strcspn (info_value (info, "CreationDate:"), "\n"));

    g_assert_nonnull (strstr (date, year));
  }

  /* Headings of levels 1 and 2 are bookmarks (an ASCII title is stored as is). */
  {
    g_autofree char *bytes = NULL;
    gsize length;

    g_assert_true (g_file_get_contents (pdf, &bytes, &length, NULL));
    g_assert_true (bytes_contain (bytes, length, "/Outlines"));
    g_assert_true (bytes_contain (bytes, length, "/Title (Avsnitt 02: Uppdrag)"));
  }

  pages = pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
  all = g_strjoinv ("", pages);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *footer = g_strdup_printf ("Page %u of %u", i + 1, n_pages);

      /* Header and footer on every page, the page number once. */
      g_assert_cmpuint (count_occurrences (pages[i], "Page "), ==, 1);
      g_assert_cmpuint (count_occurrences (pages[i], footer), ==, 1);
      g_assert_nonnull (strstr (pages[i], "Uppdragshandling"));
      g_assert_nonnull (strstr (pages[i], "RS 2024-00784 · 2026-06-16"));
      g_assert_nonnull (strstr (pages[i], "Skriven ut 23 november 2026"));
    }

  /* The headings in order, each once. */
  cursor = all;
  for (guint i = 1; i <= N_SECTIONS; i++)
    {
      g_autofree char *heading = section_heading (i);
      const char *found = strstr (cursor, heading);

      g_assert_nonnull (found);
      g_assert_cmpuint (count_occurrences (all, heading), ==, 1);
      cursor = found;
    }
  cursor = strstr (cursor, "Avsnitt 41: Beslutslogg");
  g_assert_nonnull (cursor);

  /* The rows in order, each once, after their heading. */
  for (guint i = 1; i <= N_TABLE_ROWS; i++)
    {
      g_autofree char *number = g_strdup_printf ("Rad %03u", i);
      const char *found = strstr (cursor, number);

      g_assert_nonnull (found);
      g_assert_cmpuint (count_occurrences (all, number), ==, 1);
      cursor = found;

      /* No row is split: its lines are on the page of its number. */
      for (char c = 'a'; c <= (i % 7 == 0 ? 'c' : 'a'); c++)
        {
          g_autofree char *line = g_strdup_printf ("r%03u%c", i, c);

          g_assert_cmpint (page_of (pages, line), ==, page_of (pages, number));
        }
    }
  g_assert_nonnull (strstr (cursor, "Avsnitt 42: Avslutning"));

  for (guint i = 0; i < n_pages; i++)
    {
      const char *first_row = strstr (pages[i], "Rad ");
      g_autofree char *last = last_body_line (pages[i]);

      /* The table header repeats above the rows on every page they reach. */
      if (first_row != NULL)
        {
          const char *header = strstr (pages[i], "Nummer");

          g_assert_nonnull (header);
          g_assert_true (header < first_row);
          g_assert_cmpuint (count_occurrences (pages[i], "Nummer"), ==, 1);
          g_assert_nonnull (strstr (header, "Status"));
        }

      /* A heading is never the last thing on a page. */
      g_assert_nonnull (last);
      if (i + 1 < n_pages)
        g_assert_null (strstr (last, "Avsnitt"));
    }

  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_true (sam_test_remove_tree (dir));
}

/* Whatever space is left above it, a heading starts on the page where the
 * paragraph after it starts, and a paragraph keeps two lines on each side
 * of a page break. */
static void
test_report_keep_with_next (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "keep.pdf", NULL);
  guint split_paragraphs = 0;
  guint moved_headings = 0;

  for (double space = 600; space <= 760; space += 4)
    {
      g_autoptr(SamReport) report = sam_report_new ();
      g_auto(GStrv) pages = NULL;
      int heading_page;

      sam_report_add_paragraph (report, "Början");
      sam_report_add_spacer (report, space);
      sam_report_add_heading (report, 2, "Avsnitt 1: Mötesfrekvens");
      sam_report_add_paragraph (report, "Inledning 1\nInledning 2\nInledning 3\nInledning 4\nInledning 5\nInledning 6");
      write_pdf (report, pdf);
      pages = pdf_pages (pdf);

      heading_page = page_of (pages, "Avsnitt 1");
      g_assert_cmpint (heading_page, ==, page_of (pages, "Inledning 1"));
      g_assert_cmpint (page_of (pages, "Inledning 2"), ==, page_of (pages, "Inledning 1"));
      g_assert_cmpint (page_of (pages, "Inledning 5"), ==, page_of (pages, "Inledning 6"));
      if (page_of (pages, "Inledning 1") != page_of (pages, "Inledning 6"))
        split_paragraphs++;
      if (heading_page > 0)
        moved_headings++;
    }

  /* The sweep did cross the page bottom in both ways. */
  g_assert_cmpuint (split_paragraphs, >, 0);
  g_assert_cmpuint (moved_headings, >, 0);

  g_assert_true (sam_test_remove_tree (dir));
}

/* A word in a table cell stays whole: the narrow “Role” column of a
 * person's list of roles used to come out as “Förvaltningsch-ef”. The
 * columns give way to the longest word in them, and a word that cannot fit
 * at all breaks without a hyphen. */
static void
test_report_table_whole_words (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "words.pdf", NULL);
  g_autoptr(SamReport) report = sam_report_new ();
  static const double widths[] = { 3.0, 1.6, 2.2, 1.8, 2.2 };
  const char *headers[] = { "Grupp", "Roll", "Företräder", "Utsedd av", "Mandattid", NULL };
  const char *row[] = { "Samordningsrådet för hälsa och omsorg", "Förvaltningschef",
                        "Hälso- och sjukvårdsförvaltningen", "Regiondirektören",
                        "2025-01-01 – 2026-12-31", NULL };
  const char *other[] = { "Samordningsrådet", "Samordningsråd", "–", "–", "2024-01-01 –", NULL };
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  sam_report_add_table (report, 5, headers, widths);
  sam_report_add_table_row (report, row);
  sam_report_add_table_row (report, other);
  write_pdf (report, pdf);

  text = sam_test_pdf_tool ("pdftotext", pdf, "-raw", NULL);
  g_assert_null (strstr (text, "-\n"));
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Förvaltningschef"));
  g_assert_nonnull (strstr (flat, "Samordningsråd "));
  g_assert_nonnull (strstr (flat, "Regiondirektören"));
  g_assert_nonnull (strstr (flat, "sjukvårdsförvaltningen"));

  g_assert_true (sam_test_remove_tree (dir));
}

/* A table row taller than a page is the one row that is broken, between
 * lines, with the header again above its continuation. */
static void
test_report_tall_row (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "tall.pdf", NULL);
  g_autoptr(SamReport) report = sam_report_new ();
  g_autoptr(GString) tall = g_string_new (NULL);
  g_auto(GStrv) pages = NULL;
  g_autofree char *all = NULL;
  const char *row1[] = { "Rad 1", "2026-01-10", "Kort", "Beslutad", NULL };
  const char *row3[] = { "Rad 3", "2026-01-12", "Kort", "Beslutad", NULL };
  const char *cursor;

  for (guint i = 1; i <= 150; i++)
    g_string_append_printf (tall, "%slinje %03u", i > 1 ? "\n" : "", i);

  sam_report_add_table (report, 4, table_headers, table_widths);
  sam_report_add_table_row (report, row1);
  {
    const char *row2[] = { "Rad 2", "2026-01-11", tall->str, "Beslutad", NULL };

    sam_report_add_table_row (report, row2);
  }
  sam_report_add_table_row (report, row3);
  write_pdf (report, pdf);

  pages = pdf_pages (pdf);
  g_assert_cmpuint (g_strv_length (pages), >=, 2);
  all = g_strjoinv ("", pages);
  cursor = strstr (all, "Rad 2");
  g_assert_nonnull (cursor);
  for (guint i = 1; i <= 150; i++)
    {
      g_autofree char *line = g_strdup_printf ("linje %03u", i);
      const char *found = strstr (cursor, line);

      g_assert_nonnull (found);
      g_assert_cmpuint (count_occurrences (all, line), ==, 1);
      cursor = found;
    }
  g_assert_nonnull (strstr (cursor, "Rad 3"));

  for (guint i = 0; pages[i] != NULL; i++)
    {
      const char *line = strstr (pages[i], "linje ");

      if (line != NULL)
        {
          const char *header = strstr (pages[i], "Nummer");

          g_assert_nonnull (header);
          g_assert_true (header < line);
        }
    }
  g_assert_cmpint (page_of (pages, "linje 001"), <, page_of (pages, "linje 150"));

  g_assert_finalize_object (g_steal_pointer (&report));
  g_assert_true (sam_test_remove_tree (dir));
}

static void
test_report_paper (void)
{
  static const struct {
    SamPaper paper;
    gboolean landscape;
    double   width;
    double   height;
  } cases[] = {
    { SAM_PAPER_A4, FALSE, 595.28, 841.89 },
    { SAM_PAPER_A4, TRUE, 841.89, 595.28 },
    { SAM_PAPER_A3, FALSE, 841.89, 1190.55 },
    { SAM_PAPER_A3, TRUE, 1190.55, 841.89 },
  };
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *pdf = g_build_filename (dir, "paper.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamReport) report = build_long_report ();
      g_auto(GStrv) pages = NULL;
      guint n_pages;
      double width;
      double height;

      sam_report_set_paper (report, cases[i].paper, cases[i].landscape);
      sam_report_get_page_size (report, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.01);

      write_pdf (report, pdf);
      pdf_info (pdf, &n_pages, &width, &height);
      g_assert_cmpfloat_with_epsilon (width, cases[i].width, 0.01);
      g_assert_cmpfloat_with_epsilon (height, cases[i].height, 0.01);

      pages = pdf_pages (pdf);
      g_assert_cmpuint (g_strv_length (pages), ==, n_pages);
      g_assert_nonnull (strstr (pages[n_pages - 1], "Rad 200"));
    }

  g_assert_true (sam_test_remove_tree (dir));
}

static char *
write_old_file (const char *dir)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "report.pdf", NULL);

  g_file_set_contents (path, "old contents\n", -1, &error);
  g_assert_no_error (error);

  return path;
}

static void
assert_old_file (const char *path)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "old contents\n");
}

static void
test_report_atomic_missing_dir (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *old = write_old_file (dir);
  g_autofree char *path = g_build_filename (dir, "saknas", "report.pdf", NULL);
  g_autoptr(SamReport) report = build_long_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_false (sam_report_write_pdf (report, path, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "report.pdf"));

  assert_old_file (old);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
  g_assert_true (sam_test_remove_tree (dir));
}

/* The rename is the last step that can fail; the temporary file must go. */
static void
test_report_atomic_rename_fails (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *old = write_old_file (dir);
  g_autofree char *target = g_build_filename (dir, "mapp.pdf", NULL);
  g_autofree char *inside = g_build_filename (target, "kvar", NULL);
  g_autoptr(SamReport) report = build_long_report ();
  g_autoptr(GError) error = NULL;
  g_autofree char *listing = NULL;

  g_assert_cmpint (g_mkdir (target, 0755), ==, 0);
  g_assert_true (g_file_set_contents (inside, "", -1, NULL));

  g_assert_false (sam_report_write_pdf (report, target, &error));
  g_assert_nonnull (error);
  g_assert_true (error->domain == G_IO_ERROR);

  g_assert_true (g_file_test (inside, G_FILE_TEST_EXISTS));
  assert_old_file (old);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "mapp.pdf report.pdf");
  g_assert_true (sam_test_remove_tree (dir));
}

/* A write that fails halfway (here: the file size limit, which binds root
 * too) leaves the old file as it was and no temporary file behind. */
static void
test_report_atomic_write_fails (void)
{
  g_autofree char *dir = NULL;
  g_autofree char *old = NULL;
  g_autofree char *listing = NULL;

  if (g_test_subprocess ())
    {
      g_autoptr(SamReport) report = build_long_report ();
      g_autoptr(GError) error = NULL;
      struct rlimit limit = { 4096, 4096 };

      signal (SIGXFSZ, SIG_IGN);
      g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
      g_assert_false (sam_report_write_pdf (report, g_getenv ("SAM_TEST_REPORT_PATH"), &error));
      g_assert_true (error->domain == G_IO_ERROR && strstr (error->message, "report.pdf") != NULL);
      return;
    }

  dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  old = write_old_file (dir);
  g_setenv ("SAM_TEST_REPORT_PATH", old, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  assert_old_file (old);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
  g_assert_true (sam_test_remove_tree (dir));
}

static void
test_report_atomic_read_only (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *old = write_old_file (dir);
  g_autoptr(SamReport) report = build_long_report ();
  g_autoptr(GError) error = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("root may write to a read-only directory");
      g_assert_true (sam_test_remove_tree (dir));
      return;
    }

  g_assert_cmpint (g_chmod (dir, 0555), ==, 0);
  g_assert_false (sam_report_write_pdf (report, old, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  assert_old_file (old);
  g_assert_cmpint (g_chmod (dir, 0755), ==, 0);
  g_assert_true (sam_test_remove_tree (dir));
}

static void
test_report_replace (void)
{
  g_autofree char *dir = sam_test_make_tmp_dir ("test-report-XXXXXX");
  g_autofree char *old = write_old_file (dir);
  g_autoptr(SamReport) report = build_long_report ();
  g_autofree char *contents = NULL;
  g_autofree char *listing = NULL;
  gsize length;

  write_pdf (report, old);
  g_assert_true (g_file_get_contents (old, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  g_assert_cmpuint (length, >, 10000);
  listing = list_dir (dir);
  g_assert_cmpstr (listing, ==, "report.pdf");
  g_assert_true (sam_test_remove_tree (dir));
}

static gboolean
is_white (const guint8 *row,
          int           x)
{
  return *(const guint32 *) (row + 4 * x) == 0xffffffff;
}

/* Drawn onto a bitmap, every page keeps inside its margins; and the bitmap
 * gets the same pages as a device-less pagination. */
static void
test_report_render_margins (void)
{
  g_autoptr(SamReport) report = build_long_report ();
  const double margin = 40.0;
  cairo_surface_t *surface;
  cairo_t *cr;
  guint n_pages;
  guint device_less_pages;
  double width;
  double height;
  int stride;

  device_less_pages = sam_report_paginate (report, NULL);
  sam_report_get_page_size (report, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  cr = cairo_create (surface);

  n_pages = sam_report_paginate (report, cr);
  g_assert_cmpuint (n_pages, ==, device_less_pages);

  sam_report_set_margins (report, margin, margin, margin, margin);
  n_pages = sam_report_paginate (report, cr);
  stride = cairo_image_surface_get_stride (surface);

  for (guint page = 0; page < n_pages; page++)
    {
      const guint8 *data;
      guint inside = 0;

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      sam_report_render_page (report, cr, page);
      cairo_surface_flush (surface);
      data = cairo_image_surface_get_data (surface);

      for (int y = 0; y < cairo_image_surface_get_height (surface); y++)
        for (int x = 0; x < cairo_image_surface_get_width (surface); x++)
          {
            /* A pixel of slack for antialiasing at the edges. */
            gboolean outside = x < margin - 1 || y < margin - 1 ||
                               x > width - margin + 1 || y > height - margin + 1;

            if (outside)
              g_assert_true (is_white (data + y * stride, x));
            else if (!is_white (data + y * stride, x))
              inside++;
          }
      g_assert_cmpuint (inside, >, 1000);
    }

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_assert_finalize_object (g_steal_pointer (&report));
}

static void
test_report_paginate (void)
{
  g_autoptr(SamReport) report = sam_report_new ();
  g_autofree char *long_text = sentences (60);
  guint before;

  /* An empty report is one page with its header and footer. */
  g_assert_cmpuint (sam_report_get_n_pages (report), ==, 1);

  /* A break on an empty page, or a second break, adds no page. */
  sam_report_add_page_break (report);
  sam_report_add_paragraph (report, "Första sidan");
  sam_report_add_page_break (report);
  sam_report_add_page_break (report);
  sam_report_add_paragraph (report, "Andra sidan");
  sam_report_add_page_break (report);
  g_assert_cmpuint (sam_report_get_n_pages (report), ==, 2);
  g_assert_cmpuint (sam_report_paginate (report, NULL), ==, 2);

  /* Adding a block invalidates the pages. */
  before = sam_report_get_n_pages (report);
  sam_report_add_paragraph (report, long_text);
  sam_report_add_markup (report, "<b>Mötesfrekvens:</b> 4 till <i>maximalt</i> 8 ggr/år.");
  g_assert_cmpuint (sam_report_get_n_pages (report), >, before);

  g_assert_finalize_object (g_steal_pointer (&report));
}

/* Bad markup is a programming error, but its text is still printed. In a
 * subprocess, as GLib 2.74 cannot expect a structured log message. */
static void
test_report_invalid_markup (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(SamReport) report = sam_report_new ();

      /* g_test_init () made criticals fatal; here one is expected. */
      g_log_set_always_fatal (G_LOG_FATAL_MASK);
      sam_report_add_markup (report, "<b>ej stängd");
      g_assert_cmpuint (sam_report_get_n_pages (report), ==, 1);
      g_assert_finalize_object (g_steal_pointer (&report));
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stderr ("*CRITICAL*invalid markup*");
}

int
main (int   argc,
      char *argv[])
{
  int status;
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/pdf/long-document", test_report_long_document);
  g_test_add_func ("/report/pdf/keep-with-next", test_report_keep_with_next);
  g_test_add_func ("/report/pdf/tall-row", test_report_tall_row);
  g_test_add_func ("/report/pdf/table-whole-words", test_report_table_whole_words);
  g_test_add_func ("/report/pdf/paper", test_report_paper);
  g_test_add_func ("/report/pdf/replace", test_report_replace);
  g_test_add_func ("/report/pdf/atomic/missing-dir", test_report_atomic_missing_dir);
  g_test_add_func ("/report/pdf/atomic/rename-fails", test_report_atomic_rename_fails);
  g_test_add_func ("/report/pdf/atomic/write-fails", test_report_atomic_write_fails);
  g_test_add_func ("/report/pdf/atomic/read-only", test_report_atomic_read_only);
  g_test_add_func ("/report/render/margins", test_report_render_margins);
  g_test_add_func ("/report/paginate", test_report_paginate);
  g_test_add_func ("/report/markup/invalid", test_report_invalid_markup);

  status = g_test_run ();

  /* Free the fonts and their fontconfig patterns, which would otherwise
   * count as leaks under LeakSanitizer. */
  pango_cairo_font_map_set_default (NULL);

  return status;
}

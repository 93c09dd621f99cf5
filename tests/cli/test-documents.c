/* test-documents.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <glib/gstdio.h>

#include "sam-cli.h"
#include "sam-clock.h"
#include "sam-commission-doc.h"
#include "sam-demo.h"
#include "sam-report.h"
#include "sam-store-structure.h"
#include "sam-group.h"
#include "sam-test-util.h"

/*
 * The documents the region files and publishes, made from the demo register
 * as the command line makes them (sam_cli_run() with the options of
 * `samordna --demo --export-…`), in Swedish, and read back: pdfinfo for the
 * document information and “Tagged: yes”, pdftotext for what a reader sees,
 * and tests/cli/check-pdf-structure.py (pikepdf) for the structure tree a
 * screen reader walks: its headings and table header cells.
 */

/* The demo meeting of the anaesthesia council on 23 April 2026, where
 * AOI 2026:7 was decided. */
#define DEMO_MEETING "56c7271c-bc9f-4037-9d21-3a8e1a32abb2"

typedef struct
{
  char *dir;
} Fixture;

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->dir = sam_test_make_tmp_dir ("test-documents-XXXXXX");
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_assert_true (sam_test_remove_tree (fixture->dir));
  g_free (fixture->dir);
}

/* Runs `samordna --demo --OPTION PATH` with the further string options
 * given as name, value pairs, ending with %NULL. */
static int
run_cli (const char *option,
         const char *path,
         ...)
{
  g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
  const char *name;
  va_list args;

  g_variant_dict_insert (options, "demo", "b", TRUE);
  g_variant_dict_insert_value (options, option, g_variant_new_bytestring (path));
  va_start (args, path);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const char *value = va_arg (args, const char *);

      if (g_str_equal (name, "year"))
        g_variant_dict_insert (options, name, "i", atoi (value));
      else
        g_variant_dict_insert (options, name, "s", value);
    }
  va_end (args);

  return sam_cli_run (options);
}

/* The value of @key in pdfinfo's output, to the end of its line. */
static char *
info_value (const char *info,
            const char *key)
{
  g_autofree char *needle = g_strdup_printf ("\n%s:", key);
  const char *line = strstr (info, needle);
  const char *end;

  if (line == NULL && g_str_has_prefix (info, needle + 1))
    line = info - 1;
  if (line == NULL)
    return NULL;
  line += strlen (needle);
  while (*line == ' ')
    line++;
  end = strchr (line, '\n');

  return g_strndup (line, end != NULL ? (gsize) (end - line) : strlen (line));
}

/* How many elements of @type with content the structure tree holds. */
static guint
structure_count (const char *structure,
                 const char *type)
{
  g_auto(GStrv) lines = g_strsplit (structure, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 2);

      if (g_strv_length (words) == 2 && g_str_equal (words[0], type))
        return (guint) g_ascii_strtoull (words[1], NULL, 10);
    }

  return 0;
}

static char *
read_structure (const char *pdf)
{
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "check-pdf-structure.py", NULL);

  return sam_test_pdf_tool ("/usr/bin/python3", pdf, script, NULL);
}

/* Checks what every PDF of the app must have: tagged, with a structure
 * tree of headings and @cell elements, and its title, author (the demo's
 * region), subject and creator, and a Swedish page number. */
static void
assert_accessible_pdf (const char *pdf,
                       const char *cell)
{
  g_autofree char *info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
  g_autofree char *tagged = info_value (info, "Tagged");
  g_autofree char *author = info_value (info, "Author");
  g_autofree char *title = info_value (info, "Title");
  g_autofree char *subject = info_value (info, "Subject");
  g_autofree char *creator = info_value (info, "Creator");
  g_autofree char *structure = read_structure (pdf);

  g_test_message ("%s:\n%s", pdf, structure);
  g_assert_cmpstr (tagged, ==, "yes");
  g_assert_cmpstr (author, ==, "Västra regionen");
  g_assert_nonnull (title);
  g_assert_cmpstr (title, !=, "");
  g_assert_nonnull (subject);
  g_assert_cmpstr (subject, !=, "");
  g_assert_cmpstr (creator, ==, "Samordna");

  g_assert_true (g_str_has_prefix (structure, "marked yes\n"));
  g_assert_cmpuint (structure_count (structure, "Document"), ==, 1);
  g_assert_cmpuint (structure_count (structure, "H1"), >, 0);
  g_assert_cmpuint (structure_count (structure, cell), >, 0);
}

static void
assert_page_numbers (const char *pdf)
{
  g_autofree char *text = sam_test_pdf_tool ("pdftotext", pdf, NULL);

  g_assert_nonnull (strstr (text, "Sida 1 av "));
}

static void
test_tagged_reports (Fixture       *fixture,
                     gconstpointer  data)
{
  struct {
    const char *option;
    const char *file;
    const char *name;
    const char *value;
  } kinds[] = {
    { "export-commission", "uppdragshandling.pdf", "group", "AOI" },
    { "export-agenda", "dagordning.pdf", "meeting", DEMO_MEETING },
    { "export-minutes", "minnesanteckningar.pdf", "meeting", DEMO_MEETING },
    { "export-decisions", "beslutslogg.pdf", "group", "AOI" },
  };
  char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      g_autofree char *pdf = g_build_filename (fixture->dir, kinds[i].file, NULL);

      g_assert_cmpint (run_cli (kinds[i].option, pdf, kinds[i].name, kinds[i].value, NULL), ==, 0);
      assert_accessible_pdf (pdf, "TH");
      assert_page_numbers (pdf);

      /* Each document carries the registry number of the commission it is
       * filed with: the joint meeting's of both councils. */
      text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
      g_assert_nonnull (strstr (text, "Diarienummer RS 2024-00784"));
      if (g_str_equal (kinds[i].name, "meeting"))
        g_assert_nonnull (strstr (text, "Diarienummer RS 2024-00785"));
      g_clear_pointer (&text, g_free);
    }
}

/* A person's list of roles is made in the window only, from the same core
 * document. */
static void
test_tagged_person_roles (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autofree char *demo_dir = NULL;
  g_autofree char *pdf = g_build_filename (fixture->dir, "roller.pdf", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&demo_dir, &error);
  g_autoptr(SamPerson) person = NULL;
  g_autoptr(SamReport) report = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  person = sam_store_find_person_by_name (store, "Peter Ahlberg", &error);
  g_assert_no_error (error);
  g_assert_nonnull (person);
  report = sam_person_roles_doc_new (store, sam_person_get_uuid (person), NULL, &error);
  g_assert_no_error (error);
  g_assert_true (sam_report_write_pdf (report, pdf, &error));
  g_assert_no_error (error);

  assert_accessible_pdf (pdf, "TH");
  assert_page_numbers (pdf);
  text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
  g_assert_nonnull (strstr (text, "Uttaget 2026-12-08"));

  g_clear_object (&report);
  g_assert_finalize_object (g_steal_pointer (&store));
  sam_demo_remove (demo_dir);
}

/* The chart is a figure under a heading. */
static void
test_tagged_chart (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "organisation.pdf", NULL);

  g_assert_cmpint (run_cli ("export-chart", pdf, NULL), ==, 0);
  assert_accessible_pdf (pdf, "Figure");
}

/* An entry of the decision log, its heading and its fields, stays on one
 * page: the log of every demo decision used to leave “Uppföljning:” or
 * “Status:” at the top of a page, away from the decision they belong to.
 * The log also says when it was taken out of the register, and a group's
 * log carries its commission's registry number. */
static void
test_decision_log_entries (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "beslutslogg.pdf", NULL);
  g_autofree char *group_pdf = g_build_filename (fixture->dir, "beslutslogg-aoi.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *group_text = NULL;
  g_autoptr(GRegex) field = g_regex_new ("^ *(Datum|Grupp|Mandat|Status|Ansvarig|Uppföljning|Ersätter|Ersatt av):",
                                         0, 0, NULL);
  g_autoptr(GRegex) entry = g_regex_new ("^ *[A-ZÅÄÖ]+ [0-9]{4}:[0-9]+ ", 0, 0, NULL);
  g_auto(GStrv) pages = NULL;
  guint n_fields = 0;
  g_assert_cmpint (run_cli ("export-decisions", pdf, NULL), ==, 0);
  text = sam_test_pdf_tool ("pdftotext", pdf, "-layout", NULL);
  pages = g_strsplit (text, "\f", -1);
  g_assert_cmpuint (g_strv_length (pages), >, 3);

  for (guint p = 0; pages[p] != NULL; p++)
    {
      g_auto(GStrv) lines = g_strsplit (pages[p], "\n", -1);
      gboolean seen_entry = FALSE;

      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_regex_match (entry, lines[i], 0, NULL))
            seen_entry = TRUE;
          else if (g_regex_match (field, lines[i], 0, NULL))
            {
              if (!seen_entry)
                g_error ("Page %u starts with a field of the entry on the page before: %s", p + 1, lines[i]);
              n_fields++;
            }
        }
    }
  g_assert_cmpuint (n_fields, >, 100);
  for (guint p = 0; pages[p + 1] != NULL; p++)
    g_assert_nonnull (strstr (pages[p], "Uttaget 2026-12-08"));

  g_assert_cmpint (run_cli ("export-decisions", group_pdf, "group", "AOI", NULL), ==, 0);
  group_text = sam_test_pdf_tool ("pdftotext", group_pdf, NULL);
  g_assert_nonnull (strstr (group_text, "Diarienummer RS 2024-00784"));
  g_assert_nonnull (strstr (group_text, "Uttaget 2026-12-08"));
}

/* Splits CSV text (any separator, RFC 4180 quoting) into rows of cells. */
static GPtrArray *
parse_csv (const char *text,
           char        separator)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GPtrArray *row = g_ptr_array_new_with_free_func (g_free);
  GString *cell = g_string_new ("");
  const char *p = text;
  gboolean quoted = FALSE;

  if (g_str_has_prefix (p, "\xEF\xBB\xBF"))
    p += 3;
  for (; *p != '\0'; p++)
    {
      if (quoted)
        {
          if (*p == '"' && p[1] == '"')
            {
              g_string_append_c (cell, '"');
              p++;
            }
          else if (*p == '"')
            quoted = FALSE;
          else
            g_string_append_c (cell, *p);
        }
      else if (*p == '"')
        quoted = TRUE;
      else if (*p == separator)
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
        }
      else if (*p == '\r' && p[1] == '\n')
        continue;
      else if (*p == '\n')
        {
          g_ptr_array_add (row, g_strdup (cell->str));
          g_string_truncate (cell, 0);
          g_ptr_array_add (rows, row);
          row = g_ptr_array_new_with_free_func (g_free);
        }
      else
        g_string_append_c (cell, *p);
    }
  if (cell->len > 0 || row->len > 0)
    {
      g_ptr_array_add (row, g_strdup (cell->str));
      g_ptr_array_add (rows, row);
    }
  else
    g_ptr_array_unref (row);
  g_string_free (cell, TRUE);

  return rows;
}

static const char *
cell_at (GPtrArray *rows,
         guint      r,
         guint      c)
{
  GPtrArray *row = g_ptr_array_index (rows, r);

  return c < row->len ? g_ptr_array_index (row, c) : NULL;
}

/* The demo's groups established on @as_of, as the list must hold them. */
static guint
count_groups (const char *as_of)
{
  g_autofree char *demo_dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&demo_dir, &error);
  g_autoptr(GListModel) groups = NULL;
  guint n = 0;

  g_assert_no_error (error);
  groups = sam_store_list_groups (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (sam_group_get_established (group) == NULL || strcmp (sam_group_get_established (group), as_of) <= 0)
        n++;
    }
  g_clear_object (&groups);
  g_assert_finalize_object (g_steal_pointer (&store));
  sam_demo_remove (demo_dir);

  return n;
}

static GPtrArray *
find_row (GPtrArray  *rows,
          guint       column,
          const char *value)
{
  for (guint r = 0; r < rows->len; r++)
    if (g_strcmp0 (cell_at (rows, r, column), value) == 0)
      return g_ptr_array_index (rows, r);

  return NULL;
}

/* The register keeper's list as CSV: a header row, then one row per group
 * established by the day asked for, each with its twelve columns, in the
 * order of the tree. */
static void
test_group_list_csv (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *csv = g_build_filename (fixture->dir, "grupper.csv", NULL);
  g_autofree char *early = g_build_filename (fixture->dir, "grupper-2024.csv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) early_rows = NULL;
  GPtrArray *aoi;
  static const char *header[] = { "Nivå", "Kortkod", "Namn", "Typ", "Överordnad", "Ordförande", "Kontaktperson",
                                  "Koordinator", "Diarienummer", "Uppdragets datum", "Inrättad", "Avvecklad" };

  g_assert_cmpint (run_cli ("export-group-list", csv, "as-of", "2026-06-30", NULL), ==, 0);
  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  rows = parse_csv (text, ';');
  g_assert_cmpuint (rows->len, ==, 1 + count_groups ("2026-06-30"));
  for (guint c = 0; c < G_N_ELEMENTS (header); c++)
    g_assert_cmpstr (cell_at (rows, 0, c), ==, header[c]);
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, G_N_ELEMENTS (header));

  /* The top group first, then each group under its parent. */
  g_assert_cmpstr (cell_at (rows, 1, 0), ==, "1");
  g_assert_cmpstr (cell_at (rows, 1, 1), ==, "KLHS");
  aoi = find_row (rows, 1, "AOI");
  g_assert_nonnull (aoi);
  g_assert_cmpstr (g_ptr_array_index (aoi, 0), ==, "3");
  g_assert_cmpstr (g_ptr_array_index (aoi, 2), ==, "Samordningsråd anestesi, operation, intensivvård");
  g_assert_cmpstr (g_ptr_array_index (aoi, 3), ==, "Samordningsråd");
  g_assert_cmpstr (g_ptr_array_index (aoi, 4), ==, "LGHS");
  g_assert_cmpstr (g_ptr_array_index (aoi, 5), ==, "Katarina Nordström");
  g_assert_cmpstr (g_ptr_array_index (aoi, 6), ==, "Amra Andreasson");
  g_assert_cmpstr (g_ptr_array_index (aoi, 7), ==, "Ingrid Abrahamsson");
  g_assert_cmpstr (g_ptr_array_index (aoi, 8), ==, "RS 2024-00784");
  g_assert_cmpstr (g_ptr_array_index (aoi, 9), ==, "2026-06-16");
  g_assert_cmpstr (g_ptr_array_index (aoi, 10), ==, "2019-09-01");
  g_assert_cmpstr (g_ptr_array_index (aoi, 11), ==, "");
  g_assert_cmpstr (((char **) find_row (rows, 1, "PV-EUEES")->pdata)[11], ==, "2026-03-31");
  g_assert_cmpstr (((char **) find_row (rows, 1, "AOI-OP")->pdata)[4], ==, "AOI");

  /* Before the operating capacity subgroup was established. */
  g_assert_cmpint (run_cli ("export-group-list", early, "as-of", "2024-01-01", NULL), ==, 0);
  g_clear_pointer (&text, g_free);
  g_assert_true (g_file_get_contents (early, &text, NULL, NULL));
  early_rows = parse_csv (text, ';');
  g_assert_cmpuint (early_rows->len, ==, 1 + count_groups ("2024-01-01"));
  g_assert_cmpuint (early_rows->len, <, rows->len);
  g_assert_null (find_row (early_rows, 1, "AOI-OP"));
  g_assert_nonnull (find_row (early_rows, 1, "AOI"));
}

/* LibreOffice Calc opens the list as a Swedish user's does (semicolons,
 * UTF-8 from the byte order mark) and writes it back with commas: one row
 * per group and the header, twelve columns each, å, ä and ö intact. */
static void
test_group_list_libreoffice (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *csv = g_build_filename (fixture->dir, "grupper.csv", NULL);
  g_autofree char *outdir = g_build_filename (fixture->dir, "converted", NULL);
  g_autofree char *profile = g_build_filename (fixture->dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *converted = g_build_filename (outdir, "grupper.csv", NULL);
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  /* Import: ; " UTF-8 from line 1, sv-SE. Export: , " UTF-8. */
  const char *argv[] = {
    soffice, env, "--headless", "--norestore",
    "--infilter=CSV:59,34,76,1,,1053,false,true,false,false,false,-1,true",
    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1053,true,true",
    "--outdir", outdir, csv, NULL
  };

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: apt-get install libreoffice-calc-nogui): "
                   "the CSV is not checked in a real spreadsheet");
      return;
    }

  g_assert_cmpint (run_cli ("export-group-list", csv, NULL), ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("soffice: %s %s", out, err);
  g_assert_true (g_file_get_contents (converted, &text, NULL, &error));
  g_assert_no_error (error);

  rows = parse_csv (text, ',');
  g_assert_cmpuint (rows->len, ==, 1 + count_groups ("2026-12-08") );
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 12);
  g_assert_cmpstr (cell_at (rows, 0, 0), ==, "Nivå");
  g_assert_cmpstr (cell_at (rows, 0, 4), ==, "Överordnad");
  g_assert_nonnull (find_row (rows, 2, "Samordningsråd anestesi, operation, intensivvård"));
}

/* The list as a landscape PDF, and what the command line refuses. */
static void
test_group_list_pdf (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "grupper.pdf", NULL);
  g_autofree char *odt = g_build_filename (fixture->dir, "grupper.odt", NULL);
  g_autofree char *info = NULL;
  g_autofree char *size = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (run_cli ("export-group-list", pdf, "as-of", "2026-06-30", NULL), ==, 0);
  assert_accessible_pdf (pdf, "TH");
  assert_page_numbers (pdf);
  info = sam_test_pdf_tool ("pdfinfo", pdf, NULL);
  size = info_value (info, "Page size");
  g_assert_true (g_str_has_prefix (size, "841.89 x 595.28"));
  text = sam_test_pdf_tool ("pdftotext", pdf, "-layout", NULL);
  g_assert_nonnull (strstr (text, "Förteckning över koncernövergripande grupper"));
  g_assert_nonnull (strstr (text, "Grupperna per 2026-06-30"));
  g_assert_nonnull (strstr (text, "Uttaget 2026-12-08"));
  g_assert_nonnull (strstr (text, "Nordström"));
  g_assert_nonnull (strstr (text, "RS 2024-00784"));

  g_assert_cmpint (run_cli ("export-group-list", pdf, "as-of", "30 juni", NULL), ==, 1);
  g_assert_cmpint (run_cli ("export-group-list", odt, NULL), ==, 1);
  g_assert_false (g_file_test (odt, G_FILE_TEST_EXISTS));
}

/* The extract from the minutes of AOI 2026:7 holds that decision and no
 * other: not KIR 2026:2, made under the same item of the same joint
 * meeting. */
static void
test_extract (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "protokollsutdrag.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;
  g_autoptr(GRegex) numbers = g_regex_new ("[A-ZÅÄÖ][A-ZÅÄÖ-]* [0-9]{4}:[0-9]+", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  guint n_numbers = 0;

  g_assert_cmpint (run_cli ("export-extract", pdf, "decision", "AOI 2026:7", NULL), ==, 0);
  assert_accessible_pdf (pdf, "TH");
  assert_page_numbers (pdf);

  text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_test_message ("%s", text);
  for (g_regex_match (numbers, text, 0, &match); g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *number = g_match_info_fetch (match, 0);

      g_assert_cmpstr (number, ==, "AOI 2026:7");
      n_numbers++;
    }
  g_assert_cmpuint (n_numbers, >=, 1);
  g_assert_nonnull (strstr (flat, "Protokollsutdrag"));
  g_assert_nonnull (strstr (flat, "Diarienummer RS 2024-00784"));
  g_assert_nonnull (strstr (flat, "23 april 2026"));
  g_assert_nonnull (strstr (flat, "§ 2"));
  g_assert_nonnull (strstr (flat, "Deltagarnas linjemandat"));
  g_assert_nonnull (strstr (flat, "Peter Ahlberg, undergrupp operationskapacitet"));
  g_assert_nonnull (strstr (flat, "2026-09-17"));
  g_assert_nonnull (strstr (flat, "akut kirurgi och cancerkirurgi prioriteras"));
  g_assert_nonnull (strstr (flat, "Rätt utdraget intygar"));
  g_assert_nonnull (strstr (flat, "Katarina Nordström, ordförande"));
  g_assert_null (strstr (flat, "Mehmet Dahlberg, ordförande"));

  g_assert_cmpint (run_cli ("export-extract", pdf, "decision", "AOI 2026", NULL), ==, 1);
  g_assert_cmpint (run_cli ("export-extract", pdf, "decision", "AOI 2031:7", NULL), ==, 1);
  g_assert_cmpint (run_cli ("export-extract", pdf, NULL), ==, 2);
}

/* The notice of the demo's joint meeting: its groups, the day and time as
 * a Swedish notice writes them, the place and link, the agenda with its
 * presenters and who is called, and no status. */
static void
test_notice (Fixture       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "kallelse.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *flat = NULL;

  g_assert_cmpint (run_cli ("export-notice", pdf, "meeting", DEMO_MEETING, NULL), ==, 0);
  assert_accessible_pdf (pdf, "TH");
  assert_page_numbers (pdf);

  text = sam_test_pdf_tool ("pdftotext", pdf, NULL);
  flat = g_strdelimit (g_strdup (text), "\n", ' ');
  g_assert_nonnull (strstr (flat, "Kallelse"));
  g_assert_nonnull (strstr (flat, "Samordningsråd anestesi, operation, intensivvård"));
  g_assert_nonnull (strstr (flat, "Samordningsråd kirurgi"));
  g_assert_nonnull (strstr (flat, "23 april 2026"));
  g_assert_nonnull (strstr (flat, "kl. 09.00–11.00"));
  g_assert_nonnull (strstr (flat, "Regionens hus, Västerhamn, sal Kastanjen"));
  g_assert_nonnull (strstr (flat, "Dagordning"));
  g_assert_nonnull (strstr (flat, "Föredragande"));
  g_assert_nonnull (strstr (flat, "Akuta operationer och vårdplatser"));
  g_assert_nonnull (strstr (flat, "Mehmet Dahlberg"));
  g_assert_nonnull (strstr (flat, "Kallade"));
  g_assert_nonnull (strstr (flat, "Katarina Nordström, Sjukhusen i Sjöstad"));
  g_assert_null (strstr (flat, "Status:"));

  g_assert_cmpint (run_cli ("export-notice", pdf, NULL), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-08T10:00:00+01:00", NULL);

  sam_test_init_swedish ();
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* Every document says when it was taken out of the register. */
  sam_clock_set_now (now);

  g_test_add ("/documents/tagged/reports", Fixture, NULL, set_up, test_tagged_reports, tear_down);
  g_test_add ("/documents/tagged/person-roles", Fixture, NULL, set_up, test_tagged_person_roles, tear_down);
  g_test_add ("/documents/tagged/chart", Fixture, NULL, set_up, test_tagged_chart, tear_down);
  g_test_add ("/documents/decision-log/entries", Fixture, NULL, set_up, test_decision_log_entries, tear_down);
  g_test_add ("/documents/group-list/csv", Fixture, NULL, set_up, test_group_list_csv, tear_down);
  g_test_add ("/documents/group-list/libreoffice", Fixture, NULL, set_up, test_group_list_libreoffice, tear_down);
  g_test_add ("/documents/group-list/pdf", Fixture, NULL, set_up, test_group_list_pdf, tear_down);
  g_test_add ("/documents/extract", Fixture, NULL, set_up, test_extract, tear_down);
  g_test_add ("/documents/notice", Fixture, NULL, set_up, test_notice, tear_down);

  return g_test_run ();
}

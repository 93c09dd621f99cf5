/* test-decision-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decision register as CSV and as the printed decision log: quoting of
 * semicolons, quotes and line breaks, cells a spreadsheet would run as a
 * formula, the file opened by a real spreadsheet (LibreOffice, headless,
 * with the Swedish profile), the PDF, and the command line.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "sam-cli.h"
#include "sam-decision-export.h"
#include "sam-store-decisions.h"
#include "sam-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  SamStore *store;
  char     *group;
} Fixture;

static const struct { const char *title, *body, *responsible; } tricky[] = {
  { "Rutin; fasta före operation", "Rad ett\nRad två med \"citat\" i", "Anna Berg, ordförande" },
  { "=HYPERLINK(\"http://example.org\";\"klicka\")", "+46 31 10 00 00", "-Berg" },
  { "@SUM(1;2)", "=1+2", "Åsa Öberg" },
  { "Vanlig rubrik", "Text utan konstigheter.", "" },
  /* Formulas behind a comma, a tab or a line break: the start of a cell
   * to a spreadsheet that reads the file with another separator. */
  { "Budget,=1+2", "Se bilaga,=HYPERLINK(\"http://example.org\";\"klicka\")", "Berg,@SUM(1;2)" },
  { "Rad\tmed tabb\t=2+3", "Pris 500,-", "Lind, =3+4" },
  { "Två rader", "Första raden\n=1+2 på den andra", "Ek" },
};

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  g_autoptr(SamGroup) group = sam_group_new ();
  g_autoptr(GError) error = NULL;

  fixture->store = sam_test_new_tmp_store ("samordna-export-XXXXXX", "register.db", &fixture->dir, &fixture->path);

  g_object_set (group, "code", "AOI", "name", "Samordningsråd anestesi, operation, intensivvård",
                "kind", SAM_GROUP_KIND_COUNCIL, NULL);
  g_assert_true (sam_store_save (fixture->store, group, &error));
  fixture->group = g_strdup (sam_group_get_uuid (group));

  for (guint i = 0; i < G_N_ELEMENTS (tricky); i++)
    {
      g_autoptr(SamDecision) d = sam_decision_new ();

      g_object_set (d, "group-uuid", fixture->group, "title", tricky[i].title, "body", tricky[i].body,
                    "responsible", *tricky[i].responsible != '\0' ? tricky[i].responsible : NULL,
                    "decided", "2026-02-12", NULL);
      g_assert_true (sam_store_register_decision (fixture->store, d, &error));
      g_assert_no_error (error);
    }
  /* Another year, and a draft: neither is in the 2026 register. */
  {
    g_autoptr(SamDecision) d = sam_decision_new ();
    g_autoptr(SamDecision) draft = sam_decision_new ();

    g_object_set (d, "group-uuid", fixture->group, "title", "Förra året", "decided", "2025-11-01", NULL);
    g_assert_true (sam_store_register_decision (fixture->store, d, &error));
    g_object_set (draft, "group-uuid", fixture->group, "title", "Utkast", NULL);
    g_assert_true (sam_store_save (fixture->store, draft, &error));
  }
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->group);
}

static void
test_cell (void)
{
  static const struct { const char *in, *out; } cases[] = {
    { NULL, "" },
    { "", "" },
    { "AOI 2026:7", "AOI 2026:7" },
    { "a;b", "\"a;b\"" },
    { "sa \"hej\"", "\"sa \"\"hej\"\"\"" },
    { "rad1\nrad2", "\"rad1\nrad2\"" },
    { "rad1\r\nrad2", "\"rad1\r\nrad2\"" },
    { "=1+2", "'=1+2" },
    { "+46 31", "'+46 31" },
    { "-Berg", "'-Berg" },
    { "@SUM(1)", "'@SUM(1)" },
    { "\tdold", "'\tdold" },
    { "=A1;B1", "\"'=A1;B1\"" },
    { " inledande", "\" inledande\"" },
    { "mitt = inte formel", "mitt = inte formel" },
    /* What follows a comma, a tab or a line break may start a cell too. */
    { "Budget,=1+2", "Budget,'=1+2" },
    { "Lind, =3+4", "Lind, '=3+4" },
    { "a\t+b", "a\t'+b" },
    { "a;@b", "\"a;'@b\"" },
    { "rad1\r\n-rad2", "\"rad1\r\n'-rad2\"" },
    { "x,\"=1\"", "\"x,\"\"'=1\"\"\"" },
    { "\t=1", "'\t'=1" },
    { "Pris 500,-", "Pris 500,-" },
    { "500,-\nmer", "\"500,-\nmer\"" },
    { "a-b, c+d", "a-b, c+d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *cell = sam_csv_cell (cases[i].in);

      g_assert_cmpstr (cell, ==, cases[i].out);
    }
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

static char *
export_2026 (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *csv = g_build_filename (fixture->dir, "AOI-2026.csv", NULL);

  g_assert_true (sam_decision_export_csv (fixture->store, fixture->group, 2026, csv, &error));
  g_assert_no_error (error);
  return csv;
}

static void
test_csv_file (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *csv = export_2026 (fixture);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_true (g_file_get_contents (csv, &text, NULL, NULL));
  g_assert_true (g_str_has_prefix (text, "\xEF\xBB\xBF"));
  g_assert_nonnull (strstr (text, "\r\n"));

  rows = parse_csv (text, ';');
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (tricky));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 12);
  g_assert_cmpstr (cell_at (rows, 1, 0), ==, "AOI 2026:1");
  g_assert_cmpstr (cell_at (rows, 1, 3), ==, tricky[0].title);
  g_assert_cmpstr (cell_at (rows, 1, 4), ==, tricky[0].body);
  g_assert_cmpstr (cell_at (rows, 2, 3), ==, "'=HYPERLINK(\"http://example.org\";\"klicka\")");
  g_assert_cmpstr (cell_at (rows, 2, 4), ==, "'+46 31 10 00 00");
  g_assert_cmpstr (cell_at (rows, 2, 7), ==, "'-Berg");
  g_assert_cmpstr (cell_at (rows, 3, 3), ==, "'@SUM(1;2)");
  g_assert_cmpstr (cell_at (rows, 3, 4), ==, "'=1+2");
  g_assert_cmpstr (cell_at (rows, 3, 7), ==, "Åsa Öberg");
}

/* LibreOffice Calc opens the file with the Swedish profile (semicolons,
 * UTF-8, sv-SE) and formula evaluation switched on, and writes it back as
 * plain comma-separated text: every row has its twelve columns, the text
 * is intact, and nothing was run as a formula. */
static void
test_csv_libreoffice (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *csv = NULL;
  g_autofree char *outdir = NULL;
  g_autofree char *profile = NULL;
  g_autofree char *profile_uri = NULL;
  g_autofree char *converted = NULL;
  g_autofree char *text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: apt-get install libreoffice-calc-nogui): "
                   "the CSV is not checked in a real spreadsheet");
      return;
    }

  csv = export_2026 (fixture);
  outdir = g_build_filename (fixture->dir, "converted", NULL);
  profile = g_build_filename (fixture->dir, "lo-profile", NULL);
  profile_uri = g_filename_to_uri (profile, NULL, NULL);
  {
    g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
    /* Import: ; " UTF-8 from line 1, sv-SE, quoted fields not forced to
     * text, detect numbers, …, evaluate formulas. Export: , " UTF-8. */
    const char *argv[] = {
      soffice, env, "--headless", "--norestore",
      "--infilter=CSV:59,34,76,1,,1053,false,true,false,false,false,-1,true",
      "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1053,true,true",
      "--outdir", outdir, csv, NULL
    };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                                 &out, &err, &status, &error));
    g_assert_no_error (error);
    g_test_message ("soffice: %s %s", out, err);
  }

  converted = g_build_filename (outdir, "AOI-2026.csv", NULL);
  g_assert_true (g_file_get_contents (converted, &text, NULL, &error));
  g_assert_no_error (error);

  rows = parse_csv (text, ',');
  g_assert_cmpuint (rows->len, ==, 1 + G_N_ELEMENTS (tricky));
  for (guint r = 0; r < rows->len; r++)
    g_assert_cmpuint (((GPtrArray *) g_ptr_array_index (rows, r))->len, ==, 12);
  g_assert_cmpstr (cell_at (rows, 1, 0), ==, "AOI 2026:1");
  g_assert_cmpstr (cell_at (rows, 1, 1), ==, "2026-02-12");
  g_assert_cmpstr (cell_at (rows, 1, 3), ==, tricky[0].title);
  g_assert_cmpstr (cell_at (rows, 1, 4), ==, tricky[0].body);
  g_assert_cmpstr (cell_at (rows, 2, 4), ==, "'+46 31 10 00 00");
  g_assert_cmpstr (cell_at (rows, 3, 4), ==, "'=1+2");
  g_assert_cmpstr (cell_at (rows, 3, 7), ==, "Åsa Öberg");
  for (guint r = 1; r < rows->len; r++)
    g_assert_cmpstr (cell_at (rows, r, 4), !=, "3");
}

/* Opens @csv in LibreOffice Calc, read with @separator (a character code,
 * as the CSV filter takes it) and formula evaluation on, and returns the
 * sheet as flat ODF. */
static char *
open_in_calc (Fixture    *fixture,
              const char *soffice,
              const char *csv,
              int         separator)
{
  g_autofree char *outdir = g_strdup_printf ("%s/calc-%d", fixture->dir, separator);
  g_autofree char *profile = g_build_filename (fixture->dir, "lo-profile", NULL);
  g_autofree char *profile_uri = g_filename_to_uri (profile, NULL, NULL);
  g_autofree char *env = g_strconcat ("-env:UserInstallation=", profile_uri, NULL);
  g_autofree char *infilter = g_strdup_printf ("--infilter=CSV:%d,34,76,1,,1053,false,true,false,false,false,-1,true",
                                               separator);
  g_autofree char *base = g_path_get_basename (csv);
  g_autofree char *stem = g_strndup (base, strrchr (base, '.') - base);
  g_autofree char *fods_name = g_strconcat (stem, ".fods", NULL);
  g_autofree char *fods = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int status = 0;
  const char *argv[] = {
    soffice, env, "--headless", "--norestore", infilter,
    "--convert-to", "fods", "--outdir", outdir, csv, NULL
  };

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_test_message ("soffice: %s %s", out, err);

  fods = g_build_filename (outdir, fods_name, NULL);
  g_assert_true (g_file_get_contents (fods, &text, NULL, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&text);
}

/* Whatever separator a spreadsheet reads the file with (a semicolon as
 * written, a comma as an English spreadsheet assumes, a tab), no cell is
 * a formula: the text behind a comma or a tab inside a cell must not
 * become a cell of its own that starts with "=". */
static void
test_csv_any_separator (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autofree char *soffice = g_find_program_in_path ("soffice");
  g_autofree char *csv = NULL;
  const int separators[] = { ',', '\t', ';' };

  if (soffice == NULL)
    {
      g_test_skip ("soffice is not installed (Debian: apt-get install libreoffice-calc-nogui): "
                   "the CSV is not checked in a real spreadsheet");
      return;
    }

  csv = export_2026 (fixture);
  for (guint i = 0; i < G_N_ELEMENTS (separators); i++)
    {
      g_autofree char *sheet = open_in_calc (fixture, soffice, csv, separators[i]);
      const char *formula = strstr (sheet, "table:formula=");

      if (formula != NULL)
        g_test_message ("read with separator %d, a cell is a formula: %.200s", separators[i], formula);
      g_assert_null (formula);
      /* The sheet has the rows: the file was read at all. */
      g_assert_nonnull (strstr (sheet, "AOI 2026:1"));
      if (separators[i] == ';')
        {
          g_assert_nonnull (strstr (sheet, "<text:p>Budget,&apos;=1+2</text:p>"));
          g_assert_nonnull (strstr (sheet, "<text:p>Pris 500,-</text:p>"));
        }
    }
}

static void
test_pdf_and_cli (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *pdf = g_build_filename (fixture->dir, "log.pdf", NULL);
  g_autofree char *cli_csv = g_build_filename (fixture->dir, "cli.csv", NULL);
  g_autofree char *bad = g_build_filename (fixture->dir, "log.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (sam_decision_export_pdf (fixture->store, fixture->group, 2026, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (pdf, &text, &length, NULL));
  g_assert_true (g_str_has_prefix (text, "%PDF-"));

  report = sam_decision_log_new (fixture->store, fixture->group, 2026, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_report_paginate (report, NULL), >=, 1);

  g_assert_false (sam_decision_export_file (fixture->store, "AOI", 2026, bad, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_clear_error (&error);
  g_assert_false (sam_decision_export_file (fixture->store, "XYZ", 2026, pdf, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_clear_error (&error);

  /* The command line, as `samordna --database F --export-decisions cli.csv
   * --group AOI --year 2025` runs it. */
  g_clear_object (&fixture->store);
  {
    g_autoptr(GVariantDict) options = g_variant_dict_new (NULL);
    g_autoptr(GPtrArray) rows = NULL;
    g_autofree char *csv_text = NULL;

    g_variant_dict_insert_value (options, "database", g_variant_new_bytestring (fixture->path));
    g_variant_dict_insert_value (options, "export-decisions", g_variant_new_bytestring (cli_csv));
    g_variant_dict_insert (options, "group", "s", "AOI");
    g_variant_dict_insert (options, "year", "i", 2025);
    g_assert_cmpint (sam_cli_run (options), ==, 0);
    g_assert_true (g_file_get_contents (cli_csv, &csv_text, NULL, NULL));
    rows = parse_csv (csv_text, ';');
    g_assert_cmpuint (rows->len, ==, 2);
    g_assert_cmpstr (cell_at (rows, 1, 0), ==, "AOI 2025:1");
  }
  fixture->store = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/decision-export/cell", test_cell);
  g_test_add ("/decision-export/csv", Fixture, NULL, set_up, test_csv_file, tear_down);
  g_test_add ("/decision-export/csv-libreoffice", Fixture, NULL, set_up, test_csv_libreoffice, tear_down);
  g_test_add ("/decision-export/csv-any-separator", Fixture, NULL, set_up, test_csv_any_separator, tear_down);
  g_test_add ("/decision-export/pdf-and-cli", Fixture, NULL, set_up, test_pdf_and_cli, tear_down);

  return g_test_run ();
}

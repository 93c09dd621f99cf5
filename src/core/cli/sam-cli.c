/* sam-cli.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-cli"

#include "config.h"

#include <stdio.h>
#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-chart-export.h"
#include "sam-cli.h"
#include "sam-commission-doc.h"
#include "sam-decision-export.h"
#include "sam-decision-extract.h"
#include "sam-demo.h"
#include "sam-group-list.h"
#include "sam-ics.h"
#include "sam-minutes.h"
#include "sam-rules.h"
#include "sam-store.h"
#include "sam-store-decisions.h"
#include "sam-store-structure.h"
#include "sam-xml.h"

/*
 * The command line: everything the window can export or import, without a
 * display. GApplication parses these options; sam_cli_run() is called from
 * handle-local-options, before anything connects to a display.
 */

const GOptionEntry sam_cli_options[] = {
  { "database", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Use the register in FILE instead of the default one"), N_("FILE") },
  { "demo", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Use a throwaway copy of the demo register"), NULL },
  { "export-xml", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the register to the XML FILE and exit"), N_("FILE") },
  { "import-xml", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Import the XML FILE into the register and exit"), N_("FILE") },
  { "merge", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --import-xml, merge into a register that is not empty"), NULL },
  { "export-commission", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the commission document of the group given by --group to the PDF FILE and exit"), N_("FILE") },
  { "group", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The short code of the group for --export-commission or --export-decisions"), N_("CODE") },
  { "export-group-list", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the list of corporate-wide groups to FILE (.pdf or .csv) and exit"), N_("FILE") },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-commission, --export-group-list or --export-chart, show the role holders and groups on DATE (YYYY-MM-DD)"), N_("DATE") },
  { "list-terms-ending", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Print the terms that end soon or have ended with no successor, one a line, and exit"), NULL },
  { "days", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --list-terms-ending, look N days ahead (default 60)"), N_("N") },
  { "export-decisions", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the decision register to FILE (.csv or .pdf) and exit; with --group and --year, one group’s register for a year"),
    N_("FILE") },
  { "export-extract", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the extract from the minutes of the decision given by --decision to the PDF FILE and exit"), N_("FILE") },
  { "decision", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The number of the decision for --export-extract, such as “AOI 2026:7”"), N_("NUMBER") },
  { "year", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --export-decisions, only the decisions of YEAR"), N_("YEAR") },
  { "export-ics", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the meetings to the iCalendar FILE (.ics) and exit; with --group and --year, one group’s meetings or one year’s"),
    N_("FILE") },
  { "export-minutes", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the minutes of the meeting given by --meeting to the PDF FILE and exit"), N_("FILE") },
  { "export-notice", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the notice of the meeting given by --meeting to the PDF FILE and exit"), N_("FILE") },
  { "export-agenda", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the agenda of the meeting given by --meeting to the PDF FILE and exit"), N_("FILE") },
  { "meeting", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The id of the meeting for --export-notice, --export-agenda or --export-minutes"), N_("UUID") },
  { "export-chart", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Export the organisational chart to FILE (.pdf, .svg or .png) and exit"), N_("FILE") },
  { "root", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart, start from the group with this short code"), N_("CODE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart, the paper size: a4 or a3"), N_("SIZE") },
  { "landscape", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-chart, turn the paper to landscape"), NULL },
  { "tiles", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-chart to a PDF, spread the chart over COLSxROWS pages"), N_("COLSxROWS") },
  { "booklet", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-chart to a PDF, write an overview page and a page per council"), NULL },
  { NULL }
};

static const char *
lookup_filename (GVariantDict *options,
                 const char   *name)
{
  const char *value = NULL;

  if (!g_variant_dict_lookup (options, name, "^&ay", &value))
    return NULL;

  return value;
}

/* Only an import changes the register, and only it may make a new one:
 * every export reads an existing register, read-only, so a mistyped
 * --database is an error rather than a new empty register, and a register
 * the window has open is read beside it. */
static SamStore *
open_store (GVariantDict  *options,
            gboolean       change,
            char         **demo_dir,
            GError       **error)
{
  const char *database = lookup_filename (options, "database");
  g_autofree char *default_path = NULL;

  if (g_variant_dict_contains (options, "demo"))
    return sam_demo_open (demo_dir, error);

  if (database == NULL)
    database = default_path = sam_store_dup_default_path ();

  if (change)
    return sam_store_open (database, error);

  return sam_store_open_readonly (database, error);
}

/* Every action ends the same way: the register is closed (a demo copy
 * removed) and an error is printed, with the exit status. */
static int
finish (SamStore     **store,
        const char    *demo_dir,
        const GError  *error)
{
  g_clear_object (store);
  if (demo_dir != NULL)
    sam_demo_remove (demo_dir);

  if (error == NULL)
    return 0;

  g_printerr ("%s\n", error->message);
  return 1;
}

static void
print_summary (const SamImportSummary *summary)
{
  guint total = summary->added + summary->updated + summary->unchanged;

  /* Translators: the first line after an import on the command line */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Imported %u item: %u added, %u updated, %u unchanged.\n",
                     "Imported %u items: %u added, %u updated, %u unchanged.\n",
                     total),
           total, summary->added, summary->updated, summary->unchanged);

  for (guint i = 0; summary->conflicts != NULL && i < summary->conflicts->len; i++)
    g_print (_("Conflict: %s\n"), (const char *) g_ptr_array_index (summary->conflicts, i));
}

/* --export-commission, --export-group-list and --list-terms-ending (the
 * structure editor's). */
static int
run_structure (GVariantDict *options)
{
  const char *commission = lookup_filename (options, "export-commission");
  const char *group_list = lookup_filename (options, "export-group-list");
  const char *code = NULL;
  const char *as_of = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  int days = 60;

  g_variant_dict_lookup (options, "group", "&s", &code);
  g_variant_dict_lookup (options, "as-of", "&s", &as_of);
  g_variant_dict_lookup (options, "days", "i", &days);

  if (commission != NULL && code == NULL)
    {
      g_printerr ("%s\n", _("--export-commission needs --group CODE"));
      return 2;
    }
  if (days < 0)
    {
      g_printerr ("%s\n", _("--days cannot be negative"));
      return 2;
    }

  store = open_store (options, FALSE, &demo_dir, &error);
  if (store != NULL && commission != NULL)
    {
      g_autoptr(SamGroup) group = sam_store_find_group_by_code (store, code, &error);

      if (group == NULL && error == NULL)
        g_set_error (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                     _("There is no group with the short code “%s” in the register"), code);
      if (group != NULL && as_of != NULL && !sam_calendar_parse_iso (as_of, NULL))
        {
          g_autofree char *why = sam_calendar_explain_not_a_date (as_of);

          g_set_error_literal (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, why);
        }
      if (error == NULL)
        sam_commission_doc_write (store, sam_group_get_uuid (group), as_of, commission, &error);
    }
  if (store != NULL && error == NULL && group_list != NULL)
    sam_group_list_export_file (store, as_of, group_list, &error);
  if (store != NULL && error == NULL && g_variant_dict_contains (options, "list-terms-ending"))
    {
      g_autoptr(GPtrArray) terms = sam_rules_list_terms_ending (store, NULL, as_of, (guint) days, &error);

      for (guint i = 0; terms != NULL && i < terms->len; i++)
        {
          g_autofree char *line = sam_term_ending_format (g_ptr_array_index (terms, i));

          g_print ("%s\n", line);
        }
    }

  return finish (&store, demo_dir, error);
}

/* --export-decisions (the decision register's). */
static int
run_decisions (GVariantDict *options)
{
  const char *path = lookup_filename (options, "export-decisions");
  const char *code = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  int year = 0;

  g_variant_dict_lookup (options, "group", "&s", &code);
  g_variant_dict_lookup (options, "year", "i", &year);
  if (year < 0 || year > 9999)
    {
      g_printerr ("%s\n", _("--year takes a year, such as 2026"));
      return 2;
    }

  store = open_store (options, FALSE, &demo_dir, &error);
  if (store != NULL)
    sam_decision_export_file (store, code, year, path, &error);

  return finish (&store, demo_dir, error);
}

/* --export-extract (the decision register's). */
static int
run_extract (GVariantDict *options)
{
  const char *path = lookup_filename (options, "export-extract");
  const char *number = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;

  if (!g_variant_dict_lookup (options, "decision", "&s", &number))
    {
      g_printerr ("%s\n", _("--export-extract needs --decision NUMBER, such as --decision \"AOI 2026:7\""));
      return 2;
    }

  store = open_store (options, FALSE, &demo_dir, &error);
  if (store != NULL)
    decision = sam_store_find_decision_by_number (store, number, &error);
  if (decision != NULL)
    sam_decision_extract_write (store, sam_decision_get_uuid (decision), path, &error);
  g_clear_object (&decision);

  return finish (&store, demo_dir, error);
}

/* --export-ics, --export-notice, --export-agenda and --export-minutes (the
 * meeting planner's). */
static int
run_meetings (GVariantDict *options)
{
  const char *ics = lookup_filename (options, "export-ics");
  const char *minutes = lookup_filename (options, "export-minutes");
  const char *agenda = lookup_filename (options, "export-agenda");
  const char *notice = lookup_filename (options, "export-notice");
  const char *code = NULL;
  const char *meeting = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  int year = 0;
  guint n_events = 0;

  g_variant_dict_lookup (options, "group", "&s", &code);
  g_variant_dict_lookup (options, "year", "i", &year);
  g_variant_dict_lookup (options, "meeting", "&s", &meeting);
  if (year < 0 || year > 9999)
    {
      g_printerr ("%s\n", _("--year takes a year, such as 2026"));
      return 2;
    }
  if ((minutes != NULL || agenda != NULL) && meeting == NULL)
    {
      g_printerr ("%s\n", _("--export-minutes and --export-agenda need --meeting UUID"));
      return 2;
    }
  if (notice != NULL && meeting == NULL)
    {
      g_printerr ("%s\n", _("--export-notice needs --meeting UUID"));
      return 2;
    }

  store = open_store (options, FALSE, &demo_dir, &error);
  if (store != NULL && ics != NULL && code != NULL)
    {
      group = sam_store_find_group_by_code (store, code, &error);
      if (group == NULL && error == NULL)
        g_set_error (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                     _("There is no group with the short code “%s” in the register"), code);
    }
  if (store != NULL && error == NULL && ics != NULL &&
      sam_ics_export (store, group != NULL ? sam_group_get_uuid (group) : NULL, year, ics, &n_events, &error))
    g_print (g_dngettext (GETTEXT_PACKAGE, "Exported %u meeting.\n", "Exported %u meetings.\n", n_events), n_events);
  if (store != NULL && error == NULL && minutes != NULL)
    sam_minutes_export_pdf (store, meeting, SAM_MINUTES_MINUTES, minutes, &error);
  if (store != NULL && error == NULL && agenda != NULL)
    sam_minutes_export_pdf (store, meeting, SAM_MINUTES_AGENDA, agenda, &error);
  if (store != NULL && error == NULL && notice != NULL)
    sam_minutes_export_pdf (store, meeting, SAM_MINUTES_NOTICE, notice, &error);

  return finish (&store, demo_dir, error);
}

/* --export-chart and its options. */
static int
run_chart (GVariantDict *options)
{
  const char *path = lookup_filename (options, "export-chart");
  const char *root = NULL, *paper = NULL, *tiles = NULL, *as_of = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  int status = 1;

  g_variant_dict_lookup (options, "root", "&s", &root);
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "tiles", "&s", &tiles);
  g_variant_dict_lookup (options, "as-of", "&s", &as_of);

  store = open_store (options, FALSE, &demo_dir, &error);
  if (store != NULL)
    status = sam_chart_cli_export (store, path, root, paper,
                                   g_variant_dict_contains (options, "landscape"),
                                   tiles, g_variant_dict_contains (options, "booklet"), as_of, &error);

  g_clear_object (&store);
  if (demo_dir != NULL)
    sam_demo_remove (demo_dir);

  if (status != 0)
    g_printerr ("%s\n", error->message);

  return status;
}

/**
 * sam_cli_run:
 * @options: the parsed command-line options
 *
 * Runs the command-line action the options ask for, if any.
 *
 * Returns: -1 when there is nothing to do without a window (the caller goes
 *   on and opens one), otherwise the exit status
 */
int
sam_cli_run (GVariantDict *options)
{
  const char *export_xml = lookup_filename (options, "export-xml");
  const char *import_xml = lookup_filename (options, "import-xml");
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *demo_dir = NULL;
  gboolean ok = TRUE;

  if (lookup_filename (options, "export-commission") != NULL || lookup_filename (options, "export-group-list") != NULL ||
      g_variant_dict_contains (options, "list-terms-ending"))
    return run_structure (options);
  if (lookup_filename (options, "export-chart") != NULL)
    return run_chart (options);
  if (lookup_filename (options, "export-decisions") != NULL)
    return run_decisions (options);
  if (lookup_filename (options, "export-extract") != NULL)
    return run_extract (options);
  if (lookup_filename (options, "export-ics") != NULL || lookup_filename (options, "export-minutes") != NULL ||
      lookup_filename (options, "export-agenda") != NULL || lookup_filename (options, "export-notice") != NULL)
    return run_meetings (options);

  if (export_xml == NULL && import_xml == NULL)
    {
      if (g_variant_dict_contains (options, "merge"))
        {
          g_printerr ("%s\n", _("--merge goes with --import-xml"));
          return 2;
        }
      return -1;
    }

  store = open_store (options, import_xml != NULL, &demo_dir, &error);

  if (store != NULL && import_xml != NULL)
    {
      SamImportMode mode = g_variant_dict_contains (options, "merge") ? SAM_IMPORT_MERGE : SAM_IMPORT_REPLACE;
      SamImportSummary summary = { 0 };

      ok = sam_xml_import (store, import_xml, mode, &summary, NULL, NULL, &error);
      if (ok)
        print_summary (&summary);
      sam_import_summary_clear (&summary);
    }

  if (store != NULL && ok && export_xml != NULL)
    ok = sam_xml_export (store, export_xml, NULL, NULL, &error);

  return finish (&store, demo_dir, error);
}

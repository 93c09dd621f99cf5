/* sam-decision-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-csv.h"
#include "sam-commission.h"
#include "sam-decision-export.h"
#include "sam-file.h"
#include "sam-store-decisions.h"

/*
 * A group's decision register for a year, as a CSV file for spreadsheets
 * (written as sam-csv.c says) and as the decision log the chair prints.
 */

enum {
  COL_NUMBER,
  COL_DATE,
  COL_GROUP,
  COL_TITLE,
  COL_BODY,
  COL_MANDATE,
  COL_STATUS,
  COL_RESPONSIBLE,
  COL_FOLLOW_UP,
  COL_SUPERSEDES,
  COL_SUPERSEDED_BY,
  COL_WITHDRAWN,
  N_COLUMNS
};

static const char *
column_header (guint column)
{
  switch (column)
    {
    case COL_NUMBER: return C_("decision column", "Number");
    case COL_DATE: return C_("decision column", "Date");
    case COL_GROUP: return C_("decision column", "Group");
    case COL_TITLE: return C_("decision column", "Title");
    case COL_BODY: return C_("decision column", "Decision");
    case COL_MANDATE: return C_("decision column", "Mandate");
    case COL_STATUS: return C_("decision column", "Status");
    case COL_RESPONSIBLE: return C_("decision column", "Responsible");
    case COL_FOLLOW_UP: return C_("decision column", "Follow-up");
    case COL_SUPERSEDES: return C_("decision column", "Supersedes");
    case COL_SUPERSEDED_BY: return C_("decision column", "Superseded by");
    case COL_WITHDRAWN: return C_("decision column", "Reason for withdrawal");
    default: g_return_val_if_reached ("");
    }
}

typedef struct
{
  GHashTable *codes;   /* group uuid -> code or name */
  GHashTable *numbers; /* decision uuid -> formatted number */
} Names;

static void
names_clear (Names *names)
{
  g_clear_pointer (&names->codes, g_hash_table_unref);
  g_clear_pointer (&names->numbers, g_hash_table_unref);
}

static gboolean
names_init (Names       *names,
            SamStore    *store,
            GError     **error)
{
  g_autoptr(GListModel) groups = sam_store_list_groups (store, error);

  names->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  names->numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  if (groups == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      const char *code = sam_group_get_code (group);

      g_hash_table_insert (names->codes, g_strdup (sam_group_get_uuid (group)),
                           g_strdup (code != NULL ? code : sam_group_get_name (group)));
    }

  return TRUE;
}

static char *
number_of (Names       *names,
           SamStore    *store,
           SamDecision *decision)
{
  return sam_decision_format_number (decision, g_hash_table_lookup (names->codes,
                                                                    sam_decision_get_group_uuid (decision)));
}

/* The number of another decision, by UUID, looked up once. */
static const char *
number_by_uuid (Names      *names,
                SamStore   *store,
                const char *uuid)
{
  g_autoptr(SamDecision) other = NULL;
  char *number;

  if (uuid == NULL)
    return NULL;
  if ((number = g_hash_table_lookup (names->numbers, uuid)) != NULL)
    return number;

  other = sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, uuid, NULL);
  number = other != NULL ? number_of (names, store, other) : NULL;
  g_hash_table_insert (names->numbers, g_strdup (uuid), number != NULL ? number : g_strdup (""));

  return g_hash_table_lookup (names->numbers, uuid);
}

static GPtrArray *
decision_cells (Names       *names,
                SamStore    *store,
                SamDecision *decision)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(SamDecision) successor = sam_store_dup_superseding_decision (store, sam_decision_get_uuid (decision), NULL);
  const char *group = g_hash_table_lookup (names->codes, sam_decision_get_group_uuid (decision));
  const char *withdrawn = sam_decision_get_withdrawn_reason (decision);

  g_ptr_array_add (cells, number_of (names, store, decision));
  g_ptr_array_add (cells, g_strdup (sam_decision_get_decided (decision)));
  g_ptr_array_add (cells, g_strdup (group));
  g_ptr_array_add (cells, g_strdup (sam_decision_get_title (decision)));
  g_ptr_array_add (cells, g_strdup (sam_decision_get_body (decision)));
  g_ptr_array_add (cells, g_strdup (sam_mandate_get_label (sam_decision_get_mandate (decision))));
  g_ptr_array_add (cells, g_strdup (sam_decision_status_get_label (sam_decision_get_status (decision))));
  g_ptr_array_add (cells, g_strdup (sam_decision_get_responsible (decision)));
  g_ptr_array_add (cells, g_strdup (sam_decision_get_follow_up (decision)));
  g_ptr_array_add (cells, g_strdup (number_by_uuid (names, store, sam_decision_get_supersedes_uuid (decision))));
  g_ptr_array_add (cells, successor != NULL ? number_of (names, store, successor) : NULL);
  g_ptr_array_add (cells, g_strdup (withdrawn));

  for (guint i = 0; i < cells->len; i++)
    if (g_ptr_array_index (cells, i) == NULL)
      cells->pdata[i] = g_strdup ("");
  g_ptr_array_add (cells, NULL);

  return cells;
}

/**
 * sam_decision_export_csv:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group
 * @year: a year, or 0 for every year
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the registered decisions of a group and year as CSV for Swedish
 * spreadsheets (see the top of this file). The file is replaced only once
 * it is complete.
 *
 * Returns: whether the file was written
 */
gboolean
sam_decision_export_csv (SamStore    *store,
                         const char  *group_uuid,
                         int          year,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GListModel) decisions = NULL;
  g_autoptr(GString) out = sam_csv_new ();
  const char *headers[N_COLUMNS + 1];
  Names names = { 0 };
  gboolean ok;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((decisions = sam_store_list_register_decisions (store, group_uuid, year, error)) == NULL)
    return FALSE;
  if (!names_init (&names, store, error))
    {
      names_clear (&names);
      return FALSE;
    }

  for (guint c = 0; c < N_COLUMNS; c++)
    headers[c] = column_header (c);
  headers[N_COLUMNS] = NULL;
  sam_csv_append_row (out, headers);

  for (guint i = 0; i < g_list_model_get_n_items (decisions); i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (decisions, i);
      g_autoptr(GPtrArray) cells = decision_cells (&names, store, decision);

      sam_csv_append_row (out, (const char * const *) cells->pdata);
    }
  names_clear (&names);

  ok = sam_file_set_contents (path, out->str, out->len, error);
  if (!ok)
    g_prefix_error (error, _("The decision register could not be exported: "));
  return ok;
}

static void
add_escalations (SamReport   *report,
                 SamStore    *store,
                 SamDecision *decision)
{
  g_autoptr(GPtrArray) escalations = sam_store_list_escalations (store, sam_decision_get_uuid (decision), NULL);

  for (guint i = 0; escalations != NULL && i < escalations->len; i++)
    {
      SamEscalation *e = g_ptr_array_index (escalations, i);
      const char *to = e->to_other != NULL ? e->to_other : e->to_group_name;
      g_autofree char *line = NULL;

      if (e->answered != NULL)
        line = g_strdup_printf (_("Escalated %s to %s: %s — answered %s: %s"),
                                e->escalated, to, e->reason, e->answered, e->answer);
      else
        line = g_strdup_printf (_("Escalated %s to %s: %s — not answered yet"), e->escalated, to, e->reason);
      sam_report_add_paragraph (report, line);
    }
}

/**
 * sam_decision_log_new:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group
 * @year: a year, or 0 for every year
 * @error: return location for a #GError
 *
 * Builds the decision log of a group and year: a summary table, then each
 * decision with its number, date, mandate, status, responsible, follow-up,
 * the decisions it supersedes or is superseded by, its escalations and its
 * text. The GUI prints it, sam_decision_export_pdf() writes it.
 *
 * Returns: (transfer full) (nullable): the report, or %NULL on failure
 */
SamReport *
sam_decision_log_new (SamStore    *store,
                      const char  *group_uuid,
                      int          year,
                      GError     **error)
{
  g_autoptr(GListModel) decisions = NULL;
  g_autoptr(SamReport) report = sam_report_new ();
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GTypeClass) group_class = g_type_class_ref (SAM_TYPE_GROUP);
  g_autofree char *title = NULL;
  g_autofree char *scope = NULL;
  g_autofree char *region = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  g_autofree char *extracted = NULL;
  g_autofree char *header = NULL;
  g_autoptr(SamCommission) commission = NULL;
  const char *headers[] = { C_("decision column", "Number"), C_("decision column", "Date"),
                            C_("decision column", "Title"), C_("decision column", "Status"), NULL };
  const double widths[] = { 2, 2, 5.5, 2.7 };
  guint n;
  Names names = { 0 };

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (group_uuid != NULL &&
      (group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, group_uuid, error)) == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("The group is not in the register"));
      return NULL;
    }
  if ((decisions = sam_store_list_register_decisions (store, group_uuid, year, error)) == NULL)
    return NULL;
  if (!names_init (&names, store, error))
    {
      names_clear (&names);
      return NULL;
    }

  scope = group != NULL ? g_strdup (sam_group_get_name (group)) : g_strdup (_("All groups"));
  if (year > 0)
    title = g_strdup_printf (_("Decision Log %d"), year);
  else
    title = g_strdup (_("Decision Log"));

  /* A group's log is filed with its commission, under its registry number. */
  if (group != NULL)
    commission = sam_store_dup_group_commission (store, group_uuid, NULL);
  if (commission != NULL && sam_commission_get_registry_number (commission) != NULL)
    header = g_strdup_printf ("%s\n%s %s", scope, _("Registry No."),
                              sam_commission_get_registry_number (commission));
  else
    header = g_strdup (scope);
  /* Translators: in the footer of a log or list: the day it was taken out
   * of the register, as 2026-12-08 */
  extracted = g_strdup_printf (_("Extracted %s"), today);

  sam_report_set_title (report, title);
  sam_report_set_header (report, _("Decision log"), header);
  sam_report_set_footer_left (report, extracted);
  sam_report_set_author (report, region = sam_store_dup_region (store));
  sam_report_set_subject (report, scope);
  sam_report_add_heading (report, 1, title);
  sam_report_add_paragraph (report, scope);

  n = g_list_model_get_n_items (decisions);
  if (n == 0)
    sam_report_add_paragraph (report, _("No decisions are registered."));
  else
    {
      sam_report_add_table (report, 4, headers, widths);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SamDecision) decision = g_list_model_get_item (decisions, i);
          g_autoptr(GPtrArray) cells = decision_cells (&names, store, decision);
          const char *row[] = { g_ptr_array_index (cells, COL_NUMBER), g_ptr_array_index (cells, COL_DATE),
                                g_ptr_array_index (cells, COL_TITLE), g_ptr_array_index (cells, COL_STATUS), NULL };

          sam_report_add_table_row (report, row);
        }
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (decisions, i);
      g_autoptr(GPtrArray) cells = decision_cells (&names, store, decision);
      g_autofree char *heading = g_strdup_printf ("%s  %s", (char *) g_ptr_array_index (cells, COL_NUMBER),
                                                  (char *) g_ptr_array_index (cells, COL_TITLE));
      g_autoptr(GPtrArray) fields = g_ptr_array_new ();

#define FIELD(label, col) G_STMT_START { \
      if (*(char *) g_ptr_array_index (cells, col) != '\0') \
        { \
          g_ptr_array_add (fields, (gpointer) (label)); \
          g_ptr_array_add (fields, g_ptr_array_index (cells, col)); \
        } \
    } G_STMT_END

      FIELD (_("Date:"), COL_DATE);
      FIELD (_("Group:"), COL_GROUP);
      FIELD (_("Mandate:"), COL_MANDATE);
      FIELD (_("Status:"), COL_STATUS);
      FIELD (_("Responsible:"), COL_RESPONSIBLE);
      FIELD (_("Follow-up:"), COL_FOLLOW_UP);
      FIELD (_("Supersedes:"), COL_SUPERSEDES);
      FIELD (_("Superseded by:"), COL_SUPERSEDED_BY);
      FIELD (_("Withdrawn because:"), COL_WITHDRAWN);
#undef FIELD
      g_ptr_array_add (fields, NULL);

      sam_report_add_heading (report, 2, heading);
      sam_report_add_fields (report, (const char * const *) fields->pdata);
      if (*(char *) g_ptr_array_index (cells, COL_BODY) != '\0')
        sam_report_add_paragraph (report, g_ptr_array_index (cells, COL_BODY));
      add_escalations (report, store, decision);
    }
  names_clear (&names);

  return g_steal_pointer (&report);
}

/**
 * sam_decision_export_pdf:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group
 * @year: a year, or 0 for every year
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the decision log (see sam_decision_log_new()) as an A4 PDF.
 *
 * Returns: whether the file was written
 */
gboolean
sam_decision_export_pdf (SamStore    *store,
                         const char  *group_uuid,
                         int          year,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(SamReport) report = sam_decision_log_new (store, group_uuid, year, error);

  if (report == NULL)
    return FALSE;

  return sam_report_write_pdf (report, path, error);
}

/**
 * sam_decision_export_file:
 * @store: a #SamStore
 * @group_code: (nullable): a group's code, such as “AOI”, or %NULL for
 *   every group
 * @year: a year, or 0 for every year
 * @path: a file ending in .csv or .pdf
 * @error: return location for a #GError
 *
 * Exports the decision register the way the file name asks, for the
 * command line: `samordna --export-decisions AOI-2026.pdf --group AOI
 * --year 2026`.
 *
 * Returns: whether the file was written
 */
gboolean
sam_decision_export_file (SamStore    *store,
                          const char  *group_code,
                          int          year,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(GListModel) groups = NULL;
  g_autofree char *lower = NULL;
  const char *group_uuid = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if ((groups = sam_store_list_groups (store, error)) == NULL)
    return FALSE;
  for (guint i = 0; group_code != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (sam_group_get_code (group), group_code) == 0)
        group_uuid = sam_group_get_uuid (group);
    }
  if (group_code != NULL && group_uuid == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                   _("No group has the code “%s”"), group_code);
      return FALSE;
    }

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return sam_decision_export_csv (store, group_uuid, year, path, error);
  if (g_str_has_suffix (lower, ".pdf"))
    return sam_decision_export_pdf (store, group_uuid, year, path, error);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s”: the decision register is exported as .csv or .pdf"), path);
  return FALSE;
}

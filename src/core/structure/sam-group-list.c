/* sam-group-list.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-structure"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-commission.h"
#include "sam-csv.h"
#include "sam-file.h"
#include "sam-group-list.h"
#include "sam-roles.h"
#include "sam-rules.h"

/*
 * The list has one row per group that was established on the day it is
 * taken for (or has no date of establishment), dissolved groups included
 * with the day they were dissolved, so the list is also the record of what
 * existed. The groups come in the order of the tree, each under its parent,
 * and the level counts from the top group, 1. Role holders are those of
 * that day, as the commission document names them (sam_roles_holders()).
 */

enum {
  COL_LEVEL,
  COL_CODE,
  COL_NAME,
  COL_KIND,
  COL_PARENT,
  COL_CHAIR,
  COL_CONTACT,
  COL_COORDINATOR,
  COL_REGISTRY_NUMBER,
  COL_COMMISSION_DATE,
  COL_ESTABLISHED,
  COL_DISSOLVED,
  N_COLUMNS
};

static const char *
column_header (guint column)
{
  switch (column)
    {
    case COL_LEVEL: return C_("group list column", "Level");
    case COL_CODE: return C_("group list column", "Code");
    case COL_NAME: return C_("group list column", "Name");
    case COL_KIND: return C_("group list column", "Kind");
    case COL_PARENT: return C_("group list column", "Parent");
    case COL_CHAIR: return C_("group list column", "Chair");
    case COL_CONTACT: return C_("group list column", "Contact person");
    case COL_COORDINATOR: return C_("group list column", "Coordinator");
    case COL_REGISTRY_NUMBER: return C_("group list column", "Registry No.");
    case COL_COMMISSION_DATE: return C_("group list column", "Commission dated");
    case COL_ESTABLISHED: return C_("group list column", "Established");
    case COL_DISSOLVED: return C_("group list column", "Dissolved");
    default: g_return_val_if_reached ("");
    }
}

/* The names of those who hold @role on @as_of, joined with commas. */
static char *
holders_text (SamStore   *store,
              GListModel *assignments,
              GHashTable *home,
              SamRole     role,
              const char *as_of)
{
  g_autoptr(GPtrArray) holders = sam_roles_holders (assignments, role, as_of, home);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < holders->len; i++)
    {
      g_autofree char *name = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (g_ptr_array_index (holders, i)));

      if (name == NULL)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, name);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
add_group_row (SamStore    *store,
               SamGroup    *group,
               SamGroup    *parent,
               guint        level,
               const char  *as_of,
               GPtrArray   *rows,
               GError     **error)
{
  const char *uuid = sam_group_get_uuid (group);
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GHashTable) home = NULL;
  g_autoptr(SamCommission) commission = NULL;
  GError *local_error = NULL;
  GPtrArray *cells;

  if ((assignments = sam_store_list_group_assignments (store, uuid, error)) == NULL ||
      (home = sam_rules_dup_home_organisations (store, assignments, error)) == NULL)
    return FALSE;
  commission = sam_store_dup_group_commission (store, uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }

  cells = g_ptr_array_new_full (N_COLUMNS + 1, g_free);
  g_ptr_array_set_size (cells, N_COLUMNS + 1);
  cells->pdata[COL_LEVEL] = g_strdup_printf ("%u", level);
  cells->pdata[COL_CODE] = g_strdup (sam_group_get_code (group));
  cells->pdata[COL_NAME] = g_strdup (sam_group_get_name (group));
  cells->pdata[COL_KIND] = g_strdup (sam_group_kind_get_label (sam_group_get_kind (group)));
  if (parent != NULL)
    cells->pdata[COL_PARENT] = g_strdup (sam_group_get_code (parent) != NULL ? sam_group_get_code (parent)
                                                                            : sam_group_get_name (parent));
  cells->pdata[COL_CHAIR] = holders_text (store, assignments, home, SAM_ROLE_CHAIR, as_of);
  cells->pdata[COL_CONTACT] = holders_text (store, assignments, home, SAM_ROLE_CONTACT_PERSON, as_of);
  cells->pdata[COL_COORDINATOR] = holders_text (store, assignments, home, SAM_ROLE_COORDINATOR, as_of);
  if (commission != NULL)
    {
      cells->pdata[COL_REGISTRY_NUMBER] = g_strdup (sam_commission_get_registry_number (commission));
      cells->pdata[COL_COMMISSION_DATE] = g_strdup (sam_commission_get_dated (commission));
    }
  cells->pdata[COL_ESTABLISHED] = g_strdup (sam_group_get_established (group));
  cells->pdata[COL_DISSOLVED] = g_strdup (sam_group_get_dissolved (group));
  for (guint c = 0; c < N_COLUMNS; c++)
    if (cells->pdata[c] == NULL)
      cells->pdata[c] = g_strdup ("");
  g_ptr_array_add (rows, cells);

  return TRUE;
}

static gint
compare_position (gconstpointer a,
                  gconstpointer b)
{
  SamGroup *x = *(SamGroup **) a;
  SamGroup *y = *(SamGroup **) b;

  return (sam_group_get_position (x) > sam_group_get_position (y)) -
         (sam_group_get_position (x) < sam_group_get_position (y));
}

/* Adds the rows of @parent's children, each followed by its own, to
 * @rows. @children maps a parent's uuid ("" for the top) to its children. */
static gboolean
add_subtree (SamStore    *store,
             GHashTable  *children,
             SamGroup    *parent,
             guint        level,
             const char  *as_of,
             GPtrArray   *rows,
             GError     **error)
{
  GPtrArray *list = g_hash_table_lookup (children, parent != NULL ? sam_group_get_uuid (parent) : "");

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SamGroup *group = g_ptr_array_index (list, i);

      /* A register is a tree, but a list must end even on a damaged one. */
      if (level > 64)
        break;
      if (!add_group_row (store, group, parent, level, as_of, rows, error) ||
          !add_subtree (store, children, group, level + 1, as_of, rows, error))
        return FALSE;
    }

  return TRUE;
}

/* The rows of the list, each a NULL-terminated array of N_COLUMNS cells. */
static GPtrArray *
list_rows (SamStore    *store,
           const char  *as_of,
           GError     **error)
{
  g_autoptr(GListModel) groups = NULL;
  g_autoptr(GHashTable) children = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                          (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GHashTable) known = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  GHashTableIter iter;
  gpointer value;
  guint n;

  if ((groups = sam_store_list_groups (store, error)) == NULL)
    return NULL;

  n = g_list_model_get_n_items (groups);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      const char *established = sam_group_get_established (group);

      if (established == NULL || strcmp (established, as_of) <= 0)
        g_hash_table_add (known, (gpointer) sam_group_get_uuid (group));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      const char *parent = sam_group_get_parent_uuid (group);
      GPtrArray *list;

      if (!g_hash_table_contains (known, sam_group_get_uuid (group)))
        continue;
      /* A group whose parent is not listed stands at the top. */
      if (parent == NULL || !g_hash_table_contains (known, parent))
        parent = "";
      if ((list = g_hash_table_lookup (children, parent)) == NULL)
        {
          list = g_ptr_array_new_with_free_func (g_object_unref);
          g_hash_table_insert (children, g_strdup (parent), list);
        }
      g_ptr_array_add (list, g_steal_pointer (&group));
    }

  g_hash_table_iter_init (&iter, children);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_sort (value, compare_position);

  if (!add_subtree (store, children, NULL, 1, as_of, rows, error))
    return NULL;

  return g_steal_pointer (&rows);
}

static gboolean
check_date (const char  *as_of,
            GError     **error)
{
  if (sam_calendar_parse_iso (as_of, NULL))
    return TRUE;

  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
               _("%s is not a date: write it as YYYY-MM-DD, such as 2026-06-17"), as_of);
  return FALSE;
}

/**
 * sam_group_list_new:
 * @store: a #SamStore
 * @as_of: (nullable): the day the list is taken for, YYYY-MM-DD, or %NULL
 *   for today
 * @error: return location for a #GError
 *
 * Makes the register keeper's list of groups as a landscape A4 table (see
 * the top of this file), with the day it was taken out of the register in
 * its footer.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL on failure
 */
SamReport *
sam_group_list_new (SamStore    *store,
                    const char  *as_of,
                    GError     **error)
{
  static const guint columns[] = { COL_LEVEL, COL_CODE, COL_NAME, COL_KIND, COL_PARENT, COL_CHAIR,
                                   COL_CONTACT, COL_COORDINATOR, COL_REGISTRY_NUMBER, COL_ESTABLISHED };
  static const double widths[] = { 0.6, 1.0, 3.0, 1.6, 1.0, 1.7, 1.7, 1.7, 1.6, 1.4 };
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  g_autofree char *region = NULL;
  g_autofree char *header = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *summary = NULL;
  const char *headers[G_N_ELEMENTS (columns) + 1];

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  G_STATIC_ASSERT (G_N_ELEMENTS (columns) == G_N_ELEMENTS (widths));

  if (as_of == NULL)
    as_of = today;
  if (!check_date (as_of, error) || (rows = list_rows (store, as_of, error)) == NULL)
    return NULL;

  region = sam_store_dup_region (store);
  report = sam_report_new ();
  /* Twelve columns: 10 mm at the sides leave the names and roles room. */
  sam_report_set_paper (report, SAM_PAPER_A4, TRUE);
  sam_report_set_margins (report, 42.52, 28.35, 42.52, 28.35);
  sam_report_set_title (report, _("List of Corporate-Wide Groups"));
  sam_report_set_author (report, region);
  /* Translators: the subject of the list of groups' PDF; %s is a date */
  summary = g_strdup_printf (_("The groups as of %s"), as_of);
  sam_report_set_subject (report, summary);
  header = g_strdup_printf ("%s\n%s", region != NULL ? region : "", summary);
  sam_report_set_header (report, _("Group List"), header);
  /* Translators: in the footer of a log or list: the day it was taken out
   * of the register, as 2026-12-08 */
  extracted = g_strdup_printf (_("Extracted %s"), today);
  sam_report_set_footer_left (report, extracted);

  sam_report_add_heading (report, 1, _("List of Corporate-Wide Groups"));
  g_clear_pointer (&summary, g_free);
  summary = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u group as of %s, in the order of the organisation, dissolved groups included.",
                                          "%u groups as of %s, in the order of the organisation, dissolved groups included.",
                                          rows->len),
                             rows->len, as_of);
  sam_report_add_paragraph (report, summary);

  if (rows->len == 0)
    return g_steal_pointer (&report);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    headers[c] = column_header (columns[c]);
  /* Translators: a column of the list of groups: the day a group was
   * established and, under it, the day it was dissolved */
  headers[G_N_ELEMENTS (columns) - 1] = C_("group list column", "Established – dissolved");
  headers[G_N_ELEMENTS (columns)] = NULL;
  sam_report_add_table (report, G_N_ELEMENTS (columns), headers, widths);
  for (guint r = 0; r < rows->len; r++)
    {
      GPtrArray *cells = g_ptr_array_index (rows, r);
      const char *row[G_N_ELEMENTS (columns) + 1];
      g_autofree char *registry = NULL;
      g_autofree char *dates = NULL;

      for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
        row[c] = g_ptr_array_index (cells, columns[c]);
      /* The commission's registry number and its date share a cell. */
      if (*(char *) g_ptr_array_index (cells, COL_COMMISSION_DATE) != '\0')
        {
          registry = g_strdup_printf ("%s\n%s", (char *) g_ptr_array_index (cells, COL_REGISTRY_NUMBER),
                                      (char *) g_ptr_array_index (cells, COL_COMMISSION_DATE));
          row[8] = registry;
        }
      /* So do the days it was established and dissolved, to leave the
       * names room in a landscape A4 table. */
      if (*(char *) g_ptr_array_index (cells, COL_DISSOLVED) != '\0')
        {
          dates = g_strdup_printf ("%s\n– %s", (char *) g_ptr_array_index (cells, COL_ESTABLISHED),
                                   (char *) g_ptr_array_index (cells, COL_DISSOLVED));
          row[9] = dates;
        }
      row[G_N_ELEMENTS (columns)] = NULL;
      sam_report_add_table_row (report, row);
    }

  return g_steal_pointer (&report);
}

/**
 * sam_group_list_export_csv:
 * @store: a #SamStore
 * @as_of: (nullable): the day, YYYY-MM-DD, or %NULL for today
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the list of groups as CSV for Swedish spreadsheets (see
 * sam-csv.c): a header row, then one row per group with every column of
 * the list, the commission's registry number and date apart.
 *
 * Returns: whether the file was written
 */
gboolean
sam_group_list_export_csv (SamStore    *store,
                           const char  *as_of,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GString) out = sam_csv_new ();
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *today = sam_clock_dup_today ();
  const char *headers[N_COLUMNS + 1];

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (as_of == NULL)
    as_of = today;
  if (!check_date (as_of, error) || (rows = list_rows (store, as_of, error)) == NULL)
    return FALSE;

  for (guint c = 0; c < N_COLUMNS; c++)
    headers[c] = column_header (c);
  headers[N_COLUMNS] = NULL;
  sam_csv_append_row (out, headers);
  for (guint r = 0; r < rows->len; r++)
    sam_csv_append_row (out, (const char * const *) ((GPtrArray *) g_ptr_array_index (rows, r))->pdata);

  if (!sam_file_set_contents (path, out->str, out->len, error))
    {
      g_prefix_error (error, _("The list of groups could not be exported: "));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_group_list_export_file:
 * @store: a #SamStore
 * @as_of: (nullable): the day, YYYY-MM-DD, or %NULL for today
 * @path: a file ending in .pdf or .csv
 * @error: return location for a #GError
 *
 * Exports the list of groups the way the file name asks, for the command
 * line: `samordna --export-group-list grupper.csv --as-of 2026-06-30`.
 *
 * Returns: whether the file was written
 */
gboolean
sam_group_list_export_file (SamStore    *store,
                            const char  *as_of,
                            const char  *path,
                            GError     **error)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".csv"))
    return sam_group_list_export_csv (store, as_of, path, error);
  if (g_str_has_suffix (lower, ".pdf"))
    {
      g_autoptr(SamReport) report = sam_group_list_new (store, as_of, error);

      return report != NULL && sam_report_write_pdf (report, path, error);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("“%s”: the list of groups is exported as .pdf or .csv"), path);
  return FALSE;
}

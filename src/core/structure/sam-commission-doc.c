/* sam-commission-doc.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-commission-doc"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-commission-doc.h"
#include "sam-roles.h"
#include "sam-rules.h"
#include "sam-store-structure.h"

/**
 * sam_format_term:
 * @starts: (nullable): the first day
 * @ends: (nullable): the last day
 *
 * Returns: (transfer full): a term as people read it, such as
 *   “2024-01-01 – 2026-12-31” or “from 2024-01-01”
 */
char *
sam_format_term (const char *starts,
                 const char *ends)
{
  if (starts != NULL && ends != NULL)
    return g_strdup_printf ("%s – %s", starts, ends);
  if (starts != NULL)
    /* Translators: a term with no end date */
    return g_strdup_printf (_("from %s"), starts);
  if (ends != NULL)
    /* Translators: a term with no start date */
    return g_strdup_printf (_("until %s"), ends);

  return g_strdup (_("until further notice"));
}

/* Each line of a long text is a paragraph, and lines starting with “- ” or
 * “• ” (or every line, for lists such as tasks) become bullets, as in the
 * commission documents. */
static void
add_text_as (SamReport  *report,
             const char *text,
             gboolean    as_list)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) bullets = g_ptr_array_new_with_free_func (g_free);

  if (text == NULL || *text == '\0')
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; ; i++)
    {
      g_autofree char *stripped = lines[i] != NULL ? g_strstrip (g_strdup (lines[i])) : NULL;
      gboolean dash = stripped != NULL && (g_str_has_prefix (stripped, "- ") || g_str_has_prefix (stripped, "• "));
      gboolean bullet = stripped != NULL && *stripped != '\0' && (dash || as_list);

      if ((stripped == NULL || !bullet) && bullets->len > 0)
        {
          g_ptr_array_add (bullets, NULL);
          sam_report_add_bullets (report, (const char * const *) bullets->pdata);
          g_ptr_array_set_size (bullets, 0);
        }
      if (stripped == NULL)
        break;

      if (bullet)
        g_ptr_array_add (bullets, g_strdup (dash ? stripped + (stripped[0] == '-' ? 2 : strlen ("• ")) : stripped));
      else if (*stripped != '\0')
        sam_report_add_paragraph (report, stripped);
    }
}

static void
add_text (SamReport  *report,
          const char *text)
{
  add_text_as (report, text, FALSE);
}

static const char *
text_of (SamCommission *commission,
         const char    *column)
{
  const char *text = commission != NULL && column != NULL ? sam_commission_get_text (commission, column) : NULL;

  return text != NULL && *text != '\0' ? text : NULL;
}

typedef struct
{
  SamStore   *store;
  GListModel *assignments;
  GHashTable *home;
  const char *as_of;
} Holders;

static char *
holder_line (Holders       *h,
             SamAssignment *a)
{
  g_autofree char *name = sam_rules_dup_person_name (h->store, sam_assignment_get_person_uuid (a));
  g_autofree char *organisation = sam_rules_dup_organisation_name (h->store, sam_roles_represented (a, h->home));
  g_autoptr(GString) line = g_string_new (name);

  if (organisation != NULL)
    g_string_append_printf (line, ", %s", organisation);
  if (sam_roles_tenure (h->assignments, a, h->as_of, h->home) == SAM_TENURE_CARRIED_OVER)
    /* Translators: after a name: the term has ended, no successor yet */
    g_string_append_printf (line, _(" (term ended %s, stays until a successor is appointed)"),
                            sam_assignment_get_ends (a));

  return g_string_free (g_steal_pointer (&line), FALSE);
}

static void
add_holders (SamReport *report,
             Holders   *h,
             SamRole    role,
             GPtrArray *vacancies)
{
  g_autoptr(GPtrArray) holders = sam_roles_holders (h->assignments, role, h->as_of, h->home);
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < holders->len; i++)
    g_ptr_array_add (lines, holder_line (h, g_ptr_array_index (holders, i)));
  for (guint i = 0; vacancies != NULL && i < vacancies->len; i++)
    {
      g_autofree char *organisation = sam_rules_dup_organisation_name (h->store, g_ptr_array_index (vacancies, i));

      /* Translators: a seat nobody holds; %s is the organisation that appoints */
      g_ptr_array_add (lines, g_strdup_printf (_("Vacant (%s)"), organisation != NULL ? organisation : "?"));
    }

  if (lines->len == 0)
    {
      sam_report_add_paragraph (report, _("Nobody holds this role at present."));
      return;
    }

  g_ptr_array_add (lines, NULL);
  sam_report_add_bullets (report, (const char * const *) lines->pdata);
}

static void
add_role_section (SamReport     *report,
                  Holders       *h,
                  const char    *heading,
                  SamCommission *commission,
                  const char    *rule_column,
                  SamRole        role,
                  GPtrArray     *vacancies)
{
  sam_report_add_heading (report, 2, heading);
  add_text (report, text_of (commission, rule_column));
  add_holders (report, h, role, vacancies);
}

static gboolean
add_subgroups (SamReport     *report,
               SamStore      *store,
               SamGroup      *group,
               SamCommission *commission,
               const char    *as_of,
               GError       **error)
{
  g_autoptr(GListModel) children = sam_store_list_child_groups (store, sam_group_get_uuid (group), error);
  g_autoptr(GPtrArray) relations = NULL;
  g_autoptr(GPtrArray) subgroups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) teams = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (children == NULL)
    return FALSE;
  relations = sam_store_list_relations (store, sam_group_get_uuid (group), error);
  if (relations == NULL)
    return FALSE;

  for (guint i = 0; i < g_list_model_get_n_items (children) + relations->len; i++)
    {
      g_autoptr(SamGroup) child = NULL;
      const char *dissolved;

      if (i < g_list_model_get_n_items (children))
        child = g_list_model_get_item (children, i);
      else
        {
          SamRelation *relation = g_ptr_array_index (relations, i - g_list_model_get_n_items (children));

          if (relation->kind != SAM_RELATION_KIND_REPORTS_TO ||
              g_strcmp0 (relation->to_uuid, sam_group_get_uuid (group)) != 0)
            continue;
          child = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, relation->from_uuid, NULL);
        }
      if (child == NULL || !g_hash_table_add (seen, g_strdup (sam_group_get_uuid (child))))
        continue;
      dissolved = sam_group_get_dissolved (child);
      if (dissolved != NULL && strcmp (dissolved, as_of) <= 0)
        continue;

      g_ptr_array_add (sam_group_get_kind (child) == SAM_GROUP_KIND_PROCESS_TEAM ? teams : subgroups,
                       g_strdup (sam_group_get_name (child)));
    }

  sam_report_add_heading (report, 2, _("Subgroups"));
  add_text (report, text_of (commission, "subgroups-rule"));
  if (subgroups->len > 0)
    {
      g_ptr_array_add (subgroups, NULL);
      sam_report_add_bullets (report, (const char * const *) subgroups->pdata);
    }
  else
    sam_report_add_paragraph (report, _("The group has no subgroups at present."));

  sam_report_add_heading (report, 2, _("Regional Process Teams"));
  if (teams->len > 0)
    {
      g_ptr_array_add (teams, NULL);
      sam_report_add_bullets (report, (const char * const *) teams->pdata);
    }
  else
    sam_report_add_paragraph (report, _("No regional process team reports to the group at present."));

  return TRUE;
}

/**
 * sam_commission_doc_new:
 * @store: a #SamStore
 * @group_uuid: a group
 * @as_of: (nullable): the day whose role holders are listed, YYYY-MM-DD;
 *   %NULL for today
 * @error: return location for a #GError
 *
 * Builds the group's commission (uppdragshandling) from the register, in
 * the structure of the region's commission documents: a header with the
 * date and registry number; area of responsibility, commissioner and
 * commissionee; purpose; tasks; the working organisation with the people
 * who hold each role on @as_of (and vacant seats); meeting frequency;
 * subgroups and process teams; boundaries; decision rules; the decision
 * date and decision maker; and who the commission is sent to.
 *
 * Returns: (transfer full) (nullable): the document, ready to paginate
 */
SamReport *
sam_commission_doc_new (SamStore    *store,
                        const char  *group_uuid,
                        const char  *as_of,
                        GError     **error)
{
  g_autoptr(SamReport) report = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(SamCommission) commission = NULL;
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GHashTable) home = NULL;
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GPtrArray) vacancies = NULL;
  g_autofree char *today = NULL;
  g_autofree char *title = NULL;
  g_autofree char *header = NULL;
  g_autofree char *commissionee = NULL;
  g_autofree char *region = NULL;
  g_autofree char *frequency = NULL;
  GError *local_error = NULL;
  Holders h;
  const char *dated, *registry, *fields[7];
  guint n = 0;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  if (as_of == NULL)
    as_of = today = sam_clock_dup_today ();

  group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, group_uuid, &local_error);
  if (group == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("There is no group “%s” in the register"), group_uuid);
      return NULL;
    }
  commission = sam_store_dup_group_commission (store, group_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if ((assignments = sam_store_list_group_assignments (store, group_uuid, error)) == NULL ||
      (home = sam_rules_dup_home_organisations (store, assignments, error)) == NULL ||
      (seats = sam_store_list_seats (store, group_uuid, error)) == NULL)
    return NULL;
  vacancies = sam_roles_vacancies (assignments, seats, as_of, home);
  h = (Holders) { store, assignments, home, as_of };

  report = sam_report_new ();

  /* The header: what the document is, its date and registry number */
  dated = text_of (commission, "dated");
  registry = text_of (commission, "registry-number");
  header = g_strdup_printf ("%s %s\n%s %s", _("Date"), dated != NULL ? dated : "–",
                            _("Registry No."), registry != NULL ? registry : "–");
  sam_report_set_header (report, _("Commission"), header);
  sam_report_set_footer_left (report, sam_group_get_name (group));
  sam_report_set_author (report, region = sam_store_dup_region (store));
  sam_report_set_subject (report, sam_group_get_name (group));

  if (text_of (commission, "title") != NULL)
    title = g_strdup (text_of (commission, "title"));
  else
    /* Translators: the title of a commission document; %s is a group's name */
    title = g_strdup_printf (_("Commission for %s"), sam_group_get_name (group));
  if (text_of (commission, "revision") != NULL)
    {
      char *with_revision = g_strdup_printf ("%s, %s", title, text_of (commission, "revision"));

      g_free (title);
      title = with_revision;
    }
  sam_report_set_title (report, title);
  sam_report_add_heading (report, 1, title);

  /* Responsibility, commissioner and commissionee */
  commissionee = text_of (commission, "commissionee") != NULL
                 ? g_strdup (text_of (commission, "commissionee"))
                 /* Translators: who a commission is given to; %s is a group's name */
                 : g_strdup_printf (_("Participants in %s"), sam_group_get_name (group));
  if (text_of (commission, "area") != NULL)
    {
      fields[n++] = _("Area of responsibility:");
      fields[n++] = text_of (commission, "area");
    }
  fields[n++] = _("Commissioner:");
  fields[n++] = text_of (commission, "commissioner") != NULL ? text_of (commission, "commissioner") : "–";
  fields[n++] = _("Commissionee:");
  fields[n++] = commissionee;
  fields[n] = NULL;
  sam_report_add_fields (report, fields);
  add_text (report, text_of (commission, "background"));

  sam_report_add_heading (report, 1, _("Purpose of the Commission"));
  add_text (report, text_of (commission, "purpose") != NULL ? text_of (commission, "purpose") : "–");

  sam_report_add_heading (report, 1, _("Tasks"));
  add_text_as (report, text_of (commission, "tasks") != NULL ? text_of (commission, "tasks") : "–", TRUE);

  /* The working organisation, with who holds each role on the day */
  sam_report_add_heading (report, 1, _("Working Organisation"));
  add_role_section (report, &h, _("Chair"), commission, "chair-rule", SAM_ROLE_CHAIR, NULL);
  add_role_section (report, &h, _("Members"), commission, "members-rule", SAM_ROLE_MEMBER, vacancies);
  add_role_section (report, &h, _("Co-opted Members"), commission, "co-opted-rule", SAM_ROLE_CO_OPTED, NULL);
  if (commission != NULL && sam_commission_get_max_co_opted (commission) >= 0)
    {
      int max = sam_commission_get_max_co_opted (commission);
      g_autofree char *limit = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "At most %d co-opted member.",
                                                             "At most %d co-opted members.", max), max);

      sam_report_add_paragraph (report, limit);
    }
  add_role_section (report, &h, _("Coordinator"), commission, NULL, SAM_ROLE_COORDINATOR, NULL);
  add_role_section (report, &h, _("Contact Person"), commission, NULL, SAM_ROLE_CONTACT_PERSON, NULL);

  sam_report_add_heading (report, 2, _("Meeting Frequency"));
  if (commission != NULL && sam_commission_get_min_meetings (commission) >= 0 && sam_commission_get_max_meetings (commission) >= 0)
    /* Translators: as in the commission documents: “4 till maximalt 8 ggr/år.” */
    frequency = g_strdup_printf (_("%d to at most %d times a year."),
                                 sam_commission_get_min_meetings (commission), sam_commission_get_max_meetings (commission));
  else if (commission != NULL && sam_commission_get_max_meetings (commission) >= 0)
    frequency = g_strdup_printf (_("At most %d times a year."), sam_commission_get_max_meetings (commission));
  else if (commission != NULL && sam_commission_get_min_meetings (commission) >= 0)
    frequency = g_strdup_printf (_("At least %d times a year."), sam_commission_get_min_meetings (commission));
  else
    frequency = g_strdup (_("As the group decides."));
  sam_report_add_paragraph (report, frequency);

  if (!add_subgroups (report, store, group, commission, as_of, error))
    return NULL;

  if (text_of (commission, "boundaries") != NULL)
    {
      sam_report_add_heading (report, 1, _("Relations to Other Commissions"));
      add_text (report, text_of (commission, "boundaries"));
    }

  sam_report_add_heading (report, 1, _("Decision Rules"));
  if (text_of (commission, "reporting") != NULL)
    {
      sam_report_add_heading (report, 2, _("Reporting"));
      add_text (report, text_of (commission, "reporting"));
    }
  sam_report_add_heading (report, 2, _("Decision Making"));
  add_text (report, text_of (commission, "decision-rules") != NULL ? text_of (commission, "decision-rules") : "–");
  add_text (report, text_of (commission, "routine-mandate"));

  /* The decision: date and decision maker */
  {
    const char *decision[5];

    decision[0] = _("Decision date:");
    decision[1] = text_of (commission, "decided") != NULL ? text_of (commission, "decided") : "–";
    decision[2] = _("Decision maker:");
    decision[3] = text_of (commission, "decision-maker") != NULL ? text_of (commission, "decision-maker") : "–";
    decision[4] = NULL;
    sam_report_add_spacer (report, 12);
    sam_report_add_fields (report, decision);
  }

  sam_report_add_heading (report, 1, _("Distribution"));
  add_text_as (report, text_of (commission, "distribution") != NULL ? text_of (commission, "distribution") : "–", TRUE);

  return g_steal_pointer (&report);
}

/**
 * sam_commission_doc_write:
 * @store: a #SamStore
 * @group_uuid: a group
 * @as_of: (nullable): as for sam_commission_doc_new()
 * @path: the PDF file to write
 * @error: return location for a #GError
 *
 * Writes the group's commission document as a PDF file.
 *
 * Returns: whether the file was written
 */
gboolean
sam_commission_doc_write (SamStore    *store,
                          const char  *group_uuid,
                          const char  *as_of,
                          const char  *path,
                          GError     **error)
{
  g_autoptr(SamReport) report = sam_commission_doc_new (store, group_uuid, as_of, error);

  return report != NULL && sam_report_write_pdf (report, path, error);
}

/**
 * sam_person_roles_doc_new:
 * @store: a #SamStore
 * @person_uuid: a person
 * @as_of: (nullable): the day that divides current from past roles;
 *   %NULL for today
 * @error: return location for a #GError
 *
 * Builds one person's list of roles (uppdragsförteckning): every role
 * they hold or have held in any group, with the term and the organisation
 * represented, current roles first.
 *
 * Returns: (transfer full) (nullable): the document, ready to paginate
 */
SamReport *
sam_person_roles_doc_new (SamStore    *store,
                          const char  *person_uuid,
                          const char  *as_of,
                          GError     **error)
{
  static const double widths[] = { 3.0, 1.6, 2.2, 1.8, 2.2 };
  const char *headers[] = { _("Group"), _("Role"), _("Represents"), _("Appointed by"), _("Term"), NULL };
  g_autoptr(SamReport) report = NULL;
  g_autoptr(SamPerson) person = NULL;
  g_autoptr(GListModel) assignments = NULL;
  g_autofree char *today = NULL;
  g_autofree char *header = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *region = NULL;
  g_autofree char *extracted = NULL;
  g_autofree char *footer = NULL;
  GError *local_error = NULL;
  guint n;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (person_uuid != NULL, NULL);

  if (as_of == NULL)
    as_of = today = sam_clock_dup_today ();

  person = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, person_uuid, &local_error);
  if (person == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("There is no person “%s” in the register"), person_uuid);
      return NULL;
    }
  if ((assignments = sam_store_list_person_assignments (store, person_uuid, error)) == NULL)
    return NULL;

  report = sam_report_new ();
  header = g_strdup_printf ("%s %s", _("Date"), as_of);
  sam_report_set_header (report, _("List of Roles"), header);
  sam_report_set_title (report, sam_person_get_name (person));
  /* Translators: in the footer of a log or list: the day it was taken out
   * of the register, as 2026-12-08 */
  extracted = g_strdup_printf (_("Extracted %s"), today != NULL ? today : (today = sam_clock_dup_today ()));
  footer = g_strdup_printf ("%s · %s", sam_person_get_name (person), extracted);
  sam_report_set_footer_left (report, footer);
  sam_report_set_author (report, region = sam_store_dup_region (store));
  sam_report_set_subject (report, sam_person_get_name (person));
  sam_report_add_heading (report, 1, sam_person_get_name (person));

  organisation = sam_rules_dup_organisation_name (store, sam_person_get_organisation_uuid (person));
  {
    const char *fields[9];
    guint f = 0;

    if (sam_person_get_title (person) != NULL)
      {
        fields[f++] = _("Title:");
        fields[f++] = sam_person_get_title (person);
      }
    if (organisation != NULL)
      {
        fields[f++] = _("Organisation:");
        fields[f++] = organisation;
      }
    if (sam_person_get_email (person) != NULL)
      {
        fields[f++] = _("E-mail:");
        fields[f++] = sam_person_get_email (person);
      }
    if (sam_person_get_phone (person) != NULL)
      {
        fields[f++] = _("Phone:");
        fields[f++] = sam_person_get_phone (person);
      }
    fields[f] = NULL;
    if (f > 0)
      sam_report_add_fields (report, fields);
  }

  n = g_list_model_get_n_items (assignments);
  for (guint pass = 0; pass < 2; pass++)
    {
      gboolean any = FALSE;

      sam_report_add_heading (report, 2, pass == 0 ? _("Current Roles") : _("Past Roles"));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);
          g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_assignment_get_group_uuid (a), NULL);
          g_autoptr(GListModel) group_assignments = NULL;
          g_autoptr(GHashTable) home = NULL;
          g_autofree char *represents = NULL;
          g_autofree char *term = NULL;
          SamTenure tenure;
          const char *cells[6];

          group_assignments = sam_store_list_group_assignments (store, sam_assignment_get_group_uuid (a), NULL);
          if (group == NULL || group_assignments == NULL)
            continue;
          home = sam_rules_dup_home_organisations (store, group_assignments, NULL);
          tenure = sam_roles_tenure (group_assignments, a, as_of, home);
          if ((pass == 0) != (tenure == SAM_TENURE_CURRENT || tenure == SAM_TENURE_CARRIED_OVER || tenure == SAM_TENURE_FUTURE))
            continue;

          if (!any)
            sam_report_add_table (report, 5, headers, widths);
          any = TRUE;
          represents = sam_rules_dup_organisation_name (store, sam_roles_represented (a, home));
          term = sam_format_term (sam_assignment_get_starts (a), sam_assignment_get_ends (a));
          if (tenure == SAM_TENURE_CARRIED_OVER)
            {
              char *longer = g_strdup_printf (_("%s (stays until a successor is appointed)"), term);

              g_free (term);
              term = longer;
            }
          cells[0] = sam_group_get_name (group);
          cells[1] = sam_role_get_label (sam_assignment_get_role (a));
          cells[2] = represents != NULL ? represents : "–";
          cells[3] = sam_assignment_get_appointed_by (a) != NULL ? sam_assignment_get_appointed_by (a) : "–";
          cells[4] = term;
          cells[5] = NULL;
          sam_report_add_table_row (report, cells);
        }
      if (!any)
        sam_report_add_paragraph (report, pass == 0 ? _("No current roles.") : _("No past roles."));
    }

  return g_steal_pointer (&report);
}

/* sam-rules.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-rules"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-rules.h"
#include "sam-store-structure.h"

/**
 * sam_warning_free:
 * @warning: (transfer full): a warning
 *
 * Frees @warning.
 */
void
sam_warning_free (SamWarning *warning)
{
  if (warning == NULL)
    return;

  g_free (warning->message);
  g_free (warning->subject_uuid);
  g_free (warning);
}

static void
add_warning (GPtrArray  *warnings,
             SamRule     rule,
             const char *subject_uuid,
             char       *message)
{
  SamWarning *warning = g_new0 (SamWarning, 1);

  warning->rule = rule;
  warning->message = message;
  warning->subject_uuid = g_strdup (subject_uuid);
  g_ptr_array_add (warnings, warning);
}

/**
 * sam_rules_dup_person_name:
 * @store: a #SamStore
 * @person_uuid: (nullable): a person
 *
 * Returns: (transfer full): the person's name, or “?” if unknown
 */
char *
sam_rules_dup_person_name (SamStore   *store,
                           const char *person_uuid)
{
  g_autoptr(SamPerson) person = NULL;

  if (person_uuid != NULL)
    person = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, person_uuid, NULL);

  return g_strdup (person != NULL ? sam_person_get_name (person) : "?");
}

/**
 * sam_rules_dup_organisation_name:
 * @store: a #SamStore
 * @organisation_uuid: (nullable): an organisation
 *
 * Returns: (transfer full) (nullable): the organisation's name, or %NULL
 */
char *
sam_rules_dup_organisation_name (SamStore   *store,
                                 const char *organisation_uuid)
{
  g_autoptr(SamOrganisation) organisation = NULL;

  if (organisation_uuid != NULL)
    organisation = sam_store_dup_by_uuid (store, SAM_TYPE_ORGANISATION, organisation_uuid, NULL);

  return organisation != NULL ? g_strdup (sam_organisation_get_name (organisation)) : NULL;
}

/**
 * sam_rules_dup_home_organisations:
 * @store: a #SamStore
 * @assignments: (element-type SamAssignment): a group's assignments
 * @error: return location for a #GError
 *
 * Looks up the home organisation of each holder whose assignment names
 * none, for sam_roles_represented(), without reading the whole register.
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): person
 *   UUID → organisation UUID
 */
GHashTable *
sam_rules_dup_home_organisations (SamStore    *store,
                                  GListModel  *assignments,
                                  GError     **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  guint n = g_list_model_get_n_items (assignments);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);
      const char *person_uuid = sam_assignment_get_person_uuid (a);
      g_autoptr(SamPerson) person = NULL;
      g_autoptr(GError) local_error = NULL;

      if (sam_assignment_get_organisation_uuid (a) != NULL || person_uuid == NULL ||
          g_hash_table_contains (table, person_uuid))
        continue;

      person = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, person_uuid, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      if (person != NULL && sam_person_get_organisation_uuid (person) != NULL)
        g_hash_table_insert (table, g_strdup (person_uuid), g_strdup (sam_person_get_organisation_uuid (person)));
    }

  return g_steal_pointer (&table);
}

static char *
join_names (SamStore  *store,
            GPtrArray *holders)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < holders->len; i++)
    {
      g_autofree char *name = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (g_ptr_array_index (holders, i)));

      if (i > 0)
        g_string_append (names, i + 1 == holders->len ? _(" and ") : ", ");
      g_string_append (names, name);
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
check_single_roles (SamStore   *store,
                    SamGroup   *group,
                    GPtrArray  *holders[],
                    GPtrArray  *warnings)
{
  static const SamRole roles[] = { SAM_ROLE_CHAIR, SAM_ROLE_COORDINATOR, SAM_ROLE_CONTACT_PERSON };
  gboolean council = sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL;

  for (guint r = 0; r < G_N_ELEMENTS (roles); r++)
    {
      GPtrArray *h = holders[roles[r]];

      if (h->len == 0 && council)
        {
          const char *message;

          if (roles[r] == SAM_ROLE_CHAIR)
            message = _("The council has no chair");
          else if (roles[r] == SAM_ROLE_COORDINATOR)
            message = _("The council has no coordinator");
          else
            message = _("The council has no contact person");
          add_warning (warnings, SAM_RULE_ROLE_MISSING, NULL, g_strdup (message));
        }
      else if (h->len > 1)
        {
          g_autofree char *names = join_names (store, h);
          char *message;

          /* Translators: %s lists names, such as “Anna Berg and Olle Ek” */
          if (roles[r] == SAM_ROLE_CHAIR)
            message = g_strdup_printf (_("Two chairs at once: %s"), names);
          else if (roles[r] == SAM_ROLE_COORDINATOR)
            message = g_strdup_printf (_("Two coordinators at once: %s"), names);
          else
            message = g_strdup_printf (_("Two contact persons at once: %s"), names);
          add_warning (warnings, SAM_RULE_ROLE_TWICE, NULL, message);
        }
    }
}

static void
check_chair_contact (SamStore   *store,
                     GPtrArray  *holders[],
                     GHashTable *home,
                     GPtrArray  *warnings)
{
  GPtrArray *chairs = holders[SAM_ROLE_CHAIR];
  GPtrArray *contacts = holders[SAM_ROLE_CONTACT_PERSON];

  for (guint i = 0; i < chairs->len; i++)
    for (guint j = 0; j < contacts->len; j++)
      {
        SamAssignment *chair = g_ptr_array_index (chairs, i);
        SamAssignment *contact = g_ptr_array_index (contacts, j);
        const char *organisation = sam_roles_represented (chair, home);
        g_autofree char *chair_name = NULL;
        g_autofree char *contact_name = NULL;
        g_autofree char *organisation_name = NULL;

        if (organisation == NULL || g_strcmp0 (organisation, sam_roles_represented (contact, home)) != 0)
          continue;

        chair_name = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (chair));
        contact_name = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (contact));
        organisation_name = sam_rules_dup_organisation_name (store, organisation);
        add_warning (warnings, SAM_RULE_CHAIR_CONTACT_SAME_ORGANISATION, organisation,
                     /* Translators: the commission says they should come from
                      * different administrations */
                     g_strdup_printf (_("The chair (%s) and the contact person (%s) both come from %s"),
                                      chair_name, contact_name,
                                      organisation_name != NULL ? organisation_name : "?"));
      }
}

static gboolean
check_seats (SamStore    *store,
             const char  *group_uuid,
             GListModel  *assignments,
             const char  *date,
             GHashTable  *home,
             GPtrArray   *warnings,
             GError     **error)
{
  g_autoptr(GPtrArray) seats = sam_store_list_seats (store, group_uuid, error);
  g_autoptr(GPtrArray) vacancies = NULL;

  if (seats == NULL)
    return FALSE;

  vacancies = sam_roles_vacancies (assignments, seats, date, home);
  for (guint i = 0; i < vacancies->len; i++)
    {
      const char *organisation = g_ptr_array_index (vacancies, i);
      g_autofree char *name = NULL;
      guint n = 1;

      /* One warning per organisation, however many seats it leaves empty. */
      if (i > 0 && g_strcmp0 (organisation, g_ptr_array_index (vacancies, i - 1)) == 0)
        continue;
      while (i + n < vacancies->len && g_strcmp0 (organisation, g_ptr_array_index (vacancies, i + n)) == 0)
        n++;

      name = sam_rules_dup_organisation_name (store, organisation);
      add_warning (warnings, SAM_RULE_SEAT_VACANT, organisation,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%s should appoint a member but has none here (%u seat vacant)",
                                                 "%s should appoint members but %u seats are vacant",
                                                 n),
                                    name != NULL ? name : "?", n));
    }

  return TRUE;
}

static gboolean
check_process_team (SamStore    *store,
                    SamGroup    *group,
                    GPtrArray   *warnings,
                    GError     **error)
{
  g_autoptr(GPtrArray) relations = NULL;

  if (sam_group_get_kind (group) != SAM_GROUP_KIND_PROCESS_TEAM)
    return TRUE;

  relations = sam_store_list_relations (store, sam_group_get_uuid (group), error);
  if (relations == NULL)
    return FALSE;

  for (guint i = 0; i < relations->len; i++)
    {
      SamRelation *relation = g_ptr_array_index (relations, i);
      g_autoptr(SamGroup) to = NULL;

      if (relation->kind != SAM_RELATION_KIND_REPORTS_TO ||
          g_strcmp0 (relation->from_uuid, sam_group_get_uuid (group)) != 0)
        continue;
      to = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, relation->to_uuid, NULL);
      if (to != NULL && sam_group_get_kind (to) == SAM_GROUP_KIND_COUNCIL)
        return TRUE;
    }

  add_warning (warnings, SAM_RULE_PROCESS_TEAM_UNREPORTED, NULL,
               g_strdup (_("The process team reports to no council")));
  return TRUE;
}

/**
 * sam_rules_check_group:
 * @store: a #SamStore
 * @group_uuid: a group
 * @date: (nullable): the day to check, YYYY-MM-DD; %NULL for today
 * @error: return location for a #GError
 *
 * Checks the rules of the commission documents for one group: the chair
 * and the contact person come from different organisations; each
 * organisation that appoints a member has one; no more co-opted members
 * than the commission allows; a council has one chair, one coordinator and
 * one contact person (never none, never two); a regional process team
 * reports to a council; no term has ended without a successor. A group
 * dissolved by @date has no warnings.
 *
 * Returns: (transfer full) (element-type SamWarning) (nullable): the
 *   warnings, empty if all is well
 */
GPtrArray *
sam_rules_check_group (SamStore    *store,
                       const char  *group_uuid,
                       const char  *date,
                       GError     **error)
{
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_warning_free);
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(SamCommission) commission = NULL;
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GHashTable) home = NULL;
  g_autofree char *today = NULL;
  GPtrArray *holders[SAM_ROLE_CONTACT_PERSON + 1] = { NULL, };
  GError *local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  if (date == NULL)
    date = today = sam_clock_dup_today ();

  group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, group_uuid, &local_error);
  if (group == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error != NULL ? NULL : g_steal_pointer (&warnings);
    }
  if (sam_group_get_dissolved (group) != NULL && strcmp (sam_group_get_dissolved (group), date) <= 0)
    return g_steal_pointer (&warnings);

  if ((assignments = sam_store_list_group_assignments (store, group_uuid, error)) == NULL ||
      (home = sam_rules_dup_home_organisations (store, assignments, error)) == NULL)
    return NULL;
  commission = sam_store_dup_group_commission (store, group_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  for (guint r = 0; r <= SAM_ROLE_CONTACT_PERSON; r++)
    holders[r] = sam_roles_holders (assignments, r, date, home);

  check_chair_contact (store, holders, home, warnings);
  if (!check_seats (store, group_uuid, assignments, date, home, warnings, &local_error))
    goto out;

  if (commission != NULL && sam_commission_get_max_co_opted (commission) >= 0 &&
      holders[SAM_ROLE_CO_OPTED]->len > (guint) sam_commission_get_max_co_opted (commission))
    {
      guint n = holders[SAM_ROLE_CO_OPTED]->len;
      guint max = (guint) sam_commission_get_max_co_opted (commission);

      add_warning (warnings, SAM_RULE_TOO_MANY_CO_OPTED, NULL,
                   g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                 "%u co-opted member, more than the %u the commission allows",
                                                 "%u co-opted members, more than the %u the commission allows",
                                                 n),
                                    n, max));
    }

  check_single_roles (store, group, holders, warnings);
  if (!check_process_team (store, group, warnings, &local_error))
    goto out;

  for (guint r = 0; r <= SAM_ROLE_CONTACT_PERSON; r++)
    for (guint i = 0; i < holders[r]->len; i++)
      {
        SamAssignment *a = g_ptr_array_index (holders[r], i);
        g_autofree char *name = NULL;

        if (sam_roles_tenure (assignments, a, date, home) != SAM_TENURE_CARRIED_OVER)
          continue;
        name = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (a));
        add_warning (warnings, SAM_RULE_TERM_ENDED, sam_assignment_get_uuid (a),
                     /* Translators: a name, a role and the last day of the term */
                     g_strdup_printf (_("Term ended with no successor: %s (%s, until %s)"),
                                      name, sam_role_get_label (r), sam_assignment_get_ends (a)));
      }

out:
  for (guint r = 0; r <= SAM_ROLE_CONTACT_PERSON; r++)
    g_clear_pointer (&holders[r], g_ptr_array_unref);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  return g_steal_pointer (&warnings);
}

/* Terms ending */

/**
 * sam_term_ending_free:
 * @term: (transfer full): a term
 *
 * Frees @term.
 */
void
sam_term_ending_free (SamTermEnding *term)
{
  if (term == NULL)
    return;

  g_clear_object (&term->assignment);
  g_free (term->group_uuid);
  g_free (term->group_label);
  g_free (term->person_name);
  g_free (term->organisation_name);
  g_free (term);
}

/**
 * sam_term_ending_format:
 * @term: a term
 *
 * Returns: (transfer full): one line for a list, such as
 *   “2026-07-31  AOI  Chair  Anna Berg, NU-sjukvården”
 */
char *
sam_term_ending_format (const SamTermEnding *term)
{
  g_autoptr(GString) line = g_string_new (NULL);

  g_return_val_if_fail (term != NULL, NULL);

  g_string_append_printf (line, "%s  %s  %s  %s", sam_assignment_get_ends (term->assignment), term->group_label,
                          sam_role_get_label (sam_assignment_get_role (term->assignment)), term->person_name);
  if (term->organisation_name != NULL)
    g_string_append_printf (line, ", %s", term->organisation_name);
  if (term->carried_over)
    g_string_append_printf (line, "  (%s)", _("ended, no successor"));
  else if (term->successor_appointed)
    g_string_append_printf (line, "  (%s)", _("successor appointed"));

  return g_string_free (g_steal_pointer (&line), FALSE);
}

/**
 * sam_rules_list_terms_ending:
 * @store: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for the whole register
 * @date: (nullable): the day to count from, YYYY-MM-DD; %NULL for today
 * @days: how far ahead to look (60 is the usual)
 * @error: return location for a #GError
 *
 * Lists the terms that end within @days of @date, and those that ended
 * before it with no successor (whose holders stay in office until one is
 * appointed), by end date. Groups dissolved by @date are left out.
 *
 * Returns: (transfer full) (element-type SamTermEnding) (nullable): the terms
 */
GPtrArray *
sam_rules_list_terms_ending (SamStore    *store,
                             const char  *group_uuid,
                             const char  *date,
                             guint        days,
                             GError     **error)
{
  g_autoptr(GPtrArray) terms = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_term_ending_free);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) group_assignments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  g_autoptr(GHashTable) homes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  g_autoptr(GListModel) ending = NULL;
  g_autofree char *today = NULL;
  g_autofree char *until = NULL;
  guint n;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  if (date == NULL)
    date = today = sam_clock_dup_today ();
  if ((until = sam_roles_date_add_days (date, (int) MIN (days, 36500))) == NULL)
    {
      g_autofree char *why = sam_calendar_explain_not_a_date (date);

      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, why);
      return NULL;
    }

  if ((ending = sam_store_list_assignments_ending (store, until, error)) == NULL)
    return NULL;

  n = g_list_model_get_n_items (ending);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (ending, i);
      const char *a_group = sam_assignment_get_group_uuid (a);
      SamGroup *group;
      GListModel *assignments;
      GHashTable *home;
      SamTermEnding *term;
      SamTenure tenure;
      gboolean successor = FALSE;

      if (group_uuid != NULL && g_strcmp0 (a_group, group_uuid) != 0)
        continue;

      if ((group = g_hash_table_lookup (groups, a_group)) == NULL)
        {
          GError *local_error = NULL;
          g_autoptr(GHashTable) new_home = NULL;

          group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, a_group, &local_error);
          assignments = group != NULL ? sam_store_list_group_assignments (store, a_group, &local_error) : NULL;
          new_home = assignments != NULL ? sam_rules_dup_home_organisations (store, assignments, &local_error) : NULL;
          if (local_error != NULL)
            {
              g_clear_object (&group);
              g_clear_object (&assignments);
              g_propagate_error (error, local_error);
              return NULL;
            }
          if (group == NULL)
            continue;
          g_hash_table_insert (groups, g_strdup (a_group), group);
          g_hash_table_insert (group_assignments, g_strdup (a_group), assignments);
          g_hash_table_insert (homes, g_strdup (a_group), g_steal_pointer (&new_home));
        }
      assignments = g_hash_table_lookup (group_assignments, a_group);
      home = g_hash_table_lookup (homes, a_group);

      if (sam_group_get_dissolved (group) != NULL && strcmp (sam_group_get_dissolved (group), date) <= 0)
        continue;

      tenure = sam_roles_tenure (assignments, a, date, home);
      if (tenure == SAM_TENURE_PAST)
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (assignments) && !successor; j++)
        {
          g_autoptr(SamAssignment) other = g_list_model_get_item (assignments, j);

          successor = sam_roles_is_successor (other, a, home);
        }

      term = g_new0 (SamTermEnding, 1);
      term->assignment = g_steal_pointer (&a);
      term->group_uuid = g_strdup (a_group);
      term->group_label = g_strdup (sam_group_get_code (group) != NULL ? sam_group_get_code (group)
                                                                        : sam_group_get_name (group));
      term->person_name = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (term->assignment));
      term->organisation_name = sam_rules_dup_organisation_name (store, sam_roles_represented (term->assignment, home));
      term->carried_over = tenure == SAM_TENURE_CARRIED_OVER;
      term->successor_appointed = successor;
      g_ptr_array_add (terms, term);
    }

  return g_steal_pointer (&terms);
}

/* sam-decision-escalation.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-decision-escalation.h"
#include "sam-store-decisions.h"

/*
 * Where a question goes that no one in a group may decide. The commission
 * (seed 000) says: participants decide on their line mandates, the chair
 * on regional routines; what neither may decide is escalated within the
 * administration or to the corporate group concerned, and the chair lifts
 * region-wide questions to the council's contact person in the executive
 * group. The dialogue meeting (seed 003) adds that resource questions
 * (budget, volumes) belong to the line organisation, through the contact
 * person. So the proposal walks up the structure: a subgroup or process
 * team to its council, a council to its contact person, then the groups
 * the council escalates to, and the management group; the first target is
 * the one proposed, the rest are the alternatives along the way.
 */

/**
 * sam_escalation_target_free:
 * @target: (nullable): a target
 *
 * Frees @target.
 */
void
sam_escalation_target_free (SamEscalationTarget *target)
{
  if (target == NULL)
    return;

  g_free (target->to_group_uuid);
  g_free (target->to_other);
  g_free (target->label);
  g_free (target->why);
  g_free (target);
}

static void
add_target (GPtrArray  *targets,
            const char *group_uuid,
            const char *other,
            const char *label,
            const char *why)
{
  SamEscalationTarget *target;

  for (guint i = 0; i < targets->len; i++)
    {
      SamEscalationTarget *t = g_ptr_array_index (targets, i);

      if (g_strcmp0 (t->to_group_uuid, group_uuid) == 0 && g_strcmp0 (t->to_other, other) == 0)
        return;
    }

  target = g_new0 (SamEscalationTarget, 1);
  target->to_group_uuid = g_strdup (group_uuid);
  target->to_other = g_strdup (other);
  target->label = g_strdup (label);
  target->why = g_strdup (why);
  g_ptr_array_add (targets, target);
}

static SamGroup *
find_group (GListModel *groups,
            const char *uuid)
{
  for (guint i = 0; uuid != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (g_strcmp0 (sam_group_get_uuid (group), uuid) == 0)
        return group;
    }

  return NULL;
}

static SamGroup *
find_kind (GListModel   *groups,
           SamGroupKind  kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      if (sam_group_get_kind (group) == kind)
        return group;
    }

  return NULL;
}

/* The nearest group of @kind above @group in the tree, or any group of
 * @kind when it is not an ancestor (registers differ in where they keep
 * the management and executive groups). A tree of n groups is at most n
 * deep: past that, the parents go round in a circle (a register another
 * program wrote), and the walk stops. */
static SamGroup *
find_above (GListModel   *groups,
            SamGroup     *group,
            SamGroupKind  kind)
{
  guint n_groups = g_list_model_get_n_items (groups);
  SamGroup *g = group;

  for (guint depth = 0; g != NULL && depth <= n_groups; depth++)
    {
      if (g != group && sam_group_get_kind (g) == kind)
        return g;
      g = find_group (groups, sam_group_get_parent_uuid (g));
    }

  return find_kind (groups, kind);
}

static gboolean
in_term (SamAssignment *assignment,
         const char    *date)
{
  const char *starts = sam_assignment_get_starts (assignment);
  const char *ends = sam_assignment_get_ends (assignment);

  return (starts == NULL || g_strcmp0 (starts, date) <= 0) && (ends == NULL || g_strcmp0 (ends, date) >= 0);
}

static char *
contact_person_name (SamStore    *store,
                     SamGroup    *council,
                     const char  *date,
                     GError     **error)
{
  g_autoptr(GListModel) assignments = NULL;
  /* The store finds a model's table through its class, which may not
   * exist yet if no person has been read. */
  g_autoptr(GTypeClass) person_class = g_type_class_ref (SAM_TYPE_PERSON);

  assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (council), error);
  if (assignments == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SamAssignment) assignment = g_list_model_get_item (assignments, i);
      g_autoptr(SamPerson) person = NULL;

      if (sam_assignment_get_role (assignment) != SAM_ROLE_CONTACT_PERSON || !in_term (assignment, date))
        continue;
      person = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, sam_assignment_get_person_uuid (assignment), error);
      if (person != NULL)
        return g_strdup (sam_person_get_name (person));
    }

  return NULL;
}

static gboolean
add_relations (GPtrArray        *targets,
               SamStore         *store,
               SamGroup         *group,
               GError          **error)
{
  g_autoptr(GPtrArray) related = NULL;

  related = sam_store_list_group_relations (store, sam_group_get_uuid (group), SAM_RELATION_KIND_ESCALATES_TO, error);
  if (related == NULL)
    return FALSE;

  for (guint i = 0; i < related->len; i++)
    {
      SamGroup *to = g_ptr_array_index (related, i);
      g_autofree char *why = NULL;

      why = g_strdup_printf (_("“%s” escalates to this group the questions it has no mandate for."),
                             sam_group_get_name (group));
      add_target (targets, sam_group_get_uuid (to), NULL, sam_group_get_name (to), why);
    }

  return TRUE;
}

/**
 * sam_decision_propose_escalation:
 * @store: a #SamStore
 * @group_uuid: the group that may not decide the question
 * @topic: what kind of question it is
 * @date: (nullable): the date, for who holds the contact person's role
 *   (YYYY-MM-DD), or %NULL for today
 * @error: return location for a #GError
 *
 * Proposes where a question goes that the group has no mandate for, along
 * the structure: a subgroup or process team goes to its council; a council
 * to its contact person in the executive group, then the groups it
 * escalates to (a corporate group, clinical management) and the management
 * group. A resource or organisation question goes to the line organisation
 * first; a question across several areas to clinical management.
 *
 * Returns: (transfer full) (element-type SamEscalationTarget) (nullable):
 *   the targets, the proposed one first, or %NULL on failure
 */
GPtrArray *
sam_decision_propose_escalation (SamStore            *store,
                                 const char          *group_uuid,
                                 SamEscalationTopic   topic,
                                 const char          *date,
                                 GError             **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_escalation_target_free);
  g_autoptr(GListModel) groups = NULL;
  g_autofree char *today = NULL;
  SamGroup *group, *council, *executive, *management;
  g_autofree char *contact = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  if (date == NULL)
    date = today = sam_clock_dup_today ();

  if ((groups = sam_store_list_groups (store, error)) == NULL)
    return NULL;
  if ((group = find_group (groups, group_uuid)) == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                           _("The group of the decision is not in the register"));
      return NULL;
    }

  if (topic == SAM_ESCALATION_TOPIC_RESOURCES)
    add_target (targets, NULL, _("The line organisation, via the contact person"),
                _("The line organisation"),
                _("Resources such as budget and volumes, and organisation and working conditions, "
                  "are the line organisation’s responsibility, not the council’s."));

  /* A subgroup or process team: the council it reports to, else its parent. */
  council = group;
  if (sam_group_get_kind (group) != SAM_GROUP_KIND_COUNCIL)
    {
      g_autoptr(GPtrArray) reports = sam_store_list_group_relations (store, group_uuid, SAM_RELATION_KIND_REPORTS_TO, error);
      SamGroup *parent = find_group (groups, sam_group_get_parent_uuid (group));

      if (reports == NULL)
        return NULL;
      if (reports->len > 0)
        council = find_group (groups, sam_group_get_uuid (g_ptr_array_index (reports, 0)));
      else if (parent != NULL && sam_group_get_kind (parent) == SAM_GROUP_KIND_COUNCIL)
        council = parent;

      if (council != NULL && council != group)
        {
          g_autofree char *why = g_strdup_printf (_("“%s” works within the commission of “%s”, which decides "
                                                    "what the subgroup cannot."),
                                                  sam_group_get_name (group), sam_group_get_name (council));

          add_target (targets, sam_group_get_uuid (council), NULL, sam_group_get_name (council), why);
        }
      else
        council = group;
    }

  if (topic == SAM_ESCALATION_TOPIC_CROSS_AREA)
    {
      SamGroup *clinical = find_kind (groups, SAM_GROUP_KIND_CLINICAL_MANAGEMENT);

      if (clinical != NULL)
        add_target (targets, sam_group_get_uuid (clinical), NULL, sam_group_get_name (clinical),
                    _("Clinical management takes questions about ways of working and processes that "
                      "span several areas and that one council cannot handle."));
    }

  executive = find_above (groups, council, SAM_GROUP_KIND_EXECUTIVE_GROUP);
  if ((contact = contact_person_name (store, council, date, error)) == NULL && error != NULL && *error != NULL)
    return NULL;
  if (contact != NULL)
    {
      g_autofree char *other = g_strdup_printf (_("Contact person %s"), contact);
      g_autofree char *why = g_strdup_printf (_("The chair lifts questions that need a region-wide decision to "
                                                "the council’s contact person in %s."),
                                              executive != NULL ? sam_group_get_name (executive)
                                                                : _("the executive group"));

      add_target (targets, executive != NULL ? sam_group_get_uuid (executive) : NULL, other, other, why);
    }

  if (!add_relations (targets, store, council, error))
    return NULL;

  management = find_above (groups, council, SAM_GROUP_KIND_MANAGEMENT_GROUP);
  if (management != NULL)
    add_target (targets, sam_group_get_uuid (management), NULL, sam_group_get_name (management),
                _("The management group appoints the chair and gives the councils their assignments."));

  /* With no escalation edge, any corporate group may be the one concerned. */
  for (guint i = 0; i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) g = g_list_model_get_item (groups, i);

      if (sam_group_get_kind (g) == SAM_GROUP_KIND_CORPORATE_GROUP)
        add_target (targets, sam_group_get_uuid (g), NULL, sam_group_get_name (g),
                    _("Where neither the chair nor the participants have a mandate, the question is lifted "
                      "to the corporate group concerned."));
    }

  if (topic != SAM_ESCALATION_TOPIC_RESOURCES)
    add_target (targets, NULL, _("The line organisation, via the contact person"),
                _("The line organisation"),
                _("A question no one here may decide can be escalated within the administrations."));

  return g_steal_pointer (&targets);
}

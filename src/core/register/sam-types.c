/* sam-types.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-types"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-types.h"

/*
 * The register's closed sets, each written once: the C constant, the word
 * stored in SQLite and written in XML (the GEnumValue nick), and the
 * English label, translated with the set's message context since "Other"
 * means different things in different lists. The schema descriptor's
 * enum columns point at these tables, and the GTypes are made from them.
 * The first value is a column's default.
 */

#define V(constant, nick, label) { constant, #constant, nick, label }

static GType register_enum (const SamEnumInfo *info);

#define SAM_DEFINE_ENUM(TypeName, type_name, context, ...)                      \
  static const SamEnumValue type_name##_table[] = { __VA_ARGS__ };             \
                                                                                \
  const SamEnumInfo type_name##_info = {                                        \
    #TypeName, context, type_name##_table, G_N_ELEMENTS (type_name##_table),    \
    type_name##_get_type                                                        \
  };                                                                            \
                                                                                \
  GType                                                                         \
  type_name##_get_type (void)                                                   \
  {                                                                             \
    static gsize type_id = 0;                                                   \
                                                                                \
    if (g_once_init_enter (&type_id))                                           \
      g_once_init_leave (&type_id, register_enum (&type_name##_info));          \
                                                                                \
    return type_id;                                                             \
  }                                                                             \
                                                                                \
  const char *                                                                  \
  type_name##_get_label (TypeName value)                                        \
  {                                                                             \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (type_name##_table), NULL); \
                                                                                \
    return g_dpgettext2 (GETTEXT_PACKAGE, context, type_name##_table[value].label); \
  }

/* The values must follow the C enum's order, which is also its numbering. */
static GType
register_enum (const SamEnumInfo *info)
{
  GEnumValue *values = g_new0 (GEnumValue, info->n_values + 1);

  for (guint i = 0; i < info->n_values; i++)
    {
      g_assert (info->values[i].value == (int) i);
      values[i].value = info->values[i].value;
      values[i].value_name = info->values[i].name;
      values[i].value_nick = info->values[i].nick;
    }

  /* GEnumValue tables live as long as the type. */
  return g_enum_register_static (g_intern_static_string (info->type_name), values);
}

SAM_DEFINE_ENUM (SamOrganisationKind, sam_organisation_kind, "organisation kind",
                 V (SAM_ORGANISATION_KIND_ADMINISTRATION, "administration", NC_("organisation kind", "Administration")),
                 V (SAM_ORGANISATION_KIND_PRIVATE_PROVIDER, "private_provider", NC_("organisation kind", "Private provider")),
                 V (SAM_ORGANISATION_KIND_MUNICIPALITY, "municipality", NC_("organisation kind", "Municipality")),
                 V (SAM_ORGANISATION_KIND_ACADEMIA, "academia", NC_("organisation kind", "Academia")),
                 V (SAM_ORGANISATION_KIND_OTHER_REGION, "other_region", NC_("organisation kind", "Other region")),
                 V (SAM_ORGANISATION_KIND_NATIONAL_BODY, "national_body", NC_("organisation kind", "National body")),
                 V (SAM_ORGANISATION_KIND_OTHER, "other", NC_("organisation kind", "Other")))

SAM_DEFINE_ENUM (SamGroupKind, sam_group_kind, "group kind",
                 V (SAM_GROUP_KIND_COUNCIL, "council", NC_("group kind", "Council")),
                 V (SAM_GROUP_KIND_SUBGROUP, "subgroup", NC_("group kind", "Subgroup")),
                 V (SAM_GROUP_KIND_PROCESS_TEAM, "process_team", NC_("group kind", "Process team")),
                 V (SAM_GROUP_KIND_MANAGEMENT_GROUP, "management_group", NC_("group kind", "Management group")),
                 V (SAM_GROUP_KIND_EXECUTIVE_GROUP, "executive_group", NC_("group kind", "Executive group")),
                 V (SAM_GROUP_KIND_PRIORITY_COUNCIL, "priority_council", NC_("group kind", "Priority council")),
                 V (SAM_GROUP_KIND_CLINICAL_MANAGEMENT, "clinical_management", NC_("group kind", "Clinical management")),
                 V (SAM_GROUP_KIND_CORPORATE_GROUP, "corporate_group", NC_("group kind", "Corporate group")),
                 V (SAM_GROUP_KIND_NATIONAL_PROGRAMME_AREA, "national_programme_area", NC_("group kind", "National programme area")),
                 V (SAM_GROUP_KIND_REGIONAL_PROGRAMME_AREA, "regional_programme_area", NC_("group kind", "Regional programme area")),
                 V (SAM_GROUP_KIND_OTHER, "other", NC_("group kind", "Other")))

SAM_DEFINE_ENUM (SamRole, sam_role, "role",
                 V (SAM_ROLE_CHAIR, "chair", NC_("role", "Chair")),
                 V (SAM_ROLE_MEMBER, "member", NC_("role", "Member")),
                 V (SAM_ROLE_CO_OPTED, "co_opted", NC_("role", "Co-opted member")),
                 V (SAM_ROLE_COORDINATOR, "coordinator", NC_("role", "Coordinator")),
                 V (SAM_ROLE_CONTACT_PERSON, "contact_person", NC_("role", "Contact person")))

SAM_DEFINE_ENUM (SamRelationKind, sam_relation_kind, "relation kind",
                 V (SAM_RELATION_KIND_REPORTS_TO, "reports_to", NC_("relation kind", "Reports to")),
                 V (SAM_RELATION_KIND_ESCALATES_TO, "escalates_to", NC_("relation kind", "Escalates to")),
                 V (SAM_RELATION_KIND_PREPARES_FOR, "prepares_for", NC_("relation kind", "Prepares for")))

SAM_DEFINE_ENUM (SamMeetingKind, sam_meeting_kind, "meeting kind",
                 V (SAM_MEETING_KIND_ORDINARY, "ordinary", NC_("meeting kind", "Ordinary meeting")),
                 V (SAM_MEETING_KIND_EXTRA, "extra", NC_("meeting kind", "Extra meeting")),
                 V (SAM_MEETING_KIND_DIALOGUE, "dialogue", NC_("meeting kind", "Dialogue meeting")))

SAM_DEFINE_ENUM (SamMeetingStatus, sam_meeting_status, "meeting status",
                 V (SAM_MEETING_STATUS_PLANNED, "planned", NC_("meeting status", "Planned")),
                 V (SAM_MEETING_STATUS_CONFIRMED, "confirmed", NC_("meeting status", "Confirmed")),
                 V (SAM_MEETING_STATUS_HELD, "held", NC_("meeting status", "Held")),
                 V (SAM_MEETING_STATUS_CANCELLED, "cancelled", NC_("meeting status", "Cancelled")))

SAM_DEFINE_ENUM (SamAgendaKind, sam_agenda_kind, "agenda item kind",
                 V (SAM_AGENDA_KIND_INFORMATION, "information", NC_("agenda item kind", "Information")),
                 V (SAM_AGENDA_KIND_DISCUSSION, "discussion", NC_("agenda item kind", "Discussion")),
                 V (SAM_AGENDA_KIND_DECISION, "decision", NC_("agenda item kind", "Decision")),
                 V (SAM_AGENDA_KIND_FOLLOW_UP, "follow_up", NC_("agenda item kind", "Follow-up")))

SAM_DEFINE_ENUM (SamAttendanceStatus, sam_attendance_status, "attendance",
                 V (SAM_ATTENDANCE_STATUS_PRESENT, "present", NC_("attendance", "Present")),
                 V (SAM_ATTENDANCE_STATUS_ABSENT, "absent", NC_("attendance", "Absent")),
                 V (SAM_ATTENDANCE_STATUS_SUBSTITUTE, "substitute", NC_("attendance", "Substitute")))

SAM_DEFINE_ENUM (SamMandate, sam_mandate, "mandate",
                 V (SAM_MANDATE_LINE_MANDATES, "line_mandates", NC_("mandate", "Participants’ line mandates")),
                 V (SAM_MANDATE_CHAIR_ROUTINE, "chair_routine", NC_("mandate", "Chair’s mandate for regional routines")),
                 V (SAM_MANDATE_MANAGEMENT_ASSIGNMENT, "management_assignment", NC_("mandate", "Assignment from the management group")),
                 V (SAM_MANDATE_NONE, "none", NC_("mandate", "No mandate")))

SAM_DEFINE_ENUM (SamDecisionStatus, sam_decision_status, "decision status",
                 V (SAM_DECISION_STATUS_DRAFT, "draft", NC_("decision status", "Draft")),
                 V (SAM_DECISION_STATUS_DECIDED, "decided", NC_("decision status", "Decided")),
                 V (SAM_DECISION_STATUS_ESCALATED, "escalated", NC_("decision status", "Escalated")),
                 V (SAM_DECISION_STATUS_IN_IMPLEMENTATION, "in_implementation", NC_("decision status", "In implementation")),
                 V (SAM_DECISION_STATUS_IMPLEMENTED, "implemented", NC_("decision status", "Implemented")),
                 V (SAM_DECISION_STATUS_WITHDRAWN, "withdrawn", NC_("decision status", "Withdrawn")),
                 V (SAM_DECISION_STATUS_SUPERSEDED, "superseded", NC_("decision status", "Superseded")))

static const SamEnumInfo * const enums[] = {
  &sam_organisation_kind_info,
  &sam_group_kind_info,
  &sam_role_info,
  &sam_relation_kind_info,
  &sam_meeting_kind_info,
  &sam_meeting_status_info,
  &sam_agenda_kind_info,
  &sam_attendance_status_info,
  &sam_mandate_info,
  &sam_decision_status_info,
};

/**
 * sam_enum_get_nick:
 * @enum_type: one of the register's enum types
 * @value: a value of @enum_type
 *
 * Returns: (transfer none) (nullable): the word stored for @value, or %NULL
 *   if @value is not one of @enum_type's values
 */
const char *
sam_enum_get_nick (GType enum_type,
                   int   value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = g_enum_get_value (klass, value);

  return ev != NULL ? ev->value_nick : NULL;
}

/**
 * sam_enum_from_nick:
 * @enum_type: one of the register's enum types
 * @nick: a stored word, such as "process_team"
 * @value: (out): where to store the value
 *
 * Returns: whether @nick names a value of @enum_type
 */
gboolean
sam_enum_from_nick (GType       enum_type,
                    const char *nick,
                    int        *value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GEnumValue *ev = nick != NULL ? g_enum_get_value_by_nick (klass, nick) : NULL;

  if (ev == NULL)
    return FALSE;

  *value = ev->value;
  return TRUE;
}

/**
 * sam_enum_get_label:
 * @enum_type: one of the register's enum types
 * @value: a value of @enum_type
 *
 * Looks up the translated label of any register enum, for code that only
 * knows the #GType (such as a list column bound to an enum property).
 *
 * Returns: (transfer none) (nullable): the translated label
 */
const char *
sam_enum_get_label (GType enum_type,
                    int   value)
{
  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    if (enums[i]->get_type () == enum_type && value >= 0 && (guint) value < enums[i]->n_values)
      return g_dpgettext2 (GETTEXT_PACKAGE, enums[i]->context, enums[i]->values[value].label);

  return NULL;
}

/**
 * sam_enum_type_for_column:
 * @column: an enum column of the descriptor
 *
 * Returns: the #GType of @column's values
 */
GType
sam_enum_type_for_column (const SamColumn *column)
{
  g_return_val_if_fail (column->type == SAM_COLUMN_ENUM, G_TYPE_INVALID);

  return column->enum_info->get_type ();
}

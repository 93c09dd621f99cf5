/* sam-types.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-types"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-types.h"

/* Each enum: its GEnumValue table (nick = stored word) and its labels with a
 * message context, since "Other" means different things in different lists. */
#define SAM_DEFINE_ENUM(TypeName, type_name, context, ...)                        \
  static const char * const type_name##_labels[] = { __VA_ARGS__ };              \
  static GEnumValue type_name##_values[G_N_ELEMENTS (type_name##_labels) + 1];   \
  static const char * const type_name##_context = context;                       \
                                                                                  \
  GType                                                                           \
  type_name##_get_type (void)                                                     \
  {                                                                               \
    static gsize type_id = 0;                                                     \
                                                                                  \
    if (g_once_init_enter (&type_id))                                             \
      {                                                                           \
        GType type = register_enum (#TypeName, type_name##_values,                \
                                    G_N_ELEMENTS (type_name##_labels),            \
                                    type_name##_nicks, type_name##_names);         \
        g_once_init_leave (&type_id, type);                                       \
      }                                                                           \
                                                                                  \
    return type_id;                                                               \
  }                                                                               \
                                                                                  \
  const char *                                                                    \
  type_name##_get_label (TypeName value)                                          \
  {                                                                               \
    g_return_val_if_fail ((guint) value < G_N_ELEMENTS (type_name##_labels), NULL); \
                                                                                  \
    return g_dpgettext2 (GETTEXT_PACKAGE, type_name##_context,                    \
                         type_name##_labels[value]);                              \
  }

static GType
register_enum (const char         *type_name,
               GEnumValue         *values,
               guint               n_values,
               const char * const *nicks,
               const char * const *names)
{
  for (guint i = 0; i < n_values; i++)
    {
      values[i].value = i;
      values[i].value_name = names[i];
      values[i].value_nick = nicks[i];
    }
  values[n_values] = (GEnumValue) { 0, NULL, NULL };

  return g_enum_register_static (g_intern_static_string (type_name), values);
}

static const char * const sam_organisation_kind_nicks[] = {
  "administration", "private_provider", "municipality", "academia", "other_region",
  "national_body", "other"
};
static const char * const sam_organisation_kind_names[] = {
  "SAM_ORGANISATION_KIND_ADMINISTRATION", "SAM_ORGANISATION_KIND_PRIVATE_PROVIDER",
  "SAM_ORGANISATION_KIND_MUNICIPALITY", "SAM_ORGANISATION_KIND_ACADEMIA",
  "SAM_ORGANISATION_KIND_OTHER_REGION", "SAM_ORGANISATION_KIND_NATIONAL_BODY",
  "SAM_ORGANISATION_KIND_OTHER"
};
SAM_DEFINE_ENUM (SamOrganisationKind, sam_organisation_kind, "organisation kind",
                 NC_("organisation kind", "Administration"),
                 NC_("organisation kind", "Private provider"),
                 NC_("organisation kind", "Municipality"),
                 NC_("organisation kind", "Academia"),
                 NC_("organisation kind", "Other region"),
                 NC_("organisation kind", "National body"),
                 NC_("organisation kind", "Other"))

static const char * const sam_group_kind_nicks[] = {
  "council", "subgroup", "process_team", "management_group", "executive_group",
  "priority_council", "clinical_management", "corporate_group", "national_programme_area",
  "regional_programme_area", "other"
};
static const char * const sam_group_kind_names[] = {
  "SAM_GROUP_KIND_COUNCIL", "SAM_GROUP_KIND_SUBGROUP", "SAM_GROUP_KIND_PROCESS_TEAM",
  "SAM_GROUP_KIND_MANAGEMENT_GROUP", "SAM_GROUP_KIND_EXECUTIVE_GROUP",
  "SAM_GROUP_KIND_PRIORITY_COUNCIL", "SAM_GROUP_KIND_CLINICAL_MANAGEMENT",
  "SAM_GROUP_KIND_CORPORATE_GROUP", "SAM_GROUP_KIND_NATIONAL_PROGRAMME_AREA",
  "SAM_GROUP_KIND_REGIONAL_PROGRAMME_AREA", "SAM_GROUP_KIND_OTHER"
};
SAM_DEFINE_ENUM (SamGroupKind, sam_group_kind, "group kind",
                 NC_("group kind", "Council"),
                 NC_("group kind", "Subgroup"),
                 NC_("group kind", "Process team"),
                 NC_("group kind", "Management group"),
                 NC_("group kind", "Executive group"),
                 NC_("group kind", "Priority council"),
                 NC_("group kind", "Clinical management"),
                 NC_("group kind", "Corporate group"),
                 NC_("group kind", "National programme area"),
                 NC_("group kind", "Regional programme area"),
                 NC_("group kind", "Other"))

static const char * const sam_role_nicks[] = {
  "chair", "member", "co_opted", "coordinator", "contact_person"
};
static const char * const sam_role_names[] = {
  "SAM_ROLE_CHAIR", "SAM_ROLE_MEMBER", "SAM_ROLE_CO_OPTED", "SAM_ROLE_COORDINATOR",
  "SAM_ROLE_CONTACT_PERSON"
};
SAM_DEFINE_ENUM (SamRole, sam_role, "role",
                 NC_("role", "Chair"),
                 NC_("role", "Member"),
                 NC_("role", "Co-opted member"),
                 NC_("role", "Coordinator"),
                 NC_("role", "Contact person"))

static const char * const sam_relation_kind_nicks[] = {
  "reports_to", "escalates_to", "prepares_for"
};
static const char * const sam_relation_kind_names[] = {
  "SAM_RELATION_KIND_REPORTS_TO", "SAM_RELATION_KIND_ESCALATES_TO",
  "SAM_RELATION_KIND_PREPARES_FOR"
};
SAM_DEFINE_ENUM (SamRelationKind, sam_relation_kind, "relation kind",
                 NC_("relation kind", "Reports to"),
                 NC_("relation kind", "Escalates to"),
                 NC_("relation kind", "Prepares for"))

static const char * const sam_meeting_kind_nicks[] = { "ordinary", "extra", "dialogue" };
static const char * const sam_meeting_kind_names[] = {
  "SAM_MEETING_KIND_ORDINARY", "SAM_MEETING_KIND_EXTRA", "SAM_MEETING_KIND_DIALOGUE"
};
SAM_DEFINE_ENUM (SamMeetingKind, sam_meeting_kind, "meeting kind",
                 NC_("meeting kind", "Ordinary meeting"),
                 NC_("meeting kind", "Extra meeting"),
                 NC_("meeting kind", "Dialogue meeting"))

static const char * const sam_meeting_status_nicks[] = { "planned", "confirmed", "held", "cancelled" };
static const char * const sam_meeting_status_names[] = {
  "SAM_MEETING_STATUS_PLANNED", "SAM_MEETING_STATUS_CONFIRMED", "SAM_MEETING_STATUS_HELD",
  "SAM_MEETING_STATUS_CANCELLED"
};
SAM_DEFINE_ENUM (SamMeetingStatus, sam_meeting_status, "meeting status",
                 NC_("meeting status", "Planned"),
                 NC_("meeting status", "Confirmed"),
                 NC_("meeting status", "Held"),
                 NC_("meeting status", "Cancelled"))

static const char * const sam_agenda_kind_nicks[] = { "information", "discussion", "decision", "follow_up" };
static const char * const sam_agenda_kind_names[] = {
  "SAM_AGENDA_KIND_INFORMATION", "SAM_AGENDA_KIND_DISCUSSION", "SAM_AGENDA_KIND_DECISION",
  "SAM_AGENDA_KIND_FOLLOW_UP"
};
SAM_DEFINE_ENUM (SamAgendaKind, sam_agenda_kind, "agenda item kind",
                 NC_("agenda item kind", "Information"),
                 NC_("agenda item kind", "Discussion"),
                 NC_("agenda item kind", "Decision"),
                 NC_("agenda item kind", "Follow-up"))

static const char * const sam_attendance_status_nicks[] = { "present", "absent", "substitute" };
static const char * const sam_attendance_status_names[] = {
  "SAM_ATTENDANCE_STATUS_PRESENT", "SAM_ATTENDANCE_STATUS_ABSENT",
  "SAM_ATTENDANCE_STATUS_SUBSTITUTE"
};
SAM_DEFINE_ENUM (SamAttendanceStatus, sam_attendance_status, "attendance",
                 NC_("attendance", "Present"),
                 NC_("attendance", "Absent"),
                 NC_("attendance", "Substitute"))

static const char * const sam_mandate_nicks[] = {
  "line_mandates", "chair_routine", "management_assignment", "none"
};
static const char * const sam_mandate_names[] = {
  "SAM_MANDATE_LINE_MANDATES", "SAM_MANDATE_CHAIR_ROUTINE",
  "SAM_MANDATE_MANAGEMENT_ASSIGNMENT", "SAM_MANDATE_NONE"
};
SAM_DEFINE_ENUM (SamMandate, sam_mandate, "mandate",
                 NC_("mandate", "Participants’ line mandates"),
                 NC_("mandate", "Chair’s mandate for regional routines"),
                 NC_("mandate", "Assignment from the management group"),
                 NC_("mandate", "No mandate"))

static const char * const sam_decision_status_nicks[] = {
  "draft", "decided", "escalated", "in_implementation", "implemented", "withdrawn", "superseded"
};
static const char * const sam_decision_status_names[] = {
  "SAM_DECISION_STATUS_DRAFT", "SAM_DECISION_STATUS_DECIDED", "SAM_DECISION_STATUS_ESCALATED",
  "SAM_DECISION_STATUS_IN_IMPLEMENTATION", "SAM_DECISION_STATUS_IMPLEMENTED",
  "SAM_DECISION_STATUS_WITHDRAWN", "SAM_DECISION_STATUS_SUPERSEDED"
};
SAM_DEFINE_ENUM (SamDecisionStatus, sam_decision_status, "decision status",
                 NC_("decision status", "Draft"),
                 NC_("decision status", "Decided"),
                 NC_("decision status", "Escalated"),
                 NC_("decision status", "In implementation"),
                 NC_("decision status", "Implemented"),
                 NC_("decision status", "Withdrawn"),
                 NC_("decision status", "Superseded"))

typedef struct
{
  GType               (*get_type) (void);
  const char * const   *labels;
  guint                 n_labels;
  const char * const   *context;
} EnumEntry;

#define ENUM_ENTRY(name) \
  { name##_get_type, name##_labels, G_N_ELEMENTS (name##_labels), &name##_context }

static const EnumEntry enums[] = {
  ENUM_ENTRY (sam_organisation_kind),
  ENUM_ENTRY (sam_group_kind),
  ENUM_ENTRY (sam_role),
  ENUM_ENTRY (sam_relation_kind),
  ENUM_ENTRY (sam_meeting_kind),
  ENUM_ENTRY (sam_meeting_status),
  ENUM_ENTRY (sam_agenda_kind),
  ENUM_ENTRY (sam_attendance_status),
  ENUM_ENTRY (sam_mandate),
  ENUM_ENTRY (sam_decision_status),
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
    if (enums[i].get_type () == enum_type && value >= 0 && (guint) value < enums[i].n_labels)
      return g_dpgettext2 (GETTEXT_PACKAGE, *enums[i].context, enums[i].labels[value]);

  return NULL;
}

/**
 * sam_enum_type_for_column:
 * @column: an enum column of the descriptor
 *
 * Finds the enum type whose nicks are exactly @column's values, in order.
 *
 * Returns: the #GType, or %G_TYPE_INVALID
 */
GType
sam_enum_type_for_column (const SamColumn *column)
{
  g_return_val_if_fail (column->type == SAM_COLUMN_ENUM, G_TYPE_INVALID);

  for (guint i = 0; i < G_N_ELEMENTS (enums); i++)
    {
      GType type = enums[i].get_type ();
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      guint n = 0;

      while (column->enum_values[n] != NULL)
        n++;
      if (n != klass->n_values)
        continue;
      for (n = 0; column->enum_values[n] != NULL; n++)
        if (strcmp (klass->values[n].value_nick, column->enum_values[n]) != 0)
          break;
      if (column->enum_values[n] == NULL)
        return type;
    }

  return G_TYPE_INVALID;
}

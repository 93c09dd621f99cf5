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

#include "sam-assignment.h"
#include "sam-commission.h"
#include "sam-decision.h"
#include "sam-group.h"
#include "sam-meeting.h"
#include "sam-organisation.h"
#include "sam-person.h"
#include "sam-types.h"

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  N_FIXED_PROPS
};

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

/* Model classes */

/* The model type of each table, from its class_init. */
static GType model_types[SAM_N_TABLES];

/* Asked for every property of every row read: a plain look through the
 * few model types, without the type system's lock. */
static SamTable
find_model_type (GType type)
{
  for (guint t = 0; t < SAM_N_TABLES; t++)
    if (model_types[t] == type && type != G_TYPE_INVALID)
      return t;

  return SAM_N_TABLES;
}

/**
 * _sam_model_table_for_type:
 * @type: a model type such as %SAM_TYPE_GROUP
 *
 * Returns: the table whose rows @type holds, or %SAM_N_TABLES
 */
SamTable
_sam_model_table_for_type (GType type)
{
  SamTable table = find_model_type (type);

  /* The types are recorded in class_init: a type named before any object
   * of it exists gets its class made first. */
  if (table == SAM_N_TABLES && G_TYPE_IS_CLASSED (type))
    {
      g_type_class_unref (g_type_class_ref (type));
      table = find_model_type (type);
    }

  return table;
}

/**
 * _sam_model_type_for_table:
 * @table: a table
 *
 * Returns: the model class for rows of @table, or %G_TYPE_INVALID if the
 *   table has none (its rows are only exchanged, not edited one by one yet)
 */
GType
_sam_model_type_for_table (SamTable table)
{
  switch (table)
    {
    case SAM_TABLE_ORGANISATION:
      return SAM_TYPE_ORGANISATION;
    case SAM_TABLE_PERSON:
      return SAM_TYPE_PERSON;
    case SAM_TABLE_GROUP:
      return SAM_TYPE_GROUP;
    case SAM_TABLE_COMMISSION:
      return SAM_TYPE_COMMISSION;
    case SAM_TABLE_ASSIGNMENT:
      return SAM_TYPE_ASSIGNMENT;
    case SAM_TABLE_MEETING:
      return SAM_TYPE_MEETING;
    case SAM_TABLE_DECISION:
      return SAM_TYPE_DECISION;
    case SAM_TABLE_GROUP_RELATION:
    case SAM_TABLE_COMMISSION_SEAT:
    case SAM_TABLE_MEETING_GROUP:
    case SAM_TABLE_AGENDA_ITEM:
    case SAM_TABLE_ATTENDANCE:
    case SAM_TABLE_ESCALATION:
    case SAM_N_TABLES:
    default:
      return G_TYPE_INVALID;
    }
}

static const SamTableInfo *
info_for_object (gpointer object)
{
  return sam_schema_table (_sam_model_table_for_type (G_OBJECT_TYPE (object)));
}

/**
 * _sam_model_get_record:
 * @object: a model object
 *
 * Every model struct is a #GObject followed by its #SamRecord.
 *
 * Returns: (transfer none): the record of @object
 */
SamRecord *
_sam_model_get_record (gpointer object)
{
  g_return_val_if_fail (_sam_model_table_for_type (G_OBJECT_TYPE (object)) < SAM_N_TABLES, NULL);

  return (SamRecord *) ((char *) object + sizeof (GObject));
}

/**
 * _sam_model_property_name:
 * @column: a column
 *
 * A reference holds the other row's UUID, so its property is named
 * "parent-uuid" rather than "parent".
 *
 * Returns: (transfer none): the interned property name for @column
 */
const char *
_sam_model_property_name (const SamColumn *column)
{
  g_autofree char *name = NULL;

  if (column->type != SAM_COLUMN_REF)
    return g_intern_static_string (column->xml_name);

  name = g_strconcat (column->xml_name, "-uuid", NULL);
  return g_intern_string (name);
}

static int
find_column (const SamTableInfo *info,
             const char         *column)
{
  for (guint i = 0; i < info->n_columns; i++)
    if (strcmp (info->columns[i].column, column) == 0)
      return i;

  g_critical ("%s has no column %s", info->sql_name, column);
  return -1;
}

/**
 * _sam_model_get_string:
 * @object: a model object
 * @column: an SQL column name of its table
 *
 * Returns: (transfer none) (nullable): the stored text of @column
 */
const char *
_sam_model_get_string (gpointer    object,
                       const char *column)
{
  int i = find_column (info_for_object (object), column);

  return i >= 0 ? _sam_model_get_record (object)->values[i] : NULL;
}

/**
 * _sam_model_get_int:
 * @object: a model object
 * @column: an SQL column name of an integer or enum column of its table
 *
 * Returns: the integer (the enum value for an enum column), or -1 when absent
 */
int
_sam_model_get_int (gpointer    object,
                    const char *column)
{
  const SamTableInfo *info = info_for_object (object);
  int i = find_column (info, column);
  const char *text;
  int value = -1;

  if (i < 0 || (text = _sam_model_get_record (object)->values[i]) == NULL)
    return -1;
  if (info->columns[i].type == SAM_COLUMN_ENUM)
    sam_enum_from_nick (sam_enum_type_for_column (&info->columns[i]), text, &value);
  else
    value = (int) g_ascii_strtoll (text, NULL, 10);

  return value;
}

static void
set_column_text (GObject    *object,
                 guint       i,
                 const char *text)
{
  const SamTableInfo *info = info_for_object (object);
  SamRecord *record = _sam_model_get_record (object);

  if (g_strcmp0 (record->values[i], text) == 0)
    return;

  g_free (record->values[i]);
  record->values[i] = g_strdup (text);
  g_object_notify (object, _sam_model_property_name (&info->columns[i]));
}

/**
 * _sam_model_set_string:
 * @object: a model object
 * @column: an SQL column name of its table
 * @value: (nullable): the stored text, or %NULL for absent
 *
 * Sets a column by its stored text and notifies its property.
 */
void
_sam_model_set_string (gpointer    object,
                       const char *column,
                       const char *value)
{
  int i = find_column (info_for_object (object), column);

  if (i >= 0)
    set_column_text (object, i, value);
}

/**
 * _sam_model_update:
 * @object: a model object
 * @id: the row id, or 0 if not stored
 * @uuid: (nullable): the UUID
 * @values: the row's values in descriptor order
 *
 * Replaces the whole row of @object, as read back from the store, and
 * notifies only the properties whose value changed.
 */
void
_sam_model_update (gpointer            object,
                   gint64              id,
                   const char         *uuid,
                   const char * const *values)
{
  const SamTableInfo *info = info_for_object (object);
  SamRecord *record = _sam_model_get_record (object);

  g_object_freeze_notify (object);
  if (record->id != id)
    {
      record->id = id;
      g_object_notify (object, "id");
    }
  if (g_strcmp0 (record->uuid, uuid) != 0)
    {
      g_free (record->uuid);
      record->uuid = g_strdup (uuid);
      g_object_notify (object, "uuid");
    }
  for (guint i = 0; i < info->n_columns; i++)
    set_column_text (object, i, values[i]);
  g_object_thaw_notify (object);
}

static void
model_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  SamRecord *record = _sam_model_get_record (object);
  const SamColumn *column;
  const char *text;
  int number = -1;

  if (prop_id == PROP_ID)
    {
      g_value_set_int64 (value, record->id);
      return;
    }
  if (prop_id == PROP_UUID)
    {
      g_value_set_string (value, record->uuid);
      return;
    }

  column = &info_for_object (object)->columns[prop_id - N_FIXED_PROPS];
  text = record->values[prop_id - N_FIXED_PROPS];
  switch (column->type)
    {
    case SAM_COLUMN_INT:
      g_value_set_int (value, text != NULL ? (int) g_ascii_strtoll (text, NULL, 10) : -1);
      break;
    case SAM_COLUMN_ENUM:
      number = 0;
      sam_enum_from_nick (G_PARAM_SPEC_VALUE_TYPE (pspec), text, &number);
      g_value_set_enum (value, number);
      break;
    case SAM_COLUMN_STRING:
    case SAM_COLUMN_TEXT:
    case SAM_COLUMN_DATE:
    case SAM_COLUMN_DATETIME:
    case SAM_COLUMN_REF:
    default:
      g_value_set_string (value, text);
      break;
    }
}

static void
model_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  const SamColumn *column;
  g_autofree char *text = NULL;

  if (prop_id == PROP_UUID)
    {
      SamRecord *record = _sam_model_get_record (object);

      if (g_strcmp0 (record->uuid, g_value_get_string (value)) != 0)
        {
          g_free (record->uuid);
          record->uuid = g_value_dup_string (value);
          g_object_notify_by_pspec (object, pspec);
        }
      return;
    }

  column = &info_for_object (object)->columns[prop_id - N_FIXED_PROPS];
  switch (column->type)
    {
    case SAM_COLUMN_INT:
      if (g_value_get_int (value) >= 0)
        text = g_strdup_printf ("%d", g_value_get_int (value));
      break;
    case SAM_COLUMN_ENUM:
      text = g_strdup (sam_enum_get_nick (G_PARAM_SPEC_VALUE_TYPE (pspec), g_value_get_enum (value)));
      break;
    case SAM_COLUMN_STRING:
    case SAM_COLUMN_TEXT:
    case SAM_COLUMN_DATE:
    case SAM_COLUMN_DATETIME:
    case SAM_COLUMN_REF:
    default:
      /* An empty entry means "absent", as in XML. */
      if (g_value_get_string (value) != NULL && *g_value_get_string (value) != '\0')
        text = g_value_dup_string (value);
      break;
    }

  set_column_text (object, prop_id - N_FIXED_PROPS, text);
}

static void
model_finalize (GObject *object)
{
  SamRecord *record = _sam_model_get_record (object);
  const SamTableInfo *info = info_for_object (object);

  for (guint i = 0; i < info->n_columns; i++)
    g_free (record->values[i]);
  g_free (record->values);
  g_free (record->uuid);

  G_OBJECT_CLASS (g_type_class_peek_parent (G_OBJECT_GET_CLASS (object)))->finalize (object);
}

static GParamSpec *
column_pspec (const SamColumn *column)
{
  const char *name = _sam_model_property_name (column);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  switch (column->type)
    {
    case SAM_COLUMN_INT:
      /* -1 stands for absent (NULL in SQL), which the store replaces with
       * the column's default where it has one. */
      return g_param_spec_int (name, NULL, NULL, -1, G_MAXINT, -1, flags);
    case SAM_COLUMN_ENUM:
      return g_param_spec_enum (name, NULL, NULL, sam_enum_type_for_column (column), 0, flags);
    case SAM_COLUMN_STRING:
    case SAM_COLUMN_TEXT:
    case SAM_COLUMN_DATE:
    case SAM_COLUMN_DATETIME:
    case SAM_COLUMN_REF:
    default:
      return g_param_spec_string (name, NULL, NULL, NULL, flags);
    }
}

/**
 * _sam_model_class_init:
 * @object_class: the class of a model type
 * @table: the table whose rows it holds
 *
 * Installs "id" (read-only, 0 until stored), "uuid" and one property per
 * column of @table, and the accessors that keep them in the #SamRecord.
 */
void
_sam_model_class_init (GObjectClass *object_class,
                       SamTable      table)
{
  const SamTableInfo *info = sam_schema_table (table);

  model_types[table] = G_OBJECT_CLASS_TYPE (object_class);

  object_class->get_property = model_get_property;
  object_class->set_property = model_set_property;
  object_class->finalize = model_finalize;

  g_object_class_install_property (object_class, PROP_ID,
                                   g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY |
                                                       G_PARAM_STATIC_STRINGS));
  g_object_class_install_property (object_class, PROP_UUID,
                                   g_param_spec_string ("uuid", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                        G_PARAM_STATIC_STRINGS));
  for (guint i = 0; i < info->n_columns; i++)
    g_object_class_install_property (object_class, N_FIXED_PROPS + i, column_pspec (&info->columns[i]));
}

/**
 * _sam_model_instance_init:
 * @object: a new model object
 *
 * Gives every column its default: absent, or an enum's first value.
 */
void
_sam_model_instance_init (GObject *object)
{
  const SamTableInfo *info = info_for_object (object);
  SamRecord *record = _sam_model_get_record (object);

  record->values = g_new0 (char *, info->n_columns + 1);
  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].type == SAM_COLUMN_ENUM)
      record->values[i] = g_strdup (info->columns[i].enum_values[0]);
}

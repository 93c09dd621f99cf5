/* sam-schema.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-schema"

#include "config.h"

#include <string.h>

#include "sam-schema.h"

/*
 * One description of every exchanged table, read by the store (to insert
 * and list rows) and by the XML reader and writer (to name and check them),
 * so the three can never disagree about a column.
 */

#define STR(c, x, req)     { c, x, SAM_COLUMN_STRING, req, 0, NULL }
#define TEXT(c, x)         { c, x, SAM_COLUMN_TEXT, FALSE, 0, NULL }
#define INT(c, x, req)     { c, x, SAM_COLUMN_INT, req, 0, NULL }
#define DATE(c, x, req)    { c, x, SAM_COLUMN_DATE, req, 0, NULL }
#define DATETIME(c, x)     { c, x, SAM_COLUMN_DATETIME, TRUE, 0, NULL }
#define ENUM(c, x, info)   { c, x, SAM_COLUMN_ENUM, TRUE, 0, &info }
#define REF(c, x, t, req)  { c, x, SAM_COLUMN_REF, req, t, NULL }

static const SamColumn organisation_columns[] = {
  STR ("name", "name", TRUE),
  STR ("short_name", "short-name", FALSE),
  ENUM ("kind", "kind", sam_organisation_kind_info),
};

static const SamColumn person_columns[] = {
  STR ("name", "name", TRUE),
  STR ("title", "title", FALSE),
  STR ("email", "email", FALSE),
  STR ("phone", "phone", FALSE),
  REF ("organisation_id", "organisation", SAM_TABLE_ORGANISATION, FALSE),
};

static const SamColumn group_columns[] = {
  STR ("code", "code", FALSE),
  STR ("name", "name", TRUE),
  ENUM ("kind", "kind", sam_group_kind_info),
  REF ("parent_id", "parent", SAM_TABLE_GROUP, FALSE),
  INT ("position", "position", FALSE),
  DATE ("established", "established", FALSE),
  DATE ("dissolved", "dissolved", FALSE),
  TEXT ("description", "description"),
};

static const SamColumn group_relation_columns[] = {
  REF ("from_group_id", "from", SAM_TABLE_GROUP, TRUE),
  REF ("to_group_id", "to", SAM_TABLE_GROUP, TRUE),
  ENUM ("kind", "kind", sam_relation_kind_info),
};

static const SamColumn commission_columns[] = {
  REF ("group_id", "group", SAM_TABLE_GROUP, TRUE),
  STR ("registry_number", "registry-number", FALSE),
  DATE ("dated", "dated", FALSE),
  STR ("revision", "revision", FALSE),
  INT ("min_meetings", "min-meetings", FALSE),
  INT ("max_meetings", "max-meetings", FALSE),
  INT ("max_co_opted", "max-co-opted", FALSE),
  DATE ("decided", "decided", FALSE),
  TEXT ("title", "title"),
  TEXT ("area", "area"),
  TEXT ("commissioner", "commissioner"),
  TEXT ("commissionee", "commissionee"),
  TEXT ("background", "background"),
  TEXT ("purpose", "purpose"),
  TEXT ("tasks", "tasks"),
  TEXT ("chair_rule", "chair-rule"),
  TEXT ("members_rule", "members-rule"),
  TEXT ("co_opted_rule", "co-opted-rule"),
  TEXT ("subgroups_rule", "subgroups-rule"),
  TEXT ("boundaries", "boundaries"),
  TEXT ("reporting", "reporting"),
  TEXT ("decision_rules", "decision-rules"),
  TEXT ("routine_mandate", "routine-mandate"),
  TEXT ("decision_maker", "decision-maker"),
  TEXT ("distribution", "distribution"),
};

static const SamColumn commission_seat_columns[] = {
  REF ("commission_id", "commission", SAM_TABLE_COMMISSION, TRUE),
  REF ("organisation_id", "organisation", SAM_TABLE_ORGANISATION, TRUE),
  INT ("seats", "seats", FALSE),
};

static const SamColumn assignment_columns[] = {
  REF ("person_id", "person", SAM_TABLE_PERSON, TRUE),
  REF ("group_id", "group", SAM_TABLE_GROUP, TRUE),
  ENUM ("role", "role", sam_role_info),
  REF ("organisation_id", "organisation", SAM_TABLE_ORGANISATION, FALSE),
  STR ("appointed_by", "appointed-by", FALSE),
  DATE ("starts", "starts", FALSE),
  DATE ("ends", "ends", FALSE),
  TEXT ("note", "note"),
};

static const SamColumn meeting_columns[] = {
  STR ("title", "title", TRUE),
  ENUM ("kind", "kind", sam_meeting_kind_info),
  ENUM ("status", "status", sam_meeting_status_info),
  DATETIME ("starts", "starts"),
  DATETIME ("ends", "ends"),
  STR ("place", "place", FALSE),
  STR ("link", "link", FALSE),
  REF ("prepares_id", "prepares", SAM_TABLE_MEETING, FALSE),
  TEXT ("notes", "notes"),
};

static const SamColumn meeting_group_columns[] = {
  REF ("meeting_id", "meeting", SAM_TABLE_MEETING, TRUE),
  REF ("group_id", "group", SAM_TABLE_GROUP, TRUE),
};

static const SamColumn agenda_item_columns[] = {
  REF ("meeting_id", "meeting", SAM_TABLE_MEETING, TRUE),
  INT ("position", "position", FALSE),
  STR ("title", "title", TRUE),
  STR ("presenter", "presenter", FALSE),
  ENUM ("kind", "kind", sam_agenda_kind_info),
  TEXT ("notes", "notes"),
  /* The decision a follow-up item reports on (schema version 6). */
  REF ("decision_id", "decision", SAM_TABLE_DECISION, FALSE),
};

static const SamColumn attendance_columns[] = {
  REF ("meeting_id", "meeting", SAM_TABLE_MEETING, TRUE),
  REF ("person_id", "person", SAM_TABLE_PERSON, TRUE),
  ENUM ("status", "status", sam_attendance_status_info),
  REF ("substitute_for_id", "substitute-for", SAM_TABLE_PERSON, FALSE),
};

static const SamColumn decision_columns[] = {
  REF ("group_id", "group", SAM_TABLE_GROUP, TRUE),
  INT ("year", "year", FALSE),
  INT ("serial", "serial", FALSE),
  DATE ("decided", "decided", FALSE),
  REF ("meeting_id", "meeting", SAM_TABLE_MEETING, FALSE),
  REF ("agenda_item_id", "agenda-item", SAM_TABLE_AGENDA_ITEM, FALSE),
  ENUM ("mandate", "mandate", sam_mandate_info),
  ENUM ("status", "status", sam_decision_status_info),
  STR ("responsible", "responsible", FALSE),
  DATE ("follow_up", "follow-up", FALSE),
  REF ("supersedes_id", "supersedes", SAM_TABLE_DECISION, FALSE),
  STR ("title", "title", TRUE),
  TEXT ("body", "body"),
  TEXT ("withdrawn_reason", "withdrawn-reason"),
};

static const SamColumn escalation_columns[] = {
  REF ("decision_id", "decision", SAM_TABLE_DECISION, TRUE),
  REF ("to_group_id", "to-group", SAM_TABLE_GROUP, FALSE),
  STR ("to_other", "to-other", FALSE),
  DATE ("escalated", "escalated", TRUE),
  DATE ("answered", "answered", FALSE),
  { "reason", "reason", SAM_COLUMN_TEXT, TRUE, 0, NULL },
  TEXT ("answer", "answer"),
};

#define TABLE(t, sql, el, sec, cols) { t, sql, el, sec, cols, G_N_ELEMENTS (cols) }

static const SamTableInfo tables[SAM_N_TABLES] = {
  TABLE (SAM_TABLE_ORGANISATION, "organisation", "organisation", "organisations", organisation_columns),
  TABLE (SAM_TABLE_PERSON, "person", "person", "people", person_columns),
  TABLE (SAM_TABLE_GROUP, "grp", "group", "groups", group_columns),
  TABLE (SAM_TABLE_GROUP_RELATION, "group_relation", "relation", "relations", group_relation_columns),
  TABLE (SAM_TABLE_COMMISSION, "commission", "commission", "commissions", commission_columns),
  TABLE (SAM_TABLE_COMMISSION_SEAT, "commission_seat", "seat", "seats", commission_seat_columns),
  TABLE (SAM_TABLE_ASSIGNMENT, "assignment", "assignment", "assignments", assignment_columns),
  TABLE (SAM_TABLE_MEETING, "meeting", "meeting", "meetings", meeting_columns),
  TABLE (SAM_TABLE_MEETING_GROUP, "meeting_group", "participation", "participations", meeting_group_columns),
  TABLE (SAM_TABLE_AGENDA_ITEM, "agenda_item", "agenda-item", "agenda", agenda_item_columns),
  TABLE (SAM_TABLE_ATTENDANCE, "attendance", "attendance", "attendances", attendance_columns),
  TABLE (SAM_TABLE_DECISION, "decision", "decision", "decisions", decision_columns),
  TABLE (SAM_TABLE_ESCALATION, "escalation", "escalation", "escalations", escalation_columns),
};

/**
 * sam_schema_table:
 * @table: a table
 *
 * Returns: (transfer none): the description of @table
 */
const SamTableInfo *
sam_schema_table (SamTable table)
{
  g_return_val_if_fail (table < SAM_N_TABLES, NULL);

  return &tables[table];
}

/**
 * sam_schema_table_for_element:
 * @element: an XML element name, such as "group"
 *
 * Returns: (transfer none) (nullable): the table whose rows are @element
 */
const SamTableInfo *
sam_schema_table_for_element (const char *element)
{
  for (guint i = 0; i < SAM_N_TABLES; i++)
    if (strcmp (tables[i].element, element) == 0)
      return &tables[i];

  return NULL;
}

/**
 * sam_schema_table_for_section:
 * @section: an XML section name, such as "groups"
 *
 * Returns: (transfer none) (nullable): the table whose rows @section holds
 */
const SamTableInfo *
sam_schema_table_for_section (const char *section)
{
  for (guint i = 0; i < SAM_N_TABLES; i++)
    if (strcmp (tables[i].section, section) == 0)
      return &tables[i];

  return NULL;
}

/**
 * sam_schema_column_for_xml:
 * @info: a table
 * @xml_name: an attribute or child element name
 *
 * Returns: (transfer none) (nullable): the column named @xml_name in XML
 */
const SamColumn *
sam_schema_column_for_xml (const SamTableInfo *info,
                           const char         *xml_name)
{
  for (guint i = 0; i < info->n_columns; i++)
    if (strcmp (info->columns[i].xml_name, xml_name) == 0)
      return &info->columns[i];

  return NULL;
}

/**
 * sam_schema_enum_is_valid:
 * @column: an enum column
 * @value: a value
 *
 * Returns: whether @value is one of @column's values
 */
gboolean
sam_schema_enum_is_valid (const SamColumn *column,
                          const char      *value)
{
  g_return_val_if_fail (column->type == SAM_COLUMN_ENUM, FALSE);

  if (value == NULL)
    return FALSE;
  for (guint i = 0; i < column->enum_info->n_values; i++)
    if (strcmp (column->enum_info->values[i].nick, value) == 0)
      return TRUE;

  return FALSE;
}

/**
 * sam_schema_enum_nick:
 * @column: an enum column
 * @index: the position of a value, from 0
 *
 * Returns: (transfer none) (nullable): the stored word of @column's value
 *   at @index, or %NULL past the last
 */
const char *
sam_schema_enum_nick (const SamColumn *column,
                      guint            index)
{
  g_return_val_if_fail (column->type == SAM_COLUMN_ENUM, NULL);

  return index < column->enum_info->n_values ? column->enum_info->values[index].nick : NULL;
}

/**
 * sam_schema_enum_dup_nicks:
 * @column: an enum column
 * @separator: what to put between them
 *
 * Returns: (transfer full): the stored words of @column's values, in order
 */
char *
sam_schema_enum_dup_nicks (const SamColumn *column,
                           const char      *separator)
{
  GString *nicks = g_string_new (NULL);

  g_return_val_if_fail (column->type == SAM_COLUMN_ENUM, NULL);

  for (guint i = 0; i < column->enum_info->n_values; i++)
    g_string_append_printf (nicks, "%s%s", i > 0 ? separator : "", column->enum_info->values[i].nick);

  return g_string_free (nicks, FALSE);
}

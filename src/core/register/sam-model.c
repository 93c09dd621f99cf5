/* sam-model.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-model"

#include "config.h"

#include <string.h>

#include "sam-assignment.h"
#include "sam-commission.h"
#include "sam-decision.h"
#include "sam-group.h"
#include "sam-meeting.h"
#include "sam-model-private.h"
#include "sam-organisation.h"
#include "sam-person.h"

/*
 * The base of every model class (SamOrganisation, SamPerson, SamGroup,
 * SamAssignment, SamCommission, SamMeeting, SamDecision): each keeps its
 * row as the text the store reads and writes, and gets its properties
 * from the schema descriptor, so a column added to the schema needs no new
 * boilerplate.
 */

enum {
  PROP_0,
  PROP_ID,
  PROP_UUID,
  N_FIXED_PROPS
};

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
      record->values[i] = g_strdup (sam_schema_enum_nick (&info->columns[i], 0));
}

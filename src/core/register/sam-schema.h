/* sam-schema.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The tables that travel in an XML exchange, in dependency order: a row only
 * refers to rows of earlier tables, or (parent, prepares, supersedes) to rows
 * of its own table.
 */
typedef enum
{
  SAM_TABLE_ORGANISATION,
  SAM_TABLE_PERSON,
  SAM_TABLE_GROUP,
  SAM_TABLE_GROUP_RELATION,
  SAM_TABLE_COMMISSION,
  SAM_TABLE_COMMISSION_SEAT,
  SAM_TABLE_ASSIGNMENT,
  SAM_TABLE_MEETING,
  SAM_TABLE_MEETING_GROUP,
  SAM_TABLE_AGENDA_ITEM,
  SAM_TABLE_ATTENDANCE,
  SAM_TABLE_DECISION,
  SAM_TABLE_ESCALATION,
  SAM_N_TABLES
} SamTable;

/*
 * One value of a closed set (an enum column): its C constant and that
 * constant's name, the word stored in SQLite and written in XML, and its
 * English label. The sets themselves are defined, with their GTypes, in
 * sam-types.c.
 */
typedef struct
{
  int         value;
  const char *name;
  const char *nick;
  const char *label;
} SamEnumValue;

typedef struct
{
  const char         *type_name;  /* "SamGroupKind" */
  const char         *context;    /* the labels' message context */
  const SamEnumValue *values;     /* in the order of their values, from 0 */
  guint               n_values;
  GType             (*get_type) (void);
} SamEnumInfo;

extern const SamEnumInfo sam_organisation_kind_info;
extern const SamEnumInfo sam_group_kind_info;
extern const SamEnumInfo sam_role_info;
extern const SamEnumInfo sam_relation_kind_info;
extern const SamEnumInfo sam_meeting_kind_info;
extern const SamEnumInfo sam_meeting_status_info;
extern const SamEnumInfo sam_agenda_kind_info;
extern const SamEnumInfo sam_attendance_status_info;
extern const SamEnumInfo sam_mandate_info;
extern const SamEnumInfo sam_decision_status_info;

typedef enum
{
  SAM_COLUMN_STRING,    /* short text, an XML attribute */
  SAM_COLUMN_TEXT,      /* long text, an XML child element */
  SAM_COLUMN_INT,       /* an integer attribute */
  SAM_COLUMN_DATE,      /* YYYY-MM-DD */
  SAM_COLUMN_DATETIME,  /* YYYY-MM-DDTHH:MM:SSZ, UTC */
  SAM_COLUMN_ENUM,      /* one of enum_info's nicks */
  SAM_COLUMN_REF,       /* the UUID of a row of ref_table; SQL holds its id */
} SamColumnType;

typedef struct
{
  const char          *column;       /* SQL column; for a reference the *_id column */
  const char          *xml_name;     /* attribute or child element */
  SamColumnType        type;
  gboolean             required;
  SamTable             ref_table;    /* SAM_COLUMN_REF only */
  const SamEnumInfo   *enum_info;    /* SAM_COLUMN_ENUM only */
} SamColumn;

typedef struct
{
  SamTable         table;
  const char      *sql_name;   /* "grp" */
  const char      *element;    /* "group" */
  const char      *section;    /* "groups" */
  const SamColumn *columns;    /* not counting id and uuid */
  guint            n_columns;
} SamTableInfo;

#define SAM_XML_NAMESPACE "urn:x-samordna:register:1"
#define SAM_XML_VERSION   "1"

const SamTableInfo *sam_schema_table          (SamTable            table);
const SamTableInfo *sam_schema_table_for_element (const char       *element);
const SamTableInfo *sam_schema_table_for_section (const char       *section);
const SamColumn    *sam_schema_column_for_xml (const SamTableInfo *info,
                                               const char         *xml_name);
gboolean            sam_schema_enum_is_valid  (const SamColumn    *column,
                                               const char         *value);
const char         *sam_schema_enum_nick      (const SamColumn    *column,
                                               guint               index);
char               *sam_schema_enum_dup_nicks (const SamColumn    *column,
                                               const char         *separator) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

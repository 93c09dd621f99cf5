/* sam-store-rules.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-store-private.h"

/*
 * The register's invariants, in one place. Every row the store writes
 * passes _sam_store_check_row() first: an edit through
 * _sam_store_write_values(), a row of an import or a merge through
 * sam_store_import_row(). So whatever the store holds can be exported and
 * read again, and no path can skip a rule:
 *
 *  - text is UTF-8 without control characters (C0 but tab, line feed and
 *    carriage return, DEL, C1) or U+FFFE and U+FFFF, which XML cannot
 *    carry; dates, times, numbers and closed sets are in their stored form;
 *  - a decision's number is a serial from 1 in a year between
 *    SAM_STORE_MIN_YEAR and SAM_STORE_MAX_YEAR; once registered, its
 *    number, date, group, wording, mandate and what it supersedes are
 *    fixed, it never becomes a draft again, it is withdrawn only with a
 *    reason, and a withdrawn or superseded decision stays so; it is
 *    registered on its date or later, never ahead of it;
 *  - a group's short code is part of every number its group gave, so it is
 *    fixed once the group has a registered decision;
 *  - no group lies under itself, no decision supersedes itself, and no
 *    relation of one kind leads back to where it started, directly or
 *    through others.
 *
 * The circles need the other rows: an edit, which changes one row, asks
 * the register with a recursive query before it writes; an import, whose
 * rows come in any order, asks once all of them are in
 * (_sam_store_check_cycles(), in sam-store-cycles.c).
 */

/* The names of the fields, as a message names them. */
typedef struct
{
  SamTable    table;
  const char *column;
  const char *label;
} FieldLabel;

static const FieldLabel field_labels[] = {
  { SAM_TABLE_ORGANISATION, "name", NC_("register field", "Name") },
  { SAM_TABLE_ORGANISATION, "short_name", NC_("register field", "Short name") },
  { SAM_TABLE_ORGANISATION, "kind", NC_("register field", "Kind") },
  { SAM_TABLE_PERSON, "name", NC_("register field", "Name") },
  { SAM_TABLE_PERSON, "title", NC_("register field", "Job title") },
  { SAM_TABLE_PERSON, "email", NC_("register field", "E-mail") },
  { SAM_TABLE_PERSON, "phone", NC_("register field", "Phone") },
  { SAM_TABLE_PERSON, "organisation_id", NC_("register field", "Organisation") },
  { SAM_TABLE_GROUP, "code", NC_("register field", "Short code") },
  { SAM_TABLE_GROUP, "name", NC_("register field", "Name") },
  { SAM_TABLE_GROUP, "kind", NC_("register field", "Kind") },
  { SAM_TABLE_GROUP, "parent_id", NC_("register field", "Parent group") },
  { SAM_TABLE_GROUP, "position", NC_("register field", "Position") },
  { SAM_TABLE_GROUP, "established", NC_("register field", "Established") },
  { SAM_TABLE_GROUP, "dissolved", NC_("register field", "Dissolved") },
  { SAM_TABLE_GROUP, "description", NC_("register field", "Description") },
  { SAM_TABLE_GROUP_RELATION, "from_group_id", NC_("register field", "From group") },
  { SAM_TABLE_GROUP_RELATION, "to_group_id", NC_("register field", "To group") },
  { SAM_TABLE_GROUP_RELATION, "kind", NC_("register field", "Kind") },
  { SAM_TABLE_COMMISSION, "group_id", NC_("register field", "Group") },
  { SAM_TABLE_COMMISSION, "registry_number", NC_("register field", "Registry number") },
  { SAM_TABLE_COMMISSION, "dated", NC_("register field", "Dated") },
  { SAM_TABLE_COMMISSION, "revision", NC_("register field", "Revision") },
  { SAM_TABLE_COMMISSION, "min_meetings", NC_("register field", "Least meetings a year") },
  { SAM_TABLE_COMMISSION, "max_meetings", NC_("register field", "Most meetings a year") },
  { SAM_TABLE_COMMISSION, "max_co_opted", NC_("register field", "Most co-opted members") },
  { SAM_TABLE_COMMISSION, "decided", NC_("register field", "Decided") },
  { SAM_TABLE_COMMISSION, "title", NC_("register field", "Title") },
  { SAM_TABLE_COMMISSION, "area", NC_("register field", "Area") },
  { SAM_TABLE_COMMISSION, "commissioner", NC_("register field", "Commissioner") },
  { SAM_TABLE_COMMISSION, "commissionee", NC_("register field", "Commissionee") },
  { SAM_TABLE_COMMISSION, "background", NC_("register field", "Background") },
  { SAM_TABLE_COMMISSION, "purpose", NC_("register field", "Purpose") },
  { SAM_TABLE_COMMISSION, "tasks", NC_("register field", "Tasks") },
  { SAM_TABLE_COMMISSION, "chair_rule", NC_("register field", "Chair") },
  { SAM_TABLE_COMMISSION, "members_rule", NC_("register field", "Members") },
  { SAM_TABLE_COMMISSION, "co_opted_rule", NC_("register field", "Co-opted members") },
  { SAM_TABLE_COMMISSION, "subgroups_rule", NC_("register field", "Subgroups") },
  { SAM_TABLE_COMMISSION, "boundaries", NC_("register field", "Boundaries") },
  { SAM_TABLE_COMMISSION, "reporting", NC_("register field", "Reporting") },
  { SAM_TABLE_COMMISSION, "decision_rules", NC_("register field", "Decision rules") },
  { SAM_TABLE_COMMISSION, "routine_mandate", NC_("register field", "Routine mandate") },
  { SAM_TABLE_COMMISSION, "decision_maker", NC_("register field", "Decision maker") },
  { SAM_TABLE_COMMISSION, "distribution", NC_("register field", "Distribution") },
  { SAM_TABLE_COMMISSION_SEAT, "commission_id", NC_("register field", "Commission") },
  { SAM_TABLE_COMMISSION_SEAT, "organisation_id", NC_("register field", "Organisation") },
  { SAM_TABLE_COMMISSION_SEAT, "seats", NC_("register field", "Seats") },
  { SAM_TABLE_ASSIGNMENT, "person_id", NC_("register field", "Person") },
  { SAM_TABLE_ASSIGNMENT, "group_id", NC_("register field", "Group") },
  { SAM_TABLE_ASSIGNMENT, "role", NC_("register field", "Role") },
  { SAM_TABLE_ASSIGNMENT, "organisation_id", NC_("register field", "Represents") },
  { SAM_TABLE_ASSIGNMENT, "appointed_by", NC_("register field", "Appointed by") },
  { SAM_TABLE_ASSIGNMENT, "starts", NC_("register field", "From") },
  { SAM_TABLE_ASSIGNMENT, "ends", NC_("register field", "To") },
  { SAM_TABLE_ASSIGNMENT, "note", NC_("register field", "Note") },
  { SAM_TABLE_MEETING, "title", NC_("register field", "Title") },
  { SAM_TABLE_MEETING, "kind", NC_("register field", "Kind") },
  { SAM_TABLE_MEETING, "status", NC_("register field", "Status") },
  { SAM_TABLE_MEETING, "starts", NC_("register field", "Starts") },
  { SAM_TABLE_MEETING, "ends", NC_("register field", "Ends") },
  { SAM_TABLE_MEETING, "place", NC_("register field", "Place") },
  { SAM_TABLE_MEETING, "link", NC_("register field", "Link") },
  { SAM_TABLE_MEETING, "prepares_id", NC_("register field", "Prepares") },
  { SAM_TABLE_MEETING, "notes", NC_("register field", "Notes") },
  { SAM_TABLE_MEETING_GROUP, "meeting_id", NC_("register field", "Meeting") },
  { SAM_TABLE_MEETING_GROUP, "group_id", NC_("register field", "Group") },
  { SAM_TABLE_AGENDA_ITEM, "meeting_id", NC_("register field", "Meeting") },
  { SAM_TABLE_AGENDA_ITEM, "position", NC_("register field", "Position") },
  { SAM_TABLE_AGENDA_ITEM, "title", NC_("register field", "Title") },
  { SAM_TABLE_AGENDA_ITEM, "presenter", NC_("register field", "Presenter") },
  { SAM_TABLE_AGENDA_ITEM, "kind", NC_("register field", "Kind") },
  { SAM_TABLE_AGENDA_ITEM, "notes", NC_("register field", "Notes") },
  { SAM_TABLE_ATTENDANCE, "meeting_id", NC_("register field", "Meeting") },
  { SAM_TABLE_ATTENDANCE, "person_id", NC_("register field", "Person") },
  { SAM_TABLE_ATTENDANCE, "status", NC_("register field", "Status") },
  { SAM_TABLE_ATTENDANCE, "substitute_for_id", NC_("register field", "Substitute for") },
  { SAM_TABLE_DECISION, "group_id", NC_("register field", "Group") },
  { SAM_TABLE_DECISION, "year", NC_("register field", "Year") },
  { SAM_TABLE_DECISION, "serial", NC_("register field", "Serial number") },
  { SAM_TABLE_DECISION, "decided", NC_("register field", "Decided") },
  { SAM_TABLE_DECISION, "meeting_id", NC_("register field", "Meeting") },
  { SAM_TABLE_DECISION, "agenda_item_id", NC_("register field", "Agenda item") },
  { SAM_TABLE_DECISION, "mandate", NC_("register field", "Mandate") },
  { SAM_TABLE_DECISION, "status", NC_("register field", "Status") },
  { SAM_TABLE_DECISION, "responsible", NC_("register field", "Responsible") },
  { SAM_TABLE_DECISION, "follow_up", NC_("register field", "Follow-up") },
  { SAM_TABLE_DECISION, "supersedes_id", NC_("register field", "Supersedes") },
  { SAM_TABLE_DECISION, "title", NC_("register field", "Title") },
  { SAM_TABLE_DECISION, "body", NC_("register field", "Text") },
  { SAM_TABLE_DECISION, "withdrawn_reason", NC_("register field", "Reason for withdrawal") },
  { SAM_TABLE_ESCALATION, "decision_id", NC_("register field", "Decision") },
  { SAM_TABLE_ESCALATION, "to_group_id", NC_("register field", "To group") },
  { SAM_TABLE_ESCALATION, "to_other", NC_("register field", "To") },
  { SAM_TABLE_ESCALATION, "escalated", NC_("register field", "Escalated") },
  { SAM_TABLE_ESCALATION, "answered", NC_("register field", "Answered") },
  { SAM_TABLE_ESCALATION, "reason", NC_("register field", "Reason") },
  { SAM_TABLE_ESCALATION, "answer", NC_("register field", "Answer") },
};

/**
 * _sam_store_column_label:
 * @table: a table
 * @column: the index of one of its columns in the descriptor
 *
 * Returns: (transfer none): the translated name of the field, as the
 *   windows call it (“Phone”), for messages
 */
const char *
_sam_store_column_label (SamTable table,
                         guint    column)
{
  const SamColumn *info = &sam_schema_table (table)->columns[column];

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (field_labels[i].table == table && strcmp (field_labels[i].column, info->column) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "register field", field_labels[i].label);

  return info->xml_name;
}

/* Text */

static gboolean
is_control (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) ||
         c == 0xfffe || c == 0xffff;
}

/* The first byte of a character no register can hold, or NULL. @text is
 * valid UTF-8, so a C1 control is 0xC2 0x80…0x9F and U+FFFE and U+FFFF
 * are 0xEF 0xBF 0xBE and 0xBF. */
static const char *
find_control (const char *text)
{
  for (const guchar *p = (const guchar *) text; *p != '\0'; p++)
    {
      if ((*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r') || *p == 0x7f)
        return (const char *) p;
      if (p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
        return (const char *) p;
      if (p[0] == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
        return (const char *) p;
    }

  return NULL;
}

/**
 * _sam_store_text_is_storable:
 * @text: (nullable): a text
 *
 * Returns: whether the register can hold @text (and an XML file carry
 *   it): valid UTF-8 without control characters other than tab, line feed
 *   and carriage return, and without U+FFFE and U+FFFF
 */
gboolean
_sam_store_text_is_storable (const char *text)
{
  return text == NULL || (g_utf8_validate (text, -1, NULL) && find_control (text) == NULL);
}

/**
 * _sam_store_dup_printable:
 * @text: (nullable): a text, such as a name a user typed
 *
 * Returns: (transfer full) (nullable): @text for a message: what cannot
 *   be shown (a control character, bytes that are not UTF-8) becomes
 *   U+FFFD
 */
char *
_sam_store_dup_printable (const char *text)
{
  g_autofree char *valid = NULL;
  GString *out;

  if (text == NULL)
    return NULL;
  if (_sam_store_text_is_storable (text))
    return g_strdup (text);

  valid = g_utf8_make_valid (text, -1);
  out = g_string_sized_new (strlen (valid));
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (is_control (c))
        g_string_append_unichar (out, 0xfffd);
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* YYYY-MM-DDTHH:MM:SSZ, a real day and time: what the store keeps and the
 * XML reader reads back. */
static gboolean
is_utc_time (const char *text)
{
  char day[11];

  if (strlen (text) != 20 || text[10] != 'T' || text[13] != ':' || text[16] != ':' || text[19] != 'Z')
    return FALSE;
  for (guint i = 11; i < 19; i++)
    if (i != 13 && i != 16 && !g_ascii_isdigit (text[i]))
      return FALSE;
  if (g_ascii_strtoull (text + 11, NULL, 10) > 23 || g_ascii_strtoull (text + 14, NULL, 10) > 59 ||
      g_ascii_strtoull (text + 17, NULL, 10) > 59)
    return FALSE;

  memcpy (day, text, 10);
  day[10] = '\0';
  return sam_calendar_parse_iso (day, NULL);
}

/* Values */

static const char *
value_of (const char * const *values,
          SamTable            table,
          const char         *column)
{
  return values[_sam_store_column_index (table, column)];
}

/* An absent value stands for the column's default, as the INSERT and the
 * UPDATE the store built from the schema read it. */
static const char *
stored_value (SamStore           *self,
              const char * const *values,
              SamTable            table,
              guint               column)
{
  return values[column] != NULL ? values[column] : self->sql[table].defaults[column];
}

/**
 * _sam_store_values_equal:
 * @self: a #SamStore
 * @table: a table
 * @stored: a row as the store read it
 * @values: values about to be written, %NULL where absent
 *
 * Returns: whether writing @values would leave @stored as it is: an absent
 *   value counts as the column's default, and numbers by their value
 */
gboolean
_sam_store_values_equal (SamStore           *self,
                         SamTable            table,
                         const char * const *stored,
                         const char * const *values)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint c = 0; c < info->n_columns; c++)
    {
      const char *value = stored_value (self, values, table, c);

      if (info->columns[c].type == SAM_COLUMN_INT && value != NULL && stored[c] != NULL)
        {
          if (g_ascii_strtoll (value, NULL, 10) != g_ascii_strtoll (stored[c], NULL, 10))
            return FALSE;
        }
      else if (g_strcmp0 (value, stored[c]) != 0)
        return FALSE;
    }

  return TRUE;
}

static gboolean
column_differs (SamStore           *self,
                SamTable            table,
                const char         *column,
                const char * const *before,
                const char * const *values)
{
  int c = _sam_store_column_index (table, column);
  const char *value = stored_value (self, values, table, c);

  if (sam_schema_table (table)->columns[c].type == SAM_COLUMN_INT && value != NULL && before[c] != NULL)
    return g_ascii_strtoll (value, NULL, 10) != g_ascii_strtoll (before[c], NULL, 10);

  return g_strcmp0 (value, before[c]) != 0;
}

/**
 * _sam_store_format_number:
 * @self: a #SamStore
 * @group_uuid: (nullable): a decision's group
 * @year: the decision's year, as text
 * @serial: its serial, as text
 *
 * Returns: (transfer full): the number as the register shows it,
 *   “AOI 2026:3”, or “2026:3” for a group without a short code
 */
char *
_sam_store_format_number (SamStore    *self,
                          const char  *group_uuid,
                          const char  *year,
                          const char  *serial)
{
  g_auto(GStrv) codes = NULL;

  if (group_uuid != NULL)
    codes = _sam_store_query_strings (self, "SELECT code FROM grp WHERE uuid = ?1 AND code IS NOT NULL",
                                      SAM_PARAMS (group_uuid), NULL);
  if (codes != NULL && codes[0] != NULL)
    return g_strdup_printf ("%s %s:%s", codes[0], year, serial);

  return g_strdup_printf ("%s:%s", year, serial);
}

static char *
dup_name (SamStore    *self,
          const char  *sql,
          const char  *uuid)
{
  g_auto(GStrv) names = _sam_store_query_strings (self, sql, SAM_PARAMS (uuid), NULL);

  return _sam_store_dup_printable (names != NULL && names[0] != NULL ? names[0] : uuid);
}

/* Whether following @column (a parent, a superseded decision) from the
 * row @target_uuid of @table reaches the row @uuid. UNION, not UNION ALL:
 * each row is visited once, so a circle already in the register (written
 * by another program) ends the walk too. */
static gint64
reaches (SamStore    *self,
         SamTable     table,
         const char  *target_uuid,
         const char  *uuid,
         GError     **error)
{
  if (table == SAM_TABLE_GROUP)
    return _sam_store_query_int (self,
                                 "WITH RECURSIVE up (id) AS ("
                                 "  SELECT id FROM grp WHERE uuid = ?1"
                                 "  UNION SELECT g.parent_id FROM grp g JOIN up ON g.id = up.id "
                                 "  WHERE g.parent_id IS NOT NULL) "
                                 "SELECT EXISTS (SELECT 1 FROM up WHERE id = (SELECT id FROM grp WHERE uuid = ?2))",
                                 SAM_PARAMS (target_uuid, uuid), error);

  return _sam_store_query_int (self,
                               "WITH RECURSIVE chain (id) AS ("
                               "  SELECT id FROM decision WHERE uuid = ?1"
                               "  UNION SELECT d.supersedes_id FROM decision d JOIN chain ON d.id = chain.id "
                               "  WHERE d.supersedes_id IS NOT NULL) "
                               "SELECT EXISTS (SELECT 1 FROM chain WHERE id = (SELECT id FROM decision WHERE uuid = ?2))",
                               SAM_PARAMS (target_uuid, uuid), error);
}

/**
 * _sam_store_dup_relation_cycle_message:
 * @where: where the relation comes from, or what could not be saved
 * @kind: the relations' kind (“reports_to” …)
 * @from_name: the group the relation leaves
 * @to_name: the group it leads to, which leads back
 *
 * Returns: (transfer full): “A cannot report to B, which already reports
 *   to it”, for the kind
 */
char *
_sam_store_dup_relation_cycle_message (const char *where,
                                       const char *kind,
                                       const char *from_name,
                                       const char *to_name)
{
  if (g_strcmp0 (kind, "escalates_to") == 0)
    /* Translators: the first %s says where (a file and line, or what could not be saved) */
    return g_strdup_printf (_("%s: “%s” cannot escalate to “%s”, which already escalates to it, "
                              "directly or through others"), where, from_name, to_name);
  if (g_strcmp0 (kind, "prepares_for") == 0)
    return g_strdup_printf (_("%s: “%s” cannot prepare for “%s”, which already prepares for it, "
                              "directly or through others"), where, from_name, to_name);

  return g_strdup_printf (_("%s: “%s” cannot report to “%s”, which already reports to it, "
                            "directly or through others"), where, from_name, to_name);
}

/* Rules of one table */

static gboolean
check_group (SamStore            *self,
             const char          *uuid,
             const char * const  *values,
             const char * const  *before,
             SamStoreCheck        mode,
             const char          *what,
             GError             **error)
{
  const char *parent = value_of (values, SAM_TABLE_GROUP, "parent_id");
  const char *code = value_of (values, SAM_TABLE_GROUP, "code");

  if (g_strcmp0 (parent, uuid) == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: a group cannot lie under itself"), what);
      return FALSE;
    }

  if (before != NULL && g_strcmp0 (code, value_of (before, SAM_TABLE_GROUP, "code")) != 0)
    {
      const char *old_code = value_of (before, SAM_TABLE_GROUP, "code");
      gint64 numbered = _sam_store_query_int (self,
                                              "SELECT EXISTS (SELECT 1 FROM decision WHERE status <> 'draft' "
                                              "AND group_id = (SELECT id FROM grp WHERE uuid = ?1))",
                                              SAM_PARAMS (uuid), error);

      if (numbered < 0)
        return FALSE;
      if (numbered > 0 && old_code != NULL && code != NULL)
        {
          g_autofree char *shown = _sam_store_dup_printable (code);

          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                       _("%s: its short code “%s” is part of the numbers of its registered decisions "
                         "and cannot become “%s”"), what, old_code, shown);
          return FALSE;
        }
      if (numbered > 0 && old_code != NULL)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                       _("%s: its short code “%s” is part of the numbers of its registered decisions "
                         "and cannot be removed"), what, old_code);
          return FALSE;
        }
      if (numbered > 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                       _("%s: its registered decisions are numbered without a short code, "
                         "so it cannot be given one"), what);
          return FALSE;
        }
    }

  if (mode == SAM_STORE_CHECK_EDIT && parent != NULL &&
      (before == NULL || g_strcmp0 (parent, value_of (before, SAM_TABLE_GROUP, "parent_id")) != 0))
    {
      gint64 cycle = reaches (self, SAM_TABLE_GROUP, parent, uuid, error);

      if (cycle < 0)
        return FALSE;
      if (cycle > 0)
        {
          g_autofree char *name = dup_name (self, "SELECT name FROM grp WHERE uuid = ?1", parent);

          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("%s: it cannot lie under its own subgroup “%s”"), what, name);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
check_relation (SamStore            *self,
                const char * const  *values,
                SamStoreCheck        mode,
                const char          *what,
                GError             **error)
{
  const char *from = value_of (values, SAM_TABLE_GROUP_RELATION, "from_group_id");
  const char *to = value_of (values, SAM_TABLE_GROUP_RELATION, "to_group_id");
  const char *kind = value_of (values, SAM_TABLE_GROUP_RELATION, "kind");
  gint64 cycle;

  if (from == NULL || to == NULL || kind == NULL)
    return TRUE;
  if (strcmp (from, to) == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("%s: a relation joins two different groups"), what);
      return FALSE;
    }
  if (mode != SAM_STORE_CHECK_EDIT)
    return TRUE;

  cycle = _sam_store_query_int (self,
                                "WITH RECURSIVE reach (id) AS ("
                                "  SELECT id FROM grp WHERE uuid = ?1"
                                "  UNION SELECT r.to_group_id FROM group_relation r JOIN reach ON r.from_group_id = reach.id "
                                "  WHERE r.kind = ?3) "
                                "SELECT EXISTS (SELECT 1 FROM reach WHERE id = (SELECT id FROM grp WHERE uuid = ?2))",
                                SAM_PARAMS (to, from, kind), error);
  if (cycle < 0)
    return FALSE;
  if (cycle > 0)
    {
      g_autofree char *from_name = dup_name (self, "SELECT name FROM grp WHERE uuid = ?1", from);
      g_autofree char *to_name = dup_name (self, "SELECT name FROM grp WHERE uuid = ?1", to);
      g_autofree char *message = _sam_store_dup_relation_cycle_message (what, kind, from_name, to_name);

      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, message);
      return FALSE;
    }

  return TRUE;
}

static gboolean
is_closed (const char *status)
{
  return g_strcmp0 (status, "withdrawn") == 0 || g_strcmp0 (status, "superseded") == 0;
}

static gboolean
check_decision (SamStore            *self,
                const char          *uuid,
                const char * const  *values,
                const char * const  *before,
                SamStoreCheck        mode,
                const char          *what,
                GError             **error)
{
  static const char * const fixed_columns[] = {
    "group_id", "year", "serial", "decided", "title", "body", "mandate", "supersedes_id",
  };
  int status_column = _sam_store_column_index (SAM_TABLE_DECISION, "status");
  const char *status = stored_value (self, values, SAM_TABLE_DECISION, status_column);
  const char *year = value_of (values, SAM_TABLE_DECISION, "year");
  const char *serial = value_of (values, SAM_TABLE_DECISION, "serial");
  const char *decided = value_of (values, SAM_TABLE_DECISION, "decided");
  const char *supersedes = value_of (values, SAM_TABLE_DECISION, "supersedes_id");
  const char *before_status = before != NULL ? before[status_column] : NULL;
  gboolean registered_before = before_status != NULL && strcmp (before_status, "draft") != 0;

  if (serial != NULL || year != NULL)
    {
      gint64 serial_value = serial != NULL ? g_ascii_strtoll (serial, NULL, 10) : 0;
      gint64 year_value = year != NULL ? g_ascii_strtoll (year, NULL, 10) : 0;

      if (serial_value < 1 || year_value < SAM_STORE_MIN_YEAR || year_value > SAM_STORE_MAX_YEAR)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("%s: the number %s:%s is not one a register gives: the serial starts at 1 "
                         "and the year lies between %d and %d"),
                       what, year != NULL ? year : "–", serial != NULL ? serial : "–",
                       SAM_STORE_MIN_YEAR, SAM_STORE_MAX_YEAR);
          return FALSE;
        }
    }
  if (g_strcmp0 (status, "draft") != 0 && serial == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("%s: a registered decision needs its number"), what);
      return FALSE;
    }

  if (supersedes != NULL && g_strcmp0 (supersedes, uuid) == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("%s: a decision cannot supersede itself"), what);
      return FALSE;
    }

  if (g_strcmp0 (status, "withdrawn") == 0 &&
      _sam_store_is_blank (value_of (values, SAM_TABLE_DECISION, "withdrawn_reason")))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("%s: it is withdrawn without a reason; say why"), what);
      return FALSE;
    }

  if (registered_before)
    {
      gboolean changed = g_strcmp0 (status, "draft") == 0;

      for (guint i = 0; !changed && i < G_N_ELEMENTS (fixed_columns); i++)
        changed = column_differs (self, SAM_TABLE_DECISION, fixed_columns[i], before, values);
      if (changed)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                       _("%s: a registered decision cannot be changed or deleted. "
                         "Register a new decision that supersedes it."), what);
          return FALSE;
        }

      if (is_closed (before_status) && g_strcmp0 (status, before_status) != 0)
        {
          int value = 0;

          sam_enum_from_nick (SAM_TYPE_DECISION_STATUS, before_status, &value);
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                       _("%s: it is “%s”, and a withdrawn or superseded decision stays so"),
                       what, sam_decision_status_get_label (value));
          return FALSE;
        }
    }

  if (mode != SAM_STORE_CHECK_EDIT)
    return TRUE;

  /* Registered now: on its day or later, not ahead of it. */
  if (!registered_before && g_strcmp0 (status, "draft") != 0 && decided != NULL)
    {
      g_autofree char *today = sam_clock_dup_today ();

      if (strcmp (decided, today) > 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("%s: it is dated %s, after today; register it on that day or later"), what, decided);
          return FALSE;
        }
    }

  if (supersedes != NULL && (before == NULL || g_strcmp0 (supersedes, value_of (before, SAM_TABLE_DECISION, "supersedes_id")) != 0))
    {
      gint64 cycle = reaches (self, SAM_TABLE_DECISION, supersedes, uuid, error);

      if (cycle < 0)
        return FALSE;
      if (cycle > 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                       _("%s: it would supersede a decision that already supersedes it, "
                         "directly or through others"), what);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * _sam_store_check_row:
 * @self: a #SamStore, in the transaction that will write the row
 * @table: the table of the row
 * @uuid: the row's UUID
 * @values: the values about to be written, in descriptor order,
 *   references as UUIDs, %NULL where absent
 * @before: (nullable): the row as it is stored, or %NULL for a new row
 * @mode: an edit of one row, or a row of an import (whose circles are
 *   looked for at its commit)
 * @what: the start of a message: what could not be saved (“The person
 *   “Anna Berg” could not be saved”), or where the row comes from
 *   (“register.xml, line 12: the person “Anna Berg””)
 * @error: return location for a #GError
 *
 * Checks a row against the register's invariants (see the top of this
 * file). A rule of a registered decision's life or of a numbered group's
 * code is a %SAM_STORE_ERROR_FIXED, anything else a
 * %SAM_STORE_ERROR_INVALID; the message names the field.
 *
 * Returns: whether the row may be written
 */
gboolean
_sam_store_check_row (SamStore            *self,
                      SamTable             table,
                      const char          *uuid,
                      const char * const  *values,
                      const char * const  *before,
                      SamStoreCheck        mode,
                      const char          *what,
                      GError             **error)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint c = 0; c < info->n_columns; c++)
    {
      const SamColumn *column = &info->columns[c];
      const char *value = values[c];
      gint64 number;

      /* What is stored already is not checked again: a rule newer than
       * the row must not keep, say, a registered decision with an old
       * control character in its wording from ever being withdrawn. */
      if (value == NULL || (before != NULL && g_strcmp0 (before[c], value) == 0))
        continue;

      switch (column->type)
        {
        case SAM_COLUMN_STRING:
        case SAM_COLUMN_TEXT:
          if (!g_utf8_validate (value, -1, NULL))
            {
              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("%s: “%s” is not text that can be read (it is not UTF-8)"),
                           what, _sam_store_column_label (table, c));
              return FALSE;
            }
          if (find_control (value) != NULL)
            {
              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("%s: “%s” contains a control character, such as a vertical tab or a form feed, "
                             "that the register cannot hold. Remove it."),
                           what, _sam_store_column_label (table, c));
              return FALSE;
            }
          break;

        case SAM_COLUMN_INT:
          if (!g_ascii_string_to_signed (value, 10, G_MININT32, G_MAXINT32, &number, NULL))
            {
              g_autofree char *shown = _sam_store_dup_printable (value);

              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("%s: “%s” is not a whole number in “%s”"),
                           what, shown, _sam_store_column_label (table, c));
              return FALSE;
            }
          break;

        case SAM_COLUMN_DATE:
          if (!sam_calendar_parse_iso (value, NULL))
            {
              g_autofree char *shown = _sam_store_dup_printable (value);

              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("%s: “%s” in “%s” is not a date written YYYY-MM-DD"),
                           what, shown, _sam_store_column_label (table, c));
              return FALSE;
            }
          break;

        case SAM_COLUMN_DATETIME:
          if (!is_utc_time (value))
            {
              g_autofree char *shown = _sam_store_dup_printable (value);

              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("%s: “%s” in “%s” is not a time written YYYY-MM-DDTHH:MM:SSZ"),
                           what, shown, _sam_store_column_label (table, c));
              return FALSE;
            }
          break;

        case SAM_COLUMN_ENUM:
          if (!sam_schema_enum_is_valid (column, value))
            {
              g_autofree char *shown = _sam_store_dup_printable (value);

              g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("%s: “%s” is not a valid value of “%s”"),
                           what, shown, _sam_store_column_label (table, c));
              return FALSE;
            }
          break;

        case SAM_COLUMN_REF:
        default:
          break;
        }
    }

  switch (table)
    {
    case SAM_TABLE_GROUP:
      return check_group (self, uuid, values, before, mode, what, error);
    case SAM_TABLE_GROUP_RELATION:
      return check_relation (self, values, mode, what, error);
    case SAM_TABLE_DECISION:
      return check_decision (self, uuid, values, before, mode, what, error);
    default:
      return TRUE;
    }
}

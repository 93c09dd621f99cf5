/* sam-store-edit.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-store-private.h"

/*
 * What the views need: lists of model objects (GListStore, so widgets bind
 * to them), lookups, searches, and saving and deleting single rows. Each
 * change is one transaction with one audit log entry, and "changed" is
 * emitted after COMMIT. Every query is the table's generic SELECT (built
 * from the descriptor in sam-store.c) followed by a fixed WHERE/ORDER BY.
 */

/**
 * _sam_store_query_objects:
 * @self: a #SamStore
 * @table: a table with a model class
 * @clauses: what follows the table's generic SELECT (WHERE, ORDER BY …)
 * @param: (nullable): the text of ?1, if @clauses has it
 * @param2: the integer ?2, if @clauses has it
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the rows as model objects
 */
GListModel *
_sam_store_query_objects (SamStore    *self,
                          SamTable     table,
                          const char  *clauses,
                          const char  *param,
                          int          param2,
                          GError     **error)
{
  g_autofree char *sql = g_strconcat (self->sql[table].select, " ", clauses, NULL);
  sqlite3_stmt *stmt;

  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (sqlite3_bind_parameter_count (stmt) >= 2)
    sqlite3_bind_int (stmt, 2, param2);

  return _sam_store_collect_list (self, stmt, table, error);
}

/**
 * sam_store_dup_by_uuid:
 * @self: a #SamStore
 * @type: a model type, such as %SAM_TYPE_GROUP
 * @uuid: a UUID
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable) (type GObject): a new object for the
 *   row, or %NULL if there is none (@error is only set on failure)
 */
gpointer
sam_store_dup_by_uuid (SamStore    *self,
                       GType        type,
                       const char  *uuid,
                       GError     **error)
{
  SamTable table = _sam_model_table_for_type (type);
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (table < SAM_N_TABLES, NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  list = _sam_store_query_objects (self, table, "WHERE t.uuid = ?1", uuid, 0, error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/**
 * sam_store_list_organisations:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamOrganisation list, sorted by name
 */
GListModel *
sam_store_list_organisations (SamStore  *self,
                              GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_ORGANISATION, "ORDER BY t.name COLLATE sv, t.uuid", NULL, 0, error);
}

/**
 * sam_store_list_people:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamPerson list, sorted by name
 */
GListModel *
sam_store_list_people (SamStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_PERSON, "ORDER BY t.name COLLATE sv, t.uuid", NULL, 0, error);
}

/**
 * sam_store_list_groups:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every #SamGroup, sorted by name
 */
GListModel *
sam_store_list_groups (SamStore  *self,
                       GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_GROUP, "ORDER BY t.name_key, t.uuid", NULL, 0, error);
}

/**
 * sam_store_list_child_groups:
 * @self: a #SamStore
 * @parent_uuid: (nullable): a group, or %NULL for the top of the tree
 * @error: return location for a #GError
 *
 * Lists the children of a group in the tree, for a #GtkTreeListModel.
 *
 * Returns: (transfer full) (nullable): the #SamGroup list, by position, then name
 */
GListModel *
sam_store_list_child_groups (SamStore    *self,
                             const char  *parent_uuid,
                             GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_GROUP,
                        "WHERE t.parent_id IS (SELECT id FROM grp WHERE uuid = ?1) "
                        "ORDER BY t.position, t.name_key, t.id",
                        parent_uuid, 0, error);
}

/**
 * sam_store_list_group_assignments:
 * @self: a #SamStore
 * @group_uuid: a group
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the group's #SamAssignment list:
 *   chair, coordinator, contact person, members, co-opted; then by name
 */
GListModel *
sam_store_list_group_assignments (SamStore    *self,
                                  const char  *group_uuid,
                                  GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_ASSIGNMENT,
                        "WHERE t.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                        "ORDER BY CASE t.role WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 "
                        "WHEN 'contact_person' THEN 2 WHEN 'member' THEN 3 ELSE 4 END, "
                        "(SELECT name FROM person WHERE id = t.person_id) COLLATE sv, t.starts, t.uuid",
                        group_uuid, 0, error);
}

/**
 * sam_store_list_person_assignments:
 * @self: a #SamStore
 * @person_uuid: a person
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the person's #SamAssignment list,
 *   the latest term first
 */
GListModel *
sam_store_list_person_assignments (SamStore    *self,
                                   const char  *person_uuid,
                                   GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_ASSIGNMENT,
                        "WHERE t.person_id = (SELECT id FROM person WHERE uuid = ?1) "
                        "ORDER BY t.starts DESC, t.uuid",
                        person_uuid, 0, error);
}

/**
 * sam_store_dup_group_commission:
 * @self: a #SamStore
 * @group_uuid: a group
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the commission the group works
 *   under, or %NULL if it has none (@error is only set on failure)
 */
SamCommission *
sam_store_dup_group_commission (SamStore    *self,
                                const char  *group_uuid,
                                GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  list = _sam_store_query_objects (self, SAM_TABLE_COMMISSION,
                        "WHERE t.group_id = (SELECT id FROM grp WHERE uuid = ?1)",
                        group_uuid, 0, error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/**
 * sam_store_list_meetings:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every #SamMeeting, by start time
 */
GListModel *
sam_store_list_meetings (SamStore  *self,
                         GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_MEETING, "ORDER BY t.starts, t.uuid", NULL, 0, error);
}

/**
 * sam_store_list_group_meetings:
 * @self: a #SamStore
 * @group_uuid: a group
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamMeeting list the group takes
 *   part in (its own and joint meetings), by start time
 */
GListModel *
sam_store_list_group_meetings (SamStore    *self,
                               const char  *group_uuid,
                               GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_MEETING,
                        "WHERE t.id IN (SELECT meeting_id FROM meeting_group "
                        "WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1)) "
                        "ORDER BY t.starts, t.uuid",
                        group_uuid, 0, error);
}

/**
 * sam_store_list_decisions:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for all groups
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamDecision list: drafts
 *   first, then the newest number first
 */
GListModel *
sam_store_list_decisions (SamStore    *self,
                          const char  *group_uuid,
                          GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_objects (self, SAM_TABLE_DECISION,
                        "WHERE ?1 IS NULL OR t.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                        "ORDER BY t.year IS NOT NULL, t.year DESC, t.serial DESC, "
                        "t.title COLLATE sv, t.uuid",
                        group_uuid, 0, error);
}

/* Turns what a user typed into an FTS5 query that cannot be a syntax
 * error: every run of letters and digits becomes a quoted prefix term
 * ("vård"*), all of them required. Operators and quotes are dropped. */
char *
_sam_store_fts_query (const char *text)
{
  g_autoptr(GString) query = g_string_new ("");
  gboolean in_word = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        {
          if (!in_word)
            g_string_append (query, query->len > 0 ? " \"" : "\"");
          g_string_append_unichar (query, ch);
          in_word = TRUE;
        }
      else if (in_word)
        {
          g_string_append (query, "\"*");
          in_word = FALSE;
        }
    }
  if (in_word)
    g_string_append (query, "\"*");

  if (query->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&query), FALSE);
}

static GListModel *
search (SamStore    *self,
        SamTable     table,
        const char  *clauses,
        const char  *text,
        GError     **error)
{
  g_autofree char *query = _sam_store_fts_query (text);

  if (query == NULL)
    return G_LIST_MODEL (g_list_store_new (_sam_model_type_for_table (table)));

  return _sam_store_query_objects (self, table, clauses, query, 0, error);
}

/**
 * sam_store_search_decisions:
 * @self: a #SamStore
 * @query: what the user typed; each word matches words that start with it,
 *   ignoring case (“vård” finds “Vårdförlopp”, not “Varde”)
 * @error: return location for a #GError
 *
 * Searches decision titles and texts.
 *
 * Returns: (transfer full) (nullable): the matching #SamDecision list, best first
 */
GListModel *
sam_store_search_decisions (SamStore    *self,
                            const char  *query,
                            GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return search (self, SAM_TABLE_DECISION,
                 "JOIN decision_fts ON decision_fts.rowid = t.id "
                 "WHERE decision_fts MATCH ?1 ORDER BY decision_fts.rank, t.uuid",
                 query, error);
}

/**
 * sam_store_search_meetings:
 * @self: a #SamStore
 * @query: what the user typed, as for sam_store_search_decisions()
 * @error: return location for a #GError
 *
 * Searches meeting titles and notes.
 *
 * Returns: (transfer full) (nullable): the matching #SamMeeting list, best first
 */
GListModel *
sam_store_search_meetings (SamStore    *self,
                           const char  *query,
                           GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return search (self, SAM_TABLE_MEETING,
                 "JOIN meeting_fts ON meeting_fts.rowid = t.id "
                 "WHERE meeting_fts MATCH ?1 ORDER BY meeting_fts.rank, t.uuid",
                 query, error);
}

/* Saving and deleting */

/* The words a user recognises a row by: its name or title, else its UUID. */
static const char *
item_label (SamTable   table,
            SamRecord *record)
{
  const SamTableInfo *info = sam_schema_table (table);
  const char *label = record->uuid != NULL ? record->uuid : "";

  for (guint c = 0; c < info->n_columns; c++)
    if ((strcmp (info->columns[c].column, "name") == 0 || strcmp (info->columns[c].column, "title") == 0) &&
        record->values[c] != NULL)
      label = record->values[c];

  return label;
}

/* Inserts or updates one row inside the caller's transaction. */
static gboolean
write_row (SamStore            *self,
           SamTable             table,
           const char          *uuid,
           const char * const  *values,
           gboolean             exists,
           const char          *what,
           GError             **error)
{
  const SamTableInfo *info = sam_schema_table (table);
  g_autofree gint64 *ref_ids = g_new0 (gint64, info->n_columns);
  sqlite3_stmt *stmt;
  int rc;

  for (guint c = 0; c < info->n_columns; c++)
    {
      if (info->columns[c].type != SAM_COLUMN_REF || values[c] == NULL)
        continue;
      if ((ref_ids[c] = _sam_store_find_id (self, info->columns[c].ref_table, values[c], error)) < 0)
        return FALSE;
      if (ref_ids[c] == 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                       _("%s: its %s “%s” is not in the register"), what, info->columns[c].xml_name, values[c]);
          return FALSE;
        }
    }

  if ((stmt = _sam_store_prepare (self, exists ? self->sql[table].update : self->sql[table].insert, error)) == NULL)
    return FALSE;

  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  if (!_sam_store_bind_values (self, stmt, table, values, ref_ids, error))
    {
      g_prefix_error (error, "%s: ", what);
      return FALSE;
    }
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/* Audits the change from @before to the row as it now is, commits, and
 * updates @item to the stored row (with its id and defaults). */
static gboolean
finish_change (SamStore            *self,
               gpointer             item,
               SamTable             table,
               const char          *action,
               const char          *uuid,
               const char * const  *before,
               GError             **error)
{
  g_autofree char *before_json = _sam_store_row_json (table, uuid, before);
  g_autofree char *after_json = NULL;
  g_autoptr(GPtrArray) after = NULL;
  gint64 id = 0;

  after = _sam_store_dup_row (self, table, uuid, &id, error);
  if (after == NULL && error != NULL && *error != NULL)
    return FALSE;
  after_json = _sam_store_row_json (table, uuid, after != NULL ? (const char * const *) after->pdata : NULL);

  if (!_sam_store_audit (self, action, sam_schema_table (table)->element, uuid, before_json, after_json, error) ||
      !_sam_store_commit (self, error))
    return FALSE;

  if (after != NULL)
    _sam_model_update (item, id, uuid, (const char * const *) after->pdata);
  else
    _sam_model_update (item, 0, uuid, (const char * const *) _sam_model_get_record (item)->values);
  _sam_store_changed (self, table);

  return TRUE;
}

/**
 * sam_store_save:
 * @self: a #SamStore
 * @item: a model object (#SamOrganisation, #SamPerson, #SamGroup,
 *   #SamAssignment, #SamCommission, #SamMeeting or #SamDecision)
 * @error: return location for a #GError
 *
 * Inserts @item (giving it a new UUID if it has none) or updates the row
 * with its UUID, in one transaction with one audit log entry. Afterwards
 * @item holds the stored row, defaults included, and #SamStore::changed
 * has been emitted. A registered decision's number, date and wording
 * cannot change (%SAM_STORE_ERROR_FIXED); its status can.
 *
 * Returns: whether @item was saved
 */
gboolean
sam_store_save (SamStore  *self,
                gpointer   item,
                GError   **error)
{
  SamTable table;
  SamRecord *record;
  g_autofree char *uuid = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  table = _sam_model_table_for_type (G_OBJECT_TYPE (item));
  g_return_val_if_fail (table < SAM_N_TABLES, FALSE);

  record = _sam_model_get_record (item);
  uuid = record->uuid != NULL ? g_strdup (record->uuid) : g_uuid_string_random ();
  what = g_strdup_printf (_("The %s “%s” could not be saved"), _sam_store_table_label (table),
                          item_label (table, record));

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, table, uuid, NULL, &local_error);
  if (local_error == NULL)
    write_row (self, table, uuid, (const char * const *) record->values, before != NULL, what, &local_error);
  if (local_error == NULL)
    finish_change (self, item, table, before != NULL ? "update" : "insert", uuid,
                   before != NULL ? (const char * const *) before->pdata : NULL, &local_error);

  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_delete:
 * @self: a #SamStore
 * @item: a model object
 * @error: return location for a #GError
 *
 * Deletes the row of @item, with one audit log entry, and emits
 * #SamStore::changed. Rows that belong to it (a group's assignments and
 * commission) go with it; a row that others still refer to (a group with
 * subgroups or decisions, a person with assignments) is refused with
 * %SAM_STORE_ERROR_IN_USE, and a registered decision with
 * %SAM_STORE_ERROR_FIXED.
 *
 * Returns: whether the row is gone
 */
gboolean
sam_store_delete (SamStore  *self,
                  gpointer   item,
                  GError   **error)
{
  SamTable table;
  SamRecord *record;
  g_autofree char *what = NULL;
  g_autofree char *before_json = NULL;
  g_autoptr(GPtrArray) before = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  table = _sam_model_table_for_type (G_OBJECT_TYPE (item));
  g_return_val_if_fail (table < SAM_N_TABLES, FALSE);

  record = _sam_model_get_record (item);
  if (record->uuid == NULL)
    return TRUE;
  what = g_strdup_printf (_("The %s “%s” could not be deleted"), _sam_store_table_label (table),
                          item_label (table, record));

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, table, record->uuid, NULL, error);
  if (before == NULL)
    {
      _sam_store_rollback (self);
      return error == NULL || *error == NULL;
    }

  if ((stmt = _sam_store_prepare (self, self->sql[table].delete, error)) == NULL)
    {
      _sam_store_rollback (self);
      return FALSE;
    }
  sqlite3_bind_text (stmt, 1, record->uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      if (_sam_store_is_foreign_key_error (self, rc))
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                     _("%s: other entries in the register still refer to it"), what);
      else
        _sam_store_set_error (self, error, rc, what);
      _sam_store_rollback (self);
      return FALSE;
    }

  before_json = _sam_store_row_json (table, record->uuid, (const char * const *) before->pdata);
  if (!_sam_store_audit (self, "delete", sam_schema_table (table)->element, record->uuid,
                         before_json, NULL, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (record->id != 0)
    {
      record->id = 0;
      g_object_notify (item, "id");
    }
  _sam_store_changed (self, table);
  return TRUE;
}

/* Registration */

static int
column_index (SamTable    table,
              const char *name)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint c = 0; c < info->n_columns; c++)
    if (strcmp (info->columns[c].column, name) == 0)
      return c;

  g_return_val_if_reached (-1);
}

/* Numbers a saved draft: the next serial of its group in the year of its
 * date. The caller holds BEGIN IMMEDIATE, so no other connection can take
 * the same number between the SELECT and the UPDATE. */
static gboolean
number_decision (SamStore    *self,
                 const char  *uuid,
                 const char  *decided,
                 const char  *status,
                 const char  *what,
                 GError     **error)
{
  sqlite3_stmt *stmt;
  int year = (int) g_ascii_strtoll (decided, NULL, 10);
  gint64 serial;
  int rc;

  stmt = _sam_store_prepare (self,
                             "SELECT coalesce (max (serial), 0) + 1 FROM decision "
                             "WHERE group_id = (SELECT group_id FROM decision WHERE uuid = ?1) AND year = ?2",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  rc = sqlite3_step (stmt);
  serial = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc, what);
      return FALSE;
    }

  stmt = _sam_store_prepare (self,
                             "UPDATE decision SET year = ?2, serial = ?3, decided = ?4, status = ?5 WHERE uuid = ?1",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  sqlite3_bind_int64 (stmt, 3, serial);
  sqlite3_bind_text (stmt, 4, decided, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, status, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_register_decision:
 * @self: a #SamStore
 * @decision: a draft decision, saved or not
 * @error: return location for a #GError
 *
 * Saves @decision and gives it the next number of its group in the year
 * of its date (today's date if it has none): AOI 2026:1, 2, 3 …, without
 * gaps or duplicates even with several programs on one register. A draft
 * status becomes “decided”; another status chosen beforehand is kept.
 * From then on its wording and number are fixed.
 *
 * Returns: whether @decision was registered
 */
gboolean
sam_store_register_decision (SamStore     *self,
                             SamDecision  *decision,
                             GError      **error)
{
  SamRecord *record;
  g_autofree char *uuid = NULL;
  g_autofree char *what = NULL;
  g_autofree char *decided = NULL;
  g_autofree char *status = NULL;
  g_autofree const char **values = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;
  int status_col = column_index (SAM_TABLE_DECISION, "status");
  const SamTableInfo *info = sam_schema_table (SAM_TABLE_DECISION);

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (decision), FALSE);

  record = _sam_model_get_record (decision);
  uuid = record->uuid != NULL ? g_strdup (record->uuid) : g_uuid_string_random ();
  what = g_strdup_printf (_("The %s “%s” could not be registered"), _sam_store_table_label (SAM_TABLE_DECISION),
                          item_label (SAM_TABLE_DECISION, record));

  if (record->values[column_index (SAM_TABLE_DECISION, "decided")] != NULL)
    decided = g_strdup (record->values[column_index (SAM_TABLE_DECISION, "decided")]);
  else
    decided = sam_clock_dup_today ();
  status = g_strdup (g_strcmp0 (record->values[status_col], "draft") == 0 ? "decided" : record->values[status_col]);

  /* Saved as a draft without a number first: the schema only allows another
   * status once the number is there. */
  values = g_memdup2 (record->values, sizeof (char *) * (info->n_columns + 1));
  values[status_col] = "draft";
  values[column_index (SAM_TABLE_DECISION, "year")] = NULL;
  values[column_index (SAM_TABLE_DECISION, "serial")] = NULL;

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, NULL, &local_error);
  if (local_error == NULL && before != NULL && g_strcmp0 (g_ptr_array_index (before, status_col), "draft") != 0)
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                 _("%s: it is already registered"), what);
  if (local_error == NULL)
    write_row (self, SAM_TABLE_DECISION, uuid, values, before != NULL, what, &local_error);
  if (local_error == NULL)
    number_decision (self, uuid, decided, status, what, &local_error);
  if (local_error == NULL)
    finish_change (self, decision, SAM_TABLE_DECISION, "register", uuid,
                   before != NULL ? (const char * const *) before->pdata : NULL, &local_error);

  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_count_decisions:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for all groups
 * @year: a year, or 0 for all years (and drafts)
 *
 * Returns: the number of decisions, or 0 if the register cannot be read
 */
guint
sam_store_count_decisions (SamStore   *self,
                           const char *group_uuid,
                           int         year)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  stmt = _sam_store_prepare (self,
                             "SELECT count (*) FROM decision "
                             "WHERE (?1 IS NULL OR group_id = (SELECT id FROM grp WHERE uuid = ?1)) "
                             "AND (?2 <= 0 OR year = ?2)", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

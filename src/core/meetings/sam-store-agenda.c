/* sam-store-agenda.c
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
#include "sam-store-meetings-private.h"

/*
 * A meeting's agenda (items in order, renumbered 1, 2, 3 … on every change)
 * and its attendance (who was there, absent, or there in someone's place).
 */

/**
 * sam_store_list_agenda:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the meeting's #SamAgendaItem list,
 *   in agenda order
 */
GListModel *
sam_store_list_agenda (SamStore    *self,
                       const char  *meeting_uuid,
                       GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GListStore) list = g_list_store_new (SAM_TYPE_AGENDA_ITEM);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  sql = g_strconcat (self->sql[SAM_TABLE_AGENDA_ITEM].select,
                     " WHERE t.meeting_id = " MEETING_ID " ORDER BY t.position, t.id", NULL);
  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uuid = NULL;
      g_autoptr(GPtrArray) values = _sam_store_read_row (self, stmt, SAM_TABLE_AGENDA_ITEM, NULL, &uuid);
      g_autoptr(SamAgendaItem) item = sam_agenda_item_new (meeting_uuid);
      int kind = SAM_AGENDA_KIND_INFORMATION;

      /* Columns: meeting, position, title, presenter, kind, notes, decision. */
      sam_agenda_item_set_title (item, g_ptr_array_index (values, 2));
      sam_agenda_item_set_presenter (item, g_ptr_array_index (values, 3));
      sam_enum_from_nick (SAM_TYPE_AGENDA_KIND, g_ptr_array_index (values, 4), &kind);
      sam_agenda_item_set_kind (item, kind);
      sam_agenda_item_set_notes (item, g_ptr_array_index (values, 5));
      sam_agenda_item_set_decision_uuid (item, g_ptr_array_index (values, 6));
      /* Shown from 1 in agenda order, whatever gaps the stored numbers have. */
      _sam_agenda_item_set_row (item, uuid, (int) g_list_model_get_n_items (G_LIST_MODEL (list)) + 1);
      g_list_store_append (list, item);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/* Stores positions 1, 2, 3 … in the order of @uuids. */
static gboolean
renumber (SamStore    *self,
          GPtrArray   *uuids,
          GError     **error)
{
  for (guint i = 0; i < uuids->len; i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      const char *params[] = { g_ptr_array_index (uuids, i), position };

      if (!_sam_store_run (self, "UPDATE agenda_item SET position = CAST (?2 AS INTEGER) WHERE uuid = ?1", params, 2, _("The register could not be changed"), error))
        return FALSE;
    }

  return TRUE;
}

static GPtrArray *
agenda_uuids (SamStore    *self,
              const char  *meeting_uuid,
              GError     **error)
{
  const char *params[] = { meeting_uuid };
  g_auto(GStrv) uuids = _sam_store_query_strings (self, "SELECT uuid FROM agenda_item WHERE meeting_id = " MEETING_ID " "
                                                  "ORDER BY position, id", params, 1, error);
  GPtrArray *array;

  if (uuids == NULL)
    return NULL;

  array = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; uuids[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (uuids[i]));

  return array;
}

/**
 * sam_store_save_agenda_item:
 * @self: a #SamStore
 * @item: an agenda item, saved or not
 * @error: return location for a #GError
 *
 * Saves @item; a new item goes last on its meeting's agenda. One
 * transaction, one audit log entry, then #SamStore::changed.
 *
 * Returns: whether the item was saved
 */
gboolean
sam_store_save_agenda_item (SamStore       *self,
                            SamAgendaItem  *item,
                            GError        **error)
{
  const char *meeting_uuid;
  g_autofree char *uuid = NULL;
  g_autofree char *position = NULL;
  g_autofree char *after_json = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *before_json = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *values[8];

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (item), FALSE);

  meeting_uuid = sam_agenda_item_get_meeting_uuid (item);
  title = g_strdup (sam_agenda_item_get_title (item));
  if (title == NULL || g_strstrip (title)[0] == '\0')
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("An agenda item needs a title"));
      return FALSE;
    }

  /* The item as it is stored: nothing to write, and no view to tell. */
  if (sam_agenda_item_get_uuid (item) != NULL)
    {
      g_autoptr(GPtrArray) stored = _sam_store_dup_row (self, SAM_TABLE_AGENDA_ITEM, sam_agenda_item_get_uuid (item),
                                                        NULL, NULL);

      if (stored != NULL)
        {
          values[0] = meeting_uuid;
          values[1] = g_ptr_array_index (stored, 1);
          values[2] = sam_agenda_item_get_title (item);
          values[3] = sam_agenda_item_get_presenter (item);
          values[4] = sam_enum_get_nick (SAM_TYPE_AGENDA_KIND, sam_agenda_item_get_kind (item));
          values[5] = sam_agenda_item_get_notes (item);
          values[6] = NULL;
          if (_sam_store_values_equal (self, SAM_TABLE_AGENDA_ITEM, (const char * const *) stored->pdata, values))
            return TRUE;
        }
    }
  uuid = sam_agenda_item_get_uuid (item) != NULL ? g_strdup (sam_agenda_item_get_uuid (item)) : g_uuid_string_random ();

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_AGENDA_ITEM, uuid, NULL, &local_error);
  before_json = _sam_store_row_json (SAM_TABLE_AGENDA_ITEM, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);
  if (local_error == NULL)
    order = agenda_uuids (self, meeting_uuid, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  if (before != NULL)
    position = g_strdup (g_ptr_array_index (before, 1));
  else
    position = g_strdup_printf ("%u", order->len + 1);

  values[0] = meeting_uuid;
  values[1] = position;
  values[2] = sam_agenda_item_get_title (item);
  values[3] = sam_agenda_item_get_presenter (item);
  values[4] = sam_enum_get_nick (SAM_TYPE_AGENDA_KIND, sam_agenda_item_get_kind (item));
  values[5] = sam_agenda_item_get_notes (item);
  values[6] = sam_agenda_item_get_decision_uuid (item);
  values[7] = NULL;

  if (!_sam_store_write_values (self, SAM_TABLE_AGENDA_ITEM, uuid, values, before != NULL, NULL,
                                &local_error))
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  after_json = _sam_store_row_json (SAM_TABLE_AGENDA_ITEM, uuid, values);
  if (!_sam_store_finish_change (self, SAM_TABLE_AGENDA_ITEM, before != NULL ? "update" : "insert", uuid,
                                 before_json, after_json, &local_error))
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  if (before != NULL)
    {
      guint index = 0;

      g_ptr_array_find_with_equal_func (order, uuid, g_str_equal, &index);
      _sam_agenda_item_set_row (item, uuid, (int) index + 1);
    }
  else
    _sam_agenda_item_set_row (item, uuid, (int) order->len + 1);

  return TRUE;
}

/**
 * sam_store_delete_agenda_item:
 * @self: a #SamStore
 * @item: a saved agenda item
 * @error: return location for a #GError
 *
 * Deletes @item and closes the gap it leaves on the agenda. A decision
 * drafted on the item stays, bound to the meeting only.
 *
 * Returns: whether the item is gone
 */
gboolean
sam_store_delete_agenda_item (SamStore       *self,
                              SamAgendaItem  *item,
                              GError        **error)
{
  const char *uuid;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *before_json = NULL;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (item), FALSE);

  if ((uuid = sam_agenda_item_get_uuid (item)) == NULL)
    return TRUE;

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_AGENDA_ITEM, uuid, NULL, &local_error);
  before_json = _sam_store_row_json (SAM_TABLE_AGENDA_ITEM, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);
  if (local_error == NULL && before != NULL)
    _sam_store_delete_row (self, SAM_TABLE_AGENDA_ITEM, uuid, &local_error);
  if (local_error == NULL)
    order = agenda_uuids (self, sam_agenda_item_get_meeting_uuid (item), &local_error);
  if (local_error == NULL)
    renumber (self, order, &local_error);
  if (local_error == NULL)
    _sam_store_finish_change (self, SAM_TABLE_AGENDA_ITEM, "delete", uuid, before_json, NULL, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  _sam_agenda_item_set_row (item, NULL, -1);
  return TRUE;
}

/**
 * sam_store_move_agenda_item:
 * @self: a #SamStore
 * @item: a saved agenda item
 * @position: its new place, counted from 1 (a larger number puts it last)
 * @error: return location for a #GError
 *
 * Moves @item on its agenda; the items between shift by one.
 *
 * Returns: whether the item was moved
 */
gboolean
sam_store_move_agenda_item (SamStore       *self,
                            SamAgendaItem  *item,
                            guint           position,
                            GError        **error)
{
  const char *uuid;
  g_autoptr(GPtrArray) order = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *before_json = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *after_json = NULL;
  guint index = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (item), FALSE);
  g_return_val_if_fail (sam_agenda_item_get_uuid (item) != NULL, FALSE);

  uuid = sam_agenda_item_get_uuid (item);

  /* An item moved to its own place stays: nothing written, no one told. */
  order = agenda_uuids (self, sam_agenda_item_get_meeting_uuid (item), NULL);
  if (order != NULL && g_ptr_array_find_with_equal_func (order, uuid, g_str_equal, &index) &&
      index + 1 == CLAMP (position, 1, order->len))
    return TRUE;
  g_clear_pointer (&order, g_ptr_array_unref);

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_AGENDA_ITEM, uuid, NULL, &local_error);
  before_json = _sam_store_row_json (SAM_TABLE_AGENDA_ITEM, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);
  if (local_error == NULL)
    order = agenda_uuids (self, sam_agenda_item_get_meeting_uuid (item), &local_error);
  if (local_error == NULL && !g_ptr_array_find_with_equal_func (order, uuid, g_str_equal, &index))
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                 _("The agenda item “%s” is not in the register"), sam_agenda_item_get_title (item));
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  position = CLAMP (position, 1, order->len);
  g_ptr_array_insert (order, position - 1, g_ptr_array_steal_index (order, index));

  if (renumber (self, order, &local_error))
    after = _sam_store_dup_row (self, SAM_TABLE_AGENDA_ITEM, uuid, NULL, &local_error);
  if (local_error == NULL)
    {
      after_json = _sam_store_row_json (SAM_TABLE_AGENDA_ITEM, uuid, (const char * const *) after->pdata);
      _sam_store_finish_change (self, SAM_TABLE_AGENDA_ITEM, "move", uuid, before_json, after_json, &local_error);
    }
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  _sam_agenda_item_set_row (item, uuid, (int) position);
  return TRUE;
}

/* Attendance */

/**
 * sam_store_list_attendance:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Lists who is expected at a meeting and who came: everyone holding a role
 * in one of its groups on the day (chairs first, then coordinators, contact
 * people, members and co-opted members, each by name), then anyone else
 * recorded as attending, such as a substitute.
 *
 * Returns: (transfer full) (nullable): the #SamAttendance list
 */
GListModel *
sam_store_list_attendance (SamStore    *self,
                           const char  *meeting_uuid,
                           GError     **error)
{
  g_autoptr(GListStore) list = g_list_store_new (SAM_TYPE_ATTENDANCE);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  stmt = _sam_store_prepare (self,
                             "WITH m AS (SELECT id, substr (starts, 1, 10) AS day FROM meeting WHERE uuid = ?1), "
                             "members AS (SELECT a.person_id, "
                             "  min (CASE a.role WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 "
                             "  WHEN 'contact_person' THEN 2 WHEN 'member' THEN 3 ELSE 4 END) AS rank, "
                             "  a.role AS role, "
                             "  max (a.organisation_id) AS organisation_id "
                             "  FROM assignment a JOIN meeting_group mg ON mg.group_id = a.group_id "
                             "  JOIN m ON mg.meeting_id = m.id "
                             "  WHERE (a.starts IS NULL OR a.starts <= m.day) AND (a.ends IS NULL OR a.ends >= m.day) "
                             "  GROUP BY a.person_id) "
                             "SELECT p.uuid, p.name, o.name, at.status, sp.uuid, sp.name, members.role "
                             "FROM person p "
                             "LEFT JOIN members ON members.person_id = p.id "
                             "LEFT JOIN attendance at ON at.person_id = p.id AND at.meeting_id = (SELECT id FROM m) "
                             "LEFT JOIN person sp ON sp.id = at.substitute_for_id "
                             "LEFT JOIN organisation o ON o.id = coalesce (members.organisation_id, p.organisation_id) "
                             "WHERE members.person_id IS NOT NULL OR at.id IS NOT NULL "
                             "ORDER BY coalesce (members.rank, 5), p.name COLLATE sv, p.uuid",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(SamAttendance) attendance = NULL;
      int status = SAM_ATTENDANCE_STATUS_UNKNOWN;
      int role = SAM_ATTENDANCE_NO_ROLE;

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        sam_enum_from_nick (SAM_TYPE_ATTENDANCE_STATUS, (const char *) sqlite3_column_text (stmt, 3), &status);
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        sam_enum_from_nick (SAM_TYPE_ROLE, (const char *) sqlite3_column_text (stmt, 6), &role);
      attendance = _sam_attendance_new ((const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        status,
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        (const char *) sqlite3_column_text (stmt, 5),
                                        role);
      g_list_store_append (list, attendance);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sam_store_set_attendance:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @person_uuid: a person
 * @status: a #SamAttendanceStatus, or %SAM_ATTENDANCE_STATUS_UNKNOWN to
 *   forget what was recorded
 * @substitute_for_uuid: (nullable): for a substitute, whom they stand in for
 * @error: return location for a #GError
 *
 * Records whether @person_uuid was present at, absent from or a substitute
 * at the meeting. One transaction, one audit log entry.
 *
 * Returns: whether it was recorded
 */
gboolean
sam_store_set_attendance (SamStore    *self,
                          const char  *meeting_uuid,
                          const char  *person_uuid,
                          int          status,
                          const char  *substitute_for_uuid,
                          GError     **error)
{
  const char *params[] = { meeting_uuid, person_uuid };
  g_auto(GStrv) existing = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *after_json = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *before_json = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *values[5];

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (meeting_uuid != NULL && person_uuid != NULL, FALSE);
  g_return_val_if_fail (status >= SAM_ATTENDANCE_STATUS_UNKNOWN && status <= SAM_ATTENDANCE_STATUS_SUBSTITUTE, FALSE);

  if (status != SAM_ATTENDANCE_STATUS_SUBSTITUTE)
    substitute_for_uuid = NULL;

  /* What is recorded already: nothing to write, and no view to tell. */
  existing = _sam_store_query_strings (self, "SELECT uuid FROM attendance WHERE meeting_id = " MEETING_ID " "
                                       "AND person_id = (SELECT id FROM person WHERE uuid = ?2)", params, 2, NULL);
  if (existing != NULL)
    {
      g_autoptr(GPtrArray) stored = NULL;

      if (existing[0] != NULL)
        stored = _sam_store_dup_row (self, SAM_TABLE_ATTENDANCE, existing[0], NULL, NULL);
      if (stored == NULL ? status == SAM_ATTENDANCE_STATUS_UNKNOWN
                         : (status >= 0 &&
                            g_strcmp0 (g_ptr_array_index (stored, 2), sam_enum_get_nick (SAM_TYPE_ATTENDANCE_STATUS, status)) == 0 &&
                            g_strcmp0 (g_ptr_array_index (stored, 3), substitute_for_uuid) == 0))
        return TRUE;
    }
  g_clear_pointer (&existing, g_strfreev);

  if (!_sam_store_begin (self, error))
    return FALSE;

  existing = _sam_store_query_strings (self, "SELECT uuid FROM attendance WHERE meeting_id = " MEETING_ID " "
                                       "AND person_id = (SELECT id FROM person WHERE uuid = ?2)", params, 2, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  uuid = existing[0] != NULL ? g_strdup (existing[0]) : g_uuid_string_random ();
  if (existing[0] != NULL)
    before = _sam_store_dup_row (self, SAM_TABLE_ATTENDANCE, uuid, NULL, &local_error);
  before_json = _sam_store_row_json (SAM_TABLE_ATTENDANCE, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);

  values[0] = meeting_uuid;
  values[1] = person_uuid;
  values[2] = status >= 0 ? sam_enum_get_nick (SAM_TYPE_ATTENDANCE_STATUS, status) : NULL;
  values[3] = substitute_for_uuid;
  values[4] = NULL;

  if (local_error == NULL && status == SAM_ATTENDANCE_STATUS_UNKNOWN)
    {
      if (before == NULL)
        {
          _sam_store_rollback (self);
          return TRUE;
        }
      _sam_store_delete_row (self, SAM_TABLE_ATTENDANCE, uuid, &local_error);
    }
  else if (local_error == NULL)
    {
      _sam_store_write_values (self, SAM_TABLE_ATTENDANCE, uuid, values, before != NULL, NULL,
                               &local_error);
      after_json = _sam_store_row_json (SAM_TABLE_ATTENDANCE, uuid, values);
    }
  if (local_error == NULL)
    _sam_store_finish_change (self, SAM_TABLE_ATTENDANCE,
                              status == SAM_ATTENDANCE_STATUS_UNKNOWN ? "delete" : before != NULL ? "update" : "insert",
                              uuid, before_json, after_json, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  return TRUE;
}

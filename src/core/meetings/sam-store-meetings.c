/* sam-store-meetings.c
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
#include "sam-store-meetings.h"
#include "sam-store-private.h"

/*
 * What the meeting planner reads and writes beyond single rows: a meeting
 * together with the groups it joins, its agenda, its attendance, the
 * decisions taken at it and due for follow-up, and the searches and
 * queries its checks need. As in sam-store-edit.c, every change is one
 * transaction with one audit log entry, and "changed" follows COMMIT.
 */

#define MEETING_ID "(SELECT id FROM meeting WHERE uuid = ?1)"

/* The day a meeting starts in Stockholm, as YYYY-MM-DD, or NULL. */
static char *
local_day (const char *starts)
{
  g_autoptr(GDateTime) utc = starts != NULL ? sam_calendar_parse_utc (starts) : NULL;
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return NULL;

  local = sam_calendar_to_stockholm (utc);
  return g_date_time_format (local, "%Y-%m-%d");
}

/**
 * sam_store_meetings_ensure_types:
 *
 * Initialises the model classes that the meeting functions look up by
 * type: sam_store_dup_by_uuid() finds a type's table only once its class
 * exists, which it does not before the first object of the type is made.
 */
void
sam_store_meetings_ensure_types (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GType model_types[] = { SAM_TYPE_GROUP, SAM_TYPE_PERSON, SAM_TYPE_MEETING, SAM_TYPE_DECISION, SAM_TYPE_COMMISSION };

      /* Classes of static types are never finalised: one reference made and
       * dropped leaves the class in place. */
      for (guint i = 0; i < G_N_ELEMENTS (model_types); i++)
        g_type_class_unref (g_type_class_ref (model_types[i]));
      g_once_init_leave (&done, 1);
    }
}

/**
 * sam_double_booking_free:
 * @booking: a #SamDoubleBooking
 *
 * Frees @booking.
 */
void
sam_double_booking_free (SamDoubleBooking *booking)
{
  if (booking == NULL)
    return;

  g_free (booking->person_uuid);
  g_free (booking->person_name);
  g_free (booking->first_uuid);
  g_free (booking->second_uuid);
  g_free (booking);
}

/**
 * sam_store_dup_meeting_groups:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Lists the groups a meeting joins: one for an ordinary meeting, several
 * for a joint one. Councils come first, then by name.
 *
 * Returns: (transfer full) (nullable): the groups' UUIDs, or %NULL on failure
 */
char **
sam_store_dup_meeting_groups (SamStore    *self,
                              const char  *meeting_uuid,
                              GError     **error)
{
  const char *params[] = { meeting_uuid };

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  return _sam_store_query_strings (self, "SELECT g.uuid FROM meeting_group mg JOIN grp g ON g.id = mg.group_id "
                                   "WHERE mg.meeting_id = " MEETING_ID " "
                                   "ORDER BY g.kind <> 'council', g.name_key, g.uuid", params, 1, error);
}

static char *
groups_json (const char * const *group_uuids)
{
  g_autoptr(GString) json = g_string_new ("[");

  for (guint i = 0; group_uuids != NULL && group_uuids[i] != NULL; i++)
    g_string_append_printf (json, "%s\"%s\"", i > 0 ? "," : "", group_uuids[i]);
  g_string_append_c (json, ']');

  return g_string_free (g_steal_pointer (&json), FALSE);
}

/* Makes the meeting's participations exactly @group_uuids. */
static gboolean
sync_groups (SamStore            *self,
             const char          *meeting_uuid,
             const char * const  *group_uuids,
             GError             **error)
{
  const char *params[] = { meeting_uuid, NULL };
  g_auto(GStrv) current = sam_store_dup_meeting_groups (self, meeting_uuid, error);

  if (current == NULL)
    return FALSE;

  for (guint i = 0; current[i] != NULL; i++)
    if (!g_strv_contains (group_uuids, current[i]))
      {
        params[1] = current[i];
        if (!_sam_store_run (self, "DELETE FROM meeting_group WHERE meeting_id = " MEETING_ID " "
                             "AND group_id = (SELECT id FROM grp WHERE uuid = ?2)", params, 2, _("The register could not be changed"), error))
          return FALSE;
      }

  for (guint i = 0; group_uuids[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *) current, group_uuids[i]))
      {
        g_autofree char *uuid = g_uuid_string_random ();
        const char *values[] = { meeting_uuid, group_uuids[i], NULL };

        if (!_sam_store_write_values (self, SAM_TABLE_MEETING_GROUP, uuid, values, FALSE, _("The register could not be changed"), error))
          return FALSE;
      }

  return TRUE;
}

/**
 * sam_store_save_meeting:
 * @self: a #SamStore
 * @meeting: a meeting, saved or not
 * @group_uuids: (array zero-terminated=1): the groups it joins, at least one
 * @error: return location for a #GError
 *
 * Saves @meeting and makes it a meeting of exactly @group_uuids (a joint
 * meeting when there are several), in one transaction with one audit log
 * entry. Afterwards @meeting holds the stored row and #SamStore::changed
 * has been emitted.
 *
 * Returns: whether the meeting was saved
 */
gboolean
sam_store_save_meeting (SamStore            *self,
                        SamMeeting          *meeting,
                        const char * const  *group_uuids,
                        GError             **error)
{
  SamRecord *record;
  g_autofree char *uuid = NULL;
  g_autofree char *row_json = NULL;
  g_autofree char *groups = NULL;
  g_autofree char *after_json = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *before_json = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_MEETING (meeting), FALSE);
  g_return_val_if_fail (group_uuids != NULL, FALSE);

  if (group_uuids[0] == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("A meeting needs at least one group"));
      return FALSE;
    }

  record = _sam_model_get_record (meeting);
  uuid = record->uuid != NULL ? g_strdup (record->uuid) : g_uuid_string_random ();

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_MEETING, uuid, NULL, &local_error);
  before_json = _sam_store_row_json (SAM_TABLE_MEETING, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);
  if (local_error == NULL)
    _sam_store_write_values (self, SAM_TABLE_MEETING, uuid, (const char * const *) record->values, before != NULL,
                             _("The register could not be changed"), &local_error);
  if (local_error == NULL)
    sync_groups (self, uuid, group_uuids, &local_error);
  if (local_error == NULL)
    after = _sam_store_dup_row (self, SAM_TABLE_MEETING, uuid, &id, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  /* One entry for the whole edit: the row, with the groups it joins. */
  row_json = _sam_store_row_json (SAM_TABLE_MEETING, uuid, (const char * const *) after->pdata);
  groups = groups_json (group_uuids);
  after_json = g_strdup_printf ("%.*s,\"groups\":%s}", (int) strlen (row_json) - 1, row_json, groups);
  if (!_sam_store_finish_change (self, SAM_TABLE_MEETING, before != NULL ? "update" : "insert", uuid,
                                 before_json, after_json, &local_error))
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  _sam_model_update (meeting, id, uuid, (const char * const *) after->pdata);
  return TRUE;
}

/**
 * sam_store_list_meetings_between:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group
 * @from: (nullable): the earliest start, a stored UTC time, or %NULL
 * @to: (nullable): the start before which meetings end the list, or %NULL
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamMeeting list starting in
 *   [@from, @to) that @group_uuid takes part in, by start time
 */
GListModel *
sam_store_list_meetings_between (SamStore    *self,
                                 const char  *group_uuid,
                                 const char  *from,
                                 const char  *to,
                                 GError     **error)
{
  const char *params[] = { group_uuid, from, to };

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_models (self, SAM_TABLE_MEETING, "WHERE (?1 IS NULL OR t.id IN (SELECT meeting_id FROM meeting_group "
                                  "WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1))) "
                                  "AND (?2 IS NULL OR t.starts >= ?2) AND (?3 IS NULL OR t.starts < ?3) "
                                  "ORDER BY t.starts, t.uuid", params, 3, error);
}

/**
 * sam_store_dup_previous_meeting:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Finds the meeting held before this one by any of its groups, leaving out
 * cancelled meetings.
 *
 * Returns: (transfer full) (nullable): the previous #SamMeeting, or %NULL
 *   if there is none (@error is only set on failure)
 */
SamMeeting *
sam_store_dup_previous_meeting (SamStore    *self,
                                const char  *meeting_uuid,
                                GError     **error)
{
  const char *params[] = { meeting_uuid };

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  return _sam_store_query_first (self, SAM_TABLE_MEETING, "WHERE t.status <> 'cancelled' AND t.uuid <> ?1 "
                                 "AND t.starts < (SELECT starts FROM meeting WHERE uuid = ?1) "
                                 "AND t.id IN (SELECT meeting_id FROM meeting_group WHERE group_id IN "
                                 "(SELECT group_id FROM meeting_group WHERE meeting_id = " MEETING_ID ")) "
                                 "ORDER BY t.starts DESC, t.uuid LIMIT 1", params, 1, error);
}

/* Agenda */

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

      /* Columns: meeting, position, title, presenter, kind, notes. */
      sam_agenda_item_set_title (item, g_ptr_array_index (values, 2));
      sam_agenda_item_set_presenter (item, g_ptr_array_index (values, 3));
      sam_enum_from_nick (SAM_TYPE_AGENDA_KIND, g_ptr_array_index (values, 4), &kind);
      sam_agenda_item_set_kind (item, kind);
      sam_agenda_item_set_notes (item, g_ptr_array_index (values, 5));
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
  const char *values[7];

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (item), FALSE);

  meeting_uuid = sam_agenda_item_get_meeting_uuid (item);
  title = g_strdup (sam_agenda_item_get_title (item));
  if (title == NULL || g_strstrip (title)[0] == '\0')
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("An agenda item needs a title"));
      return FALSE;
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
  values[6] = NULL;

  if (!_sam_store_write_values (self, SAM_TABLE_AGENDA_ITEM, uuid, values, before != NULL,
                                _("The register could not be changed"), &local_error))
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
                             "  max (a.organisation_id) AS organisation_id "
                             "  FROM assignment a JOIN meeting_group mg ON mg.group_id = a.group_id "
                             "  JOIN m ON mg.meeting_id = m.id "
                             "  WHERE (a.starts IS NULL OR a.starts <= m.day) AND (a.ends IS NULL OR a.ends >= m.day) "
                             "  GROUP BY a.person_id) "
                             "SELECT p.uuid, p.name, o.name, at.status, sp.uuid, sp.name, members.person_id IS NOT NULL "
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

      if (sqlite3_column_type (stmt, 3) != SQLITE_NULL)
        sam_enum_from_nick (SAM_TYPE_ATTENDANCE_STATUS, (const char *) sqlite3_column_text (stmt, 3), &status);
      attendance = _sam_attendance_new ((const char *) sqlite3_column_text (stmt, 0),
                                        (const char *) sqlite3_column_text (stmt, 1),
                                        (const char *) sqlite3_column_text (stmt, 2),
                                        status,
                                        (const char *) sqlite3_column_text (stmt, 4),
                                        (const char *) sqlite3_column_text (stmt, 5),
                                        sqlite3_column_int (stmt, 6) != 0);
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
      _sam_store_write_values (self, SAM_TABLE_ATTENDANCE, uuid, values, before != NULL,
                               _("The register could not be changed"), &local_error);
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

/* Decisions at and due before a meeting */

/**
 * sam_store_list_meeting_decisions:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamDecision list taken (or
 *   drafted) at the meeting, in agenda order, then by number
 */
GListModel *
sam_store_list_meeting_decisions (SamStore    *self,
                                  const char  *meeting_uuid,
                                  GError     **error)
{
  const char *params[] = { meeting_uuid };

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  sam_store_meetings_ensure_types ();
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  return _sam_store_query_models (self, SAM_TABLE_DECISION, "WHERE t.meeting_id = " MEETING_ID " "
                                  "ORDER BY (SELECT position FROM agenda_item WHERE id = t.agenda_item_id), "
                                  "t.year IS NULL, t.year, t.serial, t.title COLLATE sv, t.uuid", params, 1, error);
}

static char *
group_code (SamStore   *self,
            const char *group_uuid)
{
  g_autoptr(SamGroup) group = sam_store_dup_by_uuid (self, SAM_TYPE_GROUP, group_uuid, NULL);

  return group != NULL ? g_strdup (sam_group_get_code (group)) : NULL;
}

static char *
decision_number (SamStore    *self,
                 SamDecision *decision)
{
  g_autofree char *code = group_code (self, sam_decision_get_group_uuid (decision));

  return sam_decision_format_number (decision, code);
}

/**
 * sam_store_list_due_follow_ups:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Finds the registered decisions of the meeting's groups whose follow-up
 * date falls after the groups' previous meeting and no later than the day
 * of this one, and that this meeting's agenda does not report on yet (no
 * follow-up item names the decision's number). Withdrawn and superseded
 * decisions need no report.
 *
 * Returns: (transfer full) (nullable): the #SamDecision list, by follow-up date
 */
GListModel *
sam_store_list_due_follow_ups (SamStore    *self,
                               const char  *meeting_uuid,
                               GError     **error)
{
  g_autoptr(SamMeeting) meeting = NULL;
  g_autoptr(SamMeeting) previous = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autoptr(GListStore) offered = g_list_store_new (SAM_TYPE_DECISION);
  g_autofree char *day = NULL;
  g_autofree char *previous_day = NULL;
  const char *params[3];
  GError *local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  sam_store_meetings_ensure_types ();
  g_return_val_if_fail (meeting_uuid != NULL, NULL);

  meeting = sam_store_dup_by_uuid (self, SAM_TYPE_MEETING, meeting_uuid, &local_error);
  if (meeting == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      return local_error != NULL ? NULL : G_LIST_MODEL (g_steal_pointer (&offered));
    }
  previous = sam_store_dup_previous_meeting (self, meeting_uuid, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  day = local_day (sam_meeting_get_starts (meeting));
  previous_day = previous != NULL ? local_day (sam_meeting_get_starts (previous)) : NULL;
  params[0] = meeting_uuid;
  params[1] = day;
  params[2] = previous_day;
  due = _sam_store_query_models (self, SAM_TABLE_DECISION, "WHERE t.group_id IN (SELECT group_id FROM meeting_group WHERE meeting_id = " MEETING_ID ") "
                                 "AND t.status NOT IN ('draft', 'withdrawn', 'superseded') "
                                 "AND t.follow_up IS NOT NULL AND t.follow_up <= ?2 "
                                 "AND (?3 IS NULL OR t.follow_up > ?3) "
                                 "ORDER BY t.follow_up, t.year, t.serial, t.uuid", params, 3, error);
  if (due == NULL || (agenda = sam_store_list_agenda (self, meeting_uuid, error)) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (due, i);
      g_autofree char *number = decision_number (self, decision);
      gboolean on_agenda = FALSE;

      for (guint j = 0; j < g_list_model_get_n_items (agenda) && !on_agenda; j++)
        {
          g_autoptr(SamAgendaItem) item = g_list_model_get_item (agenda, j);

          on_agenda = sam_agenda_item_get_kind (item) == SAM_AGENDA_KIND_FOLLOW_UP &&
                      number != NULL && sam_agenda_item_get_title (item) != NULL &&
                      strstr (sam_agenda_item_get_title (item), number) != NULL;
        }
      if (!on_agenda)
        g_list_store_append (offered, decision);
    }

  return G_LIST_MODEL (g_steal_pointer (&offered));
}

/**
 * sam_store_add_follow_up_item:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @decision: a decision due for follow-up
 * @error: return location for a #GError
 *
 * Puts an item “Återrapportering: AOI 2026:3 …” (kind follow-up, presented
 * by whoever is responsible for the decision) last on the agenda.
 *
 * Returns: (transfer full) (nullable): the new #SamAgendaItem
 */
SamAgendaItem *
sam_store_add_follow_up_item (SamStore     *self,
                              const char   *meeting_uuid,
                              SamDecision  *decision,
                              GError      **error)
{
  g_autoptr(SamAgendaItem) item = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  sam_store_meetings_ensure_types ();
  g_return_val_if_fail (meeting_uuid != NULL, NULL);
  g_return_val_if_fail (SAM_IS_DECISION (decision), NULL);

  number = decision_number (self, decision);
  /* Translators: an agenda item reporting back on a decision; the first
   * %s is its number (“AOI 2026:3”), the second its title */
  title = g_strdup_printf (_("Follow-up: %s %s"), number != NULL ? number : "", sam_decision_get_title (decision));

  item = sam_agenda_item_new (meeting_uuid);
  sam_agenda_item_set_title (item, title);
  sam_agenda_item_set_kind (item, SAM_AGENDA_KIND_FOLLOW_UP);
  sam_agenda_item_set_presenter (item, sam_decision_get_responsible (decision));
  if (!sam_store_save_agenda_item (self, item, error))
    return NULL;

  return g_steal_pointer (&item);
}

/**
 * sam_store_add_decision_draft:
 * @self: a #SamStore
 * @item: a saved agenda item of kind decision
 * @error: return location for a #GError
 *
 * Opens a decision draft in the register for @item: status draft, the
 * item's title, bound to the meeting and the item, in the meeting's first
 * group (its council for a joint meeting). If the item has a decision
 * already, that one is returned and nothing changes.
 *
 * Returns: (transfer full) (nullable): the #SamDecision
 */
SamDecision *
sam_store_add_decision_draft (SamStore       *self,
                              SamAgendaItem  *item,
                              GError        **error)
{
  const char *params[1];
  g_auto(GStrv) groups = NULL;
  g_autoptr(SamDecision) decision = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (item), NULL);
  g_return_val_if_fail (sam_agenda_item_get_uuid (item) != NULL, NULL);

  params[0] = sam_agenda_item_get_uuid (item);
  decision = _sam_store_query_first (self, SAM_TABLE_DECISION, "WHERE t.agenda_item_id = (SELECT id FROM agenda_item WHERE uuid = ?1) "
                                     "ORDER BY t.id LIMIT 1", params, 1, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (decision != NULL)
    return g_steal_pointer (&decision);

  groups = sam_store_dup_meeting_groups (self, sam_agenda_item_get_meeting_uuid (item), error);
  if (groups == NULL)
    return NULL;
  if (groups[0] == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("The meeting has no group to take the decision"));
      return NULL;
    }

  decision = sam_decision_new ();
  g_object_set (decision,
                "group-uuid", groups[0],
                "meeting-uuid", sam_agenda_item_get_meeting_uuid (item),
                "agenda-item-uuid", sam_agenda_item_get_uuid (item),
                "title", sam_agenda_item_get_title (item),
                "status", SAM_DECISION_STATUS_DRAFT,
                NULL);
  if (!sam_store_save (self, decision, error))
    return NULL;

  return g_steal_pointer (&decision);
}

/* Search */

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

  return _sam_store_query_models (self, SAM_TABLE_MEETING, "ORDER BY t.starts, t.uuid", NULL, 0, error);
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

  return _sam_store_query_models (self, SAM_TABLE_MEETING, "WHERE t.id IN (SELECT meeting_id FROM meeting_group "
                       "WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1)) "
                       "ORDER BY t.starts, t.uuid", SAM_PARAMS (group_uuid), error);
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

  return _sam_store_search_models (self, SAM_TABLE_MEETING,
                                  "JOIN meeting_fts ON meeting_fts.rowid = t.id "
                                  "WHERE meeting_fts MATCH ?1 ORDER BY meeting_fts.rank, t.uuid",
                                  query, error);
}

/**
 * sam_store_search_meeting_records:
 * @self: a #SamStore
 * @query: what the user typed
 * @error: return location for a #GError
 *
 * Searches everything kept about meetings: their titles and notes (the
 * minutes), their agenda items' titles and notes (each word matches words
 * that start with it, “vård” finds “Vårdförlopp”), and the names of the
 * people recorded as attending.
 *
 * Returns: (transfer full) (nullable): the matching #SamMeeting list, the
 *   latest first
 */
GListModel *
sam_store_search_meeting_records (SamStore    *self,
                                  const char  *query,
                                  GError     **error)
{
  g_autofree char *terms = NULL;
  g_autofree char *pattern = NULL;
  const char *params[2];

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (query == NULL || !g_utf8_validate (query, -1, NULL) || (terms = _sam_store_fts_query (query)) == NULL)
    return G_LIST_MODEL (g_list_store_new (SAM_TYPE_MEETING));

  pattern = _sam_store_like_pattern (query);
  params[0] = terms;
  params[1] = pattern;

  return _sam_store_query_models (self, SAM_TABLE_MEETING, "WHERE t.id IN (SELECT rowid FROM meeting_fts WHERE meeting_fts MATCH ?1) "
                                  "OR t.id IN (SELECT meeting_id FROM agenda_item WHERE id IN "
                                  "  (SELECT rowid FROM agenda_item_fts WHERE agenda_item_fts MATCH ?1)) "
                                  "OR t.id IN (SELECT a.meeting_id FROM attendance a JOIN person p ON p.id = a.person_id "
                                  "  WHERE p.name LIKE ?2 ESCAPE '\\') "
                                  "ORDER BY t.starts DESC, t.uuid", params, 2, error);
}

/**
 * sam_store_list_double_bookings:
 * @self: a #SamStore
 * @year: a year, or 0 for all years
 * @error: return location for a #GError
 *
 * Finds people booked into two meetings at overlapping times: they hold a
 * role on the day in a group of each meeting (people sit on several
 * councils), or are recorded as attending both, and are not recorded as
 * absent from either. Cancelled meetings book nobody.
 *
 * Returns: (transfer full) (element-type SamDoubleBooking) (nullable): the
 *   double bookings, by the first meeting's start, or %NULL on failure
 */
GPtrArray *
sam_store_list_double_bookings (SamStore  *self,
                                int        year,
                                GError   **error)
{
  g_autoptr(GPtrArray) bookings = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_double_booking_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  stmt = _sam_store_prepare (self,
                             "WITH m AS (SELECT id, uuid, starts, ends FROM meeting "
                             "  WHERE status <> 'cancelled' AND (?1 <= 0 OR CAST (substr (starts, 1, 4) AS INTEGER) = ?1)), "
                             "booked AS ("
                             "  SELECT mg.meeting_id, a.person_id FROM meeting_group mg "
                             "  JOIN m ON m.id = mg.meeting_id JOIN assignment a ON a.group_id = mg.group_id "
                             "  WHERE (a.starts IS NULL OR a.starts <= substr (m.starts, 1, 10)) "
                             "  AND (a.ends IS NULL OR a.ends >= substr (m.starts, 1, 10)) "
                             "  UNION SELECT meeting_id, person_id FROM attendance WHERE status <> 'absent' "
                             "  EXCEPT SELECT meeting_id, person_id FROM attendance WHERE status = 'absent') "
                             "SELECT DISTINCT p.uuid, p.name, a.uuid, b.uuid, a.starts, b.starts "
                             "FROM m a JOIN m b ON a.id <> b.id AND (a.starts < b.starts OR (a.starts = b.starts AND a.id < b.id)) "
                             "  AND b.starts < a.ends "
                             "JOIN booked ba ON ba.meeting_id = a.id "
                             "JOIN booked bb ON bb.meeting_id = b.id AND bb.person_id = ba.person_id "
                             "JOIN person p ON p.id = ba.person_id "
                             "ORDER BY a.starts, b.starts, p.name COLLATE sv, p.uuid",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_int (stmt, 1, year);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamDoubleBooking *booking = g_new0 (SamDoubleBooking, 1);

      booking->person_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      booking->person_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      booking->first_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      booking->second_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
      g_ptr_array_add (bookings, booking);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&bookings);
}

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
#include "sam-store-meetings-private.h"

/*
 * What the meeting planner reads and writes beyond single rows: a meeting
 * together with the groups it joins, its agenda, its attendance, the
 * decisions taken at it and due for follow-up, and the searches and
 * queries its checks need. As in sam-store-edit.c, every change is one
 * transaction with one audit log entry, and "changed" follows COMMIT.
 */

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

        if (!_sam_store_write_values (self, SAM_TABLE_MEETING_GROUP, uuid, values, FALSE, NULL, error))
          return FALSE;
      }

  return TRUE;
}

/* Writes the meeting @uuid with @values, in exactly @group_uuids, in the
 * open transaction; gives the audit log's JSON before (NULL for a new
 * meeting) and after, and the stored row and its id. */
static gboolean
write_meeting (SamStore            *self,
               const char          *uuid,
               const char * const  *values,
               const char * const  *group_uuids,
               char               **before_json,
               char               **after_json,
               GPtrArray          **after,
               gint64              *id,
               GError             **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autofree char *row_json = NULL;
  g_autofree char *groups = NULL;
  g_autoptr(GError) local_error = NULL;

  before = _sam_store_dup_row (self, SAM_TABLE_MEETING, uuid, NULL, &local_error);
  if (local_error == NULL && before != NULL)
    *before_json = _sam_store_row_json (SAM_TABLE_MEETING, uuid, (const char * const *) before->pdata);
  if (local_error == NULL)
    _sam_store_write_values (self, SAM_TABLE_MEETING, uuid, values, before != NULL, NULL, &local_error);
  if (local_error == NULL)
    sync_groups (self, uuid, group_uuids, &local_error);
  if (local_error == NULL)
    *after = _sam_store_dup_row (self, SAM_TABLE_MEETING, uuid, id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  /* One entry for the whole edit: the row, with the groups it joins. */
  row_json = _sam_store_row_json (SAM_TABLE_MEETING, uuid, (const char * const *) (*after)->pdata);
  groups = groups_json (group_uuids);
  *after_json = g_strdup_printf ("%.*s,\"groups\":%s}", (int) strlen (row_json) - 1, row_json, groups);

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
 * has been emitted. A meeting saved as it is stored, in the same groups,
 * writes nothing and emits nothing.
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
  g_autofree char *after_json = NULL;
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

  /* The meeting as it is stored, in the same groups: nothing to write, and
   * no view to tell. */
  if (record->uuid != NULL)
    {
      g_autoptr(GPtrArray) stored = _sam_store_dup_row (self, SAM_TABLE_MEETING, record->uuid, &id, NULL);
      g_auto(GStrv) joined = NULL;
      gboolean same = stored != NULL &&
                      _sam_store_values_equal (self, SAM_TABLE_MEETING, (const char * const *) stored->pdata,
                                               (const char * const *) record->values);

      if (same)
        joined = sam_store_dup_meeting_groups (self, record->uuid, NULL);
      same = same && joined != NULL && g_strv_length (joined) == g_strv_length ((char **) group_uuids);
      for (guint i = 0; same && group_uuids[i] != NULL; i++)
        same = g_strv_contains ((const char * const *) joined, group_uuids[i]);
      if (same)
        {
          _sam_model_update (meeting, id, record->uuid, (const char * const *) stored->pdata);
          return TRUE;
        }
    }
  uuid = record->uuid != NULL ? g_strdup (record->uuid) : g_uuid_string_random ();

  if (!_sam_store_begin (self, error))
    return FALSE;

  if (!write_meeting (self, uuid, (const char * const *) record->values, group_uuids,
                      &before_json, &after_json, &after, &id, &local_error) ||
      !_sam_store_finish_change (self, SAM_TABLE_MEETING, before_json != NULL ? "update" : "insert", uuid,
                                 before_json, after_json, &local_error))
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  _sam_model_update (meeting, id, uuid, (const char * const *) after->pdata);
  return TRUE;
}

/**
 * sam_store_add_meetings:
 * @self: a #SamStore
 * @meetings: (element-type SamMeeting): new meetings, not saved yet
 * @group_uuids: (array zero-terminated=1): the groups each joins, at least one
 * @error: return location for a #GError
 *
 * Adds @meetings, each a meeting of @group_uuids, in one transaction: all
 * of them or, on an error, none. Each gets its audit log entry; the views
 * are told once. Afterwards each of @meetings holds its stored row.
 *
 * Returns: whether the meetings were added
 */
gboolean
sam_store_add_meetings (SamStore            *self,
                        GPtrArray           *meetings,
                        const char * const  *group_uuids,
                        GError             **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) uuids = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (meetings != NULL, FALSE);
  g_return_val_if_fail (group_uuids != NULL, FALSE);

  if (group_uuids[0] == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("A meeting needs at least one group"));
      return FALSE;
    }
  for (guint i = 0; i < meetings->len; i++)
    g_return_val_if_fail (sam_meeting_get_uuid (g_ptr_array_index (meetings, i)) == NULL, FALSE);
  if (meetings->len == 0)
    return TRUE;

  if (!_sam_store_begin (self, error))
    return FALSE;

  rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < meetings->len; i++)
    {
      SamRecord *record = _sam_model_get_record (g_ptr_array_index (meetings, i));
      g_autofree char *before_json = NULL;
      g_autofree char *after_json = NULL;
      GPtrArray *after = NULL;
      char *uuid;
      gint64 id = 0;

      uuid = g_uuid_string_random ();
      g_ptr_array_add (uuids, uuid);
      if (!write_meeting (self, uuid, (const char * const *) record->values, group_uuids,
                          &before_json, &after_json, &after, &id, &local_error) ||
          !_sam_store_audit (self, "insert", sam_schema_table (SAM_TABLE_MEETING)->element, uuid,
                             NULL, after_json, &local_error))
        {
          g_clear_pointer (&after, g_ptr_array_unref);
          return _sam_store_fail (self, error, g_steal_pointer (&local_error));
        }
      g_ptr_array_add (rows, after);
      g_array_append_val (ids, id);
    }

  if (!_sam_store_commit (self, error))
    return FALSE;

  for (guint i = 0; i < meetings->len; i++)
    _sam_model_update (g_ptr_array_index (meetings, i), g_array_index (ids, gint64, i),
                       g_ptr_array_index (uuids, i),
                       (const char * const *) ((GPtrArray *) g_ptr_array_index (rows, i))->pdata);
  _sam_store_changed (self, SAM_TABLE_MEETING);

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
 * sam_store_list_other_council_meetings:
 * @self: a #SamStore
 * @group_uuid: a group whose own meetings are left out
 * @from: the earliest start, a stored UTC time
 * @to: the start before which meetings end the list
 * @error: return location for a #GError
 *
 * Lists the meetings of the other councils that start in [@from, @to),
 * cancelled ones left out: what a council's year plan keeps clear of.
 *
 * Returns: (transfer full) (nullable): the #SamMeeting list, by start time
 */
GListModel *
sam_store_list_other_council_meetings (SamStore    *self,
                                       const char  *group_uuid,
                                       const char  *from,
                                       const char  *to,
                                       GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (group_uuid != NULL && from != NULL && to != NULL, NULL);

  return _sam_store_query_models (self, SAM_TABLE_MEETING,
                                  "WHERE t.starts >= ?2 AND t.starts < ?3 AND t.status <> 'cancelled' "
                                  "AND t.id IN (SELECT mg.meeting_id FROM meeting_group mg JOIN grp g ON g.id = mg.group_id "
                                  "WHERE g.kind = 'council' AND g.uuid <> ?1) "
                                  "AND t.id NOT IN (SELECT mg.meeting_id FROM meeting_group mg JOIN grp g ON g.id = mg.group_id "
                                  "WHERE g.uuid = ?1) "
                                  "ORDER BY t.starts, t.uuid", SAM_PARAMS (group_uuid, from, to), error);
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

/* The decisions of the meeting's groups that have been reported on since
 * they fell due, as @meeting sees it: bound to a follow-up item on its own
 * agenda, or on the agenda of a meeting on or after the follow-up day that
 * comes before @meeting or has been held. A cancelled meeting reported on
 * nothing, and a later meeting that is still to come has not yet: until a
 * report, the decision stays due. */
static GHashTable *
dup_reported (SamStore    *self,
              SamMeeting  *meeting,
              GError     **error)
{
  g_autoptr(GHashTable) reported = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *meeting_uuid = sam_meeting_get_uuid (meeting);
  const char *starts = sam_meeting_get_starts (meeting);
  sqlite3_stmt *stmt;
  int rc;

  stmt = _sam_store_prepare (self,
                             "SELECT d.uuid, d.follow_up, m.uuid, m.starts, m.status "
                             "FROM agenda_item a JOIN decision d ON d.id = a.decision_id "
                             "JOIN meeting m ON m.id = a.meeting_id "
                             "WHERE d.group_id IN (SELECT group_id FROM meeting_group WHERE meeting_id = " MEETING_ID ") "
                             "AND d.follow_up IS NOT NULL AND (m.uuid = ?1 OR m.status <> 'cancelled')",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *decision_uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *follow_up = (const char *) sqlite3_column_text (stmt, 1);
      const char *at_uuid = (const char *) sqlite3_column_text (stmt, 2);
      const char *at_starts = (const char *) sqlite3_column_text (stmt, 3);
      int status = SAM_MEETING_STATUS_PLANNED;
      g_autofree char *at_day = NULL;

      sam_enum_from_nick (SAM_TYPE_MEETING_STATUS, (const char *) sqlite3_column_text (stmt, 4), &status);
      if (g_strcmp0 (at_uuid, meeting_uuid) != 0)
        {
          /* Stored times are UTC in one format: they compare as text. */
          if (status != SAM_MEETING_STATUS_HELD && g_strcmp0 (at_starts, starts) >= 0)
            continue;
          at_day = local_day (at_starts);
          if (at_day == NULL || g_strcmp0 (at_day, follow_up) < 0)
            continue;
        }
      g_hash_table_add (reported, g_strdup (decision_uuid));
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&reported);
}

/**
 * sam_store_list_due_follow_ups:
 * @self: a #SamStore
 * @meeting_uuid: a meeting
 * @error: return location for a #GError
 *
 * Finds the registered decisions of the meeting's groups that are due for
 * follow-up at it: their follow-up date is no later than the day of the
 * meeting, and no meeting has reported on them since (an agenda item bound
 * to the decision, see sam_store_add_follow_up_item(), on this meeting's
 * agenda, or at a meeting on or after the follow-up date that came before
 * this one or was held). So a follow-up that one meeting missed is offered
 * again at the next, until it is reported. Withdrawn and superseded
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
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GHashTable) reported = NULL;
  g_autoptr(GListStore) offered = g_list_store_new (SAM_TYPE_DECISION);
  g_autofree char *day = NULL;
  const char *params[2];
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

  day = local_day (sam_meeting_get_starts (meeting));
  params[0] = meeting_uuid;
  params[1] = day;
  due = _sam_store_query_models (self, SAM_TABLE_DECISION, "WHERE t.group_id IN (SELECT group_id FROM meeting_group WHERE meeting_id = " MEETING_ID ") "
                                 "AND t.status NOT IN ('draft', 'withdrawn', 'superseded') "
                                 "AND t.follow_up IS NOT NULL AND t.follow_up <= ?2 "
                                 "ORDER BY t.follow_up, t.year, t.serial, t.uuid", params, 2, error);
  if (due == NULL || (reported = dup_reported (self, meeting, error)) == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (due); i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (due, i);

      if (!g_hash_table_contains (reported, sam_decision_get_uuid (decision)))
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
 * by whoever is responsible for the decision) last on the agenda, bound to
 * @decision: from then on the meeting reports on it. If the agenda has an
 * item bound to @decision already, that one is returned and nothing
 * changes.
 *
 * Returns: (transfer full) (nullable): the #SamAgendaItem
 */
SamAgendaItem *
sam_store_add_follow_up_item (SamStore     *self,
                              const char   *meeting_uuid,
                              SamDecision  *decision,
                              GError      **error)
{
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(GListModel) agenda = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  sam_store_meetings_ensure_types ();
  g_return_val_if_fail (meeting_uuid != NULL, NULL);
  g_return_val_if_fail (SAM_IS_DECISION (decision), NULL);
  g_return_val_if_fail (sam_decision_get_uuid (decision) != NULL, NULL);

  if ((agenda = sam_store_list_agenda (self, meeting_uuid, error)) == NULL)
    return NULL;
  for (guint i = 0; i < g_list_model_get_n_items (agenda); i++)
    {
      g_autoptr(SamAgendaItem) existing = g_list_model_get_item (agenda, i);

      if (g_strcmp0 (sam_agenda_item_get_decision_uuid (existing), sam_decision_get_uuid (decision)) == 0)
        return g_steal_pointer (&existing);
    }

  number = decision_number (self, decision);
  /* Translators: an agenda item reporting back on a decision; the first
   * %s is its number (“AOI 2026:3”), the second its title */
  title = g_strdup_printf (_("Follow-up: %s %s"), number != NULL ? number : "", sam_decision_get_title (decision));

  item = sam_agenda_item_new (meeting_uuid);
  sam_agenda_item_set_title (item, title);
  sam_agenda_item_set_kind (item, SAM_AGENDA_KIND_FOLLOW_UP);
  sam_agenda_item_set_presenter (item, sam_decision_get_responsible (decision));
  sam_agenda_item_set_decision_uuid (item, sam_decision_get_uuid (decision));
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
 * group (its council for a joint meeting), dated the day the meeting
 * starts in Stockholm, so that registering it keeps that day. If the item
 * has a decision already, that one is returned and nothing changes.
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
  g_autoptr(SamMeeting) meeting = NULL;
  g_autofree char *day = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  sam_store_meetings_ensure_types ();
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

  /* A decision is taken on the day of its meeting, not the day it is
   * registered. */
  meeting = sam_store_dup_by_uuid (self, SAM_TYPE_MEETING, sam_agenda_item_get_meeting_uuid (item), NULL);
  if (meeting != NULL)
    day = local_day (sam_meeting_get_starts (meeting));

  decision = sam_decision_new ();
  g_object_set (decision,
                "group-uuid", groups[0],
                "decided", day,
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

/**
 * sam_store_list_slot_clashes:
 * @self: a #SamStore
 * @group_uuid: the group a new meeting would be for
 * @starts: the new meeting's start, a stored UTC time
 * @ends: its end
 * @error: return location for a #GError
 *
 * Finds whom a new meeting of @group_uuid from @starts to @ends would
 * book twice: the people holding a role in the group that day who are
 * booked into another meeting at an overlapping time, as
 * sam_store_list_double_bookings() reckons a booking. Each clash has no
 * first meeting; its second meeting is the one already in the register.
 *
 * Returns: (transfer full) (element-type SamDoubleBooking) (nullable): the
 *   clashes, by name, or %NULL on failure
 */
GPtrArray *
sam_store_list_slot_clashes (SamStore    *self,
                             const char  *group_uuid,
                             const char  *starts,
                             const char  *ends,
                             GError     **error)
{
  g_autoptr(GPtrArray) clashes = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_double_booking_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (group_uuid != NULL && starts != NULL && ends != NULL, NULL);

  stmt = _sam_store_prepare (self,
                             "WITH m AS (SELECT id, uuid, starts FROM meeting "
                             "  WHERE status <> 'cancelled' AND starts < ?3 AND ends > ?2), "
                             "members AS (SELECT a.person_id FROM assignment a JOIN grp g ON g.id = a.group_id "
                             "  WHERE g.uuid = ?1 AND (a.starts IS NULL OR a.starts <= substr (?2, 1, 10)) "
                             "  AND (a.ends IS NULL OR a.ends >= substr (?2, 1, 10))), "
                             "booked AS ("
                             "  SELECT mg.meeting_id, a.person_id FROM meeting_group mg "
                             "  JOIN m ON m.id = mg.meeting_id JOIN assignment a ON a.group_id = mg.group_id "
                             "  WHERE (a.starts IS NULL OR a.starts <= substr (m.starts, 1, 10)) "
                             "  AND (a.ends IS NULL OR a.ends >= substr (m.starts, 1, 10)) "
                             "  UNION SELECT meeting_id, person_id FROM attendance "
                             "  WHERE status <> 'absent' AND meeting_id IN (SELECT id FROM m) "
                             "  EXCEPT SELECT meeting_id, person_id FROM attendance WHERE status = 'absent') "
                             "SELECT DISTINCT p.uuid, p.name, m.uuid FROM booked b "
                             "JOIN m ON m.id = b.meeting_id JOIN person p ON p.id = b.person_id "
                             "WHERE b.person_id IN (SELECT person_id FROM members) "
                             "ORDER BY p.name COLLATE sv, p.uuid, m.starts, m.uuid",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, starts, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, ends, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamDoubleBooking *clash = g_new0 (SamDoubleBooking, 1);

      clash->person_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      clash->person_name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      clash->second_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      g_ptr_array_add (clashes, clash);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&clashes);
}

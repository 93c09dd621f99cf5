/* sam-store-escalations.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-store-decisions-private.h"

/*
 * Escalations of decisions taken on no mandate, their answers, a
 * decision's history and the relations between groups that an escalation
 * follows.
 */

/* A new escalation's row, written through the store's rules. */
static gboolean
insert_escalation (SamStore    *self,
                   const char  *uuid,
                   const char  *decision_uuid,
                   const char  *to_group_uuid,
                   const char  *to_other,
                   const char  *reason,
                   const char  *date,
                   const char  *what,
                   GError     **error)
{
  const SamTableInfo *info = sam_schema_table (SAM_TABLE_ESCALATION);
  g_autofree const char **values = g_new0 (const char *, info->n_columns + 1);

  values[_sam_store_column_index (SAM_TABLE_ESCALATION, "decision_id")] = decision_uuid;
  values[_sam_store_column_index (SAM_TABLE_ESCALATION, "to_group_id")] = to_group_uuid;
  values[_sam_store_column_index (SAM_TABLE_ESCALATION, "to_other")] = to_other;
  values[_sam_store_column_index (SAM_TABLE_ESCALATION, "reason")] = reason;
  values[_sam_store_column_index (SAM_TABLE_ESCALATION, "escalated")] = date;

  return _sam_store_write_values (self, SAM_TABLE_ESCALATION, uuid, values, FALSE, what, error);
}

static gboolean
audit_escalation (SamStore    *self,
                  const char  *action,
                  const char  *uuid,
                  GPtrArray   *before,
                  GError     **error)
{
  g_autoptr(GPtrArray) after = _sam_store_dup_row (self, SAM_TABLE_ESCALATION, uuid, NULL, error);
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;

  if (after == NULL)
    return FALSE;

  before_json = _sam_store_row_json (SAM_TABLE_ESCALATION, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);
  after_json = _sam_store_row_json (SAM_TABLE_ESCALATION, uuid, (const char * const *) after->pdata);
  return _sam_store_audit (self, action, "escalation", uuid, before_json, after_json, error);
}

/**
 * sam_store_escalate_decision:
 * @self: a #SamStore
 * @decision: a registered decision
 * @to_group_uuid: (nullable): the receiving group
 * @to_other: (nullable): the receiver when it is not a group of the
 *   register (“the line organisation”) or a person in a group (“contact
 *   person Anna Berg”)
 * @reason: why no one here may decide it
 * @date: (nullable): the date of the escalation, or %NULL for today
 * @error: return location for a #GError
 *
 * Escalates @decision: records to whom and why, and sets its status to
 * “escalated”, in one transaction. The escalation stays open, listed by
 * sam_store_list_open_escalations(), until sam_store_answer_escalation().
 *
 * Returns: whether the escalation was recorded
 */
gboolean
sam_store_escalate_decision (SamStore     *self,
                             SamDecision  *decision,
                             const char   *to_group_uuid,
                             const char   *to_other,
                             const char   *reason,
                             const char   *date,
                             GError      **error)
{
  const char *decision_uuid;
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *day = date != NULL ? g_strdup (date) : sam_clock_dup_today ();
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;
  SamDecisionStatus current;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (decision), FALSE);

  decision_uuid = sam_decision_get_uuid (decision);
  label = _sam_decision_dup_label (decision);
  what = g_strdup_printf (_("The decision “%s” could not be escalated"), label);

  if (_sam_store_is_blank (reason))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: say why it is escalated"), what);
      return FALSE;
    }
  if ((to_group_uuid == NULL || *to_group_uuid == '\0') && (to_other == NULL || *to_other == '\0'))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: say to whom it is escalated"), what);
      return FALSE;
    }
  if (decision_uuid == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: it is not registered"), what);
      return FALSE;
    }

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_read_decision (self, decision_uuid, what, &local_error);
  if (local_error == NULL)
    {
      current = _sam_decision_row_status (before);
      if (current == SAM_DECISION_STATUS_DRAFT)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("%s: register it first, so the escalation refers to its number"), what);
      else if (current == SAM_DECISION_STATUS_WITHDRAWN || current == SAM_DECISION_STATUS_SUPERSEDED)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                     _("%s: it is withdrawn or superseded"), what);
    }
  if (local_error == NULL && to_group_uuid != NULL && *to_group_uuid != '\0' &&
      _sam_store_find_id (self, SAM_TABLE_GROUP, to_group_uuid, &local_error) == 0)
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                 _("%s: the receiving group is not in the register"), what);
  if (local_error == NULL)
    insert_escalation (self, uuid, decision_uuid,
                       to_group_uuid != NULL && *to_group_uuid != '\0' ? to_group_uuid : NULL,
                       to_other != NULL && *to_other != '\0' ? to_other : NULL,
                       reason, day, what, &local_error);
  if (local_error == NULL)
    audit_escalation (self, "insert", uuid, NULL, &local_error);
  if (local_error == NULL)
    _sam_store_update_row (self, SAM_TABLE_DECISION, decision_uuid, what, &local_error, "status", "escalated", NULL);
  if (local_error == NULL)
    _sam_store_audit_decision (self, "escalate", decision_uuid, before, NULL, &local_error);
  if (local_error == NULL)
    _sam_store_commit (self, &local_error);

  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _sam_store_refresh_decision (self, decision, sam_decision_get_uuid (decision));
  _sam_store_changed (self, SAM_TABLE_ESCALATION);
  _sam_store_changed (self, SAM_TABLE_DECISION);
  return TRUE;
}

/**
 * sam_store_answer_escalation:
 * @self: a #SamStore
 * @escalation_uuid: an open escalation
 * @answer: what the receiving body answered
 * @date: (nullable): the date of the answer, or %NULL for today
 * @error: return location for a #GError
 *
 * Records the answer to an escalation, which closes it. The decision keeps
 * its status; the coordinator moves it on (into implementation, or
 * withdraws it) as the answer says.
 *
 * Returns: whether the answer was recorded
 */
gboolean
sam_store_answer_escalation (SamStore    *self,
                             const char  *escalation_uuid,
                             const char  *answer,
                             const char  *date,
                             GError     **error)
{
  g_autofree char *day = date != NULL ? g_strdup (date) : sam_clock_dup_today ();
  const char *what = _("The answer to the escalation could not be recorded");
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (escalation_uuid != NULL, FALSE);

  if (_sam_store_is_blank (answer))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: the answer is empty"), what);
      return FALSE;
    }

  /* The same answer again changes nothing, and says so to no one. */
  before = _sam_store_dup_row (self, SAM_TABLE_ESCALATION, escalation_uuid, NULL, NULL);
  if (before != NULL &&
      g_strcmp0 (g_ptr_array_index (before, _sam_store_column_index (SAM_TABLE_ESCALATION, "answer")), answer) == 0 &&
      g_strcmp0 (g_ptr_array_index (before, _sam_store_column_index (SAM_TABLE_ESCALATION, "answered")), day) == 0)
    return TRUE;
  g_clear_pointer (&before, g_ptr_array_unref);

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_ESCALATION, escalation_uuid, NULL, &local_error);
  if (local_error == NULL && before == NULL)
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("%s: it is not in the register"), what);
  if (local_error == NULL)
    _sam_store_update_row (self, SAM_TABLE_ESCALATION, escalation_uuid, what, &local_error,
                           "answer", answer, "answered", day, NULL);
  if (local_error == NULL)
    audit_escalation (self, "answer", escalation_uuid, before, &local_error);
  if (local_error == NULL)
    _sam_store_commit (self, &local_error);

  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _sam_store_changed (self, SAM_TABLE_ESCALATION);
  return TRUE;
}

#define ESCALATION_SELECT \
  "SELECT e.uuid, d.uuid, g.uuid, g.name, e.to_other, e.reason, e.escalated, e.answer, e.answered, " \
  "CASE WHEN d.serial IS NULL THEN NULL " \
  "WHEN dg.code IS NULL THEN d.year || ':' || d.serial " \
  "ELSE dg.code || ' ' || d.year || ':' || d.serial END, d.title " \
  "FROM escalation e JOIN decision d ON d.id = e.decision_id JOIN grp dg ON dg.id = d.group_id " \
  "LEFT JOIN grp g ON g.id = e.to_group_id "

static GPtrArray *
query_escalations (SamStore    *self,
                   const char  *sql,
                   const char  *param,
                   GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_escalation_free);
  sqlite3_stmt *stmt = _sam_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;

  if (sqlite3_bind_parameter_count (stmt) >= 1)
    sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamEscalation *e = g_new0 (SamEscalation, 1);

      e->uuid = _sam_store_column_dup (stmt, 0);
      e->decision_uuid = _sam_store_column_dup (stmt, 1);
      e->to_group_uuid = _sam_store_column_dup (stmt, 2);
      e->to_group_name = _sam_store_column_dup (stmt, 3);
      e->to_other = _sam_store_column_dup (stmt, 4);
      e->reason = _sam_store_column_dup (stmt, 5);
      e->escalated = _sam_store_column_dup (stmt, 6);
      e->answer = _sam_store_column_dup (stmt, 7);
      e->answered = _sam_store_column_dup (stmt, 8);
      e->decision_number = _sam_store_column_dup (stmt, 9);
      e->decision_title = _sam_store_column_dup (stmt, 10);
      g_ptr_array_add (list, e);
    }
  if (!_sam_store_end_rows (self, stmt, rc, _("The escalations could not be read"), error))
    return NULL;

  return g_steal_pointer (&list);
}

/**
 * sam_store_list_escalations:
 * @self: a #SamStore
 * @decision_uuid: a decision
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamEscalation) (nullable): the
 *   escalations of a decision, oldest first
 */
GPtrArray *
sam_store_list_escalations (SamStore    *self,
                            const char  *decision_uuid,
                            GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return query_escalations (self,
                            ESCALATION_SELECT
                            "WHERE e.decision_id = (SELECT id FROM decision WHERE uuid = ?1) "
                            "ORDER BY e.escalated, e.id",
                            decision_uuid, error);
}

/**
 * sam_store_list_open_escalations:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Lists the escalations still waiting for an answer, by receiving body
 * (group name, or the text of another receiver) and then oldest first, so
 * a list can show them per body.
 *
 * Returns: (transfer full) (element-type SamEscalation) (nullable): the
 *   open escalations
 */
GPtrArray *
sam_store_list_open_escalations (SamStore  *self,
                                 GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return query_escalations (self,
                            ESCALATION_SELECT
                            "WHERE e.answered IS NULL "
                            "ORDER BY coalesce (g.name, e.to_other) COLLATE sv, e.escalated, e.id",
                            NULL, error);
}

/**
 * sam_store_list_decision_events:
 * @self: a #SamStore
 * @decision_uuid: a decision
 * @error: return location for a #GError
 *
 * Reads a decision's history from the audit log: each save, registration,
 * status change, escalation and answer, with its time, who did it, the
 * status before and after, and the reason or answer recorded with it.
 *
 * Returns: (transfer full) (element-type SamDecisionEvent) (nullable): the
 *   events, oldest first
 */
GPtrArray *
sam_store_list_decision_events (SamStore    *self,
                                const char  *decision_uuid,
                                GError     **error)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_decision_event_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (decision_uuid != NULL, NULL);

  stmt = _sam_store_prepare (self,
                             "SELECT at, who, action, entity, "
                             "CASE entity WHEN 'decision' THEN json_extract (before, '$.status') END, "
                             "CASE entity WHEN 'decision' THEN json_extract (after, '$.status') END, "
                             "CASE WHEN entity = 'escalation' AND action = 'answer' THEN json_extract (after, '$.answer') "
                             "WHEN entity = 'escalation' THEN json_extract (after, '$.reason') "
                             "WHEN action = 'withdraw' THEN json_extract (after, '$.\"withdrawn-reason\"') END "
                             "FROM audit_log WHERE entity_uuid = ?1 "
                             "OR entity_uuid IN (SELECT e.uuid FROM escalation e "
                             "WHERE e.decision_id = (SELECT id FROM decision WHERE uuid = ?1)) "
                             "ORDER BY id",
                             error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, decision_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamDecisionEvent *event = g_new0 (SamDecisionEvent, 1);

      event->at = _sam_store_column_dup (stmt, 0);
      event->who = _sam_store_column_dup (stmt, 1);
      event->action = _sam_store_column_dup (stmt, 2);
      event->entity = _sam_store_column_dup (stmt, 3);
      event->status_before = _sam_store_column_dup (stmt, 4);
      event->status_after = _sam_store_column_dup (stmt, 5);
      event->note = _sam_store_column_dup (stmt, 6);
      g_ptr_array_add (events, event);
    }
  if (!_sam_store_end_rows (self, stmt, rc, _("The history of the decision could not be read"), error))
    return NULL;

  return g_steal_pointer (&events);
}

/**
 * sam_store_list_group_relations:
 * @self: a #SamStore
 * @group_uuid: a group
 * @kind: the kind of relation
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamGroup) (nullable): the groups
 *   @group_uuid has a relation of @kind to (it reports to, escalates to …),
 *   by name
 */
GPtrArray *
sam_store_list_group_relations (SamStore         *self,
                                const char       *group_uuid,
                                SamRelationKind   kind,
                                GError          **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  sql = g_strconcat (self->sql[SAM_TABLE_GROUP].select,
                     " WHERE t.id IN (SELECT to_group_id FROM group_relation "
                     "WHERE from_group_id = (SELECT id FROM grp WHERE uuid = ?1) AND kind = ?2) "
                     "ORDER BY t.name COLLATE sv, t.uuid", NULL);
  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, sam_enum_get_nick (SAM_TYPE_RELATION_KIND, kind), -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (groups, _sam_store_object_from_row (self, stmt, SAM_TABLE_GROUP));
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&groups);
}

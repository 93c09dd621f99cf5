/* sam-store-decision-watch.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sam-store-decision-watch.h"
#include "sam-store-decisions-private.h"

/*
 * The queries of the follow-up and escalation lists, which
 * SamDecisionWatchList shows without ever holding them whole. Finding the
 * rows and their order touches every decision with a follow-up date (a
 * fifth of a national register), so that is done once per change, in a
 * worker thread on a connection of its own, and yields only the row ids;
 * the rows a view shows are then read by id, a page at a time, which is
 * one lookup per row.
 */

/* The order of each list: by group (as the register's table names it:
 * its code, or its name), then by follow-up date; by receiving body, then
 * oldest first. The row id breaks ties. */
static const char *watch_sql[] = {
  [SAM_DECISION_WATCH_FOLLOW_UP] =
    "SELECT t.id FROM decision t LEFT JOIN grp r0 ON r0.id = t.group_id "
    "WHERE t.follow_up IS NOT NULL AND t.follow_up <= date (?1, ?2) "
    "AND t.status IN ('decided', 'escalated', 'in_implementation') "
    "ORDER BY coalesce (r0.code, r0.name) COLLATE sv, r0.id, t.follow_up, t.year, t.serial, t.id",
  [SAM_DECISION_WATCH_ESCALATIONS] =
    "SELECT e.id FROM escalation e LEFT JOIN grp g ON g.id = e.to_group_id "
    "WHERE e.answered IS NULL "
    "ORDER BY coalesce (g.name, e.to_other) COLLATE sv, e.escalated, e.id",
};

/* As sam_store_list_open_escalations() reads an escalation, for the rows
 * of a page given by their ids, in the order of the ids */
#define ESCALATION_BY_ID_SQL \
  "SELECT e.uuid, d.uuid, g.uuid, g.name, e.to_other, e.reason, e.escalated, e.answer, e.answered, " \
  "CASE WHEN d.serial IS NULL THEN NULL " \
  "WHEN dg.code IS NULL THEN d.year || ':' || d.serial " \
  "ELSE dg.code || ' ' || d.year || ':' || d.serial END, d.title " \
  "FROM json_each (?1) j JOIN escalation e ON e.id = j.value " \
  "JOIN decision d ON d.id = e.decision_id JOIN grp dg ON dg.id = d.group_id " \
  "LEFT JOIN grp g ON g.id = e.to_group_id ORDER BY j.key"

/* The ids as a JSON array, which json_each() turns back into rows */
static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_new ("[");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/**
 * sam_store_list_watch_ids:
 * @self: a #SamStore
 * @watch: which list
 * @today: (nullable): today's date (YYYY-MM-DD), for the follow-up list
 * @days: how far ahead the follow-up list looks
 * @error: return location for a #GError
 *
 * Finds the rows of a watch list, in the order the list shows them. The
 * follow-up list holds the decisions still being carried out (decided,
 * escalated or in implementation) whose follow-up date is overdue or
 * within @days days of @today, by group and then by date; the escalation
 * list the escalations not answered yet, by receiving body and then
 * oldest first. This reads every candidate row: call it in a worker
 * thread, on a connection of its own, and read the rows shown with
 * sam_store_fetch_decisions_by_id() or
 * sam_store_fetch_escalations_by_id().
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the row ids
 *   (of decisions, or of escalations), or %NULL on failure
 */
GArray *
sam_store_list_watch_ids (SamStore          *self,
                          SamDecisionWatch   watch,
                          const char        *today,
                          int                days,
                          GError           **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *modifier = g_strdup_printf ("%+d days", days);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (watch <= SAM_DECISION_WATCH_ESCALATIONS, NULL);
  g_return_val_if_fail (watch != SAM_DECISION_WATCH_FOLLOW_UP || today != NULL, NULL);

  if ((stmt = _sam_store_prepare (self, watch_sql[watch], error)) == NULL)
    return NULL;

  if (watch == SAM_DECISION_WATCH_FOLLOW_UP)
    {
      sqlite3_bind_text (stmt, 1, today, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, modifier, -1, SQLITE_STATIC);
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (!_sam_store_end_rows (self, stmt, rc,
                            watch == SAM_DECISION_WATCH_FOLLOW_UP ? _("The decision register could not be read")
                                                                 : _("The escalations could not be read"),
                            error))
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * sam_store_fetch_decisions_by_id:
 * @self: a #SamStore
 * @ids: (array length=n_ids): decisions' row ids, from
 *   sam_store_list_watch_ids()
 * @n_ids: how many
 * @error: return location for a #GError
 *
 * Reads the decisions with @ids, one lookup each. A decision removed
 * since its id was read is left out.
 *
 * Returns: (transfer full) (element-type SamDecision) (nullable): the
 *   decisions in the order of @ids, or %NULL on failure
 */
GPtrArray *
sam_store_fetch_decisions_by_id (SamStore      *self,
                                 const gint64  *ids,
                                 guint          n_ids,
                                 GError       **error)
{
  g_autofree char *sql = NULL;
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  sql = g_strconcat (self->sql[SAM_TABLE_DECISION].select,
                     " JOIN json_each (?1) j ON t.id = j.value ORDER BY j.key", NULL);
  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;

  json = ids_to_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);

  return _sam_store_collect_objects (self, stmt, SAM_TABLE_DECISION, error);
}

/**
 * sam_store_fetch_escalations_by_id:
 * @self: a #SamStore
 * @ids: (array length=n_ids): escalations' row ids, from
 *   sam_store_list_watch_ids()
 * @n_ids: how many
 * @error: return location for a #GError
 *
 * Reads the escalations with @ids, with their decisions' numbers and
 * titles, one lookup each. An escalation removed since its id was read is
 * left out.
 *
 * Returns: (transfer full) (element-type SamEscalation) (nullable): the
 *   escalations in the order of @ids, or %NULL on failure
 */
GPtrArray *
sam_store_fetch_escalations_by_id (SamStore      *self,
                                   const gint64  *ids,
                                   guint          n_ids,
                                   GError       **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_escalation_free);
  g_autofree char *json = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if ((stmt = _sam_store_prepare (self, ESCALATION_BY_ID_SQL, error)) == NULL)
    return NULL;

  json = ids_to_json (ids, n_ids);
  sqlite3_bind_text (stmt, 1, json, -1, SQLITE_STATIC);
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

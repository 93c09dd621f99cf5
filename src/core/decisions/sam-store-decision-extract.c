/* sam-store-decision-extract.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-store-decisions.h"
#include "sam-store-private.h"

/*
 * What an extract of one decision needs from the register besides the
 * decision itself: finding it by its number, and the agenda item it was
 * made under, its place on the agenda and the group's chair that day.
 */

void
sam_decision_context_free (SamDecisionContext *context)
{
  if (context == NULL)
    return;

  g_free (context->item_title);
  g_free (context->item_notes);
  g_free (context->chair);
  g_free (context);
}

/* Splits “AOI 2026:7” into the group's code, the year and the serial. */
static gboolean
parse_number (const char  *number,
              char       **code,
              char       **year,
              char       **serial)
{
  g_autoptr(GRegex) regex = g_regex_new ("^\\s*(\\S+)\\s+([0-9]{4}):([0-9]{1,9})\\s*$", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;

  if (!g_regex_match (regex, number, 0, &match))
    return FALSE;
  *code = g_match_info_fetch (match, 1);
  *year = g_match_info_fetch (match, 2);
  *serial = g_match_info_fetch (match, 3);

  return TRUE;
}

/**
 * sam_store_find_decision_by_number:
 * @self: a #SamStore
 * @number: a decision's number as people write it, such as “AOI 2026:7”
 * @error: return location for a #GError
 *
 * Finds a registered decision by its number: the short code of its group,
 * its year and its serial.
 *
 * Returns: (transfer full) (nullable): the decision, or %NULL with
 *   %SAM_STORE_ERROR_REFERENCE if there is none, or on error
 */
SamDecision *
sam_store_find_decision_by_number (SamStore    *self,
                                   const char  *number,
                                   GError     **error)
{
  g_autofree char *code = NULL;
  g_autofree char *year = NULL;
  g_autofree char *serial = NULL;
  GError *local_error = NULL;
  SamDecision *decision;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (number != NULL, NULL);

  if (!parse_number (number, &code, &year, &serial))
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("“%s” is not a decision number: write it as the group’s short code, the year and the serial, such as AOI 2026:7"),
                   number);
      return NULL;
    }

  decision = _sam_store_query_first (self, SAM_TABLE_DECISION,
                                     "WHERE t.group_id = (SELECT id FROM grp WHERE code = ?1) "
                                     "AND t.year = CAST (?2 AS INTEGER) AND t.serial = CAST (?3 AS INTEGER)",
                                     SAM_PARAMS (code, year, serial), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }
  if (decision == NULL)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                 _("There is no decision %s in the register"), number);

  return decision;
}

/**
 * sam_store_dup_decision_context:
 * @self: a #SamStore
 * @decision_uuid: a decision
 * @error: return location for a #GError
 *
 * Gets the agenda item a decision was made under, with its place on its
 * meeting's agenda (the items in their order, counted from 1: the
 * paragraph, §, of an extract), and the chair of the decision's group on
 * the day it was decided: of the chairs appointed by that day, the one
 * appointed last, who holds the office until a successor starts, as
 * sam_roles_holders() has it for a role with one holder.
 *
 * Returns: (transfer full) (nullable): the context, or %NULL on error
 */
SamDecisionContext *
sam_store_dup_decision_context (SamStore    *self,
                                const char  *decision_uuid,
                                GError     **error)
{
  g_autoptr(SamDecisionContext) context = g_new0 (SamDecisionContext, 1);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (decision_uuid != NULL, NULL);

  stmt = _sam_store_prepare (self,
                             "SELECT (SELECT count (*) FROM agenda_item o "
                             "        WHERE o.meeting_id = a.meeting_id "
                             "        AND (o.position < a.position OR (o.position = a.position AND o.id <= a.id))), "
                             "       a.title, a.notes, "
                             "       (SELECT p.name FROM assignment s JOIN person p ON p.id = s.person_id "
                             "        WHERE s.group_id = d.group_id AND s.role = 'chair' "
                             "        AND (s.starts IS NULL OR d.decided IS NULL OR s.starts <= d.decided) "
                             "        ORDER BY s.starts IS NULL, s.starts DESC, s.id DESC LIMIT 1) "
                             "FROM decision d LEFT JOIN agenda_item a ON a.id = d.agenda_item_id "
                             "WHERE d.uuid = ?1", error);
  if (stmt == NULL)
    return NULL;

  _sam_store_bind_texts (stmt, SAM_PARAMS (decision_uuid));
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      if (sqlite3_column_type (stmt, 1) != SQLITE_NULL)
        context->paragraph = (guint) sqlite3_column_int (stmt, 0);
      context->item_title = _sam_store_column_dup (stmt, 1);
      context->item_notes = _sam_store_column_dup (stmt, 2);
      context->chair = _sam_store_column_dup (stmt, 3);
      rc = sqlite3_step (stmt);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&context);
}

/* sam-store-decisions-edit.c
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
 * The decision register's lifecycle: a draft is registered with the next
 * number of its group and year, a registered decision is never edited in
 * place (a correction supersedes it, or it is withdrawn with a reason), and
 * its status moves on. Every change is one transaction with its audit log
 * entries.
 */

char *
_sam_decision_dup_label (SamDecision *decision)
{
  const char *title = sam_decision_get_title (decision);

  return g_strdup (title != NULL ? title : "");
}

/* Reads the stored row of @uuid (inside the caller's transaction). */
GPtrArray *
_sam_store_read_decision (SamStore    *self,
                          const char  *uuid,
                          const char  *what,
                          GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  GPtrArray *row = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, NULL, &local_error);

  if (row == NULL && local_error == NULL)
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                 _("%s: it is not in the register"), what);
  if (local_error != NULL)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return row;
}

SamDecisionStatus
_sam_decision_row_status (GPtrArray *row)
{
  int value = SAM_DECISION_STATUS_DRAFT;

  sam_enum_from_nick (SAM_TYPE_DECISION_STATUS, g_ptr_array_index (row, _sam_store_column_index (SAM_TABLE_DECISION, "status")), &value);
  return value;
}

/* Audits a decision's change from @before to its stored row. */
gboolean
_sam_store_audit_decision (SamStore    *self,
                           const char  *action,
                           const char  *uuid,
                           GPtrArray   *before,
                           GPtrArray  **after_out,
                           GError     **error)
{
  g_autofree char *before_json = NULL;
  g_autofree char *after_json = NULL;
  g_autoptr(GPtrArray) after = NULL;

  after = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, NULL, error);
  if (after == NULL)
    return FALSE;

  before_json = _sam_store_row_json (SAM_TABLE_DECISION, uuid,
                                     before != NULL ? (const char * const *) before->pdata : NULL);
  after_json = _sam_store_row_json (SAM_TABLE_DECISION, uuid, (const char * const *) after->pdata);
  if (!_sam_store_audit (self, action, "decision", uuid, before_json, after_json, error))
    return FALSE;

  if (after_out != NULL)
    *after_out = g_steal_pointer (&after);
  return TRUE;
}

/* Gives @decision the row stored for @uuid, with its id and number. */
void
_sam_store_refresh_decision (SamStore    *self,
                             SamDecision *decision,
                             const char  *uuid)
{
  g_autoptr(GPtrArray) row = NULL;
  gint64 id = 0;

  row = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, &id, NULL);
  if (row != NULL)
    _sam_model_update (decision, id, uuid, (const char * const *) row->pdata);
}

/* Inserts or updates @decision's row as a draft (inside the caller's
 * transaction), resolving its references to ids. */
static gboolean
write_draft (SamStore     *self,
             SamDecision  *decision,
             const char   *uuid,
             gboolean      exists,
             const char   *what,
             GError      **error)
{
  const SamTableInfo *info = sam_schema_table (SAM_TABLE_DECISION);
  SamRecord *record = _sam_model_get_record (decision);
  g_autofree const char **values = g_memdup2 (record->values, sizeof (char *) * (info->n_columns + 1));

  /* The schema only allows another status once the number is there. */
  values[_sam_store_column_index (SAM_TABLE_DECISION, "status")] = "draft";
  values[_sam_store_column_index (SAM_TABLE_DECISION, "year")] = NULL;
  values[_sam_store_column_index (SAM_TABLE_DECISION, "serial")] = NULL;

  return _sam_store_write_values (self, SAM_TABLE_DECISION, uuid, values, exists, what, error);
}

/* Numbers a saved draft: the next serial of its group in the year of its
 * date, and its new status. The caller holds BEGIN IMMEDIATE, so no other
 * connection can take the same number between the SELECT and the UPDATE.
 * Every registration goes through here, a correction's too, and the row
 * is written through the store's rules: a date that is not a date, or
 * one after today, is refused. */
static gboolean
number_decision (SamStore    *self,
                 const char  *uuid,
                 const char  *decided,
                 const char  *status,
                 const char  *what,
                 GError     **error)
{
  g_autofree char *year = g_strdup_printf ("%" G_GINT64_FORMAT, g_ascii_strtoll (decided, NULL, 10));
  g_autofree char *serial = NULL;
  gint64 next;

  next = _sam_store_query_int (self,
                               "SELECT coalesce (max (serial), 0) + 1 FROM decision "
                               "WHERE group_id = (SELECT group_id FROM decision WHERE uuid = ?1) "
                               "AND year = CAST (?2 AS INTEGER)",
                               SAM_PARAMS (uuid, year), error);
  if (next < 0)
    return FALSE;

  serial = g_strdup_printf ("%" G_GINT64_FORMAT, next);
  return _sam_store_update_row (self, SAM_TABLE_DECISION, uuid, what, error,
                                "decided", decided, "year", year, "serial", serial, "status", status, NULL);
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
  g_autofree char *uuid = NULL;
  g_autofree char *what = NULL;
  g_autofree char *decided = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(GError) local_error = NULL;
  SamDecisionStatus status;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (decision), FALSE);

  uuid = sam_decision_get_uuid (decision) != NULL ? g_strdup (sam_decision_get_uuid (decision))
                                                   : g_uuid_string_random ();
  what = g_strdup_printf (_("The %s “%s” could not be registered"), _sam_store_table_label (SAM_TABLE_DECISION),
                          sam_decision_get_title (decision) != NULL ? sam_decision_get_title (decision) : uuid);
  decided = sam_decision_get_decided (decision) != NULL ? g_strdup (sam_decision_get_decided (decision))
                                                         : sam_clock_dup_today ();
  status = sam_decision_get_status (decision);
  if (status == SAM_DECISION_STATUS_DRAFT)
    status = SAM_DECISION_STATUS_DECIDED;

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, NULL, &local_error);
  if (local_error == NULL && before != NULL && _sam_decision_row_status (before) != SAM_DECISION_STATUS_DRAFT)
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                 _("%s: it is already registered"), what);
  if (local_error == NULL)
    write_draft (self, decision, uuid, before != NULL, what, &local_error);
  if (local_error == NULL)
    number_decision (self, uuid, decided, sam_enum_get_nick (SAM_TYPE_DECISION_STATUS, status), what, &local_error);
  if (local_error == NULL)
    _sam_store_audit_decision (self, "register", uuid, before, &after, &local_error);
  if (local_error == NULL)
    _sam_store_commit (self, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  _sam_store_refresh_decision (self, decision, uuid);
  _sam_store_changed (self, SAM_TABLE_DECISION);

  return TRUE;
}

/**
 * sam_store_supersede_decision:
 * @self: a #SamStore
 * @old_decision: a registered decision
 * @correction: a draft decision (saved or not) with the corrected wording
 * @error: return location for a #GError
 *
 * Corrects a registered decision the only way the register allows: in
 * one transaction @correction is registered with the next number of its
 * group (today if it has no date), refers to @old_decision, and
 * @old_decision becomes “superseded”. A withdrawn or already superseded
 * decision cannot be superseded.
 *
 * Returns: whether @correction was registered
 */
gboolean
sam_store_supersede_decision (SamStore     *self,
                              SamDecision  *old_decision,
                              SamDecision  *correction,
                              GError      **error)
{
  const char *old_uuid;
  g_autofree char *uuid = NULL;
  g_autofree char *what = NULL;
  g_autofree char *decided = NULL;
  g_autoptr(GPtrArray) old_before = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) after = NULL;
  SamDecisionStatus old_status;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (old_decision), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (correction), FALSE);
  g_return_val_if_fail (sam_decision_get_uuid (old_decision) != NULL, FALSE);

  old_uuid = sam_decision_get_uuid (old_decision);
  uuid = sam_decision_get_uuid (correction) != NULL ? g_strdup (sam_decision_get_uuid (correction))
                                                     : g_uuid_string_random ();
  {
    g_autofree char *label = _sam_decision_dup_label (correction);

    what = g_strdup_printf (_("The correction “%s” could not be registered"), label);
  }

  if (sam_decision_get_decided (correction) != NULL)
    decided = g_strdup (sam_decision_get_decided (correction));
  else
    decided = sam_clock_dup_today ();

  _sam_model_set_string (correction, "supersedes_id", old_uuid);

  if (!_sam_store_begin (self, error))
    return FALSE;

  old_before = _sam_store_read_decision (self, old_uuid, what, &local_error);
  if (local_error == NULL)
    {
      old_status = _sam_decision_row_status (old_before);
      if (old_status == SAM_DECISION_STATUS_DRAFT)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("%s: a draft is edited, not superseded"), what);
      else if (old_status == SAM_DECISION_STATUS_WITHDRAWN || old_status == SAM_DECISION_STATUS_SUPERSEDED)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                     _("%s: the decision it corrects is already withdrawn or superseded"), what);
    }
  if (local_error == NULL)
    before = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, NULL, &local_error);
  if (local_error == NULL && before != NULL && _sam_decision_row_status (before) != SAM_DECISION_STATUS_DRAFT)
    g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                 _("%s: it is already registered"), what);
  if (local_error == NULL)
    write_draft (self, correction, uuid, before != NULL, what, &local_error);
  if (local_error == NULL)
    number_decision (self, uuid, decided, "decided", what, &local_error);
  if (local_error == NULL)
    _sam_store_audit_decision (self, "register", uuid, before, &after, &local_error);
  if (local_error == NULL)
    _sam_store_update_row (self, SAM_TABLE_DECISION, old_uuid, what, &local_error, "status", "superseded", NULL);
  if (local_error == NULL)
    _sam_store_audit_decision (self, "supersede", old_uuid, old_before, NULL, &local_error);
  if (local_error == NULL)
    _sam_store_commit (self, &local_error);

  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _sam_store_refresh_decision (self, correction, uuid);
  _sam_store_refresh_decision (self, old_decision, sam_decision_get_uuid (old_decision));
  _sam_store_changed (self, SAM_TABLE_DECISION);

  return TRUE;
}

/* Runs one status change of a registered decision as its own
 * transaction with one audit entry. */
static gboolean
change_status (SamStore          *self,
               SamDecision       *decision,
               const char        *action,
               SamDecisionStatus  status,
               const char        *reason,
               GError           **error)
{
  const char *uuid = sam_decision_get_uuid (decision);
  g_autofree char *label = _sam_decision_dup_label (decision);
  g_autofree char *what = g_strdup_printf (_("The decision “%s” could not be changed"), label);
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;
  SamDecisionStatus current = SAM_DECISION_STATUS_DRAFT;

  if (uuid == NULL)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: it is not registered"), what);
      return FALSE;
    }

  /* A decision that has the status already is left alone: no write, no
   * audit entry, no "changed" for a view to refresh on. */
  before = _sam_store_dup_row (self, SAM_TABLE_DECISION, uuid, NULL, NULL);
  if (before != NULL && _sam_decision_row_status (before) == status &&
      status != SAM_DECISION_STATUS_WITHDRAWN && status != SAM_DECISION_STATUS_SUPERSEDED)
    {
      _sam_store_refresh_decision (self, decision, uuid);
      return TRUE;
    }
  g_clear_pointer (&before, g_ptr_array_unref);

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_read_decision (self, uuid, what, &local_error);
  if (local_error == NULL)
    {
      current = _sam_decision_row_status (before);
      if (current == SAM_DECISION_STATUS_DRAFT)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("%s: it is not registered"), what);
      else if (current == SAM_DECISION_STATUS_WITHDRAWN || current == SAM_DECISION_STATUS_SUPERSEDED)
        g_set_error (&local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                     _("%s: it is withdrawn or superseded"), what);
    }
  if (local_error == NULL && reason != NULL)
    _sam_store_update_row (self, SAM_TABLE_DECISION, uuid, what, &local_error,
                           "status", sam_enum_get_nick (SAM_TYPE_DECISION_STATUS, status),
                           "withdrawn_reason", reason, NULL);
  else if (local_error == NULL)
    _sam_store_update_row (self, SAM_TABLE_DECISION, uuid, what, &local_error,
                           "status", sam_enum_get_nick (SAM_TYPE_DECISION_STATUS, status), NULL);
  if (local_error == NULL)
    _sam_store_audit_decision (self, action, uuid, before, NULL, &local_error);
  if (local_error == NULL)
    _sam_store_commit (self, &local_error);

  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  _sam_store_refresh_decision (self, decision, sam_decision_get_uuid (decision));
  _sam_store_changed (self, SAM_TABLE_DECISION);
  return TRUE;
}

/**
 * sam_store_withdraw_decision:
 * @self: a #SamStore
 * @decision: a registered decision
 * @reason: why it is withdrawn
 * @error: return location for a #GError
 *
 * Withdraws @decision: it stays in the register, with its number, wording
 * and @reason, and its status becomes “withdrawn”.
 *
 * Returns: whether @decision was withdrawn
 */
gboolean
sam_store_withdraw_decision (SamStore     *self,
                             SamDecision  *decision,
                             const char   *reason,
                             GError      **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (decision), FALSE);

  if (_sam_store_is_blank (reason))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("Say why the decision is withdrawn"));
      return FALSE;
    }

  return change_status (self, decision, "withdraw", SAM_DECISION_STATUS_WITHDRAWN, reason, error);
}

/**
 * sam_store_set_decision_status:
 * @self: a #SamStore
 * @decision: a registered decision
 * @status: decided, escalated, in implementation or implemented
 * @error: return location for a #GError
 *
 * Moves a registered decision along its life. A decision never goes back
 * to draft; withdrawing and superseding have functions of their own,
 * which record the reason and the correction.
 *
 * Returns: whether the status was changed
 */
gboolean
sam_store_set_decision_status (SamStore           *self,
                               SamDecision        *decision,
                               SamDecisionStatus   status,
                               GError            **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_DECISION (decision), FALSE);

  if (status == SAM_DECISION_STATUS_DRAFT || status == SAM_DECISION_STATUS_WITHDRAWN ||
      status == SAM_DECISION_STATUS_SUPERSEDED)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("A registered decision cannot be made “%s” directly"),
                   sam_decision_status_get_label (status));
      return FALSE;
    }

  return change_status (self, decision, "status", status, NULL, error);
}

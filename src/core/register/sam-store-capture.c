/* sam-store-capture.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

/* Debian's SQLite is built with the session extension; its declarations
 * are only visible with these defined. */
#define SQLITE_ENABLE_SESSION 1
#define SQLITE_ENABLE_PREUPDATE_HOOK 1

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/* Edits recorded as SQLite changesets, which SamUndo keeps and applies
 * backwards (undo) or forwards again (redo). */

struct _SamStoreCapture
{
  SamStore        *store;
  sqlite3_session *session;
};

/**
 * sam_store_capture_begin:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Starts recording the changes this connection makes to the register's
 * tables (not the audit log), with SQLite's session extension. Rows that
 * a delete removes by cascade are recorded too.
 *
 * Returns: (transfer full) (nullable): the recording
 */
SamStoreCapture *
sam_store_capture_begin (SamStore  *self,
                         GError   **error)
{
  g_autoptr(SamStoreCapture) capture = g_new0 (SamStoreCapture, 1);
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  capture->store = g_object_ref (self);
  rc = sqlite3session_create (self->db, "main", &capture->session);
  for (SamTable t = 0; rc == SQLITE_OK && t < SAM_N_TABLES; t++)
    rc = sqlite3session_attach (capture->session, sam_schema_table (t)->sql_name);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc, _("Changes cannot be recorded for undo"));
      return NULL;
    }

  return g_steal_pointer (&capture);
}

/**
 * sam_store_capture_end:
 * @capture: a recording
 *
 * Returns: (transfer full) (nullable): the changes recorded, or %NULL
 *   if there were none
 */
GBytes *
sam_store_capture_end (SamStoreCapture *capture)
{
  int n = 0;
  void *data = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (capture != NULL, NULL);

  if (capture->session != NULL && sqlite3session_changeset (capture->session, &n, &data) == SQLITE_OK && n > 0)
    bytes = g_bytes_new (data, n);
  sqlite3_free (data);
  g_clear_pointer (&capture->session, sqlite3session_delete);

  return bytes;
}

/**
 * sam_store_capture_free:
 * @capture: (transfer full): a recording
 *
 * Stops and frees @capture.
 */
void
sam_store_capture_free (SamStoreCapture *capture)
{
  if (capture == NULL)
    return;

  g_clear_pointer (&capture->session, sqlite3session_delete);
  g_clear_object (&capture->store);
  g_free (capture);
}

/* A row to delete that is gone already went by cascade with its parent,
 * earlier in the same changeset: nothing is lost by skipping it. Any other
 * conflict means the rows were edited since, and the whole step is refused. */
static int
refuse_conflict_cb (void                   *user_data,
                    int                     conflict,
                    sqlite3_changeset_iter *iter)
{
  const char *table = NULL;
  int n_columns = 0, op = 0, indirect = 0;

  sqlite3changeset_op (iter, &table, &n_columns, &op, &indirect);
  if (conflict == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
    return SQLITE_CHANGESET_OMIT;

  *(int *) user_data = conflict;
  return SQLITE_CHANGESET_ABORT;
}

/**
 * sam_store_apply_changeset:
 * @self: a #SamStore
 * @changeset: changes from sam_store_capture_end()
 * @invert: %TRUE to take the changes back (undo), %FALSE to make them
 *   again (redo)
 * @action: the audit log action, such as “undo”
 * @error: return location for a #GError
 *
 * Applies @changeset in one transaction with one audit log entry. If the
 * rows have changed since in a way that conflicts (someone else edited
 * them), nothing is applied and %SAM_STORE_ERROR_FAILED is returned.
 *
 * Returns: whether the changes were applied
 */
gboolean
sam_store_apply_changeset (SamStore    *self,
                           GBytes      *changeset,
                           gboolean     invert,
                           const char  *action,
                           GError     **error)
{
  gsize size = 0;
  const void *data;
  void *inverted = NULL;
  int n_inverted = 0;
  int conflict = 0;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (changeset != NULL, FALSE);

  data = g_bytes_get_data (changeset, &size);
  if (invert)
    {
      rc = sqlite3changeset_invert ((int) size, data, &n_inverted, &inverted);
      if (rc != SQLITE_OK)
        {
          _sam_store_set_error (self, error, rc, _("The change could not be undone"));
          return FALSE;
        }
      data = inverted;
      size = n_inverted;
    }

  if (!_sam_store_begin (self, error))
    {
      sqlite3_free (inverted);
      return FALSE;
    }

  rc = sqlite3changeset_apply (self->db, (int) size, (void *) data, NULL, refuse_conflict_cb, &conflict);
  sqlite3_free (inverted);
  if (rc != SQLITE_OK || conflict != 0)
    {
      g_debug ("Changeset not applied: rc %d, conflict %d", rc, conflict);
      _sam_store_rollback (self);
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                           invert ? _("The change could not be undone: the entries have been edited since")
                                  : _("The change could not be redone: the entries have been edited since"));
      return FALSE;
    }

  if (!_sam_store_audit (self, action, "register", NULL, NULL, NULL, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  _sam_store_changed (self, SAM_N_TABLES);
  return TRUE;
}

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

  list = _sam_store_query_models (self, table, "WHERE t.uuid = ?1", SAM_PARAMS (uuid), error);
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

  return _sam_store_query_models (self, SAM_TABLE_ORGANISATION, "ORDER BY t.name COLLATE sv, t.uuid", NULL, 0, error);
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

  return _sam_store_query_models (self, SAM_TABLE_PERSON, "ORDER BY t.name COLLATE sv, t.uuid", NULL, 0, error);
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

  return _sam_store_query_models (self, SAM_TABLE_GROUP, "ORDER BY t.name_key, t.uuid", NULL, 0, error);
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

  return _sam_store_query_models (self, SAM_TABLE_GROUP, "WHERE t.parent_id IS (SELECT id FROM grp WHERE uuid = ?1) "
                       "ORDER BY t.position, t.name_key, t.id", SAM_PARAMS (parent_uuid), error);
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

  return _sam_store_query_models (self, SAM_TABLE_ASSIGNMENT, "WHERE t.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                       "ORDER BY CASE t.role WHEN 'chair' THEN 0 WHEN 'coordinator' THEN 1 "
                       "WHEN 'contact_person' THEN 2 WHEN 'member' THEN 3 ELSE 4 END, "
                       "(SELECT name FROM person WHERE id = t.person_id) COLLATE sv, t.starts, t.uuid", SAM_PARAMS (group_uuid), error);
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

  return _sam_store_query_models (self, SAM_TABLE_ASSIGNMENT, "WHERE t.person_id = (SELECT id FROM person WHERE uuid = ?1) "
                       "ORDER BY t.starts DESC, t.uuid", SAM_PARAMS (person_uuid), error);
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

  list = _sam_store_query_models (self, SAM_TABLE_COMMISSION, "WHERE t.group_id = (SELECT id FROM grp WHERE uuid = ?1)", SAM_PARAMS (group_uuid), error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/* Saving and deleting */

/* The words a user recognises a row by: its name or title, else its UUID,
 * shown even when what was typed cannot be stored. */
static char *
item_label (SamTable   table,
            SamRecord *record)
{
  const SamTableInfo *info = sam_schema_table (table);
  const char *label = record->uuid != NULL ? record->uuid : "";

  for (guint c = 0; c < info->n_columns; c++)
    if ((strcmp (info->columns[c].column, "name") == 0 || strcmp (info->columns[c].column, "title") == 0) &&
        record->values[c] != NULL)
      label = record->values[c];

  return _sam_store_dup_printable (label);
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
 * cannot change (%SAM_STORE_ERROR_FIXED); its status can. A row that
 * breaks a rule of the register (see _sam_store_check_row()) is not
 * saved, and the message names the field. Saving an @item that equals
 * its stored row writes nothing and emits nothing.
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
  g_autofree char *label = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (G_IS_OBJECT (item), FALSE);
  table = _sam_model_table_for_type (G_OBJECT_TYPE (item));
  g_return_val_if_fail (table < SAM_N_TABLES, FALSE);

  record = _sam_model_get_record (item);
  label = item_label (table, record);
  what = g_strdup_printf (_("The %s “%s” could not be saved"), _sam_store_table_label (table), label);

  /* Saving what is stored already writes nothing and tells no one, so a
   * view that saves what it was just shown cannot loop on its refresh. */
  if (record->uuid != NULL)
    {
      gint64 id = 0;

      before = _sam_store_dup_row (self, table, record->uuid, &id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (before != NULL &&
          _sam_store_values_equal (self, table, (const char * const *) before->pdata,
                                   (const char * const *) record->values))
        {
          _sam_model_update (item, id, record->uuid, (const char * const *) before->pdata);
          return TRUE;
        }
      g_clear_pointer (&before, g_ptr_array_unref);
    }
  uuid = record->uuid != NULL ? g_strdup (record->uuid) : g_uuid_string_random ();

  if (!_sam_store_begin (self, error))
    return FALSE;

  before = _sam_store_dup_row (self, table, uuid, NULL, &local_error);
  if (local_error == NULL)
    _sam_store_write_values (self, table, uuid, (const char * const *) record->values, before != NULL, what, &local_error);
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
 * %SAM_STORE_ERROR_FIXED. A deleted person's name, job title, e-mail and
 * phone are cleared from the audit log, this deletion's entry included.
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
  g_autofree char *label = NULL;
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
  label = item_label (table, record);
  what = g_strdup_printf (_("The %s “%s” could not be deleted"), _sam_store_table_label (table), label);

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

  /* A person who leaves the register leaves the audit log too: the entry
   * says that a person was deleted, not who. */
  if (table == SAM_TABLE_PERSON)
    _sam_store_forget_person (before);
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


/* sam-store-people.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-rules.h"
#include "sam-store-private.h"
#include "sam-store-structure.h"

/*
 * The structure's roles and people: checking an assignment before it is
 * saved, ending a term, the terms that end soon, finding and merging
 * people, and the home organisation of each role holder.
 */

/**
 * sam_store_validate_assignment:
 * @self: a #SamStore
 * @assignment: an assignment about to be saved
 * @error: return location for a #GError
 *
 * Checks that it names a person and a group and that its term is made
 * of real dates and does not end before it starts.
 *
 * Returns: whether @assignment may be saved
 */
gboolean
sam_store_validate_assignment (SamStore       *self,
                               SamAssignment  *assignment,
                               GError        **error)
{
  const char *starts = sam_assignment_get_starts (assignment);
  const char *ends = sam_assignment_get_ends (assignment);

  g_return_val_if_fail (SAM_IS_ASSIGNMENT (assignment), FALSE);

  if (sam_assignment_get_person_uuid (assignment) == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("Choose the person who holds the role"));
      return FALSE;
    }
  if (sam_assignment_get_group_uuid (assignment) == NULL)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("Choose the group of the role"));
      return FALSE;
    }
  if (!_sam_store_check_date (starts, _("From"), error) || !_sam_store_check_date (ends, _("To"), error))
    return FALSE;
  if (starts != NULL && ends != NULL && strcmp (ends, starts) < 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("The term cannot end before it starts"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_end_assignment:
 * @self: a #SamStore
 * @assignment: a saved assignment
 * @date: the last day of the term, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Ends a term. Until a successor starts, the holder stays in office
 * (see sam_roles_tenure()).
 *
 * Returns: whether the term was ended
 */
gboolean
sam_store_end_assignment (SamStore       *self,
                          SamAssignment  *assignment,
                          const char     *date,
                          GError        **error)
{
  g_autoptr(SamAssignment) copy = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (assignment), FALSE);

  copy = sam_store_dup_by_uuid (self, SAM_TYPE_ASSIGNMENT, sam_assignment_get_uuid (assignment), error);
  if (copy == NULL)
    return FALSE;
  g_object_set (copy, "ends", date, NULL);
  if (!sam_store_validate_assignment (self, copy, error) || !sam_store_save (self, copy, error))
    return FALSE;

  _sam_model_update (assignment, sam_assignment_get_id (copy), sam_assignment_get_uuid (copy),
                     (const char * const *) _sam_model_get_record (copy)->values);
  return TRUE;
}

/**
 * sam_store_dup_home_organisations:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): person
 *   UUID → home organisation UUID, for sam_roles_represented()
 */
GHashTable *
sam_store_dup_home_organisations (SamStore  *self,
                                  GError   **error)
{
  g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  stmt = _sam_store_prepare (self,
                             "SELECT p.uuid, o.uuid FROM person p JOIN organisation o ON o.id = p.organisation_id",
                             error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (table, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&table);
}

/**
 * sam_store_list_assignments_ending:
 * @self: a #SamStore
 * @until: the last day, YYYY-MM-DD
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every #SamAssignment whose term
 *   ends on or before @until, by end date
 */
GListModel *
sam_store_list_assignments_ending (SamStore    *self,
                                   const char  *until,
                                   GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_models (self, SAM_TABLE_ASSIGNMENT, "WHERE t.ends IS NOT NULL AND t.ends <= ?1 ORDER BY t.ends, t.uuid", SAM_PARAMS (until), error);
}

/**
 * sam_store_list_assignments:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): every #SamAssignment of the
 *   register, grouped by group
 */
GListModel *
sam_store_list_assignments (SamStore  *self,
                            GError   **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_models (self, SAM_TABLE_ASSIGNMENT, "ORDER BY t.group_id, t.starts, t.uuid", NULL, 0, error);
}

/**
 * sam_store_find_person_by_name:
 * @self: a #SamStore
 * @name: a name as typed
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the first person (by UUID) with
 *   exactly @name, else one whose name differs only in ASCII case, or
 *   %NULL (@error is only set on failure)
 */
SamPerson *
sam_store_find_person_by_name (SamStore    *self,
                               const char  *name,
                               GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  list = _sam_store_query_models (self, SAM_TABLE_PERSON, "WHERE t.name = ?1 COLLATE NOCASE ORDER BY t.name = ?1 DESC, t.uuid LIMIT 1", SAM_PARAMS (name), error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/**
 * sam_store_find_organisation:
 * @self: a #SamStore
 * @name: a name or short name as typed
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the organisation with @name as its
 *   name or short name (ASCII case ignored), or %NULL
 */
SamOrganisation *
sam_store_find_organisation (SamStore    *self,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  list = _sam_store_query_models (self, SAM_TABLE_ORGANISATION, "WHERE t.name = ?1 COLLATE NOCASE OR t.short_name = ?1 COLLATE NOCASE "
                                  "ORDER BY t.name = ?1 DESC, t.uuid LIMIT 1", SAM_PARAMS (name), error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/**
 * sam_store_merge_people:
 * @self: a #SamStore
 * @keep_uuid: the person to keep
 * @duplicate_uuid: the same person entered twice
 * @error: return location for a #GError
 *
 * Moves the duplicate's roles and attendance to the person kept, fills in
 * what the kept entry lacks (title, e-mail, phone, organisation) from the
 * duplicate, and deletes the duplicate, in one transaction. The audit log
 * forgets the duplicate's name, e-mail and phone.
 *
 * Returns: whether the two are one
 */
gboolean
sam_store_merge_people (SamStore    *self,
                        const char  *keep_uuid,
                        const char  *duplicate_uuid,
                        GError     **error)
{
  static const char *statements[] = {
    "DELETE FROM attendance WHERE person_id = (SELECT id FROM person WHERE uuid = ?2) "
    "AND meeting_id IN (SELECT meeting_id FROM attendance WHERE person_id = (SELECT id FROM person WHERE uuid = ?1))",
    "UPDATE attendance SET person_id = (SELECT id FROM person WHERE uuid = ?1) "
    "WHERE person_id = (SELECT id FROM person WHERE uuid = ?2)",
    "UPDATE attendance SET substitute_for_id = (SELECT id FROM person WHERE uuid = ?1) "
    "WHERE substitute_for_id = (SELECT id FROM person WHERE uuid = ?2)",
    "UPDATE assignment SET person_id = (SELECT id FROM person WHERE uuid = ?1) "
    "WHERE person_id = (SELECT id FROM person WHERE uuid = ?2)",
  };
  static const char * const filled[] = { "title", "email", "phone", "organisation_id" };
  g_autofree char *before = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GPtrArray) kept = NULL;
  g_autoptr(GPtrArray) duplicate = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (keep_uuid != NULL && duplicate_uuid != NULL, FALSE);

  what = g_strdup (_("The people could not be merged"));
  if (g_strcmp0 (keep_uuid, duplicate_uuid) == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("%s: choose two different people"), what);
      return FALSE;
    }

  if (!_sam_store_begin (self, error))
    return FALSE;

  duplicate = _sam_store_dup_row (self, SAM_TABLE_PERSON, duplicate_uuid, NULL, NULL);
  if (duplicate == NULL || _sam_store_query_int (self, "SELECT count (*) FROM person WHERE uuid = ?1", SAM_PARAMS (keep_uuid), NULL) != 1)
    {
      _sam_store_rollback (self);
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("%s: one of them is not in the register"), what);
      return FALSE;
    }

  /* The roles and attendance only change whom they point to. */
  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    if (!_sam_store_run (self, statements[i], SAM_PARAMS (keep_uuid, duplicate_uuid), what, error))
      {
        _sam_store_rollback (self);
        return FALSE;
      }

  /* The person kept takes what it lacks from the duplicate, through the
   * store's rules like any edit of a person. */
  kept = _sam_store_dup_row (self, SAM_TABLE_PERSON, keep_uuid, NULL, &local_error);
  if (local_error == NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (filled); i++)
        {
          int c = _sam_store_column_index (SAM_TABLE_PERSON, filled[i]);

          if (kept->pdata[c] == NULL)
            kept->pdata[c] = g_strdup (duplicate->pdata[c]);
        }
      _sam_store_write_values (self, SAM_TABLE_PERSON, keep_uuid, (const char * const *) kept->pdata, TRUE, what,
                               &local_error);
    }
  if (local_error == NULL)
    _sam_store_run (self, "DELETE FROM person WHERE uuid = ?1", SAM_PARAMS (duplicate_uuid), what, &local_error);
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  /* The duplicate leaves the register: the entry keeps what was merged,
   * not the name, e-mail or phone it had. */
  _sam_store_forget_person (duplicate);
  before = _sam_store_row_json (SAM_TABLE_PERSON, duplicate_uuid, (const char * const *) duplicate->pdata);

  if (!_sam_store_audit (self, "merge", "person", keep_uuid, before, NULL, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  _sam_store_changed (self, SAM_N_TABLES);
  return TRUE;
}

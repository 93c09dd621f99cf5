/* sam-store-structure.c
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

/* Helpers */

static const char *
group_label (SamStore   *self,
             const char *group_uuid,
             char      **owned)
{
  g_autoptr(GPtrArray) row = _sam_store_dup_row (self, SAM_TABLE_GROUP, group_uuid, NULL, NULL);

  *owned = row != NULL ? g_strdup (g_ptr_array_index (row, _sam_store_column_index (SAM_TABLE_GROUP, "name"))) : NULL;
  return *owned != NULL ? *owned : group_uuid;
}

/**
 * sam_relation_free:
 * @relation: (transfer full): a relation
 *
 * Frees @relation.
 */
void
sam_relation_free (SamRelation *relation)
{
  if (relation == NULL)
    return;

  g_free (relation->uuid);
  g_free (relation->from_uuid);
  g_free (relation->to_uuid);
  g_free (relation);
}

/* Groups */

/**
 * sam_store_validate_group:
 * @self: a #SamStore
 * @group: a group about to be saved
 * @error: return location for a #GError
 *
 * Checks what a user could get wrong before @group is saved: an empty
 * name, a short code another group has, dates that are not dates, or a
 * group dissolved before it was established. The message says what to
 * fix, for an inline message beside the field.
 *
 * Returns: whether @group may be saved
 */
gboolean
sam_store_validate_group (SamStore  *self,
                          SamGroup  *group,
                          GError   **error)
{
  const char *name = sam_group_get_name (group);
  const char *code = sam_group_get_code (group);
  const char *established = sam_group_get_established (group);
  const char *dissolved = sam_group_get_dissolved (group);

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (SAM_IS_GROUP (group), FALSE);

  if (_sam_store_is_blank (name))
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("The group needs a name"));
      return FALSE;
    }

  if (code != NULL)
    {
      g_autoptr(SamGroup) other = sam_store_find_group_by_code (self, code, NULL);

      if (other != NULL && g_strcmp0 (sam_group_get_uuid (other), sam_group_get_uuid (group)) != 0)
        {
          g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE,
                       _("The short code “%s” is already used by “%s”"), code, sam_group_get_name (other));
          return FALSE;
        }
    }

  if (!_sam_store_check_date (established, _("Established"), error) || !_sam_store_check_date (dissolved, _("Dissolved"), error))
    return FALSE;

  if (established != NULL && dissolved != NULL && strcmp (dissolved, established) < 0)
    {
      g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                           _("A group cannot be dissolved before it was established"));
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_find_group_by_code:
 * @self: a #SamStore
 * @code: a short code, such as “AOI”
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the group with @code, or %NULL if
 *   there is none (@error is only set on failure)
 */
SamGroup *
sam_store_find_group_by_code (SamStore    *self,
                             const char  *code,
                             GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (code != NULL, NULL);

  list = _sam_store_query_models (self, SAM_TABLE_GROUP, "WHERE t.code = ?1", SAM_PARAMS (code), error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/**
 * sam_store_list_groups_of_kind:
 * @self: a #SamStore
 * @kind: a kind of group
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamGroup list of that kind,
 *   sorted by name
 */
GListModel *
sam_store_list_groups_of_kind (SamStore      *self,
                               SamGroupKind   kind,
                               GError       **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_models (self, SAM_TABLE_GROUP, "WHERE t.kind = ?1 ORDER BY t.name_key, t.uuid", SAM_PARAMS (sam_enum_get_nick (SAM_TYPE_GROUP_KIND, kind)), error);
}

/* The generic SELECT of a group (the columns in descriptor order, so
 * _sam_store_object_from_row() reads it), followed by whether the group
 * has subgroups. Built once: the schema is the same for every store. */
static const char *
child_groups_sql (void)
{
  static gsize sql = 0;

  if (g_once_init_enter (&sql))
    {
      const SamTableInfo *info = sam_schema_table (SAM_TABLE_GROUP);
      g_autoptr(GString) text = g_string_new ("SELECT t.id, t.uuid");
      g_autofree char *table = _sam_store_quote_identifier (info->sql_name);

      for (guint c = 0; c < info->n_columns; c++)
        {
          g_autofree char *column = _sam_store_quote_identifier (info->columns[c].column);

          if (info->columns[c].type == SAM_COLUMN_REF)
            {
              g_autofree char *ref = _sam_store_quote_identifier (sam_schema_table (info->columns[c].ref_table)->sql_name);

              g_string_append_printf (text, ", (SELECT r.uuid FROM %s r WHERE r.id = t.%s)", ref, column);
            }
          else
            g_string_append_printf (text, ", t.%s", column);
        }
      /* grp_parent (parent_id, position, name_key) answers the EXISTS and
       * the WHERE, and gives the order without a sort. */
      g_string_append_printf (text,
                              ", EXISTS (SELECT 1 FROM %s c WHERE c.parent_id = t.id) "
                              "FROM %s t WHERE t.parent_id IS (SELECT id FROM %s WHERE uuid = ?1) "
                              "ORDER BY t.position, t.name_key, t.id",
                              table, table, table);
      g_once_init_leave (&sql, (gsize) g_string_free (g_steal_pointer (&text), FALSE));
    }

  return (const char *) sql;
}

/**
 * sam_store_list_child_groups_marked:
 * @self: a #SamStore
 * @parent_uuid: (nullable): a group, or %NULL for the top of the tree
 * @parents: (element-type utf8 utf8): a set of group UUIDs
 * @error: return location for a #GError
 *
 * Lists the children of a group in the tree, as
 * sam_store_list_child_groups() does, and says in the same query which of
 * them have children of their own: those are added to @parents, the
 * others removed from it. A tree can then show a leaf without asking
 * the register for its (empty) list of children.
 *
 * Returns: (transfer full) (nullable): the #SamGroup list, by position,
 *   then name
 */
GListModel *
sam_store_list_child_groups_marked (SamStore    *self,
                                    const char  *parent_uuid,
                                    GHashTable  *parents,
                                    GError     **error)
{
  const SamTableInfo *info = sam_schema_table (SAM_TABLE_GROUP);
  g_autoptr(GListStore) list = g_list_store_new (SAM_TYPE_GROUP);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (parents != NULL, NULL);

  if ((stmt = _sam_store_prepare (self, child_groups_sql (), error)) == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, parent_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamGroup *group = _sam_store_object_from_row (self, stmt, SAM_TABLE_GROUP);

      if (sqlite3_column_int (stmt, info->n_columns + 2) != 0)
        g_hash_table_add (parents, g_strdup (sam_group_get_uuid (group)));
      else
        g_hash_table_remove (parents, sam_group_get_uuid (group));
      g_ptr_array_add (items, group);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  g_list_store_splice (list, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (g_steal_pointer (&list));
}

/**
 * sam_store_dup_group_references:
 * @self: a #SamStore
 * @group_uuid: a group
 * @error: return location for a #GError
 *
 * Says what keeps a group from being deleted: its subgroups, the decisions
 * and meetings that name it, relations and escalations that lead to it.
 * Its commission, seats, roles and its own relations are not in the way:
 * they go with it.
 *
 * Returns: (transfer full) (nullable): a translated list such as
 *   “2 subgroups, 3 decisions”, or %NULL if nothing refers to it
 */
char *
sam_store_dup_group_references (SamStore    *self,
                                const char  *group_uuid,
                                GError     **error)
{
  static const char *queries[] = {
    "SELECT count (*) FROM grp WHERE parent_id = (SELECT id FROM grp WHERE uuid = ?1)",
    "SELECT count (*) FROM decision WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1)",
    "SELECT count (*) FROM meeting_group WHERE group_id = (SELECT id FROM grp WHERE uuid = ?1)",
    "SELECT count (*) FROM group_relation WHERE to_group_id = (SELECT id FROM grp WHERE uuid = ?1)",
    "SELECT count (*) FROM escalation WHERE to_group_id = (SELECT id FROM grp WHERE uuid = ?1)",
  };
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    {
      gint64 count = _sam_store_query_int (self, queries[i], SAM_PARAMS (group_uuid), error);
      guint n = (guint) count;

      if (count < 0)
        return NULL;
      if (count == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      switch (i)
        {
        case 0:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u subgroup", "%u subgroups", n), n);
          break;
        case 1:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u decision", "%u decisions", n), n);
          break;
        case 2:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u meeting", "%u meetings", n), n);
          break;
        case 3:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u group that reports or escalates to it",
                                                     "%u groups that report or escalate to it", n), n);
          break;
        default:
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u escalated decision",
                                                     "%u escalated decisions", n), n);
          break;
        }
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/**
 * sam_store_delete_group:
 * @self: a #SamStore
 * @group_uuid: a group
 * @error: return location for a #GError
 *
 * Deletes a group with its commission, seats, roles and the relations it
 * has to others, in one transaction. A group that something else refers
 * to is refused with %SAM_STORE_ERROR_IN_USE and a message that says what
 * (see sam_store_dup_group_references()); dissolve it instead.
 *
 * Returns: whether the group is gone
 */
gboolean
sam_store_delete_group (SamStore    *self,
                        const char  *group_uuid,
                        GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *references = NULL;
  g_autofree char *before = NULL;
  g_autofree char *what = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (group_uuid != NULL, FALSE);

  if (!_sam_store_begin (self, error))
    return FALSE;

  group_label (self, group_uuid, &name);
  before = _sam_store_dup_row_json (self, SAM_TABLE_GROUP, group_uuid);
  if (before == NULL)
    {
      _sam_store_rollback (self);
      return TRUE;
    }

  references = sam_store_dup_group_references (self, group_uuid, &local_error);
  if (local_error != NULL)
    {
      _sam_store_rollback (self);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (references != NULL)
    {
      _sam_store_rollback (self);
      /* Translators: the second %s lists what refers to the group, such as
       * “2 subgroups, 3 decisions” */
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                   _("“%s” cannot be deleted while other entries refer to it (%s). Dissolve it instead to keep its history."),
                   name, references);
      return FALSE;
    }

  what = g_strdup_printf (_("The group “%s” could not be deleted"), name);
  if (!_sam_store_run (self, "DELETE FROM grp WHERE uuid = ?1", SAM_PARAMS (group_uuid), what, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (!_sam_store_audit (self, "delete", "group", group_uuid, before, NULL, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  _sam_store_changed (self, SAM_N_TABLES);
  return TRUE;
}

/**
 * sam_store_move_group:
 * @self: a #SamStore
 * @group_uuid: a group
 * @parent_uuid: (nullable): its new parent, or %NULL for the top of the tree
 * @error: return location for a #GError
 *
 * Moves a group, with everything under it, to the end of another group's
 * children. Moving a group under itself or under one of its own subgroups
 * is refused with %SAM_STORE_ERROR_INVALID.
 *
 * Returns: whether the group was moved
 */
gboolean
sam_store_move_group (SamStore    *self,
                      const char  *group_uuid,
                      const char  *parent_uuid,
                      GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *what = NULL;
  g_autofree char *position = NULL;
  g_autoptr(GPtrArray) current = NULL;
  gint64 last;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (group_uuid != NULL, FALSE);

  /* A group moved to where it is stays where it is among its siblings:
   * nothing is written and no view is told. */
  current = _sam_store_dup_row (self, SAM_TABLE_GROUP, group_uuid, NULL, NULL);
  if (current != NULL &&
      g_strcmp0 (g_ptr_array_index (current, _sam_store_column_index (SAM_TABLE_GROUP, "parent_id")), parent_uuid) == 0)
    return TRUE;

  if (!_sam_store_begin (self, error))
    return FALSE;

  group_label (self, group_uuid, &name);
  what = g_strdup_printf (_("The group “%s” could not be moved"), name);
  before = _sam_store_dup_row_json (self, SAM_TABLE_GROUP, group_uuid);
  if (before == NULL)
    {
      _sam_store_rollback (self);
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("%s: it is not in the register"), what);
      return FALSE;
    }

  if (parent_uuid != NULL &&
      _sam_store_query_int (self, "SELECT count (*) FROM grp WHERE uuid = ?1", SAM_PARAMS (parent_uuid), error) != 1)
    {
      _sam_store_rollback (self);
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE, _("%s: the new parent is not in the register"), what);
      return FALSE;
    }

  /* Last among its new siblings. The write refuses a place under the
   * group itself or one of its subgroups, as every edit of a group does. */
  last = _sam_store_query_int (self, "SELECT coalesce (max (position), -1) + 1 FROM grp "
                               "WHERE parent_id IS (SELECT id FROM grp WHERE uuid = ?2) AND uuid <> ?1",
                               SAM_PARAMS (group_uuid, parent_uuid), error);
  if (last < 0)
    {
      _sam_store_rollback (self);
      return FALSE;
    }
  position = g_strdup_printf ("%" G_GINT64_FORMAT, last);
  if (!_sam_store_update_row (self, SAM_TABLE_GROUP, group_uuid, what, error,
                              "parent_id", parent_uuid, "position", position, NULL))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  after = _sam_store_dup_row_json (self, SAM_TABLE_GROUP, group_uuid);
  return _sam_store_finish_change (self, SAM_TABLE_GROUP, "move", group_uuid, before, after, error);
}

/**
 * sam_store_dissolve_group:
 * @self: a #SamStore
 * @group_uuid: a group
 * @date: (nullable): the day it was dissolved, YYYY-MM-DD, or %NULL to
 *   take it up again
 * @error: return location for a #GError
 *
 * Marks a group as dissolved. Its history (roles, meetings, decisions)
 * stays in the register.
 *
 * Returns: whether the group was changed
 */
gboolean
sam_store_dissolve_group (SamStore    *self,
                          const char  *group_uuid,
                          const char  *date,
                          GError     **error)
{
  g_autoptr(SamGroup) group = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (group_uuid != NULL, FALSE);

  group = sam_store_dup_by_uuid (self, SAM_TYPE_GROUP, group_uuid, error);
  if (group == NULL)
    return FALSE;

  g_object_set (group, "dissolved", date, NULL);
  if (!sam_store_validate_group (self, group, error))
    return FALSE;

  return sam_store_save (self, group, error);
}

/* Commissions, seats and relations */

/**
 * sam_store_validate_commission:
 * @self: a #SamStore
 * @commission: a commission about to be saved
 * @error: return location for a #GError
 *
 * Checks the dates and that the least number of meetings a year is not
 * above the most.
 *
 * Returns: whether @commission may be saved
 */
gboolean
sam_store_validate_commission (SamStore       *self,
                               SamCommission  *commission,
                               GError        **error)
{
  int min = sam_commission_get_min_meetings (commission);
  int max = sam_commission_get_max_meetings (commission);

  g_return_val_if_fail (SAM_IS_COMMISSION (commission), FALSE);

  if (!_sam_store_check_date (sam_commission_get_dated (commission), _("Dated"), error) ||
      !_sam_store_check_date (_sam_model_get_string (commission, "decided"), _("Decided"), error))
    return FALSE;

  if (min >= 0 && max >= 0 && min > max)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                   _("At least %d meetings a year is more than the most, %d"), min, max);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_list_seats:
 * @self: a #SamStore
 * @group_uuid: a group
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamSeat) (nullable): the seats
 *   the group's commission gives, by organisation name; empty if it has
 *   no commission
 */
GPtrArray *
sam_store_list_seats (SamStore    *self,
                      const char  *group_uuid,
                      GError     **error)
{
  g_autoptr(GPtrArray) seats = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_seat_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  stmt = _sam_store_prepare (self,
                             "SELECT s.uuid, o.uuid, s.seats FROM commission_seat s "
                             "JOIN commission c ON c.id = s.commission_id "
                             "JOIN organisation o ON o.id = s.organisation_id "
                             "WHERE c.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                             "ORDER BY o.name COLLATE sv, s.uuid", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamSeat *seat = g_new0 (SamSeat, 1);

      seat->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      seat->organisation_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      seat->seats = (guint) sqlite3_column_int (stmt, 2);
      g_ptr_array_add (seats, seat);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&seats);
}

/**
 * sam_store_dup_group_names:
 * @self: a #SamStore
 * @group_uuid: a group
 * @home_organisations: (out) (optional) (transfer full) (element-type utf8 utf8):
 *   return location for person UUID → organisation UUID of the group's
 *   role holders who belong to an organisation, for sam_roles_represented()
 * @error: return location for a #GError
 *
 * Reads in one statement the names the details of a group show: of the
 * people who hold or held its roles, of the organisations they represent
 * or belong to, and of the organisations its commission gives seats. One
 * query per group instead of one per row keeps showing a group quick.
 *
 * Returns: (transfer full) (element-type utf8 utf8) (nullable): UUID →
 *   name of each person and organisation, or %NULL on failure
 */
GHashTable *
sam_store_dup_group_names (SamStore     *self,
                           const char   *group_uuid,
                           GHashTable  **home_organisations,
                           GError      **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GHashTable) home = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  /* Each row: a UUID and its name, and for a person the UUID and name of
   * the organisation they belong to. */
  stmt = _sam_store_prepare (self,
                             "WITH g AS (SELECT id FROM grp WHERE uuid = ?1) "
                             "SELECT p.uuid, p.name, o.uuid, o.name FROM assignment a "
                             "JOIN person p ON p.id = a.person_id "
                             "LEFT JOIN organisation o ON o.id = p.organisation_id "
                             "WHERE a.group_id = (SELECT id FROM g) "
                             "UNION ALL "
                             "SELECT o.uuid, o.name, NULL, NULL FROM assignment a "
                             "JOIN organisation o ON o.id = a.organisation_id "
                             "WHERE a.group_id = (SELECT id FROM g) "
                             "UNION ALL "
                             "SELECT o.uuid, o.name, NULL, NULL FROM commission_seat s "
                             "JOIN commission c ON c.id = s.commission_id "
                             "JOIN organisation o ON o.id = s.organisation_id "
                             "WHERE c.group_id = (SELECT id FROM g)", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *organisation = (const char *) sqlite3_column_text (stmt, 2);

      if (!g_hash_table_contains (names, uuid))
        g_hash_table_insert (names, g_strdup (uuid), g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
      if (organisation != NULL)
        {
          if (!g_hash_table_contains (names, organisation))
            g_hash_table_insert (names, g_strdup (organisation), g_strdup ((const char *) sqlite3_column_text (stmt, 3)));
          if (!g_hash_table_contains (home, uuid))
            g_hash_table_insert (home, g_strdup (uuid), g_strdup (organisation));
        }
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  if (home_organisations != NULL)
    *home_organisations = g_steal_pointer (&home);
  return g_steal_pointer (&names);
}

/**
 * sam_store_set_seats:
 * @self: a #SamStore
 * @group_uuid: a group with a commission
 * @organisation_uuid: the organisation whose head appoints
 * @seats: how many members it appoints; 0 removes the seat
 * @error: return location for a #GError
 *
 * Says in the group's commission how many members an organisation
 * appoints. A group without a commission gets an empty one.
 *
 * Returns: whether the seats were saved
 */
gboolean
sam_store_set_seats (SamStore    *self,
                     const char  *group_uuid,
                     const char  *organisation_uuid,
                     guint        seats,
                     GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *count = g_strdup_printf ("%u", seats);
  g_autofree char *seat_uuid = NULL;
  g_autofree char *commission_uuid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) local_error = NULL;
  g_auto(GStrv) found = NULL;
  const char *seat_sql = "SELECT s.uuid, s.seats FROM commission_seat s JOIN commission c ON c.id = s.commission_id "
                         "WHERE c.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                         "AND s.organisation_id = (SELECT id FROM organisation WHERE uuid = ?2)";

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (group_uuid != NULL && organisation_uuid != NULL, FALSE);

  /* The seats it has already: nothing to write, and no one to tell. */
  if (_sam_store_query_int (self, "SELECT coalesce ((SELECT s.seats FROM commission_seat s "
                            "JOIN commission c ON c.id = s.commission_id "
                            "WHERE c.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                            "AND s.organisation_id = (SELECT id FROM organisation WHERE uuid = ?2)), 0)",
                            SAM_PARAMS (group_uuid, organisation_uuid), NULL) == seats)
    return TRUE;

  if (!_sam_store_begin (self, error))
    return FALSE;

  group_label (self, group_uuid, &name);
  what = g_strdup_printf (_("The seats of “%s” could not be saved"), name);

  found = _sam_store_query_strings (self, "SELECT c.uuid FROM commission c WHERE c.group_id = (SELECT id FROM grp WHERE uuid = ?1)",
                                    SAM_PARAMS (group_uuid), &local_error);
  if (found != NULL && found[0] != NULL)
    commission_uuid = g_strdup (found[0]);
  else if (local_error == NULL)
    {
      const SamTableInfo *info = sam_schema_table (SAM_TABLE_COMMISSION);
      g_autofree const char **values = g_new0 (const char *, info->n_columns + 1);

      commission_uuid = g_uuid_string_random ();
      values[_sam_store_column_index (SAM_TABLE_COMMISSION, "group_id")] = group_uuid;
      _sam_store_write_values (self, SAM_TABLE_COMMISSION, commission_uuid, values, FALSE, what, &local_error);
    }
  g_clear_pointer (&found, g_strfreev);

  if (local_error == NULL)
    found = _sam_store_query_strings (self, seat_sql, SAM_PARAMS (group_uuid, organisation_uuid), &local_error);
  if (found != NULL && found[0] != NULL)
    {
      seat_uuid = g_strdup (found[0]);
      before = _sam_store_dup_row_json (self, SAM_TABLE_COMMISSION_SEAT, seat_uuid);
    }

  if (local_error == NULL && seat_uuid != NULL && seats == 0)
    _sam_store_delete_row (self, SAM_TABLE_COMMISSION_SEAT, seat_uuid, &local_error);
  else if (local_error == NULL && seat_uuid != NULL)
    _sam_store_update_row (self, SAM_TABLE_COMMISSION_SEAT, seat_uuid, what, &local_error, "seats", count, NULL);
  else if (local_error == NULL)
    {
      const char *values[] = { commission_uuid, organisation_uuid, count, NULL };

      seat_uuid = g_uuid_string_random ();
      _sam_store_write_values (self, SAM_TABLE_COMMISSION_SEAT, seat_uuid, values, FALSE, what, &local_error);
    }
  if (local_error != NULL)
    return _sam_store_fail (self, error, g_steal_pointer (&local_error));

  after = seats > 0 ? _sam_store_dup_row_json (self, SAM_TABLE_COMMISSION_SEAT, seat_uuid) : NULL;
  if (!_sam_store_audit (self, seats > 0 ? (before != NULL ? "update" : "insert") : "delete", "seat",
                         seat_uuid, before, after, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  _sam_store_changed (self, SAM_TABLE_COMMISSION_SEAT);
  return TRUE;
}

/**
 * sam_store_list_relations:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every relation
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type SamRelation) (nullable): the
 *   relations from or to the group
 */
GPtrArray *
sam_store_list_relations (SamStore    *self,
                          const char  *group_uuid,
                          GError     **error)
{
  g_autoptr(GPtrArray) relations = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_relation_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  stmt = _sam_store_prepare (self,
                             "SELECT r.uuid, f.uuid, t.uuid, r.kind FROM group_relation r "
                             "JOIN grp f ON f.id = r.from_group_id JOIN grp t ON t.id = r.to_group_id "
                             "WHERE ?1 IS NULL OR f.uuid = ?1 OR t.uuid = ?1 ORDER BY r.id", error);
  if (stmt == NULL)
    return NULL;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      SamRelation *relation = g_new0 (SamRelation, 1);
      int kind = 0;

      relation->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      relation->from_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      relation->to_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      sam_enum_from_nick (SAM_TYPE_RELATION_KIND, (const char *) sqlite3_column_text (stmt, 3), &kind);
      relation->kind = kind;
      g_ptr_array_add (relations, relation);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return NULL;

  return g_steal_pointer (&relations);
}

/**
 * sam_store_set_reports_to:
 * @self: a #SamStore
 * @group_uuid: a group, such as a regional process team
 * @to_uuid: (nullable): the group it reports to, or %NULL for none
 * @error: return location for a #GError
 *
 * Replaces the group's “reports to” relations by one to @to_uuid.
 *
 * Returns: whether the relation was saved
 */
gboolean
sam_store_set_reports_to (SamStore    *self,
                          const char  *group_uuid,
                          const char  *to_uuid,
                          GError     **error)
{
  g_autofree char *name = NULL;
  g_autofree char *what = NULL;
  g_autofree char *relation_uuid = g_uuid_string_random ();
  g_auto(GStrv) current = NULL;
  const char *values[] = { group_uuid, to_uuid, "reports_to", NULL };

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (group_uuid != NULL, FALSE);

  /* Whom it reports to already: nothing to write, and no one to tell, so
   * a view that sets what it shows cannot loop on its own refresh. */
  current = _sam_store_query_strings (self, "SELECT t.uuid FROM group_relation r JOIN grp t ON t.id = r.to_group_id "
                                      "WHERE r.kind = 'reports_to' AND r.from_group_id = (SELECT id FROM grp WHERE uuid = ?1)",
                                      SAM_PARAMS (group_uuid), NULL);
  if (current != NULL &&
      ((to_uuid == NULL && current[0] == NULL) ||
       (to_uuid != NULL && current[0] != NULL && current[1] == NULL && strcmp (current[0], to_uuid) == 0)))
    return TRUE;

  if (!_sam_store_begin (self, error))
    return FALSE;

  group_label (self, group_uuid, &name);
  what = g_strdup_printf (_("Whom “%s” reports to could not be saved"), name);
  if (!_sam_store_run (self, "DELETE FROM group_relation WHERE kind = 'reports_to' "
                       "AND from_group_id = (SELECT id FROM grp WHERE uuid = ?1)", SAM_PARAMS (group_uuid), what, error) ||
      (to_uuid != NULL &&
       !_sam_store_write_values (self, SAM_TABLE_GROUP_RELATION, relation_uuid, values, FALSE, what, error)))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  if (!_sam_store_audit (self, "reports-to", "group", group_uuid, NULL, to_uuid, error) ||
      !_sam_store_commit (self, error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  _sam_store_changed (self, SAM_TABLE_GROUP_RELATION);
  return TRUE;
}

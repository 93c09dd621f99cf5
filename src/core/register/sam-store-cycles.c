/* sam-store-cycles.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/*
 * Circles after an import: no group under its own subgroup, no decision
 * superseding one that supersedes it, no relations of one kind that lead
 * back (see sam-store-rules.c for the rules of a single row). An import's
 * rows come in any order, so the circles are looked for once all are in.
 */

typedef struct
{
  gint64 id;
  gint64 target;
} Link;

static int
compare_link_to_id (gconstpointer key,
                    gconstpointer element)
{
  gint64 id = *(const gint64 *) key;
  gint64 other = ((const Link *) element)->id;

  return id < other ? -1 : id > other;
}

/* The index of the link that leaves @id, or -1. */
static gssize
find_link (GArray *links,
           gint64  id)
{
  const Link *link = bsearch (&id, links->data, links->len, sizeof (Link), compare_link_to_id);

  return link != NULL ? link - (const Link *) links->data : -1;
}

/* In a table whose rows each point to at most one other row (a group to
 * its parent, a decision to the one it supersedes), a walk from any row
 * either ends or comes round. One pass over the (id, target) pairs, in
 * the order of their ids, finds every row on a circle: n·17 bytes and
 * n log n steps, where a recursive query would keep every pair of row
 * and ancestor it met. */
static gboolean
find_chain_cycles (SamStore    *self,
                   const char  *sql,
                   GArray      *members,
                   GError     **error)
{
  g_autoptr(GArray) links = g_array_new (FALSE, FALSE, sizeof (Link));
  g_autoptr(GArray) path = g_array_new (FALSE, FALSE, sizeof (gssize));
  g_autofree guint8 *state = NULL;  /* 0: not seen, 1: on the walk, 2: done */
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      Link link = { sqlite3_column_int64 (stmt, 0), sqlite3_column_int64 (stmt, 1) };

      g_array_append_val (links, link);
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return FALSE;

  state = g_new0 (guint8, links->len);
  for (guint i = 0; i < links->len; i++)
    {
      gssize j = i;

      while (j >= 0 && state[j] == 0)
        {
          state[j] = 1;
          g_array_append_val (path, j);
          j = find_link (links, g_array_index (links, Link, j).target);
        }
      if (j >= 0 && state[j] == 1)
        {
          gssize k = j;

          do
            {
              g_array_append_val (members, g_array_index (links, Link, k).id);
              k = find_link (links, g_array_index (links, Link, k).target);
            }
          while (k != j);
        }
      for (guint p = 0; p < path->len; p++)
        state[g_array_index (path, gssize, p)] = 2;
      g_array_set_size (path, 0);
    }

  return TRUE;
}

static const struct
{
  SamTable    table;
  const char *links;   /* id, target of every row that points to one */
  const char *names;   /* the row's name and its target's, by id */
} chains[] = {
  { SAM_TABLE_GROUP,
    "SELECT id, parent_id FROM grp WHERE parent_id IS NOT NULL ORDER BY id",
    "SELECT g.name, p.name FROM grp g JOIN grp p ON p.id = g.parent_id WHERE g.id = ?1" },
  { SAM_TABLE_DECISION,
    "SELECT id, supersedes_id FROM decision WHERE supersedes_id IS NOT NULL ORDER BY id",
    "SELECT d.title, s.title FROM decision d JOIN decision s ON s.id = d.supersedes_id WHERE d.id = ?1" },
};

/* Relations of one kind that lead back: r closes a circle when its target
 * reaches its source. Relations are few, and a group may have several of
 * a kind, so this one is a recursive query. */
#define RELATION_CYCLES_SQL \
  "WITH RECURSIVE reach (start, kind, id) AS (" \
  "  SELECT to_group_id, kind, to_group_id FROM group_relation" \
  "  UNION SELECT reach.start, reach.kind, r.to_group_id FROM reach JOIN group_relation r " \
  "  ON r.from_group_id = reach.id AND r.kind = reach.kind) " \
  "SELECT r.id FROM group_relation r " \
  "JOIN reach ON reach.start = r.to_group_id AND reach.kind = r.kind AND reach.id = r.from_group_id"

#define RELATION_NAMES_SQL \
  "SELECT f.name, t.name, r.kind FROM group_relation r " \
  "JOIN grp f ON f.id = r.from_group_id JOIN grp t ON t.id = r.to_group_id WHERE r.id = ?1"

/* The message for the row @id of @table, which closes a circle. */
static gboolean
set_cycle_error (SamStore    *self,
                 SamTable     table,
                 gint64       id,
                 const char  *where,
                 GError     **error)
{
  const char *sql = table == SAM_TABLE_GROUP ? chains[0].names
                    : table == SAM_TABLE_DECISION ? chains[1].names : RELATION_NAMES_SQL;
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *kind = NULL;
  g_autofree char *message = NULL;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      name = _sam_store_dup_printable ((const char *) sqlite3_column_text (stmt, 0));
      target = _sam_store_dup_printable ((const char *) sqlite3_column_text (stmt, 1));
      if (table == SAM_TABLE_GROUP_RELATION)
        kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      rc = SQLITE_DONE;
    }
  if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
    return FALSE;

  if (table == SAM_TABLE_GROUP)
    /* Translators: the first %s is where, such as “register.xml, line 40” */
    message = g_strdup_printf (_("%s: the group “%s” cannot lie under its own subgroup “%s”"), where, name, target);
  else if (table == SAM_TABLE_DECISION)
    message = g_strdup_printf (_("%s: the decision “%s” supersedes “%s”, which already supersedes it, "
                                 "directly or through others"), where, name, target);
  else
    message = _sam_store_dup_relation_cycle_message (where, kind, name, target);

  g_set_error_literal (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * _sam_store_check_cycles:
 * @self: a #SamStore in an import's transaction
 * @locate: says where the import read a row, given its id
 * @user_data: for @locate
 * @error: return location for a #GError
 *
 * Looks, once all rows of an import are in, for a group under its own
 * subgroup, a decision that supersedes one superseding it, or relations
 * of one kind that lead back. Only circles through a row the import wrote
 * count (one @locate knows): one the register held before is not this
 * import's doing. The message names the first such row of the file.
 *
 * Returns: whether there is no such circle
 */
gboolean
_sam_store_check_cycles (SamStore           *self,
                         SamStoreLocateFunc  locate,
                         gpointer            user_data,
                         GError            **error)
{
  for (guint q = 0; q <= G_N_ELEMENTS (chains); q++)
    {
      SamTable table = q < G_N_ELEMENTS (chains) ? chains[q].table : SAM_TABLE_GROUP_RELATION;
      g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (gint64));
      const char *where = NULL;
      guint64 first_order = G_MAXUINT64;
      gint64 first = 0;

      if (q < G_N_ELEMENTS (chains))
        {
          if (!find_chain_cycles (self, chains[q].links, members, error))
            return FALSE;
        }
      else
        {
          sqlite3_stmt *stmt = _sam_store_prepare (self, RELATION_CYCLES_SQL, error);
          int rc;

          if (stmt == NULL)
            return FALSE;
          while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            {
              gint64 id = sqlite3_column_int64 (stmt, 0);

              g_array_append_val (members, id);
            }
          if (!_sam_store_end_rows (self, stmt, rc, NULL, error))
            return FALSE;
        }

      for (guint i = 0; i < members->len; i++)
        {
          gint64 id = g_array_index (members, gint64, i);
          guint64 order = 0;
          const char *text = locate (user_data, table, id, &order);

          if (text != NULL && order < first_order)
            {
              where = text;
              first_order = order;
              first = id;
            }
        }
      if (where == NULL)
        continue;

      return set_cycle_error (self, table, first, where, error);
    }

  return TRUE;
}

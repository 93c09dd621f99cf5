/* test-store-property.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-clock.h"
#include "sam-store-decisions.h"
#include "sam-store-meetings.h"
#include "sam-store-structure.h"
#include "sam-test-util.h"
#include "sam-xml.h"

/* Random edits through the store's public API, valid ones and ones it must
 * refuse, and after each: the register's invariants, read in the file
 * itself on a connection of its own, and the promise that whatever the
 * store accepted exports, imports into a fresh register and exports again
 * to the same bytes. A refused edit leaves the register as it was.
 *
 * The seed is printed; SAM_TEST_SEED=<seed> runs the same edits again. */

/* The sanitizer build checks memory, not the spread of random edits: it
 * takes a quarter of the steps. */
#if defined(__SANITIZE_ADDRESS__)
#define N_STEPS  50
#else
#define N_STEPS  200
#endif
#define N_RUNS   1

typedef struct
{
  GRand      *rand;
  SamStore   *store;
  char       *dir;
  char       *path;
  char       *empty;       /* a fresh register, copied for each round trip */
  GPtrArray  *groups;      /* UUIDs */
  GPtrArray  *people;
  GPtrArray  *meetings;
  GPtrArray  *decisions;
  GHashTable *fixed;       /* decision UUID → what a registered one keeps */
  GHashTable *closed;      /* decision UUID → "withdrawn" or "superseded" */
  GHashTable *codes;       /* group UUID → its code once it has numbers */
  char       *export;      /* the last export */
  guint       n_refused;
  guint       n_done;
} Run;

/* Texts a coordinator types or pastes, and some no register can hold. */
static const char * const good_texts[] = {
  "Samordningsråd", "Ärende om vårdplatser", "Åsa & Örjan <styr>", "rad ett\nrad två", "flik\there",
  "Windows\r\nrad", "😀 emoji", "\"citat\" 'enkla'", "]]>", "&amp;",
};
static const char * const bad_texts[] = {
  "vertikal\vtabb", "sid\fmatning", "esc\x1b", "nul\x01", "C1 \xc2\x85", "U+FFFE \xef\xbf\xbe", "U+FFFF \xef\xbf\xbf",
  "trasig \xff utf-8",
};

static const char *
pick (Run       *run,
      GPtrArray *list)
{
  if (list->len == 0)
    return NULL;
  return g_ptr_array_index (list, g_rand_int_range (run->rand, 0, list->len));
}

static const char *
some_text (Run *run)
{
  if (g_rand_int_range (run->rand, 0, 8) == 0)
    return bad_texts[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (bad_texts))];
  return good_texts[g_rand_int_range (run->rand, 0, G_N_ELEMENTS (good_texts))];
}

static char *
some_date (Run *run)
{
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autoptr(GDateTime) day = g_date_time_add_days (now, g_rand_int_range (run->rand, -900, 30));

  return g_date_time_format (day, "%Y-%m-%d");
}

static gpointer
dup_item (Run        *run,
          GType       type,
          const char *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer item = sam_store_dup_by_uuid (run->store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/* The edits. Each returns whether the store took it, with @error set if
 * not; a refusal must be a SAM_STORE_ERROR. */

static gboolean
add_group (Run     *run,
           GError **error)
{
  g_autoptr(SamGroup) group = sam_group_new ();
  g_autofree char *code = g_strdup_printf ("G%u", g_rand_int_range (run->rand, 0, 40));

  g_object_set (group, "name", some_text (run), "code", g_rand_boolean (run->rand) ? code : NULL,
                "kind", g_rand_boolean (run->rand) ? SAM_GROUP_KIND_COUNCIL : SAM_GROUP_KIND_SUBGROUP,
                "parent-uuid", g_rand_boolean (run->rand) ? pick (run, run->groups) : NULL, NULL);
  if (!sam_store_save (run->store, group, error))
    return FALSE;
  g_ptr_array_add (run->groups, g_strdup (sam_group_get_uuid (group)));
  return TRUE;
}

static gboolean
move_group (Run     *run,
            GError **error)
{
  const char *group = pick (run, run->groups);
  const char *parent = g_rand_int_range (run->rand, 0, 4) > 0 ? pick (run, run->groups) : NULL;

  if (group == NULL)
    return TRUE;
  /* Through the move, or by saving the group with another parent. */
  if (g_rand_boolean (run->rand))
    return sam_store_move_group (run->store, group, parent, error);
  else
    {
      g_autoptr(SamGroup) copy = dup_item (run, SAM_TYPE_GROUP, group);

      g_object_set (copy, "parent-uuid", parent, NULL);
      return sam_store_save (run->store, copy, error);
    }
}

static gboolean
edit_group (Run     *run,
            GError **error)
{
  const char *group = pick (run, run->groups);
  g_autoptr(SamGroup) copy = NULL;
  g_autofree char *code = g_strdup_printf ("G%u", g_rand_int_range (run->rand, 0, 40));
  g_autofree char *date = some_date (run);

  if (group == NULL)
    return TRUE;
  switch (g_rand_int_range (run->rand, 0, 4))
    {
    case 0:
      return sam_store_dissolve_group (run->store, group, g_rand_boolean (run->rand) ? date : NULL, error);
    case 1:
      return sam_store_set_reports_to (run->store, group, g_rand_int_range (run->rand, 0, 4) > 0
                                                          ? pick (run, run->groups) : NULL, error);
    default:
      copy = dup_item (run, SAM_TYPE_GROUP, group);
      if (g_rand_boolean (run->rand))
        g_object_set (copy, "code", g_rand_boolean (run->rand) ? code : NULL, NULL);
      else
        g_object_set (copy, "description", some_text (run), NULL);
      return sam_store_save (run->store, copy, error);
    }
}

static gboolean
add_person (Run     *run,
            GError **error)
{
  g_autoptr(SamPerson) person = sam_person_new ();

  g_object_set (person, "name", some_text (run), "phone", g_rand_boolean (run->rand) ? some_text (run) : NULL,
                "email", "namn@example.se", NULL);
  if (!sam_store_save (run->store, person, error))
    return FALSE;
  g_ptr_array_add (run->people, g_strdup (sam_person_get_uuid (person)));
  return TRUE;
}

static gboolean
add_role (Run     *run,
          GError **error)
{
  g_autoptr(SamAssignment) assignment = sam_assignment_new ();

  if (run->people->len == 0 || run->groups->len == 0)
    return TRUE;
  g_object_set (assignment, "person-uuid", pick (run, run->people), "group-uuid", pick (run, run->groups),
                "role", SAM_ROLE_MEMBER, "note", some_text (run), NULL);
  return sam_store_save (run->store, assignment, error);
}

static gboolean
delete_person (Run     *run,
               GError **error)
{
  const char *uuid = pick (run, run->people);
  g_autoptr(SamPerson) person = NULL;
  guint index;

  if (uuid == NULL)
    return TRUE;
  person = dup_item (run, SAM_TYPE_PERSON, uuid);
  if (!sam_store_delete (run->store, person, error))
    return FALSE;
  g_assert_true (g_ptr_array_find_with_equal_func (run->people, uuid, g_str_equal, &index));
  g_ptr_array_remove_index (run->people, index);
  return TRUE;
}

static gboolean
add_meeting (Run     *run,
             GError **error)
{
  g_autoptr(SamMeeting) meeting = sam_meeting_new ();
  const char *groups[] = { pick (run, run->groups), NULL };
  g_autofree char *date = some_date (run);
  g_autofree char *starts = g_strdup_printf ("%sT08:00:00Z", date);
  g_autofree char *ends = g_strdup_printf ("%sT10:00:00Z", date);

  if (groups[0] == NULL)
    return TRUE;
  g_object_set (meeting, "title", some_text (run), "starts", starts, "ends", ends,
                "notes", g_rand_boolean (run->rand) ? some_text (run) : NULL, NULL);
  if (!sam_store_save_meeting (run->store, meeting, groups, error))
    return FALSE;
  g_ptr_array_add (run->meetings, g_strdup (sam_meeting_get_uuid (meeting)));
  return TRUE;
}

static gboolean
add_agenda_item (Run     *run,
                 GError **error)
{
  g_autoptr(SamAgendaItem) item = NULL;

  if (run->meetings->len == 0)
    return TRUE;
  item = sam_agenda_item_new (pick (run, run->meetings));
  sam_agenda_item_set_title (item, some_text (run));
  sam_agenda_item_set_notes (item, g_rand_boolean (run->rand) ? some_text (run) : NULL);
  return sam_store_save_agenda_item (run->store, item, error);
}

static gboolean
draft_decision (Run     *run,
                GError **error)
{
  g_autoptr(SamDecision) decision = sam_decision_new ();
  g_autofree char *date = some_date (run);

  if (run->groups->len == 0)
    return TRUE;
  g_object_set (decision, "group-uuid", pick (run, run->groups), "title", some_text (run),
                "body", g_rand_boolean (run->rand) ? some_text (run) : NULL,
                "decided", g_rand_boolean (run->rand) ? date : NULL,
                "meeting-uuid", g_rand_boolean (run->rand) ? pick (run, run->meetings) : NULL, NULL);
  if (g_rand_int_range (run->rand, 0, 10) == 0)
    g_object_set (decision, "supersedes-uuid", pick (run, run->decisions), NULL);
  if (g_rand_boolean (run->rand))
    {
      if (!sam_store_register_decision (run->store, decision, error))
        return FALSE;
    }
  else if (!sam_store_save (run->store, decision, error))
    return FALSE;
  g_ptr_array_add (run->decisions, g_strdup (sam_decision_get_uuid (decision)));
  return TRUE;
}

static gboolean
edit_decision (Run     *run,
               GError **error)
{
  const char *uuid = pick (run, run->decisions);
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(SamDecision) correction = NULL;
  g_autofree char *date = some_date (run);

  if (uuid == NULL)
    return TRUE;
  decision = dup_item (run, SAM_TYPE_DECISION, uuid);
  switch (g_rand_int_range (run->rand, 0, 8))
    {
    case 0:
      return sam_store_register_decision (run->store, decision, error);
    case 1:
      correction = sam_decision_new ();
      g_object_set (correction, "group-uuid", sam_decision_get_group_uuid (decision), "title", some_text (run),
                    "decided", g_rand_boolean (run->rand) ? date : NULL, NULL);
      if (!sam_store_supersede_decision (run->store, decision, correction, error))
        return FALSE;
      g_ptr_array_add (run->decisions, g_strdup (sam_decision_get_uuid (correction)));
      return TRUE;
    case 2:
      return sam_store_withdraw_decision (run->store, decision, g_rand_boolean (run->rand) ? some_text (run) : " ",
                                          error);
    case 3:
      return sam_store_set_decision_status (run->store, decision,
                                            g_rand_int_range (run->rand, SAM_DECISION_STATUS_DRAFT,
                                                              SAM_DECISION_STATUS_SUPERSEDED + 1), error);
    case 4:
      return sam_store_escalate_decision (run->store, decision, pick (run, run->groups), NULL, some_text (run),
                                          NULL, error);
    case 5:
      g_object_set (decision, "status", g_rand_int_range (run->rand, SAM_DECISION_STATUS_DRAFT,
                                                          SAM_DECISION_STATUS_SUPERSEDED + 1), NULL);
      return sam_store_save (run->store, decision, error);
    case 6:
      g_object_set (decision, "supersedes-uuid", pick (run, run->decisions), NULL);
      return sam_store_save (run->store, decision, error);
    default:
      g_object_set (decision, "title", some_text (run), "body", some_text (run), NULL);
      return sam_store_save (run->store, decision, error);
    }
}

typedef gboolean (*Edit) (Run *run, GError **error);

static const struct {
  const char *name;
  Edit        edit;
  guint       weight;
} edits[] = {
  { "add group", add_group, 4 },
  { "move group", move_group, 4 },
  { "edit group", edit_group, 4 },
  { "add person", add_person, 2 },
  { "add role", add_role, 2 },
  { "delete person", delete_person, 1 },
  { "add meeting", add_meeting, 2 },
  { "add agenda item", add_agenda_item, 2 },
  { "draft decision", draft_decision, 5 },
  { "edit decision", edit_decision, 6 },
};

/* Checks, in the file */

static sqlite3 *
open_file (Run *run)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open_v2 (run->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  return db;
}

static void
assert_none (sqlite3    *db,
             const char *what,
             const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    g_error ("%s: %s", what, sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
}

/* Every byte of a text: UTF-8, and no C0 but tab, line feed and carriage
 * return, no C1, no U+FFFE or U+FFFF. */
static gboolean
is_clean (const char *text)
{
  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f) ||
          c == 0xfffe || c == 0xffff)
        return FALSE;
    }

  return TRUE;
}

static void
check_texts (sqlite3 *db)
{
  for (SamTable t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);

      for (guint c = 0; c < info->n_columns; c++)
        {
          g_autofree char *sql = NULL;
          sqlite3_stmt *stmt = NULL;

          if (info->columns[c].type != SAM_COLUMN_STRING && info->columns[c].type != SAM_COLUMN_TEXT)
            continue;
          sql = g_strdup_printf ("SELECT uuid, \"%s\" FROM \"%s\" WHERE \"%s\" IS NOT NULL",
                                 info->columns[c].column, info->sql_name, info->columns[c].column);
          g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
          while (sqlite3_step (stmt) == SQLITE_ROW)
            if (!is_clean ((const char *) sqlite3_column_text (stmt, 1)))
              g_error ("%s.%s of %s holds a control character", info->sql_name, info->columns[c].column,
                       sqlite3_column_text (stmt, 0));
          sqlite3_finalize (stmt);
        }
    }
}

/* What a registered decision keeps, as one text. */
#define FIXED_SQL "SELECT d.uuid, g.uuid || '|' || d.year || '|' || d.serial || '|' || coalesce (d.decided, '') || '|' || " \
                  "d.title || '|' || coalesce (d.body, '') || '|' || d.mandate || '|' || coalesce (s.uuid, ''), " \
                  "d.status, g.uuid, g.code FROM decision d JOIN grp g ON g.id = d.group_id " \
                  "LEFT JOIN decision s ON s.id = d.supersedes_id WHERE d.status <> 'draft'"

static void
check_lifecycle (Run     *run,
                 sqlite3 *db)
{
  sqlite3_stmt *stmt = NULL;
  guint n_seen = 0;

  assert_none (db, "a registered decision without a number",
               "SELECT uuid FROM decision WHERE status <> 'draft' AND (serial IS NULL OR year IS NULL)");
  assert_none (db, "a number no register gives",
               "SELECT uuid FROM decision WHERE serial < 1 OR year < 1900 OR year > 2200");
  assert_none (db, "withdrawn without a reason",
               "SELECT uuid FROM decision WHERE status = 'withdrawn' "
               "AND length (trim (coalesce (withdrawn_reason, ''), ' ' || char (9, 10, 13))) = 0");
  assert_none (db, "a decision superseding itself", "SELECT uuid FROM decision WHERE supersedes_id = id");

  g_assert_cmpint (sqlite3_prepare_v2 (db, FIXED_SQL, -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *uuid = (const char *) sqlite3_column_text (stmt, 0);
      const char *fixed = (const char *) sqlite3_column_text (stmt, 1);
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      const char *group = (const char *) sqlite3_column_text (stmt, 3);
      const char *code = (const char *) sqlite3_column_text (stmt, 4);
      const char *was = g_hash_table_lookup (run->fixed, uuid);
      const char *closed = g_hash_table_lookup (run->closed, uuid);
      const char *had_code = NULL;

      if (was != NULL && strcmp (was, fixed) != 0)
        g_error ("the registered decision %s changed from “%s” to “%s”", uuid, was, fixed);
      if (closed != NULL && strcmp (closed, status) != 0)
        g_error ("the %s decision %s became %s", closed, uuid, status);
      if (g_hash_table_lookup_extended (run->codes, group, NULL, (gpointer *) &had_code) &&
          g_strcmp0 (had_code, code) != 0)
        g_error ("the group %s with numbered decisions changed its code from %s to %s", group, had_code, code);

      g_hash_table_insert (run->fixed, g_strdup (uuid), g_strdup (fixed));
      if (strcmp (status, "withdrawn") == 0 || strcmp (status, "superseded") == 0)
        g_hash_table_insert (run->closed, g_strdup (uuid), g_strdup (status));
      g_hash_table_insert (run->codes, g_strdup (group), g_strdup (code));
      n_seen++;
    }
  sqlite3_finalize (stmt);

  /* Once registered, a decision stays in the register. */
  g_assert_cmpuint (g_hash_table_size (run->fixed), ==, n_seen);
}

static void
check_register (Run *run)
{
  sqlite3 *db = open_file (run);

  assert_none (db, "a group under its own subgroup",
               "WITH RECURSIVE up (start, id) AS ("
               "  SELECT id, parent_id FROM grp WHERE parent_id IS NOT NULL"
               "  UNION SELECT up.start, g.parent_id FROM up JOIN grp g ON g.id = up.id WHERE g.parent_id IS NOT NULL) "
               "SELECT g.uuid FROM up JOIN grp g ON g.id = up.start WHERE up.id = up.start");
  assert_none (db, "a decision superseding one that supersedes it",
               "WITH RECURSIVE chain (start, id) AS ("
               "  SELECT id, supersedes_id FROM decision WHERE supersedes_id IS NOT NULL"
               "  UNION SELECT chain.start, d.supersedes_id FROM chain JOIN decision d ON d.id = chain.id "
               "  WHERE d.supersedes_id IS NOT NULL) "
               "SELECT d.uuid FROM chain JOIN decision d ON d.id = chain.start WHERE chain.id = chain.start");
  assert_none (db, "relations of one kind in a circle",
               "WITH RECURSIVE reach (start, kind, id) AS ("
               "  SELECT from_group_id, kind, to_group_id FROM group_relation"
               "  UNION SELECT reach.start, reach.kind, r.to_group_id FROM reach JOIN group_relation r "
               "  ON r.from_group_id = reach.id AND r.kind = reach.kind) "
               "SELECT reach.kind FROM reach WHERE reach.id = reach.start");
  check_texts (db);
  check_lifecycle (run, db);
  sqlite3_close (db);
}

/* Export, import into a fresh register, export again: the same bytes. */
static char *
export_round_trip (Run *run)
{
  g_autofree char *first_path = g_build_filename (run->dir, "first.xml", NULL);
  g_autofree char *second_path = g_build_filename (run->dir, "second.xml", NULL);
  g_autofree char *fresh_path = g_build_filename (run->dir, "fresh.sqlite", NULL);
  g_autoptr(GFile) empty = g_file_new_for_path (run->empty);
  g_autoptr(GFile) fresh_file = g_file_new_for_path (fresh_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *second = NULL;
  char *first = NULL;
  SamStore *fresh;

  g_assert_true (sam_xml_export (run->store, first_path, NULL, NULL, &error));
  g_assert_no_error (error);
  /* A copy of a register made empty once: opening a new file each time
   * would spend the test's seconds on its migrations. */
  g_assert_true (g_file_copy (empty, fresh_file, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  fresh = sam_store_open (fresh_path, &error);
  g_assert_no_error (error);
  if (!sam_xml_import (fresh, first_path, SAM_IMPORT_REPLACE, NULL, NULL, NULL, &error))
    g_error ("the register the store accepted does not import: %s", error->message);
  g_assert_true (sam_xml_export (fresh, second_path, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_finalize_object (fresh);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *path = g_strconcat (fresh_path, (const char *[]) { "", "-wal", "-shm" }[i], NULL);

      g_unlink (path);
    }

  g_assert_true (g_file_get_contents (first_path, &first, NULL, NULL));
  g_assert_true (g_file_get_contents (second_path, &second, NULL, NULL));
  g_assert_cmpstr (first, ==, second);
  g_unlink (first_path);
  g_unlink (second_path);

  return first;
}

static void
run_edits (guint32 seed)
{
  Run run = { 0 };
  guint total = 0;

  for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
    total += edits[i].weight;

  run.rand = g_rand_new_with_seed (seed);
  run.store = sam_test_new_tmp_store ("test-store-property-XXXXXX", "register.sqlite", &run.dir, &run.path);
  run.groups = g_ptr_array_new_with_free_func (g_free);
  run.people = g_ptr_array_new_with_free_func (g_free);
  run.meetings = g_ptr_array_new_with_free_func (g_free);
  run.decisions = g_ptr_array_new_with_free_func (g_free);
  run.fixed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.closed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  run.empty = g_build_filename (run.dir, "empty.sqlite", NULL);
  g_assert_finalize_object (sam_test_open_store (run.dir, "empty.sqlite"));
  run.export = export_round_trip (&run);

  for (guint step = 0; step < N_STEPS; step++)
    {
      g_autoptr(GError) error = NULL;
      guint choice = g_rand_int_range (run.rand, 0, total);
      guint e = 0;
      char *export;

      while (choice >= edits[e].weight)
        choice -= edits[e++].weight;

      if (edits[e].edit (&run, &error))
        {
          g_assert_no_error (error);
          run.n_done++;
        }
      else
        {
          if (error == NULL || error->domain != SAM_STORE_ERROR)
            g_error ("seed %u, step %u (%s): refused without a store error", seed, step, edits[e].name);
          run.n_refused++;
        }

      check_register (&run);
      export = export_round_trip (&run);
      if (error != NULL && strcmp (export, run.export) != 0)
        g_error ("seed %u, step %u (%s) was refused (%s) but changed the register", seed, step, edits[e].name,
                 error->message);
      g_free (run.export);
      run.export = export;
    }

  g_test_message ("seed %u: %u edits taken, %u refused", seed, run.n_done, run.n_refused);
  g_assert_cmpuint (run.n_done, >, N_STEPS / 4);
  g_assert_cmpuint (run.n_refused, >, 0);

  sam_test_free_tmp_store (run.store, run.dir);
  g_ptr_array_unref (run.groups);
  g_ptr_array_unref (run.people);
  g_ptr_array_unref (run.meetings);
  g_ptr_array_unref (run.decisions);
  g_hash_table_unref (run.fixed);
  g_hash_table_unref (run.closed);
  g_hash_table_unref (run.codes);
  g_free (run.export);
  g_free (run.dir);
  g_free (run.path);
  g_free (run.empty);
  g_rand_free (run.rand);
}

static void
test_random_edits (void)
{
  const char *fixed = g_getenv ("SAM_TEST_SEED");
  guint32 seed = fixed != NULL ? (guint32) strtoul (fixed, NULL, 10) : (guint32) g_test_rand_int ();

  for (guint i = 0; i < (fixed != NULL ? 1 : N_RUNS); i++, seed++)
    {
      g_test_message ("seed %u (SAM_TEST_SEED=%u repeats it)", seed, seed);
      run_edits (seed);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/store/property/random-edits", test_random_edits);

  return g_test_run ();
}

/* test-store.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-store.h"
#include "sam-store-private.h"
#include "sam-store-decisions.h"
#include "sam-store-meetings.h"
#include "sam-store-structure.h"
#include "sam-test-util.h"

typedef struct
{
  char     *dir;
  char     *path;
  SamStore *store;
} StoreFixture;

static void
store_set_up (StoreFixture  *fixture,
              gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_store ("test-store-XXXXXX", "register.sqlite", &fixture->dir, &fixture->path);
  sam_store_set_user_name (fixture->store, "Karin Koordinator");
}

static void
store_tear_down (StoreFixture  *fixture,
                 gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* A second connection, as another program on the same file would have. */
static sqlite3 *
open_raw (const char *path)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  return db;
}

static char *
query_text (sqlite3    *db,
            const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *text = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    text = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  return text;
}

static gint64
query_int (sqlite3    *db,
           const char *sql)
{
  g_autofree char *text = query_text (db, sql);

  return text != NULL ? g_ascii_strtoll (text, NULL, 10) : -1;
}

static gboolean
dump_row_cb (SamTable            table,
             const char         *uuid,
             const char * const *values,
             gpointer            user_data,
             GError            **error)
{
  GString *dump = user_data;

  g_string_append_printf (dump, "%s %s", sam_schema_table (table)->element, uuid);
  for (guint c = 0; c < sam_schema_table (table)->n_columns; c++)
    g_string_append_printf (dump, " %s", values[c] != NULL ? values[c] : "(null)");
  g_string_append_c (dump, '\n');

  return TRUE;
}

/* Everything an export sees, as text. */
static char *
dump_store (SamStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) info = NULL;
  GString *dump = g_string_new ("");

  g_assert_true (sam_store_read_begin (store, &error));
  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      g_assert_true (sam_store_foreach_row (store, t, dump_row_cb, dump, &error));
      g_assert_no_error (error);
    }
  sam_store_read_end (store);

  info = sam_store_dup_info (store);
  for (guint i = 0; i < info->len; i++)
    g_string_append_printf (dump, "info %s\n", (char *) info->pdata[i]);

  return g_string_free (dump, FALSE);
}

/* An export reads references through an id → uuid array; a table whose
 * ids are too sparse for one is looked up row by row, with the same
 * result. */
static void
test_read_references (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autofree char *dense = NULL;
  g_autofree char *sparse = NULL;
  sqlite3 *db = open_raw (fixture->path);

  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO organisation (id, uuid, name, kind) VALUES "
                                 "(1, 'a1111111-1111-4111-8111-111111111111', 'Tät', 'administration');"
                                 "INSERT INTO person (uuid, name, organisation_id) VALUES "
                                 "('b2222222-2222-4222-8222-222222222222', 'Anna', 1);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  dense = dump_store (fixture->store);
  g_assert_nonnull (strstr (dense, "person b2222222-2222-4222-8222-222222222222 Anna (null) (null) (null) "
                                   "a1111111-1111-4111-8111-111111111111\n"));

  /* Ids far apart: no array is made for organisations. */
  g_assert_cmpint (sqlite3_exec (db,
                                 "INSERT INTO organisation (id, uuid, name, kind) VALUES "
                                 "(5000000000, 'c3333333-3333-4333-8333-333333333333', 'Gles', 'other');"
                                 "INSERT INTO person (uuid, name, organisation_id) VALUES "
                                 "('d4444444-4444-4444-8444-444444444444', 'Bo', 5000000000);",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  sparse = dump_store (fixture->store);
  g_assert_nonnull (strstr (sparse, "person b2222222-2222-4222-8222-222222222222 Anna (null) (null) (null) "
                                    "a1111111-1111-4111-8111-111111111111\n"));
  g_assert_nonnull (strstr (sparse, "person d4444444-4444-4444-8444-444444444444 Bo (null) (null) (null) "
                                    "c3333333-3333-4333-8333-333333333333\n"));
}

/* Audit entries: "action entity who" of the last entry, and the count. */
static char *
last_audit (StoreFixture *fixture,
            const char   *column)
{
  sqlite3 *db = open_raw (fixture->path);
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM audit_log ORDER BY id DESC LIMIT 1", column);
  char *text = query_text (db, sql);

  sqlite3_close (db);
  return text;
}

static gint64
count_audit (StoreFixture *fixture)
{
  sqlite3 *db = open_raw (fixture->path);
  gint64 n = query_int (db, "SELECT count (*) FROM audit_log");

  sqlite3_close (db);
  return n;
}

/* Opening */

/* The version of the newest migration resource (NNN-what.sql). */
static int
latest_migration (void)
{
  g_auto(GStrv) names = g_resources_enumerate_children ("/io/github/samordna/Samordna/sql/", 0, NULL);
  int latest = 0;

  for (guint i = 0; names != NULL && names[i] != NULL; i++)
    if (g_ascii_isdigit (names[i][0]) && g_ascii_isdigit (names[i][1]) && g_ascii_isdigit (names[i][2]) &&
        names[i][3] == '-' && g_str_has_suffix (names[i], ".sql"))
      latest = MAX (latest, (int) g_ascii_strtoll (names[i], NULL, 10));

  return latest;
}

static void
test_open_migrates (StoreFixture  *fixture,
                    gconstpointer  data)
{
  sqlite3 *db = open_raw (fixture->path);

  g_assert_cmpint (latest_migration (), >=, 1);
  g_assert_cmpint (query_int (db, "PRAGMA user_version"), ==, latest_migration ());
  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count (*) FROM sqlite_master WHERE type = 'table' AND name = '%s'",
                                              sam_schema_table (t)->sql_name);

      g_assert_cmpint (query_int (db, sql), ==, 1);
    }
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM sqlite_master WHERE name = 'decision_fts_ai'"), ==, 1);
  sqlite3_close (db);

  g_assert_true (sam_store_is_empty (fixture->store));
  g_assert_cmpstr (sam_store_get_path (fixture->store), ==, fixture->path);
}

static void
test_open_default_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_store_open (NULL, &error);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "samordna", "register.samordna", NULL);

  g_assert_no_error (error);
  g_assert_cmpstr (sam_store_get_path (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_EXISTS));
}

static void
test_open_newer_version (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "newer.sqlite", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db = open_raw (path);
  SamStore *store;

  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE future (x); INSERT INTO future VALUES (1); "
                                 "PRAGMA user_version = 99", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_len, NULL));

  store = sam_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "99"));

  g_assert_true (g_file_get_contents (path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_open_foreign_file (StoreFixture  *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "other.sqlite", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  sqlite3 *db = open_raw (path);

  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE other (x)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_null (sam_store_open (path, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN);
  g_clear_error (&error);

  g_assert_true (g_file_set_contents (text, "This is not a database, but it is long enough to look like a header "
                                      "to SQLite if it were one.", -1, NULL));
  g_assert_null (sam_store_open (text, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN);
}

static void
test_journal_local (StoreFixture  *fixture,
                    gconstpointer  data)
{
  sqlite3 *db = open_raw (fixture->path);
  g_autofree char *mode = query_text (db, "PRAGMA journal_mode");

  g_assert_cmpstr (mode, ==, "wal");
  sqlite3_close (db);

  g_assert_true (_sam_store_fs_type_is_network (0x6969));      /* NFS */
  g_assert_true (_sam_store_fs_type_is_network (0xFF534D42));  /* CIFS */
  g_assert_true (_sam_store_fs_type_is_network (0xFE534D42));  /* SMB2 */
  g_assert_false (_sam_store_fs_type_is_network (0xEF53));     /* ext4 */
  g_assert_false (_sam_store_fs_type_is_network (0x01021994)); /* tmpfs */
}

static void
test_journal_network (StoreFixture  *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "share", "register.sqlite", NULL);
  g_autoptr(SamStore) store = NULL;
  g_autofree char *mode = NULL;
  sqlite3 *db;

  g_setenv ("SAM_FORCE_NETWORK_FS", "1", TRUE);
  store = sam_store_open (path, &error);
  g_unsetenv ("SAM_FORCE_NETWORK_FS");
  g_assert_no_error (error);

  db = open_raw (path);
  mode = query_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  sqlite3_close (db);
}

/* Editing */

static SamOrganisation *
add_organisation (SamStore   *store,
                  const char *name)
{
  g_autoptr(GError) error = NULL;
  SamOrganisation *organisation = sam_organisation_new ();

  g_object_set (organisation, "name", name, "kind", SAM_ORGANISATION_KIND_MUNICIPALITY, NULL);
  g_assert_true (sam_store_save (store, organisation, &error));
  g_assert_no_error (error);

  return organisation;
}

static SamPerson *
add_person (SamStore   *store,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  SamPerson *person = sam_person_new ();

  g_object_set (person, "name", name, NULL);
  g_assert_true (sam_store_save (store, person, &error));
  g_assert_no_error (error);

  return person;
}

static SamGroup *
add_group (SamStore   *store,
           const char *code,
           const char *name,
           SamGroup   *parent)
{
  g_autoptr(GError) error = NULL;
  SamGroup *group = sam_group_new ();

  g_object_set (group, "code", code, "name", name, "kind", SAM_GROUP_KIND_COUNCIL,
                "parent-uuid", parent != NULL ? sam_group_get_uuid (parent) : NULL, NULL);
  g_assert_true (sam_store_save (store, group, &error));
  g_assert_no_error (error);

  return group;
}

static SamDecision *
add_decision (SamStore   *store,
              SamGroup   *group,
              const char *title,
              const char *body)
{
  g_autoptr(GError) error = NULL;
  SamDecision *decision = sam_decision_new ();

  g_object_set (decision, "group-uuid", sam_group_get_uuid (group), "title", title, "body", body,
                "decided", "2026-03-12", NULL);
  g_assert_true (sam_store_save (store, decision, &error));
  g_assert_no_error (error);

  return decision;
}

/* Saves, changes and deletes one object; checks the audit trail each time. */
static void
check_crud (StoreFixture *fixture,
            gpointer      item,
            const char   *element,
            const char   *property,
            const char   *new_value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) copy = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *value = NULL;
  g_autofree char *text = NULL;
  g_autofree char *expected = NULL;
  gint64 n_audit = count_audit (fixture);
  gint64 id;

  g_assert_true (sam_store_save (fixture->store, item, &error));
  g_assert_no_error (error);
  g_object_get (item, "uuid", &uuid, "id", &id, NULL);
  g_assert_true (g_uuid_string_is_valid (uuid));
  g_assert_cmpint (id, >, 0);
  g_assert_cmpint (count_audit (fixture), ==, n_audit + 1);
  text = last_audit (fixture, "action || ' ' || entity || ' ' || who || ' ' || entity_uuid");
  expected = g_strdup_printf ("insert %s Karin Koordinator %s", element, uuid);
  g_assert_cmpstr (text, ==, expected);
  g_clear_pointer (&text, g_free);
  text = last_audit (fixture, "coalesce (before, 'none')");
  g_assert_cmpstr (text, ==, "none");
  g_clear_pointer (&text, g_free);
  text = last_audit (fixture, "after");
  g_assert_true (g_str_has_prefix (text, "{\"uuid\":\""));
  g_assert_nonnull (strstr (text, uuid));
  g_clear_pointer (&text, g_free);

  copy = sam_store_dup_by_uuid (fixture->store, G_OBJECT_TYPE (item), uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (copy);
  g_object_get (copy, "id", &id, NULL);
  g_assert_cmpint (id, ==, _sam_model_get_record (item)->id);

  g_object_set (copy, property, new_value, NULL);
  g_assert_true (sam_store_save (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (fixture), ==, n_audit + 2);
  text = last_audit (fixture, "action");
  g_assert_cmpstr (text, ==, "update");
  g_clear_pointer (&text, g_free);
  text = last_audit (fixture, "after");
  g_assert_nonnull (strstr (text, new_value));
  g_clear_pointer (&text, g_free);
  text = last_audit (fixture, "before");
  g_assert_null (strstr (text, new_value));
  g_clear_pointer (&text, g_free);
  g_clear_object (&copy);

  copy = sam_store_dup_by_uuid (fixture->store, G_OBJECT_TYPE (item), uuid, &error);
  g_object_get (copy, property, &value, NULL);
  g_assert_cmpstr (value, ==, new_value);

  g_assert_true (sam_store_delete (fixture->store, copy, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_audit (fixture), ==, n_audit + 3);
  text = last_audit (fixture, "action || ' ' || coalesce (after, 'none')");
  g_assert_cmpstr (text, ==, "delete none");
  g_clear_pointer (&text, g_free);
  g_clear_object (&copy);
  copy = sam_store_dup_by_uuid (fixture->store, G_OBJECT_TYPE (item), uuid, &error);
  g_assert_no_error (error);
  g_assert_null (copy);
}

static void
test_crud (StoreFixture  *fixture,
           gconstpointer  data)
{
  SamStore *store = fixture->store;
  g_autoptr(SamOrganisation) organisation = add_organisation (store, "Kommunen");
  g_autoptr(SamPerson) person = add_person (store, "Anna Andersson");
  g_autoptr(SamGroup) group = add_group (store, "AOI", "Anestesi, operation och intensivvård", NULL);
  g_autoptr(SamOrganisation) o = sam_organisation_new ();
  g_autoptr(SamPerson) p = sam_person_new ();
  g_autoptr(SamGroup) g = sam_group_new ();
  g_autoptr(SamAssignment) a = sam_assignment_new ();
  g_autoptr(SamCommission) c = sam_commission_new ();
  g_autoptr(SamMeeting) m = sam_meeting_new ();
  g_autoptr(SamDecision) d = sam_decision_new ();

  g_object_set (o, "name", "Akademiska", "kind", SAM_ORGANISATION_KIND_ACADEMIA, NULL);
  check_crud (fixture, o, "organisation", "short-name", "UU");

  g_object_set (p, "name", "Bo Berg", "organisation-uuid", sam_organisation_get_uuid (organisation), NULL);
  check_crud (fixture, p, "person", "email", "bo.berg@example.se");

  g_object_set (g, "name", "Undergrupp smärta", "kind", SAM_GROUP_KIND_SUBGROUP,
                "parent-uuid", sam_group_get_uuid (group), NULL);
  check_crud (fixture, g, "group", "description", "Bildad 2025");

  g_object_set (a, "person-uuid", sam_person_get_uuid (person), "group-uuid", sam_group_get_uuid (group),
                "role", SAM_ROLE_CHAIR, "starts", "2026-01-01", NULL);
  check_crud (fixture, a, "assignment", "appointed-by", "Ledningsgrupp hälso- och sjukvård");

  g_object_set (c, "group-uuid", sam_group_get_uuid (group), "registry-number", "RS 2024-00784",
                "min-meetings", 4, "max-meetings", 8, NULL);
  check_crud (fixture, c, "commission", "purpose", "Samordna vården");
  g_assert_cmpint (sam_commission_get_min_meetings (c), ==, 4);

  g_object_set (m, "title", "Rådsmöte", "starts", "2026-02-03T08:00:00Z", "ends", "2026-02-03T10:00:00Z",
                "status", SAM_MEETING_STATUS_HELD, NULL);
  check_crud (fixture, m, "meeting", "notes", "Minnesanteckningar");
  g_assert_cmpint (sam_meeting_get_status (m), ==, SAM_MEETING_STATUS_HELD);

  g_object_set (d, "group-uuid", sam_group_get_uuid (group), "title", "Gemensam rutin", NULL);
  check_crud (fixture, d, "decision", "responsible", "Chefläkare");
  g_assert_cmpint (sam_decision_get_status (d), ==, SAM_DECISION_STATUS_DRAFT);
  g_assert_cmpint (sam_decision_get_mandate (d), ==, SAM_MANDATE_LINE_MANDATES);
}

static void
test_crud_errors (StoreFixture  *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamStore *store = fixture->store;
  g_autoptr(SamGroup) group = add_group (store, "AOI", "Anestesi", NULL);
  g_autoptr(SamGroup) child = add_group (store, "AOI-S", "Smärta", group);
  g_autoptr(SamGroup) twin = sam_group_new ();
  g_autoptr(SamGroup) unnamed = sam_group_new ();
  g_autoptr(SamPerson) orphan = sam_person_new ();
  gint64 n_audit = count_audit (fixture);

  /* A group with a subgroup is still in use. */
  g_assert_false (sam_store_delete (store, group, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE);
  g_clear_error (&error);

  g_object_set (twin, "code", "AOI", "name", "Tvilling", NULL);
  g_assert_false (sam_store_save (store, twin, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE);
  g_assert_nonnull (strstr (error->message, "code"));
  g_clear_error (&error);
  g_assert_cmpint (sam_group_get_id (twin), ==, 0);

  g_assert_false (sam_store_save (store, unnamed, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (orphan, "name", "Utan hem", "organisation-uuid", "7c0e6a4e-0000-4000-8000-000000000000", NULL);
  g_assert_false (sam_store_save (store, orphan, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_clear_error (&error);

  /* Nothing of the failed changes was logged. */
  g_assert_cmpint (count_audit (fixture), ==, n_audit);
}

static void
changed_cb (SamStore *store,
            guint     table,
            GArray   *tables)
{
  g_array_append_val (tables, table);
}

static void
test_changed_signal (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GError) error = NULL;
  g_autoptr(SamPerson) person = NULL;
  g_autoptr(SamGroup) twin = sam_group_new ();
  g_autoptr(SamGroup) group = NULL;

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), tables);
  person = add_person (fixture->store, "Cecilia");
  group = add_group (fixture->store, "X", "Grupp", NULL);
  g_object_set (twin, "code", "X", "name", "Tvilling", NULL);
  g_assert_false (sam_store_save (fixture->store, twin, &error));
  g_clear_error (&error);
  g_assert_true (sam_store_delete (fixture->store, person, &error));
  g_assert_no_error (error);
  sam_store_emit_changed (fixture->store);

  g_assert_cmpint (tables->len, ==, 4);
  g_assert_cmpint (g_array_index (tables, guint, 0), ==, SAM_TABLE_PERSON);
  g_assert_cmpint (g_array_index (tables, guint, 1), ==, SAM_TABLE_GROUP);
  g_assert_cmpint (g_array_index (tables, guint, 2), ==, SAM_TABLE_PERSON);
  g_assert_cmpint (g_array_index (tables, guint, 3), ==, SAM_N_TABLES);
  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, tables);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *n_notify)
{
  (*n_notify)++;
}

static void
test_model_notify (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamGroup) group = sam_group_new ();
  g_autoptr(GError) error = NULL;
  guint n_notify = 0;

  g_signal_connect (group, "notify::position", G_CALLBACK (count_notify_cb), &n_notify);
  g_assert_cmpint (sam_group_get_position (group), ==, -1);
  g_object_set (group, "name", "Råd", "kind", SAM_GROUP_KIND_PROCESS_TEAM, NULL);
  g_assert_true (sam_store_save (fixture->store, group, &error));
  g_assert_no_error (error);
  /* The store fills in the column default and tells. */
  g_assert_cmpint (sam_group_get_position (group), ==, 0);
  g_assert_cmpint (n_notify, ==, 1);
  g_object_set (group, "position", 0, NULL);
  g_assert_cmpint (n_notify, ==, 1);
  g_assert_cmpint (sam_group_get_kind (group), ==, SAM_GROUP_KIND_PROCESS_TEAM);
  g_assert_cmpstr (sam_group_kind_get_label (SAM_GROUP_KIND_COUNCIL), ==, "Council");
  g_assert_cmpstr (sam_enum_get_nick (SAM_TYPE_GROUP_KIND, SAM_GROUP_KIND_PROCESS_TEAM), ==, "process_team");
}

static void
test_collation (StoreFixture  *fixture,
                gconstpointer  data)
{
  const char *names[] = { "Örn", "Zeta", "Ärla", "Åsa", "Ängel", "Åke", "adam", "Östen", "Eva" };
  const char *expected[] = { "adam", "Eva", "Zeta", "Åke", "Åsa", "Ängel", "Ärla", "Örn", "Östen" };
  g_autoptr(GListModel) people = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    g_object_unref (add_person (fixture->store, names[i]));

  people = sam_store_list_people (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (people), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SamPerson) person = g_list_model_get_item (people, i);

      g_assert_cmpstr (sam_person_get_name (person), ==, expected[i]);
    }
}

/* Groups come in the Swedish order of their names (kept as sort keys):
 * in every list of them, and again after a rename. */
static void
assert_group_names (GListModel  *groups,
                    const char **expected)
{
  guint n = 0;

  for (; expected[n] != NULL; n++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, n);

      g_assert_nonnull (group);
      g_assert_cmpstr (sam_group_get_name (group), ==, expected[n]);
    }
  g_assert_cmpuint (g_list_model_get_n_items (groups), ==, n);
}

static void
test_group_collation (StoreFixture  *fixture,
                      gconstpointer  data)
{
  SamStore *store = fixture->store;
  const char *names[] = { "Örn", "Zeta", "Ärla", "Åsa", "adam", "Ängel", NULL };
  const char *expected[] = { "adam", "Zeta", "Åsa", "Ängel", "Ärla", "Örn", NULL };
  const char *renamed[] = { "adam", "Bäver", "Zeta", "Åsa", "Ängel", "Ärla", NULL };
  const char *children[] = { "Äpple", "Öl", "Ost", NULL };
  const char *children_sorted[] = { "Ost", "Äpple", "Öl", NULL };
  g_autoptr(SamGroup) top = add_group (store, "TOP", "Överst", NULL);
  g_autoptr(GHashTable) parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GError) error = NULL;
  SamGroup *orn = NULL;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *code = g_strdup_printf ("G%u", i);
      SamGroup *group = add_group (store, code, names[i], top);

      if (i == 0)
        orn = g_object_ref (group);
      g_object_unref (group);
    }

  list = sam_store_list_child_groups (store, sam_group_get_uuid (top), &error);
  g_assert_no_error (error);
  assert_group_names (list, expected);
  g_clear_object (&list);
  list = sam_store_list_child_groups_marked (store, sam_group_get_uuid (top), parents, &error);
  g_assert_no_error (error);
  assert_group_names (list, expected);
  g_clear_object (&list);

  /* A rename takes its new place at once. */
  g_object_set (orn, "name", "Bäver", NULL);
  g_assert_true (sam_store_save (store, orn, &error));
  g_assert_no_error (error);
  list = sam_store_list_child_groups (store, sam_group_get_uuid (top), &error);
  assert_group_names (list, renamed);
  g_clear_object (&list);

  /* The register's groups are marked as parents when they have children. */
  for (guint i = 0; children[i] != NULL; i++)
    {
      g_autofree char *code = g_strdup_printf ("C%u", i);
      g_autoptr(SamGroup) child = add_group (store, code, children[i], orn);
    }
  list = sam_store_list_child_groups_marked (store, sam_group_get_uuid (top), parents, &error);
  g_assert_no_error (error);
  g_assert_true (g_hash_table_contains (parents, sam_group_get_uuid (orn)));
  g_assert_cmpuint (g_hash_table_size (parents), ==, 1);
  g_clear_object (&list);
  list = sam_store_list_child_groups (store, sam_group_get_uuid (orn), &error);
  assert_group_names (list, children_sorted);
  g_clear_object (&list);
  g_object_unref (orn);
}

static void
test_lists (StoreFixture  *fixture,
            gconstpointer  data)
{
  SamStore *store = fixture->store;
  g_autoptr(SamGroup) top = add_group (store, "HS", "Hälso- och sjukvård", NULL);
  g_autoptr(SamGroup) b = add_group (store, "B", "Barn", top);
  g_autoptr(SamGroup) a = add_group (store, "A", "Äldre", top);
  g_autoptr(SamPerson) person = add_person (store, "Doris");
  g_autoptr(SamAssignment) assignment = sam_assignment_new ();
  g_autoptr(GListModel) children = NULL;
  g_autoptr(GListModel) roots = NULL;
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(SamGroup) first = NULL;
  g_autoptr(GError) error = NULL;

  children = sam_store_list_child_groups (store, sam_group_get_uuid (top), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (children), ==, 2);
  g_assert_true (g_list_model_get_item_type (children) == SAM_TYPE_GROUP);
  first = g_list_model_get_item (children, 0);
  g_assert_cmpstr (sam_group_get_name (first), ==, "Barn");

  roots = sam_store_list_child_groups (store, NULL, &error);
  g_assert_cmpuint (g_list_model_get_n_items (roots), ==, 1);

  g_object_set (assignment, "person-uuid", sam_person_get_uuid (person), "group-uuid", sam_group_get_uuid (a),
                "role", SAM_ROLE_COORDINATOR, NULL);
  g_assert_true (sam_store_save (store, assignment, &error));
  assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (a), &error);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 1);
  g_clear_object (&assignments);
  assignments = sam_store_list_person_assignments (store, sam_person_get_uuid (person), &error);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 1);
  g_clear_object (&assignments);
  assignments = sam_store_list_group_assignments (store, sam_group_get_uuid (b), &error);
  g_assert_cmpuint (g_list_model_get_n_items (assignments), ==, 0);
}

/* Full-text search */

static void
test_search (StoreFixture  *fixture,
             gconstpointer  data)
{
  SamStore *store = fixture->store;
  g_autoptr(SamGroup) group = add_group (store, "AOI", "Anestesi", NULL);
  g_autoptr(SamDecision) d1 = add_decision (store, group, "Vårdförlopp höftfraktur", "Gäller alla sjukhus");
  g_autoptr(SamDecision) d2 = add_decision (store, group, "Varde plan", "Ingen vård här");
  g_autoptr(SamDecision) d3 = add_decision (store, group, "Rutin för överrapportering", "Varde");
  g_autoptr(SamMeeting) meeting = sam_meeting_new ();
  const char *odd[] = { "\"", "AND (", "vård OR", "*", "NEAR(a b)", "", "   ", "^x", "col:val", "\xff" };
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(GError) error = NULL;

  /* "vård*" finds "Vårdförlopp" and "vård", never "Varde". */
  hits = sam_store_search_decisions (store, "vård*", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);

  hits = sam_store_search_decisions (store, "VÅRDFÖRLOPP", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);

  hits = sam_store_search_decisions (store, "varde", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);

  hits = sam_store_search_decisions (store, "över rapp", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
  g_clear_object (&hits);
  hits = sam_store_search_decisions (store, "över", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);

  for (guint i = 0; i < G_N_ELEMENTS (odd); i++)
    {
      hits = sam_store_search_decisions (store, odd[i], &error);
      g_assert_no_error (error);
      g_assert_nonnull (hits);
      g_clear_object (&hits);
    }

  /* Edits reach the index through the triggers. */
  g_object_set (d2, "title", "Vårdplan", NULL);
  g_assert_true (sam_store_save (store, d2, &error));
  hits = sam_store_search_decisions (store, "vårdplan", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);

  g_object_set (meeting, "title", "Rådsmöte", "starts", "2026-02-03T08:00:00Z", "ends", "2026-02-03T10:00:00Z",
                "notes", "Diskuterade läkemedelsgenomgångar", NULL);
  g_assert_true (sam_store_save (store, meeting, &error));
  hits = sam_store_search_meetings (store, "Läkemedel", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 1);
  g_clear_object (&hits);
  hits = sam_store_search_meetings (store, "lakemedel", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 0);
}

/* Decisions */

static void
test_decision_fixed (StoreFixture  *fixture,
                     gconstpointer  data)
{
  SamStore *store = fixture->store;
  g_autoptr(SamGroup) group = add_group (store, "AOI", "Anestesi", NULL);
  g_autoptr(SamDecision) decision = add_decision (store, group, "Gemensam rutin", "Text");
  g_autoptr(SamDecision) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  g_assert_true (sam_store_register_decision (store, decision, &error));
  g_assert_no_error (error);
  g_assert_true (sam_decision_is_registered (decision));
  g_assert_cmpint (sam_decision_get_year (decision), ==, 2026);
  g_assert_cmpint (sam_decision_get_serial (decision), ==, 1);
  number = sam_decision_format_number (decision, "AOI");
  g_assert_cmpstr (number, ==, "AOI 2026:1");

  g_object_set (decision, "title", "Ändrad rutin", NULL);
  g_assert_false (sam_store_save (store, decision, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);
  stored = sam_store_dup_by_uuid (store, SAM_TYPE_DECISION, sam_decision_get_uuid (decision), &error);
  g_assert_cmpstr (sam_decision_get_title (stored), ==, "Gemensam rutin");

  g_assert_false (sam_store_register_decision (store, stored, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);

  g_object_set (stored, "status", SAM_DECISION_STATUS_IMPLEMENTED, "follow-up", "2026-12-01", NULL);
  g_assert_true (sam_store_save (store, stored, &error));
  g_assert_no_error (error);

  g_assert_false (sam_store_delete (store, stored, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
}

static void
test_decision_numbering (StoreFixture  *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) other = sam_store_open (fixture->path, &error);
  g_autoptr(SamGroup) group = add_group (fixture->store, "AOI", "Anestesi", NULL);
  g_autoptr(SamGroup) group2 = add_group (fixture->store, "BU", "Barn", NULL);
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  const guint n = 12;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      SamStore *store = i % 2 == 0 ? fixture->store : other;
      g_autoptr(SamDecision) decision = sam_decision_new ();

      g_object_set (decision, "group-uuid", sam_group_get_uuid (i % 3 == 2 ? group2 : group),
                    "title", "Beslut", "decided", "2026-05-01", NULL);
      g_assert_true (sam_store_register_decision (store, decision, &error));
      g_assert_no_error (error);
    }

  list = sam_store_list_decisions (other, sam_group_get_uuid (group), &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 8);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(SamDecision) decision = g_list_model_get_item (list, i);

      /* Newest first: 8, 7, … 1. */
      g_assert_cmpint (sam_decision_get_serial (decision), ==, 8 - i);
      g_hash_table_add (seen, GINT_TO_POINTER (sam_decision_get_serial (decision)));
    }
  g_assert_cmpuint (g_hash_table_size (seen), ==, 8);
  g_assert_cmpuint (sam_store_count_decisions (fixture->store, sam_group_get_uuid (group2), 2026), ==, 4);
  g_assert_cmpuint (sam_store_count_decisions (fixture->store, NULL, 0), ==, n);
  g_assert_cmpuint (sam_store_count_decisions (fixture->store, NULL, 2025), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&other));
}

/* Import */

/* Imports one row given as xml-name, value pairs. */
static gboolean
import_row (SamStoreImport  *import,
            SamTable         table,
            const char      *uuid,
            const char      *location,
            GError         **error,
            ...)
{
  const SamTableInfo *info = sam_schema_table (table);
  g_autofree const char **values = g_new0 (const char *, info->n_columns + 1);
  const char *name;
  va_list args;

  va_start (args, error);
  while ((name = va_arg (args, const char *)) != NULL)
    {
      const SamColumn *column = sam_schema_column_for_xml (info, name);

      g_assert_nonnull (column);
      values[column - info->columns] = va_arg (args, const char *);
    }
  va_end (args);

  return sam_store_import_row (import, table, uuid, values, location, error);
}

#define U(n) "00000000-0000-4000-8000-0000000000" n

static void
import_sample (SamStoreImport *import)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (import_row (import, SAM_TABLE_ORGANISATION, U ("01"), "r.xml, line 3", &error,
                             "name", "Region", "kind", "administration", NULL));
  g_assert_true (import_row (import, SAM_TABLE_PERSON, U ("11"), "r.xml, line 5", &error,
                             "name", "Åsa", "organisation", U ("01"), NULL));
  /* The subgroup comes before its parent. */
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("22"), "r.xml, line 7", &error,
                             "name", "Smärta", "kind", "subgroup", "parent", U ("21"), NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 8", &error,
                             "code", "AOI", "name", "Anestesi", "kind", "council", "position", "2", NULL));
  g_assert_true (import_row (import, SAM_TABLE_ASSIGNMENT, U ("31"), "r.xml, line 9", &error,
                             "person", U ("11"), "group", U ("21"), "role", "chair", NULL));
  /* A registered decision superseding one that comes later. */
  g_assert_true (import_row (import, SAM_TABLE_DECISION, U ("41"), "r.xml, line 10", &error,
                             "group", U ("21"), "year", "2026", "serial", "2", "decided", "2026-04-01",
                             "mandate", "line_mandates", "status", "decided", "supersedes", U ("42"),
                             "title", "Vårdförlopp, ny lydelse", NULL));
  g_assert_true (import_row (import, SAM_TABLE_DECISION, U ("42"), "r.xml, line 11", &error,
                             "group", U ("21"), "year", "2026", "serial", "1", "decided", "2026-03-01",
                             "mandate", "line_mandates", "status", "superseded",
                             "title", "Vårdförlopp", "body", "Första lydelsen", NULL));
  g_assert_true (sam_store_import_info (import, "name", "Region Exempel", &error));
  g_assert_no_error (error);
}

static void
test_import_replace (StoreFixture  *fixture,
                     gconstpointer  data)
{
  g_autoptr(SamStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) tables = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GListModel) hits = NULL;
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GPtrArray) info = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *audit = NULL;
  SamImportSummary summary = { 0, };

  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), tables);
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  import_sample (import);
  g_assert_true (sam_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.added, ==, 7);
  g_assert_cmpuint (summary.updated, ==, 0);
  g_assert_cmpuint (summary.conflicts->len, ==, 0);
  sam_import_summary_clear (&summary);
  g_assert_cmpint (tables->len, ==, 1);
  g_assert_cmpint (g_array_index (tables, guint, 0), ==, SAM_N_TABLES);
  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, tables);

  group = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_GROUP, U ("22"), &error);
  g_assert_cmpstr (sam_group_get_parent_uuid (group), ==, U ("21"));
  decision = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_DECISION, U ("41"), &error);
  g_assert_cmpstr (sam_decision_get_supersedes_uuid (decision), ==, U ("42"));
  g_assert_cmpint (sam_decision_get_serial (decision), ==, 2);

  /* The index was rebuilt and the triggers are back. */
  hits = sam_store_search_decisions (fixture->store, "lydelse", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 2);
  g_clear_object (&hits);
  g_object_unref (add_decision (fixture->store, group, "Ny lydelse", NULL));
  hits = sam_store_search_decisions (fixture->store, "lydelse", &error);
  g_assert_cmpuint (g_list_model_get_n_items (hits), ==, 3);

  /* The superseding decision stays fixed after the import. */
  g_object_set (decision, "supersedes-uuid", NULL, NULL);
  g_assert_false (sam_store_save (fixture->store, decision, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);

  audit = last_audit (fixture, "action || ' ' || entity || ' ' || after");
  g_assert_true (g_str_has_prefix (audit, "insert decision"));
  info = sam_store_dup_info (fixture->store);
  g_assert_cmpuint (info->len, ==, 2);
  g_assert_cmpstr (info->pdata[1], ==, "Region Exempel");

  dump = dump_store (fixture->store);
  g_assert_nonnull (strstr (dump, "group " U ("21") " AOI Anestesi council (null) 2 (null) (null) (null)\n"));
  g_assert_nonnull (strstr (dump, "person " U ("11") " Åsa (null) (null) (null) " U ("01") "\n"));
}

static void
test_import_audit (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *audit = NULL;
  gint64 n_audit = count_audit (fixture);

  import = sam_store_import_begin (fixture->store, SAM_IMPORT_REPLACE, &error);
  import_sample (import);
  g_assert_true (sam_store_import_commit (import, NULL, &error));
  g_assert_cmpint (count_audit (fixture), ==, n_audit + 1);
  audit = last_audit (fixture, "action || ' ' || entity || ' ' || who || ' ' || after");
  g_assert_cmpstr (audit, ==, "import register Karin Koordinator "
                   "{\"mode\":\"replace\",\"added\":7,\"updated\":0,\"unchanged\":0,\"conflicts\":0}");
}

static void
test_import_errors (StoreFixture  *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamGroup) group = add_group (fixture->store, "BU", "Barn", NULL);
  g_autofree char *before = dump_store (fixture->store);
  g_autofree char *after = NULL;
  SamStoreImport *import;

  import = sam_store_import_begin (fixture->store, SAM_IMPORT_REPLACE, &error);
  g_assert_null (import);
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_NOT_EMPTY);
  g_clear_error (&error);

  /* An unknown reference. */
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_MERGE, &error);
  g_assert_true (import_row (import, SAM_TABLE_ORGANISATION, U ("01"), "r.xml, line 3", &error,
                             "name", "Region", "kind", "administration", NULL));
  g_assert_false (import_row (import, SAM_TABLE_PERSON, U ("11"), "r.xml, line 4", &error,
                              "name", "Åsa", "organisation", U ("99"), NULL));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 4: "));
  g_assert_nonnull (strstr (error->message, "Åsa"));
  g_assert_nonnull (strstr (error->message, U ("99")));
  g_clear_error (&error);
  sam_store_import_free (import);

  /* A forward reference to the same table that never comes. */
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_MERGE, &error);
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("22"), "r.xml, line 7", &error,
                             "name", "Smärta", "kind", "subgroup", "parent", U ("29"), NULL));
  g_assert_false (sam_store_import_commit (import, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 7: "));
  g_clear_error (&error);
  sam_store_import_free (import);

  /* The same UUID twice. */
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_MERGE, &error);
  g_assert_true (import_row (import, SAM_TABLE_PERSON, U ("11"), "r.xml, line 4", &error, "name", "Åsa", NULL));
  g_assert_false (import_row (import, SAM_TABLE_PERSON, U ("11"), "r.xml, line 5", &error, "name", "Bo", NULL));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 5: "));
  g_clear_error (&error);
  sam_store_import_free (import);

  /* A constraint: an empty name, a bad number. */
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_MERGE, &error);
  g_assert_true (import_row (import, SAM_TABLE_PERSON, U ("12"), "r.xml, line 4", &error, "name", "Cilla", NULL));
  g_assert_false (import_row (import, SAM_TABLE_PERSON, U ("13"), "r.xml, line 6", &error, "name", " ", NULL));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 6: "));
  g_clear_error (&error);
  g_assert_false (import_row (import, SAM_TABLE_GROUP, U ("23"), "r.xml, line 8", &error,
                              "name", "G", "kind", "council", "position", "två", NULL));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 8: "));
  g_clear_error (&error);
  sam_store_import_free (import);

  /* Many rows, then no commit. */
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_MERGE, &error);
  import_sample (import);
  sam_store_import_free (import);

  after = dump_store (fixture->store);
  g_assert_cmpstr (before, ==, after);
  g_assert_true (sam_store_delete (fixture->store, group, &error));
  g_assert_true (sam_store_is_empty (fixture->store));
}

static void
test_import_rollback_file (StoreFixture  *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStoreImport) import = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  sqlite3 *db;

  /* With no WAL file in the way, the main file holds everything. */
  g_assert_finalize_object (g_steal_pointer (&fixture->store));
  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->path, &before, &before_len, NULL));

  fixture->store = sam_store_open (fixture->path, &error);
  import = sam_store_import_begin (fixture->store, SAM_IMPORT_REPLACE, &error);
  import_sample (import);
  g_assert_false (import_row (import, SAM_TABLE_PERSON, U ("11"), "r.xml, line 99", &error, "name", "Bo", NULL));
  g_clear_pointer (&import, sam_store_import_free);
  g_assert_finalize_object (g_steal_pointer (&fixture->store));

  db = open_raw (fixture->path);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA wal_checkpoint(TRUNCATE)", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (fixture->path, &after, &after_len, NULL));
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_import_merge (StoreFixture  *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamStoreImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamPerson) person = NULL;
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(GPtrArray) info = NULL;
  SamImportSummary summary = { 0, };

  import = sam_store_import_begin (fixture->store, SAM_IMPORT_REPLACE, &error);
  import_sample (import);
  g_assert_true (sam_store_import_commit (import, NULL, &error));
  g_clear_pointer (&import, sam_store_import_free);

  import = sam_store_import_begin (fixture->store, SAM_IMPORT_MERGE, &error);
  g_assert_no_error (error);
  /* Unchanged (an absent position equals the default 0). */
  g_assert_true (import_row (import, SAM_TABLE_ORGANISATION, U ("01"), "m.xml, line 3", &error,
                             "name", "Region", "kind", "administration", NULL));
  /* Changed. */
  g_assert_true (import_row (import, SAM_TABLE_PERSON, U ("11"), "m.xml, line 4", &error,
                             "name", "Åsa Ek", "organisation", U ("01"), NULL));
  /* New, referring to a row already in the register and to a later one. */
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("24"), "m.xml, line 5", &error,
                             "name", "Ny", "kind", "subgroup", "parent", U ("25"), NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("25"), "m.xml, line 6", &error,
                             "name", "Förälder", "kind", "council", "parent", U ("21"), NULL));
  /* A registered decision with another wording: a conflict, left as is. */
  g_assert_true (import_row (import, SAM_TABLE_DECISION, U ("42"), "m.xml, line 7", &error,
                             "group", U ("21"), "year", "2026", "serial", "1", "decided", "2026-03-01",
                             "mandate", "line_mandates", "status", "superseded",
                             "title", "Vårdförlopp (ändrad)", "body", "Första lydelsen", NULL));
  /* Its status may change. */
  g_assert_true (import_row (import, SAM_TABLE_DECISION, U ("41"), "m.xml, line 8", &error,
                             "group", U ("21"), "year", "2026", "serial", "2", "decided", "2026-04-01",
                             "mandate", "line_mandates", "status", "implemented", "supersedes", U ("42"),
                             "title", "Vårdförlopp, ny lydelse", NULL));
  g_assert_true (sam_store_import_info (import, "name", "Annan region", &error));
  g_assert_true (sam_store_import_info (import, "region", "Exempel", &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (summary.added, ==, 2);
  g_assert_cmpuint (summary.updated, ==, 2);
  g_assert_cmpuint (summary.unchanged, ==, 1);
  g_assert_cmpuint (summary.conflicts->len, ==, 1);
  g_assert_true (g_str_has_prefix (summary.conflicts->pdata[0], "m.xml, line 7: "));
  sam_import_summary_clear (&summary);
  g_assert_null (summary.conflicts);

  person = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_PERSON, U ("11"), &error);
  g_assert_cmpstr (sam_person_get_name (person), ==, "Åsa Ek");
  decision = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_DECISION, U ("42"), &error);
  g_assert_cmpstr (sam_decision_get_title (decision), ==, "Vårdförlopp");
  g_clear_object (&decision);
  decision = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_DECISION, U ("41"), &error);
  g_assert_cmpint (sam_decision_get_status (decision), ==, SAM_DECISION_STATUS_IMPLEMENTED);

  info = sam_store_dup_info (fixture->store);
  g_assert_cmpuint (info->len, ==, 4);
  g_assert_cmpstr (info->pdata[1], ==, "Region Exempel");
  g_assert_cmpstr (info->pdata[3], ==, "Exempel");
}

/* A model type's table is found from its class, which exists only once
 * something made one: looking a row up by a type that nothing has used yet
 * in the process (a fresh subprocess here) must still work, with no
 * "ensure the classes" call anywhere. */
static void
test_dup_before_class (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autoptr(SamStoreImport) import = NULL;
  g_autoptr(SamPerson) person = NULL;
  g_autoptr(SamOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }

  store = sam_test_new_tmp_store ("test-store-XXXXXX", "register.samordna", &dir, NULL);
  import = sam_store_import_begin (store, SAM_IMPORT_REPLACE, &error);
  g_assert_no_error (error);
  g_assert_true (import_row (import, SAM_TABLE_ORGANISATION, U ("01"), "r.xml, line 3", &error,
                             "name", "Region", "kind", "administration", NULL));
  g_assert_true (import_row (import, SAM_TABLE_PERSON, U ("11"), "r.xml, line 5", &error,
                             "name", "Åsa", "organisation", U ("01"), NULL));
  g_assert_true (sam_store_import_commit (import, &summary, &error));
  g_assert_no_error (error);
  sam_import_summary_clear (&summary);

  g_assert_null (g_type_class_peek (SAM_TYPE_PERSON));
  g_assert_null (g_type_class_peek (SAM_TYPE_ORGANISATION));
  person = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, U ("11"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_person_get_name (person), ==, "Åsa");
  organisation = sam_store_dup_by_uuid (store, SAM_TYPE_ORGANISATION, U ("01"), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (sam_organisation_get_name (organisation), ==, "Region");

  g_clear_pointer (&import, sam_store_import_free);
  sam_test_free_tmp_store (g_steal_pointer (&store), dir);
}

/* The register's own settings: none at first, stored in the file with an
 * audit entry, a value it already has writes nothing, a control character
 * is refused in Swedish, and they travel with the register's facts. */
static void
test_settings (StoreFixture  *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) info = NULL;
  g_autofree char *value = NULL;
  sqlite3 *db = NULL;
  gboolean listed = FALSE;

  g_assert_null (sam_store_dup_setting (fixture->store, "planning.avoid-short-days"));
  g_assert_true (sam_store_get_boolean_setting (fixture->store, "planning.avoid-short-days", TRUE));
  g_assert_false (sam_store_get_boolean_setting (fixture->store, "planning.avoid-short-days", FALSE));

  g_assert_true (sam_store_set_boolean_setting (fixture->store, "planning.avoid-short-days", FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (sam_store_get_boolean_setting (fixture->store, "planning.avoid-short-days", TRUE));
  g_assert_true (sam_store_set_boolean_setting (fixture->store, "planning.avoid-short-days", FALSE, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_set_setting (fixture->store, "planning.note", "Säg \"nej\"\tibland", &error));
  g_assert_no_error (error);
  value = sam_store_dup_setting (fixture->store, "planning.note");
  g_assert_cmpstr (value, ==, "Säg \"nej\"\tibland");

  g_assert_false (sam_store_set_setting (fixture->store, "planning.note", "a\vb", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM register_info WHERE key LIKE 'setting.%'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM audit_log WHERE entity = 'setting'"), ==, 2);
  g_assert_cmpint (query_int (db, "SELECT count (*) FROM audit_log WHERE entity = 'setting' AND after = "
                                  "'{\"value\":\"Säg \\\"nej\\\"\\tibland\"}'"), ==, 1);
  sqlite3_close (db);

  info = sam_store_dup_info (fixture->store);
  for (guint i = 0; i + 1 < info->len; i += 2)
    listed |= g_strcmp0 (info->pdata[i], "setting.planning.avoid-short-days") == 0 &&
              g_strcmp0 (info->pdata[i + 1], "false") == 0;
  g_assert_true (listed);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, StoreFixture, NULL, store_set_up, func, store_tear_down)
  ADD ("/store/open/migrates", test_open_migrates);
  g_test_add_func ("/store/open/default-path", test_open_default_path);
  g_test_add_func ("/store/edit/dup-before-class", test_dup_before_class);
  ADD ("/store/open/newer-version", test_open_newer_version);
  ADD ("/store/open/foreign-file", test_open_foreign_file);
  ADD ("/store/journal/local", test_journal_local);
  ADD ("/store/journal/network", test_journal_network);
  ADD ("/store/edit/crud", test_crud);
  ADD ("/store/edit/errors", test_crud_errors);
  ADD ("/store/edit/changed", test_changed_signal);
  ADD ("/store/edit/notify", test_model_notify);
  ADD ("/store/list/collation", test_collation);
  ADD ("/store/list/tree", test_lists);
  ADD ("/store/list/group-collation", test_group_collation);
  ADD ("/store/read/references", test_read_references);
  ADD ("/store/search", test_search);
  ADD ("/store/decision/fixed", test_decision_fixed);
  ADD ("/store/decision/numbering", test_decision_numbering);
  ADD ("/store/import/replace", test_import_replace);
  ADD ("/store/import/audit", test_import_audit);
  ADD ("/store/import/errors", test_import_errors);
  ADD ("/store/import/rollback-file", test_import_rollback_file);
  ADD ("/store/import/merge", test_import_merge);
  ADD ("/store/settings", test_settings);
#undef ADD

  return g_test_run ();
}

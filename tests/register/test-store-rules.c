/* test-store-rules.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include <sqlite3.h>

#include "sam-clock.h"
#include "sam-store-private.h"
#include "sam-store-decisions.h"
#include "sam-store-meetings.h"
#include "sam-store-structure.h"
#include "sam-test-util.h"
#include "sam-xml.h"

/* The register's invariants, which every write of the store keeps: no
 * control characters in any text, no circles of parents, supersedes or
 * relations, the life of a registered decision, a group's code fixed once
 * its decisions are numbered; and an edit that changes nothing writes
 * nothing. Each is checked in the file itself, on a connection of its
 * own. */

typedef struct
{
  char     *dir;
  char     *path;
  SamStore *store;
  guint     n_changed;
} Fixture;

static void
changed_cb (SamStore *store,
            guint     table,
            gpointer  user_data)
{
  Fixture *fixture = user_data;

  fixture->n_changed++;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_store ("test-store-rules-XXXXXX", "register.sqlite", &fixture->dir, &fixture->path);
  sam_store_set_user_name (fixture->store, "Karin Koordinator");
  g_signal_connect (fixture->store, "changed", G_CALLBACK (changed_cb), fixture);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  g_signal_handlers_disconnect_by_func (fixture->store, changed_cb, fixture);
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->path);
  g_free (fixture->dir);
}

/* One number from the register file, read on a connection of its own. */
static gint64
query_int (Fixture    *fixture,
           const char *sql,
           ...)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  const char *param;
  gint64 value = -1;
  va_list args;
  int i = 1;

  g_assert_cmpint (sqlite3_open_v2 (fixture->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  va_start (args, sql);
  while ((param = va_arg (args, const char *)) != NULL)
    sqlite3_bind_text (stmt, i++, param, -1, SQLITE_TRANSIENT);
  va_end (args);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static gint64
count_audit (Fixture *fixture)
{
  return query_int (fixture, "SELECT count (*) FROM audit_log", NULL);
}

/* Rows, made through the public API */

static char *
add_person (Fixture    *fixture,
            const char *name,
            const char *email,
            const char *phone)
{
  g_autoptr(SamPerson) person = sam_person_new ();

  g_object_set (person, "name", name, "email", email, "phone", phone, NULL);
  return sam_test_save (fixture->store, person);
}

static SamDecision *
register_decision (Fixture    *fixture,
                   const char *group,
                   const char *title,
                   const char *decided)
{
  g_autoptr(GError) error = NULL;
  SamDecision *decision = sam_decision_new ();

  g_object_set (decision, "group-uuid", group, "title", title, "body", "Lydelse", "decided", decided, NULL);
  g_assert_true (sam_store_register_decision (fixture->store, decision, &error));
  g_assert_no_error (error);

  return decision;
}

static gpointer
dup_row (Fixture    *fixture,
         GType       type,
         const char *uuid)
{
  g_autoptr(GError) error = NULL;
  gpointer item = sam_store_dup_by_uuid (fixture->store, type, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (item);
  return item;
}

/* Asserts that saving @item is refused with @code and a message that
 * contains each of the NULL-terminated texts, and that nothing was
 * written. */
static void
assert_save_refused (Fixture    *fixture,
                     gpointer    item,
                     int         code,
                     ...)
{
  g_autoptr(GError) error = NULL;
  gint64 n_audit = count_audit (fixture);
  guint n_changed = fixture->n_changed;
  const char *text;
  va_list args;

  g_assert_false (sam_store_save (fixture->store, item, &error));
  g_assert_error (error, SAM_STORE_ERROR, code);
  g_test_message ("%s", error->message);
  va_start (args, code);
  while ((text = va_arg (args, const char *)) != NULL)
    if (strstr (error->message, text) == NULL)
      g_error ("“%s” is not in “%s”", text, error->message);
  va_end (args);

  g_assert_cmpint (count_audit (fixture), ==, n_audit);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed);
}

/* Defect 7: a pasted vertical tab was saved, and then no export worked. */
static void
test_control_characters (Fixture       *fixture,
                         gconstpointer  data)
{
  static const char * const bad[] = {
    "070-123\v45 67",        /* vertical tab */
    "070-123\f45 67",        /* form feed */
    "070-123\x1b" "45 67",   /* escape */
    "070-123\xc2\x85" "45",  /* U+0085, a C1 control */
    "070-123\xef\xbf\xbe",   /* U+FFFE */
    "070-123\xef\xbf\xbf",   /* U+FFFF */
    "070-123\xff",           /* not UTF-8 */
  };
  g_autofree char *uuid = add_person (fixture, "Anna Berg", NULL, "070-123 45 67");
  g_autofree char *group = sam_test_add_group (fixture->store, "AOI", "Samordningsråd", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autofree char *export = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autoptr(SamGroup) copy = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(SamPerson) person = dup_row (fixture, SAM_TYPE_PERSON, uuid);

      g_object_set (person, "phone", bad[i], NULL);
      /* The message names the person and the field, never the UUID. */
      assert_save_refused (fixture, person, SAM_STORE_ERROR_INVALID, "Anna Berg", "Phone", NULL);
      g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM person WHERE phone = '070-123 45 67'", NULL), ==, 1);
    }

  /* A group is named too, and a text column is checked like the others. */
  copy = dup_row (fixture, SAM_TYPE_GROUP, group);
  g_object_set (copy, "description", "Rad ett\vrad två", NULL);
  assert_save_refused (fixture, copy, SAM_STORE_ERROR_INVALID, "Samordningsråd", "Description", NULL);

  /* Tabs and line breaks of either kind are text. */
  g_object_set (copy, "description", "Rad ett\r\nrad två\tflik\rslut\n", NULL);
  g_assert_true (sam_store_save (fixture->store, copy, &error));
  g_assert_no_error (error);

  /* So the register can always be exported. */
  g_assert_true (sam_xml_export (fixture->store, export, NULL, NULL, &error));
  g_assert_no_error (error);
}

/* An edit that changes nothing writes nothing and tells no view, so a view
 * that saves what it was just given cannot loop on its own refresh. */
static void
test_unchanged_edits (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *council = sam_test_add_group (fixture->store, "AOI", "Samordningsråd", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autofree char *team = sam_test_add_group (fixture->store, "AOI-PT", "Processteam", SAM_GROUP_KIND_PROCESS_TEAM, council);
  g_autofree char *person = add_person (fixture, "Anna Berg", "anna@example.se", NULL);
  g_autoptr(SamOrganisation) organisation = sam_organisation_new ();
  g_autoptr(SamMeeting) meeting = sam_meeting_new ();
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(SamDecision) draft = sam_decision_new ();
  g_autoptr(SamDecision) registered = NULL;
  g_autoptr(SamAssignment) assignment = sam_assignment_new ();
  g_autoptr(GPtrArray) escalations = NULL;
  const char *groups[] = { council, NULL };
  g_autofree char *organisation_uuid = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit;
  guint n_changed;

  g_object_set (organisation, "name", "Region", NULL);
  organisation_uuid = sam_test_save (fixture->store, organisation);
  g_object_set (meeting, "title", "Rådsmöte", "starts", "2026-03-12T08:00:00Z", "ends", "2026-03-12T10:00:00Z", NULL);
  g_assert_true (sam_store_save_meeting (fixture->store, meeting, groups, &error));
  g_assert_no_error (error);
  item = sam_agenda_item_new (sam_meeting_get_uuid (meeting));
  sam_agenda_item_set_title (item, "Uppföljning");
  g_assert_true (sam_store_save_agenda_item (fixture->store, item, &error));
  g_assert_true (sam_store_set_attendance (fixture->store, sam_meeting_get_uuid (meeting), person,
                                           SAM_ATTENDANCE_STATUS_PRESENT, NULL, &error));
  g_assert_true (sam_store_set_reports_to (fixture->store, team, council, &error));
  g_assert_true (sam_store_set_seats (fixture->store, council, organisation_uuid, 2, &error));
  g_object_set (draft, "group-uuid", council, "title", "Utkast", "decided", "2026-03-12", NULL);
  g_free (sam_test_save (fixture->store, draft));
  registered = register_decision (fixture, council, "Beslut", "2026-03-12");
  g_assert_true (sam_store_set_decision_status (fixture->store, registered, SAM_DECISION_STATUS_IN_IMPLEMENTATION, &error));
  g_assert_true (sam_store_escalate_decision (fixture->store, registered, team, NULL, "Mandat saknas", "2026-03-13", &error));
  escalations = sam_store_list_escalations (fixture->store, sam_decision_get_uuid (registered), &error);
  g_assert_true (sam_store_answer_escalation (fixture->store, ((SamEscalation *) escalations->pdata[0])->uuid,
                                              "Svar", "2026-03-14", &error));
  g_object_set (assignment, "person-uuid", person, "group-uuid", council, "role", SAM_ROLE_MEMBER,
                "ends", "2026-12-31", NULL);
  g_free (sam_test_save (fixture->store, assignment));
  g_assert_no_error (error);

  n_audit = count_audit (fixture);
  n_changed = fixture->n_changed;

#define UNCHANGED(call) G_STMT_START { \
    g_assert_true (call); \
    g_assert_no_error (error); \
    if (count_audit (fixture) != n_audit || fixture->n_changed != n_changed) \
      g_error ("%s wrote %" G_GINT64_FORMAT " audit entries and told the views %u times", \
               #call, count_audit (fixture) - n_audit, fixture->n_changed - n_changed); \
  } G_STMT_END

  {
    g_autoptr(SamGroup) group = dup_row (fixture, SAM_TYPE_GROUP, team);
    g_autoptr(SamPerson) copy = dup_row (fixture, SAM_TYPE_PERSON, person);
    g_autoptr(SamDecision) draft_copy = dup_row (fixture, SAM_TYPE_DECISION, sam_decision_get_uuid (draft));
    g_autoptr(SamDecision) registered_copy = dup_row (fixture, SAM_TYPE_DECISION, sam_decision_get_uuid (registered));

    UNCHANGED (sam_store_save (fixture->store, group, &error));
    UNCHANGED (sam_store_save (fixture->store, copy, &error));
    UNCHANGED (sam_store_save (fixture->store, organisation, &error));
    UNCHANGED (sam_store_save (fixture->store, draft_copy, &error));
    UNCHANGED (sam_store_save (fixture->store, registered_copy, &error));
  }
  UNCHANGED (sam_store_set_reports_to (fixture->store, team, council, &error));
  UNCHANGED (sam_store_set_reports_to (fixture->store, council, NULL, &error));
  UNCHANGED (sam_store_set_seats (fixture->store, council, organisation_uuid, 2, &error));
  UNCHANGED (sam_store_move_group (fixture->store, team, council, &error));
  UNCHANGED (sam_store_dissolve_group (fixture->store, team, NULL, &error));
  UNCHANGED (sam_store_save_meeting (fixture->store, meeting, groups, &error));
  UNCHANGED (sam_store_save_agenda_item (fixture->store, item, &error));
  UNCHANGED (sam_store_move_agenda_item (fixture->store, item, 1, &error));
  UNCHANGED (sam_store_set_attendance (fixture->store, sam_meeting_get_uuid (meeting), person,
                                       SAM_ATTENDANCE_STATUS_PRESENT, NULL, &error));
  UNCHANGED (sam_store_set_decision_status (fixture->store, registered, SAM_DECISION_STATUS_ESCALATED, &error));
  UNCHANGED (sam_store_answer_escalation (fixture->store, ((SamEscalation *) escalations->pdata[0])->uuid,
                                          "Svar", "2026-03-14", &error));
  UNCHANGED (sam_store_end_assignment (fixture->store, assignment, "2026-12-31", &error));
#undef UNCHANGED

  /* A real change is still one entry and one signal. */
  g_assert_true (sam_store_set_seats (fixture->store, council, organisation_uuid, 3, &error));
  g_assert_cmpint (count_audit (fixture), ==, n_audit + 1);
  g_assert_cmpuint (fixture->n_changed, ==, n_changed + 1);
}

/* A registered decision's life, whichever function saves it. */
static void
test_decision_lifecycle (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autofree char *council = sam_test_add_group (fixture->store, "AOI", "Samordningsråd", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autoptr(SamDecision) first = register_decision (fixture, council, "Rutin för remisser", "2026-03-12");
  g_autoptr(SamDecision) second = register_decision (fixture, council, "Mall för anmälan", "2026-03-12");
  g_autoptr(SamDecision) correction = sam_decision_new ();
  g_autoptr(SamDecision) copy = NULL;
  g_autoptr(SamDecision) draft = sam_decision_new ();
  g_autoptr(SamDecision) numbered = sam_decision_new ();
  g_autoptr(GError) error = NULL;

  /* The wording and the number are fixed. */
  copy = dup_row (fixture, SAM_TYPE_DECISION, sam_decision_get_uuid (first));
  g_object_set (copy, "title", "Rutin för remisser, ändrad", NULL);
  assert_save_refused (fixture, copy, SAM_STORE_ERROR_FIXED, "Rutin för remisser", NULL);
  g_clear_object (&copy);

  /* Withdrawing needs a reason, whichever way it is saved. */
  copy = dup_row (fixture, SAM_TYPE_DECISION, sam_decision_get_uuid (second));
  g_object_set (copy, "status", SAM_DECISION_STATUS_WITHDRAWN, NULL);
  assert_save_refused (fixture, copy, SAM_STORE_ERROR_INVALID, "Mall för anmälan", NULL);
  g_object_set (copy, "withdrawn-reason", "  ", NULL);
  assert_save_refused (fixture, copy, SAM_STORE_ERROR_INVALID, "Mall för anmälan", NULL);
  g_assert_true (sam_store_withdraw_decision (fixture->store, second, "Frågan ägs av linjen", &error));
  g_assert_no_error (error);
  g_clear_object (&copy);

  /* A withdrawn decision stays withdrawn. */
  copy = dup_row (fixture, SAM_TYPE_DECISION, sam_decision_get_uuid (second));
  g_object_set (copy, "status", SAM_DECISION_STATUS_IN_IMPLEMENTATION, NULL);
  assert_save_refused (fixture, copy, SAM_STORE_ERROR_FIXED, "Mall för anmälan", NULL);
  g_clear_object (&copy);

  /* A superseded decision stays superseded. */
  g_object_set (correction, "group-uuid", council, "title", "Rutin för remisser, ny lydelse", "decided", "2026-03-13", NULL);
  g_assert_true (sam_store_supersede_decision (fixture->store, first, correction, &error));
  g_assert_no_error (error);
  copy = dup_row (fixture, SAM_TYPE_DECISION, sam_decision_get_uuid (first));
  g_assert_cmpint (sam_decision_get_status (copy), ==, SAM_DECISION_STATUS_SUPERSEDED);
  g_object_set (copy, "status", SAM_DECISION_STATUS_DECIDED, NULL);
  assert_save_refused (fixture, copy, SAM_STORE_ERROR_FIXED, "Rutin för remisser", NULL);
  g_clear_object (&copy);

  /* A draft cannot supersede itself. */
  g_object_set (draft, "group-uuid", council, "title", "Utkast", NULL);
  g_free (sam_test_save (fixture->store, draft));
  g_object_set (draft, "supersedes-uuid", sam_decision_get_uuid (draft), NULL);
  assert_save_refused (fixture, draft, SAM_STORE_ERROR_INVALID, "Utkast", NULL);

  /* A number is a serial from 1 in a year of our era. */
  g_object_set (numbered, "group-uuid", council, "title", "Numrerat", "decided", "2026-03-12",
                "status", SAM_DECISION_STATUS_DECIDED, "year", 2026, NULL);
  _sam_model_set_string (numbered, "serial", "-5");
  assert_save_refused (fixture, numbered, SAM_STORE_ERROR_INVALID, "Numrerat", NULL);
  g_object_set (numbered, "serial", 0, NULL);
  assert_save_refused (fixture, numbered, SAM_STORE_ERROR_INVALID, "Numrerat", NULL);
  g_object_set (numbered, "serial", 7, "year", 0, NULL);
  assert_save_refused (fixture, numbered, SAM_STORE_ERROR_INVALID, "Numrerat", NULL);
  g_object_set (numbered, "year", 12026, NULL);
  assert_save_refused (fixture, numbered, SAM_STORE_ERROR_INVALID, "Numrerat", NULL);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM decision WHERE serial < 1 OR year < 1900 OR year > 2200",
                              NULL), ==, 0);
}

/* Defect 8: a decision dated in the future was registered. */
static void
test_decision_future (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autofree char *council = sam_test_add_group (fixture->store, "AOI", "Samordningsråd", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autofree char *today = sam_clock_dup_today ();
  g_autofree char *tomorrow = g_date_time_format (later, "%Y-%m-%d");
  g_autoptr(SamDecision) draft = sam_decision_new ();
  g_autoptr(SamDecision) today_decision = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_audit;

  /* A draft may carry the date of the meeting that will take it. */
  g_object_set (draft, "group-uuid", council, "title", "Kommande beslut", "decided", tomorrow, NULL);
  g_free (sam_test_save (fixture->store, draft));

  n_audit = count_audit (fixture);
  g_assert_false (sam_store_register_decision (fixture->store, draft, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Kommande beslut"));
  g_assert_nonnull (strstr (error->message, tomorrow));
  g_clear_error (&error);
  g_assert_cmpint (count_audit (fixture), ==, n_audit);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM decision WHERE serial IS NOT NULL", NULL), ==, 0);

  today_decision = register_decision (fixture, council, "Dagens beslut", today);
  g_assert_cmpint (sam_decision_get_serial (today_decision), ==, 1);
}

/* A group's code is part of every number it gave: fixed once one is given. */
static void
test_group_code (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *council = sam_test_add_group (fixture->store, "AOI", "Samordningsråd", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autofree char *other = sam_test_add_group (fixture->store, "BU", "Barn och unga", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autoptr(SamDecision) draft = sam_decision_new ();
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GError) error = NULL;

  /* Drafts have no number yet. */
  g_object_set (draft, "group-uuid", other, "title", "Utkast", NULL);
  g_free (sam_test_save (fixture->store, draft));
  group = dup_row (fixture, SAM_TYPE_GROUP, other);
  g_object_set (group, "code", "BOU", NULL);
  g_assert_true (sam_store_save (fixture->store, group, &error));
  g_assert_no_error (error);
  g_clear_object (&group);

  decision = register_decision (fixture, council, "Beslut", "2026-03-12");
  group = dup_row (fixture, SAM_TYPE_GROUP, council);
  g_object_set (group, "code", "AOX", NULL);
  assert_save_refused (fixture, group, SAM_STORE_ERROR_FIXED, "Samordningsråd", "AOI", NULL);
  g_object_set (group, "code", NULL, NULL);
  assert_save_refused (fixture, group, SAM_STORE_ERROR_FIXED, "Samordningsråd", NULL);

  /* Its name may still change. */
  g_object_set (group, "code", "AOI", "name", "Samordningsråd AOI", NULL);
  g_assert_true (sam_store_save (fixture->store, group, &error));
  g_assert_no_error (error);
}

/* Circles, through the edits that could make them. */
static void
test_edit_cycles (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *top = sam_test_add_group (fixture->store, "A", "Rådet A", SAM_GROUP_KIND_COUNCIL, NULL);
  g_autofree char *middle = sam_test_add_group (fixture->store, "B", "Gruppen B", SAM_GROUP_KIND_SUBGROUP, top);
  g_autofree char *bottom = sam_test_add_group (fixture->store, "C", "Gruppen C", SAM_GROUP_KIND_SUBGROUP, middle);
  g_autoptr(SamGroup) group = dup_row (fixture, SAM_TYPE_GROUP, top);
  g_autoptr(GError) error = NULL;
  gint64 n_audit;

  /* Saving the group with a new parent is a move too. */
  g_object_set (group, "parent-uuid", bottom, NULL);
  assert_save_refused (fixture, group, SAM_STORE_ERROR_INVALID, "Rådet A", "Gruppen C", NULL);
  g_object_set (group, "parent-uuid", top, NULL);
  assert_save_refused (fixture, group, SAM_STORE_ERROR_INVALID, "Rådet A", NULL);
  g_assert_false (sam_store_move_group (fixture->store, top, bottom, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM grp WHERE parent_id IS NULL", NULL), ==, 1);

  /* B reports to A; A cannot report to B, nor to a group reporting to B. */
  g_assert_true (sam_store_set_reports_to (fixture->store, middle, top, &error));
  g_assert_true (sam_store_set_reports_to (fixture->store, bottom, middle, &error));
  g_assert_no_error (error);
  n_audit = count_audit (fixture);
  g_assert_false (sam_store_set_reports_to (fixture->store, top, bottom, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "Rådet A"));
  g_assert_nonnull (strstr (error->message, "Gruppen C"));
  g_clear_error (&error);
  g_assert_cmpint (count_audit (fixture), ==, n_audit);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM group_relation", NULL), ==, 2);
}

/* Rows of an import, which may come in any order: a circle can only be seen
 * once all are in, so it is refused at the commit, with the row's place. */

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
assert_commit_refused (SamStoreImport *import,
                       const char     *location,
                       const char     *name)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (sam_store_import_commit (import, NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, location));
  g_assert_nonnull (strstr (error->message, name));
  sam_store_import_free (import);
}

static SamStoreImport *
begin (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  SamStoreImport *import = sam_store_import_begin (fixture->store, SAM_IMPORT_REPLACE, &error);

  g_assert_no_error (error);
  return import;
}

/* Defect 3: an imported circle froze the chart and the escalation proposal. */
static void
test_import_cycles (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  SamStoreImport *import;

  /* Two groups, each the other's parent. */
  import = begin (fixture);
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                             "name", "Gruppen A", "kind", "council", "parent", U ("22"), NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("22"), "r.xml, line 8", &error,
                             "name", "Gruppen B", "kind", "subgroup", "parent", U ("21"), NULL));
  g_assert_no_error (error);
  assert_commit_refused (import, "r.xml, line 7: ", "Gruppen A");

  /* Three. */
  import = begin (fixture);
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                             "name", "Gruppen A", "kind", "council", "parent", U ("23"), NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("22"), "r.xml, line 8", &error,
                             "name", "Gruppen B", "kind", "subgroup", "parent", U ("21"), NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("23"), "r.xml, line 9", &error,
                             "name", "Gruppen C", "kind", "subgroup", "parent", U ("22"), NULL));
  g_assert_no_error (error);
  assert_commit_refused (import, "r.xml, line 7: ", "Gruppen A");

  /* A group under itself, which its own row shows. */
  import = begin (fixture);
  g_assert_false (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                              "name", "Gruppen A", "kind", "council", "parent", U ("21"), NULL));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 7: "));
  g_clear_error (&error);
  sam_store_import_free (import);

  /* Relations of one kind that lead back. */
  import = begin (fixture);
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                             "name", "Gruppen A", "kind", "council", NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("22"), "r.xml, line 8", &error,
                             "name", "Gruppen B", "kind", "council", NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("23"), "r.xml, line 9", &error,
                             "name", "Gruppen C", "kind", "council", NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP_RELATION, U ("31"), "r.xml, line 10", &error,
                             "from", U ("21"), "to", U ("22"), "kind", "escalates_to", NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP_RELATION, U ("32"), "r.xml, line 11", &error,
                             "from", U ("22"), "to", U ("23"), "kind", "escalates_to", NULL));
  /* Another kind is another graph. */
  g_assert_true (import_row (import, SAM_TABLE_GROUP_RELATION, U ("33"), "r.xml, line 12", &error,
                             "from", U ("23"), "to", U ("21"), "kind", "reports_to", NULL));
  g_assert_true (import_row (import, SAM_TABLE_GROUP_RELATION, U ("34"), "r.xml, line 13", &error,
                             "from", U ("23"), "to", U ("21"), "kind", "escalates_to", NULL));
  g_assert_no_error (error);
  assert_commit_refused (import, "r.xml, line 10: ", "Gruppen A");

  /* A decision that supersedes itself, and two that supersede each other. */
  import = begin (fixture);
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                             "code", "AOI", "name", "Gruppen A", "kind", "council", NULL));
  g_assert_false (import_row (import, SAM_TABLE_DECISION, U ("41"), "r.xml, line 20", &error,
                              "group", U ("21"), "year", "2026", "serial", "1", "decided", "2026-03-01",
                              "mandate", "line_mandates", "status", "decided", "supersedes", U ("41"),
                              "title", "Beslutet om sig självt", NULL));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "r.xml, line 20: "));
  g_clear_error (&error);
  sam_store_import_free (import);

  import = begin (fixture);
  g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                             "code", "AOI", "name", "Gruppen A", "kind", "council", NULL));
  g_assert_true (import_row (import, SAM_TABLE_DECISION, U ("41"), "r.xml, line 20", &error,
                             "group", U ("21"), "year", "2026", "serial", "1", "decided", "2026-03-01",
                             "mandate", "line_mandates", "status", "superseded", "supersedes", U ("42"),
                             "title", "Första", NULL));
  g_assert_true (import_row (import, SAM_TABLE_DECISION, U ("42"), "r.xml, line 21", &error,
                             "group", U ("21"), "year", "2026", "serial", "2", "decided", "2026-03-02",
                             "mandate", "line_mandates", "status", "superseded", "supersedes", U ("41"),
                             "title", "Andra", NULL));
  g_assert_no_error (error);
  assert_commit_refused (import, "r.xml, line 20: ", "Första");

  g_assert_true (sam_store_is_empty (fixture->store));
}

/* Defect 3: numbers no register gives, refused on the row's own line. */
static void
test_import_values (Fixture       *fixture,
                    gconstpointer  data)
{
  static const struct {
    const char *year;
    const char *serial;
    const char *status;
    const char *reason;
    const char *title;
  } bad[] = {
    { "-2026", "-5", "decided", NULL, "Negativt nummer" },
    { "2026", "0", "decided", NULL, "Nummer noll" },
    { "0", "3", "decided", NULL, "År noll" },
    { "2026", "3", "withdrawn", NULL, "Återtaget utan skäl" },
    { "2026", "3", "withdrawn", " \n", "Återtaget med tomt skäl" },
    { "2026", "3", "decided", NULL, "Styr\vtecken" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      SamStoreImport *import = begin (fixture);

      g_assert_true (import_row (import, SAM_TABLE_GROUP, U ("21"), "r.xml, line 7", &error,
                                 "code", "HX1", "name", "Gruppen A", "kind", "council", NULL));
      g_assert_false (import_row (import, SAM_TABLE_DECISION, U ("41"), "r.xml, line 20", &error,
                                  "group", U ("21"), "year", bad[i].year, "serial", bad[i].serial,
                                  "decided", "2026-03-01", "mandate", "line_mandates", "status", bad[i].status,
                                  "withdrawn-reason", bad[i].reason, "title", bad[i].title, NULL));
      g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
      g_test_message ("%s", error->message);
      g_assert_true (g_str_has_prefix (error->message, "r.xml, line 20: "));
      sam_store_import_free (import);
    }

  g_assert_true (sam_store_is_empty (fixture->store));
}

/* Defect 9: a deleted person's name, e-mail and phone stayed in the audit
 * log for ever. */
static void
test_forget_person (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *uuid = add_person (fixture, "Anna Berg", "anna.berg@example.se", "070-111 22 33");
  g_autofree char *keep = add_person (fixture, "Bo Ek", "bo.ek@example.se", NULL);
  g_autofree char *twin = add_person (fixture, "Bo Ek", "bo.ek.gammal@example.se", "070-999 88 77");
  g_autoptr(SamPerson) person = dup_row (fixture, SAM_TYPE_PERSON, uuid);
  g_autoptr(GError) error = NULL;

  g_object_set (person, "title", "Verksamhetschef", "phone", "070-444 55 66", NULL);
  g_assert_true (sam_store_save (fixture->store, person, &error));
  g_assert_true (sam_store_delete (fixture->store, person, &error));
  g_assert_true (sam_store_merge_people (fixture->store, keep, twin, &error));
  g_assert_no_error (error);

  /* What happened is still there, without who it was about. */
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE entity_uuid = ?1", uuid, NULL), ==, 3);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE entity_uuid = ?1", twin, NULL), ==, 1);
  for (guint i = 0; i < 5; i++)
    {
      const char *gone[] = { "Anna Berg", "anna.berg@", "070-111 22 33", "070-444 55 66", "bo.ek.gammal@" };

      if (query_int (fixture, "SELECT count (*) FROM audit_log WHERE instr (coalesce (before, '') || "
                              "coalesce (after, ''), ?1) > 0", gone[i], NULL) != 0)
        g_error ("“%s” is still in the audit log", gone[i]);
    }

  /* The people still in the register keep their history. */
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE instr (after, 'bo.ek@') > 0", NULL), >, 0);
}

/* Defect 9, for the registers of earlier versions: the people deleted
 * before are forgotten too, when the register is brought up to date. */
static void
test_forget_person_migration (Fixture       *fixture,
                              gconstpointer  data)
{
  static const char * const rules[] = {
    "decision_number_range_insert", "decision_number_range_update", "decision_withdrawn_reason_insert",
    "decision_withdrawn_reason_update", "decision_stays_closed", "grp_code_fixed", "grp_no_circle",
    "decision_no_circle", "group_relation_no_circle_insert", "group_relation_no_circle_update", "person_forget_audit",
  };
  g_autofree char *gone = add_person (fixture, "Cecilia Dahl", "cecilia.dahl@example.se", "070-777 66 55");
  g_autofree char *kept = add_person (fixture, "Bo Ek", "bo.ek@example.se", NULL);
  g_autoptr(SamStore) reopened = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  /* As schema version 6 left it: the person deleted, the log untouched. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
    {
      g_autofree char *drop = g_strdup_printf ("DROP TRIGGER %s", rules[i]);

      g_assert_cmpint (sqlite3_exec (db, drop, NULL, NULL, NULL), ==, SQLITE_OK);
    }
  g_assert_cmpint (sqlite3_prepare_v2 (db, "DELETE FROM person WHERE uuid = ?1", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, gone, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 6", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE instr (after, 'cecilia.dahl@') > 0",
                              NULL), ==, 1);

  reopened = sam_test_open_store (fixture->dir, "register.sqlite");
  g_assert_cmpint (query_int (fixture, "PRAGMA user_version", NULL), >=, 7);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE entity_uuid = ?1", gone, NULL), ==, 1);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE instr (after, 'Cecilia') > 0 "
                                       "OR instr (after, 'cecilia.dahl@') > 0 OR instr (after, '070-777') > 0", NULL), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count (*) FROM audit_log WHERE instr (after, 'bo.ek@') > 0", NULL), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/store/rules/control-characters", test_control_characters);
  ADD ("/store/rules/unchanged-edits", test_unchanged_edits);
  ADD ("/store/rules/decision-lifecycle", test_decision_lifecycle);
  ADD ("/store/rules/decision-future", test_decision_future);
  ADD ("/store/rules/group-code", test_group_code);
  ADD ("/store/rules/edit-cycles", test_edit_cycles);
  ADD ("/store/rules/import-cycles", test_import_cycles);
  ADD ("/store/rules/import-values", test_import_values);
  ADD ("/store/rules/forget-person", test_forget_person);
  ADD ("/store/rules/forget-person-migration", test_forget_person_migration);
#undef ADD

  return g_test_run ();
}

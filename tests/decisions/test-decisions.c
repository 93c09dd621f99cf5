/* test-decisions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The decision register in the store: numbering under two connections at
 * once, a registered decision fixed by the store itself (not only by the
 * UI), the supersede chain, withdrawal, the escalation round trip and its
 * proposal along the structure, full-text search with Swedish words, the
 * status history from the audit log, follow-up, and the lazy lists.
 */

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "sam-clock.h"
#include "sam-decision-escalation.h"
#include "sam-decision-list.h"
#include "sam-decision-watch-list.h"
#include "sam-demo.h"
#include "sam-escalation-item.h"
#include "sam-store-decisions.h"
#include "sam-test-util.h"
#include "sam-xml.h"

/* The day the tests are written for, set in main(). */
static GDateTime *register_day;

typedef struct
{
  char     *dir;
  char     *path;
  SamStore *store;
  char     *group;     /* AOI, a council */
  char     *subgroup;  /* AOI-OP, under it */
} Fixture;

static SamDecision *
new_draft (const char *group,
           const char *title,
           const char *body,
           const char *decided)
{
  SamDecision *decision = sam_decision_new ();

  g_object_set (decision, "group-uuid", group, "title", title, "body", body, "decided", decided, NULL);
  return decision;
}

static SamDecision *
register_new (Fixture    *fixture,
              const char *title,
              const char *body,
              const char *decided)
{
  SamDecision *decision = new_draft (fixture->group, title, body, decided);
  g_autoptr(GError) error = NULL;

  g_assert_true (sam_store_register_decision (fixture->store, decision, &error));
  g_assert_no_error (error);
  return decision;
}

static void
set_up (Fixture       *fixture,
        gconstpointer  data)
{
  fixture->store = sam_test_new_tmp_store ("samordna-decisions-XXXXXX", "register.db", &fixture->dir, &fixture->path);
  sam_store_set_user_name (fixture->store, "Test");
  fixture->group = sam_test_add_group (fixture->store, "AOI", "Samordningsråd anestesi, operation, intensivvård",
                                       SAM_GROUP_KIND_COUNCIL, NULL);
  fixture->subgroup = sam_test_add_group (fixture->store, "AOI-OP", "Undergrupp operationskapacitet",
                                          SAM_GROUP_KIND_SUBGROUP, fixture->group);
}

static void
tear_down (Fixture       *fixture,
           gconstpointer  data)
{
  sam_test_free_tmp_store (fixture->store, fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->group);
  g_free (fixture->subgroup);
}

/* Numbering */

typedef struct
{
  const char *path;
  const char *group;
  guint       n;
  guint       failures;
} Worker;

static gpointer
register_many (gpointer data)
{
  Worker *worker = data;
  g_autoptr(SamStore) store = sam_store_open (worker->path, NULL);

  g_assert_nonnull (store);
  for (guint i = 0; i < worker->n; i++)
    {
      g_autofree char *title = g_strdup_printf ("Beslut %u", i);
      g_autoptr(SamDecision) decision = new_draft (worker->group, title, NULL, "2026-05-04");

      if (!sam_store_register_decision (store, decision, NULL))
        worker->failures++;
    }

  return NULL;
}

/* Two connections on one file register at the same time: every decision
 * gets a number, 1 … n without gaps or duplicates. */
static void
test_numbering_concurrent (Fixture       *fixture,
                           gconstpointer  data)
{
  Worker a = { fixture->path, fixture->group, 40, 0 };
  Worker b = { fixture->path, fixture->group, 40, 0 };
  GThread *ta, *tb;
  sqlite3 *db;
  sqlite3_stmt *stmt;

  ta = g_thread_new ("a", register_many, &a);
  tb = g_thread_new ("b", register_many, &b);
  g_thread_join (ta);
  g_thread_join (tb);
  g_assert_cmpuint (a.failures + b.failures, ==, 0);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT count (*), count (DISTINCT serial), min (serial), max (serial) "
                                           "FROM decision WHERE year = 2026", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 80);
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 80);
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, 80);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  /* A new year starts at 1 again; the number reads “AOI 2027:1”. */
  {
    g_autoptr(SamDecision) next = register_new (fixture, "Nytt år", NULL, "2027-01-10");
    g_autofree char *number = sam_decision_format_number (next, "AOI");

    g_assert_cmpstr (number, ==, "AOI 2027:1");
  }
}

/* The store refuses to change a registered decision's wording or number,
 * through the API and through plain SQL on the file. */
static void
test_fixed (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(SamDecision) decision = register_new (fixture, "Regional rutin för preoperativ fasta",
                                                  "Rutinen gäller från 1 mars.", "2026-02-12");
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;
  sqlite3 *db;

  g_object_set (decision, "title", "Ändrad rubrik", NULL);
  g_assert_false (sam_store_save (fixture->store, decision, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);

  g_assert_false (sam_store_delete (fixture->store, decision, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);

  g_assert_false (sam_store_set_decision_status (fixture->store, decision, SAM_DECISION_STATUS_DRAFT, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE decision SET body = 'Annan text' WHERE uuid = '%s'", sam_decision_get_uuid (decision));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "registered decision is fixed"));
  sqlite3_free (message);
  sqlite3_close (db);

  /* Status, responsible and follow-up are not the wording: they may change. */
  g_assert_true (sam_store_set_decision_status (fixture->store, decision,
                                                SAM_DECISION_STATUS_IN_IMPLEMENTATION, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_decision_get_status (decision), ==, SAM_DECISION_STATUS_IN_IMPLEMENTATION);
}

/* A correction is a new decision that supersedes the old one; both show
 * the link, and the old one cannot be superseded twice. */
static void
test_supersede (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(SamDecision) old = register_new (fixture, "Rutin för fasta",
                                             "Fasta gäller från midnatt.", "2026-02-12");
  g_autoptr(SamDecision) correction = new_draft (fixture->group, "Rutin för preoperativ fasta",
                                                 "Fasta gäller sex timmar före operation.", "2026-03-26");
  g_autoptr(SamDecision) again = new_draft (fixture->group, "Tredje", NULL, "2026-03-27");
  g_autoptr(SamDecision) successor = NULL;
  g_autoptr(SamDecision) third = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;

  g_assert_true (sam_store_supersede_decision (fixture->store, old, correction, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_decision_get_status (old), ==, SAM_DECISION_STATUS_SUPERSEDED);
  g_assert_cmpint (sam_decision_get_status (correction), ==, SAM_DECISION_STATUS_DECIDED);
  g_assert_cmpstr (sam_decision_get_supersedes_uuid (correction), ==, sam_decision_get_uuid (old));
  number = sam_decision_format_number (correction, "AOI");
  g_assert_cmpstr (number, ==, "AOI 2026:2");

  successor = sam_store_dup_superseding_decision (fixture->store, sam_decision_get_uuid (old), &error);
  g_assert_no_error (error);
  g_assert_nonnull (successor);
  g_assert_cmpstr (sam_decision_get_uuid (successor), ==, sam_decision_get_uuid (correction));

  g_assert_false (sam_store_supersede_decision (fixture->store, old, again, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);
  /* Nothing of the refused correction reached the register. */
  g_assert_cmpuint (sam_store_count_decisions (fixture->store, NULL, 0), ==, 2);

  /* The chain goes on from the correction. */
  g_assert_true (sam_store_supersede_decision (fixture->store, correction, again, &error));
  g_assert_no_error (error);
  third = sam_store_dup_superseding_decision (fixture->store, sam_decision_get_uuid (correction), NULL);
  g_assert_cmpstr (sam_decision_get_uuid (third), ==, sam_decision_get_uuid (again));
  g_assert_cmpint (sam_decision_get_status (correction), ==, SAM_DECISION_STATUS_SUPERSEDED);
}

static void
test_withdraw (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(SamDecision) decision = register_new (fixture, "Gemensam mall för operationsanmälan", NULL, "2026-03-26");
  g_autoptr(SamDecision) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_false (sam_store_withdraw_decision (fixture->store, decision, "  ", &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_withdraw_decision (fixture->store, decision,
                                              "Ersätts av det nationella vårdförloppet.", &error));
  g_assert_no_error (error);
  stored = sam_store_dup_by_uuid (fixture->store, SAM_TYPE_DECISION, sam_decision_get_uuid (decision), &error);
  g_assert_cmpint (sam_decision_get_status (stored), ==, SAM_DECISION_STATUS_WITHDRAWN);
  g_assert_cmpstr (sam_decision_get_withdrawn_reason (stored), ==, "Ersätts av det nationella vårdförloppet.");
  g_assert_cmpint (sam_decision_get_serial (stored), ==, 1);

  g_assert_false (sam_store_set_decision_status (fixture->store, decision, SAM_DECISION_STATUS_IMPLEMENTED, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
}

/* Escalate, see it open under the receiving body, answer, see it closed;
 * the history tells each step with its reason and answer. */
static void
test_escalation_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(SamDecision) decision = NULL;
  g_autoptr(SamDecision) draft = new_draft (fixture->group, "Utökade öppettider", NULL, NULL);
  g_autofree char *executive = sam_test_add_group (fixture->store, "KLHS", "Koncernledning hälso- och sjukvård",
                                                   SAM_GROUP_KIND_EXECUTIVE_GROUP, NULL);
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  SamEscalation *e;
  gboolean saw_escalate = FALSE, saw_answer = FALSE;

  /* A draft is not escalated: it has no number to refer to yet. */
  g_assert_true (sam_store_save (fixture->store, draft, &error));
  g_assert_false (sam_store_escalate_decision (fixture->store, draft, executive, NULL, "Resurser", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  decision = new_draft (fixture->group, "Gemensamma operationsresurser över sommaren",
                        "Rådet föreslår gemensam planering.", "2026-04-02");
  g_object_set (decision, "mandate", SAM_MANDATE_NONE, NULL);
  g_assert_true (sam_store_register_decision (fixture->store, decision, &error));
  g_assert_no_error (error);

  g_assert_false (sam_store_escalate_decision (fixture->store, decision, NULL, NULL, "Skäl", NULL, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (sam_store_escalate_decision (fixture->store, decision, executive, "Kontaktperson Anna Berg",
                                              "Resursfrågor ligger på linjeorganisationen.", "2026-04-03", &error));
  g_assert_no_error (error);
  g_assert_cmpint (sam_decision_get_status (decision), ==, SAM_DECISION_STATUS_ESCALATED);

  open = sam_store_list_open_escalations (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, ==, 1);
  e = g_ptr_array_index (open, 0);
  g_assert_cmpstr (e->to_group_name, ==, "Koncernledning hälso- och sjukvård");
  g_assert_cmpstr (e->to_other, ==, "Kontaktperson Anna Berg");
  g_assert_cmpstr (e->decision_number, ==, "AOI 2026:1");
  g_assert_null (e->answered);

  g_assert_true (sam_store_answer_escalation (fixture->store, e->uuid, "Koncernledningen tar frågan i budgetarbetet.",
                                              "2026-04-20", &error));
  g_assert_no_error (error);
  g_clear_pointer (&open, g_ptr_array_unref);
  open = sam_store_list_open_escalations (fixture->store, &error);
  g_assert_cmpuint (open->len, ==, 0);

  all = sam_store_list_escalations (fixture->store, sam_decision_get_uuid (decision), &error);
  g_assert_cmpuint (all->len, ==, 1);
  e = g_ptr_array_index (all, 0);
  g_assert_cmpstr (e->answered, ==, "2026-04-20");
  g_assert_cmpstr (e->answer, ==, "Koncernledningen tar frågan i budgetarbetet.");

  events = sam_store_list_decision_events (fixture->store, sam_decision_get_uuid (decision), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, >=, 3);
  g_assert_cmpstr (((SamDecisionEvent *) g_ptr_array_index (events, 0))->action, ==, "register");
  for (guint i = 0; i < events->len; i++)
    {
      SamDecisionEvent *event = g_ptr_array_index (events, i);

      if (g_strcmp0 (event->action, "escalate") == 0)
        {
          saw_escalate = TRUE;
          g_assert_cmpstr (event->status_before, ==, "decided");
          g_assert_cmpstr (event->status_after, ==, "escalated");
        }
      if (g_strcmp0 (event->action, "answer") == 0)
        {
          saw_answer = TRUE;
          g_assert_cmpstr (event->note, ==, "Koncernledningen tar frågan i budgetarbetet.");
        }
    }
  g_assert_true (saw_escalate);
  g_assert_true (saw_answer);
}

static gboolean
has_target (GPtrArray  *targets,
            guint       index,
            const char *label_part)
{
  SamEscalationTarget *t;

  if (index >= targets->len)
    return FALSE;
  t = g_ptr_array_index (targets, index);
  return strstr (t->label, label_part) != NULL;
}

/* Proposals along the demo register's structure: subgroup → council →
 * contact person → the groups the council escalates to → management group. */
static void
test_escalation_proposal (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&dir, &error);
  g_autoptr(GPtrArray) sub = NULL;
  g_autoptr(GPtrArray) council = NULL;
  g_autoptr(GPtrArray) resources = NULL;
  const char *aoi = "3eec2cfc-ac60-423a-9639-e2399a530ef3";
  const char *aoi_op = "7b164256-cb1f-4d28-aad1-7b65d34f25f7";
  SamEscalationTarget *t;
  gboolean management = FALSE, corporate = FALSE;

  g_assert_no_error (error);

  sub = sam_decision_propose_escalation (store, aoi_op, SAM_ESCALATION_TOPIC_GENERAL, "2026-06-01", &error);
  g_assert_no_error (error);
  t = g_ptr_array_index (sub, 0);
  g_assert_cmpstr (t->to_group_uuid, ==, aoi);
  g_assert_true (has_target (sub, 1, "Kontakt") || has_target (sub, 1, "Contact"));

  council = sam_decision_propose_escalation (store, aoi, SAM_ESCALATION_TOPIC_GENERAL, "2026-06-01", &error);
  g_assert_no_error (error);
  t = g_ptr_array_index (council, 0);
  g_assert_nonnull (t->to_other);
  /* The contact person sits in the executive group. */
  g_assert_cmpstr (t->to_group_uuid, ==, "0cd3bb36-5aa0-4631-8560-6ccf44324683");
  for (guint i = 1; i < council->len; i++)
    {
      t = g_ptr_array_index (council, i);
      if (g_strcmp0 (t->to_group_uuid, "2ce8cddf-b0c3-47a5-95e8-0e6e8be3c5d2") == 0)
        management = TRUE;
      if (g_strcmp0 (t->to_group_uuid, "a8635c1d-652b-4d13-8b40-91bcc059bcac") == 0)
        corporate = TRUE;
      g_assert_nonnull (t->why);
    }
  g_assert_true (management);
  g_assert_true (corporate);

  resources = sam_decision_propose_escalation (store, aoi, SAM_ESCALATION_TOPIC_RESOURCES, "2026-06-01", &error);
  g_assert_no_error (error);
  t = g_ptr_array_index (resources, 0);
  g_assert_null (t->to_group_uuid);
  g_assert_nonnull (t->to_other);

  g_clear_object (&store);
  sam_demo_remove (dir);
}

static guint
search_count (SamStore   *store,
              const char *text)
{
  SamDecisionFilter filter;
  guint n = 0;

  sam_decision_filter_init (&filter);
  filter.search = g_strdup (text);
  g_assert_true (sam_store_count_decision_rows (store, &filter, NULL, &n, NULL));
  sam_decision_filter_clear (&filter);

  return n;
}

/* Full-text search keeps å, ä and ö apart from a and o, ignores case, and
 * matches the start of words. */
static void
test_fts_swedish (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(SamDecision) a = register_new (fixture, "Vårdförlopp för höftledsartros",
                                           "Åtgärder för väntetider på ögonkliniken.", "2026-01-15");
  g_autoptr(SamDecision) b = register_new (fixture, "Varde och nytta",
                                           "Atgard utan prickar.", "2026-01-16");
  g_autoptr(SamDecision) c = register_new (fixture, "Strykningar i operationsprogrammet",
                                           "Gemensam modell för uppföljning.", "2026-01-17");
  SamDecisionFilter filter;
  g_autoptr(GPtrArray) rows = NULL;

  g_assert_cmpuint (search_count (fixture->store, "vård"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "VÅRDFÖRLOPP"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "vard"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "åtgärd"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "atgard"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "ögon"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "för"), ==, 2);
  g_assert_cmpuint (search_count (fixture->store, "uppföljning strykningar"), ==, 1);
  g_assert_cmpuint (search_count (fixture->store, "\"*)("), ==, 0);

  sam_decision_filter_init (&filter);
  filter.search = g_strdup ("väntetider");
  rows = sam_store_fetch_decision_rows (fixture->store, &filter, NULL, SAM_DECISION_SORT_RANK, FALSE, 0, 10, NULL);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (sam_decision_get_uuid (g_ptr_array_index (rows, 0)), ==, sam_decision_get_uuid (a));
  sam_decision_filter_clear (&filter);
}

/* The uuids a search finds, newest first, as the page lists them. */
static GPtrArray *
search_uuids (SamStore        *store,
              const char      *text,
              SamDecisionSort  sort)
{
  g_autoptr(GPtrArray) rows = NULL;
  GPtrArray *uuids = g_ptr_array_new_with_free_func (g_free);
  SamDecisionFilter filter;

  sam_decision_filter_init (&filter);
  filter.search = g_strdup (text);
  rows = sam_store_fetch_decision_rows (store, &filter, NULL, sort, TRUE, 0, 1000, NULL);
  g_assert_nonnull (rows);
  for (guint i = 0; i < rows->len; i++)
    g_ptr_array_add (uuids, g_strdup (sam_decision_get_uuid (g_ptr_array_index (rows, i))));
  sam_decision_filter_clear (&filter);

  return uuids;
}

static gboolean
contains_casefolded (const char *text,
                     const char *needle)
{
  g_autofree char *folded = g_utf8_casefold (text != NULL ? text : "", -1);

  return strstr (folded, needle) != NULL;
}

/* A decision's number finds that decision, with or without its group's
 * code and whatever the case; a word inside a Swedish compound finds the
 * compound ("kapacitet" in "operationskapaciteten"), and å, ä and ö stay
 * letters of their own there too. Checked on the demo register against
 * every decision read in full. */
static void
test_search_numbers_compounds (void)
{
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamStore) store = sam_demo_open (&dir, &error);
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) found = NULL;
  SamDecisionFilter filter;
  const char *aoi_2026_7 = "10f65502-032b-4a99-8871-d928746f0e38";
  const char * const numbers[] = { "AOI 2026:7", "aoi 2026:7", " AOI  2026:7 ", "Aoi 2026:7" };
  const SamDecisionSort sorts[] = { SAM_DECISION_SORT_RANK, SAM_DECISION_SORT_DATE, SAM_DECISION_SORT_NUMBER };
  guint expected = 0;

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    for (guint s = 0; s < G_N_ELEMENTS (sorts); s++)
      {
        g_autoptr(GPtrArray) uuids = search_uuids (store, numbers[i], sorts[s]);

        g_assert_cmpuint (uuids->len, ==, 1);
        g_assert_cmpstr (g_ptr_array_index (uuids, 0), ==, aoi_2026_7);
        g_assert_cmpuint (search_count (store, numbers[i]), ==, 1);
      }

  /* A number without a code finds that number in every group; a number
   * and words find the numbered decision only if the words are in it. */
  sam_decision_filter_init (&filter);
  all = sam_store_fetch_decision_rows (store, &filter, NULL, SAM_DECISION_SORT_DATE, FALSE, 0, 100000, &error);
  g_assert_no_error (error);
  sam_decision_filter_clear (&filter);
  for (guint i = 0; i < all->len; i++)
    {
      SamDecision *decision = g_ptr_array_index (all, i);
      if (sam_decision_get_year (decision) == 2026 && sam_decision_get_serial (decision) == 7)
        expected++;
    }
  g_assert_cmpuint (expected, >, 0);
  g_assert_cmpuint (search_count (store, "2026:7"), ==, expected);
  g_assert_cmpuint (search_count (store, "AOI 2026:7 sommaren"), ==, 1);
  g_assert_cmpuint (search_count (store, "AOI 2026:7 strykningar"), ==, 0);
  g_assert_cmpuint (search_count (store, "XYZ 2026:7"), ==, 0);

  /* Words inside compounds: every decision whose title or text holds the
   * word, and no other. */
  expected = 0;
  found = search_uuids (store, "kapacitet", SAM_DECISION_SORT_RANK);
  for (guint i = 0; i < all->len; i++)
    {
      SamDecision *decision = g_ptr_array_index (all, i);
      gboolean has = contains_casefolded (sam_decision_get_title (decision), "kapacitet") ||
                     contains_casefolded (sam_decision_get_body (decision), "kapacitet");

      expected += has;
      g_assert_true (has == g_ptr_array_find_with_equal_func (found, sam_decision_get_uuid (decision),
                                                               g_str_equal, NULL));
    }
  g_assert_cmpuint (expected, >=, 5);
  g_assert_cmpuint (found->len, ==, expected);
  g_assert_cmpuint (search_count (store, "KAPACITET"), ==, expected);
  g_assert_cmpuint (search_count (store, "operationskap"), >, 0);
  g_assert_cmpuint (search_count (store, "kapacitet sommaren"), ==, 2);
  /* "vård" is in "intensivvård"; "vard" is nowhere. */
  g_assert_cmpuint (search_count (store, "ntensivvård"), >, 0);
  g_assert_cmpuint (search_count (store, "ntensivvard"), ==, 0);

  g_clear_object (&store);
  sam_demo_remove (dir);
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *counter)
{
  (*counter)++;
}

/* The lazy list: the count from one query, pages on demand, never more
 * than a few pages in memory; sorting in Swedish order; filters; and a
 * refresh when the store changes. */
static void
test_lazy_list (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *titles[] = { "Öppettider", "Ärende", "Åtgärd", "Zon", "Anestesi", "Bemanning" };
  g_autoptr(SamDecisionList) list = NULL;
  SamDecisionFilter filter;
  guint page = sam_decision_list_get_page_size ();
  guint items_changed = 0;

  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(SamDecision) d = new_draft (i % 3 == 0 ? fixture->subgroup : fixture->group,
                                            titles[i % G_N_ELEMENTS (titles)], "Text", i % 2 ? "2025-05-01" : "2026-05-01");

      if (i % 5 == 0)
        g_object_set (d, "mandate", SAM_MANDATE_CHAIR_ROUTINE, NULL);
      g_assert_true (sam_store_register_decision (fixture->store, d, NULL));
    }

  list = sam_decision_list_new (fixture->store);
  g_signal_connect (list, "items-changed", G_CALLBACK (count_items_changed), &items_changed);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 600);
  g_assert_cmpuint (sam_decision_list_get_n_cached (list), ==, 0);

  /* Walk the whole list: the cache stays bounded. */
  for (guint i = 0; i < 600; i++)
    {
      g_autoptr(SamDecision) d = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_assert_nonnull (d);
      g_assert_cmpuint (sam_decision_list_get_n_cached (list), <=, 8 * page);
    }
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (list), 600));

  /* Titles in Swedish order: A B Z Å Ä Ö. */
  sam_decision_list_set_sort (list, SAM_DECISION_SORT_TITLE, FALSE);
  {
    g_autoptr(SamDecision) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(SamDecision) last = g_list_model_get_item (G_LIST_MODEL (list), 599);
    g_autoptr(SamDecision) z = g_list_model_get_item (G_LIST_MODEL (list), 299);
    g_autoptr(SamDecision) aa = g_list_model_get_item (G_LIST_MODEL (list), 300);

    g_assert_cmpstr (sam_decision_get_title (first), ==, "Anestesi");
    g_assert_cmpstr (sam_decision_get_title (z), ==, "Zon");
    g_assert_cmpstr (sam_decision_get_title (aa), ==, "Åtgärd");
    g_assert_cmpstr (sam_decision_get_title (last), ==, "Öppettider");
  }

  sam_decision_filter_init (&filter);
  filter.group_uuid = g_strdup (fixture->subgroup);
  sam_decision_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 200);
  filter.year = 2026;
  sam_decision_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  filter.mandate = SAM_MANDATE_CHAIR_ROUTINE;
  sam_decision_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 20);
  filter.mandate = -1;
  filter.status = SAM_DECISION_STATUS_WITHDRAWN;
  sam_decision_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
  sam_decision_filter_clear (&filter);
  filter.search = g_strdup ("åtg");
  sam_decision_list_set_filter (list, &filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 100);
  sam_decision_filter_clear (&filter);

  /* A change in the store reaches the list by itself. */
  items_changed = 0;
  {
    g_autoptr(SamDecision) d = register_new (fixture, "Åtgärdsplan", NULL, "2026-06-01");
  }
  g_assert_cmpuint (items_changed, >=, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 101);
}

/* A registered decision can never become a draft again, by any path. */
static void
test_no_redraft (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(SamDecision) decision = register_new (fixture, "Rutin för överflyttning", NULL, "2026-03-02");
  g_autoptr(SamDecision) draft = new_draft (fixture->group, "Utkast", NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;
  char *message = NULL;
  sqlite3 *db;

  g_object_set (decision, "status", SAM_DECISION_STATUS_DRAFT, NULL);
  g_assert_false (sam_store_save (fixture->store, decision, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED);
  g_clear_error (&error);

  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("UPDATE decision SET status = 'draft' WHERE uuid = '%s'", sam_decision_get_uuid (decision));
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, &message), !=, SQLITE_OK);
  g_assert_nonnull (strstr (message, "registered decision is fixed"));
  sqlite3_free (message);
  sqlite3_close (db);

  /* A draft stays a draft through any number of saves. */
  g_assert_true (sam_store_save (fixture->store, draft, &error));
  g_assert_no_error (error);
  g_object_set (draft, "title", "Utkast 2", NULL);
  g_assert_true (sam_store_save (fixture->store, draft, &error));
  g_assert_no_error (error);
}

static void
assert_titles (SamStore        *store,
               SamDecisionSort  sort,
               gboolean         descending,
               const char      *search,
               const char     **expected)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  SamDecisionFilter filter;
  guint n = g_strv_length ((char **) expected);

  sam_decision_filter_init (&filter);
  filter.search = g_strdup (search);
  rows = sam_store_fetch_decision_rows (store, &filter, NULL, sort, descending, 0, 1000, &error);
  sam_decision_filter_clear (&filter);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, n);
  for (guint i = 0; i < n; i++)
    g_assert_cmpstr (sam_decision_get_title (g_ptr_array_index (rows, descending ? n - 1 - i : i)), ==, expected[i]);
}

static void
reopen (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  g_assert_finalize_object (fixture->store);
  fixture->store = sam_store_open (fixture->path, &error);
  g_assert_no_error (error);
}

/* Text columns sort by their stored Swedish sort keys: the store keeps
 * them on insert and edit, another SQLite program can still write to the
 * register (its rows get their keys when the store next opens it), and a
 * different ICU version makes the store compute them all again. */
static void
test_sort_keys (Fixture       *fixture,
                gconstpointer  data)
{
  static const char *titles[] = { "Zon", "Öppettider", "anestesi", "Åtgärd", "Wilhelm", "ärende", "Bemanning", "Vård" };
  const char *sorted[] = { "anestesi", "Bemanning", "Vård", "Wilhelm", "Zon", "Åtgärd", "ärende", "Öppettider", NULL };
  const char *retitled[] = { "anestesi", "Bemanning", "Vård", "Wilhelm", "Åtgärd", "ärende", "Öppettider", "Östra", NULL };
  const char *outside[] = { "Aaa", "anestesi", "Bemanning", "Vård", "Wilhelm", "Åtgärd", "ärende", "Öppettider",
                            "Östra", NULL };
  const char *by_responsible[] = { "Wilhelm", "Vård", "Bemanning", "Åtgärd", "anestesi", NULL };
  g_autoptr(SamDecision) zon = NULL;
  g_autoptr(GError) error = NULL;
  char *message = NULL;
  sqlite3 *db;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(SamDecision) d = new_draft (fixture->group, titles[i], "Gemensam text", "2026-04-01");
      static const char *responsible[] = { NULL, NULL, "Örjan", "Åsa", "Anna", NULL, "Bo", "Anna" };

      g_object_set (d, "responsible", responsible[i], NULL);
      g_assert_true (sam_store_save (fixture->store, d, &error));
      g_assert_no_error (error);
      if (i == 0)
        zon = g_object_ref (d);
    }
  assert_titles (fixture->store, SAM_DECISION_SORT_TITLE, FALSE, NULL, sorted);
  assert_titles (fixture->store, SAM_DECISION_SORT_TITLE, TRUE, NULL, sorted);
  /* Every row matches: the page walks the title index and tests each row. */
  assert_titles (fixture->store, SAM_DECISION_SORT_TITLE, FALSE, "gemensam", sorted);

  /* Editing a title moves it; NULL responsibles come first, ties by id. */
  g_object_set (zon, "title", "Östra", NULL);
  g_assert_true (sam_store_save (fixture->store, zon, &error));
  g_assert_no_error (error);
  assert_titles (fixture->store, SAM_DECISION_SORT_TITLE, FALSE, NULL, retitled);
  {
    g_autoptr(GPtrArray) rows = NULL;
    SamDecisionFilter filter;

    sam_decision_filter_init (&filter);
    rows = sam_store_fetch_decision_rows (fixture->store, &filter, NULL, SAM_DECISION_SORT_RESPONSIBLE, FALSE,
                                          3, 5, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 5);
    for (guint i = 0; i < 5; i++)
      g_assert_cmpstr (sam_decision_get_title (g_ptr_array_index (rows, i)), ==, by_responsible[i]);
  }

  /* An outside program without sv_key () retitles and inserts. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE decision SET title = 'Aaa' WHERE title = 'Wilhelm';"
                                 "INSERT INTO decision (uuid, group_id, title, decided) "
                                 "SELECT '6f1c3f0e-98a4-4c55-9e8f-0b3c1c0a7d21', id, 'Wilhelm', '2026-04-02' "
                                 "FROM grp WHERE code = 'AOI';",
                                 NULL, NULL, &message), ==, SQLITE_OK);
  g_assert_null (message);
  g_assert_cmpint (sqlite3_exec (db, "SELECT count (*) FROM decision WHERE title_key IS NULL", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  reopen (fixture);
  outside[4] = "Wilhelm";
  assert_titles (fixture->store, SAM_DECISION_SORT_TITLE, FALSE, NULL, outside);

  /* A key from another ICU version is recomputed. */
  g_assert_cmpint (sqlite3_open (fixture->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "UPDATE sort_key_collator SET version = '0.0.0.0';"
                                 "UPDATE decision SET title_key = x'ff' WHERE title = 'Aaa';",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  reopen (fixture);
  assert_titles (fixture->store, SAM_DECISION_SORT_TITLE, FALSE, NULL, outside);
}

/* A register of schema version 1 gets its sort keys and the new search
 * index when it is opened. */
/* An import into an empty register computes the sort keys once at its
 * commit rather than row by row; afterwards the connection keeps them
 * current again. */
static void
test_sort_keys_import (Fixture       *fixture,
                       gconstpointer  data)
{
  static const char *titles[] = { "Öppettider", "anestesi", "Åtgärd", "Zon" };
  const char *sorted[] = { "anestesi", "Zon", "Åtgärd", "Öppettider", NULL };
  const char *with_new[] = { "anestesi", "Zon", "Åtgärd", "Ärla", "Öppettider", NULL };
  g_autofree char *xml = g_build_filename (fixture->dir, "export.xml", NULL);
  g_autofree char *path = g_build_filename (fixture->dir, "imported.db", NULL);
  g_autoptr(SamStore) imported = NULL;
  g_autoptr(SamDecision) draft = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(SamDecision) d = new_draft (fixture->group, titles[i], NULL, "2026-04-01");

      g_assert_true (sam_store_save (fixture->store, d, &error));
      g_assert_no_error (error);
    }
  g_assert_true (sam_xml_export (fixture->store, xml, NULL, NULL, &error));
  g_assert_no_error (error);

  imported = sam_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (sam_xml_import (imported, xml, SAM_IMPORT_REPLACE, &summary, NULL, NULL, &error));
  g_assert_no_error (error);
  sam_import_summary_clear (&summary);
  assert_titles (imported, SAM_DECISION_SORT_TITLE, FALSE, NULL, sorted);

  draft = new_draft (fixture->group, "Ärla", NULL, "2026-04-02");
  g_assert_true (sam_store_save (imported, draft, &error));
  g_assert_no_error (error);
  assert_titles (imported, SAM_DECISION_SORT_TITLE, FALSE, NULL, with_new);

  g_assert_finalize_object (g_steal_pointer (&imported));
}

static void
test_sort_keys_migration (void)
{
  const char *sorted[] = { "Anestesi", "Zon", "Åtgärd", "Öppettider", NULL };
  g_autofree char *dir = sam_test_make_tmp_dir ("samordna-decisions-XXXXXX");
  g_autofree char *path = g_build_filename (dir, "register.db", NULL);
  g_autoptr(GBytes) schema = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/001-initial.sql", 0, NULL);
  g_autoptr(GBytes) triggers = g_resources_lookup_data ("/io/github/samordna/Samordna/sql/fts-triggers.sql", 0, NULL);
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_sql = NULL;
  g_autofree char *triggers_sql = NULL;
  SamDecisionFilter filter;
  guint n = 0;
  sqlite3 *db;

  g_assert_nonnull (schema);
  g_assert_nonnull (triggers);
  schema_sql = g_strndup (g_bytes_get_data (schema, NULL), g_bytes_get_size (schema));
  triggers_sql = g_strndup (g_bytes_get_data (triggers, NULL), g_bytes_get_size (triggers));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, schema_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, triggers_sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db,
                                 "PRAGMA user_version = 1;"
                                 "INSERT INTO grp (id, uuid, code, name, kind) "
                                 "VALUES (1, 'a4f0b1de-7a3e-4f6b-9d55-2f1e0c7b9a10', 'AOI', 'Råd', 'council');"
                                 "INSERT INTO decision (uuid, group_id, title, body) VALUES "
                                 "('0b0e8f52-3c1d-4b7a-8e6f-1a2b3c4d5e01', 1, 'Öppettider', 'Vårdplan för sommaren'),"
                                 "('0b0e8f52-3c1d-4b7a-8e6f-1a2b3c4d5e02', 1, 'Zon', 'Varde'),"
                                 "('0b0e8f52-3c1d-4b7a-8e6f-1a2b3c4d5e03', 1, 'Åtgärd', 'Vårdförlopp'),"
                                 "('0b0e8f52-3c1d-4b7a-8e6f-1a2b3c4d5e04', 1, 'Anestesi', 'Text');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = sam_store_open (path, &error);
  g_assert_no_error (error);
  assert_titles (store, SAM_DECISION_SORT_TITLE, FALSE, NULL, sorted);

  sam_decision_filter_init (&filter);
  filter.search = g_strdup ("vår");
  g_assert_true (sam_store_count_decision_rows (store, &filter, NULL, &n, NULL));
  g_assert_cmpuint (n, ==, 2);
  sam_decision_filter_clear (&filter);

  sam_test_free_tmp_store (g_steal_pointer (&store), dir);
}

/* A search's matches: the same rows whether a page is found by walking an
 * index and testing each row (a broad search) or by reading the matches
 * and sorting them (a narrow one), and with the other filters. */
static void
test_search_pages (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(SamDecisionMatches) matches = NULL;
  g_autoptr(GError) error = NULL;
  SamDecisionFilter filter;
  guint n = 0;

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *title = g_strdup_printf ("Beslut %03u om %s", 299 - i, i % 3 == 0 ? "vårdplatser" : "annat");
      g_autofree char *decided = g_strdup_printf ("2026-%02u-%02u", 1 + i % 12, 1 + i % 28);
      g_autoptr(SamDecision) d = new_draft (i % 2 ? fixture->group : fixture->subgroup, title,
                                            i == 7 ? "Sällsynt ord" : "Text", decided);

      g_assert_true (sam_store_save (fixture->store, d, &error));
      g_assert_no_error (error);
    }

  matches = sam_store_match_decisions (fixture->store, "VÅRDPL", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sam_decision_matches_get_count (matches), ==, 100);

  sam_decision_filter_init (&filter);
  filter.search = g_strdup ("vårdpl");
  g_assert_true (sam_store_count_decision_rows (fixture->store, &filter, matches, &n, &error));
  g_assert_cmpuint (n, ==, 100);
  for (int sort = SAM_DECISION_SORT_DATE; sort <= SAM_DECISION_SORT_RANK; sort++)
    {
      g_autoptr(GPtrArray) all = NULL;
      g_autoptr(GPtrArray) searched = NULL;
      guint j = 0;

      g_free (filter.search);
      filter.search = NULL;
      all = sam_store_fetch_decision_rows (fixture->store, &filter, NULL, sort, TRUE, 0, 1000, &error);
      g_assert_no_error (error);
      filter.search = g_strdup ("vårdpl");
      /* Page by page, so that deep pages take the other path. */
      searched = g_ptr_array_new_with_free_func (g_object_unref);
      for (guint offset = 0; offset < 120; offset += 30)
        {
          g_autoptr(GPtrArray) page = sam_store_fetch_decision_rows (fixture->store, &filter, matches, sort, TRUE,
                                                                     offset, 30, &error);

          g_assert_no_error (error);
          for (guint i = 0; i < page->len; i++)
            g_ptr_array_add (searched, g_object_ref (g_ptr_array_index (page, i)));
        }
      g_assert_cmpuint (searched->len, ==, 100);
      if (sort == SAM_DECISION_SORT_RANK)
        continue;
      for (guint i = 0; i < all->len; i++)
        if (strstr (sam_decision_get_title (g_ptr_array_index (all, i)), "vårdplatser") != NULL)
          g_assert_cmpstr (sam_decision_get_uuid (g_ptr_array_index (all, i)), ==,
                           sam_decision_get_uuid (g_ptr_array_index (searched, j++)));
      g_assert_cmpuint (j, ==, 100);
    }

  /* With a group filter the count is a query; a narrow search is exact. */
  filter.group_uuid = g_strdup (fixture->group);
  g_assert_true (sam_store_count_decision_rows (fixture->store, &filter, matches, &n, &error));
  g_assert_cmpuint (n, ==, 50);
  g_free (filter.search);
  filter.search = g_strdup ("sällsynt");
  g_assert_true (sam_store_count_decision_rows (fixture->store, &filter, NULL, &n, &error));
  g_assert_cmpuint (n, ==, 1);
  {
    g_autoptr(GPtrArray) rows = sam_store_fetch_decision_rows (fixture->store, &filter, NULL, SAM_DECISION_SORT_TITLE,
                                                               FALSE, 0, 50, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (rows->len, ==, 1);
    g_assert_cmpstr (sam_decision_get_title (g_ptr_array_index (rows, 0)), ==, "Beslut 292 om annat");
  }
  sam_decision_filter_clear (&filter);
}

/* The number and group orders (through the groups' Swedish code order)
 * and every other order read page by page: pages near the top walk the
 * order's index, deeper ones sort ids first, and together they are the
 * whole register in one order, each decision once. */
static void
test_sort_orders (Fixture       *fixture,
                  gconstpointer  data)
{
  /* Created in this order; in Swedish order AOI, Zeta, Åre, Älv, Öst. */
  const char *codes[] = { "Öst", "Älv", "Zeta", "Åre", "AOI" };
  const int rank[] = { 4, 3, 1, 2, 0 };
  const char *groups[G_N_ELEMENTS (codes)];
  g_autoptr(GError) error = NULL;
  SamDecisionFilter filter;

  groups[0] = sam_test_add_group (fixture->store, codes[0], "Öst", SAM_GROUP_KIND_COUNCIL, NULL);
  groups[1] = sam_test_add_group (fixture->store, codes[1], "Älv", SAM_GROUP_KIND_COUNCIL, NULL);
  groups[2] = sam_test_add_group (fixture->store, codes[2], "Zeta", SAM_GROUP_KIND_COUNCIL, NULL);
  groups[3] = sam_test_add_group (fixture->store, codes[3], "Åre", SAM_GROUP_KIND_COUNCIL, NULL);
  groups[4] = g_strdup (fixture->group);

  /* 2 years × 5 groups × 35 registered decisions, and a few drafts. */
  for (guint i = 0; i < 350; i++)
    {
      g_autofree char *title = g_strdup_printf ("Beslut %u", i);
      g_autofree char *decided = g_strdup_printf ("%u-%02u-%02u", 2025 + i % 2, 1 + i % 12, 1 + i % 28);
      g_autoptr(SamDecision) d = new_draft (groups[i % G_N_ELEMENTS (groups)], title, NULL, decided);

      g_assert_true (sam_store_register_decision (fixture->store, d, &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < 6; i++)
    {
      g_autoptr(SamDecision) d = new_draft (groups[i % G_N_ELEMENTS (groups)], "Utkast", NULL, NULL);

      g_assert_true (sam_store_save (fixture->store, d, &error));
      g_assert_no_error (error);
    }

  sam_decision_filter_init (&filter);
  for (int sort = SAM_DECISION_SORT_DATE; sort < SAM_DECISION_SORT_RANK; sort++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autoptr(GPtrArray) all = sam_store_fetch_decision_rows (fixture->store, &filter, NULL, sort, descending,
                                                                  0, 1000, &error);
        g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
        guint n = 0;

        g_assert_no_error (error);
        g_assert_cmpuint (all->len, ==, 356);
        for (guint offset = 0; offset < all->len; offset += 40)
          {
            g_autoptr(GPtrArray) page = sam_store_fetch_decision_rows (fixture->store, &filter, NULL, sort,
                                                                       descending, offset, 40, &error);

            g_assert_no_error (error);
            for (guint i = 0; i < page->len; i++, n++)
              {
                const char *uuid = sam_decision_get_uuid (g_ptr_array_index (page, i));

                g_assert_cmpstr (uuid, ==, sam_decision_get_uuid (g_ptr_array_index (all, n)));
                g_assert_true (g_hash_table_add (seen, (gpointer) uuid));
              }
          }
        g_assert_cmpuint (n, ==, all->len);

        if (sort != SAM_DECISION_SORT_GROUP && sort != SAM_DECISION_SORT_NUMBER)
          continue;

        /* Each row against the one before it: the group's place in the
         * Swedish code order, the year and the serial. */
        for (guint i = 1; i < all->len; i++)
          {
            SamDecision *a = g_ptr_array_index (all, descending ? i : i - 1);
            SamDecision *b = g_ptr_array_index (all, descending ? i - 1 : i);
            int ga = -1, gb = -1;
            int key_a[3], key_b[3];

            for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
              {
                if (g_strcmp0 (sam_decision_get_group_uuid (a), groups[g]) == 0)
                  ga = rank[g];
                if (g_strcmp0 (sam_decision_get_group_uuid (b), groups[g]) == 0)
                  gb = rank[g];
              }
            g_assert_cmpint (ga, >=, 0);
            g_assert_cmpint (gb, >=, 0);
            /* Drafts have no year or serial and come first. */
            key_a[0] = sort == SAM_DECISION_SORT_GROUP ? ga : sam_decision_get_year (a);
            key_a[1] = sort == SAM_DECISION_SORT_GROUP ? sam_decision_get_year (a) : ga;
            key_a[2] = sam_decision_get_serial (a);
            key_b[0] = sort == SAM_DECISION_SORT_GROUP ? gb : sam_decision_get_year (b);
            key_b[1] = sort == SAM_DECISION_SORT_GROUP ? sam_decision_get_year (b) : gb;
            key_b[2] = sam_decision_get_serial (b);
            g_assert_true (key_a[0] < key_b[0] ||
                           (key_a[0] == key_b[0] && (key_a[1] < key_b[1] ||
                                                     (key_a[1] == key_b[1] && key_a[2] <= key_b[2]))));
          }
        {
          SamDecision *first = g_ptr_array_index (all, descending ? all->len - 1 : 0);
          SamDecision *last = g_ptr_array_index (all, descending ? 0 : all->len - 1);

          if (sort == SAM_DECISION_SORT_GROUP)
            {
              g_assert_cmpstr (sam_decision_get_group_uuid (first), ==, fixture->group);
              g_assert_cmpstr (sam_decision_get_group_uuid (last), ==, groups[0]);
            }
          else
            {
              g_assert_cmpint (sam_decision_get_year (first), <=, 0);
              g_assert_cmpint (sam_decision_get_year (last), ==, 2026);
              g_assert_cmpstr (sam_decision_get_group_uuid (last), ==, groups[0]);
            }
        }
      }

  for (guint g = 0; g < G_N_ELEMENTS (groups); g++)
    g_free ((char *) groups[g]);
}

/* Follow-up: overdue and due within 30 days, per group; done ones are not. */
static void
test_due (Fixture       *fixture,
          gconstpointer  data)
{
  static const struct { const char *title; const char *follow_up; gboolean done; gboolean due; } cases[] = {
    { "Försenad", "2026-05-01", FALSE, TRUE },
    { "Snart", "2026-06-20", FALSE, TRUE },
    { "Senare", "2026-08-01", FALSE, FALSE },
    { "Klar", "2026-05-02", TRUE, FALSE },
  };
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamDecision) d = new_draft (fixture->group, cases[i].title, NULL, "2026-03-01");

      g_object_set (d, "follow-up", cases[i].follow_up, NULL);
      g_assert_true (sam_store_register_decision (fixture->store, d, NULL));
      if (cases[i].done)
        g_assert_true (sam_store_set_decision_status (fixture->store, d, SAM_DECISION_STATUS_IMPLEMENTED, NULL));
    }

  due = sam_store_list_decisions_due (fixture->store, "2026-06-01", 30, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (due), ==, 2);
  {
    g_autoptr(SamDecision) first = g_list_model_get_item (due, 0);
    g_autoptr(SamDecision) second = g_list_model_get_item (due, 1);

    g_assert_cmpstr (sam_decision_get_title (first), ==, "Försenad");
    g_assert_cmpstr (sam_decision_get_title (second), ==, "Snart");
  }
}


/* A register another program wrote, with a group under its own subgroup:
 * the circle goes in on a connection of its own, past the store and the
 * schema's triggers, which would refuse it. */
static void
put_under (SamStore   *store,
           const char *group,
           const char *parent)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autoptr(GPtrArray) triggers = g_ptr_array_new_with_free_func (g_free);

  g_assert_cmpint (sqlite3_open (sam_store_get_path (store), &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'grp'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (triggers, g_strdup_printf ("DROP TRIGGER \"%s\"", sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  for (guint i = 0; i < triggers->len; i++)
    g_assert_cmpint (sqlite3_exec (db, triggers->pdata[i], NULL, NULL, NULL), ==, SQLITE_OK);

  g_assert_cmpint (sqlite3_prepare_v2 (db, "UPDATE grp SET parent_id = (SELECT id FROM grp WHERE uuid = ?2) WHERE uuid = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, group, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, parent, -1, SQLITE_STATIC);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

/* Defect 3: the escalation proposal for a council under its own subgroup
 * never came back, on the main thread. */
static void
test_escalation_parent_cycle (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) council = NULL;
  g_autoptr(GPtrArray) subgroup = NULL;

  put_under (fixture->store, fixture->group, fixture->subgroup);

  council = sam_decision_propose_escalation (fixture->store, fixture->group, SAM_ESCALATION_TOPIC_GENERAL,
                                             "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (council->len, >, 0);
  subgroup = sam_decision_propose_escalation (fixture->store, fixture->subgroup, SAM_ESCALATION_TOPIC_RESOURCES,
                                              "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (subgroup->len, >, 0);
}

/* Loads @list again and waits until the worker has read it. */
static void
load_watch_list (SamDecisionWatchList *list)
{
  sam_decision_watch_list_refresh (list);
  g_assert_true (sam_decision_watch_list_is_loading (list));
  sam_test_wait_for (!sam_decision_watch_list_is_loading (list));
  g_assert_true (sam_decision_watch_list_is_loaded (list));
}

/* The follow-up and escalation lists: nothing read until asked, then
 * the same rows as the full queries, by group and date, from a worker;
 * pages on demand, never more than a few in memory; and a change in the
 * store reaches them by themselves. */
static void
test_watch_lists (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2026, 6, 1, 9, 0, 0);
  g_autofree char *other = sam_test_add_group (fixture->store, "KLHS", "Koncernledning hälso- och sjukvård",
                                               SAM_GROUP_KIND_EXECUTIVE_GROUP, NULL);
  g_autoptr(SamDecisionWatchList) follow_up = NULL;
  g_autoptr(SamDecisionWatchList) escalations = NULL;
  g_autoptr(GListModel) due = NULL;
  g_autoptr(GPtrArray) open = NULL;
  g_autoptr(SamDecision) first = NULL;
  g_autoptr(GError) error = NULL;
  guint page = 64;
  guint n_due;

  sam_clock_set_now (now);
  for (guint i = 0; i < 400; i++)
    {
      g_autofree char *title = g_strdup_printf ("Beslut %u", i);
      g_autofree char *follow = g_strdup_printf ("2026-%02u-%02u", 4 + i % 4, 1 + i % 28);
      g_autoptr(SamDecision) d = new_draft (i % 3 == 0 ? fixture->subgroup : fixture->group, title, NULL, "2026-03-01");

      if (i % 7 != 0)
        g_object_set (d, "follow-up", follow, NULL);
      if (i % 10 == 0)
        g_object_set (d, "mandate", SAM_MANDATE_NONE, NULL);
      g_assert_true (sam_store_register_decision (fixture->store, d, &error));
      g_assert_no_error (error);
      if (i % 11 == 0)
        g_assert_true (sam_store_set_decision_status (fixture->store, d, SAM_DECISION_STATUS_IMPLEMENTED, NULL));
      else if (i % 10 == 0)
        g_assert_true (sam_store_escalate_decision (fixture->store, d, i % 20 == 0 ? other : NULL,
                                                    i % 20 == 0 ? NULL : "Linjeorganisationen", "Resurser",
                                                    "2026-04-01", &error));
      g_assert_no_error (error);
    }

  due = sam_store_list_decisions_due (fixture->store, "2026-06-01", SAM_FOLLOW_UP_DAYS, &error);
  g_assert_no_error (error);
  n_due = g_list_model_get_n_items (due);
  g_assert_cmpuint (n_due, >, 2 * page);
  open = sam_store_list_open_escalations (fixture->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (open->len, >, 10);

  /* Nothing is read before the first refresh. */
  follow_up = sam_decision_watch_list_new (fixture->store, SAM_DECISION_WATCH_FOLLOW_UP);
  escalations = sam_decision_watch_list_new (fixture->store, SAM_DECISION_WATCH_ESCALATIONS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow_up)), ==, 0);
  g_assert_false (sam_decision_watch_list_is_loaded (follow_up));
  g_assert_false (sam_decision_watch_list_is_loading (follow_up));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (follow_up)) == SAM_TYPE_DECISION);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (escalations)) == SAM_TYPE_ESCALATION_ITEM);

  /* The same decisions as the full query; the group with the first code
   * first, each group by date, every page bounded. */
  load_watch_list (follow_up);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow_up)), ==, n_due);
  {
    g_autoptr(GHashTable) expected = g_hash_table_new (g_str_hash, g_str_equal);
    g_autofree char *last_follow_up = NULL;
    const char *last_group = NULL;
    guint groups_seen = 0;

    for (guint i = 0; i < n_due; i++)
      {
        g_autoptr(SamDecision) d = g_list_model_get_item (due, i);

        g_hash_table_add (expected, (gpointer) sam_decision_get_uuid (d));
      }
    for (guint i = 0; i < n_due; i++)
      {
        g_autoptr(SamDecision) d = g_list_model_get_item (G_LIST_MODEL (follow_up), i);

        g_assert_nonnull (d);
        g_assert_true (g_hash_table_contains (expected, sam_decision_get_uuid (d)));
        if (g_strcmp0 (last_group, sam_decision_get_group_uuid (d)) != 0)
          {
            groups_seen++;
            g_assert_cmpstr (sam_decision_get_group_uuid (d), ==, groups_seen == 1 ? fixture->group : fixture->subgroup);
            g_clear_pointer (&last_follow_up, g_free);
          }
        else
          g_assert_cmpstr (last_follow_up, <=, sam_decision_get_follow_up (d));
        last_group = groups_seen == 1 ? fixture->group : fixture->subgroup;
        g_free (last_follow_up);
        last_follow_up = g_strdup (sam_decision_get_follow_up (d));
        g_assert_cmpuint (sam_decision_watch_list_get_n_cached (follow_up), <=, 8 * page);
      }
    g_assert_cmpuint (groups_seen, ==, 2);
    g_assert_null (g_list_model_get_item (G_LIST_MODEL (follow_up), n_due));
  }

  /* The open escalations in the order of the full query. */
  load_watch_list (escalations);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (escalations)), ==, open->len);
  for (guint i = 0; i < open->len; i++)
    {
      g_autoptr(SamEscalationItem) item = g_list_model_get_item (G_LIST_MODEL (escalations), i);
      const SamEscalation *e = sam_escalation_item_get_escalation (item);
      SamEscalation *expected = g_ptr_array_index (open, i);

      g_assert_cmpstr (e->uuid, ==, expected->uuid);
      g_assert_cmpstr (e->decision_number, ==, expected->decision_number);
      g_assert_cmpstr (e->decision_title, ==, expected->decision_title);
      g_assert_cmpstr (e->to_group_name, ==, expected->to_group_name);
      g_assert_cmpstr (e->to_other, ==, expected->to_other);
      g_assert_cmpstr (e->reason, ==, "Resurser");
    }

  /* A decision done leaves the follow-up list once it is read again,
   * which the change starts. */
  first = g_list_model_get_item (G_LIST_MODEL (follow_up), 0);
  g_assert_true (sam_store_set_decision_status (fixture->store, first, SAM_DECISION_STATUS_IMPLEMENTED, &error));
  g_assert_no_error (error);
  g_assert_true (sam_decision_watch_list_is_loading (follow_up));
  sam_test_wait_for (!sam_decision_watch_list_is_loading (follow_up));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (follow_up)), ==, n_due - 1);
  {
    g_autoptr(SamDecision) now_first = g_list_model_get_item (G_LIST_MODEL (follow_up), 0);

    g_assert_cmpstr (sam_decision_get_uuid (now_first), !=, sam_decision_get_uuid (first));
  }
  sam_test_wait_for (!sam_decision_watch_list_is_loading (escalations));

  /* Back to the day the other tests are written for. */
  sam_clock_set_now (register_day);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GDateTime) now = g_date_time_new_utc (2027, 6, 30, 10, 0, 0);

  register_day = now;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  /* The decisions here are registered on days up to January 2027, and the
   * store registers none ahead of its day. */
  sam_clock_set_now (now);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  ADD ("/decisions/numbering/concurrent", test_numbering_concurrent);
  ADD ("/decisions/fixed", test_fixed);
  ADD ("/decisions/supersede", test_supersede);
  ADD ("/decisions/withdraw", test_withdraw);
  ADD ("/decisions/escalation/round-trip", test_escalation_round_trip);
  ADD ("/decisions/fts/swedish", test_fts_swedish);
  ADD ("/decisions/list/lazy", test_lazy_list);
  ADD ("/decisions/due", test_due);
  ADD ("/decisions/watch-lists", test_watch_lists);
  ADD ("/decisions/no-redraft", test_no_redraft);
  ADD ("/decisions/sort-keys", test_sort_keys);
  ADD ("/decisions/sort-keys/import", test_sort_keys_import);
  ADD ("/decisions/search-pages", test_search_pages);
  ADD ("/decisions/sort-orders", test_sort_orders);
  ADD ("/decisions/escalation/parent-cycle", test_escalation_parent_cycle);
#undef ADD
  g_test_add_func ("/decisions/sort-keys/migration", test_sort_keys_migration);
  g_test_add_func ("/decisions/escalation/proposal", test_escalation_proposal);
  g_test_add_func ("/decisions/search/numbers-compounds", test_search_numbers_compounds);

  return g_test_run ();
}

/* test-structure.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The structure editor's core: who holds a role on a day (carry-over until
 * a successor), seats and vacancies, the rules as warnings, moving,
 * dissolving and deleting groups, merging people, undo and redo through
 * changesets, terms ending, and the commission document read back with
 * pdftotext.
 */

#include "config.h"

#include <string.h>

#include <sqlite3.h>

#include "sam-calendar.h"
#include "sam-chart.h"
#include "sam-commission-doc.h"
#include "sam-roles.h"
#include "sam-rules.h"
#include "sam-store-structure.h"
#include "sam-test-util.h"
#include "sam-undo.h"

typedef struct
{
  char     *dir;
  SamStore *store;
  char     *region;      /* the management group at the top */
  char     *council;     /* AOI */
  char     *subgroup;
  char     *team;        /* a process team */
  char     *org_a;       /* administrations */
  char     *org_b;
  char     *org_c;
  char     *anna;        /* people */
  char     *bo;
  char     *cecilia;
  char     *david;
} Fixture;

static char *
add_organisation (SamStore   *store,
                  const char *name)
{
  g_autoptr(SamOrganisation) organisation = sam_organisation_new ();

  g_object_set (organisation, "name", name, NULL);
  return sam_test_save (store, organisation);
}

static char *
add_person (SamStore   *store,
            const char *name,
            const char *organisation)
{
  g_autoptr(SamPerson) person = sam_person_new ();

  g_object_set (person, "name", name, "organisation-uuid", organisation, NULL);
  return sam_test_save (store, person);
}

static char *
add_role (SamStore   *store,
          const char *person,
          const char *group,
          SamRole     role,
          const char *organisation,
          const char *starts,
          const char *ends)
{
  g_autoptr(SamAssignment) a = sam_assignment_new ();

  g_object_set (a, "person-uuid", person, "group-uuid", group, "role", role,
                "organisation-uuid", organisation, "starts", starts, "ends", ends, NULL);
  return sam_test_save (store, a);
}

static void
set_up (Fixture       *f,
        gconstpointer  data)
{
  f->store = sam_test_new_tmp_store ("test-structure-XXXXXX", "register.sqlite", &f->dir, NULL);

  f->org_a = add_organisation (f->store, "Sjukhusen i Sjöstad");
  f->org_b = add_organisation (f->store, "Norrdalssjukhusen");
  f->org_c = add_organisation (f->store, "Koncernkontoret");
  f->anna = add_person (f->store, "Anna Berg", f->org_a);
  f->bo = add_person (f->store, "Bo Ek", f->org_b);
  f->cecilia = add_person (f->store, "Cecilia Dahl", f->org_c);
  f->david = add_person (f->store, "David Öst", f->org_b);
  f->region = sam_test_add_group (f->store, "LG", "Ledningsgrupp hälso- och sjukvård",
                                  SAM_GROUP_KIND_MANAGEMENT_GROUP, NULL);
  f->council = sam_test_add_group (f->store, "AOI", "Samordningsråd anestesi, operation, intensivvård",
                                   SAM_GROUP_KIND_COUNCIL, f->region);
  f->subgroup = sam_test_add_group (f->store, "AOI-OP", "Undergrupp operationskapacitet",
                                    SAM_GROUP_KIND_SUBGROUP, f->council);
  f->team = sam_test_add_group (f->store, "PT-SMÄRTA", "Regionalt processteam postoperativ smärta",
                                SAM_GROUP_KIND_PROCESS_TEAM, f->council);
}

static void
tear_down (Fixture       *f,
           gconstpointer  data)
{
  sam_test_free_tmp_store (f->store, f->dir);
  g_free (f->dir);
  g_free (f->region);
  g_free (f->council);
  g_free (f->subgroup);
  g_free (f->team);
  g_free (f->org_a);
  g_free (f->org_b);
  g_free (f->org_c);
  g_free (f->anna);
  g_free (f->bo);
  g_free (f->cecilia);
  g_free (f->david);
}

static gboolean
has_rule (GPtrArray *warnings,
          SamRule    rule)
{
  for (guint i = 0; i < warnings->len; i++)
    if (((SamWarning *) g_ptr_array_index (warnings, i))->rule == rule)
      return TRUE;

  return FALSE;
}

static GPtrArray *
check (Fixture    *f,
       const char *group,
       const char *date)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *warnings = sam_rules_check_group (f->store, group, date, &error);

  g_assert_no_error (error);
  g_assert_nonnull (warnings);
  for (guint i = 0; i < warnings->len; i++)
    g_test_message ("%s: %s", date, ((SamWarning *) g_ptr_array_index (warnings, i))->message);

  return warnings;
}

static GPtrArray *
holders (Fixture    *f,
         const char *group,
         SamRole     role,
         const char *date)
{
  g_autoptr(GListModel) assignments = sam_store_list_group_assignments (f->store, group, NULL);

  return sam_roles_holders (assignments, role, date, NULL);
}

/* A chair whose term has ended stays, carried over, until a successor
 * starts; then the successor alone holds the role. */
static void
test_carry_over (Fixture       *f,
                 gconstpointer  data)
{
  g_autofree char *old = add_role (f->store, f->anna, f->council, SAM_ROLE_CHAIR, f->org_a, "2023-01-01", "2025-12-31");
  g_autofree char *next = NULL;
  g_autoptr(GPtrArray) h = NULL;
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(SamAssignment) a = NULL;

  g_clear_pointer (&h, g_ptr_array_unref);
  h = holders (f, f->council, SAM_ROLE_CHAIR, "2025-06-01");
  g_assert_cmpuint (h->len, ==, 1);

  g_clear_pointer (&h, g_ptr_array_unref);
  h = holders (f, f->council, SAM_ROLE_CHAIR, "2026-03-01");
  g_assert_cmpuint (h->len, ==, 1);
  assignments = sam_store_list_group_assignments (f->store, f->council, NULL);
  g_assert_cmpint (sam_roles_tenure (assignments, g_ptr_array_index (h, 0), "2026-03-01", NULL), ==, SAM_TENURE_CARRIED_OVER);
  g_clear_object (&assignments);

  next = add_role (f->store, f->bo, f->council, SAM_ROLE_CHAIR, f->org_b, "2026-04-01", NULL);
  g_clear_pointer (&h, g_ptr_array_unref);
  h = holders (f, f->council, SAM_ROLE_CHAIR, "2026-03-01");
  g_assert_cmpuint (h->len, ==, 1);
  g_assert_cmpstr (sam_assignment_get_uuid (g_ptr_array_index (h, 0)), ==, old);

  g_clear_pointer (&h, g_ptr_array_unref);
  h = holders (f, f->council, SAM_ROLE_CHAIR, "2026-05-01");
  g_assert_cmpuint (h->len, ==, 1);
  g_assert_cmpstr (sam_assignment_get_uuid (g_ptr_array_index (h, 0)), ==, next);
  assignments = sam_store_list_group_assignments (f->store, f->council, NULL);
  a = sam_store_dup_by_uuid (f->store, SAM_TYPE_ASSIGNMENT, old, NULL);
  g_assert_cmpint (sam_roles_tenure (assignments, a, "2026-05-01", NULL), ==, SAM_TENURE_PAST);
  g_assert_cmpint (sam_roles_tenure (assignments, a, "2022-05-01", NULL), ==, SAM_TENURE_FUTURE);

  /* A member who sat beside another from the same organisation is not
   * their successor; one who starts after the term ended is. */
  {
    g_autofree char *m1 = add_role (f->store, f->bo, f->subgroup, SAM_ROLE_MEMBER, f->org_b, "2024-01-01", "2025-12-31");
    g_autofree char *m2 = add_role (f->store, f->david, f->subgroup, SAM_ROLE_MEMBER, f->org_b, "2025-01-01", NULL);
    g_autoptr(GPtrArray) members = holders (f, f->subgroup, SAM_ROLE_MEMBER, "2026-02-01");

    g_assert_cmpuint (members->len, ==, 2);
  }
}

/* A commission's seats: each organisation appoints its members; a seat with
 * nobody on the day is vacant, and a carried-over member still fills it. */
static void
test_seats_vacancies (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) seats = NULL;
  g_autoptr(GPtrArray) vacancies = NULL;
  g_autoptr(GListModel) assignments = NULL;
  g_autoptr(GPtrArray) warnings = NULL;
  g_autofree char *m = NULL;

  g_assert_true (sam_store_set_seats (f->store, f->council, f->org_a, 1, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_set_seats (f->store, f->council, f->org_b, 2, &error));
  g_assert_no_error (error);
  seats = sam_store_list_seats (f->store, f->council, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seats->len, ==, 2);
  /* Swedish order: Norrdalssjukhusen before Sjukhusen i Sjöstad */
  g_assert_cmpstr (((SamSeat *) g_ptr_array_index (seats, 0))->organisation_uuid, ==, f->org_b);
  g_assert_cmpuint (((SamSeat *) g_ptr_array_index (seats, 0))->seats, ==, 2);

  m = add_role (f->store, f->bo, f->council, SAM_ROLE_MEMBER, f->org_b, "2024-01-01", "2025-12-31");
  /* The chair fills their organisation's seat; the organisation is the person's own. */
  g_free (add_role (f->store, f->anna, f->council, SAM_ROLE_CHAIR, NULL, "2024-01-01", NULL));

  assignments = sam_store_list_group_assignments (f->store, f->council, NULL);
  {
    g_autoptr(GHashTable) home = sam_rules_dup_home_organisations (f->store, assignments, NULL);

    vacancies = sam_roles_vacancies (assignments, seats, "2026-06-01", home);
    g_assert_cmpuint (vacancies->len, ==, 1);
    g_assert_cmpstr (g_ptr_array_index (vacancies, 0), ==, f->org_b);
  }

  warnings = check (f, f->council, "2026-06-01");
  g_assert_true (has_rule (warnings, SAM_RULE_SEAT_VACANT));
  g_assert_true (has_rule (warnings, SAM_RULE_TERM_ENDED));

  /* Removing a seat */
  g_assert_true (sam_store_set_seats (f->store, f->council, f->org_b, 0, &error));
  g_assert_no_error (error);
  g_clear_pointer (&seats, g_ptr_array_unref);
  seats = sam_store_list_seats (f->store, f->council, NULL);
  g_assert_cmpuint (seats->len, ==, 1);
}

/* The rules of the commission documents, as warnings. */
static void
test_rules (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(SamCommission) commission = sam_commission_new ();
  g_autoptr(GError) error = NULL;

  warnings = check (f, f->council, "2026-06-01");
  g_assert_true (has_rule (warnings, SAM_RULE_ROLE_MISSING));
  g_assert_cmpuint (warnings->len, ==, 3);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  g_free (add_role (f->store, f->anna, f->council, SAM_ROLE_CHAIR, f->org_a, "2024-01-01", NULL));
  g_free (add_role (f->store, f->cecilia, f->council, SAM_ROLE_COORDINATOR, f->org_c, "2024-01-01", NULL));
  g_free (add_role (f->store, f->bo, f->council, SAM_ROLE_CONTACT_PERSON, f->org_b, "2024-01-01", NULL));
  warnings = check (f, f->council, "2026-06-01");
  g_assert_cmpuint (warnings->len, ==, 0);
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* Contact person from the chair's organisation */
  g_free (add_role (f->store, f->david, f->council, SAM_ROLE_CONTACT_PERSON, f->org_a, "2025-01-01", NULL));
  warnings = check (f, f->council, "2026-06-01");
  g_assert_true (has_rule (warnings, SAM_RULE_CHAIR_CONTACT_SAME_ORGANISATION));
  g_assert_true (has_rule (warnings, SAM_RULE_ROLE_TWICE));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* More co-opted members than the commission allows */
  g_object_set (commission, "group-uuid", f->council, "max-co-opted", 1, NULL);
  g_assert_true (sam_store_save (f->store, commission, &error));
  g_assert_no_error (error);
  g_free (add_role (f->store, f->bo, f->council, SAM_ROLE_CO_OPTED, f->org_b, "2024-01-01", NULL));
  warnings = check (f, f->council, "2026-06-01");
  g_assert_false (has_rule (warnings, SAM_RULE_TOO_MANY_CO_OPTED));
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_free (add_role (f->store, f->cecilia, f->council, SAM_ROLE_CO_OPTED, f->org_c, "2024-01-01", NULL));
  warnings = check (f, f->council, "2026-06-01");
  g_assert_true (has_rule (warnings, SAM_RULE_TOO_MANY_CO_OPTED));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* A process team that reports to no council */
  warnings = check (f, f->team, "2026-06-01");
  g_assert_true (has_rule (warnings, SAM_RULE_PROCESS_TEAM_UNREPORTED));
  g_clear_pointer (&warnings, g_ptr_array_unref);
  g_assert_true (sam_store_set_reports_to (f->store, f->team, f->council, &error));
  g_assert_no_error (error);
  warnings = check (f, f->team, "2026-06-01");
  g_assert_false (has_rule (warnings, SAM_RULE_PROCESS_TEAM_UNREPORTED));
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* A dissolved group has no warnings after it was dissolved. */
  g_assert_true (sam_store_dissolve_group (f->store, f->council, "2026-01-01", &error));
  g_assert_no_error (error);
  warnings = check (f, f->council, "2026-06-01");
  g_assert_cmpuint (warnings->len, ==, 0);
}

/* Invalid input is refused with a message, and never stored. */
static void
test_validation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SamGroup) group = sam_group_new ();
  g_autoptr(SamAssignment) a = sam_assignment_new ();
  g_autoptr(SamCommission) commission = sam_commission_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (group, "name", "  ", "kind", SAM_GROUP_KIND_COUNCIL, NULL);
  g_assert_false (sam_store_validate_group (f->store, group, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (group, "name", "Nytt råd", "code", "AOI", NULL);
  g_assert_false (sam_store_validate_group (f->store, group, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE);
  g_clear_error (&error);

  g_object_set (group, "code", "NY", "established", "2026-02-30", NULL);
  g_assert_false (sam_store_validate_group (f->store, group, &error));
  g_clear_error (&error);
  g_object_set (group, "established", "2026-03-01", "dissolved", "2026-01-01", NULL);
  g_assert_false (sam_store_validate_group (f->store, group, &error));
  g_clear_error (&error);
  g_object_set (group, "dissolved", NULL, NULL);
  g_assert_true (sam_store_validate_group (f->store, group, &error));
  g_assert_no_error (error);

  g_object_set (a, "person-uuid", f->anna, "group-uuid", f->council, "starts", "2026-05-01", "ends", "2026-04-30", NULL);
  g_assert_false (sam_store_validate_assignment (f->store, a, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_object_set (commission, "group-uuid", f->council, "min-meetings", 8, "max-meetings", 4, NULL);
  g_assert_false (sam_store_validate_commission (f->store, commission, &error));
  g_clear_error (&error);
}

/* Moving, dissolving, deleting */
static void
test_groups (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamGroup) moved = NULL;
  g_autofree char *refs = NULL;
  g_autofree char *other = sam_test_add_group (f->store, "KIR", "Samordningsråd kirurgi",
                                               SAM_GROUP_KIND_COUNCIL, f->region);

  g_assert_true (sam_store_move_group (f->store, f->subgroup, other, &error));
  g_assert_no_error (error);
  moved = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_assert_cmpstr (sam_group_get_parent_uuid (moved), ==, other);

  /* Not under itself or its own subgroup */
  g_assert_false (sam_store_move_group (f->store, other, f->subgroup, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (sam_store_move_group (f->store, other, other, &error));
  g_clear_error (&error);

  /* Deleting a group others refer to says what refers to it. */
  refs = sam_store_dup_group_references (f->store, other, NULL);
  g_assert_nonnull (refs);
  g_assert_false (sam_store_delete_group (f->store, other, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE);
  g_assert_nonnull (strstr (error->message, refs));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* A leaf goes, with its roles. */
  g_free (add_role (f->store, f->anna, f->subgroup, SAM_ROLE_MEMBER, NULL, NULL, NULL));
  g_assert_true (sam_store_delete_group (f->store, f->subgroup, &error));
  g_assert_no_error (error);
  g_clear_object (&moved);
  moved = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_assert_null (moved);
}

static guint
count (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  return owned != NULL ? g_list_model_get_n_items (owned) : 0;
}

/* Undo restores exactly what an edit touched, cascades included; redo
 * makes it again. */
static void
test_undo (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(SamUndo) undo = sam_undo_new (f->store);
  g_autoptr(GError) error = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autofree char *role = NULL;

  role = add_role (f->store, f->anna, f->subgroup, SAM_ROLE_CHAIR, f->org_a, "2024-01-01", NULL);
  g_assert_false (sam_undo_get_can_undo (undo));

  /* Delete with cascade, then undo */
  g_assert_true (sam_undo_begin (undo, "Delete Group", &error));
  g_assert_true (sam_store_delete_group (f->store, f->subgroup, &error));
  g_assert_no_error (error);
  g_assert_true (sam_undo_end (undo));
  g_assert_true (sam_undo_get_can_undo (undo));
  g_assert_cmpstr (sam_undo_get_undo_label (undo), ==, "Delete Group");
  g_assert_cmpuint (count (sam_store_list_group_assignments (f->store, f->subgroup, NULL)), ==, 0);

  g_assert_true (sam_undo_undo (undo, &error));
  g_assert_no_error (error);
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_assert_nonnull (group);
  g_assert_cmpstr (sam_group_get_parent_uuid (group), ==, f->council);
  g_assert_cmpuint (count (sam_store_list_group_assignments (f->store, f->subgroup, NULL)), ==, 1);
  g_assert_true (sam_undo_get_can_redo (undo));
  g_clear_object (&group);

  g_assert_true (sam_undo_redo (undo, &error));
  g_assert_no_error (error);
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_assert_null (group);
  g_assert_true (sam_undo_undo (undo, &error));

  /* A move and a rename, each undone in turn */
  g_assert_true (sam_undo_begin (undo, "Move", NULL));
  g_assert_true (sam_store_move_group (f->store, f->subgroup, f->region, &error));
  sam_undo_end (undo);
  g_assert_true (sam_undo_begin (undo, "Rename", NULL));
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_object_set (group, "name", "Undergrupp kapacitet", NULL);
  g_assert_true (sam_store_save (f->store, group, &error));
  sam_undo_end (undo);
  g_clear_object (&group);

  g_assert_true (sam_undo_undo (undo, &error));
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_assert_cmpstr (sam_group_get_name (group), ==, "Undergrupp operationskapacitet");
  g_assert_cmpstr (sam_group_get_parent_uuid (group), ==, f->region);
  g_clear_object (&group);
  g_assert_true (sam_undo_undo (undo, &error));
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->subgroup, NULL);
  g_assert_cmpstr (sam_group_get_parent_uuid (group), ==, f->council);
  g_clear_object (&group);

  /* An edit that changes nothing adds no step; a new edit drops redo. */
  g_assert_true (sam_undo_begin (undo, "Nothing", NULL));
  g_assert_false (sam_undo_end (undo));
  g_assert_true (sam_undo_get_can_redo (undo));
  g_assert_true (sam_undo_begin (undo, "Dissolve", NULL));
  g_assert_true (sam_store_dissolve_group (f->store, f->team, "2026-01-01", &error));
  g_assert_true (sam_undo_end (undo));
  g_assert_false (sam_undo_get_can_redo (undo));

  /* Someone else edits the row since: undo refuses and changes nothing. */
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->team, NULL);
  g_object_set (group, "dissolved", "2026-02-01", NULL);
  g_assert_true (sam_store_save (f->store, group, &error));
  g_clear_object (&group);
  g_assert_false (sam_undo_undo (undo, &error));
  g_assert_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED);
  g_clear_error (&error);
  group = sam_store_dup_by_uuid (f->store, SAM_TYPE_GROUP, f->team, NULL);
  g_assert_cmpstr (sam_group_get_dissolved (group), ==, "2026-02-01");
  g_assert_false (sam_undo_get_can_undo (undo));
}

static void
test_merge_people (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SamPerson) kept = NULL;
  g_autoptr(SamPerson) dup = NULL;
  g_autofree char *twin = add_person (f->store, "Anna  Berg", NULL);

  g_free (add_role (f->store, twin, f->council, SAM_ROLE_MEMBER, NULL, NULL, NULL));
  dup = sam_store_dup_by_uuid (f->store, SAM_TYPE_PERSON, twin, NULL);
  g_object_set (dup, "email", "anna.berg@example.se", NULL);
  g_assert_true (sam_store_save (f->store, dup, &error));
  g_clear_object (&dup);

  g_assert_true (sam_store_merge_people (f->store, f->anna, twin, &error));
  g_assert_no_error (error);
  dup = sam_store_dup_by_uuid (f->store, SAM_TYPE_PERSON, twin, NULL);
  g_assert_null (dup);
  kept = sam_store_dup_by_uuid (f->store, SAM_TYPE_PERSON, f->anna, NULL);
  g_assert_cmpstr (sam_person_get_email (kept), ==, "anna.berg@example.se");
  g_assert_cmpstr (sam_person_get_organisation_uuid (kept), ==, f->org_a);
  g_assert_cmpuint (count (sam_store_list_person_assignments (f->store, f->anna, NULL)), ==, 1);
}

static void
test_terms_ending (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = NULL;

  g_free (add_role (f->store, f->anna, f->council, SAM_ROLE_CHAIR, f->org_a, "2023-01-01", "2026-07-15"));
  g_free (add_role (f->store, f->bo, f->council, SAM_ROLE_MEMBER, f->org_b, "2023-01-01", "2026-12-31"));
  g_free (add_role (f->store, f->cecilia, f->subgroup, SAM_ROLE_COORDINATOR, f->org_c, "2020-01-01", "2025-12-31"));
  g_free (add_role (f->store, f->david, f->team, SAM_ROLE_CHAIR, f->org_b, "2020-01-01", "2024-12-31"));
  g_free (add_role (f->store, f->bo, f->team, SAM_ROLE_CHAIR, f->org_b, "2025-01-01", NULL));

  terms = sam_rules_list_terms_ending (f->store, NULL, "2026-06-01", 60, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (terms->len, ==, 2);
  /* By end date: the carried-over coordinator first, then the chair */
  g_assert_true (((SamTermEnding *) g_ptr_array_index (terms, 0))->carried_over);
  g_assert_cmpstr (((SamTermEnding *) g_ptr_array_index (terms, 0))->group_label, ==, "AOI-OP");
  g_assert_false (((SamTermEnding *) g_ptr_array_index (terms, 1))->carried_over);
  {
    g_autofree char *line = sam_term_ending_format (g_ptr_array_index (terms, 1));

    g_assert_true (g_str_has_prefix (line, "2026-07-15  AOI  "));
    g_assert_nonnull (strstr (line, "Anna Berg, Sjukhusen i Sjöstad"));
  }
  g_clear_pointer (&terms, g_ptr_array_unref);

  terms = sam_rules_list_terms_ending (f->store, f->council, "2026-06-01", 365, &error);
  g_assert_cmpuint (terms->len, ==, 2);
}

/* The commission document has the sections of the region's documents, in
 * order, and the holders of the day. */
static void
test_commission_pdf (Fixture       *f,
                     gconstpointer  data)
{
  static const char *order[] = {
    "Area of responsibility:", "Commissioner:",
    "Commissionee:", "Purpose of the Commission", "samordna arbetet",
    "Tasks", "Verka för spridning", "Working Organisation", "Chair", "Anna Berg",
    "Members", "Bo Ek", "Vacant (Norrdalssjukhusen)", "Co-opted Members", "Coordinator", "Cecilia Dahl",
    "Contact Person", "Meeting Frequency", "4 to at most 8 times a year", "Subgroups",
    "Undergrupp operationskapacitet", "Regional Process Teams", "postoperativ smärta",
    "Decision Rules", "Decision Making", "line mandates", "Decision date:",
    "Decision maker:", "Distribution", "Koordinator samordningsråd",
  };
  g_autoptr(SamCommission) commission = sam_commission_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "aoi.pdf", NULL);
  g_autofree char *text = NULL;
  const char *at;

  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_object_set (commission, "group-uuid", f->council, "registry-number", "RS 2024-00784",
                "dated", "2026-06-16", "revision", "reviderad juni 2026",
                "area", "Verksamhet samordningsråd anestesi, operation, intensivvård",
                "commissioner", "Karin Looström Muth, hälso- och sjukvårdsutvecklingsdirektör",
                "purpose", "Samordningsrådets uppdrag är att samordna arbetet mellan förvaltningarna.",
                "tasks", "Arbeta för ökad regional samordning.\nVerka för spridning av goda exempel.",
                "decision-rules", "Beslut fattas i kraft av deltagarnas line mandates.",
                "decision-maker", "Jonas Claesson, hälso- och sjukvårdsdirektör",
                "decided", "2026-06-17", "min-meetings", 4, "max-meetings", 8, "max-co-opted", 3,
                "distribution", "Ordförande samordningsråd\nKoordinator samordningsråd", NULL);
  g_assert_true (sam_store_save (f->store, commission, &error));
  g_assert_no_error (error);
  g_assert_true (sam_store_set_seats (f->store, f->council, f->org_b, 2, &error));
  g_free (add_role (f->store, f->anna, f->council, SAM_ROLE_CHAIR, f->org_a, "2024-01-01", NULL));
  g_free (add_role (f->store, f->bo, f->council, SAM_ROLE_MEMBER, f->org_b, "2024-01-01", NULL));
  g_free (add_role (f->store, f->cecilia, f->council, SAM_ROLE_COORDINATOR, f->org_c, "2024-01-01", NULL));
  g_assert_true (sam_store_set_reports_to (f->store, f->team, f->council, &error));

  g_assert_true (sam_commission_doc_write (f->store, f->council, "2026-06-20", pdf, &error));
  g_assert_no_error (error);

  text = sam_test_pdf_tool ("pdftotext", pdf, "-enc", "UTF-8", NULL);

  /* The header band, on every page */
  g_assert_nonnull (strstr (text, "Commission"));
  g_assert_nonnull (strstr (text, "Registry No. RS 2024-00784"));
  g_assert_nonnull (strstr (text, "Date 2026-06-16"));
  g_assert_nonnull (strstr (text, "Page 1 of"));
  g_assert_nonnull (strstr (text, "Karin Looström Muth"));
  g_assert_nonnull (strstr (text, "Jonas Claesson"));

  at = text;
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    {
      const char *found = strstr (at, order[i]);

      if (found == NULL)
        g_error ("“%s” is missing after position %d in:\n%s", order[i], (int) (at - text), text);
      at = found + strlen (order[i]);
    }
}

/* One person's roles across all groups, current first, as a PDF. */
static void
test_person_roles_pdf (Fixture       *f,
                       gconstpointer  data)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *pdf = g_build_filename (f->dir, "roles.pdf", NULL);
  g_autofree char *text = NULL;
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const char *current, *past;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }

  g_free (add_role (f->store, f->anna, f->council, SAM_ROLE_CHAIR, f->org_a, "2024-01-01", NULL));
  g_free (add_role (f->store, f->anna, f->subgroup, SAM_ROLE_MEMBER, NULL, "2020-01-01", "2022-12-31"));
  /* A successor for the same organisation, so Anna’s term is past */
  g_free (add_role (f->store, f->bo, f->subgroup, SAM_ROLE_MEMBER, f->org_a, "2023-01-01", NULL));

  report = sam_person_roles_doc_new (f->store, f->anna, "2026-06-01", &error);
  g_assert_no_error (error);
  g_assert_true (sam_report_write_pdf (report, pdf, &error));
  /* -layout: the table's cells come out in the order they are seen */
  text = sam_test_pdf_tool ("pdftotext", pdf, "-layout", "-enc", "UTF-8", NULL);

  g_assert_nonnull (strstr (text, "List of Roles"));
  g_assert_nonnull (strstr (text, "Anna Berg"));
  current = strstr (text, "Current Roles");
  past = strstr (text, "Past Roles");
  g_assert_nonnull (current);
  g_assert_nonnull (past);
  g_assert_true (current < past);
  g_assert_nonnull (strstr (current, "anestesi"));
  g_assert_nonnull (strstr (past, "Undergrupp"));
  g_assert_true (strstr (current, "Undergrupp") > past);
}

static void
test_dates (void)
{
  g_autofree char *later = sam_roles_date_add_days ("2026-12-15", 60);

  g_assert_true (sam_calendar_parse_iso ("2024-02-29", NULL));
  g_assert_false (sam_calendar_parse_iso ("2023-02-29", NULL));
  g_assert_false (sam_calendar_parse_iso ("2023-2-28", NULL));
  g_assert_false (sam_calendar_parse_iso ("idag", NULL));
  g_assert_cmpstr (later, ==, "2027-02-13");
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

/* Defect 3: choosing a group in a circle as the chart's root froze the
 * window and grew it by hundreds of megabytes a second. The chart shows
 * each group once. */
static void
test_chart_parent_cycle (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(SamChart) chart = NULL;
  g_autoptr(SamChart) whole = NULL;

  put_under (f->store, f->council, f->subgroup);

  chart = sam_test_chart_new (f->store, "2026-06-01", "AOI", FALSE);
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 3);
  chart = (g_object_unref (chart), sam_test_chart_new (f->store, "2026-06-01", "AOI-OP", FALSE));
  g_assert_cmpuint (sam_chart_get_n_nodes (chart), ==, 3);

  /* From the top, the circle hangs under nothing that is drawn. */
  whole = sam_test_chart_new (f->store, "2026-06-01", NULL, FALSE);
  g_assert_cmpuint (sam_chart_get_n_nodes (whole), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) g_test_add (path, Fixture, NULL, set_up, func, tear_down)
  g_test_add_func ("/structure/dates", test_dates);
  ADD ("/structure/roles/carry-over", test_carry_over);
  ADD ("/structure/roles/seats", test_seats_vacancies);
  ADD ("/structure/rules", test_rules);
  ADD ("/structure/validation", test_validation);
  ADD ("/structure/groups", test_groups);
  ADD ("/structure/undo", test_undo);
  ADD ("/structure/merge-people", test_merge_people);
  ADD ("/structure/terms-ending", test_terms_ending);
  ADD ("/structure/commission-pdf", test_commission_pdf);
  ADD ("/structure/person-roles-pdf", test_person_roles_pdf);
  ADD ("/structure/chart/parent-cycle", test_chart_parent_cycle);

  return g_test_run ();
}

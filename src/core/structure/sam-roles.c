/* sam-roles.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-roles"

#include "config.h"

#include <string.h>

#include "sam-calendar.h"
#include "sam-roles.h"

/* Dates are ISO 8601 calendar dates, so comparing the text compares days. */
static int
compare_dates (const char *a,
               const char *b)
{
  return strcmp (a, b);
}

/**
 * sam_seat_free:
 * @seat: (transfer full): a seat
 *
 * Frees @seat.
 */
void
sam_seat_free (SamSeat *seat)
{
  if (seat == NULL)
    return;

  g_free (seat->uuid);
  g_free (seat->organisation_uuid);
  g_free (seat);
}

/**
 * sam_roles_role_is_single:
 * @role: a role
 *
 * A council has one chair, one coordinator and one contact person at a time.
 *
 * Returns: whether @role is held by one person at a time
 */
gboolean
sam_roles_role_is_single (SamRole role)
{
  return role == SAM_ROLE_CHAIR || role == SAM_ROLE_COORDINATOR || role == SAM_ROLE_CONTACT_PERSON;
}

/**
 * sam_roles_represented:
 * @assignment: an assignment
 * @home_organisations: (nullable) (element-type utf8 utf8): person UUID →
 *   home organisation UUID, for assignments that name no organisation
 *
 * Returns: (transfer none) (nullable): the UUID of the organisation the
 *   holder represents: the assignment's, else the person's own
 */
const char *
sam_roles_represented (SamAssignment *assignment,
                       GHashTable    *home_organisations)
{
  const char *organisation = sam_assignment_get_organisation_uuid (assignment);

  if (organisation == NULL && home_organisations != NULL && sam_assignment_get_person_uuid (assignment) != NULL)
    organisation = g_hash_table_lookup (home_organisations, sam_assignment_get_person_uuid (assignment));

  return organisation;
}

/**
 * sam_roles_is_successor:
 * @successor: an assignment in the same group
 * @assignment: an assignment whose term has an end
 * @home_organisations: (nullable): as for sam_roles_represented()
 *
 * For a role one person holds at a time, anyone appointed to it after
 * @assignment started succeeds them. For members and co-opted members,
 * a successor holds the same role for the same organisation and starts
 * after @assignment's term ended (someone who sat beside them is no
 * successor).
 *
 * Returns: whether @successor takes over from @assignment
 */
gboolean
sam_roles_is_successor (SamAssignment *successor,
                        SamAssignment *assignment,
                        GHashTable    *home_organisations)
{
  SamRole role = sam_assignment_get_role (assignment);
  const char *starts = sam_assignment_get_starts (successor);
  const char *old_starts = sam_assignment_get_starts (assignment);
  const char *old_ends = sam_assignment_get_ends (assignment);

  if (successor == assignment || g_strcmp0 (sam_assignment_get_uuid (successor), sam_assignment_get_uuid (assignment)) == 0)
    return FALSE;
  if (sam_assignment_get_role (successor) != role || starts == NULL)
    return FALSE;

  if (sam_roles_role_is_single (role))
    return old_starts == NULL || compare_dates (starts, old_starts) > 0;

  if (g_strcmp0 (sam_roles_represented (successor, home_organisations),
                 sam_roles_represented (assignment, home_organisations)) != 0)
    return FALSE;

  return old_ends != NULL && compare_dates (starts, old_ends) > 0;
}

/**
 * sam_roles_tenure:
 * @assignments: (element-type SamAssignment): the group's assignments
 * @assignment: one of them
 * @date: a day, YYYY-MM-DD
 * @home_organisations: (nullable): as for sam_roles_represented()
 *
 * Returns: where @assignment stands on @date
 */
SamTenure
sam_roles_tenure (GListModel    *assignments,
                  SamAssignment *assignment,
                  const char    *date,
                  GHashTable    *home_organisations)
{
  const char *starts = sam_assignment_get_starts (assignment);
  const char *ends = sam_assignment_get_ends (assignment);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (assignments), SAM_TENURE_PAST);
  g_return_val_if_fail (SAM_IS_ASSIGNMENT (assignment), SAM_TENURE_PAST);
  g_return_val_if_fail (date != NULL, SAM_TENURE_PAST);

  if (starts != NULL && compare_dates (starts, date) > 0)
    return SAM_TENURE_FUTURE;
  if (ends == NULL || compare_dates (ends, date) >= 0)
    return SAM_TENURE_CURRENT;

  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamAssignment) other = g_list_model_get_item (assignments, i);
      const char *other_starts = sam_assignment_get_starts (other);

      if (other_starts != NULL && compare_dates (other_starts, date) <= 0
          && sam_roles_is_successor (other, assignment, home_organisations))
        return SAM_TENURE_PAST;
    }

  return SAM_TENURE_CARRIED_OVER;
}

/**
 * sam_roles_holders:
 * @assignments: (element-type SamAssignment): the group's assignments
 * @role: a role
 * @date: a day, YYYY-MM-DD
 * @home_organisations: (nullable): as for sam_roles_represented()
 *
 * Lists who holds @role on @date: those within their term, in the order
 * of @assignments, then those carried over until a successor starts.
 *
 * Returns: (transfer full) (element-type SamAssignment): the holders
 */
GPtrArray *
sam_roles_holders (GListModel *assignments,
                   SamRole     role,
                   const char *date,
                   GHashTable *home_organisations)
{
  g_autoptr(GPtrArray) holders = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) carried = g_ptr_array_new_with_free_func (g_object_unref);
  guint n;

  g_return_val_if_fail (G_IS_LIST_MODEL (assignments), NULL);
  g_return_val_if_fail (date != NULL, NULL);

  n = g_list_model_get_n_items (assignments);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);

      if (sam_assignment_get_role (a) != role)
        continue;
      switch (sam_roles_tenure (assignments, a, date, home_organisations))
        {
        case SAM_TENURE_CURRENT:
          g_ptr_array_add (holders, g_steal_pointer (&a));
          break;
        case SAM_TENURE_CARRIED_OVER:
          g_ptr_array_add (carried, g_steal_pointer (&a));
          break;
        case SAM_TENURE_FUTURE:
        case SAM_TENURE_PAST:
        default:
          break;
        }
    }

  for (guint i = 0; i < carried->len; i++)
    g_ptr_array_add (holders, g_object_ref (g_ptr_array_index (carried, i)));

  return g_steal_pointer (&holders);
}

/**
 * sam_roles_vacancies:
 * @assignments: (element-type SamAssignment): the group's assignments
 * @seats: (element-type SamSeat): the seats its commission gives
 * @date: a day, YYYY-MM-DD
 * @home_organisations: (nullable): as for sam_roles_represented()
 *
 * A seat is filled by a chair or member holding office on @date (carried
 * over included) who represents the seat's organisation; each person
 * fills one seat at most.
 *
 * Returns: (transfer full) (element-type utf8): one organisation UUID per
 *   seat nobody holds, in the order of @seats
 */
GPtrArray *
sam_roles_vacancies (GListModel *assignments,
                     GPtrArray  *seats,
                     const char *date,
                     GHashTable *home_organisations)
{
  static const SamRole seat_roles[] = { SAM_ROLE_CHAIR, SAM_ROLE_MEMBER };
  GPtrArray *vacancies = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) holders = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (G_IS_LIST_MODEL (assignments), vacancies);

  for (guint r = 0; r < G_N_ELEMENTS (seat_roles); r++)
    {
      g_autoptr(GPtrArray) some = sam_roles_holders (assignments, seat_roles[r], date, home_organisations);

      for (guint i = 0; i < some->len; i++)
        g_ptr_array_add (holders, g_object_ref (g_ptr_array_index (some, i)));
    }

  for (guint s = 0; seats != NULL && s < seats->len; s++)
    {
      const SamSeat *seat = g_ptr_array_index (seats, s);
      g_autoptr(GHashTable) counted = g_hash_table_new (g_str_hash, g_str_equal);
      guint filled = 0;

      for (guint i = 0; i < holders->len; i++)
        {
          SamAssignment *a = g_ptr_array_index (holders, i);

          if (g_strcmp0 (sam_roles_represented (a, home_organisations), seat->organisation_uuid) == 0
              && g_hash_table_add (counted, (gpointer) sam_assignment_get_person_uuid (a)))
            filled++;
        }

      for (guint v = filled; v < seat->seats; v++)
        g_ptr_array_add (vacancies, g_strdup (seat->organisation_uuid));
    }

  return vacancies;
}

/**
 * sam_roles_date_add_days:
 * @date: a valid date, YYYY-MM-DD
 * @days: days to add (may be negative)
 *
 * Returns: (transfer full) (nullable): the date @days later, or %NULL if
 *   @date is not a valid date
 */
char *
sam_roles_date_add_days (const char *date,
                         int         days)
{
  g_autoptr(GDate) d = NULL;
  char buffer[16];

  if (!sam_calendar_parse_iso (date, NULL))
    return NULL;

  d = g_date_new_dmy ((GDateDay) g_ascii_strtoull (date + 8, NULL, 10),
                      (GDateMonth) g_ascii_strtoull (date + 5, NULL, 10),
                      (GDateYear) g_ascii_strtoull (date, NULL, 10));
  if (days >= 0)
    g_date_add_days (d, days);
  else
    g_date_subtract_days (d, -days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", d);

  return g_strdup (buffer);
}

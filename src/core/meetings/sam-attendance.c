/* sam-attendance.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-attendance"

#include "config.h"

#include "sam-attendance.h"

/* One line of a meeting's attendance list: a member of the meeting's groups
 * (or anyone recorded as attending) and whether they came. Read-only: the
 * store records a change with sam_store_set_attendance(). */
struct _SamAttendance
{
  GObject   parent_instance;

  char     *person_uuid;
  char     *person_name;
  char     *organisation_name;
  int       status;
  char     *substitute_for_uuid;
  char     *substitute_for_name;
  int       role;     /* a SamRole, or SAM_ATTENDANCE_NO_ROLE */
};

G_DEFINE_FINAL_TYPE (SamAttendance, sam_attendance, G_TYPE_OBJECT)

static void
sam_attendance_finalize (GObject *object)
{
  SamAttendance *self = SAM_ATTENDANCE (object);

  g_free (self->person_uuid);
  g_free (self->person_name);
  g_free (self->organisation_name);
  g_free (self->substitute_for_uuid);
  g_free (self->substitute_for_name);

  G_OBJECT_CLASS (sam_attendance_parent_class)->finalize (object);
}

static void
sam_attendance_class_init (SamAttendanceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_attendance_finalize;
}

static void
sam_attendance_init (SamAttendance *self)
{
  self->status = SAM_ATTENDANCE_STATUS_UNKNOWN;
}

/**
 * _sam_attendance_new:
 * @person_uuid: the person
 * @person_name: their name
 * @organisation_name: (nullable): the organisation they represent
 * @status: a #SamAttendanceStatus, or %SAM_ATTENDANCE_STATUS_UNKNOWN
 * @substitute_for_uuid: (nullable): whom a substitute stands in for
 * @substitute_for_name: (nullable): that person's name
 * @role: the first of the person's roles in the meeting's groups on its day
 *   (chair, coordinator, contact person, member, co-opted), or
 *   %SAM_ATTENDANCE_NO_ROLE for someone who holds none there
 *
 * Returns: (transfer full): a new #SamAttendance
 */
SamAttendance *
_sam_attendance_new (const char *person_uuid,
                     const char *person_name,
                     const char *organisation_name,
                     int         status,
                     const char *substitute_for_uuid,
                     const char *substitute_for_name,
                     int         role)
{
  SamAttendance *self = g_object_new (SAM_TYPE_ATTENDANCE, NULL);

  self->person_uuid = g_strdup (person_uuid);
  self->person_name = g_strdup (person_name);
  self->organisation_name = g_strdup (organisation_name);
  self->status = status;
  self->substitute_for_uuid = g_strdup (substitute_for_uuid);
  self->substitute_for_name = g_strdup (substitute_for_name);
  self->role = role;

  return self;
}

/**
 * sam_attendance_get_person_uuid:
 * @self: a #SamAttendance
 *
 * Returns: (transfer none): the person's UUID
 */
const char *
sam_attendance_get_person_uuid (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), NULL);

  return self->person_uuid;
}

/**
 * sam_attendance_get_person_name:
 * @self: a #SamAttendance
 *
 * Returns: (transfer none): the person's name
 */
const char *
sam_attendance_get_person_name (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), NULL);

  return self->person_name;
}

/**
 * sam_attendance_get_organisation_name:
 * @self: a #SamAttendance
 *
 * Returns: (transfer none) (nullable): the organisation the person represents
 */
const char *
sam_attendance_get_organisation_name (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), NULL);

  return self->organisation_name;
}

/**
 * sam_attendance_get_status:
 * @self: a #SamAttendance
 *
 * Returns: a #SamAttendanceStatus, or %SAM_ATTENDANCE_STATUS_UNKNOWN if
 *   nothing is recorded for the person
 */
int
sam_attendance_get_status (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), SAM_ATTENDANCE_STATUS_UNKNOWN);

  return self->status;
}

/**
 * sam_attendance_get_substitute_for_uuid:
 * @self: a #SamAttendance
 *
 * Returns: (transfer none) (nullable): whom a substitute stands in for
 */
const char *
sam_attendance_get_substitute_for_uuid (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), NULL);

  return self->substitute_for_uuid;
}

/**
 * sam_attendance_get_substitute_for_name:
 * @self: a #SamAttendance
 *
 * Returns: (transfer none) (nullable): the name of whom a substitute stands in for
 */
const char *
sam_attendance_get_substitute_for_name (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), NULL);

  return self->substitute_for_name;
}

/**
 * sam_attendance_is_member:
 * @self: a #SamAttendance
 *
 * Returns: whether the person holds a role in one of the meeting's groups
 *   on the day of the meeting (otherwise only their attendance is recorded)
 */
gboolean
sam_attendance_is_member (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), FALSE);

  return self->role != SAM_ATTENDANCE_NO_ROLE;
}

/**
 * sam_attendance_get_role:
 * @self: a #SamAttendance
 *
 * Returns: the first of the person's roles in the meeting's groups on its
 *   day, by the order the list is in (chair, coordinator, contact person,
 *   member, co-opted), or %SAM_ATTENDANCE_NO_ROLE
 */
int
sam_attendance_get_role (SamAttendance *self)
{
  g_return_val_if_fail (SAM_IS_ATTENDANCE (self), SAM_ATTENDANCE_NO_ROLE);

  return self->role;
}

/* sam-types.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sam-schema.h"

G_BEGIN_DECLS

/*
 * The closed sets of the register. Each value's nick is the word stored in
 * SQLite and written in XML, and the values follow the order of the lists in
 * sam-schema.c, so the first value is the column's default.
 */

typedef enum
{
  SAM_ORGANISATION_KIND_ADMINISTRATION,
  SAM_ORGANISATION_KIND_PRIVATE_PROVIDER,
  SAM_ORGANISATION_KIND_MUNICIPALITY,
  SAM_ORGANISATION_KIND_ACADEMIA,
  SAM_ORGANISATION_KIND_OTHER_REGION,
  SAM_ORGANISATION_KIND_NATIONAL_BODY,
  SAM_ORGANISATION_KIND_OTHER,
} SamOrganisationKind;

typedef enum
{
  SAM_GROUP_KIND_COUNCIL,
  SAM_GROUP_KIND_SUBGROUP,
  SAM_GROUP_KIND_PROCESS_TEAM,
  SAM_GROUP_KIND_MANAGEMENT_GROUP,
  SAM_GROUP_KIND_EXECUTIVE_GROUP,
  SAM_GROUP_KIND_PRIORITY_COUNCIL,
  SAM_GROUP_KIND_CLINICAL_MANAGEMENT,
  SAM_GROUP_KIND_CORPORATE_GROUP,
  SAM_GROUP_KIND_NATIONAL_PROGRAMME_AREA,
  SAM_GROUP_KIND_REGIONAL_PROGRAMME_AREA,
  SAM_GROUP_KIND_OTHER,
} SamGroupKind;

typedef enum
{
  SAM_ROLE_CHAIR,
  SAM_ROLE_MEMBER,
  SAM_ROLE_CO_OPTED,
  SAM_ROLE_COORDINATOR,
  SAM_ROLE_CONTACT_PERSON,
} SamRole;

typedef enum
{
  SAM_RELATION_KIND_REPORTS_TO,
  SAM_RELATION_KIND_ESCALATES_TO,
  SAM_RELATION_KIND_PREPARES_FOR,
} SamRelationKind;

typedef enum
{
  SAM_MEETING_KIND_ORDINARY,
  SAM_MEETING_KIND_EXTRA,
  SAM_MEETING_KIND_DIALOGUE,
} SamMeetingKind;

typedef enum
{
  SAM_MEETING_STATUS_PLANNED,
  SAM_MEETING_STATUS_CONFIRMED,
  SAM_MEETING_STATUS_HELD,
  SAM_MEETING_STATUS_CANCELLED,
} SamMeetingStatus;

typedef enum
{
  SAM_AGENDA_KIND_INFORMATION,
  SAM_AGENDA_KIND_DISCUSSION,
  SAM_AGENDA_KIND_DECISION,
  SAM_AGENDA_KIND_FOLLOW_UP,
} SamAgendaKind;

typedef enum
{
  SAM_ATTENDANCE_STATUS_PRESENT,
  SAM_ATTENDANCE_STATUS_ABSENT,
  SAM_ATTENDANCE_STATUS_SUBSTITUTE,
} SamAttendanceStatus;

typedef enum
{
  SAM_MANDATE_LINE_MANDATES,
  SAM_MANDATE_CHAIR_ROUTINE,
  SAM_MANDATE_MANAGEMENT_ASSIGNMENT,
  SAM_MANDATE_NONE,
} SamMandate;

typedef enum
{
  SAM_DECISION_STATUS_DRAFT,
  SAM_DECISION_STATUS_DECIDED,
  SAM_DECISION_STATUS_ESCALATED,
  SAM_DECISION_STATUS_IN_IMPLEMENTATION,
  SAM_DECISION_STATUS_IMPLEMENTED,
  SAM_DECISION_STATUS_WITHDRAWN,
  SAM_DECISION_STATUS_SUPERSEDED,
} SamDecisionStatus;

#define SAM_TYPE_ORGANISATION_KIND (sam_organisation_kind_get_type ())
#define SAM_TYPE_GROUP_KIND        (sam_group_kind_get_type ())
#define SAM_TYPE_ROLE              (sam_role_get_type ())
#define SAM_TYPE_RELATION_KIND     (sam_relation_kind_get_type ())
#define SAM_TYPE_MEETING_KIND      (sam_meeting_kind_get_type ())
#define SAM_TYPE_MEETING_STATUS    (sam_meeting_status_get_type ())
#define SAM_TYPE_AGENDA_KIND       (sam_agenda_kind_get_type ())
#define SAM_TYPE_ATTENDANCE_STATUS (sam_attendance_status_get_type ())
#define SAM_TYPE_MANDATE           (sam_mandate_get_type ())
#define SAM_TYPE_DECISION_STATUS   (sam_decision_status_get_type ())

GType       sam_organisation_kind_get_type  (void) G_GNUC_CONST;
GType       sam_group_kind_get_type         (void) G_GNUC_CONST;
GType       sam_role_get_type               (void) G_GNUC_CONST;
GType       sam_relation_kind_get_type      (void) G_GNUC_CONST;
GType       sam_meeting_kind_get_type       (void) G_GNUC_CONST;
GType       sam_meeting_status_get_type     (void) G_GNUC_CONST;
GType       sam_agenda_kind_get_type        (void) G_GNUC_CONST;
GType       sam_attendance_status_get_type  (void) G_GNUC_CONST;
GType       sam_mandate_get_type            (void) G_GNUC_CONST;
GType       sam_decision_status_get_type    (void) G_GNUC_CONST;

const char *sam_organisation_kind_get_label (SamOrganisationKind kind);
const char *sam_group_kind_get_label        (SamGroupKind        kind);
const char *sam_role_get_label              (SamRole             role);
const char *sam_relation_kind_get_label     (SamRelationKind     kind);
const char *sam_meeting_kind_get_label      (SamMeetingKind      kind);
const char *sam_meeting_status_get_label    (SamMeetingStatus    status);
const char *sam_agenda_kind_get_label       (SamAgendaKind       kind);
const char *sam_attendance_status_get_label (SamAttendanceStatus status);
const char *sam_mandate_get_label           (SamMandate          mandate);
const char *sam_decision_status_get_label   (SamDecisionStatus   status);

const char *sam_enum_get_nick               (GType               enum_type,
                                             int                 value);
gboolean    sam_enum_from_nick              (GType               enum_type,
                                             const char         *nick,
                                             int                *value);
const char *sam_enum_get_label              (GType               enum_type,
                                             int                 value);
GType       sam_enum_type_for_column        (const SamColumn    *column);

G_END_DECLS

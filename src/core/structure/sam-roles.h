/* sam-roles.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-assignment.h"
#include "sam-types.h"

G_BEGIN_DECLS

/*
 * Who holds which role in a group on a given day. Pure functions over a
 * group's assignments (as sam_store_list_group_assignments() returns them),
 * so the structure editor, the rules, the commission document and the chart
 * all answer the question the same way.
 *
 * A term covers its first and last day (dates are YYYY-MM-DD; a missing
 * start means "always", a missing end "until further notice"). A holder
 * whose term has ended stays in office, carried over, until a successor
 * starts: for the chair, coordinator and contact person anyone appointed
 * to the role later; for members and co-opted members someone in the same
 * role for the same organisation whose term starts after the old one ends.
 */

typedef enum
{
  SAM_TENURE_FUTURE,        /* the term has not started */
  SAM_TENURE_CURRENT,       /* within the term */
  SAM_TENURE_CARRIED_OVER,  /* the term has ended, no successor yet */
  SAM_TENURE_PAST,          /* ended and succeeded */
} SamTenure;

typedef struct
{
  char  *uuid;               /* the commission_seat row */
  char  *organisation_uuid;  /* whose head appoints */
  guint  seats;              /* how many members */
} SamSeat;

void        sam_seat_free                 (SamSeat            *seat);

const char *sam_roles_represented         (SamAssignment      *assignment,
                                           GHashTable         *home_organisations);
gboolean    sam_roles_is_successor        (SamAssignment      *successor,
                                           SamAssignment      *assignment,
                                           GHashTable         *home_organisations);
SamTenure   sam_roles_tenure              (GListModel         *assignments,
                                           SamAssignment      *assignment,
                                           const char         *date,
                                           GHashTable         *home_organisations);
GPtrArray  *sam_roles_holders             (GListModel         *assignments,
                                           SamRole             role,
                                           const char         *date,
                                           GHashTable         *home_organisations) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sam_roles_vacancies           (GListModel         *assignments,
                                           GPtrArray          *seats,
                                           const char         *date,
                                           GHashTable         *home_organisations) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sam_roles_role_is_single      (SamRole             role);
char       *sam_roles_date_add_days       (const char         *date,
                                           int                 days) G_GNUC_WARN_UNUSED_RESULT;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamSeat, sam_seat_free)

G_END_DECLS

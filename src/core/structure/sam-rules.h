/* sam-rules.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-roles.h"
#include "sam-store.h"

G_BEGIN_DECLS

/*
 * The rules the commission documents state, checked for one group on one
 * day. They are warnings shown beside the group, never checks that keep
 * an edit from being saved: the register must be able to say how things
 * are, even when they are not as they should be.
 */

typedef enum
{
  SAM_RULE_CHAIR_CONTACT_SAME_ORGANISATION,  /* chair and contact person from one organisation */
  SAM_RULE_SEAT_VACANT,                      /* an organisation that should appoint a member has none */
  SAM_RULE_TOO_MANY_CO_OPTED,                /* more co-opted members than the commission allows */
  SAM_RULE_ROLE_MISSING,                     /* a council without chair, coordinator or contact person */
  SAM_RULE_ROLE_TWICE,                       /* two chairs, coordinators or contact persons at once */
  SAM_RULE_PROCESS_TEAM_UNREPORTED,          /* a process team that reports to no council */
  SAM_RULE_TERM_ENDED,                       /* a term ended with no successor */
} SamRule;

typedef struct
{
  SamRule  rule;
  char    *message;       /* translated, for people */
  char    *subject_uuid;  /* the assignment or organisation concerned, or NULL */
} SamWarning;

typedef struct
{
  SamAssignment *assignment;
  char          *group_uuid;
  char          *group_label;        /* short code, else name */
  char          *person_name;
  char          *organisation_name;  /* represented, or NULL */
  gboolean       carried_over;       /* ended before the day, no successor */
  gboolean       successor_appointed;
} SamTermEnding;

void        sam_warning_free                  (SamWarning   *warning);
void        sam_term_ending_free              (SamTermEnding *term);
char       *sam_term_ending_format            (const SamTermEnding *term) G_GNUC_WARN_UNUSED_RESULT;
GPtrArray  *sam_rules_list_terms_ending       (SamStore     *store,
                                               const char   *group_uuid,
                                               const char   *date,
                                               guint         days,
                                               GError      **error);

GPtrArray  *sam_rules_check_group             (SamStore     *store,
                                               const char   *group_uuid,
                                               const char   *date,
                                               GError      **error);
GHashTable *sam_rules_dup_home_organisations  (SamStore     *store,
                                               GListModel   *assignments,
                                               GError      **error);
char       *sam_rules_dup_person_name         (SamStore     *store,
                                               const char   *person_uuid);
char       *sam_rules_dup_organisation_name   (SamStore     *store,
                                               const char   *organisation_uuid);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamWarning, sam_warning_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamTermEnding, sam_term_ending_free)

G_END_DECLS

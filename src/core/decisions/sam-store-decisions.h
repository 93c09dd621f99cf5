/* sam-store-decisions.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

/*
 * The decision register's queries and edits beyond the generic save and
 * register: pages of a filtered, sorted register for the lazy list, the
 * life of a decision (supersede, withdraw, status), escalations and their
 * answers, follow-up and the audit history of one decision.
 */

typedef enum
{
  SAM_DECISION_SORT_DATE,
  SAM_DECISION_SORT_NUMBER,
  SAM_DECISION_SORT_GROUP,
  SAM_DECISION_SORT_TITLE,
  SAM_DECISION_SORT_MANDATE,
  SAM_DECISION_SORT_STATUS,
  SAM_DECISION_SORT_RESPONSIBLE,
  SAM_DECISION_SORT_FOLLOW_UP,
  SAM_DECISION_SORT_RANK,
} SamDecisionSort;

typedef struct
{
  char *group_uuid;  /* NULL: every group */
  int   year;        /* 0: every year */
  int   status;      /* a SamDecisionStatus, or -1 for any */
  int   mandate;     /* a SamMandate, or -1 for any */
  char *search;      /* what the user typed, or NULL */
} SamDecisionFilter;

void               sam_decision_filter_init  (SamDecisionFilter       *filter);
void               sam_decision_filter_clear (SamDecisionFilter       *filter);
void               sam_decision_filter_copy  (SamDecisionFilter       *dest,
                                              const SamDecisionFilter *src);
gboolean           sam_decision_filter_equal (const SamDecisionFilter *a,
                                              const SamDecisionFilter *b);

/* The decisions a search matches, read once from the full-text index and
 * handed to the count and to every page of the same search. */
typedef struct _SamDecisionMatches SamDecisionMatches;

void  sam_decision_matches_free      (SamDecisionMatches       *matches);
guint sam_decision_matches_get_count (const SamDecisionMatches *matches);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDecisionMatches, sam_decision_matches_free)

typedef struct
{
  char *uuid;
  char *decision_uuid;
  char *to_group_uuid;   /* nullable */
  char *to_group_name;   /* nullable */
  char *to_other;        /* nullable */
  char *reason;
  char *escalated;       /* YYYY-MM-DD */
  char *answer;          /* nullable until answered */
  char *answered;        /* nullable until answered */
  char *decision_number; /* "AOI 2026:7", or NULL for a draft */
  char *decision_title;
} SamEscalation;

void sam_escalation_free (SamEscalation *escalation);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamEscalation, sam_escalation_free)

typedef struct
{
  char *at;             /* YYYY-MM-DDTHH:MM:SSZ */
  char *who;
  char *entity;         /* "decision" or "escalation" */
  char *action;         /* insert, update, register, status, escalate … */
  char *status_before;  /* nick, nullable */
  char *status_after;   /* nick, nullable */
  char *note;           /* a reason or an answer, nullable */
} SamDecisionEvent;

void sam_decision_event_free (SamDecisionEvent *event);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDecisionEvent, sam_decision_event_free)

/* What an extract of a decision gives besides the decision. */
typedef struct
{
  guint  paragraph;    /* the decision's item's place on its meeting's agenda, from 1; 0 for none */
  char  *item_title;   /* the agenda item, or NULL */
  char  *item_notes;
  char  *chair;        /* the group's chair on the day decided, or NULL */
} SamDecisionContext;

void sam_decision_context_free (SamDecisionContext *context);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDecisionContext, sam_decision_context_free)

SamDecision        *sam_store_find_decision_by_number (SamStore    *self,
                                                       const char  *number,
                                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SamDecisionContext *sam_store_dup_decision_context    (SamStore    *self,
                                                       const char  *decision_uuid,
                                                       GError     **error) G_GNUC_WARN_UNUSED_RESULT;

GListModel *sam_store_list_decisions           (SamStore                *self,
                                                const char              *group_uuid,
                                                GError                 **error);
GListModel *sam_store_search_decisions         (SamStore                *self,
                                                const char              *query,
                                                GError                 **error);
guint       sam_store_count_decisions          (SamStore                *self,
                                                const char              *group_uuid,
                                                int                      year);
gboolean    sam_store_register_decision        (SamStore                *self,
                                                SamDecision             *decision,
                                                GError                 **error);

SamDecisionMatches *sam_store_match_decisions (SamStore              *self,
                                                const char              *search,
                                                GError                 **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean    sam_store_count_decision_rows      (SamStore                *self,
                                                const SamDecisionFilter *filter,
                                                const SamDecisionMatches *matches,
                                                guint                   *n_rows,
                                                GError                 **error);
GPtrArray  *sam_store_fetch_decision_rows      (SamStore                *self,
                                                const SamDecisionFilter *filter,
                                                const SamDecisionMatches *matches,
                                                SamDecisionSort          sort,
                                                gboolean                 descending,
                                                guint                    offset,
                                                guint                    limit,
                                                GError                 **error);
GPtrArray  *sam_store_list_decision_years      (SamStore                *self,
                                                GError                 **error);
GListModel *sam_store_list_register_decisions  (SamStore                *self,
                                                const char              *group_uuid,
                                                int                      year,
                                                GError                 **error);
GListModel *sam_store_list_decisions_due       (SamStore                *self,
                                                const char              *today,
                                                int                      days,
                                                GError                 **error);
SamDecision *sam_store_dup_superseding_decision (SamStore               *self,
                                                const char              *uuid,
                                                GError                 **error);

gboolean    sam_store_supersede_decision       (SamStore                *self,
                                                SamDecision             *old_decision,
                                                SamDecision             *correction,
                                                GError                 **error);
gboolean    sam_store_withdraw_decision        (SamStore                *self,
                                                SamDecision             *decision,
                                                const char              *reason,
                                                GError                 **error);
gboolean    sam_store_set_decision_status      (SamStore                *self,
                                                SamDecision             *decision,
                                                SamDecisionStatus        status,
                                                GError                 **error);

gboolean    sam_store_escalate_decision        (SamStore                *self,
                                                SamDecision             *decision,
                                                const char              *to_group_uuid,
                                                const char              *to_other,
                                                const char              *reason,
                                                const char              *date,
                                                GError                 **error);
gboolean    sam_store_answer_escalation        (SamStore                *self,
                                                const char              *escalation_uuid,
                                                const char              *answer,
                                                const char              *date,
                                                GError                 **error);
GPtrArray  *sam_store_list_escalations         (SamStore                *self,
                                                const char              *decision_uuid,
                                                GError                 **error);
GPtrArray  *sam_store_list_open_escalations    (SamStore                *self,
                                                GError                 **error);

GPtrArray  *sam_store_list_decision_events     (SamStore                *self,
                                                const char              *decision_uuid,
                                                GError                 **error);

GPtrArray  *sam_store_list_group_relations     (SamStore                *self,
                                                const char              *group_uuid,
                                                SamRelationKind          kind,
                                                GError                 **error);

G_END_DECLS

/* sam-store-structure.h
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
 * What the structure editor needs beyond saving and deleting single rows:
 * moving, dissolving and deleting groups with what hangs on them, seats
 * and relations (which have no model objects), merging people, checks that
 * keep invalid input out.
 * Every edit is one transaction with one audit log entry and emits
 * #SamStore::changed after COMMIT.
 */

typedef struct
{
  char            *uuid;
  char            *from_uuid;
  char            *to_uuid;
  SamRelationKind  kind;
} SamRelation;

void        sam_relation_free                  (SamRelation    *relation);

/* Groups */
gboolean    sam_store_validate_group           (SamStore       *self,
                                                SamGroup       *group,
                                                GError        **error);
SamGroup   *sam_store_find_group_by_code        (SamStore       *self,
                                                const char     *code,
                                                GError        **error);
GListModel *sam_store_list_child_groups_marked (SamStore      *self,
                                                const char     *parent_uuid,
                                                GHashTable     *parents,
                                                GError        **error);
GListModel *sam_store_list_groups_of_kind      (SamStore       *self,
                                                SamGroupKind    kind,
                                                GError        **error);
char       *sam_store_dup_group_references     (SamStore       *self,
                                                const char     *group_uuid,
                                                GError        **error);
gboolean    sam_store_delete_group             (SamStore       *self,
                                                const char     *group_uuid,
                                                GError        **error);
gboolean    sam_store_move_group               (SamStore       *self,
                                                const char     *group_uuid,
                                                const char     *parent_uuid,
                                                GError        **error);
gboolean    sam_store_dissolve_group           (SamStore       *self,
                                                const char     *group_uuid,
                                                const char     *date,
                                                GError        **error);

/* Commissions, seats and relations */
gboolean    sam_store_validate_commission      (SamStore       *self,
                                                SamCommission  *commission,
                                                GError        **error);
GPtrArray  *sam_store_list_seats               (SamStore       *self,
                                                const char     *group_uuid,
                                                GError        **error);
GHashTable *sam_store_dup_group_names          (SamStore       *self,
                                                const char     *group_uuid,
                                                GHashTable    **home_organisations,
                                                GError        **error);
gboolean    sam_store_set_seats                (SamStore       *self,
                                                const char     *group_uuid,
                                                const char     *organisation_uuid,
                                                guint           seats,
                                                GError        **error);
GPtrArray  *sam_store_list_relations           (SamStore       *self,
                                                const char     *group_uuid,
                                                GError        **error);
gboolean    sam_store_set_reports_to           (SamStore       *self,
                                                const char     *group_uuid,
                                                const char     *to_uuid,
                                                GError        **error);

/* Roles and people */
gboolean    sam_store_validate_assignment      (SamStore       *self,
                                                SamAssignment  *assignment,
                                                GError        **error);
gboolean    sam_store_end_assignment           (SamStore       *self,
                                                SamAssignment  *assignment,
                                                const char     *date,
                                                GError        **error);
GHashTable *sam_store_dup_home_organisations   (SamStore       *self,
                                                GError        **error);
GListModel *sam_store_list_assignments_ending  (SamStore       *self,
                                                const char     *until,
                                                GError        **error);
GListModel *sam_store_list_assignments         (SamStore       *self,
                                                GError        **error);
SamPerson  *sam_store_find_person_by_name      (SamStore       *self,
                                                const char     *name,
                                                GError        **error);
SamOrganisation *sam_store_find_organisation   (SamStore       *self,
                                                const char     *name,
                                                GError        **error);
gboolean    sam_store_merge_people             (SamStore       *self,
                                                const char     *keep_uuid,
                                                const char     *duplicate_uuid,
                                                GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamRelation, sam_relation_free)

G_END_DECLS

/* sam-commission.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_COMMISSION (sam_commission_get_type ())

G_DECLARE_FINAL_TYPE (SamCommission, sam_commission, SAM, COMMISSION, GObject)

SamCommission *sam_commission_new                 (void) G_GNUC_WARN_UNUSED_RESULT;
gint64         sam_commission_get_id              (SamCommission *self);
const char    *sam_commission_get_uuid            (SamCommission *self);
const char    *sam_commission_get_group_uuid      (SamCommission *self);
const char    *sam_commission_get_registry_number (SamCommission *self);
const char    *sam_commission_get_dated           (SamCommission *self);
const char    *sam_commission_get_title           (SamCommission *self);
const char    *sam_commission_get_purpose         (SamCommission *self);
const char    *sam_commission_get_tasks           (SamCommission *self);
int            sam_commission_get_min_meetings    (SamCommission *self);
int            sam_commission_get_max_meetings    (SamCommission *self);
int            sam_commission_get_max_co_opted    (SamCommission *self);
const char    *sam_commission_get_text            (SamCommission *self,
                                                   const char    *name);

G_END_DECLS

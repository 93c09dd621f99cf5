/* sam-group.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_GROUP (sam_group_get_type ())

G_DECLARE_FINAL_TYPE (SamGroup, sam_group, SAM, GROUP, GObject)

SamGroup     *sam_group_new             (void) G_GNUC_WARN_UNUSED_RESULT;
gint64        sam_group_get_id          (SamGroup *self);
const char   *sam_group_get_uuid        (SamGroup *self);
const char   *sam_group_get_code        (SamGroup *self);
const char   *sam_group_get_name        (SamGroup *self);
SamGroupKind  sam_group_get_kind        (SamGroup *self);
const char   *sam_group_get_parent_uuid (SamGroup *self);
int           sam_group_get_position    (SamGroup *self);
const char   *sam_group_get_established (SamGroup *self);
const char   *sam_group_get_dissolved   (SamGroup *self);
const char   *sam_group_get_description (SamGroup *self);

G_END_DECLS

/* sam-group-matches.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-group.h"

G_BEGIN_DECLS

#define SAM_TYPE_GROUP_MATCH (sam_group_match_get_type ())

G_DECLARE_FINAL_TYPE (SamGroupMatch, sam_group_match, SAM, GROUP_MATCH, GObject)

SamGroup        *sam_group_match_get_group (SamGroupMatch   *self);

#define SAM_TYPE_GROUP_MATCHES (sam_group_matches_get_type ())

G_DECLARE_FINAL_TYPE (SamGroupMatches, sam_group_matches, SAM, GROUP_MATCHES, GObject)

SamGroupMatches *sam_group_matches_new     (void);
void             sam_group_matches_set     (SamGroupMatches *self,
                                            SamGroup       **groups,
                                            guint            n_groups);
SamGroup        *sam_group_matches_get     (SamGroupMatches *self,
                                            guint            position);
gint             sam_group_matches_find    (SamGroupMatches *self,
                                            const char      *uuid);

G_END_DECLS

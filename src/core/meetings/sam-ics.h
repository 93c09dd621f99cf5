/* sam-ics.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_ICS_ERROR (sam_ics_error_quark ())

typedef enum
{
  SAM_ICS_ERROR_FAILED,
} SamIcsError;

#define SAM_ICS_TZID "Europe/Stockholm"

GQuark    sam_ics_error_quark (void);
char     *sam_ics_build       (SamStore    *store,
                               const char  *group_uuid,
                               int          year,
                               guint       *n_events,
                               GError     **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean  sam_ics_export      (SamStore    *store,
                               const char  *group_uuid,
                               int          year,
                               const char  *path,
                               guint       *n_events,
                               GError     **error);

G_END_DECLS

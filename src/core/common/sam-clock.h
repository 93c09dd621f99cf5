/* sam-clock.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GDateTime *sam_clock_now           (void) G_GNUC_WARN_UNUSED_RESULT;
void       sam_clock_get_today     (GDate      *date);
char      *sam_clock_dup_today     (void) G_GNUC_WARN_UNUSED_RESULT;
int        sam_clock_get_year      (void);
void       sam_clock_set_now       (GDateTime  *now);

G_END_DECLS

/* sam-csv.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

GString *sam_csv_new        (void) G_GNUC_WARN_UNUSED_RESULT;
char    *sam_csv_cell       (const char         *text) G_GNUC_WARN_UNUSED_RESULT;
void     sam_csv_append_row (GString            *out,
                             const char * const *cells);

G_END_DECLS

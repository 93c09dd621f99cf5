/* sam-test-region.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *sam_test_generate_region (guint  target,
                                gsize *len) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

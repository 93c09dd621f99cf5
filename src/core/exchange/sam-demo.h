/* sam-demo.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store.h"

G_BEGIN_DECLS

SamStore *sam_demo_open   (char       **out_dir,
                           GError     **error) G_GNUC_WARN_UNUSED_RESULT;
void      sam_demo_remove (const char  *dir);

G_END_DECLS

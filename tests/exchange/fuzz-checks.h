/* fuzz-checks.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-xml.h"

G_BEGIN_DECLS

void      fuzz_catch_stray_errors (void);
void      fuzz_check_refusal     (const GError  *error);
void      fuzz_check_round_trip  (SamStore      *store,
                                  const char    *dir);
char     *fuzz_dup_export        (SamStore      *store,
                                  const char    *dir) G_GNUC_WARN_UNUSED_RESULT;
char     *fuzz_make_merge_base   (const char    *dir) G_GNUC_WARN_UNUSED_RESULT;
SamStore *fuzz_open_copy         (const char    *base,
                                  const char    *path) G_GNUC_WARN_UNUSED_RESULT;
void      fuzz_remove_database   (const char    *path);

G_END_DECLS

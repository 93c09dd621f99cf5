/* sam-store-meetings-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-store-meetings.h"
#include "sam-store-private.h"

G_BEGIN_DECLS

/* The meeting whose UUID is ?1, as a row id in SQL. */
#define MEETING_ID "(SELECT id FROM meeting WHERE uuid = ?1)"

G_END_DECLS

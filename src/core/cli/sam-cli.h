/* sam-cli.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

extern const GOptionEntry sam_cli_options[];

int sam_cli_run (GVariantDict *options);

G_END_DECLS

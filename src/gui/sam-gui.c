/* sam-gui.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-gui"

#include "config.h"

#include "sam-gui.h"
#include "sam-window.h"

/**
 * sam_gui_ensure_types:
 *
 * Registers every widget class that has a template, so a template or a
 * builder file can name it.
 */
void
sam_gui_ensure_types (void)
{
  g_type_ensure (SAM_TYPE_WINDOW);
}

/* sam-gui.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-report.h"

G_BEGIN_DECLS

void               sam_gui_ensure_types        (void);
GtkPrintOperation *sam_gui_print_operation_new (SamReport *report) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

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

/* sam-gui-message.c: what every page tells the user */
GtkWindow         *sam_gui_get_parent_window   (GtkWidget       *widget);
void               sam_gui_show_message        (GtkWidget       *widget,
                                                const char      *heading,
                                                const char      *body);
void               sam_gui_show_error          (GtkWidget       *widget,
                                                const char      *heading,
                                                const GError    *error);
void               sam_gui_add_toast           (GtkWidget       *widget,
                                                AdwToast        *toast);
void               sam_gui_show_toast          (AdwToastOverlay *overlay,
                                                AdwToast        *toast);

/* sam-gui-print.c */
GtkPrintOperation *sam_gui_print_operation_new (SamReport       *report) G_GNUC_WARN_UNUSED_RESULT;

G_END_DECLS

/* sam-test-ui.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-application.h"
#include "sam-test-util.h"
#include "sam-window.h"

G_BEGIN_DECLS

/* What the UI tests share: setting up a run (the language, a data folder
 * of its own, the application), the main loop, finding widgets and
 * windows, opening the real window, and screenshots. */

/* Whether @widget is the one looked for; @data is what the finder got. */
typedef gboolean (*SamTestWidgetMatch) (GtkWidget     *widget,
                                        gconstpointer  data);

void            sam_test_ui_init              (int                 *argc,
                                               char              ***argv);
SamApplication *sam_test_ui_start_application (void);
int             sam_test_ui_run               (void);

gboolean        sam_test_is_swedish           (void);
const char     *sam_test_tr                   (const char          *english,
                                               const char          *svenska);

void            sam_test_wait_until_drawn     (GtkWidget           *widget);
void            sam_test_wait_until_mapped    (GtkWidget           *widget);

GtkWidget      *sam_test_find_widget          (GtkWidget           *root,
                                               GType                type);
GtkWidget      *sam_test_find_widget_full     (GtkWidget           *root,
                                               GType                type,
                                               SamTestWidgetMatch   match,
                                               gconstpointer        data);
GtkWidget      *sam_test_find_row             (GtkWidget           *root,
                                               GType                type,
                                               const char          *title);
void            sam_test_collect_widgets      (GtkWidget           *root,
                                               GType                type,
                                               GPtrArray           *out);
GtkWindow      *sam_test_find_toplevel        (GType                type);
GtkWindow      *sam_test_wait_for_toplevel    (GType                type);

SamWindow      *sam_test_open_window          (void);
SamWindow      *sam_test_open_demo            (int                  width,
                                               int                  height);
GtkWidget      *sam_test_window_content       (GtkWidget           *window);

void            sam_test_save_screenshot      (GtkWidget           *widget,
                                               const char          *name);

G_END_DECLS

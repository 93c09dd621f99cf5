/* sam-chart-box.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define SAM_TYPE_CHART_BOX (sam_chart_box_get_type ())

G_DECLARE_FINAL_TYPE (SamChartBox, sam_chart_box, SAM, CHART_BOX, GtkWidget)

GtkWidget  *sam_chart_box_new             (void);
guint       sam_chart_box_get_node        (SamChartBox *self);
void        sam_chart_box_set_node        (SamChartBox *self,
                                           guint        node);
const char *sam_chart_box_get_description (SamChartBox *self);
void        sam_chart_box_set_description (SamChartBox *self,
                                           const char  *description);

G_END_DECLS

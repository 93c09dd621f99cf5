/* sam-chart-pane-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-chart-pane.h"

G_BEGIN_DECLS

struct _SamChartPane
{
  AdwBin             parent_instance;

  SamStore          *store;
  GSettings         *settings;
  GPtrArray         *root_uuids;       /* per root drop-down position - 1 */
  gboolean           updating_roots;
  gboolean           updating_date;
  gboolean           whole_window;
  guint              legend_idle;      /* fits the legend's height to a new width */
  GCancellable      *cancellable;      /* printing and exports; cancelled on dispose */
  gboolean           preparing_print;
  GtkPrintOperation *print_operation;  /* while the print dialog or job runs */

  GtkSearchEntry    *search_entry;
  GtkDropDown       *root_dropdown;
  GtkStringList     *root_list;
  GtkMenuButton     *as_of_button;
  GtkPopover        *as_of_popover;
  GtkCalendar       *calendar;
  GtkEntry          *as_of_entry;
  GtkToggleButton   *people_button;
  GtkToggleButton   *legend_button;
  GtkDrawingArea    *legend_area;
  GtkStack          *content_stack;
  SamChartView      *view;
  GtkLabel          *zoom_label;
  GtkSpinner        *spinner;
  AdwStatusPage     *message_page;
};

/* sam-chart-pane.c */
void _sam_chart_pane_update_actions    (SamChartPane   *self);

/* sam-chart-pane-export.c */
void _sam_chart_pane_class_export_init (GtkWidgetClass *widget_class);

G_END_DECLS

/* sam-gui-print.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-gui"

#include "config.h"

#include "sam-gui.h"

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                SamReport         *report)
{
  guint n_pages = sam_report_paginate (report, gtk_print_context_get_cairo_context (context));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page,
              SamReport         *report)
{
  sam_report_render_page (report, gtk_print_context_get_cairo_context (context), (guint) page);
}

/**
 * sam_gui_print_operation_new:
 * @report: a report, laid out on A4
 *
 * Makes the print operation of a report. The report draws its own margins,
 * in points, on the whole sheet; the operation keeps it until it is done.
 *
 * Returns: (transfer full): the operation, to run
 */
GtkPrintOperation *
sam_gui_print_operation_new (SamReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  g_return_val_if_fail (SAM_IS_REPORT (report), NULL);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_job_name (operation, sam_report_get_title (report));
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print_cb),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page_cb),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return operation;
}

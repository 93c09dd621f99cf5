/* sam-report.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

G_BEGIN_DECLS

/*
 * The one paginated document writer: commission documents, meeting agendas
 * and minutes, a person's list of roles and the decision log are all built
 * as a list of blocks, paginated once, and drawn page by page onto any
 * cairo_t in points (a PDF file here, a GtkPrintOperation in the GUI).
 */

typedef enum
{
  SAM_PAPER_A4,
  SAM_PAPER_A3,
} SamPaper;

#define SAM_TYPE_REPORT (sam_report_get_type ())

G_DECLARE_FINAL_TYPE (SamReport, sam_report, SAM, REPORT, GObject)

SamReport *sam_report_new             (void) G_GNUC_WARN_UNUSED_RESULT;

void       sam_report_set_title       (SamReport          *self,
                                       const char         *title);
const char *sam_report_get_title      (SamReport          *self);
void       sam_report_set_author      (SamReport          *self,
                                       const char         *author);
void       sam_report_set_subject     (SamReport          *self,
                                       const char         *subject);
void       sam_report_set_header      (SamReport          *self,
                                       const char         *left,
                                       const char         *right);
void       sam_report_set_footer_left (SamReport          *self,
                                       const char         *text);
void       sam_report_set_paper       (SamReport          *self,
                                       SamPaper            paper,
                                       gboolean            landscape);
void       sam_report_set_margins     (SamReport          *self,
                                       double              top,
                                       double              right,
                                       double              bottom,
                                       double              left);
void       sam_report_get_page_size   (SamReport          *self,
                                       double             *width,
                                       double             *height);

void       sam_report_add_heading     (SamReport          *self,
                                       guint               level,
                                       const char         *text);
void       sam_report_add_paragraph   (SamReport          *self,
                                       const char         *text);
void       sam_report_add_markup      (SamReport          *self,
                                       const char         *markup);
void       sam_report_add_bullets     (SamReport          *self,
                                       const char * const *items);
void       sam_report_add_fields      (SamReport          *self,
                                       const char * const *labels_and_values);
void       sam_report_add_table       (SamReport          *self,
                                       guint               n_columns,
                                       const char * const *headers,
                                       const double       *widths);
void       sam_report_add_table_row   (SamReport          *self,
                                       const char * const *cells);
void       sam_report_add_spacer      (SamReport          *self,
                                       double              height);
void       sam_report_add_page_break  (SamReport          *self);

guint      sam_report_paginate        (SamReport          *self,
                                       cairo_t            *cr);
guint      sam_report_get_n_pages     (SamReport          *self);
void       sam_report_render_page     (SamReport          *self,
                                       cairo_t            *cr,
                                       guint               page);
gboolean   sam_report_write_pdf       (SamReport          *self,
                                       const char         *path,
                                       GError            **error);

G_END_DECLS

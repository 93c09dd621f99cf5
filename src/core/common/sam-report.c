/* sam-report.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "sam-clock.h"
#include "sam-file.h"
#include "sam-report-private.h"

/*
 * A report is kept as the blocks the caller added. sam_report_paginate()
 * turns them into rows (a heading, a paragraph, one bullet item, one pair of
 * fields, one table row), each a few PangoLayouts with their line positions,
 * and deals the rows out onto pages, slicing a row between two lines where it
 * must. Rendering only draws the slices each page holds, line by line, so a
 * line is never cut in half and nothing hidden ends up in a PDF.
 */

G_DEFINE_FINAL_TYPE (SamReport, sam_report, G_TYPE_OBJECT)

static void
block_free (gpointer data)
{
  Block *block = data;

  g_free (block->text);
  g_strfreev (block->strings);
  g_free (block->widths);
  g_clear_pointer (&block->rows, g_ptr_array_unref);
  g_free (block);
}

static void
sam_report_invalidate (SamReport *self)
{
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->layout_rows, g_ptr_array_unref);
  g_clear_object (&self->band_left);
  g_clear_object (&self->band_title);
  g_clear_object (&self->band_right);
  g_clear_object (&self->footer);
  g_clear_object (&self->context);
}

static Block *
sam_report_append (SamReport *self,
                   BlockKind  kind)
{
  Block *block = g_new0 (Block, 1);

  block->kind = kind;
  g_ptr_array_add (self->blocks, block);
  sam_report_invalidate (self);

  return block;
}

static void
sam_report_finalize (GObject *object)
{
  SamReport *self = (SamReport *) object;

  sam_report_invalidate (self);
  g_free (self->title);
  g_free (self->author);
  g_free (self->subject);
  g_free (self->header_left);
  g_free (self->header_right);
  g_free (self->footer_left);
  g_ptr_array_unref (self->blocks);

  G_OBJECT_CLASS (sam_report_parent_class)->finalize (object);
}

static void
sam_report_class_init (SamReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_report_finalize;
}

static void
sam_report_init (SamReport *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->paper = SAM_PAPER_A4;
  /* 15 mm above and below, 20 mm at the sides; header and footer lie within. */
  self->margin_top = 42.52;
  self->margin_bottom = 42.52;
  self->margin_left = 56.69;
  self->margin_right = 56.69;
}

/**
 * sam_report_new:
 *
 * Creates an empty report on A4 portrait paper.
 *
 * Returns: (transfer full): a new #SamReport
 */
SamReport *
sam_report_new (void)
{
  return g_object_new (SAM_TYPE_REPORT, NULL);
}

/**
 * sam_report_set_title:
 * @self: a #SamReport
 * @title: (nullable): the document title
 *
 * Sets the document title, shown under the header's left text on every page
 * and stored as the title of a PDF file.
 */
void
sam_report_set_title (SamReport  *self,
                      const char *title)
{
  g_return_if_fail (SAM_IS_REPORT (self));

  g_free (self->title);
  self->title = g_strdup (title);
  sam_report_invalidate (self);
}

/**
 * sam_report_get_title:
 * @self: a #SamReport
 *
 * Returns: (nullable): the document title
 */
const char *
sam_report_get_title (SamReport *self)
{
  g_return_val_if_fail (SAM_IS_REPORT (self), NULL);

  return self->title;
}

/**
 * sam_report_set_author:
 * @self: a #SamReport
 * @author: (nullable): who issues the document, such as the region whose
 *   register it comes from
 *
 * Sets the author stored in a PDF file's document information.
 */
void
sam_report_set_author (SamReport  *self,
                       const char *author)
{
  g_return_if_fail (SAM_IS_REPORT (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

/**
 * sam_report_set_subject:
 * @self: a #SamReport
 * @subject: (nullable): what the document is about, such as the group or
 *   the meeting
 *
 * Sets the subject stored in a PDF file's document information.
 */
void
sam_report_set_subject (SamReport  *self,
                        const char *subject)
{
  g_return_if_fail (SAM_IS_REPORT (self));

  g_free (self->subject);
  self->subject = g_strdup (subject);
}

/**
 * sam_report_set_header:
 * @self: a #SamReport
 * @left: (nullable): the kind of document, e.g. “Uppdragshandling”, in bold
 * @right: (nullable): text set flush right, e.g. the registry number and date;
 *   may hold several lines
 *
 * Sets the header band printed at the top of every page.
 */
void
sam_report_set_header (SamReport  *self,
                       const char *left,
                       const char *right)
{
  g_return_if_fail (SAM_IS_REPORT (self));

  g_free (self->header_left);
  g_free (self->header_right);
  self->header_left = g_strdup (left);
  self->header_right = g_strdup (right);
  sam_report_invalidate (self);
}

/**
 * sam_report_set_footer_left:
 * @self: a #SamReport
 * @text: (nullable): e.g. the date of printing
 *
 * Sets the text at the left of every page's footer; the right holds the
 * page number and the number of pages.
 */
void
sam_report_set_footer_left (SamReport  *self,
                            const char *text)
{
  g_return_if_fail (SAM_IS_REPORT (self));

  g_free (self->footer_left);
  self->footer_left = g_strdup (text);
  sam_report_invalidate (self);
}

/**
 * sam_report_set_paper:
 * @self: a #SamReport
 * @paper: the paper size
 * @landscape: whether the long side runs across
 *
 * Sets the paper; the default is A4 portrait.
 */
void
sam_report_set_paper (SamReport *self,
                      SamPaper   paper,
                      gboolean   landscape)
{
  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (paper == SAM_PAPER_A4 || paper == SAM_PAPER_A3);

  self->paper = paper;
  self->landscape = !!landscape;
  sam_report_invalidate (self);
}

/**
 * sam_report_set_margins:
 * @self: a #SamReport
 * @top: the top margin, in points
 * @right: the right margin, in points
 * @bottom: the bottom margin, in points
 * @left: the left margin, in points
 *
 * Sets the distances from the paper's edges within which everything is
 * drawn, the header and footer included. The default is 15 mm above and
 * below and 20 mm at the sides.
 */
void
sam_report_set_margins (SamReport *self,
                        double     top,
                        double     right,
                        double     bottom,
                        double     left)
{
  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (top >= 0 && right >= 0 && bottom >= 0 && left >= 0);

  self->margin_top = top;
  self->margin_right = right;
  self->margin_bottom = bottom;
  self->margin_left = left;
  sam_report_invalidate (self);
}

/**
 * sam_report_get_page_size:
 * @self: a #SamReport
 * @width: (out) (optional): the page width, in points
 * @height: (out) (optional): the page height, in points
 *
 * Gets the size of the paper, turned for landscape.
 */
void
sam_report_get_page_size (SamReport *self,
                          double    *width,
                          double    *height)
{
  double w;
  double h;

  g_return_if_fail (SAM_IS_REPORT (self));

  _sam_report_paper_size (self, &w, &h);
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
}

/**
 * sam_report_add_heading:
 * @self: a #SamReport
 * @level: 1 for a section, 2 for a subsection, 3 below that
 * @text: the heading
 *
 * Adds a heading. A heading is kept on the same page as the start of the
 * block after it, and levels 1 and 2 become bookmarks in a PDF file.
 */
void
sam_report_add_heading (SamReport  *self,
                        guint       level,
                        const char *text)
{
  Block *block;

  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (level >= 1 && level <= G_N_ELEMENTS (heading_sizes));
  g_return_if_fail (text != NULL);

  block = sam_report_append (self, BLOCK_HEADING);
  block->level = level;
  block->text = g_strdup (text);
}

/**
 * sam_report_add_paragraph:
 * @self: a #SamReport
 * @text: plain text; a newline starts a new line
 *
 * Adds a paragraph, which may break across pages between its lines.
 */
void
sam_report_add_paragraph (SamReport  *self,
                          const char *text)
{
  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (text != NULL);

  sam_report_append (self, BLOCK_PARAGRAPH)->text = g_strdup (text);
}

/**
 * sam_report_add_markup:
 * @self: a #SamReport
 * @markup: Pango markup
 *
 * Adds a paragraph of Pango markup, e.g. with <b> or <i> spans. Markup that
 * does not parse is a programming error; its text is shown as plain text.
 */
void
sam_report_add_markup (SamReport  *self,
                       const char *markup)
{
  g_autoptr(GError) error = NULL;
  Block *block;

  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (markup != NULL);

  if (!pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error))
    {
      g_critical ("%s: invalid markup: %s", G_STRFUNC, error->message);
      sam_report_add_paragraph (self, markup);
      return;
    }

  block = sam_report_append (self, BLOCK_MARKUP);
  block->text = g_strdup (markup);
}

/**
 * sam_report_add_bullets:
 * @self: a #SamReport
 * @items: (array zero-terminated=1): the items, plain text
 *
 * Adds a bulleted list.
 */
void
sam_report_add_bullets (SamReport          *self,
                        const char * const *items)
{
  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (items != NULL);

  sam_report_append (self, BLOCK_BULLETS)->strings = g_strdupv ((char **) items);
}

/**
 * sam_report_add_fields:
 * @self: a #SamReport
 * @labels_and_values: (array zero-terminated=1): a label, its value, the next
 *   label and so on
 *
 * Adds label and value pairs in two columns, such as
 * “Uppdragsgivare: Karin Looström Muth”. The labels are set in bold, as given
 * (with any colon), and the values start at one position. The fields are
 * kept on one page, with a heading just before them.
 */
void
sam_report_add_fields (SamReport          *self,
                       const char * const *labels_and_values)
{
  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (labels_and_values != NULL);
  g_return_if_fail (g_strv_length ((char **) labels_and_values) % 2 == 0);

  sam_report_append (self, BLOCK_FIELDS)->strings = g_strdupv ((char **) labels_and_values);
}

/**
 * sam_report_add_table:
 * @self: a #SamReport
 * @n_columns: the number of columns
 * @headers: (array zero-terminated=1) (nullable): @n_columns column headings,
 *   repeated at the top of each page the table runs onto, or %NULL
 * @widths: (array) (nullable): @n_columns relative column widths, or %NULL for
 *   equal columns
 *
 * Starts a table across the text width; add its rows with
 * sam_report_add_table_row(). A row is never broken across pages unless it
 * is taller than a page.
 */
void
sam_report_add_table (SamReport          *self,
                      guint               n_columns,
                      const char * const *headers,
                      const double       *widths)
{
  Block *block;
  double sum = 0;

  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (n_columns > 0);
  g_return_if_fail (headers == NULL || g_strv_length ((char **) headers) == n_columns);

  for (guint c = 0; widths != NULL && c < n_columns; c++)
    {
      g_return_if_fail (widths[c] > 0);
      sum += widths[c];
    }

  block = sam_report_append (self, BLOCK_TABLE);
  block->n_columns = n_columns;
  block->strings = g_strdupv ((char **) headers);
  block->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  block->widths = g_new (double, n_columns);
  for (guint c = 0; c < n_columns; c++)
    block->widths[c] = widths != NULL ? widths[c] / sum : 1.0 / n_columns;
}

/**
 * sam_report_add_table_row:
 * @self: a #SamReport
 * @cells: (array zero-terminated=1): as many cells, plain text, as the table
 *   has columns
 *
 * Adds a row to the table added last; it must be the last block added.
 */
void
sam_report_add_table_row (SamReport          *self,
                          const char * const *cells)
{
  Block *block;

  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (self->blocks->len > 0);
  g_return_if_fail (cells != NULL);

  block = g_ptr_array_index (self->blocks, self->blocks->len - 1);
  g_return_if_fail (block->kind == BLOCK_TABLE);
  g_return_if_fail (g_strv_length ((char **) cells) == block->n_columns);

  g_ptr_array_add (block->rows, g_strdupv ((char **) cells));
  sam_report_invalidate (self);
}

/**
 * sam_report_add_spacer:
 * @self: a #SamReport
 * @height: the space, in points
 *
 * Adds vertical space, which is dropped at the top of a page.
 */
void
sam_report_add_spacer (SamReport *self,
                       double     height)
{
  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (height >= 0);

  sam_report_append (self, BLOCK_SPACER)->height = height;
}

/**
 * sam_report_add_page_break:
 * @self: a #SamReport
 *
 * Makes the next block start on a new page, unless the page is still empty.
 */
void
sam_report_add_page_break (SamReport *self)
{
  g_return_if_fail (SAM_IS_REPORT (self));

  sam_report_append (self, BLOCK_PAGE_BREAK);
}

/**
 * sam_report_paginate:
 * @self: a #SamReport
 * @cr: (nullable): the cairo context the pages will be drawn on, or %NULL
 *
 * Lays the report out and deals it onto pages. Text is measured with the
 * font options of @cr's target, but without hinted metrics, so the pages
 * come out the same on screen, printer and PDF. Rendering uses the layouts
 * made here, so pagination and drawing always agree. Any change to the
 * report discards the result, and sam_report_render_page() paginates again
 * when it needs to.
 *
 * In a GtkPrintOperation, call this from #GtkPrintOperation::begin-print with
 * the print context's cairo_t and set the number of pages it returns; use
 * %GTK_UNIT_POINTS and a full-page origin, as the report measures its
 * margins from the paper's edge.
 *
 * Returns: the number of pages, at least one
 */
guint
sam_report_paginate (SamReport *self,
                     cairo_t   *cr)
{
  Paginator p = { 0 };
  double page_width;
  double page_height;
  double width;

  g_return_val_if_fail (SAM_IS_REPORT (self), 0);

  sam_report_invalidate (self);
  self->context = _sam_report_create_context (cr);
  _sam_report_paper_size (self, &page_width, &page_height);
  width = MAX (page_width - self->margin_left - self->margin_right, 1.0);

  _sam_report_build_band (self, page_height, width);
  _sam_report_build_rows (self, width);

  p.pages = g_ptr_array_new_with_free_func (_sam_report_page_free);
  p.top = self->body_top;
  p.bottom = self->body_bottom;
  _sam_report_paginator_new_page (&p);
  for (guint i = 0; i < self->layout_rows->len; i++)
    _sam_report_paginator_add_row (&p, self->layout_rows, i);

  /* A break or a tall row at the very end can leave an empty last page. */
  if (p.pages->len > 1 && p.page->len == 0)
    g_ptr_array_remove_index (p.pages, p.pages->len - 1);
  self->pages = p.pages;

  return self->pages->len;
}

/**
 * sam_report_get_n_pages:
 * @self: a #SamReport
 *
 * Gets the number of pages, paginating without a device if the report
 * changed since the last sam_report_paginate().
 *
 * Returns: the number of pages, at least one
 */
guint
sam_report_get_n_pages (SamReport *self)
{
  g_return_val_if_fail (SAM_IS_REPORT (self), 0);

  if (self->pages == NULL)
    return sam_report_paginate (self, NULL);

  return self->pages->len;
}

/**
 * sam_report_render_page:
 * @self: a #SamReport
 * @cr: a cairo context whose user space is the page, in points
 * @page: the page, counted from 0
 *
 * Draws one page, header and footer included, onto @cr. The background is
 * left alone. If the report changed since it was last paginated, it is
 * paginated for @cr first.
 */
void
sam_report_render_page (SamReport *self,
                        cairo_t   *cr,
                        guint      page)
{
  double page_width;
  double page_height;

  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    sam_report_paginate (self, cr);
  g_return_if_fail (page < self->pages->len);

  _sam_report_paper_size (self, &page_width, &page_height);

  cairo_save (cr);
  _sam_report_draw_body (self, cr, page, page_width);
  cairo_restore (cr);
}

/**
 * sam_report_write_pdf:
 * @self: a #SamReport
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the report as a tagged PDF file: its headings, paragraphs, lists,
 * tables (with their header cells) and fields are structure elements a
 * screen reader can find, and its title, author, subject, creator and
 * creation date are in the document information. The file is written next to @path under a
 * temporary name and then renamed over it, so @path holds either its old
 * contents or the whole new document, never a part.
 *
 * Returns: %TRUE on success
 */
gboolean
sam_report_write_pdf (SamReport   *self,
                      const char  *path,
                      GError     **error)
{
  g_autoptr(SamFileWriter) writer = NULL;
  cairo_surface_t *surface;
  cairo_status_t status;
  double width;
  double height;

  g_return_val_if_fail (SAM_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if ((writer = sam_file_writer_new (path, error)) == NULL)
    return FALSE;

  _sam_report_paper_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (sam_file_writer_cairo_write, writer, width, height);
  status = _sam_report_render_pdf (self, surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    sam_file_writer_fail (writer, cairo_status_to_string (status));

  return sam_file_writer_commit (writer, error);
}

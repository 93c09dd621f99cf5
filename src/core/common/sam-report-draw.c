/* sam-report-draw.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-report"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sam-clock.h"
#include "sam-report-private.h"

/*
 * Drawing a laid-out report: the header band, the footer with its page
 * numbers, the slices of rows each page holds, and the whole document as
 * a PDF with its metadata and bookmarks.
 */

void
_sam_report_build_band (SamReport *self,
                        double     page_height,
                        double     width)
{
  double left_height;
  double footer_height;

  if (self->header_left != NULL || self->title != NULL || self->header_right != NULL)
    {
      if (self->header_left != NULL)
        self->band_left = _sam_report_layout_new (self->context, self->header_left, BAND_SIZE + 1, TRUE, 0.6 * width);
      if (self->title != NULL)
        {
          self->band_title = _sam_report_layout_new (self->context, self->title, BAND_SIZE, FALSE, 0.6 * width);
          pango_layout_set_ellipsize (self->band_title, PANGO_ELLIPSIZE_END);
        }
      if (self->header_right != NULL)
        {
          self->band_right = _sam_report_layout_new (self->context, self->header_right, BAND_SIZE, FALSE, 0.4 * width - 8);
          pango_layout_set_alignment (self->band_right, PANGO_ALIGN_RIGHT);
        }

      left_height = _sam_report_layout_height (self->band_left) + _sam_report_layout_height (self->band_title);
      self->band_rule = self->margin_top + MAX (left_height, _sam_report_layout_height (self->band_right)) + 4;
      self->body_top = self->band_rule + BAND_GAP;
    }
  else
    {
      self->band_rule = 0;
      self->body_top = self->margin_top;
    }

  self->footer = _sam_report_layout_new (self->context, self->footer_left, FOOTER_SIZE, FALSE, -1);
  footer_height = _sam_report_layout_height (self->footer);
  self->footer_rule = page_height - self->margin_bottom - footer_height - 4;
  self->body_bottom = self->footer_rule - BAND_GAP;
}

void
_sam_report_paper_size (SamReport *self,
                        double    *width,
                        double    *height)
{
  double w = self->paper == SAM_PAPER_A3 ? 841.89 : 595.28;
  double h = self->paper == SAM_PAPER_A3 ? 1190.55 : 841.89;

  *width = self->landscape ? h : w;
  *height = self->landscape ? w : h;
}

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   grey)
{
  cairo_set_source_rgb (cr, grey, grey, grey);
  cairo_set_line_width (cr, RULE_WIDTH);
  cairo_move_to (cr, x, y);
  cairo_rel_line_to (cr, width, 0);
  cairo_stroke (cr);
}

static void
draw_text_slice (cairo_t    *cr,
                 const Text *text,
                 double      from,
                 double      to,
                 double      x,
                 double      y)
{
  for (guint k = 0; k < text->n_lines; k++)
    {
      if (text->y + text->tops[k] < from - EPSILON || text->y + text->tops[k + 1] > to + EPSILON)
        continue;
      cairo_move_to (cr, x + text->x + text->xs[k], y + text->y - from + text->baselines[k]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (text->layout, k));
    }
}

/* The structure element of a row in a tagged PDF, inside its container. */
static const char *
row_tag (const Row *row)
{
  static const char *headings[] = { "H1", "H2", "H3" };

  switch (row->kind)
    {
    case ROW_TEXT:
      if (row->block->kind == BLOCK_HEADING)
        return headings[row->block->level - 1];
      if (row->block->kind == BLOCK_FIELDS)
        return "TR";
      return "P";
    case ROW_BULLET:
      return "LI";
    case ROW_TABLE_HEADER:
    case ROW_TABLE_BODY:
      return "TR";
    case ROW_SPACER:
    case ROW_BREAK:
    default:
      return NULL;
    }
}

/* The element that holds the rows of a table, a list or fields, or %NULL
 * for a row that stands alone. */
static const char *
row_container_tag (const Row *row)
{
  if (row->kind == ROW_BULLET)
    return "L";
  if (row->kind == ROW_TABLE_HEADER || row->kind == ROW_TABLE_BODY || row->block->kind == BLOCK_FIELDS)
    return "Table";

  return NULL;
}

/* A heading or a paragraph is one element even when it runs onto the next
 * page; a row of a table, a list or fields is tagged on each page it is on,
 * as its container is. */
static gboolean
row_spans_pages (const Row *row)
{
  return row->kind == ROW_TEXT && row->block->kind != BLOCK_FIELDS;
}

static void
tag_begin (SamReport  *self,
           cairo_t    *cr,
           const char *tag)
{
  if (self->tagging && tag != NULL)
    cairo_tag_begin (cr, tag, NULL);
}

static void
tag_end (SamReport  *self,
         cairo_t    *cr,
         const char *tag)
{
  if (self->tagging && tag != NULL)
    cairo_tag_end (cr, tag);
}

/* The tag of the cells of a row: a table's header, or a field's label,
 * is a header cell. */
static const char *
cell_tag (const Row *row,
          guint      i)
{
  if (row->kind == ROW_TABLE_HEADER || (row->block->kind == BLOCK_FIELDS && i == 0))
    return "TH";
  if (row->kind == ROW_TABLE_BODY || row->block->kind == BLOCK_FIELDS)
    return "TD";
  if (row->kind == ROW_BULLET)
    return "LBody";

  return NULL;
}

void
_sam_report_draw_placement (SamReport       *self,
                            cairo_t         *cr,
                            const Placement *placement,
                            double           width)
{
  const Row *row = placement->row;
  double x = self->margin_left;
  double height = placement->to - placement->from;
  const char *tag = row_tag (row);
  gboolean starts = !row_spans_pages (row) || placement->from <= EPSILON;
  gboolean ends = !row_spans_pages (row) || placement->to >= row->height - EPSILON;

  if (starts)
    tag_begin (self, cr, tag);

  if (row->kind == ROW_TABLE_HEADER)
    {
      cairo_set_source_rgb (cr, 0.92, 0.92, 0.92);
      cairo_rectangle (cr, x, placement->y, width, height);
      cairo_fill (cr);
      draw_rule (cr, x, placement->y, width, 0.55);
      draw_rule (cr, x, placement->y + height, width, 0.55);
    }
  else if (row->kind == ROW_TABLE_BODY && placement->to >= row->height - EPSILON)
    {
      draw_rule (cr, x, placement->y + height, width, 0.8);
    }

  cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
  if (row->kind == ROW_BULLET && placement->from <= row->texts[0].tops[0] + EPSILON)
    {
      tag_begin (self, cr, "Lbl");
      cairo_move_to (cr, x + 4, placement->y + row->texts[0].baselines[0]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (row->bullet, 0));
      tag_end (self, cr, "Lbl");
    }

  for (guint i = 0; i < row->n_texts; i++)
    {
      tag_begin (self, cr, cell_tag (row, i));
      draw_text_slice (cr, &row->texts[i], placement->from, placement->to, x, placement->y);
      tag_end (self, cr, cell_tag (row, i));
    }

  if (ends)
    tag_end (self, cr, tag);
}

/* Draws the rows a page holds, opening and closing the tables and lists
 * they belong to in a tagged PDF. The header band is drawn once no
 * paragraph from the page before is open, so that it does not become part
 * of it. */
void
_sam_report_draw_body (SamReport *self,
                       cairo_t   *cr,
                       guint      page,
                       double     page_width)
{
  GArray *placements = g_ptr_array_index (self->pages, page);
  double width = page_width - self->margin_left - self->margin_right;
  const Block *container = NULL;
  const char *container_tag = NULL;
  gboolean band_drawn = FALSE;

  for (guint i = 0; i < placements->len; i++)
    {
      const Placement *placement = &g_array_index (placements, Placement, i);
      const char *tag = row_container_tag (placement->row);

      if (!band_drawn && !(i == 0 && row_spans_pages (placement->row) && placement->from > EPSILON))
        {
          _sam_report_draw_band (self, cr, page, page_width);
          band_drawn = TRUE;
        }

      if (container != NULL && (tag == NULL || placement->row->block != container))
        {
          tag_end (self, cr, container_tag);
          container = NULL;
        }
      if (container == NULL && tag != NULL)
        {
          container = placement->row->block;
          container_tag = tag;
          tag_begin (self, cr, container_tag);
        }

      _sam_report_draw_placement (self, cr, placement, width);
    }

  if (container != NULL)
    tag_end (self, cr, container_tag);
  if (!band_drawn)
    _sam_report_draw_band (self, cr, page, page_width);
}

void
_sam_report_draw_band (SamReport *self,
                       cairo_t   *cr,
                       guint      page,
                       double     page_width)
{
  double width = page_width - self->margin_left - self->margin_right;
  g_autofree char *number = NULL;
  PangoRectangle logical;

  if (self->band_rule > 0)
    {
      cairo_set_source_rgb (cr, 0.1, 0.1, 0.1);
      if (self->band_left != NULL)
        {
          cairo_move_to (cr, self->margin_left, self->margin_top);
          pango_cairo_show_layout (cr, self->band_left);
        }
      cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
      if (self->band_title != NULL)
        {
          cairo_move_to (cr, self->margin_left, self->margin_top + _sam_report_layout_height (self->band_left));
          pango_cairo_show_layout (cr, self->band_title);
        }
      if (self->band_right != NULL)
        {
          cairo_move_to (cr, self->margin_left + 0.6 * width + 8, self->margin_top);
          pango_cairo_show_layout (cr, self->band_right);
        }
      draw_rule (cr, self->margin_left, self->band_rule, width, 0.55);
    }

  draw_rule (cr, self->margin_left, self->footer_rule, width, 0.55);
  cairo_set_source_rgb (cr, 0.3, 0.3, 0.3);
  cairo_move_to (cr, self->margin_left, self->footer_rule + 4);
  pango_cairo_show_layout (cr, self->footer);

  /* Translators: the page number in the footer of a printed report */
  number = g_strdup_printf (_("Page %u of %u"), page + 1, self->pages->len);
  {
    g_autoptr(PangoLayout) layout = _sam_report_layout_new (self->context, number, FOOTER_SIZE, FALSE, -1);

    pango_layout_get_extents (layout, NULL, &logical);
    cairo_move_to (cr, page_width - self->margin_right - pango_units_to_double (logical.width),
                   self->footer_rule + 4);
    pango_cairo_show_layout (cr, layout);
  }
}

/* Bookmarks let a reader jump to the sections of a long decision log. */
static void
add_outline (SamReport       *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint page = 0; page < self->pages->len; page++)
    {
      GArray *placements = g_ptr_array_index (self->pages, page);

      for (guint i = 0; i < placements->len; i++)
        {
          const Placement *placement = &g_array_index (placements, Placement, i);
          const Block *block = placement->row->block;
          g_autofree char *link = NULL;
          int id;

          if (block->kind != BLOCK_HEADING || block->level > 2 || placement->from > 0)
            continue;
          /* Integers only: a decimal comma in the link would not parse. */
          link = g_strdup_printf ("page=%u pos=[%d %d]", page + 1,
                                  (int) self->margin_left, (int) placement->y);
          id = cairo_pdf_surface_add_outline (surface, block->level == 1 ? CAIRO_PDF_OUTLINE_ROOT : parent,
                                              block->text, link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
          if (block->level == 1)
            parent = id;
        }
    }
}

cairo_status_t
_sam_report_render_pdf (SamReport       *self,
                        cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  if (self->author != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  if (self->subject != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, self->subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samordna");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  /* The structure tags make a tagged PDF, whose headings, lists and tables
   * a screen reader can find; cairo writes them only to PDF surfaces, and
   * only here is every page drawn once and in order, as their nesting
   * across pages needs. */
  sam_report_paginate (self, cr);
  self->tagging = TRUE;
  cairo_tag_begin (cr, "Document", NULL);
  for (guint page = 0; page < self->pages->len; page++)
    {
      sam_report_render_page (self, cr, page);
      cairo_show_page (cr);
    }
  cairo_tag_end (cr, "Document");
  self->tagging = FALSE;
  add_outline (self, surface);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);

  return status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status (surface);
}

/* sam-report-layout.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-report"

#include "config.h"

#include <math.h>
#include <string.h>

#include "sam-report-private.h"

/*
 * Laying a report out: its blocks become rows of PangoLayouts with the
 * positions of their lines, and the rows are dealt out onto pages, sliced
 * between two lines where they must be, with orphans and widows kept and
 * table headers repeated.
 */

static void
text_clear (Text *text)
{
  g_clear_object (&text->layout);
  g_free (text->tops);
  g_free (text->baselines);
  g_free (text->xs);
}

void
_sam_report_page_free (gpointer data)
{
  g_array_unref (data);
}

void
_sam_report_row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_texts; i++)
    text_clear (&row->texts[i]);
  g_free (row->texts);
  g_clear_object (&row->bullet);
  g_free (row);
}

static PangoFontDescription *
font_new (double   size,
          gboolean bold)
{
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, FONT_FAMILY);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);

  return font;
}

/* Pango puts a hyphen where it must break a word that is wider than its
 * line, as a Swedish word is never hyphenated at an arbitrary letter
 * (“Förvaltningsch-ef”). Such a word breaks bare; tables keep it from
 * happening at all by widening their columns. */
static void
layout_forbid_hyphens (PangoLayout *layout)
{
  PangoAttrList *attrs = pango_layout_get_attributes (layout);
  g_autoptr(PangoAttrList) list = attrs != NULL ? pango_attr_list_copy (attrs) : pango_attr_list_new ();

  pango_attr_list_insert (list, pango_attr_insert_hyphens_new (FALSE));
  pango_layout_set_attributes (layout, list);
}

PangoLayout *
_sam_report_layout_new (PangoContext *context,
                        const char   *text,
                        double        size,
                        gboolean      bold,
                        double        width)
{
  g_autoptr(PangoFontDescription) font = font_new (size, bold);
  PangoLayout *layout = pango_layout_new (context);

  pango_layout_set_font_description (layout, font);
  if (width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  pango_layout_set_text (layout, text != NULL ? text : "", -1);
  layout_forbid_hyphens (layout);

  return layout;
}

/* Lays out @string at (@x, @y) of its row and records where its lines are. */
static void
text_init (Text         *text,
           PangoContext *context,
           const char   *string,
           gboolean      markup,
           double        size,
           gboolean      bold,
           double        x,
           double        y,
           double        width)
{
  g_autoptr(PangoLayoutIter) iter = NULL;
  PangoRectangle logical;
  guint i = 0;

  text->layout = _sam_report_layout_new (context, markup ? "" : string, size, bold, width);
  if (markup)
    {
      pango_layout_set_markup (text->layout, string, -1);
      layout_forbid_hyphens (text->layout);
    }
  text->x = x;
  text->y = y;
  text->n_lines = pango_layout_get_line_count (text->layout);
  text->tops = g_new (double, text->n_lines + 1);
  text->baselines = g_new (double, text->n_lines);
  text->xs = g_new (double, text->n_lines);

  iter = pango_layout_get_iter (text->layout);
  do
    {
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      text->tops[i] = pango_units_to_double (logical.y);
      text->xs[i] = pango_units_to_double (logical.x);
      text->baselines[i] = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      i++;
    }
  while (i < text->n_lines && pango_layout_iter_next_line (iter));

  pango_layout_get_extents (text->layout, NULL, &logical);
  text->tops[text->n_lines] = pango_units_to_double (logical.y + logical.height);
}

static double
text_bottom (const Text *text)
{
  return text->y + text->tops[text->n_lines];
}

static Row *
row_new (GPtrArray   *rows,
         RowKind      kind,
         const Block *block,
         guint        n_texts,
         double       space_before)
{
  Row *row = g_new0 (Row, 1);

  row->kind = kind;
  row->block = block;
  row->n_texts = n_texts;
  row->texts = g_new0 (Text, n_texts);
  row->space_before = space_before;
  g_ptr_array_add (rows, row);

  return row;
}

/* Sets the row height to its tallest text plus @padding below. */
static void
row_fit (Row    *row,
         double  padding)
{
  row->height = 0;
  for (guint i = 0; i < row->n_texts; i++)
    row->height = MAX (row->height, text_bottom (&row->texts[i]));
  row->height += padding;
}

/* The width of the widest word of @text, which a cell must be given for no
 * word in it to be broken. */
static double
widest_word (PangoContext *context,
             const char   *text,
             gboolean      bold)
{
  g_auto(GStrv) words = g_regex_split_simple ("\\s+", text != NULL ? text : "", 0, 0);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      PangoRectangle logical;

      if (*words[i] == '\0')
        continue;
      layout = _sam_report_layout_new (context, words[i], TABLE_SIZE, bold, -1);
      pango_layout_get_extents (layout, NULL, &logical);
      widest = MAX (widest, pango_units_to_double (logical.width));
    }

  return ceil (widest);
}

/* Sets the left edges @xs of the columns (and the right edge of the last)
 * from their relative widths, widening a column that is too narrow for its
 * longest word at the expense of those with room to spare, so that a cell
 * breaks its lines between words only. When the longest words together are
 * wider than the table, the column with the longest gives way, down to half
 * of it, so that as few columns as may be break a word; past that all share
 * the width in their proportion. */
static void
table_columns (SamReport   *self,
               const Block *block,
               double       width,
               double      *xs)
{
  g_autofree double *want = g_new (double, block->n_columns);
  g_autofree double *need = g_new0 (double, block->n_columns);
  double deficit = 0;
  double slack = 0;
  double sum_need = 0;

  for (guint c = 0; c < block->n_columns; c++)
    {
      want[c] = block->widths[c] * width;
      if (block->strings != NULL)
        need[c] = widest_word (self->context, block->strings[c], TRUE);
      for (guint r = 0; r < block->rows->len; r++)
        {
          const char * const *cells = g_ptr_array_index (block->rows, r);

          need[c] = MAX (need[c], widest_word (self->context, cells[c], FALSE));
        }
      need[c] += 2 * CELL_PAD_X;
      sum_need += need[c];
      if (need[c] > want[c])
        deficit += need[c] - want[c];
      else
        slack += want[c] - need[c];
    }

  if (sum_need > width)
    {
      guint widest = 0;

      for (guint c = 1; c < block->n_columns; c++)
        if (need[c] > need[widest])
          widest = c;
      if (sum_need - width <= need[widest] / 2)
        {
          need[widest] -= sum_need - width;
          sum_need = width;
        }
    }

  xs[0] = 0;
  for (guint c = 0; c < block->n_columns; c++)
    {
      double w;

      if (deficit <= EPSILON)
        w = want[c];
      else if (sum_need > width + EPSILON)
        w = need[c] * width / sum_need;
      else if (sum_need > width - EPSILON)
        w = need[c];
      else if (need[c] >= want[c])
        w = need[c];
      else
        w = want[c] - deficit * (want[c] - need[c]) / slack;
      xs[c + 1] = xs[c] + w;
    }
}

static void
build_table (SamReport    *self,
             const Block  *block,
             GPtrArray    *rows,
             double        width)
{
  g_autofree double *xs = g_new (double, block->n_columns + 1);
  const Row *header = NULL;
  double space = 10.0;

  table_columns (self, block, width, xs);

  for (int r = block->strings != NULL ? -1 : 0; r < (int) block->rows->len; r++)
    {
      const char * const *cells = r < 0 ? (const char * const *) block->strings
                                        : g_ptr_array_index (block->rows, r);
      Row *row = row_new (rows, r < 0 ? ROW_TABLE_HEADER : ROW_TABLE_BODY, block,
                          block->n_columns, space);

      for (guint c = 0; c < block->n_columns; c++)
        text_init (&row->texts[c], self->context, cells[c], FALSE, TABLE_SIZE, r < 0,
                   xs[c] + CELL_PAD_X, CELL_PAD_Y, MAX (xs[c + 1] - xs[c] - 2 * CELL_PAD_X, 1.0));
      row_fit (row, CELL_PAD_Y);

      if (r < 0)
        {
          row->keep_with_next = TRUE;
          header = row;
        }
      row->table_header = header;
      space = 0;
    }
}

static void
build_fields (SamReport   *self,
              const Block *block,
              GPtrArray   *rows,
              double       width)
{
  double label_width = 0;

  /* Labels share one column as wide as the widest, so the values line up. */
  for (guint i = 0; block->strings[i] != NULL; i += 2)
    {
      g_autoptr(PangoLayout) layout = _sam_report_layout_new (self->context, block->strings[i], BODY_SIZE, TRUE, -1);
      PangoRectangle logical;

      pango_layout_get_extents (layout, NULL, &logical);
      label_width = MAX (label_width, pango_units_to_double (logical.width));
    }
  label_width = MIN (ceil (label_width), 0.4 * width);

  for (guint i = 0; block->strings[i] != NULL; i += 2)
    {
      Row *row = row_new (rows, ROW_TEXT, block, 2, i == 0 ? 6.0 : 3.0);

      text_init (&row->texts[0], self->context, block->strings[i], FALSE, BODY_SIZE, TRUE,
                 0, 0, label_width);
      text_init (&row->texts[1], self->context, block->strings[i + 1], FALSE, BODY_SIZE, FALSE,
                 label_width + FIELD_GAP, 0, width - label_width - FIELD_GAP);
      row_fit (row, 0);
      row->breakable = TRUE;
      /* The fields of one thing, such as one decision in a log, are read
       * together: they go onto the next page together. */
      row->keep_with_next = block->strings[i + 2] != NULL;
    }
}

void
_sam_report_build_rows (SamReport *self,
                        double     width)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (_sam_report_row_free);

  for (guint b = 0; b < self->blocks->len; b++)
    {
      const Block *block = g_ptr_array_index (self->blocks, b);
      Row *row;

      switch (block->kind)
        {
        case BLOCK_HEADING:
          row = row_new (rows, ROW_TEXT, block, 1, heading_space[block->level - 1]);
          text_init (&row->texts[0], self->context, block->text, FALSE,
                     heading_sizes[block->level - 1], TRUE, 0, 0, width);
          row_fit (row, HEADING_AFTER);
          row->keep_with_next = TRUE;
          break;

        case BLOCK_PARAGRAPH:
        case BLOCK_MARKUP:
          row = row_new (rows, ROW_TEXT, block, 1, 6.0);
          text_init (&row->texts[0], self->context, block->text, block->kind == BLOCK_MARKUP,
                     BODY_SIZE, FALSE, 0, 0, width);
          row_fit (row, 0);
          row->breakable = TRUE;
          break;

        case BLOCK_BULLETS:
          for (guint i = 0; block->strings[i] != NULL; i++)
            {
              row = row_new (rows, ROW_BULLET, block, 1, i == 0 ? 6.0 : 2.0);
              text_init (&row->texts[0], self->context, block->strings[i], FALSE, BODY_SIZE, FALSE,
                         BULLET_INDENT, 0, width - BULLET_INDENT);
              row->bullet = _sam_report_layout_new (self->context, "•", BODY_SIZE, FALSE, -1);
              row_fit (row, 0);
              row->breakable = TRUE;
            }
          break;

        case BLOCK_FIELDS:
          build_fields (self, block, rows, width);
          break;

        case BLOCK_TABLE:
          build_table (self, block, rows, width);
          break;

        case BLOCK_SPACER:
          row = row_new (rows, ROW_SPACER, block, 0, 0);
          row->height = block->height;
          break;

        case BLOCK_PAGE_BREAK:
          row_new (rows, ROW_BREAK, block, 0, 0);
          break;

        default:
          g_assert_not_reached ();
        }
    }

  self->layout_rows = rows;
}

/* Whether cutting @row at @cut splits none of its lines. */
static gboolean
row_can_cut_at (const Row *row,
                double     cut)
{
  for (guint i = 0; i < row->n_texts; i++)
    {
      const Text *text = &row->texts[i];

      for (guint k = 0; k < text->n_lines; k++)
        if (cut > text->y + text->tops[k] + EPSILON && cut < text->y + text->tops[k + 1] - EPSILON)
          return FALSE;
    }

  return TRUE;
}

/* The text with the most lines decides about orphans and widows. */
static gboolean
row_keeps_orphans (const Row *row,
                   double     from,
                   double     cut)
{
  const Text *main_text = &row->texts[0];
  guint before = 0;
  guint after = 0;

  for (guint i = 1; i < row->n_texts; i++)
    if (row->texts[i].n_lines > main_text->n_lines)
      main_text = &row->texts[i];

  for (guint k = 0; k < main_text->n_lines; k++)
    {
      double top = main_text->y + main_text->tops[k];

      if (top >= cut - EPSILON)
        after++;
      else if (top >= from - EPSILON)
        before++;
    }

  return before >= 2 && after >= 2;
}

/* Finds where to cut @row in (@from, @limit]: the lowest such place when
 * @lowest is set, the highest otherwise. Returns @from if there is none. */
static double
row_find_cut (const Row *row,
              double     from,
              double     limit,
              CutMode    mode,
              gboolean   lowest)
{
  double best = from;

  if (mode == CUT_NONE)
    return from;

  for (guint i = 0; i < row->n_texts; i++)
    {
      const Text *text = &row->texts[i];

      for (guint k = 1; k < text->n_lines; k++)
        {
          double cut = text->y + text->tops[k];

          if (cut <= from + EPSILON || cut > limit + EPSILON)
            continue;
          if (best > from && (lowest ? cut >= best : cut <= best))
            continue;
          if (!row_can_cut_at (row, cut))
            continue;
          if (mode == CUT_ORPHANS && !row_keeps_orphans (row, from, cut))
            continue;
          best = cut;
        }
    }

  return best;
}

/* How much of @row from @from must fit for it to start on this page. */
static double
row_min_height (const Row *row,
                double     from)
{
  double cut;

  if (!row->breakable)
    return row->height - from;
  cut = row_find_cut (row, from, row->height, CUT_ORPHANS, TRUE);

  return cut > from ? cut - from : row->height - from;
}

/* The space rows[i] needs at the current point of a page, counting the rows
 * it must keep on the same page: a heading keeps with the start of what
 * follows, a table header with the first row. */
static double
chain_height (GPtrArray *rows,
              guint      i,
              double     from)
{
  double need = 0;

  for (guint j = i; j < rows->len; j++)
    {
      const Row *row = g_ptr_array_index (rows, j);
      double start = j == i ? from : 0;

      if (row->kind == ROW_BREAK)
        break;
      if (row->kind == ROW_SPACER)
        {
          need += row->height;
          continue;
        }
      if (j > i)
        need += row->space_before;
      if (!row->keep_with_next)
        return need + row_min_height (row, start);
      need += row->height - start;
    }

  return need;
}

void
_sam_report_paginator_new_page (Paginator *p)
{
  p->page = g_array_new (FALSE, FALSE, sizeof (Placement));
  g_ptr_array_add (p->pages, p->page);
  p->y = p->top;
  p->has_content = FALSE;
}

static void
paginator_place (Paginator *p,
                 const Row *row,
                 double     from,
                 double     to)
{
  Placement placement = { row, from, to, p->y };

  g_array_append_val (p->page, placement);
  p->y += to - from;
}

/* Places @row, or what is left of it from @from, across as many pages as
 * it takes. */
void
_sam_report_paginator_add_row (Paginator *p,
                               GPtrArray *rows,
                               guint      i)
{
  const Row *row = g_ptr_array_index (rows, i);
  double from = 0;

  if (row->kind == ROW_BREAK)
    {
      if (p->has_content)
        _sam_report_paginator_new_page (p);
      return;
    }

  if (row->kind == ROW_SPACER)
    {
      if (p->has_content && p->y + row->height > p->bottom)
        _sam_report_paginator_new_page (p);
      else if (p->has_content)
        p->y += row->height;
      return;
    }

  for (;;)
    {
      double space = p->has_content && from == 0 ? row->space_before : 0;
      double cut;

      if (p->has_content && p->y + space + chain_height (rows, i, from) > p->bottom + EPSILON)
        {
          _sam_report_paginator_new_page (p);
          continue;
        }

      if (!p->has_content && row->kind == ROW_TABLE_BODY && row->table_header != NULL)
        paginator_place (p, row->table_header, 0, row->table_header->height);

      /* A row continued from the previous page gets its cell padding again. */
      if (from > 0 && row->kind == ROW_TABLE_BODY)
        space = CELL_PAD_Y;

      p->y += space;
      if (p->y + row->height - from <= p->bottom + EPSILON)
        {
          paginator_place (p, row, from, row->height);
          p->has_content = TRUE;
          return;
        }

      /* It does not fit: break it between lines if its kind allows, or as a
       * last resort (a row taller than a page) wherever a line ends. */
      cut = row_find_cut (row, from, p->bottom - p->y + from,
                          row->breakable ? CUT_ORPHANS : CUT_NONE, FALSE);
      if (cut <= from && p->has_content)
        {
          _sam_report_paginator_new_page (p);
          continue;
        }
      if (cut <= from)
        cut = row_find_cut (row, from, p->bottom - p->y + from, CUT_ANY, FALSE);
      if (cut <= from)
        cut = row_find_cut (row, from, row->height, CUT_ANY, TRUE);
      if (cut <= from)
        cut = row->height;

      paginator_place (p, row, from, cut);
      p->has_content = TRUE;
      if (cut >= row->height - EPSILON)
        return;
      from = cut;
      _sam_report_paginator_new_page (p);
    }
}

PangoContext *
_sam_report_create_context (cairo_t *cr)
{
  PangoContext *context;
  cairo_font_options_t *options = cairo_font_options_create ();

  if (cr != NULL)
    {
      cairo_font_options_t *cr_options = cairo_font_options_create ();

      context = pango_cairo_create_context (cr);
      cairo_surface_get_font_options (cairo_get_target (cr), options);
      cairo_get_font_options (cr, cr_options);
      cairo_font_options_merge (options, cr_options);
      cairo_font_options_destroy (cr_options);
    }
  else
    {
      context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
    }

  /* Hinted metrics would make line breaks depend on the device, and a print
   * preview on screen would then break lines differently from the PDF. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (context, FALSE);
  /* The cairo_t is in points, so one Pango point must be one unit. */
  pango_cairo_context_set_resolution (context, 72.0);

  return context;
}

double
_sam_report_layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;
  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.y + logical.height);
}

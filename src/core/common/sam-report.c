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
#include "sam-report.h"

/*
 * A report is kept as the blocks the caller added. sam_report_paginate()
 * turns them into rows (a heading, a paragraph, one bullet item, one pair of
 * fields, one table row), each a few PangoLayouts with their line positions,
 * and deals the rows out onto pages, slicing a row between two lines where it
 * must. Rendering only draws the slices each page holds, line by line, so a
 * line is never cut in half and nothing hidden ends up in a PDF.
 */

typedef enum
{
  BLOCK_HEADING,
  BLOCK_PARAGRAPH,
  BLOCK_MARKUP,
  BLOCK_BULLETS,
  BLOCK_FIELDS,
  BLOCK_TABLE,
  BLOCK_SPACER,
  BLOCK_PAGE_BREAK,
} BlockKind;

typedef struct
{
  BlockKind  kind;
  guint      level;      /* headings: 1 to 3 */
  char      *text;       /* headings, paragraphs (plain text), markup */
  GStrv      strings;    /* bullet items; field labels and values; table headers */
  guint      n_columns;
  double    *widths;     /* tables: column fractions, summing to 1 */
  GPtrArray *rows;       /* tables: GStrv of n_columns cells */
  double     height;     /* spacers */
} Block;

/* A laid-out piece of text and where its lines are, in points from its top. */
typedef struct
{
  PangoLayout *layout;
  double       x;          /* of the layout, from the left of its row */
  double       y;          /* of the layout, from the top of its row */
  guint        n_lines;
  double      *tops;       /* n_lines + 1 boundaries: the top of each line, then the bottom */
  double      *baselines;
  double      *xs;
} Text;

typedef enum
{
  ROW_TEXT,
  ROW_BULLET,
  ROW_TABLE_HEADER,
  ROW_TABLE_BODY,
  ROW_SPACER,
  ROW_BREAK,
} RowKind;

typedef struct _Row Row;
struct _Row
{
  RowKind      kind;
  const Block *block;
  double       height;
  double       space_before;    /* dropped at the top of a page */
  gboolean     keep_with_next;
  gboolean     breakable;       /* may break between lines, two lines kept on each side */
  const Row   *table_header;    /* table rows: the header repeated on each new page */
  Text        *texts;
  guint        n_texts;
  PangoLayout *bullet;
};

/* The part [from, to) of a row, drawn with its top at y on a page. */
typedef struct
{
  const Row *row;
  double     from;
  double     to;
  double     y;
} Placement;

struct _SamReport
{
  GObject       parent_instance;

  char         *title;
  char         *header_left;
  char         *header_right;
  char         *footer_left;
  SamPaper      paper;
  gboolean      landscape;
  double        margin_top;
  double        margin_right;
  double        margin_bottom;
  double        margin_left;
  GPtrArray    *blocks;

  /* Set by sam_report_paginate (), dropped by any change. */
  PangoContext *context;
  GPtrArray    *layout_rows;
  GPtrArray    *pages;          /* GArray of Placement per page */
  PangoLayout  *band_left;
  PangoLayout  *band_title;
  PangoLayout  *band_right;
  PangoLayout  *footer;
  double        band_rule;      /* y of the rule under the header band, or 0 for no band */
  double        footer_rule;
  double        body_top;
  double        body_bottom;
};

G_DEFINE_FINAL_TYPE (SamReport, sam_report, G_TYPE_OBJECT)

/* Cantarell is GNOME's UI font; DejaVu Sans is on every Debian system. */
#define FONT_FAMILY "Cantarell,DejaVu Sans,Sans"
#define BODY_SIZE 10.0
#define TABLE_SIZE 9.0
#define BAND_SIZE 9.0
#define FOOTER_SIZE 8.0

#define BULLET_INDENT 16.0
#define FIELD_GAP 10.0
#define CELL_PAD_X 4.0
#define CELL_PAD_Y 3.0
#define HEADING_AFTER 4.0
#define BAND_GAP 14.0
#define RULE_WIDTH 0.5

#define EPSILON 0.01

static const double heading_sizes[] = { 16.0, 13.0, 11.0 };
static const double heading_space[] = { 18.0, 14.0, 10.0 };

typedef enum
{
  CUT_NONE,      /* keep the row whole */
  CUT_ORPHANS,   /* between lines, two lines of the main text on either side */
  CUT_ANY,       /* between any two lines */
} CutMode;

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
text_clear (Text *text)
{
  g_clear_object (&text->layout);
  g_free (text->tops);
  g_free (text->baselines);
  g_free (text->xs);
}

static void
row_free (gpointer data)
{
  Row *row = data;

  for (guint i = 0; i < row->n_texts; i++)
    text_clear (&row->texts[i]);
  g_free (row->texts);
  g_clear_object (&row->bullet);
  g_free (row);
}

static void
page_free (gpointer data)
{
  g_array_unref (data);
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

static PangoLayout *
layout_new (PangoContext *context,
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

  text->layout = layout_new (context, markup ? "" : string, size, bold, width);
  if (markup)
    pango_layout_set_markup (text->layout, string, -1);
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

static void
build_table (SamReport    *self,
             const Block  *block,
             GPtrArray    *rows,
             double        width)
{
  g_autofree double *xs = g_new (double, block->n_columns + 1);
  const Row *header = NULL;
  double space = 10.0;

  xs[0] = 0;
  for (guint c = 0; c < block->n_columns; c++)
    xs[c + 1] = xs[c] + block->widths[c] * width;

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
      g_autoptr(PangoLayout) layout = layout_new (self->context, block->strings[i], BODY_SIZE, TRUE, -1);
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
    }
}

static void
build_rows (SamReport *self,
            double     width)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func (row_free);

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
              row->bullet = layout_new (self->context, "•", BODY_SIZE, FALSE, -1);
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

typedef struct
{
  GPtrArray *pages;
  GArray    *page;
  double     top;
  double     bottom;
  double     y;
  gboolean   has_content;   /* a repeated table header alone does not count */
} Paginator;

static void
paginator_new_page (Paginator *p)
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
static void
paginator_add_row (Paginator *p,
                   GPtrArray *rows,
                   guint      i)
{
  const Row *row = g_ptr_array_index (rows, i);
  double from = 0;

  if (row->kind == ROW_BREAK)
    {
      if (p->has_content)
        paginator_new_page (p);
      return;
    }

  if (row->kind == ROW_SPACER)
    {
      if (p->has_content && p->y + row->height > p->bottom)
        paginator_new_page (p);
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
          paginator_new_page (p);
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
          paginator_new_page (p);
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
      paginator_new_page (p);
    }
}

static PangoContext *
create_context (cairo_t *cr)
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

static double
layout_height (PangoLayout *layout)
{
  PangoRectangle logical;

  if (layout == NULL)
    return 0;
  pango_layout_get_extents (layout, NULL, &logical);

  return pango_units_to_double (logical.y + logical.height);
}

static void
build_band (SamReport *self,
            double     page_height,
            double     width)
{
  double left_height;
  double footer_height;

  if (self->header_left != NULL || self->title != NULL || self->header_right != NULL)
    {
      if (self->header_left != NULL)
        self->band_left = layout_new (self->context, self->header_left, BAND_SIZE + 1, TRUE, 0.6 * width);
      if (self->title != NULL)
        {
          self->band_title = layout_new (self->context, self->title, BAND_SIZE, FALSE, 0.6 * width);
          pango_layout_set_ellipsize (self->band_title, PANGO_ELLIPSIZE_END);
        }
      if (self->header_right != NULL)
        {
          self->band_right = layout_new (self->context, self->header_right, BAND_SIZE, FALSE, 0.4 * width - 8);
          pango_layout_set_alignment (self->band_right, PANGO_ALIGN_RIGHT);
        }

      left_height = layout_height (self->band_left) + layout_height (self->band_title);
      self->band_rule = self->margin_top + MAX (left_height, layout_height (self->band_right)) + 4;
      self->body_top = self->band_rule + BAND_GAP;
    }
  else
    {
      self->band_rule = 0;
      self->body_top = self->margin_top;
    }

  self->footer = layout_new (self->context, self->footer_left, FOOTER_SIZE, FALSE, -1);
  footer_height = layout_height (self->footer);
  self->footer_rule = page_height - self->margin_bottom - footer_height - 4;
  self->body_bottom = self->footer_rule - BAND_GAP;
}

static void
paper_size (SamReport *self,
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

static void
draw_placement (SamReport       *self,
                cairo_t         *cr,
                const Placement *placement,
                double           width)
{
  const Row *row = placement->row;
  double x = self->margin_left;
  double height = placement->to - placement->from;

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
      cairo_move_to (cr, x + 4, placement->y + row->texts[0].baselines[0]);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (row->bullet, 0));
    }

  for (guint i = 0; i < row->n_texts; i++)
    draw_text_slice (cr, &row->texts[i], placement->from, placement->to, x, placement->y);
}

static void
draw_band (SamReport *self,
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
          cairo_move_to (cr, self->margin_left, self->margin_top + layout_height (self->band_left));
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
    g_autoptr(PangoLayout) layout = layout_new (self->context, number, FOOTER_SIZE, FALSE, -1);

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

static cairo_status_t
render_pdf (SamReport       *self,
            cairo_surface_t *surface)
{
  g_autoptr(GDateTime) now = sam_clock_now ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  if (self->title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Samordna");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  sam_report_paginate (self, cr);
  for (guint page = 0; page < self->pages->len; page++)
    {
      sam_report_render_page (self, cr, page);
      cairo_show_page (cr);
    }
  add_outline (self, surface);

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);

  return status != CAIRO_STATUS_SUCCESS ? status : cairo_surface_status (surface);
}

static void
sam_report_finalize (GObject *object)
{
  SamReport *self = (SamReport *) object;

  sam_report_invalidate (self);
  g_free (self->title);
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

  paper_size (self, &w, &h);
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
 * (with any colon), and the values start at one position.
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
  self->context = create_context (cr);
  paper_size (self, &page_width, &page_height);
  width = MAX (page_width - self->margin_left - self->margin_right, 1.0);

  build_band (self, page_height, width);
  build_rows (self, width);

  p.pages = g_ptr_array_new_with_free_func (page_free);
  p.top = self->body_top;
  p.bottom = self->body_bottom;
  paginator_new_page (&p);
  for (guint i = 0; i < self->layout_rows->len; i++)
    paginator_add_row (&p, self->layout_rows, i);

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
  GArray *placements;
  double page_width;
  double page_height;

  g_return_if_fail (SAM_IS_REPORT (self));
  g_return_if_fail (cr != NULL);

  if (self->pages == NULL)
    sam_report_paginate (self, cr);
  g_return_if_fail (page < self->pages->len);

  paper_size (self, &page_width, &page_height);
  placements = g_ptr_array_index (self->pages, page);

  cairo_save (cr);
  draw_band (self, cr, page, page_width);
  for (guint i = 0; i < placements->len; i++)
    draw_placement (self, cr, &g_array_index (placements, Placement, i),
                    page_width - self->margin_left - self->margin_right);
  cairo_restore (cr);
}

/**
 * sam_report_write_pdf:
 * @self: a #SamReport
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the report as a PDF file, with its title, creator and creation date
 * in the document information. The file is written next to @path under a
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

  paper_size (self, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (sam_file_writer_cairo_write, writer, width, height);
  status = render_pdf (self, surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    sam_file_writer_fail (writer, cairo_status_to_string (status));

  return sam_file_writer_commit (writer, error);
}

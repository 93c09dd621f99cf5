/* sam-report-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "sam-report.h"

G_BEGIN_DECLS

/* What the report writer's files share: the blocks a caller added, the rows
 * they are laid out into, and the slices of rows each page holds. */

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
  char         *author;
  char         *subject;
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
  gboolean      tagging;        /* drawing a tagged PDF: emit structure tags */
};

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

typedef struct
{
  GPtrArray *pages;
  GArray    *page;
  double     top;
  double     bottom;
  double     y;
  gboolean   has_content;   /* a repeated table header alone does not count */
} Paginator;

/* sam-report-layout.c */
void          _sam_report_row_free           (gpointer data);
void          _sam_report_page_free          (gpointer data);
PangoContext *_sam_report_create_context     (cairo_t *cr);
PangoLayout  *_sam_report_layout_new         (PangoContext *context,
                                              const char   *text,
                                              double        size,
                                              gboolean      bold,
                                              double        width);
double        _sam_report_layout_height      (PangoLayout *layout);
void          _sam_report_build_rows         (SamReport *self,
                                              double     width);
void          _sam_report_paginator_new_page (Paginator *p);
void          _sam_report_paginator_add_row  (Paginator *p,
                                              GPtrArray *rows,
                                              guint      i);

/* sam-report-draw.c */
void           _sam_report_paper_size     (SamReport *self,
                                           double    *width,
                                           double    *height);
void           _sam_report_build_band     (SamReport *self,
                                           double     page_height,
                                           double     width);
void           _sam_report_draw_band      (SamReport *self,
                                           cairo_t   *cr,
                                           guint      page,
                                           double     page_width);
void           _sam_report_draw_placement (SamReport       *self,
                                           cairo_t         *cr,
                                           const Placement *placement,
                                           double           width);
void           _sam_report_draw_body      (SamReport       *self,
                                           cairo_t         *cr,
                                           guint            page,
                                           double           page_width);
cairo_status_t _sam_report_render_pdf     (SamReport       *self,
                                           cairo_surface_t *surface);

G_END_DECLS

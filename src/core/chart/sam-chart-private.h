/* sam-chart-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pangocairo.h>

#include "sam-chart.h"

G_BEGIN_DECLS

/*
 * Shared by the chart's files: the model (sam-chart.c) and its building
 * from the register (sam-chart-build.c) measure each box with the same
 * fonts and spacing that the renderer (sam-chart-render.c) draws with, and
 * the page writer (sam-chart-export.c) reuses the chart's Pango context for
 * its header and footer.
 */

#define SAM_CHART_FONT_FAMILY  "Cantarell,DejaVu Sans,Sans"
#define SAM_CHART_TITLE_SIZE   9.0   /* the group’s name, bold, at most three lines */
#define SAM_CHART_DETAIL_SIZE  7.5   /* code, member count, chair, people */
#define SAM_CHART_PAD          6.0   /* inside the border */
#define SAM_CHART_BAND         3.0   /* the kind-coloured band along the top */
#define SAM_CHART_TITLE_GAP    2.0   /* between the name and the details */
#define SAM_CHART_RADIUS       3.0

/* Layouts for at most this many nodes stay cached; a screenful is a few
 * hundred, so panning back and forth reuses them. */
#define SAM_CHART_CACHE_SIZE   1024

typedef struct
{
  char          *uuid;
  char          *name;
  char          *code;             /* nullable */
  SamGroupKind   kind;
  char          *chair;            /* for display, "(term ended)" included; nullable */
  guint          n_members;
  guint          n_vacant;
  GStrv          people;           /* "Role: Name" lines, plain text */
  char          *details;          /* Pango markup of the lines under the name */
  char          *search_key;       /* casefolded name and code, made by the first search */
  gint           parent;
  gint           first_child;
  gint           next_sibling;
  gint           prev_sibling;

  /* The renderer's cache: see _sam_chart_node_layouts(). */
  PangoLayout   *title_layout;
  PangoLayout   *details_layout;
  GList         *cache_link;
  double         title_height;
} SamChartNode;

struct _SamChart
{
  GObject         parent_instance;

  SamChartNode   *nodes;
  guint           n_nodes;
  SamChartTree   *tree;
  SamChartLayout *layout;
  SamChartStyle   style;

  char           *as_of;
  char           *registry_number;
  char           *title;
  char           *region;       /* who issues the register, for a PDF's author */
  gboolean        show_people;
  gboolean        names_only;          /* no lines under the names */
  guint           kinds_present;       /* bit per SamGroupKind */
  guint           edge_kinds_present;  /* bit per SamChartEdgeKind */
  gint            selected;

  PangoFontMap   *font_map;
  PangoContext   *context;
  GQueue          cache;               /* nodes with cached layouts, most recent first */
  GArray         *scratch_nodes;       /* reused by every frame */
  GArray         *scratch_edges;
};

double        _sam_chart_kind_width      (SamGroupKind  kind,
                                          gboolean      show_people);
PangoLayout  *_sam_chart_new_layout      (SamChart     *self,
                                          double        size,
                                          gboolean      bold,
                                          double        width);
void          _sam_chart_node_layouts    (SamChart     *self,
                                          guint         node,
                                          PangoLayout **title,
                                          PangoLayout **details);
void          _sam_chart_clear_cache     (SamChart     *self);

/* A box's text wraps onto up to this many lines (per paragraph), and the
 * box grows to fit: names such as “Undergrupp kompetensförsörjning
 * anestesi” and chairs with their term's note are read whole on paper.
 * Only a longer text is ellipsised. */
#define SAM_CHART_MAX_LINES 3

/* A group's name: wrapped, at most three lines. */
static inline void
_sam_chart_setup_title_layout (PangoLayout *layout)
{
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -SAM_CHART_MAX_LINES);
}

/* The lines under a group's name: each paragraph (code, chair, a holder)
 * wraps on its own onto at most three lines. */
static inline void
_sam_chart_setup_details_layout (PangoLayout *layout)
{
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_height (layout, -SAM_CHART_MAX_LINES);
}

G_END_DECLS

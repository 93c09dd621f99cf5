/* sam-chart-svg.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-svg"

#include "config.h"

#include <cairo-svg.h>

#include "sam-chart-export-private.h"
#include "sam-chart-private.h"

/*
 * The chart as SVG with its text as text. Cairo's SVG surface (1.16 as
 * in Debian 12) writes every glyph as an outline, so an exported chart
 * could not be searched, selected or edited. The boxes and edges are
 * still drawn by the one renderer onto cairo's SVG surface, without
 * text; the names and details are then added as <text> elements, one
 * <tspan> per line, at the lines' baselines as Pango broke them, so the
 * picture is the same as the PDF's.
 */

/* SAM_CHART_FONT_FAMILY as CSS writes it. */
#define SVG_FONT_FAMILY "Cantarell, &apos;DejaVu Sans&apos;, sans-serif"

typedef struct
{
  GString *svg;
} Capture;

static cairo_status_t
capture_write (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  Capture *capture = closure;

  g_string_append_len (capture->svg, (const char *) data, length);

  return CAIRO_STATUS_SUCCESS;
}

static void
append_colour (GString              *out,
               const SamChartColour *colour)
{
  g_string_append_printf (out, "#%02x%02x%02x",
                          (guint) (colour->red * 255 + 0.5),
                          (guint) (colour->green * 255 + 0.5),
                          (guint) (colour->blue * 255 + 0.5));
}

/* One <text> for a layout drawn with its corner at (@x, @y): a <tspan>
 * per line at its baseline, with a <tspan> of its own for a run in
 * another weight or colour. Boxes grow rather than cut their text, so
 * every line is written whole. */
static void
append_layout (GString              *out,
               PangoLayout          *layout,
               double                x,
               double                y,
               double                size,
               gboolean              bold,
               const SamChartColour *colour)
{
  const char *text = pango_layout_get_text (layout);
  PangoLayoutIter *iter;
  char number[G_ASCII_DTOSTR_BUF_SIZE];

  if (text == NULL || *text == '\0')
    return;

  g_string_append (out, "<text font-family=\"" SVG_FONT_FAMILY "\" font-size=\"");
  g_string_append (out, g_ascii_dtostr (number, sizeof number, size));
  g_string_append (out, "\"");
  if (bold)
    g_string_append (out, " font-weight=\"bold\"");
  g_string_append (out, " fill=\"");
  append_colour (out, colour);
  g_string_append (out, "\" xml:space=\"preserve\">");

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      double baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter));
      int end = line->start_index + line->length;
      int at = line->start_index;

      if (line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      g_string_append_printf (out, "<tspan x=\"%s\"", g_ascii_formatd (number, sizeof number, "%.2f",
                                                                        x + pango_units_to_double (logical.x)));
      g_string_append_printf (out, " y=\"%s\">",
                              g_ascii_formatd (number, sizeof number, "%.2f", y + baseline));

      /* The runs of the line in their own weight and colour, as the
       * details' markup set them (the code in bold, vacancies in red). */
      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          PangoItem *item = run->item;
          int from = MAX (item->offset, at), to = MIN (item->offset + item->length, end);
          g_autofree char *escaped = NULL;
          gboolean run_bold = FALSE;
          const PangoAttrColor *foreground = NULL;

          if (to <= from)
            continue;
          if (item->analysis.font != NULL)
            {
              PangoFontDescription *font = pango_font_describe (item->analysis.font);

              run_bold = pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD;
              pango_font_description_free (font);
            }
          for (GSList *a = item->analysis.extra_attrs; a != NULL; a = a->next)
            if (((PangoAttribute *) a->data)->klass->type == PANGO_ATTR_FOREGROUND)
              foreground = a->data;

          escaped = g_markup_escape_text (text + from, to - from);
          at = to;
          if (run_bold == bold && foreground == NULL)
            {
              g_string_append (out, escaped);
              continue;
            }
          g_string_append (out, "<tspan");
          if (run_bold != bold)
            g_string_append (out, run_bold ? " font-weight=\"bold\"" : " font-weight=\"normal\"");
          if (foreground != NULL)
            g_string_append_printf (out, " fill=\"#%02x%02x%02x\"", foreground->color.red >> 8,
                                    foreground->color.green >> 8, foreground->color.blue >> 8);
          g_string_append_printf (out, ">%s</tspan>", escaped);
        }
      g_string_append (out, "</tspan>");
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);

  g_string_append (out, "</text>\n");
}

/* Writes @chart with a margin of @margin points around it as SVG: the
 * shapes as cairo draws them, then the text. Returns FALSE, with @file
 * failed, if cairo could not draw. */
gboolean
_sam_chart_write_svg (SamChart      *chart,
                      double         margin,
                      SamFileWriter *file)
{
  g_autoptr(GString) svg = g_string_new (NULL);
  g_autoptr(GString) text = g_string_new ("<g id=\"text\">\n");
  Capture capture = { svg };
  SamChartColour title_colour, details_colour;
  SamChartRect extents;
  cairo_surface_t *surface;
  cairo_status_t status;
  const char *end;
  cairo_t *cr;

  sam_chart_get_extents (chart, &extents);
  surface = cairo_svg_surface_create_for_stream (capture_write, &capture,
                                                 extents.width + 2 * margin,
                                                 extents.height + 2 * margin);
  cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
  cr = cairo_create (surface);
  cairo_translate (cr, margin - extents.x, margin - extents.y);
  if (sam_chart_get_n_nodes (chart) > 0)
    _sam_chart_render_shapes (chart, cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      sam_file_writer_fail (file, cairo_status_to_string (status));
      return FALSE;
    }

  _sam_chart_get_text_colours (&title_colour, &details_colour);
  for (guint i = 0; i < chart->n_nodes; i++)
    {
      SamChartNode *node = &chart->nodes[i];
      PangoLayout *title, *details;
      SamChartRect box;
      double x, y;

      if (!sam_chart_layout_get_box (chart->layout, i, &box))
        continue;
      _sam_chart_node_layouts (chart, i, &title, &details);
      x = margin - extents.x + box.x + SAM_CHART_PAD;
      y = margin - extents.y + box.y + SAM_CHART_BAND + SAM_CHART_PAD;
      append_layout (text, title, x, y, SAM_CHART_TITLE_SIZE, TRUE, &title_colour);
      append_layout (text, details, x, y + node->title_height + SAM_CHART_TITLE_GAP,
                     SAM_CHART_DETAIL_SIZE, FALSE, &details_colour);
    }
  g_string_append (text, "</g>\n");

  /* Into the document, after what cairo drew. */
  end = g_strrstr (svg->str, "</svg>");
  if (end == NULL)
    {
      sam_file_writer_fail (file, "cairo wrote no </svg>");
      return FALSE;
    }
  g_string_insert_len (svg, end - svg->str, text->str, text->len);

  return sam_file_writer_write (file, svg->str, svg->len);
}

/* sam-chart-print.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-print"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "sam-chart-booklet.h"
#include "sam-chart-print.h"
#include "sam-chart-render.h"

/*
 * Printing the organisation chart: a print operation whose pages are drawn
 * by core's sam_chart_draw_page(), the same pages the PDF export writes.
 * The chart is fitted to one page, or tiled over as many pages as it takes
 * to print it at a readable size, or over the columns × rows sheets the
 * user asks for, with seams between boxes and marks (drawn by core). The
 * paper (A4 or A3) and orientation come from the print dialog's own page
 * setup tab, the choice between fitting and tiling from a tab of ours, and
 * all three are remembered in GSettings for the next print and export.
 */

/* Printed at this many points per chart unit, a box's name is set at
 * about 8 pt and its details at about 7 pt: small, but readable. */
#define READABLE_SCALE 0.9

/* What core's page layout takes around the chart, from its 12 mm margins,
 * 10 mm overlap strip and the header and footer bands; the legend's height
 * depends on the chart and is measured. */
#define PAGE_MARGIN    34.0
#define PAGE_OVERLAP   28.35
#define PAGE_BANDS     64.0
#define MAX_TILES      20

struct _SamChartPrint
{
  GtkPrintOperation  parent_instance;

  SamChart          *chart;
  GSettings         *settings;
  SamStore          *store;         /* for a booklet's pages, when given */
  char              *root_uuid;
  gboolean           booklet;
  SamChartBooklet   *pages;
  gboolean           tiled;
  guint              columns;       /* the sheets asked for; 0: as many as make it readable */
  guint              rows;
  SamChartPage       page;
  double             page_width;
  double             page_height;
  GtkWidget         *tiles_button;  /* in the dialog's tab, while it is open */
  GtkWidget         *sheets_button;
  GtkWidget         *booklet_button;
  GtkWidget         *columns_spin;
  GtkWidget         *rows_spin;
};

G_DEFINE_FINAL_TYPE (SamChartPrint, sam_chart_print, GTK_TYPE_PRINT_OPERATION)

/* The print settings of the last chart printed (printer, copies, the
 * folder printed to), where the next print starts, as long as the
 * application runs; paper and orientation are kept in GSettings. */
static GtkPrintSettings *last_print_settings;

enum {
  PROP_0,
  PROP_CHART,
  PROP_SETTINGS,
  PROP_TILED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
tiles_for (double need,
           double body)
{
  double more;

  if (need <= body || body <= PAGE_OVERLAP)
    return 1;

  /* Each page after the first adds its width less the shared strip. */
  more = ceil ((need - body) / (body - PAGE_OVERLAP));

  return (guint) CLAMP (1.0 + more, 1.0, (double) MAX_TILES);
}

static void
save_page (SamChartPrint *self)
{
  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "chart-paper", self->page.paper == SAM_PAPER_A3 ? "a3" : "a4");
  g_settings_set_boolean (self->settings, "chart-landscape", self->page.landscape);
  g_settings_set_boolean (self->settings, "chart-tiled", self->tiled);
}

static void
sam_chart_print_begin_print (GtkPrintOperation *operation,
                             GtkPrintContext   *context)
{
  SamChartPrint *self = SAM_CHART_PRINT (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  GtkPageOrientation orientation = gtk_page_setup_get_orientation (setup);
  const char *paper = gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup));

  self->page.paper = g_strcmp0 (paper, GTK_PAPER_NAME_A3) == 0 ? SAM_PAPER_A3 : SAM_PAPER_A4;
  self->page.landscape = orientation == GTK_PAGE_ORIENTATION_LANDSCAPE
                         || orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;
  /* The whole sheet in points: the page keeps its own margins. */
  self->page_width = gtk_print_context_get_width (context);
  self->page_height = gtk_print_context_get_height (context);

  self->page.columns = self->page.rows = 1;
  g_clear_pointer (&self->pages, sam_chart_booklet_free);
  if (self->booklet && self->store != NULL)
    {
      g_autoptr(GError) error = NULL;
      SamChartOptions options;

      /* The overview and each council's chart, as of the chart's day. */
      sam_chart_options_init (&options);
      options.root_uuid = self->root_uuid;
      options.as_of = sam_chart_get_as_of (self->chart);
      self->pages = sam_chart_booklet_new (self->store, &options, &error);
      if (self->pages == NULL)
        g_warning ("Could not build the chart's booklet: %s", error->message);
    }
  if (self->pages != NULL)
    {
      gtk_print_operation_set_n_pages (operation, (int) sam_chart_booklet_get_n_pages (self->pages));
      save_page (self);
      return;
    }
  if (self->tiled && self->columns > 0 && self->rows > 0)
    {
      /* Core fills exactly the sheets asked for, seams between boxes. */
      self->page.columns = self->columns;
      self->page.rows = self->rows;
    }
  else if (self->tiled)
    sam_chart_print_readable_tiles (self->chart, self->page_width, self->page_height,
                                    &self->page.columns, &self->page.rows);
  gtk_print_operation_set_n_pages (operation, (int) sam_chart_page_get_n_pages (&self->page));

  save_page (self);
}

static void
sam_chart_print_draw_page (GtkPrintOperation *operation,
                           GtkPrintContext   *context,
                           int                page_nr)
{
  SamChartPrint *self = SAM_CHART_PRINT (operation);

  if (self->pages != NULL)
    {
      /* Each page of a booklet has its own orientation. */
      if (page_nr >= 0 && (guint) page_nr < sam_chart_booklet_get_n_pages (self->pages))
        sam_chart_booklet_draw_page (self->pages, gtk_print_context_get_cairo_context (context), &self->page,
                                     (guint) page_nr, gtk_print_context_get_width (context),
                                     gtk_print_context_get_height (context));
      return;
    }

  if (page_nr < 0 || (guint) page_nr >= sam_chart_page_get_n_pages (&self->page))
    return;

  sam_chart_draw_page (self->chart, gtk_print_context_get_cairo_context (context), &self->page, NULL,
                       (guint) page_nr, self->page_width, self->page_height);
}

/* A booklet's pages are each turned the way their chart fits best: the
 * overview of a region is wide, a council's page tall. */
static void
sam_chart_print_request_page_setup (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page_nr,
                                    GtkPageSetup      *setup)
{
  SamChartPrint *self = SAM_CHART_PRINT (operation);
  SamChartPage one;
  double width = 0, height = 0;

  if (self->pages == NULL || page_nr < 0 || (guint) page_nr >= sam_chart_booklet_get_n_pages (self->pages))
    return;

  one = self->page;
  one.columns = one.rows = 1;
  one.fit_orientation = TRUE;
  sam_chart_page_get_size_for (&one, sam_chart_booklet_get_chart (self->pages, (guint) page_nr), &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static GtkWidget *
new_spin (guint value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (1, MAX_TILES, 1);

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  gtk_spin_button_set_numeric (GTK_SPIN_BUTTON (spin), TRUE);

  return spin;
}

static GtkWidget *
sam_chart_print_create_custom_widget (GtkPrintOperation *operation)
{
  SamChartPrint *self = SAM_CHART_PRINT (operation);
  GtkWidget *box, *fit, *tiles, *sheets, *booklet, *hint, *row, *by, *pages;
  guint columns = self->columns, rows = self->rows;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  fit = gtk_check_button_new_with_mnemonic (_("_Fit the chart to one page"));
  tiles = gtk_check_button_new_with_mnemonic (_("_Tile the chart over several pages at a readable size"));
  sheets = gtk_check_button_new_with_mnemonic (_("_Spread the chart over"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (tiles), GTK_CHECK_BUTTON (fit));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (sheets), GTK_CHECK_BUTTON (fit));
  booklet = gtk_check_button_new_with_mnemonic (_("_Booklet: an overview page and a page per council"));
  gtk_check_button_set_group (GTK_CHECK_BUTTON (booklet), GTK_CHECK_BUTTON (fit));
  gtk_widget_set_visible (booklet, self->store != NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (self->booklet && self->store != NULL ? booklet
                                                 : !self->tiled ? fit : columns > 0 ? sheets : tiles),
                               TRUE);

  /* Start from what a readable print would take. */
  if (columns == 0 || rows == 0)
    sam_chart_print_readable_tiles (self->chart, 595.28, 841.89, &columns, &rows);

  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->columns_spin = new_spin (columns);
  self->rows_spin = new_spin (rows);
  /* Translators: between the spin buttons of “Spread the chart over 3 × 2
   * pages” */
  by = gtk_label_new (_("×"));
  /* Translators: after the spin buttons of “Spread the chart over 3 × 2
   * pages” */
  pages = gtk_label_new (_("pages"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->columns_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages across"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->rows_spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Pages down"), -1);
  gtk_box_append (GTK_BOX (row), sheets);
  gtk_box_append (GTK_BOX (row), self->columns_spin);
  gtk_box_append (GTK_BOX (row), by);
  gtk_box_append (GTK_BOX (row), self->rows_spin);
  gtk_box_append (GTK_BOX (row), pages);
  g_object_bind_property (sheets, "active", self->columns_spin, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (sheets, "active", self->rows_spin, "sensitive", G_BINDING_SYNC_CREATE);

  hint = gtk_label_new (_("Pages on several sheets have their seams between the boxes and marks where they meet, so they can be trimmed and glued together."));
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_widget_set_margin_start (hint, 28);
  gtk_widget_add_css_class (hint, "dim-label");

  gtk_box_append (GTK_BOX (box), fit);
  gtk_box_append (GTK_BOX (box), tiles);
  gtk_box_append (GTK_BOX (box), row);
  gtk_box_append (GTK_BOX (box), hint);
  gtk_box_append (GTK_BOX (box), booklet);

  g_set_weak_pointer (&self->tiles_button, tiles);
  g_set_weak_pointer (&self->sheets_button, sheets);
  g_set_weak_pointer (&self->booklet_button, booklet);
  g_object_add_weak_pointer (G_OBJECT (self->columns_spin), (gpointer *) &self->columns_spin);
  g_object_add_weak_pointer (G_OBJECT (self->rows_spin), (gpointer *) &self->rows_spin);

  return box;
}

static void
sam_chart_print_custom_widget_apply (GtkPrintOperation *operation,
                                     GtkWidget         *widget)
{
  SamChartPrint *self = SAM_CHART_PRINT (operation);

  self->booklet = self->booklet_button != NULL
                  && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->booklet_button));
  if (self->booklet)
    sam_chart_print_set_tiled (self, FALSE);
  else if (self->sheets_button != NULL && gtk_check_button_get_active (GTK_CHECK_BUTTON (self->sheets_button)))
    {
      sam_chart_print_set_sheets (self,
                                  (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->columns_spin)),
                                  (guint) gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->rows_spin)));
      sam_chart_print_set_tiled (self, TRUE);
    }
  else if (self->tiles_button != NULL)
    {
      sam_chart_print_set_sheets (self, 0, 0);
      sam_chart_print_set_tiled (self, gtk_check_button_get_active (GTK_CHECK_BUTTON (self->tiles_button)));
    }
}

static void
sam_chart_print_constructed (GObject *object)
{
  SamChartPrint *self = SAM_CHART_PRINT (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  g_autoptr(GtkPrintSettings) print_settings = NULL;

  G_OBJECT_CLASS (sam_chart_print_parent_class)->constructed (object);

  g_return_if_fail (SAM_IS_CHART (self->chart));

  sam_chart_print_load_page (self->settings, &self->page, &self->tiled);
  paper = gtk_paper_size_new (self->page.paper == SAM_PAPER_A3 ? GTK_PAPER_NAME_A3 : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, self->page.landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                              : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_print_operation_set_default_page_setup (operation, setup);

  /* Core draws the whole sheet in points, margins included. */
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_job_name (operation, sam_chart_get_title (self->chart));

  /* Printed to a file, the file is named after the chart, in the
   * folder printed to last. */
  print_settings = last_print_settings != NULL ? gtk_print_settings_copy (last_print_settings)
                                               : gtk_print_settings_new ();
  if (gtk_print_settings_get (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI) != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_uri (gtk_print_settings_get (print_settings,
                                                                          GTK_PRINT_SETTINGS_OUTPUT_URI));
      g_autoptr(GFile) folder = g_file_get_parent (file);

      if (folder != NULL)
        {
          g_autofree char *uri = g_file_get_uri (folder);

          gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_DIR, uri);
        }
      gtk_print_settings_unset (print_settings, GTK_PRINT_SETTINGS_OUTPUT_URI);
    }
  gtk_print_settings_set (print_settings, GTK_PRINT_SETTINGS_OUTPUT_BASENAME, sam_chart_get_title (self->chart));
  gtk_print_operation_set_print_settings (operation, print_settings);
  /* Translators: the tab of the print dialog with the chart's own options */
  gtk_print_operation_set_custom_tab_label (operation, _("Chart"));
}

static void
sam_chart_print_done (GtkPrintOperation       *operation,
                      GtkPrintOperationResult  result)
{
  if (result == GTK_PRINT_OPERATION_RESULT_APPLY && gtk_print_operation_get_print_settings (operation) != NULL)
    {
      g_clear_object (&last_print_settings);
      last_print_settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (operation));
    }

  if (GTK_PRINT_OPERATION_CLASS (sam_chart_print_parent_class)->done != NULL)
    GTK_PRINT_OPERATION_CLASS (sam_chart_print_parent_class)->done (operation, result);
}

static void
sam_chart_print_dispose (GObject *object)
{
  SamChartPrint *self = SAM_CHART_PRINT (object);

  g_clear_weak_pointer (&self->tiles_button);
  g_clear_weak_pointer (&self->sheets_button);
  g_clear_weak_pointer (&self->booklet_button);
  g_clear_pointer (&self->pages, sam_chart_booklet_free);
  g_clear_object (&self->store);
  g_clear_pointer (&self->root_uuid, g_free);
  g_clear_weak_pointer (&self->columns_spin);
  g_clear_weak_pointer (&self->rows_spin);
  g_clear_object (&self->chart);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sam_chart_print_parent_class)->dispose (object);
}

static void
sam_chart_print_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  SamChartPrint *self = SAM_CHART_PRINT (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_object (value, self->chart);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_TILED:
      g_value_set_boolean (value, self->tiled);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_chart_print_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  SamChartPrint *self = SAM_CHART_PRINT (object);

  switch (prop_id)
    {
    case PROP_CHART:
      self->chart = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_TILED:
      sam_chart_print_set_tiled (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_chart_print_class_init (SamChartPrintClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = sam_chart_print_constructed;
  object_class->dispose = sam_chart_print_dispose;
  object_class->get_property = sam_chart_print_get_property;
  object_class->set_property = sam_chart_print_set_property;

  operation_class->begin_print = sam_chart_print_begin_print;
  operation_class->draw_page = sam_chart_print_draw_page;
  operation_class->request_page_setup = sam_chart_print_request_page_setup;
  operation_class->done = sam_chart_print_done;
  operation_class->create_custom_widget = sam_chart_print_create_custom_widget;
  operation_class->custom_widget_apply = sam_chart_print_custom_widget_apply;

  properties[PROP_CHART] =
    g_param_spec_object ("chart", NULL, NULL, SAM_TYPE_CHART,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_TILED] =
    g_param_spec_boolean ("tiled", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_chart_print_init (SamChartPrint *self)
{
  sam_chart_page_init (&self->page);
}

/**
 * sam_chart_print_new:
 * @chart: the chart to print; it should not change while printing
 * @settings: (nullable): where the page setup is remembered
 *
 * Creates a print operation for @chart, starting from the page setup last
 * used. Run it with gtk_print_operation_run(); it runs asynchronously.
 *
 * Returns: (transfer full): the print operation
 */
SamChartPrint *
sam_chart_print_new (SamChart  *chart,
                     GSettings *settings)
{
  g_return_val_if_fail (SAM_IS_CHART (chart), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (SAM_TYPE_CHART_PRINT,
                       "chart", chart,
                       "settings", settings,
                       NULL);
}

SamChart *
sam_chart_print_get_chart (SamChartPrint *self)
{
  g_return_val_if_fail (SAM_IS_CHART_PRINT (self), NULL);

  return self->chart;
}

gboolean
sam_chart_print_get_tiled (SamChartPrint *self)
{
  g_return_val_if_fail (SAM_IS_CHART_PRINT (self), FALSE);

  return self->tiled;
}

/**
 * sam_chart_print_set_tiled:
 * @self: a chart print operation
 * @tiled: whether to tile the chart over several pages at a readable size
 *   rather than fit it to one page
 */
void
sam_chart_print_set_tiled (SamChartPrint *self,
                           gboolean       tiled)
{
  g_return_if_fail (SAM_IS_CHART_PRINT (self));

  tiled = !!tiled;
  if (self->tiled == tiled)
    return;

  self->tiled = tiled;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TILED]);
}

/**
 * sam_chart_print_set_sheets:
 * @self: a chart print operation
 * @columns: sheets across, up to 20, or 0
 * @rows: sheets down, up to 20, or 0
 *
 * Asks a tiled print for exactly @columns × @rows sheets, which the chart
 * fills with its seams between boxes; 0 × 0 asks for as many sheets as it
 * takes to print it at a readable size.
 */
void
sam_chart_print_set_sheets (SamChartPrint *self,
                            guint          columns,
                            guint          rows)
{
  g_return_if_fail (SAM_IS_CHART_PRINT (self));
  g_return_if_fail (columns <= MAX_TILES && rows <= MAX_TILES);

  self->columns = columns > 0 && rows > 0 ? columns : 0;
  self->rows = columns > 0 && rows > 0 ? rows : 0;
}

/**
 * sam_chart_print_set_source:
 * @self: a chart print operation
 * @store: (nullable): the register the chart was built from
 * @root_uuid: (nullable): the chart's root, or %NULL for the whole region
 *
 * Tells the operation where the chart comes from, which lets the Chart
 * tab offer a booklet: an overview page and a page per council, each
 * built from @store when printing begins.
 */
void
sam_chart_print_set_source (SamChartPrint *self,
                            SamStore      *store,
                            const char    *root_uuid)
{
  g_return_if_fail (SAM_IS_CHART_PRINT (self));
  g_return_if_fail (store == NULL || SAM_IS_STORE (store));

  g_set_object (&self->store, store);
  g_free (self->root_uuid);
  self->root_uuid = g_strdup (root_uuid);
}

/**
 * sam_chart_print_set_booklet:
 * @self: a chart print operation with a source
 * @booklet: whether to print a booklet
 */
void
sam_chart_print_set_booklet (SamChartPrint *self,
                             gboolean       booklet)
{
  g_return_if_fail (SAM_IS_CHART_PRINT (self));

  self->booklet = !!booklet;
}

/**
 * sam_chart_print_get_page:
 * @self: a chart print operation
 * @page: (out caller-allocates): the paper, orientation and tiles
 *
 * Gets the page settings printed with, once printing has begun.
 */
void
sam_chart_print_get_page (SamChartPrint *self,
                          SamChartPage  *page)
{
  g_return_if_fail (SAM_IS_CHART_PRINT (self));
  g_return_if_fail (page != NULL);

  *page = self->page;
}

/**
 * sam_chart_print_load_page:
 * @settings: (nullable): the application's settings
 * @page: (out caller-allocates): the remembered paper and orientation, on
 *   one page
 * @tiled: (out) (optional): whether the chart was last tiled
 *
 * Reads the page setup last used for printing a chart, which exports use
 * as well; without settings, A4 portrait fitted to one page.
 */
void
sam_chart_print_load_page (GSettings    *settings,
                           SamChartPage *page,
                           gboolean     *tiled)
{
  g_autofree char *paper = NULL;

  g_return_if_fail (settings == NULL || G_IS_SETTINGS (settings));
  g_return_if_fail (page != NULL);

  sam_chart_page_init (page);
  if (tiled != NULL)
    *tiled = FALSE;
  if (settings == NULL)
    return;

  paper = g_settings_get_string (settings, "chart-paper");
  page->paper = g_strcmp0 (paper, "a3") == 0 ? SAM_PAPER_A3 : SAM_PAPER_A4;
  page->landscape = g_settings_get_boolean (settings, "chart-landscape");
  if (tiled != NULL)
    *tiled = g_settings_get_boolean (settings, "chart-tiled");
}

/**
 * sam_chart_print_readable_tiles:
 * @chart: a chart
 * @page_width: the sheet's width in points
 * @page_height: its height in points
 * @columns: (out): pages across
 * @rows: (out): pages down
 *
 * Works out how many pages it takes to print @chart at a readable size
 * (box names at about 8 pt), at most 20 each way.
 */
void
sam_chart_print_readable_tiles (SamChart *chart,
                                double    page_width,
                                double    page_height,
                                guint    *columns,
                                guint    *rows)
{
  double body_width = page_width - 2 * PAGE_MARGIN;
  double body_height;
  SamChartRect extents;

  g_return_if_fail (SAM_IS_CHART (chart));
  g_return_if_fail (columns != NULL && rows != NULL);

  body_height = page_height - 2 * PAGE_MARGIN - PAGE_BANDS
                - sam_chart_render_legend (chart, NULL, PAGE_MARGIN, 0, body_width);
  sam_chart_get_extents (chart, &extents);
  *columns = tiles_for (extents.width * READABLE_SCALE, body_width);
  *rows = tiles_for (extents.height * READABLE_SCALE, body_height);
}

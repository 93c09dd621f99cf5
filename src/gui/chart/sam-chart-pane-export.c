/* sam-chart-pane-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-chart-pane"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-pane-private.h"
#include "sam-chart-print.h"
#include "sam-gui.h"

/*
 * Printing and exporting the chart. Both build a chart of their own from
 * what the view shows, in a worker thread, so the view may go on changing:
 * printing hands it to a print operation, exporting writes it to a PDF,
 * SVG or PNG file in a thread of its own and says so in a toast.
 */

typedef struct
{
  SamChart     *chart;
  char         *path;
  SamChartPage  page;
  gboolean      tiled;
} ExportData;

static void
export_data_free (gpointer data)
{
  ExportData *export = data;

  g_clear_object (&export->chart);
  g_free (export->path);
  g_free (export);
}

/* Printing */

static void
print_done_cb (SamChartPane            *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  g_autoptr(GError) error = NULL;

  if (operation != self->print_operation)
    return;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print the Chart"), error);
    }

  g_clear_object (&self->print_operation);
  _sam_chart_pane_update_actions (self);
}

static void
print_chart_built_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(SamChartPane) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamChart) chart = sam_chart_new_from_store_finish (result, &error);
  g_autoptr(SamChartPrint) operation = NULL;

  self->preparing_print = FALSE;
  _sam_chart_pane_update_actions (self);

  if (chart == NULL)
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print the Chart"), error);
      return;
    }

  operation = sam_chart_print_new (chart, self->settings);
  sam_chart_print_set_source (operation, self->store, sam_chart_view_get_root_uuid (self->view));
  g_set_object (&self->print_operation, GTK_PRINT_OPERATION (operation));
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  _sam_chart_pane_update_actions (self);

  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               sam_gui_get_parent_window (GTK_WIDGET (self)), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_clear_object (&self->print_operation);
      _sam_chart_pane_update_actions (self);
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print the Chart"), error);
    }
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  sam_chart_pane_print (SAM_CHART_PANE (widget));
}

/* Exporting */

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportData *export = task_data;
  g_autoptr(GError) error = NULL;

  if (export->tiled && g_str_has_suffix (export->path, ".pdf"))
    {
      double width = 0, height = 0;

      sam_chart_page_get_size (&export->page, &width, &height);
      sam_chart_print_readable_tiles (export->chart, width, height, &export->page.columns, &export->page.rows);
    }

  if (!sam_chart_export (export->chart, export->path, &export->page, NULL, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  SamChartPane *self = SAM_CHART_PANE (object);
  g_autoptr(GError) error = NULL;
  g_autofree char *display_name = NULL;
  ExportData *export = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Export the Chart"), error);
      return;
    }

  /* Said from inside the pane's own overlay, so the toast is over the chart. */
  display_name = g_filename_display_basename (export->path);
  sam_gui_add_toast (GTK_WIDGET (self->view), adw_toast_new_format (_("Chart exported to “%s”"), display_name));
}

/* The chart is built first, like the view's, then written in a thread of
 * its own: the main thread leaves it alone meanwhile. */
static void
export_chart_built_cb (GObject      *object,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  ExportData *export = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  export->chart = sam_chart_new_from_store_finish (result, &error);
  if (export->chart == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_run_in_thread (task, export_thread);
}

static GtkFileFilter *
file_filter (const char *name,
             const char *mime_type,
             const char *suffix)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  gtk_file_filter_add_mime_type (filter, mime_type);
  gtk_file_filter_add_suffix (filter, suffix);

  return filter;
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(SamChartPane) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) parent = NULL;
  GtkFileFilter *filter;
  const char *path;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (native));

  path = file != NULL ? g_file_peek_path (file) : NULL;
  if (path != NULL && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".svg")
      && !g_str_has_suffix (path, ".png"))
    {
      /* The name was typed without a type: take the chosen filter's. */
      const char *filter_name = filter != NULL ? gtk_file_filter_get_name (filter) : NULL;
      const char *suffix = g_strcmp0 (filter_name, _("SVG Images")) == 0 ? ".svg"
                           : g_strcmp0 (filter_name, _("PNG Images")) == 0 ? ".png" : ".pdf";
      g_autofree char *with_suffix = g_strconcat (path, suffix, NULL);

      g_object_unref (file);
      file = g_file_new_for_path (with_suffix);
    }
  g_object_unref (native);

  if (file == NULL || g_file_peek_path (file) == NULL)
    return;

  parent = g_file_get_parent (file);
  if (self->settings != NULL && parent != NULL && g_file_peek_path (parent) != NULL)
    g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (parent));

  sam_chart_pane_export (self, file);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamChartPane *self = SAM_CHART_PANE (widget);
  SamChart *chart = sam_chart_view_get_chart (self->view);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) pdf = file_filter (_("PDF Documents"), "application/pdf", "pdf");
  g_autoptr(GtkFileFilter) svg = file_filter (_("SVG Images"), "image/svg+xml", "svg");
  g_autoptr(GtkFileFilter) png = file_filter (_("PNG Images"), "image/png", "png");
  g_autofree char *name = NULL;
  g_autofree char *folder = NULL;

  native = gtk_file_chooser_native_new (_("Export Chart"), sam_gui_get_parent_window (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), pdf);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), svg);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), png);

  name = g_strdup_printf ("%s.pdf", chart != NULL ? sam_chart_get_title (chart) : _("Organisation Chart"));
  g_strdelimit (name, "/\\:", '-');
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);

  folder = self->settings != NULL ? g_settings_get_string (self->settings, "last-export-folder") : NULL;
  if (folder != NULL && folder[0] != '\0')
    {
      g_autoptr(GFile) dir = g_file_new_for_path (folder);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), dir, NULL);
    }

  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

void
_sam_chart_pane_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "chart.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "chart.export", NULL, export_action);
}

/* Public API */

/**
 * sam_chart_pane_print:
 * @self: a chart pane
 *
 * Builds the chart on screen afresh and opens the print dialog for it.
 */
void
sam_chart_pane_print (SamChartPane *self)
{
  g_return_if_fail (SAM_IS_CHART_PANE (self));

  if (self->store == NULL || self->preparing_print || self->print_operation != NULL)
    return;

  self->preparing_print = TRUE;
  _sam_chart_pane_update_actions (self);

  sam_chart_view_build_chart_async (self->view, self->cancellable, print_chart_built_cb, g_object_ref (self));
}

/**
 * sam_chart_pane_export:
 * @self: a chart pane
 * @file: a file whose name ends in .pdf, .svg or .png
 *
 * Writes the chart on screen to @file in a worker thread, with the page
 * setup last printed with (a PDF tiled at a readable size if that was
 * chosen), and says so in a toast or an error dialog.
 */
void
sam_chart_pane_export (SamChartPane *self,
                       GFile        *file)
{
  g_autoptr(GTask) task = NULL;
  ExportData *export;

  g_return_if_fail (SAM_IS_CHART_PANE (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (g_file_peek_path (file) != NULL);

  if (self->store == NULL)
    return;

  export = g_new0 (ExportData, 1);
  export->path = g_file_get_path (file);
  sam_chart_print_load_page (self->settings, &export->page, &export->tiled);

  task = g_task_new (self, self->cancellable, export_done_cb, NULL);
  g_task_set_source_tag (task, sam_chart_pane_export);
  g_task_set_task_data (task, export, export_data_free);
  sam_chart_view_build_chart_async (self->view, self->cancellable, export_chart_built_cb, g_steal_pointer (&task));
}

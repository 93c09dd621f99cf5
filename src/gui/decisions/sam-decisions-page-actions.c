/* sam-decisions-page-actions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decisions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-decision-export.h"
#include "sam-decisions-page-private.h"
#include "sam-gui.h"

/* The Decisions page's commands: a new draft, the search, showing a
 * decision from the follow-up and escalation lists, and the register of
 * the chosen group and year exported as a PDF log or CSV, or printed. */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (widget);

  sam_decision_editor_new_draft (self->editor, _sam_decisions_page_get_selected_group (self));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "register");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (widget);

  sam_decision_editor_show_uuid (self->editor, g_variant_get_string (parameter, NULL));
}

static char *
export_name (SamDecisionsPage *self,
             const char       *extension)
{
  const char *code = _sam_decisions_page_get_group_code (self, _sam_decisions_page_get_selected_group (self));
  int year = _sam_decisions_page_get_selected_year (self);
  /* Translators: the start of a suggested file name for an exported decision register */
  g_autofree char *base = g_strdup (_("decisions"));

  if (code != NULL && year > 0)
    return g_strdup_printf ("%s-%s-%d.%s", base, code, year, extension);
  if (code != NULL)
    return g_strdup_printf ("%s-%s.%s", base, code, extension);
  if (year > 0)
    return g_strdup_printf ("%s-%d.%s", base, year, extension);
  return g_strdup_printf ("%s.%s", base, extension);
}

static void
export_done (SamDecisionsPage *self,
             GtkNativeDialog  *native,
             int               response,
             gboolean          pdf)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  const char *group;
  int year;
  gboolean ok;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  group = _sam_decisions_page_get_selected_group (self);
  year = _sam_decisions_page_get_selected_year (self);
  if (pdf)
    ok = sam_decision_export_pdf (self->store, group, year, path, &error);
  else
    ok = sam_decision_export_csv (self->store, group, year, path, &error);
  if (!ok)
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Export Decisions"), error);
      return;
    }

  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Decisions exported")));
}

static void
export_pdf_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  g_autoptr(SamDecisionsPage) self = user_data;

  export_done (self, native, response, TRUE);
}

static void
export_csv_response_cb (GtkNativeDialog *native,
                        int              response,
                        gpointer         user_data)
{
  g_autoptr(SamDecisionsPage) self = user_data;

  export_done (self, native, response, FALSE);
}

static void
export (SamDecisionsPage *self,
        gboolean          pdf)
{
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = export_name (self, pdf ? "pdf" : "csv");

  native = gtk_file_chooser_native_new (pdf ? _("Export Decision Log") : _("Export Decision Register"),
                                        sam_gui_get_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF Documents") : _("CSV Files for Spreadsheets"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", pdf ? G_CALLBACK (export_pdf_response_cb) : G_CALLBACK (export_csv_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_pdf_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (SAM_DECISIONS_PAGE (widget), TRUE);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  export (SAM_DECISIONS_PAGE (widget), FALSE);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamReport) report = NULL;
  const char *group = _sam_decisions_page_get_selected_group (self);
  int year = _sam_decisions_page_get_selected_year (self);

  if ((report = sam_decision_log_new (self->store, group, year, &error)) == NULL)
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print Decision Log"), error);
      return;
    }

  operation = sam_gui_print_operation_new (report);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               sam_gui_get_parent_window (GTK_WIDGET (self)), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print Decision Log"), error);
}

/**
 * _sam_decisions_page_install_actions:
 * @widget_class: the page's class
 *
 * Installs the page's actions and their keys.
 */
void
_sam_decisions_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "decisions.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "decisions.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "decisions.show", "s", show_action);
  gtk_widget_class_install_action (widget_class, "decisions.export-pdf", NULL, export_pdf_action);
  gtk_widget_class_install_action (widget_class, "decisions.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "decisions.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "decisions.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "decisions.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "decisions.print", NULL);
}

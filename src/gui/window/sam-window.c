/* sam-window.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-chart-pane.h"
#include "sam-decisions-page.h"
#include "sam-meetings-page.h"
#include "sam-gui.h"
#include "sam-gui-types.h"
#include "sam-organisation-page.h"
#include "sam-progress.h"
#include "sam-store.h"
#include "sam-window.h"
#include "sam-xml.h"

struct _SamWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;
  SamStore             *store;
  GCancellable         *cancellable;
  SamProgress          *progress;

  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkRevealer          *progress_revealer;
  GtkLabel             *progress_label;
  GtkProgressBar       *progress_bar;
  AdwToastOverlay      *toast_overlay;
  GtkStack             *content_stack;
  AdwViewStack         *stack;
  SamOrganisationPage  *structure_editor;
  SamChartPane         *chart_pane;
  SamMeetingsPage      *meetings_planner;
  SamDecisionsPage     *decision_register;
  GtkWidget            *header_bar;
  GtkWidget            *undo_button;
  GtkWidget            *redo_button;

  /* The Organisation page's history, which the header's buttons undo */
  SamUndo              *undo;
};

G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_content (SamWindow *self)
{
  gboolean empty = sam_store_is_empty (self->store);
  gboolean was_empty = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "empty") == 0;

  gtk_stack_set_visible_child_name (self->content_stack, empty ? "empty" : "register");
  /* The focus was on the empty register's page, now hidden: it goes to
   * the page shown, so that its keys (Ctrl+N for the next group) work. */
  if (was_empty && !empty)
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->stack), GTK_DIR_TAB_FORWARD);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, !empty);
  /* The pages have nothing to show yet: no switcher to them at the bottom
   * either, where the narrow window would reveal one. */
  gtk_widget_set_visible (GTK_WIDGET (self->switcher_bar), !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-register", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-chart", !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-chart", !empty);
  /* Once the register holds a group, Ctrl+N is each page's own. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-group", empty);
}

/* Says on the header's buttons what they would undo and redo: a bare
 * arrow does not tell whether it takes back the move just made or the
 * group deleted before it. */
static void
update_undo (SamWindow *self)
{
  const char *undo_label = self->undo != NULL ? sam_undo_get_undo_label (self->undo) : NULL;
  const char *redo_label = self->undo != NULL ? sam_undo_get_redo_label (self->undo) : NULL;
  gboolean can_undo = self->undo != NULL && sam_undo_get_can_undo (self->undo);
  gboolean can_redo = self->undo != NULL && sam_undo_get_can_redo (self->undo);
  g_autofree char *undo_text = NULL;
  g_autofree char *redo_text = NULL;

  /* Translators: %s says what the button undoes, such as “Move Group” */
  undo_text = can_undo && undo_label != NULL ? g_strdup_printf (_("Undo “%s”"), undo_label) : g_strdup (_("Undo"));
  /* Translators: %s says what the button makes again, such as “Move Group” */
  redo_text = can_redo && redo_label != NULL ? g_strdup_printf (_("Redo “%s”"), redo_label) : g_strdup (_("Redo"));

  gtk_widget_set_tooltip_text (self->undo_button, undo_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->undo_button), GTK_ACCESSIBLE_PROPERTY_LABEL, undo_text, -1);
  gtk_widget_set_tooltip_text (self->redo_button, redo_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->redo_button), GTK_ACCESSIBLE_PROPERTY_LABEL, redo_text, -1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can_undo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", can_redo);
}

/* The page makes a new history when it is given its register, so the
 * window follows whichever history the page has now. */
static void
sync_undo (SamWindow *self)
{
  SamUndo *undo = sam_organisation_page_get_undo (self->structure_editor);

  if (undo != self->undo)
    {
      if (self->undo != NULL)
        g_signal_handlers_disconnect_by_func (self->undo, update_undo, self);
      g_set_object (&self->undo, undo);
      if (undo != NULL)
        {
          g_signal_connect_object (undo, "notify::can-undo", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (undo, "notify::can-redo", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (undo, "notify::undo-label", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
          g_signal_connect_object (undo, "notify::redo-label", G_CALLBACK (update_undo), self, G_CONNECT_SWAPPED);
        }
    }

  /* The history is the Organisation page's: its buttons stand there only. */
  gtk_widget_set_visible (self->undo_button,
                          adw_view_stack_get_visible_child (self->stack) == GTK_WIDGET (self->structure_editor) &&
                          !sam_store_is_empty (self->store));
  gtk_widget_set_visible (self->redo_button, gtk_widget_get_visible (self->undo_button));
  update_undo (self);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  gtk_widget_activate_action (GTK_WIDGET (self->structure_editor),
                              g_str_equal (action_name, "win.undo") ? "organisation.undo" : "organisation.redo", NULL);
}

/* The panes of @widget: what a GtkPaned or an AdwLeaflet lays side by
 * side, the innermost ones where they nest. */
static void
collect_panes (GtkWidget *widget,
               gboolean   is_pane,
               GPtrArray *panes)
{
  gboolean splits = GTK_IS_PANED (widget) || ADW_IS_LEAFLET (widget);
  guint before = panes->len;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      /* A paned's handle is a widget of its own, and no pane. */
      if (!gtk_widget_get_mapped (child) || GTK_IS_SEPARATOR (child) ||
          g_str_equal (G_OBJECT_TYPE_NAME (child), "GtkGizmo"))
        continue;
      collect_panes (child, splits, panes);
    }

  if (is_pane && panes->len == before)
    g_ptr_array_add (panes, widget);
}

/* F6 and Shift+F6 move the focus to the next or the previous pane: the
 * header bar, then the panes of the page shown, as in other GNOME
 * applications; Tab alone would walk through every row of the tree. */
static void
next_pane_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  g_autoptr(GPtrArray) panes = g_ptr_array_new ();
  gboolean back = g_str_equal (action_name, "win.previous-pane");
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  guint current = 0;

  g_ptr_array_add (panes, self->header_bar);
  if (page != NULL && gtk_widget_get_mapped (page))
    collect_panes (page, FALSE, panes);

  for (guint i = 0; i < panes->len; i++)
    if (focus != NULL && (focus == g_ptr_array_index (panes, i) ||
                          gtk_widget_is_ancestor (focus, g_ptr_array_index (panes, i))))
      current = i;

  for (guint step = 1; step <= panes->len; step++)
    {
      guint i = back ? (current + panes->len - step) % panes->len : (current + step) % panes->len;

      if (gtk_widget_child_focus (g_ptr_array_index (panes, i), GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
store_changed_cb (SamWindow *self,
                  guint      table,
                  SamStore  *store)
{
  update_content (self);
  sync_undo (self);
}

/* A page reads the register the first time it is shown, not when the
 * window is made: on a register of 100 000 decisions the window then
 * paints as soon as on the demo, and switching to a page costs what that
 * page shows. Every page has a "store" property. */
static void
visible_page_cb (SamWindow *self)
{
  GtkWidget *page = adw_view_stack_get_visible_child (self->stack);
  g_autoptr(SamStore) store = NULL;

  if (page == NULL)
    return;

  g_object_get (page, "store", &store, NULL);
  if (store == NULL)
    g_object_set (page, "store", self->store, NULL);
  sync_undo (self);
}

static void
set_busy (SamWindow  *self,
          const char *label)
{
  gboolean busy = label != NULL;

  if (busy)
    {
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      gtk_label_set_text (self->progress_label, label);
      gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
    }

  gtk_revealer_set_reveal_child (self->progress_revealer, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-import", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import-register", !busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-register", !busy && !sam_store_is_empty (self->store));
}

/* The work says what it is doing: a merge reads the file first, while the
 * register stays open for changes, and then says that changes wait while
 * it writes. */
static void
progress_notify_cb (SamWindow   *self,
                    GParamSpec  *pspec,
                    SamProgress *progress)
{
  g_autofree char *message = sam_progress_dup_message (progress);

  gtk_progress_bar_set_fraction (self->progress_bar, sam_progress_get_fraction (progress));
  if (message != NULL && gtk_revealer_get_reveal_child (self->progress_revealer))
    gtk_label_set_text (self->progress_label, message);
}

static void
remember_folder (SamWindow *self,
                 GFile     *file)
{
  g_autoptr(GFile) parent = g_file_get_parent (file);

  if (parent != NULL && g_file_peek_path (parent) != NULL)
    g_settings_set_string (self->settings, "last-export-folder", g_file_peek_path (parent));
}

static void
set_initial_folder (SamWindow            *self,
                    GtkFileChooserNative *native)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "last-export-folder");
  g_autoptr(GFile) file = NULL;

  if (folder[0] == '\0')
    return;

  file = g_file_new_for_path (folder);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (native), file, NULL);
}

static void
import_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  SamImportSummary summary = { 0 };
  guint n_conflicts;
  AdwToast *toast;

  set_busy (self, NULL);

  if (!sam_xml_import_finish (SAM_STORE (object), result, &summary, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sam_gui_show_error (GTK_WIDGET (self), _("Could Not Import Register"), error);
      return;
    }

  n_conflicts = summary.conflicts != NULL ? summary.conflicts->len : 0;
  toast = adw_toast_new_format (_("Imported: %u added, %u updated, %u unchanged"),
                                summary.added, summary.updated, summary.unchanged);
  sam_window_add_toast (self, toast);

  if (n_conflicts > 0)
    {
      g_autoptr(GString) body = g_string_new (NULL);
      GtkWidget *dialog;

      for (guint i = 0; i < n_conflicts; i++)
        g_string_append_printf (body, "%s%s", i > 0 ? "\n" : "", (const char *) g_ptr_array_index (summary.conflicts, i));
      dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                         ngettext ("%u Conflict Kept As It Was", "%u Conflicts Kept As They Were", n_conflicts),
                                         n_conflicts);
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), body->str);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  sam_import_summary_clear (&summary);
}

static void
import_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  if (file == NULL)
    return;

  remember_folder (self, file);
  sam_window_import (self, file);
}

static GtkFileFilter *
xml_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Samordna Registers (XML)"));
  gtk_file_filter_add_mime_type (filter, "application/xml");
  gtk_file_filter_add_mime_type (filter, "text/xml");
  gtk_file_filter_add_suffix (filter, "xml");

  return filter;
}

static void
import_register_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = xml_filter ();

  native = gtk_file_chooser_native_new (_("Import Register"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  set_initial_folder (self, native);
  g_signal_connect (native, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  set_busy (self, NULL);

  if (!sam_xml_export_finish (SAM_STORE (object), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sam_gui_show_error (GTK_WIDGET (self), _("Could Not Export Register"), error);
      return;
    }

  sam_window_add_toast (self, adw_toast_new (_("Register exported")));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    gpointer         user_data)
{
  g_autoptr(SamWindow) self = user_data;
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  if (file == NULL)
    return;

  remember_folder (self, file);
  sam_window_export (self, file);
}

static void
export_register_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = xml_filter ();

  native = gtk_file_chooser_native_new (_("Export Register"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name of an exported register */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), _("register.xml"));
  set_initial_folder (self, native);
  g_signal_connect (native, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
cancel_import_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  g_cancellable_cancel (self->cancellable);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sam_window_set_page (SAM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* New Group… on the empty register's page: the register is started with
 * the region's top group, made on the Organisation page, which the window
 * shows as soon as the group is there. */
static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  sam_window_set_page (self, "organisation");
  gtk_widget_activate_action (GTK_WIDGET (self->structure_editor), "organisation.new-group", NULL);
}

/* Print Chart… and Export Chart… in the main menu: the chart's own
 * actions, on the page that shows it. */
static void
chart_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamWindow *self = SAM_WINDOW (widget);

  sam_window_set_page (self, "organisation");
  gtk_widget_activate_action (GTK_WIDGET (self->chart_pane),
                              g_str_equal (action_name, "win.print-chart") ? "chart.print" : "chart.export",
                              NULL);
}

static void
sam_window_constructed (GObject *object)
{
  SamWindow *self = (SamWindow *)object;
  const char *path = sam_store_get_path (self->store);

  G_OBJECT_CLASS (sam_window_parent_class)->constructed (object);

  /* The size is read back from the settings as the window's defaults and
   * written whenever it changes, so the next start opens where we left. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);

  if (path != NULL)
    {
      g_autofree char *name = g_path_get_basename (path);

      adw_view_switcher_title_set_subtitle (self->switcher_title, name);
    }

  /* The chart beside the structure editor shares its selection. */
  self->chart_pane = SAM_CHART_PANE (sam_chart_pane_new (self->store, self->settings));
  sam_organisation_page_set_chart (self->structure_editor, GTK_WIDGET (self->chart_pane));
  sam_chart_pane_share_selection (self->chart_pane, G_OBJECT (self->structure_editor), "selected-group");
  /* The chart takes the whole window by the page hiding the tree and the
   * details beside it. */
  g_object_bind_property (self->chart_pane, "whole-window", self->structure_editor, "chart-only",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (visible_page_cb), self,
                           G_CONNECT_SWAPPED);
  visible_page_cb (self);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->progress, "notify::fraction", G_CALLBACK (progress_notify_cb), self, G_CONNECT_SWAPPED);
  set_busy (self, NULL);
  update_content (self);
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = (SamWindow *)object;

  /* Work still running for this window stops with it. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WINDOW);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->progress);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (sam_window_parent_class)->dispose (object);
}

static void
sam_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  SamWindow *self = SAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SamWindow *self = SAM_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_window_class_init (SamWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_window_constructed;
  object_class->dispose = sam_window_dispose;
  object_class->get_property = sam_window_get_property;
  object_class->set_property = sam_window_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL,
                         G_TYPE_SETTINGS,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names the page classes: they must exist before it is parsed. */
  sam_gui_ensure_types ();
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, progress_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, structure_editor);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, meetings_planner);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, decision_register);

  gtk_widget_class_bind_template_child (widget_class, SamWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, redo_button);
  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.next-pane", NULL, next_pane_action);
  gtk_widget_class_install_action (widget_class, "win.previous-pane", NULL, next_pane_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.import-register", NULL, import_register_action);
  gtk_widget_class_install_action (widget_class, "win.export-register", NULL, export_register_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-import", NULL, cancel_import_action);
  gtk_widget_class_install_action (widget_class, "win.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "win.print-chart", NULL, chart_action);
  gtk_widget_class_install_action (widget_class, "win.export-chart", NULL, chart_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "organisation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "meetings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "decisions");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, 0, "win.next-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F6, GDK_SHIFT_MASK, "win.previous-pane", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import-register", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new-group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK, "win.export-register", NULL);
}

static void
sam_window_init (SamWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->progress = sam_progress_new ();
}

/**
 * sam_window_new:
 * @application: the application
 * @settings: the application's settings
 * @store: the register the window shows
 *
 * Returns: (transfer full): a new main window
 */
SamWindow *
sam_window_new (AdwApplication *application,
                GSettings      *settings,
                SamStore       *store)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return g_object_new (SAM_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       "store", store,
                       NULL);
}

/**
 * sam_window_get_store:
 * @self: a window
 *
 * Returns: (transfer none): the register the window shows
 */
SamStore *
sam_window_get_store (SamWindow *self)
{
  g_return_val_if_fail (SAM_IS_WINDOW (self), NULL);

  return self->store;
}

/**
 * sam_window_add_toast:
 * @self: a window
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the window's pages.
 */
void
sam_window_add_toast (SamWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (SAM_IS_WINDOW (self));

  sam_gui_show_toast (self->toast_overlay, toast);
}

/**
 * sam_window_set_page:
 * @self: a window
 * @name: "organisation", "meetings" or "decisions"
 *
 * Shows the page named @name.
 */
void
sam_window_set_page (SamWindow  *self,
                     const char *name)
{
  g_return_if_fail (SAM_IS_WINDOW (self));

  if (adw_view_stack_get_child_by_name (self->stack, name) != NULL)
    adw_view_stack_set_visible_child_name (self->stack, name);
}

/**
 * sam_window_import:
 * @self: a window
 * @file: an exported register
 *
 * Imports @file into the window's register in the background, with progress
 * and a way to cancel; a toast tells the result, a dialog any error. An
 * empty register takes the file as it is; a register that holds something
 * has the file merged into it by its ids.
 */
void
sam_window_import (SamWindow *self,
                   GFile     *file)
{
  SamImportMode mode;

  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  mode = sam_store_is_empty (self->store) ? SAM_IMPORT_REPLACE : SAM_IMPORT_MERGE;
  set_busy (self, mode == SAM_IMPORT_REPLACE ? _("Importing register…") : _("Merging register…"));
  sam_xml_import_async (self->store, file, mode, self->progress, self->cancellable,
                        import_done_cb, g_object_ref (self));
}

/**
 * sam_window_export:
 * @self: a window
 * @file: where to write the register
 *
 * Exports the window's register to @file in the background; the file is
 * replaced only once the whole register is written.
 */
void
sam_window_export (SamWindow *self,
                   GFile     *file)
{
  g_return_if_fail (SAM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  set_busy (self, _("Exporting register…"));
  sam_xml_export_async (self->store, file, self->progress, self->cancellable,
                        export_done_cb, g_object_ref (self));
}

/* sam-gui-message.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-gui"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-gui.h"

/* Errors and notices look the same on every page: an error is a message
 * dialog with a heading over the translated message, a notice is a toast
 * over the pages. */

/**
 * sam_gui_get_parent_window:
 * @widget: a widget
 *
 * Returns: (transfer none) (nullable): the window @widget is in, for the
 *   dialogs it opens
 */
GtkWindow *
sam_gui_get_parent_window (GtkWidget *widget)
{
  GtkRoot *root;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/**
 * sam_gui_show_message:
 * @widget: the widget the message is about
 * @heading: the message's heading
 * @body: (nullable): the text under it
 *
 * Shows a message dialog over @widget's window, with one response: Close.
 */
void
sam_gui_show_message (GtkWidget  *widget,
                      const char *heading,
                      const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  dialog = adw_message_dialog_new (sam_gui_get_parent_window (widget), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * sam_gui_show_error:
 * @widget: the widget whose action failed
 * @heading: what failed, as a title (“Could Not Save Decision”)
 * @error: (nullable): why, in words for people
 *
 * Shows @error in a message dialog over @widget's window. A cancelled
 * operation is not an error to show.
 */
void
sam_gui_show_error (GtkWidget    *widget,
                    const char   *heading,
                    const GError *error)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (error != NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  sam_gui_show_message (widget, heading, error != NULL ? error->message : NULL);
}

static AdwToastOverlay *
find_overlay_below (GtkWidget *widget)
{
  if (ADW_IS_TOAST_OVERLAY (widget))
    return ADW_TOAST_OVERLAY (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwToastOverlay *overlay = find_overlay_below (child);

      if (overlay != NULL)
        return overlay;
    }

  return NULL;
}

/**
 * sam_gui_add_toast:
 * @widget: the widget that has something to say
 * @toast: (transfer full): the toast
 *
 * Shows @toast in the toast overlay around @widget; from a dialog or a
 * window of its own, in the overlay of the window it belongs to.
 */
void
sam_gui_add_toast (GtkWidget *widget,
                   AdwToast  *toast)
{
  GtkWidget *overlay;
  GtkWindow *window;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  for (window = sam_gui_get_parent_window (widget);
       overlay == NULL && window != NULL;
       window = gtk_window_get_transient_for (window))
    overlay = (GtkWidget *) find_overlay_below (GTK_WIDGET (window));

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

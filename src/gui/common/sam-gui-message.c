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

/* The toasts of one overlay: the one on screen, since when, and the one
 * waiting to replace it. */
typedef struct
{
  AdwToast *shown;
  gint64    shown_at;
  AdwToast *next;
  guint     replace_id;
} ToastState;

/* How long libadwaita 1.2 takes to slide a toast in (300 ms, 500 when it
 * replaces another) and a little more: hiding a toast while it still
 * slides in makes libadwaita 1.2.2 free the toast's state twice. */
#define TOAST_SHOW_USEC (600 * G_TIME_SPAN_MILLISECOND)

static void
toast_state_free (gpointer data)
{
  ToastState *state = data;

  g_clear_handle_id (&state->replace_id, g_source_remove);
  g_clear_object (&state->shown);
  g_clear_object (&state->next);
  g_free (state);
}

static ToastState *
get_toast_state (AdwToastOverlay *overlay)
{
  ToastState *state = g_object_get_data (G_OBJECT (overlay), "sam-gui-toasts");

  if (state == NULL)
    {
      state = g_new0 (ToastState, 1);
      g_object_set_data_full (G_OBJECT (overlay), "sam-gui-toasts", state, toast_state_free);
    }

  return state;
}

static gboolean
replace_shown_cb (gpointer data)
{
  ToastState *state = get_toast_state (data);
  g_autoptr(AdwToast) shown = g_steal_pointer (&state->shown);

  state->replace_id = 0;
  if (shown != NULL)
    adw_toast_dismiss (shown);

  return G_SOURCE_REMOVE;
}

static void
toast_dismissed_cb (AdwToast        *toast,
                    AdwToastOverlay *overlay)
{
  ToastState *state = get_toast_state (overlay);

  if (toast == state->next)
    {
      /* Replaced before it was shown. */
      g_clear_object (&state->next);
      return;
    }

  if (toast != state->shown && state->shown != NULL)
    return;

  /* The overlay now shows the toast that waited, the only one queued. */
  g_clear_handle_id (&state->replace_id, g_source_remove);
  g_clear_object (&state->shown);
  state->shown = g_steal_pointer (&state->next);
  state->shown_at = g_get_monotonic_time ();
}

/**
 * sam_gui_show_toast:
 * @overlay: a toast overlay
 * @toast: (transfer full): the toast
 *
 * Shows @toast in @overlay in place of the toast shown there, at once or
 * as soon as that one has slid in. #AdwToastOverlay queues toasts and
 * shows each for its whole timeout, so that after a few quick edits the
 * toasts ran a minute behind the actions they told of, and an Undo button
 * stood beside news of an edit that was no longer the last one; only the
 * newest is worth reading.
 */
void
sam_gui_show_toast (AdwToastOverlay *overlay,
                    AdwToast        *toast)
{
  ToastState *state;
  gint64 shown_for;

  g_return_if_fail (ADW_IS_TOAST_OVERLAY (overlay));
  g_return_if_fail (ADW_IS_TOAST (toast));

  state = get_toast_state (overlay);

  /* A toast still waiting is dropped: it never showed, so that is safe. */
  if (state->next != NULL)
    {
      g_autoptr(AdwToast) next = g_steal_pointer (&state->next);

      adw_toast_dismiss (next);
    }

  /* Only this function adds toasts, and it keeps at most one queued. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_NORMAL);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (toast_dismissed_cb), overlay, 0);

  if (state->shown == NULL)
    {
      state->shown = g_object_ref (toast);
      state->shown_at = g_get_monotonic_time ();
      adw_toast_overlay_add_toast (overlay, toast);
      return;
    }

  state->next = g_object_ref (toast);
  adw_toast_overlay_add_toast (overlay, toast);

  shown_for = g_get_monotonic_time () - state->shown_at;
  if (state->replace_id == 0)
    state->replace_id = g_timeout_add (shown_for >= TOAST_SHOW_USEC ? 0 : (TOAST_SHOW_USEC - shown_for) / 1000,
                                       replace_shown_cb, overlay);
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
    sam_gui_show_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* sam-window.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-window.h"

struct _SamWindow
{
  AdwApplicationWindow  parent_instance;

  GSettings            *settings;

  AdwToastOverlay      *toast_overlay;
  AdwViewStack         *stack;
};

G_DEFINE_FINAL_TYPE (SamWindow, sam_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  sam_window_set_page (SAM_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
sam_window_constructed (GObject *object)
{
  SamWindow *self = (SamWindow *)object;

  G_OBJECT_CLASS (sam_window_parent_class)->constructed (object);

  /* The size is read back from the settings as the window's defaults and
   * written whenever it changes, so the next start opens where we left. */
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "last-page", self->stack, "visible-child-name", G_SETTINGS_BIND_DEFAULT);
}

static void
sam_window_dispose (GObject *object)
{
  SamWindow *self = (SamWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_WINDOW);
  g_clear_object (&self->settings);

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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamWindow, stack);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, GDK_ALT_MASK, "win.show-page", "s", "organisation");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, GDK_ALT_MASK, "win.show-page", "s", "meetings");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_3, GDK_ALT_MASK, "win.show-page", "s", "decisions");
}

static void
sam_window_init (SamWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_window_new:
 * @application: the application
 * @settings: the application's settings
 *
 * Returns: (transfer full): a new main window
 */
SamWindow *
sam_window_new (AdwApplication *application,
                GSettings      *settings)
{
  g_return_val_if_fail (ADW_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (SAM_TYPE_WINDOW,
                       "application", application,
                       "settings", settings,
                       NULL);
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

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
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

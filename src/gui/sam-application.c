/* sam-application.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-application"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-application.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

static void
sam_application_about_action (GSimpleAction *action,
                              GVariant      *parameter,
                              gpointer       user_data)
{
  SamApplication *self = user_data;
  static const char *developers[] = { "The Samordna authors", NULL };

  adw_show_about_window (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "application-name", _("Samordna"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Samordna authors"),
                         "developers", developers,
                         "version", PACKAGE_VERSION,
                         "comments", _("Keep the coordination councils’ structure, meetings and decisions"),
                         "website", "https://github.com/samordna/samordna",
                         "issue-url", "https://github.com/samordna/samordna/issues",
                         "copyright", "© 2026 The Samordna authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         /* Translators: your names, one a line, shown in the About window */
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
sam_application_quit_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SamApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Closing the windows (rather than g_application_quit) lets each of them
   * save its state and finish what it writes. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", sam_application_about_action },
  { "quit", sam_application_quit_action },
};

static void
sam_application_startup (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "app.quit", (const char *[]) { "<Control>q", NULL });
  gtk_application_set_accels_for_action (GTK_APPLICATION (self), "win.show-help-overlay",
                                         (const char *[]) { "<Control>question", NULL });
}

static void
sam_application_activate (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (window == NULL)
    window = GTK_WINDOW (sam_window_new (ADW_APPLICATION (self), self->settings));

  gtk_window_present (window);
}

static void
sam_application_dispose (GObject *object)
{
  SamApplication *self = SAM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sam_application_parent_class)->dispose (object);
}

static void
sam_application_class_init (SamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sam_application_dispose;

  app_class->startup = sam_application_startup;
  app_class->activate = sam_application_activate;
}

static void
sam_application_init (SamApplication *self)
{
}

/**
 * sam_application_new:
 *
 * Returns: (transfer full): the application
 */
SamApplication *
sam_application_new (void)
{
  return g_object_new (SAM_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * sam_application_get_settings:
 * @self: the application
 *
 * Returns: (transfer none) (nullable): the settings, once started up
 */
GSettings *
sam_application_get_settings (SamApplication *self)
{
  g_return_val_if_fail (SAM_IS_APPLICATION (self), NULL);

  return self->settings;
}

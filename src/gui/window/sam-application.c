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
#include "sam-cli.h"
#include "sam-demo.h"
#include "sam-file.h"
#include "sam-store.h"
#include "sam-window.h"

struct _SamApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
  char           *database;
  gboolean        demo;
  GPtrArray      *demo_dirs;
};

G_DEFINE_FINAL_TYPE (SamApplication, sam_application, ADW_TYPE_APPLICATION)

/* A register that another program changes: Try Again opens it again. */
typedef struct
{
  SamApplication *self;
  char           *path;
} Retry;

static void
retry_free (gpointer  data,
            GClosure *closure)
{
  Retry *retry = data;

  g_object_unref (retry->self);
  g_free (retry->path);
  g_free (retry);
}

static void
open_error_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        Retry            *retry)
{
  if (g_strcmp0 (response, "retry") == 0)
    sam_application_open_register (retry->self, retry->path);
}

static void
show_open_error (SamApplication *self,
                 const GError   *error,
                 const char     *path)
{
  gboolean in_use = g_error_matches (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE);
  GtkWidget *dialog = adw_message_dialog_new (gtk_application_get_active_window (GTK_APPLICATION (self)),
                                              in_use ? _("Register in Use") : _("Could Not Open Register"),
                                              error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (in_use && path != NULL)
    {
      Retry *retry = g_new0 (Retry, 1);

      retry->self = g_object_ref (self);
      retry->path = g_strdup (path);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "retry", _("_Try Again"));
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
      g_signal_connect_data (dialog, "response", G_CALLBACK (open_error_response_cb), retry, retry_free, 0);
    }
  gtk_application_add_window (GTK_APPLICATION (self), GTK_WINDOW (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static SamStore *
open_demo (SamApplication  *self,
           GError         **error)
{
  char *dir = NULL;
  SamStore *store = sam_demo_open (&dir, error);

  if (store != NULL)
    g_ptr_array_add (self->demo_dirs, dir);

  return store;
}

static void
present_window (SamApplication *self,
                SamStore       *store)
{
  SamWindow *window = sam_window_new (ADW_APPLICATION (self), self->settings, store);

  gtk_window_present (GTK_WINDOW (window));
}

static SamWindow *
find_window (SamApplication *self,
             const char     *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (SAM_IS_WINDOW (l->data) &&
        g_strcmp0 (sam_store_get_path (sam_window_get_store (SAM_WINDOW (l->data))), path) == 0)
      return SAM_WINDOW (l->data);

  return NULL;
}

static void
sam_application_open_demo_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  SamApplication *self = user_data;
  GtkWindow *previous = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if ((store = open_demo (self, &error)) == NULL)
    {
      show_open_error (self, error, NULL);
      return;
    }

  present_window (self, store);

  /* An empty register's window has nothing to keep: the demo takes its place. */
  if (SAM_IS_WINDOW (previous) && sam_store_is_empty (sam_window_get_store (SAM_WINDOW (previous))))
    gtk_window_close (previous);
}

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
   * save its state and cancel what it runs. */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static const GActionEntry app_actions[] = {
  { "about", sam_application_about_action },
  { "open-demo", sam_application_open_demo_action },
  { "quit", sam_application_quit_action },
};

static int
sam_application_handle_local_options (GApplication *application,
                                      GVariantDict *options)
{
  SamApplication *self = SAM_APPLICATION (application);
  const char *database = NULL;
  int status;

  /* Exports and imports run here, before any display is opened. */
  if ((status = sam_cli_run (options)) >= 0)
    return status;

  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    self->database = g_canonicalize_filename (database, NULL);
  self->demo = g_variant_dict_contains (options, "demo");

  /* Another register than the default one gets a process of its own,
   * rather than being handed to an instance that already runs. */
  if (self->database != NULL || self->demo)
    g_application_set_flags (application, g_application_get_flags (application) | G_APPLICATION_NON_UNIQUE);

  return -1;
}

static void
sam_application_startup (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);

  G_APPLICATION_CLASS (sam_application_parent_class)->startup (application);

  self->settings = g_settings_new (APPLICATION_ID);

  /* What exports killed before they finished left where the last one went */
  {
    g_autofree char *folder = g_settings_get_string (self->settings, "last-export-folder");

    if (folder[0] != '\0')
      sam_file_remove_stale (folder);
  }

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
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  if (self->demo)
    {
      if ((store = open_demo (self, &error)) == NULL)
        show_open_error (self, error, NULL);
      else
        present_window (self, store);
      return;
    }

  path = self->database != NULL ? g_strdup (self->database) : sam_store_dup_default_path ();
  sam_application_open_register (self, path);
}

/* A register file opened from the file manager, or given as an argument. */
static void
sam_application_open (GApplication  *application,
                      GFile        **files,
                      int            n_files,
                      const char    *hint)
{
  SamApplication *self = SAM_APPLICATION (application);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);

      if (path == NULL)
        {
          g_autofree char *uri = g_file_get_uri (files[i]);
          g_autoptr(GError) error = g_error_new (SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                                                 _("The register “%s” is not a local file: copy it to this computer to open it"),
                                                 uri);

          show_open_error (self, error, NULL);
          continue;
        }

      sam_application_open_register (self, path);
    }
}

static void
sam_application_shutdown (GApplication *application)
{
  SamApplication *self = SAM_APPLICATION (application);

  G_APPLICATION_CLASS (sam_application_parent_class)->shutdown (application);

  /* The windows and their registers are gone: the demo copies can go too. */
  for (guint i = 0; i < self->demo_dirs->len; i++)
    sam_demo_remove (g_ptr_array_index (self->demo_dirs, i));
  g_ptr_array_set_size (self->demo_dirs, 0);
}

static void
sam_application_dispose (GObject *object)
{
  SamApplication *self = SAM_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (sam_application_parent_class)->dispose (object);
}

static void
sam_application_finalize (GObject *object)
{
  SamApplication *self = SAM_APPLICATION (object);

  g_free (self->database);
  g_ptr_array_unref (self->demo_dirs);

  G_OBJECT_CLASS (sam_application_parent_class)->finalize (object);
}

static void
sam_application_class_init (SamApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = sam_application_dispose;
  object_class->finalize = sam_application_finalize;

  app_class->handle_local_options = sam_application_handle_local_options;
  app_class->startup = sam_application_startup;
  app_class->activate = sam_application_activate;
  app_class->open = sam_application_open;
  app_class->shutdown = sam_application_shutdown;
}

static void
sam_application_init (SamApplication *self)
{
  self->demo_dirs = g_ptr_array_new_with_free_func (g_free);

  g_application_add_main_option_entries (G_APPLICATION (self), sam_cli_options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep the coordination councils’ structure, meetings and decisions."));
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
                       "flags", G_APPLICATION_HANDLES_OPEN,
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

/**
 * sam_application_open_register:
 * @self: the application
 * @path: a register file
 *
 * Shows the register @path in a window: the one that shows it already, or
 * a new one. When it cannot be opened, a dialog says why; when another
 * program changes it, the dialog offers to try again.
 */
void
sam_application_open_register (SamApplication *self,
                               const char     *path)
{
  g_autoptr(SamStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *user_name = NULL;
  SamWindow *window;

  g_return_if_fail (SAM_IS_APPLICATION (self));
  g_return_if_fail (path != NULL);

  if ((window = find_window (self, path)) != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  if ((store = sam_store_open (path, &error)) == NULL)
    {
      show_open_error (self, error, path);
      return;
    }

  user_name = g_settings_get_string (self->settings, "user-name");
  if (user_name[0] != '\0')
    sam_store_set_user_name (store, user_name);

  present_window (self, store);
}

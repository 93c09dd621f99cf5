/* sam-terms-window.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-terms-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-rules.h"
#include "sam-terms-window.h"

/* The terms ending soon, or ended with no successor, for one group or the
 * whole register (the same list as --list-terms-ending). A national
 * register has some 6 000 of them: they are read in a worker, on a
 * connection of its own, and a list view makes rows for what is in view. */
struct _SamTermsWindow
{
  AdwWindow            parent_instance;

  SamStore            *store;
  char                *group_uuid;
  GPtrArray           *terms;        /* SamTermEnding, as the list shows them */
  GCancellable        *cancellable;  /* of the read under way */

  GtkSpinButton       *days_spin;
  AdwActionRow        *group_row;
  GtkSwitch           *group_switch;
  GtkListView         *terms_list;
};

G_DEFINE_FINAL_TYPE (SamTermsWindow, sam_terms_window, ADW_TYPE_WINDOW)

typedef struct
{
  char  *path;
  char  *group_uuid;
  guint  days;
} ReadData;

static void
read_data_free (ReadData *data)
{
  g_free (data->path);
  g_free (data->group_uuid);
  g_free (data);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadData *data = task_data;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *terms;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((worker = sam_store_open (data->path, &error)) == NULL ||
      (terms = sam_rules_list_terms_ending (worker, data->group_uuid, NULL, data->days, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, terms, (GDestroyNotify) g_ptr_array_unref);
}

/* The rows read their term by position; the list holds the titles, or
 * the one line that says there are none. */
static void
show_terms (SamTermsWindow *self,
            GPtrArray      *terms,
            const char     *message)
{
  g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
  GtkStringList *list;
  g_autoptr(GtkNoSelection) model = NULL;

  g_clear_pointer (&self->terms, g_ptr_array_unref);
  self->terms = terms;
  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      SamTermEnding *term = g_ptr_array_index (terms, i);

      /* Translators: a role holder and their role, as in “Anna Berg, Chair” */
      g_ptr_array_add (titles, g_strdup_printf (_("%s, %s"), term->person_name,
                                                sam_role_get_label (sam_assignment_get_role (term->assignment))));
    }
  if (titles->len == 0)
    g_ptr_array_add (titles, g_strdup (message != NULL ? message : _("No terms end in this period")));
  g_ptr_array_add (titles, NULL);

  list = gtk_string_list_new ((const char * const *) titles->pdata);
  model = gtk_no_selection_new (G_LIST_MODEL (list));
  gtk_list_view_set_model (self->terms_list, GTK_SELECTION_MODEL (model));
}

/* The task holds the window only weakly: a window closed while its
 * worker reads is freed at once. */
static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SamTermsWindow) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = g_task_propagate_pointer (G_TASK (result), &error);

  g_weak_ref_clear (weak);
  g_free (weak);

  /* Closed, or a newer read took this one's place */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  show_terms (self, g_steal_pointer (&terms), error != NULL ? error->message : NULL);
}

static void
update (SamTermsWindow *self)
{
  g_autoptr(GTask) task = NULL;
  ReadData *data;
  GWeakRef *weak;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  data = g_new0 (ReadData, 1);
  data->path = g_strdup (sam_store_get_path (self->store));
  data->group_uuid = g_strdup (gtk_switch_get_active (self->group_switch) ? self->group_uuid : NULL);
  data->days = (guint) gtk_spin_button_get_value_as_int (self->days_spin);

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, read_done_cb, weak);
  g_task_set_source_tag (task, update);
  g_task_set_task_data (task, data, (GDestroyNotify) read_data_free);
  g_task_run_in_thread (task, read_thread);
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *row = adw_action_row_new ();

  /* The sign beside the row, where the row's own prefix would be */
  gtk_widget_add_css_class (icon, "sam-warning");
  gtk_widget_set_margin_start (icon, 12);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Term ended"), -1);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_hexpand (row, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), row);
  gtk_list_item_set_child (item, box);
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             SamTermsWindow           *self)
{
  GtkWidget *icon = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *row = gtk_widget_get_last_child (gtk_list_item_get_child (item));
  guint position = gtk_list_item_get_position (item);
  SamTermEnding *term = self->terms != NULL && position < self->terms->len ? g_ptr_array_index (self->terms, position)
                                                                            : NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_string_object_get_string (gtk_list_item_get_item (item)));
  if (term != NULL)
    {
      g_string_append_printf (subtitle, "%s · ", term->group_label);
      if (term->organisation_name != NULL)
        g_string_append_printf (subtitle, "%s · ", term->organisation_name);
      if (term->carried_over)
        g_string_append_printf (subtitle, _("ended %s, no successor"), sam_assignment_get_ends (term->assignment));
      else
        g_string_append_printf (subtitle, _("ends %s"), sam_assignment_get_ends (term->assignment));
      if (term->successor_appointed)
        g_string_append_printf (subtitle, " · %s", _("successor appointed"));
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_visible (icon, term != NULL && term->carried_over);
}

static void
sam_terms_window_dispose (GObject *object)
{
  SamTermsWindow *self = SAM_TERMS_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_TERMS_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->group_uuid, g_free);
  g_clear_pointer (&self->terms, g_ptr_array_unref);

  G_OBJECT_CLASS (sam_terms_window_parent_class)->dispose (object);
}

static void
sam_terms_window_class_init (SamTermsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_terms_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-terms-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamTermsWindow, days_spin);
  gtk_widget_class_bind_template_child (widget_class, SamTermsWindow, group_row);
  gtk_widget_class_bind_template_child (widget_class, SamTermsWindow, group_switch);
  gtk_widget_class_bind_template_child (widget_class, SamTermsWindow, terms_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_terms_window_init (SamTermsWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  /* The window outlives its list's factory: a plain pointer is enough. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->terms_list, factory);
}

/**
 * sam_terms_window_new:
 * @store: the register
 * @group: (nullable): the selected group, which the list can be limited to
 * @group_only: whether to start with the list limited to @group rather
 *   than for the whole register
 *
 * Returns: (transfer full): a new window
 */
SamTermsWindow *
sam_terms_window_new (SamStore *store,
                      SamGroup *group,
                      gboolean  group_only)
{
  SamTermsWindow *self;

  g_return_val_if_fail (SAM_IS_STORE (store), NULL);
  g_return_val_if_fail (group == NULL || SAM_IS_GROUP (group), NULL);

  self = g_object_new (SAM_TYPE_TERMS_WINDOW, NULL);
  self->store = g_object_ref (store);
  self->group_uuid = g_strdup (group != NULL ? sam_group_get_uuid (group) : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->group_row), group != NULL);
  if (group != NULL)
    adw_action_row_set_subtitle (self->group_row, sam_group_get_name (group));
  gtk_switch_set_active (self->group_switch, group_only && group != NULL);

  g_signal_connect_object (self->days_spin, "value-changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_switch, "notify::active", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (store, "changed", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);

  return self;
}

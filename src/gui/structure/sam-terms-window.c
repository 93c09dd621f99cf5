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
 * whole register (the same list as --list-terms-ending). */
struct _SamTermsWindow
{
  AdwWindow            parent_instance;

  SamStore            *store;
  char                *group_uuid;
  GPtrArray           *rows;

  GtkSpinButton       *days_spin;
  AdwActionRow        *group_row;
  GtkSwitch           *group_switch;
  AdwPreferencesGroup *terms_group;
};

G_DEFINE_FINAL_TYPE (SamTermsWindow, sam_terms_window, ADW_TYPE_WINDOW)

static void
update (SamTermsWindow *self)
{
  const char *group = gtk_switch_get_active (self->group_switch) ? self->group_uuid : NULL;
  guint days = (guint) gtk_spin_button_get_value_as_int (self->days_spin);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) terms = sam_rules_list_terms_ending (self->store, group, NULL, days, &error);

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->terms_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  for (guint i = 0; terms != NULL && i < terms->len; i++)
    {
      SamTermEnding *term = g_ptr_array_index (terms, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *title = NULL;
      g_autoptr(GString) subtitle = g_string_new (NULL);

      /* Translators: a role holder and their role, as in “Anna Berg, Chair” */
      title = g_strdup_printf (_("%s, %s"), term->person_name, sam_role_get_label (sam_assignment_get_role (term->assignment)));
      g_string_append_printf (subtitle, "%s · ", term->group_label);
      if (term->organisation_name != NULL)
        g_string_append_printf (subtitle, "%s · ", term->organisation_name);
      if (term->carried_over)
        g_string_append_printf (subtitle, _("ended %s, no successor"), sam_assignment_get_ends (term->assignment));
      else
        g_string_append_printf (subtitle, _("ends %s"), sam_assignment_get_ends (term->assignment));
      if (term->successor_appointed)
        g_string_append_printf (subtitle, " · %s", _("successor appointed"));

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      if (term->carried_over)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "sam-warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Term ended"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      adw_preferences_group_add (self->terms_group, row);
      g_ptr_array_add (self->rows, row);
    }

  if (self->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     error != NULL ? error->message : _("No terms end in this period"));
      adw_preferences_group_add (self->terms_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
sam_terms_window_dispose (GObject *object)
{
  SamTermsWindow *self = SAM_TERMS_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_TERMS_WINDOW);
  g_clear_object (&self->store);
  g_clear_pointer (&self->group_uuid, g_free);
  g_clear_pointer (&self->rows, g_ptr_array_unref);

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
  gtk_widget_class_bind_template_child (widget_class, SamTermsWindow, terms_group);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_terms_window_init (SamTermsWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->rows = g_ptr_array_new ();
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

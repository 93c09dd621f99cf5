/* sam-role-dialog.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-role-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-role-dialog.h"
#include "sam-roles.h"
#include "sam-rules.h"
#include "sam-store-structure.h"

/* Adds a person to a group in a role, or edits such an appointment: the
 * organisation represented, who appointed them and the term. */
struct _SamRoleDialog
{
  AdwWindow            parent_instance;

  SamUndo             *undo;
  char                *prefilled;       /* the organisation filled in for the person typed */
  char                *group_uuid;
  SamAssignment       *assignment;  /* when editing */
  GtkToggleButton     *role_buttons[SAM_ROLE_CONTACT_PERSON + 1];

  AdwEntryRow         *person_row;
  AdwPreferencesGroup *role_group;
  AdwEntryRow         *organisation_row;
  GtkMenuButton       *organisation_button;
  AdwEntryRow         *appointed_row;
  AdwEntryRow         *starts_row;
  AdwEntryRow         *ends_row;
  GtkButton           *save_button;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SamRoleDialog, sam_role_dialog, ADW_TYPE_WINDOW)

static char *
dup_field (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

static void
show_error (SamRoleDialog *self,
            AdwEntryRow   *row,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
}

typedef struct
{
  SamPerson     *new_person;
  SamAssignment *assignment;
} SaveData;

static gboolean
save_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  SaveData *save = data;

  if (save->new_person != NULL)
    {
      if (!sam_store_save (store, save->new_person, error))
        return FALSE;
      g_object_set (save->assignment, "person-uuid", sam_person_get_uuid (save->new_person), NULL);
    }

  return sam_store_save (store, save->assignment, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamRoleDialog *self = SAM_ROLE_DIALOG (widget);
  SamStore *store = sam_undo_get_store (self->undo);
  g_autofree char *person_name = dup_field (self->person_row);
  g_autofree char *organisation_name = dup_field (self->organisation_row);
  g_autofree char *appointed = dup_field (self->appointed_row);
  g_autofree char *starts = dup_field (self->starts_row);
  g_autofree char *ends = dup_field (self->ends_row);
  g_autoptr(SamPerson) person = NULL;
  g_autoptr(SamPerson) new_person = NULL;
  g_autoptr(SamOrganisation) organisation = NULL;
  g_autoptr(SamAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  SamRole role = SAM_ROLE_MEMBER;
  SaveData save;

  gtk_widget_remove_css_class (GTK_WIDGET (self->person_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->organisation_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->starts_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->ends_row), "error");

  for (guint r = 0; r <= SAM_ROLE_CONTACT_PERSON; r++)
    if (gtk_toggle_button_get_active (self->role_buttons[r]))
      role = r;

  if (person_name == NULL)
    {
      show_error (self, self->person_row, _("Type the name of the person who holds the role"));
      return;
    }
  if (organisation_name != NULL &&
      (organisation = sam_store_find_organisation (store, organisation_name, NULL)) == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no organisation “%s” in the register: choose one from the list"),
                                                  organisation_name);

      show_error (self, self->organisation_row, message);
      return;
    }

  person = sam_store_find_person_by_name (store, person_name, NULL);
  if (person == NULL)
    {
      new_person = sam_person_new ();
      g_object_set (new_person, "name", person_name,
                    "organisation-uuid", organisation != NULL ? sam_organisation_get_uuid (organisation) : NULL,
                    NULL);
    }

  assignment = self->assignment != NULL
               ? sam_store_dup_by_uuid (store, SAM_TYPE_ASSIGNMENT, sam_assignment_get_uuid (self->assignment), NULL)
               : sam_assignment_new ();
  if (assignment == NULL)
    assignment = sam_assignment_new ();
  g_object_set (assignment,
                "person-uuid", person != NULL ? sam_person_get_uuid (person) : "-",
                "group-uuid", self->group_uuid,
                "role", role,
                "organisation-uuid", organisation != NULL ? sam_organisation_get_uuid (organisation) : NULL,
                "appointed-by", appointed,
                "starts", starts,
                "ends", ends,
                NULL);

  if (!sam_store_validate_assignment (store, assignment, &error))
    {
      gboolean dates = starts != NULL && !sam_calendar_parse_iso (starts, NULL);

      show_error (self, dates || ends == NULL ? self->starts_row : self->ends_row, error->message);
      return;
    }

  save.new_person = new_person;
  save.assignment = assignment;
  if (!sam_undo_run (self->undo, self->assignment != NULL ? _("Edit Role") : _("Add Role"),
                     save_edit, &save, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
pick_organisation_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SamRoleDialog *self = SAM_ROLE_DIALOG (widget);

  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), g_variant_get_string (parameter, NULL));
}

static void
sam_role_dialog_dispose (GObject *object)
{
  SamRoleDialog *self = SAM_ROLE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ROLE_DIALOG);
  g_clear_object (&self->undo);
  g_clear_object (&self->assignment);
  g_clear_pointer (&self->group_uuid, g_free);
  g_clear_pointer (&self->prefilled, g_free);

  G_OBJECT_CLASS (sam_role_dialog_parent_class)->dispose (object);
}

static void
sam_role_dialog_class_init (SamRoleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_role_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-role-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, role_group);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, organisation_button);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, appointed_row);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, starts_row);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, ends_row);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SamRoleDialog, error_label);

  gtk_widget_class_install_action (widget_class, "role.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "role.pick-organisation", "s", pick_organisation_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

/* A person already in the register usually represents their own
 * organisation: “Företräder” is filled in with it when empty, and
 * emptied again when the name typed no longer names that person. */
static void
person_changed_cb (SamRoleDialog *self)
{
  g_autofree char *name = NULL;
  g_autofree char *organisation = NULL;
  g_autoptr(SamPerson) person = NULL;
  const char *shown;

  if (self->undo == NULL)
    return;

  name = dup_field (self->person_row);
  if (name != NULL)
    person = sam_store_find_person_by_name (sam_undo_get_store (self->undo), name, NULL);
  if (person != NULL && sam_person_get_organisation_uuid (person) != NULL)
    organisation = sam_rules_dup_organisation_name (sam_undo_get_store (self->undo),
                                                    sam_person_get_organisation_uuid (person));

  shown = gtk_editable_get_text (GTK_EDITABLE (self->organisation_row));
  if (organisation != NULL && *shown == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation);
      g_free (self->prefilled);
      self->prefilled = g_steal_pointer (&organisation);
    }
  else if (organisation == NULL && self->prefilled != NULL && g_strcmp0 (shown, self->prefilled) == 0)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), "");
      g_clear_pointer (&self->prefilled, g_free);
    }
}

static void
sam_role_dialog_init (SamRoleDialog *self)
{
  GtkWidget *flow;

  gtk_widget_init_template (GTK_WIDGET (self));

  /* One choice among five, as grouped toggle buttons: they can be
   * pressed from the keyboard and by assistive technologies alike. */
  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 6);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 6);
  for (guint r = 0; r <= SAM_ROLE_CONTACT_PERSON; r++)
    {
      GtkWidget *button = gtk_toggle_button_new_with_label (sam_role_get_label (r));

      if (r > 0)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), self->role_buttons[0]);
      gtk_flow_box_append (GTK_FLOW_BOX (flow), button);
      /* The button takes the focus, not the flow box's cell around it. */
      gtk_widget_set_focusable (gtk_widget_get_last_child (flow), FALSE);
      self->role_buttons[r] = GTK_TOGGLE_BUTTON (button);
    }
  adw_preferences_group_add (self->role_group, flow);
  gtk_toggle_button_set_active (self->role_buttons[SAM_ROLE_MEMBER], TRUE);
  g_signal_connect_swapped (self->person_row, "changed", G_CALLBACK (person_changed_cb), self);
}

/**
 * sam_role_dialog_new:
 * @undo: the undo history the role is saved in, as one step
 * @group_uuid: the group
 * @assignment_uuid: (nullable): an appointment to edit, or %NULL to add one
 *
 * Returns: (transfer full): a new dialog
 */
SamRoleDialog *
sam_role_dialog_new (SamUndo    *undo,
                     const char *group_uuid,
                     const char *assignment_uuid)
{
  SamRoleDialog *self;
  SamStore *store;
  g_autoptr(GListModel) organisations = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();

  g_return_val_if_fail (SAM_IS_UNDO (undo), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  self = g_object_new (SAM_TYPE_ROLE_DIALOG, NULL);
  store = sam_undo_get_store (undo);
  organisations = sam_store_list_organisations (store, NULL);
  self->undo = g_object_ref (undo);
  self->group_uuid = g_strdup (group_uuid);

  for (guint i = 0; organisations != NULL && i < g_list_model_get_n_items (organisations); i++)
    {
      g_autoptr(SamOrganisation) organisation = g_list_model_get_item (organisations, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (sam_organisation_get_name (organisation), NULL);

      g_menu_item_set_action_and_target (item, "role.pick-organisation", "s", sam_organisation_get_name (organisation));
      g_menu_append_item (menu, item);
    }
  gtk_menu_button_set_menu_model (self->organisation_button, G_MENU_MODEL (menu));

  if (assignment_uuid != NULL)
    self->assignment = sam_store_dup_by_uuid (store, SAM_TYPE_ASSIGNMENT, assignment_uuid, NULL);
  if (self->assignment != NULL)
    {
      g_autofree char *person = sam_rules_dup_person_name (store, sam_assignment_get_person_uuid (self->assignment));
      g_autofree char *organisation = sam_rules_dup_organisation_name (store, sam_assignment_get_organisation_uuid (self->assignment));
      SamAssignment *a = self->assignment;

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Role"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->person_row), person);
      gtk_toggle_button_set_active (self->role_buttons[sam_assignment_get_role (a)], TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation != NULL ? organisation : "");
      gtk_editable_set_text (GTK_EDITABLE (self->appointed_row),
                             sam_assignment_get_appointed_by (a) != NULL ? sam_assignment_get_appointed_by (a) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->starts_row),
                             sam_assignment_get_starts (a) != NULL ? sam_assignment_get_starts (a) : "");
      gtk_editable_set_text (GTK_EDITABLE (self->ends_row),
                             sam_assignment_get_ends (a) != NULL ? sam_assignment_get_ends (a) : "");
    }
  else
    {
      g_autofree char *today = sam_clock_dup_today ();

      gtk_editable_set_text (GTK_EDITABLE (self->starts_row), today);
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->person_row));

  return self;
}

/**
 * sam_role_dialog_set_represents:
 * @self: a dialog adding a role
 * @organisation_name: the organisation the new holder represents
 *
 * Fills in whom the holder represents, for a vacant seat of that
 * organisation.
 */
void
sam_role_dialog_set_represents (SamRoleDialog *self,
                                const char    *organisation_name)
{
  g_return_if_fail (SAM_IS_ROLE_DIALOG (self));

  gtk_editable_set_text (GTK_EDITABLE (self->organisation_row), organisation_name != NULL ? organisation_name : "");
}

/* sam-group-dialog.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-group-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-group-dialog.h"
#include "sam-store-structure.h"

/* Creates a group of any kind, under the selected group or at the top. */
struct _SamGroupDialog
{
  AdwWindow            parent_instance;

  SamUndo             *undo;
  SamGroup            *parent;

  AdwEntryRow         *name_row;
  AdwEntryRow         *code_row;
  AdwComboRow         *kind_row;
  AdwActionRow        *parent_row;
  GtkSwitch           *parent_switch;
  AdwEntryRow         *established_row;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SamGroupDialog, sam_group_dialog, ADW_TYPE_WINDOW)

enum {
  GROUP_CREATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_field (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0' ? g_steal_pointer (&text) : NULL;
}

typedef struct
{
  SamGroup   *group;
  const char *reports_to;   /* the council a new process team reports to, or NULL */
} CreateData;

/* The new group and, for a process team, whom it reports to: one step to
 * undo, and either both are stored or neither. */
static gboolean
create_edit (SamStore  *store,
             gpointer   data,
             GError   **error)
{
  CreateData *create = data;

  if (!sam_store_save (store, create->group, error))
    return FALSE;
  if (create->reports_to != NULL &&
      !sam_store_set_reports_to (store, sam_group_get_uuid (create->group), create->reports_to, error))
    {
      sam_store_delete (store, create->group, NULL);
      return FALSE;
    }

  return TRUE;
}

/* The council @parent is, or the nearest one above it: a process team
 * made there reports to it, rather than warn at once that it reports to
 * no council. */
static char *
dup_council_above (SamStore *store,
                   SamGroup *parent)
{
  g_autoptr(SamGroup) group = parent != NULL ? g_object_ref (parent) : NULL;

  /* A register's parents form no circle, but a bound costs nothing. */
  for (guint depth = 0; group != NULL && depth < 64; depth++)
    {
      SamGroup *above;

      if (sam_group_get_kind (group) == SAM_GROUP_KIND_COUNCIL)
        return g_strdup (sam_group_get_uuid (group));
      if (sam_group_get_parent_uuid (group) == NULL)
        break;
      above = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_group_get_parent_uuid (group), NULL);
      g_set_object (&group, above);
      g_clear_object (&above);
    }

  return NULL;
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamGroupDialog *self = SAM_GROUP_DIALOG (widget);
  SamStore *store = sam_undo_get_store (self->undo);
  g_autoptr(SamGroup) group = sam_group_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *name = dup_field (self->name_row);
  g_autofree char *code = dup_field (self->code_row);
  g_autofree char *established = dup_field (self->established_row);
  g_autofree char *council = NULL;
  SamGroupKind kind = adw_combo_row_get_selected (self->kind_row);
  const char *parent = NULL;
  CreateData create;

  if (self->parent != NULL && gtk_switch_get_active (self->parent_switch))
    parent = sam_group_get_uuid (self->parent);

  g_object_set (group,
                "name", name != NULL ? name : " ",
                "code", code,
                "kind", kind,
                "parent-uuid", parent,
                "established", established,
                NULL);
  if (parent != NULL && kind == SAM_GROUP_KIND_PROCESS_TEAM)
    council = dup_council_above (store, self->parent);
  create.group = group;
  create.reports_to = council;

  if (!sam_store_validate_group (store, group, &error) ||
      !sam_undo_run (self->undo, _("New Group"), create_edit, &create, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      if (name == NULL)
        gtk_widget_add_css_class (GTK_WIDGET (self->name_row), "error");
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      return;
    }

  g_signal_emit (self, signals[GROUP_CREATED], 0, sam_group_get_uuid (group));
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sam_group_dialog_dispose (GObject *object)
{
  SamGroupDialog *self = SAM_GROUP_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_GROUP_DIALOG);
  g_clear_object (&self->undo);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (sam_group_dialog_parent_class)->dispose (object);
}

static void
sam_group_dialog_class_init (SamGroupDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_group_dialog_dispose;

  /**
   * SamGroupDialog::group-created:
   * @uuid: the group that was created
   *
   * Emitted when the new group is stored, just before the dialog closes.
   */
  signals[GROUP_CREATED] = g_signal_new ("group-created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-group-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, parent_switch);
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, established_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupDialog, error_label);

  gtk_widget_class_install_action (widget_class, "group.create", NULL, create_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_group_dialog_init (SamGroupDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i <= SAM_GROUP_KIND_OTHER; i++)
    gtk_string_list_append (kinds, sam_group_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
}

/**
 * sam_group_dialog_new:
 * @undo: the undo history the new group is created in, as one step
 * @parent: (nullable): the selected group, offered as the new group's parent
 *
 * Returns: (transfer full): a new dialog
 */
SamGroupDialog *
sam_group_dialog_new (SamUndo  *undo,
                      SamGroup *parent)
{
  SamGroupDialog *self;

  g_return_val_if_fail (SAM_IS_UNDO (undo), NULL);
  g_return_val_if_fail (parent == NULL || SAM_IS_GROUP (parent), NULL);

  self = g_object_new (SAM_TYPE_GROUP_DIALOG, NULL);
  self->undo = g_object_ref (undo);
  g_set_object (&self->parent, parent);
  gtk_widget_set_visible (GTK_WIDGET (self->parent_row), parent != NULL);
  if (parent != NULL)
    adw_action_row_set_subtitle (self->parent_row, sam_group_get_name (parent));

  /* Under a council one usually adds a subgroup; elsewhere a council. A
   * register is started with the region's top, its management group. */
  if (parent == NULL && sam_store_is_empty (sam_undo_get_store (undo)))
    adw_combo_row_set_selected (self->kind_row, SAM_GROUP_KIND_MANAGEMENT_GROUP);
  else
    adw_combo_row_set_selected (self->kind_row,
                                parent != NULL && sam_group_get_kind (parent) == SAM_GROUP_KIND_COUNCIL
                                ? SAM_GROUP_KIND_SUBGROUP : SAM_GROUP_KIND_COUNCIL);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));

  return self;
}

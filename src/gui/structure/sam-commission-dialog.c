/* sam-commission-dialog.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-commission-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-commission-dialog.h"
#include "sam-store-structure.h"

/* Edits the commission (uppdragshandling) a group works under; saved in
 * one edit when the form is valid, otherwise the form says what is wrong. */
struct _SamCommissionDialog
{
  AdwWindow            parent_instance;

  SamUndo             *undo;
  char                *group_uuid;
  SamCommission       *commission;

  GtkLabel            *error_label;
  AdwEntryRow         *title_row;
  AdwEntryRow         *registry_row;
  AdwEntryRow         *dated_row;
  AdwEntryRow         *revision_row;
  AdwEntryRow         *area_row;
  AdwEntryRow         *commissioner_row;
  AdwEntryRow         *commissionee_row;
  AdwEntryRow         *decision_maker_row;
  AdwEntryRow         *decided_row;
  AdwEntryRow         *min_row;
  AdwEntryRow         *max_row;
  AdwEntryRow         *co_opted_row;
  GtkTextView         *purpose_view;
  GtkTextView         *tasks_view;
  GtkTextView         *decision_rules_view;
  GtkTextView         *distribution_view;
};

G_DEFINE_FINAL_TYPE (SamCommissionDialog, sam_commission_dialog, ADW_TYPE_WINDOW)

typedef struct
{
  gsize       offset;
  const char *property;
} Field;

#define ENTRY(field, property) { G_STRUCT_OFFSET (SamCommissionDialog, field), property }

static const Field entries[] = {
  ENTRY (title_row, "title"),
  ENTRY (registry_row, "registry-number"),
  ENTRY (dated_row, "dated"),
  ENTRY (revision_row, "revision"),
  ENTRY (area_row, "area"),
  ENTRY (commissioner_row, "commissioner"),
  ENTRY (commissionee_row, "commissionee"),
  ENTRY (decision_maker_row, "decision-maker"),
  ENTRY (decided_row, "decided"),
};

static const Field numbers[] = {
  ENTRY (min_row, "min-meetings"),
  ENTRY (max_row, "max-meetings"),
  ENTRY (co_opted_row, "max-co-opted"),
};

static const Field texts[] = {
  ENTRY (purpose_view, "purpose"),
  ENTRY (tasks_view, "tasks"),
  ENTRY (decision_rules_view, "decision-rules"),
  ENTRY (distribution_view, "distribution"),
};

#define FIELD_WIDGET(self, field) (*(gpointer *) G_STRUCT_MEMBER_P (self, (field)->offset))

static void
load (SamCommissionDialog *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (self->commission, entries[i].property, &text, NULL);
      gtk_editable_set_text (FIELD_WIDGET (self, &entries[i]), text != NULL ? text : "");
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      int value = -1;
      g_autofree char *text = NULL;

      g_object_get (self->commission, numbers[i].property, &value, NULL);
      text = value >= 0 ? g_strdup_printf ("%d", value) : g_strdup ("");
      gtk_editable_set_text (FIELD_WIDGET (self, &numbers[i]), text);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (self->commission, texts[i].property, &text, NULL);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (FIELD_WIDGET (self, &texts[i])), text != NULL ? text : "", -1);
    }
}

static void
show_error (SamCommissionDialog *self,
            GtkWidget           *row,
            const char          *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  if (row != NULL)
    {
      gtk_widget_add_css_class (row, "error");
      gtk_widget_grab_focus (row);
    }
}

static gboolean
save_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  return sam_store_save (store, data, error);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamCommissionDialog *self = SAM_COMMISSION_DIALOG (widget);
  SamStore *store = sam_undo_get_store (self->undo);
  g_autoptr(SamCommission) commission = NULL;
  g_autoptr(GError) error = NULL;

  commission = sam_commission_get_uuid (self->commission) != NULL
               ? sam_store_dup_by_uuid (store, SAM_TYPE_COMMISSION, sam_commission_get_uuid (self->commission), NULL)
               : NULL;
  if (commission == NULL)
    {
      commission = sam_commission_new ();
      g_object_set (commission, "group-uuid", self->group_uuid, NULL);
    }

  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    {
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (FIELD_WIDGET (self, &entries[i]))));

      gtk_widget_remove_css_class (FIELD_WIDGET (self, &entries[i]), "error");
      g_object_set (commission, entries[i].property, text, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      GtkWidget *row = FIELD_WIDGET (self, &numbers[i]);
      g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
      guint64 value = 0;

      gtk_widget_remove_css_class (row, "error");
      if (*text != '\0' && (!g_ascii_string_to_unsigned (text, 10, 0, 1000, &value, NULL)))
        {
          show_error (self, row, _("Write a whole number, such as 4, or leave the field empty"));
          return;
        }
      g_object_set (commission, numbers[i].property, *text != '\0' ? (int) value : -1, NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (FIELD_WIDGET (self, &texts[i]));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
      g_object_set (commission, texts[i].property, text, NULL);
    }

  if (!sam_store_validate_commission (store, commission, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }
  if (!sam_undo_run (self->undo, _("Edit Commission"), save_edit, commission, &error))
    {
      show_error (self, NULL, error->message);
      return;
    }

  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sam_commission_dialog_dispose (GObject *object)
{
  SamCommissionDialog *self = SAM_COMMISSION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_COMMISSION_DIALOG);
  g_clear_object (&self->undo);
  g_clear_object (&self->commission);
  g_clear_pointer (&self->group_uuid, g_free);

  G_OBJECT_CLASS (sam_commission_dialog_parent_class)->dispose (object);
}

static void
sam_commission_dialog_class_init (SamCommissionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_commission_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-commission-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, registry_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, dated_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, revision_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, commissioner_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, commissionee_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, decision_maker_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, decided_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, min_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, max_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, co_opted_row);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, purpose_view);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, tasks_view);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, decision_rules_view);
  gtk_widget_class_bind_template_child (widget_class, SamCommissionDialog, distribution_view);

  gtk_widget_class_install_action (widget_class, "commission.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "commission.save", NULL);
}

static void
sam_commission_dialog_init (SamCommissionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_commission_dialog_new:
 * @undo: the undo history the commission is saved in, as one step
 * @group_uuid: the group whose commission to edit (a new one if it has none)
 *
 * Returns: (transfer full): a new dialog
 */
SamCommissionDialog *
sam_commission_dialog_new (SamUndo    *undo,
                           const char *group_uuid)
{
  SamCommissionDialog *self;

  g_return_val_if_fail (SAM_IS_UNDO (undo), NULL);
  g_return_val_if_fail (group_uuid != NULL, NULL);

  self = g_object_new (SAM_TYPE_COMMISSION_DIALOG, NULL);
  self->undo = g_object_ref (undo);
  self->group_uuid = g_strdup (group_uuid);
  self->commission = sam_store_dup_group_commission (sam_undo_get_store (undo), group_uuid, NULL);
  if (self->commission == NULL)
    self->commission = sam_commission_new ();
  load (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));

  return self;
}

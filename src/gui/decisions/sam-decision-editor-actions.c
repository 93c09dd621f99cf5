/* sam-decision-editor-actions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-clock.h"
#include "sam-decision-editor-private.h"
#include "sam-decision-escalation.h"
#include "sam-decision-extract.h"
#include "sam-gui.h"
#include "sam-store-decisions.h"

/* The decision editor's commands: save, register (a correction
 * supersedes what it corrects), correct, withdraw, escalate and answer,
 * the status changes, deleting a draft, and following the links between
 * a decision and its correction. Withdrawing, escalating and answering
 * ask for a reason or an answer in a message dialog first. */

/* Dialogs */

typedef struct
{
  SamDecisionEditor *self;
  GtkDropDown       *topic;
  GtkDropDown       *target;
  GtkLabel          *why;
  GtkEntry          *entry;
  GPtrArray         *targets;
  char              *escalation_uuid;
} DialogData;

static void
dialog_data_free (gpointer data,
                  GClosure *closure)
{
  DialogData *d = data;

  g_clear_object (&d->self);
  g_clear_pointer (&d->targets, g_ptr_array_unref);
  g_free (d->escalation_uuid);
  g_free (d);
}

static GtkWidget *
labelled_entry (const char  *label,
                GtkEntry   **entry_out)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *caption = gtk_label_new_with_mnemonic (label);
  GtkWidget *entry = gtk_entry_new ();

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), entry);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_RELATION_LABELLED_BY, caption, NULL, -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), entry);
  *entry_out = GTK_ENTRY (entry);

  return box;
}

static GtkWidget *
new_dialog (SamDecisionEditor *self,
            const char        *heading,
            const char        *body,
            const char        *accept_id,
            const char        *accept_label,
            AdwResponseAppearance appearance)
{
  GtkWidget *dialog = adw_message_dialog_new (sam_gui_get_parent_window (GTK_WIDGET (self)), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    accept_id, accept_label,
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), accept_id, appearance);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), accept_id);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  return dialog;
}

static void
withdraw_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DialogData       *d)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "withdraw") != 0 || d->self->decision == NULL)
    return;

  if (!sam_store_withdraw_decision (d->self->store, d->self->decision, gtk_editable_get_text (GTK_EDITABLE (d->entry)), &error))
    sam_gui_show_error (GTK_WIDGET (d->self), _("Could Not Withdraw Decision"), error);
  else
    sam_gui_add_toast (GTK_WIDGET (d->self), adw_toast_new (_("Decision withdrawn")));
  _sam_decision_editor_show_decision (d->self);
}

static void
answer_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    DialogData       *d)
{
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "answer") != 0)
    return;

  if (!sam_store_answer_escalation (d->self->store, d->escalation_uuid,
                                    gtk_editable_get_text (GTK_EDITABLE (d->entry)), NULL, &error))
    sam_gui_show_error (GTK_WIDGET (d->self), _("Could Not Record Answer"), error);
  else
    sam_gui_add_toast (GTK_WIDGET (d->self), adw_toast_new (_("Answer recorded")));
  _sam_decision_editor_show_decision (d->self);
}

static void
update_targets (DialogData *d)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  SamEscalationTopic topic = gtk_drop_down_get_selected (d->topic);

  g_clear_pointer (&d->targets, g_ptr_array_unref);
  d->targets = sam_decision_propose_escalation (d->self->store, sam_decision_get_group_uuid (d->self->decision),
                                                topic, NULL, NULL);
  for (guint i = 0; d->targets != NULL && i < d->targets->len; i++)
    {
      SamEscalationTarget *t = g_ptr_array_index (d->targets, i);

      if (i == 0)
        {
          /* Translators: the proposed receiver of an escalation, first in the list */
          g_autofree char *label = g_strdup_printf (_("%s (proposed)"), t->label);

          gtk_string_list_append (labels, label);
        }
      else
        gtk_string_list_append (labels, t->label);
    }
  gtk_drop_down_set_model (d->target, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (d->target, 0);
}

static void
target_changed_cb (GtkDropDown *drop_down,
                   GParamSpec  *pspec,
                   DialogData  *d)
{
  guint i = gtk_drop_down_get_selected (drop_down);

  if (d->targets != NULL && i < d->targets->len)
    gtk_label_set_text (d->why, ((SamEscalationTarget *) g_ptr_array_index (d->targets, i))->why);
  else
    gtk_label_set_text (d->why, "");
}

static void
topic_changed_cb (GtkDropDown *drop_down,
                  GParamSpec  *pspec,
                  DialogData  *d)
{
  update_targets (d);
  target_changed_cb (d->target, NULL, d);
}

static void
escalate_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      DialogData       *d)
{
  g_autoptr(GError) error = NULL;
  guint i = gtk_drop_down_get_selected (d->target);
  SamEscalationTarget *t;

  if (g_strcmp0 (response, "escalate") != 0 || d->self->decision == NULL)
    return;
  if (d->targets == NULL || i >= d->targets->len)
    return;

  t = g_ptr_array_index (d->targets, i);
  if (!sam_store_escalate_decision (d->self->store, d->self->decision, t->to_group_uuid, t->to_other,
                                    gtk_editable_get_text (GTK_EDITABLE (d->entry)), NULL, &error))
    sam_gui_show_error (GTK_WIDGET (d->self), _("Could Not Escalate Decision"), error);
  else
    sam_gui_add_toast (GTK_WIDGET (d->self), adw_toast_new (_("Decision escalated")));
  _sam_decision_editor_show_decision (d->self);
}

static void
open_escalate_dialog (SamDecisionEditor *self)
{
  static const char *topics[] = {
    N_("A question beyond the group’s mandate"),
    N_("Resources or organisation (budget, volumes, premises)"),
    N_("Ways of working across several areas"),
    NULL
  };
  g_autoptr(GtkStringList) topic_labels = gtk_string_list_new (NULL);
  DialogData *d = g_new0 (DialogData, 1);
  GtkWidget *dialog, *box, *caption;

  for (guint i = 0; topics[i] != NULL; i++)
    gtk_string_list_append (topic_labels, _(topics[i]));

  dialog = new_dialog (self, _("Escalate Decision"),
                       _("What no one here may decide goes further along the structure. The proposed receiver comes first; "
                         "the escalation stays open until the answer is recorded."),
                       "escalate", _("_Escalate"), ADW_RESPONSE_SUGGESTED);
  d->self = g_object_ref (self);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  caption = gtk_label_new_with_mnemonic (_("_Kind of question"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  d->topic = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (topic_labels)), NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), GTK_WIDGET (d->topic));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->topic), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of question"), -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->topic));

  caption = gtk_label_new_with_mnemonic (_("Escalate _to"));
  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  d->target = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_label_set_mnemonic_widget (GTK_LABEL (caption), GTK_WIDGET (d->target));
  gtk_accessible_update_property (GTK_ACCESSIBLE (d->target), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Escalate to"), -1);
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->target));

  d->why = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (d->why, TRUE);
  gtk_label_set_xalign (d->why, 0);
  gtk_label_set_max_width_chars (d->why, 50);
  gtk_widget_add_css_class (GTK_WIDGET (d->why), "dim-label");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (d->why));

  gtk_box_append (GTK_BOX (box), labelled_entry (_("_Why no one here may decide it"), &d->entry));
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);

  update_targets (d);
  target_changed_cb (d->target, NULL, d);
  g_signal_connect (d->topic, "notify::selected", G_CALLBACK (topic_changed_cb), d);
  g_signal_connect (d->target, "notify::selected", G_CALLBACK (target_changed_cb), d);
  g_signal_connect_data (dialog, "response", G_CALLBACK (escalate_response_cb), d, dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The row the store's refusal of the form is about, as far as the form
 * can tell: the date, when it lies after today (the store takes no
 * decision dated in the future). The message says what is wrong. */
static GtkWidget *
refused_row (SamDecisionEditor *self)
{
  const char *decided = sam_decision_get_decided (self->decision);
  g_autofree char *today = sam_clock_dup_today ();

  if (decided != NULL && !sam_decision_is_registered (self->decision) && g_strcmp0 (decided, today) > 0)
    return GTK_WIDGET (self->date_row);

  return NULL;
}

/* Actions */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  GtkWidget *row = NULL;

  if (self->decision == NULL)
    return;

  if (!_sam_decision_editor_read_form (self, self->decision, &row, &error))
    {
      _sam_decision_editor_show_error (self, row, error);
      return;
    }
  if (!sam_store_save (self->store, self->decision, &error))
    {
      _sam_decision_editor_show_error (self, refused_row (self), error);
      return;
    }
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Decision saved")));
  _sam_decision_editor_show_decision (self);
}

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  GtkWidget *row = NULL;
  gboolean ok;

  if (self->decision == NULL)
    return;

  if (!_sam_decision_editor_read_form (self, self->decision, &row, &error))
    {
      _sam_decision_editor_show_error (self, row, error);
      return;
    }

  if (self->correction_of != NULL)
    ok = sam_store_supersede_decision (self->store, self->correction_of, self->decision, &error);
  else
    ok = sam_store_register_decision (self->store, self->decision, &error);
  if (!ok)
    {
      _sam_decision_editor_show_error (self, refused_row (self), error);
      return;
    }

  g_clear_object (&self->correction_of);
  number = _sam_decision_editor_dup_number (self, self->decision);
  /* Translators: %s is the new decision number, such as “AOI 2026:7” */
  text = g_strdup_printf (_("Registered as %s"), number);
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (text));
  _sam_decision_editor_show_decision (self);

  /* A decision no one here may take goes on at once. */
  if (sam_decision_get_mandate (self->decision) == SAM_MANDATE_NONE)
    open_escalate_dialog (self);
}

static void
correct_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autoptr(SamDecision) correction = sam_decision_new ();

  if (self->decision == NULL || !sam_decision_is_registered (self->decision))
    return;

  g_object_set (correction,
                "group-uuid", sam_decision_get_group_uuid (self->decision),
                "title", sam_decision_get_title (self->decision),
                "body", sam_decision_get_body (self->decision),
                "mandate", sam_decision_get_mandate (self->decision),
                "responsible", sam_decision_get_responsible (self->decision),
                "follow-up", sam_decision_get_follow_up (self->decision),
                NULL);
  g_set_object (&self->correction_of, self->decision);
  g_set_object (&self->decision, correction);
  _sam_decision_editor_show_decision (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

static void
withdraw_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  DialogData *d = g_new0 (DialogData, 1);
  GtkWidget *dialog;

  dialog = new_dialog (self, _("Withdraw Decision?"),
                       _("The decision stays in the register with its number and wording, marked as withdrawn with the reason."),
                       "withdraw", _("_Withdraw"), ADW_RESPONSE_DESTRUCTIVE);
  d->self = g_object_ref (self);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), labelled_entry (_("_Reason"), &d->entry));
  g_signal_connect_data (dialog, "response", G_CALLBACK (withdraw_response_cb), d, dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
extract_response_cb (GtkNativeDialog *native,
                     int              response,
                     gpointer         user_data)
{
  g_autoptr(SamDecisionEditor) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL || self->decision == NULL)
    return;

  if (!g_str_has_suffix (path, ".pdf"))
    {
      char *with_extension = g_strconcat (path, ".pdf", NULL);

      g_free (path);
      path = with_extension;
    }
  if (!sam_decision_extract_write (self->store, sam_decision_get_uuid (self->decision), path, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save Extract"), error);
      return;
    }
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Extract from the minutes saved")));
}

/* The extract from the minutes of the decision shown, as a PDF to send to
 * those it concerns. */
static void
export_extract_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  g_autofree char *number = NULL;
  GtkFileChooserNative *native;

  if (self->decision == NULL || sam_decision_get_serial (self->decision) <= 0)
    return;

  native = gtk_file_chooser_native_new (_("Save Extract from the Minutes"), sam_gui_get_parent_window (widget),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name of an extract; %d and %d are the
   * decision's year and serial */
  name = g_strdup_printf (_("extract-%d-%d.pdf"), sam_decision_get_year (self->decision),
                          sam_decision_get_serial (self->decision));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (extract_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
escalate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);

  if (self->decision != NULL)
    open_escalate_dialog (self);
}

static void
answer_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  DialogData *d = g_new0 (DialogData, 1);
  GtkWidget *dialog;

  dialog = new_dialog (self, _("Record Answer"),
                       _("What did the receiving body answer? Recording it closes the escalation."),
                       "answer", _("_Record"), ADW_RESPONSE_SUGGESTED);
  d->self = g_object_ref (self);
  d->escalation_uuid = g_variant_dup_string (parameter, NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), labelled_entry (_("_Answer"), &d->entry));
  g_signal_connect_data (dialog, "response", G_CALLBACK (answer_response_cb), d, dialog_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
set_status_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autoptr(GError) error = NULL;
  int status;

  if (self->decision == NULL ||
      !sam_enum_from_nick (SAM_TYPE_DECISION_STATUS, g_variant_get_string (parameter, NULL), &status))
    return;

  if (!sam_store_set_decision_status (self->store, self->decision, status, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Change Status"), error);
  _sam_decision_editor_show_decision (self);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autoptr(GError) error = NULL;

  if (self->decision == NULL)
    return;
  if (!sam_store_delete (self->store, self->decision, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Delete Draft"), error);
      return;
    }
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("Draft deleted")));
  sam_decision_editor_set_decision (self, NULL);
}

static void
show_supersedes_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autofree char *uuid = g_strdup (self->supersedes_uuid);

  if (uuid != NULL)
    sam_decision_editor_show_uuid (self, uuid);
}

static void
show_superseded_by_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (widget);
  g_autofree char *uuid = g_strdup (self->superseded_by_uuid);

  if (uuid != NULL)
    sam_decision_editor_show_uuid (self, uuid);
}

/**
 * _sam_decision_editor_install_actions:
 * @widget_class: the editor's class
 *
 * Installs the editor's actions and their keys.
 */
void
_sam_decision_editor_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "decision.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "decision.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "decision.correct", NULL, correct_action);
  gtk_widget_class_install_action (widget_class, "decision.withdraw", NULL, withdraw_action);
  gtk_widget_class_install_action (widget_class, "decision.escalate", NULL, escalate_action);
  gtk_widget_class_install_action (widget_class, "decision.export-extract", NULL, export_extract_action);
  gtk_widget_class_install_action (widget_class, "decision.answer", "s", answer_action);
  gtk_widget_class_install_action (widget_class, "decision.set-status", "s", set_status_action);
  gtk_widget_class_install_action (widget_class, "decision.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "decision.show-supersedes", NULL, show_supersedes_action);
  gtk_widget_class_install_action (widget_class, "decision.show-superseded-by", NULL, show_superseded_by_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "decision.save", NULL);
}

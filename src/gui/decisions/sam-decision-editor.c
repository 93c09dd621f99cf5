/* sam-decision-editor.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-editor"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sam-calendar.h"
#include "sam-clock.h"
#include "sam-decision-editor-private.h"

/*
 * One decision, viewed and edited. A draft is edited freely; Register
 * gives it its number and from then on the store keeps its wording fixed,
 * so the form turns read-only except for who is responsible and when it
 * is followed up. A correction starts as a copy of a registered decision
 * and is registered as a new decision that supersedes it; the form then
 * shows what changed, word by word. Escalations (to whom, why, the
 * answer) and the history from the audit log are listed below.
 */

G_DEFINE_FINAL_TYPE (SamDecisionEditor, sam_decision_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static const char *
group_code (SamDecisionEditor *self,
            const char        *uuid)
{
  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (self->groups, i);

      if (g_strcmp0 (sam_group_get_uuid (group), uuid) == 0)
        return sam_group_get_code (group) != NULL ? sam_group_get_code (group) : sam_group_get_name (group);
    }

  return NULL;
}

/**
 * _sam_decision_editor_dup_number:
 * @self: an editor
 * @decision: a decision
 *
 * Returns: (transfer full) (nullable): @decision's number with its
 *   group's code, such as “AOI 2026:7”, or %NULL for a draft
 */
char *
_sam_decision_editor_dup_number (SamDecisionEditor *self,
                                 SamDecision       *decision)
{
  return sam_decision_format_number (decision, group_code (self, sam_decision_get_group_uuid (decision)));
}

/* The group row lists "No group chosen" first, then the groups: a new
 * draft made while the register shows all groups belongs to none until
 * the user says which. */
static void
load_groups (SamDecisionEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);

  gtk_string_list_append (names, _("No group chosen"));
  g_clear_object (&self->groups);
  self->groups = sam_store_list_groups (self->store, NULL);
  for (guint i = 0; self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (self->groups, i);
      g_autofree char *label = NULL;

      if (sam_group_get_code (group) != NULL)
        label = g_strdup_printf ("%s — %s", sam_group_get_code (group), sam_group_get_name (group));
      else
        label = g_strdup (sam_group_get_name (group));
      gtk_string_list_append (names, label);
    }
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (names));
}

/**
 * _sam_decision_editor_read_form:
 * @self: an editor
 * @decision: the decision to fill
 * @invalid_row: (out) (transfer none): where the row that is wrong is
 *   put, when there is one
 * @error: return location for an error
 *
 * Copies the form into @decision: all of it into a draft, only who is
 * responsible and the follow-up date into a registered decision.
 *
 * Returns: %FALSE, with @error set and @invalid_row pointing at the row,
 *   if a date is wrong or a draft has no group
 */
gboolean
_sam_decision_editor_read_form (SamDecisionEditor  *self,
                                SamDecision        *decision,
                                GtkWidget         **invalid_row,
                                GError            **error)
{
  const char *decided = gtk_editable_get_text (GTK_EDITABLE (self->date_row));
  const char *follow_up = gtk_editable_get_text (GTK_EDITABLE (self->follow_up_row));
  const char *responsible = gtk_editable_get_text (GTK_EDITABLE (self->responsible_row));
  guint group = adw_combo_row_get_selected (self->group_row);
  g_autoptr(SamGroup) group_item = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  g_autofree char *body = NULL;

  *invalid_row = NULL;
  if (*decided != '\0' && !sam_calendar_parse_iso (decided, NULL))
    {
      g_autofree char *why = sam_calendar_explain_not_a_date (decided);

      *invalid_row = GTK_WIDGET (self->date_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, why);
      return FALSE;
    }
  if (*follow_up != '\0' && !sam_calendar_parse_iso (follow_up, NULL))
    {
      g_autofree char *why = sam_calendar_explain_not_a_date (follow_up);

      *invalid_row = GTK_WIDGET (self->follow_up_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, why);
      return FALSE;
    }

  if (sam_decision_is_registered (decision))
    {
      g_object_set (decision,
                    "responsible", *responsible != '\0' ? responsible : NULL,
                    "follow-up", *follow_up != '\0' ? follow_up : NULL,
                    NULL);
      return TRUE;
    }

  if (self->groups != NULL && group != GTK_INVALID_LIST_POSITION && group > 0)
    group_item = g_list_model_get_item (self->groups, group - 1);
  if (group_item == NULL)
    {
      *invalid_row = GTK_WIDGET (self->group_row);
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Choose the group the decision belongs to"));
      return FALSE;
    }

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  body = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_object_set (decision,
                "group-uuid", sam_group_get_uuid (group_item),
                "title", gtk_editable_get_text (GTK_EDITABLE (self->title_row)),
                "decided", *decided != '\0' ? decided : NULL,
                "mandate", (SamMandate) adw_combo_row_get_selected (self->mandate_row),
                "responsible", *responsible != '\0' ? responsible : NULL,
                "follow-up", *follow_up != '\0' ? follow_up : NULL,
                "body", *body != '\0' ? body : NULL,
                NULL);

  return TRUE;
}

/**
 * _sam_decision_editor_show_error:
 * @self: an editor
 * @row: (nullable): the row of the form that is wrong, or %NULL
 * @error: why the form could not be saved or registered
 *
 * Shows @error under the form, where it was filled in, and marks @row.
 */
void
_sam_decision_editor_show_error (SamDecisionEditor *self,
                                 GtkWidget         *row,
                                 const GError      *error)
{
  _sam_decision_editor_clear_error (self);
  if (row != NULL)
    {
      self->error_row = row;
      gtk_widget_add_css_class (row, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/**
 * _sam_decision_editor_clear_error:
 * @self: an editor
 *
 * Takes away what _sam_decision_editor_show_error() showed.
 */
void
_sam_decision_editor_clear_error (SamDecisionEditor *self)
{
  if (self->error_row != NULL)
    {
      gtk_widget_remove_css_class (self->error_row, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->error_row), GTK_ACCESSIBLE_STATE_INVALID);
      self->error_row = NULL;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* GObject */

static void
sam_decision_editor_constructed (GObject *object)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (object);
  g_autoptr(GtkStringList) mandates = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sam_decision_editor_parent_class)->constructed (object);

  for (int m = SAM_MANDATE_LINE_MANDATES; m <= SAM_MANDATE_NONE; m++)
    gtk_string_list_append (mandates, sam_mandate_get_label (m));
  adw_combo_row_set_model (self->mandate_row, G_LIST_MODEL (mandates));
  if (self->store != NULL)
    load_groups (self);
  _sam_decision_editor_show_decision (self);
}

static void
sam_decision_editor_dispose (GObject *object)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (object);

  /* AdwBin unparents its child itself: let it, before the pointers go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  g_clear_object (&self->decision);
  g_clear_object (&self->correction_of);
  g_clear_object (&self->groups);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_decision_editor_parent_class)->dispose (object);
}

static void
sam_decision_editor_finalize (GObject *object)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (object);

  g_ptr_array_unref (self->dynamic_rows);
  g_free (self->supersedes_uuid);
  g_free (self->superseded_by_uuid);

  G_OBJECT_CLASS (sam_decision_editor_parent_class)->finalize (object);
}

static void
sam_decision_editor_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_decision_editor_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  SamDecisionEditor *self = SAM_DECISION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      if (g_set_object (&self->store, g_value_get_object (value)))
        {
          g_clear_object (&self->decision);
          g_clear_object (&self->correction_of);
          if (self->store != NULL && self->mandate_row != NULL)
            load_groups (self);
          if (self->stack != NULL)
            _sam_decision_editor_show_decision (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_decision_editor_class_init (SamDecisionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = sam_decision_editor_constructed;
  object_class->dispose = sam_decision_editor_dispose;
  object_class->finalize = sam_decision_editor_finalize;
  object_class->get_property = sam_decision_editor_get_property;
  object_class->set_property = sam_decision_editor_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samordna/Samordna/ui/sam-decision-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, button_box);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, heading_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, link_box);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, supersedes_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, superseded_by_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, group_row);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, date_row);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, mandate_row);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, responsible_row);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, body_view);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, withdrawn_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, save_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, register_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, correct_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, escalate_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, extract_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, implementing_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, implemented_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, withdraw_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, diff_group);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, diff_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, escalation_group);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionEditor, history_group);

  _sam_decision_editor_install_actions (widget_class);
}

static void
sam_decision_editor_init (SamDecisionEditor *self)
{
  self->dynamic_rows = g_ptr_array_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The buttons wrap in a flow box, whose cells would take the focus too:
   * a Tab stop before each button that a screen reader reads as nothing. */
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->button_box));
       cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_widget_set_focusable (cell, FALSE);
}

/* Public API */

/**
 * sam_decision_editor_set_decision:
 * @self: a #SamDecisionEditor
 * @decision: (nullable): the decision to show, or %NULL for none
 *
 * Shows @decision, a draft to edit or a registered decision to view.
 */
void
sam_decision_editor_set_decision (SamDecisionEditor *self,
                                  SamDecision       *decision)
{
  g_return_if_fail (SAM_IS_DECISION_EDITOR (self));

  g_clear_object (&self->correction_of);
  g_set_object (&self->decision, decision);
  _sam_decision_editor_show_decision (self);
}

/**
 * sam_decision_editor_get_decision:
 * @self: a #SamDecisionEditor
 *
 * Returns: (transfer none) (nullable): the decision shown
 */
SamDecision *
sam_decision_editor_get_decision (SamDecisionEditor *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_EDITOR (self), NULL);

  return self->decision;
}

/**
 * sam_decision_editor_new_draft:
 * @self: a #SamDecisionEditor
 * @group_uuid: (nullable): the group to propose, or %NULL for none
 *
 * Starts a new, unsaved draft dated today. Without a group, the form
 * asks for one: none is picked for the user.
 */
void
sam_decision_editor_new_draft (SamDecisionEditor *self,
                               const char        *group_uuid)
{
  g_autoptr(SamDecision) draft = sam_decision_new ();
  g_autofree char *today = sam_clock_dup_today ();

  g_return_if_fail (SAM_IS_DECISION_EDITOR (self));

  g_object_set (draft, "group-uuid", group_uuid, "decided", today, NULL);
  sam_decision_editor_set_decision (self, draft);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * sam_decision_editor_show_uuid:
 * @self: a #SamDecisionEditor
 * @uuid: a decision's UUID
 *
 * Reads the decision with @uuid from the store and shows it.
 */
void
sam_decision_editor_show_uuid (SamDecisionEditor *self,
                               const char        *uuid)
{
  g_autoptr(SamDecision) decision = NULL;

  g_return_if_fail (SAM_IS_DECISION_EDITOR (self));

  decision = sam_store_dup_by_uuid (self->store, SAM_TYPE_DECISION, uuid, NULL);
  if (decision != NULL)
    sam_decision_editor_set_decision (self, decision);
}

/**
 * sam_decision_editor_is_editing:
 * @self: a #SamDecisionEditor
 *
 * Returns: whether the editor holds a draft or correction not yet saved,
 *   which a change of selection should not replace
 */
gboolean
sam_decision_editor_is_editing (SamDecisionEditor *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_EDITOR (self), FALSE);

  return self->decision != NULL && (self->correction_of != NULL || sam_decision_get_uuid (self->decision) == NULL);
}

/**
 * sam_decision_editor_reload:
 * @self: a #SamDecisionEditor
 *
 * Reads the shown decision and the groups again, after the register
 * changed elsewhere.
 */
void
sam_decision_editor_reload (SamDecisionEditor *self)
{
  g_return_if_fail (SAM_IS_DECISION_EDITOR (self));

  /* A draft being typed is not thrown away by a change elsewhere. */
  if (sam_decision_editor_is_editing (self))
    return;

  load_groups (self);
  if (self->decision != NULL && sam_decision_get_uuid (self->decision) != NULL && self->correction_of == NULL)
    {
      g_autoptr(SamDecision) fresh = sam_store_dup_by_uuid (self->store, SAM_TYPE_DECISION,
                                                            sam_decision_get_uuid (self->decision), NULL);

      g_set_object (&self->decision, fresh);
    }
  _sam_decision_editor_show_decision (self);
}

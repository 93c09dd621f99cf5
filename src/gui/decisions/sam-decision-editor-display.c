/* sam-decision-editor-display.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-decision-editor-private.h"
#include "sam-decision-text.h"
#include "sam-store-decisions.h"

/* Showing a decision: the heading and status, the form, which buttons a
 * decision in its status offers, the links to the decision it corrects
 * and to its correction, the words a correction changed, and the rows of
 * its escalations and of its history, which are made anew each time. */

/* The group's row in the group row's list, after "No group chosen" */
static guint
group_position (SamDecisionEditor *self,
                const char        *uuid)
{
  for (guint i = 0; uuid != NULL && self->groups != NULL && i < g_list_model_get_n_items (self->groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (self->groups, i);

      if (g_strcmp0 (sam_group_get_uuid (group), uuid) == 0)
        return i + 1;
    }

  return 0;
}

static void
clear_dynamic_rows (SamDecisionEditor *self)
{
  for (guint i = 0; i < self->dynamic_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->dynamic_rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static GtkWidget *
add_row (SamDecisionEditor   *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, row);

  return row;
}

static char *
local_time (const char *utc)
{
  g_autoptr(GDateTime) time = utc != NULL ? g_date_time_new_from_iso8601 (utc, NULL) : NULL;
  g_autoptr(GDateTime) local = time != NULL ? g_date_time_to_local (time) : NULL;

  return local != NULL ? g_date_time_format (local, "%Y-%m-%d %H:%M") : g_strdup (utc);
}

static const char *
event_label (SamDecisionEvent *event)
{
  gboolean escalation = g_strcmp0 (event->entity, "escalation") == 0;

  if (escalation && g_strcmp0 (event->action, "answer") == 0)
    return _("Answer to the escalation recorded");
  if (escalation)
    return _("Escalation recorded");
  if (g_strcmp0 (event->action, "insert") == 0)
    return _("Draft created");
  if (g_strcmp0 (event->action, "update") == 0)
    return _("Saved");
  if (g_strcmp0 (event->action, "register") == 0)
    return _("Registered");
  if (g_strcmp0 (event->action, "supersede") == 0)
    return _("Superseded by a correction");
  if (g_strcmp0 (event->action, "withdraw") == 0)
    return _("Withdrawn");
  if (g_strcmp0 (event->action, "escalate") == 0)
    return _("Escalated");
  if (g_strcmp0 (event->action, "import") == 0)
    return _("Imported");

  return _("Status changed");
}

static const char *
status_label (const char *nick)
{
  int value;

  if (nick == NULL || !sam_enum_from_nick (SAM_TYPE_DECISION_STATUS, nick, &value))
    return NULL;
  return sam_decision_status_get_label (value);
}

static void
show_history (SamDecisionEditor *self)
{
  const char *uuid = sam_decision_get_uuid (self->decision);
  g_autoptr(GPtrArray) events = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->history_group), uuid != NULL);
  if (uuid == NULL || (events = sam_store_list_decision_events (self->store, uuid, NULL)) == NULL)
    return;

  for (guint i = 0; i < events->len; i++)
    {
      SamDecisionEvent *event = g_ptr_array_index (events, i);
      g_autofree char *when = local_time (event->at);
      g_autofree char *title = g_strdup_printf ("%s — %s", when, event_label (event));
      g_autoptr(GString) subtitle = g_string_new (event->who);
      const char *before = status_label (event->status_before);
      const char *after = status_label (event->status_after);

      if (after != NULL && g_strcmp0 (event->status_before, event->status_after) != 0)
        {
          /* Translators: a status change in a decision's history, “Decided → Escalated” */
          g_string_append_printf (subtitle, " · %s → %s", before != NULL ? before : "—", after);
        }
      if (event->note != NULL)
        g_string_append_printf (subtitle, " · %s", event->note);
      add_row (self, self->history_group, title, subtitle->str);
    }
}

static void
show_escalations (SamDecisionEditor *self,
                  gboolean          *has_escalation)
{
  const char *uuid = sam_decision_get_uuid (self->decision);
  g_autoptr(GPtrArray) escalations = NULL;

  *has_escalation = FALSE;
  if (uuid == NULL || (escalations = sam_store_list_escalations (self->store, uuid, NULL)) == NULL ||
      escalations->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->escalation_group), FALSE);
      return;
    }

  *has_escalation = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->escalation_group), TRUE);
  for (guint i = 0; i < escalations->len; i++)
    {
      SamEscalation *e = g_ptr_array_index (escalations, i);
      const char *to = e->to_other != NULL ? e->to_other : e->to_group_name;
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (e->to_other != NULL && e->to_group_name != NULL)
        title = g_strdup_printf (_("%s: to %s (%s)"), e->escalated, e->to_other, e->to_group_name);
      else
        title = g_strdup_printf (_("%s: to %s"), e->escalated, to);
      if (e->answered != NULL)
        subtitle = g_strdup_printf (_("Why: %s\nAnswer %s: %s"), e->reason, e->answered, e->answer);
      else
        subtitle = g_strdup_printf (_("Why: %s\nWaiting for an answer"), e->reason);
      row = add_row (self, self->escalation_group, title, subtitle);

      if (e->answered == NULL)
        {
          GtkWidget *button = gtk_button_new_with_mnemonic (_("_Answer…"));

          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "decision.answer");
          gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", e->uuid);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
    }
}

static void
set_text (AdwEntryRow *row,
          const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
}

static void
set_link (GtkButton   *button,
          char       **stored_uuid,
          const char  *uuid,
          const char  *label)
{
  g_free (*stored_uuid);
  *stored_uuid = g_strdup (uuid);
  gtk_widget_set_visible (GTK_WIDGET (button), uuid != NULL);
  if (uuid != NULL)
    gtk_button_set_label (GTK_BUTTON (button), label);
}

static void
show_links (SamDecisionEditor *self)
{
  const char *supersedes = sam_decision_get_supersedes_uuid (self->decision);
  g_autoptr(SamDecision) old = NULL;
  g_autoptr(SamDecision) successor = NULL;
  g_autofree char *old_number = NULL;
  g_autofree char *new_number = NULL;

  if (self->correction_of != NULL)
    old = g_object_ref (self->correction_of);
  else if (supersedes != NULL)
    old = sam_store_dup_by_uuid (self->store, SAM_TYPE_DECISION, supersedes, NULL);
  if (sam_decision_get_uuid (self->decision) != NULL)
    successor = sam_store_dup_superseding_decision (self->store, sam_decision_get_uuid (self->decision), NULL);

  if (old != NULL)
    old_number = _sam_decision_editor_dup_number (self, old);
  if (successor != NULL)
    new_number = _sam_decision_editor_dup_number (self, successor);

  {
    /* Translators: a button that opens the decision this one corrects */
    g_autofree char *old_label = g_strdup_printf (_("Supersedes %s"), old_number != NULL ? old_number : "");
    /* Translators: a button that opens the correction of this decision */
    g_autofree char *new_label = g_strdup_printf (_("Superseded by %s"), new_number != NULL ? new_number : "");

    set_link (self->supersedes_button, &self->supersedes_uuid, old != NULL ? sam_decision_get_uuid (old) : NULL,
              old_label);
    set_link (self->superseded_by_button, &self->superseded_by_uuid,
              successor != NULL ? sam_decision_get_uuid (successor) : NULL, new_label);
  }
  gtk_widget_set_visible (self->link_box, old != NULL || successor != NULL);

  gtk_widget_set_visible (GTK_WIDGET (self->diff_group), old != NULL && self->correction_of == NULL);
  if (old != NULL && self->correction_of == NULL)
    {
      g_autofree char *old_text = g_strconcat (sam_decision_get_title (old), "\n\n",
                                               sam_decision_get_body (old) != NULL ? sam_decision_get_body (old) : "",
                                               NULL);
      g_autofree char *new_text = g_strconcat (sam_decision_get_title (self->decision), "\n\n",
                                               sam_decision_get_body (self->decision) != NULL
                                                 ? sam_decision_get_body (self->decision) : "",
                                               NULL);
      g_autofree char *markup = sam_word_diff_markup (old_text, new_text,
                                                      "<span strikethrough=\"true\" foreground=\"#c01c28\">",
                                                      "</span>",
                                                      "<span underline=\"single\" foreground=\"#26a269\">",
                                                      "</span>");

      gtk_label_set_markup (self->diff_label, markup);
    }
}

/* The buttons sit in a flow box, which wraps each in a child of its own:
 * hide that, or a hidden button leaves a gap. */
static void
show_button (GtkWidget *button,
             gboolean   visible)
{
  gtk_widget_set_visible (button, visible);
  gtk_widget_set_visible (gtk_widget_get_parent (button), visible);
}

/**
 * _sam_decision_editor_show_decision:
 * @self: an editor
 *
 * Fills the form, the buttons and the lists below from the decision
 * shown, or shows the empty page when there is none.
 */
void
_sam_decision_editor_show_decision (SamDecisionEditor *self)
{
  SamDecisionStatus status;
  gboolean draft, closed, has_escalation = FALSE;
  g_autofree char *number = NULL;
  g_autofree char *heading = NULL;
  const char *withdrawn;
  GtkTextBuffer *buffer;

  clear_dynamic_rows (self);
  _sam_decision_editor_clear_error (self);
  if (self->decision == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "decision");

  status = sam_decision_get_status (self->decision);
  draft = status == SAM_DECISION_STATUS_DRAFT;
  closed = status == SAM_DECISION_STATUS_WITHDRAWN || status == SAM_DECISION_STATUS_SUPERSEDED;
  number = _sam_decision_editor_dup_number (self, self->decision);

  if (number != NULL)
    heading = g_strdup_printf ("%s  %s", number, sam_decision_get_title (self->decision));
  else if (self->correction_of != NULL)
    heading = g_strdup (_("Correction (Draft)"));
  else if (sam_decision_get_uuid (self->decision) == NULL)
    heading = g_strdup (_("New Draft"));
  else
    heading = g_strdup (_("Draft"));
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->status_label, sam_decision_status_get_label (status));

  adw_combo_row_set_selected (self->group_row, group_position (self, sam_decision_get_group_uuid (self->decision)));
  set_text (self->title_row, sam_decision_get_title (self->decision));
  set_text (self->date_row, sam_decision_get_decided (self->decision));
  adw_combo_row_set_selected (self->mandate_row, sam_decision_get_mandate (self->decision));
  set_text (self->responsible_row, sam_decision_get_responsible (self->decision));
  set_text (self->follow_up_row, sam_decision_get_follow_up (self->decision));
  buffer = gtk_text_view_get_buffer (self->body_view);
  gtk_text_buffer_set_text (buffer, sam_decision_get_body (self->decision) != NULL
                                      ? sam_decision_get_body (self->decision) : "", -1);

  /* The wording is fixed once registered: the store refuses changes, and
   * the form does not offer them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->group_row), draft && self->correction_of == NULL);
  gtk_editable_set_editable (GTK_EDITABLE (self->title_row), draft);
  gtk_editable_set_editable (GTK_EDITABLE (self->date_row), draft);
  gtk_widget_set_sensitive (GTK_WIDGET (self->mandate_row), draft);
  gtk_text_view_set_editable (self->body_view, draft);
  gtk_text_view_set_cursor_visible (self->body_view, draft);
  gtk_editable_set_editable (GTK_EDITABLE (self->responsible_row), !closed);
  gtk_editable_set_editable (GTK_EDITABLE (self->follow_up_row), !closed);

  show_button (self->save_button, !closed);
  show_button (self->register_button, draft);
  gtk_button_set_label (GTK_BUTTON (self->register_button),
                        self->correction_of != NULL ? _("_Register Correction") : _("_Register"));
  show_button (self->correct_button, !draft && !closed);
  show_button (self->escalate_button, !draft && !closed);
  show_button (self->implementing_button, !draft && !closed && status != SAM_DECISION_STATUS_IN_IMPLEMENTATION);
  show_button (self->implemented_button, !draft && !closed && status != SAM_DECISION_STATUS_IMPLEMENTED);
  /* Any registered decision, withdrawn or superseded ones too, was made
   * at a meeting whose minutes can be extracted. */
  show_button (self->extract_button, !draft);
  show_button (self->withdraw_button, !draft && !closed);
  show_button (self->delete_button, draft && sam_decision_get_uuid (self->decision) != NULL);

  withdrawn = sam_decision_get_withdrawn_reason (self->decision);
  gtk_widget_set_visible (GTK_WIDGET (self->withdrawn_label), withdrawn != NULL);
  if (withdrawn != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Withdrawn because: %s"), withdrawn);

      gtk_label_set_text (self->withdrawn_label, text);
    }

  show_links (self);
  show_escalations (self, &has_escalation);
  show_history (self);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label),
                          sam_decision_get_mandate (self->decision) == SAM_MANDATE_NONE && !has_escalation && !closed);
}

/* sam-decision-editor-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-decision-editor.h"

G_BEGIN_DECLS

struct _SamDecisionEditor
{
  AdwBin                parent_instance;

  SamStore             *store;
  SamDecision          *decision;
  SamDecision          *correction_of;
  GtkFlowBox           *button_box;
  GListModel           *groups;
  GPtrArray            *dynamic_rows;  /* rows added to the groups below */

  GtkStack             *stack;
  GtkLabel             *heading_label;
  GtkLabel             *status_label;
  GtkLabel             *warning_label;
  GtkWidget            *link_box;
  GtkButton            *supersedes_button;
  GtkButton            *superseded_by_button;
  AdwComboRow          *group_row;
  AdwEntryRow          *title_row;
  AdwEntryRow          *date_row;
  AdwComboRow          *mandate_row;
  AdwEntryRow          *responsible_row;
  AdwEntryRow          *follow_up_row;
  GtkLabel             *error_label;
  GtkWidget            *error_row;     /* the row the error is about, or NULL */
  GtkTextView          *body_view;
  GtkLabel             *withdrawn_label;
  GtkWidget            *save_button;
  GtkWidget            *register_button;
  GtkWidget            *correct_button;
  GtkWidget            *escalate_button;
  GtkWidget            *implementing_button;
  GtkWidget            *implemented_button;
  GtkWidget            *extract_button;
  GtkWidget            *withdraw_button;
  GtkWidget            *delete_button;
  AdwPreferencesGroup  *diff_group;
  GtkLabel             *diff_label;
  AdwPreferencesGroup  *escalation_group;
  AdwPreferencesGroup  *history_group;

  char                 *supersedes_uuid;
  char                 *superseded_by_uuid;
};

/* sam-decision-editor.c */
char     *_sam_decision_editor_dup_number      (SamDecisionEditor  *self,
                                                SamDecision        *decision);
gboolean  _sam_decision_editor_read_form       (SamDecisionEditor  *self,
                                                SamDecision        *decision,
                                                GtkWidget         **invalid_row,
                                                GError            **error);
void      _sam_decision_editor_show_error      (SamDecisionEditor  *self,
                                                GtkWidget          *row,
                                                const GError       *error);
void      _sam_decision_editor_clear_error     (SamDecisionEditor  *self);

/* sam-decision-editor-display.c */
void      _sam_decision_editor_show_decision   (SamDecisionEditor  *self);

/* sam-decision-editor-actions.c */
void      _sam_decision_editor_install_actions (GtkWidgetClass     *widget_class);

G_END_DECLS

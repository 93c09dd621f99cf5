/* sam-decisions-page-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-decision-editor.h"
#include "sam-decision-watch-list.h"
#include "sam-decisions-page.h"

G_BEGIN_DECLS

struct _SamDecisionsPage
{
  AdwBin               parent_instance;

  SamStore            *store;
  SamDecisionList     *list;
  SamDecisionWatchList *follow_up;    /* read when its view is first shown */
  SamDecisionWatchList *escalations;  /* likewise */
  GtkSingleSelection  *selection;
  GHashTable          *codes;        /* group uuid -> code */
  GListModel          *groups_read;  /* read for the codes, for the group filter next */
  GPtrArray           *group_uuids;  /* per group drop-down position - 1 */
  GArray              *years;        /* per year drop-down position - 1 */
  gboolean             store_changing;
  gboolean             updating_filters;

  GtkSearchEntry      *search_entry;
  GtkDropDown         *group_dropdown;
  GtkDropDown         *year_dropdown;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *mandate_dropdown;
  GtkStack            *view_stack;
  GtkColumnView       *column_view;
  GtkStack            *follow_up_stack;
  GtkSpinner          *follow_up_spinner;
  GtkListView         *follow_up_list;
  GtkLabel            *follow_up_empty;
  GtkStack            *escalation_stack;
  GtkSpinner          *escalation_spinner;
  GtkListView         *escalation_list;
  GtkLabel            *escalation_empty;
  GtkLabel            *count_label;
  GtkWidget           *table_window;    /* hidden when a search finds nothing */
  AdwStatusPage       *no_matches;
  SamDecisionEditor   *editor;
};

/* sam-decisions-page.c */
const char *_sam_decisions_page_get_group_code     (SamDecisionsPage *self,
                                                    const char       *group_uuid);
const char *_sam_decisions_page_get_selected_group (SamDecisionsPage *self);
int         _sam_decisions_page_get_selected_year  (SamDecisionsPage *self);

/* sam-decisions-page-actions.c */
void        _sam_decisions_page_install_actions    (GtkWidgetClass   *widget_class);

G_END_DECLS

/* sam-gui-types.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-gui"

#include "config.h"

#include "sam-agenda-item-editor.h"
#include "sam-chart-pane.h"
#include "sam-chart-view.h"
#include "sam-commission-dialog.h"
#include "sam-decision-editor.h"
#include "sam-decisions-page.h"
#include "sam-group-dialog.h"
#include "sam-group-editor.h"
#include "sam-gui-types.h"
#include "sam-meeting-editor.h"
#include "sam-meetings-page.h"
#include "sam-move-dialog.h"
#include "sam-organisation-page.h"
#include "sam-people-window.h"
#include "sam-plan-year-dialog.h"
#include "sam-role-dialog.h"
#include "sam-terms-window.h"
#include "sam-window.h"

/**
 * sam_gui_ensure_types:
 *
 * Registers every widget class that has a template, so a template or a
 * builder file can name it.
 */
void
sam_gui_ensure_types (void)
{
  g_type_ensure (SAM_TYPE_WINDOW);
  g_type_ensure (SAM_TYPE_CHART_VIEW);
  g_type_ensure (SAM_TYPE_CHART_PANE);
  g_type_ensure (SAM_TYPE_ORGANISATION_PAGE);
  g_type_ensure (SAM_TYPE_GROUP_DIALOG);
  g_type_ensure (SAM_TYPE_GROUP_EDITOR);
  g_type_ensure (SAM_TYPE_MOVE_DIALOG);
  g_type_ensure (SAM_TYPE_ROLE_DIALOG);
  g_type_ensure (SAM_TYPE_COMMISSION_DIALOG);
  g_type_ensure (SAM_TYPE_PEOPLE_WINDOW);
  g_type_ensure (SAM_TYPE_TERMS_WINDOW);
  g_type_ensure (SAM_TYPE_AGENDA_ITEM_EDITOR);
  g_type_ensure (SAM_TYPE_MEETING_EDITOR);
  g_type_ensure (SAM_TYPE_MEETINGS_PAGE);
  g_type_ensure (SAM_TYPE_PLAN_YEAR_DIALOG);
  g_type_ensure (SAM_TYPE_DECISION_EDITOR);
  g_type_ensure (SAM_TYPE_DECISIONS_PAGE);
}

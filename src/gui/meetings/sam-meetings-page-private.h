/* sam-meetings-page-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-meetings-page.h"
#include "sam-month-view.h"
#include "sam-store-meetings.h"
#include "sam-year-view.h"

G_BEGIN_DECLS

struct _SamMeetingsPage
{
  AdwBin           parent_instance;

  SamStore        *store;
  char            *view;           /* "year", "month" or "list" */
  guint            year;
  GDateMonth       month;
  char            *group_uuid;     /* the filter, or NULL for every group */
  char            *selected_uuid;
  char            *notes_uuid;     /* the meeting whose notes the text view holds */
  GPtrArray       *warnings;       /* SamMeetingWarning */
  GListModel      *agenda;         /* the chosen meeting's SamAgendaItem list */
  GListModel      *list_meetings;  /* what the list view shows */
  guint            refresh_id;
  gboolean         filling;
  gboolean         close_refused;  /* a close kept the window open for unsaved notes */

  GtkDropDown     *group_dropdown;
  GtkLabel        *period_label;
  GtkSearchEntry  *search_entry;
  GtkRevealer     *warnings_revealer;
  GtkExpander     *warnings_expander;
  GtkListBox      *warnings_list;
  GtkStack        *view_stack;
  SamYearView     *year_view;
  SamMonthView    *month_view;
  GtkListBox      *meeting_list;
  GtkStack        *detail_stack;
  GtkLabel        *detail_title;
  GtkLabel        *detail_when;
  GtkLabel        *detail_groups;
  GtkLabel        *detail_place;
  GtkLabel        *detail_status;
  GtkListBox      *detail_warnings;
  GtkListBox      *agenda_list;
  AdwPreferencesGroup *follow_up_group;
  GtkListBox      *follow_up_list;
  GtkListBox      *attendance_list;
  GtkTextView     *notes_view;
};

/* sam-meetings-page-actions.c */
void        _sam_meetings_page_install_actions      (GtkWidgetClass  *widget_class);
void        _sam_meetings_page_update_actions       (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_open_editor          (SamMeetingsPage *self,
                                                     SamMeeting      *meeting,
                                                     const char      *day);
gboolean    _sam_meetings_page_keep_notes           (SamMeetingsPage *self,
                                                     gboolean         tell,
                                                     GError         **error);

/* sam-meetings-page-lists.c */
void        _sam_meetings_page_fill_meetings        (SamMeetingsPage *self,
                                                     GListModel      *year_meetings);
void        _sam_meetings_page_fill_warnings        (SamMeetingsPage *self);
void        _sam_meetings_page_fill_detail_warnings (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_fill_agenda          (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_fill_follow_ups      (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_fill_attendance      (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);

/* sam-meetings-page.c */
GtkWindow  *_sam_meetings_page_get_window           (SamMeetingsPage *self);
SamMeeting *_sam_meetings_page_dup_selected         (SamMeetingsPage *self);
void        _sam_meetings_page_refresh              (SamMeetingsPage *self);
void        _sam_meetings_page_refresh_detail       (SamMeetingsPage *self);
void        _sam_meetings_page_add_toast            (SamMeetingsPage *self,
                                                     char            *text);
void        _sam_meetings_page_name_drop_down       (GtkWidget       *dropdown,
                                                     const char      *label);
void        _sam_meetings_page_set_choices          (GtkDropDown     *dropdown,
                                                     const char      *none,
                                                     GListModel      *items);
char       *_sam_meetings_page_describe_when        (SamMeeting      *meeting);
char       *_sam_meetings_page_describe_groups      (SamMeetingsPage *self,
                                                     SamMeeting      *meeting,
                                                     gboolean         codes);

G_END_DECLS

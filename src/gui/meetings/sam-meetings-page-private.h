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

/* What the page shows of a year, read in a worker (see
 * sam-meetings-page-period.c) */
typedef struct
{
  guint       serial;
  char       *group_uuid;     /* the filter it was read for, or NULL */
  guint       year;
  char       *query;          /* the search it was read for, or NULL */
  GListModel *year_meetings;  /* SamMeeting starting in the year in Stockholm, by start */
  GListModel *found;          /* SamMeeting the search found in the group, or NULL */
  GHashTable *codes;          /* meeting UUID -> its groups' codes, of the meetings above */
  GPtrArray  *warnings;       /* SamMeetingWarning of the year and the group */
  GPtrArray  *year_warnings;  /* of the year and every group, for the meeting shown */
  GHashTable *warned;         /* meeting UUID -> the first of @warnings naming it */
} SamMeetingsPeriod;

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
  SamMeetingsPeriod *period;       /* what was read of the year, or NULL */
  SamMeetingsPeriod *reading;      /* the year, group and search being read */
  GCancellable    *period_cancellable;
  guint            period_serial;
  gboolean         period_stale;   /* the store changed since it was read */
  guint            shown_serial;   /* the period the views and lists show */
  guint            shown_year;
  GDateMonth       shown_month;
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
  GtkListView     *warnings_list;
  GtkStack        *view_stack;
  SamYearView     *year_view;
  SamMonthView    *month_view;
  GtkListView     *meeting_list;
  GtkStack        *detail_stack;
  GtkFlowBox      *meeting_actions;
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
void        _sam_meetings_page_init_lists           (SamMeetingsPage *self);
void        _sam_meetings_page_fill_meetings        (SamMeetingsPage *self);
void        _sam_meetings_page_fill_warnings        (SamMeetingsPage *self);
void        _sam_meetings_page_fill_detail_warnings (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_fill_agenda          (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_fill_follow_ups      (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);
void        _sam_meetings_page_fill_attendance      (SamMeetingsPage *self,
                                                     SamMeeting      *meeting);

/* sam-meetings-page-period.c */
void        _sam_meetings_period_free               (SamMeetingsPeriod *period);
gboolean    _sam_meetings_page_needs_period         (SamMeetingsPage *self);
void        _sam_meetings_page_read_period          (SamMeetingsPage *self);

/* sam-meetings-page.c */
void        _sam_meetings_page_show_period          (SamMeetingsPage *self);
SamMeetingsPeriod *_sam_meetings_page_get_period    (SamMeetingsPage *self);
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

/* sam-store-meetings.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-agenda-item.h"
#include "sam-attendance.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* Two meetings at overlapping times that one person is booked into. */
typedef struct
{
  char *person_uuid;
  char *person_name;
  char *first_uuid;   /* the meeting that starts first */
  char *second_uuid;
} SamDoubleBooking;

void           sam_double_booking_free           (SamDoubleBooking    *booking);
void           sam_store_meetings_ensure_types   (void);

GListModel    *sam_store_list_meetings           (SamStore            *self,
                                                  GError             **error);
GListModel    *sam_store_list_group_meetings     (SamStore            *self,
                                                  const char          *group_uuid,
                                                  GError             **error);
GListModel    *sam_store_search_meetings         (SamStore            *self,
                                                  const char          *query,
                                                  GError             **error);
char         **sam_store_dup_meeting_groups      (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  GError             **error);
gboolean       sam_store_save_meeting            (SamStore            *self,
                                                  SamMeeting          *meeting,
                                                  const char * const  *group_uuids,
                                                  GError             **error);
gboolean       sam_store_add_meetings            (SamStore            *self,
                                                  GPtrArray           *meetings,
                                                  const char * const  *group_uuids,
                                                  GError             **error);
GListModel    *sam_store_list_meetings_between   (SamStore            *self,
                                                  const char          *group_uuid,
                                                  const char          *from,
                                                  const char          *to,
                                                  GError             **error);
GListModel    *sam_store_list_other_council_meetings (SamStore        *self,
                                                  const char          *group_uuid,
                                                  const char          *from,
                                                  const char          *to,
                                                  GError             **error);
SamMeeting    *sam_store_dup_previous_meeting    (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  GError             **error);

GListModel    *sam_store_list_agenda             (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  GError             **error);
gboolean       sam_store_save_agenda_item        (SamStore            *self,
                                                  SamAgendaItem       *item,
                                                  GError             **error);
gboolean       sam_store_delete_agenda_item      (SamStore            *self,
                                                  SamAgendaItem       *item,
                                                  GError             **error);
gboolean       sam_store_move_agenda_item        (SamStore            *self,
                                                  SamAgendaItem       *item,
                                                  guint                position,
                                                  GError             **error);

GListModel    *sam_store_list_attendance         (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  GError             **error);
gboolean       sam_store_set_attendance          (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  const char          *person_uuid,
                                                  int                  status,
                                                  const char          *substitute_for_uuid,
                                                  GError             **error);

GListModel    *sam_store_list_meeting_decisions  (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  GError             **error);
GListModel    *sam_store_list_due_follow_ups     (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  GError             **error);
SamAgendaItem *sam_store_add_follow_up_item      (SamStore            *self,
                                                  const char          *meeting_uuid,
                                                  SamDecision         *decision,
                                                  GError             **error);
SamDecision   *sam_store_add_decision_draft      (SamStore            *self,
                                                  SamAgendaItem       *item,
                                                  GError             **error);
GListModel    *sam_store_search_meeting_records  (SamStore            *self,
                                                  const char          *query,
                                                  GError             **error);
GPtrArray     *sam_store_list_double_bookings    (SamStore            *self,
                                                  int                  year,
                                                  GError             **error);

GPtrArray     *sam_store_list_slot_clashes       (SamStore            *self,
                                                  const char          *group_uuid,
                                                  const char          *starts,
                                                  const char          *ends,
                                                  GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamDoubleBooking, sam_double_booking_free)

G_END_DECLS

/* sam-agenda-item.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_TYPE_AGENDA_ITEM (sam_agenda_item_get_type ())

G_DECLARE_FINAL_TYPE (SamAgendaItem, sam_agenda_item, SAM, AGENDA_ITEM, GObject)

SamAgendaItem *sam_agenda_item_new               (const char    *meeting_uuid) G_GNUC_WARN_UNUSED_RESULT;
const char    *sam_agenda_item_get_uuid          (SamAgendaItem *self);
const char    *sam_agenda_item_get_meeting_uuid  (SamAgendaItem *self);
int            sam_agenda_item_get_position      (SamAgendaItem *self);
const char    *sam_agenda_item_get_title         (SamAgendaItem *self);
void           sam_agenda_item_set_title         (SamAgendaItem *self,
                                                  const char    *title);
const char    *sam_agenda_item_get_presenter     (SamAgendaItem *self);
void           sam_agenda_item_set_presenter     (SamAgendaItem *self,
                                                  const char    *presenter);
SamAgendaKind  sam_agenda_item_get_kind          (SamAgendaItem *self);
void           sam_agenda_item_set_kind          (SamAgendaItem *self,
                                                  SamAgendaKind  kind);
const char    *sam_agenda_item_get_notes         (SamAgendaItem *self);
void           sam_agenda_item_set_notes         (SamAgendaItem *self,
                                                  const char    *notes);
const char    *sam_agenda_item_get_decision_uuid (SamAgendaItem *self);
void           sam_agenda_item_set_decision_uuid (SamAgendaItem *self,
                                                  const char    *decision_uuid);

/* For the store, which reads and writes the row. */
void           _sam_agenda_item_set_row          (SamAgendaItem *self,
                                                  const char    *uuid,
                                                  int            position);

G_END_DECLS

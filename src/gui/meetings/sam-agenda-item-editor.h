/* sam-agenda-item-editor.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "sam-store-meetings.h"

G_BEGIN_DECLS

#define SAM_TYPE_AGENDA_ITEM_EDITOR (sam_agenda_item_editor_get_type ())

G_DECLARE_FINAL_TYPE (SamAgendaItemEditor, sam_agenda_item_editor, SAM, AGENDA_ITEM_EDITOR, AdwWindow)

SamAgendaItemEditor *sam_agenda_item_editor_new (GtkWindow     *parent,
                                                 SamStore      *store,
                                                 const char    *meeting_uuid,
                                                 SamAgendaItem *item);

G_END_DECLS

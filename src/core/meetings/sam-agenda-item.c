/* sam-agenda-item.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-agenda-item"

#include "config.h"

#include "sam-agenda-item.h"

/* One point on a meeting's agenda, with the notes taken on it. The store
 * reads and writes it (sam-store-meetings.c); the views only show it. */
struct _SamAgendaItem
{
  GObject        parent_instance;

  char          *uuid;
  char          *meeting_uuid;
  int            position;
  char          *title;
  char          *presenter;
  SamAgendaKind  kind;
  char          *notes;
  char          *decision_uuid;  /* the decision a follow-up reports on */
};

G_DEFINE_FINAL_TYPE (SamAgendaItem, sam_agenda_item, G_TYPE_OBJECT)

/* An empty text is stored as absent, as everywhere in the register. */
static void
replace_text (char       **field,
              const char  *text)
{
  g_free (*field);
  *field = text != NULL && *text != '\0' ? g_strdup (text) : NULL;
}

static void
sam_agenda_item_finalize (GObject *object)
{
  SamAgendaItem *self = SAM_AGENDA_ITEM (object);

  g_free (self->uuid);
  g_free (self->meeting_uuid);
  g_free (self->title);
  g_free (self->presenter);
  g_free (self->notes);
  g_free (self->decision_uuid);

  G_OBJECT_CLASS (sam_agenda_item_parent_class)->finalize (object);
}

static void
sam_agenda_item_class_init (SamAgendaItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sam_agenda_item_finalize;
}

static void
sam_agenda_item_init (SamAgendaItem *self)
{
  self->position = -1;
  self->kind = SAM_AGENDA_KIND_INFORMATION;
}

/**
 * sam_agenda_item_new:
 * @meeting_uuid: the meeting the item is on
 *
 * Creates an unsaved agenda item; sam_store_save_agenda_item() puts it
 * last on the agenda and gives it a UUID.
 *
 * Returns: (transfer full): a new #SamAgendaItem
 */
SamAgendaItem *
sam_agenda_item_new (const char *meeting_uuid)
{
  SamAgendaItem *self = g_object_new (SAM_TYPE_AGENDA_ITEM, NULL);

  self->meeting_uuid = g_strdup (meeting_uuid);

  return self;
}

/**
 * sam_agenda_item_get_uuid:
 * @self: a #SamAgendaItem
 *
 * Returns: (transfer none) (nullable): the UUID, or %NULL if not saved yet
 */
const char *
sam_agenda_item_get_uuid (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), NULL);

  return self->uuid;
}

/**
 * sam_agenda_item_get_meeting_uuid:
 * @self: a #SamAgendaItem
 *
 * Returns: (transfer none): the meeting's UUID
 */
const char *
sam_agenda_item_get_meeting_uuid (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), NULL);

  return self->meeting_uuid;
}

/**
 * sam_agenda_item_get_position:
 * @self: a #SamAgendaItem
 *
 * Returns: the place on the agenda, counted from 1, or -1 if not saved yet
 */
int
sam_agenda_item_get_position (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), -1);

  return self->position;
}

/**
 * sam_agenda_item_get_title:
 * @self: a #SamAgendaItem
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
sam_agenda_item_get_title (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), NULL);

  return self->title;
}

/**
 * sam_agenda_item_set_title:
 * @self: a #SamAgendaItem
 * @title: (nullable): the title
 *
 * Sets the title; sam_store_save_agenda_item() stores it.
 */
void
sam_agenda_item_set_title (SamAgendaItem *self,
                           const char    *title)
{
  g_return_if_fail (SAM_IS_AGENDA_ITEM (self));

  replace_text (&self->title, title);
}

/**
 * sam_agenda_item_get_presenter:
 * @self: a #SamAgendaItem
 *
 * Returns: (transfer none) (nullable): who presents the item
 */
const char *
sam_agenda_item_get_presenter (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), NULL);

  return self->presenter;
}

/**
 * sam_agenda_item_set_presenter:
 * @self: a #SamAgendaItem
 * @presenter: (nullable): who presents the item
 *
 * Sets the presenter.
 */
void
sam_agenda_item_set_presenter (SamAgendaItem *self,
                               const char    *presenter)
{
  g_return_if_fail (SAM_IS_AGENDA_ITEM (self));

  replace_text (&self->presenter, presenter);
}

/**
 * sam_agenda_item_get_kind:
 * @self: a #SamAgendaItem
 *
 * Returns: information, discussion, decision or follow-up
 */
SamAgendaKind
sam_agenda_item_get_kind (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), SAM_AGENDA_KIND_INFORMATION);

  return self->kind;
}

/**
 * sam_agenda_item_set_kind:
 * @self: a #SamAgendaItem
 * @kind: the kind of item
 *
 * Sets the kind.
 */
void
sam_agenda_item_set_kind (SamAgendaItem *self,
                          SamAgendaKind  kind)
{
  g_return_if_fail (SAM_IS_AGENDA_ITEM (self));
  g_return_if_fail (kind <= SAM_AGENDA_KIND_FOLLOW_UP);

  self->kind = kind;
}

/**
 * sam_agenda_item_get_notes:
 * @self: a #SamAgendaItem
 *
 * Returns: (transfer none) (nullable): the notes taken on the item
 */
const char *
sam_agenda_item_get_notes (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), NULL);

  return self->notes;
}

/**
 * sam_agenda_item_set_notes:
 * @self: a #SamAgendaItem
 * @notes: (nullable): the notes
 *
 * Sets the notes.
 */
void
sam_agenda_item_set_notes (SamAgendaItem *self,
                           const char    *notes)
{
  g_return_if_fail (SAM_IS_AGENDA_ITEM (self));

  replace_text (&self->notes, notes);
}

/**
 * sam_agenda_item_get_decision_uuid:
 * @self: a #SamAgendaItem
 *
 * Returns: (transfer none) (nullable): the decision the item reports on,
 *   for a follow-up, or %NULL
 */
const char *
sam_agenda_item_get_decision_uuid (SamAgendaItem *self)
{
  g_return_val_if_fail (SAM_IS_AGENDA_ITEM (self), NULL);

  return self->decision_uuid;
}

/**
 * sam_agenda_item_set_decision_uuid:
 * @self: a #SamAgendaItem
 * @decision_uuid: (nullable): the decision the item reports on
 *
 * Binds the item to the decision it follows up, by the decision's UUID:
 * that is how the register knows the decision was reported on, whatever
 * the item's title says.
 */
void
sam_agenda_item_set_decision_uuid (SamAgendaItem *self,
                                   const char    *decision_uuid)
{
  g_return_if_fail (SAM_IS_AGENDA_ITEM (self));

  replace_text (&self->decision_uuid, decision_uuid);
}

/**
 * _sam_agenda_item_set_row:
 * @self: a #SamAgendaItem
 * @uuid: its UUID in the store
 * @position: its place on the agenda
 *
 * Records what the store gave the item when it read or saved it.
 */
void
_sam_agenda_item_set_row (SamAgendaItem *self,
                          const char    *uuid,
                          int            position)
{
  g_return_if_fail (SAM_IS_AGENDA_ITEM (self));

  if (self->uuid != uuid)
    {
      g_free (self->uuid);
      self->uuid = g_strdup (uuid);
    }
  self->position = position;
}

/* sam-meeting.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-meeting"

#include "config.h"

#include "sam-meeting.h"
#include "sam-model-private.h"

/* A meeting of one group, or a joint meeting of several.
 * Its properties ("id", "uuid" and one per column of the "meeting" table) are
 * installed from the schema descriptor by _sam_model_class_init(). */
struct _SamMeeting
{
  GObject   parent_instance;
  SamRecord record;  /* must follow parent_instance: see _sam_model_get_record() */
};

G_DEFINE_FINAL_TYPE (SamMeeting, sam_meeting, G_TYPE_OBJECT)

static void
sam_meeting_class_init (SamMeetingClass *klass)
{
  _sam_model_class_init (G_OBJECT_CLASS (klass), SAM_TABLE_MEETING);
}

static void
sam_meeting_init (SamMeeting *self)
{
  _sam_model_instance_init (G_OBJECT (self));
}

/**
 * sam_meeting_new:
 *
 * Creates an unsaved meeting; sam_store_save() gives it a UUID and an id.
 *
 * Returns: (transfer full): a new #SamMeeting
 */
SamMeeting *
sam_meeting_new (void)
{
  return g_object_new (SAM_TYPE_MEETING, NULL);
}

/**
 * sam_meeting_get_id:
 * @self: a #SamMeeting
 *
 * Returns: the row id in the store, or 0 if not saved yet
 */
gint64
sam_meeting_get_id (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), 0);

  return self->record.id;
}

/**
 * sam_meeting_get_uuid:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): the stable UUID, or %NULL if not saved yet
 */
const char *
sam_meeting_get_uuid (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return self->record.uuid;
}

/**
 * sam_meeting_get_title:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): the title
 */
const char *
sam_meeting_get_title (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "title");
}

/**
 * sam_meeting_get_kind:
 * @self: a #SamMeeting
 *
 * Returns: the kind
 */
SamMeetingKind
sam_meeting_get_kind (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), 0);

  return (SamMeetingKind) _sam_model_get_int (self, "kind");
}

/**
 * sam_meeting_get_status:
 * @self: a #SamMeeting
 *
 * Returns: the status
 */
SamMeetingStatus
sam_meeting_get_status (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), 0);

  return (SamMeetingStatus) _sam_model_get_int (self, "status");
}

/**
 * sam_meeting_get_starts:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): when it starts (YYYY-MM-DD, or a UTC date-time for a meeting)
 */
const char *
sam_meeting_get_starts (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "starts");
}

/**
 * sam_meeting_get_ends:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): when it ends (YYYY-MM-DD, or a UTC date-time for a meeting)
 */
const char *
sam_meeting_get_ends (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "ends");
}

/**
 * sam_meeting_get_place:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): the place
 */
const char *
sam_meeting_get_place (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "place");
}

/**
 * sam_meeting_get_link:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): the link
 */
const char *
sam_meeting_get_link (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "link");
}

/**
 * sam_meeting_get_prepares_uuid:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): the UUID of the meeting this one prepares
 */
const char *
sam_meeting_get_prepares_uuid (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "prepares_id");
}

/**
 * sam_meeting_get_notes:
 * @self: a #SamMeeting
 *
 * Returns: (transfer none) (nullable): the notes
 */
const char *
sam_meeting_get_notes (SamMeeting *self)
{
  g_return_val_if_fail (SAM_IS_MEETING (self), NULL);

  return _sam_model_get_string (self, "notes");
}

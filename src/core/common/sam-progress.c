/* sam-progress.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-progress"

#include "config.h"

#include "sam-progress.h"

/*
 * The progress of long work running in a worker thread. The worker calls
 * sam_progress_set() as often as it likes; the values are kept under a mutex
 * and at most one low-priority idle is pending on the context the object was
 * made in, where it notifies "fraction" and "message". So a bound progress
 * bar is redrawn at the main loop's pace, never once per row.
 */

struct _SamProgress
{
  GObject       parent_instance;

  GMutex        mutex;
  GMainContext *context;
  double        fraction;
  char         *message;
  guint         notify_pending : 1;
};

G_DEFINE_FINAL_TYPE (SamProgress, sam_progress, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FRACTION,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
notify_cb (gpointer user_data)
{
  SamProgress *self = user_data;

  g_mutex_lock (&self->mutex);
  self->notify_pending = FALSE;
  g_mutex_unlock (&self->mutex);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FRACTION]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);

  return G_SOURCE_REMOVE;
}

static void
sam_progress_finalize (GObject *object)
{
  SamProgress *self = (SamProgress *) object;

  g_clear_pointer (&self->message, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->mutex);

  G_OBJECT_CLASS (sam_progress_parent_class)->finalize (object);
}

static void
sam_progress_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  SamProgress *self = SAM_PROGRESS (object);

  switch (prop_id)
    {
    case PROP_FRACTION:
      g_value_set_double (value, sam_progress_get_fraction (self));
      break;

    case PROP_MESSAGE:
      g_value_take_string (value, sam_progress_dup_message (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_progress_class_init (SamProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sam_progress_finalize;
  object_class->get_property = sam_progress_get_property;

  properties[PROP_FRACTION] =
    g_param_spec_double ("fraction", NULL, NULL,
                         0.0, 1.0, 0.0,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL,
                         NULL,
                         (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_progress_init (SamProgress *self)
{
  g_mutex_init (&self->mutex);
  self->context = g_main_context_ref_thread_default ();
}

/**
 * sam_progress_new:
 *
 * Creates a progress object that notifies its properties on the calling
 * thread's default main context.
 *
 * Returns: (transfer full): a new #SamProgress
 */
SamProgress *
sam_progress_new (void)
{
  return g_object_new (SAM_TYPE_PROGRESS, NULL);
}

/**
 * sam_progress_set:
 * @self: a #SamProgress
 * @fraction: how much is done, from 0 to 1
 * @message: (nullable): what is being done, for people
 *
 * Stores the progress of the work. Safe to call from any thread: "fraction"
 * and "message" are notified later, once, on the context @self was made in.
 */
void
sam_progress_set (SamProgress *self,
                  double       fraction,
                  const char  *message)
{
  gboolean schedule = FALSE;

  g_return_if_fail (SAM_IS_PROGRESS (self));

  g_mutex_lock (&self->mutex);
  self->fraction = CLAMP (fraction, 0.0, 1.0);
  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
    }
  if (!self->notify_pending)
    self->notify_pending = schedule = TRUE;
  g_mutex_unlock (&self->mutex);

  if (schedule)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_LOW);
      g_source_set_callback (source, notify_cb, g_object_ref (self), g_object_unref);
      g_source_set_static_name (source, "[samordna] progress notify");
      g_source_attach (source, self->context);
    }
}

/**
 * sam_progress_get_fraction:
 * @self: a #SamProgress
 *
 * Returns: the last fraction set, from 0 to 1
 */
double
sam_progress_get_fraction (SamProgress *self)
{
  double fraction;

  g_return_val_if_fail (SAM_IS_PROGRESS (self), 0.0);

  g_mutex_lock (&self->mutex);
  fraction = self->fraction;
  g_mutex_unlock (&self->mutex);

  return fraction;
}

/**
 * sam_progress_dup_message:
 * @self: a #SamProgress
 *
 * Returns: (transfer full) (nullable): a copy of the last message set
 */
char *
sam_progress_dup_message (SamProgress *self)
{
  char *message;

  g_return_val_if_fail (SAM_IS_PROGRESS (self), NULL);

  g_mutex_lock (&self->mutex);
  message = g_strdup (self->message);
  g_mutex_unlock (&self->mutex);

  return message;
}

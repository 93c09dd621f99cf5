/* sam-undo.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-undo"

#include "config.h"

#include "sam-store.h"
#include "sam-undo.h"

/*
 * The undo and redo history of one window's edits. Each step is what the
 * register recorded between sam_undo_begin() and sam_undo_end() (an SQLite
 * changeset, see sam_store_capture_begin()), so undoing restores exactly
 * the rows an edit touched, including those a delete removed by cascade.
 * Undo applies the inverted changeset, redo the changeset itself; each is
 * one transaction with its own audit log entry.
 */

typedef struct
{
  char   *label;
  GBytes *changes;
} Step;

struct _SamUndo
{
  GObject          parent_instance;

  SamStore        *store;
  SamStoreCapture *capture;
  char            *capture_label;
  GPtrArray       *undo_steps;  /* Step, the latest last */
  GPtrArray       *redo_steps;  /* Step, the next to redo last */
};

G_DEFINE_FINAL_TYPE (SamUndo, sam_undo, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_UNDO_LABEL,
  PROP_REDO_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_clear_pointer (&step->changes, g_bytes_unref);
  g_free (step);
}

static void
notify_all (SamUndo *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNDO_LABEL]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REDO_LABEL]);
}

/* Moves the latest step of @from to @to after applying it. */
static gboolean
replay (SamUndo    *self,
        GPtrArray  *from,
        GPtrArray  *to,
        gboolean    invert,
        GError    **error)
{
  Step *step;

  if (from->len == 0)
    return TRUE;

  step = g_ptr_array_index (from, from->len - 1);
  if (!sam_store_apply_changeset (self->store, step->changes, invert, invert ? "undo" : "redo", error))
    {
      /* A step that no longer applies would fail again: drop the history. */
      sam_undo_clear (self);
      return FALSE;
    }

  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  notify_all (self);

  return TRUE;
}

static void
sam_undo_dispose (GObject *object)
{
  SamUndo *self = SAM_UNDO (object);

  g_clear_pointer (&self->capture, sam_store_capture_free);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_undo_parent_class)->dispose (object);
}

static void
sam_undo_finalize (GObject *object)
{
  SamUndo *self = SAM_UNDO (object);

  g_free (self->capture_label);
  g_ptr_array_unref (self->undo_steps);
  g_ptr_array_unref (self->redo_steps);

  G_OBJECT_CLASS (sam_undo_parent_class)->finalize (object);
}

static void
sam_undo_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  SamUndo *self = SAM_UNDO (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, sam_undo_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, sam_undo_get_can_redo (self));
      break;
    case PROP_UNDO_LABEL:
      g_value_set_string (value, sam_undo_get_undo_label (self));
      break;
    case PROP_REDO_LABEL:
      g_value_set_string (value, sam_undo_get_redo_label (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_undo_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  SamUndo *self = SAM_UNDO (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_undo_class_init (SamUndoClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_undo_dispose;
  object_class->finalize = sam_undo_finalize;
  object_class->get_property = sam_undo_get_property;
  object_class->set_property = sam_undo_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_UNDO_LABEL] =
    g_param_spec_string ("undo-label", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  properties[PROP_REDO_LABEL] =
    g_param_spec_string ("redo-label", NULL, NULL, NULL, (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_undo_init (SamUndo *self)
{
  self->undo_steps = g_ptr_array_new_with_free_func (step_free);
  self->redo_steps = g_ptr_array_new_with_free_func (step_free);
}

/**
 * sam_undo_new:
 * @store: the register whose edits are recorded
 *
 * Returns: (transfer full): an empty history
 */
SamUndo *
sam_undo_new (SamStore *store)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return g_object_new (SAM_TYPE_UNDO, "store", store, NULL);
}

/**
 * sam_undo_get_store:
 * @self: a #SamUndo
 *
 * Returns: (transfer none): the register
 */
SamStore *
sam_undo_get_store (SamUndo *self)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), NULL);

  return self->store;
}

/**
 * sam_undo_begin:
 * @self: a #SamUndo
 * @label: what the edit does, for the user (“Delete Group”)
 * @error: return location for a #GError
 *
 * Starts recording one edit; every store call until sam_undo_end() is
 * part of it.
 *
 * Returns: whether recording started
 */
gboolean
sam_undo_begin (SamUndo     *self,
                const char  *label,
                GError     **error)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);
  g_return_val_if_fail (self->capture == NULL, FALSE);

  self->capture = sam_store_capture_begin (self->store, error);
  if (self->capture == NULL)
    return FALSE;

  g_free (self->capture_label);
  self->capture_label = g_strdup (label);
  return TRUE;
}

/**
 * sam_undo_end:
 * @self: a #SamUndo
 *
 * Stops recording. If the edit changed anything, it becomes the step to
 * undo and the redo history is dropped.
 *
 * Returns: whether a step was added
 */
gboolean
sam_undo_end (SamUndo *self)
{
  g_autoptr(GBytes) changes = NULL;
  Step *step;

  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);

  if (self->capture == NULL)
    return FALSE;

  changes = sam_store_capture_end (self->capture);
  g_clear_pointer (&self->capture, sam_store_capture_free);
  if (changes == NULL)
    return FALSE;

  step = g_new0 (Step, 1);
  step->label = g_steal_pointer (&self->capture_label);
  step->changes = g_steal_pointer (&changes);
  g_ptr_array_add (self->undo_steps, step);
  g_ptr_array_set_size (self->redo_steps, 0);
  notify_all (self);

  return TRUE;
}

/**
 * sam_undo_run:
 * @self: a #SamUndo
 * @label: what the edit does, for the user (“Delete Group”)
 * @edit: the edit, calling the store
 * @data: for @edit
 * @error: return location for a #GError
 *
 * Runs @edit as one step of the history: what it changes is undone and
 * redone together. An edit that changes nothing adds no step.
 *
 * Returns: what @edit returned (or %FALSE if recording could not start)
 */
gboolean
sam_undo_run (SamUndo         *self,
              const char      *label,
              SamUndoEditFunc  edit,
              gpointer         data,
              GError         **error)
{
  gboolean ok;

  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);
  g_return_val_if_fail (edit != NULL, FALSE);

  if (!sam_undo_begin (self, label, error))
    return FALSE;
  ok = edit (self->store, data, error);
  sam_undo_end (self);

  return ok;
}

/**
 * sam_undo_get_can_undo:
 * @self: a #SamUndo
 *
 * Returns: whether there is an edit to undo
 */
gboolean
sam_undo_get_can_undo (SamUndo *self)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);

  return self->undo_steps->len > 0;
}

/**
 * sam_undo_get_can_redo:
 * @self: a #SamUndo
 *
 * Returns: whether there is an undone edit to make again
 */
gboolean
sam_undo_get_can_redo (SamUndo *self)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);

  return self->redo_steps->len > 0;
}

/**
 * sam_undo_get_undo_label:
 * @self: a #SamUndo
 *
 * Returns: (transfer none) (nullable): the label of the edit undo would take back
 */
const char *
sam_undo_get_undo_label (SamUndo *self)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), NULL);

  if (self->undo_steps->len == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (self->undo_steps, self->undo_steps->len - 1))->label;
}

/**
 * sam_undo_get_redo_label:
 * @self: a #SamUndo
 *
 * Returns: (transfer none) (nullable): the label of the edit redo would make again
 */
const char *
sam_undo_get_redo_label (SamUndo *self)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), NULL);

  if (self->redo_steps->len == 0)
    return NULL;

  return ((Step *) g_ptr_array_index (self->redo_steps, self->redo_steps->len - 1))->label;
}

/**
 * sam_undo_undo:
 * @self: a #SamUndo
 * @error: return location for a #GError
 *
 * Takes back the latest edit. If the rows it touched have been edited
 * since by someone else, nothing changes, the history is cleared and an
 * error says so.
 *
 * Returns: whether the edit was taken back (%TRUE if there was none)
 */
gboolean
sam_undo_undo (SamUndo  *self,
               GError  **error)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);

  return replay (self, self->undo_steps, self->redo_steps, TRUE, error);
}

/**
 * sam_undo_redo:
 * @self: a #SamUndo
 * @error: return location for a #GError
 *
 * Makes the latest undone edit again.
 *
 * Returns: whether the edit was made again (%TRUE if there was none)
 */
gboolean
sam_undo_redo (SamUndo  *self,
               GError  **error)
{
  g_return_val_if_fail (SAM_IS_UNDO (self), FALSE);

  return replay (self, self->redo_steps, self->undo_steps, FALSE, error);
}

/**
 * sam_undo_clear:
 * @self: a #SamUndo
 *
 * Forgets the history, as when another register is opened.
 */
void
sam_undo_clear (SamUndo *self)
{
  g_return_if_fail (SAM_IS_UNDO (self));

  g_ptr_array_set_size (self->undo_steps, 0);
  g_ptr_array_set_size (self->redo_steps, 0);
  notify_all (self);
}

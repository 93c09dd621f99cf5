/* sam-decision-watch-list.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-watch-list"

#include "config.h"

#include "sam-clock.h"
#include "sam-decision-watch-list.h"
#include "sam-escalation-item.h"
#include "sam-list-replace.h"

/*
 * A GListModel of the decisions due for follow-up (SamDecision items) or
 * of the escalations waiting for an answer (SamEscalationItem items) that
 * never holds the list: a national register has some 20 000 decisions due.
 *
 * Which rows the list has, and in what order, is read in a worker thread
 * on a connection of its own, as their ids only; the list then has that
 * many items, and reads the rows a view asks for a page at a time, by id,
 * keeping only the few most recently used pages. Until the first load
 * the list is empty; while a load is under way after a change in the
 * store, it keeps what it had. The first load starts with
 * sam_decision_watch_list_refresh(), so that a list nobody shows costs
 * nothing; from then on a change in the store loads the list again.
 */

#define PAGE_SIZE 64
#define MAX_PAGES 8

struct _SamDecisionWatchList
{
  GObject           parent_instance;

  SamStore         *store;
  SamDecisionWatch  watch;
  GArray           *ids;          /* gint64 row ids, in the list's order */
  GHashTable       *pages;        /* page number -> GPtrArray of items */
  GQueue            lru;          /* page numbers, most recent first */
  GCancellable     *cancellable;  /* of the load under way, or NULL */
  guint             requested : 1;
  guint             loaded : 1;
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SamDecisionWatchList, sam_decision_watch_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_WATCH,
  PROP_LOADING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

typedef struct
{
  char             *path;
  SamDecisionWatch  watch;
  char             *today;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_free (data->path);
  g_free (data->today);
  g_free (data);
}

static void
drop_pages (SamDecisionWatchList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  GArray *ids;

  if (g_task_return_error_if_cancelled (task))
    return;

  if ((worker = sam_store_open (data->path, &error)) == NULL ||
      (ids = sam_store_list_watch_ids (worker, data->watch, data->today, SAM_FOLLOW_UP_DAYS, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, ids, (GDestroyNotify) g_array_unref);
}

/* The task holds the list only weakly: a list that goes away while its
 * worker reads is freed at once, with its store. */
static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SamDecisionWatchList) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GList) hot = NULL;
  guint old_n;

  g_weak_ref_clear (weak);
  g_free (weak);

  /* Gone, or a newer load took this one's place */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (ids == NULL)
    {
      g_warning ("%s", error->message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
      return;
    }

  old_n = self->ids->len;
  g_array_unref (self->ids);
  self->ids = g_steal_pointer (&ids);
  self->loaded = TRUE;
  hot = g_list_copy (g_queue_peek_head_link (&self->lru));
  drop_pages (self);
  _sam_list_replace_items (G_LIST_MODEL (self), old_n, self->ids->len, hot, PAGE_SIZE);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static GPtrArray *
load_page (SamDecisionWatchList *self,
           guint                 page)
{
  g_autoptr(GError) error = NULL;
  guint first = page * PAGE_SIZE;
  guint n = MIN (PAGE_SIZE, self->ids->len - first);
  const gint64 *ids = &g_array_index (self->ids, gint64, first);
  GPtrArray *rows;

  if (self->watch == SAM_DECISION_WATCH_FOLLOW_UP)
    rows = sam_store_fetch_decisions_by_id (self->store, ids, n, &error);
  else
    {
      g_autoptr(GPtrArray) escalations = sam_store_fetch_escalations_by_id (self->store, ids, n, &error);

      rows = NULL;
      if (escalations != NULL)
        {
          /* The items take the escalations over. */
          g_ptr_array_set_free_func (escalations, NULL);
          rows = g_ptr_array_new_full (escalations->len, g_object_unref);
          for (guint i = 0; i < escalations->len; i++)
            g_ptr_array_add (rows, sam_escalation_item_new (g_ptr_array_index (escalations, i)));
        }
    }
  if (rows == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));

  return rows;
}

static void
store_changed_cb (SamDecisionWatchList *self,
                  guint                 table,
                  SamStore             *store)
{
  gboolean concerned = table == SAM_TABLE_DECISION || table == SAM_TABLE_GROUP || table >= SAM_N_TABLES ||
                       (self->watch == SAM_DECISION_WATCH_ESCALATIONS && table == SAM_TABLE_ESCALATION);

  if (self->requested && concerned)
    sam_decision_watch_list_refresh (self);
}

/* GListModel */

static GType
sam_decision_watch_list_get_item_type (GListModel *model)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (model);

  return self->watch == SAM_DECISION_WATCH_FOLLOW_UP ? SAM_TYPE_DECISION : SAM_TYPE_ESCALATION_ITEM;
}

static guint
sam_decision_watch_list_get_n_items (GListModel *model)
{
  return SAM_DECISION_WATCH_LIST (model)->ids->len;
}

static gpointer
sam_decision_watch_list_get_item (GListModel *model,
                                  guint       position)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->ids->len)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }
  else if ((rows = load_page (self, page)) == NULL)
    return NULL;

  /* A row removed since the ids were read leaves the page short until the
   * list is loaded again, which the change that removed it started. */
  if (position % PAGE_SIZE >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sam_decision_watch_list_get_item_type;
  iface->get_n_items = sam_decision_watch_list_get_n_items;
  iface->get_item = sam_decision_watch_list_get_item;
}

/* GObject */

static void
sam_decision_watch_list_constructed (GObject *object)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (object);

  G_OBJECT_CLASS (sam_decision_watch_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
sam_decision_watch_list_dispose (GObject *object)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (sam_decision_watch_list_parent_class)->dispose (object);
}

static void
sam_decision_watch_list_finalize (GObject *object)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (object);

  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_array_unref (self->ids);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_decision_watch_list_parent_class)->finalize (object);
}

static void
sam_decision_watch_list_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_WATCH:
      g_value_set_uint (value, self->watch);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->cancellable != NULL);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_decision_watch_list_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  SamDecisionWatchList *self = SAM_DECISION_WATCH_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_WATCH:
      self->watch = g_value_get_uint (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_decision_watch_list_class_init (SamDecisionWatchListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sam_decision_watch_list_constructed;
  object_class->dispose = sam_decision_watch_list_dispose;
  object_class->finalize = sam_decision_watch_list_finalize;
  object_class->get_property = sam_decision_watch_list_get_property;
  object_class->set_property = sam_decision_watch_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_WATCH] =
    g_param_spec_uint ("watch", NULL, NULL,
                       SAM_DECISION_WATCH_FOLLOW_UP, SAM_DECISION_WATCH_ESCALATIONS, SAM_DECISION_WATCH_FOLLOW_UP,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL,
                          FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_decision_watch_list_init (SamDecisionWatchList *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/**
 * sam_decision_watch_list_new:
 * @store: a #SamStore
 * @watch: which list
 *
 * Creates a lazy list of the decisions due for follow-up within
 * %SAM_FOLLOW_UP_DAYS days (or overdue), by group and date, or of the
 * escalations waiting for an answer, by receiving body and date. It is
 * empty until sam_decision_watch_list_refresh() has loaded it.
 *
 * Returns: (transfer full): a new #SamDecisionWatchList
 */
SamDecisionWatchList *
sam_decision_watch_list_new (SamStore         *store,
                             SamDecisionWatch  watch)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return g_object_new (SAM_TYPE_DECISION_WATCH_LIST, "store", store, "watch", watch, NULL);
}

/**
 * sam_decision_watch_list_get_watch:
 * @self: a #SamDecisionWatchList
 *
 * Returns: which list @self is
 */
SamDecisionWatch
sam_decision_watch_list_get_watch (SamDecisionWatchList *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_WATCH_LIST (self), SAM_DECISION_WATCH_FOLLOW_UP);

  return self->watch;
}

/**
 * sam_decision_watch_list_refresh:
 * @self: a #SamDecisionWatchList
 *
 * Loads the list again in the background, as of today; a load under way
 * is given up. When the load is done the list tells its views that every
 * item changed, and #SamDecisionWatchList:loading turns %FALSE. From the
 * first call on, a change in the store does this by itself.
 */
void
sam_decision_watch_list_refresh (SamDecisionWatchList *self)
{
  g_autoptr(GTask) task = NULL;
  gboolean was_loading;
  GWeakRef *weak;
  LoadData *data;

  g_return_if_fail (SAM_IS_DECISION_WATCH_LIST (self));

  was_loading = self->cancellable != NULL;
  if (was_loading)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->requested = TRUE;

  data = g_new0 (LoadData, 1);
  data->path = g_strdup (sam_store_get_path (self->store));
  data->watch = self->watch;
  data->today = sam_clock_dup_today ();

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, load_done_cb, weak);
  g_task_set_source_tag (task, sam_decision_watch_list_refresh);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);

  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/**
 * sam_decision_watch_list_is_loading:
 * @self: a #SamDecisionWatchList
 *
 * Returns: whether a load is under way
 */
gboolean
sam_decision_watch_list_is_loading (SamDecisionWatchList *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_WATCH_LIST (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * sam_decision_watch_list_is_loaded:
 * @self: a #SamDecisionWatchList
 *
 * Returns: whether a load has finished, so that an empty list is one with
 *   nothing in it
 */
gboolean
sam_decision_watch_list_is_loaded (SamDecisionWatchList *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_WATCH_LIST (self), FALSE);

  return self->loaded;
}

/**
 * sam_decision_watch_list_get_n_cached:
 * @self: a #SamDecisionWatchList
 *
 * Returns: how many rows the list holds in memory right now, which stays
 *   below a few pages however long the list is
 */
guint
sam_decision_watch_list_get_n_cached (SamDecisionWatchList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (SAM_IS_DECISION_WATCH_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;

  return n;
}

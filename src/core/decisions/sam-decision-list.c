/* sam-decision-list.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-list"

#include "config.h"

#include "sam-decision-list.h"
#include "sam-list-replace.h"

/*
 * A GListModel of the decision register that never holds the register:
 * it knows how many decisions the filter selects from one COUNT query and
 * reads the rows a view asks for a page at a time, keeping only the few
 * most recently used pages. A search's matches are read once per filter
 * and shared by the count and the pages. A new filter or sort, or a
 * change in the store, drops the pages and counts again, so a register of
 * 100 000 decisions costs a list view what its visible rows cost.
 */

#define PAGE_SIZE 64
#define MAX_PAGES 8

struct _SamDecisionList
{
  GObject            parent_instance;

  SamStore          *store;
  SamDecisionFilter  filter;
  SamDecisionMatches *matches;  /* of filter.search, or NULL */
  SamDecisionSort    sort;
  guint              descending : 1;
  guint              n_items;
  guint              n_reads;
  GHashTable        *pages;  /* page number -> GPtrArray of SamDecision */
  GQueue             lru;    /* page numbers, most recent first */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (SamDecisionList, sam_decision_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
drop_pages (SamDecisionList *self)
{
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->lru);
}

/* Reads the search's matches again and counts the filter's decisions. */
static guint
count (SamDecisionList *self)
{
  g_autoptr(GError) error = NULL;
  guint n = 0;

  g_clear_pointer (&self->matches, sam_decision_matches_free);
  if (self->filter.search != NULL && *self->filter.search != '\0' &&
      (self->matches = sam_store_match_decisions (self->store, self->filter.search, &error)) == NULL)
    {
      g_warning ("%s", error->message);
      return 0;
    }

  if (!sam_store_count_decision_rows (self->store, &self->filter, self->matches, &n, &error))
    g_warning ("%s", error->message);

  return n;
}

static GPtrArray *
load_page (SamDecisionList *self,
           guint            page)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *rows;

  rows = sam_store_fetch_decision_rows (self->store, &self->filter, self->matches, self->sort, self->descending,
                                        page * PAGE_SIZE, PAGE_SIZE, &error);
  if (rows == NULL)
    {
      g_warning ("%s", error->message);
      return NULL;
    }

  self->n_reads++;
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (page), rows);
  g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
  while (g_queue_get_length (&self->lru) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->lru));

  return rows;
}

static void
store_changed_cb (SamDecisionList *self,
                  guint            table,
                  SamStore        *store)
{
  if (table == SAM_TABLE_DECISION || table == SAM_TABLE_GROUP || table >= SAM_N_TABLES)
    sam_decision_list_refresh (self);
}

/* GListModel */

static GType
sam_decision_list_get_item_type (GListModel *model)
{
  return SAM_TYPE_DECISION;
}

static guint
sam_decision_list_get_n_items (GListModel *model)
{
  return SAM_DECISION_LIST (model)->n_items;
}

static gpointer
sam_decision_list_get_item (GListModel *model,
                            guint       position)
{
  SamDecisionList *self = SAM_DECISION_LIST (model);
  guint page = position / PAGE_SIZE;
  GPtrArray *rows;

  if (position >= self->n_items)
    return NULL;

  rows = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (page));
  if (rows != NULL)
    {
      /* Most recently used first, so scrolling back and forth hits. */
      g_queue_remove (&self->lru, GUINT_TO_POINTER (page));
      g_queue_push_head (&self->lru, GUINT_TO_POINTER (page));
    }
  else if ((rows = load_page (self, page)) == NULL)
    return NULL;

  if (position % PAGE_SIZE >= rows->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, position % PAGE_SIZE));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = sam_decision_list_get_item_type;
  iface->get_n_items = sam_decision_list_get_n_items;
  iface->get_item = sam_decision_list_get_item;
}

/* GObject */

static void
sam_decision_list_constructed (GObject *object)
{
  SamDecisionList *self = SAM_DECISION_LIST (object);

  G_OBJECT_CLASS (sam_decision_list_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  self->n_items = count (self);
}

static void
sam_decision_list_finalize (GObject *object)
{
  SamDecisionList *self = SAM_DECISION_LIST (object);

  drop_pages (self);
  g_hash_table_unref (self->pages);
  g_clear_pointer (&self->matches, sam_decision_matches_free);
  sam_decision_filter_clear (&self->filter);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_decision_list_parent_class)->finalize (object);
}

static void
sam_decision_list_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  SamDecisionList *self = SAM_DECISION_LIST (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_decision_list_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  SamDecisionList *self = SAM_DECISION_LIST (object);

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
sam_decision_list_class_init (SamDecisionListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sam_decision_list_constructed;
  object_class->finalize = sam_decision_list_finalize;
  object_class->get_property = sam_decision_list_get_property;
  object_class->set_property = sam_decision_list_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sam_decision_list_init (SamDecisionList *self)
{
  sam_decision_filter_init (&self->filter);
  self->sort = SAM_DECISION_SORT_DATE;
  self->descending = TRUE;
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_queue_init (&self->lru);
}

/**
 * sam_decision_list_new:
 * @store: a #SamStore
 *
 * Creates a lazy list of every decision in @store, newest first.
 *
 * Returns: (transfer full): a new #SamDecisionList
 */
SamDecisionList *
sam_decision_list_new (SamStore *store)
{
  g_return_val_if_fail (SAM_IS_STORE (store), NULL);

  return g_object_new (SAM_TYPE_DECISION_LIST, "store", store, NULL);
}

/**
 * sam_decision_list_get_store:
 * @self: a #SamDecisionList
 *
 * Returns: (transfer none): the register the list reads
 */
SamStore *
sam_decision_list_get_store (SamDecisionList *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_LIST (self), NULL);

  return self->store;
}

/**
 * sam_decision_list_refresh:
 * @self: a #SamDecisionList
 *
 * Forgets the pages read so far and counts again; views are told that
 * every item changed. The store's “changed” signal does this by itself.
 */
void
sam_decision_list_refresh (SamDecisionList *self)
{
  g_autoptr(GList) hot = NULL;
  guint old_n;

  g_return_if_fail (SAM_IS_DECISION_LIST (self));

  old_n = self->n_items;
  hot = g_list_copy (g_queue_peek_head_link (&self->lru));
  drop_pages (self);
  self->n_items = count (self);
  _sam_list_replace_items (G_LIST_MODEL (self), old_n, self->n_items, hot, PAGE_SIZE);
}

/**
 * sam_decision_list_set_filter:
 * @self: a #SamDecisionList
 * @filter: which decisions to list
 *
 * Lists the decisions @filter selects (group, year, status, mandate and
 * full-text search), in the current order.
 */
void
sam_decision_list_set_filter (SamDecisionList         *self,
                              const SamDecisionFilter *filter)
{
  g_return_if_fail (SAM_IS_DECISION_LIST (self));
  g_return_if_fail (filter != NULL);

  if (sam_decision_filter_equal (&self->filter, filter))
    return;

  sam_decision_filter_copy (&self->filter, filter);
  sam_decision_list_refresh (self);
}

/**
 * sam_decision_list_set_query:
 * @self: a #SamDecisionList
 * @filter: which decisions to list
 * @sort: the column to sort by
 * @descending: whether to reverse the order
 *
 * Lists the decisions @filter selects in the order of @sort, as
 * sam_decision_list_set_filter() and sam_decision_list_set_sort() would,
 * with one refresh rather than two.
 */
void
sam_decision_list_set_query (SamDecisionList         *self,
                             const SamDecisionFilter *filter,
                             SamDecisionSort          sort,
                             gboolean                 descending)
{
  g_autoptr(GList) hot = NULL;
  gboolean same_filter;
  guint old_n;

  g_return_if_fail (SAM_IS_DECISION_LIST (self));
  g_return_if_fail (filter != NULL);

  same_filter = sam_decision_filter_equal (&self->filter, filter);
  if (same_filter && self->sort == sort && self->descending == !!descending)
    return;

  sam_decision_filter_copy (&self->filter, filter);
  self->sort = sort;
  self->descending = !!descending;
  old_n = self->n_items;
  hot = g_list_copy (g_queue_peek_head_link (&self->lru));
  drop_pages (self);
  if (!same_filter)
    self->n_items = count (self);
  _sam_list_replace_items (G_LIST_MODEL (self), old_n, self->n_items, hot, PAGE_SIZE);
}

/**
 * sam_decision_list_get_filter:
 * @self: a #SamDecisionList
 *
 * Returns: (transfer none): the current filter
 */
const SamDecisionFilter *
sam_decision_list_get_filter (SamDecisionList *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_LIST (self), NULL);

  return &self->filter;
}

/**
 * sam_decision_list_set_sort:
 * @self: a #SamDecisionList
 * @sort: the column to sort by
 * @descending: whether to reverse the order
 *
 * Sorts the list; the number of items stays, the items change.
 */
void
sam_decision_list_set_sort (SamDecisionList *self,
                            SamDecisionSort  sort,
                            gboolean         descending)
{
  g_autoptr(GList) hot = NULL;

  g_return_if_fail (SAM_IS_DECISION_LIST (self));

  if (self->sort == sort && self->descending == !!descending)
    return;

  self->sort = sort;
  self->descending = !!descending;
  hot = g_list_copy (g_queue_peek_head_link (&self->lru));
  drop_pages (self);
  _sam_list_replace_items (G_LIST_MODEL (self), self->n_items, self->n_items, hot, PAGE_SIZE);
}

/**
 * sam_decision_list_get_sort:
 * @self: a #SamDecisionList
 * @descending: (out) (optional): whether the order is reversed
 *
 * Returns: the column the list is sorted by
 */
SamDecisionSort
sam_decision_list_get_sort (SamDecisionList *self,
                            gboolean        *descending)
{
  g_return_val_if_fail (SAM_IS_DECISION_LIST (self), SAM_DECISION_SORT_DATE);

  if (descending != NULL)
    *descending = self->descending;
  return self->sort;
}

/**
 * sam_decision_list_get_n_cached:
 * @self: a #SamDecisionList
 *
 * Returns: how many decisions the list holds in memory right now, which
 *   stays below a few pages however large the register is
 */
guint
sam_decision_list_get_n_cached (SamDecisionList *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (SAM_IS_DECISION_LIST (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((GPtrArray *) value)->len;

  return n;
}

/**
 * sam_decision_list_get_n_reads:
 * @self: a #SamDecisionList
 *
 * Returns: how many pages the list has read from the store since it was
 *   made, which tells whether a view read more than it showed
 */
guint
sam_decision_list_get_n_reads (SamDecisionList *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_LIST (self), 0);

  return self->n_reads;
}

/**
 * sam_decision_list_get_page_size:
 *
 * Returns: how many decisions the list reads at a time
 */
guint
sam_decision_list_get_page_size (void)
{
  return PAGE_SIZE;
}

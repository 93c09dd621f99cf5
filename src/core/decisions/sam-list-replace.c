/* sam-list-replace.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-list-replace"

#include "config.h"

#include "sam-list-replace.h"

/*
 * How a lazy list says that all its items were replaced. One
 * items-changed (0, old, new) looks harmless, but a list view follows
 * some of its rows (the anchor it scrolls by, the focus, the selection),
 * and when a followed row is in the removed range, GTK looks for its item
 * among every added item, by identity. A lazy list makes new objects for
 * every read, so the search never ends early: it reads the whole list, a
 * page at a time (seconds for 100 000 decisions).
 *
 * The rows a view follows are rows it shows, whose items were read last:
 * the list's pages in use. So the change is told in ranges: first what
 * was added or removed at the end (no followed row is removed where
 * something is added), then the stretches between those pages at once (no
 * followed row is there, nothing to look for), and each page in use on
 * its own (a search of one page). The list has its new length from the
 * first range on, as every range leaves it. Each position keeps its place,
 * so the view stays where it was scrolled.
 */

static int
compare_pages (gconstpointer a,
               gconstpointer b)
{
  guint x = GPOINTER_TO_UINT (a), y = GPOINTER_TO_UINT (b);

  return x < y ? -1 : x > y;
}

/**
 * _sam_list_replace_items:
 * @model: a lazy list model, which already has @new_n items
 * @old_n: how many items it had
 * @new_n: how many it has now
 * @hot_pages: (element-type guint): the numbers of the pages the list
 *   held before, which views read last
 * @page_size: the items of a page
 *
 * Emits #GListModel::items-changed for every item of @model, replaced,
 * in ranges that a list view can follow without reading the whole list.
 */
void
_sam_list_replace_items (GListModel *model,
                         guint       old_n,
                         guint       new_n,
                         GList      *hot_pages,
                         guint       page_size)
{
  g_autoptr(GList) pages = g_list_sort (g_list_copy (hot_pages), compare_pages);
  guint common = MIN (old_n, new_n);
  guint position = 0;

  if (old_n != new_n)
    g_list_model_items_changed (model, common, old_n - common, new_n - common);

  for (GList *l = pages; l != NULL && position < common; l = l->next)
    {
      guint first = GPOINTER_TO_UINT (l->data) * page_size;
      guint end = MIN (first + page_size, common);

      if (first >= common || end <= position)
        continue;
      first = MAX (first, position);
      if (first > position)
        g_list_model_items_changed (model, position, first - position, first - position);
      g_list_model_items_changed (model, first, end - first, end - first);
      position = end;
    }
  if (common > position)
    g_list_model_items_changed (model, position, common - position, common - position);
}

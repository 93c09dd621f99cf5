/* sam-decision-sorter.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-sorter"

#include "config.h"

#include "sam-decision-sorter.h"

/*
 * The sorter of one column of the decision table. The register is sorted
 * by the store, never in memory, so this sorter only names its column: a
 * click on a header makes it the column view's primary sorter, and
 * sam_decision_sorter_find_sort() reads back which column and which
 * direction that is. GTK 4.8 has no getter for the column view's sort
 * column, so it asks the column view's sorter to compare two marker
 * objects: only the primary column's sorter is asked (it answers
 * “smaller” and remembers it was asked), and the column view turns the
 * answer round when the column is sorted descending.
 */

struct _SamDecisionSorter
{
  GtkSorter        parent_instance;

  SamDecisionSort  key;
  gboolean         asked;
};

G_DEFINE_FINAL_TYPE (SamDecisionSorter, sam_decision_sorter, GTK_TYPE_SORTER)

static GtkOrdering
sam_decision_sorter_compare (GtkSorter *sorter,
                             gpointer   item1,
                             gpointer   item2)
{
  SAM_DECISION_SORTER (sorter)->asked = TRUE;

  return GTK_ORDERING_SMALLER;
}

static GtkSorterOrder
sam_decision_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_PARTIAL;
}

static void
sam_decision_sorter_class_init (SamDecisionSorterClass *klass)
{
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  sorter_class->compare = sam_decision_sorter_compare;
  sorter_class->get_order = sam_decision_sorter_get_order;
}

static void
sam_decision_sorter_init (SamDecisionSorter *self)
{
}

/**
 * sam_decision_sorter_new:
 * @key: the store's sort for this column
 *
 * Returns: (transfer full): a new sorter for a column of the decision table
 */
SamDecisionSorter *
sam_decision_sorter_new (SamDecisionSort key)
{
  SamDecisionSorter *self = g_object_new (SAM_TYPE_DECISION_SORTER, NULL);

  self->key = key;
  return self;
}

/**
 * sam_decision_sorter_get_key:
 * @self: a #SamDecisionSorter
 *
 * Returns: the store's sort for this column
 */
SamDecisionSort
sam_decision_sorter_get_key (SamDecisionSorter *self)
{
  g_return_val_if_fail (SAM_IS_DECISION_SORTER (self), SAM_DECISION_SORT_DATE);

  return self->key;
}

static SamDecisionSorter *
column_sorter (GListModel *columns,
               guint       i)
{
  g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);
  GtkSorter *sorter = gtk_column_view_column_get_sorter (column);

  return SAM_IS_DECISION_SORTER (sorter) ? SAM_DECISION_SORTER (sorter) : NULL;
}

/**
 * sam_decision_sorter_find_sort:
 * @view: a #GtkColumnView whose columns have #SamDecisionSorter sorters
 * @key: (out): the sort of the primary column
 * @descending: (out): whether it is sorted descending
 *
 * Returns: whether a column is sorted at all
 */
gboolean
sam_decision_sorter_find_sort (GtkColumnView   *view,
                               SamDecisionSort *key,
                               gboolean        *descending)
{
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GListModel *columns = gtk_column_view_get_columns (view);
  guint n = g_list_model_get_n_items (columns);
  GtkOrdering ordering;

  for (guint i = 0; i < n; i++)
    {
      SamDecisionSorter *sorter = column_sorter (columns, i);

      if (sorter != NULL)
        sorter->asked = FALSE;
    }

  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (view), a, b);
  for (guint i = 0; i < n; i++)
    {
      SamDecisionSorter *sorter = column_sorter (columns, i);

      if (sorter != NULL && sorter->asked)
        {
          *key = sorter->key;
          *descending = ordering == GTK_ORDERING_LARGER;
          return TRUE;
        }
    }

  return FALSE;
}

/* sam-decisions-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decisions-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-clock.h"
#include "sam-decision-sorter.h"
#include "sam-decision-text.h"
#include "sam-decisions-page-private.h"
#include "sam-escalation-item.h"
#include "sam-store-decisions.h"

/*
 * The decision register: a table of every decision (a lazy list, sorted
 * and filtered by the store, so 100 000 decisions cost what the visible
 * rows cost), the decisions due for follow-up per group and the open
 * escalations per receiving body (lazy lists too, read in a worker thread
 * when their view is first shown), and the editor of the selected
 * decision.
 */

typedef enum
{
  COLUMN_NUMBER,
  COLUMN_DATE,
  COLUMN_GROUP,
  COLUMN_TITLE,
  COLUMN_MANDATE,
  COLUMN_STATUS,
  COLUMN_RESPONSIBLE,
  COLUMN_FOLLOW_UP,
  N_COLUMNS
} Column;

G_DEFINE_FINAL_TYPE (SamDecisionsPage, sam_decisions_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Fixed widths (-1: the title takes the rest), so the table lays out
 * without measuring rows it has not read. */
static const struct { const char *title; SamDecisionSort sort; int width; } columns[N_COLUMNS] = {
  [COLUMN_NUMBER] = { N_("Number"), SAM_DECISION_SORT_NUMBER, 100 },
  [COLUMN_DATE] = { N_("Date"), SAM_DECISION_SORT_DATE, 90 },
  [COLUMN_GROUP] = { N_("Group"), SAM_DECISION_SORT_GROUP, 70 },
  [COLUMN_TITLE] = { N_("Title"), SAM_DECISION_SORT_TITLE, -1 },
  [COLUMN_MANDATE] = { N_("Mandate"), SAM_DECISION_SORT_MANDATE, 110 },
  [COLUMN_STATUS] = { N_("Status"), SAM_DECISION_SORT_STATUS, 100 },
  [COLUMN_RESPONSIBLE] = { N_("Responsible"), SAM_DECISION_SORT_RESPONSIBLE, 110 },
  [COLUMN_FOLLOW_UP] = { N_("Follow-up"), SAM_DECISION_SORT_FOLLOW_UP, 90 },
};

/* Helpers */

/**
 * _sam_decisions_page_get_group_code:
 * @self: a page
 * @group_uuid: (nullable): a group's UUID
 *
 * Returns: (transfer none) (nullable): the group's code, or its name if
 *   it has none, as the table shows it
 */
const char *
_sam_decisions_page_get_group_code (SamDecisionsPage *self,
                                    const char       *group_uuid)
{
  return group_uuid != NULL ? g_hash_table_lookup (self->codes, group_uuid) : NULL;
}

static char *
number_of (SamDecisionsPage *self,
           SamDecision      *decision)
{
  const char *code = _sam_decisions_page_get_group_code (self, sam_decision_get_group_uuid (decision));
  char *number = sam_decision_format_number (decision, code);

  return number != NULL ? number : g_strdup (_("Draft"));
}

static void
update_count (SamDecisionsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->list));
  g_autofree char *text = g_strdup_printf (ngettext ("%u decision", "%u decisions", n), n);
  const char *search;

  gtk_label_set_text (self->count_label, text);

  /* A search that finds nothing says what was searched for. */
  search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  if (n == 0 && search != NULL && *search != '\0')
    {
      g_autofree char *title = g_strdup_printf (_("No Matches for “%s”"), search);

      adw_status_page_set_title (self->no_matches, title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->table_window), n > 0 || search == NULL || *search == '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->no_matches), !gtk_widget_get_visible (GTK_WIDGET (self->table_window)));
}

/* Filter drop-downs */

/* The groups' codes the table shows. They are read before the rows are
 * bound to decisions, when the page gets its register and before the
 * list refreshes after a change: a row bound without them showed its
 * number as a bare "2026:1" until something bound it again. */
static void
load_codes (SamDecisionsPage *self)
{
  GListModel *groups = sam_store_list_groups (self->store, NULL);

  /* The group filter is filled from the same list right after: a
   * national register has 5 000 groups, read once rather than twice. */
  g_clear_object (&self->groups_read);
  self->groups_read = groups;
  g_hash_table_remove_all (self->codes);
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      const char *code = sam_group_get_code (group);

      g_hash_table_insert (self->codes, g_strdup (sam_group_get_uuid (group)),
                           g_strdup (code != NULL ? code : sam_group_get_name (group)));
    }
}

static void
load_groups (SamDecisionsPage *self)
{
  g_autoptr(GListModel) groups = self->groups_read != NULL ? g_steal_pointer (&self->groups_read)
                                                           : sam_store_list_groups (self->store, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  const char *selected = NULL;
  guint position = gtk_drop_down_get_selected (self->group_dropdown);
  guint new_position = 0;
  g_autofree char *keep = NULL;

  if (position != GTK_INVALID_LIST_POSITION && position > 0 && position - 1 < self->group_uuids->len)
    selected = g_ptr_array_index (self->group_uuids, position - 1);
  keep = g_strdup (selected);

  g_ptr_array_set_size (self->group_uuids, 0);
  gtk_string_list_append (labels, _("All groups"));
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);
      const char *code = sam_group_get_code (group);

      g_ptr_array_add (self->group_uuids, g_strdup (sam_group_get_uuid (group)));
      gtk_string_list_append (labels, code != NULL ? code : sam_group_get_name (group));
      if (g_strcmp0 (keep, sam_group_get_uuid (group)) == 0)
        new_position = i + 1;
    }
  gtk_drop_down_set_model (self->group_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->group_dropdown, new_position);
}

static void
load_years (SamDecisionsPage *self)
{
  g_autoptr(GPtrArray) years = sam_store_list_decision_years (self->store, NULL);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  guint position = gtk_drop_down_get_selected (self->year_dropdown);
  int keep = position != GTK_INVALID_LIST_POSITION && position > 0 && position - 1 < self->years->len
               ? g_array_index (self->years, int, position - 1) : 0;
  guint new_position = 0;

  g_array_set_size (self->years, 0);
  gtk_string_list_append (labels, _("All years"));
  for (guint i = 0; years != NULL && i < years->len; i++)
    {
      int year = GPOINTER_TO_INT (g_ptr_array_index (years, i));
      g_autofree char *label = g_strdup_printf ("%d", year);

      g_array_append_val (self->years, year);
      gtk_string_list_append (labels, label);
      if (year == keep)
        new_position = i + 1;
    }
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, new_position);
}

static void
load_fixed_filters (SamDecisionsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) mandates = gtk_string_list_new (NULL);

  gtk_string_list_append (statuses, _("All statuses"));
  for (int s = SAM_DECISION_STATUS_DRAFT; s <= SAM_DECISION_STATUS_SUPERSEDED; s++)
    gtk_string_list_append (statuses, sam_decision_status_get_label (s));
  gtk_string_list_append (mandates, _("All mandates"));
  for (int m = SAM_MANDATE_LINE_MANDATES; m <= SAM_MANDATE_NONE; m++)
    gtk_string_list_append (mandates, sam_mandate_get_label (m));

  gtk_drop_down_set_model (self->status_dropdown, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->mandate_dropdown, G_LIST_MODEL (mandates));
}

/**
 * _sam_decisions_page_get_selected_group:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the UUID of the group the
 *   register is filtered by, or %NULL for all groups
 */
const char *
_sam_decisions_page_get_selected_group (SamDecisionsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->group_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position == 0 || position - 1 >= self->group_uuids->len)
    return NULL;
  return g_ptr_array_index (self->group_uuids, position - 1);
}

/**
 * _sam_decisions_page_get_selected_year:
 * @self: a page
 *
 * Returns: the year the register is filtered by, or 0 for all years
 */
int
_sam_decisions_page_get_selected_year (SamDecisionsPage *self)
{
  guint position = gtk_drop_down_get_selected (self->year_dropdown);

  if (position == GTK_INVALID_LIST_POSITION || position == 0 || position - 1 >= self->years->len)
    return 0;
  return g_array_index (self->years, int, position - 1);
}

/* A new filter, sort or register replaces every item of the list.
 * GtkSingleSelection then looks for the selected decision among all the
 * new items, which reads the whole register a page at a time (seconds on
 * 100 000 decisions) for an object that is never there, and unselects
 * it. Let go of it first: the editor keeps showing the decision. */
static void
let_go_of_selection (SamDecisionsPage *self)
{
  if (self->selection != NULL && gtk_single_selection_get_selected (self->selection) != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

/* The order the column headers ask for; unsorted, a search shows the
 * best matches first, else the newest. */
static void
choose_sort (SamDecisionsPage        *self,
             const SamDecisionFilter *filter,
             SamDecisionSort         *sort,
             gboolean                *descending)
{
  if (!sam_decision_sorter_find_sort (self->column_view, sort, descending))
    {
      gboolean searching = filter->search != NULL && *filter->search != '\0';

      *sort = searching ? SAM_DECISION_SORT_RANK : SAM_DECISION_SORT_DATE;
      *descending = !searching;
    }
}

/* Lists what @filter selects in the order chosen, with one refresh */
static void
set_query (SamDecisionsPage        *self,
           const SamDecisionFilter *filter)
{
  SamDecisionSort sort;
  gboolean descending, current_descending;

  choose_sort (self, filter, &sort, &descending);
  if (!sam_decision_filter_equal (filter, sam_decision_list_get_filter (self->list)) ||
      sam_decision_list_get_sort (self->list, &current_descending) != sort || current_descending != descending)
    let_go_of_selection (self);
  sam_decision_list_set_query (self->list, filter, sort, descending);
}

static void
apply_sort (SamDecisionsPage *self)
{
  SamDecisionFilter filter;

  sam_decision_filter_init (&filter);
  sam_decision_filter_copy (&filter, sam_decision_list_get_filter (self->list));
  set_query (self, &filter);
  sam_decision_filter_clear (&filter);
}

static void
apply_filter (SamDecisionsPage *self)
{
  SamDecisionFilter filter;
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint mandate = gtk_drop_down_get_selected (self->mandate_dropdown);
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (self->list == NULL || self->updating_filters)
    return;

  sam_decision_filter_init (&filter);
  filter.group_uuid = g_strdup (_sam_decisions_page_get_selected_group (self));
  filter.year = _sam_decisions_page_get_selected_year (self);
  filter.status = status != GTK_INVALID_LIST_POSITION && status > 0 ? (int) status - 1 : -1;
  filter.mandate = mandate != GTK_INVALID_LIST_POSITION && mandate > 0 ? (int) mandate - 1 : -1;
  filter.search = *search != '\0' ? g_strdup (search) : NULL;
  set_query (self, &filter);
  sam_decision_filter_clear (&filter);
  update_count (self);
}

/* Follow-up and escalations: lazy lists, which read the register only
 * once their view is first shown, and then in a worker thread */

/* A row of either list: a heading when it starts a group (or a receiving
 * body), the decision's number and title, and a line of details. */
static void
setup_watch_row_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *heading = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  /* One line each: a list view measures every row it makes, and wrapped
   * text costs several times as much to measure. The editor shows it all. */
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_label_set_ellipsize (GTK_LABEL (heading), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (heading, "heading");
  gtk_widget_set_margin_top (heading, 12);
  gtk_widget_set_margin_bottom (heading, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_box_append (GTK_BOX (box), heading);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
set_watch_row (GtkListItem *item,
               const char  *heading,
               const char  *title,
               const char  *subtitle)
{
  GtkWidget *heading_label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *title_label = gtk_widget_get_next_sibling (heading_label);
  GtkWidget *subtitle_label = gtk_widget_get_next_sibling (title_label);

  gtk_label_set_text (GTK_LABEL (heading_label), heading != NULL ? heading : "");
  gtk_widget_set_visible (heading_label, heading != NULL);
  gtk_label_set_text (GTK_LABEL (title_label), title);
  gtk_label_set_text (GTK_LABEL (subtitle_label), subtitle);
}

/* The list's item before @item's, which says whether @item starts a group */
static gpointer
dup_previous_item (GListModel  *list,
                   GtkListItem *item)
{
  guint position = gtk_list_item_get_position (item);

  return position > 0 && position != GTK_INVALID_LIST_POSITION ? g_list_model_get_item (list, position - 1) : NULL;
}

static void
bind_follow_up_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SamDecisionsPage         *self)
{
  SamDecision *decision = gtk_list_item_get_item (item);
  g_autoptr(SamDecision) previous = NULL;
  g_autoptr(SamGroup) group = NULL;
  g_autofree char *day = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *group_uuid;
  const char *follow_up;
  const char *heading = NULL;
  const char *responsible;

  if (decision == NULL)
    {
      set_watch_row (item, NULL, "", "");
      return;
    }

  previous = dup_previous_item (G_LIST_MODEL (self->follow_up), item);
  group_uuid = sam_decision_get_group_uuid (decision);
  if (previous == NULL || g_strcmp0 (sam_decision_get_group_uuid (previous), group_uuid) != 0)
    {
      group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, group_uuid, NULL);
      heading = group != NULL ? sam_group_get_name (group) : _sam_decisions_page_get_group_code (self, group_uuid);
      if (heading == NULL)
        heading = "";
    }

  day = sam_clock_dup_today ();
  number = number_of (self, decision);
  title = g_strdup_printf ("%s  %s", number, sam_decision_get_title (decision));
  follow_up = sam_decision_get_follow_up (decision);
  responsible = sam_decision_get_responsible (decision) != NULL ? sam_decision_get_responsible (decision)
                                                                 : _("no one responsible");
  if (g_strcmp0 (follow_up, day) < 0)
    subtitle = g_strdup_printf (_("Follow-up %s, overdue · %s · %s"), follow_up,
                                sam_decision_status_get_label (sam_decision_get_status (decision)), responsible);
  else
    subtitle = g_strdup_printf (_("Follow-up %s · %s · %s"), follow_up,
                                sam_decision_status_get_label (sam_decision_get_status (decision)), responsible);
  set_watch_row (item, heading, title, subtitle);
}

static const char *
receiving_body (const SamEscalation *e)
{
  return e->to_group_name != NULL ? e->to_group_name : e->to_other;
}

static void
bind_escalation_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    SamDecisionsPage         *self)
{
  SamEscalationItem *escalation = gtk_list_item_get_item (item);
  g_autoptr(SamEscalationItem) previous = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const SamEscalation *e;
  const char *heading = NULL;

  if (escalation == NULL)
    {
      set_watch_row (item, NULL, "", "");
      return;
    }

  e = sam_escalation_item_get_escalation (escalation);
  previous = dup_previous_item (G_LIST_MODEL (self->escalations), item);
  if (previous == NULL ||
      g_strcmp0 (receiving_body (sam_escalation_item_get_escalation (previous)), receiving_body (e)) != 0)
    heading = receiving_body (e) != NULL ? receiving_body (e) : "";

  title = g_strdup_printf ("%s  %s", e->decision_number != NULL ? e->decision_number : _("Draft"),
                           e->decision_title);
  if (e->to_other != NULL && e->to_group_name != NULL)
    subtitle = g_strdup_printf (_("Escalated %s to %s: %s"), e->escalated, e->to_other, e->reason);
  else
    subtitle = g_strdup_printf (_("Escalated %s: %s"), e->escalated, e->reason);
  set_watch_row (item, heading, title, subtitle);
}

/* A row's decision, shown in the editor, as a click on it asks */
static void
watch_activate_cb (GtkListView      *view,
                   guint             position,
                   SamDecisionsPage *self)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (view));
  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  const char *uuid = NULL;

  if (SAM_IS_DECISION (item))
    uuid = sam_decision_get_uuid (SAM_DECISION (item));
  else if (SAM_IS_ESCALATION_ITEM (item))
    uuid = sam_escalation_item_get_escalation (SAM_ESCALATION_ITEM (item))->decision_uuid;
  if (uuid != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "decisions.show", "s", uuid);
}

static void
setup_watch_view (SamDecisionsPage *self,
                  GtkListView      *view,
                  GCallback         bind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  /* The page outlives its views' factories: a plain pointer is enough. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_watch_row_cb), NULL);
  g_signal_connect (factory, "bind", bind, self);
  gtk_list_view_set_factory (view, factory);
  g_signal_connect (view, "activate", G_CALLBACK (watch_activate_cb), self);
}

/* The spinner until the list is read, then the list, or a line saying
 * there is nothing in it. The spinner turns only while it is on screen:
 * an animation anywhere in the window keeps the frame clock ticking. */
static void
update_watch_view (SamDecisionsPage *self)
{
  struct { SamDecisionWatchList *list; GtkStack *stack; GtkSpinner *spinner; } views[] = {
    { self->follow_up, self->follow_up_stack, self->follow_up_spinner },
    { self->escalations, self->escalation_stack, self->escalation_spinner },
  };

  for (guint i = 0; i < G_N_ELEMENTS (views); i++)
    {
      const char *name = "loading";

      if (views[i].list != NULL && sam_decision_watch_list_is_loaded (views[i].list))
        name = g_list_model_get_n_items (G_LIST_MODEL (views[i].list)) > 0 ? "list" : "empty";
      gtk_spinner_set_spinning (views[i].spinner,
                                g_str_equal (name, "loading") && gtk_widget_get_mapped (GTK_WIDGET (views[i].spinner)));
      gtk_stack_set_visible_child_name (views[i].stack, name);
    }
}

/* Each list is read the first time its view is shown. */
static void
load_visible_watch (SamDecisionsPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);
  SamDecisionWatchList *list = NULL;

  if (g_strcmp0 (name, "follow-up") == 0)
    list = self->follow_up;
  else if (g_strcmp0 (name, "escalations") == 0)
    list = self->escalations;

  if (list != NULL && !sam_decision_watch_list_is_loaded (list) && !sam_decision_watch_list_is_loading (list))
    sam_decision_watch_list_refresh (list);
}

static SamDecisionWatchList *
new_watch_list (SamDecisionsPage *self,
                SamDecisionWatch  watch,
                GtkListView      *view)
{
  SamDecisionWatchList *list = sam_decision_watch_list_new (self->store, watch);
  /* gtk_list_view_set_model() takes a reference of its own. */
  g_autoptr(GtkNoSelection) model = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (list)));

  gtk_list_view_set_model (view, GTK_SELECTION_MODEL (model));
  g_signal_connect_object (list, "items-changed", G_CALLBACK (update_watch_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (list, "notify::loading", G_CALLBACK (update_watch_view), self, G_CONNECT_SWAPPED);

  return list;
}

/* Table */

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
  gtk_list_item_set_child (item, label);
}

typedef struct
{
  SamDecisionsPage *self;
  Column            column;
} CellData;

static void
cell_data_free (gpointer  data,
                GClosure *closure)
{
  g_free (data);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              CellData                 *data)
{
  SamDecisionsPage *self = data->self;
  Column column = data->column;
  SamDecision *decision = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autofree char *owned = NULL;
  const char *text = NULL;

  if (decision == NULL)
    return;

  switch (column)
    {
    case COLUMN_NUMBER:
      text = owned = number_of (self, decision);
      break;
    case COLUMN_DATE:
      text = sam_decision_get_decided (decision);
      break;
    case COLUMN_GROUP:
      text = _sam_decisions_page_get_group_code (self, sam_decision_get_group_uuid (decision));
      break;
    case COLUMN_TITLE:
      {
        const SamDecisionFilter *filter = sam_decision_list_get_filter (self->list);

        if (filter->search != NULL)
          {
            g_autofree char *markup = sam_text_highlight_markup (sam_decision_get_title (decision), filter->search,
                                                                 "<span background=\"#f8e45c\" foreground=\"#000000\">",
                                                                 "</span>");

            gtk_label_set_markup (label, markup);
            return;
          }
        text = sam_decision_get_title (decision);
      }
      break;
    case COLUMN_MANDATE:
      text = sam_mandate_get_label (sam_decision_get_mandate (decision));
      break;
    case COLUMN_STATUS:
      text = sam_decision_status_get_label (sam_decision_get_status (decision));
      break;
    case COLUMN_RESPONSIBLE:
      text = sam_decision_get_responsible (decision);
      break;
    case COLUMN_FOLLOW_UP:
      text = sam_decision_get_follow_up (decision);
      break;
    case N_COLUMNS:
    default:
      g_assert_not_reached ();
    }

  gtk_label_set_text (label, text != NULL ? text : "");
}

static void
add_columns (SamDecisionsPage *self)
{
  for (guint c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      g_autoptr(SamDecisionSorter) sorter = sam_decision_sorter_new (columns[c].sort);
      CellData *data = g_new0 (CellData, 1);

      /* The page outlives its columns, so a plain pointer is enough. */
      data->self = self;
      data->column = c;
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect_data (factory, "bind", G_CALLBACK (bind_cell_cb), data, cell_data_free, 0);
      column = gtk_column_view_column_new (_(columns[c].title), factory);
      gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, columns[c].width < 0);
      gtk_column_view_column_set_fixed_width (column, columns[c].width);
      gtk_column_view_append_column (self->column_view, column);
    }
}

/* Callbacks */

static void
selection_changed_cb (SamDecisionsPage   *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  SamDecision *decision = gtk_single_selection_get_selected_item (selection);

  /* A refresh after a change in the store moves the selection; the
   * editor keeps what it shows. */
  if (self->store_changing || decision == NULL)
    return;

  sam_decision_editor_set_decision (self->editor, decision);
}

static void
sorter_changed_cb (SamDecisionsPage *self,
                   GtkSorterChange   change,
                   GtkSorter        *sorter)
{
  apply_sort (self);
}

static void
filter_changed_cb (SamDecisionsPage *self)
{
  apply_filter (self);
}

static void
store_changing_cb (SamDecisionsPage *self,
                   guint             table,
                   SamStore         *store)
{
  self->store_changing = TRUE;
  if (table == SAM_TABLE_DECISION || table == SAM_TABLE_GROUP || table >= SAM_N_TABLES)
    let_go_of_selection (self);
  if (table == SAM_TABLE_GROUP || table >= SAM_N_TABLES)
    load_codes (self);
}

static void
store_changed_cb (SamDecisionsPage *self,
                  guint             table,
                  SamStore         *store)
{
  self->updating_filters = TRUE;
  if (table == SAM_TABLE_GROUP || table >= SAM_N_TABLES)
    load_groups (self);
  load_years (self);
  self->updating_filters = FALSE;
  apply_filter (self);

  sam_decision_editor_reload (self->editor);
  update_count (self);
  self->store_changing = FALSE;
}

/* Store */

static void
set_store (SamDecisionsPage *self,
           SamStore         *store)
{
  if (!g_set_object (&self->store, store))
    return;

  gtk_column_view_set_model (self->column_view, NULL);
  gtk_list_view_set_model (self->follow_up_list, NULL);
  gtk_list_view_set_model (self->escalation_list, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->follow_up);
  g_clear_object (&self->escalations);
  g_clear_object (&self->groups_read);
  g_object_set (self->editor, "store", store, NULL);
  update_watch_view (self);
  if (store == NULL)
    return;

  /* Connected before the list's own handler, so a refresh of the list in
   * the store's "changed" is known to be one; the page catches up after. */
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changing_cb), self, G_CONNECT_SWAPPED);
  load_codes (self);
  self->list = sam_decision_list_new (store);
  g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);

  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->list)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  self->updating_filters = TRUE;
  load_groups (self);
  load_years (self);
  self->updating_filters = FALSE;
  apply_filter (self);
  update_count (self);

  self->follow_up = new_watch_list (self, SAM_DECISION_WATCH_FOLLOW_UP, self->follow_up_list);
  self->escalations = new_watch_list (self, SAM_DECISION_WATCH_ESCALATIONS, self->escalation_list);
  update_watch_view (self);
  load_visible_watch (self);
}

/* GObject */

static void
sam_decisions_page_dispose (GObject *object)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (object);

  if (self->column_view != NULL)
    gtk_column_view_set_model (self->column_view, NULL);
  if (self->follow_up_list != NULL)
    gtk_list_view_set_model (self->follow_up_list, NULL);
  if (self->escalation_list != NULL)
    gtk_list_view_set_model (self->escalation_list, NULL);
  /* AdwBin unparents its child itself: let it, before the pointers go. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  self->column_view = NULL;
  self->follow_up_list = NULL;
  self->escalation_list = NULL;
  g_clear_object (&self->selection);
  g_clear_object (&self->list);
  g_clear_object (&self->follow_up);
  g_clear_object (&self->escalations);
  g_clear_object (&self->groups_read);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_decisions_page_parent_class)->dispose (object);
}

static void
sam_decisions_page_finalize (GObject *object)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (object);

  g_hash_table_unref (self->codes);
  g_ptr_array_unref (self->group_uuids);
  g_array_unref (self->years);

  G_OBJECT_CLASS (sam_decisions_page_parent_class)->finalize (object);
}

static void
sam_decisions_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (object);

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
sam_decisions_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  SamDecisionsPage *self = SAM_DECISIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      set_store (self, g_value_get_object (value));
      g_object_notify_by_pspec (object, pspec);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_decisions_page_class_init (SamDecisionsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_decisions_page_dispose;
  object_class->finalize = sam_decisions_page_finalize;
  object_class->get_property = sam_decisions_page_get_property;
  object_class->set_property = sam_decisions_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (SAM_TYPE_DECISION_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/samordna/Samordna/ui/sam-decisions-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, mandate_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, follow_up_stack);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, follow_up_spinner);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, follow_up_list);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, follow_up_empty);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, escalation_stack);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, escalation_spinner);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, escalation_list);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, escalation_empty);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, table_window);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, no_matches);
  gtk_widget_class_bind_template_child (widget_class, SamDecisionsPage, editor);

  _sam_decisions_page_install_actions (widget_class);
}

/* GTK 4.8 leaves the button inside a drop-down without a name, so a
 * screen reader says nothing: give it the drop-down's own. */
static void
name_drop_down_button (GtkDropDown *drop_down,
                       const char  *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (drop_down));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
sam_decisions_page_init (SamDecisionsPage *self)
{
  self->codes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->group_uuids = g_ptr_array_new_with_free_func (g_free);
  self->years = g_array_new (FALSE, FALSE, sizeof (int));

  gtk_widget_init_template (GTK_WIDGET (self));

  add_columns (self);
  load_fixed_filters (self);
  gtk_label_set_text (self->follow_up_empty, _("No decision is due for follow-up in the next 30 days."));
  gtk_label_set_text (self->escalation_empty, _("No escalation is waiting for an answer."));
  setup_watch_view (self, self->follow_up_list, G_CALLBACK (bind_follow_up_cb));
  setup_watch_view (self, self->escalation_list, G_CALLBACK (bind_escalation_cb));
  g_signal_connect_object (self->follow_up_spinner, "map", G_CALLBACK (update_watch_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->follow_up_spinner, "unmap", G_CALLBACK (update_watch_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->escalation_spinner, "map", G_CALLBACK (update_watch_view), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->escalation_spinner, "unmap", G_CALLBACK (update_watch_view), self, G_CONNECT_SWAPPED);
  update_watch_view (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
  name_drop_down_button (self->group_dropdown, _("Group"));
  name_drop_down_button (self->year_dropdown, _("Year"));
  name_drop_down_button (self->status_dropdown, _("Status"));
  name_drop_down_button (self->mandate_dropdown, _("Mandate"));

  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sorter_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->view_stack, "notify::visible-child-name", G_CALLBACK (load_visible_watch), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->group_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->mandate_dropdown, "notify::selected", G_CALLBACK (filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * sam_decisions_page_get_list:
 * @self: a #SamDecisionsPage
 *
 * Returns: (transfer none) (nullable): the lazy list the table shows
 */
SamDecisionList *
sam_decisions_page_get_list (SamDecisionsPage *self)
{
  g_return_val_if_fail (SAM_IS_DECISIONS_PAGE (self), NULL);

  return self->list;
}

/**
 * sam_decisions_page_get_editor:
 * @self: a #SamDecisionsPage
 *
 * Returns: (transfer none): the decision editor beside the table
 */
GtkWidget *
sam_decisions_page_get_editor (SamDecisionsPage *self)
{
  g_return_val_if_fail (SAM_IS_DECISIONS_PAGE (self), NULL);

  return GTK_WIDGET (self->editor);
}

/**
 * sam_decisions_page_search:
 * @self: a #SamDecisionsPage
 * @text: what to search for
 *
 * Types @text into the search entry, as a user would.
 */
void
sam_decisions_page_search (SamDecisionsPage *self,
                           const char       *text)
{
  g_return_if_fail (SAM_IS_DECISIONS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}

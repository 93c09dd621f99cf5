/* sam-organisation-page.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-organisation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-clock.h"
#include "sam-group-editor.h"
#include "sam-group-row.h"
#include "sam-gui.h"
#include "sam-match.h"
#include "sam-organisation-page-private.h"
#include "sam-roles.h"
#include "sam-store-structure.h"

/*
 * The Organisation page: the governance structure as a tree (by structural
 * parent) beside the details of the chosen group, where the coordinator
 * edits it. A second pane beside the details is left for the organisation
 * chart, which shares the selection through "selected-group".
 *
 * The tree asks the store for one group's children when it is expanded, so
 * opening the page reads only the top of the structure. When the register
 * changes, each list read so far is compared with the register and only
 * what differs is replaced, so rows stay expanded and selected. Searching
 * or choosing a kind shows a flat list of the matching groups instead.
 * Those lists are kept in sam-organisation-page-models.c, the commands in
 * sam-organisation-page-actions.c.
 */


G_DEFINE_FINAL_TYPE (SamOrganisationPage, sam_organisation_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SELECTED_GROUP,
  PROP_SHOW_DISSOLVED,
  PROP_CHART_ONLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_details (SamOrganisationPage *self,
                            gboolean             refresh);

/* Row widgets */

static void
row_drag_begin_cb (GtkDragSource *source,
                   GdkDrag       *drag,
                   GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static GdkContentProvider *
row_drag_prepare_cb (GtkDragSource *source,
                     double         x,
                     double         y,
                     GtkListItem   *list_item)
{
  const char *uuid = _sam_organisation_page_get_item_uuid (gtk_list_item_get_item (list_item));

  return uuid != NULL ? gdk_content_provider_new_typed (G_TYPE_STRING, uuid) : NULL;
}

typedef struct
{
  char *group;
  char *parent;
} MoveData;

static gboolean
move_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  MoveData *move = data;

  return sam_store_move_group (store, move->group, move->parent, error);
}

static gboolean
row_drop_cb (GtkDropTarget *target,
             const GValue  *value,
             double         x,
             double         y,
             GtkListItem   *list_item)
{
  GtkWidget *widget = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (gtk_widget_get_ancestor (widget, SAM_TYPE_ORGANISATION_PAGE));
  g_autoptr(SamGroup) parent = gtk_tree_list_row_get_item (gtk_list_item_get_item (list_item));
  g_autoptr(SamGroup) group = NULL;
  g_autoptr(GError) error = NULL;
  MoveData move = { (char *) g_value_get_string (value), (char *) sam_group_get_uuid (parent) };

  if (self == NULL || g_strcmp0 (move.group, move.parent) == 0)
    return FALSE;

  group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, move.group, NULL);
  if (group == NULL || g_strcmp0 (sam_group_get_parent_uuid (group), move.parent) == 0)
    return FALSE;

  if (!sam_undo_run (self->undo, _("Move Group"), move_edit, &move, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Move Group"), error);
      return FALSE;
    }
  _sam_organisation_page_toast_moved (self, group, parent);

  return TRUE;
}

static void
setup_row_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkDragSource *source = gtk_drag_source_new ();
  GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), sam_group_row_new ());
  gtk_list_item_set_child (list_item, expander);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect (source, "prepare", G_CALLBACK (row_drag_prepare_cb), list_item);
  g_signal_connect (source, "drag-begin", G_CALLBACK (row_drag_begin_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (source));
  g_signal_connect (target, "drop", G_CALLBACK (row_drop_cb), list_item);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (target));
}

/* A group found: its name and short code, no expander. */
static void
setup_flat_row_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  gtk_list_item_set_child (list_item, sam_group_row_new ());
}

/* Rows show their group directly rather than through expressions: a
 * jump to a far group binds every row kept around the view anew (GTK 4.8
 * keeps about 200), and the row skips a group it already shows. */
static void
bind_row_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             SamOrganisationPage      *self)
{
  gpointer item = gtk_list_item_get_item (list_item);
  GtkWidget *top = gtk_list_item_get_child (list_item);
  g_autoptr(SamGroup) group = _sam_organisation_page_dup_item_group (item);
  GtkWidget *row = top;

  if (GTK_IS_TREE_EXPANDER (top))
    {
      gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (top), item);
      row = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (top));
    }
  sam_group_row_set_group (SAM_GROUP_ROW (row), group, self->today);
}

/* Selection: the tree and the list of groups found each keep their own
 * rows and selection, so switching between them recreates no rows; the
 * one shown is the one that counts. */

static GtkSingleSelection *
active_selection (SamOrganisationPage *self)
{
  return self->flat ? self->flat_selection : self->selection;
}

static void
selection_changed_cb (SamOrganisationPage *self)
{
  g_autoptr(SamGroup) group = _sam_organisation_page_dup_item_group (gtk_single_selection_get_selected_item (active_selection (self)));

  if (self->updating)
    return;
  if (group == self->selected)
    return;

  g_set_object (&self->selected, group);
  update_details (self, FALSE);
  _sam_organisation_page_update_actions (self);
  /* In a narrow window the tree fills it: choosing a group goes on to
   * its details, as in a phone's settings. */
  if (group != NULL && adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "details");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GROUP]);
}

static gint
index_of_uuid (GListModel *model,
               const char *uuid)
{
  guint n = model != NULL ? g_list_model_get_n_items (model) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (model, i);

      if (g_strcmp0 (sam_group_get_uuid (group), uuid) == 0)
        return (gint) i;
    }

  return -1;
}

static void
selection_notify_cb (GtkSingleSelection  *selection,
                     GParamSpec          *pspec,
                     SamOrganisationPage *self)
{
  if (selection == active_selection (self))
    selection_changed_cb (self);
}

/* Finds @uuid among the rows, expanding its ancestors in the tree. Each
 * level is looked up in its own (short) list of children, never in the
 * whole flattened tree, so this stays fast however much is expanded. */
static gboolean
select_in_model (SamOrganisationPage *self,
                 const char          *uuid)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *current = g_strdup (uuid);
  g_autoptr(GtkTreeListRow) row = NULL;
  gint index;

  if (self->flat)
    {
      index = sam_group_matches_find (self->flat_model, uuid);
      if (index < 0)
        return FALSE;
      gtk_single_selection_set_selected (self->flat_selection, (guint) index);
      gtk_widget_activate_action (GTK_WIDGET (self->flat_view), "list.scroll-to-item", "u", (guint) index);
      return TRUE;
    }

  /* The chain of ancestors, from the top down */
  while (current != NULL && chain->len < 64)
    {
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, current, NULL);

      if (group == NULL)
        return FALSE;
      g_ptr_array_insert (chain, 0, g_strdup (current));
      g_free (current);
      current = g_strdup (sam_group_get_parent_uuid (group));
    }

  index = index_of_uuid (gtk_tree_list_model_get_model (self->tree_model), g_ptr_array_index (chain, 0));
  if (index < 0)
    return FALSE;
  row = gtk_tree_list_model_get_child_row (self->tree_model, (guint) index);

  for (guint level = 1; row != NULL && level < chain->len; level++)
    {
      GListModel *children;
      GtkTreeListRow *child;

      gtk_tree_list_row_set_expanded (row, TRUE);
      children = gtk_tree_list_row_get_children (row);
      index = index_of_uuid (children, g_ptr_array_index (chain, level));
      if (index < 0)
        return FALSE;
      child = gtk_tree_list_row_get_child_row (row, (guint) index);
      g_object_unref (row);
      row = child;
    }
  if (row == NULL)
    return FALSE;

  gtk_single_selection_set_selected (self->selection, gtk_tree_list_row_get_position (row));
  gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                              gtk_tree_list_row_get_position (row));
  return TRUE;
}

static void
set_flat (SamOrganisationPage *self,
          gboolean             flat)
{
  g_autofree char *selected = self->selected != NULL ? g_strdup (sam_group_get_uuid (self->selected)) : NULL;

  if (flat)
    _sam_organisation_page_refilter_flat (self);
  if (self->flat == flat)
    return;

  self->flat = flat;
  _sam_organisation_page_show_list (self);

  /* The same group stays chosen in the list now shown, if it is there. */
  self->updating = TRUE;
  if (selected == NULL || !select_in_model (self, selected))
    gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;
  if (!flat && selected != NULL && gtk_single_selection_get_selected_item (self->selection) == NULL)
    selection_changed_cb (self);
}

static void
search_changed_cb (SamOrganisationPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint kind = gtk_drop_down_get_selected (self->kind_dropdown);

  g_free (self->needle);
  self->needle = text != NULL && *text != '\0' ? sam_match_fold (text) : NULL;

  set_flat (self, (text != NULL && *text != '\0') || (kind != GTK_INVALID_LIST_POSITION && kind > 0));
}

static void
search_activate_cb (SamOrganisationPage *self)
{
  if (self->flat && g_list_model_get_n_items (G_LIST_MODEL (self->flat_model)) > 0)
    {
      gtk_single_selection_set_selected (self->flat_selection, 0);
      gtk_widget_grab_focus (GTK_WIDGET (self->flat_view));
    }
}
static void
update_details (SamOrganisationPage *self,
                gboolean             refresh)
{
  if (self->selected == NULL)
    {
      gtk_stack_set_visible_child_name (self->details_stack, "empty");
      return;
    }

  /* The editor is made when first needed, so opening the page is quick. */
  if (self->editor == NULL)
    {
      self->editor = sam_group_editor_new ();
      gtk_stack_add_named (self->details_stack, self->editor, "group");
    }
  sam_group_editor_show (SAM_GROUP_EDITOR (self->editor), self->undo, self->selected, self->today, refresh);
  gtk_stack_set_visible_child_name (self->details_stack, "group");
}

static void
store_changed_cb (SamOrganisationPage *self,
                  guint                table,
                  SamStore            *store)
{
  g_autoptr(SamGroup) fresh = NULL;
  g_autofree char *uuid = self->selected != NULL ? g_strdup (sam_group_get_uuid (self->selected)) : NULL;
  GtkTreeListRow *row;

  g_free (self->today);
  self->today = sam_clock_dup_today ();

  /* Rows come and go while the lists catch up: the selection is put back
   * afterwards, on the same group wherever it is now. */
  self->updating = TRUE;
  _sam_organisation_page_refresh_tree (self);
  if (uuid != NULL)
    fresh = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, uuid, NULL);
  if (fresh == NULL)
    gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
  else
    {
      row = gtk_single_selection_get_selected_item (active_selection (self));
      if (g_strcmp0 (_sam_organisation_page_get_item_uuid (row), uuid) != 0 && !select_in_model (self, uuid))
        gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
    }
  self->updating = FALSE;

  if (uuid != NULL && fresh == NULL)
    {
      g_clear_object (&self->selected);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_GROUP]);
    }
  else if (fresh != NULL)
    _sam_organisation_page_copy_group (self->selected, fresh);

  update_details (self, TRUE);
  _sam_organisation_page_update_actions (self);
}

/* Setting up with a register */

static void
build_models (SamOrganisationPage *self)
{
  GListModel *root;

  g_clear_object (&self->selected);
  g_clear_object (&self->undo);

  root = _sam_organisation_page_load_tree (self);
  if (root == NULL)
    {
      gtk_single_selection_set_model (self->selection, NULL);
      gtk_single_selection_set_model (self->flat_selection, NULL);
      return;
    }

  self->undo = sam_undo_new (self->store);
  g_signal_connect_object (self->undo, "notify::can-undo", G_CALLBACK (_sam_organisation_page_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->undo, "notify::can-redo", G_CALLBACK (_sam_organisation_page_update_actions), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);

  self->flat = FALSE;
  gtk_stack_set_visible_child_name (self->list_stack, "tree");
  self->updating = TRUE;
  gtk_single_selection_set_model (self->selection, G_LIST_MODEL (self->tree_model));
  gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
  gtk_single_selection_set_model (self->flat_selection, G_LIST_MODEL (self->flat_model));
  gtk_single_selection_set_selected (self->flat_selection, GTK_INVALID_LIST_POSITION);
  self->updating = FALSE;

  /* A region's structure has one or a few groups at the top: open them so
   * the councils show. (A register with many loose groups opens closed.) */
  if (g_list_model_get_n_items (root) <= 8)
    for (guint i = g_list_model_get_n_items (root); i > 0; i--)
      {
        g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_child_row (self->tree_model, i - 1);

        if (row != NULL)
          gtk_tree_list_row_set_expanded (row, TRUE);
      }

  update_details (self, TRUE);
  _sam_organisation_page_update_actions (self);
}

/* GObject */

static void
sam_organisation_page_dispose (GObject *object)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  if (self->selection != NULL)
    gtk_single_selection_set_model (self->selection, NULL);
  if (self->flat_selection != NULL)
    gtk_single_selection_set_model (self->flat_selection, NULL);
  /* AdwBin keeps its child apart from the template's list. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_ORGANISATION_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->flat_selection);
  _sam_organisation_page_dispose_models (self);
  g_clear_object (&self->selected);
  g_clear_object (&self->undo);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_organisation_page_parent_class)->dispose (object);
}

static void
sam_organisation_page_finalize (GObject *object)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  g_free (self->today);
  g_free (self->needle);
  g_free (self->flat_needle);

  G_OBJECT_CLASS (sam_organisation_page_parent_class)->finalize (object);
}

static void
sam_organisation_page_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_SELECTED_GROUP:
      g_value_set_object (value, self->selected);
      break;
    case PROP_SHOW_DISSOLVED:
      g_value_set_boolean (value, self->show_dissolved);
      break;
    case PROP_CHART_ONLY:
      g_value_set_boolean (value, sam_organisation_page_get_chart_only (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_organisation_page_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (object);

  switch (prop_id)
    {
    case PROP_STORE:
      sam_organisation_page_set_store (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_GROUP:
      {
        SamGroup *group = g_value_get_object (value);

        sam_organisation_page_select_group (self, group != NULL ? sam_group_get_uuid (group) : NULL);
      }
      break;
    case PROP_SHOW_DISSOLVED:
      if (self->show_dissolved != g_value_get_boolean (value))
        {
          self->show_dissolved = g_value_get_boolean (value);
          _sam_organisation_page_refilter_dissolved (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_CHART_ONLY:
      sam_organisation_page_set_chart_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_organisation_page_class_init (SamOrganisationPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_organisation_page_dispose;
  object_class->finalize = sam_organisation_page_finalize;
  object_class->get_property = sam_organisation_page_get_property;
  object_class->set_property = sam_organisation_page_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * SamOrganisationPage:selected-group:
   *
   * The group shown in the details, shared with the chart beside them:
   * setting it selects the group in the tree.
   */
  properties[PROP_SELECTED_GROUP] =
    g_param_spec_object ("selected-group", NULL, NULL, SAM_TYPE_GROUP,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties[PROP_SHOW_DISSOLVED] =
    g_param_spec_boolean ("show-dissolved", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /**
   * SamOrganisationPage:chart-only:
   *
   * Whether the chart takes the whole page, the tree and the details
   * hidden.
   */
  properties[PROP_CHART_ONLY] =
    g_param_spec_boolean ("chart-only", NULL, NULL, FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-organisation-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, chart_box);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, search_button);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, search_bar);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, no_matches);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, flat_view);
  gtk_widget_class_bind_template_child (widget_class, SamOrganisationPage, details_stack);

  _sam_organisation_page_install_actions (widget_class);
}

static void
sam_organisation_page_init (SamOrganisationPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkListItemFactory) flat_factory = gtk_signal_list_item_factory_new ();
  GEnumClass *enum_class = g_type_class_ref (SAM_TYPE_GROUP_KIND);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->today = sam_clock_dup_today ();
  _sam_organisation_page_init_models (self);
  self->selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  self->flat_selection = gtk_single_selection_new (NULL);
  gtk_single_selection_set_autoselect (self->flat_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->flat_selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_notify_cb), self, 0);
  g_signal_connect_object (self->flat_selection, "notify::selected-item", G_CALLBACK (selection_notify_cb), self, 0);

  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < enum_class->n_values; i++)
    gtk_string_list_append (kinds, sam_group_kind_get_label (i));
  g_type_class_unref (enum_class);
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
  /* The drop-down's own button is what a screen reader lands on: name it. */
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->kind_dropdown));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_TOGGLE_BUTTON (child))
      gtk_accessible_update_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Kind of Group"), -1);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->tree_view, factory);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect (flat_factory, "setup", G_CALLBACK (setup_flat_row_cb), self);
  g_signal_connect (flat_factory, "bind", G_CALLBACK (bind_row_cb), self);
  gtk_list_view_set_factory (self->flat_view, flat_factory);
  gtk_list_view_set_model (self->flat_view, GTK_SELECTION_MODEL (self->flat_selection));

  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));
  gtk_search_bar_set_key_capture_widget (self->search_bar, GTK_WIDGET (self->tree_view));
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activate_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_dropdown, "notify::selected", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);

  _sam_organisation_page_update_actions (self);
}

/**
 * sam_organisation_page_get_store:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the register shown
 */
SamStore *
sam_organisation_page_get_store (SamOrganisationPage *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), NULL);

  return self->store;
}

/**
 * sam_organisation_page_set_store:
 * @self: a page
 * @store: (nullable): the register to show
 *
 * Shows @store, with a new undo history.
 */
void
sam_organisation_page_set_store (SamOrganisationPage *self,
                                 SamStore            *store)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  if (self->store == store)
    return;

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  build_models (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * sam_organisation_page_get_undo:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the page's undo history
 */
SamUndo *
sam_organisation_page_get_undo (SamOrganisationPage *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), NULL);

  return self->undo;
}

/**
 * sam_organisation_page_get_selected_group:
 * @self: a page
 *
 * Returns: (transfer none) (nullable): the group whose details are shown
 */
SamGroup *
sam_organisation_page_get_selected_group (SamOrganisationPage *self)
{
  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), NULL);

  return self->selected;
}

/**
 * sam_organisation_page_select_group:
 * @self: a page
 * @uuid: (nullable): a group, or %NULL to select none
 *
 * Selects a group in the tree, opening the rows above it.
 */
void
sam_organisation_page_select_group (SamOrganisationPage *self,
                                    const char          *uuid)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  if (uuid == NULL)
    {
      gtk_single_selection_set_selected (active_selection (self), GTK_INVALID_LIST_POSITION);
      return;
    }
  if (self->selected != NULL && g_strcmp0 (sam_group_get_uuid (self->selected), uuid) == 0)
    return;
  if (self->store != NULL && !select_in_model (self, uuid) && self->flat)
    {
      /* Not among the matches: show it in the tree instead. */
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
      gtk_drop_down_set_selected (self->kind_dropdown, 0);
      set_flat (self, FALSE);
      select_in_model (self, uuid);
    }
}

/**
 * sam_organisation_page_set_chart:
 * @self: a page
 * @chart: (nullable): the organisation chart widget
 *
 * Puts the chart in the pane beside the details (in a narrow window, the
 * page after them). The chart and the tree
 * share the selection through #SamOrganisationPage:selected-group.
 */
void
sam_organisation_page_set_chart (SamOrganisationPage *self,
                                 GtkWidget           *chart)
{
  GtkWidget *scrolled;

  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  /* The chart's own bars are wider than the room left beside the tree and
   * the details in a window of middle width; rather than fold the page
   * into one pane at a time already there, the chart scrolls sideways
   * when it has less than it asks for. */
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_size_request (scrolled, 300, -1);
  gtk_widget_set_hexpand (scrolled, TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), chart);
  gtk_box_append (self->chart_box, scrolled);
}

gboolean
sam_organisation_page_get_chart_only (SamOrganisationPage *self)
{
  AdwLeafletPage *tree;

  g_return_val_if_fail (SAM_IS_ORGANISATION_PAGE (self), FALSE);

  tree = adw_leaflet_get_page (self->leaflet, adw_leaflet_get_child_by_name (self->leaflet, "tree"));

  return !gtk_widget_get_visible (adw_leaflet_page_get_child (tree));
}

/**
 * sam_organisation_page_set_chart_only:
 * @self: a page
 * @chart_only: whether the chart takes the whole page
 *
 * Hides the tree and the details, so the chart beside them takes the
 * whole page, or shows them again.
 */
void
sam_organisation_page_set_chart_only (SamOrganisationPage *self,
                                      gboolean             chart_only)
{
  g_autoptr(GtkSelectionModel) pages = NULL;

  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  chart_only = !!chart_only;
  if (chart_only == sam_organisation_page_get_chart_only (self))
    return;

  /* Every pane of the leaflet but the chart's, the separators with them. */
  pages = adw_leaflet_get_pages (self->leaflet);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwLeafletPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);

      if (g_strcmp0 (adw_leaflet_page_get_name (page), "chart") != 0)
        gtk_widget_set_visible (adw_leaflet_page_get_child (page), !chart_only);
    }
  if (chart_only)
    adw_leaflet_set_visible_child_name (self->leaflet, "chart");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART_ONLY]);
}

/**
 * sam_organisation_page_add_toast:
 * @self: a page
 * @toast: (transfer full): a toast
 *
 * Shows @toast over the page, inside it, so that a button on the toast
 * can name the page's actions (“organisation.undo”).
 */
void
sam_organisation_page_add_toast (SamOrganisationPage *self,
                                 AdwToast            *toast)
{
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (self));

  sam_gui_show_toast (self->toast_overlay, toast);
}

/* sam-move-dialog.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-move-dialog"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-match.h"
#include "sam-move-dialog.h"
#include "sam-store-structure.h"

/* “Move To…”: choose a group's new place in the structure from a list
 * that narrows as one types a name or short code. */
struct _SamMoveDialog
{
  AdwWindow            parent_instance;

  SamUndo             *undo;
  SamGroup            *group;
  GtkCustomFilter     *filter;
  SamMatcher          *matcher;  /* the search, NULL for none */
  GtkSingleSelection  *selection;

  GtkLabel            *intro_label;
  GtkSearchEntry      *search_entry;
  GtkCheckButton      *top_check;
  GtkListView         *list_view;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (SamMoveDialog, sam_move_dialog, ADW_TYPE_WINDOW)

enum {
  GROUP_MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  SamMoveDialog *self = user_data;
  SamGroup *group = item;
  g_autofree char *text = NULL;

  if (g_strcmp0 (sam_group_get_uuid (group), sam_group_get_uuid (self->group)) == 0)
    return FALSE;
  if (self->matcher == NULL)
    return TRUE;

  text = g_strconcat (sam_group_get_name (group), " ", sam_group_get_code (group), NULL);
  return sam_matcher_match_text (self->matcher, text);
}

static void
search_changed_cb (SamMoveDialog *self)
{
  g_clear_pointer (&self->matcher, sam_matcher_free);
  self->matcher = sam_matcher_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* Names are long and alike at their start ("Regionalt processteam …"):
   * they wrap, whole, so that groups are told apart by their ends. */
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_list_item_set_child (item, label);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  user_data)
{
  SamGroup *group = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (sam_group_get_code (group) != NULL)
    text = g_strdup_printf ("%s (%s)", sam_group_get_name (group), sam_group_get_code (group));
  else
    text = g_strdup (sam_group_get_name (group));
  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), text);
}

typedef struct
{
  const char *group;
  const char *parent;
} MoveData;

static gboolean
move_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  MoveData *move = data;

  return sam_store_move_group (store, move->group, move->parent, error);
}

/* The typed short code or name wins; then the selected row. */
static SamGroup *
dup_target (SamMoveDialog *self)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *needle = g_utf8_casefold (text, -1);
  gpointer selected;

  for (guint i = 0; *needle != '\0' && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (model, i);
      g_autofree char *code = sam_group_get_code (group) != NULL ? g_utf8_casefold (sam_group_get_code (group), -1) : NULL;
      g_autofree char *name = g_utf8_casefold (sam_group_get_name (group), -1);

      if (g_strcmp0 (code, needle) == 0 || g_strcmp0 (name, needle) == 0)
        return g_steal_pointer (&group);
    }

  selected = gtk_single_selection_get_selected_item (self->selection);
  return selected != NULL ? g_object_ref (selected) : NULL;
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamMoveDialog *self = SAM_MOVE_DIALOG (widget);
  g_autoptr(SamGroup) target = NULL;
  g_autoptr(GError) error = NULL;
  gboolean top = gtk_check_button_get_active (self->top_check);
  MoveData move;

  if (!top && (target = dup_target (self)) == NULL)
    {
      gtk_label_set_text (self->error_label, _("Choose the group to move it under"));
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  move.group = sam_group_get_uuid (self->group);
  move.parent = top ? NULL : sam_group_get_uuid (target);
  if (!sam_undo_run (self->undo, _("Move Group"), move_edit, &move, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }

  g_signal_emit (self, signals[GROUP_MOVED], 0, self->group, top ? NULL : target);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
activate_cb (SamMoveDialog *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "move.move", NULL);
}

static void
sam_move_dialog_dispose (GObject *object)
{
  SamMoveDialog *self = SAM_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_MOVE_DIALOG);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->matcher, sam_matcher_free);
  g_clear_object (&self->undo);
  g_clear_object (&self->group);

  G_OBJECT_CLASS (sam_move_dialog_parent_class)->dispose (object);
}

static void
sam_move_dialog_class_init (SamMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_move_dialog_dispose;

  /**
   * SamMoveDialog::group-moved:
   * @group: the group that was moved
   * @parent: (nullable): the group it is now under, or %NULL at the top
   *
   * Emitted when the move is stored, just before the dialog closes. The
   * move is the last step of the undo history.
   */
  signals[GROUP_MOVED] = g_signal_new ("group-moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 2, SAM_TYPE_GROUP, SAM_TYPE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SamMoveDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SamMoveDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamMoveDialog, top_check);
  gtk_widget_class_bind_template_child (widget_class, SamMoveDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, SamMoveDialog, error_label);

  gtk_widget_class_install_action (widget_class, "move.move", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_move_dialog_init (SamMoveDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->filter = gtk_custom_filter_new (filter_cb, self, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->list_view, "activate", G_CALLBACK (activate_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_move_dialog_new:
 * @undo: the undo history the move is made in, as one step
 * @group: the group to move
 *
 * Returns: (transfer full): a new dialog
 */
SamMoveDialog *
sam_move_dialog_new (SamUndo  *undo,
                     SamGroup *group)
{
  SamMoveDialog *self;
  g_autoptr(GListModel) groups = NULL;
  g_autofree char *intro = NULL;
  GtkFilterListModel *filtered;

  g_return_val_if_fail (SAM_IS_UNDO (undo), NULL);
  g_return_val_if_fail (SAM_IS_GROUP (group), NULL);

  self = g_object_new (SAM_TYPE_MOVE_DIALOG, NULL);
  groups = sam_store_list_groups (sam_undo_get_store (undo), NULL);
  self->undo = g_object_ref (undo);
  self->group = g_object_ref (group);
  /* Translators: %s is a group's name */
  intro = g_strdup_printf (_("Where “%s” belongs in the structure, with its own subgroups."), sam_group_get_name (group));
  gtk_label_set_text (self->intro_label, intro);

  filtered = gtk_filter_list_model_new (groups != NULL ? g_object_ref (groups) : NULL,
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

/* sam-agenda-item-editor.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-agenda-item-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-agenda-item-editor.h"

/*
 * Adds or edits one agenda item: title, presenter, kind and the notes taken
 * on it. Saving an item for decision also opens its decision draft in the
 * register (once); "saved" says whether a draft was opened, so the page
 * can tell the user.
 */

struct _SamAgendaItemEditor
{
  AdwWindow      parent_instance;

  SamStore      *store;
  SamAgendaItem *item;
  char          *meeting_uuid;

  GtkRevealer   *error_revealer;
  GtkLabel      *error_label;
  AdwEntryRow   *title_row;
  AdwEntryRow   *presenter_row;
  AdwComboRow   *kind_row;
  GtkTextView   *notes_view;
};

G_DEFINE_FINAL_TYPE (SamAgendaItemEditor, sam_agenda_item_editor, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_MEETING_UUID,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamAgendaItemEditor *self = SAM_AGENDA_ITEM_EDITOR (widget);
  g_autoptr(SamAgendaItem) item = NULL;
  g_autoptr(SamDecision) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  gboolean had_draft = FALSE;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  item = self->item != NULL ? g_object_ref (self->item) : sam_agenda_item_new (self->meeting_uuid);
  sam_agenda_item_set_title (item, gtk_editable_get_text (GTK_EDITABLE (self->title_row)));
  sam_agenda_item_set_presenter (item, gtk_editable_get_text (GTK_EDITABLE (self->presenter_row)));
  sam_agenda_item_set_kind (item, adw_combo_row_get_selected (self->kind_row));
  sam_agenda_item_set_notes (item, notes);

  if (!sam_store_save_agenda_item (self->store, item, &error))
    {
      gtk_label_set_text (self->error_label, error->message);
      gtk_revealer_set_reveal_child (self->error_revealer, TRUE);
      return;
    }

  if (sam_agenda_item_get_kind (item) == SAM_AGENDA_KIND_DECISION)
    {
      g_autoptr(GListModel) decisions = sam_store_list_meeting_decisions (self->store, self->meeting_uuid, NULL);

      for (guint i = 0; decisions != NULL && i < g_list_model_get_n_items (decisions) && !had_draft; i++)
        {
          g_autoptr(SamDecision) decision = g_list_model_get_item (decisions, i);
          g_autofree char *item_uuid = NULL;

          g_object_get (decision, "agenda-item-uuid", &item_uuid, NULL);
          had_draft = g_strcmp0 (item_uuid, sam_agenda_item_get_uuid (item)) == 0;
        }
      draft = sam_store_add_decision_draft (self->store, item, &error);
      if (draft == NULL)
        g_warning ("No decision draft for “%s”: %s", sam_agenda_item_get_title (item), error->message);
    }

  g_signal_emit (self, signals[SAVED], 0, draft != NULL && !had_draft);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
sam_agenda_item_editor_constructed (GObject *object)
{
  SamAgendaItemEditor *self = SAM_AGENDA_ITEM_EDITOR (object);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  G_OBJECT_CLASS (sam_agenda_item_editor_parent_class)->constructed (object);

  for (SamAgendaKind kind = SAM_AGENDA_KIND_INFORMATION; kind <= SAM_AGENDA_KIND_FOLLOW_UP; kind++)
    gtk_string_list_append (kinds, sam_agenda_kind_get_label (kind));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));

  gtk_window_set_title (GTK_WINDOW (self), self->item != NULL ? _("Edit Agenda Item") : _("New Agenda Item"));
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
  if (self->item == NULL)
    return;

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), sam_agenda_item_get_title (self->item));
  if (sam_agenda_item_get_presenter (self->item) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->presenter_row), sam_agenda_item_get_presenter (self->item));
  adw_combo_row_set_selected (self->kind_row, sam_agenda_item_get_kind (self->item));
  if (sam_agenda_item_get_notes (self->item) != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), sam_agenda_item_get_notes (self->item), -1);
}

static void
sam_agenda_item_editor_dispose (GObject *object)
{
  SamAgendaItemEditor *self = SAM_AGENDA_ITEM_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_AGENDA_ITEM_EDITOR);
  g_clear_object (&self->store);
  g_clear_object (&self->item);
  g_clear_pointer (&self->meeting_uuid, g_free);

  G_OBJECT_CLASS (sam_agenda_item_editor_parent_class)->dispose (object);
}

static void
sam_agenda_item_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  SamAgendaItemEditor *self = SAM_AGENDA_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_MEETING_UUID:
      self->meeting_uuid = g_value_dup_string (value);
      break;
    case PROP_ITEM:
      self->item = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_agenda_item_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  SamAgendaItemEditor *self = SAM_AGENDA_ITEM_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_MEETING_UUID:
      g_value_set_string (value, self->meeting_uuid);
      break;
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sam_agenda_item_editor_class_init (SamAgendaItemEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = sam_agenda_item_editor_constructed;
  object_class->dispose = sam_agenda_item_editor_dispose;
  object_class->set_property = sam_agenda_item_editor_set_property;
  object_class->get_property = sam_agenda_item_editor_get_property;

  properties[PROP_STORE] = g_param_spec_object ("store", NULL, NULL, SAM_TYPE_STORE, flags);
  properties[PROP_MEETING_UUID] = g_param_spec_string ("meeting-uuid", NULL, NULL, NULL, flags);
  properties[PROP_ITEM] = g_param_spec_object ("item", NULL, NULL, SAM_TYPE_AGENDA_ITEM, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * SamAgendaItemEditor::saved:
   * @draft_opened: whether a decision draft was opened for the item
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-agenda-item-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamAgendaItemEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaItemEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaItemEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaItemEditor, presenter_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaItemEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamAgendaItemEditor, notes_view);

  gtk_widget_class_install_action (widget_class, "item.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "item.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sam_agenda_item_editor_init (SamAgendaItemEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * sam_agenda_item_editor_new:
 * @parent: (nullable): the window to stay above
 * @store: the register
 * @meeting_uuid: the meeting whose agenda it is
 * @item: (nullable): the item to edit, or %NULL for a new one
 *
 * Returns: (transfer none): the new editor, not yet shown
 */
SamAgendaItemEditor *
sam_agenda_item_editor_new (GtkWindow     *parent,
                            SamStore      *store,
                            const char    *meeting_uuid,
                            SamAgendaItem *item)
{
  return g_object_new (SAM_TYPE_AGENDA_ITEM_EDITOR,
                       "transient-for", parent,
                       "store", store,
                       "meeting-uuid", meeting_uuid,
                       "item", item,
                       NULL);
}

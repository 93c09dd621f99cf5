/* sam-people-window.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-people-window"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-clock.h"
#include "sam-commission-doc.h"
#include "sam-gui.h"
#include "sam-match.h"
#include "sam-people-window.h"
#include "sam-roles.h"
#include "sam-rules.h"
#include "sam-store-structure.h"

/* The People view: search, edit and merge people, and see one person's
 * roles across all groups (the uppdragsförteckning), printable and
 * exportable as PDF. Each edit is one step of the undo history the
 * window is given. A national register has 10 000 people and more: they
 * are read in a worker, on a connection of its own, when the window
 * opens and after each change, and a list view makes rows for what is in
 * view. */
struct _SamPeopleWindow
{
  AdwWindow            parent_instance;

  SamUndo             *undo;
  GListStore          *people;
  GtkCustomFilter     *filter;
  SamMatcher          *matcher;  /* the search, NULL for none */
  GtkWidget           *list_window;
  AdwStatusPage       *no_matches;  /* instead of the list when a search finds no one */
  GtkSingleSelection  *selection;
  SamPerson           *person;
  GPtrArray           *rows;
  GCancellable        *cancellable;  /* of the read under way */
  char                *to_select;    /* a person to choose once read */

  GtkSearchEntry      *search_entry;
  GtkListView         *list_view;
  GtkStack            *stack;
  AdwEntryRow         *name_row;
  AdwEntryRow         *title_row;
  AdwEntryRow         *email_row;
  AdwEntryRow         *phone_row;
  AdwEntryRow         *organisation_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *roles_group;
};

G_DEFINE_FINAL_TYPE (SamPeopleWindow, sam_people_window, ADW_TYPE_WINDOW)

static SamStore *
get_store (SamPeopleWindow *self)
{
  return sam_undo_get_store (self->undo);
}

static void select_person (SamPeopleWindow *self,
                           const char      *uuid);

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *people;

  if (g_task_return_error_if_cancelled (task))
    return;
  if ((worker = sam_store_open (task_data, &error)) == NULL ||
      (people = sam_store_list_people (worker, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  g_task_return_pointer (task, people, g_object_unref);
}

/* The task holds the window only weakly: a window closed while its
 * worker reads is freed at once. */
static void
read_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(SamPeopleWindow) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) people = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *to_select = NULL;

  g_weak_ref_clear (weak);
  g_free (weak);

  /* Closed, or a newer read took this one's place */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  if (people == NULL)
    {
      g_warning ("%s", error->message);
      return;
    }

  items = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (people); i++)
    g_ptr_array_add (items, g_list_model_get_item (people, i));
  g_list_store_splice (self->people, 0, g_list_model_get_n_items (G_LIST_MODEL (self->people)),
                       items->pdata, items->len);

  /* A person just added is chosen, with their name to type. */
  to_select = g_steal_pointer (&self->to_select);
  if (to_select != NULL)
    {
      select_person (self, to_select);
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
    }
}

static void
reload_people (SamPeopleWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak;

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  weak = g_new0 (GWeakRef, 1);
  g_weak_ref_init (weak, self);
  task = g_task_new (NULL, self->cancellable, read_done_cb, weak);
  g_task_set_source_tag (task, reload_people);
  g_task_set_task_data (task, g_strdup (sam_store_get_path (get_store (self))), g_free);
  g_task_run_in_thread (task, read_thread);
}

static void
set_entry (AdwEntryRow *row,
           const char  *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

static void
update_person (SamPeopleWindow *self)
{
  SamStore *store = get_store (self);
  g_autoptr(GListModel) assignments = NULL;
  g_autofree char *organisation = NULL;
  g_autofree char *today = sam_clock_dup_today ();

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->roles_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  if (self->person == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "person");

  organisation = sam_rules_dup_organisation_name (store, sam_person_get_organisation_uuid (self->person));
  set_entry (self->name_row, sam_person_get_name (self->person));
  set_entry (self->title_row, sam_person_get_title (self->person));
  set_entry (self->email_row, sam_person_get_email (self->person));
  set_entry (self->phone_row, sam_person_get_phone (self->person));
  set_entry (self->organisation_row, organisation);

  assignments = sam_store_list_person_assignments (store, sam_person_get_uuid (self->person), NULL);
  for (guint i = 0; assignments != NULL && i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);
      g_autoptr(SamGroup) group = sam_store_dup_by_uuid (store, SAM_TYPE_GROUP, sam_assignment_get_group_uuid (a), NULL);
      g_autoptr(GListModel) group_assignments = sam_store_list_group_assignments (store, sam_assignment_get_group_uuid (a), NULL);
      g_autoptr(GHashTable) home = group_assignments != NULL ? sam_rules_dup_home_organisations (store, group_assignments, NULL) : NULL;
      g_autofree char *represents = sam_rules_dup_organisation_name (store, sam_roles_represented (a, home));
      g_autofree char *term = sam_format_term (sam_assignment_get_starts (a), sam_assignment_get_ends (a));
      g_autoptr(GString) subtitle = g_string_new (sam_role_get_label (sam_assignment_get_role (a)));
      GtkWidget *row = adw_action_row_new ();

      if (group == NULL || group_assignments == NULL)
        continue;
      if (represents != NULL)
        g_string_append_printf (subtitle, " · %s", represents);
      g_string_append_printf (subtitle, " · %s", term);
      switch (sam_roles_tenure (group_assignments, a, today, home))
        {
        case SAM_TENURE_PAST:
          g_string_append_printf (subtitle, " · %s", _("ended"));
          break;
        case SAM_TENURE_CARRIED_OVER:
          g_string_append_printf (subtitle, " · %s", _("term ended, stays until a successor is appointed"));
          break;
        case SAM_TENURE_FUTURE:
          g_string_append_printf (subtitle, " · %s", _("not started yet"));
          break;
        case SAM_TENURE_CURRENT:
        default:
          break;
        }
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), sam_group_get_name (group));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->rows, row);
    }
  if (self->rows->len == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("No roles"));
      adw_preferences_group_add (self->roles_group, row);
      g_ptr_array_add (self->rows, row);
    }
}

static void
selection_changed_cb (SamPeopleWindow *self)
{
  SamPerson *person = gtk_single_selection_get_selected_item (self->selection);

  g_clear_object (&self->person);
  if (person != NULL)
    self->person = sam_store_dup_by_uuid (get_store (self), SAM_TYPE_PERSON, sam_person_get_uuid (person), NULL);
  update_person (self);
}

static void
store_changed_cb (SamPeopleWindow *self)
{
  g_autofree char *uuid = self->person != NULL ? g_strdup (sam_person_get_uuid (self->person)) : NULL;

  reload_people (self);
  g_clear_object (&self->person);
  if (uuid != NULL)
    self->person = sam_store_dup_by_uuid (get_store (self), SAM_TYPE_PERSON, uuid, NULL);
  update_person (self);
}

static gboolean
save_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  return sam_store_save (store, data, error);
}

static void
apply_field (SamPeopleWindow *self,
             AdwEntryRow     *row,
             const char      *property)
{
  SamStore *store = get_store (self);
  g_autoptr(SamPerson) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  if (self->person == NULL)
    return;
  copy = sam_store_dup_by_uuid (store, SAM_TYPE_PERSON, sam_person_get_uuid (self->person), NULL);
  if (copy == NULL)
    return;

  if (g_str_equal (property, "organisation-uuid") && *text != '\0')
    {
      g_autoptr(SamOrganisation) organisation = sam_store_find_organisation (store, text, NULL);

      if (organisation == NULL)
        g_set_error (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                     _("There is no organisation “%s” in the register"), text);
      else
        g_object_set (copy, property, sam_organisation_get_uuid (organisation), NULL);
    }
  else if (g_str_equal (property, "name") && *text == '\0')
    g_set_error_literal (&error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID, _("The person needs a name"));
  else
    g_object_set (copy, property, text, NULL);

  if (error == NULL)
    sam_undo_run (self->undo, _("Edit Person"), save_edit, copy, &error);
  if (error != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (row), "error");
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void name_apply_cb (SamPeopleWindow *self) { apply_field (self, self->name_row, "name"); }
static void title_apply_cb (SamPeopleWindow *self) { apply_field (self, self->title_row, "title"); }
static void email_apply_cb (SamPeopleWindow *self) { apply_field (self, self->email_row, "email"); }
static void phone_apply_cb (SamPeopleWindow *self) { apply_field (self, self->phone_row, "phone"); }
static void organisation_apply_cb (SamPeopleWindow *self) { apply_field (self, self->organisation_row, "organisation-uuid"); }

static void
select_person (SamPeopleWindow *self,
               const char      *uuid)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(SamPerson) person = g_list_model_get_item (model, i);

      if (g_strcmp0 (sam_person_get_uuid (person), uuid) == 0)
        {
          gtk_single_selection_set_selected (self->selection, i);
          return;
        }
    }
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  SamPeopleWindow *self = SAM_PEOPLE_WINDOW (widget);
  g_autoptr(SamPerson) person = sam_person_new ();
  g_autoptr(GError) error = NULL;

  g_object_set (person, "name", _("New Person"), NULL);
  if (!sam_undo_run (self->undo, _("Add Person"), save_edit, person, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Add Person"), error);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  /* Chosen once the list is read again, which the save started */
  g_free (self->to_select);
  self->to_select = g_strdup (sam_person_get_uuid (person));
}

static void
export_response_cb (GtkNativeDialog *native,
                    int              response,
                    SamPeopleWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SamReport) report = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || self->person == NULL)
    return;

  report = sam_person_roles_doc_new (get_store (self), sam_person_get_uuid (self->person), NULL, &error);
  if (report == NULL || !sam_report_write_pdf (report, g_file_peek_path (file), &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save List of Roles"), error);
      return;
    }
  sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("List of roles saved")));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamPeopleWindow *self = SAM_PEOPLE_WINDOW (widget);
  GtkFileChooserNative *native;
  g_autofree char *name = NULL;

  if (self->person == NULL)
    return;
  native = gtk_file_chooser_native_new (_("Save List of Roles"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the suggested file name; %s is a person's name */
  name = g_strdup_printf (_("Roles %s.pdf"), sam_person_get_name (self->person));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamPeopleWindow *self = SAM_PEOPLE_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(SamReport) report = NULL;
  g_autoptr(GError) error = NULL;

  if (self->person == NULL)
    return;

  report = sam_person_roles_doc_new (get_store (self), sam_person_get_uuid (self->person), NULL, &error);
  if (report == NULL)
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print List of Roles"), error);
      return;
    }

  operation = sam_gui_print_operation_new (report);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, GTK_WINDOW (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Print List of Roles"), error);
}

typedef struct
{
  char *keep;
  char *duplicate;
} MergeData;

static gboolean
merge_edit (SamStore  *store,
            gpointer   data,
            GError   **error)
{
  MergeData *merge = data;

  return sam_store_merge_people (store, merge->keep, merge->duplicate, error);
}

static void
merge_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   SamPeopleWindow  *self)
{
  GtkDropDown *dropdown = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  SamPerson *duplicate = gtk_drop_down_get_selected_item (dropdown);
  g_autoptr(GError) error = NULL;
  MergeData merge;

  if (g_strcmp0 (response, "merge") != 0 || duplicate == NULL || self->person == NULL)
    return;

  merge.keep = g_strdup (sam_person_get_uuid (self->person));
  merge.duplicate = g_strdup (sam_person_get_uuid (duplicate));
  if (!sam_undo_run (self->undo, _("Merge People"), merge_edit, &merge, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Merge People"), error);
  else
    sam_gui_add_toast (GTK_WIDGET (self), adw_toast_new (_("People merged")));
  g_free (merge.keep);
  g_free (merge.duplicate);
}

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  SamPeopleWindow *self = SAM_PEOPLE_WINDOW (widget);
  GtkWidget *dialog, *dropdown;

  if (self->person == NULL)
    return;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Merge Duplicate?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("The roles and attendance of the person chosen below move to “%s”, who keeps their own details and gains any the other has, and the duplicate is deleted."),
                                  sam_person_get_name (self->person));
  dropdown = gtk_drop_down_new (g_object_ref (G_LIST_MODEL (self->people)),
                                gtk_property_expression_new (SAM_TYPE_PERSON, NULL, "name"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Duplicate"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), dropdown);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "merge", _("_Merge"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "merge", ADW_RESPONSE_DESTRUCTIVE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (merge_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
  gtk_expression_bind (gtk_property_expression_new (SAM_TYPE_PERSON,
                                                    gtk_property_expression_new (GTK_TYPE_LIST_ITEM, NULL, "item"),
                                                    "name"),
                       label, "label", item);
}

/* A person is found by name and by title (“Lindgren”, “chef”), as every
 * list finds by the rule of sam-match.c. */
static gboolean
person_filter_cb (gpointer item,
                  gpointer user_data)
{
  SamPeopleWindow *self = user_data;
  g_autofree char *text = NULL;

  if (self->matcher == NULL)
    return TRUE;

  text = g_strconcat (sam_person_get_name (item), " ", sam_person_get_title (item), NULL);
  return sam_matcher_match_text (self->matcher, text);
}

/* A search that finds no one says what was searched for, rather than
 * leaving an empty list. */
static void
update_no_matches (SamPeopleWindow *self)
{
  GListModel *shown = gtk_single_selection_get_model (self->selection);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean none = self->matcher != NULL && g_list_model_get_n_items (shown) == 0;

  if (none)
    {
      /* TRANSLATORS: the search found no person; %s is what was typed */
      g_autofree char *title = g_strdup_printf (_("No Matches for “%s”"), text);

      adw_status_page_set_title (self->no_matches, title);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->no_matches), none);
  gtk_widget_set_visible (self->list_window, !none);
}

static void
search_changed_cb (SamPeopleWindow *self)
{
  g_clear_pointer (&self->matcher, sam_matcher_free);
  self->matcher = sam_matcher_new (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_no_matches (self);
}

static void
sam_people_window_dispose (GObject *object)
{
  SamPeopleWindow *self = SAM_PEOPLE_WINDOW (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->to_select, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_PEOPLE_WINDOW);
  g_clear_object (&self->selection);
  g_clear_object (&self->people);
  g_clear_object (&self->person);
  g_clear_object (&self->undo);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->filter);
  g_clear_pointer (&self->matcher, sam_matcher_free);

  G_OBJECT_CLASS (sam_people_window_parent_class)->dispose (object);
}

static void
sam_people_window_class_init (SamPeopleWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_people_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-people-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, list_view);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, list_window);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, no_matches);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, name_row);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, title_row);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, email_row);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, phone_row);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, organisation_row);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, error_label);
  gtk_widget_class_bind_template_child (widget_class, SamPeopleWindow, roles_group);

  gtk_widget_class_install_action (widget_class, "people.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "people.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "people.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "people.merge", NULL, merge_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "people.print", NULL);
}

static void
sam_people_window_init (SamPeopleWindow *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkFilterListModel *filtered;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rows = g_ptr_array_new ();
  self->people = g_list_store_new (SAM_TYPE_PERSON);
  self->filter = gtk_custom_filter_new (person_filter_cb, self, NULL);
  filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->people)),
                                        g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), NULL);
  gtk_list_view_set_factory (self->list_view, factory);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "items-changed", G_CALLBACK (update_no_matches), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->selection, "notify::selected-item", G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (name_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->title_row, "apply", G_CALLBACK (title_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->email_row, "apply", G_CALLBACK (email_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->phone_row, "apply", G_CALLBACK (phone_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->organisation_row, "apply", G_CALLBACK (organisation_apply_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_people_window_new:
 * @undo: the undo history the window's edits are made in
 *
 * Returns: (transfer full): a new People window
 */
SamPeopleWindow *
sam_people_window_new (SamUndo *undo)
{
  SamPeopleWindow *self;

  g_return_val_if_fail (SAM_IS_UNDO (undo), NULL);

  self = g_object_new (SAM_TYPE_PEOPLE_WINDOW, NULL);
  self->undo = g_object_ref (undo);
  reload_people (self);
  g_signal_connect_object (get_store (self), "changed", G_CALLBACK (store_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));

  return self;
}

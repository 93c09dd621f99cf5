/* sam-organisation-page-actions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-organisation-page"

#include "config.h"

#include <glib/gi18n.h>

#include "sam-commission-dialog.h"
#include "sam-commission-doc.h"
#include "sam-group-dialog.h"
#include "sam-group-list.h"
#include "sam-gui.h"
#include "sam-move-dialog.h"
#include "sam-organisation-page-private.h"
#include "sam-people-window.h"
#include "sam-role-dialog.h"
#include "sam-rules.h"
#include "sam-store-structure.h"
#include "sam-terms-window.h"

/* The Organisation page's commands: each edit is one step of the page's
 * undo history; deletes and moves offer Undo in a toast. */


static void
group_created_cb (SamOrganisationPage *self,
                  const char          *uuid,
                  SamGroupDialog      *dialog)
{
  sam_organisation_page_select_group (self, uuid);
}

static void
new_group_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  SamGroupDialog *dialog;

  if (self->undo == NULL)
    return;
  dialog = sam_group_dialog_new (self->undo, self->selected);
  g_signal_connect_object (dialog, "group-created", G_CALLBACK (group_created_cb), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
move_group_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  SamMoveDialog *dialog;

  if (self->selected == NULL)
    return;
  dialog = sam_move_dialog_new (self->undo, self->selected);
  /* The toast offering Undo goes over the page, where organisation.undo
   * is found; from the dialog it would land in the window's overlay. */
  g_signal_connect_object (dialog, "group-moved", G_CALLBACK (_sam_organisation_page_toast_moved), self, G_CONNECT_SWAPPED);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  char *group;
  char *date;
} DissolveData;

static gboolean
dissolve_edit (SamStore  *store,
               gpointer   data,
               GError   **error)
{
  DissolveData *dissolve = data;

  return sam_store_dissolve_group (store, dissolve->group, dissolve->date, error);
}

static void
dissolve_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      SamOrganisationPage *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(GError) error = NULL;
  DissolveData dissolve;

  if (g_strcmp0 (response, "dissolve") != 0 || self->selected == NULL)
    return;

  dissolve.group = (char *) sam_group_get_uuid (self->selected);
  dissolve.date = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!sam_undo_run (self->undo, _("Dissolve Group"), dissolve_edit, &dissolve, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Dissolve Group"), error);
  g_free (dissolve.date);
}

static void
dissolve_group_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  GtkWidget *dialog, *entry;
  g_autoptr(GError) error = NULL;

  if (self->selected == NULL)
    return;

  if (sam_group_get_dissolved (self->selected) != NULL)
    {
      DissolveData dissolve = { (char *) sam_group_get_uuid (self->selected), NULL };

      if (!sam_undo_run (self->undo, _("Take Up Group Again"), dissolve_edit, &dissolve, &error))
        sam_gui_show_error (GTK_WIDGET (self), _("Could Not Take Up Group Again"), error);
      return;
    }

  dialog = adw_message_dialog_new (sam_gui_get_parent_window (GTK_WIDGET (self)), _("Dissolve Group?"), NULL);
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("“%s” will be shown as dissolved from this date. Its roles, meetings and decisions stay in the register."),
                                  sam_group_get_name (self->selected));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), self->today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Date Dissolved"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "dissolve", _("_Dissolve"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "dissolve", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "dissolve");
  g_signal_connect_object (dialog, "response", G_CALLBACK (dissolve_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
delete_edit (SamStore  *store,
             gpointer   data,
             GError   **error)
{
  return sam_store_delete_group (store, data, error);
}

static void
delete_group_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uuid = NULL;
  AdwToast *toast;

  if (self->selected == NULL)
    return;

  name = g_strdup (sam_group_get_name (self->selected));
  uuid = g_strdup (sam_group_get_uuid (self->selected));
  if (!sam_undo_run (self->undo, _("Delete Group"), delete_edit, uuid, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Delete Group"), error);
      return;
    }

  toast = adw_toast_new_format (_("“%s” deleted"), name);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "organisation.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  sam_organisation_page_add_toast (self, toast);
}

static void
export_response_cb (GtkNativeDialog     *native,
                    int                  response,
                    SamOrganisationPage *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);

  if (file == NULL || self->selected == NULL)
    return;

  if (!sam_commission_doc_write (self->store, sam_group_get_uuid (self->selected), NULL, g_file_peek_path (file), &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save Commission Document"), error);
      return;
    }
  sam_organisation_page_add_toast (self, adw_toast_new (_("Commission document saved")));
}

static void
export_commission_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  if (self->selected == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Save Commission Document"), sam_gui_get_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("PDF Documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name; %s is a group's short code or name */
  name = g_strdup_printf (_("Commission %s.pdf"), sam_group_get_code (self->selected) != NULL
                                                  ? sam_group_get_code (self->selected)
                                                  : sam_group_get_name (self->selected));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect_object (native, "response", G_CALLBACK (export_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
export_group_list_done (SamOrganisationPage *self,
                        GtkNativeDialog     *native,
                        int                  response,
                        const char          *extension)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL || (path = g_file_get_path (file)) == NULL || self->store == NULL)
    return;

  /* The format is the one the menu item named, whatever the name typed. */
  if (!g_str_has_suffix (path, extension))
    {
      char *with_extension = g_strconcat (path, extension, NULL);

      g_free (path);
      path = with_extension;
    }
  if (!sam_group_list_export_file (self->store, NULL, path, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Save List of Groups"), error);
      return;
    }
  sam_organisation_page_add_toast (self, adw_toast_new (_("List of groups saved")));
}

static void
group_list_pdf_response_cb (GtkNativeDialog *native,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(SamOrganisationPage) self = user_data;

  export_group_list_done (self, native, response, ".pdf");
}

static void
group_list_csv_response_cb (GtkNativeDialog *native,
                            int              response,
                            gpointer         user_data)
{
  g_autoptr(SamOrganisationPage) self = user_data;

  export_group_list_done (self, native, response, ".csv");
}

/* The register keeper's list of every group, as a landscape PDF table
 * ("pdf") or a CSV file for spreadsheets ("csv"). */
static void
export_group_list_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  gboolean pdf = g_str_equal (g_variant_get_string (parameter, NULL), "pdf");
  GtkFileChooserNative *native;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *name = NULL;

  native = gtk_file_chooser_native_new (_("Save List of Groups"), sam_gui_get_parent_window (GTK_WIDGET (self)),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  gtk_file_filter_set_name (filter, pdf ? _("PDF Documents") : _("CSV Files for Spreadsheets"));
  gtk_file_filter_add_suffix (filter, pdf ? "pdf" : "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  /* Translators: the suggested file name of the list of groups, without its extension */
  name = g_strconcat (_("Corporate-wide groups"), pdf ? ".pdf" : ".csv", NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", pdf ? G_CALLBACK (group_list_pdf_response_cb)
                                            : G_CALLBACK (group_list_csv_response_cb),
                    g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
show_terms (SamOrganisationPage *self,
            gboolean             group_only)
{
  SamTermsWindow *window;

  if (self->store == NULL)
    return;
  window = sam_terms_window_new (self->store, self->selected, group_only);
  gtk_window_set_transient_for (GTK_WINDOW (window), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (window));
}

static void
group_terms_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  show_terms (SAM_ORGANISATION_PAGE (widget), TRUE);
}

static void
all_terms_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  show_terms (SAM_ORGANISATION_PAGE (widget), FALSE);
}

static void
present_role_dialog (SamOrganisationPage *self,
                     const char          *assignment_uuid)
{
  SamRoleDialog *dialog;

  if (self->selected == NULL)
    return;
  dialog = sam_role_dialog_new (self->undo, sam_group_get_uuid (self->selected), assignment_uuid);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  present_role_dialog (SAM_ORGANISATION_PAGE (widget), NULL);
}

/* A vacant seat's Fill… opens the Add Role dialog for a member who
 * represents the seat's organisation. */
static void
fill_seat_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autofree char *organisation = NULL;
  SamRoleDialog *dialog;

  if (self->selected == NULL)
    return;
  organisation = sam_rules_dup_organisation_name (self->store, g_variant_get_string (parameter, NULL));
  dialog = sam_role_dialog_new (self->undo, sam_group_get_uuid (self->selected), NULL);
  sam_role_dialog_set_represents (dialog, organisation);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
edit_role_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  present_role_dialog (SAM_ORGANISATION_PAGE (widget), g_variant_get_string (parameter, NULL));
}

typedef struct
{
  SamAssignment *assignment;
  char          *date;
} EndData;

static gboolean
end_role_edit (SamStore  *store,
               gpointer   data,
               GError   **error)
{
  EndData *end = data;

  return sam_store_end_assignment (store, end->assignment, end->date, error);
}

/* Which role the End Term dialog ends, for its response. */
typedef struct
{
  SamOrganisationPage *page;
  char                *uuid;
} EndRoleRequest;

static void
end_role_request_free (gpointer  data,
                       GClosure *closure)
{
  EndRoleRequest *request = data;

  g_object_unref (request->page);
  g_free (request->uuid);
  g_free (request);
}

static void
end_role_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      EndRoleRequest   *request)
{
  SamOrganisationPage *self = request->page;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  const char *uuid = request->uuid;
  g_autoptr(SamAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  EndData end;

  if (g_strcmp0 (response, "end") != 0)
    return;

  assignment = sam_store_dup_by_uuid (self->store, SAM_TYPE_ASSIGNMENT, uuid, NULL);
  if (assignment == NULL)
    return;
  end.assignment = assignment;
  end.date = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (!sam_undo_run (self->undo, _("End Term"), end_role_edit, &end, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not End Term"), error);
  g_free (end.date);
}

static void
end_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  const char *uuid = g_variant_get_string (parameter, NULL);
  g_autoptr(SamAssignment) assignment = NULL;
  g_autoptr(SamPerson) person = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  g_autofree char *role = NULL;
  EndRoleRequest *request;
  GtkWidget *dialog, *entry;

  /* The dialog names whose term it ends: opened from a list of many
   * holders, “End Term?” alone does not say which of them. */
  assignment = sam_store_dup_by_uuid (self->store, SAM_TYPE_ASSIGNMENT, uuid, NULL);
  if (assignment == NULL)
    return;
  person = sam_store_dup_by_uuid (self->store, SAM_TYPE_PERSON, sam_assignment_get_person_uuid (assignment), NULL);
  role = g_utf8_strdown (sam_role_get_label (sam_assignment_get_role (assignment)), -1);
  /* Translators: %s is the name of the person whose term ends */
  heading = g_strdup_printf (_("End the Term of %s?"), person != NULL ? sam_person_get_name (person) : "");
  /* Translators: %1$s is a role in lower case, such as “chair”; %2$s names the person */
  body = g_strdup_printf (_("The last day of the term as %1$s. Until a successor is appointed, %2$s stays in office and is shown as such."),
                          role, person != NULL ? sam_person_get_name (person) : "");

  request = g_new0 (EndRoleRequest, 1);
  dialog = adw_message_dialog_new (sam_gui_get_parent_window (GTK_WIDGET (self)), heading, body);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), self->today);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Last Day of the Term"), -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "end", _("_End Term"), NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "end");
  request->page = g_object_ref (self);
  request->uuid = g_strdup (uuid);
  g_signal_connect_data (dialog, "response", G_CALLBACK (end_role_response_cb), request,
                         end_role_request_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
remove_role_edit (SamStore  *store,
                  gpointer   data,
                  GError   **error)
{
  return sam_store_delete (store, data, error);
}

static void
remove_role_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autoptr(SamAssignment) assignment = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  assignment = sam_store_dup_by_uuid (self->store, SAM_TYPE_ASSIGNMENT, g_variant_get_string (parameter, NULL), NULL);
  if (assignment == NULL)
    return;
  if (!sam_undo_run (self->undo, _("Remove Role"), remove_role_edit, assignment, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Remove Role"), error);
      return;
    }

  toast = adw_toast_new (_("Role removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "organisation.undo");
  sam_organisation_page_add_toast (self, toast);
}

static void
edit_commission_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  SamCommissionDialog *dialog;

  if (self->selected == NULL)
    return;
  dialog = sam_commission_dialog_new (self->undo, sam_group_get_uuid (self->selected));
  gtk_window_set_transient_for (GTK_WINDOW (dialog), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  const char *group;
  const char *organisation;
  guint       seats;
} SeatData;

static gboolean
seat_edit (SamStore  *store,
           gpointer   data,
           GError   **error)
{
  SeatData *seat = data;

  return sam_store_set_seats (store, seat->group, seat->organisation, seat->seats, error);
}

static void
add_seat_response_cb (AdwMessageDialog    *dialog,
                      const char          *response,
                      SamOrganisationPage *self)
{
  GtkWidget *box = adw_message_dialog_get_extra_child (dialog);
  GtkDropDown *dropdown = GTK_DROP_DOWN (gtk_widget_get_first_child (box));
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_widget_get_last_child (box));
  g_autoptr(SamOrganisation) organisation = NULL;
  g_autoptr(GError) error = NULL;
  SeatData seat;

  if (g_strcmp0 (response, "add") != 0 || self->selected == NULL)
    return;
  organisation = gtk_drop_down_get_selected_item (dropdown) != NULL
                 ? g_object_ref (gtk_drop_down_get_selected_item (dropdown)) : NULL;
  if (organisation == NULL)
    return;

  seat.group = sam_group_get_uuid (self->selected);
  seat.organisation = sam_organisation_get_uuid (organisation);
  seat.seats = (guint) gtk_spin_button_get_value_as_int (spin);
  if (!sam_undo_run (self->undo, _("Add Seat"), seat_edit, &seat, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Add Seat"), error);
}

static void
add_seat_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autoptr(GListModel) organisations = sam_store_list_organisations (self->store, NULL);
  GtkWidget *dialog, *box, *dropdown, *spin;

  if (self->selected == NULL || organisations == NULL)
    return;

  dialog = adw_message_dialog_new (sam_gui_get_parent_window (GTK_WIDGET (self)), _("Add Seat"),
                                   _("Which organisation’s head appoints members, and how many."));
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  dropdown = gtk_drop_down_new (g_object_ref (organisations),
                                gtk_property_expression_new (SAM_TYPE_ORGANISATION, NULL, "name"));
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
  gtk_widget_set_hexpand (dropdown, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Organisation"), -1);
  spin = gtk_spin_button_new_with_range (1, 20, 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Number of Seats"), -1);
  gtk_box_append (GTK_BOX (box), dropdown);
  gtk_box_append (GTK_BOX (box), spin);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "add", _("_Add"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  g_signal_connect_object (dialog, "response", G_CALLBACK (add_seat_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
remove_seat_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  SeatData seat;

  if (self->selected == NULL)
    return;
  seat.group = sam_group_get_uuid (self->selected);
  seat.organisation = g_variant_get_string (parameter, NULL);
  seat.seats = 0;
  if (!sam_undo_run (self->undo, _("Remove Seat"), seat_edit, &seat, &error))
    sam_gui_show_error (GTK_WIDGET (self), _("Could Not Remove Seat"), error);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (sam_undo_get_undo_label (self->undo));

  if (!sam_undo_undo (self->undo, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Undo"), error);
      return;
    }
  if (label != NULL)
    /* Translators: %s says what was undone, such as “Delete Group” */
    sam_organisation_page_add_toast (self, adw_toast_new_format (_("Undone: %s"), label));
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = g_strdup (sam_undo_get_redo_label (self->undo));

  if (!sam_undo_redo (self->undo, &error))
    {
      sam_gui_show_error (GTK_WIDGET (self), _("Could Not Redo"), error);
      return;
    }
  if (label != NULL)
    /* Translators: %s says what was made again, such as “Delete Group” */
    sam_organisation_page_add_toast (self, adw_toast_new_format (_("Redone: %s"), label));
}

static void
go_back_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_chart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "chart");
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
show_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  SamOrganisationPage *self = SAM_ORGANISATION_PAGE (widget);
  SamPeopleWindow *window;

  if (self->undo == NULL)
    return;
  window = sam_people_window_new (self->undo);
  gtk_window_set_transient_for (GTK_WINDOW (window), sam_gui_get_parent_window (GTK_WIDGET (self)));
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * _sam_organisation_page_toast_moved:
 * @self: a page
 * @group: the group that was moved
 * @parent: (nullable): the group it is now under, or %NULL at the top
 *
 * Says over the page where @group went, offering to undo the move.
 */
void
_sam_organisation_page_toast_moved (SamOrganisationPage *self,
                                    SamGroup            *group,
                                    SamGroup            *parent)
{
  AdwToast *toast;

  toast = parent == NULL ? adw_toast_new_format (_("“%s” moved to the top"), sam_group_get_name (group))
                         : adw_toast_new_format (_("“%s” moved under “%s”"), sam_group_get_name (group),
                                                 sam_group_get_name (parent));
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "organisation.undo");
  sam_organisation_page_add_toast (self, toast);
}

/**
 * _sam_organisation_page_update_actions:
 * @self: a page
 *
 * Enables the commands that need a group when one is selected, and Undo
 * and Redo when there is something to undo or redo.
 */
void
_sam_organisation_page_update_actions (SamOrganisationPage *self)
{
  gboolean has_group = self->selected != NULL;
  static const char *group_actions[] = {
    "organisation.move-group", "organisation.dissolve-group", "organisation.delete-group",
    "organisation.export-commission", "organisation.group-terms", "organisation.add-role",
    "organisation.edit-commission", "organisation.add-seat",
  };

  for (guint i = 0; i < G_N_ELEMENTS (group_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), group_actions[i], has_group);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.undo",
                                 self->undo != NULL && sam_undo_get_can_undo (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "organisation.redo",
                                 self->undo != NULL && sam_undo_get_can_redo (self->undo));
}

/**
 * _sam_organisation_page_install_actions:
 * @widget_class: the page's class
 *
 * Installs the page's actions and their keys.
 */
void
_sam_organisation_page_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "organisation.new-group", NULL, new_group_action);
  gtk_widget_class_install_action (widget_class, "organisation.move-group", NULL, move_group_action);
  gtk_widget_class_install_action (widget_class, "organisation.dissolve-group", NULL, dissolve_group_action);
  gtk_widget_class_install_action (widget_class, "organisation.delete-group", NULL, delete_group_action);
  gtk_widget_class_install_action (widget_class, "organisation.export-commission", NULL, export_commission_action);
  gtk_widget_class_install_action (widget_class, "organisation.group-terms", NULL, group_terms_action);
  gtk_widget_class_install_action (widget_class, "organisation.all-terms", NULL, all_terms_action);
  gtk_widget_class_install_action (widget_class, "organisation.export-group-list", "s", export_group_list_action);
  gtk_widget_class_install_action (widget_class, "organisation.add-role", NULL, add_role_action);
  gtk_widget_class_install_action (widget_class, "organisation.fill-seat", "s", fill_seat_action);
  gtk_widget_class_install_action (widget_class, "organisation.edit-role", "s", edit_role_action);
  gtk_widget_class_install_action (widget_class, "organisation.end-role", "s", end_role_action);
  gtk_widget_class_install_action (widget_class, "organisation.remove-role", "s", remove_role_action);
  gtk_widget_class_install_action (widget_class, "organisation.edit-commission", NULL, edit_commission_action);
  gtk_widget_class_install_action (widget_class, "organisation.add-seat", NULL, add_seat_action);
  gtk_widget_class_install_action (widget_class, "organisation.remove-seat", "s", remove_seat_action);
  gtk_widget_class_install_action (widget_class, "organisation.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "organisation.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "organisation.search", NULL, search_action);
  gtk_widget_class_install_action (widget_class, "organisation.go-back", NULL, go_back_action);
  gtk_widget_class_install_action (widget_class, "organisation.show-chart", NULL, show_chart_action);
  gtk_widget_class_install_action (widget_class, "organisation.show-people", NULL, show_people_action);
  gtk_widget_class_install_property_action (widget_class, "organisation.show-dissolved", "show-dissolved");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "organisation.search", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "organisation.new-group", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "organisation.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "organisation.redo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Z, GDK_CONTROL_MASK | GDK_SHIFT_MASK, "organisation.redo", NULL);
}

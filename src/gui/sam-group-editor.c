/* sam-group-editor.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-group-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "sam-commission-doc.h"
#include "sam-group-editor.h"
#include "sam-roles.h"
#include "sam-rules.h"
#include "sam-store-structure.h"

/*
 * The details of one group beside the tree: what the rules warn about, its
 * fields (each saved on its own, after a check, as one step to undo), who
 * holds which role (carried-over holders and vacant seats shown as such),
 * its commission, seats and past holders. The buttons and row menus name
 * the page's "organisation.*" actions, found through the widget tree.
 */

#define MAX_PAST_ROWS 12

struct _SamGroupEditor
{
  AdwBin               parent_instance;

  SamOrganisationPage *page;            /* the ancestor this editor lives in */
  SamStore            *store;
  SamGroup            *selected;
  char                *today;
  GPtrArray           *dynamic_rows;    /* (preferences group, row) pairs added to the details */
  GPtrArray           *council_uuids;   /* the choices of "Reports To", after "None" */
  GtkStringList       *council_labels;  /* "None" and the councils, or NULL when stale */
  gboolean             updating;

  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkButton           *dissolve_button;
  AdwPreferencesGroup *warnings_group;
  AdwEntryRow         *name_row;
  AdwEntryRow         *code_row;
  AdwComboRow         *kind_row;
  AdwActionRow        *parent_row;
  AdwComboRow         *reports_row;
  AdwEntryRow         *established_row;
  AdwEntryRow         *description_row;
  GtkLabel            *error_label;
  AdwPreferencesGroup *roles_group;
  AdwPreferencesGroup *commission_group;
  AdwPreferencesGroup *seats_group;
  AdwPreferencesGroup *past_group;
};

G_DEFINE_FINAL_TYPE (SamGroupEditor, sam_group_editor, ADW_TYPE_BIN)

static void
clear_dynamic_rows (SamGroupEditor      *self)
{
  for (guint i = 0; i + 1 < self->dynamic_rows->len; i += 2)
    adw_preferences_group_remove (g_ptr_array_index (self->dynamic_rows, i),
                                  g_ptr_array_index (self->dynamic_rows, i + 1));
  g_ptr_array_set_size (self->dynamic_rows, 0);
}

static GtkWidget *
add_row (SamGroupEditor      *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->dynamic_rows, group);
  g_ptr_array_add (self->dynamic_rows, row);

  return row;
}

typedef struct
{
  char     *uuid;
  gboolean  current;
} RoleMenu;

static void
role_menu_free (gpointer data)
{
  RoleMenu *menu = data;

  g_free (menu->uuid);
  g_free (menu);
}

/* The menu is made when first opened: a popover per row would make
 * showing a group with many roles slow. */
static void
create_role_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  RoleMenu *data = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) end = g_menu_item_new (_("E_nd Term…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  g_menu_item_set_action_and_target (edit, "organisation.edit-role", "s", data->uuid);
  g_menu_item_set_action_and_target (end, "organisation.end-role", "s", data->uuid);
  g_menu_item_set_action_and_target (remove, "organisation.remove-role", "s", data->uuid);
  g_menu_append_item (menu, edit);
  if (data->current)
    g_menu_append_item (menu, end);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
add_role_menu (GtkWidget  *row,
               const char *uuid,
               const char *name,
               gboolean    current)
{
  GtkWidget *button = gtk_menu_button_new ();
  g_autofree char *label = g_strdup_printf (_("Actions for %s"), name);
  RoleMenu *data = g_new0 (RoleMenu, 1);

  data->uuid = g_strdup (uuid);
  data->current = current;
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
  gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (button), create_role_menu_cb, data, role_menu_free);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static char *
role_subtitle (SamGroupEditor      *self,
               SamAssignment       *a,
               GHashTable          *home,
               SamTenure            tenure)
{
  g_autofree char *organisation = sam_rules_dup_organisation_name (self->store, sam_roles_represented (a, home));
  g_autofree char *term = sam_format_term (sam_assignment_get_starts (a), sam_assignment_get_ends (a));
  g_autoptr(GString) text = g_string_new (sam_role_get_label (sam_assignment_get_role (a)));

  if (organisation != NULL)
    g_string_append_printf (text, " · %s", organisation);
  g_string_append_printf (text, " · %s", term);
  if (sam_assignment_get_appointed_by (a) != NULL)
    /* Translators: who appointed someone to a role */
    g_string_append_printf (text, " · %s", sam_assignment_get_appointed_by (a));
  if (tenure == SAM_TENURE_CARRIED_OVER)
    g_string_append_printf (text, " · %s", _("term ended, stays until a successor is appointed"));
  else if (tenure == SAM_TENURE_FUTURE)
    g_string_append_printf (text, " · %s", _("not started yet"));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_roles (SamGroupEditor      *self)
{
  const char *uuid = sam_group_get_uuid (self->selected);
  g_autoptr(GListModel) assignments = sam_store_list_group_assignments (self->store, uuid, NULL);
  g_autoptr(GHashTable) home = NULL;
  g_autoptr(GPtrArray) seats = sam_store_list_seats (self->store, uuid, NULL);
  g_autoptr(GPtrArray) vacancies = NULL;
  guint n_current = 0, n_past = 0;

  if (assignments == NULL || seats == NULL)
    return;
  home = sam_rules_dup_home_organisations (self->store, assignments, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);
      SamTenure tenure = sam_roles_tenure (assignments, a, self->today, home);
      g_autofree char *name = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      /* A long history shows its latest holders; the rest are counted. */
      if (tenure == SAM_TENURE_PAST && ++n_past > MAX_PAST_ROWS)
        continue;
      name = sam_rules_dup_person_name (self->store, sam_assignment_get_person_uuid (a));
      subtitle = role_subtitle (self, a, home, tenure);

      row = add_row (self, tenure == SAM_TENURE_PAST ? self->past_group : self->roles_group, name, subtitle);
      if (tenure == SAM_TENURE_CARRIED_OVER)
        {
          GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

          gtk_widget_add_css_class (icon, "sam-warning");
          gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _("Term ended"), -1);
          adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
        }
      add_role_menu (row, sam_assignment_get_uuid (a), name, tenure != SAM_TENURE_PAST);
      if (tenure != SAM_TENURE_PAST)
        n_current++;
    }

  vacancies = sam_roles_vacancies (assignments, seats, self->today, home);
  for (guint i = 0; i < vacancies->len; i++)
    {
      g_autofree char *organisation = sam_rules_dup_organisation_name (self->store, g_ptr_array_index (vacancies, i));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", sam_role_get_label (SAM_ROLE_MEMBER),
                                                   organisation != NULL ? organisation : "?");
      GtkWidget *row = add_row (self, self->roles_group, _("Vacant"), subtitle);

      gtk_widget_add_css_class (row, "sam-vacant");
      n_current++;
    }

  if (n_current == 0)
    add_row (self, self->roles_group, _("Nobody holds a role in the group"), NULL);
  if (n_past > MAX_PAST_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u earlier holder", "And %u earlier holders",
                                                         n_past - MAX_PAST_ROWS),
                                               n_past - MAX_PAST_ROWS);

      add_row (self, self->past_group, more, _("Every role of a person is in the People view."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->past_group), n_past > 0);

  /* Seats, with how many of each organisation's are vacant */
  for (guint s = 0; s < seats->len; s++)
    {
      SamSeat *seat = g_ptr_array_index (seats, s);
      g_autofree char *organisation = sam_rules_dup_organisation_name (self->store, seat->organisation_uuid);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      guint vacant = 0;
      GtkWidget *row, *button;

      for (guint v = 0; v < vacancies->len; v++)
        if (g_strcmp0 (g_ptr_array_index (vacancies, v), seat->organisation_uuid) == 0)
          vacant++;
      subtitle = vacant > 0
                 ? g_strdup_printf (ngettext ("%u seat, %u vacant", "%u seats, %u vacant", seat->seats), seat->seats, vacant)
                 : g_strdup_printf (ngettext ("%u seat", "%u seats", seat->seats), seat->seats);
      row = add_row (self, self->seats_group, organisation != NULL ? organisation : "?", subtitle);
      button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      remove_label = g_strdup_printf (_("Remove the Seat of %s"), organisation != NULL ? organisation : "?");
      gtk_widget_set_tooltip_text (button, remove_label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label, -1);
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "organisation.remove-seat");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", seat->organisation_uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }
  if (seats->len == 0)
    add_row (self, self->seats_group, _("The commission names no seats"), NULL);
}

static void
update_commission (SamGroupEditor      *self)
{
  g_autoptr(SamCommission) commission = sam_store_dup_group_commission (self->store, sam_group_get_uuid (self->selected), NULL);
  static const struct
  {
    const char *label;
    const char *property;
  } fields[] = {
    { N_("Registry Number"), "registry-number" },
    { N_("Dated"), "dated" },
    { N_("Revision"), "revision" },
    { N_("Commissioner"), "commissioner" },
    { N_("Decision Maker"), "decision-maker" },
    { N_("Decided"), "decided" },
  };
  int min, max, co_opted;

  if (commission == NULL)
    {
      add_row (self, self->commission_group, _("The group has no commission yet"), NULL);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (commission, fields[i].property, &text, NULL);
      add_row (self, self->commission_group, _(fields[i].label), text != NULL ? text : "–");
    }

  min = sam_commission_get_min_meetings (commission);
  max = sam_commission_get_max_meetings (commission);
  co_opted = sam_commission_get_max_co_opted (commission);
  {
    g_autofree char *meetings = NULL;
    g_autofree char *limit = NULL;

    if (min >= 0 && max >= 0)
      meetings = g_strdup_printf (_("%d to %d a year"), min, max);
    else
      meetings = g_strdup ("–");
    add_row (self, self->commission_group, _("Meetings"), meetings);
    limit = co_opted >= 0 ? g_strdup_printf ("%d", co_opted) : g_strdup ("–");
    add_row (self, self->commission_group, _("Most Co-opted Members"), limit);
  }
}

static void
update_warnings (SamGroupEditor      *self)
{
  g_autoptr(GPtrArray) warnings = sam_rules_check_group (self->store, sam_group_get_uuid (self->selected), self->today, NULL);
  guint n = warnings != NULL ? warnings->len : 0;

  for (guint i = 0; i < n; i++)
    {
      SamWarning *warning = g_ptr_array_index (warnings, i);
      GtkWidget *row = add_row (self, self->warnings_group, warning->message, NULL);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "sam-warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Warning"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n > 0);
}

static void
update_reports_to (SamGroupEditor      *self)
{
  g_autoptr(GPtrArray) relations = NULL;
  const char *current = NULL;
  guint selected = 0;
  gboolean team = sam_group_get_kind (self->selected) == SAM_GROUP_KIND_PROCESS_TEAM;

  gtk_widget_set_visible (GTK_WIDGET (self->reports_row), team);
  if (!team)
    return;

  relations = sam_store_list_relations (self->store, sam_group_get_uuid (self->selected), NULL);
  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      SamRelation *relation = g_ptr_array_index (relations, i);

      if (relation->kind == SAM_RELATION_KIND_REPORTS_TO &&
          g_strcmp0 (relation->from_uuid, sam_group_get_uuid (self->selected)) == 0)
        current = relation->to_uuid;
    }

  if (self->council_labels == NULL)
    {
      self->council_labels = gtk_string_list_new (NULL);
      g_ptr_array_set_size (self->council_uuids, 0);
      gtk_string_list_append (self->council_labels, _("No council"));
      g_autoptr(GListModel) groups = sam_store_list_groups_of_kind (self->store, SAM_GROUP_KIND_COUNCIL, NULL);

      for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
        {
          g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

          g_ptr_array_add (self->council_uuids, g_strdup (sam_group_get_uuid (group)));
          gtk_string_list_append (self->council_labels, sam_group_get_name (group));
        }
    }
  for (guint i = 0; current != NULL && i < self->council_uuids->len; i++)
    if (g_strcmp0 (current, g_ptr_array_index (self->council_uuids, i)) == 0)
      selected = i + 1;
  if (adw_combo_row_get_model (self->reports_row) != G_LIST_MODEL (self->council_labels))
    adw_combo_row_set_model (self->reports_row, G_LIST_MODEL (self->council_labels));
  adw_combo_row_set_selected (self->reports_row, selected);
}

static void
update_details (SamGroupEditor *self)
{
  g_autoptr(SamGroup) parent = NULL;
  g_autoptr(GString) subtitle = NULL;
  SamGroup *group = self->selected;

  self->updating = TRUE;
  clear_dynamic_rows (self);

  if (group == NULL)
    {
      self->updating = FALSE;
      return;
    }

  gtk_label_set_text (self->title_label, sam_group_get_name (group));
  subtitle = g_string_new (sam_group_kind_get_label (sam_group_get_kind (group)));
  if (sam_group_get_code (group) != NULL)
    g_string_append_printf (subtitle, " · %s", sam_group_get_code (group));
  if (sam_group_get_dissolved (group) != NULL)
    g_string_append_printf (subtitle, " · %s", sam_group_get_dissolved (group));
  if (sam_group_get_dissolved (group) != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Dissolved %s"), sam_group_get_dissolved (group));

      g_string_truncate (subtitle, 0);
      g_string_append_printf (subtitle, "%s · %s", sam_group_kind_get_label (sam_group_get_kind (group)), text);
    }
  gtk_label_set_text (self->subtitle_label, subtitle->str);
  gtk_button_set_label (self->dissolve_button, sam_group_get_dissolved (group) != NULL ? _("_Take Up Again") : _("_Dissolve…"));

  gtk_editable_set_text (GTK_EDITABLE (self->name_row), sam_group_get_name (group));
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), sam_group_get_code (group) != NULL ? sam_group_get_code (group) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->established_row),
                         sam_group_get_established (group) != NULL ? sam_group_get_established (group) : "");
  gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                         sam_group_get_description (group) != NULL ? sam_group_get_description (group) : "");
  gtk_widget_remove_css_class (GTK_WIDGET (self->name_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->code_row), "error");
  gtk_widget_remove_css_class (GTK_WIDGET (self->established_row), "error");
  adw_combo_row_set_selected (self->kind_row, sam_group_get_kind (group));

  if (sam_group_get_parent_uuid (group) != NULL)
    parent = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, sam_group_get_parent_uuid (group), NULL);
  adw_action_row_set_subtitle (self->parent_row, parent != NULL ? sam_group_get_name (parent) : _("The top of the structure"));

  update_reports_to (self);
  update_warnings (self);
  update_roles (self);
  update_commission (self);

  self->updating = FALSE;
}

/* Editing the group's fields */

static gboolean
save_group_edit (SamStore  *store,
                 gpointer   data,
                 GError   **error)
{
  return sam_store_save (store, data, error);
}

static void
show_inline_error (SamGroupEditor      *self,
                   GtkWidget           *row,
                   const GError        *error)
{
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->error_label, error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* Applies one field to a copy of the group: checked first, then saved as
 * one edit, or the row shows what is wrong and nothing is stored. */
static void
apply_field (SamGroupEditor      *self,
             GtkWidget           *row,
             const char          *property,
             const char          *text,
             const char          *undo_label)
{
  g_autoptr(SamGroup) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (text != NULL ? text : ""));

  if (self->selected == NULL || self->updating)
    return;

  copy = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, sam_group_get_uuid (self->selected), NULL);
  if (copy == NULL)
    return;
  if (strcmp (property, "name") == 0)
    g_object_set (copy, property, stripped, NULL);
  else
    g_object_set (copy, property, *stripped != '\0' ? stripped : NULL, NULL);
  if (strcmp (property, "name") == 0 && *stripped == '\0')
    g_object_set (copy, "name", " ", NULL);

  if (!sam_store_validate_group (self->store, copy, &error) ||
      !sam_organisation_page_run_edit (self->page, undo_label, save_group_edit, copy, &error))
    {
      show_inline_error (self, row, error);
      return;
    }

  gtk_widget_remove_css_class (row, "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
name_apply_cb (SamGroupEditor      *self)
{
  apply_field (self, GTK_WIDGET (self->name_row), "name", gtk_editable_get_text (GTK_EDITABLE (self->name_row)),
               _("Rename Group"));
}

static void
code_apply_cb (SamGroupEditor      *self)
{
  apply_field (self, GTK_WIDGET (self->code_row), "code", gtk_editable_get_text (GTK_EDITABLE (self->code_row)),
               _("Change Short Code"));
}

static void
established_apply_cb (SamGroupEditor      *self)
{
  apply_field (self, GTK_WIDGET (self->established_row), "established",
               gtk_editable_get_text (GTK_EDITABLE (self->established_row)), _("Change Date Established"));
}

static void
description_apply_cb (SamGroupEditor      *self)
{
  apply_field (self, GTK_WIDGET (self->description_row), "description",
               gtk_editable_get_text (GTK_EDITABLE (self->description_row)), _("Change Description"));
}

static void
kind_selected_cb (SamGroupEditor      *self)
{
  g_autoptr(SamGroup) copy = NULL;
  g_autoptr(GError) error = NULL;
  guint kind = adw_combo_row_get_selected (self->kind_row);

  if (self->selected == NULL || self->updating || kind == GTK_INVALID_LIST_POSITION ||
      kind == (guint) sam_group_get_kind (self->selected))
    return;

  copy = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, sam_group_get_uuid (self->selected), NULL);
  if (copy == NULL)
    return;
  g_object_set (copy, "kind", kind, NULL);
  if (!sam_organisation_page_run_edit (self->page, _("Change Kind"), save_group_edit, copy, &error))
    show_inline_error (self, GTK_WIDGET (self->kind_row), error);
}

typedef struct
{
  const char *group;
  const char *to;
} ReportsData;

static gboolean
reports_edit (SamStore  *store,
              gpointer   data,
              GError   **error)
{
  ReportsData *reports = data;

  return sam_store_set_reports_to (store, reports->group, reports->to, error);
}

static void
reports_selected_cb (SamGroupEditor      *self)
{
  guint selected = adw_combo_row_get_selected (self->reports_row);
  g_autoptr(GError) error = NULL;
  ReportsData reports;

  if (self->selected == NULL || self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;

  reports.group = sam_group_get_uuid (self->selected);
  reports.to = selected > 0 && selected <= self->council_uuids->len ? g_ptr_array_index (self->council_uuids, selected - 1) : NULL;
  if (!sam_organisation_page_run_edit (self->page, _("Change Whom the Group Reports To"), reports_edit, &reports, &error))
    show_inline_error (self, GTK_WIDGET (self->reports_row), error);
}

static void
sam_group_editor_dispose (GObject *object)
{
  SamGroupEditor *self = SAM_GROUP_EDITOR (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SAM_TYPE_GROUP_EDITOR);
  g_clear_object (&self->council_labels);
  g_clear_object (&self->selected);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (sam_group_editor_parent_class)->dispose (object);
}

static void
sam_group_editor_finalize (GObject *object)
{
  SamGroupEditor *self = SAM_GROUP_EDITOR (object);

  g_free (self->today);
  g_ptr_array_unref (self->dynamic_rows);
  g_ptr_array_unref (self->council_uuids);

  G_OBJECT_CLASS (sam_group_editor_parent_class)->finalize (object);
}

static void
sam_group_editor_class_init (SamGroupEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sam_group_editor_dispose;
  object_class->finalize = sam_group_editor_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/ui/sam-group-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, dissolve_button);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, warnings_group);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, name_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, code_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, kind_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, parent_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, reports_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, established_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, description_row);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, roles_group);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, commission_group);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, seats_group);
  gtk_widget_class_bind_template_child (widget_class, SamGroupEditor, past_group);
}

static void
sam_group_editor_init (SamGroupEditor *self)
{
  g_autoptr(GtkStringList) kind_labels = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->dynamic_rows = g_ptr_array_new ();
  self->council_uuids = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i <= SAM_GROUP_KIND_OTHER; i++)
    gtk_string_list_append (kind_labels, sam_group_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (name_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_row, "apply", G_CALLBACK (code_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->established_row, "apply", G_CALLBACK (established_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->description_row, "apply", G_CALLBACK (description_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->reports_row, "notify::selected", G_CALLBACK (reports_selected_cb), self, G_CONNECT_SWAPPED);
}

/**
 * sam_group_editor_new:
 *
 * Returns: (transfer full): a new, empty editor
 */
GtkWidget *
sam_group_editor_new (void)
{
  return g_object_new (SAM_TYPE_GROUP_EDITOR, NULL);
}

/**
 * sam_group_editor_show:
 * @self: an editor
 * @page: the page the editor is in
 * @group: (nullable): the group to show, or %NULL for none
 * @today: the day the roles and rules are shown for, YYYY-MM-DD
 * @refresh: %TRUE when the register changed since the last call, so what
 *   the editor keeps from it (the list of councils) is read again
 *
 * Shows @group as the register holds it now.
 */
void
sam_group_editor_show (SamGroupEditor      *self,
                       SamOrganisationPage *page,
                       SamGroup            *group,
                       const char          *today,
                       gboolean             refresh)
{
  g_return_if_fail (SAM_IS_GROUP_EDITOR (self));
  g_return_if_fail (SAM_IS_ORGANISATION_PAGE (page));

  self->page = page;
  if (sam_organisation_page_get_store (page) != self->store)
    {
      g_set_object (&self->store, sam_organisation_page_get_store (page));
      refresh = TRUE;
    }
  if (refresh)
    g_clear_object (&self->council_labels);
  if (group != self->selected)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_set_object (&self->selected, group);
  g_free (self->today);
  self->today = g_strdup (today);

  update_details (self);
}

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
#include "sam-detail-title.h"
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

/* A row of the details (a role, a seat, a line of the commission, a
 * warning): laid out as AdwActionRow lays out its own, with the same style
 * classes so it looks the same, but kept and filled again when another
 * group is shown instead of being made anew. Its labels stay on one line
 * and are cut with an ellipsis (the whole text is in a tooltip and in
 * what a screen reader reads): a wrapping label is laid out again for
 * every width the details are measured at, which made showing a group
 * with many roles take several frames. Warnings do wrap: there are few,
 * and each must be read in full. */
typedef struct
{
  GtkWidget *row;
  GtkWidget *prefixes;
  GtkWidget *icon;
  GtkLabel  *title;
  GtkLabel  *subtitle;
  GtkWidget *menu;          /* a role's menu button, made when first needed */
  GtkWidget *button;        /* a seat's remove button, made when first needed */
  char      *role_uuid;     /* what the menu acts on */
  gboolean   role_current;
} DetailRow;

typedef struct
{
  AdwPreferencesGroup *group;
  GPtrArray           *rows;    /* of DetailRow, in the order shown */
  guint                used;    /* how many are shown */
  gboolean             wrap;
} Section;

enum {
  SECTION_WARNINGS,
  SECTION_ROLES,
  SECTION_COMMISSION,
  SECTION_SEATS,
  SECTION_PAST,
  N_SECTIONS
};

struct _SamGroupEditor
{
  AdwBin               parent_instance;

  SamUndo             *undo;            /* the history each edit is a step of */
  SamStore            *store;
  SamGroup            *selected;
  char                *today;
  Section              sections[N_SECTIONS];
  GPtrArray           *council_uuids;   /* the choices of "Reports To", after "None" */
  GtkStringList       *council_labels;  /* "None" and the councils: the row's model */
  gboolean             councils_stale;  /* whether the councils are to be read again */
  gboolean             updating;
  gulong               kind_handler;
  gulong               reports_handler;

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
detail_row_free (gpointer data)
{
  DetailRow *row = data;

  g_free (row->role_uuid);
  g_free (row);
}

static gboolean
label_query_tooltip_cb (GtkWidget  *widget,
                        int         x,
                        int         y,
                        gboolean    keyboard,
                        GtkTooltip *tooltip,
                        gpointer    user_data)
{
  GtkLabel *label = GTK_LABEL (widget);

  /* Only text cut short needs one. */
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;

  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

static GtkLabel *
new_row_label (const char *style_class,
               gboolean    wrap)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (wrap)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
    }
  else
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
      gtk_widget_set_has_tooltip (label, TRUE);
      g_signal_connect (label, "query-tooltip", G_CALLBACK (label_query_tooltip_cb), NULL);
    }
  gtk_widget_add_css_class (label, style_class);

  return GTK_LABEL (label);
}

static DetailRow *
detail_row_new (Section *section)
{
  DetailRow *detail = g_new0 (DetailRow, 1);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkWidget *title_box = sam_detail_title_new ();

  detail->row = adw_preferences_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (detail->row), FALSE);
  gtk_widget_set_valign (header, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (header, "header");

  detail->prefixes = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_widget_add_css_class (detail->prefixes, "prefixes");
  gtk_widget_set_visible (detail->prefixes, FALSE);
  detail->icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (detail->icon, "sam-warning");
  gtk_box_append (GTK_BOX (detail->prefixes), detail->icon);
  gtk_box_append (GTK_BOX (header), detail->prefixes);

  gtk_widget_set_valign (title_box, GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (title_box, TRUE);
  detail->title = new_row_label ("title", section->wrap);
  detail->subtitle = new_row_label ("subtitle", section->wrap);
  if (section->wrap)
    gtk_label_set_selectable (detail->title, TRUE);
  sam_detail_title_append (SAM_DETAIL_TITLE (title_box), GTK_WIDGET (detail->title));
  sam_detail_title_append (SAM_DETAIL_TITLE (title_box), GTK_WIDGET (detail->subtitle));
  gtk_box_append (GTK_BOX (header), title_box);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (detail->row), header);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (detail->row),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, detail->title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, detail->subtitle, NULL,
                                  -1);
  adw_preferences_group_add (section->group, detail->row);

  return detail;
}

static void
section_begin (Section *section)
{
  section->used = 0;
}

/* The next row of @section, shown with @title and @subtitle and nothing
 * else (no icon, menu or button until the caller adds them). */
static DetailRow *
section_add (Section    *section,
             const char *title,
             const char *subtitle)
{
  DetailRow *detail;

  if (section->used == section->rows->len)
    g_ptr_array_add (section->rows, detail_row_new (section));
  detail = g_ptr_array_index (section->rows, section->used++);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (detail->row), title);
  gtk_label_set_text (detail->title, title);
  gtk_label_set_text (detail->subtitle, subtitle != NULL ? subtitle : "");
  gtk_widget_set_visible (GTK_WIDGET (detail->subtitle), subtitle != NULL && *subtitle != '\0');
  gtk_widget_set_visible (detail->prefixes, FALSE);
  if (detail->menu != NULL)
    gtk_widget_set_visible (detail->menu, FALSE);
  if (detail->button != NULL)
    gtk_widget_set_visible (detail->button, FALSE);
  gtk_widget_remove_css_class (detail->row, "sam-vacant");
  gtk_widget_set_visible (detail->row, TRUE);

  return detail;
}

/* Hides the rows left over from a group with more. */
static void
section_end (Section *section)
{
  for (guint i = section->used; i < section->rows->len; i++)
    {
      DetailRow *detail = g_ptr_array_index (section->rows, i);

      gtk_widget_set_visible (detail->row, FALSE);
    }
}

static void
detail_row_show_icon (DetailRow  *detail,
                      const char *label)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (detail->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (detail->prefixes, TRUE);
}

/* The menu is made when first opened: a popover per row would make
 * showing a group with many roles slow. */
static void
create_role_menu_cb (GtkMenuButton *button,
                     gpointer       user_data)
{
  DetailRow *detail = user_data;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit…"), NULL);
  g_autoptr(GMenuItem) end = g_menu_item_new (_("E_nd Term…"), NULL);
  g_autoptr(GMenuItem) remove = g_menu_item_new (_("_Remove"), NULL);

  if (gtk_menu_button_get_menu_model (button) != NULL)
    return;

  g_menu_item_set_action_and_target (edit, "organisation.edit-role", "s", detail->role_uuid);
  g_menu_item_set_action_and_target (end, "organisation.end-role", "s", detail->role_uuid);
  g_menu_item_set_action_and_target (remove, "organisation.remove-role", "s", detail->role_uuid);
  g_menu_append_item (menu, edit);
  if (detail->role_current)
    g_menu_append_item (menu, end);
  g_menu_append_item (menu, remove);
  gtk_menu_button_set_menu_model (button, G_MENU_MODEL (menu));
}

static void
detail_row_show_role_menu (DetailRow  *detail,
                           const char *uuid,
                           const char *name,
                           gboolean    current)
{
  g_autofree char *label = g_strdup_printf (_("Actions for %s"), name);

  if (detail->menu == NULL)
    {
      detail->menu = gtk_menu_button_new ();
      gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (detail->menu), "view-more-symbolic");
      gtk_menu_button_set_create_popup_func (GTK_MENU_BUTTON (detail->menu), create_role_menu_cb, detail, NULL);
      gtk_widget_set_valign (detail->menu, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (detail->menu, "flat");
      gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (detail->row))), detail->menu);
    }

  /* A menu made for the role shown before is made again when opened. */
  if (g_strcmp0 (detail->role_uuid, uuid) != 0 || detail->role_current != current)
    {
      g_free (detail->role_uuid);
      detail->role_uuid = g_strdup (uuid);
      detail->role_current = current;
      if (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (detail->menu)) != NULL)
        gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (detail->menu), NULL);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (detail->menu), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_set_visible (detail->menu, TRUE);
}

/* A vacant seat is filled where it is shown. */
static void
detail_row_show_fill (DetailRow  *detail,
                      const char *organisation_uuid,
                      const char *organisation)
{
  /* Translators: a vacant seat's button's name for screen readers */
  g_autofree char *label = g_strdup_printf (_("Fill the Seat of %s"), organisation);

  if (detail->button == NULL)
    {
      detail->button = gtk_button_new ();
      gtk_widget_set_valign (detail->button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (detail->button, "flat");
      gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (detail->row))), detail->button);
    }
  gtk_button_set_label (GTK_BUTTON (detail->button), _("_Fill…"));
  gtk_button_set_use_underline (GTK_BUTTON (detail->button), TRUE);
  gtk_widget_set_tooltip_text (detail->button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (detail->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (detail->button), "s", organisation_uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (detail->button), "organisation.fill-seat");
  gtk_widget_set_visible (detail->button, TRUE);
}

static void
detail_row_show_remove_seat (DetailRow  *detail,
                             const char *organisation_uuid,
                             const char *organisation)
{
  g_autofree char *label = g_strdup_printf (_("Remove the Seat of %s"), organisation);

  if (detail->button == NULL)
    {
      detail->button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      gtk_widget_set_valign (detail->button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (detail->button, "flat");
      gtk_box_append (GTK_BOX (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (detail->row))), detail->button);
    }
  gtk_widget_set_tooltip_text (detail->button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (detail->button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  /* The target first: the action takes a string. */
  gtk_actionable_set_action_target (GTK_ACTIONABLE (detail->button), "s", organisation_uuid);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (detail->button), "organisation.remove-seat");
  gtk_widget_set_visible (detail->button, TRUE);
}

static const char *
lookup_name (GHashTable *names,
             const char *uuid)
{
  return uuid != NULL ? g_hash_table_lookup (names, uuid) : NULL;
}

static char *
role_subtitle (SamAssignment *a,
               GHashTable    *names,
               GHashTable    *home,
               SamTenure      tenure)
{
  const char *organisation = lookup_name (names, sam_roles_represented (a, home));
  g_autofree char *term = sam_format_term (sam_assignment_get_starts (a), sam_assignment_get_ends (a));
  g_autoptr(GString) text = g_string_new (sam_role_get_label (sam_assignment_get_role (a)));

  /* What sets the row apart comes first, where a cut line keeps it. */
  if (tenure == SAM_TENURE_CARRIED_OVER)
    g_string_append_printf (text, " · %s", _("term ended, stays until a successor is appointed"));
  else if (tenure == SAM_TENURE_FUTURE)
    g_string_append_printf (text, " · %s", _("not started yet"));
  if (organisation != NULL)
    g_string_append_printf (text, " · %s", organisation);
  g_string_append_printf (text, " · %s", term);
  if (sam_assignment_get_appointed_by (a) != NULL)
    /* Translators: who appointed someone to a role */
    g_string_append_printf (text, " · %s", sam_assignment_get_appointed_by (a));

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
update_roles (SamGroupEditor      *self)
{
  const char *uuid = sam_group_get_uuid (self->selected);
  Section *roles = &self->sections[SECTION_ROLES];
  Section *past = &self->sections[SECTION_PAST];
  Section *seats_section = &self->sections[SECTION_SEATS];
  g_autoptr(GListModel) assignments = sam_store_list_group_assignments (self->store, uuid, NULL);
  g_autoptr(GHashTable) home = NULL;
  g_autoptr(GHashTable) names = sam_store_dup_group_names (self->store, uuid, &home, NULL);
  g_autoptr(GPtrArray) seats = sam_store_list_seats (self->store, uuid, NULL);
  g_autoptr(GPtrArray) vacancies = NULL;
  guint n_current = 0, n_past = 0;

  section_begin (roles);
  section_begin (past);
  section_begin (seats_section);

  if (assignments == NULL || seats == NULL || names == NULL)
    {
      section_end (roles);
      section_end (past);
      section_end (seats_section);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (assignments); i++)
    {
      g_autoptr(SamAssignment) a = g_list_model_get_item (assignments, i);
      SamTenure tenure = sam_roles_tenure (assignments, a, self->today, home);
      const char *name;
      g_autofree char *subtitle = NULL;
      DetailRow *detail;

      /* A long history shows its latest holders; the rest are counted. */
      if (tenure == SAM_TENURE_PAST && ++n_past > MAX_PAST_ROWS)
        continue;
      name = lookup_name (names, sam_assignment_get_person_uuid (a));
      if (name == NULL)
        name = "?";
      subtitle = role_subtitle (a, names, home, tenure);

      detail = section_add (tenure == SAM_TENURE_PAST ? past : roles, name, subtitle);
      if (tenure == SAM_TENURE_CARRIED_OVER)
        detail_row_show_icon (detail, _("Term ended"));
      detail_row_show_role_menu (detail, sam_assignment_get_uuid (a), name, tenure != SAM_TENURE_PAST);
      if (tenure != SAM_TENURE_PAST)
        n_current++;
    }

  vacancies = sam_roles_vacancies (assignments, seats, self->today, home);
  for (guint i = 0; i < vacancies->len; i++)
    {
      const char *organisation = lookup_name (names, g_ptr_array_index (vacancies, i));
      g_autofree char *subtitle = g_strdup_printf ("%s · %s", sam_role_get_label (SAM_ROLE_MEMBER),
                                                   organisation != NULL ? organisation : "?");
      DetailRow *detail = section_add (roles, _("Vacant"), subtitle);

      gtk_widget_add_css_class (detail->row, "sam-vacant");
      detail_row_show_fill (detail, g_ptr_array_index (vacancies, i), organisation != NULL ? organisation : "?");
      n_current++;
    }

  if (n_current == 0)
    section_add (roles, _("Nobody holds a role in the group"), NULL);
  if (n_past > MAX_PAST_ROWS)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u earlier holder", "And %u earlier holders",
                                                         n_past - MAX_PAST_ROWS),
                                               n_past - MAX_PAST_ROWS);

      section_add (past, more, _("Every role of a person is in the People view."));
    }
  gtk_widget_set_visible (GTK_WIDGET (self->past_group), n_past > 0);

  /* Seats, with how many of each organisation's are vacant */
  for (guint s = 0; s < seats->len; s++)
    {
      SamSeat *seat = g_ptr_array_index (seats, s);
      const char *organisation = lookup_name (names, seat->organisation_uuid);
      g_autofree char *subtitle = NULL;
      guint vacant = 0;
      DetailRow *detail;

      if (organisation == NULL)
        organisation = "?";
      for (guint v = 0; v < vacancies->len; v++)
        if (g_strcmp0 (g_ptr_array_index (vacancies, v), seat->organisation_uuid) == 0)
          vacant++;
      subtitle = vacant > 0
                 ? g_strdup_printf (ngettext ("%u seat, %u vacant", "%u seats, %u vacant", seat->seats), seat->seats, vacant)
                 : g_strdup_printf (ngettext ("%u seat", "%u seats", seat->seats), seat->seats);
      detail = section_add (seats_section, organisation, subtitle);
      detail_row_show_remove_seat (detail, seat->organisation_uuid, organisation);
    }
  if (seats->len == 0)
    section_add (seats_section, _("The commission names no seats"), NULL);

  section_end (roles);
  section_end (past);
  section_end (seats_section);
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
  Section *section = &self->sections[SECTION_COMMISSION];
  int min, max, co_opted;

  section_begin (section);
  if (commission == NULL)
    {
      section_add (section, _("The group has no commission yet"), NULL);
      section_end (section);
      return;
    }

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *text = NULL;

      g_object_get (commission, fields[i].property, &text, NULL);
      section_add (section, _(fields[i].label), text != NULL ? text : "–");
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
    section_add (section, _("Meetings"), meetings);
    limit = co_opted >= 0 ? g_strdup_printf ("%d", co_opted) : g_strdup ("–");
    section_add (section, _("Most Co-opted Members"), limit);
  }
  section_end (section);
}

static void
update_warnings (SamGroupEditor      *self)
{
  g_autoptr(GPtrArray) warnings = sam_rules_check_group (self->store, sam_group_get_uuid (self->selected), self->today, NULL);
  Section *section = &self->sections[SECTION_WARNINGS];
  guint n = warnings != NULL ? warnings->len : 0;

  section_begin (section);
  for (guint i = 0; i < n; i++)
    {
      SamWarning *warning = g_ptr_array_index (warnings, i);
      DetailRow *detail = section_add (section, warning->message, NULL);

      detail_row_show_icon (detail, _("Warning"));
    }
  section_end (section);
  gtk_widget_set_visible (GTK_WIDGET (self->warnings_group), n > 0);
}

/* Where the council @self's group reports to, as the register holds it,
 * sits in the list of "Reports To": 0, "No council", for none (or for a
 * group that is no council, which the list does not offer). */
static guint
reports_to_position (SamGroupEditor *self)
{
  g_autoptr(GPtrArray) relations = sam_store_list_relations (self->store, sam_group_get_uuid (self->selected), NULL);
  const char *current = NULL;

  for (guint i = 0; relations != NULL && i < relations->len; i++)
    {
      SamRelation *relation = g_ptr_array_index (relations, i);

      if (relation->kind == SAM_RELATION_KIND_REPORTS_TO &&
          g_strcmp0 (relation->from_uuid, sam_group_get_uuid (self->selected)) == 0)
        current = relation->to_uuid;
    }
  for (guint i = 0; current != NULL && i < self->council_uuids->len; i++)
    if (g_strcmp0 (current, g_ptr_array_index (self->council_uuids, i)) == 0)
      return i + 1;

  return 0;
}

/* Reads the councils again, and changes the row's list only where they
 * changed: the list is read after every edit, and most change none. */
static void
update_councils (SamGroupEditor *self)
{
  g_autoptr(GListModel) groups = sam_store_list_groups_of_kind (self->store, SAM_GROUP_KIND_COUNCIL, NULL);
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  gboolean same;

  self->councils_stale = FALSE;
  g_ptr_array_add (names, g_strdup (_("No council")));
  for (guint i = 0; groups != NULL && i < g_list_model_get_n_items (groups); i++)
    {
      g_autoptr(SamGroup) group = g_list_model_get_item (groups, i);

      g_ptr_array_add (uuids, g_strdup (sam_group_get_uuid (group)));
      g_ptr_array_add (names, g_strdup (sam_group_get_name (group)));
    }

  same = names->len == g_list_model_get_n_items (G_LIST_MODEL (self->council_labels));
  for (guint i = 0; same && i < uuids->len; i++)
    same = g_strcmp0 (g_ptr_array_index (uuids, i), g_ptr_array_index (self->council_uuids, i)) == 0;
  for (guint i = 0; same && i < names->len; i++)
    same = g_strcmp0 (g_ptr_array_index (names, i), gtk_string_list_get_string (self->council_labels, i)) == 0;
  if (same)
    return;

  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->council_labels, 0, g_list_model_get_n_items (G_LIST_MODEL (self->council_labels)),
                          (const char * const *) names->pdata);
  g_ptr_array_unref (self->council_uuids);
  self->council_uuids = g_steal_pointer (&uuids);
}

/* Called with the row's handler blocked (see update_details()). */
static void
update_reports_to (SamGroupEditor      *self)
{
  guint selected;
  gboolean team = sam_group_get_kind (self->selected) == SAM_GROUP_KIND_PROCESS_TEAM;

  gtk_widget_set_visible (GTK_WIDGET (self->reports_row), team);
  if (!team)
    return;

  if (self->councils_stale)
    update_councils (self);
  selected = reports_to_position (self);
  if (adw_combo_row_get_selected (self->reports_row) != selected)
    adw_combo_row_set_selected (self->reports_row, selected);
}

static void
update_details (SamGroupEditor *self)
{
  g_autoptr(SamGroup) parent = NULL;
  g_autoptr(GString) subtitle = NULL;
  SamGroup *group = self->selected;

  if (group == NULL)
    return;

  /* What is set here is what the register holds: the rows' handlers,
   * which write what the user chose, are kept out of it. */
  self->updating = TRUE;
  g_signal_handler_block (self->kind_row, self->kind_handler);
  g_signal_handler_block (self->reports_row, self->reports_handler);

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

  g_signal_handler_unblock (self->reports_row, self->reports_handler);
  g_signal_handler_unblock (self->kind_row, self->kind_handler);
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
      !sam_undo_run (self->undo, undo_label, save_group_edit, copy, &error))
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

  if (self->selected == NULL || kind == GTK_INVALID_LIST_POSITION)
    return;

  /* Only a kind other than the register's is a choice to store (see
   * reports_selected_cb()). */
  copy = sam_store_dup_by_uuid (self->store, SAM_TYPE_GROUP, sam_group_get_uuid (self->selected), NULL);
  if (copy == NULL || kind == (guint) sam_group_get_kind (copy))
    return;
  g_object_set (copy, "kind", kind, NULL);
  if (!sam_undo_run (self->undo, _("Change Kind"), save_group_edit, copy, &error))
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

  if (self->selected == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* Write only a choice that differs from what the register holds.
   * Blocking this handler while the row is filled is not enough: the
   * write below refreshes the row, and a change of its selection then,
   * inside this very emission of notify::selected, makes GObject run
   * the emission again once this returns (notify does not recurse),
   * with nothing blocked. That wrote the same choice again, for ever. */
  if (selected == reports_to_position (self))
    return;

  reports.group = sam_group_get_uuid (self->selected);
  reports.to = selected > 0 && selected <= self->council_uuids->len ? g_ptr_array_index (self->council_uuids, selected - 1) : NULL;
  if (!sam_undo_run (self->undo, _("Change Whom the Group Reports To"), reports_edit, &reports, &error))
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
  g_clear_object (&self->undo);

  G_OBJECT_CLASS (sam_group_editor_parent_class)->dispose (object);
}

static void
sam_group_editor_finalize (GObject *object)
{
  SamGroupEditor *self = SAM_GROUP_EDITOR (object);

  g_free (self->today);
  for (guint i = 0; i < N_SECTIONS; i++)
    g_ptr_array_unref (self->sections[i].rows);
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

  self->sections[SECTION_WARNINGS].group = self->warnings_group;
  self->sections[SECTION_WARNINGS].wrap = TRUE;
  self->sections[SECTION_ROLES].group = self->roles_group;
  self->sections[SECTION_COMMISSION].group = self->commission_group;
  self->sections[SECTION_SEATS].group = self->seats_group;
  self->sections[SECTION_PAST].group = self->past_group;
  for (guint i = 0; i < N_SECTIONS; i++)
    self->sections[i].rows = g_ptr_array_new_with_free_func (detail_row_free);
  self->council_uuids = g_ptr_array_new_with_free_func (g_free);
  self->council_labels = gtk_string_list_new (NULL);
  self->councils_stale = TRUE;
  adw_combo_row_set_model (self->reports_row, G_LIST_MODEL (self->council_labels));
  for (guint i = 0; i <= SAM_GROUP_KIND_OTHER; i++)
    gtk_string_list_append (kind_labels, sam_group_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kind_labels));

  g_signal_connect_object (self->name_row, "apply", G_CALLBACK (name_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->code_row, "apply", G_CALLBACK (code_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->established_row, "apply", G_CALLBACK (established_apply_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->description_row, "apply", G_CALLBACK (description_apply_cb), self, G_CONNECT_SWAPPED);
  self->kind_handler = g_signal_connect_object (self->kind_row, "notify::selected", G_CALLBACK (kind_selected_cb),
                                               self, G_CONNECT_SWAPPED);
  self->reports_handler = g_signal_connect_object (self->reports_row, "notify::selected",
                                                  G_CALLBACK (reports_selected_cb), self, G_CONNECT_SWAPPED);
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
 * @undo: the undo history each edit is made in, as one step; its store
 *   is the register shown
 * @group: (nullable): the group to show, or %NULL for none
 * @today: the day the roles and rules are shown for, YYYY-MM-DD
 * @refresh: %TRUE when the register changed since the last call, so what
 *   the editor keeps from it (the list of councils) is read again
 *
 * Shows @group as the register holds it now.
 */
void
sam_group_editor_show (SamGroupEditor *self,
                       SamUndo        *undo,
                       SamGroup       *group,
                       const char     *today,
                       gboolean        refresh)
{
  g_return_if_fail (SAM_IS_GROUP_EDITOR (self));
  g_return_if_fail (SAM_IS_UNDO (undo));

  g_set_object (&self->undo, undo);
  if (sam_undo_get_store (undo) != self->store)
    {
      g_set_object (&self->store, sam_undo_get_store (undo));
      refresh = TRUE;
    }
  if (refresh)
    self->councils_stale = TRUE;
  if (group != self->selected)
    gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  g_set_object (&self->selected, group);
  g_free (self->today);
  self->today = g_strdup (today);

  update_details (self);
}

/* sam-organisation-page-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sam-group-matches.h"
#include "sam-organisation-page.h"

G_BEGIN_DECLS

struct _SamOrganisationPage
{
  AdwBin               parent_instance;

  SamStore            *store;
  SamUndo             *undo;
  GHashTable          *children;        /* parent UUID ("" for the top) → GListStore of SamGroup */
  GHashTable          *parents;         /* UUIDs of the groups read so far that have children */
  GHashTable          *child_models;    /* parent UUID → its children as the tree shows them */
  GtkCustomFilter     *dissolved_filter;
  GListStore          *all_groups;
  gboolean             all_groups_stale;
  GHashTable          *search_keys;     /* SamGroup → its name and code, case-folded */
  char                *needle;          /* the search, folded by sam_match_fold () */
  char                *flat_needle;     /* the search the list of groups found was last filtered by */
  guint                flat_kind;       /* and the kind */
  GtkTreeListModel    *tree_model;
  SamGroupMatches     *flat_model;      /* the groups found, no tree rows */
  AdwStatusPage       *no_matches;      /* shown instead of an empty list found */
  GtkSingleSelection  *selection;       /* over the tree */
  GtkSingleSelection  *flat_selection;  /* over the groups found */
  SamGroup            *selected;
  char                *today;
  GtkWidget           *editor;          /* SamGroupEditor, made when first needed */
  gboolean             show_dissolved;
  gboolean             flat;
  gboolean             updating;

  AdwToastOverlay     *toast_overlay;
  AdwLeaflet          *leaflet;
  GtkBox              *chart_box;
  GtkToggleButton     *search_button;
  GtkSearchBar        *search_bar;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *kind_dropdown;
  GtkStack            *list_stack;
  GtkListView         *tree_view;
  GtkListView         *flat_view;
  GtkStack            *details_stack;
};

/* sam-organisation-page-actions.c */
void        _sam_organisation_page_install_actions    (GtkWidgetClass      *widget_class);
void        _sam_organisation_page_update_actions     (SamOrganisationPage *self);
void        _sam_organisation_page_toast_moved        (SamOrganisationPage *self,
                                                       SamGroup            *group,
                                                       SamGroup            *parent);

/* sam-organisation-page-models.c */
void        _sam_organisation_page_init_models        (SamOrganisationPage *self);
void        _sam_organisation_page_dispose_models     (SamOrganisationPage *self);
GListModel *_sam_organisation_page_load_tree          (SamOrganisationPage *self);
void        _sam_organisation_page_refresh_tree       (SamOrganisationPage *self);
void        _sam_organisation_page_refilter_flat      (SamOrganisationPage *self);
void        _sam_organisation_page_show_list          (SamOrganisationPage *self);
void        _sam_organisation_page_refilter_dissolved (SamOrganisationPage *self);
SamGroup   *_sam_organisation_page_dup_item_group     (gpointer             item);
const char *_sam_organisation_page_get_item_uuid      (gpointer             item);
void        _sam_organisation_page_copy_group         (SamGroup            *to,
                                                       SamGroup            *from);

G_END_DECLS

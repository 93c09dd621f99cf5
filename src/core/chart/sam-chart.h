/* sam-chart.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-chart-layout.h"
#include "sam-store.h"
#include "sam-types.h"

G_BEGIN_DECLS

/*
 * The organisation chart of a register as it stood on one day: the groups
 * in their structural tree, each box measured for its text, laid out by
 * sam-chart-layout. Drawing is in sam-chart-render.h, files and printed
 * pages in sam-chart-export.h. Nodes are numbered from 0 in pre-order, so
 * a parent always comes before its children.
 *
 * A chart keeps Pango layouts of its own, so use one chart from one thread
 * at a time (it may be built in a worker and then handed to the main
 * thread).
 */

#define SAM_CHART_ERROR (sam_chart_error_quark ())

typedef enum
{
  SAM_CHART_ERROR_INVALID,       /* a bad option: date, paper, tiles */
  SAM_CHART_ERROR_UNKNOWN_ROOT,  /* no such group, or not on the as-of date */
  SAM_CHART_ERROR_FORMAT,        /* a file name not ending in .pdf, .svg or .png */
  SAM_CHART_ERROR_WRITE,         /* the file could not be written */
} SamChartError;

GQuark sam_chart_error_quark (void);

typedef struct
{
  const char          *root_code;    /* a group's short code; NULL: the whole region */
  const char          *root_uuid;    /* or its UUID, which wins over root_code */
  const char          *as_of;        /* YYYY-MM-DD; NULL: today */
  gboolean             show_people;  /* a line per role holder and vacant seat */
  const char * const  *collapsed;    /* NULL-terminated group UUIDs, or NULL */
  gboolean             names_only;   /* boxes with the group's name alone, as on an overview */
  SamChartOrientation  orientation;
} SamChartOptions;

#define SAM_TYPE_CHART (sam_chart_get_type ())

G_DECLARE_FINAL_TYPE (SamChart, sam_chart, SAM, CHART, GObject)

void                  sam_chart_options_init          (SamChartOptions        *options);
gboolean              sam_chart_parse_date            (const char             *text,
                                                       GError                **error);

SamChart             *sam_chart_new_from_store        (SamStore               *store,
                                                       const SamChartOptions  *options,
                                                       GError                **error) G_GNUC_WARN_UNUSED_RESULT;
void                  sam_chart_new_from_store_async  (SamStore               *store,
                                                       const SamChartOptions  *options,
                                                       GCancellable           *cancellable,
                                                       GAsyncReadyCallback     callback,
                                                       gpointer                user_data);
SamChart             *sam_chart_new_from_store_finish (GAsyncResult           *result,
                                                       GError                **error) G_GNUC_WARN_UNUSED_RESULT;

const char           *sam_chart_get_as_of             (SamChart               *self);
const char           *sam_chart_get_registry_number   (SamChart               *self);
const char           *sam_chart_get_title             (SamChart               *self);
gboolean              sam_chart_get_show_people       (SamChart               *self);
const SamChartLayout *sam_chart_get_layout            (SamChart               *self);
void                  sam_chart_get_extents           (SamChart               *self,
                                                       SamChartRect           *extents);

guint                 sam_chart_get_n_nodes           (SamChart               *self);
gint                  sam_chart_node_at               (SamChart               *self,
                                                       double                  x,
                                                       double                  y);
gboolean              sam_chart_get_node_bounds       (SamChart               *self,
                                                       guint                   node,
                                                       SamChartRect           *bounds);
const char           *sam_chart_get_node_uuid         (SamChart               *self,
                                                       guint                   node);
const char           *sam_chart_get_node_name         (SamChart               *self,
                                                       guint                   node);
const char           *sam_chart_get_node_code         (SamChart               *self,
                                                       guint                   node);
SamGroupKind          sam_chart_get_node_kind         (SamChart               *self,
                                                       guint                   node);
const char           *sam_chart_get_node_chair        (SamChart               *self,
                                                       guint                   node);
guint                 sam_chart_get_node_n_members    (SamChart               *self,
                                                       guint                   node);
guint                 sam_chart_get_node_n_vacant     (SamChart               *self,
                                                       guint                   node);
const char * const   *sam_chart_get_node_people       (SamChart               *self,
                                                       guint                   node);
char                 *sam_chart_dup_node_description  (SamChart               *self,
                                                       guint                   node);

gint                  sam_chart_get_node_parent       (SamChart               *self,
                                                       guint                   node);
gint                  sam_chart_get_node_first_child  (SamChart               *self,
                                                       guint                   node);
gint                  sam_chart_get_node_next_sibling (SamChart               *self,
                                                       guint                   node);
gint                  sam_chart_get_node_prev_sibling (SamChart               *self,
                                                       guint                   node);
gboolean              sam_chart_node_has_children     (SamChart               *self,
                                                       guint                   node);

gint                  sam_chart_find_uuid             (SamChart               *self,
                                                       const char             *uuid);
guint                 sam_chart_find                  (SamChart               *self,
                                                       const char             *text,
                                                       GArray                 *nodes);

void                  sam_chart_set_collapsed         (SamChart               *self,
                                                       guint                   node,
                                                       gboolean                collapsed);
gboolean              sam_chart_get_collapsed         (SamChart               *self,
                                                       guint                   node);
void                  sam_chart_set_selected          (SamChart               *self,
                                                       gint                    node);
gint                  sam_chart_get_selected          (SamChart               *self);

G_END_DECLS

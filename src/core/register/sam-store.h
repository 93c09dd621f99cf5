/* sam-store.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-assignment.h"
#include "sam-commission.h"
#include "sam-decision.h"
#include "sam-group.h"
#include "sam-meeting.h"
#include "sam-organisation.h"
#include "sam-person.h"
#include "sam-progress.h"
#include "sam-schema.h"
#include "sam-types.h"

G_BEGIN_DECLS

#define SAM_STORE_ERROR (sam_store_error_quark ())

/* A register file's extension, the glob of its MIME type
 * application/x-samordna-register */
#define SAM_STORE_EXTENSION ".samordna"

typedef enum
{
  SAM_STORE_ERROR_OPEN,
  SAM_STORE_ERROR_NEWER_VERSION,
  SAM_STORE_ERROR_NOT_EMPTY,
  SAM_STORE_ERROR_REFERENCE,
  SAM_STORE_ERROR_DUPLICATE,
  SAM_STORE_ERROR_INVALID,
  SAM_STORE_ERROR_FIXED,
  SAM_STORE_ERROR_IN_USE,
  SAM_STORE_ERROR_FAILED,
  SAM_STORE_ERROR_READ_ONLY,
  SAM_STORE_ERROR_CHANGED,
} SamStoreError;

GQuark sam_store_error_quark (void);

#define SAM_TYPE_STORE (sam_store_get_type ())

G_DECLARE_FINAL_TYPE (SamStore, sam_store, SAM, STORE, GObject)

SamStore   *sam_store_open          (const char  *path,
                                     GError     **error) G_GNUC_WARN_UNUSED_RESULT;
SamStore   *sam_store_open_readonly (const char  *path,
                                     GError     **error) G_GNUC_WARN_UNUSED_RESULT;
char       *sam_store_dup_default_path (void);
const char *sam_store_get_path      (SamStore    *self);
gboolean    sam_store_is_read_only  (SamStore    *self);
gboolean    sam_store_is_empty      (SamStore    *self);
void        sam_store_set_user_name (SamStore    *self,
                                     const char  *name);
const char *sam_store_get_user_name (SamStore    *self);
void        sam_store_emit_changed  (SamStore    *self);

/* Editing: @item is any model object (SamOrganisation, SamPerson, SamGroup,
 * SamAssignment, SamCommission, SamMeeting, SamDecision). */

gpointer       sam_store_dup_by_uuid              (SamStore    *self,
                                                   GType        type,
                                                   const char  *uuid,
                                                   GError     **error);
gboolean       sam_store_save                     (SamStore    *self,
                                                   gpointer     item,
                                                   GError     **error);
gboolean       sam_store_delete                   (SamStore    *self,
                                                   gpointer     item,
                                                   GError     **error);

GListModel    *sam_store_list_organisations       (SamStore    *self,
                                                   GError     **error);
GListModel    *sam_store_list_people              (SamStore    *self,
                                                   GError     **error);
GListModel    *sam_store_list_groups              (SamStore    *self,
                                                   GError     **error);
GListModel    *sam_store_list_child_groups        (SamStore    *self,
                                                   const char  *parent_uuid,
                                                   GError     **error);
GListModel    *sam_store_list_group_assignments   (SamStore    *self,
                                                   const char  *group_uuid,
                                                   GError     **error);
GListModel    *sam_store_list_person_assignments  (SamStore    *self,
                                                   const char  *person_uuid,
                                                   GError     **error);
SamCommission *sam_store_dup_group_commission     (SamStore    *self,
                                                   const char  *group_uuid,
                                                   GError     **error);

/* Exchange: import */

typedef enum
{
  SAM_IMPORT_REPLACE,
  SAM_IMPORT_MERGE,
} SamImportMode;

typedef struct
{
  guint      added;
  guint      updated;
  guint      unchanged;
  GPtrArray *conflicts;  /* translated strings */
} SamImportSummary;

void sam_import_summary_clear (SamImportSummary *summary);

typedef struct _SamStoreImport SamStoreImport;

SamStoreImport *sam_store_import_begin  (SamStore           *self,
                                         SamImportMode       mode,
                                         GError            **error);
SamStoreImport *sam_store_import_stage  (SamStore           *self,
                                         SamProgress        *progress,
                                         GError            **error);
gboolean        sam_store_import_row    (SamStoreImport     *import,
                                         SamTable            table,
                                         const char         *uuid,
                                         const char * const *values,
                                         const char         *location,
                                         GError            **error);
gboolean        sam_store_import_info   (SamStoreImport     *import,
                                         const char         *key,
                                         const char         *value,
                                         GError            **error);
gboolean        sam_store_import_commit (SamStoreImport     *import,
                                         SamImportSummary   *summary,
                                         GError            **error);
void            sam_store_import_free   (SamStoreImport     *import);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStoreImport, sam_store_import_free)

/* Exchange: export */

typedef gboolean (*SamStoreRowFunc) (SamTable            table,
                                     const char         *uuid,
                                     const char * const *values,
                                     gpointer            user_data,
                                     GError            **error);

gboolean   sam_store_read_begin   (SamStore         *self,
                                   GError          **error);
void       sam_store_read_end     (SamStore         *self);
gboolean   sam_store_foreach_row  (SamStore         *self,
                                   SamTable          table,
                                   SamStoreRowFunc   func,
                                   gpointer          user_data,
                                   GError          **error);
GPtrArray *sam_store_dup_info     (SamStore         *self);
char      *sam_store_dup_region   (SamStore         *self);

char      *sam_store_dup_setting          (SamStore     *self,
                                           const char   *key) G_GNUC_WARN_UNUSED_RESULT;
gboolean   sam_store_get_boolean_setting  (SamStore     *self,
                                           const char   *key,
                                           gboolean      fallback);
gboolean   sam_store_set_setting          (SamStore     *self,
                                           const char   *key,
                                           const char   *value,
                                           GError      **error);
gboolean   sam_store_set_boolean_setting  (SamStore     *self,
                                           const char   *key,
                                           gboolean      value,
                                           GError      **error);

/* Undo: edits made between begin and end, as an SQLite changeset */
typedef struct _SamStoreCapture SamStoreCapture;

SamStoreCapture *sam_store_capture_begin   (SamStore         *self,
                                           GError          **error);
GBytes          *sam_store_capture_end     (SamStoreCapture  *capture);
void             sam_store_capture_free    (SamStoreCapture  *capture);
gboolean         sam_store_apply_changeset (SamStore         *self,
                                           GBytes           *changeset,
                                           gboolean          invert,
                                           const char       *action,
                                           GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamStoreCapture, sam_store_capture_free)

G_END_DECLS

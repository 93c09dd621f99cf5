/* sam-store-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "sam-model-private.h"
#include "sam-store.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

#define SAM_STORE_FTS_TRIGGERS "fts-triggers.sql"
#define SAM_STORE_TRIGRAM_TRIGGERS "fts-trigram-triggers.sql"

/* SQLite's page cache, negative: KiB. A window has a connection open for
 * its whole life and each worker one of its own while it reads, so the
 * cache of each stays small; an import or merge takes a bigger one while
 * it runs, big enough to keep the indexes it builds in memory and well
 * inside its memory budget. */
#define SAM_STORE_CACHE_KIB        "-2048"
#define SAM_STORE_IMPORT_CACHE_KIB "-16384"

/* Sets the groups' sort keys that are missing or were made by another
 * collator version (groups are few: every key is compared). */
#define SAM_STORE_FIX_GROUP_KEYS \
  "UPDATE grp SET code_key = sv_key (code), name_key = sv_key (name) " \
  "WHERE code_key IS NOT sv_key (code) OR name_key IS NOT sv_key (name)"

/* What the store derives from the descriptor for each table when it opens. */
typedef struct
{
  char  *select;       /* SELECT t.id, t.uuid, <columns, refs as uuids> FROM ... (no WHERE) */
  char  *export;       /* SELECT t.id, t.uuid, <columns, refs as ids> FROM t ORDER BY t.uuid */
  char  *insert;       /* INSERT INTO t (uuid, columns) VALUES (?1, ?2, ...) */
  char  *update;       /* UPDATE t SET columns = ?2, ... WHERE uuid = ?1 */
  char  *delete;       /* DELETE FROM t WHERE uuid = ?1 */
  char  *find_id;      /* SELECT id FROM t WHERE uuid = ?1 */
  char  *exists;       /* SELECT EXISTS (SELECT 1 FROM t) */
  char **defaults;     /* per column: the default as stored text, or NULL */
  char **assign;       /* per column: its part of update, "col = ?N" or "col = coalesce (?N, default)" */
} SamTableSql;

typedef struct _SamStoreLock SamStoreLock;

struct _SamStore
{
  GObject      parent_instance;

  sqlite3     *db;
  char        *path;
  SamStoreLock *lock;       /* see sam-store-lock.c */
  char        *user_name;
  GHashTable  *statements;  /* SQL text -> prepared sqlite3_stmt */
  GHashTable  *functions;   /* names of the SQL function sets defined */
  SamTableSql  sql[SAM_N_TABLES];
  GPtrArray   *uuids[SAM_N_TABLES];  /* during an export: id -> uuid, see sam-store-export.c */
  GStringChunk *uuid_chunk;
  guint        network_fs : 1;
  guint        read_only : 1;
  guint        in_import : 1;
  guint        in_read : 1;
  int          busy_waits;  /* atomic, see _sam_store_get_busy_waits () */
};

/* sam-store.c and, for rows and the audit log, sam-store-rows.c */
sqlite3_stmt *_sam_store_prepare        (SamStore           *self,
                                         const char         *sql,
                                         GError            **error);
GBytes       *_sam_store_lookup_sql     (const char         *name,
                                         GError            **error);
char         *_sam_store_quote_identifier (const char       *name);
gpointer      _sam_store_object_from_row (SamStore          *self,
                                         sqlite3_stmt       *stmt,
                                         SamTable            table);
GPtrArray    *_sam_store_collect_objects (SamStore          *self,
                                         sqlite3_stmt       *stmt,
                                         SamTable            table,
                                         GError            **error);
GListModel   *_sam_store_collect_list   (SamStore           *self,
                                         sqlite3_stmt       *stmt,
                                         SamTable            table,
                                         GError            **error);
gboolean      _sam_store_run_sql_resource (SamStore         *self,
                                         const char         *name,
                                         GError            **error);
gboolean      _sam_store_exec           (SamStore           *self,
                                         const char         *sql,
                                         GError            **error);
gboolean      _sam_store_begin          (SamStore           *self,
                                         GError            **error);
gboolean      _sam_store_commit         (SamStore           *self,
                                         GError            **error);
void          _sam_store_rollback       (SamStore           *self);
gboolean      _sam_store_is_foreign_key_error (SamStore       *self,
                                         int                 rc);
void          _sam_store_set_error      (SamStore           *self,
                                         GError            **error,
                                         int                 rc,
                                         const char         *what);
gboolean      _sam_store_end_rows       (SamStore           *self,
                                         sqlite3_stmt       *stmt,
                                         int                 rc,
                                         const char         *what,
                                         GError            **error);
gboolean      _sam_store_audit          (SamStore           *self,
                                         const char         *action,
                                         const char         *entity,
                                         const char         *entity_uuid,
                                         const char         *before,
                                         const char         *after,
                                         GError            **error);
void          _sam_store_forget_person  (GPtrArray          *row);
char         *_sam_store_row_json       (SamTable            table,
                                         const char         *uuid,
                                         const char * const *values);
GPtrArray    *_sam_store_read_row       (SamStore           *self,
                                         sqlite3_stmt       *stmt,
                                         SamTable            table,
                                         gint64             *id,
                                         char              **uuid);
GPtrArray    *_sam_store_dup_row        (SamStore           *self,
                                         SamTable            table,
                                         const char         *uuid,
                                         gint64             *id,
                                         GError            **error);
gboolean      _sam_store_bind_values    (SamStore           *self,
                                         sqlite3_stmt       *stmt,
                                         SamTable            table,
                                         const char * const *values,
                                         const gint64       *ref_ids,
                                         GError            **error);
gint64        _sam_store_find_id        (SamStore           *self,
                                         SamTable            table,
                                         const char         *uuid,
                                         GError            **error);
void          _sam_store_changed        (SamStore           *self,
                                         SamTable            table);
const char   *_sam_store_table_label    (SamTable            table);
guint         _sam_store_get_busy_waits (SamStore           *self);
gboolean      _sam_store_fs_type_is_network (gulong          f_type);
gboolean      _sam_store_path_is_network    (const char     *path);

/* sam-store-import.c: the steps of a staged merge, for tests and the
 * benchmark */
typedef enum
{
  SAM_STORE_MERGE_STAGED,     /* the rows are read; the write lock is asked for next */
  SAM_STORE_MERGE_LOCKED,     /* the write lock is taken (the staging is checked next) */
  SAM_STORE_MERGE_COMMITTED,  /* and let go */
} SamStoreMergeStep;

typedef void (*SamStoreMergeHook) (SamStoreMergeStep step,
                                   gpointer          user_data);

void          _sam_store_set_merge_hook (SamStoreMergeHook   hook,
                                         gpointer            user_data);

/* sam-store-lock.c */
char         *_sam_store_dup_lock_path  (const char         *path);
SamStoreLock *_sam_store_lock_write     (const char         *path,
                                         guint               timeout_ms,
                                         GError            **error);
SamStoreLock *_sam_store_lock_read      (const char         *path,
                                         gboolean           *writer_elsewhere,
                                         GError            **error);
void          _sam_store_lock_release   (SamStoreLock       *lock);

/* sam-store-migrate.c */
int           _sam_store_latest_version (void);
gboolean      _sam_store_migrate        (SamStore           *self,
                                         GError            **error);
gboolean      _sam_store_build_table_sql (SamStore          *self,
                                         SamTable            table,
                                         GError            **error);

/* sam-store-sort.c */
gboolean      _sam_store_add_sort_functions (SamStore       *self,
                                         GError            **error);
gboolean      _sam_store_keep_sort_keys (SamStore           *self,
                                         GError            **error);

/* sam-store.c: SQL functions a feature defines on the connection the first
 * time it needs them */
typedef gboolean (*SamStoreAddFunctions) (SamStore  *self,
                                          GError   **error);
gboolean      _sam_store_ensure_functions (SamStore         *self,
                                         const char         *name,
                                         SamStoreAddFunctions add,
                                         GError            **error);

/* sam-store.c, for sam-store-export.c: forgets an export's id -> uuid maps */
void          _sam_store_clear_uuids    (SamStore           *self);

/* sam-store-rules.c: the register's invariants, checked on every row the
 * store writes */

/* The years a decision's number may have. */
#define SAM_STORE_MIN_YEAR 1900
#define SAM_STORE_MAX_YEAR 2200

typedef enum
{
  SAM_STORE_CHECK_EDIT,    /* one row of an edit: circles are looked for at once */
  SAM_STORE_CHECK_IMPORT,  /* a row of an import: circles wait for its commit */
} SamStoreCheck;

/* Where an import read the row @id of @table (“register.xml, line 12”),
 * with in @order how early in the file; %NULL for a row it did not
 * write. */
typedef const char * (*SamStoreLocateFunc) (gpointer  user_data,
                                            SamTable  table,
                                            gint64    id,
                                            guint64  *order);

const char   *_sam_store_column_label   (SamTable             table,
                                         guint                column);
gboolean      _sam_store_text_is_storable (const char        *text);
char         *_sam_store_dup_printable  (const char          *text);
gboolean      _sam_store_values_equal   (SamStore            *self,
                                         SamTable             table,
                                         const char * const  *stored,
                                         const char * const  *values);
char         *_sam_store_format_number  (SamStore            *self,
                                         const char          *group_uuid,
                                         const char          *year,
                                         const char          *serial);
gboolean      _sam_store_check_row      (SamStore            *self,
                                         SamTable             table,
                                         const char          *uuid,
                                         const char * const  *values,
                                         const char * const  *before,
                                         SamStoreCheck        mode,
                                         const char          *what,
                                         GError             **error);
char         *_sam_store_dup_relation_cycle_message (const char *where,
                                         const char          *kind,
                                         const char          *from_name,
                                         const char          *to_name);

/* sam-store-cycles.c */
gboolean      _sam_store_check_cycles   (SamStore            *self,
                                         SamStoreLocateFunc   locate,
                                         gpointer             user_data,
                                         GError             **error);

/* sam-store-sql.c: the statement helpers of every store file */

/* The text parameters ?1 … ?n of a statement: SAM_PARAMS (uuid, name) */
#define SAM_PARAMS(...) \
  ((const char * const []) { __VA_ARGS__ }), \
  G_N_ELEMENTS (((const char * const []) { __VA_ARGS__ }))

int           _sam_store_column_index   (SamTable             table,
                                         const char          *column);
gboolean      _sam_store_is_blank       (const char          *text);
gboolean      _sam_store_check_date     (const char          *date,
                                         const char          *label,
                                         GError             **error);
char         *_sam_store_column_dup     (sqlite3_stmt        *stmt,
                                         int                  column);
void          _sam_store_bind_texts     (sqlite3_stmt        *stmt,
                                         const char * const  *params,
                                         guint                n_params);
gboolean      _sam_store_run            (SamStore            *self,
                                         const char          *sql,
                                         const char * const  *params,
                                         guint                n_params,
                                         const char          *what,
                                         GError             **error);
gint64        _sam_store_query_int      (SamStore            *self,
                                         const char          *sql,
                                         const char * const  *params,
                                         guint                n_params,
                                         GError             **error);
GStrv         _sam_store_query_strings  (SamStore            *self,
                                         const char          *sql,
                                         const char * const  *params,
                                         guint                n_params,
                                         GError             **error);
GListModel   *_sam_store_query_models   (SamStore            *self,
                                         SamTable             table,
                                         const char          *clauses,
                                         const char * const  *params,
                                         guint                n_params,
                                         GError             **error);
gpointer      _sam_store_query_first    (SamStore            *self,
                                         SamTable             table,
                                         const char          *clauses,
                                         const char * const  *params,
                                         guint                n_params,
                                         GError             **error);
GListModel   *_sam_store_search_models  (SamStore            *self,
                                         SamTable             table,
                                         const char          *clauses,
                                         const char          *text,
                                         GError             **error);
gboolean      _sam_store_write_values   (SamStore            *self,
                                         SamTable             table,
                                         const char          *uuid,
                                         const char * const  *values,
                                         gboolean             exists,
                                         const char          *what,
                                         GError             **error);
gboolean      _sam_store_update_row     (SamStore            *self,
                                         SamTable             table,
                                         const char          *uuid,
                                         const char          *what,
                                         GError             **error,
                                         ...) G_GNUC_NULL_TERMINATED;
gboolean      _sam_store_delete_row     (SamStore            *self,
                                         SamTable             table,
                                         const char          *uuid,
                                         GError             **error);
char         *_sam_store_dup_row_json   (SamStore            *self,
                                         SamTable             table,
                                         const char          *uuid);
gboolean      _sam_store_finish_change  (SamStore            *self,
                                         SamTable             table,
                                         const char          *action,
                                         const char          *uuid,
                                         const char          *before_json,
                                         const char          *after_json,
                                         GError             **error);
gboolean      _sam_store_fail           (SamStore            *self,
                                         GError             **error,
                                         GError              *local_error);
char         *_sam_store_fts_query      (const char          *text);
char         *_sam_store_like_pattern   (const char          *text);

G_END_DECLS

/* sam-store.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-store-private.h"

/*
 * The store owns the SQLite connection to one register file and is the only
 * code that runs SQL. This file opens the connection, for changes or for
 * reading only (the lock of sam-store-lock.c, journal, busy timeout, the
 * migrations of sam-store-migrate.c), maps SQLite errors to
 * SAM_STORE_ERROR and emits "changed". Beside it in the register: rows and
 * the audit log (sam-store-rows.c), the statement helpers (sam-store-sql.c),
 * the Swedish order (sam-store-sort.c), the generic editing API
 * (sam-store-edit.c), the import and export of rows (sam-store-import.c,
 * sam-store-export.c) and the recording of edits for undo
 * (sam-store-capture.c). Each feature's own queries are in its folder's
 * sam-store-<feature>.c.
 */

#define BUSY_TIMEOUT_MS  10000
/* How long a change waits for another connection's write transaction:
 * well past the time a merge holds the register, which is only while it
 * writes (see sam_store_import_stage()), so that a change made meanwhile
 * waits for it instead of failing. */
#define WRITE_WAIT_MS    120000

/* statfs f_type values of network file systems (from linux/magic.h and the
 * file systems' own headers, which are not all installed), and of FUSE,
 * which is how GVfs (~/.gvfs, /run/user/…/gvfs) and sshfs mount shares. */
#define NFS_SUPER_MAGIC    0x6969
#define SMB_SUPER_MAGIC    0x517B
#define CIFS_MAGIC_NUMBER  0xFF534D42
#define SMB2_MAGIC_NUMBER  0xFE534D42
#define AFS_SUPER_MAGIC    0x5346414F
#define AFS_FS_MAGIC       0x6B414653
#define CODA_SUPER_MAGIC   0x73757245
#define NCP_SUPER_MAGIC    0x564C
#define FUSE_SUPER_MAGIC   0x65735546

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_QUARK (sam-store-error-quark, sam_store_error)

G_DEFINE_FINAL_TYPE (SamStore, sam_store, G_TYPE_OBJECT)

static const char * const table_labels[SAM_N_TABLES] = {
  N_("organisation"),
  N_("person"),
  N_("group"),
  N_("group relation"),
  N_("commission"),
  N_("commission seat"),
  N_("assignment"),
  N_("meeting"),
  N_("meeting participation"),
  N_("agenda item"),
  N_("attendance"),
  N_("decision"),
  N_("escalation"),
};

/**
 * _sam_store_table_label:
 * @table: a table
 *
 * Returns: (transfer none): the translated, lower-case name of a row of @table
 */
const char *
_sam_store_table_label (SamTable table)
{
  g_return_val_if_fail (table < SAM_N_TABLES, NULL);

  return _(table_labels[table]);
}

/* Network file systems */

/**
 * _sam_store_fs_type_is_network:
 * @f_type: the f_type of a struct statfs
 *
 * Returns: whether @f_type is a network file system (or FUSE, which may
 *   be one), where SQLite's WAL (shared memory between processes) is not
 *   safe
 */
gboolean
_sam_store_fs_type_is_network (gulong f_type)
{
  switch ((guint32) f_type)
    {
    case NFS_SUPER_MAGIC:
    case SMB_SUPER_MAGIC:
    case CIFS_MAGIC_NUMBER:
    case SMB2_MAGIC_NUMBER:
    case AFS_SUPER_MAGIC:
    case AFS_FS_MAGIC:
    case CODA_SUPER_MAGIC:
    case NCP_SUPER_MAGIC:
    case FUSE_SUPER_MAGIC:
      return TRUE;
    default:
      return FALSE;
    }
}

/**
 * _sam_store_path_is_network:
 * @path: a register file, which may not exist yet
 *
 * Looks at the file and at its directory (the file may be a symlink into a
 * share, or not exist yet). SAM_FORCE_NETWORK_FS=1 in the environment makes
 * every path count as remote, so tests can reach that code.
 *
 * Returns: whether @path is on a network file system
 */
gboolean
_sam_store_path_is_network (const char *path)
{
  g_autofree char *dir = g_path_get_dirname (path);
  struct statfs buf;

  if (g_strcmp0 (g_getenv ("SAM_FORCE_NETWORK_FS"), "1") == 0)
    return TRUE;

  if (statfs (path, &buf) == 0 && _sam_store_fs_type_is_network (buf.f_type))
    return TRUE;

  return statfs (dir, &buf) == 0 && _sam_store_fs_type_is_network (buf.f_type);
}

/* Statements and errors */

/**
 * _sam_store_prepare:
 * @self: a #SamStore
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Returns a cached prepared statement for @sql, reset and with no bindings.
 * The caller must sqlite3_reset() it when done, so that it does not keep a
 * read snapshot open.
 *
 * Returns: (transfer none) (nullable): the statement
 */
sqlite3_stmt *
_sam_store_prepare (SamStore    *self,
                    const char  *sql,
                    GError     **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    {
      sqlite3_reset (stmt);
      sqlite3_clear_bindings (stmt);
      return stmt;
    }

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      g_debug ("Could not prepare “%s”: %s", sql, sqlite3_errmsg (self->db));
      _sam_store_set_error (self, error, rc, _("The register could not be read"));
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/**
 * _sam_store_ensure_functions:
 * @self: a #SamStore
 * @name: (type utf8): a static name for the set of functions
 * @add: defines them on @self's connection
 * @error: return location for a #GError
 *
 * Lets a feature define the SQL functions only its own queries use, once
 * per connection, the first time it needs them, so that opening a
 * register does not have to know every feature.
 *
 * Returns: whether the functions are defined
 */
gboolean
_sam_store_ensure_functions (SamStore              *self,
                             const char            *name,
                             SamStoreAddFunctions   add,
                             GError               **error)
{
  if (g_hash_table_contains (self->functions, name))
    return TRUE;
  if (!add (self, error))
    return FALSE;

  g_hash_table_add (self->functions, (gpointer) name);
  return TRUE;
}

/**
 * _sam_store_exec:
 * @self: a #SamStore
 * @sql: one or more SQL statements without parameters
 * @error: return location for a #GError
 *
 * Returns: whether all of @sql ran
 */
gboolean
_sam_store_exec (SamStore    *self,
                 const char  *sql,
                 GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      g_debug ("“%.60s…” failed: %s", sql, sqlite3_errmsg (self->db));
      _sam_store_set_error (self, error, rc, _("The register could not be changed"));
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_begin:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Starts a write transaction at once (BEGIN IMMEDIATE), so two programs on
 * one file take turns instead of failing half-way with SQLITE_BUSY.
 *
 * Returns: whether the transaction started
 */
gboolean
_sam_store_begin (SamStore  *self,
                  GError   **error)
{
  return _sam_store_exec (self, "BEGIN IMMEDIATE", error);
}

/**
 * _sam_store_commit:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: whether the transaction was committed; if not, it was rolled back
 */
gboolean
_sam_store_commit (SamStore  *self,
                   GError   **error)
{
  if (!_sam_store_exec (self, "COMMIT", error))
    {
      _sam_store_rollback (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_rollback:
 * @self: a #SamStore
 *
 * Rolls back the open transaction, if any.
 */
void
_sam_store_rollback (SamStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
}

/* "NOT NULL constraint failed: grp.name" -> the table and the index of
 * its "name" column in the descriptor; for a constraint on several columns
 * ("UNIQUE constraint failed: decision.group_id, decision.year, …"), the
 * first. */
static gboolean
failed_column (SamStore *self,
               SamTable *table,
               guint    *column)
{
  const char *msg = sqlite3_errmsg (self->db);
  const char *colon = strstr (msg, ": ");
  g_autofree char *name = NULL;
  const char *dot, *end;

  if (colon == NULL || (dot = strchr (colon + 2, '.')) == NULL)
    return FALSE;

  name = g_strndup (colon + 2, dot - colon - 2);
  end = dot + 1 + strcspn (dot + 1, ", ");
  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);

      if (strcmp (info->sql_name, name) != 0)
        continue;
      for (guint c = 0; c < info->n_columns; c++)
        if (strlen (info->columns[c].column) == (gsize) (end - dot - 1) &&
            strncmp (info->columns[c].column, dot + 1, end - dot - 1) == 0)
          {
            *table = t;
            *column = c;
            return TRUE;
          }
    }

  return FALSE;
}

/* The rules the schema keeps with triggers (sam-store-rules.c keeps them
 * first, with messages of its own; these meet only what slipped past). */
static gboolean
set_trigger_error (SamStore    *self,
                   GError     **error,
                   const char  *what)
{
  const char *msg = sqlite3_errmsg (self->db);

  if (strstr (msg, "registered decision is fixed") != NULL)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                 _("%s: a registered decision cannot be changed or deleted. "
                   "Register a new decision that supersedes it."), what);
  else if (strstr (msg, "group code is fixed") != NULL)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FIXED,
                 _("%s: a group’s short code is part of the numbers of its registered decisions "
                   "and cannot change"), what);
  else if (strstr (msg, "withdrawn without a reason") != NULL)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 _("%s: a decision is withdrawn only with a reason"), what);
  else if (strstr (msg, "decision number out of range") != NULL)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 _("%s: a decision’s serial starts at 1 and its year lies between %d and %d"),
                 what, SAM_STORE_MIN_YEAR, SAM_STORE_MAX_YEAR);
  else if (strcmp (msg, "circle") == 0)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 _("%s: it would close a circle: a group under its own subgroup, a decision superseding "
                   "one that supersedes it, or relations that lead back"), what);
  else
    return FALSE;

  return TRUE;
}

/**
 * _sam_store_end_rows:
 * @self: a #SamStore
 * @stmt: a statement stepped to its end, or until it failed
 * @rc: what the last sqlite3_step() returned
 * @what: (nullable): a translated sentence saying what failed,
 *   or %NULL for the register as a whole
 * @error: return location for a #GError
 *
 * Ends a statement: resets it and lets go of its parameters.
 *
 * Returns: whether it ran to its end (@rc is %SQLITE_DONE)
 */
gboolean
_sam_store_end_rows (SamStore      *self,
                     sqlite3_stmt  *stmt,
                     int            rc,
                     const char    *what,
                     GError       **error)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    {
      _sam_store_set_error (self, error, rc, what != NULL ? what : _("The register could not be read"));
      return FALSE;
    }

  return TRUE;
}

/**
 * _sam_store_is_foreign_key_error:
 * @self: a #SamStore
 * @rc: the result of the failed sqlite3_step()
 *
 * ON DELETE RESTRICT fails with SQLITE_CONSTRAINT_TRIGGER, not
 * SQLITE_CONSTRAINT_FOREIGNKEY, so the message has to be looked at too.
 *
 * Returns: whether the failure was a foreign key constraint
 */
gboolean
_sam_store_is_foreign_key_error (SamStore *self,
                                 int       rc)
{
  return rc == SQLITE_CONSTRAINT_FOREIGNKEY ||
         ((rc & 0xff) == SQLITE_CONSTRAINT &&
          strstr (sqlite3_errmsg (self->db), "FOREIGN KEY constraint failed") != NULL);
}

/**
 * _sam_store_set_error:
 * @self: a #SamStore
 * @error: return location for a #GError
 * @rc: the SQLite result code
 * @what: a translated sentence start saying what failed, used as a prefix
 *
 * Turns an SQLite failure into a translated #SAM_STORE_ERROR. The raw
 * SQLite text goes to the debug log only.
 */
void
_sam_store_set_error (SamStore    *self,
                      GError     **error,
                      int          rc,
                      const char  *what)
{
  /* Extended result codes are on, so @rc is already the extended code;
   * sqlite3_extended_errcode() would be reset by sqlite3_reset(). */
  int extended = (rc & ~0xff) != 0 ? rc : sqlite3_extended_errcode (self->db);
  const char *msg = sqlite3_errmsg (self->db);
  SamTable table;
  guint column;

  g_debug ("SQLite error %d (%d): %s", rc, extended, msg);

  if (extended == SQLITE_CONSTRAINT_TRIGGER && set_trigger_error (self, error, what))
    return;
  else if (_sam_store_is_foreign_key_error (self, rc))
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_REFERENCE,
                 _("%s: it refers to an entry that is not in the register"), what);
  else if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      if (failed_column (self, &table, &column) && table == SAM_TABLE_DECISION &&
          strcmp (sam_schema_table (table)->columns[column].column, "group_id") == 0)
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE,
                     _("%s: another decision of the group already has the same number"), what);
      else if (failed_column (self, &table, &column) && table != SAM_TABLE_GROUP_RELATION &&
               strstr (msg, ", ") == NULL)
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE,
                     _("%s: another entry already has the same “%s”"), what, _sam_store_column_label (table, column));
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_DUPLICATE,
                     _("%s: the same entry is already in the register"), what);
    }
  else if (extended == SQLITE_CONSTRAINT_NOTNULL && failed_column (self, &table, &column))
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 _("%s: “%s” is required"), what, _sam_store_column_label (table, column));
  else if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_INVALID,
                 _("%s: a value is missing or not allowed"), what);
  else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                 _("%s: the register is busy in another program. Try again."), what);
  else if ((rc & 0xff) == SQLITE_READONLY)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                 _("%s: the register is open only for reading"), what);
  else if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                 _("%s: the file is not a Samordna register or is damaged"), what);
  else
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                 _("%s: the register file could not be read or written"), what);
}

/* SQLite's own busy timeout, with a count of the times a statement had to
 * wait, which tests read. */
static int
busy_cb (void *user_data,
         int   n_calls)
{
  static const guint8 delays[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
  SamStore *self = user_data;
  guint delay, waited = 0;

  if ((guint) n_calls < G_N_ELEMENTS (delays))
    {
      delay = delays[n_calls];
      for (int i = 0; i < n_calls; i++)
        waited += delays[i];
    }
  else
    {
      delay = 100;
      for (guint i = 0; i < G_N_ELEMENTS (delays); i++)
        waited += delays[i];
      waited += 100 * (n_calls - G_N_ELEMENTS (delays));
    }
  if (waited >= WRITE_WAIT_MS)
    return 0;

  if (n_calls == 0)
    g_atomic_int_inc (&self->busy_waits);
  g_usleep (MIN (delay, WRITE_WAIT_MS - waited) * 1000);

  return 1;
}

/**
 * _sam_store_get_busy_waits:
 * @self: a #SamStore
 *
 * Returns: how often a statement on this connection has waited for another
 *   connection's transaction
 */
guint
_sam_store_get_busy_waits (SamStore *self)
{
  return g_atomic_int_get (&self->busy_waits);
}

static gboolean
configure_connection (SamStore  *self,
                      GError   **error)
{
  sqlite3_busy_handler (self->db, busy_cb, self);
  sqlite3_extended_result_codes (self->db, 1);

  if (!_sam_store_add_sort_functions (self, error))
    return FALSE;

  return _sam_store_exec (self, "PRAGMA foreign_keys = ON", error) &&
         _sam_store_exec (self, "PRAGMA cache_size = " SAM_STORE_CACHE_KIB, error);
}

/* WAL needs shared memory between the processes using the file, which a
 * network file system cannot give; there a rollback journal with full syncs
 * is the safe choice. Done after the version check, since switching to WAL
 * writes to the file. */
static gboolean
configure_journal (SamStore  *self,
                   GError   **error)
{
  self->network_fs = _sam_store_path_is_network (self->path);

  if (self->network_fs)
    return _sam_store_exec (self, "PRAGMA journal_mode = DELETE", error) &&
           _sam_store_exec (self, "PRAGMA synchronous = FULL", error);

  return _sam_store_exec (self, "PRAGMA journal_mode = WAL", error) &&
         _sam_store_exec (self, "PRAGMA synchronous = NORMAL", error);
}

/**
 * _sam_store_changed:
 * @self: a #SamStore
 * @table: the table that changed, or %SAM_N_TABLES for all of them
 *
 * Emits #SamStore::changed; call it only after COMMIT, so handlers that
 * re-read the register see the change.
 */
void
_sam_store_changed (SamStore *self,
                    SamTable  table)
{
  g_signal_emit (self, signals[CHANGED], 0, (guint) table);
}

/**
 * _sam_store_clear_uuids:
 * @self: a #SamStore
 *
 * Forgets the id → uuid maps of the current export.
 */
void
_sam_store_clear_uuids (SamStore *self)
{
  for (guint t = 0; t < SAM_N_TABLES; t++)
    g_clear_pointer (&self->uuids[t], g_ptr_array_unref);
  g_clear_pointer (&self->uuid_chunk, g_string_chunk_free);
}

static void
sam_store_dispose (GObject *object)
{
  SamStore *self = (SamStore *) object;

  /* Statements must be finalized before the connection can close. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->functions, g_hash_table_unref);
  if (self->db != NULL)
    {
      _sam_store_rollback (self);
      sqlite3_close (self->db);
      self->db = NULL;
    }
  /* After the connection: its last checkpoint is done under the lock. */
  g_clear_pointer (&self->lock, _sam_store_lock_release);

  G_OBJECT_CLASS (sam_store_parent_class)->dispose (object);
}

static void
sam_store_finalize (GObject *object)
{
  SamStore *self = (SamStore *) object;

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      g_free (self->sql[t].select);
      g_free (self->sql[t].export);
      g_free (self->sql[t].insert);
      g_free (self->sql[t].update);
      g_free (self->sql[t].delete);
      g_free (self->sql[t].find_id);
      g_free (self->sql[t].exists);
      for (guint c = 0; self->sql[t].defaults != NULL && c < sam_schema_table (t)->n_columns; c++)
        g_free (self->sql[t].defaults[c]);
      g_free (self->sql[t].defaults);
      g_strfreev (self->sql[t].assign);
    }
  _sam_store_clear_uuids (self);
  g_free (self->path);
  g_free (self->user_name);

  G_OBJECT_CLASS (sam_store_parent_class)->finalize (object);
}

static void
sam_store_class_init (SamStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = sam_store_dispose;
  object_class->finalize = sam_store_finalize;

  /**
   * SamStore::changed:
   * @self: the store
   * @table: the #SamTable that changed, or %SAM_N_TABLES when anything
   *   may have changed (after an import, or another program's change)
   *
   * Emitted after a change has been committed.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
sam_store_init (SamStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->functions = g_hash_table_new (g_str_hash, g_str_equal);
}

/**
 * sam_store_dup_default_path:
 *
 * A register made before the register had a type of its own keeps its
 * old name, `register.sqlite`.
 *
 * Returns: (transfer full): the register's usual place,
 *   `$XDG_DATA_HOME/samordna/register.samordna`
 */
char *
sam_store_dup_default_path (void)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "samordna", NULL);
  g_autofree char *path = g_build_filename (dir, "register" SAM_STORE_EXTENSION, NULL);
  g_autofree char *old = g_build_filename (dir, "register.sqlite", NULL);

  if (!g_file_test (path, G_FILE_TEST_EXISTS) && g_file_test (old, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&old);

  return g_steal_pointer (&path);
}

/* Only the window and an import make a new register, and only where there
 * is no file: an existing file must be a register already, which no empty
 * file is (SQLite would take it for a new database). */
static gboolean
check_register_file (const char  *path,
                     gboolean     may_create,
                     GError     **error)
{
  g_autofree char *display_name = g_filename_display_name (path);
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT && may_create)
        return TRUE;
      if (saved_errno == ENOENT || saved_errno == ENOTDIR)
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                     _("There is no register “%s”"), display_name);
      else
        g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                     _("The register “%s” could not be opened: %s"), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode) || st.st_size == 0)
    {
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The file “%s” is not a Samordna register"), display_name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
open_connection (SamStore    *self,
                 const char  *filename,
                 int          flags,
                 GError     **error)
{
  int rc;

  g_clear_pointer (&self->db, sqlite3_close);
  rc = sqlite3_open_v2 (filename, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    {
      g_autofree char *display_name = g_filename_display_name (self->path);

      g_debug ("sqlite3_open_v2 (%s): %s", filename, self->db ? sqlite3_errmsg (self->db) : "");
      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The register “%s” could not be opened"), display_name);
      return FALSE;
    }
  /* Before the first read, which may meet another program's write. */
  sqlite3_busy_handler (self->db, busy_cb, self);
  sqlite3_extended_result_codes (self->db, 1);

  return TRUE;
}

/**
 * sam_store_open:
 * @path: (nullable): the register file, or %NULL for the default path
 * @error: return location for a #GError
 *
 * Opens a register for changing it, creating its folder and file if there
 * is no file yet and bringing an older format up to date. An existing file
 * that is not a register (an empty one included) is refused, and so is a
 * register written by a newer version (%SAM_STORE_ERROR_NEWER_VERSION),
 * which is left untouched.
 *
 * The register is locked for this process (see sam-store-lock.c): while
 * another program changes it, the open fails with %SAM_STORE_ERROR_IN_USE;
 * while another program only reads it, it waits a little for that.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
SamStore *
sam_store_open (const char  *path,
                GError     **error)
{
  g_autoptr(SamStore) self = g_object_new (SAM_TYPE_STORE, NULL);
  g_autofree char *dir = NULL;

  self->path = path != NULL ? g_strdup (path) : sam_store_dup_default_path ();
  dir = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The folder “%s” could not be created: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if ((self->lock = _sam_store_lock_write (self->path, BUSY_TIMEOUT_MS, error)) == NULL ||
      !check_register_file (self->path, TRUE, error) ||
      !open_connection (self, self->path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, error))
    return NULL;

  /* SQLite opens a file it may not write read-only, without a word. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      g_autofree char *display_name = g_filename_display_name (self->path);

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_READ_ONLY,
                   _("The register “%s” is read-only: it can be exported, but not changed"), display_name);
      return NULL;
    }

  if (!configure_connection (self, error) || !_sam_store_migrate (self, error) || !configure_journal (self, error) ||
      !_sam_store_keep_sort_keys (self, error))
    return NULL;

  for (guint t = 0; t < SAM_N_TABLES; t++)
    if (!_sam_store_build_table_sql (self, t, error))
      return NULL;

  return g_steal_pointer (&self);
}

/* PRAGMA user_version: the first read, where a read-only open fails if it
 * cannot use the WAL. */
static int
read_version (SamStore *self,
              int      *version)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, "PRAGMA user_version", -1, &stmt, NULL);

  if (rc == SQLITE_OK && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *version = sqlite3_column_int (stmt, 0);
      rc = SQLITE_OK;
    }

  return rc;
}

static gboolean
has_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  GStatBuf st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

static gboolean
open_readonly_connection (SamStore  *self,
                          gboolean   writer_elsewhere,
                          int       *version,
                          GError   **error)
{
  g_autofree char *escaped = g_uri_escape_bytes ((const guint8 *) self->path, strlen (self->path), "/");
  g_autofree char *uri = NULL;
  int rc;

  /* Beside a writer whose SQLite locks another close() may have dropped,
   * the shared memory of the WAL is read, never set up anew (which would
   * truncate it under the writer); a writer's WAL is read from the file. */
  uri = g_strdup_printf ("file:%s?mode=ro%s", escaped, writer_elsewhere ? "&readonly_shm=1" : "");
  if (!open_connection (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error))
    return FALSE;
  /* Never checkpoint on close: that, and deleting the WAL after it, is
   * the writer's. */
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);

  rc = read_version (self, version);
  /* A read-only folder, where the WAL's shared memory cannot be made: with
   * nothing in a WAL, the file alone is the register. */
  if (((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN) &&
      !writer_elsewhere && !has_wal (self->path))
    {
      g_clear_pointer (&uri, g_free);
      uri = g_strdup_printf ("file:%s?mode=ro&immutable=1", escaped);
      if (!open_connection (self, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, error))
        return FALSE;
      rc = read_version (self, version);
    }

  if (rc != SQLITE_OK)
    {
      g_autofree char *display_name = g_filename_display_name (self->path);
      g_autofree char *what = g_strdup_printf (_("The register “%s” could not be read"), display_name);

      _sam_store_set_error (self, error, rc, what);
      return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_open_readonly:
 * @path: (nullable): the register file, or %NULL for the default path
 * @error: return location for a #GError
 *
 * Opens an existing register for reading it only, as the exports do:
 * nothing is created (a missing file or folder is an error that names
 * @path, an empty file is not a register) and nothing is written to the
 * file, so a read-only register, or one in a read-only folder, opens too.
 * A register in an older format is brought up to date first, if it can
 * be changed here.
 *
 * While another program changes the register, it is read beside it in a
 * way that leaves that program's journal alone; otherwise the register is
 * locked for reading, and a program that would change it waits until the
 * store is closed.
 *
 * Returns: (transfer full) (nullable): the store, or %NULL on error
 */
SamStore *
sam_store_open_readonly (const char  *path,
                         GError     **error)
{
  g_autoptr(SamStore) self = g_object_new (SAM_TYPE_STORE, NULL);
  g_autoptr(GError) local_error = NULL;
  gboolean writer_elsewhere = FALSE;
  int version = 0;
  int latest;

  self->path = path != NULL ? g_strdup (path) : sam_store_dup_default_path ();
  self->read_only = TRUE;

  if (!check_register_file (self->path, FALSE, error))
    return NULL;

  self->lock = _sam_store_lock_read (self->path, &writer_elsewhere, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (!open_readonly_connection (self, writer_elsewhere, &version, error))
    return NULL;

  latest = _sam_store_latest_version ();
  if (version == 0)
    {
      g_autofree char *display_name = g_filename_display_name (self->path);

      g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                   _("The file “%s” is not a Samordna register"), display_name);
      return NULL;
    }
  if (version < latest)
    {
      g_autofree char *file = g_strdup (self->path);
      g_autoptr(SamStore) updated = NULL;

      /* Brought up to date as the window would do it, then read. */
      g_clear_object (&self);
      if ((updated = sam_store_open (file, &local_error)) == NULL)
        {
          g_autofree char *display_name = g_filename_display_name (file);

          g_set_error (error, SAM_STORE_ERROR, local_error->code,
                       _("The register “%s” is in an older format and could not be brought up to date: %s"),
                       display_name, local_error->message);
          return NULL;
        }
      g_clear_object (&updated);

      return sam_store_open_readonly (file, error);
    }

  /* The version check, and the refusal of a file that is no register;
   * nothing is left to bring up to date. */
  if (!configure_connection (self, error) || !_sam_store_migrate (self, error))
    return NULL;

  for (guint t = 0; t < SAM_N_TABLES; t++)
    if (!_sam_store_build_table_sql (self, t, error))
      return NULL;

  return g_steal_pointer (&self);
}

/**
 * sam_store_get_path:
 * @self: a #SamStore
 *
 * Returns: (transfer none): the register file
 */
const char *
sam_store_get_path (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return self->path;
}

/**
 * sam_store_is_read_only:
 * @self: a #SamStore
 *
 * Returns: whether @self was opened with sam_store_open_readonly()
 */
gboolean
sam_store_is_read_only (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  return self->read_only;
}

/**
 * sam_store_is_empty:
 * @self: a #SamStore
 *
 * Returns: whether no exchanged table has any row
 */
gboolean
sam_store_is_empty (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      sqlite3_stmt *stmt = _sam_store_prepare (self, self->sql[t].exists, NULL);
      gboolean any;

      if (stmt == NULL)
        return FALSE;
      any = sqlite3_step (stmt) == SQLITE_ROW && sqlite3_column_int (stmt, 0) != 0;
      sqlite3_reset (stmt);
      if (any)
        return FALSE;
    }

  return TRUE;
}

/**
 * sam_store_set_user_name:
 * @self: a #SamStore
 * @name: (nullable): the name the audit log records, or %NULL for the
 *   operating system user's real name
 *
 * Sets who makes the changes, as configured in the preferences.
 */
void
sam_store_set_user_name (SamStore   *self,
                         const char *name)
{
  g_return_if_fail (SAM_IS_STORE (self));

  g_free (self->user_name);
  self->user_name = (name != NULL && *name != '\0') ? g_strdup (name) : NULL;
}

static const char *
current_user (SamStore *self)
{
  const char *real_name = g_get_real_name ();

  if (self->user_name != NULL)
    return self->user_name;
  /* GLib says "Unknown" when the password database has no full name. */
  if (real_name != NULL && *real_name != '\0' && strcmp (real_name, "Unknown") != 0)
    return real_name;

  return g_get_user_name ();
}

/**
 * sam_store_get_user_name:
 * @self: a #SamStore
 *
 * Returns: (transfer none): the name the audit log records for changes
 */
const char *
sam_store_get_user_name (SamStore *self)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return current_user (self);
}

/**
 * sam_store_emit_changed:
 * @self: a #SamStore
 *
 * Tells the views that anything may have changed, after another connection
 * (an import in a worker thread, another program) wrote to the file.
 */
void
sam_store_emit_changed (SamStore *self)
{
  g_return_if_fail (SAM_IS_STORE (self));

  _sam_store_changed (self, SAM_N_TABLES);
}

/* sam-xml.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-xml-private.h"

/*
 * The register's exchange format: the public entry points and their
 * asynchronous variants. Both directions are driven by the table
 * descriptor in sam-schema.c, so a new column needs no code here; the
 * import is in sam-xml-import.c (reading through sam-xml-source.c), the
 * export in sam-xml-export.c.
 *
 * The reader is hardened for files from strangers: no network, no DTD loading,
 * no entity substitution, no huge mode. The source stops at a DOCTYPE before
 * libxml2 reads a byte of it, and at too many attributes on an element or
 * too many or too large comments and processing instructions; the importer
 * caps depth, value length and namespace declarations, well below libxml2's
 * own limits (see sam-xml-private.h).
 */

G_DEFINE_QUARK (sam-xml-error-quark, sam_xml_error)

/**
 * _sam_xml_init:
 *
 * Readies libxml2, once, before any thread uses it.
 */
void
_sam_xml_init (void)
{
  static gsize initialized = 0;

  /* xmlInitParser() must run once before threads use libxml2. */
  if (g_once_init_enter (&initialized))
    {
      xmlInitParser ();
      g_once_init_leave (&initialized, 1);
    }
}

/* A merge reads the file before it takes the register's write lock (see
 * sam_store_import_stage ()), so that other changes wait only while it
 * writes. When one lands while the file is read, the file is read again;
 * after a few such tries it is merged holding the lock throughout, which
 * nothing can then come between. */
#define STAGED_TRIES 3

static gboolean
import_file_once (SamStore          *store,
                  GFile             *file,
                  SamImportMode      mode,
                  gboolean           staged,
                  SamImportSummary  *summary,
                  SamProgress       *progress,
                  GCancellable      *cancellable,
                  GError           **error)
{
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *name = NULL;
  SamXmlSource source = { 0 };
  gboolean ok;

  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return FALSE;

  name = g_file_get_basename (file);
  source.stream = G_INPUT_STREAM (stream);

  ok = _sam_xml_import_source (store, &source, name, g_file_info_get_size (info), mode, staged, summary,
                               progress, cancellable, error);

  if (!ok && source.error != NULL && error != NULL && *error != NULL
      && (*error)->domain == SAM_XML_ERROR && !g_cancellable_is_cancelled (cancellable))
    {
      /* A read error is the real cause of the parser's complaint. */
      g_clear_error (error);
      g_propagate_error (error, g_steal_pointer (&source.error));
    }
  g_clear_error (&source.error);

  return ok;
}

static gboolean
import_file (SamStore          *store,
             GFile             *file,
             SamImportMode      mode,
             SamImportSummary  *summary,
             SamProgress       *progress,
             GCancellable      *cancellable,
             GError           **error)
{
  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) local_error = NULL;
      gboolean staged = mode == SAM_IMPORT_MERGE && i < STAGED_TRIES;

      if (import_file_once (store, file, mode, staged, summary, progress, cancellable, &local_error))
        return TRUE;
      if (!staged || !g_error_matches (local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_CHANGED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      g_debug ("the register changed while “%s” was read; reading it again", g_file_peek_path (file));
    }
}

/**
 * sam_xml_import:
 * @store: the register to import into
 * @path: the XML file
 * @mode: %SAM_IMPORT_REPLACE (into an empty register) or %SAM_IMPORT_MERGE
 * @summary: (out caller-allocates) (optional): what the import did; clear it
 *   with sam_import_summary_clear()
 * @progress: (nullable): receives the fraction of the file read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a register exchange file into @store in one transaction. Every
 * element, attribute, value and reference is checked; on any error nothing
 * is changed and @error names the file, the line and what is wrong. On
 * success @store emits #SamStore::changed (when the import commits).
 *
 * A merge reads and checks the whole file before it takes the register's
 * write lock, which it holds only while it writes the rows that change
 * (see sam_store_import_stage()); other connections may change the
 * register until then.
 *
 * Returns: %TRUE if the whole file was imported
 */
gboolean
sam_xml_import (SamStore          *store,
                const char        *path,
                SamImportMode      mode,
                SamImportSummary  *summary,
                SamProgress       *progress,
                GCancellable      *cancellable,
                GError           **error)
{
  g_autoptr(GFile) file = NULL;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  file = g_file_new_for_path (path);

  return import_file (store, file, mode, summary, progress, cancellable, error);
}

/**
 * sam_xml_import_memory:
 * @store: the register to import into
 * @buffer: (array length=len): the XML text
 * @len: the length of @buffer in bytes
 * @display_name: the name used in error messages, such as a file name
 * @mode: %SAM_IMPORT_REPLACE or %SAM_IMPORT_MERGE
 * @summary: (out caller-allocates) (optional): what the import did
 * @error: return location for a #GError
 *
 * Like sam_xml_import(), for a register already in memory.
 *
 * Returns: %TRUE if the whole buffer was imported
 */
gboolean
sam_xml_import_memory (SamStore          *store,
                       const char        *buffer,
                       gsize              len,
                       const char        *display_name,
                       SamImportMode      mode,
                       SamImportSummary  *summary,
                       GError           **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (buffer != NULL || len == 0, FALSE);
  g_return_val_if_fail (display_name != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; ; i++)
    {
      g_autoptr(GError) local_error = NULL;
      SamXmlSource source = { 0 };
      gboolean staged = mode == SAM_IMPORT_MERGE && i < STAGED_TRIES;

      source.buffer = buffer;
      source.len = len;
      if (_sam_xml_import_source (store, &source, display_name, len, mode, staged, summary, NULL, NULL,
                                  &local_error))
        return TRUE;
      if (!staged || !g_error_matches (local_error, SAM_STORE_ERROR, SAM_STORE_ERROR_CHANGED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
}

/**
 * sam_xml_export:
 * @store: the register to export
 * @path: the XML file to write
 * @progress: (nullable): receives the fraction written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the whole register, as one consistent snapshot, to @path in the
 * exchange format. The output is deterministic: exporting a register,
 * importing it into an empty one and exporting that gives the same bytes.
 * The file is replaced atomically, so on any failure an old file at @path
 * is left as it was.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sam_xml_export (SamStore      *store,
                const char    *path,
                SamProgress   *progress,
                GCancellable  *cancellable,
                GError       **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _sam_xml_export_to_path (store, path, progress, cancellable, error);
}

/* Asynchronous variants: each runs in a worker thread on its own connection
 * to the register's file, so the main connection stays free for the UI. */

typedef struct
{
  char          *db_path;
  GFile         *file;
  SamImportMode  mode;
  SamProgress   *progress;
} TaskData;

static void
task_data_free (TaskData *data)
{
  g_free (data->db_path);
  g_clear_object (&data->file);
  g_clear_object (&data->progress);
  g_free (data);
}

static void
summary_free (SamImportSummary *summary)
{
  sam_import_summary_clear (summary);
  g_free (summary);
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  sam_store_emit_changed (SAM_STORE (user_data));

  return G_SOURCE_REMOVE;
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  SamImportSummary *summary = g_new0 (SamImportSummary, 1);

  worker = sam_store_open (data->db_path, &error);
  if (worker == NULL
      || !import_file (worker, data->file, data->mode, summary, data->progress, cancellable, &error))
    {
      summary_free (summary);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_clear_object (&worker);

  /* Attached before the task returns, so views refresh before the caller's
   * callback runs. */
  g_main_context_invoke_full (g_task_get_context (task), G_PRIORITY_DEFAULT, emit_changed_cb,
                              g_object_ref (source_object), g_object_unref);
  g_task_return_pointer (task, summary, (GDestroyNotify) summary_free);
}

/**
 * sam_xml_import_async:
 * @store: the register to import into
 * @file: the XML file
 * @mode: %SAM_IMPORT_REPLACE or %SAM_IMPORT_MERGE
 * @progress: (nullable): receives the fraction of the file read
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the import is done
 * @user_data: data for @callback
 *
 * Imports @file like sam_xml_import(), in a worker thread with its own
 * connection to @store's file. After a successful import @store emits its
 * changed signal on the calling thread's main context, before @callback.
 */
void
sam_xml_import_async (SamStore            *store,
                      GFile               *file,
                      SamImportMode        mode,
                      SamProgress         *progress,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (progress == NULL || SAM_IS_PROGRESS (progress));

  data = g_new0 (TaskData, 1);
  data->db_path = g_strdup (sam_store_get_path (store));
  data->file = g_object_ref (file);
  data->mode = mode;
  data->progress = progress != NULL ? g_object_ref (progress) : NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_xml_import_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, import_thread);
}

/**
 * sam_xml_import_finish:
 * @store: the register imported into
 * @result: the result passed to the callback
 * @summary: (out caller-allocates) (optional): what the import did
 * @error: return location for a #GError
 *
 * Finishes sam_xml_import_async().
 *
 * Returns: %TRUE if the whole file was imported
 */
gboolean
sam_xml_import_finish (SamStore          *store,
                       GAsyncResult      *result,
                       SamImportSummary  *summary,
                       GError           **error)
{
  SamImportSummary *done;

  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sam_xml_import_async, FALSE);

  done = g_task_propagate_pointer (G_TASK (result), error);
  if (done == NULL)
    return FALSE;

  if (summary != NULL)
    {
      *summary = *done;
      g_free (done);
    }
  else
    summary_free (done);

  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  TaskData *data = task_data;
  g_autoptr(SamStore) worker = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_path (data->file);

  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (data->file);

      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                               _("Could not write “%s”: only local files can be written"), uri);
      return;
    }

  worker = sam_store_open (data->db_path, &error);
  if (worker == NULL || !_sam_xml_export_to_path (worker, path, data->progress, cancellable, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

/**
 * sam_xml_export_async:
 * @store: the register to export
 * @file: the XML file to write (a local file)
 * @progress: (nullable): receives the fraction written
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the export is done
 * @user_data: data for @callback
 *
 * Exports the register like sam_xml_export(), in a worker thread with its
 * own connection to @store's file.
 */
void
sam_xml_export_async (SamStore            *store,
                      GFile               *file,
                      SamProgress         *progress,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TaskData *data;

  g_return_if_fail (SAM_IS_STORE (store));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (progress == NULL || SAM_IS_PROGRESS (progress));

  data = g_new0 (TaskData, 1);
  data->db_path = g_strdup (sam_store_get_path (store));
  data->file = g_object_ref (file);
  data->progress = progress != NULL ? g_object_ref (progress) : NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sam_xml_export_async);
  g_task_set_task_data (task, data, (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, export_thread);
}

/**
 * sam_xml_export_finish:
 * @store: the register exported
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes sam_xml_export_async().
 *
 * Returns: %TRUE if the file was written
 */
gboolean
sam_xml_export_finish (SamStore      *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (SAM_IS_STORE (store), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == sam_xml_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

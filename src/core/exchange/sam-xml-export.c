/* sam-xml-export.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-file.h"
#include "sam-xml-private.h"

/*
 * Export streams rows from one read transaction through xmlTextWriter into
 * the file writer, which puts the file in place only when every byte is
 * on disk. The output is deterministic: rows in UUID order, attributes in
 * descriptor order.
 */

#define CHECK_INTERVAL   256

typedef struct
{
  xmlTextWriterPtr  writer;
  SamFileWriter    *file;
  SamProgress      *progress;
  GCancellable     *cancellable;
  guint             table;
  guint             n_rows;
} Exporter;

/* libxml2 tells of a failed write, and of its other troubles, on stderr in
 * English ("I/O error : write error"); the user hears of them from the
 * file writer or writer_failed (), in their language and with the file. */
static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  g_debug ("libxml2 (%d): %s", xml_error->code,
           xml_error->message != NULL ? g_strchomp (xml_error->message) : "");
}

static int
write_cb (void       *user_data,
          const char *buffer,
          int         len)
{
  Exporter *self = user_data;

  return sam_file_writer_write (self->file, buffer, len) ? len : -1;
}

/* XML 1.0 cannot hold most control characters, even as references, nor
 * U+FFFE and U+FFFF; a value with one would make a file nobody can read. */
static gboolean
is_xml_text (const char *value)
{
  gboolean ascii = TRUE;

  for (const guchar *p = (const guchar *) value; *p != '\0'; p++)
    {
      if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
        return FALSE;
      if (*p >= 0x80)
        {
          ascii = FALSE;
          if (*p == 0xef && p[1] == 0xbf && (p[2] == 0xbe || p[2] == 0xbf))
            return FALSE;
        }
    }

  /* Most values are plain ASCII, which is valid UTF-8 as it stands. */
  return ascii || g_utf8_validate (value, -1, NULL);
}

static gboolean
writer_failed (Exporter  *self,
               GError   **error)
{
  /* A full disk, say, is told with the file's name by the file writer. */
  if (sam_file_writer_failed (self->file))
    sam_file_writer_commit (self->file, error);
  else
    g_set_error (error, SAM_XML_ERROR, SAM_XML_ERROR_WRITE, _("The register could not be written as XML"));

  return FALSE;
}

#define W(call) G_STMT_START { if ((call) < 0) return writer_failed (self, error); } G_STMT_END

/* Most values (UUIDs, dates, codes, enums, most names) have nothing to
 * escape; libxml2 escapes attribute values a character at a time, which is
 * a fifth of a large export. Those are written as they are; anything else
 * goes through the writer's own escaping, so the output is the same. */
static int
write_attribute (xmlTextWriterPtr  writer,
                 const char       *name,
                 const char       *value)
{
  /* The bytes that end the plain run: the end of the string, the control
   * characters (tab, newline and return are escaped; the others were
   * refused by is_xml_text ()) and the four markup characters. */
  static const guint8 stop[256] = {
    [0x00 ... 0x1f] = 1, ['&'] = 1, ['<'] = 1, ['>'] = 1, ['"'] = 1,
  };
  const guchar *p = (const guchar *) value;
  gsize len;

  while (!stop[*p])
    p++;
  if (*p != '\0')
    return xmlTextWriterWriteAttribute (writer, BAD_CAST name, BAD_CAST value);
  len = p - (const guchar *) value;

  if (xmlTextWriterStartAttribute (writer, BAD_CAST name) < 0 ||
      xmlTextWriterWriteRawLen (writer, BAD_CAST value, (int) len) < 0)
    return -1;

  return xmlTextWriterEndAttribute (writer);
}

static gboolean
write_row_cb (SamTable            table,
              const char         *uuid,
              const char * const *values,
              gpointer            user_data,
              GError            **error)
{
  Exporter *self = user_data;
  const SamTableInfo *info = sam_schema_table (table);
  xmlTextWriterPtr writer = self->writer;

  if (++self->n_rows % CHECK_INTERVAL == 0
      && g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  for (guint i = 0; i < info->n_columns; i++)
    if (values[i] != NULL
        && (info->columns[i].type == SAM_COLUMN_STRING || info->columns[i].type == SAM_COLUMN_TEXT)
        && !is_xml_text (values[i]))
      {
        g_set_error (error, SAM_XML_ERROR, SAM_XML_ERROR_WRITE,
                     _("The %s %s has a “%s” with a character that XML cannot hold"),
                     info->element, uuid, info->columns[i].xml_name);
        return FALSE;
      }

  W (xmlTextWriterStartElement (writer, BAD_CAST info->element));
  W (write_attribute (writer, "id", uuid));

  for (guint i = 0; i < info->n_columns; i++)
    if (values[i] != NULL && info->columns[i].type != SAM_COLUMN_TEXT)
      W (write_attribute (writer, info->columns[i].xml_name, values[i]));

  for (guint i = 0; i < info->n_columns; i++)
    if (values[i] != NULL && info->columns[i].type == SAM_COLUMN_TEXT)
      {
        W (xmlTextWriterStartElement (writer, BAD_CAST info->columns[i].xml_name));
        W (xmlTextWriterWriteString (writer, BAD_CAST values[i]));
        W (xmlTextWriterEndElement (writer));
      }

  W (xmlTextWriterEndElement (writer));

  return TRUE;
}

static gboolean
write_register (Exporter   *self,
                SamStore   *store,
                GError    **error)
{
  xmlTextWriterPtr writer = self->writer;
  g_autoptr(GPtrArray) info = NULL;

  W (xmlTextWriterSetIndent (writer, 1));
  W (xmlTextWriterSetIndentString (writer, BAD_CAST "  "));
  W (xmlTextWriterStartDocument (writer, NULL, "UTF-8", NULL));
  W (xmlTextWriterStartElement (writer, BAD_CAST "register"));
  /* Written as a plain attribute so that it comes before "version". */
  W (xmlTextWriterWriteAttribute (writer, BAD_CAST "xmlns", BAD_CAST SAM_XML_NAMESPACE));
  W (xmlTextWriterWriteAttribute (writer, BAD_CAST "version", BAD_CAST SAM_XML_VERSION));

  info = sam_store_dup_info (store);
  for (guint i = 0; info != NULL && i + 1 < info->len; i += 2)
    {
      const char *key = g_ptr_array_index (info, i);
      const char *value = g_ptr_array_index (info, i + 1);

      if (!is_xml_text (key) || !is_xml_text (value))
        {
          g_set_error (error, SAM_XML_ERROR, SAM_XML_ERROR_WRITE,
                       _("The register’s “%s” has a character that XML cannot hold"), key);
          return FALSE;
        }
      W (xmlTextWriterStartElement (writer, BAD_CAST "info"));
      W (xmlTextWriterWriteAttribute (writer, BAD_CAST "key", BAD_CAST key));
      W (xmlTextWriterWriteAttribute (writer, BAD_CAST "value", BAD_CAST value));
      W (xmlTextWriterEndElement (writer));
    }

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *table = sam_schema_table (t);

      if (self->progress != NULL)
        sam_progress_set (self->progress, (double) t / SAM_N_TABLES, _("Exporting the register…"));

      self->table = t;
      W (xmlTextWriterStartElement (writer, BAD_CAST table->section));
      if (!sam_store_foreach_row (store, t, write_row_cb, self, error))
        return FALSE;
      W (xmlTextWriterEndElement (writer));
    }

  W (xmlTextWriterEndElement (writer));
  W (xmlTextWriterEndDocument (writer));
  W (xmlTextWriterFlush (writer));

  return TRUE;
}

#undef W

/**
 * _sam_xml_export_to_path:
 * @store: the register to export
 * @path: the file to write
 * @progress: (nullable): receives the fraction written
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes the register to @path through the file writer, as one read
 * transaction's snapshot.
 *
 * Returns: whether @path now holds the whole register
 */
gboolean
_sam_xml_export_to_path (SamStore      *store,
                         const char    *path,
                         SamProgress   *progress,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(SamFileWriter) file = NULL;
  Exporter self = { 0 };
  xmlOutputBufferPtr out;
  xmlStructuredErrorFunc saved_handler;
  void *saved_context;
  gboolean ok;

  _sam_xml_init ();

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  if ((file = sam_file_writer_new (path, error)) == NULL)
    return FALSE;
  self.file = file;
  self.progress = progress;
  self.cancellable = cancellable;

  /* The handler is the thread's own, as the importer's is. */
  saved_handler = xmlStructuredError;
  saved_context = xmlStructuredErrorContext;
  xmlSetStructuredErrorFunc (&self, structured_error_cb);

  out = xmlOutputBufferCreateIO (write_cb, NULL, &self, NULL);
  self.writer = out != NULL ? xmlNewTextWriter (out) : NULL;

  if (self.writer == NULL)
    ok = writer_failed (&self, error);
  else if (!sam_store_read_begin (store, error))
    ok = FALSE;
  else
    {
      ok = write_register (&self, store, error);
      sam_store_read_end (store);
    }

  /* Frees the output buffer too, flushing what is left into the file. */
  g_clear_pointer (&self.writer, xmlFreeTextWriter);
  xmlSetStructuredErrorFunc (saved_context, saved_handler);
  if (ok)
    ok = sam_file_writer_commit (file, error);

  if (ok && progress != NULL)
    sam_progress_set (progress, 1.0, _("Exporting the register…"));

  return ok;
}

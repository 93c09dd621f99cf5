/* sam-xml-import.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-xml"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-calendar.h"
#include "sam-xml-private.h"

/*
 * Import streams the file through xmlTextReader, checks every element,
 * attribute and value itself (our format is small and fixed, so a hand
 * check is both stricter and cheaper than a schema validator) and hands
 * each row to the store inside one transaction: any error rolls it all
 * back, and the error names the file, the line and what is wrong.
 */

#define MAX_DEPTH        8
#define MAX_VALUE_LENGTH (1024 * 1024)
#define CHECK_INTERVAL   256
#define READ_OPTIONS     (XML_PARSE_NONET | XML_PARSE_NOCDATA)

/* Values */

static gboolean
is_uuid (const char *value)
{
  guint i;

  for (i = 0; value[i] != '\0'; i++)
    {
      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (value[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (value[i]) && !(value[i] >= 'a' && value[i] <= 'f'))
        return FALSE;
    }

  return i == 36;
}

static gboolean
parse_digits (const char *value,
              guint       n,
              int        *result)
{
  int number = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (value[i]))
        return FALSE;
      number = number * 10 + (value[i] - '0');
    }
  *result = number;

  return TRUE;
}

/* The day of a date and time, read by the one date rule. */
static gboolean
parse_date (const char *value,
            int        *year,
            int        *month,
            int        *day)
{
  char text[11];
  GDate date;

  if (strlen (value) < 10)
    return FALSE;
  memcpy (text, value, 10);
  text[10] = '\0';
  if (!sam_calendar_parse_iso (text, &date))
    return FALSE;

  *year = g_date_get_year (&date);
  *month = g_date_get_month (&date);
  *day = g_date_get_day (&date);
  return TRUE;
}

/* Accepts YYYY-MM-DDTHH:MM:SS followed by Z or an offset ±HH:MM, and writes
 * the same instant in UTC, the only form the store keeps. */
static gboolean
normalize_datetime (const char *value,
                    GString    *out)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) shifted = NULL;
  int year, month, day, hour, minute, second;
  int offset_hours = 0, offset_minutes = 0;
  gsize len = strlen (value);
  g_autofree char *formatted = NULL;

  if (len < 20
      || !parse_date (value, &year, &month, &day)
      || value[10] != 'T'
      || !parse_digits (value + 11, 2, &hour) || value[13] != ':'
      || !parse_digits (value + 14, 2, &minute) || value[16] != ':'
      || !parse_digits (value + 17, 2, &second)
      || hour > 23 || minute > 59 || second > 59)
    return FALSE;

  if (len == 20 && value[19] == 'Z')
    {
      g_string_append_len (out, value, len);
      return TRUE;
    }

  if (len != 25 || (value[19] != '+' && value[19] != '-')
      || !parse_digits (value + 20, 2, &offset_hours) || value[22] != ':'
      || !parse_digits (value + 23, 2, &offset_minutes)
      || offset_hours > 14 || offset_minutes > 59)
    return FALSE;

  utc = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (utc == NULL)
    return FALSE;
  shifted = g_date_time_add_seconds (utc, (value[19] == '+' ? -1 : 1)
                                          * (offset_hours * 3600.0 + offset_minutes * 60.0));
  if (shifted == NULL || g_date_time_get_year (shifted) > 9999)
    return FALSE;
  formatted = g_date_time_format (shifted, "%Y-%m-%dT%H:%M:%SZ");
  g_string_append (out, formatted);

  return TRUE;
}

/* An optional minus and at most 18 digits, so it always fits in 64 bits;
 * leading zeros are dropped so that export writes it back the same way. */
static gboolean
normalize_int (const char *value,
               GString    *out)
{
  const char *digits = value[0] == '-' ? value + 1 : value;
  gsize n = strlen (digits);

  if (n == 0 || n > 18)
    return FALSE;
  for (gsize i = 0; i < n; i++)
    if (!g_ascii_isdigit (digits[i]))
      return FALSE;

  while (n > 1 && digits[0] == '0')
    {
      digits++;
      n--;
    }
  if (value[0] == '-' && !(n == 1 && digits[0] == '0'))
    g_string_append_c (out, '-');
  g_string_append_len (out, digits, n);

  return TRUE;
}

typedef struct
{
  const char         *name;           /* the file's basename, for messages */
  SamXmlSource       *source;
  xmlTextReaderPtr    reader;
  SamStoreImport     *import;
  SamProgress        *progress;
  GCancellable       *cancellable;
  const char         *message;        /* what the progress says */
  gsize               size;           /* 0 if unknown */

  /* The first error libxml2 reported, kept until the reader stops. */
  int                 xml_code;
  int                 xml_line;
  gboolean            xml_failed;

  gboolean            seen_root;
  gboolean            root_closed;
  gboolean            in_info;
  int                 section;        /* index of the current or last section, -1 before any */
  const SamTableInfo *table;          /* the open section's table, or NULL */
  gboolean            in_row;
  int                 row_line;
  int                 text_column;    /* the open TEXT child, or -1 */
  int                 last_text_column;
  GString            *uuid;
  GString           **values;
  gboolean           *present;
  const char        **pointers;
  guint               max_columns;
  guint               n_elements;
  guint               n_namespaces;
  char                location[256];

  /* The thread's libxml2 error handlers before the import. */
  gboolean            handlers_set;
  xmlStructuredErrorFunc saved_handler;
  void               *saved_context;
  xmlGenericErrorFunc saved_generic_handler;
  void               *saved_generic_context;
} Importer;

static void G_GNUC_PRINTF (5, 6)
import_error (Importer    *self,
              GError     **error,
              int          code,
              int          line,
              const char  *format,
              ...)
{
  g_autofree char *detail = NULL;
  va_list args;

  va_start (args, format);
  detail = g_strdup_vprintf (format, args);
  va_end (args);

  /* TRANSLATORS: the file name, its line number and what is wrong there */
  g_set_error (error, SAM_XML_ERROR, code, _("%s, line %d: %s"), self->name, line, detail);
}

static int
current_line (Importer *self)
{
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);

  /* libxml2 keeps element lines in 16 bits; past that, the parser's own
   * position is the best we have (it reads at most a chunk ahead). */
  if (node != NULL && node->line > 0 && node->line < G_MAXUINT16)
    return node->line;

  return MAX (1, xmlTextReaderGetParserLineNumber (self->reader));
}

static void
structured_error_cb (void        *user_data,
                     xmlErrorPtr  xml_error)
{
  Importer *self = user_data;

  g_debug ("libxml2 (%d, line %d): %s", xml_error->code, xml_error->line,
           xml_error->message != NULL ? g_strchomp (xml_error->message) : "");

  if (xml_error->level < XML_ERR_ERROR || self == NULL || self->xml_failed)
    return;

  self->xml_failed = TRUE;
  self->xml_code = xml_error->code;
  self->xml_line = MAX (1, xml_error->line);
}

/* What libxml2 writes outside its structured errors (an encoder that
 * fails, say) would reach the terminal in English; the structured error
 * that follows says what the user needs to know. */
static void G_GNUC_PRINTF (2, 3)
generic_error_cb (void       *user_data,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_debug ("libxml2: %s", g_strchomp (message));
}

static void
set_xml_error (Importer  *self,
               GError   **error)
{
  int line = self->xml_failed ? self->xml_line : MAX (1, xmlTextReaderGetParserLineNumber (self->reader));
  int code = self->xml_failed ? self->xml_code : XML_ERR_INTERNAL_ERROR;

  /* An error on the last line, once all was read, means the file stops
   * short, whatever libxml2 was parsing when it ran out; a mismatched end
   * tag or extra content is a different matter. */
  if (self->source->eof && line >= self->source->lines && !self->seen_root)
    {
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line, _("the file is empty or not XML"));
      return;
    }
  if (self->source->eof && line >= self->source->lines
      && code != XML_ERR_TAG_NAME_MISMATCH && code != XML_ERR_DOCUMENT_END)
    {
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line,
                    _("the file ends too early; it may be truncated"));
      return;
    }

  switch (code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line, _("the file is empty or not XML"));
      break;

    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_INVALID_ENCODING:
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line,
                    _("the file contains characters that are not valid UTF-8 text or not allowed in XML"));
      break;

    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
    case XML_ERR_UNPARSED_ENTITY:
    case XML_ERR_ENTITY_IS_EXTERNAL:
    case XML_ERR_ENTITY_IS_PARAMETER:
    case XML_ERR_ENTITY_LOOP:
      import_error (self, error, SAM_XML_ERROR_FORBIDDEN, line,
                    _("entity references are not allowed in a register"));
      break;

    case XML_ERR_TAG_NOT_FINISHED:
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line,
                    _("the file ends too early; it may be truncated"));
      break;

    case XML_ERR_NO_MEMORY:
    case XML_ERR_NAME_TOO_LONG:
      import_error (self, error, SAM_XML_ERROR_LIMIT, line,
                    _("the file contains a name or value that is too long"));
      break;

    case XML_ERR_INTERNAL_ERROR:
      /* What libxml2 reports for its own limits: depth, input size. */
      import_error (self, error, SAM_XML_ERROR_LIMIT, line,
                    _("the file goes beyond what a register can hold (a value too long or elements nested too deeply)"));
      break;

    default:
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line, _("the file is not well-formed XML"));
      break;
    }
}

/* Why the source stopped reading, at the line where it stopped. */
static void
set_stop_error (Importer  *self,
                GError   **error)
{
  int line = self->source->stop_line;

  switch (self->source->stop)
    {
    case SAM_XML_STOP_ENCODING:
      import_error (self, error, SAM_XML_ERROR_MALFORMED, 1,
                    _("the file is encoded in %s, but a register must be in UTF-8"), self->source->encoding);
      break;

    case SAM_XML_STOP_DOCTYPE:
      import_error (self, error, SAM_XML_ERROR_FORBIDDEN, line,
                    _("the file has a document type declaration (DOCTYPE), which a register never has"));
      break;

    case SAM_XML_STOP_ATTRIBUTES:
      import_error (self, error, SAM_XML_ERROR_LIMIT, line,
                    _("an element has more than %d attributes"), SAM_XML_MAX_ATTRIBUTES);
      break;

    case SAM_XML_STOP_MARKUP:
      import_error (self, error, SAM_XML_ERROR_LIMIT, line,
                    _("the file has more than %d comments and processing instructions in a row"),
                    SAM_XML_MAX_MARKUP);
      break;

    case SAM_XML_STOP_MARKUP_SIZE:
      import_error (self, error, SAM_XML_ERROR_LIMIT, line,
                    _("comments and processing instructions in a row take more than %d MB"),
                    SAM_XML_MAX_MARKUP_MB);
      break;

    case SAM_XML_STOP_NONE:
    default:
      g_assert_not_reached ();
    }
}

/* The store fails a row for what is wrong with it (a reference, a
 * duplicate, a value) or for what is wrong with the register file: a full
 * disk, a file that cannot be written, is busy or damaged. It names the
 * row either way, with the line it came from; but in the second case
 * neither is to blame, and the user must look at the register instead. */
static void
blame_register (Importer  *self,
                SamStore  *store,
                GError   **error)
{
  g_autofree char *path = NULL;
  GError *blame;

  if (error == NULL || *error == NULL || (*error)->domain != SAM_STORE_ERROR)
    return;

  path = g_filename_display_name (sam_store_get_path (store));
  switch ((*error)->code)
    {
    case SAM_STORE_ERROR_FAILED:
      blame = g_error_new (SAM_STORE_ERROR, SAM_STORE_ERROR_FAILED,
                           _("The register “%s” could not be written, so nothing from “%s” was imported. "
                             "Check that the disk has room left and that the file can be changed."),
                           path, self->name);
      break;

    case SAM_STORE_ERROR_IN_USE:
      blame = g_error_new (SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                           _("The register “%s” is busy in another program, so nothing from “%s” was imported. "
                             "Try again."),
                           path, self->name);
      break;

    case SAM_STORE_ERROR_OPEN:
      blame = g_error_new (SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
                           _("The register “%s” is damaged, so nothing from “%s” was imported."),
                           path, self->name);
      break;

    default:
      return;
    }

  g_debug ("%s", (*error)->message);
  g_clear_error (error);
  g_propagate_error (error, blame);
}

static gboolean
is_ours (Importer *self)
{
  const char *ns = (const char *) xmlTextReaderConstNamespaceUri (self->reader);

  return ns != NULL && strcmp (ns, SAM_XML_NAMESPACE) == 0;
}

static gboolean
unknown_element (Importer    *self,
                 const char  *name,
                 GError     **error)
{
  import_error (self, error, SAM_XML_ERROR_INVALID, current_line (self),
                _("unexpected element “%s”"), name);
  return FALSE;
}

static gboolean
unknown_attribute (Importer    *self,
                   int          line,
                   const char  *element,
                   const char  *name,
                   GError     **error)
{
  import_error (self, error, SAM_XML_ERROR_INVALID, line,
                _("unknown attribute “%s” on “%s”"), name, element);
  return FALSE;
}

static gboolean
missing_attribute (Importer    *self,
                   int          line,
                   const char  *element,
                   const char  *name,
                   GError     **error)
{
  import_error (self, error, SAM_XML_ERROR_INVALID, line,
                _("“%s” lacks the required attribute “%s”"), element, name);
  return FALSE;
}

static gboolean
check_text (Importer    *self,
            int          line,
            const char  *value,
            gsize        len,
            GError     **error)
{
  if (len > MAX_VALUE_LENGTH)
    {
      import_error (self, error, SAM_XML_ERROR_LIMIT, line,
                    _("a value is longer than %d bytes"), MAX_VALUE_LENGTH);
      return FALSE;
    }
  if (!g_utf8_validate (value, len, NULL))
    {
      import_error (self, error, SAM_XML_ERROR_MALFORMED, line,
                    _("the file contains characters that are not valid UTF-8 text or not allowed in XML"));
      return FALSE;
    }

  return TRUE;
}

/* Checks one attribute value against its column's type and stores it in the
 * form the store keeps. */
static gboolean
read_value (Importer         *self,
            int               line,
            const SamColumn  *column,
            const char       *value,
            GString          *out,
            GError          **error)
{
  gsize len = strlen (value);
  gboolean valid = TRUE;
  const char *expected = NULL;

  if (!check_text (self, line, value, len, error))
    return FALSE;

  switch (column->type)
    {
    case SAM_COLUMN_STRING:
    case SAM_COLUMN_TEXT:
      g_string_append_len (out, value, len);
      break;

    case SAM_COLUMN_INT:
      valid = normalize_int (value, out);
      expected = _("a whole number");
      break;

    case SAM_COLUMN_DATE:
      valid = sam_calendar_parse_iso (value, NULL);
      if (valid)
        g_string_append_len (out, value, len);
      expected = _("a date (YYYY-MM-DD)");
      break;

    case SAM_COLUMN_DATETIME:
      valid = normalize_datetime (value, out);
      expected = _("a date and time (YYYY-MM-DDTHH:MM:SSZ)");
      break;

    case SAM_COLUMN_ENUM:
      valid = sam_schema_enum_is_valid (column, value);
      if (valid)
        g_string_append_len (out, value, len);
      break;

    case SAM_COLUMN_REF:
      valid = is_uuid (value);
      if (valid)
        g_string_append_len (out, value, len);
      expected = _("an identifier (UUID)");
      break;

    default:
      g_assert_not_reached ();
    }

  if (valid)
    return TRUE;

  if (column->type == SAM_COLUMN_ENUM)
    {
      g_autofree char *allowed = sam_schema_enum_dup_nicks (column, ", ");

      import_error (self, error, SAM_XML_ERROR_INVALID, line,
                    _("“%s” is not a valid value of “%s” (expected one of %s)"),
                    value, column->xml_name, allowed);
    }
  else
    import_error (self, error, SAM_XML_ERROR_INVALID, line,
                  _("“%s” is not a valid value of “%s” (expected %s)"),
                  value, column->xml_name, expected);

  return FALSE;
}

static gboolean
read_root (Importer    *self,
           const char  *name,
           GError     **error)
{
  int line = current_line (self);
  gboolean has_version = FALSE;

  if (strcmp (name, "register") != 0 || !is_ours (self))
    {
      import_error (self, error, SAM_XML_ERROR_NOT_REGISTER, line,
                    _("the file is not a Samordna register: the root element must be “register” in the namespace %s"),
                    SAM_XML_NAMESPACE);
      return FALSE;
    }

  for (int ok = xmlTextReaderMoveToFirstAttribute (self->reader); ok == 1;
       ok = xmlTextReaderMoveToNextAttribute (self->reader))
    {
      const char *attr = (const char *) xmlTextReaderConstLocalName (self->reader);
      const char *value = (const char *) xmlTextReaderConstValue (self->reader);

      if (xmlTextReaderIsNamespaceDecl (self->reader))
        continue;
      if (strcmp (attr, "version") != 0 || xmlTextReaderConstNamespaceUri (self->reader) != NULL)
        return unknown_attribute (self, line, name, attr, error);
      if (g_strcmp0 (value, SAM_XML_VERSION) != 0)
        {
          import_error (self, error, SAM_XML_ERROR_VERSION, line,
                        _("the register is in format version “%s”, which this version of Samordna cannot read"),
                        value != NULL ? value : "");
          return FALSE;
        }
      has_version = TRUE;
    }
  xmlTextReaderMoveToElement (self->reader);

  if (!has_version)
    return missing_attribute (self, line, name, "version", error);

  self->seen_root = TRUE;

  return TRUE;
}

static gboolean
read_info (Importer    *self,
           GError     **error)
{
  int line = current_line (self);
  g_autofree char *key = NULL;
  g_autofree char *value = NULL;

  if (self->section >= 0)
    {
      import_error (self, error, SAM_XML_ERROR_INVALID, line,
                    _("“info” must come before the first section"));
      return FALSE;
    }

  for (int ok = xmlTextReaderMoveToFirstAttribute (self->reader); ok == 1;
       ok = xmlTextReaderMoveToNextAttribute (self->reader))
    {
      const char *attr = (const char *) xmlTextReaderConstLocalName (self->reader);
      const char *text = (const char *) xmlTextReaderConstValue (self->reader);
      char **target;

      if (xmlTextReaderIsNamespaceDecl (self->reader))
        continue;
      if (xmlTextReaderConstNamespaceUri (self->reader) != NULL)
        target = NULL;
      else if (strcmp (attr, "key") == 0)
        target = &key;
      else if (strcmp (attr, "value") == 0)
        target = &value;
      else
        target = NULL;
      if (target == NULL)
        return unknown_attribute (self, line, "info", attr, error);
      if (!check_text (self, line, text, strlen (text), error))
        return FALSE;
      *target = g_strdup (text);
    }
  xmlTextReaderMoveToElement (self->reader);

  if (key == NULL)
    return missing_attribute (self, line, "info", "key", error);
  if (value == NULL)
    return missing_attribute (self, line, "info", "value", error);

  g_snprintf (self->location, sizeof self->location, _("%s, line %d"), self->name, line);

  return sam_store_import_info (self->import, key, value, error);
}

static gboolean
read_section (Importer    *self,
              const char  *name,
              GError     **error)
{
  const SamTableInfo *table = sam_schema_table_for_section (name);
  int line = current_line (self);

  if (table == NULL)
    return unknown_element (self, name, error);
  if ((int) table->table <= self->section)
    {
      import_error (self, error, SAM_XML_ERROR_INVALID, line,
                    _("the section “%s” is repeated or out of order"), name);
      return FALSE;
    }

  /* A section has no attributes, apart from namespace declarations. */
  for (int ok = xmlTextReaderMoveToFirstAttribute (self->reader); ok == 1;
       ok = xmlTextReaderMoveToNextAttribute (self->reader))
    if (!xmlTextReaderIsNamespaceDecl (self->reader))
      {
        const char *attr = (const char *) xmlTextReaderConstLocalName (self->reader);

        xmlTextReaderMoveToElement (self->reader);
        return unknown_attribute (self, line, name, attr, error);
      }
  xmlTextReaderMoveToElement (self->reader);

  self->section = table->table;
  self->table = table;

  return TRUE;
}

static gboolean
read_row (Importer    *self,
          const char  *name,
          GError     **error)
{
  const SamTableInfo *table = self->table;
  int line = current_line (self);

  if (strcmp (name, table->element) != 0)
    {
      import_error (self, error, SAM_XML_ERROR_INVALID, line,
                    _("unexpected element “%s” in “%s”"), name, table->section);
      return FALSE;
    }

  g_string_truncate (self->uuid, 0);
  for (guint i = 0; i < table->n_columns; i++)
    {
      g_string_truncate (self->values[i], 0);
      self->present[i] = FALSE;
    }

  for (int ok = xmlTextReaderMoveToFirstAttribute (self->reader); ok == 1;
       ok = xmlTextReaderMoveToNextAttribute (self->reader))
    {
      const char *attr = (const char *) xmlTextReaderConstLocalName (self->reader);
      const char *value = (const char *) xmlTextReaderConstValue (self->reader);
      const SamColumn *column;
      guint index;

      if (xmlTextReaderIsNamespaceDecl (self->reader))
        continue;
      if (xmlTextReaderConstNamespaceUri (self->reader) != NULL || value == NULL)
        return unknown_attribute (self, line, name, attr, error);

      if (strcmp (attr, "id") == 0)
        {
          if (!is_uuid (value))
            {
              import_error (self, error, SAM_XML_ERROR_INVALID, line,
                            _("“%s” is not a valid value of “%s” (expected %s)"),
                            value, "id", _("an identifier (UUID)"));
              return FALSE;
            }
          g_string_assign (self->uuid, value);
          continue;
        }

      column = sam_schema_column_for_xml (table, attr);
      if (column == NULL || column->type == SAM_COLUMN_TEXT)
        return unknown_attribute (self, line, name, attr, error);

      index = column - table->columns;
      if (!read_value (self, line, column, value, self->values[index], error))
        return FALSE;
      self->present[index] = TRUE;
    }
  xmlTextReaderMoveToElement (self->reader);

  if (self->uuid->len == 0)
    return missing_attribute (self, line, name, "id", error);

  for (guint i = 0; i < table->n_columns; i++)
    if (table->columns[i].required && table->columns[i].type != SAM_COLUMN_TEXT && !self->present[i])
      return missing_attribute (self, line, name, table->columns[i].xml_name, error);

  self->in_row = TRUE;
  self->row_line = line;
  self->text_column = -1;
  self->last_text_column = -1;

  return TRUE;
}

static gboolean
finish_row (Importer    *self,
            GError     **error)
{
  const SamTableInfo *table = self->table;

  for (guint i = 0; i < table->n_columns; i++)
    {
      if (table->columns[i].required && !self->present[i])
        {
          import_error (self, error, SAM_XML_ERROR_INVALID, self->row_line,
                        _("“%s” lacks the required element “%s”"), table->element, table->columns[i].xml_name);
          return FALSE;
        }
      self->pointers[i] = self->present[i] ? self->values[i]->str : NULL;
    }

  g_snprintf (self->location, sizeof self->location, _("%s, line %d"), self->name, self->row_line);
  self->in_row = FALSE;

  return sam_store_import_row (self->import, table->table, self->uuid->str,
                               (const char * const *) self->pointers, self->location, error);
}

static gboolean
read_text_column (Importer    *self,
                  const char  *name,
                  GError     **error)
{
  const SamColumn *column = sam_schema_column_for_xml (self->table, name);
  int index;

  if (column == NULL || column->type != SAM_COLUMN_TEXT)
    {
      import_error (self, error, SAM_XML_ERROR_INVALID, current_line (self),
                    _("unexpected element “%s” in “%s”"), name, self->table->element);
      return FALSE;
    }

  index = column - self->table->columns;
  if (index <= self->last_text_column)
    {
      import_error (self, error, SAM_XML_ERROR_INVALID, current_line (self),
                    _("the element “%s” is repeated or out of order"), name);
      return FALSE;
    }

  if (xmlTextReaderHasAttributes (self->reader))
    for (int ok = xmlTextReaderMoveToFirstAttribute (self->reader); ok == 1;
         ok = xmlTextReaderMoveToNextAttribute (self->reader))
      if (!xmlTextReaderIsNamespaceDecl (self->reader))
        {
          const char *attr = (const char *) xmlTextReaderConstLocalName (self->reader);
          int line = current_line (self);

          xmlTextReaderMoveToElement (self->reader);
          return unknown_attribute (self, line, name, attr, error);
        }
  xmlTextReaderMoveToElement (self->reader);

  self->present[index] = TRUE;
  self->text_column = index;
  self->last_text_column = index;

  return TRUE;
}

static gboolean
start_element (Importer    *self,
               int          depth,
               GError     **error)
{
  const char *name = (const char *) xmlTextReaderConstLocalName (self->reader);
  xmlNodePtr node = xmlTextReaderCurrentNode (self->reader);

  /* The source caps them on each element; this caps them in all, which
   * every element would otherwise declare anew. */
  for (xmlNsPtr ns = node != NULL ? node->nsDef : NULL; ns != NULL; ns = ns->next)
    if (++self->n_namespaces > SAM_XML_MAX_NAMESPACES)
      {
        import_error (self, error, SAM_XML_ERROR_LIMIT, current_line (self),
                      _("the file declares more than %d namespaces"), SAM_XML_MAX_NAMESPACES);
        return FALSE;
      }

  if (depth > MAX_DEPTH)
    {
      import_error (self, error, SAM_XML_ERROR_LIMIT, current_line (self),
                    _("the elements are nested too deeply"));
      return FALSE;
    }

  if (depth == 0)
    return read_root (self, name, error);

  if (!is_ours (self))
    return unknown_element (self, name, error);

  if (depth == 1 && strcmp (name, "info") == 0)
    {
      self->in_info = TRUE;
      return read_info (self, error);
    }
  if (depth == 1)
    return read_section (self, name, error);
  if (depth == 2 && self->table != NULL && !self->in_info)
    return read_row (self, name, error);
  if (depth == 3 && self->in_row && self->text_column < 0)
    return read_text_column (self, name, error);

  return unknown_element (self, name, error);
}

static gboolean
end_element (Importer    *self,
             int          depth,
             GError     **error)
{
  switch (depth)
    {
    case 0:
      self->root_closed = TRUE;
      return TRUE;

    case 1:
      self->in_info = FALSE;
      self->table = NULL;
      return TRUE;

    case 2:
      return finish_row (self, error);

    case 3:
      self->text_column = -1;
      return TRUE;

    default:
      return TRUE;
    }
}

static gboolean
read_characters (Importer    *self,
                 gboolean     blank,
                 GError     **error)
{
  const char *text = (const char *) xmlTextReaderConstValue (self->reader);
  gsize len = text != NULL ? strlen (text) : 0;
  GString *value;

  if (self->text_column < 0)
    {
      /* Indentation between elements is fine; other text is not. */
      if (blank)
        return TRUE;
      import_error (self, error, SAM_XML_ERROR_INVALID, current_line (self),
                    _("unexpected text outside a text element"));
      return FALSE;
    }

  value = self->values[self->text_column];
  if (value->len + len > MAX_VALUE_LENGTH)
    {
      import_error (self, error, SAM_XML_ERROR_LIMIT, current_line (self),
                    _("a value is longer than %d bytes"), MAX_VALUE_LENGTH);
      return FALSE;
    }
  if (!check_text (self, current_line (self), text, len, error))
    return FALSE;
  g_string_append_len (value, text, len);

  return TRUE;
}

static gboolean
check_progress (Importer    *self,
                GError     **error)
{
  if (g_cancellable_set_error_if_cancelled (self->cancellable, error))
    return FALSE;

  if (self->progress != NULL && self->size > 0)
    {
      long consumed = xmlTextReaderByteConsumed (self->reader);

      sam_progress_set (self->progress, MIN (1.0, (double) MAX (consumed, 0) / self->size), self->message);
    }

  return TRUE;
}

static gboolean
import_node (Importer    *self,
             GError     **error)
{
  int type = xmlTextReaderNodeType (self->reader);
  int depth = xmlTextReaderDepth (self->reader);

  switch (type)
    {
    case XML_READER_TYPE_DOCUMENT_TYPE:
      import_error (self, error, SAM_XML_ERROR_FORBIDDEN, current_line (self),
                    _("the file has a document type declaration (DOCTYPE), which a register never has"));
      return FALSE;

    case XML_READER_TYPE_ENTITY_REFERENCE:
    case XML_READER_TYPE_ENTITY:
      import_error (self, error, SAM_XML_ERROR_FORBIDDEN, current_line (self),
                    _("entity references are not allowed in a register"));
      return FALSE;

    case XML_READER_TYPE_ELEMENT:
      if (++self->n_elements % CHECK_INTERVAL == 0 && !check_progress (self, error))
        return FALSE;
      if (!start_element (self, depth, error))
        return FALSE;
      if (xmlTextReaderIsEmptyElement (self->reader))
        return end_element (self, depth, error);
      return TRUE;

    case XML_READER_TYPE_END_ELEMENT:
      return end_element (self, depth, error);

    case XML_READER_TYPE_TEXT:
    case XML_READER_TYPE_CDATA:
      return read_characters (self, FALSE, error);

    case XML_READER_TYPE_WHITESPACE:
    case XML_READER_TYPE_SIGNIFICANT_WHITESPACE:
      return read_characters (self, TRUE, error);

    default:
      /* Comments and processing instructions carry nothing of ours. */
      return TRUE;
    }
}

static void
importer_clear (Importer *self)
{
  if (self->values != NULL)
    for (guint i = 0; i < self->max_columns; i++)
      g_string_free (self->values[i], TRUE);
  g_clear_pointer (&self->values, g_free);
  g_clear_pointer (&self->present, g_free);
  g_clear_pointer (&self->pointers, g_free);
  if (self->uuid != NULL)
    g_string_free (self->uuid, TRUE);
  self->uuid = NULL;
  g_clear_pointer (&self->reader, xmlFreeTextReader);
  g_clear_pointer (&self->import, sam_store_import_free);
  if (self->handlers_set)
    {
      xmlSetStructuredErrorFunc (self->saved_context, self->saved_handler);
      xmlSetGenericErrorFunc (self->saved_generic_context, self->saved_generic_handler);
      self->handlers_set = FALSE;
    }
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Importer, importer_clear)

/**
 * _sam_xml_import_source:
 * @store: the register to import into
 * @source: where the bytes come from
 * @display_name: the file's name, for messages
 * @size: the size of the file, for progress, or 0
 * @mode: replace or merge
 * @staged: with %SAM_IMPORT_MERGE, read the whole file before taking the
 *   register's write lock (see sam_store_import_stage ()); the import may
 *   then fail with %SAM_STORE_ERROR_CHANGED, and is to be run again
 * @summary: (out caller-allocates) (optional): what the import did
 * @progress: (nullable): receives the fraction read
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Runs the whole import, reading from @source, in one transaction.
 *
 * Returns: whether the whole file was imported
 */
gboolean
_sam_xml_import_source (SamStore          *store,
                        SamXmlSource      *source,
                        const char        *display_name,
                        gsize              size,
                        SamImportMode      mode,
                        gboolean           staged,
                        SamImportSummary  *summary,
                        SamProgress       *progress,
                        GCancellable      *cancellable,
                        GError           **error)
{
  g_auto(Importer) self = { 0 };
  g_autofree char *name = g_path_get_basename (display_name);
  gboolean ok = TRUE;
  int ret;

  _sam_xml_init ();

  self.name = name;
  self.source = source;
  self.progress = progress;
  self.cancellable = cancellable;
  self.size = size;
  self.section = -1;
  self.text_column = -1;

  source->lines = 1;
  source->cancellable = cancellable;

  if (size == 0)
    {
      import_error (&self, error, SAM_XML_ERROR_MALFORMED, 1, _("the file is empty or not XML"));
      return FALSE;
    }

  /* The thread's own handlers catch what libxml2 reports outside the
   * reader's context: while it makes the reader (an encoding it cannot
   * convert, say) or through its generic handler. Otherwise it would go to
   * stderr, in English. importer_clear () puts the old ones back. */
  self.saved_handler = xmlStructuredError;
  self.saved_context = xmlStructuredErrorContext;
  self.saved_generic_handler = xmlGenericError;
  self.saved_generic_context = xmlGenericErrorContext;
  self.handlers_set = TRUE;
  xmlSetStructuredErrorFunc (&self, structured_error_cb);
  xmlSetGenericErrorFunc (&self, generic_error_cb);

  /* No URL: nothing in the file may be resolved against its location. */
  self.reader = xmlReaderForIO (_sam_xml_source_read, _sam_xml_source_close, source, NULL, NULL, READ_OPTIONS);
  if (self.reader == NULL)
    {
      import_error (&self, error, SAM_XML_ERROR_MALFORMED, 1, _("the file is empty or not XML"));
      return FALSE;
    }

  for (guint t = 0; t < SAM_N_TABLES; t++)
    self.max_columns = MAX (self.max_columns, sam_schema_table (t)->n_columns);
  self.values = g_new (GString *, self.max_columns);
  for (guint i = 0; i < self.max_columns; i++)
    self.values[i] = g_string_new (NULL);
  self.present = g_new0 (gboolean, self.max_columns);
  self.pointers = g_new0 (const char *, self.max_columns);
  self.uuid = g_string_new (NULL);

  staged = staged && mode == SAM_IMPORT_MERGE;
  self.message = staged ? _("Reading the file…") : _("Importing the register…");
  if (staged)
    self.import = sam_store_import_stage (store, progress, error);
  else
    self.import = sam_store_import_begin (store, mode, error);
  if (self.import == NULL)
    return FALSE;

  xmlTextReaderSetStructuredErrorHandler (self.reader, structured_error_cb, &self);

  if (progress != NULL)
    sam_progress_set (progress, 0.0, self.message);

  while ((ret = xmlTextReaderRead (self.reader)) == 1)
    {
      if (self.xml_failed)
        break;

      if (!self.seen_root)
        {
          const char *encoding = (const char *) xmlTextReaderConstEncoding (self.reader);

          if (encoding != NULL && g_ascii_strcasecmp (encoding, "UTF-8") != 0)
            {
              import_error (&self, error, SAM_XML_ERROR_MALFORMED, 1,
                            _("the file is encoded in %s, but a register must be in UTF-8"), encoding);
              ok = FALSE;
              break;
            }
        }

      if (!import_node (&self, error))
        {
          ok = FALSE;
          break;
        }
    }

  if (ok && (ret < 0 || self.xml_failed || source->stop != SAM_XML_STOP_NONE))
    {
      /* A cancelled read callback shows up as a parser error; say so. A
       * stopped source does too, where it cut the file off, unless the
       * parser found something wrong before that. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        ;
      else if (source->stop != SAM_XML_STOP_NONE && (!self.xml_failed || self.xml_line >= source->stop_line))
        set_stop_error (&self, error);
      else
        set_xml_error (&self, error);
      ok = FALSE;
    }
  else if (ok && !self.root_closed)
    {
      import_error (&self, error, SAM_XML_ERROR_MALFORMED, MAX (1, xmlTextReaderGetParserLineNumber (self.reader)),
                    _("the file ends too early; it may be truncated"));
      ok = FALSE;
    }

  if (!ok || !sam_store_import_commit (self.import, summary, error))
    {
      blame_register (&self, store, error);
      return FALSE;
    }

  if (progress != NULL && !staged)
    sam_progress_set (progress, 1.0, self.message);

  return TRUE;
}

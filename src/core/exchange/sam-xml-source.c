/* sam-xml-source.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-xml"

#include "config.h"

#include <string.h>

#include "sam-xml-private.h"

/*
 * The bytes libxml2 reads, from a stream or a buffer: counted by line as
 * they are handed over, and scanned first for what libxml2 2.9 would spend
 * far too long or too much memory on before the importer sees a node: a
 * DOCTYPE (whose internal subset it parses whole before reporting it), a
 * start tag with thousands of attributes or namespace declarations (which
 * it compares pairwise), masses of comments and processing instructions
 * with no element between them (which it keeps), and any encoding but UTF-8, which a register always
 * is (libxml2 would switch to it through iconv). The scanner
 * knows just enough XML to tell markup from attribute values, comments,
 * CDATA and processing instructions, and hands libxml2 nothing from the
 * first byte too many on: libxml2 then fails on a cut file, and the
 * importer reports why the source stopped instead.
 */

enum {
  SCAN_TEXT,      /* character data: look for '<' */
  SCAN_LT,        /* just after '<' */
  SCAN_BANG,      /* after "<!": a comment, CDATA or a DOCTYPE */
  SCAN_COMMENT,
  SCAN_CDATA,
  SCAN_PI,
  SCAN_TAG,       /* in a start tag, outside attribute values */
  SCAN_VALUE,     /* in an attribute value */
  SCAN_SKIP,      /* an end tag or anything else up to '>' */
};

#define MAX_MARKUP_BYTES ((guint64) SAM_XML_MAX_MARKUP_MB * 1024 * 1024)

/* The first bytes of a file in an encoding libxml2 would switch to,
 * whether the file declares it or not: a byte order mark, or the "<" that
 * starts an XML file, in UTF-32 (in any of UCS-4's byte orders) or
 * UTF-16. */
static const char *
wide_encoding (const guchar *data,
               gsize         n)
{
  static const struct { const char *start; gsize len; const char *encoding; } marks[] = {
    { "\xff\xfe\0\0", 4, "UTF-32" },
    { "\0\0\xfe\xff", 4, "UTF-32" },
    { "\0\0\xff\xfe", 4, "UTF-32" },
    { "\xfe\xff\0\0", 4, "UTF-32" },
    { "<\0\0\0", 4, "UTF-32" },
    { "\0\0\0<", 4, "UTF-32" },
    { "\0\0<\0", 4, "UTF-32" },
    { "\0<\0\0", 4, "UTF-32" },
    { "\xff\xfe", 2, "UTF-16" },
    { "\xfe\xff", 2, "UTF-16" },
    { "<\0", 2, "UTF-16" },
    { "\0<", 2, "UTF-16" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (marks); i++)
    if (n >= marks[i].len && memcmp (data, marks[i].start, marks[i].len) == 0)
      return marks[i].encoding;

  return NULL;
}

/* The encoding the XML declaration at the start of @source's first bytes
 * names, into @source->encoding; returns where in @source->head the
 * declaration ends, or -1 if it has not ended there yet, or does not name
 * another encoding than UTF-8, or the file has no declaration. */
static gssize
declared_encoding (SamXmlSource *source)
{
  const char *head = source->head;
  const char *end = head + source->head_len;
  const char *decl_end;
  const char *name;
  gsize name_len;
  char quote;

  if (source->head_len >= 3 && memcmp (head, "\xef\xbb\xbf", 3) == 0)
    head += 3;
  if (end - head < 5 || memcmp (head, "<?xml", 5) != 0)
    {
      source->head_read = end - head >= 5 || source->head_len == sizeof source->head;
      return -1;
    }
  if ((decl_end = g_strstr_len (head, end - head, "?>")) == NULL)
    {
      source->head_read = source->head_len == sizeof source->head;
      return -1;
    }
  source->head_read = TRUE;

  if ((name = g_strstr_len (head, decl_end - head, "encoding")) == NULL)
    return -1;
  for (name += strlen ("encoding"); name < decl_end && (g_ascii_isspace (*name) || *name == '='); name++)
    ;
  if (name == decl_end || (*name != '"' && *name != '\''))
    return -1;
  quote = *name++;
  for (name_len = 0; name + name_len < decl_end && name[name_len] != quote; name_len++)
    ;
  if (name_len == 0 || name_len >= sizeof source->encoding)
    return -1;
  memcpy (source->encoding, name, name_len);
  source->encoding[name_len] = '\0';

  /* What libxml2 would do with a name that is no name is its affair. */
  for (gsize i = 0; i < name_len; i++)
    if (!g_ascii_isalnum (name[i]) && strchr ("-._", name[i]) == NULL)
      return -1;
  if (g_ascii_strcasecmp (source->encoding, "UTF-8") == 0 || g_ascii_strcasecmp (source->encoding, "UTF8") == 0)
    return -1;

  return decl_end - source->head;
}

/* Looks at the XML declaration as its bytes arrive: libxml2 switches to
 * the encoding it names once it has read it whole, through iconv, which
 * knows UTF-7 and EBCDIC and tells its troubles on stderr. Returns where
 * in @data to stop, or NULL. */
static const char *
check_declaration (SamXmlSource *source,
                   const char   *data,
                   gsize         n)
{
  gsize take = MIN (n, sizeof source->head - source->head_len);
  gssize end;

  memcpy (source->head + source->head_len, data, take);
  source->head_len += take;

  if ((end = declared_encoding (source)) < 0)
    return NULL;

  /* The declaration's "?>" came with these bytes, or it would have been
   * seen before: stop at it, before libxml2 acts on the declaration. */
  return data + MAX ((gssize) 0, end - (gssize) source->offset);
}

/* Stops at @p: nothing from it on reaches libxml2. */
static gsize
stop_at (SamXmlSource *source,
         SamXmlStop    stop,
         const char   *data,
         const char   *p)
{
  source->stop = stop;
  return p - data;
}

/* A comment or processing instruction begins. */
static gboolean
count_markup (SamXmlSource *source)
{
  return ++source->n_markup <= SAM_XML_MAX_MARKUP;
}

/* The bytes of comments and processing instructions from @p to @q; returns
 * where the cap is crossed, or NULL. */
static const char *
add_markup_bytes (SamXmlSource *source,
                  const char   *p,
                  const char   *q)
{
  guint64 room = MAX_MARKUP_BYTES - MIN (source->markup_bytes, MAX_MARKUP_BYTES);

  if ((guint64) (q - p) > room)
    return p + room;
  source->markup_bytes += q - p;

  return NULL;
}

/* Scans @n bytes and returns how many of them may reach libxml2: all of
 * them, or fewer when the scanner stops. */
static gsize
scan (SamXmlSource *source,
      const char   *data,
      gsize         n)
{
  const char *end = data + n;
  const char *p = data;
  const char *q;

  if (source->offset == 0 && (q = wide_encoding ((const guchar *) data, n)) != NULL)
    {
      g_strlcpy (source->encoding, q, sizeof source->encoding);
      return stop_at (source, SAM_XML_STOP_ENCODING, data, data);
    }
  if (!source->head_read && (q = check_declaration (source, data, n)) != NULL)
    return stop_at (source, SAM_XML_STOP_ENCODING, data, q);

  while (p < end)
    {
      switch (source->state)
        {
        case SCAN_TEXT:
          if ((p = memchr (p, '<', end - p)) == NULL)
            return n;
          source->state = SCAN_LT;
          p++;
          break;

        case SCAN_LT:
          if (*p == '!')
            {
              source->state = SCAN_BANG;
              source->expected = NULL;
              source->matched = 0;
            }
          else if (*p == '?')
            {
              /* The XML declaration, at the start, is no instruction. */
              if (source->offset + (p - data) > 4 && !count_markup (source))
                return stop_at (source, SAM_XML_STOP_MARKUP, data, p);
              source->state = SCAN_PI;
              source->matched = 0;
            }
          else if (*p == '/')
            source->state = SCAN_SKIP;
          else
            {
              /* libxml2 lets go of comments once an element follows
               * them; a run of them it keeps. */
              source->state = SCAN_TAG;
              source->n_attributes = 0;
              source->n_markup = 0;
              source->markup_bytes = 0;
            }
          p++;
          break;

        case SCAN_BANG:
          if (source->expected == NULL)
            source->expected = *p == '-' ? "--" : *p == '[' ? "[CDATA[" : "DOCTYPE";
          if (*p != source->expected[source->matched])
            {
              /* Not XML outside a DTD: libxml2 will say so. */
              source->state = SCAN_SKIP;
              break;
            }
          if (source->expected[++source->matched] != '\0')
            {
              p++;
              break;
            }
          if (source->expected[0] == 'D')
            return stop_at (source, SAM_XML_STOP_DOCTYPE, data, p);
          if (source->expected[0] == '-')
            {
              if (!count_markup (source))
                return stop_at (source, SAM_XML_STOP_MARKUP, data, p);
              source->state = SCAN_COMMENT;
            }
          else
            source->state = SCAN_CDATA;
          source->matched = 0;
          p++;
          break;

        case SCAN_COMMENT:
        case SCAN_PI:
          {
            char close = source->state == SCAN_COMMENT ? '-' : '?';
            guint needed = source->state == SCAN_COMMENT ? 2 : 1;

            /* Up to the next byte that may begin the end, "-->" or "?>". */
            if (source->matched == 0)
              {
                const char *next = memchr (p, close, end - p);

                if (next == NULL)
                  next = end;
                if ((q = add_markup_bytes (source, p, next)) != NULL)
                  return stop_at (source, SAM_XML_STOP_MARKUP_SIZE, data, q);
                if ((p = next) == end)
                  return n;
              }
            if ((q = add_markup_bytes (source, p, p + 1)) != NULL)
              return stop_at (source, SAM_XML_STOP_MARKUP_SIZE, data, q);
            if (*p == close)
              source->matched++;
            else if (*p == '>' && source->matched >= needed)
              source->state = SCAN_TEXT;
            else
              source->matched = 0;
            p++;
          }
          break;

        case SCAN_CDATA:
          if (source->matched == 0 && (p = memchr (p, ']', end - p)) == NULL)
            return n;
          if (*p == ']')
            source->matched++;
          else if (*p == '>' && source->matched >= 2)
            source->state = SCAN_TEXT;
          else
            source->matched = 0;
          p++;
          break;

        case SCAN_TAG:
          if (*p == '=' && ++source->n_attributes > SAM_XML_MAX_ATTRIBUTES)
            return stop_at (source, SAM_XML_STOP_ATTRIBUTES, data, p);
          if (*p == '"' || *p == '\'')
            {
              source->quote = *p;
              source->state = SCAN_VALUE;
            }
          else if (*p == '>')
            source->state = SCAN_TEXT;
          p++;
          break;

        case SCAN_VALUE:
          if ((p = memchr (p, source->quote, end - p)) == NULL)
            return n;
          source->state = SCAN_TAG;
          p++;
          break;

        case SCAN_SKIP:
          if ((p = memchr (p, '>', end - p)) == NULL)
            return n;
          source->state = SCAN_TEXT;
          p++;
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return n;
}

static void
count_lines (SamXmlSource *source,
             const char   *data,
             gsize         n)
{
  const char *end = data + n;

  for (const char *p = data; (p = memchr (p, '\n', end - p)) != NULL; p++)
    source->lines++;
}

int
_sam_xml_source_read (void *user_data,
                      char *buffer,
                      int   len)
{
  SamXmlSource *source = user_data;
  gssize n;
  gsize handed;

  /* Once stopped, libxml2 gets nothing more: it fails on what it has. */
  if (source->stop != SAM_XML_STOP_NONE)
    return -1;

  if (source->stream != NULL)
    n = g_input_stream_read (source->stream, buffer, len, source->cancellable,
                             source->error == NULL ? &source->error : NULL);
  else
    {
      n = MIN ((gsize) len, source->len - source->pos);
      memcpy (buffer, source->buffer + source->pos, n);
      source->pos += n;
    }

  if (n < 0)
    return -1;
  if (n == 0)
    source->eof = TRUE;

  handed = scan (source, buffer, n);
  count_lines (source, buffer, handed);
  source->offset += handed;
  if (source->stop != SAM_XML_STOP_NONE)
    {
      /* The line of the byte it stopped at, which is not handed over. */
      source->stop_line = source->lines;
      if (handed == 0)
        return -1;
    }

  return (int) handed;
}

int
_sam_xml_source_close (void *user_data)
{
  return 0;
}

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
 * they are handed over, and watched for a DOCTYPE, which libxml2 reports
 * only once the parser is past it.
 */

static void
scan_bytes (SamXmlSource *source,
            const char   *data,
            gsize         n)
{
  static const char doctype[] = "<!DOCTYPE";
  const char *end = data + n;

  if (source->in_prolog && source->doctype_line == 0)
    {
      for (const char *p = data; p < end; p++)
        {
          if (*p == '\n')
            source->lines++;
          source->matched = *p == doctype[source->matched] ? source->matched + 1 : (*p == '<' ? 1 : 0);
          if (source->matched == sizeof doctype - 1)
            {
              source->doctype_line = source->lines;
              for (p++; p < end; p++)
                if (*p == '\n')
                  source->lines++;
              return;
            }
        }
      return;
    }

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
  scan_bytes (source, buffer, n);

  return (int) n;
}

int
_sam_xml_source_close (void *user_data)
{
  return 0;
}

/* sam-xml-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/xmlreader.h>
#include <libxml/xmlwriter.h>

#include "sam-xml.h"

G_BEGIN_DECLS

/* The caps on what a file may hold, far above anything a register has (a
 * row has at most twenty attributes and the file one namespace, and our
 * own export writes no comment at all), and low enough that no file can
 * make libxml2 spend more than a moment or a few megabytes on it: libxml2
 * 2.9 checks a start tag's attributes and namespaces pairwise, and keeps
 * in memory every comment and processing instruction of a run that no
 * element follows (a comment on every row, as the demo has, costs
 * nothing). */
#define SAM_XML_MAX_ATTRIBUTES   256               /* attributes on one element, namespaces included */
#define SAM_XML_MAX_NAMESPACES   256               /* namespace declarations in the file */
#define SAM_XML_MAX_MARKUP       10000             /* comments and processing instructions in a row */
#define SAM_XML_MAX_MARKUP_MB    4                 /* their bytes, in MiB */

/* Why the source stopped handing bytes to libxml2. */
typedef enum
{
  SAM_XML_STOP_NONE,
  SAM_XML_STOP_ENCODING,       /* the file is or says it is in another encoding than UTF-8 */
  SAM_XML_STOP_DOCTYPE,        /* a DOCTYPE, stopped at its name, before any of its subset */
  SAM_XML_STOP_ATTRIBUTES,     /* more than SAM_XML_MAX_ATTRIBUTES on one element */
  SAM_XML_STOP_MARKUP,         /* more than SAM_XML_MAX_MARKUP comments and PIs in a row */
  SAM_XML_STOP_MARKUP_SIZE,    /* more than SAM_XML_MAX_MARKUP_MB of them in a row */
} SamXmlStop;

/* What libxml2 reads from: a stream or a buffer. It counts lines as it hands
 * bytes over, so that an error at the very end can be told apart as a cut
 * file, and it scans the bytes for what must never reach the parser (see
 * sam-xml-source.c): there it stops, and says where and why. */
typedef struct
{
  GInputStream *stream;        /* NULL: read from buffer */
  const char   *buffer;
  gsize         len;
  gsize         pos;
  GCancellable *cancellable;
  GError       *error;
  gboolean      eof;
  int           lines;         /* lines handed over so far, counting from 1 */
  guint64       offset;        /* bytes handed over so far */

  /* The scanner's state between reads. */
  guint         state;
  guint         matched;       /* bytes of the awaited token matched so far */
  const char   *expected;      /* the token after "<!" being matched */
  char          quote;         /* the quote that ends the attribute value */
  guint         n_attributes;  /* on the open start tag */
  guint         n_markup;      /* comments and processing instructions since the last start tag */
  guint64       markup_bytes;  /* and their bytes */

  char          head[128];     /* the first bytes, for the XML declaration */
  guint         head_len;
  gboolean      head_read;     /* the declaration, if any, has been looked at */

  SamXmlStop    stop;
  int           stop_line;
  char          encoding[32];  /* with SAM_XML_STOP_ENCODING */
} SamXmlSource;

/* sam-xml.c */
void     _sam_xml_init           (void);

/* sam-xml-source.c: libxml2's input callbacks, @user_data a SamXmlSource */
int      _sam_xml_source_read    (void              *user_data,
                                  char              *buffer,
                                  int                len);
int      _sam_xml_source_close   (void              *user_data);

/* sam-xml-import.c */
gboolean _sam_xml_import_source  (SamStore          *store,
                                  SamXmlSource      *source,
                                  const char        *display_name,
                                  gsize              size,
                                  SamImportMode      mode,
                                  gboolean           staged,
                                  SamImportSummary  *summary,
                                  SamProgress       *progress,
                                  GCancellable      *cancellable,
                                  GError           **error);

/* sam-xml-export.c */
gboolean _sam_xml_export_to_path (SamStore          *store,
                                  const char        *path,
                                  SamProgress       *progress,
                                  GCancellable      *cancellable,
                                  GError           **error);

G_END_DECLS

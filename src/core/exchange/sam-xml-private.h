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

/* What libxml2 reads from: a stream or a buffer. It counts lines as it hands
 * bytes over, so that an error at the very end can be told apart as a cut
 * file, and it notes where a DOCTYPE starts: libxml2 reports the DOCTYPE
 * node only once the parser is past it. */
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
  gboolean      in_prolog;     /* before the root element: look for a DOCTYPE */
  guint         matched;       /* bytes of "<!DOCTYPE" matched so far */
  int           doctype_line;  /* 0 if none seen */
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

/* sam-xml.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-progress.h"
#include "sam-store.h"

G_BEGIN_DECLS

#define SAM_XML_ERROR (sam_xml_error_quark ())

typedef enum
{
  SAM_XML_ERROR_MALFORMED,     /* not well-formed XML: truncated, empty, binary, bad encoding */
  SAM_XML_ERROR_FORBIDDEN,     /* a DOCTYPE or an entity reference */
  SAM_XML_ERROR_NOT_REGISTER,  /* another root element or namespace */
  SAM_XML_ERROR_VERSION,       /* a format version this build cannot read */
  SAM_XML_ERROR_INVALID,       /* an unknown element or attribute, a missing or bad value */
  SAM_XML_ERROR_LIMIT,         /* nested too deeply, a value too long */
  SAM_XML_ERROR_WRITE,         /* the export file could not be written */
} SamXmlError;

GQuark   sam_xml_error_quark    (void);

gboolean sam_xml_export         (SamStore            *store,
                                 const char          *path,
                                 SamProgress         *progress,
                                 GCancellable        *cancellable,
                                 GError             **error);
void     sam_xml_export_async   (SamStore            *store,
                                 GFile               *file,
                                 SamProgress         *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean sam_xml_export_finish  (SamStore            *store,
                                 GAsyncResult        *result,
                                 GError             **error);

gboolean sam_xml_import         (SamStore            *store,
                                 const char          *path,
                                 SamImportMode        mode,
                                 SamImportSummary    *summary,
                                 SamProgress         *progress,
                                 GCancellable        *cancellable,
                                 GError             **error);
gboolean sam_xml_import_memory  (SamStore            *store,
                                 const char          *buffer,
                                 gsize                len,
                                 const char          *display_name,
                                 SamImportMode        mode,
                                 SamImportSummary    *summary,
                                 GError             **error);
void     sam_xml_import_async   (SamStore            *store,
                                 GFile               *file,
                                 SamImportMode        mode,
                                 SamProgress         *progress,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data);
gboolean sam_xml_import_finish  (SamStore            *store,
                                 GAsyncResult        *result,
                                 SamImportSummary    *summary,
                                 GError             **error);

G_END_DECLS

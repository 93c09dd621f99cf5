/* sam-file.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

typedef struct _SamFileWriter SamFileWriter;

SamFileWriter  *sam_file_writer_new         (const char     *path,
                                             GError        **error) G_GNUC_WARN_UNUSED_RESULT;
gboolean        sam_file_writer_write       (SamFileWriter  *self,
                                             const void     *data,
                                             gsize           length);
cairo_status_t  sam_file_writer_cairo_write (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
void            sam_file_writer_fail        (SamFileWriter  *self,
                                             const char     *reason);
gboolean        sam_file_writer_failed      (SamFileWriter  *self);
gboolean        sam_file_writer_commit      (SamFileWriter  *self,
                                             GError        **error);
void            sam_file_writer_free        (SamFileWriter  *self);

gboolean        sam_file_set_contents       (const char     *path,
                                             const char     *contents,
                                             gssize          length,
                                             GError        **error);
void            sam_file_remove_stale       (const char     *dir);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamFileWriter, sam_file_writer_free)

G_END_DECLS

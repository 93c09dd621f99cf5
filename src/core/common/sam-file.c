/* sam-file.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-file"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-file.h"

/*
 * Every file the application writes (exported registers, reports, charts,
 * the decision log, calendars) is written the same way: into a new file
 * beside the target, so the final rename stays on one file system and
 * replaces the old file in one step; synced before the rename, so a crash
 * right after it cannot leave an empty file where the old one was; and
 * removed again if anything fails. The target thus holds either its old
 * contents or the whole new file, never a part.
 *
 * The new file is readable by its owner only until it is whole, and then
 * gets the old file's permissions (or, for a new file, the usual ones), so
 * an export never shows more than the file it replaces. A symbolic link
 * as the target is followed: the file it points to is replaced, and the
 * link stays.
 *
 * A process that is killed cannot remove its new file. The new files are
 * named .<target>.samordna-tmp-XXXXXX and locked with flock() for as long
 * as they are written, so that the next writer of the same target, or the
 * window when it starts (sam_file_remove_stale()), can tell a forgotten
 * one from one being written, and removes it.
 */

#define BUFFER_SIZE (64 * 1024)

/* .<name>.samordna-tmp-XXXXXX */
#define TMP_INFIX  ".samordna-tmp-"
#define TMP_RANDOM 6
/* A file name's longest (NAME_MAX) */
#define NAME_LIMIT 255

struct _SamFileWriter
{
  char  *path;      /* the target, as given: the one errors name */
  char  *real_path; /* the file a symbolic link target points to, or path */
  char  *tmp_path;  /* the file being written, until it is renamed */
  int    fd;
  int    lock_fd;   /* the same open file, holding its flock() until renamed */
  int    errsv;     /* the first write error, or 0 */
  char  *reason;    /* why the writing failed, if not an errno */
  guint8 *buffer;
  gsize  buffered;
};

static gboolean
set_error (GError     **error,
           const char  *path,
           int          errsv,
           const char  *reason)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, G_IO_ERROR, errsv != 0 ? g_io_error_from_errno (errsv) : G_IO_ERROR_FAILED,
               /* Translators: the first %s is a file name, the second why saving failed */
               _("Could not save “%s”: %s"), display_name,
               reason != NULL ? reason : g_strerror (errsv));

  return FALSE;
}

/* The start of our new files' names for the target @base: a hidden name,
 * shortened if need be so that the whole stays a valid name. */
static char *
tmp_prefix (const char *base)
{
  gsize room = NAME_LIMIT - 1 - strlen (TMP_INFIX) - TMP_RANDOM;

  return g_strdup_printf (".%.*s" TMP_INFIX, (int) MIN (strlen (base), room), base);
}

/* Whether @name is one of our new files (for any target if @prefix is
 * %NULL) */
static gboolean
is_tmp_name (const char *name,
             const char *prefix)
{
  const char *infix;
  gsize len = strlen (name);

  if (prefix != NULL)
    return g_str_has_prefix (name, prefix) && len == strlen (prefix) + TMP_RANDOM;

  infix = g_strrstr (name, TMP_INFIX);
  return name[0] == '.' && infix != NULL && infix > name + 1 &&
         strlen (infix) == strlen (TMP_INFIX) + TMP_RANDOM;
}

static void
remove_stale (const char *dir,
              const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  if (d == NULL)
    return;

  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      int fd;

      if (!is_tmp_name (name, prefix))
        continue;

      /* One that is still being written is locked by its writer. */
      path = g_build_filename (dir, name, NULL);
      fd = open (path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
      if (fd < 0)
        continue;
      if (flock (fd, LOCK_EX | LOCK_NB) == 0)
        {
          struct stat st;

          if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == geteuid ())
            {
              g_debug ("Removing “%s”, left by a writer that did not finish", path);
              g_unlink (path);
            }
        }
      close (fd);
    }
}

/**
 * sam_file_remove_stale:
 * @dir: a folder, in the file system's encoding
 *
 * Removes the new files that writers killed before they could finish left
 * in @dir, for any target. A new file still being written is left alone.
 */
void
sam_file_remove_stale (const char *dir)
{
  g_return_if_fail (dir != NULL);

  remove_stale (dir, NULL);
}

/* The file @path names, through any symbolic links: written in place of
 * the link, it would replace the link with a file. */
static char *
resolve_links (const char *path)
{
  g_autofree char *current = g_strdup (path);

  /* As many as the kernel follows (MAXSYMLINKS); a loop ends there too, and
   * the rename then fails with the link's name. */
  for (guint i = 0; i < 40; i++)
    {
      g_autofree char *target = g_file_read_link (current, NULL);
      g_autofree char *dir = g_path_get_dirname (current);

      if (target == NULL)
        break;

      g_free (current);
      if (g_path_is_absolute (target))
        current = g_steal_pointer (&target);
      else
        current = g_build_filename (dir, target, NULL);
    }

  return g_steal_pointer (&current);
}

/* The mode a new file gets: everyone may read and write, less the umask,
 * which only /proc tells without changing it (umask() would change it for
 * every thread). */
static mode_t
new_file_mode (void)
{
  g_autofree char *status = NULL;
  const char *line;
  mode_t mask = 022;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL) &&
      (line = strstr (status, "\nUmask:")) != NULL)
    mask = (mode_t) g_ascii_strtoull (line + strlen ("\nUmask:"), NULL, 8);

  return 0666 & ~mask;
}

/**
 * sam_file_writer_new:
 * @path: the file to write, in the file system's encoding
 * @error: return location for a #GError
 *
 * Starts writing @path: creates a new file beside it, which replaces it
 * when sam_file_writer_commit() succeeds. Until then @path is untouched.
 * New files that earlier writers of @path left behind when they were
 * killed are removed.
 *
 * Returns: (transfer full) (nullable): the writer, or %NULL if the new
 *   file could not be created (a %G_IO_ERROR naming @path)
 */
SamFileWriter *
sam_file_writer_new (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  SamFileWriter *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (SamFileWriter, 1);
  self->path = g_strdup (path);
  self->real_path = resolve_links (path);
  self->fd = -1;
  self->lock_fd = -1;

  dir = g_path_get_dirname (self->real_path);
  base = g_path_get_basename (self->real_path);
  prefix = tmp_prefix (base);
  remove_stale (dir, prefix);

  /* Readable by its owner only, until it is whole and takes the target's
   * permissions. */
  self->tmp_path = g_strdup_printf ("%s%c%sXXXXXX", dir, G_DIR_SEPARATOR, prefix);
  self->fd = g_mkstemp_full (self->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
  if (self->fd < 0)
    {
      set_error (error, path, errno, NULL);
      g_clear_pointer (&self->tmp_path, g_free);
      sam_file_writer_free (self);
      return NULL;
    }
  /* No other open file of it exists yet, so the lock cannot fail; on a
   * file system without flock() the new file is merely not told apart. */
  self->lock_fd = fcntl (self->fd, F_DUPFD_CLOEXEC, 0);
  if (self->lock_fd >= 0)
    flock (self->lock_fd, LOCK_EX | LOCK_NB);
  self->buffer = g_malloc (BUFFER_SIZE);

  return self;
}

static gboolean
write_all (SamFileWriter *self,
           const guint8  *data,
           gsize          length)
{
  while (length > 0)
    {
      gssize n = write (self->fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          self->errsv = errno;
          return FALSE;
        }
      data += n;
      length -= n;
    }

  return TRUE;
}

static gboolean
flush (SamFileWriter *self)
{
  gboolean ok = write_all (self, self->buffer, self->buffered);

  self->buffered = 0;
  return ok;
}

/**
 * sam_file_writer_write:
 * @self: a writer
 * @data: (array length=length): bytes to append
 * @length: how many
 *
 * Appends @data to the new file. After the first failure every write
 * fails, and sam_file_writer_commit() reports why.
 *
 * Returns: whether everything written so far could be written
 */
gboolean
sam_file_writer_write (SamFileWriter *self,
                       const void    *data,
                       gsize          length)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->errsv != 0 || self->reason != NULL)
    return FALSE;

  if (self->buffered + length > BUFFER_SIZE && !flush (self))
    return FALSE;
  if (length >= BUFFER_SIZE)
    return write_all (self, data, length);

  memcpy (self->buffer + self->buffered, data, length);
  self->buffered += length;
  return TRUE;
}

/**
 * sam_file_writer_cairo_write:
 * @closure: a #SamFileWriter
 * @data: (array length=length): bytes to append
 * @length: how many
 *
 * A #cairo_write_func_t, for cairo's PDF, SVG and PNG streams.
 *
 * Returns: %CAIRO_STATUS_SUCCESS, or %CAIRO_STATUS_WRITE_ERROR
 */
cairo_status_t
sam_file_writer_cairo_write (void                *closure,
                             const unsigned char *data,
                             unsigned int         length)
{
  return sam_file_writer_write (closure, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

/**
 * sam_file_writer_fail:
 * @self: a writer
 * @reason: why the contents could not be made, for the user
 *
 * Marks the writing as failed for a reason of the caller's (a drawing or
 * encoding error); sam_file_writer_commit() will then report it and keep
 * the old file.
 */
void
sam_file_writer_fail (SamFileWriter *self,
                      const char    *reason)
{
  g_return_if_fail (self != NULL);

  if (self->errsv == 0 && self->reason == NULL)
    self->reason = g_strdup (reason);
}

/**
 * sam_file_writer_failed:
 * @self: a writer
 *
 * Returns: whether a write failed or sam_file_writer_fail() was called
 */
gboolean
sam_file_writer_failed (SamFileWriter *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->errsv != 0 || self->reason != NULL;
}

/* The target's permissions, and its owner where we may set it; a new
 * target gets the usual mode. */
static void
keep_permissions (SamFileWriter *self)
{
  struct stat st;
  mode_t mode;

  if (stat (self->real_path, &st) == 0)
    {
      struct stat own;

      mode = st.st_mode & 07777;
      /* Not the old file's group: then not its group's permissions either. */
      if (fchown (self->fd, st.st_uid, st.st_gid) != 0 &&
          fstat (self->fd, &own) == 0 && own.st_gid != st.st_gid)
        mode &= ~(mode_t) S_IRWXG;
    }
  else
    mode = new_file_mode ();

  if (fchmod (self->fd, mode) != 0)
    self->errsv = errno;
}

/**
 * sam_file_writer_commit:
 * @self: a writer
 * @error: return location for a #GError
 *
 * Finishes the new file and puts it in place of the target. On any
 * failure, now or in an earlier write, the new file is removed, the target
 * is left as it was, and @error says what went wrong with which file.
 *
 * Returns: whether the target now holds the new contents
 */
gboolean
sam_file_writer_commit (SamFileWriter  *self,
                        GError        **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->tmp_path != NULL, FALSE);

  if (self->errsv == 0 && self->reason == NULL)
    flush (self);
  if (self->errsv == 0 && self->reason == NULL)
    keep_permissions (self);
  if (self->errsv == 0 && self->reason == NULL && g_fsync (self->fd) != 0)
    self->errsv = errno;
  if (close (self->fd) != 0 && self->errsv == 0 && self->reason == NULL)
    self->errsv = errno;
  self->fd = -1;
  if (self->errsv == 0 && self->reason == NULL && g_rename (self->tmp_path, self->real_path) != 0)
    self->errsv = errno;

  if (self->errsv != 0 || self->reason != NULL)
    g_unlink (self->tmp_path);
  g_clear_pointer (&self->tmp_path, g_free);
  /* Unlocked only once the new file is renamed or gone. */
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  self->lock_fd = -1;

  if (self->errsv != 0 || self->reason != NULL)
    return set_error (error, self->path, self->errsv, self->reason);

  return TRUE;
}

/**
 * sam_file_writer_free:
 * @self: (transfer full) (nullable): a writer
 *
 * Frees @self. A writer that was not committed removes its new file and
 * leaves the target as it was.
 */
void
sam_file_writer_free (SamFileWriter *self)
{
  if (self == NULL)
    return;

  if (self->fd >= 0)
    close (self->fd);
  if (self->tmp_path != NULL)
    g_unlink (self->tmp_path);
  if (self->lock_fd >= 0)
    close (self->lock_fd);
  g_free (self->tmp_path);
  g_free (self->real_path);
  g_free (self->path);
  g_free (self->reason);
  g_free (self->buffer);
  g_free (self);
}

/**
 * sam_file_set_contents:
 * @path: the file to write
 * @contents: (array length=length): what to write
 * @length: its length, or -1 if @contents ends with a zero byte
 * @error: return location for a #GError
 *
 * Replaces @path with @contents the way every file is written (see
 * sam_file_writer_new()).
 *
 * Returns: whether @path now holds @contents
 */
gboolean
sam_file_set_contents (const char  *path,
                       const char  *contents,
                       gssize       length,
                       GError     **error)
{
  g_autoptr(SamFileWriter) writer = NULL;

  g_return_val_if_fail (contents != NULL, FALSE);

  if ((writer = sam_file_writer_new (path, error)) == NULL)
    return FALSE;
  sam_file_writer_write (writer, contents, length < 0 ? strlen (contents) : (gsize) length);

  return sam_file_writer_commit (writer, error);
}

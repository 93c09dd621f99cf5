/* sam-store-lock.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <glib/gi18n-lib.h>

#include "sam-store-private.h"

/*
 * The register's own lock: a file beside it (register.samordna.lock),
 * locked with flock(). SQLite's locks are POSIX record locks, which
 * belong to the process and which any close() of the file drops, also a
 * close by code that knows nothing of SQLite, such as GIO reading the
 * first bytes of every file a file dialog lists. Another program then
 * takes the register for unused, checkpoints its WAL and deletes it while
 * this one still writes to it. An flock() lock belongs to its own open
 * file and goes only when that is closed, so it holds whatever else
 * opens and closes the register.
 *
 * A program that changes the register (the window, --import-xml) holds
 * the lock exclusively; one that only reads it (the command line's
 * exports) holds it shared. A writer waits a little for readers, and is
 * refused when another writer has the register. A reader that finds a
 * writer does not wait: it opens the register read-only without the
 * lock, in the way that is safe beside a writer whose SQLite locks may be
 * gone (see sam_store_open_readonly()).
 *
 * Within one process the lock is taken once per register and shared by
 * every connection to it (the window's and its worker threads'), since
 * flock() would also refuse a second open file of the same process. The
 * lock file is removed by the last one to let go, who holds it
 * exclusively then; whoever locked the removed file sees that it is no
 * longer the one at the path and starts again.
 */

struct _SamStoreLock
{
  char  *path;       /* the lock file */
  dev_t  dev;
  ino_t  ino;
  int    fd;
  guint  refs;
  guint  exclusive : 1;
};

G_LOCK_DEFINE_STATIC (locks);
static GPtrArray *locks;  /* the locks this process holds */

/**
 * _sam_store_dup_lock_path:
 * @path: a register file
 *
 * Returns: (transfer full): the register's lock file
 */
char *
_sam_store_dup_lock_path (const char *path)
{
  return g_strconcat (path, ".lock", NULL);
}

static SamStoreLock *
find_held (const char *lock_path)
{
  struct stat st;

  if (locks == NULL || lstat (lock_path, &st) != 0)
    return NULL;

  for (guint i = 0; i < locks->len; i++)
    {
      SamStoreLock *lock = g_ptr_array_index (locks, i);

      if (lock->dev == st.st_dev && lock->ino == st.st_ino)
        return lock;
    }

  return NULL;
}

/* Whether @fd is still the file at @lock_path: the one who let go last
 * may have removed it after this process opened it. */
static gboolean
is_current (int          fd,
            const char  *lock_path,
            struct stat *st)
{
  struct stat at_path;

  return fstat (fd, st) == 0 && lstat (lock_path, &at_path) == 0 &&
         st->st_dev == at_path.st_dev && st->st_ino == at_path.st_ino;
}

static int
open_lock_file (const char *lock_path)
{
  int fd;

  /* flock() needs no write access: a lock file another user made in a
   * shared folder locks as well, opened read-only. */
  do
    fd = open (lock_path, O_RDONLY | O_CREAT | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY, 0644);
  while (fd < 0 && errno == EINTR);
  if (fd < 0 && (errno == EACCES || errno == EROFS))
    {
      int create_errno = errno;

      do
        fd = open (lock_path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
      while (fd < 0 && errno == EINTR);
      /* Not there, and it cannot be made: why not is the answer. */
      if (fd < 0 && errno == ENOENT)
        errno = create_errno;
    }

  return fd;
}

static SamStoreLock *
hold (const char  *lock_path,
      int          fd,
      struct stat *st,
      gboolean     exclusive)
{
  SamStoreLock *lock = g_new0 (SamStoreLock, 1);

  lock->path = g_strdup (lock_path);
  lock->dev = st->st_dev;
  lock->ino = st->st_ino;
  lock->fd = fd;
  lock->refs = 1;
  lock->exclusive = exclusive;

  if (locks == NULL)
    locks = g_ptr_array_new ();
  g_ptr_array_add (locks, lock);

  return lock;
}

static int
try_flock (int fd,
           int operation)
{
  int rc;

  do
    rc = flock (fd, operation | LOCK_NB);
  while (rc != 0 && errno == EINTR);

  return rc;
}

static void
set_in_use_error (GError     **error,
                  const char  *path,
                  gboolean     writer)
{
  g_autofree char *display_name = g_filename_display_name (path);

  if (writer)
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                 _("The register “%s” is open in another Samordna window or program. It can be changed in "
                   "only one place at a time: close it there and try again."), display_name);
  else
    g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_IN_USE,
                 _("The register “%s” is being read by another program, such as an export. "
                   "Try again when it is done."), display_name);
}

static void
set_lock_error (GError     **error,
                const char  *path,
                int          saved_errno)
{
  g_autofree char *display_name = g_filename_display_name (path);

  g_set_error (error, SAM_STORE_ERROR, SAM_STORE_ERROR_OPEN,
               _("The register “%s” cannot be changed here: its lock file could not be made (%s)"),
               display_name, g_strerror (saved_errno));
}

/* How long an exclusive lock must last to be a writer's: the last reader
 * to let go holds it too, for the instant it takes to remove the file. */
#define WRITER_GRACE_US (100 * 1000)

/* Takes the lock: exclusively, waiting up to @timeout_ms for readers, or
 * shared. Sets @writer_elsewhere, with no lock taken, when another process
 * changes the register. */
static SamStoreLock *
take (const char  *path,
      gboolean     exclusive,
      guint        timeout_ms,
      gboolean    *writer_elsewhere,
      GError     **error)
{
  g_autofree char *lock_path = _sam_store_dup_lock_path (path);
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;
  gint64 writer_since = 0;
  gulong pause_us = 1000;
  SamStoreLock *lock;

  *writer_elsewhere = FALSE;

  G_LOCK (locks);

  if ((lock = find_held (lock_path)) != NULL)
    {
      if (exclusive && !lock->exclusive)
        {
          G_UNLOCK (locks);
          set_in_use_error (error, path, FALSE);
          return NULL;
        }
      lock->refs++;
      G_UNLOCK (locks);
      return lock;
    }

  for (;;)
    {
      struct stat st;
      gint64 now;
      int fd = open_lock_file (lock_path);

      if (fd < 0)
        {
          int saved_errno = errno;

          G_UNLOCK (locks);
          /* No lock file can be made where no one can change the register. */
          if (!exclusive && (saved_errno == EACCES || saved_errno == EROFS))
            return NULL;
          set_lock_error (error, path, saved_errno);
          return NULL;
        }

      if (try_flock (fd, exclusive ? LOCK_EX : LOCK_SH) == 0)
        {
          if (is_current (fd, lock_path, &st))
            {
              lock = hold (lock_path, fd, &st, exclusive);
              G_UNLOCK (locks);
              return lock;
            }
          close (fd);
          continue;
        }

      now = g_get_monotonic_time ();
      if (exclusive && try_flock (fd, LOCK_SH) == 0)
        {
          /* Shared locks only: programs reading, which soon let go. */
          close (fd);
          writer_since = 0;
          if (now >= deadline)
            {
              G_UNLOCK (locks);
              set_in_use_error (error, path, FALSE);
              return NULL;
            }
        }
      else if (!is_current (fd, lock_path, &st))
        {
          close (fd);
          continue;
        }
      else
        {
          close (fd);
          if (writer_since == 0)
            writer_since = now;
          else if (now - writer_since >= WRITER_GRACE_US)
            {
              G_UNLOCK (locks);
              *writer_elsewhere = TRUE;
              if (exclusive)
                set_in_use_error (error, path, TRUE);
              return NULL;
            }
        }

      g_usleep (pause_us);
      pause_us = MIN (pause_us * 2, 100 * 1000);
    }
}

/**
 * _sam_store_lock_write:
 * @path: a register file, which may not exist yet
 * @timeout_ms: how long to wait for programs that only read it
 * @error: return location for a #GError
 *
 * Takes the register's lock for changing it. When another process reads
 * the register, waits for it up to @timeout_ms; when another process
 * changes it, fails with %SAM_STORE_ERROR_IN_USE.
 *
 * Returns: (transfer full) (nullable): the lock, to give to
 *   _sam_store_lock_release()
 */
SamStoreLock *
_sam_store_lock_write (const char  *path,
                       guint        timeout_ms,
                       GError     **error)
{
  gboolean writer_elsewhere;

  return take (path, TRUE, timeout_ms, &writer_elsewhere, error);
}

/**
 * _sam_store_lock_read:
 * @path: a register file
 * @writer_elsewhere: (out): whether another process holds the register for
 *   changing it
 * @error: return location for a #GError
 *
 * Takes the register's lock for reading it, without waiting. When another
 * process changes the register, nothing is taken and @writer_elsewhere is
 * set. Where no lock file can be made (a read-only folder), nothing is
 * taken either: no one can change the register there.
 *
 * Returns: (transfer full) (nullable): the lock, to give to
 *   _sam_store_lock_release(), or %NULL if none was taken (an error only
 *   if @error is set)
 */
SamStoreLock *
_sam_store_lock_read (const char  *path,
                      gboolean    *writer_elsewhere,
                      GError     **error)
{
  return take (path, FALSE, 0, writer_elsewhere, error);
}

/**
 * _sam_store_lock_release:
 * @lock: (transfer full) (nullable): a lock
 *
 * Lets go of one hold of @lock; the last removes the lock file when no
 * other process holds it, and unlocks it.
 */
void
_sam_store_lock_release (SamStoreLock *lock)
{
  struct stat st;

  if (lock == NULL)
    return;

  G_LOCK (locks);

  if (--lock->refs > 0)
    {
      G_UNLOCK (locks);
      return;
    }
  g_ptr_array_remove_fast (locks, lock);

  /* Removed only under an exclusive lock, so that no one holds the file
   * that goes; a reader turns its lock exclusive if no one else reads. */
  if ((lock->exclusive || try_flock (lock->fd, LOCK_EX) == 0) && is_current (lock->fd, lock->path, &st))
    unlink (lock->path);
  close (lock->fd);

  G_UNLOCK (locks);

  g_free (lock->path);
  g_free (lock);
}

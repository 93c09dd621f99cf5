/* sam-demo.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-demo"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sam-demo.h"
#include "sam-xml.h"

#define DEMO_RESOURCE RESOURCE_PREFIX "/demo/demo-register.xml"
#define DEMO_FILE "demo.samordna"

/**
 * sam_demo_open:
 * @out_dir: (out) (transfer full): the temporary folder that holds the copy
 * @error: return location for an error
 *
 * Creates a throwaway register in a new temporary folder and loads the demo
 * register (bundled as a resource) into it, so nothing a user does to the
 * demo touches their own register. Remove the folder with sam_demo_remove().
 *
 * Returns: (transfer full) (nullable): the demo register
 */
SamStore *
sam_demo_open (char   **out_dir,
               GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SamStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  SamImportSummary summary = { 0 };
  gsize len;
  const char *data;
  gboolean ok;

  g_return_val_if_fail (out_dir != NULL, NULL);

  bytes = g_resources_lookup_data (DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return NULL;

  dir = g_dir_make_tmp ("samordna-demo-XXXXXX", error);
  if (dir == NULL)
    return NULL;

  path = g_build_filename (dir, DEMO_FILE, NULL);
  store = sam_store_open (path, error);
  if (store == NULL)
    {
      sam_demo_remove (dir);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  ok = sam_xml_import_memory (store, data, len, "demo-register.xml", SAM_IMPORT_REPLACE, &summary, error);
  sam_import_summary_clear (&summary);
  if (!ok)
    {
      g_clear_object (&store);
      sam_demo_remove (dir);
      return NULL;
    }

  *out_dir = g_steal_pointer (&dir);

  return g_steal_pointer (&store);
}

/**
 * sam_demo_remove:
 * @dir: a folder returned by sam_demo_open()
 *
 * Deletes the throwaway demo register and its folder. Close the store first.
 */
void
sam_demo_remove (const char *dir)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal", ".lock" };

  g_return_if_fail (dir != NULL);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (dir, G_DIR_SEPARATOR_S DEMO_FILE, suffixes[i], NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}

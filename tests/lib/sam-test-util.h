/* sam-test-util.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "sam-chart.h"
#include "sam-store.h"

G_BEGIN_DECLS

/* What the core tests share (no GTK): waiting on the main loop for a
 * condition, temporary folders and registers, rows and charts made in
 * them, the Swedish locale with the built catalogue, poppler's tools and
 * dates.
 * Each helper fails the test on error, so callers need no checks. */

/* How long sam_test_wait_for() waits before it fails the test */
#define SAM_TEST_WAIT_TIMEOUT_MS 10000

/* Whether what a test waits for has come about; @data is what the waiter
 * got. */
typedef gboolean (*SamTestCondition) (gpointer data);

/**
 * sam_test_wait_for:
 * @expr: an expression, true once what the test waits for has come about
 *
 * Runs the main loop until @expr is true, for %SAM_TEST_WAIT_TIMEOUT_MS at
 * the most; then the test fails with @expr as its message. Nothing is run
 * if @expr is true already.
 */
#define sam_test_wait_for(expr)                                                   \
  G_STMT_START {                                                                  \
    gint64 sam_test_deadline_ = sam_test_deadline (SAM_TEST_WAIT_TIMEOUT_MS);     \
    while (!(expr))                                                               \
      if (!sam_test_iterate_before (sam_test_deadline_))                          \
        {                                                                         \
          g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC,       \
                               "timed out waiting for " #expr);                   \
          break;                                                                  \
        }                                                                         \
  } G_STMT_END

gboolean  sam_test_wait_until     (SamTestCondition  condition,
                                   gpointer          data,
                                   guint             timeout_ms,
                                   const char       *what);
gint64    sam_test_deadline       (guint             timeout_ms);
gboolean  sam_test_iterate_before (gint64            deadline);

char     *sam_test_make_tmp_dir   (const char    *tmpl) G_GNUC_WARN_UNUSED_RESULT;
gboolean  sam_test_remove_tree    (const char    *path);

SamStore *sam_test_open_store     (const char    *dir,
                                   const char    *name) G_GNUC_WARN_UNUSED_RESULT;
SamStore *sam_test_new_tmp_store  (const char    *tmpl,
                                   const char    *name,
                                   char         **dir,
                                   char         **path) G_GNUC_WARN_UNUSED_RESULT;
SamStore *sam_test_new_tmp_import (const char    *tmpl,
                                   const char    *fixture,
                                   char         **dir) G_GNUC_WARN_UNUSED_RESULT;
void      sam_test_free_tmp_store (SamStore      *store,
                                   const char    *dir);

char     *sam_test_save           (SamStore      *store,
                                   gpointer       item) G_GNUC_WARN_UNUSED_RESULT;
char     *sam_test_add_group      (SamStore      *store,
                                   const char    *code,
                                   const char    *name,
                                   SamGroupKind   kind,
                                   const char    *parent_uuid) G_GNUC_WARN_UNUSED_RESULT;
SamChart *sam_test_chart_new      (SamStore      *store,
                                   const char    *as_of,
                                   const char    *root_code,
                                   gboolean       show_people) G_GNUC_WARN_UNUSED_RESULT;

void      sam_test_init_swedish   (void);

char     *sam_test_pdf_tool       (const char    *tool,
                                   const char    *pdf,
                                   ...) G_GNUC_NULL_TERMINATED G_GNUC_WARN_UNUSED_RESULT;

GDate     sam_test_dmy            (guint          year,
                                   guint          month,
                                   guint          day);

G_END_DECLS

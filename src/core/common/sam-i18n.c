/* sam-i18n.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-i18n"

#include "config.h"

#include <locale.h>
#include <glib/gi18n-lib.h>

#include "sam-i18n.h"

/**
 * sam_i18n_init:
 *
 * Sets the locale from the environment and binds the message catalogue.
 * `SAM_LOCALEDIR` points at an uninstalled build's catalogues, so tests and
 * `meson devenv` see the translations of the tree they run from.
 */
void
sam_i18n_init (void)
{
  const char *localedir = g_getenv ("SAM_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

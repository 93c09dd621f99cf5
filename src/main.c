/* main.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "sam-application.h"
#include "sam-i18n.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(SamApplication) app = NULL;

  sam_i18n_init ();

  /* The accessibility tree and the desktop know us by this name. */
  g_set_prgname ("samordna");
  g_set_application_name (_("Samordna"));

  app = sam_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}

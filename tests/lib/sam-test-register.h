/* sam-test-register.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sam-schema.h"

G_BEGIN_DECLS

/* Random registers for the exchange tests and the benchmark: rows that meet
 * every constraint of the SQL schema, written as canonical exchange XML by a
 * writer of their own (not libxml2's), or as SQL for the sqlite3 shell. */

typedef struct
{
  guint    organisations;
  guint    people;
  guint    groups;
  guint    relations;
  guint    commissions;
  guint    seats;
  guint    assignments;
  guint    meetings;
  guint    participations;
  guint    agenda_items;
  guint    attendances;
  guint    decisions;
  guint    escalations;
  guint    info;
  gboolean rich;           /* å ä ö, emoji, markup characters, CR/LF/TAB, empty values */
  guint    text_length;    /* typical words in a long text */
} SamTestRegisterSize;

typedef struct _SamTestRegister SamTestRegister;

SamTestRegister *sam_test_register_new        (GRand                     *rand,
                                               const SamTestRegisterSize *size);
void             sam_test_register_free       (SamTestRegister           *self);
guint            sam_test_register_n_rows     (SamTestRegister           *self);
guint            sam_test_register_n_table_rows (SamTestRegister         *self,
                                               SamTable                   table);
char            *sam_test_register_to_xml     (SamTestRegister           *self,
                                               gsize                     *len);
gboolean         sam_test_register_write_xml  (SamTestRegister           *self,
                                               const char                *path,
                                               GError                   **error);
gboolean         sam_test_register_write_sql  (SamTestRegister           *self,
                                               const char                *path,
                                               GError                   **error);
void             sam_test_register_small_size (GRand                     *rand,
                                               SamTestRegisterSize       *size);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SamTestRegister, sam_test_register_free)

G_END_DECLS

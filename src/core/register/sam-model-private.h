/* sam-model-private.h
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "sam-schema.h"
#include "sam-types.h"

G_BEGIN_DECLS

/*
 * Every model class (SamOrganisation, SamPerson, SamGroup, ...) keeps its row
 * as the text the store reads and writes: one string per column of its table
 * in descriptor order (NULL when absent, integers in decimal, references as
 * the referenced row's UUID). The properties are installed from the
 * descriptor, so a column added to the schema needs no new boilerplate.
 * These helpers are for the model classes and the store only.
 */
typedef struct
{
  gint64   id;
  char    *uuid;
  char   **values;
} SamRecord;

void         _sam_model_class_init      (GObjectClass *object_class,
                                         SamTable      table);
void         _sam_model_instance_init   (GObject      *object);
SamTable     _sam_model_table_for_type  (GType         type);
GType        _sam_model_type_for_table  (SamTable      table);
SamRecord   *_sam_model_get_record      (gpointer      object);
void         _sam_model_update          (gpointer      object,
                                         gint64        id,
                                         const char   *uuid,
                                         const char * const *values);
const char  *_sam_model_get_string      (gpointer      object,
                                         const char   *column);
int          _sam_model_get_int         (gpointer      object,
                                         const char   *column);
void         _sam_model_set_string      (gpointer      object,
                                         const char   *column,
                                         const char   *value);
const char  *_sam_model_property_name   (const SamColumn *column);

G_END_DECLS

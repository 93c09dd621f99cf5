/* sam-test-register.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "sam-test-register.h"

/* A register is a list of rows per table, in the order they were made, which
 * is dependency order (a parent before its children). The XML writer sorts
 * each table by UUID, as the store's export does, so references to rows of
 * the same table often point forward in the file. */

typedef struct
{
  char  *uuid;
  char **values;  /* n_values, NULL = absent */
  guint  n_values;
} Row;

struct _SamTestRegister
{
  GRand               *rand;
  SamTestRegisterSize  size;
  GPtrArray           *rows[SAM_N_TABLES];
  GPtrArray           *info;   /* key, value, ... sorted by key */
  GHashTable          *pairs;  /* "table:a:b" keys of unique pairs */
};

static const char * const plain_words[] = {
  "samordning", "råd", "beslut", "möte", "förvaltning", "region", "vård", "operation",
  "anestesi", "intensivvård", "uppdrag", "rutin", "ärende", "översyn", "patient",
  "säkerhet", "kunskapsstyrning", "process", "uppföljning", "Västra", "läkemedel",
  "prioritering", "kompetens", "bemanning", "vårdplatser", "överenskommelse", "Örebro",
  "remiss", "handlingsplan", "nationellt", "programområde", "ledningsgrupp",
};

static const char * const rich_bits[] = {
  "å", "ä", "ö", "Å", "Ä", "Ö", "😀", "🏥", "&", "<", ">", "\"", "'", "&amp;", "]]>",
  "\r\n", "\n", "\t", "\r", "  ", "é", "ü", "€", "—", "…", "a&b<c>d", "&#10;", "%s",
};

#define SPECIAL_TEXT "Åsa & Örjan <styr> \"gruppen\" 'för' ärenden 😀\r\nrad två\tflik\rslut\n"

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->uuid);
  for (guint i = 0; i < row->n_values; i++)
    g_free (row->values[i]);
  g_free (row->values);
  g_free (row);
}

static char *
random_uuid (GRand *rand)
{
  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%08x%04x",
                          g_rand_int (rand),
                          g_rand_int_range (rand, 0, 0x10000),
                          g_rand_int_range (rand, 0, 0x1000),
                          g_rand_int_range (rand, 0x8000, 0xc000),
                          g_rand_int (rand),
                          g_rand_int_range (rand, 0, 0x10000));
}

static void
append_text (SamTestRegister *self,
             GString         *out,
             guint            n_words)
{
  for (guint i = 0; i < n_words; i++)
    {
      if (i > 0)
        g_string_append_c (out, ' ');
      if (self->size.rich && g_rand_int_range (self->rand, 0, 4) == 0)
        g_string_append (out, rich_bits[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (rich_bits))]);
      g_string_append (out, plain_words[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (plain_words))]);
    }
}

/* Never blank: the schema requires names and titles to have some text. */
static char *
random_name (SamTestRegister *self)
{
  GString *out = g_string_new (plain_words[g_rand_int_range (self->rand, 0, G_N_ELEMENTS (plain_words))]);

  g_string_append_c (out, ' ');
  append_text (self, out, g_rand_int_range (self->rand, 0, 4));

  return g_string_free (out, FALSE);
}

static char *
random_text (SamTestRegister *self)
{
  GString *out = g_string_new (NULL);
  guint max = MAX (2, self->size.text_length * 2);

  if (self->size.rich && g_rand_int_range (self->rand, 0, 10) == 0)
    return g_strdup ("");
  append_text (self, out, g_rand_int_range (self->rand, 1, max));

  return g_string_free (out, FALSE);
}

static char *
random_date (SamTestRegister *self,
             int              min_year)
{
  return g_strdup_printf ("%04d-%02d-%02d", g_rand_int_range (self->rand, min_year, min_year + 5),
                          g_rand_int_range (self->rand, 1, 13), g_rand_int_range (self->rand, 1, 29));
}

static const char *
pick_uuid (SamTestRegister *self,
           SamTable         table,
           guint            below)
{
  GPtrArray *rows = self->rows[table];
  guint n = MIN (below, rows->len);
  Row *row;

  if (n == 0)
    return NULL;
  row = g_ptr_array_index (rows, g_rand_int_range (self->rand, 0, n));

  return row->uuid;
}

static const char *
pick_row (SamTestRegister *self,
          SamTable         table)
{
  return pick_uuid (self, table, G_MAXUINT);
}

static gboolean
coin (SamTestRegister *self)
{
  return g_rand_boolean (self->rand);
}

/* Fills every column of a new row from its type; the table-specific rules
 * then adjust what the SQL constraints need. */
static Row *
new_row (SamTestRegister *self,
         SamTable         table)
{
  const SamTableInfo *info = sam_schema_table (table);
  Row *row = g_new0 (Row, 1);

  row->uuid = random_uuid (self->rand);
  row->values = g_new0 (char *, info->n_columns);
  row->n_values = info->n_columns;

  for (guint i = 0; i < info->n_columns; i++)
    {
      const SamColumn *column = &info->columns[i];

      /* A reference to a later table is filled once that table has rows
       * (see link_forward()); drawing nothing for it here keeps the rows
       * of every seed as they were before such references existed. */
      if (column->type == SAM_COLUMN_REF && column->ref_table > table)
        continue;
      if (!column->required && !coin (self))
        continue;

      switch (column->type)
        {
        case SAM_COLUMN_STRING:
          row->values[i] = column->required || !self->size.rich || g_rand_int_range (self->rand, 0, 8) > 0
                           ? random_name (self) : g_strdup ("");
          break;

        case SAM_COLUMN_TEXT:
          row->values[i] = random_text (self);
          break;

        case SAM_COLUMN_INT:
          row->values[i] = g_strdup_printf ("%d", g_rand_int_range (self->rand, 0, 100));
          break;

        case SAM_COLUMN_DATE:
          row->values[i] = random_date (self, 2020);
          break;

        case SAM_COLUMN_DATETIME:
          {
            g_autofree char *date = random_date (self, 2024);

            row->values[i] = g_strdup_printf ("%sT%02d:%02d:00Z", date,
                                              g_rand_int_range (self->rand, 6, 18),
                                              g_rand_int_range (self->rand, 0, 4) * 15);
          }
          break;

        case SAM_COLUMN_ENUM:
          {
            guint n = column->enum_info->n_values;

            row->values[i] = g_strdup (sam_schema_enum_nick (column, g_rand_int_range (self->rand, 0, n)));
          }
          break;

        case SAM_COLUMN_REF:
          if (column->ref_table != table)
            row->values[i] = g_strdup (pick_row (self, column->ref_table));
          break;

        default:
          g_assert_not_reached ();
        }
    }

  return row;
}

static void
set_value (Row        *row,
           SamTable    table,
           const char *xml_name,
           char       *value)
{
  const SamTableInfo *info = sam_schema_table (table);
  const SamColumn *column = sam_schema_column_for_xml (info, xml_name);
  guint i = column - info->columns;

  g_assert_nonnull (column);
  g_free (row->values[i]);
  row->values[i] = value;
}

static const char *
get_value (Row        *row,
           SamTable    table,
           const char *xml_name)
{
  const SamTableInfo *info = sam_schema_table (table);

  return row->values[sam_schema_column_for_xml (info, xml_name) - info->columns];
}

/* Claims a unique combination; FALSE if it was taken. */
static gboolean
claim (SamTestRegister *self,
       SamTable         table,
       const char      *a,
       const char      *b,
       const char      *c)
{
  char *key = g_strdup_printf ("%d:%s:%s:%s", table, a, b, c != NULL ? c : "");

  if (g_hash_table_contains (self->pairs, key))
    {
      g_free (key);
      return FALSE;
    }
  g_hash_table_add (self->pairs, key);

  return TRUE;
}

static void
ordered_dates (SamTestRegister *self,
               Row             *row,
               SamTable         table,
               const char      *first,
               const char      *second)
{
  const char *a = get_value (row, table, first);
  const char *b = get_value (row, table, second);

  if (a != NULL && b != NULL && strcmp (a, b) > 0)
    {
      char *copy = g_strdup (a);

      set_value (row, table, first, g_strdup (b));
      set_value (row, table, second, copy);
    }
}

static guint
row_index (SamTestRegister *self,
           SamTable         table,
           const char      *uuid)
{
  for (guint i = 0; i < self->rows[table]->len; i++)
    if (g_strcmp0 (((Row *) g_ptr_array_index (self->rows[table], i))->uuid, uuid) == 0)
      return i;

  return G_MAXUINT;
}

/* Makes the row fit the table's constraints and the register's rules (see
 * sam-store-rules.c); FALSE to drop it. */
static gboolean
fix_row (SamTestRegister *self,
         SamTable         table,
         Row             *row)
{
  GPtrArray *rows = self->rows[table];

  switch (table)
    {
    case SAM_TABLE_GROUP:
      set_value (row, table, "code", coin (self) ? g_strdup_printf ("G%u-%x", rows->len, g_rand_int (self->rand)) : NULL);
      set_value (row, table, "position", g_strdup_printf ("%d", g_rand_int_range (self->rand, 0, 20)));
      set_value (row, table, "parent", coin (self) ? g_strdup (pick_uuid (self, table, rows->len)) : NULL);
      ordered_dates (self, row, table, "established", "dissolved");
      return TRUE;

    case SAM_TABLE_GROUP_RELATION:
      /* Every relation leads to a group made earlier, so that no kind of
       * them goes round in a circle. */
      if (row_index (self, SAM_TABLE_GROUP, get_value (row, table, "from")) <
          row_index (self, SAM_TABLE_GROUP, get_value (row, table, "to")))
        {
          char *from = g_strdup (get_value (row, table, "from"));

          set_value (row, table, "from", g_strdup (get_value (row, table, "to")));
          set_value (row, table, "to", from);
        }
      return g_strcmp0 (get_value (row, table, "from"), get_value (row, table, "to")) != 0
             && claim (self, table, get_value (row, table, "from"), get_value (row, table, "to"),
                       get_value (row, table, "kind"));

    case SAM_TABLE_COMMISSION:
      if (get_value (row, table, "min-meetings") != NULL && get_value (row, table, "max-meetings") != NULL)
        {
          set_value (row, table, "min-meetings", g_strdup_printf ("%d", g_rand_int_range (self->rand, 0, 5)));
          set_value (row, table, "max-meetings", g_strdup_printf ("%d", g_rand_int_range (self->rand, 5, 13)));
        }
      return claim (self, table, get_value (row, table, "group"), NULL, NULL);

    case SAM_TABLE_COMMISSION_SEAT:
      set_value (row, table, "seats", g_strdup_printf ("%d", g_rand_int_range (self->rand, 1, 4)));
      return claim (self, table, get_value (row, table, "commission"), get_value (row, table, "organisation"), NULL);

    case SAM_TABLE_ASSIGNMENT:
      ordered_dates (self, row, table, "starts", "ends");
      return TRUE;

    case SAM_TABLE_MEETING:
      ordered_dates (self, row, table, "starts", "ends");
      set_value (row, table, "prepares", coin (self) ? g_strdup (pick_uuid (self, table, rows->len)) : NULL);
      return TRUE;

    case SAM_TABLE_MEETING_GROUP:
      return claim (self, table, get_value (row, table, "meeting"), get_value (row, table, "group"), NULL);

    case SAM_TABLE_AGENDA_ITEM:
      set_value (row, table, "position", g_strdup_printf ("%d", g_rand_int_range (self->rand, 0, 20)));
      return TRUE;

    case SAM_TABLE_ATTENDANCE:
      return claim (self, table, get_value (row, table, "meeting"), get_value (row, table, "person"), NULL);

    case SAM_TABLE_DECISION:
      if (coin (self) || g_strcmp0 (get_value (row, table, "status"), "draft") != 0)
        {
          char *serial = g_strdup_printf ("%u", rows->len + 1);

          set_value (row, table, "year", g_strdup_printf ("%d", g_rand_int_range (self->rand, 2020, 2027)));
          set_value (row, table, "serial", serial);
        }
      else
        {
          set_value (row, table, "year", NULL);
          set_value (row, table, "serial", NULL);
        }
      set_value (row, table, "supersedes", coin (self) ? g_strdup (pick_uuid (self, table, rows->len)) : NULL);
      /* A decision is only withdrawn with a reason. */
      if (g_strcmp0 (get_value (row, table, "status"), "withdrawn") == 0 &&
          (get_value (row, table, "withdrawn-reason") == NULL || *get_value (row, table, "withdrawn-reason") == '\0' ||
           strspn (get_value (row, table, "withdrawn-reason"), " \t\r\n") == strlen (get_value (row, table, "withdrawn-reason"))))
        set_value (row, table, "withdrawn-reason", g_strdup ("Återtaget vid mötet"));
      return TRUE;

    case SAM_TABLE_ESCALATION:
      set_value (row, table, "reason", random_name (self));
      if (get_value (row, table, "to-group") == NULL && get_value (row, table, "to-other") == NULL)
        set_value (row, table, "to-other", random_name (self));
      if ((get_value (row, table, "answer") == NULL) != (get_value (row, table, "answered") == NULL))
        {
          set_value (row, table, "answer", NULL);
          set_value (row, table, "answered", NULL);
        }
      return TRUE;

    case SAM_TABLE_ORGANISATION:
    case SAM_TABLE_PERSON:
    default:
      return TRUE;
    }
}

/* Points the optional references to later tables (the decision a
 * follow-up item reports on) at rows of those tables, now that they have
 * some: about half of them, at random. */
static void
link_forward (SamTestRegister *self)
{
  for (SamTable t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);

      for (guint c = 0; c < info->n_columns; c++)
        {
          const SamColumn *column = &info->columns[c];

          if (column->type != SAM_COLUMN_REF || column->ref_table <= t)
            continue;
          g_assert_false (column->required);
          for (guint r = 0; r < self->rows[t]->len; r++)
            {
              Row *row = g_ptr_array_index (self->rows[t], r);

              if (coin (self))
                row->values[c] = g_strdup (pick_row (self, column->ref_table));
            }
        }
    }
}

static guint
table_count (const SamTestRegisterSize *size,
             SamTable                   table)
{
  const guint counts[SAM_N_TABLES] = {
    size->organisations, size->people, size->groups, size->relations, size->commissions,
    size->seats, size->assignments, size->meetings, size->participations, size->agenda_items,
    size->attendances, size->decisions, size->escalations,
  };

  return counts[table];
}

/* Whether every required reference of @table has a row to point at. */
static gboolean
can_refer (SamTestRegister *self,
           SamTable         table)
{
  const SamTableInfo *info = sam_schema_table (table);

  for (guint i = 0; i < info->n_columns; i++)
    if (info->columns[i].type == SAM_COLUMN_REF && info->columns[i].required
        && self->rows[info->columns[i].ref_table]->len == 0)
      return FALSE;

  return TRUE;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * sam_test_register_new:
 * @rand: the random source, seeded by the caller
 * @size: how many rows of each table
 *
 * Returns: (transfer full): a random register that meets the SQL schema
 */
SamTestRegister *
sam_test_register_new (GRand                     *rand,
                       const SamTestRegisterSize *size)
{
  SamTestRegister *self = g_new0 (SamTestRegister, 1);
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  self->rand = rand;
  self->size = *size;
  self->pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      guint wanted = table_count (size, t);

      self->rows[t] = g_ptr_array_new_with_free_func (row_free);
      if (!can_refer (self, t))
        continue;
      /* Unique pairs may run out in a small register: give up after a while. */
      for (guint tries = 0; self->rows[t]->len < wanted && tries < wanted * 4; tries++)
        {
          Row *row = new_row (self, t);

          if (fix_row (self, t, row))
            g_ptr_array_add (self->rows[t], row);
          else
            row_free (row);
        }
    }

  /* Every awkward character at least once, in an attribute and in a text. */
  if (size->rich && self->rows[SAM_TABLE_GROUP]->len > 0)
    set_value (g_ptr_array_index (self->rows[SAM_TABLE_GROUP], 0), SAM_TABLE_GROUP, "description",
               g_strdup (SPECIAL_TEXT));

  for (guint i = 0; i < size->info; i++)
    g_ptr_array_add (keys, g_strdup_printf ("key-%u-%u", g_rand_int_range (rand, 0, 100), i));
  if (size->rich)
    g_ptr_array_add (keys, g_strdup ("special"));
  g_ptr_array_sort (keys, compare_strings);
  self->info = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < keys->len; i++)
    {
      g_ptr_array_add (self->info, g_strdup (g_ptr_array_index (keys, i)));
      g_ptr_array_add (self->info, strcmp (g_ptr_array_index (keys, i), "special") == 0
                                   ? g_strdup (SPECIAL_TEXT) : random_name (self));
    }
  /* Last, so that the rows and the information drawn before are the same
   * for a seed as they were before forward references existed. */
  link_forward (self);

  /* Only generation uses it; the caller keeps it. */
  self->rand = NULL;

  return self;
}

void
sam_test_register_free (SamTestRegister *self)
{
  for (guint t = 0; t < SAM_N_TABLES; t++)
    g_ptr_array_unref (self->rows[t]);
  g_ptr_array_unref (self->info);
  g_hash_table_unref (self->pairs);
  g_free (self);
}

guint
sam_test_register_n_table_rows (SamTestRegister *self,
                                SamTable         table)
{
  return self->rows[table]->len;
}

guint
sam_test_register_n_rows (SamTestRegister *self)
{
  guint n = 0;

  for (guint t = 0; t < SAM_N_TABLES; t++)
    n += self->rows[t]->len;

  return n;
}

/* A small register of random shape, for the property test. */
void
sam_test_register_small_size (GRand               *rand,
                              SamTestRegisterSize *size)
{
  memset (size, 0, sizeof *size);
  size->organisations = g_rand_int_range (rand, 0, 4);
  size->people = g_rand_int_range (rand, 0, 5);
  size->groups = g_rand_int_range (rand, 0, 5);
  size->relations = g_rand_int_range (rand, 0, 3);
  size->commissions = g_rand_int_range (rand, 0, 3);
  size->seats = g_rand_int_range (rand, 0, 3);
  size->assignments = g_rand_int_range (rand, 0, 5);
  size->meetings = g_rand_int_range (rand, 0, 4);
  size->participations = g_rand_int_range (rand, 0, 4);
  size->agenda_items = g_rand_int_range (rand, 0, 4);
  size->attendances = g_rand_int_range (rand, 0, 4);
  size->decisions = g_rand_int_range (rand, 0, 5);
  size->escalations = g_rand_int_range (rand, 0, 3);
  size->info = g_rand_int_range (rand, 0, 3);
  size->rich = TRUE;
  size->text_length = 3;
}

/* The escaping libxml2's writer does, so the two must agree byte for byte. */
static void
append_escaped (GString    *out,
                const char *value,
                gboolean    attribute)
{
  for (const char *p = value; *p != '\0'; p++)
    switch (*p)
      {
      case '&': g_string_append (out, "&amp;"); break;
      case '<': g_string_append (out, "&lt;"); break;
      case '>': g_string_append (out, "&gt;"); break;
      case '"': g_string_append (out, "&quot;"); break;
      case '\r': g_string_append (out, "&#13;"); break;
      case '\n': g_string_append (out, attribute ? "&#10;" : "\n"); break;
      case '\t': g_string_append (out, attribute ? "&#9;" : "\t"); break;
      default: g_string_append_c (out, *p); break;
      }
}

static int
compare_rows (gconstpointer a,
              gconstpointer b)
{
  const Row *row_a = *(const Row * const *) a;
  const Row *row_b = *(const Row * const *) b;

  return strcmp (row_a->uuid, row_b->uuid);
}

typedef gboolean (*FlushFunc) (GString *out, gpointer data, GError **error);

static gboolean
build_xml (SamTestRegister  *self,
           GString          *out,
           FlushFunc         flush,
           gpointer          data,
           GError          **error)
{
  g_string_append (out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        "<register xmlns=\"" SAM_XML_NAMESPACE "\" version=\"" SAM_XML_VERSION "\">\n");
  for (guint i = 0; i + 1 < self->info->len; i += 2)
    {
      g_string_append (out, "  <info key=\"");
      append_escaped (out, g_ptr_array_index (self->info, i), TRUE);
      g_string_append (out, "\" value=\"");
      append_escaped (out, g_ptr_array_index (self->info, i + 1), TRUE);
      g_string_append (out, "\"/>\n");
    }

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);
      g_autoptr(GPtrArray) sorted = g_ptr_array_copy (self->rows[t], NULL, NULL);

      /* The copy would free the rows with it otherwise. */
      g_ptr_array_set_free_func (sorted, NULL);

      if (sorted->len == 0)
        {
          g_string_append_printf (out, "  <%s/>\n", info->section);
          continue;
        }

      g_ptr_array_sort (sorted, compare_rows);
      g_string_append_printf (out, "  <%s>\n", info->section);
      for (guint r = 0; r < sorted->len; r++)
        {
          Row *row = g_ptr_array_index (sorted, r);
          gboolean has_text = FALSE;

          g_string_append_printf (out, "    <%s id=\"%s\"", info->element, row->uuid);
          for (guint i = 0; i < info->n_columns; i++)
            {
              if (row->values[i] == NULL)
                continue;
              if (info->columns[i].type == SAM_COLUMN_TEXT)
                {
                  has_text = TRUE;
                  continue;
                }
              g_string_append_printf (out, " %s=\"", info->columns[i].xml_name);
              append_escaped (out, row->values[i], TRUE);
              g_string_append_c (out, '"');
            }
          if (!has_text)
            g_string_append (out, "/>\n");
          else
            {
              g_string_append (out, ">\n");
              for (guint i = 0; i < info->n_columns; i++)
                if (row->values[i] != NULL && info->columns[i].type == SAM_COLUMN_TEXT)
                  {
                    g_string_append_printf (out, "      <%s>", info->columns[i].xml_name);
                    append_escaped (out, row->values[i], FALSE);
                    g_string_append_printf (out, "</%s>\n", info->columns[i].xml_name);
                  }
              g_string_append_printf (out, "    </%s>\n", info->element);
            }

          if (flush != NULL && out->len > 1 << 20 && !flush (out, data, error))
            return FALSE;
        }
      g_string_append_printf (out, "  </%s>\n", info->section);
    }
  g_string_append (out, "</register>\n");

  return flush == NULL || flush (out, data, error);
}

/**
 * sam_test_register_to_xml:
 * @self: a register
 * @len: (out) (optional): the length of the text
 *
 * Returns: (transfer full): the register as canonical exchange XML, the
 *   bytes that sam_xml_export() must write for it
 */
char *
sam_test_register_to_xml (SamTestRegister *self,
                          gsize           *len)
{
  GString *out = g_string_new (NULL);

  build_xml (self, out, NULL, NULL, NULL);
  if (len != NULL)
    *len = out->len;

  return g_string_free (out, FALSE);
}

static gboolean
flush_to_stream (GString   *out,
                 gpointer   data,
                 GError   **error)
{
  if (!g_output_stream_write_all (data, out->str, out->len, NULL, NULL, error))
    return FALSE;
  g_string_truncate (out, 0);

  return TRUE;
}

gboolean
sam_test_register_write_xml (SamTestRegister  *self,
                             const char       *path,
                             GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GString) out = g_string_new (NULL);

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  return build_xml (self, out, flush_to_stream, stream, error)
         && g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

static void
append_sql_string (GString    *out,
                   const char *value)
{
  g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '\'')
        g_string_append_c (out, '\'');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '\'');
}

/* Whether @column of @table refers to a table whose rows are written later. */
static gboolean
is_forward (SamTable         table,
            const SamColumn *column)
{
  return column->type == SAM_COLUMN_REF && column->ref_table > table;
}

/**
 * sam_test_register_write_sql:
 * @self: a register
 * @path: the file to write
 * @error: return location for a #GError
 *
 * Writes the rows as INSERT statements in dependency order, in one
 * transaction, with references looked up by UUID as the store does, and
 * ends with a rebuild of the full-text indexes. Run it with the sqlite3
 * shell on a database made from the schema.
 */
gboolean
sam_test_register_write_sql (SamTestRegister  *self,
                             const char       *path,
                             GError          **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) stream = NULL;
  /* The same connection settings as the store's, so the shell is a fair
   * reference for the import. */
  g_autoptr(GString) out = g_string_new ("PRAGMA foreign_keys = ON;\n"
                                         "PRAGMA journal_mode = WAL;\n"
                                         "PRAGMA synchronous = NORMAL;\n"
                                         "PRAGMA cache_size = -16384;\n"
                                         "BEGIN;\n");

  stream = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, error);
  if (stream == NULL)
    return FALSE;

  for (guint i = 0; i + 1 < self->info->len; i += 2)
    {
      g_string_append (out, "INSERT INTO register_info (key, value) VALUES (");
      append_sql_string (out, g_ptr_array_index (self->info, i));
      g_string_append (out, ", ");
      append_sql_string (out, g_ptr_array_index (self->info, i + 1));
      g_string_append (out, ");\n");
    }

  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);

      for (guint r = 0; r < self->rows[t]->len; r++)
        {
          Row *row = g_ptr_array_index (self->rows[t], r);

          g_string_append_printf (out, "INSERT INTO %s (uuid", info->sql_name);
          for (guint i = 0; i < info->n_columns; i++)
            if (row->values[i] != NULL && !is_forward (t, &info->columns[i]))
              g_string_append_printf (out, ", %s", info->columns[i].column);
          g_string_append_printf (out, ") VALUES ('%s'", row->uuid);
          for (guint i = 0; i < info->n_columns; i++)
            {
              const SamColumn *column = &info->columns[i];

              if (row->values[i] == NULL || is_forward (t, column))
                continue;
              g_string_append (out, ", ");
              if (column->type == SAM_COLUMN_REF)
                g_string_append_printf (out, "(SELECT id FROM %s WHERE uuid = '%s')",
                                        sam_schema_table (column->ref_table)->sql_name, row->values[i]);
              else if (column->type == SAM_COLUMN_INT)
                g_string_append (out, row->values[i]);
              else
                append_sql_string (out, row->values[i]);
            }
          g_string_append (out, ");\n");

          if (out->len > 1 << 20 && !flush_to_stream (out, stream, error))
            return FALSE;
        }
    }

  /* References to later tables, once their rows are in. */
  for (guint t = 0; t < SAM_N_TABLES; t++)
    {
      const SamTableInfo *info = sam_schema_table (t);

      for (guint r = 0; r < self->rows[t]->len; r++)
        {
          Row *row = g_ptr_array_index (self->rows[t], r);

          for (guint i = 0; i < info->n_columns; i++)
            if (row->values[i] != NULL && is_forward (t, &info->columns[i]))
              g_string_append_printf (out, "UPDATE %s SET %s = (SELECT id FROM %s WHERE uuid = '%s') WHERE uuid = '%s';\n",
                                      info->sql_name, info->columns[i].column,
                                      sam_schema_table (info->columns[i].ref_table)->sql_name,
                                      row->values[i], row->uuid);
          if (out->len > 1 << 20 && !flush_to_stream (out, stream, error))
            return FALSE;
        }
    }

  g_string_append (out, "COMMIT;\n"
                        "INSERT INTO decision_fts (decision_fts) VALUES ('rebuild');\n"
                        "INSERT INTO decision_trgm (decision_trgm) VALUES ('rebuild');\n"
                        "INSERT INTO meeting_fts (meeting_fts) VALUES ('rebuild');\n"
                        "INSERT INTO agenda_item_fts (agenda_item_fts) VALUES ('rebuild');\n");

  return flush_to_stream (out, stream, error)
         && g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, error);
}

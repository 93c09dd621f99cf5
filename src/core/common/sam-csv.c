/* sam-csv.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-csv.h"

/*
 * CSV files for spreadsheets, such as the decision register and the list
 * of groups. They follow what a Swedish spreadsheet opens without an
 * import dialog: UTF-8 with a byte order mark, semicolons between cells
 * (the comma is the decimal sign), CRLF line ends, quotes around a cell that holds a semicolon, a quote or a
 * line break. A cell that starts with =, +, - or @ (or a tab or carriage
 * return, which some spreadsheets skip before looking) gets an apostrophe
 * in front, so a spreadsheet shows it as text and never runs it as a
 * formula.
 *
 * That guards the start of a cell only where the spreadsheet sees it. One
 * that reads the file with commas or tabs (an English Excel, or a user's
 * choice in an import dialog) starts a cell after every comma or tab in
 * the text, and one that loses track of the quotes, as LibreOffice does
 * then, after every line break: "Budget,=1+2" would give it the formula
 * =1+2 whatever the quoting. So the apostrophe also goes before =, +, -
 * or @ wherever the text has a comma, semicolon, tab or line break in
 * front of them (spaces and a quote between do not count), unless nothing
 * follows before the next break: "Pris 500,-" stays as it is.
 */

static gboolean
is_formula_start (char c)
{
  return c == '=' || c == '+' || c == '-' || c == '@';
}

/* A comma, semicolon, tab or line break: where a spreadsheet that reads
 * the file another way may start a cell. */
static gboolean
is_cell_break (char c)
{
  return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n';
}

/**
 * sam_csv_cell:
 * @text: (nullable): a cell's text
 *
 * Writes one cell the way our CSV files hold it: quoted when it holds
 * a semicolon, a quote, a line break or space at either end (quotes
 * doubled), and with an apostrophe wherever a spreadsheet could take what
 * follows for a formula, reading the file with any separator (see the top
 * of this file).
 *
 * Returns: (transfer full): the cell as it goes in the file
 */
char *
sam_csv_cell (const char *text)
{
  GString *cell;
  gboolean quote;
  gsize length;

  if (text == NULL || *text == '\0')
    return g_strdup ("");

  cell = g_string_new (NULL);
  if (strchr ("=+-@\t\r", text[0]) != NULL)
    g_string_append_c (cell, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      g_string_append_c (cell, *p);
      if (is_cell_break (*p))
        {
          const char *q = p + 1;

          while (*q == ' ' || *q == '"')
            q++;
          if (is_formula_start (*q) && q[1] != '\0' && !is_cell_break (q[1]))
            {
              g_string_append_len (cell, p + 1, q - p - 1);
              g_string_append_c (cell, '\'');
              p = q - 1;
            }
        }
    }

  length = strlen (text);
  quote = strpbrk (cell->str, ";\"\n\r") != NULL || text[0] == ' ' || text[length - 1] == ' ';
  if (!quote)
    return g_string_free (cell, FALSE);

  {
    GString *quoted = g_string_new ("\"");

    for (const char *p = cell->str; *p != '\0'; p++)
      {
        if (*p == '"')
          g_string_append_c (quoted, '"');
        g_string_append_c (quoted, *p);
      }
    g_string_append_c (quoted, '"');
    g_string_free (cell, TRUE);
    return g_string_free (quoted, FALSE);
  }
}

/**
 * sam_csv_new:
 *
 * Starts a CSV file: the byte order mark by which a spreadsheet knows
 * UTF-8, so that å, ä and ö come through.
 *
 * Returns: (transfer full): the file's text so far
 */
GString *
sam_csv_new (void)
{
  return g_string_new ("\xEF\xBB\xBF");
}

/**
 * sam_csv_append_row:
 * @out: the file's text
 * @cells: (array zero-terminated=1): the row's cells
 *
 * Appends one row: the cells as sam_csv_cell() writes them, separated by
 * semicolons, and a CRLF line end.
 */
void
sam_csv_append_row (GString            *out,
                    const char * const *cells)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (cells != NULL);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = sam_csv_cell (cells[i]);

      if (i > 0)
        g_string_append_c (out, ';');
      g_string_append (out, cell);
    }
  g_string_append (out, "\r\n");
}

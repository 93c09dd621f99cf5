/* sam-decision-text.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-decision-text"

#include "config.h"

#include <string.h>

#include "sam-decision-text.h"

/*
 * Text helpers of the decision register: what a correction changed against
 * the decision it supersedes, word by word (a longest common subsequence
 * over words and the spaces between them), and the search matches in a
 * title, marked up for a label.
 */

/* Past this many cells of the LCS table (after the common start and end
 * are cut off), the changed middle is shown as replaced in one piece. */
#define MAX_CELLS (4 * 1024 * 1024)

/**
 * sam_diff_span_free:
 * @span: (nullable): a span
 *
 * Frees @span.
 */
void
sam_diff_span_free (SamDiffSpan *span)
{
  if (span == NULL)
    return;

  g_free (span->text);
  g_free (span);
}

/* Splits @text into words, each with the space after it (and any space
 * before the first word on its own), so the diff anchors on words, never
 * on the blanks between them, and the line breaks still survive. */
static GPtrArray *
tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *start = text;

  if (text == NULL)
    return tokens;

  while (*start != '\0')
    {
      const char *end = start;

      while (*end != '\0' && !g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      while (*end != '\0' && g_unichar_isspace (g_utf8_get_char (end)))
        end = g_utf8_next_char (end);
      g_ptr_array_add (tokens, g_strndup (start, end - start));
      start = end;
    }

  return tokens;
}

/* The length of a token's word, without the space after it. */
static gsize
word_length (const char *token)
{
  const char *end = token + strlen (token);

  while (end > token)
    {
      const char *prev = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (prev)))
        break;
      end = prev;
    }

  return end - token;
}

static gboolean
same_word (const char *a,
           const char *b)
{
  gsize la = word_length (a);

  return la == word_length (b) && strncmp (a, b, la) == 0;
}

static void
add_span (GPtrArray   *spans,
          SamDiffKind  kind,
          const char  *text)
{
  SamDiffSpan *last = spans->len > 0 ? g_ptr_array_index (spans, spans->len - 1) : NULL;

  if (last != NULL && last->kind == kind)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }

  last = g_new0 (SamDiffSpan, 1);
  last->kind = kind;
  last->text = g_strdup (text);
  g_ptr_array_add (spans, last);
}

/* Two tokens with the same word: the word is the same, the space after
 * it may have changed (a word that ended the text now goes on). */
static void
add_same (GPtrArray  *spans,
          const char *a,
          const char *b)
{
  gsize length = word_length (a);
  g_autofree char *word = g_strndup (a, length);

  if (length > 0)
    add_span (spans, SAM_DIFF_SAME, word);
  if (strcmp (a + length, b + length) == 0)
    {
      if (a[length] != '\0')
        add_span (spans, SAM_DIFF_SAME, a + length);
      return;
    }
  if (a[length] != '\0')
    add_span (spans, SAM_DIFF_REMOVED, a + length);
  if (b[length] != '\0')
    add_span (spans, SAM_DIFF_ADDED, b + length);
}

/**
 * sam_word_diff:
 * @old_text: (nullable): the earlier text
 * @new_text: (nullable): the later text
 *
 * Compares two texts word by word (a word with the space after it). Runs of the same kind are merged, so
 * “Rutin för fasta” → “Rutin för preoperativ fasta” gives “Rutin för ”,
 * added “preoperativ ”, “fasta”. Concatenating the same and removed spans
 * gives @old_text back, the same and added spans give @new_text.
 *
 * Returns: (transfer full) (element-type SamDiffSpan): the spans in order
 */
GPtrArray *
sam_word_diff (const char *old_text,
               const char *new_text)
{
  g_autoptr(GPtrArray) a = tokenize (old_text);
  g_autoptr(GPtrArray) b = tokenize (new_text);
  GPtrArray *spans = g_ptr_array_new_with_free_func ((GDestroyNotify) sam_diff_span_free);
  guint prefix = 0, suffix = 0, n, m;

  while (prefix < a->len && prefix < b->len &&
         same_word (g_ptr_array_index (a, prefix), g_ptr_array_index (b, prefix)))
    {
      add_same (spans, g_ptr_array_index (a, prefix), g_ptr_array_index (b, prefix));
      prefix++;
    }
  while (suffix < a->len - prefix && suffix < b->len - prefix &&
         same_word (g_ptr_array_index (a, a->len - 1 - suffix), g_ptr_array_index (b, b->len - 1 - suffix)))
    suffix++;

  n = a->len - prefix - suffix;
  m = b->len - prefix - suffix;

  if ((gsize) (n + 1) * (m + 1) > MAX_CELLS)
    {
      for (guint i = 0; i < n; i++)
        add_span (spans, SAM_DIFF_REMOVED, g_ptr_array_index (a, prefix + i));
      for (guint j = 0; j < m; j++)
        add_span (spans, SAM_DIFF_ADDED, g_ptr_array_index (b, prefix + j));
    }
  else
    {
      /* lcs[i][j]: the longest common subsequence of a[i..] and b[j..] */
      g_autofree guint32 *lcs = g_new0 (guint32, (gsize) (n + 1) * (m + 1));
      guint i = 0, j = 0;

#define LCS(i, j) lcs[(gsize) (i) * (m + 1) + (j)]
      for (guint ii = n; ii-- > 0;)
        for (guint jj = m; jj-- > 0;)
          {
            if (same_word (g_ptr_array_index (a, prefix + ii), g_ptr_array_index (b, prefix + jj)))
              LCS (ii, jj) = LCS (ii + 1, jj + 1) + 1;
            else
              LCS (ii, jj) = MAX (LCS (ii + 1, jj), LCS (ii, jj + 1));
          }

      while (i < n || j < m)
        {
          if (i < n && j < m &&
              same_word (g_ptr_array_index (a, prefix + i), g_ptr_array_index (b, prefix + j)))
            {
              add_same (spans, g_ptr_array_index (a, prefix + i), g_ptr_array_index (b, prefix + j));
              i++;
              j++;
            }
          /* On a tie the removed words come first, as a reader expects. */
          else if (i < n && (j == m || LCS (i + 1, j) >= LCS (i, j + 1)))
            add_span (spans, SAM_DIFF_REMOVED, g_ptr_array_index (a, prefix + i++));
          else
            add_span (spans, SAM_DIFF_ADDED, g_ptr_array_index (b, prefix + j++));
        }
#undef LCS
    }

  for (guint k = 0; k < suffix; k++)
    add_same (spans, g_ptr_array_index (a, a->len - suffix + k), g_ptr_array_index (b, b->len - suffix + k));

  return spans;
}

/**
 * sam_word_diff_markup:
 * @old_text: (nullable): the earlier text
 * @new_text: (nullable): the later text
 * @removed_open: markup opening a removed run, such as “<s>”
 * @removed_close: markup closing it
 * @added_open: markup opening an added run
 * @added_close: markup closing it
 *
 * Returns: (transfer full): Pango markup of sam_word_diff(), the text escaped
 */
char *
sam_word_diff_markup (const char *old_text,
                      const char *new_text,
                      const char *removed_open,
                      const char *removed_close,
                      const char *added_open,
                      const char *added_close)
{
  g_autoptr(GPtrArray) spans = sam_word_diff (old_text, new_text);
  GString *out = g_string_new ("");

  for (guint i = 0; i < spans->len; i++)
    {
      SamDiffSpan *span = g_ptr_array_index (spans, i);
      g_autofree char *escaped = g_markup_escape_text (span->text, -1);

      if (span->kind == SAM_DIFF_REMOVED)
        g_string_append_printf (out, "%s%s%s", removed_open, escaped, removed_close);
      else if (span->kind == SAM_DIFF_ADDED)
        g_string_append_printf (out, "%s%s%s", added_open, escaped, added_close);
      else
        g_string_append (out, escaped);
    }

  return g_string_free (out, FALSE);
}

/* The search terms as lower-case characters: runs of letters and digits,
 * as the full-text search splits them. */
static GPtrArray *
query_terms (const char *query)
{
  GPtrArray *terms = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  GArray *term = NULL;

  for (const char *p = query; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (g_unichar_isalnum (ch))
        {
          if (term == NULL)
            term = g_array_new (FALSE, FALSE, sizeof (gunichar));
          ch = g_unichar_tolower (ch);
          g_array_append_val (term, ch);
        }
      else if (term != NULL)
        {
          g_ptr_array_add (terms, term);
          term = NULL;
        }
    }
  if (term != NULL)
    g_ptr_array_add (terms, term);

  return terms;
}

/* How many characters of the word at @p a term matches as a prefix. */
static guint
match_length (const char *p,
              GPtrArray  *terms)
{
  guint best = 0;

  for (guint t = 0; t < terms->len; t++)
    {
      GArray *term = g_ptr_array_index (terms, t);
      const char *q = p;
      guint k = 0;

      while (k < term->len && *q != '\0' &&
             g_unichar_tolower (g_utf8_get_char (q)) == g_array_index (term, gunichar, k))
        {
          q = g_utf8_next_char (q);
          k++;
        }
      if (k == term->len)
        best = MAX (best, k);
    }

  return best;
}

/**
 * sam_text_highlight_markup:
 * @text: (nullable): a title or text
 * @query: (nullable): what the user searched for
 * @open_tag: markup opening a match, such as “<b>”
 * @close_tag: markup closing a match
 *
 * Marks where the search matches: each word of @text that starts with a
 * word of @query, ignoring case, as the full-text search does (“vård”
 * marks “Vård” in “Vårdförlopp”, not “vard”).
 *
 * Returns: (transfer full): Pango markup with the text escaped
 */
char *
sam_text_highlight_markup (const char *text,
                           const char *query,
                           const char *open_tag,
                           const char *close_tag)
{
  g_autoptr(GPtrArray) terms = query_terms (query);
  GString *out = g_string_new ("");
  gboolean at_word_start = TRUE;
  const char *p = text;

  while (p != NULL && *p != '\0')
    {
      gunichar ch = g_utf8_get_char (p);
      guint length = 0;

      if (at_word_start && g_unichar_isalnum (ch) && terms->len > 0)
        length = match_length (p, terms);

      if (length > 0)
        {
          const char *end = g_utf8_offset_to_pointer (p, length);
          g_autofree char *escaped = g_markup_escape_text (p, end - p);

          g_string_append_printf (out, "%s%s%s", open_tag, escaped, close_tag);
          p = end;
          at_word_start = FALSE;
          continue;
        }

      {
        const char *next = g_utf8_next_char (p);
        g_autofree char *escaped = g_markup_escape_text (p, next - p);

        g_string_append (out, escaped);
        at_word_start = !g_unichar_isalnum (ch);
        p = next;
      }
    }

  return g_string_free (out, FALSE);
}

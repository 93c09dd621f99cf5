/* sam-match.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sam-match.h"

/*
 * The one rule by which a search finds a name, a code or a title in a
 * list: what is typed is found anywhere in the text, not only at its
 * start (“anestesi” in “Samordningsråd anestesi, operation,
 * intensivvård”, “Lindgren” in “Eva Lindgren”, “råd 12” in “Råd 123”),
 * whatever the case and the punctuation, and marks that Swedish does not
 * count as letters of their own are ignored (“Andre” finds “André”). Å, ä
 * and ö are letters of their own, as in the Swedish alphabet: “vard” does
 * not find “vård”. Æ and ø are ä and ö, as Swedish sorts them.
 *
 * A text is folded once (sam_match_fold()) and kept, so that a list of
 * thousands is searched at each key press without folding it again.
 */

struct _SamMatcher
{
  char *needle;  /* what was typed, folded */
};

/* Whether @mark on @base makes one of the Swedish letters å, ä and ö. */
static gboolean
is_swedish_letter (gunichar base,
                   gunichar mark)
{
  return (base == 'a' && (mark == 0x030A || mark == 0x0308)) || (base == 'o' && mark == 0x0308);
}

/**
 * sam_match_fold:
 * @text: (nullable): a name, a code or a title
 *
 * Folds @text for sam_matcher_match(): in lower case, without the marks
 * that Swedish does not count as letters of their own (é is e; å, ä and ö
 * stay), æ and ø as ä and ö, and every run of other characters than
 * letters and digits as one space.
 *
 * Returns: (transfer full): the folded text
 */
char *
sam_match_fold (const char *text)
{
  g_autofree char *lower = NULL;
  g_autofree char *decomposed = NULL;
  GString *folded;
  gboolean space = FALSE;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return g_strdup ("");

  lower = g_utf8_casefold (text, -1);
  decomposed = g_utf8_normalize (lower, -1, G_NORMALIZE_NFD);
  folded = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);
      GUnicodeType type = g_unichar_type (ch);

      if (type == G_UNICODE_NON_SPACING_MARK || type == G_UNICODE_SPACING_MARK || type == G_UNICODE_ENCLOSING_MARK)
        {
          gunichar base = folded->len > 0 ? (guchar) folded->str[folded->len - 1] : 0;

          /* Only ASCII a and o take the marks kept, so the last byte is
           * the base letter. */
          if (is_swedish_letter (base, ch))
            {
              g_string_truncate (folded, folded->len - 1);
              g_string_append (folded, ch == 0x030A ? "å" : base == 'a' ? "ä" : "ö");
            }
          continue;
        }
      if (!g_unichar_isalnum (ch))
        {
          space = folded->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (folded, ' ');
      space = FALSE;
      if (ch == 0x00E6)
        g_string_append (folded, "ä");
      else if (ch == 0x00F8)
        g_string_append (folded, "ö");
      else
        g_string_append_unichar (folded, ch);
    }

  return g_string_free (folded, FALSE);
}

/**
 * sam_matcher_new:
 * @search: (nullable): what a user typed
 *
 * Reads @search as the text to look for, folded as sam_match_fold() folds.
 *
 * Returns: (transfer full) (nullable): a matcher, or %NULL if @search has
 *   no letter or digit, which every text matches
 */
SamMatcher *
sam_matcher_new (const char *search)
{
  g_autofree char *folded = sam_match_fold (search);
  SamMatcher *self;

  if (*folded == '\0')
    return NULL;

  self = g_new0 (SamMatcher, 1);
  self->needle = g_steal_pointer (&folded);

  return self;
}

/**
 * sam_matcher_free:
 * @self: (nullable): a matcher
 *
 * Frees @self.
 */
void
sam_matcher_free (SamMatcher *self)
{
  if (self == NULL)
    return;

  g_free (self->needle);
  g_free (self);
}

/**
 * sam_matcher_match:
 * @self: (nullable): a matcher; %NULL matches every text
 * @folded: a text folded by sam_match_fold()
 *
 * Returns: whether the search is found somewhere in @folded
 */
gboolean
sam_matcher_match (const SamMatcher *self,
                   const char       *folded)
{
  if (self == NULL)
    return TRUE;

  g_return_val_if_fail (folded != NULL, FALSE);

  return strstr (folded, self->needle) != NULL;
}

/**
 * sam_matcher_match_text:
 * @self: (nullable): a matcher; %NULL matches every text
 * @text: (nullable): a text as shown
 *
 * Folds @text and matches it; for a text looked at once. A list folds its
 * texts once and calls sam_matcher_match() instead.
 *
 * Returns: whether the search is found somewhere in @text
 */
gboolean
sam_matcher_match_text (const SamMatcher *self,
                        const char       *text)
{
  g_autofree char *folded = NULL;

  if (self == NULL)
    return TRUE;

  folded = sam_match_fold (text);
  return sam_matcher_match (self, folded);
}

/**
 * sam_matcher_is_whole:
 * @self: (nullable): a matcher
 * @folded: a text folded by sam_match_fold(), such as a group's code
 *
 * Returns: whether the search is @folded itself (“aoi” for the code
 *   “AOI”), not only found in it
 */
gboolean
sam_matcher_is_whole (const SamMatcher *self,
                      const char       *folded)
{
  return self != NULL && folded != NULL && strcmp (self->needle, folded) == 0;
}

/**
 * sam_matcher_is_narrower:
 * @self: (nullable): a matcher
 * @than: (nullable): the matcher of an earlier search
 *
 * Whether every text that @self matches is matched by @than too, as when
 * the user types on: then only what @than found needs looking at again.
 *
 * Returns: whether @self finds no text that @than does not
 */
gboolean
sam_matcher_is_narrower (const SamMatcher *self,
                         const SamMatcher *than)
{
  if (than == NULL)
    return TRUE;
  if (self == NULL)
    return FALSE;

  return strstr (self->needle, than->needle) != NULL;
}

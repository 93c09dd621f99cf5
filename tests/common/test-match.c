/* test-match.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include <glib.h>

#include "sam-match.h"

/*
 * The one search rule of every list and picker (sam-match.c): a table of
 * what the demo register's users type and what it must and must not find,
 * then properties over random Swedish texts.
 */

static const struct
{
  const char *search;
  const char *text;
  gboolean    found;
} cases[] = {
  /* Words anywhere, in any case, codes as words. */
  { "AOI", "Samordningsråd anestesi, operation, intensivvård\nAOI", TRUE },
  { "aoi", "AOI-OP", TRUE },
  { "anestesi", "Samordningsråd anestesi, operation, intensivvård", TRUE },
  { "ANESTESI", "Samordningsråd anestesi, operation, intensivvård", TRUE },
  { "Lindgren", "Eva Lindgren", TRUE },
  { "eva lindgren", "Eva Lindgren", TRUE },
  { "lindgren eva", "Eva Lindgren", FALSE },
  { "råd 12", "Råd 123\nG123", TRUE },
  { "råd 12", "Råd 312\nG312", FALSE },
  { "eva lindgren", "Eva Lindberg", FALSE },
  { "eva, lindgren", "Eva – Lindgren", TRUE },
  { "ntensiv", "intensivvård", TRUE },
  { "kapacitet", "Undergrupp operationskapacitet", TRUE },
  { "  processteam   ", "Regionalt processteam höftartros", TRUE },
  { "process-team", "Regionalt processteam", FALSE },
  { "regionalt-processteam", "Regionalt processteam", TRUE },
  /* Å, ä and ö are letters of their own. */
  { "vård", "Vårdförlopp", TRUE },
  { "VÅRD", "vårdförlopp", TRUE },
  { "vard", "Vårdförlopp", FALSE },
  { "vård", "Varde", FALSE },
  { "ogon", "Ögonsjukvård", FALSE },
  { "ögon", "ÖGONSJUKVÅRD", TRUE },
  { "halsa", "hälsa", FALSE },
  { "hälsa", "halsa", FALSE },
  { "hälsa", "Hälso- och sjukvård", FALSE },
  { "häls", "Hälso- och sjukvård", TRUE },
  /* Other marks are not letters in Swedish; æ and ø are ä and ö. */
  { "andre", "André Berg", TRUE },
  { "andré", "Andre Berg", TRUE },
  { "muller", "Müller", TRUE },
  { "sorensen", "Sørensen", FALSE },
  { "sörensen", "Sørensen", TRUE },
  { "bjärnsen", "Bjærnsen", TRUE },
  /* A decomposed å (a and a ring) is å. */
  { "vård", "va\xcc\x8ard", TRUE },
  { "vard", "va\xcc\x8ard", FALSE },
  /* Nothing typed finds everything; punctuation alone is nothing typed. */
  { "", "Eva", TRUE },
  { " ,.- ", "Eva", TRUE },
  { "x", "", FALSE },
};

static void
test_table (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(SamMatcher) matcher = sam_matcher_new (cases[i].search);
      g_autofree char *folded = sam_match_fold (cases[i].text);

      if (sam_matcher_match (matcher, folded) != cases[i].found)
        g_error ("“%s” in “%s”: %s expected", cases[i].search, cases[i].text, cases[i].found ? "found" : "not found");
      g_assert_true (sam_matcher_match_text (matcher, cases[i].text) == cases[i].found);
    }
}

static void
test_whole (void)
{
  g_autoptr(SamMatcher) aoi = sam_matcher_new (" Aoi ");
  g_autoptr(SamMatcher) ao = sam_matcher_new ("ao");
  g_autofree char *code = sam_match_fold ("AOI");
  g_autofree char *sub = sam_match_fold ("AOI-OP");

  g_assert_true (sam_matcher_is_whole (aoi, code));
  g_assert_false (sam_matcher_is_whole (aoi, sub));
  g_assert_false (sam_matcher_is_whole (ao, code));
  g_assert_false (sam_matcher_is_whole (NULL, code));
}

static char *
random_text (GRand *rand)
{
  static const char *pieces[] = {
    "vård", "Vård", "VARD", "å", "ä", "ö", "Å", "Ä", "Ö", "a", "o", "e", "é", "ü", "ø", "æ", "-", " ", ",", "AOI",
    "ka", "pa", "ci", "tet", "Lind", "gren", "ß", "1", "2026", ":", "7", "\xcc\x8a", "ﬁ",
  };
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, 0, 12);

  for (guint i = 0; i < n; i++)
    g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);

  return g_string_free (text, FALSE);
}

/* Over random texts: folding twice is folding once; a text finds itself
 * and every piece of itself; a longer search finds no more than a
 * shorter one it contains; and a search with å made a finds no text
 * without an a. */
static void
test_properties (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (2026);

  for (guint round = 0; round < 20000; round++)
    {
      g_autofree char *text = random_text (rand);
      g_autofree char *folded = sam_match_fold (text);
      g_autofree char *again = sam_match_fold (folded);
      g_autoptr(SamMatcher) itself = sam_matcher_new (text);
      glong length = g_utf8_strlen (folded, -1);

      g_assert_true (g_utf8_validate (folded, -1, NULL));
      g_assert_cmpstr (folded, ==, again);
      g_assert_true (sam_matcher_match (itself, folded));

      if (length > 0)
        {
          glong start = g_rand_int_range (rand, 0, length);
          glong end = g_rand_int_range (rand, start, length) + 1;
          g_autofree char *piece = g_utf8_substring (folded, start, end);
          g_autoptr(SamMatcher) part = sam_matcher_new (piece);
          g_autofree char *longer = g_strconcat (piece, "x", NULL);
          g_autoptr(SamMatcher) more = sam_matcher_new (longer);

          g_assert_true (sam_matcher_match (part, folded));
          g_assert_true (sam_matcher_is_narrower (more, part));
          if (sam_matcher_match (more, folded))
            g_assert_true (sam_matcher_match (part, folded));

          /* Å, ä and ö are not a and o. */
          if (strstr (piece, "å") != NULL && strchr (folded, 'a') == NULL)
            {
              g_autoptr(GString) swapped = g_string_new (piece);
              g_autoptr(SamMatcher) without = NULL;

              g_string_replace (swapped, "å", "a", 0);
              without = sam_matcher_new (swapped->str);
              g_assert_false (sam_matcher_match (without, folded));
            }
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/match/table", test_table);
  g_test_add_func ("/match/whole", test_whole);
  g_test_add_func ("/match/properties", test_properties);

  return g_test_run ();
}

/* test-decision-text.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What a correction changed, word by word, and the search matches marked
 * in a title.
 */

#include "config.h"

#include "sam-decision-text.h"

static char *
join (GPtrArray   *spans,
      SamDiffKind  skip)
{
  GString *out = g_string_new ("");

  for (guint i = 0; i < spans->len; i++)
    {
      SamDiffSpan *span = g_ptr_array_index (spans, i);

      if (span->kind != skip)
        g_string_append (out, span->text);
    }

  return g_string_free (out, FALSE);
}

static void
test_diff_cases (void)
{
  static const struct { const char *old, *new, *markup; } cases[] = {
    { "Rutin för fasta", "Rutin för preoperativ fasta", "Rutin för [+preoperativ +]fasta" },
    { "Fasta från midnatt.", "Fasta sex timmar före.", "Fasta [-från midnatt.-][+sex timmar före.+]" },
    { "a b c", "a b c", "a b c" },
    { "", "Ny text", "[+Ny text+]" },
    { "Gammal text", NULL, "[-Gammal text-]" },
    { "Två\nrader", "Två\nrader till", "Två\nrader[+ till+]" },
    { "x <b> & y", "x <b> & z", "x &lt;b&gt; &amp; [-y-][+z+]" },
    { "ett två tre fyra", "ett tre två fyra", "ett [-två -]tre [+två +]fyra" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GPtrArray) spans = sam_word_diff (cases[i].old, cases[i].new);
      g_autofree char *markup = sam_word_diff_markup (cases[i].old, cases[i].new, "[-", "-]", "[+", "+]");
      g_autofree char *old_again = join (spans, SAM_DIFF_ADDED);
      g_autofree char *new_again = join (spans, SAM_DIFF_REMOVED);

      g_test_message ("%s", markup);
      g_assert_cmpstr (markup, ==, cases[i].markup);
      g_assert_cmpstr (old_again, ==, cases[i].old != NULL ? cases[i].old : "");
      g_assert_cmpstr (new_again, ==, cases[i].new != NULL ? cases[i].new : "");
      /* Runs of one kind are merged. */
      for (guint k = 1; k < spans->len; k++)
        g_assert_cmpint (((SamDiffSpan *) g_ptr_array_index (spans, k))->kind, !=,
                         ((SamDiffSpan *) g_ptr_array_index (spans, k - 1))->kind);
    }
}

/* A long text still gives a diff that rebuilds both sides. */
static void
test_diff_long (void)
{
  g_autoptr(GString) a = g_string_new ("");
  g_autoptr(GString) b = g_string_new ("");
  g_autoptr(GPtrArray) spans = NULL;
  g_autofree char *old_again = NULL;
  g_autofree char *new_again = NULL;

  for (guint i = 0; i < 3000; i++)
    {
      g_string_append_printf (a, "ord%u ", i % 97);
      g_string_append_printf (b, "ord%u ", (i * 7) % 89);
    }
  spans = sam_word_diff (a->str, b->str);
  old_again = join (spans, SAM_DIFF_ADDED);
  new_again = join (spans, SAM_DIFF_REMOVED);
  g_assert_cmpstr (old_again, ==, a->str);
  g_assert_cmpstr (new_again, ==, b->str);
}

static void
test_highlight (void)
{
  static const struct { const char *text, *query, *markup; } cases[] = {
    { "Vårdförlopp för höftledsartros", "vård", "[Vård]förlopp för höftledsartros" },
    { "Vårdförlopp för höftledsartros", "vard", "Vårdförlopp för höftledsartros" },
    { "Åtgärder för ÖGON", "åtg ögon", "[Åtg]ärder för [ÖGON]" },
    { "Strykningar & stöd", "st", "[St]rykningar &amp; [st]öd" },
    { "Mellan operationer", "ope", "Mellan [ope]rationer" },
    { "Inget", NULL, "Inget" },
    { "Inget", "\"*", "Inget" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *markup = sam_text_highlight_markup (cases[i].text, cases[i].query, "[", "]");

      g_assert_cmpstr (markup, ==, cases[i].markup);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/decision-text/diff/cases", test_diff_cases);
  g_test_add_func ("/decision-text/diff/long", test_diff_long);
  g_test_add_func ("/decision-text/highlight", test_highlight);

  return g_test_run ();
}

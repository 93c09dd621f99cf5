/* sam-store-decisions.c
 *
 * Copyright 2026 The Samordna authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sam-store"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "sam-store-decisions-private.h"

/*
 * The decision register beyond the generic editing API. The lazy list asks
 * for a count and then for pages, so every query here is bounded by LIMIT
 * or by one decision; the WHERE clause is assembled from a fixed set of
 * fragments (one per filter that is set) with named parameters, so SQLite
 * sees no condition that is always true and keeps using the indexes.
 *
 * Two things keep a register of 100 000 decisions instant. Text columns
 * sort by their stored ICU sort keys (schema version 4), which ordinary
 * indexes order, instead of by the "sv" collation row by row. A search
 * first collects the matching row ids from the full-text index into a
 * SamDecisionMatches bit set, which knows their number at once; a page
 * then walks the index of the chosen order and keeps the rows in the set,
 * so the newest 50 of 25 000 matches cost some hundred index steps rather
 * than a lookup and a sort of all 25 000.
 *
 * What a user types is read as a decision number ("AOI 2026:7", or
 * "2026:7" in every group) and words. Words of three letters or more are
 * found anywhere in a word, in the trigram index (schema version 9), so
 * "kapacitet" finds "operationskapaciteten"; shorter ones, which have no
 * trigram, are found as the start of a word in the word index.
 */

#define MATCHES_POINTER_TYPE "sam-decision-matches"

/* Relevance (bm25) costs about 1.5 µs per matching decision; broader
 * searches come newest first, so that typing stays instant. */
#define RANK_LIMIT 5000

struct _SamDecisionMatches
{
  guint8 *bits;    /* bit i: decision i matches */
  gint64  n_bits;  /* the largest row id + 1 when the set was made */
  guint   count;
};

/* A search as the store runs it (see parse_search ()). */
typedef struct
{
  char *words;      /* word index: the words shorter than a trigram, as prefixes */
  char *trigrams;   /* trigram index: the longer words, anywhere in a word */
  char *code;       /* the group code before a decision number, or NULL */
  char *code_upper; /* the same in capitals, as codes are mostly written */
  int   year;       /* a decision number's year, or 0 */
  int   serial;
} DecisionSearch;

static void
decision_search_free (DecisionSearch *search)
{
  if (search == NULL)
    return;

  g_free (search->words);
  g_free (search->trigrams);
  g_free (search->code);
  g_free (search->code_upper);
  g_free (search);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DecisionSearch, decision_search_free)

/* Adds one word of @text to the query of its index. */
static void
add_search_word (GString    *words,
                 GString    *trigrams,
                 const char *word,
                 gsize       length)
{
  /* The trigram index knows nothing shorter than three characters. */
  GString *query = g_utf8_strlen (word, length) >= 3 ? trigrams : words;

  g_string_append (query, query->len > 0 ? " \"" : "\"");
  g_string_append_len (query, word, length);
  g_string_append (query, query == words ? "\"*" : "\"");
}

/* Reads what a user typed as a search: a decision number, with or without
 * the code of its group before it, and the words to look for in the title
 * and text. Only letters and digits are kept of the words, so that no
 * query can be a syntax error.
 *
 * Returns: (nullable): the search, or %NULL if @text has nothing to look for */
static DecisionSearch *
parse_search (const char *text)
{
  static GRegex *number_regex;
  g_autoptr(DecisionSearch) search = g_new0 (DecisionSearch, 1);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GString) words = g_string_new (NULL);
  g_autoptr(GString) trigrams = g_string_new (NULL);
  g_autofree char *rest = NULL;
  const char *word = NULL;

  if (text == NULL || !g_utf8_validate (text, -1, NULL))
    return NULL;

  if (g_once_init_enter (&number_regex))
    g_once_init_leave (&number_regex,
                       g_regex_new ("(?<![\\w:-])(?:([\\w][\\w-]*)\\s+)?(\\d{4}):(\\d{1,9})(?![\\w:])",
                                    G_REGEX_OPTIMIZE, 0, NULL));

  if (g_regex_match (number_regex, text, 0, &match))
    {
      g_autofree char *code = g_match_info_fetch (match, 1);
      g_autofree char *year = g_match_info_fetch (match, 2);
      g_autofree char *serial = g_match_info_fetch (match, 3);
      int start, end;

      search->year = atoi (year);
      search->serial = atoi (serial);
      if (code != NULL && *code != '\0')
        {
          search->code_upper = g_utf8_strup (code, -1);
          search->code = g_steal_pointer (&code);
        }
      g_match_info_fetch_pos (match, 0, &start, &end);
      rest = g_strdup_printf ("%.*s %s", start, text, text + end);
      text = rest;
    }

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      if (ch != 0 && g_unichar_isalnum (ch))
        {
          if (word == NULL)
            word = p;
          continue;
        }
      if (word != NULL)
        add_search_word (words, trigrams, word, p - word);
      word = NULL;
      if (ch == 0)
        break;
    }

  if (words->len > 0)
    search->words = g_string_free (g_steal_pointer (&words), FALSE);
  if (trigrams->len > 0)
    search->trigrams = g_string_free (g_steal_pointer (&trigrams), FALSE);
  if (search->words == NULL && search->trigrams == NULL && search->year == 0)
    return NULL;

  return g_steal_pointer (&search);
}

/* The full-text index that ranks @search, or %NULL if it has no words. */
static const char *
rank_table (const DecisionSearch *search)
{
  if (search->trigrams != NULL)
    return "decision_trgm";
  if (search->words != NULL)
    return "decision_fts";
  return NULL;
}

/* Whether @search has more than one part, so that the rank's index alone
 * does not select its matches. */
static gboolean
search_has_parts (const DecisionSearch *search)
{
  return (search->words != NULL) + (search->trigrams != NULL) + (search->year != 0) > 1;
}

/* Appends a query of the row ids that @search matches: the rows of its
 * first part, each tested against the others. */
static void
append_search_ids (GString              *sql,
                   const DecisionSearch *search)
{
  const char *id = NULL;

#define PART(column, from, where) G_STMT_START { \
    if (id == NULL) \
      g_string_append_printf (sql, "SELECT %s AS id FROM %s WHERE %s", column, from, where); \
    else \
      g_string_append_printf (sql, " AND %s IN (SELECT %s FROM %s WHERE %s)", id, column, from, where); \
    if (id == NULL) \
      id = column; \
  } G_STMT_END

  /* A number is one row per group, looked up in each group's index; the
   * CROSS JOIN keeps SQLite from reading the whole year instead. */
  if (search->year != 0 && search->code != NULL)
    PART ("d.id", "grp g CROSS JOIN decision d ON d.group_id = g.id",
          "g.code IN (:code, :code_upper) COLLATE NOCASE AND d.year = :number_year AND d.serial = :number_serial");
  else if (search->year != 0)
    PART ("d.id", "grp g CROSS JOIN decision d ON d.group_id = g.id",
          "d.year = :number_year AND d.serial = :number_serial");
  if (search->trigrams != NULL)
    PART ("rowid", "decision_trgm", "decision_trgm MATCH :trigrams");
  if (search->words != NULL)
    PART ("rowid", "decision_fts", "decision_fts MATCH :words");

#undef PART
}

static void bind_named_text (sqlite3_stmt *stmt,
                             const char   *name,
                             const char   *value);
static void bind_named_int  (sqlite3_stmt *stmt,
                             const char   *name,
                             gint64        value);

static void
bind_search (sqlite3_stmt         *stmt,
             const DecisionSearch *search)
{
  if (search == NULL)
    return;

  bind_named_text (stmt, ":words", search->words);
  bind_named_text (stmt, ":trigrams", search->trigrams);
  bind_named_text (stmt, ":code", search->code);
  bind_named_text (stmt, ":code_upper", search->code_upper);
  bind_named_int (stmt, ":number_year", search->year);
  bind_named_int (stmt, ":number_serial", search->serial);
}

/* Filters */

/**
 * sam_decision_filter_init:
 * @filter: a filter to initialise
 *
 * Sets @filter to match every decision.
 */
void
sam_decision_filter_init (SamDecisionFilter *filter)
{
  memset (filter, 0, sizeof *filter);
  filter->status = -1;
  filter->mandate = -1;
}

/**
 * sam_decision_filter_clear:
 * @filter: a filter
 *
 * Frees the strings of @filter and initialises it again.
 */
void
sam_decision_filter_clear (SamDecisionFilter *filter)
{
  g_free (filter->group_uuid);
  g_free (filter->search);
  sam_decision_filter_init (filter);
}

/**
 * sam_decision_filter_copy:
 * @dest: an initialised filter, which is overwritten
 * @src: the filter to copy
 *
 * Copies @src into @dest, strings included.
 */
void
sam_decision_filter_copy (SamDecisionFilter       *dest,
                          const SamDecisionFilter *src)
{
  if (dest == src)
    return;

  sam_decision_filter_clear (dest);
  *dest = *src;
  dest->group_uuid = g_strdup (src->group_uuid);
  dest->search = g_strdup (src->search);
}

/**
 * sam_decision_filter_equal:
 * @a: a filter
 * @b: another filter
 *
 * Returns: whether @a and @b select the same decisions
 */
gboolean
sam_decision_filter_equal (const SamDecisionFilter *a,
                           const SamDecisionFilter *b)
{
  return g_strcmp0 (a->group_uuid, b->group_uuid) == 0 && a->year == b->year &&
         a->status == b->status && a->mandate == b->mandate && g_strcmp0 (a->search, b->search) == 0;
}

/**
 * sam_escalation_free:
 * @escalation: (nullable): an escalation
 *
 * Frees @escalation.
 */
void
sam_escalation_free (SamEscalation *escalation)
{
  if (escalation == NULL)
    return;

  g_free (escalation->uuid);
  g_free (escalation->decision_uuid);
  g_free (escalation->to_group_uuid);
  g_free (escalation->to_group_name);
  g_free (escalation->to_other);
  g_free (escalation->reason);
  g_free (escalation->escalated);
  g_free (escalation->answer);
  g_free (escalation->answered);
  g_free (escalation->decision_number);
  g_free (escalation->decision_title);
  g_free (escalation);
}

/**
 * sam_decision_event_free:
 * @event: (nullable): an event
 *
 * Frees @event.
 */
void
sam_decision_event_free (SamDecisionEvent *event)
{
  if (event == NULL)
    return;

  g_free (event->at);
  g_free (event->who);
  g_free (event->entity);
  g_free (event->action);
  g_free (event->status_before);
  g_free (event->status_after);
  g_free (event->note);
  g_free (event);
}

/* Helpers */

/* How a search takes part in a query. */
typedef enum
{
  SEARCH_NONE,
  SEARCH_JOINED,  /* the search's full-text index is joined, for its rank */
  SEARCH_IN,      /* the matching row ids, read again from the index */
  SEARCH_SET,     /* a test against the bound SamDecisionMatches */
} SearchMode;

/* Appends the WHERE clause of @filter. */
static void
append_where (GString                 *sql,
              const SamDecisionFilter *filter,
              const DecisionSearch    *parsed,
              SearchMode               search)
{
  gboolean first = TRUE;

#define AND(fragment) G_STMT_START { \
    g_string_append (sql, first ? " WHERE " : " AND "); \
    g_string_append (sql, fragment); \
    first = FALSE; \
  } G_STMT_END

  if (filter->group_uuid != NULL)
    AND ("t.group_id = (SELECT id FROM grp WHERE uuid = :group)");
  if (filter->year > 0)
    AND ("t.year = :year");
  if (filter->status >= 0)
    AND ("t.status = :status");
  if (filter->mandate >= 0)
    AND ("t.mandate = :mandate");
  if (search == SEARCH_JOINED)
    {
      /* The rank's index finds its part; the set holds the whole search. */
      g_string_append_printf (sql, first ? " WHERE %s MATCH %s" : " AND %s MATCH %s", rank_table (parsed),
                              parsed->trigrams != NULL ? ":trigrams" : ":words");
      first = FALSE;
      if (search_has_parts (parsed))
        AND ("sam_decision_match (t.id, :matches)");
    }
  else if (search == SEARCH_IN)
    {
      AND ("t.id IN (");
      append_search_ids (sql, parsed);
      g_string_append (sql, ")");
    }
  else if (search == SEARCH_SET)
    AND ("sam_decision_match (t.id, :matches)");

#undef AND
}

static void
bind_named_text (sqlite3_stmt *stmt,
                 const char   *name,
                 const char   *value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_text (stmt, index, value, -1, SQLITE_TRANSIENT);
}

static void
bind_named_int (sqlite3_stmt *stmt,
                const char   *name,
                gint64        value)
{
  int index = sqlite3_bind_parameter_index (stmt, name);

  if (index > 0)
    sqlite3_bind_int64 (stmt, index, value);
}

static void
bind_filter (sqlite3_stmt             *stmt,
             const SamDecisionFilter  *filter,
             const DecisionSearch     *parsed,
             const SamDecisionMatches *matches)
{
  int index;

  bind_named_text (stmt, ":group", filter->group_uuid);
  bind_named_int (stmt, ":year", filter->year);
  if (filter->status >= 0)
    bind_named_text (stmt, ":status", sam_enum_get_nick (SAM_TYPE_DECISION_STATUS, filter->status));
  if (filter->mandate >= 0)
    bind_named_text (stmt, ":mandate", sam_enum_get_nick (SAM_TYPE_MANDATE, filter->mandate));
  bind_search (stmt, parsed);
  if ((index = sqlite3_bind_parameter_index (stmt, ":matches")) > 0)
    sqlite3_bind_pointer (stmt, index, (void *) matches, MATCHES_POINTER_TYPE, NULL);
}

static gboolean
is_searching (const SamDecisionFilter *filter)
{
  return filter->search != NULL && *filter->search != '\0';
}

static gboolean
has_column_filters (const SamDecisionFilter *filter)
{
  return filter->group_uuid != NULL || filter->year > 0 || filter->status >= 0 || filter->mandate >= 0;
}

/* Sort keys and search matches */

static void
decision_match_func (sqlite3_context  *context,
                     int               argc,
                     sqlite3_value   **argv)
{
  const SamDecisionMatches *matches = sqlite3_value_pointer (argv[1], MATCHES_POINTER_TYPE);
  gint64 id = sqlite3_value_int64 (argv[0]);

  sqlite3_result_int (context,
                      matches != NULL && id >= 0 && id < matches->n_bits &&
                      (matches->bits[id >> 3] & (1u << (id & 7))) != 0);
}

/* Marks a matching row in the bound set from inside the full-text query,
 * which is several times faster than stepping out to C for every row. */
static void
decision_mark_func (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  SamDecisionMatches *matches = sqlite3_value_pointer (argv[1], MATCHES_POINTER_TYPE);
  gint64 id = sqlite3_value_int64 (argv[0]);

  if (matches != NULL && id >= 0 && id < matches->n_bits && (matches->bits[id >> 3] & (1u << (id & 7))) == 0)
    {
      matches->bits[id >> 3] |= 1u << (id & 7);
      matches->count++;
    }
  sqlite3_result_null (context);
}

/* The connection's functions for searches, defined the first time a
 * search needs them: sam_decision_match (id, matches), a test against a
 * bound SamDecisionMatches, and sam_decision_mark (id, matches), which
 * adds to one. */
static gboolean
add_match_functions (SamStore  *self,
                     GError   **error)
{
  int rc;

  rc = sqlite3_create_function_v2 (self->db, "sam_decision_match", 2, SQLITE_UTF8 | SQLITE_INNOCUOUS,
                                   NULL, decision_match_func, NULL, NULL, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2 (self->db, "sam_decision_mark", 2, SQLITE_UTF8 | SQLITE_DIRECTONLY,
                                     NULL, decision_mark_func, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _sam_store_set_error (self, error, rc, _("The register could not be read"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
ensure_match_functions (SamStore  *self,
                        GError   **error)
{
  return _sam_store_ensure_functions (self, "decision-matches", add_match_functions, error);
}

/**
 * sam_decision_matches_free:
 * @matches: (nullable): a set of matching decisions
 *
 * Frees @matches.
 */
void
sam_decision_matches_free (SamDecisionMatches *matches)
{
  if (matches == NULL)
    return;

  g_free (matches->bits);
  g_free (matches);
}

/**
 * sam_decision_matches_get_count:
 * @matches: a set of matching decisions
 *
 * Returns: how many decisions match the search
 */
guint
sam_decision_matches_get_count (const SamDecisionMatches *matches)
{
  g_return_val_if_fail (matches != NULL, 0);

  return matches->count;
}

/**
 * sam_store_match_decisions:
 * @self: a #SamStore
 * @search: (nullable): what the user typed
 * @error: return location for a #GError
 *
 * Finds the decisions whose title or text contain every word of @search,
 * as sam_store_count_decision_rows() and sam_store_fetch_decision_rows()
 * do for a filter's search. A word of three letters or more is found
 * anywhere in a word (“kapacitet” in “operationskapacitet”), a shorter one
 * at the start of a word; a decision number in @search (“AOI 2026:7”, or
 * “2026:7” in every group) finds that decision. A list that shows one
 * search reads the matches once and hands them to both; they stay valid
 * until the register changes. Case does not matter; å, ä and ö are letters
 * of their own, not a and o with marks.
 *
 * Returns: (transfer full) (nullable): the matches (none when @search has
 *   no letters or digits), or %NULL on failure
 */
SamDecisionMatches *
sam_store_match_decisions (SamStore    *self,
                           const char  *search,
                           GError     **error)
{
  g_autoptr(SamDecisionMatches) matches = g_new0 (SamDecisionMatches, 1);
  g_autoptr(DecisionSearch) parsed = NULL;
  g_autoptr(GString) sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  if (!ensure_match_functions (self, error))
    return NULL;
  if ((parsed = parse_search (search)) == NULL)
    return g_steal_pointer (&matches);

  if ((stmt = _sam_store_prepare (self, "SELECT coalesce (max (id), 0) + 1 FROM decision", error)) == NULL)
    return NULL;
  if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    matches->n_bits = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc, _("The decision register could not be read"));
      return NULL;
    }
  matches->bits = g_malloc0 ((matches->n_bits + 7) / 8);

  sql = g_string_new ("SELECT count (sam_decision_mark (id, :matches)) FROM (");
  append_search_ids (sql, parsed);
  g_string_append (sql, ")");
  if ((stmt = _sam_store_prepare (self, sql->str, error)) == NULL)
    return NULL;
  bind_search (stmt, parsed);
  sqlite3_bind_pointer (stmt, sqlite3_bind_parameter_index (stmt, ":matches"), matches, MATCHES_POINTER_TYPE, NULL);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc, _("The decision register could not be read"));
      return NULL;
    }

  return g_steal_pointer (&matches);
}

/* Whether a page is cheaper found by walking the order's index and testing
 * each row against the set (about n_bits / count steps per row shown) than
 * by looking up every match and sorting them. */
static gboolean
walk_index (const SamDecisionMatches *matches,
            guint                     rows_needed)
{
  return matches->count > 0 &&
         (double) rows_needed * matches->n_bits / matches->count <= 8.0 * matches->count;
}

/* Queries */

/**
 * sam_store_count_decision_rows:
 * @self: a #SamStore
 * @filter: which decisions
 * @matches: (nullable): the matches of @filter's search from
 *   sam_store_match_decisions(), or %NULL to find them here
 * @n_rows: (out): the number of decisions @filter selects
 * @error: return location for a #GError
 *
 * Counts the decisions that sam_store_fetch_decision_rows() pages through.
 * A search alone is counted by its matches, without a query.
 *
 * Returns: whether the register could be read
 */
gboolean
sam_store_count_decision_rows (SamStore                  *self,
                               const SamDecisionFilter   *filter,
                               const SamDecisionMatches  *matches,
                               guint                     *n_rows,
                               GError                   **error)
{
  g_autoptr(SamDecisionMatches) own_matches = NULL;
  g_autoptr(GString) sql = g_string_new ("SELECT count (*) FROM decision t");
  gboolean searching;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);
  g_return_val_if_fail (n_rows != NULL, FALSE);

  *n_rows = 0;
  if (!ensure_match_functions (self, error))
    return FALSE;
  searching = is_searching (filter);
  if (searching && matches == NULL)
    {
      if ((own_matches = sam_store_match_decisions (self, filter->search, error)) == NULL)
        return FALSE;
      matches = own_matches;
    }
  if (searching && (matches->count == 0 || !has_column_filters (filter)))
    {
      *n_rows = matches->count;
      return TRUE;
    }

  /* The other filters pick their rows by index; each is then tested. */
  append_where (sql, filter, NULL, searching ? SEARCH_SET : SEARCH_NONE);
  if ((stmt = _sam_store_prepare (self, sql->str, error)) == NULL)
    return FALSE;

  bind_filter (stmt, filter, NULL, matches);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n_rows = (guint) sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_ROW)
    {
      _sam_store_set_error (self, error, rc, _("The decision register could not be read"));
      return FALSE;
    }

  return TRUE;
}

/* The ORDER BY terms of each sort, most significant first; r0 is the
 * decision's group in the table's generic SELECT. Text sorts by its
 * Swedish sort keys, which compare bytewise as the "sv" collation compares
 * the text and which the title and responsible indexes order. A group's
 * id follows its code's key, as in the grp_code_key index, and the row id
 * breaks ties, so pages never overlap. */
static const char * const sort_terms[][5] = {
  [SAM_DECISION_SORT_DATE] = { "t.decided", NULL },
  [SAM_DECISION_SORT_NUMBER] = { "t.year", "r0.code_key", "r0.id", "t.serial", NULL },
  [SAM_DECISION_SORT_GROUP] = { "r0.code_key", "r0.id", "t.year", "t.serial", NULL },
  [SAM_DECISION_SORT_TITLE] = { "t.title_key", NULL },
  [SAM_DECISION_SORT_MANDATE] = { "t.mandate", NULL },
  [SAM_DECISION_SORT_STATUS] = { "t.status", NULL },
  [SAM_DECISION_SORT_RESPONSIBLE] = { "t.responsible_key", NULL },
  [SAM_DECISION_SORT_FOLLOW_UP] = { "t.follow_up", NULL },
  [SAM_DECISION_SORT_RANK] = { "decision_fts.rank", NULL },
};

/* Appends the ORDER BY of @sort, with the row id breaking ties. */
/* The @i-th ORDER BY term of @sort; the rank is the rank of the index
 * that @parsed's search joins. */
static const char *
sort_term (SamDecisionSort       sort,
           guint                 i,
           const DecisionSearch *parsed)
{
  if (sort == SAM_DECISION_SORT_RANK && parsed != NULL && parsed->trigrams != NULL)
    return "decision_trgm.rank";

  return sort_terms[sort][i];
}

static void
append_order (GString              *sql,
              SamDecisionSort       sort,
              const DecisionSearch *parsed,
              gboolean              descending)
{
  g_string_append (sql, " ORDER BY ");
  for (guint i = 0; sort_terms[sort][i] != NULL; i++)
    {
      g_string_append (sql, sort_term (sort, i, parsed));
      g_string_append (sql, descending ? " DESC, " : ", ");
    }
  g_string_append (sql, descending ? "t.id DESC" : "t.id");
}

/* Appends the page subquery of sam_store_fetch_decision_rows() and the
 * order of its rows. */
static void
append_page_join (GString                 *sql,
                  const SamDecisionFilter *filter,
                  const DecisionSearch    *parsed,
                  SearchMode               search,
                  SamDecisionSort          sort,
                  gboolean                 descending)
{
  g_string_append (sql, " JOIN (SELECT t.id AS page_id");
  for (guint i = 0; sort_terms[sort][i] != NULL; i++)
    g_string_append_printf (sql, ", %s AS k%u", sort_term (sort, i, parsed), i);
  /* By group, the groups are walked in their codes' order and each one's
   * decisions come from its index in order; a search that is read as a
   * list of ids is sorted instead. */
  if (sort == SAM_DECISION_SORT_GROUP && search != SEARCH_IN && search != SEARCH_JOINED)
    g_string_append (sql, " FROM grp r0 CROSS JOIN decision t ON t.group_id = r0.id");
  else if (sort == SAM_DECISION_SORT_NUMBER || sort == SAM_DECISION_SORT_GROUP)
    g_string_append (sql, " FROM decision t JOIN grp r0 ON r0.id = t.group_id");
  else
    g_string_append (sql, " FROM decision t");
  if (search == SEARCH_JOINED)
    g_string_append_printf (sql, " JOIN %s ON %s.rowid = t.id", rank_table (parsed), rank_table (parsed));
  append_where (sql, filter, parsed, search);
  append_order (sql, sort, parsed, descending);
  g_string_append (sql, " LIMIT :limit OFFSET :offset) page ON page.page_id = t.id ORDER BY ");
  for (guint i = 0; sort_terms[sort][i] != NULL; i++)
    g_string_append_printf (sql, "page.k%u%s, ", i, descending ? " DESC" : "");
  g_string_append (sql, descending ? "page.page_id DESC" : "page.page_id");
}

/* Whether the order has an index over the whole table, with the row id as
 * its tie-break (the follow-up index leaves out decisions without one). */
static gboolean
sort_has_index (SamDecisionSort sort)
{
  switch (sort)
    {
    case SAM_DECISION_SORT_DATE:
    case SAM_DECISION_SORT_TITLE:
    case SAM_DECISION_SORT_MANDATE:
    case SAM_DECISION_SORT_STATUS:
    case SAM_DECISION_SORT_RESPONSIBLE:
      return TRUE;
    case SAM_DECISION_SORT_NUMBER:
    case SAM_DECISION_SORT_GROUP:
    case SAM_DECISION_SORT_FOLLOW_UP:
    case SAM_DECISION_SORT_RANK:
    default:
      return FALSE;
    }
}

/* Pages this near the top are read by walking the order's index. */
#define DIRECT_OFFSET_LIMIT 256

/**
 * sam_store_fetch_decision_rows:
 * @self: a #SamStore
 * @filter: which decisions
 * @matches: (nullable): the matches of @filter's search from
 *   sam_store_match_decisions(), or %NULL to find them here
 * @sort: the order; %SAM_DECISION_SORT_RANK only with a search
 * @descending: whether to reverse the order
 * @offset: the position of the first decision to return
 * @limit: at most this many decisions
 * @error: return location for a #GError
 *
 * Reads one page of the filtered, sorted register. Text sorts use the
 * Swedish order; ties are broken by the row id, so consecutive pages
 * never overlap or miss a row. %SAM_DECISION_SORT_RANK puts the best
 * matches first when the search selects at most a few thousand decisions;
 * a broader search (a common word's first letters, as typed) and a rank
 * without a search list the newest first.
 *
 * Returns: (transfer full) (element-type SamDecision) (nullable): the
 *   page, or %NULL on failure
 */
GPtrArray *
sam_store_fetch_decision_rows (SamStore                  *self,
                               const SamDecisionFilter   *filter,
                               const SamDecisionMatches  *matches,
                               SamDecisionSort            sort,
                               gboolean                   descending,
                               guint                      offset,
                               guint                      limit,
                               GError                   **error)
{
  g_autoptr(SamDecisionMatches) own_matches = NULL;
  g_autoptr(DecisionSearch) parsed = NULL;
  g_autoptr(GString) sql = NULL;
  SearchMode search = SEARCH_NONE;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (filter != NULL, NULL);
  g_return_val_if_fail (sort <= SAM_DECISION_SORT_RANK, NULL);

  if (!ensure_match_functions (self, error))
    return NULL;
  if (is_searching (filter))
    {
      if (matches == NULL)
        {
          if ((own_matches = sam_store_match_decisions (self, filter->search, error)) == NULL)
            return NULL;
          matches = own_matches;
        }
      if (matches->count == 0 || offset >= matches->count)
        return g_ptr_array_new_with_free_func (g_object_unref);

      parsed = parse_search (filter->search);
      if (sort == SAM_DECISION_SORT_RANK && matches->count <= RANK_LIMIT && rank_table (parsed) != NULL)
        search = SEARCH_JOINED;
      else if (walk_index (matches, offset + limit))
        search = SEARCH_SET;
      else
        search = SEARCH_IN;
    }
  if (sort == SAM_DECISION_SORT_RANK && search != SEARCH_JOINED)
    {
      sort = SAM_DECISION_SORT_DATE;
      descending = TRUE;
    }

  sql = g_string_new (self->sql[SAM_TABLE_DECISION].select);
  if (search == SEARCH_NONE && !has_column_filters (filter) && offset < DIRECT_OFFSET_LIMIT &&
      sort_has_index (sort))
    {
      /* The whole register near the top of an indexed order: walking the
       * index and reading each row of the page as it comes is cheapest. */
      append_order (sql, sort, NULL, descending);
      g_string_append (sql, " LIMIT :limit OFFSET :offset");
    }
  else
    {
      /* The page's ids are sorted and counted off first, joined to nothing
       * but what the order needs; only the rows of the page are then read
       * with the uuids of their references. A full sort (by status within
       * a search, say) thus sorts ids, not whole rows with four joins each,
       * and a page deep in the order skips ids, not joined rows. */
      append_page_join (sql, filter, parsed, search, sort, descending);
    }

  if ((stmt = _sam_store_prepare (self, sql->str, error)) == NULL)
    return NULL;

  bind_filter (stmt, filter, parsed, matches);
  bind_named_int (stmt, ":limit", limit);
  bind_named_int (stmt, ":offset", offset);

  return _sam_store_collect_objects (self, stmt, SAM_TABLE_DECISION, error);
}

/**
 * sam_store_list_decision_years:
 * @self: a #SamStore
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type gint) (nullable): the years that
 *   have registered decisions, newest first, as GINT_TO_POINTER values
 */
GPtrArray *
sam_store_list_decision_years (SamStore  *self,
                               GError   **error)
{
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  /* The skip-scan over (group_id, year, serial) touches one entry per
   * group and year, not one per decision. */
  stmt = _sam_store_prepare (self,
                             "SELECT DISTINCT year FROM decision WHERE year IS NOT NULL ORDER BY year DESC",
                             error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (years, GINT_TO_POINTER (sqlite3_column_int (stmt, 0)));
  if (!_sam_store_end_rows (self, stmt, rc, _("The decision register could not be read"), error))
    return NULL;

  return g_steal_pointer (&years);
}

static GListModel *
query_decisions (SamStore    *self,
                 const char  *clauses,
                 const char  *text_param,
                 gint64       int_param,
                 const char  *text_param2,
                 GError     **error)
{
  g_autofree char *sql = g_strconcat (self->sql[SAM_TABLE_DECISION].select, " ", clauses, NULL);
  sqlite3_stmt *stmt;

  if ((stmt = _sam_store_prepare (self, sql, error)) == NULL)
    return NULL;

  bind_named_text (stmt, ":text", text_param);
  bind_named_int (stmt, ":int", int_param);
  bind_named_text (stmt, ":text2", text_param2);

  return _sam_store_collect_list (self, stmt, SAM_TABLE_DECISION, error);
}

/**
 * sam_store_list_register_decisions:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for every group
 * @year: a year, or 0 for every year
 * @error: return location for a #GError
 *
 * Lists the registered decisions of a group's register for a year, as the
 * decision log prints them: by group code, year and number. Drafts are
 * not part of the register.
 *
 * Returns: (transfer full) (nullable): the #SamDecision list
 */
GListModel *
sam_store_list_register_decisions (SamStore    *self,
                                   const char  *group_uuid,
                                   int          year,
                                   GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return query_decisions (self,
                          "WHERE t.status <> 'draft' "
                          "AND (:text IS NULL OR t.group_id = (SELECT id FROM grp WHERE uuid = :text)) "
                          "AND (:int <= 0 OR t.year = :int) "
                          "ORDER BY r0.code COLLATE sv, t.year, t.serial",
                          group_uuid, year, NULL, error);
}

/**
 * sam_store_list_decisions_due:
 * @self: a #SamStore
 * @today: today's date (YYYY-MM-DD)
 * @days: how far ahead to look
 * @error: return location for a #GError
 *
 * Lists the decisions still being carried out (decided, escalated or in
 * implementation) whose follow-up date is overdue or within @days days of
 * @today, by group and then by follow-up date.
 *
 * Returns: (transfer full) (nullable): the #SamDecision list
 */
GListModel *
sam_store_list_decisions_due (SamStore    *self,
                              const char  *today,
                              int          days,
                              GError     **error)
{
  g_autofree char *modifier = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  modifier = g_strdup_printf ("%+d days", days);
  return query_decisions (self,
                          "WHERE t.follow_up IS NOT NULL AND t.follow_up <= date (:text, :text2) "
                          "AND t.status IN ('decided', 'escalated', 'in_implementation') "
                          "ORDER BY r0.code COLLATE sv, t.follow_up, t.year, t.serial",
                          today, 0, modifier, error);
}

/**
 * sam_store_dup_superseding_decision:
 * @self: a #SamStore
 * @uuid: a decision
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the decision that supersedes the one
 *   with @uuid, or %NULL if none does (@error is only set on failure)
 */
SamDecision *
sam_store_dup_superseding_decision (SamStore    *self,
                                    const char  *uuid,
                                    GError     **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (SAM_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  list = query_decisions (self,
                          "WHERE t.supersedes_id = (SELECT id FROM decision WHERE uuid = :text) "
                          "ORDER BY t.id LIMIT 1",
                          uuid, 0, NULL, error);
  return list != NULL ? g_list_model_get_item (list, 0) : NULL;
}

/* Lists and searches */

/**
 * sam_store_list_decisions:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for all groups
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the #SamDecision list: drafts
 *   first, then the newest number first
 */
GListModel *
sam_store_list_decisions (SamStore    *self,
                          const char  *group_uuid,
                          GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_query_models (self, SAM_TABLE_DECISION, "WHERE ?1 IS NULL OR t.group_id = (SELECT id FROM grp WHERE uuid = ?1) "
                       "ORDER BY t.year IS NOT NULL, t.year DESC, t.serial DESC, "
                       "t.title COLLATE sv, t.uuid", SAM_PARAMS (group_uuid), error);
}

/**
 * sam_store_search_decisions:
 * @self: a #SamStore
 * @query: what the user typed; each word matches words that start with it,
 *   ignoring case (“vård” finds “Vårdförlopp”, not “Varde”)
 * @error: return location for a #GError
 *
 * Searches decision titles and texts.
 *
 * Returns: (transfer full) (nullable): the matching #SamDecision list, best first
 */
GListModel *
sam_store_search_decisions (SamStore    *self,
                            const char  *query,
                            GError     **error)
{
  g_return_val_if_fail (SAM_IS_STORE (self), NULL);

  return _sam_store_search_models (self, SAM_TABLE_DECISION,
                                  "JOIN decision_fts ON decision_fts.rowid = t.id "
                                  "WHERE decision_fts MATCH ?1 ORDER BY decision_fts.rank, t.uuid",
                                  query, error);
}

/**
 * sam_store_count_decisions:
 * @self: a #SamStore
 * @group_uuid: (nullable): a group, or %NULL for all groups
 * @year: a year, or 0 for all years (and drafts)
 *
 * Returns: the number of decisions, or 0 if the register cannot be read
 */
guint
sam_store_count_decisions (SamStore   *self,
                           const char *group_uuid,
                           int         year)
{
  sqlite3_stmt *stmt;
  guint count = 0;

  g_return_val_if_fail (SAM_IS_STORE (self), 0);

  stmt = _sam_store_prepare (self,
                             "SELECT count (*) FROM decision "
                             "WHERE (?1 IS NULL OR group_id = (SELECT id FROM grp WHERE uuid = ?1)) "
                             "AND (?2 <= 0 OR year = ?2)", NULL);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_text (stmt, 1, group_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, year);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    count = sqlite3_column_int (stmt, 0);
  sqlite3_reset (stmt);

  return count;
}

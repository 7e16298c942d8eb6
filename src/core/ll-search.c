/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-search"

/* Substring search over cases, people and stations (schema/002-search.sql).
 *
 * The rule users see: a query is split into words at white space; a row
 * matches when every word occurs, as a substring, in at least one of its
 * searched columns. Latin letters A–Z match either case (SQLite's lower(),
 * applied to the text and to the query alike); everything else, Chinese
 * included, matches exactly. A blank query matches every row.
 *
 * How each word is answered, exactly as that rule says:
 *
 *   - 3 characters or more: an FTS5 phrase over the trigram index. The
 *     word is quoted as one FTS5 string (double quotes doubled), so
 *     AND, OR, NEAR, *, ^, : and parentheses are just characters. All
 *     such words go into one MATCH (FTS5 ANDs the phrases).
 *   - 1 or 2 characters: the trigram tokenizer finds nothing for them, so
 *     they are looked up among the index's own terms: every indexed
 *     column ends with two newlines, so each character of the text
 *     starts a trigram, and the rows holding the word are the documents
 *     of the trigrams that begin with it, a range scan of the
 *     fts5vocab "instance" table. This replaces an instr() scan of the
 *     base table, which at city scale (500,000 cases) reads the whole
 *     table: about a second here, against a target of 200 ms.
 *
 * Characters are counted as Unicode characters, not bytes. */

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database-private.h"
#include "ll-search.h"

typedef struct
{
  const char         *table;
  const char         *fts;
  const char         *instances;
  const char * const *columns;
} Scope;

static const char * const case_columns[] = {
  "serial", "title", "body", "constituent_name", NULL
};
static const char * const person_columns[] = {
  "name", "unit", "post", "constituency", NULL
};
static const char * const station_columns[] = {
  "name", "address", NULL
};

static const Scope scopes[] = {
  [LL_SEARCH_SCOPE_CASES] = { "cases", "cases_fts", "cases_fts_instances", case_columns },
  [LL_SEARCH_SCOPE_PEOPLE] = { "people", "people_fts", "people_fts_instances", person_columns },
  [LL_SEARCH_SCOPE_STATIONS] = { "stations", "stations_fts", "stations_fts_instances",
                                 station_columns },
};

/* The trigram tokenizer needs this many characters to find anything. */
#define TRIGRAM_LENGTH 3

static gboolean
scope_is_valid (LlSearchScope scope)
{
  return (guint) scope < G_N_ELEMENTS (scopes);
}

static void
append_text_param (GArray     *params,
                   const char *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_array_append_val (params, value);
}

/* The word as one FTS5 string: "…" with inner quotes doubled. */
static void
append_fts_string (GString    *match,
                   const char *word)
{
  if (match->len > 0)
    g_string_append_c (match, ' ');

  g_string_append_c (match, '"');
  for (const char *p = word; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (match, '"');
      g_string_append_c (match, *p);
    }
  g_string_append_c (match, '"');
}

/* A query taken apart: the words of 3+ characters as one FTS5 MATCH
 * string (NULL if none), and the 1–2 character words. Repeated words
 * count once. */
typedef struct
{
  char      *match;
  GPtrArray *short_words;
} Parsed;

static void
parsed_clear (Parsed *parsed)
{
  g_clear_pointer (&parsed->match, g_free);
  g_clear_pointer (&parsed->short_words, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Parsed, parsed_clear)

/* Returns FALSE for a blank query. */
static gboolean
parse_query (const char *query,
             Parsed     *parsed)
{
  g_auto(GStrv) words = ll_search_split_query (query);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) match = g_string_new (NULL);

  parsed->match = NULL;
  parsed->short_words = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (!g_hash_table_add (seen, words[i]))
        continue;

      if (g_utf8_strlen (words[i], -1) >= TRIGRAM_LENGTH)
        append_fts_string (match, words[i]);
      else
        g_ptr_array_add (parsed->short_words, g_strdup (words[i]));
    }

  if (match->len > 0)
    parsed->match = g_string_free (g_steal_pointer (&match), FALSE);

  return parsed->match != NULL || parsed->short_words->len > 0;
}

/* "ID IN (rows whose columns hold every phrase of MATCH)". */
static void
append_match_condition (GString     *sql,
                        const Scope *scope,
                        const char  *id_expr,
                        const char  *match,
                        GArray      *params)
{
  g_string_append_printf (sql, "%s IN (SELECT rowid FROM %s WHERE %s MATCH lower(?))",
                          id_expr, scope->fts, scope->fts);
  append_text_param (params, match);
}

/* "ID IN (rows with a trigram that begins with WORD)". Every character of
 * the indexed text starts a trigram (the columns end with two newlines),
 * and U+10FFFF is the last character, so the range holds exactly the
 * terms with that prefix. */
static void
append_prefix_range (GString     *sql,
                     const char  *word,
                     GArray      *params)
{
  g_string_append (sql, "term >= lower(?) AND term <= lower(?) || char(1114111, 1114111)");
  append_text_param (params, word);
  append_text_param (params, word);
}

static void
append_prefix_condition (GString     *sql,
                         const Scope *scope,
                         const char  *id_expr,
                         const char  *word,
                         GArray      *params)
{
  g_string_append_printf (sql, "%s IN (SELECT doc FROM %s WHERE ", id_expr, scope->instances);
  append_prefix_range (sql, word, params);
  g_string_append_c (sql, ')');
}

/**
 * ll_search_scope_get_table:
 * @scope: a #LlSearchScope
 *
 * Returns: the base table searched, e.g. `cases`
 */
const char *
ll_search_scope_get_table (LlSearchScope scope)
{
  g_return_val_if_fail (scope_is_valid (scope), NULL);

  return scopes[scope].table;
}

/**
 * ll_search_scope_get_columns:
 * @scope: a #LlSearchScope
 *
 * Returns: (transfer none) (array zero-terminated=1): the columns of the
 *   base table that a search looks through
 */
const char * const *
ll_search_scope_get_columns (LlSearchScope scope)
{
  g_return_val_if_fail (scope_is_valid (scope), NULL);

  return scopes[scope].columns;
}

/**
 * ll_search_params_new:
 *
 * Makes the parameter array that ll_search_build_filter() and the
 * stores' query builders append to: #GValue elements, unset when the
 * array is freed. Pass `(GValue *) params->data, params->len` to
 * ll_query_model_set_query().
 *
 * Returns: (transfer full) (element-type GValue): an empty array
 */
GArray *
ll_search_params_new (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);

  return params;
}

/**
 * ll_search_split_query:
 * @query: (nullable): what the user typed
 *
 * Splits @query into the words that a search looks for: the runs of
 * characters between white space (any Unicode space, the ideographic
 * space `　` included). Invalid UTF-8 is replaced first.
 *
 * Returns: (transfer full) (array zero-terminated=1): the words, possibly none
 */
char **
ll_search_split_query (const char *query)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_null_terminated (4, g_free, TRUE);
  g_autofree char *valid = NULL;
  const char *start = NULL;

  if (query == NULL)
    return (char **) g_ptr_array_steal (words, NULL);

  valid = g_utf8_make_valid (query, -1);

  for (const char *p = valid; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean end = c == 0 || g_unichar_isspace (c);

      if (end && start != NULL)
        {
          g_ptr_array_add (words, g_strndup (start, p - start));
          start = NULL;
        }
      else if (!end && start == NULL)
        start = p;

      if (c == 0)
        break;
    }

  return (char **) g_ptr_array_steal (words, NULL);
}

/**
 * ll_search_query_is_blank:
 * @query: (nullable): what the user typed
 *
 * Returns: %TRUE if @query has no word (%NULL, empty or only white
 *   space): it matches every row
 */
gboolean
ll_search_query_is_blank (const char *query)
{
  g_auto(GStrv) words = ll_search_split_query (query);

  return words[0] == NULL;
}

/**
 * ll_search_build_filter:
 * @scope: what to search
 * @query: (nullable): what the user typed
 * @id_column: (nullable): the id column of the scope's table in the
 *   caller's query, e.g. `c.id`; %NULL for `id`
 * @params: (element-type GValue): the caller's parameters (see
 *   ll_search_params_new()); the filter's values are appended in the
 *   order of its `?` placeholders
 *
 * Builds an SQL condition that keeps the rows of the scope's table that
 * match @query, for a list query's WHERE clause:
 *
 * |[<!-- language="C" -->
 * g_autoptr(GArray) params = ll_search_params_new ();
 * g_autofree char *filter = NULL;
 * g_autofree char *sql = NULL;
 *
 * append_status (params, "assigned");   // the caller's own "?" first
 * filter = ll_search_build_filter (LL_SEARCH_SCOPE_CASES, text, "c.id", params);
 * sql = g_strdup_printf ("SELECT c.id FROM cases c WHERE c.status = ? AND %s "
 *                        "ORDER BY c.received_on DESC, c.id DESC", filter);
 * ]|
 *
 * The condition is parenthesised and uses plain `?` placeholders; a
 * blank query gives `1`.
 *
 * A row matches when every word of @query (ll_search_split_query())
 * occurs in one of the scope's columns (ll_search_scope_get_columns()),
 * A–Z in either case: exactly what a substring scan of those columns
 * finds. Words of three characters or more are looked up in the FTS5
 * trigram index, shorter ones among the index's terms; neither reads
 * the base table.
 *
 * Returns: (transfer full): the condition
 */
char *
ll_search_build_filter (LlSearchScope  scope,
                        const char    *query,
                        const char    *id_column,
                        GArray        *params)
{
  g_auto(Parsed) parsed = { NULL, NULL };
  const Scope *s;
  GString *sql;

  g_return_val_if_fail (scope_is_valid (scope), NULL);
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (params) == sizeof (GValue), NULL);

  s = &scopes[scope];
  if (id_column == NULL)
    id_column = "id";

  if (!parse_query (query, &parsed))
    return g_strdup ("1");

  sql = g_string_new ("(");

  if (parsed.match != NULL)
    append_match_condition (sql, s, id_column, parsed.match, params);

  for (guint i = 0; i < parsed.short_words->len; i++)
    {
      if (sql->len > 1)
        g_string_append (sql, " AND ");
      append_prefix_condition (sql, s, id_column, g_ptr_array_index (parsed.short_words, i),
                               params);
    }

  g_string_append_c (sql, ')');

  return g_string_free (sql, FALSE);
}

/* The id query of ll_search_ids(): on the search tables alone, which is
 * several times faster than looking each match up in the base table.
 * The first word drives; the others are tested with "+id IN (…)" (the +
 * keeps FTS5 from re-running its MATCH once per listed id). */
static char *
build_ids_query (const Scope *s,
                 const char  *query,
                 GArray      *params)
{
  g_auto(Parsed) parsed = { NULL, NULL };
  const char *id_expr;
  GString *sql;
  guint first_short = 0;

  if (!parse_query (query, &parsed))
    return g_strdup_printf ("SELECT id FROM %s ORDER BY id DESC LIMIT ?", s->table);

  sql = g_string_new (NULL);

  if (parsed.match != NULL)
    {
      id_expr = "rowid";
      g_string_append_printf (sql, "SELECT rowid FROM %s WHERE %s MATCH lower(?)", s->fts, s->fts);
      append_text_param (params, parsed.match);
    }
  else
    {
      id_expr = "doc";
      g_string_append_printf (sql, "SELECT DISTINCT doc FROM %s WHERE ", s->instances);
      append_prefix_range (sql, g_ptr_array_index (parsed.short_words, 0), params);
      first_short = 1;
    }

  for (guint i = first_short; i < parsed.short_words->len; i++)
    {
      g_autofree char *plus_id = g_strconcat ("+", id_expr, NULL);

      g_string_append (sql, " AND ");
      append_prefix_condition (sql, s, plus_id, g_ptr_array_index (parsed.short_words, i), params);
    }

  g_string_append_printf (sql, " ORDER BY %s DESC LIMIT ?", id_expr);

  return g_string_free (sql, FALSE);
}

/**
 * ll_search_ids:
 * @db: a #LlDatabase
 * @scope: what to search
 * @query: (nullable): what the user typed
 * @limit: at most this many ids; 0 for all
 * @error: return location for a #GError
 *
 * Finds the rows that match @query, as ll_search_build_filter()
 * describes, newest (highest id) first. A blank query matches every row.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids, or
 *   %NULL with @error set (%LL_DATABASE_ERROR_INVALID when @query is not
 *   valid text)
 */
GArray *
ll_search_ids (LlDatabase     *db,
               LlSearchScope   scope,
               const char     *query,
               guint           limit,
               GError        **error)
{
  g_autoptr(GArray) params = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *sql = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (scope_is_valid (scope), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (query != NULL && !g_utf8_validate (query, -1, NULL))
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("The search text contains characters that are not valid text."));
      return NULL;
    }

  params = ll_search_params_new ();
  sql = build_ids_query (&scopes[scope], query, params);

  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));
  _ll_statement_bind_int64 (statement, (int) params->len + 1, limit > 0 ? (gint64) limit : -1);

  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement->stmt, 0);

      g_array_append_val (ids, id);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-search"

/* Search must find exactly what a plain substring scan finds. Each test
 * compares ll_search_ids() (and ll_search_build_filter() inside a list
 * query) with a scan done here in C over the same columns: every word of
 * the query must occur in one column, A–Z folded to a–z. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-search.h"
#include "test-util.h"

#define N_STATIONS  300
#define N_PEOPLE    800
#define N_CASES     2400

/* Pieces of text the generator strings together: Chinese of the trade,
 * Latin in several cases, digits, FTS5 syntax, quotes, full-width and
 * non-ASCII capitals (which only match exactly). */
static const char * const fragments[] = {
  "停", "车", "停车", "停车场", "小区", "小区停车", "难", "电梯", "加装", "漏水", "3号楼",
  "A座", "a座", "B座", "WiFi", "wifi", "WIFI", "Wi", "Fi", "信号", "差", "2025-00", "2024-",
  "路灯", "不亮", "幸福", "和平", "社区", "街道", "人大", "代表", "联络站", "之家", "居民",
  "反映", "噪音", "扰民", "垃圾", "分类", "\"", "\"\"", "AND", "OR", "NEAR", "NOT", "*", "^",
  ":", "(", ")", "-", "+", "'", "ＷｉＦｉ", "Ä", "ä", "É", "é", "x", "X", "y", "07", "0",
  "号", "楼", "座", "区", "，", "。", "、", " ", " ", "　", "\n",
};

static const char * const surnames[] = { "王", "李", "张", "刘", "陈", "欧阳", "Smith" };
static const char * const given_names[] = { "伟", "芳", "建国", "小红", "Anna", "秀英" };

/* Personal data: must never be found. */
#define SECRET_PHONE    "139-8765-4321"
#define SECRET_ADDRESS  "隐私街9弄"

typedef struct
{
  gint64  id;
  gint64  station_id;
  char   *columns[4];
} Row;

typedef struct
{
  char       *dir;
  char       *path;
  LlDatabase *db;
  GArray     *rows[3];  /* of Row, by LlSearchScope */
  GRand      *rand;
} Fixture;

static void
row_clear (Row *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->columns); i++)
    g_free (row->columns[i]);
}

static char *
random_text (GRand *rand,
             guint  min,
             guint  max)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (rand, min, max + 1);

  for (guint i = 0; i < n; i++)
    g_string_append (text, fragments[g_rand_int_range (rand, 0, G_N_ELEMENTS (fragments))]);

  return g_string_free (text, FALSE);
}

/* NULL now and then: an unset column is simply not searched. */
static char *
maybe_text (GRand *rand,
            guint  min,
            guint  max)
{
  if (g_rand_int_range (rand, 0, 8) == 0)
    return NULL;
  return random_text (rand, min, max);
}

static gboolean
insert_rows_func (LlDatabase  *db,
                  gpointer     user_data,
                  GError     **error)
{
  Fixture *fixture = user_data;
  GRand *rand = fixture->rand;
  g_autoptr(LlStatement) station = NULL;
  g_autoptr(LlStatement) person = NULL;
  g_autoptr(LlStatement) kase = NULL;

  station = _ll_database_prepare (db,
                                  "INSERT INTO stations (kind, name, address, phone) "
                                  "VALUES ('station', ?1, ?2, ?3) RETURNING id", error);
  person = _ll_database_prepare (db,
                                 "INSERT INTO people (name, unit, post, constituency, phone) "
                                 "VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id", error);
  kase = _ll_database_prepare (db,
                               "INSERT INTO cases (year, seq, serial, title, body, received_on, "
                               "station_id, constituent_name, constituent_phone, "
                               "constituent_address) "
                               "VALUES (?1, ?2, printf('%04d-%04d', ?1, ?2), ?3, ?4, ?5, ?6, ?7, "
                               "?8, ?9) RETURNING id, serial", error);
  if (station == NULL || person == NULL || kase == NULL)
    return FALSE;

  for (guint i = 0; i < N_STATIONS; i++)
    {
      Row row = { 0 };

      row.columns[0] = random_text (rand, 1, 4);
      if (g_strstrip (row.columns[0])[0] == '\0')
        {
          g_free (row.columns[0]);
          row.columns[0] = g_strdup ("联络站");
        }
      row.columns[1] = maybe_text (rand, 1, 6);
      _ll_statement_bind_text (station, 1, row.columns[0]);
      _ll_statement_bind_text (station, 2, row.columns[1]);
      _ll_statement_bind_text (station, 3, SECRET_PHONE);
      if (_ll_statement_step (station, error) != LL_STEP_ROW)
        return FALSE;
      row.id = sqlite3_column_int64 (station->stmt, 0);
      sqlite3_reset (station->stmt);
      g_array_append_val (fixture->rows[LL_SEARCH_SCOPE_STATIONS], row);
    }

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      Row row = { 0 };

      row.columns[0] = g_strconcat (surnames[g_rand_int_range (rand, 0, G_N_ELEMENTS (surnames))],
                                    given_names[g_rand_int_range (rand, 0,
                                                                  G_N_ELEMENTS (given_names))],
                                    NULL);
      row.columns[1] = maybe_text (rand, 1, 4);
      row.columns[2] = maybe_text (rand, 1, 2);
      row.columns[3] = maybe_text (rand, 1, 3);
      for (guint c = 0; c < 4; c++)
        _ll_statement_bind_text (person, c + 1, row.columns[c]);
      _ll_statement_bind_text (person, 5, SECRET_PHONE);
      if (_ll_statement_step (person, error) != LL_STEP_ROW)
        return FALSE;
      row.id = sqlite3_column_int64 (person->stmt, 0);
      sqlite3_reset (person->stmt);
      g_array_append_val (fixture->rows[LL_SEARCH_SCOPE_PEOPLE], row);
    }

  for (guint i = 0; i < N_CASES; i++)
    {
      GArray *stations = fixture->rows[LL_SEARCH_SCOPE_STATIONS];
      Row row = { 0 };
      int year = 2023 + (int) (i % 3);
      g_autofree char *received = g_strdup_printf ("%d-%02u-%02u", year, 1 + i % 12, 1 + i % 28);

      row.station_id = g_array_index (stations, Row, g_rand_int_range (rand, 0, 20)).id;
      row.columns[1] = random_text (rand, 1, 6);
      if (g_strstrip (row.columns[1])[0] == '\0')
        {
          g_free (row.columns[1]);
          row.columns[1] = g_strdup ("诉求");
        }
      row.columns[2] = maybe_text (rand, 0, 30);
      row.columns[3] = g_rand_boolean (rand)
                         ? g_strconcat (surnames[g_rand_int_range (rand, 0,
                                                                   G_N_ELEMENTS (surnames))],
                                        given_names[g_rand_int_range (rand, 0,
                                                                      G_N_ELEMENTS (given_names))],
                                        NULL)
                         : NULL;

      _ll_statement_bind_int64 (kase, 1, year);
      _ll_statement_bind_int64 (kase, 2, i / 3 + 1);
      _ll_statement_bind_text (kase, 3, row.columns[1]);
      _ll_statement_bind_text (kase, 4, row.columns[2]);
      _ll_statement_bind_text (kase, 5, received);
      _ll_statement_bind_int64 (kase, 6, row.station_id);
      _ll_statement_bind_text (kase, 7, row.columns[3]);
      _ll_statement_bind_text (kase, 8, SECRET_PHONE);
      _ll_statement_bind_text (kase, 9, SECRET_ADDRESS);
      if (_ll_statement_step (kase, error) != LL_STEP_ROW)
        return FALSE;
      row.id = sqlite3_column_int64 (kase->stmt, 0);
      row.columns[0] = _ll_statement_dup_text (kase, 1);
      sqlite3_reset (kase->stmt);
      g_array_append_val (fixture->rows[LL_SEARCH_SCOPE_CASES], row);
    }

  return TRUE;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  fixture->rand = g_rand_new_with_seed (20250301);

  for (guint i = 0; i < G_N_ELEMENTS (fixture->rows); i++)
    {
      fixture->rows[i] = g_array_new (FALSE, TRUE, sizeof (Row));
      g_array_set_clear_func (fixture->rows[i], (GDestroyNotify) row_clear);
    }

  g_assert_true (ll_database_write (fixture->db, insert_rows_func, fixture, &error));
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  for (guint i = 0; i < G_N_ELEMENTS (fixture->rows); i++)
    g_clear_pointer (&fixture->rows[i], g_array_unref);
  g_rand_free (fixture->rand);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* The oracle ---------------------------------------------------------- */

/* Words between white space, split here independently of ll-search.c. */
static GPtrArray *
oracle_words (const char *query)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  GString *word = g_string_new (NULL);

  for (const char *p = query; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0 || g_unichar_isspace (c))
        {
          if (word->len > 0)
            g_ptr_array_add (words, g_ascii_strdown (word->str, -1));
          g_string_truncate (word, 0);
          if (c == 0)
            break;
        }
      else
        g_string_append_unichar (word, c);
    }
  g_string_free (word, TRUE);

  return words;
}

static gboolean
oracle_row_matches (const Row *row,
                    GPtrArray *words)
{
  for (guint w = 0; w < words->len; w++)
    {
      const char *word = g_ptr_array_index (words, w);
      gboolean found = FALSE;

      for (guint c = 0; c < G_N_ELEMENTS (row->columns) && !found; c++)
        {
          g_autofree char *folded = NULL;

          if (row->columns[c] == NULL)
            continue;
          folded = g_ascii_strdown (row->columns[c], -1);
          found = g_strstr_len (folded, -1, word) != NULL;
        }

      if (!found)
        return FALSE;
    }

  return TRUE;
}

/* Ids of the matching rows, highest first, optionally of one station. */
static GArray *
oracle_ids (Fixture       *fixture,
            LlSearchScope  scope,
            const char    *query,
            gint64         station_id)
{
  g_autoptr(GPtrArray) words = oracle_words (query);
  GArray *rows = fixture->rows[scope];
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = rows->len; i > 0; i--)
    {
      const Row *row = &g_array_index (rows, Row, i - 1);

      if (station_id != 0 && row->station_id != station_id)
        continue;
      if (oracle_row_matches (row, words))
        g_array_append_val (ids, row->id);
    }

  return ids;
}

static int
compare_ids_desc (gconstpointer a,
                  gconstpointer b)
{
  gint64 x = *(const gint64 *) a;
  gint64 y = *(const gint64 *) b;

  return (x < y) - (x > y);
}

static void
assert_same_ids (GArray     *found,
                 GArray     *expected,
                 const char *what,
                 const char *query)
{
  if (found->len != expected->len ||
      (found->len > 0 &&
       memcmp (found->data, expected->data, found->len * sizeof (gint64)) != 0))
    {
      g_autofree char *message =
        g_strdup_printf ("%s for ‘%s’: found %u rows, a substring scan %u",
                         what, query, found->len, expected->len);

      g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
    }
}

/* ll_search_ids() and, for cases, the filter inside a list query with an
 * alias and a parameter of its own, both against the oracle. Returns the
 * number of matches. */
static guint
check_query (Fixture       *fixture,
             LlSearchScope  scope,
             const char    *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) expected = oracle_ids (fixture, scope, query, 0);

  found = ll_search_ids (fixture->db, scope, query, 0, &error);
  g_assert_no_error (error);
  assert_same_ids (found, expected, ll_search_scope_get_table (scope), query);

  /* A limit keeps the newest. */
  if (expected->len > 3)
    {
      g_autoptr(GArray) first = ll_search_ids (fixture->db, scope, query, 3, &error);

      g_assert_no_error (error);
      g_array_set_size (expected, 3);
      assert_same_ids (first, expected, "limit 3", query);
    }

  if (scope == LL_SEARCH_SCOPE_CASES)
    {
      gint64 station_id = g_array_index (fixture->rows[LL_SEARCH_SCOPE_STATIONS], Row, 3).id;
      g_autoptr(GArray) params = ll_search_params_new ();
      g_autoptr(GArray) in_station = oracle_ids (fixture, scope, query, station_id);
      g_autoptr(GArray) listed = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(LlStatement) statement = NULL;
      g_autofree char *filter = NULL;
      g_autofree char *sql = NULL;
      GValue station = G_VALUE_INIT;
      LlStep step;

      g_value_init (&station, G_TYPE_INT64);
      g_value_set_int64 (&station, station_id);
      g_array_append_val (params, station);
      filter = ll_search_build_filter (scope, query, "c.id", params);
      sql = g_strdup_printf ("SELECT c.id FROM cases AS c WHERE c.station_id = ? AND %s "
                             "ORDER BY c.received_on DESC, c.id DESC", filter);
      statement = _ll_database_prepare (fixture->db, sql, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < params->len; i++)
        _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));
      while ((step = _ll_statement_step (statement, &error)) == LL_STEP_ROW)
        {
          gint64 id = sqlite3_column_int64 (statement->stmt, 0);

          g_array_append_val (listed, id);
        }
      g_assert_cmpint (step, ==, LL_STEP_DONE);
      g_array_sort (listed, compare_ids_desc);
      assert_same_ids (listed, in_station, "cases of one station", query);
    }

  return found->len;
}

/* Tests --------------------------------------------------------------- */

static const char * const fixed_queries[] = {
  /* 1 to 4 Chinese characters */
  "停", "停车", "停车场", "小区停车", "楼", "号楼", "人大代表", "联络站之家",
  /* mixed Latin and digits, any case */
  "2025-00", "2024-", "A座", "a座", "WiFi", "wifi", "WIFI", "wI", "3号楼", "07", "0", "x",
  "Fi信号", "ＷｉＦｉ", "ｗｉｆｉ", "Ä", "ä", "é",
  /* quotes and FTS5 syntax */
  "\"", "\"\"", "\"停车", "停车\"场", "say \"wifi\"", "AND", "OR", "NEAR", "NOT", "*", "^", ":",
  "停车 AND", "停车 OR 小区", "NEAR(停车 小区)", "停车*", "^停车", "title:停车", "(停车)",
  "-", "+", "'", "''", "a*b", "\"AND\"",
  /* several words */
  "停车 小区", "小区 停", "停 车", "WiFi 差", "A座 漏水 3号楼", "停车场 停车场", "人大　代表",
  /* nothing like it */
  "不存在的词", "zzz", "q",
};

static void
test_equals_substring_scan (Fixture       *fixture,
                            gconstpointer  data)
{
  guint n_nonempty = 0;

  for (LlSearchScope scope = LL_SEARCH_SCOPE_CASES; scope <= LL_SEARCH_SCOPE_STATIONS; scope++)
    for (guint i = 0; i < G_N_ELEMENTS (fixed_queries); i++)
      n_nonempty += check_query (fixture, scope, fixed_queries[i]) > 0;

  /* The fixture is rich enough for most of them to find something. */
  g_assert_cmpuint (n_nonempty, >, G_N_ELEMENTS (fixed_queries));
}

/* Pieces of real rows, 1 to 6 characters, sometimes in another case,
 * sometimes two of them. */
static void
test_random_substrings (Fixture       *fixture,
                        gconstpointer  data)
{
  GRand *rand = fixture->rand;

  for (guint n = 0; n < 600; n++)
    {
      LlSearchScope scope = n % 3;
      GArray *rows = fixture->rows[scope];
      const Row *row = &g_array_index (rows, Row, g_rand_int_range (rand, 0, rows->len));
      const char *text = row->columns[g_rand_int_range (rand, 0, 4)];
      g_autofree char *query = NULL;
      glong length;
      glong start;
      glong count;

      if (text == NULL || (length = g_utf8_strlen (text, -1)) == 0)
        continue;
      start = g_rand_int_range (rand, 0, length);
      count = MIN (length - start, g_rand_int_range (rand, 1, 7));
      query = g_utf8_substring (text, start, start + count);

      if (g_rand_int_range (rand, 0, 4) == 0)
        {
          g_autofree char *upper = g_ascii_strup (query, -1);
          g_free (query);
          query = g_steal_pointer (&upper);
        }
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_autofree char *other = random_text (rand, 1, 1);
          g_autofree char *both = g_strconcat (query, " ", other, NULL);
          g_free (query);
          query = g_steal_pointer (&both);
        }

      check_query (fixture, scope, query);
    }
}

static void
test_blank_matches_everything (Fixture       *fixture,
                               gconstpointer  data)
{
  const char *blanks[] = { NULL, "", " ", "  \t\n", "　", " 　 " };

  for (guint i = 0; i < G_N_ELEMENTS (blanks); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = ll_search_ids (fixture->db, LL_SEARCH_SCOPE_CASES, blanks[i], 0,
                                             &error);
      g_autoptr(GArray) params = ll_search_params_new ();
      g_autofree char *filter = ll_search_build_filter (LL_SEARCH_SCOPE_PEOPLE, blanks[i], NULL,
                                                        params);

      g_assert_no_error (error);
      g_assert_cmpuint (ids->len, ==, N_CASES);
      g_assert_cmpint (g_array_index (ids, gint64, 0), >, g_array_index (ids, gint64, 1));
      g_assert_true (ll_search_query_is_blank (blanks[i]));
      g_assert_cmpstr (filter, ==, "1");
      g_assert_cmpuint (params->len, ==, 0);
    }

  g_assert_false (ll_search_query_is_blank (" 停 "));
}

static void
test_split (void)
{
  g_auto(GStrv) words = ll_search_split_query ("  停车场\tWiFi　A座\n\"AND\" ");
  g_auto(GStrv) none = ll_search_split_query ("　 \n");
  const char *expected[] = { "停车场", "WiFi", "A座", "\"AND\"", NULL };

  g_assert_cmpstrv (words, expected);
  g_assert_null (none[0]);
}

static void
test_personal_data_not_searchable (Fixture       *fixture,
                                   gconstpointer  data)
{
  const char *queries[] = { SECRET_PHONE, "8765", "4321", SECRET_ADDRESS, "隐私", "9弄" };

  for (guint i = 0; i < G_N_ELEMENTS (queries); i++)
    for (LlSearchScope scope = LL_SEARCH_SCOPE_CASES; scope <= LL_SEARCH_SCOPE_STATIONS; scope++)
      {
        g_autoptr(GError) error = NULL;
        g_autoptr(GArray) ids = ll_search_ids (fixture->db, scope, queries[i], 0, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (ids->len, ==, 0);
      }
}

static void
test_invalid_text (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = ll_search_ids (fixture->db, LL_SEARCH_SCOPE_CASES, "停\xff车", 0,
                                         &error);

  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_null (ids);
  g_assert_nonnull (strstr (error->message, "search"));
}

typedef struct
{
  const char *sql;
  gint64      id;
} Edit;

static gboolean
edit_func (LlDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Edit *edit = user_data;
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, edit->sql, error);

  if (statement == NULL)
    return FALSE;
  _ll_statement_bind_int64 (statement, 1, edit->id);

  return _ll_statement_execute (statement, error);
}

static void
edit_row (Fixture    *fixture,
          const char *sql,
          gint64      id)
{
  g_autoptr(GError) error = NULL;
  Edit edit = { sql, id };

  g_assert_true (ll_database_write (fixture->db, edit_func, &edit, &error));
  g_assert_no_error (error);
}

static Row *
find_row (Fixture       *fixture,
          LlSearchScope  scope,
          gint64         id)
{
  GArray *rows = fixture->rows[scope];

  for (guint i = 0; i < rows->len; i++)
    if (g_array_index (rows, Row, i).id == id)
      return &g_array_index (rows, Row, i);

  g_assert_not_reached ();
}

static void
assert_index_in_step (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  const char *tables[] = { "cases_fts", "people_fts", "stations_fts" };

  /* With rank 1, FTS5 compares its index with the content view. */
  for (guint i = 0; i < G_N_ELEMENTS (tables); i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s, rank) "
                                              "VALUES ('integrity-check', 1)",
                                              tables[i], tables[i]);

      g_assert_true (test_write_sql (fixture->db, sql, &error));
      g_assert_no_error (error);
    }
}

static void
test_kept_in_step (Fixture       *fixture,
                   gconstpointer  data)
{
  GArray *cases = fixture->rows[LL_SEARCH_SCOPE_CASES];
  gint64 first = g_array_index (cases, Row, 0).id;
  gint64 second = g_array_index (cases, Row, 1).id;
  gint64 third = g_array_index (cases, Row, 2).id;
  gint64 person = g_array_index (fixture->rows[LL_SEARCH_SCOPE_PEOPLE], Row, 0).id;
  gint64 station = g_array_index (fixture->rows[LL_SEARCH_SCOPE_STATIONS], Row, 0).id;
  Row *row;

  /* A new title is found and the old one is not, by long and short words. */
  edit_row (fixture, "UPDATE cases SET title = '菜市场油烟Qz' WHERE id = ?1", first);
  row = find_row (fixture, LL_SEARCH_SCOPE_CASES, first);
  g_free (row->columns[1]);
  row->columns[1] = g_strdup ("菜市场油烟Qz");
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_CASES, "菜市场油烟"), ==, 1);
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_CASES, "qZ"), ==, 1);
  check_query (fixture, LL_SEARCH_SCOPE_CASES, "停车");

  /* Body set to NULL, constituent changed; an update of other columns only. */
  edit_row (fixture, "UPDATE cases SET body = NULL, constituent_name = '欧阳娜娜' WHERE id = ?1",
            second);
  row = find_row (fixture, LL_SEARCH_SCOPE_CASES, second);
  g_clear_pointer (&row->columns[2], g_free);
  g_free (row->columns[3]);
  row->columns[3] = g_strdup ("欧阳娜娜");
  edit_row (fixture, "UPDATE cases SET status = 'assigned', title = title, "
                     "version = version + 1 WHERE id = ?1", third);
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_CASES, "娜娜"), ==, 1);
  check_query (fixture, LL_SEARCH_SCOPE_CASES, "小区");

  /* Deleted rows are gone. */
  edit_row (fixture, "DELETE FROM cases WHERE id = ?1", first);
  g_array_remove_index (cases, 0);
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_CASES, "菜市场油烟"), ==, 0);
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_CASES, "Qz"), ==, 0);

  /* People and stations likewise. */
  edit_row (fixture, "UPDATE people SET post = '主任Wq' WHERE id = ?1", person);
  row = find_row (fixture, LL_SEARCH_SCOPE_PEOPLE, person);
  g_free (row->columns[2]);
  row->columns[2] = g_strdup ("主任Wq");
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_PEOPLE, "WQ"), ==, 1);
  edit_row (fixture, "UPDATE stations SET address = '滨江路88号' WHERE id = ?1", station);
  row = find_row (fixture, LL_SEARCH_SCOPE_STATIONS, station);
  g_free (row->columns[1]);
  row->columns[1] = g_strdup ("滨江路88号");
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_STATIONS, "滨江路88"), ==, 1);
  g_assert_cmpuint (check_query (fixture, LL_SEARCH_SCOPE_STATIONS, "88"), >=, 1);

  assert_index_in_step (fixture);
}

/* A file of schema version 1 with rows is searchable once opened (and so
 * migrated). */
static void
test_migrated_file (void)
{
  g_autofree char *dir = test_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "old.db", NULL);
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;
  struct
  {
    LlSearchScope  scope;
    const char    *query;
    guint          n;
  } expected[] = {
    { LL_SEARCH_SCOPE_CASES, "电梯", 1 },
    { LL_SEARCH_SCOPE_CASES, "小区电梯加装", 1 },
    { LL_SEARCH_SCOPE_CASES, "2024-0002", 1 },
    { LL_SEARCH_SCOPE_CASES, "2024-000", 2 },
    { LL_SEARCH_SCOPE_CASES, "wifi", 1 },
    { LL_SEARCH_SCOPE_CASES, "赵", 1 },
    { LL_SEARCH_SCOPE_CASES, "13800", 0 },
    { LL_SEARCH_SCOPE_PEOPLE, "周", 1 },
    { LL_SEARCH_SCOPE_PEOPLE, "东湖选区", 1 },
    { LL_SEARCH_SCOPE_PEOPLE, "建设局", 1 },
    { LL_SEARCH_SCOPE_STATIONS, "之家", 1 },
    { LL_SEARCH_SCOPE_STATIONS, "湖滨路", 1 },
    { LL_SEARCH_SCOPE_STATIONS, "东湖", 1 },
  };

  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  _ll_database_register_functions (raw, "builder", "build-host");
  g_assert_true (_ll_migrations_apply (raw, "test", 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_exec (raw,
                                 "INSERT INTO stations (kind, name, address) "
                                 "VALUES ('home', '东湖街道人大代表之家', '湖滨路1号');"
                                 "INSERT INTO people (name, unit, constituency) "
                                 "VALUES ('周代表', '区建设局', '东湖选区');"
                                 "INSERT INTO cases (year, seq, serial, title, received_on, "
                                 "station_id, constituent_phone) VALUES (2024, 1, '2024-0001', "
                                 "'小区电梯加装', '2024-05-10', 1, '13800000000');"
                                 "INSERT INTO cases (year, seq, serial, title, body, received_on, "
                                 "station_id, constituent_name) VALUES (2024, 2, '2024-0002', "
                                 "'活动室', '希望开通WiFi', '2024-05-11', 1, '赵敏');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_database_get_schema_version (db), >=, 2);

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(GArray) ids = ll_search_ids (db, expected[i].scope, expected[i].query, 0, &error);

      g_assert_no_error (error);
      g_test_message ("‘%s’ in %s", expected[i].query,
                      ll_search_scope_get_table (expected[i].scope));
      g_assert_cmpuint (ids->len, ==, expected[i].n);
    }

  g_clear_object (&db);
  test_rm_rf (dir);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/core/search/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/search/split", test_split);
  ADD ("equals-substring-scan", test_equals_substring_scan);
  ADD ("random-substrings", test_random_substrings);
  ADD ("blank-matches-everything", test_blank_matches_everything);
  ADD ("personal-data-not-searchable", test_personal_data_not_searchable);
  ADD ("invalid-text", test_invalid_text);
  ADD ("kept-in-step", test_kept_in_step);
  g_test_add_func ("/core/search/migrated-file", test_migrated_file);

  return g_test_run ();
}

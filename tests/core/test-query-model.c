/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-query-model"

/* LlQueryModel over the stations table (and over generated ids for the
 * city-scale scroll): order, lazy pages, the bounded cache, minimal
 * items-changed after others' changes, cancelling a running query. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-query-model.h"
#include "ll-search.h"
#include "test-util.h"

#define N_STATIONS 1000
#define BY_NAME    "SELECT id FROM stations ORDER BY name, id"

/* A record type for the tests -------------------------------------------- */

#define TEST_TYPE_ITEM (test_item_get_type ())
G_DECLARE_FINAL_TYPE (TestItem, test_item, TEST, ITEM, GObject)

struct _TestItem
{
  GObject  parent_instance;
  gint64   id;
  gint64   version;
  char    *name;
};

G_DEFINE_FINAL_TYPE (TestItem, test_item, G_TYPE_OBJECT)

enum { ITEM_PROP_0, ITEM_PROP_ID, ITEM_PROP_VERSION, ITEM_PROP_NAME, ITEM_N_PROPS };

static gint n_live_items;

static void
test_item_finalize (GObject *object)
{
  g_free (TEST_ITEM (object)->name);
  g_atomic_int_add (&n_live_items, -1);
  G_OBJECT_CLASS (test_item_parent_class)->finalize (object);
}

static void
test_item_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  TestItem *self = TEST_ITEM (object);

  switch (prop_id)
    {
    case ITEM_PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case ITEM_PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case ITEM_PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
test_item_class_init (TestItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = test_item_finalize;
  object_class->get_property = test_item_get_property;

  g_object_class_install_property (object_class, ITEM_PROP_ID,
                                   g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                                                       G_PARAM_READABLE));
  g_object_class_install_property (object_class, ITEM_PROP_VERSION,
                                   g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0,
                                                       G_PARAM_READABLE));
  g_object_class_install_property (object_class, ITEM_PROP_NAME,
                                   g_param_spec_string ("name", NULL, NULL, NULL,
                                                        G_PARAM_READABLE));
}

static void
test_item_init (TestItem *self)
{
  g_atomic_int_inc (&n_live_items);
}

/* Load functions that count what they are asked ---------------------------- */

static guint n_loads;
static GArray *asked;  /* gint64: every id asked for, in order */

static void
reset_counts (void)
{
  n_loads = 0;
  g_array_set_size (asked, 0);
}

static void
count_load (const gint64 *ids,
            guint         n_ids)
{
  n_loads++;
  g_array_append_vals (asked, ids, n_ids);
}

/* Stations by id, in the order of @ids, in one query. */
static GPtrArray *
load_stations (LlDatabase    *db,
               const gint64  *ids,
               guint          n_ids,
               GError       **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GString) json = g_string_new ("[");
  LlStep step;

  count_load (ids, n_ids);

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, "%s%" G_GINT64_FORMAT, i > 0 ? "," : "", ids[i]);
  g_string_append_c (json, ']');

  statement = _ll_database_prepare (db,
                                    "SELECT s.id, s.version, s.name "
                                    "FROM json_each(?1) AS j JOIN stations AS s ON s.id = j.value "
                                    "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;
  _ll_statement_bind_text (statement, 1, json->str);

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      TestItem *item = g_object_new (TEST_TYPE_ITEM, NULL);

      item->id = sqlite3_column_int64 (statement->stmt, 0);
      item->version = sqlite3_column_int64 (statement->stmt, 1);
      item->name = _ll_statement_dup_text (statement, 2);
      g_ptr_array_add (items, item);
    }
  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&items);
}

/* Records made up from their ids, for half a million rows. */
static GPtrArray *
load_made_up (LlDatabase    *db,
              const gint64  *ids,
              guint          n_ids,
              GError       **error)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  count_load (ids, n_ids);

  for (guint i = 0; i < n_ids; i++)
    {
      TestItem *item = g_object_new (TEST_TYPE_ITEM, NULL);

      item->id = ids[i];
      g_ptr_array_add (items, item);
    }

  return items;
}

/* Fixture ------------------------------------------------------------------ */

typedef struct
{
  guint position;
  guint removed;
  guint added;
} Change;

typedef struct
{
  char         *dir;
  char         *path;
  LlDatabase   *db;
  LlQueryModel *model;
  GArray       *changes;  /* Change */
  guint         n_items_notifies;
} Fixture;

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Fixture    *fixture)
{
  Change change = { position, removed, added };

  g_array_append_val (fixture->changes, change);
}

static void
n_items_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   Fixture    *fixture)
{
  fixture->n_items_notifies++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  const char * const watched[] = { "stations", "areas", NULL };
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  /* On a network share, a reader keeps writers from committing. */
  if (g_strcmp0 (data, "share") == 0)
    g_setenv ("LIANLUO_TEST_FILESYSTEM", "share", TRUE);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_unsetenv ("LIANLUO_TEST_FILESYSTEM");

  /* Names 站点00010, 站点00020 … leave room in between. */
  g_assert_true (test_write_sql (fixture->db,
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                 "FROM n WHERE i < " G_STRINGIFY (N_STATIONS) ") "
                                 "INSERT INTO stations (kind, name) "
                                 "SELECT 'station', printf('站点%05d', i * 10) FROM n",
                                 &error));
  g_assert_no_error (error);
  /* Let the change of the fixture itself go by. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  fixture->model = ll_query_model_new (fixture->db, TEST_TYPE_ITEM, load_stations, watched);
  fixture->changes = g_array_new (FALSE, FALSE, sizeof (Change));
  g_signal_connect (fixture->model, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  g_signal_connect (fixture->model, "notify::n-items", G_CALLBACK (n_items_notify_cb), fixture);
  reset_counts ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->model);
  g_clear_object (&fixture->db);
  g_array_unref (fixture->changes);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static void
wait_loaded (LlQueryModel *model)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, test_timeout_cb, &timed_out);

  while (ll_query_model_get_loading (model) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static void
assert_changes (Fixture     *fixture,
                const Change *expected,
                guint        n_expected)
{
  for (guint i = 0; i < fixture->changes->len; i++)
    {
      const Change *c = &g_array_index (fixture->changes, Change, i);
      g_test_message ("items-changed (%u, %u, %u)", c->position, c->removed, c->added);
    }

  g_assert_cmpuint (fixture->changes->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const Change *c = &g_array_index (fixture->changes, Change, i);

      g_assert_cmpuint (c->position, ==, expected[i].position);
      g_assert_cmpuint (c->removed, ==, expected[i].removed);
      g_assert_cmpuint (c->added, ==, expected[i].added);
    }
  g_array_set_size (fixture->changes, 0);
}

static char *
name_at (LlQueryModel *model,
         guint         position)
{
  g_autoptr(TestItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  return g_strdup (item->name);
}

static LlDatabase *
open_other (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  LlDatabase *other = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);

  g_assert_no_error (error);
  ll_database_set_user (other, "colleague");
  return other;
}

/* Runs @sql on another connection (another window or machine), then lets
 * the model's database notice it and the model refresh. */
static void
change_elsewhere (Fixture    *fixture,
                  const char *sql)
{
  g_autoptr(LlDatabase) other = open_other (fixture);
  g_autoptr(GError) error = NULL;

  g_assert_true (test_write_sql (other, sql, &error));
  g_assert_no_error (error);
  g_clear_object (&other);

  ll_database_poll_changes (fixture->db);
  g_assert_true (ll_query_model_get_loading (fixture->model));
  wait_loaded (fixture->model);
}

/* Tests -------------------------------------------------------------------- */

static void
test_rows_in_order (Fixture       *fixture,
                    gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  guint n_items = 0;
  guint position = 0;
  Change all = { 0, 0, N_STATIONS };

  g_assert_true (g_list_model_get_item_type (list) == TEST_TYPE_ITEM);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_assert_null (g_list_model_get_item (list, 0));

  g_assert_true (ll_query_model_set_query_sync (fixture->model, BY_NAME, NULL, 0, &error));
  g_assert_no_error (error);
  assert_changes (fixture, &all, 1);
  g_assert_cmpuint (fixture->n_items_notifies, ==, 1);
  g_object_get (fixture->model, "n-items", &n_items, NULL);
  g_assert_cmpuint (n_items, ==, N_STATIONS);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_STATIONS);
  g_assert_null (g_list_model_get_item (list, N_STATIONS));

  for (guint i = 0; i < N_STATIONS; i += 7)
    {
      g_autofree char *name = name_at (fixture->model, i);
      g_autofree char *expected = g_strdup_printf ("站点%05u", (i + 1) * 10);

      g_assert_cmpstr (name, ==, expected);
    }

  /* Ids without loading anything. */
  reset_counts ();
  g_assert_cmpint (ll_query_model_get_id (fixture->model, 0), ==, 1);
  g_assert_cmpint (ll_query_model_get_id (fixture->model, 999), ==, 1000);
  g_assert_true (ll_query_model_get_position_of_id (fixture->model, 500, &position));
  g_assert_cmpuint (position, ==, 499);
  g_assert_false (ll_query_model_get_position_of_id (fixture->model, 5000, &position));
  g_assert_cmpuint (n_loads, ==, 0);

  /* The same query with a parameter, and one that finds nothing. */
  {
    GValue params[1] = { G_VALUE_INIT };

    g_value_init (&params[0], G_TYPE_STRING);
    g_value_set_string (&params[0], "站点000%");
    g_assert_true (ll_query_model_set_query_sync (fixture->model,
                                                  "SELECT id FROM stations WHERE name LIKE ? "
                                                  "ORDER BY name DESC",
                                                  params, 1, &error));
    g_value_unset (&params[0]);
  }
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 9);
  {
    g_autofree char *first = name_at (fixture->model, 0);

    g_assert_cmpstr (first, ==, "站点00090");
  }

  g_assert_false (ll_query_model_set_query_sync (fixture->model, "SELECT id FROM nowhere", NULL,
                                                 0, &error));
  g_assert_nonnull (error);
  g_assert_true (ll_query_model_get_error (fixture->model) != NULL);
  /* A failed query keeps the rows. */
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 9);
}

static void
test_lazy_pages (Fixture       *fixture,
                 gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  gpointer item;

  g_assert_true (ll_query_model_set_query_sync (fixture->model, BY_NAME, NULL, 0, &error));
  g_assert_no_error (error);

  /* Nothing is loaded before a row is asked for. */
  g_assert_cmpuint (n_loads, ==, 0);
  g_assert_cmpuint (ll_query_model_get_n_cached (fixture->model), ==, 0);

  /* Row 0 loads rows 0–99, in one call. */
  item = g_list_model_get_item (list, 0);
  g_object_unref (item);
  g_assert_cmpuint (n_loads, ==, 1);
  g_assert_cmpuint (asked->len, ==, LL_QUERY_MODEL_PAGE_SIZE);
  for (guint i = 0; i < asked->len; i++)
    g_assert_cmpint (g_array_index (asked, gint64, i), ==,
                     ll_query_model_get_id (fixture->model, i));

  /* Rows of the same page come from the cache, as the same object. */
  {
    g_autoptr(TestItem) a = g_list_model_get_item (list, 42);
    g_autoptr(TestItem) b = g_list_model_get_item (list, 42);

    g_assert_true (a == b);
    g_assert_cmpint (a->id, ==, 43);
  }
  g_assert_cmpuint (n_loads, ==, 1);

  /* Row 950 loads its page only. */
  reset_counts ();
  item = g_list_model_get_item (list, 950);
  g_object_unref (item);
  g_assert_cmpuint (n_loads, ==, 1);
  g_assert_cmpuint (asked->len, ==, LL_QUERY_MODEL_PAGE_SIZE);
  g_assert_cmpint (g_array_index (asked, gint64, 0), ==, 901);
  g_assert_cmpuint (ll_query_model_get_n_cached (fixture->model), ==,
                    2 * LL_QUERY_MODEL_PAGE_SIZE);
}

/* Half a million rows scrolled through from top to bottom and back:
 * every page is loaded once per pass and memory stays flat. */
static void
test_bounded_cache (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LlQueryModel) model = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;
  guint n = 500000;
  gint live_before = g_atomic_int_get (&n_live_items);
  guint max_cached = 0;

  model = ll_query_model_new (fixture->db, TEST_TYPE_ITEM, load_made_up, NULL);
  list = G_LIST_MODEL (model);
  g_assert_true (ll_query_model_set_query_sync (model,
                                                "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL "
                                                "SELECT i + 1 FROM n WHERE i < 500000) "
                                                "SELECT i FROM n",
                                                NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, n);

  for (guint pass = 0; pass < 2; pass++)
    for (guint k = 0; k < n; k++)
      {
        guint position = pass == 0 ? k : n - 1 - k;
        g_autoptr(TestItem) item = g_list_model_get_item (list, position);

        g_assert_cmpint (item->id, ==, position + 1);
        if (k % 997 == 0)
          {
            max_cached = MAX (max_cached, ll_query_model_get_n_cached (model));
            g_assert_cmpint (g_atomic_int_get (&n_live_items) - live_before, <=,
                             LL_QUERY_MODEL_MAX_CACHED);
          }
      }

  g_assert_cmpuint (max_cached, <=, LL_QUERY_MODEL_MAX_CACHED);
  g_assert_cmpuint (max_cached, >=, LL_QUERY_MODEL_MAX_CACHED - LL_QUERY_MODEL_PAGE_SIZE);
  /* Down, every page once; back up, the last pages are still there. */
  g_assert_cmpuint (n_loads, ==,
                    2 * n / LL_QUERY_MODEL_PAGE_SIZE -
                    LL_QUERY_MODEL_MAX_CACHED / LL_QUERY_MODEL_PAGE_SIZE);

  g_clear_object (&model);
  g_assert_cmpint (g_atomic_int_get (&n_live_items), ==, live_before);
}

/* An empty model shows the first rows of a long query before the rest
 * is read: the list opens as fast as a short one. */
static void
test_first_rows_early (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LlQueryModel) model = NULL;
  guint n = 500000;

  model = ll_query_model_new (fixture->db, TEST_TYPE_ITEM, load_made_up, NULL);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), fixture);
  ll_query_model_set_query (model,
                            "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL "
                            "SELECT i + 1 FROM n WHERE i < 500000) "
                            "SELECT i FROM n",
                            NULL, 0);
  g_assert_true (ll_query_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  wait_loaded (model);

  /* On a busy machine the worker may finish before the main loop shows
   * the first rows: then the whole answer comes in one change. */
  if (fixture->changes->len == 1)
    {
      const Change expected[] = { { 0, 0, n } };

      assert_changes (fixture, expected, G_N_ELEMENTS (expected));
    }
  else
    {
      const Change expected[] = {
        { 0, 0, 2 * LL_QUERY_MODEL_PAGE_SIZE },
        { 2 * LL_QUERY_MODEL_PAGE_SIZE, 0, n - 2 * LL_QUERY_MODEL_PAGE_SIZE },
      };

      assert_changes (fixture, expected, G_N_ELEMENTS (expected));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n);

  /* A model that shows rows keeps them until the whole answer is there. */
  ll_query_model_set_query (model, "SELECT i FROM (WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL "
                            "SELECT i + 1 FROM n WHERE i < 500000) SELECT i FROM n) WHERE i > 1",
                            NULL, 0);
  wait_loaded (model);
  {
    const Change expected[] = { { 0, 1, 0 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_signal_handlers_disconnect_by_data (model, fixture);
}

static void
test_changes_elsewhere (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(TestItem) before = NULL;
  g_autoptr(TestItem) after = NULL;
  g_autofree char *name = NULL;
  guint position = 0;
  gint64 id;

  g_assert_true (ll_query_model_set_query_sync (fixture->model, BY_NAME, NULL, 0, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);

  /* The rows on screen. */
  for (guint i = 0; i < 60; i++)
    g_object_unref (g_list_model_get_item (list, i));

  /* A station added between 站点00010 and 站点00020: one row inserted at 1. */
  change_elsewhere (fixture, "INSERT INTO stations (kind, name) VALUES ('point', '站点00015')");
  {
    const Change expected[] = { { 1, 0, 1 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_STATIONS + 1);
  name = name_at (fixture->model, 1);
  g_assert_cmpstr (name, ==, "站点00015");
  g_clear_pointer (&name, g_free);
  id = ll_query_model_get_id (fixture->model, 1);

  /* It is deleted again: one row removed at 1. */
  change_elsewhere (fixture, "DELETE FROM stations WHERE name = '站点00015'");
  {
    const Change expected[] = { { 1, 1, 0 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_assert_false (ll_query_model_get_position_of_id (fixture->model, id, NULL));

  /* A visible row renamed in place: rebound, with the new name. */
  before = g_list_model_get_item (list, 5);
  g_assert_cmpstr (before->name, ==, "站点00060");
  change_elsewhere (fixture, "UPDATE stations SET name = '站点00060（新）', version = version + 1 "
                             "WHERE name = '站点00060'");
  {
    const Change expected[] = { { 5, 1, 1 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  after = g_list_model_get_item (list, 5);
  g_assert_true (after != before);
  g_assert_cmpstr (after->name, ==, "站点00060（新）");
  g_assert_cmpint (after->version, ==, 2);

  /* Renamed to sort elsewhere: one span from its old row to its new one. */
  change_elsewhere (fixture, "UPDATE stations SET name = '站点00095' WHERE name = '站点00030'");
  {
    const Change expected[] = { { 2, 7, 7 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_assert_true (ll_query_model_get_position_of_id (fixture->model, 3, &position));
  g_assert_cmpuint (position, ==, 8);

  /* A change to a table nobody watches does nothing. */
  {
    g_autoptr(LlDatabase) other = open_other (fixture);

    g_assert_true (test_write_sql (other, "INSERT INTO departments (name) VALUES ('区住建局')",
                                   &error));
    g_assert_no_error (error);
  }
  ll_database_poll_changes (fixture->db);
  g_assert_false (ll_query_model_get_loading (fixture->model));

  /* A watched table other than the records' own (the area shown in a
   * row, say): the rows on screen are rebound, nothing moves. */
  change_elsewhere (fixture, "INSERT INTO areas (level, name) VALUES ('district', '东湖区')");
  g_assert_cmpuint (fixture->changes->len, >=, 1);
  for (guint i = 0; i < fixture->changes->len; i++)
    {
      const Change *c = &g_array_index (fixture->changes, Change, i);

      g_assert_cmpuint (c->removed, ==, c->added);
    }
  g_array_set_size (fixture->changes, 0);

  /* And this connection's own writes refresh it too. */
  g_assert_true (test_write_sql (fixture->db, "DELETE FROM stations WHERE name = '站点10000'",
                                 &error));
  g_assert_no_error (error);
  while (!ll_query_model_get_loading (fixture->model))
    g_main_context_iteration (NULL, TRUE);
  wait_loaded (fixture->model);
  {
    const Change expected[] = { { N_STATIONS - 1, 1, 0 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
}

/* The row was deleted before its page was loaded. */
static void
test_row_gone (Fixture       *fixture,
               gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) other = NULL;
  g_autoptr(TestItem) item = NULL;

  g_assert_true (ll_query_model_set_query_sync (fixture->model, BY_NAME, NULL, 0, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);

  other = open_other (fixture);
  g_assert_true (test_write_sql (other, "DELETE FROM stations WHERE id = 301", &error));
  g_assert_no_error (error);

  /* Not noticed yet: the row is still listed, as an empty record … */
  item = g_list_model_get_item (list, 300);
  g_assert_nonnull (item);
  g_assert_true (TEST_IS_ITEM (item));
  g_assert_cmpint (item->id, ==, 0);

  /* … and goes away at once, without waiting for the poll. */
  while (!ll_query_model_get_loading (fixture->model))
    g_main_context_iteration (NULL, TRUE);
  wait_loaded (fixture->model);
  {
    const Change expected[] = { { 300, 1, 0 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_STATIONS - 1);
}

static void
loading_notify_cb (GObject    *object,
                   GParamSpec *pspec,
                   guint      *n_notifies)
{
  (*n_notifies)++;
}

#define ENDLESS_QUERY \
  "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) " \
  "SELECT i FROM n WHERE i < 0 AND EXISTS (SELECT 1 FROM stations)"

/* A colleague saves a station while this window's list query may still
 * be reading (on a share, a reader keeps others from committing). */
static void
assert_others_can_write (Fixture *fixture)
{
  g_autoptr(LlDatabase) other = NULL;
  g_autoptr(GError) error = NULL;

  other = open_other (fixture);
  ll_database_set_busy_timeout (other, 1500);
  g_assert_true (test_write_sql (other, "UPDATE stations SET notes = 'x' WHERE id = 1", &error));
  g_assert_no_error (error);
}

/* A query that never ends unless interrupted, replaced by another one:
 * the model keeps the old rows meanwhile, then shows the second, and
 * the first stops reading the file. */
static void
test_new_query_cancels (Fixture       *fixture,
                        gconstpointer  data)
{
  GListModel *list = G_LIST_MODEL (fixture->model);
  g_autoptr(GError) error = NULL;
  LlQueryModel *model = fixture->model;
  guint n_loading_notifies = 0;

  test_wait_checked (fixture->db);
  g_assert_true (ll_database_get_on_network_share (fixture->db));
  g_assert_true (ll_query_model_set_query_sync (model, BY_NAME, NULL, 0, &error));
  g_assert_no_error (error);
  g_array_set_size (fixture->changes, 0);
  g_signal_connect (model, "notify::loading", G_CALLBACK (loading_notify_cb),
                    &n_loading_notifies);

  ll_query_model_set_query (model, ENDLESS_QUERY, NULL, 0);
  g_assert_true (ll_query_model_get_loading (model));

  /* Give it time to start. */
  for (guint i = 0; i < 5; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_assert_true (ll_query_model_get_loading (model));
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, N_STATIONS);
  g_assert_cmpuint (fixture->changes->len, ==, 0);

  /* Typing on: the stations named 站点000…. */
  {
    g_autoptr(GArray) params = ll_search_params_new ();
    g_autofree char *filter = ll_search_build_filter (LL_SEARCH_SCOPE_STATIONS, "站点000", NULL,
                                                      params);
    g_autofree char *sql = g_strdup_printf ("SELECT id FROM stations WHERE %s ORDER BY name",
                                            filter);

    ll_query_model_set_query (model, sql, (const GValue *) (gpointer) params->data, params->len);
  }
  wait_loaded (model);

  /* Rows 0 … 8 (站点00010 … 站点00090) stay; the rest goes in one step. */
  {
    const Change expected[] = { { 9, N_STATIONS - 9, 0 } };

    assert_changes (fixture, expected, G_N_ELEMENTS (expected));
  }
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 9);
  g_assert_null (ll_query_model_get_error (model));
  /* Loading went on once and off once. */
  g_assert_cmpuint (n_loading_notifies, ==, 2);

  /* The endless query was interrupted. */
  assert_others_can_write (fixture);

  /* Dropping the model stops its query too. */
  ll_query_model_set_query (model, ENDLESS_QUERY, NULL, 0);
  for (guint i = 0; i < 5; i++)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (10000);
    }
  g_signal_handlers_disconnect_by_data (model, &n_loading_notifies);
  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &fixture->model);
  g_object_unref (model);
  g_assert_null (fixture->model);
  assert_others_can_write (fixture);
}

int
main (int   argc,
      char *argv[])
{
  int result;

  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  asked = g_array_new (FALSE, FALSE, sizeof (gint64));

#define ADD(name, func) \
  g_test_add ("/core/query-model/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("rows-in-order", test_rows_in_order);
  ADD ("lazy-pages", test_lazy_pages);
  ADD ("bounded-cache", test_bounded_cache);
  ADD ("first-rows-early", test_first_rows_early);
  ADD ("changes-elsewhere", test_changes_elsewhere);
  ADD ("row-gone", test_row_gone);
  g_test_add ("/core/query-model/new-query-cancels", Fixture, "share", fixture_set_up,
              test_new_query_cancels, fixture_tear_down);

  result = g_test_run ();
  g_array_unref (asked);

  return result;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-demo"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-demo.h"
#include "ll-enums.h"
#include "ll-search.h"
#include "test-util.h"

/* Demo data is dated relative to “today”: pin it. */
#define TODAY "2025-06-30"

typedef struct
{
  char       *dir;
  char       *path;
  LlDatabase *db;
} Fixture;

static LlDatabase *
open_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  LlDatabase *db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = open_new (fixture->path);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

/* Small but covering every key. */
static void
small_options (LlDemoOptions *options)
{
  ll_demo_options_init (options);
  options->stations = 14;
  options->people = 150;
  options->cases = 700;
  options->activities = 250;
  options->years = 3;
  options->seed = 7;
}

static void
generate (LlDatabase          *db,
          const LlDemoOptions *options)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_demo_generate (db, options, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
}

static gint64
count (LlDatabase *db,
       const char *sql)
{
  return test_query_int (db, sql);
}

/* A digest of what a query returns, row by row. */
static char *
digest (LlDatabase *db,
        const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, sql, &error);
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  LlStep step;

  g_assert_no_error (error);
  while ((step = _ll_statement_step (statement, &error)) == LL_STEP_ROW)
    {
      int n = sqlite3_column_count (statement->stmt);

      for (int i = 0; i < n; i++)
        {
          const char *text = (const char *) sqlite3_column_text (statement->stmt, i);

          g_checksum_update (checksum, (const guchar *) (text != NULL ? text : "\x01"), -1);
          g_checksum_update (checksum, (const guchar *) "\x02", 1);
        }
    }
  g_assert_cmpint (step, ==, LL_STEP_DONE);

  return g_strdup (g_checksum_get_string (checksum));
}

/* Everything but the moment of writing (created_at, updated_at). */
static const char * const content_queries[] = {
  "SELECT id, parent_id, level, name FROM areas ORDER BY id",
  "SELECT id, parent_id, kind, name, area_id, address, opened_on, floor_area, phone, "
  "reception_schedule, reception_days, active, archived_at FROM stations ORDER BY id",
  "SELECT id, name, gender, ethnicity, birth_date, party, role, level, term, constituency, unit, "
  "post, occupation, phone, deputy_group_id, specialty_group_id, active FROM people ORDER BY id",
  "SELECT person_id, station_id, station_role, is_primary, from_date, to_date "
  "FROM memberships ORDER BY id",
  "SELECT id, serial, title, body, received_on, source, station_id, constituent_name, "
  "constituent_phone, category, is_common, merged_into_id, fast_track, status, handling_mode, "
  "department_id, assigned_on, deadline, reply_text, replied_on, satisfaction, closed_on, "
  "look_back FROM cases ORDER BY id",
  "SELECT case_id, at, user, host, kind, from_status, to_status, detail FROM case_events "
  "ORDER BY id",
  "SELECT id, held_on, type, subtype, station_id, title, people_received, opinions_collected "
  "FROM activities ORDER BY id",
  "SELECT activity_id, person_id, attendance FROM activity_participants ORDER BY id",
  "SELECT year, item, attendance, points FROM point_rules ORDER BY id",
  "SELECT id, title, lead_person_id, answer_class FROM suggestions ORDER BY id",
};

static void
test_deterministic (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *other_path = g_build_filename (fixture->dir, "other.db", NULL);
  g_autofree char *third_path = g_build_filename (fixture->dir, "third.db", NULL);
  g_autoptr(LlDatabase) other = open_new (other_path);
  g_autoptr(LlDatabase) third = open_new (third_path);
  LlDemoOptions options;

  small_options (&options);
  generate (fixture->db, &options);
  generate (other, &options);
  options.seed = 8;
  generate (third, &options);

  for (guint i = 0; i < G_N_ELEMENTS (content_queries); i++)
    {
      g_autofree char *a = digest (fixture->db, content_queries[i]);
      g_autofree char *b = digest (other, content_queries[i]);

      g_assert_cmpstr (a, ==, b);
    }

  /* Another seed, other data (the same amounts). */
  {
    g_autofree char *a = digest (fixture->db, content_queries[4]);
    g_autofree char *c = digest (third, content_queries[4]);

    g_assert_cmpstr (a, !=, c);
    g_assert_cmpint (count (third, "SELECT count(*) FROM cases"), ==, 700);
  }

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM stations"), ==, 14);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM people"), ==, 150);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases"), ==, 700);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activities"), ==, 250);
}

/* Where each enumeration is stored. */
static const struct
{
  LlEnum      enumeration;
  const char *table;
  const char *column;
} enum_columns[] = {
  { LL_ENUM_STATION_KIND, "stations", "kind" },
  { LL_ENUM_DEPUTY_LEVEL, "people", "level" },
  { LL_ENUM_PERSON_ROLE, "people", "role" },
  { LL_ENUM_STATION_ROLE, "memberships", "station_role" },
  { LL_ENUM_CASE_STATUS, "cases", "status" },
  { LL_ENUM_CASE_SOURCE, "cases", "source" },
  { LL_ENUM_CASE_CATEGORY, "cases", "category" },
  { LL_ENUM_HANDLING_MODE, "cases", "handling_mode" },
  { LL_ENUM_SATISFACTION, "cases", "satisfaction" },
  { LL_ENUM_ATTENDANCE, "activity_participants", "attendance" },
  { LL_ENUM_ACTIVITY_TYPE, "activities", "type" },
  { LL_ENUM_SUGGESTION_CLASS, "suggestions", "answer_class" },
  { LL_ENUM_GENDER, "people", "gender" },
  { LL_ENUM_PAIRING_KIND, "pairings", "kind" },
  { LL_ENUM_GROUP_KIND, "groups", "kind" },
  { LL_ENUM_AREA_LEVEL, "areas", "level" },
  { LL_ENUM_VOTE, "project_votes", "vote" },
};

static void
test_every_key (Fixture       *fixture,
                gconstpointer  data)
{
  LlDemoOptions options;

  small_options (&options);
  generate (fixture->db, &options);

  /* A new enumeration must be added above (and to the generator). */
  g_assert_cmpuint (G_N_ELEMENTS (enum_columns), ==, LL_N_ENUMS);

  for (guint i = 0; i < G_N_ELEMENTS (enum_columns); i++)
    {
      const char * const *keys = ll_enum_get_keys (enum_columns[i].enumeration);

      for (guint k = 0; keys[k] != NULL; k++)
        {
          g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s = '%s'",
                                                  enum_columns[i].table,
                                                  enum_columns[i].column, keys[k]);

          if (count (fixture->db, sql) == 0)
            g_error ("No %s.%s = %s in the demo data", enum_columns[i].table,
                     enum_columns[i].column, keys[k]);
        }

      /* … and nothing that is not a key. */
      {
        g_autofree char *list = g_strjoinv ("', '", (char **) keys);
        g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s WHERE %s IS NOT NULL "
                                                "AND %s NOT IN ('%s')",
                                                enum_columns[i].table, enum_columns[i].column,
                                                enum_columns[i].column, list);

        g_assert_cmpint (count (fixture->db, sql), ==, 0);
      }
    }
}

static void
assert_none (LlDatabase *db,
             const char *what,
             const char *sql)
{
  gint64 n = count (db, sql);

  if (n != 0)
    g_error ("%s: %" G_GINT64_FORMAT " rows break the rule", what, n);
}

static void
assert_some (LlDatabase *db,
             const char *what,
             const char *sql)
{
  if (count (db, sql) == 0)
    g_error ("%s: none in the demo data", what);
}

static void
test_consistent (Fixture       *fixture,
                 gconstpointer  data)
{
  LlDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  LlDemoOptions options;

  small_options (&options);
  generate (db, &options);

  /* The file itself: integrity and every foreign key. */
  g_assert_true (ll_database_check (db, TRUE, NULL, &error));
  g_assert_no_error (error);

  /* The workflow, as ll-case-workflow enforces it. */
  assert_none (db, "registered with handling",
               "SELECT count(*) FROM cases WHERE status = 'registered' "
               "AND (handling_mode IS NOT NULL OR assigned_on IS NOT NULL "
               "OR replied_on IS NOT NULL)");
  assert_none (db, "handled without a mode",
               "SELECT count(*) FROM cases WHERE status <> 'registered' "
               "AND (handling_mode IS NULL OR assigned_on IS NULL)");
  assert_none (db, "assigned to a department without one",
               "SELECT count(*) FROM cases WHERE handling_mode = 'department' "
               "AND department_id IS NULL");
  assert_none (db, "assigned without a deadline",
               "SELECT count(*) FROM cases WHERE handling_mode IS NOT NULL "
               "AND handling_mode <> 'on_the_spot' AND deadline IS NULL");
  assert_none (db, "deadline before received",
               "SELECT count(*) FROM cases WHERE deadline < received_on");
  assert_none (db, "on the spot but not answered",
               "SELECT count(*) FROM cases WHERE handling_mode = 'on_the_spot' "
               "AND status NOT IN ('replied', 'closed')");
  assert_none (db, "replied without a reply",
               "SELECT count(*) FROM cases WHERE status IN ('replied', 'closed') "
               "AND (reply_text IS NULL OR replied_on IS NULL OR replied_on < assigned_on)");
  assert_none (db, "a reply before it was replied",
               "SELECT count(*) FROM cases WHERE status IN ('registered', 'assigned', "
               "'in_progress') AND (reply_text IS NOT NULL OR replied_on IS NOT NULL)");
  assert_none (db, "closed without satisfaction",
               "SELECT count(*) FROM cases WHERE status = 'closed' "
               "AND (satisfaction IS NULL OR closed_on IS NULL OR closed_on < replied_on)");
  assert_none (db, "satisfaction before closing",
               "SELECT count(*) FROM cases WHERE status <> 'closed' AND satisfaction IS NOT NULL");
  assert_none (db, "dates after today",
               "SELECT count(*) FROM cases WHERE max (received_on, coalesce (assigned_on, ''), "
               "coalesce (replied_on, ''), coalesce (closed_on, '')) > '" TODAY "'");
  assert_none (db, "merged into an individual case",
               "SELECT count(*) FROM cases c JOIN cases t ON t.id = c.merged_into_id "
               "WHERE t.is_common = 0 OR c.is_common = 1");
  assert_none (db, "look back on an open case",
               "SELECT count(*) FROM cases WHERE look_back = 1 AND status <> 'closed'");
  assert_none (db, "bad serial",
               "SELECT count(*) FROM cases WHERE serial <> printf ('%04d-%04d', year, seq) "
               "OR year <> CAST (substr (received_on, 1, 4) AS INTEGER)");

  /* Histories: one registration first, the last transition ends where
   * the case is. */
  assert_none (db, "not registered exactly once",
               "SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM case_events e "
               "WHERE e.case_id = c.id AND e.kind = 'registered') <> 1");
  assert_none (db, "history ends elsewhere",
               "SELECT count(*) FROM cases c WHERE c.status IS NOT (SELECT e.to_status "
               "FROM case_events e WHERE e.case_id = c.id AND e.to_status IS NOT NULL "
               "ORDER BY e.at DESC, e.id DESC LIMIT 1)");
  assert_none (db, "history out of order",
               "SELECT count(*) FROM case_events a JOIN case_events b ON b.case_id = a.case_id "
               "AND b.id > a.id AND b.at < a.at AND a.kind <> 'merged_in' "
               "AND b.kind <> 'merged_in'");
  assert_none (db, "a transition from another state",
               "SELECT count(*) FROM case_events e WHERE e.from_status IS NOT (SELECT p.to_status "
               "FROM case_events p WHERE p.case_id = e.case_id AND p.to_status IS NOT NULL "
               "AND (p.at < e.at OR (p.at = e.at AND p.id < e.id)) "
               "ORDER BY p.at DESC, p.id DESC LIMIT 1) AND e.to_status IS NOT NULL");
  assert_some (db, "reopened cases",
               "SELECT count(*) FROM case_events WHERE kind = 'reopen'");
  assert_some (db, "overdue cases",
               "SELECT count(*) FROM cases WHERE status IN ('assigned', 'in_progress') "
               "AND deadline < '" TODAY "'");
  assert_some (db, "fast-track cases", "SELECT count(*) FROM cases WHERE fast_track = 1");
  assert_some (db, "common issues with merged cases",
               "SELECT count(*) FROM cases WHERE merged_into_id IS NOT NULL");
  assert_some (db, "cases by years",
               "SELECT count(DISTINCT year) >= 3 FROM cases WHERE 1");

  /* Stationing: mixed grouping. */
  assert_none (db, "active deputy without exactly one primary station",
               "SELECT count(*) FROM people p WHERE p.role = 'deputy' AND p.active = 1 AND "
               "(SELECT count(*) FROM memberships m WHERE m.person_id = p.id "
               "AND m.to_date IS NULL AND m.is_primary = 1) <> 1");
  assert_some (db, "三官一员 in several stations",
               "SELECT count(*) FROM (SELECT person_id FROM memberships m JOIN people p "
               "ON p.id = m.person_id WHERE m.to_date IS NULL AND p.role IN ('police_officer', "
               "'judge', 'procurator', 'judicial_assistant') GROUP BY person_id "
               "HAVING count(*) > 1)");
  assert_some (db, "stations mixing deputy levels",
               "SELECT count(*) FROM (SELECT m.station_id FROM memberships m JOIN people p "
               "ON p.id = m.person_id WHERE m.to_date IS NULL AND p.level IS NOT NULL "
               "GROUP BY m.station_id HAVING count(DISTINCT p.level) >= 3)");
  assert_none (db, "a head who is not a deputy",
               "SELECT count(*) FROM memberships m JOIN people p ON p.id = m.person_id "
               "WHERE m.station_role = 'head' AND p.role <> 'deputy'");
  assert_none (db, "reception days outside the month",
               "SELECT count(*) FROM stations, json_each ('[' || reception_days || ']') "
               "WHERE value NOT BETWEEN 1 AND 28");
  assert_some (db, "a station tree",
               "SELECT count(*) FROM stations s JOIN stations p ON p.id = s.parent_id "
               "JOIN stations r ON r.id = p.parent_id");

  /* Points for every year, participants with attendance. */
  assert_none (db, "a year without point rules",
               "SELECT count(*) FROM (SELECT DISTINCT year FROM cases) y "
               "WHERE NOT EXISTS (SELECT 1 FROM point_rules r WHERE r.year = y.year)");
  assert_none (db, "an activity nobody attended",
               "SELECT count(*) FROM activities a WHERE NOT EXISTS "
               "(SELECT 1 FROM activity_participants p WHERE p.activity_id = a.id)");
  assert_none (db, "people received outside receptions and visits",
               "SELECT count(*) FROM activities WHERE people_received > 0 "
               "AND type NOT IN ('reception', 'visit')");
}

/* Everything the generator suspends comes back, and works. */
static void
test_schema_restored (Fixture       *fixture,
                      gconstpointer  data)
{
  LlDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) found = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  gint64 logged;
  LlDemoOptions options;
  const char *sql = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";

  schema_before = digest (db, sql);

  small_options (&options);
  generate (db, &options);

  schema_after = digest (db, sql);
  g_assert_cmpstr (schema_before, ==, schema_after);

  /* Open windows learn of the new rows through change_log. */
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log WHERE tbl = 'cases' "
                              "AND row_id = (SELECT max (id) FROM cases)"), ==, 1);

  /* The log triggers work again. */
  logged = count (db, "SELECT count(*) FROM change_log");
  g_assert_true (test_write_sql (db, "UPDATE stations SET notes = 'x' WHERE id = 1", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log"), ==, logged + 1);

  /* Every full-text index agrees with its content (FTS5's own check). */
  {
    g_autoptr(LlStatement) tables = _ll_database_prepare (db, "SELECT name FROM sqlite_master "
                                                              "WHERE sql LIKE '%USING fts5 (%'",
                                                          &error);
    g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

    g_assert_no_error (error);
    while (_ll_statement_step (tables, &error) == LL_STEP_ROW)
      g_ptr_array_add (names, _ll_statement_dup_text (tables, 0));
    g_assert_no_error (error);
    g_clear_pointer (&tables, _ll_statement_free);
    g_assert_cmpuint (names->len, >=, 3);

    for (guint i = 0; i < names->len; i++)
      {
        const char *name = g_ptr_array_index (names, i);
        g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (%s) VALUES ('integrity-check')",
                                                name, name);

        g_assert_true (test_write_sql (db, sql, &error));
        g_assert_no_error (error);
      }
  }

  /* The search index holds the cases, the people and the stations. */
  found = ll_search_ids (db, LL_SEARCH_SCOPE_CASES, "停车难", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==,
                    count (db, "SELECT count(*) FROM cases WHERE title LIKE '%停车难%' "
                               "OR body LIKE '%停车难%'"));
  g_assert_cmpuint (found->len, >, 0);
  g_clear_pointer (&found, g_array_unref);

  /* Two characters take another path through the index. */
  found = ll_search_ids (db, LL_SEARCH_SCOPE_CASES, "电梯", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==,
                    count (db, "SELECT count(*) FROM cases WHERE title LIKE '%电梯%' "
                               "OR body LIKE '%电梯%'"));
  g_assert_cmpuint (found->len, >, 0);
  g_clear_pointer (&found, g_array_unref);

  found = ll_search_ids (db, LL_SEARCH_SCOPE_STATIONS, "人大代表之家", 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (found->len, ==,
                    count (db, "SELECT count(*) FROM stations WHERE kind = 'home'"));
  g_clear_pointer (&found, g_array_unref);

  /* And the constraints are checked again on this connection. */
  g_assert_false (test_write_sql (db, "UPDATE cases SET status = 'nonsense' WHERE id = 1",
                                  &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (test_write_sql (db, "UPDATE cases SET station_id = 999999 WHERE id = 1",
                                  &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
}

typedef struct
{
  GCancellable *cancellable;
  double        last;
  guint         calls;
  gboolean      backwards;
  char         *phases;
} Progress;

static void
progress_cb (double      fraction,
             const char *phase,
             gpointer    user_data)
{
  Progress *progress = user_data;

  g_assert_nonnull (phase);
  g_assert_cmpfloat (fraction, >=, 0);
  g_assert_cmpfloat (fraction, <=, 1);
  if (fraction + 1e-9 < progress->last)
    progress->backwards = TRUE;
  progress->last = fraction;
  progress->calls++;

  if (progress->phases == NULL || !strstr (progress->phases, phase))
    {
      char *phases = g_strconcat (progress->phases ? progress->phases : "", phase, ";", NULL);

      g_free (progress->phases);
      progress->phases = phases;
    }

  if (progress->cancellable != NULL && strcmp (phase, "Cases") == 0 && fraction > 0.2)
    g_cancellable_cancel (progress->cancellable);
}

static void
test_progress (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  Progress progress = { 0 };
  LlDemoOptions options;

  small_options (&options);
  options.cases = 20000;
  g_assert_true (ll_demo_generate (fixture->db, &options, progress_cb, &progress, NULL,
                                   &error));
  g_assert_no_error (error);

  g_assert_false (progress.backwards);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpuint (progress.calls, >, 5);
  g_assert_nonnull (strstr (progress.phases, "Stations;"));
  g_assert_nonnull (strstr (progress.phases, "Cases;"));
  g_assert_nonnull (strstr (progress.phases, "Activities;"));
  g_free (progress.phases);
}

static void
test_cancel (Fixture       *fixture,
             gconstpointer  data)
{
  LlDatabase *db = fixture->db;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *schema_before = NULL;
  g_autofree char *schema_after = NULL;
  Progress progress = { 0 };
  LlDemoOptions options;
  const char *schema = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";

  schema_before = digest (db, schema);

  small_options (&options);
  options.cases = 20000;
  progress.cancellable = cancellable;
  g_assert_false (ll_demo_generate (db, &options, progress_cb, &progress, cancellable,
                                    &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_free (progress.phases);

  /* Nothing half-written: no rows, every trigger and index back. */
  g_assert_cmpint (count (db, "SELECT (SELECT count(*) FROM stations) + "
                              "(SELECT count(*) FROM people) + (SELECT count(*) FROM cases) + "
                              "(SELECT count(*) FROM areas) + (SELECT count(*) FROM departments)"),
                   ==, 0);
  schema_after = digest (db, schema);
  g_assert_cmpstr (schema_before, ==, schema_after);

  /* Cancelled before it starts. */
  g_assert_false (ll_demo_generate (db, &options, NULL, NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* And it can be done afterwards. */
  small_options (&options);
  generate (db, &options);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases"), ==, 700);
}

static void
test_refuse_non_empty (Fixture       *fixture,
                       gconstpointer  data)
{
  LlDatabase *db = fixture->db;
  g_autoptr(GError) error = NULL;
  LlDemoOptions options;
  gint64 logged;

  /* One station of the user's own is enough to refuse. */
  g_assert_true (test_write_sql (db, "INSERT INTO stations (kind, name) "
                                     "VALUES ('station', '我们自己的联络站')", &error));
  g_assert_no_error (error);

  small_options (&options);
  g_assert_false (ll_demo_generate (db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "stations: 1"));
  g_assert_nonnull (strstr (error->message, "empty database"));
  g_clear_error (&error);
  g_assert_cmpint (count (db, "SELECT count(*) FROM stations"), ==, 1);
  g_assert_cmpint (count (db, "SELECT count(*) FROM people"), ==, 0);

  /* Forced: added beside the user's data, every row logged, serials
   * continuing. */
  logged = count (db, "SELECT count(*) FROM change_log");
  options.force = TRUE;
  options.cases = 300;
  generate (db, &options);
  g_assert_cmpint (count (db, "SELECT count(*) FROM stations"), ==, 15);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log"), >,
                   logged + 300);

  options.seed = 99;
  generate (db, &options);
  g_assert_cmpint (count (db, "SELECT count(*) FROM cases"), ==, 600);
  g_assert_cmpint (count (db, "SELECT count(DISTINCT serial) FROM cases"), ==, 600);
  g_assert_cmpint (count (db, "SELECT count(*) FROM departments"), ==,
                   count (db, "SELECT count(DISTINCT name) FROM departments"));

  g_assert_true (ll_database_check (db, TRUE, NULL, &error));
  g_assert_no_error (error);
}

static void
test_bad_options (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  LlDemoOptions options;

  ll_demo_options_init (&options);
  options.stations = 0;
  g_assert_false (ll_demo_generate (fixture->db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Stations"));
  g_clear_error (&error);

  ll_demo_options_init (&options);
  options.years = 0;
  g_assert_false (ll_demo_generate (fixture->db, &options, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Years"));
  g_clear_error (&error);

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM areas"), ==, 0);
}

typedef struct
{
  gboolean   done;
  gboolean   ok;
  GError    *error;
  GThread   *main_thread;
  guint      progress_calls;
  gboolean   wrong_thread;
  LlDatabase *db;
} AsyncState;

static void
async_progress_cb (double      fraction,
                   const char *phase,
                   gpointer    user_data)
{
  AsyncState *state = user_data;

  if (g_thread_self () != state->main_thread)
    state->wrong_thread = TRUE;
  state->progress_calls++;
}

static void
async_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  AsyncState *state = user_data;

  state->ok = ll_demo_generate_finish (LL_DATABASE (object), result, &state->error);
  state->done = TRUE;
}

static void
changed_cb (LlDatabase *db,
            GPtrArray  *changes,
            gboolean   *changed)
{
  *changed = TRUE;
}

static void
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  AsyncState state = { 0 };
  gboolean changed = FALSE;
  LlDemoOptions options;

  state.main_thread = g_thread_self ();
  g_signal_connect (fixture->db, "changed", G_CALLBACK (changed_cb), &changed);

  small_options (&options);
  ll_demo_generate_async (fixture->db, &options, async_progress_cb, &state, NULL, NULL,
                          async_done_cb, &state);
  test_wait_for (&state.done);

  g_assert_no_error (state.error);
  g_assert_true (state.ok);
  g_assert_false (state.wrong_thread);
  g_assert_cmpuint (state.progress_calls, >, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases"), ==, 700);

  /* The window hears of it without waiting for the next poll. */
  test_wait_for (&changed);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LIANLUO_TODAY", TODAY, TRUE);
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/demo/deterministic", test_deterministic);
  ADD ("/demo/every-key", test_every_key);
  ADD ("/demo/consistent", test_consistent);
  ADD ("/demo/schema-restored", test_schema_restored);
  ADD ("/demo/progress", test_progress);
  ADD ("/demo/cancel", test_cancel);
  ADD ("/demo/refuse-non-empty", test_refuse_non_empty);
  ADD ("/demo/bad-options", test_bad_options);
  ADD ("/demo/async", test_async);

  return g_test_run ();
}

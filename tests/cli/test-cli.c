/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "cli-test.h"

/* Runs the built lianluo-cli as scripts do and checks what they rely on:
 * exit statuses, one-line errors on stderr, JSON keys. */

static char *
checksum_of (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* Usage ---------------------------------------------------------------------- */

static void
test_usage (Fixture       *fixture,
            gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  RUN (fixture, &run, "--version");
  assert_ok (&run);
  g_assert_true (g_str_has_prefix (run.out, "lianluo-cli "));

  {
    const char *args[] = { NULL };

    run_argv (fixture, fixture->db, args, &run);
    assert_one_line_error (&run, 1, "no command");
  }

  RUN (fixture, &run, "frobnicate");
  assert_one_line_error (&run, 1, "unknown command “frobnicate”");

  RUN (fixture, &run, "case");
  assert_one_line_error (&run, 1, "case");

  RUN (fixture, &run, "case", "frobnicate");
  assert_one_line_error (&run, 1, "frobnicate");

  RUN (fixture, &run, "stats", "--bogus");
  assert_one_line_error (&run, 1, "--bogus");

  RUN (fixture, &run, "stats", "extra");
  assert_one_line_error (&run, 1, "“extra”");

  RUN (fixture, &run, "backup");
  assert_one_line_error (&run, 1, "missing");

  RUN (fixture, &run, "case", "new", "--title", "路灯不亮");
  assert_one_line_error (&run, 1, "--station is required");

  RUN (fixture, &run, "station", "new", "某站");
  assert_one_line_error (&run, 1, "--kind is required");

  /* Nothing was created by any of that. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  RUN (fixture, &run, "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Work with a Lianluo database"));
  g_assert_nonnull (strstr (run.out, "Commands:"));
  for (const char * const *c = (const char * const[]) { "init", "check", "backup", "stats",
                                                         "search", "demo", "case", "station",
                                                         "person", "assign", NULL };
       *c != NULL; c++)
    g_assert_nonnull (strstr (run.out, *c));
  g_assert_nonnull (strstr (run.out, "--db=PATH"));

  RUN (fixture, &run, "case", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "lianluo-cli case COMMAND"));
  g_assert_nonnull (strstr (run.out, "reopen"));

  RUN (fixture, &run, "case", "new", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "lianluo-cli case new [OPTION"));
  g_assert_nonnull (strstr (run.out, "Registers a case"));
  g_assert_nonnull (strstr (run.out, "--station=ID"));
  g_assert_nonnull (strstr (run.out, "--constituent=NAME"));

  RUN (fixture, &run, "demo", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "--seed=N"));

  RUN (fixture, &run, "assign", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "PERSON STATION"));

  /* Asking for help never touches a database. */
  g_assert_false (g_file_test (fixture->db, G_FILE_TEST_EXISTS));
}

/* The database file ---------------------------------------------------------- */

static void
test_default_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *expected = g_build_filename (fixture->data_home, "lianluo", "lianluo.db",
                                                NULL);
  const char *stats[] = { "stats", "--json", NULL };
  g_autoptr(JsonNode) node = NULL;

  /* Without --db or LIANLUO_DB: $XDG_DATA_HOME/lianluo/lianluo.db, made
   * on first use, folder and all. */
  run_argv (fixture, NULL, stats, &run);
  assert_ok (&run);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  node = parse_json (run.out);
  g_assert_cmpstr (json_object_get_string_member (json_object_of (node), "database"), ==,
                   expected);
}

static void
test_missing_database (Fixture       *fixture,
                       gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *missing = g_build_filename (fixture->dir, "typo.db", NULL);

  /* A path given by hand that does not exist is an error … */
  RUN (fixture, &run, "--db", missing, "stats");
  assert_one_line_error (&run, 3, "does not exist");
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));

  {
    const char *args[] = { "stats", NULL };

    run_argv (fixture, missing, args, &run);
    assert_one_line_error (&run, 3, "does not exist");
    g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  }

  /* … except for init, which is there to make it. */
  RUN (fixture, &run, "--db", missing, "init");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "schema version"));
  g_assert_true (g_file_test (missing, G_FILE_TEST_IS_REGULAR));

  /* --db after the command works as well. */
  RUN (fixture, &run, "stats", "--db", missing);
  assert_ok (&run);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  guchar bytes[8192];
  sqlite3 *db = NULL;

  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = g_rand_int_range (rand, 0, 256);
  g_assert_true (g_file_set_contents (garbage, (const char *) bytes, sizeof bytes, NULL));
  before = checksum_of (garbage);

  RUN (fixture, &run, "--db", garbage, "stats");
  assert_one_line_error (&run, 3, "not a Lianluo database");
  RUN (fixture, &run, "--db", garbage, "case", "new", "--station", "1", "--title", "x");
  assert_one_line_error (&run, 3, "not a Lianluo database");
  RUN (fixture, &run, "--db", garbage, "init");
  assert_one_line_error (&run, 3, "not a Lianluo database");
  after = checksum_of (garbage);
  g_assert_cmpstr (before, ==, after);

  g_assert_cmpint (sqlite3_open (foreign, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE t (x); INSERT INTO t VALUES (1);", NULL, NULL,
                                 NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_clear_pointer (&before, g_free);
  g_clear_pointer (&after, g_free);
  before = checksum_of (foreign);

  RUN (fixture, &run, "--db", foreign, "stats", "--json");
  assert_one_line_error (&run, 3, "another program");
  g_assert_cmpstr (run.out, ==, "");
  after = checksum_of (foreign);
  g_assert_cmpstr (before, ==, after);
}

/* Records -------------------------------------------------------------------- */

static void
test_stations_and_people (Fixture       *fixture,
                          gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) home = NULL;
  g_autoptr(JsonNode) station = NULL;
  g_autoptr(JsonNode) person = NULL;
  g_autoptr(JsonNode) list = NULL;
  g_autoptr(JsonNode) people = NULL;
  g_autofree char *home_id = NULL;
  g_autofree char *station_id = NULL;
  g_autofree char *person_id = NULL;
  JsonObject *object;
  JsonArray *array;

  RUN (fixture, &run, "init");
  assert_ok (&run);

  home = run_json (fixture, "station", "new", "城关镇人大代表之家", "--kind", "home", "--json",
                   NULL);
  object = json_object_of (home);
  g_assert_cmpint (json_object_get_int_member (object, "id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "城关镇人大代表之家");
  g_assert_cmpstr (json_object_get_string_member (object, "kind"), ==, "home");
  g_assert_true (json_object_get_null_member (object, "parent_id"));
  home_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));

  station = run_json (fixture, "station", "new", "东湖社区人大代表联络站", "--kind", "station",
                      "--parent", home_id, "--json", NULL);
  object = json_object_of (station);
  g_assert_cmpint (json_object_get_int_member (object, "parent_id"), ==,
                   g_ascii_strtoll (home_id, NULL, 10));
  station_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));

  /* Plain output for people. */
  RUN (fixture, &run, "station", "new", "晓鹃代表工作室", "--kind", "studio", "--parent", home_id);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "晓鹃代表工作室"));

  /* Refused values: the option and the accepted keys are named. */
  RUN (fixture, &run, "station", "new", "某站", "--kind", "castle");
  assert_one_line_error (&run, 2, "--kind: “castle” is not one of home, station,");
  RUN (fixture, &run, "station", "new", "某站", "--kind", "point", "--parent", "999");
  assert_one_line_error (&run, 2, "There is no station 999");
  RUN (fixture, &run, "station", "new", "某站", "--kind", "point", "--parent", "abc");
  assert_one_line_error (&run, 2, "--parent");

  list = run_json (fixture, "station", "list", "--json", NULL);
  array = json_node_get_array (list);
  g_assert_cmpuint (json_array_get_length (array), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      JsonObject *item = json_array_get_object_element (array, i);

      g_assert_true (json_object_has_member (item, "id"));
      g_assert_true (json_object_has_member (item, "version"));
    }
  /* The tree: the home first, its stations after it. */
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0),
                                                  "kind"), ==, "home");

  person = run_json (fixture, "person", "new", "王建国", "--role", "deputy", "--level",
                     "township", "--phone", "13812345678", "--json", NULL);
  object = json_object_of (person);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "王建国");
  g_assert_cmpstr (json_object_get_string_member (object, "level"), ==, "township");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  person_id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));

  RUN (fixture, &run, "person", "new", "李法官", "--role", "judge", "--level", "city");
  assert_one_line_error (&run, 2, NULL);
  RUN (fixture, &run, "person", "new", "张三", "--role", "deputy", "--phone", "12");
  assert_one_line_error (&run, 2, "--phone");
  RUN (fixture, &run, "person", "new", "张三", "--role", "mayor");
  assert_one_line_error (&run, 2, "--role");

  RUN (fixture, &run, "assign", person_id, station_id, "--role", "head");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "王建国"));
  RUN (fixture, &run, "assign", person_id, "999");
  assert_one_line_error (&run, 2, "There is no station 999");
  RUN (fixture, &run, "assign", "999", station_id);
  assert_one_line_error (&run, 2, "There is no person 999");
  RUN (fixture, &run, "assign", person_id, station_id, "--role", "boss");
  assert_one_line_error (&run, 2, "--role");

  people = run_json (fixture, "person", "list", "--station", station_id, "--json", NULL);
  array = json_node_get_array (people);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  object = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (object, "name"), ==, "王建国");
  g_assert_true (json_object_has_member (object, "id"));
  g_assert_true (json_object_has_member (object, "version"));

  g_clear_pointer (&people, json_node_unref);
  people = run_json (fixture, "person", "list", "--station", home_id, "--json", NULL);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (people)), ==, 0);
}

static JsonObject *
case_step (Fixture    *fixture,
           JsonNode  **holder,
           const char *expected_status,
           const char *first,
           ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  va_list ap;
  JsonObject *object;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, NULL);

  run_argv (fixture, fixture->db, (const char * const *) args->pdata, &run);
  assert_ok (&run);
  g_clear_pointer (holder, json_node_unref);
  *holder = parse_json (run.out);
  object = json_object_of (*holder);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, expected_status);

  return object;
}

static void
test_case_workflow (Fixture       *fixture,
                    gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) station = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonNode) other = NULL;
  g_autofree char *station_id = NULL;
  g_autofree char *id = NULL;
  g_autofree char *serial = NULL;
  JsonObject *object;
  gint64 version;
  gint64 department_id;

  RUN (fixture, &run, "init");
  assert_ok (&run);
  station = run_json (fixture, "station", "new", "东湖社区人大代表联络站", "--kind", "station",
                      "--json", NULL);
  station_id = g_strdup_printf ("%" G_GINT64_FORMAT,
                                json_object_get_int_member (json_object_of (station), "id"));

  object = case_step (fixture, &node, "registered", "case", "new", "--station", station_id,
                      "--title", "小区停车难", "--body", "晚上车辆乱停，消防通道被堵",
                      "--category", "property_management", "--source", "reception_day",
                      "--received", "2025-06-02", "--constituent", "李秀英", "--phone",
                      "13912345678", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "serial"), ==, "2025-0001");
  g_assert_cmpint (json_object_get_int_member (object, "version"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (object, "received_on"), ==, "2025-06-02");
  id = g_strdup_printf ("%" G_GINT64_FORMAT, json_object_get_int_member (object, "id"));
  serial = g_strdup (json_object_get_string_member (object, "serial"));
  version = json_object_get_int_member (object, "version");

  /* Plain output names the serial. */
  RUN (fixture, &run, "case", "new", "--station", station_id, "--title", "路灯不亮");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "2025-0002"));

  /* Bad values, each refused with 2 before anything is written. */
  RUN (fixture, &run, "case", "new", "--station", station_id, "--title", "x", "--category",
       "weather");
  assert_one_line_error (&run, 2, "--category: “weather” is not one of");
  RUN (fixture, &run, "case", "new", "--station", station_id, "--title", "x", "--received",
       "2025-02-30");
  assert_one_line_error (&run, 2, "--received");
  RUN (fixture, &run, "case", "new", "--station", station_id, "--title", "x", "--phone", "abc");
  assert_one_line_error (&run, 2, "--phone");
  RUN (fixture, &run, "case", "new", "--station", "4242", "--title", "x");
  assert_one_line_error (&run, 2, "no station 4242");
  RUN (fixture, &run, "case", "new", "--station", station_id, "--title", "  ");
  assert_one_line_error (&run, 2, NULL);

  /* A step the workflow does not allow yet: refused, with the reason. */
  RUN (fixture, &run, "case", "close", id, "--satisfaction", "satisfied");
  assert_one_line_error (&run, 2, NULL);
  RUN (fixture, &run, "case", "assign", id, "--department", "区住建局", "--deadline", "2025-06-01");
  assert_one_line_error (&run, 2, NULL);

  /* new → assign → reply → close → reopen, by id and by serial. */
  object = case_step (fixture, &node, "assigned", "case", "assign", id, "--department",
                      "区住建局", "--deadline", "2025-07-15", NULL);
  g_assert_cmpint (json_object_get_int_member (object, "version"), >, version);
  version = json_object_get_int_member (object, "version");
  g_assert_cmpstr (json_object_get_string_member (object, "handling_mode"), ==, "department");
  g_assert_cmpstr (json_object_get_string_member (object, "deadline"), ==, "2025-07-15");
  g_assert_cmpstr (json_object_get_string_member (object, "department_name"), ==, "区住建局");
  department_id = json_object_get_int_member (object, "department_id");

  /* The second case goes to the same department, found by its name. */
  object = case_step (fixture, &other, "assigned", "case", "assign", "2025-0002",
                      "--department", "区住建局", "--deadline", "2025-07-20", NULL);
  g_assert_cmpint (json_object_get_int_member (object, "department_id"), ==, department_id);

  object = case_step (fixture, &node, "replied", "case", "reply", serial, "--text",
                      "已协调新增临时停车位六十个", NULL);
  g_assert_cmpint (json_object_get_int_member (object, "version"), >, version);
  version = json_object_get_int_member (object, "version");
  g_assert_cmpstr (json_object_get_string_member (object, "reply_text"), ==,
                   "已协调新增临时停车位六十个");

  RUN (fixture, &run, "case", "close", id, "--satisfaction", "happy");
  assert_one_line_error (&run, 2, "--satisfaction");

  object = case_step (fixture, &node, "closed", "case", "close", id, "--satisfaction",
                      "dissatisfied", NULL);
  g_assert_cmpstr (json_object_get_string_member (object, "satisfaction"), ==, "dissatisfied");
  g_assert_cmpint (json_object_get_int_member (object, "version"), >, version);

  object = case_step (fixture, &node, "assigned", "case", "reopen", serial, NULL);
  g_assert_true (json_object_get_null_member (object, "satisfaction"));
  g_assert_cmpint (json_object_get_int_member (object, "department_id"), ==, department_id);

  /* show: the same case by id and by serial, with its history. */
  g_clear_pointer (&node, json_node_unref);
  node = run_json (fixture, "case", "show", serial, "--json", NULL);
  object = json_object_of (node);
  g_assert_cmpstr (json_object_get_string_member (object, "serial"), ==, serial);
  g_assert_cmpstr (json_object_get_string_member (object, "status"), ==, "assigned");
  g_assert_cmpint (json_object_get_int_member (object, "id"), ==, g_ascii_strtoll (id, NULL, 10));
  g_assert_true (json_object_has_member (object, "version"));
  {
    JsonArray *events = json_object_get_array_member (object, "events");
    const char *kinds[] = { "registered", "assign", "reply", "close", "reopen" };

    g_assert_cmpuint (json_array_get_length (events), ==, G_N_ELEMENTS (kinds));
    for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (events, i),
                                                      "kind"), ==, kinds[i]);
  }

  RUN (fixture, &run, "case", "show", id);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "2025-0001  小区停车难"));
  g_assert_nonnull (strstr (run.out, "History:"));

  RUN (fixture, &run, "case", "show", "2025-9999");
  assert_one_line_error (&run, 2, "There is no case 2025-9999");
  RUN (fixture, &run, "case", "show", "4242");
  assert_one_line_error (&run, 2, "There is no case 4242");
  RUN (fixture, &run, "case", "show", "banana");
  assert_one_line_error (&run, 2, "banana");
}

/* A database that someone else holds busy: 3 after the bounded wait. */
static void
test_busy (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  sqlite3 *db = NULL;

  RUN (fixture, &run, "init");
  assert_ok (&run);
  RUN (fixture, &run, "station", "new", "东湖社区人大代表联络站", "--kind", "station");
  assert_ok (&run);

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);

  RUN (fixture, &run, "case", "new", "--station", "1", "--title", "路灯不亮");
  assert_one_line_error (&run, 3, "busy");

  g_assert_cmpint (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  RUN (fixture, &run, "case", "new", "--station", "1", "--title", "路灯不亮");
  assert_ok (&run);
}

/* Whole database ------------------------------------------------------------- */

static void
test_demo_stats_search (Fixture       *fixture,
                        gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) stats = NULL;
  g_autoptr(JsonNode) found = NULL;
  JsonObject *object;
  JsonObject *by_status;
  gint64 sum = 0;

  RUN (fixture, &run, "demo", "--cases", "many");
  assert_one_line_error (&run, 2, "--cases");
  RUN (fixture, &run, "demo", "--stations", "0");
  assert_one_line_error (&run, 2, "Stations");

  RUN (fixture, &run, "demo", "--stations", "14", "--people", "150", "--cases", "600",
       "--activities", "200", "--years", "2", "--seed", "5");
  assert_ok (&run);
  /* Not a terminal: no progress line, just what was made. */
  g_assert_null (strchr (run.out, '\r'));
  g_assert_true (g_str_has_prefix (run.out, "Made 14 stations, 150 people, 600 cases and 200 "
                                             "activities in "));

  /* Not twice into the same file. */
  RUN (fixture, &run, "demo");
  assert_one_line_error (&run, 2, "already holds data");

  stats = run_json (fixture, "stats", "--json", NULL);
  object = json_object_of (stats);
  g_assert_cmpint (json_object_get_int_member (object, "stations"), ==, 14);
  g_assert_cmpint (json_object_get_int_member (object, "people"), ==, 150);
  g_assert_cmpint (json_object_get_int_member (object, "cases"), ==, 600);
  g_assert_cmpint (json_object_get_int_member (object, "activities"), ==, 200);
  by_status = json_object_get_object_member (object, "cases_by_status");
  for (const char * const *s = (const char * const[]) { "registered", "assigned", "in_progress",
                                                         "replied", "closed", NULL };
       *s != NULL; s++)
    {
      g_assert_true (json_object_has_member (by_status, *s));
      sum += json_object_get_int_member (by_status, *s);
    }
  g_assert_cmpint (sum, ==, 600);

  RUN (fixture, &run, "stats");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Cases"));

  found = run_json (fixture, "search", "停车难", "--json", NULL);
  object = json_object_of (found);
  g_assert_cmpstr (json_object_get_string_member (object, "query"), ==, "停车难");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "cases")), >, 0);
  g_assert_true (json_object_has_member (object, "people"));
  g_assert_true (json_object_has_member (object, "stations"));
  {
    JsonObject *first = json_array_get_object_element (json_object_get_array_member (object,
                                                                                    "cases"), 0);

    g_assert_true (json_object_has_member (first, "id"));
    g_assert_true (json_object_has_member (first, "serial"));
    g_assert_true (json_object_has_member (first, "version"));
  }

  g_clear_pointer (&found, json_node_unref);
  found = run_json (fixture, "search", "人大代表之家", "--scope", "stations", "--json", NULL);
  object = json_object_of (found);
  g_assert_false (json_object_has_member (object, "cases"));
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "stations")),
                    >, 0);

  RUN (fixture, &run, "search", "停车", "--limit", "2");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "Cases (first 2):"));

  RUN (fixture, &run, "search", " ");
  assert_one_line_error (&run, 2, NULL);
  RUN (fixture, &run, "search", "停车", "--scope", "planets");
  assert_one_line_error (&run, 2, "--scope");
}

static void
test_backup_check (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_autofree char *copy = g_build_filename (fixture->dir, "copy.db", NULL);
  g_autoptr(JsonNode) stats = NULL;

  RUN (fixture, &run, "demo", "--stations", "8", "--people", "40", "--cases", "50",
       "--activities", "10");
  assert_ok (&run);

  RUN (fixture, &run, "check");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "good order"));

  RUN (fixture, &run, "backup", copy);
  assert_ok (&run);
  g_assert_true (g_file_test (copy, G_FILE_TEST_IS_REGULAR));

  RUN (fixture, &run, "--db", copy, "check");
  assert_ok (&run);
  stats = run_json (fixture, "--db", copy, "stats", "--json", NULL);
  g_assert_cmpint (json_object_get_int_member (json_object_of (stats), "cases"), ==, 50);

  RUN (fixture, &run, "backup", fixture->db);
  assert_one_line_error (&run, 2, "itself");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/usage", test_usage);
  ADD ("/cli/help", test_help);
  ADD ("/cli/default-database", test_default_database);
  ADD ("/cli/missing-database", test_missing_database);
  ADD ("/cli/bad-files", test_bad_files);
  ADD ("/cli/stations-and-people", test_stations_and_people);
  ADD ("/cli/case-workflow", test_case_workflow);
  ADD ("/cli/busy", test_busy);
  ADD ("/cli/demo-stats-search", test_demo_stats_search);
  ADD ("/cli/backup-check", test_backup_check);

  return g_test_run ();
}

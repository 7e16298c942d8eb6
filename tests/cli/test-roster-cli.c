/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-roster-cli"

#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <locale.h>
#include <sqlite3.h>
#include <string.h>

#include "cli-test.h"

/* lianluo-cli roster set / show / export / record, as scripts use it:
 * exit statuses, one-line errors with the reason, JSON keys, the CSV. */

static char *
new_id (Fixture    *fixture,
        const char *first,
        ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  g_auto(Run) run = { 0 };
  g_autoptr(JsonNode) node = NULL;
  va_list ap;

  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (args, (gpointer) "--json");
  g_ptr_array_add (args, NULL);

  run_argv (fixture, fixture->db, (const char * const *) args->pdata, &run);
  assert_ok (&run);
  node = parse_json (run.out);
  return g_strdup_printf ("%" G_GINT64_FORMAT,
                          json_object_get_int_member (json_object_of (node), "id"));
}

static gint64
query_int (Fixture    *fixture,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

static void
no_log_func (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  sqlite3_result_int (context, 0);
}

/* Writes the file directly, as no command sets reception days yet; the
 * triggers' change log is left out. */
static void
exec_sql (Fixture    *fixture,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (fixture->db, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "ll_log_changes", 0, SQLITE_UTF8, NULL,
                                            no_log_func, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "ll_user", 0, SQLITE_UTF8, NULL,
                                            no_log_func, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_create_function (db, "ll_host", 0, SQLITE_UTF8, NULL,
                                            no_log_func, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

/* A station with reception days 10 and 30, two deputies stationed there,
 * one elsewhere. */
typedef struct
{
  char *east;
  char *zhou;
  char *wu;
  char *zheng;
} People;

static void
people_clear (People *people)
{
  g_free (people->east);
  g_free (people->zhou);
  g_free (people->wu);
  g_free (people->zheng);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (People, people_clear)

static void
set_up_station (Fixture *fixture,
                People  *people)
{
  g_auto(Run) run = { 0 };
  g_autofree char *south = NULL;

  RUN (fixture, &run, "init");
  assert_ok (&run);
  people->east = new_id (fixture, "station", "new", "东湖社区人大代表联络站", "--kind", "station",
                         "--address", "东湖路1号, 二楼", NULL);
  south = new_id (fixture, "station", "new", "南湖社区人大代表联络站", "--kind", "station", NULL);
  exec_sql (fixture, "UPDATE stations SET reception_days = '10,30' WHERE name LIKE '东湖%'");
  people->zhou = new_id (fixture, "person", "new", "周建华", "--role", "deputy", NULL);
  people->wu = new_id (fixture, "person", "new", "吴丽", "--role", "deputy", NULL);
  people->zheng = new_id (fixture, "person", "new", "郑强", "--role", "deputy", NULL);
  RUN (fixture, &run, "assign", people->zhou, people->east);
  assert_ok (&run);
  RUN (fixture, &run, "assign", people->wu, people->east);
  assert_ok (&run);
  RUN (fixture, &run, "assign", people->zheng, south);
  assert_ok (&run);
}

static void
test_help (Fixture       *fixture,
           gconstpointer  data)
{
  g_auto(Run) run = { 0 };

  RUN (fixture, &run, "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "roster"));

  RUN (fixture, &run, "roster", "--help");
  assert_ok (&run);
  for (guint i = 0; i < 4; i++)
    g_assert_nonnull (strstr (run.out, (const char *[]) { "set", "show", "export",
                                                          "record" }[i]));

  RUN (fixture, &run, "roster", "record", "--help");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "PERSON=ATTENDANCE"));

  RUN (fixture, &run, "roster", "plan");
  assert_one_line_error (&run, 1, "plan");
  RUN (fixture, &run, "roster", "set", "1");
  assert_one_line_error (&run, 1, NULL);
}

static void
test_set_show (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(People) people = { 0 };
  g_autoptr(JsonNode) month = NULL;
  JsonArray *days, *on_duty;

  set_up_station (fixture, &people);

  /* By name and by id. */
  RUN (fixture, &run, "roster", "set", "东湖社区人大代表联络站", "2025-07-10", "周建华",
       people.wu);
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "2 people"));

  /* The same person twice, someone stationed elsewhere, an unknown name,
   * a day that is no reception day, a station without reception days. */
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-30", "吴丽", "吴丽");
  assert_one_line_error (&run, 2, "吴丽");
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-30", people.zheng);
  assert_one_line_error (&run, 2, "郑强");
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-30", "郑强");
  assert_one_line_error (&run, 2, "郑强");
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-11", "吴丽");
  assert_one_line_error (&run, 2, "2025-07-10");
  RUN (fixture, &run, "roster", "set", "南湖社区人大代表联络站", "2025-07-10");
  assert_one_line_error (&run, 2, "reception days");
  RUN (fixture, &run, "roster", "set", "西湖站", "2025-07-10");
  assert_one_line_error (&run, 2, "西湖站");
  RUN (fixture, &run, "roster", "set", people.east, "7月10日");
  assert_one_line_error (&run, 2, NULL);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM roster_entries"), ==, 2);

  RUN (fixture, &run, "roster", "set", people.east, "2025-07-30", "吴丽");
  assert_ok (&run);

  month = run_json (fixture, "roster", "show", people.east, "--month", "2025-07", "--json", NULL);
  g_assert_cmpstr (json_object_get_string_member (json_object_of (month), "month"), ==,
                   "2025-07");
  days = json_object_get_array_member (json_object_of (month), "days");
  g_assert_cmpuint (json_array_get_length (days), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (days, 0),
                                                  "date"), ==, "2025-07-10");
  on_duty = json_object_get_array_member (json_array_get_object_element (days, 0), "people");
  g_assert_cmpuint (json_array_get_length (on_duty), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (on_duty, 0),
                                              "attendance"));
  on_duty = json_object_get_array_member (json_array_get_object_element (days, 1), "people");
  g_assert_cmpuint (json_array_get_length (on_duty), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (on_duty, 0),
                                                  "name"), ==, "吴丽");

  RUN (fixture, &run, "roster", "show", people.east, "--month", "2025-07");
  assert_ok (&run);
  g_assert_nonnull (strstr (run.out, "2025-07-10  Thursday"));
  g_assert_nonnull (strstr (run.out, "周建华"));

  /* Exactly those: an empty list clears the day. */
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-30");
  assert_ok (&run);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM roster_entries "
                                       "WHERE held_on = '2025-07-30'"), ==, 0);

  RUN (fixture, &run, "roster", "show", people.east, "--month", "July");
  assert_one_line_error (&run, 2, "--month");
}

static void
test_export (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(People) people = { 0 };
  g_autofree char *out = g_build_filename (fixture->dir, "roster.csv", NULL);
  g_autofree char *csv = NULL;
  g_auto(GStrv) lines = NULL;

  set_up_station (fixture, &people);
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-10", "周建华", "吴丽");
  assert_ok (&run);

  RUN (fixture, &run, "roster", "export", people.east, "--month", "2025-07");
  assert_one_line_error (&run, 1, "--out");

  RUN (fixture, &run, "roster", "export", people.east, "--month", "2025-07", "--out", out);
  assert_ok (&run);
  g_assert_true (g_file_get_contents (out, &csv, NULL, NULL));

  /* A byte-order mark for Excel and WPS, CRLF, a line per reception day
   * (an empty day too), quoted fields where a comma is. */
  g_assert_true (g_str_has_prefix (csv, "\xEF\xBB\xBF" "Date,"));
  lines = g_strsplit (csv, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[1], ==, "2025-07-10,Thursday,\"吴丽, 周建华\",东湖社区人大代表联络站,"
                                 "\"东湖路1号, 二楼\"");
  g_assert_cmpstr (lines[2], ==, "2025-07-30,Wednesday,,东湖社区人大代表联络站,"
                                 "\"东湖路1号, 二楼\"");
  g_assert_cmpstr (lines[3], ==, "");
}

static void
test_record (Fixture       *fixture,
             gconstpointer  data)
{
  g_auto(Run) run = { 0 };
  g_auto(People) people = { 0 };
  g_autoptr(JsonNode) month = NULL;
  gint64 activity;

  set_up_station (fixture, &people);
  RUN (fixture, &run, "roster", "set", people.east, "2025-06-10", "周建华", "吴丽");
  assert_ok (&run);
  RUN (fixture, &run, "roster", "set", people.east, "2025-07-10", "周建华");
  assert_ok (&run);

  /* Before the day; a bad attendance; someone missing; a bad argument. */
  RUN (fixture, &run, "roster", "record", people.east, "2025-07-10", "周建华=present");
  assert_one_line_error (&run, 2, "2025-07-10");
  RUN (fixture, &run, "roster", "record", people.east, "2025-06-10", "周建华=late");
  assert_one_line_error (&run, 2, "late");
  RUN (fixture, &run, "roster", "record", people.east, "2025-06-10", "周建华=present");
  assert_one_line_error (&run, 2, "吴丽");
  RUN (fixture, &run, "roster", "record", people.east, "2025-06-10", "周建华");
  assert_one_line_error (&run, 1, "PERSON=present");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM roster_entries "
                                       "WHERE attendance IS NOT NULL"), ==, 0);

  RUN (fixture, &run, "roster", "record", people.east, "2025-06-10", "周建华=present",
       "吴丽=leave");
  assert_ok (&run);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM activities "
                                       "WHERE type = 'reception' AND held_on = '2025-06-10'"),
                   ==, 1);
  activity = query_int (fixture, "SELECT id FROM activities");
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM activity_participants "
                                       "WHERE attendance = 'leave'"), ==, 1);

  /* Recording again, with 吴丽 present after all: the same activity. */
  RUN (fixture, &run, "roster", "record", people.east, "2025-06-10", "吴丽=present");
  assert_ok (&run);
  g_assert_cmpint (query_int (fixture, "SELECT id FROM activities"), ==, activity);
  g_assert_cmpint (query_int (fixture, "SELECT count(*) FROM activity_participants "
                                       "WHERE attendance = 'present'"), ==, 2);

  month = run_json (fixture, "roster", "show", people.east, "--month", "2025-06", "--json", NULL);
  {
    JsonArray *days = json_object_get_array_member (json_object_of (month), "days");
    JsonArray *on_duty = json_object_get_array_member (json_array_get_object_element (days, 0),
                                                       "people");
    JsonObject *first = json_array_get_object_element (on_duty, 0);

    g_assert_cmpstr (json_object_get_string_member (first, "attendance"), ==, "present");
    g_assert_cmpint (json_object_get_int_member (first, "activity_id"), ==, activity);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/cli/roster/help", test_help);
  ADD ("/cli/roster/set-show", test_set_show);
  ADD ("/cli/roster/export", test_export);
  ADD ("/cli/roster/record", test_record);

#undef ADD

  return g_test_run ();
}

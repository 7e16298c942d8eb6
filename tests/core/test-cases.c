/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cases"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-core.h"
#include "ll-enums.h"
#include "ll-validate.h"
#include "ll-station-store.h"
#include "ll-person-store.h"
#include "ll-department-store.h"
#include "test-util.h"

/* Cases: the record, registration, edits with their history, deletion,
 * receiving deputies, load_many and the query builder of the case list. */

typedef struct
{
  char       *dir;
  char       *path;
  LlDatabase *db;
} Fixture;

static gint64
add_station (LlDatabase *db,
             const char *name,
             const char *kind,
             gint64      parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();

  ll_station_set_name (station, name);
  ll_station_set_kind (station, kind);
  ll_station_set_parent_id (station, parent_id);
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);
  return ll_station_get_id (station);
}

static gint64
add_person (LlDatabase *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();

  ll_person_set_name (person, name);
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return ll_person_get_id (person);
}

static gint64
add_department (LlDatabase *db,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDepartment) department = ll_department_new ();

  ll_department_set_name (department, name);
  g_assert_true (ll_department_store_create (db, department, &error));
  g_assert_no_error (error);
  return ll_department_get_id (department);
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
  ll_database_set_user (fixture->db, "xiaoli");
  ll_database_set_host (fixture->db, "front-desk");

  /* 东湖街道人大代表之家 → 东湖社区联络站 → 东湖一号点; 西山联络站. */
  /* 东湖街道人大代表之家 → 东湖社区联络站 → 东湖一号点; 西山联络站. */
  g_assert_cmpint (add_station (fixture->db, "东湖街道人大代表之家", "home", 0), ==, 1);
  g_assert_cmpint (add_station (fixture->db, "东湖社区联络站", "station", 1), ==, 2);
  g_assert_cmpint (add_station (fixture->db, "东湖一号点", "point", 2), ==, 3);
  g_assert_cmpint (add_station (fixture->db, "西山联络站", "station", 0), ==, 4);
  g_assert_cmpint (add_department (fixture->db, "区住建局"), ==, 1);
  g_assert_cmpint (add_department (fixture->db, "区交通局"), ==, 2);
  g_assert_cmpint (add_person (fixture->db, "王建国"), ==, 1);
  g_assert_cmpint (add_person (fixture->db, "李晓鹃"), ==, 2);
  g_assert_cmpint (add_person (fixture->db, "张伟"), ==, 3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_unsetenv ("LIANLUO_TODAY");
}

static LlCase *
new_case (const char *title,
          const char *received_on,
          gint64      station_id)
{
  LlCase *kase = ll_case_new ();

  ll_case_set_title (kase, title);
  ll_case_set_received_on (kase, received_on);
  ll_case_set_station_id (kase, station_id);
  return kase;
}

static LlCase *
register_case (LlDatabase *db,
               const char *title,
               const char *received_on)
{
  g_autoptr(GError) error = NULL;
  LlCase *kase = new_case (title, received_on, 2);

  g_assert_true (ll_case_store_create (db, kase, NULL, 0, &error));
  g_assert_no_error (error);
  return kase;
}

static gint64
count (LlDatabase *db,
       const char *sql)
{
  return test_query_int (db, sql);
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (json);
  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

/* The record --------------------------------------------------------------- */

/* The edit-conflict dialog compares READWRITE properties: they must be
 * exactly the columns. */
static void
test_properties_are_columns (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (LL_TYPE_CASE);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0, n_columns = 0, n_writable = 0;

  statement = _ll_database_prepare (fixture->db, "SELECT name FROM pragma_table_info ('cases')",
                                    &error);
  g_assert_no_error (error);
  while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
    {
      g_autofree char *name = _ll_statement_dup_text (statement, 0);
      GParamSpec *pspec;

      g_strdelimit (name, "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
      g_assert_nonnull (pspec);
      g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
      g_assert_nonnull (ll_case_get_field_label (name));
      n_columns++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n_columns, ==, 30);

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if (pspecs[i]->flags & G_PARAM_WRITABLE)
        n_writable++;
      else
        g_assert_true (g_str_equal (pspecs[i]->name, "station-name") ||
                       g_str_equal (pspecs[i]->name, "department-name") ||
                       g_str_equal (pspecs[i]->name, "overdue"));
    }
  g_assert_cmpuint (n_writable, ==, n_columns);
}

static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 guint      *counter)
{
  (*counter)++;
}

static void
test_record (void)
{
  g_autoptr(LlCase) kase = ll_case_new ();
  g_autoptr(LlCase) copy = NULL;
  guint notified = 0;

  /* Defaults of a new case. */
  g_assert_cmpint (ll_case_get_id (kase), ==, 0);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "registered");
  g_assert_cmpstr (ll_case_get_source (kase), ==, "other");
  g_assert_cmpstr (ll_case_get_category (kase), ==, "other");
  g_assert_null (ll_case_get_title (kase));

  /* An empty entry is “not set”; setting the same value notifies nothing. */
  ll_case_set_body (kase, "");
  g_assert_null (ll_case_get_body (kase));
  ll_case_set_title (kase, "路灯不亮");
  {
    gulong id = g_signal_connect (kase, "notify", G_CALLBACK (count_notify_cb), &notified);
    ll_case_set_title (kase, "路灯不亮");
    g_assert_cmpuint (notified, ==, 0);
    ll_case_set_title (kase, "东湖路路灯不亮");
    g_assert_cmpuint (notified, ==, 1);
    g_signal_handler_disconnect (kase, id);
  }

  copy = ll_case_dup (kase);
  g_assert_cmpstr (ll_case_get_title (copy), ==, "东湖路路灯不亮");
  g_assert_cmpstr (ll_case_get_status (copy), ==, "registered");

  /* Overdue: assigned or in progress, deadline before today. */
  ll_case_set_status (kase, "assigned");
  ll_case_set_deadline (kase, "2025-03-10");
  g_assert_true (ll_case_is_overdue_on (kase, "2025-03-11"));
  g_assert_false (ll_case_is_overdue_on (kase, "2025-03-10"));
  ll_case_set_status (kase, "in_progress");
  g_assert_true (ll_case_is_overdue_on (kase, "2025-04-01"));
  ll_case_set_status (kase, "replied");
  g_assert_false (ll_case_is_overdue_on (kase, "2025-04-01"));

  ll_case_set_status (kase, "assigned");
  g_setenv ("LIANLUO_TODAY", "2025-03-11", TRUE);
  g_assert_true (ll_case_get_overdue (kase));
  g_setenv ("LIANLUO_TODAY", "2025-03-01", TRUE);
  g_assert_false (ll_case_get_overdue (kase));
  g_unsetenv ("LIANLUO_TODAY");
}

static void
assert_invalid (LlCase     *kase,
                const char *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ll_case_validate (kase, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, label));
}

static void
test_validate (void)
{
  g_autoptr(LlCase) kase = new_case ("小区门口积水", "2025-03-05", 2);
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_validate (kase, &error));
  g_assert_no_error (error);

  ll_case_set_title (kase, "   ");
  assert_invalid (kase, "Title");
  ll_case_set_title (kase, "小区门口积水");

  ll_case_set_received_on (kase, "2025-02-30");
  assert_invalid (kase, "Received");
  ll_case_set_received_on (kase, NULL);
  assert_invalid (kase, "Received");
  ll_case_set_received_on (kase, "2025-03-05");

  ll_case_set_category (kase, "roads");
  assert_invalid (kase, "Category");
  ll_case_set_category (kase, "transport");

  ll_case_set_source (kase, "email");
  assert_invalid (kase, "Source");
  ll_case_set_source (kase, "phone");

  ll_case_set_constituent_phone (kase, "12ab");
  assert_invalid (kase, "Constituent’s phone");
  ll_case_set_constituent_phone (kase, "13812345678");

  ll_case_set_station_id (kase, 0);
  assert_invalid (kase, "Station");
  ll_case_set_station_id (kase, 2);

  ll_case_set_deadline (kase, "2025-03-01");
  assert_invalid (kase, "Deadline");
  ll_case_set_deadline (kase, NULL);

  g_assert_true (ll_case_validate (kase, &error));
  g_assert_no_error (error);
}

/* Registering -------------------------------------------------------------- */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LlCase) kase = new_case ("东湖路路灯不亮", "2025-03-05", 3);
  g_autoptr(LlCase) read = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const gint64 deputy_ids[] = { 2, 1, 2 };
  LlCaseEvent *event;

  ll_case_set_source (kase, "reception_day");
  ll_case_set_category (kase, "urban_construction");
  ll_case_set_constituent_name (kase, "赵大爷");
  ll_case_set_constituent_phone (kase, "13812345678");
  ll_case_set_fast_track (kase, TRUE);
  /* Workflow fields are not for create. */
  ll_case_set_status (kase, "closed");
  ll_case_set_satisfaction (kase, "satisfied");

  g_assert_true (ll_case_store_create (fixture->db, kase, deputy_ids, 3, &error));
  g_assert_no_error (error);

  g_assert_cmpint (ll_case_get_id (kase), >, 0);
  g_assert_cmpint (ll_case_get_version (kase), ==, 1);
  g_assert_cmpstr (ll_case_get_serial (kase), ==, "2025-0001");
  g_assert_cmpint (ll_case_get_year (kase), ==, 2025);
  g_assert_cmpint (ll_case_get_seq (kase), ==, 1);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "registered");
  g_assert_null (ll_case_get_satisfaction (kase));
  g_assert_cmpstr (ll_case_get_station_name (kase), ==, "东湖一号点");
  g_assert_nonnull (ll_case_get_created_at (kase));

  read = ll_case_store_get (fixture->db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_title (read), ==, "东湖路路灯不亮");
  g_assert_cmpstr (ll_case_get_source (read), ==, "reception_day");
  g_assert_cmpstr (ll_case_get_constituent_phone (read), ==, "13812345678");
  g_assert_true (ll_case_get_fast_track (read));
  g_assert_false (ll_case_get_is_common (read));
  g_clear_object (&read);

  read = ll_case_store_get_by_serial (fixture->db, "2025-0001", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_id (read), ==, ll_case_get_id (kase));

  /* Receiving deputies: each once, lead first. */
  deputies = ll_case_store_list_deputies (fixture->db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deputies->len, ==, 2);
  g_assert_cmpstr (((LlCaseDeputy *) deputies->pdata[0])->name, ==, "李晓鹃");
  g_assert_cmpstr (((LlCaseDeputy *) deputies->pdata[1])->name, ==, "王建国");

  /* One history line, with who and from where. */
  events = ll_case_store_list_events (fixture->db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 1);
  event = events->pdata[0];
  g_assert_cmpstr (ll_case_event_get_kind (event), ==, "registered");
  g_assert_cmpstr (ll_case_event_get_user (event), ==, "xiaoli");
  g_assert_cmpstr (ll_case_event_get_host (event), ==, "front-desk");
  g_assert_null (ll_case_event_get_from_status (event));
  g_assert_cmpstr (ll_case_event_get_to_status (event), ==, "registered");
  g_assert_nonnull (ll_case_event_get_at (event));
  g_assert_cmpstr (json_object_get_string_member (parse_object (parser,
                                                                ll_case_event_get_detail (event)),
                                                  "serial"), ==, "2025-0001");
  {
    g_autofree char *description = ll_case_event_dup_description (event);
    g_assert_nonnull (strstr (description, "2025-0001"));
  }

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM change_log WHERE tbl = 'cases' "
                                       "AND op = 'insert' AND host = 'front-desk'"), ==, 1);

  /* Not there. */
  g_clear_object (&read);
  read = ll_case_store_get_by_serial (fixture->db, "2025-0002", &error);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (read);
  g_clear_error (&error);
  read = ll_case_store_get (fixture->db, 999, &error);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (read);
}

static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = new_case ("", "2025-03-05", 2);
  const gint64 nobody[] = { 42 };

  g_assert_false (ll_case_store_create (fixture->db, kase, NULL, 0, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Title"));
  g_assert_cmpint (ll_case_get_id (kase), ==, 0);
  g_clear_error (&error);

  /* A station that does not exist: a sentence, not SQLite's. */
  ll_case_set_title (kase, "噪音扰民");
  ll_case_set_station_id (kase, 99);
  g_assert_false (ll_case_store_create (fixture->db, kase, NULL, 0, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Station"));
  g_clear_error (&error);

  ll_case_set_station_id (kase, 2);
  g_assert_false (ll_case_store_create (fixture->db, kase, nobody, 1, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Receiving deputies"));
  g_clear_error (&error);

  /* Nothing was written, no number was used up. */
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases"), ==, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM case_events"), ==, 0);
  g_assert_true (ll_case_store_create (fixture->db, kase, NULL, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_serial (kase), ==, "2025-0001");
}

/* Editing ------------------------------------------------------------------ */

static JsonObject *
find_change (JsonObject *detail,
             const char *field)
{
  JsonArray *changes = json_object_get_array_member (detail, "changes");

  for (guint i = 0; i < json_array_get_length (changes); i++)
    {
      JsonObject *change = json_array_get_object_element (changes, i);

      if (g_str_equal (json_object_get_string_member (change, "field"), field))
        return change;
    }

  return NULL;
}

static void
test_update (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "路灯不亮", "2025-03-05");
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *description = NULL;
  JsonObject *detail;
  JsonObject *change;

  ll_database_set_host (fixture->db, "back-office");
  ll_case_set_title (kase, "东湖路路灯不亮");
  ll_case_set_body (kase, "东湖路 12 号到 30 号的路灯一个月没亮了。");
  ll_case_set_station_id (kase, 4);
  ll_case_set_constituent_phone (kase, "13900001111");
  ll_case_set_fast_track (kase, TRUE);
  /* Not saved by update: the workflow owns it. */
  ll_case_set_status (kase, "closed");

  g_assert_true (ll_case_store_update (fixture->db, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 2);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "registered");
  g_assert_cmpstr (ll_case_get_station_name (kase), ==, "西山联络站");
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases WHERE title = '东湖路路灯不亮' "
                                       "AND station_id = 4 AND fast_track = 1 AND version = 2 "
                                       "AND status = 'registered'"), ==, 1);

  events = ll_case_store_list_events (fixture->db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (ll_case_event_get_kind (events->pdata[1]), ==, "edited");
  g_assert_cmpstr (ll_case_event_get_host (events->pdata[1]), ==, "back-office");
  detail = parse_object (parser, ll_case_event_get_detail (events->pdata[1]));

  change = find_change (detail, "title");
  g_assert_nonnull (change);
  g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, "路灯不亮");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "东湖路路灯不亮");
  change = find_change (detail, "station-id");
  g_assert_cmpstr (json_object_get_string_member (change, "old"), ==, "东湖社区联络站");
  g_assert_cmpstr (json_object_get_string_member (change, "new"), ==, "西山联络站");
  change = find_change (detail, "fast-track");
  g_assert_false (json_object_get_boolean_member (change, "old"));
  g_assert_true (json_object_get_boolean_member (change, "new"));
  /* Long text and personal data: named, without values. */
  change = find_change (detail, "body");
  g_assert_nonnull (change);
  g_assert_false (json_object_has_member (change, "new"));
  change = find_change (detail, "constituent-phone");
  g_assert_nonnull (change);
  g_assert_false (json_object_has_member (change, "new"));
  g_assert_null (strstr (ll_case_event_get_detail (events->pdata[1]), "13900001111"));
  g_assert_null (find_change (detail, "category"));

  description = ll_case_event_dup_description (events->pdata[1]);
  g_test_message ("%s", description);
  g_assert_nonnull (strstr (description, "东湖路路灯不亮"));
  g_assert_nonnull (strstr (description, "Full text"));

  /* Saving without changes writes nothing. */
  g_assert_true (ll_case_store_update (fixture->db, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 2);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM case_events"), ==, 2);

  /* The received date stays in the serial's year. */
  ll_case_set_received_on (kase, "2024-12-30");
  g_assert_false (ll_case_store_update (fixture->db, kase, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Received"));
  g_assert_nonnull (strstr (error->message, "2025-0001"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->db, "SELECT version FROM cases"), ==, 2);

  ll_case_set_received_on (kase, "2025-01-02");
  g_assert_true (ll_case_store_update (fixture->db, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 3);
}

static void
test_update_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "路灯不亮", "2025-03-05");
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(LlCase) theirs = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("LIANLUO_HOST", "reception-pc", TRUE);
  g_setenv ("LIANLUO_USER", "xiaozhang", TRUE);
  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_USER");
  g_assert_no_error (error);

  /* Someone else saves first, on another connection. */
  theirs = ll_case_store_get (other_db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  ll_case_set_title (theirs, "路灯不亮（已核实）");
  g_assert_true (ll_case_store_update (other_db, theirs, &error));
  g_assert_no_error (error);

  /* Mine is refused; theirs stays. */
  ll_case_set_title (kase, "路灯坏了");
  g_assert_false (ll_case_store_update (fixture->db, kase, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "reception-pc"));
  g_clear_error (&error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 1);
  g_assert_cmpstr (ll_case_get_title (kase), ==, "路灯坏了");
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases WHERE title = '路灯不亮（已核实）' "
                                       "AND version = 2"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM case_events WHERE kind = 'edited'"),
                   ==, 1);

  /* Deleted in the meantime: not found. */
  g_assert_true (ll_case_store_delete (other_db, theirs, &error));
  g_assert_no_error (error);
  g_assert_false (ll_case_store_update (fixture->db, kase, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

static void
test_deputies (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "路灯不亮", "2025-03-05");
  g_autoptr(LlCase) stale = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  const gint64 first[] = { 1, 2 };
  const gint64 second[] = { 2, 3 };
  JsonObject *change;

  g_assert_true (ll_case_store_set_deputies (fixture->db, kase, first, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 2);
  stale = ll_case_dup (kase);

  g_assert_true (ll_case_store_set_deputies (fixture->db, kase, second, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 3);

  deputies = ll_case_store_list_deputies (fixture->db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deputies->len, ==, 2);
  g_assert_cmpint (((LlCaseDeputy *) deputies->pdata[0])->person_id, ==, 2);
  g_assert_cmpint (((LlCaseDeputy *) deputies->pdata[1])->person_id, ==, 3);

  events = ll_case_store_list_events (fixture->db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 3);
  change = json_array_get_object_element (
    json_object_get_array_member (parse_object (parser,
                                                ll_case_event_get_detail (events->pdata[2])),
                                  "changes"), 0);
  g_assert_cmpstr (json_object_get_string_member (change, "field"), ==, "receiving-deputies");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "old"),
                                                  0), ==, "王建国");
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (change, "new"),
                                                  1), ==, "张伟");
  {
    g_autofree char *description = ll_case_event_dup_description (events->pdata[2]);
    g_test_message ("%s", description);
    g_assert_nonnull (strstr (description, "张伟"));
  }

  /* The same list again: nothing written. */
  g_assert_true (ll_case_store_set_deputies (fixture->db, kase, second, 2, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (kase), ==, 3);

  /* From a stale copy: conflict, nothing changed. */
  g_assert_false (ll_case_store_set_deputies (fixture->db, stale, first, 1, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM case_deputies WHERE person_id IN "
                                       "(2, 3)"), ==, 2);
}

/* Deleting ----------------------------------------------------------------- */

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LlCase) mistake = register_case (fixture->db, "重复登记", "2025-03-05");
  g_autoptr(LlCase) assigned = register_case (fixture->db, "路灯不亮", "2025-03-05");
  g_autoptr(LlCase) common = register_case (fixture->db, "停车难", "2025-03-06");
  g_autoptr(LlCase) merged = register_case (fixture->db, "停车位不够", "2025-03-07");
  g_autoptr(LlCase) stale = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  const gint64 deputies[] = { 1 };
  gint64 id = ll_case_get_id (mistake);

  g_assert_true (ll_case_workflow_assign (fixture->db, assigned, "department", 1, "2025-04-01",
                                          "2025-03-06", &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_merge (fixture->db, merged, common, &error));
  g_assert_no_error (error);

  /* Refused, with the reason; nothing deleted. */
  g_assert_false (ll_case_store_can_delete (fixture->db, assigned, &reason, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (reason, "2025-0002"));
  g_clear_pointer (&reason, g_free);

  g_assert_false (ll_case_store_delete (fixture->db, assigned, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "registered by mistake"));
  g_clear_error (&error);

  g_assert_false (ll_case_store_delete (fixture->db, common, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "common issue"));
  g_clear_error (&error);

  g_assert_false (ll_case_store_delete (fixture->db, merged, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "merged"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases"), ==, 4);

  /* A case registered by mistake and corrected once can go, with its
   * history and deputies; from a stale copy it cannot. */
  g_assert_true (ll_case_store_set_deputies (fixture->db, mistake, deputies, 1, &error));
  g_assert_no_error (error);
  stale = ll_case_dup (mistake);
  ll_case_set_title (mistake, "重复登记（作废）");
  g_assert_true (ll_case_store_update (fixture->db, mistake, &error));
  g_assert_no_error (error);

  g_assert_false (ll_case_store_delete (fixture->db, stale, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (ll_case_store_can_delete (fixture->db, mistake, &reason, &error));
  g_assert_null (reason);
  g_assert_true (ll_case_store_delete (fixture->db, mistake, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases"), ==, 3);
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_events WHERE case_id = %"
                                            G_GINT64_FORMAT, id);
    g_assert_cmpint (count (fixture->db, sql), ==, 0);
  }
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM case_deputies"), ==, 0);

  g_assert_false (ll_case_store_delete (fixture->db, mistake, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

/* load_many ---------------------------------------------------------------- */

static int
count_statements_cb (unsigned int  type,
                     void         *data,
                     void         *p,
                     void         *x)
{
  const char *sql = x;

  /* Statements run by triggers are reported as “-- …”. */
  if (sql == NULL || !g_str_has_prefix (sql, "--"))
    (*(guint *) data)++;
  return 0;
}

static void
test_load_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LlCase) a = register_case (fixture->db, "一", "2025-03-01");
  g_autoptr(LlCase) b = register_case (fixture->db, "二", "2025-03-02");
  g_autoptr(LlCase) c = register_case (fixture->db, "三", "2025-03-03");
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  gint64 ids[] = { ll_case_get_id (c), 12345, ll_case_get_id (a), ll_case_get_id (b) };
  guint n_statements = 0;

  g_assert_true (ll_case_workflow_assign (fixture->db, b, "department", 2, "2025-04-01",
                                          "2025-03-03", &error));
  g_assert_no_error (error);

  sqlite3_trace_v2 (_ll_database_get_handle (fixture->db), SQLITE_TRACE_STMT,
                    count_statements_cb, &n_statements);
  cases = ll_case_store_load_many (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  sqlite3_trace_v2 (_ll_database_get_handle (fixture->db), 0, NULL, NULL);
  g_assert_no_error (error);

  /* One query; the order of the ids; a deleted id left out. */
  g_assert_cmpuint (n_statements, ==, 1);
  g_assert_cmpuint (cases->len, ==, 3);
  g_assert_cmpstr (ll_case_get_title (cases->pdata[0]), ==, "三");
  g_assert_cmpstr (ll_case_get_title (cases->pdata[1]), ==, "一");
  g_assert_cmpstr (ll_case_get_title (cases->pdata[2]), ==, "二");
  g_assert_cmpstr (ll_case_get_station_name (cases->pdata[0]), ==, "东湖社区联络站");
  g_assert_null (ll_case_get_department_name (cases->pdata[1]));
  g_assert_cmpstr (ll_case_get_department_name (cases->pdata[2]), ==, "区交通局");
  g_assert_cmpstr (ll_case_get_status (cases->pdata[2]), ==, "assigned");
  g_assert_cmpint (ll_case_get_version (cases->pdata[2]), ==, 2);

  g_clear_pointer (&cases, g_ptr_array_unref);
  cases = ll_case_store_load_many (fixture->db, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (cases->len, ==, 0);
}

/* The case list ------------------------------------------------------------ */

/* A few hundred cases spread over every value, written directly. */
static void
fill_cases (LlDatabase *db,
            guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250305);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char * const *statuses = ll_enum_get_keys (LL_ENUM_CASE_STATUS);
  const char * const *categories = ll_enum_get_keys (LL_ENUM_CASE_CATEGORY);
  const char * const *sources = ll_enum_get_keys (LL_ENUM_CASE_SOURCE);
  const char * const *satisfactions = ll_enum_get_keys (LL_ENUM_SATISFACTION);
  const char *titles[] = { "路灯不亮", "小区积水", "噪音扰民", "停车难", "Wi-Fi 信号差",
                           "垃圾分类", "电梯故障" };
  int seq[2] = { 0, 0 };

  for (guint i = 0; i < n; i++)
    {
      int year = 2024 + (int) g_rand_int_range (rand, 0, 2);
      int month = g_rand_int_range (rand, 1, 13);
      int day = g_rand_int_range (rand, 1, 29);
      const char *status = statuses[g_rand_int_range (rand, 0, 5)];
      gboolean handled = !g_str_equal (status, "registered");
      gboolean closed = g_str_equal (status, "closed");
      gint64 department = handled ? g_rand_int_range (rand, 0, 3) : 0;
      g_autofree char *deadline = NULL;
      g_autofree char *satisfaction = NULL;
      g_autofree char *department_text = NULL;

      deadline = handled ? g_strdup_printf ("'2025-%02d-15'", g_rand_int_range (rand, 1, 13))
                         : g_strdup ("NULL");
      satisfaction = closed ? g_strdup_printf ("'%s'", satisfactions[g_rand_int_range (rand, 0, 3)])
                            : g_strdup ("NULL");
      department_text = department != 0 ? g_strdup_printf ("%" G_GINT64_FORMAT, department)
                                        : g_strdup ("NULL");

      g_string_append_printf (sql,
                              "INSERT INTO cases (id, year, seq, serial, title, received_on, "
                              "source, station_id, category, is_common, fast_track, status, "
                              "department_id, deadline, satisfaction, look_back, merged_into_id) "
                              "VALUES (%u, %d, %d, printf ('%%04d-%%04d', %d, %d), '%s', "
                              "'%04d-%02d-%02d', '%s', %d, '%s', %d, %d, '%s', %s, %s, %s, %d, "
                              "%s);\n",
                              i + 1, year, seq[year - 2024] + 1, year, seq[year - 2024] + 1,
                              titles[g_rand_int_range (rand, 0, G_N_ELEMENTS (titles))],
                              year, month, day,
                              sources[g_rand_int_range (rand, 0, 9)],
                              g_rand_int_range (rand, 1, 5),
                              categories[g_rand_int_range (rand, 0, 12)],
                              g_rand_int_range (rand, 0, 10) == 0,
                              g_rand_int_range (rand, 0, 5) == 0,
                              status, department_text, deadline, satisfaction,
                              closed && g_rand_int_range (rand, 0, 3) == 0,
                              i > 10 && g_rand_int_range (rand, 0, 12) == 0 ? "3" : "NULL");
      seq[year - 2024]++;
      if (g_rand_int_range (rand, 0, 3) == 0)
        g_string_append_printf (sql, "INSERT INTO case_deputies (case_id, person_id) "
                                     "VALUES (%u, %d);\n", i + 1, g_rand_int_range (rand, 1, 4));
    }

  g_assert_true (test_write_sql (db, sql->str, &error));
  g_assert_no_error (error);
}

static gboolean
in_subtree (gint64 station_id,
            gint64 root)
{
  /* The fixture's tree: 1 → 2 → 3; 4. */
  const gint64 parents[] = { 0, 0, 1, 2, 0 };

  for (gint64 id = station_id; id != 0; id = parents[id])
    if (id == root)
      return TRUE;
  return FALSE;
}

static gboolean
matches (LlDatabase         *db,
         LlCase             *kase,
         const LlCaseFilter *filter,
         const char         *today)
{
  const char *received_on = ll_case_get_received_on (kase);

  if (filter->status != NULL && g_strcmp0 (ll_case_get_status (kase), filter->status) != 0)
    return FALSE;
  if (filter->open_only && g_str_equal (ll_case_get_status (kase), "closed"))
    return FALSE;
  if (filter->category != NULL && g_strcmp0 (ll_case_get_category (kase), filter->category))
    return FALSE;
  if (filter->source != NULL && g_strcmp0 (ll_case_get_source (kase), filter->source) != 0)
    return FALSE;
  if (filter->station_id != 0 &&
      (filter->station_only ? ll_case_get_station_id (kase) != filter->station_id
                            : !in_subtree (ll_case_get_station_id (kase), filter->station_id)))
    return FALSE;
  if (filter->department_id != 0 && ll_case_get_department_id (kase) != filter->department_id)
    return FALSE;
  if (filter->merged_into_id != 0 && ll_case_get_merged_into_id (kase) != filter->merged_into_id)
    return FALSE;
  if (filter->person_id != 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_deputies "
                                              "WHERE case_id = %" G_GINT64_FORMAT
                                              " AND person_id = %" G_GINT64_FORMAT,
                                              ll_case_get_id (kase), filter->person_id);
      if (test_query_int (db, sql) == 0)
        return FALSE;
    }
  if (filter->year != 0 && ll_case_get_year (kase) != filter->year)
    return FALSE;
  if (filter->overdue_only && !ll_case_is_overdue_on (kase, today))
    return FALSE;
  if (filter->fast_track_only && !ll_case_get_fast_track (kase))
    return FALSE;
  if (filter->common_only && !ll_case_get_is_common (kase))
    return FALSE;
  if (filter->look_back_only && !ll_case_get_look_back (kase))
    return FALSE;
  if (filter->received_from != NULL && strcmp (received_on, filter->received_from) < 0)
    return FALSE;
  if (filter->received_to != NULL && strcmp (received_on, filter->received_to) > 0)
    return FALSE;
  return TRUE;
}

/* NULL first, as SQLite sorts. */
static int
compare_text (const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return strcmp (a, b);
}

static int
compare_rank (LlEnum      enumeration,
              const char *a,
              const char *b)
{
  if (a == NULL || b == NULL)
    return (a != NULL) - (b != NULL);
  return ll_enum_find (enumeration, a) - ll_enum_find (enumeration, b);
}

typedef struct
{
  LlCaseSort sort;
  gboolean   descending;
} SortSpec;

static int
compare_cases (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SortSpec *spec = user_data;
  LlCase *x = *(LlCase **) a;
  LlCase *y = *(LlCase **) b;
  int result = 0;

  switch (spec->sort)
    {
    case LL_CASE_SORT_RECEIVED_ON:
      result = compare_text (ll_case_get_received_on (x), ll_case_get_received_on (y));
      break;
    case LL_CASE_SORT_SERIAL:
      result = ll_case_get_year (x) != ll_case_get_year (y)
               ? ll_case_get_year (x) - ll_case_get_year (y)
               : ll_case_get_seq (x) - ll_case_get_seq (y);
      break;
    case LL_CASE_SORT_TITLE:
      result = compare_text (ll_case_get_title (x), ll_case_get_title (y));
      break;
    case LL_CASE_SORT_STATION:
      result = compare_text (ll_case_get_station_name (x), ll_case_get_station_name (y));
      break;
    case LL_CASE_SORT_CATEGORY:
      result = compare_rank (LL_ENUM_CASE_CATEGORY, ll_case_get_category (x),
                             ll_case_get_category (y));
      break;
    case LL_CASE_SORT_STATUS:
      result = compare_rank (LL_ENUM_CASE_STATUS, ll_case_get_status (x), ll_case_get_status (y));
      break;
    case LL_CASE_SORT_DEPARTMENT:
      result = compare_text (ll_case_get_department_name (x), ll_case_get_department_name (y));
      break;
    case LL_CASE_SORT_DEADLINE:
      result = compare_text (ll_case_get_deadline (x), ll_case_get_deadline (y));
      break;
    case LL_CASE_SORT_SATISFACTION:
      result = compare_rank (LL_ENUM_SATISFACTION, ll_case_get_satisfaction (x),
                             ll_case_get_satisfaction (y));
      break;
    default:
      g_assert_not_reached ();
    }

  if (result == 0)
    result = (ll_case_get_id (x) > ll_case_get_id (y)) - (ll_case_get_id (x) < ll_case_get_id (y));

  return spec->descending ? -result : result;
}

static void
check_query (LlDatabase         *db,
             GPtrArray          *all,
             const LlCaseFilter *filter,
             LlCaseSort          sort,
             gboolean            descending,
             guint              *n_matched)
{
  g_autoptr(GPtrArray) expected = g_ptr_array_new ();
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = ll_date_today ();
  SortSpec spec = { sort, descending };

  for (guint i = 0; i < all->len; i++)
    if (matches (db, all->pdata[i], filter, today))
      g_ptr_array_add (expected, all->pdata[i]);
  g_ptr_array_sort_with_data (expected, compare_cases, &spec);

  ids = ll_case_store_query_ids (db, filter, sort, descending, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, expected->len);
  for (guint i = 0; i < ids->len; i++)
    g_assert_cmpint (g_array_index (ids, gint64, i), ==, ll_case_get_id (expected->pdata[i]));

  {
    gint64 n = ll_case_store_count (db, filter, &error);
    g_assert_no_error (error);
    g_assert_cmpint (n, ==, expected->len);
  }

  *n_matched = expected->len;
}

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GPtrArray) all = NULL;
  LlCaseFilter filters[17];
  guint n_matched;

  g_setenv ("LIANLUO_TODAY", "2025-06-20", TRUE);
  fill_cases (fixture->db, 400);

  all_ids = ll_case_store_query_ids (fixture->db, NULL, LL_CASE_SORT_RECEIVED_ON, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_ids->len, ==, 400);
  all = ll_case_store_load_many (fixture->db, (gint64 *) all_ids->data, all_ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 400);

  memset (filters, 0, sizeof filters);
  filters[1].status = "assigned";
  filters[2].open_only = TRUE;
  filters[3].category = "transport";
  filters[4].source = "wechat";
  filters[5].station_id = 2;                    /* with its point */
  filters[6].station_id = 2;
  filters[6].station_only = TRUE;
  filters[7].department_id = 1;
  filters[8].person_id = 2;
  filters[9].year = 2025;
  filters[10].overdue_only = TRUE;
  filters[11].fast_track_only = TRUE;
  filters[12].common_only = TRUE;
  filters[13].look_back_only = TRUE;
  filters[14].received_from = "2024-06-01";
  filters[14].received_to = "2025-02-28";
  filters[15].merged_into_id = 3;
  filters[16].year = 2024;
  filters[16].station_id = 1;
  filters[16].open_only = TRUE;
  filters[16].category = "urban_construction";

  /* Every filter in the default order and reversed. */
  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      check_query (fixture->db, all, &filters[i], LL_CASE_SORT_RECEIVED_ON, TRUE, &n_matched);
      g_test_message ("filter %u: %u cases", i, n_matched);
      if (i > 0)
        g_assert_cmpuint (n_matched, >, 0);
      g_assert_cmpuint (n_matched, <=, 400);
      check_query (fixture->db, all, &filters[i], LL_CASE_SORT_RECEIVED_ON, FALSE, &n_matched);
    }

  /* Every order, both ways, unfiltered and filtered. */
  for (LlCaseSort sort = LL_CASE_SORT_RECEIVED_ON; sort <= LL_CASE_SORT_SATISFACTION; sort++)
    for (guint descending = 0; descending < 2; descending++)
      {
        check_query (fixture->db, all, &filters[0], sort, descending, &n_matched);
        g_assert_cmpuint (n_matched, ==, 400);
        check_query (fixture->db, all, &filters[5], sort, descending, &n_matched);
        check_query (fixture->db, all, &filters[9], sort, descending, &n_matched);
      }

  g_assert_cmpint (ll_case_store_count_open (fixture->db, &error), ==,
                   count (fixture->db, "SELECT count(*) FROM cases WHERE status <> 'closed'"));
  g_assert_cmpint (ll_case_store_count_overdue (fixture->db, &error), ==,
                   count (fixture->db, "SELECT count(*) FROM cases WHERE status IN "
                                       "('assigned', 'in_progress') AND deadline < '2025-06-20'"));
  g_assert_no_error (error);
}

/* EXPLAIN QUERY PLAN of a list query, one line per step. */
static char *
query_plan (LlDatabase         *db,
            const LlCaseFilter *filter,
            LlCaseSort          sort,
            gboolean            descending)
{
  g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GString) plan = g_string_new (NULL);
  g_autofree char *sql = NULL;
  g_autofree char *explain = NULL;

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
  sql = ll_case_store_build_query (filter, sort, descending, params);
  g_assert_true (g_str_has_prefix (sql, "SELECT id FROM cases"));
  explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);

  statement = _ll_database_prepare (db, explain, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, i + 1, &g_array_index (params, GValue, i));
  while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
    g_string_append_printf (plan, "%s\n", sqlite3_column_text (statement->stmt, 3));
  g_assert_no_error (error);

  g_test_message ("%s\n%s", sql, plan->str);
  return g_string_free (g_steal_pointer (&plan), FALSE);
}

static void
assert_plan (LlDatabase         *db,
             const LlCaseFilter *filter,
             LlCaseSort          sort,
             gboolean            descending,
             const char         *index,
             gboolean            sorts)
{
  g_autofree char *plan = query_plan (db, filter, sort, descending);

  g_assert_nonnull (strstr (plan, index));
  g_assert_null (strstr (plan, "SCAN cases\n"));
  if (!sorts)
    g_assert_null (strstr (plan, "TEMP B-TREE"));
}

static void
test_query_indexes (Fixture       *fixture,
                    gconstpointer  data)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;

  fill_cases (fixture->db, 400);

  /* The default list: all cases, newest first, straight off the index. */
  assert_plan (fixture->db, NULL, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_received", FALSE);
  assert_plan (fixture->db, NULL, LL_CASE_SORT_RECEIVED_ON, FALSE, "cases_received", FALSE);
  assert_plan (fixture->db, NULL, LL_CASE_SORT_SERIAL, TRUE, "sqlite_autoindex_cases", FALSE);

  filter.year = 2025;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_received", FALSE);
  filter.year = 0;

  filter.fast_track_only = TRUE;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_fast_track", TRUE);
  filter.fast_track_only = FALSE;

  filter.common_only = TRUE;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_common", TRUE);
  filter.common_only = FALSE;

  filter.look_back_only = TRUE;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_look_back", TRUE);
  filter.look_back_only = FALSE;

  /* One value and the received date: the index orders by date; only
   * cases received on the same day are ordered by id. */
  filter.status = "assigned";
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_status", TRUE);
  filter.status = NULL;

  filter.category = "transport";
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_category", TRUE);
  filter.category = NULL;

  filter.source = "wechat";
  /* No index of its own: the rows are read in order and filtered. */
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_received", FALSE);
  filter.source = NULL;

  filter.station_id = 4;
  filter.station_only = TRUE;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_station", TRUE);
  filter.station_only = FALSE;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_station", TRUE);
  filter.station_id = 0;

  filter.department_id = 1;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_department", TRUE);
  filter.department_id = 0;

  filter.overdue_only = TRUE;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_DEADLINE, FALSE, "cases_status_deadline",
               TRUE);
  filter.overdue_only = FALSE;

  filter.person_id = 1;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "case_deputies_person",
               TRUE);
  filter.person_id = 0;

  filter.merged_into_id = 3;
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "cases_merged_into", TRUE);
  filter.merged_into_id = 0;

  /* A search reads its matches first and looks each case up by id,
   * alone or with another filter, instead of reading every case in
   * order to test each against it. */
  filter.search = "路灯不亮";
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "INTEGER PRIMARY KEY", TRUE);
  filter.status = "assigned";
  assert_plan (fixture->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, "INTEGER PRIMARY KEY", TRUE);
  filter.status = NULL;
  filter.search = "路灯";
  assert_plan (fixture->db, &filter, LL_CASE_SORT_TITLE, FALSE, "INTEGER PRIMARY KEY", TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_TODAY");

#define ADD(name, func) \
  g_test_add ("/core/cases/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/cases/record", test_record);
  g_test_add_func ("/core/cases/validate", test_validate);
  ADD ("properties-are-columns", test_properties_are_columns);
  ADD ("create", test_create);
  ADD ("create-refused", test_create_refused);
  ADD ("update", test_update);
  ADD ("update-conflict", test_update_conflict);
  ADD ("deputies", test_deputies);
  ADD ("delete", test_delete);
  ADD ("load-many", test_load_many);
  ADD ("query", test_query);
  ADD ("query-indexes", test_query_indexes);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-case-workflow"

#include "config.h"

#include <json-glib/json-glib.h>
#include <locale.h>
#include <string.h>

#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-core.h"
#include "ll-station-store.h"
#include "ll-department-store.h"
#include "test-util.h"

/* The case workflow: every transition and rule of DOMAIN.md, each
 * illegal transition refused with its reason and nothing written, one
 * history line per transition with user and host, conflicts, merging,
 * overdue. “Today” is pinned to 2025-03-10. */

#define TODAY "2025-03-10"

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

  g_setenv ("LIANLUO_TODAY", TODAY, TRUE);

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ll_database_set_user (fixture->db, "xiaoli");
  ll_database_set_host (fixture->db, "front-desk");

  g_assert_cmpint (add_station (fixture->db, "东湖社区联络站", "station", 0), ==, 1);
  g_assert_cmpint (add_department (fixture->db, "区住建局"), ==, 1);
  g_assert_cmpint (add_department (fixture->db, "区交通局"), ==, 2);
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

static LlCase *
register_case (LlDatabase *db,
               const char *title,
               const char *received_on)
{
  g_autoptr(GError) error = NULL;
  LlCase *kase = ll_case_new ();

  ll_case_set_title (kase, title);
  ll_case_set_received_on (kase, received_on);
  ll_case_set_station_id (kase, 1);
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

static gint64
count_events (LlDatabase *db,
              LlCase     *kase)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM case_events WHERE case_id = %"
                                          G_GINT64_FORMAT, ll_case_get_id (kase));
  return test_query_int (db, sql);
}

static gint64
stored_version (LlDatabase *db,
                LlCase     *kase)
{
  g_autofree char *sql = g_strdup_printf ("SELECT version FROM cases WHERE id = %"
                                          G_GINT64_FORMAT, ll_case_get_id (kase));
  return test_query_int (db, sql);
}

/* The last line of @kase's history is the only one added since
 * @n_before, with these values; returns its detail (or NULL). */
static JsonObject *
assert_last_event (LlDatabase *db,
                   LlCase     *kase,
                   gint64      n_before,
                   const char *kind,
                   const char *from_status,
                   const char *to_status,
                   const char *user,
                   const char *host,
                   JsonParser *parser)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  LlCaseEvent *event;

  events = ll_case_store_list_events (db, ll_case_get_id (kase), &error);
  g_assert_no_error (error);
  g_assert_cmpint (events->len, ==, n_before + 1);

  event = g_ptr_array_index (events, events->len - 1);
  g_assert_cmpstr (ll_case_event_get_kind (event), ==, kind);
  g_assert_cmpstr (ll_case_event_get_from_status (event), ==, from_status);
  g_assert_cmpstr (ll_case_event_get_to_status (event), ==, to_status);
  g_assert_cmpstr (ll_case_event_get_user (event), ==, user);
  g_assert_cmpstr (ll_case_event_get_host (event), ==, host);
  g_assert_true (g_str_has_suffix (ll_case_event_get_at (event), "Z"));

  description = ll_case_event_dup_description (event);
  g_test_message ("%s: %s", kind, description);
  g_assert_nonnull (description);
  g_assert_cmpstr (description, !=, kind);

  if (ll_case_event_get_detail (event) == NULL)
    return NULL;

  json_parser_load_from_data (parser, ll_case_event_get_detail (event), -1, &error);
  g_assert_no_error (error);
  return json_node_get_object (json_parser_get_root (parser));
}

/* The whole way ------------------------------------------------------------ */

static void
test_full_path (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "东湖路路灯不亮", "2025-03-05");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *detail;
  gint64 n;

  /* 交办 to a department, by someone at another machine. */
  ll_database_set_user (fixture->db, "wangfang");
  ll_database_set_host (fixture->db, "office-2");
  n = count_events (fixture->db, kase);
  g_assert_true (ll_case_workflow_assign (fixture->db, kase, "department", 1, "2025-04-05", NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "assigned");
  g_assert_cmpint (ll_case_get_version (kase), ==, 2);
  g_assert_cmpstr (ll_case_get_handling_mode (kase), ==, "department");
  g_assert_cmpint (ll_case_get_department_id (kase), ==, 1);
  g_assert_cmpstr (ll_case_get_department_name (kase), ==, "区住建局");
  g_assert_cmpstr (ll_case_get_assigned_on (kase), ==, TODAY);
  g_assert_cmpstr (ll_case_get_deadline (kase), ==, "2025-04-05");
  detail = assert_last_event (fixture->db, kase, n, "assign", "registered", "assigned",
                              "wangfang", "office-2", parser);
  g_assert_cmpstr (json_object_get_string_member (detail, "handling_mode"), ==, "department");
  g_assert_cmpint (json_object_get_int_member (detail, "department_id"), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (detail, "department"), ==, "区住建局");
  g_assert_cmpstr (json_object_get_string_member (detail, "deadline"), ==, "2025-04-05");
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases WHERE status = 'assigned' "
                                       "AND department_id = 1 AND version = 2"), ==, 1);

  ll_database_set_host (fixture->db, "office-3");
  n = count_events (fixture->db, kase);
  g_assert_true (ll_case_workflow_start (fixture->db, kase, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "in_progress");
  g_assert_cmpint (ll_case_get_version (kase), ==, 3);
  g_assert_null (assert_last_event (fixture->db, kase, n, "start", "assigned", "in_progress",
                                    "wangfang", "office-3", parser));

  ll_database_set_user (fixture->db, "xiaoli");
  ll_database_set_host (fixture->db, "front-desk");
  n = count_events (fixture->db, kase);
  g_assert_true (ll_case_workflow_reply (fixture->db, kase, "已协调路灯所更换灯泡。", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "replied");
  g_assert_cmpstr (ll_case_get_reply_text (kase), ==, "已协调路灯所更换灯泡。");
  g_assert_cmpstr (ll_case_get_replied_on (kase), ==, TODAY);
  detail = assert_last_event (fixture->db, kase, n, "reply", "in_progress", "replied",
                              "xiaoli", "front-desk", parser);
  g_assert_cmpstr (json_object_get_string_member (detail, "reply_text"), ==,
                   "已协调路灯所更换灯泡。");

  /* The follow-up visit: dissatisfied. */
  n = count_events (fixture->db, kase);
  g_assert_true (ll_case_workflow_close (fixture->db, kase, "dissatisfied", "灯又坏了", NULL,
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "closed");
  g_assert_cmpstr (ll_case_get_satisfaction (kase), ==, "dissatisfied");
  g_assert_cmpstr (ll_case_get_follow_up_note (kase), ==, "灯又坏了");
  g_assert_cmpstr (ll_case_get_closed_on (kase), ==, TODAY);
  detail = assert_last_event (fixture->db, kase, n, "close", "replied", "closed",
                              "xiaoli", "front-desk", parser);
  g_assert_cmpstr (json_object_get_string_member (detail, "satisfaction"), ==, "dissatisfied");

  /* 重新交办: same department and mode, satisfaction cleared, a new
   * deadline (the first time had 26 days). */
  g_setenv ("LIANLUO_TODAY", "2025-03-20", TRUE);
  n = count_events (fixture->db, kase);
  g_assert_true (ll_case_workflow_reopen (fixture->db, kase, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "assigned");
  g_assert_null (ll_case_get_satisfaction (kase));
  g_assert_null (ll_case_get_closed_on (kase));
  g_assert_cmpint (ll_case_get_department_id (kase), ==, 1);
  g_assert_cmpstr (ll_case_get_handling_mode (kase), ==, "department");
  g_assert_cmpstr (ll_case_get_assigned_on (kase), ==, "2025-03-20");
  g_assert_cmpstr (ll_case_get_deadline (kase), ==, "2025-04-15");
  detail = assert_last_event (fixture->db, kase, n, "reopen", "closed", "assigned",
                              "xiaoli", "front-desk", parser);
  g_assert_cmpstr (json_object_get_string_member (detail, "deadline"), ==, "2025-04-15");
  g_assert_cmpstr (json_object_get_string_member (detail, "previous_satisfaction"), ==,
                   "dissatisfied");

  /* Second round, straight from assigned to replied, then satisfied. */
  g_assert_true (ll_case_workflow_reply (fixture->db, kase, "已更换线路。", "2025-03-25", &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_close (fixture->db, kase, "satisfied", NULL, "2025-03-28",
                                         &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_closed_on (kase), ==, "2025-03-28");
  g_assert_null (ll_case_get_follow_up_note (kase));

  /* 回头看. */
  n = count_events (fixture->db, kase);
  g_assert_true (ll_case_workflow_set_look_back (fixture->db, kase, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_get_look_back (kase));
  assert_last_event (fixture->db, kase, n, "look_back", NULL, NULL, "xiaoli", "front-desk",
                     parser);
  /* Already so: nothing written. */
  g_assert_true (ll_case_workflow_set_look_back (fixture->db, kase, TRUE, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_events (fixture->db, kase), ==, n + 1);

  g_assert_cmpint (ll_case_get_version (kase), ==, stored_version (fixture->db, kase));
  g_assert_cmpint (count_events (fixture->db, kase), ==, 9);
  g_assert_cmpint (count (fixture->db, "SELECT count(DISTINCT host) FROM case_events"), ==, 3);
}

/* Illegal transitions ------------------------------------------------------ */

static gboolean
run_action (LlDatabase    *db,
            LlCase        *kase,
            LlCaseAction   action,
            GError       **error)
{
  switch (action)
    {
    case LL_CASE_ACTION_ASSIGN:
      return ll_case_workflow_assign (db, kase, "department", 2, "2025-05-01", NULL, error);
    case LL_CASE_ACTION_START:
      return ll_case_workflow_start (db, kase, error);
    case LL_CASE_ACTION_REPLY:
      return ll_case_workflow_reply (db, kase, "答复", NULL, error);
    case LL_CASE_ACTION_CLOSE:
      return ll_case_workflow_close (db, kase, "satisfied", NULL, NULL, error);
    case LL_CASE_ACTION_REOPEN:
      return ll_case_workflow_reopen (db, kase, NULL, error);
    case LL_CASE_ACTION_LOOK_BACK:
      return ll_case_workflow_set_look_back (db, kase, TRUE, error);
    case LL_CASE_ACTION_MERGE:
    case LL_N_CASE_ACTIONS:
    default:
      g_assert_not_reached ();
    }
}

/* Refused with INVALID, a message containing @reason, and nothing
 * written: same version, same history, nothing in change_log. */
static void
assert_refused (LlDatabase   *db,
                LlCase       *kase,
                LlCaseAction  action,
                const char   *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gint64 version = stored_version (db, kase);
  gint64 n_events = count_events (db, kase);
  gint64 n_changes = count (db, "SELECT count(*) FROM change_log");
  g_autofree char *status = g_strdup (ll_case_get_status (kase));

  g_assert_false (ll_case_workflow_can (kase, action, &why));
  g_assert_nonnull (strstr (why, reason));

  g_assert_false (run_action (db, kase, action, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s from %s: %s", ll_case_action_get_key (action), status, error->message);
  g_assert_nonnull (strstr (error->message, reason));

  g_assert_cmpint (stored_version (db, kase), ==, version);
  g_assert_cmpint (ll_case_get_version (kase), ==, version);
  g_assert_cmpstr (ll_case_get_status (kase), ==, status);
  g_assert_cmpint (count_events (db, kase), ==, n_events);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log"), ==, n_changes);
}

static void
assert_next (LlCase             *kase,
             const LlCaseAction *expected,
             guint               n_expected)
{
  g_autoptr(GArray) next = ll_case_workflow_next_actions (kase);

  g_assert_cmpuint (next->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    g_assert_cmpint (g_array_index (next, LlCaseAction, i), ==, expected[i]);
}

static void
test_illegal (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "小区积水", "2025-03-01");
  g_autoptr(LlCase) satisfied = register_case (fixture->db, "垃圾清运", "2025-03-01");
  g_autoptr(GError) error = NULL;
  const LlCaseAction from_registered[] = { LL_CASE_ACTION_ASSIGN, LL_CASE_ACTION_MERGE };
  const LlCaseAction from_assigned[] = { LL_CASE_ACTION_START, LL_CASE_ACTION_REPLY,
                                         LL_CASE_ACTION_MERGE };
  const LlCaseAction from_in_progress[] = { LL_CASE_ACTION_REPLY, LL_CASE_ACTION_MERGE };
  const LlCaseAction from_replied[] = { LL_CASE_ACTION_CLOSE, LL_CASE_ACTION_MERGE };
  const LlCaseAction from_closed[] = { LL_CASE_ACTION_LOOK_BACK };
  const LlCaseAction from_closed_dissatisfied[] = { LL_CASE_ACTION_REOPEN,
                                                    LL_CASE_ACTION_LOOK_BACK };

  /* Registered. */
  assert_next (kase, from_registered, G_N_ELEMENTS (from_registered));
  assert_refused (fixture->db, kase, LL_CASE_ACTION_START, "Assign the case before");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_REPLY, "Assign the case before");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_CLOSE, "after its reply");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_REOPEN, "Only a closed case");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_LOOK_BACK, "Only closed cases");

  g_assert_true (ll_case_workflow_assign (fixture->db, kase, "subdistrict", 0, "2025-04-01",
                                          "2025-03-02", &error));
  g_assert_no_error (error);
  assert_next (kase, from_assigned, G_N_ELEMENTS (from_assigned));
  assert_refused (fixture->db, kase, LL_CASE_ACTION_ASSIGN, "already been assigned");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_CLOSE, "after its reply");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_REOPEN, "Only a closed case");

  g_assert_true (ll_case_workflow_start (fixture->db, kase, &error));
  g_assert_no_error (error);
  assert_next (kase, from_in_progress, G_N_ELEMENTS (from_in_progress));
  assert_refused (fixture->db, kase, LL_CASE_ACTION_START, "already started");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_ASSIGN, "already been assigned");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_LOOK_BACK, "Only closed cases");

  g_assert_true (ll_case_workflow_reply (fixture->db, kase, "已疏通下水道。", NULL, &error));
  g_assert_no_error (error);
  assert_next (kase, from_replied, G_N_ELEMENTS (from_replied));
  assert_refused (fixture->db, kase, LL_CASE_ACTION_REPLY, "already been replied to");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_START, "already been replied to");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_REOPEN, "Only a closed case");

  g_assert_true (ll_case_workflow_close (fixture->db, kase, "dissatisfied", NULL, NULL, &error));
  g_assert_no_error (error);
  assert_next (kase, from_closed_dissatisfied, G_N_ELEMENTS (from_closed_dissatisfied));
  assert_refused (fixture->db, kase, LL_CASE_ACTION_CLOSE, "already closed");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_REPLY, "closed");
  assert_refused (fixture->db, kase, LL_CASE_ACTION_ASSIGN, "reopened");

  /* Closed with a satisfied constituent: no reopening. */
  g_assert_true (ll_case_workflow_assign (fixture->db, satisfied, "on_the_spot", 0, NULL,
                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_reply (fixture->db, satisfied, "当场答复。", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_close (fixture->db, satisfied, "basically_satisfied", NULL,
                                         NULL, &error));
  g_assert_no_error (error);
  assert_next (satisfied, from_closed, G_N_ELEMENTS (from_closed));
  assert_refused (fixture->db, satisfied, LL_CASE_ACTION_REOPEN,
                  "A closed case can only be reopened when the constituent was dissatisfied.");

  /* A local change of the status does not fool the store: the rules
   * are checked on the case as stored. */
  ll_case_set_status (satisfied, "assigned");
  g_assert_false (ll_case_workflow_start (fixture->db, satisfied, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM cases WHERE status = 'closed'"),
                   ==, 2);
}

static void
test_board_drop (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "小区积水", "2025-03-01");
  g_autofree char *reason = NULL;
  LlCaseAction action;

  g_assert_true (ll_case_workflow_action_for_status (kase, "assigned", &action, &reason));
  g_assert_cmpint (action, ==, LL_CASE_ACTION_ASSIGN);
  g_assert_false (ll_case_workflow_action_for_status (kase, "replied", &action, &reason));
  g_assert_cmpint (action, ==, LL_CASE_ACTION_REPLY);
  g_assert_nonnull (strstr (reason, "Assign the case before"));
  g_clear_pointer (&reason, g_free);
  g_assert_false (ll_case_workflow_action_for_status (kase, "registered", &action, &reason));
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);

  ll_case_set_status (kase, "closed");
  ll_case_set_satisfaction (kase, "dissatisfied");
  g_assert_true (ll_case_workflow_action_for_status (kase, "assigned", &action, &reason));
  g_assert_cmpint (action, ==, LL_CASE_ACTION_REOPEN);
  g_assert_false (ll_case_workflow_action_for_status (kase, "registered", &action, &reason));
  g_clear_pointer (&reason, g_free);

  for (LlCaseAction a = 0; a < LL_N_CASE_ACTIONS; a++)
    {
      LlCaseAction back;

      g_assert_true (ll_case_action_from_key (ll_case_action_get_key (a), &back));
      g_assert_cmpint (back, ==, a);
      g_assert_nonnull (ll_case_action_get_label (a));
    }
  g_assert_false (ll_case_action_from_key ("archive", &action));

  /* Grouped by department: a drop assigns a registered case there. */
  ll_case_set_status (kase, "registered");
  ll_case_set_satisfaction (kase, NULL);
  ll_case_set_department_id (kase, 0);
  g_assert_true (ll_case_workflow_action_for_department (kase, 7, "区住建局", &action, &reason));
  g_assert_cmpint (action, ==, LL_CASE_ACTION_ASSIGN);
  g_assert_null (reason);
  g_assert_false (ll_case_workflow_action_for_department (kase, 0, NULL, &action, &reason));
  g_assert_nonnull (reason);
  g_clear_pointer (&reason, g_free);

  ll_case_set_status (kase, "assigned");
  ll_case_set_department_id (kase, 7);
  g_assert_false (ll_case_workflow_action_for_department (kase, 7, "区住建局", &action, &reason));
  g_assert_nonnull (strstr (reason, "区住建局"));
  g_clear_pointer (&reason, g_free);
  g_assert_false (ll_case_workflow_action_for_department (kase, 8, "区交通局", &action, &reason));
  g_assert_nonnull (strstr (reason, "already been assigned"));
  g_clear_pointer (&reason, g_free);
  g_assert_false (ll_case_workflow_action_for_department (kase, 0, NULL, &action, &reason));
  g_assert_nonnull (strstr (reason, "taken back"));
  g_clear_pointer (&reason, g_free);
}

/* Values ------------------------------------------------------------------- */

static void
assert_invalid_assign (LlDatabase *db,
                       LlCase     *kase,
                       const char *mode,
                       gint64      department_id,
                       const char *deadline,
                       const char *assigned_on,
                       const char *label)
{
  g_autoptr(GError) error = NULL;
  gint64 version = stored_version (db, kase);

  g_assert_false (ll_case_workflow_assign (db, kase, mode, department_id, deadline, assigned_on,
                                           &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, label));
  g_assert_cmpint (stored_version (db, kase), ==, version);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "registered");
}

static void
test_assign_values (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "噪音扰民", "2025-03-05");
  g_autoptr(LlCase) spot = register_case (fixture->db, "咨询社保", "2025-03-05");
  g_autoptr(GError) error = NULL;

  assert_invalid_assign (fixture->db, kase, NULL, 1, "2025-04-01", NULL, "Handling mode");
  assert_invalid_assign (fixture->db, kase, "phone", 1, "2025-04-01", NULL, "Handling mode");
  assert_invalid_assign (fixture->db, kase, "department", 0, "2025-04-01", NULL, "Department");
  assert_invalid_assign (fixture->db, kase, "department", 9, "2025-04-01", NULL, "Department");
  assert_invalid_assign (fixture->db, kase, "department", 1, NULL, NULL, "Deadline");
  assert_invalid_assign (fixture->db, kase, "subdistrict", 0, "", NULL, "Deadline");
  assert_invalid_assign (fixture->db, kase, "escalated", 0, "2025-04-31", NULL, "Deadline");
  assert_invalid_assign (fixture->db, kase, "department", 1, "2025-03-04", NULL,
                         "Deadline: 2025-03-04 is earlier than “Received”");
  assert_invalid_assign (fixture->db, kase, "department", 1, "2025-03-06", NULL, "Deadline");
  assert_invalid_assign (fixture->db, kase, "department", 1, "2025-04-01", "2025-03-01",
                         "Assigned");
  g_assert_cmpint (count_events (fixture->db, kase), ==, 1);

  /* Answered on the spot: no deadline needed, reply at once. */
  g_assert_true (ll_case_workflow_assign (fixture->db, spot, "on_the_spot", 0, NULL, NULL,
                                          &error));
  g_assert_no_error (error);
  g_assert_null (ll_case_get_deadline (spot));
  g_assert_false (ll_case_get_overdue (spot));
  g_assert_true (ll_case_workflow_reply (fixture->db, spot, "已当场解答。", NULL, &error));
  g_assert_no_error (error);

  /* Other modes may name a department too. */
  g_assert_true (ll_case_workflow_assign (fixture->db, kase, "subdistrict", 2, "2025-03-20",
                                          NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_department_name (kase), ==, "区交通局");
}

static void
test_reply_close_values (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LlCase) kase = register_case (fixture->db, "噪音扰民", "2025-03-05");
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_workflow_assign (fixture->db, kase, "department", 1, "2025-04-01",
                                          "2025-03-08", &error));
  g_assert_no_error (error);

  g_assert_false (ll_case_workflow_reply (fixture->db, kase, "  ", NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Reply"));
  g_clear_error (&error);

  g_assert_false (ll_case_workflow_reply (fixture->db, kase, "已处理", "2025-03-07", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Replied"));
  g_clear_error (&error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "assigned");

  g_assert_true (ll_case_workflow_reply (fixture->db, kase, "已处理", "2025-03-09", &error));
  g_assert_no_error (error);

  g_assert_false (ll_case_workflow_close (fixture->db, kase, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Satisfaction"));
  g_clear_error (&error);

  g_assert_false (ll_case_workflow_close (fixture->db, kase, "happy", NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Satisfaction"));
  g_clear_error (&error);

  g_assert_false (ll_case_workflow_close (fixture->db, kase, "satisfied", NULL, "2025-03-08",
                                          &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Closed"));
  g_clear_error (&error);
  g_assert_cmpstr (ll_case_get_status (kase), ==, "replied");
  g_assert_cmpint (count_events (fixture->db, kase), ==, 3);
}

static void
close_dissatisfied (LlDatabase *db,
                    LlCase     *kase,
                    const char *mode,
                    const char *deadline,
                    const char *assigned_on)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_workflow_assign (db, kase, mode, mode[0] == 'd' ? 1 : 0, deadline,
                                          assigned_on, &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_reply (db, kase, "已答复", NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_close (db, kase, "dissatisfied", NULL, NULL, &error));
  g_assert_no_error (error);
}

static void
test_reopen_deadline (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LlCase) short_case = register_case (fixture->db, "路面坑洼", "2025-03-01");
  g_autoptr(LlCase) spot = register_case (fixture->db, "咨询", "2025-03-01");
  g_autoptr(LlCase) given = register_case (fixture->db, "噪音", "2025-03-01");
  g_autoptr(GError) error = NULL;
  g_autofree char *deadline = NULL;

  /* Three days the first time: at least seven now. */
  close_dissatisfied (fixture->db, short_case, "department", "2025-03-05", "2025-03-02");
  deadline = ll_case_workflow_default_reopen_deadline (short_case);
  g_assert_cmpstr (deadline, ==, "2025-03-17");
  g_assert_true (ll_case_workflow_reopen (fixture->db, short_case, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_deadline (short_case), ==, "2025-03-17");
  /* The earlier reply stays for the department to read. */
  g_assert_cmpstr (ll_case_get_reply_text (short_case), ==, "已答复");

  /* On the spot had no deadline: seven days. */
  close_dissatisfied (fixture->db, spot, "on_the_spot", NULL, NULL);
  g_assert_true (ll_case_workflow_reopen (fixture->db, spot, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_deadline (spot), ==, "2025-03-17");
  g_assert_cmpstr (ll_case_get_handling_mode (spot), ==, "on_the_spot");

  /* A given deadline, not in the past. */
  close_dissatisfied (fixture->db, given, "department", "2025-03-30", "2025-03-02");
  g_assert_false (ll_case_workflow_reopen (fixture->db, given, "2025-03-09", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Deadline"));
  g_clear_error (&error);
  g_assert_cmpstr (ll_case_get_status (given), ==, "closed");
  g_assert_true (ll_case_workflow_reopen (fixture->db, given, "2025-05-01", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_case_get_deadline (given), ==, "2025-05-01");
}

/* Merging ------------------------------------------------------------------ */

static void
assert_merge_refused (LlDatabase *db,
                      LlCase     *kase,
                      LlCase     *target,
                      const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *why = NULL;
  gint64 version = stored_version (db, kase);
  gint64 target_version = stored_version (db, target);
  gint64 n_changes = count (db, "SELECT count(*) FROM change_log");

  g_assert_false (ll_case_workflow_can_merge_into (kase, target, &why));
  g_assert_nonnull (strstr (why, reason));

  g_assert_false (ll_case_workflow_merge (db, kase, target, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, reason));
  g_assert_cmpint (stored_version (db, kase), ==, version);
  g_assert_cmpint (stored_version (db, target), ==, target_version);
  g_assert_cmpint (count (db, "SELECT count(*) FROM change_log"), ==, n_changes);
}

static void
test_merge (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(LlCase) a = register_case (fixture->db, "东区停车难", "2025-03-01");
  g_autoptr(LlCase) b = register_case (fixture->db, "西区停车难", "2025-03-02");
  g_autoptr(LlCase) issue = register_case (fixture->db, "停车难", "2025-03-03");
  g_autoptr(LlCase) other = register_case (fixture->db, "充电桩不足", "2025-03-04");
  g_autoptr(LlCase) closed = register_case (fixture->db, "已办结", "2025-03-04");
  g_autoptr(LlCase) stale_issue = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *detail;
  gint64 n_a, n_issue;

  close_dissatisfied (fixture->db, closed, "on_the_spot", NULL, NULL);
  stale_issue = ll_case_dup (issue);

  /* The first merge makes the target a common issue. */
  n_a = count_events (fixture->db, a);
  n_issue = count_events (fixture->db, issue);
  g_assert_true (ll_case_workflow_merge (fixture->db, a, issue, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_merged_into_id (a), ==, ll_case_get_id (issue));
  g_assert_true (ll_case_get_is_common (issue));
  g_assert_cmpint (ll_case_get_version (issue), ==, 2);
  g_assert_cmpint (ll_case_get_version (a), ==, 2);
  detail = assert_last_event (fixture->db, a, n_a, "merge", NULL, NULL, "xiaoli", "front-desk",
                              parser);
  g_assert_cmpstr (json_object_get_string_member (detail, "into_serial"), ==, "2025-0003");
  g_assert_true (json_object_get_boolean_member (detail, "made_common"));
  detail = assert_last_event (fixture->db, issue, n_issue, "merged_in", NULL, NULL, "xiaoli",
                              "front-desk", parser);
  g_assert_cmpstr (json_object_get_string_member (detail, "serial"), ==, "2025-0001");

  /* A second case into the same common issue. */
  g_assert_true (ll_case_workflow_merge (fixture->db, b, issue, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_case_get_version (issue), ==, 2);

  {
    LlCaseFilter filter = LL_CASE_FILTER_INIT;
    g_autoptr(GArray) ids = NULL;

    filter.merged_into_id = ll_case_get_id (issue);
    ids = ll_case_store_query_ids (fixture->db, &filter, LL_CASE_SORT_SERIAL, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (ids->len, ==, 2);
    g_assert_cmpint (g_array_index (ids, gint64, 0), ==, ll_case_get_id (a));
  }

  assert_merge_refused (fixture->db, a, other, "already been merged");
  assert_merge_refused (fixture->db, issue, other, "common issue cannot be merged");
  assert_merge_refused (fixture->db, other, other, "itself");
  assert_merge_refused (fixture->db, other, a, "merge into that common issue instead");
  assert_merge_refused (fixture->db, closed, other, "closed case cannot be merged");
  assert_merge_refused (fixture->db, other, closed, "closed");

  /* A stale copy of the target: conflict, and the case is not merged
   * either (one transaction). */
  g_assert_false (ll_case_workflow_merge (fixture->db, other, stale_issue, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (stored_version (fixture->db, other), ==, 1);
  g_assert_cmpint (ll_case_get_merged_into_id (other), ==, 0);

  /* A common issue with merged cases stays one. */
  ll_case_set_is_common (issue, FALSE);
  g_assert_false (ll_case_store_update (fixture->db, issue, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2 cases"));
  g_clear_error (&error);

  /* Merged cases still get their own reply and follow-up visit. */
  g_assert_true (ll_case_workflow_assign (fixture->db, a, "department", 1, "2025-04-01", NULL,
                                          &error));
  g_assert_no_error (error);
}

/* Several people at once --------------------------------------------------- */

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LlCase) mine = register_case (fixture->db, "噪音扰民", "2025-03-05");
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(LlCase) theirs = NULL;
  g_autoptr(GError) error = NULL;
  gint64 n_events;

  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  ll_database_set_user (other_db, "laozhang");
  ll_database_set_host (other_db, "reception-pc");

  theirs = ll_case_store_get (other_db, ll_case_get_id (mine), &error);
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_assign (other_db, theirs, "department", 2, "2025-04-01", NULL,
                                          &error));
  g_assert_no_error (error);

  /* My copy is stale: refused as a conflict naming who saved, nothing
   * written. */
  n_events = count_events (fixture->db, mine);
  g_assert_false (ll_case_workflow_assign (fixture->db, mine, "department", 1, "2025-04-02",
                                           NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "reception-pc"));
  g_clear_error (&error);
  g_assert_cmpint (count_events (fixture->db, mine), ==, n_events);
  g_assert_cmpint (count (fixture->db, "SELECT department_id FROM cases"), ==, 2);
  g_assert_cmpstr (ll_case_get_status (mine), ==, "registered");

  /* Reloaded, the next step works. */
  {
    g_autoptr(LlCase) fresh = ll_case_store_get (fixture->db, ll_case_get_id (mine), &error);
    g_assert_no_error (error);
    ll_case_update_from (mine, fresh);
  }
  g_assert_true (ll_case_workflow_start (fixture->db, mine, &error));
  g_assert_no_error (error);

  /* Deleted meanwhile: not found. */
  g_assert_true (test_write_sql (other_db, "DELETE FROM cases", &error));
  g_assert_no_error (error);
  g_assert_false (ll_case_workflow_reply (fixture->db, mine, "答复", NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

/* Overdue ------------------------------------------------------------------ */

static void
test_overdue (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(LlCase) early = register_case (fixture->db, "一", "2025-03-01");
  g_autoptr(LlCase) late = register_case (fixture->db, "二", "2025-03-01");
  g_autoptr(LlCase) replied = register_case (fixture->db, "三", "2025-03-01");
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_workflow_assign (fixture->db, early, "department", 1, "2025-03-15",
                                          NULL, &error));
  g_assert_true (ll_case_workflow_assign (fixture->db, late, "department", 1, "2025-03-31",
                                          NULL, &error));
  g_assert_true (ll_case_workflow_start (fixture->db, late, &error));
  g_assert_true (ll_case_workflow_assign (fixture->db, replied, "department", 1, "2025-03-12",
                                          NULL, &error));
  g_assert_true (ll_case_workflow_reply (fixture->db, replied, "已答复", NULL, &error));
  g_assert_no_error (error);

  /* On the deadline itself a case is not overdue yet. */
  g_setenv ("LIANLUO_TODAY", "2025-03-15", TRUE);
  g_assert_false (ll_case_get_overdue (early));
  g_assert_cmpint (ll_case_store_count_overdue (fixture->db, &error), ==, 0);

  g_setenv ("LIANLUO_TODAY", "2025-03-16", TRUE);
  g_assert_true (ll_case_get_overdue (early));
  g_assert_false (ll_case_get_overdue (late));
  g_assert_false (ll_case_get_overdue (replied));
  g_assert_cmpint (ll_case_store_count_overdue (fixture->db, &error), ==, 1);

  g_setenv ("LIANLUO_TODAY", "2025-04-01", TRUE);
  g_assert_true (ll_case_get_overdue (late));
  g_assert_cmpint (ll_case_store_count_overdue (fixture->db, &error), ==, 2);
  g_assert_cmpint (ll_case_store_count_open (fixture->db, &error), ==, 3);
  g_assert_no_error (error);

  /* Replying ends it. */
  g_assert_true (ll_case_workflow_reply (fixture->db, early, "已答复", NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ll_case_get_overdue (early));
  g_assert_cmpint (ll_case_store_count_overdue (fixture->db, &error), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");

#define ADD(name, func) \
  g_test_add ("/core/case-workflow/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("full-path", test_full_path);
  ADD ("illegal", test_illegal);
  ADD ("board-drop", test_board_drop);
  ADD ("assign-values", test_assign_values);
  ADD ("reply-close-values", test_reply_close_values);
  ADD ("reopen-deadline", test_reopen_deadline);
  ADD ("merge", test_merge);
  ADD ("conflict", test_conflict);
  ADD ("overdue", test_overdue);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-database"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "test-util.h"

typedef struct
{
  char *dir;
  char *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static LlDatabase *
open_new (const char *path)
{
  g_autoptr(GError) error = NULL;
  LlDatabase *db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

typedef struct
{
  GPtrArray *changes;
  guint      n_emissions;
  gboolean   got;
} ChangedData;

static void
changed_cb (LlDatabase  *db,
            GPtrArray   *changes,
            ChangedData *data)
{
  g_assert_nonnull (changes);
  for (guint i = 0; i < changes->len; i++)
    g_ptr_array_add (data->changes, ll_change_copy (g_ptr_array_index (changes, i)));
  data->n_emissions++;
  data->got = TRUE;
}

/* Opening ------------------------------------------------------------------ */

static void
test_open_create (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *nested = g_build_filename (fixture->dir, "a", "b", "lianluo.db", NULL);

  /* Missing without CREATE: refused, nothing created. */
  db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_null (db);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  /* CREATE makes the folders too (the CLI's default path). */
  db = ll_database_open (nested, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_database_get_schema_version (db), ==,
                   ll_database_get_supported_schema_version ());
  g_assert_cmpint (ll_database_get_schema_version (db), >=, 1);
  g_assert_false (ll_database_get_read_only (db));
  g_assert_false (ll_database_get_damaged (db));
  g_assert_true (ll_database_get_checked (db));
  g_assert_false (ll_database_get_on_network_share (db));
  g_assert_cmpstr (ll_database_get_path (db), ==, nested);
  g_assert_cmpint (test_query_int (db, "PRAGMA application_id"), ==, LL_DATABASE_APPLICATION_ID);
  g_assert_cmpint (test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM sqlite_schema WHERE name = 'cases'"),
                   ==, 1);
  g_assert_true (test_write_sql (db, "INSERT INTO departments (name) VALUES ('住建局')", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Reopen: same data, nothing migrated, no backup made. */
  db = ll_database_open (nested, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 1);
  test_wait_checked (db);
  g_assert_true (ll_database_get_checked (db));
  g_assert_false (ll_database_get_damaged (db));
  g_clear_object (&db);

  {
    g_autofree char *parent = g_path_get_dirname (nested);
    g_autoptr(GDir) dir = g_dir_open (parent, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_false (g_str_has_suffix (name, ".bak"));
  }

  /* Local disk: WAL. */
  db = ll_database_open (nested, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  {
    g_autoptr(LlStatement) statement = _ll_database_prepare (db, "PRAGMA journal_mode", &error);
    g_assert_cmpint (_ll_statement_step (statement, &error), ==, LL_STEP_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (statement->stmt, 0), ==, "wal");
  }
}

static void
test_open_empty_file (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "", 0, &error);
  g_assert_no_error (error);

  /* A 0-byte file is initialised, CREATE or not. */
  db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_database_get_schema_version (db), ==,
                   ll_database_get_supported_schema_version ());
  g_assert_cmpint (test_query_int (db, "PRAGMA application_id"), ==, LL_DATABASE_APPLICATION_ID);
}

static void
open_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LlDatabase **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = ll_database_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  ChangedData changed = { g_ptr_array_new_with_free_func ((GDestroyNotify) ll_change_free) };

  ll_database_open_async (fixture->path, LL_DATABASE_OPEN_CREATE, NULL, open_done_cb, &db);
  while (db == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (ll_database_get_schema_version (db), ==,
                   ll_database_get_supported_schema_version ());

  /* Its signals come on this thread's context. */
  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changed);
  g_assert_true (test_write_sql (db, "INSERT INTO areas (level, name) VALUES ('town', '东湖街道')",
                                 &error));
  g_assert_no_error (error);
  test_wait_for (&changed.got);
  g_ptr_array_unref (changed.changes);
}

static void
test_open_share_mode (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("LIANLUO_TEST_FILESYSTEM", "share", TRUE);
  db = open_new (fixture->path);
  g_unsetenv ("LIANLUO_TEST_FILESYSTEM");

  g_assert_true (ll_database_get_on_network_share (db));
  g_assert_cmpint (test_query_int (db, "PRAGMA synchronous"), ==, 2);
  g_assert_cmpint (test_query_int (db, "PRAGMA mmap_size"), ==, 0);
  {
    g_autoptr(LlStatement) statement = _ll_database_prepare (db, "PRAGMA journal_mode", &error);
    g_assert_cmpint (_ll_statement_step (statement, &error), ==, LL_STEP_ROW);
    g_assert_cmpstr ((const char *) sqlite3_column_text (statement->stmt, 0), ==, "delete");
  }
  g_assert_true (test_write_sql (db, "INSERT INTO departments (name) VALUES ('民政局')", &error));
  g_assert_no_error (error);
}

static char *
journal_mode (LlDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, "PRAGMA journal_mode", &error);

  g_assert_cmpint (_ll_statement_step (statement, &error), ==, LL_STEP_ROW);
  return _ll_statement_dup_text (statement, 0);
}

static void
test_journal_mode_after_check (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autofree char *mode = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* Made on a share, then copied to a local disk. */
  g_setenv ("LIANLUO_TEST_FILESYSTEM", "share", TRUE);
  db = open_new (fixture->path);
  g_unsetenv ("LIANLUO_TEST_FILESYSTEM");
  g_clear_object (&db);
  before = test_checksum (fixture->path);

  /* The header is not rewritten before the check has passed … */
  db = open_new (fixture->path);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "delete");
  after = test_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&mode, g_free);

  /* … then the file goes to WAL. */
  test_wait_checked (db);
  mode = journal_mode (db);
  g_assert_cmpstr (mode, ==, "wal");
}

static void
test_mountinfo (void)
{
  const char *mountinfo =
    "22 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw\n"
    "40 22 0:45 / /mnt/office rw,relatime shared:20 - cifs //srv/office "
    "rw,vers=3.1.1,cache=strict,nobrl,uid=1000\n"
    "41 22 0:46 / /mnt/nfs rw,relatime shared:21 - nfs4 srv:/export "
    "rw,vers=4.2,local_lock=none,addr=10.0.0.2\n"
    "42 22 0:47 / /mnt/old rw,relatime - nfs srv:/old rw,vers=3,nolock,local_lock=all\n"
    "43 22 0:48 / /mnt/ok rw,relatime - cifs //srv/ok rw,vers=3.0\n";

  g_assert_false (_ll_database_mountinfo_locking_disabled (mountinfo, 254, 1));
  g_assert_true (_ll_database_mountinfo_locking_disabled (mountinfo, 0, 45));
  g_assert_false (_ll_database_mountinfo_locking_disabled (mountinfo, 0, 46));
  g_assert_true (_ll_database_mountinfo_locking_disabled (mountinfo, 0, 47));
  g_assert_false (_ll_database_mountinfo_locking_disabled (mountinfo, 0, 48));
  g_assert_false (_ll_database_mountinfo_locking_disabled (mountinfo, 9, 9));
  g_assert_false (_ll_database_mountinfo_locking_disabled ("", 0, 45));
}

/* Writing ------------------------------------------------------------------ */

static gboolean
insert_then_fail_func (LlDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  if (!_ll_database_exec (db, "INSERT INTO departments (name) VALUES ('半途')", error))
    return FALSE;

  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID, "invalid on purpose");
  return FALSE;
}

static gboolean
nested_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  g_autoptr(GError) inner_error = NULL;

  g_assert_true (_ll_database_in_write (db));
  if (!_ll_database_exec (db, "INSERT INTO departments (name) VALUES ('外层')", error))
    return FALSE;

  /* A failing inner write is undone alone. */
  g_assert_false (ll_database_write (db, insert_then_fail_func, NULL, &inner_error));
  g_assert_error (inner_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);

  return test_write_sql (db, "INSERT INTO departments (name) VALUES ('内层')", error);
}

static void
test_write_commit_rollback (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(GError) error = NULL;
  sqlite3 *handle = _ll_database_get_handle (db);

  g_assert_true (test_write_sql (db, "INSERT INTO departments (name) VALUES ('交通局')", &error));
  g_assert_no_error (error);
  g_assert_true (sqlite3_get_autocommit (handle));

  /* The function fails: nothing of it remains, no transaction is open. */
  g_assert_false (ll_database_write (db, insert_then_fail_func, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (handle));
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 1);

  /* A constraint fails in the middle: the earlier statement is undone too. */
  g_assert_false (test_write_sql (db,
                                  "INSERT INTO departments (name) VALUES ('教育局');"
                                  "INSERT INTO departments (name) VALUES ('交通局');",
                                  &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("duplicate: %s", error->message);
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (handle));
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 1);

  /* Nested writes are savepoints. */
  g_assert_true (ll_database_write (db, nested_func, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 3);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments WHERE name = '半途'"),
                   ==, 0);
  g_assert_true (sqlite3_get_autocommit (handle));
}

static void
test_schema_checks (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(GError) error = NULL;
  const char *bad[] = {
    /* impossible date */
    "INSERT INTO stations (kind, name, opened_on) VALUES ('station', '一站', '2025-02-30')",
    /* unknown key */
    "INSERT INTO stations (kind, name) VALUES ('castle', '一站')",
    /* empty name */
    "INSERT INTO stations (kind, name) VALUES ('station', '  ')",
    /* a level for a non-deputy */
    "INSERT INTO people (name, role, level) VALUES ('王警官', 'police_officer', 'city')",
    /* a serial that does not match its parts */
    "INSERT INTO cases (year, seq, serial, title, received_on, station_id) "
    "VALUES (2025, 1, '2025-0002', '路灯', '2025-03-01', 1)",
    /* a case at a station that does not exist */
    "INSERT INTO cases (year, seq, serial, title, received_on, station_id) "
    "VALUES (2025, 2, '2025-0002', '路灯', '2025-03-01', 999)",
    /* the same serial twice */
    "INSERT INTO cases (year, seq, serial, title, received_on, station_id) "
    "VALUES (2025, 1, '2025-0001', '路灯', '2025-03-01', 1)",
    /* stationed twice at once */
    "INSERT INTO memberships (person_id, station_id) VALUES (1, 1)",
    /* two current heads */
    "INSERT INTO memberships (person_id, station_id, station_role) VALUES (2, 1, 'head')",
    /* two current primary stations */
    "INSERT INTO memberships (person_id, station_id, is_primary) VALUES (1, 2, 1)",
    /* an attachment with two owners */
    "INSERT INTO attachments (case_id, activity_id, file_name, size, sha256) VALUES "
    "(1, 1, 'a.jpg', 1, '" "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" "')",
  };

  g_assert_true (test_write_sql (db,
                                 "INSERT INTO stations (kind, name, opened_on, reception_days) "
                                 "VALUES ('station', '东湖社区联络站', '2024-02-29', '10,18');"
                                 "INSERT INTO stations (kind, name, parent_id) "
                                 "VALUES ('point', '民情茶话亭', 1);"
                                 "INSERT INTO people (name, level) VALUES ('张晓鹃', 'city');"
                                 "INSERT INTO people (name, level) VALUES ('李明', 'township');"
                                 "INSERT INTO memberships (person_id, station_id, station_role, "
                                 "  is_primary) VALUES (1, 1, 'head', 1);"
                                 "INSERT INTO cases (year, seq, serial, title, received_on, "
                                 "  station_id) VALUES (2025, 1, '2025-0001', '路灯不亮', "
                                 "  '2025-03-01', 1);"
                                 "INSERT INTO activities (held_on, type, title) "
                                 "  VALUES ('2025-03-10', 'reception', '接待选民');",
                                 &error));
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_assert_false (test_write_sql (db, bad[i], &error));
      g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
      g_test_message ("%s → %s", bad[i], error->message);
      g_clear_error (&error);
    }

  /* Ending a membership frees the place for a new one. */
  g_assert_true (test_write_sql (db,
                                 "UPDATE memberships SET to_date = '2025-01-01', "
                                 "version = version + 1 WHERE id = 1;"
                                 "INSERT INTO memberships (person_id, station_id, station_role) "
                                 "VALUES (2, 1, 'head');"
                                 "INSERT INTO memberships (person_id, station_id) VALUES (1, 1);",
                                 &error));
  g_assert_no_error (error);

  /* A station used by a case cannot be deleted. */
  g_assert_false (test_write_sql (db, "DELETE FROM stations WHERE id = 1", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A case's history goes with it. */
  g_assert_true (test_write_sql (db,
                                 "INSERT INTO case_events (case_id, kind, to_status) "
                                 "VALUES (1, 'registered', 'registered');"
                                 "DELETE FROM cases WHERE id = 1;",
                                 &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM case_events"), ==, 0);

  g_assert_true (ll_database_check (db, TRUE, NULL, &error));
  g_assert_no_error (error);
}

/* Versioned updates -------------------------------------------------------- */

static void
test_versioned_update (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(LlDatabase) other = NULL;
  g_autoptr(GError) error = NULL;
  const char *columns[] = { "name", "phone" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gint64 version = 0;

  g_assert_true (test_write_sql (db, "INSERT INTO departments (name) VALUES ('城管局')", &error));
  g_assert_no_error (error);

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], "城市管理局");
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], NULL);

  g_assert_true (_ll_database_update_versioned (db, "departments", 1, 1, columns, values, 2,
                                                &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 2);
  g_assert_cmpint (test_query_int (db, "SELECT version FROM departments WHERE id = 1"), ==, 2);

  /* Someone on another machine saves first. */
  g_setenv ("LIANLUO_HOST", "front-desk", TRUE);
  g_setenv ("LIANLUO_USER", "xiaowang", TRUE);
  other = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_USER");
  g_assert_no_error (error);
  g_assert_true (_ll_database_update_versioned (other, "departments", 1, 2, columns, values, 1,
                                                &version, &error));
  g_assert_no_error (error);
  g_assert_cmpint (version, ==, 3);

  /* My save with the version I read is a conflict, not an overwrite. */
  g_value_set_string (&values[0], "我的名字");
  g_assert_false (_ll_database_update_versioned (db, "departments", 1, 2, columns, values, 1,
                                                 &version, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "xiaowang"));
  g_assert_nonnull (strstr (error->message, "front-desk"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments WHERE name = '我的名字'"),
                   ==, 0);

  /* Deleting with an old version is a conflict too. */
  g_assert_false (_ll_database_delete_versioned (db, "departments", 1, 2, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (_ll_database_delete_versioned (other, "departments", 1, 3, &error));
  g_assert_no_error (error);

  /* Gone: not found. */
  g_assert_false (_ll_database_update_versioned (db, "departments", 1, 3, columns, values, 1,
                                                 &version, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (_ll_database_delete_versioned (db, "departments", 1, 3, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);

  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
}

/* change_log and the changed signal --------------------------------------- */

static void
test_change_log (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = NULL;
  const char *expected[][4] = {
    { "people", "insert", "laoli", "office-pc" },
    { "people", "update", "laoli", "office-pc" },
    { "people", "delete", "xiaozhang", "laptop" },
  };
  guint n = 0;

  ll_database_set_user (db, "laoli");
  ll_database_set_host (db, "office-pc");
  g_assert_true (test_write_sql (db, "INSERT INTO people (name) VALUES ('赵代表')", &error));
  g_assert_true (test_write_sql (db, "UPDATE people SET phone = '13800000000', "
                                     "version = version + 1", &error));
  ll_database_set_user (db, "xiaozhang");
  ll_database_set_host (db, "laptop");
  g_assert_true (test_write_sql (db, "DELETE FROM people", &error));
  g_assert_no_error (error);

  statement = _ll_database_prepare (db, "SELECT tbl, op, user, host, row_id, at FROM change_log "
                                        "WHERE tbl = 'people' ORDER BY seq", &error);
  while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
    {
      g_assert_cmpuint (n, <, G_N_ELEMENTS (expected));
      for (guint i = 0; i < 4; i++)
        g_assert_cmpstr ((const char *) sqlite3_column_text (statement->stmt, (int) i), ==,
                         expected[n][i]);
      g_assert_cmpint (sqlite3_column_int64 (statement->stmt, 4), ==, 1);
      g_assert_true (g_str_has_suffix ((const char *) sqlite3_column_text (statement->stmt, 5),
                                       "Z"));
      n++;
    }
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 3);

  /* A connection filling a new file with generated data logs nothing. */
  _ll_database_set_log_changes (db, FALSE);
  g_assert_true (test_write_sql (db, "INSERT INTO people (name) VALUES ('示例代表')", &error));
  _ll_database_set_log_changes (db, TRUE);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log WHERE tbl = 'people'"),
                   ==, 3);

  /* Presence is not logged. */
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM presence"), ==, 1);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log WHERE tbl = 'presence'"),
                   ==, 0);
}

static void
test_changed_own (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(GError) error = NULL;
  ChangedData changed = { g_ptr_array_new_with_free_func ((GDestroyNotify) ll_change_free) };
  LlChange *change;
  gint64 before = ll_database_get_last_seq (db);

  g_signal_connect (db, "changed", G_CALLBACK (changed_cb), &changed);

  /* Two commits before the main loop runs: one emission. */
  g_assert_true (test_write_sql (db, "INSERT INTO stations (kind, name) VALUES ('home', '家')",
                                 &error));
  g_assert_true (test_write_sql (db, "UPDATE stations SET name = '代表之家', "
                                     "version = version + 1", &error));
  g_assert_no_error (error);
  g_assert_false (changed.got);

  test_wait_for (&changed.got);
  g_assert_cmpuint (changed.n_emissions, ==, 1);
  g_assert_cmpuint (changed.changes->len, ==, 2);

  change = g_ptr_array_index (changed.changes, 0);
  g_assert_cmpstr (change->table, ==, "stations");
  g_assert_cmpint (change->row_id, ==, 1);
  g_assert_cmpint (change->op, ==, LL_CHANGE_INSERT);
  g_assert_cmpstr (change->user, ==, ll_database_get_user (db));
  g_assert_cmpstr (change->host, ==, ll_database_get_host (db));
  g_assert_cmpint (change->seq, >, before);
  change = g_ptr_array_index (changed.changes, 1);
  g_assert_cmpint (change->op, ==, LL_CHANGE_UPDATE);
  g_assert_cmpint (ll_database_get_last_seq (db), ==, change->seq);

  /* A rolled-back write announces nothing. */
  changed.got = FALSE;
  g_assert_false (ll_database_write (db, insert_then_fail_func, NULL, &error));
  g_clear_error (&error);
  for (guint i = 0; i < 10; i++)
    g_main_context_iteration (NULL, FALSE);
  g_assert_false (changed.got);

  g_ptr_array_unref (changed.changes);
}

static void
test_changed_other (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LlDatabase) a = open_new (fixture->path);
  g_autoptr(LlDatabase) b = NULL;
  g_autoptr(GError) error = NULL;
  ChangedData changed = { g_ptr_array_new_with_free_func ((GDestroyNotify) ll_change_free) };
  LlChange *change;

  ll_database_set_poll_interval (a, 50);
  g_signal_connect (a, "changed", G_CALLBACK (changed_cb), &changed);

  g_setenv ("LIANLUO_HOST", "second-machine", TRUE);
  b = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);

  g_assert_true (test_write_sql (b, "INSERT INTO people (name) VALUES ('钱代表')", &error));
  g_assert_no_error (error);

  test_wait_for (&changed.got);
  g_assert_cmpuint (changed.changes->len, ==, 1);
  change = g_ptr_array_index (changed.changes, 0);
  g_assert_cmpstr (change->table, ==, "people");
  g_assert_cmpint (change->op, ==, LL_CHANGE_INSERT);
  g_assert_cmpstr (change->host, ==, "second-machine");

  /* A worker's connection is seen the same way. */
  {
    g_autoptr(LlDatabase) worker = ll_database_open_secondary (a, &error);

    g_assert_no_error (error);
    changed.got = FALSE;
    g_assert_true (test_write_sql (worker, "UPDATE people SET name = '钱二', "
                                           "version = version + 1", &error));
    g_assert_no_error (error);
    test_wait_for (&changed.got);
    change = g_ptr_array_index (changed.changes, changed.changes->len - 1);
    g_assert_cmpint (change->op, ==, LL_CHANGE_UPDATE);
  }

  g_ptr_array_unref (changed.changes);
}

/* Presence ----------------------------------------------------------------- */

static gboolean
has_host (GPtrArray  *presence,
          const char *host)
{
  for (guint i = 0; i < presence->len; i++)
    if (g_strcmp0 (((LlPresence *) g_ptr_array_index (presence, i))->host, host) == 0)
      return TRUE;
  return FALSE;
}

static void
test_presence (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LlDatabase) a = NULL;
  g_autoptr(LlDatabase) b = NULL;
  g_autoptr(GPtrArray) seen_by_a = NULL;
  g_autoptr(GPtrArray) seen_by_b = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("LIANLUO_HOST", "alpha", TRUE);
  a = open_new (fixture->path);
  g_setenv ("LIANLUO_HOST", "beta", TRUE);
  b = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);

  /* An existing file: presence is written once the check passed. */
  test_wait_checked (b);
  g_assert_true (_ll_database_get_present (a));
  g_assert_true (_ll_database_get_present (b));

  seen_by_a = ll_database_list_presence (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_a->len, ==, 1);
  g_assert_true (has_host (seen_by_a, "beta"));
  g_assert_cmpint (((LlPresence *) g_ptr_array_index (seen_by_a, 0))->pid, ==, getpid ());

  seen_by_b = ll_database_list_presence (b, &error);
  g_assert_cmpuint (seen_by_b->len, ==, 1);
  g_assert_true (has_host (seen_by_b, "alpha"));

  /* The heartbeat keeps the row fresh and stays out of change_log. */
  _ll_database_set_heartbeat_interval (b, 20);
  for (guint i = 0; i < 20; i++)
    {
      g_usleep (5000);
      g_main_context_iteration (NULL, FALSE);
    }
  g_assert_cmpint (test_query_int (a, "SELECT count(*) FROM change_log WHERE tbl = 'presence'"),
                   ==, 0);

  /* Closing leaves the list. */
  ll_database_close (b);
  g_clear_pointer (&seen_by_a, g_ptr_array_unref);
  seen_by_a = ll_database_list_presence (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (seen_by_a->len, ==, 0);

  /* A stale row (heartbeat long ago) is not listed. */
  g_assert_true (test_write_sql (a, "INSERT INTO presence (user, host, pid, heartbeat) VALUES "
                                    "('old', 'gamma', 1, '2020-01-01T00:00:00Z')", &error));
  g_clear_pointer (&seen_by_a, g_ptr_array_unref);
  seen_by_a = ll_database_list_presence (a, &error);
  g_assert_cmpuint (seen_by_a->len, ==, 0);
}

/* Settings ----------------------------------------------------------------- */

static void
test_settings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  value = ll_database_get_setting (db, "office-name", &error);
  g_assert_no_error (error);
  g_assert_null (value);

  g_assert_true (ll_database_set_setting (db, "office-name", "东湖街道人大工委", &error));
  value = ll_database_get_setting (db, "office-name", &error);
  g_assert_cmpstr (value, ==, "东湖街道人大工委");
  g_clear_pointer (&value, g_free);

  g_assert_true (ll_database_set_setting (db, "office-name", "西湖街道人大工委", &error));
  g_assert_cmpint (test_query_int (db, "SELECT version FROM settings WHERE key = 'office-name'"),
                   ==, 2);

  g_assert_true (ll_database_set_setting (db, "office-name", NULL, &error));
  value = ll_database_get_setting (db, "office-name", &error);
  g_assert_no_error (error);
  g_assert_null (value);
}

/* Backup ------------------------------------------------------------------- */

static void
test_backup (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(LlDatabase) copy = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dest = g_build_filename (fixture->dir, "backup.db", NULL);
  g_autofree char *wal = g_strconcat (dest, "-wal", NULL);

  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO departments (name) VALUES ('部门%u')",
                                              i);
      g_assert_true (test_write_sql (db, sql, &error));
    }
  g_assert_no_error (error);

  /* The database is open and in WAL mode with uncheckpointed writes. */
  g_assert_true (ll_database_backup (db, dest, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  copy = ll_database_open (dest, LL_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (copy, "SELECT count(*) FROM departments"), ==, 200);
  g_assert_true (ll_database_check (copy, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&copy);

  /* A second backup replaces the first. */
  g_assert_true (test_write_sql (db, "DELETE FROM departments WHERE id > 100", &error));
  g_assert_true (ll_database_backup (db, dest, NULL, &error));
  g_assert_no_error (error);
  copy = ll_database_open (dest, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (copy, "SELECT count(*) FROM departments"), ==, 100);
  g_clear_object (&copy);

  /* Never over the database itself. */
  g_assert_false (ll_database_backup (db, fixture->path, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* No temporary files are left. */
  {
    g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (dir)) != NULL)
      g_assert_null (strstr (name, ".partial-"));
  }
}

static void
backup_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_database_backup_finish (LL_DATABASE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
check_done_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_database_check_finish (LL_DATABASE (object), result, &error));
  g_assert_no_error (error);
  *(gboolean *) user_data = TRUE;
}

static void
test_backup_async (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autofree char *dest = g_build_filename (fixture->dir, "async.db", NULL);
  gboolean done = FALSE;

  ll_database_backup_async (db, dest, NULL, backup_done_cb, &done);
  test_wait_for (&done);
  g_assert_true (g_file_test (dest, G_FILE_TEST_IS_REGULAR));

  done = FALSE;
  ll_database_check_async (db, TRUE, NULL, check_done_cb, &done);
  test_wait_for (&done);
}

/* Damage ------------------------------------------------------------------- */

static void
notify_cb (GObject    *object,
           GParamSpec *pspec,
           gpointer    user_data)
{
  *(gboolean *) user_data = TRUE;
}

static void
test_damaged_in_background (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_new (fixture->path);
  g_autoptr(GError) error = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  gboolean notified = FALSE;

  /* Enough rows for index pages well inside the file. */
  g_assert_true (test_write_sql (db,
                                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 3000) INSERT INTO departments (name, notes) "
                                 "SELECT '部门' || i, printf('%.200c', 'x') FROM n",
                                 &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  /* Scribble over the middle of the file: the header stays right. */
  g_assert_true (g_file_get_contents (fixture->path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 200 * 4096);
  for (gsize i = length / 2; i < length / 2 + 3 * 4096; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (fixture->path, contents, length, NULL));
  before = test_checksum (fixture->path);

  /* Opening is cheap and succeeds; the background check finds it. */
  db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_signal_connect (db, "notify::damaged", G_CALLBACK (notify_cb), &notified);
  test_wait_for (&notified);
  g_assert_true (ll_database_get_damaged (db));
  g_assert_false (ll_database_get_checked (db));

  g_assert_false (test_write_sql (db, "INSERT INTO departments (name) VALUES ('新')", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* No backup is made of it either. */
  {
    g_autofree char *dest = g_build_filename (fixture->dir, "copy.db", NULL);

    g_assert_false (ll_database_backup (db, dest, NULL, &error));
    g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DAMAGED);
    g_assert_false (g_file_test (dest, G_FILE_TEST_EXISTS));
  }

  g_clear_object (&db);
  after = test_checksum (fixture->path);
  g_assert_cmpstr (before, ==, after);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_TEST_FILESYSTEM");

#define ADD(name, func) \
  g_test_add ("/core/database/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("open-create", test_open_create);
  ADD ("open-empty-file", test_open_empty_file);
  ADD ("open-async", test_open_async);
  ADD ("open-share-mode", test_open_share_mode);
  ADD ("journal-mode-after-check", test_journal_mode_after_check);
  g_test_add_func ("/core/database/mountinfo", test_mountinfo);
  ADD ("write-commit-rollback", test_write_commit_rollback);
  ADD ("schema-checks", test_schema_checks);
  ADD ("versioned-update", test_versioned_update);
  ADD ("change-log", test_change_log);
  ADD ("changed-own", test_changed_own);
  ADD ("changed-other", test_changed_other);
  ADD ("presence", test_presence);
  ADD ("settings", test_settings);
  ADD ("backup", test_backup);
  ADD ("backup-async", test_backup_async);
  ADD ("damaged-in-background", test_damaged_in_background);

#undef ADD

  return g_test_run ();
}

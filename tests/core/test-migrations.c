/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-migrations"

/* Upgrading files of every earlier schema version. Besides the real
 * migrations, this program adds one test migration after the last one,
 * so that the upgrade path (check, backup beside the file, migration,
 * rollback on failure) is exercised from the current schema as well. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "test-util.h"

/* Fails on a file with two departments sharing a phone number. */
#define TEST_MIGRATION \
  "ALTER TABLE departments ADD COLUMN code TEXT;" \
  "CREATE UNIQUE INDEX departments_phone ON departments (phone) WHERE phone IS NOT NULL;"

/* Data written at each real schema version, so that every later
 * migration runs over a file with real rows. Add one entry with each new
 * migration in src/core/schema/. */
static const char *version_fixtures[] = {
  /* 0: an empty file */
  NULL,
  /* 1 */
  "INSERT INTO areas (level, name) VALUES ('district', '东湖区');"
  "INSERT INTO stations (kind, name, area_id) VALUES ('home', '东湖街道人大代表之家', 1);"
  "INSERT INTO people (name, level, term) VALUES ('周代表', 'county', '第十七届');"
  "INSERT INTO memberships (person_id, station_id, is_primary) VALUES (1, 1, 1);"
  "INSERT INTO departments (name, phone) VALUES ('区住建局', '0571-1');"
  "INSERT INTO departments (name, phone) VALUES ('区交通局', '0571-2');"
  "INSERT INTO cases (year, seq, serial, title, received_on, station_id, category, source) "
  "VALUES (2024, 1, '2024-0001', '小区电梯加装', '2024-05-10', 1, 'urban_construction', "
  "'reception_day');"
  "INSERT INTO case_deputies (case_id, person_id) VALUES (1, 1);"
  "INSERT INTO case_events (case_id, kind, to_status) VALUES (1, 'registered', 'registered');"
  "INSERT INTO activities (held_on, type, station_id, title) "
  "VALUES ('2024-05-10', 'reception', 1, '每月10日接待选民');"
  "INSERT INTO activity_participants (activity_id, person_id) VALUES (1, 1);"
  "INSERT INTO settings (key, value) VALUES ('office-name', '东湖街道人大工委');",
  /* 2: search (rows written through the search triggers) */
  "UPDATE cases SET body = '3号楼电梯老旧' WHERE id = 1;"
  "INSERT INTO stations (kind, name, address) VALUES ('point', '幸福社区联系点', 'A座一楼');",
  /* 3: point adjustments */
  "INSERT INTO point_adjustments (person_id, awarded_on, item, points, reason) "
  "VALUES (1, '2024-06-01', 'commendation', 5, '获评市优秀人大代表');",
  /* 4: reception rosters */
  "UPDATE stations SET reception_days = '10,18' WHERE id = 1;"
  "INSERT INTO roster_entries (station_id, held_on, person_id, attendance, activity_id) "
  "VALUES (1, '2024-05-10', 1, 'present', 1);",
  /* 5: indexes by case status */
  "",
};

typedef struct
{
  char *dir;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = test_tmpdir ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static int
real_latest (void)
{
  return ll_database_get_supported_schema_version () - 1;
}

static void
build_file_at_version (const char *path,
                       int         version)
{
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;

  if (version == 0)
    {
      g_assert_true (g_file_set_contents (path, "", 0, &error));
      return;
    }

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  _ll_database_register_functions (db, "builder", "build-host");
  g_assert_true (_ll_migrations_apply (db, "test", version, &error));
  g_assert_no_error (error);

  for (int v = 1; v <= version && v <= real_latest (); v++)
    g_assert_cmpint (sqlite3_exec (db, version_fixtures[v], NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static int
raw_user_version (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int version;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  version = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return version;
}

static void
test_every_version (Fixture       *fixture,
                    gconstpointer  data)
{
  int latest = ll_database_get_supported_schema_version ();

  /* Every real version has its fixture. */
  g_assert_cmpint (G_N_ELEMENTS (version_fixtures), ==, real_latest () + 1);

  for (int from = 0; from < latest; from++)
    {
      g_autofree char *path = g_strdup_printf ("%s/v%d.db", fixture->dir, from);
      g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, from + 1);
      g_autofree char *second = g_strdup_printf ("%s.before-v%d.2.bak", path, from + 1);
      g_autoptr(LlDatabase) db = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("upgrading from version %d to %d", from, latest);
      build_file_at_version (path, from);

      db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
      g_assert_no_error (error);
      g_assert_cmpint (ll_database_get_schema_version (db), ==, latest);
      g_assert_cmpint (test_query_int (db, "PRAGMA user_version"), ==, latest);
      g_assert_cmpint (test_query_int (db, "PRAGMA application_id"), ==,
                       LL_DATABASE_APPLICATION_ID);
      g_assert_cmpint (test_query_int (db, "PRAGMA foreign_keys"), ==, 1);
      g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM pragma_table_info('departments') "
                                           "WHERE name = 'code'"), ==, 1);
      g_assert_true (ll_database_check (db, TRUE, NULL, &error));
      g_assert_no_error (error);
      /* 5: the lists by status read their order from the index. */
      g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM pragma_index_info('cases_status') "
                                           "WHERE name = 'id'"), ==, 1);
      g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM pragma_index_list('cases') "
                                           "WHERE name = 'cases_status_station'"), ==, 1);

      if (from == 0)
        {
          /* A new file needs no copy. */
          g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
          continue;
        }

      /* The data survived and still works. */
      g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM cases"), ==, 1);
      g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM activity_participants"), ==, 1);
      if (from >= 4)
        g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM roster_entries "
                                             "WHERE activity_id = 1"), ==, 1);
      g_assert_true (test_write_sql (db, "INSERT INTO departments (name, code) "
                                         "VALUES ('区民政局', 'MZ')", &error));
      g_assert_no_error (error);

      /* The copy beside it is the file as it was. */
      g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
      g_assert_cmpint (raw_user_version (backup), ==, from);
      g_clear_object (&db);

      /* Opening again migrates nothing and makes no second copy. */
      db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
      g_assert_no_error (error);
      g_assert_false (g_file_test (second, G_FILE_TEST_EXISTS));
    }
}

static void
test_backup_name_taken (Fixture       *fixture,
                        gconstpointer  data)
{
  int from = ll_database_get_supported_schema_version () - 1;
  g_autofree char *path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, from + 1);
  g_autofree char *second = g_strdup_printf ("%s.before-v%d.2.bak", path, from + 1);
  g_autofree char *contents = NULL;
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  build_file_at_version (path, from);
  g_assert_true (g_file_set_contents (backup, "an earlier copy", -1, NULL));

  db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);

  /* The earlier copy is kept; the new one goes beside it. */
  g_assert_true (g_file_get_contents (backup, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "an earlier copy");
  g_assert_cmpint (raw_user_version (second), ==, from);
}

static void
test_failed_upgrade (Fixture       *fixture,
                     gconstpointer  data)
{
  int from = ll_database_get_supported_schema_version () - 1;
  g_autofree char *path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, from + 1);
  g_autofree char *journal = g_strconcat (path, "-journal", NULL);
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  sqlite3 *raw = NULL;

  /* Data the test migration cannot take: two departments, one phone. */
  build_file_at_version (path, from);
  g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
  _ll_database_register_functions (raw, "builder", "build-host");
  g_assert_cmpint (sqlite3_exec (raw, "INSERT INTO departments (name, phone) VALUES "
                                      "('甲', '110'), ('乙', '110')", NULL, NULL, NULL),
                   ==, SQLITE_OK);

  db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* Rolled back: the file is still at its version with all its data. */
  g_assert_cmpint (raw_user_version (path), ==, from);
  g_assert_false (g_file_test (journal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (backup, G_FILE_TEST_IS_REGULAR));
  {
    sqlite3_stmt *stmt = NULL;

    g_assert_cmpint (sqlite3_prepare_v2 (raw, "SELECT count(*) FROM departments WHERE "
                                              "phone = '110'", -1, &stmt, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    g_assert_cmpint (sqlite3_column_int (stmt, 0), ==, 2);
    sqlite3_finalize (stmt);
  }

  /* Mended, it upgrades. */
  g_assert_cmpint (sqlite3_exec (raw, "UPDATE departments SET phone = '119', "
                                      "version = version + 1 WHERE name = '乙'",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);

  db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_database_get_schema_version (db), ==, from + 1);
}

static void
test_refused_upgrades (Fixture       *fixture,
                       gconstpointer  data)
{
  int from = ll_database_get_supported_schema_version () - 1;
  g_autofree char *path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  g_autofree char *backup = g_strdup_printf ("%s.before-v%d.bak", path, from + 1);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  build_file_at_version (path, from);
  {
    sqlite3 *raw = NULL;

    g_assert_cmpint (sqlite3_open (path, &raw), ==, SQLITE_OK);
    _ll_database_register_functions (raw, "builder", "build-host");
    g_assert_cmpint (sqlite3_exec (raw,
                                   "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                                   "FROM n WHERE i < 3000) INSERT INTO departments (name, notes) "
                                   "SELECT '部门' || i, printf('%.200c', 'x') FROM n",
                                   NULL, NULL, NULL), ==, SQLITE_OK);
    g_assert_cmpint (sqlite3_close (raw), ==, SQLITE_OK);
  }
  before = test_checksum (path);

  /* Read-only: it cannot be upgraded, and is not touched. */
  db = ll_database_open (path, LL_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_null (db);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  after = test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_clear_pointer (&after, g_free);

  /* Damaged: the check before upgrading finds it; no copy, no change. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  for (gsize i = length / 2; i < length / 2 + 3 * 4096; i++)
    contents[i] = (char) (i * 7);
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_clear_pointer (&before, g_free);
  before = test_checksum (path);

  db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_null (db);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DAMAGED);
  g_test_message ("%s", error->message);
  after = test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  g_assert_cmpint (raw_user_version (path), ==, from);
  g_assert_false (g_file_test (backup, G_FILE_TEST_EXISTS));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  _ll_migrations_add_test_migration ("test", TEST_MIGRATION);

#define ADD(name, func) \
  g_test_add ("/core/migrations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("every-version", test_every_version);
  ADD ("backup-name-taken", test_backup_name_taken);
  ADD ("failed-upgrade", test_failed_upgrade);
  ADD ("refused-upgrades", test_refused_upgrades);

#undef ADD

  return g_test_run ();
}

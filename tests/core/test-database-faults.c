/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-database-faults"

/* The faults of issue 3, item 8: concurrent writers, kill -9, bad files,
 * read-only files and mounts, a full disk, a database held busy. The
 * program re-executes itself with `--helper MODE …` for the other
 * processes. */

#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-core.h"
#include "test-util.h"

#define BATCH_ROWS 40

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
  g_unsetenv ("LIANLUO_TEST_FILESYSTEM");
}

static LlDatabase *
open_db (const char          *path,
         LlDatabaseOpenFlags  flags)
{
  g_autoptr(GError) error = NULL;
  LlDatabase *db = ll_database_open (path, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static GSubprocess *
spawn_helper (GSubprocessFlags   flags,
              const char        *host,
              const char        *mode,
              const char        *path,
              const char        *arg1,
              const char        *arg2)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (flags);
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  GSubprocess *subprocess;

  g_assert_nonnull (self_exe);
  if (host != NULL)
    g_subprocess_launcher_setenv (launcher, "LIANLUO_HOST", host, TRUE);

  subprocess = g_subprocess_launcher_spawn (launcher, &error, self_exe, "--helper", mode, path,
                                            arg1, arg2, NULL);
  g_assert_no_error (error);
  return subprocess;
}

static char *
wait_helper (GSubprocess *subprocess)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_subprocess_communicate_utf8 (subprocess, NULL, NULL, &out, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 0);
  return out;
}

static gboolean
run_sql (LlDatabase  *db,
         const char  *sql,
         GError     **error)
{
  return test_write_sql (db, sql, error);
}

/* Helpers (other processes) ----------------------------------------------- */

/* N versioned increments of random rows of ROWS counters; conflicts are
 * retried. Prints the number of conflicts. */
static int
helper_update (const char *path,
               int         n,
               int         rows)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  const char *columns[] = { "value" };
  guint conflicts = 0;

  if (db == NULL)
    {
      g_printerr ("helper: %s\n", error->message);
      return 2;
    }

  for (int done = 0; done < n;)
    {
      g_autoptr(LlStatement) read = NULL;
      g_autofree char *key = g_strdup_printf ("counter-%d", g_random_int_range (1, rows + 1));
      GValue value = G_VALUE_INIT;
      gint64 id, version;
      gboolean ok;

      read = _ll_database_prepare (db, "SELECT id, value, version FROM settings WHERE key = ?1",
                                   &error);
      _ll_statement_bind_text (read, 1, key);
      if (_ll_statement_step (read, &error) != LL_STEP_ROW)
        {
          g_printerr ("helper: cannot read %s: %s\n", key, error ? error->message : "no row");
          return 3;
        }
      id = sqlite3_column_int64 (read->stmt, 0);
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, sqlite3_column_int64 (read->stmt, 1) + 1);
      version = sqlite3_column_int64 (read->stmt, 2);
      g_clear_pointer (&read, _ll_statement_free);

      /* Someone editing a form: the window between reading and saving. */
      g_usleep (g_random_int_range (0, 300));

      ok = _ll_database_update_versioned (db, "settings", id, version, columns, &value, 1,
                                          NULL, &error);
      if (ok)
        done++;
      else if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT))
        {
          conflicts++;
          g_clear_error (&error);
        }
      else
        {
          g_printerr ("helper: update failed with something else than a conflict: %s\n",
                      error->message);
          return 4;
        }
    }

  g_print ("%u\n", conflicts);
  return 0;
}

static int
helper_insert (const char *path,
               int         n,
               const char *tag)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);

  if (db == NULL)
    {
      g_printerr ("helper: %s\n", error->message);
      return 2;
    }

  for (int i = 0; i < n; i++)
    {
      g_autofree char *sql = g_strdup_printf ("INSERT INTO departments (name) VALUES ('%s-%d')",
                                              tag, i);

      if (!run_sql (db, sql, &error))
        {
          g_printerr ("helper: insert %d failed: %s\n", i, error->message);
          return 3;
        }
    }

  return 0;
}

typedef struct
{
  gint64 batch;
} Batch;

static gboolean
batch_func (LlDatabase  *db,
            gpointer     user_data,
            GError     **error)
{
  Batch *batch = user_data;
  g_autofree char *tag = g_strdup_printf ("b%d-%" G_GINT64_FORMAT, getpid (), batch->batch);
  g_autofree char *sql = NULL;

  /* BATCH_ROWS rows tagged with the batch, and a counter of batches. */
  sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                         "WHERE i < %d) "
                         "INSERT INTO departments (name, notes, address) "
                         "SELECT '%s-' || i, '%s', printf('%%.300c', 'x') FROM n;"
                         "UPDATE settings SET value = value + 1, version = version + 1 "
                         "WHERE key = 'batches';",
                         BATCH_ROWS, tag, tag);

  return _ll_database_exec (db, sql, error);
}

/* Writes batches until killed. */
static int
helper_batches (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  Batch batch = { 0 };

  if (db == NULL)
    {
      g_printerr ("helper: %s\n", error->message);
      return 2;
    }

  for (;;)
    {
      batch.batch++;
      if (!ll_database_write (db, batch_func, &batch, &error))
        {
          g_printerr ("helper: batch failed: %s\n", error->message);
          return 3;
        }
    }
}

static gboolean
hold_func (LlDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  int seconds = GPOINTER_TO_INT (user_data);

  if (!_ll_database_exec (db, "INSERT INTO departments (name) VALUES ('held')", error))
    return FALSE;

  g_print ("ready\n");
  fflush (stdout);
  g_usleep ((gulong) seconds * G_USEC_PER_SEC);

  return TRUE;
}

/* Holds BEGIN IMMEDIATE for SECONDS, after saying "ready". */
static int
helper_hold (const char *path,
             int         seconds)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  gint64 until = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  if (db == NULL)
    {
      g_printerr ("helper: %s\n", error->message);
      return 2;
    }

  /* Be on the presence list first, as a real window would be. */
  while (!_ll_database_get_present (db) && g_get_monotonic_time () < until)
    g_main_context_iteration (NULL, TRUE);

  if (!ll_database_write (db, hold_func, GINT_TO_POINTER (seconds), &error))
    {
      g_printerr ("helper: %s\n", error->message);
      return 3;
    }

  return 0;
}

static int
run_helper (int    argc,
            char **argv)
{
  if (argc >= 4 && g_str_equal (argv[0], "update"))
    return helper_update (argv[1], atoi (argv[2]), atoi (argv[3]));
  if (argc >= 4 && g_str_equal (argv[0], "insert"))
    return helper_insert (argv[1], atoi (argv[2]), argv[3]);
  if (argc >= 2 && g_str_equal (argv[0], "batches"))
    return helper_batches (argv[1]);
  if (argc >= 3 && g_str_equal (argv[0], "hold"))
    return helper_hold (argv[1], atoi (argv[2]));

  g_printerr ("unknown helper\n");
  return 1;
}

/* Two processes × 1,000 versioned updates ---------------------------------- */

static void
test_concurrent_versioned_updates (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_db (fixture->path, LL_DATABASE_OPEN_CREATE);
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out_a = NULL;
  g_autofree char *out_b = NULL;
  const int rows = 3;

  g_assert_true (run_sql (db,
                          "INSERT INTO settings (key, value) VALUES ('counter-1', 0), "
                          "('counter-2', 0), ('counter-3', 0)", &error));
  g_assert_no_error (error);

  a = spawn_helper (G_SUBPROCESS_FLAGS_STDOUT_PIPE, "machine-a", "update", fixture->path,
                    "1000", "3");
  b = spawn_helper (G_SUBPROCESS_FLAGS_STDOUT_PIPE, "machine-b", "update", fixture->path,
                    "1000", "3");
  out_a = wait_helper (a);
  out_b = wait_helper (b);
  g_test_message ("conflicts reported: %s and %s", g_strstrip (out_a), g_strstrip (out_b));

  /* No update lost: the counters add up, and each row's version counts
   * exactly its increments. */
  g_assert_cmpint (test_query_int (db, "SELECT sum(value) FROM settings "
                                       "WHERE key LIKE 'counter-%'"), ==, 2000);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM settings WHERE key LIKE "
                                       "'counter-%' AND version <> value + 1"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log WHERE tbl = 'settings' "
                                       "AND op = 'update'"), ==, 2000);
  g_assert_cmpint (test_query_int (db, "SELECT count(DISTINCT host) FROM change_log "
                                       "WHERE tbl = 'settings' AND op = 'update'"), ==, 2);
  (void) rows;
}

/* Two processes × 500 inserts --------------------------------------------- */

static void
test_concurrent_inserts (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(LlDatabase) db = open_db (fixture->path, LL_DATABASE_OPEN_CREATE);
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autofree char *out_a = NULL;
  g_autofree char *out_b = NULL;

  a = spawn_helper (G_SUBPROCESS_FLAGS_NONE, "machine-a", "insert", fixture->path, "500", "a");
  b = spawn_helper (G_SUBPROCESS_FLAGS_NONE, "machine-b", "insert", fixture->path, "500", "b");
  out_a = wait_helper (a);
  out_b = wait_helper (b);

  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 1000);
  g_assert_cmpint (test_query_int (db, "SELECT count(DISTINCT name) FROM departments"), ==, 1000);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM change_log "
                                       "WHERE tbl = 'departments'"), ==, 1000);
}

/* kill -9 ------------------------------------------------------------------ */

static void
check_after_kill (const char *path,
                  guint       round)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);

  g_assert_true (ll_database_check (db, TRUE, NULL, &error));
  g_assert_no_error (error);

  /* All or nothing: every batch has all its rows, and the counter
   * written in the same transactions agrees. */
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM (SELECT notes FROM departments "
                                       "GROUP BY notes HAVING count(*) <> "
                                       G_STRINGIFY (BATCH_ROWS) ")"), ==, 0);
  g_assert_cmpint (test_query_int (db, "SELECT value FROM settings WHERE key = 'batches'"), ==,
                   test_query_int (db, "SELECT count(DISTINCT notes) FROM departments"));

  if (round % 10 == 9)
    g_test_message ("after %u kills: %" G_GINT64_FORMAT " complete batches", round + 1,
                    test_query_int (db, "SELECT value FROM settings WHERE key = 'batches'"));
}

static void
kill_writer_rounds (const char *path,
                    guint       rounds)
{
  g_autoptr(LlDatabase) db = open_db (path, LL_DATABASE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  guint n_hot_journals = 0;
  guint n_wals = 0;

  g_assert_true (run_sql (db, "INSERT INTO settings (key, value) VALUES ('batches', 0)", &error));
  g_assert_no_error (error);
  g_clear_object (&db);

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(GSubprocess) writer = NULL;
      g_autofree char *journal = g_strconcat (path, "-journal", NULL);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      struct stat st;

      writer = spawn_helper (G_SUBPROCESS_FLAGS_STDERR_SILENCE, NULL, "batches", path, NULL, NULL);
      g_usleep ((gulong) g_test_rand_int_range (5, 150) * 1000);
      g_subprocess_force_exit (writer);
      g_subprocess_wait (writer, NULL, &error);
      g_assert_no_error (error);
      g_assert_true (g_subprocess_get_if_signaled (writer));
      g_assert_cmpint (g_subprocess_get_term_sig (writer), ==, SIGKILL);

      /* What the crash left for recovery. */
      if (g_stat (journal, &st) == 0 && st.st_size > 0)
        n_hot_journals++;
      if (g_stat (wal, &st) == 0 && st.st_size > 0)
        n_wals++;

      check_after_kill (path, round);
    }

  g_test_message ("%u kills left a hot journal, %u a WAL to recover", n_hot_journals, n_wals);
}

static void
test_kill_writer_wal (Fixture       *fixture,
                      gconstpointer  data)
{
  kill_writer_rounds (fixture->path, 25);
}

static void
test_kill_writer_share (Fixture       *fixture,
                        gconstpointer  data)
{
  /* The rollback-journal mode used on network shares. */
  g_setenv ("LIANLUO_TEST_FILESYSTEM", "share", TRUE);
  kill_writer_rounds (fixture->path, 25);
}

/* Bad files ---------------------------------------------------------------- */

static void
assert_no_sidecars (const char *path)
{
  const char *suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *sidecar = g_strconcat (path, suffixes[i], NULL);
      g_assert_false (g_file_test (sidecar, G_FILE_TEST_EXISTS));
    }
}

static void
assert_refused (const char      *path,
                LlDatabaseError  code)
{
  g_autofree char *before = test_checksum (path);
  LlDatabaseOpenFlags flags[] = {
    LL_DATABASE_OPEN_NONE, LL_DATABASE_OPEN_CREATE, LL_DATABASE_OPEN_READ_ONLY,
  };

  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlDatabase) db = ll_database_open (path, flags[i], &error);
      g_autofree char *after = NULL;

      g_assert_null (db);
      g_assert_error (error, LL_DATABASE_ERROR, (int) code);
      if (i == 0)
        {
          g_autofree char *name = g_path_get_basename (path);
          g_test_message ("%s: %s", name, error->message);
        }

      after = test_checksum (path);
      g_assert_cmpstr (before, ==, after);
    }
}

static void
make_lianluo_file (const char *path,
                   guint       n_rows)
{
  g_autoptr(LlDatabase) db = open_db (path, LL_DATABASE_OPEN_CREATE);
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL "
                                          "SELECT i + 1 FROM n WHERE i < %u) "
                                          "INSERT INTO departments (name, notes) "
                                          "SELECT '部门' || i, printf('%%.200c', 'x') FROM n",
                                          n_rows);

  g_assert_true (run_sql (db, sql, &error));
  g_assert_no_error (error);
}

static void
raw_exec (const char *path,
          const char *sql)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

static void
test_bad_files (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *garbage = g_build_filename (fixture->dir, "garbage.db", NULL);
  g_autofree char *text = g_build_filename (fixture->dir, "notes.txt", NULL);
  g_autofree char *truncated = g_build_filename (fixture->dir, "truncated.db", NULL);
  g_autofree char *stub = g_build_filename (fixture->dir, "stub.db", NULL);
  g_autofree char *empty = g_build_filename (fixture->dir, "empty.db", NULL);
  g_autofree char *foreign = g_build_filename (fixture->dir, "foreign.db", NULL);
  g_autofree char *foreign_id = g_build_filename (fixture->dir, "foreign-id.db", NULL);
  g_autofree char *too_new = g_build_filename (fixture->dir, "too-new.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  char bytes[8192];

  /* Garbage. */
  for (guint i = 0; i < sizeof bytes; i++)
    bytes[i] = (char) g_test_rand_int_range (0, 256);
  bytes[0] = 'G';
  g_assert_true (g_file_set_contents (garbage, bytes, sizeof bytes, NULL));
  assert_refused (garbage, LL_DATABASE_ERROR_NOT_A_DATABASE);
  assert_no_sidecars (garbage);

  g_assert_true (g_file_set_contents (text, "会议纪要\n", -1, NULL));
  assert_refused (text, LL_DATABASE_ERROR_NOT_A_DATABASE);

  /* Truncated: a real file cut in half while copying, and one cut
   * inside its header. */
  make_lianluo_file (truncated, 2000);
  g_assert_true (g_file_get_contents (truncated, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 100 * 4096);
  g_assert_true (g_file_set_contents (truncated, contents, length / 2, NULL));
  assert_refused (truncated, LL_DATABASE_ERROR_DAMAGED);
  assert_no_sidecars (truncated);
  g_assert_true (g_file_set_contents (stub, contents, 60, NULL));
  assert_refused (stub, LL_DATABASE_ERROR_DAMAGED);

  /* 0 bytes: initialised. */
  g_assert_true (g_file_set_contents (empty, "", 0, NULL));
  {
    g_autoptr(LlDatabase) db = open_db (empty, LL_DATABASE_OPEN_NONE);

    g_assert_cmpint (ll_database_get_schema_version (db), ==,
                     ll_database_get_supported_schema_version ());
  }

  /* Another program's database: tables and no id, or another id. */
  raw_exec (foreign, "CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT);"
                     "INSERT INTO notes (body) VALUES ('hello');");
  assert_refused (foreign, LL_DATABASE_ERROR_FOREIGN);
  assert_no_sidecars (foreign);
  raw_exec (foreign_id, "PRAGMA application_id = 1234567;");
  assert_refused (foreign_id, LL_DATABASE_ERROR_FOREIGN);

  /* A newer Lianluo's file. */
  make_lianluo_file (too_new, 10);
  {
    g_autofree char *sql = g_strdup_printf ("PRAGMA user_version = %d",
                                            ll_database_get_supported_schema_version () + 1);
    raw_exec (too_new, sql);
  }
  assert_refused (too_new, LL_DATABASE_ERROR_TOO_NEW);
}

/* Read-only ---------------------------------------------------------------- */

static void
assert_read_only (const char *path,
                  gboolean    on_read_only_mount)
{
  g_autofree char *before = test_checksum (path);
  g_autofree char *after = NULL;
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;

  db = open_db (path, LL_DATABASE_OPEN_NONE);
  g_assert_true (ll_database_get_read_only (db));
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 10);

  g_assert_false (run_sql (db, "INSERT INTO departments (name) VALUES ('新部门')", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  g_assert_false (ll_database_set_setting (db, "office-name", "x", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* The check still runs; nobody is registered as present. */
  test_wait_checked (db);
  g_assert_true (ll_database_get_checked (db));
  g_assert_false (_ll_database_get_present (db));
  g_clear_object (&db);

  after = test_checksum (path);
  g_assert_cmpstr (before, ==, after);
  (void) on_read_only_mount;
}

static gboolean
mount_tmpfs (const char *dir,
             const char *options)
{
  if (getuid () != 0)
    return FALSE;

  if (mount ("tmpfs", dir, "tmpfs", 0, options) != 0)
    {
      g_test_message ("cannot mount a tmpfs: %s", g_strerror (errno));
      return FALSE;
    }

  return TRUE;
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *mnt = g_build_filename (fixture->dir, "mnt", NULL);
  g_autofree char *path = g_build_filename (mnt, "lianluo.db", NULL);
  g_autofree char *source = g_build_filename (fixture->dir, "source.db", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  make_lianluo_file (source, 10);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);

  /* Asked for. */
  {
    g_autofree char *before = test_checksum (source);
    g_autofree char *after = NULL;
    g_autoptr(LlDatabase) db = open_db (source, LL_DATABASE_OPEN_READ_ONLY);
    g_autoptr(GError) error = NULL;

    g_assert_true (ll_database_get_read_only (db));
    g_assert_false (run_sql (db, "DELETE FROM departments", &error));
    g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY);
    g_clear_object (&db);
    after = test_checksum (source);
    g_assert_cmpstr (before, ==, after);
  }

  if (mount_tmpfs (mnt, "size=4m"))
    {
      /* root ignores permissions: a read-only mount. The file is in WAL
       * mode, so SQLite cannot make its -shm there. */
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      g_assert_cmpint (mount ("tmpfs", mnt, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=4m"), ==, 0);
      assert_read_only (path, TRUE);
      g_assert_cmpint (umount (mnt), ==, 0);
    }
  else if (getuid () != 0)
    {
      g_assert_true (g_file_set_contents (path, contents, length, NULL));
      g_assert_cmpint (g_chmod (path, 0444), ==, 0);
      g_assert_cmpint (g_chmod (mnt, 0555), ==, 0);
      assert_read_only (path, FALSE);
      g_chmod (mnt, 0755);
    }
  else
    g_test_skip ("Cannot make a read-only file as root without a tmpfs");
}

/* Full disk ---------------------------------------------------------------- */

typedef struct
{
  guint i;
} Blob;

static gboolean
blob_func (LlDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Blob *blob = user_data;
  g_autofree char *sql = g_strdup_printf ("INSERT INTO settings (key, value) VALUES "
                                          "('blob-%u', printf('%%.60000c', 'x'))", blob->i);

  return _ll_database_exec (db, sql, error);
}

static void
full_disk (Fixture    *fixture,
           const char *filesystem)
{
  g_autofree char *mnt = g_build_filename (fixture->dir, "mnt", NULL);
  g_autofree char *path = g_build_filename (mnt, "lianluo.db", NULL);
  g_autofree char *filler = g_build_filename (mnt, "filler", NULL);
  g_autofree char *source = g_build_filename (fixture->dir, "source.db", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *zeros = g_malloc0 (256 * 1024);
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;
  guint written = 0;
  Blob blob = { 0 };

  g_assert_cmpint (g_mkdir (mnt, 0755), ==, 0);
  if (!mount_tmpfs (mnt, "size=1m"))
    {
      g_test_skip ("A full disk needs a tmpfs (root)");
      return;
    }

  g_setenv ("LIANLUO_TEST_FILESYSTEM", filesystem, TRUE);
  make_lianluo_file (source, 10);
  g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  g_assert_true (g_file_set_contents (filler, zeros, 256 * 1024, NULL));
  g_test_message ("database %" G_GSIZE_FORMAT " bytes on a 1 MiB tmpfs", length);

  db = open_db (path, LL_DATABASE_OPEN_NONE);
  test_wait_checked (db);

  for (blob.i = 0; blob.i < 100; blob.i++)
    {
      if (!ll_database_write (db, blob_func, &blob, &error))
        break;
      written++;
    }

  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL);
  g_test_message ("after %u writes: %s", written, error->message);
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (_ll_database_get_handle (db)));

  /* What was saved before is intact; the failed write left nothing. */
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM settings WHERE key LIKE 'blob-%'"),
                   ==, written);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 10);
  g_assert_true (ll_database_check (db, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (ll_database_get_damaged (db));

  /* Space freed: writing works again. */
  g_assert_cmpint (g_unlink (filler), ==, 0);
  blob.i = 1000;
  g_assert_true (ll_database_write (db, blob_func, &blob, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM settings WHERE key LIKE 'blob-%'"),
                   ==, written + 1);
  g_clear_object (&db);

  /* And the file reopens clean. */
  db = open_db (path, LL_DATABASE_OPEN_NONE);
  g_assert_true (ll_database_check (db, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM settings WHERE key LIKE 'blob-%'"),
                   ==, written + 1);
  g_clear_object (&db);

  g_assert_cmpint (umount (mnt), ==, 0);
}

static void
test_full_disk_wal (Fixture       *fixture,
                    gconstpointer  data)
{
  full_disk (fixture, "local");
}

static void
test_full_disk_share (Fixture       *fixture,
                      gconstpointer  data)
{
  full_disk (fixture, "share");
}

/* Busy --------------------------------------------------------------------- */

static void
busy (Fixture    *fixture,
      const char *filesystem)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GSubprocess) holder = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  gint64 start, elapsed;

  g_setenv ("LIANLUO_TEST_FILESYSTEM", filesystem, TRUE);
  db = open_db (fixture->path, LL_DATABASE_OPEN_CREATE);
  ll_database_set_busy_timeout (db, 1000);

  holder = spawn_helper (G_SUBPROCESS_FLAGS_STDOUT_PIPE, "registry-pc", "hold", fixture->path,
                         "20", NULL);
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (holder));
  line = g_data_input_stream_read_line_utf8 (out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (line, ==, "ready");

  start = g_get_monotonic_time ();
  g_assert_false (run_sql (db, "INSERT INTO departments (name) VALUES ('我的')", &error));
  elapsed = g_get_monotonic_time () - start;

  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_BUSY);
  g_assert_nonnull (strstr (error->message, "registry-pc"));
  g_test_message ("after %.2f s: %s", elapsed / 1e6, error->message);
  g_clear_error (&error);
  g_assert_true (sqlite3_get_autocommit (_ll_database_get_handle (db)));

  /* It waited, and it did not hang. */
  g_assert_cmpint (elapsed, >=, 900 * 1000);
  g_assert_cmpint (elapsed, <, 15 * G_USEC_PER_SEC);

  /* Reading goes on meanwhile. */
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 0);

  /* The holder gives up (killed): writing works again, its transaction
   * left nothing. */
  g_subprocess_force_exit (holder);
  g_subprocess_wait (holder, NULL, NULL);
  g_assert_true (run_sql (db, "INSERT INTO departments (name) VALUES ('我的')", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (db, "SELECT count(*) FROM departments"), ==, 1);
}

static void
test_busy_wal (Fixture       *fixture,
               gconstpointer  data)
{
  busy (fixture, "local");
}

static void
test_busy_share (Fixture       *fixture,
                 gconstpointer  data)
{
  busy (fixture, "share");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  if (argc >= 2 && g_str_equal (argv[1], "--helper"))
    return run_helper (argc - 2, argv + 2);

  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_TEST_FILESYSTEM");

#define ADD(name, func) \
  g_test_add ("/core/database-faults/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("concurrent-versioned-updates", test_concurrent_versioned_updates);
  ADD ("concurrent-inserts", test_concurrent_inserts);
  ADD ("kill-writer-wal", test_kill_writer_wal);
  ADD ("kill-writer-share", test_kill_writer_share);
  ADD ("bad-files", test_bad_files);
  ADD ("read-only", test_read_only);
  ADD ("full-disk-wal", test_full_disk_wal);
  ADD ("full-disk-share", test_full_disk_share);
  ADD ("busy-wal", test_busy_wal);
  ADD ("busy-share", test_busy_share);

#undef ADD

  return g_test_run ();
}

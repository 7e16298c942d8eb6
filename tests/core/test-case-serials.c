/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-case-serials"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ll-case-store.h"
#include "ll-core.h"
#include "ll-station-store.h"
#include "test-util.h"

/* Serial numbers 'YYYY-NNNN': unique per year even when two machines
 * register at the same moment, restarting at 0001 each year. */

#define N_PER_PROCESS 500

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

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  g_assert_cmpint (add_station (fixture->db, "东湖社区联络站", "station", 0), ==, 1);
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

static gboolean
register_case (LlDatabase  *db,
               const char  *title,
               const char  *received_on,
               char       **serial,
               GError     **error)
{
  g_autoptr(LlCase) kase = ll_case_new ();

  ll_case_set_title (kase, title);
  ll_case_set_received_on (kase, received_on);
  ll_case_set_station_id (kase, 1);
  if (!ll_case_store_create (db, kase, NULL, 0, error))
    return FALSE;

  if (serial != NULL)
    *serial = g_strdup (ll_case_get_serial (kase));
  return TRUE;
}

/* Another machine ---------------------------------------------------------- */

/* Waits for @go to exist, then registers @n cases as fast as it can. */
static int
helper_register (const char *path,
                 int         n,
                 const char *go)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  if (db == NULL)
    {
      g_printerr ("helper: %s\n", error->message);
      return 1;
    }

  /* Generous: the other process writes as fast as this one. */
  ll_database_set_busy_timeout (db, 60000);

  while (!g_file_test (go, G_FILE_TEST_EXISTS))
    {
      if (g_get_monotonic_time () > give_up)
        {
          g_printerr ("helper: never told to start\n");
          return 1;
        }
      g_usleep (500);
    }

  for (int i = 0; i < n; i++)
    {
      g_autofree char *title = g_strdup_printf ("%s 第 %d 件", ll_database_get_host (db), i + 1);
      g_autofree char *received_on = g_strdup_printf ("2025-%02d-%02d", i % 12 + 1, i % 28 + 1);

      if (!register_case (db, title, received_on, NULL, &error))
        {
          g_printerr ("helper: case %d: %s\n", i, error->message);
          return 1;
        }
    }

  return 0;
}

static GSubprocess *
spawn_helper (const char *host,
              const char *path,
              const char *go)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_autoptr(GError) error = NULL;
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *n = g_strdup_printf ("%d", N_PER_PROCESS);
  GSubprocess *subprocess;

  g_assert_nonnull (self_exe);
  g_subprocess_launcher_setenv (launcher, "LIANLUO_HOST", host, TRUE);
  g_subprocess_launcher_setenv (launcher, "LIANLUO_USER", "staff", TRUE);
  subprocess = g_subprocess_launcher_spawn (launcher, &error, self_exe, "--helper", path, n, go,
                                            NULL);
  g_assert_no_error (error);
  return subprocess;
}

static void
wait_helper (GSubprocess *subprocess)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_wait (subprocess, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (subprocess));
  g_assert_cmpint (g_subprocess_get_exit_status (subprocess), ==, 0);
}

static void
test_two_machines (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *go = g_build_filename (fixture->dir, "go", NULL);
  g_autoptr(GSubprocess) a = NULL;
  g_autoptr(GSubprocess) b = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  a = spawn_helper ("machine-a", fixture->path, go);
  b = spawn_helper ("machine-b", fixture->path, go);

  /* Both are connected and waiting: start them at the same moment. */
  g_usleep (200 * 1000);
  start = g_get_monotonic_time ();
  g_assert_true (g_file_set_contents (go, "", 0, &error));
  g_assert_no_error (error);
  wait_helper (a);
  wait_helper (b);
  g_test_message ("1000 registrations in %.2f s",
                  (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);

  /* 1,000 distinct serials numbered 1..1000. */
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM cases"), ==,
                   2 * N_PER_PROCESS);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(DISTINCT serial) FROM cases"), ==,
                   2 * N_PER_PROCESS);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(DISTINCT seq) FROM cases "
                                                "WHERE year = 2025"), ==, 2 * N_PER_PROCESS);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT min(seq) FROM cases"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT max(seq) FROM cases"), ==,
                   2 * N_PER_PROCESS);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM cases "
                                                "WHERE serial = printf ('2025-%04d', seq)"),
                   ==, 2 * N_PER_PROCESS);

  /* Each machine registered its own, with its history line. */
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM case_events "
                                                "WHERE kind = 'registered' "
                                                "AND host = 'machine-a'"), ==, N_PER_PROCESS);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM case_events "
                                                "WHERE kind = 'registered' "
                                                "AND host = 'machine-b'"), ==, N_PER_PROCESS);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM cases AS c "
                                                "JOIN case_events AS e ON e.case_id = c.id "
                                                "WHERE e.detail = json_object ('serial', "
                                                "c.serial)"), ==, 2 * N_PER_PROCESS);

  /* How much they overlapped (informative: timing is not asserted). */
  g_test_message ("machine changes in the order of serials: %" G_GINT64_FORMAT,
                  test_query_int (fixture->db,
                                  "SELECT count(*) FROM (SELECT e.host, lag (e.host) OVER "
                                  "(ORDER BY c.seq) AS previous FROM cases AS c JOIN "
                                  "case_events AS e ON e.case_id = c.id) "
                                  "WHERE host <> previous"));
}

/* Years -------------------------------------------------------------------- */

static void
test_years (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  struct {
    const char *received_on;
    const char *serial;
  } cases[] = {
    { "2025-01-02", "2025-0001" },
    { "2025-03-05", "2025-0002" },
    /* Registered late: the number belongs to the year received. */
    { "2024-12-31", "2024-0001" },
    { "2026-01-01", "2026-0001" },
    { "2025-12-31", "2025-0003" },
    { "2026-02-01", "2026-0002" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *serial = NULL;

      g_assert_true (register_case (fixture->db, "诉求", cases[i].received_on, &serial, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (serial, ==, cases[i].serial);
    }

  /* A refused registration uses no number. */
  g_assert_false (register_case (fixture->db, "", "2025-06-01", NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *serial = NULL;

    g_assert_true (register_case (fixture->db, "诉求", "2025-06-01", &serial, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (serial, ==, "2025-0004");
  }
}

/* The last line of defence ------------------------------------------------- */

static int steals_left;

static void
steal_once_cb (sqlite3_context  *context,
               int               argc,
               sqlite3_value   **argv)
{
  sqlite3_result_int (context, steals_left > 0 ? steals_left-- : 0);
}

/* Simulates a machine on a share mounted without locking taking the same
 * number in between: UNIQUE (year, seq) fires, and the registration is
 * retried once. */
static void
test_unique_retry (Fixture       *fixture,
                   gconstpointer  data)
{
  sqlite3 *handle = _ll_database_get_handle (fixture->db);
  g_autoptr(GError) error = NULL;
  g_autofree char *serial = NULL;

  g_assert_cmpint (sqlite3_create_function (handle, "steal_once", 0, SQLITE_UTF8, NULL,
                                            steal_once_cb, NULL, NULL), ==, SQLITE_OK);
  g_assert_true (_ll_database_exec (fixture->db,
                                    "CREATE TEMP TRIGGER steal BEFORE INSERT ON main.cases "
                                    "WHEN steal_once () BEGIN "
                                    "INSERT INTO cases (year, seq, serial, title, "
                                    "received_on, station_id) VALUES (NEW.year, NEW.seq, "
                                    "NEW.serial, '另一台电脑', NEW.received_on, NEW.station_id); "
                                    "END",
                                    &error));
  g_assert_no_error (error);

  /* Taken once: the retry succeeds. */
  steals_left = 1;
  g_assert_true (register_case (fixture->db, "诉求", "2025-03-05", &serial, &error));
  g_assert_no_error (error);
  g_assert_cmpint (steals_left, ==, 0);
  g_assert_cmpstr (serial, ==, "2025-0001");
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM cases"), ==, 1);

  /* Taken twice: refused with a clear error, nothing half-written. */
  steals_left = 2;
  g_assert_false (register_case (fixture->db, "诉求", "2025-03-05", NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_cmpint (steals_left, ==, 0);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM cases"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM case_events"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");

  if (argc == 5 && g_str_equal (argv[1], "--helper"))
    return helper_register (argv[2], atoi (argv[3]), argv[4]);

  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_TODAY");

#define ADD(name, func) \
  g_test_add ("/core/case-serials/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("two-machines", test_two_machines);
  ADD ("years", test_years);
  ADD ("unique-retry", test_unique_retry);

#undef ADD

  return g_test_run ();
}

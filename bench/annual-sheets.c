/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "annual-sheets"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ll-annual-sheet.h"
#include "ll-core.h"
#include "ll-points.h"
#include "ll-report.h"
#include "ll-work-report.h"

/* The annual deputy sheets of a whole city, from the database: every
 * person of the city-scale demo (20,000 people, 1,000 stations, 500,000
 * cases, 200,000 activities) on one page each, into one PDF, timed with
 * the queries; then a station's work report for a year. Prints figures;
 * never fails on time.
 *
 *   annual-sheets [DATABASE [OUT.pdf]]
 *
 * Without DATABASE, one is made with `lianluo-cli demo` in a temporary
 * folder (that takes a while) and removed afterwards. OUT.pdf is kept. */

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static gboolean
make_demo (const char  *path,
           GError     **error)
{
  const char *cli = LIANLUO_CLI;
  const char *argv[] = {
    cli, "--db", path, "demo", "--stations", "1000", "--people", "20000", "--cases", "500000",
    "--activities", "200000", NULL
  };
  int status = 0;
  gint64 start = g_get_monotonic_time ();

  printf ("annual-sheets: making the city-scale demo database with lianluo-cli demo …\n");
  fflush (stdout);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                     NULL, &status, error) ||
      !g_spawn_check_wait_status (status, error))
    return FALSE;

  printf ("  demo database:  %.1f s\n", (g_get_monotonic_time () - start) / 1e6);
  return TRUE;
}

/* Every person's id, and the busiest station of @year, read directly. */
static gboolean
read_ids (const char  *path,
          int          year,
          GArray      *ids,
          gint64      *station,
          GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *sql = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "SELECT id FROM people ORDER BY id", -1, &stmt, NULL);
  while (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  sqlite3_finalize (stmt);
  stmt = NULL;

  sql = g_strdup_printf ("SELECT station_id FROM cases WHERE received_on BETWEEN '%d-01-01' "
                         "AND '%d-12-31' GROUP BY station_id ORDER BY count(*) DESC LIMIT 1",
                         year, year);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    *station = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);

  if (rc != SQLITE_OK)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", path, sqlite3_errmsg (db));
  sqlite3_close (db);
  return rc == SQLITE_OK;
}

static void
wait_checked (LlDatabase *db)
{
  gint64 until = g_get_monotonic_time () + 600 * G_USEC_PER_SEC;

  /* The background quick_check of the file would compete for the disk. */
  while (!ll_database_get_checked (db) && g_get_monotonic_time () < until)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (10000);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *dir = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *report = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  GStatBuf st;
  gint64 station = 0;
  gint64 start;
  double cpu_start, wall, cpu;
  guint pages = 0;
  /* The last whole year of the demo (which spans three years up to today). */
  int year = g_date_time_get_year (now) - 1;

  setvbuf (stdout, NULL, _IOLBF, 0);
  dir = g_dir_make_tmp ("lianluo-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  if (argc > 1)
    db_path = g_strdup (argv[1]);
  else
    {
      db_path = g_build_filename (dir, "city.db", NULL);
      if (!make_demo (db_path, &error))
        {
          g_printerr ("annual-sheets: %s\n", error->message);
          return 1;
        }
    }
  pdf = argc > 2 ? g_strdup (argv[2]) : g_build_filename (dir, "sheets.pdf", NULL);
  report = g_build_filename (dir, "work-report.pdf", NULL);

  if (!read_ids (db_path, year, ids, &station, &error))
    {
      g_printerr ("annual-sheets: %s\n", error->message);
      return 1;
    }

  start = g_get_monotonic_time ();
  db = ll_database_open (db_path, LL_DATABASE_OPEN_NONE, &error);
  if (db == NULL)
    {
      g_printerr ("annual-sheets: %s\n", error->message);
      return 1;
    }
  wait_checked (db);
  printf ("annual-sheets: %u people, year %d, database %s\n", ids->len, year, db_path);
  printf ("  open + check:   %.1f s\n", (g_get_monotonic_time () - start) / 1e6);

  /* The points alone, for the record (the sheets compute them again). */
  {
    g_autoptr(LlPoints) points = NULL;

    start = g_get_monotonic_time ();
    points = ll_points_compute (db, year, 0, NULL, &error);
    if (points == NULL)
      {
        g_printerr ("annual-sheets: %s\n", error->message);
        return 1;
      }
    printf ("  points:         %.0f ms for everyone (%u deputies ranked)\n",
            (g_get_monotonic_time () - start) / 1e3, ll_points_get_n_ranked (points));
  }

  options->office_name = g_strdup ("东湖区人大常委会代表工作委员会");
  start = g_get_monotonic_time ();
  cpu_start = cpu_ms ();
  if (!ll_annual_sheets_write_people (db, options, year, (const gint64 *) ids->data, ids->len,
                                      pdf, NULL, NULL, &pages, NULL, &error))
    {
      g_printerr ("annual-sheets: %s\n", error->message);
      return 1;
    }
  wall = (g_get_monotonic_time () - start) / 1e3;
  cpu = cpu_ms () - cpu_start;
  g_stat (pdf, &st);

  printf ("  annual sheets:  %u pages in %.1f s (queries included), %.3f ms/page\n", pages,
          wall / 1000, wall / pages);
  printf ("  CPU time:       %.1f s, %.3f ms/page (wall time suffers from other load)\n",
          cpu / 1000, cpu / pages);
  printf ("  PDF size:       %.1f MiB (%.1f KiB/page)\n", st.st_size / 1048576.0,
          st.st_size / 1024.0 / pages);
  printf ("  peak RSS:       %.1f MiB\n", peak_rss_mib ());

  from = g_strdup_printf ("%d-01-01", year);
  to = g_strdup_printf ("%d-12-31", year);
  start = g_get_monotonic_time ();
  if (!ll_work_report_write (db, options, station, from, to, NULL, report, NULL, NULL, NULL,
                             &error))
    {
      g_printerr ("annual-sheets: %s\n", error->message);
      return 1;
    }
  printf ("  work report:    %.0f ms (station %" G_GINT64_FORMAT ", %d)\n",
          (g_get_monotonic_time () - start) / 1e3, station, year);

  ll_database_close (db);
  if (argc <= 2)
    g_unlink (pdf);
  g_unlink (report);
  if (argc <= 1)
    {
      g_autofree char *wal = g_strconcat (db_path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (db_path, "-shm", NULL);

      g_unlink (db_path);
      g_unlink (wal);
      g_unlink (shm);
    }
  g_rmdir (dir);
  return 0;
}

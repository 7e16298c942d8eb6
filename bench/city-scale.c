/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-city-scale"

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "ll-case-store.h"
#include "ll-core.h"
#include "ll-enums.h"
#include "ll-query-model.h"
#include "ll-search.h"

/* City scale (ARCHITECTURE.md): 1,000 stations, 20,000 people, 500,000
 * cases, 200,000 activities, made with `lianluo-cli demo` in a temporary
 * folder, then the figures the issue asks for, next to their targets.
 * It prints figures and never fails on time.
 *
 *   city-scale [--scale F] [--db PATH] [--keep]
 *
 * --scale 0.1 makes a tenth of everything (a quick look); --db uses an
 * existing database instead of making one (nothing is generated or
 * removed); --keep leaves the temporary folder in place. */

static double scale = 1.0;
static char *reuse_path;
static gboolean keep;

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return (x > y) - (x < y);
}

static double
median (GArray *values)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  return g_array_index (values, double, values->len / 2);
}

static double
percentile (GArray *values,
            double  p)
{
  g_array_sort (values, compare_doubles);
  if (values->len == 0)
    return 0;
  return g_array_index (values, double, MIN (values->len - 1, (guint) (values->len * p)));
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
figure (const char *what,
        double      value,
        const char *unit,
        const char *target)
{
  printf ("%-44s %12.1f %-3s %s\n", what, value, unit, target != NULL ? target : "");
  fflush (stdout);
}

/* Runs a child to its end; returns its wall time in ms and its peak
 * resident memory in KiB. */
static gboolean
run_child (char   **argv,
           double  *wall_ms,
           double  *cpu_ms,
           long    *max_rss_kib,
           int     *exit_status)
{
  g_autoptr(GError) error = NULL;
  struct rusage usage = { 0 };
  GPid pid;
  int status = 0;
  double start = now_ms ();

  if (!g_spawn_async (NULL, argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                      NULL, NULL, &pid, &error))
    {
      g_printerr ("Cannot run %s: %s\n", argv[0], error->message);
      return FALSE;
    }

  if (wait4 (pid, &status, 0, &usage) < 0)
    return FALSE;
  g_spawn_close_pid (pid);

  *wall_ms = now_ms () - start;
  *cpu_ms = (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
            (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
  *max_rss_kib = usage.ru_maxrss;
  *exit_status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;

  return TRUE;
}

/* Others' work on the machine slows every figure: say how busy it was. */
static void
print_load (const char *when)
{
  g_autofree char *text = NULL;

  if (g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    printf ("load average %s: %.*s\n", when, (int) strcspn (text, " \t\n") , text);
}

static gint64
file_size (const char *path)
{
  struct stat st;

  return g_stat (path, &st) == 0 ? st.st_size : 0;
}

/* Query words as people type them: pieces of real case titles. */
static GPtrArray *
sample_queries (LlDatabase *db,
                gint64      n_cases,
                guint       length,
                guint       count)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42 + length);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < count * 2; i++)
    {
      gint64 id = g_rand_int_range (rand, 1, (gint32) MAX (n_cases, 2));

      g_array_append_val (ids, id);
    }

  for (guint start = 0; start < ids->len && queries->len < count; start += 100)
    {
      guint n = MIN (100, ids->len - start);

      cases = ll_case_store_load_many (db, &g_array_index (ids, gint64, start), n, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < cases->len && queries->len < count; i++)
        {
          const char *title = ll_case_get_title (g_ptr_array_index (cases, i));
          glong chars = g_utf8_strlen (title, -1);
          glong from;
          const char *begin, *end;
          char *query;

          if (chars < (glong) length)
            continue;
          from = g_rand_int_range (rand, 0, chars - length + 1);
          begin = g_utf8_offset_to_pointer (title, from);
          end = g_utf8_offset_to_pointer (begin, length);
          query = g_strndup (begin, end - begin);

          /* Only what someone would type: no punctuation. */
          if (strpbrk (query, " ，。、") != NULL)
            {
              g_free (query);
              continue;
            }
          g_ptr_array_add (queries, query);
        }
      g_clear_pointer (&cases, g_ptr_array_unref);
    }

  return queries;
}

static void
time_searches (LlDatabase *db,
               GPtrArray  *queries,
               const char *what,
               const char *target)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *median_label = g_strdup_printf ("search, %s: median of %u", what,
                                                   queries->len);
  g_autofree char *p90_label = g_strdup_printf ("search, %s: 90th percentile", what);
  double matches = 0;

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GArray) ids = NULL;
      double start = now_ms ();
      double elapsed;

      ids = ll_search_ids (db, LL_SEARCH_SCOPE_CASES, g_ptr_array_index (queries, i), 0, &error);
      elapsed = now_ms () - start;
      g_assert_no_error (error);
      g_array_append_val (times, elapsed);
      matches += ids->len;
    }

  figure (median_label, median (times), "ms", target);
  figure (p90_label, percentile (times, 0.9), "ms", NULL);
  figure ("  (average cases found)", matches / MAX (queries->len, 1), "", NULL);
}

static void
items_changed_cb (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gboolean   *arrived)
{
  if (g_list_model_get_n_items (model) >= 50)
    *arrived = TRUE;
}

/* The case list as the window opens it: newest first. */
static void
time_first_rows (LlDatabase *db)
{
  static const char * const watched[] = { "cases", "stations", "departments", NULL };
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autoptr(GArray) params = ll_search_params_new ();
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) sync_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *sql = ll_case_store_build_query (&filter, LL_CASE_SORT_RECEIVED_ON, TRUE,
                                                    params);

  for (guint round = 0; round < 5; round++)
    {
      g_autoptr(LlQueryModel) model = NULL;
      g_autoptr(GError) error = NULL;
      gboolean arrived = FALSE;
      double start, elapsed;

      /* Asynchronously, as the window does: the first rows arrive ahead
       * of the other 499,950. */
      model = ll_query_model_new (db, LL_TYPE_CASE, ll_case_store_load_many, watched);
      g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &arrived);
      start = now_ms ();
      ll_query_model_set_query (model, sql, (const GValue *) params->data, params->len);
      while (!arrived && ll_query_model_get_error (model) == NULL)
        g_main_context_iteration (NULL, TRUE);
      for (guint i = 0; i < 50 && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

          g_assert_nonnull (item);
        }
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
      g_clear_object (&model);

      /* All the ids at once, then the first page. */
      model = ll_query_model_new (db, LL_TYPE_CASE, ll_case_store_load_many, watched);
      start = now_ms ();
      if (!ll_query_model_set_query_sync (model, sql, (const GValue *) params->data, params->len,
                                          &error))
        g_error ("%s", error->message);
      for (guint i = 0; i < 50 && i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
        {
          g_autoptr(GObject) item = g_list_model_get_item (G_LIST_MODEL (model), i);

          g_assert_nonnull (item);
        }
      elapsed = now_ms () - start;
      g_array_append_val (sync_times, elapsed);
    }

  figure ("first 50 rows of the case list (window)", median (times), "ms", "target <= 50 ms");
  figure ("  all ids + first 50 rows, in one call", median (sync_times), "ms", NULL);
}

static void
time_updates (LlDatabase *db,
              gint64      n_cases)
{
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 20; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlCase) kase = NULL;
      g_autofree char *title = NULL;
      gint64 id = g_rand_int_range (rand, 1, (gint32) MAX (n_cases, 2));
      double start, elapsed;

      kase = ll_case_store_get (db, id, &error);
      g_assert_no_error (error);
      title = g_strconcat (ll_case_get_title (kase), "（已核实）", NULL);
      ll_case_set_title (kase, title);

      start = now_ms ();
      if (!ll_case_store_update (db, kase, &error))
        g_error ("%s", error->message);
      elapsed = now_ms () - start;
      g_array_append_val (times, elapsed);
    }

  figure ("one versioned update (median of 20)", median (times), "ms", "target <= 5 ms");
}

/* What `stats` counts, in this process: the queries alone, without
 * starting a program and opening the file. */
static gint64
time_counts (LlDatabase *db)
{
  g_autoptr(GError) error = NULL;
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  gint64 n_cases;
  double start = now_ms ();

  n_cases = ll_case_store_count (db, &filter, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_CASE_STATUS); i++)
    {
      filter.status = ll_enum_get_key (LL_ENUM_CASE_STATUS, i);
      ll_case_store_count (db, &filter, &error);
      g_assert_no_error (error);
    }
  ll_case_store_count_open (db, &error);
  g_assert_no_error (error);
  ll_case_store_count_overdue (db, &error);
  g_assert_no_error (error);
  figure ("  the counts of stats, in process", now_ms () - start, "ms", NULL);

  return n_cases;
}

static gboolean
parse_args (int    *argc,
            char ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "scale", 0, 0, G_OPTION_ARG_DOUBLE, &scale, "Make this fraction of the city", "F" },
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &reuse_path, "Use this database as it is", "PATH" },
    { "keep", 0, 0, G_OPTION_ARG_NONE, &keep, "Keep the temporary folder", NULL },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }

  return scale > 0 && scale <= 1;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) db = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) long_queries = NULL;
  g_autoptr(GPtrArray) short_queries = NULL;
  g_autofree char *stations = NULL;
  g_autofree char *people = NULL;
  g_autofree char *cases = NULL;
  g_autofree char *activities = NULL;
  gint64 n_cases;
  double wall;
  double cpu;
  long rss;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  if (!parse_args (&argc, &argv))
    return 1;

  /* Generated data is dated relative to today; results do not depend on
   * the day the benchmark runs. */
  g_setenv ("LIANLUO_TODAY", "2025-06-30", FALSE);

  if (reuse_path != NULL)
    path = g_canonicalize_filename (reuse_path, NULL);
  else
    {
      dir = g_dir_make_tmp ("lianluo-city-XXXXXX", &error);
      g_assert_no_error (error);
      path = g_build_filename (dir, "city.db", NULL);
    }

  stations = g_strdup_printf ("%d", (int) (1000 * scale));
  people = g_strdup_printf ("%d", (int) (20000 * scale));
  cases = g_strdup_printf ("%d", (int) (500000 * scale));
  activities = g_strdup_printf ("%d", (int) (200000 * scale));

  printf ("City scale: %s stations, %s people, %s cases, %s activities\n%s\n", stations, people,
          cases, activities, path);
  print_load ("before");
  printf ("\n");

  if (reuse_path == NULL)
    {
      char *demo[] = { (char *) LIANLUO_CLI, (char *) "--db", path, (char *) "demo",
                       (char *) "--stations", stations, (char *) "--people", people,
                       (char *) "--cases", cases, (char *) "--activities", activities,
                       (char *) "--years", (char *) "5", NULL };

      if (!run_child (demo, &wall, &cpu, &rss, &status) || status != 0)
        {
          g_printerr ("lianluo-cli demo failed (exit %d)\n", status);
          return 1;
        }
      figure ("generation (lianluo-cli demo)", wall / 1000, "s", "target <= 20 s");
      figure ("  CPU time of demo (all its threads)", cpu / 1000, "s", NULL);
      figure ("  peak memory of demo", rss / 1024.0, "MB", NULL);
    }

  {
    g_autofree char *wal = g_strconcat (path, "-wal", NULL);

    figure ("file size", (file_size (path) + file_size (wal)) / 1048576.0, "MB", NULL);
  }

  /* Opening: the header, the schema version, no full read. */
  for (guint i = 0; i < 5; i++)
    {
      double start = now_ms ();
      double elapsed;

      db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
      elapsed = now_ms () - start;
      g_assert_no_error (error);
      g_array_append_val (open_times, elapsed);
      if (i < 4)
        {
          ll_database_close (db);
          g_clear_object (&db);
        }
    }
  figure ("open (ll_database_open, median of 5)", median (open_times), "ms",
          "target <= 150 ms");

  {
    char *stats[] = { (char *) LIANLUO_CLI, (char *) "--db", path, (char *) "stats",
                      (char *) "--json", NULL };

    if (run_child (stats, &wall, &cpu, &rss, &status) && status == 0)
      {
        figure ("stats (lianluo-cli stats --json, whole run)", wall, "ms", NULL);
        figure ("peak memory of stats", rss / 1024.0, "MB", "target <= 100 MB");
      }
    else
      g_printerr ("lianluo-cli stats failed (exit %d)\n", status);
  }

  n_cases = time_counts (db);

  long_queries = sample_queries (db, n_cases, 3, 50);
  {
    g_autoptr(GPtrArray) four = sample_queries (db, n_cases, 4, 50);

    for (guint i = 0; i < four->len; i++)
      g_ptr_array_add (long_queries, g_strdup (g_ptr_array_index (four, i)));
  }
  short_queries = sample_queries (db, n_cases, 2, 100);
  time_searches (db, long_queries, "3-4 characters", "target <= 10 ms");
  time_searches (db, short_queries, "2 characters", "target <= 200 ms");

  time_first_rows (db);
  time_updates (db, n_cases);

  ll_database_close (db);
  g_clear_object (&db);
  print_load ("after");

  if (dir != NULL && !keep)
    {
      const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

      for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
        {
          g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

          g_unlink (file);
        }
      /* Backups made by migrations, if any. */
      {
        g_autoptr(GDir) folder = g_dir_open (dir, 0, NULL);
        const char *name;

        while (folder != NULL && (name = g_dir_read_name (folder)) != NULL)
          {
            g_autofree char *file = g_build_filename (dir, name, NULL);

            g_unlink (file);
          }
      }
      g_rmdir (dir);
    }
  else if (dir != NULL)
    printf ("\nKept %s\n", path);

  return 0;
}

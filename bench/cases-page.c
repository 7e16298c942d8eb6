/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-cases-page"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-case-detail.h"
#include "ll-case-store.h"
#include "ll-cases-page.h"
#include "ll-database.h"
#include "ll-demo.h"
#include "ll-page.h"
#include "ll-query-model.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"

/* How quick the Cases page is, in the real application under Xvfb:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/cases-page [DATABASE]
 *
 * Without DATABASE a city-scale demonstration database is made first
 * (1,000 stations, 20,000 people, 500,000 cases, 200,000 activities).
 * Each figure runs from the change to the frame that shows its result:
 * switching to the page; the list's own query (first rows, then all);
 * search as you type (from search-changed, which GtkSearchEntry emits
 * 150 ms after the last key); each sort; some filters; a case's detail
 * pane; a scripted scroll through the whole list, frame by frame, with
 * GTK's frame clock; the memory used. Prints figures; never fails on
 * time. */

static gint64 painted_at;
static GArray *frame_times;  /* double ms between paints, while scrolling */

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  gint64 now = g_get_monotonic_time ();

  if (frame_times != NULL && painted_at != 0)
    {
      double ms = (now - painted_at) / 1000.0;
      g_array_append_val (frame_times, ms);
    }
  painted_at = now;
}

static LlCasesPage *
cases_page (void)
{
  return LL_CASES_PAGE (ll_test_gui_find_widget (GTK_WIDGET (ll_bench_main_window ()),
                                                 LL_TYPE_CASES_PAGE, NULL));
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (ll_cases_page_get_model (cases_page ())));
}

static gboolean
list_idle (gpointer data)
{
  return ll_cases_page_get_model (cases_page ()) != NULL && !ll_cases_page_get_loading (cases_page ());
}

static gboolean
has_rows (gpointer data)
{
  return ll_cases_page_get_model (cases_page ()) != NULL && n_rows () > 0;
}

static gboolean
painted_since (gpointer data)
{
  return painted_at > *(gint64 *) data;
}

/* Waits for @condition, then for the frame after it; returns the time
 * from @start to that frame in ms. */
static double
until_painted (gint64          start,
               LlTestCondition condition)
{
  gint64 done;

  ll_test_gui_wait (condition, NULL, 60000);
  done = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (cases_page ()));
  ll_test_gui_wait (painted_since, &done, 5000);

  return (painted_at - start) / 1000.0;
}

static gint64 search_changed_at;
static const char *searched_text;

/* Replacing the text passes through an empty entry, which GtkSearchEntry
 * reports at once: only the text asked for counts. */
static void
search_changed_cb (GtkSearchEntry *entry,
                   gpointer        user_data)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), searched_text) == 0)
    search_changed_at = g_get_monotonic_time ();
}

static gboolean
search_ran (gpointer data)
{
  return search_changed_at != 0;
}

static void
search (const char *text)
{
  GtkWidget *entry = ll_test_gui_find_widget (GTK_WIDGET (cases_page ()), GTK_TYPE_SEARCH_ENTRY,
                                              "case-search");
  gint64 typed;
  double ms;

  search_changed_at = 0;
  searched_text = text;
  typed = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ll_test_gui_wait (search_ran, NULL, 5000);
  ms = until_painted (search_changed_at, list_idle);
  printf ("  search “%s”: %u found, %.1f ms after search-changed (%.1f ms after typing)\n",
          text, n_rows (), ms, (painted_at - typed) / 1000.0);
}

static void
filter (const char         *what,
        const LlCaseFilter *f)
{
  gint64 start = g_get_monotonic_time ();
  double ms;

  ll_cases_page_set_filter (cases_page (), f);
  ms = until_painted (start, list_idle);
  printf ("  filter %s: %u cases, %.1f ms\n", what, n_rows (), ms);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static void
print_frames (const char *what)
{
  double total = 0, worst = 0;
  guint slow = 0;

  for (guint i = 0; i < frame_times->len; i++)
    {
      double ms = g_array_index (frame_times, double, i);

      total += ms;
      worst = MAX (worst, ms);
      slow += ms > 50.0;
    }
  g_array_sort (frame_times, compare_doubles);
  printf ("  %s: %u frames, %.1f ms a frame on average, 95%% under %.1f ms, slowest %.1f ms, "
          "%u over 50 ms\n",
          what, frame_times->len, frame_times->len ? total / frame_times->len : 0.0,
          frame_times->len ? g_array_index (frame_times, double, frame_times->len * 95 / 100) : 0.0,
          worst, slow);
  g_array_set_size (frame_times, 0);
}

/* Moves the list by @step pixels a frame, @n_frames times. */
static void
scroll (GtkAdjustment *adjustment,
        double         step,
        guint          n_frames)
{
  for (guint i = 0; i < n_frames; i++)
    {
      gint64 now = g_get_monotonic_time ();
      double upper = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

      gtk_adjustment_set_value (adjustment, MIN (gtk_adjustment_get_value (adjustment) + step, upper));
      ll_test_gui_wait (painted_since, &now, 2000);
      if (gtk_adjustment_get_value (adjustment) >= upper)
        break;
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LlApplication) app = NULL;
  LlCasesPage *page;
  LlDatabase *db;
  GtkColumnView *view;
  GListModel *columns;
  GtkAdjustment *adjustment;
  LlCaseFilter f = LL_CASE_FILTER_INIT;
  static const char *sort_names[] = {
    "serial", "title", "received", "station", "category", "status", "department", "deadline",
    "satisfaction",
  };
  static const char *searches[] = {
    "电梯", "加装电梯", "龙湖", "张", "停车难 小区", "2025-0", "没有这样的诉求",
  };
  gint64 start;
  double ms, first_rows;

  ll_test_gui_init (&argc, &argv);
  if (!gtk_init_check ())
    {
      g_printerr ("No display; run under xvfb-run.\n");
      return 77;
    }

  if (argc > 1)
    path = g_strdup (argv[1]);
  else
    {
      dir = g_dir_make_tmp ("lianluo-cases-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "city.db", NULL);
      ll_bench_make_city_demo (path);
    }

  app = ll_test_gui_start ();
  gtk_window_set_default_size (GTK_WINDOW (ll_bench_main_window ()), 1280, 800);
  file = g_file_new_for_path (path);
  start = g_get_monotonic_time ();
  ll_window_open_file (ll_bench_main_window (), file);
  if (!ll_test_gui_wait (ll_bench_database_open, NULL, 120000))
    {
      g_printerr ("The database did not open.\n");
      return 1;
    }
  db = ll_window_get_database (ll_bench_main_window ());
  page = cases_page ();
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  printf ("Cases page on %s (%" G_GINT64_FORMAT " cases)\n", path,
          ll_case_store_count (db, NULL, NULL));
  printf ("  database opened in %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  ll_test_gui_wait (list_idle, NULL, 60000);

  /* Switching to the page (its list was loaded with the database). */
  start = g_get_monotonic_time ();
  ll_window_set_page (ll_bench_main_window (), "cases");
  ms = until_painted (start, has_rows);
  printf ("  switch to the page: %.1f ms, %u rows\n", ms, n_rows ());
  ll_window_set_page (ll_bench_main_window (), "stations");
  ll_test_gui_spin (300);
  start = g_get_monotonic_time ();
  ll_window_set_page (ll_bench_main_window (), "cases");
  ms = until_painted (start, has_rows);
  printf ("  switch back to the page: %.1f ms\n", ms);

  /* The list's own query, as when the database is opened. */
  ll_page_set_database (LL_PAGE (page), NULL);
  ll_test_gui_spin (200);
  start = g_get_monotonic_time ();
  ll_page_set_database (LL_PAGE (page), db);
  first_rows = until_painted (start, has_rows);
  ms = until_painted (start, list_idle);
  printf ("  list opened: first rows painted after %.1f ms, all %u ids after %.1f ms\n",
          first_rows, n_rows (), ms);
  printf ("  memory after opening: %.0f MiB\n", ll_bench_rss_mib ());

  /* Search as you type. */
  g_signal_connect (ll_test_gui_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY,
                                             "case-search"),
                    "search-changed", G_CALLBACK (search_changed_cb), NULL);
  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    search (searches[i]);
  search ("");

  /* Sorting by each column. */
  view = GTK_COLUMN_VIEW (ll_test_gui_find_widget (GTK_WIDGET (page), GTK_TYPE_COLUMN_VIEW,
                                                   "case-list"));
  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      start = g_get_monotonic_time ();
      gtk_column_view_sort_by_column (view, column, GTK_SORT_ASCENDING);
      ms = until_painted (start, list_idle);
      printf ("  sort by %s: %.1f ms\n", sort_names[i], ms);
    }
  {
    g_autoptr(GtkColumnViewColumn) received = g_list_model_get_item (columns, 2);
    gtk_column_view_sort_by_column (view, received, GTK_SORT_DESCENDING);
    until_painted (g_get_monotonic_time (), list_idle);
  }

  /* Filters. */
  f.status = "assigned";
  filter ("status assigned", &f);
  f.status = NULL;
  f.overdue_only = TRUE;
  filter ("overdue only", &f);
  f.overdue_only = FALSE;
  f.category = "transport";
  f.year = 0;
  filter ("category transport", &f);
  f.category = NULL;
  f.fast_track_only = TRUE;
  filter ("fast track", &f);
  f.fast_track_only = FALSE;
  {
    g_autoptr(GArray) ids = ll_case_store_query_ids (db, NULL, LL_CASE_SORT_RECEIVED_ON, TRUE, NULL);
    g_autoptr(LlCase) newest = ll_case_store_get (db, g_array_index (ids, gint64, 0), NULL);

    f.station_id = ll_case_get_station_id (newest);
    filter ("one station and its points", &f);
    f.station_id = 0;
    f.year = atoi (ll_case_get_received_on (newest));
    filter ("this year", &f);
    f.year = 0;
    search ("电梯");
    f.status = "closed";
    filter ("closed + search “电梯”", &f);
    f.status = NULL;
    filter ("none", &f);
    search ("");

    /* A case's detail pane. */
    start = g_get_monotonic_time ();
    ll_cases_page_show_case (page, ll_case_get_id (newest));
    ms = until_painted (start, list_idle);
    printf ("  detail pane of a case: %.1f ms\n", ms);
  }

  /* Scrolling: a screenful a frame for a while, then through the whole
   * list in 2,000 jumps (every frame binds a screenful of new rows). */
  adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  gtk_adjustment_set_value (adjustment, 0);
  ll_test_gui_spin (300);
  frame_times = g_array_new (FALSE, FALSE, sizeof (double));
  painted_at = 0;
  scroll (adjustment, gtk_adjustment_get_page_size (adjustment), 1000);
  print_frames ("scroll a screenful a frame, 1,000 frames");
  painted_at = 0;
  gtk_adjustment_set_value (adjustment, 0);
  ll_test_gui_spin (300);
  painted_at = 0;
  scroll (adjustment,
          (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment)) / 2000,
          2000);
  print_frames ("scroll through the whole list in 2,000 frames");
  printf ("  rows cached by the list's model: %u\n",
          ll_query_model_get_n_cached (ll_cases_page_get_model (page)));
  printf ("  memory after scrolling: %.0f MiB\n", ll_bench_rss_mib ());

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-stations-page"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ll-area-store.h"
#include "ll-database.h"
#include "ll-demo.h"
#include "ll-page.h"
#include "ll-station-store.h"
#include "ll-stations-page.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"

/* How quick the Stations page is on a database, in the real application
 * under Xvfb:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/stations-page [DATABASE]
 *
 * Without DATABASE a demonstration database of city scale is made first
 * (1,000 stations, 20,000 people, 500,000 cases, 200,000 activities),
 * which takes a minute or two. Timed, each to the frame that shows the
 * result: switching to the page; the tree from scratch; a reload as
 * when a colleague's change arrives; search as you type (from the
 * search entry's search-changed, 30 ms after the last key); an area and
 * a kind filter; showing a station; a scripted scroll through the whole
 * tree expanded. Each figure is the time on the clock and, in brackets,
 * the main thread's processor time, which a busy machine inflates less.
 * Prints figures; never fails on time. */

static gint64 painted_at;
static double cpu_at_start;
static double cpu_used;

/* The main thread's processor time, in ms. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static gint64
start_clock (void)
{
  cpu_at_start = cpu_ms ();
  return g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static LlStationsPage *
stations_page (void)
{
  return LL_STATIONS_PAGE (ll_test_gui_find_widget (GTK_WIDGET (ll_bench_main_window ()),
                                                    LL_TYPE_STATIONS_PAGE, NULL));
}

static gboolean
painted_since (gpointer data)
{
  return painted_at > *(gint64 *) data;
}

static gboolean
tree_read (gpointer data)
{
  return !ll_stations_page_get_loading (stations_page ());
}

/* Waits for the tree to be read (in a worker) and the frame after it;
 * the main thread's processor time meanwhile is left in cpu_used. */
static double
finish (gint64 start)
{
  gint64 done;

  ll_test_gui_wait (tree_read, NULL, 30000);
  done = g_get_monotonic_time ();

  gtk_widget_queue_draw (GTK_WIDGET (stations_page ()));
  ll_test_gui_wait (painted_since, &done, 5000);
  cpu_used = cpu_ms () - cpu_at_start;

  return (painted_at - start) / 1000.0;
}

static void
report (const char *what,
        double      ms)
{
  printf ("  %s: %.1f ms (%.1f ms processor)\n", what, ms, cpu_used);
}

static GtkListView *
tree (void)
{
  return GTK_LIST_VIEW (ll_test_gui_find_widget (GTK_WIDGET (stations_page ()),
                                                 GTK_TYPE_LIST_VIEW, "station-tree"));
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (tree ())));
}

static gint64 search_changed_at;

static void
search_changed_cb (GtkSearchEntry *entry,
                   gpointer        user_data)
{
  search_changed_at = g_get_monotonic_time ();
}

static gboolean
search_ran (gpointer data)
{
  return search_changed_at != 0;
}

/* Types @text at the end of the search, as a user adds characters; an
 * empty @text clears it. Timed from the last key to the painted result,
 * the entry's 30 ms delay included. */
static void
search (const char *text)
{
  GtkWidget *entry = ll_test_gui_find_widget (GTK_WIDGET (stations_page ()),
                                              GTK_TYPE_SEARCH_ENTRY, "station-search");
  g_autofree char *before = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  gint64 typed;
  double ms;

  search_changed_at = 0;
  typed = start_clock ();
  if (*text == '\0')
    {
      gtk_editable_set_text (GTK_EDITABLE (entry), "");
    }
  else
    {
      int position = (int) g_utf8_strlen (before, -1);

      g_assert (g_str_has_prefix (text, before));
      gtk_editable_insert_text (GTK_EDITABLE (entry), text + strlen (before), -1, &position);
    }
  ll_test_gui_wait (search_ran, NULL, 5000);
  ms = finish (typed);
  printf ("  search \"%s\": %u rows, %.1f ms after the last key (%.1f ms processor)\n",
          text, n_rows (), ms, cpu_used);
}

static void
expand_everything (void)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (tree ()));

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, i);

      gtk_tree_list_row_set_expanded (row, TRUE);
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
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) areas = NULL;
  LlStationsPage *page;
  LlDatabase *db;
  GtkAdjustment *adjustment;
  GtkWidget *scroller;
  GtkDropDown *area_filter;
  GtkDropDown *kind_filter;
  gint64 start;
  gint64 busiest = 0, busiest_cases = -1;
  double worst = 0, total = 0, ms, rss_before;
  guint frames = 0;

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
      dir = g_dir_make_tmp ("lianluo-stations-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "city.db", NULL);
      ll_bench_make_city_demo (path);
    }

  app = ll_test_gui_start ();
  gtk_window_set_default_size (GTK_WINDOW (ll_bench_main_window ()), 1280, 800);
  file = g_file_new_for_path (path);
  ll_window_open_file (ll_bench_main_window (), file);
  if (!ll_test_gui_wait (ll_bench_database_open, NULL, 120000))
    {
      g_printerr ("The database did not open.\n");
      return 1;
    }
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  db = ll_window_get_database (ll_bench_main_window ());
  page = stations_page ();

  /* Everything the window loads at start settles first. */
  ll_test_gui_spin (3000);
  printf ("Stations page, %s\n", path);
  g_signal_connect (ll_test_gui_find_widget (GTK_WIDGET (page), GTK_TYPE_SEARCH_ENTRY,
                                             "station-search"),
                    "search-changed", G_CALLBACK (search_changed_cb), NULL);

  gtk_widget_activate_action (GTK_WIDGET (ll_bench_main_window ()), "win.show-page", "s", "cases");
  finish (start_clock ());
  start = start_clock ();
  gtk_widget_activate_action (GTK_WIDGET (ll_bench_main_window ()), "win.show-page", "s", "stations");
  report ("switch to the page, painted", finish (start));

  ll_page_set_database (LL_PAGE (page), NULL);
  ll_test_gui_spin (500);
  rss_before = ll_bench_rss_mib ();
  start = start_clock ();
  ll_page_set_database (LL_PAGE (page), db);
  ll_page_set_editable (LL_PAGE (page), TRUE);
  ms = finish (start);
  printf ("  (%u rows shown, %+.1f MiB)\n", n_rows (), ll_bench_rss_mib () - rss_before);
  report ("the tree from scratch, read in a worker, painted", ms);

  for (guint i = 0; i < 3; i++)
    {
      start = start_clock ();
      ll_stations_page_reload (page);
      report ("reload, as when a colleague's change arrives", finish (start));
    }

  search ("东");
  search ("东湖");
  search ("东湖社");
  search ("");
  search ("社区");
  search ("");
  search ("路");
  search ("路9");
  search ("");

  area_filter = GTK_DROP_DOWN (ll_test_gui_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                        "area-filter"));
  kind_filter = GTK_DROP_DOWN (ll_test_gui_find_widget (GTK_WIDGET (page), GTK_TYPE_DROP_DOWN,
                                                        "kind-filter"));
  areas = ll_area_store_list_all (db, NULL);
  for (guint i = 0; areas != NULL && i < areas->len; i++)
    if (ll_area_get_depth (g_ptr_array_index (areas, i)) == 1)
      {
        start = start_clock ();
        gtk_drop_down_set_selected (area_filter, i + 1);
        ms = finish (start);
        printf ("  (%s: %u rows)\n", ll_area_get_name (g_ptr_array_index (areas, i)), n_rows ());
        report ("filter by a town", ms);
        break;
      }
  start = start_clock ();
  gtk_drop_down_set_selected (area_filter, 0);
  report ("all areas again", finish (start));
  start = start_clock ();
  gtk_drop_down_set_selected (kind_filter, 6);
  ms = finish (start);
  printf ("  (%u rows)\n", n_rows ());
  report ("filter by a kind", ms);
  start = start_clock ();
  gtk_drop_down_set_selected (kind_filter, 0);
  report ("all kinds again", finish (start));

  /* The station with the most open cases is the slowest to show. */
  stations = ll_station_store_list_all (db, FALSE, NULL);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);

      if (ll_station_get_open_case_count (station) > busiest_cases)
        {
          busiest_cases = ll_station_get_open_case_count (station);
          busiest = ll_station_get_id (station);
        }
    }
  start = start_clock ();
  ll_stations_page_select_station (page, busiest);
  ms = finish (start);
  printf ("  (%" G_GINT64_FORMAT " open cases)\n", busiest_cases);
  report ("show the busiest station", ms);

  /* Scroll through the whole tree, a screenful a frame. */
  expand_everything ();
  finish (start_clock ());
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (tree ()), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 0);
  ll_test_gui_spin (200);
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment))
    {
      gint64 before = painted_at;

      start = start_clock ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      ll_test_gui_wait (painted_since, &before, 2000);
      ms = (painted_at - start) / 1000.0;
      worst = MAX (worst, ms);
      total += ms;
      frames++;
    }
  printf ("  scroll through %u rows in %u screens: %.1f ms a frame on average, slowest %.1f ms\n",
          n_rows (), frames, frames ? total / frames : 0.0, worst);

  start = start_clock ();
  ll_stations_page_reload (page);
  report ("reload with the whole tree expanded", finish (start));
  printf ("  memory (whole application): %.0f MiB\n", ll_bench_rss_mib ());

  gtk_window_destroy (GTK_WINDOW (ll_bench_main_window ()));
  ll_test_gui_spin (200);
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }

  return 0;
}

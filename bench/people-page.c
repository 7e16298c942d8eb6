/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-people-page"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ll-database.h"
#include "ll-demo.h"
#include "ll-id-selection.h"
#include "ll-people-page.h"
#include "ll-person-store.h"
#include "ll-query-model.h"
#include "ll-station-picker.h"
#include "ll-station-store.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"

/* How quick the People page is on a database, in the real application
 * under Xvfb:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/people-page [DATABASE]
 *
 * Without DATABASE a demonstration database of city scale is made first
 * (1,000 stations, 20,000 people, 500,000 cases, 200,000 activities),
 * which takes a minute or two. Timed, each from the change to the list
 * showing its result painted: switching to the page; the list's query
 * on its own (the page given the database again); search as you type
 * (from the search entry's search-changed, which comes ~150 ms after
 * the last key); each sort; a station filter; a person's file; a
 * scripted scroll through the whole list, frame by frame. Prints
 * figures; never fails on time. */

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static LlPeoplePage *
people_page (void)
{
  return LL_PEOPLE_PAGE (ll_test_gui_find_widget (GTK_WIDGET (ll_bench_main_window ()),
                                                  LL_TYPE_PEOPLE_PAGE, NULL));
}

static guint loads_done;
static gint64 query_started_at;
static guint loads_at_start;

static void
loading_cb (LlQueryModel *model,
            GParamSpec   *pspec,
            gpointer      user_data)
{
  if (!ll_query_model_get_loading (model))
    loads_done++;
  else if (query_started_at == 0)
    query_started_at = g_get_monotonic_time ();
}

static LlQueryModel *
page_model (void)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (
                                   ll_people_page_get_column_view (people_page ()));

  return ll_id_selection_get_model (LL_ID_SELECTION (selection));
}

static void
watch_model (void)
{
  g_signal_connect (page_model (), "notify::loading", G_CALLBACK (loading_cb), NULL);
}

static gboolean
list_idle (gpointer data)
{
  return !ll_people_page_get_loading (people_page ());
}

static gboolean
loaded_since_start (gpointer data)
{
  return loads_done > loads_at_start;
}

static gboolean
painted_since (gpointer data)
{
  return painted_at > *(gint64 *) data;
}

/* Call before the change: the load it starts is the one waited for. */
static void
begin (void)
{
  loads_at_start = loads_done;
}

/* Waits for the list's query and the next frame after it. */
static double
finish (gint64 start)
{
  gint64 done;

  ll_test_gui_wait (loaded_since_start, NULL, 30000);
  done = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (people_page ()));
  ll_test_gui_wait (painted_since, &done, 5000);

  return (painted_at - start) / 1000.0;
}

static void
search (const char *text)
{
  GtkWidget *entry = ll_test_gui_find_widget (GTK_WIDGET (people_page ()),
                                              GTK_TYPE_SEARCH_ENTRY, "people-search");
  gint64 typed;
  double ms;

  begin ();
  query_started_at = 0;
  typed = g_get_monotonic_time ();
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  ms = finish (typed);
  printf ("  search \"%s\": %u found, %.1f ms after the last key "
          "(%.1f ms after the %d ms pause)\n",
          text, g_list_model_get_n_items (G_LIST_MODEL (page_model ())), ms,
          (painted_at - query_started_at) / 1000.0, 150);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(LlApplication) app = NULL;
  LlPeoplePage *page;
  LlDatabase *db;
  GtkColumnView *view;
  GListModel *columns;
  GtkAdjustment *adjustment;
  GtkWidget *scroller;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  static const char *sort_names[] = { "name", "role", "level", "term", "station", "group" };
  gint64 start;
  double worst = 0, total = 0;

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
      dir = g_dir_make_tmp ("lianluo-people-bench-XXXXXX", NULL);
      path = g_build_filename (dir, "city.db", NULL);
      ll_bench_make_city_demo (path);
    }

  app = ll_test_gui_start ();
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
  page = people_page ();
  view = ll_people_page_get_column_view (page);

  /* Everything the window loads at start settles first. */
  ll_test_gui_wait (list_idle, NULL, 60000);
  ll_test_gui_spin (3000);

  printf ("People page, %s\n", path);

  {
    gint64 before;

    start = before = g_get_monotonic_time ();
    gtk_widget_activate_action (GTK_WIDGET (ll_bench_main_window ()), "win.show-page", "s", "people");
    ll_test_gui_wait (painted_since, &before, 5000);
    printf ("  switch to the page, painted: %.1f ms\n", (painted_at - start) / 1000.0);
  }

  start = g_get_monotonic_time ();
  ll_page_set_database (LL_PAGE (page), NULL);
  ll_page_set_database (LL_PAGE (page), db);
  ll_page_set_editable (LL_PAGE (page), TRUE);
  watch_model ();
  begin ();
  {
    double ms = finish (start);

    printf ("  the list from scratch (%u people), painted: %.1f ms\n",
            g_list_model_get_n_items (G_LIST_MODEL (page_model ())), ms);
  }

  search ("王");
  search ("建国");
  search ("王建国");
  search ("人民医院");
  search ("第三选区");
  search ("");

  columns = gtk_column_view_get_columns (view);
  for (guint i = 0; i < G_N_ELEMENTS (sort_names); i++)
    for (int descending = 1; descending >= 0; descending--)
      {
        g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

        begin ();
        start = g_get_monotonic_time ();
        gtk_column_view_sort_by_column (view, column,
                                        descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
        printf ("  sort by %s%s: %.1f ms\n", sort_names[i], descending ? ", descending" : "",
                finish (start));
      }

  stations = ll_station_store_list (db, 0, NULL, FALSE, NULL);
  if (stations != NULL && stations->len > 0)
    {
      LlStationPicker *picker = LL_STATION_PICKER (ll_test_gui_find_widget (
                                  GTK_WIDGET (page), LL_TYPE_STATION_PICKER, "station-filter"));

      begin ();
      start = g_get_monotonic_time ();
      ll_station_picker_set_selected_id (picker,
                                         ll_station_get_id (g_ptr_array_index (stations, 0)));
      printf ("  filter by a station: %.1f ms\n", finish (start));
      begin ();
      ll_station_picker_set_selected_id (picker, 0);
      finish (g_get_monotonic_time ());
    }

  /* A person's file: the one with the most cases is the slowest. */
  {
    GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (view));
    gint64 id = ll_query_model_get_id (ll_id_selection_get_model (LL_ID_SELECTION (model)), 100);

    start = g_get_monotonic_time ();
    ll_people_page_select_person (page, id);
    printf ("  a person's file: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  }

  /* Scroll through the whole list, a screenful a frame. */
  scroller = gtk_widget_get_ancestor (GTK_WIDGET (view), GTK_TYPE_SCROLLED_WINDOW);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
  gtk_adjustment_set_value (adjustment, 0);
  ll_test_gui_spin (200);
  while (gtk_adjustment_get_value (adjustment) + gtk_adjustment_get_page_size (adjustment) <
         gtk_adjustment_get_upper (adjustment))
    {
      gint64 before = painted_at;
      double ms;

      start = g_get_monotonic_time ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                            gtk_adjustment_get_page_size (adjustment));
      ll_test_gui_wait (painted_since, &before, 2000);
      ms = (painted_at - start) / 1000.0;
      g_array_append_val (frames, ms);
      worst = MAX (worst, ms);
      total += ms;
    }
  printf ("  scroll through %u screens: %.1f ms a frame on average, slowest %.1f ms\n",
          frames->len, frames->len ? total / frames->len : 0.0, worst);
  printf ("  memory (whole application): %.0f MiB\n", ll_bench_rss_mib ());

  /* Quit without tearing the window down: only the figures matter. */
  if (dir != NULL)
    {
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      g_remove (path);
      g_remove (wal);
      g_remove (shm);
      g_rmdir (dir);
    }
  fflush (stdout);
  _exit (0);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-stationing-board"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-board.h"
#include "ll-database.h"
#include "ll-membership-store.h"
#include "ll-people-page.h"
#include "ll-person-store.h"
#include "ll-station-store.h"
#include "ll-stationing-board.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"

/* How quick the stationing board is on a city-scale database, in the
 * real application under Xvfb:
 *
 *   cp city.db /tmp/copy.db
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/stationing-board /tmp/copy.db
 *
 * It writes (moves 500 people into one station and back), so give it a
 * copy. Timed: the store reads the board makes; opening the board (to
 * painted); a scripted scroll across every column and down a 500-card
 * column, frame by frame; a drop, from the call to the frame showing it;
 * its Undo. Prints figures; never fails on time. */

static gint64 painted_at;

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static gboolean
painted_since (gpointer data)
{
  return painted_at > *(gint64 *) data;
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Steps an adjustment from its start to its end, one frame per step, and
 * prints the worst and mean frame. */
static void
scroll_through (const char    *what,
                GtkAdjustment *adjustment,
                double         step,
                guint          max_frames)
{
  g_autoptr(GArray) frames = g_array_new (FALSE, FALSE, sizeof (double));
  double worst = 0, total = 0;
  double end = gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment);

  gtk_adjustment_set_value (adjustment, 0);
  ll_test_gui_spin (300);
  for (double value = 0; value <= end + step && frames->len < max_frames; value += step)
    {
      gint64 before = g_get_monotonic_time ();
      double ms;

      gtk_adjustment_set_value (adjustment, MIN (value, end));
      ll_test_gui_wait (painted_since, &before, 500);
      ms = (painted_at - before) / 1000.0;
      g_array_append_val (frames, ms);
      if (g_getenv ("BENCH_VERBOSE") != NULL)
        printf ("    %.0f: %.1f ms\n", value, ms);
      worst = MAX (worst, ms);
      total += ms;
    }
  printf ("  %s: %u frames, worst %.1f ms, mean %.1f ms\n", what, frames->len, worst,
          frames->len ? total / frames->len : 0);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LlApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LlMembershipSnapshot) gather = NULL;
  g_autoptr(GError) error = NULL;
  LlStationingBoard *stationing;
  LlBoard *board;
  LlDatabase *db;
  GtkStack *stack;
  gint64 start, big = 0, other = 0;
  LlPersonFilter filter = { 0, };

  setvbuf (stdout, NULL, _IOLBF, 0);
  ll_test_gui_init (&argc, &argv);
  if (!gtk_init_check ())
    {
      g_printerr ("No display; run under xvfb-run.\n");
      return 77;
    }
  if (argc < 2)
    {
      g_printerr ("Usage: stationing-board COPY-OF-A-CITY-SCALE-DATABASE\n");
      return 77;
    }

  app = ll_test_gui_start ();
  file = g_file_new_for_path (argv[1]);
  ll_window_open_file (ll_bench_main_window (), file);
  if (!ll_test_gui_wait (ll_bench_database_open, NULL, 600000))
    {
      g_printerr ("The database did not open.\n");
      return 1;
    }
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  db = ll_window_get_database (ll_bench_main_window ());
  ll_test_gui_spin (3000);

  printf ("Stationing board, %s\n", argv[1]);

  start = g_get_monotonic_time ();
  stations = ll_station_store_list (db, 0, NULL, FALSE, NULL);
  printf ("  ll_station_store_list: %u stations, %.1f ms\n", stations->len, since (start));
  start = g_get_monotonic_time ();
  g_ptr_array_unref (ll_station_store_list_all (db, FALSE, NULL));
  printf ("  ll_station_store_list_all (counts): %.1f ms\n", since (start));
  start = g_get_monotonic_time ();
  filter.unstationed = TRUE;
  printf ("  ll_person_store_count (not stationed): %" G_GINT64_FORMAT ", %.1f ms\n",
          ll_person_store_count (db, &filter, NULL), since (start));
  start = g_get_monotonic_time ();
  g_ptr_array_unref (ll_membership_store_list_by_station (
    db, ll_station_get_id (g_ptr_array_index (stations, 0)), TRUE, NULL));
  printf ("  ll_membership_store_list_by_station: %.1f ms\n", since (start));

  /* A column of 500 cards: 500 people moved into the first station. */
  big = ll_station_get_id (g_ptr_array_index (stations, 0));
  other = ll_station_get_id (g_ptr_array_index (stations, 1));
  filter.unstationed = FALSE;
  filter.role = "deputy";
  people = ll_person_store_list (db, &filter, LL_PERSON_SORT_NAME, FALSE, NULL);
  for (guint i = 0; people != NULL && i < people->len && ids->len < 500; i += 7)
    {
      gint64 id = ll_person_get_id (g_ptr_array_index (people, i));

      g_array_append_val (ids, id);
    }
  start = g_get_monotonic_time ();
  if (!ll_membership_store_move_many (db, (const gint64 *) (gpointer) ids->data, ids->len, 0, big,
                                      FALSE, &gather, &error))
    printf ("  moving %u people: %s\n", ids->len, error->message);
  else
    printf ("  ll_membership_store_move_many of %u people: %.1f ms\n", ids->len, since (start));
  ll_test_gui_spin (1500);

  {
    gint64 before;

    gtk_widget_activate_action (GTK_WIDGET (ll_bench_main_window ()), "win.show-page", "s", "people");
    ll_test_gui_spin (1000);
    stationing = LL_STATIONING_BOARD (ll_test_gui_find_widget (GTK_WIDGET (ll_bench_main_window ()),
                                                               LL_TYPE_STATIONING_BOARD, NULL));
    board = ll_stationing_board_get_board (stationing);
    stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (stationing), GTK_TYPE_STACK));

    start = before = g_get_monotonic_time ();
    gtk_stack_set_visible_child_name (stack, "stationing");
    ll_test_gui_wait (painted_since, &before, 5000);
    printf ("  switch to the board, painted: %.1f ms\n", (painted_at - start) / 1000.0);

    start = before = g_get_monotonic_time ();
    ll_stationing_board_set_database (stationing, NULL);
    ll_stationing_board_set_database (stationing, db);
    ll_test_gui_wait (painted_since, &before, 5000);
    printf ("  the board from scratch (%u columns), painted: %.1f ms (columns read in %.1f ms)\n",
            g_list_model_get_n_items (ll_board_get_columns (board)),
            (painted_at - start) / 1000.0,
            ll_stationing_board_get_last_load_us (stationing) / 1000.0);
  }

  {
    GtkWidget *scroller = gtk_widget_get_first_child (GTK_WIDGET (board));

    scroll_through ("scroll across all columns",
                    gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (scroller)), 800,
                    g_getenv ("BENCH_MAX_FRAMES") ? (guint) atoi (g_getenv ("BENCH_MAX_FRAMES"))
                                                  : G_MAXUINT);
  }

  {
    g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, big);
    GtkWidget *column, *scroller;
    GListModel *model;

    ll_board_scroll_to_column (board, key);
    ll_test_gui_spin (500);
    column = ll_board_get_column_widget (board, key);
    model = ll_board_get_column_model (board, key);
    scroller = column ? ll_test_gui_find_widget (column, GTK_TYPE_SCROLLED_WINDOW, NULL) : NULL;
    if (scroller != NULL)
      {
        g_autofree char *what = g_strdup_printf ("scroll down a %u-card column",
                                                 g_list_model_get_n_items (model));

        scroll_through (what, gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                        200, G_MAXUINT);
      }
  }

  {
    g_autofree char *from = g_strdup_printf ("%" G_GINT64_FORMAT, big);
    g_autofree char *to = g_strdup_printf ("%" G_GINT64_FORMAT, other);
    GListModel *model = ll_board_get_column_model (ll_stationing_board_get_board (stationing),
                                                   from);
    g_autoptr(LlMembership) card = model ? g_list_model_get_item (model, 3) : NULL;
    gint64 before;

    if (card != NULL)
      {
        gint64 id = ll_membership_get_id (card);
        g_autoptr(LlBoardDrag) drag = ll_board_drag_new (from, &id, 1);
        gboolean ok;

        ll_board_scroll_to_column (board, to);
        ll_test_gui_spin (500);
        start = before = g_get_monotonic_time ();
        ok = ll_stationing_board_move (stationing, to, drag, FALSE);
        printf ("  a drop, committed: %.1f ms%s\n", since (start), ok ? "" : " (refused)");
        ll_test_gui_wait (painted_since, &before, 5000);
        printf ("  a drop, committed and painted: %.1f ms\n", (painted_at - start) / 1000.0);

        start = before = g_get_monotonic_time ();
        ll_stationing_board_undo (stationing);
        ll_test_gui_wait (painted_since, &before, 5000);
        printf ("  its Undo, painted: %.1f ms\n", (painted_at - start) / 1000.0);
      }
  }

  {
    gint64 before;

    start = before = g_get_monotonic_time ();
    ll_stationing_board_show_balance (stationing, TRUE);
    ll_test_gui_wait (painted_since, &before, 30000);
    printf ("  the Balance view, painted: %.1f ms\n", (painted_at - start) / 1000.0);
  }

  printf ("  memory (RSS): %.0f MiB\n", ll_bench_rss_mib ());

  if (gather != NULL && !ll_membership_store_undo_move (db, gather, &error))
    printf ("  putting the 500 people back: %s\n", error->message);

  return 0;
}

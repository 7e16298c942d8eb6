/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-roster-board"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-board.h"
#include "ll-database.h"
#include "ll-membership-store.h"
#include "ll-roster-board.h"
#include "ll-roster-store.h"
#include "ll-station-detail.h"
#include "ll-station-store.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"
#include "ll-validate.h"

/* How quick the reception roster is, in the real application under Xvfb,
 * on a copy of a city-scale database (it writes):
 *
 *   roster-board DATABASE [STATION-ID]
 *
 * fills this month's and last month's rosters of the station (the first
 * one with reception days and at least four people, unless given), then
 * times opening the board, switching months, a drop and the CSV. With
 * ROSTER_SHOTS=FOLDER it also saves screenshots of the board, the
 * previous month, the “Add to Day” popover and the empty state there
 * (`import -window root`). */

static void
shot (const char *name)
{
  const char *folder = g_getenv ("ROSTER_SHOTS");
  g_autofree char *command = NULL;

  if (folder == NULL)
    return;

  ll_test_gui_spin (700);
  command = g_strdup_printf ("import -window root %s/%s.png", folder, name);
  if (!g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL))
    g_printerr ("Could not run import\n");
}

static gint64
pick_station (LlDatabase *db,
              gboolean    with_days)
{
  g_autoptr(GPtrArray) stations = ll_station_store_list_all (db, FALSE, NULL);

  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);
      g_autoptr(GPtrArray) members = NULL;
      gboolean has_days = ll_station_get_reception_days (station) != NULL;

      if (has_days != with_days)
        continue;
      if (!with_days)
        return ll_station_get_id (station);

      members = ll_membership_store_list_by_station (db, ll_station_get_id (station), TRUE, NULL);
      if (members != NULL && members->len >= 4)
        return ll_station_get_id (station);
    }

  return 0;
}

/* Three people on each reception day; last month's attended and recorded
 * but for its last day. */
static void
fill (LlDatabase *db,
      gint64      station_id,
      int         year,
      int         month,
      gboolean    past)
{
  g_autoptr(GPtrArray) members = ll_membership_store_list_by_station (db, station_id, TRUE, NULL);
  g_auto(GStrv) days = ll_roster_store_list_days (db, station_id, year, month, NULL);
  static const char *attendances[] = { "present", "leave", "absent" };

  for (guint d = 0; days != NULL && days[d] != NULL; d++)
    {
      gint64 ids[3];
      g_autoptr(GError) error = NULL;

      for (guint i = 0; i < 3; i++)
        ids[i] = ll_membership_get_person_id (g_ptr_array_index (members,
                                                                 (d + i) % members->len));
      if (!ll_roster_store_set_day (db, station_id, days[d], ids, 3, &error))
        g_printerr ("%s: %s\n", days[d], error->message);
      else if (past && days[d + 1] != NULL &&
               !ll_roster_store_record_day (db, station_id, days[d], ids, attendances, 3, NULL,
                                            &error))
        g_printerr ("%s: %s\n", days[d], error->message);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LlApplication) app = NULL;
  g_autofree char *today = NULL;
  g_autofree char *csv = NULL;
  LlRosterBoard *board;
  LlDatabase *db;
  gint64 station_id, bare_id, start;
  int year, month, last_year, last_month;
  double total = 0;

  ll_test_gui_init (&argc, &argv);
  if (!gtk_init_check ())
    {
      g_printerr ("No display; run under xvfb-run.\n");
      return 77;
    }
  if (argc < 2)
    {
      g_printerr ("Usage: roster-board DATABASE [STATION-ID] (a copy of a city-scale database)\n");
      return 77;
    }

  g_main_context_acquire (g_main_context_default ());
  app = ll_test_gui_start ();
  gtk_window_set_default_size (GTK_WINDOW (ll_bench_main_window ()), 1280, 800);
  file = g_file_new_for_path (argv[1]);
  start = g_get_monotonic_time ();
  ll_window_open_file (ll_bench_main_window (), file);
  if (!ll_test_gui_wait (ll_bench_database_open, NULL, 600000))
    {
      g_printerr ("The database did not open.\n");
      return 1;
    }
  printf ("database open (with any migration): %.0f ms\n",
          (g_get_monotonic_time () - start) / 1000.0);

  db = ll_window_get_database (ll_bench_main_window ());
  station_id = argc > 2 ? g_ascii_strtoll (argv[2], NULL, 10) : pick_station (db, TRUE);
  bare_id = pick_station (db, FALSE);
  today = ll_date_today ();
  year = atoi (today);
  month = atoi (today + 5);
  last_year = month == 1 ? year - 1 : year;
  last_month = month == 1 ? 12 : month - 1;
  fill (db, station_id, year, month, FALSE);
  fill (db, station_id, last_year, last_month, TRUE);
  ll_test_gui_spin (500);

  /* The Stations page's detail pane with its “Reception Roster…” button. */
  {
    GtkWidget *detail = ll_test_gui_find_widget (GTK_WIDGET (ll_bench_main_window ()),
                                                 LL_TYPE_STATION_DETAIL, NULL);
    g_autoptr(LlStation) station = ll_station_store_get (db, station_id, NULL);

    ll_test_gui_spin (4000);  /* the window shows its pages once the file is checked */
    gtk_widget_activate_action (GTK_WIDGET (ll_bench_main_window ()), "win.show-page", "s", "stations");
    if (detail != NULL && station != NULL)
      {
        GtkWidget *button;

        ll_station_detail_show_station (LL_STATION_DETAIL (detail), station);
        ll_test_gui_spin (1000);
        button = ll_test_gui_find_widget (detail, GTK_TYPE_BUTTON, "roster-button");
        if (button != NULL)
          {
            GtkWidget *scrolled = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);
            graphene_point_t point;

            gtk_widget_grab_focus (button);
            if (scrolled != NULL &&
                gtk_widget_compute_point (button, scrolled, &GRAPHENE_POINT_INIT (0, 0), &point))
              {
                GtkAdjustment *adjustment =
                  gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

                gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) +
                                                      point.y - 200);
              }
          }
      }
    shot ("station-detail");
  }

  start = g_get_monotonic_time ();
  board = ll_roster_board_new (db, station_id, TRUE);
  printf ("board made and this month read: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
  gtk_window_set_default_size (GTK_WINDOW (board), 1200, 700);
  gtk_window_set_transient_for (GTK_WINDOW (board), GTK_WINDOW (ll_bench_main_window ()));
  gtk_window_present (GTK_WINDOW (board));
  shot ("roster-board");

  for (int i = 0; i < 12; i++)
    {
      start = g_get_monotonic_time ();
      ll_roster_board_set_month (board, i % 2 ? year : last_year, i % 2 ? month : last_month);
      total += (g_get_monotonic_time () - start) / 1000.0;
      ll_test_gui_spin (20);
    }
  printf ("switching months: %.1f ms on average\n", total / 12);

  ll_roster_board_set_month (board, last_year, last_month);
  shot ("roster-board-past-month");

  {
    g_autoptr(GPtrArray) members = ll_membership_store_list_by_station (db, station_id, TRUE, NULL);
    g_auto(GStrv) days = ll_roster_store_list_days (db, station_id, year, month, NULL);
    gint64 person = ll_membership_get_person_id (g_ptr_array_index (members, 3 % members->len));
    g_autoptr(LlBoardDrag) drag = ll_board_drag_new ("people", &person, 1);
    gboolean handled = FALSE;

    ll_roster_board_set_month (board, year, month);
    ll_test_gui_spin (200);
    start = g_get_monotonic_time ();
    g_signal_emit_by_name (ll_roster_board_get_board (board), "drop", days[0], drag,
                           GDK_ACTION_MOVE, &handled);
    printf ("a drop committed and shown: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);
    shot ("roster-board-after-drop");

    ll_board_select_card (ll_roster_board_get_board (board), "people", person);
    gtk_widget_activate_action (GTK_WIDGET (board), "roster.add-to-day", NULL);
    shot ("roster-board-add-to-day");
  }

  start = g_get_monotonic_time ();
  csv = ll_roster_store_format_csv (db, station_id, year, month, NULL, NULL);
  printf ("CSV of the month: %.1f ms\n", (g_get_monotonic_time () - start) / 1000.0);

  if (bare_id != 0)
    {
      LlRosterBoard *bare = ll_roster_board_new (db, bare_id, TRUE);

      gtk_window_set_default_size (GTK_WINDOW (bare), 1000, 600);
      gtk_window_present (GTK_WINDOW (bare));
      shot ("roster-board-no-days");
      gtk_window_destroy (GTK_WINDOW (bare));
    }

  gtk_window_destroy (GTK_WINDOW (board));
  ll_test_gui_spin (200);
  return 0;
}

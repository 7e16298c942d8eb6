/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-case-board"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-case-board.h"
#include "ll-case-store.h"
#include "ll-cases-page.h"
#include "ll-database.h"
#include "ll-page.h"
#include "ll-query-model.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"

/* How quick the case board is, in the real application under Xvfb:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/case-board DATABASE
 *
 * DATABASE is a city-scale database (`lianluo-cli demo --stations 1000
 * --people 20000 --cases 500000 --activities 200000`); use a copy: the
 * bench moves cases. Each figure runs from the change to the frame that
 * shows it: opening the board; a search; grouping by department; a move
 * (Start Handling, which needs no dialog) from the call to the frame
 * that shows the card in its new column; a scripted scroll through the
 * Closed column, frame by frame; the memory used. Prints figures; never
 * fails on time. */

static gint64 painted_at;
static GArray *frame_times;  /* double ms between paints, while scrolling */
static LlCaseBoard *board;

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

static gboolean
board_idle (gpointer data)
{
  return !ll_case_board_get_loading (board) && !ll_cases_page_get_loading (cases_page ());
}

static gboolean
painted_since (gpointer data)
{
  return painted_at > *(gint64 *) data;
}

static double
until_painted (gint64          start,
               LlTestCondition condition,
               gpointer        data)
{
  gint64 done;

  ll_test_gui_wait (condition, data, 60000);
  done = g_get_monotonic_time ();
  gtk_widget_queue_draw (GTK_WIDGET (board));
  ll_test_gui_wait (painted_since, &done, 5000);
  return (painted_at - start) / 1000.0;
}

static void
print_counts (void)
{
  printf ("  columns:");
  for (guint i = 0; i < ll_case_board_get_n_columns (board); i++)
    {
      LlQueryModel *model = ll_case_board_get_column_model (board, i);

      if (model != NULL)
        printf (" %u", g_list_model_get_n_items (G_LIST_MODEL (model)));
      else
        printf (" -");
    }
  printf ("\n");
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

static GtkAdjustment *
column_adjustment (guint column)
{
  GtkWidget *widget = ll_case_board_get_column_widget (board, column);
  GtkWidget *scrolled;

  if (widget == NULL)
    return NULL;
  scrolled = ll_test_gui_find_widget (widget, GTK_TYPE_SCROLLED_WINDOW, NULL);
  return scrolled != NULL ? gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled))
                          : NULL;
}

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

typedef struct
{
  guint  column;
  gint64 id;
} CardCheck;

static gboolean
column_has (gpointer data)
{
  CardCheck *check = data;
  LlQueryModel *model = ll_case_board_get_column_model (board, check->column);

  return model != NULL && ll_query_model_get_position_of_id (model, check->id, NULL);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LlApplication) app = NULL;
  LlCasesPage *page;
  LlDatabase *db;
  GtkToggleButton *toggle;
  GtkAdjustment *adjustment;
  static const char *searches[] = { "电梯", "龙湖", "张", "没有这样的诉求" };
  gint64 start;
  double ms;

  ll_test_gui_init (&argc, &argv);
  if (!gtk_init_check ())
    {
      g_printerr ("No display; run under xvfb-run.\n");
      return 77;
    }
  if (argc < 2)
    {
      g_printerr ("Usage: case-board DATABASE (a copy of a city-scale database)\n");
      return 77;
    }

  /* Own the main context throughout, as g_application_run() does: else
   * a list model's worker may find it free between two iterations of
   * ll_test_gui_wait() and run its main-thread callback itself. */
  g_main_context_acquire (g_main_context_default ());

  app = ll_test_gui_start ();
  gtk_window_set_default_size (GTK_WINDOW (ll_bench_main_window ()), 1280, 800);
  file = g_file_new_for_path (argv[1]);
  ll_window_open_file (ll_bench_main_window (), file);
  if (!ll_test_gui_wait (ll_bench_database_open, NULL, 120000))
    {
      g_printerr ("The database did not open.\n");
      return 1;
    }

  db = ll_window_get_database (ll_bench_main_window ());
  page = cases_page ();
  board = LL_CASE_BOARD (ll_test_gui_find_widget (GTK_WIDGET (page), LL_TYPE_CASE_BOARD, NULL));
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  printf ("Case board on %s (%" G_GINT64_FORMAT " cases)\n", argv[1],
          ll_case_store_count (db, NULL, NULL));

  ll_window_set_page (ll_bench_main_window (), "cases");
  ll_test_gui_wait (board_idle, NULL, 60000);
  ll_test_gui_spin (500);

  /* List → Board: the five columns' queries ran with the page's. */
  toggle = GTK_TOGGLE_BUTTON (ll_test_gui_find_widget (GTK_WIDGET (page), GTK_TYPE_TOGGLE_BUTTON,
                                                       "case-view-board"));
  start = g_get_monotonic_time ();
  gtk_toggle_button_set_active (toggle, TRUE);
  ms = until_painted (start, board_idle, NULL);
  printf ("  board shown (switch from the list): %.1f ms\n", ms);
  print_counts ();

  /* Another page and back: the chosen board keeps its columns. */
  ll_window_set_page (ll_bench_main_window (), "stations");
  ll_test_gui_spin (500);
  start = g_get_monotonic_time ();
  ll_window_set_page (ll_bench_main_window (), "cases");
  ms = until_painted (start, board_idle, NULL);
  printf ("  switch back to the Cases page with the board: %.1f ms\n", ms);

  /* The board opened afresh, as with a database just opened. */
  ll_page_set_database (LL_PAGE (page), NULL);
  ll_test_gui_spin (300);
  start = g_get_monotonic_time ();
  ll_page_set_database (LL_PAGE (page), db);
  ms = until_painted (start, board_idle, NULL);
  printf ("  board opened with every column's ids: %.1f ms\n", ms);
  printf ("  memory: %.0f MiB\n", ll_bench_rss_mib ());

  for (guint i = 0; i < G_N_ELEMENTS (searches); i++)
    {
      start = g_get_monotonic_time ();
      ll_cases_page_set_search_text (page, searches[i]);
      ms = until_painted (start, board_idle, NULL);
      printf ("  search “%s” on the board: %.1f ms\n", searches[i], ms);
    }
  ll_cases_page_set_search_text (page, "");
  until_painted (g_get_monotonic_time (), board_idle, NULL);

  /* A move: the newest assigned case starts being handled. */
  {
    guint from = ll_case_board_find_column (board, "assigned", 0);
    CardCheck check = { ll_case_board_find_column (board, "in_progress", 0), 0 };
    LlQueryModel *model = ll_case_board_get_column_model (board, from);

    check.id = ll_query_model_get_id (model, 0);
    start = g_get_monotonic_time ();
    ll_case_board_move (board, &check.id, 1, check.column);
    ms = until_painted (start, column_has, &check);
    printf ("  move Assigned → In Progress, committed and shown: %.1f ms\n", ms);
  }

  /* Scrolling the biggest column. */
  {
    guint closed = ll_case_board_find_column (board, "closed", 0);

    ll_case_board_scroll_to_column (board, closed);
    ll_test_gui_spin (500);
    adjustment = column_adjustment (closed);
    if (adjustment != NULL)
      {
        frame_times = g_array_new (FALSE, FALSE, sizeof (double));
        scroll (adjustment, 600, 300);
        print_frames ("scroll Closed by 600 px a frame");
        gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment) / 2);
        ll_test_gui_spin (100);
        scroll (adjustment, 20000, 200);
        print_frames ("scroll Closed by 20,000 px a frame");
      }
    else
      printf ("  the Closed column is not on screen\n");
  }
  printf ("  memory after scrolling: %.0f MiB\n", ll_bench_rss_mib ());

  /* Grouped by department: one column per department, only those on
   * screen with a model. */
  start = g_get_monotonic_time ();
  ll_case_board_set_grouping (board, LL_CASE_BOARD_BY_DEPARTMENT);
  ms = until_painted (start, board_idle, NULL);
  printf ("  grouped by department (%u columns): %.1f ms\n",
          ll_case_board_get_n_columns (board), ms);
  start = g_get_monotonic_time ();
  ll_case_board_scroll_to_column (board, ll_case_board_get_n_columns (board) - 1);
  ms = until_painted (start, board_idle, NULL);
  printf ("  scrolled to the last department: %.1f ms\n", ms);
  printf ("  memory: %.0f MiB\n", ll_bench_rss_mib ());

  return 0;
}

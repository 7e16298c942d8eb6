/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-reports-page"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-database.h"
#include "ll-reports-page.h"
#include "ll-station-store.h"
#include "ll-station.h"
#include "ll-bench-gui.h"
#include "ll-test-gui.h"

/* How quick the Reports page is, in the real application under Xvfb:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/reports-page DATABASE [YEAR]
 *
 * DATABASE is a city-scale demonstration database (`lianluo-cli demo
 * --stations 1000 --people 20000 --cases 500000 --activities 200000`);
 * it is only read. Times: switching to the page; a station's annual
 * sheets and everyone's (20,000 pages), from Generate to the PDF written
 * and to the first page painted in the preview; a station's work
 * report; scrolling to the middle and the end of the big PDF; the memory
 * (VmRSS, and its peak VmHWM). Prints figures; never fails on time. */

static gint64 painted_at;
static gint64 layout_started_at;
static gint64 layout_done_at;

static void
before_layout_cb (GdkFrameClock *clock,
                  gpointer       user_data)
{
  layout_started_at = g_get_monotonic_time ();
}

static void
before_paint_cb (GdkFrameClock *clock,
                 gpointer       user_data)
{
  layout_done_at = g_get_monotonic_time ();
}

static void
after_paint_cb (GdkFrameClock *clock,
                gpointer       user_data)
{
  painted_at = g_get_monotonic_time ();
}

static LlReportsPage *
page (void)
{
  return LL_REPORTS_PAGE (ll_test_gui_find_widget (GTK_WIDGET (ll_bench_main_window ()),
                                                   LL_TYPE_REPORTS_PAGE, NULL));
}

static gboolean
not_busy (gpointer data)
{
  return !ll_reports_page_get_busy (page ());
}

static gboolean
page_rendered (gpointer data)
{
  LlPdfView *view = ll_reports_page_get_pdf_view (page ());

  return ll_reports_page_get_previewing (page ()) && !ll_pdf_view_get_loading (view) &&
         ll_pdf_view_get_n_pages (view) > GPOINTER_TO_UINT (data) &&
         ll_pdf_view_page_is_rendered (view, GPOINTER_TO_UINT (data));
}

static gboolean
painted_since (gpointer data)
{
  return painted_at > *(gint64 *) data;
}

static double
proc_mib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, field);
  return line != NULL ? g_ascii_strtod (line + strlen (field), NULL) / 1024.0 : 0;
}

/* With LIANLUO_TEST_SHOTS=DIR, a screenshot into DIR. */
static void
shot (const char *name)
{
  const char *dir = g_getenv ("LIANLUO_TEST_SHOTS");
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  ll_test_gui_spin (3000);
  command = g_strdup_printf ("import -window root %s/%s.png", dir, name);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
generate (const char *what)
{
  gint64 start = g_get_monotonic_time ();
  gint64 written, shown;
  LlPdfView *view = ll_reports_page_get_pdf_view (page ());

  if (ll_reports_page_get_previewing (page ()))
    gtk_widget_activate_action (GTK_WIDGET (page ()), "reports.back", NULL);
  ll_reports_page_generate (page ());
  ll_test_gui_wait (not_busy, NULL, 600000);
  written = g_get_monotonic_time ();
  if (ll_reports_page_get_error_text (page ()) != NULL)
    {
      printf ("  %s: %s\n", what, ll_reports_page_get_error_text (page ()));
      return;
    }
  ll_test_gui_wait (page_rendered, GUINT_TO_POINTER (0), 60000);
  shown = g_get_monotonic_time ();
  ll_test_gui_wait (painted_since, &shown, 5000);
  printf ("  %s: %u pages written in %.0f ms; first page painted %.0f ms later "
          "(%.0f ms from Generate)\n",
          what, ll_pdf_view_get_n_pages (view), (written - start) / 1000.0,
          (painted_at - written) / 1000.0, (painted_at - start) / 1000.0);
  printf ("    memory: %.0f MiB now, peak %.0f MiB\n", proc_mib ("VmRSS:"), proc_mib ("VmHWM:"));
}

static void
go_to (guint index)
{
  LlPdfView *view = ll_reports_page_get_pdf_view (page ());
  gint64 start = g_get_monotonic_time ();

  ll_pdf_view_set_page (view, index);
  ll_test_gui_wait (page_rendered, GUINT_TO_POINTER (index), 30000);
  printf ("  page %u of %u rendered after %.0f ms; memory %.0f MiB\n", index + 1,
          ll_pdf_view_get_n_pages (view), (g_get_monotonic_time () - start) / 1000.0,
          proc_mib ("VmRSS:"));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(LlApplication) app = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  gint64 start, now;
  gint64 station_id;
  int year = argc > 2 ? atoi (argv[2]) : 2025;
  g_autofree char *from = g_strdup_printf ("%d-01-01", year);
  g_autofree char *to = g_strdup_printf ("%d-12-31", year);
  LlDatabase *db;

  ll_test_gui_init (&argc, &argv);
  if (!gtk_init_check ())
    {
      g_printerr ("No display; run under xvfb-run.\n");
      return 77;
    }
  if (argc < 2)
    {
      g_printerr ("Usage: reports-page DATABASE [YEAR]\n");
      return 77;
    }

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
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "after-paint",
                    G_CALLBACK (after_paint_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "layout",
                    G_CALLBACK (before_layout_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (ll_bench_main_window ())), "paint",
                    G_CALLBACK (before_paint_cb), NULL);
  ll_test_gui_spin (g_getenv ("BENCH_SETTLE") != NULL ? atoi (g_getenv ("BENCH_SETTLE")) : 2000);

  printf ("Reports page on %s\n", argv[1]);
  printf ("  memory with the database open (every page loaded): %.0f MiB\n",
          proc_mib ("VmRSS:"));
  if (g_getenv ("BENCH_MEASURE_FIRST") != NULL)
    {
      int min, nat;

      /* The page's own first size request, alone: styles, fonts, rows. */
      start = g_get_monotonic_time ();
      gtk_widget_measure (GTK_WIDGET (page ()), GTK_ORIENTATION_HORIZONTAL, -1, &min, &nat,
                          NULL, NULL);
      gtk_widget_measure (GTK_WIDGET (page ()), GTK_ORIENTATION_VERTICAL, 800, &min, &nat,
                          NULL, NULL);
      printf ("  the page's first measure: %.1f ms\n",
              (g_get_monotonic_time () - start) / 1000.0);
    }
  start = g_get_monotonic_time ();
  ll_window_set_page (ll_bench_main_window (), "reports");
  now = g_get_monotonic_time ();
  ll_test_gui_wait (painted_since, &now, 5000);
  printf ("  switch to the page: %.1f ms (set_page itself %.1f ms; last frame: layout %.1f ms, "
          "paint %.1f ms)\n",
          (painted_at - start) / 1000.0, (now - start) / 1000.0,
          (layout_done_at - layout_started_at) / 1000.0, (painted_at - layout_done_at) / 1000.0);
  /* For comparison, on this machine now: another page. */
  ll_window_set_page (ll_bench_main_window (), "people");
  ll_test_gui_spin (500);
  start = g_get_monotonic_time ();
  ll_window_set_page (ll_bench_main_window (), "stations");
  now = g_get_monotonic_time ();
  ll_test_gui_wait (painted_since, &now, 5000);
  printf ("  (switch to the Stations page: %.1f ms)\n", (painted_at - start) / 1000.0);
  ll_test_gui_spin (500);
  start = g_get_monotonic_time ();
  ll_window_set_page (ll_bench_main_window (), "reports");
  now = g_get_monotonic_time ();
  ll_test_gui_wait (painted_since, &now, 5000);
  printf ("  switch back to the page: %.1f ms (set_page itself %.1f ms)\n",
          (painted_at - start) / 1000.0, (now - start) / 1000.0);

  if (g_getenv ("BENCH_SWITCH_ONLY") != NULL)
    return 0;
  stations = ll_station_store_list (db, 0, "station", FALSE, NULL);
  station_id = ll_station_get_id (g_ptr_array_index (stations, 0));

  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  ll_reports_page_set_year (page (), year);
  ll_reports_page_set_station (page (), station_id);
  generate ("annual sheets of a station");
  shot ("city-station-sheets");
  if (g_getenv ("BENCH_QUICK") != NULL)
    return 0;

  ll_reports_page_set_kind (page (), LL_REPORT_WORK_REPORT);
  ll_reports_page_set_period (page (), from, to);
  generate ("work report of a station for a year");

  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  ll_reports_page_set_station (page (), 0);
  if (g_getenv ("LIANLUO_TEST_SHOTS") != NULL)
    {
      /* The progress, then Cancel, for a screenshot. */
      gtk_widget_activate_action (GTK_WIDGET (page ()), "reports.back", NULL);
      ll_reports_page_generate (page ());
      ll_test_gui_spin (1000);
      shot ("city-everyone-progress");
      ll_reports_page_cancel (page ());
    }
  generate ("annual sheets of everyone");
  shot ("city-everyone-preview");
  if (ll_pdf_view_get_n_pages (ll_reports_page_get_pdf_view (page ())) > 2)
    {
      guint n = ll_pdf_view_get_n_pages (ll_reports_page_get_pdf_view (page ()));

      go_to (n / 2);
      go_to (n - 1);
    }
  printf ("  peak memory: %.0f MiB\n", proc_mib ("VmHWM:"));

  return 0;
}

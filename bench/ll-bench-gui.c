/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-bench-gui"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-bench-gui.h"
#include "ll-database.h"
#include "ll-demo.h"
#include "ll-test-gui.h"

/* The application's main window, or NULL before it is shown. */
LlWindow *
ll_bench_main_window (void)
{
  return LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
}

/* An LlTestCondition: the main window has its database open. */
gboolean
ll_bench_database_open (gpointer data)
{
  LlWindow *window = ll_bench_main_window ();

  return window != NULL && ll_window_get_database (window) != NULL;
}

/* The resident memory of this process, in MiB (0 if unknown). */
double
ll_bench_rss_mib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? g_ascii_strtod (line + 6, NULL) / 1024.0 : 0;
}

/* Makes the city-scale demonstration database of ARCHITECTURE.md at
 * @path: 1,000 stations, 20,000 people, 500,000 cases, 200,000
 * activities. Exits on failure. */
void
ll_bench_make_city_demo (const char *path)
{
  g_autoptr(LlDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  LlDemoOptions options;

  ll_demo_options_init (&options);
  options.stations = 1000;
  options.people = 20000;
  options.cases = 500000;
  options.activities = 200000;

  printf ("Making a city-scale demonstration database …\n");
  db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  if (db == NULL || !ll_demo_generate (db, &options, NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      exit (1);
    }
  ll_database_close (db);
}

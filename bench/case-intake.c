/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "bench-case-intake"

#include "config.h"

#include <stdlib.h>

#include "ll-case-intake.h"
#include "ll-case-store.h"
#include "ll-database.h"
#include "ll-demo.h"
#include "ll-test-gui.h"

#ifdef GDK_WINDOWING_X11
# include <gdk/x11/gdkx.h>
#endif

/* How quick the New Case form is at the reception desk on a database:
 * from the Ctrl+N key press to the form painted with the cursor in it,
 * and from the Ctrl+Enter key press to the case registered and the
 * toast with its serial painted in the main window. Real key presses
 * (xdotool) into the real application; run under Xvfb:
 *
 *   xvfb-run -a -s "-screen 0 1280x800x24" bench/case-intake [DATABASE] [ROUNDS]
 *
 * Without DATABASE a demonstration database of city scale is made
 * first (1,000 stations, 20,000 people, 500,000 cases, 200,000
 * activities), which takes a minute or two. Prints figures; never
 * fails on time. */

static gint64 key_at;
static gint64 form_painted_at;    /* the form's first frame */
static gint64 window_painted_at;  /* the main window's latest frame */
static gint64 registered_at;
static gint64 created_at;         /* the form constructed */
static gint64 mapped_at;          /* the form shown */

static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  if ((state & GDK_CONTROL_MASK) != 0 && keyval == GPOINTER_TO_UINT (user_data))
    key_at = g_get_monotonic_time ();
  return FALSE;
}

static void
watch_key (GtkWidget *widget,
           guint      keyval)
{
  GtkEventController *keys = gtk_event_controller_key_new ();

  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (key_pressed_cb), GUINT_TO_POINTER (keyval));
  gtk_widget_add_controller (widget, keys);
}

static void
form_after_paint_cb (GdkFrameClock *clock,
                     gpointer       user_data)
{
  if (form_painted_at == 0)
    form_painted_at = g_get_monotonic_time ();
}

static void
window_after_paint_cb (GdkFrameClock *clock,
                       gpointer       user_data)
{
  window_painted_at = g_get_monotonic_time ();
}

static void
form_map_cb (GtkWidget *form,
             gpointer   user_data)
{
  mapped_at = g_get_monotonic_time ();
}

static void
form_realize_cb (GtkWidget *form,
                 gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (form), "after-paint",
                    G_CALLBACK (form_after_paint_cb), NULL);
}

/* A new form: its first frame is timed from the start. */
static void
toplevels_changed_cb (GListModel *toplevels,
                      guint       position,
                      guint       removed,
                      guint       added,
                      gpointer    user_data)
{
  for (guint i = position; i < position + added; i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (LL_IS_CASE_INTAKE (window))
        {
          created_at = g_get_monotonic_time ();
          g_signal_connect (window, "realize", G_CALLBACK (form_realize_cb), NULL);
          g_signal_connect (window, "map", G_CALLBACK (form_map_cb), NULL);
        }
    }
}

static void
registered_cb (LlCaseIntake *intake,
               LlCase       *kase,
               gpointer      user_data)
{
  registered_at = g_get_monotonic_time ();
}

static LlCaseIntake *
intake (void)
{
  return LL_CASE_INTAKE (ll_test_gui_find_toplevel (LL_TYPE_CASE_INTAKE));
}

static gboolean
intake_painted (gpointer data)
{
  LlCaseIntake *form = intake ();

  return form != NULL && form_painted_at != 0 && gtk_root_get_focus (GTK_ROOT (form)) != NULL;
}

static gboolean
toast_painted (gpointer data)
{
  return registered_at != 0 && window_painted_at > registered_at;
}

static void
x11_focus (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  gtk_window_present (window);
  ll_test_gui_xdotool ("windowfocus", "--sync", xid, NULL);
  ll_test_gui_spin (100);
#endif
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static void
report (const char *what,
        GArray     *times)
{
  double sum = 0;

  if (times->len == 0)
    return;

  g_array_sort (times, compare_doubles);
  for (guint i = 0; i < times->len; i++)
    sum += g_array_index (times, double, i);

  g_print ("%-44s median %6.1f ms   mean %6.1f ms   max %6.1f ms   (%u rounds)\n", what,
           g_array_index (times, double, times->len / 2), sum / times->len,
           g_array_index (times, double, times->len - 1), times->len);
}

static char *
make_city_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lianluo-bench-XXXXXX", NULL);
  char *path = g_build_filename (dir, "city.db", NULL);
  LlDemoOptions options;
  LlDatabase *db;
  gint64 start = g_get_monotonic_time ();

  ll_demo_options_init (&options);
  options.stations = 1000;
  options.people = 20000;
  options.cases = 500000;
  options.activities = 200000;

  db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  if (db == NULL || !ll_demo_generate (db, &options, NULL, NULL, NULL, &error))
    g_error ("Could not make the demonstration database: %s", error->message);
  ll_database_close (db);
  g_object_unref (db);

  g_print ("Made a city-scale database in %.0f s: %s\n",
           (g_get_monotonic_time () - start) / 1e6, path);
  return path;
}

static gboolean
database_open (gpointer data)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);

  return window != NULL && ll_window_get_database (LL_WINDOW (window)) != NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GArray) open_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) map_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) paint_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) store_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) toast_times = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(LlApplication) app = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  LlWindow *window;
  guint rounds;

  ll_test_gui_init (&argc, &argv);
  if (!gtk_init_check () || !ll_test_gui_have_x11 ())
    {
      g_print ("Needs an X11 display and xdotool: run it under xvfb-run.\n");
      return 0;
    }

  path = argc > 1 && argv[1][0] != '\0' ? g_strdup (argv[1]) : make_city_database ();
  rounds = argc > 2 ? (guint) atoi (argv[2]) : 20;

  app = ll_test_gui_start ();
  window = LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  file = g_file_new_for_path (path);
  ll_window_open_file (window, file);
  if (!ll_test_gui_wait (database_open, NULL, 60000))
    g_error ("Could not open %s", path);
  ll_window_set_page (window, "cases");
  ll_test_gui_spin (1000);

  watch_key (GTK_WIDGET (window), GDK_KEY_n);
  g_signal_connect (gtk_window_get_toplevels (), "items-changed",
                    G_CALLBACK (toplevels_changed_cb), NULL);
  g_signal_connect (gtk_widget_get_frame_clock (GTK_WIDGET (window)), "after-paint",
                    G_CALLBACK (window_after_paint_cb), NULL);

  for (guint i = 0; i < rounds; i++)
    {
      LlCaseIntake *form;
      GtkWidget *title, *category;
      double ms;

      /* Ctrl+N, the form built, shown and painted. */
      x11_focus (GTK_WINDOW (window));
      key_at = form_painted_at = registered_at = 0;
      ll_test_gui_xdotool ("key", "--clearmodifiers", "ctrl+n", NULL);
      if (!ll_test_gui_wait (intake_painted, NULL, 10000) || key_at == 0)
        {
          g_print ("round %u: the form did not open\n", i);
          continue;
        }
      if (i == 0)
        {
          g_print ("First Ctrl+N, the form built: %.1f ms to its first frame\n",
                   (form_painted_at - key_at) / 1000.0);
        }
      else
        {
          ms = (form_painted_at - key_at) / 1000.0;
          g_array_append_val (open_times, ms);
          ms = (mapped_at - key_at) / 1000.0;
          g_array_append_val (map_times, ms);
          ms = (form_painted_at - mapped_at) / 1000.0;
          g_array_append_val (paint_times, ms);
        }

      form = intake ();
      if (g_object_get_data (G_OBJECT (form), "bench") == NULL)
        {
          g_object_set_data (G_OBJECT (form), "bench", GINT_TO_POINTER (1));
          watch_key (GTK_WIDGET (form), GDK_KEY_Return);
          g_signal_connect (form, "registered", G_CALLBACK (registered_cb), NULL);
        }
      title = ll_test_gui_find_widget (GTK_WIDGET (form), GTK_TYPE_WIDGET, "title");
      category = ll_test_gui_find_widget (GTK_WIDGET (form), GTK_TYPE_WIDGET, "category");
      gtk_editable_set_text (GTK_EDITABLE (title), "小区路灯不亮，夜间出行不便");
      gtk_drop_down_set_selected (GTK_DROP_DOWN (ll_test_gui_find_widget (category,
                                                                          GTK_TYPE_DROP_DOWN,
                                                                          NULL)), 0);
      if (ll_case_intake_get_station_id (form) == 0)
        {
          /* The first time: nothing remembered yet. */
          GtkWidget *station = ll_test_gui_find_widget (GTK_WIDGET (form), GTK_TYPE_WIDGET,
                                                        "station-id");
          gtk_drop_down_set_selected (GTK_DROP_DOWN (ll_test_gui_find_widget (station,
                                                                              GTK_TYPE_DROP_DOWN,
                                                                              NULL)), 0);
        }
      ll_test_gui_spin (100);

      /* Ctrl+Enter, the case registered, the toast painted. */
      x11_focus (GTK_WINDOW (form));
      key_at = registered_at = 0;
      ll_test_gui_xdotool ("key", "--clearmodifiers", "ctrl+Return", NULL);
      if (ll_test_gui_wait (toast_painted, NULL, 10000) && key_at != 0)
        {
          ms = (registered_at - key_at) / 1000.0;
          g_array_append_val (store_times, ms);
          ms = (window_painted_at - key_at) / 1000.0;
          g_array_append_val (toast_times, ms);
        }
      else
        g_print ("round %u: no toast\n", i);

      /* Closed as a user closes it (the next Ctrl+N shows it again). */
      gtk_window_close (GTK_WINDOW (intake ()));
      ll_test_gui_spin (300);
    }

  g_print ("Database: %s\n", path);
  report ("Ctrl+N again → form painted, cursor in it", open_times);
  report ("  of which: key → form shown (mapped)", map_times);
  report ("            shown → first frame painted", paint_times);
  report ("Ctrl+Enter → case registered (serial given)", store_times);
  report ("Ctrl+Enter → toast painted in the main window", toast_times);

  return 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include "ll-preferences-window.h"
#include "ll-test-gui.h"

static LlApplication *app;

static const char *pages[] = { "stations", "people", "cases", "activities", "reports" };

static LlWindow *
main_window (void)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);

  g_assert_nonnull (window);
  return LL_WINDOW (window);
}

typedef struct {
  LlWindow   *window;
  const char *page;
} PageCheck;

/* The page is the stack's visible child and is on screen. */
static gboolean
page_shown (gpointer data)
{
  PageCheck *check = data;
  AdwViewStack *stack;
  GtkWidget *child;

  if (g_strcmp0 (ll_window_get_page (check->window), check->page) != 0)
    return FALSE;

  stack = ADW_VIEW_STACK (ll_test_gui_find_widget (GTK_WIDGET (check->window),
                                                   ADW_TYPE_VIEW_STACK, NULL));
  child = adw_view_stack_get_visible_child (stack);
  return child != NULL && gtk_widget_get_mapped (child) && gtk_widget_get_width (child) > 0;
}

/* The sidebar is the list holding the row named “stations”: the pages
 * hold lists of their own (preferences groups), and AdwLeaflet keeps the
 * content before the sidebar among its children. */
static GtkWidget *
find_sidebar (LlWindow *window)
{
  GtkWidget *row = ll_test_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_LIST_BOX_ROW,
                                            "stations");

  return row != NULL ? gtk_widget_get_ancestor (row, GTK_TYPE_LIST_BOX) : NULL;
}

static GtkListBoxRow *
selected_sidebar_row (LlWindow *window)
{
  GtkWidget *sidebar = find_sidebar (window);

  g_assert_nonnull (sidebar);
  return gtk_list_box_get_selected_row (GTK_LIST_BOX (sidebar));
}

static void
test_pages_through_actions (void)
{
  LlWindow *window = main_window ();

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      PageCheck check = { window, pages[i] };
      GtkListBoxRow *row;

      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page",
                                                 "s", pages[i]));
      g_assert_true (ll_test_gui_wait (page_shown, &check, 3000));

      /* The sidebar follows. */
      row = selected_sidebar_row (window);
      g_assert_nonnull (row);
      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, pages[i]);
    }
}

static void
test_pages_through_sidebar (void)
{
  LlWindow *window = main_window ();
  GtkWidget *sidebar = find_sidebar (window);

  for (int i = G_N_ELEMENTS (pages) - 1; i >= 0; i--)
    {
      PageCheck check = { window, pages[i] };
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (sidebar), i);

      g_signal_emit_by_name (row, "activate");
      g_assert_true (ll_test_gui_wait (page_shown, &check, 3000));
    }
}

static gboolean
toplevel_shown (gpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWindow *window = ll_test_gui_find_toplevel (type);

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static gboolean
toplevel_gone (gpointer data)
{
  return ll_test_gui_find_toplevel (GPOINTER_TO_SIZE (data)) == NULL;
}

static void
close_toplevel (GType type)
{
  GtkWindow *window = ll_test_gui_find_toplevel (type);

  g_assert_nonnull (window);
  gtk_window_close (window);
  g_assert_true (ll_test_gui_wait (toplevel_gone, GSIZE_TO_POINTER (type), 3000));
}

static void
test_about (void)
{
  AdwAboutWindow *about;

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (ADW_TYPE_ABOUT_WINDOW), 3000));

  about = ADW_ABOUT_WINDOW (ll_test_gui_find_toplevel (ADW_TYPE_ABOUT_WINDOW));
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_application_icon (about), ==, APP_ID);
  g_assert_true (adw_about_window_get_license_type (about) == GTK_LICENSE_GPL_3_0);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (about)) == GTK_WINDOW (main_window ()));

  close_toplevel (ADW_TYPE_ABOUT_WINDOW);
}

static void
test_shortcuts_window (void)
{
  GtkWindow *shortcuts;
  GtkWidget *shortcut;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()),
                                             "win.show-help-overlay", NULL));
  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 3000));

  shortcuts = ll_test_gui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  shortcut = ll_test_gui_find_widget (GTK_WIDGET (shortcuts), GTK_TYPE_SHORTCUTS_SHORTCUT, NULL);
  g_assert_nonnull (shortcut);

  /* Every section lays out (GTK 4.8 warns about a section spread over
   * pages, which the test's fatal warnings catch). */
  for (GtkWidget *section = ll_test_gui_find_widget (GTK_WIDGET (shortcuts),
                                                     GTK_TYPE_SHORTCUTS_SECTION, NULL);
       section != NULL;
       section = gtk_widget_get_next_sibling (section))
    {
      g_autofree char *name = NULL;

      if (!GTK_IS_SHORTCUTS_SECTION (section))
        continue;
      g_object_get (section, "section-name", &name, NULL);
      g_test_message ("shortcuts section “%s”", name);
      g_object_set (shortcuts, "section-name", name, NULL);
      ll_test_gui_spin (100);
      g_assert_true (gtk_widget_get_mapped (section));
    }

  close_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
}

static void
test_preferences (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (LL_TYPE_PREFERENCES_WINDOW), 3000));
  close_toplevel (LL_TYPE_PREFERENCES_WINDOW);
}

static void
test_accelerators (void)
{
  static const struct {
    const char *action;
    const char *accel;
  } expected[] = {
    { "app.quit", "<Control>q" },
    { "app.help", "F1" },
    { "app.open-database", "<Control>o" },
    { "app.new-database", "<Shift><Control>n" },
    { "app.preferences", "<Control>comma" },
    { "win.show-help-overlay", "<Control>question" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app),
                                                                     expected[i].action);
      g_autofree char *wanted = NULL;
      guint key;
      GdkModifierType mods;

      g_assert_true (gtk_accelerator_parse (expected[i].accel, &key, &mods));
      wanted = gtk_accelerator_name (key, mods);
      g_assert_true (accels != NULL && g_strv_contains ((const char * const *) accels, wanted));
    }
}

/* Real key presses through XTest reach the window's shortcuts. */
static void
test_keyboard (void)
{
  LlWindow *window = main_window ();
  static const struct {
    const char *keys;
    const char *page;
  } switches[] = {
    { "ctrl+3", "cases" },
    { "ctrl+5", "reports" },
    { "ctrl+2", "people" },
    { "ctrl+4", "activities" },
    { "ctrl+1", "stations" },
  };

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }

  /* Without a window manager the keyboard follows the pointer. */
  ll_test_gui_spin (200);
  g_assert_true (ll_test_gui_xdotool ("mousemove", "600", "400", NULL));

  for (guint i = 0; i < G_N_ELEMENTS (switches); i++)
    {
      PageCheck check = { window, switches[i].page };

      g_assert_true (ll_test_gui_xdotool ("key", switches[i].keys, NULL));
      g_assert_true (ll_test_gui_wait (page_shown, &check, 3000));
    }

  g_assert_true (ll_test_gui_xdotool ("key", "ctrl+question", NULL));
  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_SHORTCUTS_WINDOW), 3000));
  close_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  g_assert_true (ll_test_gui_xdotool ("mousemove", "600", "400", "key", "ctrl+comma", NULL));
  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (LL_TYPE_PREFERENCES_WINDOW), 3000));
  close_toplevel (LL_TYPE_PREFERENCES_WINDOW);

  g_assert_true (ll_test_gui_xdotool ("mousemove", "600", "400", "key", "ctrl+o", NULL));
  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (GTK_TYPE_FILE_CHOOSER_DIALOG), 5000));
  close_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

/* At 800×600 the sidebar and the page are both on screen. */
static void
test_small_window (void)
{
  LlWindow *window = main_window ();
  GtkWidget *sidebar = find_sidebar (window);
  AdwLeaflet *leaflet = ADW_LEAFLET (gtk_widget_get_ancestor (sidebar, ADW_TYPE_LEAFLET));
  PageCheck check = { window, "cases" };

  gtk_window_unmaximize (GTK_WINDOW (window));
  gtk_window_set_default_size (GTK_WINDOW (window), 800, 600);
  ll_window_set_page (window, "cases");
  ll_test_gui_spin (300);

  g_assert_true (ll_test_gui_wait (page_shown, &check, 3000));
  g_assert_false (adw_leaflet_get_folded (leaflet));
  g_assert_true (gtk_widget_get_mapped (sidebar));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);

  /* Every page fits beside the sidebar. */
  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      PageCheck each = { window, pages[i] };

      ll_window_set_page (window, pages[i]);
      g_assert_true (ll_test_gui_wait (page_shown, &each, 3000));
      ll_test_gui_spin (100);
      g_assert_false (adw_leaflet_get_folded (leaflet));
      g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 800);
    }
}

/* The size is saved when the window closes and restored for the next. */
static void
test_size_remembered (void)
{
  GSettings *settings = ll_application_get_settings (app);
  LlWindow *window;
  int width, height;

  window = ll_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 650);
  gtk_window_present (GTK_WINDOW (window));
  ll_test_gui_spin (100);
  gtk_window_close (GTK_WINDOW (window));
  ll_test_gui_spin (100);

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 650);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = ll_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 1000);
  g_assert_cmpint (height, ==, 650);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
no_windows (gpointer data)
{
  return gtk_application_get_windows (GTK_APPLICATION (app)) == NULL;
}

static void
test_quit (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (ll_test_gui_wait (no_windows, NULL, 3000));
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ll_test_gui_init (&argc, &argv);
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  g_test_add_func ("/window/pages-through-actions", test_pages_through_actions);
  g_test_add_func ("/window/pages-through-sidebar", test_pages_through_sidebar);
  g_test_add_func ("/window/about", test_about);
  g_test_add_func ("/window/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/window/preferences", test_preferences);
  g_test_add_func ("/window/accelerators", test_accelerators);
  g_test_add_func ("/window/keyboard", test_keyboard);
  g_test_add_func ("/window/small-window", test_small_window);
  g_test_add_func ("/window/size-remembered", test_size_remembered);
  g_test_add_func ("/window/quit", test_quit);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}

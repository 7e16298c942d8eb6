/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-test-gui"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <stdlib.h>

#include "ll-test-gui.h"

#ifdef GDK_WINDOWING_X11
# include <gdk/x11/gdkx.h>
#endif

static char *xdg_root;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir == NULL)
    {
      g_unlink (path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      remove_tree (child);
    }
  g_rmdir (path);
}

static void
remove_xdg_root (void)
{
  if (xdg_root != NULL)
    remove_tree (xdg_root);
  g_clear_pointer (&xdg_root, g_free);
}

/**
 * ll_test_gui_get_data_dir:
 *
 * Returns: the private `XDG_DATA_HOME` of this test run
 */
const char *
ll_test_gui_get_data_dir (void)
{
  return g_get_user_data_dir ();
}

void
ll_test_gui_init (int    *argc,
                  char ***argv)
{
  /* Private XDG folders, set before GLib reads them: a test never sees
   * the user's databases or settings, and leaves nothing behind. */
  xdg_root = g_dir_make_tmp ("lianluo-gui-test-XXXXXX", NULL);
  g_assert_nonnull (xdg_root);
  for (guint i = 0; i < 3; i++)
    {
      static const char *vars[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (xdg_root, vars[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (vars[i], dir, TRUE);
    }
  g_unsetenv ("LIANLUO_DB");
  atexit (remove_xdg_root);

  setlocale (LC_ALL, "");
  /* The translations built in this tree, not installed ones. */
  bindtextdomain (GETTEXT_PACKAGE, LL_BUILD_ROOT "/po");
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (argc, argv, NULL);
}

/**
 * ll_test_gui_start:
 *
 * Starts the application as `lianluo` does, but without D-Bus
 * uniqueness, and shows its window.
 */
LlApplication *
ll_test_gui_start (void)
{
  g_autoptr(GError) error = NULL;
  LlApplication *app;

  app = ll_application_new (APP_ID ".Test", G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (app));

  return app;
}

static gboolean
timeout_cb (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/**
 * ll_test_gui_wait:
 *
 * Runs the main loop until @condition holds or @timeout_ms pass.
 *
 * Returns: whether @condition held
 */
gboolean
ll_test_gui_wait (LlTestCondition condition,
                  gpointer        data,
                  guint           timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
never (gpointer data)
{
  return FALSE;
}

void
ll_test_gui_spin (guint ms)
{
  ll_test_gui_wait (never, NULL, ms);
}

GtkWindow *
ll_test_gui_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }

  return NULL;
}

/**
 * ll_test_gui_find_widget:
 * @name: (nullable): the widget name (`gtk_widget_get_name`) to match
 *
 * Returns: (transfer none) (nullable): the first descendant of @root of
 *   @type, depth first
 */
GtkWidget *
ll_test_gui_find_widget (GtkWidget  *root,
                         GType       type,
                         const char *name)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (name == NULL || g_strcmp0 (gtk_widget_get_name (root), name) == 0))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = ll_test_gui_find_widget (child, type, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

gboolean
ll_test_gui_have_x11 (void)
{
#ifdef GDK_WINDOWING_X11
  return GDK_IS_X11_DISPLAY (gdk_display_get_default ()) &&
         g_find_program_in_path ("xdotool") != NULL;
#else
  return FALSE;
#endif
}

/**
 * ll_test_gui_xdotool:
 *
 * Runs xdotool with the given arguments. The X server queues the events
 * it synthesises; the caller then runs the main loop to handle them.
 */
gboolean
ll_test_gui_xdotool (const char *first_arg,
                     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;
  va_list args;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (args, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  /* Let the window reach the X server before events are aimed at it. */
  gdk_display_sync (gdk_display_get_default ());

  if (!g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                     NULL, NULL, NULL, NULL, &status, &error))
    {
      g_test_message ("xdotool: %s", error->message);
      return FALSE;
    }

  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
main_stack_shows (gpointer data)
{
  const char *name = data;
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);
  GtkWidget *stack;

  if (window == NULL)
    return FALSE;

  stack = ll_test_gui_find_widget (GTK_WIDGET (window), GTK_TYPE_STACK, "main-stack");
  return stack != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), name) == 0;
}

/**
 * ll_test_gui_wait_for_view:
 * @view: `welcome`, `opening` or `workspace`
 *
 * Returns: whether the main window came to show @view
 */
gboolean
ll_test_gui_wait_for_view (const char *view)
{
  return ll_test_gui_wait (main_stack_shows, (gpointer) view, 10000);
}

/**
 * ll_test_gui_create_database:
 *
 * Creates the default database from the welcome page, as a new user
 * does with “Create New Database”, and waits for the workspace.
 */
void
ll_test_gui_create_database (void)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);

  g_assert_nonnull (window);
  g_assert_true (ll_test_gui_wait_for_view ("welcome"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window),
                                             "win.create-default-database", NULL));
  g_assert_true (ll_test_gui_wait_for_view ("workspace"));
  g_assert_nonnull (ll_window_get_database (LL_WINDOW (window)));
}

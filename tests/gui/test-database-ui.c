/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-database-ui"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include "ll-banner.h"
#include "ll-database.h"
#include "ll-station-store.h"
#include "ll-test-gui.h"

/* Opening, creating and refusing database files from the window. */

static LlApplication *app;
static char *workdir;

static LlWindow *
main_window (void)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);

  g_assert_nonnull (window);
  return LL_WINDOW (window);
}

static char *
work_path (const char *name)
{
  return g_build_filename (workdir, name, NULL);
}

static char *
read_file (const char *path,
           gsize      *length)
{
  char *contents = NULL;

  g_assert_true (g_file_get_contents (path, &contents, length, NULL));
  return contents;
}

static gboolean
dialog_shown (gpointer data)
{
  GtkWindow *dialog = ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

/* Opens @path through the window and expects a refusal: the dialog says
 * @expected, the window stays where it was, the file is untouched. */
static void
assert_refused (const char *path,
                const char *expected,
                const char *view)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gsize before_len, after_len;
  AdwMessageDialog *dialog;

  before = read_file (path, &before_len);

  ll_window_open_file (main_window (), file);
  g_assert_true (ll_test_gui_wait (dialog_shown, NULL, 10000));

  dialog = ADW_MESSAGE_DIALOG (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_test_message ("refusal: %s", adw_message_dialog_get_body (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), expected));
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (ll_test_gui_wait_for_view (view));

  after = read_file (path, &after_len);
  g_assert_cmpmem (before, before_len, after, after_len);
}

static void
test_starts_on_welcome (void)
{
  g_assert_true (ll_test_gui_wait_for_view ("welcome"));
  g_assert_null (ll_window_get_database (main_window ()));
  g_assert_false (ll_window_get_editable (main_window ()));
}

static void
test_refuses_garbage (void)
{
  g_autofree char *path = work_path ("garbage.db");
  g_autofree char *noise = g_malloc (8192);

  for (guint i = 0; i < 8192; i++)
    noise[i] = (char) g_random_int ();
  g_assert_true (g_file_set_contents (path, noise, 8192, NULL));

  assert_refused (path, "not a Lianluo database", "welcome");
}

static void
test_refuses_foreign (void)
{
  g_autofree char *path = work_path ("foreign.sqlite");
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE songs (title TEXT); "
                                     "INSERT INTO songs VALUES ('茉莉花');",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, "another program", "welcome");
}

static void
test_refuses_too_new (void)
{
  g_autofree char *path = work_path ("too-new.db");
  g_autofree char *sql = NULL;
  sqlite3 *db = NULL;
  g_autoptr(LlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ll_database_close (database);

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sql = g_strdup_printf ("PRAGMA user_version = %d",
                         ll_database_get_supported_schema_version () + 5);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  assert_refused (path, "newer version", "welcome");
}

static void
test_create_and_reopen (void)
{
  LlWindow *window = main_window ();
  GSettings *settings = ll_application_get_settings (app);
  g_autofree char *last = NULL;
  LlWindow *second;

  ll_test_gui_create_database ();
  g_assert_true (ll_window_get_editable (window));

  /* Remembered for the next start … */
  last = g_settings_get_string (settings, "last-database");
  g_assert_true (g_str_has_prefix (last, ll_test_gui_get_data_dir ()));
  g_assert_true (g_file_test (last, G_FILE_TEST_IS_REGULAR));

  /* … and a new window (as at the next start) opens it again. */
  second = ll_window_new (app);
  gtk_window_present (GTK_WINDOW (second));
  ll_window_open_initial (second);
  while (ll_window_get_database (second) == NULL)
    ll_test_gui_spin (50);
  g_assert_cmpstr (ll_database_get_path (ll_window_get_database (second)), ==, last);
  gtk_window_destroy (GTK_WINDOW (second));
}

/* “New Database…” never replaces a file that is already there. */
static void
test_new_database_keeps_existing_file (void)
{
  g_autofree char *path = work_path ("existing.db");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  LlWindow *window = main_window ();
  LlDatabase *before = ll_window_get_database (window);

  g_assert_true (g_file_set_contents (path, "someone’s notes", -1, NULL));

  /* What the file chooser does for “Create”. */
  ll_window_create_file (window, file);
  g_assert_true (ll_test_gui_wait (dialog_shown, NULL, 5000));
  gtk_window_destroy (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  g_assert_true (ll_window_get_database (window) == before);
  {
    g_autofree char *contents = read_file (path, NULL);
    g_assert_cmpstr (contents, ==, "someone’s notes");
  }
}

/* A refused file leaves the open database open. */
static void
test_refusal_keeps_open_database (void)
{
  g_autofree char *path = work_path ("garbage.db");
  LlDatabase *before = ll_window_get_database (main_window ());

  g_assert_nonnull (before);
  assert_refused (path, "not a Lianluo database", "workspace");
  g_assert_true (ll_window_get_database (main_window ()) == before);
}

static LlBanner *
state_banner (void)
{
  GtkWidget *banner = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), LL_TYPE_BANNER, NULL);

  g_assert_nonnull (banner);
  return LL_BANNER (banner);
}

static gboolean
database_is (gpointer data)
{
  LlDatabase *database = ll_window_get_database (main_window ());

  return database != NULL && g_strcmp0 (ll_database_get_path (database), data) == 0;
}

static void
test_read_only (void)
{
  g_autofree char *dir = work_path ("ro");
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;
  gboolean mounted = FALSE;

  g_mkdir_with_parents (dir, 0700);

  /* root writes to any file: only a read-only mount stops it. */
  if (geteuid () == 0 && mount ("tmpfs", dir, "tmpfs", 0, "size=4m") == 0)
    mounted = TRUE;

  database = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ll_database_close (database);

  if (mounted)
    g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=4m"), ==, 0);
  else if (geteuid () != 0)
    g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  else
    {
      g_test_skip ("needs a tmpfs mount as root");
      return;
    }

  ll_window_open_file (main_window (), file);
  g_assert_true (ll_test_gui_wait (database_is, path, 10000));
  ll_test_gui_spin (300);

  g_assert_true (ll_database_get_read_only (ll_window_get_database (main_window ())));
  g_assert_false (ll_window_get_editable (main_window ()));
  g_assert_true (ll_banner_get_revealed (state_banner ()));
  g_assert_nonnull (strstr (ll_banner_get_title (state_banner ()), "read-only"));

  /* A writable file hides the banner again. */
  {
    g_autofree char *other = work_path ("writable.db");
    g_autoptr(GFile) other_file = g_file_new_for_path (other);
    g_autoptr(LlDatabase) created = ll_database_open (other, LL_DATABASE_OPEN_CREATE, &error);

    g_assert_no_error (error);
    ll_database_close (created);
    ll_window_open_file (main_window (), other_file);
    g_assert_true (ll_test_gui_wait (database_is, other, 10000));
    g_assert_false (ll_banner_get_revealed (state_banner ()));
    g_assert_true (ll_window_get_editable (main_window ()));
  }

  if (mounted)
    umount (dir);
}

static gboolean
presence_shown (gpointer data)
{
  GtkWidget *button = ll_test_gui_find_widget (GTK_WIDGET (main_window ()),
                                               GTK_TYPE_MENU_BUTTON, "presence");
  const char *tooltip;

  if (button == NULL || !gtk_widget_get_visible (button))
    return FALSE;

  tooltip = gtk_widget_get_tooltip_text (button);
  return tooltip != NULL && strstr (tooltip, data) != NULL;
}

/* The header says who else has the file open. */
static void
test_presence (void)
{
  LlDatabase *mine = ll_window_get_database (main_window ());
  g_autoptr(LlDatabase) colleague = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (mine);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  g_setenv ("LIANLUO_USER", "wangmin", TRUE);
  colleague = ll_database_open (ll_database_get_path (mine), LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_unsetenv ("LIANLUO_USER");
  g_assert_no_error (error);

  g_assert_true (ll_test_gui_wait (presence_shown, "OFFICE-PC2", 15000));

  ll_database_close (colleague);
}

static gboolean
widget_visible (gpointer data)
{
  GtkWidget *widget = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), GTK_TYPE_BOX, data);

  return widget != NULL && gtk_widget_get_visible (widget);
}

static char *
demo_path (const char *suffix)
{
  return g_strconcat (ll_test_gui_get_data_dir (), "/lianluo/demo.db", suffix, NULL);
}

/* Try With Demo Data shows its progress; Cancel goes back to the welcome
 * page and leaves no file behind. */
static void
test_demo_cancel (void)
{
  g_autofree char *path = demo_path ("");
  g_autofree char *partial = demo_path (".partial");

  g_assert_true (ll_test_gui_wait_for_view ("welcome"));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.demo-database",
                                             NULL));
  g_assert_true (widget_visible ("demo-box"));
  g_assert_false (widget_visible ("welcome-buttons"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.cancel-demo",
                                             NULL));
  g_assert_true (ll_test_gui_wait (widget_visible, "welcome-buttons", 10000));
  g_assert_false (widget_visible ("demo-box"));
  g_assert_null (ll_window_get_database (main_window ()));
  g_assert_true (ll_test_gui_wait_for_view ("welcome"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_false (dialog_shown (NULL));
}

static gboolean
demo_open (gpointer data)
{
  LlDatabase *db = ll_window_get_database (main_window ());

  return db != NULL && g_str_has_suffix (ll_database_get_path (db), "/demo.db");
}

/* The sidebar counts the demo's stations (all but the archived ones). */
static gboolean
stations_counted (gpointer data)
{
  GtkWidget *label = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), GTK_TYPE_LABEL,
                                              "count-stations");
  LlDatabase *db = ll_window_get_database (main_window ());
  g_autofree char *expected = NULL;
  gint64 count;

  if (label == NULL || db == NULL)
    return FALSE;

  count = ll_station_store_count (db, FALSE, NULL);
  expected = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  return count > 20 && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), expected) == 0;
}

/* The demo database is made in the user's data folder and opened; the
 * second time it is opened as it is. */
static void
test_demo_data (void)
{
  g_autofree char *path = demo_path ("");
  g_autofree char *partial = demo_path (".partial");
  GStatBuf before, after;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.demo-database",
                                             NULL));
  g_assert_true (ll_test_gui_wait (demo_open, NULL, 60000));
  g_assert_true (ll_test_gui_wait_for_view ("workspace"));
  g_assert_true (ll_test_gui_wait (stations_counted, NULL, 10000));
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  g_assert_cmpint (g_stat (path, &before), ==, 0);

  /* Opened again, not made again. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.demo-database",
                                             NULL));
  g_assert_false (widget_visible ("demo-box"));
  g_assert_true (ll_test_gui_wait (demo_open, NULL, 10000));
  g_assert_true (ll_test_gui_wait (stations_counted, NULL, 10000));
  g_assert_cmpint (g_stat (path, &after), ==, 0);
  g_assert_cmpint (after.st_ino, ==, before.st_ino);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ll_test_gui_init (&argc, &argv);
  workdir = g_dir_make_tmp ("lianluo-db-ui-XXXXXX", NULL);
  app = ll_test_gui_start ();

  g_test_add_func ("/database-ui/starts-on-welcome", test_starts_on_welcome);
  g_test_add_func ("/database-ui/demo-cancel", test_demo_cancel);
  g_test_add_func ("/database-ui/refuses-garbage", test_refuses_garbage);
  g_test_add_func ("/database-ui/refuses-foreign", test_refuses_foreign);
  g_test_add_func ("/database-ui/refuses-too-new", test_refuses_too_new);
  g_test_add_func ("/database-ui/create-and-reopen", test_create_and_reopen);
  g_test_add_func ("/database-ui/new-keeps-existing-file", test_new_database_keeps_existing_file);
  g_test_add_func ("/database-ui/refusal-keeps-open-database", test_refusal_keeps_open_database);
  g_test_add_func ("/database-ui/read-only", test_read_only);
  g_test_add_func ("/database-ui/presence", test_presence);
  g_test_add_func ("/database-ui/demo-data", test_demo_data);

  ret = g_test_run ();
  g_clear_object (&app);
  return ret;
}

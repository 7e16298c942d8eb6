/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-save-flow"

#include "config.h"

#include <glib/gi18n.h>
#include <sqlite3.h>

#include "ll-banner.h"
#include "ll-conflict-dialog.h"
#include "ll-database.h"
#include "ll-record-form.h"
#include "ll-station-store.h"
#include "ll-station.h"
#include "ll-test-gui.h"

/* Saving a record from a form while a colleague works on the same file:
 * no edit is lost and nothing is overwritten without the user choosing. */

static const LlFieldSpec specs[] = {
  { "name", N_("Name"), LL_FIELD_TEXT, 0, TRUE, N_("Station") },
  { "kind", N_("Kind"), LL_FIELD_ENUM, LL_ENUM_STATION_KIND, TRUE },
  { "phone", N_("Phone"), LL_FIELD_PHONE },
  { "address", N_("Address"), LL_FIELD_TEXT },
  { "reception-schedule", N_("Reception schedule"), LL_FIELD_TEXT },
};

static char *dir;
static char *path;
static LlDatabase *mine_db;
static LlDatabase *colleague_db;
static gint64 station_id;

static gboolean
save_station (LlDatabase  *db,
              GObject     *record,
              GError     **error)
{
  if (ll_record_get_id (record) == 0)
    return ll_station_store_create (db, LL_STATION (record), error);
  return ll_station_store_update (db, LL_STATION (record), error);
}

static GObject *
load_station (LlDatabase  *db,
              gint64       id,
              GError     **error)
{
  return G_OBJECT (ll_station_store_get (db, id, error));
}

static LlStation *
stored (LlDatabase *db)
{
  g_autoptr(GError) error = NULL;
  LlStation *station = ll_station_store_get (db, station_id, &error);

  g_assert_no_error (error);
  return station;
}

static LlRecordForm *
show_form (GtkWindow **window_out)
{
  LlRecordForm *form = ll_record_form_new (specs, G_N_ELEMENTS (specs));
  GtkWidget *window = gtk_window_new ();
  g_autoptr(LlStation) station = stored (mine_db);

  ll_record_form_set_store (form, mine_db, save_station, load_station);
  ll_record_form_set_record (form, G_OBJECT (station));
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (form));
  gtk_window_present (GTK_WINDOW (window));
  *window_out = GTK_WINDOW (window);
  return form;
}

static GtkEditable *
entry (LlRecordForm *form,
       const char   *property)
{
  return GTK_EDITABLE (ll_record_form_get_row (form, property));
}

static void
colleague_changes (const char *property,
                   const char *value)
{
  g_autoptr(LlStation) station = stored (colleague_db);
  g_autoptr(GError) error = NULL;

  g_object_set (station, property, value, NULL);
  g_assert_true (ll_station_store_update (colleague_db, station, &error));
  g_assert_no_error (error);
}

static gboolean
conflict_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (LL_TYPE_CONFLICT_DIALOG) != NULL;
}

static void
test_plain_save (void)
{
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);
  g_autoptr(LlStation) after = NULL;
  gint64 version = ll_record_get_version (ll_record_form_get_record (form));

  gtk_editable_set_text (entry (form, "address"), "东湖路12号");
  g_assert_true (ll_record_form_get_dirty (form));
  g_assert_true (ll_record_form_save (form));
  g_assert_false (ll_record_form_get_dirty (form));

  after = stored (colleague_db);
  g_assert_cmpstr (ll_station_get_address (after), ==, "东湖路12号");
  g_assert_cmpint (ll_record_get_version (G_OBJECT (after)), ==, version + 1);
  g_assert_cmpint (ll_record_get_version (ll_record_form_get_record (form)), ==, version + 1);

  gtk_window_destroy (window);
}

static void
test_conflict_keep_theirs (void)
{
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);
  LlConflictDialog *dialog;
  g_autoptr(LlStation) after = NULL;

  gtk_editable_set_text (entry (form, "name"), "我改的站名");
  colleague_changes ("phone", "010-12345678");

  g_assert_false (ll_record_form_save (form));
  g_assert_true (ll_test_gui_wait (conflict_shown, NULL, 3000));
  dialog = LL_CONFLICT_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_CONFLICT_DIALOG));
  g_assert_cmpuint (ll_conflict_dialog_get_fields (dialog)->len, ==, 2);

  /* Nothing is written while the dialog waits. */
  after = stored (colleague_db);
  g_assert_cmpstr (ll_station_get_name (after), ==, "东湖社区人大代表联络站");

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  ll_test_gui_spin (50);

  /* Theirs is shown, mine is gone, the database has theirs. */
  g_assert_false (ll_record_form_get_dirty (form));
  g_assert_cmpstr (gtk_editable_get_text (entry (form, "name")), ==, "东湖社区人大代表联络站");
  g_assert_cmpstr (gtk_editable_get_text (entry (form, "phone")), ==, "010-12345678");
  g_clear_object (&after);
  after = stored (colleague_db);
  g_assert_cmpstr (ll_station_get_phone (after), ==, "010-12345678");
  g_assert_cmpstr (ll_station_get_name (after), ==, "东湖社区人大代表联络站");

  gtk_window_destroy (window);
}

static void
test_conflict_keep_mine (void)
{
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);
  LlConflictDialog *dialog;
  g_autoptr(LlStation) after = NULL;

  gtk_editable_set_text (entry (form, "name"), "我改的站名");
  gtk_editable_set_text (entry (form, "reception-schedule"), "每月10日接待选民");
  colleague_changes ("reception-schedule", "每月18日民情恳谈会");
  colleague_changes ("address", "西湖路3号");

  g_assert_false (ll_record_form_save (form));
  g_assert_true (ll_test_gui_wait (conflict_shown, NULL, 3000));
  dialog = LL_CONFLICT_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_CONFLICT_DIALOG));

  /* Mine, but their address. */
  ll_conflict_dialog_set_use_theirs (dialog, "address", TRUE);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  ll_test_gui_spin (50);

  after = stored (colleague_db);
  g_assert_cmpstr (ll_station_get_name (after), ==, "我改的站名");
  g_assert_cmpstr (ll_station_get_reception_schedule (after), ==, "每月10日接待选民");
  g_assert_cmpstr (ll_station_get_address (after), ==, "西湖路3号");
  g_assert_false (ll_record_form_get_dirty (form));
  g_assert_cmpint (ll_record_get_version (ll_record_form_get_record (form)), ==,
                   ll_record_get_version (G_OBJECT (after)));

  gtk_window_destroy (window);
}

/* A colleague's program holds the write lock: the save says so, keeps
 * the edit, and Retry saves it once the lock is gone. */
static void
test_busy_then_retry (void)
{
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);
  LlBanner *banner;
  sqlite3 *locker = NULL;
  g_autoptr(LlStation) after = NULL;

  g_assert_cmpint (sqlite3_open (path, &locker), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  ll_database_set_busy_timeout (mine_db, 200);

  gtk_editable_set_text (entry (form, "address"), "北湖路8号");
  g_assert_false (ll_record_form_save (form));

  banner = LL_BANNER (ll_test_gui_find_widget (GTK_WIDGET (form), LL_TYPE_BANNER, NULL));
  g_assert_true (ll_banner_get_revealed (banner));
  g_test_message ("busy: %s", ll_banner_get_title (banner));
  g_assert_true (ll_record_form_get_dirty (form));
  g_assert_cmpstr (gtk_editable_get_text (entry (form, "address")), ==, "北湖路8号");

  sqlite3_exec (locker, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (locker);

  g_signal_emit_by_name (ll_test_gui_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, NULL),
                         "clicked");
  ll_test_gui_spin (50);

  after = stored (colleague_db);
  g_assert_cmpstr (ll_station_get_address (after), ==, "北湖路8号");
  g_assert_false (ll_record_form_get_dirty (form));
  g_assert_false (ll_banner_get_revealed (banner));

  ll_database_set_busy_timeout (mine_db, 5000);
  gtk_window_destroy (window);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = NULL;
  int ret;

  ll_test_gui_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  dir = g_dir_make_tmp ("lianluo-save-flow-XXXXXX", NULL);
  path = g_build_filename (dir, "office.db", NULL);
  mine_db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague_db = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);

  station = ll_station_new ();
  ll_station_set_name (station, "东湖社区人大代表联络站");
  ll_station_set_kind (station, "station");
  g_assert_true (ll_station_store_create (mine_db, station, &error));
  g_assert_no_error (error);
  station_id = ll_record_get_id (G_OBJECT (station));

  g_test_add_func ("/save-flow/plain", test_plain_save);
  g_test_add_func ("/save-flow/conflict-keep-theirs", test_conflict_keep_theirs);
  g_test_add_func ("/save-flow/conflict-keep-mine", test_conflict_keep_mine);
  g_test_add_func ("/save-flow/busy-then-retry", test_busy_then_retry);

  ret = g_test_run ();

  ll_database_close (colleague_db);
  ll_database_close (mine_db);
  g_clear_object (&colleague_db);
  g_clear_object (&mine_db);
  return ret;
}

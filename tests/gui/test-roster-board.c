/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-roster-board"

#include "config.h"

#include <string.h>

#include "ll-board.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-person-store.h"
#include "ll-points.h"
#include "ll-roster-board.h"
#include "ll-roster-store.h"
#include "ll-station-detail.h"
#include "ll-station-store.h"
#include "ll-test-gui.h"

/* The reception roster (接待日排班) through the real window: opened from
 * the station's detail pane, people put on a day through the board's
 * drop path, a duplicate refused with its reason on a toast, attendance
 * clicked on a card of a past day and the day recorded as a reception
 * activity that the points count, a colleague's change appearing, a
 * removal done only when its toast goes, and a read-only file. */

#define TODAY "2025-03-15"
#define PAST "2025-03-10"
#define COMING "2025-03-31"

static LlApplication *app;
static LlDatabase *colleague;
static gint64 east, zhou, wu;

/* Helpers ------------------------------------------------------------------- */

static LlWindow *
main_window (void)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);

  g_assert_nonnull (window);
  return LL_WINDOW (window);
}

static LlDatabase *
db (void)
{
  return ll_window_get_database (main_window ());
}

static LlRosterBoard *
roster (void)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_ROSTER_BOARD);

  g_assert_nonnull (window);
  return LL_ROSTER_BOARD (window);
}

static LlBoard *
board (void)
{
  return ll_roster_board_get_board (roster ());
}

static gint64
make_person (const char *name,
             gint64      station_id)
{
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(LlMembership) membership = NULL;
  g_autoptr(GError) error = NULL;

  ll_person_set_name (person, name);
  ll_person_set_role (person, "deputy");
  ll_person_set_level (person, "county");
  g_assert_true (ll_person_store_create (db (), person, &error));
  g_assert_no_error (error);
  membership = ll_membership_store_assign (db (), ll_person_get_id (person), station_id, NULL,
                                           FALSE, &error);
  g_assert_no_error (error);
  return ll_person_get_id (person);
}

static LlBoardColumn *
column (const char *key)
{
  GListModel *columns = ll_board_get_columns (board ());

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(LlBoardColumn) found = g_list_model_get_item (columns, i);

      if (g_strcmp0 (ll_board_column_get_key (found), key) == 0)
        return found;  /* the model keeps it */
    }

  return NULL;
}

static guint
count_of (const char *key)
{
  LlBoardColumn *found = column (key);

  g_assert_nonnull (found);
  return ll_board_column_get_count (found);
}

static guint
on_day (const char *day)
{
  g_autoptr(GPtrArray) entries = ll_roster_store_list_day (db (), east, day, NULL);

  g_assert_nonnull (entries);
  return entries->len;
}

static gboolean
drop (const char  *key,
      const char  *source,
      gint64       id)
{
  g_autoptr(LlBoardDrag) drag = ll_board_drag_new (source, &id, 1);
  gboolean handled = FALSE;

  g_signal_emit_by_name (board (), "drop", key, drag, GDK_ACTION_MOVE, &handled);
  ll_test_gui_spin (100);
  return handled;
}

static gboolean
label_contains (GtkWidget  *root,
                const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_label (GTK_LABEL (root)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (label_contains (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
shows_text_cb (gpointer data)
{
  return label_contains (GTK_WIDGET (roster ()), data);
}

typedef struct
{
  const char *key;
  guint       count;
} CountWait;

static gboolean
count_is_cb (gpointer data)
{
  CountWait *wait = data;
  LlBoardColumn *found = column (wait->key);

  return found != NULL && ll_board_column_get_count (found) == wait->count;
}

static gint64
entry_id_of (const char *day,
             gint64      person_id)
{
  g_autoptr(GPtrArray) entries = ll_roster_store_list_day (db (), east, day, NULL);

  for (guint i = 0; entries != NULL && i < entries->len; i++)
    if (ll_roster_entry_get_person_id (g_ptr_array_index (entries, i)) == person_id)
      return ll_roster_entry_get_id (g_ptr_array_index (entries, i));

  return 0;
}

/* The first mapped toggle button of that name: a card's attendance. */
static GtkWidget *
find_mapped (GtkWidget  *root,
             const char *name)
{
  if (GTK_IS_TOGGLE_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
toggle_shown_cb (gpointer data)
{
  return find_mapped (GTK_WIDGET (board ()), data) != NULL;
}

/* Tests ------------------------------------------------------------------- */

static void
test_open_from_station (void)
{
  GtkWidget *detail = ll_test_gui_find_widget (GTK_WIDGET (main_window ()),
                                               LL_TYPE_STATION_DETAIL, NULL);
  g_autoptr(LlStation) station = ll_station_store_get (db (), east, NULL);
  GtkWidget *button;

  g_assert_nonnull (detail);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.show-page", "s",
                                             "stations"));
  ll_station_detail_show_station (LL_STATION_DETAIL (detail), station);
  button = ll_test_gui_find_widget (detail, GTK_TYPE_BUTTON, "roster-button");
  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  ll_test_gui_spin (300);

  /* This month's reception days (10 and 31), after the station's people. */
  g_assert_nonnull (column ("people"));
  g_assert_cmpuint (count_of ("people"), ==, 2);
  g_assert_nonnull (column (PAST));
  g_assert_nonnull (column (COMING));
  g_assert_cmpuint (g_list_model_get_n_items (ll_board_get_columns (board ())), ==, 3);
  g_assert_cmpstr (ll_board_column_get_title (column (PAST)), ==, "Mar 10, Monday");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (board ())));
}

static void
test_add_and_duplicate (void)
{
  g_assert_true (drop (COMING, "people", zhou));
  g_assert_cmpuint (on_day (COMING), ==, 1);
  g_assert_cmpuint (count_of (COMING), ==, 1);
  g_assert_true (ll_test_gui_wait (shows_text_cb, (gpointer) "Put 周建华 on duty on Mar 31",
                                   2000));

  /* The same person again on that day: refused, with the reason. */
  drop (COMING, "people", zhou);
  g_assert_cmpuint (on_day (COMING), ==, 1);
  g_assert_true (ll_test_gui_wait (shows_text_cb, (gpointer) "周建华 is already on the roster",
                                   2000));

  /* … but the same person on another day is fine. */
  g_assert_true (drop (PAST, "people", zhou));
  g_assert_cmpuint (on_day (PAST), ==, 1);
}

static void
test_record_past_day (void)
{
  g_autoptr(LlPoints) points = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *present;
  const LlPointsEntry *entry;
  int reception = ll_enum_find (LL_ENUM_ACTIVITY_TYPE, "reception");
  int attended = ll_enum_find (LL_ENUM_ATTENDANCE, "present");

  ll_test_gui_spin (200);

  /* Recording before attendance is refused with who is missing. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster ()), "roster.record-day", "s",
                                             PAST));
  g_assert_true (ll_test_gui_wait (shows_text_cb, (gpointer) "missing: 周建华", 2000));

  /* The past day's card has attendance toggles (the coming day's card,
   * first in the tree, has them hidden). */
  /* The board may ask for a column's cards a moment after showing it. */
  g_assert_true (ll_test_gui_wait (toggle_shown_cb, (gpointer) "present", 5000));
  present = find_mapped (GTK_WIDGET (board ()), "present");
  g_assert_nonnull (present);

  /* A click (gtk_widget_activate() animates the press for 250 ms). */
  gtk_widget_activate (present);
  ll_test_gui_spin (600);
  {
    g_autoptr(LlRosterEntry) stored = ll_roster_store_get (db (), entry_id_of (PAST, zhou), NULL);

    g_assert_cmpstr (ll_roster_entry_get_attendance (stored), ==, "present");
  }

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster ()), "roster.record-day", "s",
                                             PAST));
  g_assert_true (ll_test_gui_wait (shows_text_cb, (gpointer) "Recorded as a reception activity",
                                   2000));

  points = ll_points_compute (db (), 2025, 0, NULL, &error);
  g_assert_no_error (error);
  entry = ll_points_lookup (points, zhou);
  g_assert_nonnull (entry);
  g_assert_cmpuint (entry->counts.activities[reception][attended], ==, 1);
}

/* The keyboard path: select a person, “Add to Day…” (Ctrl+M), pick the day. */
static void
test_add_to_day_popover (void)
{
  GtkWidget *list;
  GtkWidget *chosen = NULL;

  g_assert_true (ll_board_select_card (board (), "people", wu));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (roster ()), "roster.add-to-day", NULL));
  ll_test_gui_spin (300);

  list = ll_test_gui_find_widget (GTK_WIDGET (roster ()), GTK_TYPE_LIST_BOX, "roster-day-list");
  g_assert_nonnull (list);
  g_assert_true (gtk_widget_get_mapped (list));
  g_assert_true (label_contains (gtk_widget_get_parent (list), "Put on Duty On"));

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (ADW_IS_PREFERENCES_ROW (row) &&
        g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                   "Mar 10, Monday") == 0)
      chosen = row;
  g_assert_nonnull (chosen);

  g_signal_emit_by_name (list, "row-activated", chosen);
  ll_test_gui_spin (200);
  g_assert_false (gtk_widget_get_mapped (list));
  g_assert_cmpint (entry_id_of (PAST, wu), >, 0);
  g_assert_cmpuint (count_of (PAST), ==, 2);
}

static void
test_colleague_change_appears (void)
{
  g_autoptr(LlRosterEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  CountWait wait = { COMING, 2 };

  entry = ll_roster_store_add (colleague, east, COMING, wu, &error);
  g_assert_no_error (error);
  g_assert_true (ll_test_gui_wait (count_is_cb, &wait, 5000));
}

static void
test_remove_when_toast_goes (void)
{
  gint64 id = entry_id_of (COMING, wu);
  CountWait wait = { COMING, 1 };

  g_assert_cmpint (id, >, 0);
  g_assert_true (drop ("people", COMING, id));

  /* Hidden at once, still in the file until the toast goes … */
  g_assert_true (ll_test_gui_wait (count_is_cb, &wait, 2000));
  g_assert_cmpint (entry_id_of (COMING, wu), ==, id);
  g_assert_true (ll_test_gui_wait (shows_text_cb, (gpointer) "Took 吴丽 off the roster", 2000));

  /* … and done at the latest when the window closes. */
  gtk_window_close (GTK_WINDOW (roster ()));
  ll_test_gui_spin (300);
  g_assert_cmpint (entry_id_of (COMING, wu), ==, 0);
  g_assert_cmpint (entry_id_of (COMING, zhou), >, 0);
}

static void
test_read_only (void)
{
  LlRosterBoard *window = ll_roster_board_new (db (), east, FALSE);
  GtkWidget *present;

  gtk_window_present (GTK_WINDOW (window));
  ll_test_gui_spin (300);

  g_assert_false (ll_board_get_editable (board ()));
  /* The board may ask for a column's cards a moment after showing it. */
  g_assert_true (ll_test_gui_wait (toggle_shown_cb, (gpointer) "present", 5000));
  present = find_mapped (GTK_WIDGET (board ()), "present");
  g_assert_nonnull (present);
  g_assert_false (gtk_widget_get_sensitive (present));
  g_assert_false (drop (COMING, "people", wu));
  g_assert_cmpint (entry_id_of (COMING, wu), ==, 0);
  g_assert_false (gtk_widget_get_sensitive (ll_test_gui_find_widget (GTK_WIDGET (window),
                                                                     GTK_TYPE_MENU_BUTTON,
                                                                     NULL)));

  gtk_window_destroy (GTK_WINDOW (window));
  ll_test_gui_spin (100);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();
  int ret;

  g_setenv ("LIANLUO_TODAY", TODAY, TRUE);
  ll_test_gui_init (&argc, &argv);
  g_main_context_acquire (g_main_context_default ());
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague = ll_database_open (ll_database_get_path (db ()), LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);
  ll_database_set_poll_interval (db (), 300);

  ll_station_set_name (station, "东湖社区人大代表联络站");
  ll_station_set_kind (station, "station");
  ll_station_set_reception_days (station, "10,31");
  g_assert_true (ll_station_store_create (db (), station, &error));
  g_assert_no_error (error);
  east = ll_station_get_id (station);
  zhou = make_person ("周建华", east);
  wu = make_person ("吴丽", east);

  g_test_add_func ("/roster-board/open-from-station", test_open_from_station);
  g_test_add_func ("/roster-board/add-and-duplicate", test_add_and_duplicate);
  g_test_add_func ("/roster-board/record-past-day", test_record_past_day);
  g_test_add_func ("/roster-board/add-to-day-popover", test_add_to_day_popover);
  g_test_add_func ("/roster-board/colleague-change-appears", test_colleague_change_appears);
  g_test_add_func ("/roster-board/remove-when-toast-goes", test_remove_when_toast_goes);
  g_test_add_func ("/roster-board/read-only", test_read_only);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  return ret;
}

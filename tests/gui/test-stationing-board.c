/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-stationing-board"

#include "config.h"

#include <string.h>

#include "ll-board.h"
#include "ll-database.h"
#include "ll-membership-store.h"
#include "ll-people-page.h"
#include "ll-person-store.h"
#include "ll-station-store.h"
#include "ll-stationing-board.h"
#include "ll-test-gui.h"

#ifdef GDK_WINDOWING_X11
#include <gdk/x11/gdkx.h>
#endif

/* The stationing board through the real window: every move rule through
 * the board's own drop path, Undo, a colleague's change, and a real
 * pointer drag (xdotool) followed by a click on the toast's Undo. */

static LlApplication *app;
static LlDatabase *colleague;
static gint64 east, west, south;

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

static LlStationingBoard *
stationing (void)
{
  GtkWidget *found = ll_test_gui_find_widget (GTK_WIDGET (main_window ()),
                                              LL_TYPE_STATIONING_BOARD, NULL);

  g_assert_nonnull (found);
  return LL_STATIONING_BOARD (found);
}

static LlBoard *
board (void)
{
  return ll_stationing_board_get_board (stationing ());
}

static char *
key_of (gint64 station_id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, station_id);
}

static void
show_board (void)
{
  GtkWidget *page = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), LL_TYPE_PEOPLE_PAGE,
                                             NULL);
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (stationing ()),
                                                        GTK_TYPE_STACK));

  g_assert_nonnull (page);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.show-page",
                                             "s", "people"));
  gtk_stack_set_visible_child_name (stack, "stationing");
  ll_stationing_board_show_balance (stationing (), FALSE);
  ll_test_gui_spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (board ())));
}

static gint64
make_station (const char *name)
{
  g_autoptr(LlStation) station = ll_station_new ();
  g_autoptr(GError) error = NULL;

  ll_station_set_name (station, name);
  ll_station_set_kind (station, "station");
  g_assert_true (ll_station_store_create (db (), station, &error));
  g_assert_no_error (error);
  return ll_station_get_id (station);
}

static gint64
make_person (const char *name,
             const char *role,
             const char *level,
             gint64      station_id)
{
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(GError) error = NULL;

  ll_person_set_name (person, name);
  ll_person_set_role (person, role);
  ll_person_set_level (person, level);
  g_assert_true (ll_person_store_create (db (), person, &error));
  g_assert_no_error (error);

  if (station_id != 0)
    {
      g_autoptr(LlMembership) membership =
        ll_membership_store_assign (db (), ll_person_get_id (person), station_id, NULL, FALSE,
                                    &error);
      g_assert_no_error (error);
    }
  return ll_person_get_id (person);
}

/* The person's current stations, primary first, as "id" or "id*" for the
 * primary one, e.g. "12*,14". */
static char *
stations_of (gint64 person_id)
{
  g_autoptr(GPtrArray) memberships = ll_membership_store_list_by_person (db (), person_id, TRUE,
                                                                         NULL);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (memberships);
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *m = g_ptr_array_index (memberships, i);

      g_string_append_printf (text, "%s%" G_GINT64_FORMAT "%s", i ? "," : "",
                              ll_membership_get_station_id (m),
                              ll_membership_get_is_primary (m) ? "*" : "");
    }
  return g_string_free (text, FALSE);
}

static gint64
membership_at (gint64 person_id,
               gint64 station_id)
{
  g_autoptr(GPtrArray) memberships = ll_membership_store_list_by_person (db (), person_id, TRUE,
                                                                         NULL);

  for (guint i = 0; memberships != NULL && i < memberships->len; i++)
    {
      LlMembership *m = g_ptr_array_index (memberships, i);

      if (ll_membership_get_station_id (m) == station_id)
        return ll_membership_get_id (m);
    }
  return 0;
}

static LlBoardDrag *
cards_at (gint64 station_id,
          gint64 person_id)
{
  g_autofree char *key = key_of (station_id);
  gint64 id = membership_at (person_id, station_id);

  g_assert_cmpint (id, !=, 0);
  return ll_board_drag_new (key, &id, 1);
}

static gboolean
column_loaded (gpointer data)
{
  return ll_board_get_column_model (board (), data) != NULL;
}

/* Scrolls to a column and waits for its cards: the board asks for them
 * just after the frame that shows the column. */
static GListModel *
shown_column (const char *key)
{
  ll_board_scroll_to_column (board (), key);
  g_assert_true (ll_test_gui_wait (column_loaded, (gpointer) key, 5000));
  return ll_board_get_column_model (board (), key);
}

/* Whether the board's column shows the person (its model as the user
 * sees it). */
static gboolean
column_shows (const char *key,
              gint64      person_id)
{
  GListModel *model = shown_column (key);

  if (model == NULL)
    return FALSE;
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (LL_IS_MEMBERSHIP (item) && ll_membership_get_person_id (LL_MEMBERSHIP (item)) == person_id)
        return TRUE;
      if (LL_IS_PERSON (item) && ll_person_get_id (LL_PERSON (item)) == person_id)
        return TRUE;
    }
  return FALSE;
}

static guint
column_count (const char *key)
{
  GListModel *columns = ll_board_get_columns (board ());

  shown_column (key);
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (ll_board_column_get_key (column), key) == 0)
        return ll_board_column_get_count (column);
    }
  g_assert_not_reached ();
}

/* The error dialog's text, closing it; NULL when none is shown. */
static char *
take_dialog (void)
{
  GtkWindow *dialog;
  char *body;

  ll_test_gui_spin (100);
  dialog = ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog == NULL)
    return NULL;
  body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)));
  gtk_window_destroy (dialog);
  ll_test_gui_spin (100);
  return body;
}

/* Tests --------------------------------------------------------------------- */

static gboolean
has_selection (gpointer data)
{
  g_autoptr(LlBoardDrag) selection = ll_board_get_selection (board ());

  return ll_board_drag_get_n_ids (selection) > 0
         && g_strcmp0 (ll_board_drag_get_source_key (selection), data) == 0;
}


static void
test_columns (void)
{
  g_autofree char *east_key = key_of (east);

  show_board ();
  /* Not stationed first, then the stations by name. */
  g_assert_cmpuint (g_list_model_get_n_items (ll_board_get_columns (board ())), ==, 4);
  g_assert_cmpuint (column_count (LL_STATIONING_UNASSIGNED), ==, 1);
  g_assert_cmpuint (column_count (east_key), ==, 3);
  g_assert_true (ll_board_get_editable (board ()));
}

static void
test_move_and_undo (void)
{
  gint64 wang = make_person ("王建国", "deputy", "city", east);
  g_autofree char *west_key = key_of (west);
  g_autofree char *east_key = key_of (east);
  g_autofree char *where = NULL;
  g_autoptr(LlBoardDrag) drag = NULL;
  gboolean handled = FALSE;

  show_board ();
  drag = cards_at (east, wang);
  /* The board's own drop signal, as a pointer drop emits it. */
  g_signal_emit_by_name (board (), "drop", west_key, drag, GDK_ACTION_MOVE, &handled);
  g_assert_true (handled);
  g_assert_null (take_dialog ());

  where = stations_of (wang);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", west));
  /* Shown at once, without waiting for the database's poll. */
  g_assert_true (column_shows (west_key, wang));
  g_assert_false (column_shows (east_key, wang));
  g_assert_cmpuint (column_count (west_key), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stationing ()), "stationing.undo", NULL));
  g_clear_pointer (&where, g_free);
  where = stations_of (wang);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", east));
  g_assert_true (column_shows (east_key, wang));
  g_assert_false (column_shows (west_key, wang));
  g_assert_cmpuint (column_count (west_key), ==, 0);
}

static void
test_copy_rules (void)
{
  gint64 li = make_person ("李秀英", "deputy", "county", east);
  gint64 zhao = make_person ("赵警官", "police_officer", NULL, east);
  g_autofree char *south_key = key_of (south);
  g_autofree char *where = NULL;
  g_autofree char *message = NULL;
  g_autoptr(LlBoardDrag) deputy = NULL;
  g_autoptr(LlBoardDrag) officer = NULL;

  show_board ();

  /* A deputy has one station: copying is refused, with the reason. */
  deputy = cards_at (east, li);
  g_assert_false (ll_stationing_board_move (stationing (), south_key, deputy, TRUE));
  message = take_dialog ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "李秀英"));
  where = stations_of (li);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", east));

  /* 三官一员 may serve several stations: a copy keeps the first. */
  officer = cards_at (east, zhao);
  g_assert_true (ll_stationing_board_move (stationing (), south_key, officer, TRUE));
  g_assert_null (take_dialog ());
  g_clear_pointer (&where, g_free);
  where = stations_of (zhao);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*,%" G_GINT64_FORMAT,
                                               east, south));
  g_assert_true (column_shows (south_key, zhao));
}

static void
test_unassigned (void)
{
  gint64 sun = make_person ("孙丽", "deputy", "township", 0);
  g_autofree char *west_key = key_of (west);
  g_autofree char *where = NULL;
  g_autoptr(LlBoardDrag) drag = ll_board_drag_new (LL_STATIONING_UNASSIGNED, &sun, 1);
  g_autoptr(LlBoardDrag) back = NULL;

  show_board ();
  g_assert_true (ll_stationing_board_move (stationing (), west_key, drag, FALSE));
  where = stations_of (sun);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", west));
  g_assert_true (column_shows (west_key, sun));

  /* Dropping on “Not Stationed” is refused with the way to do it. */
  back = cards_at (west, sun);
  g_assert_false (ll_stationing_board_move (stationing (), LL_STATIONING_UNASSIGNED, back, FALSE));
  g_free (take_dialog ());
  g_clear_pointer (&where, g_free);
  where = stations_of (sun);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", west));
}

/* A deputy dropped on a station while stationed elsewhere moves there:
 * still one primary station. */
static void
test_deputy_second_station_moves (void)
{
  gint64 zhou = make_person ("周敏", "deputy", "provincial", east);
  g_autofree char *south_key = key_of (south);
  g_autofree char *where = NULL;
  g_autoptr(LlBoardDrag) drag = ll_board_drag_new (LL_STATIONING_UNASSIGNED, &zhou, 1);

  show_board ();
  /* As if the card were still shown as not stationed: no source station. */
  g_assert_true (ll_stationing_board_move (stationing (), south_key, drag, FALSE));
  where = stations_of (zhou);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", south));
}

static void
test_one_head (void)
{
  gint64 qian = make_person ("钱志强", "deputy", "city", west);
  gint64 wu = make_person ("吴芳", "observer", NULL, west);
  g_autofree char *west_key = key_of (west);
  g_autofree char *message = NULL;
  g_autoptr(LlMembership) head = NULL;
  g_autoptr(LlMembership) other = NULL;

  show_board ();
  g_assert_true (ll_board_select_card (board (), west_key, membership_at (qian, west)));
  g_assert_true (ll_test_gui_wait (has_selection, west_key, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stationing ()), "stationing.set-role",
                                             "s", "head"));
  g_assert_null (take_dialog ());
  head = ll_membership_store_get (db (), membership_at (qian, west), NULL);
  g_assert_cmpstr (ll_membership_get_station_role (head), ==, "head");

  /* A second head is refused, and says why. */
  g_assert_true (ll_board_select_card (board (), west_key, membership_at (wu, west)));
  ll_test_gui_spin (200);
  g_assert_true (ll_test_gui_wait (has_selection, west_key, 5000));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (stationing ()), "stationing.set-role",
                                             "s", "head"));
  message = take_dialog ();
  g_assert_nonnull (message);
  other = ll_membership_store_get (db (), membership_at (wu, west), NULL);
  g_assert_cmpstr (ll_membership_get_station_role (other), ==, "member");
}

/* A colleague moved the card first: the drop says so and shows where
 * the person is now. */
static void
test_conflict (void)
{
  gint64 zheng = make_person ("郑海", "deputy", "county", east);
  g_autofree char *west_key = key_of (west);
  g_autofree char *south_key = key_of (south);
  g_autofree char *message = NULL;
  g_autofree char *where = NULL;
  g_autoptr(LlBoardDrag) stale = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlBoardDrag) selection = NULL;

  show_board ();
  stale = cards_at (east, zheng);
  g_assert_true (ll_membership_store_move_many (colleague, &zheng, 1, east, south, FALSE,
                                                &snapshot, &error));
  g_assert_no_error (error);

  g_assert_false (ll_stationing_board_move (stationing (), west_key, stale, FALSE));
  message = take_dialog ();
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "郑海"));
  where = stations_of (zheng);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", south));

  g_assert_true (ll_test_gui_wait (has_selection, south_key, 5000));
  selection = ll_board_get_selection (board ());
  g_assert_cmpstr (ll_board_drag_get_source_key (selection), ==, south_key);
  g_assert_cmpuint (ll_board_drag_get_n_ids (selection), ==, 1);
  g_assert_cmpint (ll_board_drag_get_ids (selection, NULL)[0], ==, membership_at (zheng, south));
}

static gboolean
shows_person (gpointer data)
{
  const gint64 *args = data;
  g_autofree char *key = key_of (args[0]);

  return column_shows (key, args[1]);
}

/* Another machine's move appears without a restart. */
static void
test_colleague_move_appears (void)
{
  gint64 feng = make_person ("冯雪", "deputy", "national", east);
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  g_autoptr(GError) error = NULL;
  gint64 args[2] = { west, feng };

  show_board ();
  ll_test_gui_spin (500);
  g_assert_true (ll_membership_store_move_many (colleague, &feng, 1, east, west, FALSE,
                                                &snapshot, &error));
  g_assert_no_error (error);
  g_assert_true (ll_test_gui_wait (shows_person, args, 5000));
}

static void
test_balance (void)
{
  guint all;

  show_board ();
  ll_stationing_board_show_balance (stationing (), TRUE);
  ll_test_gui_spin (200);
  all = ll_stationing_board_get_balance (stationing (), east, NULL);
  g_assert_cmpuint (all, >, 0);
  g_assert_cmpuint (ll_stationing_board_get_balance (stationing (), east, "county")
                    + ll_stationing_board_get_balance (stationing (), east, "city")
                    + ll_stationing_board_get_balance (stationing (), east, "national")
                    + ll_stationing_board_get_balance (stationing (), east, "provincial")
                    + ll_stationing_board_get_balance (stationing (), east, "township"),
                    ==, all);
  ll_stationing_board_show_balance (stationing (), FALSE);
}

#ifdef GDK_WINDOWING_X11
static gboolean
pointer_to (GtkWidget  *widget,
            double      x,
            double      y,
            const char *command)
{
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;
  char id[32], sx[16], sy[16];

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                           &GRAPHENE_POINT_INIT (x, y), &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  g_snprintf (id, sizeof id, "%lu",
              (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_snprintf (sx, sizeof sx, "%d", (int) (point.x + dx));
  g_snprintf (sy, sizeof sy, "%d", (int) (point.y + dy));

  return ll_test_gui_xdotool ("mousemove", "--window", id, sx, sy, command, command ? "1" : NULL,
                              NULL);
}

static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root)
      && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
undo_button_shown (gpointer data)
{
  return find_button (GTK_WIDGET (main_window ()), "_Undo") != NULL;
}

static gboolean
card_placed (gpointer data)
{
  double *xy = data;
  g_autofree char *key = key_of (east);

  return ll_board_get_card_position (board (), key, (gint64) xy[2], &xy[0], &xy[1]);
}
#endif

/* A real pointer drag from one column to another, then Undo on the
 * toast, each checked in the database. */
static void
test_pointer_drag (void)
{
#ifdef GDK_WINDOWING_X11
  gint64 he = make_person ("何静", "deputy", "township", east);
  g_autofree char *east_key = key_of (east);
  g_autofree char *west_key = key_of (west);
  g_autofree char *where = NULL;
  GtkWidget *target;
  GtkWidget *undo;
  double xy[3] = { 0, 0, 0 };

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("No X11 display");
      return;
    }

  show_board ();
  gtk_window_present (GTK_WINDOW (main_window ()));
  ll_test_gui_spin (300);
  xy[2] = (double) membership_at (he, east);
  g_assert_true (ll_board_select_card (board (), east_key, membership_at (he, east)));
  g_assert_true (ll_test_gui_wait (card_placed, xy, 3000));
  target = ll_board_get_column_widget (board (), west_key);
  g_assert_nonnull (target);

  g_assert_true (pointer_to (GTK_WIDGET (board ()), xy[0], xy[1], NULL));
  ll_test_gui_spin (100);
  g_assert_true (pointer_to (GTK_WIDGET (board ()), xy[0], xy[1], "mousedown"));
  ll_test_gui_spin (100);
  for (int step = 1; step <= 6; step++)
    {
      g_assert_true (pointer_to (GTK_WIDGET (board ()), xy[0] + step * 8, xy[1] + step * 6,
                                 NULL));
      ll_test_gui_spin (60);
    }
  for (int step = 0; step < 4; step++)
    {
      g_assert_true (pointer_to (target, 100 + step * 4, 200 + step * 4, NULL));
      ll_test_gui_spin (100);
    }
  /* While dragging, the legal target is highlighted. */
  g_assert_nonnull (ll_board_get_current_drag (board ()));
  g_assert_true (gtk_widget_has_css_class (target, "drop-allowed")
                 || gtk_widget_has_css_class (target, "drop-hover"));
  g_assert_true (pointer_to (target, 112, 212, "mouseup"));
  ll_test_gui_spin (400);

  where = stations_of (he);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", west));
  g_assert_true (column_shows (west_key, he));
  g_assert_false (gtk_widget_has_css_class (target, "drop-allowed"));

  /* Undo from the toast, with the pointer. */
  g_assert_true (ll_test_gui_wait (undo_button_shown, NULL, 3000));
  undo = find_button (GTK_WIDGET (main_window ()), "_Undo");
  g_assert_true (pointer_to (undo, gtk_widget_get_width (undo) / 2.0,
                             gtk_widget_get_height (undo) / 2.0, "click"));
  ll_test_gui_spin (400);
  g_clear_pointer (&where, g_free);
  where = stations_of (he);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", east));
  g_assert_true (column_shows (east_key, he));
#else
  g_test_skip ("Built without X11");
#endif
}

/* A read-only file: nothing can be moved. */
static void
test_read_only (void)
{
  gint64 lin = make_person ("林涛", "deputy", "city", east);
  g_autofree char *west_key = key_of (west);
  g_autofree char *where = NULL;
  g_autoptr(LlBoardDrag) drag = NULL;
  GtkWidget *move = ll_test_gui_find_widget (GTK_WIDGET (stationing ()), GTK_TYPE_MENU_BUTTON,
                                             "stationing-move");

  show_board ();
  drag = cards_at (east, lin);
  ll_stationing_board_set_editable (stationing (), FALSE);
  g_assert_false (ll_board_get_editable (board ()));
  g_assert_nonnull (move);
  g_assert_false (gtk_widget_get_sensitive (move));
  g_assert_false (ll_stationing_board_move (stationing (), west_key, drag, FALSE));
  where = stations_of (lin);
  g_assert_cmpstr (where, ==, g_strdup_printf ("%" G_GINT64_FORMAT "*", east));
  ll_stationing_board_set_editable (stationing (), TRUE);
  g_assert_true (gtk_widget_get_sensitive (move));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ll_test_gui_init (&argc, &argv);
  g_main_context_acquire (g_main_context_default ());
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague = ll_database_open (ll_database_get_path (db ()), LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);
  ll_database_set_poll_interval (db (), 300);

  east = make_station ("东湖街道人大代表联络站");
  west = make_station ("西湖社区人大代表联络站");
  south = make_station ("南湖人大代表之家");
  make_person ("陈东", "deputy", "county", east);
  make_person ("刘一", "voter_representative", NULL, east);
  make_person ("韩梅", "observer", NULL, east);
  make_person ("未编组", "deputy", "township", 0);

  g_test_add_func ("/stationing/columns", test_columns);
  g_test_add_func ("/stationing/move-and-undo", test_move_and_undo);
  g_test_add_func ("/stationing/copy-rules", test_copy_rules);
  g_test_add_func ("/stationing/unassigned", test_unassigned);
  g_test_add_func ("/stationing/deputy-second-station-moves", test_deputy_second_station_moves);
  g_test_add_func ("/stationing/one-head", test_one_head);
  g_test_add_func ("/stationing/conflict", test_conflict);
  g_test_add_func ("/stationing/colleague-move-appears", test_colleague_move_appears);
  g_test_add_func ("/stationing/balance", test_balance);
  g_test_add_func ("/stationing/pointer-drag", test_pointer_drag);
  g_test_add_func ("/stationing/read-only", test_read_only);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  return ret;
}

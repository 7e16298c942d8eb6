/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-stations-page"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ll-banner.h"
#include "ll-database.h"
#include "ll-membership-store.h"
#include "ll-page.h"
#include "ll-person-store.h"
#include "ll-record-form.h"
#include "ll-station-detail.h"
#include "ll-station-move-dialog.h"
#include "ll-station-node.h"
#include "ll-station-store.h"
#include "ll-stations-page.h"
#include "ll-test-gui.h"

#ifdef GDK_WINDOWING_X11
# include <gdk/x11/gdkx.h>
#endif

/* The Stations page through the real window: what a user sees in the
 * tree and the detail pane while they create, edit, move, archive and
 * delete stations, and while a colleague on another machine changes the
 * same file. */

static LlApplication *app;
static LlWindow *window;
static LlDatabase *colleague;

/* Ids the tests share, in the order they are made. */
static gint64 home_id;      /* 东湖街道人大代表之家 */
static gint64 point_id;     /* 东湖社区联络点, under the home, then moved */
static gint64 station_id;   /* 西湖 Lakeside 联络站, top level */

/* Helpers ------------------------------------------------------------------ */

static LlStationsPage *
page (void)
{
  GtkWidget *found = ll_test_gui_find_widget (GTK_WIDGET (window), LL_TYPE_STATIONS_PAGE, NULL);

  g_assert_nonnull (found);
  return LL_STATIONS_PAGE (found);
}

static LlStationDetail *
detail (void)
{
  GtkWidget *found = ll_test_gui_find_widget (GTK_WIDGET (page ()), LL_TYPE_STATION_DETAIL, NULL);

  g_assert_nonnull (found);
  return LL_STATION_DETAIL (found);
}

static LlRecordForm *
form (void)
{
  return ll_station_detail_get_form (detail ());
}

static GtkListView *
tree (void)
{
  GtkWidget *found = ll_test_gui_find_widget (GTK_WIDGET (page ()), GTK_TYPE_LIST_VIEW,
                                              "station-tree");

  g_assert_nonnull (found);
  return GTK_LIST_VIEW (found);
}

static GtkWidget *
named (GtkWidget  *root,
       GType       type,
       const char *name)
{
  GtkWidget *found = ll_test_gui_find_widget (root, type, name);

  g_assert_nonnull (found);
  return found;
}

static GtkEditable *
entry (const char *property)
{
  GtkWidget *row = ll_record_form_get_row (form (), property);

  g_assert_true (ADW_IS_ENTRY_ROW (row));
  return GTK_EDITABLE (row);
}

static const char *
detail_title (void)
{
  return gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (detail ()), GTK_TYPE_LABEL,
                                               "station-title")));
}

static gboolean
action_enabled (const char *action)
{
  const char *button = g_str_equal (action, "stations.save") ? "save" : "revert";

  /* What the user sees: the button follows the action. */
  return gtk_widget_get_sensitive (named (GTK_WIDGET (detail ()), GTK_TYPE_BUTTON, button));
}

/* The rows the tree shows: position → node. */
static LlStationNode *
row_node (guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (tree ()));
  g_autoptr(GtkTreeListRow) row = g_list_model_get_item (model, position);
  LlStationNode *node = gtk_tree_list_row_get_item (row);

  g_object_unref (node);
  return node;
}

static guint
n_rows (void)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (tree ())));
}

/* The position of the row showing @name, or -1. */
static int
find_row (const char *name)
{
  for (guint i = 0; i < n_rows (); i++)
    if (g_strcmp0 (ll_station_get_name (ll_station_node_get_station (row_node (i))), name) == 0)
      return (int) i;

  return -1;
}

static int
row_of_id (gint64 id)
{
  for (guint i = 0; i < n_rows (); i++)
    if (ll_station_node_get_id (row_node (i)) == id)
      return (int) i;

  return -1;
}

static GtkTreeListRow *
tree_row (guint position)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (tree ()));
  GtkTreeListRow *row = g_list_model_get_item (model, position);

  g_object_unref (row);
  return row;
}

/* The station whose row holds @position's row, or 0 at the top. */
static gint64
row_parent_id (guint position)
{
  g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (tree_row (position));
  g_autoptr(LlStationNode) node = NULL;

  if (parent == NULL)
    return 0;

  node = gtk_tree_list_row_get_item (parent);
  return ll_station_node_get_id (node);
}

static gint64
selected_id (void)
{
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (tree ()));
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (selection);
  g_autoptr(LlStationNode) node = NULL;

  if (row == NULL)
    return 0;

  node = gtk_tree_list_row_get_item (row);
  return ll_station_node_get_id (node);
}

static LlStation *
stored (gint64 id)
{
  g_autoptr(GError) error = NULL;
  LlStation *station = ll_station_store_get (colleague, id, &error);

  g_assert_no_error (error);
  return station;
}

static gboolean
exists (gint64 id)
{
  g_autoptr(LlStation) station = ll_station_store_get (colleague, id, NULL);

  return station != NULL;
}

static gboolean
activate (const char *action)
{
  return gtk_widget_activate_action (GTK_WIDGET (page ()), action, NULL);
}

/* Clicks the row as a user does, with the pointer. */
static gboolean
click_widget (GtkWidget *widget)
{
#ifdef GDK_WINDOWING_X11
  GtkNative *native = gtk_widget_get_native (widget);
  graphene_point_t point;
  double dx, dy;
  char id[32], x[16], y[16];

  if (!ll_test_gui_have_x11 () || native == NULL)
    return FALSE;

  if (!gtk_widget_compute_point (widget, GTK_WIDGET (native),
                                 &GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.f,
                                                       gtk_widget_get_height (widget) / 2.f),
                                 &point))
    return FALSE;

  gtk_native_get_surface_transform (native, &dx, &dy);
  g_snprintf (id, sizeof id, "%lu",
              (unsigned long) gdk_x11_surface_get_xid (gtk_native_get_surface (native)));
  g_snprintf (x, sizeof x, "%d", (int) (point.x + dx));
  g_snprintf (y, sizeof y, "%d", (int) (point.y + dy));
  /* The pointer arrives first, as a hand moves before it clicks: GTK
   * sees the window entered before the button goes down. */
  if (!ll_test_gui_xdotool ("mousemove", "--window", id, x, y, NULL))
    return FALSE;
  ll_test_gui_spin (100);
  return ll_test_gui_xdotool ("click", "1", NULL);
#else
  return FALSE;
#endif
}

typedef struct {
  gint64      id;
  const char *name;
} RowSearch;

static void
find_row_widget_in (GtkWidget  *widget,
                    RowSearch  *search,
                    GtkWidget **found)
{
  if (*found != NULL)
    return;

  /* The widget showing the row now: the list keeps others for reuse. */
  if (GTK_IS_TREE_EXPANDER (widget) && row_of_id (search->id) >= 0 &&
      gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (widget)) ==
      tree_row ((guint) row_of_id (search->id)))
    {
      *found = widget;
      return;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    find_row_widget_in (child, search, found);
}

static GtkWidget *
row_widget (gint64 id)
{
  RowSearch search = { id, NULL };
  GtkWidget *found = NULL;

  find_row_widget_in (GTK_WIDGET (tree ()), &search, &found);
  return found;
}

static gboolean
row_widget_shown (gpointer data)
{
  GtkWidget *widget = row_widget (*(gint64 *) data);

  return widget != NULL && gtk_widget_get_mapped (widget) && gtk_widget_get_height (widget) > 0;
}

/* Selects a row by clicking it when there is an X display, else as the
 * selection model would. */
static void
choose (gint64 id)
{
  int position = row_of_id (id);

  g_assert_cmpint (position, >=, 0);
  gtk_widget_activate_action (GTK_WIDGET (tree ()), "list.scroll-to-item", "u", (guint) position);

  /* Let the list lay out its rows before aiming at one. */
  ll_test_gui_spin (150);
  if (ll_test_gui_have_x11 () && ll_test_gui_wait (row_widget_shown, &id, 2000))
    {
      g_assert_true (click_widget (row_widget (id)));
      ll_test_gui_spin (50);
    }
  else
    {
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (tree ())),
                                         (guint) position);
    }
}

static gboolean
shows_station (gpointer data)
{
  return ll_station_detail_get_station_id (detail ()) == *(gint64 *) data &&
         selected_id () == *(gint64 *) data;
}

static void
choose_and_wait (gint64 id)
{
  choose (id);
  g_assert_true (ll_test_gui_wait (shows_station, &id, 3000));
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_mapped (root) &&
      g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_labelled (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
undo_shown (gpointer data)
{
  return find_button_labelled (GTK_WIDGET (window), "_Undo") != NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  GtkWindow *dialog = ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
row_named_selected (gpointer data)
{
  int position = find_row (data);

  return position >= 0 && ll_station_node_get_id (row_node ((guint) position)) == selected_id ();
}

static gboolean
detail_is_new (gpointer data)
{
  return ll_station_detail_get_is_new (detail ());
}

/* A new station through the page's action and its form; the tree shows
 * it, selected, once it is read again. */
static void
new_station (const char *action,
             const char *name,
             const char *kind)
{
  GtkWidget *kind_row;

  /* The first one with the page's shortcut, as from the keyboard. */
  if (g_str_equal (action, "stations.new") && ll_test_gui_have_x11 () && home_id == 0)
    {
      gtk_widget_grab_focus (named (GTK_WIDGET (page ()), GTK_TYPE_SEARCH_ENTRY,
                                    "station-search"));
      g_assert_true (ll_test_gui_xdotool ("key", "ctrl+shift+s", NULL));
      g_assert_true (ll_test_gui_wait (detail_is_new, NULL, 2000));
    }
  else
    {
      g_assert_true (activate (action));
    }
  g_assert_true (ll_station_detail_get_is_new (detail ()));
  g_assert_cmpstr (detail_title (), ==, "New Station");

  gtk_editable_set_text (entry ("name"), name);
  kind_row = ll_record_form_get_row (form (), "kind");
  adw_combo_row_set_selected (ADW_COMBO_ROW (kind_row),
                              (guint) ll_enum_find (LL_ENUM_STATION_KIND, kind));
  g_assert_true (action_enabled ("stations.save"));
  g_assert_true (activate ("stations.save"));
  g_assert_true (ll_test_gui_wait (row_named_selected, (gpointer) name, 5000));
}

/* Tests -------------------------------------------------------------------- */

static gboolean
list_shows (gpointer data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_ancestor (GTK_WIDGET (tree ()), GTK_TYPE_STACK));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), data) == 0;
}

static void
test_empty_state (void)
{
  /* A new file: the page says there is nothing yet and offers to add. */
  g_assert_true (ll_test_gui_wait (list_shows, (gpointer) "empty", 5000));
  g_assert_cmpuint (n_rows (), ==, 0);
}

static void
test_create_station_and_point (void)
{
  int position;

  new_station ("stations.new", "东湖街道人大代表之家", "home");
  position = find_row ("东湖街道人大代表之家");
  g_assert_cmpint (position, >=, 0);
  home_id = ll_station_node_get_id (row_node ((guint) position));
  g_assert_cmpint (selected_id (), ==, home_id);
  g_assert_cmpstr (detail_title (), ==, "东湖街道人大代表之家");
  g_assert_false (ll_station_detail_get_is_new (detail ()));
  {
    g_autoptr(LlStation) home = stored (home_id);
    g_assert_cmpstr (ll_station_get_kind (home), ==, "home");
  }

  /* A point under it: the tree shows it under the home, selected. */
  new_station ("stations.new-child", "东湖社区联络点", "point");
  position = find_row ("东湖社区联络点");
  g_assert_cmpint (position, >=, 0);
  point_id = ll_station_node_get_id (row_node ((guint) position));
  g_assert_cmpint (row_parent_id ((guint) position), ==, home_id);
  g_assert_cmpint (selected_id (), ==, point_id);
  {
    g_autoptr(LlStation) point = stored (point_id);
    g_assert_cmpint (ll_station_get_parent_id (point), ==, home_id);
  }

  new_station ("stations.new", "西湖 Lakeside 联络站", "station");
  station_id = selected_id ();
  g_assert_cmpint (station_id, !=, 0);
  g_assert_cmpint (row_parent_id ((guint) row_of_id (station_id)), ==, 0);
}

static gboolean
form_clean (gpointer data)
{
  return !ll_record_form_get_dirty (form ());
}

static void
test_edit_and_save (void)
{
  g_autoptr(LlStation) after = NULL;

  choose_and_wait (point_id);
  g_assert_false (action_enabled ("stations.save"));

  gtk_widget_grab_focus (GTK_WIDGET (entry ("address")));
  gtk_editable_set_text (entry ("address"), "东湖路12号");
  g_assert_true (action_enabled ("stations.save"));
  g_assert_true (action_enabled ("stations.revert"));

  /* Ctrl+S from the field, as a user saves. */
  if (ll_test_gui_have_x11 ())
    g_assert_true (ll_test_gui_xdotool ("key", "ctrl+s", NULL));
  else
    g_assert_true (activate ("stations.save"));
  g_assert_true (ll_test_gui_wait (form_clean, NULL, 3000));

  after = stored (point_id);
  g_assert_cmpstr (ll_station_get_address (after), ==, "东湖路12号");
  g_assert_false (action_enabled ("stations.save"));
}

typedef struct {
  gint64 id;
  gint64 parent_id;
} Placed;

static gboolean
row_placed (gpointer data)
{
  Placed *placed = data;
  int position = row_of_id (placed->id);

  return position >= 0 && row_parent_id ((guint) position) == placed->parent_id;
}

static gboolean
dialog_gone (gpointer data)
{
  return ll_test_gui_find_toplevel (LL_TYPE_STATION_MOVE_DIALOG) == NULL;
}

static LlStationMoveDialog *
open_move_dialog (void)
{
  GtkWindow *dialog;

  g_assert_true (activate ("stations.move"));
  dialog = ll_test_gui_find_toplevel (LL_TYPE_STATION_MOVE_DIALOG);
  g_assert_nonnull (dialog);
  return LL_STATION_MOVE_DIALOG (dialog);
}

static void
test_move_and_cycle (void)
{
  LlStationMoveDialog *dialog;
  g_autoptr(LlStation) after = NULL;
  GtkWidget *parent_row;
  GtkDropDown *dropdown;
  GListModel *choices;
  LlBanner *banner;

  /* Move To… the point: under the Lakeside station. */
  choose_and_wait (point_id);
  dialog = open_move_dialog ();
  g_assert_true (ll_station_move_dialog_select (dialog, station_id));
  g_assert_true (ll_station_move_dialog_move (dialog));
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 2000));

  after = stored (point_id);
  g_assert_cmpint (ll_station_get_parent_id (after), ==, station_id);
  g_assert_true (ll_test_gui_wait (row_placed, &(Placed) { point_id, station_id }, 5000));
  g_assert_cmpint (selected_id (), ==, point_id);
  g_assert_true (ll_test_gui_wait (undo_shown, NULL, 2000));

  /* The station under its own point: refused, and the dialog says why. */
  choose_and_wait (station_id);
  dialog = open_move_dialog ();
  g_assert_true (ll_station_move_dialog_select (dialog, point_id));
  g_assert_false (ll_station_move_dialog_move (dialog));
  g_test_message ("refused: %s", ll_station_move_dialog_get_error (dialog));
  g_assert_nonnull (strstr (ll_station_move_dialog_get_error (dialog), "under itself"));
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 2000));
  g_clear_object (&after);
  after = stored (station_id);
  g_assert_cmpint (ll_station_get_parent_id (after), ==, 0);

  /* The same through the form's “Belongs to”: the form says why and
   * keeps the choice. */
  parent_row = ll_record_form_get_row (form (), "parent-id");
  dropdown = GTK_DROP_DOWN (named (parent_row, GTK_TYPE_DROP_DOWN, NULL));
  choices = gtk_drop_down_get_model (dropdown);
  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (choices, i);
      gint64 id;

      g_object_get (choice, "id", &id, NULL);
      if (id == point_id)
        gtk_drop_down_set_selected (dropdown, i);
    }
  g_assert_true (ll_record_form_get_dirty (form ()));
  g_assert_false (ll_station_detail_save (detail ()));
  banner = LL_BANNER (named (GTK_WIDGET (form ()), LL_TYPE_BANNER, NULL));
  g_assert_true (ll_banner_get_revealed (banner));
  g_assert_nonnull (strstr (ll_banner_get_title (banner), "under itself"));
  g_assert_true (ll_record_form_get_dirty (form ()));
  g_clear_object (&after);
  after = stored (station_id);
  g_assert_cmpint (ll_station_get_parent_id (after), ==, 0);

  g_assert_true (activate ("stations.revert"));
  g_assert_false (ll_record_form_get_dirty (form ()));
}

static gboolean
row_gone (gpointer data)
{
  return row_of_id (*(gint64 *) data) < 0;
}

static gboolean
row_back (gpointer data)
{
  return row_of_id (*(gint64 *) data) >= 0;
}

static gboolean
no_undo_shown (gpointer data)
{
  return !undo_shown (NULL);
}

/* Closes the toasts left from earlier steps. A toast being hidden (its
 * Undo was clicked) is left to finish: closing it twice is not what a
 * user can do. */
static void
dismiss_toasts (void)
{
  while (!ll_test_gui_wait (no_undo_shown, NULL, 1000))
    {
      GtkWidget *undo = find_button_labelled (GTK_WIDGET (window), "_Undo");
      GtkWidget *toast = gtk_widget_get_parent (undo);
      GtkWidget *close = NULL;

      for (GtkWidget *child = gtk_widget_get_first_child (toast); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        if (GTK_IS_BUTTON (child) && child != undo)
          close = child;
      g_assert_nonnull (close);
      g_signal_emit_by_name (close, "clicked");
      g_assert_true (ll_test_gui_wait (no_undo_shown, NULL, 3000));
    }
}

static void
test_archive_with_undo (void)
{
  g_autoptr(LlStation) after = NULL;
  GtkWidget *undo;

  dismiss_toasts ();
  choose_and_wait (point_id);

  /* Delete on the tree archives, as the window's shortcuts say. */
  if (ll_test_gui_have_x11 ())
    {
      gtk_widget_grab_focus (row_widget (point_id));
      g_assert_true (ll_test_gui_xdotool ("key", "Delete", NULL));
    }
  else
    {
      g_assert_true (ll_page_archive_selection (LL_PAGE (page ())));
    }
  g_assert_true (ll_test_gui_wait (row_gone, &point_id, 3000));

  after = stored (point_id);
  g_assert_false (ll_station_get_active (after));
  g_assert_true (ll_test_gui_wait (undo_shown, NULL, 2000));

  undo = find_button_labelled (GTK_WIDGET (window), "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (ll_test_gui_wait (row_back, &point_id, 3000));
  g_clear_object (&after);
  after = stored (point_id);
  g_assert_true (ll_station_get_active (after));
  g_assert_cmpint (row_parent_id ((guint) row_of_id (point_id)), ==, station_id);
  g_assert_true (ll_test_gui_wait (shows_station, &point_id, 3000));
}

static void
test_delete_refused (void)
{
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(LlMembership) membership = NULL;
  g_autoptr(GError) error = NULL;
  AdwMessageDialog *dialog;
  const char *body;

  dismiss_toasts ();

  /* A deputy stationed at the home, registered on another machine. */
  ll_person_set_name (person, "王晓鹃");
  g_assert_true (ll_person_store_create (colleague, person, &error));
  g_assert_no_error (error);
  membership = ll_membership_store_assign (colleague, ll_person_get_id (person), home_id, "head",
                                           FALSE, &error);
  g_assert_no_error (error);
  ll_database_poll_changes (ll_window_get_database (window));

  choose_and_wait (home_id);
  g_assert_true (activate ("stations.delete"));
  g_assert_true (ll_test_gui_wait (message_dialog_shown, NULL, 3000));

  dialog = ADW_MESSAGE_DIALOG (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  body = adw_message_dialog_get_body (dialog);
  g_test_message ("refused: %s", body);
  g_assert_nonnull (strstr (body, "still has 1 person"));
  g_assert_nonnull (strstr (body, "archive it instead"));
  adw_message_dialog_response (dialog, "close");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (exists (home_id));
  g_assert_cmpint (row_of_id (home_id), >=, 0);
  g_assert_false (undo_shown (NULL));
}

static gboolean
gone_from_database (gpointer data)
{
  return !exists (*(gint64 *) data);
}

static void
test_delete_with_undo (void)
{
  gint64 id;
  GtkWidget *undo;

  dismiss_toasts ();
  new_station ("stations.new", "临时登记的联络站", "station");
  id = selected_id ();
  g_assert_cmpint (id, !=, 0);

  /* Deleted from view at once; in the file until the toast goes. */
  g_assert_true (activate ("stations.delete"));
  g_assert_true (ll_test_gui_wait (row_gone, &id, 2000));
  g_assert_true (ll_test_gui_wait (undo_shown, NULL, 2000));
  g_assert_true (exists (id));

  undo = find_button_labelled (GTK_WIDGET (window), "_Undo");
  g_signal_emit_by_name (undo, "clicked");
  g_assert_true (ll_test_gui_wait (row_back, &id, 2000));
  ll_test_gui_spin (300);
  g_assert_true (exists (id));
  g_assert_cmpint (selected_id (), ==, id);

  /* Without Undo: done once the toast is gone. */
  g_assert_true (activate ("stations.delete"));
  g_assert_true (ll_test_gui_wait (row_gone, &id, 2000));
  g_assert_true (exists (id));
  dismiss_toasts ();
  g_assert_true (ll_test_gui_wait (gone_from_database, &id, 3000));
  g_assert_cmpint (row_of_id (id), <, 0);
}

static gboolean
row_named (gpointer data)
{
  return find_row (data) >= 0;
}

static gboolean
form_stale (gpointer data)
{
  return ll_record_form_get_stale (form ());
}

static void
test_colleague_changes (void)
{
  g_autoptr(LlStation) theirs = stored (point_id);
  g_autoptr(GError) error = NULL;
  GtkTreeListRow *station_row;

  dismiss_toasts ();
  choose_and_wait (point_id);
  station_row = tree_row ((guint) row_of_id (station_id));
  g_assert_true (gtk_tree_list_row_get_expanded (station_row));

  /* Another machine renames the point: the row and the pane follow,
   * the selection and the expanded rows stay. */
  ll_station_set_name (theirs, "东湖社区民情茶话亭");
  g_assert_true (ll_station_store_update (colleague, theirs, &error));
  g_assert_no_error (error);

  g_assert_true (ll_test_gui_wait (row_named, (gpointer) "东湖社区民情茶话亭", 5000));
  g_assert_cmpstr (detail_title (), ==, "东湖社区民情茶话亭");
  g_assert_cmpstr (gtk_editable_get_text (entry ("name")), ==, "东湖社区民情茶话亭");
  g_assert_cmpint (selected_id (), ==, point_id);
  g_assert_true (gtk_tree_list_row_get_expanded (tree_row ((guint) row_of_id (station_id))));

  /* An unsaved edit survives the next change, and the form says so. */
  gtk_editable_set_text (entry ("phone"), "0571-88886666");
  ll_station_set_reception_schedule (theirs, "每月18日民情恳谈会");
  g_assert_true (ll_station_store_update (colleague, theirs, &error));
  g_assert_no_error (error);

  g_assert_true (ll_test_gui_wait (form_stale, NULL, 5000));
  g_assert_cmpstr (gtk_editable_get_text (entry ("phone")), ==, "0571-88886666");
  g_assert_true (ll_record_form_get_dirty (form ()));
  g_assert_cmpint (selected_id (), ==, point_id);
  {
    LlBanner *banner = LL_BANNER (named (GTK_WIDGET (form ()), LL_TYPE_BANNER, NULL));
    g_assert_true (ll_banner_get_revealed (banner));
    g_assert_nonnull (strstr (ll_banner_get_title (banner), "Someone else changed"));
  }

  /* Reverting shows their version. */
  g_assert_true (activate ("stations.revert"));
  g_assert_false (ll_record_form_get_dirty (form ()));
  g_assert_cmpstr (gtk_editable_get_text (entry ("phone")), ==, "");
}

static gboolean
search_focused (gpointer data)
{
  GtkWidget *search = data;
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && (focus == search || gtk_widget_is_ancestor (focus, search));
}

static gboolean
only_lakeside (gpointer data)
{
  return find_row ("西湖 Lakeside 联络站") >= 0 && find_row ("东湖街道人大代表之家") < 0;
}

static gboolean
all_back (gpointer data)
{
  return find_row ("西湖 Lakeside 联络站") >= 0 && find_row ("东湖街道人大代表之家") >= 0;
}

static gboolean
no_results_shown (gpointer data)
{
  return list_shows ((gpointer) "no-results");
}

static void
test_search (void)
{
  GtkWidget *search = named (GTK_WIDGET (page ()), GTK_TYPE_SEARCH_ENTRY, "station-search");

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }

  dismiss_toasts ();

  /* Ctrl+F, then typing: the tree keeps the matches. */
  g_assert_true (ll_test_gui_xdotool ("key", "ctrl+f", NULL));
  g_assert_true (ll_test_gui_wait (search_focused, search, 2000));
  g_assert_true (ll_test_gui_xdotool ("type", "--delay", "30", "lake", NULL));
  g_assert_true (ll_test_gui_wait (only_lakeside, NULL, 3000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "lake");

  /* Nothing found: the page says so. */
  g_assert_true (ll_test_gui_xdotool ("type", "--delay", "30", "zzz", NULL));
  g_assert_true (ll_test_gui_wait (no_results_shown, NULL, 3000));

  /* Escape clears the search and the whole tree is back. */
  g_assert_true (ll_test_gui_xdotool ("key", "Escape", NULL));
  g_assert_true (ll_test_gui_wait (all_back, NULL, 3000));
}

/* Left closes the focused row, Right opens it, as in other trees. */
static void
test_keyboard_tree (void)
{
  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }

  dismiss_toasts ();
  choose_and_wait (station_id);
  g_assert_cmpint (row_of_id (point_id), >=, 0);

  g_assert_true (ll_test_gui_xdotool ("key", "Left", NULL));
  g_assert_true (ll_test_gui_wait (row_gone, &point_id, 2000));
  g_assert_cmpint (selected_id (), ==, station_id);

  g_assert_true (ll_test_gui_xdotool ("key", "Right", NULL));
  g_assert_true (ll_test_gui_wait (row_back, &point_id, 2000));

  /* Down goes to the point, and it is shown. */
  g_assert_true (ll_test_gui_xdotool ("key", "Down", NULL));
  g_assert_true (ll_test_gui_wait (shows_station, &point_id, 2000));
}

static void
test_read_only (void)
{
  LlPage *stations = LL_PAGE (page ());

  choose_and_wait (station_id);

  /* A read-only file: everything visible, nothing editable. */
  ll_page_set_editable (stations, FALSE);
  g_assert_false (gtk_widget_is_sensitive (named (named (GTK_WIDGET (page ()),
                                                        ADW_TYPE_SPLIT_BUTTON, "new-station"),
                                                  GTK_TYPE_BUTTON, NULL)));
  g_assert_false (gtk_editable_get_editable (entry ("name")));
  g_assert_false (action_enabled ("stations.save"));
  g_assert_false (ll_page_archive_selection (stations));
  g_assert_true (exists (station_id));
  g_assert_cmpint (row_of_id (station_id), >=, 0);
  g_assert_cmpstr (detail_title (), ==, "西湖 Lakeside 联络站");

  ll_page_set_editable (stations, TRUE);
  g_assert_true (gtk_editable_get_editable (entry ("name")));
}

/* A delete waiting on its toast is done when the window is closed. */
static void
test_delete_on_close (void)
{
  gint64 id;

  dismiss_toasts ();
  new_station ("stations.new", "关窗前删除的联络站", "station");
  id = selected_id ();
  g_assert_true (activate ("stations.delete"));
  g_assert_true (ll_test_gui_wait (row_gone, &id, 2000));
  g_assert_true (exists (id));

  /* What gtk_window_close() asks first; the window itself stays, so
   * that no other page is torn down by this test. */
  {
    gboolean stop = FALSE;

    g_signal_emit_by_name (window, "close-request", &stop);
  }
  g_assert_true (ll_test_gui_wait (gone_from_database, &id, 3000));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ll_test_gui_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  app = ll_test_gui_start ();
  window = LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  g_assert_nonnull (window);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  ll_test_gui_create_database ();
  ll_window_set_page (window, "stations");

  /* Changes from other machines are looked for every 200 ms. */
  ll_database_set_poll_interval (ll_window_get_database (window), 200);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague = ll_database_open (ll_database_get_path (ll_window_get_database (window)),
                                LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);
  ll_test_gui_spin (300);

  g_test_add_func ("/stations-page/empty-state", test_empty_state);
  g_test_add_func ("/stations-page/create-station-and-point", test_create_station_and_point);
  g_test_add_func ("/stations-page/edit-and-save", test_edit_and_save);
  g_test_add_func ("/stations-page/move-and-cycle", test_move_and_cycle);
  g_test_add_func ("/stations-page/archive-with-undo", test_archive_with_undo);
  g_test_add_func ("/stations-page/delete-refused", test_delete_refused);
  g_test_add_func ("/stations-page/delete-with-undo", test_delete_with_undo);
  g_test_add_func ("/stations-page/colleague-changes", test_colleague_changes);
  g_test_add_func ("/stations-page/search", test_search);
  g_test_add_func ("/stations-page/keyboard-tree", test_keyboard_tree);
  g_test_add_func ("/stations-page/read-only", test_read_only);
  /* Last: it asks the window to close. */
  g_test_add_func ("/stations-page/delete-on-close", test_delete_on_close);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  g_application_quit (G_APPLICATION (app));
  g_clear_object (&app);

  return ret;
}

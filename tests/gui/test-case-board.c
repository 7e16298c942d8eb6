/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-case-board"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-case-action-dialog.h"
#include "ll-case-board.h"
#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-cases-page.h"
#include "ll-database.h"
#include "ll-department-store.h"
#include "ll-enums.h"
#include "ll-page.h"
#include "ll-person-store.h"
#include "ll-query-model.h"
#include "ll-station-store.h"
#include "ll-test-gui.h"

#ifdef GDK_WINDOWING_X11
# include <gdk/x11/gdkx.h>
#endif

/* The case board of the Cases page in the real window: a move is the
 * workflow's step, with its dialog when it needs input; an illegal move
 * is refused with the workflow's reason; Cancel leaves the card; a drop
 * on a department assigns the case there; several cards move in one
 * step; a colleague's change meanwhile gives the conflict message; a
 * read-only file moves nothing; Ctrl+M lists the legal targets; and a
 * real pointer drag under Xvfb moves a card. */

#define TODAY "2025-06-30"

static LlApplication *app;
static LlWindow *window;
static LlCasesPage *page;
static LlCaseBoard *board;
static LlDatabase *db;          /* the window's */
static LlDatabase *colleague;   /* a second connection, “another machine” */

static gint64 station;
static gint64 housing;          /* 区住建局 */
static gint64 transport;        /* 区交通局 */
static gint64 deputy;

/* Data --------------------------------------------------------------------- */

static gint64
make_case (const char *title,
           const char *received_on,
           gboolean    fast_track)
{
  g_autoptr(LlCase) kase = ll_case_new ();
  g_autoptr(GError) error = NULL;

  ll_case_set_title (kase, title);
  ll_case_set_body (kase, "居民反映的具体情况，请有关部门核实处理。");
  ll_case_set_received_on (kase, received_on);
  ll_case_set_source (kase, "reception_day");
  ll_case_set_station_id (kase, station);
  ll_case_set_category (kase, "urban_construction");
  ll_case_set_fast_track (kase, fast_track);
  ll_case_set_constituent_name (kase, "王秀英");
  g_assert_true (ll_case_store_create (db, kase, &deputy, 1, &error));
  g_assert_no_error (error);
  return ll_case_get_id (kase);
}

static LlCase *
stored (LlDatabase *d,
        gint64      id)
{
  g_autoptr(GError) error = NULL;
  LlCase *kase = ll_case_store_get (d, id, &error);

  g_assert_no_error (error);
  return kase;
}

static gint64
assigned_case (const char *title,
               const char *deadline)
{
  gint64 id = make_case (title, "2025-06-01", FALSE);
  g_autoptr(LlCase) kase = stored (db, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_workflow_assign (db, kase, "department", housing, deadline,
                                          "2025-06-02", &error));
  g_assert_no_error (error);
  return id;
}

static gint64
make_department (const char *name)
{
  g_autoptr(LlDepartment) department = ll_department_new ();
  g_autoptr(GError) error = NULL;

  ll_department_set_name (department, name);
  g_assert_true (ll_department_store_create (db, department, &error));
  g_assert_no_error (error);
  return ll_department_get_id (department);
}

static void
make_data (void)
{
  g_autoptr(LlStation) s = ll_station_new ();
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(GError) error = NULL;

  ll_station_set_name (s, "东湖社区人大代表联络站");
  ll_station_set_kind (s, "station");
  g_assert_true (ll_station_store_create (db, s, &error));
  g_assert_no_error (error);
  station = ll_station_get_id (s);

  ll_person_set_name (person, "李建国");
  ll_person_set_role (person, "deputy");
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);
  deputy = ll_person_get_id (person);

  housing = make_department ("区住建局");
  transport = make_department ("区交通局");
}

/* Helpers ------------------------------------------------------------------ */

static GtkWidget *
find (gpointer    root,
      GType       type,
      const char *name)
{
  GtkWidget *widget = ll_test_gui_find_widget (GTK_WIDGET (root), type, name);

  g_assert_nonnull (widget);
  return widget;
}

static gboolean
board_idle (gpointer data)
{
  return !ll_case_board_get_loading (board) && !ll_cases_page_get_loading (page);
}

static void
wait_for_board (void)
{
  ll_test_gui_spin (100);
  g_assert_true (ll_test_gui_wait (board_idle, NULL, 10000));
  ll_test_gui_spin (50);
}

static guint
column_of (const char *status)
{
  guint column = ll_case_board_find_column (board, status, 0);

  g_assert_cmpuint (column, !=, G_MAXUINT);
  return column;
}

typedef struct
{
  guint  column;
  gint64 id;
} CardCheck;

static gboolean
column_has (gpointer data)
{
  CardCheck *check = data;
  LlQueryModel *model = ll_case_board_get_column_model (board, check->column);

  return model != NULL && !ll_query_model_get_loading (model) &&
         ll_query_model_get_position_of_id (model, check->id, NULL);
}

/* The board shows @id in the column of @status. */
static void
assert_in_column (gint64      id,
                  const char *status)
{
  CardCheck check = { column_of (status), id };
  LlQueryModel *model;

  if (ll_test_gui_wait (column_has, &check, 5000))
    return;

  model = ll_case_board_get_column_model (board, check.column);
  g_test_message ("Case %" G_GINT64_FORMAT " not in “%s”: %u cards, %s", id, status,
                  model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0,
                  model == NULL ? "no model"
                  : ll_query_model_get_loading (model) ? "loading" : "loaded");
  g_assert_not_reached ();
}

static void
move (gint64      id,
      const char *status)
{
  ll_case_board_move (board, &id, 1, column_of (status));
  ll_test_gui_spin (100);
}

static gboolean
dialog_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG) != NULL;
}

static gboolean
dialog_gone (gpointer data)
{
  return ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG) == NULL;
}

static LlCaseActionDialog *
wait_for_dialog (LlCaseAction action)
{
  LlCaseActionDialog *dialog;

  g_assert_true (ll_test_gui_wait (dialog_shown, NULL, 3000));
  ll_test_gui_spin (50);
  dialog = LL_CASE_ACTION_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));
  g_assert_cmpint (ll_case_action_dialog_get_action (dialog), ==, action);
  return dialog;
}

static void
confirm (LlCaseActionDialog *dialog)
{
  GtkWidget *button = find (dialog, GTK_TYPE_BUTTON, "confirm");

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 3000));
  ll_test_gui_spin (50);
}

static void
select_dropdown_id (GtkDropDown *dropdown,
                    gint64       id)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);
      gint64 item_id = 0;

      g_object_get (item, "id", &item_id, NULL);
      if (item_id == id)
        {
          gtk_drop_down_set_selected (dropdown, i);
          return;
        }
    }

  g_assert_not_reached ();
}

static gint64
dropdown_id (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

/* A label somewhere in the window (a toast) that says @text. */
static gboolean
find_label_text (GtkWidget  *widget,
                 const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      strstr (gtk_label_get_text (GTK_LABEL (widget)), text) != NULL)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (find_label_text (child, text))
      return TRUE;

  return FALSE;
}

static gboolean
toast_says (gpointer data)
{
  return find_label_text (GTK_WIDGET (window), data);
}

static void
show_board (LlCaseBoardGrouping grouping)
{
  GtkToggleButton *toggle = GTK_TOGGLE_BUTTON (find (page, GTK_TYPE_TOGGLE_BUTTON,
                                                     "case-view-board"));
  GtkWidget *stack = gtk_widget_get_ancestor (GTK_WIDGET (board), GTK_TYPE_STACK);

  ll_window_set_page (window, "cases");
  gtk_toggle_button_set_active (toggle, TRUE);
  ll_case_board_set_grouping (board, grouping);
  wait_for_board ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "board");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (board)));
}

/* Tests ------------------------------------------------------------------------ */

/* The columns are the workflow's states in order, each with its cards. */
static void
test_columns (void)
{
  const char * const *keys = ll_enum_get_keys (LL_ENUM_CASE_STATUS);
  gint64 fresh = make_case ("东湖小区老旧电梯需要更换", "2025-06-20", TRUE);
  gint64 late = assigned_case ("西湖路口缺少红绿灯", "2025-06-10");
  CardCheck check;
  GtkWidget *card;

  /* Behind the list, the board runs no queries. */
  ll_window_set_page (window, "cases");
  wait_for_board ();
  g_assert_false (gtk_widget_get_mapped (GTK_WIDGET (board)));
  g_assert_null (ll_case_board_get_column_model (board, 0));

  show_board (LL_CASE_BOARD_BY_STATUS);

  g_assert_cmpuint (ll_case_board_get_n_columns (board), ==, g_strv_length ((char **) keys));
  for (guint i = 0; keys[i] != NULL; i++)
    g_assert_cmpuint (column_of (keys[i]), ==, i);

  assert_in_column (fresh, "registered");
  assert_in_column (late, "assigned");
  check = (CardCheck) { column_of ("assigned"), fresh };
  g_assert_false (column_has (&check));

  /* The overdue card is marked, not by colour alone. */
  ll_case_board_scroll_to_column (board, column_of ("registered"));
  ll_test_gui_spin (200);
  card = ll_case_board_get_card_widget (board, late);
  g_assert_nonnull (card);
  g_assert_true (find_label_text (card, "2025-06-10"));
  g_assert_nonnull (gtk_widget_get_tooltip_text (find (card, GTK_TYPE_IMAGE, NULL)));
  g_assert_true (gtk_widget_get_visible (find (card, GTK_TYPE_IMAGE, NULL)));
  card = ll_case_board_get_card_widget (board, fresh);
  g_assert_nonnull (card);
  g_assert_true (find_label_text (card, _("Fast track")));
}

/* A drop on “Assigned” opens the Assign dialog; answered, the case is
 * assigned and its card moves. */
static void
test_drop_with_dialog (void)
{
  gint64 id = make_case ("社区卫生服务中心药品不全", "2025-06-21", FALSE);
  LlCaseActionDialog *dialog;
  g_autoptr(LlCase) after = NULL;

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "registered");

  move (id, "assigned");
  dialog = wait_for_dialog (LL_CASE_ACTION_ASSIGN);
  select_dropdown_id (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "department")),
                      transport);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "deadline")),
                         "2025-07-30");
  confirm (dialog);

  after = stored (db, id);
  g_assert_cmpstr (ll_case_get_status (after), ==, "assigned");
  g_assert_cmpint (ll_case_get_department_id (after), ==, transport);
  g_assert_cmpstr (ll_case_get_deadline (after), ==, "2025-07-30");
  assert_in_column (id, "assigned");
  g_assert_true (ll_test_gui_wait (toast_says, (gpointer) ll_case_get_serial (after), 3000));
}

/* A drop on a state the workflow does not allow is refused with its
 * reason; nothing changes. */
static void
test_illegal_refused (void)
{
  gint64 id = make_case ("学校周边交通拥堵", "2025-06-22", FALSE);
  g_autoptr(LlCase) before = stored (db, id);
  g_autoptr(LlCase) after = NULL;
  g_autofree char *reason = NULL;
  LlCaseAction action;

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "registered");

  g_assert_false (ll_case_workflow_action_for_status (before, "replied", &action, &reason));
  move (id, "replied");
  g_assert_true (ll_test_gui_wait (toast_says, reason, 3000));
  g_assert_null (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));

  after = stored (db, id);
  g_assert_cmpint (ll_case_get_version (after), ==, ll_case_get_version (before));
  g_assert_cmpstr (ll_case_get_status (after), ==, "registered");
  assert_in_column (id, "registered");
}

/* Cancel in the dialog leaves the card where it was. */
static void
test_cancel_leaves_card (void)
{
  gint64 id = assigned_case ("小区违章搭建", "2025-07-20");
  g_autoptr(LlCase) before = stored (db, id);
  g_autoptr(LlCase) after = NULL;
  LlCaseActionDialog *dialog;

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "assigned");

  move (id, "replied");
  dialog = wait_for_dialog (LL_CASE_ACTION_REPLY);
  g_signal_emit_by_name (find (dialog, GTK_TYPE_BUTTON, "cancel"), "clicked");
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 3000));
  wait_for_board ();

  after = stored (db, id);
  g_assert_cmpint (ll_case_get_version (after), ==, ll_case_get_version (before));
  g_assert_cmpstr (ll_case_get_status (after), ==, "assigned");
  assert_in_column (id, "assigned");
}

/* Grouped by department, a drop on a department opens Assign with that
 * department chosen; a case already with a department is refused. */
static void
test_department_assigns (void)
{
  gint64 id = make_case ("东湖菜市场环境脏乱", "2025-06-23", FALSE);
  gint64 taken = assigned_case ("东湖社区路灯不亮", "2025-07-25");
  guint column;
  LlCaseActionDialog *dialog;
  g_autoptr(LlCase) after = NULL;
  g_autoptr(LlCase) still = NULL;
  CardCheck check;

  show_board (LL_CASE_BOARD_BY_DEPARTMENT);
  g_assert_cmpuint (ll_case_board_get_n_columns (board), ==, 3);
  column = ll_case_board_find_column (board, NULL, transport);
  g_assert_cmpuint (column, !=, G_MAXUINT);

  check = (CardCheck) { ll_case_board_find_column (board, NULL, 0), id };
  g_assert_true (ll_test_gui_wait (column_has, &check, 5000));

  ll_case_board_move (board, &id, 1, column);
  dialog = wait_for_dialog (LL_CASE_ACTION_ASSIGN);
  g_assert_cmpint (dropdown_id (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "department"))),
                   ==, transport);
  confirm (dialog);

  after = stored (db, id);
  g_assert_cmpstr (ll_case_get_status (after), ==, "assigned");
  g_assert_cmpint (ll_case_get_department_id (after), ==, transport);
  ll_case_board_scroll_to_column (board, column);
  check = (CardCheck) { column, id };
  g_assert_true (ll_test_gui_wait (column_has, &check, 5000));

  /* Already with 区住建局: not taken away to another department. */
  ll_case_board_scroll_to_column (board, ll_case_board_find_column (board, NULL, housing));
  ll_test_gui_spin (200);
  ll_case_board_move (board, &taken, 1, column);
  ll_test_gui_spin (100);
  g_assert_null (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));
  g_assert_true (ll_test_gui_wait (toast_says, "already been assigned", 3000));
  still = stored (db, taken);
  g_assert_cmpint (ll_case_get_department_id (still), ==, housing);

  ll_case_board_set_grouping (board, LL_CASE_BOARD_BY_STATUS);
  wait_for_board ();
}

/* Several cards move with one step, in one transaction; a step needing
 * no input (start handling) needs no dialog. */
static void
test_multi_move (void)
{
  gint64 ids[3] = {
    assigned_case ("关于噪音扰民问题的反映", "2025-07-21"),
    assigned_case ("关于餐饮油烟扰民问题的反映", "2025-07-22"),
    assigned_case ("关于网络信号差问题的反映", "2025-07-23"),
  };

  show_board (LL_CASE_BOARD_BY_STATUS);
  for (guint i = 0; i < 3; i++)
    assert_in_column (ids[i], "assigned");

  /* Ctrl-click the first two. */
  g_assert_true (ll_case_board_select_case (board, ids[0], FALSE));
  g_assert_true (ll_case_board_select_case (board, ids[1], TRUE));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", NULL));
  ll_test_gui_spin (200);
  {
    GtkWidget *popover = find (board, GTK_TYPE_POPOVER, "board-move-popover");
    GtkWidget *list = find (popover, GTK_TYPE_LIST_BOX, "board-move-targets");
    GtkListBoxRow *row;

    g_assert_true (gtk_widget_get_visible (popover));
    /* From “Assigned”: In Progress and Replied. */
    row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
    g_assert_nonnull (row);
    g_assert_true (find_label_text (GTK_WIDGET (row),
                                    ll_enum_get_label (LL_ENUM_CASE_STATUS, "in_progress")));
    g_assert_nonnull (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 1));
    g_assert_null (gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 2));
    g_signal_emit_by_name (row, "activate");
  }
  ll_test_gui_spin (100);
  g_assert_null (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LlCase) after = stored (db, ids[i]);

      g_assert_cmpstr (ll_case_get_status (after), ==, "in_progress");
      assert_in_column (ids[i], "in_progress");
    }
  {
    g_autoptr(LlCase) untouched = stored (db, ids[2]);

    g_assert_cmpstr (ll_case_get_status (untouched), ==, "assigned");
  }
  g_assert_true (ll_test_gui_wait (toast_says, "2 cases moved", 3000));
}

/* Several registered cases dropped on “Assigned”: one dialog, its
 * values for all of them. */
static void
test_multi_move_with_dialog (void)
{
  gint64 ids[2] = {
    make_case ("关于小区监控盲区问题的反映", "2025-06-25", FALSE),
    make_case ("关于违章搭建问题的反映", "2025-06-26", FALSE),
  };
  LlCaseActionDialog *dialog;

  show_board (LL_CASE_BOARD_BY_STATUS);
  for (guint i = 0; i < 2; i++)
    assert_in_column (ids[i], "registered");

  ll_case_board_move (board, ids, 2, column_of ("assigned"));
  dialog = wait_for_dialog (LL_CASE_ACTION_ASSIGN);
  select_dropdown_id (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "department")), housing);
  gtk_editable_set_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW, "deadline")),
                         "2025-07-31");
  confirm (dialog);

  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(LlCase) after = stored (db, ids[i]);

      g_assert_cmpstr (ll_case_get_status (after), ==, "assigned");
      g_assert_cmpint (ll_case_get_department_id (after), ==, housing);
      g_assert_cmpstr (ll_case_get_deadline (after), ==, "2025-07-31");
      assert_in_column (ids[i], "assigned");
    }
  g_assert_true (ll_test_gui_wait (toast_says, "2 cases moved", 3000));
}

/* A colleague replied to the case meanwhile: the move says so and the
 * card shows where it is now. */
static void
test_conflict (void)
{
  gint64 id = assigned_case ("关于燃气管道改造问题的反映", "2025-07-24");
  g_autoptr(LlCase) theirs = NULL;
  g_autoptr(LlCase) after = NULL;
  g_autoptr(GError) error = NULL;

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "assigned");

  ll_database_set_poll_interval (db, 600000);
  theirs = stored (colleague, id);
  g_assert_true (ll_case_workflow_reply (colleague, theirs, "已协调处理。", "2025-06-29", &error));
  g_assert_no_error (error);

  move (id, "in_progress");
  g_assert_true (ll_test_gui_wait (toast_says, "Someone else changed", 3000));
  after = stored (db, id);
  g_assert_cmpstr (ll_case_get_status (after), ==, "replied");
  assert_in_column (id, "replied");
  ll_test_gui_spin (100);
  {
    LlQueryModel *model = ll_case_board_get_column_model (board, column_of ("replied"));
    g_autoptr(GtkSelectionModel) selection = NULL;
    guint position;

    g_assert_true (ll_query_model_get_position_of_id (model, id, &position));
    selection = GTK_SELECTION_MODEL (gtk_list_view_get_model (
      GTK_LIST_VIEW (ll_test_gui_find_widget (ll_case_board_get_column_widget (board,
                                                                               column_of ("replied")),
                                              GTK_TYPE_LIST_VIEW, NULL))));
    g_object_ref (selection);
    g_assert_true (gtk_selection_model_is_selected (selection, position));
  }
  ll_database_set_poll_interval (db, 500);
}

/* A colleague's step appears on the open board within seconds. */
static void
test_colleague_move_appears (void)
{
  gint64 id = assigned_case ("关于公交线路调整问题的反映", "2025-07-26");
  g_autoptr(LlCase) theirs = NULL;
  g_autoptr(GError) error = NULL;

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "assigned");

  theirs = stored (colleague, id);
  g_assert_true (ll_case_workflow_start (colleague, theirs, &error));
  g_assert_no_error (error);
  assert_in_column (id, "in_progress");
}

/* Read-only: nothing moves, Ctrl+M is off. */
static void
test_read_only (void)
{
  gint64 id = make_case ("关于物业费收取不透明的反映", "2025-06-24", FALSE);
  g_autoptr(LlCase) after = NULL;

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "registered");

  ll_page_set_editable (LL_PAGE (page), FALSE);
  g_assert_false (ll_case_board_get_editable (board));
  g_assert_true (ll_case_board_select_case (board, id, FALSE));
  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (board), "board.move-to", NULL) &&
                  gtk_widget_get_visible (find (board, GTK_TYPE_POPOVER, "board-move-popover")));
  move (id, "assigned");
  g_assert_null (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));
  after = stored (db, id);
  g_assert_cmpstr (ll_case_get_status (after), ==, "registered");
  ll_page_set_editable (LL_PAGE (page), TRUE);
  g_assert_true (ll_case_board_get_editable (board));
}

#ifdef GDK_WINDOWING_X11
static gboolean
drop_active (gpointer data)
{
  return (gtk_widget_get_state_flags (data) & GTK_STATE_FLAG_DROP_ACTIVE) != 0;
}

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
#endif

/* A real pointer drag of a card, from “Assigned” to “In Progress”. */
static void
test_pointer_drag (void)
{
#ifdef GDK_WINDOWING_X11
  gint64 id = assigned_case ("九里堤镇路口缺少红绿灯", "2025-07-27");
  GtkWidget *card;
  GtkWidget *target;
  g_autoptr(LlCase) after = NULL;

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("No X11 display");
      return;
    }

  show_board (LL_CASE_BOARD_BY_STATUS);
  assert_in_column (id, "assigned");
  ll_case_board_scroll_to_column (board, column_of ("registered"));
  gtk_window_present (GTK_WINDOW (window));
  ll_test_gui_spin (300);

  card = ll_case_board_get_card_widget (board, id);
  target = ll_case_board_get_column_widget (board, column_of ("in_progress"));
  g_assert_nonnull (card);
  g_assert_nonnull (target);

  g_assert_true (pointer_to (card, 40, 20, NULL));
  ll_test_gui_spin (100);
  g_assert_true (pointer_to (card, 40, 20, "mousedown"));
  ll_test_gui_spin (100);
  for (int step = 1; step <= 6; step++)
    {
      g_assert_true (pointer_to (card, 40 + step * 20, 20 + step * 10, NULL));
      ll_test_gui_spin (60);
    }
  for (int step = 0; step < 4; step++)
    {
      g_assert_true (pointer_to (target, 60 + step * 4, 200 + step * 4, NULL));
      ll_test_gui_spin (100);
    }
  /* While dragging, the legal target is highlighted, and the one under
   * the pointer more. */
  g_assert_true (gtk_widget_has_css_class (target, "case-board-legal"));
  g_assert_true (ll_test_gui_wait (drop_active, target, 3000));
  g_assert_true (pointer_to (target, 72, 212, "mouseup"));
  ll_test_gui_spin (300);

  assert_in_column (id, "in_progress");
  after = stored (db, id);
  g_assert_cmpstr (ll_case_get_status (after), ==, "in_progress");
  g_assert_false (gtk_widget_has_css_class (target, "case-board-legal"));
#else
  g_test_skip ("Built without X11");
#endif
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("LIANLUO_TODAY", TODAY, TRUE);
  g_setenv ("LIANLUO_USER", "wang", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC1", TRUE);

  ll_test_gui_init (&argc, &argv);
  /* Own the main context throughout, as g_application_run() does, so
   * that no list model's worker runs a main-thread callback itself. */
  g_main_context_acquire (g_main_context_default ());
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  window = LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  db = ll_window_get_database (window);
  ll_database_set_poll_interval (db, 500);
  page = LL_CASES_PAGE (find (window, LL_TYPE_CASES_PAGE, NULL));
  board = LL_CASE_BOARD (find (page, LL_TYPE_CASE_BOARD, NULL));

  g_setenv ("LIANLUO_USER", "zhao", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague = ll_database_open (ll_database_get_path (db), LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_setenv ("LIANLUO_USER", "wang", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC1", TRUE);

  make_data ();

  g_test_add_func ("/case-board/columns", test_columns);
  g_test_add_func ("/case-board/drop-with-dialog", test_drop_with_dialog);
  g_test_add_func ("/case-board/illegal-refused", test_illegal_refused);
  g_test_add_func ("/case-board/cancel-leaves-card", test_cancel_leaves_card);
  g_test_add_func ("/case-board/department-assigns", test_department_assigns);
  g_test_add_func ("/case-board/multi-move", test_multi_move);
  g_test_add_func ("/case-board/multi-move-with-dialog", test_multi_move_with_dialog);
  g_test_add_func ("/case-board/conflict", test_conflict);
  g_test_add_func ("/case-board/colleague-move-appears", test_colleague_move_appears);
  g_test_add_func ("/case-board/read-only", test_read_only);
  g_test_add_func ("/case-board/pointer-drag", test_pointer_drag);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  g_clear_object (&app);
  return ret;
}

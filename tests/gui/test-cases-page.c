/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-cases-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ll-attachment-list.h"
#include "ll-attachment-store.h"
#include "ll-case-action-dialog.h"
#include "ll-case-detail.h"
#include "ll-case-history.h"
#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-cases-page.h"
#include "ll-conflict-dialog.h"
#include "ll-database.h"
#include "ll-department-store.h"
#include "ll-enums.h"
#include "ll-page.h"
#include "ll-person-store.h"
#include "ll-query-model.h"
#include "ll-record-form.h"
#include "ll-search.h"
#include "ll-station-store.h"
#include "ll-test-gui.h"

/* The Cases page in the real window: the list with its filters, search
 * and sort; the detail pane; the workflow dialogs; a colleague's edits
 * and another process's changes; attachments; deleting with Undo.
 * “Today” is pinned to 2025-06-30 so that deadlines are overdue or not
 * whatever day the test runs. */

#define TODAY "2025-06-30"

static LlApplication *app;
static LlWindow *window;
static LlCasesPage *page;
static LlCaseDetail *detail;
static LlDatabase *db;          /* the window's */
static LlDatabase *colleague;   /* a second connection, “another machine” */

static gint64 station_east;
static gint64 point_east;
static gint64 station_west;
static gint64 department;
static gint64 deputy;
static gint64 case_new;          /* registered: Assign → Reply → Close */
static gint64 case_escape;       /* registered: the dialog is cancelled */
static gint64 case_unhappy;      /* closed, dissatisfied: Reopen */
static gint64 case_happy;        /* closed, satisfied: no Reopen */
static gint64 case_overdue;      /* assigned, deadline past */
static gint64 case_target;       /* becomes the common issue */
static gint64 case_merge;        /* merged into it */
static gint64 case_edit;         /* edited by two people */
static gint64 case_remote;       /* replied to by another process */
static gint64 case_files;        /* attachments */
static gint64 case_mistake;      /* registered by mistake: deleted */

/* Data --------------------------------------------------------------------- */

static gint64
make_station (LlDatabase *d,
              const char *name,
              const char *kind,
              gint64      parent)
{
  g_autoptr(LlStation) station = ll_station_new ();
  g_autoptr(GError) error = NULL;

  ll_station_set_name (station, name);
  ll_station_set_kind (station, kind);
  ll_station_set_parent_id (station, parent);
  g_assert_true (ll_station_store_create (d, station, &error));
  g_assert_no_error (error);
  return ll_station_get_id (station);
}

static gint64
make_case (const char *title,
           const char *received_on,
           gint64      station,
           const char *category,
           gboolean    fast_track)
{
  g_autoptr(LlCase) kase = ll_case_new ();
  g_autoptr(GError) error = NULL;

  ll_case_set_title (kase, title);
  ll_case_set_body (kase, "居民反映的具体情况，请有关部门核实处理。");
  ll_case_set_received_on (kase, received_on);
  ll_case_set_source (kase, "reception_day");
  ll_case_set_station_id (kase, station);
  ll_case_set_category (kase, category);
  ll_case_set_fast_track (kase, fast_track);
  ll_case_set_constituent_name (kase, "王秀英");
  ll_case_set_constituent_phone (kase, "13812345678");
  ll_case_set_constituent_address (kase, "东湖路12号3单元");
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

static void
assign (gint64      id,
        const char *deadline,
        const char *assigned_on)
{
  g_autoptr(LlCase) kase = stored (db, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_workflow_assign (db, kase, "department", department, deadline,
                                          assigned_on, &error));
  g_assert_no_error (error);
}

static void
close_case (gint64      id,
            const char *satisfaction)
{
  g_autoptr(LlCase) kase = stored (db, id);
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_case_workflow_reply (db, kase, "已协调处理。", "2025-06-10", &error));
  g_assert_no_error (error);
  g_assert_true (ll_case_workflow_close (db, kase, satisfaction, NULL, "2025-06-15", &error));
  g_assert_no_error (error);
}

static void
make_data (void)
{
  g_autoptr(LlDepartment) dept = ll_department_new ();
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(GError) error = NULL;

  station_east = make_station (db, "东湖社区人大代表联络站", "station", 0);
  point_east = make_station (db, "东湖民情茶话亭", "point", station_east);
  station_west = make_station (db, "西湖街道人大代表之家", "home", 0);

  ll_department_set_name (dept, "区住建局");
  g_assert_true (ll_department_store_create (db, dept, &error));
  g_assert_no_error (error);
  department = ll_department_get_id (dept);

  ll_person_set_name (person, "李建国");
  ll_person_set_role (person, "deputy");
  ll_person_set_unit (person, "东湖社区居委会");
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);
  deputy = ll_person_get_id (person);

  case_new = make_case ("建议解决东湖小区老旧电梯问题", "2025-06-20", station_east,
                        "urban_construction", FALSE);
  case_escape = make_case ("西湖路口缺少红绿灯", "2025-06-21", station_west, "transport", FALSE);
  case_unhappy = make_case ("东湖菜市场环境脏乱", "2025-05-02", point_east, "environment", FALSE);
  case_happy = make_case ("东湖社区路灯不亮", "2025-05-03", station_east, "urban_construction",
                          FALSE);
  case_overdue = make_case ("西湖小区停车难", "2025-04-20", station_west, "property_management",
                            TRUE);
  case_target = make_case ("东湖片区加装电梯集中反映", "2025-06-01", station_east,
                           "urban_construction", FALSE);
  case_merge = make_case ("东湖三号楼加装电梯", "2025-06-02", point_east, "urban_construction",
                          FALSE);
  case_edit = make_case ("学校周边交通拥堵", "2025-06-03", station_west, "transport", FALSE);
  case_remote = make_case ("社区卫生服务中心药品不全", "2025-06-04", station_east, "health",
                           FALSE);
  case_files = make_case ("小区违章搭建", "2024-11-05", station_west, "urban_construction",
                          FALSE);
  case_mistake = make_case ("重复登记的诉求", "2025-06-29", station_west, "other", FALSE);

  assign (case_unhappy, "2025-06-20", "2025-06-01");
  close_case (case_unhappy, "dissatisfied");
  assign (case_happy, "2025-06-20", "2025-06-01");
  close_case (case_happy, "satisfied");
  assign (case_overdue, "2025-06-01", "2025-05-01");
  assign (case_remote, "2025-07-10", "2025-06-05");
}

/* Helpers ------------------------------------------------------------------ */

static gboolean
page_idle (gpointer data)
{
  return !ll_cases_page_get_loading (page) &&
         ll_cases_page_get_model (page) != NULL;
}

static void
wait_for_list (void)
{
  ll_test_gui_spin (50);
  g_assert_true (ll_test_gui_wait (page_idle, NULL, 10000));
}

static gboolean
detail_shows (gpointer data)
{
  return ll_case_detail_get_case_id (detail) == *(gint64 *) data;
}

static void
show_case (gint64 id)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-case", "x", id));
  g_assert_true (ll_test_gui_wait (detail_shows, &id, 5000));
  wait_for_list ();
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
open_dialog (LlCaseAction action)
{
  GtkWidget *button = ll_case_detail_get_action_button (detail, action);

  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ll_test_gui_wait (dialog_shown, NULL, 3000));
  ll_test_gui_spin (50);

  return LL_CASE_ACTION_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));
}

static GtkWidget *
find (gpointer    root,
      GType       type,
      const char *name)
{
  GtkWidget *widget = ll_test_gui_find_widget (GTK_WIDGET (root), type, name);

  g_assert_nonnull (widget);
  return widget;
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

static const char *
status_shown (void)
{
  return gtk_label_get_text (GTK_LABEL (find (detail, GTK_TYPE_LABEL, "case-status")));
}

static gboolean
action_offered (LlCaseAction action)
{
  return gtk_widget_get_visible (ll_case_detail_get_action_button (detail, action));
}

static char *
newest_history (void)
{
  return ll_case_history_dup_row_text (ll_case_detail_get_history (detail), 0);
}

/* The ids the list shows, in order. */
static GArray *
list_ids (void)
{
  LlQueryModel *model = ll_cases_page_get_model (page);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      gint64 id = ll_query_model_get_id (model, i);
      g_array_append_val (ids, id);
    }

  return ids;
}

static gboolean
list_contains (gint64 id)
{
  return ll_query_model_get_position_of_id (ll_cases_page_get_model (page), id, NULL);
}

/* The case as the list shows it (its row's record). */
static LlCase *
list_item (gint64 id)
{
  LlQueryModel *model = ll_cases_page_get_model (page);
  guint position;

  g_assert_true (ll_query_model_get_position_of_id (model, id, &position));
  return g_list_model_get_item (G_LIST_MODEL (model), position);
}

static const char *
list_state (void)
{
  GtkWidget *column_view = find (page, GTK_TYPE_COLUMN_VIEW, "case-list");
  GtkWidget *stack = gtk_widget_get_ancestor (column_view, GTK_TYPE_STACK);

  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
set_editable_text (GtkWidget  *widget,
                   const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (widget), text);
}

static void
set_text_view (GtkWidget  *widget,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget)), text, -1);
}

/* Tests ------------------------------------------------------------------------ */

/* A new database: the page says there is nothing yet. */
static void
test_empty (void)
{
  ll_window_set_page (window, "cases");
  wait_for_list ();

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_cases_page_get_model (page))), ==, 0);
  g_assert_cmpstr (list_state (), ==, "empty");
}

static void
test_list (void)
{
  LlQueryModel *model;
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) shown = NULL;

  make_data ();
  ll_window_set_page (window, "cases");
  wait_for_list ();
  model = ll_cases_page_get_model (page);

  /* Every case, newest received first, as the store orders them. */
  expected = ll_case_store_query_ids (db, NULL, LL_CASE_SORT_RECEIVED_ON, TRUE, NULL);
  shown = list_ids ();
  g_assert_cmpuint (shown->len, ==, expected->len);
  g_assert_cmpmem (shown->data, shown->len * sizeof (gint64),
                   expected->data, expected->len * sizeof (gint64));
  g_assert_cmpint (ll_query_model_get_id (model, 0), ==, case_mistake);
  g_assert_cmpstr (list_state (), ==, "list");
}

/* Assign → Record Reply → Close through the dialogs, as a user does. */
static void
test_workflow (void)
{
  LlCaseActionDialog *dialog;
  GtkDropDown *department_dropdown;
  g_autofree char *line = NULL;
  g_autoptr(LlCase) after = NULL;
  g_autoptr(LlCase) row = NULL;
  AdwComboRow *mode;

  show_case (case_new);
  g_assert_cmpint (ll_cases_page_get_selected_id (page), ==, case_new);
  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "registered"));

  /* Only the legal steps are offered. */
  g_assert_true (action_offered (LL_CASE_ACTION_ASSIGN));
  g_assert_false (action_offered (LL_CASE_ACTION_START));
  g_assert_false (action_offered (LL_CASE_ACTION_REPLY));
  g_assert_false (action_offered (LL_CASE_ACTION_CLOSE));
  g_assert_false (action_offered (LL_CASE_ACTION_REOPEN));
  g_assert_false (action_offered (LL_CASE_ACTION_LOOK_BACK));

  /* Assign: to a department, which must be chosen first. */
  dialog = open_dialog (LL_CASE_ACTION_ASSIGN);
  mode = ADW_COMBO_ROW (find (dialog, ADW_TYPE_COMBO_ROW, "handling-mode"));
  adw_combo_row_set_selected (mode, ll_enum_find (LL_ENUM_HANDLING_MODE, "department"));
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));
  g_assert_true (gtk_widget_get_visible (find (dialog, GTK_TYPE_LABEL, "hint")));
  /* The usual period: 15 days from today. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW,
                                                                "deadline"))), ==, "2025-07-15");
  /* A deadline that is not a date is refused as it is typed. */
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "deadline"), "2025-07-32");
  department_dropdown = GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "department"));
  select_dropdown_id (department_dropdown, department);
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "deadline"), "2025-07-20");
  confirm (dialog);

  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "assigned"));
  line = newest_history ();
  g_test_message ("history: %s", line);
  g_assert_nonnull (strstr (line, "区住建局"));
  g_assert_nonnull (strstr (line, "2025-07-20"));
  g_assert_nonnull (strstr (line, "wang on OFFICE-PC1"));
  g_assert_false (action_offered (LL_CASE_ACTION_ASSIGN));
  g_assert_true (action_offered (LL_CASE_ACTION_START));
  g_assert_true (action_offered (LL_CASE_ACTION_REPLY));
  g_clear_pointer (&line, g_free);

  /* Record Reply: the text is required; the date defaults to today. */
  dialog = open_dialog (LL_CASE_ACTION_REPLY);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW,
                                                                "replied-on"))), ==, TODAY);
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));
  set_text_view (find (dialog, GTK_TYPE_TEXT_VIEW, "reply-text"),
                 "区住建局已安排维保单位更换电梯主机，7月底前完成。");
  confirm (dialog);
  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "replied"));
  g_assert_true (action_offered (LL_CASE_ACTION_CLOSE));
  g_assert_false (action_offered (LL_CASE_ACTION_REPLY));

  /* Close, after the follow-up visit. */
  dialog = open_dialog (LL_CASE_ACTION_CLOSE);
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));
  adw_combo_row_set_selected (ADW_COMBO_ROW (find (dialog, ADW_TYPE_COMBO_ROW, "satisfaction")),
                              ll_enum_find (LL_ENUM_SATISFACTION, "satisfied"));
  set_text_view (find (dialog, GTK_TYPE_TEXT_VIEW, "follow-up-note"), "电话回访，居民表示满意。");
  confirm (dialog);

  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "closed"));
  g_assert_cmpuint (ll_case_history_get_n_events (ll_case_detail_get_history (detail)), ==, 4);
  line = newest_history ();
  g_assert_nonnull (strstr (line, ll_enum_get_label (LL_ENUM_SATISFACTION, "satisfied")));
  g_assert_false (action_offered (LL_CASE_ACTION_REOPEN));
  g_assert_true (action_offered (LL_CASE_ACTION_LOOK_BACK));

  after = stored (colleague, case_new);
  g_assert_cmpstr (ll_case_get_status (after), ==, "closed");
  g_assert_cmpstr (ll_case_get_satisfaction (after), ==, "satisfied");
  g_assert_cmpstr (ll_case_get_follow_up_note (after), ==, "电话回访，居民表示满意。");
  g_assert_cmpint (ll_case_get_department_id (after), ==, department);

  /* The list row follows, and stays selected. */
  wait_for_list ();
  row = list_item (case_new);
  g_assert_cmpstr (ll_case_get_status (row), ==, "closed");
  g_assert_cmpint (ll_cases_page_get_selected_id (page), ==, case_new);
  g_assert_true (gtk_single_selection_get_selected_item (
                   GTK_SINGLE_SELECTION (gtk_column_view_get_model (
                     GTK_COLUMN_VIEW (find (page, GTK_TYPE_COLUMN_VIEW, "case-list"))))) != NULL);
}

/* Escape on a dialog changes nothing, even with values typed. */
static void
test_escape (void)
{
  LlCaseActionDialog *dialog;
  g_autoptr(LlCase) before = stored (db, case_escape);
  g_autoptr(LlCase) after = NULL;

  show_case (case_escape);
  dialog = open_dialog (LL_CASE_ACTION_ASSIGN);
  select_dropdown_id (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "department")), department);
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "deadline"), "2025-07-30");
  g_assert_true (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));

  if (ll_test_gui_have_x11 ())
    {
      gtk_window_present (GTK_WINDOW (dialog));
      ll_test_gui_spin (200);
      g_assert_true (ll_test_gui_xdotool ("mousemove", "600", "400", NULL));
      ll_test_gui_spin (100);
      g_assert_true (ll_test_gui_xdotool ("key", "Escape", NULL));
    }
  else
    gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL);

  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 3000));
  after = stored (db, case_escape);
  g_assert_cmpint (ll_case_get_version (after), ==, ll_case_get_version (before));
  g_assert_cmpstr (ll_case_get_status (after), ==, "registered");
  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "registered"));
}

/* A dissatisfied constituent's case can be reopened; a satisfied one's
 * cannot. */
static void
test_reopen (void)
{
  LlCaseActionDialog *dialog;
  g_autoptr(LlCase) after = NULL;
  const char *deadline;

  show_case (case_happy);
  g_assert_false (action_offered (LL_CASE_ACTION_REOPEN));

  show_case (case_unhappy);
  g_assert_true (action_offered (LL_CASE_ACTION_REOPEN));
  dialog = open_dialog (LL_CASE_ACTION_REOPEN);

  /* A deadline already past is refused as it is typed. */
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "reopen-deadline"), "2025-06-01");
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "reopen-deadline"), "2025-07-31");
  deadline = "2025-07-31";
  confirm (dialog);

  after = stored (colleague, case_unhappy);
  g_assert_cmpstr (ll_case_get_status (after), ==, "assigned");
  g_assert_cmpstr (ll_case_get_deadline (after), ==, deadline);
  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "assigned"));
}

/* A refused step keeps the dialog open with the store's reason and what
 * was typed; a colleague's change meanwhile reloads the case. */
static void
test_refused_and_conflict (void)
{
  LlCaseActionDialog *dialog;
  GtkWidget *error_label;
  g_autoptr(LlCase) theirs = NULL;
  g_autoptr(GError) error = NULL;

  show_case (case_escape);
  dialog = open_dialog (LL_CASE_ACTION_ASSIGN);
  select_dropdown_id (GTK_DROP_DOWN (find (dialog, GTK_TYPE_DROP_DOWN, "department")), department);
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "deadline"), "2025-08-01");

  /* Meanwhile a colleague assigns it first. */
  theirs = stored (colleague, case_escape);
  g_assert_true (ll_case_workflow_assign (colleague, theirs, "subdistrict", 0, "2025-07-25", NULL,
                                          &error));
  g_assert_no_error (error);

  g_signal_emit_by_name (find (dialog, GTK_TYPE_BUTTON, "confirm"), "clicked");
  ll_test_gui_spin (100);
  g_assert_nonnull (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));
  error_label = find (dialog, GTK_TYPE_LABEL, "error");
  g_assert_true (gtk_widget_get_visible (gtk_widget_get_parent (error_label)));
  g_test_message ("refused: %s", gtk_label_get_text (GTK_LABEL (error_label)));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "Someone else"));
  /* What was typed stays; the step is no longer possible. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (find (dialog, ADW_TYPE_ENTRY_ROW,
                                                                "deadline"))), ==, "2025-08-01");
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));
  /* The detail pane already shows the colleague's assignment. */
  g_assert_cmpstr (status_shown (), ==, ll_enum_get_label (LL_ENUM_CASE_STATUS, "assigned"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 3000));

  /* A refused value: a reply dated before the assignment. */
  dialog = open_dialog (LL_CASE_ACTION_REPLY);
  set_text_view (find (dialog, GTK_TYPE_TEXT_VIEW, "reply-text"), "已答复。");
  set_editable_text (find (dialog, ADW_TYPE_ENTRY_ROW, "replied-on"), "2025-06-25");
  g_assert_true (ll_case_action_dialog_confirm (dialog) == FALSE);
  g_assert_nonnull (ll_test_gui_find_toplevel (LL_TYPE_CASE_ACTION_DIALOG));
  g_test_message ("hint: %s", gtk_label_get_text (GTK_LABEL (find (dialog, GTK_TYPE_LABEL, "hint"))));
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 3000));
}

static void
test_merge (void)
{
  LlCaseActionDialog *dialog;
  g_autoptr(LlCase) merged = NULL;
  g_autoptr(LlCase) common = NULL;
  g_autoptr(LlCase) target = stored (db, case_target);
  GtkWidget *list;
  GtkSelectionModel *targets;

  show_case (case_merge);
  dialog = open_dialog (LL_CASE_ACTION_MERGE);
  g_assert_false (gtk_widget_is_sensitive (find (dialog, GTK_TYPE_BUTTON, "confirm")));

  /* No common issue yet: search the case that becomes one. */
  set_editable_text (find (dialog, GTK_TYPE_SEARCH_ENTRY, "merge-search"),
                     ll_case_get_serial (target));
  list = find (dialog, GTK_TYPE_LIST_VIEW, "merge-targets");
  targets = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_true (ll_test_gui_wait ((LlTestCondition) g_list_model_get_n_items, targets, 3000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (targets)), ==, 1);
  gtk_selection_model_select_item (targets, 0, TRUE);
  confirm (dialog);

  merged = stored (colleague, case_merge);
  common = stored (colleague, case_target);
  g_assert_cmpint (ll_case_get_merged_into_id (merged), ==, case_target);
  g_assert_true (ll_case_get_is_common (common));
  g_assert_false (action_offered (LL_CASE_ACTION_MERGE));

  /* The common issue is now offered without searching. */
  show_case (case_edit);
  dialog = open_dialog (LL_CASE_ACTION_MERGE);
  targets = gtk_list_view_get_model (GTK_LIST_VIEW (find (dialog, GTK_TYPE_LIST_VIEW,
                                                          "merge-targets")));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (targets)), ==, 1);
  gtk_window_destroy (GTK_WINDOW (dialog));
  g_assert_true (ll_test_gui_wait (dialog_gone, NULL, 3000));
}

static gboolean
conflict_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (LL_TYPE_CONFLICT_DIALOG) != NULL;
}

static void
colleague_sets_title (gint64      id,
                      const char *title)
{
  g_autoptr(LlCase) kase = stored (colleague, id);
  g_autoptr(GError) error = NULL;

  ll_case_set_title (kase, title);
  g_assert_true (ll_case_store_update (colleague, kase, &error));
  g_assert_no_error (error);
}

static void
edit_and_meet_conflict (const char *mine,
                        const char *theirs)
{
  LlRecordForm *form = ll_case_detail_get_form (detail);

  show_case (case_edit);
  set_editable_text (ll_record_form_get_row (form, "title"), mine);
  g_assert_true (ll_case_detail_get_dirty (detail));
  colleague_sets_title (case_edit, theirs);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cases.save", NULL));
  g_assert_true (ll_test_gui_wait (conflict_shown, NULL, 3000));
}

static void
test_conflict_keep_theirs (void)
{
  LlConflictDialog *dialog;
  g_autoptr(LlCase) after = NULL;
  LlRecordForm *form = ll_case_detail_get_form (detail);

  edit_and_meet_conflict ("学校周边早晚高峰拥堵（我改）", "学校周边交通拥堵（同事改）");
  dialog = LL_CONFLICT_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_CONFLICT_DIALOG));
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "theirs");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ll_test_gui_spin (100);

  after = stored (db, case_edit);
  g_assert_cmpstr (ll_case_get_title (after), ==, "学校周边交通拥堵（同事改）");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ll_record_form_get_row (form, "title"))),
                   ==, "学校周边交通拥堵（同事改）");
  g_assert_false (ll_case_detail_get_dirty (detail));
}

static void
test_conflict_keep_mine (void)
{
  LlConflictDialog *dialog;
  g_autoptr(LlCase) after = NULL;
  g_autofree char *line = NULL;

  edit_and_meet_conflict ("学校周边早晚高峰拥堵", "学校周边拥堵（同事第二次改）");
  dialog = LL_CONFLICT_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_CONFLICT_DIALOG));
  /* What a click on the button does: the response, then closing. */
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "mine");
  gtk_window_destroy (GTK_WINDOW (dialog));
  ll_test_gui_spin (100);
  g_assert_false (conflict_shown (NULL));

  after = stored (colleague, case_edit);
  g_assert_cmpstr (ll_case_get_title (after), ==, "学校周边早晚高峰拥堵");
  g_assert_false (ll_case_detail_get_dirty (detail));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (detail, GTK_TYPE_LABEL, "case-title"))),
                   ==, "学校周边早晚高峰拥堵");
  line = newest_history ();
  g_assert_nonnull (strstr (line, "wang on OFFICE-PC1"));
}

/* Another process replies to the case shown; the list and the detail
 * follow within seconds, the selection and the unsaved edit stay. */
typedef struct {
  gint64      id;
  const char *status;
} StatusCheck;

static gboolean
shows_status (gpointer data)
{
  StatusCheck *check = data;
  g_autoptr(LlCase) row = NULL;

  if (!list_contains (check->id))
    return FALSE;
  row = list_item (check->id);
  return g_strcmp0 (ll_case_get_status (row), check->status) == 0 &&
         g_strcmp0 (status_shown (), ll_enum_get_label (LL_ENUM_CASE_STATUS, check->status)) == 0;
}

static void
test_other_process (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, case_remote);
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);
  const char *argv[] = { self_path, "--colleague-reply", ll_database_get_path (db), id, NULL };
  LlRecordForm *form = ll_case_detail_get_form (detail);
  StatusCheck check = { case_remote, "replied" };
  GtkSingleSelection *selection;
  int status = 0;
  gint64 started;

  show_case (case_remote);
  selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (find (page, GTK_TYPE_COLUMN_VIEW, "case-list"))));
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  set_editable_text (ll_record_form_get_row (form, "constituent-address"), "东湖路18号");

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  started = g_get_monotonic_time ();
  g_assert_true (ll_test_gui_wait (shows_status, &check, 8000));
  g_test_message ("another process's reply shown after %.1f s",
                  (g_get_monotonic_time () - started) / 1e6);

  /* The selection is kept, and so is the unsaved edit (the form says
   * the case changed underneath). */
  g_assert_cmpint (ll_cases_page_get_selected_id (page), ==, case_remote);
  g_assert_nonnull (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpint (ll_case_get_id (gtk_single_selection_get_selected_item (selection)), ==,
                   case_remote);
  g_assert_true (ll_case_detail_get_dirty (detail));
  g_assert_true (ll_record_form_get_stale (form));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (ll_record_form_get_row (form, "constituent-address"))),
                   ==, "东湖路18号");
  g_assert_nonnull (strstr (newest_history (), "OFFICE-PC2"));
  ll_case_detail_revert (detail);
}

/* The filters and the search give exactly what the store's query gives. */
static void
check_filter (const LlCaseFilter *filter,
              const char         *search)
{
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) found = NULL;
  g_autoptr(GArray) shown = NULL;
  g_autoptr(GHashTable) matching = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) filtered = g_array_new (FALSE, FALSE, sizeof (gint64));
  LlCaseSort sort;
  gboolean descending;

  ll_cases_page_set_filter (page, filter);
  ll_cases_page_set_search_text (page, search);
  wait_for_list ();

  ll_cases_page_get_sort (page, &sort, &descending);
  expected = ll_case_store_query_ids (db, filter, sort, descending, NULL);
  found = ll_search_ids (db, LL_SEARCH_SCOPE_CASES, search, 0, NULL);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (matching, &g_array_index (found, gint64, i));
  for (guint i = 0; i < expected->len; i++)
    if (g_hash_table_contains (matching, &g_array_index (expected, gint64, i)))
      g_array_append_val (filtered, g_array_index (expected, gint64, i));

  shown = list_ids ();
  g_test_message ("filter + “%s”: %u cases", search != NULL ? search : "", shown->len);
  g_assert_cmpuint (shown->len, ==, filtered->len);
  g_assert_cmpmem (shown->data, shown->len * sizeof (gint64),
                   filtered->data, filtered->len * sizeof (gint64));
  g_assert_cmpstr (list_state (), ==, shown->len > 0 ? "list" : "no-results");
}

static void
test_filters_and_search (void)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  GtkWidget *chips = find (page, GTK_TYPE_FLOW_BOX, "case-filter-chips");

  check_filter (&filter, NULL);

  filter.status = "assigned";
  check_filter (&filter, NULL);
  g_assert_nonnull (gtk_widget_get_first_child (chips));

  filter.status = NULL;
  filter.category = "urban_construction";
  check_filter (&filter, NULL);
  check_filter (&filter, "电梯");

  /* A station includes its points. */
  filter.category = NULL;
  filter.station_id = station_east;
  check_filter (&filter, NULL);
  g_assert_true (list_contains (case_unhappy));

  filter.station_id = 0;
  filter.year = 2024;
  check_filter (&filter, NULL);
  g_assert_true (list_contains (case_files));

  filter.year = 0;
  filter.overdue_only = TRUE;
  check_filter (&filter, NULL);
  g_assert_true (list_contains (case_overdue));

  filter.overdue_only = FALSE;
  filter.fast_track_only = TRUE;
  check_filter (&filter, NULL);

  filter.fast_track_only = FALSE;
  filter.common_only = TRUE;
  check_filter (&filter, NULL);
  g_assert_true (list_contains (case_target));

  filter.common_only = FALSE;
  check_filter (&filter, "东湖");
  check_filter (&filter, "东湖 电梯");
  check_filter (&filter, "王秀英");
  check_filter (&filter, "找不到的内容");
  g_assert_cmpstr (list_state (), ==, "no-results");

  /* Clearing brings everything back. */
  filter.status = "closed";
  check_filter (&filter, "没有这样的诉求");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cases.clear-all", NULL));
  wait_for_list ();
  g_assert_cmpstr (list_state (), ==, "list");
  g_assert_null (gtk_widget_get_first_child (chips));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_cases_page_get_model (page))), ==,
                    ll_case_store_count (db, NULL, NULL));
}

static void
test_sort (void)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (find (page, GTK_TYPE_COLUMN_VIEW, "case-list"));
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) title = g_list_model_get_item (columns, 1);
  g_autoptr(GtkColumnViewColumn) deadline = g_list_model_get_item (columns, 7);
  g_autoptr(GtkColumnViewColumn) received = g_list_model_get_item (columns, 2);
  g_autoptr(GArray) expected = NULL;
  g_autoptr(GArray) shown = NULL;
  LlCaseSort sort;
  gboolean descending;

  show_case (case_edit);

  gtk_column_view_sort_by_column (view, title, GTK_SORT_ASCENDING);
  wait_for_list ();
  ll_cases_page_get_sort (page, &sort, &descending);
  g_assert_cmpint (sort, ==, LL_CASE_SORT_TITLE);
  g_assert_false (descending);
  expected = ll_case_store_query_ids (db, NULL, LL_CASE_SORT_TITLE, FALSE, NULL);
  shown = list_ids ();
  g_assert_cmpmem (shown->data, shown->len * sizeof (gint64),
                   expected->data, expected->len * sizeof (gint64));
  /* The selection follows the case to its new row. */
  g_assert_cmpint (ll_cases_page_get_selected_id (page), ==, case_edit);

  gtk_column_view_sort_by_column (view, deadline, GTK_SORT_DESCENDING);
  wait_for_list ();
  ll_cases_page_get_sort (page, &sort, &descending);
  g_assert_cmpint (sort, ==, LL_CASE_SORT_DEADLINE);
  g_assert_true (descending);

  gtk_column_view_sort_by_column (view, received, GTK_SORT_DESCENDING);
  wait_for_list ();
}

/* Finds visible alarm icons in the list's rows. */
static guint
count_alarms (GtkWidget *widget,
              char     **tooltip)
{
  guint n = 0;

  if (GTK_IS_IMAGE (widget) && gtk_widget_get_visible (widget) &&
      g_strcmp0 (gtk_image_get_icon_name (GTK_IMAGE (widget)), "alarm-symbolic") == 0)
    {
      const char *text = gtk_widget_get_tooltip_text (gtk_widget_get_parent (widget));

      if (text != NULL && *tooltip == NULL)
        *tooltip = g_strdup (text);
      return 1;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    n += count_alarms (child, tooltip);

  return n;
}

static void
test_overdue (void)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autofree char *tooltip = NULL;
  GtkWidget *view = find (page, GTK_TYPE_COLUMN_VIEW, "case-list");
  guint n;

  filter.overdue_only = TRUE;
  ll_cases_page_set_filter (page, &filter);
  wait_for_list ();
  ll_test_gui_spin (200);

  /* The overdue case: deadline 2025-06-01, today 2025-06-30. */
  n = count_alarms (view, &tooltip);
  g_assert_cmpuint (n, >=, 1);
  g_assert_cmpstr (tooltip, ==, "Overdue by 29 days");

  show_case (case_overdue);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (find (detail, GTK_TYPE_LABEL, "case-overdue"))),
                   ==, "Overdue by 29 days");

  /* A case that is not overdue has no alarm. */
  g_clear_pointer (&tooltip, g_free);
  filter.overdue_only = FALSE;
  filter.status = "closed";
  ll_cases_page_set_filter (page, &filter);
  wait_for_list ();
  ll_test_gui_spin (200);
  g_assert_cmpuint (count_alarms (view, &tooltip), ==, 0);

  ll_cases_page_clear_filters (page);
  ll_cases_page_set_filter (page, &(LlCaseFilter) LL_CASE_FILTER_INIT);
  wait_for_list ();
}

/* Attachments: add, a thumbnail for an image, open, remove and Undo. */
static gboolean
thumbnail_ready (gpointer data)
{
  LlAttachmentList *list = data;

  for (guint i = 0; i < ll_attachment_list_get_n_attachments (list); i++)
    if (ll_attachment_list_has_thumbnail (list, i))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
undo_shown (gpointer data)
{
  return find_button_with_label (GTK_WIDGET (window), "_Undo") != NULL;
}

static GtkWidget *
find_toast_close (GtkWidget *root)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_has_css_class (root, "circular") &&
      g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), "window-close-symbolic") == 0 &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_toast_close (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Closes the toasts shown, one after the other, as a user would. */
static void
dismiss_toasts (void)
{
  GtkWidget *button;

  for (guint i = 0; i < 10 && (button = find_toast_close (GTK_WIDGET (window))) != NULL; i++)
    {
      g_signal_emit_by_name (button, "clicked");
      ll_test_gui_spin (400);
    }
}

static void
test_attachments (void)
{
  LlAttachmentList *list = ll_case_detail_get_attachments (detail);
  g_autofree char *dir = g_dir_make_tmp ("lianluo-attachments-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, "现场照片.png", NULL);
  g_autofree char *txt_path = g_build_filename (dir, "来信.txt", NULL);
  g_autoptr(GFile) png = g_file_new_for_path (png_path);
  g_autoptr(GFile) txt = g_file_new_for_path (txt_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *opened = NULL;
  gsize opened_length = 0;
  cairo_surface_t *surface;
  cairo_t *cr;
  g_autoptr(GPtrArray) in_db = NULL;

  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 320, 240);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 0.2, 0.5, 0.8);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png_path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  g_assert_true (g_file_set_contents (txt_path, "尊敬的人大代表：小区违章搭建严重。", -1, NULL));

  show_case (case_files);
  g_assert_cmpuint (ll_attachment_list_get_n_attachments (list), ==, 0);
  g_assert_true (ll_attachment_list_add_file (list, png, &error));
  g_assert_no_error (error);
  g_assert_true (ll_attachment_list_add_file (list, txt, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ll_attachment_list_get_n_attachments (list), ==, 2);
  g_assert_true (ll_test_gui_wait (thumbnail_ready, list, 5000));
  g_assert_true (ll_attachment_list_has_thumbnail (list, 0));
  g_assert_false (ll_attachment_list_has_thumbnail (list, 1));

  /* Opening writes the bytes to a file of its own, then hands it on. */
  ll_attachment_list_open (list, 1);
  g_assert_nonnull (ll_attachment_list_get_opened_path (list));
  g_assert_true (g_str_has_suffix (ll_attachment_list_get_opened_path (list), "来信.txt"));
  g_assert_true (g_file_get_contents (ll_attachment_list_get_opened_path (list), &opened,
                                      &opened_length, NULL));
  g_assert_cmpstr (opened, ==, "尊敬的人大代表：小区违章搭建严重。");

  /* Remove, then Undo from the toast. */
  ll_attachment_list_remove (list, 0);
  g_assert_cmpuint (ll_attachment_list_get_n_attachments (list), ==, 1);
  in_db = ll_attachment_store_list_for_case (colleague, case_files, NULL);
  g_assert_cmpuint (in_db->len, ==, 1);
  g_clear_pointer (&in_db, g_ptr_array_unref);

  g_assert_true (ll_test_gui_wait (undo_shown, NULL, 3000));
  g_signal_emit_by_name (find_button_with_label (GTK_WIDGET (window), "_Undo"), "clicked");
  ll_test_gui_spin (300);
  in_db = ll_attachment_store_list_for_case (colleague, case_files, NULL);
  g_assert_cmpuint (in_db->len, ==, 2);
  g_assert_cmpuint (ll_attachment_list_get_n_attachments (list), ==, 2);

  g_unlink (png_path);
  g_unlink (txt_path);
  g_rmdir (dir);

  dismiss_toasts ();
  ll_test_gui_spin (500);
  g_assert_false (undo_shown (NULL));
}

/* Delete a case registered by mistake: gone from the list at once, from
 * the database only when the toast goes; Undo brings it back. */
static gboolean
deleted_in_db (gpointer data)
{
  g_autoptr(LlCase) kase = ll_case_store_get (colleague, *(gint64 *) data, NULL);
  return kase == NULL;
}

static void
test_delete_with_undo (void)
{
  g_autoptr(LlCase) still = NULL;
  gint64 id = case_mistake;

  /* A case that has been handled cannot be deleted. */
  show_case (case_overdue);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cases.delete", NULL));
  wait_for_list ();
  g_assert_true (list_contains (case_overdue));

  show_case (case_mistake);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "cases.delete", NULL));
  wait_for_list ();
  g_assert_false (list_contains (case_mistake));
  still = stored (colleague, case_mistake);
  g_assert_nonnull (still);

  g_assert_true (ll_test_gui_wait (undo_shown, NULL, 3000));
  g_signal_emit_by_name (find_button_with_label (GTK_WIDGET (window), "_Undo"), "clicked");
  wait_for_list ();
  g_assert_true (list_contains (case_mistake));
  g_assert_cmpint (ll_case_detail_get_case_id (detail), ==, case_mistake);

  /* Again, and let the toast go. */
  g_assert_true (ll_page_archive_selection (LL_PAGE (page)));
  wait_for_list ();
  g_assert_false (list_contains (case_mistake));
  dismiss_toasts ();
  g_assert_true (ll_test_gui_wait (deleted_in_db, &id, 8000));
}

/* A read-only or damaged database: everything shows, nothing edits. */
static void
test_read_only (void)
{
  LlRecordForm *form = ll_case_detail_get_form (detail);
  LlAttachmentList *list = ll_case_detail_get_attachments (detail);

  show_case (case_remote);
  ll_page_set_editable (LL_PAGE (page), FALSE);

  for (LlCaseAction action = 0; action < LL_N_CASE_ACTIONS; action++)
    g_assert_false (gtk_widget_is_sensitive (ll_case_detail_get_action_button (detail, action)));
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (ll_record_form_get_row (form, "title"))));
  g_assert_false (gtk_widget_is_sensitive (find (list, GTK_TYPE_BUTTON, "attachment-add")));
  g_assert_false (gtk_widget_is_sensitive (find (detail, GTK_TYPE_MENU_BUTTON, "add-deputy")));
  g_assert_false (gtk_widget_is_sensitive (find (detail, GTK_TYPE_BUTTON, "case-save")));
  g_assert_true (gtk_widget_get_visible (find (detail, GTK_TYPE_LABEL, "case-title")));
  g_assert_cmpuint (ll_case_history_get_n_events (ll_case_detail_get_history (detail)), >, 0);

  ll_page_set_editable (LL_PAGE (page), TRUE);
  g_assert_true (gtk_widget_is_sensitive (ll_case_detail_get_action_button (detail,
                                                                            LL_CASE_ACTION_CLOSE)));
}

/* Ctrl+F and typing, with real keys. */
static gboolean
search_is (gpointer data)
{
  return g_strcmp0 (ll_cases_page_get_search_text (page), data) == 0 && page_idle (NULL);
}

static void
test_keyboard (void)
{
  g_autoptr(LlCase) kase = stored (db, case_files);

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }

  ll_window_set_page (window, "cases");
  gtk_window_present (GTK_WINDOW (window));
  ll_test_gui_spin (300);
  g_assert_true (ll_test_gui_xdotool ("mousemove", "600", "400", NULL));
  g_assert_true (ll_test_gui_xdotool ("key", "ctrl+f", NULL));
  ll_test_gui_spin (200);
  g_assert_true (ll_test_gui_xdotool ("type", "--delay", "30", ll_case_get_serial (kase), NULL));
  g_assert_true (ll_test_gui_wait (search_is, (gpointer) ll_case_get_serial (kase), 5000));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (ll_cases_page_get_model (page))), ==, 1);

  /* Enter shows the case found. */
  g_assert_true (ll_test_gui_xdotool ("key", "Return", NULL));
  g_assert_true (ll_test_gui_wait (detail_shows, &case_files, 3000));

  g_assert_true (ll_test_gui_xdotool ("key", "Escape", NULL));
  ll_test_gui_spin (400);
  ll_cases_page_set_search_text (page, NULL);
  wait_for_list ();
}

/* The other process of test_other_process(). */
static int
colleague_reply (const char *path,
                 const char *id_text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) d = NULL;
  g_autoptr(LlCase) kase = NULL;

  g_setenv ("LIANLUO_USER", "zhao", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  d = ll_database_open (path, LL_DATABASE_OPEN_NONE, &error);
  if (d != NULL)
    kase = ll_case_store_get (d, g_ascii_strtoll (id_text, NULL, 10), &error);
  if (kase == NULL ||
      !ll_case_workflow_reply (d, kase, "街道已协调药品配送，下周恢复供应。", NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  ll_database_close (d);
  return 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  g_setenv ("LIANLUO_TODAY", TODAY, TRUE);

  if (argc == 4 && g_str_equal (argv[1], "--colleague-reply"))
    return colleague_reply (argv[2], argv[3]);

  g_setenv ("LIANLUO_USER", "wang", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC1", TRUE);

  ll_test_gui_init (&argc, &argv);
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  window = LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  db = ll_window_get_database (window);
  ll_database_set_poll_interval (db, 500);
  page = LL_CASES_PAGE (find (window, LL_TYPE_CASES_PAGE, NULL));
  detail = LL_CASE_DETAIL (ll_cases_page_get_detail (page));

  g_setenv ("LIANLUO_USER", "zhao", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague = ll_database_open (ll_database_get_path (db), LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  g_setenv ("LIANLUO_USER", "wang", TRUE);
  g_setenv ("LIANLUO_HOST", "OFFICE-PC1", TRUE);

  g_test_add_func ("/cases-page/empty", test_empty);
  g_test_add_func ("/cases-page/list", test_list);
  g_test_add_func ("/cases-page/workflow", test_workflow);
  g_test_add_func ("/cases-page/escape", test_escape);
  g_test_add_func ("/cases-page/reopen", test_reopen);
  g_test_add_func ("/cases-page/refused-and-conflict", test_refused_and_conflict);
  g_test_add_func ("/cases-page/merge", test_merge);
  g_test_add_func ("/cases-page/conflict-keep-theirs", test_conflict_keep_theirs);
  g_test_add_func ("/cases-page/conflict-keep-mine", test_conflict_keep_mine);
  g_test_add_func ("/cases-page/other-process", test_other_process);
  g_test_add_func ("/cases-page/filters-and-search", test_filters_and_search);
  g_test_add_func ("/cases-page/sort", test_sort);
  g_test_add_func ("/cases-page/overdue", test_overdue);
  g_test_add_func ("/cases-page/attachments", test_attachments);
  g_test_add_func ("/cases-page/delete-with-undo", test_delete_with_undo);
  g_test_add_func ("/cases-page/read-only", test_read_only);
  g_test_add_func ("/cases-page/keyboard", test_keyboard);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  g_clear_object (&app);
  return ret;
}

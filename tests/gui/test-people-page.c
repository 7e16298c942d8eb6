/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people-page"

#include "config.h"

#include "ll-case-store.h"
#include "ll-database.h"
#include "ll-group-store.h"
#include "ll-id-selection.h"
#include "ll-membership-store.h"
#include "ll-pairing-dialog.h"
#include "ll-pairing-store.h"
#include "ll-people-page.h"
#include "ll-person-assign-dialog.h"
#include "ll-person-store.h"
#include "ll-station-picker.h"
#include "ll-station-store.h"
#include "ll-test-gui.h"

/* The People page through the real window: what a user sees in the list
 * and in the person's file, after real key presses where it matters
 * (xdotool), and what reached the database. A colleague works on the
 * same file through a second connection. */

static LlApplication *app;
static LlDatabase *colleague;
static gint64 station_east, station_west, station_south;
static gint64 group_one;
static gint64 wang_id, li_id, zhao_id;

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

static LlPeoplePage *
page (void)
{
  GtkWidget *found = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), LL_TYPE_PEOPLE_PAGE,
                                              NULL);

  g_assert_nonnull (found);
  return LL_PEOPLE_PAGE (found);
}

static LlPersonDetail *
detail (void)
{
  return ll_people_page_get_detail (page ());
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

static gboolean
page_idle (gpointer data)
{
  return !ll_people_page_get_loading (page ());
}

/* The list has run its query; a change just written reaches it first
 * through LlDatabase::changed, from the main loop. */
static void
wait_list (void)
{
  ll_test_gui_spin (50);
  g_assert_true (ll_test_gui_wait (page_idle, NULL, 5000));
  ll_test_gui_spin (50);
}

static void
show_people_page (void)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.show-page",
                                             "s", "people"));
  ll_test_gui_spin (100);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (page ())));
  wait_list ();
}

static GListModel *
list_model (void)
{
  return G_LIST_MODEL (gtk_column_view_get_model (ll_people_page_get_column_view (page ())));
}

/* The names in the list, in its order. */
static GPtrArray *
list_names (void)
{
  GListModel *model = list_model ();
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlPerson) person = g_list_model_get_item (model, i);

      g_ptr_array_add (names, g_strdup (ll_person_get_name (person)));
    }

  return names;
}

static gboolean
list_has (const char *name)
{
  g_autoptr(GPtrArray) names = list_names ();

  for (guint i = 0; i < names->len; i++)
    if (g_str_equal (g_ptr_array_index (names, i), name))
      return TRUE;

  return FALSE;
}

static void
collect_labels (GtkWidget *widget,
                GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_labels (child, texts);
}

/* Whether @text is on screen in @root, as a label's whole text. */
static gboolean
shows_text (GtkWidget  *root,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_labels (root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;

  return FALSE;
}

static GtkWidget *
list_widget (void)
{
  return GTK_WIDGET (ll_people_page_get_column_view (page ()));
}

/* As a click or Space does: buttons react after a short pressed look. */
static void
press (GtkWidget *button)
{
  g_assert_true (gtk_widget_activate (button));
  ll_test_gui_spin (400);
}

/* In a window too narrow for both, the list and the file take turns. */
static void
show_list (void)
{
  if (!gtk_widget_get_mapped (list_widget ()))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "people.back", NULL));
  ll_test_gui_spin (300);
}

static GtkEditable *
form_entry (const char *property)
{
  return GTK_EDITABLE (ll_record_form_get_row (ll_person_detail_get_form (detail ()), property));
}

static GtkWidget *
form_row (const char *property)
{
  return ll_record_form_get_row (ll_person_detail_get_form (detail ()), property);
}

static LlPerson *
stored_person (LlDatabase *database,
               gint64      id)
{
  g_autoptr(GError) error = NULL;
  LlPerson *person = ll_person_store_get (database, id, &error);

  g_assert_no_error (error);
  return person;
}

/* Selects the person and opens their file, as Enter on their row does. */
static void
select_person (gint64 id)
{
  GtkSelectionModel *selection;
  guint position;

  ll_people_page_select_person (page (), id);
  ll_test_gui_spin (50);
  g_assert_cmpint (ll_person_detail_get_person_id (detail ()), ==, id);

  selection = gtk_column_view_get_model (ll_people_page_get_column_view (page ()));
  position = ll_id_selection_get_selected_position (LL_ID_SELECTION (selection));
  if (position != GTK_INVALID_LIST_POSITION)
    g_signal_emit_by_name (ll_people_page_get_column_view (page ()), "activate", position);
  ll_test_gui_spin (300);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (detail ())));
}

static gboolean
window_focused (gpointer data)
{
  return gtk_window_is_active (GTK_WINDOW (main_window ()));
}

static void
key (const char *keys)
{
  gtk_window_present (GTK_WINDOW (main_window ()));
  ll_test_gui_wait (window_focused, NULL, 2000);
  g_assert_true (ll_test_gui_xdotool ("key", "--clearmodifiers", keys, NULL));
  ll_test_gui_spin (300);
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
             const char *unit,
             const char *phone,
             gint64      station_id)
{
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(LlMembership) membership = NULL;
  g_autoptr(GError) error = NULL;

  ll_person_set_name (person, name);
  ll_person_set_role (person, role);
  ll_person_set_level (person, level);
  ll_person_set_unit (person, unit);
  ll_person_set_phone (person, phone);
  ll_person_set_term (person, level != NULL ? "第十七届" : NULL);
  g_assert_true (ll_person_store_create (db (), person, &error));
  g_assert_no_error (error);

  if (station_id != 0)
    {
      membership = ll_membership_store_assign (db (), ll_person_get_id (person), station_id,
                                               NULL, FALSE, &error);
      g_assert_no_error (error);
    }

  return ll_person_get_id (person);
}

static void
fill_database (void)
{
  g_autoptr(LlGroup) group = ll_group_new ();
  g_autoptr(GError) error = NULL;

  station_east = make_station ("东湖社区人大代表联络站");
  station_west = make_station ("西湖社区人大代表联络站");
  station_south = make_station ("南山街道代表工作室");

  ll_group_set_kind (group, "deputy");
  ll_group_set_name (group, "第一代表小组");
  g_assert_true (ll_group_store_create (db (), group, &error));
  g_assert_no_error (error);
  group_one = ll_group_get_id (group);

  wang_id = make_person ("王建国", "deputy", "city", "东湖街道办事处", "13812345678",
                         station_east);
  li_id = make_person ("李秀英", "deputy", "county", "区人民医院", "13900001111", station_east);
  make_person ("张伟", "deputy", "township", "滨海镇卫生院", "13700002222", station_west);
  make_person ("陈静", "voter_representative", NULL, "东湖小学", NULL, station_west);
  zhao_id = make_person ("赵明", "judge", NULL, "区人民法院", "13600003333", station_south);
  make_person ("孙丽", "observer", NULL, "南山社区居委会", NULL, 0);
}

/* Tests ----------------------------------------------------------------------- */

/* An empty database: the page says so and offers New Person. */
static void
test_empty_state (void)
{
  GtkWidget *empty;

  show_people_page ();
  empty = named (GTK_WIDGET (page ()), ADW_TYPE_STATUS_PAGE, "people-empty");
  g_assert_true (gtk_widget_get_mapped (empty));
  g_assert_false (gtk_widget_get_mapped (list_widget ()));
}

/* Ctrl+Shift+P, typing, Ctrl+S: the person is stored and selected. */
static void
test_create_person (void)
{
  g_autoptr(LlPerson) created = NULL;
  gint64 id;

  fill_database ();
  wait_list ();
  g_assert_true (list_has ("王建国"));

  if (ll_test_gui_have_x11 ())
    key ("ctrl+shift+p");
  else
    gtk_widget_activate_action (GTK_WIDGET (page ()), "people.new-person", NULL);

  g_assert_true (ll_person_detail_get_is_new (detail ()));
  g_assert_true (shows_text (GTK_WIDGET (detail ()), "New Person"));

  gtk_editable_set_text (form_entry ("name"), "周新民");
  gtk_editable_set_text (form_entry ("unit"), "东湖街道社区服务中心");
  gtk_editable_set_text (form_entry ("phone"), "13511112222");

  if (ll_test_gui_have_x11 ())
    key ("ctrl+s");
  else
    gtk_widget_activate_action (GTK_WIDGET (page ()), "people.save", NULL);

  id = ll_person_detail_get_person_id (detail ());
  g_assert_cmpint (id, >, 0);
  created = stored_person (colleague, id);
  g_assert_cmpstr (ll_person_get_name (created), ==, "周新民");
  g_assert_cmpstr (ll_person_get_role (created), ==, "deputy");
  g_assert_cmpstr (ll_person_get_unit (created), ==, "东湖街道社区服务中心");

  /* Selected in the list, which shows them. */
  wait_list ();
  g_assert_cmpint (ll_people_page_get_selected_id (page ()), ==, id);
  g_assert_true (list_has ("周新民"));
  g_assert_false (ll_person_detail_get_dirty (detail ()));
}

/* Edits to several fields, saved with Ctrl+S; deputies only have a level. */
static void
test_edit_and_save (void)
{
  g_autoptr(LlPerson) after = NULL;
  AdwComboRow *role;
  AdwComboRow *level;

  select_person (li_id);
  g_assert_true (shows_text (GTK_WIDGET (detail ()), "李秀英"));

  gtk_editable_set_text (form_entry ("term"), "第十八届");
  gtk_editable_set_text (form_entry ("post"), "副院长");
  gtk_editable_set_text (form_entry ("constituency"), "第三选区");
  g_assert_true (ll_person_detail_get_dirty (detail ()));

  if (ll_test_gui_have_x11 ())
    key ("ctrl+s");
  else
    g_assert_true (ll_person_detail_save (detail ()));

  g_assert_false (ll_person_detail_get_dirty (detail ()));
  after = stored_person (colleague, li_id);
  g_assert_cmpstr (ll_person_get_term (after), ==, "第十八届");
  g_assert_cmpstr (ll_person_get_post (after), ==, "副院长");
  g_assert_cmpstr (ll_person_get_constituency (after), ==, "第三选区");
  g_assert_cmpstr (ll_person_get_level (after), ==, "county");

  /* Another role: the level is cleared and cannot be chosen. */
  role = ADW_COMBO_ROW (form_row ("role"));
  level = ADW_COMBO_ROW (form_row ("level"));
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (level)));
  adw_combo_row_set_selected (role, ll_enum_find (LL_ENUM_PERSON_ROLE, "voter_representative"));
  g_assert_false (gtk_widget_get_sensitive (GTK_WIDGET (level)));
  g_assert_cmpuint (adw_combo_row_get_selected (level), ==, 0);
  ll_person_detail_revert (detail ());
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (level)));
  g_assert_cmpuint (adw_combo_row_get_selected (level), ==,
                    1 + ll_enum_find (LL_ENUM_DEPUTY_LEVEL, "county"));
}

/* Phone numbers show as 138****5678 until revealed, in the list and in
 * the person's file. */
static void
test_phone_masked (void)
{
  GtkWidget *masked_row;

  wait_list ();
  select_person (wang_id);

  masked_row = named (GTK_WIDGET (detail ()), ADW_TYPE_ACTION_ROW, "phone-masked");
  g_assert_true (gtk_widget_get_visible (masked_row));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (form_entry ("phone"))));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (masked_row)), ==, "138****5678");

  /* The detail's reveal button, for this person. */
  press (named (masked_row, GTK_TYPE_BUTTON, "reveal-phone"));
  g_assert_false (gtk_widget_get_visible (masked_row));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (form_entry ("phone"))));
  g_assert_cmpstr (gtk_editable_get_text (form_entry ("phone")), ==, "13812345678");

  /* Another person is masked again. */
  select_person (li_id);
  g_assert_true (gtk_widget_get_visible (masked_row));

  show_list ();
  g_assert_true (shows_text (list_widget (), "138****5678"));
  g_assert_false (shows_text (list_widget (), "13812345678"));

  /* The list's toggle, for everyone, this session. */
  press (named (GTK_WIDGET (page ()), GTK_TYPE_TOGGLE_BUTTON, "show-phones"));
  g_assert_true (shows_text (list_widget (), "13812345678"));
  g_assert_false (shows_text (list_widget (), "138****5678"));
  g_assert_false (gtk_widget_get_visible (masked_row));

  press (named (GTK_WIDGET (page ()), GTK_TYPE_TOGGLE_BUTTON, "show-phones"));
  g_assert_true (shows_text (list_widget (), "138****5678"));
}

/* A click on a header sorts in the database: the list's order is the
 * store's order for that column. */
static void
test_sort_by_column (void)
{
  GtkColumnView *view = ll_people_page_get_column_view (page ());
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) station_column = g_list_model_get_item (columns, 4);
  g_autoptr(GtkColumnViewColumn) name_column = g_list_model_get_item (columns, 0);
  gint64 selected = ll_people_page_get_selected_id (page ());

  g_assert_cmpstr (gtk_column_view_column_get_title (station_column), ==, "Station");
  gtk_column_view_sort_by_column (view, station_column, GTK_SORT_DESCENDING);
  wait_list ();

  expected = ll_person_store_list (colleague, NULL, LL_PERSON_SORT_STATION, TRUE, &error);
  g_assert_no_error (error);
  names = list_names ();
  g_assert_cmpuint (names->len, ==, expected->len);
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==,
                     ll_person_get_name (g_ptr_array_index (expected, i)));

  /* The selection stays on the same person. */
  g_assert_cmpint (ll_people_page_get_selected_id (page ()), ==, selected);

  gtk_column_view_sort_by_column (view, name_column, GTK_SORT_ASCENDING);
  wait_list ();
  g_clear_pointer (&expected, g_ptr_array_unref);
  g_clear_pointer (&names, g_ptr_array_unref);
  expected = ll_person_store_list (colleague, NULL, LL_PERSON_SORT_NAME, FALSE, &error);
  names = list_names ();
  for (guint i = 0; i < names->len; i++)
    g_assert_cmpstr (g_ptr_array_index (names, i), ==,
                     ll_person_get_name (g_ptr_array_index (expected, i)));
}

/* Filters by role and by station; a filter without results offers to
 * clear it. */
static void
test_filters (void)
{
  LlPeoplePage *p = page ();
  GtkDropDown *role = GTK_DROP_DOWN (named (GTK_WIDGET (p), GTK_TYPE_DROP_DOWN, "role-filter"));
  GtkDropDown *state = GTK_DROP_DOWN (named (GTK_WIDGET (p), GTK_TYPE_DROP_DOWN, "state-filter"));
  LlStationPicker *station = LL_STATION_PICKER (named (GTK_WIDGET (p), LL_TYPE_STATION_PICKER,
                                                       "station-filter"));
  g_autoptr(GPtrArray) names = NULL;
  GtkWidget *no_results;

  /* Judges: 赵明 only. */
  gtk_drop_down_set_selected (role, 1 + ll_enum_find (LL_ENUM_PERSON_ROLE, "judge"));
  wait_list ();
  names = list_names ();
  g_assert_cmpuint (names->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "赵明");
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (p), GTK_TYPE_LABEL,
                                                "filter-summary")));

  /* Judges at 东湖: nobody, and the page says so. */
  ll_station_picker_set_selected_id (station, station_east);
  wait_list ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model ()), ==, 0);
  no_results = named (GTK_WIDGET (p), ADW_TYPE_STATUS_PAGE, "people-no-results");
  g_assert_true (gtk_widget_get_mapped (no_results));

  /* Anyone at 东湖: 王建国 and 李秀英. */
  gtk_drop_down_set_selected (role, 0);
  wait_list ();
  g_clear_pointer (&names, g_ptr_array_unref);
  names = list_names ();
  g_assert_cmpuint (names->len, ==, 2);
  g_assert_true (list_has ("王建国"));
  g_assert_true (list_has ("李秀英"));
  g_assert_cmpstr (ll_station_picker_get_label (station), ==, "东湖社区人大代表联络站");

  /* The no-results page's button clears everything. */
  ll_station_picker_set_selected_id (station, station_south);
  gtk_drop_down_set_selected (role, 1 + ll_enum_find (LL_ENUM_PERSON_ROLE, "deputy"));
  wait_list ();
  g_assert_true (gtk_widget_get_mapped (no_results));
  press (named (no_results, GTK_TYPE_BUTTON, "clear-filters"));
  wait_list ();
  g_assert_cmpuint (gtk_drop_down_get_selected (role), ==, 0);
  g_assert_cmpint (ll_station_picker_get_selected_id (station), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (state), ==, 0);
  g_assert_true (list_has ("孙丽"));
  g_assert_true (gtk_widget_get_mapped (list_widget ()));
}

static gboolean
list_has_only (gpointer data)
{
  const char *name = data;
  g_autoptr(GPtrArray) names = NULL;

  if (ll_people_page_get_loading (page ()))
    return FALSE;

  names = list_names ();
  return names->len == 1 && g_str_equal (g_ptr_array_index (names, 0), name);
}

/* Search as you type, 2 characters (the trigram index's short path) and
 * 3; typed for real when there is an X server. */
static void
test_search (void)
{
  GtkEditable *entry = GTK_EDITABLE (named (GTK_WIDGET (page ()), GTK_TYPE_SEARCH_ENTRY,
                                            "people-search"));

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (entry, "建国");
  g_assert_true (ll_test_gui_wait (list_has_only, (gpointer) "王建国", 5000));

  /* The list follows once typing pauses. */
  gtk_editable_set_text (entry, "");
  ll_test_gui_spin (300);
  wait_list ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model ()), >, 2);

  /* Three characters, a work unit: 区人民医院 is 李秀英's. */
  gtk_editable_set_text (entry, "人民医");
  g_assert_true (ll_test_gui_wait (list_has_only, (gpointer) "李秀英", 5000));

  /* Nothing found: the page says so. */
  gtk_editable_set_text (entry, "不存在的人");
  ll_test_gui_spin (400);
  wait_list ();
  g_assert_cmpuint (g_list_model_get_n_items (list_model ()), ==, 0);
  g_assert_true (gtk_widget_get_mapped (named (GTK_WIDGET (page ()), ADW_TYPE_STATUS_PAGE,
                                               "people-no-results")));

  gtk_editable_set_text (entry, "");
  ll_test_gui_spin (300);
  wait_list ();
  g_assert_true (list_has ("赵明"));
}

/* Ctrl+F puts the keyboard in the search entry. */
static void
test_ctrl_f (void)
{
  GtkWidget *entry = named (GTK_WIDGET (page ()), GTK_TYPE_SEARCH_ENTRY, "people-search");
  GtkWidget *focus;

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs xdotool and X11");
      return;
    }

  gtk_widget_grab_focus (list_widget ());
  key ("ctrl+f");
  focus = gtk_root_get_focus (GTK_ROOT (main_window ()));
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static gboolean
dialog_of_type (gpointer data)
{
  return ll_test_gui_find_toplevel (GPOINTER_TO_SIZE (data)) != NULL;
}

static gboolean
membership_row_shows (gpointer data)
{
  GtkWidget *list = named (GTK_WIDGET (detail ()), GTK_TYPE_LIST_BOX, "memberships-list");

  return shows_text (list, data);
}

/* A deputy assigned to another station moves there: one current
 * station, the old one kept as history. */
static void
test_assign_moves_deputy (void)
{
  LlPersonAssignDialog *dialog;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GError) error = NULL;

  select_person (li_id);
  g_assert_true (membership_row_shows ((gpointer) "东湖社区人大代表联络站"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail ()), "person.assign", NULL));
  g_assert_true (ll_test_gui_wait (dialog_of_type,
                                   GSIZE_TO_POINTER (LL_TYPE_PERSON_ASSIGN_DIALOG), 3000));
  dialog = LL_PERSON_ASSIGN_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_PERSON_ASSIGN_DIALOG));

  /* A deputy cannot keep the other station. */
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (dialog), GTK_TYPE_SWITCH,
                                                 "keep-other-stations")) &&
                  gtk_widget_get_mapped (named (GTK_WIDGET (dialog), GTK_TYPE_SWITCH,
                                                "keep-other-stations")));

  ll_person_assign_dialog_set_station (dialog, station_west);
  g_assert_true (ll_person_assign_dialog_assign (dialog));

  current = ll_membership_store_list_by_person (colleague, li_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpint (ll_membership_get_station_id (g_ptr_array_index (current, 0)), ==,
                   station_west);

  g_assert_true (ll_test_gui_wait (membership_row_shows, (gpointer) "西湖社区人大代表联络站",
                                   3000));

  /* 东湖 stays as history (ended), unless it began today (then it goes). */
  all = ll_membership_store_list_by_person (colleague, li_id, FALSE, &error);
  for (guint i = 0; i < all->len; i++)
    {
      LlMembership *m = g_ptr_array_index (all, i);

      if (ll_membership_get_station_id (m) == station_east)
        g_assert_false (ll_membership_is_current (m));
    }
  g_assert_true (shows_text (GTK_WIDGET (detail ()), "Deputy · County · 西湖社区人大代表联络站"));
}

static gboolean
pairing_row_shows (gpointer data)
{
  return shows_text (named (GTK_WIDGET (detail ()), GTK_TYPE_LIST_BOX, "pairings-list"), data);
}

/* Add Pairing…: the dialog's form stores it and the file lists it. */
static void
test_add_pairing (void)
{
  LlPairingDialog *dialog;
  LlRecordForm *form;
  g_autoptr(GPtrArray) pairings = NULL;
  g_autoptr(GError) error = NULL;

  select_person (wang_id);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (detail ()), "person.add-pairing", NULL));
  g_assert_true (ll_test_gui_wait (dialog_of_type, GSIZE_TO_POINTER (LL_TYPE_PAIRING_DIALOG),
                                   3000));
  dialog = LL_PAIRING_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_PAIRING_DIALOG));
  form = ll_pairing_dialog_get_form (dialog);

  adw_combo_row_set_selected (ADW_COMBO_ROW (ll_record_form_get_row (form, "kind")),
                              ll_enum_find (LL_ENUM_PAIRING_KIND, "low_income_household"));
  gtk_editable_set_text (GTK_EDITABLE (ll_record_form_get_row (form, "name")), "刘大爷家");
  gtk_editable_set_text (GTK_EDITABLE (ll_record_form_get_row (form, "contact")), "13300004444");
  g_assert_true (ll_pairing_dialog_save (dialog));
  ll_test_gui_spin (100);
  g_assert_null (ll_test_gui_find_toplevel (LL_TYPE_PAIRING_DIALOG));

  pairings = ll_pairing_store_list_by_person (colleague, wang_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pairings->len, ==, 1);
  g_assert_cmpstr (ll_pairing_get_kind (g_ptr_array_index (pairings, 0)), ==,
                   "low_income_household");

  g_assert_true (ll_test_gui_wait (pairing_row_shows, (gpointer) "刘大爷家", 3000));
}

static GtkWidget *
find_button_labelled (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0 &&
      gtk_widget_get_mapped (root))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
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
  return find_button_labelled (GTK_WIDGET (main_window ()), "_Undo") != NULL;
}

/* Delete on the list archives the selected person, ending their
 * stationing; the toast's Undo brings them back where they were. */
static void
test_archive_undo (void)
{
  g_autoptr(LlPerson) archived = NULL;
  g_autoptr(LlPerson) restored = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GError) error = NULL;

  wait_list ();
  select_person (zhao_id);
  show_list ();
  gtk_widget_grab_focus (list_widget ());

  if (ll_test_gui_have_x11 ())
    key ("Delete");
  else
    g_assert_true (ll_page_archive_selection (LL_PAGE (page ())));

  archived = stored_person (colleague, zhao_id);
  g_assert_false (ll_person_get_active (archived));
  current = ll_membership_store_list_by_person (colleague, zhao_id, TRUE, &error);
  g_assert_cmpuint (current->len, ==, 0);
  g_clear_pointer (&current, g_ptr_array_unref);

  /* Gone from the list of active people; the file says archived. */
  wait_list ();
  g_assert_false (list_has ("赵明"));
  g_assert_cmpint (ll_person_detail_get_person_id (detail ()), ==, zhao_id);
  g_assert_true (gtk_widget_get_visible (named (GTK_WIDGET (detail ()), GTK_TYPE_LABEL,
                                                "person-archived")));

  g_assert_true (ll_test_gui_wait (undo_shown, NULL, 3000));
  press (find_button_labelled (GTK_WIDGET (main_window ()), "_Undo"));

  restored = stored_person (colleague, zhao_id);
  g_assert_true (ll_person_get_active (restored));
  current = ll_membership_store_list_by_person (colleague, zhao_id, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (current->len, ==, 1);
  g_assert_cmpint (ll_membership_get_station_id (g_ptr_array_index (current, 0)), ==,
                   station_south);

  wait_list ();
  g_assert_true (list_has ("赵明"));
}

static gboolean
list_shows_name (gpointer data)
{
  return !ll_people_page_get_loading (page ()) && list_has (data);
}

/* A colleague's change reaches the list and the open file within the
 * poll interval; the selection stays, and unsaved edits survive. */
static void
test_colleague_change (void)
{
  g_autoptr(LlPerson) wang = NULL;
  g_autoptr(LlPerson) li = NULL;
  g_autoptr(GError) error = NULL;
  GtkSelectionModel *selection;
  guint position;

  select_person (wang_id);

  /* The colleague renames the person shown … */
  wang = stored_person (colleague, wang_id);
  ll_person_set_name (wang, "王建国（新）");
  g_assert_true (ll_person_store_update (colleague, wang, &error));
  g_assert_no_error (error);

  g_assert_true (ll_test_gui_wait (list_shows_name, (gpointer) "王建国（新）", 10000));
  ll_test_gui_spin (100);
  g_assert_cmpstr (gtk_editable_get_text (form_entry ("name")), ==, "王建国（新）");
  g_assert_true (shows_text (GTK_WIDGET (detail ()), "王建国（新）"));
  show_list ();
  g_assert_true (shows_text (list_widget (), "王建国（新）"));

  /* … and the row is still the selected one. */
  g_assert_cmpint (ll_people_page_get_selected_id (page ()), ==, wang_id);
  selection = gtk_column_view_get_model (ll_people_page_get_column_view (page ()));
  position = ll_id_selection_get_selected_position (LL_ID_SELECTION (selection));
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  g_assert_true (gtk_selection_model_is_selected (selection, position));

  /* With an unsaved edit, the colleague's change leaves it alone. */
  gtk_editable_set_text (form_entry ("post"), "主任");
  g_clear_object (&wang);
  wang = stored_person (colleague, wang_id);
  ll_person_set_unit (wang, "东湖街道党工委");
  g_assert_true (ll_person_store_update (colleague, wang, &error));
  li = stored_person (colleague, li_id);
  ll_person_set_name (li, "李秀英（改）");
  g_assert_true (ll_person_store_update (colleague, li, &error));

  g_assert_true (ll_test_gui_wait (list_shows_name, (gpointer) "李秀英（改）", 10000));
  ll_test_gui_spin (100);
  g_assert_true (shows_text (list_widget (), "李秀英（改）"));
  g_assert_cmpstr (gtk_editable_get_text (form_entry ("post")), ==, "主任");
  g_assert_true (ll_person_detail_get_dirty (detail ()));
  g_assert_true (ll_record_form_get_stale (ll_person_detail_get_form (detail ())));
  g_assert_cmpint (ll_people_page_get_selected_id (page ()), ==, wang_id);

  ll_person_detail_revert (detail ());
  g_assert_cmpstr (gtk_editable_get_text (form_entry ("unit")), ==, "东湖街道党工委");
}

/* Read-only: everything shows, nothing can be changed. */
static void
test_read_only (void)
{
  LlPage *p = LL_PAGE (page ());

  select_person (wang_id);
  ll_page_set_editable (p, FALSE);

  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (p), GTK_TYPE_BUTTON,
                                                  "new-person")));
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (detail ()), GTK_TYPE_BUTTON,
                                                  "save")));
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (detail ()), GTK_TYPE_BUTTON,
                                                  "assign")));
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (detail ()), GTK_TYPE_BUTTON,
                                                  "add-pairing")));
  g_assert_false (gtk_editable_get_editable (form_entry ("name")));
  g_assert_false (gtk_widget_is_sensitive (form_row ("role")));
  g_assert_false (ll_page_archive_selection (p));
  g_assert_true (stored_person (colleague, wang_id) != NULL);

  ll_page_set_editable (p, TRUE);
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (p), GTK_TYPE_BUTTON, "new-person")));
  g_assert_true (gtk_editable_get_editable (form_entry ("name")));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int ret;

  ll_test_gui_init (&argc, &argv);
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  /* A colleague on another machine, and a quicker look for their changes. */
  g_setenv ("LIANLUO_HOST", "OFFICE-PC2", TRUE);
  colleague = ll_database_open (ll_database_get_path (db ()), LL_DATABASE_OPEN_NONE, &error);
  g_unsetenv ("LIANLUO_HOST");
  g_assert_no_error (error);
  ll_database_set_poll_interval (db (), 300);

  g_test_add_func ("/people/empty-state", test_empty_state);
  g_test_add_func ("/people/create", test_create_person);
  g_test_add_func ("/people/edit-and-save", test_edit_and_save);
  g_test_add_func ("/people/phone-masked", test_phone_masked);
  g_test_add_func ("/people/sort-by-column", test_sort_by_column);
  g_test_add_func ("/people/filters", test_filters);
  g_test_add_func ("/people/search", test_search);
  g_test_add_func ("/people/ctrl-f", test_ctrl_f);
  g_test_add_func ("/people/assign-moves-deputy", test_assign_moves_deputy);
  g_test_add_func ("/people/add-pairing", test_add_pairing);
  g_test_add_func ("/people/archive-undo", test_archive_undo);
  g_test_add_func ("/people/colleague-change", test_colleague_change);
  g_test_add_func ("/people/read-only", test_read_only);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  g_clear_object (&app);
  return ret;
}

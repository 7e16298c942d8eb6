/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-case-intake"

#include "config.h"

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <sys/mount.h>
#include <unistd.h>

#include "ll-banner.h"
#include "ll-case-intake.h"
#include "ll-case-store.h"
#include "ll-cases-page.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-membership-store.h"
#include "ll-person-store.h"
#include "ll-station-store.h"
#include "ll-stations-page.h"
#include "ll-test-gui.h"

#ifdef GDK_WINDOWING_X11
# include <gdk/x11/gdkx.h>
#endif

/* The New Case form at the reception desk, driven through the real
 * window with real key presses: Ctrl+N, typing, Tab, Enter, Ctrl+Enter,
 * Escape. Chinese text, which xdotool cannot type, is set directly. */

#define TODAY "2025-03-05"

static LlApplication *app;
static LlDatabase *colleague;
static char *workdir;
static gint64 east_id;
static gint64 west_id;
static gint64 deputy_li_id;
static gint64 deputy_wang_id;

/* Helpers ------------------------------------------------------------------ */

static LlWindow *
main_window (void)
{
  GtkWindow *window = ll_test_gui_find_toplevel (LL_TYPE_WINDOW);

  g_assert_nonnull (window);
  return LL_WINDOW (window);
}

static LlCaseIntake *
intake (void)
{
  return LL_CASE_INTAKE (ll_test_gui_find_toplevel (LL_TYPE_CASE_INTAKE));
}

static gboolean
intake_ready (gpointer data)
{
  LlCaseIntake *form = intake ();

  return form != NULL && gtk_widget_get_mapped (GTK_WIDGET (form)) &&
         gtk_root_get_focus (GTK_ROOT (form)) != NULL;
}

static gboolean
intake_gone (gpointer data)
{
  return intake () == NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  GtkWindow *dialog = ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
message_dialog_gone (gpointer data)
{
  return ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) == NULL;
}

static GtkWidget *
row (const char *property)
{
  GtkWidget *found = ll_test_gui_find_widget (GTK_WIDGET (intake ()), GTK_TYPE_WIDGET, property);

  g_assert_nonnull (found);
  return found;
}

static GtkEditable *
entry (const char *property)
{
  return GTK_EDITABLE (row (property));
}

static GtkDropDown *
dropdown (const char *property)
{
  return GTK_DROP_DOWN (ll_test_gui_find_widget (row (property), GTK_TYPE_DROP_DOWN, NULL));
}

static const char *
dropdown_label (const char *property)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown (property));

  return item != NULL ? ll_choice_get_label (LL_CHOICE (item)) : NULL;
}

/* How many items the open list of @dropdown shows. */
static guint
shown_in_list (GtkDropDown *list)
{
  GtkWidget *view = ll_test_gui_find_widget (GTK_WIDGET (list), GTK_TYPE_LIST_VIEW, NULL);

  g_assert_nonnull (view);
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (view))));
}

static char *
body_text (void)
{
  GtkTextView *view = GTK_TEXT_VIEW (ll_test_gui_find_widget (row ("body"), GTK_TYPE_TEXT_VIEW,
                                                              NULL));
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (gtk_text_view_get_buffer (view), &start, &end);
  return gtk_text_buffer_get_text (gtk_text_view_get_buffer (view), &start, &end, FALSE);
}

static GtkSwitch *
fast_track (void)
{
  return GTK_SWITCH (ll_test_gui_find_widget (row ("fast-track"), GTK_TYPE_SWITCH, NULL));
}

static gboolean
switch_on (gpointer data)
{
  return gtk_switch_get_active (fast_track ());
}

static LlBanner *
intake_banner (void)
{
  return LL_BANNER (ll_test_gui_find_widget (GTK_WIDGET (intake ()), LL_TYPE_BANNER, NULL));
}

static GtkWidget *
register_button (void)
{
  return ll_test_gui_find_widget (GTK_WIDGET (intake ()), GTK_TYPE_BUTTON, "register");
}

/* Whether the keyboard focus is in the row of @property. */
static gboolean
focus_in (const char *property)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (intake ()));
  GtkWidget *target = row (property);

  return focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target));
}

static void
x11_focus (GtkWindow *window)
{
#ifdef GDK_WINDOWING_X11
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

  gtk_window_present (window);
  g_assert_true (ll_test_gui_xdotool ("windowfocus", "--sync", xid, NULL));
  ll_test_gui_spin (100);
#endif
}

static void
keys (const char *first,
      ...)
{
  va_list args;

  va_start (args, first);
  for (const char *key = first; key != NULL; key = va_arg (args, const char *))
    {
      g_assert_true (ll_test_gui_xdotool ("key", "--clearmodifiers", key, NULL));
      ll_test_gui_spin (60);
    }
  va_end (args);
}

static void
type (const char *text)
{
  g_assert_true (ll_test_gui_xdotool ("type", "--delay", "20", text, NULL));
  ll_test_gui_spin (100);
}

static gint64
count_cases (void)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autoptr(GError) error = NULL;
  gint64 n = ll_case_store_count (colleague, &filter, &error);

  g_assert_no_error (error);
  return n;
}

static gboolean
banner_says (gpointer data)
{
  LlBanner *banner = intake () != NULL ? intake_banner () : NULL;

  return banner != NULL && ll_banner_get_revealed (banner) &&
         strstr (ll_banner_get_title (banner), data) != NULL;
}

/* A label somewhere in @root whose text holds @text. */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && gtk_widget_get_mapped (root) &&
      strstr (gtk_label_get_text (GTK_LABEL (root)), text) != NULL)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
toast_shows (gpointer data)
{
  return find_label (GTK_WIDGET (main_window ()), data) != NULL;
}

static gboolean
have_x11 (void)
{
  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs an X11 display and xdotool");
      return FALSE;
    }

  return TRUE;
}

/* Opens the form as a user does: Ctrl+N in the main window. */
static void
press_ctrl_n (void)
{
  x11_focus (GTK_WINDOW (main_window ()));
  keys ("ctrl+n", NULL);
  g_assert_true (ll_test_gui_wait (intake_ready, NULL, 5000));

  /* Without a window manager a window shown again does not always get
   * the keyboard: give it, as a window manager would. */
  x11_focus (GTK_WINDOW (intake ()));
}

static void
close_intake (void)
{
  LlCaseIntake *form = intake ();

  if (form == NULL)
    return;

  /* Without asking: the test is done with it. */
  gtk_window_destroy (GTK_WINDOW (form));
  g_assert_true (ll_test_gui_wait (intake_gone, NULL, 3000));
}

/* Tests -------------------------------------------------------------------- */

static GtkWidget *
find_shortcut (GtkWidget  *root,
               const char *title)
{
  g_autofree char *shortcut_title = NULL;

  if (GTK_IS_SHORTCUTS_SHORTCUT (root))
    {
      g_object_get (root, "title", &shortcut_title, NULL);
      if (g_strcmp0 (shortcut_title, title) == 0)
        return root;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_shortcut (child, title);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
shortcuts_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW) != NULL;
}

/* The shortcuts window shows the keys of the New Case form. */
static void
test_shortcuts_window (void)
{
  GtkWindow *shortcuts;
  g_autofree char *accelerator = NULL;
  GtkWidget *shortcut;
  GLogLevelFlags fatal;

  /* Another group of the window makes GTK 4.8 warn that a label measured
   * narrower than nothing (test-window reports it); not this test's
   * business: warnings are not fatal while the window is open. */
  fatal = g_log_set_always_fatal (G_LOG_FATAL_MASK | G_LOG_LEVEL_CRITICAL);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()),
                                             "win.show-help-overlay", NULL));
  g_assert_true (ll_test_gui_wait (shortcuts_shown, NULL, 3000));
  shortcuts = ll_test_gui_find_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);

  shortcut = find_shortcut (GTK_WIDGET (shortcuts), "New Case");
  g_assert_nonnull (shortcut);
  g_object_get (shortcut, "accelerator", &accelerator, NULL);
  g_assert_cmpstr (accelerator, ==, "<Control>n");
  g_assert_nonnull (find_shortcut (GTK_WIDGET (shortcuts),
                                   "Register the Case and Start the Next One"));

  gtk_window_destroy (shortcuts);
  ll_test_gui_spin (100);
  g_log_set_always_fatal (fatal);
}

/* On the welcome page there is nothing to register a case in. */
static void
test_welcome_page (void)
{
  if (!have_x11 ())
    return;

  g_assert_true (ll_test_gui_wait_for_view ("welcome"));
  x11_focus (GTK_WINDOW (main_window ()));
  keys ("ctrl+n", NULL);
  ll_test_gui_spin (500);
  g_assert_null (intake ());
}

static void
setup_data (void)
{
  LlDatabase *db;
  g_autoptr(GError) error = NULL;
  const char *names[] = { "东湖社区人大代表联络站", "西湖社区人大代表联络站" };
  gint64 *ids[] = { &east_id, &west_id };
  const char *people[] = { "李明华", "王秀英", "张建国" };
  gint64 *person_ids[] = { &deputy_li_id, &deputy_wang_id, NULL };

  ll_test_gui_create_database ();
  db = ll_window_get_database (main_window ());

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(LlStation) station = ll_station_new ();

      ll_station_set_name (station, names[i]);
      ll_station_set_kind (station, "station");
      g_assert_true (ll_station_store_create (db, station, &error));
      g_assert_no_error (error);
      *ids[i] = ll_station_get_id (station);
    }

  /* Three deputies stationed in the west. */
  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(LlPerson) person = ll_person_new ();
      g_autoptr(LlMembership) membership = NULL;

      ll_person_set_name (person, people[i]);
      ll_person_set_role (person, "deputy");
      ll_person_set_level (person, "county");
      g_assert_true (ll_person_store_create (db, person, &error));
      g_assert_no_error (error);
      membership = ll_membership_store_assign (db, ll_person_get_id (person), west_id, "member",
                                               FALSE, &error);
      g_assert_no_error (error);
      if (person_ids[i] != NULL)
        *person_ids[i] = ll_person_get_id (person);
    }

  colleague = ll_database_open (ll_database_get_path (db), LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
}

/* Ctrl+N on any page opens the form with the cursor in the first field,
 * today's date and the usual source filled in. */
static void
test_ctrl_n_opens (void)
{
  gint64 start;

  if (!have_x11 ())
    return;

  setup_data ();
  ll_window_set_page (main_window (), "cases");
  ll_test_gui_spin (200);

  x11_focus (GTK_WINDOW (main_window ()));
  /* From anywhere: here the cursor is in the page's search. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (main_window ()), "win.focus-search",
                                             NULL));
  ll_test_gui_spin (100);
  g_test_message ("focus before Ctrl+N: %s",
                  G_OBJECT_TYPE_NAME (gtk_root_get_focus (GTK_ROOT (main_window ()))));
  start = g_get_monotonic_time ();
  keys ("ctrl+n", NULL);
  g_assert_true (ll_test_gui_wait (intake_ready, NULL, 5000));
  g_test_message ("Ctrl+N to the form ready: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (intake ())) ==
                 GTK_WINDOW (main_window ()));
  g_assert_false (gtk_window_get_modal (GTK_WINDOW (intake ())));
  g_assert_true (focus_in ("received-on"));
  g_assert_cmpstr (gtk_editable_get_text (entry ("received-on")), ==, TODAY);
  g_assert_cmpstr (dropdown_label ("source"), ==, "Reception Day");
  /* Two stations and none used before: the receptionist chooses. */
  g_assert_null (dropdown_label ("station-id"));
  g_assert_null (dropdown_label ("category"));
  g_assert_false (ll_case_intake_get_dirty (intake ()));

  /* Ctrl+N again brings the same form forward. */
  press_ctrl_n ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (intake ())) ==
                 GTK_WINDOW (main_window ()));
}

/* A whole case from the keyboard, then Ctrl+Enter. */
static void
test_keyboard_case (void)
{
  g_autoptr(LlCase) stored = NULL;
  g_autoptr(GPtrArray) deputies = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *body = NULL;
  GtkWidget *search;
  const char *chosen;
  gint64 start;

  if (!have_x11 ())
    return;

  if (intake () == NULL)
    press_ctrl_n ();
  x11_focus (GTK_WINDOW (intake ()));
  g_assert_true (focus_in ("received-on"));

  /* Station: Tab, Space opens the list, its search finds the station
   * (Chinese is set, not typed), Enter takes it. */
  keys ("Tab", NULL);
  g_assert_true (focus_in ("station-id"));
  keys ("space", NULL);
  ll_test_gui_spin (200);
  search = ll_test_gui_find_widget (GTK_WIDGET (dropdown ("station-id")), GTK_TYPE_SEARCH_ENTRY,
                                    NULL);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_has_focus (search) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (search)),
                                         search));
  /* The search finds words anywhere in the name. */
  gtk_editable_set_text (GTK_EDITABLE (search), "社区人大");
  ll_test_gui_spin (400);
  g_assert_cmpuint (shown_in_list (dropdown ("station-id")), ==, 2);
  gtk_editable_set_text (GTK_EDITABLE (search), "西湖");
  ll_test_gui_spin (100);
  keys ("Return", NULL);
  ll_test_gui_spin (200);
  g_assert_cmpstr (dropdown_label ("station-id"), ==, "西湖社区人大代表联络站");

  /* Source: typing on the closed list chooses what starts so. */
  keys ("Tab", NULL);
  g_assert_true (focus_in ("source"));
  type ("ph");
  g_assert_cmpstr (dropdown_label ("source"), ==, "Phone");
  g_assert_true (focus_in ("source"));

  /* Category: the list's own search, from the keyboard. */
  keys ("Tab", NULL);
  g_assert_true (focus_in ("category"));
  keys ("space", NULL);
  ll_test_gui_spin (300);
  type ("env");
  keys ("Return", NULL);
  ll_test_gui_spin (200);
  g_assert_cmpstr (dropdown_label ("category"), ==, "Environment");
  g_assert_true (focus_in ("category"));

  keys ("Tab", NULL);
  g_assert_true (focus_in ("title"));
  type ("Street lights out");

  /* Enter moves on from a one-line field; in the full text it starts a
   * new line, and Tab leaves it. */
  keys ("Return", NULL);
  g_assert_true (focus_in ("body"));
  type ("Since March the lights are off.");
  keys ("Return", NULL);
  type ("Residents walk in the dark.");
  keys ("Tab", NULL);
  g_assert_true (focus_in ("constituent-name"));

  gtk_editable_set_text (entry ("constituent-name"), "赵桂兰");
  keys ("Return", NULL);
  g_assert_true (focus_in ("constituent-phone"));
  type ("138 1234 5678");
  keys ("Return", NULL);
  g_assert_true (focus_in ("constituent-address"));
  type ("Donghu Road 12");
  keys ("Tab", NULL);
  g_assert_true (focus_in ("fast-track"));
  keys ("space", NULL);
  /* The switch slides over before it is on. */
  g_assert_true (ll_test_gui_wait (switch_on, NULL, 2000));

  /* Receiving deputies: the station's people, searched; Enter picks. */
  keys ("Tab", NULL);
  g_assert_true (focus_in ("receiving-deputies"));
  keys ("space", NULL);
  ll_test_gui_spin (200);
  search = ll_test_gui_find_widget (row ("receiving-deputies"), GTK_TYPE_SEARCH_ENTRY, NULL);
  g_assert_nonnull (search);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (intake ())), search));
  gtk_editable_set_text (GTK_EDITABLE (search), "王");
  ll_test_gui_spin (100);
  keys ("Return", NULL);
  gtk_editable_set_text (GTK_EDITABLE (search), "李");
  ll_test_gui_spin (100);
  keys ("Return", NULL);
  keys ("Escape", NULL);
  ll_test_gui_spin (200);
  g_assert_nonnull (intake ());
  chosen = adw_action_row_get_subtitle (ADW_ACTION_ROW (row ("receiving-deputies")));
  g_assert_nonnull (strstr (chosen, "王秀英"));
  g_assert_nonnull (strstr (chosen, "李明华"));

  g_assert_true (ll_case_intake_get_dirty (intake ()));
  g_assert_cmpint (count_cases (), ==, 0);

  /* Without a window manager, X gives the focus back to no one when a
   * popover closes. */
  x11_focus (GTK_WINDOW (intake ()));
  start = g_get_monotonic_time ();
  keys ("ctrl+Return", NULL);
  g_assert_true (ll_test_gui_wait (toast_shows, "Case 2025-0001 registered", 3000));
  g_test_message ("Ctrl+Enter to the toast: %.0f ms", (g_get_monotonic_time () - start) / 1000.0);

  /* In the database, as typed. */
  stored = ll_case_store_get_by_serial (colleague, "2025-0001", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpstr (ll_case_get_title (stored), ==, "Street lights out");
  g_assert_cmpstr (ll_case_get_body (stored), ==,
                   "Since March the lights are off.\nResidents walk in the dark.");
  g_assert_cmpstr (ll_case_get_received_on (stored), ==, TODAY);
  g_assert_cmpint (ll_case_get_station_id (stored), ==, west_id);
  g_assert_cmpstr (ll_case_get_source (stored), ==, "phone");
  g_assert_cmpstr (ll_case_get_category (stored), ==, "environment");
  g_assert_cmpstr (ll_case_get_constituent_name (stored), ==, "赵桂兰");
  g_assert_cmpstr (ll_case_get_constituent_phone (stored), ==, "138 1234 5678");
  g_assert_cmpstr (ll_case_get_constituent_address (stored), ==, "Donghu Road 12");
  g_assert_true (ll_case_get_fast_track (stored));
  g_assert_cmpstr (ll_case_get_status (stored), ==, "registered");

  deputies = ll_case_store_list_deputies (colleague, ll_case_get_id (stored), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (deputies->len, ==, 2);

  /* The serial also stays in the form, to be read out. */
  g_assert_true (banner_says ("2025-0001"));

  /* Ready for the next constituent: date, station, source kept. */
  g_assert_cmpstr (gtk_editable_get_text (entry ("title")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-name")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-phone")), ==, "");
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-address")), ==, "");
  body = body_text ();
  g_assert_cmpstr (body, ==, "");
  g_assert_false (gtk_switch_get_active (fast_track ()));
  g_assert_null (dropdown_label ("category"));
  g_assert_cmpstr (gtk_editable_get_text (entry ("received-on")), ==, TODAY);
  g_assert_cmpstr (dropdown_label ("station-id"), ==, "西湖社区人大代表联络站");
  g_assert_cmpstr (dropdown_label ("source"), ==, "Phone");
  g_assert_false (ll_case_intake_get_dirty (intake ()));
  g_assert_true (focus_in ("category"));
}

/* A wrong phone number is marked as it is typed and blocks saving. */
static void
test_invalid_phone (void)
{
  gint64 before;

  if (!have_x11 ())
    return;

  if (intake () == NULL)
    press_ctrl_n ();
  x11_focus (GTK_WINDOW (intake ()));
  before = count_cases ();

  gtk_editable_set_text (entry ("title"), "路灯不亮");
  gtk_drop_down_set_selected (dropdown ("category"), 0);
  gtk_widget_grab_focus (row ("constituent-phone"));
  type ("138x");

  g_assert_true (gtk_widget_has_css_class (row ("constituent-phone"), "error"));
  g_assert_nonnull (find_label (row ("constituent-phone"), "Not a phone number"));
  g_assert_false (gtk_widget_is_sensitive (register_button ()));

  keys ("ctrl+Return", NULL);
  ll_test_gui_spin (200);
  g_assert_cmpint (count_cases (), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-phone")), ==, "138x");

  /* Corrected: the mark goes, saving is possible again. */
  keys ("BackSpace", NULL);
  type ("12345678");
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-phone")), ==, "13812345678");
  g_assert_false (gtk_widget_has_css_class (row ("constituent-phone"), "error"));
  g_assert_null (find_label (row ("constituent-phone"), "Not a phone number"));
  g_assert_true (gtk_widget_is_sensitive (register_button ()));
}

/* A missing field is named and gets the cursor; nothing is registered. */
static void
test_validation_names_field (void)
{
  g_autofree char *body = NULL;
  g_autofree char *after = NULL;
  gint64 before;

  if (!have_x11 ())
    return;

  if (intake () == NULL)
    press_ctrl_n ();
  x11_focus (GTK_WINDOW (intake ()));
  before = count_cases ();

  gtk_editable_set_text (entry ("title"), "");
  gtk_drop_down_set_selected (dropdown ("category"), GTK_INVALID_LIST_POSITION);
  gtk_editable_set_text (entry ("constituent-name"), "钱大爷");

  /* Ctrl+Enter from the full text registers; it adds no line there. */
  gtk_widget_grab_focus (ll_test_gui_find_widget (row ("body"), GTK_TYPE_TEXT_VIEW, NULL));
  body = body_text ();
  keys ("ctrl+Return", NULL);

  g_assert_true (ll_test_gui_wait (banner_says, "Title", 2000));
  g_test_message ("validation: %s", ll_banner_get_title (intake_banner ()));
  g_assert_true (focus_in ("title"));
  g_assert_true (gtk_widget_has_css_class (row ("title"), "error"));
  g_assert_cmpint (count_cases (), ==, before);
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-name")), ==, "钱大爷");
  after = body_text ();
  g_assert_cmpstr (after, ==, body);

  type ("Noise at night");
  g_assert_false (gtk_widget_has_css_class (row ("title"), "error"));
  keys ("ctrl+Return", NULL);
  g_assert_true (ll_test_gui_wait (banner_says, "Category", 2000));
  g_assert_true (focus_in ("category"));
  g_assert_true (gtk_widget_has_css_class (row ("category"), "error"));
  g_assert_cmpint (count_cases (), ==, before);
}

/* Escape asks before typed text is thrown away. */
static void
test_escape_asks (void)
{
  AdwMessageDialog *dialog;

  if (!have_x11 ())
    return;

  if (intake () == NULL)
    press_ctrl_n ();
  x11_focus (GTK_WINDOW (intake ()));
  gtk_widget_grab_focus (row ("title"));
  type (" more");
  g_assert_true (ll_case_intake_get_dirty (intake ()));

  /* Keep editing: Enter takes the default answer. */
  keys ("Escape", NULL);
  g_assert_true (ll_test_gui_wait (message_dialog_shown, NULL, 3000));
  dialog = ADW_MESSAGE_DIALOG (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (intake ()));
  x11_focus (GTK_WINDOW (dialog));
  keys ("Return", NULL);
  g_assert_true (ll_test_gui_wait (message_dialog_gone, NULL, 3000));
  g_assert_nonnull (intake ());
  g_assert_nonnull (strstr (gtk_editable_get_text (entry ("title")), "more"));

  /* Closing the main window asks too, and keeps both open. */
  gtk_window_close (GTK_WINDOW (main_window ()));
  g_assert_true (ll_test_gui_wait (message_dialog_shown, NULL, 3000));
  x11_focus (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  keys ("Escape", NULL);
  g_assert_true (ll_test_gui_wait (message_dialog_gone, NULL, 3000));
  g_assert_nonnull (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  g_assert_nonnull (intake ());

  /* Quitting (Ctrl+Q) asks too, and quits nothing while the user keeps
   * editing. */
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  g_assert_true (ll_test_gui_wait (message_dialog_shown, NULL, 3000));
  x11_focus (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  keys ("Escape", NULL);
  g_assert_true (ll_test_gui_wait (message_dialog_gone, NULL, 3000));
  ll_test_gui_spin (200);
  g_assert_nonnull (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  g_assert_nonnull (intake ());
  g_assert_nonnull (strstr (gtk_editable_get_text (entry ("title")), "more"));

  /* Discard. */
  x11_focus (GTK_WINDOW (intake ()));
  keys ("Escape", NULL);
  g_assert_true (ll_test_gui_wait (message_dialog_shown, NULL, 3000));
  x11_focus (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  keys ("alt+d", NULL);
  g_assert_true (ll_test_gui_wait (intake_gone, NULL, 3000));
  g_assert_true (ll_test_gui_wait (message_dialog_gone, NULL, 3000));

  /* Nothing typed: Escape just closes. */
  press_ctrl_n ();
  keys ("Escape", NULL);
  g_assert_true (ll_test_gui_wait (intake_gone, NULL, 3000));
  g_assert_null (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
}

/* The station of the last registered case is there at the next opening. */
static void
test_remembered_station (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *path = NULL;
  gint64 id = 0;

  if (!have_x11 ())
    return;

  close_intake ();
  g_settings_get (settings, "intake-station", "(sx)", &path, &id);
  g_assert_cmpint (id, ==, west_id);

  press_ctrl_n ();
  g_assert_cmpint (ll_case_intake_get_station_id (intake ()), ==, west_id);
  g_assert_cmpstr (dropdown_label ("station-id"), ==, "西湖社区人大代表联络站");
  g_assert_true (focus_in ("received-on"));

  /* Another station used: that one next time. */
  ll_case_intake_set_station_id (intake (), east_id);
  gtk_editable_set_text (entry ("title"), "垃圾清运不及时");
  gtk_drop_down_set_selected (dropdown ("category"), 2);
  g_assert_true (ll_case_intake_register (intake ()));
  close_intake ();
  press_ctrl_n ();
  g_assert_cmpint (ll_case_intake_get_station_id (intake ()), ==, east_id);
  close_intake ();
}

static LlStationsPage *
stations_page (void)
{
  GtkWidget *stack = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), ADW_TYPE_VIEW_STACK,
                                              NULL);

  g_assert_nonnull (stack);
  return LL_STATIONS_PAGE (adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack),
                                                             "stations"));
}

static gboolean
station_selected (gpointer data)
{
  return ll_stations_page_get_selected (stations_page ()) == *(gint64 *) data;
}

/* The station selected on the Stations page comes first. */
static void
test_station_from_stations_page (void)
{
  if (!have_x11 ())
    return;

  close_intake ();
  ll_window_set_page (main_window (), "stations");
  g_assert_true (ll_stations_page_select_station (stations_page (), west_id));
  g_assert_true (ll_test_gui_wait (station_selected, &west_id, 5000));

  /* The last one used was the east. */
  press_ctrl_n ();
  g_assert_cmpint (ll_case_intake_get_station_id (intake ()), ==, west_id);
  close_intake ();
}

static gboolean
case_shown (gpointer data)
{
  GtkWidget *stack = ll_test_gui_find_widget (GTK_WIDGET (main_window ()), ADW_TYPE_VIEW_STACK,
                                              NULL);
  GtkWidget *page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "cases");

  return g_strcmp0 (ll_window_get_page (main_window ()), "cases") == 0 &&
         LL_IS_CASES_PAGE (page) &&
         ll_cases_page_get_selected_id (LL_CASES_PAGE (page)) == *(gint64 *) data;
}

static void
registered_cb (LlCaseIntake *form,
               LlCase       *kase,
               gint64       *id)
{
  *id = ll_case_get_id (kase);
}

/* Show, beside the serial, takes the user to the case just registered. */
static void
test_show_registered_case (void)
{
  GtkWidget *button;
  gint64 id = 0;
  gulong handler;

  if (!have_x11 ())
    return;

  ll_window_set_page (main_window (), "stations");
  press_ctrl_n ();
  handler = g_signal_connect (intake (), "registered", G_CALLBACK (registered_cb), &id);
  gtk_editable_set_text (entry ("title"), "楼道堆放杂物");
  gtk_drop_down_set_selected (dropdown ("category"), 3);
  keys ("ctrl+Return", NULL);
  g_assert_true (ll_test_gui_wait (banner_says, "registered", 3000));
  g_signal_handler_disconnect (intake (), handler);
  g_assert_cmpint (id, >, 0);

  button = ll_test_gui_find_widget (GTK_WIDGET (intake_banner ()), GTK_TYPE_BUTTON, NULL);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Show");
  g_signal_emit_by_name (button, "clicked");
  g_assert_true (ll_test_gui_wait (case_shown, &id, 10000));

  /* The form stays open for the next constituent. */
  g_assert_nonnull (intake ());
  close_intake ();
}

static gboolean
retry_offered (gpointer data)
{
  LlBanner *banner = intake_banner ();
  GtkWidget *button = ll_test_gui_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, NULL);

  return ll_banner_get_revealed (banner) && button != NULL && gtk_widget_get_visible (button) &&
         g_strcmp0 (gtk_button_get_label (GTK_BUTTON (button)), "_Retry") == 0;
}

/* A colleague's program holds the write lock: the form says so, keeps
 * everything, and Retry registers the case once the lock is gone. */
static void
test_busy_then_retry (void)
{
  LlDatabase *db = ll_window_get_database (main_window ());
  sqlite3 *locker = NULL;
  gint64 before;
  guint timeout = ll_database_get_busy_timeout (db);

  if (!have_x11 ())
    return;

  press_ctrl_n ();
  x11_focus (GTK_WINDOW (intake ()));
  before = count_cases ();

  gtk_editable_set_text (entry ("title"), "小区电梯故障");
  gtk_drop_down_set_selected (dropdown ("category"), 3);
  gtk_editable_set_text (entry ("constituent-phone"), "010-12345678");

  g_assert_cmpint (sqlite3_open (ll_database_get_path (db), &locker), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (locker, "BEGIN IMMEDIATE", NULL, NULL, NULL), ==, SQLITE_OK);
  ll_database_set_busy_timeout (db, 200);

  keys ("ctrl+Return", NULL);
  g_assert_true (ll_test_gui_wait (retry_offered, NULL, 3000));
  g_test_message ("busy: %s", ll_banner_get_title (intake_banner ()));
  g_assert_cmpstr (gtk_editable_get_text (entry ("title")), ==, "小区电梯故障");
  g_assert_cmpstr (gtk_editable_get_text (entry ("constituent-phone")), ==, "010-12345678");
  g_assert_true (ll_case_intake_get_dirty (intake ()));

  sqlite3_exec (locker, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close (locker);
  g_assert_cmpint (count_cases (), ==, before);

  g_signal_emit_by_name (ll_test_gui_find_widget (GTK_WIDGET (intake_banner ()), GTK_TYPE_BUTTON,
                                                  NULL),
                         "clicked");
  g_assert_true (ll_test_gui_wait (banner_says, "registered", 3000));
  g_assert_cmpint (count_cases (), ==, before + 1);
  g_assert_cmpstr (gtk_editable_get_text (entry ("title")), ==, "");

  ll_database_set_busy_timeout (db, timeout);
  close_intake ();
}

static gboolean
stations_listed (gpointer data)
{
  return g_list_model_get_n_items (gtk_drop_down_get_model (dropdown ("station-id"))) ==
         GPOINTER_TO_UINT (data);
}

/* A station added on another machine appears in the open form; what
 * was chosen and typed stays. */
static void
test_colleague_adds_station (void)
{
  LlDatabase *db = ll_window_get_database (main_window ());
  g_autoptr(LlStation) station = ll_station_new ();
  g_autoptr(GError) error = NULL;
  guint interval = ll_database_get_poll_interval (db);

  if (!have_x11 ())
    return;

  ll_database_set_poll_interval (db, 200);
  press_ctrl_n ();
  ll_case_intake_set_station_id (intake (), west_id);
  gtk_editable_set_text (entry ("title"), "公交站台破损");
  g_assert_true (stations_listed (GUINT_TO_POINTER (2)));

  ll_station_set_name (station, "南湖社区人大代表联络站");
  ll_station_set_kind (station, "station");
  g_assert_true (ll_station_store_create (colleague, station, &error));
  g_assert_no_error (error);

  g_assert_true (ll_test_gui_wait (stations_listed, GUINT_TO_POINTER (3), 5000));
  g_assert_cmpint (ll_case_intake_get_station_id (intake ()), ==, west_id);
  g_assert_cmpstr (gtk_editable_get_text (entry ("title")), ==, "公交站台破损");

  ll_database_set_poll_interval (db, interval);
  close_intake ();
}

static gboolean
database_is (gpointer data)
{
  LlDatabase *db = ll_window_get_database (main_window ());

  return db != NULL && g_strcmp0 (ll_database_get_path (db), data) == 0;
}

/* A read-only database: Ctrl+N does nothing, and an open form cannot
 * register. */
static void
test_read_only (void)
{
  g_autofree char *dir = g_build_filename (workdir, "ro", NULL);
  g_autofree char *path = g_build_filename (dir, "office.db", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(LlDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  if (!have_x11 ())
    return;

  g_mkdir_with_parents (dir, 0700);
  if (geteuid () != 0 || mount ("tmpfs", dir, "tmpfs", 0, "size=4m") != 0)
    {
      g_test_skip ("needs a tmpfs mount as root");
      return;
    }

  database = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ll_database_close (database);

  press_ctrl_n ();
  gtk_editable_set_text (entry ("title"), "typed before the file became read-only");

  g_assert_cmpint (mount ("tmpfs", dir, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=4m"), ==, 0);
  ll_window_open_file (main_window (), file);
  g_assert_true (ll_test_gui_wait (database_is, path, 10000));
  ll_test_gui_spin (300);
  g_assert_false (ll_window_get_editable (main_window ()));

  /* The open form keeps the text but cannot register it. */
  g_assert_nonnull (intake ());
  g_assert_false (gtk_widget_is_sensitive (register_button ()));
  g_assert_false (gtk_editable_get_editable (entry ("title")));
  g_assert_cmpstr (gtk_editable_get_text (entry ("title")), ==,
                   "typed before the file became read-only");
  close_intake ();

  x11_focus (GTK_WINDOW (main_window ()));
  keys ("ctrl+n", NULL);
  ll_test_gui_spin (500);
  g_assert_null (intake ());

  umount (dir);
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  g_setenv ("LIANLUO_TODAY", TODAY, TRUE);
  ll_test_gui_init (&argc, &argv);
  workdir = g_dir_make_tmp ("lianluo-intake-XXXXXX", NULL);
  app = ll_test_gui_start ();

  g_test_add_func ("/case-intake/welcome-page", test_welcome_page);
  g_test_add_func ("/case-intake/shortcuts-window", test_shortcuts_window);
  g_test_add_func ("/case-intake/ctrl-n-opens", test_ctrl_n_opens);
  g_test_add_func ("/case-intake/keyboard-case", test_keyboard_case);
  g_test_add_func ("/case-intake/invalid-phone", test_invalid_phone);
  g_test_add_func ("/case-intake/validation-names-field", test_validation_names_field);
  g_test_add_func ("/case-intake/escape-asks", test_escape_asks);
  g_test_add_func ("/case-intake/remembered-station", test_remembered_station);
  g_test_add_func ("/case-intake/station-from-stations-page", test_station_from_stations_page);
  g_test_add_func ("/case-intake/busy-then-retry", test_busy_then_retry);
  g_test_add_func ("/case-intake/show-registered-case", test_show_registered_case);
  g_test_add_func ("/case-intake/colleague-adds-station", test_colleague_adds_station);
  g_test_add_func ("/case-intake/read-only", test_read_only);

  ret = g_test_run ();

  if (colleague != NULL)
    ll_database_close (colleague);
  g_clear_object (&colleague);
  g_clear_object (&app);
  return ret;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-record-form"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-banner.h"
#include "ll-choice.h"
#include "ll-conflict-dialog.h"
#include "ll-database.h"
#include "ll-record-form.h"
#include "ll-test-gui.h"

/* A record like LlStation: every column a read-write property, plus a
 * read-only name filled in for display. */

#define TEST_TYPE_RECORD (test_record_get_type ())
G_DECLARE_FINAL_TYPE (TestRecord, test_record, TEST, RECORD, GObject)

struct _TestRecord
{
  GObject parent_instance;
  gint64   id;
  gint64   version;
  char    *name;
  char    *kind;
  char    *level;
  char    *phone;
  char    *opened_on;
  gboolean active;
  double   floor_area;
  gint64   station_id;
  char    *notes;
};

enum {
  PROP_0, PROP_ID, PROP_VERSION, PROP_NAME, PROP_KIND, PROP_LEVEL, PROP_PHONE, PROP_OPENED_ON,
  PROP_ACTIVE, PROP_FLOOR_AREA, PROP_STATION_ID, PROP_NOTES, PROP_STATION_NAME, N_PROPS
};

G_DEFINE_FINAL_TYPE (TestRecord, test_record, G_TYPE_OBJECT)

static char **
string_slot (TestRecord *self,
             guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME: return &self->name;
    case PROP_KIND: return &self->kind;
    case PROP_LEVEL: return &self->level;
    case PROP_PHONE: return &self->phone;
    case PROP_OPENED_ON: return &self->opened_on;
    case PROP_NOTES: return &self->notes;
    default: return NULL;
    }
}

static void
test_record_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  TestRecord *self = TEST_RECORD (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    g_value_set_string (value, *slot);
  else if (prop_id == PROP_ID)
    g_value_set_int64 (value, self->id);
  else if (prop_id == PROP_VERSION)
    g_value_set_int64 (value, self->version);
  else if (prop_id == PROP_ACTIVE)
    g_value_set_boolean (value, self->active);
  else if (prop_id == PROP_FLOOR_AREA)
    g_value_set_double (value, self->floor_area);
  else if (prop_id == PROP_STATION_ID)
    g_value_set_int64 (value, self->station_id);
  else if (prop_id == PROP_STATION_NAME)
    g_value_set_string (value, "东湖社区联络站");
}

static void
test_record_set_property (GObject *object, guint prop_id, const GValue *value, GParamSpec *pspec)
{
  TestRecord *self = TEST_RECORD (object);
  char **slot = string_slot (self, prop_id);

  if (slot != NULL)
    {
      g_free (*slot);
      *slot = g_value_dup_string (value);
    }
  else if (prop_id == PROP_ID)
    self->id = g_value_get_int64 (value);
  else if (prop_id == PROP_VERSION)
    self->version = g_value_get_int64 (value);
  else if (prop_id == PROP_ACTIVE)
    self->active = g_value_get_boolean (value);
  else if (prop_id == PROP_FLOOR_AREA)
    self->floor_area = g_value_get_double (value);
  else if (prop_id == PROP_STATION_ID)
    self->station_id = g_value_get_int64 (value);
}

static void
test_record_finalize (GObject *object)
{
  TestRecord *self = TEST_RECORD (object);

  for (guint p = PROP_NAME; p < N_PROPS; p++)
    {
      char **slot = string_slot (self, p);
      if (slot != NULL)
        g_free (*slot);
    }
  G_OBJECT_CLASS (test_record_parent_class)->finalize (object);
}

static void
test_record_class_init (TestRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS;

  object_class->get_property = test_record_get_property;
  object_class->set_property = test_record_set_property;
  object_class->finalize = test_record_finalize;

  g_object_class_install_property (object_class, PROP_ID,
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, rw));
  g_object_class_install_property (object_class, PROP_VERSION,
    g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, rw));
  g_object_class_install_property (object_class, PROP_NAME,
    g_param_spec_string ("name", NULL, NULL, NULL, rw));
  g_object_class_install_property (object_class, PROP_KIND,
    g_param_spec_string ("kind", NULL, NULL, NULL, rw));
  g_object_class_install_property (object_class, PROP_LEVEL,
    g_param_spec_string ("level", NULL, NULL, NULL, rw));
  g_object_class_install_property (object_class, PROP_PHONE,
    g_param_spec_string ("phone", NULL, NULL, NULL, rw));
  g_object_class_install_property (object_class, PROP_OPENED_ON,
    g_param_spec_string ("opened-on", NULL, NULL, NULL, rw));
  g_object_class_install_property (object_class, PROP_ACTIVE,
    g_param_spec_boolean ("active", NULL, NULL, FALSE, rw));
  g_object_class_install_property (object_class, PROP_FLOOR_AREA,
    g_param_spec_double ("floor-area", NULL, NULL, 0, G_MAXDOUBLE, 0, rw));
  g_object_class_install_property (object_class, PROP_STATION_ID,
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0, rw));
  g_object_class_install_property (object_class, PROP_NOTES,
    g_param_spec_string ("notes", NULL, NULL, NULL, rw));
  g_object_class_install_property (object_class, PROP_STATION_NAME,
    g_param_spec_string ("station-name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
}

static void
test_record_init (TestRecord *self)
{
}

static const LlFieldSpec specs[] = {
  { "name", N_("Name"), LL_FIELD_TEXT, 0, TRUE, N_("Station") },
  { "kind", N_("Kind"), LL_FIELD_ENUM, LL_ENUM_STATION_KIND, TRUE },
  { "level", N_("Deputy level"), LL_FIELD_ENUM, LL_ENUM_DEPUTY_LEVEL, FALSE },
  { "phone", N_("Phone"), LL_FIELD_PHONE },
  { "opened-on", N_("Opened"), LL_FIELD_DATE },
  { "active", N_("Active"), LL_FIELD_BOOLEAN },
  { "floor-area", N_("Floor area"), LL_FIELD_NUMBER },
  { "station-id", N_("Parent station"), LL_FIELD_CHOICE },
  { "notes", N_("Notes"), LL_FIELD_LONG_TEXT, 0, FALSE, N_("Notes") },
};

static TestRecord *
make_record (void)
{
  return g_object_new (TEST_TYPE_RECORD,
                       "id", (gint64) 7, "version", (gint64) 3,
                       "name", "东湖社区人大代表联络站", "kind", "station",
                       "phone", "13812345678", "opened-on", "2021-05-10",
                       "active", TRUE, "floor-area", 120.0, "station-id", (gint64) 2,
                       "notes", "每月10日接待选民", NULL);
}

static GtkWidget *
input_of (LlRecordForm *form,
          const char   *property)
{
  GtkWidget *row = ll_record_form_get_row (form, property);

  g_assert_nonnull (row);
  if (ADW_IS_ENTRY_ROW (row) || ADW_IS_COMBO_ROW (row))
    return row;
  if (g_str_equal (property, "notes"))
    return ll_test_gui_find_widget (row, GTK_TYPE_TEXT_VIEW, NULL);
  if (g_str_equal (property, "station-id"))
    return ll_test_gui_find_widget (row, GTK_TYPE_DROP_DOWN, NULL);
  return ll_test_gui_find_widget (row, GTK_TYPE_SWITCH, NULL);
}

static LlRecordForm *
show_form (GtkWindow **window_out)
{
  LlRecordForm *form = ll_record_form_new (specs, G_N_ELEMENTS (specs));
  GtkWidget *window = gtk_window_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  g_autoptr(GListStore) choices = g_list_store_new (LL_TYPE_CHOICE);

  {
    g_autoptr(LlChoice) none = ll_choice_new (0, NULL, "—");
    g_autoptr(LlChoice) one = ll_choice_new (1, NULL, "城关镇人大代表之家");
    g_autoptr(LlChoice) two = ll_choice_new (2, NULL, "东湖社区人大代表联络站");
    g_list_store_append (choices, none);
    g_list_store_append (choices, one);
    g_list_store_append (choices, two);
  }
  ll_record_form_set_choices (form, "station-id", G_LIST_MODEL (choices));

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (form));
  gtk_window_set_child (GTK_WINDOW (window), scrolled);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 700);
  gtk_window_present (GTK_WINDOW (window));
  *window_out = GTK_WINDOW (window);
  return form;
}

static void
test_loads_and_tracks_edits (void)
{
  g_autoptr(TestRecord) record = make_record ();
  g_autoptr(GObject) built = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);

  ll_record_form_set_record (form, G_OBJECT (record));
  ll_test_gui_spin (50);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input_of (form, "name"))), ==,
                   "东湖社区人大代表联络站");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (input_of (form, "kind"))), ==,
                    ll_enum_find (LL_ENUM_STATION_KIND, "station"));
  /* An optional enumeration that is not set shows “Not Set”. */
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (input_of (form, "level"))), ==, 0);
  g_assert_true (gtk_switch_get_active (GTK_SWITCH (input_of (form, "active"))));
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (input_of (form, "station-id"))),
                    ==, 2);
  g_assert_false (ll_record_form_get_dirty (form));

  /* Typing makes the form dirty; typing it back makes it clean. */
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "name")), "东湖社区联络站");
  g_assert_true (ll_record_form_get_dirty (form));
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "name")), "东湖社区人大代表联络站");
  g_assert_false (ll_record_form_get_dirty (form));

  /* Every kind of row reaches the built record. */
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "name")), "东湖社区联络站");
  adw_combo_row_set_selected (ADW_COMBO_ROW (input_of (form, "kind")),
                              ll_enum_find (LL_ENUM_STATION_KIND, "home"));
  adw_combo_row_set_selected (ADW_COMBO_ROW (input_of (form, "level")),
                              ll_enum_find (LL_ENUM_DEPUTY_LEVEL, "city") + 1);
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "opened-on")), "2022-01-01");
  gtk_switch_set_active (GTK_SWITCH (input_of (form, "active")), FALSE);
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "floor-area")), "88.5");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (input_of (form, "station-id")), 1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (input_of (form, "notes"))),
                            "每月18日民情恳谈会", -1);

  built = ll_record_form_build (form, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (TEST_RECORD (built)->name, ==, "东湖社区联络站");
  g_assert_cmpstr (TEST_RECORD (built)->kind, ==, "home");
  g_assert_cmpstr (TEST_RECORD (built)->level, ==, "city");
  g_assert_cmpstr (TEST_RECORD (built)->opened_on, ==, "2022-01-01");
  g_assert_false (TEST_RECORD (built)->active);
  g_assert_cmpfloat (TEST_RECORD (built)->floor_area, ==, 88.5);
  g_assert_cmpint (TEST_RECORD (built)->station_id, ==, 1);
  g_assert_cmpstr (TEST_RECORD (built)->notes, ==, "每月18日民情恳谈会");
  /* Same record: id and version as loaded. */
  g_assert_cmpint (TEST_RECORD (built)->id, ==, 7);
  g_assert_cmpint (TEST_RECORD (built)->version, ==, 3);
  /* The loaded record is not touched. */
  g_assert_cmpstr (record->name, ==, "东湖社区人大代表联络站");

  ll_record_form_revert (form);
  g_assert_false (ll_record_form_get_dirty (form));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input_of (form, "name"))), ==,
                   "东湖社区人大代表联络站");

  gtk_window_destroy (window);
}

static void
test_shape_errors (void)
{
  g_autoptr(TestRecord) record = make_record ();
  g_autoptr(GError) error = NULL;
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);
  GtkWidget *phone;

  ll_record_form_set_record (form, G_OBJECT (record));
  phone = input_of (form, "phone");

  /* Marked as the user types … */
  gtk_editable_set_text (GTK_EDITABLE (phone), "1381234567");
  g_assert_true (gtk_widget_has_css_class (ll_record_form_get_row (form, "phone"), "error"));
  gtk_editable_set_text (GTK_EDITABLE (phone), "138 1234 5678");
  g_assert_false (gtk_widget_has_css_class (ll_record_form_get_row (form, "phone"), "error"));

  /* … and refused when building, naming the field. */
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "opened-on")), "2025-02-30");
  g_assert_null (ll_record_form_build (form, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Opened"));
  g_clear_error (&error);

  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "opened-on")), "2025-02-28");
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "floor-area")), "很大");
  g_assert_null (ll_record_form_build (form, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Floor area"));

  gtk_window_destroy (window);
}

static void
test_changed_underneath (void)
{
  g_autoptr(TestRecord) record = make_record ();
  g_autoptr(TestRecord) newer = make_record ();
  g_autoptr(TestRecord) newest = make_record ();
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);

  ll_record_form_set_record (form, G_OBJECT (record));

  /* Clean form: it simply shows the newer record. */
  g_object_set (newer, "phone", "010-12345678", "version", (gint64) 4, NULL);
  ll_record_form_update_record (form, G_OBJECT (newer));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input_of (form, "phone"))), ==,
                   "010-12345678");
  g_assert_false (ll_record_form_get_stale (form));

  /* Unsaved edits stay, and the form says the record changed. */
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "name")), "我的修改");
  g_object_set (newest, "phone", "0571-87654321", "version", (gint64) 5, NULL);
  ll_record_form_update_record (form, G_OBJECT (newest));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input_of (form, "name"))), ==, "我的修改");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input_of (form, "phone"))), ==,
                   "010-12345678");
  g_assert_true (ll_record_form_get_stale (form));
  g_assert_true (ll_record_form_get_dirty (form));
  {
    LlBanner *banner = LL_BANNER (ll_test_gui_find_widget (GTK_WIDGET (form), LL_TYPE_BANNER, NULL));
    g_assert_true (ll_banner_get_revealed (banner));
  }
  /* The save is built on the version the user started from: it will
   * meet the conflict instead of overwriting. */
  {
    g_autoptr(GObject) built = ll_record_form_build (form, NULL);
    g_assert_cmpint (TEST_RECORD (built)->version, ==, 4);
  }

  gtk_window_destroy (window);
}

static void
retry_cb (LlRecordForm *form,
          gpointer      user_data)
{
  (*(int *) user_data)++;
}

static void
test_error_and_retry (void)
{
  g_autoptr(TestRecord) record = make_record ();
  g_autoptr(GError) error = g_error_new_literal (LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL,
                                                 "The disk is full; nothing was saved.");
  GtkWindow *window;
  LlRecordForm *form = show_form (&window);
  LlBanner *banner;
  GtkWidget *button;
  int retries = 0;

  ll_record_form_set_record (form, G_OBJECT (record));
  gtk_editable_set_text (GTK_EDITABLE (input_of (form, "name")), "未保存的修改");
  g_signal_connect (form, "retry", G_CALLBACK (retry_cb), &retries);

  ll_record_form_show_error (form, error, TRUE);
  banner = LL_BANNER (ll_test_gui_find_widget (GTK_WIDGET (form), LL_TYPE_BANNER, NULL));
  g_assert_true (ll_banner_get_revealed (banner));
  g_assert_cmpstr (ll_banner_get_title (banner), ==, "The disk is full; nothing was saved.");

  button = ll_test_gui_find_widget (GTK_WIDGET (banner), GTK_TYPE_BUTTON, NULL);
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpint (retries, ==, 1);

  /* The edit is still there. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (input_of (form, "name"))), ==,
                   "未保存的修改");

  ll_record_form_set_editable (form, FALSE);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (input_of (form, "name"))));
  g_assert_false (gtk_widget_get_sensitive (input_of (form, "active")));

  gtk_window_destroy (window);
}

static void
test_conflict_dialog (void)
{
  g_autoptr(TestRecord) theirs = make_record ();
  g_autoptr(TestRecord) mine = make_record ();
  g_autoptr(GObject) merged = NULL;
  LlConflictDialog *dialog;
  GPtrArray *fields;

  g_object_set (theirs, "phone", "010-12345678", "notes", "改到每月15日", "version", (gint64) 4,
                NULL);
  g_object_set (mine, "name", "东湖社区联络站", "notes", "每月10日和18日", NULL);

  dialog = ll_conflict_dialog_new (NULL, G_OBJECT (theirs), G_OBJECT (mine), specs,
                                   G_N_ELEMENTS (specs), "王敏 saved it first.");
  gtk_window_present (GTK_WINDOW (dialog));
  ll_test_gui_spin (100);

  /* Only what differs is shown: name, phone, notes — not the read-only
   * station name, nor the version. */
  fields = ll_conflict_dialog_get_fields (dialog);
  g_assert_cmpuint (fields->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (fields, 0), ==, "name");
  g_assert_cmpstr (g_ptr_array_index (fields, 1), ==, "phone");
  g_assert_cmpstr (g_ptr_array_index (fields, 2), ==, "notes");

  /* Keep mine, but take their phone number. */
  ll_conflict_dialog_set_use_theirs (dialog, "phone", TRUE);
  merged = ll_conflict_dialog_build_mine (dialog);
  g_assert_cmpstr (TEST_RECORD (merged)->name, ==, "东湖社区联络站");
  g_assert_cmpstr (TEST_RECORD (merged)->phone, ==, "010-12345678");
  g_assert_cmpstr (TEST_RECORD (merged)->notes, ==, "每月10日和18日");
  g_assert_cmpint (TEST_RECORD (merged)->version, ==, 4);

  g_assert_true (ll_conflict_dialog_get_theirs (dialog) == G_OBJECT (theirs));
  gtk_window_destroy (GTK_WINDOW (dialog));
}

int
main (int   argc,
      char *argv[])
{
  ll_test_gui_init (&argc, &argv);
  gtk_init ();
  adw_init ();

  g_test_add_func ("/record-form/loads-and-tracks-edits", test_loads_and_tracks_edits);
  g_test_add_func ("/record-form/shape-errors", test_shape_errors);
  g_test_add_func ("/record-form/changed-underneath", test_changed_underneath);
  g_test_add_func ("/record-form/error-and-retry", test_error_and_retry);
  g_test_add_func ("/record-form/conflict-dialog", test_conflict_dialog);

  return g_test_run ();
}

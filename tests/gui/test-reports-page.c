/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "ll-annual-sheet.h"
#include "ll-attachment-list.h"
#include "ll-attachment-store.h"
#include "ll-case-store.h"
#include "ll-case.h"
#include "ll-cases-page.h"
#include "ll-demo.h"
#include "ll-filed-document-store.h"
#include "ll-group-store.h"
#include "ll-group.h"
#include "ll-person-store.h"
#include "ll-person.h"
#include "ll-preferences-window.h"
#include "ll-reports-page.h"
#include "ll-choice.h"
#include "ll-station-picker.h"
#include "ll-station-store.h"
#include "ll-station.h"
#include "ll-test-gui.h"
#include "ll-work-report-text-dialog.h"
#include "ll-work-report.h"

/* The Reports page in the real window, on a demo database: generate a
 * document and see its pages in the preview, Cancel, File into the
 * archive folder, an empty period's sentence, the office name from
 * Preferences in the next work report.
 *
 * With LIANLUO_TEST_SHOTS=DIR set, screenshots of each step are taken
 * into DIR (`import -window root`). */

#define YEAR 2025

static LlApplication *app;
static LlDatabase    *colleague;
static gint64         station_id;
static char          *archive_dir;

static LlWindow *
window (void)
{
  return LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
}

static LlDatabase *
db (void)
{
  return ll_window_get_database (window ());
}

static LlReportsPage *
page (void)
{
  return LL_REPORTS_PAGE (ll_test_gui_find_widget (GTK_WIDGET (window ()),
                                                   LL_TYPE_REPORTS_PAGE, NULL));
}

static GtkWidget *
named (GtkWidget  *root,
       GType       type,
       const char *name)
{
  GtkWidget *widget = ll_test_gui_find_widget (root, type, name);

  g_assert_nonnull (widget);
  return widget;
}

static void
shot_after (const char *name,
            guint       ms)
{
  const char *dir = g_getenv ("LIANLUO_TEST_SHOTS");
  g_autofree char *path = NULL;
  g_autofree char *command = NULL;

  if (dir == NULL)
    return;
  ll_test_gui_spin (ms);
  path = g_build_filename (dir, name, NULL);
  command = g_strdup_printf ("import -window root %s.png", path);
  g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL);
}

static void
shot (const char *name)
{
  shot_after (name, 3000);
}

static gboolean
not_busy (gpointer data)
{
  return !ll_reports_page_get_busy (page ());
}

static gboolean
preview_shown (gpointer data)
{
  LlPdfView *view = ll_reports_page_get_pdf_view (page ());

  return ll_reports_page_get_previewing (page ()) && !ll_pdf_view_get_loading (view) &&
         ll_pdf_view_get_n_pages (view) > 0;
}

static void
back_to_form (void)
{
  if (ll_reports_page_get_previewing (page ()))
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "reports.back", NULL));
  g_assert_false (ll_reports_page_get_previewing (page ()));
}

static void
generate_and_wait (void)
{
  ll_reports_page_generate (page ());
  g_assert_true (ll_test_gui_wait (not_busy, NULL, 60000));
}

static guint
count_pdf_pages (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_bytes (bytes, NULL, &error);
  guint n;

  g_assert_no_error (error);
  n = poppler_document_get_n_pages (doc);
  g_object_unref (doc);
  return n;
}

static char *
pdf_text (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  GString *out = g_string_new (NULL);

  g_assert_no_error (error);
  for (int i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *p = poppler_document_get_page (doc, i);
      g_autofree char *text = poppler_page_get_text (p);

      g_object_unref (p);

      for (const char *c = text; *c != '\0'; c = g_utf8_next_char (c))
        if (!g_unichar_isspace (g_utf8_get_char (c)))
          g_string_append_unichar (out, g_utf8_get_char (c));
    }
  g_object_unref (doc);
  return g_string_free (out, FALSE);
}

static void
test_empty_database_state (void)
{
  /* Nothing filed yet: the list says so. */
  g_assert_cmpuint (ll_reports_page_get_n_filed (page ()), ==, 0);
  g_assert_false (ll_reports_page_get_previewing (page ()));
  shot ("reports-form");
}

static void
test_annual_sheets_preview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autofree char *expected_path = g_build_filename (g_get_tmp_dir (), "expected-sheets.pdf",
                                                     NULL);
  LlPdfView *view;
  guint expected = 0;

  /* The same sheets written directly: one page per deputy of the station. */
  g_assert_true (ll_annual_sheets_write (colleague, options, YEAR, station_id, 0, 0,
                                         expected_path, NULL, NULL, &expected, NULL, &error));
  g_assert_no_error (error);
  g_unlink (expected_path);
  g_assert_cmpuint (expected, >, 1);

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  ll_reports_page_set_year (page (), YEAR);
  ll_reports_page_set_station (page (), station_id);
  generate_and_wait ();
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));

  view = ll_reports_page_get_pdf_view (page ());
  g_assert_cmpuint (ll_pdf_view_get_n_pages (view), ==, expected);
  /* What the user reads: page [1] of N. */
  {
    g_autofree char *of = g_strdup_printf (_("of %u"), expected);
    GtkWidget *label = named (GTK_WIDGET (view), GTK_TYPE_LABEL, "n-pages-label");
    GtkWidget *entry = named (GTK_WIDGET (view), GTK_TYPE_ENTRY, "page-entry");

    g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, of);
    g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1");
  }
  shot ("reports-preview");
}

static void
test_annual_sheets_of_a_group (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) groups = ll_group_store_list (colleague, "deputy", &error);
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "expected-group.pdf", NULL);
  AdwComboRow *row = ADW_COMBO_ROW (named (GTK_WIDGET (page ()), ADW_TYPE_COMBO_ROW,
                                           "report-group"));
  GListModel *model = adw_combo_row_get_model (row);
  LlGroup *group;
  guint expected = 0;
  guint position = GTK_INVALID_LIST_POSITION;

  g_assert_no_error (error);
  g_assert_cmpuint (groups->len, >, 0);
  group = g_ptr_array_index (groups, 0);
  g_assert_true (ll_annual_sheets_write (colleague, options, YEAR, 0, ll_group_get_id (group), 0,
                                         path, NULL, NULL, &expected, NULL, &error));
  g_assert_no_error (error);
  g_unlink (path);

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (row)));
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlChoice) choice = g_list_model_get_item (model, i);

      if (ll_choice_get_id (choice) == ll_group_get_id (group))
        position = i;
    }
  g_assert_cmpuint (position, !=, GTK_INVALID_LIST_POSITION);
  adw_combo_row_set_selected (row, position);
  /* One or the other. */
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), LL_TYPE_STATION_PICKER,
                                                  "report-station")));

  generate_and_wait ();
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (ll_reports_page_get_pdf_view (page ())), ==,
                    expected);
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (named (GTK_WIDGET (page ()),
                                                                   GTK_TYPE_LABEL,
                                                                   "preview-title"))),
                            ll_group_get_name (group)));

  adw_combo_row_set_selected (row, 0);
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), LL_TYPE_STATION_PICKER,
                                                 "report-station")));
}

static void
test_annual_sheet_of_one_person (void)
{
  g_autoptr(GError) error = NULL;
  LlPersonFilter filter = { .role = "deputy" };
  g_autoptr(GPtrArray) people = ll_person_store_list (colleague, &filter,
                                                      LL_PERSON_SORT_NAME, FALSE, &error);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  GtkWidget *row = named (GTK_WIDGET (page ()), ADW_TYPE_ENTRY_ROW, "report-person");
  LlPerson *unique = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    {
      const char *name = ll_person_get_name (g_ptr_array_index (people, i));

      g_hash_table_insert (names, (gpointer) name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (names, name))
                                             + 1));
    }
  for (guint i = 0; unique == NULL && i < people->len; i++)
    if (GPOINTER_TO_UINT (g_hash_table_lookup (names,
                                               ll_person_get_name (g_ptr_array_index (people, i))))
        == 1)
      unique = g_ptr_array_index (people, i);
  g_assert_nonnull (unique);

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  g_assert_true (gtk_widget_get_visible (row));

  gtk_editable_set_text (GTK_EDITABLE (row), "没有这个人");
  generate_and_wait ();
  g_assert_nonnull (ll_reports_page_get_error_text (page ()));
  g_assert_nonnull (strstr (ll_reports_page_get_error_text (page ()), "没有这个人"));

  gtk_editable_set_text (GTK_EDITABLE (row), ll_person_get_name (unique));
  generate_and_wait ();
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (ll_reports_page_get_pdf_view (page ())), ==, 1);
  text = pdf_text (ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ())));
  g_assert_nonnull (strstr (text, ll_person_get_name (unique)));

  back_to_form ();
  gtk_editable_set_text (GTK_EDITABLE (row), "");
}

static void
test_cancel_leaves_nothing (void)
{
  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  ll_reports_page_set_station (page (), 0);   /* everyone: the longest */
  ll_reports_page_generate (page ());
  g_assert_true (ll_reports_page_get_busy (page ()));
  g_assert_true (gtk_widget_is_visible (named (GTK_WIDGET (page ()), GTK_TYPE_PROGRESS_BAR,
                                                "report-progress")));
  shot_after ("reports-progress", 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "reports.cancel", NULL));
  g_assert_false (ll_reports_page_get_busy (page ()));

  /* The worker's late end changes nothing. */
  ll_test_gui_spin (1500);
  g_assert_false (ll_reports_page_get_previewing (page ()));
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_false (gtk_widget_is_visible (named (GTK_WIDGET (page ()), GTK_TYPE_PROGRESS_BAR,
                                                 "report-progress")));
}

static gboolean
dialog_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static void
test_file_into_archive (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GPtrArray) filed = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = NULL;
  g_autofree char *copy_path = NULL;
  g_autofree char *copy_sum = NULL;
  g_autofree char *preview_sum = NULL;
  g_autofree char *preview_path = NULL;
  LlFiledDocument *document;
  GtkListBoxRow *row;
  const char *name;

  g_settings_set_string (settings, "report-archive-folder", archive_dir);

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  ll_reports_page_set_station (page (), station_id);
  generate_and_wait ();
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  preview_path = g_file_get_path (ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ())));

  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), GTK_TYPE_BUTTON,
                                                 "report-file")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "reports.file", NULL));
  g_assert_null (ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  /* Once is enough. */
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), GTK_TYPE_BUTTON,
                                                  "report-file")));

  /* One copy in the folder, with the checksum of the previewed file. */
  dir = g_dir_open (archive_dir, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_nonnull (name);
  {
    g_autofree char *title = g_strdup_printf (_("Annual Deputy Performance Sheets %d, %s"), YEAR,
                                              "");

    /* The title up to the station's name. */
    g_assert_true (g_str_has_prefix (name, title));
  }
  copy_path = g_build_filename (archive_dir, name, NULL);
  g_assert_null (g_dir_read_name (dir));
  copy_sum = ll_filed_document_store_checksum_file (copy_path, NULL, &error);
  preview_sum = ll_filed_document_store_checksum_file (preview_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (copy_sum, ==, preview_sum);

  /* The row, shown in the list under the form. */
  filed = ll_filed_document_store_list (colleague, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (filed->len, ==, 1);
  document = g_ptr_array_index (filed, 0);
  g_assert_cmpstr (ll_filed_document_get_sha256 (document), ==, copy_sum);
  g_assert_cmpstr (ll_filed_document_get_path (document), ==, copy_path);
  g_assert_cmpstr (ll_filed_document_get_period_from (document), ==, "2025-01-01");

  back_to_form ();
  g_assert_cmpuint (ll_reports_page_get_n_filed (page ()), ==, 1);
  row = gtk_list_box_get_row_at_index (ll_reports_page_get_filed_list (page ()), 0);
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   ll_filed_document_get_title (document));
  shot ("reports-filed");

  /* It opens again in the preview. */
  g_signal_emit_by_name (ll_reports_page_get_filed_list (page ()), "row-activated", row);
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  g_assert_false (gtk_widget_get_visible (named (GTK_WIDGET (page ()), GTK_TYPE_BUTTON,
                                                 "report-file")));
  back_to_form ();

  /* Gone from the folder: opening it says so. */
  g_assert_cmpint (g_unlink (copy_path), ==, 0);
  row = gtk_list_box_get_row_at_index (ll_reports_page_get_filed_list (page ()), 0);
  g_signal_emit_by_name (ll_reports_page_get_filed_list (page ()), "row-activated", row);
  g_assert_true (ll_test_gui_wait (dialog_shown, NULL, 5000));
  {
    GtkWindow *dialog = ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);

    g_autofree char *base = g_path_get_basename (copy_path);

    g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), base));
    shot ("reports-filed-missing");
    gtk_window_destroy (dialog);
  }
  g_assert_false (ll_reports_page_get_previewing (page ()));
}

static gboolean
n_filed_is (gpointer data)
{
  return ll_reports_page_get_n_filed (page ()) == GPOINTER_TO_UINT (data);
}

static void
test_colleague_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFiledDocument) filed = NULL;
  g_autofree char *pdf = g_build_filename (g_get_tmp_dir (), "colleague-ledger.pdf", NULL);
  guint before = ll_reports_page_get_n_filed (page ());
  GtkListBoxRow *row;

  /* Filed on another machine: it appears at the top within a few seconds. */
  g_assert_true (g_file_set_contents (pdf, "%PDF-1.4\n%%EOF\n", -1, NULL));
  filed = ll_filed_document_store_file (colleague, pdf, archive_dir, "ledger",
                                        "同事归档的台账", "2025-01-01", "2025-03-31", NULL,
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ll_test_gui_wait (n_filed_is, GUINT_TO_POINTER (before + 1), 10000));
  row = gtk_list_box_get_row_at_index (ll_reports_page_get_filed_list (page ()), 0);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   "同事归档的台账");
  g_unlink (pdf);
}

static void
test_file_into_missing_folder (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *missing = g_build_filename (archive_dir, "no-such-folder", NULL);
  guint before;
  GtkWindow *dialog;

  g_settings_set_string (settings, "report-archive-folder", missing);
  back_to_form ();
  before = ll_reports_page_get_n_filed (page ());
  ll_reports_page_set_kind (page (), LL_REPORT_ANNUAL_SHEETS);
  ll_reports_page_set_station (page (), station_id);
  generate_and_wait ();
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page ()), "reports.file", NULL));
  g_assert_true (ll_test_gui_wait (dialog_shown, NULL, 5000));
  dialog = ll_test_gui_find_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (dialog)), ==, "not-filed-dialog");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), missing));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "choose"));
  shot ("reports-not-filed");
  gtk_window_destroy (dialog);

  /* Nothing filed, the preview kept, and File still there to retry. */
  g_assert_cmpuint (ll_reports_page_get_n_filed (page ()), ==, before);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
  g_assert_true (ll_reports_page_get_previewing (page ()));
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), GTK_TYPE_BUTTON,
                                                 "report-file")));
  g_settings_set_string (settings, "report-archive-folder", archive_dir);
}

static void
test_empty_period_sentence (void)
{
  g_autoptr(GError) expected = NULL;
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "empty.pdf", NULL);

  /* What the CLI says for the same period. */
  g_assert_false (ll_work_report_write (colleague, options, station_id, "1990-01-01",
                                        "1990-12-31", NULL, path, NULL, NULL, NULL, &expected));
  g_assert_nonnull (expected);

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_WORK_REPORT);
  ll_reports_page_set_station (page (), station_id);
  ll_reports_page_set_period (page (), "1990-01-01", "1990-12-31");
  generate_and_wait ();
  g_assert_false (ll_reports_page_get_previewing (page ()));
  g_assert_cmpstr (ll_reports_page_get_error_text (page ()), ==, expected->message);
  shot ("reports-empty-period");

  /* A station is needed. */
  ll_reports_page_set_station (page (), 0);
  generate_and_wait ();
  g_assert_cmpstr (ll_reports_page_get_error_text (page ()), ==, _("Choose the station first."));
}

static void
test_office_name_from_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  const char *office = "测试街道人大工委";
  LlPreferencesWindow *prefs;
  GtkWidget *row;
  g_autofree char *text = NULL;
  g_autofree char *stored = NULL;

  g_assert_null (ll_database_get_setting (db (), "office-name", NULL));

  prefs = ll_preferences_window_new (GTK_WINDOW (window ()), settings);
  gtk_window_present (GTK_WINDOW (prefs));
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (prefs), "reports");
  row = named (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW, "office-name");
  g_assert_true (gtk_widget_is_sensitive (row));
  gtk_editable_set_text (GTK_EDITABLE (row), office);
  g_signal_emit_by_name (row, "apply");
  shot ("preferences-reports");
  gtk_window_destroy (GTK_WINDOW (prefs));

  /* Without a database the office's settings cannot be changed. */
  prefs = ll_preferences_window_new (NULL, settings);
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (prefs), ADW_TYPE_ENTRY_ROW,
                                                  "office-name")));
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (prefs), GTK_TYPE_SWITCH,
                                                 "mask-personal-data")));
  gtk_window_destroy (GTK_WINDOW (prefs));

  stored = ll_database_get_setting (db (), "office-name", NULL);
  g_assert_cmpstr (stored, ==, office);

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_WORK_REPORT);
  ll_reports_page_set_station (page (), station_id);
  ll_reports_page_set_period (page (), "2025-01-01", "2025-12-31");
  generate_and_wait ();
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  text = pdf_text (ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ())));
  g_assert_nonnull (strstr (text, office));
  shot ("reports-work-report");
}

static gboolean
pdf_uses_font (GFile      *file,
               const char *part)
{
  g_autofree char *uri = g_file_get_uri (file);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerFontInfo *info;
  PopplerFontsIter *iter = NULL;
  gboolean found = FALSE;

  g_assert_no_error (error);
  info = poppler_font_info_new (doc);
  while (!found && poppler_font_info_scan (info, 20, &iter))
    {
      if (iter == NULL)
        continue;
      do
        found = poppler_fonts_iter_get_name (iter) != NULL &&
                strstr (poppler_fonts_iter_get_name (iter), part) != NULL;
      while (!found && poppler_fonts_iter_next (iter));
      poppler_fonts_iter_free (iter);
      iter = NULL;
    }
  poppler_font_info_free (info);
  g_object_unref (doc);
  return found;
}

static void
test_body_font_from_preferences (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  GFile *file;

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_WORK_REPORT);
  ll_reports_page_set_station (page (), station_id);
  ll_reports_page_set_period (page (), "2025-01-01", "2025-06-30");
  generate_and_wait ();
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  file = ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ()));
  g_assert_false (pdf_uses_font (file, "UKai"));

  /* The body in the user's choice of family, from the next document on. */
  g_settings_set_value (settings, "report-fonts",
                        g_variant_new_parsed ("{'body': 'AR PL UKai CN'}"));
  back_to_form ();
  generate_and_wait ();
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  file = ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ()));
  g_assert_true (pdf_uses_font (file, "UKai"));
  g_settings_reset (settings, "report-fonts");
}

static void
test_read_only (void)
{
  LlPage *p = LL_PAGE (page ());

  g_assert_true (ll_reports_page_get_previewing (page ()));
  ll_page_set_editable (p, FALSE);
  g_assert_false (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), GTK_TYPE_BUTTON,
                                                  "report-file")));
  ll_page_set_editable (p, TRUE);
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (page ()), GTK_TYPE_BUTTON,
                                                 "report-file")));
}

static gboolean
text_dialog_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (LL_TYPE_WORK_REPORT_TEXT_DIALOG) != NULL;
}

static void
test_edit_work_report_text (void)
{
  const char *opening = "本季度联络站坚持每月接待选民，群众反映的问题件件有回音。";
  LlWorkReportTextDialog *dialog;
  g_auto(GStrv) shown = NULL;
  g_autofree char *text = NULL;

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_WORK_REPORT);
  ll_reports_page_set_station (page (), station_id);
  ll_reports_page_set_period (page (), "2025-01-01", "2025-12-31");
  ll_reports_page_edit_text (page ());
  g_assert_true (ll_test_gui_wait (text_dialog_shown, NULL, 20000));
  dialog = LL_WORK_REPORT_TEXT_DIALOG (ll_test_gui_find_toplevel (LL_TYPE_WORK_REPORT_TEXT_DIALOG));

  /* The usual text, worked out from the records. */
  shown = ll_work_report_text_dialog_dup_paragraphs (dialog);
  g_assert_cmpuint (g_strv_length (shown), ==, LL_WORK_REPORT_N_PARAGRAPHS);
  g_assert_cmpstr (shown[LL_WORK_REPORT_INTRO], !=, "");
  g_assert_null (strstr (shown[LL_WORK_REPORT_INTRO], opening));
  shot ("reports-edit-text");

  ll_work_report_text_dialog_set_paragraph (dialog, LL_WORK_REPORT_INTRO, opening);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "text.apply", NULL));
  g_assert_null (ll_test_gui_find_toplevel (LL_TYPE_WORK_REPORT_TEXT_DIALOG));

  generate_and_wait ();
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  text = pdf_text (ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ())));
  g_assert_nonnull (strstr (text, "本季度联络站坚持每月接待选民"));
}

static void
test_case_slips (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) first = ll_case_store_get (colleague, 1, &error);
  g_autoptr(LlCase) second = ll_case_store_get (colleague, 2, &error);
  g_autofree char *serials = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  serials = g_strdup_printf ("%s, %s", ll_case_get_serial (first), ll_case_get_serial (second));

  back_to_form ();
  ll_reports_page_set_kind (page (), LL_REPORT_CASE_SLIPS);
  ll_reports_page_set_cases (page (), "2099-9999");
  generate_and_wait ();
  {
    g_autofree char *expected = g_strdup_printf (_("There is no case with the serial number %s."),
                                                 "2099-9999");

    g_assert_cmpstr (ll_reports_page_get_error_text (page ()), ==, expected);
  }

  ll_reports_page_set_cases (page (), serials);
  generate_and_wait ();
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (ll_reports_page_get_pdf_view (page ())), ==, 2);
  text = pdf_text (ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ())));
  g_assert_nonnull (strstr (text, ll_case_get_serial (first)));
  g_assert_nonnull (strstr (text, ll_case_get_serial (second)));
}

static gboolean
case_shown (gpointer data)
{
  LlCasesPage *cases = LL_CASES_PAGE (ll_test_gui_find_widget (GTK_WIDGET (window ()),
                                                               LL_TYPE_CASES_PAGE, NULL));

  return ll_cases_page_get_selected_id (cases) == GPOINTER_TO_INT (data);
}

static void
test_print_slip_from_cases_page (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = ll_case_store_get (colleague, 5, &error);
  LlCasesPage *cases = LL_CASES_PAGE (ll_test_gui_find_widget (GTK_WIDGET (window ()),
                                                               LL_TYPE_CASES_PAGE, NULL));
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  back_to_form ();
  ll_window_set_page (window (), "cases");
  ll_cases_page_show_case (cases, 5);
  g_assert_true (ll_test_gui_wait (case_shown, GINT_TO_POINTER (5), 10000));
  g_assert_true (gtk_widget_is_sensitive (named (GTK_WIDGET (cases), GTK_TYPE_BUTTON,
                                                 "case-print-slip")));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (cases), "cases.print-slip", NULL));
  g_assert_cmpstr (ll_window_get_page (window ()), ==, "reports");
  g_assert_true (ll_test_gui_wait (not_busy, NULL, 20000));
  g_assert_null (ll_reports_page_get_error_text (page ()));
  g_assert_true (ll_test_gui_wait (preview_shown, NULL, 20000));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (ll_reports_page_get_pdf_view (page ())), ==, 1);
  text = pdf_text (ll_pdf_view_get_file (ll_reports_page_get_pdf_view (page ())));
  g_assert_nonnull (strstr (text, ll_case_get_serial (kase)));
}

static GtkWindow *
window_named (const char *name,
              guint       nth)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) w = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (GTK_WIDGET (w)) &&
          g_strcmp0 (gtk_widget_get_name (GTK_WIDGET (w)), name) == 0 && nth-- == 0)
        return w;
    }
  return NULL;
}

static gboolean
pdf_window_ready (gpointer data)
{
  GtkWindow *w = window_named ("attachment-pdf-window", GPOINTER_TO_UINT (data));
  LlPdfView *view;

  if (w == NULL)
    return FALSE;
  view = LL_PDF_VIEW (ll_test_gui_find_widget (GTK_WIDGET (w), LL_TYPE_PDF_VIEW, NULL));
  return !ll_pdf_view_get_loading (view) &&
         (ll_pdf_view_get_n_pages (view) > 0 || ll_pdf_view_get_error (view) != NULL);
}

static void
test_pdf_attachment_in_preview (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) report = NULL;
  g_autoptr(GBytes) damaged = g_bytes_new_static ("%PDF-1.4\n1 0 obj garbage", 24);
  g_autoptr(LlAttachment) good = NULL;
  g_autoptr(LlAttachment) bad = NULL;
  g_autofree char *path = g_file_get_path (ll_pdf_view_get_file (
                                             ll_reports_page_get_pdf_view (page ())));
  char *contents = NULL;
  gsize length = 0;
  GtkWidget *list;
  GtkWindow *w;
  LlPdfView *view;

  /* The last generated document, attached to a case as a PDF. */
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  report = g_bytes_new_take (contents, length);
  good = ll_attachment_store_add_bytes (colleague, 3, 0, "回复函.pdf", "application/pdf",
                                        report, &error);
  g_assert_no_error (error);
  bad = ll_attachment_store_add_bytes (colleague, 3, 0, "扫描件.pdf", "application/pdf",
                                       damaged, &error);
  g_assert_no_error (error);

  list = g_object_ref_sink (ll_attachment_list_new ());
  ll_attachment_list_set_database (LL_ATTACHMENT_LIST (list), db ());
  ll_attachment_list_set_case_id (LL_ATTACHMENT_LIST (list), 3);
  ll_attachment_list_reload (LL_ATTACHMENT_LIST (list));
  g_assert_cmpuint (ll_attachment_list_get_n_attachments (LL_ATTACHMENT_LIST (list)), ==, 2);

  ll_attachment_list_open (LL_ATTACHMENT_LIST (list), 0);
  g_assert_true (ll_test_gui_wait (pdf_window_ready, GUINT_TO_POINTER (0), 10000));
  w = window_named ("attachment-pdf-window", 0);
  view = LL_PDF_VIEW (ll_test_gui_find_widget (GTK_WIDGET (w), LL_TYPE_PDF_VIEW, NULL));
  g_assert_null (ll_pdf_view_get_error (view));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (view), ==, count_pdf_pages (report));
  g_assert_cmpstr (gtk_window_get_title (w), ==, "回复函.pdf");
  shot ("attachment-pdf");
  gtk_window_destroy (w);

  ll_attachment_list_open (LL_ATTACHMENT_LIST (list), 1);
  g_assert_true (ll_test_gui_wait (pdf_window_ready, GUINT_TO_POINTER (0), 10000));
  w = window_named ("attachment-pdf-window", 0);
  view = LL_PDF_VIEW (ll_test_gui_find_widget (GTK_WIDGET (w), LL_TYPE_PDF_VIEW, NULL));
  g_assert_nonnull (ll_pdf_view_get_error (view));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (view), ==, 0);
  g_assert_true (gtk_widget_is_visible (named (GTK_WIDGET (view), ADW_TYPE_STATUS_PAGE,
                                               "error-page")));
  shot ("attachment-pdf-damaged");
  gtk_window_destroy (w);

  g_object_unref (list);
}

static gboolean
stations_visible (gpointer data)
{
  g_autoptr(GPtrArray) stations = ll_station_store_list (db (), 0, NULL, FALSE, NULL);

  return stations != NULL && stations->len > 0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) stations = NULL;
  LlDemoOptions demo;
  int ret;

  ll_test_gui_init (&argc, &argv);
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();
  ll_database_set_poll_interval (db (), 300);

  colleague = ll_database_open (ll_database_get_path (db ()), LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  ll_demo_options_init (&demo);
  demo.stations = 12;
  demo.people = 240;
  demo.cases = 600;
  demo.activities = 400;
  g_assert_true (ll_demo_generate (colleague, &demo, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (ll_test_gui_wait (stations_visible, NULL, 10000));

  /* The first station with the most deputies below it: the root. */
  stations = ll_station_store_list (colleague, 0, "home", FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stations->len, >, 0);
  station_id = ll_station_get_id (g_ptr_array_index (stations, 0));

  archive_dir = g_dir_make_tmp ("lianluo-archive-XXXXXX", &error);
  g_assert_no_error (error);

  ll_window_set_page (window (), "reports");
  g_assert_nonnull (page ());

  g_test_add_func ("/reports/empty-state", test_empty_database_state);
  g_test_add_func ("/reports/annual-sheets-preview", test_annual_sheets_preview);
  g_test_add_func ("/reports/annual-sheets-group", test_annual_sheets_of_a_group);
  g_test_add_func ("/reports/annual-sheet-person", test_annual_sheet_of_one_person);
  g_test_add_func ("/reports/cancel", test_cancel_leaves_nothing);
  g_test_add_func ("/reports/file", test_file_into_archive);
  g_test_add_func ("/reports/colleague-files", test_colleague_files);
  g_test_add_func ("/reports/file-missing-folder", test_file_into_missing_folder);
  g_test_add_func ("/reports/empty-period", test_empty_period_sentence);
  g_test_add_func ("/reports/office-name", test_office_name_from_preferences);
  g_test_add_func ("/reports/body-font", test_body_font_from_preferences);
  g_test_add_func ("/reports/read-only", test_read_only);
  g_test_add_func ("/reports/edit-text", test_edit_work_report_text);
  g_test_add_func ("/reports/case-slips", test_case_slips);
  g_test_add_func ("/reports/pdf-attachment", test_pdf_attachment_in_preview);
  g_test_add_func ("/reports/print-slip-from-cases", test_print_slip_from_cases_page);

  ret = g_test_run ();

  ll_database_close (colleague);
  g_clear_object (&colleague);
  g_clear_object (&app);
  return ret;
}

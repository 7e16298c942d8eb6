/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-reports-page"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#ifdef __GLIBC__
# include <malloc.h>
#endif
#include <string.h>

#include "ll-annual-sheet.h"
#include "ll-bulletin.h"
#include "ll-case-slip.h"
#include "ll-case-store.h"
#include "ll-case.h"
#include "ll-change.h"
#include "ll-context.h"
#include "ll-database.h"
#include "ll-choice.h"
#include "ll-filed-document-store.h"
#include "ll-group-store.h"
#include "ll-group.h"
#include "ll-ledger.h"
#include "ll-person-store.h"
#include "ll-person.h"
#include "ll-reports-page.h"
#include "ll-search.h"
#include "ll-station-picker.h"
#include "ll-validate.h"
#include "ll-window.h"
#include "ll-work-report-text-dialog.h"
#include "ll-work-report.h"

/* The Reports page: pick a document and its parameters, generate it in a
 * worker thread (its own database connection, progress, Cancel), preview
 * it in LlPdfView with Print, Save As and Open With, and File it into the
 * office archive. Below the form, the filed documents, newest first;
 * each opens again in the preview after its checksum is checked.
 *
 * The report settings are read at each Generate: the office name, organ
 * mark and number prefix from the database's shared settings, the fonts
 * and the masking of personal data from GSettings. */

/* How many filed documents the list shows; older ones stay in the
 * archive folder and the database. */
#define MAX_FILED 200

struct _LlReportsPage
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkStack        *stack;
  AdwComboRow     *kind_row;
  AdwActionRow    *year_row;
  GtkSpinButton   *year_spin;
  AdwComboRow     *quarter_row;
  AdwActionRow    *station_row;
  LlStationPicker *station_picker;
  AdwComboRow     *group_row;
  AdwEntryRow     *person_row;
  AdwEntryRow     *from_row;
  AdwEntryRow     *to_row;
  AdwEntryRow     *cases_row;
  AdwActionRow    *text_row;
  GtkSwitch       *personal_switch;
  GtkLabel        *error_label;
  GtkBox          *progress_box;
  GtkProgressBar  *progress_bar;
  GtkButton       *generate_button;
  GtkListBox      *filed_list;
  GtkLabel        *preview_title;
  GtkLabel        *preview_subtitle;
  GtkLabel        *preview_warning;
  GtkButton       *file_button;
  GtkBox          *preview_box;

  /* Borrowed */
  LlPdfView       *pdf_view;       /* in preview_box, made at the first preview */

  /* Owned */
  LlDatabase      *database;
  GSettings       *settings;
  GListStore      *filed;          /* LlFiledDocument */
  GListStore      *groups;         /* LlChoice, “All Groups” first */
  GCancellable    *cancellable;    /* of the running generation */
  char            *tmpdir;         /* generated PDFs, removed at dispose */
  char            *preview_path;   /* the generated PDF in the preview */
  LlFiledDocument *preview_filed;  /* or the filed document shown */
  char            *title;          /* of the generated document */
  char            *kind_key;
  char            *period_from;
  char            *period_to;
  char            *params;
  char           **paragraphs;     /* the work report's edited text */
  char            *paragraphs_key; /* station|from|to it was edited for */
  GCancellable    *text_cancellable;
  guint            serial;
  gboolean         editable;
  gboolean         filed_once;     /* the preview has been filed */
};

static void page_iface_init (LlPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlReportsPage, ll_reports_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PAGE, page_iface_init))

static const char * const kind_keys[LL_REPORT_N_KINDS] = {
  "annual_sheets", "work_report", "case_slips", "ledger", "bulletin",
};

/* Helpers ----------------------------------------------------------------- */

static LlReportKind
current_kind (LlReportsPage *self)
{
  guint selected = adw_combo_row_get_selected (self->kind_row);

  return selected < LL_REPORT_N_KINDS ? selected : LL_REPORT_ANNUAL_SHEETS;
}

static void
update_actions (LlReportsPage *self)
{
  gboolean busy = self->cancellable != NULL;
  gboolean previewing = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                   "preview") == 0;

  /* Generating shows its progress on the form. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.generate",
                                 self->database != NULL && !busy && !previewing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.cancel", busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.edit-text",
                                 self->database != NULL && self->text_cancellable == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.back", previewing);
  /* Filing writes a row: not on a read-only or damaged file. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "reports.file",
                                 previewing && self->editable && self->database != NULL &&
                                 self->preview_path != NULL && !self->filed_once &&
                                 self->pdf_view != NULL &&
                                 ll_pdf_view_get_n_pages (self->pdf_view) > 0);
}

static LlChoice *
selected_group (LlReportsPage *self)
{
  LlChoice *choice = adw_combo_row_get_selected_item (self->group_row);

  return choice != NULL && ll_choice_get_id (choice) != 0 ? choice : NULL;
}

static void
load_groups (LlReportsPage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  LlChoice *selected = selected_group (self);
  gint64 selected_id = selected != NULL ? ll_choice_get_id (selected) : 0;
  guint position = 0;

  g_ptr_array_add (choices, ll_choice_new (0, NULL, _("None: by station")));
  if (self->database != NULL)
    {
      groups = ll_group_store_list (self->database, NULL, &error);
      if (groups == NULL)
        g_warning ("Cannot list the groups: %s", error->message);
    }
  for (guint i = 0; groups != NULL && i < groups->len; i++)
    {
      LlGroup *group = g_ptr_array_index (groups, i);

      if (ll_group_get_id (group) == selected_id)
        position = choices->len;
      g_ptr_array_add (choices, ll_choice_new (ll_group_get_id (group), NULL,
                                               ll_group_get_name (group)));
    }

  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       choices->pdata, choices->len);
  adw_combo_row_set_selected (self->group_row, position);
}

/* The one person named @name, by full name. */
static gint64
find_person (LlReportsPage  *self,
             const char     *name,
             GError        **error)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 found = 0;
  guint n_found = 0;

  ids = ll_search_ids (self->database, LL_SEARCH_SCOPE_PEOPLE, name, 200, error);
  if (ids == NULL)
    return 0;
  people = ll_person_store_load_many (self->database, (const gint64 *) ids->data, ids->len,
                                      error);
  if (people == NULL)
    return 0;

  for (guint i = 0; i < people->len; i++)
    {
      LlPerson *person = g_ptr_array_index (people, i);

      if (g_strcmp0 (ll_person_get_name (person), name) == 0)
        {
          found = ll_person_get_id (person);
          n_found++;
        }
    }

  if (n_found == 0)
    /* Translators: %s is a person's name */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                 _("There is no one called “%s”. Give the full name as on the People page."),
                 name);
  else if (n_found > 1)
    /* Translators: %s is a person's name */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                 _("Several people are called “%s”. Print the sheets of their station or "
                   "group instead."), name);
  else
    return found;

  return 0;
}

static void
group_changed_cb (LlReportsPage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->station_row),
                            current_kind (self) != LL_REPORT_ANNUAL_SHEETS ||
                            selected_group (self) == NULL);
}

static void
kind_changed_cb (LlReportsPage *self)
{
  LlReportKind kind = current_kind (self);

  gtk_widget_set_visible (GTK_WIDGET (self->year_row),
                          kind == LL_REPORT_ANNUAL_SHEETS || kind == LL_REPORT_BULLETIN);
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_row), kind == LL_REPORT_BULLETIN);
  gtk_widget_set_visible (GTK_WIDGET (self->person_row), kind == LL_REPORT_ANNUAL_SHEETS);
  gtk_widget_set_visible (GTK_WIDGET (self->group_row),
                          kind == LL_REPORT_ANNUAL_SHEETS &&
                          g_list_model_get_n_items (G_LIST_MODEL (self->groups)) > 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->station_row),
                            kind != LL_REPORT_ANNUAL_SHEETS || selected_group (self) == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->station_row),
                          kind == LL_REPORT_ANNUAL_SHEETS || kind == LL_REPORT_WORK_REPORT ||
                          kind == LL_REPORT_LEDGER);
  gtk_widget_set_visible (GTK_WIDGET (self->from_row),
                          kind == LL_REPORT_WORK_REPORT || kind == LL_REPORT_LEDGER);
  gtk_widget_set_visible (GTK_WIDGET (self->to_row),
                          kind == LL_REPORT_WORK_REPORT || kind == LL_REPORT_LEDGER);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_row), kind == LL_REPORT_CASE_SLIPS);
  gtk_widget_set_visible (GTK_WIDGET (self->text_row), kind == LL_REPORT_WORK_REPORT);
  /* Annual sheets may be for every deputy; the others need a station. */
  ll_station_picker_set_none_label (self->station_picker,
                                    kind == LL_REPORT_ANNUAL_SHEETS ? _("All Stations") : NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

static void
show_error (LlReportsPage *self,
            const char    *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* What the edited text of a work report belongs to: its numbers are
 * those of one station and period. */
static char *
text_key (LlReportsPage *self)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "|%s|%s",
                          ll_station_picker_get_selected_id (self->station_picker),
                          gtk_editable_get_text (GTK_EDITABLE (self->from_row)),
                          gtk_editable_get_text (GTK_EDITABLE (self->to_row)));
}

static gboolean
text_edited (LlReportsPage *self)
{
  g_autofree char *key = text_key (self);

  return self->paragraphs != NULL && g_strcmp0 (key, self->paragraphs_key) == 0;
}

static void
update_text_row (LlReportsPage *self)
{
  adw_action_row_set_subtitle (self->text_row,
                               text_edited (self)
                                 ? _("Edited; your text is used when you generate")
                                 : _("The usual text, worked out from the records"));
}

static char *
format_filed_at (const char *filed_at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (filed_at == NULL)
    return g_strdup ("");
  utc = g_date_time_new_from_iso8601 (filed_at, NULL);
  if (utc == NULL)
    return g_strdup (filed_at);
  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

static char *
format_period (const char *from,
               const char *to)
{
  if (from != NULL && to != NULL && strcmp (from, to) != 0)
    return g_strdup_printf ("%s – %s", from, to);
  if (from != NULL || to != NULL)
    return g_strdup (from != NULL ? from : to);
  return NULL;
}

static char *
filed_subtitle (LlFiledDocument *document)
{
  g_autofree char *period = format_period (ll_filed_document_get_period_from (document),
                                           ll_filed_document_get_period_to (document));
  g_autofree char *at = format_filed_at (ll_filed_document_get_filed_at (document));
  g_autofree char *filed = NULL;

  /* Translators: who filed a document and when, e.g. “filed by xiaoli on 2025-03-05 10:12” */
  filed = g_strdup_printf (_("filed by %s on %s"), ll_filed_document_get_filed_by (document), at);
  if (period == NULL)
    return g_steal_pointer (&filed);
  /* Translators: a document's period, then who filed it and when */
  return g_strdup_printf (_("%s · %s"), period, filed);
}

static GtkWidget *
create_filed_row (gpointer item,
                  gpointer user_data)
{
  LlFiledDocument *document = item;
  g_autofree char *subtitle = filed_subtitle (document);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ll_filed_document_get_title (document));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_widget_set_tooltip_text (row, ll_filed_document_get_path (document));
  g_object_set_data_full (G_OBJECT (row), "document", g_object_ref (document), g_object_unref);

  return row;
}

static void
load_filed (LlReportsPage *self)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (self->database != NULL)
    {
      documents = ll_filed_document_store_list (self->database, MAX_FILED, &error);
      if (documents == NULL)
        g_warning ("Cannot list the filed documents: %s", error->message);
    }

  if (documents == NULL)
    {
      g_list_store_remove_all (self->filed);
      return;
    }

  /* Filed documents never change; the same ids are the same list, and
   * keeping its rows keeps the focus and the scroll position. */
  if (documents->len == g_list_model_get_n_items (G_LIST_MODEL (self->filed)))
    {
      gboolean same = TRUE;

      for (guint i = 0; same && i < documents->len; i++)
        {
          g_autoptr(LlFiledDocument) shown = g_list_model_get_item (G_LIST_MODEL (self->filed), i);

          same = ll_filed_document_get_id (shown) ==
                 ll_filed_document_get_id (g_ptr_array_index (documents, i));
        }
      if (same)
        return;
    }

  g_list_store_splice (self->filed, 0, g_list_model_get_n_items (G_LIST_MODEL (self->filed)),
                       documents->pdata, documents->len);
}

static void
database_changed_cb (LlReportsPage *self,
                     GPtrArray     *changes,
                     LlDatabase    *database)
{
  gboolean filed = changes == NULL;
  gboolean groups = changes == NULL;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const char *table = ((LlChange *) g_ptr_array_index (changes, i))->table;

      filed |= g_str_equal (table, "filed_documents");
      groups |= g_str_equal (table, "groups");
    }

  if (filed)
    load_filed (self);
  if (groups)
    {
      load_groups (self);
      kind_changed_cb (self);
    }
}

/* The settings of a generation ---------------------------------------------- */

static LlReportOptions *
make_options (LlReportsPage *self)
{
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autoptr(GVariant) fonts = NULL;
  g_autoptr(GVariantIter) iter = NULL;
  const char *role_key, *family;

  options->office_name = ll_database_get_setting (self->database, "office-name", NULL);
  options->organ_mark = ll_database_get_setting (self->database, "organ-mark", NULL);
  options->number_prefix = ll_database_get_setting (self->database, "document-number-prefix",
                                                    NULL);
  options->show_personal_data = gtk_switch_get_active (self->personal_switch);

  fonts = g_settings_get_value (self->settings, "report-fonts");
  iter = g_variant_iter_new (fonts);
  while (g_variant_iter_next (iter, "{&s&s}", &role_key, &family))
    {
      LlFontRole role;

      if (*family == '\0' || !ll_font_role_from_key (role_key, &role))
        continue;
      if (options->fonts == NULL)
        options->fonts = ll_font_set_new ();
      ll_font_set_set_family (options->fonts, role, family);
    }

  return g_steal_pointer (&options);
}

/* Generating in a worker ------------------------------------------------------ */

typedef struct
{
  GTask           *task;      /* borrowed: the task owns the job */
  guint            serial;
  LlReportKind     kind;
  LlDatabase      *db;        /* the worker's own connection */
  LlReportOptions *options;
  int              year;
  guint            quarter;
  gint64           station_id;
  gint64           group_id;
  gint64           person_id;
  char            *from;
  char            *to;
  GArray          *case_ids;
  char           **paragraphs;
  char            *path;
  /* For filing: */
  char            *kind_key;
  char            *title;
  char            *period_from;
  char            *period_to;
  char            *params;
  guint            pages;
  gint64           last_progress;
  gint64           started;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->db);
  g_clear_pointer (&job->options, ll_report_options_free);
  g_free (job->from);
  g_free (job->to);
  g_clear_pointer (&job->case_ids, g_array_unref);
  g_strfreev (job->paragraphs);
  g_free (job->kind_key);
  g_free (job->title);
  g_free (job->period_from);
  g_free (job->period_to);
  g_free (job->params);
  g_free (job->path);
  g_free (job);
}

/* The task keeps the page alive; the last reference to the task is
 * dropped on the main thread, in progress_free(). */
typedef struct
{
  GTask   *task;
  guint    serial;
  guint    pages;
  double   fraction;
} Progress;

static gboolean
progress_main_cb (gpointer data)
{
  Progress *progress = data;
  LlReportsPage *self = LL_REPORTS_PAGE (g_task_get_source_object (progress->task));

  if (self->serial == progress->serial && self->cancellable != NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: progress while writing a document; %u is a number of pages */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u page", "%u pages",
                                           progress->pages),
                              progress->pages);
      gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (progress->fraction, 0, 1));
      gtk_progress_bar_set_text (self->progress_bar, text);
    }

  return G_SOURCE_REMOVE;
}

static void
progress_free (gpointer data)
{
  Progress *progress = data;

  g_object_unref (progress->task);
  g_free (progress);
}

/* Runs in the worker: passes the progress to the main thread a few
 * times a second. */
static void
job_progress_cb (guint    pages,
                 double   fraction,
                 gpointer user_data)
{
  Job *job = user_data;
  gint64 now = g_get_monotonic_time ();
  Progress *progress;

  job->pages = pages;
  if (now - job->last_progress < G_USEC_PER_SEC / 10 && fraction < 1)
    return;
  job->last_progress = now;

  progress = g_new0 (Progress, 1);
  progress->task = g_object_ref (job->task);
  progress->serial = job->serial;
  progress->pages = pages;
  progress->fraction = fraction;
  ll_context_post (g_task_get_context (job->task), G_PRIORITY_DEFAULT, progress_main_cb,
                   progress, progress_free);
}

static void
generate_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  guint pages = 0;
  gboolean ok = FALSE;

  switch (job->kind)
    {
    case LL_REPORT_ANNUAL_SHEETS:
      ok = ll_annual_sheets_write (job->db, job->options, job->year, job->station_id,
                                   job->group_id, job->person_id,
                                   job->path, job_progress_cb, job, &pages, cancellable, &error);
      break;
    case LL_REPORT_WORK_REPORT:
      ok = ll_work_report_write (job->db, job->options, job->station_id, job->from, job->to,
                                 (const char * const *) job->paragraphs, job->path,
                                 job_progress_cb, job, cancellable, &error);
      pages = job->pages;
      break;
    case LL_REPORT_CASE_SLIPS:
      ok = ll_case_slips_write (job->db, job->options, (const gint64 *) job->case_ids->data,
                                job->case_ids->len, job->path, job_progress_cb, job, &pages,
                                cancellable, &error);
      break;
    case LL_REPORT_LEDGER:
      ok = ll_ledger_write (job->db, job->options, job->station_id, job->from, job->to,
                            job->path, job_progress_cb, job, cancellable, &error);
      pages = job->pages;
      break;
    case LL_REPORT_BULLETIN:
      ok = ll_bulletin_write (job->db, job->options, job->year, job->quarter, job->path,
                              job_progress_cb, job, cancellable, &error);
      pages = job->pages;
      break;
    case LL_REPORT_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  /* The connection belongs to this thread; close it here. */
  ll_database_close (job->db);

  if (!ok)
    {
      g_unlink (job->path);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job->pages = pages;
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (LlReportsPage *self,
          gboolean       busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->progress_box), busy);
  gtk_widget_set_visible (GTK_WIDGET (self->generate_button), !busy);
  if (!busy)
    g_clear_object (&self->cancellable);
  update_actions (self);
}

static void pdf_view_notify_cb (LlReportsPage *self);

/* The preview is made when first needed: a page that only lists filed
 * documents never lays it out. */
static LlPdfView *
ensure_pdf_view (LlReportsPage *self)
{
  if (self->pdf_view == NULL)
    {
      self->pdf_view = LL_PDF_VIEW (ll_pdf_view_new ());
      gtk_widget_set_name (GTK_WIDGET (self->pdf_view), "report-preview");
      gtk_widget_set_vexpand (GTK_WIDGET (self->pdf_view), TRUE);
      gtk_box_append (self->preview_box, GTK_WIDGET (self->pdf_view));
      g_signal_connect_object (self->pdf_view, "notify::n-pages",
                               G_CALLBACK (pdf_view_notify_cb), self, G_CONNECT_SWAPPED);
    }

  return self->pdf_view;
}

static void
show_preview (LlReportsPage *self,
              const char    *path,
              const char    *title,
              const char    *subtitle)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  gtk_label_set_text (self->preview_title, title);
  gtk_label_set_text (self->preview_subtitle, subtitle != NULL ? subtitle : "");
  ll_pdf_view_load_file (ensure_pdf_view (self), file);
  gtk_stack_set_visible_child_name (self->stack, "preview");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->pdf_view));
}

static void
generate_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LlReportsPage *self = LL_REPORTS_PAGE (object);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = NULL;

#ifdef __GLIBC__
  /* The worker's arena held the whole office's figures; give the memory
   * back rather than keep it for the life of the window. */
  malloc_trim (0);
#endif

  if (job->serial != self->serial)
    return;

  set_busy (self, FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      /* Cancel leaves the form as it was, without a message. */
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, error->message);
      return;
    }

  g_debug ("Generated %u pages in %.0f ms", job->pages,
           (g_get_monotonic_time () - job->started) / 1000.0);

  if (self->preview_path != NULL && g_strcmp0 (self->preview_path, job->path) != 0)
    g_unlink (self->preview_path);
  g_free (self->preview_path);
  self->preview_path = g_strdup (job->path);
  g_clear_object (&self->preview_filed);
  self->filed_once = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->preview_warning), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->file_button), TRUE);

  /* What File records: the document as generated. */
#define TAKE(field) g_free (self->field); self->field = g_steal_pointer (&job->field)
  TAKE (kind_key);
  TAKE (title);
  TAKE (period_from);
  TAKE (period_to);
  TAKE (params);
#undef TAKE

  subtitle = format_period (self->period_from, self->period_to);
  show_preview (self, self->preview_path, self->title, subtitle);
}

/* Reads the form into @job and the filing details; FALSE with a message
 * for the user when something is missing. */
static gboolean
read_form (LlReportsPage  *self,
           Job            *job,
           GError        **error)
{
  const char *station_label;
  const char *from = gtk_editable_get_text (GTK_EDITABLE (self->from_row));
  const char *to = gtk_editable_get_text (GTK_EDITABLE (self->to_row));
  g_autoptr(GString) params = g_string_new ("{");

  job->kind = current_kind (self);
  job->year = gtk_spin_button_get_value_as_int (self->year_spin);
  job->quarter = adw_combo_row_get_selected (self->quarter_row) + 1;
  job->station_id = ll_station_picker_get_selected_id (self->station_picker);
  station_label = ll_station_picker_get_label (self->station_picker);

  job->kind_key = g_strdup (kind_keys[job->kind]);

  switch (job->kind)
    {
    case LL_REPORT_ANNUAL_SHEETS:
      job->period_from = g_strdup_printf ("%04d-01-01", job->year);
      job->period_to = g_strdup_printf ("%04d-12-31", job->year);
      {
        g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (
                                                        GTK_EDITABLE (self->person_row))));

        if (*name != '\0')
          {
            job->person_id = find_person (self, name, error);
            if (job->person_id == 0)
              return FALSE;
            job->station_id = 0;
            /* Translators: file title; %d is a year, %s a person's name */
            job->title = g_strdup_printf (_("Annual Deputy Performance Sheet %d, %s"),
                                          job->year, name);
            g_string_append_printf (params, "\"year\":%d,\"person\":%" G_GINT64_FORMAT,
                                    job->year, job->person_id);
            break;
          }
      }
      if (selected_group (self) != NULL)
        {
          /* A group instead of a station. */
          job->group_id = ll_choice_get_id (selected_group (self));
          job->station_id = 0;
          station_label = ll_choice_get_label (selected_group (self));
        }
      /* Translators: file title; %d is a year, %s a station, a group or “All Stations” */
      job->title = g_strdup_printf (_("Annual Deputy Performance Sheets %d, %s"), job->year,
                                     (job->station_id != 0 || job->group_id != 0) &&
                                     station_label != NULL
                                       ? station_label : _("All Stations"));
      g_string_append_printf (params, "\"year\":%d,\"station\":%" G_GINT64_FORMAT
                              ",\"group\":%" G_GINT64_FORMAT,
                              job->year, job->station_id, job->group_id);
      break;

    case LL_REPORT_BULLETIN:
      {
        static const char *starts[] = { "01-01", "04-01", "07-01", "10-01" };
        static const char *ends[] = { "03-31", "06-30", "09-30", "12-31" };

        job->period_from = g_strdup_printf ("%04d-%s", job->year, starts[job->quarter - 1]);
        job->period_to = g_strdup_printf ("%04d-%s", job->year, ends[job->quarter - 1]);
        /* Translators: file title; %d is a year, %u a quarter (1–4) */
        job->title = g_strdup_printf (_("Performance Bulletin %d, Quarter %u"), job->year,
                                       job->quarter);
        g_string_append_printf (params, "\"year\":%d,\"quarter\":%u", job->year, job->quarter);
      }
      break;

    case LL_REPORT_WORK_REPORT:
    case LL_REPORT_LEDGER:
      if (job->station_id == 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Choose the station first."));
          return FALSE;
        }
      if (!ll_date_is_valid (from) || !ll_date_is_valid (to))
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("Give the first and the last day of the period, written "
                                 "2025-01-01."));
          return FALSE;
        }
      if (strcmp (from, to) > 0)
        {
          g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The period ends before it begins."));
          return FALSE;
        }
      job->from = g_strdup (from);
      job->to = g_strdup (to);
      job->period_from = g_strdup (from);
      job->period_to = g_strdup (to);
      job->title = g_strdup_printf (job->kind == LL_REPORT_WORK_REPORT
                                       /* Translators: file title; %s is a station */
                                       ? _("Work Report of %s")
                                       /* Translators: file title; %s is a station */
                                       : _("Ledger of %s"),
                                     station_label);
      g_string_append_printf (params, "\"station\":%" G_GINT64_FORMAT ",\"from\":\"%s\","
                              "\"to\":\"%s\"", job->station_id, from, to);
      break;

    case LL_REPORT_CASE_SLIPS:
      {
        g_auto(GStrv) words = NULL;
        g_autofree char *text = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->cases_row)));

        g_strdelimit (text, ",;，；、\t\n", ' ');
        words = g_strsplit (text, " ", -1);
        job->case_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
        g_string_append (params, "\"cases\":[");
        for (guint i = 0; words[i] != NULL; i++)
          {
            g_autoptr(LlCase) kase = NULL;
            g_autoptr(GError) local_error = NULL;
            gint64 id;

            if (*words[i] == '\0')
              continue;
            kase = ll_case_store_get_by_serial (self->database, words[i], &local_error);
            if (kase == NULL)
              {
                if (g_error_matches (local_error, LL_DATABASE_ERROR,
                                     LL_DATABASE_ERROR_NOT_FOUND))
                  /* Translators: %s is a case's serial number, e.g. 2025-0078 */
                  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                               _("There is no case with the serial number %s."), words[i]);
                else
                  g_propagate_error (error, g_steal_pointer (&local_error));
                return FALSE;
              }
            id = ll_case_get_id (kase);
            g_string_append_printf (params, "%s%" G_GINT64_FORMAT,
                                    job->case_ids->len > 0 ? "," : "", id);
            g_array_append_val (job->case_ids, id);
          }
        g_string_append (params, "]");
        if (job->case_ids->len == 0)
          {
            g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                                 _("Give the serial numbers of the cases, e.g. 2025-0078."));
            return FALSE;
          }
        job->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                    /* Translators: file title */
                                                    "Hand-over Slip of %u Case",
                                                    "Hand-over Slips of %u Cases",
                                                    job->case_ids->len),
                                       job->case_ids->len);
      }
      break;

    case LL_REPORT_N_KINDS:
    default:
      g_assert_not_reached ();
    }

  g_string_append (params, "}");
  job->params = g_string_free (g_steal_pointer (&params), FALSE);
  return TRUE;
}

/**
 * ll_reports_page_generate:
 * @self: a #LlReportsPage
 *
 * Generates the chosen document in a worker; the preview opens when it
 * is written, or the form says why not.
 */
void
ll_reports_page_generate (LlReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  if (self->database == NULL || self->cancellable != NULL)
    return;

  show_error (self, NULL);
  job = g_new0 (Job, 1);
  if (!read_form (self, job, &error))
    {
      show_error (self, error->message);
      job_free (job);
      return;
    }

  job->db = ll_database_open_secondary (self->database, &error);
  if (job->db == NULL)
    {
      show_error (self, error->message);
      job_free (job);
      return;
    }
  job->options = make_options (self);
  if (job->kind == LL_REPORT_WORK_REPORT && text_edited (self))
    job->paragraphs = g_strdupv (self->paragraphs);
  job->serial = ++self->serial;
  job->started = g_get_monotonic_time ();
  job->path = g_strdup_printf ("%s/document-%u.pdf", self->tmpdir, job->serial);

  self->cancellable = g_cancellable_new ();
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Reading the records…"));
  set_busy (self, TRUE);

  task = g_task_new (self, self->cancellable, generate_cb, NULL);
  g_task_set_source_tag (task, ll_reports_page_generate);
  job->task = task;
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, generate_thread);
}

/**
 * ll_reports_page_cancel:
 * @self: a #LlReportsPage
 *
 * Stops a running generation: no preview, no message.
 */
void
ll_reports_page_cancel (LlReportsPage *self)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  /* The worker's late result is ignored by its serial. */
  self->serial++;
  set_busy (self, FALSE);
}

/* The work report's text ------------------------------------------------------ */

static void
text_dialog_apply_cb (LlWorkReportTextDialog *dialog,
                      char                  **paragraphs,
                      LlReportsPage          *self)
{
  g_strfreev (self->paragraphs);
  self->paragraphs = g_strdupv (paragraphs);
  g_free (self->paragraphs_key);
  self->paragraphs_key = text_key (self);
  update_text_row (self);
}

static void
defaults_thread (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlWorkReport) report = NULL;
  char **paragraphs;

  report = ll_work_report_new (job->db, job->station_id, job->from, job->to, cancellable,
                               &error);
  if (report == NULL)
    {
      ll_database_close (job->db);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  paragraphs = ll_work_report_get_default_paragraphs (report, job->options);
  g_clear_object (&report);
  ll_database_close (job->db);
  g_task_return_pointer (task, paragraphs, (GDestroyNotify) g_strfreev);
}

static void
defaults_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  LlReportsPage *self = LL_REPORTS_PAGE (object);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) defaults = g_task_propagate_pointer (G_TASK (result), &error);
  LlWorkReportTextDialog *dialog;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->text_cancellable);
  update_actions (self);
  if (defaults == NULL)
    {
      show_error (self, error->message);
      return;
    }

  dialog = ll_work_report_text_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                           (const char * const *) defaults,
                                           text_edited (self)
                                             ? (const char * const *) self->paragraphs : NULL);
  g_signal_connect_object (dialog, "apply", G_CALLBACK (text_dialog_apply_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Works out the usual text in a worker (it reads the period's records),
 * then shows it to be edited. */
static void
edit_text (LlReportsPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Job *job;

  if (self->database == NULL || self->text_cancellable != NULL)
    return;

  show_error (self, NULL);
  job = g_new0 (Job, 1);
  if (!read_form (self, job, &error) ||
      (job->db = ll_database_open_secondary (self->database, &error)) == NULL)
    {
      show_error (self, error->message);
      job_free (job);
      return;
    }
  job->options = make_options (self);

  self->text_cancellable = g_cancellable_new ();
  update_actions (self);
  task = g_task_new (self, self->text_cancellable, defaults_cb, NULL);
  g_task_set_source_tag (task, edit_text);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, defaults_thread);
}

/* Filing ----------------------------------------------------------------------- */

static void file_document (LlReportsPage *self);

static void
folder_chosen_cb (GtkNativeDialog *chooser,
                  int              response,
                  LlReportsPage   *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        {
          g_settings_set_string (self->settings, "report-archive-folder", path);
          file_document (self);
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

/* Asks for the office's archive folder (also in Preferences), then
 * files the previewed document there. */
static void
choose_folder_and_file (LlReportsPage *self)
{
  GtkFileChooserNative *chooser;
  g_autofree char *folder = g_settings_get_string (self->settings, "report-archive-folder");

  chooser = gtk_file_chooser_native_new (_("Choose the Archive Folder"),
                                         GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                         GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_File Here"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder[0] != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), current, NULL);
    }
  g_signal_connect_object (chooser, "response", G_CALLBACK (folder_chosen_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
not_filed_response_cb (AdwMessageDialog *dialog,
                       const char       *response,
                       LlReportsPage    *self)
{
  if (g_strcmp0 (response, "choose") == 0)
    choose_folder_and_file (self);
}

static void
file_document (LlReportsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFiledDocument) filed = NULL;
  g_autofree char *folder = NULL;
  AdwToast *toast;

  if (self->preview_path == NULL || self->database == NULL || self->filed_once)
    return;

  folder = g_settings_get_string (self->settings, "report-archive-folder");
  if (folder[0] == '\0')
    {
      choose_folder_and_file (self);
      return;
    }

  filed = ll_filed_document_store_file (self->database, self->preview_path, folder,
                                        self->kind_key, self->title, self->period_from,
                                        self->period_to, self->params, NULL, &error);
  if (filed == NULL)
    {
      AdwMessageDialog *dialog;

      /* The preview stays, so that it can be filed after the cause is
       * put right. */
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
        _("The Document Was Not Filed"), error->message));
      gtk_widget_set_name (GTK_WIDGET (dialog), "not-filed-dialog");
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      if (error->domain == LL_DATABASE_ERROR &&
          (error->code == LL_DATABASE_ERROR_NOT_FOUND ||
           error->code == LL_DATABASE_ERROR_READ_ONLY ||
           error->code == LL_DATABASE_ERROR_DISK_FULL ||
           error->code == LL_DATABASE_ERROR_IO))
        {
          adw_message_dialog_add_response (dialog, "choose", _("_Choose Another Folder…"));
          adw_message_dialog_set_default_response (dialog, "choose");
          g_signal_connect_object (dialog, "response", G_CALLBACK (not_filed_response_cb), self,
                                   0);
        }
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  self->filed_once = TRUE;
  load_filed (self);
  update_actions (self);
  /* Translators: %s is the title of a filed document */
  toast = adw_toast_new_format (_("Filed “%s”"), ll_filed_document_get_title (filed));
  ll_page_add_toast (LL_PAGE (self), toast);
}

static void
open_filed_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        LlReportsPage    *self)
{
  LlFiledDocument *document = g_object_get_data (G_OBJECT (dialog), "document");

  if (g_strcmp0 (response, "open") == 0 && document != NULL)
    {
      gtk_label_set_text (self->preview_warning,
                          _("This file has been changed since it was filed; it is not the "
                            "document that was filed."));
      gtk_widget_set_visible (GTK_WIDGET (self->preview_warning), TRUE);
      show_preview (self, ll_filed_document_get_path (document),
                    ll_filed_document_get_title (document), NULL);
    }
}

static void
open_filed (LlReportsPage   *self,
            LlFiledDocument *document)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *subtitle = filed_subtitle (document);
  gboolean ok;

  g_set_object (&self->preview_filed, document);
  self->filed_once = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->file_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->preview_warning), FALSE);

  ok = ll_filed_document_store_verify (document, NULL, &error);
  if (!ok)
    {
      AdwMessageDialog *dialog;
      gboolean changed = g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);

      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
        GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
        changed ? _("Filed Document Changed") : _("Filed Document Missing"), error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      if (changed)
        {
          adw_message_dialog_add_response (dialog, "open", _("_Open Anyway"));
          g_object_set_data_full (G_OBJECT (dialog), "document", g_object_ref (document),
                                  g_object_unref);
          g_signal_connect_object (dialog, "response", G_CALLBACK (open_filed_response_cb),
                                   self, 0);
        }
      gtk_widget_set_name (GTK_WIDGET (dialog), "filed-check-dialog");
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  show_preview (self, ll_filed_document_get_path (document),
                ll_filed_document_get_title (document), subtitle);
}

static void
filed_row_activated_cb (LlReportsPage *self,
                        GtkListBoxRow *row)
{
  LlFiledDocument *document = g_object_get_data (G_OBJECT (row), "document");

  if (document != NULL)
    open_filed (self, document);
}

static void
pdf_view_notify_cb (LlReportsPage *self)
{
  update_actions (self);
}

/* Actions ------------------------------------------------------------------------ */

static void
generate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ll_reports_page_generate (LL_REPORTS_PAGE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ll_reports_page_cancel (LL_REPORTS_PAGE (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlReportsPage *self = LL_REPORTS_PAGE (widget);

  gtk_stack_set_visible_child_name (self->stack, "form");
  update_actions (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->generate_button));
}

static void
edit_text_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  edit_text (LL_REPORTS_PAGE (widget));
}

static void
file_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  file_document (LL_REPORTS_PAGE (widget));
}

/* LlPage --------------------------------------------------------------------------- */

static void
ll_reports_page_set_database (LlPage     *page,
                              LlDatabase *database)
{
  LlReportsPage *self = LL_REPORTS_PAGE (page);

  if (self->database == database)
    return;

  ll_reports_page_cancel (self);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed_cb, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                             G_CONNECT_SWAPPED);

  ll_station_picker_set_database (self->station_picker, database);
  ll_station_picker_set_selected_id (self->station_picker, 0);
  if (self->pdf_view != NULL)
    ll_pdf_view_clear (self->pdf_view);
  g_clear_pointer (&self->preview_path, g_free);
  g_clear_object (&self->preview_filed);
  gtk_stack_set_visible_child_name (self->stack, "form");
  show_error (self, NULL);
  load_filed (self);
  load_groups (self);
  kind_changed_cb (self);
  update_actions (self);
}

static void
ll_reports_page_set_editable (LlPage   *page,
                              gboolean  editable)
{
  LlReportsPage *self = LL_REPORTS_PAGE (page);

  /* Generating only reads; filing writes a row. */
  self->editable = editable;
  update_actions (self);
}

static void
ll_reports_page_focus_search (LlPage *page)
{
  LlReportsPage *self = LL_REPORTS_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0)
    gtk_widget_activate_action (GTK_WIDGET (ensure_pdf_view (self)), "pdf.find", NULL);
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->kind_row));
}

static gboolean
ll_reports_page_archive_selection (LlPage *page)
{
  return FALSE;
}

static void
page_iface_init (LlPageInterface *iface)
{
  iface->set_database = ll_reports_page_set_database;
  iface->set_editable = ll_reports_page_set_editable;
  iface->focus_search = ll_reports_page_focus_search;
  iface->archive_selection = ll_reports_page_archive_selection;
}

/* GObject --------------------------------------------------------------------------- */

static void
remove_tmpdir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_unlink (path);
    }
  g_rmdir (dir);
}

static void
ll_reports_page_dispose (GObject *object)
{
  LlReportsPage *self = LL_REPORTS_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  self->serial++;

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_REPORTS_PAGE);
  self->pdf_view = NULL;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed_cb, self);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  g_clear_object (&self->filed);
  g_clear_object (&self->groups);
  g_clear_object (&self->cancellable);
  if (self->text_cancellable != NULL)
    g_cancellable_cancel (self->text_cancellable);
  g_clear_object (&self->text_cancellable);
  g_clear_object (&self->preview_filed);

  G_OBJECT_CLASS (ll_reports_page_parent_class)->dispose (object);
}

static void
ll_reports_page_finalize (GObject *object)
{
  LlReportsPage *self = LL_REPORTS_PAGE (object);

  /* A worker still writing removes its own file when it sees the cancel. */
  if (self->tmpdir != NULL)
    remove_tmpdir (self->tmpdir);
  g_free (self->tmpdir);
  g_free (self->preview_path);
  g_free (self->title);
  g_free (self->kind_key);
  g_free (self->period_from);
  g_free (self->period_to);
  g_free (self->params);
  g_strfreev (self->paragraphs);
  g_free (self->paragraphs_key);

  G_OBJECT_CLASS (ll_reports_page_parent_class)->finalize (object);
}

static void
ll_reports_page_class_init (LlReportsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_reports_page_dispose;
  object_class->finalize = ll_reports_page_finalize;

  g_type_ensure (LL_TYPE_STATION_PICKER);
  g_type_ensure (LL_TYPE_PDF_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-reports-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, kind_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, year_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, year_spin);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, station_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, station_picker);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, group_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, person_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, from_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, to_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, cases_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, text_row);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, personal_switch);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, progress_box);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, generate_button);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, filed_list);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, preview_title);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, preview_subtitle);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, preview_warning);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, file_button);
  gtk_widget_class_bind_template_child (widget_class, LlReportsPage, preview_box);
  gtk_widget_class_bind_template_callback (widget_class, kind_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, group_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, filed_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "reports.generate", NULL, generate_action);
  gtk_widget_class_install_action (widget_class, "reports.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "reports.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "reports.file", NULL, file_action);
  gtk_widget_class_install_action (widget_class, "reports.edit-text", NULL, edit_text_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "reports.generate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "reports.generate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK,
                                       "reports.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_A,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "reports.file", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkWidget *
placeholder_new (void)
{
  GtkWidget *label = gtk_label_new (_("No documents have been filed yet. Generate one, then "
                                      "File it from the preview."));

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 18);
  gtk_widget_set_margin_bottom (label, 18);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
ll_reports_page_init (LlReportsPage *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GError) error = NULL;
  int year = g_date_time_get_year (now);
  g_autofree char *from = g_strdup_printf ("%04d-01-01", year);
  g_autofree char *to = g_date_time_format (now, "%Y-%m-%d");

  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  self->filed = g_list_store_new (LL_TYPE_FILED_DOCUMENT);
  self->groups = g_list_store_new (LL_TYPE_CHOICE);
  adw_combo_row_set_model (self->group_row, G_LIST_MODEL (self->groups));
  load_groups (self);
  self->tmpdir = g_dir_make_tmp ("lianluo-reports-XXXXXX", &error);
  if (self->tmpdir == NULL)
    {
      g_warning ("No folder for generated documents: %s", error->message);
      self->tmpdir = g_strdup (g_get_tmp_dir ());
    }

  gtk_list_box_bind_model (self->filed_list, G_LIST_MODEL (self->filed), create_filed_row,
                           NULL, NULL);
  gtk_list_box_set_placeholder (self->filed_list, placeholder_new ());

  /* Last year's sheets by default: they are printed at the year's end
   * or early in the next. */
  gtk_spin_button_set_value (self->year_spin, g_date_time_get_month (now) >= 11 ? year : year - 1);
  adw_combo_row_set_selected (self->quarter_row, (g_date_time_get_month (now) - 1) / 3);
  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);

  g_settings_bind (self->settings, "report-mask-personal-data", self->personal_switch, "active",
                   G_SETTINGS_BIND_DEFAULT | G_SETTINGS_BIND_INVERT_BOOLEAN);


  g_signal_connect_object (self->station_picker, "notify::selected-id",
                           G_CALLBACK (update_text_row), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->from_row, "changed", G_CALLBACK (update_text_row), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->to_row, "changed", G_CALLBACK (update_text_row), self,
                           G_CONNECT_SWAPPED);

  kind_changed_cb (self);
  update_text_row (self);
  update_actions (self);
}

/* Public API ----------------------------------------------------------------------- */

void
ll_reports_page_set_kind (LlReportsPage *self,
                          LlReportKind   kind)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));
  g_return_if_fail (kind < LL_REPORT_N_KINDS);

  adw_combo_row_set_selected (self->kind_row, kind);
}

void
ll_reports_page_set_year (LlReportsPage *self,
                          int            year)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  gtk_spin_button_set_value (self->year_spin, year);
}

void
ll_reports_page_set_quarter (LlReportsPage *self,
                             guint          quarter)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));
  g_return_if_fail (quarter >= 1 && quarter <= 4);

  adw_combo_row_set_selected (self->quarter_row, quarter - 1);
}

void
ll_reports_page_set_station (LlReportsPage *self,
                             gint64         station_id)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  ll_station_picker_set_selected_id (self->station_picker, station_id);
}

void
ll_reports_page_set_period (LlReportsPage *self,
                            const char    *from,
                            const char    *to)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->from_row), from);
  gtk_editable_set_text (GTK_EDITABLE (self->to_row), to);
}

void
ll_reports_page_set_cases (LlReportsPage *self,
                           const char    *serials)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->cases_row), serials);
}

gboolean
ll_reports_page_get_busy (LlReportsPage *self)
{
  g_return_val_if_fail (LL_IS_REPORTS_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * ll_reports_page_get_error_text:
 * @self: a #LlReportsPage
 *
 * Returns: (nullable): the message shown under the form, or %NULL
 */
const char *
ll_reports_page_get_error_text (LlReportsPage *self)
{
  g_return_val_if_fail (LL_IS_REPORTS_PAGE (self), NULL);

  if (!gtk_widget_get_visible (GTK_WIDGET (self->error_label)))
    return NULL;
  return gtk_label_get_text (self->error_label);
}

gboolean
ll_reports_page_get_previewing (LlReportsPage *self)
{
  g_return_val_if_fail (LL_IS_REPORTS_PAGE (self), FALSE);

  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "preview") == 0;
}

LlPdfView *
ll_reports_page_get_pdf_view (LlReportsPage *self)
{
  g_return_val_if_fail (LL_IS_REPORTS_PAGE (self), NULL);

  return ensure_pdf_view (self);
}

GtkListBox *
ll_reports_page_get_filed_list (LlReportsPage *self)
{
  g_return_val_if_fail (LL_IS_REPORTS_PAGE (self), NULL);

  return self->filed_list;
}

/**
 * ll_reports_page_edit_text:
 * @self: a #LlReportsPage
 *
 * The “Edit Text…” step of a work report: works out the usual text for
 * the chosen station and period, then shows it to be edited.
 */
void
ll_reports_page_edit_text (LlReportsPage *self)
{
  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  edit_text (self);
}

/**
 * ll_reports_page_find:
 * @widget: any widget of a window
 *
 * Returns: (transfer none) (nullable): the Reports page of @widget's window
 */
LlReportsPage *
ll_reports_page_find (GtkWidget *widget)
{
  GtkWidget *root;
  g_autoptr(GQueue) queue = g_queue_new ();

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = GTK_WIDGET (gtk_widget_get_root (widget));
  if (root == NULL)
    return NULL;

  g_queue_push_tail (queue, root);
  while (!g_queue_is_empty (queue))
    {
      GtkWidget *w = g_queue_pop_head (queue);

      if (LL_IS_REPORTS_PAGE (w))
        return LL_REPORTS_PAGE (w);
      for (GtkWidget *child = gtk_widget_get_first_child (w); child != NULL;
           child = gtk_widget_get_next_sibling (child))
        g_queue_push_tail (queue, child);
    }

  return NULL;
}

/**
 * ll_reports_page_print_case_slips:
 * @self: a #LlReportsPage
 * @case_ids: (array length=n_case_ids): cases
 * @n_case_ids: how many
 *
 * Shows the Reports page with the hand-over slips of @case_ids and
 * generates them, as the Cases page's Print Hand-over Slip does.
 */
void
ll_reports_page_print_case_slips (LlReportsPage *self,
                                  const gint64  *case_ids,
                                  guint          n_case_ids)
{
  g_autoptr(GString) serials = g_string_new (NULL);
  GtkRoot *root;

  g_return_if_fail (LL_IS_REPORTS_PAGE (self));

  if (self->database == NULL)
    return;

  for (guint i = 0; i < n_case_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlCase) kase = ll_case_store_get (self->database, case_ids[i], &error);

      if (kase == NULL)
        {
          g_debug ("No case %" G_GINT64_FORMAT ": %s", case_ids[i], error->message);
          continue;
        }
      g_string_append_printf (serials, "%s%s", serials->len > 0 ? ", " : "",
                              ll_case_get_serial (kase));
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (LL_IS_WINDOW (root))
    ll_window_set_page (LL_WINDOW (root), "reports");
  if (ll_reports_page_get_previewing (self))
    gtk_widget_activate_action (GTK_WIDGET (self), "reports.back", NULL);
  ll_reports_page_set_kind (self, LL_REPORT_CASE_SLIPS);
  ll_reports_page_set_cases (self, serials->str);
  ll_reports_page_generate (self);
}

guint
ll_reports_page_get_n_filed (LlReportsPage *self)
{
  g_return_val_if_fail (LL_IS_REPORTS_PAGE (self), 0);

  return g_list_model_get_n_items (G_LIST_MODEL (self->filed));
}

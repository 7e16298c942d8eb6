/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-ledger"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-activity-store.h"
#include "ll-case-store.h"
#include "ll-ledger.h"
#include "ll-pdf-writer.h"
#include "ll-report-text.h"

/* The station ledger (联络站工作台账) for a period, on landscape A4: the
 * activities held at the station (receptions first among equals: every
 * kind is listed, with its type) and the cases received, each a table
 * whose header row is repeated on every page, oldest first. The station's
 * records include those of the stations below it. */

#define BLOCK_SIZE 256

static char *
participants_text (GPtrArray *participants)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < participants->len; i++)
    {
      LlParticipant *participant = g_ptr_array_index (participants, i);

      g_string_append_printf (s, "%s%s", i > 0 ? "、" : "",
                              participant->name != NULL ? participant->name : "");
      if (g_strcmp0 (participant->attendance, "present") != 0)
        g_string_append_printf (s, "（%s）", ll_report_label (LL_ENUM_ATTENDANCE,
                                                             participant->attendance));
    }

  return g_string_free (s, FALSE);
}

static LlTable *
activities_table (LlDatabase    *db,
                  GArray        *ids,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(LlTable) table = ll_table_new (8);
  static const double widths[] = { 0.04, 0.08, 0.10, 0.24, 0.16, 0.24, 0.07, 0.07 };
  guint people = 0, opinions = 0, row;
  guint serial = 0;

  ll_table_set_caption (table, "一、代表进站履职活动登记", "单位：人次、条");
  ll_table_set_header_rows (table, 1);
  ll_table_set_font_size (table, 9);
  ll_table_add_row (table, "序号", "日期", "活动类型", "活动名称", "地点", "参加代表", "接待群众",
                    "收集意见", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    ll_table_set_column_width (table, c, widths[c]);
  ll_table_set_column_align (table, 0, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 1, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 2, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 6, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 7, LL_ALIGN_CENTER);

  /* The ids come newest first; the ledger reads oldest first. */
  for (guint end = ids->len; end > 0; end -= MIN (end, BLOCK_SIZE))
    {
      guint n = MIN (end, BLOCK_SIZE);
      g_autoptr(GPtrArray) activities = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      activities = ll_activity_store_load_many (db, &g_array_index (ids, gint64, end - n), n,
                                                error);
      if (activities == NULL)
        return NULL;

      for (guint i = activities->len; i > 0; i--)
        {
          LlActivity *activity = g_ptr_array_index (activities, i - 1);
          g_autoptr(GPtrArray) participants = NULL;
          g_autofree char *number = g_strdup_printf ("%u", ++serial);
          g_autofree char *date = ll_report_format_short_date (ll_activity_get_held_on (activity));
          g_autofree char *names = NULL;
          g_autofree char *received = g_strdup_printf ("%d",
                                                       ll_activity_get_people_received (activity));
          g_autofree char *collected = NULL;

          participants = ll_activity_store_list_participants (db, ll_activity_get_id (activity),
                                                              error);
          if (participants == NULL)
            return NULL;
          names = participants_text (participants);
          collected = g_strdup_printf ("%d", ll_activity_get_opinions_collected (activity));
          people += ll_activity_get_people_received (activity);
          opinions += ll_activity_get_opinions_collected (activity);

          ll_table_add_row (table, number, date,
                            ll_report_label (LL_ENUM_ACTIVITY_TYPE,
                                             ll_activity_get_activity_type (activity)),
                            ll_activity_get_title (activity),
                            ll_activity_get_location (activity) ?: "", names, received, collected,
                            NULL);
        }
    }

  {
    g_autofree char *count = g_strdup_printf ("共%u次", serial);
    g_autofree char *received = g_strdup_printf ("%u", people);
    g_autofree char *collected = g_strdup_printf ("%u", opinions);

    row = ll_table_add_row (table, "合计", "", count, "", "", "", received, collected, NULL);
    ll_table_set_cell_span (table, row, 0, 2);
    ll_table_set_cell_span (table, row, 2, 4);
    ll_table_set_row_bold (table, row, TRUE);
  }

  return g_steal_pointer (&table);
}

static char *
deputies_text (GPtrArray *deputies)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < deputies->len; i++)
    g_string_append_printf (s, "%s%s", i > 0 ? "、" : "",
                            ((LlCaseDeputy *) g_ptr_array_index (deputies, i))->name);

  return g_string_free (s, FALSE);
}

static LlTable *
cases_table (LlDatabase             *db,
             const LlReportOptions  *options,
             GArray                 *ids,
             GCancellable           *cancellable,
             GError                **error)
{
  g_autoptr(LlTable) table = ll_table_new (13);
  static const double widths[] = {
    0.035, 0.075, 0.075, 0.08, 0.085, 0.155, 0.06, 0.075, 0.085, 0.09, 0.075, 0.05, 0.06,
  };
  guint closed = 0, row;

  ll_table_set_caption (table, "二、群众意见建议办理登记", "单位：件");
  ll_table_set_header_rows (table, 1);
  ll_table_set_font_size (table, 9);
  ll_table_add_row (table, "序号", "编号", "受理日期", "来源", "反映人及电话", "诉求事项", "类别",
                    "接待代表", "办理方式", "承办单位", "办理期限", "状态", "满意度", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      ll_table_set_column_width (table, c, widths[c]);
      if (c != 4 && c != 5 && c != 7 && c != 9)
        ll_table_set_column_align (table, c, LL_ALIGN_CENTER);
    }

  for (guint start = 0; start < ids->len; start += BLOCK_SIZE)
    {
      guint n = MIN (BLOCK_SIZE, ids->len - start);
      g_autoptr(GPtrArray) cases = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      cases = ll_case_store_load_many (db, &g_array_index (ids, gint64, start), n, error);
      if (cases == NULL)
        return NULL;

      for (guint i = 0; i < cases->len; i++)
        {
          LlCase *kase = g_ptr_array_index (cases, i);
          g_autoptr(GPtrArray) deputies = NULL;
          g_autofree char *number = g_strdup_printf ("%u", start + i + 1);
          g_autofree char *received = ll_report_format_short_date (ll_case_get_received_on (kase));
          g_autofree char *deadline = ll_report_format_short_date (ll_case_get_deadline (kase));
          g_autofree char *phone = ll_report_mask_phone (ll_case_get_constituent_phone (kase),
                                                         options->show_personal_data);
          g_autofree char *who = NULL;
          g_autofree char *names = NULL;

          deputies = ll_case_store_list_deputies (db, ll_case_get_id (kase), error);
          if (deputies == NULL)
            return NULL;
          names = deputies_text (deputies);
          who = *phone != '\0'
                ? g_strdup_printf ("%s\n%s", ll_case_get_constituent_name (kase) ?: "", phone)
                : g_strdup (ll_case_get_constituent_name (kase) ?: "");
          if (g_strcmp0 (ll_case_get_status (kase), "closed") == 0)
            closed++;

          ll_table_add_row (table, number, ll_case_get_serial (kase), received,
                            ll_report_label (LL_ENUM_CASE_SOURCE, ll_case_get_source (kase)),
                            who, ll_case_get_title (kase),
                            ll_report_label (LL_ENUM_CASE_CATEGORY, ll_case_get_category (kase)),
                            names,
                            ll_report_label (LL_ENUM_HANDLING_MODE,
                                             ll_case_get_handling_mode (kase)),
                            ll_case_get_department_name (kase) ?: "", deadline,
                            ll_report_label (LL_ENUM_CASE_STATUS, ll_case_get_status (kase)),
                            ll_report_label (LL_ENUM_SATISFACTION,
                                             ll_case_get_satisfaction (kase)),
                            NULL);
        }
    }

  {
    g_autofree char *summary = g_strdup_printf ("共受理%u件，已办结%u件，未办结%u件", ids->len,
                                                closed, ids->len - closed);

    row = ll_table_add_row (table, "合计", "", summary, "", "", "", "", "", "", "", "", "", "",
                            NULL);
    ll_table_set_cell_span (table, row, 0, 2);
    ll_table_set_cell_span (table, row, 2, 11);
    ll_table_set_cell_align (table, row, 2, LL_ALIGN_LEFT);
    ll_table_set_row_bold (table, row, TRUE);
  }

  return g_steal_pointer (&table);
}

/**
 * ll_ledger_build:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @options: (nullable): the report options
 * @station_id: the station
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day
 * @n_activities: (out) (optional): rows of the activities table
 * @n_cases: (out) (optional): rows of the cases table
 * @cancellable: (nullable): a #GCancellable
 *
 * Returns: (transfer full) (nullable): the ledger, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND for an unknown station or a period
 *   without activities and cases, %LL_DATABASE_ERROR_INVALID for a bad
 *   date
 */
LlDocument *
ll_ledger_build (LlDatabase             *db,
                 const LlReportOptions  *options,
                 gint64                  station_id,
                 const char             *from,
                 const char             *to,
                 guint                  *n_activities,
                 guint                  *n_cases,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(LlTable) activities = NULL;
  g_autoptr(LlTable) cases = NULL;
  g_autoptr(GArray) activity_ids = NULL;
  g_autoptr(GArray) case_ids = NULL;
  g_autofree char *station = NULL;
  g_autofree char *title = NULL;
  g_autofree char *period = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *subtitle = NULL;
  LlActivityFilter activity_filter = LL_ACTIVITY_FILTER_INIT;
  LlCaseFilter case_filter = LL_CASE_FILTER_INIT;
  LlTextStyle style;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = own_options = ll_report_options_new ();

  if (!ll_report_check_period (from, to, error))
    return NULL;

  station = ll_report_lookup_station (db, station_id, error);
  if (station == NULL)
    return NULL;

  activity_filter.station_id = station_id;
  activity_filter.held_from = from;
  activity_filter.held_to = to;
  activity_ids = ll_activity_store_query_ids (db, &activity_filter, error);
  if (activity_ids == NULL)
    return NULL;

  case_filter.station_id = station_id;
  case_filter.received_from = from;
  case_filter.received_to = to;
  case_ids = ll_case_store_query_ids (db, &case_filter, LL_CASE_SORT_RECEIVED_ON, FALSE, error);
  if (case_ids == NULL)
    return NULL;

  if (activity_ids->len == 0 && case_ids->len == 0)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("“%s” recorded no activities and no cases from %s to %s."), station, from,
                   to);
      return NULL;
    }

  doc = ll_document_new_for_kind (LL_PAGE_FORM_LANDSCAPE);
  title = g_strdup_printf ("%s工作台账", station);
  ll_document_set_metadata (doc, title, options->office_name);

  ll_text_style_init (&style, LL_FONT_ROLE_TITLE, 20);
  style.align = LL_ALIGN_CENTER;
  style.keep_with_next = TRUE;
  ll_document_add_text (doc, &style, title);

  period = ll_report_format_period (from, to);
  first = ll_report_format_date (from);
  last = ll_report_format_date (to);
  subtitle = g_strdup_printf ("%s（%s至%s）", period, first, last);
  ll_text_style_init (&style, LL_FONT_ROLE_SONG, 10.5);
  style.align = LL_ALIGN_CENTER;
  style.space_before = 0.3;
  style.keep_with_next = TRUE;
  ll_document_add_text (doc, &style, subtitle);
  ll_document_add_space (doc, 0.5);

  activities = activities_table (db, activity_ids, cancellable, error);
  if (activities == NULL)
    return NULL;
  ll_document_add_table (doc, activities);
  ll_document_add_space (doc, 0.5);

  cases = cases_table (db, options, case_ids, cancellable, error);
  if (cases == NULL)
    return NULL;
  ll_document_add_table (doc, cases);

  if (!options->show_personal_data)
    {
      ll_text_style_init (&style, LL_FONT_ROLE_SONG, 9);
      style.space_before = 0.3;
      ll_document_add_text (doc, &style, "注：反映人联系电话已部分隐去。");
    }

  if (n_activities != NULL)
    *n_activities = activity_ids->len;
  if (n_cases != NULL)
    *n_cases = case_ids->len;
  return g_steal_pointer (&doc);
}

/**
 * ll_ledger_write:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @options: (nullable): the report options
 * @station_id: the station
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @cancellable: (nullable): a #GCancellable
 *
 * Builds the ledger and writes it. On error no file is written.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
ll_ledger_write (LlDatabase             *db,
                 const LlReportOptions  *options,
                 gint64                  station_id,
                 const char             *from,
                 const char             *to,
                 const char             *path,
                 LlProgressFunc          progress,
                 gpointer                user_data,
                 GCancellable           *cancellable,
                 GError                **error)
{
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(LlLayoutContext) context = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  doc = ll_ledger_build (db, options, station_id, from, to, NULL, NULL, cancellable, error);
  if (doc == NULL)
    return FALSE;

  context = ll_report_options_new_context (options);
  return ll_document_write_pdf (doc, context, path, progress, user_data, cancellable, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-bulletin"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-bulletin.h"
#include "ll-pdf-writer.h"
#include "ll-person-store.h"
#include "ll-person.h"
#include "ll-report-text.h"

/* The performance bulletin (履职通报), GB/T 9704: the quarter's (or the
 * year's) figures for the whole office and the ranking of every active
 * deputy by points, best first, in a table whose header repeats on each
 * page. */

#define BLOCK_SIZE 256

static guint
present_activities (const LlPointsEntry *entry)
{
  guint n = 0;

  for (guint t = 0; t < LL_POINTS_MAX_ACTIVITY_TYPES; t++)
    n += entry->counts.activities[t][0];
  return n;
}

static char *
period_name (LlPoints *points)
{
  return ll_report_format_period (ll_points_get_from (points), ll_points_get_to (points));
}

static LlTable *
ranking_table (LlDatabase    *db,
               LlPoints      *points,
               const char    *period,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(LlTable) table = ll_table_new (7);
  g_autofree char *caption = g_strdup_printf ("表1　%s代表履职积分排名", period);
  static const double widths[] = { 0.07, 0.11, 0.11, 0.35, 0.12, 0.12, 0.12 };
  guint n = ll_points_get_n_ranked (points);

  ll_table_set_caption (table, caption, "单位：次、件、分");
  ll_table_set_header_rows (table, 1);
  ll_table_set_font_size (table, 10.5);
  ll_table_add_row (table, "名次", "姓名", "代表层级", "所在联络站", "参加活动", "收集意见",
                    "积分", NULL);
  for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
    {
      ll_table_set_column_width (table, c, widths[c]);
      if (c != 3)
        ll_table_set_column_align (table, c, LL_ALIGN_CENTER);
    }

  for (guint start = 0; start < n; start += BLOCK_SIZE)
    {
      guint count = MIN (BLOCK_SIZE, n - start);
      g_autofree gint64 *ids = g_new (gint64, count);
      g_autoptr(GPtrArray) people = NULL;
      guint next = 0;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      for (guint i = 0; i < count; i++)
        ids[i] = ll_points_get_ranked (points, start + i)->person_id;
      people = ll_person_store_load_many (db, ids, count, error);
      if (people == NULL)
        return NULL;
      for (guint i = 0; i < count; i++)
        {
          const LlPointsEntry *entry = ll_points_get_ranked (points, start + i);
          LlPerson *person = NULL;
          g_autofree char *rank = g_strdup_printf ("%u", entry->rank);
          g_autofree char *activities = g_strdup_printf ("%u", present_activities (entry));
          g_autofree char *cases = g_strdup_printf ("%u", entry->counts.cases_collected);
          g_autofree char *total = ll_points_format (entry->total);

          /* load_many keeps the order of @ids, leaving out the missing. */
          if (next < people->len &&
              ll_person_get_id (g_ptr_array_index (people, next)) == entry->person_id)
            person = g_ptr_array_index (people, next++);

          ll_table_add_row (table, rank, entry->name,
                            person != NULL ? ll_report_label (LL_ENUM_DEPUTY_LEVEL,
                                                              ll_person_get_level (person)) : "",
                            person != NULL && ll_person_get_station_name (person) != NULL
                            ? ll_person_get_station_name (person) : "",
                            activities, cases, total, NULL);
        }
    }

  return g_steal_pointer (&table);
}

/**
 * ll_bulletin_build:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @points: the points of the quarter (or year) to publish
 * @options: (nullable): the report options
 * @cancellable: (nullable): a #GCancellable
 *
 * Returns: (transfer full) (nullable): the bulletin, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND when nothing was recorded in the period
 */
LlDocument *
ll_bulletin_build (LlDatabase             *db,
                   LlPoints               *points,
                   const LlReportOptions  *options,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(LlTable) table = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *period = NULL;
  g_autofree char *title = NULL;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *number = NULL;
  g_autofree char *text = NULL;
  g_autofree char *average = NULL;
  g_autofree char *best = NULL;
  guint n, activities = 0, receptions = 0, cases = 0, resolved = 0, suggestions = 0, zero = 0;
  int reception = ll_enum_find (LL_ENUM_ACTIVITY_TYPE, "reception");
  double sum = 0;
  const char *office;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (points != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = own_options = ll_report_options_new ();

  period = period_name (points);
  n = ll_points_get_n_ranked (points);
  if (!ll_points_has_records (points))
    {
      /* Translators: %s is a period as printed in Chinese, e.g. 2025年第三季度 */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("Nothing was recorded for the deputies in %s (%s to %s)."), period,
                   ll_points_get_from (points), ll_points_get_to (points));
      return NULL;
    }

  for (guint i = 0; i < n; i++)
    {
      const LlPointsEntry *entry = ll_points_get_ranked (points, i);

      activities += present_activities (entry);
      if (reception >= 0)
        receptions += entry->counts.activities[reception][0];
      cases += entry->counts.cases_collected;
      resolved += entry->counts.cases_resolved;
      suggestions += entry->counts.suggestions + entry->counts.motions;
      sum += entry->total;
      if (entry->total == 0)
        zero++;
    }
  average = ll_points_format (n > 0 ? sum / n : 0);
  best = ll_points_format (n > 0 ? ll_points_get_ranked (points, 0)->total : 0);

  office = options->office_name != NULL && *options->office_name != '\0'
           ? options->office_name : "人大代表工作委员会";
  date = ll_report_options_dup_date (options);
  doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  title = g_strdup_printf ("关于%s代表履职积分情况的通报", period);
  ll_document_set_metadata (doc, title, office);

  if (options->organ_mark != NULL && *options->organ_mark != '\0')
    {
      number = ll_report_options_dup_number (options, g_date_get_year (date));
      ll_document_set_header (doc, options->organ_mark, number);
    }

  ll_document_add_title (doc, title);
  ll_document_add_addressee (doc, options->addressee != NULL && *options->addressee != '\0'
                                  ? options->addressee : "各代表小组，各位代表");

  first = ll_report_format_date (ll_points_get_from (points));
  last = ll_report_format_date (ll_points_get_to (points));
  text = g_strdup_printf ("为推动代表依法履职、积极履职，根据%d年度代表履职积分管理办法，"
                          "现将%s（%s至%s）代表履职积分情况通报如下。",
                          ll_points_get_year (points), period, first, last);
  ll_document_add_paragraph (doc, text);
  g_clear_pointer (&text, g_free);

  ll_document_add_heading (doc, 1, "总体情况");
  text = g_strdup_printf ("%s，参加积分的代表%u名，共参加各类履职活动%u人次，其中进站接待选民"
                          "%u人次；收集群众意见建议%u件，推动解决%u件；领衔或联名提出建议、"
                          "议案%u件。代表平均积分%s分，最高%s分，积分为零的代表%u名。",
                          period, n, activities, receptions, cases, resolved, suggestions,
                          average, best, zero);
  ll_document_add_paragraph (doc, text);

  ll_document_add_heading (doc, 1, "积分排名");
  ll_document_add_paragraph (doc, "各位代表的积分和排名见表1。积分相同的代表名次并列。");
  table = ranking_table (db, points, period, cancellable, error);
  if (table == NULL)
    return NULL;
  ll_document_add_table (doc, table);

  ll_document_add_heading (doc, 1, "有关要求");
  ll_document_add_paragraph (doc,
                             "希望全体代表以积分排名靠前的代表为榜样，主动进站履职，密切联系群众，"
                             "认真收集和反映群众意见建议。积分为零或排名靠后的代表，"
                             "请对照积分管理办法查找不足，积极参加下一阶段的履职活动。"
                             "代表履职积分情况将作为年度履职评价的重要依据，请各代表小组及时将"
                             "本通报传达到每位代表。");

  ll_document_add_signature (doc, office, date);
  ll_document_set_colophon (doc, options->copy_to, office, date);

  return g_steal_pointer (&doc);
}

/**
 * ll_bulletin_write:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @options: (nullable): the report options
 * @year: the year
 * @quarter: 1 to 4, or 0 for the whole year
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @cancellable: (nullable): a #GCancellable
 *
 * Computes the points of the period and writes the bulletin. On error
 * (a bad quarter, nothing recorded) no file is written.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
ll_bulletin_write (LlDatabase             *db,
                   const LlReportOptions  *options,
                   int                     year,
                   guint                   quarter,
                   const char             *path,
                   LlProgressFunc          progress,
                   gpointer                user_data,
                   GCancellable           *cancellable,
                   GError                **error)
{
  g_autoptr(LlPoints) points = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(LlLayoutContext) context = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  points = ll_points_compute (db, year, quarter, cancellable, error);
  if (points == NULL)
    return FALSE;

  doc = ll_bulletin_build (db, points, options, cancellable, error);
  if (doc == NULL)
    return FALSE;

  context = ll_report_options_new_context (options);
  return ll_document_write_pdf (doc, context, path, progress, user_data, cancellable, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-work-report"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-activity-store.h"
#include "ll-case-store.h"
#include "ll-pdf-writer.h"
#include "ll-report-text.h"
#include "ll-validate.h"
#include "ll-work-report.h"

/* A station's work report for a period (联络站工作报告), a GB/T 9704
 * document: receptions and people received, the cases collected by
 * category and how they were handled, resolution and satisfaction rates,
 * a chart of each month and a pie of the categories.
 *
 * LlWorkReport gathers the figures once (ll_work_report_new()); the text
 * is then built from paragraphs the user may edit first: the defaults of
 * ll_work_report_get_default_paragraphs() state the figures, and
 * ll_work_report_build() takes them back edited. The station's records
 * include those of the stations below it (a home with its points). */

#define BLOCK_SIZE 256
#define MAX_MONTHS 12

struct _LlWorkReport
{
  GObject  parent_instance;

  /* Owned */
  char    *station_name;
  char    *from;
  char    *to;
  char    *today;
  guint    receptions;
  guint    people_received;
  guint    deputy_visits;
  guint    opinions_collected;
  guint    activity_types[32];
  guint    n_cases;
  guint    categories[16];
  guint    category_closed[16];
  guint    category_satisfaction[16][3];
  guint    statuses[8];
  guint    sources[16];
  guint    modes[8];        /* the last counts cases without a mode */
  guint    satisfaction[3]; /* of closed cases */

  /* Per month (or per year for periods over a year) */
  guint    n_buckets;
  gboolean by_year;
  int      first_year;
  int      first_month;
  guint    bucket_people[MAX_MONTHS];
  guint    bucket_receptions[MAX_MONTHS];
  guint    bucket_cases[MAX_MONTHS];
};

G_DEFINE_FINAL_TYPE (LlWorkReport, ll_work_report, G_TYPE_OBJECT)

static void
ll_work_report_finalize (GObject *object)
{
  LlWorkReport *self = (LlWorkReport *) object;

  g_free (self->station_name);
  g_free (self->from);
  g_free (self->to);
  g_free (self->today);

  G_OBJECT_CLASS (ll_work_report_parent_class)->finalize (object);
}

static void
ll_work_report_class_init (LlWorkReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_work_report_finalize;
}

static void
ll_work_report_init (LlWorkReport *self)
{
}

static int
year_of (const char *iso)
{
  return (int) g_ascii_strtoll (iso, NULL, 10);
}

static int
month_of (const char *iso)
{
  return (int) g_ascii_strtoll (iso + 5, NULL, 10);
}

static guint
bucket_of (LlWorkReport *self,
           const char   *iso)
{
  int index;

  if (iso == NULL || strlen (iso) < 7)
    return 0;
  if (self->by_year)
    index = year_of (iso) - self->first_year;
  else
    index = (year_of (iso) - self->first_year) * 12 + month_of (iso) - self->first_month;

  return (guint) CLAMP (index, 0, (int) self->n_buckets - 1);
}

static void
set_buckets (LlWorkReport *self)
{
  int months = (year_of (self->to) - year_of (self->from)) * 12 + month_of (self->to) -
               month_of (self->from) + 1;

  self->first_year = year_of (self->from);
  self->first_month = month_of (self->from);
  self->by_year = months > MAX_MONTHS;
  if (self->by_year)
    self->n_buckets = (guint) MIN (year_of (self->to) - self->first_year + 1, MAX_MONTHS);
  else
    self->n_buckets = (guint) MAX (months, 1);
}

static gboolean
gather_activities (LlWorkReport  *self,
                   LlDatabase    *db,
                   gint64         station_id,
                   GCancellable  *cancellable,
                   GError       **error)
{
  LlActivityFilter filter = LL_ACTIVITY_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;

  filter.station_id = station_id;
  filter.held_from = self->from;
  filter.held_to = self->to;
  ids = ll_activity_store_query_ids (db, &filter, error);
  if (ids == NULL)
    return FALSE;

  for (guint start = 0; start < ids->len; start += BLOCK_SIZE)
    {
      g_autoptr(GPtrArray) activities = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      activities = ll_activity_store_load_many (db, &g_array_index (ids, gint64, start),
                                                MIN (BLOCK_SIZE, ids->len - start), error);
      if (activities == NULL)
        return FALSE;

      for (guint i = 0; i < activities->len; i++)
        {
          LlActivity *activity = g_ptr_array_index (activities, i);
          int type = ll_enum_find (LL_ENUM_ACTIVITY_TYPE, ll_activity_get_activity_type (activity));

          if (type >= 0 && type < (int) G_N_ELEMENTS (self->activity_types))
            self->activity_types[type]++;

          if (g_strcmp0 (ll_activity_get_activity_type (activity), "reception") == 0)
            {
              g_autoptr(GPtrArray) participants = NULL;
              guint bucket = bucket_of (self, ll_activity_get_held_on (activity));

              participants = ll_activity_store_list_participants (db,
                                                                  ll_activity_get_id (activity),
                                                                  error);
              if (participants == NULL)
                return FALSE;
              for (guint p = 0; p < participants->len; p++)
                if (g_strcmp0 (((LlParticipant *) g_ptr_array_index (participants, p))->attendance,
                               "present") == 0)
                  self->deputy_visits++;

              self->receptions++;
              self->people_received += ll_activity_get_people_received (activity);
              self->opinions_collected += ll_activity_get_opinions_collected (activity);
              self->bucket_receptions[bucket]++;
              self->bucket_people[bucket] += ll_activity_get_people_received (activity);
            }
        }
    }

  return TRUE;
}

static void
count_key (guint      *counts,
           guint       n_counts,
           LlEnum      enumeration,
           const char *key)
{
  int position = key != NULL ? ll_enum_find (enumeration, key) : -1;

  if (position >= 0 && (guint) position < n_counts)
    counts[position]++;
}

static gboolean
gather_cases (LlWorkReport  *self,
              LlDatabase    *db,
              gint64         station_id,
              GCancellable  *cancellable,
              GError       **error)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  guint n_modes = ll_enum_get_n_values (LL_ENUM_HANDLING_MODE);

  filter.station_id = station_id;
  filter.received_from = self->from;
  filter.received_to = self->to;
  ids = ll_case_store_query_ids (db, &filter, LL_CASE_SORT_RECEIVED_ON, FALSE, error);
  if (ids == NULL)
    return FALSE;

  for (guint start = 0; start < ids->len; start += BLOCK_SIZE)
    {
      g_autoptr(GPtrArray) cases = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      cases = ll_case_store_load_many (db, &g_array_index (ids, gint64, start),
                                       MIN (BLOCK_SIZE, ids->len - start), error);
      if (cases == NULL)
        return FALSE;

      for (guint i = 0; i < cases->len; i++)
        {
          LlCase *kase = g_ptr_array_index (cases, i);
          const char *status = ll_case_get_status (kase);
          int category = ll_enum_find (LL_ENUM_CASE_CATEGORY, ll_case_get_category (kase));
          int mode = ll_case_get_handling_mode (kase) != NULL
                     ? ll_enum_find (LL_ENUM_HANDLING_MODE, ll_case_get_handling_mode (kase))
                     : -1;

          self->n_cases++;
          self->bucket_cases[bucket_of (self, ll_case_get_received_on (kase))]++;
          count_key (self->statuses, G_N_ELEMENTS (self->statuses), LL_ENUM_CASE_STATUS, status);
          count_key (self->sources, G_N_ELEMENTS (self->sources), LL_ENUM_CASE_SOURCE,
                     ll_case_get_source (kase));
          self->modes[mode >= 0 && (guint) mode < n_modes ? (guint) mode : n_modes]++;

          if (category < 0 || category >= (int) G_N_ELEMENTS (self->categories))
            category = ll_enum_find (LL_ENUM_CASE_CATEGORY, "other");
          self->categories[category]++;

          if (g_strcmp0 (status, "closed") == 0)
            {
              self->category_closed[category]++;
              count_key (self->satisfaction, 3, LL_ENUM_SATISFACTION,
                         ll_case_get_satisfaction (kase));
              count_key (self->category_satisfaction[category], 3, LL_ENUM_SATISFACTION,
                         ll_case_get_satisfaction (kase));
            }
        }
    }

  return TRUE;
}

/**
 * ll_work_report_new:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @station_id: the station
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day
 * @cancellable: (nullable): a #GCancellable
 *
 * Gathers the station's figures for the period (the station and the
 * stations below it).
 *
 * Returns: (transfer full) (nullable): the report, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND for an unknown station or a period
 *   without any activity or case, %LL_DATABASE_ERROR_INVALID for a bad
 *   date
 */
LlWorkReport *
ll_work_report_new (LlDatabase    *db,
                    gint64         station_id,
                    const char    *from,
                    const char    *to,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(LlWorkReport) self = NULL;
  guint n_activities = 0;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_report_check_period (from, to, error))
    return NULL;

  self = g_object_new (LL_TYPE_WORK_REPORT, NULL);
  self->from = g_strdup (from);
  self->to = g_strdup (to);
  self->today = ll_date_today ();
  set_buckets (self);

  self->station_name = ll_report_lookup_station (db, station_id, error);
  if (self->station_name == NULL)
    return NULL;

  if (!gather_activities (self, db, station_id, cancellable, error) ||
      !gather_cases (self, db, station_id, cancellable, error))
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (self->activity_types); i++)
    n_activities += self->activity_types[i];

  if (n_activities == 0 && self->n_cases == 0)
    {
      /* Translators: a station's name, then two dates written 2025-03-05 */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("“%s” recorded no activities and no cases from %s to %s."),
                   self->station_name, from, to);
      return NULL;
    }

  return g_steal_pointer (&self);
}

const char *
ll_work_report_get_station_name (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), NULL);
  return self->station_name;
}

const char *
ll_work_report_get_from (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), NULL);
  return self->from;
}

const char *
ll_work_report_get_to (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), NULL);
  return self->to;
}

/**
 * ll_work_report_dup_title:
 *
 * Returns: (transfer full): e.g. `幸福社区人大代表联络站关于2025年第一季度工作情况的报告`
 */
char *
ll_work_report_dup_title (LlWorkReport *self)
{
  g_autofree char *period = NULL;

  g_return_val_if_fail (LL_IS_WORK_REPORT (self), NULL);

  period = ll_report_format_period (self->from, self->to);
  return g_strdup_printf ("%s关于%s工作情况的报告", self->station_name, period);
}

/**
 * ll_work_report_get_n_receptions:
 *
 * Returns: reception activities (接待选民) held in the period
 */
guint
ll_work_report_get_n_receptions (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), 0);
  return self->receptions;
}

/**
 * ll_work_report_get_n_people_received:
 *
 * Returns: the people received (人次) at those receptions
 */
guint
ll_work_report_get_n_people_received (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), 0);
  return self->people_received;
}

/**
 * ll_work_report_get_n_deputy_visits:
 *
 * Returns: deputies present at those receptions (人次)
 */
guint
ll_work_report_get_n_deputy_visits (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), 0);
  return self->deputy_visits;
}

/**
 * ll_work_report_get_n_other_activities:
 *
 * Returns: activities of the station other than receptions
 */
guint
ll_work_report_get_n_other_activities (LlWorkReport *self)
{
  guint n = 0;

  g_return_val_if_fail (LL_IS_WORK_REPORT (self), 0);

  for (guint i = 0; i < G_N_ELEMENTS (self->activity_types); i++)
    n += self->activity_types[i];
  return n - self->receptions;
}

guint
ll_work_report_get_n_cases (LlWorkReport *self)
{
  g_return_val_if_fail (LL_IS_WORK_REPORT (self), 0);
  return self->n_cases;
}

/**
 * ll_work_report_count_cases:
 * @enumeration: %LL_ENUM_CASE_CATEGORY, %LL_ENUM_CASE_STATUS,
 *   %LL_ENUM_CASE_SOURCE, %LL_ENUM_HANDLING_MODE (a %NULL key: cases
 *   without one) or %LL_ENUM_SATISFACTION (of the closed cases)
 * @key: (nullable): a key of @enumeration
 *
 * Returns: how many of the period's cases have @key
 */
guint
ll_work_report_count_cases (LlWorkReport *self,
                            LlEnum        enumeration,
                            const char   *key)
{
  int position;

  g_return_val_if_fail (LL_IS_WORK_REPORT (self), 0);

  if (enumeration == LL_ENUM_HANDLING_MODE && key == NULL)
    return self->modes[ll_enum_get_n_values (LL_ENUM_HANDLING_MODE)];

  position = key != NULL ? ll_enum_find (enumeration, key) : -1;
  if (position < 0)
    return 0;

  switch (enumeration)
    {
    case LL_ENUM_CASE_CATEGORY:
      return position < (int) G_N_ELEMENTS (self->categories) ? self->categories[position] : 0;
    case LL_ENUM_CASE_STATUS:
      return position < (int) G_N_ELEMENTS (self->statuses) ? self->statuses[position] : 0;
    case LL_ENUM_CASE_SOURCE:
      return position < (int) G_N_ELEMENTS (self->sources) ? self->sources[position] : 0;
    case LL_ENUM_HANDLING_MODE:
      return position < (int) G_N_ELEMENTS (self->modes) ? self->modes[position] : 0;
    case LL_ENUM_SATISFACTION:
      return position < 3 ? self->satisfaction[position] : 0;
    default:
      g_return_val_if_reached (0);
    }
}

static guint
status_count (LlWorkReport *self,
              const char   *status)
{
  return ll_work_report_count_cases (self, LL_ENUM_CASE_STATUS, status);
}

/* `城建类12件、交通类8件、…` (or the names only), the largest first, at most @max. */
static void
append_categories (LlWorkReport *self,
                   GString      *s,
                   guint         max,
                   gboolean      counts)
{
  guint n_categories = ll_enum_get_n_values (LL_ENUM_CASE_CATEGORY);
  gboolean used[16] = { FALSE, };

  for (guint k = 0; k < max; k++)
    {
      int best = -1;

      for (guint c = 0; c < n_categories && c < G_N_ELEMENTS (self->categories); c++)
        if (!used[c] && self->categories[c] > 0 &&
            (best < 0 || self->categories[c] > self->categories[best]))
          best = (int) c;
      if (best < 0)
        break;

      used[best] = TRUE;
      g_string_append_printf (s, "%s%s", k > 0 ? "、" : "",
                              ll_report_label (LL_ENUM_CASE_CATEGORY,
                                               ll_enum_get_key (LL_ENUM_CASE_CATEGORY, best)));
      if (counts)
        g_string_append_printf (s, "类%u件", self->categories[best]);
    }
}

/* `走访选民12次、调研3次` for the activities other than receptions. */
static void
append_other_activities (LlWorkReport *self,
                         GString      *s)
{
  guint n_types = ll_enum_get_n_values (LL_ENUM_ACTIVITY_TYPE);
  guint listed = 0;

  for (guint t = 0; t < n_types && t < G_N_ELEMENTS (self->activity_types); t++)
    {
      const char *key = ll_enum_get_key (LL_ENUM_ACTIVITY_TYPE, t);

      if (strcmp (key, "reception") == 0 || self->activity_types[t] == 0)
        continue;
      g_string_append_printf (s, "%s%s%u次", listed++ > 0 ? "、" : "",
                              ll_report_label (LL_ENUM_ACTIVITY_TYPE, key),
                              self->activity_types[t]);
    }
}

/**
 * ll_work_report_get_default_paragraphs:
 * @options: (nullable): the report options (the office's name)
 *
 * The report's text as Lianluo writes it from the figures, one string per
 * #LlWorkReportParagraph slot; a slot may hold several paragraphs
 * separated by newlines. Show them to the user, let them edit, and give
 * the result to ll_work_report_build().
 *
 * Returns: (transfer full) (array zero-terminated=1): the
 *   %LL_WORK_REPORT_N_PARAGRAPHS slots
 */
char **
ll_work_report_get_default_paragraphs (LlWorkReport          *self,
                                       const LlReportOptions *options)
{
  g_autofree char *period = NULL;
  g_autofree char *today = NULL;
  g_autofree char *closed_rate = NULL;
  g_autofree char *satisfied_rate = NULL;
  char **paragraphs;
  GString *s;
  guint closed, rated, satisfied;
  const char *office;

  g_return_val_if_fail (LL_IS_WORK_REPORT (self), NULL);

  period = ll_report_format_period (self->from, self->to);
  /* The states of the cases are today's: say so. */
  today = ll_report_format_date (options != NULL && options->date != NULL ? options->date
                                                                          : self->today);
  office = options != NULL && options->office_name != NULL && *options->office_name != '\0'
           ? options->office_name : "区人大常委会";
  paragraphs = g_new0 (char *, LL_WORK_REPORT_N_PARAGRAPHS + 1);

  paragraphs[LL_WORK_REPORT_INTRO] =
    g_strdup_printf ("%s，%s在%s的指导下，坚持固定接待日制度，组织各级人大代表进站履职，"
                     "认真听取和反映群众意见建议，推动解决了一批群众关心的实际问题。"
                     "现将有关情况报告如下。",
                     period, self->station_name, office);

  s = g_string_new (NULL);
  if (self->receptions > 0)
    g_string_append_printf (s, "%s，本站共开展代表接待选民活动%u场次，参加接待的代表%u人次，"
                            "接待群众%u人次，收集意见建议%u件。",
                            period, self->receptions, self->deputy_visits, self->people_received,
                            self->n_cases);
  else
    g_string_append_printf (s, "%s，本站未开展代表进站接待选民活动，收集意见建议%u件。", period,
                            self->n_cases);
  if (ll_work_report_get_n_other_activities (self) > 0)
    {
      g_string_append (s, "此外，组织代表开展");
      append_other_activities (self, s);
      g_string_append_printf (s, "，共计%u次履职活动。", ll_work_report_get_n_other_activities (self));
    }
  paragraphs[LL_WORK_REPORT_RECEPTIONS] = g_string_free (s, FALSE);

  s = g_string_new (NULL);
  if (self->n_cases > 0)
    {
      g_string_append_printf (s, "本期共收集群众意见建议%u件。按类别分，", self->n_cases);
      append_categories (self, s, 12, TRUE);
      g_string_append (s, "。其中，");
      append_categories (self, s, 1, FALSE);
      g_string_append (s, "方面的问题反映最为集中。各类意见建议的办理情况见表1。");
    }
  else
    g_string_append (s, "本期未收集到群众意见建议。");
  paragraphs[LL_WORK_REPORT_CATEGORIES] = g_string_free (s, FALSE);

  closed = status_count (self, "closed");
  satisfied = self->satisfaction[0] + self->satisfaction[1];
  rated = satisfied + self->satisfaction[2];
  closed_rate = ll_report_percent (closed, self->n_cases);
  satisfied_rate = ll_report_percent (satisfied, rated);
  s = g_string_new (NULL);
  if (self->n_cases > 0)
    {
      const char * const *modes = ll_enum_get_keys (LL_ENUM_HANDLING_MODE);

      g_string_append (s, "从办理方式看，");
      for (guint m = 0; modes[m] != NULL; m++)
        g_string_append_printf (s, "%s%u件，", ll_report_label (LL_ENUM_HANDLING_MODE, modes[m]),
                                self->modes[m]);
      g_string_append_printf (s, "尚未交办%u件。截至%s，已办结%u件，办结率为%s；"
                              "已答复待回访%u件，正在办理%u件。",
                              status_count (self, "registered"), today, closed, closed_rate,
                              status_count (self, "replied"),
                              status_count (self, "assigned") + status_count (self, "in_progress"));
      if (rated > 0)
        g_string_append_printf (s, "经回访，群众对办理结果表示满意的%u件、基本满意的%u件、"
                                "不满意的%u件，满意率（含基本满意）为%s。",
                                self->satisfaction[0], self->satisfaction[1], self->satisfaction[2],
                                satisfied_rate);
      if (self->satisfaction[2] > 0)
        g_string_append_printf (s, "对群众不满意的%u件，本站已逐件分析原因，重新交办并跟踪督办。",
                                self->satisfaction[2]);
    }
  paragraphs[LL_WORK_REPORT_OUTCOMES] = g_string_free (s, FALSE);

  paragraphs[LL_WORK_REPORT_NEXT_STEPS] =
    g_strdup ("下一步，本站将继续坚持固定接待日制度，丰富线上线下联系群众渠道，"
              "完善意见建议分类交办、跟踪督办和回访反馈机制，对尚未办结的事项逐件明确责任单位和"
              "办理时限，推动群众反映的问题及时有效解决。同时，加强代表履职培训和履职档案管理，"
              "进一步发挥代表联系群众的桥梁纽带作用。\n特此报告。");

  return paragraphs;
}

static void
add_paragraphs (LlDocument *doc,
                const char *text)
{
  g_auto(GStrv) lines = NULL;

  if (text == NULL)
    return;

  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_strstrip (lines[i]);
      if (*lines[i] != '\0')
        ll_document_add_paragraph (doc, lines[i]);
    }
}

static char *
bucket_label (LlWorkReport *self,
              guint         bucket)
{
  int month;

  if (self->by_year)
    return g_strdup_printf ("%d年", self->first_year + (int) bucket);

  month = (self->first_month - 1 + (int) bucket) % 12 + 1;
  if (self->n_buckets > 1 && (bucket == 0 || month == 1) &&
      year_of (self->from) != year_of (self->to))
    return g_strdup_printf ("%d年%d月",
                            self->first_year + (self->first_month - 1 + (int) bucket) / 12, month);
  return g_strdup_printf ("%d月", month);
}

static LlChart *
months_chart (LlWorkReport *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  double people[MAX_MONTHS];
  double cases[MAX_MONTHS];
  LlChart *chart = ll_chart_new (LL_CHART_BAR, self->by_year ? "各年接待群众和收集意见建议情况"
                                                             : "各月接待群众和收集意见建议情况");

  for (guint b = 0; b < self->n_buckets; b++)
    {
      g_ptr_array_add (labels, bucket_label (self, b));
      people[b] = self->bucket_people[b];
      cases[b] = self->bucket_cases[b];
    }

  ll_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  ll_chart_add_series (chart, "接待群众（人次）", people, self->n_buckets);
  ll_chart_add_series (chart, "意见建议（件）", cases, self->n_buckets);
  return chart;
}

static LlChart *
categories_chart (LlWorkReport *self)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  double values[8];
  guint n_categories = ll_enum_get_n_values (LL_ENUM_CASE_CATEGORY);
  gboolean used[16] = { FALSE, };
  double rest = self->n_cases;
  LlChart *chart = ll_chart_new (LL_CHART_PIE, "意见建议分类情况");

  /* The six largest categories, and the others together. */
  for (guint k = 0; k < 6; k++)
    {
      int best = -1;

      for (guint c = 0; c < n_categories && c < G_N_ELEMENTS (self->categories); c++)
        if (!used[c] && self->categories[c] > 0 &&
            (best < 0 || self->categories[c] > self->categories[best]))
          best = (int) c;
      if (best < 0)
        break;

      used[best] = TRUE;
      g_ptr_array_add (labels, (gpointer) ll_report_label (LL_ENUM_CASE_CATEGORY,
                                                           ll_enum_get_key (LL_ENUM_CASE_CATEGORY,
                                                                            best)));
      values[labels->len - 1] = self->categories[best];
      rest -= self->categories[best];
    }
  if (rest > 0)
    {
      g_ptr_array_add (labels, (gpointer) "其余各类");
      values[labels->len - 1] = rest;
    }

  ll_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
  ll_chart_add_series (chart, "意见建议", values, labels->len);
  ll_chart_set_unit (chart, "件");
  return chart;
}

static LlTable *
categories_table (LlWorkReport *self)
{
  LlTable *table = ll_table_new (7);
  guint n_categories = ll_enum_get_n_values (LL_ENUM_CASE_CATEGORY);
  guint totals[6] = { 0, };
  guint row;

  ll_table_set_caption (table, "表1　意见建议分类办理情况", "单位：件");
  ll_table_set_header_rows (table, 1);
  ll_table_add_row (table, "类别", "收集", "已办结", "未办结", "满意", "基本满意", "不满意", NULL);
  ll_table_set_column_width (table, 0, 0.22);
  for (guint c = 1; c < 7; c++)
    {
      ll_table_set_column_width (table, c, 0.13);
      ll_table_set_column_align (table, c, LL_ALIGN_CENTER);
    }
  ll_table_set_column_align (table, 0, LL_ALIGN_CENTER);

  for (guint c = 0; c < n_categories && c < G_N_ELEMENTS (self->categories); c++)
    {
      guint values[6];
      char *texts[6] = { NULL, };

      if (self->categories[c] == 0)
        continue;

      values[0] = self->categories[c];
      values[1] = self->category_closed[c];
      values[2] = self->categories[c] - self->category_closed[c];
      values[3] = self->category_satisfaction[c][0];
      values[4] = self->category_satisfaction[c][1];
      values[5] = self->category_satisfaction[c][2];
      for (guint i = 0; i < 6; i++)
        {
          totals[i] += values[i];
          texts[i] = g_strdup_printf ("%u", values[i]);
        }
      ll_table_add_row (table, ll_report_label (LL_ENUM_CASE_CATEGORY,
                                                ll_enum_get_key (LL_ENUM_CASE_CATEGORY, c)),
                        texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], NULL);
      for (guint i = 0; i < 6; i++)
        g_free (texts[i]);
    }

  {
    char *texts[6] = { NULL, };

    for (guint i = 0; i < 6; i++)
      texts[i] = g_strdup_printf ("%u", totals[i]);
    row = ll_table_add_row (table, "合计", texts[0], texts[1], texts[2], texts[3], texts[4],
                            texts[5], NULL);
    ll_table_set_row_bold (table, row, TRUE);
    for (guint i = 0; i < 6; i++)
      g_free (texts[i]);
  }

  return table;
}

/**
 * ll_work_report_build:
 * @options: (nullable): the report options
 * @paragraphs: (nullable) (array zero-terminated=1): the text, one string
 *   per #LlWorkReportParagraph slot as from
 *   ll_work_report_get_default_paragraphs() and then edited; %NULL for
 *   the defaults
 *
 * Returns: (transfer full): the GB/T 9704 document, not yet paginated
 */
LlDocument *
ll_work_report_build (LlWorkReport          *self,
                      const LlReportOptions *options,
                      const char * const    *paragraphs)
{
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  g_autoptr(LlReportOptions) own_options = NULL;
  g_auto(GStrv) defaults = NULL;
  g_autoptr(GDate) date = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  const char *text[LL_WORK_REPORT_N_PARAGRAPHS];
  const char *addressee;

  g_return_val_if_fail (LL_IS_WORK_REPORT (self), NULL);

  if (options == NULL)
    options = own_options = ll_report_options_new ();

  defaults = ll_work_report_get_default_paragraphs (self, options);
  for (guint i = 0; i < LL_WORK_REPORT_N_PARAGRAPHS; i++)
    text[i] = defaults[i];
  for (guint i = 0; paragraphs != NULL && i < LL_WORK_REPORT_N_PARAGRAPHS && paragraphs[i]; i++)
    text[i] = paragraphs[i];

  date = ll_report_options_dup_date (options);
  title = ll_work_report_dup_title (self);
  ll_document_set_metadata (doc, title, self->station_name);

  if (options->organ_mark != NULL && *options->organ_mark != '\0')
    {
      number = ll_report_options_dup_number (options, g_date_get_year (date));
      ll_document_set_header (doc, options->organ_mark, number);
    }

  ll_document_add_title (doc, title);
  addressee = options->addressee != NULL && *options->addressee != '\0' ? options->addressee
              : options->office_name != NULL && *options->office_name != '\0'
              ? options->office_name : "区人大常委会";
  ll_document_add_addressee (doc, addressee);
  add_paragraphs (doc, text[LL_WORK_REPORT_INTRO]);

  ll_document_add_heading (doc, 1, "代表进站接待情况");
  add_paragraphs (doc, text[LL_WORK_REPORT_RECEPTIONS]);
  if (self->receptions > 0 || self->n_cases > 0)
    {
      g_autoptr(LlChart) chart = months_chart (self);

      ll_document_add_chart (doc, chart);
    }

  ll_document_add_heading (doc, 1, "意见建议办理情况");
  add_paragraphs (doc, text[LL_WORK_REPORT_CATEGORIES]);
  if (self->n_cases > 0)
    {
      g_autoptr(LlTable) table = categories_table (self);

      ll_document_add_table (doc, table);
    }
  add_paragraphs (doc, text[LL_WORK_REPORT_OUTCOMES]);
  if (self->n_cases > 0)
    {
      g_autoptr(LlChart) chart = categories_chart (self);

      ll_document_add_chart (doc, chart);
    }

  ll_document_add_heading (doc, 1, "下一步工作");
  add_paragraphs (doc, text[LL_WORK_REPORT_NEXT_STEPS]);

  ll_document_add_signature (doc, self->station_name, date);
  ll_document_set_colophon (doc, options->copy_to, self->station_name, date);

  return g_steal_pointer (&doc);
}

/**
 * ll_work_report_write:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @options: (nullable): the report options
 * @station_id: the station
 * @from: the first day, `YYYY-MM-DD`
 * @to: the last day
 * @paragraphs: (nullable) (array zero-terminated=1): edited text, see
 *   ll_work_report_build()
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @cancellable: (nullable): a #GCancellable
 *
 * Gathers, builds and writes the report. On error no file is written.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
ll_work_report_write (LlDatabase             *db,
                      const LlReportOptions  *options,
                      gint64                  station_id,
                      const char             *from,
                      const char             *to,
                      const char * const     *paragraphs,
                      const char             *path,
                      LlProgressFunc          progress,
                      gpointer                user_data,
                      GCancellable           *cancellable,
                      GError                **error)
{
  g_autoptr(LlWorkReport) report = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(LlLayoutContext) context = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  report = ll_work_report_new (db, station_id, from, to, cancellable, error);
  if (report == NULL)
    return FALSE;

  doc = ll_work_report_build (report, options, paragraphs);
  context = ll_report_options_new_context (options);
  return ll_document_write_pdf (doc, context, path, progress, user_data, cancellable, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-document.h"
#include "ll-enums.h"
#include "ll-report-options.h"

G_BEGIN_DECLS

/**
 * LlWorkReportParagraph:
 * @LL_WORK_REPORT_INTRO: the opening paragraph
 * @LL_WORK_REPORT_RECEPTIONS: under 一、代表进站接待情况
 * @LL_WORK_REPORT_CATEGORIES: under 二、意见建议办理情况, before the table
 * @LL_WORK_REPORT_OUTCOMES: after the table: handling and satisfaction
 * @LL_WORK_REPORT_NEXT_STEPS: under 三、下一步工作, with the closing line
 *
 * The slots of the report's editable text. Each slot holds one or more
 * paragraphs separated by newlines; an empty slot prints nothing.
 */
typedef enum
{
  LL_WORK_REPORT_INTRO,
  LL_WORK_REPORT_RECEPTIONS,
  LL_WORK_REPORT_CATEGORIES,
  LL_WORK_REPORT_OUTCOMES,
  LL_WORK_REPORT_NEXT_STEPS,
  LL_WORK_REPORT_N_PARAGRAPHS
} LlWorkReportParagraph;

#define LL_TYPE_WORK_REPORT (ll_work_report_get_type ())

G_DECLARE_FINAL_TYPE (LlWorkReport, ll_work_report, LL, WORK_REPORT, GObject)

LlWorkReport *ll_work_report_new                    (LlDatabase             *db,
                                                     gint64                  station_id,
                                                     const char             *from,
                                                     const char             *to,
                                                     GCancellable           *cancellable,
                                                     GError                **error);
const char   *ll_work_report_get_station_name       (LlWorkReport           *self);
const char   *ll_work_report_get_from               (LlWorkReport           *self);
const char   *ll_work_report_get_to                 (LlWorkReport           *self);
char         *ll_work_report_dup_title              (LlWorkReport           *self);
guint         ll_work_report_get_n_receptions       (LlWorkReport           *self);
guint         ll_work_report_get_n_people_received  (LlWorkReport           *self);
guint         ll_work_report_get_n_deputy_visits    (LlWorkReport           *self);
guint         ll_work_report_get_n_other_activities (LlWorkReport           *self);
guint         ll_work_report_get_n_cases            (LlWorkReport           *self);
guint         ll_work_report_count_cases            (LlWorkReport           *self,
                                                     LlEnum                  enumeration,
                                                     const char             *key);
char        **ll_work_report_get_default_paragraphs (LlWorkReport           *self,
                                                     const LlReportOptions  *options);
LlDocument   *ll_work_report_build                  (LlWorkReport           *self,
                                                     const LlReportOptions  *options,
                                                     const char * const     *paragraphs);

gboolean      ll_work_report_write                  (LlDatabase             *db,
                                                     const LlReportOptions  *options,
                                                     gint64                  station_id,
                                                     const char             *from,
                                                     const char             *to,
                                                     const char * const     *paragraphs,
                                                     const char             *path,
                                                     LlProgressFunc          progress,
                                                     gpointer                user_data,
                                                     GCancellable           *cancellable,
                                                     GError                **error);

G_END_DECLS

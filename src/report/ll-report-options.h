/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-fonts.h"
#include "ll-layout.h"

G_BEGIN_DECLS

/**
 * LlReportOptions:
 * @office_name: (nullable): the office that issues the documents, e.g.
 *   `东湖街道人大工委`: addressee of station reports, signature and
 *   issuer of bulletins, printed on sheets and slips
 * @organ_mark: (nullable): the issuing-organ mark of the red header of
 *   GB/T 9704 documents, e.g. `东湖街道人大工委文件`; %NULL or empty for
 *   no header
 * @number_prefix: (nullable): the organ's abbreviation in document
 *   numbers, e.g. `东人工`
 * @number: the document's number in its year (`东人工〔2025〕5号`); 0 for
 *   none
 * @addressee: (nullable): the addressee (主送) of GB/T documents; %NULL
 *   for each document's usual one
 * @copy_to: (nullable): the 抄送 line of the colophon
 * @date: (nullable): the document's date, `YYYY-MM-DD`; %NULL for today
 * @show_personal_data: print constituents' phone numbers and addresses
 *   and deputies' phone numbers in full (masked by default)
 * @fonts: (nullable): the fonts per role; %NULL for the default chains
 *
 * What the printed documents take from the user's settings. The CLI and
 * the window fill one from their settings; every field may stay empty.
 */
typedef struct
{
  char      *office_name;
  char      *organ_mark;
  char      *number_prefix;
  guint      number;
  char      *addressee;
  char      *copy_to;
  char      *date;
  gboolean   show_personal_data;
  LlFontSet *fonts;
} LlReportOptions;

#define LL_TYPE_REPORT_OPTIONS (ll_report_options_get_type ())

GType            ll_report_options_get_type        (void) G_GNUC_CONST;
LlReportOptions *ll_report_options_new             (void);
LlReportOptions *ll_report_options_copy            (const LlReportOptions  *self);
void             ll_report_options_free            (LlReportOptions        *self);
GDate           *ll_report_options_dup_date        (const LlReportOptions  *self);
char            *ll_report_options_dup_number      (const LlReportOptions  *self,
                                                    guint                   year);
LlLayoutContext *ll_report_options_new_context     (const LlReportOptions  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlReportOptions, ll_report_options_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-page.h"
#include "ll-pdf-view.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlReportKind:
 * @LL_REPORT_ANNUAL_SHEETS: annual deputy performance sheets
 * @LL_REPORT_WORK_REPORT: a station's work report
 * @LL_REPORT_CASE_SLIPS: hand-over slips of cases
 * @LL_REPORT_LEDGER: a station's ledger
 * @LL_REPORT_BULLETIN: the quarterly performance bulletin
 *
 * The documents of the Reports page, in the order of its list.
 */
typedef enum
{
  LL_REPORT_ANNUAL_SHEETS,
  LL_REPORT_WORK_REPORT,
  LL_REPORT_CASE_SLIPS,
  LL_REPORT_LEDGER,
  LL_REPORT_BULLETIN,
  LL_REPORT_N_KINDS
} LlReportKind;

#define LL_TYPE_REPORTS_PAGE (ll_reports_page_get_type ())

G_DECLARE_FINAL_TYPE (LlReportsPage, ll_reports_page, LL, REPORTS_PAGE, GtkWidget)

LlReportsPage *ll_reports_page_find             (GtkWidget     *widget);
void           ll_reports_page_print_case_slips (LlReportsPage *self,
                                                 const gint64  *case_ids,
                                                 guint          n_case_ids);

void       ll_reports_page_set_kind        (LlReportsPage *self,
                                            LlReportKind   kind);
void       ll_reports_page_set_year        (LlReportsPage *self,
                                            int            year);
void       ll_reports_page_set_quarter     (LlReportsPage *self,
                                            guint          quarter);
void       ll_reports_page_set_station     (LlReportsPage *self,
                                            gint64         station_id);
void       ll_reports_page_set_period      (LlReportsPage *self,
                                            const char    *from,
                                            const char    *to);
void       ll_reports_page_set_cases       (LlReportsPage *self,
                                            const char    *serials);
void       ll_reports_page_edit_text       (LlReportsPage *self);
void       ll_reports_page_generate        (LlReportsPage *self);
void       ll_reports_page_cancel          (LlReportsPage *self);
gboolean   ll_reports_page_get_busy        (LlReportsPage *self);
const char *ll_reports_page_get_error_text (LlReportsPage *self);
gboolean   ll_reports_page_get_previewing  (LlReportsPage *self);
LlPdfView *ll_reports_page_get_pdf_view    (LlReportsPage *self);
GtkListBox *ll_reports_page_get_filed_list (LlReportsPage *self);
guint      ll_reports_page_get_n_filed     (LlReportsPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_WORK_REPORT_TEXT_DIALOG (ll_work_report_text_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlWorkReportTextDialog, ll_work_report_text_dialog,
                      LL, WORK_REPORT_TEXT_DIALOG, AdwWindow)

LlWorkReportTextDialog *ll_work_report_text_dialog_new            (GtkWindow                *parent,
                                                                   const char * const       *defaults,
                                                                   const char * const       *current);
char                  **ll_work_report_text_dialog_dup_paragraphs (LlWorkReportTextDialog   *self);
void                    ll_work_report_text_dialog_set_paragraph  (LlWorkReportTextDialog   *self,
                                                                   guint                     slot,
                                                                   const char               *text);

G_END_DECLS

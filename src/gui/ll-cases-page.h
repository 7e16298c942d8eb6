/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-case-store.h"
#include "ll-case.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_CASES_PAGE (ll_cases_page_get_type ())

G_DECLARE_FINAL_TYPE (LlCasesPage, ll_cases_page, LL, CASES_PAGE, GtkWidget)

GtkWidget    *ll_cases_page_new              (void);
void          ll_cases_page_show_case        (LlCasesPage  *self,
                                              gint64        case_id);
gint64        ll_cases_page_get_selected_id  (LlCasesPage  *self);
LlQueryModel *ll_cases_page_get_model        (LlCasesPage  *self);
void          ll_cases_page_get_filter       (LlCasesPage  *self,
                                              LlCaseFilter *filter);
void          ll_cases_page_set_filter       (LlCasesPage        *self,
                                              const LlCaseFilter *filter);
const char   *ll_cases_page_get_search_text  (LlCasesPage  *self);
void          ll_cases_page_set_search_text  (LlCasesPage  *self,
                                              const char   *text);
void          ll_cases_page_clear_filters    (LlCasesPage  *self);
gboolean      ll_cases_page_get_loading      (LlCasesPage  *self);
void          ll_cases_page_get_sort         (LlCasesPage  *self,
                                              LlCaseSort   *sort,
                                              gboolean     *descending);
GtkWidget    *ll_cases_page_get_detail       (LlCasesPage  *self);

G_END_DECLS

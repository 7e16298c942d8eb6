/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-case-store.h"
#include "ll-query-model.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlCaseBoardGrouping:
 * @LL_CASE_BOARD_BY_STATUS: one column per workflow state, in order
 * @LL_CASE_BOARD_BY_DEPARTMENT: one column for cases without a
 *   department, then one per department (承办单位)
 *
 * What the case board's columns are.
 */
typedef enum
{
  LL_CASE_BOARD_BY_STATUS,
  LL_CASE_BOARD_BY_DEPARTMENT,
} LlCaseBoardGrouping;

#define LL_TYPE_CASE_BOARD (ll_case_board_get_type ())

G_DECLARE_FINAL_TYPE (LlCaseBoard, ll_case_board, LL, CASE_BOARD, GtkWidget)

GtkWidget          *ll_case_board_new               (void);
void                ll_case_board_set_database      (LlCaseBoard         *self,
                                                     LlDatabase          *db);
void                ll_case_board_set_editable      (LlCaseBoard         *self,
                                                     gboolean             editable);
gboolean            ll_case_board_get_editable      (LlCaseBoard         *self);
void                ll_case_board_set_shown         (LlCaseBoard         *self,
                                                     gboolean             shown);
void                ll_case_board_set_query         (LlCaseBoard         *self,
                                                     const LlCaseFilter  *filter,
                                                     const char          *search_text,
                                                     LlCaseSort           sort,
                                                     gboolean             descending);
LlCaseBoardGrouping ll_case_board_get_grouping      (LlCaseBoard         *self);
void                ll_case_board_set_grouping      (LlCaseBoard         *self,
                                                     LlCaseBoardGrouping  grouping);

guint               ll_case_board_get_n_columns     (LlCaseBoard         *self);
guint               ll_case_board_find_column       (LlCaseBoard         *self,
                                                     const char          *status,
                                                     gint64               department_id);
LlQueryModel       *ll_case_board_get_column_model  (LlCaseBoard         *self,
                                                     guint                column);
GtkWidget          *ll_case_board_get_column_widget (LlCaseBoard         *self,
                                                     guint                column);
GtkWidget          *ll_case_board_get_card_widget   (LlCaseBoard         *self,
                                                     gint64               case_id);
void                ll_case_board_scroll_to_column  (LlCaseBoard         *self,
                                                     guint                column);
gboolean            ll_case_board_select_case       (LlCaseBoard         *self,
                                                     gint64               case_id,
                                                     gboolean             add);
void                ll_case_board_move              (LlCaseBoard         *self,
                                                     const gint64        *case_ids,
                                                     guint                n_case_ids,
                                                     guint                column);
gboolean            ll_case_board_get_loading       (LlCaseBoard         *self);

G_END_DECLS

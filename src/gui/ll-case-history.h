/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_CASE_HISTORY (ll_case_history_get_type ())

G_DECLARE_FINAL_TYPE (LlCaseHistory, ll_case_history, LL, CASE_HISTORY, GtkWidget)

GtkWidget *ll_case_history_new          (void);
void       ll_case_history_set_events   (LlCaseHistory *self,
                                         GPtrArray     *events);
guint      ll_case_history_get_n_events (LlCaseHistory *self);
char      *ll_case_history_dup_row_text (LlCaseHistory *self,
                                         guint          position);
char      *ll_case_history_format_time  (const char    *at);

G_END_DECLS

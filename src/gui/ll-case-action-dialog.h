/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-case-workflow.h"
#include "ll-case.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_CASE_ACTION_DIALOG (ll_case_action_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlCaseActionDialog, ll_case_action_dialog, LL, CASE_ACTION_DIALOG, AdwWindow)

LlCaseActionDialog *ll_case_action_dialog_new        (GtkWindow          *parent,
                                                      LlDatabase         *db,
                                                      LlCase             *kase,
                                                      LlCaseAction        action);
LlCaseAction        ll_case_action_dialog_get_action (LlCaseActionDialog *self);
LlCase             *ll_case_action_dialog_get_case   (LlCaseActionDialog *self);
gboolean            ll_case_action_dialog_confirm    (LlCaseActionDialog *self);

G_END_DECLS

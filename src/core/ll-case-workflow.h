/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-case.h"
#include "ll-database.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlCaseAction:
 * @LL_CASE_ACTION_ASSIGN: 交办: registered → assigned (handling mode,
 *   department, deadline)
 * @LL_CASE_ACTION_START: assigned → in progress
 * @LL_CASE_ACTION_REPLY: assigned or in progress → replied (reply text, date)
 * @LL_CASE_ACTION_CLOSE: replied → closed, after the follow-up visit
 *   (回访) records the constituent's satisfaction
 * @LL_CASE_ACTION_REOPEN: 重新交办: closed with a dissatisfied
 *   constituent → assigned again, with a new deadline
 * @LL_CASE_ACTION_MERGE: merge an individual case into a common issue (共性问题)
 * @LL_CASE_ACTION_LOOK_BACK: select a closed case for a look back
 *   (回头看), or take it out again
 * @LL_N_CASE_ACTIONS: the number of actions
 *
 * What can be done to a case. Each action is stored in the case's
 * history under its key (ll_case_action_get_key()).
 */
typedef enum
{
  LL_CASE_ACTION_ASSIGN,
  LL_CASE_ACTION_START,
  LL_CASE_ACTION_REPLY,
  LL_CASE_ACTION_CLOSE,
  LL_CASE_ACTION_REOPEN,
  LL_CASE_ACTION_MERGE,
  LL_CASE_ACTION_LOOK_BACK,
  LL_N_CASE_ACTIONS
} LlCaseAction;

const char *ll_case_action_get_key                 (LlCaseAction   action);
const char *ll_case_action_get_label               (LlCaseAction   action);
gboolean    ll_case_action_from_key                (const char    *key,
                                                    LlCaseAction  *action);

gboolean    ll_case_workflow_can                   (LlCase        *kase,
                                                    LlCaseAction   action,
                                                    char         **reason);
GArray     *ll_case_workflow_next_actions          (LlCase        *kase);
gboolean    ll_case_workflow_can_merge_into        (LlCase        *kase,
                                                    LlCase        *target,
                                                    char         **reason);
gboolean    ll_case_workflow_action_for_status     (LlCase        *kase,
                                                    const char    *status,
                                                    LlCaseAction  *action,
                                                    char         **reason);
gboolean    ll_case_workflow_action_for_department (LlCase     *kase,
                                                    gint64         department_id,
                                                    const char    *department_name,
                                                    LlCaseAction  *action,
                                                    char         **reason);
char       *ll_case_workflow_default_reopen_deadline (LlCase      *kase);

gboolean    ll_case_workflow_assign                (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    const char    *handling_mode,
                                                    gint64         department_id,
                                                    const char    *deadline,
                                                    const char    *assigned_on,
                                                    GError       **error);
gboolean    ll_case_workflow_start                 (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    GError       **error);
gboolean    ll_case_workflow_reply                 (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    const char    *reply_text,
                                                    const char    *replied_on,
                                                    GError       **error);
gboolean    ll_case_workflow_close                 (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    const char    *satisfaction,
                                                    const char    *follow_up_note,
                                                    const char    *closed_on,
                                                    GError       **error);
gboolean    ll_case_workflow_reopen                (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    const char    *deadline,
                                                    GError       **error);
gboolean    ll_case_workflow_merge                 (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    LlCase        *target,
                                                    GError       **error);
gboolean    ll_case_workflow_set_look_back         (LlDatabase    *db,
                                                    LlCase        *kase,
                                                    gboolean       look_back,
                                                    GError       **error);

G_END_DECLS

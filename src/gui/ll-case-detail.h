/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-attachment-list.h"
#include "ll-case-history.h"
#include "ll-case-workflow.h"
#include "ll-case.h"
#include "ll-record-form.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_CASE_DETAIL (ll_case_detail_get_type ())

G_DECLARE_FINAL_TYPE (LlCaseDetail, ll_case_detail, LL, CASE_DETAIL, GtkWidget)

GtkWidget        *ll_case_detail_new                (void);
void              ll_case_detail_set_database       (LlCaseDetail *self,
                                                     LlDatabase   *db);
void              ll_case_detail_set_editable       (LlCaseDetail *self,
                                                     gboolean      editable);
gboolean          ll_case_detail_get_editable       (LlCaseDetail *self);
gboolean          ll_case_detail_show_case          (LlCaseDetail *self,
                                                     gint64        case_id);
gint64            ll_case_detail_get_case_id        (LlCaseDetail *self);
LlCase           *ll_case_detail_get_case           (LlCaseDetail *self);
void              ll_case_detail_reload             (LlCaseDetail *self);
gboolean          ll_case_detail_save               (LlCaseDetail *self);
void              ll_case_detail_revert             (LlCaseDetail *self);
gboolean          ll_case_detail_get_dirty          (LlCaseDetail *self);
LlRecordForm     *ll_case_detail_get_form           (LlCaseDetail *self);
LlCaseHistory    *ll_case_detail_get_history        (LlCaseDetail *self);
LlAttachmentList *ll_case_detail_get_attachments    (LlCaseDetail *self);
GtkWidget        *ll_case_detail_get_action_button  (LlCaseDetail *self,
                                                     LlCaseAction  action);
void              ll_case_detail_run_action         (LlCaseDetail *self,
                                                     LlCaseAction  action);
void              ll_case_detail_set_personal_revealed (LlCaseDetail *self,
                                                        gboolean      revealed);
gboolean          ll_case_detail_get_personal_revealed (LlCaseDetail *self);
void              ll_case_detail_add_deputy         (LlCaseDetail *self,
                                                     gint64        person_id);
guint             ll_case_detail_get_n_deputies     (LlCaseDetail *self);

G_END_DECLS

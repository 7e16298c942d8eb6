/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-attachment.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_ATTACHMENT_LIST (ll_attachment_list_get_type ())

G_DECLARE_FINAL_TYPE (LlAttachmentList, ll_attachment_list, LL, ATTACHMENT_LIST, GtkWidget)

GtkWidget    *ll_attachment_list_new               (void);
void          ll_attachment_list_set_database      (LlAttachmentList  *self,
                                                    LlDatabase        *db);
void          ll_attachment_list_set_case_id       (LlAttachmentList  *self,
                                                    gint64             case_id);
void          ll_attachment_list_set_editable      (LlAttachmentList  *self,
                                                    gboolean           editable);
void          ll_attachment_list_reload            (LlAttachmentList  *self);
guint         ll_attachment_list_get_n_attachments (LlAttachmentList  *self);
LlAttachment *ll_attachment_list_get_attachment    (LlAttachmentList  *self,
                                                    guint              position);
GtkWidget    *ll_attachment_list_get_row           (LlAttachmentList  *self,
                                                    guint              position);
gboolean      ll_attachment_list_has_thumbnail     (LlAttachmentList  *self,
                                                    guint              position);
gboolean      ll_attachment_list_add_file          (LlAttachmentList  *self,
                                                    GFile             *file,
                                                    GError           **error);
void          ll_attachment_list_open              (LlAttachmentList  *self,
                                                    guint              position);
const char   *ll_attachment_list_get_opened_path   (LlAttachmentList  *self);
void          ll_attachment_list_remove            (LlAttachmentList  *self,
                                                    guint              position);

G_END_DECLS

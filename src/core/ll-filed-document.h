/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_FILED_DOCUMENT (ll_filed_document_get_type ())

G_DECLARE_FINAL_TYPE (LlFiledDocument, ll_filed_document, LL, FILED_DOCUMENT, GObject)

LlFiledDocument *ll_filed_document_new             (void);

gint64           ll_filed_document_get_id          (LlFiledDocument *self);
const char      *ll_filed_document_get_kind        (LlFiledDocument *self);
const char      *ll_filed_document_get_title       (LlFiledDocument *self);
const char      *ll_filed_document_get_period_from (LlFiledDocument *self);
const char      *ll_filed_document_get_period_to   (LlFiledDocument *self);
const char      *ll_filed_document_get_path        (LlFiledDocument *self);
const char      *ll_filed_document_get_sha256      (LlFiledDocument *self);
const char      *ll_filed_document_get_params      (LlFiledDocument *self);
const char      *ll_filed_document_get_filed_by    (LlFiledDocument *self);
const char      *ll_filed_document_get_filed_host  (LlFiledDocument *self);
const char      *ll_filed_document_get_filed_at    (LlFiledDocument *self);

void             _ll_filed_document_set            (LlFiledDocument *self,
                                                    gint64           id,
                                                    const char      *kind,
                                                    const char      *title,
                                                    const char      *period_from,
                                                    const char      *period_to,
                                                    const char      *path,
                                                    const char      *sha256,
                                                    const char      *params,
                                                    const char      *filed_by,
                                                    const char      *filed_host,
                                                    const char      *filed_at);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-filed-document.h"

G_BEGIN_DECLS

LlFiledDocument *ll_filed_document_store_file   (LlDatabase       *db,
                                                 const char       *source,
                                                 const char       *archive_dir,
                                                 const char       *kind,
                                                 const char       *title,
                                                 const char       *period_from,
                                                 const char       *period_to,
                                                 const char       *params,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
LlFiledDocument *ll_filed_document_store_get    (LlDatabase       *db,
                                                 gint64            id,
                                                 GError          **error);
GPtrArray       *ll_filed_document_store_list   (LlDatabase       *db,
                                                 guint             limit,
                                                 GError          **error);
gboolean         ll_filed_document_store_verify (LlFiledDocument  *document,
                                                 GCancellable     *cancellable,
                                                 GError          **error);
char            *ll_filed_document_store_checksum_file (const char    *path,
                                                        GCancellable  *cancellable,
                                                        GError       **error);

G_END_DECLS

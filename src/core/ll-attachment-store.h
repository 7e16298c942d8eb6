/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-attachment.h"
#include "ll-database.h"
#include "ll-types.h"

G_BEGIN_DECLS

LlAttachment *ll_attachment_store_add_bytes         (LlDatabase    *db,
                                                     gint64         case_id,
                                                     gint64         activity_id,
                                                     const char    *file_name,
                                                     const char    *mime_type,
                                                     GBytes        *bytes,
                                                     GError       **error);
LlAttachment *ll_attachment_store_add_file          (LlDatabase    *db,
                                                     gint64         case_id,
                                                     gint64         activity_id,
                                                     GFile         *file,
                                                     GCancellable  *cancellable,
                                                     GError       **error);
LlAttachment *ll_attachment_store_get               (LlDatabase    *db,
                                                     gint64         id,
                                                     GError       **error);
GPtrArray    *ll_attachment_store_list_for_case     (LlDatabase    *db,
                                                     gint64         case_id,
                                                     GError       **error);
GPtrArray    *ll_attachment_store_list_for_activity (LlDatabase    *db,
                                                     gint64         activity_id,
                                                     GError       **error);
GBytes       *ll_attachment_store_read              (LlDatabase    *db,
                                                     gint64         id,
                                                     GError       **error);
gboolean      ll_attachment_store_update            (LlDatabase    *db,
                                                     LlAttachment  *attachment,
                                                     GError       **error);
GBytes       *ll_attachment_store_remove            (LlDatabase    *db,
                                                     LlAttachment  *attachment,
                                                     GError       **error);
gboolean      ll_attachment_store_restore           (LlDatabase    *db,
                                                     LlAttachment  *attachment,
                                                     GBytes        *bytes,
                                                     GError       **error);

G_END_DECLS

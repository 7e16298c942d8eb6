/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-document.h"
#include "ll-report-options.h"

G_BEGIN_DECLS

LlDocument *ll_case_slip_build  (LlDatabase             *db,
                                 gint64                  case_id,
                                 const LlReportOptions  *options,
                                 LlLayoutContext        *context,
                                 GError                **error);

gboolean    ll_case_slips_write (LlDatabase             *db,
                                 const LlReportOptions  *options,
                                 const gint64           *case_ids,
                                 guint                   n_case_ids,
                                 const char             *path,
                                 LlProgressFunc          progress,
                                 gpointer                user_data,
                                 guint                  *n_pages,
                                 GCancellable           *cancellable,
                                 GError                **error);

G_END_DECLS

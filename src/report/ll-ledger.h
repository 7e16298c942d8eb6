/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-document.h"
#include "ll-report-options.h"

G_BEGIN_DECLS

LlDocument *ll_ledger_build (LlDatabase             *db,
                             const LlReportOptions  *options,
                             gint64                  station_id,
                             const char             *from,
                             const char             *to,
                             guint                  *n_activities,
                             guint                  *n_cases,
                             GCancellable           *cancellable,
                             GError                **error);

gboolean    ll_ledger_write (LlDatabase             *db,
                             const LlReportOptions  *options,
                             gint64                  station_id,
                             const char             *from,
                             const char             *to,
                             const char             *path,
                             LlProgressFunc          progress,
                             gpointer                user_data,
                             GCancellable           *cancellable,
                             GError                **error);

G_END_DECLS

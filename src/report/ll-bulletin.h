/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-document.h"
#include "ll-points.h"
#include "ll-report-options.h"

G_BEGIN_DECLS

LlDocument *ll_bulletin_build (LlDatabase             *db,
                               LlPoints               *points,
                               const LlReportOptions  *options,
                               GCancellable           *cancellable,
                               GError                **error);

gboolean    ll_bulletin_write (LlDatabase             *db,
                               const LlReportOptions  *options,
                               int                     year,
                               guint                   quarter,
                               const char             *path,
                               LlProgressFunc          progress,
                               gpointer                user_data,
                               GCancellable           *cancellable,
                               GError                **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-document.h"
#include "ll-points.h"
#include "ll-report-options.h"

G_BEGIN_DECLS

LlDocument *ll_annual_sheet_build         (LlDatabase             *db,
                                           LlPoints               *points,
                                           gint64                  person_id,
                                           const LlReportOptions  *options,
                                           LlLayoutContext        *context,
                                           GError                **error);

gboolean    ll_annual_sheets_write        (LlDatabase             *db,
                                           const LlReportOptions  *options,
                                           int                     year,
                                           gint64                  station_id,
                                           gint64                  group_id,
                                           gint64                  person_id,
                                           const char             *path,
                                           LlProgressFunc          progress,
                                           gpointer                user_data,
                                           guint                  *n_pages,
                                           GCancellable           *cancellable,
                                           GError                **error);

gboolean    ll_annual_sheets_write_people (LlDatabase             *db,
                                           const LlReportOptions  *options,
                                           int                     year,
                                           const gint64           *person_ids,
                                           guint                   n_person_ids,
                                           const char             *path,
                                           LlProgressFunc          progress,
                                           gpointer                user_data,
                                           guint                  *n_pages,
                                           GCancellable           *cancellable,
                                           GError                **error);

G_END_DECLS

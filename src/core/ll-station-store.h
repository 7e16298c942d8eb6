/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-station.h"

G_BEGIN_DECLS

gboolean   ll_station_store_create        (LlDatabase    *db,
                                           LlStation     *station,
                                           GError       **error);
LlStation *ll_station_store_get           (LlDatabase    *db,
                                           gint64         id,
                                           GError       **error);
gboolean   ll_station_store_update        (LlDatabase    *db,
                                           LlStation     *station,
                                           GError       **error);
gboolean   ll_station_store_set_parent    (LlDatabase    *db,
                                           LlStation     *station,
                                           gint64         parent_id,
                                           GError       **error);
gboolean   ll_station_store_archive       (LlDatabase    *db,
                                           LlStation     *station,
                                           GError       **error);
gboolean   ll_station_store_unarchive     (LlDatabase    *db,
                                           LlStation     *station,
                                           GError       **error);
gboolean   ll_station_store_delete        (LlDatabase    *db,
                                           LlStation     *station,
                                           GError       **error);

GPtrArray *ll_station_store_list_children (LlDatabase    *db,
                                           gint64         parent_id,
                                           gboolean       include_archived,
                                           GError       **error);
GPtrArray *ll_station_store_list_all      (LlDatabase    *db,
                                           gboolean       include_archived,
                                           GError       **error);
GPtrArray *ll_station_store_list          (LlDatabase    *db,
                                           gint64         area_id,
                                           const char    *kind,
                                           gboolean       include_archived,
                                           GError       **error);
GPtrArray *ll_station_store_load_many     (LlDatabase    *db,
                                           const gint64  *ids,
                                           guint          n_ids,
                                           GError       **error);
gint64     ll_station_store_count         (LlDatabase    *db,
                                           gboolean       include_archived,
                                           GError       **error);
gboolean   ll_station_store_get_counts    (LlDatabase    *db,
                                           gint64         station_id,
                                           gint64        *n_people,
                                           gint64        *n_open_cases,
                                           GError       **error);

G_END_DECLS

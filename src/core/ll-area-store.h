/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-area.h"
#include "ll-database.h"

G_BEGIN_DECLS

gboolean   ll_area_store_create        (LlDatabase  *db,
                                        LlArea      *area,
                                        GError     **error);
LlArea    *ll_area_store_get           (LlDatabase  *db,
                                        gint64       id,
                                        GError     **error);
gboolean   ll_area_store_update        (LlDatabase  *db,
                                        LlArea      *area,
                                        GError     **error);
gboolean   ll_area_store_delete        (LlDatabase  *db,
                                        LlArea      *area,
                                        GError     **error);
GPtrArray *ll_area_store_list_children (LlDatabase  *db,
                                        gint64       parent_id,
                                        GError     **error);
GPtrArray *ll_area_store_list_all      (LlDatabase  *db,
                                        GError     **error);

G_END_DECLS

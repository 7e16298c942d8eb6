/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-group.h"

G_BEGIN_DECLS

gboolean   ll_group_store_create        (LlDatabase  *db,
                                         LlGroup     *group,
                                         GError     **error);
LlGroup   *ll_group_store_get           (LlDatabase  *db,
                                         gint64       id,
                                         GError     **error);
LlGroup   *ll_group_store_find_by_name  (LlDatabase  *db,
                                         const char  *kind,
                                         const char  *name,
                                         GError     **error);
gboolean   ll_group_store_update        (LlDatabase  *db,
                                         LlGroup     *group,
                                         GError     **error);
gboolean   ll_group_store_delete        (LlDatabase  *db,
                                         LlGroup     *group,
                                         GError     **error);
GPtrArray *ll_group_store_list          (LlDatabase  *db,
                                         const char  *kind,
                                         GError     **error);
gint64     ll_group_store_count_members (LlDatabase  *db,
                                         gint64       group_id,
                                         GError     **error);

G_END_DECLS

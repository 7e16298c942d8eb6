/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-department.h"

G_BEGIN_DECLS

gboolean      ll_department_store_create       (LlDatabase    *db,
                                                LlDepartment  *department,
                                                GError       **error);
LlDepartment *ll_department_store_get          (LlDatabase    *db,
                                                gint64         id,
                                                GError       **error);
LlDepartment *ll_department_store_find_by_name (LlDatabase    *db,
                                                const char    *name,
                                                GError       **error);
gboolean      ll_department_store_update       (LlDatabase    *db,
                                                LlDepartment  *department,
                                                GError       **error);
gboolean      ll_department_store_set_active   (LlDatabase    *db,
                                                LlDepartment  *department,
                                                gboolean       active,
                                                GError       **error);
gboolean      ll_department_store_delete       (LlDatabase    *db,
                                                LlDepartment  *department,
                                                GError       **error);
GPtrArray    *ll_department_store_list         (LlDatabase    *db,
                                                gboolean       include_inactive,
                                                GError       **error);
GPtrArray    *ll_department_store_load_many    (LlDatabase    *db,
                                                const gint64  *ids,
                                                guint          n_ids,
                                                GError       **error);

G_END_DECLS

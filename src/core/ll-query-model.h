/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LL_QUERY_MODEL_PAGE_SIZE:
 *
 * How many records #LlQueryModel materialises at once: the rows around
 * the one asked for, in one call of its #LlQueryLoadFunc.
 */
#define LL_QUERY_MODEL_PAGE_SIZE 100

/**
 * LL_QUERY_MODEL_MAX_CACHED:
 *
 * The most records #LlQueryModel keeps (the least recently used pages
 * are dropped past it), so that scrolling through 500,000 rows uses no
 * more memory than scrolling through 5,000.
 */
#define LL_QUERY_MODEL_MAX_CACHED (32 * LL_QUERY_MODEL_PAGE_SIZE)

/**
 * LlQueryLoadFunc:
 * @db: the database
 * @ids: (array length=n_ids): the ids of the records wanted
 * @n_ids: the number of @ids (at most %LL_QUERY_MODEL_PAGE_SIZE)
 * @error: return location for a #GError
 *
 * Loads records by id in one query; the stores provide these as
 * `ll_<thing>_store_load_many()`. A record whose row no longer exists
 * is simply left out. The records must have a #gint64 property `id`.
 *
 * Returns: (transfer full) (element-type GObject): the records, best in
 *   the order of @ids, or %NULL with @error set
 */
typedef GPtrArray *(*LlQueryLoadFunc) (LlDatabase    *db,
                                       const gint64  *ids,
                                       guint          n_ids,
                                       GError       **error);

#define LL_TYPE_QUERY_MODEL (ll_query_model_get_type ())

G_DECLARE_FINAL_TYPE (LlQueryModel, ll_query_model, LL, QUERY_MODEL, GObject)

LlQueryModel *ll_query_model_new                (LlDatabase          *db,
                                                 GType                item_type,
                                                 LlQueryLoadFunc      load_func,
                                                 const char * const  *watched_tables);

void          ll_query_model_set_query          (LlQueryModel        *self,
                                                 const char          *id_sql,
                                                 const GValue        *params,
                                                 guint                n_params);
gboolean      ll_query_model_set_query_sync     (LlQueryModel        *self,
                                                 const char          *id_sql,
                                                 const GValue        *params,
                                                 guint                n_params,
                                                 GError             **error);
void          ll_query_model_refresh            (LlQueryModel        *self);

LlDatabase   *ll_query_model_get_database       (LlQueryModel        *self);
gboolean      ll_query_model_get_loading        (LlQueryModel        *self);
const GError *ll_query_model_get_error          (LlQueryModel        *self);

gint64        ll_query_model_get_id             (LlQueryModel        *self,
                                                 guint                position);
gboolean      ll_query_model_get_position_of_id (LlQueryModel        *self,
                                                 gint64               id,
                                                 guint               *position);
guint         ll_query_model_get_n_cached       (LlQueryModel        *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlSearchScope:
 * @LL_SEARCH_SCOPE_CASES: cases, by serial, title, body and constituent name
 * @LL_SEARCH_SCOPE_PEOPLE: people, by name, work unit, post and constituency
 * @LL_SEARCH_SCOPE_STATIONS: stations, by name and address
 *
 * What a search looks through. Phone numbers and the constituent's
 * address are personal data and never searched.
 */
typedef enum
{
  LL_SEARCH_SCOPE_CASES,
  LL_SEARCH_SCOPE_PEOPLE,
  LL_SEARCH_SCOPE_STATIONS,
} LlSearchScope;

const char         *ll_search_scope_get_table   (LlSearchScope   scope);
const char * const *ll_search_scope_get_columns (LlSearchScope   scope);

GArray             *ll_search_params_new        (void);
gboolean            ll_search_query_is_blank    (const char     *query);
char              **ll_search_split_query       (const char     *query);

char               *ll_search_build_filter      (LlSearchScope   scope,
                                                 const char     *query,
                                                 const char     *id_column,
                                                 GArray         *params);

GArray             *ll_search_ids               (LlDatabase     *db,
                                                 LlSearchScope   scope,
                                                 const char     *query,
                                                 guint           limit,
                                                 GError        **error);

G_END_DECLS

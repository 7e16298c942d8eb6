/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-person.h"

G_BEGIN_DECLS

/**
 * LlPersonSort:
 * @LL_PERSON_SORT_NAME: by name
 * @LL_PERSON_SORT_ROLE: by role, in the order of the role enumeration
 *   (deputies first)
 * @LL_PERSON_SORT_LEVEL: by deputy level, national first; no level last
 * @LL_PERSON_SORT_TERM: by term as written; no term last
 * @LL_PERSON_SORT_STATION: by the name of the current primary station;
 *   not stationed last
 * @LL_PERSON_SORT_GROUP: by the name of the deputy group; no group last
 *
 * Orders of the people list. Ties are broken by name, then id.
 */
typedef enum
{
  LL_PERSON_SORT_NAME,
  LL_PERSON_SORT_ROLE,
  LL_PERSON_SORT_LEVEL,
  LL_PERSON_SORT_TERM,
  LL_PERSON_SORT_STATION,
  LL_PERSON_SORT_GROUP,
} LlPersonSort;

/**
 * LlPersonState:
 * @LL_PERSON_STATE_ACTIVE: active people only
 * @LL_PERSON_STATE_ARCHIVED: archived people only
 * @LL_PERSON_STATE_ANY: both
 *
 * Which people a filter keeps; the zero value keeps the active ones.
 */
typedef enum
{
  LL_PERSON_STATE_ACTIVE,
  LL_PERSON_STATE_ARCHIVED,
  LL_PERSON_STATE_ANY,
} LlPersonState;

/**
 * LlPersonFilter:
 * @role: (nullable): a person-role key, or %NULL for any
 * @level: (nullable): a deputy-level key, or %NULL for any
 * @station_id: people currently stationed at this station (any station
 *   role, primary or not), or 0 for any
 * @include_sub_stations: with @station_id, also the people of the
 *   stations and points below it
 * @unstationed: only people with no current membership (the board's
 *   “not stationed” column); ignores @station_id
 * @deputy_group_id: members of this deputy group, or 0 for any
 * @specialty_group_id: members of this specialty group, or 0 for any
 * @state: active, archived or both
 *
 * The filters of the people list. A zeroed filter (`LlPersonFilter
 * filter = { 0, };`) lists every active person.
 */
typedef struct
{
  const char    *role;
  const char    *level;
  gint64         station_id;
  gboolean       include_sub_stations;
  gboolean       unstationed;
  gint64         deputy_group_id;
  gint64         specialty_group_id;
  LlPersonState  state;
} LlPersonFilter;

gboolean   ll_person_store_create       (LlDatabase            *db,
                                         LlPerson              *person,
                                         GError               **error);
LlPerson  *ll_person_store_get          (LlDatabase            *db,
                                         gint64                 id,
                                         GError               **error);
gboolean   ll_person_store_update       (LlDatabase            *db,
                                         LlPerson              *person,
                                         GError               **error);
gboolean   ll_person_store_archive      (LlDatabase            *db,
                                         LlPerson              *person,
                                         GError               **error);
gboolean   ll_person_store_unarchive    (LlDatabase            *db,
                                         LlPerson              *person,
                                         GError               **error);
gboolean   ll_person_store_delete       (LlDatabase            *db,
                                         LlPerson              *person,
                                         GError               **error);

char      *ll_person_store_build_query  (const LlPersonFilter  *filter,
                                         LlPersonSort           sort,
                                         gboolean               descending,
                                         GArray                *params);
GPtrArray *ll_person_store_load_many    (LlDatabase            *db,
                                         const gint64          *ids,
                                         guint                  n_ids,
                                         GError               **error);
GPtrArray *ll_person_store_list         (LlDatabase            *db,
                                         const LlPersonFilter  *filter,
                                         LlPersonSort           sort,
                                         gboolean               descending,
                                         GError               **error);
gint64     ll_person_store_count        (LlDatabase            *db,
                                         const LlPersonFilter  *filter,
                                         GError               **error);
gint64     ll_person_store_count_active (LlDatabase            *db,
                                         GError               **error);

G_END_DECLS

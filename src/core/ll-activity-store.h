/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-activity.h"
#include "ll-database.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlActivityFilter:
 * @type: (nullable): an activity-type key, or %NULL for any
 * @station_id: a station, 0 for any; the stations below it in the tree
 *   (its points) are included unless @station_only
 * @station_only: with @station_id, leave out the stations below it
 * @year: only the activities held in this year, 0 for any
 * @person_id: only the activities this person took part in, 0 for any
 * @held_from: (nullable): only activities held on or after this date
 * @held_to: (nullable): only activities held on or before this date
 *
 * What the activity list shows. Initialise it with
 * %LL_ACTIVITY_FILTER_INIT (or zeroes): an empty filter matches every
 * activity. Strings are borrowed.
 */
typedef struct
{
  const char *type;
  gint64      station_id;
  gboolean    station_only;
  int         year;
  gint64      person_id;
  const char *held_from;
  const char *held_to;
} LlActivityFilter;

#define LL_ACTIVITY_FILTER_INIT { 0 }

gboolean    ll_activity_store_create            (LlDatabase              *db,
                                                 LlActivity              *activity,
                                                 GPtrArray               *participants,
                                                 GError                 **error);
LlActivity *ll_activity_store_get               (LlDatabase              *db,
                                                 gint64                   id,
                                                 GError                 **error);
gboolean    ll_activity_store_update            (LlDatabase              *db,
                                                 LlActivity              *activity,
                                                 GError                 **error);
gboolean    ll_activity_store_delete            (LlDatabase              *db,
                                                 LlActivity              *activity,
                                                 GError                 **error);

gboolean    ll_activity_store_set_participants  (LlDatabase              *db,
                                                 LlActivity              *activity,
                                                 GPtrArray               *participants,
                                                 GError                 **error);
gboolean    ll_activity_store_set_attendance    (LlDatabase              *db,
                                                 gint64                   activity_id,
                                                 gint64                   person_id,
                                                 const char              *attendance,
                                                 GError                 **error);
GPtrArray  *ll_activity_store_list_participants (LlDatabase              *db,
                                                 gint64                   activity_id,
                                                 GError                 **error);

GPtrArray  *ll_activity_store_load_many         (LlDatabase              *db,
                                                 const gint64            *ids,
                                                 guint                    n_ids,
                                                 GError                 **error);
char       *ll_activity_store_build_query       (const LlActivityFilter  *filter,
                                                 GArray                  *params);
GArray     *ll_activity_store_query_ids         (LlDatabase              *db,
                                                 const LlActivityFilter  *filter,
                                                 GError                 **error);
gint64      ll_activity_store_count             (LlDatabase              *db,
                                                 const LlActivityFilter  *filter,
                                                 GError                 **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LL_STATION_FLOOR_AREA_UNSET:
 *
 * The #LlStation:floor-area of a station whose floor area is not
 * recorded (stored as NULL).
 */
#define LL_STATION_FLOOR_AREA_UNSET (-1.0)

#define LL_TYPE_STATION (ll_station_get_type ())

G_DECLARE_FINAL_TYPE (LlStation, ll_station, LL, STATION, GObject)

LlStation  *ll_station_new                    (void);
gboolean    ll_station_validate               (LlStation  *self,
                                               GError    **error);
gint64      ll_station_get_id                 (LlStation *self);
void        ll_station_set_id                 (LlStation *self,
                                               gint64     id);
gint64      ll_station_get_parent_id          (LlStation *self);
void        ll_station_set_parent_id          (LlStation *self,
                                               gint64     parent_id);
const char *ll_station_get_kind               (LlStation *self);
void        ll_station_set_kind               (LlStation  *self,
                                               const char *kind);
const char *ll_station_get_name               (LlStation *self);
void        ll_station_set_name               (LlStation  *self,
                                               const char *name);
gint64      ll_station_get_area_id            (LlStation *self);
void        ll_station_set_area_id            (LlStation *self,
                                               gint64     area_id);
const char *ll_station_get_address            (LlStation *self);
void        ll_station_set_address            (LlStation  *self,
                                               const char *address);
const char *ll_station_get_opened_on          (LlStation *self);
void        ll_station_set_opened_on          (LlStation  *self,
                                               const char *opened_on);
double      ll_station_get_floor_area         (LlStation *self);
void        ll_station_set_floor_area         (LlStation *self,
                                               double     floor_area);
const char *ll_station_get_phone              (LlStation *self);
void        ll_station_set_phone              (LlStation  *self,
                                               const char *phone);
const char *ll_station_get_reception_schedule (LlStation *self);
void        ll_station_set_reception_schedule (LlStation  *self,
                                               const char *reception_schedule);
const char *ll_station_get_reception_days     (LlStation *self);
void        ll_station_set_reception_days     (LlStation  *self,
                                               const char *reception_days);
gboolean    ll_station_get_active             (LlStation *self);
void        ll_station_set_active             (LlStation *self,
                                               gboolean   active);
const char *ll_station_get_archived_at        (LlStation *self);
void        ll_station_set_archived_at        (LlStation  *self,
                                               const char *archived_at);
const char *ll_station_get_notes              (LlStation *self);
void        ll_station_set_notes              (LlStation  *self,
                                               const char *notes);
gint64      ll_station_get_version            (LlStation *self);
void        ll_station_set_version            (LlStation *self,
                                               gint64     version);
const char *ll_station_get_created_at         (LlStation *self);
const char *ll_station_get_updated_at         (LlStation *self);
guint       ll_station_get_depth              (LlStation *self);
gint64      ll_station_get_people_count       (LlStation *self);
gint64      ll_station_get_open_case_count    (LlStation *self);

/* For the stores in src/core: values that come from the database. */

void _ll_station_set_timestamps (LlStation  *self,
                                 const char *created_at,
                                 const char *updated_at);
void _ll_station_set_depth      (LlStation *self,
                                 guint      depth);
void _ll_station_set_counts     (LlStation *self,
                                 gint64     people_count,
                                 gint64     open_case_count);

G_END_DECLS

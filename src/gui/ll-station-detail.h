/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-record-form.h"
#include "ll-station.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_STATION_DETAIL (ll_station_detail_get_type ())

G_DECLARE_FINAL_TYPE (LlStationDetail, ll_station_detail, LL, STATION_DETAIL, GtkWidget)

void          ll_station_detail_set_database   (LlStationDetail *self,
                                                LlDatabase      *database);
void          ll_station_detail_set_editable   (LlStationDetail *self,
                                                gboolean         editable);
void          ll_station_detail_set_choices    (LlStationDetail *self,
                                                GListModel      *stations,
                                                GListModel      *areas);
void          ll_station_detail_show_station   (LlStationDetail *self,
                                                LlStation       *station);
void          ll_station_detail_show_new       (LlStationDetail *self,
                                                gint64           parent_id,
                                                const char      *kind,
                                                gint64           area_id);
void          ll_station_detail_update         (LlStationDetail *self,
                                                LlStation       *newer,
                                                gboolean         related_changed);
void          ll_station_detail_show_gone      (LlStationDetail *self);
gint64        ll_station_detail_get_station_id (LlStationDetail *self);
LlStation    *ll_station_detail_get_station    (LlStationDetail *self);
gboolean      ll_station_detail_get_is_new     (LlStationDetail *self);
gboolean      ll_station_detail_get_dirty      (LlStationDetail *self);
LlRecordForm *ll_station_detail_get_form       (LlStationDetail *self);
gboolean      ll_station_detail_save           (LlStationDetail *self);
void          ll_station_detail_revert         (LlStationDetail *self);
void          ll_station_detail_focus_form     (LlStationDetail *self);
void          ll_station_detail_set_show_back  (LlStationDetail *self,
                                                gboolean         show_back);
void          ll_station_detail_set_hint       (LlStationDetail *self,
                                                gboolean         hint);

G_END_DECLS

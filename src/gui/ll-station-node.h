/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-station.h"

G_BEGIN_DECLS

#define LL_TYPE_STATION_NODE (ll_station_node_get_type ())

G_DECLARE_FINAL_TYPE (LlStationNode, ll_station_node, LL, STATION_NODE, GObject)

LlStationNode *ll_station_node_new             (LlStation     *station);
gint64         ll_station_node_get_id          (LlStationNode *self);
gint64         ll_station_node_get_parent_id   (LlStationNode *self);
LlStation     *ll_station_node_get_station     (LlStationNode *self);
void           ll_station_node_set_station     (LlStationNode *self,
                                                LlStation     *station);
GListStore    *ll_station_node_get_children    (LlStationNode *self);
gboolean       ll_station_node_get_context     (LlStationNode *self);
void           ll_station_node_set_context     (LlStationNode *self,
                                                gboolean       context);

const char    *ll_station_kind_get_icon_name   (const char    *kind);

G_END_DECLS

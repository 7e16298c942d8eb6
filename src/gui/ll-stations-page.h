/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_STATIONS_PAGE (ll_stations_page_get_type ())

G_DECLARE_FINAL_TYPE (LlStationsPage, ll_stations_page, LL, STATIONS_PAGE, GtkWidget)

gboolean ll_stations_page_select_station (LlStationsPage *self,
                                          gint64          station_id);
gint64   ll_stations_page_get_selected   (LlStationsPage *self);
void     ll_stations_page_reload         (LlStationsPage *self);
gboolean ll_stations_page_get_loading    (LlStationsPage *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_STATION_PICKER (ll_station_picker_get_type ())

G_DECLARE_FINAL_TYPE (LlStationPicker, ll_station_picker, LL, STATION_PICKER, GtkWidget)

GtkWidget  *ll_station_picker_new             (void);
void        ll_station_picker_set_database    (LlStationPicker *self,
                                               LlDatabase      *database);
gint64      ll_station_picker_get_selected_id (LlStationPicker *self);
void        ll_station_picker_set_selected_id (LlStationPicker *self,
                                               gint64           station_id);
const char *ll_station_picker_get_label       (LlStationPicker *self);
void        ll_station_picker_set_none_label  (LlStationPicker *self,
                                               const char      *none_label);
void        ll_station_picker_popup           (LlStationPicker *self);

G_END_DECLS

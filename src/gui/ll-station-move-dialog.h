/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-station.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_STATION_MOVE_DIALOG (ll_station_move_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlStationMoveDialog, ll_station_move_dialog, LL, STATION_MOVE_DIALOG, AdwWindow)

LlStationMoveDialog *ll_station_move_dialog_new        (GtkWindow           *parent,
                                                        LlDatabase          *database,
                                                        LlStation           *station,
                                                        GPtrArray           *stations);
LlStation           *ll_station_move_dialog_get_station (LlStationMoveDialog *self);
gboolean             ll_station_move_dialog_select      (LlStationMoveDialog *self,
                                                        gint64               parent_id);
gboolean             ll_station_move_dialog_move        (LlStationMoveDialog *self);
const char          *ll_station_move_dialog_get_error   (LlStationMoveDialog *self);

G_END_DECLS

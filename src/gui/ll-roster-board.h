/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-board.h"
#include "ll-database.h"

G_BEGIN_DECLS

#define LL_TYPE_ROSTER_BOARD (ll_roster_board_get_type ())

G_DECLARE_FINAL_TYPE (LlRosterBoard, ll_roster_board, LL, ROSTER_BOARD, AdwWindow)

LlRosterBoard *ll_roster_board_new           (LlDatabase    *database,
                                              gint64         station_id,
                                              gboolean       editable);
void           ll_roster_board_set_month     (LlRosterBoard *self,
                                              int            year,
                                              int            month);
void           ll_roster_board_set_editable  (LlRosterBoard *self,
                                              gboolean       editable);
LlBoard       *ll_roster_board_get_board     (LlRosterBoard *self);
void           ll_roster_board_reload        (LlRosterBoard *self);

G_END_DECLS

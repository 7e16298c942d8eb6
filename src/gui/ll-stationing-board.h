/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-board.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_STATIONING_BOARD (ll_stationing_board_get_type ())

G_DECLARE_FINAL_TYPE (LlStationingBoard, ll_stationing_board, LL, STATIONING_BOARD, GtkWidget)

/* The key of the column of people stationed nowhere. */
#define LL_STATIONING_UNASSIGNED "unassigned"

void      ll_stationing_board_set_database (LlStationingBoard *self,
                                            LlDatabase        *database);
void      ll_stationing_board_set_editable (LlStationingBoard *self,
                                            gboolean           editable);
void      ll_stationing_board_focus        (LlStationingBoard *self);
void      ll_stationing_board_add_view_switcher (LlStationingBoard *self,
                                                 GtkStack          *stack);
LlBoard  *ll_stationing_board_get_board    (LlStationingBoard *self);
gboolean  ll_stationing_board_move         (LlStationingBoard *self,
                                            const char        *column_key,
                                            LlBoardDrag       *drag,
                                            gboolean           copy);
gboolean  ll_stationing_board_undo         (LlStationingBoard *self);
void      ll_stationing_board_show_balance (LlStationingBoard *self,
                                            gboolean           balance);
guint     ll_stationing_board_get_balance  (LlStationingBoard *self,
                                            gint64             station_id,
                                            const char        *level);
gint64    ll_stationing_board_get_last_load_us (LlStationingBoard *self);

G_END_DECLS

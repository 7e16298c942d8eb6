/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_BOARD_COLUMN (ll_board_column_get_type ())

G_DECLARE_FINAL_TYPE (LlBoardColumn, ll_board_column, LL, BOARD_COLUMN, GObject)

/**
 * LlBoardColumn:
 *
 * One column of an #LlBoard: an opaque @key that the owner understands
 * (a station id, a workflow state, a date…), the @title and @subtitle
 * shown on its header and the @count of its cards (%G_MAXUINT shows “…”,
 * not counted yet). The owner keeps the
 * count true (for example from one GROUP BY over all columns), so that
 * headers of columns never shown still show it.
 */
LlBoardColumn *ll_board_column_new          (const char    *key,
                                             const char    *title,
                                             guint          count);
const char    *ll_board_column_get_key      (LlBoardColumn *self);
const char    *ll_board_column_get_title    (LlBoardColumn *self);
void           ll_board_column_set_title    (LlBoardColumn *self,
                                             const char    *title);
const char    *ll_board_column_get_subtitle (LlBoardColumn *self);
void           ll_board_column_set_subtitle (LlBoardColumn *self,
                                             const char    *subtitle);
guint          ll_board_column_get_count    (LlBoardColumn *self);
void           ll_board_column_set_count    (LlBoardColumn *self,
                                             guint          count);
gboolean       ll_board_column_get_warning  (LlBoardColumn *self);
void           ll_board_column_set_warning  (LlBoardColumn *self,
                                             gboolean       warning);

G_END_DECLS

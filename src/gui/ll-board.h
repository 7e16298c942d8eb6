/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ll-board-column.h"

G_BEGIN_DECLS

/**
 * LlBoardDrag:
 *
 * What is dragged (or selected) on an #LlBoard: the key of the column
 * the cards come from and the ids of the cards, in the order of the
 * column. Drags carry this boxed type, never strings. Reference counted
 * and immutable.
 */
typedef struct _LlBoardDrag LlBoardDrag;

#define LL_TYPE_BOARD_DRAG (ll_board_drag_get_type ())

GType         ll_board_drag_get_type       (void) G_GNUC_CONST;
LlBoardDrag  *ll_board_drag_new            (const char    *source_key,
                                            const gint64  *ids,
                                            guint          n_ids);
LlBoardDrag  *ll_board_drag_ref            (LlBoardDrag   *self);
void          ll_board_drag_unref          (LlBoardDrag   *self);
const char   *ll_board_drag_get_source_key (LlBoardDrag   *self);
const gint64 *ll_board_drag_get_ids        (LlBoardDrag   *self,
                                            guint         *n_ids);
guint         ll_board_drag_get_n_ids      (LlBoardDrag   *self);
gboolean      ll_board_drag_contains       (LlBoardDrag   *self,
                                            gint64         id);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlBoardDrag, ll_board_drag_unref)

#define LL_TYPE_BOARD (ll_board_get_type ())

G_DECLARE_FINAL_TYPE (LlBoard, ll_board, LL, BOARD, GtkWidget)

/**
 * LlBoardColumnModelFunc:
 * @board: the board
 * @column: the column being shown
 * @user_data: the data given to ll_board_set_column_model_func()
 *
 * Gives the cards of @column. Called just after the column scrolls into
 * view (in an idle, after the frame showing its header); the board
 * drops the model when the column scrolls out, so only the few columns
 * on screen hold a model. The items must be GObjects with a
 * #gint64 property `id` (every record in src/core has one). An
 * #LlQueryModel is the natural answer: it is lazy, and refreshes itself
 * when the database changes.
 *
 * Returns: (transfer full): the cards of @column
 */
typedef GListModel *(*LlBoardColumnModelFunc) (LlBoard       *board,
                                               LlBoardColumn *column,
                                               gpointer       user_data);

/**
 * LlBoardCanDropFunc:
 * @board: the board
 * @column: the column under the pointer
 * @drag: what is being dragged
 * @action: %GDK_ACTION_MOVE, or %GDK_ACTION_COPY while Ctrl is held
 * @reason: (out) (transfer full) (optional): why not, in the user's words
 * @user_data: the data given to ll_board_set_can_drop_func()
 *
 * Says whether @drag may be dropped on @column. Called for every column
 * on screen when a drag starts (legal targets are highlighted, refused
 * ones show @reason) and while the pointer moves over a column. Keep it
 * quick: no database writes, at most a small read.
 *
 * Returns: %TRUE when the drop is allowed
 */
typedef gboolean (*LlBoardCanDropFunc) (LlBoard        *board,
                                        LlBoardColumn  *column,
                                        LlBoardDrag    *drag,
                                        GdkDragAction   action,
                                        char          **reason,
                                        gpointer        user_data);

/*
 * How to use LlBoard (a generic drag-and-drop board):
 *
 *   board = ll_board_new ();
 *   ll_board_set_columns (board, columns);        // GListModel of LlBoardColumn
 *   ll_board_set_card_factory (board, factory);   // GtkListItemFactory for one card;
 *                                                 // its items are your records
 *   ll_board_set_column_model_func (board, column_model_cb, self, NULL);
 *   ll_board_set_can_drop_func (board, can_drop_cb, self, NULL);   // optional
 *   ll_board_set_card_menu (board, menu);         // optional GMenuModel
 *   g_signal_connect (board, "drop", G_CALLBACK (drop_cb), self);
 *   g_signal_connect (board, "move-requested", G_CALLBACK (move_requested_cb), self);
 *
 * Columns scroll horizontally in a GtkListView (only the columns on
 * screen exist as widgets); each column is a header (title, subtitle,
 * count from the LlBoardColumn) over a vertical GtkListView of cards
 * with a GtkMultiSelection (click, Ctrl-click, Shift-click). Keys are
 * opaque strings of your choosing ("42", "unassigned", "assigned"…);
 * they must be unique among the columns.
 *
 * Dragging one card, or the selection it belongs to, carries an
 * LlBoardDrag (source column key + card ids). While it is dragged, the
 * columns on screen ask @can_drop_func and get the CSS class
 * `drop-allowed` or `drop-refused` (with the reason shown on the
 * column); a refused column does not accept the drop. Dropping emits
 *
 *   gboolean drop (LlBoard *board, const char *column_key,
 *                  LlBoardDrag *drag, GdkDragAction action, gpointer data)
 *
 * with GDK_ACTION_MOVE, or GDK_ACTION_COPY when Ctrl was held. Do the
 * change (one transaction), offer Undo on a toast, and return TRUE. The
 * board does not change its models itself: refresh them (an
 * LlQueryModel does so on LlDatabase::changed) and update the counts.
 *
 * Keyboard: every drag has a keyboard path. Ctrl+M (action
 * `board.move-to`) emits
 *
 *   void move-requested (LlBoard *board, LlBoardDrag *selection, gpointer data)
 *
 * with the selected cards of the focused column: open your "Move to…"
 * popover there. The card menu (ll_board_set_card_menu) opens on a
 * right click, the Menu key or Shift+F10 on a card, after selecting it;
 * its actions act on ll_board_get_selection(). Ctrl+Left / Ctrl+Right
 * move the focus to the neighbouring column.
 *
 * ll_board_set_editable (board, FALSE) turns off dragging and dropping
 * (for a read-only database); make your own actions insensitive too.
 * ll_board_scroll_to_column() and ll_board_select_card() serve a column
 * picker and "show where it is now" after a conflict.
 */

LlBoard       *ll_board_new                   (void);
void           ll_board_set_columns           (LlBoard                *self,
                                               GListModel             *columns);
GListModel    *ll_board_get_columns           (LlBoard                *self);
void           ll_board_set_card_factory      (LlBoard                *self,
                                               GtkListItemFactory     *factory);
void           ll_board_set_column_model_func (LlBoard                *self,
                                               LlBoardColumnModelFunc  func,
                                               gpointer                user_data,
                                               GDestroyNotify          destroy);
void           ll_board_set_can_drop_func     (LlBoard                *self,
                                               LlBoardCanDropFunc      func,
                                               gpointer                user_data,
                                               GDestroyNotify          destroy);
void           ll_board_set_card_menu         (LlBoard                *self,
                                               GMenuModel             *menu);
gboolean       ll_board_get_editable          (LlBoard                *self);
void           ll_board_set_editable          (LlBoard                *self,
                                               gboolean                editable);
GListModel    *ll_board_get_column_model      (LlBoard                *self,
                                               const char             *column_key);
void           ll_board_reload_column         (LlBoard                *self,
                                               const char             *column_key);
LlBoardDrag   *ll_board_get_selection         (LlBoard                *self);
gboolean       ll_board_scroll_to_column      (LlBoard                *self,
                                               const char             *column_key);
gboolean       ll_board_focus_column          (LlBoard                *self,
                                               const char             *column_key);
gboolean       ll_board_select_card           (LlBoard                *self,
                                               const char             *column_key,
                                               gint64                  card_id);
gboolean       ll_board_get_card_position     (LlBoard                *self,
                                               const char             *column_key,
                                               gint64                  card_id,
                                               double                 *x,
                                               double                 *y);
GtkWidget     *ll_board_get_column_widget     (LlBoard                *self,
                                               const char             *column_key);
LlBoardDrag   *ll_board_get_current_drag      (LlBoard                *self);

G_END_DECLS

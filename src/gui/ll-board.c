/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-board"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-board.h"
#include "ll-query-model.h"

/* LlBoard: columns in a horizontal GtkListView, each a header over a
 * vertical GtkListView of cards. Both levels are virtualised: a column
 * widget exists only while it is on screen, and asks its owner for its
 * cards then; its card list builds widgets only for the visible cards.
 * How to use it: ll-board.h. */

struct _LlBoardDrag
{
  gatomicrefcount  ref_count;
  char            *source_key;
  GArray          *ids;
};

G_DEFINE_BOXED_TYPE (LlBoardDrag, ll_board_drag, ll_board_drag_ref, ll_board_drag_unref)

/* One column widget, recycled by the columns' GtkListView: the state
 * below belongs to the column it shows while bound. */
typedef struct
{
  LlBoard           *board;            /* borrowed: owns the view */
  GtkWidget         *box;              /* borrowed: the column widget */
  GtkWidget         *title;
  GtkWidget         *subtitle;
  GtkWidget         *count;
  GtkWidget         *warning;
  GtkWidget         *reason;
  GtkWidget         *list;

  /* While bound */
  LlBoardColumn     *column;
  GListModel        *model;
  GtkMultiSelection *selection;
  GBinding          *bindings[5];
  gulong             items_changed_handler;

  /* The selection when the pointer went down, before the row changed
   * it: pressing one card of a multi-selection to drag it drags all. */
  GtkBitset         *press_selection;
  GtkWidget         *press_row;
  gboolean           press_on_selected;
} Lane;

struct _LlBoard
{
  GtkWidget               parent_instance;

  /* Children */
  GtkWidget              *scroller;
  GtkWidget              *columns_view;
  GtkWidget              *menu_popover;

  /* Owned */
  GListModel             *columns;
  GtkListItemFactory     *card_factory;
  GMenuModel             *card_menu;
  GHashTable             *lanes;            /* key → Lane *, bound columns */
  GQueue                  to_load;          /* Lane *: bound, cards not asked for yet */
  guint                   load_source;
  LlBoardDrag            *drag;             /* the drag under way */
  char                   *pending_key;      /* card to select once shown */
  gint64                  pending_id;
  char                   *pending_focus_key;

  LlBoardColumnModelFunc  model_func;
  gpointer                model_data;
  GDestroyNotify          model_destroy;
  LlBoardCanDropFunc      can_drop_func;
  gpointer                can_drop_data;
  GDestroyNotify          can_drop_destroy;

  /* Borrowed */
  Lane                   *active_lane;

  gboolean                editable;
};

G_DEFINE_FINAL_TYPE (LlBoard, ll_board, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_EDITABLE,
  N_PROPS
};

enum {
  DROP,
  MOVE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* LlBoardDrag */

LlBoardDrag *
ll_board_drag_new (const char   *source_key,
                   const gint64 *ids,
                   guint         n_ids)
{
  LlBoardDrag *self = g_new0 (LlBoardDrag, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->source_key = g_strdup (source_key);
  self->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  if (n_ids > 0)
    g_array_append_vals (self->ids, ids, n_ids);

  return self;
}

LlBoardDrag *
ll_board_drag_ref (LlBoardDrag *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ll_board_drag_unref (LlBoardDrag *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->source_key);
  g_array_unref (self->ids);
  g_free (self);
}

const char *
ll_board_drag_get_source_key (LlBoardDrag *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->source_key;
}

const gint64 *
ll_board_drag_get_ids (LlBoardDrag *self,
                       guint       *n_ids)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_ids != NULL)
    *n_ids = self->ids->len;
  return (const gint64 *) (gpointer) self->ids->data;
}

guint
ll_board_drag_get_n_ids (LlBoardDrag *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->ids->len;
}

gboolean
ll_board_drag_contains (LlBoardDrag *self,
                        gint64       id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->ids->len; i++)
    if (g_array_index (self->ids, gint64, i) == id)
      return TRUE;
  return FALSE;
}

/* Helpers */

static gint64
card_id_at (GListModel *model,
            guint       position)
{
  if (LL_IS_QUERY_MODEL (model))
    return ll_query_model_get_id (LL_QUERY_MODEL (model), position);

  g_autoptr(GObject) item = g_list_model_get_item (model, position);
  gint64 id = 0;

  if (item != NULL)
    g_object_get (item, "id", &id, NULL);
  return id;
}

static gboolean
card_position (GListModel *model,
               gint64      id,
               guint      *position)
{
  if (LL_IS_QUERY_MODEL (model))
    return ll_query_model_get_position_of_id (LL_QUERY_MODEL (model), id, position);

  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    if (card_id_at (model, i) == id)
      {
        *position = i;
        return TRUE;
      }
  return FALSE;
}

static gboolean
find_column (LlBoard    *self,
             const char *key,
             guint      *position)
{
  if (self->columns == NULL || key == NULL)
    return FALSE;

  guint n = g_list_model_get_n_items (self->columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (self->columns, i);

      if (g_strcmp0 (ll_board_column_get_key (column), key) == 0)
        {
          *position = i;
          return TRUE;
        }
    }
  return FALSE;
}

static LlBoardDrag *
lane_get_selection (Lane *lane)
{
  if (lane->selection == NULL || lane->column == NULL)
    return ll_board_drag_new (NULL, NULL, 0);

  g_autoptr(GtkBitset) set =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (lane->selection));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint position;

  for (gboolean ok = gtk_bitset_iter_init_first (&iter, set, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = card_id_at (lane->model, position);

      if (id != 0)
        g_array_append_val (ids, id);
    }

  return ll_board_drag_new (ll_board_column_get_key (lane->column),
                            (const gint64 *) (gpointer) ids->data, ids->len);
}

/* The row of the card list under (x, y), or NULL over empty space. */
static GtkWidget *
row_at (GtkWidget *list,
        double     x,
        double     y)
{
  GtkWidget *widget = gtk_widget_pick (list, x, y, GTK_PICK_DEFAULT);

  while (widget != NULL && gtk_widget_get_parent (widget) != list)
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL || g_strcmp0 (gtk_widget_get_css_name (widget), "row") != 0)
    return NULL;
  return widget;
}

static gboolean
row_is_selected (GtkWidget *row)
{
  return (gtk_widget_get_state_flags (row) & GTK_STATE_FLAG_SELECTED) != 0;
}

/* Selects the row's card alone, as a plain click does. */
static void
select_row (GtkWidget *row)
{
  gtk_widget_activate_action (row, "listitem.select", "(bb)", FALSE, FALSE);
}

static gboolean
can_drop (LlBoard        *self,
          LlBoardColumn  *column,
          LlBoardDrag    *drag,
          GdkDragAction   action,
          char          **reason)
{
  if (!self->editable || drag == NULL || column == NULL || ll_board_drag_get_n_ids (drag) == 0)
    return FALSE;
  /* Back where it came from: nothing to do, nothing to explain. */
  if (g_strcmp0 (ll_board_drag_get_source_key (drag), ll_board_column_get_key (column)) == 0)
    return FALSE;
  if (self->can_drop_func == NULL)
    return TRUE;
  return self->can_drop_func (self, column, drag, action, reason, self->can_drop_data);
}

static void
lane_show_reason (Lane       *lane,
                  const char *reason)
{
  gtk_label_set_label (GTK_LABEL (lane->reason), reason ? reason : "");
  gtk_widget_set_visible (lane->reason, reason != NULL && reason[0] != '\0');
}

static void
lane_update_highlight (Lane *lane)
{
  LlBoard *self = lane->board;

  gtk_widget_remove_css_class (lane->box, "drop-allowed");
  gtk_widget_remove_css_class (lane->box, "drop-refused");
  gtk_widget_remove_css_class (lane->box, "drop-hover");
  lane_show_reason (lane, NULL);

  if (self->drag == NULL || lane->column == NULL)
    return;
  if (g_strcmp0 (ll_board_drag_get_source_key (self->drag),
                 ll_board_column_get_key (lane->column)) == 0)
    return;

  g_autofree char *reason = NULL;

  if (can_drop (self, lane->column, self->drag, GDK_ACTION_MOVE, &reason))
    gtk_widget_add_css_class (lane->box, "drop-allowed");
  else
    {
      gtk_widget_add_css_class (lane->box, "drop-refused");
      lane_show_reason (lane, reason);
    }
}

static void
update_highlights (LlBoard *self)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->lanes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    lane_update_highlight (value);
}

static void
lane_set_model (Lane       *lane,
                GListModel *model);

static void
apply_pending_select (LlBoard *self,
                      Lane    *lane)
{
  guint position;

  if (self->pending_key == NULL || lane->column == NULL || lane->model == NULL
      || g_strcmp0 (self->pending_key, ll_board_column_get_key (lane->column)) != 0)
    return;
  if (!card_position (lane->model, self->pending_id, &position))
    return;

  g_clear_pointer (&self->pending_key, g_free);
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (lane->selection), position, TRUE);
  gtk_widget_activate_action (lane->list, "list.scroll-to-item", "u", position);
  self->active_lane = lane;
}

static void
lane_items_changed_cb (GListModel *model,
                       guint       position,
                       guint       removed,
                       guint       added,
                       Lane       *lane)
{
  apply_pending_select (lane->board, lane);
}

static void
lane_set_model (Lane       *lane,
                GListModel *model)
{
  if (lane->model != NULL)
    g_clear_signal_handler (&lane->items_changed_handler, lane->model);
  gtk_list_view_set_model (GTK_LIST_VIEW (lane->list), NULL);
  g_clear_object (&lane->selection);
  g_clear_object (&lane->model);
  g_clear_pointer (&lane->press_selection, gtk_bitset_unref);
  lane->press_row = NULL;

  if (model == NULL)
    return;

  lane->model = g_object_ref (model);
  lane->selection = gtk_multi_selection_new (g_object_ref (model));
  lane->items_changed_handler =
    g_signal_connect (model, "items-changed", G_CALLBACK (lane_items_changed_cb), lane);
  gtk_list_view_set_model (GTK_LIST_VIEW (lane->list), GTK_SELECTION_MODEL (lane->selection));
}

/* Cards are asked for after the frame that binds the column, one column
 * per main-loop turn, so that scrolling across many columns never waits
 * for all of their cards at once. (A timeout, not an idle: while a list
 * keeps the frame clock busy, idles below its priority can starve.) */
static gboolean
load_idle_cb (gpointer data)
{
  LlBoard *self = data;
  Lane *lane = g_queue_pop_head (&self->to_load);
  if (lane != NULL && lane->column != NULL && self->model_func != NULL)
    {
      g_autoptr(GListModel) model = self->model_func (self, lane->column, self->model_data);

      lane_set_model (lane, model);
      apply_pending_select (self, lane);
    }

  if (g_queue_is_empty (&self->to_load))
    {
      self->load_source = 0;
      return G_SOURCE_REMOVE;
    }
  return G_SOURCE_CONTINUE;
}

static void
queue_load (LlBoard *self,
            Lane    *lane)
{
  if (g_queue_find (&self->to_load, lane) == NULL)
    g_queue_push_tail (&self->to_load, lane);
  if (self->load_source == 0)
    self->load_source = g_timeout_add_full (G_PRIORITY_DEFAULT, 0, load_idle_cb, self, NULL);
}

static void
popup_card_menu (LlBoard   *self,
                 GtkWidget *list,
                 double     x,
                 double     y)
{
  graphene_point_t point;

  if (self->card_menu == NULL)
    return;
  if (!gtk_widget_compute_point (list, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    return;

  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu_popover),
                               &(GdkRectangle) { point.x, point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu_popover));
}

static void
focus_lane (Lane *lane)
{
  lane->board->active_lane = lane;
  gtk_widget_grab_focus (lane->list);
}

/* Callbacks */

static void
press_pressed_cb (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  Lane            *lane)
{
  GtkWidget *row = row_at (lane->list, x, y);

  lane->board->active_lane = lane;
  g_clear_pointer (&lane->press_selection, gtk_bitset_unref);
  lane->press_row = row;
  lane->press_on_selected = row != NULL && row_is_selected (row);
  if (lane->selection != NULL)
    lane->press_selection =
      gtk_selection_model_get_selection (GTK_SELECTION_MODEL (lane->selection));
}

static void
menu_pressed_cb (GtkGestureClick *gesture,
                 int              n_press,
                 double           x,
                 double           y,
                 Lane            *lane)
{
  GtkWidget *row = row_at (lane->list, x, y);

  if (row == NULL || lane->board->card_menu == NULL)
    return;

  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  lane->board->active_lane = lane;
  if (!row_is_selected (row))
    select_row (row);
  popup_card_menu (lane->board, lane->list, x, y);
}

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 Lane          *lane)
{
  LlBoard *self = lane->board;
  GtkWidget *row;

  if (!self->editable || lane->selection == NULL)
    return NULL;
  row = row_at (lane->list, x, y);
  if (row == NULL)
    return NULL;

  /* GTK 4.8 selects the pressed card alone on press; a drag that starts
   * on a card of a multi-selection takes the whole selection. */
  if (row == lane->press_row && lane->press_on_selected && lane->press_selection != NULL
      && gtk_bitset_get_size (lane->press_selection) > 1)
    {
      g_autoptr(GtkBitset) all = gtk_bitset_new_range (0, g_list_model_get_n_items (lane->model));

      gtk_selection_model_set_selection (GTK_SELECTION_MODEL (lane->selection),
                                         lane->press_selection, all);
    }
  else if (!row_is_selected (row))
    select_row (row);

  g_autoptr(LlBoardDrag) drag = lane_get_selection (lane);

  if (ll_board_drag_get_n_ids (drag) == 0)
    return NULL;

  self->active_lane = lane;
  g_clear_pointer (&self->drag, ll_board_drag_unref);
  self->drag = ll_board_drag_ref (drag);

  g_autoptr(GdkPaintable) icon = gtk_widget_paintable_new (row);

  gtk_drag_source_set_icon (source, icon, (int) x - (int) gtk_widget_get_width (row) / 2, 8);

  return gdk_content_provider_new_typed (LL_TYPE_BOARD_DRAG, drag);
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *drag,
               Lane          *lane)
{
  update_highlights (lane->board);
}

static void
drag_end_cb (GtkDragSource *source,
             GdkDrag       *drag,
             gboolean       delete_data,
             Lane          *lane)
{
  LlBoard *self = lane->board;

  g_clear_pointer (&self->drag, ll_board_drag_unref);
  update_highlights (self);
}

static GdkDragAction
drop_action (GtkDropTarget *target)
{
  GdkDrop *drop = gtk_drop_target_get_current_drop (target);
  GdkDragAction actions = drop ? gdk_drop_get_actions (drop) : GDK_ACTION_MOVE;

  /* GDK offers MOVE|COPY without modifiers and COPY alone with Ctrl. */
  return (actions & GDK_ACTION_MOVE) ? GDK_ACTION_MOVE : GDK_ACTION_COPY;
}

static GdkDragAction
drop_motion_cb (GtkDropTarget *target,
                double         x,
                double         y,
                Lane          *lane)
{
  LlBoard *self = lane->board;
  GdkDragAction action = drop_action (target);
  g_autofree char *reason = NULL;

  if (self->drag == NULL || lane->column == NULL)
    return 0;
  if (g_strcmp0 (ll_board_drag_get_source_key (self->drag),
                 ll_board_column_get_key (lane->column)) == 0)
    return 0;

  if (!can_drop (self, lane->column, self->drag, action, &reason))
    {
      gtk_widget_remove_css_class (lane->box, "drop-hover");
      lane_show_reason (lane, reason);
      return 0;
    }

  lane_show_reason (lane, NULL);
  gtk_widget_add_css_class (lane->box, "drop-hover");
  return action;
}

static void
drop_leave_cb (GtkDropTarget *target,
               Lane          *lane)
{
  lane_update_highlight (lane);
}

static gboolean
drop_cb (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         Lane          *lane)
{
  LlBoard *self = lane->board;
  LlBoardDrag *drag;
  GdkDragAction action = drop_action (target);
  gboolean handled = FALSE;

  if (!G_VALUE_HOLDS (value, LL_TYPE_BOARD_DRAG) || lane->column == NULL)
    return FALSE;
  drag = g_value_get_boxed (value);
  if (!can_drop (self, lane->column, drag, action, NULL))
    return FALSE;

  g_autoptr(LlBoardColumn) column = g_object_ref (lane->column);
  g_autoptr(LlBoardDrag) held = ll_board_drag_ref (drag);

  g_signal_emit (self, signals[DROP], 0, ll_board_column_get_key (column), held, action, &handled);
  return handled;
}

static void
lane_focus_enter_cb (GtkEventControllerFocus *controller,
                     Lane                    *lane)
{
  lane->board->active_lane = lane;
}

static gboolean
count_to_label (GBinding     *binding,
                const GValue *from,
                GValue       *to,
                gpointer      data)
{
  guint count = g_value_get_uint (from);

  /* G_MAXUINT: not counted yet. */
  g_value_take_string (to, count == G_MAXUINT ? g_strdup ("…") : g_strdup_printf ("%u", count));
  return TRUE;
}

static gboolean
string_to_visible (GBinding     *binding,
                   const GValue *from,
                   GValue       *to,
                   gpointer      data)
{
  const char *s = g_value_get_string (from);

  g_value_set_boolean (to, s != NULL && s[0] != '\0');
  return TRUE;
}

/* When the column widget goes: its children are gone already. */
static void
lane_free (Lane *lane)
{
  /* Normally unbound first; never leave a dangling pointer behind. */
  g_queue_remove (&lane->board->to_load, lane);
  if (lane->board->active_lane == lane)
    lane->board->active_lane = NULL;
  if (lane->model != NULL)
    g_clear_signal_handler (&lane->items_changed_handler, lane->model);
  g_clear_object (&lane->selection);
  g_clear_object (&lane->model);
  g_clear_pointer (&lane->press_selection, gtk_bitset_unref);
  g_clear_object (&lane->column);
  g_free (lane);
}

static void
column_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 LlBoard                  *self)
{
  Lane *lane = g_new0 (Lane, 1);
  GtkWidget *header, *titles, *scroller;
  GtkEventController *controller;
  GtkDragSource *source;
  GtkDropTarget *target;
  GtkGesture *gesture;

  lane->board = self;
  lane->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_add_css_class (lane->box, "ll-board-column");
  gtk_widget_set_size_request (lane->box, 260, -1);

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_add_css_class (header, "ll-board-column-header");
  titles = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_hexpand (titles, TRUE);
  lane->title = gtk_label_new (NULL);
  gtk_widget_add_css_class (lane->title, "heading");
  gtk_label_set_xalign (GTK_LABEL (lane->title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (lane->title), PANGO_ELLIPSIZE_END);
  lane->subtitle = gtk_label_new (NULL);
  gtk_widget_add_css_class (lane->subtitle, "caption");
  gtk_widget_add_css_class (lane->subtitle, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (lane->subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (lane->subtitle), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (titles), lane->title);
  gtk_box_append (GTK_BOX (titles), lane->subtitle);
  lane->warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  gtk_widget_add_css_class (lane->warning, "warning");
  gtk_widget_set_valign (lane->warning, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (lane->warning, _("Something in this column breaks a rule"));
  lane->count = gtk_label_new (NULL);
  gtk_widget_add_css_class (lane->count, "ll-board-count");
  gtk_widget_add_css_class (lane->count, "numeric");
  gtk_widget_set_valign (lane->count, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), titles);
  gtk_box_append (GTK_BOX (header), lane->warning);
  gtk_box_append (GTK_BOX (header), lane->count);
  gtk_box_append (GTK_BOX (lane->box), header);

  lane->reason = gtk_label_new (NULL);
  gtk_widget_add_css_class (lane->reason, "ll-board-reason");
  gtk_label_set_wrap (GTK_LABEL (lane->reason), TRUE);
  gtk_label_set_xalign (GTK_LABEL (lane->reason), 0);
  gtk_widget_set_visible (lane->reason, FALSE);
  gtk_box_append (GTK_BOX (lane->box), lane->reason);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  lane->list = gtk_list_view_new (NULL, NULL);
  gtk_widget_add_css_class (lane->list, "ll-board-cards");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), lane->list);
  gtk_box_append (GTK_BOX (lane->box), scroller);

  /* Before the rows see the press: remember the selection it changes. */
  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (press_pressed_cb), lane);
  gtk_widget_add_controller (lane->list, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (gesture), GTK_PHASE_CAPTURE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (menu_pressed_cb), lane);
  gtk_widget_add_controller (lane->list, GTK_EVENT_CONTROLLER (gesture));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (source), GTK_PHASE_CAPTURE);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), lane);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), lane);
  g_signal_connect (source, "drag-end", G_CALLBACK (drag_end_cb), lane);
  gtk_widget_add_controller (lane->list, GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (LL_TYPE_BOARD_DRAG, GDK_ACTION_MOVE | GDK_ACTION_COPY);
  g_signal_connect (target, "enter", G_CALLBACK (drop_motion_cb), lane);
  g_signal_connect (target, "motion", G_CALLBACK (drop_motion_cb), lane);
  g_signal_connect (target, "leave", G_CALLBACK (drop_leave_cb), lane);
  g_signal_connect (target, "drop", G_CALLBACK (drop_cb), lane);
  gtk_widget_add_controller (lane->box, GTK_EVENT_CONTROLLER (target));

  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (lane_focus_enter_cb), lane);
  gtk_widget_add_controller (lane->box, controller);

  g_object_set_data_full (G_OBJECT (lane->box), "ll-board-lane", lane, (GDestroyNotify) lane_free);
  gtk_list_item_set_activatable (item, FALSE);
  gtk_list_item_set_selectable (item, FALSE);
  gtk_list_item_set_child (item, lane->box);
}

static void
column_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                LlBoard                  *self)
{
  Lane *lane = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "ll-board-lane");
  LlBoardColumn *column = gtk_list_item_get_item (item);
  lane->column = g_object_ref (column);
  lane->bindings[0] = g_object_bind_property (column, "title", lane->title, "label",
                                              G_BINDING_SYNC_CREATE);
  lane->bindings[1] = g_object_bind_property (column, "subtitle", lane->subtitle, "label",
                                              G_BINDING_SYNC_CREATE);
  lane->bindings[2] = g_object_bind_property_full (column, "count", lane->count, "label",
                                                   G_BINDING_SYNC_CREATE,
                                                   count_to_label, NULL, NULL, NULL);
  lane->bindings[3] = g_object_bind_property (column, "warning", lane->warning, "visible",
                                              G_BINDING_SYNC_CREATE);
  lane->bindings[4] = g_object_bind_property_full (column, "subtitle", lane->subtitle, "visible",
                                                   G_BINDING_SYNC_CREATE,
                                                   string_to_visible, NULL, NULL, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (lane->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_board_column_get_title (column), -1);

  if (gtk_list_view_get_factory (GTK_LIST_VIEW (lane->list)) != self->card_factory)
    gtk_list_view_set_factory (GTK_LIST_VIEW (lane->list), self->card_factory);
  lane_set_model (lane, NULL);
  queue_load (self, lane);

  g_hash_table_replace (self->lanes, g_strdup (ll_board_column_get_key (column)), lane);
  lane_update_highlight (lane);

  if (self->pending_focus_key != NULL
      && g_strcmp0 (self->pending_focus_key, ll_board_column_get_key (column)) == 0)
    {
      g_clear_pointer (&self->pending_focus_key, g_free);
      focus_lane (lane);
    }
}

static void
column_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  LlBoard                  *self)
{
  Lane *lane = g_object_get_data (G_OBJECT (gtk_list_item_get_child (item)), "ll-board-lane");

  if (lane->column != NULL)
    {
      const char *key = ll_board_column_get_key (lane->column);

      if (g_hash_table_lookup (self->lanes, key) == lane)
        g_hash_table_remove (self->lanes, key);
    }
  if (self->active_lane == lane)
    self->active_lane = NULL;
  g_queue_remove (&self->to_load, lane);

  for (guint i = 0; i < G_N_ELEMENTS (lane->bindings); i++)
    if (lane->bindings[i] != NULL)
      {
        g_binding_unbind (lane->bindings[i]);
        lane->bindings[i] = NULL;
      }
  lane_set_model (lane, NULL);
  lane_update_highlight (lane);
  g_clear_object (&lane->column);
}

/* Actions */

static Lane *
lane_of_widget (LlBoard   *self,
                GtkWidget *widget,
                GtkWidget **row)
{
  GtkWidget *child = NULL;

  for (; widget != NULL && widget != GTK_WIDGET (self); widget = gtk_widget_get_parent (widget))
    {
      Lane *lane = g_object_get_data (G_OBJECT (widget), "ll-board-lane");

      if (lane != NULL)
        {
          if (row != NULL)
            *row = (child != NULL && gtk_widget_get_parent (child) == lane->list) ? child : NULL;
          return lane;
        }
      if (g_strcmp0 (gtk_widget_get_css_name (widget), "row") == 0)
        child = widget;
    }
  return NULL;
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlBoard *self = LL_BOARD (widget);
  g_autoptr(LlBoardDrag) selection = ll_board_get_selection (self);

  if (!self->editable || ll_board_drag_get_n_ids (selection) == 0)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  g_signal_emit (self, signals[MOVE_REQUESTED], 0, selection);
}

static void
card_menu_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlBoard *self = LL_BOARD (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root ? gtk_root_get_focus (root) : NULL;
  GtkWidget *row = NULL;
  Lane *lane = focus ? lane_of_widget (self, focus, &row) : NULL;

  if (lane == NULL || row == NULL)
    {
      gtk_widget_error_bell (widget);
      return;
    }
  self->active_lane = lane;
  if (!row_is_selected (row))
    select_row (row);

  graphene_point_t point;

  if (gtk_widget_compute_point (row, lane->list,
                                &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0,
                                                      gtk_widget_get_height (row) / 2.0),
                                &point))
    popup_card_menu (self, lane->list, point.x, point.y);
}

static void
focus_column (LlBoard *self,
              int      delta)
{
  guint n = self->columns ? g_list_model_get_n_items (self->columns) : 0;
  guint position = 0;
  int target;

  if (n == 0)
    return;
  if (self->active_lane != NULL && self->active_lane->column != NULL)
    find_column (self, ll_board_column_get_key (self->active_lane->column), &position);
  target = CLAMP ((int) position + delta, 0, (int) n - 1);

  g_autoptr(LlBoardColumn) column = g_list_model_get_item (self->columns, target);
  Lane *lane = g_hash_table_lookup (self->lanes, ll_board_column_get_key (column));

  gtk_widget_activate_action (self->columns_view, "list.scroll-to-item", "u", (guint) target);
  if (lane != NULL)
    focus_lane (lane);
  else
    {
      g_free (self->pending_focus_key);
      self->pending_focus_key = g_strdup (ll_board_column_get_key (column));
    }
}

static void
next_column_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  focus_column (LL_BOARD (widget), 1);
}

static void
previous_column_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  focus_column (LL_BOARD (widget), -1);
}

/* Overrides */

static void
ll_board_measure (GtkWidget      *widget,
                  GtkOrientation  orientation,
                  int             for_size,
                  int            *minimum,
                  int            *natural,
                  int            *minimum_baseline,
                  int            *natural_baseline)
{
  LlBoard *self = LL_BOARD (widget);

  gtk_widget_measure (self->scroller, orientation, for_size, minimum, natural, NULL, NULL);
}

static void
ll_board_size_allocate (GtkWidget *widget,
                        int        width,
                        int        height,
                        int        baseline)
{
  LlBoard *self = LL_BOARD (widget);

  gtk_widget_allocate (self->scroller, width, height, baseline, NULL);
  if (gtk_widget_get_visible (self->menu_popover))
    gtk_popover_present (GTK_POPOVER (self->menu_popover));
}

static void
ll_board_dispose (GObject *object)
{
  LlBoard *self = LL_BOARD (object);

  self->active_lane = NULL;
  g_clear_handle_id (&self->load_source, g_source_remove);
  g_queue_clear (&self->to_load);
  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_pointer (&self->menu_popover, gtk_widget_unparent);
  g_clear_object (&self->columns);
  g_clear_object (&self->card_factory);
  g_clear_object (&self->card_menu);
  g_clear_pointer (&self->drag, ll_board_drag_unref);
  g_clear_pointer (&self->pending_key, g_free);
  g_clear_pointer (&self->pending_focus_key, g_free);
  if (self->model_destroy != NULL)
    g_clear_pointer (&self->model_data, self->model_destroy);
  self->model_func = NULL;
  if (self->can_drop_destroy != NULL)
    g_clear_pointer (&self->can_drop_data, self->can_drop_destroy);
  self->can_drop_func = NULL;

  G_OBJECT_CLASS (ll_board_parent_class)->dispose (object);
}

static void
ll_board_finalize (GObject *object)
{
  LlBoard *self = LL_BOARD (object);

  g_clear_pointer (&self->lanes, g_hash_table_unref);

  G_OBJECT_CLASS (ll_board_parent_class)->finalize (object);
}

static void
ll_board_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LlBoard *self = LL_BOARD (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_board_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LlBoard *self = LL_BOARD (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      ll_board_set_editable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_board_class_init (LlBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_board_dispose;
  object_class->finalize = ll_board_finalize;
  object_class->get_property = ll_board_get_property;
  object_class->set_property = ll_board_set_property;

  widget_class->measure = ll_board_measure;
  widget_class->size_allocate = ll_board_size_allocate;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlBoard::drop:
   * @column_key: the key of the column dropped on
   * @drag: the cards
   * @action: %GDK_ACTION_MOVE or %GDK_ACTION_COPY
   *
   * Returns: %TRUE when handled
   */
  signals[DROP] =
    g_signal_new ("drop", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  g_signal_accumulator_true_handled, NULL, NULL,
                  G_TYPE_BOOLEAN, 3, G_TYPE_STRING, LL_TYPE_BOARD_DRAG, GDK_TYPE_DRAG_ACTION);

  /**
   * LlBoard::move-requested:
   * @selection: the selected cards of the focused column
   *
   * Ctrl+M: the keyboard path of a drag.
   */
  signals[MOVE_REQUESTED] =
    g_signal_new ("move-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, LL_TYPE_BOARD_DRAG);

  gtk_widget_class_install_action (widget_class, "board.move-to", NULL, move_to_action);
  gtk_widget_class_install_action (widget_class, "board.card-menu", NULL, card_menu_action);
  gtk_widget_class_install_action (widget_class, "board.next-column", NULL, next_column_action);
  gtk_widget_class_install_action (widget_class, "board.previous-column", NULL,
                                   previous_column_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "board.move-to", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "board.card-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK,
                                       "board.card-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, GDK_CONTROL_MASK,
                                       "board.next-column", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_CONTROL_MASK,
                                       "board.previous-column", NULL);

  gtk_widget_class_set_css_name (widget_class, "llboard");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ll_board_init (LlBoard *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  self->editable = TRUE;
  self->lanes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect (factory, "setup", G_CALLBACK (column_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (column_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (column_unbind_cb), self);

  self->columns_view = gtk_list_view_new (NULL, g_object_ref (factory));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self->columns_view), GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_add_css_class (self->columns_view, "ll-board-columns");

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller),
                                  GTK_POLICY_AUTOMATIC, GTK_POLICY_NEVER);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->columns_view);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));

  self->menu_popover = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->menu_popover), FALSE);
  gtk_widget_set_halign (self->menu_popover, GTK_ALIGN_START);
  gtk_widget_set_parent (self->menu_popover, GTK_WIDGET (self));
}

/* Public API */

/**
 * ll_board_new:
 *
 * Returns: (transfer floating): a new, empty board
 */
LlBoard *
ll_board_new (void)
{
  return g_object_new (LL_TYPE_BOARD, NULL);
}

/**
 * ll_board_set_columns:
 * @columns: (nullable): a #GListModel of #LlBoardColumn
 */
void
ll_board_set_columns (LlBoard    *self,
                      GListModel *columns)
{
  g_return_if_fail (LL_IS_BOARD (self));
  g_return_if_fail (columns == NULL || G_IS_LIST_MODEL (columns));

  if (!g_set_object (&self->columns, columns))
    return;

  if (columns != NULL)
    {
      g_autoptr(GtkNoSelection) selection = gtk_no_selection_new (g_object_ref (columns));

      gtk_list_view_set_model (GTK_LIST_VIEW (self->columns_view),
                               GTK_SELECTION_MODEL (selection));
    }
  else
    gtk_list_view_set_model (GTK_LIST_VIEW (self->columns_view), NULL);
}

GListModel *
ll_board_get_columns (LlBoard *self)
{
  g_return_val_if_fail (LL_IS_BOARD (self), NULL);

  return self->columns;
}

/**
 * ll_board_set_card_factory:
 * @factory: builds one card; the list items' items are the records of
 *   the column models
 */
void
ll_board_set_card_factory (LlBoard            *self,
                           GtkListItemFactory *factory)
{
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (LL_IS_BOARD (self));
  g_return_if_fail (factory == NULL || GTK_IS_LIST_ITEM_FACTORY (factory));

  if (!g_set_object (&self->card_factory, factory))
    return;

  g_hash_table_iter_init (&iter, self->lanes);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    gtk_list_view_set_factory (GTK_LIST_VIEW (((Lane *) value)->list), factory);
}

void
ll_board_set_column_model_func (LlBoard                *self,
                                LlBoardColumnModelFunc  func,
                                gpointer                user_data,
                                GDestroyNotify          destroy)
{
  g_return_if_fail (LL_IS_BOARD (self));

  if (self->model_destroy != NULL)
    g_clear_pointer (&self->model_data, self->model_destroy);
  self->model_func = func;
  self->model_data = user_data;
  self->model_destroy = destroy;
}

void
ll_board_set_can_drop_func (LlBoard            *self,
                            LlBoardCanDropFunc  func,
                            gpointer            user_data,
                            GDestroyNotify      destroy)
{
  g_return_if_fail (LL_IS_BOARD (self));

  if (self->can_drop_destroy != NULL)
    g_clear_pointer (&self->can_drop_data, self->can_drop_destroy);
  self->can_drop_func = func;
  self->can_drop_data = user_data;
  self->can_drop_destroy = destroy;
}

/**
 * ll_board_set_card_menu:
 * @menu: (nullable): the menu of a card; its actions act on
 *   ll_board_get_selection()
 */
void
ll_board_set_card_menu (LlBoard    *self,
                        GMenuModel *menu)
{
  g_return_if_fail (LL_IS_BOARD (self));

  if (g_set_object (&self->card_menu, menu))
    gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->menu_popover), menu);
}

gboolean
ll_board_get_editable (LlBoard *self)
{
  g_return_val_if_fail (LL_IS_BOARD (self), FALSE);

  return self->editable;
}

/**
 * ll_board_set_editable:
 *
 * Whether cards may be dragged and dropped (and moved with Ctrl+M).
 */
void
ll_board_set_editable (LlBoard  *self,
                       gboolean  editable)
{
  g_return_if_fail (LL_IS_BOARD (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-to", editable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

/**
 * ll_board_get_column_model:
 *
 * Returns: (transfer none) (nullable): the cards of the column if it is
 *   on screen, else %NULL (it has no model then)
 */
GListModel *
ll_board_get_column_model (LlBoard    *self,
                           const char *column_key)
{
  Lane *lane;

  g_return_val_if_fail (LL_IS_BOARD (self), NULL);

  lane = g_hash_table_lookup (self->lanes, column_key);
  return lane ? lane->model : NULL;
}

/**
 * ll_board_reload_column:
 *
 * Asks the column model function again for a column on screen (for
 * example after the owner's filter changed).
 */
void
ll_board_reload_column (LlBoard    *self,
                        const char *column_key)
{
  Lane *lane;

  g_return_if_fail (LL_IS_BOARD (self));

  lane = g_hash_table_lookup (self->lanes, column_key);
  if (lane == NULL || lane->column == NULL || self->model_func == NULL)
    return;

  g_autoptr(GListModel) model = self->model_func (self, lane->column, self->model_data);

  lane_set_model (lane, model);
}

/**
 * ll_board_get_selection:
 *
 * Returns: (transfer full): the selected cards of the column last used
 *   (focused, clicked or dragged from); empty when none
 */
LlBoardDrag *
ll_board_get_selection (LlBoard *self)
{
  g_return_val_if_fail (LL_IS_BOARD (self), NULL);

  if (self->active_lane != NULL)
    return lane_get_selection (self->active_lane);
  return ll_board_drag_new (NULL, NULL, 0);
}

/**
 * ll_board_scroll_to_column:
 *
 * Returns: %FALSE when no column has @column_key
 */
gboolean
ll_board_scroll_to_column (LlBoard    *self,
                           const char *column_key)
{
  guint position;

  g_return_val_if_fail (LL_IS_BOARD (self), FALSE);

  if (!find_column (self, column_key, &position))
    return FALSE;
  gtk_widget_activate_action (self->columns_view, "list.scroll-to-item", "u", position);
  return TRUE;
}

/**
 * ll_board_focus_column:
 *
 * Scrolls to the column and moves the keyboard focus into its cards.
 *
 * Returns: %FALSE when no column has @column_key
 */
gboolean
ll_board_focus_column (LlBoard    *self,
                       const char *column_key)
{
  Lane *lane;

  g_return_val_if_fail (LL_IS_BOARD (self), FALSE);

  if (!ll_board_scroll_to_column (self, column_key))
    return FALSE;
  lane = g_hash_table_lookup (self->lanes, column_key);
  if (lane != NULL)
    focus_lane (lane);
  else
    {
      g_free (self->pending_focus_key);
      self->pending_focus_key = g_strdup (column_key);
    }
  return TRUE;
}

/**
 * ll_board_select_card:
 *
 * Scrolls to the column and selects the card alone, as soon as both are
 * shown (the column's model may still be loading).
 *
 * Returns: %FALSE when no column has @column_key
 */
gboolean
ll_board_select_card (LlBoard    *self,
                      const char *column_key,
                      gint64      card_id)
{
  Lane *lane;

  g_return_val_if_fail (LL_IS_BOARD (self), FALSE);

  if (!ll_board_scroll_to_column (self, column_key))
    return FALSE;

  g_free (self->pending_key);
  self->pending_key = g_strdup (column_key);
  self->pending_id = card_id;

  lane = g_hash_table_lookup (self->lanes, column_key);
  if (lane != NULL)
    apply_pending_select (self, lane);
  return TRUE;
}

/**
 * ll_board_get_card_position:
 * @x: (out): the centre of the card, in the board's coordinates
 * @y: (out)
 *
 * Where a selected card is drawn (for tests that drag it with the
 * pointer): select it first with ll_board_select_card() and let the
 * board draw a frame.
 *
 * Returns: %FALSE when the card is not selected and on screen
 */
gboolean
ll_board_get_card_position (LlBoard    *self,
                            const char *column_key,
                            gint64      card_id,
                            double     *x,
                            double     *y)
{
  Lane *lane;
  guint position;

  g_return_val_if_fail (LL_IS_BOARD (self), FALSE);

  lane = g_hash_table_lookup (self->lanes, column_key);
  if (lane == NULL || lane->model == NULL || !card_position (lane->model, card_id, &position)
      || !gtk_selection_model_is_selected (GTK_SELECTION_MODEL (lane->selection), position))
    return FALSE;

  g_autoptr(GtkBitset) set =
    gtk_selection_model_get_selection (GTK_SELECTION_MODEL (lane->selection));

  if (gtk_bitset_get_size (set) != 1)
    return FALSE;

  for (GtkWidget *row = gtk_widget_get_first_child (lane->list);
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      graphene_point_t point;

      if (!gtk_widget_get_mapped (row) || !row_is_selected (row))
        continue;
      if (!gtk_widget_compute_point (row, GTK_WIDGET (self),
                                     &GRAPHENE_POINT_INIT (gtk_widget_get_width (row) / 2.0,
                                                           gtk_widget_get_height (row) / 2.0),
                                     &point))
        return FALSE;
      *x = point.x;
      *y = point.y;
      return TRUE;
    }
  return FALSE;
}

/**
 * ll_board_get_column_widget:
 *
 * Returns: (transfer none) (nullable): the widget of the column (header
 *   and cards), while it is on screen
 */
GtkWidget *
ll_board_get_column_widget (LlBoard    *self,
                            const char *column_key)
{
  Lane *lane;

  g_return_val_if_fail (LL_IS_BOARD (self), NULL);

  lane = g_hash_table_lookup (self->lanes, column_key);
  return lane ? lane->box : NULL;
}

/**
 * ll_board_get_current_drag:
 *
 * Returns: (transfer none) (nullable): what is being dragged now
 */
LlBoardDrag *
ll_board_get_current_drag (LlBoard *self)
{
  g_return_val_if_fail (LL_IS_BOARD (self), NULL);

  return self->drag;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-board"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-case-action-dialog.h"
#include "ll-case-board.h"
#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-department-store.h"
#include "ll-enums.h"
#include "ll-query-model.h"
#include "ll-search.h"
#include "ll-validate.h"

/* The case board (看板), a view of the Cases page: one column per
 * workflow state, or one per department, each a GtkListView of cards
 * over an LlQueryModel with the page's filters and search, so that the
 * Closed column's 400,000 cards cost no more than 40. The columns
 * themselves are the rows of a horizontal GtkListView: a column's
 * widgets and, when grouped by department, its model exist only while
 * it is on screen.
 *
 * Moving a card is the workflow step that leads to the column, as the
 * detail pane's buttons do: ll_case_workflow_action_for_status() and
 * ll_case_workflow_action_for_department() say which step, or why not.
 * A step that needs input opens the same LlCaseActionDialog; closing it
 * leaves the cards where they were, since nothing is moved before the
 * step is stored. Several cards move with the values entered for the
 * first, all in one transaction. The workflow has no step back (each
 * step is a line of the case's history), so a move has no Undo. */

#define COLUMN_WIDTH 264

typedef struct
{
  LlCaseBoard       *board;        /* borrowed */
  guint              index;
  char              *status;       /* by status */
  gint64             department_id;  /* by department; 0: none yet */
  char              *label;
  LlQueryModel      *model;        /* nullable: only while shown, by department */
  GtkMultiSelection *selection;
  GtkWidget         *widget;       /* the column's box while shown, borrowed */
} Column;

struct _LlCaseBoard
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  GtkToggleButton     *status_toggle;
  GtkToggleButton     *department_toggle;
  GtkLabel            *hint_label;
  GtkScrolledWindow   *scrolled_window;
  GtkListView         *columns_view;
  GtkPopover          *move_popover;
  GtkLabel            *move_title;
  GtkListBox          *move_list;
  GtkLabel            *move_none;

  /* Owned */
  LlDatabase          *db;
  GListStore          *column_items;   /* LlChoice: id is the column's index */
  GPtrArray           *columns;        /* Column */
  GtkListItemFactory  *card_factory;
  LlCaseFilter         filter;         /* strings owned */
  char                *search_text;
  GArray              *drag_ids;       /* gint64: the cards being dragged */
  LlCase              *drag_case;      /* the card under the pointer */
  GArray              *move_ids;       /* gint64: the cards Ctrl+M moves */
  LlCaseBoardGrouping  grouping;
  LlCaseSort           sort;
  gboolean             descending;
  gboolean             editable;
  gboolean             has_query;
  gboolean             shown;
  guint                active_column;
  AdwToast            *toast;          /* weak: the last one shown */
  gint64               follow_id;      /* a moved card, selected once it shows */
  gint64               move_started;
  guint                update_source;
  gulong               changed_handler;
};

enum {
  PROP_0,
  PROP_EDITABLE,
  PROP_LOADING,
  N_PROPS
};

enum {
  SHOW_CASE,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlCaseBoard, ll_case_board, GTK_TYPE_WIDGET)

static void column_query              (LlCaseBoard *self,
                                       Column      *column);
static void column_drop_model         (Column      *column);

/* Helpers ------------------------------------------------------------------ */

static void
column_free (Column *column)
{
  if (column->model != NULL)
    g_signal_handlers_disconnect_by_data (column->model, column);
  if (column->selection != NULL)
    g_signal_handlers_disconnect_by_data (column->selection, column);
  g_clear_object (&column->selection);
  g_clear_object (&column->model);
  g_free (column->status);
  g_free (column->label);
  g_free (column);
}

static void
filter_clear (LlCaseFilter *filter)
{
  LlCaseFilter none = LL_CASE_FILTER_INIT;

  g_free ((char *) filter->status);
  g_free ((char *) filter->category);
  g_free ((char *) filter->source);
  g_free ((char *) filter->received_from);
  g_free ((char *) filter->received_to);
  *filter = none;
}

static void
filter_copy (LlCaseFilter       *to,
             const LlCaseFilter *from)
{
  filter_clear (to);
  *to = *from;
  to->status = g_strdup (from->status);
  to->category = g_strdup (from->category);
  to->source = g_strdup (from->source);
  to->received_from = g_strdup (from->received_from);
  to->received_to = g_strdup (from->received_to);
}

static Column *
get_column (LlCaseBoard *self,
            guint        index)
{
  if (self->columns == NULL || index >= self->columns->len)
    return NULL;
  return g_ptr_array_index (self->columns, index);
}

static void
show_toast (LlCaseBoard *self,
            const char  *title)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  g_debug ("Toast: %s", title);
  if (overlay == NULL)
    return;

  /* The newest says what happened last; the one before goes. */
  if (self->toast != NULL)
    adw_toast_dismiss (self->toast);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 8);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_set_weak_pointer (&self->toast, toast);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The case as the board shows it, when a column has it loaded. */
static LlCase *
shown_case (LlCaseBoard *self,
            gint64       id)
{
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      guint position;

      if (column->model != NULL &&
          ll_query_model_get_position_of_id (column->model, id, &position))
        return g_list_model_get_item (G_LIST_MODEL (column->model), position);
    }

  return NULL;
}

/* Which step a move of @kase to @column is, or why there is none. */
static gboolean
action_for_column (LlCaseBoard   *self,
                   LlCase        *kase,
                   Column        *column,
                   LlCaseAction  *action,
                   char         **reason)
{
  if (self->grouping == LL_CASE_BOARD_BY_STATUS)
    return ll_case_workflow_action_for_status (kase, column->status, action, reason);

  return ll_case_workflow_action_for_department (kase, column->department_id, column->label,
                                                 action, reason);
}

static gboolean
in_column (LlCaseBoard *self,
           LlCase      *kase,
           Column      *column)
{
  if (self->grouping == LL_CASE_BOARD_BY_STATUS)
    return g_strcmp0 (ll_case_get_status (kase), column->status) == 0;
  return ll_case_get_department_id (kase) == column->department_id;
}

static GArray *
selected_ids (Column *column)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GtkBitset) selected = NULL;
  GtkBitsetIter iter;
  guint position;

  if (column == NULL || column->selection == NULL)
    return ids;

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (column->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &position);
       ok;
       ok = gtk_bitset_iter_next (&iter, &position))
    {
      gint64 id = ll_query_model_get_id (column->model, position);

      if (id > 0)
        g_array_append_val (ids, id);
    }

  return ids;
}

static void
update_count (Column *column)
{
  GtkLabel *count;
  guint n;
  g_autofree char *text = NULL;

  if (column->widget == NULL)
    return;

  count = g_object_get_data (G_OBJECT (column->widget), "count-label");
  if (column->model == NULL)
    {
      gtk_label_set_text (count, "");
      gtk_widget_set_visible (g_object_get_data (G_OBJECT (column->widget), "empty-label"), FALSE);
      return;
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (column->model));
  text = g_strdup_printf ("%'u", n);
  gtk_label_set_text (count, text);
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (column->widget), "empty-label"),
                          n == 0 && !ll_query_model_get_loading (column->model));
}

/* Highlights the columns a dragged card may go to. */
static void
mark_targets (LlCaseBoard *self,
              Column      *column)
{
  LlCaseAction action;
  gboolean legal;

  if (column->widget == NULL)
    return;

  gtk_widget_remove_css_class (column->widget, "case-board-legal");
  gtk_widget_remove_css_class (column->widget, "case-board-illegal");
  if (self->drag_case == NULL || in_column (self, self->drag_case, column))
    return;

  legal = action_for_column (self, self->drag_case, column, &action, NULL);
  gtk_widget_add_css_class (column->widget, legal ? "case-board-legal" : "case-board-illegal");
}

static void
mark_all_targets (LlCaseBoard *self)
{
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    mark_targets (self, g_ptr_array_index (self->columns, i));
}

/* Selects the moved card in its new column once it is there. */
static void
follow (LlCaseBoard *self,
        Column      *column)
{
  guint position;
  GtkWidget *list_view;

  if (self->follow_id == 0 || column->model == NULL ||
      !ll_query_model_get_position_of_id (column->model, self->follow_id, &position))
    return;

  if (self->move_started != 0)
    {
      g_debug ("Case board: move shown after %.1f ms",
               (g_get_monotonic_time () - self->move_started) / 1000.0);
      self->move_started = 0;
    }

  self->follow_id = 0;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (column->selection), position, TRUE);
  if (column->widget != NULL)
    {
      list_view = g_object_get_data (G_OBJECT (column->widget), "list-view");
      gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
    }
}

/* Columns ------------------------------------------------------------------ */

static void
column_items_changed_cb (Column *column)
{
  update_count (column);
  follow (column->board, column);
}

static void
column_loading_cb (Column *column)
{
  update_count (column);
  g_object_notify_by_pspec (G_OBJECT (column->board), properties[PROP_LOADING]);
}

static void
column_selection_changed_cb (Column *column)
{
  LlCaseBoard *self = column->board;
  g_autoptr(GArray) ids = selected_ids (column);

  if (ids->len == 0)
    return;

  /* One column's selection at a time: what Ctrl+M and a drag move. */
  self->active_column = column->index;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *other = g_ptr_array_index (self->columns, i);

      if (other != column && other->selection != NULL)
        gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (other->selection));
    }

  if (ids->len == 1)
    g_signal_emit (self, signals[SHOW_CASE], 0, g_array_index (ids, gint64, 0));
}

static void
column_ensure_model_only (LlCaseBoard *self,
                          Column      *column)
{
  static const char * const watched[] = { "cases", "stations", "departments", NULL };

  if (column->model != NULL || self->db == NULL)
    return;

  column->model = ll_query_model_new (self->db, LL_TYPE_CASE, ll_case_store_load_many, watched);
  column->selection = gtk_multi_selection_new (g_object_ref (G_LIST_MODEL (column->model)));
  g_signal_connect_swapped (column->model, "items-changed",
                            G_CALLBACK (column_items_changed_cb), column);
  g_signal_connect_swapped (column->model, "notify::loading",
                            G_CALLBACK (column_loading_cb), column);
  g_signal_connect_swapped (column->selection, "selection-changed",
                            G_CALLBACK (column_selection_changed_cb), column);
}

static void
column_ensure_model (LlCaseBoard *self,
                     Column      *column)
{
  if (column->model != NULL || self->db == NULL)
    return;

  column_ensure_model_only (self, column);
  column_query (self, column);
}

static void
column_drop_model (Column *column)
{
  if (column->model != NULL)
    g_signal_handlers_disconnect_by_data (column->model, column);
  if (column->selection != NULL)
    g_signal_handlers_disconnect_by_data (column->selection, column);
  g_clear_object (&column->selection);
  g_clear_object (&column->model);
}

/* The column's cases: the page's filters and search, and the column's
 * state or department. */
static void
column_query (LlCaseBoard *self,
              Column      *column)
{
  LlCaseFilter filter = self->filter;
  g_autoptr(GArray) params = NULL;
  g_autofree char *sql = NULL;

  if (column->model == NULL || !self->has_query)
    return;

  filter.search = self->search_text;
  params = ll_search_params_new ();

  if (self->grouping == LL_CASE_BOARD_BY_STATUS)
    {
      /* A status filter in the page leaves the other columns empty: a
       * model that never runs a query. */
      if (filter.status != NULL && g_strcmp0 (filter.status, column->status) != 0)
        {
          gboolean shown = column->widget != NULL;
          GtkWidget *list_view = shown ? g_object_get_data (G_OBJECT (column->widget), "list-view")
                                       : NULL;

          column_drop_model (column);
          column_ensure_model_only (self, column);
          if (list_view != NULL)
            gtk_list_view_set_model (GTK_LIST_VIEW (list_view),
                                     GTK_SELECTION_MODEL (column->selection));
          update_count (column);
          return;
        }
      filter.status = column->status;
      sql = ll_case_store_build_query (&filter, self->sort, self->descending, params);
    }
  else if (column->department_id > 0)
    {
      filter.department_id = column->department_id;
      sql = ll_case_store_build_query (&filter, self->sort, self->descending, params);
    }
  else
    {
      /* Not assigned yet: the registered cases, the ones a drop on a
       * department assigns. */
      if (filter.status != NULL && !g_str_equal (filter.status, "registered"))
        filter.department_id = -1;
      filter.status = "registered";
      sql = ll_case_store_build_query (&filter, self->sort, self->descending, params);
    }

  ll_query_model_set_query (column->model, sql, (const GValue *) (gpointer) params->data,
                            params->len);
}

static void
rebuild_columns (LlCaseBoard *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);

  /* The shown columns' widgets forget the old columns first. */
  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (column->widget != NULL)
        g_object_set_data (G_OBJECT (column->widget), "column", NULL);
      column->widget = NULL;
    }
  g_list_store_remove_all (self->column_items);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);
  self->active_column = 0;

  if (self->db == NULL)
    return;

  if (self->grouping == LL_CASE_BOARD_BY_STATUS)
    {
      const char * const *keys = ll_enum_get_keys (LL_ENUM_CASE_STATUS);

      for (guint i = 0; keys[i] != NULL; i++)
        {
          Column *column = g_new0 (Column, 1);

          column->board = self;
          column->index = i;
          column->status = g_strdup (keys[i]);
          column->label = g_strdup (ll_enum_get_label (LL_ENUM_CASE_STATUS, keys[i]));
          g_ptr_array_add (self->columns, column);
        }
    }
  else
    {
      g_autoptr(GPtrArray) departments = NULL;
      g_autoptr(GError) error = NULL;
      Column *none = g_new0 (Column, 1);

      none->board = self;
      none->label = g_strdup (_("Not Assigned Yet"));
      g_ptr_array_add (self->columns, none);

      departments = ll_department_store_list (self->db, FALSE, &error);
      if (departments == NULL)
        g_warning ("Cannot list the departments: %s", error->message);
      for (guint i = 0; departments != NULL && i < departments->len; i++)
        {
          LlDepartment *department = g_ptr_array_index (departments, i);
          Column *column = g_new0 (Column, 1);

          column->board = self;
          column->index = self->columns->len;
          column->department_id = ll_department_get_id (department);
          column->label = g_strdup (ll_department_get_name (department));
          g_ptr_array_add (self->columns, column);
        }
    }

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      g_ptr_array_add (items, ll_choice_new (i, column->status, column->label));
      /* The few state columns keep their models while the board is
       * shown: the counts on their headers. */
      if (self->grouping == LL_CASE_BOARD_BY_STATUS && self->shown)
        column_ensure_model (self, column);
    }

  g_list_store_splice (self->column_items, 0, 0, items->pdata, items->len);
}

/* Cards -------------------------------------------------------------------- */

static Column *
card_column (LlCaseBoard *self,
             GtkWidget   *card)
{
  GtkWidget *list_view = gtk_widget_get_ancestor (card, GTK_TYPE_LIST_VIEW);
  GtkWidget *column_box = list_view != NULL ? g_object_get_data (G_OBJECT (list_view), "column-box")
                                            : NULL;

  return column_box != NULL ? g_object_get_data (G_OBJECT (column_box), "column") : NULL;
}

static GdkContentProvider *
card_drag_prepare_cb (GtkDragSource *source,
                      double         x,
                      double         y,
                      LlCaseBoard   *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (card), "list-item");
  LlCase *kase = list_item != NULL ? gtk_list_item_get_item (list_item) : NULL;
  Column *column = card_column (self, card);
  guint position;

  if (!self->editable || kase == NULL || column == NULL)
    return NULL;

  position = gtk_list_item_get_position (list_item);
  g_clear_pointer (&self->drag_ids, g_array_unref);

  /* A selected card takes the column's other selected cards along. */
  if (gtk_selection_model_is_selected (GTK_SELECTION_MODEL (column->selection), position))
    self->drag_ids = selected_ids (column);
  else
    {
      gint64 id = ll_case_get_id (kase);

      self->drag_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (self->drag_ids, id);
    }

  g_set_object (&self->drag_case, kase);

  return gdk_content_provider_new_typed (LL_TYPE_CASE, kase);
}

static void
card_drag_begin_cb (GtkDragSource *source,
                    GdkDrag       *drag,
                    LlCaseBoard   *self)
{
  GtkWidget *card = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (source));
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (card);

  gtk_drag_source_set_icon (source, paintable, 16, 16);
  mark_all_targets (self);
}

static void
card_drag_end_cb (GtkDragSource *source,
                  GdkDrag       *drag,
                  gboolean       delete_data,
                  LlCaseBoard   *self)
{
  g_clear_object (&self->drag_case);
  mark_all_targets (self);
}

static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LlCaseBoard              *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *serial = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (_("Fast track"));
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *station = gtk_label_new (NULL);
  GtkWidget *overdue = gtk_image_new_from_icon_name ("alarm-symbolic");
  GtkWidget *deadline = gtk_label_new (NULL);
  GtkDragSource *source = gtk_drag_source_new ();

  /* Not libadwaita's .card: its blurred shadows cost a software
   * renderer (Xvfb, remote desktops) most of a frame per column. */
  gtk_widget_add_css_class (card, "case-card");

  gtk_label_set_xalign (GTK_LABEL (serial), 0);
  gtk_widget_set_hexpand (serial, TRUE);
  gtk_widget_add_css_class (serial, "caption");
  gtk_widget_add_css_class (serial, "dim-label");
  gtk_widget_add_css_class (serial, "numeric");
  gtk_widget_add_css_class (badge, "case-card-fast-track");
  gtk_widget_add_css_class (badge, "caption");
  gtk_box_append (GTK_BOX (top), serial);
  gtk_box_append (GTK_BOX (top), badge);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (title), 2);
  gtk_label_set_width_chars (GTK_LABEL (title), 18);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 18);
  gtk_widget_add_css_class (title, "case-card-title");

  gtk_label_set_xalign (GTK_LABEL (station), 0);
  gtk_label_set_ellipsize (GTK_LABEL (station), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (station, TRUE);
  gtk_widget_add_css_class (station, "caption");
  gtk_widget_add_css_class (station, "dim-label");
  gtk_widget_add_css_class (overdue, "case-overdue");
  gtk_label_set_xalign (GTK_LABEL (deadline), 1);
  gtk_widget_add_css_class (deadline, "caption");
  gtk_widget_add_css_class (deadline, "numeric");
  gtk_box_append (GTK_BOX (bottom), station);
  gtk_box_append (GTK_BOX (bottom), overdue);
  gtk_box_append (GTK_BOX (bottom), deadline);

  gtk_box_append (GTK_BOX (card), top);
  gtk_box_append (GTK_BOX (card), title);
  gtk_box_append (GTK_BOX (card), bottom);

  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (card_drag_prepare_cb), self, 0);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (card_drag_begin_cb), self, 0);
  g_signal_connect_object (source, "drag-end", G_CALLBACK (card_drag_end_cb), self, 0);
  gtk_widget_add_controller (card, GTK_EVENT_CONTROLLER (source));

  g_object_set_data (G_OBJECT (card), "list-item", list_item);
  g_object_set_data (G_OBJECT (card), "serial", serial);
  g_object_set_data (G_OBJECT (card), "badge", badge);
  g_object_set_data (G_OBJECT (card), "title", title);
  g_object_set_data (G_OBJECT (card), "station", station);
  g_object_set_data (G_OBJECT (card), "overdue", overdue);
  g_object_set_data (G_OBJECT (card), "deadline", deadline);

  gtk_list_item_set_child (list_item, card);
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LlCaseBoard              *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);
  LlCase *kase = gtk_list_item_get_item (list_item);
  GtkWidget *overdue = g_object_get_data (G_OBJECT (card), "overdue");
  GtkWidget *deadline = g_object_get_data (G_OBJECT (card), "deadline");
  const char *date;
  gboolean late;
  g_autofree char *description = NULL;
  g_autofree char *tooltip = NULL;

  if (kase == NULL)
    return;

  late = ll_case_get_overdue (kase);
  date = ll_case_get_status (kase) != NULL &&
         (g_str_equal (ll_case_get_status (kase), "assigned") ||
          g_str_equal (ll_case_get_status (kase), "in_progress"))
         ? ll_case_get_deadline (kase) : NULL;

  gtk_label_set_text (g_object_get_data (G_OBJECT (card), "serial"), ll_case_get_serial (kase));
  gtk_label_set_text (g_object_get_data (G_OBJECT (card), "title"), ll_case_get_title (kase));
  gtk_label_set_text (g_object_get_data (G_OBJECT (card), "station"),
                      ll_case_get_station_name (kase) != NULL ? ll_case_get_station_name (kase) : "");
  gtk_widget_set_visible (g_object_get_data (G_OBJECT (card), "badge"),
                          ll_case_get_fast_track (kase));

  gtk_widget_set_visible (overdue, late);
  gtk_widget_set_visible (deadline, date != NULL);
  gtk_label_set_text (GTK_LABEL (deadline), date != NULL ? date : "");
  if (late)
    {
      gtk_widget_add_css_class (deadline, "case-overdue");
      /* Translators: %s is the date a department's reply was due */
      tooltip = g_strdup_printf (_("Overdue: the reply was due on %s"), date);
    }
  else
    {
      gtk_widget_remove_css_class (deadline, "case-overdue");
      if (date != NULL)
        /* Translators: %s is the date a department's reply is due */
        tooltip = g_strdup_printf (_("Reply due on %s"), date);
    }
  gtk_widget_set_tooltip_text (deadline, tooltip);
  gtk_widget_set_tooltip_text (overdue, tooltip);

  description = g_strdup_printf ("%s %s", ll_case_get_serial (kase), ll_case_get_title (kase));
  gtk_accessible_update_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description, -1);
  gtk_widget_set_name (card, ll_case_get_serial (kase));
}

/* Column widgets ------------------------------------------------------------ */

static void
show_column_model (LlCaseBoard *self,
                   Column      *column,
                   gboolean     shown)
{
  GtkListView *list_view;

  if (column->widget == NULL)
    return;

  list_view = g_object_get_data (G_OBJECT (column->widget), "list-view");
  if (shown && self->shown)
    {
      column_ensure_model (self, column);
      if (gtk_list_view_get_model (list_view) != GTK_SELECTION_MODEL (column->selection))
        gtk_list_view_set_model (list_view, GTK_SELECTION_MODEL (column->selection));
    }
  else if (self->grouping == LL_CASE_BOARD_BY_DEPARTMENT && column->model != NULL)
    {
      gtk_list_view_set_model (list_view, NULL);
      column_drop_model (column);
    }
  update_count (column);
}

/* GTK 4.8's list views keep up to 200 rows bound, on screen or not: a
 * department's column gets its model (a query and a worker connection)
 * only while it is on screen. */
static gboolean
column_on_screen (LlCaseBoard *self,
                  Column      *column)
{
  graphene_rect_t bounds;
  int width = gtk_widget_get_width (GTK_WIDGET (self->scrolled_window));

  if (column->widget == NULL || !gtk_widget_get_mapped (column->widget) ||
      !gtk_widget_compute_bounds (column->widget, GTK_WIDGET (self->scrolled_window), &bounds))
    return FALSE;

  return bounds.origin.x + bounds.size.width > 0 && bounds.origin.x < width;
}

static gboolean
update_columns_cb (gpointer data)
{
  LlCaseBoard *self = data;

  self->update_source = 0;
  if (!self->shown)
    return G_SOURCE_REMOVE;

  for (guint i = 0; self->columns != NULL && i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (column->widget != NULL)
        show_column_model (self, column, self->grouping == LL_CASE_BOARD_BY_STATUS ||
                                         column_on_screen (self, column));
    }

  return G_SOURCE_REMOVE;
}

static void
queue_update_columns (LlCaseBoard *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add (update_columns_cb, self);
}

static gboolean
column_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                LlCaseBoard   *self);

static void
card_activate_cb (GtkListView *list_view,
                  guint        position,
                  GtkWidget   *column_box)
{
  Column *column = g_object_get_data (G_OBJECT (column_box), "column");
  gint64 id;

  if (column == NULL || column->model == NULL)
    return;

  id = ll_query_model_get_id (column->model, position);
  if (id > 0)
    g_signal_emit (column->board, signals[SHOW_CASE], 0, id);
}

static void
column_setup_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 LlCaseBoard              *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *overlay = gtk_overlay_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list_view = gtk_list_view_new (NULL, g_object_ref (self->card_factory));
  GtkWidget *empty = gtk_label_new (_("No cases"));
  GtkDropTarget *target = gtk_drop_target_new (LL_TYPE_CASE, GDK_ACTION_MOVE);

  gtk_widget_set_size_request (box, COLUMN_WIDTH, -1);
  gtk_widget_add_css_class (box, "case-board-column");

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_add_css_class (count, "case-board-count");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (header, "case-board-header");
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (GTK_BOX (header), count);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list_view), FALSE);
  gtk_widget_add_css_class (list_view, "case-board-cards");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list_view);
  g_signal_connect (list_view, "activate", G_CALLBACK (card_activate_cb), box);
  g_object_set_data (G_OBJECT (list_view), "column-box", box);

  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_valign (empty, GTK_ALIGN_START);
  gtk_widget_set_margin_top (empty, 24);
  gtk_widget_set_can_target (empty, FALSE);
  gtk_overlay_set_child (GTK_OVERLAY (overlay), scrolled);
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), empty);

  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), overlay);

  g_signal_connect_object (target, "drop", G_CALLBACK (column_drop_cb), self, 0);
  gtk_widget_add_controller (box, GTK_EVENT_CONTROLLER (target));

  g_object_set_data (G_OBJECT (box), "title-label", title);
  g_object_set_data (G_OBJECT (box), "count-label", count);
  g_object_set_data (G_OBJECT (box), "empty-label", empty);
  g_object_set_data (G_OBJECT (box), "list-view", list_view);

  gtk_list_item_set_activatable (list_item, FALSE);
  gtk_list_item_set_selectable (list_item, FALSE);
  gtk_list_item_set_child (list_item, box);
}

static void
column_bind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LlCaseBoard              *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  LlChoice *choice = gtk_list_item_get_item (list_item);
  Column *column = get_column (self, ll_choice_get_id (choice));
  GtkWidget *list_view = g_object_get_data (G_OBJECT (box), "list-view");
  g_autofree char *name = NULL;

  if (column == NULL)
    return;

  column->widget = box;
  g_object_set_data (G_OBJECT (box), "column", column);
  gtk_label_set_text (g_object_get_data (G_OBJECT (box), "title-label"), column->label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  column->label, -1);
  name = column->status != NULL
         ? g_strdup_printf ("board-column-%s", column->status)
         : g_strdup_printf ("board-column-%" G_GINT64_FORMAT, column->department_id);
  gtk_widget_set_name (box, name);

  if (self->grouping == LL_CASE_BOARD_BY_STATUS)
    show_column_model (self, column, TRUE);
  else
    queue_update_columns (self);
  update_count (column);
  mark_targets (self, column);
}

static void
column_unbind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  LlCaseBoard              *self)
{
  GtkWidget *box = gtk_list_item_get_child (list_item);
  Column *column = g_object_get_data (G_OBJECT (box), "column");
  GtkWidget *list_view = g_object_get_data (G_OBJECT (box), "list-view");

  gtk_list_view_set_model (GTK_LIST_VIEW (list_view), NULL);
  gtk_widget_remove_css_class (box, "case-board-legal");
  gtk_widget_remove_css_class (box, "case-board-illegal");
  g_object_set_data (G_OBJECT (box), "column", NULL);
  if (column == NULL)
    return;

  column->widget = NULL;
  /* A department's column off screen keeps no model (and no worker
   * connection); there may be hundreds. */
  if (self->grouping == LL_CASE_BOARD_BY_DEPARTMENT)
    column_drop_model (column);
}

/* Moving ---------------------------------------------------------------------- */

typedef struct
{
  GPtrArray    *cases;     /* LlCase: the rest, as stored now */
  LlCaseAction  action;
  LlCase       *done;      /* the first, as its dialog stored it */
} MoveRest;

static gboolean
move_rest_func (LlDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  MoveRest *data = user_data;
  LlCase *done = data->done;

  for (guint i = 0; i < data->cases->len; i++)
    {
      LlCase *kase = g_ptr_array_index (data->cases, i);
      gboolean ok = FALSE;

      switch (data->action)
        {
        case LL_CASE_ACTION_ASSIGN:
          ok = ll_case_workflow_assign (db, kase, ll_case_get_handling_mode (done),
                                        ll_case_get_department_id (done),
                                        ll_case_get_deadline (done),
                                        ll_case_get_assigned_on (done), error);
          break;
        case LL_CASE_ACTION_START:
          ok = ll_case_workflow_start (db, kase, error);
          break;
        case LL_CASE_ACTION_REPLY:
          ok = ll_case_workflow_reply (db, kase, ll_case_get_reply_text (done),
                                       ll_case_get_replied_on (done), error);
          break;
        case LL_CASE_ACTION_CLOSE:
          ok = ll_case_workflow_close (db, kase, ll_case_get_satisfaction (done),
                                       ll_case_get_follow_up_note (done),
                                       ll_case_get_closed_on (done), error);
          break;
        case LL_CASE_ACTION_REOPEN:
          ok = ll_case_workflow_reopen (db, kase, ll_case_get_deadline (done), error);
          break;
        case LL_CASE_ACTION_MERGE:
        case LL_CASE_ACTION_LOOK_BACK:
        case LL_N_CASE_ACTIONS:
        default:
          g_assert_not_reached ();
        }

      if (!ok)
        {
          g_prefix_error (error, "%s: ", ll_case_get_serial (kase));
          return FALSE;
        }
    }

  return TRUE;
}

static void
moved (LlCaseBoard *self,
       LlCase      *first,
       guint        n,
       Column      *column)
{
  g_autofree char *message = NULL;

  if (n == 1)
    /* Translators: the first %s is a case's serial number, the second a
     * status or a department */
    message = g_strdup_printf (_("%s moved to “%s”"), ll_case_get_serial (first), column->label);
  else
    /* Translators: %s is a status or a department */
    message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u case moved to “%s”",
                                            "%u cases moved to “%s”", n),
                               n, column->label);
  show_toast (self, message);

  self->follow_id = ll_case_get_id (first);
  follow (self, column);
}

/* Takes @cases (as stored now) through @action, the first with the
 * values entered in its dialog (@done) or none; one transaction. */
static gboolean
move_cases (LlCaseBoard  *self,
            GPtrArray    *cases,
            LlCaseAction  action,
            LlCase       *done)
{
  g_autoptr(GError) error = NULL;
  MoveRest data = { cases, action, done };

  if (cases->len == 0)
    return TRUE;

  if (!ll_database_write (self->db, move_rest_func, &data, &error))
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT))
        show_toast (self, _("Someone else changed one of these cases meanwhile; nothing was "
                            "moved. The board shows them as they are now."));
      else
        show_toast (self, error->message);
      for (guint i = 0; i < self->columns->len; i++)
        {
          Column *column = g_ptr_array_index (self->columns, i);

          if (column->model != NULL)
            ll_query_model_refresh (column->model);
        }
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  LlCaseBoard *board;
  GPtrArray   *rest;     /* LlCase */
  guint        column;
} DialogMove;

static void
dialog_move_free (DialogMove *move)
{
  g_clear_object (&move->board);
  g_clear_pointer (&move->rest, g_ptr_array_unref);
  g_free (move);
}

static void
dialog_done_cb (LlCaseActionDialog *dialog,
                LlCase             *kase,
                DialogMove         *move)
{
  LlCaseBoard *self = move->board;
  Column *column = get_column (self, move->column);

  if (column == NULL)
    return;

  if (move_cases (self, move->rest, ll_case_action_dialog_get_action (dialog), kase))
    moved (self, kase, move->rest->len + 1, column);
  else
    moved (self, kase, 1, column);
}

/* Chooses @department_id in the Assign dialog, as the user would. */
static void
preselect_department (GtkWidget *dialog,
                      gint64     department_id)
{
  GtkWidget *dropdown = NULL;
  GListModel *model;

  for (GtkWidget *widget = gtk_widget_get_first_child (dialog); widget != NULL;)
    {
      if (GTK_IS_DROP_DOWN (widget) && g_str_equal (gtk_widget_get_name (widget), "department"))
        {
          dropdown = widget;
          break;
        }
      if (gtk_widget_get_first_child (widget) != NULL)
        widget = gtk_widget_get_first_child (widget);
      else
        {
          while (widget != NULL && widget != dialog && gtk_widget_get_next_sibling (widget) == NULL)
            widget = gtk_widget_get_parent (widget);
          widget = widget != NULL && widget != dialog ? gtk_widget_get_next_sibling (widget) : NULL;
        }
    }

  if (dropdown == NULL)
    return;

  model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (LL_IS_CHOICE (item) && ll_choice_get_id (LL_CHOICE (item)) == department_id)
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }
}

/* Public API -------------------------------------------------------------------- */

/**
 * ll_case_board_move:
 * @case_ids: (array length=n_case_ids): the cases, all in one column
 * @column: the column to move them to
 *
 * What a drop of the cards on @column does, and “Move to…”: the step
 * that leads there, with its dialog when it needs input; refused with
 * the workflow's reason (a toast) when illegal, or with the conflict
 * message when a case changed since the board showed it.
 */
void
ll_case_board_move (LlCaseBoard  *self,
                    const gint64 *case_ids,
                    guint         n_case_ids,
                    guint         column_index)
{
  g_autoptr(GPtrArray) cases = NULL;
  Column *column;
  LlCaseAction action = LL_N_CASE_ACTIONS;
  LlCase *first;

  g_return_if_fail (LL_IS_CASE_BOARD (self));

  column = get_column (self, column_index);
  if (column == NULL || n_case_ids == 0 || self->db == NULL || !self->editable)
    return;

  self->move_started = g_get_monotonic_time ();
  cases = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_case_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlCase) seen = shown_case (self, case_ids[i]);
      g_autoptr(LlCase) now = ll_case_store_get (self->db, case_ids[i], &error);
      g_autofree char *reason = NULL;
      LlCaseAction this_action;

      if (now == NULL)
        {
          show_toast (self, error->message);
          return;
        }

      /* Changed underneath: say so, and show where it is now. */
      if (seen != NULL && ll_case_get_version (seen) != ll_case_get_version (now))
        {
          g_autofree char *message = NULL;

          message = g_strdup_printf (_("Someone else changed %s meanwhile; it is now “%s”. "
                                       "Nothing was moved."),
                                     ll_case_get_serial (now),
                                     ll_enum_get_label (LL_ENUM_CASE_STATUS,
                                                        ll_case_get_status (now)));
          show_toast (self, message);
          /* Selected where it is now, once the columns have caught up. */
          self->follow_id = ll_case_get_id (now);
          self->move_started = 0;
          ll_database_poll_changes (self->db);
          for (guint j = 0; j < self->columns->len; j++)
            {
              Column *other = g_ptr_array_index (self->columns, j);

              if (other->model != NULL)
                ll_query_model_refresh (other->model);
            }
          return;
        }

      /* Dropped back where it is: nothing to do. */
      if (in_column (self, now, column))
        continue;

      if (!action_for_column (self, now, column, &this_action, &reason))
        {
          g_autofree char *message = NULL;

          if (n_case_ids > 1)
            /* Translators: %s is a case's serial number, then why it cannot move */
            message = g_strdup_printf (_("%s cannot move: %s"), ll_case_get_serial (now), reason);
          show_toast (self, message != NULL ? message : reason);
          return;
        }

      if (action != LL_N_CASE_ACTIONS && this_action != action)
        {
          show_toast (self, _("These cases need different steps to get there; move them one "
                              "at a time."));
          return;
        }

      action = this_action;
      g_ptr_array_add (cases, g_steal_pointer (&now));
    }

  if (cases->len == 0)
    return;

  first = g_ptr_array_index (cases, 0);

  if (action == LL_CASE_ACTION_START)
    {
      if (move_cases (self, cases, action, NULL))
        moved (self, first, cases->len, column);
      return;
    }

  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    LlCaseActionDialog *dialog;
    DialogMove *move = g_new0 (DialogMove, 1);

    dialog = ll_case_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        self->db, first, action);
    if (action == LL_CASE_ACTION_ASSIGN && column->department_id > 0)
      preselect_department (GTK_WIDGET (dialog), column->department_id);

    move->board = g_object_ref (self);
    move->column = column_index;
    move->rest = g_ptr_array_new_with_free_func (g_object_unref);
    for (guint i = 1; i < cases->len; i++)
      g_ptr_array_add (move->rest, g_object_ref (g_ptr_array_index (cases, i)));

    g_signal_connect_data (dialog, "done", G_CALLBACK (dialog_done_cb), move,
                           (GClosureNotify) dialog_move_free, 0);
    gtk_window_present (GTK_WINDOW (dialog));
  }
}

/* Dropping and Move to… ------------------------------------------------------- */

typedef struct
{
  LlCaseBoard *board;
  GArray      *ids;
  guint        column;
} PendingDrop;

static gboolean
drop_idle_cb (gpointer data)
{
  PendingDrop *drop = data;

  ll_case_board_move (drop->board, (const gint64 *) (gpointer) drop->ids->data, drop->ids->len,
                      drop->column);
  g_object_unref (drop->board);
  g_array_unref (drop->ids);
  g_free (drop);

  return G_SOURCE_REMOVE;
}

static gboolean
column_drop_cb (GtkDropTarget *target,
                const GValue  *value,
                double         x,
                double         y,
                LlCaseBoard   *self)
{
  GtkWidget *box = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (target));
  Column *column = g_object_get_data (G_OBJECT (box), "column");
  LlCase *kase = g_value_get_object (value);
  PendingDrop *drop;
  gboolean dragged = FALSE;

  if (column == NULL || !LL_IS_CASE (kase) || !self->editable)
    return FALSE;

  drop = g_new0 (PendingDrop, 1);
  drop->board = g_object_ref (self);
  drop->column = column->index;

  for (guint i = 0; self->drag_ids != NULL && i < self->drag_ids->len; i++)
    dragged |= g_array_index (self->drag_ids, gint64, i) == ll_case_get_id (kase);

  if (dragged)
    drop->ids = g_array_ref (self->drag_ids);
  else
    {
      gint64 id = ll_case_get_id (kase);

      drop->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_array_append_val (drop->ids, id);
    }

  /* After the drag has finished: a dialog may open. */
  g_idle_add (drop_idle_cb, drop);

  return TRUE;
}

static void
move_row_activated_cb (LlCaseBoard   *self,
                       GtkListBoxRow *row)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "column")) - 1;
  g_autoptr(GArray) ids = g_steal_pointer (&self->move_ids);

  gtk_popover_popdown (self->move_popover);
  if (ids != NULL)
    ll_case_board_move (self, (const gint64 *) (gpointer) ids->data, ids->len, column);
}

static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlCaseBoard *self = LL_CASE_BOARD (widget);
  Column *active = get_column (self, self->active_column);
  g_autoptr(GArray) ids = selected_ids (active);
  g_autoptr(LlCase) first = NULL;
  GtkWidget *anchor = NULL;
  GtkWidget *child;
  graphene_rect_t bounds;
  guint n_targets = 0;

  if (ids->len == 0)
    {
      show_toast (self, _("Select a case on the board first."));
      return;
    }

  first = shown_case (self, g_array_index (ids, gint64, 0));
  if (first == NULL)
    return;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->move_list))) != NULL)
    gtk_list_box_remove (self->move_list, child);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      LlCaseAction action;
      GtkWidget *row;
      GtkWidget *label;

      if (in_column (self, first, column) ||
          !action_for_column (self, first, column, &action, NULL))
        continue;

      label = gtk_label_new (column->label);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_widget_set_margin_top (label, 8);
      gtk_widget_set_margin_bottom (label, 8);
      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
      gtk_widget_set_tooltip_text (row, ll_case_action_get_label (action));
      g_object_set_data (G_OBJECT (row), "column", GUINT_TO_POINTER (i + 1));
      gtk_list_box_append (self->move_list, row);
      n_targets++;
    }

  if (ids->len == 1)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is a case's serial number */
      title = g_strdup_printf (_("Move %s to…"), ll_case_get_serial (first));
      gtk_label_set_text (self->move_title, title);
    }
  else
    {
      g_autofree char *title = NULL;

      title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Move %u case to…",
                                            "Move %u cases to…", ids->len), ids->len);
      gtk_label_set_text (self->move_title, title);
    }

  gtk_widget_set_visible (gtk_widget_get_parent (gtk_widget_get_parent (GTK_WIDGET (self->move_list))),
                          n_targets > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->move_none), n_targets == 0);
  gtk_label_set_text (self->move_none,
                      _("No step of the workflow can be taken for this case now."));

  g_clear_pointer (&self->move_ids, g_array_unref);
  self->move_ids = g_steal_pointer (&ids);

  /* Point at the card, or at its column. */
  anchor = ll_case_board_get_card_widget (self, ll_case_get_id (first));
  if (anchor == NULL && active != NULL)
    anchor = active->widget;
  if (anchor != NULL && gtk_widget_compute_bounds (anchor, GTK_WIDGET (self), &bounds))
    {
      GdkRectangle rect = {
        (int) bounds.origin.x, (int) bounds.origin.y,
        (int) bounds.size.width, (int) bounds.size.height
      };

      gtk_popover_set_pointing_to (self->move_popover, &rect);
    }
  else
    gtk_popover_set_pointing_to (self->move_popover, NULL);

  gtk_popover_popup (self->move_popover);
  if (n_targets > 0)
    gtk_widget_grab_focus (GTK_WIDGET (gtk_list_box_get_row_at_index (self->move_list, 0)));
}

/* Callbacks ------------------------------------------------------------------- */

static void
grouping_toggled_cb (LlCaseBoard *self)
{
  LlCaseBoardGrouping grouping = gtk_toggle_button_get_active (self->department_toggle)
                                 ? LL_CASE_BOARD_BY_DEPARTMENT : LL_CASE_BOARD_BY_STATUS;

  ll_case_board_set_grouping (self, grouping);
}

static void
database_changed_cb (LlCaseBoard *self,
                     GPtrArray   *changes)
{
  gboolean departments = changes == NULL;

  if (self->grouping != LL_CASE_BOARD_BY_DEPARTMENT)
    return;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    if (g_str_equal (((LlChange *) g_ptr_array_index (changes, i))->table, "departments"))
      departments = TRUE;

  /* A department added or renamed elsewhere: its column. */
  if (departments)
    rebuild_columns (self);
}

/* GObject ---------------------------------------------------------------------- */

static void
ll_case_board_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LlCaseBoard *self = LL_CASE_BOARD (widget);

  gtk_widget_measure (self->box, orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
ll_case_board_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LlCaseBoard *self = LL_CASE_BOARD (widget);

  gtk_widget_allocate (self->box, width, height, baseline, NULL);
  gtk_popover_present (self->move_popover);
}

static void
ll_case_board_dispose (GObject *object)
{
  LlCaseBoard *self = LL_CASE_BOARD (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_clear_handle_id (&self->update_source, g_source_remove);
  if (self->columns_view != NULL)
    gtk_list_view_set_model (self->columns_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_CASE_BOARD);
  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_object (&self->column_items);
  g_clear_object (&self->card_factory);
  g_clear_weak_pointer (&self->toast);
  g_clear_object (&self->drag_case);
  g_clear_pointer (&self->drag_ids, g_array_unref);
  g_clear_pointer (&self->move_ids, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);
  filter_clear (&self->filter);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ll_case_board_parent_class)->dispose (object);
}

static void
ll_case_board_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlCaseBoard *self = LL_CASE_BOARD (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, ll_case_board_get_loading (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_board_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlCaseBoard *self = LL_CASE_BOARD (object);

  switch (prop_id)
    {
    case PROP_EDITABLE:
      ll_case_board_set_editable (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_board_class_init (LlCaseBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_case_board_dispose;
  object_class->get_property = ll_case_board_get_property;
  object_class->set_property = ll_case_board_set_property;
  widget_class->measure = ll_case_board_measure;
  widget_class->size_allocate = ll_case_board_size_allocate;

  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlCaseBoard::show-case:
   * @case_id: the case
   *
   * A card was selected or activated: the page shows it in its detail pane.
   */
  signals[SHOW_CASE] = g_signal_new ("show-case", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                     0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-case-board.ui");
  gtk_widget_class_set_css_name (widget_class, "ll-case-board");
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, box);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, status_toggle);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, department_toggle);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, columns_view);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, move_popover);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, move_title);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, move_list);
  gtk_widget_class_bind_template_child (widget_class, LlCaseBoard, move_none);
  gtk_widget_class_bind_template_callback (widget_class, grouping_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "board.move-to", NULL, move_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "board.move-to", NULL);
}

static void
ll_case_board_init (LlCaseBoard *self)
{
  g_autoptr(GtkListItemFactory) column_factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_parent (GTK_WIDGET (self->move_popover), GTK_WIDGET (self));

  self->editable = TRUE;
  self->sort = LL_CASE_SORT_RECEIVED_ON;
  self->descending = TRUE;
  self->column_items = g_list_store_new (LL_TYPE_CHOICE);
  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) column_free);

  self->card_factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_object (self->card_factory, "setup", G_CALLBACK (card_setup_cb), self, 0);
  g_signal_connect_object (self->card_factory, "bind", G_CALLBACK (card_bind_cb), self, 0);

  g_signal_connect_object (column_factory, "setup", G_CALLBACK (column_setup_cb), self, 0);
  g_signal_connect_object (column_factory, "bind", G_CALLBACK (column_bind_cb), self, 0);
  g_signal_connect_object (column_factory, "unbind", G_CALLBACK (column_unbind_cb), self, 0);
  gtk_list_view_set_factory (self->columns_view, column_factory);

  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->column_items)));
  gtk_list_view_set_model (self->columns_view, GTK_SELECTION_MODEL (selection));

  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_hadjustment (self->scrolled_window);

    g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (queue_update_columns), self,
                             G_CONNECT_SWAPPED);
    g_signal_connect_object (adjustment, "changed", G_CALLBACK (queue_update_columns), self,
                             G_CONNECT_SWAPPED);
  }
}

GtkWidget *
ll_case_board_new (void)
{
  return g_object_new (LL_TYPE_CASE_BOARD, NULL);
}

void
ll_case_board_set_database (LlCaseBoard *self,
                            LlDatabase  *db)
{
  g_return_if_fail (LL_IS_CASE_BOARD (self));
  g_return_if_fail (db == NULL || LL_IS_DATABASE (db));

  if (self->db == db)
    return;

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_list_store_remove_all (self->column_items);
  g_set_object (&self->db, db);
  self->has_query = FALSE;

  if (db != NULL)
    self->changed_handler = g_signal_connect_object (db, "changed",
                                                     G_CALLBACK (database_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
  rebuild_columns (self);
}

void
ll_case_board_set_editable (LlCaseBoard *self,
                            gboolean     editable)
{
  g_return_if_fail (LL_IS_CASE_BOARD (self));

  editable = !!editable;
  if (self->editable == editable)
    return;

  self->editable = editable;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "board.move-to", editable);
  gtk_label_set_text (self->hint_label,
                      editable ? _("Drag cases to another column, or press Ctrl+M")
                               : _("The database is read-only; cases cannot be moved"));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

gboolean
ll_case_board_get_editable (LlCaseBoard *self)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), FALSE);

  return self->editable;
}

/**
 * ll_case_board_set_query:
 * @filter: the Cases page's filters
 * @search_text: (nullable): its search
 * @sort: its order, which each column keeps
 *
 * Shows the cases the Cases page lists, each in its column.
 */
void
ll_case_board_set_query (LlCaseBoard        *self,
                         const LlCaseFilter *filter,
                         const char         *search_text,
                         LlCaseSort          sort,
                         gboolean            descending)
{
  g_return_if_fail (LL_IS_CASE_BOARD (self));
  g_return_if_fail (filter != NULL);

  filter_copy (&self->filter, filter);
  g_free (self->search_text);
  self->search_text = g_strdup (search_text);
  self->sort = sort;
  self->descending = descending;
  self->has_query = TRUE;

  /* A hidden board (the list is shown) runs no queries: it has no models. */
  for (guint i = 0; i < self->columns->len; i++)
    column_query (self, g_ptr_array_index (self->columns, i));
}

LlCaseBoardGrouping
ll_case_board_get_grouping (LlCaseBoard *self)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), LL_CASE_BOARD_BY_STATUS);

  return self->grouping;
}

void
ll_case_board_set_grouping (LlCaseBoard         *self,
                            LlCaseBoardGrouping  grouping)
{
  g_return_if_fail (LL_IS_CASE_BOARD (self));

  if (self->grouping == grouping)
    return;

  self->grouping = grouping;
  gtk_toggle_button_set_active (grouping == LL_CASE_BOARD_BY_DEPARTMENT
                                ? self->department_toggle : self->status_toggle, TRUE);
  rebuild_columns (self);
}

guint
ll_case_board_get_n_columns (LlCaseBoard *self)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), 0);

  return self->columns->len;
}

/**
 * ll_case_board_find_column:
 * @status: (nullable): a case-status key, when grouped by status
 * @department_id: a department, when grouped by department (0: none)
 *
 * Returns: the column's index, or G_MAXUINT
 */
guint
ll_case_board_find_column (LlCaseBoard *self,
                           const char  *status,
                           gint64       department_id)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), G_MAXUINT);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (self->grouping == LL_CASE_BOARD_BY_STATUS
          ? g_strcmp0 (column->status, status) == 0
          : column->department_id == department_id)
        return i;
    }

  return G_MAXUINT;
}

/**
 * ll_case_board_get_column_model:
 *
 * Returns: (transfer none) (nullable): the column's cards, when the
 *   column has them (a department's column only while it is shown)
 */
LlQueryModel *
ll_case_board_get_column_model (LlCaseBoard *self,
                                guint        column)
{
  Column *c;

  g_return_val_if_fail (LL_IS_CASE_BOARD (self), NULL);

  c = get_column (self, column);
  return c != NULL ? c->model : NULL;
}

/**
 * ll_case_board_get_column_widget:
 *
 * Returns: (transfer none) (nullable): the column, while it is shown
 */
GtkWidget *
ll_case_board_get_column_widget (LlCaseBoard *self,
                                 guint        column)
{
  Column *c;

  g_return_val_if_fail (LL_IS_CASE_BOARD (self), NULL);

  c = get_column (self, column);
  return c != NULL ? c->widget : NULL;
}

/**
 * ll_case_board_get_card_widget:
 *
 * Returns: (transfer none) (nullable): the card of @case_id, while it
 *   is on screen
 */
GtkWidget *
ll_case_board_get_card_widget (LlCaseBoard *self,
                               gint64       case_id)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), NULL);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      GtkWidget *list_view;

      if (column->widget == NULL)
        continue;

      list_view = g_object_get_data (G_OBJECT (column->widget), "list-view");
      for (GtkWidget *row = gtk_widget_get_first_child (list_view);
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *card = gtk_widget_get_first_child (row);
          GtkListItem *item = card != NULL ? g_object_get_data (G_OBJECT (card), "list-item") : NULL;
          LlCase *kase = item != NULL ? gtk_list_item_get_item (item) : NULL;

          if (kase != NULL && ll_case_get_id (kase) == case_id && gtk_widget_get_mapped (card))
            return card;
        }
    }

  return NULL;
}

void
ll_case_board_scroll_to_column (LlCaseBoard *self,
                                guint        column)
{
  g_return_if_fail (LL_IS_CASE_BOARD (self));

  if (column < self->columns->len)
    gtk_widget_activate_action (GTK_WIDGET (self->columns_view), "list.scroll-to-item", "u",
                                column);
}

/**
 * ll_case_board_select_case:
 * @add: keep the cards selected in the same column
 *
 * Selects @case_id's card, as a click (or Ctrl+click) does.
 *
 * Returns: whether a column has the card
 */
gboolean
ll_case_board_select_case (LlCaseBoard *self,
                           gint64       case_id,
                           gboolean     add)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);
      guint position;

      if (column->model != NULL &&
          ll_query_model_get_position_of_id (column->model, case_id, &position))
        {
          gtk_selection_model_select_item (GTK_SELECTION_MODEL (column->selection), position,
                                           !add);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ll_case_board_set_shown:
 * @shown: whether the Cases page shows the board rather than the list
 *
 * Chosen, the board's columns get their models and run their queries
 * (and keep them while the user is on another page, for a quick switch
 * back). Not chosen, the board holds no model, so that it neither
 * queries nor refreshes for the list's searches and changes.
 */
void
ll_case_board_set_shown (LlCaseBoard *self,
                         gboolean     shown)
{
  g_return_if_fail (LL_IS_CASE_BOARD (self));

  shown = !!shown;
  if (self->shown == shown)
    return;

  self->shown = shown;
  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (shown && self->grouping == LL_CASE_BOARD_BY_STATUS)
        {
          column_ensure_model (self, column);
          show_column_model (self, column, TRUE);
        }
      else if (!shown)
        {
          if (column->widget != NULL)
            gtk_list_view_set_model (g_object_get_data (G_OBJECT (column->widget), "list-view"),
                                     NULL);
          column_drop_model (column);
          update_count (column);
        }
    }
  if (shown)
    queue_update_columns (self);
}

gboolean
ll_case_board_get_loading (LlCaseBoard *self)
{
  g_return_val_if_fail (LL_IS_CASE_BOARD (self), FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = g_ptr_array_index (self->columns, i);

      if (column->model != NULL && ll_query_model_get_loading (column->model))
        return TRUE;
    }

  return FALSE;
}

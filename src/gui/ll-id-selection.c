/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-id-selection"

#include "config.h"

#include "ll-id-selection.h"

/* A single selection over an LlQueryModel that remembers the record's
 * id, not its position or its object.
 *
 * GtkSingleSelection follows its item by pointer: when a refresh hands
 * out a fresh copy of the selected record, it drops the selection, and
 * to find the item again it asks the model for every row of the changed
 * span, which makes a lazy model load every record after a new sort.
 * Here a row is selected when its id is the selected id, which the
 * model tells without loading anything, so the selection survives a
 * re-sort, a search that keeps the record, or a colleague's change. */

struct _LlIdSelection
{
  GObject parent_instance;

  /* Owned */
  LlQueryModel *model;
  gint64        selected_id;
};

enum {
  PROP_0,
  PROP_MODEL,
  PROP_SELECTED_ID,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void list_model_iface_init      (GListModelInterface        *iface);
static void selection_model_iface_init (GtkSelectionModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlIdSelection, ll_id_selection, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init)
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SELECTION_MODEL,
                                                      selection_model_iface_init))

static gint64
id_at (LlIdSelection *self,
       guint          position)
{
  if (self->model == NULL)
    return 0;

  return ll_query_model_get_id (self->model, position);
}

static void
model_items_changed_cb (LlIdSelection *self,
                        guint          position,
                        guint          removed,
                        guint          added,
                        GListModel    *model)
{
  g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
  if (removed != added)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

/* GListModel --------------------------------------------------------------- */

static GType
ll_id_selection_get_item_type (GListModel *model)
{
  LlIdSelection *self = LL_ID_SELECTION (model);

  return self->model != NULL ? g_list_model_get_item_type (G_LIST_MODEL (self->model))
                             : G_TYPE_OBJECT;
}

static guint
ll_id_selection_get_n_items (GListModel *model)
{
  LlIdSelection *self = LL_ID_SELECTION (model);

  return self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
}

static gpointer
ll_id_selection_get_item (GListModel *model,
                          guint       position)
{
  LlIdSelection *self = LL_ID_SELECTION (model);

  return self->model != NULL ? g_list_model_get_item (G_LIST_MODEL (self->model), position)
                             : NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = ll_id_selection_get_item_type;
  iface->get_n_items = ll_id_selection_get_n_items;
  iface->get_item = ll_id_selection_get_item;
}

/* GtkSelectionModel -------------------------------------------------------- */

static gboolean
ll_id_selection_is_selected (GtkSelectionModel *model,
                             guint              position)
{
  LlIdSelection *self = LL_ID_SELECTION (model);

  return self->selected_id != 0 && id_at (self, position) == self->selected_id;
}

static gboolean
ll_id_selection_select_item (GtkSelectionModel *model,
                             guint              position,
                             gboolean           unselect_rest)
{
  LlIdSelection *self = LL_ID_SELECTION (model);
  gint64 id = id_at (self, position);

  if (id == 0)
    return FALSE;

  ll_id_selection_set_selected_id (self, id);
  return TRUE;
}

static gboolean
ll_id_selection_unselect_item (GtkSelectionModel *model,
                               guint              position)
{
  LlIdSelection *self = LL_ID_SELECTION (model);

  if (ll_id_selection_is_selected (model, position))
    ll_id_selection_set_selected_id (self, 0);

  return TRUE;
}

static gboolean
ll_id_selection_unselect_all (GtkSelectionModel *model)
{
  ll_id_selection_set_selected_id (LL_ID_SELECTION (model), 0);
  return TRUE;
}

static void
selection_model_iface_init (GtkSelectionModelInterface *iface)
{
  iface->is_selected = ll_id_selection_is_selected;
  iface->select_item = ll_id_selection_select_item;
  iface->unselect_item = ll_id_selection_unselect_item;
  iface->unselect_all = ll_id_selection_unselect_all;
}

/* GObject ------------------------------------------------------------------ */

static void
ll_id_selection_dispose (GObject *object)
{
  LlIdSelection *self = LL_ID_SELECTION (object);

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (ll_id_selection_parent_class)->dispose (object);
}

static void
ll_id_selection_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LlIdSelection *self = LL_ID_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_N_ITEMS:
      g_value_set_uint (value, ll_id_selection_get_n_items (G_LIST_MODEL (self)));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_id_selection_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LlIdSelection *self = LL_ID_SELECTION (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      ll_id_selection_set_model (self, g_value_get_object (value));
      break;
    case PROP_SELECTED_ID:
      ll_id_selection_set_selected_id (self, g_value_get_int64 (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_id_selection_class_init (LlIdSelectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_id_selection_dispose;
  object_class->get_property = ll_id_selection_get_property;
  object_class->set_property = ll_id_selection_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, NULL, LL_TYPE_QUERY_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlIdSelection:selected-id:
   *
   * The id of the selected record, or 0. It stays selected while the
   * record is not in the list (filtered out) and shows again when it
   * comes back.
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_id_selection_init (LlIdSelection *self)
{
}

/**
 * ll_id_selection_new:
 * @model: (nullable) (transfer none): the list
 *
 * Returns: (transfer full): a selection with nothing selected
 */
LlIdSelection *
ll_id_selection_new (LlQueryModel *model)
{
  g_return_val_if_fail (model == NULL || LL_IS_QUERY_MODEL (model), NULL);

  return g_object_new (LL_TYPE_ID_SELECTION, "model", model, NULL);
}

/**
 * ll_id_selection_get_model:
 *
 * Returns: (transfer none) (nullable): the list
 */
LlQueryModel *
ll_id_selection_get_model (LlIdSelection *self)
{
  g_return_val_if_fail (LL_IS_ID_SELECTION (self), NULL);

  return self->model;
}

void
ll_id_selection_set_model (LlIdSelection *self,
                           LlQueryModel  *model)
{
  guint n_before, n_after;

  g_return_if_fail (LL_IS_ID_SELECTION (self));
  g_return_if_fail (model == NULL || LL_IS_QUERY_MODEL (model));

  if (self->model == model)
    return;

  n_before = ll_id_selection_get_n_items (G_LIST_MODEL (self));

  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb), self,
                             G_CONNECT_SWAPPED);

  n_after = ll_id_selection_get_n_items (G_LIST_MODEL (self));
  if (n_before > 0 || n_after > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, n_after);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
  if (n_before != n_after)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ITEMS]);
}

gint64
ll_id_selection_get_selected_id (LlIdSelection *self)
{
  g_return_val_if_fail (LL_IS_ID_SELECTION (self), 0);

  return self->selected_id;
}

/**
 * ll_id_selection_set_selected_id:
 * @id: a record id, or 0 to select nothing
 *
 * Selects the record @id, whether or not the list shows it now.
 */
void
ll_id_selection_set_selected_id (LlIdSelection *self,
                                 gint64         id)
{
  guint old_position, new_position;

  g_return_if_fail (LL_IS_ID_SELECTION (self));
  g_return_if_fail (id >= 0);

  if (self->selected_id == id)
    return;

  old_position = ll_id_selection_get_selected_position (self);
  self->selected_id = id;
  new_position = ll_id_selection_get_selected_position (self);

  if (old_position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), old_position, 1);
  if (new_position != GTK_INVALID_LIST_POSITION)
    gtk_selection_model_selection_changed (GTK_SELECTION_MODEL (self), new_position, 1);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/**
 * ll_id_selection_get_selected_position:
 *
 * Returns: the row of the selected record, or %GTK_INVALID_LIST_POSITION
 *   when nothing is selected or the list does not show it
 */
guint
ll_id_selection_get_selected_position (LlIdSelection *self)
{
  guint position;

  g_return_val_if_fail (LL_IS_ID_SELECTION (self), GTK_INVALID_LIST_POSITION);

  if (self->selected_id == 0 || self->model == NULL ||
      !ll_query_model_get_position_of_id (self->model, self->selected_id, &position))
    return GTK_INVALID_LIST_POSITION;

  return position;
}

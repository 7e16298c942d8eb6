/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-station-move-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-banner.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-record.h"
#include "ll-station-move-dialog.h"
#include "ll-station-node.h"
#include "ll-station-store.h"

/* “Move To…”: the keyboard way to place a station under another one.
 * A searchable list of the whole tree; the store decides, and when it
 * refuses (a cycle, a closed parent) its sentence stays in the dialog.
 * Emits ::moved with the old parent once the station moved. */

struct _LlStationMoveDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkSearchEntry     *search_entry;
  LlBanner           *banner;
  GtkListView        *list_view;
  GtkSingleSelection *selection;
  GtkFilterListModel *filter_model;
  GtkStringFilter    *filter;
  GListStore         *store;

  /* Owned */
  LlDatabase         *database;
  LlStation          *station;
};

enum {
  MOVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlStationMoveDialog, ll_station_move_dialog, ADW_TYPE_WINDOW)

static int
depth_margin_cb (gpointer this,
                 guint    depth)
{
  return 6 + 18 * (int) depth;
}

static char *
kind_icon_cb (gpointer    this,
              const char *kind)
{
  return g_strdup (kind != NULL ? ll_station_kind_get_icon_name (kind) : "go-top-symbolic");
}

static char *
kind_label_cb (gpointer    this,
               const char *kind)
{
  return g_strdup (kind != NULL ? ll_enum_get_label (LL_ENUM_STATION_KIND, kind) : "");
}

static LlStation *
selected_parent (LlStationMoveDialog *self)
{
  return gtk_single_selection_get_selected_item (self->selection);
}

static void
update_move_enabled (LlStationMoveDialog *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "move.move", selected_parent (self) != NULL);
}

static void
selection_changed_cb (LlStationMoveDialog *self)
{
  ll_banner_hide (self->banner);
  update_move_enabled (self);
}

static void
search_changed_cb (LlStationMoveDialog *self,
                   GtkSearchEntry      *entry)
{
  gtk_string_filter_set_search (self->filter, gtk_editable_get_text (GTK_EDITABLE (entry)));

  /* Keep a choice while typing, so that Enter moves. */
  if (selected_parent (self) == NULL &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filter_model)) > 0)
    gtk_single_selection_set_selected (self->selection, 0);
  update_move_enabled (self);
}

static void
search_activate_cb (LlStationMoveDialog *self,
                    GtkSearchEntry      *entry)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "move.move", NULL);
}

static void
list_activate_cb (LlStationMoveDialog *self,
                  guint                position,
                  GtkListView         *list_view)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "move.move", NULL);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_station_move_dialog_move (LL_STATION_MOVE_DIALOG (widget));
}

static void
ll_station_move_dialog_dispose (GObject *object)
{
  LlStationMoveDialog *self = LL_STATION_MOVE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_STATION_MOVE_DIALOG);

  g_clear_object (&self->database);
  g_clear_object (&self->station);

  G_OBJECT_CLASS (ll_station_move_dialog_parent_class)->dispose (object);
}

static void
ll_station_move_dialog_class_init (LlStationMoveDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_station_move_dialog_dispose;

  /**
   * LlStationMoveDialog::moved:
   * @old_parent_id: where the station was, 0 for the top level
   *
   * The station now belongs to the chosen station.
   */
  signals[MOVED] = g_signal_new ("moved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-station-move-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, selection);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, filter_model);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, filter);
  gtk_widget_class_bind_template_child (widget_class, LlStationMoveDialog, store);
  gtk_widget_class_bind_template_callback (widget_class, depth_margin_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_icon_cb);
  gtk_widget_class_bind_template_callback (widget_class, kind_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);

  gtk_widget_class_install_action (widget_class, "move.move", NULL, move_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_station_move_dialog_init (LlStationMoveDialog *self)
{
  g_type_ensure (LL_TYPE_BANNER);
  g_type_ensure (LL_TYPE_STATION);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
}

/**
 * ll_station_move_dialog_new:
 * @station: the station to move, as last read
 * @stations: (element-type LlStation): the tree in display order, with
 *   depths, as ll_station_store_list_all() gives it
 */
LlStationMoveDialog *
ll_station_move_dialog_new (GtkWindow  *parent,
                            LlDatabase *database,
                            LlStation  *station,
                            GPtrArray  *stations)
{
  LlStationMoveDialog *self;
  g_autoptr(LlStation) top = ll_station_new ();
  gint64 parent_id;

  g_return_val_if_fail (LL_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LL_IS_STATION (station), NULL);
  g_return_val_if_fail (stations != NULL, NULL);

  self = g_object_new (LL_TYPE_STATION_MOVE_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->database = g_object_ref (database);
  self->station = LL_STATION (ll_record_dup (G_OBJECT (station)));
  adw_window_title_set_subtitle (self->window_title, ll_station_get_name (station));

  /* The top of the tree, as a station without a kind. */
  ll_station_set_name (top, _("Top Level — Belongs to No Station"));
  ll_station_set_kind (top, NULL);
  g_list_store_append (self->store, top);
  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *candidate = g_ptr_array_index (stations, i);

      if (ll_station_get_id (candidate) != ll_station_get_id (station))
        g_list_store_append (self->store, candidate);
    }

  parent_id = ll_station_get_parent_id (station);
  if (!ll_station_move_dialog_select (self, parent_id))
    gtk_single_selection_set_selected (self->selection, 0);
  update_move_enabled (self);

  return self;
}

/**
 * ll_station_move_dialog_get_station:
 *
 * Returns: (transfer none): the station being moved, with its version
 *   after the move
 */
LlStation *
ll_station_move_dialog_get_station (LlStationMoveDialog *self)
{
  g_return_val_if_fail (LL_IS_STATION_MOVE_DIALOG (self), NULL);

  return self->station;
}

/**
 * ll_station_move_dialog_select:
 * @parent_id: a station, or 0 for the top level
 *
 * Chooses where to move, as clicking its row does.
 *
 * Returns: whether @parent_id is in the list as it is filtered
 */
gboolean
ll_station_move_dialog_select (LlStationMoveDialog *self,
                               gint64               parent_id)
{
  GListModel *model;

  g_return_val_if_fail (LL_IS_STATION_MOVE_DIALOG (self), FALSE);

  model = G_LIST_MODEL (self->filter_model);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlStation) candidate = g_list_model_get_item (model, i);

      if (ll_station_get_id (candidate) == parent_id)
        {
          gtk_single_selection_set_selected (self->selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", i);
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ll_station_move_dialog_move:
 *
 * Moves the station under the chosen one. When the store refuses, the
 * dialog stays open and says why; otherwise it emits ::moved and closes.
 *
 * Returns: whether the station moved (or already was there)
 */
gboolean
ll_station_move_dialog_move (LlStationMoveDialog *self)
{
  g_autoptr(GError) error = NULL;
  LlStation *parent;
  gint64 old_parent_id;
  gint64 parent_id;

  g_return_val_if_fail (LL_IS_STATION_MOVE_DIALOG (self), FALSE);

  parent = selected_parent (self);
  if (parent == NULL)
    return FALSE;

  parent_id = ll_station_get_id (parent);
  old_parent_id = ll_station_get_parent_id (self->station);
  if (parent_id == old_parent_id)
    {
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }

  if (!ll_station_store_set_parent (self->database, self->station, parent_id, &error))
    {
      ll_banner_show (self->banner, LL_BANNER_ERROR, error->message);

      /* A colleague saved it meanwhile: the next try uses their version. */
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT))
        {
          g_autoptr(LlStation) fresh = ll_station_store_get (self->database,
                                                            ll_station_get_id (self->station),
                                                            NULL);

          if (fresh != NULL)
            g_set_object (&self->station, fresh);
        }
      return FALSE;
    }

  g_signal_emit (self, signals[MOVED], 0, old_parent_id);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}

/**
 * ll_station_move_dialog_get_error:
 *
 * Returns: (nullable): the sentence shown when the last move was refused
 */
const char *
ll_station_move_dialog_get_error (LlStationMoveDialog *self)
{
  g_return_val_if_fail (LL_IS_STATION_MOVE_DIALOG (self), NULL);

  return ll_banner_get_revealed (self->banner) ? ll_banner_get_title (self->banner) : NULL;
}

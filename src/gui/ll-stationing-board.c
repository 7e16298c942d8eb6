/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-stationing-board"

#include "config.h"

#include <stdlib.h>

#include <glib/gi18n.h>

#include "ll-area-store.h"
#include "ll-area.h"
#include "ll-board.h"
#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-membership.h"
#include "ll-page.h"
#include "ll-person-store.h"
#include "ll-person.h"
#include "ll-query-model.h"
#include "ll-station-store.h"
#include "ll-station.h"
#include "ll-stationing-board.h"

/* The stationing board (编组): a column of the people stationed nowhere
 * and one per station (filtered by area and kind), on LlBoard. Dropping
 * cards moves (Ctrl: copies) their memberships in one transaction with
 * Undo on a toast; the card menu sets the station role; Ctrl+M moves the
 * selection to a station chosen by search. The Balance view counts each
 * station's deputies by level.
 *
 * Card ids: the Unassigned column lists people (ids are person ids);
 * station columns list memberships (ids are membership ids), so a card
 * that moved away underneath is noticed at the drop. */

struct _LlStationingBoard
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget       *toolbar;
  GtkDropDown     *area_filter;
  GtkDropDown     *kind_filter;
  GtkMenuButton   *jump_button;
  GtkMenuButton   *move_button;
  GtkToggleButton *balance_toggle;
  GtkStack        *view_stack;
  GtkStack        *board_stack;
  LlBoard         *board;
  GtkColumnView   *balance_view;
  AdwStatusPage   *empty_page;

  /* Owned */
  LlDatabase           *db;
  GListStore           *columns;        /* LlBoardColumn */
  GHashTable           *station_names;  /* gint64 id → char * */
  GListStore           *balance_rows;   /* LlBoardColumn of the stations shown */
  GHashTable           *balance;        /* gint64 station id → guint[N levels + 1] */
  LlMembershipSnapshot *last_move;
  LlBoardDrag          *pending_move;
  LlBoardDrag          *copy_checked;   /* the drag copy_allowed describes */
  char                 *copy_refusal;
  guint                 refresh_source;
  gboolean              refresh_columns;
  gboolean              balance_stale;
  gulong                changed_handler;
  gint64                last_load_us;

  gboolean              editable;
};

G_DEFINE_FINAL_TYPE (LlStationingBoard, ll_stationing_board, GTK_TYPE_WIDGET)

static const char * const unassigned_tables[] = { "people", "memberships", NULL };

/* Helpers */

static gint64
station_id_of_key (const char *key)
{
  if (key == NULL || g_strcmp0 (key, LL_STATIONING_UNASSIGNED) == 0)
    return 0;
  return g_ascii_strtoll (key, NULL, 10);
}

static const char *
station_name (LlStationingBoard *self,
              gint64             station_id)
{
  const char *name = g_hash_table_lookup (self->station_names, &station_id);

  return name != NULL ? name : _("Unknown station");
}

static AdwToast *
toast_new (const char *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 8);
  return toast;
}

static void
add_toast (LlStationingBoard *self,
           AdwToast          *toast)
{
  GtkWidget *page = gtk_widget_get_ancestor (GTK_WIDGET (self), LL_TYPE_PAGE);
  GtkWidget *overlay;

  if (page != NULL)
    {
      ll_page_add_toast (LL_PAGE (page), toast);
      return;
    }
  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_error (LlStationingBoard *self,
            const char        *heading,
            const char        *message)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   heading, message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_widget_set_name (dialog, "stationing-error");
  gtk_window_present (GTK_WINDOW (dialog));
}

static LlBoardColumn *
find_column (LlStationingBoard *self,
             const char        *key,
             guint             *position)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);

      if (g_strcmp0 (ll_board_column_get_key (column), key) == 0)
        {
          if (position != NULL)
            *position = i;
          return column;
        }
    }
  return NULL;
}

static guint
count_unassigned (LlStationingBoard *self)
{
  LlPersonFilter filter = { 0, };
  g_autoptr(GError) error = NULL;
  gint64 n;

  filter.unstationed = TRUE;
  n = ll_person_store_count (self->db, &filter, &error);
  if (n < 0)
    {
      g_warning ("Cannot count the people stationed nowhere: %s", error->message);
      return 0;
    }
  return (guint) n;
}

/* A header shows its count only while its column is on screen, and a
 * station's column on screen holds all its memberships: its count is
 * that, with no reading of every station. */
static void
update_counts (LlStationingBoard *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);
      const char *key = ll_board_column_get_key (column);
      GListModel *model = ll_board_get_column_model (self->board, key);

      if (station_id_of_key (key) == 0)
        ll_board_column_set_count (column, count_unassigned (self));
      else if (model != NULL)
        ll_board_column_set_count (column, g_list_model_get_n_items (model));
    }
}

static gint64
selected_area_id (LlStationingBoard *self)
{
  LlChoice *choice = gtk_drop_down_get_selected_item (self->area_filter);

  return choice ? ll_choice_get_id (choice) : 0;
}

static const char *
selected_kind (LlStationingBoard *self)
{
  LlChoice *choice = gtk_drop_down_get_selected_item (self->kind_filter);

  return choice ? ll_choice_get_key (choice) : NULL;
}

static void
mark_balance_stale (LlStationingBoard *self);

/* Rebuilds the columns: Unassigned, then the stations of the filter. */
static void
reload_columns (LlStationingBoard *self)
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  LlBoardColumn *column;

  if (self->db == NULL)
    {
      g_list_store_remove_all (self->columns);
      return;
    }

  stations = ll_station_store_list (self->db, selected_area_id (self), selected_kind (self),
                                    FALSE, &error);
  g_debug ("Stations listed in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  if (stations == NULL)
    {
      g_warning ("Cannot list the stations: %s", error->message);
      stations = g_ptr_array_new_with_free_func (g_object_unref);
    }

  column = ll_board_column_new (LL_STATIONING_UNASSIGNED, _("Not Stationed"),
                                count_unassigned (self));
  ll_board_column_set_subtitle (column, _("People with no station"));
  g_ptr_array_add (columns, column);

  g_hash_table_remove_all (self->station_names);
  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);
      gint64 id = ll_station_get_id (station);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      gint64 *hash_id = g_new (gint64, 1);

      *hash_id = id;
      g_hash_table_insert (self->station_names, hash_id, g_strdup (ll_station_get_name (station)));
      /* Counted when shown: the column then holds its memberships. */
      column = ll_board_column_new (key, ll_station_get_name (station), G_MAXUINT);
      ll_board_column_set_subtitle (column, ll_enum_get_label (LL_ENUM_STATION_KIND,
                                                               ll_station_get_kind (station)));
      g_ptr_array_add (columns, column);
    }

  g_debug ("Columns made in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
  g_list_store_splice (self->columns, 0, g_list_model_get_n_items (G_LIST_MODEL (self->columns)),
                       columns->pdata, columns->len);
  gtk_stack_set_visible_child_name (self->board_stack, stations->len > 0 ? "columns" : "empty");
  self->last_load_us = g_get_monotonic_time () - start;
  g_debug ("Stationing board: %u stations in %" G_GINT64_FORMAT " µs",
           stations->len, self->last_load_us);
  mark_balance_stale (self);
}

/* Replaces a station column's memberships by a fresh read, changing only
 * the rows that differ so that the selection and scroll position stay. */
static void
reload_station_store (LlStationingBoard *self,
                      GListStore        *store,
                      gint64             station_id)
{
  g_autoptr(GPtrArray) fresh = NULL;
  g_autoptr(GError) error = NULL;
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint prefix = 0, suffix = 0;

  fresh = ll_membership_store_list_by_station (self->db, station_id, TRUE, &error);
  if (fresh == NULL)
    {
      g_warning ("Cannot list the people of a station: %s", error->message);
      return;
    }

  while (prefix < old_n && prefix < fresh->len)
    {
      g_autoptr(LlMembership) old = g_list_model_get_item (G_LIST_MODEL (store), prefix);
      LlMembership *new = g_ptr_array_index (fresh, prefix);

      if (ll_membership_get_id (old) != ll_membership_get_id (new)
          || ll_membership_get_version (old) != ll_membership_get_version (new))
        break;
      prefix++;
    }
  while (suffix < old_n - prefix && suffix < fresh->len - prefix)
    {
      g_autoptr(LlMembership) old = g_list_model_get_item (G_LIST_MODEL (store),
                                                           old_n - 1 - suffix);
      LlMembership *new = g_ptr_array_index (fresh, fresh->len - 1 - suffix);

      if (ll_membership_get_id (old) != ll_membership_get_id (new)
          || ll_membership_get_version (old) != ll_membership_get_version (new))
        break;
      suffix++;
    }

  if (prefix == old_n && prefix == fresh->len)
    return;
  g_list_store_splice (store, prefix, old_n - prefix - suffix,
                       fresh->pdata + prefix, fresh->len - prefix - suffix);
}

static void
reload_station_column (LlStationingBoard *self,
                       gint64             station_id)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT, station_id);
  GListModel *model = ll_board_get_column_model (self->board, key);

  if (model != NULL && G_IS_LIST_STORE (model))
    {
      LlBoardColumn *column = find_column (self, key, NULL);

      reload_station_store (self, G_LIST_STORE (model), station_id);
      if (column != NULL)
        ll_board_column_set_count (column, g_list_model_get_n_items (model));
    }
}

/* After a change of ours: what is on screen shows it at once. */
static void
refresh_after_move (LlStationingBoard *self,
                    gint64             from_station_id,
                    gint64             to_station_id)
{
  GListModel *unassigned = ll_board_get_column_model (self->board, LL_STATIONING_UNASSIGNED);

  if (from_station_id > 0)
    reload_station_column (self, from_station_id);
  if (to_station_id > 0)
    reload_station_column (self, to_station_id);
  if (unassigned != NULL && LL_IS_QUERY_MODEL (unassigned))
    ll_query_model_refresh (LL_QUERY_MODEL (unassigned));
  update_counts (self);
  mark_balance_stale (self);
}

/* The membership a station card showed, as the board still has it (it
 * may be gone from the database when a colleague moved the person). */
static LlMembership *
card_membership (LlStationingBoard *self,
                 const char        *column_key,
                 gint64             membership_id)
{
  GListModel *model = ll_board_get_column_model (self->board, column_key);

  for (guint i = 0; model != NULL && i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (LL_IS_MEMBERSHIP (item) && ll_membership_get_id (LL_MEMBERSHIP (item)) == membership_id)
        return LL_MEMBERSHIP (g_steal_pointer (&item));
    }
  return ll_membership_store_get (self->db, membership_id, NULL);
}

/* The people a drag carries: person ids for the Unassigned column,
 * membership ids (still current, else a conflict) for a station. */
static GArray *
resolve_people (LlStationingBoard  *self,
                LlBoardDrag        *drag,
                GError            **error)
{
  g_autoptr(GArray) people = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 from_station_id = station_id_of_key (ll_board_drag_get_source_key (drag));
  guint n_ids;
  const gint64 *ids = ll_board_drag_get_ids (drag, &n_ids);
  g_autoptr(GPtrArray) memberships = NULL;

  if (from_station_id == 0)
    {
      g_array_append_vals (people, ids, n_ids);
      return g_steal_pointer (&people);
    }

  memberships = ll_membership_store_load_many (self->db, ids, n_ids, error);
  if (memberships == NULL)
    return NULL;
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *membership = g_ptr_array_index (memberships, i);
      gint64 person_id = ll_membership_get_person_id (membership);

      if (!ll_membership_is_current (membership)
          || ll_membership_get_station_id (membership) != from_station_id)
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                       _("“%s” is no longer stationed at “%s”; someone may have moved them "
                         "meanwhile."),
                       ll_membership_get_person_name (membership),
                       station_name (self, from_station_id));
          return NULL;
        }
      g_array_append_val (people, person_id);
    }
  if (memberships->len < n_ids)
    {
      for (guint i = 0; i < n_ids; i++)
        {
          gboolean found = FALSE;

          for (guint j = 0; j < memberships->len && !found; j++)
            found = ll_membership_get_id (g_ptr_array_index (memberships, j)) == ids[i];
          if (!found)
            {
              g_autoptr(LlMembership) gone =
                card_membership (self, ll_board_drag_get_source_key (drag), ids[i]);

              if (gone != NULL)
                {
                  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                               _("“%s” is no longer stationed at “%s”; someone may have moved "
                                 "them meanwhile."),
                               ll_membership_get_person_name (gone),
                               station_name (self, from_station_id));
                  return NULL;
                }
            }
        }
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                           _("Someone has changed these stationings meanwhile; the board now "
                             "shows where the people are."));
      return NULL;
    }
  return g_steal_pointer (&people);
}

/* Shows where the first person of a drag is now, after a conflict. */
static void
show_current_place (LlStationingBoard *self,
                    LlBoardDrag       *drag)
{
  g_autoptr(GPtrArray) memberships = NULL;
  guint n_ids;
  const gint64 *ids = ll_board_drag_get_ids (drag, &n_ids);
  gint64 person_id = 0;

  if (n_ids == 0)
    return;
  if (station_id_of_key (ll_board_drag_get_source_key (drag)) == 0)
    person_id = ids[0];
  else
    {
      g_autoptr(LlMembership) membership =
        card_membership (self, ll_board_drag_get_source_key (drag), ids[0]);

      if (membership != NULL)
        person_id = ll_membership_get_person_id (membership);
    }
  if (person_id == 0)
    return;

  memberships = ll_membership_store_list_by_person (self->db, person_id, TRUE, NULL);
  if (memberships == NULL || memberships->len == 0)
    ll_board_select_card (self->board, LL_STATIONING_UNASSIGNED, person_id);
  else
    {
      LlMembership *membership = g_ptr_array_index (memberships, 0);
      g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT,
                                              ll_membership_get_station_id (membership));

      if (find_column (self, key, NULL) == NULL)
        {
          /* Stationed outside the filter: show every station. */
          gtk_drop_down_set_selected (self->area_filter, 0);
          gtk_drop_down_set_selected (self->kind_filter, 0);
        }
      reload_station_column (self, ll_membership_get_station_id (membership));
      ll_board_select_card (self->board, key, ll_membership_get_id (membership));
    }
}

static void
refresh_all (LlStationingBoard *self)
{
  GListModel *columns = G_LIST_MODEL (self->columns);
  guint n = g_list_model_get_n_items (columns);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (columns, i);
      gint64 id = station_id_of_key (ll_board_column_get_key (column));

      if (id > 0)
        reload_station_column (self, id);
    }
  update_counts (self);
  mark_balance_stale (self);
}

/* Balance */

static void
compute_balance (LlStationingBoard *self)
{
  guint n_levels = ll_enum_get_n_values (LL_ENUM_DEPUTY_LEVEL);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->columns));
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);
  gint64 start = g_get_monotonic_time ();

  g_hash_table_remove_all (self->balance);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), i);
      gint64 id = station_id_of_key (ll_board_column_get_key (column));
      g_autoptr(GPtrArray) memberships = NULL;
      guint *counts;
      gint64 *hash_id;

      if (id == 0)
        continue;
      memberships = ll_membership_store_list_by_station (self->db, id, TRUE, NULL);
      counts = g_new0 (guint, n_levels + 1);
      for (guint j = 0; memberships != NULL && j < memberships->len; j++)
        {
          LlMembership *membership = g_ptr_array_index (memberships, j);
          int level;

          if (g_strcmp0 (ll_membership_get_person_role (membership), "deputy") != 0)
            continue;
          level = ll_enum_find (LL_ENUM_DEPUTY_LEVEL, ll_membership_get_person_level (membership));
          if (level >= 0)
            counts[level]++;
          counts[n_levels]++;
        }
      hash_id = g_new (gint64, 1);
      *hash_id = id;
      g_hash_table_insert (self->balance, hash_id, counts);
      g_ptr_array_add (rows, g_object_ref (column));
    }
  g_list_store_splice (self->balance_rows, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->balance_rows)),
                       rows->pdata, rows->len);
  self->balance_stale = FALSE;
  g_debug ("Balance of %u stations in %" G_GINT64_FORMAT " µs",
           rows->len, g_get_monotonic_time () - start);
}

static void
mark_balance_stale (LlStationingBoard *self)
{
  self->balance_stale = TRUE;
  if (self->db != NULL
      && g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "balance") == 0)
    compute_balance (self);
}

static void
balance_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (data) < 0 ? 0.0 : 1.0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (data) >= 0)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
balance_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 gpointer                  data)
{
  LlStationingBoard *self = g_object_get_data (G_OBJECT (factory), "ll-stationing-board");
  LlBoardColumn *column = gtk_list_item_get_item (item);
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  int index = GPOINTER_TO_INT (data);
  gint64 id = station_id_of_key (ll_board_column_get_key (column));
  guint *counts;

  if (index < 0)
    {
      gtk_label_set_label (label, ll_board_column_get_title (column));
      return;
    }
  counts = g_hash_table_lookup (self->balance, &id);
  if (counts == NULL || counts[index] == 0)
    gtk_label_set_label (label, "–");
  else
    {
      g_autofree char *text = g_strdup_printf ("%u", counts[index]);

      gtk_label_set_label (label, text);
    }
}

static void
add_balance_column (LlStationingBoard *self,
                    const char        *title,
                    int                index)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_object_set_data (G_OBJECT (factory), "ll-stationing-board", self);
  g_signal_connect (factory, "setup", G_CALLBACK (balance_setup_cb), GINT_TO_POINTER (index));
  g_signal_connect (factory, "bind", G_CALLBACK (balance_bind_cb), GINT_TO_POINTER (index));
  column = gtk_column_view_column_new (title, g_object_ref (factory));
  if (index < 0)
    gtk_column_view_column_set_expand (column, TRUE);
  else
    gtk_column_view_column_set_fixed_width (column, 80);
  gtk_column_view_append_column (self->balance_view, column);
}

/* Cards */

static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               LlStationingBoard        *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);
  GtkWidget *badge = gtk_label_new (NULL);
  GtkWidget *warning = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_add_css_class (box, "ll-stationing-card");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "caption");
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (texts), name);
  gtk_box_append (GTK_BOX (texts), detail);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_add_css_class (badge, "ll-level-badge");
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (warning, "warning");
  gtk_widget_set_valign (warning, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), warning);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_box_append (GTK_BOX (box), badge);

  g_object_set_data (G_OBJECT (box), "name", name);
  g_object_set_data (G_OBJECT (box), "detail", detail);
  g_object_set_data (G_OBJECT (box), "badge", badge);
  g_object_set_data (G_OBJECT (box), "warning", warning);
  gtk_list_item_set_child (item, box);
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LlStationingBoard        *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GObject *record = gtk_list_item_get_item (item);
  GtkLabel *name = g_object_get_data (G_OBJECT (box), "name");
  GtkLabel *detail = g_object_get_data (G_OBJECT (box), "detail");
  GtkLabel *badge = g_object_get_data (G_OBJECT (box), "badge");
  GtkWidget *warning = g_object_get_data (G_OBJECT (box), "warning");
  const char *person_name, *role, *level, *station_role = NULL;
  const char *problem = NULL;
  g_autofree char *text = NULL;
  g_autofree char *accessible = NULL;

  if (LL_IS_MEMBERSHIP (record))
    {
      LlMembership *membership = LL_MEMBERSHIP (record);

      person_name = ll_membership_get_person_name (membership);
      role = ll_membership_get_person_role (membership);
      level = ll_membership_get_person_level (membership);
      station_role = ll_membership_get_station_role (membership);
      if (g_strcmp0 (role, "deputy") == 0 && !ll_membership_get_is_primary (membership))
        problem = _("A deputy’s only station should be their primary one");
    }
  else if (LL_IS_PERSON (record))
    {
      LlPerson *person = LL_PERSON (record);

      person_name = ll_person_get_name (person);
      role = ll_person_get_role (person);
      level = ll_person_get_level (person);
      if (g_strcmp0 (role, "deputy") == 0)
        problem = _("This deputy has no primary station");
    }
  else
    return;

  gtk_label_set_label (name, person_name);
  if (station_role != NULL && g_strcmp0 (station_role, "member") != 0)
    text = g_strdup_printf ("%s · %s", ll_enum_get_label (LL_ENUM_PERSON_ROLE, role),
                            ll_enum_get_label (LL_ENUM_STATION_ROLE, station_role));
  else
    text = g_strdup (ll_enum_get_label (LL_ENUM_PERSON_ROLE, role));
  gtk_label_set_label (detail, text);

  gtk_widget_set_visible (GTK_WIDGET (badge), level != NULL && level[0] != '\0');
  if (level != NULL && level[0] != '\0')
    gtk_label_set_label (badge, ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL, level));

  if (station_role != NULL && g_strcmp0 (station_role, "head") == 0)
    gtk_widget_add_css_class (box, "head");
  else
    gtk_widget_remove_css_class (box, "head");

  gtk_widget_set_visible (warning, problem != NULL);
  gtk_widget_set_tooltip_text (warning, problem);
  accessible = g_strdup_printf ("%s, %s%s%s", person_name, text,
                                problem ? ", " : "", problem ? problem : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

/* Board callbacks */

static GListModel *
column_model_cb (LlBoard       *board,
                 LlBoardColumn *column,
                 gpointer       user_data)
{
  LlStationingBoard *self = user_data;
  gint64 station_id = station_id_of_key (ll_board_column_get_key (column));

  if (self->db == NULL)
    return G_LIST_MODEL (g_list_store_new (G_TYPE_OBJECT));

  if (station_id == 0)
    {
      LlQueryModel *model = ll_query_model_new (self->db, LL_TYPE_PERSON,
                                                ll_person_store_load_many, unassigned_tables);
      g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (GValue));
      LlPersonFilter filter = { 0, };
      g_autofree char *sql = NULL;

      g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
      filter.unstationed = TRUE;
      sql = ll_person_store_build_query (&filter, LL_PERSON_SORT_NAME, FALSE, params);
      ll_query_model_set_query (model, sql, (const GValue *) (gpointer) params->data, params->len);
      return G_LIST_MODEL (model);
    }
  else
    {
      GListStore *store = g_list_store_new (LL_TYPE_MEMBERSHIP);

      reload_station_store (self, store, station_id);
      ll_board_column_set_count (column, g_list_model_get_n_items (G_LIST_MODEL (store)));
      return G_LIST_MODEL (store);
    }
}

/* Whether every dragged person may serve several stations, read once
 * per drag. */
static gboolean
copy_allowed (LlStationingBoard  *self,
              LlBoardDrag        *drag,
              char              **reason)
{
  if (self->copy_checked != drag)
    {
      g_autoptr(GArray) people = resolve_people (self, drag, NULL);
      g_autoptr(GPtrArray) records = NULL;

      g_clear_pointer (&self->copy_checked, ll_board_drag_unref);
      g_clear_pointer (&self->copy_refusal, g_free);
      self->copy_checked = ll_board_drag_ref (drag);
      if (people != NULL)
        records = ll_person_store_load_many (self->db, (const gint64 *) (gpointer) people->data,
                                             people->len, NULL);
      for (guint i = 0; records != NULL && i < records->len; i++)
        {
          LlPerson *person = g_ptr_array_index (records, i);

          if (!ll_person_role_can_serve_several_stations (ll_person_get_role (person)))
            {
              self->copy_refusal =
                g_strdup_printf (_("%s (%s) can be stationed at only one station"),
                                 ll_person_get_name (person),
                                 ll_enum_get_label (LL_ENUM_PERSON_ROLE,
                                                    ll_person_get_role (person)));
              break;
            }
        }
    }

  if (self->copy_refusal != NULL && reason != NULL)
    *reason = g_strdup (self->copy_refusal);
  return self->copy_refusal == NULL;
}

static gboolean
can_drop_cb (LlBoard        *board,
             LlBoardColumn  *column,
             LlBoardDrag    *drag,
             GdkDragAction   action,
             char          **reason,
             gpointer        user_data)
{
  LlStationingBoard *self = user_data;

  if (!self->editable || self->db == NULL)
    return FALSE;
  if (station_id_of_key (ll_board_column_get_key (column)) == 0)
    {
      if (reason != NULL)
        *reason = g_strdup (_("To take someone off their station, end the stationing in their "
                              "details"));
      return FALSE;
    }
  if (action == GDK_ACTION_COPY)
    return copy_allowed (self, drag, reason);
  return TRUE;
}

static gboolean
drop_cb (LlStationingBoard *self,
         const char        *column_key,
         LlBoardDrag       *drag,
         GdkDragAction      action,
         LlBoard           *board)
{
  ll_stationing_board_move (self, column_key, drag, action == GDK_ACTION_COPY);
  /* Handled either way: a refusal has been explained. */
  return TRUE;
}

static void
move_requested_cb (LlStationingBoard *self,
                   LlBoardDrag       *selection,
                   LlBoard           *board)
{
  g_clear_pointer (&self->pending_move, ll_board_drag_unref);
  self->pending_move = ll_board_drag_ref (selection);
  gtk_menu_button_popup (self->move_button);
}

/* A popover listing the columns' stations, narrowed as one types: Go to
 * (Ctrl+F) scrolls to the station, Move (Ctrl+M) moves the selection. */
typedef struct
{
  LlStationingBoard  *self;
  GtkPopover         *popover;
  GtkSearchEntry     *entry;
  GtkListView        *list;
  GtkFilterListModel *filtered;
  gboolean            move;
} StationSearch;

static void
station_search_choose (StationSearch *search,
                       guint          position)
{
  LlStationingBoard *self = search->self;
  g_autoptr(LlBoardColumn) column = g_list_model_get_item (G_LIST_MODEL (search->filtered),
                                                           position);
  const char *key;

  if (column == NULL)
    {
      gtk_widget_error_bell (GTK_WIDGET (search->entry));
      return;
    }
  key = ll_board_column_get_key (column);
  gtk_popover_popdown (search->popover);

  if (search->move)
    {
      g_autoptr(LlBoardDrag) drag = self->pending_move ? g_steal_pointer (&self->pending_move)
                                                       : ll_board_get_selection (self->board);

      if (ll_board_drag_get_n_ids (drag) == 0)
        {
          add_toast (self, toast_new (_("Select people on the board first")));
          return;
        }
      ll_stationing_board_move (self, key, drag, FALSE);
    }
  else
    {
      gtk_stack_set_visible_child_name (self->view_stack, "board");
      ll_board_scroll_to_column (self->board, key);
      ll_board_focus_column (self->board, key);
    }
}

static void
station_search_activate_cb (GtkSearchEntry *entry,
                            StationSearch  *search)
{
  station_search_choose (search, 0);
}

static void
station_search_list_activate_cb (GtkListView   *list,
                                 guint          position,
                                 StationSearch *search)
{
  station_search_choose (search, position);
}

static void
station_search_changed_cb (GtkSearchEntry *entry,
                           StationSearch  *search)
{
  GtkFilter *filter = gtk_filter_list_model_get_filter (search->filtered);

  gtk_string_filter_set_search (GTK_STRING_FILTER (filter),
                                gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static void
station_search_show_cb (GtkPopover    *popover,
                        StationSearch *search)
{
  gtk_editable_set_text (GTK_EDITABLE (search->entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (search->entry));
}

static void
station_search_closed_cb (GtkPopover    *popover,
                          StationSearch *search)
{
  if (search->move)
    g_clear_pointer (&search->self->pending_move, ll_board_drag_unref);
}

static gboolean
not_unassigned (gpointer item,
                gpointer data)
{
  return station_id_of_key (ll_board_column_get_key (item)) != 0;
}

static void
station_search_setup_cb (GtkSignalListItemFactory *factory,
                         GtkListItem              *item,
                         gpointer                  data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
station_search_bind_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *item,
                        gpointer                  data)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       ll_board_column_get_title (gtk_list_item_get_item (item)));
}

static void
add_station_search (LlStationingBoard *self,
                    GtkMenuButton     *button,
                    gboolean           move)
{
  StationSearch *search = g_new0 (StationSearch, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkStringFilter *filter;
  GListModel *model = g_object_ref (G_LIST_MODEL (self->columns));
  GtkNoSelection *selection;

  search->self = self;
  search->move = move;
  search->popover = GTK_POPOVER (gtk_popover_new ());
  search->entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (search->entry, "placeholder-text", _("Search stations"), NULL);
  gtk_widget_set_name (GTK_WIDGET (search->entry),
                       move ? "stationing-move-search" : "stationing-jump-search");
  gtk_accessible_update_property (GTK_ACCESSIBLE (search->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search stations"), -1);

  if (move)
    model = G_LIST_MODEL (gtk_filter_list_model_new (model,
                                                     GTK_FILTER (gtk_custom_filter_new (
                                                       not_unassigned, NULL, NULL))));
  filter = gtk_string_filter_new (gtk_property_expression_new (LL_TYPE_BOARD_COLUMN, NULL,
                                                               "title"));
  gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  search->filtered = gtk_filter_list_model_new (model, GTK_FILTER (filter));

  g_signal_connect (factory, "setup", G_CALLBACK (station_search_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (station_search_bind_cb), NULL);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (search->filtered)));
  search->list = GTK_LIST_VIEW (gtk_list_view_new (GTK_SELECTION_MODEL (selection),
                                                   g_object_ref (factory)));
  gtk_list_view_set_single_click_activate (search->list, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (search->list), "navigation-sidebar");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (search->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_widget_set_size_request (scroller, 280, -1);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (search->entry));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (search->popover, box);
  gtk_search_entry_set_key_capture_widget (search->entry, NULL);

  g_signal_connect (search->entry, "activate", G_CALLBACK (station_search_activate_cb), search);
  g_signal_connect (search->entry, "search-changed", G_CALLBACK (station_search_changed_cb),
                    search);
  g_signal_connect (search->list, "activate", G_CALLBACK (station_search_list_activate_cb),
                    search);
  g_signal_connect (search->popover, "show", G_CALLBACK (station_search_show_cb), search);
  g_signal_connect (search->popover, "closed", G_CALLBACK (station_search_closed_cb), search);
  g_object_set_data_full (G_OBJECT (search->popover), "ll-station-search", search, g_free);
  g_object_set_data_full (G_OBJECT (search->popover), "ll-station-search-model",
                          g_object_ref (search->filtered), g_object_unref);
  g_object_unref (search->filtered);
  gtk_menu_button_set_popover (button, GTK_WIDGET (search->popover));
}

static void
filter_changed_cb (LlStationingBoard *self)
{
  reload_columns (self);
}

static void
balance_toggled_cb (LlStationingBoard *self,
                    GtkToggleButton   *button)
{
  gtk_stack_set_visible_child_name (self->view_stack,
                                    gtk_toggle_button_get_active (button) ? "balance" : "board");
}

static void
view_changed_cb (LlStationingBoard *self)
{
  gtk_toggle_button_set_active (self->balance_toggle,
                                g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack),
                                           "balance") == 0);
  if (self->balance_stale)
    mark_balance_stale (self);
}

static void
undo_toast_cb (AdwToast          *toast,
               LlStationingBoard *self)
{
  ll_stationing_board_undo (self);
}

/* Ctrl+M from the toolbar too, not only from the cards. */
static void
move_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlStationingBoard *self = LL_STATIONING_BOARD (widget);
  g_autoptr(LlBoardDrag) selection = ll_board_get_selection (self->board);

  if (!self->editable || self->db == NULL)
    return;
  if (ll_board_drag_get_n_ids (selection) == 0)
    {
      add_toast (self, toast_new (_("Select people on the board first")));
      return;
    }
  move_requested_cb (self, selection, self->board);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_stationing_board_undo (LL_STATIONING_BOARD (widget));
}

static void
set_role_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlStationingBoard *self = LL_STATIONING_BOARD (widget);
  const char *role = g_variant_get_string (parameter, NULL);
  g_autoptr(LlBoardDrag) selection = ll_board_get_selection (self->board);
  gint64 station_id = station_id_of_key (ll_board_drag_get_source_key (selection));
  guint n_ids;
  const gint64 *ids = ll_board_drag_get_ids (selection, &n_ids);

  if (!self->editable || self->db == NULL || n_ids == 0)
    return;
  if (station_id == 0)
    {
      show_error (self, _("No Station Yet"),
                  _("Station these people first: drag them onto a station, or press Ctrl+M."));
      return;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlMembership) membership = ll_membership_store_get (self->db, ids[i], &error);

      if (membership == NULL
          || !ll_membership_store_set_role (self->db, membership, role, &error))
        {
          show_error (self, _("Cannot Change the Station Role"), error->message);
          break;
        }
    }
  reload_station_column (self, station_id);

  /* The card moves with its new role (heads first): keep it selected
   * and the keyboard focus in its column. */
  ll_board_focus_column (self->board, ll_board_drag_get_source_key (selection));
  ll_board_select_card (self->board, ll_board_drag_get_source_key (selection), ids[0]);
}

static void
refresh_cb (gpointer data)
{
  LlStationingBoard *self = data;

  self->refresh_source = 0;
  if (self->refresh_columns)
    {
      self->refresh_columns = FALSE;
      reload_columns (self);
    }
  refresh_all (self);
}

static void
database_changed_cb (LlDatabase        *db,
                     GPtrArray         *changes,
                     LlStationingBoard *self)
{
  gboolean relevant = changes == NULL;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      LlChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->table, "stations") == 0 || g_strcmp0 (change->table, "areas") == 0)
        self->refresh_columns = relevant = TRUE;
      else if (g_strcmp0 (change->table, "memberships") == 0
               || g_strcmp0 (change->table, "people") == 0)
        relevant = TRUE;
    }
  if (changes == NULL)
    self->refresh_columns = TRUE;
  if (relevant && self->refresh_source == 0)
    self->refresh_source = g_timeout_add_once (150, refresh_cb, self);
}

static void
load_filters (LlStationingBoard *self)
{
  g_autoptr(GListStore) areas = g_list_store_new (LL_TYPE_CHOICE);
  g_autoptr(GListStore) kinds = g_list_store_new (LL_TYPE_CHOICE);
  g_autoptr(LlChoice) all_areas = ll_choice_new (0, NULL, _("All Areas"));
  g_autoptr(LlChoice) all_kinds = ll_choice_new (0, NULL, _("All Kinds"));

  g_list_store_append (areas, all_areas);
  if (self->db != NULL)
    {
      g_autoptr(GPtrArray) list = ll_area_store_list_all (self->db, NULL);

      for (guint i = 0; list != NULL && i < list->len; i++)
        {
          LlArea *area = g_ptr_array_index (list, i);
          g_autoptr(LlChoice) choice = ll_choice_new (ll_area_get_id (area), NULL,
                                                      ll_area_get_name (area));

          g_list_store_append (areas, choice);
        }
    }
  g_list_store_append (kinds, all_kinds);
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_STATION_KIND); i++)
    {
      g_autoptr(LlChoice) choice = ll_choice_new (0, ll_enum_get_key (LL_ENUM_STATION_KIND, i),
                                                  ll_enum_get_label_at (LL_ENUM_STATION_KIND, i));

      g_list_store_append (kinds, choice);
    }

  g_signal_handlers_block_by_func (self->area_filter, filter_changed_cb, self);
  g_signal_handlers_block_by_func (self->kind_filter, filter_changed_cb, self);
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (areas));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));
  g_signal_handlers_unblock_by_func (self->area_filter, filter_changed_cb, self);
  g_signal_handlers_unblock_by_func (self->kind_filter, filter_changed_cb, self);
}

static void
update_sensitivity (LlStationingBoard *self)
{
  gboolean editable = self->editable && self->db != NULL;

  ll_board_set_editable (self->board, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->move_button), editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stationing.set-role", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stationing.undo", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "stationing.move-to", editable);
}

/* GObject */

static void
ll_stationing_board_dispose (GObject *object)
{
  LlStationingBoard *self = LL_STATIONING_BOARD (object);

  ll_stationing_board_set_database (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_STATIONING_BOARD);
  g_clear_object (&self->columns);
  g_clear_object (&self->balance_rows);
  g_clear_pointer (&self->last_move, ll_membership_snapshot_unref);
  g_clear_pointer (&self->pending_move, ll_board_drag_unref);
  g_clear_pointer (&self->copy_checked, ll_board_drag_unref);
  g_clear_pointer (&self->copy_refusal, g_free);

  G_OBJECT_CLASS (ll_stationing_board_parent_class)->dispose (object);
}

static void
ll_stationing_board_finalize (GObject *object)
{
  LlStationingBoard *self = LL_STATIONING_BOARD (object);

  g_clear_pointer (&self->station_names, g_hash_table_unref);
  g_clear_pointer (&self->balance, g_hash_table_unref);

  G_OBJECT_CLASS (ll_stationing_board_parent_class)->finalize (object);
}

static void
ll_stationing_board_class_init (LlStationingBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_stationing_board_dispose;
  object_class->finalize = ll_stationing_board_finalize;

  g_type_ensure (LL_TYPE_BOARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-stationing-board.ui");
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, area_filter);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, jump_button);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, move_button);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, balance_toggle);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, board_stack);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, board);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, balance_view);
  gtk_widget_class_bind_template_child (widget_class, LlStationingBoard, empty_page);
  gtk_widget_class_bind_template_callback (widget_class, drop_cb);
  gtk_widget_class_bind_template_callback (widget_class, move_requested_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, balance_toggled_cb);

  gtk_widget_class_install_action (widget_class, "stationing.set-role", "s", set_role_action);
  gtk_widget_class_install_action (widget_class, "stationing.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "stationing.move-to", NULL, move_to_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "stationing.move-to", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
ll_stationing_board_init (LlStationingBoard *self)
{
  g_autoptr(GtkListItemFactory) cards = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkExpression) label = NULL;
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) roles = g_menu_new ();
  g_autoptr(GtkNoSelection) balance_selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->columns = g_list_store_new (LL_TYPE_BOARD_COLUMN);
  self->balance_rows = g_list_store_new (LL_TYPE_BOARD_COLUMN);
  self->station_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->balance = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  label = gtk_property_expression_new (LL_TYPE_CHOICE, NULL, "label");
  gtk_drop_down_set_expression (self->area_filter, label);
  gtk_drop_down_set_expression (self->kind_filter, label);

  g_signal_connect (cards, "setup", G_CALLBACK (card_setup_cb), self);
  g_signal_connect (cards, "bind", G_CALLBACK (card_bind_cb), self);
  ll_board_set_card_factory (self->board, cards);
  ll_board_set_columns (self->board, G_LIST_MODEL (self->columns));
  ll_board_set_column_model_func (self->board, column_model_cb, self, NULL);
  ll_board_set_can_drop_func (self->board, can_drop_cb, self, NULL);

  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_STATION_ROLE); i++)
    {
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *text = g_strdup_printf (_("Station Role: %s"),
                                               ll_enum_get_label_at (LL_ENUM_STATION_ROLE, i));

      item = g_menu_item_new (text, NULL);
      g_menu_item_set_action_and_target (item, "stationing.set-role", "s",
                                         ll_enum_get_key (LL_ENUM_STATION_ROLE, i));
      g_menu_append_item (roles, item);
    }
  g_menu_append_section (menu, NULL, G_MENU_MODEL (roles));
  g_menu_append (menu, _("_Move to Station…"), "board.move-to");
  ll_board_set_card_menu (self->board, G_MENU_MODEL (menu));

  balance_selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->balance_rows)));
  gtk_column_view_set_model (self->balance_view, GTK_SELECTION_MODEL (balance_selection));
  add_balance_column (self, _("Station"), -1);
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_DEPUTY_LEVEL); i++)
    add_balance_column (self, ll_enum_get_label_at (LL_ENUM_DEPUTY_LEVEL, i), (int) i);
  add_balance_column (self, _("All Deputies"), (int) ll_enum_get_n_values (LL_ENUM_DEPUTY_LEVEL));

  add_station_search (self, self->jump_button, FALSE);
  add_station_search (self, self->move_button, TRUE);
  load_filters (self);
  update_sensitivity (self);
}

/* Public API */

void
ll_stationing_board_set_database (LlStationingBoard *self,
                                  LlDatabase        *database)
{
  g_return_if_fail (LL_IS_STATIONING_BOARD (self));
  g_return_if_fail (database == NULL || LL_IS_DATABASE (database));

  if (self->db == database)
    return;

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  g_clear_pointer (&self->last_move, ll_membership_snapshot_unref);
  g_clear_pointer (&self->copy_checked, ll_board_drag_unref);
  g_clear_object (&self->db);

  if (database != NULL)
    {
      self->db = g_object_ref (database);
      self->changed_handler = g_signal_connect (database, "changed",
                                                G_CALLBACK (database_changed_cb), self);
    }

  if (self->move_button != NULL)
    {
      gint64 start = g_get_monotonic_time ();

      load_filters (self);
      g_debug ("Filters read in %" G_GINT64_FORMAT " µs", g_get_monotonic_time () - start);
      reload_columns (self);
      update_sensitivity (self);
    }
}

void
ll_stationing_board_set_editable (LlStationingBoard *self,
                                  gboolean           editable)
{
  g_return_if_fail (LL_IS_STATIONING_BOARD (self));

  self->editable = !!editable;
  update_sensitivity (self);
}

/* Ctrl+F: the station search. */
void
ll_stationing_board_focus (LlStationingBoard *self)
{
  g_return_if_fail (LL_IS_STATIONING_BOARD (self));

  gtk_menu_button_popup (self->jump_button);
}

/**
 * ll_stationing_board_add_view_switcher:
 * @stack: the stack the board is a page of
 *
 * Puts a switcher for @stack at the start of the board's toolbar, so
 * that the way back to the list is where it was.
 */
void
ll_stationing_board_add_view_switcher (LlStationingBoard *self,
                                       GtkStack          *stack)
{
  GtkWidget *switcher;

  g_return_if_fail (LL_IS_STATIONING_BOARD (self));
  g_return_if_fail (GTK_IS_STACK (stack));

  switcher = gtk_stack_switcher_new ();
  gtk_widget_set_name (switcher, "stationing-views");
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), stack);
  gtk_box_prepend (GTK_BOX (self->toolbar), switcher);
}

/**
 * ll_stationing_board_get_board:
 *
 * Returns: (transfer none): the board
 */
LlBoard *
ll_stationing_board_get_board (LlStationingBoard *self)
{
  g_return_val_if_fail (LL_IS_STATIONING_BOARD (self), NULL);

  return self->board;
}

/**
 * ll_stationing_board_move:
 * @column_key: the column dropped on
 * @drag: the cards, as the board gives them
 * @copy: %TRUE when Ctrl was held
 *
 * What a drop (and Ctrl+M) does: moves or copies the memberships in one
 * transaction, shows the result at once, offers Undo on a toast. A
 * refusal is explained in a dialog; a card that moved underneath is
 * shown where it is now.
 *
 * Returns: %TRUE when the move was made
 */
gboolean
ll_stationing_board_move (LlStationingBoard *self,
                          const char        *column_key,
                          LlBoardDrag       *drag,
                          gboolean           copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) people = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  gint64 from_station_id, to_station_id;
  g_autofree char *title = NULL;
  AdwToast *toast;

  g_return_val_if_fail (LL_IS_STATIONING_BOARD (self), FALSE);
  g_return_val_if_fail (drag != NULL, FALSE);

  if (!self->editable || self->db == NULL || ll_board_drag_get_n_ids (drag) == 0)
    return FALSE;

  from_station_id = station_id_of_key (ll_board_drag_get_source_key (drag));
  to_station_id = station_id_of_key (column_key);
  if (to_station_id == 0)
    {
      show_error (self, _("Cannot Move Here"),
                  _("To take someone off their station, end the stationing in their details."));
      return FALSE;
    }

  people = resolve_people (self, drag, &error);
  if (people == NULL
      || !ll_membership_store_move_many (self->db, (const gint64 *) (gpointer) people->data,
                                         people->len, from_station_id, to_station_id, copy,
                                         &snapshot, &error))
    {
      gboolean conflict = g_error_matches (error, LL_DATABASE_ERROR,
                                           LL_DATABASE_ERROR_CONFLICT);

      show_error (self, copy ? _("Cannot Copy") : _("Cannot Move"), error->message);
      if (conflict)
        show_current_place (self, drag);
      refresh_after_move (self, from_station_id, to_station_id);
      return FALSE;
    }

  refresh_after_move (self, from_station_id, to_station_id);
  g_clear_pointer (&self->last_move, ll_membership_snapshot_unref);
  self->last_move = g_steal_pointer (&snapshot);

  if (copy)
    title = g_strdup_printf (ngettext ("%u person also stationed at “%s”",
                                       "%u people also stationed at “%s”", people->len),
                             people->len, station_name (self, to_station_id));
  else
    title = g_strdup_printf (ngettext ("%u person moved to “%s”",
                                       "%u people moved to “%s”", people->len),
                             people->len, station_name (self, to_station_id));
  toast = toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (undo_toast_cb), self, 0);
  add_toast (self, toast);

  return TRUE;
}

/**
 * ll_stationing_board_undo:
 *
 * Undoes the last move (the toast's Undo).
 *
 * Returns: %TRUE when something was undone
 */
gboolean
ll_stationing_board_undo (LlStationingBoard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;

  g_return_val_if_fail (LL_IS_STATIONING_BOARD (self), FALSE);

  if (self->last_move == NULL || self->db == NULL)
    return FALSE;

  snapshot = g_steal_pointer (&self->last_move);
  if (!ll_membership_store_undo_move (self->db, snapshot, &error))
    {
      show_error (self, _("Cannot Undo"), error->message);
      refresh_all (self);
      return FALSE;
    }
  refresh_all (self);
  return TRUE;
}

void
ll_stationing_board_show_balance (LlStationingBoard *self,
                                  gboolean           balance)
{
  g_return_if_fail (LL_IS_STATIONING_BOARD (self));

  gtk_stack_set_visible_child_name (self->view_stack, balance ? "balance" : "board");
}

/**
 * ll_stationing_board_get_balance:
 * @level: (nullable): a deputy-level key, or %NULL for all deputies
 *
 * Returns: what the Balance view shows for a station
 */
guint
ll_stationing_board_get_balance (LlStationingBoard *self,
                                 gint64             station_id,
                                 const char        *level)
{
  guint *counts;
  int index;

  g_return_val_if_fail (LL_IS_STATIONING_BOARD (self), 0);

  counts = g_hash_table_lookup (self->balance, &station_id);
  if (counts == NULL)
    return 0;
  index = level ? ll_enum_find (LL_ENUM_DEPUTY_LEVEL, level)
                : (int) ll_enum_get_n_values (LL_ENUM_DEPUTY_LEVEL);
  return index >= 0 ? counts[index] : 0;
}

gint64
ll_stationing_board_get_last_load_us (LlStationingBoard *self)
{
  g_return_val_if_fail (LL_IS_STATIONING_BOARD (self), 0);

  return self->last_load_us;
}

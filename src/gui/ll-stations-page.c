/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-stations-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-area-store.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-page.h"
#include "ll-record-form.h"
#include "ll-search.h"
#include "ll-station-detail.h"
#include "ll-station-move-dialog.h"
#include "ll-station-node.h"
#include "ll-station-store.h"
#include "ll-stations-page.h"

/* The Stations page (联络站): the tree 家 → 站 → 点 on the left, the
 * selected station on the right.
 *
 * The tree is a GtkTreeListModel over LlStationNode objects that outlive
 * reloads: a reload gives each node its station as newly read and changes
 * the children lists with the fewest insertions and removals, so rows
 * keep their expanded state, the selection and the scroll position when
 * a colleague's change arrives. Filters (search, area, kind) show the
 * matching stations and, dimmed, the stations they belong to.
 *
 * The whole tree is read at once (ll_station_store_list_all: 1,000
 * stations with their counts); each reload is timed in the debug log. */

typedef enum {
  PENDING_NONE,
  PENDING_SHOW,
  PENDING_NEW,
  PENDING_NEW_CHILD,
} PendingKind;

/* A deleted station waits for its toast: Undo only has to show it again. */
typedef struct {
  GWeakRef    page;
  LlDatabase *database;
  LlStation  *station;
  AdwToast   *toast;
  gboolean    undone;
  gboolean    done;
} PendingDelete;

struct _LlStationsPage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwLeaflet         *leaflet;
  GtkSearchEntry     *search_entry;
  GtkDropDown        *area_filter;
  GtkDropDown        *kind_filter;
  GtkStack           *list_stack;
  GtkListView        *tree_view;
  GtkLabel           *count_label;
  AdwStatusPage      *error_page;
  LlStationDetail    *detail;

  /* Owned */
  LlDatabase         *database;
  GListStore         *roots;
  GtkTreeListModel   *tree_model;
  GtkSingleSelection *selection;
  GHashTable         *nodes;
  GPtrArray          *stations;
  GPtrArray          *areas;
  GListStore         *area_items;
  GPtrArray          *pending_deletes;
  char               *choices_signature;
  char               *search_text;
  GtkWidget          *drop_row;
  GtkWindow          *window;
  double              drag_x;
  double              drag_y;
  gint64              selected_id;
  gint64              pending_id;
  PendingKind         pending_kind;
  guint               reload_idle;
  gulong              close_request_id;
  gboolean            related_changed;
  gboolean            areas_changed;
  gboolean            area_choices_stale;
  gboolean            editable;
  gboolean            show_archived;
  gboolean            restoring;
  gboolean            expanded_once;
  gboolean            rebuild_next;
  gboolean            scroll_to_selected;

  /* Reading the tree in a worker, on a connection of its own */
  LlDatabase         *worker;
  GCancellable       *load_cancellable;
  guint               load_serial;
  gboolean            loading;
  gboolean            load_again;
};

enum {
  PROP_0,
  PROP_SHOW_ARCHIVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ll_stations_page_page_init (LlPageInterface *iface);
static void apply_filter               (LlStationsPage  *self,
                                        gboolean         rebuild);
static void refresh                    (LlStationsPage  *self);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlStationsPage, ll_stations_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PAGE, ll_stations_page_page_init))

/* More rows than this coming or going at once: the view makes its rows
 * afresh instead of following each change. */
#define MAX_ROW_CHANGES 40

/* Helpers ------------------------------------------------------------------ */

static gint64 *
id_key (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static LlStationNode *
lookup_node (LlStationsPage *self,
             gint64          id)
{
  return id != 0 ? g_hash_table_lookup (self->nodes, &id) : NULL;
}

static gboolean
is_filtering (LlStationsPage *self)
{
  return !ll_search_query_is_blank (self->search_text) ||
         gtk_drop_down_get_selected (self->area_filter) > 0 ||
         gtk_drop_down_get_selected (self->kind_filter) > 0;
}

static gint64
area_filter_id (LlStationsPage *self)
{
  g_autoptr(LlArea) area = NULL;
  guint selected = gtk_drop_down_get_selected (self->area_filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return 0;

  area = g_list_model_get_item (G_LIST_MODEL (self->area_items), selected);
  return area != NULL ? ll_area_get_id (area) : 0;
}

static const char *
kind_filter_key (LlStationsPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->kind_filter);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return ll_enum_get_key (LL_ENUM_STATION_KIND, selected - 1);
}

static gboolean
is_hidden (LlStationsPage *self,
           gint64          id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    {
      PendingDelete *pending = g_ptr_array_index (self->pending_deletes, i);

      if (!pending->undone && !pending->done && ll_station_get_id (pending->station) == id)
        return TRUE;
    }

  return FALSE;
}

static GtkWindow *
parent_window (LlStationsPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static gboolean
error_can_retry (const GError *error)
{
  return g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_BUSY) ||
         g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL) ||
         g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO);
}

static void
error_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   LlStationsPage   *self)
{
  const char *action = g_object_get_data (G_OBJECT (dialog), "ll-retry-action");

  if (g_strcmp0 (response, "retry") == 0 && action != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), action, NULL);
}

/* Says why something failed, in the store's words; offers Retry when
 * trying again can help (busy, disk full, the share failed). */
static void
show_error (LlStationsPage *self,
            const char     *heading,
            const GError   *error,
            const char     *retry_action)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  if (retry_action != NULL && error_can_retry (error))
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "retry", _("_Try Again"));
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "retry",
                                                  ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "retry");
      g_object_set_data_full (G_OBJECT (dialog), "ll-retry-action", g_strdup (retry_action),
                              g_free);
    }
  g_signal_connect_object (dialog, "response", G_CALLBACK (error_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_toast (LlStationsPage *self,
           AdwToast       *toast)
{
  ll_page_add_toast (LL_PAGE (self), toast);
}

/* Tree rows ----------------------------------------------------------------- */

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  LlStationNode *node = item;
  GListStore *children = ll_station_node_get_children (node);
  gboolean expandable = g_object_get_data (G_OBJECT (node), "ll-has-children") != NULL;

  /* GtkTreeListModel decides once per row whether it can expand; the
   * page re-creates the row when that changes. What counts is what the
   * node will hold once the update in progress is done. */
  g_object_set_data (G_OBJECT (node), "ll-expandable", GINT_TO_POINTER (expandable ? 2 : 1));

  return expandable ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

/* The tree's rows are made in C rather than from a template: at city
 * scale a filter can bring hundreds of rows at once, and a row built from
 * a GtkBuilder template with its bindings costs several times more. */
typedef struct {
  GtkWidget     *expander;
  GtkWidget     *box;
  GtkWidget     *icon;
  GtkWidget     *name;
  GtkWidget     *archived;
  GtkWidget     *people_icon;
  GtkWidget     *people_count;
  GtkWidget     *cases_icon;
  GtkWidget     *cases_count;
  LlStationsPage *page;
  GtkTreeListRow *list_row;
  LlStationNode *node;
  gulong         notify_id;
  gulong         expanded_id;
} RowWidgets;

static void
row_widgets_free (RowWidgets *row)
{
  if (row->node != NULL)
    g_clear_signal_handler (&row->notify_id, row->node);
  if (row->list_row != NULL)
    g_clear_signal_handler (&row->expanded_id, row->list_row);
  g_clear_object (&row->node);
  g_clear_object (&row->list_row);
  g_free (row);
}

/* Each widget of a row counts, ~200 rows at a time: the count's icon
 * and number sit in the row's box, not in one of their own. */
static void
add_count (GtkWidget  *box,
           const char *icon_name,
           GtkWidget **icon,
           GtkWidget **label,
           int         width_chars)
{
  *icon = gtk_image_new_from_icon_name (icon_name);
  gtk_image_set_pixel_size (GTK_IMAGE (*icon), 12);
  gtk_widget_set_margin_start (*icon, 6);
  *label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (*label), 1);
  gtk_label_set_width_chars (GTK_LABEL (*label), width_chars);
  gtk_widget_add_css_class (*label, "station-count");
  gtk_box_append (GTK_BOX (box), *icon);
  gtk_box_append (GTK_BOX (box), *label);
}

static void
set_count (GtkWidget *icon,
           GtkWidget *label,
           gint64     count)
{
  char text[24];

  g_snprintf (text, sizeof text, "%" G_GINT64_FORMAT, count);
  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_opacity (icon, count == 0 ? 0.35 : 0.75);
  gtk_widget_set_opacity (label, count == 0 ? 0.35 : 0.75);
}

static char *
people_text (gint64 people)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld person stationed here",
                                       "%lld people stationed here", people),
                          (long long) people);
}

static char *
cases_text (gint64 cases)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld open case", "%lld open cases",
                                       cases),
                          (long long) cases);
}

static void
row_update (RowWidgets *row)
{
  LlStation *station = ll_station_node_get_station (row->node);
  const char *kind = ll_station_get_kind (station);
  gint64 people = MAX (ll_station_get_people_count (station), 0);
  gint64 cases = MAX (ll_station_get_open_case_count (station), 0);

  gtk_image_set_from_icon_name (GTK_IMAGE (row->icon), ll_station_kind_get_icon_name (kind));
  gtk_label_set_text (GTK_LABEL (row->name), ll_station_get_name (station));

  /* Few stations are archived: their tag is made when first needed. */
  if (!ll_station_get_active (station) && row->archived == NULL)
    {
      row->archived = gtk_label_new (_("Archived"));
      gtk_widget_set_valign (row->archived, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (row->archived, "station-tag");
      gtk_widget_add_css_class (row->archived, "station-archived");
      gtk_box_insert_child_after (GTK_BOX (row->box), row->archived, row->name);
    }
  if (row->archived != NULL)
    gtk_widget_set_visible (row->archived, !ll_station_get_active (station));

  set_count (row->people_icon, row->people_count, people);
  set_count (row->cases_icon, row->cases_count, cases);
  /* Rows shown only because a station under them matches are dimmed. */
  gtk_widget_set_opacity (row->box, ll_station_node_get_context (row->node) ? 0.55 : 1.0);
}

/* Tooltips are worked out when asked for: setting five of them on each
 * of ~200 rows at every search cost more than making the rows. */
static gboolean
row_query_tooltip_cb (GtkWidget  *box,
                      int         x,
                      int         y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      RowWidgets *row)
{
  LlStation *station;
  GtkWidget *picked;
  graphene_rect_t bounds;
  g_autofree char *text = NULL;

  if (row->node == NULL || keyboard)
    return FALSE;

  station = ll_station_node_get_station (row->node);
  picked = gtk_widget_pick (box, x, y, GTK_PICK_DEFAULT);
  if (picked == row->icon)
    text = g_strdup (ll_enum_get_label (LL_ENUM_STATION_KIND, ll_station_get_kind (station)));
  else if (picked == row->people_icon || picked == row->people_count)
    text = people_text (MAX (ll_station_get_people_count (station), 0));
  else if (picked == row->cases_icon || picked == row->cases_count)
    text = cases_text (MAX (ll_station_get_open_case_count (station), 0));

  if (text == NULL)
    return FALSE;

  /* Beside what it is about, not at the row's start. */
  if (gtk_widget_compute_bounds (picked, box, &bounds))
    gtk_tooltip_set_tip_area (tooltip, &(GdkRectangle) {
                                (int) bounds.origin.x, (int) bounds.origin.y,
                                (int) bounds.size.width, (int) bounds.size.height });
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
row_node_notify_cb (LlStationNode *node,
                    GParamSpec    *pspec,
                    RowWidgets    *row)
{
  row_update (row);
}

/* What the user opens and closes is remembered by the node: a search
 * opens everything, and clearing it brings back the user's tree. */
static void
row_expanded_cb (GtkTreeListRow *list_row,
                 GParamSpec     *pspec,
                 RowWidgets     *row)
{
  if (row->page->restoring || row->node == NULL)
    return;

  g_object_set_data (G_OBJECT (row->node), "ll-expanded",
                     gtk_tree_list_row_get_expanded (list_row) ? GINT_TO_POINTER (1) : NULL);
}

static void
row_setup_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              LlStationsPage           *page)
{
  RowWidgets *row = g_new0 (RowWidgets, 1);

  row->page = page;

  row->expander = gtk_tree_expander_new ();
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 3);
  row->icon = gtk_image_new ();
  gtk_widget_set_margin_end (row->icon, 5);
  row->name = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (row->name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (row->name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (row->name, TRUE);
  gtk_box_append (GTK_BOX (row->box), row->icon);
  gtk_box_append (GTK_BOX (row->box), row->name);
  add_count (row->box, "system-users-symbolic", &row->people_icon, &row->people_count, 2);
  add_count (row->box, "mail-unread-symbolic", &row->cases_icon, &row->cases_count, 3);
  gtk_widget_set_has_tooltip (row->box, TRUE);
  g_signal_connect (row->box, "query-tooltip", G_CALLBACK (row_query_tooltip_cb), row);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (row->expander), row->box);
  gtk_list_item_set_child (item, row->expander);

  g_object_set_data_full (G_OBJECT (item), "ll-row", row, (GDestroyNotify) row_widgets_free);
}

static void
row_bind_cb (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (item), "ll-row");
  GtkTreeListRow *list_row = gtk_list_item_get_item (item);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), list_row);
  row->list_row = g_object_ref (list_row);
  row->expanded_id = g_signal_connect (list_row, "notify::expanded",
                                       G_CALLBACK (row_expanded_cb), row);
  row->node = gtk_tree_list_row_get_item (list_row);
  row->notify_id = g_signal_connect (row->node, "notify", G_CALLBACK (row_node_notify_cb), row);
  row_update (row);
}

static void
row_unbind_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  RowWidgets *row = g_object_get_data (G_OBJECT (item), "ll-row");

  if (row->node != NULL)
    g_clear_signal_handler (&row->notify_id, row->node);
  if (row->list_row != NULL)
    g_clear_signal_handler (&row->expanded_id, row->list_row);
  g_clear_object (&row->node);
  g_clear_object (&row->list_row);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (row->expander), NULL);
}

static int
area_margin_cb (gpointer this,
                guint    depth)
{
  return 12 * (int) depth;
}

/* Children lists ------------------------------------------------------------ */

static gpointer
store_peek (GListStore *store,
            guint       position)
{
  gpointer item = g_list_model_get_item (G_LIST_MODEL (store), position);

  g_object_unref (item);
  return item;
}

/* Makes @store hold @wanted (in order) with as few removals and insertions
 * as it takes: items that stay keep their rows. The items kept in place
 * are the longest run already in the wanted order. */
static void
update_store (GListStore *store,
              GPtrArray  *wanted)
{
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (store));
  guint n_new = wanted->len;
  g_autoptr(GHashTable) wanted_at = NULL;
  g_autofree int *positions = NULL;
  g_autofree int *tails = NULL;
  g_autofree int *previous = NULL;
  g_autofree gboolean *keep = NULL;
  guint prefix = 0, suffix = 0, n_middle, length = 0, i;

  while (prefix < n_old && prefix < n_new &&
         store_peek (store, prefix) == g_ptr_array_index (wanted, prefix))
    prefix++;
  while (suffix < n_old - prefix && suffix < n_new - prefix &&
         store_peek (store, n_old - 1 - suffix) == g_ptr_array_index (wanted, n_new - 1 - suffix))
    suffix++;

  if (prefix == n_old && prefix == n_new)
    return;

  /* Only insertions, or only removals: one splice. */
  if (prefix + suffix == n_old || prefix + suffix == n_new)
    {
      g_list_store_splice (store, prefix, n_old - prefix - suffix,
                           wanted->pdata + prefix, n_new - prefix - suffix);
      return;
    }

  wanted_at = g_hash_table_new (NULL, NULL);
  for (i = prefix; i < n_new - suffix; i++)
    g_hash_table_insert (wanted_at, g_ptr_array_index (wanted, i), GUINT_TO_POINTER (i + 1));

  /* The longest increasing run of wanted positions among the old items
   * in the middle (patience sorting): those stay. */
  n_middle = n_old - prefix - suffix;
  positions = g_new (int, n_middle);
  tails = g_new (int, n_middle + 1);
  previous = g_new (int, n_middle);
  keep = g_new0 (gboolean, n_middle);
  for (i = 0; i < n_middle; i++)
    {
      guint at = GPOINTER_TO_UINT (g_hash_table_lookup (wanted_at, store_peek (store, prefix + i)));
      guint lo = 0, hi = length;

      positions[i] = (int) at - 1;
      previous[i] = -1;
      if (positions[i] < 0)
        continue;

      while (lo < hi)
        {
          guint mid = (lo + hi) / 2;

          if (positions[tails[mid]] < positions[i])
            lo = mid + 1;
          else
            hi = mid;
        }
      if (lo > 0)
        previous[i] = tails[lo - 1];
      tails[lo] = (int) i;
      if (lo == length)
        length++;
    }
  if (length > 0)
    for (int k = tails[length - 1]; k >= 0; k = previous[k])
      keep[k] = TRUE;

  /* Remove the others, in runs, from the end. */
  for (int k = (int) n_middle - 1; k >= 0;)
    {
      int end = k;

      if (keep[k])
        {
          k--;
          continue;
        }
      while (k >= 0 && !keep[k])
        k--;
      g_list_store_splice (store, prefix + (guint) (k + 1), (guint) (end - k), NULL, 0);
    }

  /* Insert what is missing, in runs. */
  for (i = prefix; i < n_new - suffix;)
    {
      guint run = 0;

      if (i < g_list_model_get_n_items (G_LIST_MODEL (store)) &&
          store_peek (store, i) == g_ptr_array_index (wanted, i))
        {
          i++;
          continue;
        }

      while (i + run < n_new - suffix &&
             (i >= g_list_model_get_n_items (G_LIST_MODEL (store)) ||
              store_peek (store, i) != g_ptr_array_index (wanted, i + run)))
        run++;
      g_list_store_splice (store, i, 0, wanted->pdata + i, run);
      i += run;
    }
}

static void
recreate_row (GListStore    *parent_store,
              LlStationNode *node)
{
  guint position;

  if (g_list_store_find (parent_store, node, &position))
    g_list_store_splice (parent_store, position, 1, (gpointer *) &node, 1);
}

/* Gives every node its children under the filters. Top down: a
 * subtree that goes away leaves in one change at its top. Each node
 * knows beforehand whether it will have children, so that a row made
 * during the update can expand; a row made earlier whose “can expand”
 * changed is made again. */
static void
update_children (LlStationsPage *self,
                 GHashTable     *visible)
{
  g_autoptr(GHashTable) lists = g_hash_table_new_full (NULL, NULL, NULL,
                                                       (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GPtrArray) top = g_ptr_array_new ();
  g_autoptr(GPtrArray) empty = g_ptr_array_new ();

  for (guint i = 0; i < self->stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (self->stations, i);
      gint64 id = ll_station_get_id (station);
      LlStationNode *node = lookup_node (self, id);
      LlStationNode *parent = lookup_node (self, ll_station_get_parent_id (station));
      GPtrArray *list;

      if (visible != NULL && !g_hash_table_contains (visible, &id))
        continue;
      if (is_hidden (self, id))
        continue;

      if (parent == NULL)
        {
          g_ptr_array_add (top, node);
          continue;
        }

      list = g_hash_table_lookup (lists, parent);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (lists, parent, list);
        }
      g_ptr_array_add (list, node);
    }

  for (guint i = 0; i < self->stations->len; i++)
    {
      LlStationNode *node = lookup_node (self, ll_station_get_id (g_ptr_array_index (self->stations, i)));

      g_object_set_data (G_OBJECT (node), "ll-has-children",
                         g_hash_table_contains (lists, node) ? GINT_TO_POINTER (1) : NULL);
    }

  update_store (self->roots, top);

  for (guint i = 0; i < self->stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (self->stations, i);
      LlStationNode *node = lookup_node (self, ll_station_get_id (station));
      GPtrArray *list = g_hash_table_lookup (lists, node);
      int asked = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (node), "ll-expandable"));

      update_store (ll_station_node_get_children (node), list != NULL ? list : empty);

      if (asked != 0 && (asked == 2) != (list != NULL))
        {
          LlStationNode *parent = lookup_node (self, ll_station_get_parent_id (station));

          g_object_set_data (G_OBJECT (node), "ll-expandable", NULL);
          recreate_row (parent != NULL ? ll_station_node_get_children (parent) : self->roots,
                        node);
        }
    }
}

static void
expand_all (LlStationsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  /* Expanding inserts the children right after the row. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);

      if (row != NULL && gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

/* Opens the rows the user had open (remembered on the nodes) and closes
 * the others, as after a search that opened everything. */
static void
restore_expansion (LlStationsPage *self)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      g_autoptr(GObject) node = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

      gboolean wanted = node != NULL && g_object_get_data (node, "ll-expanded") != NULL;

      /* Closing a row takes its children out after it: i stays valid. */
      if (gtk_tree_list_row_get_expanded (row) != wanted && gtk_tree_list_row_is_expandable (row))
        gtk_tree_list_row_set_expanded (row, wanted);
    }
}

static void
expand_top_level (LlStationsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->roots));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GObject) node = g_list_model_get_item (G_LIST_MODEL (self->roots), i);

      g_object_set_data (node, "ll-expanded", GINT_TO_POINTER (1));
    }
}

/* The row of @node, expanding what it belongs to. */
static GtkTreeListRow *
row_for_node (LlStationsPage *self,
              LlStationNode  *node)
{
  g_autoptr(GPtrArray) chain = g_ptr_array_new ();
  g_autoptr(GtkTreeListRow) row = NULL;

  for (LlStationNode *up = node; up != NULL;
       up = lookup_node (self, ll_station_node_get_parent_id (up)))
    {
      if (chain->len > 64)
        return NULL;
      g_ptr_array_insert (chain, 0, up);
    }

  for (guint i = 0; i < chain->len; i++)
    {
      LlStationNode *link = g_ptr_array_index (chain, i);
      GListStore *store = i == 0 ? self->roots
                                 : ll_station_node_get_children (g_ptr_array_index (chain, i - 1));
      GtkTreeListRow *child;
      guint index;

      if (!g_list_store_find (store, link, &index))
        return NULL;

      if (row == NULL)
        child = gtk_tree_list_model_get_child_row (self->tree_model, index);
      else
        {
          /* Opened to show the selection: it stays open, as if the user
           * had opened it. */
          g_object_set_data (g_ptr_array_index (chain, i - 1), "ll-expanded",
                             GINT_TO_POINTER (1));
          gtk_tree_list_row_set_expanded (row, TRUE);
          child = gtk_tree_list_row_get_child_row (row, index);
        }

      g_clear_object (&row);
      row = child;
      if (row == NULL)
        return NULL;
    }

  return g_steal_pointer (&row);
}

static LlStationNode *
selected_node (LlStationsPage *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);

  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

/* Selects @id in the tree without treating it as the user's choice. */
static gboolean
select_row (LlStationsPage *self,
            gint64          id,
            gboolean        scroll)
{
  LlStationNode *node = lookup_node (self, id);
  g_autoptr(GtkTreeListRow) row = NULL;
  guint position;

  self->restoring = TRUE;
  if (node != NULL)
    row = row_for_node (self, node);

  if (row == NULL)
    {
      gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
      self->restoring = FALSE;
      return FALSE;
    }

  position = gtk_tree_list_row_get_position (row);
  if (gtk_single_selection_get_selected (self->selection) != position)
    gtk_single_selection_set_selected (self->selection, position);
  self->restoring = FALSE;

  if (scroll)
    gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u", position);

  return TRUE;
}

/* Actions' state ------------------------------------------------------------ */

static void
update_actions (LlStationsPage *self)
{
  LlStation *station = ll_station_detail_get_station (self->detail);
  gboolean editable = self->editable && self->database != NULL;
  gboolean dirty = ll_station_detail_get_dirty (self->detail);
  gboolean has = station != NULL && !is_hidden (self, ll_station_get_id (station));
  gboolean active = has && ll_station_get_active (station);
  GtkWidget *widget = GTK_WIDGET (self);

  /* Moving, archiving and deleting write the station too: they wait
   * until its edits are saved or reverted, so that none is lost. */
  gtk_widget_action_set_enabled (widget, "stations.new", editable);
  gtk_widget_action_set_enabled (widget, "stations.new-child", editable && active);
  gtk_widget_action_set_enabled (widget, "stations.save", editable && dirty);
  gtk_widget_action_set_enabled (widget, "stations.revert", dirty);
  gtk_widget_action_set_enabled (widget, "stations.move", editable && has && !dirty);
  gtk_widget_action_set_enabled (widget, "stations.archive", editable && active && !dirty);
  gtk_widget_action_set_enabled (widget, "stations.unarchive",
                                 editable && has && !active && !dirty);
  gtk_widget_action_set_enabled (widget, "stations.delete", editable && has && !dirty);
}

static void
update_count_label (LlStationsPage *self,
                    guint           n_matches)
{
  g_autofree char *text = NULL;
  guint n = self->stations != NULL ? self->stations->len : 0;

  if (is_filtering (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u station matches",
                                         "%u of %u stations match", n),
                            n_matches, n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u station", "%u stations", n), n);

  gtk_label_set_text (self->count_label, text);
}

/* Filters ------------------------------------------------------------------- */

static GHashTable *
id_set_from_array (GArray *ids)
{
  GHashTable *set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);

  for (guint i = 0; i < ids->len; i++)
    g_hash_table_add (set, id_key (g_array_index (ids, gint64, i)));

  return set;
}

/* The stations matching the filters, or NULL with @error. */
static GHashTable *
compute_matches (LlStationsPage  *self,
                 GError         **error)
{
  g_autoptr(GHashTable) searched = NULL;
  g_autoptr(GHashTable) in_area = NULL;
  GHashTable *matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  const char *kind = kind_filter_key (self);
  gint64 area_id = area_filter_id (self);

  if (!ll_search_query_is_blank (self->search_text))
    {
      g_autoptr(GArray) ids = ll_search_ids (self->database, LL_SEARCH_SCOPE_STATIONS,
                                             self->search_text, 0, error);

      if (ids == NULL)
        goto failed;
      searched = id_set_from_array (ids);
    }

  if (area_id != 0)
    {
      g_autoptr(GPtrArray) stations = ll_station_store_list (self->database, area_id, NULL,
                                                             self->show_archived, error);

      if (stations == NULL)
        goto failed;
      in_area = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; i < stations->len; i++)
        g_hash_table_add (in_area, id_key (ll_station_get_id (g_ptr_array_index (stations, i))));
    }

  for (guint i = 0; i < self->stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (self->stations, i);
      gint64 id = ll_station_get_id (station);

      if (searched != NULL && !g_hash_table_contains (searched, &id))
        continue;
      if (in_area != NULL && !g_hash_table_contains (in_area, &id))
        continue;
      if (kind != NULL && g_strcmp0 (ll_station_get_kind (station), kind) != 0)
        continue;
      g_hash_table_add (matches, id_key (id));
    }

  return matches;

failed:
  g_hash_table_unref (matches);
  return NULL;
}

static void
show_list_error (LlStationsPage *self,
                 const GError   *error)
{
  adw_status_page_set_description (self->error_page, error->message);
  gtk_stack_set_visible_child_name (self->list_stack, "error");
}

/* With @rebuild the view lets go of the tree while it changes and then
 * makes the rows on screen once: for a new search or filter, where most
 * rows change, that is much cheaper than following each change. */
static void
apply_filter (LlStationsPage *self,
              gboolean        rebuild)
{
  g_autoptr(GHashTable) matches = NULL;
  g_autoptr(GHashTable) visible = NULL;
  g_autoptr(GError) error = NULL;
  gboolean filtering;
  guint n_matches = 0;
  guint n_changes = 0;
  gint64 t0 = g_get_monotonic_time ();

  if (self->stations == NULL)
    return;

  filtering = is_filtering (self);
  if (filtering)
    {
      GHashTableIter iter;
      gpointer key;

      matches = compute_matches (self, &error);
      if (matches == NULL)
        {
          show_list_error (self, error);
          return;
        }

      /* The matches, and what they belong to. */
      visible = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      g_hash_table_iter_init (&iter, matches);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          LlStationNode *node = lookup_node (self, *(gint64 *) key);

          if (is_hidden (self, *(gint64 *) key))
            continue;
          n_matches++;
          for (; node != NULL; node = lookup_node (self, ll_station_node_get_parent_id (node)))
            {
              gint64 id = ll_station_node_get_id (node);

              if (!g_hash_table_add (visible, id_key (id)))
                break;
            }
        }
    }

  for (guint i = 0; i < self->stations->len; i++)
    {
      gint64 id = ll_station_get_id (g_ptr_array_index (self->stations, i));
      LlStationNode *node = lookup_node (self, id);
      gboolean shown = (visible == NULL || g_hash_table_contains (visible, &id)) &&
                       !is_hidden (self, id);

      ll_station_node_set_context (node, matches != NULL && !g_hash_table_contains (matches, &id));

      /* GtkListView follows each change of its model row by row: past a
       * few dozen rows coming or going, making the rows afresh is
       * quicker. */
      if (shown != (g_object_get_data (G_OBJECT (node), "ll-shown") != NULL))
        n_changes++;
      g_object_set_data (G_OBJECT (node), "ll-shown", shown ? GINT_TO_POINTER (1) : NULL);
    }
  if (n_changes > MAX_ROW_CHANGES)
    rebuild = TRUE;

  self->restoring = TRUE;
  if (rebuild)
    gtk_list_view_set_model (self->tree_view, NULL);
  /* Rows made for the matches open as they are made: cheaper than
   * opening them one by one afterwards. */
  gtk_tree_list_model_set_autoexpand (self->tree_model, filtering);
  update_children (self, visible);
  gtk_tree_list_model_set_autoexpand (self->tree_model, FALSE);
  if (!filtering && !self->expanded_once && self->stations->len > 0)
    {
      /* The first time: the homes and stations at the top open. */
      self->expanded_once = TRUE;
      expand_top_level (self);
    }
  if (filtering)
    expand_all (self);
  else if (n_changes > 0)
    restore_expansion (self);
  if (rebuild)
    gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));
  self->restoring = FALSE;

  ll_station_detail_set_hint (self->detail, self->stations->len > 0);
  if (self->stations->len == 0 && !filtering)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");
  else if (filtering && n_matches == 0)
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "list");

  update_count_label (self, n_matches);

  if (self->selected_id != 0)
    select_row (self, self->selected_id, FALSE);

  g_debug ("Filtered %u stations in %.1f ms", self->stations->len,
           (g_get_monotonic_time () - t0) / 1000.0);
}

/* Choices for the form's drop-downs ---------------------------------------- */

static void
update_choices (LlStationsPage *self)
{
  GPtrArray *areas = self->area_choices_stale ? self->areas : NULL;
  g_autoptr(GString) signature = g_string_new (NULL);
  g_autoptr(GListStore) stations = NULL;
  g_autoptr(GListStore) area_choices = NULL;

  for (guint i = 0; i < self->stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (self->stations, i);

      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%s\n",
                              ll_station_get_id (station), ll_station_get_name (station));
    }

  if (areas == NULL && g_strcmp0 (signature->str, self->choices_signature) == 0)
    return;
  self->area_choices_stale = FALSE;

  if (g_strcmp0 (signature->str, self->choices_signature) != 0)
    {
      g_autoptr(LlChoice) none = ll_choice_new (0, NULL, _("None — Top Level"));

      stations = g_list_store_new (LL_TYPE_CHOICE);
      g_list_store_append (stations, none);
      for (guint i = 0; i < self->stations->len; i++)
        {
          LlStation *station = g_ptr_array_index (self->stations, i);
          g_autoptr(LlChoice) choice = ll_choice_new (ll_station_get_id (station), NULL,
                                                      ll_station_get_name (station));

          g_list_store_append (stations, choice);
        }
      g_free (self->choices_signature);
      self->choices_signature = g_string_free (g_steal_pointer (&signature), FALSE);
    }

  if (areas != NULL)
    {
      g_autoptr(GHashTable) paths = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           g_free);
      g_autoptr(LlChoice) none = ll_choice_new (0, NULL, _("Not Set"));

      area_choices = g_list_store_new (LL_TYPE_CHOICE);
      g_list_store_append (area_choices, none);

      /* Areas come in tree order: a parent's path is known first.
       * “District › Town › Community” tells apart two 东湖社区. */
      for (guint i = 0; i < areas->len; i++)
        {
          LlArea *area = g_ptr_array_index (areas, i);
          gint64 parent_id = ll_area_get_parent_id (area);
          const char *parent_path = parent_id != 0 ? g_hash_table_lookup (paths, &parent_id) : NULL;
          g_autoptr(LlChoice) choice = NULL;
          char *path;

          if (parent_path != NULL)
            /* Translators: an area under another: “东湖街道 › 东湖社区” */
            path = g_strdup_printf (C_("area path", "%s › %s"), parent_path, ll_area_get_name (area));
          else
            path = g_strdup (ll_area_get_name (area));

          g_hash_table_insert (paths, id_key (ll_area_get_id (area)), path);
          choice = ll_choice_new (ll_area_get_id (area), NULL, path);
          g_list_store_append (area_choices, choice);
        }
    }

  ll_station_detail_set_choices (self->detail, G_LIST_MODEL (stations),
                                 G_LIST_MODEL (area_choices));
}

static void
reload_areas (LlStationsPage *self)
{
  g_autoptr(GPtrArray) areas = NULL;
  g_autoptr(LlArea) all = ll_area_new ();
  g_autoptr(LlArea) selected = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected_id = area_filter_id (self);
  guint position = 0;

  if (self->database == NULL)
    return;

  areas = ll_area_store_list_all (self->database, &error);
  if (areas == NULL)
    {
      g_warning ("Could not read the areas: %s", error->message);
      return;
    }

  ll_area_set_name (all, _("All Areas"));
  g_list_store_splice (self->area_items, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->area_items)),
                       (gpointer *) &all, 1);
  for (guint i = 0; i < areas->len; i++)
    {
      LlArea *area = g_ptr_array_index (areas, i);

      g_list_store_append (self->area_items, area);
      if (ll_area_get_id (area) == selected_id)
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->area_filter, position);

  g_clear_pointer (&self->areas, g_ptr_array_unref);
  self->areas = g_steal_pointer (&areas);
  self->area_choices_stale = TRUE;
}

/* Loading ------------------------------------------------------------------- */

static void
update_detail_after_reload (LlStationsPage *self,
                            gboolean        related)
{
  gint64 shown_id = ll_station_detail_get_station_id (self->detail);
  LlStationNode *node;

  if (ll_station_detail_get_is_new (self->detail))
    return;

  if (self->selected_id != 0 && shown_id != self->selected_id)
    {
      node = lookup_node (self, self->selected_id);
      ll_station_detail_show_station (self->detail,
                                      node != NULL ? ll_station_node_get_station (node) : NULL);
      return;
    }

  if (shown_id == 0)
    return;

  node = lookup_node (self, shown_id);
  if (node != NULL)
    {
      ll_station_detail_update (self->detail, ll_station_node_get_station (node), related);
    }
  else
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlStation) fresh = ll_station_store_get (self->database, shown_id, &error);

      /* Not in the tree: archived (and archived ones hidden), or gone. */
      if (fresh != NULL)
        ll_station_detail_update (self->detail, fresh, related);
      else if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND) &&
               !is_hidden (self, shown_id))
        ll_station_detail_show_gone (self->detail);
    }
}

/* Takes the tree as read: the nodes get their stations, the filters and
 * the selection are applied again, the detail pane follows. */
static void
apply_stations (LlStationsPage *self,
                GPtrArray      *stations)
{
  g_autoptr(GHashTable) seen = NULL;
  GHashTableIter iter;
  gpointer key, value;
  gboolean related = self->related_changed;
  gboolean rebuild = self->rebuild_next;
  gint64 t0 = g_get_monotonic_time ();

  self->related_changed = FALSE;
  self->rebuild_next = FALSE;

  if (self->areas_changed)
    {
      self->areas_changed = FALSE;
      reload_areas (self);
    }

  seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);
      gint64 id = ll_station_get_id (station);
      LlStationNode *node = lookup_node (self, id);

      if (node == NULL)
        {
          node = ll_station_node_new (station);
          g_hash_table_insert (self->nodes, id_key (id), node);
        }
      else
        {
          ll_station_node_set_station (node, station);
        }
      g_hash_table_add (seen, g_hash_table_lookup_extended (self->nodes, &id, &key, NULL)
                              ? key : NULL);
    }

  g_clear_pointer (&self->stations, g_ptr_array_unref);
  self->stations = g_ptr_array_ref (stations);

  /* Nodes of stations that are gone (or now hidden) leave the tree in
   * update_children(); then they are dropped. */
  apply_filter (self, rebuild);

  g_hash_table_iter_init (&iter, self->nodes);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (!g_hash_table_contains (seen, key))
      g_hash_table_iter_remove (&iter);

  update_choices (self);
  update_detail_after_reload (self, related);
  if (self->selected_id != 0)
    select_row (self, self->selected_id, self->scroll_to_selected);
  self->scroll_to_selected = FALSE;
  update_actions (self);

  g_debug ("Applied %u stations in %.1f ms", stations->len,
           (g_get_monotonic_time () - t0) / 1000.0);
}

typedef struct {
  LlDatabase *database;
  LlDatabase *worker;
  guint       serial;
  gboolean    include_archived;
  gint64      started;
} Load;

static void
load_free (gpointer data)
{
  Load *load = data;

  g_clear_object (&load->database);
  g_clear_object (&load->worker);
  g_free (load);
}

/* In the worker: 1,000 stations with their counts take about 100 ms at
 * city scale (counting the open cases), too long for the main loop each
 * time a colleague saves something. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  Load *load = task_data;
  GError *error = NULL;
  GPtrArray *stations = ll_station_store_list_all (load->worker, load->include_archived, &error);

  if (stations == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, stations, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  LlStationsPage *self = LL_STATIONS_PAGE (object);
  Load *load = g_task_get_task_data (G_TASK (result));
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;

  stations = g_task_propagate_pointer (G_TASK (result), &error);

  /* A load for another file, or one that was given up. */
  if (load->serial != self->load_serial || load->database != self->database)
    return;

  self->loading = FALSE;
  g_debug ("Read %u stations in a worker in %.1f ms", stations != NULL ? stations->len : 0,
           (g_get_monotonic_time () - load->started) / 1000.0);

  if (stations == NULL)
    show_list_error (self, error);
  else if (!self->load_again)
    apply_stations (self, stations);

  /* Changes came in meanwhile: what was read may be older. */
  if (self->load_again)
    {
      self->load_again = FALSE;
      refresh (self);
    }
}

/* Reads the tree again, in a worker; the result replaces what is shown
 * once it is there. Requests while one is running make one more. */
static void
refresh (LlStationsPage *self)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  Load *load;

  g_clear_handle_id (&self->reload_idle, g_source_remove);

  if (self->database == NULL)
    return;

  if (self->loading)
    {
      self->load_again = TRUE;
      return;
    }

  if (self->worker == NULL)
    self->worker = ll_database_open_secondary (self->database, &error);
  if (self->worker == NULL)
    {
      /* No second connection: read here instead. */
      g_autoptr(GPtrArray) stations = NULL;

      g_debug ("No worker connection: %s", error->message);
      g_clear_error (&error);
      stations = ll_station_store_list_all (self->database, self->show_archived, &error);
      if (stations == NULL)
        show_list_error (self, error);
      else
        apply_stations (self, stations);
      return;
    }

  load = g_new0 (Load, 1);
  load->database = g_object_ref (self->database);
  load->worker = g_object_ref (self->worker);
  load->serial = ++self->load_serial;
  load->include_archived = self->show_archived;
  load->started = g_get_monotonic_time ();
  self->loading = TRUE;

  task = g_task_new (self, self->load_cancellable, load_done_cb, NULL);
  g_task_set_source_tag (task, refresh);
  g_task_set_task_data (task, load, load_free);
  g_task_run_in_thread (task, load_thread);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  LlStationsPage *self = user_data;

  self->reload_idle = 0;
  refresh (self);
  return G_SOURCE_REMOVE;
}

static void
queue_reload (LlStationsPage *self)
{
  if (self->reload_idle == 0)
    self->reload_idle = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reload_idle_cb, self, NULL);
}

static void
database_changed_cb (LlStationsPage *self,
                     GPtrArray      *changes,
                     LlDatabase     *database)
{
  gboolean reload = FALSE;

  if (changes == NULL)
    {
      self->related_changed = TRUE;
      self->areas_changed = TRUE;
      reload = TRUE;
    }
  else
    {
      for (guint i = 0; i < changes->len; i++)
        {
          LlChange *change = g_ptr_array_index (changes, i);

          if (g_str_equal (change->table, "stations"))
            reload = TRUE;
          else if (g_str_equal (change->table, "memberships") ||
                   g_str_equal (change->table, "cases") ||
                   g_str_equal (change->table, "people"))
            reload = self->related_changed = TRUE;
          else if (g_str_equal (change->table, "areas"))
            reload = self->areas_changed = TRUE;
        }
    }

  /* Several changes in a row cost one reload. */
  if (reload)
    queue_reload (self);
}

/* Showing a station --------------------------------------------------------- */

/* In a narrow window the list and the station take turns. */
static void
show_detail_pane (LlStationsPage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
folded_cb (LlStationsPage *self)
{
  ll_station_detail_set_show_back (self->detail, adw_leaflet_get_folded (self->leaflet));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
show_station_now (LlStationsPage *self,
                  gint64          id)
{
  LlStationNode *node = lookup_node (self, id);

  self->selected_id = node != NULL ? id : 0;
  ll_station_detail_show_station (self->detail,
                                  node != NULL ? ll_station_node_get_station (node) : NULL);
  select_row (self, self->selected_id, FALSE);
  update_actions (self);
  if (node != NULL)
    show_detail_pane (self);
}

static void
start_new (LlStationsPage *self,
           gboolean        as_child)
{
  LlStation *parent = NULL;
  gint64 area_id = area_filter_id (self);

  if (as_child)
    {
      parent = ll_station_detail_get_station (self->detail);
      if (parent == NULL)
        return;
      area_id = ll_station_get_area_id (parent);
    }

  self->selected_id = 0;
  select_row (self, 0, FALSE);
  show_detail_pane (self);
  ll_station_detail_show_new (self->detail,
                              parent != NULL ? ll_station_get_id (parent) : 0,
                              parent != NULL ? "point" : "station",
                              area_id);
  update_actions (self);
}

static void
run_pending (LlStationsPage *self)
{
  PendingKind kind = self->pending_kind;
  gint64 id = self->pending_id;

  self->pending_kind = PENDING_NONE;
  self->pending_id = 0;

  switch (kind)
    {
    case PENDING_SHOW:
      show_station_now (self, id);
      break;
    case PENDING_NEW:
      start_new (self, FALSE);
      break;
    case PENDING_NEW_CHILD:
      start_new (self, TRUE);
      break;
    case PENDING_NONE:
    default:
      break;
    }
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LlStationsPage   *self)
{
  if (g_str_equal (response, "discard"))
    {
      ll_station_detail_revert (self->detail);
      run_pending (self);
    }
  else if (g_str_equal (response, "save"))
    {
      if (ll_station_detail_save (self->detail))
        run_pending (self);
      else
        self->pending_kind = PENDING_NONE;
    }
  else
    {
      self->pending_kind = PENDING_NONE;
    }
}

/* Leaving a station with unsaved edits asks first; nothing is dropped
 * without the user saying so. */
static void
request (LlStationsPage *self,
         PendingKind     kind,
         gint64          id)
{
  GtkWidget *dialog;
  LlRecordForm *form = ll_station_detail_get_form (self->detail);
  GObject *record = ll_record_form_get_record (form);
  const char *name = record != NULL ? ll_station_get_name (LL_STATION (record)) : NULL;

  self->pending_kind = kind;
  self->pending_id = id;

  if (!ll_station_detail_get_dirty (self->detail))
    {
      run_pending (self);
      return;
    }

  /* The tree goes back to what is being edited while the user decides. */
  select_row (self, self->selected_id, FALSE);

  dialog = adw_message_dialog_new (parent_window (self), NULL,
                                   _("The changes are not saved yet. If you leave them, they "
                                     "are lost."));
  if (ll_station_detail_get_is_new (self->detail) || name == NULL || *name == '\0')
    adw_message_dialog_set_heading (ADW_MESSAGE_DIALOG (dialog), _("Save the New Station?"));
  else
    /* Translators: %s is a station's name */
    adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Save Changes to “%s”?"),
                                       name);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (unsaved_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selection_changed_cb (LlStationsPage *self)
{
  LlStationNode *node;
  gint64 id;

  if (self->restoring)
    return;

  node = selected_node (self);
  if (node == NULL)
    return;

  id = ll_station_node_get_id (node);
  if (id == self->selected_id && !ll_station_detail_get_is_new (self->detail))
    return;

  request (self, PENDING_SHOW, id);
}

static void
detail_saved_cb (LlStationsPage  *self,
                 LlStation       *station,
                 LlStationDetail *detail)
{
  /* The tree follows once it is read again; a station that is there
   * already is selected at once. */
  self->selected_id = ll_station_get_id (station);
  self->scroll_to_selected = TRUE;
  select_row (self, self->selected_id, TRUE);
  refresh (self);
  update_actions (self);
}

static void
form_dirty_cb (LlStationsPage *self)
{
  update_actions (self);
}

/* Search and filters -------------------------------------------------------- */

static void
search_changed_cb (LlStationsPage *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  apply_filter (self, FALSE);
}

static void
search_activate_cb (LlStationsPage *self,
                    GtkSearchEntry *entry)
{
  GListModel *model = G_LIST_MODEL (self->tree_model);

  /* Enter shows the first match. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->tree_model, i);
      LlStationNode *node = gtk_tree_list_row_get_item (row);

      if (!ll_station_node_get_context (node))
        {
          request (self, PENDING_SHOW, ll_station_node_get_id (node));
          g_object_unref (node);
          gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
          return;
        }
      g_object_unref (node);
    }
}

static void
stop_search_cb (LlStationsPage *self,
                GtkSearchEntry *entry)
{
  gtk_editable_set_text (GTK_EDITABLE (entry), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->tree_view));
}

static void
filter_changed_cb (LlStationsPage *self)
{
  apply_filter (self, FALSE);
}

/* Archive, delete, move ----------------------------------------------------- */

typedef struct {
  GWeakRef    page;
  LlDatabase *database;
  GArray     *ids;
} Reopen;

static void
reopen_free (gpointer data)
{
  Reopen *reopen = data;

  g_weak_ref_clear (&reopen->page);
  g_clear_object (&reopen->database);
  g_clear_pointer (&reopen->ids, g_array_unref);
  g_free (reopen);
}

/* Undo of an archive: the station, then what it closed below it. */
static void
undo_archive_cb (AdwToast *toast,
                 Reopen   *reopen)
{
  g_autoptr(LlStationsPage) self = g_weak_ref_get (&reopen->page);

  for (guint i = 0; i < reopen->ids->len; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LlStation) station = ll_station_store_get (reopen->database,
                                                           g_array_index (reopen->ids, gint64, i),
                                                           &error);

      if (station == NULL ||
          (!ll_station_get_active (station) &&
           !ll_station_store_unarchive (reopen->database, station, &error)))
        {
          if (self != NULL && i == 0)
            show_error (self, _("Could Not Reopen the Station"), error, NULL);
          break;
        }
    }

  if (self != NULL && self->database == reopen->database)
    {
      if (reopen->ids->len > 0)
        self->selected_id = g_array_index (reopen->ids, gint64, 0);
      self->scroll_to_selected = TRUE;
      refresh (self);
    }
}

static gboolean
archive_selected (LlStationsPage *self)
{
  LlStation *shown = ll_station_detail_get_station (self->detail);
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) closed = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;
  Reopen *reopen;
  guint depth = 0;
  gboolean below = FALSE;

  if (shown == NULL || !ll_station_get_active (shown) || !self->editable ||
      ll_station_detail_get_dirty (self->detail))
    return FALSE;

  /* What is open below it is closed with it; Undo reopens those too. */
  closed = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; self->stations != NULL && i < self->stations->len; i++)
    {
      LlStation *candidate = g_ptr_array_index (self->stations, i);

      if (ll_station_get_id (candidate) == ll_station_get_id (shown))
        {
          depth = ll_station_get_depth (candidate);
          below = TRUE;
          g_array_append_val (closed, (gint64) { ll_station_get_id (candidate) });
          continue;
        }
      if (!below)
        continue;
      if (ll_station_get_depth (candidate) <= depth)
        break;
      if (ll_station_get_active (candidate))
        g_array_append_val (closed, (gint64) { ll_station_get_id (candidate) });
    }
  if (closed->len == 0)
    g_array_append_val (closed, (gint64) { ll_station_get_id (shown) });

  station = LL_STATION (ll_record_dup (G_OBJECT (shown)));
  if (!ll_station_store_archive (self->database, station, &error))
    {
      /* Translators: %s is a station's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Archive “%s”"),
                                                  ll_station_get_name (shown));

      show_error (self, heading, error, "stations.archive");
      return TRUE;
    }

  if (closed->len > 1)
    /* Translators: %s is a station's name */
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "“%s” and %u station under it archived",
                                          "“%s” and %u stations under it archived",
                                          closed->len - 1),
                             ll_station_get_name (station), closed->len - 1);
  else
    /* Translators: %s is a station's name */
    title = g_strdup_printf (_("“%s” archived"), ll_station_get_name (station));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  reopen = g_new0 (Reopen, 1);
  g_weak_ref_init (&reopen->page, self);
  reopen->database = g_object_ref (self->database);
  reopen->ids = g_array_ref (closed);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_archive_cb), reopen,
                         (GClosureNotify) (void (*) (void)) reopen_free, 0);
  add_toast (self, toast);

  /* The detail keeps showing it, archived, until another is chosen. */
  ll_station_detail_update (self->detail, station, FALSE);
  update_actions (self);
  refresh (self);
  return TRUE;
}

static void
unarchive_selected (LlStationsPage *self)
{
  LlStation *shown = ll_station_detail_get_station (self->detail);
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (shown == NULL || ll_station_get_active (shown))
    return;

  station = LL_STATION (ll_record_dup (G_OBJECT (shown)));
  if (!ll_station_store_unarchive (self->database, station, &error))
    {
      /* Translators: %s is a station's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Reopen “%s”"),
                                                  ll_station_get_name (shown));

      show_error (self, heading, error, "stations.unarchive");
      return;
    }

  /* Translators: %s is a station's name */
  title = g_strdup_printf (_("“%s” reopened"), ll_station_get_name (station));
  add_toast (self, adw_toast_new (title));
  ll_station_detail_update (self->detail, station, FALSE);
  update_actions (self);
  refresh (self);
}

static void
pending_delete_free (PendingDelete *pending)
{
  if (pending->toast != NULL)
    g_signal_handlers_disconnect_by_data (pending->toast, pending);
  g_clear_object (&pending->toast);
  g_weak_ref_clear (&pending->page);
  g_clear_object (&pending->database);
  g_clear_object (&pending->station);
  g_free (pending);
}

/* Deletes for real; the toast is gone without Undo, or the window closes. */
static void
commit_delete (LlStationsPage *self,
               PendingDelete  *pending)
{
  g_autoptr(LlStation) fresh = NULL;
  g_autoptr(GError) error = NULL;

  if (pending->done || pending->undone)
    return;
  pending->done = TRUE;

  fresh = ll_station_store_get (pending->database, ll_station_get_id (pending->station), &error);
  if (fresh == NULL && g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
    return;

  if (fresh == NULL || !ll_station_store_delete (pending->database, fresh, &error))
    {
      if (self != NULL)
        {
          /* Translators: %s is a station's name */
          g_autofree char *heading = g_strdup_printf (_("Could Not Delete “%s”"),
                                                      ll_station_get_name (pending->station));

          show_error (self, heading, error, NULL);
        }
      else
        g_warning ("Could not delete station %" G_GINT64_FORMAT ": %s",
                   ll_station_get_id (pending->station), error->message);
    }
}

static void
delete_toast_dismissed_cb (AdwToast      *toast,
                           PendingDelete *pending)
{
  g_autoptr(LlStationsPage) self = g_weak_ref_get (&pending->page);

  if (self == NULL || self->database != pending->database)
    return;

  commit_delete (self, pending);
  g_ptr_array_remove (self->pending_deletes, pending);
  refresh (self);
}

static void
delete_toast_undo_cb (AdwToast      *toast,
                      PendingDelete *pending)
{
  g_autoptr(LlStationsPage) self = g_weak_ref_get (&pending->page);

  pending->undone = TRUE;
  if (self == NULL)
    return;

  apply_filter (self, FALSE);
  self->selected_id = ll_station_get_id (pending->station);
  update_detail_after_reload (self, TRUE);
  select_row (self, self->selected_id, TRUE);
  update_actions (self);
}

static void
flush_pending_deletes (LlStationsPage *self)
{
  while (self->pending_deletes->len > 0)
    {
      PendingDelete *pending = g_ptr_array_index (self->pending_deletes, 0);

      if (pending->database == self->database)
        commit_delete (self, pending);
      /* Done: its Undo goes with it. */
      if (pending->toast != NULL)
        {
          g_signal_handlers_disconnect_by_data (pending->toast, pending);
          adw_toast_dismiss (pending->toast);
        }
      g_ptr_array_remove_index (self->pending_deletes, 0);
    }
}

/* Asks the store whether it would delete, without deleting: the write
 * nests as a savepoint and everything is rolled back. */
static gboolean
try_delete_func (LlDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  LlStation *station = user_data;

  if (!ll_station_store_delete (db, station, error))
    return FALSE;

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "dry run");
  return FALSE;
}

static void
delete_selected (LlStationsPage *self)
{
  LlStation *shown = ll_station_detail_get_station (self->detail);
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  PendingDelete *pending;
  gint64 parent_id;

  if (shown == NULL || !self->editable)
    return;

  station = LL_STATION (ll_record_dup (G_OBJECT (shown)));
  ll_database_write (self->database, try_delete_func, station, &error);
  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      /* Translators: %s is a station's name */
      g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Deleted"),
                                                  ll_station_get_name (shown));

      show_error (self, heading, error, "stations.delete");
      return;
    }

  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->page, self);
  pending->database = g_object_ref (self->database);
  pending->station = g_object_ref (station);
  g_ptr_array_add (self->pending_deletes, pending);

  /* Translators: %s is a station's name */
  title = g_strdup_printf (_("“%s” deleted"), ll_station_get_name (station));
  pending->toast = adw_toast_new (title);
  adw_toast_set_button_label (pending->toast, _("_Undo"));
  adw_toast_set_priority (pending->toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (pending->toast, "button-clicked", G_CALLBACK (delete_toast_undo_cb), pending);
  g_signal_connect (pending->toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), pending);
  add_toast (self, g_object_ref (pending->toast));

  /* Show what it belonged to instead. */
  parent_id = ll_station_get_parent_id (station);
  apply_filter (self, FALSE);
  show_station_now (self, lookup_node (self, parent_id) != NULL ? parent_id : 0);
}

typedef struct {
  GWeakRef    page;
  LlDatabase *database;
  gint64      station_id;
  gint64      old_parent_id;
} MoveBack;

static void
move_back_free (gpointer data)
{
  MoveBack *back = data;

  g_weak_ref_clear (&back->page);
  g_clear_object (&back->database);
  g_free (back);
}

static void
undo_move_cb (AdwToast *toast,
              MoveBack *back)
{
  g_autoptr(LlStationsPage) self = g_weak_ref_get (&back->page);
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_store_get (back->database, back->station_id, &error);

  if (station == NULL ||
      !ll_station_store_set_parent (back->database, station, back->old_parent_id, &error))
    {
      if (self != NULL)
        show_error (self, _("Could Not Move the Station Back"), error, NULL);
      return;
    }

  if (self != NULL && self->database == back->database)
    {
      self->selected_id = back->station_id;
      self->scroll_to_selected = TRUE;
      refresh (self);
    }
}

static void
announce_move (LlStationsPage *self,
               LlStation      *station,
               gint64          old_parent_id)
{
  LlStationNode *parent = lookup_node (self, ll_station_get_parent_id (station));
  g_autofree char *title = NULL;
  AdwToast *toast;
  MoveBack *back;

  if (parent != NULL)
    /* Translators: both %s are station names */
    title = g_strdup_printf (_("“%s” now belongs to “%s”"), ll_station_get_name (station),
                             ll_station_get_name (ll_station_node_get_station (parent)));
  else
    /* Translators: %s is a station's name */
    title = g_strdup_printf (_("“%s” moved to the top level"), ll_station_get_name (station));

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  back = g_new0 (MoveBack, 1);
  g_weak_ref_init (&back->page, self);
  back->database = g_object_ref (self->database);
  back->station_id = ll_station_get_id (station);
  back->old_parent_id = old_parent_id;
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_move_cb), back,
                         (GClosureNotify) (void (*) (void)) move_back_free, 0);
  add_toast (self, toast);
}

static void
moved_cb (LlStationsPage      *self,
          gint64               old_parent_id,
          LlStationMoveDialog *dialog)
{
  LlStation *station = ll_station_move_dialog_get_station (dialog);

  self->selected_id = ll_station_get_id (station);
  self->scroll_to_selected = TRUE;
  refresh (self);
  announce_move (self, station, old_parent_id);
}

/* Moves by drag and drop, with the same rules and Undo as Move To…. */
static gboolean
move_station (LlStationsPage *self,
              gint64          station_id,
              gint64          parent_id)
{
  LlStationNode *node = lookup_node (self, station_id);
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GError) error = NULL;
  gint64 old_parent_id;

  if (node == NULL || !self->editable)
    return FALSE;
  if (station_id == ll_station_detail_get_station_id (self->detail) &&
      ll_station_detail_get_dirty (self->detail))
    return FALSE;

  station = LL_STATION (ll_record_dup (G_OBJECT (ll_station_node_get_station (node))));
  old_parent_id = ll_station_get_parent_id (station);
  if (old_parent_id == parent_id)
    return FALSE;

  if (!ll_station_store_set_parent (self->database, station, parent_id, &error))
    {
      /* Translators: %s is a station's name */
      g_autofree char *heading = g_strdup_printf (_("Could Not Move “%s”"),
                                                  ll_station_get_name (station));

      show_error (self, heading, error, NULL);
      return FALSE;
    }

  refresh (self);
  announce_move (self, station, old_parent_id);
  return TRUE;
}

/* Drag and drop ------------------------------------------------------------- */

/* The station row under a point of the tree view. */
static GtkTreeExpander *
expander_at (LlStationsPage *self,
             double          x,
             double          y)
{
  GtkWidget *picked = gtk_widget_pick (GTK_WIDGET (self->tree_view), x, y, GTK_PICK_DEFAULT);

  for (; picked != NULL && picked != GTK_WIDGET (self->tree_view);
       picked = gtk_widget_get_parent (picked))
    {
      if (GTK_IS_TREE_EXPANDER (picked))
        return GTK_TREE_EXPANDER (picked);

      /* The row widget holds the expander as its child. */
      if (GTK_IS_WIDGET (gtk_widget_get_first_child (picked)) &&
          GTK_IS_TREE_EXPANDER (gtk_widget_get_first_child (picked)) &&
          g_strcmp0 (gtk_widget_get_css_name (picked), "row") == 0)
        return GTK_TREE_EXPANDER (gtk_widget_get_first_child (picked));
    }

  return NULL;
}

static LlStationNode *
node_at (LlStationsPage *self,
         double          x,
         double          y)
{
  GtkTreeExpander *expander = expander_at (self, x, y);
  gpointer item;

  if (expander == NULL)
    return NULL;

  /* Borrowed: the tree's model holds the node. */
  item = gtk_tree_expander_get_item (expander);
  if (item != NULL)
    g_object_unref (item);
  return item;
}

static GdkContentProvider *
drag_prepare_cb (LlStationsPage *self,
                 double          x,
                 double          y,
                 GtkDragSource  *source)
{
  LlStationNode *node;

  if (!self->editable)
    return NULL;

  node = node_at (self, x, y);
  if (node == NULL || ll_station_node_get_context (node))
    return NULL;

  /* The station being edited moves only once its edits are saved. */
  if (ll_station_node_get_id (node) == ll_station_detail_get_station_id (self->detail) &&
      ll_station_detail_get_dirty (self->detail))
    return NULL;

  self->drag_x = x;
  self->drag_y = y;

  return gdk_content_provider_new_typed (LL_TYPE_STATION, ll_station_node_get_station (node));
}

static void
drag_begin_cb (LlStationsPage *self,
               GdkDrag        *drag,
               GtkDragSource  *source)
{
  GtkTreeExpander *expander = expander_at (self, self->drag_x, self->drag_y);

  if (expander != NULL)
    {
      g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (expander));

      gtk_drag_source_set_icon (source, paintable, 0, 0);
    }
}

static void
set_drop_row (LlStationsPage *self,
              GtkWidget      *row)
{
  if (self->drop_row == row)
    return;

  if (self->drop_row != NULL)
    gtk_widget_remove_css_class (self->drop_row, "station-drop-target");
  g_set_weak_pointer (&self->drop_row, row);
  if (row != NULL)
    gtk_widget_add_css_class (row, "station-drop-target");
}

static GdkDragAction
drop_motion_cb (LlStationsPage *self,
                double          x,
                double          y,
                GtkDropTarget  *target)
{
  GtkTreeExpander *expander = expander_at (self, x, y);
  const GValue *value = gtk_drop_target_get_value (target);
  LlStationNode *node = expander != NULL ? gtk_tree_expander_get_item (expander) : NULL;
  GdkDragAction action = 0;

  if (node != NULL)
    {
      LlStation *dragged = value != NULL && G_VALUE_HOLDS (value, LL_TYPE_STATION)
                           ? g_value_get_object (value) : NULL;

      /* Onto itself or where it already is: nothing to do. */
      if (dragged == NULL ||
          (ll_station_get_id (dragged) != ll_station_node_get_id (node) &&
           ll_station_get_parent_id (dragged) != ll_station_node_get_id (node)))
        action = GDK_ACTION_MOVE;
      g_object_unref (node);
    }

  set_drop_row (self, action != 0 ? GTK_WIDGET (expander) : NULL);
  return action;
}

static void
drop_leave_cb (LlStationsPage *self)
{
  set_drop_row (self, NULL);
}

static gboolean
drop_cb (LlStationsPage *self,
         const GValue   *value,
         double          x,
         double          y,
         GtkDropTarget  *target)
{
  LlStation *dragged = g_value_get_object (value);
  g_autoptr(LlStationNode) node = NULL;
  GtkTreeExpander *expander = expander_at (self, x, y);

  set_drop_row (self, NULL);
  if (expander == NULL || dragged == NULL)
    return FALSE;

  node = gtk_tree_expander_get_item (expander);
  if (node == NULL || ll_station_node_get_id (node) == ll_station_get_id (dragged))
    return FALSE;

  return move_station (self, ll_station_get_id (dragged), ll_station_node_get_id (node));
}

/* Actions ------------------------------------------------------------------- */

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  request (LL_STATIONS_PAGE (widget), PENDING_NEW, 0);
}

static void
new_child_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  request (LL_STATIONS_PAGE (widget), PENDING_NEW_CHILD, 0);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);

  if (self->editable)
    ll_station_detail_save (self->detail);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ll_station_detail_revert (LL_STATIONS_PAGE (widget)->detail);
}

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);
  LlStation *station = ll_station_detail_get_station (self->detail);
  LlStationMoveDialog *dialog;

  if (station == NULL || self->stations == NULL || !self->editable)
    return;

  dialog = ll_station_move_dialog_new (parent_window (self), self->database, station,
                                       self->stations);
  g_signal_connect_object (dialog, "moved", G_CALLBACK (moved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  archive_selected (LL_STATIONS_PAGE (widget));
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  unarchive_selected (LL_STATIONS_PAGE (widget));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_selected (LL_STATIONS_PAGE (widget));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);

  gtk_drop_down_set_selected (self->area_filter, 0);
  gtk_drop_down_set_selected (self->kind_filter, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  apply_filter (self, FALSE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);

  self->areas_changed = TRUE;
  self->related_changed = TRUE;
  refresh (self);
}

/* Right and Left open and close the focused row, as in other trees. */
static GtkTreeListRow *
focused_row (LlStationsPage *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));

  for (; focus != NULL && focus != GTK_WIDGET (self->tree_view);
       focus = gtk_widget_get_parent (focus))
    {
      GtkWidget *child = gtk_widget_get_first_child (focus);

      if (GTK_IS_TREE_EXPANDER (focus))
        return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (focus));
      if (child != NULL && GTK_IS_TREE_EXPANDER (child))
        return gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (child));
    }

  return gtk_single_selection_get_selected_item (self->selection);
}

static void
expand_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  GtkTreeListRow *row = focused_row (LL_STATIONS_PAGE (widget));

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, TRUE);
}

static void
collapse_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);
  GtkTreeListRow *row = focused_row (self);

  if (row == NULL)
    return;

  if (gtk_tree_list_row_get_expanded (row))
    {
      gtk_tree_list_row_set_expanded (row, FALSE);
    }
  else
    {
      /* A closed row: go to the station it belongs to. */
      g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

      if (parent != NULL)
        {
          guint position = gtk_tree_list_row_get_position (parent);

          gtk_widget_activate_action (GTK_WIDGET (self->tree_view), "list.scroll-to-item", "u",
                                      position);
          gtk_single_selection_set_selected (self->selection, position);
        }
    }
}

/* LlPage -------------------------------------------------------------------- */

static void
ll_stations_page_set_database (LlPage     *page,
                               LlDatabase *database)
{
  LlStationsPage *self = LL_STATIONS_PAGE (page);

  if (self->database == database)
    return;

  if (self->database != NULL)
    {
      flush_pending_deletes (self);
      g_signal_handlers_disconnect_by_data (self->database, self);
    }
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  g_set_object (&self->database, database);

  /* A new file: nothing of the old one stays; a read in progress is
   * for the old file and is given up. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  g_clear_object (&self->worker);
  self->load_serial++;
  self->loading = FALSE;
  self->load_again = FALSE;
  self->selected_id = 0;
  self->expanded_once = FALSE;
  self->rebuild_next = TRUE;
  self->pending_kind = PENDING_NONE;
  g_clear_pointer (&self->choices_signature, g_free);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_list_store_remove_all (self->roots);
  g_hash_table_remove_all (self->nodes);
  ll_station_detail_set_database (self->detail, database);

  if (database != NULL)
    {
      g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->areas_changed = TRUE;
      gtk_stack_set_visible_child_name (self->list_stack, "loading");
      refresh (self);
    }

  update_actions (self);
}

static void
ll_stations_page_set_editable (LlPage   *page,
                               gboolean  editable)
{
  LlStationsPage *self = LL_STATIONS_PAGE (page);

  self->editable = editable;
  ll_station_detail_set_editable (self->detail, editable);
  update_actions (self);
}

static void
ll_stations_page_focus_search (LlPage *page)
{
  LlStationsPage *self = LL_STATIONS_PAGE (page);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
ll_stations_page_archive_selection (LlPage *page)
{
  return archive_selected (LL_STATIONS_PAGE (page));
}

static void
ll_stations_page_page_init (LlPageInterface *iface)
{
  iface->set_database = ll_stations_page_set_database;
  iface->set_editable = ll_stations_page_set_editable;
  iface->focus_search = ll_stations_page_focus_search;
  iface->archive_selection = ll_stations_page_archive_selection;
}

/* GObject ------------------------------------------------------------------- */

static gboolean
window_close_request_cb (LlStationsPage *self,
                         GtkWindow      *window)
{
  /* Deletes waiting on their toast are done at the latest now. */
  flush_pending_deletes (self);
  return FALSE;
}

static void
ll_stations_page_root (GtkWidget *widget)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (ll_stations_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      g_set_weak_pointer (&self->window, GTK_WINDOW (root));
      self->close_request_id = g_signal_connect_object (root, "close-request",
                                                        G_CALLBACK (window_close_request_cb),
                                                        self, G_CONNECT_SWAPPED);
    }
}

static void
ll_stations_page_unroot (GtkWidget *widget)
{
  LlStationsPage *self = LL_STATIONS_PAGE (widget);

  if (self->window != NULL && self->close_request_id != 0)
    g_signal_handler_disconnect (self->window, self->close_request_id);
  self->close_request_id = 0;
  g_clear_weak_pointer (&self->window);

  GTK_WIDGET_CLASS (ll_stations_page_parent_class)->unroot (widget);
}

static void
ll_stations_page_dispose (GObject *object)
{
  LlStationsPage *self = LL_STATIONS_PAGE (object);

  if (self->pending_deletes != NULL)
    flush_pending_deletes (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->worker);
  self->load_serial++;
  g_clear_handle_id (&self->reload_idle, g_source_remove);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_weak_pointer (&self->drop_row);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_STATIONS_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->tree_model);
  g_clear_object (&self->roots);
  g_clear_object (&self->area_items);
  g_clear_object (&self->database);
  g_clear_pointer (&self->nodes, g_hash_table_unref);
  g_clear_pointer (&self->stations, g_ptr_array_unref);
  g_clear_pointer (&self->areas, g_ptr_array_unref);
  g_clear_pointer (&self->pending_deletes, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_stations_page_parent_class)->dispose (object);
}

static void
ll_stations_page_finalize (GObject *object)
{
  LlStationsPage *self = LL_STATIONS_PAGE (object);

  g_free (self->choices_signature);
  g_free (self->search_text);

  G_OBJECT_CLASS (ll_stations_page_parent_class)->finalize (object);
}

static void
ll_stations_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LlStationsPage *self = LL_STATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      g_value_set_boolean (value, self->show_archived);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_stations_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  LlStationsPage *self = LL_STATIONS_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_ARCHIVED:
      if (self->show_archived != g_value_get_boolean (value))
        {
          self->show_archived = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
          self->rebuild_next = TRUE;
          refresh (self);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_stations_page_class_init (LlStationsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_stations_page_dispose;
  object_class->finalize = ll_stations_page_finalize;
  object_class->get_property = ll_stations_page_get_property;
  object_class->set_property = ll_stations_page_set_property;

  widget_class->root = ll_stations_page_root;
  widget_class->unroot = ll_stations_page_unroot;

  /**
   * LlStationsPage:show-archived:
   *
   * Whether archived (closed) stations are listed too.
   */
  properties[PROP_SHOW_ARCHIVED] =
    g_param_spec_boolean ("show-archived", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LL_TYPE_STATION_DETAIL);
  g_type_ensure (LL_TYPE_STATION_NODE);
  g_type_ensure (LL_TYPE_AREA);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-stations-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, area_filter);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, kind_filter);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, tree_view);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, error_page);
  gtk_widget_class_bind_template_child (widget_class, LlStationsPage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, area_margin_cb);
  gtk_widget_class_bind_template_callback (widget_class, detail_saved_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);

  gtk_widget_class_install_action (widget_class, "stations.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "stations.new-child", NULL, new_child_action);
  gtk_widget_class_install_action (widget_class, "stations.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "stations.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "stations.move", NULL, move_action);
  gtk_widget_class_install_action (widget_class, "stations.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "stations.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "stations.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "stations.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_action (widget_class, "stations.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "stations.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "stations.expand", NULL, expand_action);
  gtk_widget_class_install_action (widget_class, "stations.collapse", NULL, collapse_action);
  gtk_widget_class_install_property_action (widget_class, "stations.show-archived",
                                            "show-archived");

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "stations.save", NULL);
  /* Ctrl+N is New Case and Ctrl+Shift+N New Database, from anywhere. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "stations.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_m, GDK_CONTROL_MASK,
                                       "stations.move", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-stations-page");
}

static GtkShortcut *
tree_shortcut (guint            key,
               GdkModifierType  modifiers,
               const char      *action)
{
  return gtk_shortcut_new (gtk_keyval_trigger_new (key, modifiers),
                           gtk_named_action_new (action));
}

static void
ll_stations_page_init (LlStationsPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->load_cancellable = g_cancellable_new ();
  self->nodes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->pending_deletes = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_delete_free);

  self->roots = g_list_store_new (LL_TYPE_STATION_NODE);
  self->tree_model = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->roots)),
                                              FALSE, FALSE, create_child_model, NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->tree_model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->tree_view, GTK_SELECTION_MODEL (self->selection));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (row_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (row_bind_cb), NULL);
  g_signal_connect (factory, "unbind", G_CALLBACK (row_unbind_cb), NULL);
  gtk_list_view_set_factory (self->tree_view, factory);

  /* Filters: every kind from the enumeration, every area of the file. */
  gtk_string_list_append (kinds, _("All Kinds"));
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_STATION_KIND); i++)
    gtk_string_list_append (kinds, ll_enum_get_label_at (LL_ENUM_STATION_KIND, i));
  gtk_drop_down_set_model (self->kind_filter, G_LIST_MODEL (kinds));

  self->area_items = g_list_store_new (LL_TYPE_AREA);
  gtk_drop_down_set_model (self->area_filter, G_LIST_MODEL (self->area_items));

  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->tree_view));

  /* Keys of the tree itself: before the rows see them. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_Delete, 0, "stations.archive"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_KP_Delete, 0, "stations.archive"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_Delete, GDK_SHIFT_MASK,
                                                       "stations.delete"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_Right, 0, "stations.expand"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_Left, 0, "stations.collapse"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_plus, 0, "stations.expand"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_KP_Add, 0, "stations.expand"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_minus, 0, "stations.collapse"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        tree_shortcut (GDK_KEY_KP_Subtract, 0,
                                                       "stations.collapse"));
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), controller);

  /* A row can be dragged onto another row: it then belongs to it. */
  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_object (source, "prepare", G_CALLBACK (drag_prepare_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (source, "drag-begin", G_CALLBACK (drag_begin_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), GTK_EVENT_CONTROLLER (source));

  target = gtk_drop_target_new (LL_TYPE_STATION, GDK_ACTION_MOVE);
  gtk_drop_target_set_preload (target, TRUE);
  g_signal_connect_object (target, "motion", G_CALLBACK (drop_motion_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "leave", G_CALLBACK (drop_leave_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (target, "drop", G_CALLBACK (drop_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->tree_view), GTK_EVENT_CONTROLLER (target));

  g_signal_connect_object (ll_station_detail_get_form (self->detail), "notify::dirty",
                           G_CALLBACK (form_dirty_cb), self, G_CONNECT_SWAPPED);

  update_actions (self);
}

/**
 * ll_stations_page_select_station:
 * @station_id: a station of the tree
 *
 * Shows the station, as clicking its row does (asking first when the
 * shown station has unsaved edits).
 *
 * Returns: whether the station is in the tree
 */
gboolean
ll_stations_page_select_station (LlStationsPage *self,
                                 gint64          station_id)
{
  g_return_val_if_fail (LL_IS_STATIONS_PAGE (self), FALSE);

  if (lookup_node (self, station_id) == NULL)
    return FALSE;

  request (self, PENDING_SHOW, station_id);
  if (self->selected_id == station_id)
    select_row (self, station_id, TRUE);
  return TRUE;
}

/**
 * ll_stations_page_get_selected:
 *
 * Returns: the id of the station shown, or 0
 */
gint64
ll_stations_page_get_selected (LlStationsPage *self)
{
  g_return_val_if_fail (LL_IS_STATIONS_PAGE (self), 0);

  return self->selected_id;
}

/**
 * ll_stations_page_reload:
 *
 * Reads the stations again now rather than at the next change, in the
 * background; ll_stations_page_get_loading() says when it is done.
 */
void
ll_stations_page_reload (LlStationsPage *self)
{
  g_return_if_fail (LL_IS_STATIONS_PAGE (self));

  refresh (self);
}

/**
 * ll_stations_page_get_loading:
 *
 * Returns: whether the tree is being read
 */
gboolean
ll_stations_page_get_loading (LlStationsPage *self)
{
  g_return_val_if_fail (LL_IS_STATIONS_PAGE (self), FALSE);

  return self->loading || self->reload_idle != 0;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-cases-page"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ll-case-board.h"
#include "ll-case-detail.h"
#include "ll-case-store.h"
#include "ll-cases-page.h"
#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-page.h"
#include "ll-query-model.h"
#include "ll-reports-page.h"
#include "ll-search.h"
#include "ll-station-store.h"
#include "ll-validate.h"

/* The Cases page (诉求): every case in a GtkColumnView over an
 * LlQueryModel, so that 500,000 cases open, scroll and search as fast
 * as 50. The filters, the search and the sort order are all part of the
 * id query (ll_case_store_build_query(), the search one of its conditions);
 * nothing is sorted or filtered in memory. The detail pane on the right
 * shows the selected case.
 *
 * A new query (another search, filter or order) runs on a model of its
 * own, which replaces the list's once its first rows are there: GTK
 * 4.8's list views, told that every row changed, look each new row up
 * to find the one they track, which would load all 500,000 cases. A
 * model set afresh is laid out from where the view is, without that.
 * The same model's refreshes (a colleague's change) stay small.
 *
 * GTK 4.8 does not say which column a GtkColumnView sorts by, so each
 * column gets a sorter of its own that only records that it was asked:
 * comparing two objects with the view's sorter then tells the primary
 * column, and the sign of the answer the direction. */

#define N_COLUMNS 9

typedef struct
{
  LlCasesPage *page;
  LlCaseSort   sort;
} SortProbe;

struct _LlCasesPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkPaned            *paned;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  GtkPopover          *filter_popover;
  GtkRevealer         *chips_revealer;
  GtkFlowBox          *chips_box;
  GtkStack            *list_stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *serial_column;
  GtkColumnViewColumn *title_column;
  GtkColumnViewColumn *received_column;
  GtkColumnViewColumn *station_column;
  GtkColumnViewColumn *category_column;
  GtkColumnViewColumn *status_column;
  GtkColumnViewColumn *department_column;
  GtkColumnViewColumn *deadline_column;
  GtkColumnViewColumn *satisfaction_column;
  GtkLabel            *count_label;
  GtkWidget           *spinner;
  GtkStack            *detail_stack;
  LlCaseDetail        *detail;
  GtkDropDown         *status_dropdown;
  GtkDropDown         *category_dropdown;
  GtkDropDown         *station_dropdown;
  GtkDropDown         *year_dropdown;
  GtkCheckButton      *overdue_check;
  GtkCheckButton      *fast_track_check;
  GtkCheckButton      *common_check;
  GtkToggleButton     *list_toggle;
  GtkToggleButton     *board_toggle;
  LlCaseBoard         *board;

  /* Owned */
  LlDatabase          *db;
  LlQueryModel        *model;           /* the rows shown */
  LlQueryModel        *next_model;      /* a new query, until its first rows come */
  GtkSingleSelection  *selection;
  GListStore          *stations;      /* LlChoice, “any station” first */
  GArray              *years;         /* int, 0 (“any year”) first */
  GArray              *pending_deletes;  /* gint64: deleted when their toast goes */
  char                *search_text;
  SortProbe            probes[N_COLUMNS];

  gint64               selected_id;
  gint64               pending_select_id;
  gint64               asked_id;
  gint64               merged_into_id;
  gint64               query_started;
  gulong               changed_handler;
  gulong               close_handler;
  guint                search_source;
  LlCaseSort           sort;
  int                  probed_sort;
  gboolean             descending;
  gboolean             pending_clear;
  gboolean             editable;
  gboolean             selecting;
  gboolean             updating_filters;
  gboolean             stations_stale;
};

static void ll_cases_page_page_iface_init (LlPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlCasesPage, ll_cases_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PAGE, ll_cases_page_page_iface_init))

static void run_query      (LlCasesPage *self);
static void request_show   (LlCasesPage *self,
                            gint64       case_id);

/* Cells -------------------------------------------------------------------- */

static char *
category_label_cb (gpointer    item,
                   const char *key)
{
  return g_strdup (key != NULL ? ll_enum_get_label (LL_ENUM_CASE_CATEGORY, key) : "");
}

static char *
status_label_cb (gpointer    item,
                 const char *key)
{
  return g_strdup (key != NULL ? ll_enum_get_label (LL_ENUM_CASE_STATUS, key) : "");
}

static char *
satisfaction_label_cb (gpointer    item,
                       const char *key)
{
  return g_strdup (key != NULL ? ll_enum_get_label (LL_ENUM_SATISFACTION, key) : "");
}

static gboolean
nonzero_cb (gpointer item,
            gint64   value)
{
  return value != 0;
}

static char *
mark_tooltip_cb (gpointer    item,
                 const char *mark)
{
  if (g_strcmp0 (mark, "fast-track") == 0)
    return g_strdup (_("Fast track"));
  if (g_strcmp0 (mark, "common") == 0)
    return g_strdup (_("Common issue"));
  if (g_strcmp0 (mark, "merged") == 0)
    return g_strdup (_("Merged into a common issue"));
  return NULL;
}

static int
days_between (const char *from,
              const char *to)
{
  g_autoptr(GDate) a = NULL;
  g_autoptr(GDate) b = NULL;
  int y, m, d;

  if (!ll_date_is_valid (from) || !ll_date_is_valid (to))
    return 0;

  sscanf (from, "%d-%d-%d", &y, &m, &d);
  a = g_date_new_dmy (d, m, y);
  sscanf (to, "%d-%d-%d", &y, &m, &d);
  b = g_date_new_dmy (d, m, y);

  return g_date_days_between (a, b);
}

static char *
overdue_tooltip_cb (gpointer  unused,
                    GObject  *item)
{
  g_autofree char *today = NULL;
  int days;

  if (!LL_IS_CASE (item) || !ll_case_get_overdue (LL_CASE (item)))
    return NULL;

  today = ll_date_today ();
  days = days_between (ll_case_get_deadline (LL_CASE (item)), today);
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                       "Overdue by %d days", days), days);
}

static GStrv
overdue_classes_cb (gpointer item,
                    gboolean overdue)
{
  GStrvBuilder *builder = g_strv_builder_new ();
  GStrv classes;

  g_strv_builder_add (builder, "numeric");
  if (overdue)
    g_strv_builder_add (builder, "case-overdue");
  classes = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return classes;
}

/* Filters ------------------------------------------------------------------- */

static GListModel *
enum_choices (LlEnum      enumeration,
              const char *any)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  gtk_string_list_append (labels, any);
  for (guint i = 0; i < ll_enum_get_n_values (enumeration); i++)
    gtk_string_list_append (labels, ll_enum_get_label_at (enumeration, i));

  return G_LIST_MODEL (labels);
}

static const char *
dropdown_key (GtkDropDown *dropdown,
              LlEnum       enumeration)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION ||
      selected > ll_enum_get_n_values (enumeration))
    return NULL;

  return ll_enum_get_key (enumeration, selected - 1);
}

static gint64
selected_station (LlCasesPage *self)
{
  g_autoptr(LlChoice) choice = NULL;
  guint selected = gtk_drop_down_get_selected (self->station_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return 0;

  choice = g_list_model_get_item (G_LIST_MODEL (self->stations), selected);
  return choice != NULL ? ll_choice_get_id (choice) : 0;
}

static int
selected_year (LlCasesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->year_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= self->years->len)
    return 0;

  return g_array_index (self->years, int, selected);
}

/* The stations for the filter, read when first needed. */
static void
load_stations (LlCasesPage *self)
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(LlChoice) any = NULL;
  gint64 selected;

  if (!self->stations_stale || self->db == NULL)
    return;

  selected = selected_station (self);
  stations = ll_station_store_list (self->db, 0, NULL, TRUE, NULL);
  if (stations == NULL)
    return;

  self->updating_filters = TRUE;
  g_list_store_remove_all (self->stations);
  any = ll_choice_new (0, NULL, _("Any station"));
  g_list_store_append (self->stations, any);
  gtk_drop_down_set_selected (self->station_dropdown, 0);
  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);
      g_autoptr(LlChoice) choice = ll_choice_new (ll_station_get_id (station), NULL,
                                                  ll_station_get_name (station));

      g_list_store_append (self->stations, choice);
      if (ll_station_get_id (station) == selected)
        gtk_drop_down_set_selected (self->station_dropdown, i + 1);
    }
  self->updating_filters = FALSE;
  self->stations_stale = FALSE;
}

/* The years that have cases. The serial numbers start again at 1 each
 * year, so a year has cases when its first serial exists: one lookup
 * by a unique index per year, instead of reading every case. */
static void
load_years (LlCasesPage *self)
{
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = ll_date_today ();
  int this_year = today != NULL ? atoi (today) : g_date_time_get_year (now);
  int selected = selected_year (self);
  int zero = 0;

  g_array_set_size (self->years, 0);
  g_array_append_val (self->years, zero);
  gtk_string_list_append (labels, _("Any year"));

  for (int year = this_year + 1; self->db != NULL && year >= 1949; year--)
    {
      for (int seq = 1; seq <= 2; seq++)
        {
          g_autofree char *serial = g_strdup_printf ("%04d-%04d", year, seq);
          g_autoptr(LlCase) first = ll_case_store_get_by_serial (self->db, serial, NULL);

          if (first != NULL)
            {
              g_autofree char *label = g_strdup_printf ("%d", year);

              g_array_append_val (self->years, year);
              gtk_string_list_append (labels, label);
              break;
            }
        }
    }

  /* A year chosen before stays, even if its cases went meanwhile. */
  if (selected != 0)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < self->years->len; i++)
        found |= g_array_index (self->years, int, i) == selected;
      if (!found)
        {
          g_autofree char *label = g_strdup_printf ("%d", selected);

          g_array_append_val (self->years, selected);
          gtk_string_list_append (labels, label);
        }
    }

  self->updating_filters = TRUE;
  gtk_drop_down_set_model (self->year_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  for (guint i = 0; i < self->years->len; i++)
    if (g_array_index (self->years, int, i) == selected)
      gtk_drop_down_set_selected (self->year_dropdown, i);
  self->updating_filters = FALSE;
}

static gboolean
filters_active (LlCasesPage *self)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  LlCaseFilter none = LL_CASE_FILTER_INIT;

  ll_cases_page_get_filter (self, &filter);
  return memcmp (&filter, &none, sizeof filter) != 0;
}

static gboolean
search_active (LlCasesPage *self)
{
  return !ll_search_query_is_blank (self->search_text);
}

/* Chips for the active filters ---------------------------------------------- */

static void
chip_clicked_cb (GtkButton   *button,
                 LlCasesPage *self)
{
  const char *which = g_object_get_data (G_OBJECT (button), "ll-filter");

  self->updating_filters = TRUE;
  if (g_str_equal (which, "status"))
    gtk_drop_down_set_selected (self->status_dropdown, 0);
  else if (g_str_equal (which, "category"))
    gtk_drop_down_set_selected (self->category_dropdown, 0);
  else if (g_str_equal (which, "station"))
    gtk_drop_down_set_selected (self->station_dropdown, 0);
  else if (g_str_equal (which, "year"))
    gtk_drop_down_set_selected (self->year_dropdown, 0);
  else if (g_str_equal (which, "overdue"))
    gtk_check_button_set_active (self->overdue_check, FALSE);
  else if (g_str_equal (which, "fast-track"))
    gtk_check_button_set_active (self->fast_track_check, FALSE);
  else if (g_str_equal (which, "common"))
    gtk_check_button_set_active (self->common_check, FALSE);
  else if (g_str_equal (which, "merged"))
    self->merged_into_id = 0;
  self->updating_filters = FALSE;

  run_query (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
add_chip (LlCasesPage *self,
          const char  *which,
          const char  *text)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *icon = gtk_image_new_from_icon_name ("window-close-symbolic");
  g_autofree char *accessible = NULL;

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "case-filter-chip");
  gtk_widget_set_name (button, which);

  /* Translators: read out for a button that removes a filter, e.g. “Status: Assigned” */
  accessible = g_strdup_printf (_("Remove the filter %s"), text);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  g_object_set_data (G_OBJECT (button), "ll-filter", (gpointer) which);
  g_signal_connect (button, "clicked", G_CALLBACK (chip_clicked_cb), self);
  gtk_flow_box_append (self->chips_box, button);
}

static void
update_chips (LlCasesPage *self)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  GtkWidget *child;
  gboolean any;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->chips_box))) != NULL)
    gtk_flow_box_remove (self->chips_box, child);

  ll_cases_page_get_filter (self, &filter);

  /* Translators: a filter chip: a field, then its value */
#define CHIP(which, field, value) \
  G_STMT_START { \
    g_autofree char *text = g_strdup_printf (_("%s: %s"), field, value); \
    add_chip (self, which, text); \
  } G_STMT_END

  if (filter.status != NULL)
    CHIP ("status", ll_case_get_field_label ("status"),
          ll_enum_get_label (LL_ENUM_CASE_STATUS, filter.status));
  if (filter.category != NULL)
    CHIP ("category", ll_case_get_field_label ("category"),
          ll_enum_get_label (LL_ENUM_CASE_CATEGORY, filter.category));
  if (filter.station_id != 0)
    {
      g_autoptr(LlChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->stations),
                                                          gtk_drop_down_get_selected (self->station_dropdown));

      CHIP ("station", ll_case_get_field_label ("station-id"),
            choice != NULL ? ll_choice_get_label (choice) : "");
    }
  if (filter.year != 0)
    {
      g_autofree char *year = g_strdup_printf ("%d", filter.year);

      CHIP ("year", ll_case_get_field_label ("year"), year);
    }
  if (filter.merged_into_id != 0)
    {
      g_autoptr(LlCase) common = ll_case_store_get (self->db, filter.merged_into_id, NULL);

      CHIP ("merged", ll_case_get_field_label ("merged-into-id"),
            common != NULL ? ll_case_get_serial (common) : "");
    }
#undef CHIP

  if (filter.overdue_only)
    add_chip (self, "overdue", _("Overdue"));
  if (filter.fast_track_only)
    add_chip (self, "fast-track", _("Fast track"));
  if (filter.common_only)
    add_chip (self, "common", _("Common issues"));

  any = filters_active (self);
  gtk_revealer_set_reveal_child (self->chips_revealer, any);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.clear-filters", any);
}

/* The list ------------------------------------------------------------------- */

static GtkWidget *
list_view (LlCasesPage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static void
scroll_to (LlCasesPage *self,
           guint        position)
{
  GtkWidget *view = list_view (self);

  if (view != NULL)
    gtk_widget_activate_action (view, "list.scroll-to-item", "u", position);
}

/* Selects @case_id in the list if it is there, without reloading the
 * detail pane. */
static gboolean
select_in_list (LlCasesPage *self,
                gint64       case_id,
                gboolean     scroll)
{
  guint position;

  if (case_id == 0 || self->model == NULL || !ll_query_model_get_position_of_id (self->model, case_id, &position))
    return FALSE;

  if (gtk_single_selection_get_selected (self->selection) != position)
    {
      self->selecting = TRUE;
      gtk_single_selection_set_selected (self->selection, position);
      self->selecting = FALSE;
    }
  if (scroll)
    scroll_to (self, position);

  return TRUE;
}

static void
update_count (LlCasesPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  g_autofree char *text = NULL;

  if (search_active (self) || filters_active (self))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u case found", "%'u cases found", n),
                            n);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u case", "%'u cases", n), n);
  gtk_label_set_text (self->count_label, text);
}

static void
update_list_state (LlCasesPage *self)
{
  gboolean loading;
  guint n;
  const GError *error;

  if (self->model == NULL)
    {
      gtk_widget_set_visible (self->spinner, FALSE);
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }

  loading = ll_query_model_get_loading (self->model) || self->next_model != NULL;
  n = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  error = ll_query_model_get_error (self->model);

  gtk_widget_set_visible (self->spinner, loading);

  if (loading && n == 0)
    return;

  if (n > 0 || loading)
    gtk_stack_set_visible_child_name (self->list_stack,
                                      gtk_toggle_button_get_active (self->board_toggle)
                                      ? "board" : "list");
  else if (search_active (self) || filters_active (self))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  if (error != NULL && !loading)
    gtk_label_set_text (self->count_label, error->message);
  else
    update_count (self);
}

static void
loading_changed_cb (LlCasesPage *self)
{
  if (self->model == NULL)
    return;

  if (!ll_query_model_get_loading (self->model) && self->next_model == NULL)
    {
      if (self->query_started != 0)
        {
          g_debug ("Case list query: %u rows in %.1f ms",
                   g_list_model_get_n_items (G_LIST_MODEL (self->model)),
                   (g_get_monotonic_time () - self->query_started) / 1000.0);
          self->query_started = 0;
        }

      if (self->pending_select_id != 0)
        {
          gint64 id = self->pending_select_id;

          if (select_in_list (self, id, TRUE))
            {
              self->pending_select_id = 0;
              self->pending_clear = FALSE;
            }
          else if (self->pending_clear)
            {
              /* Shown from elsewhere (win.show-case) but hidden by the
               * filters or the search: clear them. */
              self->pending_clear = FALSE;
              ll_cases_page_clear_filters (self);
              gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
              g_clear_pointer (&self->search_text, g_free);
              run_query (self);
            }
          else
            self->pending_select_id = 0;
        }
    }

  update_list_state (self);
}

static void
items_changed_cb (LlCasesPage *self)
{
  /* A changed record comes back as a new object: GtkSingleSelection
   * then forgets it. Select it again where it is now. */
  if (gtk_single_selection_get_selected (self->selection) == GTK_INVALID_LIST_POSITION &&
      self->selected_id != 0)
    select_in_list (self, self->selected_id, FALSE);
  else if (self->selected_id != 0)
    {
      LlCase *item = gtk_single_selection_get_selected_item (self->selection);

      if (item != NULL && ll_case_get_id (item) != self->selected_id)
        select_in_list (self, self->selected_id, FALSE);
    }

  update_list_state (self);
}

static LlQueryModel *
new_model (LlCasesPage *self)
{
  static const char * const watched[] = { "cases", "stations", "departments", NULL };

  return ll_query_model_new (self->db, LL_TYPE_CASE, ll_case_store_load_many, watched);
}

static void selection_changed_cb (LlCasesPage *self);

/* Shows @model's rows in place of the list's: a new selection model,
 * with the case shown selected if it is among the rows already. */
static void
swap_in (LlCasesPage  *self,
         LlQueryModel *model)
{
  GtkSingleSelection *selection;
  guint position;

  g_signal_handlers_disconnect_by_data (model, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (model)));
  gtk_single_selection_set_autoselect (selection, FALSE);
  gtk_single_selection_set_can_unselect (selection, TRUE);
  gtk_single_selection_set_selected (selection, GTK_INVALID_LIST_POSITION);
  if (self->selected_id != 0 &&
      ll_query_model_get_position_of_id (model, self->selected_id, &position))
    gtk_single_selection_set_selected (selection, position);

  g_signal_connect_object (selection, "notify::selected", G_CALLBACK (selection_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (selection, "items-changed", G_CALLBACK (items_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (model, "notify::loading", G_CALLBACK (loading_changed_cb), self,
                           G_CONNECT_SWAPPED);

  self->selecting = TRUE;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (selection));
  self->selecting = FALSE;

  g_clear_object (&self->selection);
  self->selection = selection;
  g_set_object (&self->model, model);
  if (self->next_model == model)
    g_clear_object (&self->next_model);

  loading_changed_cb (self);
}

/* The new query's first rows are there, or all of them. */
static void
next_model_cb (LlCasesPage *self)
{
  LlQueryModel *next = self->next_model;

  if (next == NULL)
    return;

  if (g_list_model_get_n_items (G_LIST_MODEL (next)) > 0 || !ll_query_model_get_loading (next))
    swap_in (self, next);
}

static void
run_query (LlCasesPage *self)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autoptr(GArray) params = NULL;
  g_autofree char *sql = NULL;

  update_chips (self);

  if (self->db == NULL)
    return;

  ll_cases_page_get_filter (self, &filter);
  if (search_active (self))
    filter.search = self->search_text;
  params = ll_search_params_new ();
  sql = ll_case_store_build_query (&filter, self->sort, self->descending, params);

  /* Cases deleted in this window wait for their toast to go before they
   * leave the database; meanwhile they leave the list. */
  if (self->pending_deletes->len > 0)
    {
      g_autoptr(GString) excluded = g_string_new (NULL);
      g_autofree char *inner = g_steal_pointer (&sql);

      for (guint i = 0; i < self->pending_deletes->len; i++)
        g_string_append_printf (excluded, "%s%" G_GINT64_FORMAT, i > 0 ? ", " : "",
                                g_array_index (self->pending_deletes, gint64, i));
      sql = g_strdup_printf ("SELECT id FROM (%s) WHERE id NOT IN (%s)", inner, excluded->str);
    }

  if (self->selected_id != 0 && self->pending_select_id == 0)
    self->pending_select_id = self->selected_id;

  g_debug ("Case list query for “%s”: %s", self->search_text ? self->search_text : "", sql);
  self->query_started = g_get_monotonic_time ();

  if (self->next_model != NULL)
    g_signal_handlers_disconnect_by_data (self->next_model, self);
  g_clear_object (&self->next_model);
  self->next_model = new_model (self);
  g_signal_connect_object (self->next_model, "notify::n-items", G_CALLBACK (next_model_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->next_model, "notify::loading", G_CALLBACK (next_model_cb), self,
                           G_CONNECT_SWAPPED);
  ll_query_model_set_query (self->next_model, sql, (const GValue *) (gpointer) params->data,
                            params->len);
  ll_case_board_set_query (self->board, &filter, self->search_text, self->sort, self->descending);
  update_list_state (self);
}

/* Sorting ---------------------------------------------------------------------- */

static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  SortProbe *probe = user_data;

  probe->page->probed_sort = probe->sort;
  return -1;
}

static void
sort_changed_cb (LlCasesPage     *self,
                 GtkSorterChange  change,
                 GtkSorter       *sorter)
{
  GtkOrdering ordering;

  self->probed_sort = -1;
  ordering = gtk_sorter_compare (sorter, self, self->column_view);
  if (self->probed_sort < 0)
    {
      self->sort = LL_CASE_SORT_RECEIVED_ON;
      self->descending = TRUE;
    }
  else
    {
      self->sort = self->probed_sort;
      self->descending = ordering == GTK_ORDERING_LARGER;
    }

  run_query (self);
}

static void
set_up_sorting (LlCasesPage *self)
{
  GtkColumnViewColumn *columns[N_COLUMNS] = {
    self->serial_column, self->title_column, self->received_column, self->station_column,
    self->category_column, self->status_column, self->department_column,
    self->deadline_column, self->satisfaction_column,
  };
  static const LlCaseSort sorts[N_COLUMNS] = {
    LL_CASE_SORT_SERIAL, LL_CASE_SORT_TITLE, LL_CASE_SORT_RECEIVED_ON, LL_CASE_SORT_STATION,
    LL_CASE_SORT_CATEGORY, LL_CASE_SORT_STATUS, LL_CASE_SORT_DEPARTMENT,
    LL_CASE_SORT_DEADLINE, LL_CASE_SORT_SATISFACTION,
  };

  for (guint i = 0; i < N_COLUMNS; i++)
    {
      g_autoptr(GtkCustomSorter) sorter = NULL;

      self->probes[i].page = self;
      self->probes[i].sort = sorts[i];
      sorter = gtk_custom_sorter_new (probe_sort_cb, &self->probes[i], NULL);
      gtk_column_view_column_set_sorter (columns[i], GTK_SORTER (sorter));
    }

  self->sort = LL_CASE_SORT_RECEIVED_ON;
  self->descending = TRUE;
  gtk_column_view_sort_by_column (self->column_view, self->received_column,
                                  GTK_SORT_DESCENDING);
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (sort_changed_cb), self, G_CONNECT_SWAPPED);
}

/* Selection and the detail pane ------------------------------------------------ */

static void
show_in_detail (LlCasesPage *self,
                gint64       case_id)
{
  gboolean shown = ll_case_detail_show_case (self->detail, case_id);

  self->selected_id = shown ? case_id : 0;
  gtk_stack_set_visible_child_name (self->detail_stack, shown ? "case" : "none");
}

static void
unsaved_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LlCasesPage      *self)
{
  gint64 wanted = self->asked_id;

  self->asked_id = 0;

  if (g_str_equal (response, "save"))
    {
      if (!ll_case_detail_save (self->detail) || ll_case_detail_get_dirty (self->detail))
        return;  /* The form says why, or the conflict dialog is up. */
    }
  else if (g_str_equal (response, "discard"))
    ll_case_detail_revert (self->detail);
  else
    return;

  request_show (self, wanted);
}

/* Shows @case_id in the detail pane, asking first what to do with
 * unsaved edits of the case shown. */
static void
request_show (LlCasesPage *self,
              gint64       case_id)
{
  gint64 current = ll_case_detail_get_case_id (self->detail);

  if (case_id == current && current != 0)
    {
      select_in_list (self, case_id, FALSE);
      return;
    }

  if (current != 0 && ll_case_detail_get_dirty (self->detail))
    {
      LlCase *kase = ll_case_detail_get_case (self->detail);
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog;

      /* Keep the list showing the case being edited. */
      select_in_list (self, current, FALSE);

      if (self->asked_id != 0)
        {
          self->asked_id = case_id;
          return;
        }

      self->asked_id = case_id;
      dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                       NULL, NULL);
      /* Translators: %s is a case's serial number */
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Save Changes to %s?"),
                                         ll_case_get_serial (kase));
      adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                   _("The case shown has changes that are not saved yet."));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "cancel", _("_Cancel"),
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
      return;
    }

  show_in_detail (self, case_id);
  if (!select_in_list (self, case_id, TRUE))
    {
      if (ll_cases_page_get_loading (self))
        self->pending_select_id = case_id;
      else if (self->selecting == FALSE)
        {
          self->selecting = TRUE;
          gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
          self->selecting = FALSE;
        }
    }
}

static void
selection_changed_cb (LlCasesPage *self)
{
  LlCase *item;

  if (self->selecting)
    return;

  /* A selection lost to a refresh is restored in items_changed_cb. */
  item = gtk_single_selection_get_selected_item (self->selection);
  if (item == NULL || ll_case_get_id (item) == 0)
    return;

  self->pending_select_id = 0;
  request_show (self, ll_case_get_id (item));
}

static void
detail_case_id_cb (LlCasesPage *self)
{
  gint64 id = ll_case_detail_get_case_id (self->detail);

  self->selected_id = id;
  gtk_stack_set_visible_child_name (self->detail_stack, id != 0 ? "case" : "none");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.print-slip", id != 0);
}

static void
show_merged_cb (LlCasesPage *self,
                gint64       common_id)
{
  ll_cases_page_clear_filters (self);
  self->merged_into_id = common_id;
  run_query (self);
}

/* Deleting with Undo ----------------------------------------------------------- */

static gboolean
is_pending_delete (LlCasesPage *self,
                   gint64       id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static void
forget_pending_delete (LlCasesPage *self,
                       gint64       id)
{
  for (guint i = 0; i < self->pending_deletes->len; i++)
    if (g_array_index (self->pending_deletes, gint64, i) == id)
      {
        g_array_remove_index (self->pending_deletes, i);
        return;
      }
}

static void
delete_now (LlCasesPage *self,
            gint64       id)
{
  g_autoptr(LlCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  if (!is_pending_delete (self, id))
    return;

  forget_pending_delete (self, id);
  if (self->db == NULL)
    return;

  kase = ll_case_store_get (self->db, id, &error);
  if (kase == NULL || !ll_case_store_delete (self->db, kase, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: the system's reason follows */
      message = g_strdup_printf (_("The case could not be deleted: %s"),
                                 error != NULL ? error->message : "");
      ll_page_add_toast (LL_PAGE (self), adw_toast_new (message));
      run_query (self);
    }
}

static void
delete_toast_dismissed_cb (AdwToast    *toast,
                           LlCasesPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "ll-case-id");

  delete_now (self, id);
}

static void
delete_undo_cb (AdwToast    *toast,
                LlCasesPage *self)
{
  gint64 id = *(gint64 *) g_object_get_data (G_OBJECT (toast), "ll-case-id");

  forget_pending_delete (self, id);
  self->pending_select_id = id;
  show_in_detail (self, id);
  run_query (self);
}

static void
commit_pending_deletes (LlCasesPage *self)
{
  while (self->pending_deletes->len > 0)
    delete_now (self, g_array_index (self->pending_deletes, gint64, 0));
}

static gboolean
window_close_request_cb (LlCasesPage *self)
{
  commit_pending_deletes (self);
  return FALSE;
}

static gboolean
delete_selected (LlCasesPage *self)
{
  LlCase *kase = ll_case_detail_get_case (self->detail);
  g_autofree char *reason = NULL;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;
  gint64 id;

  if (kase == NULL || self->db == NULL)
    return FALSE;

  if (!self->editable)
    return TRUE;

  if (!ll_case_store_can_delete (self->db, kase, &reason, &error))
    {
      ll_page_add_toast (LL_PAGE (self),
                         adw_toast_new (reason != NULL ? reason
                                                       : (error != NULL ? error->message : "")));
      return TRUE;
    }

  id = ll_case_get_id (kase);
  g_array_append_val (self->pending_deletes, id);

  /* Translators: %s is a case's serial number */
  title = g_strdup_printf (_("Case %s deleted"), ll_case_get_serial (kase));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ll-case-id", g_memdup2 (&id, sizeof id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (delete_undo_cb), self, 0);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), self, 0);

  show_in_detail (self, 0);
  self->selected_id = 0;
  run_query (self);
  ll_page_add_toast (LL_PAGE (self), toast);

  return TRUE;
}

/* Callbacks ----------------------------------------------------------------------- */

static void
apply_search (LlCasesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_handle_id (&self->search_source, g_source_remove);
  if (g_strcmp0 (text, self->search_text) == 0)
    return;

  g_free (self->search_text);
  self->search_text = g_strdup (text);
  run_query (self);
}

static gboolean
search_timeout_cb (gpointer data)
{
  LlCasesPage *self = data;

  self->search_source = 0;
  apply_search (self);
  return G_SOURCE_REMOVE;
}

static void
search_changed_cb (LlCasesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_clear_handle_id (&self->search_source, g_source_remove);

  /* Typing over a selected word passes through an empty entry, which
   * GtkSearchEntry reports at once: wait for what comes next rather
   * than list every case in between. */
  if (ll_search_query_is_blank (text) && !ll_search_query_is_blank (self->search_text))
    {
      self->search_source = g_timeout_add (300, search_timeout_cb, self);
      return;
    }

  apply_search (self);
}

static void
stop_search_cb (LlCasesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  apply_search (self);
}

static void
search_activate_cb (LlCasesPage *self)
{
  /* Enter shows the first case found. */
  if (self->model != NULL && g_list_model_get_n_items (G_LIST_MODEL (self->model)) > 0)
    {
      g_autoptr(LlCase) first = g_list_model_get_item (G_LIST_MODEL (self->model), 0);

      request_show (self, ll_case_get_id (first));
    }
}

/* List | Board: the board takes the list's place, with more room, once
 * the page has its width. */
static gboolean
widen_board_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       data)
{
  LlCasesPage *self = LL_CASES_PAGE (widget);
  int width = gtk_widget_get_width (GTK_WIDGET (self->paned));

  if (width <= 0)
    return G_SOURCE_CONTINUE;

  if (gtk_toggle_button_get_active (self->board_toggle))
    gtk_paned_set_position (self->paned, MAX (560, width - 380));
  return G_SOURCE_REMOVE;
}

static void
view_toggled_cb (LlCasesPage *self)
{
  ll_case_board_set_shown (self->board, gtk_toggle_button_get_active (self->board_toggle));
  if (gtk_toggle_button_get_active (self->board_toggle))
    gtk_widget_add_tick_callback (GTK_WIDGET (self), widen_board_cb, NULL, NULL);
  else
    gtk_paned_set_position (self->paned, 560);
  update_list_state (self);
}

static void
board_show_case_cb (LlCasesPage *self,
                    gint64       case_id)
{
  request_show (self, case_id);
}

static void
filter_changed_cb (LlCasesPage *self)
{
  if (self->updating_filters)
    return;

  run_query (self);
}

static void
filter_popover_show_cb (LlCasesPage *self)
{
  load_stations (self);
  load_years (self);
}

static void
database_changed_cb (LlCasesPage *self,
                     GPtrArray   *changes,
                     LlDatabase  *db)
{
  if (changes == NULL)
    {
      self->stations_stale = TRUE;
      return;
    }

  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (((LlChange *) g_ptr_array_index (changes, i))->table, "stations"))
      self->stations_stale = TRUE;
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlCasesPage *self = LL_CASES_PAGE (widget);

  ll_cases_page_clear_filters (self);
  run_query (self);
}

static void
clear_all_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlCasesPage *self = LL_CASES_PAGE (widget);

  ll_cases_page_clear_filters (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_pointer (&self->search_text, g_free);
  run_query (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_case_detail_save (LL_CASES_PAGE (widget)->detail);
}

static void
show_filters_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  gtk_menu_button_popup (LL_CASES_PAGE (widget)->filter_button);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  delete_selected (LL_CASES_PAGE (widget));
}

/* The shown case's hand-over slip, generated on the Reports page. */
static void
print_slip_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlCasesPage *self = LL_CASES_PAGE (widget);
  LlReportsPage *reports = ll_reports_page_find (widget);

  if (self->selected_id != 0 && reports != NULL)
    ll_reports_page_print_case_slips (reports, &self->selected_id, 1);
}

/* LlPage -------------------------------------------------------------------------- */

static void
ll_cases_page_set_database (LlPage     *page,
                            LlDatabase *db)
{
  LlCasesPage *self = LL_CASES_PAGE (page);
  g_autoptr(GtkSingleSelection) empty = NULL;

  if (self->db == db)
    return;

  commit_pending_deletes (self);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  if (self->next_model != NULL)
    g_signal_handlers_disconnect_by_data (self->next_model, self);

  g_set_object (&self->db, db);
  self->selected_id = 0;
  self->pending_select_id = 0;
  self->merged_into_id = 0;
  self->stations_stale = TRUE;
  g_clear_object (&self->model);
  g_clear_object (&self->next_model);

  /* Nothing shown until the new database's rows come. */
  empty = gtk_single_selection_new (NULL);
  self->selecting = TRUE;
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (empty));
  self->selecting = FALSE;
  g_set_object (&self->selection, empty);

  ll_case_detail_set_database (self->detail, db);
  ll_case_board_set_database (self->board, db);
  show_in_detail (self, 0);

  if (db != NULL)
    {
      self->changed_handler = g_signal_connect_object (db, "changed",
                                                       G_CALLBACK (database_changed_cb), self,
                                                       G_CONNECT_SWAPPED);
      /* An empty model at once, so that the page knows it has a list. */
      self->model = new_model (self);
    }

  load_years (self);
  run_query (self);
  update_list_state (self);
}

static void
ll_cases_page_set_editable (LlPage   *page,
                            gboolean  editable)
{
  LlCasesPage *self = LL_CASES_PAGE (page);

  self->editable = !!editable;
  ll_case_detail_set_editable (self->detail, editable);
  ll_case_board_set_editable (self->board, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.delete", self->editable);
}

static void
ll_cases_page_focus_search (LlPage *page)
{
  LlCasesPage *self = LL_CASES_PAGE (page);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
ll_cases_page_archive_selection (LlPage *page)
{
  return delete_selected (LL_CASES_PAGE (page));
}

static void
ll_cases_page_page_iface_init (LlPageInterface *iface)
{
  iface->set_database = ll_cases_page_set_database;
  iface->set_editable = ll_cases_page_set_editable;
  iface->focus_search = ll_cases_page_focus_search;
  iface->archive_selection = ll_cases_page_archive_selection;
}

/* GObject ---------------------------------------------------------------------------- */

static void
ll_cases_page_root (GtkWidget *widget)
{
  LlCasesPage *self = LL_CASES_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (ll_cases_page_parent_class)->root (widget);

  /* Deletions still waiting for their toast happen when the window
   * closes at the latest. */
  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    self->close_handler = g_signal_connect_object (root, "close-request",
                                                   G_CALLBACK (window_close_request_cb), self,
                                                   G_CONNECT_SWAPPED);
}

static void
ll_cases_page_unroot (GtkWidget *widget)
{
  LlCasesPage *self = LL_CASES_PAGE (widget);

  commit_pending_deletes (self);
  if (self->close_handler != 0)
    g_clear_signal_handler (&self->close_handler, gtk_widget_get_root (widget));

  GTK_WIDGET_CLASS (ll_cases_page_parent_class)->unroot (widget);
}

static void
ll_cases_page_dispose (GObject *object)
{
  LlCasesPage *self = LL_CASES_PAGE (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  /* The view takes its columns away as it goes, which changes its
   * sorter: nothing to sort by then. */
  if (self->column_view != NULL)
    g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->column_view), self);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_CASES_PAGE);
  g_clear_handle_id (&self->search_source, g_source_remove);
  if (self->next_model != NULL)
    g_signal_handlers_disconnect_by_data (self->next_model, self);
  g_clear_object (&self->next_model);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_object (&self->stations);
  g_clear_object (&self->db);
  g_clear_pointer (&self->years, g_array_unref);
  g_clear_pointer (&self->pending_deletes, g_array_unref);
  g_clear_pointer (&self->search_text, g_free);

  G_OBJECT_CLASS (ll_cases_page_parent_class)->dispose (object);
}

static void
ll_cases_page_class_init (LlCasesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_cases_page_dispose;
  widget_class->root = ll_cases_page_root;
  widget_class->unroot = ll_cases_page_unroot;

  g_type_ensure (LL_TYPE_CASE);
  g_type_ensure (LL_TYPE_CASE_BOARD);
  g_type_ensure (LL_TYPE_CASE_DETAIL);
  g_type_ensure (LL_TYPE_CHOICE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-cases-page");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-cases-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, paned);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, filter_popover);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, chips_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, chips_box);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, serial_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, title_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, received_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, station_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, category_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, status_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, department_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, deadline_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, satisfaction_column);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, detail_stack);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, detail);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, station_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, year_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, overdue_check);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, fast_track_check);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, common_check);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, board_toggle);
  gtk_widget_class_bind_template_child (widget_class, LlCasesPage, board);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, view_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, board_show_case_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, status_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, satisfaction_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, nonzero_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_tooltip_cb);
  gtk_widget_class_bind_template_callback (widget_class, overdue_classes_cb);

  gtk_widget_class_install_action (widget_class, "cases.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "cases.clear-all", NULL, clear_all_action);
  gtk_widget_class_install_action (widget_class, "cases.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "cases.show-filters", NULL, show_filters_action);
  gtk_widget_class_install_action (widget_class, "cases.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "cases.print-slip", NULL, print_slip_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "cases.print-slip", NULL);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "cases.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "cases.show-filters", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "cases.delete", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Delete, 0, "cases.delete", NULL);
}

static void
ll_cases_page_init (LlCasesPage *self)
{
  g_autoptr(GListModel) statuses = NULL;
  g_autoptr(GListModel) categories = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->stations_stale = TRUE;
  self->years = g_array_new (FALSE, FALSE, sizeof (int));
  self->pending_deletes = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->stations = g_list_store_new (LL_TYPE_CHOICE);

  self->updating_filters = TRUE;
  statuses = enum_choices (LL_ENUM_CASE_STATUS, _("Any status"));
  categories = enum_choices (LL_ENUM_CASE_CATEGORY, _("Any category"));
  gtk_drop_down_set_model (self->status_dropdown, statuses);
  gtk_drop_down_set_model (self->category_dropdown, categories);
  gtk_drop_down_set_model (self->station_dropdown, G_LIST_MODEL (self->stations));
  {
    g_autoptr(LlChoice) any = ll_choice_new (0, NULL, _("Any station"));
    g_list_store_append (self->stations, any);
  }
  self->updating_filters = FALSE;
  load_years (self);

  g_signal_connect_object (self->filter_popover, "show", G_CALLBACK (filter_popover_show_cb),
                           self, G_CONNECT_SWAPPED);

  self->selection = gtk_single_selection_new (NULL);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "cases.print-slip", FALSE);

  g_signal_connect_object (self->detail, "notify::case-id", G_CALLBACK (detail_case_id_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "show-merged", G_CALLBACK (show_merged_cb), self,
                           G_CONNECT_SWAPPED);

  set_up_sorting (self);
  update_chips (self);
  gtk_stack_set_visible_child_name (self->list_stack, "empty");
}

/* Public API -------------------------------------------------------------------------- */

GtkWidget *
ll_cases_page_new (void)
{
  return g_object_new (LL_TYPE_CASES_PAGE, NULL);
}

/**
 * ll_cases_page_show_case:
 * @case_id: a case
 *
 * Shows @case_id in the detail pane and selects it in the list,
 * clearing the search and the filters when they hide it. The window's
 * `win.show-case` action calls this.
 */
void
ll_cases_page_show_case (LlCasesPage *self,
                         gint64       case_id)
{
  g_return_if_fail (LL_IS_CASES_PAGE (self));

  if (self->model == NULL || case_id <= 0)
    return;

  self->pending_select_id = case_id;
  self->pending_clear = TRUE;
  request_show (self, case_id);

  if (ll_query_model_get_position_of_id (self->model, case_id, NULL))
    {
      self->pending_select_id = 0;
      self->pending_clear = FALSE;
    }
  else if (!ll_cases_page_get_loading (self))
    loading_changed_cb (self);
}

gint64
ll_cases_page_get_selected_id (LlCasesPage *self)
{
  g_return_val_if_fail (LL_IS_CASES_PAGE (self), 0);

  return self->selected_id;
}

/**
 * ll_cases_page_get_model:
 *
 * Returns: (transfer none) (nullable): the list's model
 */
LlQueryModel *
ll_cases_page_get_model (LlCasesPage *self)
{
  g_return_val_if_fail (LL_IS_CASES_PAGE (self), NULL);

  return self->model;
}

/**
 * ll_cases_page_get_filter:
 * @filter: (out caller-allocates): the filters set in the page; the
 *   strings are static
 */
void
ll_cases_page_get_filter (LlCasesPage  *self,
                          LlCaseFilter *filter)
{
  LlCaseFilter none = LL_CASE_FILTER_INIT;

  g_return_if_fail (LL_IS_CASES_PAGE (self));
  g_return_if_fail (filter != NULL);

  *filter = none;
  filter->status = dropdown_key (self->status_dropdown, LL_ENUM_CASE_STATUS);
  filter->category = dropdown_key (self->category_dropdown, LL_ENUM_CASE_CATEGORY);
  filter->station_id = selected_station (self);
  filter->year = selected_year (self);
  filter->overdue_only = gtk_check_button_get_active (self->overdue_check);
  filter->fast_track_only = gtk_check_button_get_active (self->fast_track_check);
  filter->common_only = gtk_check_button_get_active (self->common_check);
  filter->merged_into_id = self->merged_into_id;
}

/**
 * ll_cases_page_set_filter:
 * @filter: the filters to set, as a user would in the filter popover:
 *   status, category, station, year, overdue, fast track and common
 *   issues (other fields are ignored)
 */
void
ll_cases_page_set_filter (LlCasesPage        *self,
                          const LlCaseFilter *filter)
{
  int status, category;

  g_return_if_fail (LL_IS_CASES_PAGE (self));
  g_return_if_fail (filter != NULL);

  load_stations (self);
  load_years (self);

  self->updating_filters = TRUE;
  status = filter->status != NULL ? ll_enum_find (LL_ENUM_CASE_STATUS, filter->status) : -1;
  category = filter->category != NULL ? ll_enum_find (LL_ENUM_CASE_CATEGORY, filter->category) : -1;
  gtk_drop_down_set_selected (self->status_dropdown, status + 1);
  gtk_drop_down_set_selected (self->category_dropdown, category + 1);

  gtk_drop_down_set_selected (self->station_dropdown, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->stations)); i++)
    {
      g_autoptr(LlChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->stations), i);

      if (filter->station_id != 0 && ll_choice_get_id (choice) == filter->station_id)
        gtk_drop_down_set_selected (self->station_dropdown, i);
    }

  gtk_drop_down_set_selected (self->year_dropdown, 0);
  for (guint i = 0; i < self->years->len; i++)
    if (filter->year != 0 && g_array_index (self->years, int, i) == filter->year)
      gtk_drop_down_set_selected (self->year_dropdown, i);

  gtk_check_button_set_active (self->overdue_check, filter->overdue_only);
  gtk_check_button_set_active (self->fast_track_check, filter->fast_track_only);
  gtk_check_button_set_active (self->common_check, filter->common_only);
  self->merged_into_id = filter->merged_into_id;
  self->updating_filters = FALSE;

  run_query (self);
}

const char *
ll_cases_page_get_search_text (LlCasesPage *self)
{
  g_return_val_if_fail (LL_IS_CASES_PAGE (self), NULL);

  return self->search_text;
}

/**
 * ll_cases_page_set_search_text:
 *
 * Searches at once, without the typing delay of the search entry.
 */
void
ll_cases_page_set_search_text (LlCasesPage *self,
                               const char  *text)
{
  g_return_if_fail (LL_IS_CASES_PAGE (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text != NULL ? text : "");
  g_free (self->search_text);
  self->search_text = g_strdup (text);
  run_query (self);
}

/**
 * ll_cases_page_clear_filters:
 *
 * Resets every filter (not the search). The list follows with the next
 * query.
 */
void
ll_cases_page_clear_filters (LlCasesPage *self)
{
  g_return_if_fail (LL_IS_CASES_PAGE (self));

  self->updating_filters = TRUE;
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->category_dropdown, 0);
  gtk_drop_down_set_selected (self->station_dropdown, 0);
  gtk_drop_down_set_selected (self->year_dropdown, 0);
  gtk_check_button_set_active (self->overdue_check, FALSE);
  gtk_check_button_set_active (self->fast_track_check, FALSE);
  gtk_check_button_set_active (self->common_check, FALSE);
  self->merged_into_id = 0;
  self->updating_filters = FALSE;
  update_chips (self);
}

gboolean
ll_cases_page_get_loading (LlCasesPage *self)
{
  g_return_val_if_fail (LL_IS_CASES_PAGE (self), FALSE);

  /* A search waiting for the next key counts as loading too. */
  return self->next_model != NULL || self->search_source != 0 ||
         (self->model != NULL && ll_query_model_get_loading (self->model));
}

void
ll_cases_page_get_sort (LlCasesPage *self,
                        LlCaseSort  *sort,
                        gboolean    *descending)
{
  g_return_if_fail (LL_IS_CASES_PAGE (self));

  if (sort != NULL)
    *sort = self->sort;
  if (descending != NULL)
    *descending = self->descending;
}

/**
 * ll_cases_page_get_detail:
 *
 * Returns: (transfer none): the detail pane, an #LlCaseDetail
 */
GtkWidget *
ll_cases_page_get_detail (LlCasesPage *self)
{
  g_return_val_if_fail (LL_IS_CASES_PAGE (self), NULL);

  return GTK_WIDGET (self->detail);
}

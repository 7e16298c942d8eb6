/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-people-page"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-activity-store.h"
#include "ll-case-store.h"
#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-group-store.h"
#include "ll-id-selection.h"
#include "ll-membership-store.h"
#include "ll-people-page.h"
#include "ll-person-store.h"
#include "ll-query-model.h"
#include "ll-search.h"
#include "ll-station-picker.h"
#include "ll-stationing-board.h"
#include "ll-validate.h"

/* The People page (代表): everyone who works in the stations, in a
 * column view over a lazy query model, with the person's file beside it.
 *
 * The list's order, filters and search are all part of one id query
 * (ll_person_store_build_query(), ll_search_build_filter()), so 20,000
 * people sort and filter in SQLite and only the rows on screen are
 * loaded. The selection follows the person's id, so a new sort, a
 * search that still finds them, or a colleague's change keeps it.
 *
 * Archiving happens at once and Undo restores the person and their
 * stations; deleting waits behind its toast and happens only when the
 * toast goes away without Undo, or when the window closes. */

typedef struct
{
  GWeakRef    page;
  LlDatabase *database;
  LlDatabase *fallback;   /* for when @database was closed meanwhile */
  LlPerson   *person;
  gboolean    undone;
  gboolean    done;
} PendingDelete;

typedef struct
{
  GWeakRef   page;
  gint64     person_id;
  GPtrArray *memberships;   /* LlMembership, current before archiving */
} ArchiveUndo;

typedef struct
{
  LlPeoplePage *self;
  LlPersonSort  sort;
} ProbeData;

struct _LlPeoplePage
{
  GtkWidget parent_instance;

  /* Template widgets */
  AdwLeaflet          *leaflet;
  GtkStack            *view_stack;
  LlStationingBoard   *stationing_board;
  GtkSearchEntry      *search_entry;
  GtkMenuButton       *filter_button;
  GtkDropDown         *role_filter;
  GtkDropDown         *level_filter;
  LlStationPicker     *station_filter;
  GtkDropDown         *group_filter;
  GtkDropDown         *state_filter;
  GtkRevealer         *filter_revealer;
  GtkLabel            *filter_label;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *role_column;
  GtkColumnViewColumn *level_column;
  GtkColumnViewColumn *term_column;
  GtkColumnViewColumn *station_column;
  GtkColumnViewColumn *group_column;
  GtkColumnViewColumn *phone_column;
  GtkListItemFactory  *phone_masked_factory;
  GtkListItemFactory  *phone_plain_factory;
  GtkLabel            *count_label;
  LlPersonDetail      *detail;

  /* Owned */
  LlDatabase    *database;
  LlQueryModel  *model;
  LlIdSelection *selection;
  GListStore    *groups;            /* LlChoice, “All Groups” first */
  GPtrArray     *pending_deletes;   /* PendingDelete, owned by their toasts */
  GtkWindow     *window;            /* borrowed while rooted */
  LlPersonSort   sort;
  gboolean       descending;
  int            probed_sort;
  gboolean       editable;
  gboolean       show_phones;
  gboolean       clearing_filters;
  gboolean       restoring_selection;
  gboolean       scroll_to_selection;
  gint64         query_started_at;
  gint64         pressed_at;
  guint          search_source;
  gboolean       activate_first_after_load;
  gint64         last_query_usec;
};

enum {
  PROP_0,
  PROP_SHOW_PHONES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void page_iface_init (LlPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (LlPeoplePage, ll_people_page, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (LL_TYPE_PAGE, page_iface_init))

static const char * const watched_tables[] = { "people", "memberships", "stations", "groups", NULL };

static void run_query      (LlPeoplePage *self);
static void activate_first (LlPeoplePage *self);
static void archive_person (LlPeoplePage *self,
                            gint64        person_id);

/* Closures of the list's rows ---------------------------------------------- */

static char *
role_label_cb (gpointer    item,
               const char *role)
{
  return role != NULL ? g_strdup (ll_enum_get_label (LL_ENUM_PERSON_ROLE, role)) : NULL;
}

static char *
level_label_cb (gpointer    item,
                const char *level)
{
  return level != NULL ? g_strdup (ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL, level)) : NULL;
}

static char *
phone_mask_cb (gpointer    item,
               const char *phone)
{
  return phone != NULL ? ll_phone_mask (phone) : NULL;
}

static gboolean
archived_cb (gpointer  item,
             LlPerson *person)
{
  return person != NULL && ll_person_get_id (person) != 0 && !ll_person_get_active (person);
}

static char *
archived_text_cb (gpointer  item,
                  LlPerson *person)
{
  return g_strdup (_("Archived"));
}

/* Helpers ------------------------------------------------------------------ */

static GtkWindow *
parent_window (LlPeoplePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_error (LlPeoplePage *self,
            const char   *heading,
            const char   *message)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_toast (LlPeoplePage *self,
            const char   *markup)
{
  ll_page_add_toast (LL_PAGE (self), adw_toast_new (markup));
}

static const char *
selected_key (GtkDropDown *dropdown,
              LlEnum       enumeration)
{
  guint selected = gtk_drop_down_get_selected (dropdown);

  /* “All …” comes first. */
  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION)
    return NULL;

  return ll_enum_get_key (enumeration, selected - 1);
}

static gint64
selected_group (LlPeoplePage *self)
{
  LlChoice *choice = gtk_drop_down_get_selected_item (self->group_filter);

  return choice != NULL ? ll_choice_get_id (choice) : 0;
}

static void
fill_filter (LlPeoplePage   *self,
             LlPersonFilter *filter)
{
  guint state = gtk_drop_down_get_selected (self->state_filter);

  filter->role = selected_key (self->role_filter, LL_ENUM_PERSON_ROLE);
  filter->level = selected_key (self->level_filter, LL_ENUM_DEPUTY_LEVEL);
  filter->station_id = ll_station_picker_get_selected_id (self->station_filter);
  filter->deputy_group_id = selected_group (self);
  /* The drop-down lists the states in the order of LlPersonState. */
  filter->state = state == GTK_INVALID_LIST_POSITION ? LL_PERSON_STATE_ACTIVE : state;
}

static gboolean
filters_active (LlPeoplePage *self)
{
  LlPersonFilter filter = { 0, };

  fill_filter (self, &filter);
  return filter.role != NULL || filter.level != NULL || filter.station_id != 0 ||
         filter.deputy_group_id != 0 || filter.state != LL_PERSON_STATE_ACTIVE;
}

static gboolean
searching (LlPeoplePage *self)
{
  return !ll_search_query_is_blank (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
}

static GtkWidget *
inner_list_view (LlPeoplePage *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->column_view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;

  return NULL;
}

static void
scroll_to_selection (LlPeoplePage *self)
{
  guint position = ll_id_selection_get_selected_position (self->selection);
  GtkWidget *list_view = inner_list_view (self);

  /* GTK 4.8 has no gtk_column_view_scroll_to(); its list view has the action. */
  if (position != GTK_INVALID_LIST_POSITION && list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
}

static void
set_selected_quietly (LlPeoplePage *self,
                      gint64        person_id)
{
  self->restoring_selection = TRUE;
  ll_id_selection_set_selected_id (self->selection, person_id);
  self->restoring_selection = FALSE;
}

/* Narrow, the list and the person take turns; wide, they sit side by side. */
static void
show_detail_page (LlPeoplePage *self)
{
  if (adw_leaflet_get_folded (self->leaflet))
    adw_leaflet_set_visible_child_name (self->leaflet, "detail");
}

static void
folded_cb (LlPeoplePage *self,
           GParamSpec   *pspec,
           AdwLeaflet   *leaflet)
{
  ll_person_detail_set_folded (self->detail, adw_leaflet_get_folded (leaflet));
}

/* State of the page --------------------------------------------------------- */

static void
update_actions (LlPeoplePage *self)
{
  LlPerson *person = ll_person_detail_get_person (self->detail);
  gboolean saved = person != NULL && ll_person_get_id (person) > 0;
  gboolean is_new = ll_person_detail_get_is_new (self->detail);
  gboolean dirty = ll_person_detail_get_dirty (self->detail);
  gboolean editable = self->editable && self->database != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.new-person", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.save", editable && (dirty || is_new));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.revert", dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.archive",
                                 editable && saved && ll_person_get_active (person));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.unarchive",
                                 editable && saved && !ll_person_get_active (person));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "people.delete", editable && saved);
}

static void
update_list_state (LlPeoplePage *self)
{
  guint n = self->model != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;
  gboolean loading = self->model != NULL && ll_query_model_get_loading (self->model);
  g_autofree char *count = NULL;

  if (n > 0)
    gtk_stack_set_visible_child_name (self->list_stack, "list");
  else if (!loading && (searching (self) || filters_active (self)))
    gtk_stack_set_visible_child_name (self->list_stack, "no-results");
  else if (!loading)
    gtk_stack_set_visible_child_name (self->list_stack, "empty");

  if (loading && n == 0)
    return;

  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", n), n);
  gtk_label_set_text (self->count_label, count);
}

static void
update_filter_summary (LlPeoplePage *self)
{
  g_autoptr(GString) text = g_string_new (NULL);
  LlPersonFilter filter = { 0, };
  const char *parts[5] = { NULL, };
  guint n = 0;
  fill_filter (self, &filter);
  if (filter.role != NULL)
    parts[n++] = ll_enum_get_label (LL_ENUM_PERSON_ROLE, filter.role);
  if (filter.level != NULL)
    parts[n++] = ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL, filter.level);
  if (filter.station_id != 0)
    parts[n++] = ll_station_picker_get_label (self->station_filter);
  if (filter.deputy_group_id != 0)
    {
      parts[n++] = ll_choice_get_label (gtk_drop_down_get_selected_item (self->group_filter));
    }
  if (filter.state == LL_PERSON_STATE_ARCHIVED)
    parts[n++] = _("Archived only");
  else if (filter.state == LL_PERSON_STATE_ANY)
    parts[n++] = _("Active and archived");

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (text, _(" · "));
      g_string_append (text, parts[i]);
    }

  gtk_label_set_text (self->filter_label, text->str);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_label), text->str);
  gtk_revealer_set_reveal_child (self->filter_revealer, n > 0);
  if (n > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
}

/* The query ------------------------------------------------------------------ */

static void
run_query (LlPeoplePage *self)
{
  g_autoptr(GArray) params = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *base = NULL;
  LlPersonFilter filter = { 0, };
  const char *text;
  gboolean pending = FALSE;

  if (self->model == NULL || self->clearing_filters)
    return;

  params = ll_search_params_new ();
  fill_filter (self, &filter);
  base = ll_person_store_build_query (&filter, self->sort, self->descending, params);
  text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  for (guint i = 0; i < self->pending_deletes->len && !pending; i++)
    pending = !((PendingDelete *) g_ptr_array_index (self->pending_deletes, i))->undone;

  /* The person store's query has no search term and no exclusions: they
   * wrap it. Its order stands (SQLite flattens the subquery and keeps
   * its ORDER BY), and its numbered parameters come first, so the
   * search filter's plain ones number after them. */
  if (ll_search_query_is_blank (text) && !pending)
    {
      sql = g_string_new (base);
    }
  else
    {
      g_autofree char *search = ll_search_build_filter (LL_SEARCH_SCOPE_PEOPLE, text, "id",
                                                        params);

      sql = g_string_new (NULL);
      g_string_append_printf (sql, "SELECT id FROM (%s) WHERE %s", base, search);
      if (pending)
        {
          const char *separator = " AND id NOT IN (";

          for (guint i = 0; i < self->pending_deletes->len; i++)
            {
              PendingDelete *p = g_ptr_array_index (self->pending_deletes, i);

              if (p->undone)
                continue;
              g_string_append_printf (sql, "%s%" G_GINT64_FORMAT, separator,
                                      ll_person_get_id (p->person));
              separator = ",";
            }
          g_string_append_c (sql, ')');
        }
    }

  self->query_started_at = g_get_monotonic_time ();
  ll_query_model_set_query (self->model, sql->str, (const GValue *) (gpointer) params->data,
                            params->len);
  update_filter_summary (self);
}

static void
model_loading_cb (LlPeoplePage *self,
                  GParamSpec   *pspec,
                  LlQueryModel *model)
{
  const GError *error;

  if (ll_query_model_get_loading (model))
    return;

  if (self->query_started_at != 0)
    {
      self->last_query_usec = g_get_monotonic_time () - self->query_started_at;
      g_debug ("People list: %u rows in %.1f ms",
               g_list_model_get_n_items (G_LIST_MODEL (model)),
               self->last_query_usec / 1000.0);
      self->query_started_at = 0;
    }

  error = ll_query_model_get_error (model);
  if (error != NULL)
    g_warning ("The people list could not be read: %s", error->message);

  update_list_state (self);

  if (self->scroll_to_selection)
    {
      self->scroll_to_selection = FALSE;
      scroll_to_selection (self);
    }

  if (self->activate_first_after_load)
    {
      self->activate_first_after_load = FALSE;
      activate_first (self);
    }
}

static void
model_items_changed_cb (LlPeoplePage *self,
                        guint         position,
                        guint         removed,
                        guint         added,
                        GListModel   *model)
{
  update_list_state (self);
}

/* Sorting by the column headers -------------------------------------------- */

/* GTK 4.8 cannot tell which column a GtkColumnViewSorter sorts by, or in
 * which direction. Each column's sorter notes its own sort when asked
 * and answers “smaller”: the view's sorter asks its first column only,
 * and turns the answer round when that column sorts descending. */
static int
probe_sort_cb (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  ProbeData *data = user_data;

  data->self->probed_sort = data->sort;
  return GTK_ORDERING_SMALLER;
}

static void
sorter_changed_cb (LlPeoplePage    *self,
                   GtkSorterChange  change,
                   GtkSorter       *sorter)
{
  g_autoptr(LlPerson) a = ll_person_new ();
  g_autoptr(LlPerson) b = ll_person_new ();
  GtkOrdering ordering;
  LlPersonSort sort = LL_PERSON_SORT_NAME;
  gboolean descending = FALSE;

  self->probed_sort = -1;
  ordering = gtk_sorter_compare (sorter, a, b);
  if (self->probed_sort >= 0)
    {
      sort = self->probed_sort;
      descending = ordering == GTK_ORDERING_LARGER;
    }

  if (sort == self->sort && descending == self->descending)
    return;

  self->sort = sort;
  self->descending = descending;
  self->scroll_to_selection = TRUE;
  run_query (self);
}

static void
set_column_sort (LlPeoplePage        *self,
                 GtkColumnViewColumn *column,
                 LlPersonSort         sort)
{
  ProbeData *data = g_new0 (ProbeData, 1);
  g_autoptr(GtkCustomSorter) sorter = NULL;

  data->self = self;
  data->sort = sort;
  sorter = gtk_custom_sorter_new (probe_sort_cb, data, g_free);
  gtk_column_view_column_set_sorter (column, GTK_SORTER (sorter));
}

/* Moving between people ------------------------------------------------------ */

typedef struct
{
  LlPeoplePage *self;
  gint64        target_id;
  gboolean      new_person;
} GoTo;

static void
show_target (LlPeoplePage *self,
             gint64        target_id,
             gboolean      new_person)
{
  if (new_person)
    {
      set_selected_quietly (self, 0);
      ll_person_detail_new_person (self->detail,
                                   selected_key (self->role_filter, LL_ENUM_PERSON_ROLE));
      show_detail_page (self);
    }
  else
    {
      set_selected_quietly (self, target_id);
      ll_person_detail_show_person (self->detail, target_id);
    }
}

static void
go_to_response_cb (AdwMessageDialog *dialog,
                   const char       *response,
                   GoTo             *go)
{
  LlPeoplePage *self = go->self;

  if (g_str_equal (response, "discard") ||
      (g_str_equal (response, "save") && ll_person_detail_save (self->detail)))
    {
      show_target (self, go->target_id, go->new_person);
      return;
    }

  /* Stay with the person being edited. */
  set_selected_quietly (self, ll_person_detail_get_person_id (self->detail));
}

static void
go_to_free (gpointer data,
            GClosure *closure)
{
  GoTo *go = data;

  g_object_unref (go->self);
  g_free (go);
}

/* Shows another person, or a new one, asking first what to do with
 * unsaved edits. */
static void
go_to (LlPeoplePage *self,
       gint64        target_id,
       gboolean      new_person)
{
  LlPerson *person = ll_person_detail_get_person (self->detail);
  GtkWidget *dialog;
  GoTo *go;

  if (!ll_person_detail_get_dirty (self->detail))
    {
      show_target (self, target_id, new_person);
      return;
    }

  dialog = adw_message_dialog_new (parent_window (self), _("Save Changes?"), NULL);
  if (ll_person_get_id (person) == 0)
    adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                                 _("The new person is not saved yet. If you go on without "
                                   "saving, what you typed is lost."));
  else
    /* Translators: %s is a person's name */
    adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                    _("The changes to %s are not saved. If you go on without "
                                      "saving, they are lost."),
                                    ll_person_get_name (person));
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

  go = g_new0 (GoTo, 1);
  go->self = g_object_ref (self);
  go->target_id = target_id;
  go->new_person = new_person;
  g_signal_connect_data (dialog, "response", G_CALLBACK (go_to_response_cb), go, go_to_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
selected_id_cb (LlPeoplePage  *self,
                GParamSpec    *pspec,
                LlIdSelection *selection)
{
  gint64 id = ll_id_selection_get_selected_id (selection);

  if (self->restoring_selection || id == 0)
    return;

  /* A click shows the person even when the list fills the page; the
   * arrow keys move along the list. */
  if (g_get_monotonic_time () - self->pressed_at < G_USEC_PER_SEC / 2)
    show_detail_page (self);

  if (id == ll_person_detail_get_person_id (self->detail))
    return;

  go_to (self, id, FALSE);
}

static void
list_pressed_cb (LlPeoplePage    *self,
                 int              n_press,
                 double           x,
                 double           y,
                 GtkGestureClick *gesture)
{
  self->pressed_at = g_get_monotonic_time ();
}

static void
column_view_activate_cb (LlPeoplePage  *self,
                         guint          position,
                         GtkColumnView *column_view)
{
  /* Enter on a row: on to the person's fields. */
  if (ll_person_detail_get_person_id (self->detail) == ll_query_model_get_id (self->model,
                                                                               position))
    {
      show_detail_page (self);
      ll_person_detail_focus_form (self->detail);
    }
}

static void
detail_saved_cb (LlPeoplePage   *self,
                 LlPerson       *person,
                 gboolean        created,
                 LlPersonDetail *detail)
{
  if (!created)
    return;

  /* The list shows the new person once the refresh brings them. */
  set_selected_quietly (self, ll_person_get_id (person));
  self->scroll_to_selection = TRUE;
  if (self->model != NULL && !ll_query_model_get_loading (self->model))
    scroll_to_selection (self);

  {
    g_autofree char *message = NULL;

    /* Translators: %s is a person's name */
    message = g_markup_printf_escaped (_("%s added"), ll_person_get_name (person));
    show_toast (self, message);
  }
}

static void
detail_state_cb (LlPeoplePage   *self,
                 GParamSpec     *pspec,
                 LlPersonDetail *detail)
{
  update_actions (self);
}

/* Searching and filtering ------------------------------------------------------ */

/* Typing pauses this long before the list follows. GtkSearchEntry's own
 * search-changed fires at once for an empty entry, which replacing the
 * text passes through: the whole list would flash in between. */
#define SEARCH_DELAY_MS 150

static gboolean
search_timeout_cb (gpointer data)
{
  LlPeoplePage *self = data;

  self->search_source = 0;
  self->scroll_to_selection = TRUE;
  run_query (self);
  return G_SOURCE_REMOVE;
}

static void
search_text_changed_cb (LlPeoplePage   *self,
                        GtkSearchEntry *entry)
{
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->search_source = g_timeout_add (SEARCH_DELAY_MS, search_timeout_cb, self);
}

static void
activate_first (LlPeoplePage *self)
{
  gint64 first;

  if (self->model == NULL || g_list_model_get_n_items (G_LIST_MODEL (self->model)) == 0)
    return;

  first = ll_query_model_get_id (self->model, 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
  if (first != ll_person_detail_get_person_id (self->detail))
    go_to (self, first, FALSE);
  scroll_to_selection (self);
}

static void
search_activate_cb (LlPeoplePage   *self,
                    GtkSearchEntry *entry)
{
  /* Enter: the search now, then the first person found, on the list. */
  if (self->search_source != 0)
    {
      g_clear_handle_id (&self->search_source, g_source_remove);
      run_query (self);
    }

  if (self->model != NULL && ll_query_model_get_loading (self->model))
    self->activate_first_after_load = TRUE;
  else
    activate_first (self);
}

static void
search_stop_cb (LlPeoplePage   *self,
                GtkSearchEntry *entry)
{
  if (gtk_editable_get_text (GTK_EDITABLE (entry))[0] != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static void
filter_changed_cb (LlPeoplePage *self)
{
  self->scroll_to_selection = TRUE;
  run_query (self);
}

static void
load_groups (LlPeoplePage *self)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 selected = selected_group (self);
  guint position = 0;

  g_ptr_array_add (choices, ll_choice_new (0, NULL, _("All Groups")));
  if (self->database != NULL)
    {
      groups = ll_group_store_list (self->database, "deputy", &error);
      if (groups == NULL)
        g_warning ("Cannot list the deputy groups: %s", error->message);
      for (guint i = 0; groups != NULL && i < groups->len; i++)
        {
          LlGroup *group = g_ptr_array_index (groups, i);

          if (ll_group_get_id (group) == selected)
            position = choices->len;
          g_ptr_array_add (choices, ll_choice_new (ll_group_get_id (group), NULL,
                                                   ll_group_get_name (group)));
        }
    }

  /* Keeps the chosen group chosen, without a query per step. */
  self->clearing_filters = TRUE;
  g_list_store_splice (self->groups, 0, g_list_model_get_n_items (G_LIST_MODEL (self->groups)),
                       choices->pdata, choices->len);
  gtk_drop_down_set_selected (self->group_filter, position);
  self->clearing_filters = FALSE;
}

static void
database_changed_cb (LlPeoplePage *self,
                     GPtrArray    *changes,
                     LlDatabase   *database)
{
  gboolean groups = changes == NULL;

  for (guint i = 0; !groups && i < changes->len; i++)
    groups = g_str_equal (((LlChange *) g_ptr_array_index (changes, i))->table, "groups");

  if (groups)
    load_groups (self);
}

/* Deleting, behind an Undo toast ---------------------------------------------- */

static void
pending_delete_free (gpointer data,
                     GClosure *closure)
{
  PendingDelete *pending = data;

  g_weak_ref_clear (&pending->page);
  g_clear_object (&pending->database);
  g_clear_object (&pending->fallback);
  g_clear_object (&pending->person);
  g_free (pending);
}

static void
commit_delete (PendingDelete *pending)
{
  g_autoptr(LlPeoplePage) self = g_weak_ref_get (&pending->page);
  g_autoptr(GError) error = NULL;
  LlDatabase *db;

  if (pending->undone || pending->done)
    return;
  pending->done = TRUE;

  /* Another database may be open by now: the old one through the
   * connection kept for this. */
  db = self != NULL && self->database == pending->database ? pending->database
                                                           : pending->fallback;
  if (db != NULL && !ll_person_store_delete (db, pending->person, &error) && self != NULL)
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a person's name */
      heading = g_strdup_printf (_("%s Was Not Deleted"), ll_person_get_name (pending->person));
      show_error (self, heading, error->message);
    }

  if (self != NULL)
    {
      g_ptr_array_remove (self->pending_deletes, pending);
      run_query (self);
    }
}

static void
delete_toast_dismissed_cb (AdwToast      *toast,
                           PendingDelete *pending)
{
  commit_delete (pending);
}

static void
delete_toast_undo_cb (AdwToast      *toast,
                      PendingDelete *pending)
{
  g_autoptr(LlPeoplePage) self = g_weak_ref_get (&pending->page);

  if (pending->done)
    return;

  pending->undone = TRUE;
  if (self == NULL)
    return;

  g_ptr_array_remove (self->pending_deletes, pending);
  run_query (self);
  if (self->database == pending->database)
    show_target (self, ll_person_get_id (pending->person), FALSE);
}

static void
flush_pending (LlPeoplePage *self)
{
  g_autoptr(GPtrArray) pending = g_ptr_array_copy (self->pending_deletes, NULL, NULL);

  for (guint i = 0; i < pending->len; i++)
    commit_delete (g_ptr_array_index (pending, i));

  ll_person_detail_flush_pending (self->detail);
}

static void
delete_person (LlPeoplePage *self,
               LlPerson     *person)
{
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;
  PendingDelete *pending;
  AdwToast *toast;

  pending = g_new0 (PendingDelete, 1);
  g_weak_ref_init (&pending->page, self);
  pending->database = g_object_ref (self->database);
  pending->fallback = ll_database_open_secondary (self->database, &error);
  if (pending->fallback == NULL)
    g_debug ("No second connection for a delete: %s", error->message);
  pending->person = g_object_ref (person);
  g_ptr_array_add (self->pending_deletes, pending);

  /* Translators: %s is a person's name */
  title = g_markup_printf_escaped (_("%s deleted"), ll_person_get_name (person));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (delete_toast_undo_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (delete_toast_dismissed_cb), pending,
                         pending_delete_free, 0);

  set_selected_quietly (self, 0);
  ll_person_detail_show_person (self->detail, 0);
  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  run_query (self);
  ll_page_add_toast (LL_PAGE (self), toast);
}

static void
refused_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LlPeoplePage     *self)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "ll-person-id"));

  if (g_str_equal (response, "archive"))
    archive_person (self, id);
}

/* “王建国” is named in 3 cases and 2 activities — the store's own words,
 * counted beforehand so that a delete that would be refused is never
 * offered behind an Undo toast. */
static char *
delete_refusal (LlPeoplePage *self,
                LlPerson     *person)
{
  LlCaseFilter cases = LL_CASE_FILTER_INIT;
  LlActivityFilter activities = LL_ACTIVITY_FILTER_INIT;
  gint64 n_cases, n_activities;
  g_autofree char *list = NULL;

  cases.person_id = activities.person_id = ll_person_get_id (person);
  n_cases = ll_case_store_count (self->database, &cases, NULL);
  n_activities = ll_activity_store_count (self->database, &activities, NULL);

  if (n_cases > 0 && n_activities > 0)
    {
      g_autofree char *a = g_strdup_printf (ngettext ("%d case", "%d cases", n_cases),
                                            (int) n_cases);
      g_autofree char *b = g_strdup_printf (ngettext ("%d activity", "%d activities",
                                                      n_activities),
                                            (int) n_activities);

      list = g_strdup_printf (_("%s and %s"), a, b);
    }
  else if (n_cases > 0)
    list = g_strdup_printf (ngettext ("%d case", "%d cases", n_cases), (int) n_cases);
  else if (n_activities > 0)
    list = g_strdup_printf (ngettext ("%d activity", "%d activities", n_activities),
                            (int) n_activities);
  else
    return NULL;

  return g_strdup_printf (_("“%s” is named in %s; archive the person instead."),
                          ll_person_get_name (person), list);
}

static gboolean
refuse_if_dirty (LlPeoplePage *self,
                 gint64        person_id)
{
  LlPerson *person = ll_person_detail_get_person (self->detail);
  g_autofree char *message = NULL;

  if (person == NULL || ll_person_get_id (person) != person_id ||
      !ll_person_detail_get_dirty (self->detail))
    return FALSE;

  /* Translators: %s is a person's name */
  message = g_markup_printf_escaped (_("Save or revert the changes to %s first"),
                                     ll_person_get_name (person));
  show_toast (self, message);
  return TRUE;
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);
  LlPerson *person = ll_person_detail_get_person (self->detail);
  g_autofree char *refusal = NULL;

  if (person == NULL || ll_person_get_id (person) == 0 ||
      refuse_if_dirty (self, ll_person_get_id (person)))
    return;

  refusal = delete_refusal (self, person);
  if (refusal != NULL)
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (parent_window (self), NULL, refusal);
      /* Translators: %s is a person's name */
      adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("%s Cannot Be Deleted"),
                                         ll_person_get_name (person));
      adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                        "close", _("_Close"),
                                        NULL);
      if (ll_person_get_active (person))
        adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "archive",
                                         _("_Archive Instead"));
      adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
      g_object_set_data (G_OBJECT (dialog), "ll-person-id",
                         GSIZE_TO_POINTER (ll_person_get_id (person)));
      g_signal_connect_object (dialog, "response", G_CALLBACK (refused_response_cb), self, 0);
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  delete_person (self, person);
}

/* Archiving, with Undo ------------------------------------------------------------- */

static void
archive_undo_free (gpointer  data,
                   GClosure *closure)
{
  ArchiveUndo *undo = data;

  g_weak_ref_clear (&undo->page);
  g_clear_pointer (&undo->memberships, g_ptr_array_unref);
  g_free (undo);
}

/* Undo: the person is active again and back where they were stationed.
 * Archiving ended those memberships today (they reopen as they were)
 * or removed those that began today (they are assigned again). */
static void
archive_undo_cb (AdwToast    *toast,
                 ArchiveUndo *undo)
{
  g_autoptr(LlPeoplePage) self = g_weak_ref_get (&undo->page);
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = ll_date_today ();
  g_autoptr(GString) failures = g_string_new (NULL);

  if (self == NULL || self->database == NULL)
    return;

  person = ll_person_store_get (self->database, undo->person_id, &error);
  if (person == NULL || !ll_person_store_unarchive (self->database, person, &error))
    {
      show_error (self, _("The Person Was Not Restored"), error->message);
      return;
    }

  for (guint i = 0; i < undo->memberships->len; i++)
    {
      LlMembership *before = g_ptr_array_index (undo->memberships, i);
      g_autoptr(LlMembership) stored = NULL;
      g_autoptr(LlMembership) assigned = NULL;
      g_autoptr(GError) local = NULL;
      gboolean ok;

      stored = ll_membership_store_get (self->database, ll_membership_get_id (before), NULL);
      if (stored != NULL && g_strcmp0 (ll_membership_get_to_date (stored), today) == 0)
        {
          ll_membership_set_to_date (stored, NULL);
          ok = ll_membership_store_update (self->database, stored, &local);
        }
      else if (stored == NULL)
        {
          assigned = ll_membership_store_assign (self->database, undo->person_id,
                                                 ll_membership_get_station_id (before),
                                                 ll_membership_get_station_role (before),
                                                 !ll_membership_get_is_primary (before), &local);
          ok = assigned != NULL;
        }
      else
        {
          continue;
        }

      if (!ok)
        g_string_append_printf (failures, "%s%s", failures->len ? "\n" : "", local->message);
    }

  if (failures->len > 0)
    show_error (self, _("Not Every Station Was Restored"), failures->str);
}

static void
archive_person (LlPeoplePage *self,
                gint64        person_id)
{
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  ArchiveUndo *undo;
  AdwToast *toast;

  if (self->database == NULL || !self->editable || refuse_if_dirty (self, person_id))
    return;

  person = ll_person_store_get (self->database, person_id, &error);
  if (person == NULL || !ll_person_get_active (person))
    return;

  memberships = ll_membership_store_list_by_person (self->database, person_id, TRUE, &error);
  if (memberships == NULL || !ll_person_store_archive (self->database, person, &error))
    {
      g_autofree char *heading = NULL;

      /* Translators: %s is a person's name */
      heading = g_strdup_printf (_("%s Was Not Archived"), ll_person_get_name (person));
      show_error (self, heading, error->message);
      return;
    }

  undo = g_new0 (ArchiveUndo, 1);
  g_weak_ref_init (&undo->page, self);
  undo->person_id = person_id;
  undo->memberships = g_steal_pointer (&memberships);

  /* Translators: %s is a person's name */
  title = g_markup_printf_escaped (_("%s archived"), ll_person_get_name (person));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (archive_undo_cb), undo,
                         archive_undo_free, 0);
  ll_page_add_toast (LL_PAGE (self), toast);

  /* The detail shows them archived at once; the list follows its refresh. */
  if (ll_person_detail_get_person_id (self->detail) == person_id)
    ll_person_detail_reload (self->detail);
}

/* Actions ---------------------------------------------------------------- */

static void
new_person_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);

  if (self->database != NULL && self->editable)
    go_to (self, 0, TRUE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_person_detail_save (LL_PEOPLE_PAGE (widget)->detail);
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ll_person_detail_revert (LL_PEOPLE_PAGE (widget)->detail);
}

static void
archive_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);

  archive_person (self, ll_person_detail_get_person_id (self->detail));
}

static void
unarchive_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);
  LlPerson *shown = ll_person_detail_get_person (self->detail);
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  if (shown == NULL || refuse_if_dirty (self, ll_person_get_id (shown)))
    return;

  person = ll_person_store_get (self->database, ll_person_get_id (shown), &error);
  if (person == NULL || !ll_person_store_unarchive (self->database, person, &error))
    {
      show_error (self, _("The Person Was Not Restored"), error->message);
      return;
    }

  ll_person_detail_reload (self->detail);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);

  self->clearing_filters = TRUE;
  gtk_drop_down_set_selected (self->role_filter, 0);
  gtk_drop_down_set_selected (self->level_filter, 0);
  ll_station_picker_set_selected_id (self->station_filter, 0);
  gtk_drop_down_set_selected (self->group_filter, 0);
  gtk_drop_down_set_selected (self->state_filter, 0);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  g_clear_handle_id (&self->search_source, g_source_remove);
  self->clearing_filters = FALSE;

  self->scroll_to_selection = TRUE;
  run_query (self);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

static gboolean
archive_shortcut_cb (GtkWidget *column_view,
                     GVariant  *args,
                     gpointer   user_data)
{
  return ll_page_archive_selection (LL_PAGE (user_data));
}

/* Closing the window carries out the deletes still waiting. */
static gboolean
window_close_request_cb (LlPeoplePage *self,
                         GtkWindow    *window)
{
  flush_pending (self);
  return FALSE;
}

/* LlPage --------------------------------------------------------------------- */

static void
ll_people_page_set_database (LlPage     *page,
                             LlDatabase *database)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (page);

  if (self->database == database)
    return;

  flush_pending (self);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);

  g_set_object (&self->database, database);
  ll_id_selection_set_model (self->selection, NULL);
  g_clear_object (&self->model);
  set_selected_quietly (self, 0);

  ll_person_detail_set_database (self->detail, database);
  ll_station_picker_set_database (self->station_filter, database);
  ll_stationing_board_set_database (self->stationing_board, database);

  if (database != NULL)
    {
      g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                               G_CONNECT_SWAPPED);
      self->model = ll_query_model_new (database, LL_TYPE_PERSON, ll_person_store_load_many,
                                        watched_tables);
      g_signal_connect_object (self->model, "notify::loading", G_CALLBACK (model_loading_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->model, "items-changed", G_CALLBACK (model_items_changed_cb),
                               self, G_CONNECT_SWAPPED);
      ll_id_selection_set_model (self->selection, self->model);
    }

  load_groups (self);
  run_query (self);
  update_list_state (self);
  update_actions (self);
}

static void
ll_people_page_set_editable (LlPage   *page,
                             gboolean  editable)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (page);

  self->editable = editable;
  ll_person_detail_set_editable (self->detail, editable);
  ll_stationing_board_set_editable (self->stationing_board, editable);
  update_actions (self);
}

static void
ll_people_page_focus_search (LlPage *page)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (page);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "stationing") == 0)
    {
      ll_stationing_board_focus (self->stationing_board);
      return;
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static gboolean
ll_people_page_archive_selection (LlPage *page)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (page);
  gint64 id = ll_id_selection_get_selected_id (self->selection);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->view_stack), "stationing") == 0)
    return FALSE;
  if (id == 0 || !self->editable)
    return FALSE;

  archive_person (self, id);
  return TRUE;
}

static void
page_iface_init (LlPageInterface *iface)
{
  iface->set_database = ll_people_page_set_database;
  iface->set_editable = ll_people_page_set_editable;
  iface->focus_search = ll_people_page_focus_search;
  iface->archive_selection = ll_people_page_archive_selection;
}

/* GObject --------------------------------------------------------------------- */

static void
ll_people_page_root (GtkWidget *widget)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);
  GtkRoot *root;

  GTK_WIDGET_CLASS (ll_people_page_parent_class)->root (widget);

  root = gtk_widget_get_root (widget);
  if (GTK_IS_WINDOW (root))
    {
      self->window = GTK_WINDOW (root);
      g_signal_connect_object (root, "close-request", G_CALLBACK (window_close_request_cb), self,
                               G_CONNECT_SWAPPED);
    }
}

static void
ll_people_page_unroot (GtkWidget *widget)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (widget);

  if (self->window != NULL)
    g_signal_handlers_disconnect_by_func (self->window, window_close_request_cb, self);
  self->window = NULL;

  GTK_WIDGET_CLASS (ll_people_page_parent_class)->unroot (widget);
}

static void
ll_people_page_dispose (GObject *object)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_clear_handle_id (&self->search_source, g_source_remove);

  /* Widgets going away notify: nothing queries any more. */
  g_clear_object (&self->model);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PEOPLE_PAGE);

  g_clear_object (&self->selection);
  g_clear_object (&self->database);
  g_clear_object (&self->groups);

  G_OBJECT_CLASS (ll_people_page_parent_class)->dispose (object);
}

static void
ll_people_page_finalize (GObject *object)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (object);

  g_ptr_array_unref (self->pending_deletes);

  G_OBJECT_CLASS (ll_people_page_parent_class)->finalize (object);
}

static void
ll_people_page_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_PHONES:
      g_value_set_boolean (value, self->show_phones);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_people_page_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlPeoplePage *self = LL_PEOPLE_PAGE (object);
  gboolean show;

  switch (prop_id)
    {
    case PROP_SHOW_PHONES:
      show = g_value_get_boolean (value);
      if (show == self->show_phones)
        break;
      self->show_phones = show;
      /* The other factory; GTK 4.8 uses a new factory only for new
       * cells, which hiding the column and showing it again makes. */
      gtk_column_view_column_set_factory (self->phone_column,
                                          show ? self->phone_plain_factory
                                               : self->phone_masked_factory);
      gtk_column_view_column_set_visible (self->phone_column, FALSE);
      gtk_column_view_column_set_visible (self->phone_column, TRUE);
      ll_person_detail_set_reveal_phones (self->detail, show);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_people_page_class_init (LlPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_people_page_dispose;
  object_class->finalize = ll_people_page_finalize;
  object_class->get_property = ll_people_page_get_property;
  object_class->set_property = ll_people_page_set_property;

  widget_class->root = ll_people_page_root;
  widget_class->unroot = ll_people_page_unroot;

  /**
   * LlPeoplePage:show-phones:
   *
   * Whether phone numbers show in full rather than as 138****5678. For
   * this session only: never saved.
   */
  properties[PROP_SHOW_PHONES] =
    g_param_spec_boolean ("show-phones", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-people-page");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, stationing_board);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, filter_button);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, role_filter);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, level_filter);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, station_filter);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, group_filter);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, state_filter);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, filter_revealer);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, filter_label);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, name_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, role_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, level_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, term_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, station_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, group_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, phone_column);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, phone_masked_factory);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, phone_plain_factory);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, count_label);
  gtk_widget_class_bind_template_child (widget_class, LlPeoplePage, detail);
  gtk_widget_class_bind_template_callback (widget_class, search_text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, folded_cb);
  gtk_widget_class_bind_template_callback (widget_class, role_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, level_label_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_mask_cb);
  gtk_widget_class_bind_template_callback (widget_class, archived_cb);
  gtk_widget_class_bind_template_callback (widget_class, archived_text_cb);

  gtk_widget_class_install_action (widget_class, "people.new-person", NULL, new_person_action);
  gtk_widget_class_install_action (widget_class, "people.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "people.revert", NULL, revert_action);
  gtk_widget_class_install_action (widget_class, "people.archive", NULL, archive_action);
  gtk_widget_class_install_action (widget_class, "people.unarchive", NULL, unarchive_action);
  gtk_widget_class_install_action (widget_class, "people.delete", NULL, delete_action);
  gtk_widget_class_install_action (widget_class, "people.clear-filters", NULL,
                                   clear_filters_action);
  gtk_widget_class_install_property_action (widget_class, "people.show-phones", "show-phones");
  gtk_widget_class_install_action (widget_class, "people.back", NULL, back_action);
}

static GtkShortcut *
action_shortcut (guint            keyval,
                 GdkModifierType  modifiers,
                 const char      *action)
{
  return gtk_shortcut_new (gtk_keyval_trigger_new (keyval, modifiers),
                           gtk_named_action_new (action));
}

static void
ll_people_page_init (LlPeoplePage *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) states = gtk_string_list_new (NULL);
  GtkEventController *controller;
  GtkSorter *sorter;

  g_type_ensure (LL_TYPE_PERSON);
  g_type_ensure (LL_TYPE_CHOICE);
  g_type_ensure (LL_TYPE_PERSON_DETAIL);
  g_type_ensure (LL_TYPE_STATION_PICKER);
  g_type_ensure (LL_TYPE_STATIONING_BOARD);
  gtk_widget_init_template (GTK_WIDGET (self));
  ll_stationing_board_add_view_switcher (self->stationing_board, self->view_stack);

  self->editable = TRUE;
  self->pending_deletes = g_ptr_array_new ();
  self->sort = LL_PERSON_SORT_NAME;

  /* Filters: “All …” first, then the enumeration's labels in its order. */
  gtk_string_list_append (roles, _("All Roles"));
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_PERSON_ROLE); i++)
    gtk_string_list_append (roles, ll_enum_get_label_at (LL_ENUM_PERSON_ROLE, i));
  gtk_drop_down_set_model (self->role_filter, G_LIST_MODEL (roles));

  gtk_string_list_append (levels, _("All Levels"));
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_DEPUTY_LEVEL); i++)
    gtk_string_list_append (levels, ll_enum_get_label_at (LL_ENUM_DEPUTY_LEVEL, i));
  gtk_drop_down_set_model (self->level_filter, G_LIST_MODEL (levels));

  /* In the order of LlPersonState. */
  gtk_string_list_append (states, _("Active People"));
  gtk_string_list_append (states, _("Archived People"));
  gtk_string_list_append (states, _("Active and Archived"));
  gtk_drop_down_set_model (self->state_filter, G_LIST_MODEL (states));

  self->groups = g_list_store_new (LL_TYPE_CHOICE);
  gtk_drop_down_set_expression (self->group_filter,
                                gtk_property_expression_new (LL_TYPE_CHOICE, NULL, "label"));
  gtk_drop_down_set_model (self->group_filter, G_LIST_MODEL (self->groups));
  ll_station_picker_set_none_label (self->station_filter, _("All Stations"));
  load_groups (self);

  /* The list: selection by id, sort by the headers into the query. */
  self->selection = ll_id_selection_new (NULL);
  g_signal_connect_object (self->selection, "notify::selected-id",
                           G_CALLBACK (selected_id_cb), self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  set_column_sort (self, self->name_column, LL_PERSON_SORT_NAME);
  set_column_sort (self, self->role_column, LL_PERSON_SORT_ROLE);
  set_column_sort (self, self->level_column, LL_PERSON_SORT_LEVEL);
  set_column_sort (self, self->term_column, LL_PERSON_SORT_TERM);
  set_column_sort (self, self->station_column, LL_PERSON_SORT_STATION);
  set_column_sort (self, self->group_column, LL_PERSON_SORT_GROUP);
  gtk_column_view_sort_by_column (self->column_view, self->name_column, GTK_SORT_ASCENDING);
  sorter = gtk_column_view_get_sorter (self->column_view);
  g_signal_connect_object (sorter, "changed", G_CALLBACK (sorter_changed_cb), self,
                           G_CONNECT_SWAPPED);

  controller = GTK_EVENT_CONTROLLER (gtk_gesture_click_new ());
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_object (controller, "pressed", G_CALLBACK (list_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  /* Delete on the list archives the selection (with Undo). */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                          gtk_callback_action_new (
                                                            archive_shortcut_cb, self, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self->column_view), controller);

  /* The page's shortcuts work wherever the focus is while it is shown. */
  controller = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller),
                                     GTK_SHORTCUT_SCOPE_MANAGED);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_P,
                                                         GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                                         "people.new-person"));
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        action_shortcut (GDK_KEY_s, GDK_CONTROL_MASK,
                                                         "people.save"));
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect_object (self->detail, "saved", G_CALLBACK (detail_saved_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "notify::person", G_CALLBACK (detail_state_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->detail, "notify::dirty", G_CALLBACK (detail_state_cb), self,
                           G_CONNECT_SWAPPED);

  update_filter_summary (self);
  update_list_state (self);
  update_actions (self);
}

/* Public API ------------------------------------------------------------------ */

GtkColumnView *
ll_people_page_get_column_view (LlPeoplePage *self)
{
  g_return_val_if_fail (LL_IS_PEOPLE_PAGE (self), NULL);

  return self->column_view;
}

LlPersonDetail *
ll_people_page_get_detail (LlPeoplePage *self)
{
  g_return_val_if_fail (LL_IS_PEOPLE_PAGE (self), NULL);

  return self->detail;
}

/**
 * ll_people_page_get_selected_id:
 *
 * Returns: the person selected in the list, or 0
 */
gint64
ll_people_page_get_selected_id (LlPeoplePage *self)
{
  g_return_val_if_fail (LL_IS_PEOPLE_PAGE (self), 0);

  return ll_id_selection_get_selected_id (self->selection);
}

/**
 * ll_people_page_select_person:
 *
 * Selects and shows a person, as clicking their row does (asking first
 * about unsaved edits).
 */
void
ll_people_page_select_person (LlPeoplePage *self,
                              gint64        person_id)
{
  g_return_if_fail (LL_IS_PEOPLE_PAGE (self));

  ll_id_selection_set_selected_id (self->selection, person_id);
  self->scroll_to_selection = TRUE;
  if (self->model != NULL && !ll_query_model_get_loading (self->model))
    scroll_to_selection (self);
}

/**
 * ll_people_page_get_loading:
 *
 * Returns: whether the list is waiting for its query
 */
gboolean
ll_people_page_get_loading (LlPeoplePage *self)
{
  g_return_val_if_fail (LL_IS_PEOPLE_PAGE (self), FALSE);

  return self->model != NULL && ll_query_model_get_loading (self->model);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-intake"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ll-banner.h"
#include "ll-case-intake.h"
#include "ll-case-store.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-station-store.h"
#include "ll-stations-page.h"
#include "ll-validate.h"

/* The New Case form of the reception desk (Ctrl+N): one case after the
 * other, from the keyboard alone. A window of its own beside the main
 * window, so that staff can still look things up there. What stays from
 * one case to the next: the date, the station, the source and the
 * receiving deputies (the same for a whole reception day). */

typedef enum {
  BANNER_NONE,
  BANNER_RETRY,
  BANNER_SHOW_CASE,
} BannerAction;

struct _LlCaseIntake
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton         *register_button;
  LlBanner          *banner;
  GtkScrolledWindow *scroller;
  AdwEntryRow       *received_row;
  GtkCalendar       *calendar;
  AdwActionRow      *station_row;
  GtkDropDown       *station_dropdown;
  AdwActionRow      *source_row;
  GtkDropDown       *source_dropdown;
  AdwActionRow      *category_row;
  GtkDropDown       *category_dropdown;
  AdwEntryRow       *title_row;
  AdwPreferencesRow *body_row;
  GtkLabel          *body_label;
  GtkTextView       *body_view;
  AdwEntryRow       *name_row;
  AdwEntryRow       *phone_row;
  GtkLabel          *phone_hint;
  AdwEntryRow       *address_row;
  AdwActionRow      *fast_track_row;
  GtkSwitch         *fast_track_switch;
  AdwActionRow      *deputies_row;
  GtkMenuButton     *deputies_button;
  GtkPopover        *deputies_popover;
  GtkSearchEntry    *deputies_search;
  GtkListBox        *deputies_list;

  /* Owned */
  GSettings         *settings;
  LlDatabase        *database;
  GListStore        *stations;
  GListStore        *sources;
  GListStore        *categories;
  GArray            *deputies;        /* person ids, in the order chosen: the lead first */
  GHashTable        *deputy_names;    /* person id → name, of the station's people */
  GtkWidget         *invalid_row;     /* the row a validation error points at */
  gint64             station_id;      /* as last notified */
  gint64             shown_case_id;   /* the case the banner's Show button shows */
  BannerAction       banner_action;
  gboolean           loading;
  gboolean           discarding;
  gboolean           close_window_after;  /* the main window was being closed */
  gboolean           dirty;

  /* Borrowed */
  LlWindow          *window;
};

enum {
  PROP_0,
  PROP_WINDOW,
  PROP_STATION_ID,
  PROP_DIRTY,
  N_PROPS
};

enum {
  REGISTERED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlCaseIntake, ll_case_intake, ADW_TYPE_WINDOW)

#define INTAKE_KEY "ll-case-intake"

/* Helpers ------------------------------------------------------------------ */

static char *
stripped_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

static char *
body_text (LlCaseIntake *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->body_view);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);

  /* Blank lines typed at the end are not part of the case. */
  g_strchomp (text);
  return text;
}

static gboolean
is_blank (const char *text)
{
  return text == NULL || *text == '\0';
}

static GListStore *
enum_choices (LlEnum enumeration)
{
  GListStore *store = g_list_store_new (LL_TYPE_CHOICE);

  for (guint i = 0; i < ll_enum_get_n_values (enumeration); i++)
    {
      g_autoptr(LlChoice) choice = ll_choice_new (0, ll_enum_get_key (enumeration, i),
                                                  ll_enum_get_label_at (enumeration, i));
      g_list_store_append (store, choice);
    }

  return store;
}

static LlChoice *
selected_choice (GtkDropDown *dropdown)
{
  gpointer item = gtk_drop_down_get_selected_item (dropdown);

  return LL_IS_CHOICE (item) ? LL_CHOICE (item) : NULL;
}

static const char *
selected_key (GtkDropDown *dropdown)
{
  LlChoice *choice = selected_choice (dropdown);

  return choice != NULL ? ll_choice_get_key (choice) : NULL;
}

static guint
find_key (GListModel *model,
          const char *key)
{
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlChoice) choice = g_list_model_get_item (model, i);

      if (g_strcmp0 (ll_choice_get_key (choice), key) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static guint
find_id (GListModel *model,
         gint64      id)
{
  if (id <= 0)
    return GTK_INVALID_LIST_POSITION;

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlChoice) choice = g_list_model_get_item (model, i);

      if (ll_choice_get_id (choice) == id)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static void
set_row_invalid (GtkWidget *row,
                 gboolean   invalid)
{
  if (invalid)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");

  gtk_accessible_update_state (GTK_ACCESSIBLE (row),
                               GTK_ACCESSIBLE_STATE_INVALID,
                               invalid ? GTK_ACCESSIBLE_INVALID_TRUE : GTK_ACCESSIBLE_INVALID_FALSE,
                               -1);
}

static gboolean
phone_ok (LlCaseIntake *self)
{
  g_autofree char *phone = stripped_text (self->phone_row);

  return is_blank (phone) || ll_phone_is_valid (phone);
}

static gboolean
date_ok (LlCaseIntake *self)
{
  g_autofree char *date = stripped_text (self->received_row);

  /* Empty is refused by the case's validation, with its sentence. */
  return is_blank (date) || ll_date_is_valid (date);
}

static gboolean
can_edit (LlCaseIntake *self)
{
  return self->window != NULL && self->database != NULL && ll_window_get_editable (self->window);
}

static void
update_actions (LlCaseIntake *self)
{
  gboolean editable = can_edit (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "intake.register",
                                 editable && phone_ok (self) && date_ok (self));
}

/* Only what belongs to this one case counts: the date, station, source
 * and deputies stay from the previous case. */
static gboolean
compute_dirty (LlCaseIntake *self)
{
  AdwEntryRow *rows[] = { self->title_row, self->name_row, self->phone_row, self->address_row };
  g_autofree char *body = body_text (self);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *text = stripped_text (rows[i]);

      if (!is_blank (text))
        return TRUE;
    }

  return !is_blank (body) ||
         gtk_switch_get_active (self->fast_track_switch) ||
         gtk_drop_down_get_selected (self->category_dropdown) != GTK_INVALID_LIST_POSITION;
}

static void
update_dirty (LlCaseIntake *self)
{
  gboolean dirty;

  if (self->loading)
    return;

  dirty = compute_dirty (self);
  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
}

static void
clear_invalid (LlCaseIntake *self,
               GtkWidget    *row)
{
  if (self->invalid_row == NULL || (row != NULL && row != self->invalid_row))
    return;

  set_row_invalid (self->invalid_row, FALSE);
  self->invalid_row = NULL;

  /* The sentence was about that field: it is being corrected. */
  if (self->banner_action == BANNER_NONE)
    ll_banner_hide (self->banner);
}

/* Stations ------------------------------------------------------------------ */

static gint64
selected_station_id (LlCaseIntake *self)
{
  LlChoice *choice = selected_choice (self->station_dropdown);

  return choice != NULL ? ll_choice_get_id (choice) : 0;
}

static GtkWidget *
find_view_stack (GtkWidget *widget)
{
  if (ADW_IS_VIEW_STACK (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_view_stack (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The station selected on the Stations page. */
static gint64
station_selected_on_page (LlCaseIntake *self)
{
  GtkWidget *stack = self->window != NULL ? find_view_stack (GTK_WIDGET (self->window)) : NULL;
  GtkWidget *page;

  if (stack == NULL)
    return 0;

  page = adw_view_stack_get_child_by_name (ADW_VIEW_STACK (stack), "stations");
  if (!LL_IS_STATIONS_PAGE (page))
    return 0;

  return ll_stations_page_get_selected (LL_STATIONS_PAGE (page));
}

static gint64
remembered_station (LlCaseIntake *self)
{
  g_autofree char *path = NULL;
  gint64 id = 0;

  if (self->database == NULL)
    return 0;

  /* A station id only means something in its own database file. */
  g_settings_get (self->settings, "intake-station", "(sx)", &path, &id);
  if (g_strcmp0 (path, ll_database_get_path (self->database)) != 0)
    return 0;

  return id;
}

static void
remember_station (LlCaseIntake *self,
                  gint64        station_id)
{
  if (self->database == NULL || station_id <= 0)
    return;

  g_settings_set (self->settings, "intake-station", "(sx)",
                  ll_database_get_path (self->database), station_id);
}

/* The station the form starts with: the one selected on the Stations
 * page, else the last one used here, else the only one there is. */
static void
choose_initial_station (LlCaseIntake *self)
{
  GListModel *model = G_LIST_MODEL (self->stations);
  guint position = find_id (model, station_selected_on_page (self));

  if (position == GTK_INVALID_LIST_POSITION)
    position = find_id (model, remembered_station (self));
  if (position == GTK_INVALID_LIST_POSITION && g_list_model_get_n_items (model) == 1)
    position = 0;

  gtk_drop_down_set_selected (self->station_dropdown, position);
}

static void reload_deputies (LlCaseIntake *self);

static void
reload_stations (LlCaseIntake *self)
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autoptr(GError) error = NULL;
  gint64 selected = selected_station_id (self);
  gboolean was_loading = self->loading;

  if (self->database != NULL)
    {
      stations = ll_station_store_list (self->database, 0, NULL, FALSE, &error);
      if (stations == NULL)
        g_warning ("Could not list the stations: %s", error->message);
    }

  choices = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; stations != NULL && i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);

      g_ptr_array_add (choices, ll_choice_new (ll_station_get_id (station), NULL,
                                               ll_station_get_name (station)));
    }

  /* One items-changed, then the same station again (if it is still there). */
  self->loading = TRUE;
  g_list_store_splice (self->stations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->stations)),
                       choices->pdata, choices->len);
  gtk_drop_down_set_selected (self->station_dropdown,
                              find_id (G_LIST_MODEL (self->stations), selected));
  self->loading = was_loading;

  if (selected_station_id (self) != selected)
    reload_deputies (self);
}

/* Receiving deputies ------------------------------------------------------- */

static void
update_deputies_summary (LlCaseIntake *self)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->deputies->len; i++)
    {
      gint64 id = g_array_index (self->deputies, gint64, i);
      const char *name = g_hash_table_lookup (self->deputy_names, &id);

      if (name == NULL)
        continue;
      if (names->len > 0)
        /* Translators: between the names of the receiving deputies */
        g_string_append (names, _(", "));
      g_string_append (names, name);
    }

  adw_action_row_set_subtitle (self->deputies_row,
                               names->len > 0 ? names->str : _("None chosen (optional)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deputies_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  names->len > 0 ? names->str : _("None chosen"), -1);
}

static gboolean
deputy_chosen (LlCaseIntake *self,
               gint64        person_id)
{
  for (guint i = 0; i < self->deputies->len; i++)
    if (g_array_index (self->deputies, gint64, i) == person_id)
      return TRUE;

  return FALSE;
}

static void
set_deputy_chosen (LlCaseIntake *self,
                   gint64        person_id,
                   gboolean      chosen)
{
  for (guint i = 0; i < self->deputies->len; i++)
    if (g_array_index (self->deputies, gint64, i) == person_id)
      {
        if (!chosen)
          g_array_remove_index (self->deputies, i);
        update_deputies_summary (self);
        return;
      }

  if (chosen)
    g_array_append_val (self->deputies, person_id);
  update_deputies_summary (self);
}

static GtkAccessibleTristate
checked_state (gboolean chosen)
{
  return chosen ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE;
}

static GtkWidget *
deputy_row_new (LlMembership *membership,
                gboolean      chosen)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *check = gtk_check_button_new ();
  GtkWidget *labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *name = gtk_label_new (ll_membership_get_person_name (membership));
  GtkWidget *role = NULL;
  const char *person_role = ll_membership_get_person_role (membership);
  const char *level = ll_membership_get_person_level (membership);
  g_autofree char *description = NULL;

  if (level != NULL && g_strcmp0 (person_role, "deputy") == 0)
    /* Translators: a person's role and deputy level, e.g. “Deputy · County” */
    description = g_strdup_printf (_("%s · %s"),
                                   ll_enum_get_label (LL_ENUM_PERSON_ROLE, person_role),
                                   ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL, level));
  else if (person_role != NULL)
    description = g_strdup (ll_enum_get_label (LL_ENUM_PERSON_ROLE, person_role));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), chosen);
  gtk_widget_set_can_focus (check, FALSE);
  gtk_widget_set_can_target (check, FALSE);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (labels), name);
  if (description != NULL)
    {
      role = gtk_label_new (description);
      gtk_label_set_xalign (GTK_LABEL (role), 0);
      gtk_label_set_ellipsize (GTK_LABEL (role), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (role, "caption");
      gtk_widget_add_css_class (role, "dim-label");
      gtk_box_append (GTK_BOX (labels), role);
    }
  gtk_box_append (GTK_BOX (box), check);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_membership_get_person_name (membership), -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               checked_state (chosen), -1);

  g_object_set_data (G_OBJECT (row), "check", check);
  g_object_set_data_full (G_OBJECT (row), "person-id",
                          g_memdup2 (&(gint64) { ll_membership_get_person_id (membership) },
                                     sizeof (gint64)),
                          g_free);
  g_object_set_data_full (G_OBJECT (row), "search-key",
                          g_utf8_casefold (ll_membership_get_person_name (membership), -1),
                          g_free);
  return row;
}

static void
set_deputies_placeholder (LlCaseIntake *self,
                          const char   *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_list_box_set_placeholder (self->deputies_list, label);
}

static void
add_people_rows (LlCaseIntake *self,
                 GPtrArray    *memberships,
                 gboolean      deputies)
{
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *membership = g_ptr_array_index (memberships, i);
      gint64 person_id = ll_membership_get_person_id (membership);
      gboolean deputy = g_strcmp0 (ll_membership_get_person_role (membership), "deputy") == 0;

      /* Someone stationed twice is listed once. */
      if (deputy != deputies || g_hash_table_contains (self->deputy_names, &person_id))
        continue;

      g_hash_table_insert (self->deputy_names, g_memdup2 (&person_id, sizeof person_id),
                           g_strdup (ll_membership_get_person_name (membership)));
      gtk_list_box_append (self->deputies_list,
                           deputy_row_new (membership, deputy_chosen (self, person_id)));
    }
}

/* The people stationed at the chosen station; the choice keeps those
 * who are still there. */
static void
reload_deputies (LlCaseIntake *self)
{
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GError) error = NULL;
  gint64 station_id = selected_station_id (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->deputies_list))) != NULL)
    gtk_list_box_remove (self->deputies_list, child);
  g_hash_table_remove_all (self->deputy_names);

  if (self->database != NULL && station_id > 0)
    {
      memberships = ll_membership_store_list_by_station (self->database, station_id, TRUE, &error);
      if (memberships == NULL)
        g_warning ("Could not list the people of station %" G_GINT64_FORMAT ": %s",
                   station_id, error->message);
    }

  /* Deputies first, then the other people who work in the station. */
  if (memberships != NULL)
    {
      add_people_rows (self, memberships, TRUE);
      add_people_rows (self, memberships, FALSE);
    }

  for (guint i = self->deputies->len; i > 0; i--)
    if (!g_hash_table_contains (self->deputy_names, &g_array_index (self->deputies, gint64, i - 1)))
      g_array_remove_index (self->deputies, i - 1);

  set_deputies_placeholder (self, station_id > 0 ? _("No one is stationed here.")
                                                 : _("Choose the station first."));
  update_deputies_summary (self);
}

static gboolean
deputy_filter_func (GtkListBoxRow *row,
                    gpointer       user_data)
{
  LlCaseIntake *self = user_data;
  const char *search = gtk_editable_get_text (GTK_EDITABLE (self->deputies_search));
  g_autofree char *folded = NULL;

  if (is_blank (search))
    return TRUE;

  folded = g_utf8_casefold (search, -1);
  return strstr (g_object_get_data (G_OBJECT (row), "search-key"), folded) != NULL;
}

static void
toggle_deputy_row (LlCaseIntake  *self,
                   GtkListBoxRow *row)
{
  GtkCheckButton *check = g_object_get_data (G_OBJECT (row), "check");
  gint64 *person_id = g_object_get_data (G_OBJECT (row), "person-id");
  gboolean chosen = !gtk_check_button_get_active (check);

  gtk_check_button_set_active (check, chosen);
  gtk_accessible_update_state (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_STATE_CHECKED,
                               checked_state (chosen), -1);
  set_deputy_chosen (self, *person_id, chosen);
}

/* The form ----------------------------------------------------------------- */

static void
set_today (LlCaseIntake *self)
{
  g_autofree char *today = ll_date_today ();

  gtk_editable_set_text (GTK_EDITABLE (self->received_row), today);
}

/* Empties what belongs to one case, for the next constituent. */
static void
clear_case_fields (LlCaseIntake *self)
{
  AdwEntryRow *rows[] = { self->title_row, self->name_row, self->phone_row, self->address_row };

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_editable_set_text (GTK_EDITABLE (rows[i]), "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->body_view), "", -1);
  gtk_drop_down_set_selected (self->category_dropdown, GTK_INVALID_LIST_POSITION);
  gtk_switch_set_active (self->fast_track_switch, FALSE);
  self->loading = FALSE;

  clear_invalid (self, NULL);
  update_dirty (self);
  update_actions (self);
}

static LlCase *
build_case (LlCaseIntake *self)
{
  LlCase *kase = ll_case_new ();
  g_autofree char *received = stripped_text (self->received_row);
  g_autofree char *title = stripped_text (self->title_row);
  g_autofree char *body = body_text (self);
  g_autofree char *name = stripped_text (self->name_row);
  g_autofree char *phone = stripped_text (self->phone_row);
  g_autofree char *address = stripped_text (self->address_row);

  ll_case_set_received_on (kase, is_blank (received) ? NULL : received);
  ll_case_set_station_id (kase, selected_station_id (self));
  ll_case_set_source (kase, selected_key (self->source_dropdown));
  ll_case_set_category (kase, selected_key (self->category_dropdown));
  ll_case_set_title (kase, is_blank (title) ? NULL : title);
  ll_case_set_body (kase, is_blank (body) ? NULL : body);
  ll_case_set_constituent_name (kase, is_blank (name) ? NULL : name);
  ll_case_set_constituent_phone (kase, is_blank (phone) ? NULL : phone);
  ll_case_set_constituent_address (kase, is_blank (address) ? NULL : address);
  ll_case_set_fast_track (kase, gtk_switch_get_active (self->fast_track_switch));

  return kase;
}

typedef struct {
  const char *property;
  GtkWidget  *row;
  GtkWidget  *input;
} FieldRow;

/* The rows in the order they are shown, with the case property each
 * edits: a validation message names the field by its label. */
static guint
list_fields (LlCaseIntake *self,
             FieldRow     *fields)
{
  guint n = 0;

  fields[n++] = (FieldRow) { "received-on", GTK_WIDGET (self->received_row),
                             GTK_WIDGET (self->received_row) };
  fields[n++] = (FieldRow) { "station-id", GTK_WIDGET (self->station_row),
                             GTK_WIDGET (self->station_dropdown) };
  fields[n++] = (FieldRow) { "source", GTK_WIDGET (self->source_row),
                             GTK_WIDGET (self->source_dropdown) };
  fields[n++] = (FieldRow) { "category", GTK_WIDGET (self->category_row),
                             GTK_WIDGET (self->category_dropdown) };
  fields[n++] = (FieldRow) { "title", GTK_WIDGET (self->title_row),
                             GTK_WIDGET (self->title_row) };
  fields[n++] = (FieldRow) { "body", GTK_WIDGET (self->body_row),
                             GTK_WIDGET (self->body_view) };
  fields[n++] = (FieldRow) { "constituent-name", GTK_WIDGET (self->name_row),
                             GTK_WIDGET (self->name_row) };
  fields[n++] = (FieldRow) { "constituent-phone", GTK_WIDGET (self->phone_row),
                             GTK_WIDGET (self->phone_row) };
  fields[n++] = (FieldRow) { "constituent-address", GTK_WIDGET (self->address_row),
                             GTK_WIDGET (self->address_row) };
  fields[n++] = (FieldRow) { "fast-track", GTK_WIDGET (self->fast_track_row),
                             GTK_WIDGET (self->fast_track_switch) };
  fields[n++] = (FieldRow) { "receiving-deputies", GTK_WIDGET (self->deputies_row),
                             GTK_WIDGET (self->deputies_button) };

  return n;
}

#define N_FIELDS 11

/* The field a validation message is about: the label that comes first
 * in it (the longest, when two start at the same place, so that
 * “Constituent’s phone” wins over “Constituent”). */
static const FieldRow *
field_of_message (const FieldRow *fields,
                  guint           n_fields,
                  const char     *message)
{
  const FieldRow *best = NULL;
  const char *best_at = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < n_fields; i++)
    {
      const char *label = ll_case_get_field_label (fields[i].property);
      const char *at = label != NULL ? strstr (message, label) : NULL;
      gsize len = label != NULL ? strlen (label) : 0;

      if (at == NULL)
        continue;

      if (best == NULL || at < best_at || (at == best_at && len > best_len))
        {
          best = &fields[i];
          best_at = at;
          best_len = len;
        }
    }

  return best;
}

static void
show_error (LlCaseIntake *self,
            const GError *error)
{
  gboolean can_retry = g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_BUSY) ||
                       g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL) ||
                       g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO);

  self->banner_action = can_retry ? BANNER_RETRY : BANNER_NONE;
  ll_banner_set_button_label (self->banner, can_retry ? _("_Retry") : NULL);
  ll_banner_show (self->banner, LL_BANNER_ERROR, error->message);

  if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID))
    {
      FieldRow fields[N_FIELDS];
      guint n_fields = list_fields (self, fields);
      const FieldRow *field = field_of_message (fields, n_fields, error->message);

      clear_invalid (self, NULL);
      if (field != NULL)
        {
          /* The banner stays; the row says where. */
          self->invalid_row = field->row;
          set_row_invalid (field->row, TRUE);
          gtk_widget_grab_focus (field->input);
        }
    }
}

static gboolean
show_case_exists (LlCaseIntake *self)
{
  GtkWidgetClass *klass;
  GType owner;
  const char *name;
  const GVariantType *parameter_type;
  const char *property;

  if (self->window == NULL)
    return FALSE;

  if (g_action_map_lookup_action (G_ACTION_MAP (self->window), "show-case") != NULL)
    return TRUE;

  klass = GTK_WIDGET_GET_CLASS (self->window);
  for (guint i = 0; gtk_widget_class_query_action (klass, i, &owner, &name, &parameter_type,
                                                &property); i++)
    if (g_strcmp0 (name, "win.show-case") == 0)
      return TRUE;

  return FALSE;
}

/* The serial goes on a toast in the main window and stays at the top of
 * the form, where the receptionist reads it out to the constituent. */
static void
announce (LlCaseIntake *self,
          LlCase       *kase)
{
  g_autofree char *message = NULL;
  gboolean can_show = show_case_exists (self);
  GtkWidget *content;

  /* Translators: %s is a case's serial number, e.g. 2025-0078 */
  message = g_strdup_printf (_("Case %s registered"), ll_case_get_serial (kase));

  content = self->window != NULL
            ? adw_application_window_get_content (ADW_APPLICATION_WINDOW (self->window))
            : NULL;
  if (ADW_IS_TOAST_OVERLAY (content))
    {
      AdwToast *toast = adw_toast_new (message);

      if (can_show)
        {
          adw_toast_set_button_label (toast, _("_Show"));
          adw_toast_set_action_name (toast, "win.show-case");
          adw_toast_set_action_target_value (toast, g_variant_new_int64 (ll_case_get_id (kase)));
        }
      adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (content), toast);
    }

  self->shown_case_id = ll_case_get_id (kase);
  self->banner_action = can_show ? BANNER_SHOW_CASE : BANNER_NONE;
  ll_banner_set_button_label (self->banner, can_show ? _("_Show") : NULL);
  ll_banner_show (self->banner, LL_BANNER_INFO, message);
}

static gboolean
register_case (LlCaseIntake *self)
{
  g_autoptr(LlCase) kase = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!can_edit (self) || !phone_ok (self) || !date_ok (self))
    return FALSE;

  kase = build_case (self);
  if (!ll_case_store_create (self->database, kase, (const gint64 *) self->deputies->data,
                             self->deputies->len, &error))
    {
      g_debug ("Registering failed: %s", error->message);
      show_error (self, error);
      return FALSE;
    }

  g_debug ("Case %s registered in %.1f ms", ll_case_get_serial (kase),
           (g_get_monotonic_time () - start) / 1000.0);

  remember_station (self, ll_case_get_station_id (kase));
  announce (self, kase);
  clear_case_fields (self);

  /* The first field that changes from one case to the next. */
  gtk_widget_grab_focus (GTK_WIDGET (self->category_dropdown));

  g_signal_emit (self, signals[REGISTERED], 0, kase);
  return TRUE;
}

/* Callbacks ---------------------------------------------------------------- */

static void
something_changed_cb (LlCaseIntake *self)
{
  update_dirty (self);
}

static void
text_changed_cb (LlCaseIntake *self,
                 GtkEditable  *editable)
{
  clear_invalid (self, GTK_WIDGET (editable));
  update_dirty (self);
}

static void
received_changed_cb (LlCaseIntake *self,
                     GtkEditable  *editable)
{
  clear_invalid (self, GTK_WIDGET (editable));
  set_row_invalid (GTK_WIDGET (self->received_row), !date_ok (self));
  update_actions (self);
}

static void
phone_changed_cb (LlCaseIntake *self,
                  GtkEditable  *editable)
{
  gboolean ok = phone_ok (self);

  clear_invalid (self, GTK_WIDGET (editable));
  set_row_invalid (GTK_WIDGET (self->phone_row), !ok);
  gtk_widget_set_visible (GTK_WIDGET (self->phone_hint), !ok);
  update_actions (self);
  update_dirty (self);
}

static void
body_changed_cb (LlCaseIntake *self)
{
  clear_invalid (self, GTK_WIDGET (self->body_row));
  update_dirty (self);
}

static void
category_selected_cb (LlCaseIntake *self)
{
  clear_invalid (self, GTK_WIDGET (self->category_row));
  update_dirty (self);
}

static void
station_selected_cb (LlCaseIntake *self)
{
  gint64 station_id = selected_station_id (self);

  if (station_id == self->station_id)
    return;

  self->station_id = station_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);

  /* Reloading the list chooses the station again, or none. */
  if (self->loading)
    return;

  clear_invalid (self, GTK_WIDGET (self->station_row));
  reload_deputies (self);
}

/* Enter in a one-line field goes on to the next field. */
static void
entry_activated_cb (LlCaseIntake *self,
                    AdwEntryRow  *row)
{
  gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

static void
calendar_show_cb (LlCaseIntake *self,
                  GtkPopover   *popover)
{
  g_autofree char *text = stripped_text (self->received_row);

  if (ll_date_is_valid (text))
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (atoi (text), atoi (text + 5),
                                                         atoi (text + 8), 0, 0, 0);

      g_signal_handlers_block_by_func (self->calendar, NULL, self);
      gtk_calendar_select_day (self->calendar, date);
      g_signal_handlers_unblock_by_func (self->calendar, NULL, self);
    }
}

static void
calendar_day_selected_cb (LlCaseIntake *self,
                          GtkCalendar  *calendar)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (calendar), GTK_TYPE_POPOVER);

  gtk_editable_set_text (GTK_EDITABLE (self->received_row), text);
  if (popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (popover));
}

static void
banner_button_clicked_cb (LlCaseIntake *self,
                          LlBanner     *banner)
{
  switch (self->banner_action)
    {
    case BANNER_RETRY:
      register_case (self);
      break;

    case BANNER_SHOW_CASE:
      if (self->window != NULL)
        {
          gtk_widget_activate_action (GTK_WIDGET (self->window), "win.show-case", "x",
                                      self->shown_case_id);
          gtk_window_present (GTK_WINDOW (self->window));
        }
      break;

    case BANNER_NONE:
    default:
      break;
    }
}

static void
deputies_popover_show_cb (LlCaseIntake *self,
                          GtkPopover   *popover)
{
  gtk_editable_set_text (GTK_EDITABLE (self->deputies_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->deputies_search));
}

static void
deputies_search_changed_cb (LlCaseIntake   *self,
                            GtkSearchEntry *entry)
{
  gtk_list_box_invalidate_filter (self->deputies_list);
}

/* Enter in the search picks the first person it shows. */
static void
deputies_search_activate_cb (LlCaseIntake   *self,
                             GtkSearchEntry *entry)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->deputies_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      /* The search waits a moment after the last key: filter with it now. */
      if (GTK_IS_LIST_BOX_ROW (child) &&
          g_object_get_data (G_OBJECT (child), "person-id") != NULL &&
          deputy_filter_func (GTK_LIST_BOX_ROW (child), self))
        {
          toggle_deputy_row (self, GTK_LIST_BOX_ROW (child));
          gtk_editable_set_text (GTK_EDITABLE (entry), "");
          return;
        }
    }
}

/* Escape clears the search, then closes the list. */
static void
deputies_search_stop_cb (LlCaseIntake   *self,
                         GtkSearchEntry *entry)
{
  if (!is_blank (gtk_editable_get_text (GTK_EDITABLE (entry))))
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_popover_popdown (self->deputies_popover);
}

static void
deputy_row_activated_cb (LlCaseIntake  *self,
                         GtkListBoxRow *row,
                         GtkListBox    *list)
{
  toggle_deputy_row (self, row);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Typing on a closed drop-down chooses the first item that starts with
 * what was typed, as a list in a web form does; Space opens the list
 * and its search. (Opening the list on the first key would lose the
 * keys typed while it appears.) */
#define TYPE_AHEAD_PAUSE (1 * G_USEC_PER_SEC)

typedef struct {
  GString *typed;
  gint64   last_key;
} TypeAhead;

static void
type_ahead_free (gpointer data)
{
  TypeAhead *type_ahead = data;

  g_string_free (type_ahead->typed, TRUE);
  g_free (type_ahead);
}

static gboolean
dropdown_key_pressed_cb (GtkEventControllerKey *controller,
                         guint                  keyval,
                         guint                  keycode,
                         GdkModifierType        state,
                         gpointer               user_data)
{
  GtkWidget *dropdown = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  TypeAhead *type_ahead = g_object_get_data (G_OBJECT (dropdown), "type-ahead");
  gunichar c = gdk_keyval_to_unicode (keyval);
  g_autofree char *folded = NULL;
  gint64 now = g_get_monotonic_time ();

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0 ||
      c == 0 || !g_unichar_isgraph (c) || model == NULL || type_ahead == NULL)
    return FALSE;

  if (now - type_ahead->last_key > TYPE_AHEAD_PAUSE)
    g_string_truncate (type_ahead->typed, 0);
  type_ahead->last_key = now;
  g_string_append_unichar (type_ahead->typed, c);
  folded = g_utf8_casefold (type_ahead->typed->str, -1);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LlChoice) choice = g_list_model_get_item (model, i);
      g_autofree char *label = g_utf8_casefold (ll_choice_get_label (choice), -1);

      if (g_str_has_prefix (label, folded))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return TRUE;
        }
    }

  gtk_widget_error_bell (dropdown);
  return TRUE;
}

/* Opening a drop-down puts the cursor in its search. */
static void
dropdown_popover_show_cb (GtkPopover *popover,
                          GtkWidget  *search)
{
  gtk_widget_grab_focus (search);
}

/* Escape in a drop-down's search clears it, then closes the list at
 * once (GTK 4.8 wants a second Escape after the search was used). */
static void
dropdown_search_stop_cb (GtkSearchEntry *entry,
                         GtkPopover     *popover)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (entry)) != '\0')
    gtk_editable_set_text (GTK_EDITABLE (entry), "");
  else
    gtk_popover_popdown (popover);
}

/* Down in a drop-down's search goes on to the list. */
static gboolean
dropdown_search_key_pressed_cb (GtkEventControllerKey *controller,
                                guint                  keyval,
                                guint                  keycode,
                                GdkModifierType        state,
                                gpointer               user_data)
{
  GtkWidget *search = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller));
  GtkWidget *popover = gtk_widget_get_ancestor (search, GTK_TYPE_POPOVER);
  GtkWidget *list = popover != NULL ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;

  if ((keyval != GDK_KEY_Down && keyval != GDK_KEY_KP_Down) || list == NULL)
    return FALSE;

  return gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
}

static GtkStringFilter *
dropdown_search_filter (GtkDropDown *dropdown)
{
  GtkWidget *list = find_descendant (GTK_WIDGET (dropdown), GTK_TYPE_LIST_VIEW);
  GtkSelectionModel *shown = list != NULL ? gtk_list_view_get_model (GTK_LIST_VIEW (list)) : NULL;
  GListModel *filtered = NULL;
  GtkFilter *filter;

  if (GTK_IS_SINGLE_SELECTION (shown))
    filtered = gtk_single_selection_get_model (GTK_SINGLE_SELECTION (shown));
  if (!GTK_IS_FILTER_LIST_MODEL (filtered))
    return NULL;

  filter = gtk_filter_list_model_get_filter (GTK_FILTER_LIST_MODEL (filtered));
  return GTK_IS_STRING_FILTER (filter) ? GTK_STRING_FILTER (filter) : NULL;
}

/* GTK 4.8 searches drop-downs by the start of the label only; “联络站”
 * or “湖” should find every station that has it anywhere. */
static void
search_anywhere (GtkDropDown *dropdown)
{
  GtkStringFilter *filter = dropdown_search_filter (dropdown);

  if (filter != NULL)
    gtk_string_filter_set_match_mode (filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
}

/* Enter in a drop-down's search takes the first item it shows. */
static void
dropdown_search_activate_cb (GtkSearchEntry *entry,
                             GtkDropDown    *dropdown)
{
  GtkWidget *popover = gtk_widget_get_ancestor (GTK_WIDGET (entry), GTK_TYPE_POPOVER);
  GtkWidget *list = popover != NULL ? find_descendant (popover, GTK_TYPE_LIST_VIEW) : NULL;
  GListModel *shown = list != NULL ? G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (list)))
                                   : NULL;
  GListModel *model = gtk_drop_down_get_model (dropdown);
  g_autoptr(GObject) first = NULL;
  GtkStringFilter *filter;

  if (shown == NULL || model == NULL)
    return;

  /* The search waits a moment after the last key: apply it now. */
  filter = dropdown_search_filter (dropdown);
  if (filter != NULL)
    gtk_string_filter_set_search (filter, gtk_editable_get_text (GTK_EDITABLE (entry)));

  if (g_list_model_get_n_items (shown) == 0)
    return;

  first = g_list_model_get_item (shown, 0);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      if (item == first)
        {
          gtk_popover_popdown (GTK_POPOVER (popover));
          gtk_drop_down_set_selected (dropdown, i);
          gtk_widget_grab_focus (GTK_WIDGET (dropdown));
          return;
        }
    }
}

static void
database_changed_cb (LlCaseIntake *self,
                     GPtrArray    *changes,
                     LlDatabase   *database)
{
  gboolean stations = changes == NULL;
  gboolean people = changes == NULL;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      LlChange *change = g_ptr_array_index (changes, i);

      if (g_strcmp0 (change->table, "stations") == 0)
        stations = TRUE;
      else if (g_strcmp0 (change->table, "memberships") == 0 ||
               g_strcmp0 (change->table, "people") == 0)
        people = TRUE;
    }

  if (stations)
    reload_stations (self);
  if (people)
    reload_deputies (self);
}

static void
set_database (LlCaseIntake *self,
              LlDatabase   *database)
{
  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                             G_CONNECT_SWAPPED);

  reload_stations (self);
}

static void
window_database_cb (LlCaseIntake *self)
{
  set_database (self, self->window != NULL ? ll_window_get_database (self->window) : NULL);
  update_actions (self);
}

static void
window_editable_cb (LlCaseIntake *self)
{
  gboolean editable = can_edit (self);
  GtkWidget *inputs[] = {
    GTK_WIDGET (self->station_dropdown), GTK_WIDGET (self->source_dropdown),
    GTK_WIDGET (self->category_dropdown), GTK_WIDGET (self->fast_track_switch),
    GTK_WIDGET (self->deputies_button),
  };
  AdwEntryRow *entries[] = {
    self->received_row, self->title_row, self->name_row, self->phone_row, self->address_row,
  };

  /* What was typed stays readable and can still be copied. */
  for (guint i = 0; i < G_N_ELEMENTS (entries); i++)
    gtk_editable_set_editable (GTK_EDITABLE (entries[i]), editable);
  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    gtk_widget_set_sensitive (inputs[i], editable);
  gtk_text_view_set_editable (self->body_view, editable);

  update_actions (self);
}

static gboolean
close_after_discard_cb (gpointer user_data)
{
  LlCaseIntake *self = user_data;
  g_autoptr(LlWindow) window = self->window != NULL ? g_object_ref (self->window) : NULL;
  gboolean close_window = self->close_window_after;

  self->discarding = TRUE;
  gtk_window_close (GTK_WINDOW (self));
  if (close_window && window != NULL)
    gtk_window_close (GTK_WINDOW (window));

  return G_SOURCE_REMOVE;
}

static void
discard_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     LlCaseIntake     *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    {
      self->close_window_after = FALSE;
      return;
    }

  /* Not while the dialog, which is ours, is still answering. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_after_discard_cb, g_object_ref (self),
                   g_object_unref);
}

static void
ask_before_closing (LlCaseIntake *self)
{
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Discard This Case?"),
                                   _("What you typed for this case has not been registered. "
                                     "If you close the form, it is lost."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "discard", _("_Discard"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  g_signal_connect_object (dialog, "response", G_CALLBACK (discard_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The whole row of the field with the cursor stays in view, its title
 * and hint too, when the form is small (800×600) and scrolls. */
static void
focus_widget_cb (LlCaseIntake *self,
                 GParamSpec   *pspec,
                 gpointer      user_data)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *viewport = gtk_scrolled_window_get_child (self->scroller);
  GtkWidget *content = viewport != NULL ? gtk_widget_get_first_child (viewport) : NULL;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *row;
  graphene_rect_t bounds;
  double value, page, top, bottom;

  if (focus == NULL || content == NULL ||
      (row = gtk_widget_get_ancestor (focus, GTK_TYPE_LIST_BOX_ROW)) == NULL ||
      !gtk_widget_is_ancestor (row, content) ||
      !gtk_widget_compute_bounds (row, content, &bounds))
    return;

  value = gtk_adjustment_get_value (adjustment);
  page = gtk_adjustment_get_page_size (adjustment);
  top = bounds.origin.y - 12;
  bottom = bounds.origin.y + bounds.size.height + 12;

  if (top < value)
    gtk_adjustment_set_value (adjustment, top);
  else if (bottom > value + page)
    gtk_adjustment_set_value (adjustment, MIN (top, bottom - page));
}

/* The form goes with the main window: closing that asks first too. */
static gboolean
window_close_request_cb (LlCaseIntake *self,
                         GtkWindow    *window)
{
  if (!self->dirty || self->discarding)
    return FALSE;

  self->close_window_after = TRUE;
  gtk_window_present (GTK_WINDOW (self));
  ask_before_closing (self);
  return TRUE;
}

/* Actions ------------------------------------------------------------------ */

static void
register_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ll_case_intake_register (LL_CASE_INTAKE (widget));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  gtk_window_close (GTK_WINDOW (widget));
}

/* Overrides ---------------------------------------------------------------- */

static gboolean
ll_case_intake_close_request (GtkWindow *window)
{
  LlCaseIntake *self = LL_CASE_INTAKE (window);

  /* Nothing typed is lost without asking. */
  if (self->dirty && !self->discarding)
    {
      ask_before_closing (self);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (ll_case_intake_parent_class)->close_request (window);
}

static void
ll_case_intake_constructed (GObject *object)
{
  LlCaseIntake *self = LL_CASE_INTAKE (object);

  G_OBJECT_CLASS (ll_case_intake_parent_class)->constructed (object);

  if (self->window != NULL)
    {
      gtk_window_set_transient_for (GTK_WINDOW (self), GTK_WINDOW (self->window));
      g_signal_connect_object (self->window, "notify::database",
                               G_CALLBACK (window_database_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->window, "notify::editable",
                               G_CALLBACK (window_editable_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->window, "close-request",
                               G_CALLBACK (window_close_request_cb), self, G_CONNECT_SWAPPED);
    }

  self->loading = TRUE;
  window_database_cb (self);
  choose_initial_station (self);
  self->loading = FALSE;
  reload_deputies (self);
  window_editable_cb (self);
}

static void
ll_case_intake_dispose (GObject *object)
{
  LlCaseIntake *self = LL_CASE_INTAKE (object);

  if (self->window != NULL)
    {
      if (g_object_get_data (G_OBJECT (self->window), INTAKE_KEY) == self)
        g_object_set_data (G_OBJECT (self->window), INTAKE_KEY, NULL);
      g_object_remove_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      self->window = NULL;
    }
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_CASE_INTAKE);

  G_OBJECT_CLASS (ll_case_intake_parent_class)->dispose (object);
}

static void
ll_case_intake_finalize (GObject *object)
{
  LlCaseIntake *self = LL_CASE_INTAKE (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->stations);
  g_clear_object (&self->sources);
  g_clear_object (&self->categories);
  g_clear_pointer (&self->deputies, g_array_unref);
  g_clear_pointer (&self->deputy_names, g_hash_table_unref);

  G_OBJECT_CLASS (ll_case_intake_parent_class)->finalize (object);
}

static void
ll_case_intake_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlCaseIntake *self = LL_CASE_INTAKE (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;

    case PROP_STATION_ID:
      g_value_set_int64 (value, selected_station_id (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_intake_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  LlCaseIntake *self = LL_CASE_INTAKE (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      self->window = g_value_get_object (value);
      if (self->window != NULL)
        g_object_add_weak_pointer (G_OBJECT (self->window), (gpointer *) &self->window);
      break;

    case PROP_STATION_ID:
      ll_case_intake_set_station_id (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_intake_class_init (LlCaseIntakeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = ll_case_intake_constructed;
  object_class->dispose = ll_case_intake_dispose;
  object_class->finalize = ll_case_intake_finalize;
  object_class->get_property = ll_case_intake_get_property;
  object_class->set_property = ll_case_intake_set_property;

  window_class->close_request = ll_case_intake_close_request;

  /**
   * LlCaseIntake:window:
   *
   * The main window: its database, and where the toasts go.
   */
  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, NULL, LL_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseIntake:station-id:
   *
   * The station chosen in the form, 0 for none.
   */
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseIntake:dirty:
   *
   * Whether something was typed for the case that is not registered.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlCaseIntake::registered:
   * @kase: the case as stored, with its serial number
   *
   * A case was registered; the form is empty again for the next one.
   */
  signals[REGISTERED] = g_signal_new ("registered", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 1, LL_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-case-intake.ui");
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, register_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, banner);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, received_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, calendar);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, station_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, station_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, source_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, source_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, category_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, category_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, title_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, body_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, body_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, body_view);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, name_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, phone_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, phone_hint);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, address_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, fast_track_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, fast_track_switch);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, deputies_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, deputies_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, deputies_popover);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, deputies_search);
  gtk_widget_class_bind_template_child (widget_class, LlCaseIntake, deputies_list);
  gtk_widget_class_bind_template_callback (widget_class, something_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, text_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, received_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, phone_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, category_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, station_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, calendar_day_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputies_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputies_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputies_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputies_search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "intake.register", NULL, register_action);
  gtk_widget_class_install_action (widget_class, "intake.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "intake.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "intake.close", NULL);
}

static void
ll_case_intake_init (LlCaseIntake *self)
{
  GtkDropDown *dropdowns[3];
  GtkEventController *shortcuts;
  struct {
    GtkWidget  *row;
    const char *property;
  } titles[] = {
    { NULL, "received-on" }, { NULL, "station-id" }, { NULL, "source" }, { NULL, "category" },
    { NULL, "title" }, { NULL, "constituent-name" }, { NULL, "constituent-phone" },
    { NULL, "constituent-address" }, { NULL, "fast-track" }, { NULL, "receiving-deputies" },
  };

  g_type_ensure (LL_TYPE_BANNER);
  gtk_widget_init_template (GTK_WIDGET (self));

  dropdowns[0] = self->station_dropdown;
  dropdowns[1] = self->source_dropdown;
  dropdowns[2] = self->category_dropdown;

  self->settings = g_settings_new (APP_ID);
  self->deputies = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->deputy_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->stations = g_list_store_new (LL_TYPE_CHOICE);
  self->sources = enum_choices (LL_ENUM_CASE_SOURCE);
  self->categories = enum_choices (LL_ENUM_CASE_CATEGORY);

  /* The rows are titled as the case's fields are named everywhere else,
   * so that a message about a field names the row it is in. */
  titles[0].row = GTK_WIDGET (self->received_row);
  titles[1].row = GTK_WIDGET (self->station_row);
  titles[2].row = GTK_WIDGET (self->source_row);
  titles[3].row = GTK_WIDGET (self->category_row);
  titles[4].row = GTK_WIDGET (self->title_row);
  titles[5].row = GTK_WIDGET (self->name_row);
  titles[6].row = GTK_WIDGET (self->phone_row);
  titles[7].row = GTK_WIDGET (self->address_row);
  titles[8].row = GTK_WIDGET (self->fast_track_row);
  titles[9].row = GTK_WIDGET (self->deputies_row);
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    adw_preferences_row_set_title (ADW_PREFERENCES_ROW (titles[i].row),
                                   ll_case_get_field_label (titles[i].property));
  adw_preferences_row_set_title (self->body_row, ll_case_get_field_label ("body"));
  gtk_label_set_text (self->body_label, ll_case_get_field_label ("body"));

  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    {
      GtkEventController *keys = gtk_event_controller_key_new ();
      GtkExpression *expression = gtk_property_expression_new (LL_TYPE_CHOICE, NULL, "label");

      GtkWidget *search = find_descendant (GTK_WIDGET (dropdowns[i]), GTK_TYPE_SEARCH_ENTRY);
      TypeAhead *type_ahead;

      gtk_drop_down_set_expression (dropdowns[i], expression);
      gtk_expression_unref (expression);
      g_signal_connect (keys, "key-pressed", G_CALLBACK (dropdown_key_pressed_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (dropdowns[i]), keys);
      type_ahead = g_new0 (TypeAhead, 1);
      type_ahead->typed = g_string_new (NULL);
      g_object_set_data_full (G_OBJECT (dropdowns[i]), "type-ahead", type_ahead, type_ahead_free);
      if (search != NULL)
        {
          GtkEventController *search_keys = gtk_event_controller_key_new ();

          g_signal_connect (search, "activate", G_CALLBACK (dropdown_search_activate_cb),
                            dropdowns[i]);
          g_signal_connect (gtk_widget_get_ancestor (search, GTK_TYPE_POPOVER), "show",
                            G_CALLBACK (dropdown_popover_show_cb), search);
          g_signal_connect (search, "stop-search", G_CALLBACK (dropdown_search_stop_cb),
                            gtk_widget_get_ancestor (search, GTK_TYPE_POPOVER));
          g_signal_connect (search_keys, "key-pressed",
                            G_CALLBACK (dropdown_search_key_pressed_cb), NULL);

          gtk_widget_add_controller (search, search_keys);
        }
    }
  gtk_drop_down_set_model (self->station_dropdown, G_LIST_MODEL (self->stations));
  gtk_drop_down_set_model (self->source_dropdown, G_LIST_MODEL (self->sources));
  gtk_drop_down_set_model (self->category_dropdown, G_LIST_MODEL (self->categories));
  for (guint i = 0; i < G_N_ELEMENTS (dropdowns); i++)
    search_anywhere (dropdowns[i]);

  /* Screen readers name each input after its row. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->station_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_case_get_field_label ("station-id"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->source_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_case_get_field_label ("source"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->category_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_case_get_field_label ("category"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->body_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_case_get_field_label ("body"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fast_track_switch),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_case_get_field_label ("fast-track"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deputies_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ll_case_get_field_label ("receiving-deputies"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->deputies_search),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search People"), -1);

  /* Ctrl+Enter registers from any field: caught before the full text,
   * which would take it for a new line. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string (
                                                            "<Control>Return|<Control>KP_Enter|"
                                                            "<Control>ISO_Enter"),
                                                          gtk_named_action_new ("intake.register")));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);

  /* Scrolling follows the focused row rather than the focused widget. */
  if (GTK_IS_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)))
    gtk_viewport_set_scroll_to_focus (GTK_VIEWPORT (gtk_scrolled_window_get_child (self->scroller)),
                                      FALSE);
  g_signal_connect (self, "notify::focus-widget", G_CALLBACK (focus_widget_cb), NULL);

  g_signal_connect_object (gtk_text_view_get_buffer (self->body_view), "changed",
                           G_CALLBACK (body_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_list_box_set_filter_func (self->deputies_list, deputy_filter_func, self, NULL);

  self->loading = TRUE;
  gtk_drop_down_set_selected (self->source_dropdown,
                              find_key (G_LIST_MODEL (self->sources), "reception_day"));
  gtk_drop_down_set_selected (self->category_dropdown, GTK_INVALID_LIST_POSITION);
  set_today (self);
  self->loading = FALSE;

  /* Setting the models selected their first items for a moment. */
  update_dirty (self);
  update_deputies_summary (self);
}

/* A closed form is only hidden, to open again at once: it starts over
 * as a new one would. */
static void
reset_for_opening (LlCaseIntake *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);

  self->discarding = FALSE;
  self->close_window_after = FALSE;

  self->loading = TRUE;
  set_today (self);
  gtk_drop_down_set_selected (self->source_dropdown,
                              find_key (G_LIST_MODEL (self->sources), "reception_day"));
  g_array_set_size (self->deputies, 0);
  choose_initial_station (self);
  self->loading = FALSE;

  clear_case_fields (self);
  reload_deputies (self);
  set_row_invalid (GTK_WIDGET (self->received_row), FALSE);
  self->banner_action = BANNER_NONE;
  ll_banner_set_button_label (self->banner, NULL);
  ll_banner_hide (self->banner);
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_lower (adjustment));
}

/* Public API --------------------------------------------------------------- */

/**
 * ll_case_intake_show:
 * @window: the main window
 *
 * Shows the New Case form of @window, with the cursor in its first
 * field. The form that is open is brought forward as it is; a form that
 * was closed starts over: today, the usual source, the current station.
 *
 * Returns: (transfer none): the form
 */
LlCaseIntake *
ll_case_intake_show (LlWindow *window)
{
  LlCaseIntake *self;

  g_return_val_if_fail (LL_IS_WINDOW (window), NULL);

  self = g_object_get_data (G_OBJECT (window), INTAKE_KEY);
  if (self == NULL)
    {
      gint64 start = g_get_monotonic_time ();

      self = g_object_new (LL_TYPE_CASE_INTAKE,
                           "window", window,
                           "application", gtk_window_get_application (GTK_WINDOW (window)),
                           NULL);
      g_object_set_data (G_OBJECT (window), INTAKE_KEY, self);
      g_debug ("Form built in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
    }
  else if (!gtk_widget_get_visible (GTK_WIDGET (self)))
    {
      reset_for_opening (self);
    }

  gtk_window_present (GTK_WINDOW (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->received_row));

  return self;
}

/**
 * ll_case_intake_get_window:
 *
 * Returns: (transfer none) (nullable): the main window the form is for
 */
LlWindow *
ll_case_intake_get_window (LlCaseIntake *self)
{
  g_return_val_if_fail (LL_IS_CASE_INTAKE (self), NULL);

  return self->window;
}

gint64
ll_case_intake_get_station_id (LlCaseIntake *self)
{
  g_return_val_if_fail (LL_IS_CASE_INTAKE (self), 0);

  return selected_station_id (self);
}

/**
 * ll_case_intake_set_station_id:
 * @station_id: a station of the database, or 0 for none
 *
 * Chooses the station the cases are registered for.
 */
void
ll_case_intake_set_station_id (LlCaseIntake *self,
                               gint64        station_id)
{
  g_return_if_fail (LL_IS_CASE_INTAKE (self));

  gtk_drop_down_set_selected (self->station_dropdown,
                              find_id (G_LIST_MODEL (self->stations), station_id));
}

gboolean
ll_case_intake_get_dirty (LlCaseIntake *self)
{
  g_return_val_if_fail (LL_IS_CASE_INTAKE (self), FALSE);

  return self->dirty;
}

/**
 * ll_case_intake_register:
 *
 * Registers the case the form holds, as Ctrl+Enter does: the serial is
 * announced and the form is cleared for the next case. When the case
 * cannot be registered, the form keeps everything and says why: a field
 * that is not right is marked and focused; a busy database, a full disk
 * or a failing share offers Retry.
 *
 * Returns: whether the case was registered
 */
gboolean
ll_case_intake_register (LlCaseIntake *self)
{
  g_return_val_if_fail (LL_IS_CASE_INTAKE (self), FALSE);

  return register_case (self);
}

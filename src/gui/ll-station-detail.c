/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-station-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-case-store.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-roster-board.h"
#include "ll-station-detail.h"
#include "ll-station-node.h"
#include "ll-station-store.h"
#include "ll-validate.h"

/* The right-hand side of the Stations page: one station's fields in an
 * LlRecordForm, then the people stationed there, its coming reception
 * days and its open cases. The page owns the actions (save, move,
 * archive …); this pane shows and edits. */

/* How many open cases are listed before “and N more”. */
#define MAX_CASES 8

/* How many coming reception days are listed. */
#define N_RECEPTION_DAYS 3

struct _LlStationDetail
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  AdwStatusPage       *empty_page;
  GtkImage            *kind_icon;
  GtkLabel            *title_label;
  GtkLabel            *subtitle_label;
  GtkLabel            *state_label;
  GtkBox              *content;
  AdwPreferencesGroup *people_group;
  GtkListBox          *people_list;
  AdwPreferencesGroup *reception_group;
  GtkListBox          *reception_list;
  GtkButton           *roster_button;
  AdwPreferencesGroup *cases_group;
  GtkListBox          *cases_list;
  GtkMenuButton       *menu_button;
  GtkButton           *back_button;
  GtkRevealer         *save_bar;
  GtkLabel            *save_bar_label;

  /* Owned */
  LlRecordForm        *form;
  LlDatabase          *database;
  LlStation           *station;
  GListModel          *pending_stations;
  GListModel          *pending_areas;
  gboolean             have_pending_choices;
  gboolean             is_new;
  gboolean             gone;
  gboolean             editable;
};

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlStationDetail, ll_station_detail, GTK_TYPE_WIDGET)

/* The floor area label and “Opened” come from the record's own field
 * names, so the conflict dialog and the form say the same thing. */
static const LlFieldSpec station_fields[] = {
  { "name", N_("Name"), LL_FIELD_TEXT, 0, TRUE, N_("Station") },
  { "kind", N_("Station kind"), LL_FIELD_ENUM, LL_ENUM_STATION_KIND, TRUE },
  { "parent-id", N_("Belongs to"), LL_FIELD_CHOICE },
  { "area-id", N_("Area"), LL_FIELD_CHOICE },
  { "address", N_("Address"), LL_FIELD_TEXT, 0, FALSE, N_("Premises") },
  { "opened-on", N_("Opened"), LL_FIELD_DATE },
  { "floor-area", N_("Floor area"), LL_FIELD_NUMBER },
  { "phone", N_("Phone"), LL_FIELD_PHONE },
  { "reception-schedule", N_("Reception schedule"), LL_FIELD_LONG_TEXT, 0, FALSE,
    N_("Receiving Constituents"),
    N_("As the station announces it, e.g. 每月10日接待选民. Reception days are days of the "
       "month separated by commas, e.g. 10,18.") },
  { "reception-days", N_("Reception days"), LL_FIELD_TEXT },
  { "notes", N_("Notes"), LL_FIELD_LONG_TEXT, 0, FALSE, N_("Notes") },
};

/* LlRecordForm shows a number of 0 as empty and reads empty as 0, while
 * a station without a recorded floor area holds -1: the form gets 0 and
 * the store gets -1 back. */
static LlStation *
for_form (LlStation *station)
{
  LlStation *copy = LL_STATION (ll_record_dup (G_OBJECT (station)));

  if (ll_station_get_floor_area (copy) == LL_STATION_FLOOR_AREA_UNSET)
    ll_station_set_floor_area (copy, 0.0);

  return copy;
}

static gboolean
save_station (LlDatabase  *db,
              GObject     *record,
              GError     **error)
{
  LlStation *station = LL_STATION (record);
  gboolean ok;

  if (ll_station_get_floor_area (station) == 0.0)
    ll_station_set_floor_area (station, LL_STATION_FLOOR_AREA_UNSET);

  if (ll_station_get_id (station) == 0)
    ok = ll_station_store_create (db, station, error);
  else
    ok = ll_station_store_update (db, station, error);

  if (ll_station_get_floor_area (station) == LL_STATION_FLOOR_AREA_UNSET)
    ll_station_set_floor_area (station, 0.0);

  return ok;
}

static GObject *
load_station (LlDatabase  *db,
              gint64       id,
              GError     **error)
{
  g_autoptr(LlStation) station = ll_station_store_get (db, id, error);

  if (station == NULL)
    return NULL;

  return G_OBJECT (for_form (station));
}

static void
clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

static GtkWidget *
tag_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (label, "station-tag");
  return label;
}

static GtkWidget *
plain_row (const char *title,
           const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/* The Cases page may offer “show this case”; rows open it only then. */
static gboolean
window_has_action (GtkWidget  *widget,
                   const char *name)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  const GVariantType *parameter_type = NULL;
  const char *action_name = NULL;
  const char *property_name = NULL;
  GType owner = G_TYPE_INVALID;

  if (root == NULL)
    return FALSE;

  /* GTK 4.8 fills every out argument: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (root), i, &owner, &action_name,
                                      &parameter_type, &property_name);
       i++)
    if (g_strcmp0 (action_name, name) == 0)
      return TRUE;

  if (G_IS_ACTION_GROUP (root) && g_str_has_prefix (name, "win.") &&
      g_action_group_has_action (G_ACTION_GROUP (root), name + 4))
    return TRUE;

  return FALSE;
}

static int
role_rank (const char *role)
{
  if (g_strcmp0 (role, "head") == 0)
    return 0;
  if (g_strcmp0 (role, "liaison_officer") == 0)
    return 1;
  return 2;
}

static int
compare_memberships (gconstpointer a,
                     gconstpointer b)
{
  LlMembership *ma = *(LlMembership **) a;
  LlMembership *mb = *(LlMembership **) b;
  int ra = role_rank (ll_membership_get_station_role (ma));
  int rb = role_rank (ll_membership_get_station_role (mb));

  if (ra != rb)
    return ra - rb;

  return g_strcmp0 (ll_membership_get_person_name (ma), ll_membership_get_person_name (mb));
}

static void
reload_people (LlStationDetail *self)
{
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  clear_list (self->people_list);

  memberships = ll_membership_store_list_by_station (self->database,
                                                     ll_station_get_id (self->station),
                                                     TRUE, &error);
  if (memberships == NULL)
    {
      gtk_list_box_append (self->people_list, plain_row (error->message, NULL));
      adw_preferences_group_set_title (self->people_group, _("People Stationed Here"));
      return;
    }

  g_ptr_array_sort (memberships, compare_memberships);

  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *membership = g_ptr_array_index (memberships, i);
      const char *role = ll_enum_get_label (LL_ENUM_PERSON_ROLE,
                                            ll_membership_get_person_role (membership));
      const char *level = ll_membership_get_person_level (membership);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      if (level != NULL)
        /* Translators: a person's role, then the level of congress they
         * were elected to: “Deputy · County” */
        subtitle = g_strdup_printf (C_("person role and level", "%s · %s"), role,
                                    ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL, level));
      else
        subtitle = g_strdup (role);

      row = plain_row (ll_membership_get_person_name (membership), subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tag_label (ll_enum_get_label (LL_ENUM_STATION_ROLE,
                                                               ll_membership_get_station_role (membership))));
      gtk_list_box_append (self->people_list, row);
    }

  if (memberships->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Person Stationed Here",
                                          "%u People Stationed Here", memberships->len),
                             memberships->len);
  adw_preferences_group_set_title (self->people_group,
                                   title != NULL ? title : _("People Stationed Here"));
}

static void
case_row_activated_cb (AdwActionRow *row,
                       gpointer      user_data)
{
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "ll-case-id"));

  gtk_widget_activate_action (GTK_WIDGET (row), "win.show-case", "x", id);
}

static void
reload_cases (LlStationDetail *self)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gboolean can_show = window_has_action (GTK_WIDGET (self), "win.show-case");
  guint shown;

  clear_list (self->cases_list);

  /* The station's own cases, as counted on its row in the tree. */
  filter.open_only = TRUE;
  filter.station_id = ll_station_get_id (self->station);
  filter.station_only = TRUE;

  ids = ll_case_store_query_ids (self->database, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, &error);
  if (ids != NULL)
    cases = ll_case_store_load_many (self->database, (const gint64 *) (gpointer) ids->data,
                                     MIN (ids->len, MAX_CASES), &error);
  if (cases == NULL)
    {
      gtk_list_box_append (self->cases_list, plain_row (error->message, NULL));
      adw_preferences_group_set_title (self->cases_group, _("Open Cases"));
      return;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      LlCase *kase = g_ptr_array_index (cases, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *serial;

      /* Translators: when a case was received, e.g. “Received 2025-03-01” */
      subtitle = g_strdup_printf (_("Received %s"), ll_case_get_received_on (kase));
      row = plain_row (ll_case_get_title (kase), subtitle);

      serial = gtk_label_new (ll_case_get_serial (kase));
      gtk_widget_add_css_class (serial, "numeric");
      gtk_widget_add_css_class (serial, "dim-label");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), serial);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 tag_label (ll_enum_get_label (LL_ENUM_CASE_STATUS,
                                                               ll_case_get_status (kase))));
      if (can_show)
        {
          g_object_set_data (G_OBJECT (row), "ll-case-id",
                             GSIZE_TO_POINTER ((gsize) ll_case_get_id (kase)));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_signal_connect (row, "activated", G_CALLBACK (case_row_activated_cb), NULL);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
        }
      gtk_list_box_append (self->cases_list, row);
    }

  shown = cases->len;
  if (ids->len > shown)
    {
      g_autofree char *more = NULL;
      GtkWidget *row;

      more = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %u more open case",
                                           "And %u more open cases", ids->len - shown),
                              ids->len - shown);
      row = plain_row (more, _("The Cases page lists them all."));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->cases_list, row);
    }

  if (ids->len > 0)
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Open Case", "%u Open Cases",
                                          ids->len),
                             ids->len);
  adw_preferences_group_set_title (self->cases_group, title != NULL ? title : _("Open Cases"));
}

/* The days of the month in “10,18”, sorted; invalid entries skipped. */
static GArray *
parse_days (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text ? text : "", ",", -1);
  GArray *days = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean seen[32] = { FALSE, };

  for (guint i = 0; parts[i] != NULL; i++)
    {
      int day = atoi (g_strstrip (parts[i]));

      if (day >= 1 && day <= 31)
        seen[day] = TRUE;
    }

  for (int day = 1; day <= 31; day++)
    if (seen[day])
      g_array_append_val (days, day);

  return days;
}

static void
update_reception (LlStationDetail *self)
{
  g_autoptr(GArray) days = parse_days (ll_station_get_reception_days (self->station));
  const char *schedule = ll_station_get_reception_schedule (self->station);
  g_autofree char *today_text = ll_date_today ();
  g_autoptr(GDateTime) today = NULL;
  int year, month;
  guint found = 0;

  clear_list (self->reception_list);

  if (schedule != NULL && *schedule != '\0')
    gtk_list_box_append (self->reception_list, plain_row (schedule, NULL));

  if (days->len == 0)
    {
      if (schedule == NULL || *schedule == '\0')
        gtk_list_box_append (self->reception_list,
                             plain_row (_("No reception days recorded"),
                                        _("Enter the days of the month above to see the "
                                          "coming ones here.")));
      return;
    }

  today = g_date_time_new_local (atoi (today_text), atoi (today_text + 5), atoi (today_text + 8),
                                 0, 0, 0);
  year = g_date_time_get_year (today);
  month = g_date_time_get_month (today);

  /* Walk months forward until enough days are found; a 31st is skipped
   * in shorter months. */
  for (guint step = 0; step < 24 && found < N_RECEPTION_DAYS; step++)
    {
      int days_in_month = g_date_get_days_in_month (month, year);

      for (guint i = 0; i < days->len && found < N_RECEPTION_DAYS; i++)
        {
          int day = g_array_index (days, int, i);
          g_autoptr(GDateTime) date = NULL;
          g_autofree char *title = NULL;
          g_autofree char *when = NULL;
          GTimeSpan span;
          int n_days;

          if (day > days_in_month)
            continue;

          date = g_date_time_new_local (year, month, day, 0, 0, 0);
          span = g_date_time_difference (date, today);
          if (span < 0)
            continue;

          n_days = (int) (span / G_TIME_SPAN_DAY);
          /* Translators: a reception day: the date, then the weekday */
          title = g_date_time_format (date, _("%Y-%m-%d, %A"));
          if (n_days == 0)
            when = g_strdup (_("Today"));
          else if (n_days == 1)
            when = g_strdup (_("Tomorrow"));
          else
            when = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "In %d day", "In %d days",
                                                 n_days),
                                    n_days);

          gtk_list_box_append (self->reception_list, plain_row (title, when));
          found++;
        }

      if (++month > 12)
        {
          month = 1;
          year++;
        }
    }
}

static void
update_header (LlStationDetail *self)
{
  GObject *record = ll_record_form_get_record (self->form);
  LlStation *shown = self->station;
  g_autoptr(GString) subtitle = g_string_new (NULL);
  const char *kind;

  if (self->is_new)
    {
      gtk_image_set_from_icon_name (self->kind_icon, "list-add-symbolic");
      gtk_label_set_text (self->title_label, _("New Station"));
      gtk_label_set_text (self->subtitle_label,
                          _("Fill in at least the name and the kind, then save."));
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
      return;
    }

  if (shown == NULL && record != NULL)
    shown = LL_STATION (record);
  if (shown == NULL)
    return;

  kind = ll_station_get_kind (shown);
  gtk_image_set_from_icon_name (self->kind_icon, ll_station_kind_get_icon_name (kind));
  gtk_label_set_text (self->title_label, ll_station_get_name (shown));

  /* The area is in the form; the header stays on one line. */
  g_string_append (subtitle, ll_enum_get_label (LL_ENUM_STATION_KIND, kind));
  /* A station read alone has no counts (-1). */
  if (self->station != NULL && ll_station_get_people_count (self->station) >= 0)
    {
      gint64 people = ll_station_get_people_count (self->station);
      gint64 open = MAX (ll_station_get_open_case_count (self->station), 0);

      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE, "%lld person", "%lld people", people),
                              (long long) people);
      g_string_append (subtitle, " · ");
      g_string_append_printf (subtitle,
                              g_dngettext (GETTEXT_PACKAGE, "%lld open case", "%lld open cases",
                                           open),
                              (long long) open);
    }
  gtk_label_set_text (self->subtitle_label, subtitle->str);

  if (self->gone)
    {
      gtk_label_set_text (self->state_label, _("Deleted"));
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
    }
  else if (!ll_station_get_active (shown))
    {
      const char *at = ll_station_get_archived_at (shown);
      g_autofree char *date = at != NULL ? g_strndup (at, 10) : NULL;
      g_autofree char *text = NULL;

      if (date != NULL)
        /* Translators: %s is a date */
        text = g_strdup_printf (_("Archived on %s"), date);
      gtk_label_set_text (self->state_label, text != NULL ? text : _("Archived"));
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), TRUE);
    }
  else
    {
      gtk_widget_set_visible (GTK_WIDGET (self->state_label), FALSE);
    }
}

static void
apply_pending_choices (LlStationDetail *self)
{
  if (!self->have_pending_choices)
    return;

  self->have_pending_choices = FALSE;
  if (self->pending_stations != NULL)
    ll_record_form_set_choices (self->form, "parent-id", self->pending_stations);
  if (self->pending_areas != NULL)
    ll_record_form_set_choices (self->form, "area-id", self->pending_areas);
  g_clear_object (&self->pending_stations);
  g_clear_object (&self->pending_areas);
}

/* Save and Revert show while there is something to save. */
static void
update_save_bar (LlStationDetail *self)
{
  gboolean dirty = ll_record_form_get_dirty (self->form);

  gtk_label_set_text (self->save_bar_label,
                      self->is_new ? _("A new station, not saved yet")
                                   : _("Changes not saved yet"));
  gtk_revealer_set_reveal_child (self->save_bar, dirty || self->is_new);
}

static void
form_dirty_cb (LlStationDetail *self,
               GParamSpec      *pspec,
               LlRecordForm    *form)
{
  update_save_bar (self);

  /* New choices wait until the user's edits are saved or reverted:
   * giving them to the form would reset the drop-downs. */
  if (!ll_record_form_get_dirty (form))
    apply_pending_choices (self);
}

static void
form_saved_cb (LlStationDetail *self,
               GObject         *record,
               LlRecordForm    *form)
{
  self->is_new = FALSE;
  self->gone = FALSE;
  update_header (self);
  update_save_bar (self);
  g_signal_emit (self, signals[SAVED], 0, record);
}

/* The roster of the station shown, in a window of its own. */
static void
roster_button_clicked_cb (LlStationDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LlRosterBoard *board;

  if (self->database == NULL || self->station == NULL || self->is_new)
    return;

  board = ll_roster_board_new (self->database, ll_station_get_id (self->station), self->editable);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (board), GTK_WINDOW (root));
  gtk_window_present (GTK_WINDOW (board));
}

static void
ll_station_detail_dispose (GObject *object)
{
  LlStationDetail *self = LL_STATION_DETAIL (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_STATION_DETAIL);

  g_clear_object (&self->database);
  g_clear_object (&self->station);
  g_clear_object (&self->pending_stations);
  g_clear_object (&self->pending_areas);

  G_OBJECT_CLASS (ll_station_detail_parent_class)->dispose (object);
}

static void
ll_station_detail_class_init (LlStationDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_station_detail_dispose;

  /**
   * LlStationDetail::saved:
   * @station: the station as saved, with its id and version
   *
   * The station shown (or the new one) was saved.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, LL_TYPE_STATION);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-station-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, kind_icon);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, state_label);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, content);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, people_group);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, people_list);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, reception_group);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, reception_list);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, roster_button);
  gtk_widget_class_bind_template_callback (widget_class, roster_button_clicked_cb);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, cases_group);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, cases_list);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, menu_button);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, save_bar);
  gtk_widget_class_bind_template_child (widget_class, LlStationDetail, save_bar_label);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-station-detail");
}

static void
ll_station_detail_init (LlStationDetail *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->editable = TRUE;

  self->form = ll_record_form_new (station_fields, G_N_ELEMENTS (station_fields));
  gtk_widget_set_name (GTK_WIDGET (self->form), "station-form");
  gtk_box_prepend (self->content, GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "notify::dirty", G_CALLBACK (form_dirty_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self,
                           G_CONNECT_SWAPPED);

  placeholder = gtk_label_new (_("Nobody is stationed here."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->people_list, placeholder);

  placeholder = gtk_label_new (_("No open cases."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->cases_list, placeholder);
}

void
ll_station_detail_set_database (LlStationDetail *self,
                                LlDatabase      *database)
{
  g_return_if_fail (LL_IS_STATION_DETAIL (self));
  g_return_if_fail (database == NULL || LL_IS_DATABASE (database));

  g_set_object (&self->database, database);
  ll_record_form_set_store (self->form, database, save_station, load_station);
  ll_station_detail_show_station (self, NULL);
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

void
ll_station_detail_set_editable (LlStationDetail *self,
                                gboolean         editable)
{
  GtkWidget *calendar;

  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  ll_record_form_set_editable (self->form, editable);
  self->editable = editable;

  /* The form leaves the date row's calendar button on; in a read-only
   * file it would still change the date. */
  calendar = find_descendant (ll_record_form_get_row (self->form, "opened-on"),
                              GTK_TYPE_MENU_BUTTON);
  if (calendar != NULL)
    gtk_widget_set_sensitive (calendar, editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), editable);
}

/**
 * ll_station_detail_set_hint:
 * @hint: whether to say how to choose a station when none is shown
 *
 * A file without stations says what to do once, in the list.
 */
void
ll_station_detail_set_hint (LlStationDetail *self,
                            gboolean         hint)
{
  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), hint);
}

/**
 * ll_station_detail_set_choices:
 * @stations: (nullable): #LlChoice items for “Belongs to”, “none” first
 * @areas: (nullable): #LlChoice items for “Area”, “none” first
 *
 * Gives the drop-downs their lists; while the user has unsaved edits
 * they wait, so that nothing the user chose is reset.
 */
void
ll_station_detail_set_choices (LlStationDetail *self,
                               GListModel      *stations,
                               GListModel      *areas)
{
  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  if (stations != NULL)
    g_set_object (&self->pending_stations, stations);
  if (areas != NULL)
    g_set_object (&self->pending_areas, areas);
  self->have_pending_choices = TRUE;

  if (!ll_record_form_get_dirty (self->form))
    apply_pending_choices (self);

  update_header (self);
}

/**
 * ll_station_detail_show_station:
 * @station: (nullable): the station, as read with its counts; %NULL to
 *   show that nothing is selected
 *
 * Shows @station, dropping unsaved edits: ask the user first.
 */
void
ll_station_detail_show_station (LlStationDetail *self,
                                LlStation       *station)
{
  g_autoptr(LlStation) record = NULL;
  gint64 t0 = g_get_monotonic_time ();

  g_return_if_fail (LL_IS_STATION_DETAIL (self));
  g_return_if_fail (station == NULL || LL_IS_STATION (station));

  self->is_new = FALSE;
  self->gone = FALSE;
  g_set_object (&self->station, station);

  if (station == NULL)
    {
      ll_record_form_set_record (self->form, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  record = for_form (station);
  ll_record_form_set_record (self->form, G_OBJECT (record));
  apply_pending_choices (self);

  gtk_widget_set_visible (GTK_WIDGET (self->people_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->reception_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), TRUE);
  update_header (self);
  update_save_bar (self);
  reload_people (self);
  update_reception (self);
  reload_cases (self);

  gtk_stack_set_visible_child_name (self->stack, "station");

  g_debug ("Showed station %" G_GINT64_FORMAT " in %.1f ms", ll_station_get_id (station),
           (g_get_monotonic_time () - t0) / 1000.0);
}

/**
 * ll_station_detail_show_new:
 * @parent_id: the station it will belong to, or 0
 * @kind: the kind to start with
 * @area_id: the area to start with, or 0
 *
 * Shows an empty station to fill in; saving creates it.
 */
void
ll_station_detail_show_new (LlStationDetail *self,
                            gint64           parent_id,
                            const char      *kind,
                            gint64           area_id)
{
  g_autoptr(LlStation) draft = ll_station_new ();
  g_autoptr(LlStation) record = NULL;

  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  ll_station_set_kind (draft, kind);
  ll_station_set_parent_id (draft, parent_id);
  ll_station_set_area_id (draft, area_id);

  g_clear_object (&self->station);
  self->is_new = TRUE;
  self->gone = FALSE;

  record = for_form (draft);
  ll_record_form_set_record (self->form, G_OBJECT (record));
  apply_pending_choices (self);

  gtk_widget_set_visible (GTK_WIDGET (self->people_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->reception_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cases_group), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->menu_button), FALSE);
  update_header (self);
  update_save_bar (self);

  gtk_stack_set_visible_child_name (self->stack, "station");
  ll_station_detail_focus_form (self);
}

/**
 * ll_station_detail_update:
 * @newer: the shown station as read again (another machine may have
 *   changed it), with its counts
 * @related_changed: whether its people or cases may have changed
 *
 * Refreshes what is shown without touching unsaved edits: with edits,
 * the form says that the station changed underneath.
 */
void
ll_station_detail_update (LlStationDetail *self,
                          LlStation       *newer,
                          gboolean         related_changed)
{
  GObject *record;

  g_return_if_fail (LL_IS_STATION_DETAIL (self));
  g_return_if_fail (LL_IS_STATION (newer));

  if (self->is_new || self->station == NULL ||
      ll_station_get_id (self->station) != ll_station_get_id (newer))
    return;

  g_set_object (&self->station, newer);
  self->gone = FALSE;

  record = ll_record_form_get_record (self->form);
  if (record == NULL || ll_record_get_version (record) != ll_station_get_version (newer))
    {
      g_autoptr(LlStation) copy = for_form (newer);

      ll_record_form_update_record (self->form, G_OBJECT (copy));
    }

  update_header (self);
  update_reception (self);
  if (related_changed)
    {
      reload_people (self);
      reload_cases (self);
    }
}

/**
 * ll_station_detail_show_gone:
 *
 * The shown station was deleted (by someone else); edits stay visible
 * so that the user can copy what they need.
 */
void
ll_station_detail_show_gone (LlStationDetail *self)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  if (self->is_new || self->station == NULL || self->gone)
    return;

  self->gone = TRUE;
  error = g_error_new_literal (LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                               _("Someone else deleted this station. Your changes cannot be "
                                 "saved; copy anything you still need."));
  ll_record_form_show_error (self->form, error, FALSE);
  update_header (self);
}

/**
 * ll_station_detail_get_station_id:
 *
 * Returns: the id of the station shown, or 0 for none or a new one
 */
gint64
ll_station_detail_get_station_id (LlStationDetail *self)
{
  g_return_val_if_fail (LL_IS_STATION_DETAIL (self), 0);

  if (self->is_new || self->station == NULL)
    return 0;

  return ll_station_get_id (self->station);
}

/**
 * ll_station_detail_get_station:
 *
 * Returns: (transfer none) (nullable): the station shown as last read
 */
LlStation *
ll_station_detail_get_station (LlStationDetail *self)
{
  g_return_val_if_fail (LL_IS_STATION_DETAIL (self), NULL);

  return self->is_new ? NULL : self->station;
}

gboolean
ll_station_detail_get_is_new (LlStationDetail *self)
{
  g_return_val_if_fail (LL_IS_STATION_DETAIL (self), FALSE);

  return self->is_new;
}

gboolean
ll_station_detail_get_dirty (LlStationDetail *self)
{
  g_return_val_if_fail (LL_IS_STATION_DETAIL (self), FALSE);

  return ll_record_form_get_dirty (self->form);
}

/**
 * ll_station_detail_get_form:
 *
 * Returns: (transfer none): the form with the station's fields
 */
LlRecordForm *
ll_station_detail_get_form (LlStationDetail *self)
{
  g_return_val_if_fail (LL_IS_STATION_DETAIL (self), NULL);

  return self->form;
}

/**
 * ll_station_detail_save:
 *
 * Saves the edits (or creates the new station) through the form, with
 * its conflict and Retry flows; #LlStationDetail::saved follows.
 *
 * Returns: whether it was saved at once
 */
gboolean
ll_station_detail_save (LlStationDetail *self)
{
  g_return_val_if_fail (LL_IS_STATION_DETAIL (self), FALSE);

  if (self->database == NULL || ll_record_form_get_record (self->form) == NULL)
    return FALSE;

  return ll_record_form_save (self->form);
}

void
ll_station_detail_revert (LlStationDetail *self)
{
  GObject *record;

  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  /* After a colleague's change the form still holds the version the
   * edits started from; reverting shows theirs. */
  record = ll_record_form_get_record (self->form);
  if (!self->is_new && self->station != NULL && record != NULL &&
      ll_record_get_version (record) != ll_station_get_version (self->station))
    {
      g_autoptr(LlStation) copy = for_form (self->station);

      ll_record_form_set_record (self->form, G_OBJECT (copy));
    }
  else
    {
      ll_record_form_revert (self->form);
    }
  update_header (self);
}

/**
 * ll_station_detail_focus_form:
 *
 * Puts the keyboard focus in the first field.
 */
void
ll_station_detail_focus_form (LlStationDetail *self)
{
  GtkWidget *row;

  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  row = ll_record_form_get_row (self->form, "name");
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

/**
 * ll_station_detail_set_show_back:
 *
 * Shows the button back to the list, for a narrow window where the list
 * and the station take turns.
 */
void
ll_station_detail_set_show_back (LlStationDetail *self,
                                 gboolean         show_back)
{
  g_return_if_fail (LL_IS_STATION_DETAIL (self));

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), show_back);
}

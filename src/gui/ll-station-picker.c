/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-station-picker"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-station-picker.h"
#include "ll-station-store.h"

/* A button that shows a station and, when pressed, a list of every open
 * station with a search entry: typing any part of a name (联络站, 东湖)
 * narrows the list, Enter takes the first station left, Down moves
 * into the list. The stations are read when the list is first opened
 * and again after a change to them. */

struct _LlStationPicker
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkMenuButton  *button;
  GtkLabel       *label;
  GtkPopover     *popover;
  GtkSearchEntry *search_entry;
  GtkStack       *stack;
  GtkListView    *list_view;

  /* Owned */
  LlDatabase         *database;
  GListStore         *stations;   /* LlChoice */
  GtkStringFilter    *filter;
  GtkFilterListModel *filtered;
  char               *none_label;
  gint64              selected_id;
  char               *selected_label;
  gboolean            stale;
};

enum {
  PROP_0,
  PROP_SELECTED_ID,
  PROP_NONE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlStationPicker, ll_station_picker, GTK_TYPE_WIDGET)

static void
load_stations (LlStationPicker *self)
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);

  self->stale = FALSE;

  if (self->none_label != NULL)
    g_ptr_array_add (choices, ll_choice_new (0, NULL, self->none_label));

  if (self->database != NULL)
    {
      stations = ll_station_store_list (self->database, 0, NULL, FALSE, &error);
      if (stations == NULL)
        g_warning ("Cannot list the stations: %s", error->message);
      for (guint i = 0; stations != NULL && i < stations->len; i++)
        {
          LlStation *station = g_ptr_array_index (stations, i);

          g_ptr_array_add (choices, ll_choice_new (ll_station_get_id (station),
                                                   ll_station_get_kind (station),
                                                   ll_station_get_name (station)));
        }
    }

  g_list_store_splice (self->stations, 0, g_list_model_get_n_items (G_LIST_MODEL (self->stations)),
                       choices->pdata, choices->len);
}

static void
update_label (LlStationPicker *self)
{
  const char *text = NULL;

  g_clear_pointer (&self->selected_label, g_free);

  if (self->selected_id != 0)
    {
      if (self->stale)
        load_stations (self);

      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->stations)); i++)
        {
          g_autoptr(LlChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->stations), i);

          if (ll_choice_get_id (choice) == self->selected_id)
            {
              self->selected_label = g_strdup (ll_choice_get_label (choice));
              break;
            }
        }
      /* Closed or deleted since: say so rather than show nothing. */
      if (self->selected_label == NULL)
        self->selected_label = g_strdup (_("Closed Station"));
      text = self->selected_label;
    }
  else
    {
      text = self->none_label != NULL ? self->none_label : _("Choose a Station…");
    }

  gtk_label_set_text (self->label, text);
}

static void
choose (LlStationPicker *self,
        LlChoice        *choice)
{
  gtk_popover_popdown (self->popover);
  ll_station_picker_set_selected_id (self, ll_choice_get_id (choice));
}

static void
update_stack (LlStationPicker *self)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) == 0;

  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "list");
}

static void
popover_show_cb (LlStationPicker *self,
                 GtkPopover      *popover)
{
  if (self->stale)
    load_stations (self);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_string_filter_set_search (self->filter, NULL);
  update_stack (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (LlStationPicker *self,
                   GtkSearchEntry  *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  gtk_string_filter_set_search (self->filter, *text ? text : NULL);
  update_stack (self);
}

static void
search_activate_cb (LlStationPicker *self,
                    GtkSearchEntry  *entry)
{
  g_autoptr(LlChoice) first = NULL;

  /* The filter may still be waiting for the search delay. */
  search_changed_cb (self, entry);
  first = g_list_model_get_item (G_LIST_MODEL (self->filtered), 0);
  if (first != NULL)
    choose (self, first);
}

static gboolean
search_key_pressed_cb (LlStationPicker       *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      g_list_model_get_n_items (G_LIST_MODEL (self->filtered)) > 0)
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
      return TRUE;
    }

  return FALSE;
}

static void
list_activate_cb (LlStationPicker *self,
                  guint            position,
                  GtkListView     *list_view)
{
  g_autoptr(LlChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);

  if (choice != NULL)
    choose (self, choice);
}

static void
database_changed_cb (LlStationPicker *self,
                     GPtrArray       *changes,
                     LlDatabase      *database)
{
  gboolean touched = changes == NULL;

  for (guint i = 0; !touched && i < changes->len; i++)
    touched = g_str_equal (((LlChange *) g_ptr_array_index (changes, i))->table, "stations");

  if (!touched)
    return;

  self->stale = TRUE;
  if (gtk_widget_get_visible (GTK_WIDGET (self->popover)))
    {
      load_stations (self);
      update_stack (self);
    }
  if (self->selected_id != 0)
    update_label (self);
}

static gboolean
ll_station_picker_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (LL_STATION_PICKER (widget)->button));
}

static gboolean
ll_station_picker_mnemonic_activate (GtkWidget *widget,
                                     gboolean   group_cycling)
{
  return gtk_widget_mnemonic_activate (GTK_WIDGET (LL_STATION_PICKER (widget)->button),
                                       group_cycling);
}

static void
ll_station_picker_dispose (GObject *object)
{
  LlStationPicker *self = LL_STATION_PICKER (object);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_STATION_PICKER);

  g_clear_object (&self->filtered);
  g_clear_object (&self->stations);

  G_OBJECT_CLASS (ll_station_picker_parent_class)->dispose (object);
}

static void
ll_station_picker_finalize (GObject *object)
{
  LlStationPicker *self = LL_STATION_PICKER (object);

  g_free (self->none_label);
  g_free (self->selected_label);

  G_OBJECT_CLASS (ll_station_picker_parent_class)->finalize (object);
}

static void
ll_station_picker_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LlStationPicker *self = LL_STATION_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      g_value_set_int64 (value, self->selected_id);
      break;
    case PROP_NONE_LABEL:
      g_value_set_string (value, self->none_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_station_picker_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  LlStationPicker *self = LL_STATION_PICKER (object);

  switch (prop_id)
    {
    case PROP_SELECTED_ID:
      ll_station_picker_set_selected_id (self, g_value_get_int64 (value));
      break;
    case PROP_NONE_LABEL:
      ll_station_picker_set_none_label (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_station_picker_class_init (LlStationPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_station_picker_dispose;
  object_class->finalize = ll_station_picker_finalize;
  object_class->get_property = ll_station_picker_get_property;
  object_class->set_property = ll_station_picker_set_property;

  widget_class->grab_focus = ll_station_picker_grab_focus;
  widget_class->mnemonic_activate = ll_station_picker_mnemonic_activate;

  /**
   * LlStationPicker:selected-id:
   *
   * The station chosen, or 0 for none (the “none” entry, when there is one).
   */
  properties[PROP_SELECTED_ID] =
    g_param_spec_int64 ("selected-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStationPicker:none-label:
   *
   * When set, the list begins with an entry of this label meaning “no
   * station”, e.g. “All Stations” in a filter.
   */
  properties[PROP_NONE_LABEL] =
    g_param_spec_string ("none-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-station-picker");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-station-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, LlStationPicker, button);
  gtk_widget_class_bind_template_child (widget_class, LlStationPicker, label);
  gtk_widget_class_bind_template_child (widget_class, LlStationPicker, popover);
  gtk_widget_class_bind_template_child (widget_class, LlStationPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlStationPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, LlStationPicker, list_view);
  gtk_widget_class_bind_template_callback (widget_class, popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
}

static void
ll_station_picker_init (LlStationPicker *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;
  GtkEventController *keys;
  GtkExpression *expression;

  g_type_ensure (LL_TYPE_CHOICE);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->stations = g_list_store_new (LL_TYPE_CHOICE);
  self->stale = TRUE;

  /* Any part of the name, Latin letters in either case. */
  expression = gtk_property_expression_new (LL_TYPE_CHOICE, NULL, "label");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  self->filtered = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (self->stations)),
                                              GTK_FILTER (self->filter));
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  keys = gtk_event_controller_key_new ();
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (search_key_pressed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  update_label (self);
}

GtkWidget *
ll_station_picker_new (void)
{
  return g_object_new (LL_TYPE_STATION_PICKER, NULL);
}

/**
 * ll_station_picker_set_database:
 * @database: (nullable): where the stations are read
 */
void
ll_station_picker_set_database (LlStationPicker *self,
                                LlDatabase      *database)
{
  g_return_if_fail (LL_IS_STATION_PICKER (self));
  g_return_if_fail (database == NULL || LL_IS_DATABASE (database));

  if (self->database == database)
    return;

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                             G_CONNECT_SWAPPED);

  self->stale = TRUE;
  self->selected_id = 0;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

gint64
ll_station_picker_get_selected_id (LlStationPicker *self)
{
  g_return_val_if_fail (LL_IS_STATION_PICKER (self), 0);

  return self->selected_id;
}

void
ll_station_picker_set_selected_id (LlStationPicker *self,
                                   gint64           station_id)
{
  g_return_if_fail (LL_IS_STATION_PICKER (self));

  if (self->selected_id == station_id)
    return;

  self->selected_id = station_id;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_ID]);
}

/**
 * ll_station_picker_get_label:
 *
 * Returns: what the button shows: the station's name, or the none label
 */
const char *
ll_station_picker_get_label (LlStationPicker *self)
{
  g_return_val_if_fail (LL_IS_STATION_PICKER (self), NULL);

  return gtk_label_get_text (self->label);
}

void
ll_station_picker_set_none_label (LlStationPicker *self,
                                  const char      *none_label)
{
  g_return_if_fail (LL_IS_STATION_PICKER (self));

  if (g_strcmp0 (self->none_label, none_label) == 0)
    return;

  g_free (self->none_label);
  self->none_label = g_strdup (none_label);
  self->stale = TRUE;
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NONE_LABEL]);
}

/**
 * ll_station_picker_popup:
 *
 * Opens the list, with the keyboard focus in its search entry.
 */
void
ll_station_picker_popup (LlStationPicker *self)
{
  g_return_if_fail (LL_IS_STATION_PICKER (self));

  gtk_menu_button_popup (self->button);
}

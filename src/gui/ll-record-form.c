/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-record-form"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-banner.h"
#include "ll-choice.h"
#include "ll-conflict-dialog.h"
#include "ll-database.h"
#include "ll-record-form.h"
#include "ll-validate.h"

/* The rows of a detail pane, one per column of a record, built from a
 * table of LlFieldSpec. The form keeps the record as loaded; what the
 * user typed stays in the rows until it is saved or reverted, whatever
 * happens to the record underneath. */

typedef struct {
  const LlFieldSpec *spec;
  GtkWidget         *row;
  GtkWidget         *input;      /* entry row, combo row, switch, text view, drop-down */
  GListModel        *choices;    /* LL_FIELD_CHOICE: LlChoice items, “none” first */
} Field;

struct _LlRecordForm
{
  GtkWidget parent_instance;

  /* Owned */
  GtkWidget         *box;
  LlBanner          *banner;
  const LlFieldSpec *specs;
  guint              n_specs;
  Field             *fields;
  GObject           *record;
  LlDatabase        *db;
  LlRecordSaveFunc   save_func;
  LlRecordLoadFunc   load_func;
  gboolean           dirty;
  gboolean           stale;
  gboolean           loading;
  gboolean           editable;
};

enum {
  PROP_0,
  PROP_DIRTY,
  PROP_STALE,
  N_PROPS
};

enum {
  CHANGED,
  RETRY,
  SAVED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void retry_save_cb (LlRecordForm *self);

G_DEFINE_FINAL_TYPE (LlRecordForm, ll_record_form, GTK_TYPE_WIDGET)

static Field *
find_field (LlRecordForm *self,
            const char   *property)
{
  for (guint i = 0; i < self->n_specs; i++)
    if (g_str_equal (self->fields[i].spec->property, property))
      return &self->fields[i];

  return NULL;
}

static const char *
field_label (const Field *field)
{
  return g_dgettext (GETTEXT_PACKAGE, field->spec->label);
}

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* Whether what is typed has the right shape; the record's own
 * validation decides the rest when saving. */
static gboolean
field_text_ok (const Field *field,
               const char  *text)
{
  char *end = NULL;

  if (text == NULL || *text == '\0')
    return TRUE;

  switch (field->spec->kind)
    {
    case LL_FIELD_DATE:
      return ll_date_is_valid (text);
    case LL_FIELD_PHONE:
      return ll_phone_is_valid (text);
    case LL_FIELD_INTEGER:
      g_ascii_strtoll (text, &end, 10);
      return end != NULL && *end == '\0';
    case LL_FIELD_NUMBER:
      g_ascii_strtod (text, &end);
      return end != NULL && *end == '\0';
    default:
      return TRUE;
    }
}

/* Writes the row's value into @target's property. */
static gboolean
apply_field (LlRecordForm  *self,
             const Field   *field,
             GObject       *target,
             GError       **error)
{
  const LlFieldSpec *spec = field->spec;
  g_autofree char *text = NULL;

  switch (spec->kind)
    {
    case LL_FIELD_TEXT:
    case LL_FIELD_DATE:
    case LL_FIELD_PHONE:
    case LL_FIELD_INTEGER:
    case LL_FIELD_NUMBER:
      text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (field->input))));
      if (!field_text_ok (field, text))
        {
          if (spec->kind == LL_FIELD_DATE)
            return ll_validate_date (text, field_label (field), error);
          if (spec->kind == LL_FIELD_PHONE)
            return ll_validate_phone (text, field_label (field), error);
          /* Translators: the first %s is a field, the second what was typed */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("%s: “%s” is not a number."), field_label (field), text);
          return FALSE;
        }
      if (spec->kind == LL_FIELD_INTEGER)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (target),
                                                            spec->property);
          gint64 number = *text ? g_ascii_strtoll (text, NULL, 10) : 0;

          if (pspec->value_type == G_TYPE_INT)
            g_object_set (target, spec->property, (int) number, NULL);
          else
            g_object_set (target, spec->property, number, NULL);
        }
      else if (spec->kind == LL_FIELD_NUMBER)
        g_object_set (target, spec->property, *text ? g_ascii_strtod (text, NULL) : 0.0, NULL);
      else
        g_object_set (target, spec->property, *text ? text : NULL, NULL);
      return TRUE;

    case LL_FIELD_LONG_TEXT:
      text = text_view_get_text (GTK_TEXT_VIEW (field->input));
      g_object_set (target, spec->property, *text ? text : NULL, NULL);
      return TRUE;

    case LL_FIELD_ENUM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->input));
        const char *key;

        /* Optional enumerations offer “Not Set” first. */
        if (!spec->required)
          key = selected == 0 ? NULL : ll_enum_get_key (spec->enumeration, selected - 1);
        else
          key = ll_enum_get_key (spec->enumeration, selected);
        g_object_set (target, spec->property, key, NULL);
        return TRUE;
      }

    case LL_FIELD_BOOLEAN:
      g_object_set (target, spec->property,
                    gtk_switch_get_active (GTK_SWITCH (field->input)), NULL);
      return TRUE;

    case LL_FIELD_CHOICE:
      {
        g_autoptr(LlChoice) choice = NULL;
        guint selected = gtk_drop_down_get_selected (GTK_DROP_DOWN (field->input));

        if (field->choices != NULL && selected != GTK_INVALID_LIST_POSITION)
          choice = g_list_model_get_item (field->choices, selected);
        /* Nothing chosen yet leaves the value as it was. */
        if (choice != NULL)
          g_object_set (target, spec->property, ll_choice_get_id (choice), NULL);
        return TRUE;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
load_field (LlRecordForm *self,
            Field        *field)
{
  const LlFieldSpec *spec = field->spec;
  GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (self->record),
                                                    spec->property);
  g_auto(GValue) value = G_VALUE_INIT;

  g_return_if_fail (pspec != NULL);

  g_value_init (&value, pspec->value_type);
  g_object_get_property (self->record, spec->property, &value);

  switch (spec->kind)
    {
    case LL_FIELD_TEXT:
    case LL_FIELD_DATE:
    case LL_FIELD_PHONE:
    case LL_FIELD_NUMBER:
    case LL_FIELD_INTEGER:
      {
        g_autofree char *text = NULL;

        if (G_VALUE_HOLDS_STRING (&value))
          text = g_value_dup_string (&value);
        else if (G_VALUE_HOLDS_INT64 (&value))
          text = g_strdup_printf ("%" G_GINT64_FORMAT, g_value_get_int64 (&value));
        else if (G_VALUE_HOLDS_INT (&value))
          text = g_strdup_printf ("%d", g_value_get_int (&value));
        else if (G_VALUE_HOLDS_DOUBLE (&value))
          text = g_value_get_double (&value) != 0.0
                 ? g_strdup_printf ("%g", g_value_get_double (&value)) : NULL;
        gtk_editable_set_text (GTK_EDITABLE (field->input), text ? text : "");
        gtk_widget_remove_css_class (field->row, "error");
        break;
      }

    case LL_FIELD_LONG_TEXT:
      {
        const char *text = g_value_get_string (&value);
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->input)),
                                  text ? text : "", -1);
        break;
      }

    case LL_FIELD_ENUM:
      {
        int position = ll_enum_find (spec->enumeration, g_value_get_string (&value));

        if (!spec->required)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), position + 1);
        else
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->input), MAX (position, 0));
        break;
      }

    case LL_FIELD_BOOLEAN:
      gtk_switch_set_active (GTK_SWITCH (field->input), g_value_get_boolean (&value));
      break;

    case LL_FIELD_CHOICE:
      {
        gint64 id = g_value_get_int64 (&value);
        guint position = GTK_INVALID_LIST_POSITION;

        for (guint i = 0; field->choices && i < g_list_model_get_n_items (field->choices); i++)
          {
            g_autoptr(LlChoice) choice = g_list_model_get_item (field->choices, i);

            if (ll_choice_get_id (choice) == id)
              {
                position = i;
                break;
              }
          }
        gtk_drop_down_set_selected (GTK_DROP_DOWN (field->input), position);
        break;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
update_dirty (LlRecordForm *self)
{
  g_autoptr(GObject) edited = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  gboolean dirty = FALSE;

  if (self->loading || self->record == NULL)
    return;

  /* Compare what the rows hold with the record as loaded; text that
   * does not parse yet counts as a change. */
  edited = ll_record_dup (self->record);
  for (guint i = 0; i < self->n_specs; i++)
    if (!apply_field (self, &self->fields[i], edited, NULL))
      dirty = TRUE;

  if (!dirty)
    {
      changes = ll_record_diff (self->record, edited);
      dirty = changes->len > 0;
    }

  if (dirty != self->dirty)
    {
      self->dirty = dirty;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
entry_changed_cb (LlRecordForm *self,
                  GtkEditable  *editable)
{
  Field *field = g_object_get_data (G_OBJECT (editable), "ll-field");
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (editable)));

  /* Shape errors show as the user types (a phone number, a date). */
  if (field_text_ok (field, text) || self->loading)
    gtk_widget_remove_css_class (field->row, "error");
  else
    gtk_widget_add_css_class (field->row, "error");

  update_dirty (self);
}

static void
something_changed_cb (LlRecordForm *self)
{
  update_dirty (self);
}

static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          Field       *field)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (field->input), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static void
calendar_popover_show_cb (GtkPopover *popover,
                          Field      *field)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->input));

  if (ll_date_is_valid (text))
    {
      int year = atoi (text), month = atoi (text + 5), day = atoi (text + 8);
      g_autoptr(GDateTime) date = g_date_time_new_local (year, month, day, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, field);
      gtk_calendar_select_day (calendar, date);
      g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, field);
    }
}

static GtkWidget *
make_row (LlRecordForm *self,
          Field        *field)
{
  const LlFieldSpec *spec = field->spec;
  const char *label = field_label (field);

  switch (spec->kind)
    {
    case LL_FIELD_TEXT:
    case LL_FIELD_PHONE:
    case LL_FIELD_INTEGER:
    case LL_FIELD_NUMBER:
    case LL_FIELD_DATE:
      {
        GtkWidget *row = adw_entry_row_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
        field->input = row;
        g_object_set_data (G_OBJECT (row), "ll-field", field);
        g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self,
                                 G_CONNECT_SWAPPED);
        if (spec->kind == LL_FIELD_PHONE)
          gtk_editable_set_max_width_chars (GTK_EDITABLE (row), 20);
        if (spec->kind == LL_FIELD_DATE)
          {
            GtkWidget *button = gtk_menu_button_new ();
            GtkWidget *popover = gtk_popover_new ();
            GtkWidget *calendar = gtk_calendar_new ();

            gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
            gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
            gtk_widget_add_css_class (button, "flat");
            gtk_widget_set_tooltip_text (button, _("Choose a Date"));
            gtk_popover_set_child (GTK_POPOVER (popover), calendar);
            gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
            g_signal_connect (calendar, "day-selected",
                              G_CALLBACK (calendar_day_selected_cb), field);
            g_signal_connect (popover, "show", G_CALLBACK (calendar_popover_show_cb), field);
            adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), button);
          }
        return row;
      }

    case LL_FIELD_LONG_TEXT:
      {
        GtkWidget *row = adw_preferences_row_new ();
        GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
        GtkWidget *title = gtk_label_new (label);
        GtkWidget *view = gtk_text_view_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
        gtk_widget_set_margin_start (box, 12);
        gtk_widget_set_margin_end (box, 12);
        gtk_widget_set_margin_top (box, 8);
        gtk_widget_set_margin_bottom (box, 8);
        gtk_label_set_xalign (GTK_LABEL (title), 0);
        gtk_widget_add_css_class (title, "caption");
        gtk_widget_add_css_class (title, "dim-label");
        gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
        gtk_widget_set_size_request (view, -1, 72);
        gtk_widget_add_css_class (view, "inline");
        gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        gtk_box_append (GTK_BOX (box), title);
        gtk_box_append (GTK_BOX (box), view);
        gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
        gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
        field->input = view;
        g_signal_connect_object (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                                 G_CALLBACK (something_changed_cb), self, G_CONNECT_SWAPPED);
        return row;
      }

    case LL_FIELD_ENUM:
      {
        GtkWidget *row = adw_combo_row_new ();
        g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);

        if (!spec->required)
          gtk_string_list_append (labels, _("Not Set"));
        for (guint i = 0; i < ll_enum_get_n_values (spec->enumeration); i++)
          gtk_string_list_append (labels, ll_enum_get_label_at (spec->enumeration, i));

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
        adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
        field->input = row;
        g_signal_connect_object (row, "notify::selected", G_CALLBACK (something_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        return row;
      }

    case LL_FIELD_BOOLEAN:
      {
        GtkWidget *row = adw_action_row_new ();
        GtkWidget *toggle = gtk_switch_new ();

        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
        gtk_widget_set_valign (toggle, GTK_ALIGN_CENTER);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), toggle);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), toggle);
        gtk_accessible_update_property (GTK_ACCESSIBLE (toggle),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        field->input = toggle;
        g_signal_connect_object (toggle, "notify::active", G_CALLBACK (something_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        return row;
      }

    case LL_FIELD_CHOICE:
      {
        GtkWidget *row = adw_action_row_new ();
        GtkExpression *expression;
        GtkWidget *dropdown;

        expression = gtk_property_expression_new (LL_TYPE_CHOICE, NULL, "label");
        dropdown = gtk_drop_down_new (NULL, expression);
        gtk_drop_down_set_enable_search (GTK_DROP_DOWN (dropdown), TRUE);
        gtk_widget_set_valign (dropdown, GTK_ALIGN_CENTER);
        gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), label);
        adw_action_row_add_suffix (ADW_ACTION_ROW (row), dropdown);
        adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), dropdown);
        field->input = dropdown;
        g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (something_changed_cb),
                                 self, G_CONNECT_SWAPPED);
        return row;
      }

    default:
      g_assert_not_reached ();
    }
}

static void
banner_button_clicked_cb (LlRecordForm *self,
                          LlBanner     *banner)
{
  g_signal_emit (self, signals[RETRY], 0);
}

static void
ll_record_form_dispose (GObject *object)
{
  LlRecordForm *self = LL_RECORD_FORM (object);

  for (guint i = 0; i < self->n_specs; i++)
    g_clear_object (&self->fields[i].choices);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->record);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ll_record_form_parent_class)->dispose (object);
}

static void
ll_record_form_finalize (GObject *object)
{
  LlRecordForm *self = LL_RECORD_FORM (object);

  g_free (self->fields);

  G_OBJECT_CLASS (ll_record_form_parent_class)->finalize (object);
}

static void
ll_record_form_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlRecordForm *self = LL_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_DIRTY:
      g_value_set_boolean (value, self->dirty);
      break;
    case PROP_STALE:
      g_value_set_boolean (value, self->stale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_record_form_class_init (LlRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_record_form_dispose;
  object_class->finalize = ll_record_form_finalize;
  object_class->get_property = ll_record_form_get_property;

  /**
   * LlRecordForm:dirty:
   *
   * Whether the rows hold changes that are not saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlRecordForm:stale:
   *
   * Whether the record changed underneath unsaved edits.
   */
  properties[PROP_STALE] =
    g_param_spec_boolean ("stale", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlRecordForm::changed:
   *
   * A row's value changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LlRecordForm::retry:
   *
   * The user asked to try the failed save again.
   */
  signals[RETRY] = g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * LlRecordForm::saved:
   * @record: the record as saved, with its new id and version
   *
   * ll_record_form_save() stored the record (possibly after the user
   * chose in the conflict dialog). Not emitted when the user kept the
   * colleague's version.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_OBJECT);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-record-form");
}

static void
ll_record_form_init (LlRecordForm *self)
{
  self->editable = TRUE;
  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  g_signal_connect (self, "retry", G_CALLBACK (retry_save_cb), NULL);

  self->banner = LL_BANNER (ll_banner_new ());
  g_signal_connect_object (self->banner, "button-clicked",
                           G_CALLBACK (banner_button_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (self->box), GTK_WIDGET (self->banner));
}

static gboolean save_record (LlRecordForm *self,
                             GObject      *record);

static void
retry_save_cb (LlRecordForm *self)
{
  /* A form without a store leaves Retry to whoever showed the error. */
  if (self->db != NULL && self->save_func != NULL)
    ll_record_form_save (self);
}

static void
conflict_response_cb (LlConflictDialog *dialog,
                      const char       *response,
                      LlRecordForm     *self)
{
  if (g_str_equal (response, "theirs"))
    {
      ll_record_form_set_record (self, ll_conflict_dialog_get_theirs (dialog));
    }
  else if (g_str_equal (response, "mine"))
    {
      g_autoptr(GObject) mine = ll_conflict_dialog_build_mine (dialog);

      /* Saved against their version: if yet another colleague saved in
       * the meantime, the dialog comes back with the newest version. */
      save_record (self, mine);
    }
}

static void
show_conflict (LlRecordForm *self,
               GObject      *mine,
               const GError *conflict)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) theirs = NULL;
  LlConflictDialog *dialog;
  GtkRoot *root;

  theirs = self->load_func (self->db, ll_record_get_id (mine), &error);
  if (theirs == NULL)
    {
      /* Deleted meanwhile: say so; the edit stays. */
      ll_record_form_show_error (self, error, FALSE);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ll_conflict_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   theirs, mine, self->specs, self->n_specs,
                                   conflict->message);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflict_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
save_record (LlRecordForm *self,
             GObject      *record)
{
  g_autoptr(GError) error = NULL;

  if (!self->save_func (self->db, record, &error))
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT))
        show_conflict (self, record, error);
      else
        ll_record_form_show_error (self, error,
                                   g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_BUSY) ||
                                   g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL) ||
                                   g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO));
      return FALSE;
    }

  ll_record_form_set_record (self, record);
  g_signal_emit (self, signals[SAVED], 0, record);
  return TRUE;
}

/**
 * ll_record_form_new:
 * @specs: (array length=n_specs): the fields, in the order shown; the
 *   table must outlive the form (a static table)
 */
LlRecordForm *
ll_record_form_new (const LlFieldSpec *specs,
                    guint              n_specs)
{
  LlRecordForm *self = g_object_new (LL_TYPE_RECORD_FORM, NULL);
  GtkWidget *group = NULL;

  self->specs = specs;
  self->n_specs = n_specs;
  self->fields = g_new0 (Field, n_specs);

  for (guint i = 0; i < n_specs; i++)
    {
      Field *field = &self->fields[i];

      field->spec = &specs[i];
      if (group == NULL || specs[i].group != NULL)
        {
          group = adw_preferences_group_new ();
          if (specs[i].group != NULL)
            adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                             g_dgettext (GETTEXT_PACKAGE, specs[i].group));
          if (specs[i].description != NULL)
            adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                                   g_dgettext (GETTEXT_PACKAGE,
                                                               specs[i].description));
          gtk_box_append (GTK_BOX (self->box), group);
        }

      field->row = make_row (self, field);
      gtk_widget_set_name (field->row, specs[i].property);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), field->row);
    }

  return self;
}

/**
 * ll_record_form_set_record:
 *
 * Shows @record, dropping any unsaved edits.
 */
void
ll_record_form_set_record (LlRecordForm *self,
                           GObject      *record)
{
  g_return_if_fail (LL_IS_RECORD_FORM (self));
  g_return_if_fail (record == NULL || G_IS_OBJECT (record));

  g_set_object (&self->record, record);

  self->loading = TRUE;
  if (record != NULL)
    for (guint i = 0; i < self->n_specs; i++)
      load_field (self, &self->fields[i]);
  self->loading = FALSE;

  ll_banner_hide (self->banner);

  if (self->dirty)
    {
      self->dirty = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
    }
  if (self->stale)
    {
      self->stale = FALSE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
    }
}

/**
 * ll_record_form_get_record:
 *
 * Returns: (transfer none) (nullable): the record as it was loaded
 */
GObject *
ll_record_form_get_record (LlRecordForm *self)
{
  g_return_val_if_fail (LL_IS_RECORD_FORM (self), NULL);

  return self->record;
}

/**
 * ll_record_form_update_record:
 * @newer: the same record as it is now in the database
 *
 * The record changed underneath (a colleague saved it). Without unsaved
 * edits the form simply shows @newer. With unsaved edits the edits stay,
 * the form says so, and saving will meet the conflict and show both
 * versions.
 */
void
ll_record_form_update_record (LlRecordForm *self,
                              GObject      *newer)
{
  g_return_if_fail (LL_IS_RECORD_FORM (self));
  g_return_if_fail (G_IS_OBJECT (newer));

  if (!self->dirty)
    {
      ll_record_form_set_record (self, newer);
      return;
    }

  if (self->record != NULL && ll_record_get_version (self->record) == ll_record_get_version (newer))
    return;

  ll_banner_set_button_label (self->banner, NULL);
  ll_banner_show (self->banner, LL_BANNER_WARNING,
                  _("Someone else changed this record while you were editing it. Your changes "
                    "are kept; when you save, you can compare both versions."));
  if (!self->stale)
    {
      self->stale = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STALE]);
    }
}

gboolean
ll_record_form_get_dirty (LlRecordForm *self)
{
  g_return_val_if_fail (LL_IS_RECORD_FORM (self), FALSE);

  return self->dirty;
}

gboolean
ll_record_form_get_stale (LlRecordForm *self)
{
  g_return_val_if_fail (LL_IS_RECORD_FORM (self), FALSE);

  return self->stale;
}

/**
 * ll_record_form_build:
 *
 * Returns: (transfer full) (nullable): a copy of the loaded record with
 *   the rows' values, its id and version those of the loaded record; or
 *   %NULL and a field error when a row cannot be read (a date or a
 *   number in the wrong shape)
 */
GObject *
ll_record_form_build (LlRecordForm  *self,
                      GError       **error)
{
  g_autoptr(GObject) edited = NULL;

  g_return_val_if_fail (LL_IS_RECORD_FORM (self), NULL);
  g_return_val_if_fail (self->record != NULL, NULL);

  edited = ll_record_dup (self->record);
  for (guint i = 0; i < self->n_specs; i++)
    if (!apply_field (self, &self->fields[i], edited, error))
      {
        gtk_widget_add_css_class (self->fields[i].row, "error");
        gtk_widget_grab_focus (self->fields[i].input);
        return NULL;
      }

  return g_steal_pointer (&edited);
}

/**
 * ll_record_form_revert:
 *
 * Drops the unsaved edits.
 */
void
ll_record_form_revert (LlRecordForm *self)
{
  g_autoptr(GObject) record = NULL;

  g_return_if_fail (LL_IS_RECORD_FORM (self));

  if (self->record != NULL)
    {
      record = g_object_ref (self->record);
      ll_record_form_set_record (self, record);
    }
}

void
ll_record_form_set_editable (LlRecordForm *self,
                             gboolean      editable)
{
  g_return_if_fail (LL_IS_RECORD_FORM (self));

  self->editable = editable;
  for (guint i = 0; i < self->n_specs; i++)
    {
      GtkWidget *input = self->fields[i].input;

      if (GTK_IS_EDITABLE (input))
        gtk_editable_set_editable (GTK_EDITABLE (input), editable);
      else if (GTK_IS_TEXT_VIEW (input))
        gtk_text_view_set_editable (GTK_TEXT_VIEW (input), editable);
      else
        gtk_widget_set_sensitive (input, editable);
    }
}

/**
 * ll_record_form_set_choices:
 * @choices: (transfer none): #LlChoice items; a choice with id 0 means
 *   “none”
 *
 * Gives a %LL_FIELD_CHOICE row its list (stations, departments …).
 */
void
ll_record_form_set_choices (LlRecordForm *self,
                            const char   *property,
                            GListModel   *choices)
{
  Field *field;

  g_return_if_fail (LL_IS_RECORD_FORM (self));

  field = find_field (self, property);
  g_return_if_fail (field != NULL && field->spec->kind == LL_FIELD_CHOICE);

  g_set_object (&field->choices, choices);
  self->loading = TRUE;
  gtk_drop_down_set_model (GTK_DROP_DOWN (field->input), choices);
  if (self->record != NULL)
    load_field (self, field);
  self->loading = FALSE;
}

/**
 * ll_record_form_show_error:
 * @can_retry: whether to offer Retry (busy, disk full, I/O)
 *
 * Says above the rows why the save failed; the edits stay.
 */
void
ll_record_form_show_error (LlRecordForm *self,
                           const GError *error,
                           gboolean      can_retry)
{
  g_return_if_fail (LL_IS_RECORD_FORM (self));
  g_return_if_fail (error != NULL);

  ll_banner_set_button_label (self->banner, can_retry ? _("_Retry") : NULL);
  ll_banner_show (self->banner, LL_BANNER_ERROR, error->message);
}

void
ll_record_form_clear_message (LlRecordForm *self)
{
  g_return_if_fail (LL_IS_RECORD_FORM (self));

  ll_banner_hide (self->banner);
}

/**
 * ll_record_form_get_row:
 *
 * Returns: (transfer none) (nullable): the row of @property
 */
GtkWidget *
ll_record_form_get_row (LlRecordForm *self,
                        const char   *property)
{
  Field *field;

  g_return_val_if_fail (LL_IS_RECORD_FORM (self), NULL);

  field = find_field (self, property);
  return field != NULL ? field->row : NULL;
}

const LlFieldSpec *
ll_record_form_get_specs (LlRecordForm *self,
                          guint        *n_specs)
{
  g_return_val_if_fail (LL_IS_RECORD_FORM (self), NULL);

  if (n_specs != NULL)
    *n_specs = self->n_specs;
  return self->specs;
}

/**
 * ll_record_form_set_store:
 * @save_func: saves a record (create or versioned update)
 * @load_func: loads a record as it is now, for the conflict dialog
 *
 * Lets ll_record_form_save() store the record.
 */
void
ll_record_form_set_store (LlRecordForm     *self,
                          LlDatabase       *db,
                          LlRecordSaveFunc  save_func,
                          LlRecordLoadFunc  load_func)
{
  g_return_if_fail (LL_IS_RECORD_FORM (self));

  g_set_object (&self->db, db);
  self->save_func = save_func;
  self->load_func = load_func;
}

/**
 * ll_record_form_save:
 *
 * Saves what the rows hold. When a colleague saved the record first,
 * shows both versions and lets the user keep theirs or their own; when
 * the database is busy, the disk is full or the share fails, the edit
 * stays in the form and the form offers Retry. Emits #LlRecordForm::saved
 * once the record is stored.
 *
 * Returns: whether the record was saved at once (%FALSE when it could
 *   not be, or when the conflict dialog is waiting for the user)
 */
gboolean
ll_record_form_save (LlRecordForm *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) record = NULL;

  g_return_val_if_fail (LL_IS_RECORD_FORM (self), FALSE);
  g_return_val_if_fail (self->db != NULL && self->save_func != NULL, FALSE);

  if (self->record == NULL)
    return FALSE;

  record = ll_record_form_build (self, &error);
  if (record == NULL)
    {
      ll_record_form_show_error (self, error, FALSE);
      return FALSE;
    }

  return save_record (self, record);
}

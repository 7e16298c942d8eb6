/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-person-assign-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-banner.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-person-assign-dialog.h"
#include "ll-station-picker.h"

/* Stations a person: which station and in which station role. The
 * store's rules apply and the dialog says beforehand what will happen:
 * deputies, voter representatives and council members serve one
 * station, so assigning them elsewhere moves them (the station left
 * keeps them in its history); the 三官一员, observers and experts may
 * also be kept at their other stations. A refusal (a station that
 * already has a head …) shows above the rows and the dialog stays open
 * with the choice made. */

struct _LlPersonAssignDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  LlBanner        *banner;
  GtkLabel        *explanation;
  LlStationPicker *station_picker;
  AdwComboRow     *role_row;
  AdwActionRow    *copy_row;
  GtkSwitch       *copy_switch;

  /* Owned */
  LlDatabase *database;
  LlPerson   *person;
  GPtrArray  *current;   /* LlMembership, the current ones */
};

enum {
  ASSIGNED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlPersonAssignDialog, ll_person_assign_dialog, ADW_TYPE_WINDOW)

static LlMembership *
primary_membership (LlPersonAssignDialog *self)
{
  for (guint i = 0; self->current != NULL && i < self->current->len; i++)
    {
      LlMembership *m = g_ptr_array_index (self->current, i);

      if (ll_membership_get_is_primary (m))
        return m;
    }

  return NULL;
}

static void
update_explanation (LlPersonAssignDialog *self)
{
  const char *name = ll_person_get_name (self->person);
  const char *role = ll_person_get_role (self->person);
  LlMembership *primary = primary_membership (self);
  g_autofree char *text = NULL;

  if (primary == NULL)
    /* Translators: %s is a person's name */
    text = g_strdup_printf (_("%s is not stationed anywhere yet."), name);
  else if (gtk_switch_get_active (self->copy_switch))
    /* Translators: a person's name, then a station's */
    text = g_strdup_printf (_("%s stays at %s and is also stationed at the station you "
                              "choose."), name, ll_membership_get_station_name (primary));
  else if (ll_person_role_can_serve_several_stations (role))
    /* Translators: a person's name, a station's, again the station's, then
     * a role such as “Judge” */
    text = g_strdup_printf (_("%s is stationed at %s. Assigning moves them to the station you "
                              "choose, and %s keeps them in its history. A %s may also serve "
                              "several stations: turn on Keep Other Stations for that."),
                            name, ll_membership_get_station_name (primary),
                            ll_membership_get_station_name (primary),
                            ll_enum_get_label (LL_ENUM_PERSON_ROLE, role));
  else
    /* Translators: a person's name, a station's, a role such as “Deputy”,
     * then the station's name again */
    text = g_strdup_printf (_("%s is stationed at %s. A %s serves one station: assigning moves "
                              "them to the station you choose, and %s keeps them in its "
                              "history."),
                            name, ll_membership_get_station_name (primary),
                            ll_enum_get_label (LL_ENUM_PERSON_ROLE, role),
                            ll_membership_get_station_name (primary));

  gtk_label_set_text (self->explanation, text);
}

static void
station_changed_cb (LlPersonAssignDialog *self,
                    GParamSpec           *pspec,
                    LlStationPicker      *picker)
{
  ll_banner_hide (self->banner);
}

static void
copy_changed_cb (LlPersonAssignDialog *self,
                 GParamSpec           *pspec,
                 GtkSwitch            *copy_switch)
{
  update_explanation (self);
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ll_person_assign_dialog_assign (LL_PERSON_ASSIGN_DIALOG (widget));
}

static void
ll_person_assign_dialog_dispose (GObject *object)
{
  LlPersonAssignDialog *self = LL_PERSON_ASSIGN_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PERSON_ASSIGN_DIALOG);

  g_clear_object (&self->database);
  g_clear_object (&self->person);
  g_clear_pointer (&self->current, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_person_assign_dialog_parent_class)->dispose (object);
}

static void
ll_person_assign_dialog_class_init (LlPersonAssignDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_person_assign_dialog_dispose;

  /**
   * LlPersonAssignDialog::assigned:
   * @membership: the person's membership at the station chosen
   * @left_station: (nullable): the station they moved away from
   *
   * The person was stationed; the dialog closes.
   */
  signals[ASSIGNED] = g_signal_new ("assigned", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                    G_TYPE_OBJECT, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-person-assign-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, banner);
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, explanation);
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, station_picker);
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, copy_row);
  gtk_widget_class_bind_template_child (widget_class, LlPersonAssignDialog, copy_switch);
  gtk_widget_class_bind_template_callback (widget_class, station_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, copy_changed_cb);

  gtk_widget_class_install_action (widget_class, "assign.assign", NULL, assign_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "assign.assign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "assign.assign", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_person_assign_dialog_init (LlPersonAssignDialog *self)
{
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);

  g_type_ensure (LL_TYPE_BANNER);
  g_type_ensure (LL_TYPE_STATION_PICKER);
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_STATION_ROLE); i++)
    gtk_string_list_append (roles, ll_enum_get_label_at (LL_ENUM_STATION_ROLE, i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
}

/**
 * ll_person_assign_dialog_new:
 * @person: a saved, active person
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
LlPersonAssignDialog *
ll_person_assign_dialog_new (GtkWindow  *parent,
                             LlDatabase *database,
                             LlPerson   *person)
{
  LlPersonAssignDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LL_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LL_IS_PERSON (person), NULL);

  self = g_object_new (LL_TYPE_PERSON_ASSIGN_DIALOG, "transient-for", parent, NULL);
  self->database = g_object_ref (database);
  self->person = g_object_ref (person);
  self->current = ll_membership_store_list_by_person (database, ll_person_get_id (person),
                                                      TRUE, &error);
  if (self->current == NULL)
    g_warning ("Cannot list the stations of a person: %s", error->message);

  adw_window_title_set_subtitle (self->window_title, ll_person_get_name (person));
  ll_station_picker_set_database (self->station_picker, database);

  /* Only the roles that serve several stations can keep the others. */
  gtk_widget_set_visible (GTK_WIDGET (self->copy_row),
                          primary_membership (self) != NULL &&
                          ll_person_role_can_serve_several_stations (ll_person_get_role (person)));
  update_explanation (self);

  gtk_widget_grab_focus (GTK_WIDGET (self->station_picker));

  return self;
}

/**
 * ll_person_assign_dialog_set_station:
 *
 * Chooses the station, as the user does in the list.
 */
void
ll_person_assign_dialog_set_station (LlPersonAssignDialog *self,
                                     gint64                station_id)
{
  g_return_if_fail (LL_IS_PERSON_ASSIGN_DIALOG (self));

  ll_station_picker_set_selected_id (self->station_picker, station_id);
}

/**
 * ll_person_assign_dialog_assign:
 *
 * Stations the person as chosen and closes the dialog, or says why not.
 *
 * Returns: whether the person was stationed
 */
gboolean
ll_person_assign_dialog_assign (LlPersonAssignDialog *self)
{
  g_autoptr(LlMembership) membership = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *left = NULL;
  gint64 station_id;
  const char *role;
  gboolean copy;
  LlMembership *primary;

  g_return_val_if_fail (LL_IS_PERSON_ASSIGN_DIALOG (self), FALSE);

  station_id = ll_station_picker_get_selected_id (self->station_picker);
  if (station_id == 0)
    {
      ll_banner_set_button_label (self->banner, NULL);
      ll_banner_show (self->banner, LL_BANNER_ERROR, _("Choose the station first."));
      gtk_widget_grab_focus (GTK_WIDGET (self->station_picker));
      return FALSE;
    }

  role = ll_enum_get_key (LL_ENUM_STATION_ROLE, adw_combo_row_get_selected (self->role_row));
  copy = gtk_widget_get_visible (GTK_WIDGET (self->copy_row)) &&
         gtk_switch_get_active (self->copy_switch);

  primary = primary_membership (self);
  if (!copy && primary != NULL && ll_membership_get_station_id (primary) != station_id)
    left = g_strdup (ll_membership_get_station_name (primary));

  membership = ll_membership_store_assign (self->database, ll_person_get_id (self->person),
                                           station_id, role, copy, &error);
  if (membership == NULL)
    {
      /* The choice stays; pressing Assign again tries again. */
      ll_banner_set_button_label (self->banner, NULL);
      ll_banner_show (self->banner, LL_BANNER_ERROR, error->message);
      return FALSE;
    }

  g_signal_emit (self, signals[ASSIGNED], 0, membership, left);
  gtk_window_destroy (GTK_WINDOW (self));

  return TRUE;
}

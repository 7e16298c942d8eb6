/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pairing-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database.h"
#include "ll-pairing-dialog.h"
#include "ll-pairing-store.h"

/* Adds or edits one of a deputy's pairings (挂钩联系): a left-behind
 * child, a household, a village, a school … The form saves through the
 * record form's flow, so a colleague's edit of the same pairing shows
 * both versions and a busy database offers Retry; the dialog closes
 * once the pairing is stored. Escape or Cancel changes nothing. */

struct _LlPairingDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkBox         *content;

  /* Owned */
  LlRecordForm *form;
};

G_DEFINE_FINAL_TYPE (LlPairingDialog, ll_pairing_dialog, ADW_TYPE_WINDOW)

static const LlFieldSpec pairing_fields[] = {
  { "kind", N_("Kind"), LL_FIELD_ENUM, LL_ENUM_PAIRING_KIND, TRUE, N_("Pairing") },
  { "name", N_("Name"), LL_FIELD_TEXT, 0, TRUE },
  { "contact", N_("Contact"), LL_FIELD_TEXT },
  { "address", N_("Address"), LL_FIELD_TEXT },
  { "since", N_("Since"), LL_FIELD_DATE },
  { "ended-on", N_("Ended"), LL_FIELD_DATE },
  { "notes", N_("Notes"), LL_FIELD_LONG_TEXT },
};

static gboolean
save_pairing (LlDatabase  *db,
              GObject     *record,
              GError     **error)
{
  if (ll_record_get_id (record) == 0)
    return ll_pairing_store_create (db, LL_PAIRING (record), error);
  return ll_pairing_store_update (db, LL_PAIRING (record), error);
}

static GObject *
load_pairing (LlDatabase  *db,
              gint64       id,
              GError     **error)
{
  return G_OBJECT (ll_pairing_store_get (db, id, error));
}

static void
form_saved_cb (LlPairingDialog *self,
               GObject         *record,
               LlRecordForm    *form)
{
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_pairing_dialog_save (LL_PAIRING_DIALOG (widget));
}

static void
ll_pairing_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LL_TYPE_PAIRING_DIALOG);

  G_OBJECT_CLASS (ll_pairing_dialog_parent_class)->dispose (object);
}

static void
ll_pairing_dialog_class_init (LlPairingDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_pairing_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-pairing-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPairingDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlPairingDialog, content);

  gtk_widget_class_install_action (widget_class, "pairing.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK,
                                       "pairing.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "pairing.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_pairing_dialog_init (LlPairingDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->form = ll_record_form_new (pairing_fields, G_N_ELEMENTS (pairing_fields));
  gtk_box_append (self->content, GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self,
                           G_CONNECT_SWAPPED);
}

/**
 * ll_pairing_dialog_new:
 * @pairing: the pairing to edit, or a new one (id 0) with its person set
 * @person_name: whose pairing it is, shown under the title
 *
 * Returns: (transfer none): the dialog, not shown yet
 */
LlPairingDialog *
ll_pairing_dialog_new (GtkWindow  *parent,
                       LlDatabase *database,
                       LlPairing  *pairing,
                       const char *person_name)
{
  LlPairingDialog *self;
  gboolean creating;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LL_IS_DATABASE (database), NULL);
  g_return_val_if_fail (LL_IS_PAIRING (pairing), NULL);

  creating = ll_pairing_get_id (pairing) == 0;
  self = g_object_new (LL_TYPE_PAIRING_DIALOG, "transient-for", parent, NULL);
  gtk_window_set_title (GTK_WINDOW (self), creating ? _("New Pairing") : _("Edit Pairing"));
  adw_window_title_set_title (self->window_title,
                              creating ? _("New Pairing") : _("Edit Pairing"));
  adw_window_title_set_subtitle (self->window_title, person_name);

  ll_record_form_set_store (self->form, database, save_pairing, load_pairing);
  ll_record_form_set_record (self->form, G_OBJECT (pairing));
  gtk_widget_grab_focus (ll_record_form_get_row (self->form, creating ? "name" : "kind"));

  return self;
}

/**
 * ll_pairing_dialog_get_form:
 *
 * Returns: (transfer none): the pairing's form
 */
LlRecordForm *
ll_pairing_dialog_get_form (LlPairingDialog *self)
{
  g_return_val_if_fail (LL_IS_PAIRING_DIALOG (self), NULL);

  return self->form;
}

/**
 * ll_pairing_dialog_save:
 *
 * Saves the pairing; the dialog closes once it is stored.
 *
 * Returns: whether it was stored now
 */
gboolean
ll_pairing_dialog_save (LlPairingDialog *self)
{
  g_return_val_if_fail (LL_IS_PAIRING_DIALOG (self), FALSE);

  return ll_record_form_save (self->form);
}

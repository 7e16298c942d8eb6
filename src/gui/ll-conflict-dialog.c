/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-conflict-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-conflict-dialog.h"

/* Shown when a colleague saved the record first: their version and the
 * user's side by side, field by field. The user keeps theirs, or saves
 * their own — taking single fields over from the colleague's version if
 * they like. Nothing is overwritten without this choice.
 *
 * Responses: "cancel" (go on editing), "theirs", "mine". */

struct _LlConflictDialog
{
  AdwMessageDialog parent_instance;

  /* Owned */
  GObject   *theirs;
  GObject   *mine;
  GPtrArray *fields;    /* property names that differ */
  GPtrArray *checks;    /* GtkCheckButton per field: use theirs */
};

G_DEFINE_FINAL_TYPE (LlConflictDialog, ll_conflict_dialog, ADW_TYPE_MESSAGE_DIALOG)

static GtkWidget *
value_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text != NULL && *text ? text : "—");

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  return label;
}

static GtkWidget *
heading_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
ll_conflict_dialog_dispose (GObject *object)
{
  LlConflictDialog *self = LL_CONFLICT_DIALOG (object);

  g_clear_object (&self->theirs);
  g_clear_object (&self->mine);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_conflict_dialog_parent_class)->dispose (object);
}

static void
ll_conflict_dialog_class_init (LlConflictDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_conflict_dialog_dispose;
}

static void
ll_conflict_dialog_init (LlConflictDialog *self)
{
}

/**
 * ll_conflict_dialog_new:
 * @theirs: the record as it is now in the database
 * @mine: the record as the user edited it
 * @specs: (array length=n_specs): the fields to compare and their labels
 * @explanation: (nullable): who saved first, e.g. the conflict error's
 *   message
 */
LlConflictDialog *
ll_conflict_dialog_new (GtkWindow         *parent,
                        GObject           *theirs,
                        GObject           *mine,
                        const LlFieldSpec *specs,
                        guint              n_specs,
                        const char        *explanation)
{
  LlConflictDialog *self;
  g_autoptr(GPtrArray) differing = NULL;
  GtkWidget *grid;
  GtkWidget *scrolled;
  int row = 1;

  g_return_val_if_fail (G_IS_OBJECT (theirs), NULL);
  g_return_val_if_fail (G_OBJECT_TYPE (theirs) == G_OBJECT_TYPE (mine), NULL);

  self = g_object_new (LL_TYPE_CONFLICT_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "heading", _("Someone Else Saved This Record First"),
                       "body", explanation != NULL
                                 ? explanation
                                 : _("A colleague saved this record while you were editing it."),
                       NULL);

  self->theirs = g_object_ref (theirs);
  self->mine = g_object_ref (mine);
  self->fields = g_ptr_array_new ();
  self->checks = g_ptr_array_new ();

  differing = ll_record_diff (theirs, mine);

  grid = gtk_grid_new ();
  gtk_grid_set_column_spacing (GTK_GRID (grid), 18);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Field")), 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Their Version")), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), heading_label (_("Your Version")), 2, 0, 1, 1);

  for (guint i = 0; i < n_specs; i++)
    {
      g_autofree char *theirs_text = NULL;
      g_autofree char *mine_text = NULL;
      GtkWidget *check;
      gboolean differs = FALSE;

      for (guint j = 0; j < differing->len; j++)
        if (g_str_equal (g_ptr_array_index (differing, j), specs[i].property))
          differs = TRUE;
      if (!differs)
        continue;

      theirs_text = ll_record_format_value (theirs, &specs[i]);
      mine_text = ll_record_format_value (mine, &specs[i]);

      gtk_grid_attach (GTK_GRID (grid),
                       gtk_label_new (g_dgettext (GETTEXT_PACKAGE, specs[i].label)), 0, row, 1, 1);
      gtk_widget_set_halign (gtk_grid_get_child_at (GTK_GRID (grid), 0, row), GTK_ALIGN_START);
      gtk_grid_attach (GTK_GRID (grid), value_label (theirs_text), 1, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), value_label (mine_text), 2, row, 1, 1);

      /* Translators: take this field's value from the colleague's version */
      check = gtk_check_button_new_with_mnemonic (_("Use _theirs"));
      gtk_widget_set_name (check, specs[i].property);
      gtk_grid_attach (GTK_GRID (grid), check, 3, row, 1, 1);

      g_ptr_array_add (self->fields, (gpointer) specs[i].property);
      g_ptr_array_add (self->checks, check);
      row++;
    }

  if (self->fields->len == 0)
    gtk_grid_attach (GTK_GRID (grid),
                     gtk_label_new (_("Both versions hold the same values.")), 0, row, 4, 1);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (self), scrolled);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (self),
                                    "cancel", _("_Go On Editing"),
                                    "theirs", _("Keep _Theirs"),
                                    "mine", _("Save _Mine"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (self), "mine",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (self), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (self), "cancel");

  return self;
}

/**
 * ll_conflict_dialog_get_theirs:
 *
 * Returns: (transfer none): the record as the colleague saved it
 */
GObject *
ll_conflict_dialog_get_theirs (LlConflictDialog *self)
{
  g_return_val_if_fail (LL_IS_CONFLICT_DIALOG (self), NULL);

  return self->theirs;
}

/**
 * ll_conflict_dialog_build_mine:
 *
 * Returns: (transfer full): the user's version with the fields ticked
 *   “Use theirs” taken from the colleague's, carrying the colleague's
 *   version number, so that saving it replaces theirs knowingly
 */
GObject *
ll_conflict_dialog_build_mine (LlConflictDialog *self)
{
  GObject *merged;

  g_return_val_if_fail (LL_IS_CONFLICT_DIALOG (self), NULL);

  merged = ll_record_dup (self->mine);
  for (guint i = 0; i < self->fields->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      ll_record_copy_property (self->theirs, merged, g_ptr_array_index (self->fields, i));

  ll_record_copy_property (self->theirs, merged, "version");
  return merged;
}

/**
 * ll_conflict_dialog_get_fields:
 *
 * Returns: (transfer none) (element-type utf8): the properties that differ
 */
GPtrArray *
ll_conflict_dialog_get_fields (LlConflictDialog *self)
{
  g_return_val_if_fail (LL_IS_CONFLICT_DIALOG (self), NULL);

  return self->fields;
}

void
ll_conflict_dialog_set_use_theirs (LlConflictDialog *self,
                                   const char       *property,
                                   gboolean          use_theirs)
{
  g_return_if_fail (LL_IS_CONFLICT_DIALOG (self));

  for (guint i = 0; i < self->fields->len; i++)
    if (g_str_equal (g_ptr_array_index (self->fields, i), property))
      gtk_check_button_set_active (g_ptr_array_index (self->checks, i), use_theirs);
}

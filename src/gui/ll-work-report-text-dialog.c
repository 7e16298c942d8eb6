/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-work-report-text-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-work-report-text-dialog.h"
#include "ll-work-report.h"

/* The “Edit Text…” step of a station work report: the report's usual
 * paragraphs, worked out from the period's records, one text view per
 * part, to be changed before the report is generated. “Use This Text”
 * emits ::apply with the parts; Cancel and Escape change nothing. */

struct _LlWorkReportTextDialog
{
  AdwWindow    parent_instance;

  /* Template widgets */
  GtkBox      *slots_box;

  /* Owned */
  GtkTextView *views[LL_WORK_REPORT_N_PARAGRAPHS];
  char       **defaults;
};

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlWorkReportTextDialog, ll_work_report_text_dialog, ADW_TYPE_WINDOW)

static const char *slot_titles[LL_WORK_REPORT_N_PARAGRAPHS] = {
  [LL_WORK_REPORT_INTRO] = N_("Opening"),
  [LL_WORK_REPORT_RECEPTIONS] = N_("Receptions at the Station"),
  [LL_WORK_REPORT_CATEGORIES] = N_("Cases by Category, before the Table"),
  [LL_WORK_REPORT_OUTCOMES] = N_("Handling and Satisfaction, after the Table"),
  [LL_WORK_REPORT_NEXT_STEPS] = N_("Next Steps and Closing"),
};

static void
set_texts (LlWorkReportTextDialog *self,
           const char * const     *texts)
{
  for (guint i = 0; i < LL_WORK_REPORT_N_PARAGRAPHS; i++)
    {
      const char *text = texts != NULL && g_strv_length ((char **) texts) > i ? texts[i] : "";

      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[i]), text, -1);
    }
}

static void
apply_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LlWorkReportTextDialog *self = LL_WORK_REPORT_TEXT_DIALOG (widget);
  g_auto(GStrv) paragraphs = ll_work_report_text_dialog_dup_paragraphs (self);

  g_signal_emit (self, signals[APPLY], 0, paragraphs);
  gtk_window_close (GTK_WINDOW (self));
}

static void
restore_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlWorkReportTextDialog *self = LL_WORK_REPORT_TEXT_DIALOG (widget);

  set_texts (self, (const char * const *) self->defaults);
}

static void
ll_work_report_text_dialog_dispose (GObject *object)
{
  LlWorkReportTextDialog *self = LL_WORK_REPORT_TEXT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_WORK_REPORT_TEXT_DIALOG);
  g_clear_pointer (&self->defaults, g_strfreev);

  G_OBJECT_CLASS (ll_work_report_text_dialog_parent_class)->dispose (object);
}

static void
ll_work_report_text_dialog_class_init (LlWorkReportTextDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_work_report_text_dialog_dispose;

  /**
   * LlWorkReportTextDialog::apply:
   * @paragraphs: the text of each part (LlWorkReportParagraph)
   *
   * The user chose “Use This Text”.
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                 NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRV);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-work-report-text-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlWorkReportTextDialog, slots_box);

  gtk_widget_class_install_action (widget_class, "text.apply", NULL, apply_action);
  gtk_widget_class_install_action (widget_class, "text.restore", NULL, restore_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "text.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "text.apply", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_work_report_text_dialog_init (LlWorkReportTextDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < LL_WORK_REPORT_N_PARAGRAPHS; i++)
    {
      GtkWidget *label = gtk_label_new (_(slot_titles[i]));
      GtkWidget *frame = gtk_frame_new (NULL);
      GtkWidget *view = gtk_text_view_new ();
      g_autofree char *name = g_strdup_printf ("text-slot-%u", i);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "heading");
      gtk_widget_set_margin_top (label, i > 0 ? 12 : 0);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);

      gtk_widget_set_name (view, name);
      gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
      gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
      gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
      gtk_widget_set_size_request (view, -1, 96);
      gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(slot_titles[i]), -1);
      gtk_frame_set_child (GTK_FRAME (frame), view);

      gtk_box_append (self->slots_box, label);
      gtk_box_append (self->slots_box, frame);
      self->views[i] = GTK_TEXT_VIEW (view);
    }
}

/**
 * ll_work_report_text_dialog_new:
 * @parent: the window it belongs to
 * @defaults: the report's usual parts (ll_work_report_get_default_paragraphs())
 * @current: (nullable): the text edited before, or %NULL for @defaults
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LlWorkReportTextDialog *
ll_work_report_text_dialog_new (GtkWindow          *parent,
                                const char * const *defaults,
                                const char * const *current)
{
  LlWorkReportTextDialog *self;

  g_return_val_if_fail (defaults != NULL, NULL);

  self = g_object_new (LL_TYPE_WORK_REPORT_TEXT_DIALOG, "transient-for", parent, NULL);
  self->defaults = g_strdupv ((char **) defaults);
  set_texts (self, current != NULL ? current : defaults);

  return self;
}

/**
 * ll_work_report_text_dialog_dup_paragraphs:
 *
 * Returns: (transfer full): the text of each part, as shown
 */
char **
ll_work_report_text_dialog_dup_paragraphs (LlWorkReportTextDialog *self)
{
  GStrvBuilder *builder;
  char **result;

  g_return_val_if_fail (LL_IS_WORK_REPORT_TEXT_DIALOG (self), NULL);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < LL_WORK_REPORT_N_PARAGRAPHS; i++)
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->views[i]);
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      g_strv_builder_add (builder, g_strstrip (text));
    }
  result = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);

  return result;
}

/**
 * ll_work_report_text_dialog_set_paragraph:
 *
 * Replaces the text of part @slot, as if typed.
 */
void
ll_work_report_text_dialog_set_paragraph (LlWorkReportTextDialog *self,
                                          guint                   slot,
                                          const char             *text)
{
  g_return_if_fail (LL_IS_WORK_REPORT_TEXT_DIALOG (self));
  g_return_if_fail (slot < LL_WORK_REPORT_N_PARAGRAPHS);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->views[slot]), text, -1);
}

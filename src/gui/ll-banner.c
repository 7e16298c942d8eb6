/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-banner"

#include "config.h"

#include "ll-banner.h"

/* A strip under the header bar that says something about the whole
 * database (read-only, no file locking, damaged), in the manner of
 * AdwBanner, which libadwaita 1.2 does not have. */

struct _LlBanner
{
  GtkWidget parent_instance;

  /* Owned */
  GtkWidget *revealer;
  GtkWidget *label;
  GtkWidget *button;
};

enum {
  BUTTON_CLICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlBanner, ll_banner, GTK_TYPE_WIDGET)

static const char *style_classes[] = { "info", "warning", "error" };

static void
button_clicked_cb (LlBanner  *self,
                   GtkButton *button)
{
  g_signal_emit (self, signals[BUTTON_CLICKED], 0);
}

static void
ll_banner_dispose (GObject *object)
{
  LlBanner *self = LL_BANNER (object);

  g_clear_pointer (&self->revealer, gtk_widget_unparent);

  G_OBJECT_CLASS (ll_banner_parent_class)->dispose (object);
}

static void
ll_banner_class_init (LlBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_banner_dispose;

  /**
   * LlBanner::button-clicked:
   *
   * The banner's button was clicked.
   */
  signals[BUTTON_CLICKED] = g_signal_new ("button-clicked", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-banner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ll_banner_init (LlBanner *self)
{
  GtkWidget *box;

  self->revealer = gtk_revealer_new ();
  gtk_revealer_set_transition_type (GTK_REVEALER (self->revealer),
                                    GTK_REVEALER_TRANSITION_TYPE_SLIDE_DOWN);
  gtk_widget_set_parent (self->revealer, GTK_WIDGET (self));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_add_css_class (box, "banner-content");
  gtk_revealer_set_child (GTK_REVEALER (self->revealer), box);

  self->label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0.5);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_box_append (GTK_BOX (box), self->label);

  self->button = gtk_button_new ();
  gtk_widget_set_valign (self->button, GTK_ALIGN_CENTER);
  gtk_widget_set_visible (self->button, FALSE);
  g_signal_connect_swapped (self->button, "clicked", G_CALLBACK (button_clicked_cb), self);
  gtk_box_append (GTK_BOX (box), self->button);
}

GtkWidget *
ll_banner_new (void)
{
  return g_object_new (LL_TYPE_BANNER, NULL);
}

/**
 * ll_banner_show:
 * @title: what to say, one sentence
 */
void
ll_banner_show (LlBanner      *self,
                LlBannerStyle  style,
                const char    *title)
{
  g_return_if_fail (LL_IS_BANNER (self));

  for (guint i = 0; i < G_N_ELEMENTS (style_classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self), style_classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self), style_classes[style]);

  gtk_label_set_text (GTK_LABEL (self->label), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), TRUE);
}

void
ll_banner_hide (LlBanner *self)
{
  g_return_if_fail (LL_IS_BANNER (self));

  gtk_revealer_set_reveal_child (GTK_REVEALER (self->revealer), FALSE);
}

gboolean
ll_banner_get_revealed (LlBanner *self)
{
  g_return_val_if_fail (LL_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (GTK_REVEALER (self->revealer));
}

const char *
ll_banner_get_title (LlBanner *self)
{
  g_return_val_if_fail (LL_IS_BANNER (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

/**
 * ll_banner_set_button_label:
 * @label: (nullable): the button's label, or %NULL for no button
 */
void
ll_banner_set_button_label (LlBanner   *self,
                            const char *label)
{
  g_return_if_fail (LL_IS_BANNER (self));

  if (label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->button), label);
  gtk_button_set_use_underline (GTK_BUTTON (self->button), TRUE);
  gtk_widget_set_visible (self->button, label != NULL);
}

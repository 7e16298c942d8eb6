/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-preferences-window.h"

struct _LlPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSwitch    *reopen_switch;
  AdwActionRow *database_row;
  AdwComboRow  *style_row;

  /* Owned */
  GSettings    *settings;
};

G_DEFINE_FINAL_TYPE (LlPreferencesWindow, ll_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Positions in the style row, and the settings keys they stand for. */
static const char *color_schemes[] = { "default", "light", "dark" };

static void
style_selected_cb (LlPreferencesWindow *self,
                   GParamSpec          *pspec,
                   AdwComboRow         *row)
{
  guint selected = adw_combo_row_get_selected (row);

  if (self->settings != NULL && selected < G_N_ELEMENTS (color_schemes))
    g_settings_set_string (self->settings, "color-scheme", color_schemes[selected]);
}

static void
ll_preferences_window_dispose (GObject *object)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ll_preferences_window_parent_class)->dispose (object);
}

static void
ll_preferences_window_class_init (LlPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, reopen_switch);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, database_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, style_row);
  gtk_widget_class_bind_template_callback (widget_class, style_selected_cb);
}

static void
ll_preferences_window_init (LlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

LlPreferencesWindow *
ll_preferences_window_new (GtkWindow *transient_for,
                           GSettings *settings)
{
  LlPreferencesWindow *self;
  g_autofree char *scheme = NULL;
  g_autofree char *database = NULL;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (LL_TYPE_PREFERENCES_WINDOW,
                       "transient-for", transient_for,
                       NULL);

  scheme = g_settings_get_string (settings, "color-scheme");
  for (guint i = 0; i < G_N_ELEMENTS (color_schemes); i++)
    if (g_strcmp0 (scheme, color_schemes[i]) == 0)
      adw_combo_row_set_selected (self->style_row, i);

  /* Set after the initial selection so that restoring it writes nothing. */
  self->settings = g_object_ref (settings);

  g_settings_bind (settings, "reopen-last-database",
                   self->reopen_switch, "active", G_SETTINGS_BIND_DEFAULT);

  database = g_settings_get_string (settings, "last-database");
  adw_action_row_set_subtitle (self->database_row,
                               database[0] != '\0' ? database : _("None open"));

  return self;
}

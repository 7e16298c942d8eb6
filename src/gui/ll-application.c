/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-application"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-application.h"
#include "ll-preferences-window.h"
#include "ll-resources.h"
#include "ll-window.h"

struct _LlApplication
{
  AdwApplication parent_instance;

  /* Owned */
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (LlApplication, ll_application, ADW_TYPE_APPLICATION)

static LlWindow *
ll_application_get_main_window (LlApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (LL_IS_WINDOW (window))
    return LL_WINDOW (window);

  for (const GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    if (LL_IS_WINDOW (l->data))
      return LL_WINDOW (l->data);

  return ll_window_new (self);
}

static void
apply_color_scheme (LlApplication *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autofree char *scheme = g_settings_get_string (self->settings, "color-scheme");

  if (g_strcmp0 (scheme, "light") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else if (g_strcmp0 (scheme, "dark") == 0)
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static void
color_scheme_changed_cb (LlApplication *self,
                         const char    *key,
                         GSettings     *settings)
{
  apply_color_scheme (self);
}

static void
ll_application_quit_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  LlApplication *self = user_data;

  /* Each main window saves its size, and a window holding unsaved work
   * (a case being typed in) asks first and may stay open; the application
   * ends with its last window. Dependent windows (the New Case form) go
   * with their main window and ask through it, so only main windows are
   * closed here. */
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l;)
    {
      GtkWindow *window = l->data;
      l = l->next;
      if (gtk_window_get_transient_for (window) == NULL)
        gtk_window_close (window);
    }
}

static void
ll_application_about_action (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  LlApplication *self = user_data;
  static const char *developers[] = { "The Lianluo developers", NULL };
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", window,
                        "modal", TRUE,
                        "application-icon", APP_ID,
                        "application-name", _("Lianluo"),
                        "comments", _("Keep the register of deputy liaison stations, follow the cases "
                                      "constituents raise to an answer, log deputies’ activities and "
                                      "print the office’s formal reports."),
                        "developer-name", _("The Lianluo developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "copyright", "© 2026 The Lianluo developers",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: put your names here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
ll_application_preferences_action (GSimpleAction *action,
                                   GVariant      *parameter,
                                   gpointer       user_data)
{
  LlApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (ll_application_get_main_window (self));
  LlPreferencesWindow *prefs = ll_preferences_window_new (window, self->settings);

  gtk_window_present (GTK_WINDOW (prefs));
}

static void
show_help_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GtkWindow) window = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (window, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkWidget *dialog;

      g_message ("Could not show help: %s", error->message);
      dialog = adw_message_dialog_new (window, _("Help Could Not Be Opened"), NULL);
      adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                      _("No help viewer is installed. Install “yelp” to read "
                                        "the user guide."));
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
    }
}

static void
ll_application_help_action (GSimpleAction *action,
                            GVariant      *parameter,
                            gpointer       user_data)
{
  LlApplication *self = user_data;
  GtkWindow *window = GTK_WINDOW (ll_application_get_main_window (self));

  gtk_show_uri_full (window, "help:lianluo", GDK_CURRENT_TIME, NULL,
                     show_help_cb, g_object_ref (window));
}

/* New and Open act on the window; the application forwards to it so
 * that the accelerators work wherever the focus is. */
static void
forward_to_window (LlApplication *self,
                   const char    *action_name)
{
  LlWindow *window = ll_application_get_main_window (self);

  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_activate_action (GTK_WIDGET (window), action_name, NULL);
}

static void
ll_application_new_database_action (GSimpleAction *action,
                                    GVariant      *parameter,
                                    gpointer       user_data)
{
  forward_to_window (user_data, "win.new-database");
}

static void
ll_application_open_database_action (GSimpleAction *action,
                                     GVariant      *parameter,
                                     gpointer       user_data)
{
  forward_to_window (user_data, "win.open-database");
}

static const GActionEntry app_actions[] = {
  { "quit", ll_application_quit_action },
  { "about", ll_application_about_action },
  { "preferences", ll_application_preferences_action },
  { "help", ll_application_help_action },
  { "new-database", ll_application_new_database_action },
  { "open-database", ll_application_open_database_action },
};

static void
ll_application_startup (GApplication *application)
{
  LlApplication *self = LL_APPLICATION (application);
  static const struct {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "app.new-database", { "<Control><Shift>n", NULL } },
    { "app.open-database", { "<Control>o", NULL } },
  };

  G_APPLICATION_CLASS (ll_application_parent_class)->startup (application);

  gtk_window_set_default_icon_name (APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);

  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           accels[i].action, accels[i].accels);

  g_signal_connect_object (self->settings, "changed::color-scheme",
                           G_CALLBACK (color_scheme_changed_cb), self, G_CONNECT_SWAPPED);
  apply_color_scheme (self);
}

static void
ll_application_activate (GApplication *application)
{
  LlApplication *self = LL_APPLICATION (application);
  LlWindow *window = ll_application_get_main_window (self);

  gtk_window_present (GTK_WINDOW (window));
  ll_window_open_initial (window);
}

static void
ll_application_open (GApplication  *application,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  LlApplication *self = LL_APPLICATION (application);
  LlWindow *window = ll_application_get_main_window (self);

  /* One database per window: the last file named wins. */
  if (n_files > 0)
    ll_window_open_file (window, files[n_files - 1]);

  gtk_window_present (GTK_WINDOW (window));
}

static void
ll_application_dispose (GObject *object)
{
  LlApplication *self = LL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (ll_application_parent_class)->dispose (object);
}

static void
ll_application_class_init (LlApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = ll_application_dispose;

  app_class->startup = ll_application_startup;
  app_class->activate = ll_application_activate;
  app_class->open = ll_application_open;

  /* Before GtkApplication's startup looks for gtk/help-overlay.ui. */
  ll_register_resource ();
}

static void
ll_application_init (LlApplication *self)
{
  self->settings = g_settings_new (APP_ID);
}

LlApplication *
ll_application_new (const char        *application_id,
                    GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (LL_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags,
                       "resource-base-path", "/org/lianluo/Lianluo",
                       NULL);
}

/**
 * ll_application_get_settings:
 *
 * Returns: (transfer none): the application's #GSettings
 */
GSettings *
ll_application_get_settings (LlApplication *self)
{
  g_return_val_if_fail (LL_IS_APPLICATION (self), NULL);

  return self->settings;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-window.h"

struct _LlWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar;
  AdwViewStack    *stack;
  AdwWindowTitle  *window_title;

  /* Owned */
  GSettings       *settings;
  GtkNativeDialog *file_chooser;
  GFile           *file;
};

G_DEFINE_FINAL_TYPE (LlWindow, ll_window, ADW_TYPE_APPLICATION_WINDOW)

/* The sidebar's order; Ctrl+1…5 follow it. */
static const char *page_names[] = { "stations", "people", "cases", "activities", "reports" };

static void
update_title (LlWindow *self)
{
  AdwViewStackPage *page;
  const char *title = NULL;

  page = adw_view_stack_get_page (self->stack, adw_view_stack_get_visible_child (self->stack));
  if (page != NULL)
    title = adw_view_stack_page_get_title (page);

  adw_window_title_set_title (self->window_title, title ? title : "");

  if (self->file != NULL)
    {
      g_autofree char *name = g_file_get_basename (self->file);
      adw_window_title_set_subtitle (self->window_title, name);
    }
  else
    {
      adw_window_title_set_subtitle (self->window_title, NULL);
    }
}

static GtkListBoxRow *
find_sidebar_row (LlWindow   *self,
                  const char *name)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LIST_BOX_ROW (child) && g_strcmp0 (gtk_widget_get_name (child), name) == 0)
        return GTK_LIST_BOX_ROW (child);
    }

  return NULL;
}

static void
stack_visible_child_cb (LlWindow   *self,
                        GParamSpec *pspec,
                        AdwViewStack *stack)
{
  const char *name = adw_view_stack_get_visible_child_name (stack);
  GtkListBoxRow *row = find_sidebar_row (self, name);

  if (row != NULL && gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);

  update_title (self);
}

static void
sidebar_row_activated_cb (LlWindow      *self,
                          GtkListBoxRow *row,
                          GtkListBox    *list_box)
{
  ll_window_set_page (self, gtk_widget_get_name (GTK_WIDGET (row)));
}

static void
back_clicked_cb (LlWindow  *self,
                 GtkButton *button)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ll_window_set_page (LL_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

static void
file_chooser_response_cb (LlWindow             *self,
                          int                   response,
                          GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        ll_window_open_file (self, file);
    }

  g_clear_object (&self->file_chooser);
}

static void
add_database_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) databases = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  gtk_file_filter_set_name (databases, _("Lianluo Databases"));
  gtk_file_filter_add_pattern (databases, "*.db");
  gtk_file_filter_add_pattern (databases, "*.sqlite");
  gtk_file_filter_add_mime_type (databases, "application/vnd.sqlite3");
  gtk_file_filter_add_mime_type (databases, "application/x-sqlite3");
  gtk_file_chooser_add_filter (chooser, databases);

  gtk_file_filter_set_name (all, _("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (chooser, all);
}

static void
run_file_chooser (LlWindow             *self,
                  GtkFileChooserAction  action)
{
  GtkFileChooserNative *chooser;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (self->file_chooser);
      return;
    }

  if (action == GTK_FILE_CHOOSER_ACTION_SAVE)
    {
      chooser = gtk_file_chooser_native_new (_("New Database"), GTK_WINDOW (self), action,
                                             _("_Create"), _("_Cancel"));
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), "lianluo.db");
    }
  else
    {
      chooser = gtk_file_chooser_native_new (_("Open Database"), GTK_WINDOW (self), action,
                                             _("_Open"), _("_Cancel"));
    }

  add_database_filters (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self, G_CONNECT_SWAPPED);

  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

static void
new_database_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  run_file_chooser (LL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_SAVE);
}

static void
open_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  run_file_chooser (LL_WINDOW (widget), GTK_FILE_CHOOSER_ACTION_OPEN);
}

static void
save_window_state (LlWindow *self)
{
  int width, height;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)) && width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
  g_settings_apply (self->settings);
}

static gboolean
ll_window_close_request (GtkWindow *window)
{
  save_window_state (LL_WINDOW (window));

  return GTK_WINDOW_CLASS (ll_window_parent_class)->close_request (window);
}

static void
ll_window_dispose (GObject *object)
{
  LlWindow *self = LL_WINDOW (object);

  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (self->file_chooser);
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_WINDOW);

  G_OBJECT_CLASS (ll_window_parent_class)->dispose (object);
}

static void
ll_window_finalize (GObject *object)
{
  LlWindow *self = LL_WINDOW (object);

  g_clear_object (&self->settings);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ll_window_parent_class)->finalize (object);
}

static void
ll_window_class_init (LlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ll_window_dispose;
  object_class->finalize = ll_window_finalize;

  window_class->close_request = ll_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lianluo/Lianluo/ll-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, window_title);
  gtk_widget_class_bind_template_callback (widget_class, stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  gtk_widget_class_install_action (widget_class, "win.new-database", NULL, new_database_action);
  gtk_widget_class_install_action (widget_class, "win.open-database", NULL, open_database_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);
}

static void
ll_window_init (LlWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (self->settings, "window-width"),
                               g_settings_get_int (self->settings, "window-height"));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));

  /* The stack does not notify for its first child. */
  adw_view_stack_set_visible_child_name (self->stack, page_names[0]);
  stack_visible_child_cb (self, NULL, self->stack);
}

LlWindow *
ll_window_new (LlApplication *application)
{
  g_return_val_if_fail (LL_IS_APPLICATION (application), NULL);

  return g_object_new (LL_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

/**
 * ll_window_open_file:
 * @file: the database file to show in this window
 *
 * Makes @file the window's database and remembers it for the next start.
 */
void
ll_window_open_file (LlWindow *self,
                     GFile    *file)
{
  g_autofree char *path = NULL;

  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  g_set_object (&self->file, file);

  path = g_file_get_path (file);
  if (path != NULL)
    g_settings_set_string (self->settings, "last-database", path);

  update_title (self);
}

/**
 * ll_window_get_page:
 *
 * Returns: the name of the visible page: `stations`, `people`, `cases`,
 *   `activities` or `reports`
 */
const char *
ll_window_get_page (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->stack);
}

void
ll_window_set_page (LlWindow   *self,
                    const char *page)
{
  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (page != NULL);

  if (adw_view_stack_get_child_by_name (self->stack, page) == NULL)
    {
      g_warning ("No page called “%s”", page);
      return;
    }

  adw_view_stack_set_visible_child_name (self->stack, page);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-window"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ll-banner.h"
#include "ll-case-intake.h"
#include "ll-case-store.h"
#include "ll-cases-page.h"
#include "ll-database.h"
#include "ll-demo.h"
#include "ll-page.h"
#include "ll-paths.h"
#include "ll-people-page.h"
#include "ll-person-store.h"
#include "ll-presence.h"
#include "ll-reports-page.h"
#include "ll-station-store.h"
#include "ll-stations-page.h"
#include "ll-window.h"

/* The list of colleagues who have the file open is refreshed this many
 * times slower than the database looks for their changes. */
#define PRESENCE_POLLS 3

struct _LlWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack        *main_stack;
  AdwLeaflet      *leaflet;
  GtkListBox      *sidebar;
  AdwViewStack    *stack;
  AdwWindowTitle  *window_title;
  LlBanner        *state_banner;
  LlBanner        *share_banner;
  GtkMenuButton   *presence_button;
  GtkLabel        *presence_label;
  GtkLabel        *presence_count;
  GtkLabel        *count_stations;
  GtkLabel        *count_people;
  GtkLabel        *count_cases;
  GtkLabel        *badge_overdue;
  GtkWidget       *welcome_buttons;
  GtkWidget       *demo_box;
  GtkLabel        *demo_label;
  GtkProgressBar  *demo_progress;

  /* Owned */
  GSettings       *settings;
  GtkNativeDialog *file_chooser;
  GFile           *file;
  LlDatabase      *database;
  GCancellable    *open_cancellable;
  GCancellable    *demo_cancellable;
  guint            presence_source;
  guint            counts_idle;
};

enum {
  PROP_0,
  PROP_DATABASE,
  PROP_EDITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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
  gboolean creating = gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) ==
                      GTK_FILE_CHOOSER_ACTION_SAVE;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL && creating)
        ll_window_create_file (self, file);
      else if (file != NULL)
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

gboolean
ll_window_get_editable (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), FALSE);

  return self->database != NULL &&
         !ll_database_get_read_only (self->database) &&
         !ll_database_get_damaged (self->database);
}

/* Each page of the stack that is an LlPage gets the database and
 * whether it may be edited. */
static void
update_pages (LlWindow *self)
{
  g_autoptr(GtkSelectionModel) pages = adw_view_stack_get_pages (self->stack);
  gboolean editable = ll_window_get_editable (self);

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (pages)); i++)
    {
      g_autoptr(AdwViewStackPage) page = g_list_model_get_item (G_LIST_MODEL (pages), i);
      GtkWidget *child = adw_view_stack_page_get_child (page);

      if (LL_IS_PAGE (child))
        {
          ll_page_set_database (LL_PAGE (child), self->database);
          ll_page_set_editable (LL_PAGE (child), editable);
        }
    }
}

static LlPage *
visible_page (LlWindow *self)
{
  GtkWidget *child = adw_view_stack_get_visible_child (self->stack);

  return LL_IS_PAGE (child) ? LL_PAGE (child) : NULL;
}

static void
focus_search_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LlPage *page = visible_page (LL_WINDOW (widget));

  if (page != NULL)
    ll_page_focus_search (page);
}

/* Ctrl+N from any page: the New Case form, when cases can be registered. */
static void
new_case_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  if (ll_window_get_editable (self))
    ll_case_intake_show (self);
}

static void
editable_changed_cb (LlWindow   *self,
                     GParamSpec *pspec,
                     gpointer    user_data)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-case", ll_window_get_editable (self));
}

/* Another page (or the New Case toast) shows a case: the Cases page
 * selects it, clearing the filters that hide it. */
static void
show_case_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_child_by_name (self->stack, "cases");

  if (!LL_IS_CASES_PAGE (page))
    return;

  ll_window_set_page (self, "cases");
  ll_cases_page_show_case (LL_CASES_PAGE (page), g_variant_get_int64 (parameter));
}

static void
update_banners (LlWindow *self)
{
  if (self->database == NULL)
    {
      ll_banner_hide (self->state_banner);
      ll_banner_hide (self->share_banner);
      return;
    }

  if (ll_database_get_damaged (self->database))
    ll_banner_show (self->state_banner, LL_BANNER_ERROR,
                    _("This database file is damaged. Nothing can be saved; restore it from a backup."));
  else if (ll_database_get_read_only (self->database))
    ll_banner_show (self->state_banner, LL_BANNER_INFO,
                    _("This database is read-only. You can look, but not change anything."));
  else
    ll_banner_hide (self->state_banner);

  if (ll_database_get_locking_disabled (self->database))
    ll_banner_show (self->share_banner, LL_BANNER_WARNING,
                    _("File locking is turned off on this network share. If colleagues save at the same time, changes can be lost; ask for the share to be mounted with locking."));
  else
    ll_banner_hide (self->share_banner);
}

static void
database_damaged_cb (LlWindow   *self,
                     GParamSpec *pspec,
                     LlDatabase *database)
{
  update_banners (self);
  update_pages (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
refresh_presence (LlWindow *self)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GString) text = NULL;
  g_autofree char *count = NULL;

  if (self->database == NULL ||
      (others = ll_database_list_presence (self->database, NULL)) == NULL ||
      others->len == 0)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->presence_button), FALSE);
      return;
    }

  text = g_string_new (_("Also open on:"));
  for (guint i = 0; i < others->len; i++)
    {
      LlPresence *presence = g_ptr_array_index (others, i);

      g_string_append_c (text, '\n');
      /* Translators: a colleague who has the database open: user name,
       * then the computer's name */
      g_string_append_printf (text, _("%s on %s"),
                              presence->user, presence->host);
    }

  gtk_label_set_text (self->presence_label, text->str);
  count = g_strdup_printf ("%u", others->len);
  gtk_label_set_text (self->presence_count, count);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->presence_button), text->str);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->presence_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text->str, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->presence_button), TRUE);
}

static gboolean
presence_timeout_cb (gpointer user_data)
{
  refresh_presence (user_data);
  return G_SOURCE_CONTINUE;
}

/* Takes @description, what a screen reader says for the number. */
static void
set_count (GtkLabel *label,
           gint64    count,
           char     *description)
{
  g_autofree char *owned = description;
  g_autofree char *text = NULL;

  if (count < 0)
    {
      gtk_label_set_text (label, "");
      return;
    }

  text = g_strdup_printf ("%" G_GINT64_FORMAT, count);
  gtk_label_set_text (label, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, owned, -1);
}

static void
update_counts (LlWindow *self)
{
  gint64 stations = -1, people = -1, open = -1, overdue = -1;

  if (self->database != NULL)
    {
      /* A failed count shows nothing rather than a wrong number. */
      stations = ll_station_store_count (self->database, FALSE, NULL);
      people = ll_person_store_count_active (self->database, NULL);
      open = ll_case_store_count_open (self->database, NULL);
      overdue = ll_case_store_count_overdue (self->database, NULL);
    }

  /* Translators: read out by screen readers beside “Stations” */
  set_count (self->count_stations, stations,
             g_strdup_printf (_("%lld stations"), (long long) stations));
  /* Translators: read out by screen readers beside “People” */
  set_count (self->count_people, people,
             g_strdup_printf (_("%lld active people"), (long long) people));
  /* Translators: read out by screen readers beside “Cases” */
  set_count (self->count_cases, open,
             g_strdup_printf (_("%lld open cases"), (long long) open));

  gtk_widget_set_visible (GTK_WIDGET (self->badge_overdue), overdue > 0);
  if (overdue > 0)
    {
      g_autofree char *tooltip = NULL;

      set_count (self->badge_overdue, overdue,
                 g_strdup_printf (_("%lld overdue cases"), (long long) overdue));
      tooltip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%lld case is past its deadline",
                                              "%lld cases are past their deadline", overdue),
                                 (long long) overdue);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->badge_overdue), tooltip);
    }
}

static gboolean
update_counts_idle_cb (gpointer user_data)
{
  LlWindow *self = user_data;

  self->counts_idle = 0;
  update_counts (self);
  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (LlWindow   *self,
                     GPtrArray  *changes,
                     LlDatabase *database)
{
  /* Several changes in a row cost one recount. */
  if (self->counts_idle == 0)
    self->counts_idle = g_idle_add_full (G_PRIORITY_LOW, update_counts_idle_cb, self, NULL);
}

static void
set_database (LlWindow   *self,
              LlDatabase *database,
              GFile      *file)
{
  if (self->database != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->database, self);
      ll_database_close (self->database);
      g_clear_object (&self->database);
    }
  g_clear_handle_id (&self->presence_source, g_source_remove);
  g_clear_handle_id (&self->counts_idle, g_source_remove);

  g_set_object (&self->file, file);

  if (database != NULL)
    {
      g_autofree char *path = g_file_get_path (file);

      self->database = g_object_ref (database);
      g_signal_connect_object (database, "notify::damaged",
                               G_CALLBACK (database_damaged_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (database, "changed",
                               G_CALLBACK (database_changed_cb), self, G_CONNECT_SWAPPED);
      self->presence_source = g_timeout_add (PRESENCE_POLLS *
                                             ll_database_get_poll_interval (database),
                                             presence_timeout_cb, self);
      if (path != NULL)
        g_settings_set_string (self->settings, "last-database", path);
      gtk_stack_set_visible_child_name (self->main_stack, "workspace");
    }
  else
    {
      gtk_stack_set_visible_child_name (self->main_stack, "welcome");
    }

  update_banners (self);
  refresh_presence (self);
  update_counts (self);
  update_title (self);
  update_pages (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
show_open_error (LlWindow     *self,
                 GFile        *file,
                 const GError *error)
{
  g_autofree char *name = g_file_get_basename (file);
  GtkWidget *dialog;

  /* Translators: %s is a file name */
  dialog = adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog),
                                     _("Could Not Open “%s”"), name);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  LlWindow *self;
  GFile    *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->file);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenData, open_data_free)

static void
open_finish_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(OpenData) data = user_data;
  LlWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) database = ll_database_open_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->open_cancellable);

  if (database == NULL)
    {
      /* Whatever was open stays open; otherwise back to the welcome page. */
      gtk_stack_set_visible_child_name (self->main_stack,
                                        self->database != NULL ? "workspace" : "welcome");
      show_open_error (self, data->file, error);
      return;
    }

  set_database (self, database, data->file);
}

static void
open_path (LlWindow            *self,
           GFile               *file,
           LlDatabaseOpenFlags  flags)
{
  g_autofree char *path = g_file_get_path (file);
  OpenData *data;

  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Only files on this computer or on a "
                                                       "mounted network share can be opened."));
      show_open_error (self, file, error);
      return;
    }

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  self->open_cancellable = g_cancellable_new ();

  gtk_stack_set_visible_child_name (self->main_stack, "opening");

  data = g_new0 (OpenData, 1);
  data->self = g_object_ref (self);
  data->file = g_object_ref (file);
  ll_database_open_async (path, flags, self->open_cancellable, open_finish_cb, data);
}

/**
 * ll_window_create_file:
 * @file: where the new database goes
 *
 * Creates a new, empty database at @file and opens it. A file that is
 * already there is never replaced — a colleague's data could be in it —
 * and the user is told to choose another name.
 */
void
ll_window_create_file (LlWindow *self,
                       GFile    *file)
{
  g_autoptr(GFileInfo) info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE,
                                                 G_FILE_QUERY_INFO_NONE, NULL, NULL);

  if (info != NULL && g_file_info_get_size (info) > 0)
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autoptr(GError) error = NULL;

      /* Translators: %s is a file name */
      error = g_error_new (G_IO_ERROR, G_IO_ERROR_EXISTS,
                           _("“%s” already exists. Choose another name for the new database, "
                             "or open this one with Open Database…"), name);
      show_open_error (self, file, error);
      return;
    }

  open_path (self, file, LL_DATABASE_OPEN_CREATE);
}

static void
create_default_database_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autofree char *path = ll_paths_default_database ();
  g_autofree char *folder = g_path_get_dirname (path);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                             _("The folder %s could not be created: %s"),
                                             folder, g_strerror (saved_errno));
      show_open_error (self, file, error);
      return;
    }

  ll_window_create_file (self, file);
}

/* Demonstration data -------------------------------------------------------- */

/* Try With Demo Data makes a sub-district office's worth of made-up
 * records (ll_demo_options_init()) in the user's data folder, next to
 * the default database, and opens it. It is made under another name and
 * renamed when complete, so a cancelled or failed run never leaves a
 * half-made demo.db behind; a demo.db that is there already is opened
 * as it is. */

typedef struct
{
  LlWindow   *self;
  LlDatabase *db;
  char       *partial;
  char       *path;
} DemoData;

static void
demo_data_free (DemoData *data)
{
  g_clear_object (&data->self);
  g_clear_object (&data->db);
  g_free (data->partial);
  g_free (data->path);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (DemoData, demo_data_free)

/* Removes a database file with its journal files; quietly. */
static void
remove_database_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat (path, suffixes[i], NULL);

      if (g_unlink (name) != 0 && errno != ENOENT)
        g_debug ("Could not remove “%s”: %s", name, g_strerror (errno));
    }
}

static void
show_demo_progress (LlWindow *self,
                    gboolean  making)
{
  gtk_widget_set_visible (self->welcome_buttons, !making);
  gtk_widget_set_visible (self->demo_box, making);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.demo-database", !making);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-demo", making);
  if (making)
    {
      gtk_progress_bar_set_fraction (self->demo_progress, 0);
      gtk_label_set_text (self->demo_label, _("Making demonstration data…"));
    }
}

static void
demo_progress_cb (double      fraction,
                  const char *phase,
                  gpointer    user_data)
{
  LlWindow *self = user_data;
  g_autofree char *text = NULL;

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  gtk_progress_bar_set_fraction (self->demo_progress, CLAMP (fraction, 0, 1));
  /* Translators: %s is what is being made now, e.g. “Cases” */
  text = g_strdup_printf (_("Making demonstration data: %s…"), phase);
  gtk_label_set_text (self->demo_label, text);
}

static void
demo_failed (DemoData     *data,
             const GError *error)
{
  LlWindow *self = data->self;

  if (data->db != NULL)
    ll_database_close (data->db);
  remove_database_files (data->partial);
  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  g_clear_object (&self->demo_cancellable);
  show_demo_progress (self, FALSE);

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autoptr(GFile) file = g_file_new_for_path (data->path);

      show_open_error (self, file, error);
    }
}

static void
demo_generated_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(DemoData) data = user_data;
  LlWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;

  if (!ll_demo_generate_finish (data->db, result, &error))
    {
      demo_failed (data, error);
      return;
    }

  ll_database_close (data->db);
  g_clear_object (&data->db);

  if (g_rename (data->partial, data->path) != 0)
    {
      int saved_errno = errno;

      g_set_error (&error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   /* Translators: the first %s is a file name, the second why */
                   _("The demonstration database could not be saved as “%s”: %s"),
                   data->path, g_strerror (saved_errno));
      demo_failed (data, error);
      return;
    }

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    return;

  g_clear_object (&self->demo_cancellable);
  show_demo_progress (self, FALSE);
  file = g_file_new_for_path (data->path);
  ll_window_open_file (self, file);
}

static void
demo_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(DemoData) data = user_data;
  LlWindow *self = data->self;
  g_autoptr(GError) error = NULL;
  LlDatabase *db;

  data->db = ll_database_open_finish (result, &error);
  if (data->db == NULL)
    {
      demo_failed (data, error);
      return;
    }

  if (gtk_widget_in_destruction (GTK_WIDGET (self)))
    {
      demo_failed (data, NULL);
      return;
    }

  db = data->db;
  ll_demo_generate_async (db, NULL, demo_progress_cb, g_object_ref (self), g_object_unref,
                          self->demo_cancellable, demo_generated_cb, g_steal_pointer (&data));
}

static void
demo_database_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);
  g_autofree char *default_path = ll_paths_default_database ();
  g_autofree char *folder = g_path_get_dirname (default_path);
  g_autoptr(DemoData) data = g_new0 (DemoData, 1);
  g_autoptr(GFile) file = NULL;
  const char *partial;

  if (self->demo_cancellable != NULL)
    return;

  data->self = g_object_ref (self);
  data->path = g_build_filename (folder, "demo.db", NULL);
  data->partial = g_strconcat (data->path, ".partial", NULL);
  file = g_file_new_for_path (data->path);

  if (g_file_test (data->path, G_FILE_TEST_EXISTS))
    {
      ll_window_open_file (self, file);
      return;
    }

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, g_io_error_from_errno (saved_errno),
                                             _("The folder %s could not be created: %s"),
                                             folder, g_strerror (saved_errno));
      show_open_error (self, file, error);
      return;
    }

  /* What an earlier run left when the computer stopped during it. */
  remove_database_files (data->partial);

  self->demo_cancellable = g_cancellable_new ();
  show_demo_progress (self, TRUE);
  partial = data->partial;
  ll_database_open_async (partial, LL_DATABASE_OPEN_CREATE, self->demo_cancellable,
                          demo_opened_cb, g_steal_pointer (&data));
}

static void
cancel_demo_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LlWindow *self = LL_WINDOW (widget);

  g_cancellable_cancel (self->demo_cancellable);
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

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_cancellable_cancel (self->demo_cancellable);
  g_clear_object (&self->demo_cancellable);
  g_clear_handle_id (&self->presence_source, g_source_remove);
  g_clear_handle_id (&self->counts_idle, g_source_remove);
  if (self->database != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->database, self);
      ll_database_close (self->database);
      g_clear_object (&self->database);
    }

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
ll_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlWindow *self = LL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;

    case PROP_EDITABLE:
      g_value_set_boolean (value, ll_window_get_editable (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_window_class_init (LlWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ll_window_dispose;
  object_class->finalize = ll_window_finalize;
  object_class->get_property = ll_window_get_property;

  /**
   * LlWindow:database:
   *
   * The open database, or %NULL on the welcome page.
   */
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, LL_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlWindow:editable:
   *
   * Whether the open database can be changed: not read-only, not
   * damaged. Edit controls bind their sensitivity to it.
   */
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  window_class->close_request = ll_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lianluo/Lianluo/ll-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LlWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, state_banner);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, share_banner);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, presence_button);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, presence_label);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, presence_count);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, count_stations);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, count_people);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, count_cases);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, badge_overdue);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, welcome_buttons);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, demo_box);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, LlWindow, demo_progress);
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
  gtk_widget_class_install_action (widget_class, "win.demo-database", NULL, demo_database_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-demo", NULL, cancel_demo_action);
  gtk_widget_class_install_action (widget_class, "win.create-default-database", NULL,
                                   create_default_database_action);

  for (guint i = 0; i < G_N_ELEMENTS (page_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_CONTROL_MASK,
                                         "win.show-page", "s", page_names[i]);

  gtk_widget_class_install_action (widget_class, "win.focus-search", NULL, focus_search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "win.focus-search", NULL);

  gtk_widget_class_install_action (widget_class, "win.show-case", "x", show_case_action);

  gtk_widget_class_install_action (widget_class, "win.new-case", NULL, new_case_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK,
                                       "win.new-case", NULL);
}

static void
ll_window_init (LlWindow *self)
{
  g_type_ensure (LL_TYPE_BANNER);
  g_type_ensure (LL_TYPE_CASES_PAGE);
  g_type_ensure (LL_TYPE_STATIONS_PAGE);
  g_type_ensure (LL_TYPE_PEOPLE_PAGE);
  g_type_ensure (LL_TYPE_REPORTS_PAGE);
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

  g_signal_connect (self, "notify::editable", G_CALLBACK (editable_changed_cb), NULL);
  editable_changed_cb (self, NULL, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.cancel-demo", FALSE);
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
 * Opens @file in the background and, once it opened, makes it the
 * window's database and remembers it for the next start. A file that is
 * refused (not a Lianluo database, too new, damaged …) is explained in a
 * dialog and whatever was open stays open.
 */
void
ll_window_open_file (LlWindow *self,
                     GFile    *file)
{
  g_return_if_fail (LL_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  open_path (self, file, LL_DATABASE_OPEN_NONE);
}

/**
 * ll_window_open_initial:
 *
 * Chooses the database at start: `LIANLUO_DB`, else the last database
 * when the preference says so and it still exists, else the default
 * database when it exists; otherwise the welcome page stays.
 */
void
ll_window_open_initial (LlWindow *self)
{
  const char *env = g_getenv ("LIANLUO_DB");
  g_autofree char *last = NULL;
  g_autofree char *fallback = NULL;
  g_autoptr(GFile) file = NULL;

  g_return_if_fail (LL_IS_WINDOW (self));

  if (self->database != NULL || self->open_cancellable != NULL)
    return;

  if (env != NULL && *env != '\0')
    {
      g_autofree char *path = ll_paths_resolve_database (NULL);

      file = g_file_new_for_path (path);
      ll_window_open_file (self, file);
      return;
    }

  last = g_settings_get_string (self->settings, "last-database");
  if (g_settings_get_boolean (self->settings, "reopen-last-database") && last[0] != '\0')
    {
      if (g_file_test (last, G_FILE_TEST_EXISTS))
        {
          file = g_file_new_for_path (last);
          ll_window_open_file (self, file);
          return;
        }
      else
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a file's path */
          message = g_strdup_printf (_("The last database, %s, is not there any more."), last);
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
        }
    }

  fallback = ll_paths_default_database ();
  if (g_file_test (fallback, G_FILE_TEST_EXISTS))
    {
      file = g_file_new_for_path (fallback);
      ll_window_open_file (self, file);
    }
}

/**
 * ll_window_get_database:
 *
 * Returns: (transfer none) (nullable): the open database
 */
LlDatabase *
ll_window_get_database (LlWindow *self)
{
  g_return_val_if_fail (LL_IS_WINDOW (self), NULL);

  return self->database;
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database.h"
#include "ll-fonts.h"
#include "ll-preferences-window.h"
#include "ll-window.h"

struct _LlPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSwitch    *reopen_switch;
  AdwActionRow *database_row;
  AdwComboRow  *style_row;
  AdwPreferencesPage  *reports_page;
  AdwPreferencesGroup *office_group;
  AdwEntryRow  *office_row;
  AdwEntryRow  *organ_mark_row;
  AdwEntryRow  *prefix_row;
  AdwActionRow *archive_row;
  GtkSwitch    *mask_switch;
  AdwPreferencesGroup *fonts_group;

  /* Owned */
  GSettings    *settings;
  LlDatabase   *database;
  GtkWidget    *font_rows[LL_FONT_N_ROLES];
  GtkFileChooserNative *chooser;
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

/* Reports ---------------------------------------------------------------------- */

/* The office's settings in the database, one key per row. */
static const char *
office_key (LlPreferencesWindow *self,
            AdwEntryRow         *row)
{
  if (row == self->office_row)
    return "office-name";
  if (row == self->organ_mark_row)
    return "organ-mark";
  return "document-number-prefix";
}

static void
load_office (LlPreferencesWindow *self)
{
  AdwEntryRow *rows[] = { self->office_row, self->organ_mark_row, self->prefix_row };
  gboolean editable = self->database != NULL && !ll_database_get_read_only (self->database) &&
                      !ll_database_get_damaged (self->database);

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      g_autofree char *value = NULL;

      if (self->database != NULL)
        value = ll_database_get_setting (self->database, office_key (self, rows[i]), NULL);
      gtk_editable_set_text (GTK_EDITABLE (rows[i]), value != NULL ? value : "");
      gtk_widget_set_sensitive (GTK_WIDGET (rows[i]), editable);
    }

  if (self->database == NULL)
    adw_preferences_group_set_description (self->office_group,
                                           _("Open a database to set the issuing office"));
  else if (!editable)
    adw_preferences_group_set_description (self->office_group,
                                           _("This database cannot be changed: it is read-only "
                                             "or damaged"));
}

static void
office_apply_cb (LlPreferencesWindow *self,
                 AdwEntryRow         *row)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *value = NULL;

  if (self->database == NULL)
    return;

  value = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  if (!ll_database_set_setting (self->database, office_key (self, row),
                                *value != '\0' ? value : NULL, &error))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (row), value);
}

static void
update_archive_row (LlPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "report-archive-folder");
  g_autofree char *display = folder[0] != '\0' ? g_filename_display_name (folder) : NULL;

  adw_action_row_set_subtitle (self->archive_row,
                               display != NULL ? display
                                               : _("None chosen: choose one before filing"));
}

static void
archive_response_cb (LlPreferencesWindow  *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree char *path = folder != NULL ? g_file_get_path (folder) : NULL;

      if (path != NULL)
        g_settings_set_string (self->settings, "report-archive-folder", path);
    }
  g_clear_object (&self->chooser);
}

static void
archive_clicked_cb (LlPreferencesWindow *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "report-archive-folder");

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Choose the Archive Folder"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Choose"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  if (folder[0] != '\0')
    {
      g_autoptr(GFile) current = g_file_new_for_path (folder);
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (self->chooser), current, NULL);
    }
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (archive_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static char *
chosen_family (LlPreferencesWindow *self,
               LlFontRole           role)
{
  g_autoptr(GVariant) fonts = g_settings_get_value (self->settings, "report-fonts");
  const char *family = NULL;

  if (g_variant_lookup (fonts, ll_font_role_key (role), "&s", &family) && *family != '\0')
    return g_strdup (family);
  return NULL;
}

static void
update_font_row (LlPreferencesWindow *self,
                 LlFontRole           role)
{
  GtkWidget *row = self->font_rows[role];
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "font-button");
  GtkWidget *reset = g_object_get_data (G_OBJECT (row), "reset-button");
  g_autofree char *family = chosen_family (self, role);

  if (family != NULL)
    {
      g_autofree char *font = g_strdup_printf ("%s 12", family);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), family);
      gtk_font_chooser_set_font (GTK_FONT_CHOOSER (button), font);
    }
  else
    {
      g_auto(GStrv) names = g_strsplit (ll_font_role_default_families (role), ",", -1);
      g_autofree char *list = g_strjoinv (", ", names);
      /* Translators: %s is a list of font families tried in order */
      g_autofree char *subtitle = g_strdup_printf (_("Default: %s"), list);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
    }
  gtk_widget_set_sensitive (reset, family != NULL);
}

static void
set_font_family (LlPreferencesWindow *self,
                 LlFontRole           role,
                 const char          *family)
{
  g_autoptr(GVariant) fonts = g_settings_get_value (self->settings, "report-fonts");
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{ss}"));
  GVariantIter iter;
  const char *key, *value;

  g_variant_iter_init (&iter, fonts);
  while (g_variant_iter_next (&iter, "{&s&s}", &key, &value))
    if (g_strcmp0 (key, ll_font_role_key (role)) != 0)
      g_variant_builder_add (&builder, "{ss}", key, value);
  if (family != NULL && *family != '\0')
    g_variant_builder_add (&builder, "{ss}", ll_font_role_key (role), family);

  g_settings_set_value (self->settings, "report-fonts", g_variant_builder_end (&builder));
  update_font_row (self, role);
}

static void
font_set_cb (GtkFontButton       *button,
             LlPreferencesWindow *self)
{
  LlFontRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role"));
  PangoFontFamily *family = gtk_font_chooser_get_font_family (GTK_FONT_CHOOSER (button));

  if (family != NULL)
    set_font_family (self, role, pango_font_family_get_name (family));
}

static void
font_reset_cb (GtkButton           *button,
               LlPreferencesWindow *self)
{
  LlFontRole role = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "role"));

  set_font_family (self, role, NULL);
}

static gboolean
chinese_family_filter (const PangoFontFamily *family,
                       const PangoFontFace   *face,
                       gpointer               user_data)
{
  return ll_font_family_has_chinese (pango_font_family_get_name ((PangoFontFamily *) family));
}

static void
add_font_rows (LlPreferencesWindow *self)
{
  const char *titles[LL_FONT_N_ROLES] = {
    [LL_FONT_ROLE_TITLE] = N_("Titles (小标宋)"),
    [LL_FONT_ROLE_BODY] = N_("Body Text (仿宋)"),
    [LL_FONT_ROLE_HEI] = N_("First-Level Headings (黑体)"),
    [LL_FONT_ROLE_KAI] = N_("Second-Level Headings (楷体)"),
    [LL_FONT_ROLE_SONG] = N_("Tables and Figures (宋体)"),
  };

  for (guint role = 0; role < LL_FONT_N_ROLES; role++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_font_button_new ();
      GtkWidget *reset = gtk_button_new_from_icon_name ("edit-undo-symbolic");
      g_autofree char *name = g_strdup_printf ("font-%s", ll_font_role_key (role));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(titles[role]));
      gtk_widget_set_name (row, name);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_font_chooser_set_level (GTK_FONT_CHOOSER (button), GTK_FONT_CHOOSER_LEVEL_FAMILY);
      gtk_font_chooser_set_filter_func (GTK_FONT_CHOOSER (button), chinese_family_filter, NULL,
                                        NULL);
      gtk_font_button_set_use_font (GTK_FONT_BUTTON (button), FALSE);
      gtk_font_button_set_title (GTK_FONT_BUTTON (button), _(titles[role]));
      gtk_font_chooser_set_preview_text (GTK_FONT_CHOOSER (button), "关于代表联络站工作情况的报告");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _(titles[role]), -1);
      g_object_set_data (G_OBJECT (button), "role", GUINT_TO_POINTER (role));
      g_signal_connect_object (button, "font-set", G_CALLBACK (font_set_cb), self, 0);

      gtk_widget_set_valign (reset, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (reset, "flat");
      gtk_widget_set_tooltip_text (reset, _("Use the Default Fonts"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (reset), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _("Use the Default Fonts"), -1);
      g_object_set_data (G_OBJECT (reset), "role", GUINT_TO_POINTER (role));
      g_signal_connect_object (reset, "clicked", G_CALLBACK (font_reset_cb), self, 0);

      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), reset);
      g_object_set_data (G_OBJECT (row), "font-button", button);
      g_object_set_data (G_OBJECT (row), "reset-button", reset);
      adw_preferences_group_add (self->fonts_group, row);
      self->font_rows[role] = row;
    }
}

static void
archive_setting_changed_cb (LlPreferencesWindow *self)
{
  update_archive_row (self);
}

static void
ll_preferences_window_dispose (GObject *object)
{
  LlPreferencesWindow *self = LL_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PREFERENCES_WINDOW);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_object (&self->settings);
  g_clear_object (&self->database);

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
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, reports_page);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, office_group);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, office_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, organ_mark_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, prefix_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, archive_row);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, mask_switch);
  gtk_widget_class_bind_template_child (widget_class, LlPreferencesWindow, fonts_group);
  gtk_widget_class_bind_template_callback (widget_class, style_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, office_apply_cb);
  gtk_widget_class_bind_template_callback (widget_class, archive_clicked_cb);
}

static void
ll_preferences_window_init (LlPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  add_font_rows (self);
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

  g_settings_bind (settings, "report-mask-personal-data",
                   self->mask_switch, "active", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::report-archive-folder",
                           G_CALLBACK (archive_setting_changed_cb), self, G_CONNECT_SWAPPED);
  update_archive_row (self);
  for (guint role = 0; role < LL_FONT_N_ROLES; role++)
    update_font_row (self, role);

  /* The office's settings live in the open database. */
  if (LL_IS_WINDOW (transient_for) && ll_window_get_database (LL_WINDOW (transient_for)) != NULL)
    self->database = g_object_ref (ll_window_get_database (LL_WINDOW (transient_for)));
  load_office (self);

  database = g_settings_get_string (settings, "last-database");
  adw_action_row_set_subtitle (self->database_row,
                               database[0] != '\0' ? database : _("None open"));

  return self;
}

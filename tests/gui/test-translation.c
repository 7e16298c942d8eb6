/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-translation"

#include "config.h"

#include <locale.h>

#include "ll-preferences-window.h"
#include "ll-test-gui.h"

/* Under zh_CN every string a user can see is Chinese: the window, its
 * pages, menus and tooltips, and the other windows it opens. */

static LlApplication *app;
static GPtrArray *untranslated;

static gboolean
is_chinese_enough (const char *text)
{
  gboolean has_latin = FALSE;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        return TRUE;
      if (c < 128 && g_ascii_isalpha (c))
        has_latin = TRUE;
    }

  /* Numbers, punctuation and the like need no translation. */
  return !has_latin;
}

/* The open database's file name and path are data the user chose, not
 * interface text. */
static const char *database_name = "lianluo.db";

static void
check_text (const char *where,
            const char *text)
{
  if (text == NULL || *text == '\0' || g_strcmp0 (text, database_name) == 0 ||
      g_path_is_absolute (text))
    return;

  if (!is_chinese_enough (text))
    g_ptr_array_add (untranslated, g_strdup_printf ("%s: “%s”", where, text));
}

static void
check_menu (GMenuModel *model)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *label = NULL;
      GMenuLinkIter *iter;
      const char *link;
      GMenuModel *sub;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        check_text ("menu item", label);

      iter = g_menu_model_iterate_item_links (model, i);
      while (g_menu_link_iter_get_next (iter, &link, &sub))
        {
          check_menu (sub);
          g_object_unref (sub);
        }
      g_object_unref (iter);
    }
}

static void
check_widget (GtkWidget *widget)
{
  const char *type = G_OBJECT_TYPE_NAME (widget);

  if (!gtk_widget_get_mapped (widget))
    return;

  /* Key caps such as “Ctrl” are the same in every language. */
  if (GTK_IS_SHORTCUT_LABEL (widget))
    return;

  if (GTK_IS_LABEL (widget))
    check_text (type, gtk_label_get_text (GTK_LABEL (widget)));
  if (GTK_IS_EDITABLE (widget))
    check_text (type, gtk_editable_get_text (GTK_EDITABLE (widget)));
  if (ADW_IS_WINDOW_TITLE (widget))
    {
      check_text (type, adw_window_title_get_title (ADW_WINDOW_TITLE (widget)));
      check_text (type, adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget)));
    }
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)))
    check_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (widget)));

  check_text ("tooltip", gtk_widget_get_tooltip_text (widget));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_widget (child);
}

static void
assert_all_translated (const char *where)
{
  if (untranslated->len > 0)
    {
      for (guint i = 0; i < untranslated->len; i++)
        g_test_message ("%s — not Chinese: %s", where, (char *) g_ptr_array_index (untranslated, i));
      g_test_fail_printf ("%u English strings in %s", untranslated->len, where);
    }
  g_ptr_array_set_size (untranslated, 0);
}

static gboolean
toplevel_shown (gpointer data)
{
  GtkWindow *window = ll_test_gui_find_toplevel (GPOINTER_TO_SIZE (data));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

static void
test_main_window (void)
{
  LlWindow *window = LL_WINDOW (ll_test_gui_find_toplevel (LL_TYPE_WINDOW));
  static const char *pages[] = { "stations", "people", "cases", "activities", "reports" };

  g_assert_nonnull (window);
  /* Let the welcome page's cross-fade finish. */
  ll_test_gui_spin (500);

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      ll_window_set_page (window, pages[i]);
      ll_test_gui_spin (100);
      check_text ("window title", gtk_window_get_title (GTK_WINDOW (window)));
      check_widget (GTK_WIDGET (window));
    }

  assert_all_translated ("the main window");
}

static void
check_other_window (GType       type,
                    const char *where)
{
  GtkWindow *window;

  g_assert_true (ll_test_gui_wait (toplevel_shown, GSIZE_TO_POINTER (type), 3000));
  window = ll_test_gui_find_toplevel (type);
  ll_test_gui_spin (100);

  check_text ("window title", gtk_window_get_title (window));
  check_widget (GTK_WIDGET (window));
  gtk_window_destroy (window);

  assert_all_translated (where);
}

static void
test_preferences (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  check_other_window (LL_TYPE_PREFERENCES_WINDOW, "the preferences");
}

static void
test_shortcuts (void)
{
  gtk_widget_activate_action (GTK_WIDGET (ll_test_gui_find_toplevel (LL_TYPE_WINDOW)),
                              "win.show-help-overlay", NULL);
  check_other_window (GTK_TYPE_SHORTCUTS_WINDOW, "the keyboard shortcuts");
}

static void
test_about (void)
{
  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  check_other_window (ADW_TYPE_ABOUT_WINDOW, "the about window");
}

int
main (int   argc,
      char *argv[])
{
  int ret;

  ll_test_gui_init (&argc, &argv);

  if (setlocale (LC_MESSAGES, NULL) == NULL ||
      !g_str_has_prefix (setlocale (LC_MESSAGES, NULL), "zh_CN"))
    {
      g_printerr ("The zh_CN.UTF-8 locale is missing; scripts/setup generates it.\n");
      return 1;
    }

  untranslated = g_ptr_array_new_with_free_func (g_free);
  app = ll_test_gui_start ();
  ll_test_gui_create_database ();

  g_test_add_func ("/translation/main-window", test_main_window);
  g_test_add_func ("/translation/preferences", test_preferences);
  g_test_add_func ("/translation/shortcuts", test_shortcuts);
  g_test_add_func ("/translation/about", test_about);

  ret = g_test_run ();

  g_clear_object (&app);
  g_clear_pointer (&untranslated, g_ptr_array_unref);
  return ret;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-page"

#include "config.h"

#include "ll-page.h"

G_DEFINE_INTERFACE (LlPage, ll_page, GTK_TYPE_WIDGET)

static void
ll_page_default_init (LlPageInterface *iface)
{
}

void
ll_page_set_database (LlPage     *self,
                      LlDatabase *database)
{
  g_return_if_fail (LL_IS_PAGE (self));

  if (LL_PAGE_GET_IFACE (self)->set_database)
    LL_PAGE_GET_IFACE (self)->set_database (self, database);
}

void
ll_page_set_editable (LlPage   *self,
                      gboolean  editable)
{
  g_return_if_fail (LL_IS_PAGE (self));

  if (LL_PAGE_GET_IFACE (self)->set_editable)
    LL_PAGE_GET_IFACE (self)->set_editable (self, editable);
}

void
ll_page_focus_search (LlPage *self)
{
  g_return_if_fail (LL_IS_PAGE (self));

  if (LL_PAGE_GET_IFACE (self)->focus_search)
    LL_PAGE_GET_IFACE (self)->focus_search (self);
}

gboolean
ll_page_archive_selection (LlPage *self)
{
  g_return_val_if_fail (LL_IS_PAGE (self), FALSE);

  if (LL_PAGE_GET_IFACE (self)->archive_selection)
    return LL_PAGE_GET_IFACE (self)->archive_selection (self);

  return FALSE;
}

/**
 * ll_page_add_toast:
 * @toast: (transfer full): e.g. “Station archived” with Undo
 *
 * Shows @toast in the window the page is in.
 */
void
ll_page_add_toast (LlPage   *self,
                   AdwToast *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (LL_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PAGE (ll_page_get_type ())

G_DECLARE_INTERFACE (LlPage, ll_page, LL, PAGE, GtkWidget)

/**
 * LlPageInterface:
 * @set_database: show @database (%NULL when none is open); reload
 * @set_editable: whether edits are allowed (read-only or damaged file)
 * @focus_search: put the keyboard focus in the page's search entry
 * @archive_selection: archive (or remove) what is selected, offering
 *   Undo; return %FALSE when there is nothing to act on
 *
 * One page of the window's sidebar: Stations, People, Cases, …
 */
struct _LlPageInterface
{
  GTypeInterface parent_iface;

  void     (*set_database)      (LlPage     *self,
                                 LlDatabase *database);
  void     (*set_editable)      (LlPage     *self,
                                 gboolean    editable);
  void     (*focus_search)      (LlPage     *self);
  gboolean (*archive_selection) (LlPage     *self);
};

void     ll_page_set_database      (LlPage     *self,
                                    LlDatabase *database);
void     ll_page_set_editable      (LlPage     *self,
                                    gboolean    editable);
void     ll_page_focus_search      (LlPage     *self);
gboolean ll_page_archive_selection (LlPage     *self);
void     ll_page_add_toast         (LlPage     *self,
                                    AdwToast   *toast);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-page.h"
#include "ll-person-detail.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PEOPLE_PAGE (ll_people_page_get_type ())

G_DECLARE_FINAL_TYPE (LlPeoplePage, ll_people_page, LL, PEOPLE_PAGE, GtkWidget)

GtkColumnView  *ll_people_page_get_column_view (LlPeoplePage *self);
LlPersonDetail *ll_people_page_get_detail      (LlPeoplePage *self);
gint64          ll_people_page_get_selected_id (LlPeoplePage *self);
void            ll_people_page_select_person   (LlPeoplePage *self,
                                                gint64        person_id);
gboolean        ll_people_page_get_loading     (LlPeoplePage *self);

G_END_DECLS

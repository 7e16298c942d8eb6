/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ll-query-model.h"

G_BEGIN_DECLS

#define LL_TYPE_ID_SELECTION (ll_id_selection_get_type ())

G_DECLARE_FINAL_TYPE (LlIdSelection, ll_id_selection, LL, ID_SELECTION, GObject)

LlIdSelection *ll_id_selection_new                   (LlQueryModel  *model);
LlQueryModel  *ll_id_selection_get_model             (LlIdSelection *self);
void           ll_id_selection_set_model             (LlIdSelection *self,
                                                      LlQueryModel  *model);
gint64         ll_id_selection_get_selected_id       (LlIdSelection *self);
void           ll_id_selection_set_selected_id       (LlIdSelection *self,
                                                      gint64         id);
guint          ll_id_selection_get_selected_position (LlIdSelection *self);

G_END_DECLS

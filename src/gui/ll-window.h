/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-application.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_WINDOW (ll_window_get_type ())

G_DECLARE_FINAL_TYPE (LlWindow, ll_window, LL, WINDOW, AdwApplicationWindow)

LlWindow   *ll_window_new           (LlApplication *application);
void        ll_window_open_file     (LlWindow      *self,
                                     GFile         *file);
void        ll_window_open_initial  (LlWindow      *self);
void        ll_window_create_file   (LlWindow      *self,
                                     GFile         *file);
LlDatabase *ll_window_get_database  (LlWindow      *self);
gboolean    ll_window_get_editable  (LlWindow      *self);
const char *ll_window_get_page      (LlWindow      *self);
void        ll_window_set_page      (LlWindow      *self,
                                     const char    *page);

G_END_DECLS

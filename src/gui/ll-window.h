/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-application.h"

G_BEGIN_DECLS

#define LL_TYPE_WINDOW (ll_window_get_type ())

G_DECLARE_FINAL_TYPE (LlWindow, ll_window, LL, WINDOW, AdwApplicationWindow)

LlWindow   *ll_window_new           (LlApplication *application);
void        ll_window_open_file     (LlWindow      *self,
                                     GFile         *file);
const char *ll_window_get_page      (LlWindow      *self);
void        ll_window_set_page      (LlWindow      *self,
                                     const char    *page);

G_END_DECLS

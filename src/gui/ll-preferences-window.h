/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_PREFERENCES_WINDOW (ll_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (LlPreferencesWindow, ll_preferences_window, LL, PREFERENCES_WINDOW, AdwPreferencesWindow)

LlPreferencesWindow *ll_preferences_window_new (GtkWindow *transient_for,
                                                GSettings *settings);

G_END_DECLS

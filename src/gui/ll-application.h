/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LL_TYPE_APPLICATION (ll_application_get_type ())

G_DECLARE_FINAL_TYPE (LlApplication, ll_application, LL, APPLICATION, AdwApplication)

LlApplication *ll_application_new          (const char        *application_id,
                                            GApplicationFlags  flags);
GSettings     *ll_application_get_settings (LlApplication     *self);

G_END_DECLS

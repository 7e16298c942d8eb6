/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LL_TYPE_BANNER (ll_banner_get_type ())

G_DECLARE_FINAL_TYPE (LlBanner, ll_banner, LL, BANNER, GtkWidget)

/**
 * LlBannerStyle:
 * @LL_BANNER_INFO: something to know, e.g. the file is read-only
 * @LL_BANNER_WARNING: something that can lose work, e.g. no file locking
 * @LL_BANNER_ERROR: something is wrong, e.g. the file is damaged
 */
typedef enum {
  LL_BANNER_INFO,
  LL_BANNER_WARNING,
  LL_BANNER_ERROR,
} LlBannerStyle;

GtkWidget  *ll_banner_new              (void);
void        ll_banner_show             (LlBanner      *self,
                                        LlBannerStyle  style,
                                        const char    *title);
void        ll_banner_hide             (LlBanner      *self);
gboolean    ll_banner_get_revealed     (LlBanner      *self);
const char *ll_banner_get_title        (LlBanner      *self);
void        ll_banner_set_button_label (LlBanner      *self,
                                        const char    *label);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_AREA (ll_area_get_type ())

G_DECLARE_FINAL_TYPE (LlArea, ll_area, LL, AREA, GObject)

LlArea     *ll_area_new            (void);
gboolean    ll_area_validate       (LlArea  *self,
                                    GError **error);
gint64      ll_area_get_id         (LlArea *self);
void        ll_area_set_id         (LlArea *self,
                                    gint64  id);
gint64      ll_area_get_parent_id  (LlArea *self);
void        ll_area_set_parent_id  (LlArea *self,
                                    gint64  parent_id);
const char *ll_area_get_level      (LlArea *self);
void        ll_area_set_level      (LlArea     *self,
                                    const char *level);
const char *ll_area_get_name       (LlArea *self);
void        ll_area_set_name       (LlArea     *self,
                                    const char *name);
const char *ll_area_get_code       (LlArea *self);
void        ll_area_set_code       (LlArea     *self,
                                    const char *code);
gint64      ll_area_get_version    (LlArea *self);
void        ll_area_set_version    (LlArea *self,
                                    gint64  version);
const char *ll_area_get_created_at (LlArea *self);
const char *ll_area_get_updated_at (LlArea *self);
guint       ll_area_get_depth      (LlArea *self);

/* For the stores in src/core: values that come from the database. */

void _ll_area_set_timestamps (LlArea     *self,
                              const char *created_at,
                              const char *updated_at);
void _ll_area_set_depth      (LlArea *self,
                              guint   depth);

G_END_DECLS

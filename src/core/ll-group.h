/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_GROUP (ll_group_get_type ())

G_DECLARE_FINAL_TYPE (LlGroup, ll_group, LL, GROUP, GObject)

LlGroup    *ll_group_new            (void);
gboolean    ll_group_validate       (LlGroup  *self,
                                     GError  **error);
gint64      ll_group_get_id         (LlGroup *self);
void        ll_group_set_id         (LlGroup *self,
                                     gint64   id);
const char *ll_group_get_kind       (LlGroup *self);
void        ll_group_set_kind       (LlGroup    *self,
                                     const char *kind);
const char *ll_group_get_name       (LlGroup *self);
void        ll_group_set_name       (LlGroup    *self,
                                     const char *name);
gint64      ll_group_get_station_id (LlGroup *self);
void        ll_group_set_station_id (LlGroup *self,
                                     gint64   station_id);
const char *ll_group_get_notes      (LlGroup *self);
void        ll_group_set_notes      (LlGroup    *self,
                                     const char *notes);
gint64      ll_group_get_version    (LlGroup *self);
void        ll_group_set_version    (LlGroup *self,
                                     gint64   version);
const char *ll_group_get_created_at (LlGroup *self);
const char *ll_group_get_updated_at (LlGroup *self);

/* For the stores in src/core: values that come from the database. */

void _ll_group_set_timestamps (LlGroup    *self,
                               const char *created_at,
                               const char *updated_at);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_MEMBERSHIP (ll_membership_get_type ())

G_DECLARE_FINAL_TYPE (LlMembership, ll_membership, LL, MEMBERSHIP, GObject)

LlMembership *ll_membership_new              (void);
gboolean      ll_membership_validate         (LlMembership  *self,
                                              GError       **error);
gint64        ll_membership_get_id           (LlMembership *self);
void          ll_membership_set_id           (LlMembership *self,
                                              gint64        id);
gint64        ll_membership_get_person_id    (LlMembership *self);
void          ll_membership_set_person_id    (LlMembership *self,
                                              gint64        person_id);
gint64        ll_membership_get_station_id   (LlMembership *self);
void          ll_membership_set_station_id   (LlMembership *self,
                                              gint64        station_id);
const char   *ll_membership_get_station_role (LlMembership *self);
void          ll_membership_set_station_role (LlMembership *self,
                                              const char   *station_role);
gboolean      ll_membership_get_is_primary   (LlMembership *self);
void          ll_membership_set_is_primary   (LlMembership *self,
                                              gboolean      is_primary);
const char   *ll_membership_get_from_date    (LlMembership *self);
void          ll_membership_set_from_date    (LlMembership *self,
                                              const char   *from_date);
const char   *ll_membership_get_to_date      (LlMembership *self);
void          ll_membership_set_to_date      (LlMembership *self,
                                              const char   *to_date);
const char   *ll_membership_get_notes        (LlMembership *self);
void          ll_membership_set_notes        (LlMembership *self,
                                              const char   *notes);
gint64        ll_membership_get_version      (LlMembership *self);
void          ll_membership_set_version      (LlMembership *self,
                                              gint64        version);
const char   *ll_membership_get_created_at   (LlMembership *self);
const char   *ll_membership_get_updated_at   (LlMembership *self);
const char   *ll_membership_get_person_name  (LlMembership *self);
const char   *ll_membership_get_person_role  (LlMembership *self);
const char   *ll_membership_get_person_level (LlMembership *self);
const char   *ll_membership_get_station_name (LlMembership *self);
gboolean      ll_membership_is_current       (LlMembership *self);

/* For the stores in src/core: values that come from the database. */

void _ll_membership_set_timestamps (LlMembership *self,
                                    const char   *created_at,
                                    const char   *updated_at);
void _ll_membership_set_names      (LlMembership *self,
                                    const char   *person_name,
                                    const char   *person_role,
                                    const char   *person_level,
                                    const char   *station_name);

G_END_DECLS

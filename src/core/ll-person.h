/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PERSON (ll_person_get_type ())

G_DECLARE_FINAL_TYPE (LlPerson, ll_person, LL, PERSON, GObject)

LlPerson   *ll_person_new                             (void);
gboolean    ll_person_validate                        (LlPerson  *self,
                                                       GError   **error);
gint64      ll_person_get_id                          (LlPerson *self);
void        ll_person_set_id                          (LlPerson *self,
                                                       gint64    id);
const char *ll_person_get_name                        (LlPerson *self);
void        ll_person_set_name                        (LlPerson   *self,
                                                       const char *name);
const char *ll_person_get_gender                      (LlPerson *self);
void        ll_person_set_gender                      (LlPerson   *self,
                                                       const char *gender);
const char *ll_person_get_ethnicity                   (LlPerson *self);
void        ll_person_set_ethnicity                   (LlPerson   *self,
                                                       const char *ethnicity);
const char *ll_person_get_birth_date                  (LlPerson *self);
void        ll_person_set_birth_date                  (LlPerson   *self,
                                                       const char *birth_date);
const char *ll_person_get_party                       (LlPerson *self);
void        ll_person_set_party                       (LlPerson   *self,
                                                       const char *party);
const char *ll_person_get_role                        (LlPerson *self);
void        ll_person_set_role                        (LlPerson   *self,
                                                       const char *role);
const char *ll_person_get_level                       (LlPerson *self);
void        ll_person_set_level                       (LlPerson   *self,
                                                       const char *level);
const char *ll_person_get_term                        (LlPerson *self);
void        ll_person_set_term                        (LlPerson   *self,
                                                       const char *term);
const char *ll_person_get_constituency                (LlPerson *self);
void        ll_person_set_constituency                (LlPerson   *self,
                                                       const char *constituency);
const char *ll_person_get_unit                        (LlPerson *self);
void        ll_person_set_unit                        (LlPerson   *self,
                                                       const char *unit);
const char *ll_person_get_post                        (LlPerson *self);
void        ll_person_set_post                        (LlPerson   *self,
                                                       const char *post);
const char *ll_person_get_occupation                  (LlPerson *self);
void        ll_person_set_occupation                  (LlPerson   *self,
                                                       const char *occupation);
const char *ll_person_get_phone                       (LlPerson *self);
void        ll_person_set_phone                       (LlPerson   *self,
                                                       const char *phone);
gint64      ll_person_get_deputy_group_id             (LlPerson *self);
void        ll_person_set_deputy_group_id             (LlPerson *self,
                                                       gint64    deputy_group_id);
gint64      ll_person_get_specialty_group_id          (LlPerson *self);
void        ll_person_set_specialty_group_id          (LlPerson *self,
                                                       gint64    specialty_group_id);
gboolean    ll_person_get_active                      (LlPerson *self);
void        ll_person_set_active                      (LlPerson *self,
                                                       gboolean  active);
const char *ll_person_get_archived_at                 (LlPerson *self);
void        ll_person_set_archived_at                 (LlPerson   *self,
                                                       const char *archived_at);
const char *ll_person_get_notes                       (LlPerson *self);
void        ll_person_set_notes                       (LlPerson   *self,
                                                       const char *notes);
gint64      ll_person_get_version                     (LlPerson *self);
void        ll_person_set_version                     (LlPerson *self,
                                                       gint64    version);
const char *ll_person_get_created_at                  (LlPerson *self);
const char *ll_person_get_updated_at                  (LlPerson *self);
gint64      ll_person_get_station_id                  (LlPerson *self);
const char *ll_person_get_station_name                (LlPerson *self);
const char *ll_person_get_deputy_group_name           (LlPerson *self);
const char *ll_person_get_specialty_group_name        (LlPerson *self);
gboolean    ll_person_role_can_serve_several_stations (const char *role);

/* For the stores in src/core: values that come from the database. */

void _ll_person_set_timestamps  (LlPerson   *self,
                                 const char *created_at,
                                 const char *updated_at);
void _ll_person_set_station     (LlPerson   *self,
                                 gint64      station_id,
                                 const char *station_name);
void _ll_person_set_group_names (LlPerson   *self,
                                 const char *deputy_group_name,
                                 const char *specialty_group_name);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlParticipant:
 * @person_id: the person (usually a deputy)
 * @name: (nullable): the person's name, filled in when listing
 * @attendance: an attendance key: `present`, `leave` or `absent`
 *
 * A participant of an activity (one row of `activity_participants`).
 */
typedef struct _LlParticipant
{
  gint64  person_id;
  char   *name;
  char   *attendance;
} LlParticipant;

#define LL_TYPE_PARTICIPANT (ll_participant_get_type ())

GType          ll_participant_get_type (void) G_GNUC_CONST;
LlParticipant *ll_participant_new      (gint64               person_id,
                                        const char          *name,
                                        const char          *attendance);
LlParticipant *ll_participant_copy     (const LlParticipant *self);
void           ll_participant_free     (LlParticipant       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlParticipant, ll_participant_free)

#define LL_TYPE_ACTIVITY (ll_activity_get_type ())

G_DECLARE_FINAL_TYPE (LlActivity, ll_activity, LL, ACTIVITY, GObject)

LlActivity *ll_activity_new                    (void);
LlActivity *ll_activity_dup                    (LlActivity  *self);
void        ll_activity_update_from            (LlActivity  *self,
                                                LlActivity  *other);
gboolean    ll_activity_validate               (LlActivity  *self,
                                                GError     **error);
const char *ll_activity_get_field_label        (const char  *property);

gint64      ll_activity_get_id                 (LlActivity *self);
void        ll_activity_set_id                 (LlActivity *self,
                                                gint64      value);
gint64      ll_activity_get_version            (LlActivity *self);
void        ll_activity_set_version            (LlActivity *self,
                                                gint64      value);
const char *ll_activity_get_held_on            (LlActivity *self);
void        ll_activity_set_held_on            (LlActivity *self,
                                                const char *value);
const char *ll_activity_get_activity_type      (LlActivity *self);
void        ll_activity_set_activity_type      (LlActivity *self,
                                                const char *value);
const char *ll_activity_get_subtype            (LlActivity *self);
void        ll_activity_set_subtype            (LlActivity *self,
                                                const char *value);
gint64      ll_activity_get_station_id         (LlActivity *self);
void        ll_activity_set_station_id         (LlActivity *self,
                                                gint64      value);
const char *ll_activity_get_title              (LlActivity *self);
void        ll_activity_set_title              (LlActivity *self,
                                                const char *value);
const char *ll_activity_get_location           (LlActivity *self);
void        ll_activity_set_location           (LlActivity *self,
                                                const char *value);
int         ll_activity_get_people_received    (LlActivity *self);
void        ll_activity_set_people_received    (LlActivity *self,
                                                int         value);
int         ll_activity_get_opinions_collected (LlActivity *self);
void        ll_activity_set_opinions_collected (LlActivity *self,
                                                int         value);
const char *ll_activity_get_summary            (LlActivity *self);
void        ll_activity_set_summary            (LlActivity *self,
                                                const char *value);
const char *ll_activity_get_created_at         (LlActivity *self);
void        ll_activity_set_created_at         (LlActivity *self,
                                                const char *value);
const char *ll_activity_get_updated_at         (LlActivity *self);
void        ll_activity_set_updated_at         (LlActivity *self,
                                                const char *value);
const char *ll_activity_get_station_name       (LlActivity *self);
int         ll_activity_get_n_participants     (LlActivity *self);

/* For the stores: fills in the read-only convenience properties. */
void        _ll_activity_set_extras            (LlActivity *self,
                                                const char *station_name,
                                                int         n_participants);

G_END_DECLS

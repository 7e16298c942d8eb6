/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_ROSTER_ENTRY (ll_roster_entry_get_type ())

G_DECLARE_FINAL_TYPE (LlRosterEntry, ll_roster_entry, LL, ROSTER_ENTRY, GObject)

LlRosterEntry *ll_roster_entry_new              (void);
gint64         ll_roster_entry_get_id           (LlRosterEntry *self);
gint64         ll_roster_entry_get_version      (LlRosterEntry *self);
gint64         ll_roster_entry_get_station_id   (LlRosterEntry *self);
const char    *ll_roster_entry_get_held_on      (LlRosterEntry *self);
gint64         ll_roster_entry_get_person_id    (LlRosterEntry *self);
const char    *ll_roster_entry_get_person_name  (LlRosterEntry *self);
const char    *ll_roster_entry_get_person_role  (LlRosterEntry *self);
const char    *ll_roster_entry_get_person_level (LlRosterEntry *self);
const char    *ll_roster_entry_get_attendance   (LlRosterEntry *self);
gint64         ll_roster_entry_get_activity_id  (LlRosterEntry *self);

/* For ll-roster-store.c: values that come from the database. */
void           _ll_roster_entry_set             (LlRosterEntry *self,
                                                 gint64         id,
                                                 gint64         version,
                                                 gint64         station_id,
                                                 const char    *held_on,
                                                 gint64         person_id,
                                                 const char    *attendance,
                                                 gint64         activity_id);
void           _ll_roster_entry_set_person      (LlRosterEntry *self,
                                                 const char    *name,
                                                 const char    *role,
                                                 const char    *level);

G_END_DECLS

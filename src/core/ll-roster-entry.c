/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-roster-entry"

#include "config.h"

#include "ll-roster-entry.h"

/* One person on duty at one station's reception day (接待日), as
 * ll-roster-store.c read it: the row and the person's name, role and
 * level for the card. Read-only outside the store. */

struct _LlRosterEntry
{
  GObject  parent_instance;

  gint64   id;
  gint64   version;
  gint64   station_id;
  char    *held_on;
  gint64   person_id;
  char    *person_name;
  char    *person_role;
  char    *person_level;
  char    *attendance;
  gint64   activity_id;
};

G_DEFINE_FINAL_TYPE (LlRosterEntry, ll_roster_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_STATION_ID,
  PROP_HELD_ON,
  PROP_PERSON_ID,
  PROP_PERSON_NAME,
  PROP_ATTENDANCE,
  PROP_ACTIVITY_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_str (char       **field,
         const char  *value)
{
  char *copy = g_strdup (value);

  g_free (*field);
  *field = copy;
}

static void
ll_roster_entry_finalize (GObject *object)
{
  LlRosterEntry *self = (LlRosterEntry *) object;

  g_free (self->held_on);
  g_free (self->person_name);
  g_free (self->person_role);
  g_free (self->person_level);
  g_free (self->attendance);

  G_OBJECT_CLASS (ll_roster_entry_parent_class)->finalize (object);
}

static void
ll_roster_entry_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LlRosterEntry *self = LL_ROSTER_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;
    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;
    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;
    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;
    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;
    case PROP_ATTENDANCE:
      g_value_set_string (value, self->attendance);
      break;
    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_roster_entry_class_init (LlRosterEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ll_roster_entry_finalize;
  object_class->get_property = ll_roster_entry_get_property;

  /* Read-only: an entry changes through ll-roster-store.c only. The
   * names are the columns of roster_entries (and the person's name). */
  properties[PROP_ID] = g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_VERSION] = g_param_spec_int64 ("version", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_STATION_ID] = g_param_spec_int64 ("station-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                    flags);
  properties[PROP_HELD_ON] = g_param_spec_string ("held-on", NULL, NULL, NULL, flags);
  properties[PROP_PERSON_ID] = g_param_spec_int64 ("person-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                   flags);
  properties[PROP_PERSON_NAME] = g_param_spec_string ("person-name", NULL, NULL, NULL, flags);
  properties[PROP_ATTENDANCE] = g_param_spec_string ("attendance", NULL, NULL, NULL, flags);
  properties[PROP_ACTIVITY_ID] = g_param_spec_int64 ("activity-id", NULL, NULL, 0, G_MAXINT64, 0,
                                                     flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_roster_entry_init (LlRosterEntry *self)
{
}

LlRosterEntry *
ll_roster_entry_new (void)
{
  return g_object_new (LL_TYPE_ROSTER_ENTRY, NULL);
}

gint64
ll_roster_entry_get_id (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), 0);
  return self->id;
}

gint64
ll_roster_entry_get_version (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), 0);
  return self->version;
}

gint64
ll_roster_entry_get_station_id (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), 0);
  return self->station_id;
}

const char *
ll_roster_entry_get_held_on (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), NULL);
  return self->held_on;
}

gint64
ll_roster_entry_get_person_id (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), 0);
  return self->person_id;
}

const char *
ll_roster_entry_get_person_name (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), NULL);
  return self->person_name;
}

const char *
ll_roster_entry_get_person_role (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), NULL);
  return self->person_role;
}

const char *
ll_roster_entry_get_person_level (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), NULL);
  return self->person_level;
}

/**
 * ll_roster_entry_get_attendance:
 *
 * Returns: (nullable): `present`, `leave` or `absent` once recorded
 */
const char *
ll_roster_entry_get_attendance (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), NULL);
  return self->attendance;
}

/**
 * ll_roster_entry_get_activity_id:
 *
 * Returns: the `reception` activity of the recorded day, or 0
 */
gint64
ll_roster_entry_get_activity_id (LlRosterEntry *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (self), 0);
  return self->activity_id;
}

void
_ll_roster_entry_set (LlRosterEntry *self,
                      gint64         id,
                      gint64         version,
                      gint64         station_id,
                      const char    *held_on,
                      gint64         person_id,
                      const char    *attendance,
                      gint64         activity_id)
{
  g_return_if_fail (LL_IS_ROSTER_ENTRY (self));

  self->id = id;
  self->version = version;
  self->station_id = station_id;
  set_str (&self->held_on, held_on);
  self->person_id = person_id;
  set_str (&self->attendance, attendance);
  self->activity_id = activity_id;
}

void
_ll_roster_entry_set_person (LlRosterEntry *self,
                             const char    *name,
                             const char    *role,
                             const char    *level)
{
  g_return_if_fail (LL_IS_ROSTER_ENTRY (self));

  set_str (&self->person_name, name);
  set_str (&self->person_role, role);
  set_str (&self->person_level, level);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-membership"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-membership.h"
#include "ll-validate.h"

/* LlMembership: one row of `memberships` — a person stationed at a
 * station (驻站) with a station role, from one date to another. It is
 * current while to-date is unset. The rules (one primary station, one
 * head per station, moves and copies) are kept by ll-membership-store.c. */

struct _LlMembership
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64    id;
  gint64    person_id;
  gint64    station_id;
  char     *station_role;
  gboolean  is_primary;
  char     *from_date;
  char     *to_date;
  char     *notes;
  gint64    version;
  char     *created_at;
  char     *updated_at;

  /* Owned: filled by some store queries, not columns */
  char     *person_name;
  char     *person_role;
  char     *person_level;
  char     *station_name;
};

G_DEFINE_FINAL_TYPE (LlMembership, ll_membership, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_STATION_ID,
  PROP_STATION_ROLE,
  PROP_IS_PRIMARY,
  PROP_FROM_DATE,
  PROP_TO_DATE,
  PROP_NOTES,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_PERSON_NAME,
  PROP_PERSON_ROLE,
  PROP_PERSON_LEVEL,
  PROP_STATION_NAME,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Empty text is stored as NULL, so that “not set” has one form. */
static gboolean
set_string (char       **field,
            const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

/* Dates are written YYYY-MM-DD, so text order is date order. */
static gboolean
validate_date_order (const char  *from,
                     const char  *from_field,
                     const char  *to,
                     const char  *to_field,
                     GError     **error)
{
  if (from == NULL || to == NULL || strcmp (from, to) <= 0)
    return TRUE;

  /* Translators: e.g. “To (2024-01-01) is before From (2025-03-01).” */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s (%s) is before %s (%s)."), to_field, to, from_field, from);
  return FALSE;
}

static void
ll_membership_finalize (GObject *object)
{
  LlMembership *self = (LlMembership *) object;

  g_clear_pointer (&self->station_role, g_free);
  g_clear_pointer (&self->from_date, g_free);
  g_clear_pointer (&self->to_date, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->person_role, g_free);
  g_clear_pointer (&self->person_level, g_free);
  g_clear_pointer (&self->station_name, g_free);

  G_OBJECT_CLASS (ll_membership_parent_class)->finalize (object);
}

static void
ll_membership_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlMembership *self = LL_MEMBERSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;

    case PROP_STATION_ROLE:
      g_value_set_string (value, self->station_role);
      break;

    case PROP_IS_PRIMARY:
      g_value_set_boolean (value, self->is_primary);
      break;

    case PROP_FROM_DATE:
      g_value_set_string (value, self->from_date);
      break;

    case PROP_TO_DATE:
      g_value_set_string (value, self->to_date);
      break;

    case PROP_NOTES:
      g_value_set_string (value, self->notes);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_PERSON_NAME:
      g_value_set_string (value, self->person_name);
      break;

    case PROP_PERSON_ROLE:
      g_value_set_string (value, self->person_role);
      break;

    case PROP_PERSON_LEVEL:
      g_value_set_string (value, self->person_level);
      break;

    case PROP_STATION_NAME:
      g_value_set_string (value, self->station_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_membership_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlMembership *self = LL_MEMBERSHIP (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_membership_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      ll_membership_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATION_ID:
      ll_membership_set_station_id (self, g_value_get_int64 (value));
      break;

    case PROP_STATION_ROLE:
      ll_membership_set_station_role (self, g_value_get_string (value));
      break;

    case PROP_IS_PRIMARY:
      ll_membership_set_is_primary (self, g_value_get_boolean (value));
      break;

    case PROP_FROM_DATE:
      ll_membership_set_from_date (self, g_value_get_string (value));
      break;

    case PROP_TO_DATE:
      ll_membership_set_to_date (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      ll_membership_set_notes (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_membership_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_membership_class_init (LlMembershipClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_membership_finalize;
  object_class->get_property = ll_membership_get_property;
  object_class->set_property = ll_membership_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlMembership:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:person-id:
   *
   * The id of the person.
   */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", N_("Person"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:station-id:
   *
   * The id of the station.
   */
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", N_("Station"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:station-role:
   *
   * The station-role key: `member`, `head` or `liaison_officer`.
   */
  properties[PROP_STATION_ROLE] =
    g_param_spec_string ("station-role", N_("Station role"), NULL,
                         "member",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:is-primary:
   *
   * Whether this is the person’s primary station.
   */
  properties[PROP_IS_PRIMARY] =
    g_param_spec_boolean ("is-primary", N_("Primary station"), NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:from-date:
   *
   * The first day, `YYYY-MM-DD`.
   */
  properties[PROP_FROM_DATE] =
    g_param_spec_string ("from-date", N_("From"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:to-date:
   *
   * The last day, `YYYY-MM-DD`, or %NULL while current.
   */
  properties[PROP_TO_DATE] =
    g_param_spec_string ("to-date", N_("To"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:updated-at:
   *
   * When the row was last saved, ISO-8601 UTC (set by the database).
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", N_("Updated"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:person-name:
   *
   * Not a column: the person’s name, as filled by the membership lists.
   */
  properties[PROP_PERSON_NAME] =
    g_param_spec_string ("person-name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:person-role:
   *
   * Not a column: the person’s role key, as filled by the membership lists.
   */
  properties[PROP_PERSON_ROLE] =
    g_param_spec_string ("person-role", N_("Role"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:person-level:
   *
   * Not a column: the person’s deputy-level key, as filled by the membership
   * lists.
   */
  properties[PROP_PERSON_LEVEL] =
    g_param_spec_string ("person-level", N_("Deputy level"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlMembership:station-name:
   *
   * Not a column: the station’s name, as filled by the membership lists.
   */
  properties[PROP_STATION_NAME] =
    g_param_spec_string ("station-name", N_("Station"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_membership_init (LlMembership *self)
{
  self->station_role = g_strdup ("member");
}

/**
 * ll_membership_new:
 *
 * Creates an unsaved membership (id 0) with the station role `member`.
 *
 * Returns: (transfer full): a new #LlMembership
 */
LlMembership *
ll_membership_new (void)
{
  return g_object_new (LL_TYPE_MEMBERSHIP, NULL);
}

/**
 * ll_membership_validate:
 * @self: a #LlMembership
 * @error: return location for a #GError
 *
 * Checks the fields that need no database: person and station are given,
 * the station role is a known key, the dates are real and the first day
 * is not after the last.
 *
 * Returns: %TRUE if the membership may be saved
 */
gboolean
ll_membership_validate (LlMembership  *self,
                        GError       **error)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), FALSE);

  if ((self->person_id == 0 && !ll_validate_required (NULL, _("Person"), error)) ||
      (self->station_id == 0 && !ll_validate_required (NULL, _("Station"), error)))
    return FALSE;

  return ll_validate_enum (LL_ENUM_STATION_ROLE, self->station_role, FALSE, _("Station role"),
                           error) &&
         ll_validate_date (self->from_date, _("From"), error) &&
         ll_validate_date (self->to_date, _("To"), error) &&
         validate_date_order (self->from_date, _("From"), self->to_date, _("To"), error);
}

/**
 * ll_membership_is_current:
 * @self: a #LlMembership
 *
 * Returns: whether the membership has not ended (no to-date)
 */
gboolean
ll_membership_is_current (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), FALSE);

  return self->to_date == NULL;
}

/**
 * ll_membership_get_id:
 * @self: a #LlMembership
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_membership_get_id (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), 0);

  return self->id;
}

/**
 * ll_membership_set_id:
 * @self: a #LlMembership
 * @id: the row id, 0 until the record is saved
 */
void
ll_membership_set_id (LlMembership *self,
                      gint64        id)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_membership_get_person_id:
 * @self: a #LlMembership
 *
 * Returns: the id of the person
 */
gint64
ll_membership_get_person_id (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), 0);

  return self->person_id;
}

/**
 * ll_membership_set_person_id:
 * @self: a #LlMembership
 * @person_id: the id of the person
 */
void
ll_membership_set_person_id (LlMembership *self,
                             gint64        person_id)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));
  g_return_if_fail (person_id >= 0);

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/**
 * ll_membership_get_station_id:
 * @self: a #LlMembership
 *
 * Returns: the id of the station
 */
gint64
ll_membership_get_station_id (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), 0);

  return self->station_id;
}

/**
 * ll_membership_set_station_id:
 * @self: a #LlMembership
 * @station_id: the id of the station
 */
void
ll_membership_set_station_id (LlMembership *self,
                              gint64        station_id)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));
  g_return_if_fail (station_id >= 0);

  if (self->station_id == station_id)
    return;

  self->station_id = station_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

/**
 * ll_membership_get_station_role:
 * @self: a #LlMembership
 *
 * Returns: (nullable): the station-role key: `member`, `head` or
 *   `liaison_officer`
 */
const char *
ll_membership_get_station_role (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->station_role;
}

/**
 * ll_membership_set_station_role:
 * @self: a #LlMembership
 * @station_role: (nullable): the station-role key: `member`, `head` or
 *   `liaison_officer`; empty text is stored as %NULL
 */
void
ll_membership_set_station_role (LlMembership *self,
                                const char   *station_role)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (set_string (&self->station_role, station_role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ROLE]);
}

/**
 * ll_membership_get_is_primary:
 * @self: a #LlMembership
 *
 * Returns: whether this is the person’s primary station
 */
gboolean
ll_membership_get_is_primary (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), FALSE);

  return self->is_primary;
}

/**
 * ll_membership_set_is_primary:
 * @self: a #LlMembership
 * @is_primary: whether this is the person’s primary station
 */
void
ll_membership_set_is_primary (LlMembership *self,
                              gboolean      is_primary)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (self->is_primary == !!is_primary)
    return;

  self->is_primary = !!is_primary;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_PRIMARY]);
}

/**
 * ll_membership_get_from_date:
 * @self: a #LlMembership
 *
 * Returns: (nullable): the first day, `YYYY-MM-DD`
 */
const char *
ll_membership_get_from_date (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->from_date;
}

/**
 * ll_membership_set_from_date:
 * @self: a #LlMembership
 * @from_date: (nullable): the first day, `YYYY-MM-DD`; empty text is stored as
 *   %NULL
 */
void
ll_membership_set_from_date (LlMembership *self,
                             const char   *from_date)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (set_string (&self->from_date, from_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_DATE]);
}

/**
 * ll_membership_get_to_date:
 * @self: a #LlMembership
 *
 * Returns: (nullable): the last day, `YYYY-MM-DD`, or %NULL while current
 */
const char *
ll_membership_get_to_date (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->to_date;
}

/**
 * ll_membership_set_to_date:
 * @self: a #LlMembership
 * @to_date: (nullable): the last day, `YYYY-MM-DD`, or %NULL while current;
 *   empty text is stored as %NULL
 */
void
ll_membership_set_to_date (LlMembership *self,
                           const char   *to_date)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (set_string (&self->to_date, to_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TO_DATE]);
}

/**
 * ll_membership_get_notes:
 * @self: a #LlMembership
 *
 * Returns: (nullable): free notes
 */
const char *
ll_membership_get_notes (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->notes;
}

/**
 * ll_membership_set_notes:
 * @self: a #LlMembership
 * @notes: (nullable): free notes; empty text is stored as %NULL
 */
void
ll_membership_set_notes (LlMembership *self,
                         const char   *notes)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * ll_membership_get_version:
 * @self: a #LlMembership
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_membership_get_version (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), 0);

  return self->version;
}

/**
 * ll_membership_set_version:
 * @self: a #LlMembership
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_membership_set_version (LlMembership *self,
                           gint64        version)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_membership_get_created_at:
 * @self: a #LlMembership
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_membership_get_created_at (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->created_at;
}

/**
 * ll_membership_get_updated_at:
 * @self: a #LlMembership
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_membership_get_updated_at (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->updated_at;
}

/**
 * ll_membership_get_person_name:
 * @self: a #LlMembership
 *
 * Returns: (nullable): not a column: the person’s name, as filled by the
 *   membership lists
 */
const char *
ll_membership_get_person_name (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->person_name;
}

/**
 * ll_membership_get_person_role:
 * @self: a #LlMembership
 *
 * Returns: (nullable): not a column: the person’s role key, as filled by the
 *   membership lists
 */
const char *
ll_membership_get_person_role (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->person_role;
}

/**
 * ll_membership_get_person_level:
 * @self: a #LlMembership
 *
 * Returns: (nullable): not a column: the person’s deputy-level key, as filled
 *   by the membership lists
 */
const char *
ll_membership_get_person_level (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->person_level;
}

/**
 * ll_membership_get_station_name:
 * @self: a #LlMembership
 *
 * Returns: (nullable): not a column: the station’s name, as filled by the
 *   membership lists
 */
const char *
ll_membership_get_station_name (LlMembership *self)
{
  g_return_val_if_fail (LL_IS_MEMBERSHIP (self), NULL);

  return self->station_name;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_membership_set_timestamps (LlMembership *self,
                               const char   *created_at,
                               const char   *updated_at)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* Called by the membership lists. */
void
_ll_membership_set_names (LlMembership *self,
                          const char   *person_name,
                          const char   *person_role,
                          const char   *person_level,
                          const char   *station_name)
{
  g_return_if_fail (LL_IS_MEMBERSHIP (self));

  if (set_string (&self->person_name, person_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_NAME]);
  if (set_string (&self->person_role, person_role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ROLE]);
  if (set_string (&self->person_level, person_level))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_LEVEL]);
  if (set_string (&self->station_name, station_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_NAME]);
}

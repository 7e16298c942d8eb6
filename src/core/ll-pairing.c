/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pairing"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-pairing.h"
#include "ll-validate.h"

/* LlPairing: one row of `pairings` (挂钩联系) — a fixed contact a deputy
 * is linked to: a left-behind child, a low-income household, a farmer, a
 * small business, a key village, a school, a hospital, a former deputy
 * (“六联”). */

struct _LlPairing
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64  id;
  gint64  person_id;
  char   *kind;
  char   *name;
  char   *contact;
  char   *address;
  char   *since;
  char   *ended_on;
  char   *notes;
  gint64  version;
  char   *created_at;
  char   *updated_at;
};

G_DEFINE_FINAL_TYPE (LlPairing, ll_pairing, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PERSON_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_CONTACT,
  PROP_ADDRESS,
  PROP_SINCE,
  PROP_ENDED_ON,
  PROP_NOTES,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
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
ll_pairing_finalize (GObject *object)
{
  LlPairing *self = (LlPairing *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contact, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->since, g_free);
  g_clear_pointer (&self->ended_on, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (ll_pairing_parent_class)->finalize (object);
}

static void
ll_pairing_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LlPairing *self = LL_PAIRING (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CONTACT:
      g_value_set_string (value, self->contact);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_SINCE:
      g_value_set_string (value, self->since);
      break;

    case PROP_ENDED_ON:
      g_value_set_string (value, self->ended_on);
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

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pairing_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LlPairing *self = LL_PAIRING (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_pairing_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PERSON_ID:
      ll_pairing_set_person_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      ll_pairing_set_kind (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      ll_pairing_set_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT:
      ll_pairing_set_contact (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      ll_pairing_set_address (self, g_value_get_string (value));
      break;

    case PROP_SINCE:
      ll_pairing_set_since (self, g_value_get_string (value));
      break;

    case PROP_ENDED_ON:
      ll_pairing_set_ended_on (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      ll_pairing_set_notes (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_pairing_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pairing_class_init (LlPairingClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_pairing_finalize;
  object_class->get_property = ll_pairing_get_property;
  object_class->set_property = ll_pairing_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlPairing:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:person-id:
   *
   * The id of the person (usually a deputy).
   */
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", N_("Person"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:kind:
   *
   * The pairing-kind key, e.g. `left_behind_child`.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", N_("Pairing"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:name:
   *
   * The contact’s name, e.g. a household or a school.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:contact:
   *
   * The contact person and/or phone, as written.
   */
  properties[PROP_CONTACT] =
    g_param_spec_string ("contact", N_("Contact"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:address:
   *
   * The address.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", N_("Address"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:since:
   *
   * The first day of the pairing, `YYYY-MM-DD`.
   */
  properties[PROP_SINCE] =
    g_param_spec_string ("since", N_("Since"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:ended-on:
   *
   * The last day of the pairing, `YYYY-MM-DD`.
   */
  properties[PROP_ENDED_ON] =
    g_param_spec_string ("ended-on", N_("Ended"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPairing:updated-at:
   *
   * When the row was last saved, ISO-8601 UTC (set by the database).
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", N_("Updated"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_pairing_init (LlPairing *self)
{
}

/**
 * ll_pairing_new:
 *
 * Creates an unsaved pairing (id 0).
 *
 * Returns: (transfer full): a new #LlPairing
 */
LlPairing *
ll_pairing_new (void)
{
  return g_object_new (LL_TYPE_PAIRING, NULL);
}

/**
 * ll_pairing_validate:
 * @self: a #LlPairing
 * @error: return location for a #GError
 *
 * Checks that the person and the name are given, the kind is a known key
 * and the dates are real, the start not after the end.
 *
 * Returns: %TRUE if the pairing may be saved
 */
gboolean
ll_pairing_validate (LlPairing  *self,
                     GError    **error)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), FALSE);

  if (self->person_id == 0 && !ll_validate_required (NULL, _("Person"), error))
    return FALSE;

  return ll_validate_required (self->name, _("Name"), error) &&
         ll_validate_enum (LL_ENUM_PAIRING_KIND, self->kind, FALSE, _("Pairing"), error) &&
         ll_validate_date (self->since, _("Since"), error) &&
         ll_validate_date (self->ended_on, _("Ended"), error) &&
         validate_date_order (self->since, _("Since"), self->ended_on, _("Ended"), error);
}

/**
 * ll_pairing_get_id:
 * @self: a #LlPairing
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_pairing_get_id (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), 0);

  return self->id;
}

/**
 * ll_pairing_set_id:
 * @self: a #LlPairing
 * @id: the row id, 0 until the record is saved
 */
void
ll_pairing_set_id (LlPairing *self,
                   gint64     id)
{
  g_return_if_fail (LL_IS_PAIRING (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_pairing_get_person_id:
 * @self: a #LlPairing
 *
 * Returns: the id of the person (usually a deputy)
 */
gint64
ll_pairing_get_person_id (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), 0);

  return self->person_id;
}

/**
 * ll_pairing_set_person_id:
 * @self: a #LlPairing
 * @person_id: the id of the person (usually a deputy)
 */
void
ll_pairing_set_person_id (LlPairing *self,
                          gint64     person_id)
{
  g_return_if_fail (LL_IS_PAIRING (self));
  g_return_if_fail (person_id >= 0);

  if (self->person_id == person_id)
    return;

  self->person_id = person_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
}

/**
 * ll_pairing_get_kind:
 * @self: a #LlPairing
 *
 * Returns: (nullable): the pairing-kind key, e.g. `left_behind_child`
 */
const char *
ll_pairing_get_kind (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->kind;
}

/**
 * ll_pairing_set_kind:
 * @self: a #LlPairing
 * @kind: (nullable): the pairing-kind key, e.g. `left_behind_child`; empty
 *   text is stored as %NULL
 */
void
ll_pairing_set_kind (LlPairing  *self,
                     const char *kind)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * ll_pairing_get_name:
 * @self: a #LlPairing
 *
 * Returns: (nullable): the contact’s name, e.g. a household or a school
 */
const char *
ll_pairing_get_name (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->name;
}

/**
 * ll_pairing_set_name:
 * @self: a #LlPairing
 * @name: (nullable): the contact’s name, e.g. a household or a school; empty
 *   text is stored as %NULL
 */
void
ll_pairing_set_name (LlPairing  *self,
                     const char *name)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * ll_pairing_get_contact:
 * @self: a #LlPairing
 *
 * Returns: (nullable): the contact person and/or phone, as written
 */
const char *
ll_pairing_get_contact (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->contact;
}

/**
 * ll_pairing_set_contact:
 * @self: a #LlPairing
 * @contact: (nullable): the contact person and/or phone, as written; empty
 *   text is stored as %NULL
 */
void
ll_pairing_set_contact (LlPairing  *self,
                        const char *contact)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->contact, contact))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT]);
}

/**
 * ll_pairing_get_address:
 * @self: a #LlPairing
 *
 * Returns: (nullable): the address
 */
const char *
ll_pairing_get_address (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->address;
}

/**
 * ll_pairing_set_address:
 * @self: a #LlPairing
 * @address: (nullable): the address; empty text is stored as %NULL
 */
void
ll_pairing_set_address (LlPairing  *self,
                        const char *address)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

/**
 * ll_pairing_get_since:
 * @self: a #LlPairing
 *
 * Returns: (nullable): the first day of the pairing, `YYYY-MM-DD`
 */
const char *
ll_pairing_get_since (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->since;
}

/**
 * ll_pairing_set_since:
 * @self: a #LlPairing
 * @since: (nullable): the first day of the pairing, `YYYY-MM-DD`; empty text
 *   is stored as %NULL
 */
void
ll_pairing_set_since (LlPairing  *self,
                      const char *since)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->since, since))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SINCE]);
}

/**
 * ll_pairing_get_ended_on:
 * @self: a #LlPairing
 *
 * Returns: (nullable): the last day of the pairing, `YYYY-MM-DD`
 */
const char *
ll_pairing_get_ended_on (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->ended_on;
}

/**
 * ll_pairing_set_ended_on:
 * @self: a #LlPairing
 * @ended_on: (nullable): the last day of the pairing, `YYYY-MM-DD`; empty text
 *   is stored as %NULL
 */
void
ll_pairing_set_ended_on (LlPairing  *self,
                         const char *ended_on)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->ended_on, ended_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ENDED_ON]);
}

/**
 * ll_pairing_get_notes:
 * @self: a #LlPairing
 *
 * Returns: (nullable): free notes
 */
const char *
ll_pairing_get_notes (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->notes;
}

/**
 * ll_pairing_set_notes:
 * @self: a #LlPairing
 * @notes: (nullable): free notes; empty text is stored as %NULL
 */
void
ll_pairing_set_notes (LlPairing  *self,
                      const char *notes)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * ll_pairing_get_version:
 * @self: a #LlPairing
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_pairing_get_version (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), 0);

  return self->version;
}

/**
 * ll_pairing_set_version:
 * @self: a #LlPairing
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_pairing_set_version (LlPairing *self,
                        gint64     version)
{
  g_return_if_fail (LL_IS_PAIRING (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_pairing_get_created_at:
 * @self: a #LlPairing
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_pairing_get_created_at (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->created_at;
}

/**
 * ll_pairing_get_updated_at:
 * @self: a #LlPairing
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_pairing_get_updated_at (LlPairing *self)
{
  g_return_val_if_fail (LL_IS_PAIRING (self), NULL);

  return self->updated_at;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_pairing_set_timestamps (LlPairing  *self,
                            const char *created_at,
                            const char *updated_at)
{
  g_return_if_fail (LL_IS_PAIRING (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-department"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-department.h"
#include "ll-validate.h"

/* LlDepartment: one row of `departments` (承办单位) — a department or
 * office that cases are handed to. Names are unique. */

struct _LlDepartment
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64    id;
  char     *name;
  char     *contact_person;
  char     *phone;
  char     *address;
  gboolean  active;
  char     *notes;
  gint64    version;
  char     *created_at;
  char     *updated_at;
};

G_DEFINE_FINAL_TYPE (LlDepartment, ll_department, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_CONTACT_PERSON,
  PROP_PHONE,
  PROP_ADDRESS,
  PROP_ACTIVE,
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

static void
ll_department_finalize (GObject *object)
{
  LlDepartment *self = (LlDepartment *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->contact_person, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (ll_department_parent_class)->finalize (object);
}

static void
ll_department_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlDepartment *self = LL_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CONTACT_PERSON:
      g_value_set_string (value, self->contact_person);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
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
ll_department_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlDepartment *self = LL_DEPARTMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_department_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      ll_department_set_name (self, g_value_get_string (value));
      break;

    case PROP_CONTACT_PERSON:
      ll_department_set_contact_person (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      ll_department_set_phone (self, g_value_get_string (value));
      break;

    case PROP_ADDRESS:
      ll_department_set_address (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      ll_department_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_NOTES:
      ll_department_set_notes (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_department_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_department_class_init (LlDepartmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_department_finalize;
  object_class->get_property = ll_department_get_property;
  object_class->set_property = ll_department_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlDepartment:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:name:
   *
   * The name, e.g. 区住建局; unique.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:contact-person:
   *
   * The contact person.
   */
  properties[PROP_CONTACT_PERSON] =
    g_param_spec_string ("contact-person", N_("Contact person"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:phone:
   *
   * The phone number.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", N_("Phone"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:address:
   *
   * The address.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", N_("Address"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:active:
   *
   * Whether cases can still be handed to it.
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", N_("Active"), NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDepartment:updated-at:
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
ll_department_init (LlDepartment *self)
{
  self->active = TRUE;
}

/**
 * ll_department_new:
 *
 * Creates an unsaved department (id 0), active.
 *
 * Returns: (transfer full): a new #LlDepartment
 */
LlDepartment *
ll_department_new (void)
{
  return g_object_new (LL_TYPE_DEPARTMENT, NULL);
}

/**
 * ll_department_validate:
 * @self: a #LlDepartment
 * @error: return location for a #GError
 *
 * Checks that the name is given and the phone number is one. The store
 * also refuses a name that another department has.
 *
 * Returns: %TRUE if the department may be saved
 */
gboolean
ll_department_validate (LlDepartment  *self,
                        GError       **error)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), FALSE);

  return ll_validate_required (self->name, _("Name"), error) &&
         ll_validate_phone (self->phone, _("Phone"), error);
}

/**
 * ll_department_get_id:
 * @self: a #LlDepartment
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_department_get_id (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), 0);

  return self->id;
}

/**
 * ll_department_set_id:
 * @self: a #LlDepartment
 * @id: the row id, 0 until the record is saved
 */
void
ll_department_set_id (LlDepartment *self,
                      gint64        id)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_department_get_name:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): the name, e.g. 区住建局; unique
 */
const char *
ll_department_get_name (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->name;
}

/**
 * ll_department_set_name:
 * @self: a #LlDepartment
 * @name: (nullable): the name, e.g. 区住建局; unique; empty text is stored as
 *   %NULL
 */
void
ll_department_set_name (LlDepartment *self,
                        const char   *name)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * ll_department_get_contact_person:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): the contact person
 */
const char *
ll_department_get_contact_person (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->contact_person;
}

/**
 * ll_department_set_contact_person:
 * @self: a #LlDepartment
 * @contact_person: (nullable): the contact person; empty text is stored as
 *   %NULL
 */
void
ll_department_set_contact_person (LlDepartment *self,
                                  const char   *contact_person)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (set_string (&self->contact_person, contact_person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONTACT_PERSON]);
}

/**
 * ll_department_get_phone:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): the phone number
 */
const char *
ll_department_get_phone (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->phone;
}

/**
 * ll_department_set_phone:
 * @self: a #LlDepartment
 * @phone: (nullable): the phone number; empty text is stored as %NULL
 */
void
ll_department_set_phone (LlDepartment *self,
                         const char   *phone)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/**
 * ll_department_get_address:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): the address
 */
const char *
ll_department_get_address (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->address;
}

/**
 * ll_department_set_address:
 * @self: a #LlDepartment
 * @address: (nullable): the address; empty text is stored as %NULL
 */
void
ll_department_set_address (LlDepartment *self,
                           const char   *address)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

/**
 * ll_department_get_active:
 * @self: a #LlDepartment
 *
 * Returns: whether cases can still be handed to it
 */
gboolean
ll_department_get_active (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), FALSE);

  return self->active;
}

/**
 * ll_department_set_active:
 * @self: a #LlDepartment
 * @active: whether cases can still be handed to it
 */
void
ll_department_set_active (LlDepartment *self,
                          gboolean      active)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (self->active == !!active)
    return;

  self->active = !!active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * ll_department_get_notes:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): free notes
 */
const char *
ll_department_get_notes (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->notes;
}

/**
 * ll_department_set_notes:
 * @self: a #LlDepartment
 * @notes: (nullable): free notes; empty text is stored as %NULL
 */
void
ll_department_set_notes (LlDepartment *self,
                         const char   *notes)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * ll_department_get_version:
 * @self: a #LlDepartment
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_department_get_version (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), 0);

  return self->version;
}

/**
 * ll_department_set_version:
 * @self: a #LlDepartment
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_department_set_version (LlDepartment *self,
                           gint64        version)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_department_get_created_at:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_department_get_created_at (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->created_at;
}

/**
 * ll_department_get_updated_at:
 * @self: a #LlDepartment
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_department_get_updated_at (LlDepartment *self)
{
  g_return_val_if_fail (LL_IS_DEPARTMENT (self), NULL);

  return self->updated_at;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_department_set_timestamps (LlDepartment *self,
                               const char   *created_at,
                               const char   *updated_at)
{
  g_return_if_fail (LL_IS_DEPARTMENT (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

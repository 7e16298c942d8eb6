/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-group"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-group.h"
#include "ll-validate.h"

/* LlGroup: one row of `groups` — a deputy group (代表小组) or a specialty
 * group (专业小组: 财经, 城建, 环境保护 …). People name their groups in
 * deputy-group-id and specialty-group-id. */

struct _LlGroup
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64  id;
  char   *kind;
  char   *name;
  gint64  station_id;
  char   *notes;
  gint64  version;
  char   *created_at;
  char   *updated_at;
};

G_DEFINE_FINAL_TYPE (LlGroup, ll_group, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_STATION_ID,
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
ll_group_finalize (GObject *object)
{
  LlGroup *self = (LlGroup *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (ll_group_parent_class)->finalize (object);
}

static void
ll_group_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  LlGroup *self = LL_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
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
ll_group_set_property (GObject      *object,
                       guint         prop_id,
                       const GValue *value,
                       GParamSpec   *pspec)
{
  LlGroup *self = LL_GROUP (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_group_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      ll_group_set_kind (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      ll_group_set_name (self, g_value_get_string (value));
      break;

    case PROP_STATION_ID:
      ll_group_set_station_id (self, g_value_get_int64 (value));
      break;

    case PROP_NOTES:
      ll_group_set_notes (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_group_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_group_class_init (LlGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_group_finalize;
  object_class->get_property = ll_group_get_property;
  object_class->set_property = ll_group_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlGroup:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:kind:
   *
   * The group-kind key, `deputy` or `specialty`.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", N_("Group kind"), NULL,
                         "deputy",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:name:
   *
   * The name, e.g. 第三代表小组.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:station-id:
   *
   * The id of the station the group meets at, or 0.
   */
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", N_("Station"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlGroup:updated-at:
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
ll_group_init (LlGroup *self)
{
  self->kind = g_strdup ("deputy");
}

/**
 * ll_group_new:
 *
 * Creates an unsaved group (id 0) of kind `deputy`.
 *
 * Returns: (transfer full): a new #LlGroup
 */
LlGroup *
ll_group_new (void)
{
  return g_object_new (LL_TYPE_GROUP, NULL);
}

/**
 * ll_group_validate:
 * @self: a #LlGroup
 * @error: return location for a #GError
 *
 * Checks that the name is given and the kind is a known key.
 *
 * Returns: %TRUE if the group may be saved
 */
gboolean
ll_group_validate (LlGroup  *self,
                   GError  **error)
{
  g_return_val_if_fail (LL_IS_GROUP (self), FALSE);

  return ll_validate_required (self->name, _("Name"), error) &&
         ll_validate_enum (LL_ENUM_GROUP_KIND, self->kind, FALSE, _("Group kind"), error);
}

/**
 * ll_group_get_id:
 * @self: a #LlGroup
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_group_get_id (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), 0);

  return self->id;
}

/**
 * ll_group_set_id:
 * @self: a #LlGroup
 * @id: the row id, 0 until the record is saved
 */
void
ll_group_set_id (LlGroup *self,
                 gint64   id)
{
  g_return_if_fail (LL_IS_GROUP (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_group_get_kind:
 * @self: a #LlGroup
 *
 * Returns: (nullable): the group-kind key, `deputy` or `specialty`
 */
const char *
ll_group_get_kind (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), NULL);

  return self->kind;
}

/**
 * ll_group_set_kind:
 * @self: a #LlGroup
 * @kind: (nullable): the group-kind key, `deputy` or `specialty`; empty text
 *   is stored as %NULL
 */
void
ll_group_set_kind (LlGroup    *self,
                   const char *kind)
{
  g_return_if_fail (LL_IS_GROUP (self));

  if (set_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * ll_group_get_name:
 * @self: a #LlGroup
 *
 * Returns: (nullable): the name, e.g. 第三代表小组
 */
const char *
ll_group_get_name (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), NULL);

  return self->name;
}

/**
 * ll_group_set_name:
 * @self: a #LlGroup
 * @name: (nullable): the name, e.g. 第三代表小组; empty text is stored as %NULL
 */
void
ll_group_set_name (LlGroup    *self,
                   const char *name)
{
  g_return_if_fail (LL_IS_GROUP (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * ll_group_get_station_id:
 * @self: a #LlGroup
 *
 * Returns: the id of the station the group meets at, or 0
 */
gint64
ll_group_get_station_id (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), 0);

  return self->station_id;
}

/**
 * ll_group_set_station_id:
 * @self: a #LlGroup
 * @station_id: the id of the station the group meets at, or 0
 */
void
ll_group_set_station_id (LlGroup *self,
                         gint64   station_id)
{
  g_return_if_fail (LL_IS_GROUP (self));
  g_return_if_fail (station_id >= 0);

  if (self->station_id == station_id)
    return;

  self->station_id = station_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

/**
 * ll_group_get_notes:
 * @self: a #LlGroup
 *
 * Returns: (nullable): free notes
 */
const char *
ll_group_get_notes (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), NULL);

  return self->notes;
}

/**
 * ll_group_set_notes:
 * @self: a #LlGroup
 * @notes: (nullable): free notes; empty text is stored as %NULL
 */
void
ll_group_set_notes (LlGroup    *self,
                    const char *notes)
{
  g_return_if_fail (LL_IS_GROUP (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * ll_group_get_version:
 * @self: a #LlGroup
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_group_get_version (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), 0);

  return self->version;
}

/**
 * ll_group_set_version:
 * @self: a #LlGroup
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_group_set_version (LlGroup *self,
                      gint64   version)
{
  g_return_if_fail (LL_IS_GROUP (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_group_get_created_at:
 * @self: a #LlGroup
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_group_get_created_at (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), NULL);

  return self->created_at;
}

/**
 * ll_group_get_updated_at:
 * @self: a #LlGroup
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_group_get_updated_at (LlGroup *self)
{
  g_return_val_if_fail (LL_IS_GROUP (self), NULL);

  return self->updated_at;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_group_set_timestamps (LlGroup    *self,
                          const char *created_at,
                          const char *updated_at)
{
  g_return_if_fail (LL_IS_GROUP (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

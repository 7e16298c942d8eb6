/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-area"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-area.h"
#include "ll-validate.h"

/* LlArea: one row of `areas`, an administrative area — a district or
 * county (区县), a town or sub-district (乡镇/街道), or a community or
 * village (社区/村). Areas form a tree in that order; stations name the
 * area they serve. */

struct _LlArea
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64  id;
  gint64  parent_id;
  char   *level;
  char   *name;
  char   *code;
  gint64  version;
  char   *created_at;
  char   *updated_at;

  /* Owned: filled by some store queries, not columns */
  guint   depth;
};

G_DEFINE_FINAL_TYPE (LlArea, ll_area, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_LEVEL,
  PROP_NAME,
  PROP_CODE,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DEPTH,
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
ll_area_finalize (GObject *object)
{
  LlArea *self = (LlArea *) object;

  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->code, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (ll_area_parent_class)->finalize (object);
}

static void
ll_area_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LlArea *self = LL_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_CODE:
      g_value_set_string (value, self->code);
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

    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_area_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LlArea *self = LL_AREA (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_area_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARENT_ID:
      ll_area_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_LEVEL:
      ll_area_set_level (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      ll_area_set_name (self, g_value_get_string (value));
      break;

    case PROP_CODE:
      ll_area_set_code (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_area_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_area_class_init (LlAreaClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_area_finalize;
  object_class->get_property = ll_area_get_property;
  object_class->set_property = ll_area_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlArea:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:parent-id:
   *
   * The id of the area this one belongs to, or 0 for a district.
   */
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", N_("Belongs to"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:level:
   *
   * The area-level key: `district`, `town` or `community`.
   */
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", N_("Area level"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:name:
   *
   * The name, e.g. 东湖街道.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:code:
   *
   * The administrative division code (行政区划代码), when known.
   */
  properties[PROP_CODE] =
    g_param_spec_string ("code", N_("Area code"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:updated-at:
   *
   * When the row was last saved, ISO-8601 UTC (set by the database).
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", N_("Updated"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlArea:depth:
   *
   * Not a column: how deep the area lies in the tree (0 for a district), as
   * filled by ll_area_store_list_all().
   */
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", N_("Depth"), NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_area_init (LlArea *self)
{
}

/**
 * ll_area_new:
 *
 * Creates an unsaved area (id 0).
 *
 * Returns: (transfer full): a new #LlArea
 */
LlArea *
ll_area_new (void)
{
  return g_object_new (LL_TYPE_AREA, NULL);
}

/**
 * ll_area_validate:
 * @self: a #LlArea
 * @error: return location for a #GError
 *
 * Checks the fields that need no database: the name is given, the level
 * is a known key and the area is not its own parent. The store also
 * checks that the parent exists and lies a level above.
 *
 * Returns: %TRUE if the area may be saved
 */
gboolean
ll_area_validate (LlArea  *self,
                  GError **error)
{
  g_return_val_if_fail (LL_IS_AREA (self), FALSE);

  if (!ll_validate_required (self->name, _("Name"), error) ||
      !ll_validate_enum (LL_ENUM_AREA_LEVEL, self->level, FALSE, _("Area level"), error))
    return FALSE;

  if (self->id != 0 && self->parent_id == self->id)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("An area cannot be placed under itself."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_area_get_id:
 * @self: a #LlArea
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_area_get_id (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), 0);

  return self->id;
}

/**
 * ll_area_set_id:
 * @self: a #LlArea
 * @id: the row id, 0 until the record is saved
 */
void
ll_area_set_id (LlArea *self,
                gint64  id)
{
  g_return_if_fail (LL_IS_AREA (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_area_get_parent_id:
 * @self: a #LlArea
 *
 * Returns: the id of the area this one belongs to, or 0 for a district
 */
gint64
ll_area_get_parent_id (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), 0);

  return self->parent_id;
}

/**
 * ll_area_set_parent_id:
 * @self: a #LlArea
 * @parent_id: the id of the area this one belongs to, or 0 for a district
 */
void
ll_area_set_parent_id (LlArea *self,
                       gint64  parent_id)
{
  g_return_if_fail (LL_IS_AREA (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

/**
 * ll_area_get_level:
 * @self: a #LlArea
 *
 * Returns: (nullable): the area-level key: `district`, `town` or `community`
 */
const char *
ll_area_get_level (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), NULL);

  return self->level;
}

/**
 * ll_area_set_level:
 * @self: a #LlArea
 * @level: (nullable): the area-level key: `district`, `town` or `community`;
 *   empty text is stored as %NULL
 */
void
ll_area_set_level (LlArea     *self,
                   const char *level)
{
  g_return_if_fail (LL_IS_AREA (self));

  if (set_string (&self->level, level))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/**
 * ll_area_get_name:
 * @self: a #LlArea
 *
 * Returns: (nullable): the name, e.g. 东湖街道
 */
const char *
ll_area_get_name (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), NULL);

  return self->name;
}

/**
 * ll_area_set_name:
 * @self: a #LlArea
 * @name: (nullable): the name, e.g. 东湖街道; empty text is stored as %NULL
 */
void
ll_area_set_name (LlArea     *self,
                  const char *name)
{
  g_return_if_fail (LL_IS_AREA (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * ll_area_get_code:
 * @self: a #LlArea
 *
 * Returns: (nullable): the administrative division code (行政区划代码), when known
 */
const char *
ll_area_get_code (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), NULL);

  return self->code;
}

/**
 * ll_area_set_code:
 * @self: a #LlArea
 * @code: (nullable): the administrative division code (行政区划代码), when known;
 *   empty text is stored as %NULL
 */
void
ll_area_set_code (LlArea     *self,
                  const char *code)
{
  g_return_if_fail (LL_IS_AREA (self));

  if (set_string (&self->code, code))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CODE]);
}

/**
 * ll_area_get_version:
 * @self: a #LlArea
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_area_get_version (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), 0);

  return self->version;
}

/**
 * ll_area_set_version:
 * @self: a #LlArea
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_area_set_version (LlArea *self,
                     gint64  version)
{
  g_return_if_fail (LL_IS_AREA (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_area_get_created_at:
 * @self: a #LlArea
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_area_get_created_at (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), NULL);

  return self->created_at;
}

/**
 * ll_area_get_updated_at:
 * @self: a #LlArea
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_area_get_updated_at (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), NULL);

  return self->updated_at;
}

/**
 * ll_area_get_depth:
 * @self: a #LlArea
 *
 * Returns: not a column: how deep the area lies in the tree (0 for a
 *   district), as filled by ll_area_store_list_all()
 */
guint
ll_area_get_depth (LlArea *self)
{
  g_return_val_if_fail (LL_IS_AREA (self), 0);

  return self->depth;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_area_set_timestamps (LlArea     *self,
                         const char *created_at,
                         const char *updated_at)
{
  g_return_if_fail (LL_IS_AREA (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* Called by ll_area_store_list_all(). */
void
_ll_area_set_depth (LlArea *self,
                    guint   depth)
{
  g_return_if_fail (LL_IS_AREA (self));

  if (self->depth == depth)
    return;

  self->depth = depth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
}

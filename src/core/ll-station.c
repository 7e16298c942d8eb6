/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-station"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-station.h"
#include "ll-validate.h"

/* LlStation: one row of `stations` (站点). Stations form a tree, 家 → 站
 * → 室/点; the station head and liaison officers are memberships, not
 * columns. A closed station is archived (active FALSE, archived-at set)
 * through ll_station_store_archive(), never by saving these two fields. */

struct _LlStation
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64    id;
  gint64    parent_id;
  char     *kind;
  char     *name;
  gint64    area_id;
  char     *address;
  char     *opened_on;
  double    floor_area;
  char     *phone;
  char     *reception_schedule;
  char     *reception_days;
  gboolean  active;
  char     *archived_at;
  char     *notes;
  gint64    version;
  char     *created_at;
  char     *updated_at;

  /* Owned: filled by some store queries, not columns */
  guint     depth;
  gint64    people_count;
  gint64    open_case_count;
};

G_DEFINE_FINAL_TYPE (LlStation, ll_station, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_PARENT_ID,
  PROP_KIND,
  PROP_NAME,
  PROP_AREA_ID,
  PROP_ADDRESS,
  PROP_OPENED_ON,
  PROP_FLOOR_AREA,
  PROP_PHONE,
  PROP_RECEPTION_SCHEDULE,
  PROP_RECEPTION_DAYS,
  PROP_ACTIVE,
  PROP_ARCHIVED_AT,
  PROP_NOTES,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_DEPTH,
  PROP_PEOPLE_COUNT,
  PROP_OPEN_CASE_COUNT,
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

/* archived-at is written by the store as 2025-03-01T08:30:00Z. */
static gboolean
validate_timestamp (const char  *value,
                    const char  *field,
                    GError     **error)
{
  g_autoptr(GDateTime) parsed = NULL;

  if (value == NULL)
    return TRUE;

  if (strlen (value) == 20 && value[19] == 'Z')
    parsed = g_date_time_new_from_iso8601 (value, NULL);

  if (parsed != NULL)
    return TRUE;

  /* Translators: the first %s is a field, e.g. “Archived”; the second what
   * was given */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: “%s” is not a time (write it as 2025-03-01T08:30:00Z)."), field, value);
  return FALSE;
}

/* Days of the month, comma-separated, each 1–31, none twice: “10,18”. */
static gboolean
reception_days_are_valid (const char *value)
{
  g_auto(GStrv) days = g_strsplit (value, ",", -1);
  gboolean seen[32] = { FALSE, };

  for (guint i = 0; days[i] != NULL; i++)
    {
      const char *day = days[i];
      guint64 number;

      if (*day == '\0' || strlen (day) > 2 || strspn (day, "0123456789") != strlen (day))
        return FALSE;

      number = g_ascii_strtoull (day, NULL, 10);
      if (number < 1 || number > 31 || seen[number])
        return FALSE;
      seen[number] = TRUE;
    }

  return TRUE;
}

static void
ll_station_finalize (GObject *object)
{
  LlStation *self = (LlStation *) object;

  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->address, g_free);
  g_clear_pointer (&self->opened_on, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->reception_schedule, g_free);
  g_clear_pointer (&self->reception_days, g_free);
  g_clear_pointer (&self->archived_at, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (ll_station_parent_class)->finalize (object);
}

static void
ll_station_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  LlStation *self = LL_STATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_PARENT_ID:
      g_value_set_int64 (value, self->parent_id);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_AREA_ID:
      g_value_set_int64 (value, self->area_id);
      break;

    case PROP_ADDRESS:
      g_value_set_string (value, self->address);
      break;

    case PROP_OPENED_ON:
      g_value_set_string (value, self->opened_on);
      break;

    case PROP_FLOOR_AREA:
      g_value_set_double (value, self->floor_area);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_RECEPTION_SCHEDULE:
      g_value_set_string (value, self->reception_schedule);
      break;

    case PROP_RECEPTION_DAYS:
      g_value_set_string (value, self->reception_days);
      break;

    case PROP_ACTIVE:
      g_value_set_boolean (value, self->active);
      break;

    case PROP_ARCHIVED_AT:
      g_value_set_string (value, self->archived_at);
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

    case PROP_DEPTH:
      g_value_set_uint (value, self->depth);
      break;

    case PROP_PEOPLE_COUNT:
      g_value_set_int64 (value, self->people_count);
      break;

    case PROP_OPEN_CASE_COUNT:
      g_value_set_int64 (value, self->open_case_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_station_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  LlStation *self = LL_STATION (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_station_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_PARENT_ID:
      ll_station_set_parent_id (self, g_value_get_int64 (value));
      break;

    case PROP_KIND:
      ll_station_set_kind (self, g_value_get_string (value));
      break;

    case PROP_NAME:
      ll_station_set_name (self, g_value_get_string (value));
      break;

    case PROP_AREA_ID:
      ll_station_set_area_id (self, g_value_get_int64 (value));
      break;

    case PROP_ADDRESS:
      ll_station_set_address (self, g_value_get_string (value));
      break;

    case PROP_OPENED_ON:
      ll_station_set_opened_on (self, g_value_get_string (value));
      break;

    case PROP_FLOOR_AREA:
      ll_station_set_floor_area (self, g_value_get_double (value));
      break;

    case PROP_PHONE:
      ll_station_set_phone (self, g_value_get_string (value));
      break;

    case PROP_RECEPTION_SCHEDULE:
      ll_station_set_reception_schedule (self, g_value_get_string (value));
      break;

    case PROP_RECEPTION_DAYS:
      ll_station_set_reception_days (self, g_value_get_string (value));
      break;

    case PROP_ACTIVE:
      ll_station_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_ARCHIVED_AT:
      ll_station_set_archived_at (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      ll_station_set_notes (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_station_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_station_class_init (LlStationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_station_finalize;
  object_class->get_property = ll_station_get_property;
  object_class->set_property = ll_station_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlStation:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:parent-id:
   *
   * The id of the station this one belongs to, or 0 for a top-level station.
   */
  properties[PROP_PARENT_ID] =
    g_param_spec_int64 ("parent-id", N_("Belongs to"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:kind:
   *
   * The station-kind key, e.g. `station` or `point`.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", N_("Station kind"), NULL,
                         "station",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:name:
   *
   * The name, e.g. 东湖社区人大代表联络站.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:area-id:
   *
   * The id of the administrative area it serves, or 0.
   */
  properties[PROP_AREA_ID] =
    g_param_spec_int64 ("area-id", N_("Area"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:address:
   *
   * The address.
   */
  properties[PROP_ADDRESS] =
    g_param_spec_string ("address", N_("Address"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:opened-on:
   *
   * The opening date, `YYYY-MM-DD`.
   */
  properties[PROP_OPENED_ON] =
    g_param_spec_string ("opened-on", N_("Opened"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:floor-area:
   *
   * The floor area in square metres, or %LL_STATION_FLOOR_AREA_UNSET.
   */
  properties[PROP_FLOOR_AREA] =
    g_param_spec_double ("floor-area", N_("Floor area"), NULL,
                         -G_MAXDOUBLE, G_MAXDOUBLE, LL_STATION_FLOOR_AREA_UNSET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:phone:
   *
   * The station’s phone number.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", N_("Phone"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:reception-schedule:
   *
   * The reception schedule as staff write it, e.g. 每月10日接待选民.
   */
  properties[PROP_RECEPTION_SCHEDULE] =
    g_param_spec_string ("reception-schedule", N_("Reception schedule"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:reception-days:
   *
   * The reception days of the month, comma-separated, e.g. `10,18`.
   */
  properties[PROP_RECEPTION_DAYS] =
    g_param_spec_string ("reception-days", N_("Reception days"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:active:
   *
   * Whether the station is open (%FALSE once archived).
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", N_("Active"), NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:archived-at:
   *
   * When the station was archived (closed), ISO-8601 UTC.
   */
  properties[PROP_ARCHIVED_AT] =
    g_param_spec_string ("archived-at", N_("Archived"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:updated-at:
   *
   * When the row was last saved, ISO-8601 UTC (set by the database).
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", N_("Updated"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:depth:
   *
   * Not a column: how deep the station lies in the tree (0 at the top), as
   * filled by ll_station_store_list_all().
   */
  properties[PROP_DEPTH] =
    g_param_spec_uint ("depth", N_("Depth"), NULL,
                       0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:people-count:
   *
   * Not a column: the people currently stationed there, as filled by the
   * station lists; -1 when not counted.
   */
  properties[PROP_PEOPLE_COUNT] =
    g_param_spec_int64 ("people-count", N_("People"), NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlStation:open-case-count:
   *
   * Not a column: its cases that are not closed, as filled by the station
   * lists; -1 when not counted.
   */
  properties[PROP_OPEN_CASE_COUNT] =
    g_param_spec_int64 ("open-case-count", N_("Open cases"), NULL,
                        -1, G_MAXINT64, -1,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_station_init (LlStation *self)
{
  self->kind = g_strdup ("station");
  self->floor_area = LL_STATION_FLOOR_AREA_UNSET;
  self->active = TRUE;
  self->people_count = -1;
  self->open_case_count = -1;
}

/**
 * ll_station_new:
 *
 * Creates an unsaved station (id 0) of kind `station`, active.
 *
 * Returns: (transfer full): a new #LlStation
 */
LlStation *
ll_station_new (void)
{
  return g_object_new (LL_TYPE_STATION, NULL);
}

/**
 * ll_station_validate:
 * @self: a #LlStation
 * @error: return location for a #GError
 *
 * Checks the fields that need no database: name, kind key, opening date,
 * floor area (not negative), phone number, reception days (each a day of
 * the month, 1–31) and that the station is not its own parent. The store
 * also refuses a parent that does not exist or lies below the station.
 *
 * Returns: %TRUE if the station may be saved
 */
gboolean
ll_station_validate (LlStation  *self,
                     GError    **error)
{
  g_return_val_if_fail (LL_IS_STATION (self), FALSE);

  if (!ll_validate_required (self->name, _("Name"), error) ||
      !ll_validate_enum (LL_ENUM_STATION_KIND, self->kind, FALSE, _("Station kind"), error) ||
      !ll_validate_date (self->opened_on, _("Opened"), error) ||
      !ll_validate_phone (self->phone, _("Phone"), error) ||
      !validate_timestamp (self->archived_at, _("Archived"), error))
    return FALSE;

  if (self->floor_area < 0 && self->floor_area != LL_STATION_FLOOR_AREA_UNSET)
    {
      /* Translators: %s is a field, “Floor area” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s cannot be negative."), _("Floor area"));
      return FALSE;
    }

  if (self->reception_days != NULL && !reception_days_are_valid (self->reception_days))
    {
      /* Translators: the first %s is a field, “Reception days”; the second
       * what was typed */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: “%s” is not a list of days of the month from 1 to 31, "
                     "such as 10,18."),
                   _("Reception days"), self->reception_days);
      return FALSE;
    }

  if (self->id != 0 && self->parent_id == self->id)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("A station cannot be placed under itself or under one of "
                             "its own points."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_station_get_id:
 * @self: a #LlStation
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_station_get_id (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), 0);

  return self->id;
}

/**
 * ll_station_set_id:
 * @self: a #LlStation
 * @id: the row id, 0 until the record is saved
 */
void
ll_station_set_id (LlStation *self,
                   gint64     id)
{
  g_return_if_fail (LL_IS_STATION (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_station_get_parent_id:
 * @self: a #LlStation
 *
 * Returns: the id of the station this one belongs to, or 0 for a top-level
 *   station
 */
gint64
ll_station_get_parent_id (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), 0);

  return self->parent_id;
}

/**
 * ll_station_set_parent_id:
 * @self: a #LlStation
 * @parent_id: the id of the station this one belongs to, or 0 for a top-level
 *   station
 */
void
ll_station_set_parent_id (LlStation *self,
                          gint64     parent_id)
{
  g_return_if_fail (LL_IS_STATION (self));
  g_return_if_fail (parent_id >= 0);

  if (self->parent_id == parent_id)
    return;

  self->parent_id = parent_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARENT_ID]);
}

/**
 * ll_station_get_kind:
 * @self: a #LlStation
 *
 * Returns: (nullable): the station-kind key, e.g. `station` or `point`
 */
const char *
ll_station_get_kind (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->kind;
}

/**
 * ll_station_set_kind:
 * @self: a #LlStation
 * @kind: (nullable): the station-kind key, e.g. `station` or `point`; empty
 *   text is stored as %NULL
 */
void
ll_station_set_kind (LlStation  *self,
                     const char *kind)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->kind, kind))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * ll_station_get_name:
 * @self: a #LlStation
 *
 * Returns: (nullable): the name, e.g. 东湖社区人大代表联络站
 */
const char *
ll_station_get_name (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->name;
}

/**
 * ll_station_set_name:
 * @self: a #LlStation
 * @name: (nullable): the name, e.g. 东湖社区人大代表联络站; empty text is stored as %NULL
 */
void
ll_station_set_name (LlStation  *self,
                     const char *name)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * ll_station_get_area_id:
 * @self: a #LlStation
 *
 * Returns: the id of the administrative area it serves, or 0
 */
gint64
ll_station_get_area_id (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), 0);

  return self->area_id;
}

/**
 * ll_station_set_area_id:
 * @self: a #LlStation
 * @area_id: the id of the administrative area it serves, or 0
 */
void
ll_station_set_area_id (LlStation *self,
                        gint64     area_id)
{
  g_return_if_fail (LL_IS_STATION (self));
  g_return_if_fail (area_id >= 0);

  if (self->area_id == area_id)
    return;

  self->area_id = area_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_AREA_ID]);
}

/**
 * ll_station_get_address:
 * @self: a #LlStation
 *
 * Returns: (nullable): the address
 */
const char *
ll_station_get_address (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->address;
}

/**
 * ll_station_set_address:
 * @self: a #LlStation
 * @address: (nullable): the address; empty text is stored as %NULL
 */
void
ll_station_set_address (LlStation  *self,
                        const char *address)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->address, address))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDRESS]);
}

/**
 * ll_station_get_opened_on:
 * @self: a #LlStation
 *
 * Returns: (nullable): the opening date, `YYYY-MM-DD`
 */
const char *
ll_station_get_opened_on (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->opened_on;
}

/**
 * ll_station_set_opened_on:
 * @self: a #LlStation
 * @opened_on: (nullable): the opening date, `YYYY-MM-DD`; empty text is stored
 *   as %NULL
 */
void
ll_station_set_opened_on (LlStation  *self,
                          const char *opened_on)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->opened_on, opened_on))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPENED_ON]);
}

/**
 * ll_station_get_floor_area:
 * @self: a #LlStation
 *
 * Returns: the floor area in square metres, or %LL_STATION_FLOOR_AREA_UNSET
 */
double
ll_station_get_floor_area (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), 0.0);

  return self->floor_area;
}

/**
 * ll_station_set_floor_area:
 * @self: a #LlStation
 * @floor_area: the floor area in square metres, or
 *   %LL_STATION_FLOOR_AREA_UNSET
 */
void
ll_station_set_floor_area (LlStation *self,
                           double     floor_area)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (self->floor_area == floor_area)
    return;

  self->floor_area = floor_area;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLOOR_AREA]);
}

/**
 * ll_station_get_phone:
 * @self: a #LlStation
 *
 * Returns: (nullable): the station’s phone number
 */
const char *
ll_station_get_phone (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->phone;
}

/**
 * ll_station_set_phone:
 * @self: a #LlStation
 * @phone: (nullable): the station’s phone number; empty text is stored as
 *   %NULL
 */
void
ll_station_set_phone (LlStation  *self,
                      const char *phone)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/**
 * ll_station_get_reception_schedule:
 * @self: a #LlStation
 *
 * Returns: (nullable): the reception schedule as staff write it, e.g.
 *   每月10日接待选民
 */
const char *
ll_station_get_reception_schedule (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->reception_schedule;
}

/**
 * ll_station_set_reception_schedule:
 * @self: a #LlStation
 * @reception_schedule: (nullable): the reception schedule as staff write it,
 *   e.g. 每月10日接待选民; empty text is stored as %NULL
 */
void
ll_station_set_reception_schedule (LlStation  *self,
                                   const char *reception_schedule)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->reception_schedule, reception_schedule))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEPTION_SCHEDULE]);
}

/**
 * ll_station_get_reception_days:
 * @self: a #LlStation
 *
 * Returns: (nullable): the reception days of the month, comma-separated, e.g.
 *   `10,18`
 */
const char *
ll_station_get_reception_days (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->reception_days;
}

/**
 * ll_station_set_reception_days:
 * @self: a #LlStation
 * @reception_days: (nullable): the reception days of the month,
 *   comma-separated, e.g. `10,18`; empty text is stored as %NULL
 */
void
ll_station_set_reception_days (LlStation  *self,
                               const char *reception_days)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->reception_days, reception_days))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEPTION_DAYS]);
}

/**
 * ll_station_get_active:
 * @self: a #LlStation
 *
 * Returns: whether the station is open (%FALSE once archived)
 */
gboolean
ll_station_get_active (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), FALSE);

  return self->active;
}

/**
 * ll_station_set_active:
 * @self: a #LlStation
 * @active: whether the station is open (%FALSE once archived)
 */
void
ll_station_set_active (LlStation *self,
                       gboolean   active)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (self->active == !!active)
    return;

  self->active = !!active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * ll_station_get_archived_at:
 * @self: a #LlStation
 *
 * Returns: (nullable): when the station was archived (closed), ISO-8601 UTC
 */
const char *
ll_station_get_archived_at (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->archived_at;
}

/**
 * ll_station_set_archived_at:
 * @self: a #LlStation
 * @archived_at: (nullable): when the station was archived (closed), ISO-8601
 *   UTC; empty text is stored as %NULL
 */
void
ll_station_set_archived_at (LlStation  *self,
                            const char *archived_at)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->archived_at, archived_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED_AT]);
}

/**
 * ll_station_get_notes:
 * @self: a #LlStation
 *
 * Returns: (nullable): free notes
 */
const char *
ll_station_get_notes (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->notes;
}

/**
 * ll_station_set_notes:
 * @self: a #LlStation
 * @notes: (nullable): free notes; empty text is stored as %NULL
 */
void
ll_station_set_notes (LlStation  *self,
                      const char *notes)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * ll_station_get_version:
 * @self: a #LlStation
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_station_get_version (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), 0);

  return self->version;
}

/**
 * ll_station_set_version:
 * @self: a #LlStation
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_station_set_version (LlStation *self,
                        gint64     version)
{
  g_return_if_fail (LL_IS_STATION (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_station_get_created_at:
 * @self: a #LlStation
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_station_get_created_at (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->created_at;
}

/**
 * ll_station_get_updated_at:
 * @self: a #LlStation
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_station_get_updated_at (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), NULL);

  return self->updated_at;
}

/**
 * ll_station_get_depth:
 * @self: a #LlStation
 *
 * Returns: not a column: how deep the station lies in the tree (0 at the top),
 *   as filled by ll_station_store_list_all()
 */
guint
ll_station_get_depth (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), 0);

  return self->depth;
}

/**
 * ll_station_get_people_count:
 * @self: a #LlStation
 *
 * Returns: not a column: the people currently stationed there, as filled by
 *   the station lists; -1 when not counted
 */
gint64
ll_station_get_people_count (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), -1);

  return self->people_count;
}

/**
 * ll_station_get_open_case_count:
 * @self: a #LlStation
 *
 * Returns: not a column: its cases that are not closed, as filled by the
 *   station lists; -1 when not counted
 */
gint64
ll_station_get_open_case_count (LlStation *self)
{
  g_return_val_if_fail (LL_IS_STATION (self), -1);

  return self->open_case_count;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_station_set_timestamps (LlStation  *self,
                            const char *created_at,
                            const char *updated_at)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* Called by ll_station_store_list_all(). */
void
_ll_station_set_depth (LlStation *self,
                       guint      depth)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (self->depth == depth)
    return;

  self->depth = depth;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPTH]);
}

/* Called by the station lists that count people and open cases. */
void
_ll_station_set_counts (LlStation *self,
                        gint64     people_count,
                        gint64     open_case_count)
{
  g_return_if_fail (LL_IS_STATION (self));

  if (self->people_count != people_count)
    {
      self->people_count = people_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE_COUNT]);
    }

  if (self->open_case_count != open_case_count)
    {
      self->open_case_count = open_case_count;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPEN_CASE_COUNT]);
    }
}

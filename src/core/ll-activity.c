/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-activity"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-activity.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-validate.h"

/**
 * LlActivity:
 *
 * A deputy activity (履职活动): one row of `activities`, with one
 * property per column. The participants and their attendance are
 * #LlParticipant records read and written through ll-activity-store.
 * #LlActivity:station-name and #LlActivity:n-participants are read-only
 * conveniences filled in by the store, not columns.
 *
 * The getter and setter of the `type` column are
 * ll_activity_get_activity_type() and ll_activity_set_activity_type(),
 * because ll_activity_get_type() is the #GType.
 */

struct _LlActivity
{
  GObject   parent_instance;

  /* Owned */
  gint64    id;
  gint64    version;
  char     *held_on;
  char     *type;
  char     *subtype;
  gint64    station_id;
  char     *title;
  char     *location;
  int       people_received;
  int       opinions_collected;
  char     *summary;
  char     *created_at;
  char     *updated_at;
  char     *station_name;
  int       n_participants;
};

G_DEFINE_FINAL_TYPE (LlActivity, ll_activity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_HELD_ON,
  PROP_TYPE,
  PROP_SUBTYPE,
  PROP_STATION_ID,
  PROP_TITLE,
  PROP_LOCATION,
  PROP_PEOPLE_RECEIVED,
  PROP_OPINIONS_COLLECTED,
  PROP_SUMMARY,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_STATION_NAME,
  PROP_N_PARTICIPANTS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The translated labels of the fields, for messages and the
 * edit-conflict dialog. */
static const struct {
  const char *property;
  const char *label;
} field_labels[] = {
  { "id", NC_("activity field", "Id") },
  { "version", NC_("activity field", "Version") },
  { "held-on", NC_("activity field", "Date") },
  { "type", NC_("activity field", "Type") },
  { "subtype", NC_("activity field", "Sub-type") },
  { "station-id", NC_("activity field", "Station") },
  { "title", NC_("activity field", "Title") },
  { "location", NC_("activity field", "Place") },
  { "people-received", NC_("activity field", "People received") },
  { "opinions-collected", NC_("activity field", "Opinions collected") },
  { "summary", NC_("activity field", "Summary") },
  { "created-at", NC_("activity field", "Created") },
  { "updated-at", NC_("activity field", "Last changed") },
  { "station-name", NC_("activity field", "Station") },
  { "n-participants", NC_("activity field", "Participants") },
  { "participants", NC_("activity field", "Participants") },
};

#define LABEL(property) ll_activity_get_field_label (property)

G_DEFINE_BOXED_TYPE (LlParticipant, ll_participant, ll_participant_copy, ll_participant_free)

static void
ll_activity_finalize (GObject *object)
{
  LlActivity *self = (LlActivity *) object;

  g_clear_pointer (&self->held_on, g_free);
  g_clear_pointer (&self->type, g_free);
  g_clear_pointer (&self->subtype, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->location, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->station_name, g_free);

  G_OBJECT_CLASS (ll_activity_parent_class)->finalize (object);
}

static void
ll_activity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlActivity *self = LL_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_HELD_ON:
      g_value_set_string (value, self->held_on);
      break;

    case PROP_TYPE:
      g_value_set_string (value, self->type);
      break;

    case PROP_SUBTYPE:
      g_value_set_string (value, self->subtype);
      break;

    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_LOCATION:
      g_value_set_string (value, self->location);
      break;

    case PROP_PEOPLE_RECEIVED:
      g_value_set_int (value, self->people_received);
      break;

    case PROP_OPINIONS_COLLECTED:
      g_value_set_int (value, self->opinions_collected);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_STATION_NAME:
      g_value_set_string (value, self->station_name);
      break;

    case PROP_N_PARTICIPANTS:
      g_value_set_int (value, self->n_participants);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_activity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LlActivity *self = LL_ACTIVITY (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_activity_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      ll_activity_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_HELD_ON:
      ll_activity_set_held_on (self, g_value_get_string (value));
      break;

    case PROP_TYPE:
      ll_activity_set_activity_type (self, g_value_get_string (value));
      break;

    case PROP_SUBTYPE:
      ll_activity_set_subtype (self, g_value_get_string (value));
      break;

    case PROP_STATION_ID:
      ll_activity_set_station_id (self, g_value_get_int64 (value));
      break;

    case PROP_TITLE:
      ll_activity_set_title (self, g_value_get_string (value));
      break;

    case PROP_LOCATION:
      ll_activity_set_location (self, g_value_get_string (value));
      break;

    case PROP_PEOPLE_RECEIVED:
      ll_activity_set_people_received (self, g_value_get_int (value));
      break;

    case PROP_OPINIONS_COLLECTED:
      ll_activity_set_opinions_collected (self, g_value_get_int (value));
      break;

    case PROP_SUMMARY:
      ll_activity_set_summary (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      ll_activity_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      ll_activity_set_updated_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_activity_class_init (LlActivityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_activity_finalize;
  object_class->get_property = ll_activity_get_property;
  object_class->set_property = ll_activity_set_property;

  /**
   * LlActivity:id:
   *
   * The row id; 0 until the activity is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:version:
   *
   * The row version (optimistic locking); 0 until saved.
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:held-on:
   *
   * The date of the activity, `YYYY-MM-DD`.
   */
  properties[PROP_HELD_ON] =
    g_param_spec_string ("held-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:type:
   *
   * An activity-type key such as `reception`.
   */
  properties[PROP_TYPE] =
    g_param_spec_string ("type", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:subtype:
   *
   * The sub-type as written, e.g. one of the 六进 or 六请.
   */
  properties[PROP_SUBTYPE] =
    g_param_spec_string ("subtype", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:station-id:
   *
   * The station where it took place, or 0.
   */
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:title:
   *
   * What the activity was, in one line.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:location:
   *
   * Where it took place.
   */
  properties[PROP_LOCATION] =
    g_param_spec_string ("location", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:people-received:
   *
   * The number of people received (人次).
   */
  properties[PROP_PEOPLE_RECEIVED] =
    g_param_spec_int ("people-received", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:opinions-collected:
   *
   * The number of opinions collected.
   */
  properties[PROP_OPINIONS_COLLECTED] =
    g_param_spec_int ("opinions-collected", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:summary:
   *
   * A summary of the activity.
   */
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:created-at:
   *
   * When the row was created, ISO-8601 UTC.
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:updated-at:
   *
   * When the row was last changed, ISO-8601 UTC.
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:station-name:
   *
   * The station's name, filled in by the store; not a column.
   */
  properties[PROP_STATION_NAME] =
    g_param_spec_string ("station-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlActivity:n-participants:
   *
   * The number of participants, filled in by the store; not a column.
   */
  properties[PROP_N_PARTICIPANTS] =
    g_param_spec_int ("n-participants", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_activity_init (LlActivity *self)
{
}

/**
 * ll_participant_new:
 * @person_id: the person
 * @name: (nullable): the person's name (filled in when listing; ignored
 *   when saving)
 * @attendance: (nullable): an attendance key; %NULL for `present`
 *
 * Returns: (transfer full): a new #LlParticipant
 */
LlParticipant *
ll_participant_new (gint64      person_id,
                    const char *name,
                    const char *attendance)
{
  LlParticipant *self = g_new0 (LlParticipant, 1);

  self->person_id = person_id;
  self->name = g_strdup (name);
  self->attendance = g_strdup (attendance != NULL ? attendance : "present");

  return self;
}

/**
 * ll_participant_copy:
 * @self: a #LlParticipant
 *
 * Returns: (transfer full): a copy of @self
 */
LlParticipant *
ll_participant_copy (const LlParticipant *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ll_participant_new (self->person_id, self->name, self->attendance);
}

/**
 * ll_participant_free:
 * @self: (nullable): a #LlParticipant
 *
 * Frees @self.
 */
void
ll_participant_free (LlParticipant *self)
{
  if (self == NULL)
    return;

  g_free (self->name);
  g_free (self->attendance);
  g_free (self);
}

/**
 * ll_activity_new:
 *
 * Returns: (transfer full): a new, unsaved activity; save it with
 *   ll_activity_store_create()
 */
LlActivity *
ll_activity_new (void)
{
  return g_object_new (LL_TYPE_ACTIVITY, NULL);
}

/**
 * ll_activity_update_from:
 * @self: a #LlActivity
 * @other: the activity to copy from
 *
 * Copies every column and the convenience properties of @other into
 * @self, notifying only what changes.
 */
void
ll_activity_update_from (LlActivity *self,
                         LlActivity *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_if_fail (LL_IS_ACTIVITY (self));
  g_return_if_fail (LL_IS_ACTIVITY (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (other), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (self), pspecs[i]->name, &value);
    }

  _ll_activity_set_extras (self, other->station_name, other->n_participants);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ll_activity_dup:
 * @self: a #LlActivity
 *
 * Returns: (transfer full): a copy of @self
 */
LlActivity *
ll_activity_dup (LlActivity *self)
{
  LlActivity *copy;

  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  copy = ll_activity_new ();
  ll_activity_update_from (copy, self);

  return copy;
}

/**
 * ll_activity_get_field_label:
 * @property: a property name of #LlActivity, e.g. `held-on`, or
 *   `participants`
 *
 * Returns: (nullable): the translated label of the field, or %NULL
 */
const char *
ll_activity_get_field_label (const char *property)
{
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].property, property) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "activity field", field_labels[i].label);

  return NULL;
}

/**
 * ll_activity_validate:
 * @self: a #LlActivity
 * @error: return location for a #GError
 *
 * Checks a title, a real date, a known activity type and counts that
 * are not negative. The message names the field by its translated label.
 *
 * Returns: %TRUE when the activity can be saved, or %FALSE with
 *   %LL_DATABASE_ERROR_INVALID
 */
gboolean
ll_activity_validate (LlActivity  *self,
                      GError     **error)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_required (self->title, LABEL ("title"), error) ||
      !ll_validate_required (self->held_on, LABEL ("held-on"), error) ||
      !ll_validate_date (self->held_on, LABEL ("held-on"), error) ||
      !ll_validate_enum (LL_ENUM_ACTIVITY_TYPE, self->type, FALSE, LABEL ("type"), error))
    return FALSE;

  if (self->people_received < 0 || self->opinions_collected < 0)
    {
      /* Translators: %s is a field, e.g. “People received” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s cannot be negative."),
                   LABEL (self->people_received < 0 ? "people-received" : "opinions-collected"));
      return FALSE;
    }

  return TRUE;
}

void
_ll_activity_set_extras (LlActivity *self,
                         const char *station_name,
                         int         n_participants)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  if (g_strcmp0 (self->station_name, station_name) != 0)
    {
      g_free (self->station_name);
      self->station_name = g_strdup (station_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_NAME]);
    }

  if (self->n_participants != n_participants)
    {
      self->n_participants = n_participants;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PARTICIPANTS]);
    }
}


/**
 * ll_activity_get_id:
 * @self: a #LlActivity
 *
 * Returns: the row id; 0 until the activity is saved
 */
gint64
ll_activity_get_id (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), 0);

  return self->id;
}

/**
 * ll_activity_set_id:
 * @self: a #LlActivity
 * @value: the new value
 *
 * Sets #LlActivity:id.
 */
void
ll_activity_set_id (LlActivity *self,
                    gint64      value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_activity_get_version:
 * @self: a #LlActivity
 *
 * Returns: the row version (optimistic locking); 0 until saved
 */
gint64
ll_activity_get_version (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), 0);

  return self->version;
}

/**
 * ll_activity_set_version:
 * @self: a #LlActivity
 * @value: the new value
 *
 * Sets #LlActivity:version.
 */
void
ll_activity_set_version (LlActivity *self,
                         gint64      value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  if (self->version == value)
    return;

  self->version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_activity_get_held_on:
 * @self: a #LlActivity
 *
 * Returns: (nullable): the date of the activity, `YYYY-MM-DD`
 */
const char *
ll_activity_get_held_on (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->held_on;
}

/**
 * ll_activity_set_held_on:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:held-on.
 */
void
ll_activity_set_held_on (LlActivity *self,
                         const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->held_on, value) == 0)
    return;

  g_free (self->held_on);
  self->held_on = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HELD_ON]);
}

/**
 * ll_activity_get_activity_type:
 * @self: a #LlActivity
 *
 * Returns: (nullable): an activity-type key such as `reception`
 */
const char *
ll_activity_get_activity_type (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->type;
}

/**
 * ll_activity_set_activity_type:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:type.
 */
void
ll_activity_set_activity_type (LlActivity *self,
                               const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->type, value) == 0)
    return;

  g_free (self->type);
  self->type = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TYPE]);
}

/**
 * ll_activity_get_subtype:
 * @self: a #LlActivity
 *
 * Returns: (nullable): the sub-type as written, e.g. one of the 六进 or 六请
 */
const char *
ll_activity_get_subtype (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->subtype;
}

/**
 * ll_activity_set_subtype:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:subtype.
 */
void
ll_activity_set_subtype (LlActivity *self,
                         const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->subtype, value) == 0)
    return;

  g_free (self->subtype);
  self->subtype = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUBTYPE]);
}

/**
 * ll_activity_get_station_id:
 * @self: a #LlActivity
 *
 * Returns: the station where it took place, or 0
 */
gint64
ll_activity_get_station_id (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), 0);

  return self->station_id;
}

/**
 * ll_activity_set_station_id:
 * @self: a #LlActivity
 * @value: the new value
 *
 * Sets #LlActivity:station-id.
 */
void
ll_activity_set_station_id (LlActivity *self,
                            gint64      value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  if (self->station_id == value)
    return;

  self->station_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

/**
 * ll_activity_get_title:
 * @self: a #LlActivity
 *
 * Returns: (nullable): what the activity was, in one line
 */
const char *
ll_activity_get_title (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->title;
}

/**
 * ll_activity_set_title:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:title.
 */
void
ll_activity_set_title (LlActivity *self,
                       const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->title, value) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ll_activity_get_location:
 * @self: a #LlActivity
 *
 * Returns: (nullable): where it took place
 */
const char *
ll_activity_get_location (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->location;
}

/**
 * ll_activity_set_location:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:location.
 */
void
ll_activity_set_location (LlActivity *self,
                          const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->location, value) == 0)
    return;

  g_free (self->location);
  self->location = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOCATION]);
}

/**
 * ll_activity_get_people_received:
 * @self: a #LlActivity
 *
 * Returns: the number of people received (人次)
 */
int
ll_activity_get_people_received (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), 0);

  return self->people_received;
}

/**
 * ll_activity_set_people_received:
 * @self: a #LlActivity
 * @value: the new value
 *
 * Sets #LlActivity:people-received.
 */
void
ll_activity_set_people_received (LlActivity *self,
                                 int         value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  if (self->people_received == value)
    return;

  self->people_received = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PEOPLE_RECEIVED]);
}

/**
 * ll_activity_get_opinions_collected:
 * @self: a #LlActivity
 *
 * Returns: the number of opinions collected
 */
int
ll_activity_get_opinions_collected (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), 0);

  return self->opinions_collected;
}

/**
 * ll_activity_set_opinions_collected:
 * @self: a #LlActivity
 * @value: the new value
 *
 * Sets #LlActivity:opinions-collected.
 */
void
ll_activity_set_opinions_collected (LlActivity *self,
                                    int         value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  if (self->opinions_collected == value)
    return;

  self->opinions_collected = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OPINIONS_COLLECTED]);
}

/**
 * ll_activity_get_summary:
 * @self: a #LlActivity
 *
 * Returns: (nullable): a summary of the activity
 */
const char *
ll_activity_get_summary (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->summary;
}

/**
 * ll_activity_set_summary:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:summary.
 */
void
ll_activity_set_summary (LlActivity *self,
                         const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->summary, value) == 0)
    return;

  g_free (self->summary);
  self->summary = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SUMMARY]);
}

/**
 * ll_activity_get_created_at:
 * @self: a #LlActivity
 *
 * Returns: (nullable): when the row was created, ISO-8601 UTC
 */
const char *
ll_activity_get_created_at (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->created_at;
}

/**
 * ll_activity_set_created_at:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:created-at.
 */
void
ll_activity_set_created_at (LlActivity *self,
                            const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->created_at, value) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

/**
 * ll_activity_get_updated_at:
 * @self: a #LlActivity
 *
 * Returns: (nullable): when the row was last changed, ISO-8601 UTC
 */
const char *
ll_activity_get_updated_at (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->updated_at;
}

/**
 * ll_activity_set_updated_at:
 * @self: a #LlActivity
 * @value: (nullable): the new value
 *
 * Sets #LlActivity:updated-at.
 */
void
ll_activity_set_updated_at (LlActivity *self,
                            const char *value)
{
  g_return_if_fail (LL_IS_ACTIVITY (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->updated_at, value) == 0)
    return;

  g_free (self->updated_at);
  self->updated_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * ll_activity_get_station_name:
 * @self: a #LlActivity
 *
 * Returns: (nullable): the station's name, filled in by the store; not a column
 */
const char *
ll_activity_get_station_name (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), NULL);

  return self->station_name;
}

/**
 * ll_activity_get_n_participants:
 * @self: a #LlActivity
 *
 * Returns: the number of participants, filled in by the store; not a column
 */
int
ll_activity_get_n_participants (LlActivity *self)
{
  g_return_val_if_fail (LL_IS_ACTIVITY (self), 0);

  return self->n_participants;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-person"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database.h"
#include "ll-person.h"
#include "ll-validate.h"

/* LlPerson: one row of `people` — a deputy (人大代表) of one of the five
 * levels, or one of the other roles that work in stations (选民代表,
 * 议政会成员, 三官一员, 民情观察员, invited experts). Where a person is
 * stationed lives in `memberships` (LlMembership). An archived person
 * has active FALSE and archived-at set, through ll_person_store_archive(). */

struct _LlPerson
{
  GObject parent_instance;

  /* Owned: the columns */
  gint64    id;
  char     *name;
  char     *gender;
  char     *ethnicity;
  char     *birth_date;
  char     *party;
  char     *role;
  char     *level;
  char     *term;
  char     *constituency;
  char     *unit;
  char     *post;
  char     *occupation;
  char     *phone;
  gint64    deputy_group_id;
  gint64    specialty_group_id;
  gboolean  active;
  char     *archived_at;
  char     *notes;
  gint64    version;
  char     *created_at;
  char     *updated_at;

  /* Owned: filled by some store queries, not columns */
  gint64    station_id;
  char     *station_name;
  char     *deputy_group_name;
  char     *specialty_group_name;
};

G_DEFINE_FINAL_TYPE (LlPerson, ll_person, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_GENDER,
  PROP_ETHNICITY,
  PROP_BIRTH_DATE,
  PROP_PARTY,
  PROP_ROLE,
  PROP_LEVEL,
  PROP_TERM,
  PROP_CONSTITUENCY,
  PROP_UNIT,
  PROP_POST,
  PROP_OCCUPATION,
  PROP_PHONE,
  PROP_DEPUTY_GROUP_ID,
  PROP_SPECIALTY_GROUP_ID,
  PROP_ACTIVE,
  PROP_ARCHIVED_AT,
  PROP_NOTES,
  PROP_VERSION,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_STATION_ID,
  PROP_STATION_NAME,
  PROP_DEPUTY_GROUP_NAME,
  PROP_SPECIALTY_GROUP_NAME,
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

static void
ll_person_finalize (GObject *object)
{
  LlPerson *self = (LlPerson *) object;

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->gender, g_free);
  g_clear_pointer (&self->ethnicity, g_free);
  g_clear_pointer (&self->birth_date, g_free);
  g_clear_pointer (&self->party, g_free);
  g_clear_pointer (&self->role, g_free);
  g_clear_pointer (&self->level, g_free);
  g_clear_pointer (&self->term, g_free);
  g_clear_pointer (&self->constituency, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->post, g_free);
  g_clear_pointer (&self->occupation, g_free);
  g_clear_pointer (&self->phone, g_free);
  g_clear_pointer (&self->archived_at, g_free);
  g_clear_pointer (&self->notes, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->station_name, g_free);
  g_clear_pointer (&self->deputy_group_name, g_free);
  g_clear_pointer (&self->specialty_group_name, g_free);

  G_OBJECT_CLASS (ll_person_parent_class)->finalize (object);
}

static void
ll_person_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  LlPerson *self = LL_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_GENDER:
      g_value_set_string (value, self->gender);
      break;

    case PROP_ETHNICITY:
      g_value_set_string (value, self->ethnicity);
      break;

    case PROP_BIRTH_DATE:
      g_value_set_string (value, self->birth_date);
      break;

    case PROP_PARTY:
      g_value_set_string (value, self->party);
      break;

    case PROP_ROLE:
      g_value_set_string (value, self->role);
      break;

    case PROP_LEVEL:
      g_value_set_string (value, self->level);
      break;

    case PROP_TERM:
      g_value_set_string (value, self->term);
      break;

    case PROP_CONSTITUENCY:
      g_value_set_string (value, self->constituency);
      break;

    case PROP_UNIT:
      g_value_set_string (value, self->unit);
      break;

    case PROP_POST:
      g_value_set_string (value, self->post);
      break;

    case PROP_OCCUPATION:
      g_value_set_string (value, self->occupation);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_DEPUTY_GROUP_ID:
      g_value_set_int64 (value, self->deputy_group_id);
      break;

    case PROP_SPECIALTY_GROUP_ID:
      g_value_set_int64 (value, self->specialty_group_id);
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

    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;

    case PROP_STATION_NAME:
      g_value_set_string (value, self->station_name);
      break;

    case PROP_DEPUTY_GROUP_NAME:
      g_value_set_string (value, self->deputy_group_name);
      break;

    case PROP_SPECIALTY_GROUP_NAME:
      g_value_set_string (value, self->specialty_group_name);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  LlPerson *self = LL_PERSON (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_person_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_NAME:
      ll_person_set_name (self, g_value_get_string (value));
      break;

    case PROP_GENDER:
      ll_person_set_gender (self, g_value_get_string (value));
      break;

    case PROP_ETHNICITY:
      ll_person_set_ethnicity (self, g_value_get_string (value));
      break;

    case PROP_BIRTH_DATE:
      ll_person_set_birth_date (self, g_value_get_string (value));
      break;

    case PROP_PARTY:
      ll_person_set_party (self, g_value_get_string (value));
      break;

    case PROP_ROLE:
      ll_person_set_role (self, g_value_get_string (value));
      break;

    case PROP_LEVEL:
      ll_person_set_level (self, g_value_get_string (value));
      break;

    case PROP_TERM:
      ll_person_set_term (self, g_value_get_string (value));
      break;

    case PROP_CONSTITUENCY:
      ll_person_set_constituency (self, g_value_get_string (value));
      break;

    case PROP_UNIT:
      ll_person_set_unit (self, g_value_get_string (value));
      break;

    case PROP_POST:
      ll_person_set_post (self, g_value_get_string (value));
      break;

    case PROP_OCCUPATION:
      ll_person_set_occupation (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      ll_person_set_phone (self, g_value_get_string (value));
      break;

    case PROP_DEPUTY_GROUP_ID:
      ll_person_set_deputy_group_id (self, g_value_get_int64 (value));
      break;

    case PROP_SPECIALTY_GROUP_ID:
      ll_person_set_specialty_group_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTIVE:
      ll_person_set_active (self, g_value_get_boolean (value));
      break;

    case PROP_ARCHIVED_AT:
      ll_person_set_archived_at (self, g_value_get_string (value));
      break;

    case PROP_NOTES:
      ll_person_set_notes (self, g_value_get_string (value));
      break;

    case PROP_VERSION:
      ll_person_set_version (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_class_init (LlPersonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_person_finalize;
  object_class->get_property = ll_person_get_property;
  object_class->set_property = ll_person_set_property;

  /* The nicks are the fields’ labels (translate them with _()); every
   * column is a read-write property, except created-at and updated-at,
   * which the database sets. */

  /**
   * LlPerson:id:
   *
   * The row id, 0 until the record is saved.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", N_("Id"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:name:
   *
   * The name.
   */
  properties[PROP_NAME] =
    g_param_spec_string ("name", N_("Name"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:gender:
   *
   * The gender key, `male` or `female`.
   */
  properties[PROP_GENDER] =
    g_param_spec_string ("gender", N_("Gender"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:ethnicity:
   *
   * The ethnicity (民族) as written, e.g. 汉族.
   */
  properties[PROP_ETHNICITY] =
    g_param_spec_string ("ethnicity", N_("Ethnicity"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:birth-date:
   *
   * The birth date, `YYYY-MM-DD`.
   */
  properties[PROP_BIRTH_DATE] =
    g_param_spec_string ("birth-date", N_("Birth date"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:party:
   *
   * The party affiliation as written, e.g. 中共党员.
   */
  properties[PROP_PARTY] =
    g_param_spec_string ("party", N_("Party"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:role:
   *
   * The person-role key, e.g. `deputy` or `judge`.
   */
  properties[PROP_ROLE] =
    g_param_spec_string ("role", N_("Role"), NULL,
                         "deputy",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:level:
   *
   * The deputy-level key (deputies only), e.g. `county`.
   */
  properties[PROP_LEVEL] =
    g_param_spec_string ("level", N_("Deputy level"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:term:
   *
   * The term (届次), e.g. 第十七届.
   */
  properties[PROP_TERM] =
    g_param_spec_string ("term", N_("Term"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:constituency:
   *
   * The constituency (选区).
   */
  properties[PROP_CONSTITUENCY] =
    g_param_spec_string ("constituency", N_("Constituency"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:unit:
   *
   * The work unit (工作单位).
   */
  properties[PROP_UNIT] =
    g_param_spec_string ("unit", N_("Work unit"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:post:
   *
   * The post (职务).
   */
  properties[PROP_POST] =
    g_param_spec_string ("post", N_("Post"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:occupation:
   *
   * The occupation category, e.g. 专业技术人员.
   */
  properties[PROP_OCCUPATION] =
    g_param_spec_string ("occupation", N_("Occupation"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:phone:
   *
   * The phone number.
   */
  properties[PROP_PHONE] =
    g_param_spec_string ("phone", N_("Phone"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:deputy-group-id:
   *
   * The id of the deputy group (代表小组), or 0.
   */
  properties[PROP_DEPUTY_GROUP_ID] =
    g_param_spec_int64 ("deputy-group-id", N_("Deputy group"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:specialty-group-id:
   *
   * The id of the specialty group (专业小组), or 0.
   */
  properties[PROP_SPECIALTY_GROUP_ID] =
    g_param_spec_int64 ("specialty-group-id", N_("Specialty group"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:active:
   *
   * Whether the person is active (%FALSE once archived).
   */
  properties[PROP_ACTIVE] =
    g_param_spec_boolean ("active", N_("Active"), NULL,
                          TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:archived-at:
   *
   * When the person was archived, ISO-8601 UTC.
   */
  properties[PROP_ARCHIVED_AT] =
    g_param_spec_string ("archived-at", N_("Archived"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:notes:
   *
   * Free notes.
   */
  properties[PROP_NOTES] =
    g_param_spec_string ("notes", N_("Notes"), NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:version:
   *
   * The row version, raised by every save (0 until the record is saved).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", N_("Version"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:created-at:
   *
   * When the row was added, ISO-8601 UTC (set by the database).
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", N_("Created"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:updated-at:
   *
   * When the row was last saved, ISO-8601 UTC (set by the database).
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", N_("Updated"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:station-id:
   *
   * Not a column: the id of the current primary station, as filled by
   * ll_person_store_load_many(); 0 when not stationed.
   */
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", N_("Station"), NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:station-name:
   *
   * Not a column: the name of the current primary station, as filled by
   * ll_person_store_load_many().
   */
  properties[PROP_STATION_NAME] =
    g_param_spec_string ("station-name", N_("Station"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:deputy-group-name:
   *
   * Not a column: the name of the deputy group, as filled by
   * ll_person_store_load_many().
   */
  properties[PROP_DEPUTY_GROUP_NAME] =
    g_param_spec_string ("deputy-group-name", N_("Deputy group"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPerson:specialty-group-name:
   *
   * Not a column: the name of the specialty group, as filled by
   * ll_person_store_load_many().
   */
  properties[PROP_SPECIALTY_GROUP_NAME] =
    g_param_spec_string ("specialty-group-name", N_("Specialty group"), NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_person_init (LlPerson *self)
{
  self->role = g_strdup ("deputy");
  self->active = TRUE;
}

/**
 * ll_person_new:
 *
 * Creates an unsaved person (id 0) with the role `deputy`, active.
 *
 * Returns: (transfer full): a new #LlPerson
 */
LlPerson *
ll_person_new (void)
{
  return g_object_new (LL_TYPE_PERSON, NULL);
}

/**
 * ll_person_validate:
 * @self: a #LlPerson
 * @error: return location for a #GError
 *
 * Checks the fields that need no database: name, gender, role and level
 * keys (only deputies have a level), birth date (a real date, not in the
 * future) and phone number. The store also checks that the groups exist
 * and are of the right kind.
 *
 * Returns: %TRUE if the person may be saved
 */
gboolean
ll_person_validate (LlPerson  *self,
                    GError   **error)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (LL_IS_PERSON (self), FALSE);

  if (!ll_validate_required (self->name, _("Name"), error) ||
      !ll_validate_enum (LL_ENUM_PERSON_ROLE, self->role, FALSE, _("Role"), error) ||
      !ll_validate_enum (LL_ENUM_DEPUTY_LEVEL, self->level, TRUE, _("Deputy level"), error) ||
      !ll_validate_enum (LL_ENUM_GENDER, self->gender, TRUE, _("Gender"), error) ||
      !ll_validate_date (self->birth_date, _("Birth date"), error) ||
      !ll_validate_phone (self->phone, _("Phone"), error) ||
      !validate_timestamp (self->archived_at, _("Archived"), error))
    return FALSE;

  if (self->level != NULL && g_strcmp0 (self->role, "deputy") != 0)
    {
      /* Translators: the first %s is a field, “Deputy level”; the second a
       * role, e.g. “Judge” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: only deputies have a level, and this person’s role is “%s”."),
                   _("Deputy level"), ll_enum_get_label (LL_ENUM_PERSON_ROLE, self->role));
      return FALSE;
    }

  today = ll_date_today ();
  if (self->birth_date != NULL && strcmp (self->birth_date, today) > 0)
    {
      /* Translators: the first %s is a field, “Birth date”; the second a date */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: %s is in the future."), _("Birth date"), self->birth_date);
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_person_role_can_serve_several_stations:
 * @role: a person-role key
 *
 * Whether people of @role may be stationed at several stations at once
 * (a membership copied to another station). The 三官一员 — police
 * officers, judges, procurators and judicial assistants — serve several
 * stations, and so do public-opinion observers and invited experts.
 * Deputies, voter representatives and council members belong to one
 * station (their constituency's): they are moved, never copied.
 *
 * Returns: %TRUE if @role may hold several current memberships
 */
gboolean
ll_person_role_can_serve_several_stations (const char *role)
{
  static const char * const several[] = {
    "police_officer", "judge", "procurator", "judicial_assistant", "observer", "expert", NULL,
  };

  return role != NULL && g_strv_contains (several, role);
}

/**
 * ll_person_get_id:
 * @self: a #LlPerson
 *
 * Returns: the row id, 0 until the record is saved
 */
gint64
ll_person_get_id (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), 0);

  return self->id;
}

/**
 * ll_person_set_id:
 * @self: a #LlPerson
 * @id: the row id, 0 until the record is saved
 */
void
ll_person_set_id (LlPerson *self,
                  gint64    id)
{
  g_return_if_fail (LL_IS_PERSON (self));
  g_return_if_fail (id >= 0);

  if (self->id == id)
    return;

  self->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_person_get_name:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the name
 */
const char *
ll_person_get_name (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->name;
}

/**
 * ll_person_set_name:
 * @self: a #LlPerson
 * @name: (nullable): the name; empty text is stored as %NULL
 */
void
ll_person_set_name (LlPerson   *self,
                    const char *name)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->name, name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NAME]);
}

/**
 * ll_person_get_gender:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the gender key, `male` or `female`
 */
const char *
ll_person_get_gender (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->gender;
}

/**
 * ll_person_set_gender:
 * @self: a #LlPerson
 * @gender: (nullable): the gender key, `male` or `female`; empty text is
 *   stored as %NULL
 */
void
ll_person_set_gender (LlPerson   *self,
                      const char *gender)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->gender, gender))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GENDER]);
}

/**
 * ll_person_get_ethnicity:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the ethnicity (民族) as written, e.g. 汉族
 */
const char *
ll_person_get_ethnicity (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->ethnicity;
}

/**
 * ll_person_set_ethnicity:
 * @self: a #LlPerson
 * @ethnicity: (nullable): the ethnicity (民族) as written, e.g. 汉族; empty text
 *   is stored as %NULL
 */
void
ll_person_set_ethnicity (LlPerson   *self,
                         const char *ethnicity)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->ethnicity, ethnicity))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ETHNICITY]);
}

/**
 * ll_person_get_birth_date:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the birth date, `YYYY-MM-DD`
 */
const char *
ll_person_get_birth_date (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->birth_date;
}

/**
 * ll_person_set_birth_date:
 * @self: a #LlPerson
 * @birth_date: (nullable): the birth date, `YYYY-MM-DD`; empty text is stored
 *   as %NULL
 */
void
ll_person_set_birth_date (LlPerson   *self,
                          const char *birth_date)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->birth_date, birth_date))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BIRTH_DATE]);
}

/**
 * ll_person_get_party:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the party affiliation as written, e.g. 中共党员
 */
const char *
ll_person_get_party (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->party;
}

/**
 * ll_person_set_party:
 * @self: a #LlPerson
 * @party: (nullable): the party affiliation as written, e.g. 中共党员; empty text
 *   is stored as %NULL
 */
void
ll_person_set_party (LlPerson   *self,
                     const char *party)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->party, party))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PARTY]);
}

/**
 * ll_person_get_role:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the person-role key, e.g. `deputy` or `judge`
 */
const char *
ll_person_get_role (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->role;
}

/**
 * ll_person_set_role:
 * @self: a #LlPerson
 * @role: (nullable): the person-role key, e.g. `deputy` or `judge`; empty text
 *   is stored as %NULL
 */
void
ll_person_set_role (LlPerson   *self,
                    const char *role)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->role, role))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ROLE]);
}

/**
 * ll_person_get_level:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the deputy-level key (deputies only), e.g. `county`
 */
const char *
ll_person_get_level (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->level;
}

/**
 * ll_person_set_level:
 * @self: a #LlPerson
 * @level: (nullable): the deputy-level key (deputies only), e.g. `county`;
 *   empty text is stored as %NULL
 */
void
ll_person_set_level (LlPerson   *self,
                     const char *level)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->level, level))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEVEL]);
}

/**
 * ll_person_get_term:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the term (届次), e.g. 第十七届
 */
const char *
ll_person_get_term (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->term;
}

/**
 * ll_person_set_term:
 * @self: a #LlPerson
 * @term: (nullable): the term (届次), e.g. 第十七届; empty text is stored as %NULL
 */
void
ll_person_set_term (LlPerson   *self,
                    const char *term)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->term, term))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TERM]);
}

/**
 * ll_person_get_constituency:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the constituency (选区)
 */
const char *
ll_person_get_constituency (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->constituency;
}

/**
 * ll_person_set_constituency:
 * @self: a #LlPerson
 * @constituency: (nullable): the constituency (选区); empty text is stored as
 *   %NULL
 */
void
ll_person_set_constituency (LlPerson   *self,
                            const char *constituency)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->constituency, constituency))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSTITUENCY]);
}

/**
 * ll_person_get_unit:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the work unit (工作单位)
 */
const char *
ll_person_get_unit (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->unit;
}

/**
 * ll_person_set_unit:
 * @self: a #LlPerson
 * @unit: (nullable): the work unit (工作单位); empty text is stored as %NULL
 */
void
ll_person_set_unit (LlPerson   *self,
                    const char *unit)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->unit, unit))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UNIT]);
}

/**
 * ll_person_get_post:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the post (职务)
 */
const char *
ll_person_get_post (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->post;
}

/**
 * ll_person_set_post:
 * @self: a #LlPerson
 * @post: (nullable): the post (职务); empty text is stored as %NULL
 */
void
ll_person_set_post (LlPerson   *self,
                    const char *post)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->post, post))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_POST]);
}

/**
 * ll_person_get_occupation:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the occupation category, e.g. 专业技术人员
 */
const char *
ll_person_get_occupation (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->occupation;
}

/**
 * ll_person_set_occupation:
 * @self: a #LlPerson
 * @occupation: (nullable): the occupation category, e.g. 专业技术人员; empty text is
 *   stored as %NULL
 */
void
ll_person_set_occupation (LlPerson   *self,
                          const char *occupation)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->occupation, occupation))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OCCUPATION]);
}

/**
 * ll_person_get_phone:
 * @self: a #LlPerson
 *
 * Returns: (nullable): the phone number
 */
const char *
ll_person_get_phone (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->phone;
}

/**
 * ll_person_set_phone:
 * @self: a #LlPerson
 * @phone: (nullable): the phone number; empty text is stored as %NULL
 */
void
ll_person_set_phone (LlPerson   *self,
                     const char *phone)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->phone, phone))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PHONE]);
}

/**
 * ll_person_get_deputy_group_id:
 * @self: a #LlPerson
 *
 * Returns: the id of the deputy group (代表小组), or 0
 */
gint64
ll_person_get_deputy_group_id (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), 0);

  return self->deputy_group_id;
}

/**
 * ll_person_set_deputy_group_id:
 * @self: a #LlPerson
 * @deputy_group_id: the id of the deputy group (代表小组), or 0
 */
void
ll_person_set_deputy_group_id (LlPerson *self,
                               gint64    deputy_group_id)
{
  g_return_if_fail (LL_IS_PERSON (self));
  g_return_if_fail (deputy_group_id >= 0);

  if (self->deputy_group_id == deputy_group_id)
    return;

  self->deputy_group_id = deputy_group_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPUTY_GROUP_ID]);
}

/**
 * ll_person_get_specialty_group_id:
 * @self: a #LlPerson
 *
 * Returns: the id of the specialty group (专业小组), or 0
 */
gint64
ll_person_get_specialty_group_id (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), 0);

  return self->specialty_group_id;
}

/**
 * ll_person_set_specialty_group_id:
 * @self: a #LlPerson
 * @specialty_group_id: the id of the specialty group (专业小组), or 0
 */
void
ll_person_set_specialty_group_id (LlPerson *self,
                                  gint64    specialty_group_id)
{
  g_return_if_fail (LL_IS_PERSON (self));
  g_return_if_fail (specialty_group_id >= 0);

  if (self->specialty_group_id == specialty_group_id)
    return;

  self->specialty_group_id = specialty_group_id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIALTY_GROUP_ID]);
}

/**
 * ll_person_get_active:
 * @self: a #LlPerson
 *
 * Returns: whether the person is active (%FALSE once archived)
 */
gboolean
ll_person_get_active (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), FALSE);

  return self->active;
}

/**
 * ll_person_set_active:
 * @self: a #LlPerson
 * @active: whether the person is active (%FALSE once archived)
 */
void
ll_person_set_active (LlPerson *self,
                      gboolean  active)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (self->active == !!active)
    return;

  self->active = !!active;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVE]);
}

/**
 * ll_person_get_archived_at:
 * @self: a #LlPerson
 *
 * Returns: (nullable): when the person was archived, ISO-8601 UTC
 */
const char *
ll_person_get_archived_at (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->archived_at;
}

/**
 * ll_person_set_archived_at:
 * @self: a #LlPerson
 * @archived_at: (nullable): when the person was archived, ISO-8601 UTC; empty
 *   text is stored as %NULL
 */
void
ll_person_set_archived_at (LlPerson   *self,
                           const char *archived_at)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->archived_at, archived_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ARCHIVED_AT]);
}

/**
 * ll_person_get_notes:
 * @self: a #LlPerson
 *
 * Returns: (nullable): free notes
 */
const char *
ll_person_get_notes (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->notes;
}

/**
 * ll_person_set_notes:
 * @self: a #LlPerson
 * @notes: (nullable): free notes; empty text is stored as %NULL
 */
void
ll_person_set_notes (LlPerson   *self,
                     const char *notes)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->notes, notes))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

/**
 * ll_person_get_version:
 * @self: a #LlPerson
 *
 * Returns: the row version, raised by every save (0 until the record is saved)
 */
gint64
ll_person_get_version (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), 0);

  return self->version;
}

/**
 * ll_person_set_version:
 * @self: a #LlPerson
 * @version: the row version, raised by every save (0 until the record is
 *   saved)
 */
void
ll_person_set_version (LlPerson *self,
                       gint64    version)
{
  g_return_if_fail (LL_IS_PERSON (self));
  g_return_if_fail (version >= 0);

  if (self->version == version)
    return;

  self->version = version;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_person_get_created_at:
 * @self: a #LlPerson
 *
 * Returns: (nullable): when the row was added, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_person_get_created_at (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->created_at;
}

/**
 * ll_person_get_updated_at:
 * @self: a #LlPerson
 *
 * Returns: (nullable): when the row was last saved, ISO-8601 UTC (set by the
 *   database)
 */
const char *
ll_person_get_updated_at (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->updated_at;
}

/**
 * ll_person_get_station_id:
 * @self: a #LlPerson
 *
 * Returns: not a column: the id of the current primary station, as filled by
 *   ll_person_store_load_many(); 0 when not stationed
 */
gint64
ll_person_get_station_id (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), 0);

  return self->station_id;
}

/**
 * ll_person_get_station_name:
 * @self: a #LlPerson
 *
 * Returns: (nullable): not a column: the name of the current primary station,
 *   as filled by ll_person_store_load_many()
 */
const char *
ll_person_get_station_name (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->station_name;
}

/**
 * ll_person_get_deputy_group_name:
 * @self: a #LlPerson
 *
 * Returns: (nullable): not a column: the name of the deputy group, as filled
 *   by ll_person_store_load_many()
 */
const char *
ll_person_get_deputy_group_name (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->deputy_group_name;
}

/**
 * ll_person_get_specialty_group_name:
 * @self: a #LlPerson
 *
 * Returns: (nullable): not a column: the name of the specialty group, as
 *   filled by ll_person_store_load_many()
 */
const char *
ll_person_get_specialty_group_name (LlPerson *self)
{
  g_return_val_if_fail (LL_IS_PERSON (self), NULL);

  return self->specialty_group_name;
}

/* Called by the store with the row’s own timestamps. */
void
_ll_person_set_timestamps (LlPerson   *self,
                           const char *created_at,
                           const char *updated_at)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->created_at, created_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
  if (set_string (&self->updated_at, updated_at))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/* Called by ll_person_store_load_many(). */
void
_ll_person_set_station (LlPerson   *self,
                        gint64      station_id,
                        const char *station_name)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (self->station_id != station_id)
    {
      self->station_id = station_id;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
    }

  if (set_string (&self->station_name, station_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_NAME]);
}

/* Called by ll_person_store_load_many(). */
void
_ll_person_set_group_names (LlPerson   *self,
                            const char *deputy_group_name,
                            const char *specialty_group_name)
{
  g_return_if_fail (LL_IS_PERSON (self));

  if (set_string (&self->deputy_group_name, deputy_group_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPUTY_GROUP_NAME]);

  if (set_string (&self->specialty_group_name, specialty_group_name))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SPECIALTY_GROUP_NAME]);
}

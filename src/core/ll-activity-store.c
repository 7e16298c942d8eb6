/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-activity-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-activity-store.h"
#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-validate.h"

/* Activities and their participants. The list is newest first
 * (activities_held); a type or a station filter reads activities_type
 * or activities_station in the same order (the ids of one day sorted by
 * id), a person's activities come from activity_participants_person. */

#define ACTIVITY_COLUMNS \
  "a.id, a.version, a.held_on, a.type, a.subtype, a.station_id, a.title, a.location, " \
  "a.people_received, a.opinions_collected, a.summary, a.created_at, a.updated_at, " \
  "s.name, (SELECT count(*) FROM activity_participants AS p WHERE p.activity_id = a.id)"

#define ACTIVITY_JOINS \
  "LEFT JOIN stations AS s ON s.id = a.station_id "

#define LABEL(property) ll_activity_get_field_label (property)

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlActivity *
activity_from_row (LlStatement *statement)
{
  LlActivity *self = ll_activity_new ();

  ll_activity_set_id (self, sqlite3_column_int64 (statement->stmt, 0));
  ll_activity_set_version (self, sqlite3_column_int64 (statement->stmt, 1));
  ll_activity_set_held_on (self, column_text (statement, 2));
  ll_activity_set_activity_type (self, column_text (statement, 3));
  ll_activity_set_subtype (self, column_text (statement, 4));
  ll_activity_set_station_id (self, sqlite3_column_int64 (statement->stmt, 5));
  ll_activity_set_title (self, column_text (statement, 6));
  ll_activity_set_location (self, column_text (statement, 7));
  ll_activity_set_people_received (self, sqlite3_column_int (statement->stmt, 8));
  ll_activity_set_opinions_collected (self, sqlite3_column_int (statement->stmt, 9));
  ll_activity_set_summary (self, column_text (statement, 10));
  ll_activity_set_created_at (self, column_text (statement, 11));
  ll_activity_set_updated_at (self, column_text (statement, 12));
  _ll_activity_set_extras (self, column_text (statement, 13),
                           sqlite3_column_int (statement->stmt, 14));

  return self;
}

static gboolean
query_int (LlDatabase  *db,
           const char  *sql,
           gint64       value,
           gint64      *result,
           GError     **error)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, sql, error);

  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, value);
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;

  *result = sqlite3_column_int64 (statement->stmt, 0);
  return TRUE;
}

static gboolean
check_station (LlDatabase  *db,
               gint64       station_id,
               GError     **error)
{
  gint64 found = 0;

  if (station_id == 0)
    return TRUE;

  if (!query_int (db, "SELECT count(*) FROM stations WHERE id = ?1", station_id, &found, error))
    return FALSE;

  if (found == 0)
    {
      /* Translators: %s is the field “Station” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: the station does not exist; someone may have deleted it."),
                   LABEL ("station-id"));
      return FALSE;
    }

  return TRUE;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("This activity no longer exists; someone may have deleted it."));
}

static LlActivity *
load_current (LlDatabase  *db,
              LlActivity  *activity,
              GError     **error)
{
  g_autoptr(LlActivity) stored = ll_activity_store_get (db, ll_activity_get_id (activity), error);

  if (stored == NULL)
    return NULL;

  if (ll_activity_get_version (stored) != ll_activity_get_version (activity))
    {
      _ll_database_explain_unchanged (db, "activities", ll_activity_get_id (activity), error);
      return NULL;
    }

  return g_steal_pointer (&stored);
}

/* Participants ------------------------------------------------------------- */

/* The participants to save: each person once (the first entry wins),
 * known attendance keys, existing people. */
static GPtrArray *
check_participants (LlDatabase  *db,
                    GPtrArray   *participants,
                    GError     **error)
{
  g_autoptr(GPtrArray) checked = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      LlParticipant *participant = g_ptr_array_index (participants, i);
      gint64 found = 0;

      if (g_hash_table_contains (seen, &participant->person_id))
        continue;
      g_hash_table_add (seen, &participant->person_id);

      if (!ll_validate_enum (LL_ENUM_ATTENDANCE, participant->attendance, TRUE,
                             ll_enum_get_title (LL_ENUM_ATTENDANCE), error))
        return NULL;

      if (!query_int (db, "SELECT count(*) FROM people WHERE id = ?1", participant->person_id,
                      &found, error))
        return NULL;

      if (found == 0)
        {
          /* Translators: %s is the field “Participants” */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("%s: a person does not exist; someone may have deleted them."),
                       LABEL ("participants"));
          return NULL;
        }

      g_ptr_array_add (checked, participant);
    }

  return g_steal_pointer (&checked);
}

static const char *
attendance_of (LlParticipant *participant)
{
  return participant->attendance != NULL ? participant->attendance : "present";
}

static gboolean
insert_participant (LlDatabase     *db,
                    gint64          activity_id,
                    LlParticipant  *participant,
                    GError        **error)
{
  g_autoptr(LlStatement) statement = NULL;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO activity_participants "
                                    "(activity_id, person_id, attendance) VALUES (?1, ?2, ?3)",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, activity_id);
  _ll_statement_bind_int64 (statement, 2, participant->person_id);
  _ll_statement_bind_text (statement, 3, attendance_of (participant));

  return _ll_statement_execute (statement, error);
}

/**
 * ll_activity_store_list_participants:
 * @db: a #LlDatabase
 * @activity_id: an activity
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LlParticipant) (nullable): the
 *   participants with their names and attendance, in the order they
 *   were entered
 */
GPtrArray *
ll_activity_store_list_participants (LlDatabase  *db,
                                     gint64       activity_id,
                                     GError     **error)
{
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT ap.person_id, pe.name, ap.attendance "
                                    "FROM activity_participants AS ap "
                                    "JOIN people AS pe ON pe.id = ap.person_id "
                                    "WHERE ap.activity_id = ?1 ORDER BY ap.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, activity_id);

  participants = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_participant_free);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (participants,
                     ll_participant_new (sqlite3_column_int64 (statement->stmt, 0),
                                         column_text (statement, 1),
                                         column_text (statement, 2)));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&participants);
}

typedef struct
{
  LlActivity *activity;
  GPtrArray  *participants;
  LlActivity *stored;
} SetParticipants;

static gboolean
set_participants_func (LlDatabase  *db,
                       gpointer     user_data,
                       GError     **error)
{
  SetParticipants *data = user_data;
  gint64 id = ll_activity_get_id (data->activity);
  g_autoptr(LlActivity) stored = NULL;
  g_autoptr(GPtrArray) wanted = NULL;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GHashTable) wanted_by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) before_by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  gboolean changed = FALSE;

  stored = load_current (db, data->activity, error);
  if (stored == NULL)
    return FALSE;

  wanted = check_participants (db, data->participants, error);
  if (wanted == NULL)
    return FALSE;

  before = ll_activity_store_list_participants (db, id, error);
  if (before == NULL)
    return FALSE;

  for (guint i = 0; i < wanted->len; i++)
    {
      LlParticipant *participant = g_ptr_array_index (wanted, i);
      g_hash_table_insert (wanted_by_person, &participant->person_id, participant);
    }
  for (guint i = 0; i < before->len; i++)
    {
      LlParticipant *participant = g_ptr_array_index (before, i);
      g_hash_table_insert (before_by_person, &participant->person_id, participant);
    }

  /* Keep the rows of people who stay, so their history is theirs. */
  for (guint i = 0; i < before->len; i++)
    {
      LlParticipant *old = g_ptr_array_index (before, i);
      LlParticipant *new = g_hash_table_lookup (wanted_by_person, &old->person_id);
      g_autoptr(LlStatement) statement = NULL;

      if (new != NULL && g_strcmp0 (attendance_of (new), old->attendance) == 0)
        continue;

      if (new == NULL)
        statement = _ll_database_prepare (db,
                                          "DELETE FROM activity_participants "
                                          "WHERE activity_id = ?1 AND person_id = ?2",
                                          error);
      else
        statement = _ll_database_prepare (db,
                                          "UPDATE activity_participants SET attendance = ?3, "
                                          "version = version + 1, updated_at = "
                                          "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                          "WHERE activity_id = ?1 AND person_id = ?2",
                                          error);
      if (statement == NULL)
        return FALSE;

      _ll_statement_bind_int64 (statement, 1, id);
      _ll_statement_bind_int64 (statement, 2, old->person_id);
      if (new != NULL)
        _ll_statement_bind_text (statement, 3, attendance_of (new));
      if (!_ll_statement_execute (statement, error))
        return FALSE;

      changed = TRUE;
    }

  for (guint i = 0; i < wanted->len; i++)
    {
      LlParticipant *participant = g_ptr_array_index (wanted, i);

      if (g_hash_table_contains (before_by_person, &participant->person_id))
        continue;

      if (!insert_participant (db, id, participant, error))
        return FALSE;
      changed = TRUE;
    }

  /* The list is part of the activity: a change is a versioned save. */
  if (changed &&
      !_ll_database_update_versioned (db, "activities", id, ll_activity_get_version (stored),
                                      NULL, NULL, 0, NULL, error))
    return FALSE;

  data->stored = ll_activity_store_get (db, id, error);
  return data->stored != NULL;
}

/**
 * ll_activity_store_set_participants:
 * @db: a #LlDatabase
 * @activity: a saved activity, at the version the user saw
 * @participants: (element-type LlParticipant) (nullable): who took part,
 *   with their attendance (%NULL attendance: present); a person listed
 *   twice counts once
 * @error: return location for a #GError
 *
 * Replaces the participants of @activity. People who stay keep their
 * row; attendance changes are saved. A change is a versioned save of
 * the activity (%LL_DATABASE_ERROR_CONFLICT when someone else changed
 * it first); the same list again writes nothing. On success @activity
 * holds the activity as stored.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_activity_store_set_participants (LlDatabase  *db,
                                    LlActivity  *activity,
                                    GPtrArray   *participants,
                                    GError     **error)
{
  SetParticipants data = { activity, participants, NULL };
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (ll_activity_get_id (activity) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ok = ll_database_write (db, set_participants_func, &data, error);
  if (ok)
    ll_activity_update_from (activity, data.stored);
  g_clear_object (&data.stored);

  return ok;
}

typedef struct
{
  gint64      activity_id;
  gint64      person_id;
  const char *attendance;
} SetAttendance;

static gboolean
set_attendance_func (LlDatabase  *db,
                     gpointer     user_data,
                     GError     **error)
{
  SetAttendance *data = user_data;
  g_autoptr(LlStatement) statement = NULL;
  gint64 found = 0;

  statement = _ll_database_prepare (db,
                                    "UPDATE activity_participants SET attendance = ?3, "
                                    "version = version + 1, updated_at = "
                                    "strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                    "WHERE activity_id = ?1 AND person_id = ?2 "
                                    "AND attendance IS NOT ?3",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, data->activity_id);
  _ll_statement_bind_int64 (statement, 2, data->person_id);
  _ll_statement_bind_text (statement, 3, data->attendance);
  if (!_ll_statement_execute (statement, error))
    return FALSE;

  if (sqlite3_changes (_ll_database_get_handle (db)) > 0)
    return TRUE;

  /* Nothing changed: already so, or not a participant. */
  g_clear_pointer (&statement, _ll_statement_free);
  statement = _ll_database_prepare (db,
                                    "SELECT count(*) FROM activity_participants "
                                    "WHERE activity_id = ?1 AND person_id = ?2",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, data->activity_id);
  _ll_statement_bind_int64 (statement, 2, data->person_id);
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;
  found = sqlite3_column_int64 (statement->stmt, 0);

  if (found == 0)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           _("This person is not a participant of the activity; someone may "
                             "have removed them."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_activity_store_set_attendance:
 * @db: a #LlDatabase
 * @activity_id: an activity
 * @person_id: one of its participants
 * @attendance: an attendance key: `present`, `leave` or `absent`
 * @error: return location for a #GError
 *
 * Records one participant's attendance (a quick edit in the list of
 * participants; it does not change the activity's version).
 * %LL_DATABASE_ERROR_NOT_FOUND when the person is not a participant.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_activity_store_set_attendance (LlDatabase  *db,
                                  gint64       activity_id,
                                  gint64       person_id,
                                  const char  *attendance,
                                  GError     **error)
{
  SetAttendance data = { activity_id, person_id, attendance };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_enum (LL_ENUM_ATTENDANCE, attendance, FALSE,
                         ll_enum_get_title (LL_ENUM_ATTENDANCE), error))
    return FALSE;

  return ll_database_write (db, set_attendance_func, &data, error);
}

/* Activities --------------------------------------------------------------- */

/**
 * ll_activity_store_get:
 * @db: a #LlDatabase
 * @id: an activity id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the activity with its station
 *   name and number of participants, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlActivity *
ll_activity_store_get (LlDatabase  *db,
                       gint64       id,
                       GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " ACTIVITY_COLUMNS " FROM activities AS a "
                                    ACTIVITY_JOINS "WHERE a.id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return NULL;

  if (step == LL_STEP_DONE)
    {
      set_not_found (error);
      return NULL;
    }

  return activity_from_row (statement);
}

static void
bind_columns (LlStatement *statement,
              LlActivity  *activity)
{
  _ll_statement_bind_text (statement, 1, ll_activity_get_held_on (activity));
  _ll_statement_bind_text (statement, 2, ll_activity_get_activity_type (activity));
  _ll_statement_bind_text (statement, 3, ll_activity_get_subtype (activity));
  if (ll_activity_get_station_id (activity) != 0)
    _ll_statement_bind_int64 (statement, 4, ll_activity_get_station_id (activity));
  else
    _ll_statement_bind_null (statement, 4);
  _ll_statement_bind_text (statement, 5, ll_activity_get_title (activity));
  _ll_statement_bind_text (statement, 6, ll_activity_get_location (activity));
  _ll_statement_bind_int64 (statement, 7, ll_activity_get_people_received (activity));
  _ll_statement_bind_int64 (statement, 8, ll_activity_get_opinions_collected (activity));
  _ll_statement_bind_text (statement, 9, ll_activity_get_summary (activity));
}

typedef struct
{
  LlActivity *activity;
  GPtrArray  *participants;
  LlActivity *stored;
} Create;

static gboolean
create_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Create *data = user_data;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) participants = NULL;
  gint64 id;

  if (!check_station (db, ll_activity_get_station_id (data->activity), error))
    return FALSE;

  participants = check_participants (db, data->participants, error);
  if (participants == NULL)
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO activities (held_on, type, subtype, station_id, "
                                    "title, location, people_received, opinions_collected, "
                                    "summary) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9) "
                                    "RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;

  bind_columns (statement, data->activity);
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;

  id = sqlite3_column_int64 (statement->stmt, 0);
  if (!_ll_statement_execute (statement, error))
    return FALSE;

  for (guint i = 0; i < participants->len; i++)
    if (!insert_participant (db, id, g_ptr_array_index (participants, i), error))
      return FALSE;

  data->stored = ll_activity_store_get (db, id, error);
  return data->stored != NULL;
}

/**
 * ll_activity_store_create:
 * @db: a #LlDatabase
 * @activity: a new activity (id 0)
 * @participants: (element-type LlParticipant) (nullable): who took part
 * @error: return location for a #GError
 *
 * Saves a new activity and its participants in one transaction, after
 * ll_activity_validate(). On success @activity holds the activity as
 * stored (id, version …).
 *
 * Returns: %TRUE on success
 */
gboolean
ll_activity_store_create (LlDatabase  *db,
                          LlActivity  *activity,
                          GPtrArray   *participants,
                          GError     **error)
{
  Create data = { activity, participants, NULL };
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (ll_activity_get_id (activity) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_activity_validate (activity, error))
    return FALSE;

  ok = ll_database_write (db, create_func, &data, error);
  if (ok)
    ll_activity_update_from (activity, data.stored);
  g_clear_object (&data.stored);

  return ok;
}

typedef struct
{
  LlActivity *activity;
  LlActivity *stored;
} Update;

static gboolean
update_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Update *data = user_data;
  LlActivity *activity = data->activity;
  const char *columns[] = {
    "held_on", "type", "subtype", "station_id", "title", "location", "people_received",
    "opinions_collected", "summary",
  };
  const char *properties[] = {
    "held-on", "type", "subtype", "station-id", "title", "location", "people-received",
    "opinions-collected", "summary",
  };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT };
  gboolean ok;

  if (!check_station (db, ll_activity_get_station_id (activity), error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_object_get_property (G_OBJECT (activity), properties[i], &values[i]);

  /* No station is NULL, not 0. */
  if (g_value_get_int64 (&values[3]) == 0)
    g_value_unset (&values[3]);

  ok = _ll_database_update_versioned (db, "activities", ll_activity_get_id (activity),
                                      ll_activity_get_version (activity), columns, values,
                                      G_N_ELEMENTS (columns), NULL, error);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  if (!ok)
    return FALSE;

  data->stored = ll_activity_store_get (db, ll_activity_get_id (activity), error);
  return data->stored != NULL;
}

/**
 * ll_activity_store_update:
 * @db: a #LlDatabase
 * @activity: a saved activity with the user's edits, at the version the
 *   user started from
 * @error: return location for a #GError
 *
 * Saves @activity after ll_activity_validate(). Versioned:
 * %LL_DATABASE_ERROR_CONFLICT when someone else saved it first,
 * %LL_DATABASE_ERROR_NOT_FOUND when it was deleted; nothing is written
 * then. On success @activity holds the activity as stored.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_activity_store_update (LlDatabase  *db,
                          LlActivity  *activity,
                          GError     **error)
{
  Update data = { activity, NULL };
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (ll_activity_get_id (activity) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_activity_validate (activity, error))
    return FALSE;

  ok = ll_database_write (db, update_func, &data, error);
  if (ok)
    ll_activity_update_from (activity, data.stored);
  g_clear_object (&data.stored);

  return ok;
}

/**
 * ll_activity_store_delete:
 * @db: a #LlDatabase
 * @activity: a saved activity, at the version the user saw
 * @error: return location for a #GError
 *
 * Deletes the activity with its participants and attachments.
 * Versioned: %LL_DATABASE_ERROR_CONFLICT when someone else changed it
 * first.
 *
 * Returns: %TRUE when it was deleted
 */
gboolean
ll_activity_store_delete (LlDatabase  *db,
                          LlActivity  *activity,
                          GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ACTIVITY (activity), FALSE);
  g_return_val_if_fail (ll_activity_get_id (activity) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ll_database_delete_versioned (db, "activities", ll_activity_get_id (activity),
                                        ll_activity_get_version (activity), error);
}

/**
 * ll_activity_store_load_many:
 * @db: a #LlDatabase
 * @ids: (array length=n_ids): activity ids
 * @n_ids: the number of @ids
 * @error: return location for a #GError
 *
 * Reads a page of the activity list in one query, with station names
 * and numbers of participants. Ids deleted in the meantime are left
 * out; the others come in the order of @ids.
 *
 * Returns: (transfer full) (element-type LlActivity) (nullable): the activities
 */
GPtrArray *
ll_activity_store_load_many (LlDatabase    *db,
                             const gint64  *ids,
                             guint          n_ids,
                             GError       **error)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GString) json = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  activities = g_ptr_array_new_full (n_ids, g_object_unref);
  if (n_ids == 0)
    return g_steal_pointer (&activities);

  json = g_string_sized_new (n_ids * 8 + 2);
  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i == 0 ? "%" G_GINT64_FORMAT : ",%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');

  statement = _ll_database_prepare (db,
                                    "SELECT " ACTIVITY_COLUMNS " FROM json_each (?1) AS j "
                                    "CROSS JOIN activities AS a ON a.id = j.value "
                                    ACTIVITY_JOINS "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, json->str);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (activities, activity_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&activities);
}

/* The activity list -------------------------------------------------------- */

static void
append_param_text (GArray     *params,
                   const char *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_array_append_val (params, value);
}

static void
append_param_int64 (GArray *params,
                    gint64  number)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  g_array_append_val (params, value);
}

static void
add_condition (GString    *where,
               const char *condition)
{
  g_string_append (where, where->len == 0 ? " WHERE " : " AND ");
  g_string_append (where, condition);
}

static void
build_where (const LlActivityFilter *filter,
             GString                *where,
             GArray                 *params)
{
  if (filter == NULL)
    return;

  if (filter->type != NULL)
    {
      add_condition (where, "type = ?");
      append_param_text (params, filter->type);
    }

  if (filter->station_id != 0 && filter->station_only)
    {
      add_condition (where, "station_id = ?");
      append_param_int64 (params, filter->station_id);
    }
  else if (filter->station_id != 0)
    {
      add_condition (where,
                     "station_id IN (WITH RECURSIVE sub (id) AS (SELECT ? "
                     "UNION SELECT st.id FROM stations AS st JOIN sub ON st.parent_id = sub.id) "
                     "SELECT id FROM sub)");
      append_param_int64 (params, filter->station_id);
    }

  if (filter->year != 0)
    {
      g_autofree char *first = g_strdup_printf ("%04d-01-01", filter->year);
      g_autofree char *last = g_strdup_printf ("%04d-12-31", filter->year);

      add_condition (where, "held_on BETWEEN ? AND ?");
      append_param_text (params, first);
      append_param_text (params, last);
    }

  if (filter->person_id != 0)
    {
      add_condition (where,
                     "id IN (SELECT activity_id FROM activity_participants WHERE person_id = ?)");
      append_param_int64 (params, filter->person_id);
    }

  if (filter->held_from != NULL)
    {
      add_condition (where, "held_on >= ?");
      append_param_text (params, filter->held_from);
    }

  if (filter->held_to != NULL)
    {
      add_condition (where, "held_on <= ?");
      append_param_text (params, filter->held_to);
    }
}

/**
 * ll_activity_store_build_query:
 * @filter: (nullable): what to show; %NULL for every activity
 * @params: (element-type GValue): an array of #GValue with
 *   g_value_unset() as clear function; the parameters are appended, one
 *   per `?` in order
 *
 * Builds the id query of the activity list, newest first: `SELECT id
 * FROM activities WHERE … ORDER BY held_on DESC, id DESC`.
 *
 * Returns: (transfer full): the SQL
 */
char *
ll_activity_store_build_query (const LlActivityFilter *filter,
                               GArray                 *params)
{
  g_autoptr(GString) where = g_string_new (NULL);
  const char *index = "";

  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (params) == sizeof (GValue), NULL);

  build_where (filter, where, params);

  /* As for cases: without statistics SQLite would rather scan
   * activities_held in order than sort the ids of one day, so the index
   * of a single type or station is named. */
  if (filter != NULL && filter->type != NULL)
    index = " INDEXED BY activities_type";
  else if (filter != NULL && filter->station_id != 0 && filter->station_only)
    index = " INDEXED BY activities_station";

  return g_strconcat ("SELECT id FROM activities", index, where->str,
                      " ORDER BY held_on DESC, id DESC", NULL);
}

static GArray *
new_params (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
  return params;
}

static LlStatement *
prepare_with_params (LlDatabase  *db,
                     const char  *sql,
                     GArray      *params,
                     GError     **error)
{
  LlStatement *statement = _ll_database_prepare (db, sql, error);

  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));

  return statement;
}

/**
 * ll_activity_store_query_ids:
 * @db: a #LlDatabase
 * @filter: (nullable): what to list; %NULL for every activity
 * @error: return location for a #GError
 *
 * Runs the query of ll_activity_store_build_query().
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids,
 *   newest first
 */
GArray *
ll_activity_store_query_ids (LlDatabase              *db,
                             const LlActivityFilter  *filter,
                             GError                 **error)
{
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *sql = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = ll_activity_store_build_query (filter, params);
  statement = prepare_with_params (db, sql, params, error);
  if (statement == NULL)
    return NULL;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement->stmt, 0);
      g_array_append_val (ids, id);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

/**
 * ll_activity_store_count:
 * @db: a #LlDatabase
 * @filter: (nullable): what to count; %NULL for every activity
 * @error: return location for a #GError
 *
 * Returns: the number of activities matching @filter, or -1 with
 *   @error set
 */
gint64
ll_activity_store_count (LlDatabase              *db,
                         const LlActivityFilter  *filter,
                         GError                 **error)
{
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GString) where = g_string_new (NULL);
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  build_where (filter, where, params);
  sql = g_strconcat ("SELECT count(*) FROM activities", where->str, NULL);
  statement = prepare_with_params (db, sql, params, error);
  if (statement == NULL || _ll_statement_step (statement, error) != LL_STEP_ROW)
    return -1;

  return sqlite3_column_int64 (statement->stmt, 0);
}

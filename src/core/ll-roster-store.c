/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-roster-store"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>
#include <string.h>

#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-roster-store.h"
#include "ll-validate.h"

/* Reception rosters (接待日排班): who of a station's people is on duty on
 * each of its reception days (stations.reception_days, '10,18'), their
 * attendance once the day has passed, and the `reception` activity that
 * recording the day creates, so that the points count it.
 *
 * Rules, each refused with a sentence:
 * - a date must be one of the station's reception days of its month;
 * - only the station’s own people (a current membership there);
 * - a person is on a day once;
 * - attendance only once the day has come (on the day or after);
 * - an entry whose attendance is recorded is not moved to another day;
 * - recording a day needs everyone's attendance, and recording again
 *   updates the same activity. */

#define ENTRY_COLUMNS \
  "r.id, r.version, r.station_id, r.held_on, r.person_id, r.attendance, r.activity_id, " \
  "p.name, p.role, p.level "

#define ENTRY_FROM \
  "FROM roster_entries AS r JOIN people AS p ON p.id = r.person_id "

#define NOW_SQL "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlRosterEntry *
entry_from_row (LlStatement *statement)
{
  LlRosterEntry *entry = ll_roster_entry_new ();

  _ll_roster_entry_set (entry,
                        sqlite3_column_int64 (statement->stmt, 0),
                        sqlite3_column_int64 (statement->stmt, 1),
                        sqlite3_column_int64 (statement->stmt, 2),
                        column_text (statement, 3),
                        sqlite3_column_int64 (statement->stmt, 4),
                        column_text (statement, 5),
                        sqlite3_column_int64 (statement->stmt, 6));
  _ll_roster_entry_set_person (entry,
                               column_text (statement, 7),
                               column_text (statement, 8),
                               column_text (statement, 9));
  return entry;
}

static int
compare_ints (gconstpointer a,
              gconstpointer b)
{
  return *(const int *) a - *(const int *) b;
}

static gboolean
parse_date (const char *date,
            int        *year,
            int        *month,
            int        *day)
{
  if (!ll_date_is_valid (date))
    return FALSE;

  *year = atoi (date);
  *month = atoi (date + 5);
  *day = atoi (date + 8);
  return TRUE;
}

static gboolean
check_date (const char  *date,
            GError     **error)
{
  if (date == NULL || !ll_date_is_valid (date))
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   /* Translators: %s is what was given */
                   _("“%s” is not a date; write it as YYYY-MM-DD, for example 2025-03-10."),
                   date != NULL ? date : "");
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  char *name;
  char *reception_days;
  char *address;
} StationInfo;

static void
station_info_clear (StationInfo *info)
{
  g_clear_pointer (&info->name, g_free);
  g_clear_pointer (&info->reception_days, g_free);
  g_clear_pointer (&info->address, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (StationInfo, station_info_clear)

static gboolean
load_station (LlDatabase   *db,
              gint64        station_id,
              StationInfo  *info,
              GError      **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = _ll_database_prepare (db, "SELECT name, reception_days, address FROM stations "
                                "WHERE id = ?1", error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, station_id);
  step = _ll_statement_step (s, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           _("This station no longer exists; someone may have deleted it."));
      return FALSE;
    }

  info->name = _ll_statement_dup_text (s, 0);
  info->reception_days = _ll_statement_dup_text (s, 1);
  info->address = _ll_statement_dup_text (s, 2);
  return TRUE;
}

static char **
station_days (const StationInfo  *info,
              int                 year,
              int                 month,
              GError            **error)
{
  g_auto(GStrv) days = ll_roster_days_of_month (info->reception_days, year, month);

  if (days[0] == NULL)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   /* Translators: %s is a station's name */
                   _("%s has no reception days. Enter them in the station’s "
                     "“Reception days” field, for example 10,18."),
                   info->name);
      return NULL;
    }

  return g_steal_pointer (&days);
}

/* The date must be one of the station's reception days of its month. */
static gboolean
check_reception_day (LlDatabase  *db,
                     gint64       station_id,
                     const char  *held_on,
                     GError     **error)
{
  g_auto(StationInfo) info = { 0 };
  g_auto(GStrv) days = NULL;
  g_autoptr(GString) list = NULL;
  int year = 0, month = 0, day = 0;

  if (!check_date (held_on, error) || !load_station (db, station_id, &info, error))
    return FALSE;

  parse_date (held_on, &year, &month, &day);
  days = station_days (&info, year, month, error);
  if (days == NULL)
    return FALSE;

  if (g_strv_contains ((const char * const *) days, held_on))
    return TRUE;

  list = g_string_new (NULL);
  for (guint i = 0; days[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (list, _(", "));
      g_string_append (list, days[i]);
    }

  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               /* Translators: a date, a station's name, then its dates in that month */
               _("%s is not a reception day of %s. Its reception days that month: %s."),
               held_on, info.name, list->str);
  return FALSE;
}

static char *
person_name (LlDatabase *db,
             gint64      person_id)
{
  g_autoptr(LlStatement) s = _ll_database_prepare (db, "SELECT name FROM people WHERE id = ?1",
                                                   NULL);

  if (s == NULL)
    return NULL;

  _ll_statement_bind_int64 (s, 1, person_id);
  if (_ll_statement_step (s, NULL) != LL_STEP_ROW)
    return NULL;

  return _ll_statement_dup_text (s, 0);
}

/* Only the station’s own people: a current membership there. */
static gboolean
check_member (LlDatabase  *db,
              gint64       station_id,
              gint64       person_id,
              GError     **error)
{
  g_autoptr(LlStatement) s = NULL;
  g_autofree char *name = NULL;
  g_auto(StationInfo) info = { 0 };

  s = _ll_database_prepare (db, "SELECT count(*) FROM memberships WHERE person_id = ?1 "
                                "AND station_id = ?2 AND to_date IS NULL", error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, person_id);
  _ll_statement_bind_int64 (s, 2, station_id);
  if (_ll_statement_step (s, error) != LL_STEP_ROW)
    return FALSE;

  if (sqlite3_column_int64 (s->stmt, 0) > 0)
    return TRUE;

  name = person_name (db, person_id);
  if (name == NULL)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           _("This person no longer exists; someone may have deleted them."));
      return FALSE;
    }

  if (!load_station (db, station_id, &info, error))
    return FALSE;

  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               /* Translators: a person's name, then a station's name */
               _("%s is not stationed at %s; only the station’s own people can be on its "
                 "roster."),
               name, info.name);
  return FALSE;
}

static gboolean
check_not_on_day (LlDatabase  *db,
                  gint64       station_id,
                  const char  *held_on,
                  gint64       person_id,
                  GError     **error)
{
  g_autoptr(LlStatement) s = NULL;
  g_autofree char *name = NULL;

  s = _ll_database_prepare (db, "SELECT count(*) FROM roster_entries WHERE station_id = ?1 "
                                "AND held_on = ?2 AND person_id = ?3", error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, station_id);
  _ll_statement_bind_text (s, 2, held_on);
  _ll_statement_bind_int64 (s, 3, person_id);
  if (_ll_statement_step (s, error) != LL_STEP_ROW)
    return FALSE;

  if (sqlite3_column_int64 (s->stmt, 0) == 0)
    return TRUE;

  name = person_name (db, person_id);
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               /* Translators: a person's name, then a date */
               _("%s is already on the roster of %s."), name != NULL ? name : "?", held_on);
  return FALSE;
}

static gboolean
check_day_has_come (const char  *held_on,
                    GError     **error)
{
  g_autofree char *today = ll_date_today ();

  if (g_strcmp0 (held_on, today) <= 0)
    return TRUE;

  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               /* Translators: %s is a date */
               _("%s has not come yet; attendance is recorded on the day or after it."),
               held_on);
  return FALSE;
}

static gboolean
check_entry_current (LlDatabase     *db,
                     LlRosterEntry  *entry,
                     GError        **error)
{
  g_autoptr(LlRosterEntry) stored = ll_roster_store_get (db, ll_roster_entry_get_id (entry),
                                                         error);

  if (stored == NULL)
    return FALSE;

  if (ll_roster_entry_get_version (stored) != ll_roster_entry_get_version (entry))
    return _ll_database_explain_unchanged (db, "roster_entries", ll_roster_entry_get_id (entry),
                                           error);

  return TRUE;
}

static GPtrArray *
list_entries (LlDatabase  *db,
              gint64       station_id,
              const char  *from,
              const char  *to,
              GError     **error)
{
  g_autoptr(LlStatement) s = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  s = _ll_database_prepare (db, "SELECT " ENTRY_COLUMNS ENTRY_FROM
                                "WHERE r.station_id = ?1 AND r.held_on BETWEEN ?2 AND ?3 "
                                "ORDER BY r.held_on, p.name, r.id", error);
  if (s == NULL)
    return NULL;

  _ll_statement_bind_int64 (s, 1, station_id);
  _ll_statement_bind_text (s, 2, from);
  _ll_statement_bind_text (s, 3, to);
  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    g_ptr_array_add (entries, entry_from_row (s));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&entries);
}

static gboolean
insert_entry (LlDatabase  *db,
              gint64       station_id,
              const char  *held_on,
              gint64       person_id,
              gint64      *id,
              GError     **error)
{
  g_autoptr(LlStatement) s = NULL;

  if (!check_member (db, station_id, person_id, error) ||
      !check_not_on_day (db, station_id, held_on, person_id, error))
    return FALSE;

  s = _ll_database_prepare (db, "INSERT INTO roster_entries (station_id, held_on, person_id) "
                                "VALUES (?1, ?2, ?3) RETURNING id", error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, station_id);
  _ll_statement_bind_text (s, 2, held_on);
  _ll_statement_bind_int64 (s, 3, person_id);
  if (_ll_statement_step (s, error) != LL_STEP_ROW)
    return FALSE;

  *id = sqlite3_column_int64 (s->stmt, 0);
  return TRUE;
}

/* Write bodies ------------------------------------------------------------- */

typedef struct
{
  gint64         station_id;
  const char    *held_on;
  gint64         person_id;
  gint64         id;
} AddData;

static gboolean
add_func (LlDatabase  *db,
          gpointer     user_data,
          GError     **error)
{
  AddData *data = user_data;

  return check_reception_day (db, data->station_id, data->held_on, error) &&
         insert_entry (db, data->station_id, data->held_on, data->person_id, &data->id, error);
}

typedef struct
{
  LlRosterEntry *entry;
  const char    *to_held_on;
  gint64         new_version;
} MoveData;

static gboolean
move_func (LlDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  MoveData *data = user_data;
  LlRosterEntry *entry = data->entry;
  const char *columns[] = { "held_on" };
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 station_id = ll_roster_entry_get_station_id (entry);

  if (!check_entry_current (db, entry, error))
    return FALSE;

  if (ll_roster_entry_get_attendance (entry) != NULL)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   /* Translators: a person's name, then a date */
                   _("The attendance of %s on %s is recorded; it cannot move to another day."),
                   ll_roster_entry_get_person_name (entry), ll_roster_entry_get_held_on (entry));
      return FALSE;
    }

  if (!check_reception_day (db, station_id, data->to_held_on, error) ||
      !check_not_on_day (db, station_id, data->to_held_on, ll_roster_entry_get_person_id (entry),
                         error))
    return FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, data->to_held_on);
  return _ll_database_update_versioned (db, "roster_entries", ll_roster_entry_get_id (entry),
                                        ll_roster_entry_get_version (entry), columns, &value, 1,
                                        &data->new_version, error);
}

typedef struct
{
  gint64         station_id;
  const char    *held_on;
  const gint64  *person_ids;
  guint          n_people;
} SetDayData;

static gboolean
set_day_func (LlDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  SetDayData *data = user_data;
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) entries = NULL;

  if (!check_reception_day (db, data->station_id, data->held_on, error))
    return FALSE;

  for (guint i = 0; i < data->n_people; i++)
    {
      if (g_hash_table_contains (wanted, &data->person_ids[i]))
        {
          g_autofree char *name = person_name (db, data->person_ids[i]);

          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       /* Translators: a person's name, then a date */
                       _("%s is named twice; a person is on the roster of %s once."),
                       name != NULL ? name : "?", data->held_on);
          return FALSE;
        }
      g_hash_table_add (wanted, (gpointer) &data->person_ids[i]);
    }

  entries = list_entries (db, data->station_id, data->held_on, data->held_on, error);
  if (entries == NULL)
    return FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      LlRosterEntry *entry = g_ptr_array_index (entries, i);
      gint64 person_id = ll_roster_entry_get_person_id (entry);

      if (g_hash_table_remove (wanted, &person_id))
        continue;

      if (!_ll_database_delete_versioned (db, "roster_entries", ll_roster_entry_get_id (entry),
                                          ll_roster_entry_get_version (entry), error))
        return FALSE;
    }

  /* In the order given, so that the first refusal names the first one. */
  for (guint i = 0; i < data->n_people; i++)
    {
      gint64 id;

      if (!g_hash_table_contains (wanted, &data->person_ids[i]))
        continue;

      if (!insert_entry (db, data->station_id, data->held_on, data->person_ids[i], &id, error))
        return FALSE;
    }

  return TRUE;
}

typedef struct
{
  LlRosterEntry *entry;
  const char    *attendance;
  gint64         new_version;
} AttendanceData;

static gboolean
attendance_func (LlDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  AttendanceData *data = user_data;
  const char *columns[] = { "attendance" };
  g_auto(GValue) value = G_VALUE_INIT;

  if (!ll_validate_enum (LL_ENUM_ATTENDANCE, data->attendance, TRUE,
                         ll_enum_get_title (LL_ENUM_ATTENDANCE), error) ||
      !check_day_has_come (ll_roster_entry_get_held_on (data->entry), error))
    return FALSE;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, data->attendance);
  return _ll_database_update_versioned (db, "roster_entries",
                                        ll_roster_entry_get_id (data->entry),
                                        ll_roster_entry_get_version (data->entry),
                                        columns, &value, 1, &data->new_version, error);
}

typedef struct
{
  gint64              station_id;
  const char         *held_on;
  const gint64       *person_ids;
  const char * const *attendances;
  guint               n_people;
  gint64              activity_id;
} RecordData;

static gboolean
set_attendance_of_person (LlDatabase  *db,
                          RecordData  *data,
                          gint64       person_id,
                          const char  *attendance,
                          GError     **error)
{
  g_autoptr(LlStatement) s = NULL;
  g_autofree char *name = NULL;

  if (!ll_validate_enum (LL_ENUM_ATTENDANCE, attendance, FALSE,
                         ll_enum_get_title (LL_ENUM_ATTENDANCE), error))
    return FALSE;

  s = _ll_database_prepare (db, "UPDATE roster_entries SET attendance = ?4, "
                                "version = version + 1, updated_at = " NOW_SQL " "
                                "WHERE station_id = ?1 AND held_on = ?2 AND person_id = ?3 "
                                "AND attendance IS NOT ?4", error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, data->station_id);
  _ll_statement_bind_text (s, 2, data->held_on);
  _ll_statement_bind_int64 (s, 3, person_id);
  _ll_statement_bind_text (s, 4, attendance);
  if (!_ll_statement_execute (s, error))
    return FALSE;

  if (sqlite3_changes (_ll_database_get_handle (db)) > 0)
    return TRUE;

  /* Nothing changed: already so, or not on the roster. */
  g_clear_pointer (&s, _ll_statement_free);
  if (!check_not_on_day (db, data->station_id, data->held_on, person_id, NULL))
    return TRUE;

  name = person_name (db, person_id);
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               /* Translators: a person's name, then a date */
               _("%s is not on the roster of %s."), name != NULL ? name : "?", data->held_on);
  return FALSE;
}

static gboolean
activity_exists (LlDatabase *db,
                 gint64      activity_id,
                 GError    **error)
{
  g_autoptr(LlStatement) s = _ll_database_prepare (db, "SELECT count(*) FROM activities "
                                                       "WHERE id = ?1", error);

  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, activity_id);
  return _ll_statement_step (s, error) == LL_STEP_ROW && sqlite3_column_int64 (s->stmt, 0) > 0;
}

static gboolean
exec_with_ids (LlDatabase  *db,
               const char  *sql,
               gint64       first,
               gint64       second,
               const char  *text,
               GError     **error)
{
  g_autoptr(LlStatement) s = _ll_database_prepare (db, sql, error);

  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, first);
  _ll_statement_bind_int64 (s, 2, second);
  if (text != NULL)
    _ll_statement_bind_text (s, 3, text);
  return _ll_statement_execute (s, error);
}

static gboolean
record_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  RecordData *data = user_data;
  g_auto(StationInfo) info = { 0 };
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GString) missing = NULL;
  g_autoptr(GHashTable) on_roster = g_hash_table_new_full (g_int64_hash, g_int64_equal,
                                                            g_free, NULL);
  g_autoptr(GArray) participants = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 activity_id = 0;
  LlStep step;

  if (!check_date (data->held_on, error) || !check_day_has_come (data->held_on, error) ||
      !load_station (db, data->station_id, &info, error))
    return FALSE;

  for (guint i = 0; i < data->n_people; i++)
    if (!set_attendance_of_person (db, data, data->person_ids[i], data->attendances[i], error))
      return FALSE;

  entries = list_entries (db, data->station_id, data->held_on, data->held_on, error);
  if (entries == NULL)
    return FALSE;

  if (entries->len == 0)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   /* Translators: %s is a date */
                   _("No one is on the roster of %s; there is nothing to record."),
                   data->held_on);
      return FALSE;
    }

  for (guint i = 0; i < entries->len; i++)
    {
      LlRosterEntry *entry = g_ptr_array_index (entries, i);

      if (ll_roster_entry_get_attendance (entry) == NULL)
        {
          if (missing == NULL)
            missing = g_string_new (NULL);
          else
            g_string_append (missing, _(", "));
          g_string_append (missing, ll_roster_entry_get_person_name (entry));
        }

      if (activity_id == 0 && ll_roster_entry_get_activity_id (entry) != 0)
        activity_id = ll_roster_entry_get_activity_id (entry);
    }

  if (missing != NULL)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   /* Translators: a date, then the names of people */
                   _("Record everyone’s attendance on %s first; missing: %s."),
                   data->held_on, missing->str);
      return FALSE;
    }

  if (activity_id != 0 && !activity_exists (db, activity_id, error))
    {
      if (error != NULL && *error != NULL)
        return FALSE;
      activity_id = 0;
    }

  if (activity_id == 0)
    {
      g_autoptr(LlStatement) s = NULL;

      s = _ll_database_prepare (db, "INSERT INTO activities (held_on, type, station_id, title, "
                                    "location) VALUES (?1, 'reception', ?2, ?3, ?4) RETURNING id",
                                error);
      if (s == NULL)
        return FALSE;

      _ll_statement_bind_text (s, 1, data->held_on);
      _ll_statement_bind_int64 (s, 2, data->station_id);
      _ll_statement_bind_text (s, 3, C_("activity title", "Reception Day"));
      _ll_statement_bind_text (s, 4, info.address);
      if (_ll_statement_step (s, error) != LL_STEP_ROW)
        return FALSE;

      activity_id = sqlite3_column_int64 (s->stmt, 0);
    }
  else if (!exec_with_ids (db, "UPDATE activities SET version = version + 1, "
                               "updated_at = " NOW_SQL " WHERE id = ?1 AND ?2 = ?2",
                           activity_id, 0, NULL, error))
    return FALSE;

  /* The participants become exactly the roster of the day. */
  for (guint i = 0; i < entries->len; i++)
    {
      LlRosterEntry *entry = g_ptr_array_index (entries, i);
      gint64 person_id = ll_roster_entry_get_person_id (entry);

      g_hash_table_add (on_roster, g_memdup2 (&person_id, sizeof person_id));

      if (!exec_with_ids (db, "INSERT INTO activity_participants (activity_id, person_id, "
                              "attendance) VALUES (?1, ?2, ?3) "
                              "ON CONFLICT (activity_id, person_id) DO UPDATE "
                              "SET attendance = excluded.attendance, version = version + 1, "
                              "updated_at = " NOW_SQL " "
                              "WHERE attendance IS NOT excluded.attendance",
                          activity_id, person_id, ll_roster_entry_get_attendance (entry), error))
        return FALSE;

      if (ll_roster_entry_get_activity_id (entry) != activity_id &&
          !exec_with_ids (db, "UPDATE roster_entries SET activity_id = ?2, "
                              "version = version + 1, updated_at = " NOW_SQL " WHERE id = ?1",
                          ll_roster_entry_get_id (entry), activity_id, NULL, error))
        return FALSE;
    }

  {
    g_autoptr(LlStatement) s = _ll_database_prepare (db, "SELECT person_id FROM "
                                                         "activity_participants "
                                                         "WHERE activity_id = ?1", error);

    if (s == NULL)
      return FALSE;

    _ll_statement_bind_int64 (s, 1, activity_id);
    while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
      {
        gint64 person_id = sqlite3_column_int64 (s->stmt, 0);

        if (!g_hash_table_contains (on_roster, &person_id))
          g_array_append_val (participants, person_id);
      }

    if (step == LL_STEP_ERROR)
      return FALSE;
  }

  for (guint i = 0; i < participants->len; i++)
    if (!exec_with_ids (db, "DELETE FROM activity_participants "
                            "WHERE activity_id = ?1 AND person_id = ?2",
                        activity_id, g_array_index (participants, gint64, i), NULL, error))
      return FALSE;

  data->activity_id = activity_id;
  return TRUE;
}

/* Public API --------------------------------------------------------------- */

/**
 * ll_roster_days_of_month:
 * @reception_days: (nullable): a station's reception days, `10,18`
 * @year: the year
 * @month: the month, 1 to 12
 *
 * The reception days of one month, in order, each once. A day past the
 * month's end (31 in April) falls on its last day.
 *
 * Returns: (transfer full): dates `YYYY-MM-DD`, possibly none
 */
char **
ll_roster_days_of_month (const char *reception_days,
                         int         year,
                         int         month)
{
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) parts = NULL;
  int last_day;

  if (month < 1 || month > 12 || year < 1 || year > 9999)
    return g_strv_builder_end (builder);

  last_day = g_date_get_days_in_month ((GDateMonth) month, (GDateYear) year);
  parts = g_strsplit (reception_days != NULL ? reception_days : "", ",", -1);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *end = NULL;
      gint64 day;

      g_strstrip (parts[i]);
      if (parts[i][0] == '\0')
        continue;

      day = g_ascii_strtoll (parts[i], &end, 10);
      if (*end != '\0' || day < 1)
        continue;

      int clamped = (int) MIN (day, (gint64) last_day);
      g_array_append_val (days, clamped);
    }

  g_array_sort (days, compare_ints);

  for (guint i = 0; i < days->len; i++)
    {
      int day = g_array_index (days, int, i);

      if (i > 0 && day == g_array_index (days, int, i - 1))
        continue;

      g_autofree char *date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);

      g_strv_builder_add (builder, date);
    }

  return g_strv_builder_end (builder);
}

/**
 * ll_roster_store_list_days:
 * @db: the database
 * @station_id: a station
 * @year: the year
 * @month: the month, 1 to 12
 * @error: return location for a #GError
 *
 * The station's reception days in that month. A station without
 * reception days is an error that says so.
 *
 * Returns: (transfer full): dates `YYYY-MM-DD`, or %NULL with @error set
 */
char **
ll_roster_store_list_days (LlDatabase  *db,
                           gint64       station_id,
                           int          year,
                           int          month,
                           GError     **error)
{
  g_auto(StationInfo) info = { 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!load_station (db, station_id, &info, error))
    return NULL;

  return station_days (&info, year, month, error);
}

/**
 * ll_roster_store_list_month:
 *
 * Returns: (transfer container) (element-type LlRosterEntry): the roster
 *   of the month, by date and name
 */
GPtrArray *
ll_roster_store_list_month (LlDatabase  *db,
                            gint64       station_id,
                            int          year,
                            int          month,
                            GError     **error)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  from = g_strdup_printf ("%04d-%02d-01", year, month);
  to = g_strdup_printf ("%04d-%02d-31", year, month);
  return list_entries (db, station_id, from, to, error);
}

/**
 * ll_roster_store_list_day:
 *
 * Returns: (transfer container) (element-type LlRosterEntry): the roster
 *   of one day, by name
 */
GPtrArray *
ll_roster_store_list_day (LlDatabase  *db,
                          gint64       station_id,
                          const char  *held_on,
                          GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);

  if (!check_date (held_on, error))
    return NULL;

  return list_entries (db, station_id, held_on, held_on, error);
}

/**
 * ll_roster_store_get:
 *
 * Returns: (transfer full): the entry, or %NULL with NOT_FOUND
 */
LlRosterEntry *
ll_roster_store_get (LlDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);

  s = _ll_database_prepare (db, "SELECT " ENTRY_COLUMNS ENTRY_FROM "WHERE r.id = ?1", error);
  if (s == NULL)
    return NULL;

  _ll_statement_bind_int64 (s, 1, id);
  step = _ll_statement_step (s, error);
  if (step == LL_STEP_ROW)
    return entry_from_row (s);

  if (step == LL_STEP_DONE)
    g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                         _("This person is no longer on that day’s roster; someone may have "
                           "removed them."));
  return NULL;
}

/**
 * ll_roster_store_add:
 * @db: the database
 * @station_id: the station
 * @held_on: one of its reception days
 * @person_id: one of its people
 * @error: return location for a #GError
 *
 * Puts a person on duty on a reception day. Refused (INVALID, with the
 * reason) for a date that is not a reception day, a person who is not
 * stationed there, or a person already on that day.
 *
 * Returns: (transfer full): the new entry, or %NULL
 */
LlRosterEntry *
ll_roster_store_add (LlDatabase  *db,
                     gint64       station_id,
                     const char  *held_on,
                     gint64       person_id,
                     GError     **error)
{
  AddData data = { station_id, held_on, person_id, 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_database_write (db, add_func, &data, error))
    return NULL;

  return ll_roster_store_get (db, data.id, error);
}

static gboolean
remove_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  LlRosterEntry *entry = user_data;

  return _ll_database_delete_versioned (db, "roster_entries", ll_roster_entry_get_id (entry),
                                        ll_roster_entry_get_version (entry), error);
}

/**
 * ll_roster_store_remove:
 *
 * Takes the person off that day (CONFLICT if the entry changed since it
 * was read). A recorded day keeps its activity until it is recorded
 * again.
 */
gboolean
ll_roster_store_remove (LlDatabase     *db,
                        LlRosterEntry  *entry,
                        GError        **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (entry), FALSE);

  return ll_database_write (db, remove_func, entry, error);
}

/**
 * ll_roster_store_move:
 * @db: the database
 * @entry: an entry; on success it holds the new date and version
 * @to_held_on: another reception day of the same station
 * @error: return location for a #GError
 *
 * Moves a person from one day to another. The entry as returned is what
 * undo needs: moving it back to the old date (read it before the call)
 * undoes the move.
 */
gboolean
ll_roster_store_move (LlDatabase     *db,
                      LlRosterEntry  *entry,
                      const char     *to_held_on,
                      GError        **error)
{
  MoveData data = { entry, to_held_on, 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (entry), FALSE);

  if (g_strcmp0 (to_held_on, ll_roster_entry_get_held_on (entry)) == 0)
    return TRUE;

  if (!ll_database_write (db, move_func, &data, error))
    return FALSE;

  _ll_roster_entry_set (entry, ll_roster_entry_get_id (entry), data.new_version,
                        ll_roster_entry_get_station_id (entry), to_held_on,
                        ll_roster_entry_get_person_id (entry), NULL,
                        ll_roster_entry_get_activity_id (entry));
  return TRUE;
}

/**
 * ll_roster_store_set_day:
 * @db: the database
 * @station_id: the station
 * @held_on: one of its reception days
 * @person_ids: (array length=n_people): the people on duty that day
 * @n_people: how many
 * @error: return location for a #GError
 *
 * Makes the roster of that day exactly these people, in one
 * transaction; a person named twice is refused.
 */
gboolean
ll_roster_store_set_day (LlDatabase    *db,
                         gint64         station_id,
                         const char    *held_on,
                         const gint64  *person_ids,
                         guint          n_people,
                         GError       **error)
{
  SetDayData data = { station_id, held_on, person_ids, n_people };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);

  return ll_database_write (db, set_day_func, &data, error);
}

/**
 * ll_roster_store_set_attendance:
 * @db: the database
 * @entry: an entry; on success it holds the attendance and new version
 * @attendance: (nullable): `present`, `leave`, `absent`, or %NULL to clear
 * @error: return location for a #GError
 *
 * Records whether the person came; refused before the day.
 */
gboolean
ll_roster_store_set_attendance (LlDatabase     *db,
                                LlRosterEntry  *entry,
                                const char     *attendance,
                                GError        **error)
{
  AttendanceData data = { entry, attendance, 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ROSTER_ENTRY (entry), FALSE);

  if (!ll_database_write (db, attendance_func, &data, error))
    return FALSE;

  _ll_roster_entry_set (entry, ll_roster_entry_get_id (entry), data.new_version,
                        ll_roster_entry_get_station_id (entry),
                        ll_roster_entry_get_held_on (entry),
                        ll_roster_entry_get_person_id (entry), attendance,
                        ll_roster_entry_get_activity_id (entry));
  return TRUE;
}

/**
 * ll_roster_store_record_day:
 * @db: the database
 * @station_id: the station
 * @held_on: a day that has come
 * @person_ids: (array length=n_people) (nullable): people whose attendance to set first
 * @attendances: (array length=n_people) (nullable): their attendances
 * @n_people: how many
 * @activity_id: (out) (optional): the `reception` activity
 * @error: return location for a #GError
 *
 * Records the day in one transaction: sets the given attendances, then
 * makes the day a `reception` activity of the station whose participants
 * are exactly the roster with its attendance, so that the points count
 * it. Recording again updates the same activity.
 */
gboolean
ll_roster_store_record_day (LlDatabase          *db,
                            gint64               station_id,
                            const char          *held_on,
                            const gint64        *person_ids,
                            const char * const  *attendances,
                            guint                n_people,
                            gint64              *activity_id,
                            GError             **error)
{
  RecordData data = { station_id, held_on, person_ids, attendances, n_people, 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (n_people == 0 || (person_ids != NULL && attendances != NULL), FALSE);

  if (!ll_database_write (db, record_func, &data, error))
    return FALSE;

  if (activity_id != NULL)
    *activity_id = data.activity_id;
  return TRUE;
}

/**
 * ll_roster_format_weekday:
 * @date: a date `YYYY-MM-DD`
 *
 * Returns: (transfer full): the day of the week in the user's language
 *   (星期一), or an empty string for a bad date
 */
char *
ll_roster_format_weekday (const char *date)
{
  g_autoptr(GDateTime) time = NULL;
  int year = 0, month = 0, day = 0;

  if (date == NULL || !parse_date (date, &year, &month, &day))
    return g_strdup ("");

  time = g_date_time_new_local (year, month, day, 12, 0, 0);
  return time != NULL ? g_date_time_format (time, "%A") : g_strdup ("");
}

static void
append_csv_field (GString    *csv,
                  const char *value,
                  gboolean    last)
{
  if (value != NULL && strpbrk (value, ",\"\r\n") != NULL)
    {
      g_string_append_c (csv, '"');
      for (const char *p = value; *p != '\0'; p++)
        {
          if (*p == '"')
            g_string_append_c (csv, '"');
          g_string_append_c (csv, *p);
        }
      g_string_append_c (csv, '"');
    }
  else if (value != NULL)
    g_string_append (csv, value);

  g_string_append (csv, last ? "\r\n" : ",");
}

/**
 * ll_roster_store_format_csv:
 * @db: the database
 * @station_id: the station
 * @year: the year
 * @month: the month, 1 to 12
 * @length: (out) (optional): the length in bytes
 * @error: return location for a #GError
 *
 * The month's roster for the notice board as CSV: one line per
 * reception day with its date, day of the week, the names on duty and
 * the station's address. UTF-8 with a byte-order mark and CRLF line
 * ends, so that Excel and WPS open it as it is.
 *
 * Returns: (transfer full): the file's contents, or %NULL
 */
char *
ll_roster_store_format_csv (LlDatabase  *db,
                            gint64       station_id,
                            int          year,
                            int          month,
                            gsize       *length,
                            GError     **error)
{
  g_auto(StationInfo) info = { 0 };
  g_auto(GStrv) days = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  GString *csv;
  guint next = 0;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);

  if (!load_station (db, station_id, &info, error))
    return NULL;

  days = station_days (&info, year, month, error);
  if (days == NULL)
    return NULL;

  entries = ll_roster_store_list_month (db, station_id, year, month, error);
  if (entries == NULL)
    return NULL;

  csv = g_string_new ("\xEF\xBB\xBF");
  append_csv_field (csv, _("Date"), FALSE);
  append_csv_field (csv, _("Day of the week"), FALSE);
  append_csv_field (csv, _("On duty"), FALSE);
  append_csv_field (csv, _("Station"), FALSE);
  append_csv_field (csv, _("Address"), TRUE);

  for (guint i = 0; days[i] != NULL; i++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *weekday = ll_roster_format_weekday (days[i]);

      /* Entries are by date; a day no longer in the schedule is left out. */
      while (next < entries->len &&
             g_strcmp0 (ll_roster_entry_get_held_on (g_ptr_array_index (entries, next)),
                        days[i]) < 0)
        next++;

      for (; next < entries->len; next++)
        {
          LlRosterEntry *entry = g_ptr_array_index (entries, next);

          if (g_strcmp0 (ll_roster_entry_get_held_on (entry), days[i]) != 0)
            break;

          if (names->len > 0)
            /* Translators: between the names of people on duty; 、 in Chinese */
            g_string_append (names, C_("list of names", ", "));
          g_string_append (names, ll_roster_entry_get_person_name (entry));
        }

      append_csv_field (csv, days[i], FALSE);
      append_csv_field (csv, weekday, FALSE);
      append_csv_field (csv, names->str, FALSE);
      append_csv_field (csv, info.name, FALSE);
      append_csv_field (csv, info.address, TRUE);
    }

  if (length != NULL)
    *length = csv->len;
  return g_string_free (csv, FALSE);
}

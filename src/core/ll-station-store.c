/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-station-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-station-store.h"

/* Stations (站点) and their tree, 家 → 站 → 室/点.
 *
 * Rules kept here, each inside the write transaction that depends on it:
 *  - the parent must exist, and must not be the station itself or lie
 *    below it (no cycles); an open station is never placed under a
 *    closed one;
 *  - archiving closes the station and every station below it (one
 *    transaction); unarchiving reopens only the station, and only under
 *    an open parent;
 *  - a station with current people, cases, activities, consultations or
 *    stations below it is not deleted: the message gives the counts and
 *    suggests archiving; otherwise deleting removes it with its ended
 *    memberships;
 *  - active and archived-at change only through archive and unarchive:
 *    update() writes the other columns and reads these two back. */

#define STATION_COLUMNS \
  "s.id, s.parent_id, s.kind, s.name, s.area_id, s.address, s.opened_on, s.floor_area, " \
  "s.phone, s.reception_schedule, s.reception_days, s.active, s.archived_at, s.notes, " \
  "s.version, s.created_at, s.updated_at"

enum {
  COL_ID,
  COL_PARENT_ID,
  COL_KIND,
  COL_NAME,
  COL_AREA_ID,
  COL_ADDRESS,
  COL_OPENED_ON,
  COL_FLOOR_AREA,
  COL_PHONE,
  COL_RECEPTION_SCHEDULE,
  COL_RECEPTION_DAYS,
  COL_ACTIVE,
  COL_ARCHIVED_AT,
  COL_NOTES,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
  N_COLS
};

/* The columns update() writes, in the order of fill_values(). */
static const char * const write_columns[] = {
  "parent_id", "kind", "name", "area_id", "address", "opened_on", "floor_area", "phone",
  "reception_schedule", "reception_days", "notes",
};
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

/* What a write read back, applied to the object only once committed. */
typedef struct
{
  gint64    id;
  gint64    parent_id;
  gint64    version;
  gboolean  active;
  char     *archived_at;
  char     *created_at;
  char     *updated_at;
} State;

typedef struct
{
  LlStation  *station;
  gint64      parent_id;
  gboolean    active;
  const char *archived_at;
  State       state;
} Write;

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlStation *
station_from_row (LlStatement *statement)
{
  sqlite3_stmt *stmt = statement->stmt;
  LlStation *station = ll_station_new ();

  ll_station_set_id (station, sqlite3_column_int64 (stmt, COL_ID));
  ll_station_set_parent_id (station, sqlite3_column_int64 (stmt, COL_PARENT_ID));
  ll_station_set_kind (station, column_text (statement, COL_KIND));
  ll_station_set_name (station, column_text (statement, COL_NAME));
  ll_station_set_area_id (station, sqlite3_column_int64 (stmt, COL_AREA_ID));
  ll_station_set_address (station, column_text (statement, COL_ADDRESS));
  ll_station_set_opened_on (station, column_text (statement, COL_OPENED_ON));
  ll_station_set_floor_area (station,
                             sqlite3_column_type (stmt, COL_FLOOR_AREA) == SQLITE_NULL
                             ? LL_STATION_FLOOR_AREA_UNSET
                             : sqlite3_column_double (stmt, COL_FLOOR_AREA));
  ll_station_set_phone (station, column_text (statement, COL_PHONE));
  ll_station_set_reception_schedule (station, column_text (statement, COL_RECEPTION_SCHEDULE));
  ll_station_set_reception_days (station, column_text (statement, COL_RECEPTION_DAYS));
  ll_station_set_active (station, sqlite3_column_int (stmt, COL_ACTIVE) != 0);
  ll_station_set_archived_at (station, column_text (statement, COL_ARCHIVED_AT));
  ll_station_set_notes (station, column_text (statement, COL_NOTES));
  ll_station_set_version (station, sqlite3_column_int64 (stmt, COL_VERSION));
  _ll_station_set_timestamps (station,
                              column_text (statement, COL_CREATED_AT),
                              column_text (statement, COL_UPDATED_AT));

  return station;
}

static void
value_text (GValue     *value,
            const char *text)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
}

/* 0 means “none” and is stored as NULL (an unset GValue binds NULL). */
static void
value_id (GValue *value,
          gint64  id)
{
  if (id == 0)
    return;

  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, id);
}

static void
fill_values (LlStation *station,
             GValue     values[N_WRITE_COLUMNS])
{
  double floor_area = ll_station_get_floor_area (station);

  value_id (&values[0], ll_station_get_parent_id (station));
  value_text (&values[1], ll_station_get_kind (station));
  value_text (&values[2], ll_station_get_name (station));
  value_id (&values[3], ll_station_get_area_id (station));
  value_text (&values[4], ll_station_get_address (station));
  value_text (&values[5], ll_station_get_opened_on (station));
  if (floor_area != LL_STATION_FLOOR_AREA_UNSET)
    {
      g_value_init (&values[6], G_TYPE_DOUBLE);
      g_value_set_double (&values[6], floor_area);
    }
  value_text (&values[7], ll_station_get_phone (station));
  value_text (&values[8], ll_station_get_reception_schedule (station));
  value_text (&values[9], ll_station_get_reception_days (station));
  value_text (&values[10], ll_station_get_notes (station));
}

static void
clear_values (GValue *values,
              guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
}

static char *
now_utc (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* "[1,2,3]", for json_each(). */
static char *
ids_to_json (const gint64 *ids,
             guint         n_ids)
{
  GString *json = g_string_sized_new (2 + n_ids * 8);

  g_string_append_c (json, '[');
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i == 0 ? "%" G_GINT64_FORMAT : ",%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');

  return g_string_free (json, FALSE);
}

/* "'registered', 'assigned', …": every case status but closed. */
static char *
open_statuses_sql (void)
{
  const char * const *keys = ll_enum_get_keys (LL_ENUM_CASE_STATUS);
  GString *sql = g_string_new (NULL);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (g_str_equal (keys[i], "closed"))
        continue;
      g_string_append_printf (sql, "%s'%s'", sql->len > 0 ? ", " : "", keys[i]);
    }

  return g_string_free (sql, FALSE);
}

/* “12 people”, “12 people and 340 cases”, “a, b and c”. */
static char *
join_list (GPtrArray *parts)
{
  char *result;

  g_assert (parts->len > 0);

  result = g_strdup (g_ptr_array_index (parts, 0));
  for (guint i = 1; i < parts->len; i++)
    {
      char *joined;

      if (i + 1 < parts->len)
        /* Translators: joins the items of a list but the last two, e.g.
         * “12 people, 340 cases” */
        joined = g_strdup_printf (_("%s, %s"), result, (char *) g_ptr_array_index (parts, i));
      else
        /* Translators: joins the last two items of a list, e.g.
         * “12 people and 340 cases” */
        joined = g_strdup_printf (_("%s and %s"), result, (char *) g_ptr_array_index (parts, i));
      g_free (result);
      result = joined;
    }

  return result;
}

static void
set_gone_error (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("The station no longer exists; someone may have deleted it."));
}

/* Reads the station's stored name and whether it is open; NOT_FOUND when
 * it is gone. */
static gboolean
read_station (LlDatabase  *db,
              gint64       id,
              char       **name,
              gboolean    *active,
              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db, "SELECT name, active FROM stations WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      set_gone_error (error);
      return FALSE;
    }

  if (name != NULL)
    *name = _ll_statement_dup_text (statement, 0);
  if (active != NULL)
    *active = sqlite3_column_int (statement->stmt, 1) != 0;

  return TRUE;
}

/* The parent exists, is not @station_id nor below it, and is open when
 * the station is. */
static gboolean
check_parent (LlDatabase  *db,
              gint64       station_id,
              gint64       parent_id,
              gboolean     active,
              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *parent_name = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean parent_active = TRUE;
  LlStep step;

  if (parent_id == 0)
    return TRUE;

  if (parent_id == station_id)
    goto cycle;

  if (!read_station (db, parent_id, &parent_name, &parent_active, &local_error))
    {
      if (g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        {
          g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                               _("The station to place it under does not exist; someone may "
                                 "have deleted it."));
          return FALSE;
        }
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (station_id != 0)
    {
      /* Walk up from the new parent; meeting the station means a cycle.
       * The depth bound only guards against a damaged tree. */
      statement = _ll_database_prepare (db,
                                        "WITH RECURSIVE up (id, depth) AS ("
                                        "  SELECT ?1, 0"
                                        "  UNION ALL"
                                        "  SELECT s.parent_id, up.depth + 1"
                                        "    FROM stations AS s JOIN up ON s.id = up.id"
                                        "   WHERE s.parent_id IS NOT NULL AND up.depth < 1000"
                                        ") SELECT 1 FROM up WHERE id = ?2 LIMIT 1",
                                        error);
      if (statement == NULL)
        return FALSE;

      _ll_statement_bind_int64 (statement, 1, parent_id);
      _ll_statement_bind_int64 (statement, 2, station_id);
      step = _ll_statement_step (statement, error);
      if (step == LL_STEP_ERROR)
        return FALSE;
      if (step == LL_STEP_ROW)
        goto cycle;
    }

  if (active && !parent_active)
    {
      /* Translators: %s is a station's name */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is closed; an open station cannot be placed under it."), parent_name);
      return FALSE;
    }

  return TRUE;

cycle:
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("A station cannot be placed under itself or under one of its own "
                         "points."));
  return FALSE;
}

static gboolean
check_area (LlDatabase  *db,
            gint64       area_id,
            GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  if (area_id == 0)
    return TRUE;

  statement = _ll_database_prepare (db, "SELECT 1 FROM areas WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, area_id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("The area does not exist; someone may have deleted it."));
      return FALSE;
    }

  return TRUE;
}

/* Inside a write: the row's stored state, after the change. */
static gboolean
read_state (LlDatabase  *db,
            gint64       id,
            State       *state,
            GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT id, parent_id, version, active, archived_at, "
                                    "created_at, updated_at FROM stations WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;
  if (step == LL_STEP_DONE)
    {
      set_gone_error (error);
      return FALSE;
    }

  state->id = sqlite3_column_int64 (statement->stmt, 0);
  state->parent_id = sqlite3_column_int64 (statement->stmt, 1);
  state->version = sqlite3_column_int64 (statement->stmt, 2);
  state->active = sqlite3_column_int (statement->stmt, 3) != 0;
  state->archived_at = _ll_statement_dup_text (statement, 4);
  state->created_at = _ll_statement_dup_text (statement, 5);
  state->updated_at = _ll_statement_dup_text (statement, 6);

  return TRUE;
}

static void
state_clear (State *state)
{
  g_clear_pointer (&state->archived_at, g_free);
  g_clear_pointer (&state->created_at, g_free);
  g_clear_pointer (&state->updated_at, g_free);
}

/* After the commit: the object matches the row. */
static void
apply_state (LlStation   *station,
             const State *state)
{
  g_object_freeze_notify (G_OBJECT (station));
  ll_station_set_id (station, state->id);
  ll_station_set_parent_id (station, state->parent_id);
  ll_station_set_version (station, state->version);
  ll_station_set_active (station, state->active);
  ll_station_set_archived_at (station, state->archived_at);
  _ll_station_set_timestamps (station, state->created_at, state->updated_at);
  g_object_thaw_notify (G_OBJECT (station));
}

/* Runs @func in a write and, once committed, updates the object. */
static gboolean
run_write (LlDatabase           *db,
           LlDatabaseWriteFunc   func,
           Write                *write,
           GError              **error)
{
  gboolean ok = ll_database_write (db, func, write, error);

  if (ok)
    apply_state (write->station, &write->state);
  state_clear (&write->state);

  return ok;
}

static GPtrArray *
collect (LlStatement  *statement,
         gboolean      with_tree_columns,
         GError      **error)
{
  g_autoptr(GPtrArray) stations = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      LlStation *station = station_from_row (statement);

      if (with_tree_columns)
        {
          _ll_station_set_depth (station, sqlite3_column_int (statement->stmt, N_COLS));
          _ll_station_set_counts (station,
                                  sqlite3_column_int64 (statement->stmt, N_COLS + 1),
                                  sqlite3_column_int64 (statement->stmt, N_COLS + 2));
        }
      g_ptr_array_add (stations, station);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&stations);
}

/* Write transactions -------------------------------------------------------- */

static gboolean
create_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlStation *station = write->station;
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *archived_at = NULL;
  gboolean active = ll_station_get_active (station);

  if (!check_parent (db, 0, ll_station_get_parent_id (station), active, error) ||
      !check_area (db, ll_station_get_area_id (station), error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO stations (parent_id, kind, name, area_id, "
                                    "address, opened_on, floor_area, phone, reception_schedule, "
                                    "reception_days, notes, active, archived_at) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                                    "?13)",
                                    error);
  if (statement == NULL)
    return FALSE;

  /* A station registered as already closed gets its closing time now. */
  if (!active)
    archived_at = g_strdup (ll_station_get_archived_at (station));
  if (!active && archived_at == NULL)
    archived_at = now_utc ();

  fill_values (station, values);
  for (guint i = 0; i < N_WRITE_COLUMNS; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &values[i]);
  clear_values (values, N_WRITE_COLUMNS);
  _ll_statement_bind_int64 (statement, N_WRITE_COLUMNS + 1, active ? 1 : 0);
  _ll_statement_bind_text (statement, N_WRITE_COLUMNS + 2, archived_at);

  if (!_ll_statement_execute (statement, error))
    return FALSE;

  return read_state (db, sqlite3_last_insert_rowid (_ll_database_get_handle (db)),
                     &write->state, error);
}

static gboolean
update_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlStation *station = write->station;
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  gboolean active = TRUE;
  gboolean ok;

  /* Whether it is open is the stored state, not the object's. */
  if (!read_station (db, ll_station_get_id (station), NULL, &active, error) ||
      !check_parent (db, ll_station_get_id (station), ll_station_get_parent_id (station), active,
                     error) ||
      !check_area (db, ll_station_get_area_id (station), error))
    return FALSE;

  fill_values (station, values);
  ok = _ll_database_update_versioned (db, "stations", ll_station_get_id (station),
                                      ll_station_get_version (station),
                                      write_columns, values, N_WRITE_COLUMNS, NULL, error);
  clear_values (values, N_WRITE_COLUMNS);

  return ok && read_state (db, ll_station_get_id (station), &write->state, error);
}

static gboolean
set_parent_func (LlDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  Write *write = user_data;
  LlStation *station = write->station;
  static const char * const columns[] = { "parent_id" };
  GValue value = G_VALUE_INIT;
  gboolean active = TRUE;
  gboolean ok;

  if (!read_station (db, ll_station_get_id (station), NULL, &active, error) ||
      !check_parent (db, ll_station_get_id (station), write->parent_id, active, error))
    return FALSE;

  value_id (&value, write->parent_id);
  ok = _ll_database_update_versioned (db, "stations", ll_station_get_id (station),
                                      ll_station_get_version (station),
                                      columns, &value, 1, NULL, error);
  clear_values (&value, 1);

  return ok && read_state (db, ll_station_get_id (station), &write->state, error);
}

static gboolean
archive_func (LlDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  Write *write = user_data;
  LlStation *station = write->station;
  static const char * const columns[] = { "active", "archived_at" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *parent_name = NULL;
  gboolean ok;

  if (write->active)
    {
      g_autoptr(LlStatement) parent = NULL;
      LlStep step;

      /* The stored parent, in case it moved meanwhile. */
      parent = _ll_database_prepare (db,
                                     "SELECT p.name, p.active FROM stations AS s "
                                     "JOIN stations AS p ON p.id = s.parent_id WHERE s.id = ?1",
                                     error);
      if (parent == NULL)
        return FALSE;
      _ll_statement_bind_int64 (parent, 1, ll_station_get_id (station));
      step = _ll_statement_step (parent, error);
      if (step == LL_STEP_ERROR)
        return FALSE;
      if (step == LL_STEP_ROW && sqlite3_column_int (parent->stmt, 1) == 0)
        {
          parent_name = _ll_statement_dup_text (parent, 0);
          /* Translators: %s is a station's name */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("“%s”, which this station belongs to, is closed; reopen it first."),
                       parent_name);
          return FALSE;
        }
    }

  g_value_init (&values[0], G_TYPE_BOOLEAN);
  g_value_set_boolean (&values[0], write->active);
  if (!write->active)
    value_text (&values[1], write->archived_at);

  ok = _ll_database_update_versioned (db, "stations", ll_station_get_id (station),
                                      ll_station_get_version (station),
                                      columns, values, 2, NULL, error);
  clear_values (values, 2);
  if (!ok)
    return FALSE;

  if (!write->active)
    {
      /* Close everything below it too. */
      statement = _ll_database_prepare (db,
                                        "WITH RECURSIVE below (id, depth) AS ("
                                        "  SELECT id, 0 FROM stations WHERE parent_id = ?1"
                                        "  UNION ALL"
                                        "  SELECT s.id, below.depth + 1"
                                        "    FROM stations AS s"
                                        "    JOIN below ON s.parent_id = below.id"
                                        "   WHERE below.depth < 1000"
                                        ") UPDATE stations SET active = 0, archived_at = ?2, "
                                        "version = version + 1, "
                                        "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                        "WHERE active = 1 AND id IN (SELECT id FROM below)",
                                        error);
      if (statement == NULL)
        return FALSE;
      _ll_statement_bind_int64 (statement, 1, ll_station_get_id (station));
      _ll_statement_bind_text (statement, 2, write->archived_at);
      if (!_ll_statement_execute (statement, error))
        return FALSE;
    }

  return read_state (db, ll_station_get_id (station), &write->state, error);
}

static gboolean
delete_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlStation *station = write->station;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  gint64 n_people, n_cases, n_activities, n_below, n_consultations;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT name, "
                                    "(SELECT count(DISTINCT person_id) FROM memberships "
                                    "  WHERE station_id = ?1 AND to_date IS NULL), "
                                    "(SELECT count(*) FROM cases WHERE station_id = ?1), "
                                    "(SELECT count(*) FROM activities WHERE station_id = ?1), "
                                    "(SELECT count(*) FROM stations WHERE parent_id = ?1), "
                                    "(SELECT count(*) FROM consultations WHERE station_id = ?1) "
                                    "FROM stations WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, ll_station_get_id (station));
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;
  if (step == LL_STEP_DONE)
    {
      set_gone_error (error);
      return FALSE;
    }

  name = _ll_statement_dup_text (statement, 0);
  n_people = sqlite3_column_int64 (statement->stmt, 1);
  n_cases = sqlite3_column_int64 (statement->stmt, 2);
  n_activities = sqlite3_column_int64 (statement->stmt, 3);
  n_below = sqlite3_column_int64 (statement->stmt, 4);
  n_consultations = sqlite3_column_int64 (statement->stmt, 5);
  g_clear_pointer (&statement, _ll_statement_free);

  if (n_people > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d person", "%d people", n_people),
                                             (int) n_people));
  if (n_cases > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d case", "%d cases", n_cases),
                                             (int) n_cases));
  if (n_activities > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d activity", "%d activities",
                                                       n_activities),
                                             (int) n_activities));
  if (n_consultations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d legislative consultation",
                                                       "%d legislative consultations",
                                                       n_consultations),
                                             (int) n_consultations));
  if (n_below > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d station or point under it",
                                                       "%d stations or points under it",
                                                       n_below),
                                             (int) n_below));

  if (parts->len > 0)
    {
      g_autofree char *list = join_list (parts);

      /* Translators: the first %s is a station's name, the second a list
       * such as “12 people and 340 cases” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” still has %s; archive it instead."), name, list);
      return FALSE;
    }

  return _ll_database_delete_versioned (db, "stations", ll_station_get_id (station),
                                        ll_station_get_version (station), error);
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_station_store_create:
 * @db: a #LlDatabase
 * @station: an unsaved #LlStation
 * @error: return location for a #GError
 *
 * Validates @station and adds it in one write. The parent and the area,
 * when set, must exist; an open station cannot be placed under a closed
 * one. On success @station has its id, version and timestamps.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_INVALID names the field
 *   or rule that refused it
 */
gboolean
ll_station_store_create (LlDatabase  *db,
                         LlStation   *station,
                         GError     **error)
{
  Write write = { station, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_STATION (station), FALSE);
  g_return_val_if_fail (ll_station_get_id (station) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_station_validate (station, error))
    return FALSE;

  return run_write (db, create_func, &write, error);
}

/**
 * ll_station_store_get:
 * @db: a #LlDatabase
 * @id: a station id
 * @error: return location for a #GError
 *
 * Reads one station (its counts are not filled: -1).
 *
 * Returns: (transfer full) (nullable): the station, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND when there is none
 */
LlStation *
ll_station_store_get (LlDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(GPtrArray) stations = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  stations = ll_station_store_load_many (db, &id, 1, error);
  if (stations == NULL)
    return NULL;

  if (stations->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (stations, 0));
}

/**
 * ll_station_store_update:
 * @db: a #LlDatabase
 * @station: a saved #LlStation
 * @error: return location for a #GError
 *
 * Saves every column of @station but active and archived-at (use
 * ll_station_store_archive()), if nobody saved it since it was read:
 * `UPDATE … WHERE id = ? AND version = ?`. A changed parent is checked as
 * by ll_station_store_set_parent(). On success @station carries the new
 * version and the stored active state.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved it first, %LL_DATABASE_ERROR_NOT_FOUND when it was deleted,
 *   %LL_DATABASE_ERROR_INVALID for a refused value (nothing is written)
 */
gboolean
ll_station_store_update (LlDatabase  *db,
                         LlStation   *station,
                         GError     **error)
{
  Write write = { station, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_STATION (station), FALSE);
  g_return_val_if_fail (ll_station_get_id (station) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_station_validate (station, error))
    return FALSE;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_station_store_set_parent:
 * @db: a #LlDatabase
 * @station: a saved #LlStation
 * @parent_id: the station to place it under, or 0 for the top level
 * @error: return location for a #GError
 *
 * Moves @station (and everything below it) in the tree, as a versioned
 * save of its parent alone. Refused when the parent does not exist, when
 * it is @station itself or lies below it (“a station cannot be placed
 * under itself or under one of its own points”), or when an open station
 * would be placed under a closed one. On success @station carries the new
 * parent and version; on failure it is unchanged.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_station_store_set_parent (LlDatabase  *db,
                             LlStation   *station,
                             gint64       parent_id,
                             GError     **error)
{
  Write write = { station, parent_id, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_STATION (station), FALSE);
  g_return_val_if_fail (ll_station_get_id (station) > 0, FALSE);
  g_return_val_if_fail (parent_id >= 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (db, set_parent_func, &write, error);
}

/**
 * ll_station_store_archive:
 * @db: a #LlDatabase
 * @station: a saved #LlStation
 * @error: return location for a #GError
 *
 * Closes the station: active %FALSE and archived-at now, for it and,
 * in the same transaction, every open station below it. Memberships,
 * cases and activities stay as they are (history); archived stations
 * leave the lists that do not ask for them.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved the station first
 */
gboolean
ll_station_store_archive (LlDatabase  *db,
                          LlStation   *station,
                          GError     **error)
{
  g_autofree char *now = now_utc ();
  Write write = { station, 0, FALSE, now, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_STATION (station), FALSE);
  g_return_val_if_fail (ll_station_get_id (station) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (db, archive_func, &write, error);
}

/**
 * ll_station_store_unarchive:
 * @db: a #LlDatabase
 * @station: a saved #LlStation
 * @error: return location for a #GError
 *
 * Reopens the station (only it, not the stations below it). Refused
 * while the station it belongs to is closed.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_station_store_unarchive (LlDatabase  *db,
                            LlStation   *station,
                            GError     **error)
{
  Write write = { station, 0, TRUE, NULL, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_STATION (station), FALSE);
  g_return_val_if_fail (ll_station_get_id (station) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (db, archive_func, &write, error);
}

/**
 * ll_station_store_delete:
 * @db: a #LlDatabase
 * @station: a saved #LlStation
 * @error: return location for a #GError
 *
 * Deletes a station registered by mistake. Refused, with the counts,
 * while it has current people, cases, activities, legislative
 * consultations or stations below it: “东湖社区联络站” still has 12
 * people and 340 cases; archive it instead. Its ended memberships go with
 * it; groups that met there keep existing without a station.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_INVALID with the reason
 *   when refused, %LL_DATABASE_ERROR_CONFLICT when someone else saved it
 *   first
 */
gboolean
ll_station_store_delete (LlDatabase  *db,
                         LlStation   *station,
                         GError     **error)
{
  Write write = { station, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_STATION (station), FALSE);
  g_return_val_if_fail (ll_station_get_id (station) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_database_write (db, delete_func, &write, error);
}

/**
 * ll_station_store_list_children:
 * @db: a #LlDatabase
 * @parent_id: a station id, or 0 for the top-level stations
 * @include_archived: whether to list closed stations too
 * @error: return location for a #GError
 *
 * Lists the stations directly under @parent_id by name, with their
 * people and open-case counts filled in.
 *
 * Returns: (transfer container) (element-type LlStation) (nullable): the
 *   stations, or %NULL on error
 */
GPtrArray *
ll_station_store_list_children (LlDatabase  *db,
                                gint64       parent_id,
                                gboolean     include_archived,
                                GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *statuses = open_statuses_sql ();
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = g_strdup_printf ("SELECT " STATION_COLUMNS ", 0, "
                         "(SELECT count(*) FROM memberships AS m "
                         "  WHERE m.station_id = s.id AND m.to_date IS NULL), "
                         "(SELECT count(*) FROM cases AS c "
                         "  WHERE c.station_id = s.id AND c.status IN (%s)) "
                         "FROM stations AS s WHERE %s %s ORDER BY s.name, s.id",
                         statuses,
                         parent_id == 0 ? "s.parent_id IS NULL" : "s.parent_id = ?1",
                         include_archived ? "" : "AND s.active = 1");
  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return NULL;

  if (parent_id != 0)
    _ll_statement_bind_int64 (statement, 1, parent_id);

  return collect (statement, TRUE, error);
}

/**
 * ll_station_store_list_all:
 * @db: a #LlDatabase
 * @include_archived: whether to list closed stations (and what lies
 *   below them) too
 * @error: return location for a #GError
 *
 * Lists the whole tree in display order — each station followed by the
 * stations under it, siblings by name — with #LlStation:depth (0 at the
 * top) and the people and open-case counts filled in, for a tree view.
 * Counting reads every open case once: about 50 ms for 1,000 stations and
 * 25,000 open cases, so a window refreshing often may call it from a
 * worker with ll_database_open_secondary().
 *
 * Returns: (transfer container) (element-type LlStation) (nullable): the
 *   stations, or %NULL on error
 */
GPtrArray *
ll_station_store_list_all (LlDatabase  *db,
                           gboolean     include_archived,
                           GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *statuses = open_statuses_sql ();
  g_autofree char *sql = NULL;
  const char *active = include_archived ? "" : "AND active = 1";

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The path sorts siblings by name (then id) and puts each station's
   * subtree right after it: char(1) separates levels and sorts before
   * any character of a name. */
  sql = g_strdup_printf ("WITH RECURSIVE tree (id, depth, path) AS ("
                         "  SELECT id, 0, name || char(2) || printf('%%020d', id)"
                         "    FROM stations WHERE parent_id IS NULL %s"
                         "  UNION ALL"
                         "  SELECT s.id, tree.depth + 1,"
                         "         tree.path || char(1) || s.name || char(2)"
                         "         || printf('%%020d', s.id)"
                         "    FROM stations AS s JOIN tree ON s.parent_id = tree.id"
                         "   WHERE tree.depth < 1000 %s"
                         "), "
                         "people (station_id, n) AS ("
                         "  SELECT station_id, count(*) FROM memberships"
                         "   WHERE to_date IS NULL GROUP BY station_id"
                         "), "
                         "open_cases (station_id, n) AS ("
                         "  SELECT station_id, count(*) FROM cases"
                         "   WHERE status IN (%s) GROUP BY station_id"
                         ") "
                         "SELECT " STATION_COLUMNS ", tree.depth, "
                         "coalesce(people.n, 0), coalesce(open_cases.n, 0) "
                         "FROM tree JOIN stations AS s ON s.id = tree.id "
                         "LEFT JOIN people ON people.station_id = s.id "
                         "LEFT JOIN open_cases ON open_cases.station_id = s.id "
                         "ORDER BY tree.path",
                         active, include_archived ? "" : "AND s.active = 1", statuses);
  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return NULL;

  return collect (statement, TRUE, error);
}

/**
 * ll_station_store_list:
 * @db: a #LlDatabase
 * @area_id: an area id, or 0 for any: the stations of that area and of
 *   the areas under it (a town's stations include its communities')
 * @kind: (nullable): a station-kind key, or %NULL for any
 * @include_archived: whether to list closed stations too
 * @error: return location for a #GError
 *
 * Lists the stations matching the filters by name (counts not filled).
 *
 * Returns: (transfer container) (element-type LlStation) (nullable): the
 *   stations, or %NULL on error
 */
GPtrArray *
ll_station_store_list (LlDatabase  *db,
                       gint64       area_id,
                       const char  *kind,
                       gboolean     include_archived,
                       GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " STATION_COLUMNS " FROM stations AS s "
                                    "WHERE (?1 = 0 OR s.area_id IN ("
                                    "  WITH RECURSIVE sub (id) AS ("
                                    "    SELECT ?1 UNION SELECT a.id FROM areas AS a "
                                    "    JOIN sub ON a.parent_id = sub.id"
                                    "  ) SELECT id FROM sub)) "
                                    "AND (?2 IS NULL OR s.kind = ?2) "
                                    "AND (?3 OR s.active = 1) "
                                    "ORDER BY s.name, s.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, area_id);
  _ll_statement_bind_text (statement, 2, kind);
  _ll_statement_bind_int64 (statement, 3, include_archived ? 1 : 0);

  return collect (statement, FALSE, error);
}

/**
 * ll_station_store_load_many:
 * @db: a #LlDatabase
 * @ids: (array length=n_ids): station ids
 * @n_ids: the number of @ids
 * @error: return location for a #GError
 *
 * Reads the stations of @ids in one query, in the order of @ids; ids
 * that no longer exist are left out. For #LlQueryModel pages.
 *
 * Returns: (transfer container) (element-type LlStation) (nullable): the
 *   stations, or %NULL on error
 */
GPtrArray *
ll_station_store_load_many (LlDatabase    *db,
                            const gint64  *ids,
                            guint          n_ids,
                            GError       **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *json = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_ids == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  /* CROSS JOIN keeps json_each outside: one primary-key lookup per id. */
  statement = _ll_database_prepare (db,
                                    "SELECT " STATION_COLUMNS " FROM json_each(?1) AS j "
                                    "CROSS JOIN stations AS s ON s.id = j.value "
                                    "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;

  json = ids_to_json (ids, n_ids);
  _ll_statement_bind_text (statement, 1, json);

  return collect (statement, FALSE, error);
}

/**
 * ll_station_store_count:
 * @db: a #LlDatabase
 * @include_archived: whether to count closed stations too
 * @error: return location for a #GError
 *
 * Returns: the number of stations, or -1 with @error set
 */
gint64
ll_station_store_count (LlDatabase  *db,
                        gboolean     include_archived,
                        GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  statement = _ll_database_prepare (db,
                                    include_archived
                                    ? "SELECT count(*) FROM stations"
                                    : "SELECT count(*) FROM stations WHERE active = 1",
                                    error);
  if (statement == NULL || _ll_statement_step (statement, error) != LL_STEP_ROW)
    return -1;

  return sqlite3_column_int64 (statement->stmt, 0);
}

/**
 * ll_station_store_get_counts:
 * @db: a #LlDatabase
 * @station_id: a station id
 * @n_people: (out) (optional): the people currently stationed there
 * @n_open_cases: (out) (optional): its cases that are not closed
 * @error: return location for a #GError
 *
 * Counts what a station's page shows at the top.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_NOT_FOUND when the
 *   station does not exist
 */
gboolean
ll_station_store_get_counts (LlDatabase  *db,
                             gint64       station_id,
                             gint64      *n_people,
                             gint64      *n_open_cases,
                             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *statuses = open_statuses_sql ();
  g_autofree char *sql = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  sql = g_strdup_printf ("SELECT "
                         "(SELECT count(*) FROM memberships "
                         "  WHERE station_id = ?1 AND to_date IS NULL), "
                         "(SELECT count(*) FROM cases WHERE station_id = ?1 AND status IN (%s)) "
                         "FROM stations WHERE id = ?1",
                         statuses);
  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, station_id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;
  if (step == LL_STEP_DONE)
    {
      set_gone_error (error);
      return FALSE;
    }

  if (n_people != NULL)
    *n_people = sqlite3_column_int64 (statement->stmt, 0);
  if (n_open_cases != NULL)
    *n_open_cases = sqlite3_column_int64 (statement->stmt, 1);

  return TRUE;
}

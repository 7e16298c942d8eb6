/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-person-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-person-store.h"
#include "ll-validate.h"

/* People: deputies and the other roles that work in stations.
 *
 * Rules kept here, inside the write that depends on them:
 *  - a person's deputy group must be a group of kind `deputy`, the
 *    specialty group one of kind `specialty`;
 *  - a role that belongs to one station (see
 *    ll_person_role_can_serve_several_stations()) cannot be given to
 *    someone currently stationed at several;
 *  - archiving sets active FALSE and archived-at, and ends the person's
 *    current memberships today (a membership that would begin today or
 *    later is removed instead, as it never began); unarchiving restores
 *    the person without stationing them again;
 *  - a person named in cases, activities, suggestions or livelihood
 *    projects is not deleted (archive instead); otherwise their
 *    memberships and pairings go with them;
 *  - active and archived-at change only through archive and unarchive. */

#define PERSON_COLUMNS \
  "p.id, p.name, p.gender, p.ethnicity, p.birth_date, p.party, p.role, p.level, p.term, " \
  "p.constituency, p.unit, p.post, p.occupation, p.phone, p.deputy_group_id, " \
  "p.specialty_group_id, p.active, p.archived_at, p.notes, p.version, p.created_at, " \
  "p.updated_at"

enum {
  COL_ID,
  COL_NAME,
  COL_GENDER,
  COL_ETHNICITY,
  COL_BIRTH_DATE,
  COL_PARTY,
  COL_ROLE,
  COL_LEVEL,
  COL_TERM,
  COL_CONSTITUENCY,
  COL_UNIT,
  COL_POST,
  COL_OCCUPATION,
  COL_PHONE,
  COL_DEPUTY_GROUP_ID,
  COL_SPECIALTY_GROUP_ID,
  COL_ACTIVE,
  COL_ARCHIVED_AT,
  COL_NOTES,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
  COL_STATION_ID,
  COL_STATION_NAME,
  COL_DEPUTY_GROUP_NAME,
  COL_SPECIALTY_GROUP_NAME,
};

/* The columns update() writes, in the order of fill_values(). */
static const char * const write_columns[] = {
  "name", "gender", "ethnicity", "birth_date", "party", "role", "level", "term",
  "constituency", "unit", "post", "occupation", "phone", "deputy_group_id",
  "specialty_group_id", "notes",
};
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

/* What a write read back, applied to the object only once committed. */
typedef struct
{
  gint64    id;
  gint64    version;
  gboolean  active;
  char     *archived_at;
  char     *created_at;
  char     *updated_at;
} State;

typedef struct
{
  LlPerson   *person;
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

static LlPerson *
person_from_row (LlStatement *statement)
{
  sqlite3_stmt *stmt = statement->stmt;
  LlPerson *person = ll_person_new ();

  ll_person_set_id (person, sqlite3_column_int64 (stmt, COL_ID));
  ll_person_set_name (person, column_text (statement, COL_NAME));
  ll_person_set_gender (person, column_text (statement, COL_GENDER));
  ll_person_set_ethnicity (person, column_text (statement, COL_ETHNICITY));
  ll_person_set_birth_date (person, column_text (statement, COL_BIRTH_DATE));
  ll_person_set_party (person, column_text (statement, COL_PARTY));
  ll_person_set_role (person, column_text (statement, COL_ROLE));
  ll_person_set_level (person, column_text (statement, COL_LEVEL));
  ll_person_set_term (person, column_text (statement, COL_TERM));
  ll_person_set_constituency (person, column_text (statement, COL_CONSTITUENCY));
  ll_person_set_unit (person, column_text (statement, COL_UNIT));
  ll_person_set_post (person, column_text (statement, COL_POST));
  ll_person_set_occupation (person, column_text (statement, COL_OCCUPATION));
  ll_person_set_phone (person, column_text (statement, COL_PHONE));
  ll_person_set_deputy_group_id (person, sqlite3_column_int64 (stmt, COL_DEPUTY_GROUP_ID));
  ll_person_set_specialty_group_id (person, sqlite3_column_int64 (stmt, COL_SPECIALTY_GROUP_ID));
  ll_person_set_active (person, sqlite3_column_int (stmt, COL_ACTIVE) != 0);
  ll_person_set_archived_at (person, column_text (statement, COL_ARCHIVED_AT));
  ll_person_set_notes (person, column_text (statement, COL_NOTES));
  ll_person_set_version (person, sqlite3_column_int64 (stmt, COL_VERSION));
  _ll_person_set_timestamps (person,
                             column_text (statement, COL_CREATED_AT),
                             column_text (statement, COL_UPDATED_AT));
  _ll_person_set_station (person,
                          sqlite3_column_int64 (stmt, COL_STATION_ID),
                          column_text (statement, COL_STATION_NAME));
  _ll_person_set_group_names (person,
                              column_text (statement, COL_DEPUTY_GROUP_NAME),
                              column_text (statement, COL_SPECIALTY_GROUP_NAME));

  return person;
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
fill_values (LlPerson *person,
             GValue    values[N_WRITE_COLUMNS])
{
  value_text (&values[0], ll_person_get_name (person));
  value_text (&values[1], ll_person_get_gender (person));
  value_text (&values[2], ll_person_get_ethnicity (person));
  value_text (&values[3], ll_person_get_birth_date (person));
  value_text (&values[4], ll_person_get_party (person));
  value_text (&values[5], ll_person_get_role (person));
  value_text (&values[6], ll_person_get_level (person));
  value_text (&values[7], ll_person_get_term (person));
  value_text (&values[8], ll_person_get_constituency (person));
  value_text (&values[9], ll_person_get_unit (person));
  value_text (&values[10], ll_person_get_post (person));
  value_text (&values[11], ll_person_get_occupation (person));
  value_text (&values[12], ll_person_get_phone (person));
  value_id (&values[13], ll_person_get_deputy_group_id (person));
  value_id (&values[14], ll_person_get_specialty_group_id (person));
  value_text (&values[15], ll_person_get_notes (person));
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

/* “3 cases and 2 activities”. */
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
                       _("The person no longer exists; someone may have deleted them."));
}

/* The group exists and is of @kind. */
static gboolean
check_group (LlDatabase  *db,
             gint64       group_id,
             const char  *kind,
             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  gboolean deputy = g_str_equal (kind, "deputy");
  LlStep step;

  if (group_id == 0)
    return TRUE;

  statement = _ll_database_prepare (db, "SELECT kind, name FROM groups WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, group_id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   /* Translators: %s is a field, “Deputy group” or “Specialty group” */
                   _("%s: the group does not exist; someone may have deleted it."),
                   deputy ? _("Deputy group") : _("Specialty group"));
      return FALSE;
    }

  if (g_strcmp0 (column_text (statement, 0), kind) != 0)
    {
      /* Translators: the first %s is a field, “Deputy group” or “Specialty
       * group”; the second a group's name; the third the kind it should be */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: “%s” is not a %s."),
                   deputy ? _("Deputy group") : _("Specialty group"),
                   column_text (statement, 1),
                   ll_enum_get_label (LL_ENUM_GROUP_KIND, kind));
      return FALSE;
    }

  return TRUE;
}

/* A one-station role for someone currently stationed at several. */
static gboolean
check_role_fits_memberships (LlDatabase  *db,
                             LlPerson    *person,
                             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  const char *role = ll_person_get_role (person);
  gint64 n_current;

  if (ll_person_role_can_serve_several_stations (role))
    return TRUE;

  statement = _ll_database_prepare (db,
                                    "SELECT count(*) FROM memberships "
                                    "WHERE person_id = ?1 AND to_date IS NULL",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, ll_person_get_id (person));
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;

  n_current = sqlite3_column_int64 (statement->stmt, 0);
  if (n_current <= 1)
    return TRUE;

  /* Translators: the first %s is a person's name, %d a number of stations
   * (2 or more), the last %s a role, e.g. “Deputy” */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               ngettext ("“%s” is stationed at %d station, and a person with the role “%s” "
                         "can be stationed at only one; end the other memberships first.",
                         "“%s” is stationed at %d stations, and a person with the role “%s” "
                         "can be stationed at only one; end the other memberships first.",
                         n_current),
               ll_person_get_name (person), (int) n_current,
               ll_enum_get_label (LL_ENUM_PERSON_ROLE, role));
  return FALSE;
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
                                    "SELECT version, active, archived_at, created_at, updated_at "
                                    "FROM people WHERE id = ?1",
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

  state->id = id;
  state->version = sqlite3_column_int64 (statement->stmt, 0);
  state->active = sqlite3_column_int (statement->stmt, 1) != 0;
  state->archived_at = _ll_statement_dup_text (statement, 2);
  state->created_at = _ll_statement_dup_text (statement, 3);
  state->updated_at = _ll_statement_dup_text (statement, 4);

  return TRUE;
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
    {
      LlPerson *person = write->person;

      g_object_freeze_notify (G_OBJECT (person));
      ll_person_set_id (person, write->state.id);
      ll_person_set_version (person, write->state.version);
      ll_person_set_active (person, write->state.active);
      ll_person_set_archived_at (person, write->state.archived_at);
      _ll_person_set_timestamps (person, write->state.created_at, write->state.updated_at);
      g_object_thaw_notify (G_OBJECT (person));
    }

  g_clear_pointer (&write->state.archived_at, g_free);
  g_clear_pointer (&write->state.created_at, g_free);
  g_clear_pointer (&write->state.updated_at, g_free);

  return ok;
}

static GPtrArray *
collect (LlStatement  *statement,
         GError      **error)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (people, person_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&people);
}

static guint
push_text (GArray     *params,
           const char *text)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_array_append_val (params, value);

  return params->len;
}

static guint
push_int64 (GArray *params,
            gint64  number)
{
  GValue value = G_VALUE_INIT;

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  g_array_append_val (params, value);

  return params->len;
}

/* CASE column WHEN 'first key' THEN 0 … END: an enumeration's own order. */
static void
append_enum_order (GString    *sql,
                   const char *column,
                   LlEnum      enumeration)
{
  const char * const *keys = ll_enum_get_keys (enumeration);

  g_string_append_printf (sql, "CASE %s", column);
  for (guint i = 0; keys[i] != NULL; i++)
    g_string_append_printf (sql, " WHEN '%s' THEN %u", keys[i], i);
  g_string_append (sql, " END");
}

static char *
build_query (const LlPersonFilter *filter,
             LlPersonSort          sort,
             gboolean              descending,
             gboolean              ordered,
             GArray               *params)
{
  static const LlPersonFilter no_filter = { 0, };
  GString *sql = g_string_new ("SELECT p.id FROM people AS p");
  const char *direction = descending ? " DESC" : "";
  const char *and = " WHERE ";

  if (filter == NULL)
    filter = &no_filter;

  if (ordered && sort == LL_PERSON_SORT_STATION)
    g_string_append (sql,
                     " LEFT JOIN memberships AS pm"
                     " ON pm.person_id = p.id AND pm.to_date IS NULL AND pm.is_primary = 1"
                     " LEFT JOIN stations AS ps ON ps.id = pm.station_id");
  else if (ordered && sort == LL_PERSON_SORT_GROUP)
    g_string_append (sql, " LEFT JOIN groups AS pg ON pg.id = p.deputy_group_id");

  if (filter->state == LL_PERSON_STATE_ACTIVE)
    {
      g_string_append_printf (sql, "%sp.active = 1", and);
      and = " AND ";
    }
  else if (filter->state == LL_PERSON_STATE_ARCHIVED)
    {
      g_string_append_printf (sql, "%sp.active = 0", and);
      and = " AND ";
    }

  if (filter->role != NULL)
    {
      g_string_append_printf (sql, "%sp.role = ?%u", and, push_text (params, filter->role));
      and = " AND ";
    }

  if (filter->level != NULL)
    {
      g_string_append_printf (sql, "%sp.level = ?%u", and, push_text (params, filter->level));
      and = " AND ";
    }

  if (filter->unstationed)
    {
      g_string_append_printf (sql,
                              "%sNOT EXISTS (SELECT 1 FROM memberships AS m"
                              " WHERE m.person_id = p.id AND m.to_date IS NULL)",
                              and);
      and = " AND ";
    }
  else if (filter->station_id != 0 && filter->include_sub_stations)
    {
      g_string_append_printf (sql,
                              "%sp.id IN (SELECT m.person_id FROM memberships AS m"
                              " WHERE m.to_date IS NULL AND m.station_id IN ("
                              "WITH RECURSIVE sub (id, depth) AS (SELECT ?%u, 0 UNION ALL"
                              " SELECT s.id, sub.depth + 1 FROM stations AS s"
                              " JOIN sub ON s.parent_id = sub.id WHERE sub.depth < 1000)"
                              " SELECT id FROM sub))",
                              and, push_int64 (params, filter->station_id));
      and = " AND ";
    }
  else if (filter->station_id != 0)
    {
      g_string_append_printf (sql,
                              "%sp.id IN (SELECT m.person_id FROM memberships AS m"
                              " WHERE m.station_id = ?%u AND m.to_date IS NULL)",
                              and, push_int64 (params, filter->station_id));
      and = " AND ";
    }

  if (filter->deputy_group_id != 0)
    {
      g_string_append_printf (sql, "%sp.deputy_group_id = ?%u",
                              and, push_int64 (params, filter->deputy_group_id));
      and = " AND ";
    }

  if (filter->specialty_group_id != 0)
    {
      g_string_append_printf (sql, "%sp.specialty_group_id = ?%u",
                              and, push_int64 (params, filter->specialty_group_id));
      and = " AND ";
    }

  if (!ordered)
    return g_string_free (sql, FALSE);

  g_string_append (sql, " ORDER BY ");
  switch (sort)
    {
    case LL_PERSON_SORT_NAME:
      g_string_append_printf (sql, "p.name%s, p.id%s", direction, direction);
      return g_string_free (sql, FALSE);

    case LL_PERSON_SORT_ROLE:
      append_enum_order (sql, "p.role", LL_ENUM_PERSON_ROLE);
      g_string_append (sql, direction);
      break;

    case LL_PERSON_SORT_LEVEL:
      g_string_append (sql, "p.level IS NULL, ");
      append_enum_order (sql, "p.level", LL_ENUM_DEPUTY_LEVEL);
      g_string_append (sql, direction);
      break;

    case LL_PERSON_SORT_TERM:
      g_string_append_printf (sql, "p.term IS NULL, p.term%s", direction);
      break;

    case LL_PERSON_SORT_STATION:
      g_string_append_printf (sql, "ps.name IS NULL, ps.name%s", direction);
      break;

    case LL_PERSON_SORT_GROUP:
      g_string_append_printf (sql, "pg.name IS NULL, pg.name%s", direction);
      break;

    default:
      g_return_val_if_reached (g_string_free (sql, FALSE));
    }

  /* Within one station, level … the names read A to Z either way. */
  g_string_append (sql, ", p.name, p.id");

  return g_string_free (sql, FALSE);
}

static GArray *
query_ids (LlDatabase  *db,
           const char  *sql,
           GArray      *params,
           GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  LlStep step;

  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return NULL;

  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (statement->stmt, 0);

      g_array_append_val (ids, id);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&ids);
}

static GArray *
new_params (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);

  return params;
}

/* Write transactions -------------------------------------------------------- */

static gboolean
check_groups (LlDatabase  *db,
              LlPerson    *person,
              GError     **error)
{
  return check_group (db, ll_person_get_deputy_group_id (person), "deputy", error) &&
         check_group (db, ll_person_get_specialty_group_id (person), "specialty", error);
}

static gboolean
create_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlPerson *person = write->person;
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *archived_at = NULL;
  gboolean active = ll_person_get_active (person);

  if (!check_groups (db, person, error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO people (name, gender, ethnicity, birth_date, "
                                    "party, role, level, term, constituency, unit, post, "
                                    "occupation, phone, deputy_group_id, specialty_group_id, "
                                    "notes, active, archived_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, "
                                    "?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
                                    error);
  if (statement == NULL)
    return FALSE;

  /* A person registered as archived gets the time now. */
  if (!active)
    archived_at = g_strdup (ll_person_get_archived_at (person));
  if (!active && archived_at == NULL)
    archived_at = now_utc ();

  fill_values (person, values);
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
  LlPerson *person = write->person;
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  gboolean ok;

  if (!check_groups (db, person, error) ||
      !check_role_fits_memberships (db, person, error))
    return FALSE;

  fill_values (person, values);
  ok = _ll_database_update_versioned (db, "people", ll_person_get_id (person),
                                      ll_person_get_version (person),
                                      write_columns, values, N_WRITE_COLUMNS, NULL, error);
  clear_values (values, N_WRITE_COLUMNS);

  return ok && read_state (db, ll_person_get_id (person), &write->state, error);
}

static gboolean
archive_func (LlDatabase  *db,
              gpointer     user_data,
              GError     **error)
{
  Write *write = user_data;
  LlPerson *person = write->person;
  static const char * const columns[] = { "active", "archived_at" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean ok;

  g_value_init (&values[0], G_TYPE_BOOLEAN);
  g_value_set_boolean (&values[0], write->active);
  if (!write->active)
    value_text (&values[1], write->archived_at);

  ok = _ll_database_update_versioned (db, "people", ll_person_get_id (person),
                                      ll_person_get_version (person),
                                      columns, values, 2, NULL, error);
  clear_values (values, 2);
  if (!ok)
    return FALSE;

  if (!write->active)
    {
      g_autofree char *today = ll_date_today ();
      g_autoptr(LlStatement) remove = NULL;
      g_autoptr(LlStatement) end = NULL;

      remove = _ll_database_prepare (db,
                                     "DELETE FROM memberships WHERE person_id = ?1 "
                                     "AND to_date IS NULL AND from_date >= ?2",
                                     error);
      if (remove == NULL)
        return FALSE;
      _ll_statement_bind_int64 (remove, 1, ll_person_get_id (person));
      _ll_statement_bind_text (remove, 2, today);
      if (!_ll_statement_execute (remove, error))
        return FALSE;

      end = _ll_database_prepare (db,
                                  "UPDATE memberships SET to_date = ?2, version = version + 1, "
                                  "updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now') "
                                  "WHERE person_id = ?1 AND to_date IS NULL",
                                  error);
      if (end == NULL)
        return FALSE;
      _ll_statement_bind_int64 (end, 1, ll_person_get_id (person));
      _ll_statement_bind_text (end, 2, today);
      if (!_ll_statement_execute (end, error))
        return FALSE;
    }

  return read_state (db, ll_person_get_id (person), &write->state, error);
}

static gboolean
delete_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlPerson *person = write->person;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  gint64 n_cases, n_activities, n_suggestions, n_projects;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT name, "
                                    "(SELECT count(*) FROM case_deputies WHERE person_id = ?1), "
                                    "(SELECT count(*) FROM activity_participants "
                                    "  WHERE person_id = ?1), "
                                    "(SELECT count(*) FROM suggestions WHERE lead_person_id = ?1 "
                                    "  OR id IN (SELECT suggestion_id FROM suggestion_authors "
                                    "            WHERE person_id = ?1)), "
                                    "(SELECT count(DISTINCT project_id) FROM ("
                                    "  SELECT project_id FROM project_votes WHERE person_id = ?1 "
                                    "  UNION ALL "
                                    "  SELECT project_id FROM project_supervisors "
                                    "  WHERE person_id = ?1)) "
                                    "FROM people WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, ll_person_get_id (person));
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;
  if (step == LL_STEP_DONE)
    {
      set_gone_error (error);
      return FALSE;
    }

  name = _ll_statement_dup_text (statement, 0);
  n_cases = sqlite3_column_int64 (statement->stmt, 1);
  n_activities = sqlite3_column_int64 (statement->stmt, 2);
  n_suggestions = sqlite3_column_int64 (statement->stmt, 3);
  n_projects = sqlite3_column_int64 (statement->stmt, 4);
  g_clear_pointer (&statement, _ll_statement_free);

  if (n_cases > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d case", "%d cases", n_cases),
                                             (int) n_cases));
  if (n_activities > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d activity", "%d activities",
                                                       n_activities),
                                             (int) n_activities));
  if (n_suggestions > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d suggestion", "%d suggestions",
                                                       n_suggestions),
                                             (int) n_suggestions));
  if (n_projects > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d livelihood project",
                                                       "%d livelihood projects", n_projects),
                                             (int) n_projects));

  if (parts->len > 0)
    {
      g_autofree char *list = join_list (parts);

      /* Translators: the first %s is a person's name, the second a list
       * such as “3 cases and 2 activities” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is named in %s; archive the person instead."), name, list);
      return FALSE;
    }

  return _ll_database_delete_versioned (db, "people", ll_person_get_id (person),
                                        ll_person_get_version (person), error);
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_person_store_create:
 * @db: a #LlDatabase
 * @person: an unsaved #LlPerson
 * @error: return location for a #GError
 *
 * Validates @person and adds it in one write; its groups, when set, must
 * exist and be of the right kind. On success @person has its id, version
 * and timestamps.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_INVALID names the field
 *   that refused it
 */
gboolean
ll_person_store_create (LlDatabase  *db,
                        LlPerson    *person,
                        GError     **error)
{
  Write write = { person, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (ll_person_get_id (person) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_person_validate (person, error))
    return FALSE;

  return run_write (db, create_func, &write, error);
}

/**
 * ll_person_store_get:
 * @db: a #LlDatabase
 * @id: a person id
 * @error: return location for a #GError
 *
 * Reads one person, with the station and group names filled in as by
 * ll_person_store_load_many().
 *
 * Returns: (transfer full) (nullable): the person, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND when there is none
 */
LlPerson *
ll_person_store_get (LlDatabase  *db,
                     gint64       id,
                     GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  people = ll_person_store_load_many (db, &id, 1, error);
  if (people == NULL)
    return NULL;

  if (people->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (people, 0));
}

/**
 * ll_person_store_update:
 * @db: a #LlDatabase
 * @person: a saved #LlPerson
 * @error: return location for a #GError
 *
 * Saves every column of @person but active and archived-at (use
 * ll_person_store_archive()), if nobody saved it since it was read. A
 * role that belongs to one station is refused while the person is
 * stationed at several. On success @person carries the new version.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved it first, %LL_DATABASE_ERROR_NOT_FOUND when it was deleted,
 *   %LL_DATABASE_ERROR_INVALID for a refused value (nothing is written)
 */
gboolean
ll_person_store_update (LlDatabase  *db,
                        LlPerson    *person,
                        GError     **error)
{
  Write write = { person, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (ll_person_get_id (person) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_person_validate (person, error))
    return FALSE;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_person_store_archive:
 * @db: a #LlDatabase
 * @person: a saved #LlPerson
 * @error: return location for a #GError
 *
 * Archives the person (active %FALSE, archived-at now) and, in the same
 * transaction, ends their current memberships today — a membership that
 * would begin today or later is removed, as it never began. Their cases,
 * activities and history stay.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved the person first
 */
gboolean
ll_person_store_archive (LlDatabase  *db,
                         LlPerson    *person,
                         GError     **error)
{
  g_autofree char *now = now_utc ();
  Write write = { person, FALSE, now, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (ll_person_get_id (person) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (db, archive_func, &write, error);
}

/**
 * ll_person_store_unarchive:
 * @db: a #LlDatabase
 * @person: a saved #LlPerson
 * @error: return location for a #GError
 *
 * Makes an archived person active again. They are not stationed again:
 * assign them with ll_membership_store_assign().
 *
 * Returns: %TRUE on success
 */
gboolean
ll_person_store_unarchive (LlDatabase  *db,
                           LlPerson    *person,
                           GError     **error)
{
  Write write = { person, TRUE, NULL, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (ll_person_get_id (person) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (db, archive_func, &write, error);
}

/**
 * ll_person_store_delete:
 * @db: a #LlDatabase
 * @person: a saved #LlPerson
 * @error: return location for a #GError
 *
 * Deletes a person registered by mistake, with their memberships and
 * pairings. Refused while they are named in cases, activities,
 * suggestions or livelihood projects: “王建国” is named in 3 cases and 2
 * activities; archive the person instead.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_INVALID with the reason
 *   when refused, %LL_DATABASE_ERROR_CONFLICT when someone else saved the
 *   person first
 */
gboolean
ll_person_store_delete (LlDatabase  *db,
                        LlPerson    *person,
                        GError     **error)
{
  Write write = { person, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PERSON (person), FALSE);
  g_return_val_if_fail (ll_person_get_id (person) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_database_write (db, delete_func, &write, error);
}

/**
 * ll_person_store_build_query:
 * @filter: (nullable): the filters, or %NULL for every active person
 * @sort: the order
 * @descending: whether to reverse @sort (ties stay by name, A to Z)
 * @params: (element-type GValue): where the query's parameters are
 *   appended; make it with `g_array_new (FALSE, TRUE, sizeof (GValue))`
 *   and g_array_set_clear_func (params, (GDestroyNotify) g_value_unset)
 *
 * Builds the id query of the people list for #LlQueryModel: `SELECT p.id
 * FROM people AS p … ORDER BY …`, whose `?N` parameters are the values
 * appended to @params (numbered after those already in it). Pair it with
 * ll_person_store_load_many().
 *
 * Returns: (transfer full): the SQL
 */
char *
ll_person_store_build_query (const LlPersonFilter *filter,
                             LlPersonSort          sort,
                             gboolean              descending,
                             GArray               *params)
{
  g_return_val_if_fail (params != NULL, NULL);
  g_return_val_if_fail (g_array_get_element_size (params) == sizeof (GValue), NULL);

  return build_query (filter, sort, descending, TRUE, params);
}

/**
 * ll_person_store_load_many:
 * @db: a #LlDatabase
 * @ids: (array length=n_ids): person ids
 * @n_ids: the number of @ids
 * @error: return location for a #GError
 *
 * Reads the people of @ids in one query, in the order of @ids, with
 * #LlPerson:station-id, #LlPerson:station-name (the current primary
 * station), #LlPerson:deputy-group-name and #LlPerson:specialty-group-name
 * filled in. Ids that no longer exist are left out.
 *
 * Returns: (transfer container) (element-type LlPerson) (nullable): the
 *   people, or %NULL on error
 */
GPtrArray *
ll_person_store_load_many (LlDatabase    *db,
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
                                    "SELECT " PERSON_COLUMNS ", pm.station_id, ps.name, "
                                    "dg.name, sg.name FROM json_each(?1) AS j "
                                    "CROSS JOIN people AS p ON p.id = j.value "
                                    "LEFT JOIN memberships AS pm ON pm.person_id = p.id "
                                    "  AND pm.to_date IS NULL AND pm.is_primary = 1 "
                                    "LEFT JOIN stations AS ps ON ps.id = pm.station_id "
                                    "LEFT JOIN groups AS dg ON dg.id = p.deputy_group_id "
                                    "LEFT JOIN groups AS sg ON sg.id = p.specialty_group_id "
                                    "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;

  json = ids_to_json (ids, n_ids);
  _ll_statement_bind_text (statement, 1, json);

  return collect (statement, error);
}

/**
 * ll_person_store_list:
 * @db: a #LlDatabase
 * @filter: (nullable): the filters, or %NULL for every active person
 * @sort: the order
 * @descending: whether to reverse @sort
 * @error: return location for a #GError
 *
 * Lists the people that ll_person_store_build_query() selects, loaded as
 * by ll_person_store_load_many(). For short lists and scripts; the window
 * uses a #LlQueryModel.
 *
 * Returns: (transfer container) (element-type LlPerson) (nullable): the
 *   people, or %NULL on error
 */
GPtrArray *
ll_person_store_list (LlDatabase            *db,
                      const LlPersonFilter  *filter,
                      LlPersonSort           sort,
                      gboolean               descending,
                      GError               **error)
{
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GArray) ids = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  sql = build_query (filter, sort, descending, TRUE, params);
  ids = query_ids (db, sql, params, error);
  if (ids == NULL)
    return NULL;

  return ll_person_store_load_many (db, (const gint64 *) ids->data, ids->len, error);
}

/**
 * ll_person_store_count:
 * @db: a #LlDatabase
 * @filter: (nullable): the filters, or %NULL for every active person
 * @error: return location for a #GError
 *
 * Returns: the number of people @filter selects, or -1 with @error set
 */
gint64
ll_person_store_count (LlDatabase            *db,
                       const LlPersonFilter  *filter,
                       GError               **error)
{
  g_autoptr(GArray) params = new_params ();
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *ids_sql = NULL;
  g_autofree char *sql = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  ids_sql = build_query (filter, LL_PERSON_SORT_NAME, FALSE, FALSE, params);
  sql = g_strdup_printf ("SELECT count(*) FROM (%s)", ids_sql);
  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return -1;

  for (guint i = 0; i < params->len; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));

  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return -1;

  return sqlite3_column_int64 (statement->stmt, 0);
}

/**
 * ll_person_store_count_active:
 * @db: a #LlDatabase
 * @error: return location for a #GError
 *
 * Returns: the number of active people, or -1 with @error set
 */
gint64
ll_person_store_count_active (LlDatabase  *db,
                              GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return ll_person_store_count (db, NULL, error);
}

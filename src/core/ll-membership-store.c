/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-membership-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-person.h"
#include "ll-validate.h"

/* Who is stationed where (驻站). The rules, each kept inside the one
 * write transaction of the operation:
 *
 *  - a person is stationed once per station at a time: assigning them
 *    again to a station where they are changes only their station role;
 *  - every stationed person has one primary station. Deputies, voter
 *    representatives and council members have only that one: assigning
 *    them elsewhere MOVES them, and copying them is refused. The 三官一员
 *    (police officers, judges, procurators, judicial assistants),
 *    public-opinion observers and invited experts may also be copied to
 *    further stations (extra, non-primary memberships); without copying
 *    they are moved like deputies (see
 *    ll_person_role_can_serve_several_stations());
 *  - moving ends the membership left behind with today's date — or
 *    removes it when it began today or later, since a membership that
 *    never lasted a day is a correction, not history. The new membership
 *    begins today, as `member`;
 *  - a station has at most one current head (站长): naming a second is
 *    refused with the current head's name;
 *  - when a primary membership ends or is removed, the person's oldest
 *    other current membership becomes primary;
 *  - nobody is stationed at a closed station, and archived people are
 *    not stationed.
 *
 * Every row the moves touch is recorded (before and after) so that a move
 * can be undone exactly: the inverse of each change, in reverse order,
 * versioned so that it refuses when someone changed those rows since. */

#define MEMBERSHIP_SELECT \
  "SELECT m.id, m.person_id, m.station_id, m.station_role, m.is_primary, m.from_date, " \
  "m.to_date, m.notes, m.version, m.created_at, m.updated_at, " \
  "p.name, p.role, p.level, s.name "
#define MEMBERSHIP_JOINS \
  "JOIN people AS p ON p.id = m.person_id JOIN stations AS s ON s.id = m.station_id "

enum {
  COL_ID,
  COL_PERSON_ID,
  COL_STATION_ID,
  COL_STATION_ROLE,
  COL_IS_PRIMARY,
  COL_FROM_DATE,
  COL_TO_DATE,
  COL_NOTES,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
  COL_PERSON_NAME,
  COL_PERSON_ROLE,
  COL_PERSON_LEVEL,
  COL_STATION_NAME,
};

/* The columns a change of a membership writes (never who or where). */
static const char * const write_columns[] = {
  "station_role", "is_primary", "from_date", "to_date", "notes",
};
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

typedef enum
{
  CHANGE_INSERT,
  CHANGE_UPDATE,
  CHANGE_DELETE,
} ChangeKind;

/* One row changed by a move: its id and version afterwards (insert,
 * update) and the row as it was before (update, delete). */
typedef struct
{
  ChangeKind    kind;
  gint64        id;
  gint64        version;
  LlMembership *before;
} Change;

struct _LlMembershipSnapshot
{
  gatomicrefcount  ref_count;
  GArray          *changes;
  gboolean         undone;
};

G_DEFINE_BOXED_TYPE (LlMembershipSnapshot, ll_membership_snapshot,
                     ll_membership_snapshot_ref, ll_membership_snapshot_unref)

typedef struct
{
  gint64    id;
  char     *name;
  char     *role;
  gboolean  active;
} Person;

typedef struct
{
  /* In */
  gint64                person_id;
  gint64                station_id;
  gint64                from_station_id;
  const char           *station_role;
  const char           *to_date;
  gboolean              copy;
  const gint64         *person_ids;
  guint                 n_people;
  LlMembership         *membership;
  LlMembershipSnapshot *snapshot;

  /* Out */
  GArray               *log;
  LlMembership         *result;
} Write;

/* Helpers ------------------------------------------------------------------ */

static void
change_clear (Change *change)
{
  g_clear_object (&change->before);
}

static GArray *
log_new (void)
{
  GArray *log = g_array_new (FALSE, TRUE, sizeof (Change));

  g_array_set_clear_func (log, (GDestroyNotify) change_clear);

  return log;
}

static void
log_add (GArray       *log,
         ChangeKind    kind,
         gint64        id,
         gint64        version,
         LlMembership *before)
{
  Change change = { kind, id, version, before != NULL ? g_object_ref (before) : NULL };

  if (log != NULL)
    g_array_append_val (log, change);
  else
    change_clear (&change);
}

static void
person_clear (Person *person)
{
  g_clear_pointer (&person->name, g_free);
  g_clear_pointer (&person->role, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Person, person_clear)

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlMembership *
membership_from_row (LlStatement *statement)
{
  sqlite3_stmt *stmt = statement->stmt;
  LlMembership *membership = ll_membership_new ();

  ll_membership_set_id (membership, sqlite3_column_int64 (stmt, COL_ID));
  ll_membership_set_person_id (membership, sqlite3_column_int64 (stmt, COL_PERSON_ID));
  ll_membership_set_station_id (membership, sqlite3_column_int64 (stmt, COL_STATION_ID));
  ll_membership_set_station_role (membership, column_text (statement, COL_STATION_ROLE));
  ll_membership_set_is_primary (membership, sqlite3_column_int (stmt, COL_IS_PRIMARY) != 0);
  ll_membership_set_from_date (membership, column_text (statement, COL_FROM_DATE));
  ll_membership_set_to_date (membership, column_text (statement, COL_TO_DATE));
  ll_membership_set_notes (membership, column_text (statement, COL_NOTES));
  ll_membership_set_version (membership, sqlite3_column_int64 (stmt, COL_VERSION));
  _ll_membership_set_timestamps (membership,
                                 column_text (statement, COL_CREATED_AT),
                                 column_text (statement, COL_UPDATED_AT));
  _ll_membership_set_names (membership,
                            column_text (statement, COL_PERSON_NAME),
                            column_text (statement, COL_PERSON_ROLE),
                            column_text (statement, COL_PERSON_LEVEL),
                            column_text (statement, COL_STATION_NAME));

  return membership;
}

/* Every column and name of @source into @dest. */
static void
membership_assign (LlMembership *dest,
                   LlMembership *source)
{
  g_object_freeze_notify (G_OBJECT (dest));
  ll_membership_set_id (dest, ll_membership_get_id (source));
  ll_membership_set_person_id (dest, ll_membership_get_person_id (source));
  ll_membership_set_station_id (dest, ll_membership_get_station_id (source));
  ll_membership_set_station_role (dest, ll_membership_get_station_role (source));
  ll_membership_set_is_primary (dest, ll_membership_get_is_primary (source));
  ll_membership_set_from_date (dest, ll_membership_get_from_date (source));
  ll_membership_set_to_date (dest, ll_membership_get_to_date (source));
  ll_membership_set_notes (dest, ll_membership_get_notes (source));
  ll_membership_set_version (dest, ll_membership_get_version (source));
  _ll_membership_set_timestamps (dest,
                                 ll_membership_get_created_at (source),
                                 ll_membership_get_updated_at (source));
  _ll_membership_set_names (dest,
                            ll_membership_get_person_name (source),
                            ll_membership_get_person_role (source),
                            ll_membership_get_person_level (source),
                            ll_membership_get_station_name (source));
  g_object_thaw_notify (G_OBJECT (dest));
}

static LlMembership *
membership_copy (LlMembership *source)
{
  LlMembership *copy = ll_membership_new ();

  membership_assign (copy, source);

  return copy;
}

static GPtrArray *
collect (LlStatement  *statement,
         GError      **error)
{
  g_autoptr(GPtrArray) memberships = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (memberships, membership_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&memberships);
}

static void
set_gone_error (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("The membership no longer exists; someone may have removed it."));
}

/* The stored row with its names; NOT_FOUND when it is gone. */
static LlMembership *
read_membership (LlDatabase  *db,
                 gint64       id,
                 GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  statement = _ll_database_prepare (db,
                                    MEMBERSHIP_SELECT "FROM memberships AS m " MEMBERSHIP_JOINS
                                    "WHERE m.id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  rows = collect (statement, error);
  if (rows == NULL)
    return NULL;

  if (rows->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (rows, 0));
}

/* The person's current memberships, the primary one first. */
static GPtrArray *
read_current (LlDatabase  *db,
              gint64       person_id,
              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  statement = _ll_database_prepare (db,
                                    MEMBERSHIP_SELECT "FROM memberships AS m " MEMBERSHIP_JOINS
                                    "WHERE m.person_id = ?1 AND m.to_date IS NULL "
                                    "ORDER BY m.is_primary DESC, m.from_date, m.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, person_id);

  return collect (statement, error);
}

static LlMembership *
find_at_station (GPtrArray *memberships,
                 gint64     station_id)
{
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *membership = g_ptr_array_index (memberships, i);

      if (ll_membership_get_station_id (membership) == station_id)
        return membership;
    }

  return NULL;
}

static LlMembership *
find_primary (GPtrArray *memberships)
{
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *membership = g_ptr_array_index (memberships, i);

      if (ll_membership_get_is_primary (membership))
        return membership;
    }

  return NULL;
}

static gboolean
read_person (LlDatabase  *db,
             gint64       id,
             Person      *person,
             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db, "SELECT name, role, active FROM people WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           _("The person no longer exists; someone may have deleted them."));
      return FALSE;
    }

  person->id = id;
  person->name = _ll_statement_dup_text (statement, 0);
  person->role = _ll_statement_dup_text (statement, 1);
  person->active = sqlite3_column_int (statement->stmt, 2) != 0;

  return TRUE;
}

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
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           _("The station no longer exists; someone may have deleted it."));
      return FALSE;
    }

  *name = _ll_statement_dup_text (statement, 0);
  *active = sqlite3_column_int (statement->stmt, 1) != 0;

  return TRUE;
}

/* The target of an assignment or a move: it exists and is open. */
static gboolean
check_station_open (LlDatabase  *db,
                    gint64       station_id,
                    char       **name,
                    GError     **error)
{
  gboolean active = FALSE;

  if (!read_station (db, station_id, name, &active, error))
    return FALSE;

  if (!active)
    {
      /* Translators: %s is a station's name */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is closed; no one can be stationed there."), *name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
check_person_stationable (const Person  *person,
                          gboolean       copy,
                          GError       **error)
{
  if (!person->active)
    {
      /* Translators: %s is a person's name */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is archived; restore the person before stationing them."),
                   person->name);
      return FALSE;
    }

  if (copy && !ll_person_role_can_serve_several_stations (person->role))
    {
      /* Translators: the first %s is a person's name, the second their
       * role, e.g. “Deputy” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” (%s) can be stationed at only one station; move instead of "
                     "copying."),
                   person->name, ll_enum_get_label (LL_ENUM_PERSON_ROLE, person->role));
      return FALSE;
    }

  return TRUE;
}

/* No one but @person_id is the station's current head. */
static gboolean
check_head (LlDatabase  *db,
            gint64       station_id,
            gint64       person_id,
            GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT s.name, p.name FROM memberships AS m "
                                    MEMBERSHIP_JOINS
                                    "WHERE m.station_id = ?1 AND m.to_date IS NULL "
                                    "AND m.station_role = 'head' AND m.person_id <> ?2",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, station_id);
  _ll_statement_bind_int64 (statement, 2, person_id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_ROW)
    {
      /* Translators: the first %s is a station's name, the second its
       * head's, e.g. “东湖社区联络站” already has a station head, 王建国. */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” already has a station head, %s."),
                   column_text (statement, 0), column_text (statement, 1));
      return FALSE;
    }

  return TRUE;
}

/* Row changes, recorded in @log (when not NULL) ---------------------------- */

static gboolean
row_insert (LlDatabase    *db,
            LlMembership  *row,
            gboolean       keep_id,
            GArray        *log,
            gint64        *id,
            GError       **error)
{
  g_autoptr(LlStatement) statement = NULL;
  gint64 version = keep_id ? ll_membership_get_version (row) : 1;
  gint64 new_id;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO memberships (id, person_id, station_id, "
                                    "station_role, is_primary, from_date, to_date, notes, version) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                                    error);
  if (statement == NULL)
    return FALSE;

  if (keep_id)
    _ll_statement_bind_int64 (statement, 1, ll_membership_get_id (row));
  else
    _ll_statement_bind_null (statement, 1);
  _ll_statement_bind_int64 (statement, 2, ll_membership_get_person_id (row));
  _ll_statement_bind_int64 (statement, 3, ll_membership_get_station_id (row));
  _ll_statement_bind_text (statement, 4, ll_membership_get_station_role (row));
  _ll_statement_bind_int64 (statement, 5, ll_membership_get_is_primary (row) ? 1 : 0);
  _ll_statement_bind_text (statement, 6, ll_membership_get_from_date (row));
  _ll_statement_bind_text (statement, 7, ll_membership_get_to_date (row));
  _ll_statement_bind_text (statement, 8, ll_membership_get_notes (row));
  _ll_statement_bind_int64 (statement, 9, version);

  if (!_ll_statement_execute (statement, error))
    return FALSE;

  new_id = sqlite3_last_insert_rowid (_ll_database_get_handle (db));
  log_add (log, CHANGE_INSERT, new_id, version, NULL);
  if (id != NULL)
    *id = new_id;

  return TRUE;
}

/* Writes @target's changeable columns over the row of @before, if the row
 * still has @expected_version. */
static gboolean
row_update (LlDatabase    *db,
            LlMembership  *before,
            LlMembership  *target,
            gint64         expected_version,
            GArray        *log,
            GError       **error)
{
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  gint64 version = 0;
  gboolean ok;

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], ll_membership_get_station_role (target));
  g_value_init (&values[1], G_TYPE_BOOLEAN);
  g_value_set_boolean (&values[1], ll_membership_get_is_primary (target));
  g_value_init (&values[2], G_TYPE_STRING);
  g_value_set_string (&values[2], ll_membership_get_from_date (target));
  g_value_init (&values[3], G_TYPE_STRING);
  g_value_set_string (&values[3], ll_membership_get_to_date (target));
  g_value_init (&values[4], G_TYPE_STRING);
  g_value_set_string (&values[4], ll_membership_get_notes (target));

  ok = _ll_database_update_versioned (db, "memberships", ll_membership_get_id (before),
                                      expected_version, write_columns, values,
                                      N_WRITE_COLUMNS, &version, error);

  for (guint i = 0; i < N_WRITE_COLUMNS; i++)
    g_value_unset (&values[i]);

  if (ok)
    log_add (log, CHANGE_UPDATE, ll_membership_get_id (before), version, before);

  return ok;
}

static gboolean
row_delete (LlDatabase    *db,
            LlMembership  *before,
            gint64         expected_version,
            GArray        *log,
            GError       **error)
{
  if (!_ll_database_delete_versioned (db, "memberships", ll_membership_get_id (before),
                                      expected_version, error))
    return FALSE;

  log_add (log, CHANGE_DELETE, ll_membership_get_id (before), 0, before);

  return TRUE;
}

/* A move leaves @membership (current): ended today, or removed when it
 * began today or later. */
static gboolean
leave (LlDatabase    *db,
       LlMembership  *membership,
       const char    *today,
       GArray        *log,
       GError       **error)
{
  const char *from_date = ll_membership_get_from_date (membership);
  g_autoptr(LlMembership) target = NULL;

  if (from_date != NULL && strcmp (from_date, today) >= 0)
    return row_delete (db, membership, ll_membership_get_version (membership), log, error);

  target = membership_copy (membership);
  ll_membership_set_to_date (target, today);

  return row_update (db, membership, target, ll_membership_get_version (membership), log, error);
}

/* A person left without a current primary membership gets their oldest
 * current one as primary. */
static gboolean
promote_next (LlDatabase  *db,
              gint64       person_id,
              GArray      *log,
              GError     **error)
{
  g_autoptr(GPtrArray) current = read_current (db, person_id, error);
  g_autoptr(LlMembership) target = NULL;
  LlMembership *next;

  if (current == NULL)
    return FALSE;

  if (current->len == 0 || find_primary (current) != NULL)
    return TRUE;

  next = g_ptr_array_index (current, 0);
  target = membership_copy (next);
  ll_membership_set_is_primary (target, TRUE);

  return row_update (db, next, target, ll_membership_get_version (next), log, error);
}

static LlMembership *
new_membership (gint64      person_id,
                gint64      station_id,
                const char *station_role,
                gboolean    is_primary,
                const char *today)
{
  LlMembership *membership = ll_membership_new ();

  ll_membership_set_person_id (membership, person_id);
  ll_membership_set_station_id (membership, station_id);
  ll_membership_set_station_role (membership, station_role != NULL ? station_role : "member");
  ll_membership_set_is_primary (membership, is_primary);
  ll_membership_set_from_date (membership, today);

  return membership;
}

/* Write transactions -------------------------------------------------------- */

static gboolean
assign_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  g_auto(Person) person = { 0, };
  g_autofree char *station_name = NULL;
  g_autofree char *today = ll_date_today ();
  g_autoptr(GPtrArray) current = NULL;
  const char *role = write->station_role;
  LlMembership *existing;
  LlMembership *primary;
  gint64 id;

  if (!read_person (db, write->person_id, &person, error) ||
      !check_person_stationable (&person, write->copy, error) ||
      !check_station_open (db, write->station_id, &station_name, error))
    return FALSE;

  current = read_current (db, write->person_id, error);
  if (current == NULL)
    return FALSE;

  existing = find_at_station (current, write->station_id);
  primary = find_primary (current);

  if (existing != NULL)
    {
      g_autoptr(LlMembership) target = membership_copy (existing);
      gboolean changed = FALSE;

      /* Already there: only the role changes, and a move makes it the
       * primary station. */
      if (role != NULL && g_strcmp0 (role, ll_membership_get_station_role (existing)) != 0)
        {
          if (g_str_equal (role, "head") &&
              !check_head (db, write->station_id, write->person_id, error))
            return FALSE;
          ll_membership_set_station_role (target, role);
          changed = TRUE;
        }

      if (!write->copy && !ll_membership_get_is_primary (existing))
        {
          if (primary != NULL && !leave (db, primary, today, NULL, error))
            return FALSE;
          ll_membership_set_is_primary (target, TRUE);
          changed = TRUE;
        }

      if (changed &&
          !row_update (db, existing, target, ll_membership_get_version (existing), NULL, error))
        return FALSE;

      id = ll_membership_get_id (existing);
    }
  else
    {
      g_autoptr(LlMembership) row = NULL;
      gboolean is_primary = TRUE;

      if (g_strcmp0 (role, "head") == 0 &&
          !check_head (db, write->station_id, write->person_id, error))
        return FALSE;

      if (primary != NULL && write->copy)
        is_primary = FALSE;
      else if (primary != NULL && !leave (db, primary, today, NULL, error))
        return FALSE;

      row = new_membership (write->person_id, write->station_id, role, is_primary, today);
      if (!row_insert (db, row, FALSE, NULL, &id, error))
        return FALSE;
    }

  write->result = read_membership (db, id, error);

  return write->result != NULL;
}

static gboolean
move_many_func (LlDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  Write *write = user_data;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autofree char *station_name = NULL;
  g_autofree char *from_name = NULL;
  g_autofree char *today = ll_date_today ();

  if (!check_station_open (db, write->station_id, &station_name, error))
    return FALSE;

  if (write->from_station_id != 0)
    {
      gboolean from_active;

      if (!read_station (db, write->from_station_id, &from_name, &from_active, error))
        return FALSE;
    }

  for (guint i = 0; i < write->n_people; i++)
    {
      const gint64 *person_id = &write->person_ids[i];
      g_auto(Person) person = { 0, };
      g_autoptr(GPtrArray) current = NULL;
      LlMembership *existing;
      LlMembership *primary;
      LlMembership *source;

      if (!g_hash_table_add (seen, (gpointer) person_id))
        continue;

      if (!read_person (db, *person_id, &person, error) ||
          !check_person_stationable (&person, write->copy, error))
        return FALSE;

      current = read_current (db, *person_id, error);
      if (current == NULL)
        return FALSE;

      existing = find_at_station (current, write->station_id);
      primary = find_primary (current);

      if (write->from_station_id != 0)
        {
          source = find_at_station (current, write->from_station_id);
          if (source == NULL)
            {
              /* Translators: the first %s is a person's name, the second a
               * station's */
              g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                           _("“%s” is no longer stationed at “%s”; someone may have moved "
                             "them. Reload and try again."),
                           person.name, from_name);
              return FALSE;
            }
        }
      else
        {
          source = primary;
        }

      if (write->copy)
        {
          g_autoptr(LlMembership) row = NULL;

          if (existing != NULL)
            continue;

          row = new_membership (*person_id, write->station_id, NULL, primary == NULL, today);
          if (!row_insert (db, row, FALSE, write->log, NULL, error))
            return FALSE;
        }
      else if (source != NULL && source == existing)
        {
          continue;
        }
      else if (existing != NULL)
        {
          /* Moving onto a station where they already are (a copy): the
           * source ends, and that membership takes over its primacy. */
          gboolean takes_primary = source == NULL || ll_membership_get_is_primary (source);

          if (source != NULL && !leave (db, source, today, write->log, error))
            return FALSE;

          if (takes_primary && !ll_membership_get_is_primary (existing))
            {
              g_autoptr(LlMembership) target = membership_copy (existing);

              ll_membership_set_is_primary (target, TRUE);
              if (!row_update (db, existing, target, ll_membership_get_version (existing),
                               write->log, error))
                return FALSE;
            }
        }
      else
        {
          g_autoptr(LlMembership) row = NULL;
          gboolean is_primary = source == NULL || ll_membership_get_is_primary (source);

          if (source != NULL && !leave (db, source, today, write->log, error))
            return FALSE;

          row = new_membership (*person_id, write->station_id, NULL, is_primary, today);
          if (!row_insert (db, row, FALSE, write->log, NULL, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
undo_func (LlDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  Write *write = user_data;
  GArray *changes = write->snapshot->changes;

  /* The inverse of each change, last first: every step returns to a state
   * the move itself passed through, so the constraints hold throughout. */
  for (guint i = changes->len; i > 0; i--)
    {
      Change *change = &g_array_index (changes, Change, i - 1);
      gboolean ok = FALSE;

      switch (change->kind)
        {
        case CHANGE_INSERT:
          ok = _ll_database_delete_versioned (db, "memberships", change->id, change->version,
                                              error);
          break;

        case CHANGE_UPDATE:
          ok = row_update (db, change->before, change->before, change->version, NULL, error);
          break;

        case CHANGE_DELETE:
          ok = row_insert (db, change->before, TRUE, NULL, NULL, error);
          break;

        default:
          g_assert_not_reached ();
        }

      if (!ok)
        return FALSE;
    }

  return TRUE;
}

static gboolean
set_role_func (LlDatabase  *db,
               gpointer     user_data,
               GError     **error)
{
  Write *write = user_data;
  g_autoptr(LlMembership) stored = NULL;
  g_autoptr(LlMembership) target = NULL;

  stored = read_membership (db, ll_membership_get_id (write->membership), error);
  if (stored == NULL)
    return FALSE;

  if (g_str_equal (write->station_role, "head") && ll_membership_is_current (stored) &&
      !check_head (db, ll_membership_get_station_id (stored),
                   ll_membership_get_person_id (stored), error))
    return FALSE;

  target = membership_copy (stored);
  ll_membership_set_station_role (target, write->station_role);

  if (!row_update (db, stored, target, ll_membership_get_version (write->membership), NULL,
                   error))
    return FALSE;

  write->result = read_membership (db, ll_membership_get_id (stored), error);

  return write->result != NULL;
}

static gboolean
update_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlMembership *membership = write->membership;
  g_autoptr(LlMembership) stored = NULL;
  gboolean reopens;
  gboolean ends;

  stored = read_membership (db, ll_membership_get_id (membership), error);
  if (stored == NULL)
    return FALSE;

  /* A stale copy is a conflict, whatever else it changes. */
  if (ll_membership_get_version (membership) != ll_membership_get_version (stored))
    return row_update (db, stored, membership, ll_membership_get_version (membership), NULL,
                       error);

  if (ll_membership_get_person_id (membership) != ll_membership_get_person_id (stored) ||
      ll_membership_get_station_id (membership) != ll_membership_get_station_id (stored) ||
      ll_membership_get_is_primary (membership) != ll_membership_get_is_primary (stored))
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("Where a person is stationed changes only by assigning or moving "
                             "them."));
      return FALSE;
    }

  reopens = ll_membership_is_current (membership) && !ll_membership_is_current (stored);
  ends = !ll_membership_is_current (membership) && ll_membership_is_current (stored);

  if (reopens)
    {
      g_auto(Person) person = { 0, };
      g_autoptr(GPtrArray) current = NULL;
      LlMembership *other;

      if (!read_person (db, ll_membership_get_person_id (stored), &person, error))
        return FALSE;

      current = read_current (db, ll_membership_get_person_id (stored), error);
      if (current == NULL)
        return FALSE;

      other = find_at_station (current, ll_membership_get_station_id (stored));
      if (other == NULL && current->len > 0 &&
          (!ll_person_role_can_serve_several_stations (person.role) ||
           ll_membership_get_is_primary (stored)))
        other = g_ptr_array_index (current, 0);

      if (other != NULL)
        {
          /* Translators: the first %s is a person's name, the second a
           * station's */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("“%s” is already stationed at “%s”; this membership cannot be "
                         "current again."),
                       person.name, ll_membership_get_station_name (other));
          return FALSE;
        }
    }

  if (g_strcmp0 (ll_membership_get_station_role (membership), "head") == 0 &&
      ll_membership_is_current (membership) &&
      !check_head (db, ll_membership_get_station_id (stored),
                   ll_membership_get_person_id (stored), error))
    return FALSE;

  if (!row_update (db, stored, membership, ll_membership_get_version (membership), NULL, error))
    return FALSE;

  if (ends && ll_membership_get_is_primary (stored) &&
      !promote_next (db, ll_membership_get_person_id (stored), NULL, error))
    return FALSE;

  write->result = read_membership (db, ll_membership_get_id (stored), error);

  return write->result != NULL;
}

static gboolean
end_func (LlDatabase  *db,
          gpointer     user_data,
          GError     **error)
{
  Write *write = user_data;
  g_autoptr(LlMembership) stored = NULL;
  g_autoptr(LlMembership) target = NULL;
  g_autofree char *today = NULL;
  const char *to_date = write->to_date;

  stored = read_membership (db, ll_membership_get_id (write->membership), error);
  if (stored == NULL)
    return FALSE;

  if (to_date == NULL)
    to_date = today = ll_date_today ();

  target = membership_copy (stored);
  ll_membership_set_to_date (target, to_date);
  if (!ll_membership_validate (target, error))
    return FALSE;

  if (!row_update (db, stored, target, ll_membership_get_version (write->membership), NULL,
                   error))
    return FALSE;

  if (ll_membership_is_current (stored) && ll_membership_get_is_primary (stored) &&
      !promote_next (db, ll_membership_get_person_id (stored), NULL, error))
    return FALSE;

  write->result = read_membership (db, ll_membership_get_id (stored), error);

  return write->result != NULL;
}

static gboolean
remove_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  g_autoptr(LlMembership) stored = NULL;

  stored = read_membership (db, ll_membership_get_id (write->membership), error);
  if (stored == NULL)
    return FALSE;

  if (!row_delete (db, stored, ll_membership_get_version (write->membership), NULL, error))
    return FALSE;

  if (ll_membership_is_current (stored) && ll_membership_get_is_primary (stored))
    return promote_next (db, ll_membership_get_person_id (stored), NULL, error);

  return TRUE;
}

/* Runs @func and, once committed, copies the stored row into the caller's
 * membership. */
static gboolean
run_write (LlDatabase           *db,
           LlDatabaseWriteFunc   func,
           Write                *write,
           GError              **error)
{
  gboolean ok = ll_database_write (db, func, write, error);

  if (ok && write->result != NULL && write->membership != NULL)
    membership_assign (write->membership, write->result);
  g_clear_object (&write->result);

  return ok;
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_membership_snapshot_ref:
 * @self: a #LlMembershipSnapshot
 *
 * Returns: (transfer full): @self
 */
LlMembershipSnapshot *
ll_membership_snapshot_ref (LlMembershipSnapshot *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

/**
 * ll_membership_snapshot_unref:
 * @self: (transfer full): a #LlMembershipSnapshot
 */
void
ll_membership_snapshot_unref (LlMembershipSnapshot *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->changes);
      g_free (self);
    }
}

/**
 * ll_membership_snapshot_is_empty:
 * @self: a #LlMembershipSnapshot
 *
 * Returns: whether the move changed nothing (everyone was already there)
 */
gboolean
ll_membership_snapshot_is_empty (LlMembershipSnapshot *self)
{
  g_return_val_if_fail (self != NULL, TRUE);

  return self->changes->len == 0;
}

/**
 * ll_membership_snapshot_get_n_changes:
 * @self: a #LlMembershipSnapshot
 *
 * Returns: how many membership rows the move added, changed or removed
 */
guint
ll_membership_snapshot_get_n_changes (LlMembershipSnapshot *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->changes->len;
}

/**
 * ll_membership_store_get:
 * @db: a #LlDatabase
 * @id: a membership id
 * @error: return location for a #GError
 *
 * Reads one membership with its person and station names.
 *
 * Returns: (transfer full) (nullable): the membership, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlMembership *
ll_membership_store_get (LlDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return read_membership (db, id, error);
}

/**
 * ll_membership_store_get_head:
 * @db: a #LlDatabase
 * @station_id: a station id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the current membership of the
 *   station's head (站长), or %NULL — with @error unset — when it has none
 */
LlMembership *
ll_membership_store_get_head (LlDatabase  *db,
                              gint64       station_id,
                              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) rows = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    MEMBERSHIP_SELECT "FROM memberships AS m " MEMBERSHIP_JOINS
                                    "WHERE m.station_id = ?1 AND m.to_date IS NULL "
                                    "AND m.station_role = 'head'",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, station_id);
  rows = collect (statement, error);
  if (rows == NULL || rows->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (rows, 0));
}

/**
 * ll_membership_store_assign:
 * @db: a #LlDatabase
 * @person_id: the person to station
 * @station_id: where
 * @station_role: (nullable): a station-role key; %NULL means `member` for
 *   a new membership and “unchanged” for an existing one
 * @copy: %TRUE to add a further station (only for the roles that serve
 *   several stations), %FALSE to move the person's primary station there
 * @error: return location for a #GError
 *
 * Stations a person, in one transaction, by the rules at the top of this
 * file: already there → only the role changes (and, when not copying,
 * that station becomes the primary one); not stationed yet → a new
 * primary membership; stationed elsewhere → moved (the old membership
 * ends today, or is removed if it began today) or, with @copy, a further
 * non-primary membership. Refused: copying someone who serves one
 * station (“王建国” (Deputy) can be stationed at only one station), a
 * second head (“东湖社区联络站” already has a station head, 王建国.), a
 * closed station, an archived person.
 *
 * Returns: (transfer full) (nullable): the person's membership at the
 *   station, with names, or %NULL with @error set
 */
LlMembership *
ll_membership_store_assign (LlDatabase  *db,
                            gint64       person_id,
                            gint64       station_id,
                            const char  *station_role,
                            gboolean     copy,
                            GError     **error)
{
  Write write = { 0, };

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_validate_enum (LL_ENUM_STATION_ROLE, station_role, TRUE, _("Station role"), error))
    return NULL;

  write.person_id = person_id;
  write.station_id = station_id;
  write.station_role = station_role;
  write.copy = copy;

  if (!ll_database_write (db, assign_func, &write, error))
    {
      g_clear_object (&write.result);
      return NULL;
    }

  return g_steal_pointer (&write.result);
}

/**
 * ll_membership_store_set_role:
 * @db: a #LlDatabase
 * @membership: a saved #LlMembership
 * @station_role: a station-role key
 * @error: return location for a #GError
 *
 * Changes the person's role at the station (versioned). Making someone
 * head of a station that has a current head is refused, naming the head.
 * On success @membership is the stored row.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_membership_store_set_role (LlDatabase    *db,
                              LlMembership  *membership,
                              const char    *station_role,
                              GError       **error)
{
  Write write = { 0, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_MEMBERSHIP (membership), FALSE);
  g_return_val_if_fail (ll_membership_get_id (membership) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_enum (LL_ENUM_STATION_ROLE, station_role, FALSE, _("Station role"), error))
    return FALSE;

  write.membership = membership;
  write.station_role = station_role;

  return run_write (db, set_role_func, &write, error);
}

/**
 * ll_membership_store_update:
 * @db: a #LlDatabase
 * @membership: a saved #LlMembership
 * @error: return location for a #GError
 *
 * Saves the station role, dates and notes of @membership (versioned).
 * Who, where and the primary flag are kept by the assignment rules:
 * changing them here is refused — use ll_membership_store_assign() or
 * ll_membership_store_move_many(). Making an ended membership current
 * again is refused while the person is stationed there, or elsewhere when
 * they serve one station. On success @membership is the stored row.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_membership_store_update (LlDatabase    *db,
                            LlMembership  *membership,
                            GError       **error)
{
  Write write = { 0, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_MEMBERSHIP (membership), FALSE);
  g_return_val_if_fail (ll_membership_get_id (membership) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_membership_validate (membership, error))
    return FALSE;

  write.membership = membership;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_membership_store_end:
 * @db: a #LlDatabase
 * @membership: a saved #LlMembership
 * @to_date: (nullable): the last day, `YYYY-MM-DD`, or %NULL for today
 * @error: return location for a #GError
 *
 * Ends the membership (versioned); the row stays as history. When it was
 * the person's primary station, their oldest other current membership
 * becomes primary. On success @membership is the stored row.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_INVALID when @to_date is
 *   not a date or lies before the first day
 */
gboolean
ll_membership_store_end (LlDatabase    *db,
                         LlMembership  *membership,
                         const char    *to_date,
                         GError       **error)
{
  Write write = { 0, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_MEMBERSHIP (membership), FALSE);
  g_return_val_if_fail (ll_membership_get_id (membership) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_date (to_date, _("To"), error))
    return FALSE;

  write.membership = membership;
  write.to_date = to_date;

  return run_write (db, end_func, &write, error);
}

/**
 * ll_membership_store_remove:
 * @db: a #LlDatabase
 * @membership: a saved #LlMembership
 * @error: return location for a #GError
 *
 * Deletes a membership entered by mistake (versioned); no history stays.
 * When it was the person's current primary station, their oldest other
 * current membership becomes primary.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_membership_store_remove (LlDatabase    *db,
                            LlMembership  *membership,
                            GError       **error)
{
  Write write = { 0, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_MEMBERSHIP (membership), FALSE);
  g_return_val_if_fail (ll_membership_get_id (membership) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  write.membership = membership;

  return ll_database_write (db, remove_func, &write, error);
}

/**
 * ll_membership_store_move_many:
 * @db: a #LlDatabase
 * @person_ids: (array length=n_people): the people selected
 * @n_people: the number of @person_ids
 * @from_station_id: the station they are dragged from, or 0 for each
 *   person's primary station; @station_id itself changes nothing
 * @station_id: the station they are dropped on
 * @copy: %TRUE to add @station_id to their stations (only for the roles
 *   that serve several), %FALSE to move them
 * @snapshot: (out) (optional) (transfer full): what changed, for
 *   ll_membership_store_undo_move()
 * @error: return location for a #GError
 *
 * Applies ll_membership_store_assign()'s rules to a whole selection, all
 * or nothing, in one transaction — the drag-and-drop board's drop. A
 * move ends (or, if it began today, removes) the membership at
 * @from_station_id — or the primary one — and stations the person at
 * @station_id as `member`, primary if the one they left was; someone
 * already at @station_id keeps that membership. A copy adds a
 * non-primary membership (primary if they had none) and skips those
 * already there. The first person who cannot be moved or copied refuses
 * the whole drop, with their name in the message; someone no longer at
 * @from_station_id gives %LL_DATABASE_ERROR_CONFLICT.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_membership_store_move_many (LlDatabase             *db,
                               const gint64           *person_ids,
                               guint                   n_people,
                               gint64                  from_station_id,
                               gint64                  station_id,
                               gboolean                copy,
                               LlMembershipSnapshot  **snapshot,
                               GError                **error)
{
  Write write = { 0, };
  g_autoptr(GArray) log = log_new ();

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_people == 0, FALSE);
  g_return_val_if_fail (station_id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  write.person_ids = person_ids;
  write.n_people = n_people;
  write.from_station_id = from_station_id;
  write.station_id = station_id;
  write.copy = copy;
  write.log = log;

  /* Dropped back where they were dragged from: nothing to do. */
  if (n_people > 0 && from_station_id != station_id &&
      !ll_database_write (db, move_many_func, &write, error))
    return FALSE;

  if (snapshot != NULL)
    {
      LlMembershipSnapshot *result = g_new0 (LlMembershipSnapshot, 1);

      g_atomic_ref_count_init (&result->ref_count);
      result->changes = g_steal_pointer (&log);
      *snapshot = result;
    }

  return TRUE;
}

/**
 * ll_membership_store_undo_move:
 * @db: a #LlDatabase
 * @snapshot: what ll_membership_store_move_many() returned
 * @error: return location for a #GError
 *
 * Puts back exactly the memberships the move changed — removed ones come
 * back with their ids, ended ones are current again with their roles,
 * added ones go — in one transaction. If someone changed any of those
 * memberships since, nothing is undone and %LL_DATABASE_ERROR_CONFLICT
 * says so. Undoing the same snapshot again does nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_membership_store_undo_move (LlDatabase            *db,
                               LlMembershipSnapshot  *snapshot,
                               GError               **error)
{
  Write write = { 0, };
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (snapshot != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (snapshot->undone || snapshot->changes->len == 0)
    return TRUE;

  write.snapshot = snapshot;

  if (!ll_database_write (db, undo_func, &write, &local_error))
    {
      if (g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT) ||
          g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                             _("Someone has changed these memberships since; the move can no "
                               "longer be undone."));
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  snapshot->undone = TRUE;

  return TRUE;
}

/**
 * ll_membership_store_list_by_station:
 * @db: a #LlDatabase
 * @station_id: a station id
 * @current_only: %FALSE to include ended memberships (after the current
 *   ones, latest first)
 * @error: return location for a #GError
 *
 * Lists who is stationed at a station, with #LlMembership:person-name,
 * person-role, person-level and station-name filled in: the head first,
 * then liaison officers, then members, each by name.
 *
 * Returns: (transfer container) (element-type LlMembership) (nullable):
 *   the memberships, or %NULL on error
 */
GPtrArray *
ll_membership_store_list_by_station (LlDatabase  *db,
                                     gint64       station_id,
                                     gboolean     current_only,
                                     GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    MEMBERSHIP_SELECT "FROM memberships AS m " MEMBERSHIP_JOINS
                                    "WHERE m.station_id = ?1 AND (?2 = 0 OR m.to_date IS NULL) "
                                    "ORDER BY m.to_date IS NOT NULL, m.to_date DESC, "
                                    "CASE m.station_role WHEN 'head' THEN 0 "
                                    "WHEN 'liaison_officer' THEN 1 ELSE 2 END, p.name, m.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, station_id);
  _ll_statement_bind_int64 (statement, 2, current_only ? 1 : 0);

  return collect (statement, error);
}

/**
 * ll_membership_store_list_by_person:
 * @db: a #LlDatabase
 * @person_id: a person id
 * @current_only: %FALSE to include ended memberships (after the current
 *   ones, latest first)
 * @error: return location for a #GError
 *
 * Lists where a person is stationed, the primary station first, with
 * #LlMembership:station-name and the person's fields filled in.
 *
 * Returns: (transfer container) (element-type LlMembership) (nullable):
 *   the memberships, or %NULL on error
 */
GPtrArray *
ll_membership_store_list_by_person (LlDatabase  *db,
                                    gint64       person_id,
                                    gboolean     current_only,
                                    GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    MEMBERSHIP_SELECT "FROM memberships AS m " MEMBERSHIP_JOINS
                                    "WHERE m.person_id = ?1 AND (?2 = 0 OR m.to_date IS NULL) "
                                    "ORDER BY m.to_date IS NOT NULL, m.to_date DESC, "
                                    "m.is_primary DESC, m.from_date DESC, m.id DESC",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, person_id);
  _ll_statement_bind_int64 (statement, 2, current_only ? 1 : 0);

  return collect (statement, error);
}

/**
 * ll_membership_store_load_many:
 * @db: a #LlDatabase
 * @ids: (array length=n_ids): membership ids
 * @n_ids: the number of @ids
 * @error: return location for a #GError
 *
 * Reads the memberships of @ids in one query, in the order of @ids, with
 * the person and station names; ids that no longer exist are left out.
 *
 * Returns: (transfer container) (element-type LlMembership) (nullable):
 *   the memberships, or %NULL on error
 */
GPtrArray *
ll_membership_store_load_many (LlDatabase    *db,
                               const gint64  *ids,
                               guint          n_ids,
                               GError       **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GString) json = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (n_ids == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  statement = _ll_database_prepare (db,
                                    MEMBERSHIP_SELECT "FROM json_each(?1) AS j "
                                    "CROSS JOIN memberships AS m ON m.id = j.value "
                                    MEMBERSHIP_JOINS "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;

  json = g_string_new ("[");
  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (json, i == 0 ? "%" G_GINT64_FORMAT : ",%" G_GINT64_FORMAT, ids[i]);
  g_string_append_c (json, ']');
  _ll_statement_bind_text (statement, 1, json->str);

  return collect (statement, error);
}

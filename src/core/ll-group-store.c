/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-group-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-group-store.h"

/* Deputy groups (代表小组) and specialty groups (专业小组).
 *
 * Rules kept here, inside the write: names are unique within a kind; the
 * station, when set, exists; a group's kind does not change while people
 * belong to it (their deputy-group-id or specialty-group-id names it).
 * Deleting a group leaves its members without that group. */

#define GROUP_COLUMNS \
  "g.id, g.kind, g.name, g.station_id, g.notes, g.version, g.created_at, g.updated_at"

enum {
  COL_ID,
  COL_KIND,
  COL_NAME,
  COL_STATION_ID,
  COL_NOTES,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
};

static const char * const write_columns[] = { "kind", "name", "station_id", "notes" };
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

typedef struct
{
  LlGroup *group;

  /* Read back inside the write, applied once committed. */
  gint64   id;
  gint64   version;
  char    *created_at;
  char    *updated_at;
} Write;

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlGroup *
group_from_row (LlStatement *statement)
{
  LlGroup *group = ll_group_new ();

  ll_group_set_id (group, sqlite3_column_int64 (statement->stmt, COL_ID));
  ll_group_set_kind (group, column_text (statement, COL_KIND));
  ll_group_set_name (group, column_text (statement, COL_NAME));
  ll_group_set_station_id (group, sqlite3_column_int64 (statement->stmt, COL_STATION_ID));
  ll_group_set_notes (group, column_text (statement, COL_NOTES));
  ll_group_set_version (group, sqlite3_column_int64 (statement->stmt, COL_VERSION));
  _ll_group_set_timestamps (group,
                            column_text (statement, COL_CREATED_AT),
                            column_text (statement, COL_UPDATED_AT));

  return group;
}

static void
fill_values (LlGroup *group,
             GValue   values[N_WRITE_COLUMNS])
{
  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], ll_group_get_kind (group));
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], ll_group_get_name (group));
  if (ll_group_get_station_id (group) != 0)
    {
      g_value_init (&values[2], G_TYPE_INT64);
      g_value_set_int64 (&values[2], ll_group_get_station_id (group));
    }
  g_value_init (&values[3], G_TYPE_STRING);
  g_value_set_string (&values[3], ll_group_get_notes (group));
}

static void
clear_values (GValue *values,
              guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
}

static GPtrArray *
collect (LlStatement  *statement,
         GError      **error)
{
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (groups, group_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&groups);
}

static void
set_gone_error (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("The group no longer exists; someone may have deleted it."));
}

static gboolean
read_state (LlDatabase  *db,
            gint64       id,
            Write       *write,
            GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT version, created_at, updated_at FROM groups "
                                    "WHERE id = ?1",
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

  write->id = id;
  write->version = sqlite3_column_int64 (statement->stmt, 0);
  write->created_at = _ll_statement_dup_text (statement, 1);
  write->updated_at = _ll_statement_dup_text (statement, 2);

  return TRUE;
}

static gint64
count_members (LlDatabase  *db,
               gint64       group_id,
               const char  *kind,
               GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  statement = _ll_database_prepare (db,
                                    "SELECT count(*) FROM people WHERE "
                                    "(?2 IS NOT 'specialty' AND deputy_group_id = ?1) OR "
                                    "(?2 IS NOT 'deputy' AND specialty_group_id = ?1)",
                                    error);
  if (statement == NULL)
    return -1;

  _ll_statement_bind_int64 (statement, 1, group_id);
  _ll_statement_bind_text (statement, 2, kind);
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return -1;

  return sqlite3_column_int64 (statement->stmt, 0);
}

static gboolean
check_group (LlDatabase  *db,
             LlGroup     *group,
             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT 1 FROM groups WHERE kind = ?1 AND name = ?2 "
                                    "AND id <> ?3",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_text (statement, 1, ll_group_get_kind (group));
  _ll_statement_bind_text (statement, 2, ll_group_get_name (group));
  _ll_statement_bind_int64 (statement, 3, ll_group_get_id (group));
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_ROW)
    {
      /* Translators: the first %s is a group kind, e.g. “Deputy Group”;
       * the second a name */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("A %s named “%s” already exists."),
                   ll_enum_get_label (LL_ENUM_GROUP_KIND, ll_group_get_kind (group)),
                   ll_group_get_name (group));
      return FALSE;
    }
  g_clear_pointer (&statement, _ll_statement_free);

  if (ll_group_get_station_id (group) != 0)
    {
      statement = _ll_database_prepare (db, "SELECT 1 FROM stations WHERE id = ?1", error);
      if (statement == NULL)
        return FALSE;

      _ll_statement_bind_int64 (statement, 1, ll_group_get_station_id (group));
      step = _ll_statement_step (statement, error);
      if (step == LL_STEP_ERROR)
        return FALSE;
      if (step == LL_STEP_DONE)
        {
          g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                               _("The station does not exist; someone may have deleted it."));
          return FALSE;
        }
      g_clear_pointer (&statement, _ll_statement_free);
    }

  if (ll_group_get_id (group) != 0)
    {
      g_autofree char *stored_kind = NULL;
      gint64 n_members;

      statement = _ll_database_prepare (db, "SELECT kind FROM groups WHERE id = ?1", error);
      if (statement == NULL)
        return FALSE;

      _ll_statement_bind_int64 (statement, 1, ll_group_get_id (group));
      step = _ll_statement_step (statement, error);
      if (step == LL_STEP_ERROR)
        return FALSE;
      if (step == LL_STEP_DONE)
        {
          set_gone_error (error);
          return FALSE;
        }
      stored_kind = _ll_statement_dup_text (statement, 0);

      if (g_strcmp0 (stored_kind, ll_group_get_kind (group)) == 0)
        return TRUE;

      n_members = count_members (db, ll_group_get_id (group), stored_kind, error);
      if (n_members < 0)
        return FALSE;

      if (n_members > 0)
        {
          /* Translators: %s is a group's name */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       ngettext ("“%s” has %d member; its kind cannot change.",
                                 "“%s” has %d members; its kind cannot change.", n_members),
                       ll_group_get_name (group), (int) n_members);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
create_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  g_autoptr(LlStatement) statement = NULL;
  gboolean ok;

  if (!check_group (db, write->group, error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO groups (kind, name, station_id, notes) "
                                    "VALUES (?1, ?2, ?3, ?4)",
                                    error);
  if (statement == NULL)
    return FALSE;

  fill_values (write->group, values);
  for (guint i = 0; i < N_WRITE_COLUMNS; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &values[i]);
  clear_values (values, N_WRITE_COLUMNS);

  ok = _ll_statement_execute (statement, error);

  return ok && read_state (db, sqlite3_last_insert_rowid (_ll_database_get_handle (db)), write,
                           error);
}

static gboolean
update_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  GValue values[N_WRITE_COLUMNS] = { G_VALUE_INIT, };
  gboolean ok;

  if (!check_group (db, write->group, error))
    return FALSE;

  fill_values (write->group, values);
  ok = _ll_database_update_versioned (db, "groups", ll_group_get_id (write->group),
                                      ll_group_get_version (write->group),
                                      write_columns, values, N_WRITE_COLUMNS, NULL, error);
  clear_values (values, N_WRITE_COLUMNS);

  return ok && read_state (db, ll_group_get_id (write->group), write, error);
}

static gboolean
run_write (LlDatabase           *db,
           LlDatabaseWriteFunc   func,
           Write                *write,
           GError              **error)
{
  gboolean ok = ll_database_write (db, func, write, error);

  if (ok)
    {
      ll_group_set_id (write->group, write->id);
      ll_group_set_version (write->group, write->version);
      _ll_group_set_timestamps (write->group, write->created_at, write->updated_at);
    }

  g_clear_pointer (&write->created_at, g_free);
  g_clear_pointer (&write->updated_at, g_free);

  return ok;
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_group_store_create:
 * @db: a #LlDatabase
 * @group: an unsaved #LlGroup
 * @error: return location for a #GError
 *
 * Validates @group and adds it. A second group of the same kind and name
 * is refused. On success @group has its id and version.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_group_store_create (LlDatabase  *db,
                       LlGroup     *group,
                       GError     **error)
{
  Write write = { group, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_GROUP (group), FALSE);
  g_return_val_if_fail (ll_group_get_id (group) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_group_validate (group, error))
    return FALSE;

  return run_write (db, create_func, &write, error);
}

/**
 * ll_group_store_get:
 * @db: a #LlDatabase
 * @id: a group id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the group, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlGroup *
ll_group_store_get (LlDatabase  *db,
                    gint64       id,
                    GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " GROUP_COLUMNS " FROM groups AS g WHERE g.id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  groups = collect (statement, error);
  if (groups == NULL)
    return NULL;

  if (groups->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (groups, 0));
}

/**
 * ll_group_store_find_by_name:
 * @db: a #LlDatabase
 * @kind: a group-kind key
 * @name: a group's name
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the group of that kind and name, or
 *   %NULL — with @error unset — when there is none
 */
LlGroup *
ll_group_store_find_by_name (LlDatabase  *db,
                             const char  *kind,
                             const char  *name,
                             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) groups = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " GROUP_COLUMNS " FROM groups AS g "
                                    "WHERE g.kind = ?1 AND g.name = ?2 ORDER BY g.id LIMIT 1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, kind);
  _ll_statement_bind_text (statement, 2, name);
  groups = collect (statement, error);
  if (groups == NULL || groups->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (groups, 0));
}

/**
 * ll_group_store_update:
 * @db: a #LlDatabase
 * @group: a saved #LlGroup
 * @error: return location for a #GError
 *
 * Saves @group if nobody saved it since it was read. Its kind cannot
 * change while it has members.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved it first
 */
gboolean
ll_group_store_update (LlDatabase  *db,
                       LlGroup     *group,
                       GError     **error)
{
  Write write = { group, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_GROUP (group), FALSE);
  g_return_val_if_fail (ll_group_get_id (group) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_group_validate (group, error))
    return FALSE;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_group_store_delete:
 * @db: a #LlDatabase
 * @group: a saved #LlGroup
 * @error: return location for a #GError
 *
 * Deletes the group (versioned); its members are left without that
 * group.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_group_store_delete (LlDatabase  *db,
                       LlGroup     *group,
                       GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_GROUP (group), FALSE);
  g_return_val_if_fail (ll_group_get_id (group) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ll_database_delete_versioned (db, "groups", ll_group_get_id (group),
                                        ll_group_get_version (group), error);
}

/**
 * ll_group_store_list:
 * @db: a #LlDatabase
 * @kind: (nullable): a group-kind key, or %NULL for both kinds
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LlGroup) (nullable): the
 *   groups, deputy groups first, each kind by name
 */
GPtrArray *
ll_group_store_list (LlDatabase  *db,
                     const char  *kind,
                     GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " GROUP_COLUMNS " FROM groups AS g "
                                    "WHERE ?1 IS NULL OR g.kind = ?1 "
                                    "ORDER BY g.kind = 'specialty', g.name, g.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, kind);

  return collect (statement, error);
}

/**
 * ll_group_store_count_members:
 * @db: a #LlDatabase
 * @group_id: a group id
 * @error: return location for a #GError
 *
 * Returns: how many people (active or not) belong to the group, or -1
 *   with @error set
 */
gint64
ll_group_store_count_members (LlDatabase  *db,
                              gint64       group_id,
                              GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), -1);
  g_return_val_if_fail (error == NULL || *error == NULL, -1);

  return count_members (db, group_id, NULL, error);
}

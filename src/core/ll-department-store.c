/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-department-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database-private.h"
#include "ll-department-store.h"

/* Departments (承办单位) that cases are handed to.
 *
 * Rules kept here, inside the write: names are unique (a duplicate is
 * refused by name before the database's UNIQUE constraint would be); a
 * department named in cases, suggestions or livelihood projects is not
 * deleted — it is made inactive instead, which keeps it on those records
 * but out of the choices for new hand-overs. */

#define DEPARTMENT_COLUMNS \
  "d.id, d.name, d.contact_person, d.phone, d.address, d.active, d.notes, d.version, " \
  "d.created_at, d.updated_at"

enum {
  COL_ID,
  COL_NAME,
  COL_CONTACT_PERSON,
  COL_PHONE,
  COL_ADDRESS,
  COL_ACTIVE,
  COL_NOTES,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
};

static const char * const write_columns[] = {
  "name", "contact_person", "phone", "address", "active", "notes",
};
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

typedef struct
{
  LlDepartment *department;
  gboolean      active;

  /* Read back inside the write, applied once committed. */
  gint64        id;
  gint64        version;
  gboolean      stored_active;
  char         *created_at;
  char         *updated_at;
} Write;

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlDepartment *
department_from_row (LlStatement *statement)
{
  LlDepartment *department = ll_department_new ();

  ll_department_set_id (department, sqlite3_column_int64 (statement->stmt, COL_ID));
  ll_department_set_name (department, column_text (statement, COL_NAME));
  ll_department_set_contact_person (department, column_text (statement, COL_CONTACT_PERSON));
  ll_department_set_phone (department, column_text (statement, COL_PHONE));
  ll_department_set_address (department, column_text (statement, COL_ADDRESS));
  ll_department_set_active (department, sqlite3_column_int (statement->stmt, COL_ACTIVE) != 0);
  ll_department_set_notes (department, column_text (statement, COL_NOTES));
  ll_department_set_version (department, sqlite3_column_int64 (statement->stmt, COL_VERSION));
  _ll_department_set_timestamps (department,
                                 column_text (statement, COL_CREATED_AT),
                                 column_text (statement, COL_UPDATED_AT));

  return department;
}

static void
fill_values (LlDepartment *department,
             GValue        values[N_WRITE_COLUMNS])
{
  const char *texts[] = {
    ll_department_get_name (department),
    ll_department_get_contact_person (department),
    ll_department_get_phone (department),
    ll_department_get_address (department),
    NULL,
    ll_department_get_notes (department),
  };

  for (guint i = 0; i < N_WRITE_COLUMNS; i++)
    {
      if (i == 4)
        {
          g_value_init (&values[i], G_TYPE_BOOLEAN);
          g_value_set_boolean (&values[i], ll_department_get_active (department));
          continue;
        }
      g_value_init (&values[i], G_TYPE_STRING);
      g_value_set_string (&values[i], texts[i]);
    }
}

static void
clear_values (GValue *values,
              guint   n_values)
{
  for (guint i = 0; i < n_values; i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);
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

/* “40 cases and 2 suggestions”. */
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

static GPtrArray *
collect (LlStatement  *statement,
         GError      **error)
{
  g_autoptr(GPtrArray) departments = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (departments, department_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&departments);
}

static void
set_gone_error (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("The department no longer exists; someone may have deleted it."));
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
                                    "SELECT version, active, created_at, updated_at "
                                    "FROM departments WHERE id = ?1",
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
  write->stored_active = sqlite3_column_int (statement->stmt, 1) != 0;
  write->created_at = _ll_statement_dup_text (statement, 2);
  write->updated_at = _ll_statement_dup_text (statement, 3);

  return TRUE;
}

static gboolean
check_name (LlDatabase    *db,
            LlDepartment  *department,
            GError       **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT 1 FROM departments WHERE name = ?1 AND id <> ?2",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_text (statement, 1, ll_department_get_name (department));
  _ll_statement_bind_int64 (statement, 2, ll_department_get_id (department));
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_ROW)
    {
      /* Translators: %s is a department's name */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("A department named “%s” already exists."),
                   ll_department_get_name (department));
      return FALSE;
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

  if (!check_name (db, write->department, error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO departments (name, contact_person, phone, "
                                    "address, active, notes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                                    error);
  if (statement == NULL)
    return FALSE;

  fill_values (write->department, values);
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

  if (!check_name (db, write->department, error))
    return FALSE;

  fill_values (write->department, values);
  ok = _ll_database_update_versioned (db, "departments", ll_department_get_id (write->department),
                                      ll_department_get_version (write->department),
                                      write_columns, values, N_WRITE_COLUMNS, NULL, error);
  clear_values (values, N_WRITE_COLUMNS);

  return ok && read_state (db, ll_department_get_id (write->department), write, error);
}

static gboolean
set_active_func (LlDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  Write *write = user_data;
  static const char * const columns[] = { "active" };
  GValue value = G_VALUE_INIT;
  gboolean ok;

  g_value_init (&value, G_TYPE_BOOLEAN);
  g_value_set_boolean (&value, write->active);
  ok = _ll_database_update_versioned (db, "departments", ll_department_get_id (write->department),
                                      ll_department_get_version (write->department),
                                      columns, &value, 1, NULL, error);
  g_value_unset (&value);

  return ok && read_state (db, ll_department_get_id (write->department), write, error);
}

static gboolean
delete_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  LlDepartment *department = write->department;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  gint64 n_cases, n_suggestions, n_projects;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT name, "
                                    "(SELECT count(*) FROM cases WHERE department_id = ?1), "
                                    "(SELECT count(*) FROM suggestions WHERE department_id = ?1), "
                                    "(SELECT count(*) FROM projects WHERE department_id = ?1) "
                                    "FROM departments WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, ll_department_get_id (department));
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
  n_suggestions = sqlite3_column_int64 (statement->stmt, 2);
  n_projects = sqlite3_column_int64 (statement->stmt, 3);

  if (n_cases > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d case", "%d cases", n_cases),
                                             (int) n_cases));
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

      /* Translators: the first %s is a department's name, the second a
       * list such as “40 cases and 2 suggestions” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is named in %s; make it inactive instead."), name, list);
      return FALSE;
    }

  return _ll_database_delete_versioned (db, "departments", ll_department_get_id (department),
                                        ll_department_get_version (department), error);
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
      ll_department_set_id (write->department, write->id);
      ll_department_set_version (write->department, write->version);
      ll_department_set_active (write->department, write->stored_active);
      _ll_department_set_timestamps (write->department, write->created_at, write->updated_at);
    }

  g_clear_pointer (&write->created_at, g_free);
  g_clear_pointer (&write->updated_at, g_free);

  return ok;
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_department_store_create:
 * @db: a #LlDatabase
 * @department: an unsaved #LlDepartment
 * @error: return location for a #GError
 *
 * Validates @department and adds it. A name another department has is
 * refused: “A department named “区住建局” already exists.” On success
 * @department has its id and version.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_department_store_create (LlDatabase    *db,
                            LlDepartment  *department,
                            GError       **error)
{
  Write write = { department, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_DEPARTMENT (department), FALSE);
  g_return_val_if_fail (ll_department_get_id (department) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_department_validate (department, error))
    return FALSE;

  return run_write (db, create_func, &write, error);
}

/**
 * ll_department_store_get:
 * @db: a #LlDatabase
 * @id: a department id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the department, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlDepartment *
ll_department_store_get (LlDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(GPtrArray) departments = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  departments = ll_department_store_load_many (db, &id, 1, error);
  if (departments == NULL)
    return NULL;

  if (departments->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (departments, 0));
}

/**
 * ll_department_store_find_by_name:
 * @db: a #LlDatabase
 * @name: a department's name, exactly
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the department, or %NULL — with
 *   @error unset — when none has that name
 */
LlDepartment *
ll_department_store_find_by_name (LlDatabase  *db,
                                  const char  *name,
                                  GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) departments = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " DEPARTMENT_COLUMNS " FROM departments AS d "
                                    "WHERE d.name = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, name);
  departments = collect (statement, error);
  if (departments == NULL || departments->len == 0)
    return NULL;

  return g_object_ref (g_ptr_array_index (departments, 0));
}

/**
 * ll_department_store_update:
 * @db: a #LlDatabase
 * @department: a saved #LlDepartment
 * @error: return location for a #GError
 *
 * Saves @department if nobody saved it since it was read; a name another
 * department has is refused.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved it first
 */
gboolean
ll_department_store_update (LlDatabase    *db,
                            LlDepartment  *department,
                            GError       **error)
{
  Write write = { department, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_DEPARTMENT (department), FALSE);
  g_return_val_if_fail (ll_department_get_id (department) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_department_validate (department, error))
    return FALSE;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_department_store_set_active:
 * @db: a #LlDatabase
 * @department: a saved #LlDepartment
 * @active: %FALSE to stop offering it for new hand-overs
 * @error: return location for a #GError
 *
 * Changes only whether the department is active (versioned).
 *
 * Returns: %TRUE on success
 */
gboolean
ll_department_store_set_active (LlDatabase    *db,
                                LlDepartment  *department,
                                gboolean       active,
                                GError       **error)
{
  Write write = { department, active, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_DEPARTMENT (department), FALSE);
  g_return_val_if_fail (ll_department_get_id (department) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return run_write (db, set_active_func, &write, error);
}

/**
 * ll_department_store_delete:
 * @db: a #LlDatabase
 * @department: a saved #LlDepartment
 * @error: return location for a #GError
 *
 * Deletes a department entered by mistake. Refused, with the counts,
 * while cases, suggestions or livelihood projects name it: make it
 * inactive instead.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_department_store_delete (LlDatabase    *db,
                            LlDepartment  *department,
                            GError       **error)
{
  Write write = { department, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_DEPARTMENT (department), FALSE);
  g_return_val_if_fail (ll_department_get_id (department) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_database_write (db, delete_func, &write, error);
}

/**
 * ll_department_store_list:
 * @db: a #LlDatabase
 * @include_inactive: whether to list inactive departments too
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LlDepartment) (nullable):
 *   the departments by name
 */
GPtrArray *
ll_department_store_list (LlDatabase  *db,
                          gboolean     include_inactive,
                          GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    include_inactive
                                    ? "SELECT " DEPARTMENT_COLUMNS " FROM departments AS d "
                                      "ORDER BY d.name"
                                    : "SELECT " DEPARTMENT_COLUMNS " FROM departments AS d "
                                      "WHERE d.active = 1 ORDER BY d.name",
                                    error);
  if (statement == NULL)
    return NULL;

  return collect (statement, error);
}

/**
 * ll_department_store_load_many:
 * @db: a #LlDatabase
 * @ids: (array length=n_ids): department ids
 * @n_ids: the number of @ids
 * @error: return location for a #GError
 *
 * Reads the departments of @ids in one query, in the order of @ids; ids
 * that no longer exist are left out.
 *
 * Returns: (transfer container) (element-type LlDepartment) (nullable):
 *   the departments, or %NULL on error
 */
GPtrArray *
ll_department_store_load_many (LlDatabase    *db,
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

  statement = _ll_database_prepare (db,
                                    "SELECT " DEPARTMENT_COLUMNS " FROM json_each(?1) AS j "
                                    "CROSS JOIN departments AS d ON d.id = j.value "
                                    "ORDER BY j.key",
                                    error);
  if (statement == NULL)
    return NULL;

  json = ids_to_json (ids, n_ids);
  _ll_statement_bind_text (statement, 1, json);

  return collect (statement, error);
}

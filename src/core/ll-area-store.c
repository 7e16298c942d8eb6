/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-area-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-area-store.h"
#include "ll-database-private.h"
#include "ll-enums.h"

/* Administrative areas: district or county (区县) → town or sub-district
 * (乡镇/街道) → community or village (社区/村).
 *
 * Rules kept here, inside the write: an area's parent exists and is of a
 * higher level (a community may sit directly under a district), and the
 * areas under it stay of a lower level when its level changes — so the
 * tree can have no cycle. An area with areas or stations under it is not
 * deleted. */

#define AREA_COLUMNS \
  "a.id, a.parent_id, a.level, a.name, a.code, a.version, a.created_at, a.updated_at"

enum {
  COL_ID,
  COL_PARENT_ID,
  COL_LEVEL,
  COL_NAME,
  COL_CODE,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
  N_COLS
};

static const char * const write_columns[] = { "parent_id", "level", "name", "code" };
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

typedef struct
{
  LlArea *area;

  /* Read back inside the write, applied once committed. */
  gint64  id;
  gint64  version;
  char   *created_at;
  char   *updated_at;
} Write;

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlArea *
area_from_row (LlStatement *statement)
{
  LlArea *area = ll_area_new ();

  ll_area_set_id (area, sqlite3_column_int64 (statement->stmt, COL_ID));
  ll_area_set_parent_id (area, sqlite3_column_int64 (statement->stmt, COL_PARENT_ID));
  ll_area_set_level (area, column_text (statement, COL_LEVEL));
  ll_area_set_name (area, column_text (statement, COL_NAME));
  ll_area_set_code (area, column_text (statement, COL_CODE));
  ll_area_set_version (area, sqlite3_column_int64 (statement->stmt, COL_VERSION));
  _ll_area_set_timestamps (area,
                           column_text (statement, COL_CREATED_AT),
                           column_text (statement, COL_UPDATED_AT));

  return area;
}

static void
fill_values (LlArea *area,
             GValue  values[N_WRITE_COLUMNS])
{
  if (ll_area_get_parent_id (area) != 0)
    {
      g_value_init (&values[0], G_TYPE_INT64);
      g_value_set_int64 (&values[0], ll_area_get_parent_id (area));
    }
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], ll_area_get_level (area));
  g_value_init (&values[2], G_TYPE_STRING);
  g_value_set_string (&values[2], ll_area_get_name (area));
  g_value_init (&values[3], G_TYPE_STRING);
  g_value_set_string (&values[3], ll_area_get_code (area));
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
         gboolean      with_depth,
         GError      **error)
{
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      LlArea *area = area_from_row (statement);

      if (with_depth)
        _ll_area_set_depth (area, sqlite3_column_int (statement->stmt, N_COLS));
      g_ptr_array_add (areas, area);
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&areas);
}

/* “3 areas under it and 5 stations”. */
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
                       _("The area no longer exists; someone may have deleted it."));
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
                                    "SELECT version, created_at, updated_at FROM areas "
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

/* The parent lies a level above, and the areas below stay below. */
static gboolean
check_levels (LlDatabase  *db,
              LlArea      *area,
              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  int position = ll_enum_find (LL_ENUM_AREA_LEVEL, ll_area_get_level (area));
  LlStep step;

  if (ll_area_get_parent_id (area) != 0)
    {
      statement = _ll_database_prepare (db, "SELECT name, level FROM areas WHERE id = ?1",
                                        error);
      if (statement == NULL)
        return FALSE;

      _ll_statement_bind_int64 (statement, 1, ll_area_get_parent_id (area));
      step = _ll_statement_step (statement, error);
      if (step == LL_STEP_ERROR)
        return FALSE;

      if (step == LL_STEP_DONE)
        {
          g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                               _("The area to place it under does not exist; someone may have "
                                 "deleted it."));
          return FALSE;
        }

      if (ll_enum_find (LL_ENUM_AREA_LEVEL, column_text (statement, 1)) >= position)
        {
          /* Translators: e.g. “东湖社区” (Community or Village) cannot be
           * placed under “南湖社区” (Community or Village) … */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("“%s” (%s) cannot be placed under “%s” (%s): an area belongs under an "
                         "area of a higher level."),
                       ll_area_get_name (area),
                       ll_enum_get_label (LL_ENUM_AREA_LEVEL, ll_area_get_level (area)),
                       column_text (statement, 0),
                       ll_enum_get_label (LL_ENUM_AREA_LEVEL, column_text (statement, 1)));
          return FALSE;
        }

      g_clear_pointer (&statement, _ll_statement_free);
    }

  if (ll_area_get_id (area) == 0)
    return TRUE;

  statement = _ll_database_prepare (db, "SELECT name, level FROM areas WHERE parent_id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, ll_area_get_id (area));
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      if (ll_enum_find (LL_ENUM_AREA_LEVEL, column_text (statement, 1)) <= position)
        {
          /* Translators: the first %s is an area's name, the second its
           * level */
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("“%s” (%s) lies under this area, which must stay of a higher level."),
                       column_text (statement, 0),
                       ll_enum_get_label (LL_ENUM_AREA_LEVEL, column_text (statement, 1)));
          return FALSE;
        }
    }

  return step == LL_STEP_DONE;
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

  if (!check_levels (db, write->area, error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO areas (parent_id, level, name, code) "
                                    "VALUES (?1, ?2, ?3, ?4)",
                                    error);
  if (statement == NULL)
    return FALSE;

  fill_values (write->area, values);
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

  if (!check_levels (db, write->area, error))
    return FALSE;

  fill_values (write->area, values);
  ok = _ll_database_update_versioned (db, "areas", ll_area_get_id (write->area),
                                      ll_area_get_version (write->area),
                                      write_columns, values, N_WRITE_COLUMNS, NULL, error);
  clear_values (values, N_WRITE_COLUMNS);

  return ok && read_state (db, ll_area_get_id (write->area), write, error);
}

static gboolean
delete_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Write *write = user_data;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *name = NULL;
  gint64 n_areas, n_stations;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    "SELECT name, "
                                    "(SELECT count(*) FROM areas WHERE parent_id = ?1), "
                                    "(SELECT count(*) FROM stations WHERE area_id = ?1) "
                                    "FROM areas WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, ll_area_get_id (write->area));
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;
  if (step == LL_STEP_DONE)
    {
      set_gone_error (error);
      return FALSE;
    }

  name = _ll_statement_dup_text (statement, 0);
  n_areas = sqlite3_column_int64 (statement->stmt, 1);
  n_stations = sqlite3_column_int64 (statement->stmt, 2);

  if (n_areas > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d area under it", "%d areas under it",
                                                       n_areas),
                                             (int) n_areas));
  if (n_stations > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%d station", "%d stations", n_stations),
                                             (int) n_stations));

  if (parts->len > 0)
    {
      g_autofree char *list = join_list (parts);

      /* Translators: the first %s is an area's name, the second a list
       * such as “3 areas under it and 5 stations” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” still has %s; move them to another area first."), name, list);
      return FALSE;
    }

  return _ll_database_delete_versioned (db, "areas", ll_area_get_id (write->area),
                                        ll_area_get_version (write->area), error);
}

static gboolean
run_write (LlDatabase           *db,
           LlDatabaseWriteFunc   func,
           Write                *write,
           GError              **error)
{
  gboolean ok = ll_database_write (db, func, write, error);

  if (ok && write->id != 0)
    {
      ll_area_set_id (write->area, write->id);
      ll_area_set_version (write->area, write->version);
      _ll_area_set_timestamps (write->area, write->created_at, write->updated_at);
    }

  g_clear_pointer (&write->created_at, g_free);
  g_clear_pointer (&write->updated_at, g_free);

  return ok;
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_area_store_create:
 * @db: a #LlDatabase
 * @area: an unsaved #LlArea
 * @error: return location for a #GError
 *
 * Validates @area and adds it; its parent, when set, must exist and be
 * of a higher level. On success @area has its id and version.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_area_store_create (LlDatabase  *db,
                      LlArea      *area,
                      GError     **error)
{
  Write write = { area, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_AREA (area), FALSE);
  g_return_val_if_fail (ll_area_get_id (area) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_area_validate (area, error))
    return FALSE;

  return run_write (db, create_func, &write, error);
}

/**
 * ll_area_store_get:
 * @db: a #LlDatabase
 * @id: an area id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the area, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlArea *
ll_area_store_get (LlDatabase  *db,
                   gint64       id,
                   GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) areas = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db, "SELECT " AREA_COLUMNS " FROM areas AS a WHERE a.id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  areas = collect (statement, FALSE, error);
  if (areas == NULL)
    return NULL;

  if (areas->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (areas, 0));
}

/**
 * ll_area_store_update:
 * @db: a #LlDatabase
 * @area: a saved #LlArea
 * @error: return location for a #GError
 *
 * Saves @area if nobody saved it since it was read. The parent must lie
 * a level above and the areas under it a level below.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved it first
 */
gboolean
ll_area_store_update (LlDatabase  *db,
                      LlArea      *area,
                      GError     **error)
{
  Write write = { area, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_AREA (area), FALSE);
  g_return_val_if_fail (ll_area_get_id (area) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_area_validate (area, error))
    return FALSE;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_area_store_delete:
 * @db: a #LlDatabase
 * @area: a saved #LlArea
 * @error: return location for a #GError
 *
 * Deletes an area that has no areas and no stations under it; otherwise
 * refuses with the counts.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_area_store_delete (LlDatabase  *db,
                      LlArea      *area,
                      GError     **error)
{
  Write write = { area, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_AREA (area), FALSE);
  g_return_val_if_fail (ll_area_get_id (area) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_database_write (db, delete_func, &write, error);
}

/**
 * ll_area_store_list_children:
 * @db: a #LlDatabase
 * @parent_id: an area id, or 0 for the top-level areas
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LlArea) (nullable): the
 *   areas directly under @parent_id, by name
 */
GPtrArray *
ll_area_store_list_children (LlDatabase  *db,
                             gint64       parent_id,
                             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    parent_id == 0
                                    ? "SELECT " AREA_COLUMNS " FROM areas AS a "
                                      "WHERE a.parent_id IS NULL ORDER BY a.name, a.id"
                                    : "SELECT " AREA_COLUMNS " FROM areas AS a "
                                      "WHERE a.parent_id = ?1 ORDER BY a.name, a.id",
                                    error);
  if (statement == NULL)
    return NULL;

  if (parent_id != 0)
    _ll_statement_bind_int64 (statement, 1, parent_id);

  return collect (statement, FALSE, error);
}

/**
 * ll_area_store_list_all:
 * @db: a #LlDatabase
 * @error: return location for a #GError
 *
 * Lists the whole tree in display order — each area followed by those
 * under it, siblings by name — with #LlArea:depth filled in.
 *
 * Returns: (transfer container) (element-type LlArea) (nullable): the areas
 */
GPtrArray *
ll_area_store_list_all (LlDatabase  *db,
                        GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* char(1) separates levels of the path and sorts before any name. */
  statement = _ll_database_prepare (db,
                                    "WITH RECURSIVE tree (id, depth, path) AS ("
                                    "  SELECT id, 0, name || char(2) || printf('%020d', id)"
                                    "    FROM areas WHERE parent_id IS NULL"
                                    "  UNION ALL"
                                    "  SELECT a.id, tree.depth + 1, tree.path || char(1) || a.name"
                                    "         || char(2) || printf('%020d', a.id)"
                                    "    FROM areas AS a JOIN tree ON a.parent_id = tree.id"
                                    "   WHERE tree.depth < 100"
                                    ") SELECT " AREA_COLUMNS ", tree.depth "
                                    "FROM tree JOIN areas AS a ON a.id = tree.id "
                                    "ORDER BY tree.path",
                                    error);
  if (statement == NULL)
    return NULL;

  return collect (statement, TRUE, error);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pairing-store"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-database-private.h"
#include "ll-pairing-store.h"
#include "ll-validate.h"

/* Pairings (挂钩联系): a person's fixed contacts. A pairing is current
 * until the day after ended-on. Deleting a person deletes their pairings
 * (the schema cascades). */

#define PAIRING_COLUMNS \
  "x.id, x.person_id, x.kind, x.name, x.contact, x.address, x.since, x.ended_on, x.notes, " \
  "x.version, x.created_at, x.updated_at"

enum {
  COL_ID,
  COL_PERSON_ID,
  COL_KIND,
  COL_NAME,
  COL_CONTACT,
  COL_ADDRESS,
  COL_SINCE,
  COL_ENDED_ON,
  COL_NOTES,
  COL_VERSION,
  COL_CREATED_AT,
  COL_UPDATED_AT,
};

static const char * const write_columns[] = {
  "person_id", "kind", "name", "contact", "address", "since", "ended_on", "notes",
};
#define N_WRITE_COLUMNS G_N_ELEMENTS (write_columns)

typedef struct
{
  LlPairing *pairing;

  /* Read back inside the write, applied once committed. */
  gint64     id;
  gint64     version;
  char      *created_at;
  char      *updated_at;
} Write;

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlPairing *
pairing_from_row (LlStatement *statement)
{
  LlPairing *pairing = ll_pairing_new ();

  ll_pairing_set_id (pairing, sqlite3_column_int64 (statement->stmt, COL_ID));
  ll_pairing_set_person_id (pairing, sqlite3_column_int64 (statement->stmt, COL_PERSON_ID));
  ll_pairing_set_kind (pairing, column_text (statement, COL_KIND));
  ll_pairing_set_name (pairing, column_text (statement, COL_NAME));
  ll_pairing_set_contact (pairing, column_text (statement, COL_CONTACT));
  ll_pairing_set_address (pairing, column_text (statement, COL_ADDRESS));
  ll_pairing_set_since (pairing, column_text (statement, COL_SINCE));
  ll_pairing_set_ended_on (pairing, column_text (statement, COL_ENDED_ON));
  ll_pairing_set_notes (pairing, column_text (statement, COL_NOTES));
  ll_pairing_set_version (pairing, sqlite3_column_int64 (statement->stmt, COL_VERSION));
  _ll_pairing_set_timestamps (pairing,
                              column_text (statement, COL_CREATED_AT),
                              column_text (statement, COL_UPDATED_AT));

  return pairing;
}

static void
fill_values (LlPairing *pairing,
             GValue     values[N_WRITE_COLUMNS])
{
  const char *texts[] = {
    NULL,
    ll_pairing_get_kind (pairing),
    ll_pairing_get_name (pairing),
    ll_pairing_get_contact (pairing),
    ll_pairing_get_address (pairing),
    ll_pairing_get_since (pairing),
    ll_pairing_get_ended_on (pairing),
    ll_pairing_get_notes (pairing),
  };

  g_value_init (&values[0], G_TYPE_INT64);
  g_value_set_int64 (&values[0], ll_pairing_get_person_id (pairing));
  for (guint i = 1; i < N_WRITE_COLUMNS; i++)
    {
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

static GPtrArray *
collect (LlStatement  *statement,
         GError      **error)
{
  g_autoptr(GPtrArray) pairings = g_ptr_array_new_with_free_func (g_object_unref);
  LlStep step;

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (pairings, pairing_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&pairings);
}

static void
set_gone_error (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("The pairing no longer exists; someone may have deleted it."));
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
                                    "SELECT version, created_at, updated_at FROM pairings "
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

static gboolean
check_person (LlDatabase  *db,
              gint64       person_id,
              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db, "SELECT 1 FROM people WHERE id = ?1", error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, person_id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("The person does not exist; someone may have deleted them."));
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

  if (!check_person (db, ll_pairing_get_person_id (write->pairing), error))
    return FALSE;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO pairings (person_id, kind, name, contact, "
                                    "address, since, ended_on, notes) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                    error);
  if (statement == NULL)
    return FALSE;

  fill_values (write->pairing, values);
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

  if (!check_person (db, ll_pairing_get_person_id (write->pairing), error))
    return FALSE;

  fill_values (write->pairing, values);
  ok = _ll_database_update_versioned (db, "pairings", ll_pairing_get_id (write->pairing),
                                      ll_pairing_get_version (write->pairing),
                                      write_columns, values, N_WRITE_COLUMNS, NULL, error);
  clear_values (values, N_WRITE_COLUMNS);

  return ok && read_state (db, ll_pairing_get_id (write->pairing), write, error);
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
      ll_pairing_set_id (write->pairing, write->id);
      ll_pairing_set_version (write->pairing, write->version);
      _ll_pairing_set_timestamps (write->pairing, write->created_at, write->updated_at);
    }

  g_clear_pointer (&write->created_at, g_free);
  g_clear_pointer (&write->updated_at, g_free);

  return ok;
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_pairing_store_create:
 * @db: a #LlDatabase
 * @pairing: an unsaved #LlPairing
 * @error: return location for a #GError
 *
 * Validates @pairing and adds it; its person must exist. On success
 * @pairing has its id and version.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_pairing_store_create (LlDatabase  *db,
                         LlPairing   *pairing,
                         GError     **error)
{
  Write write = { pairing, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PAIRING (pairing), FALSE);
  g_return_val_if_fail (ll_pairing_get_id (pairing) == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_pairing_validate (pairing, error))
    return FALSE;

  return run_write (db, create_func, &write, error);
}

/**
 * ll_pairing_store_get:
 * @db: a #LlDatabase
 * @id: a pairing id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the pairing, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlPairing *
ll_pairing_store_get (LlDatabase  *db,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) pairings = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " PAIRING_COLUMNS " FROM pairings AS x WHERE x.id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  pairings = collect (statement, error);
  if (pairings == NULL)
    return NULL;

  if (pairings->len == 0)
    {
      set_gone_error (error);
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (pairings, 0));
}

/**
 * ll_pairing_store_update:
 * @db: a #LlDatabase
 * @pairing: a saved #LlPairing
 * @error: return location for a #GError
 *
 * Saves @pairing if nobody saved it since it was read.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved it first
 */
gboolean
ll_pairing_store_update (LlDatabase  *db,
                         LlPairing   *pairing,
                         GError     **error)
{
  Write write = { pairing, };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PAIRING (pairing), FALSE);
  g_return_val_if_fail (ll_pairing_get_id (pairing) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_pairing_validate (pairing, error))
    return FALSE;

  return run_write (db, update_func, &write, error);
}

/**
 * ll_pairing_store_delete:
 * @db: a #LlDatabase
 * @pairing: a saved #LlPairing
 * @error: return location for a #GError
 *
 * Deletes the pairing (versioned). To keep it as history, set
 * #LlPairing:ended-on instead.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_pairing_store_delete (LlDatabase  *db,
                         LlPairing   *pairing,
                         GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_PAIRING (pairing), FALSE);
  g_return_val_if_fail (ll_pairing_get_id (pairing) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return _ll_database_delete_versioned (db, "pairings", ll_pairing_get_id (pairing),
                                        ll_pairing_get_version (pairing), error);
}

/**
 * ll_pairing_store_list_by_person:
 * @db: a #LlDatabase
 * @person_id: a person id
 * @include_ended: whether to list pairings that ended before today
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LlPairing) (nullable): the
 *   person's pairings, by kind and name
 */
GPtrArray *
ll_pairing_store_list_by_person (LlDatabase  *db,
                                 gint64       person_id,
                                 gboolean     include_ended,
                                 GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *today = ll_date_today ();

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " PAIRING_COLUMNS " FROM pairings AS x "
                                    "WHERE x.person_id = ?1 "
                                    "AND (?2 OR x.ended_on IS NULL OR x.ended_on >= ?3) "
                                    "ORDER BY x.kind, x.name, x.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, person_id);
  _ll_statement_bind_int64 (statement, 2, include_ended ? 1 : 0);
  _ll_statement_bind_text (statement, 3, today);

  return collect (statement, error);
}

/**
 * ll_pairing_store_list:
 * @db: a #LlDatabase
 * @kind: (nullable): a pairing-kind key, or %NULL for any
 * @include_ended: whether to list pairings that ended before today
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type LlPairing) (nullable): the
 *   pairings, by kind and name
 */
GPtrArray *
ll_pairing_store_list (LlDatabase  *db,
                       const char  *kind,
                       gboolean     include_ended,
                       GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autofree char *today = ll_date_today ();

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " PAIRING_COLUMNS " FROM pairings AS x "
                                    "WHERE (?1 IS NULL OR x.kind = ?1) "
                                    "AND (?2 OR x.ended_on IS NULL OR x.ended_on >= ?3) "
                                    "ORDER BY x.kind, x.name, x.id",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, kind);
  _ll_statement_bind_int64 (statement, 2, include_ended ? 1 : 0);
  _ll_statement_bind_text (statement, 3, today);

  return collect (statement, error);
}

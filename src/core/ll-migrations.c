/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-migrations"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-database-private.h"

/* Migrations are the resources schema/NNN-name.sql, applied in order;
 * migration N leaves the file at PRAGMA user_version = N. */
#define SCHEMA_RESOURCE_DIR "/org/lianluo/Lianluo/core/schema/"

typedef struct
{
  int   version;
  char *resource;
  char *sql;      /* instead of the resource: a test's extra migration */
} Migration;

/* _ll_migrations_add_test_migration() */
static char *test_migration_name;
static char *test_migration_sql;

static void
migration_free (Migration *migration)
{
  g_free (migration->resource);
  g_free (migration->sql);
  g_free (migration);
}

static int
compare_migrations (gconstpointer a,
                    gconstpointer b)
{
  const Migration *ma = *(const Migration * const *) a;
  const Migration *mb = *(const Migration * const *) b;

  return (ma->version > mb->version) - (ma->version < mb->version);
}

static GPtrArray *
list_migrations (void)
{
  static GPtrArray *migrations;
  static gsize initialized;

  if (g_once_init_enter (&initialized))
    {
      g_auto(GStrv) names = NULL;
      g_autoptr(GError) error = NULL;
      GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) migration_free);

      _ll_database_ensure_resources ();

      names = g_resources_enumerate_children (SCHEMA_RESOURCE_DIR, 0, &error);
      if (names == NULL)
        g_critical ("No schema in the resources: %s", error->message);

      for (guint i = 0; names != NULL && names[i] != NULL; i++)
        {
          char *end = NULL;
          gint64 version = g_ascii_strtoll (names[i], &end, 10);
          Migration *migration;

          if (end == names[i] || *end != '-' || !g_str_has_suffix (names[i], ".sql") ||
              version <= 0 || version > G_MAXINT)
            {
              g_critical ("Badly named migration %s", names[i]);
              continue;
            }

          migration = g_new0 (Migration, 1);
          migration->version = (int) version;
          migration->resource = g_strconcat (SCHEMA_RESOURCE_DIR, names[i], NULL);
          g_ptr_array_add (list, migration);
        }

      g_ptr_array_sort (list, compare_migrations);

      for (guint i = 0; i < list->len; i++)
        {
          Migration *migration = g_ptr_array_index (list, i);

          /* A gap or a duplicate is a packaging mistake, not bad data. */
          if (migration->version != (int) i + 1)
            g_critical ("Migration %s should be number %u", migration->resource, i + 1);
        }

      if (test_migration_sql != NULL)
        {
          Migration *migration = g_new0 (Migration, 1);

          migration->version = (int) list->len + 1;
          migration->resource = g_strdup_printf ("%03d-%s (test)", migration->version,
                                                 test_migration_name);
          migration->sql = g_strdup (test_migration_sql);
          g_ptr_array_add (list, migration);
        }

      migrations = list;
      g_once_init_leave (&initialized, 1);
    }

  return migrations;
}

/**
 * _ll_migrations_add_test_migration:
 * @name: a name for messages
 * @sql: the migration's SQL
 *
 * For tests only, before any database is opened: adds @sql as one more
 * migration after the last real one, so that the upgrade path (check,
 * backup, migration, rollback) is tested from the current schema too.
 */
void
_ll_migrations_add_test_migration (const char *name,
                                   const char *sql)
{
  g_return_if_fail (test_migration_sql == NULL);
  g_return_if_fail (sql != NULL);

  test_migration_name = g_strdup (name);
  test_migration_sql = g_strdup (sql);
}

/**
 * _ll_migrations_get_latest:
 *
 * Returns: the schema version after the last migration
 */
int
_ll_migrations_get_latest (void)
{
  GPtrArray *migrations = list_migrations ();

  return (int) migrations->len;
}

static gboolean
exec (sqlite3     *db,
      const char  *sql,
      const char  *name,
      GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, db, rc, name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
get_pragma_int (sqlite3    *db,
                const char *pragma,
                int        *value,
                int        *rc)
{
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, pragma, -1, &stmt, NULL);
  if (*rc == SQLITE_OK)
    {
      *rc = sqlite3_step (stmt);
      if (*rc == SQLITE_ROW)
        {
          *value = sqlite3_column_int (stmt, 0);
          *rc = SQLITE_OK;
        }
    }
  sqlite3_finalize (stmt);

  return *rc == SQLITE_OK;
}

static gboolean
check_foreign_keys (sqlite3          *db,
                    const Migration  *migration,
                    const char       *name,
                    GError          **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);

  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);

  if (rc == SQLITE_ROW)
    {
      g_critical ("%s leaves broken references", migration->resource);
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                   _("The database “%s” could not be upgraded."), name);
      return FALSE;
    }

  if (rc != SQLITE_DONE)
    {
      _ll_database_set_sqlite_error (error, db, rc, name);
      return FALSE;
    }

  return TRUE;
}

static gboolean
apply_one (sqlite3          *db,
           const Migration  *migration,
           const char       *name,
           GError          **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *set_version = NULL;
  int version = 0;
  int rc;

  if (migration->sql != NULL)
    sql = g_strdup (migration->sql);
  else
    {
      bytes = g_resources_lookup_data (migration->resource, 0, &local_error);
      if (bytes == NULL)
        {
          g_critical ("Cannot read %s: %s", migration->resource, local_error->message);
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                       _("The database “%s” could not be upgraded."), name);
          return FALSE;
        }
      sql = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    }

  if (!exec (db, "BEGIN IMMEDIATE", name, error))
    return FALSE;

  /* Another process may have upgraded the file while we waited. */
  if (!get_pragma_int (db, "PRAGMA user_version", &version, &rc))
    {
      _ll_database_set_sqlite_error (error, db, rc, name);
      goto fail;
    }

  if (version >= migration->version)
    return exec (db, "COMMIT", name, error);

  if (version != migration->version - 1)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                   _("The database “%s” could not be upgraded."), name);
      goto fail;
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", migration->version);

  if ((migration->version == 1 &&
       !exec (db, "PRAGMA application_id = " G_STRINGIFY (LL_DATABASE_APPLICATION_ID),
              name, error)) ||
      !exec (db, sql, name, error))
    goto fail;

  /* Foreign keys are off while migrating (a table can then be rebuilt
   * the way SQLite's documentation describes); check them before
   * committing instead. */
  if (!check_foreign_keys (db, migration, name, error) ||
      !exec (db, set_version, name, error) ||
      !exec (db, "COMMIT", name, error))
    goto fail;

  g_debug ("Applied %s to “%s”", migration->resource, name);

  return TRUE;

fail:
  if (!sqlite3_get_autocommit (db))
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
  return FALSE;
}

/**
 * _ll_migrations_apply:
 * @db: a writable connection with the Lianluo SQL functions registered
 * @name: the file's name, for messages
 * @target: the schema version to reach
 * @error: return location for a #GError
 *
 * Applies the migrations after the file's `user_version` up to @target,
 * each in its own transaction with its `user_version`. The first one
 * also sets the application id. Used by ll_database_open() and by tests
 * that build files of earlier versions.
 *
 * Returns: %TRUE on success
 */
gboolean
_ll_migrations_apply (sqlite3     *db,
                      const char  *name,
                      int          target,
                      GError     **error)
{
  GPtrArray *migrations = list_migrations ();
  int version = 0;
  int foreign_keys = 0;
  gboolean ok = TRUE;
  int rc;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (target >= 0 && target <= (int) migrations->len, FALSE);

  if (!get_pragma_int (db, "PRAGMA user_version", &version, &rc))
    {
      _ll_database_set_sqlite_error (error, db, rc, name);
      return FALSE;
    }

  if (version >= target)
    return TRUE;

  /* Only possible outside a transaction; restored afterwards. */
  if (!get_pragma_int (db, "PRAGMA foreign_keys", &foreign_keys, &rc) ||
      !exec (db, "PRAGMA foreign_keys = OFF", name, error))
    {
      if (rc != SQLITE_OK)
        _ll_database_set_sqlite_error (error, db, rc, name);
      return FALSE;
    }

  for (int i = version; i < target && ok; i++)
    ok = apply_one (db, g_ptr_array_index (migrations, i), name, error);

  if (foreign_keys)
    sqlite3_exec (db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);

  return ok;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* For the stores, models and workflow in src/core only: the raw
 * connection, cached statements and the versioned-update helpers. Code
 * outside src/core uses ll-database.h.
 *
 * A store writes inside ll_database_write(), so that a record and its
 * children, events and serial are one transaction:
 *
 *   static gboolean
 *   rename_func (LlDatabase *db, gpointer user_data, GError **error)
 *   {
 *     Rename *rename = user_data;
 *     const char *columns[] = { "name" };
 *     GValue values[1] = { G_VALUE_INIT };
 *
 *     g_value_init (&values[0], G_TYPE_STRING);
 *     g_value_set_string (&values[0], rename->name);
 *     // CONFLICT if someone saved first, NOT_FOUND if deleted
 *     return _ll_database_update_versioned (db, "stations", rename->id, rename->version,
 *                                           columns, values, 1, &rename->new_version, error);
 *   }
 *
 * Inserts use `INSERT … RETURNING id`; reads use
 *
 *   g_autoptr(LlStatement) s = _ll_database_prepare (db, "SELECT … WHERE id = ?1", error);
 *   _ll_statement_bind_int64 (s, 1, id);
 *   while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
 *     … sqlite3_column_text (s->stmt, 0) …
 *
 * Validate values first and report LL_DATABASE_ERROR_INVALID with a
 * sentence naming the field; the CHECK constraints of the schema are the
 * last line, and their messages are technical. A worker thread uses its
 * own connection from ll_database_open_secondary(). */

#include <sqlite3.h>

#include "ll-database.h"

G_BEGIN_DECLS

/**
 * LlStatement:
 * @db: the database it belongs to (borrowed)
 * @stmt: the prepared statement; read columns with sqlite3_column_*()
 * @sql: the SQL text, the key of the statement cache
 *
 * A cached prepared statement checked out of the cache by
 * _ll_database_prepare(). Free it (g_autoptr) to reset it and return it
 * to the cache; never keep one beyond the function that prepared it.
 */
struct _LlStatement
{
  LlDatabase   *db;
  sqlite3_stmt *stmt;
  char         *sql;
};

typedef enum
{
  LL_STEP_ERROR = 0,
  LL_STEP_ROW,
  LL_STEP_DONE,
} LlStep;

/* The SQL functions the triggers call: ll_user() and ll_host() return
 * the identity given, ll_log_changes() returns 1. */
void          _ll_database_register_functions    (sqlite3              *db,
                                                   const char           *user,
                                                   const char           *host);

sqlite3      *_ll_database_get_handle            (LlDatabase           *self);
gboolean      _ll_database_in_write              (LlDatabase           *self);

/* Sets @error from SQLite result code @rc of this connection (mapping
 * FULL, IOERR, READONLY, BUSY, CORRUPT, CONSTRAINT … to LL_DATABASE_ERROR
 * codes; corruption also marks the database damaged). Returns FALSE. */
gboolean      _ll_database_set_error             (LlDatabase           *self,
                                                   int                   rc,
                                                   GError              **error);

LlStatement  *_ll_database_prepare               (LlDatabase           *self,
                                                   const char           *sql,
                                                   GError              **error);
void          _ll_statement_free                 (LlStatement          *self);
void          _ll_statement_bind_text            (LlStatement          *self,
                                                   int                   index,
                                                   const char           *value);
void          _ll_statement_bind_int64           (LlStatement          *self,
                                                   int                   index,
                                                   gint64                value);
void          _ll_statement_bind_double          (LlStatement          *self,
                                                   int                   index,
                                                   double                value);
void          _ll_statement_bind_null            (LlStatement          *self,
                                                   int                   index);
void          _ll_statement_bind_blob            (LlStatement          *self,
                                                   int                   index,
                                                   gconstpointer         data,
                                                   gsize                 size);
void          _ll_statement_bind_value           (LlStatement          *self,
                                                   int                   index,
                                                   const GValue         *value);
LlStep        _ll_statement_step                 (LlStatement          *self,
                                                   GError              **error);
gboolean      _ll_statement_execute              (LlStatement          *self,
                                                   GError              **error);
char         *_ll_statement_dup_text             (LlStatement          *self,
                                                   int                   column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlStatement, _ll_statement_free)

/* Runs several statements without caching them (schema changes). */
gboolean      _ll_database_exec                  (LlDatabase           *self,
                                                   const char           *sql,
                                                   GError              **error);

/* After an `UPDATE … WHERE id = ? AND version = ?` or `DELETE …` that
 * changed nothing: sets CONFLICT (the row exists with another version;
 * the message names who saved it) or NOT_FOUND (the row is gone).
 * Returns FALSE. */
gboolean      _ll_database_explain_unchanged     (LlDatabase           *self,
                                                   const char           *table,
                                                   gint64                id,
                                                   GError              **error);

/* UPDATE table SET columns[i] = values[i] …, version = version + 1,
 * updated_at = now WHERE id = @id AND version = @expected_version.
 * Runs inside the current write or its own. @new_version receives the
 * row's new version. */
gboolean      _ll_database_update_versioned      (LlDatabase           *self,
                                                   const char           *table,
                                                   gint64                id,
                                                   gint64                expected_version,
                                                   const char * const   *columns,
                                                   const GValue         *values,
                                                   guint                 n_columns,
                                                   gint64               *new_version,
                                                   GError              **error);
gboolean      _ll_database_delete_versioned      (LlDatabase           *self,
                                                   const char           *table,
                                                   gint64                id,
                                                   gint64                expected_version,
                                                   GError              **error);

/* Bulk generation into a new file only: no change_log rows. */
void          _ll_database_set_log_changes       (LlDatabase           *self,
                                                   gboolean              log_changes);

/* Tests and helpers. */
void          _ll_database_set_heartbeat_interval (LlDatabase          *self,
                                                   guint                 milliseconds);
gboolean      _ll_database_get_present           (LlDatabase           *self);
gboolean      _ll_database_mountinfo_locking_disabled (const char      *mountinfo,
                                                        guint            major,
                                                        guint            minor);

/* ll-migrations.c */
int           _ll_migrations_get_latest          (void);
void          _ll_migrations_add_test_migration  (const char           *name,
                                                   const char           *sql);
gboolean      _ll_migrations_apply               (sqlite3              *db,
                                                   const char           *name,
                                                   int                   target,
                                                   GError              **error);

/* ll-database.c, shared with ll-migrations.c */
void          _ll_database_ensure_resources      (void);
void          _ll_database_set_sqlite_error      (GError              **error,
                                                   sqlite3              *db,
                                                   int                   rc,
                                                   const char           *name);

G_END_DECLS

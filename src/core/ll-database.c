/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-database"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include "ll-core-resources.h"
#include "ll-context.h"
#include "ll-database-private.h"

/* Defaults; the setters change them (tests use small values). */
#define DEFAULT_BUSY_TIMEOUT_MS        5000
#define DEFAULT_POLL_INTERVAL_MS       2000
#define DEFAULT_HEARTBEAT_INTERVAL_MS  30000

/* Others are listed when their heartbeat is this recent. */
#define PRESENCE_WINDOW_S              90
/* Presence rows this old belong to programs that did not close the file. */
#define PRESENCE_FORGET                "-1 day"

/* #LlDatabase::changed carries at most this many rows; past it, NULL
 * ("reload everything") so that a big import does not build 500,000
 * objects. */
#define MAX_CHANGES                    10000

/* The statement cache stops growing here (dynamic list queries). */
#define MAX_CACHED_STATEMENTS          256

#define BACKUP_PAGES_PER_STEP          256

#define TIMESTAMP_NOW                  "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')"

/* statfs() f_type of network and user-space file systems. */
#define NFS_SUPER_MAGIC_   0x6969
#define SMB_SUPER_MAGIC_   0x517B
#define CIFS_SUPER_MAGIC_  0xFF534D42
#define SMB2_SUPER_MAGIC_  0xFE534D42
#define FUSE_SUPER_MAGIC_  0x65735546
#define V9FS_SUPER_MAGIC_  0x01021997
#define CEPH_SUPER_MAGIC_  0x00C36400
#define AFS_SUPER_MAGIC_   0x5346414F

typedef struct
{
  char     *user;
  char     *host;
  gboolean  log_changes;
} Identity;

struct _LlDatabase
{
  GObject       parent_instance;

  /* Owned */
  sqlite3      *db;
  char         *path;
  char         *name;           /* for messages: the file's display name */
  char         *uri;            /* non-NULL when opened as an immutable URI */
  GHashTable   *statements;     /* SQL text → sqlite3_stmt */
  GMainContext *context;
  GSource      *poll_source;
  GSource      *heartbeat_source;
  GSource      *changes_source;
  GCancellable *cancellable;
  gpointer      check_latch;    /* the background check's Latch */

  /* Owned by the connection (ll_user's destroy notify) */
  Identity     *identity;

  gint64        last_seq;
  gint64        data_version;
  gint64        presence_id;
  gint64        write_deadline;   /* monotonic µs, 0 outside writes */
  gint64        episode_deadline; /* monotonic µs, for reads */

  guint         busy_timeout_ms;
  guint         poll_interval_ms;
  guint         heartbeat_interval_ms;
  int           schema_version;
  int           write_depth;
  int           damaged;          /* atomic */

  guint         read_only : 1;
  guint         on_share : 1;
  guint         locking_disabled : 1;
  guint         secondary : 1;
  guint         checked : 1;
  guint         closed : 1;
  guint         journal_mode_pending : 1;
};

G_DEFINE_FINAL_TYPE (LlDatabase, ll_database, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_READ_ONLY,
  PROP_DAMAGED,
  PROP_CHECKED,
  PROP_ON_NETWORK_SHARE,
  PROP_LOCKING_DISABLED,
  PROP_USER,
  PROP_HOST,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_QUARK (ll-database-error-quark, ll_database_error)

static gboolean emit_new_changes (LlDatabase *self);
static gboolean is_identifier (const char *name);
static void presence_register (LlDatabase *self);

/* Errors ----------------------------------------------------------------- */

static void
set_error (GError          **error,
           LlDatabaseError   code,
           const char       *name)
{
  switch (code)
    {
    case LL_DATABASE_ERROR_NOT_A_DATABASE:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The file “%s” is not a Lianluo database."), name);
      break;

    case LL_DATABASE_ERROR_FOREIGN:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The file “%s” is a database made by another program; "
                     "Lianluo has not changed it."), name);
      break;

    case LL_DATABASE_ERROR_TOO_NEW:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The database “%s” needs a newer version of Lianluo; "
                     "it has not been changed."), name);
      break;

    case LL_DATABASE_ERROR_DAMAGED:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The database file “%s” is damaged; it has not been changed. "
                     "Restore it from a backup."), name);
      break;

    case LL_DATABASE_ERROR_READ_ONLY:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The database “%s” is read-only; nothing can be saved."), name);
      break;

    case LL_DATABASE_ERROR_BUSY:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The database is busy: someone else is writing to it. "
                     "Try again in a moment."));
      break;

    case LL_DATABASE_ERROR_DISK_FULL:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The disk holding “%s” is full; nothing was saved."), name);
      break;

    case LL_DATABASE_ERROR_IO:
      g_set_error (error, LL_DATABASE_ERROR, code,
                   _("The database file “%s” could not be read or written; "
                     "nothing was saved."), name);
      break;

    case LL_DATABASE_ERROR_CONFLICT:
      g_set_error_literal (error, LL_DATABASE_ERROR, code,
                           _("Someone else saved this record first."));
      break;

    case LL_DATABASE_ERROR_INVALID:
      g_set_error_literal (error, LL_DATABASE_ERROR, code,
                           _("A value is not allowed."));
      break;

    case LL_DATABASE_ERROR_NOT_FOUND:
      g_set_error_literal (error, LL_DATABASE_ERROR, code,
                           _("This record no longer exists; someone may have deleted it."));
      break;

    case LL_DATABASE_ERROR_FAILED:
    default:
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                   _("The database “%s” could not be used."), name);
      break;
    }
}

/* The text after "constraint failed: " in SQLite's message, on one line. */
static char *
constraint_detail (const char *message)
{
  const char *colon = message != NULL ? strstr (message, "failed: ") : NULL;
  const char *detail = colon != NULL ? colon + strlen ("failed: ") : (message ? message : "");
  GString *result = g_string_new (NULL);

  for (const char *p = detail; *p != '\0'; p++)
    {
      if (g_ascii_isspace (*p))
        {
          if (result->len > 0 && result->str[result->len - 1] != ' ')
            g_string_append_c (result, ' ');
        }
      else
        g_string_append_c (result, *p);
    }

  return g_string_free (result, FALSE);
}

void
_ll_database_set_sqlite_error (GError     **error,
                               sqlite3     *db,
                               int          rc,
                               const char  *name)
{
  int primary = rc & 0xff;
  int sys_errno = 0;
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);
  g_autofree char *detail = NULL;

  if (error == NULL)
    return;

  if (db != NULL && (primary == SQLITE_IOERR || primary == SQLITE_FULL ||
                     primary == SQLITE_CANTOPEN))
    sys_errno = sqlite3_system_errno (db);

  g_debug ("SQLite error %d on “%s”: %s (errno %d)", rc, name, message, sys_errno);

  if (primary == SQLITE_FULL || sys_errno == ENOSPC || sys_errno == EDQUOT)
    {
      set_error (error, LL_DATABASE_ERROR_DISK_FULL, name);
      return;
    }

  switch (primary)
    {
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
      if (sys_errno == EROFS)
        set_error (error, LL_DATABASE_ERROR_READ_ONLY, name);
      else if (sys_errno != 0)
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                     _("The database file “%s” could not be read or written (%s); "
                       "nothing was saved."), name, g_strerror (sys_errno));
      else
        set_error (error, LL_DATABASE_ERROR_IO, name);
      break;

    case SQLITE_READONLY:
      set_error (error, LL_DATABASE_ERROR_READ_ONLY, name);
      break;

    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      set_error (error, LL_DATABASE_ERROR_BUSY, name);
      break;

    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      set_error (error, LL_DATABASE_ERROR_DAMAGED, name);
      break;

    case SQLITE_CONSTRAINT:
      detail = constraint_detail (message);
      switch (rc)
        {
        case SQLITE_CONSTRAINT_FOREIGNKEY:
          g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                               _("This record is still used by other records, or it refers "
                                 "to a record that does not exist."));
          break;

        case SQLITE_CONSTRAINT_UNIQUE:
        case SQLITE_CONSTRAINT_PRIMARYKEY:
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("This would duplicate an existing record (%s)."), detail);
          break;

        case SQLITE_CONSTRAINT_NOTNULL:
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("A required value is missing (%s)."), detail);
          break;

        default:
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                       _("A value is not allowed (%s)."), detail);
          break;
        }
      break;

    case SQLITE_TOOBIG:
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("The value is too large to be stored."));
      break;

    case SQLITE_INTERRUPT:
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("Cancelled."));
      break;

    default:
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                   _("The database “%s” could not be used: %s"), name, message);
      break;
    }
}

static gboolean
is_busy_code (int rc)
{
  return (rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED;
}

static gboolean
is_damage_code (int rc)
{
  return (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
}

static gboolean
notify_damaged_cb (gpointer data)
{
  LlDatabase *self = data;

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAMAGED]);

  return G_SOURCE_REMOVE;
}

/* Callable from any thread: the notification is delivered on the
 * context of the thread that opened the database. */
static void
mark_damaged (LlDatabase *self)
{
  if (!g_atomic_int_compare_and_exchange (&self->damaged, 0, 1))
    return;

  g_message ("The database “%s” is damaged; writing is now refused", self->path);

  /* While opening there is no one to tell yet (and the reference held
   * by the notification would keep a refused file open). */
  if (self->context != NULL)
    ll_context_post (self->context, G_PRIORITY_DEFAULT, notify_damaged_cb,
                     g_object_ref (self), g_object_unref);
}

gboolean
_ll_database_set_error (LlDatabase  *self,
                        int          rc,
                        GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  if (is_damage_code (rc))
    mark_damaged (self);

  _ll_database_set_sqlite_error (error, self->db, rc, self->name);

  return FALSE;
}

/* SQL functions ------------------------------------------------------------ */

static void
identity_free (void *data)
{
  Identity *identity = data;

  g_free (identity->user);
  g_free (identity->host);
  g_free (identity);
}

static void
sql_user_cb (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  Identity *identity = sqlite3_user_data (context);

  sqlite3_result_text (context, identity->user, -1, SQLITE_TRANSIENT);
}

static void
sql_host_cb (sqlite3_context  *context,
             int               argc,
             sqlite3_value   **argv)
{
  Identity *identity = sqlite3_user_data (context);

  sqlite3_result_text (context, identity->host, -1, SQLITE_TRANSIENT);
}

static void
sql_log_changes_cb (sqlite3_context  *context,
                    int               argc,
                    sqlite3_value   **argv)
{
  Identity *identity = sqlite3_user_data (context);

  sqlite3_result_int (context, identity->log_changes ? 1 : 0);
}

static Identity *
register_functions (sqlite3    *db,
                    const char *user,
                    const char *host)
{
  Identity *identity = g_new0 (Identity, 1);

  identity->user = g_strdup (user);
  identity->host = g_strdup (host);
  identity->log_changes = TRUE;

  /* ll_user owns the identity; the others borrow it (all go at close). */
  sqlite3_create_function_v2 (db, "ll_user", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, identity,
                              sql_user_cb, NULL, NULL, identity_free);
  sqlite3_create_function_v2 (db, "ll_host", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, identity,
                              sql_host_cb, NULL, NULL, NULL);
  sqlite3_create_function_v2 (db, "ll_log_changes", 0, SQLITE_UTF8 | SQLITE_INNOCUOUS, identity,
                              sql_log_changes_cb, NULL, NULL, NULL);

  return identity;
}

/**
 * _ll_database_register_functions:
 * @db: a connection
 * @user: what ll_user() returns
 * @host: what ll_host() returns
 *
 * Registers the SQL functions the change_log triggers need, for
 * connections made without #LlDatabase (tests, tools).
 */
void
_ll_database_register_functions (sqlite3    *db,
                                 const char *user,
                                 const char *host)
{
  g_return_if_fail (db != NULL);

  register_functions (db, user, host);
}

static int
busy_handler_cb (void *data,
                 int   count)
{
  LlDatabase *self = data;
  gint64 now = g_get_monotonic_time ();
  gint64 deadline;
  gint64 sleep_us;

  if (self->write_deadline != 0)
    {
      deadline = self->write_deadline;
    }
  else
    {
      if (count == 0)
        self->episode_deadline = now + (gint64) self->busy_timeout_ms * 1000;
      deadline = self->episode_deadline;
    }

  if (now >= deadline)
    return 0;

  /* Short sleeps: a writer in a tight loop leaves only short gaps. */
  sleep_us = MIN ((gint64) 500 << MIN (count, 5), 10000);
  g_usleep (MIN (sleep_us, deadline - now));

  return 1;
}

static int
progress_cb (void *data)
{
  return g_cancellable_is_cancelled (G_CANCELLABLE (data));
}

/* Statements --------------------------------------------------------------- */

/**
 * _ll_database_prepare:
 * @self: a #LlDatabase
 * @sql: one SQL statement
 * @error: return location for a #GError
 *
 * Checks a prepared statement for @sql out of the cache, preparing it
 * when needed. A statement still in use (nested queries) gets a fresh
 * copy.
 *
 * Returns: (transfer full) (nullable): the statement; free it with
 *   _ll_statement_free() (g_autoptr)
 */
LlStatement *
_ll_database_prepare (LlDatabase  *self,
                      const char  *sql,
                      GError     **error)
{
  LlStatement *statement;
  sqlite3_stmt *stmt = NULL;
  gpointer key = NULL;
  gpointer value = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (self->closed)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                           _("The database has been closed."));
      return NULL;
    }

  if (g_hash_table_steal_extended (self->statements, sql, &key, &value))
    {
      stmt = value;
    }
  else
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          _ll_database_set_error (self, rc, error);
          return NULL;
        }

      key = g_strdup (sql);
    }

  statement = g_new0 (LlStatement, 1);
  statement->db = self;
  statement->stmt = stmt;
  statement->sql = key;

  return statement;
}

/**
 * _ll_statement_free:
 * @self: (nullable): a statement from _ll_database_prepare()
 *
 * Resets the statement and returns it to the cache.
 */
void
_ll_statement_free (LlStatement *self)
{
  LlDatabase *db;

  if (self == NULL)
    return;

  db = self->db;
  sqlite3_reset (self->stmt);
  sqlite3_clear_bindings (self->stmt);

  if (db->statements != NULL &&
      g_hash_table_size (db->statements) < MAX_CACHED_STATEMENTS &&
      !g_hash_table_contains (db->statements, self->sql))
    {
      g_hash_table_insert (db->statements, self->sql, self->stmt);
    }
  else
    {
      sqlite3_finalize (self->stmt);
      g_free (self->sql);
    }

  g_free (self);
}

static void
check_bind (LlStatement *self,
            int          rc,
            int          index)
{
  if (rc != SQLITE_OK)
    g_critical ("Cannot bind parameter %d of “%s”: %s", index, self->sql, sqlite3_errstr (rc));
}

void
_ll_statement_bind_text (LlStatement *self,
                         int          index,
                         const char  *value)
{
  if (value == NULL)
    check_bind (self, sqlite3_bind_null (self->stmt, index), index);
  else
    check_bind (self, sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT), index);
}

void
_ll_statement_bind_int64 (LlStatement *self,
                          int          index,
                          gint64       value)
{
  check_bind (self, sqlite3_bind_int64 (self->stmt, index, value), index);
}

void
_ll_statement_bind_double (LlStatement *self,
                           int          index,
                           double       value)
{
  check_bind (self, sqlite3_bind_double (self->stmt, index, value), index);
}

void
_ll_statement_bind_null (LlStatement *self,
                         int          index)
{
  check_bind (self, sqlite3_bind_null (self->stmt, index), index);
}

void
_ll_statement_bind_blob (LlStatement   *self,
                         int            index,
                         gconstpointer  data,
                         gsize          size)
{
  if (data == NULL)
    check_bind (self, sqlite3_bind_null (self->stmt, index), index);
  else
    check_bind (self, sqlite3_bind_blob64 (self->stmt, index, data, size, SQLITE_TRANSIENT),
                index);
}

/**
 * _ll_statement_bind_value:
 * @self: a statement
 * @index: the parameter, from 1
 * @value: (nullable): a string, integer, boolean, double or #GBytes
 *   value; %NULL, an unset value or a %NULL string binds SQL NULL
 *
 * Binds a #GValue.
 */
void
_ll_statement_bind_value (LlStatement  *self,
                          int           index,
                          const GValue *value)
{
  GType type = value != NULL ? G_VALUE_TYPE (value) : G_TYPE_INVALID;

  if (type == G_TYPE_INVALID)
    _ll_statement_bind_null (self, index);
  else if (type == G_TYPE_STRING)
    _ll_statement_bind_text (self, index, g_value_get_string (value));
  else if (type == G_TYPE_INT)
    _ll_statement_bind_int64 (self, index, g_value_get_int (value));
  else if (type == G_TYPE_UINT)
    _ll_statement_bind_int64 (self, index, g_value_get_uint (value));
  else if (type == G_TYPE_INT64)
    _ll_statement_bind_int64 (self, index, g_value_get_int64 (value));
  else if (type == G_TYPE_BOOLEAN)
    _ll_statement_bind_int64 (self, index, g_value_get_boolean (value) ? 1 : 0);
  else if (type == G_TYPE_DOUBLE)
    _ll_statement_bind_double (self, index, g_value_get_double (value));
  else if (type == G_TYPE_BYTES)
    {
      GBytes *bytes = g_value_get_boxed (value);
      gsize size = 0;
      gconstpointer data = bytes != NULL ? g_bytes_get_data (bytes, &size) : NULL;

      /* An empty blob is not NULL. */
      _ll_statement_bind_blob (self, index, data != NULL || bytes == NULL ? data : "", size);
    }
  else
    g_critical ("Cannot bind a value of type %s", g_type_name (type));
}

/**
 * _ll_statement_step:
 * @self: a statement
 * @error: return location for a #GError
 *
 * Returns: %LL_STEP_ROW, %LL_STEP_DONE, or %LL_STEP_ERROR with @error set
 */
LlStep
_ll_statement_step (LlStatement  *self,
                    GError      **error)
{
  int rc = sqlite3_step (self->stmt);

  if (rc == SQLITE_ROW)
    return LL_STEP_ROW;
  if (rc == SQLITE_DONE)
    return LL_STEP_DONE;

  _ll_database_set_error (self->db, rc, error);
  sqlite3_reset (self->stmt);

  return LL_STEP_ERROR;
}

/**
 * _ll_statement_execute:
 * @self: a statement
 * @error: return location for a #GError
 *
 * Steps @self to the end, ignoring rows.
 *
 * Returns: %TRUE on success
 */
gboolean
_ll_statement_execute (LlStatement  *self,
                       GError      **error)
{
  LlStep step;

  while ((step = _ll_statement_step (self, error)) == LL_STEP_ROW)
    ;

  return step == LL_STEP_DONE;
}

/**
 * _ll_statement_dup_text:
 * @self: a statement on a row
 * @column: the column, from 0
 *
 * Returns: (transfer full) (nullable): the column's text, or %NULL
 */
char *
_ll_statement_dup_text (LlStatement *self,
                        int          column)
{
  return g_strdup ((const char *) sqlite3_column_text (self->stmt, column));
}

gboolean
_ll_database_exec (LlDatabase  *self,
                   const char  *sql,
                   GError     **error)
{
  int rc;

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    return _ll_database_set_error (self, rc, error);

  return TRUE;
}

static gboolean
exec_cached (LlDatabase  *self,
             const char  *sql,
             int         *out_rc,
             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  int rc;

  statement = _ll_database_prepare (self, sql, error);
  if (statement == NULL)
    {
      *out_rc = sqlite3_extended_errcode (self->db);
      return FALSE;
    }

  while ((rc = sqlite3_step (statement->stmt)) == SQLITE_ROW)
    ;

  *out_rc = rc;
  if (rc != SQLITE_DONE)
    {
      /* Callers decide about BUSY; only the message is needed here. */
      if (!is_busy_code (rc))
        _ll_database_set_error (self, rc, error);
      return FALSE;
    }

  return TRUE;
}

sqlite3 *
_ll_database_get_handle (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);

  return self->db;
}

gboolean
_ll_database_in_write (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return self->write_depth > 0;
}

/* Presence ----------------------------------------------------------------- */

static gboolean
process_alive (gint64 pid)
{
  if (pid <= 0 || pid > G_MAXINT)
    return FALSE;

  return kill ((pid_t) pid, 0) == 0 || errno == EPERM;
}

static GPtrArray *
list_presence (LlDatabase  *self,
               GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) others = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_presence_free);
  LlStep step;

  statement = _ll_database_prepare (self,
                                    "SELECT user, host, pid, started_at, heartbeat FROM presence "
                                    "WHERE id IS NOT ?1 AND heartbeat >= strftime("
                                    "'%Y-%m-%dT%H:%M:%SZ', 'now', ?2) "
                                    "ORDER BY host, user, pid",
                                    error);
  if (statement == NULL)
    return NULL;

  if (self->presence_id != 0)
    _ll_statement_bind_int64 (statement, 1, self->presence_id);
  else
    _ll_statement_bind_null (statement, 1);
  {
    g_autofree char *window = g_strdup_printf ("-%d seconds", PRESENCE_WINDOW_S);
    _ll_statement_bind_text (statement, 2, window);
  }

  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    {
      const char *host = (const char *) sqlite3_column_text (statement->stmt, 1);
      gint64 pid = sqlite3_column_int64 (statement->stmt, 2);

      /* On this machine we can tell a crashed program from a live one. */
      if ((g_strcmp0 (host, self->identity->host) == 0 ||
           g_strcmp0 (host, g_get_host_name ()) == 0) &&
          pid != getpid () && !process_alive (pid))
        continue;

      g_ptr_array_add (others,
                       ll_presence_new ((const char *) sqlite3_column_text (statement->stmt, 0),
                                        host, pid,
                                        (const char *) sqlite3_column_text (statement->stmt, 3),
                                        (const char *) sqlite3_column_text (statement->stmt, 4)));
    }

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&others);
}

static void
set_busy_error (LlDatabase  *self,
                GError     **error)
{
  g_autoptr(GPtrArray) others = NULL;
  g_autoptr(GString) hosts = g_string_new (NULL);
  gint64 saved_deadline = self->write_deadline;

  /* Reading presence may itself meet a lock: do not wait long for it. */
  self->write_deadline = g_get_monotonic_time () + 200 * 1000;
  others = list_presence (self, NULL);
  self->write_deadline = saved_deadline;

  for (guint i = 0; others != NULL && i < others->len; i++)
    {
      LlPresence *presence = g_ptr_array_index (others, i);
      g_autofree char *needle = g_strdup_printf (", %s,", presence->host);
      g_autofree char *haystack = g_strdup_printf (", %s,", hosts->str);

      if (strstr (haystack, needle) != NULL)
        continue;
      if (hosts->len > 0)
        g_string_append (hosts, ", ");
      g_string_append (hosts, presence->host);
    }

  if (hosts->len > 0)
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_BUSY,
                 _("The database is busy: it is being written from %s. "
                   "Try again in a moment."), hosts->str);
  else
    set_error (error, LL_DATABASE_ERROR_BUSY, self->name);
}

/* Writing ------------------------------------------------------------------ */

static void
rollback (LlDatabase *self)
{
  int rc;

  if (sqlite3_get_autocommit (self->db))
    return;

  rc = sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    g_message ("Rolling back “%s” failed: %s", self->path, sqlite3_errmsg (self->db));
}

static gboolean
begin_immediate (LlDatabase  *self,
                 gint64       deadline,
                 GError     **error)
{
  for (;;)
    {
      int rc;

      if (exec_cached (self, "BEGIN IMMEDIATE", &rc, error))
        return TRUE;

      if (!is_busy_code (rc))
        return FALSE;

      /* Some kinds of busy bypass the busy handler: wait here too. */
      if (g_get_monotonic_time () >= deadline)
        {
          set_busy_error (self, error);
          return FALSE;
        }

      g_usleep (1000);
    }
}

static gboolean
commit (LlDatabase  *self,
        gint64       deadline,
        GError     **error)
{
  for (;;)
    {
      int rc;

      if (exec_cached (self, "COMMIT", &rc, error))
        return TRUE;

      if (!is_busy_code (rc))
        return FALSE;

      /* Readers in rollback-journal mode: the transaction stays open
       * and COMMIT can be retried. */
      if (g_get_monotonic_time () >= deadline)
        {
          set_busy_error (self, error);
          return FALSE;
        }

      g_usleep (1000);
    }
}

static gboolean
write_nested (LlDatabase           *self,
              LlDatabaseWriteFunc   func,
              gpointer              user_data,
              GError              **error)
{
  g_autofree char *savepoint = g_strdup_printf ("SAVEPOINT ll_%d", self->write_depth);
  g_autofree char *release = g_strdup_printf ("RELEASE ll_%d", self->write_depth);
  g_autofree char *undo = g_strdup_printf ("ROLLBACK TO ll_%d", self->write_depth);
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  if (!_ll_database_exec (self, savepoint, error))
    return FALSE;

  self->write_depth++;
  ok = func (self, user_data, &local_error);
  self->write_depth--;

  if (ok && local_error == NULL)
    return _ll_database_exec (self, release, error);

  if (!sqlite3_get_autocommit (self->db))
    {
      sqlite3_exec (self->db, undo, NULL, NULL, NULL);
      sqlite3_exec (self->db, release, NULL, NULL, NULL);
    }

  if (local_error == NULL)
    {
      g_critical ("A write function failed without setting an error");
      set_error (error, LL_DATABASE_ERROR_FAILED, self->name);
    }
  else
    g_propagate_error (error, g_steal_pointer (&local_error));

  return FALSE;
}

static gboolean
changes_idle_cb (gpointer data)
{
  LlDatabase *self = data;

  g_clear_pointer (&self->changes_source, g_source_unref);
  emit_new_changes (self);

  return G_SOURCE_REMOVE;
}

static void
schedule_changes (LlDatabase *self)
{
  if (self->secondary || self->context == NULL || self->changes_source != NULL)
    return;

  self->changes_source = g_idle_source_new ();
  g_source_set_priority (self->changes_source, G_PRIORITY_DEFAULT);
  g_source_set_callback (self->changes_source, changes_idle_cb, self, NULL);
  g_source_set_static_name (self->changes_source, "[lianluo] database changes");
  g_source_attach (self->changes_source, self->context);
}

static gboolean
write_internal (LlDatabase           *self,
                LlDatabaseWriteFunc   func,
                gpointer              user_data,
                guint                 busy_timeout_ms,
                gboolean              announce,
                GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 deadline;
  gboolean ok;

  if (self->closed)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                           _("The database has been closed."));
      return FALSE;
    }

  if (self->read_only)
    {
      set_error (error, LL_DATABASE_ERROR_READ_ONLY, self->name);
      return FALSE;
    }

  if (g_atomic_int_get (&self->damaged))
    {
      set_error (error, LL_DATABASE_ERROR_DAMAGED, self->name);
      return FALSE;
    }

  if (self->write_depth > 0)
    return write_nested (self, func, user_data, error);

  deadline = g_get_monotonic_time () + (gint64) busy_timeout_ms * 1000;
  self->write_deadline = deadline;

  ok = begin_immediate (self, deadline, &local_error);
  if (ok)
    {
      self->write_depth = 1;
      ok = func (self, user_data, &local_error);
      self->write_depth = 0;

      if (ok && local_error != NULL)
        {
          g_critical ("A write function succeeded but set an error: %s", local_error->message);
          ok = FALSE;
        }
      else if (!ok && local_error == NULL)
        {
          g_critical ("A write function failed without setting an error");
          set_error (&local_error, LL_DATABASE_ERROR_FAILED, self->name);
        }

      if (ok)
        ok = commit (self, deadline, &local_error);

      /* SQLite may already have rolled back (FULL, IOERR …). */
      if (!ok)
        rollback (self);
    }

  self->write_deadline = 0;

  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (announce)
    schedule_changes (self);

  return TRUE;
}

/* Changes ------------------------------------------------------------------ */

/* Returns FALSE when change_log could not be read (try again later). */
static gboolean
emit_new_changes (LlDatabase *self)
{
  g_autoptr(LlDatabase) hold = NULL;
  g_autoptr(GPtrArray) changes = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GError) error = NULL;
  gboolean too_many = FALSE;
  gint64 last_seq = self->last_seq;
  LlStep step;

  if (self->closed || self->write_depth > 0)
    return FALSE;

  statement = _ll_database_prepare (self,
                                    "SELECT seq, tbl, row_id, op, user, host, at FROM change_log "
                                    "WHERE seq > ?1 ORDER BY seq LIMIT ?2",
                                    &error);
  if (statement == NULL)
    {
      g_debug ("Cannot read change_log: %s", error->message);
      return FALSE;
    }

  _ll_statement_bind_int64 (statement, 1, self->last_seq);
  _ll_statement_bind_int64 (statement, 2, MAX_CHANGES + 1);

  changes = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_change_free);
  while ((step = _ll_statement_step (statement, &error)) == LL_STEP_ROW)
    {
      sqlite3_stmt *stmt = statement->stmt;
      LlChangeOp op = LL_CHANGE_UPDATE;

      if (changes->len == MAX_CHANGES)
        {
          too_many = TRUE;
          break;
        }

      ll_change_op_from_string ((const char *) sqlite3_column_text (stmt, 3), &op);
      last_seq = sqlite3_column_int64 (stmt, 0);
      g_ptr_array_add (changes,
                       ll_change_new (last_seq,
                                      (const char *) sqlite3_column_text (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2),
                                      op,
                                      (const char *) sqlite3_column_text (stmt, 4),
                                      (const char *) sqlite3_column_text (stmt, 5),
                                      (const char *) sqlite3_column_text (stmt, 6)));
    }

  if (step == LL_STEP_ERROR)
    {
      g_debug ("Cannot read change_log: %s", error->message);
      return FALSE;
    }

  g_clear_pointer (&statement, _ll_statement_free);

  if (too_many)
    {
      g_autoptr(LlStatement) max = _ll_database_prepare (self, "SELECT max(seq) FROM change_log",
                                                         NULL);

      if (max == NULL || _ll_statement_step (max, NULL) != LL_STEP_ROW)
        return FALSE;
      last_seq = sqlite3_column_int64 (max->stmt, 0);
      g_clear_pointer (&changes, g_ptr_array_unref);
    }
  else if (changes->len == 0)
    return TRUE;

  self->last_seq = last_seq;

  hold = g_object_ref (self);
  g_signal_emit (self, signals[CHANGED], 0, changes);

  return TRUE;
}

static gboolean
read_data_version (LlDatabase *self,
                   gint64     *version)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (self, "PRAGMA data_version", NULL);

  if (statement == NULL || _ll_statement_step (statement, NULL) != LL_STEP_ROW)
    return FALSE;

  *version = sqlite3_column_int64 (statement->stmt, 0);

  return TRUE;
}

static gboolean
poll_cb (gpointer data)
{
  LlDatabase *self = data;

  ll_database_poll_changes (self);

  return G_SOURCE_CONTINUE;
}

static void
restart_poll (LlDatabase *self)
{
  if (self->poll_source != NULL)
    {
      g_source_destroy (self->poll_source);
      g_clear_pointer (&self->poll_source, g_source_unref);
    }

  if (self->secondary || self->closed || self->context == NULL)
    return;

  self->poll_source = g_timeout_source_new (self->poll_interval_ms);
  g_source_set_callback (self->poll_source, poll_cb, self, NULL);
  g_source_set_static_name (self->poll_source, "[lianluo] database poll");
  g_source_attach (self->poll_source, self->context);
}

/* Presence writes ---------------------------------------------------------- */

static gboolean
presence_insert_func (LlDatabase  *self,
                      gpointer     user_data,
                      GError     **error)
{
  g_autoptr(LlStatement) forget = NULL;
  g_autoptr(LlStatement) insert = NULL;

  forget = _ll_database_prepare (self,
                                 "DELETE FROM presence WHERE heartbeat < strftime("
                                 "'%Y-%m-%dT%H:%M:%SZ', 'now', '" PRESENCE_FORGET "')",
                                 error);
  if (forget == NULL || !_ll_statement_execute (forget, error))
    return FALSE;

  insert = _ll_database_prepare (self,
                                 "INSERT INTO presence (user, host, pid) VALUES (?1, ?2, ?3) "
                                 "RETURNING id",
                                 error);
  if (insert == NULL)
    return FALSE;

  _ll_statement_bind_text (insert, 1, self->identity->user);
  _ll_statement_bind_text (insert, 2, self->identity->host);
  _ll_statement_bind_int64 (insert, 3, getpid ());

  if (_ll_statement_step (insert, error) != LL_STEP_ROW)
    return FALSE;

  self->presence_id = sqlite3_column_int64 (insert->stmt, 0);

  return _ll_statement_execute (insert, error);
}

static gboolean
presence_heartbeat_func (LlDatabase  *self,
                         gpointer     user_data,
                         GError     **error)
{
  g_autoptr(LlStatement) update = NULL;

  update = _ll_database_prepare (self,
                                 "UPDATE presence SET heartbeat = " TIMESTAMP_NOW " WHERE id = ?1",
                                 error);
  if (update == NULL)
    return FALSE;

  _ll_statement_bind_int64 (update, 1, self->presence_id);
  if (!_ll_statement_execute (update, error))
    return FALSE;

  /* Someone forgot us (a machine asleep for a day): come back. */
  if (sqlite3_changes (self->db) == 0)
    {
      g_clear_pointer (&update, _ll_statement_free);
      return presence_insert_func (self, NULL, error);
    }

  return TRUE;
}

static gboolean
presence_delete_func (LlDatabase  *self,
                      gpointer     user_data,
                      GError     **error)
{
  g_autoptr(LlStatement) delete = NULL;

  delete = _ll_database_prepare (self, "DELETE FROM presence WHERE id = ?1", error);
  if (delete == NULL)
    return FALSE;

  _ll_statement_bind_int64 (delete, 1, self->presence_id);

  return _ll_statement_execute (delete, error);
}

static gboolean
heartbeat_cb (gpointer data)
{
  LlDatabase *self = data;
  g_autoptr(GError) error = NULL;

  /* Never keep the window waiting for a heartbeat: try briefly. */
  if (!write_internal (self, presence_heartbeat_func, NULL, 250, FALSE, &error))
    g_debug ("Presence heartbeat skipped: %s", error->message);

  return G_SOURCE_CONTINUE;
}

static void
restart_heartbeat (LlDatabase *self)
{
  if (self->heartbeat_source != NULL)
    {
      g_source_destroy (self->heartbeat_source);
      g_clear_pointer (&self->heartbeat_source, g_source_unref);
    }

  if (self->presence_id == 0 || self->closed || self->context == NULL)
    return;

  self->heartbeat_source = g_timeout_source_new (self->heartbeat_interval_ms);
  g_source_set_callback (self->heartbeat_source, heartbeat_cb, self, NULL);
  g_source_set_static_name (self->heartbeat_source, "[lianluo] presence heartbeat");
  g_source_attach (self->heartbeat_source, self->context);
}

static void
presence_register (LlDatabase *self)
{
  g_autoptr(GError) error = NULL;

  if (self->read_only || self->secondary || self->presence_id != 0 || self->closed)
    return;

  if (!write_internal (self, presence_insert_func, NULL, 1000, FALSE, &error))
    {
      g_debug ("Cannot register presence in “%s”: %s", self->path, error->message);
      self->presence_id = 0;
      return;
    }

  restart_heartbeat (self);
}

/* Side connections: checks and backups ----------------------------------- */

/* Lets ll_database_close() wait until the background check has let go of
 * the file (once cancelled, that takes microseconds), so that nothing in
 * this process holds it open afterwards. */
typedef struct
{
  GMutex   mutex;
  GCond    cond;
  gboolean done;
  /* The check's connection while it is open, so that closing the
   * database can interrupt it: the integrity check runs inside one
   * SQLite opcode, where the progress handler never fires, but
   * sqlite3_interrupt() stops it within milliseconds. */
  sqlite3  *db;
  gboolean  interrupted;
} Latch;

static Latch *
latch_new (void)
{
  Latch *latch = g_atomic_rc_box_new0 (Latch);

  g_mutex_init (&latch->mutex);
  g_cond_init (&latch->cond);

  return latch;
}

static void
latch_clear (gpointer data)
{
  Latch *latch = data;

  g_mutex_clear (&latch->mutex);
  g_cond_clear (&latch->cond);
}

static void
latch_unref (gpointer data)
{
  g_atomic_rc_box_release_full (data, latch_clear);
}

static void
latch_open (Latch *latch)
{
  g_mutex_lock (&latch->mutex);
  latch->done = TRUE;
  g_cond_broadcast (&latch->cond);
  g_mutex_unlock (&latch->mutex);
}

static void
latch_set_connection (Latch   *latch,
                      sqlite3 *db)
{
  g_mutex_lock (&latch->mutex);
  latch->db = db;
  if (db != NULL && latch->interrupted)
    sqlite3_interrupt (db);
  g_mutex_unlock (&latch->mutex);
}

static void
latch_interrupt (Latch *latch)
{
  g_mutex_lock (&latch->mutex);
  latch->interrupted = TRUE;
  if (latch->db != NULL)
    sqlite3_interrupt (latch->db);
  g_mutex_unlock (&latch->mutex);
}

static void
latch_wait (Latch  *latch,
            gint64  timeout_us)
{
  gint64 end = g_get_monotonic_time () + timeout_us;

  g_mutex_lock (&latch->mutex);
  while (!latch->done)
    if (!g_cond_wait_until (&latch->cond, &latch->mutex, end))
      break;
  g_mutex_unlock (&latch->mutex);
}

typedef struct
{
  char     *path;
  char     *uri;
  char     *name;
  char     *destination;
  Latch    *latch;
  gboolean  on_share;
  gboolean  full;
  gboolean  per_table;
} Job;

static void
job_free (Job *job)
{
  if (job->latch != NULL)
    {
      latch_open (job->latch);
      latch_unref (job->latch);
    }
  g_free (job->path);
  g_free (job->uri);
  g_free (job->name);
  g_free (job->destination);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Job, job_free)

static Job *
job_new (LlDatabase *self)
{
  Job *job = g_new0 (Job, 1);

  job->path = g_strdup (self->path);
  job->uri = g_strdup (self->uri);
  job->name = g_strdup (self->name);
  job->on_share = self->on_share;

  return job;
}

static sqlite3 *
open_side_connection (const Job     *job,
                      const char    *path,
                      int            flags,
                      GCancellable  *cancellable,
                      GError       **error)
{
  sqlite3 *db = NULL;
  int rc;

  if (path == job->path && job->uri != NULL)
    rc = sqlite3_open_v2 (job->uri, &db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                          SQLITE_OPEN_EXRESCODE, NULL);
  else
    rc = sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, db, rc, job->name);
      sqlite3_close_v2 (db);
      return NULL;
    }

  sqlite3_busy_timeout (db, DEFAULT_BUSY_TIMEOUT_MS);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cb, cancellable);
  if (job->on_share)
    sqlite3_exec (db, "PRAGMA mmap_size = 0", NULL, NULL, NULL);

  return db;
}

/* Runs PRAGMA quick_check / integrity_check on @db. Sets DAMAGED and
 * *structural when the file itself is damaged. */
static gboolean
check_connection (sqlite3       *db,
                  const Job     *job,
                  gboolean      *structural,
                  GError       **error)
{
  g_autoptr(GPtrArray) pragmas = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) problems = g_string_new (NULL);
  guint n_problems = 0;

  *structural = FALSE;

  if (job->per_table && !job->full)
    {
      sqlite3_stmt *tables = NULL;
      int rc;

      /* On a share the check runs table by table, so that other
       * machines are kept from writing for one table at most. */
      rc = sqlite3_prepare_v2 (db, "SELECT name FROM sqlite_schema WHERE type = 'table'",
                               -1, &tables, NULL);
      while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (tables)) == SQLITE_ROW)
        {
          const char *table = (const char *) sqlite3_column_text (tables, 0);

          if (is_identifier (table))
            g_ptr_array_add (pragmas, g_strdup_printf ("PRAGMA quick_check(%s)", table));
        }
      sqlite3_finalize (tables);
      if (rc != SQLITE_DONE)
        {
          *structural = is_damage_code (rc);
          _ll_database_set_sqlite_error (error, db, rc, job->name);
          return FALSE;
        }
    }
  else
    g_ptr_array_add (pragmas,
                     g_strdup (job->full ? "PRAGMA integrity_check" : "PRAGMA quick_check"));

  for (guint i = 0; i < pragmas->len; i++)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, g_ptr_array_index (pragmas, i), -1, &stmt, NULL);

      while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          const char *row = (const char *) sqlite3_column_text (stmt, 0);

          if (g_strcmp0 (row, "ok") == 0)
            continue;
          if (n_problems++ < 5)
            g_string_append_printf (problems, "\n  %s", row);
        }
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          *structural = is_damage_code (rc);
          _ll_database_set_sqlite_error (error, db, rc, job->name);
          return FALSE;
        }
    }

  if (n_problems > 0)
    {
      g_message ("“%s” failed its check (%u problems):%s",
                 job->path, n_problems, problems->str);
      *structural = TRUE;
      set_error (error, LL_DATABASE_ERROR_DAMAGED, job->name);
      return FALSE;
    }

  if (job->full)
    {
      sqlite3_stmt *stmt = NULL;
      int rc = sqlite3_prepare_v2 (db, "PRAGMA foreign_key_check", -1, &stmt, NULL);
      guint n_broken = 0;

      while ((rc == SQLITE_OK || rc == SQLITE_ROW) && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
        n_broken++;
      sqlite3_finalize (stmt);

      if (rc != SQLITE_DONE)
        {
          *structural = is_damage_code (rc);
          _ll_database_set_sqlite_error (error, db, rc, job->name);
          return FALSE;
        }

      if (n_broken > 0)
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DAMAGED,
                       g_dngettext (GETTEXT_PACKAGE,
                                    "The database “%s” has %u reference to a record that does "
                                    "not exist.",
                                    "The database “%s” has %u references to records that do "
                                    "not exist.",
                                    n_broken),
                       job->name, n_broken);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
run_check (const Job     *job,
           gboolean      *structural,
           GCancellable  *cancellable,
           GError       **error)
{
  sqlite3 *db;
  gboolean ok;

  *structural = FALSE;

  db = open_side_connection (job, job->path, SQLITE_OPEN_READONLY, cancellable, error);
  if (db == NULL)
    return FALSE;

  if (job->latch != NULL)
    latch_set_connection (job->latch, db);
  ok = check_connection (db, job, structural, error);
  if (job->latch != NULL)
    latch_set_connection (job->latch, NULL);
  sqlite3_close_v2 (db);

  return ok;
}

static gboolean
fsync_path (const char  *path,
            gboolean     directory,
            GError     **error)
{
  int fd = g_open (path, (directory ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC, 0);
  int saved_errno;

  g_autofree char *name = NULL;

  if (fd < 0)
    {
      saved_errno = errno;
      goto fail;
    }

  if (fsync (fd) != 0 && !(directory && (errno == EINVAL || errno == EBADF)))
    {
      saved_errno = errno;
      close (fd);
      goto fail;
    }

  close (fd);
  return TRUE;

fail:
  name = g_filename_display_basename (path);
  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL,
                 _("The disk holding “%s” is full; nothing was saved."), name);
  else
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                 _("The file “%s” could not be written (%s)."), name, g_strerror (saved_errno));
  return FALSE;
}

/* The copy: online backup API from a read snapshot into @temp. */
static gboolean
copy_into (const Job     *job,
           const char    *temp,
           GCancellable  *cancellable,
           GError       **error)
{
  g_autofree char *dest_name = g_filename_display_basename (job->destination);
  sqlite3 *source = NULL;
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  gboolean ok = FALSE;
  int rc;

  source = open_side_connection (job, job->path, SQLITE_OPEN_READONLY, cancellable, error);
  if (source == NULL)
    return FALSE;

  /* One read transaction: the copy is one consistent moment, even if it
   * takes several steps (WAL writers go on; on a share they wait). */
  rc = sqlite3_exec (source, "BEGIN; SELECT count(*) FROM sqlite_schema;", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, source, rc, job->name);
      goto out;
    }

  rc = sqlite3_open_v2 (temp, &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (dest, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;",
                       NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, dest, rc, dest_name);
      goto out;
    }

  backup = sqlite3_backup_init (dest, "main", source, "main");
  if (backup == NULL)
    {
      _ll_database_set_sqlite_error (error, dest, sqlite3_extended_errcode (dest), dest_name);
      goto out;
    }

  do
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          sqlite3_backup_finish (backup);
          goto out;
        }

      rc = sqlite3_backup_step (backup, BACKUP_PAGES_PER_STEP);
      if (is_busy_code (rc))
        g_usleep (10000);
    }
  while (rc == SQLITE_OK || is_busy_code (rc));

  if (rc != SQLITE_DONE)
    {
      int dest_errno = sqlite3_system_errno (dest);

      sqlite3_backup_finish (backup);
      if ((rc & 0xff) == SQLITE_FULL || dest_errno == ENOSPC || dest_errno == EDQUOT)
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL,
                     _("The disk holding “%s” is full; nothing was saved."), dest_name);
      else if (is_damage_code (rc))
        set_error (error, LL_DATABASE_ERROR_DAMAGED, job->name);
      else
        _ll_database_set_sqlite_error (error, dest, rc, dest_name);
      goto out;
    }

  rc = sqlite3_backup_finish (backup);
  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, dest, rc, dest_name);
      goto out;
    }

  ok = TRUE;

out:
  sqlite3_close_v2 (dest);
  sqlite3_exec (source, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close_v2 (source);

  return ok;
}

/* Puts the copy in rollback-journal mode (the header says WAL when the
 * original is in WAL mode) and checks it. */
static gboolean
verify_copy (const Job     *job,
             const char    *temp,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *dest_name = g_filename_display_basename (job->destination);
  g_autoptr(Job) copy_job = NULL;
  sqlite3 *db = NULL;
  gboolean structural;
  gboolean ok;
  int rc;

  rc = sqlite3_open_v2 (temp, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX |
                        SQLITE_OPEN_EXRESCODE, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, db, rc, dest_name);
      sqlite3_close_v2 (db);
      return FALSE;
    }

  copy_job = g_new0 (Job, 1);
  copy_job->path = g_strdup (temp);
  copy_job->name = g_strdup (dest_name);
  if (cancellable != NULL)
    sqlite3_progress_handler (db, 10000, progress_cb, cancellable);

  ok = check_connection (db, copy_job, &structural, error);
  sqlite3_close_v2 (db);

  if (!ok && structural)
    {
      g_clear_error (error);
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                   _("The copy “%s” did not read back correctly; the disk may be failing."),
                   dest_name);
    }

  return ok;
}

static gboolean
run_backup (const Job     *job,
            gboolean       check_first,
            gboolean      *structural,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autofree char *dir = g_path_get_dirname (job->destination);
  g_autofree char *base = g_path_get_basename (job->destination);
  g_autofree char *temp = NULL;
  g_autofree char *temp_journal = NULL;
  struct stat source_stat, dest_stat;
  int fd;

  *structural = FALSE;

  if (g_stat (job->path, &source_stat) == 0 && g_stat (job->destination, &dest_stat) == 0 &&
      source_stat.st_dev == dest_stat.st_dev && source_stat.st_ino == dest_stat.st_ino)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("A backup cannot replace the database itself; choose another file."));
      return FALSE;
    }

  if (check_first && !run_check (job, structural, cancellable, error))
    return FALSE;

  temp = g_strdup_printf ("%s%c%s.partial-XXXXXX", dir, G_DIR_SEPARATOR, base);
  fd = g_mkstemp_full (temp, O_RDWR | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOSPC || saved_errno == EDQUOT)
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL,
                     _("The disk holding “%s” is full; nothing was saved."), base);
      else if (saved_errno == EROFS || saved_errno == EACCES || saved_errno == EPERM)
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY,
                     _("The folder of “%s” cannot be written to."), base);
      else
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                     _("The file “%s” could not be written (%s)."),
                     base, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);
  temp_journal = g_strconcat (temp, "-journal", NULL);

  if (!copy_into (job, temp, cancellable, error) ||
      !verify_copy (job, temp, cancellable, error) ||
      !fsync_path (temp, FALSE, error))
    goto fail;

  if (g_rename (temp, job->destination) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                   _("The file “%s” could not be written (%s)."),
                   base, g_strerror (saved_errno));
      goto fail;
    }

  /* The rename itself must survive a power cut. */
  fsync_path (dir, TRUE, NULL);

  return TRUE;

fail:
  g_unlink (temp);
  g_unlink (temp_journal);
  return FALSE;
}

/* Opening ------------------------------------------------------------------ */

static gboolean
read_raw_header (sqlite3 *db,
                 guint8   header[100],
                 gint64  *file_size)
{
  sqlite3_file *file = NULL;
  sqlite3_int64 size = 0;
  int rc;

  /* Through SQLite's own file handle: opening and closing another
   * descriptor on the file would drop this process's POSIX locks. */
  if (sqlite3_file_control (db, "main", SQLITE_FCNTL_FILE_POINTER, &file) != SQLITE_OK ||
      file == NULL || file->pMethods == NULL)
    return FALSE;

  if (file->pMethods->xFileSize (file, &size) != SQLITE_OK)
    return FALSE;

  memset (header, 0, 100);
  rc = file->pMethods->xRead (file, header, (int) MIN (size, 100), 0);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ)
    return FALSE;

  *file_size = size;

  return TRUE;
}

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static const char sqlite_magic[16] = "SQLite format 3";

typedef enum
{
  HEADER_OK,
  HEADER_NOT_SQLITE,
  HEADER_INCOMPLETE,
  HEADER_UNREADABLE,
} HeaderCheck;

typedef enum
{
  SIZE_CHECK_NONE,
  SIZE_CHECK_IDLE_WAL,
  SIZE_CHECK_LOCKED,
} SizeCheck;

static gboolean
has_live_wal (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) == 0 && st.st_size > 0;
}

/* Also compares the page count in the header with the file's size: a
 * file cut short while being copied. %SIZE_CHECK_LOCKED is for inside a
 * read transaction, after SQLite rolled back any hot journal, so that no
 * commit can be extending the file meanwhile; %SIZE_CHECK_IDLE_WAL is
 * for before any read, and only checks a WAL-mode file that nobody has
 * open (no -wal), whose file cannot change until someone writes. */
static HeaderCheck
check_header (sqlite3    *db,
              const char *path,
              SizeCheck   size_check)
{
  guint8 header[100];
  gint64 size = 0;
  guint32 page_size;
  guint32 n_pages;

  if (!read_raw_header (db, header, &size))
    return HEADER_UNREADABLE;

  if (size < 100)
    return size >= 16 && memcmp (header, sqlite_magic, 16) == 0 ? HEADER_INCOMPLETE
                                                                : HEADER_NOT_SQLITE;

  if (memcmp (header, sqlite_magic, 16) != 0)
    return HEADER_NOT_SQLITE;

  page_size = ((guint32) header[16] << 8) | header[17];
  if (page_size == 1)
    page_size = 65536;
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return HEADER_INCOMPLETE;

  if (size_check == SIZE_CHECK_NONE ||
      (size_check == SIZE_CHECK_IDLE_WAL && (header[18] != 2 || has_live_wal (path))))
    return HEADER_OK;

  /* The in-header size is valid when the change counter matches. */
  n_pages = read_be32 (header + 28);
  if (n_pages == 0 || read_be32 (header + 24) != read_be32 (header + 92) ||
      (gint64) n_pages * page_size <= size)
    return HEADER_OK;

  /* In WAL mode with a live -wal file, the newest pages may be in the WAL
   * and a checkpoint may be extending the file right now: the full check
   * in the background judges instead. */
  if (header[18] == 2 && has_live_wal (path))
    return HEADER_OK;

  return HEADER_INCOMPLETE;
}

static gboolean
is_network_magic (gint64 magic)
{
  switch (magic)
    {
    case NFS_SUPER_MAGIC_:
    case SMB_SUPER_MAGIC_:
    case CIFS_SUPER_MAGIC_:
    case SMB2_SUPER_MAGIC_:
    case FUSE_SUPER_MAGIC_:
    case V9FS_SUPER_MAGIC_:
    case CEPH_SUPER_MAGIC_:
    case AFS_SUPER_MAGIC_:
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
has_locking_off_option (const char *options)
{
  g_auto(GStrv) tokens = g_strsplit (options, ",", -1);

  for (guint i = 0; tokens[i] != NULL; i++)
    if (g_str_equal (tokens[i], "nobrl") || g_str_equal (tokens[i], "nolock") ||
        g_str_equal (tokens[i], "local_lock=all") || g_str_equal (tokens[i], "local_lock=posix"))
      return TRUE;

  return FALSE;
}

/**
 * _ll_database_mountinfo_locking_disabled:
 * @mountinfo: the text of `/proc/self/mountinfo`
 * @major: the major device number of the file's file system
 * @minor: its minor device number
 *
 * Whether the mount holding the file has POSIX locking switched off
 * (`nobrl` on CIFS, `nolock` or `local_lock=all|posix` on NFS): then
 * two machines can write at once and lose each other's updates.
 *
 * Returns: %TRUE when locking is disabled
 */
gboolean
_ll_database_mountinfo_locking_disabled (const char *mountinfo,
                                         guint       major,
                                         guint       minor)
{
  g_auto(GStrv) lines = NULL;
  g_autofree char *device = g_strdup_printf ("%u:%u", major, minor);

  g_return_val_if_fail (mountinfo != NULL, FALSE);

  lines = g_strsplit (mountinfo, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = g_strsplit (lines[i], " ", -1);
      guint n = g_strv_length (fields);
      guint dash;

      if (n < 10 || !g_str_equal (fields[2], device))
        continue;

      for (dash = 6; dash < n && !g_str_equal (fields[dash], "-"); dash++)
        ;

      if (has_locking_off_option (fields[5]) ||
          (dash + 3 < n && has_locking_off_option (fields[dash + 3])))
        return TRUE;
    }

  return FALSE;
}

static void
detect_filesystem (LlDatabase *self,
                   const char *existing)
{
  const char *forced = g_getenv ("LIANLUO_TEST_FILESYSTEM");
  struct statfs fs;
  struct stat st;

  if (statfs (existing, &fs) == 0)
    self->on_share = is_network_magic ((gint64) (guint32) fs.f_type);

  if (g_stat (existing, &st) == 0)
    {
      g_autofree char *mountinfo = NULL;

      if (g_file_get_contents ("/proc/self/mountinfo", &mountinfo, NULL, NULL))
        self->locking_disabled =
          _ll_database_mountinfo_locking_disabled (mountinfo, major (st.st_dev),
                                                   minor (st.st_dev));
    }

  /* Tests run the share code path on a local disk. */
  if (g_strcmp0 (forced, "share") == 0)
    self->on_share = TRUE;
  else if (g_strcmp0 (forced, "local") == 0)
    self->on_share = FALSE;
}

static gboolean
is_read_only_place (const char *path,
                    gboolean    exists,
                    const char *dir)
{
  struct statvfs vfs;

  if (statvfs (exists ? path : dir, &vfs) == 0 && (vfs.f_flag & ST_RDONLY) != 0)
    return TRUE;

  /* root passes access() whatever the permissions: then only the mount
   * flag above says read-only. */
  if (exists && access (path, W_OK) != 0)
    return TRUE;

  /* Journals and WAL files are created beside the database. */
  return access (dir, W_OK) != 0;
}

static gboolean
set_pragmas (LlDatabase  *self,
             GError     **error)
{
  const char *pragmas =
    self->on_share
      ? "PRAGMA foreign_keys = ON; PRAGMA synchronous = FULL; PRAGMA mmap_size = 0;"
        "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8192;"
      : "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;"
        "PRAGMA temp_store = MEMORY; PRAGMA cache_size = -8192;";

  return _ll_database_exec (self, pragmas, error);
}

static const char *
wanted_journal_mode (LlDatabase *self)
{
  /* WAL does not work across machines. */
  return self->on_share ? "delete" : "wal";
}

/* Whether the file is already in the journal mode this disk wants.
 * Reads only: changing the mode writes the header, which waits until
 * the file passed its check. */
static gboolean
has_wanted_journal_mode (LlDatabase *self)
{
  sqlite3_stmt *stmt = NULL;
  gboolean same = TRUE;

  if (sqlite3_prepare_v2 (self->db, "PRAGMA journal_mode", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    same = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0),
                               wanted_journal_mode (self)) == 0;
  sqlite3_finalize (stmt);

  return same;
}

static void
set_journal_mode (LlDatabase *self)
{
  const char *wanted = wanted_journal_mode (self);
  g_autofree char *sql = g_strdup_printf ("PRAGMA journal_mode = %s", wanted);
  sqlite3_stmt *stmt = NULL;

  self->journal_mode_pending = FALSE;
  if (self->read_only)
    return;

  /* Another connection may keep the mode from changing; that is not
   * an error, the mode already in the file is used. */
  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *mode = (const char *) sqlite3_column_text (stmt, 0);

      if (g_ascii_strcasecmp (mode, wanted) != 0)
        g_debug ("“%s” stays in journal mode %s (wanted %s)", self->path, mode, wanted);
    }
  sqlite3_finalize (stmt);
}

static gboolean
query_int (LlDatabase  *self,
           const char  *sql,
           gint64      *value,
           GError     **error)
{
  g_autoptr(LlStatement) statement = _ll_database_prepare (self, sql, error);

  if (statement == NULL)
    return FALSE;

  switch (_ll_statement_step (statement, error))
    {
    case LL_STEP_ROW:
      *value = sqlite3_column_int64 (statement->stmt, 0);
      return TRUE;
    case LL_STEP_DONE:
      *value = 0;
      return TRUE;
    case LL_STEP_ERROR:
    default:
      return FALSE;
    }
}

static char *
pick_backup_name (const char *path,
                  int         next_version)
{
  char *candidate = g_strdup_printf ("%s.before-v%d.bak", path, next_version);

  /* Never replace an earlier backup. */
  for (guint i = 2; g_file_test (candidate, G_FILE_TEST_EXISTS); i++)
    {
      g_free (candidate);
      candidate = g_strdup_printf ("%s.before-v%d.%u.bak", path, next_version, i);
    }

  return candidate;
}

static LlDatabase *
ll_database_new (const char *path)
{
  LlDatabase *self = g_object_new (LL_TYPE_DATABASE, NULL);
  const char *user = g_getenv ("LIANLUO_USER");
  const char *host = g_getenv ("LIANLUO_HOST");

  self->path = g_strdup (path);
  self->name = g_filename_display_basename (path);
  self->identity = g_new0 (Identity, 1);
  self->identity->user = g_strdup (user != NULL && *user != '\0' ? user : g_get_user_name ());
  self->identity->host = g_strdup (host != NULL && *host != '\0' ? host : g_get_host_name ());
  self->identity->log_changes = TRUE;

  return self;
}

/* Opens the connection: flags, functions, busy handler. */
static gboolean
connect_sqlite (LlDatabase  *self,
                int          flags,
                GError     **error)
{
  Identity *identity;
  int rc;

  if (self->uri != NULL)
    rc = sqlite3_open_v2 (self->uri, &self->db, flags | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX |
                          SQLITE_OPEN_EXRESCODE, NULL);
  else
    rc = sqlite3_open_v2 (self->path, &self->db, flags | SQLITE_OPEN_NOMUTEX |
                          SQLITE_OPEN_EXRESCODE, NULL);

  if (rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, self->db, rc, self->name);
      g_clear_pointer (&self->db, sqlite3_close_v2);
      return FALSE;
    }

  identity = register_functions (self->db, self->identity->user, self->identity->host);
  identity->log_changes = self->identity->log_changes;
  g_clear_pointer (&self->identity, identity_free);
  self->identity = identity;
  sqlite3_busy_handler (self->db, busy_handler_cb, self);

  return TRUE;
}

/* A read-only WAL file on a read-only mount cannot have its -shm made:
 * open it immutable when nobody can be writing to it (no -wal). */
static gboolean
can_open_immutable (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  struct stat st;

  return g_stat (wal, &st) != 0 || st.st_size == 0;
}

static void
set_incomplete_error (GError     **error,
                      const char  *name)
{
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DAMAGED,
               _("The database file “%s” is incomplete (perhaps it was cut short while "
                 "being copied); it has not been changed. Restore it from a backup."), name);
}

/* Reads what the checks need in one read transaction, and checks the
 * file's size against its header there. */
static gboolean
read_identity (LlDatabase  *self,
               gint64      *n_tables,
               gint64      *application_id,
               gint64      *user_version,
               int         *rc,
               GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  *rc = sqlite3_exec (self->db, "BEGIN", NULL, NULL, NULL);
  if (*rc != SQLITE_OK)
    {
      _ll_database_set_sqlite_error (error, self->db, *rc, self->name);
      return FALSE;
    }

  /* The first read takes the shared lock and recovers from a crash. */
  ok = query_int (self, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'",
                  n_tables, &local_error);
  *rc = ok ? SQLITE_OK : sqlite3_extended_errcode (self->db);

  if (check_header (self->db, self->path, SIZE_CHECK_LOCKED) == HEADER_INCOMPLETE)
    {
      sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);
      *rc = SQLITE_CORRUPT;
      set_incomplete_error (error, self->name);
      return FALSE;
    }

  if (ok)
    {
      ok = query_int (self, "PRAGMA application_id", application_id, &local_error) &&
           query_int (self, "PRAGMA user_version", user_version, &local_error);
      *rc = ok ? SQLITE_OK : sqlite3_extended_errcode (self->db);
    }

  sqlite3_exec (self->db, "COMMIT", NULL, NULL, NULL);

  if (!ok)
    g_propagate_error (error, g_steal_pointer (&local_error));

  return ok;
}

static LlDatabase *
open_full (const char           *requested,
           LlDatabaseOpenFlags   flags,
           GError              **error)
{
  g_autoptr(LlDatabase) self = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *name = NULL;
  gboolean exists;
  gboolean is_new;
  gint64 application_id = 0;
  gint64 user_version = 0;
  gint64 n_tables = 0;
  int latest;
  struct stat st;
  HeaderCheck header;

  _ll_database_ensure_resources ();
  latest = _ll_migrations_get_latest ();

  path = g_canonicalize_filename (requested, NULL);
  dir = g_path_get_dirname (path);
  name = g_filename_display_basename (path);

  if (g_stat (path, &st) == 0)
    {
      exists = TRUE;
      if (S_ISDIR (st.st_mode))
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_A_DATABASE,
                       _("“%s” is a folder, not a Lianluo database."), name);
          return NULL;
        }
      if (!S_ISREG (st.st_mode))
        {
          set_error (error, LL_DATABASE_ERROR_NOT_A_DATABASE, name);
          return NULL;
        }
      is_new = st.st_size == 0;
    }
  else if (errno == ENOENT || errno == ENOTDIR)
    {
      if ((flags & LL_DATABASE_OPEN_CREATE) == 0 || (flags & LL_DATABASE_OPEN_READ_ONLY) != 0)
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("The file “%s” does not exist."), name);
          return NULL;
        }
      if (g_mkdir_with_parents (dir, 0755) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, LL_DATABASE_ERROR,
                       saved_errno == EROFS || saved_errno == EACCES
                         ? LL_DATABASE_ERROR_READ_ONLY : LL_DATABASE_ERROR_IO,
                       _("The folder for “%s” cannot be created (%s)."),
                       name, g_strerror (saved_errno));
          return NULL;
        }
      exists = FALSE;
      is_new = TRUE;
    }
  else
    {
      int saved_errno = errno;

      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                   _("The file “%s” cannot be opened (%s)."), name, g_strerror (saved_errno));
      return NULL;
    }

  self = ll_database_new (path);
  self->read_only = (flags & LL_DATABASE_OPEN_READ_ONLY) != 0 ||
                    is_read_only_place (path, exists, dir);
  detect_filesystem (self, exists ? path : dir);

  if (is_new && self->read_only)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY,
                   exists ? _("The empty file “%s” cannot become a Lianluo database: "
                              "it is read-only.")
                          : _("The database “%s” cannot be created here: the folder is "
                              "read-only."),
                   name);
      return NULL;
    }

  if (!connect_sqlite (self,
                       self->read_only ? SQLITE_OPEN_READONLY
                                       : SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE),
                       error))
    return NULL;

  if (!is_new)
    {
      header = check_header (self->db, path, SIZE_CHECK_IDLE_WAL);
      switch (header)
        {
        case HEADER_OK:
          break;
        case HEADER_NOT_SQLITE:
          set_error (error, LL_DATABASE_ERROR_NOT_A_DATABASE, name);
          return NULL;
        case HEADER_INCOMPLETE:
          set_incomplete_error (error, name);
          return NULL;
        case HEADER_UNREADABLE:
        default:
          set_error (error, LL_DATABASE_ERROR_IO, name);
          return NULL;
        }

      /* Reads only. A read transaction also lets SQLite recover from a
       * crash (hot journal, WAL) before we look. */
      {
        g_autoptr(GError) local_error = NULL;
        int rc = SQLITE_OK;
        gboolean ok = read_identity (self, &n_tables, &application_id, &user_version, &rc,
                                     &local_error);

        /* A WAL file on a read-only mount or in a read-only folder: no
         * -shm can be made, and nobody can be writing to it either. */
        if (!ok && self->read_only &&
            ((rc & 0xff) == SQLITE_CANTOPEN || (rc & 0xff) == SQLITE_READONLY) &&
            can_open_immutable (path))
          {
            g_autofree char *uri = NULL;
            Identity *identity = g_new0 (Identity, 1);

            g_clear_error (&local_error);
            identity->user = g_strdup (self->identity->user);
            identity->host = g_strdup (self->identity->host);
            identity->log_changes = self->identity->log_changes;
            g_hash_table_remove_all (self->statements);
            g_clear_pointer (&self->db, sqlite3_close_v2);
            self->identity = identity;

            uri = g_filename_to_uri (path, NULL, NULL);
            self->uri = g_strconcat (uri, "?immutable=1", NULL);
            g_debug ("“%s” is a WAL file on a read-only disk: opened as immutable", path);
            if (!connect_sqlite (self, SQLITE_OPEN_READONLY, error))
              return NULL;
            ok = read_identity (self, &n_tables, &application_id, &user_version, &rc,
                                &local_error);
          }

        if (!ok)
          {
            /* The header looked right: anything unreadable is damage. */
            if (g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED))
              {
                g_clear_error (&local_error);
                set_error (&local_error, LL_DATABASE_ERROR_DAMAGED, name);
              }
            g_propagate_error (error, g_steal_pointer (&local_error));
            return NULL;
          }
      }

      if (application_id != LL_DATABASE_APPLICATION_ID &&
          (application_id != 0 || n_tables > 0))
        {
          set_error (error, LL_DATABASE_ERROR_FOREIGN, name);
          return NULL;
        }

      if (application_id == 0)
        is_new = TRUE;
      else if (user_version > latest)
        {
          set_error (error, LL_DATABASE_ERROR_TOO_NEW, name);
          return NULL;
        }
    }

  if (is_new && self->read_only)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY,
                   _("The empty file “%s” cannot become a Lianluo database: it is read-only."),
                   name);
      return NULL;
    }

  if (!set_pragmas (self, error))
    return NULL;

  /* A file moved between a local disk and a share changes its journal
   * mode, but only once it has passed its check (below, or in the
   * background). */
  if (is_new)
    set_journal_mode (self);
  else
    self->journal_mode_pending = !self->read_only && !has_wanted_journal_mode (self);

  if (is_new || user_version < latest)
    {
      if (self->read_only)
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY,
                       _("The database “%s” was made by an older version of Lianluo and "
                         "must be upgraded, but it is read-only."), name);
          return NULL;
        }

      if (!is_new)
        {
          g_autoptr(Job) job = job_new (self);
          gboolean structural;

          /* A full check first, and a copy to go back to. */
          job->destination = pick_backup_name (path, (int) user_version + 1);
          if (!run_check (job, &structural, NULL, error) ||
              !run_backup (job, FALSE, &structural, NULL, error))
            return NULL;
          g_message ("Backed up “%s” to “%s” before upgrading it", path, job->destination);
        }

      if (self->journal_mode_pending)
        set_journal_mode (self);

      if (!_ll_migrations_apply (self->db, name, latest, error))
        return NULL;

      self->checked = TRUE;
    }

  if (!query_int (self, "PRAGMA user_version", &user_version, error) ||
      !query_int (self, "SELECT coalesce(max(seq), 0) FROM change_log", &self->last_seq, error))
    return NULL;
  self->schema_version = (int) user_version;

  if (!read_data_version (self, &self->data_version))
    self->data_version = 0;

  return g_steal_pointer (&self);
}

static void
background_check_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GWeakRef *weak = user_data;
  g_autoptr(LlDatabase) self = g_weak_ref_get (weak);
  g_autoptr(GError) error = NULL;
  gboolean ok;

  ok = g_task_propagate_boolean (G_TASK (result), &error);
  g_weak_ref_clear (weak);
  g_free (weak);

  if (self == NULL || self->closed)
    return;

  if (!ok)
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DAMAGED))
        {
          mark_damaged (self);
          return;
        }
      g_debug ("The background check of “%s” did not finish: %s", self->path, error->message);
    }
  else
    {
      self->checked = TRUE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKED]);
    }

  /* Only a file that was not found damaged is written to. */
  if (g_atomic_int_get (&self->damaged))
    return;

  if (ok && self->journal_mode_pending)
    set_journal_mode (self);
  presence_register (self);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Job *job = task_data;
  LlDatabase *self = source_object;
  GError *error = NULL;
  gboolean structural;
  gboolean ok = run_check (job, &structural, cancellable, &error);

  /* The check's connection is closed now. */
  if (job->latch != NULL)
    latch_open (job->latch);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    {
      /* Only damage of the file blocks writing, not broken references. */
      if (structural && self != NULL)
        mark_damaged (self);
      g_task_return_error (task, error);
    }
}

static void
start_background_check (LlDatabase *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *weak = g_new0 (GWeakRef, 1);
  Job *job = job_new (self);

  job->per_table = self->on_share;
  job->latch = latch_new ();
  g_clear_pointer (&self->check_latch, latch_unref);
  self->check_latch = g_atomic_rc_box_acquire (job->latch);
  g_weak_ref_init (weak, self);

  /* No source object: closing the window must not wait for the check. */
  task = g_task_new (NULL, self->cancellable, background_check_cb, weak);
  g_task_set_source_tag (task, start_background_check);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_set_name (task, "[lianluo] background check");
  g_task_run_in_thread (task, check_thread);
}

/* Attaches timers and the background check to the calling thread's main
 * context, which receives the signals. */
static void
ll_database_start (LlDatabase *self)
{
  g_clear_pointer (&self->context, g_main_context_unref);
  self->context = g_main_context_ref_thread_default ();

  restart_poll (self);

  if (self->checked)
    presence_register (self);
  else
    start_background_check (self);
}

/* GObject ------------------------------------------------------------------ */

static void
ll_database_dispose (GObject *object)
{
  LlDatabase *self = (LlDatabase *) object;

  ll_database_close (self);

  G_OBJECT_CLASS (ll_database_parent_class)->dispose (object);
}

static void
ll_database_finalize (GObject *object)
{
  LlDatabase *self = (LlDatabase *) object;

  g_clear_pointer (&self->context, g_main_context_unref);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->uri, g_free);

  G_OBJECT_CLASS (ll_database_parent_class)->finalize (object);
}

static void
ll_database_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlDatabase *self = LL_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;
    case PROP_DAMAGED:
      g_value_set_boolean (value, ll_database_get_damaged (self));
      break;
    case PROP_CHECKED:
      g_value_set_boolean (value, self->checked);
      break;
    case PROP_ON_NETWORK_SHARE:
      g_value_set_boolean (value, self->on_share);
      break;
    case PROP_LOCKING_DISABLED:
      g_value_set_boolean (value, self->locking_disabled);
      break;
    case PROP_USER:
      g_value_set_string (value, ll_database_get_user (self));
      break;
    case PROP_HOST:
      g_value_set_string (value, ll_database_get_host (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_database_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LlDatabase *self = LL_DATABASE (object);

  switch (prop_id)
    {
    case PROP_USER:
      ll_database_set_user (self, g_value_get_string (value));
      break;
    case PROP_HOST:
      ll_database_set_host (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_database_class_init (LlDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_database_dispose;
  object_class->finalize = ll_database_finalize;
  object_class->get_property = ll_database_get_property;
  object_class->set_property = ll_database_set_property;

  /**
   * LlDatabase:path:
   *
   * The absolute path of the database file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:read-only:
   *
   * Whether the file is open read-only (asked for, read-only file,
   * folder or mount). Writes fail with %LL_DATABASE_ERROR_READ_ONLY.
   */
  properties[PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:damaged:
   *
   * Whether a check found the file damaged. From then on, writes fail
   * with %LL_DATABASE_ERROR_DAMAGED and the file is not touched.
   */
  properties[PROP_DAMAGED] =
    g_param_spec_boolean ("damaged", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:checked:
   *
   * Whether the full check after opening has passed (it runs in the
   * background for an existing file).
   */
  properties[PROP_CHECKED] =
    g_param_spec_boolean ("checked", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:on-network-share:
   *
   * Whether the file lives on a network share (NFS, SMB/CIFS, FUSE …);
   * it then uses a rollback journal instead of WAL.
   */
  properties[PROP_ON_NETWORK_SHARE] =
    g_param_spec_boolean ("on-network-share", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:locking-disabled:
   *
   * Whether the mount has file locking switched off (`nobrl`,
   * `nolock`): two machines writing at once can then lose work, and the
   * window should say so.
   */
  properties[PROP_LOCKING_DISABLED] =
    g_param_spec_boolean ("locking-disabled", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:user:
   *
   * The user name written to `change_log` and case histories.
   */
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlDatabase:host:
   *
   * The machine name written to `change_log` and case histories.
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlDatabase::changed:
   * @self: the database
   * @changes: (nullable) (element-type LlChange): the `change_log` rows
   *   since the last emission, oldest first; %NULL when there are too
   *   many to list (reload everything)
   *
   * Emitted on the main context of the thread that opened the database
   * after this connection committed, and when the poll sees that another
   * connection (another window, process or machine) did.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1,
                  G_TYPE_PTR_ARRAY | G_SIGNAL_TYPE_STATIC_SCOPE);
}

static void
ll_database_init (LlDatabase *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) sqlite3_finalize);
  self->cancellable = g_cancellable_new ();
  self->busy_timeout_ms = DEFAULT_BUSY_TIMEOUT_MS;
  self->poll_interval_ms = DEFAULT_POLL_INTERVAL_MS;
  self->heartbeat_interval_ms = DEFAULT_HEARTBEAT_INTERVAL_MS;
}

/* Public API --------------------------------------------------------------- */

/**
 * ll_database_get_supported_schema_version:
 *
 * Returns: the newest schema version (`PRAGMA user_version`) this build
 *   knows; newer files are refused with %LL_DATABASE_ERROR_TOO_NEW
 */
int
ll_database_get_supported_schema_version (void)
{
  _ll_database_ensure_resources ();

  return _ll_migrations_get_latest ();
}

/**
 * ll_database_open:
 * @path: the database file
 * @flags: #LlDatabaseOpenFlags
 * @error: return location for a #GError
 *
 * Opens a Lianluo database, strictly: a file that is not SQLite
 * (%LL_DATABASE_ERROR_NOT_A_DATABASE), is cut short or damaged
 * (%LL_DATABASE_ERROR_DAMAGED), is another program's database
 * (%LL_DATABASE_ERROR_FOREIGN) or needs a newer Lianluo
 * (%LL_DATABASE_ERROR_TOO_NEW) is refused and left untouched. A missing
 * file (with %LL_DATABASE_OPEN_CREATE) or an empty one is initialised. A
 * read-only file, folder or mount is opened read-only.
 *
 * An older file is checked, copied beside itself
 * (`lianluo.db.before-v2.bak`) and migrated, one transaction per step.
 * Opening an existing file does not read it all: the full check runs
 * afterwards in a thread and sets #LlDatabase:damaged if it fails.
 *
 * Signals and timers belong to the calling thread's default main
 * context; use the database from that thread only (workers use
 * ll_database_open_secondary()).
 *
 * Returns: (transfer full) (nullable): the database, or %NULL with @error set
 */
LlDatabase *
ll_database_open (const char           *path,
                  LlDatabaseOpenFlags   flags,
                  GError              **error)
{
  LlDatabase *self;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = open_full (path, flags, error);
  if (self != NULL)
    ll_database_start (self);

  return self;
}

typedef struct
{
  char                *path;
  LlDatabaseOpenFlags  flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_free (data->path);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  LlDatabase *self = open_full (data->path, data->flags, &error);

  if (self == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, self, g_object_unref);
}

/**
 * ll_database_open_async:
 * @path: the database file
 * @flags: #LlDatabaseOpenFlags
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the database is open
 * @user_data: data for @callback
 *
 * Like ll_database_open(), in a thread: an upgrade with its backup can
 * take a while on a big file.
 */
void
ll_database_open_async (const char           *path,
                        LlDatabaseOpenFlags   flags,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (path != NULL);

  data = g_new0 (OpenData, 1);
  data->path = g_strdup (path);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_database_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/**
 * ll_database_open_finish:
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Finishes ll_database_open_async(). The database's signals and timers
 * belong to the thread-default main context of the caller.
 *
 * Returns: (transfer full) (nullable): the database
 */
LlDatabase *
ll_database_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  LlDatabase *self;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_database_open_async, NULL);

  self = g_task_propagate_pointer (G_TASK (result), error);
  if (self != NULL)
    ll_database_start (self);

  return self;
}

/**
 * ll_database_open_secondary:
 * @self: a #LlDatabase
 * @error: return location for a #GError
 *
 * Opens another connection to the same file for a worker thread: no
 * migrations, no presence, no polling, no #LlDatabase::changed (the
 * opener's poll sees its commits). Give it to one thread only.
 *
 * Returns: (transfer full) (nullable): the new connection
 */
LlDatabase *
ll_database_open_secondary (LlDatabase  *self,
                            GError     **error)
{
  g_autoptr(LlDatabase) other = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (!self->closed, NULL);

  other = ll_database_new (self->path);
  g_free (other->identity->user);
  g_free (other->identity->host);
  other->identity->user = g_strdup (self->identity->user);
  other->identity->host = g_strdup (self->identity->host);
  other->uri = g_strdup (self->uri);
  other->secondary = TRUE;
  other->read_only = self->read_only;
  other->on_share = self->on_share;
  other->locking_disabled = self->locking_disabled;
  other->checked = self->checked;
  other->busy_timeout_ms = self->busy_timeout_ms;
  other->schema_version = self->schema_version;
  other->damaged = g_atomic_int_get (&self->damaged);
  other->context = g_main_context_ref_thread_default ();

  if (!connect_sqlite (other, self->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE,
                       error) ||
      !set_pragmas (other, error))
    return NULL;

  return g_steal_pointer (&other);
}

/**
 * ll_database_close:
 * @self: a #LlDatabase
 *
 * Leaves the presence list, stops the timers and the background check
 * and closes the connection. Disposing the object does the same. Later
 * calls fail with %LL_DATABASE_ERROR_FAILED.
 */
void
ll_database_close (LlDatabase *self)
{
  g_return_if_fail (LL_IS_DATABASE (self));

  if (self->closed)
    return;

  g_cancellable_cancel (self->cancellable);
  if (self->check_latch != NULL)
    {
      latch_interrupt (self->check_latch);
      latch_wait (self->check_latch, 5 * G_USEC_PER_SEC);
      g_clear_pointer (&self->check_latch, latch_unref);
    }

  if (self->presence_id != 0 && self->db != NULL && !self->read_only &&
      !g_atomic_int_get (&self->damaged))
    {
      g_autoptr(GError) error = NULL;

      if (!write_internal (self, presence_delete_func, NULL, 500, FALSE, &error))
        g_debug ("Cannot leave the presence list of “%s”: %s", self->path, error->message);
    }
  self->presence_id = 0;

  if (self->poll_source != NULL)
    g_source_destroy (self->poll_source);
  if (self->heartbeat_source != NULL)
    g_source_destroy (self->heartbeat_source);
  if (self->changes_source != NULL)
    g_source_destroy (self->changes_source);
  g_clear_pointer (&self->poll_source, g_source_unref);
  g_clear_pointer (&self->heartbeat_source, g_source_unref);
  g_clear_pointer (&self->changes_source, g_source_unref);

  g_clear_pointer (&self->statements, g_hash_table_unref);

  if (self->db != NULL)
    {
      /* The connection frees the identity (ll_user's destroy notify). */
      int rc = sqlite3_close_v2 (self->db);

      if (rc != SQLITE_OK)
        g_message ("Closing “%s” failed: %s", self->path, sqlite3_errstr (rc));
      self->db = NULL;
      self->identity = NULL;
    }
  else
    g_clear_pointer (&self->identity, identity_free);

  self->closed = TRUE;
}

/**
 * ll_database_get_path:
 * @self: a #LlDatabase
 *
 * Returns: the absolute path of the file
 */
const char *
ll_database_get_path (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);

  return self->path;
}

/**
 * ll_database_get_read_only:
 * @self: a #LlDatabase
 *
 * Returns: whether the file is open read-only
 */
gboolean
ll_database_get_read_only (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return self->read_only;
}

/**
 * ll_database_get_damaged:
 * @self: a #LlDatabase
 *
 * Returns: whether a check or a read found the file damaged; writing is
 *   then refused
 */
gboolean
ll_database_get_damaged (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return g_atomic_int_get (&self->damaged) != 0;
}

/**
 * ll_database_get_checked:
 * @self: a #LlDatabase
 *
 * Returns: whether the full check since opening has passed
 */
gboolean
ll_database_get_checked (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return self->checked;
}

/**
 * ll_database_get_on_network_share:
 * @self: a #LlDatabase
 *
 * Returns: whether the file is on a network share
 */
gboolean
ll_database_get_on_network_share (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return self->on_share;
}

/**
 * ll_database_get_locking_disabled:
 * @self: a #LlDatabase
 *
 * Returns: whether the mount holding the file has locking switched off
 *   (`nobrl`, `nolock`, `local_lock=`); the window should warn
 */
gboolean
ll_database_get_locking_disabled (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return self->locking_disabled;
}

/**
 * ll_database_get_schema_version:
 * @self: a #LlDatabase
 *
 * Returns: the schema version of the open file
 */
int
ll_database_get_schema_version (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), 0);

  return self->schema_version;
}

/**
 * ll_database_get_user:
 * @self: a #LlDatabase
 *
 * Returns: the user name recorded with changes: `LIANLUO_USER`, else the
 *   login name, unless ll_database_set_user() changed it
 */
const char *
ll_database_get_user (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);

  return self->identity != NULL ? self->identity->user : NULL;
}

/**
 * ll_database_set_user:
 * @self: a #LlDatabase
 * @user: the user name to record with changes
 *
 * Sets the user recorded in `change_log` and case histories.
 */
void
ll_database_set_user (LlDatabase *self,
                      const char *user)
{
  g_return_if_fail (LL_IS_DATABASE (self));
  g_return_if_fail (user != NULL);

  if (self->identity == NULL || g_strcmp0 (self->identity->user, user) == 0)
    return;

  g_free (self->identity->user);
  self->identity->user = g_strdup (user);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_USER]);
}

/**
 * ll_database_get_host:
 * @self: a #LlDatabase
 *
 * Returns: the machine name recorded with changes: `LIANLUO_HOST`, else
 *   the host name, unless ll_database_set_host() changed it
 */
const char *
ll_database_get_host (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);

  return self->identity != NULL ? self->identity->host : NULL;
}

/**
 * ll_database_set_host:
 * @self: a #LlDatabase
 * @host: the machine name to record with changes
 *
 * Sets the machine recorded in `change_log` and case histories.
 */
void
ll_database_set_host (LlDatabase *self,
                      const char *host)
{
  g_return_if_fail (LL_IS_DATABASE (self));
  g_return_if_fail (host != NULL);

  if (self->identity == NULL || g_strcmp0 (self->identity->host, host) == 0)
    return;

  g_free (self->identity->host);
  self->identity->host = g_strdup (host);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HOST]);
}

/**
 * ll_database_get_busy_timeout:
 * @self: a #LlDatabase
 *
 * Returns: how long a write waits for another writer, in milliseconds
 */
guint
ll_database_get_busy_timeout (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), 0);

  return self->busy_timeout_ms;
}

/**
 * ll_database_set_busy_timeout:
 * @self: a #LlDatabase
 * @milliseconds: the bounded wait (5,000 by default)
 *
 * Sets how long a write (or a read meeting a commit) waits for others
 * before failing with %LL_DATABASE_ERROR_BUSY.
 */
void
ll_database_set_busy_timeout (LlDatabase *self,
                              guint       milliseconds)
{
  g_return_if_fail (LL_IS_DATABASE (self));

  self->busy_timeout_ms = milliseconds;
}

/**
 * ll_database_get_poll_interval:
 * @self: a #LlDatabase
 *
 * Returns: how often others' commits are looked for, in milliseconds
 */
guint
ll_database_get_poll_interval (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), 0);

  return self->poll_interval_ms;
}

/**
 * ll_database_set_poll_interval:
 * @self: a #LlDatabase
 * @milliseconds: the interval (2,000 by default)
 *
 * Sets how often `PRAGMA data_version` is polled for others' commits.
 */
void
ll_database_set_poll_interval (LlDatabase *self,
                               guint       milliseconds)
{
  g_return_if_fail (LL_IS_DATABASE (self));
  g_return_if_fail (milliseconds > 0);

  self->poll_interval_ms = milliseconds;
  if (self->poll_source != NULL)
    restart_poll (self);
}

void
_ll_database_set_heartbeat_interval (LlDatabase *self,
                                     guint       milliseconds)
{
  g_return_if_fail (LL_IS_DATABASE (self));
  g_return_if_fail (milliseconds > 0);

  self->heartbeat_interval_ms = milliseconds;
  if (self->heartbeat_source != NULL)
    restart_heartbeat (self);
}

/**
 * _ll_database_set_log_changes:
 * @self: a #LlDatabase
 * @log_changes: whether writes on this connection go to `change_log`
 *
 * Switches the change_log triggers off for this connection, to fill a
 * new file with generated data (`lianluo-cli demo`) about a quarter
 * faster. Nobody else may have the file open meanwhile: their windows
 * would not learn of the rows. Never for real data.
 */
void
_ll_database_set_log_changes (LlDatabase *self,
                              gboolean    log_changes)
{
  g_return_if_fail (LL_IS_DATABASE (self));

  if (self->identity != NULL)
    self->identity->log_changes = !!log_changes;
}

gboolean
_ll_database_get_present (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  return self->presence_id != 0;
}

/**
 * ll_database_write:
 * @self: a #LlDatabase
 * @func: (scope call): the body of the transaction
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Runs @func inside `BEGIN IMMEDIATE … COMMIT`. While another connection
 * writes, `BEGIN` is retried up to the busy timeout, then
 * %LL_DATABASE_ERROR_BUSY names the machines that have the file open.
 * If @func fails, or the commit does (%LL_DATABASE_ERROR_DISK_FULL,
 * %LL_DATABASE_ERROR_IO …), everything is rolled back: nothing
 * half-written remains and no transaction stays open. A read-only or
 * damaged database refuses at once.
 *
 * Called from inside @func, it nests as a savepoint.
 *
 * After the commit, #LlDatabase::changed is emitted from the main
 * context with the rows written.
 *
 * Returns: %TRUE if committed
 */
gboolean
ll_database_write (LlDatabase           *self,
                   LlDatabaseWriteFunc   func,
                   gpointer              user_data,
                   GError              **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return write_internal (self, func, user_data, self->busy_timeout_ms, TRUE, error);
}

/**
 * ll_database_get_last_seq:
 * @self: a #LlDatabase
 *
 * Returns: the last `change_log.seq` reported by #LlDatabase::changed
 *   (at opening, the last one in the file)
 */
gint64
ll_database_get_last_seq (LlDatabase *self)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), 0);

  return self->last_seq;
}

/**
 * ll_database_poll_changes:
 * @self: a #LlDatabase
 *
 * Looks for others' commits now instead of at the next poll, and emits
 * #LlDatabase::changed if there are any.
 */
void
ll_database_poll_changes (LlDatabase *self)
{
  gint64 version;

  g_return_if_fail (LL_IS_DATABASE (self));

  if (self->closed || self->write_depth > 0)
    return;

  if (!read_data_version (self, &version))
    return;

  /* Remember the version only once its changes have been read. */
  if (version != self->data_version && emit_new_changes (self))
    self->data_version = version;
}

/**
 * ll_database_list_presence:
 * @self: a #LlDatabase
 * @error: return location for a #GError
 *
 * Lists the others who have the file open: seen within the last 90
 * seconds, leaving out this connection and programs on this machine that
 * have ended.
 *
 * Returns: (transfer container) (element-type LlPresence) (nullable):
 *   the others
 */
GPtrArray *
ll_database_list_presence (LlDatabase  *self,
                           GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);

  return list_presence (self, error);
}

/**
 * ll_database_check:
 * @self: a #LlDatabase
 * @full: %TRUE for `integrity_check` and `foreign_key_check`, %FALSE
 *   for the faster `quick_check`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks the whole file on a connection of its own (so any thread may
 * call it). Damage of the file sets #LlDatabase:damaged; broken
 * references are reported but do not block writing.
 *
 * Returns: %TRUE if the file passed
 */
gboolean
ll_database_check (LlDatabase    *self,
                   gboolean       full,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(Job) job = NULL;
  gboolean structural;

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);

  job = job_new (self);
  job->full = full;

  if (run_check (job, &structural, cancellable, error))
    return TRUE;

  if (structural)
    mark_damaged (self);

  return FALSE;
}

static void
check_async_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  check_thread (task, source_object, task_data, cancellable);
}

/**
 * ll_database_check_async:
 * @self: a #LlDatabase
 * @full: as for ll_database_check()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs ll_database_check() in a thread.
 */
void
ll_database_check_async (LlDatabase          *self,
                         gboolean             full,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (LL_IS_DATABASE (self));

  job = job_new (self);
  job->full = full;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_database_check_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, check_async_thread);
}

/**
 * ll_database_check_finish:
 * @self: a #LlDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the file passed
 */
gboolean
ll_database_check_finish (LlDatabase    *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ll_database_backup:
 * @self: a #LlDatabase
 * @destination: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies the database to @destination while it stays in use: a quick
 * check first (damage sets #LlDatabase:damaged and nothing is written),
 * then SQLite's online backup from one consistent moment into a
 * temporary file beside @destination, synced and checked, then renamed
 * over @destination. On failure @destination is untouched. Uses its own
 * connections, so any thread may call it.
 *
 * Returns: %TRUE if @destination now holds the copy
 */
gboolean
ll_database_backup (LlDatabase    *self,
                    const char    *destination,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(Job) job = NULL;
  gboolean structural;

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (destination != NULL, FALSE);

  job = job_new (self);
  job->destination = g_canonicalize_filename (destination, NULL);

  if (run_backup (job, TRUE, &structural, cancellable, error))
    return TRUE;

  if (structural)
    mark_damaged (self);

  return FALSE;
}

static void
backup_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  gboolean structural;

  if (run_backup (job, TRUE, &structural, cancellable, &error))
    {
      g_task_return_boolean (task, TRUE);
      return;
    }

  if (structural)
    mark_damaged (source_object);
  g_task_return_error (task, error);
}

/**
 * ll_database_backup_async:
 * @self: a #LlDatabase
 * @destination: the file to write
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Runs ll_database_backup() in a thread.
 */
void
ll_database_backup_async (LlDatabase          *self,
                          const char          *destination,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Job *job;

  g_return_if_fail (LL_IS_DATABASE (self));
  g_return_if_fail (destination != NULL);

  job = job_new (self);
  job->destination = g_canonicalize_filename (destination, NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_database_backup_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, backup_thread);
}

/**
 * ll_database_backup_finish:
 * @self: a #LlDatabase
 * @result: the #GAsyncResult
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the copy was written
 */
gboolean
ll_database_backup_finish (LlDatabase    *self,
                           GAsyncResult  *result,
                           GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ll_database_get_setting:
 * @self: a #LlDatabase
 * @key: the setting
 * @error: return location for a #GError
 *
 * Reads a setting shared by everyone using the file.
 *
 * Returns: (transfer full) (nullable): the value; %NULL when unset (then
 *   @error is not set) or on error
 */
char *
ll_database_get_setting (LlDatabase  *self,
                         const char  *key,
                         GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  statement = _ll_database_prepare (self, "SELECT value FROM settings WHERE key = ?1", error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_text (statement, 1, key);
  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return NULL;

  return _ll_statement_dup_text (statement, 0);
}

typedef struct
{
  const char *key;
  const char *value;
} Setting;

static gboolean
set_setting_func (LlDatabase  *self,
                  gpointer     user_data,
                  GError     **error)
{
  Setting *setting = user_data;
  g_autoptr(LlStatement) statement = NULL;

  if (setting->value == NULL)
    statement = _ll_database_prepare (self, "DELETE FROM settings WHERE key = ?1", error);
  else
    statement = _ll_database_prepare (self,
                                      "INSERT INTO settings (key, value) VALUES (?1, ?2) "
                                      "ON CONFLICT (key) DO UPDATE SET value = excluded.value, "
                                      "version = version + 1, updated_at = " TIMESTAMP_NOW " "
                                      "WHERE value IS NOT excluded.value",
                                      error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_text (statement, 1, setting->key);
  if (setting->value != NULL)
    _ll_statement_bind_text (statement, 2, setting->value);

  return _ll_statement_execute (statement, error);
}

/**
 * ll_database_set_setting:
 * @self: a #LlDatabase
 * @key: the setting
 * @value: (nullable): the new value, or %NULL to remove the setting
 * @error: return location for a #GError
 *
 * Stores a setting shared by everyone using the file (in its own write,
 * or in the current one when called from an #LlDatabaseWriteFunc).
 *
 * Returns: %TRUE on success
 */
gboolean
ll_database_set_setting (LlDatabase  *self,
                         const char  *key,
                         const char  *value,
                         GError     **error)
{
  Setting setting = { key, value };

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (key != NULL && *key != '\0', FALSE);

  return ll_database_write (self, set_setting_func, &setting, error);
}

/* Versioned updates -------------------------------------------------------- */

static gboolean
is_identifier (const char *name)
{
  if (name == NULL || *name == '\0' || g_ascii_isdigit (*name))
    return FALSE;

  return name[strspn (name, "abcdefghijklmnopqrstuvwxyz0123456789_")] == '\0';
}

gboolean
_ll_database_explain_unchanged (LlDatabase  *self,
                                const char  *table,
                                gint64       id,
                                GError     **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(LlStatement) exists = NULL;
  g_autoptr(LlStatement) who = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (is_identifier (table), FALSE);

  sql = g_strdup_printf ("SELECT 1 FROM %s WHERE id = ?1", table);
  exists = _ll_database_prepare (self, sql, error);
  if (exists == NULL)
    return FALSE;

  _ll_statement_bind_int64 (exists, 1, id);
  step = _ll_statement_step (exists, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      set_error (error, LL_DATABASE_ERROR_NOT_FOUND, self->name);
      return FALSE;
    }

  who = _ll_database_prepare (self,
                              "SELECT user, host FROM change_log WHERE tbl = ?1 AND row_id = ?2 "
                              "ORDER BY seq DESC LIMIT 1",
                              NULL);
  if (who != NULL)
    {
      _ll_statement_bind_text (who, 1, table);
      _ll_statement_bind_int64 (who, 2, id);
      if (_ll_statement_step (who, NULL) == LL_STEP_ROW &&
          sqlite3_column_text (who->stmt, 0) != NULL &&
          sqlite3_column_text (who->stmt, 1) != NULL)
        {
          g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                       _("Someone else (%s on %s) saved this record first."),
                       (const char *) sqlite3_column_text (who->stmt, 0),
                       (const char *) sqlite3_column_text (who->stmt, 1));
          return FALSE;
        }
    }

  set_error (error, LL_DATABASE_ERROR_CONFLICT, self->name);

  return FALSE;
}

typedef struct
{
  const char         *table;
  gint64              id;
  gint64              expected_version;
  const char * const *columns;
  const GValue       *values;
  guint               n_columns;
  gint64             *new_version;
} VersionedUpdate;

static gboolean
update_versioned_func (LlDatabase  *self,
                       gpointer     user_data,
                       GError     **error)
{
  VersionedUpdate *update = user_data;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(LlStatement) statement = NULL;
  guint n = update->n_columns;
  LlStep step;

  g_string_append_printf (sql, "UPDATE %s SET ", update->table);
  for (guint i = 0; i < n; i++)
    {
      g_return_val_if_fail (is_identifier (update->columns[i]), FALSE);
      g_return_val_if_fail (!g_str_equal (update->columns[i], "version") &&
                            !g_str_equal (update->columns[i], "updated_at") &&
                            !g_str_equal (update->columns[i], "id"), FALSE);
      g_string_append_printf (sql, "%s = ?%u, ", update->columns[i], i + 1);
    }
  g_string_append (sql, "version = version + 1, updated_at = " TIMESTAMP_NOW);
  g_string_append_printf (sql, " WHERE id = ?%u AND version = ?%u RETURNING version", n + 1, n + 2);

  statement = _ll_database_prepare (self, sql->str, error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    _ll_statement_bind_value (statement, (int) i + 1, &update->values[i]);
  _ll_statement_bind_int64 (statement, (int) n + 1, update->id);
  _ll_statement_bind_int64 (statement, (int) n + 2, update->expected_version);

  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_clear_pointer (&statement, _ll_statement_free);
      return _ll_database_explain_unchanged (self, update->table, update->id, error);
    }

  if (update->new_version != NULL)
    *update->new_version = sqlite3_column_int64 (statement->stmt, 0);

  return _ll_statement_execute (statement, error);
}

gboolean
_ll_database_update_versioned (LlDatabase          *self,
                               const char          *table,
                               gint64               id,
                               gint64               expected_version,
                               const char * const  *columns,
                               const GValue        *values,
                               guint                n_columns,
                               gint64              *new_version,
                               GError             **error)
{
  VersionedUpdate update = { table, id, expected_version, columns, values, n_columns, new_version };

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (is_identifier (table), FALSE);
  g_return_val_if_fail (n_columns == 0 || (columns != NULL && values != NULL), FALSE);

  if (self->write_depth > 0)
    return update_versioned_func (self, &update, error);

  return ll_database_write (self, update_versioned_func, &update, error);
}

typedef struct
{
  const char *table;
  gint64      id;
  gint64      expected_version;
} VersionedDelete;

static gboolean
delete_versioned_func (LlDatabase  *self,
                       gpointer     user_data,
                       GError     **error)
{
  VersionedDelete *delete = user_data;
  g_autofree char *sql = g_strdup_printf ("DELETE FROM %s WHERE id = ?1 AND version = ?2",
                                          delete->table);
  g_autoptr(LlStatement) statement = _ll_database_prepare (self, sql, error);

  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1, delete->id);
  _ll_statement_bind_int64 (statement, 2, delete->expected_version);
  if (!_ll_statement_execute (statement, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_clear_pointer (&statement, _ll_statement_free);
      return _ll_database_explain_unchanged (self, delete->table, delete->id, error);
    }

  return TRUE;
}

gboolean
_ll_database_delete_versioned (LlDatabase  *self,
                               const char  *table,
                               gint64       id,
                               gint64       expected_version,
                               GError     **error)
{
  VersionedDelete delete = { table, id, expected_version };

  g_return_val_if_fail (LL_IS_DATABASE (self), FALSE);
  g_return_val_if_fail (is_identifier (table), FALSE);

  if (self->write_depth > 0)
    return delete_versioned_func (self, &delete, error);

  return ll_database_write (self, delete_versioned_func, &delete, error);
}

/* Resources ---------------------------------------------------------------- */

void
_ll_database_ensure_resources (void)
{
  static gsize initialized = 0;

  /* Explicit: a constructor in a static library can be dropped. */
  if (g_once_init_enter (&initialized))
    {
      ll_core_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}

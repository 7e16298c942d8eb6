/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-change.h"
#include "ll-presence.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LL_DATABASE_APPLICATION_ID:
 *
 * The SQLite `application_id` of a Lianluo database: "LLDB".
 */
#define LL_DATABASE_APPLICATION_ID 0x4C4C4442

#define LL_DATABASE_ERROR (ll_database_error_quark ())

/**
 * LlDatabaseError:
 * @LL_DATABASE_ERROR_NOT_A_DATABASE: the file is not a database at all
 * @LL_DATABASE_ERROR_FOREIGN: the file is another program's SQLite database
 * @LL_DATABASE_ERROR_TOO_NEW: the file needs a newer Lianluo
 * @LL_DATABASE_ERROR_DAMAGED: the file is damaged or incomplete; it is not written to
 * @LL_DATABASE_ERROR_READ_ONLY: the file or its disk is read-only
 * @LL_DATABASE_ERROR_BUSY: someone else kept the database busy past the bounded wait
 * @LL_DATABASE_ERROR_DISK_FULL: the disk is full; nothing was saved
 * @LL_DATABASE_ERROR_IO: reading or writing the file failed; nothing was saved
 * @LL_DATABASE_ERROR_CONFLICT: someone else saved the record first
 * @LL_DATABASE_ERROR_INVALID: a value is not allowed (the message says which)
 * @LL_DATABASE_ERROR_NOT_FOUND: the record or the file does not exist
 * @LL_DATABASE_ERROR_FAILED: anything else
 *
 * Every message of this domain is a translated sentence for office staff.
 */
typedef enum
{
  LL_DATABASE_ERROR_NOT_A_DATABASE,
  LL_DATABASE_ERROR_FOREIGN,
  LL_DATABASE_ERROR_TOO_NEW,
  LL_DATABASE_ERROR_DAMAGED,
  LL_DATABASE_ERROR_READ_ONLY,
  LL_DATABASE_ERROR_BUSY,
  LL_DATABASE_ERROR_DISK_FULL,
  LL_DATABASE_ERROR_IO,
  LL_DATABASE_ERROR_CONFLICT,
  LL_DATABASE_ERROR_INVALID,
  LL_DATABASE_ERROR_NOT_FOUND,
  LL_DATABASE_ERROR_FAILED,
} LlDatabaseError;

/**
 * LlDatabaseOpenFlags:
 * @LL_DATABASE_OPEN_NONE: open an existing file
 * @LL_DATABASE_OPEN_CREATE: create the file (and its folder) when missing
 * @LL_DATABASE_OPEN_READ_ONLY: never write to the file
 *
 * How ll_database_open() treats the file.
 */
typedef enum
{
  LL_DATABASE_OPEN_NONE      = 0,
  LL_DATABASE_OPEN_CREATE    = 1 << 0,
  LL_DATABASE_OPEN_READ_ONLY = 1 << 1,
} LlDatabaseOpenFlags;

/**
 * LlDatabaseWriteFunc:
 * @self: the database, inside `BEGIN IMMEDIATE`
 * @user_data: the data given to ll_database_write()
 * @error: where to report a failure
 *
 * The body of a write transaction. Return %FALSE with @error set to roll
 * everything back. Never wait for the user in here.
 *
 * Returns: %TRUE to commit
 */
typedef gboolean (*LlDatabaseWriteFunc) (LlDatabase *self,
                                         gpointer    user_data,
                                         GError    **error);

#define LL_TYPE_DATABASE (ll_database_get_type ())

G_DECLARE_FINAL_TYPE (LlDatabase, ll_database, LL, DATABASE, GObject)

GQuark      ll_database_error_quark                  (void);
int         ll_database_get_supported_schema_version (void);

LlDatabase *ll_database_open                  (const char           *path,
                                               LlDatabaseOpenFlags   flags,
                                               GError              **error);
void        ll_database_open_async            (const char           *path,
                                               LlDatabaseOpenFlags   flags,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
LlDatabase *ll_database_open_finish           (GAsyncResult         *result,
                                               GError              **error);
LlDatabase *ll_database_open_secondary        (LlDatabase           *self,
                                               GError              **error);
void        ll_database_close                 (LlDatabase           *self);

const char *ll_database_get_path              (LlDatabase           *self);
gboolean    ll_database_get_read_only         (LlDatabase           *self);
gboolean    ll_database_get_damaged           (LlDatabase           *self);
gboolean    ll_database_get_checked           (LlDatabase           *self);
gboolean    ll_database_get_on_network_share  (LlDatabase           *self);
gboolean    ll_database_get_locking_disabled  (LlDatabase           *self);
int         ll_database_get_schema_version    (LlDatabase           *self);

const char *ll_database_get_user              (LlDatabase           *self);
void        ll_database_set_user              (LlDatabase           *self,
                                               const char           *user);
const char *ll_database_get_host              (LlDatabase           *self);
void        ll_database_set_host              (LlDatabase           *self,
                                               const char           *host);
guint       ll_database_get_busy_timeout      (LlDatabase           *self);
void        ll_database_set_busy_timeout      (LlDatabase           *self,
                                               guint                 milliseconds);
guint       ll_database_get_poll_interval     (LlDatabase           *self);
void        ll_database_set_poll_interval     (LlDatabase           *self,
                                               guint                 milliseconds);

gboolean    ll_database_write                 (LlDatabase           *self,
                                               LlDatabaseWriteFunc   func,
                                               gpointer              user_data,
                                               GError              **error);

gint64      ll_database_get_last_seq          (LlDatabase           *self);
void        ll_database_poll_changes          (LlDatabase           *self);

GPtrArray  *ll_database_list_presence         (LlDatabase           *self,
                                               GError              **error);

gboolean    ll_database_check                 (LlDatabase           *self,
                                               gboolean              full,
                                               GCancellable         *cancellable,
                                               GError              **error);
void        ll_database_check_async           (LlDatabase           *self,
                                               gboolean              full,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    ll_database_check_finish          (LlDatabase           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

gboolean    ll_database_backup                (LlDatabase           *self,
                                               const char           *destination,
                                               GCancellable         *cancellable,
                                               GError              **error);
void        ll_database_backup_async          (LlDatabase           *self,
                                               const char           *destination,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    ll_database_backup_finish         (LlDatabase           *self,
                                               GAsyncResult         *result,
                                               GError              **error);

char       *ll_database_get_setting           (LlDatabase           *self,
                                               const char           *key,
                                               GError              **error);
gboolean    ll_database_set_setting           (LlDatabase           *self,
                                               const char           *key,
                                               const char           *value,
                                               GError              **error);

G_END_DECLS

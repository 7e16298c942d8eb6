/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-attachment-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ll-attachment-store.h"
#include "ll-case-store.h"
#include "ll-database-private.h"
#include "ll-validate.h"

/* Attachments of cases and activities. The metadata lives in
 * `attachments`, the bytes in `attachment_data`, so listing never reads
 * a blob. Adding or removing an attachment of a case is also a line in
 * the case's history. */

#define ATTACHMENT_COLUMNS \
  "id, version, case_id, activity_id, file_name, mime_type, size, sha256, note, added_at, " \
  "added_by, added_host, created_at, updated_at"

#define LABEL(property) ll_attachment_get_field_label (property)

/* Helpers ------------------------------------------------------------------ */

static const char *
column_text (LlStatement *statement,
             int          column)
{
  return (const char *) sqlite3_column_text (statement->stmt, column);
}

static LlAttachment *
attachment_from_row (LlStatement *statement)
{
  LlAttachment *self = ll_attachment_new ();

  ll_attachment_set_id (self, sqlite3_column_int64 (statement->stmt, 0));
  ll_attachment_set_version (self, sqlite3_column_int64 (statement->stmt, 1));
  ll_attachment_set_case_id (self, sqlite3_column_int64 (statement->stmt, 2));
  ll_attachment_set_activity_id (self, sqlite3_column_int64 (statement->stmt, 3));
  ll_attachment_set_file_name (self, column_text (statement, 4));
  ll_attachment_set_mime_type (self, column_text (statement, 5));
  ll_attachment_set_size (self, sqlite3_column_int64 (statement->stmt, 6));
  ll_attachment_set_sha256 (self, column_text (statement, 7));
  ll_attachment_set_note (self, column_text (statement, 8));
  ll_attachment_set_added_at (self, column_text (statement, 9));
  ll_attachment_set_added_by (self, column_text (statement, 10));
  ll_attachment_set_added_host (self, column_text (statement, 11));
  ll_attachment_set_created_at (self, column_text (statement, 12));
  ll_attachment_set_updated_at (self, column_text (statement, 13));

  return self;
}

static void
set_not_found (GError **error)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                       _("This attachment no longer exists; someone may have removed it."));
}

/* NOT_FOUND when the case or activity is gone. */
static gboolean
check_owner (LlDatabase    *db,
             LlAttachment  *attachment,
             GError       **error)
{
  g_autoptr(LlStatement) statement = NULL;
  gboolean is_case = ll_attachment_get_case_id (attachment) != 0;
  LlStep step;

  statement = _ll_database_prepare (db,
                                    is_case ? "SELECT 1 FROM cases WHERE id = ?1"
                                            : "SELECT 1 FROM activities WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_int64 (statement, 1,
                            is_case ? ll_attachment_get_case_id (attachment)
                                    : ll_attachment_get_activity_id (attachment));
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_DONE)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           is_case ? _("The case no longer exists; someone may have deleted it.")
                                   : _("The activity no longer exists; someone may have "
                                       "deleted it."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_case_event (LlDatabase    *db,
                LlAttachment  *attachment,
                const char    *kind,
                GError       **error)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *detail = NULL;

  if (ll_attachment_get_case_id (attachment) == 0)
    return TRUE;

  builder = json_builder_new ();
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "attachment_id");
  json_builder_add_int_value (builder, ll_attachment_get_id (attachment));
  json_builder_set_member_name (builder, "file_name");
  json_builder_add_string_value (builder, ll_attachment_get_file_name (attachment));
  json_builder_set_member_name (builder, "size");
  json_builder_add_int_value (builder, ll_attachment_get_size (attachment));
  json_builder_end_object (builder);

  generator = json_generator_new ();
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  detail = json_generator_to_data (generator, NULL);

  return _ll_case_store_add_event (db, ll_attachment_get_case_id (attachment), kind, NULL, NULL,
                                   detail, error);
}

static char *
guess_mime_type (const char *file_name,
                 GBytes     *bytes)
{
  g_autofree char *content_type = NULL;
  char *mime_type;
  gsize size = 0;
  const guchar *data = g_bytes_get_data (bytes, &size);

  content_type = g_content_type_guess (file_name, data, size, NULL);
  mime_type = content_type != NULL ? g_content_type_get_mime_type (content_type) : NULL;

  return mime_type != NULL ? mime_type : g_strdup ("application/octet-stream");
}

/* Adding ------------------------------------------------------------------- */

typedef struct
{
  LlAttachment *attachment;
  GBytes       *bytes;
  gboolean      keep_identity;  /* restoring: same id, same added_* */
  LlAttachment *stored;
} Insert;

static gboolean
insert_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Insert *data = user_data;
  LlAttachment *attachment = data->attachment;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(LlStatement) blob = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize size = 0;
  gconstpointer bytes = g_bytes_get_data (data->bytes, &size);
  gint64 id = 0;

  if (!check_owner (db, attachment, error))
    return FALSE;

  if (data->keep_identity)
    {
      /* Undoing a removal: the same id, unless someone took it. */
      g_autoptr(LlAttachment) other = ll_attachment_store_get (db,
                                                               ll_attachment_get_id (attachment),
                                                               &local_error);
      if (other == NULL && !g_error_matches (local_error, LL_DATABASE_ERROR,
                                             LL_DATABASE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (other == NULL)
        id = ll_attachment_get_id (attachment);
    }

  statement = _ll_database_prepare (db,
                                    "INSERT INTO attachments (id, case_id, activity_id, "
                                    "file_name, mime_type, size, sha256, note, added_at, "
                                    "added_by, added_host) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
                                    "?8, coalesce (?9, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), "
                                    "coalesce (?10, ll_user ()), coalesce (?11, ll_host ())) "
                                    "RETURNING id",
                                    error);
  if (statement == NULL)
    return FALSE;

  if (id != 0)
    _ll_statement_bind_int64 (statement, 1, id);
  else
    _ll_statement_bind_null (statement, 1);
  if (ll_attachment_get_case_id (attachment) != 0)
    _ll_statement_bind_int64 (statement, 2, ll_attachment_get_case_id (attachment));
  else
    _ll_statement_bind_null (statement, 2);
  if (ll_attachment_get_activity_id (attachment) != 0)
    _ll_statement_bind_int64 (statement, 3, ll_attachment_get_activity_id (attachment));
  else
    _ll_statement_bind_null (statement, 3);
  _ll_statement_bind_text (statement, 4, ll_attachment_get_file_name (attachment));
  _ll_statement_bind_text (statement, 5, ll_attachment_get_mime_type (attachment));
  _ll_statement_bind_int64 (statement, 6, ll_attachment_get_size (attachment));
  _ll_statement_bind_text (statement, 7, ll_attachment_get_sha256 (attachment));
  _ll_statement_bind_text (statement, 8, ll_attachment_get_note (attachment));
  if (data->keep_identity)
    {
      _ll_statement_bind_text (statement, 9, ll_attachment_get_added_at (attachment));
      _ll_statement_bind_text (statement, 10, ll_attachment_get_added_by (attachment));
      _ll_statement_bind_text (statement, 11, ll_attachment_get_added_host (attachment));
    }

  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;
  id = sqlite3_column_int64 (statement->stmt, 0);
  if (!_ll_statement_execute (statement, error))
    return FALSE;

  blob = _ll_database_prepare (db,
                               "INSERT INTO attachment_data (attachment_id, data) VALUES (?1, ?2)",
                               error);
  if (blob == NULL)
    return FALSE;

  _ll_statement_bind_int64 (blob, 1, id);
  /* An empty file is an empty blob, not NULL. */
  _ll_statement_bind_blob (blob, 2, bytes != NULL ? bytes : "", size);
  if (!_ll_statement_execute (blob, error))
    return FALSE;

  data->stored = ll_attachment_store_get (db, id, error);
  if (data->stored == NULL)
    return FALSE;

  return add_case_event (db, data->stored, "attachment_added", error);
}

static LlAttachment *
insert (LlDatabase    *db,
        LlAttachment  *attachment,
        GBytes        *bytes,
        gboolean       keep_identity,
        GError       **error)
{
  Insert data = { attachment, bytes, keep_identity, NULL };

  if (!ll_attachment_validate (attachment, error) ||
      !ll_database_write (db, insert_func, &data, error))
    {
      g_clear_object (&data.stored);
      return NULL;
    }

  return data.stored;
}

static LlAttachment *
new_attachment (gint64      case_id,
                gint64      activity_id,
                const char *file_name,
                const char *mime_type,
                GBytes     *bytes)
{
  LlAttachment *attachment = ll_attachment_new ();
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *guessed = NULL;

  if (mime_type == NULL || *mime_type == '\0')
    mime_type = guessed = guess_mime_type (file_name, bytes);

  ll_attachment_set_case_id (attachment, case_id);
  ll_attachment_set_activity_id (attachment, activity_id);
  ll_attachment_set_file_name (attachment, file_name);
  ll_attachment_set_mime_type (attachment, mime_type);
  ll_attachment_set_size (attachment, g_bytes_get_size (bytes));
  ll_attachment_set_sha256 (attachment, sha256);

  return attachment;
}

/**
 * ll_attachment_store_add_bytes:
 * @db: a #LlDatabase
 * @case_id: the case, or 0
 * @activity_id: the activity, or 0 (exactly one of @case_id and
 *   @activity_id is set)
 * @file_name: the file name shown to the user
 * @mime_type: (nullable): the MIME type; %NULL to guess it from the name
 *   and the bytes (g_content_type_guess())
 * @bytes: the contents, at most %LL_ATTACHMENT_MAX_SIZE
 * @error: return location for a #GError
 *
 * Stores a file in the database with its size and SHA-256 checksum, and
 * for a case a line in its history. A file over the limit is refused
 * with %LL_DATABASE_ERROR_INVALID saying both sizes; a missing case or
 * activity with %LL_DATABASE_ERROR_NOT_FOUND.
 *
 * Returns: (transfer full) (nullable): the attachment as stored
 */
LlAttachment *
ll_attachment_store_add_bytes (LlDatabase  *db,
                               gint64       case_id,
                               gint64       activity_id,
                               const char  *file_name,
                               const char  *mime_type,
                               GBytes      *bytes,
                               GError     **error)
{
  g_autoptr(LlAttachment) attachment = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  attachment = new_attachment (case_id, activity_id, file_name, mime_type, bytes);
  return insert (db, attachment, bytes, FALSE, error);
}

static void
set_file_error (GError     **error,
                GError      *io_error,
                const char  *name)
{
  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Translators: %s is a file name */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                 _("The file “%s” does not exist."), name);
  else
    /* Translators: %s is a file name, then the reason */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                 _("The file “%s” could not be read: %s"), name, io_error->message);
}

/**
 * ll_attachment_store_add_file:
 * @db: a #LlDatabase
 * @case_id: the case, or 0
 * @activity_id: the activity, or 0
 * @file: the file to attach
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Like ll_attachment_store_add_bytes() with the file's name and
 * contents. The size is checked before the file is read, so a file
 * over %LL_ATTACHMENT_MAX_SIZE is refused at once. A file that cannot
 * be read fails with %LL_DATABASE_ERROR_NOT_FOUND or
 * %LL_DATABASE_ERROR_FAILED naming it.
 *
 * Returns: (transfer full) (nullable): the attachment as stored
 */
LlAttachment *
ll_attachment_store_add_file (LlDatabase    *db,
                              gint64         case_id,
                              gint64         activity_id,
                              GFile         *file,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autoptr(LlAttachment) attachment = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  basename = g_file_get_basename (file);
  name = g_filename_display_name (basename != NULL ? basename : "");

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME,
                            G_FILE_QUERY_INFO_NONE, cancellable, &io_error);
  if (info == NULL)
    {
      set_file_error (error, io_error, name);
      return NULL;
    }

  if (g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME))
    {
      g_free (name);
      name = g_strdup (g_file_info_get_display_name (info));
    }

  if (g_file_info_get_size (info) > LL_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (g_file_info_get_size (info),
                                                  G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (LL_ATTACHMENT_MAX_SIZE,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is %s; an attachment can be at most %s."), name, size, limit);
      return NULL;
    }

  bytes = g_file_load_bytes (file, cancellable, NULL, &io_error);
  if (bytes == NULL)
    {
      set_file_error (error, io_error, name);
      return NULL;
    }

  attachment = new_attachment (case_id, activity_id, name, NULL, bytes);
  return insert (db, attachment, bytes, FALSE, error);
}

/**
 * ll_attachment_store_restore:
 * @db: a #LlDatabase
 * @attachment: an attachment removed with ll_attachment_store_remove()
 * @bytes: the bytes that call returned
 * @error: return location for a #GError
 *
 * Undoes a removal: adds the attachment again with the same metadata
 * (and the same id when it is still free), for a case with a line in
 * its history. On success @attachment holds the attachment as stored.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_attachment_store_restore (LlDatabase    *db,
                             LlAttachment  *attachment,
                             GBytes        *bytes,
                             GError       **error)
{
  g_autoptr(LlAttachment) stored = NULL;
  g_autofree char *sha256 = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ATTACHMENT (attachment), FALSE);
  g_return_val_if_fail (bytes != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  /* The metadata must describe these bytes. */
  sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_return_val_if_fail (g_strcmp0 (sha256, ll_attachment_get_sha256 (attachment)) == 0, FALSE);

  stored = insert (db, attachment, bytes, TRUE, error);
  if (stored == NULL)
    return FALSE;

  ll_attachment_update_from (attachment, stored);
  return TRUE;
}

/* Reading ------------------------------------------------------------------ */

/**
 * ll_attachment_store_get:
 * @db: a #LlDatabase
 * @id: an attachment id
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the attachment's metadata, or
 *   %NULL with %LL_DATABASE_ERROR_NOT_FOUND
 */
LlAttachment *
ll_attachment_store_get (LlDatabase  *db,
                         gint64       id,
                         GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " ATTACHMENT_COLUMNS " FROM attachments "
                                    "WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return NULL;

  if (step == LL_STEP_DONE)
    {
      set_not_found (error);
      return NULL;
    }

  return attachment_from_row (statement);
}

static GPtrArray *
list_attachments (LlDatabase  *db,
                  const char  *sql,
                  gint64       owner_id,
                  GError     **error)
{
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db, sql, error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, owner_id);

  attachments = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (attachments, attachment_from_row (statement));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&attachments);
}

/**
 * ll_attachment_store_list_for_case:
 * @db: a #LlDatabase
 * @case_id: a case
 * @error: return location for a #GError
 *
 * Lists metadata only; no file contents are read.
 *
 * Returns: (transfer full) (element-type LlAttachment) (nullable): the
 *   case's attachments in the order they were added
 */
GPtrArray *
ll_attachment_store_list_for_case (LlDatabase  *db,
                                   gint64       case_id,
                                   GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_attachments (db,
                           "SELECT " ATTACHMENT_COLUMNS " FROM attachments "
                           "WHERE case_id = ?1 ORDER BY id",
                           case_id, error);
}

/**
 * ll_attachment_store_list_for_activity:
 * @db: a #LlDatabase
 * @activity_id: an activity
 * @error: return location for a #GError
 *
 * Lists metadata only; no file contents are read.
 *
 * Returns: (transfer full) (element-type LlAttachment) (nullable): the
 *   activity's attachments in the order they were added
 */
GPtrArray *
ll_attachment_store_list_for_activity (LlDatabase  *db,
                                       gint64       activity_id,
                                       GError     **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return list_attachments (db,
                           "SELECT " ATTACHMENT_COLUMNS " FROM attachments "
                           "WHERE activity_id = ?1 ORDER BY id",
                           activity_id, error);
}

/**
 * ll_attachment_store_read:
 * @db: a #LlDatabase
 * @id: an attachment id
 * @error: return location for a #GError
 *
 * Reads the contents of one attachment.
 *
 * Returns: (transfer full) (nullable): the bytes, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND when the attachment is gone
 */
GBytes *
ll_attachment_store_read (LlDatabase  *db,
                          gint64       id,
                          GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT data FROM attachment_data WHERE attachment_id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return NULL;

  if (step == LL_STEP_DONE)
    {
      set_not_found (error);
      return NULL;
    }

  return g_bytes_new (sqlite3_column_blob (statement->stmt, 0),
                      sqlite3_column_bytes (statement->stmt, 0));
}

/* Changing ----------------------------------------------------------------- */

typedef struct
{
  LlAttachment *attachment;
  LlAttachment *stored;
} Update;

static gboolean
update_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Update *data = user_data;
  const char *columns[] = { "file_name", "note" };
  GValue values[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean ok;

  g_value_init (&values[0], G_TYPE_STRING);
  g_value_set_string (&values[0], ll_attachment_get_file_name (data->attachment));
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], ll_attachment_get_note (data->attachment));

  ok = _ll_database_update_versioned (db, "attachments", ll_attachment_get_id (data->attachment),
                                      ll_attachment_get_version (data->attachment),
                                      columns, values, 2, NULL, error);
  g_value_unset (&values[0]);
  g_value_unset (&values[1]);
  if (!ok)
    return FALSE;

  data->stored = ll_attachment_store_get (db, ll_attachment_get_id (data->attachment), error);
  return data->stored != NULL;
}

/**
 * ll_attachment_store_update:
 * @db: a #LlDatabase
 * @attachment: an attachment with a new file name or note, at the
 *   version the user saw
 * @error: return location for a #GError
 *
 * Saves the file name and the note (the rest describes the bytes and
 * does not change). Versioned: %LL_DATABASE_ERROR_CONFLICT when someone
 * else changed it first. On success @attachment holds the attachment as
 * stored.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_attachment_store_update (LlDatabase    *db,
                            LlAttachment  *attachment,
                            GError       **error)
{
  Update data = { attachment, NULL };
  gboolean ok;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (LL_IS_ATTACHMENT (attachment), FALSE);
  g_return_val_if_fail (ll_attachment_get_id (attachment) > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_required (ll_attachment_get_file_name (attachment), LABEL ("file-name"),
                             error))
    return FALSE;

  ok = ll_database_write (db, update_func, &data, error);
  if (ok)
    ll_attachment_update_from (attachment, data.stored);
  g_clear_object (&data.stored);

  return ok;
}

typedef struct
{
  LlAttachment *attachment;
  GBytes       *bytes;
} Remove;

static gboolean
remove_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Remove *data = user_data;
  gint64 id = ll_attachment_get_id (data->attachment);
  g_autoptr(LlAttachment) stored = NULL;

  stored = ll_attachment_store_get (db, id, error);
  if (stored == NULL)
    return FALSE;

  data->bytes = ll_attachment_store_read (db, id, error);
  if (data->bytes == NULL)
    return FALSE;

  /* attachment_data goes with it (ON DELETE CASCADE). */
  if (!_ll_database_delete_versioned (db, "attachments", id,
                                      ll_attachment_get_version (data->attachment), error))
    return FALSE;

  return add_case_event (db, stored, "attachment_removed", error);
}

/**
 * ll_attachment_store_remove:
 * @db: a #LlDatabase
 * @attachment: an attachment, at the version the user saw
 * @error: return location for a #GError
 *
 * Removes an attachment and its bytes (for a case, with a line in its
 * history). Versioned: %LL_DATABASE_ERROR_CONFLICT when someone else
 * changed it first, %LL_DATABASE_ERROR_NOT_FOUND when it is already
 * gone. The bytes are returned and @attachment keeps the metadata, so
 * that ll_attachment_store_restore() can undo the removal.
 *
 * Returns: (transfer full) (nullable): the removed bytes, or %NULL with
 *   @error set
 */
GBytes *
ll_attachment_store_remove (LlDatabase    *db,
                            LlAttachment  *attachment,
                            GError       **error)
{
  Remove data = { attachment, NULL };

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (LL_IS_ATTACHMENT (attachment), NULL);
  g_return_val_if_fail (ll_attachment_get_id (attachment) > 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!ll_database_write (db, remove_func, &data, error))
    {
      g_clear_pointer (&data.bytes, g_bytes_unref);
      return NULL;
    }

  return data.bytes;
}

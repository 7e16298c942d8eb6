/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-filed-document-store"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-database-private.h"
#include "ll-filed-document-store.h"

/* The office archive: a printed document is filed by copying its PDF
 * into the archive folder under a clear name and recording the copy in
 * `filed_documents` with its SHA-256, so that a later look can tell a
 * missing or changed file. The copy and the row go together: a copy
 * whose row could not be written is removed again. */

#define COLUMNS \
  "id, kind, title, period_from, period_to, path, sha256, params, filed_by, filed_host, " \
  "filed_at"

static LlFiledDocument *
document_from_row (LlStatement *statement)
{
  LlFiledDocument *self = ll_filed_document_new ();
  sqlite3_stmt *stmt = statement->stmt;

  _ll_filed_document_set (self,
                          sqlite3_column_int64 (stmt, 0),
                          (const char *) sqlite3_column_text (stmt, 1),
                          (const char *) sqlite3_column_text (stmt, 2),
                          (const char *) sqlite3_column_text (stmt, 3),
                          (const char *) sqlite3_column_text (stmt, 4),
                          (const char *) sqlite3_column_text (stmt, 5),
                          (const char *) sqlite3_column_text (stmt, 6),
                          (const char *) sqlite3_column_text (stmt, 7),
                          (const char *) sqlite3_column_text (stmt, 8),
                          (const char *) sqlite3_column_text (stmt, 9),
                          (const char *) sqlite3_column_text (stmt, 10));
  return self;
}

/* A file name from the title: no folder separators or control
 * characters, not too long. */
static char *
clean_name (const char *title)
{
  GString *name = g_string_new (NULL);
  const char *p;

  for (p = title; *p != '\0' && name->len < 180; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '/' || c == '\\' || c == ':' || g_unichar_iscntrl (c))
        g_string_append_c (name, '-');
      else
        g_string_append_unichar (name, c);
    }
  g_strstrip (name->str);
  name->len = strlen (name->str);
  if (name->len == 0 || name->str[0] == '.')
    g_string_prepend (name, "document");

  return g_string_free (name, FALSE);
}

static void
set_archive_error (GError     **error,
                   GError      *io_error,
                   const char  *archive_dir)
{
  g_autofree char *display = g_filename_display_name (archive_dir);

  if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (io_error));
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    /* Translators: %s is a folder */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                 _("The archive folder “%s” does not exist. Choose another one in Preferences "
                   "or create it; nothing was filed."), display);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED) ||
           g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_READ_ONLY))
    /* Translators: %s is a folder */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY,
                 _("You may not write to the archive folder “%s”; nothing was filed."),
                 display);
  else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    /* Translators: %s is a folder */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_DISK_FULL,
                 _("The disk of the archive folder “%s” is full; nothing was filed."), display);
  else
    /* Translators: %s is a folder, then the reason */
    g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                 _("The document could not be copied into the archive folder “%s” (%s); "
                   "nothing was filed."), display, io_error->message);
}

/* Creates a new file in @dir named @base.pdf, or @base (2).pdf … when
 * taken; never overwrites. */
static GFileOutputStream *
create_unique (GFile       *dir,
               const char  *base,
               GFile      **out_file,
               GError     **error)
{
  for (guint n = 1; n < 1000; n++)
    {
      g_autofree char *name = n == 1 ? g_strdup_printf ("%s.pdf", base)
                                     : g_strdup_printf ("%s (%u).pdf", base, n);
      g_autoptr(GFile) file = g_file_get_child (dir, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &local_error);
      if (stream != NULL)
        {
          *out_file = g_steal_pointer (&file);
          return stream;
        }
      if (!g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }

  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_EXISTS, "too many files of that name");
  return NULL;
}

/* Copies @source into @out, returning the SHA-256 of what was written. */
static char *
copy_with_checksum (GInputStream   *in,
                    GOutputStream  *out,
                    GCancellable   *cancellable,
                    GError        **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guchar *buffer = g_malloc (64 * 1024);

  for (;;)
    {
      gssize n = g_input_stream_read (in, buffer, 64 * 1024, cancellable, error);

      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      g_checksum_update (checksum, buffer, n);
      if (out != NULL && !g_output_stream_write_all (out, buffer, n, NULL, cancellable, error))
        return NULL;
    }

  return g_strdup (g_checksum_get_string (checksum));
}

/**
 * ll_filed_document_store_checksum_file:
 * @path: a file
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError (%G_IO_ERROR)
 *
 * Returns: (transfer full) (nullable): the file's SHA-256 in lower-case hex
 */
char *
ll_filed_document_store_checksum_file (const char    *path,
                                       GCancellable  *cancellable,
                                       GError       **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) in = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  in = g_file_read (file, cancellable, error);
  if (in == NULL)
    return NULL;

  return copy_with_checksum (G_INPUT_STREAM (in), NULL, cancellable, error);
}

typedef struct
{
  const char      *kind;
  const char      *title;
  const char      *period_from;
  const char      *period_to;
  const char      *path;
  const char      *sha256;
  const char      *params;
  LlFiledDocument *filed;
} Insert;

static gboolean
insert_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Insert *data = user_data;
  g_autoptr(LlStatement) statement = NULL;

  statement = _ll_database_prepare (db,
                                    "INSERT INTO filed_documents (kind, title, period_from, "
                                    "period_to, path, sha256, params) "
                                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING " COLUMNS,
                                    error);
  if (statement == NULL)
    return FALSE;

  _ll_statement_bind_text (statement, 1, data->kind);
  _ll_statement_bind_text (statement, 2, data->title);
  _ll_statement_bind_text (statement, 3, data->period_from);
  _ll_statement_bind_text (statement, 4, data->period_to);
  _ll_statement_bind_text (statement, 5, data->path);
  _ll_statement_bind_text (statement, 6, data->sha256);
  _ll_statement_bind_text (statement, 7, data->params);

  if (_ll_statement_step (statement, error) != LL_STEP_ROW)
    return FALSE;
  data->filed = document_from_row (statement);

  return _ll_statement_execute (statement, error);
}

static gboolean
valid_date (const char *text)
{
  return text == NULL || (strlen (text) == 10 && g_ascii_isdigit (text[0]) && text[4] == '-' &&
                          text[7] == '-');
}

/**
 * ll_filed_document_store_file:
 * @db: a #LlDatabase
 * @source: the PDF to file
 * @archive_dir: the office's archive folder; it must exist
 * @kind: the document's kind key, e.g. `annual_sheets`
 * @title: the document's title, which also names the copy
 * @period_from: (nullable): first day of the period, `YYYY-MM-DD`
 * @period_to: (nullable): last day of the period, `YYYY-MM-DD`
 * @params: (nullable): the parameters it was made with, a JSON object
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Copies @source into @archive_dir as “@title @period_from–@period_to,
 * filed DATE.pdf” (“ (2)” and so on when that name is taken; nothing is
 * overwritten), computes its SHA-256 and records it. A missing or
 * unwritable folder and a full disk are %LL_DATABASE_ERROR_NOT_FOUND,
 * %LL_DATABASE_ERROR_READ_ONLY and %LL_DATABASE_ERROR_DISK_FULL with a
 * sentence naming the folder. On any failure nothing remains: the copy
 * is removed when its row could not be written.
 *
 * Returns: (transfer full) (nullable): the filed document
 */
LlFiledDocument *
ll_filed_document_store_file (LlDatabase    *db,
                              const char    *source,
                              const char    *archive_dir,
                              const char    *kind,
                              const char    *title,
                              const char    *period_from,
                              const char    *period_to,
                              const char    *params,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autoptr(GFile) source_file = NULL;
  g_autoptr(GFile) dir = NULL;
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) io_error = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *name = NULL;
  g_autofree char *base = NULL;
  g_autofree char *today = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *path = NULL;
  g_autofree char *trimmed = NULL;
  Insert data = { 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (archive_dir != NULL, NULL);
  g_return_val_if_fail (kind != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  trimmed = g_strstrip (g_strdup (title));
  if (*trimmed == '\0' || !valid_date (period_from) ||
      !valid_date (period_to))
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("The document has no title or a wrong period; nothing was filed."));
      return NULL;
    }
  if (*archive_dir == '\0')
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                           _("No archive folder is chosen. Choose one in Preferences, "
                             "Reports."));
      return NULL;
    }

  source_file = g_file_new_for_path (source);
  in = g_file_read (source_file, cancellable, &io_error);
  if (in == NULL)
    {
      g_autofree char *display = g_filename_display_name (source);

      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&io_error));
      else
        /* Translators: %s is a file, then the reason */
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("The document “%s” could not be read (%s); nothing was filed."),
                     display, io_error->message);
      return NULL;
    }

  now = g_date_time_new_now_local ();
  today = g_date_time_format (now, "%Y-%m-%d");
  name = clean_name (title);
  if (period_from != NULL && period_to != NULL && strcmp (period_from, period_to) != 0)
    base = g_strdup_printf ("%s %s–%s, %s", name, period_from, period_to, today);
  else if (period_from != NULL || period_to != NULL)
    base = g_strdup_printf ("%s %s, %s", name, period_from ? period_from : period_to, today);
  else
    base = g_strdup_printf ("%s, %s", name, today);

  dir = g_file_new_for_path (archive_dir);
  if (g_file_query_file_type (dir, G_FILE_QUERY_INFO_NONE, NULL) != G_FILE_TYPE_DIRECTORY)
    {
      g_autoptr(GError) missing = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "");

      set_archive_error (error, missing, archive_dir);
      return NULL;
    }

  out = create_unique (dir, base, &target, &io_error);
  if (out == NULL)
    {
      set_archive_error (error, io_error, archive_dir);
      return NULL;
    }

  sha256 = copy_with_checksum (G_INPUT_STREAM (in), G_OUTPUT_STREAM (out), cancellable,
                               &io_error);
  if (sha256 == NULL ||
      !g_output_stream_close (G_OUTPUT_STREAM (out), cancellable, &io_error))
    {
      set_archive_error (error, io_error, archive_dir);
      g_file_delete (target, NULL, NULL);
      return NULL;
    }

  path = g_file_get_path (target);
  data.kind = kind;
  data.title = title;
  data.period_from = period_from;
  data.period_to = period_to;
  data.path = path;
  data.sha256 = sha256;
  data.params = params;
  if (!ll_database_write (db, insert_func, &data, error))
    {
      g_clear_object (&data.filed);
      g_file_delete (target, NULL, NULL);
      return NULL;
    }

  return data.filed;
}

/**
 * ll_filed_document_store_get:
 * @db: a #LlDatabase
 * @id: a filed document
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the filed document, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND
 */
LlFiledDocument *
ll_filed_document_store_get (LlDatabase  *db,
                             gint64       id,
                             GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);

  statement = _ll_database_prepare (db, "SELECT " COLUMNS " FROM filed_documents WHERE id = ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ROW)
    return document_from_row (statement);
  if (step == LL_STEP_DONE)
    g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                         _("This filed document is no longer in the database."));
  return NULL;
}

/**
 * ll_filed_document_store_list:
 * @db: a #LlDatabase
 * @limit: at most this many, or 0 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type LlFiledDocument) (nullable): the
 *   filed documents, newest first
 */
GPtrArray *
ll_filed_document_store_list (LlDatabase  *db,
                              guint        limit,
                              GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GPtrArray) documents = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT " COLUMNS " FROM filed_documents "
                                    "ORDER BY filed_at DESC, id DESC LIMIT ?1",
                                    error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, limit > 0 ? (gint64) limit : -1);
  documents = g_ptr_array_new_with_free_func (g_object_unref);
  while ((step = _ll_statement_step (statement, error)) == LL_STEP_ROW)
    g_ptr_array_add (documents, document_from_row (statement));
  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&documents);
}

/**
 * ll_filed_document_store_verify:
 * @document: a filed document
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Checks that the filed copy still exists and has the checksum recorded
 * when it was filed: %LL_DATABASE_ERROR_NOT_FOUND when it is gone,
 * %LL_DATABASE_ERROR_CONFLICT when its contents changed, each with a
 * sentence naming the file.
 *
 * Returns: %TRUE when the file is as it was filed
 */
gboolean
ll_filed_document_store_verify (LlFiledDocument  *document,
                                GCancellable     *cancellable,
                                GError          **error)
{
  g_autoptr(GError) io_error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *display = NULL;
  const char *path;

  g_return_val_if_fail (LL_IS_FILED_DOCUMENT (document), FALSE);

  path = ll_filed_document_get_path (document);
  display = g_filename_display_name (path);
  sha256 = ll_filed_document_store_checksum_file (path, cancellable, &io_error);
  if (sha256 == NULL)
    {
      if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&io_error));
      else if (g_error_matches (io_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
        /* Translators: %s is a file */
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("The filed file “%s” is missing: it was moved or deleted after it was "
                       "filed."), display);
      else
        /* Translators: %s is a file, then the reason */
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_IO,
                     _("The filed file “%s” could not be read (%s)."), display,
                     io_error->message);
      return FALSE;
    }

  if (ll_filed_document_get_sha256 (document) != NULL &&
      g_ascii_strcasecmp (sha256, ll_filed_document_get_sha256 (document)) != 0)
    {
      /* Translators: %s is a file */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT,
                   _("The filed file “%s” has been changed since it was filed; it is not the "
                     "document that was filed."), display);
      return FALSE;
    }

  return TRUE;
}

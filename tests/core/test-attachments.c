/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-attachments"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-activity-store.h"
#include "ll-attachment-store.h"
#include "ll-case-store.h"
#include "ll-core.h"
#include "ll-station-store.h"
#include "test-util.h"

/* Attachments: bytes in the database, checksums, MIME types, the size
 * limit, lists without blobs, removal that can be undone. */

typedef struct
{
  char       *dir;
  char       *path;
  LlDatabase *db;
  gint64      case_id;
  gint64      activity_id;
} Fixture;

static gint64
add_station (LlDatabase *db,
             const char *name,
             const char *kind,
             gint64      parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();

  ll_station_set_name (station, name);
  ll_station_set_kind (station, kind);
  ll_station_set_parent_id (station, parent_id);
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);
  return ll_station_get_id (station);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = ll_case_new ();
  g_autoptr(LlActivity) activity = ll_activity_new ();

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ll_database_set_user (fixture->db, "xiaoli");
  ll_database_set_host (fixture->db, "front-desk");

  g_assert_cmpint (add_station (fixture->db, "东湖社区联络站", "station", 0), ==, 1);

  ll_case_set_title (kase, "小区门口积水");
  ll_case_set_received_on (kase, "2025-03-05");
  ll_case_set_station_id (kase, 1);
  g_assert_true (ll_case_store_create (fixture->db, kase, NULL, 0, &error));
  g_assert_no_error (error);
  fixture->case_id = ll_case_get_id (kase);

  ll_activity_set_title (activity, "接待选民");
  ll_activity_set_held_on (activity, "2025-03-10");
  ll_activity_set_activity_type (activity, "reception");
  g_assert_true (ll_activity_store_create (fixture->db, activity, NULL, &error));
  g_assert_no_error (error);
  fixture->activity_id = ll_activity_get_id (activity);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static gint64
count (LlDatabase *db,
       const char *sql)
{
  return test_query_int (db, sql);
}

static GBytes *
random_bytes (gsize size)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (size);
  guint8 *data = g_malloc (size);

  for (gsize i = 0; i < size; i++)
    data[i] = g_rand_int (rand) & 0xff;

  return g_bytes_new_take (data, size);
}

static void
test_properties_are_columns (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (LL_TYPE_ATTACHMENT);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0, n_columns = 0;

  statement = _ll_database_prepare (fixture->db,
                                    "SELECT name FROM pragma_table_info ('attachments')", &error);
  g_assert_no_error (error);
  while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
    {
      g_autofree char *name = _ll_statement_dup_text (statement, 0);
      GParamSpec *pspec;

      g_strdelimit (name, "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
      g_assert_nonnull (pspec);
      g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
      g_assert_nonnull (ll_attachment_get_field_label (name));
      n_columns++;
    }
  g_assert_no_error (error);

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, n_columns);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GBytes) bytes = random_bytes (300 * 1024 + 7);
  g_autoptr(GBytes) read = NULL;
  g_autoptr(LlAttachment) attachment = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_autofree char *description = NULL;

  attachment = ll_attachment_store_add_bytes (fixture->db, fixture->case_id, 0, "来信扫描件.bin",
                                              "application/octet-stream", bytes, &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
  g_assert_cmpint (ll_attachment_get_id (attachment), >, 0);
  g_assert_cmpint (ll_attachment_get_version (attachment), ==, 1);
  g_assert_cmpint (ll_attachment_get_case_id (attachment), ==, fixture->case_id);
  g_assert_cmpint (ll_attachment_get_activity_id (attachment), ==, 0);
  g_assert_cmpstr (ll_attachment_get_file_name (attachment), ==, "来信扫描件.bin");
  g_assert_cmpint (ll_attachment_get_size (attachment), ==, g_bytes_get_size (bytes));
  g_assert_cmpstr (ll_attachment_get_sha256 (attachment), ==, sha256);
  g_assert_cmpstr (ll_attachment_get_added_by (attachment), ==, "xiaoli");
  g_assert_cmpstr (ll_attachment_get_added_host (attachment), ==, "front-desk");
  g_assert_nonnull (ll_attachment_get_added_at (attachment));

  read = ll_attachment_store_read (fixture->db, ll_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));
  {
    g_autofree char *read_sha256 = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, read);
    g_assert_cmpstr (read_sha256, ==, sha256);
  }

  /* The case's history says so. */
  events = ll_case_store_list_events (fixture->db, fixture->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 2);
  g_assert_cmpstr (ll_case_event_get_kind (events->pdata[1]), ==, "attachment_added");
  description = ll_case_event_dup_description (events->pdata[1]);
  g_assert_nonnull (strstr (description, "来信扫描件.bin"));

  /* An empty file is an empty attachment. */
  g_clear_object (&attachment);
  g_clear_pointer (&read, g_bytes_unref);
  g_clear_pointer (&bytes, g_bytes_unref);
  bytes = g_bytes_new (NULL, 0);
  attachment = ll_attachment_store_add_bytes (fixture->db, 0, fixture->activity_id, "空.txt",
                                              NULL, bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_attachment_get_size (attachment), ==, 0);
  read = ll_attachment_store_read (fixture->db, ll_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (read), ==, 0);

  g_assert_null (ll_attachment_store_read (fixture->db, 999, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

static void
test_mime_types (Fixture       *fixture,
                 gconstpointer  data)
{
  static const guint8 png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                                0, 0, 0, 13, 'I', 'H', 'D', 'R' };
  static const char pdf[] = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
  g_autoptr(GBytes) png_bytes = g_bytes_new_static (png, sizeof png);
  g_autoptr(GBytes) pdf_bytes = g_bytes_new_static (pdf, sizeof pdf - 1);
  g_autoptr(LlAttachment) photo = NULL;
  g_autoptr(LlAttachment) letter = NULL;
  g_autoptr(GError) error = NULL;

  photo = ll_attachment_store_add_bytes (fixture->db, fixture->case_id, 0, "现场照片.png", NULL,
                                         png_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_attachment_get_mime_type (photo), ==, "image/png");

  letter = ll_attachment_store_add_bytes (fixture->db, fixture->case_id, 0, "来信.pdf", NULL,
                                          pdf_bytes, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_attachment_get_mime_type (letter), ==, "application/pdf");
}

static void
test_file (Fixture       *fixture,
           gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "回访记录.txt", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->dir, "不存在.jpg", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(LlAttachment) attachment = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = "3月12日回访：群众表示满意。\n";

  g_assert_true (g_file_set_contents (path, text, -1, &error));
  g_assert_no_error (error);

  attachment = ll_attachment_store_add_file (fixture->db, fixture->case_id, 0, file, NULL,
                                             &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_attachment_get_file_name (attachment), ==, "回访记录.txt");
  g_assert_cmpstr (ll_attachment_get_mime_type (attachment), ==, "text/plain");
  g_assert_cmpint (ll_attachment_get_size (attachment), ==, strlen (text));

  read = ll_attachment_store_read (fixture->db, ll_attachment_get_id (attachment), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (g_bytes_get_data (read, NULL), g_bytes_get_size (read), text, strlen (text));

  g_assert_null (ll_attachment_store_add_file (fixture->db, fixture->case_id, 0, missing, NULL,
                                               &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "不存在.jpg"));
}

static void
test_size_limit (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "录像.mp4", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GBytes) too_big = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *size = g_format_size_full (60 * 1000 * 1000, G_FORMAT_SIZE_IEC_UNITS);
  g_autofree char *limit = g_format_size_full (LL_ATTACHMENT_MAX_SIZE,
                                               G_FORMAT_SIZE_IEC_UNITS);
  FILE *stream;

  /* A sparse 60 MB file: refused before it is read. */
  stream = fopen (path, "w");
  g_assert_nonnull (stream);
  g_assert_cmpint (fseek (stream, 60 * 1000 * 1000 - 1, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc (0, stream), ==, 0);
  fclose (stream);

  g_assert_null (ll_attachment_store_add_file (fixture->db, fixture->case_id, 0, file, NULL,
                                               &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "录像.mp4"));
  g_assert_nonnull (strstr (error->message, size));
  g_assert_nonnull (strstr (error->message, limit));
  g_clear_error (&error);

  /* One byte over the limit. */
  too_big = g_bytes_new_take (g_malloc0 (LL_ATTACHMENT_MAX_SIZE + 1),
                              LL_ATTACHMENT_MAX_SIZE + 1);
  g_assert_null (ll_attachment_store_add_bytes (fixture->db, fixture->case_id, 0, "大.bin", NULL,
                                                too_big, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, limit));

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachment_data"), ==, 0);
}

static void
test_owner (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static ("x", 1);
  g_autoptr(GError) error = NULL;

  g_assert_null (ll_attachment_store_add_bytes (fixture->db, 0, 0, "a.txt", NULL, bytes,
                                                &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (ll_attachment_store_add_bytes (fixture->db, fixture->case_id,
                                                fixture->activity_id, "a.txt", NULL, bytes,
                                                &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_null (ll_attachment_store_add_bytes (fixture->db, fixture->case_id, 0, " ", NULL,
                                                bytes, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "File name"));
  g_clear_error (&error);

  g_assert_null (ll_attachment_store_add_bytes (fixture->db, 777, 0, "a.txt", NULL, bytes,
                                                &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (ll_attachment_store_add_bytes (fixture->db, 0, 777, "a.txt", NULL, bytes,
                                                &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachments"), ==, 0);
}

static int
collect_sql_cb (unsigned int  type,
                void         *data,
                void         *p,
                void         *x)
{
  g_string_append_printf (data, "%s\n", sqlite3_expanded_sql (p));
  return 0;
}

static void
add (LlDatabase *db,
     gint64      case_id,
     gint64      activity_id,
     const char *file_name,
     GBytes     *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlAttachment) attachment = NULL;

  attachment = ll_attachment_store_add_bytes (db, case_id, activity_id, file_name, NULL, bytes,
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (attachment);
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GBytes) a = random_bytes (1000);
  g_autoptr(GBytes) b = random_bytes (2000);
  g_autoptr(GPtrArray) for_case = NULL;
  g_autoptr(GPtrArray) for_activity = NULL;
  g_autoptr(GString) statements = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  add (fixture->db, fixture->case_id, 0, "一.jpg", a);
  add (fixture->db, fixture->case_id, 0, "二.jpg", b);
  add (fixture->db, 0, fixture->activity_id, "三.jpg", a);

  /* Metadata only: the blobs are not read. */
  sqlite3_trace_v2 (_ll_database_get_handle (fixture->db), SQLITE_TRACE_STMT, collect_sql_cb,
                    statements);
  for_case = ll_attachment_store_list_for_case (fixture->db, fixture->case_id, &error);
  for_activity = ll_attachment_store_list_for_activity (fixture->db, fixture->activity_id,
                                                        &error);
  sqlite3_trace_v2 (_ll_database_get_handle (fixture->db), 0, NULL, NULL);
  g_assert_no_error (error);
  g_assert_null (strstr (statements->str, "attachment_data"));

  g_assert_cmpuint (for_case->len, ==, 2);
  g_assert_cmpstr (ll_attachment_get_file_name (for_case->pdata[0]), ==, "一.jpg");
  g_assert_cmpstr (ll_attachment_get_file_name (for_case->pdata[1]), ==, "二.jpg");
  g_assert_cmpint (ll_attachment_get_size (for_case->pdata[1]), ==, 2000);
  g_assert_cmpuint (for_activity->len, ==, 1);
  g_assert_cmpstr (ll_attachment_get_file_name (for_activity->pdata[0]), ==, "三.jpg");
}

static void
test_remove_and_undo (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GBytes) bytes = random_bytes (5000);
  g_autoptr(GBytes) removed = NULL;
  g_autoptr(GBytes) read = NULL;
  g_autoptr(LlAttachment) attachment = NULL;
  g_autoptr(LlAttachment) stale = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *added_at = NULL;
  gint64 id;

  attachment = ll_attachment_store_add_bytes (fixture->db, fixture->case_id, 0, "现场.jpg", NULL,
                                              bytes, &error);
  g_assert_no_error (error);
  id = ll_attachment_get_id (attachment);
  added_at = g_strdup (ll_attachment_get_added_at (attachment));
  stale = g_object_new (LL_TYPE_ATTACHMENT, "id", id, "version", (gint64) 1, NULL);

  /* A note: versioned. */
  ll_attachment_set_note (attachment, "路口东侧");
  g_assert_true (ll_attachment_store_update (fixture->db, attachment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_attachment_get_version (attachment), ==, 2);

  /* Removing from a stale copy: conflict, nothing removed. */
  g_assert_null (ll_attachment_store_remove (fixture->db, stale, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachment_data"), ==, 1);

  /* Removed, with the bytes handed back. */
  ll_database_set_host (fixture->db, "office-2");
  removed = ll_attachment_store_remove (fixture->db, attachment, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (removed, bytes));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachment_data"), ==, 0);

  g_assert_null (ll_attachment_store_remove (fixture->db, attachment, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Undo: the same attachment again, same id, same who and when. */
  g_assert_true (ll_attachment_store_restore (fixture->db, attachment, removed, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_attachment_get_id (attachment), ==, id);
  g_assert_cmpstr (ll_attachment_get_note (attachment), ==, "路口东侧");
  g_assert_cmpstr (ll_attachment_get_added_at (attachment), ==, added_at);
  g_assert_cmpstr (ll_attachment_get_added_host (attachment), ==, "front-desk");
  read = ll_attachment_store_read (fixture->db, id, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (read, bytes));

  events = ll_case_store_list_events (fixture->db, fixture->case_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (events->len, ==, 4);
  g_assert_cmpstr (ll_case_event_get_kind (events->pdata[2]), ==, "attachment_removed");
  g_assert_cmpstr (ll_case_event_get_host (events->pdata[2]), ==, "office-2");
  g_assert_cmpstr (ll_case_event_get_kind (events->pdata[3]), ==, "attachment_added");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");

#define ADD(name, func) \
  g_test_add ("/core/attachments/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("properties-are-columns", test_properties_are_columns);
  ADD ("round-trip", test_round_trip);
  ADD ("mime-types", test_mime_types);
  ADD ("file", test_file);
  ADD ("size-limit", test_size_limit);
  ADD ("owner", test_owner);
  ADD ("lists", test_lists);
  ADD ("remove-and-undo", test_remove_and_undo);

#undef ADD

  return g_test_run ();
}

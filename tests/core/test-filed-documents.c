/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-filed-documents"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ll-filed-document-store.h"
#include "test-util.h"

/* Filing a PDF: a copy in the archive folder under a clear name, never
 * overwriting; its checksum and row; nothing half-done on error; a
 * missing or changed file is told. */

typedef struct
{
  char       *dir;
  char       *archive;
  char       *pdf;
  LlDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = test_tmpdir ();
  path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  ll_database_set_user (fixture->db, "xiaoli");
  ll_database_set_host (fixture->db, "front-desk");

  fixture->archive = g_build_filename (fixture->dir, "archive", NULL);
  g_assert_cmpint (g_mkdir (fixture->archive, 0755), ==, 0);
  fixture->pdf = g_build_filename (fixture->dir, "report.pdf", NULL);
  g_file_set_contents (fixture->pdf, "%PDF-1.5\nnot really a pdf\n%%EOF\n", -1, &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->archive);
  g_free (fixture->pdf);
}

static guint
count_files (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (d != NULL && g_dir_read_name (d) != NULL)
    n++;
  return n;
}

static void
test_file_and_list (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFiledDocument) first = NULL;
  g_autoptr(LlFiledDocument) second = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sha256 = test_checksum (fixture->pdf);
  g_autofree char *base = NULL;
  g_autofree char *dirname = NULL;

  first = ll_filed_document_store_file (fixture->db, fixture->pdf, fixture->archive,
                                        "work_report", "东湖社区联络站工作报告",
                                        "2025-01-01", "2025-03-31", "{\"station\":1}",
                                        NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first);
  g_assert_cmpstr (ll_filed_document_get_sha256 (first), ==, sha256);
  g_assert_cmpstr (ll_filed_document_get_kind (first), ==, "work_report");
  g_assert_cmpstr (ll_filed_document_get_filed_by (first), ==, "xiaoli");
  g_assert_cmpstr (ll_filed_document_get_filed_host (first), ==, "front-desk");
  g_assert_cmpstr (ll_filed_document_get_period_from (first), ==, "2025-01-01");
  dirname = g_path_get_dirname (ll_filed_document_get_path (first));
  g_assert_cmpstr (dirname, ==, fixture->archive);
  base = g_path_get_basename (ll_filed_document_get_path (first));
  g_assert_true (g_str_has_prefix (base, "东湖社区联络站工作报告 2025-01-01–2025-03-31, "));
  g_assert_true (g_str_has_suffix (base, ".pdf"));
  {
    g_autofree char *copy = test_checksum (ll_filed_document_get_path (first));
    g_assert_cmpstr (copy, ==, sha256);
  }

  /* The same again: a second file, the first untouched. */
  second = ll_filed_document_store_file (fixture->db, fixture->pdf, fixture->archive,
                                         "work_report", "东湖社区联络站工作报告",
                                         "2025-01-01", "2025-03-31", NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_filed_document_get_path (first), !=, ll_filed_document_get_path (second));
  g_assert_true (g_str_has_suffix (ll_filed_document_get_path (second), " (2).pdf"));
  g_assert_cmpuint (count_files (fixture->archive), ==, 2);

  list = ll_filed_document_store_list (fixture->db, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  /* Newest first. */
  g_assert_cmpint (ll_filed_document_get_id (g_ptr_array_index (list, 0)), ==,
                   ll_filed_document_get_id (second));

  g_assert_true (ll_filed_document_store_verify (first, NULL, &error));
  g_assert_no_error (error);
}

static void
test_verify_missing_and_changed (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFiledDocument) doc = NULL;
  g_autoptr(LlFiledDocument) again = NULL;

  doc = ll_filed_document_store_file (fixture->db, fixture->pdf, fixture->archive, "ledger",
                                      "台账", "2025-01-01", "2025-12-31", NULL, NULL, &error);
  g_assert_no_error (error);

  g_file_set_contents (ll_filed_document_get_path (doc), "%PDF changed", -1, &error);
  g_assert_no_error (error);
  g_assert_false (ll_filed_document_store_verify (doc, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "changed"));
  g_clear_error (&error);

  g_assert_cmpint (g_unlink (ll_filed_document_get_path (doc)), ==, 0);
  again = ll_filed_document_store_get (fixture->db, ll_filed_document_get_id (doc), &error);
  g_assert_no_error (error);
  g_assert_false (ll_filed_document_store_verify (again, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "missing"));
}

static void
test_errors_leave_nothing (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlFiledDocument) doc = NULL;
  g_autofree char *missing = g_build_filename (fixture->dir, "no-such-folder", NULL);

  doc = ll_filed_document_store_file (fixture->db, fixture->pdf, missing, "ledger", "台账",
                                      NULL, NULL, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "does not exist"));
  g_clear_error (&error);

  if (geteuid () != 0)
    {
      g_assert_cmpint (chmod (fixture->archive, 0555), ==, 0);
      doc = ll_filed_document_store_file (fixture->db, fixture->pdf, fixture->archive, "ledger",
                                          "台账", NULL, NULL, NULL, NULL, &error);
      g_assert_null (doc);
      g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY);
      g_clear_error (&error);
      g_assert_cmpint (chmod (fixture->archive, 0755), ==, 0);
    }

  /* A row that cannot be written (a kind the schema refuses): the copy
   * is removed again. */
  doc = ll_filed_document_store_file (fixture->db, fixture->pdf, fixture->archive, "Bad Kind!",
                                      "台账", NULL, NULL, NULL, NULL, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpuint (count_files (fixture->archive), ==, 0);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM filed_documents"), ==, 0);
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
  g_test_add ("/core/filed-documents/" name, Fixture, NULL, fixture_set_up, func, \
              fixture_tear_down)

  ADD ("file-and-list", test_file_and_list);
  ADD ("verify-missing-and-changed", test_verify_missing_and_changed);
  ADD ("errors-leave-nothing", test_errors_leave_nothing);

  return g_test_run ();
}

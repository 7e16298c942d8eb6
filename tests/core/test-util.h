/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Small helpers shared by the core tests. */

#include <glib.h>
#include <glib/gstdio.h>

#include "ll-database-private.h"

/* A fresh folder, removed by test_tmpdir_free(). */
static inline char *
test_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lianluo-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static inline void
test_rm_rf (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

static inline char *
test_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static inline gboolean
test_timeout_cb (gpointer data)
{
  *(gboolean *) data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the default main context until *flag or about 10 s. */
static inline void
test_wait_for (const gboolean *flag)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, test_timeout_cb, &timed_out);

  while (!*flag && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_true (*flag);
}

static inline void
test_wait_checked (LlDatabase *db)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (10000, test_timeout_cb, &timed_out);

  while (!ll_database_get_checked (db) && !ll_database_get_damaged (db) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);
  g_assert_false (timed_out);
}

static inline gint64
test_query_int (LlDatabase *db,
                const char *sql)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = _ll_database_prepare (db, sql, &error);

  g_assert_no_error (error);
  g_assert_cmpint (_ll_statement_step (statement, &error), ==, LL_STEP_ROW);
  g_assert_no_error (error);
  return sqlite3_column_int64 (statement->stmt, 0);
}

typedef struct
{
  const char *sql;
} TestSql;

static inline gboolean
test_exec_func (LlDatabase  *db,
                gpointer     user_data,
                GError     **error)
{
  return _ll_database_exec (db, user_data, error);
}

/* Runs @sql in one write transaction. */
static inline gboolean
test_write_sql (LlDatabase  *db,
                const char  *sql,
                GError     **error)
{
  return ll_database_write (db, test_exec_func, (gpointer) sql, error);
}

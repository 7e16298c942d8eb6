/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-departments"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-department-store.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  char       *path;
  LlDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
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

static void
assert_error (GError     *error,
              int         code,
              const char *needle)
{
  g_assert_error (error, LL_DATABASE_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

static LlDepartment *
add_department (LlDatabase *db,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  LlDepartment *department = ll_department_new ();

  ll_department_set_name (department, name);
  g_assert_true (ll_department_store_create (db, department, &error));
  g_assert_no_error (error);

  return department;
}

static void
test_validate (void)
{
  g_autoptr(LlDepartment) department = ll_department_new ();
  g_autoptr(GError) error = NULL;
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_columns = 0;

  g_assert_false (ll_department_validate (department, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Name is required.");
  g_clear_error (&error);

  ll_department_set_name (department, "区住建局");
  ll_department_set_phone (department, "住建局电话");
  g_assert_false (ll_department_validate (department, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Phone: “住建局电话” is not a phone number.");
  g_clear_error (&error);

  ll_department_set_phone (department, "0571-87001234");
  g_assert_true (ll_department_validate (department, &error));
  g_assert_no_error (error);

  /* id, name, contact-person, phone, address, active, notes, version */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (department), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if ((pspecs[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE)
      n_columns++;
  g_assert_cmpuint (n_columns, ==, 8);
}

static void
test_create_unique (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDepartment) housing = add_department (fixture->db, "区住建局");
  g_autoptr(LlDepartment) transport = add_department (fixture->db, "区交通运输局");
  g_autoptr(LlDepartment) twin = ll_department_new ();
  g_autoptr(LlDepartment) found = NULL;

  g_assert_cmpint (ll_department_get_version (housing), ==, 1);
  g_assert_true (ll_department_get_active (housing));

  /* A duplicate name is a clear error, on create and on save. */
  ll_department_set_name (twin, "区住建局");
  g_assert_false (ll_department_store_create (fixture->db, twin, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_assert_cmpstr (error->message, ==, "A department named “区住建局” already exists.");
  g_clear_error (&error);
  g_assert_cmpint (ll_department_get_id (twin), ==, 0);

  ll_department_set_name (transport, "区住建局");
  g_assert_false (ll_department_store_update (fixture->db, transport, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "already exists");
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM departments "
                                                "WHERE name = '区交通运输局'"), ==, 1);

  /* Saving under its own name is fine. */
  ll_department_set_name (transport, "区交通运输局");
  ll_department_set_contact_person (transport, "王科长");
  g_assert_true (ll_department_store_update (fixture->db, transport, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_department_get_version (transport), ==, 2);

  found = ll_department_store_find_by_name (fixture->db, "区交通运输局", &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_department_get_id (found), ==, ll_department_get_id (transport));
  g_assert_cmpstr (ll_department_get_contact_person (found), ==, "王科长");
  g_clear_object (&found);
  found = ll_department_store_find_by_name (fixture->db, "区教育局", &error);
  g_assert_null (found);
  g_assert_no_error (error);
}

static void
test_delete_and_inactive (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDepartment) housing = add_department (fixture->db, "区住建局");
  g_autoptr(LlDepartment) unused = add_department (fixture->db, "区档案馆");
  g_autoptr(LlDepartment) read = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO stations (kind, name) VALUES ('station', '东湖社区联络站');"
                         "INSERT INTO cases (year, seq, serial, title, received_on, station_id, "
                         "status, handling_mode, department_id) VALUES "
                         "(2025, 1, '2025-0001', '老旧小区加装电梯', '2025-03-01', 1, "
                         "'assigned', 'department', %" G_GINT64_FORMAT "), "
                         "(2025, 2, '2025-0002', '路灯不亮', '2025-03-02', 1, "
                         "'assigned', 'department', %" G_GINT64_FORMAT ");",
                         ll_department_get_id (housing), ll_department_get_id (housing));
  g_assert_true (test_write_sql (fixture->db, sql, &error));
  g_assert_no_error (error);

  g_assert_false (ll_department_store_delete (fixture->db, housing, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_assert_cmpstr (error->message, ==, "“区住建局” is named in 2 cases; make it inactive instead.");
  g_clear_error (&error);

  g_assert_true (ll_department_store_set_active (fixture->db, housing, FALSE, &error));
  g_assert_no_error (error);
  g_assert_false (ll_department_get_active (housing));
  g_assert_cmpint (ll_department_get_version (housing), ==, 2);

  list = ll_department_store_list (fixture->db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (ll_department_get_name (g_ptr_array_index (list, 0)), ==, "区档案馆");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ll_department_store_list (fixture->db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);

  g_assert_true (ll_department_store_delete (fixture->db, unused, &error));
  g_assert_no_error (error);
  read = ll_department_store_get (fixture->db, ll_department_get_id (unused), &error);
  g_assert_null (read);
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, NULL);
}

static void
test_conflict_and_load_many (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(LlDepartment) a = add_department (fixture->db, "区教育局");
  g_autoptr(LlDepartment) b = add_department (fixture->db, "区卫健委");
  g_autoptr(LlDepartment) theirs = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  gint64 ids[] = { ll_department_get_id (b), 4242, ll_department_get_id (a) };

  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  theirs = ll_department_store_get (other_db, ll_department_get_id (a), &error);
  ll_department_set_phone (theirs, "0571-87002222");
  g_assert_true (ll_department_store_update (other_db, theirs, &error));

  ll_department_set_phone (a, "0571-87003333");
  g_assert_false (ll_department_store_update (fixture->db, a, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM departments "
                                                "WHERE phone = '0571-87002222'"), ==, 1);

  loaded = ll_department_store_load_many (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 2);
  g_assert_cmpstr (ll_department_get_name (g_ptr_array_index (loaded, 0)), ==, "区卫健委");
  g_assert_cmpstr (ll_department_get_name (g_ptr_array_index (loaded, 1)), ==, "区教育局");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");

  g_test_add_func ("/core/departments/validate", test_validate);

#define ADD(name, func) \
  g_test_add ("/core/departments/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-unique", test_create_unique);
  ADD ("delete-and-inactive", test_delete_and_inactive);
  ADD ("conflict-and-load-many", test_conflict_and_load_many);

#undef ADD

  return g_test_run ();
}

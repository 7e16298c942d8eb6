/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-groups-pairings"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-group-store.h"
#include "ll-pairing-store.h"
#include "ll-person-store.h"
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

static LlGroup *
add_group (LlDatabase  *db,
           const char  *kind,
           const char  *name,
           GError     **error)
{
  LlGroup *group = ll_group_new ();

  ll_group_set_kind (group, kind);
  ll_group_set_name (group, name);
  if (!ll_group_store_create (db, group, error))
    g_clear_object (&group);

  return group;
}

static LlPerson *
add_person (LlDatabase *db,
            const char *name,
            gint64      deputy_group_id)
{
  g_autoptr(GError) error = NULL;
  LlPerson *person = ll_person_new ();

  ll_person_set_name (person, name);
  ll_person_set_deputy_group_id (person, deputy_group_id);
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);

  return person;
}

/* Groups ------------------------------------------------------------------- */

static void
test_groups (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlGroup) third = add_group (fixture->db, "deputy", "第三代表小组", &error);
  g_autoptr(LlGroup) first = add_group (fixture->db, "deputy", "第一代表小组", &error);
  g_autoptr(LlGroup) urban = add_group (fixture->db, "specialty", "城建", &error);
  g_autoptr(LlGroup) twin = NULL;
  g_autoptr(LlGroup) found = NULL;
  g_autoptr(LlPerson) wang = NULL;
  g_autoptr(LlPerson) read = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_no_error (error);

  /* Validation and duplicates within a kind. */
  twin = add_group (fixture->db, "deputy", "", &error);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Name is required.");
  g_clear_error (&error);
  twin = add_group (fixture->db, "committee", "财经", &error);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Group kind: “committee”");
  g_clear_error (&error);
  twin = add_group (fixture->db, "deputy", "第三代表小组", &error);
  g_assert_null (twin);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "A Deputy Group named “第三代表小组” already exists.");
  g_clear_error (&error);
  twin = add_group (fixture->db, "specialty", "第一代表小组", &error);
  g_assert_nonnull (twin);
  g_assert_no_error (error);

  /* Deputy groups first, each kind by name. */
  list = ll_group_store_list (fixture->db, NULL, &error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpstr (ll_group_get_name (g_ptr_array_index (list, 0)), ==, "第一代表小组");
  g_assert_cmpstr (ll_group_get_name (g_ptr_array_index (list, 1)), ==, "第三代表小组");
  g_assert_cmpstr (ll_group_get_kind (g_ptr_array_index (list, 2)), ==, "specialty");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ll_group_store_list (fixture->db, "specialty", &error);
  g_assert_cmpuint (list->len, ==, 2);

  found = ll_group_store_find_by_name (fixture->db, "deputy", "第一代表小组", &error);
  g_assert_cmpint (ll_group_get_id (found), ==, ll_group_get_id (first));

  /* A group with members keeps its kind. */
  wang = add_person (fixture->db, "王建国", ll_group_get_id (third));
  g_assert_cmpint (ll_group_store_count_members (fixture->db, ll_group_get_id (third), &error),
                   ==, 1);
  ll_group_set_kind (third, "specialty");
  g_assert_false (ll_group_store_update (fixture->db, third, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“第三代表小组” has 1 member");
  g_clear_error (&error);
  ll_group_set_kind (third, "deputy");
  ll_group_set_notes (third, "每季度活动一次");
  g_assert_true (ll_group_store_update (fixture->db, third, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_group_get_version (third), ==, 2);

  /* Deleting it leaves its members without a group. */
  g_assert_true (ll_group_store_delete (fixture->db, third, &error));
  g_assert_no_error (error);
  read = ll_person_store_get (fixture->db, ll_person_get_id (wang), &error);
  g_assert_cmpint (ll_person_get_deputy_group_id (read), ==, 0);
  g_assert_null (ll_person_get_deputy_group_name (read));

  (void) urban;
}

static void
test_group_conflict (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(LlGroup) mine = add_group (fixture->db, "deputy", "第一代表小组", &error);
  g_autoptr(LlGroup) theirs = NULL;

  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  theirs = ll_group_store_get (other_db, ll_group_get_id (mine), &error);
  ll_group_set_name (theirs, "第一小组");
  g_assert_true (ll_group_store_update (other_db, theirs, &error));

  ll_group_set_name (mine, "一组");
  g_assert_false (ll_group_store_update (fixture->db, mine, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_clear_error (&error);
  g_assert_false (ll_group_store_delete (fixture->db, mine, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM groups "
                                                "WHERE name = '第一小组'"), ==, 1);
}

/* Pairings ----------------------------------------------------------------- */

static void
test_pairing_validate (void)
{
  struct {
    const char *property;
    const char *value;
    const char *message;
  } bad[] = {
    { "name", "", "Name is required." },
    { "kind", NULL, "Pairing is required." },
    { "kind", "neighbour", "Pairing: “neighbour” is not one of left_behind_child, " },
    { "since", "2025-02-30", "Since: “2025-02-30” is not a date" },
    { "ended-on", "2023-12-31", "Ended (2023-12-31) is before Since (2024-01-01)." },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LlPairing) pairing = ll_pairing_new ();
      g_autoptr(GError) error = NULL;

      ll_pairing_set_person_id (pairing, 1);
      ll_pairing_set_kind (pairing, "left_behind_child");
      ll_pairing_set_name (pairing, "小明");
      ll_pairing_set_since (pairing, "2024-01-01");
      g_assert_true (ll_pairing_validate (pairing, NULL));

      g_object_set (pairing, bad[i].property, bad[i].value, NULL);
      g_assert_false (ll_pairing_validate (pairing, &error));
      assert_error (error, LL_DATABASE_ERROR_INVALID, bad[i].message);
    }

  {
    g_autoptr(LlPairing) pairing = ll_pairing_new ();
    g_autoptr(GError) error = NULL;

    ll_pairing_set_kind (pairing, "school");
    ll_pairing_set_name (pairing, "东湖小学");
    g_assert_false (ll_pairing_validate (pairing, &error));
    assert_error (error, LL_DATABASE_ERROR_INVALID, "Person is required.");
  }
}

static void
test_pairings (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) wang = add_person (fixture->db, "王建国", 0);
  g_autoptr(LlPairing) child = ll_pairing_new ();
  g_autoptr(LlPairing) school = ll_pairing_new ();
  g_autoptr(LlPairing) ghost = ll_pairing_new ();
  g_autoptr(LlPairing) read = NULL;
  g_autoptr(GPtrArray) list = NULL;

  ll_pairing_set_person_id (child, ll_person_get_id (wang));
  ll_pairing_set_kind (child, "left_behind_child");
  ll_pairing_set_name (child, "小明");
  ll_pairing_set_contact (child, "奶奶 13900001111");
  ll_pairing_set_since (child, "2023-09-01");
  g_assert_true (ll_pairing_store_create (fixture->db, child, &error));
  g_assert_no_error (error);

  ll_pairing_set_person_id (school, ll_person_get_id (wang));
  ll_pairing_set_kind (school, "school");
  ll_pairing_set_name (school, "东湖小学");
  ll_pairing_set_since (school, "2022-09-01");
  ll_pairing_set_ended_on (school, "2024-08-31");
  g_assert_true (ll_pairing_store_create (fixture->db, school, &error));
  g_assert_no_error (error);

  ll_pairing_set_person_id (ghost, 4242);
  ll_pairing_set_kind (ghost, "farmer");
  ll_pairing_set_name (ghost, "种粮大户");
  g_assert_false (ll_pairing_store_create (fixture->db, ghost, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "The person does not exist");
  g_clear_error (&error);

  /* Current ones only, or the history too. */
  list = ll_pairing_store_list_by_person (fixture->db, ll_person_get_id (wang), FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpstr (ll_pairing_get_name (g_ptr_array_index (list, 0)), ==, "小明");
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ll_pairing_store_list_by_person (fixture->db, ll_person_get_id (wang), TRUE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ll_pairing_store_list (fixture->db, "school", TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);

  read = ll_pairing_store_get (fixture->db, ll_pairing_get_id (child), &error);
  g_assert_cmpstr (ll_pairing_get_contact (read), ==, "奶奶 13900001111");
  ll_pairing_set_ended_on (read, "2025-03-15");
  g_assert_true (ll_pairing_store_update (fixture->db, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_pairing_get_version (read), ==, 2);

  /* The stale one conflicts; deleting goes by version too. */
  ll_pairing_set_notes (child, "每月探访");
  g_assert_false (ll_pairing_store_update (fixture->db, child, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_clear_error (&error);
  g_assert_true (ll_pairing_store_delete (fixture->db, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM pairings"), ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LIANLUO_TODAY", "2025-03-15", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");

  g_test_add_func ("/core/pairings/validate", test_pairing_validate);

#define ADD(name, func) \
  g_test_add ("/core/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("groups/store", test_groups);
  ADD ("groups/conflict", test_group_conflict);
  ADD ("pairings/store", test_pairings);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-stations"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-area-store.h"
#include "ll-core.h"
#include "ll-membership-store.h"
#include "ll-person-store.h"
#include "ll-station-store.h"
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

  g_setenv ("LIANLUO_TODAY", "2025-03-15", TRUE);
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

/* Helpers ------------------------------------------------------------------ */

static LlStation *
add_station (LlDatabase *db,
             const char *name,
             const char *kind,
             gint64      parent_id)
{
  g_autoptr(GError) error = NULL;
  LlStation *station = ll_station_new ();

  ll_station_set_name (station, name);
  ll_station_set_kind (station, kind);
  ll_station_set_parent_id (station, parent_id);
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_station_get_id (station), >, 0);

  return station;
}

static gint64
add_person (LlDatabase *db,
            const char *name,
            const char *role)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();

  ll_person_set_name (person, name);
  ll_person_set_role (person, role);
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);

  return ll_person_get_id (person);
}

static void
station_person (LlDatabase *db,
                gint64      person_id,
                gint64      station_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) membership = NULL;

  membership = ll_membership_store_assign (db, person_id, station_id, NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (membership);
}

static void
add_case (LlDatabase *db,
          gint64      station_id,
          int         seq,
          const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO cases (year, seq, serial, title, received_on, station_id, "
                         "status) VALUES (2025, %d, printf('2025-%%04d', %d), '路灯不亮', "
                         "'2025-03-01', %" G_GINT64_FORMAT ", '%s')",
                         seq, seq, station_id, status);
  g_assert_true (test_write_sql (db, sql, &error));
  g_assert_no_error (error);
}

static gint64
count_rows (LlDatabase *db,
            const char *sql)
{
  return test_query_int (db, sql);
}

/* The error has @code and its message contains @needle. */
static void
assert_error (GError     *error,
              int         code,
              const char *needle)
{
  g_assert_error (error, LL_DATABASE_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

/* Every column-property of @a equals @b's. */
static void
assert_same_columns (GObject *a,
                     GObject *b)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (a), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      GValue va = G_VALUE_INIT;
      GValue vb = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
        continue;

      g_value_init (&va, pspecs[i]->value_type);
      g_value_init (&vb, pspecs[i]->value_type);
      g_object_get_property (a, pspecs[i]->name, &va);
      g_object_get_property (b, pspecs[i]->name, &vb);
      if (g_param_values_cmp (pspecs[i], &va, &vb) != 0)
        {
          g_autofree char *sa = g_strdup_value_contents (&va);
          g_autofree char *sb = g_strdup_value_contents (&vb);

          g_error ("property %s differs: %s vs %s", pspecs[i]->name, sa, sb);
        }
      g_value_unset (&va);
      g_value_unset (&vb);
    }
}

static int
count_statement_cb (unsigned int  type,
                    void         *data,
                    void         *p,
                    void         *x)
{
  if (type == SQLITE_TRACE_STMT)
    (*(guint *) data)++;

  return 0;
}

/* Records ------------------------------------------------------------------ */

static void
test_station_record (void)
{
  g_autoptr(LlStation) station = ll_station_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_columns = 0;
  const char *columns[] = {
    "id", "parent-id", "kind", "name", "area-id", "address", "opened-on", "floor-area", "phone",
    "reception-schedule", "reception-days", "active", "archived-at", "notes", "version", NULL,
  };

  /* Every editable column is a read-write property; nothing else is. */
  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (station), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      if ((pspecs[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE)
        {
          g_assert_true (g_strv_contains (columns, pspecs[i]->name));
          n_columns++;
        }
      g_assert_true (pspecs[i]->flags & G_PARAM_EXPLICIT_NOTIFY);
    }
  g_assert_cmpuint (n_columns, ==, g_strv_length ((char **) columns));
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (station), "created-at"));
  g_assert_nonnull (g_object_class_find_property (G_OBJECT_GET_CLASS (station), "depth"));

  /* Defaults and “not set”. */
  g_assert_cmpstr (ll_station_get_kind (station), ==, "station");
  g_assert_true (ll_station_get_active (station));
  g_assert_cmpfloat (ll_station_get_floor_area (station), ==, LL_STATION_FLOOR_AREA_UNSET);
  ll_station_set_address (station, "");
  g_assert_null (ll_station_get_address (station));
}

static void
test_station_validate (void)
{
  struct {
    const char *property;
    const char *value;
    const char *field;
  } bad[] = {
    { "name", "", "Name" },
    { "name", "   ", "Name" },
    { "kind", "village_hall", "Station kind" },
    { "kind", NULL, "Station kind" },
    { "opened-on", "2025-02-30", "Opened" },
    { "opened-on", "2025/03/01", "Opened" },
    { "phone", "12-34-abc", "Phone" },
    { "reception-days", "10,32", "Reception days" },
    { "reception-days", "0", "Reception days" },
    { "reception-days", "10,,18", "Reception days" },
    { "reception-days", "10,10", "Reception days" },
    { "reception-days", "10;18", "Reception days" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LlStation) station = ll_station_new ();
      g_autoptr(GError) error = NULL;

      ll_station_set_name (station, "东湖社区人大代表联络站");
      ll_station_set_reception_days (station, "10,18");
      ll_station_set_phone (station, "0571-87654321");
      ll_station_set_opened_on (station, "2024-02-29");
      g_assert_true (ll_station_validate (station, NULL));

      g_object_set (station, bad[i].property, bad[i].value, NULL);
      g_assert_false (ll_station_validate (station, &error));
      assert_error (error, LL_DATABASE_ERROR_INVALID, bad[i].field);
    }

  {
    g_autoptr(LlStation) station = ll_station_new ();
    g_autoptr(GError) error = NULL;

    ll_station_set_name (station, "东湖社区人大代表联络站");
    ll_station_set_floor_area (station, -5);
    g_assert_false (ll_station_validate (station, &error));
    assert_error (error, LL_DATABASE_ERROR_INVALID, "Floor area");
    g_clear_error (&error);

    ll_station_set_floor_area (station, 0);
    g_assert_true (ll_station_validate (station, &error));
    g_assert_no_error (error);
  }
}

/* Store -------------------------------------------------------------------- */

static void
test_create_get_update (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) home = add_station (fixture->db, "城关镇人大代表之家", "home", 0);
  g_autoptr(LlStation) station = ll_station_new ();
  g_autoptr(LlStation) read = NULL;
  g_autoptr(LlStation) bad = ll_station_new ();

  ll_station_set_name (station, "东湖社区人大代表联络站");
  ll_station_set_parent_id (station, ll_station_get_id (home));
  ll_station_set_address (station, "东湖路18号");
  ll_station_set_opened_on (station, "2019-05-20");
  ll_station_set_floor_area (station, 120.5);
  ll_station_set_phone (station, "0571-87654321");
  ll_station_set_reception_schedule (station, "每月10日接待选民");
  ll_station_set_reception_days (station, "10,18");
  ll_station_set_notes (station, "一站多点");

  g_assert_true (ll_station_store_create (fixture->db, station, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_station_get_version (station), ==, 1);
  g_assert_nonnull (ll_station_get_created_at (station));

  read = ll_station_store_get (fixture->db, ll_station_get_id (station), &error);
  g_assert_no_error (error);
  assert_same_columns (G_OBJECT (station), G_OBJECT (read));
  g_clear_object (&read);

  /* A versioned save. */
  ll_station_set_name (station, "东湖社区联络站");
  ll_station_set_floor_area (station, LL_STATION_FLOOR_AREA_UNSET);
  g_assert_true (ll_station_store_update (fixture->db, station, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_station_get_version (station), ==, 2);
  read = ll_station_store_get (fixture->db, ll_station_get_id (station), &error);
  g_assert_cmpstr (ll_station_get_name (read), ==, "东湖社区联络站");
  g_assert_cmpfloat (ll_station_get_floor_area (read), ==, LL_STATION_FLOOR_AREA_UNSET);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations "
                                            "WHERE floor_area IS NULL"), ==, 2);
  assert_same_columns (G_OBJECT (station), G_OBJECT (read));

  /* Refused values are never written. */
  ll_station_set_name (bad, "");
  g_assert_false (ll_station_store_create (fixture->db, bad, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Name");
  g_clear_error (&error);
  g_assert_cmpint (ll_station_get_id (bad), ==, 0);

  ll_station_set_name (bad, "幽灵站");
  ll_station_set_area_id (bad, 4242);
  g_assert_false (ll_station_store_create (fixture->db, bad, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "area does not exist");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations"), ==, 2);

  /* Missing. */
  g_clear_object (&read);
  read = ll_station_store_get (fixture->db, 4242, &error);
  g_assert_null (read);
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, NULL);
}

static void
test_tree_cycle (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) home = add_station (fixture->db, "城关镇人大代表之家", "home", 0);
  g_autoptr(LlStation) station = add_station (fixture->db, "东湖社区联络站", "station",
                                              ll_station_get_id (home));
  g_autoptr(LlStation) point = add_station (fixture->db, "民情茶话亭", "point",
                                            ll_station_get_id (station));
  g_autoptr(LlStation) other = add_station (fixture->db, "南湖社区联络站", "station", 0);
  gint64 version = ll_station_get_version (home);

  /* Under one of its own points, under itself, under nothing that exists. */
  g_assert_false (ll_station_store_set_parent (fixture->db, home, ll_station_get_id (point),
                                               &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID,
                "A station cannot be placed under itself or under one of its own points.");
  g_clear_error (&error);

  g_assert_false (ll_station_store_set_parent (fixture->db, home, ll_station_get_id (home),
                                               &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "under itself");
  g_clear_error (&error);

  g_assert_false (ll_station_store_set_parent (fixture->db, station, 4242, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "does not exist");
  g_clear_error (&error);

  /* The same through a full save. */
  ll_station_set_parent_id (home, ll_station_get_id (station));
  g_assert_false (ll_station_store_update (fixture->db, home, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "under itself");
  g_clear_error (&error);
  ll_station_set_parent_id (home, 0);

  /* Nothing moved. */
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations "
                                            "WHERE parent_id IS NULL"), ==, 2);
  g_assert_cmpint (ll_station_get_version (home), ==, version);
  g_assert_cmpint (ll_station_get_parent_id (station), ==, ll_station_get_id (home));

  /* A legal move takes the subtree along. */
  g_assert_true (ll_station_store_set_parent (fixture->db, station, ll_station_get_id (other),
                                              &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_station_get_parent_id (station), ==, ll_station_get_id (other));
  g_assert_cmpint (ll_station_get_version (station), ==, 2);
  {
    g_autoptr(GPtrArray) children = ll_station_store_list_children (fixture->db,
                                                                    ll_station_get_id (other),
                                                                    FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (children->len, ==, 1);
    g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (children, 0)), ==,
                     "东湖社区联络站");
  }

  /* Back to the top level. */
  g_assert_true (ll_station_store_set_parent (fixture->db, station, 0, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations "
                                            "WHERE parent_id IS NULL"), ==, 3);
}

static void
test_list_all (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) b = add_station (fixture->db, "B 镇人大代表之家", "home", 0);
  g_autoptr(LlStation) a = add_station (fixture->db, "A 镇人大代表之家", "home", 0);
  g_autoptr(LlStation) a2 = add_station (fixture->db, "A2 社区联络站", "station",
                                         ll_station_get_id (a));
  g_autoptr(LlStation) a1 = add_station (fixture->db, "A1 社区联络站", "station",
                                         ll_station_get_id (a));
  g_autoptr(LlStation) a1p = add_station (fixture->db, "A1 茶话亭", "point",
                                          ll_station_get_id (a1));
  g_autoptr(LlStation) b1 = add_station (fixture->db, "B1 社区联络站", "station",
                                         ll_station_get_id (b));
  /* A name that is a prefix of its sibling's must not swallow its subtree. */
  g_autoptr(LlStation) a_b = add_station (fixture->db, "A 镇人大代表之家分站", "station", 0);
  g_autoptr(GPtrArray) all = NULL;
  const char *expected[] = {
    "A 镇人大代表之家", "A1 社区联络站", "A1 茶话亭", "A2 社区联络站",
    "A 镇人大代表之家分站", "B 镇人大代表之家", "B1 社区联络站",
  };
  const guint depths[] = { 0, 1, 2, 1, 0, 0, 1 };
  gint64 deputy = add_person (fixture->db, "王建国", "deputy");
  gint64 judge = add_person (fixture->db, "李法官", "judge");
  g_autoptr(LlMembership) copy = NULL;

  station_person (fixture->db, deputy, ll_station_get_id (a1));
  station_person (fixture->db, judge, ll_station_get_id (a1));
  copy = ll_membership_store_assign (fixture->db, judge, ll_station_get_id (b1), NULL, TRUE,
                                     &error);
  g_assert_no_error (error);
  add_case (fixture->db, ll_station_get_id (a1), 1, "registered");
  add_case (fixture->db, ll_station_get_id (a1), 2, "replied");
  add_case (fixture->db, ll_station_get_id (a1), 3, "closed");
  add_case (fixture->db, ll_station_get_id (b1), 4, "assigned");

  all = ll_station_store_list_all (fixture->db, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < all->len; i++)
    {
      LlStation *station = g_ptr_array_index (all, i);

      g_assert_cmpstr (ll_station_get_name (station), ==, expected[i]);
      g_assert_cmpuint (ll_station_get_depth (station), ==, depths[i]);
      if (ll_station_get_id (station) == ll_station_get_id (a1))
        {
          g_assert_cmpint (ll_station_get_people_count (station), ==, 2);
          g_assert_cmpint (ll_station_get_open_case_count (station), ==, 2);
        }
      else if (ll_station_get_id (station) == ll_station_get_id (b1))
        {
          g_assert_cmpint (ll_station_get_people_count (station), ==, 1);
          g_assert_cmpint (ll_station_get_open_case_count (station), ==, 1);
        }
      else
        {
          g_assert_cmpint (ll_station_get_people_count (station), ==, 0);
          g_assert_cmpint (ll_station_get_open_case_count (station), ==, 0);
        }
    }

  /* The same counts for one station, and the roots in name order. */
  {
    gint64 n_people = -1, n_open = -1;
    g_autoptr(GPtrArray) roots = NULL;

    g_assert_true (ll_station_store_get_counts (fixture->db, ll_station_get_id (a1), &n_people,
                                                &n_open, &error));
    g_assert_no_error (error);
    g_assert_cmpint (n_people, ==, 2);
    g_assert_cmpint (n_open, ==, 2);

    roots = ll_station_store_list_children (fixture->db, 0, FALSE, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (roots->len, ==, 3);
    g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (roots, 0)), ==, "A 镇人大代表之家");
    g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (roots, 2)), ==, "B 镇人大代表之家");
  }

  g_assert_cmpint (ll_station_store_count (fixture->db, FALSE, &error), ==, 7);
  (void) a2;
  (void) a1p;
  (void) a_b;
}

static void
test_list_filters (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlArea) district = ll_area_new ();
  g_autoptr(LlArea) town = ll_area_new ();
  g_autoptr(LlArea) community = ll_area_new ();
  g_autoptr(LlArea) other_town = ll_area_new ();
  g_autoptr(LlStation) s1 = ll_station_new ();
  g_autoptr(LlStation) s2 = ll_station_new ();
  g_autoptr(LlStation) s3 = ll_station_new ();
  g_autoptr(GPtrArray) list = NULL;

  ll_area_set_level (district, "district");
  ll_area_set_name (district, "西湖区");
  g_assert_true (ll_area_store_create (fixture->db, district, &error));
  ll_area_set_level (town, "town");
  ll_area_set_name (town, "东湖街道");
  ll_area_set_parent_id (town, ll_area_get_id (district));
  g_assert_true (ll_area_store_create (fixture->db, town, &error));
  ll_area_set_level (community, "community");
  ll_area_set_name (community, "东湖社区");
  ll_area_set_parent_id (community, ll_area_get_id (town));
  g_assert_true (ll_area_store_create (fixture->db, community, &error));
  ll_area_set_level (other_town, "town");
  ll_area_set_name (other_town, "城关镇");
  ll_area_set_parent_id (other_town, ll_area_get_id (district));
  g_assert_true (ll_area_store_create (fixture->db, other_town, &error));
  g_assert_no_error (error);

  ll_station_set_name (s1, "东湖街道人大代表之家");
  ll_station_set_kind (s1, "home");
  ll_station_set_area_id (s1, ll_area_get_id (town));
  ll_station_set_name (s2, "东湖社区联络站");
  ll_station_set_area_id (s2, ll_area_get_id (community));
  ll_station_set_name (s3, "城关镇联络站");
  ll_station_set_area_id (s3, ll_area_get_id (other_town));
  g_assert_true (ll_station_store_create (fixture->db, s1, &error));
  g_assert_true (ll_station_store_create (fixture->db, s2, &error));
  g_assert_true (ll_station_store_create (fixture->db, s3, &error));
  g_assert_no_error (error);

  /* A town's stations include its communities'. */
  list = ll_station_store_list (fixture->db, ll_area_get_id (town), NULL, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = ll_station_store_list (fixture->db, ll_area_get_id (district), "station", FALSE, &error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (list, 0)), ==, "东湖社区联络站");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = ll_station_store_list (fixture->db, 0, "home", FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  g_assert_true (ll_station_store_archive (fixture->db, s3, &error));
  list = ll_station_store_list (fixture->db, ll_area_get_id (other_town), NULL, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ll_station_store_list (fixture->db, ll_area_get_id (other_town), NULL, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (ll_station_store_count (fixture->db, FALSE, &error), ==, 2);
  g_assert_cmpint (ll_station_store_count (fixture->db, TRUE, &error), ==, 3);
  g_assert_no_error (error);
}

static void
test_archive (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = add_station (fixture->db, "东湖社区联络站", "station", 0);
  g_autoptr(LlStation) point = add_station (fixture->db, "民情茶话亭", "point",
                                            ll_station_get_id (station));
  g_autoptr(LlStation) other = add_station (fixture->db, "南湖社区联络站", "station", 0);
  g_autoptr(LlStation) read = NULL;
  g_autoptr(GPtrArray) list = NULL;

  g_assert_true (ll_station_store_archive (fixture->db, station, &error));
  g_assert_no_error (error);
  g_assert_false (ll_station_get_active (station));
  g_assert_nonnull (ll_station_get_archived_at (station));
  g_assert_cmpint (ll_station_get_version (station), ==, 2);

  /* Its points close with it. */
  read = ll_station_store_get (fixture->db, ll_station_get_id (point), &error);
  g_assert_false (ll_station_get_active (read));
  g_assert_cmpstr (ll_station_get_archived_at (read), ==, ll_station_get_archived_at (station));

  list = ll_station_store_list_all (fixture->db, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = ll_station_store_list_all (fixture->db, TRUE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A point does not reopen under a closed station, nor does an open
   * station go under one. */
  g_assert_false (ll_station_store_unarchive (fixture->db, read, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“东湖社区联络站”");
  g_clear_error (&error);
  g_assert_false (ll_station_store_set_parent (fixture->db, other, ll_station_get_id (station),
                                               &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "is closed");
  g_clear_error (&error);

  /* Nobody is stationed at a closed station. */
  {
    gint64 person = add_person (fixture->db, "王建国", "deputy");
    g_autoptr(LlMembership) membership = NULL;

    membership = ll_membership_store_assign (fixture->db, person, ll_station_get_id (station),
                                             NULL, FALSE, &error);
    g_assert_null (membership);
    assert_error (error, LL_DATABASE_ERROR_INVALID, "“东湖社区联络站” is closed");
    g_clear_error (&error);
  }

  g_assert_true (ll_station_store_unarchive (fixture->db, station, &error));
  g_assert_no_error (error);
  g_assert_true (ll_station_get_active (station));
  g_assert_null (ll_station_get_archived_at (station));
  g_assert_true (ll_station_store_unarchive (fixture->db, read, &error));
  g_assert_no_error (error);

  /* A stale copy cannot archive over someone else's save. */
  g_clear_object (&read);
  read = ll_station_store_get (fixture->db, ll_station_get_id (other), &error);
  ll_station_set_notes (other, "新址");
  g_assert_true (ll_station_store_update (fixture->db, other, &error));
  g_assert_false (ll_station_store_archive (fixture->db, read, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations WHERE active = 1"),
                   ==, 3);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = add_station (fixture->db, "东湖社区联络站", "station", 0);
  g_autoptr(LlStation) home = add_station (fixture->db, "城关镇人大代表之家", "home", 0);
  g_autoptr(LlStation) point = add_station (fixture->db, "民情茶话亭", "point",
                                            ll_station_get_id (home));
  g_autoptr(LlStation) empty = add_station (fixture->db, "网上联络站", "online", 0);
  g_autoptr(LlStation) read = NULL;
  gint64 p1 = add_person (fixture->db, "王建国", "deputy");
  gint64 p2 = add_person (fixture->db, "李秀英", "deputy");
  gint64 p3 = add_person (fixture->db, "张伟", "deputy");

  station_person (fixture->db, p1, ll_station_get_id (station));
  station_person (fixture->db, p2, ll_station_get_id (station));
  add_case (fixture->db, ll_station_get_id (station), 1, "registered");
  add_case (fixture->db, ll_station_get_id (station), 2, "closed");
  add_case (fixture->db, ll_station_get_id (station), 3, "closed");

  g_assert_false (ll_station_store_delete (fixture->db, station, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_assert_cmpstr (error->message, ==,
                   "“东湖社区联络站” still has 2 people and 3 cases; archive it instead.");
  g_clear_error (&error);

  g_assert_false (ll_station_store_delete (fixture->db, home, &error));
  g_assert_cmpstr (error->message, ==,
                   "“城关镇人大代表之家” still has 1 station or point under it; "
                   "archive it instead.");
  g_clear_error (&error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations"), ==, 4);

  /* Ended memberships are history, not a reason to keep the station. */
  station_person (fixture->db, p3, ll_station_get_id (empty));
  g_setenv ("LIANLUO_TODAY", "2025-04-01", TRUE);
  station_person (fixture->db, p3, ll_station_get_id (station));
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM memberships "
                                            "WHERE to_date IS NOT NULL"), ==, 1);

  g_assert_true (ll_station_store_delete (fixture->db, empty, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM memberships "
                                            "WHERE to_date IS NOT NULL"), ==, 0);
  read = ll_station_store_get (fixture->db, ll_station_get_id (empty), &error);
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, NULL);
  g_clear_error (&error);

  /* The point, then its home. */
  g_assert_true (ll_station_store_delete (fixture->db, point, &error));
  g_assert_true (ll_station_store_delete (fixture->db, home, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (fixture->db, "SELECT count(*) FROM stations"), ==, 1);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(LlStation) created = add_station (fixture->db, "东湖社区联络站", "station", 0);
  g_autoptr(LlStation) mine = NULL;
  g_autoptr(LlStation) theirs = NULL;

  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  ll_database_set_user (other_db, "李秀英");

  mine = ll_station_store_get (fixture->db, ll_station_get_id (created), &error);
  theirs = ll_station_store_get (other_db, ll_station_get_id (created), &error);
  g_assert_no_error (error);

  ll_station_set_address (theirs, "东湖路20号");
  g_assert_true (ll_station_store_update (other_db, theirs, &error));
  g_assert_no_error (error);

  ll_station_set_address (mine, "东湖路18号");
  g_assert_false (ll_station_store_update (fixture->db, mine, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, "李秀英");
  g_clear_error (&error);
  g_assert_cmpint (ll_station_get_version (mine), ==, 1);

  /* Theirs is what is stored. */
  g_clear_object (&mine);
  mine = ll_station_store_get (fixture->db, ll_station_get_id (created), &error);
  g_assert_cmpstr (ll_station_get_address (mine), ==, "东湖路20号");
  g_assert_cmpint (ll_station_get_version (mine), ==, 2);

  /* Deleted meanwhile. */
  g_assert_true (ll_station_store_delete (other_db, theirs, &error));
  g_assert_false (ll_station_store_update (fixture->db, mine, &error));
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, NULL);
}

static void
test_load_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) a = add_station (fixture->db, "A", "station", 0);
  g_autoptr(LlStation) b = add_station (fixture->db, "B", "station", 0);
  g_autoptr(LlStation) c = add_station (fixture->db, "C", "point", ll_station_get_id (a));
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(LlStatement) plan = NULL;
  gint64 ids[] = { ll_station_get_id (c), ll_station_get_id (a), 4242, ll_station_get_id (b) };
  sqlite3 *handle = _ll_database_get_handle (fixture->db);
  guint n_statements = 0;
  gboolean searched = FALSE;
  LlStep step;

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_statement_cb, &n_statements);
  stations = ll_station_store_load_many (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  g_assert_no_error (error);

  /* In the order asked, the missing one left out, in one query. */
  g_assert_cmpuint (n_statements, ==, 1);
  g_assert_cmpuint (stations->len, ==, 3);
  g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (stations, 0)), ==, "C");
  g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (stations, 1)), ==, "A");
  g_assert_cmpstr (ll_station_get_name (g_ptr_array_index (stations, 2)), ==, "B");
  assert_same_columns (g_ptr_array_index (stations, 0), G_OBJECT (c));

  /* Each id is a primary-key lookup, never a scan of the table. */
  plan = _ll_database_prepare (fixture->db,
                               "EXPLAIN QUERY PLAN SELECT s.id FROM json_each(?1) AS j "
                               "CROSS JOIN stations AS s ON s.id = j.value ORDER BY j.key",
                               &error);
  g_assert_no_error (error);
  while ((step = _ll_statement_step (plan, &error)) == LL_STEP_ROW)
    {
      const char *detail = (const char *) sqlite3_column_text (plan->stmt, 3);

      g_assert_null (strstr (detail, "SCAN s"));
      if (strstr (detail, "SEARCH s USING INTEGER PRIMARY KEY") != NULL)
        searched = TRUE;
    }
  g_assert_true (searched);

  g_clear_pointer (&stations, g_ptr_array_unref);
  stations = ll_station_store_load_many (fixture->db, NULL, 0, &error);
  g_assert_cmpuint (stations->len, ==, 0);
}

/* Areas -------------------------------------------------------------------- */

static LlArea *
add_area (LlDatabase *db,
          const char *name,
          const char *level,
          gint64      parent_id,
          GError    **error)
{
  LlArea *area = ll_area_new ();

  ll_area_set_name (area, name);
  ll_area_set_level (area, level);
  ll_area_set_parent_id (area, parent_id);
  if (!ll_area_store_create (db, area, error))
    g_clear_object (&area);

  return area;
}

static void
test_areas (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlArea) district = add_area (fixture->db, "西湖区", "district", 0, &error);
  g_autoptr(LlArea) town = add_area (fixture->db, "东湖街道", "town", ll_area_get_id (district),
                                     &error);
  g_autoptr(LlArea) community = add_area (fixture->db, "东湖社区", "community",
                                          ll_area_get_id (town), &error);
  g_autoptr(LlArea) bad = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(LlStation) station = ll_station_new ();

  g_assert_no_error (error);

  /* A level must lie below its parent's. */
  bad = add_area (fixture->db, "南湖社区", "community", ll_area_get_id (community), &error);
  g_assert_null (bad);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“东湖社区”");
  g_clear_error (&error);

  bad = add_area (fixture->db, "", "town", 0, &error);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Name");
  g_clear_error (&error);
  bad = add_area (fixture->db, "南湖", "province", 0, &error);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Area level");
  g_clear_error (&error);

  /* No cycle: a district cannot go under its own community. */
  ll_area_set_parent_id (district, ll_area_get_id (community));
  g_assert_false (ll_area_store_update (fixture->db, district, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_clear_error (&error);
  ll_area_set_parent_id (district, 0);

  /* Nor can a town become a community while communities lie under it. */
  ll_area_set_level (town, "community");
  g_assert_false (ll_area_store_update (fixture->db, town, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“东湖社区”");
  g_clear_error (&error);
  ll_area_set_level (town, "town");
  ll_area_set_code (town, "330106001");
  g_assert_true (ll_area_store_update (fixture->db, town, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_area_get_version (town), ==, 2);

  all = ll_area_store_list_all (fixture->db, &error);
  g_assert_cmpuint (all->len, ==, 3);
  g_assert_cmpuint (ll_area_get_depth (g_ptr_array_index (all, 2)), ==, 2);
  g_assert_cmpstr (ll_area_get_name (g_ptr_array_index (all, 2)), ==, "东湖社区");

  /* An area in use stays. */
  ll_station_set_name (station, "东湖社区联络站");
  ll_station_set_area_id (station, ll_area_get_id (community));
  g_assert_true (ll_station_store_create (fixture->db, station, &error));
  g_assert_false (ll_area_store_delete (fixture->db, community, &error));
  g_assert_cmpstr (error->message, ==,
                   "“东湖社区” still has 1 station; move them to another area first.");
  g_clear_error (&error);
  g_assert_false (ll_area_store_delete (fixture->db, district, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "1 area under it");
  g_clear_error (&error);

  g_assert_true (ll_station_store_delete (fixture->db, station, &error));
  g_assert_true (ll_area_store_delete (fixture->db, community, &error));
  g_assert_no_error (error);
  g_clear_pointer (&all, g_ptr_array_unref);
  all = ll_area_store_list_children (fixture->db, ll_area_get_id (town), &error);
  g_assert_cmpuint (all->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_unsetenv ("LIANLUO_USER");
  g_unsetenv ("LIANLUO_HOST");

  g_test_add_func ("/core/stations/record", test_station_record);
  g_test_add_func ("/core/stations/validate", test_station_validate);

#define ADD(name, func) \
  g_test_add ("/core/stations/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-get-update", test_create_get_update);
  ADD ("tree-cycle", test_tree_cycle);
  ADD ("list-all", test_list_all);
  ADD ("list-filters", test_list_filters);
  ADD ("archive", test_archive);
  ADD ("delete", test_delete);
  ADD ("conflict", test_conflict);
  ADD ("load-many", test_load_many);
  ADD ("areas", test_areas);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-people"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-group-store.h"
#include "ll-membership-store.h"
#include "ll-pairing-store.h"
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

static void
assert_error (GError     *error,
              int         code,
              const char *needle)
{
  g_assert_error (error, LL_DATABASE_ERROR, code);
  if (needle != NULL && strstr (error->message, needle) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, needle);
}

static gint64
add_station (LlDatabase *db,
             const char *name,
             gint64      parent_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();

  ll_station_set_name (station, name);
  ll_station_set_parent_id (station, parent_id);
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);

  return ll_station_get_id (station);
}

static gint64
add_group (LlDatabase *db,
           const char *kind,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlGroup) group = ll_group_new ();

  ll_group_set_kind (group, kind);
  ll_group_set_name (group, name);
  g_assert_true (ll_group_store_create (db, group, &error));
  g_assert_no_error (error);

  return ll_group_get_id (group);
}

static gint64
add_person (LlDatabase *db,
            const char *name,
            const char *role,
            const char *level,
            const char *term,
            gint64      deputy_group_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();

  ll_person_set_name (person, name);
  ll_person_set_role (person, role);
  ll_person_set_level (person, level);
  ll_person_set_term (person, term);
  ll_person_set_deputy_group_id (person, deputy_group_id);
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);

  return ll_person_get_id (person);
}

static void
station_person (LlDatabase *db,
                gint64      person_id,
                gint64      station_id,
                gboolean    copy)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) membership = NULL;

  membership = ll_membership_store_assign (db, person_id, station_id, NULL, copy, &error);
  g_assert_no_error (error);
}

static GArray *
new_params (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);

  return params;
}

/* The names @filter and @sort list, joined by spaces. */
static char *
list_names (LlDatabase           *db,
            const LlPersonFilter *filter,
            LlPersonSort          sort,
            gboolean              descending)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GString) names = g_string_new (NULL);

  people = ll_person_store_list (db, filter, sort, descending, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? " " : "",
                            ll_person_get_name (g_ptr_array_index (people, i)));

  /* The count agrees with the list. */
  g_assert_cmpint (ll_person_store_count (db, filter, &error), ==, people->len);
  g_assert_no_error (error);

  return g_strdup (names->str);
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

/* Tests -------------------------------------------------------------------- */

static void
test_record (void)
{
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs, n_columns = 0;
  const char *columns[] = {
    "id", "name", "gender", "ethnicity", "birth-date", "party", "role", "level", "term",
    "constituency", "unit", "post", "occupation", "phone", "deputy-group-id",
    "specialty-group-id", "active", "archived-at", "notes", "version", NULL,
  };

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (person), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if ((pspecs[i]->flags & G_PARAM_READWRITE) == G_PARAM_READWRITE)
      {
        g_assert_true (g_strv_contains (columns, pspecs[i]->name));
        n_columns++;
      }
  g_assert_cmpuint (n_columns, ==, g_strv_length ((char **) columns));

  /* The filled-in names are readable, not columns. */
  for (guint i = 0; i < 3; i++)
    {
      const char *name = (const char *[]) { "station-name", "deputy-group-name", "station-id" }[i];
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (person), name);

      g_assert_nonnull (pspec);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }

  g_assert_cmpstr (ll_person_get_role (person), ==, "deputy");
  g_assert_true (ll_person_get_active (person));

  g_assert_false (ll_person_role_can_serve_several_stations ("deputy"));
  g_assert_false (ll_person_role_can_serve_several_stations ("voter_representative"));
  g_assert_false (ll_person_role_can_serve_several_stations ("council_member"));
  g_assert_true (ll_person_role_can_serve_several_stations ("police_officer"));
  g_assert_true (ll_person_role_can_serve_several_stations ("judge"));
  g_assert_true (ll_person_role_can_serve_several_stations ("procurator"));
  g_assert_true (ll_person_role_can_serve_several_stations ("judicial_assistant"));
  g_assert_true (ll_person_role_can_serve_several_stations ("observer"));
  g_assert_true (ll_person_role_can_serve_several_stations ("expert"));
}

static void
test_validate (void)
{
  struct {
    const char *property;
    const char *value;
    const char *message;
  } bad[] = {
    { "name", NULL, "Name is required." },
    { "name", " ", "Name is required." },
    { "gender", "unknown", "Gender: “unknown” is not one of male, female." },
    { "birth-date", "1970-02-30", "Birth date: “1970-02-30” is not a date" },
    { "birth-date", "2025-03-16", "Birth date: 2025-03-16 is in the future." },
    { "role", "mayor", "Role: “mayor” is not one of deputy, " },
    { "level", "galactic", "Deputy level: “galactic” is not one of national, " },
    { "phone", "138-1234-abcd", "Phone: “138-1234-abcd” is not a phone number." },
    { "phone", "12345678901234567890", "Phone" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(LlPerson) person = ll_person_new ();
      g_autoptr(GError) error = NULL;

      ll_person_set_name (person, "王建国");
      ll_person_set_level (person, "county");
      ll_person_set_birth_date (person, "2025-03-15");
      ll_person_set_phone (person, "+86 138 1234 5678");
      ll_person_set_gender (person, "male");
      g_assert_true (ll_person_validate (person, NULL));

      g_object_set (person, bad[i].property, bad[i].value, NULL);
      g_assert_false (ll_person_validate (person, &error));
      assert_error (error, LL_DATABASE_ERROR_INVALID, bad[i].message);
    }

  /* Only deputies have a level. */
  {
    g_autoptr(LlPerson) person = ll_person_new ();
    g_autoptr(GError) error = NULL;

    ll_person_set_name (person, "李法官");
    ll_person_set_role (person, "judge");
    ll_person_set_level (person, "city");
    g_assert_false (ll_person_validate (person, &error));
    assert_error (error, LL_DATABASE_ERROR_INVALID,
                  "Deputy level: only deputies have a level, and this person’s role is "
                  "“Judge”.");
    g_clear_error (&error);

    ll_person_set_level (person, NULL);
    g_assert_true (ll_person_validate (person, &error));
  }
}

static void
test_create_get_update (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(LlPerson) read = NULL;
  g_autoptr(LlPerson) bad = ll_person_new ();
  gint64 group = add_group (fixture->db, "deputy", "第三代表小组");
  gint64 specialty = add_group (fixture->db, "specialty", "城建专业小组");
  gint64 station = add_station (fixture->db, "东湖社区联络站", 0);

  ll_person_set_name (person, "王建国");
  ll_person_set_gender (person, "male");
  ll_person_set_ethnicity (person, "汉族");
  ll_person_set_birth_date (person, "1968-07-01");
  ll_person_set_party (person, "中共党员");
  ll_person_set_level (person, "county");
  ll_person_set_term (person, "第十七届");
  ll_person_set_constituency (person, "第五选区");
  ll_person_set_unit (person, "东湖街道社区卫生服务中心");
  ll_person_set_post (person, "主任");
  ll_person_set_occupation (person, "专业技术人员");
  ll_person_set_phone (person, "13812345678");
  ll_person_set_deputy_group_id (person, group);
  ll_person_set_specialty_group_id (person, specialty);
  ll_person_set_notes (person, "每月10日接待");
  g_assert_true (ll_person_store_create (fixture->db, person, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_person_get_version (person), ==, 1);
  station_person (fixture->db, ll_person_get_id (person), station, FALSE);

  read = ll_person_store_get (fixture->db, ll_person_get_id (person), &error);
  g_assert_no_error (error);
  {
    g_autofree GParamSpec **pspecs = NULL;
    guint n_pspecs;

    pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (person), &n_pspecs);
    for (guint i = 0; i < n_pspecs; i++)
      {
        GValue a = G_VALUE_INIT, b = G_VALUE_INIT;

        if ((pspecs[i]->flags & G_PARAM_READWRITE) != G_PARAM_READWRITE)
          continue;
        g_value_init (&a, pspecs[i]->value_type);
        g_value_init (&b, pspecs[i]->value_type);
        g_object_get_property (G_OBJECT (person), pspecs[i]->name, &a);
        g_object_get_property (G_OBJECT (read), pspecs[i]->name, &b);
        g_assert_cmpint (g_param_values_cmp (pspecs[i], &a, &b), ==, 0);
        g_value_unset (&a);
        g_value_unset (&b);
      }
  }
  g_assert_cmpint (ll_person_get_station_id (read), ==, station);
  g_assert_cmpstr (ll_person_get_station_name (read), ==, "东湖社区联络站");
  g_assert_cmpstr (ll_person_get_deputy_group_name (read), ==, "第三代表小组");
  g_assert_cmpstr (ll_person_get_specialty_group_name (read), ==, "城建专业小组");

  ll_person_set_post (read, "院长");
  ll_person_set_specialty_group_id (read, 0);
  g_assert_true (ll_person_store_update (fixture->db, read, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_person_get_version (read), ==, 2);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM people WHERE post = '院长' "
                                                "AND specialty_group_id IS NULL"),
                   ==, 1);

  /* A group of the wrong kind, a group that does not exist. */
  ll_person_set_deputy_group_id (read, specialty);
  g_assert_false (ll_person_store_update (fixture->db, read, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID,
                "Deputy group: “城建专业小组” is not a Deputy Group.");
  g_clear_error (&error);
  ll_person_set_deputy_group_id (read, 4242);
  g_assert_false (ll_person_store_update (fixture->db, read, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Deputy group: the group does not exist");
  g_clear_error (&error);
  g_assert_cmpint (ll_person_get_version (read), ==, 2);

  /* Refused before anything is written. */
  ll_person_set_name (bad, "");
  g_assert_false (ll_person_store_create (fixture->db, bad, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Name is required.");
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM people"), ==, 1);

  g_clear_object (&bad);
  bad = ll_person_store_get (fixture->db, 4242, &error);
  g_assert_null (bad);
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, NULL);
}

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  gint64 home = add_station (fixture->db, "城关镇人大代表之家", 0);
  gint64 east = add_station (fixture->db, "东湖社区联络站", home);
  gint64 point = add_station (fixture->db, "东湖茶话亭", east);
  gint64 south = add_station (fixture->db, "南湖社区联络站", 0);
  gint64 g1 = add_group (fixture->db, "deputy", "第一代表小组");
  gint64 g2 = add_group (fixture->db, "deputy", "第二代表小组");
  gint64 a = add_person (fixture->db, "A", "deputy", "township", "第十七届", g2);
  gint64 b = add_person (fixture->db, "B", "deputy", "national", "第十四届", g1);
  gint64 c = add_person (fixture->db, "C", "judge", NULL, NULL, 0);
  gint64 d = add_person (fixture->db, "D", "deputy", NULL, NULL, g1);
  gint64 e = add_person (fixture->db, "E", "voter_representative", NULL, NULL, 0);
  gint64 f = add_person (fixture->db, "F", "deputy", "city", "第十七届", 0);
  LlPersonFilter filter = { 0, };
  g_autofree char *names = NULL;

  station_person (fixture->db, a, east, FALSE);
  station_person (fixture->db, b, south, FALSE);
  station_person (fixture->db, c, south, FALSE);
  station_person (fixture->db, c, point, TRUE);
  station_person (fixture->db, d, point, FALSE);
  station_person (fixture->db, f, home, FALSE);
  {
    g_autoptr(LlPerson) archived = ll_person_store_get (fixture->db, f, &error);

    g_assert_true (ll_person_store_archive (fixture->db, archived, &error));
    g_assert_no_error (error);
  }

#define ASSERT_NAMES(sort, descending, expected) \
  G_STMT_START { \
    g_free (names); \
    names = list_names (fixture->db, &filter, sort, descending); \
    g_assert_cmpstr (names, ==, expected); \
  } G_STMT_END

  /* A zeroed filter: every active person. */
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "A B C D E");
  ASSERT_NAMES (LL_PERSON_SORT_NAME, TRUE, "E D C B A");
  ASSERT_NAMES (LL_PERSON_SORT_ROLE, FALSE, "A B D E C");
  ASSERT_NAMES (LL_PERSON_SORT_ROLE, TRUE, "C E A B D");
  /* National first, no level last, either way. */
  ASSERT_NAMES (LL_PERSON_SORT_LEVEL, FALSE, "B A C D E");
  ASSERT_NAMES (LL_PERSON_SORT_LEVEL, TRUE, "A B C D E");
  /* Terms sort as written (code points: 第十七届 before 第十四届). */
  ASSERT_NAMES (LL_PERSON_SORT_TERM, FALSE, "A B C D E");
  ASSERT_NAMES (LL_PERSON_SORT_TERM, TRUE, "B A C D E");
  /* By primary station: 东湖 < 东湖茶话亭 < 南湖 in code-point order;
   * E is nowhere. */
  ASSERT_NAMES (LL_PERSON_SORT_STATION, FALSE, "A D B C E");
  ASSERT_NAMES (LL_PERSON_SORT_GROUP, FALSE, "B D A C E");
  ASSERT_NAMES (LL_PERSON_SORT_GROUP, TRUE, "A B D C E");

  filter.role = "deputy";
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "A B D");
  filter.level = "national";
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "B");
  filter.role = NULL;
  filter.level = NULL;

  /* A station's people, with or without those of the points below it;
   * a copy counts as being there. */
  filter.station_id = east;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "A");
  filter.include_sub_stations = TRUE;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "A C D");
  filter.station_id = home;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "A C D");
  filter.include_sub_stations = FALSE;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "");
  filter.station_id = south;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "B C");
  filter.station_id = 0;

  filter.unstationed = TRUE;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "E");
  {
    g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM memberships "
                                            "WHERE person_id = %" G_GINT64_FORMAT, e);

    g_assert_cmpint (test_query_int (fixture->db, sql), ==, 0);
  }
  filter.unstationed = FALSE;

  filter.deputy_group_id = g1;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "B D");
  filter.deputy_group_id = 0;

  filter.state = LL_PERSON_STATE_ARCHIVED;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "F");
  filter.state = LL_PERSON_STATE_ANY;
  ASSERT_NAMES (LL_PERSON_SORT_NAME, FALSE, "A B C D E F");
  filter.state = LL_PERSON_STATE_ACTIVE;

#undef ASSERT_NAMES

  /* The id query for the lazy model numbers its parameters after those
   * already given, and binds as GValues. */
  {
    g_autoptr(GArray) params = new_params ();
    g_autoptr(LlStatement) statement = NULL;
    g_autofree char *sql = NULL;
    GValue first = G_VALUE_INIT;
    LlPersonFilter by_role = { .role = "deputy", .station_id = south };
    gint64 ids[8];
    guint n = 0;

    g_value_init (&first, G_TYPE_STRING);
    g_value_set_string (&first, "unused");
    g_array_append_val (params, first);

    sql = ll_person_store_build_query (&by_role, LL_PERSON_SORT_NAME, FALSE, params);
    g_assert_true (g_str_has_prefix (sql, "SELECT p.id FROM people AS p"));
    g_assert_nonnull (strstr (sql, "?2"));
    g_assert_nonnull (strstr (sql, "?3"));
    g_assert_null (strstr (sql, "?1"));
    g_assert_cmpuint (params->len, ==, 3);

    statement = _ll_database_prepare (fixture->db, sql, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < params->len; i++)
      _ll_statement_bind_value (statement, (int) i + 1, &g_array_index (params, GValue, i));
    while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
      ids[n++] = sqlite3_column_int64 (statement->stmt, 0);
    g_assert_no_error (error);
    g_assert_cmpuint (n, ==, 1);
    g_assert_cmpint (ids[0], ==, b);
  }

  g_assert_cmpint (ll_person_store_count_active (fixture->db, &error), ==, 5);
  g_assert_no_error (error);
}

static void
test_load_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gint64 station = add_station (fixture->db, "东湖社区联络站", 0);
  gint64 group = add_group (fixture->db, "deputy", "第三代表小组");
  gint64 a = add_person (fixture->db, "A", "deputy", "county", NULL, group);
  gint64 b = add_person (fixture->db, "B", "deputy", "county", NULL, 0);
  gint64 c = add_person (fixture->db, "C", "judge", NULL, NULL, 0);
  gint64 ids[] = { c, 4242, a, b, a };
  sqlite3 *handle = _ll_database_get_handle (fixture->db);
  guint n_statements = 0;

  station_person (fixture->db, a, station, FALSE);
  station_person (fixture->db, c, station, FALSE);

  sqlite3_trace_v2 (handle, SQLITE_TRACE_STMT, count_statement_cb, &n_statements);
  people = ll_person_store_load_many (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  sqlite3_trace_v2 (handle, 0, NULL, NULL);
  g_assert_no_error (error);

  /* One query, the order asked, the missing id left out. */
  g_assert_cmpuint (n_statements, ==, 1);
  g_assert_cmpuint (people->len, ==, 4);
  g_assert_cmpstr (ll_person_get_name (g_ptr_array_index (people, 0)), ==, "C");
  g_assert_cmpstr (ll_person_get_name (g_ptr_array_index (people, 1)), ==, "A");
  g_assert_cmpstr (ll_person_get_name (g_ptr_array_index (people, 2)), ==, "B");
  g_assert_cmpstr (ll_person_get_name (g_ptr_array_index (people, 3)), ==, "A");
  g_assert_cmpstr (ll_person_get_station_name (g_ptr_array_index (people, 1)), ==,
                   "东湖社区联络站");
  g_assert_cmpstr (ll_person_get_deputy_group_name (g_ptr_array_index (people, 1)), ==,
                   "第三代表小组");
  g_assert_null (ll_person_get_station_name (g_ptr_array_index (people, 2)));
  g_assert_cmpint (ll_person_get_station_id (g_ptr_array_index (people, 2)), ==, 0);
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) named = NULL;
  g_autoptr(LlPerson) clean = NULL;
  g_autoptr(LlPairing) pairing = ll_pairing_new ();
  gint64 station = add_station (fixture->db, "东湖社区联络站", 0);
  gint64 wang = add_person (fixture->db, "王建国", "deputy", NULL, NULL, 0);
  gint64 li = add_person (fixture->db, "李秀英", "deputy", NULL, NULL, 0);
  g_autofree char *sql = NULL;

  sql = g_strdup_printf ("INSERT INTO cases (year, seq, serial, title, received_on, station_id) "
                         "VALUES (2025, 1, '2025-0001', '小区停车难', '2025-03-01', %"
                         G_GINT64_FORMAT ");"
                         "INSERT INTO case_deputies (case_id, person_id) VALUES (1, %"
                         G_GINT64_FORMAT ");"
                         "INSERT INTO activities (held_on, type, title) "
                         "VALUES ('2025-03-10', 'reception', '接待选民');"
                         "INSERT INTO activity_participants (activity_id, person_id) "
                         "VALUES (1, %" G_GINT64_FORMAT ");",
                         station, wang, wang);
  g_assert_true (test_write_sql (fixture->db, sql, &error));
  g_assert_no_error (error);

  named = ll_person_store_get (fixture->db, wang, &error);
  g_assert_false (ll_person_store_delete (fixture->db, named, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_assert_cmpstr (error->message, ==,
                   "“王建国” is named in 1 case and 1 activity; archive the person instead.");
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM people"), ==, 2);

  /* Archive instead: still there, no longer active. */
  g_assert_true (ll_person_store_archive (fixture->db, named, &error));
  g_assert_cmpint (ll_person_store_count_active (fixture->db, &error), ==, 1);

  /* Someone named nowhere goes, with memberships and pairings. */
  station_person (fixture->db, li, station, FALSE);
  ll_pairing_set_person_id (pairing, li);
  ll_pairing_set_kind (pairing, "school");
  ll_pairing_set_name (pairing, "东湖小学");
  g_assert_true (ll_pairing_store_create (fixture->db, pairing, &error));
  g_assert_no_error (error);

  clean = ll_person_store_get (fixture->db, li, &error);
  g_assert_true (ll_person_store_delete (fixture->db, clean, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM memberships"), ==, 0);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM pairings"), ==, 0);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM people"), ==, 1);
}

static void
test_conflict (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(LlPerson) mine = NULL;
  g_autoptr(LlPerson) theirs = NULL;
  gint64 id = add_person (fixture->db, "王建国", "deputy", "county", NULL, 0);

  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  ll_database_set_user (other_db, "李秀英");
  ll_database_set_host (other_db, "renda-pc2");

  mine = ll_person_store_get (fixture->db, id, &error);
  theirs = ll_person_store_get (other_db, id, &error);
  g_assert_no_error (error);

  ll_person_set_phone (theirs, "13900001111");
  g_assert_true (ll_person_store_update (other_db, theirs, &error));
  g_assert_no_error (error);

  ll_person_set_phone (mine, "13812345678");
  g_assert_false (ll_person_store_update (fixture->db, mine, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, "李秀英 on renda-pc2");
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM people "
                                                "WHERE phone = '13900001111' AND version = 2"),
                   ==, 1);

  /* Archiving a stale copy is a conflict too. */
  g_assert_false (ll_person_store_archive (fixture->db, mine, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_assert_cmpint (ll_person_store_count_active (fixture->db, NULL), ==, 1);
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

  g_test_add_func ("/core/people/record", test_record);
  g_test_add_func ("/core/people/validate", test_validate);

#define ADD(name, func) \
  g_test_add ("/core/people/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("create-get-update", test_create_get_update);
  ADD ("query", test_query);
  ADD ("load-many", test_load_many);
  ADD ("delete", test_delete);
  ADD ("conflict", test_conflict);

#undef ADD

  return g_test_run ();
}

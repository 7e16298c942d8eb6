/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-memberships"

#include "config.h"

#include <locale.h>
#include <string.h>

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
  gint64      east;     /* 东湖社区联络站 */
  gint64      south;    /* 南湖社区联络站 */
  gint64      west;     /* 西湖社区联络站 */
} Fixture;

static gint64
add_station (LlDatabase *db,
             const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();

  ll_station_set_name (station, name);
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);

  return ll_station_get_id (station);
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
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_setenv ("LIANLUO_TODAY", "2025-03-15", TRUE);
  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  fixture->east = add_station (fixture->db, "东湖社区联络站");
  fixture->south = add_station (fixture->db, "南湖社区联络站");
  fixture->west = add_station (fixture->db, "西湖社区联络站");
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
set_today (const char *date)
{
  g_setenv ("LIANLUO_TODAY", date, TRUE);
}

static LlMembership *
assign (Fixture    *fixture,
        gint64      person_id,
        gint64      station_id,
        const char *role,
        gboolean    copy)
{
  g_autoptr(GError) error = NULL;
  LlMembership *membership;

  membership = ll_membership_store_assign (fixture->db, person_id, station_id, role, copy,
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (membership);

  return membership;
}

static gint64
query_int (LlDatabase *db,
           const char *format,
           ...) G_GNUC_PRINTF (2, 3);

static gint64
query_int (LlDatabase *db,
           const char *format,
           ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);

  return test_query_int (db, sql);
}

/* Every column of every membership but versions and timestamps, one row
 * a line, by id: what undo must restore exactly. */
static char *
dump_memberships (LlDatabase *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = NULL;
  GString *dump = g_string_new (NULL);

  statement = _ll_database_prepare (db,
                                    "SELECT id, person_id, station_id, station_role, is_primary, "
                                    "coalesce(from_date, '-'), coalesce(to_date, '-'), "
                                    "coalesce(notes, '-') FROM memberships ORDER BY id",
                                    &error);
  g_assert_no_error (error);
  while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
    {
      for (int i = 0; i < 8; i++)
        g_string_append_printf (dump, "%s%s", i > 0 ? "|" : "",
                                (const char *) sqlite3_column_text (statement->stmt, i));
      g_string_append_c (dump, '\n');
    }
  g_assert_no_error (error);

  return g_string_free (dump, FALSE);
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

static gint64
n_current (Fixture *fixture,
           gint64   person_id)
{
  return query_int (fixture->db,
                    "SELECT count(*) FROM memberships WHERE person_id = %" G_GINT64_FORMAT
                    " AND to_date IS NULL", person_id);
}

static gint64
primary_station (Fixture *fixture,
                 gint64   person_id)
{
  return query_int (fixture->db,
                    "SELECT coalesce((SELECT station_id FROM memberships WHERE person_id = %"
                    G_GINT64_FORMAT " AND to_date IS NULL AND is_primary = 1), 0)",
                    person_id);
}

/* Tests -------------------------------------------------------------------- */

static void
test_assign (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) first = NULL;
  g_autoptr(LlMembership) again = NULL;
  g_autoptr(LlMembership) unchanged = NULL;
  g_autoptr(LlMembership) bad = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");

  first = assign (fixture, wang, fixture->east, NULL, FALSE);
  g_assert_cmpint (ll_membership_get_person_id (first), ==, wang);
  g_assert_cmpint (ll_membership_get_station_id (first), ==, fixture->east);
  g_assert_cmpstr (ll_membership_get_station_role (first), ==, "member");
  g_assert_true (ll_membership_get_is_primary (first));
  g_assert_cmpstr (ll_membership_get_from_date (first), ==, "2025-03-15");
  g_assert_true (ll_membership_is_current (first));
  g_assert_cmpstr (ll_membership_get_person_name (first), ==, "王建国");
  g_assert_cmpstr (ll_membership_get_station_name (first), ==, "东湖社区联络站");

  /* Stationed once per station: assigning again changes the role only. */
  again = assign (fixture, wang, fixture->east, "liaison_officer", FALSE);
  g_assert_cmpint (ll_membership_get_id (again), ==, ll_membership_get_id (first));
  g_assert_cmpstr (ll_membership_get_station_role (again), ==, "liaison_officer");
  g_assert_cmpint (ll_membership_get_version (again), ==, 2);
  unchanged = assign (fixture, wang, fixture->east, NULL, FALSE);
  g_assert_cmpstr (ll_membership_get_station_role (unchanged), ==, "liaison_officer");
  g_assert_cmpint (n_current (fixture, wang), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships"), ==, 1);

  /* Unknown role, person, station. */
  bad = ll_membership_store_assign (fixture->db, wang, fixture->east, "mayor", FALSE, &error);
  g_assert_null (bad);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "Station role");
  g_clear_error (&error);
  bad = ll_membership_store_assign (fixture->db, 4242, fixture->east, NULL, FALSE, &error);
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, "person");
  g_clear_error (&error);
  bad = ll_membership_store_assign (fixture->db, wang, 4242, NULL, FALSE, &error);
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, "station");
  g_clear_error (&error);
}

static void
test_deputy_moves (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) first = NULL;
  g_autoptr(LlMembership) second = NULL;
  g_autoptr(LlMembership) third = NULL;
  g_autoptr(LlMembership) copy = NULL;
  g_autoptr(GPtrArray) history = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  set_today ("2025-01-02");
  first = assign (fixture, wang, fixture->east, NULL, FALSE);

  /* A deputy has one station: assigning elsewhere moves them, and the
   * membership left behind ends today. */
  set_today ("2025-03-15");
  second = assign (fixture, wang, fixture->south, NULL, FALSE);
  g_assert_true (ll_membership_get_is_primary (second));
  g_assert_cmpint (n_current (fixture, wang), ==, 1);
  g_assert_cmpint (primary_station (fixture, wang), ==, fixture->south);
  g_assert_cmpint (query_int (fixture->db,
                              "SELECT count(*) FROM memberships WHERE id = %" G_GINT64_FORMAT
                              " AND to_date = '2025-03-15' AND from_date = '2025-01-02'",
                              ll_membership_get_id (first)),
                   ==, 1);

  /* Moved again the same day: the one-day membership is a correction
   * and goes. */
  third = assign (fixture, wang, fixture->west, NULL, FALSE);
  g_assert_cmpint (primary_station (fixture, wang), ==, fixture->west);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships WHERE id = %"
                              G_GINT64_FORMAT, ll_membership_get_id (second)),
                   ==, 0);

  history = ll_membership_store_list_by_person (fixture->db, wang, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpstr (ll_membership_get_station_name (g_ptr_array_index (history, 0)), ==,
                   "西湖社区联络站");
  g_assert_cmpstr (ll_membership_get_to_date (g_ptr_array_index (history, 1)), ==,
                   "2025-03-15");

  /* A deputy is never copied. */
  before = dump_memberships (fixture->db);
  copy = ll_membership_store_assign (fixture->db, wang, fixture->east, NULL, TRUE, &error);
  g_assert_null (copy);
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_assert_cmpstr (error->message, ==,
                   "“王建国” (Deputy) can be stationed at only one station; "
                   "move instead of copying.");
  after = dump_memberships (fixture->db);
  g_assert_cmpstr (before, ==, after);
}

static void
test_copy_several (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) first = NULL;
  g_autoptr(LlMembership) copy = NULL;
  g_autoptr(LlMembership) moved = NULL;
  g_autoptr(LlMembership) refused = NULL;
  gint64 judge = add_person (fixture->db, "李法官", "judge");
  gint64 voter = add_person (fixture->db, "赵选民", "voter_representative");
  gint64 expert = add_person (fixture->db, "钱专家", "expert");

  /* 三官一员 serve several stations. */
  set_today ("2025-01-02");
  first = assign (fixture, judge, fixture->east, NULL, FALSE);
  copy = assign (fixture, judge, fixture->south, NULL, TRUE);
  g_assert_false (ll_membership_get_is_primary (copy));
  g_assert_cmpint (n_current (fixture, judge), ==, 2);
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->east);

  /* Without copying they move like deputies: the primary station moves,
   * the copy stays. */
  set_today ("2025-03-15");
  moved = assign (fixture, judge, fixture->west, NULL, FALSE);
  g_assert_true (ll_membership_get_is_primary (moved));
  g_assert_cmpint (n_current (fixture, judge), ==, 2);
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->west);

  /* Moving onto the copy makes it primary and ends the primary one. */
  g_clear_object (&moved);
  moved = assign (fixture, judge, fixture->south, NULL, FALSE);
  g_assert_cmpint (ll_membership_get_id (moved), ==, ll_membership_get_id (copy));
  g_assert_true (ll_membership_get_is_primary (moved));
  g_assert_cmpint (n_current (fixture, judge), ==, 1);

  /* Experts too; voter representatives not. */
  g_clear_object (&copy);
  copy = assign (fixture, expert, fixture->east, NULL, TRUE);
  g_assert_true (ll_membership_get_is_primary (copy));
  g_clear_object (&copy);
  copy = assign (fixture, expert, fixture->south, NULL, TRUE);
  g_assert_cmpint (n_current (fixture, expert), ==, 2);

  g_clear_object (&copy);
  copy = assign (fixture, voter, fixture->east, NULL, FALSE);
  refused = ll_membership_store_assign (fixture->db, voter, fixture->south, NULL, TRUE, &error);
  g_assert_null (refused);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "(Voter Representative)");
  g_assert_cmpint (n_current (fixture, voter), ==, 1);

  /* A role for one station is refused to someone at several. */
  {
    g_autoptr(LlPerson) person = ll_person_store_get (fixture->db, expert, NULL);

    g_clear_error (&error);
    ll_person_set_role (person, "deputy");
    g_assert_false (ll_person_store_update (fixture->db, person, &error));
    assert_error (error, LL_DATABASE_ERROR_INVALID, "stationed at 2 stations");
  }
}

static void
test_head (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) head = NULL;
  g_autoptr(LlMembership) other = NULL;
  g_autoptr(LlMembership) refused = NULL;
  g_autoptr(LlMembership) found = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 li = add_person (fixture->db, "李秀英", "deputy");
  gint64 zhang = add_person (fixture->db, "张伟", "deputy");

  head = assign (fixture, wang, fixture->east, "head", FALSE);
  other = assign (fixture, li, fixture->east, NULL, FALSE);

  /* A second head, by assignment or by a change of role. */
  refused = ll_membership_store_assign (fixture->db, zhang, fixture->east, "head", FALSE, &error);
  g_assert_null (refused);
  assert_error (error, LL_DATABASE_ERROR_INVALID, NULL);
  g_assert_cmpstr (error->message, ==, "“东湖社区联络站” already has a station head, 王建国.");
  g_clear_error (&error);
  g_assert_cmpint (n_current (fixture, zhang), ==, 0);

  /* Assigning the member again, as head. */
  refused = ll_membership_store_assign (fixture->db, li, fixture->east, "head", FALSE, &error);
  g_assert_null (refused);
  assert_error (error, LL_DATABASE_ERROR_INVALID,
                "“东湖社区联络站” already has a station head, 王建国.");
  g_clear_error (&error);

  g_assert_false (ll_membership_store_set_role (fixture->db, other, "head", &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "already has a station head, 王建国");
  g_clear_error (&error);
  g_assert_cmpstr (ll_membership_get_station_role (other), ==, "member");

  ll_membership_set_station_role (other, "head");
  g_assert_false (ll_membership_store_update (fixture->db, other, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "王建国");
  g_clear_error (&error);
  ll_membership_set_station_role (other, "member");

  /* The head may be re-assigned as head; other stations have their own. */
  g_clear_object (&refused);
  refused = assign (fixture, wang, fixture->east, "head", FALSE);
  g_clear_object (&refused);
  refused = assign (fixture, zhang, fixture->south, "head", FALSE);

  list = ll_membership_store_list_by_station (fixture->db, fixture->east, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (ll_membership_get_person_name (g_ptr_array_index (list, 0)), ==, "王建国");
  g_assert_cmpstr (ll_membership_get_person_role (g_ptr_array_index (list, 0)), ==, "deputy");

  found = ll_membership_store_get_head (fixture->db, fixture->east, &error);
  g_assert_no_error (error);
  g_assert_cmpint (ll_membership_get_id (found), ==, ll_membership_get_id (head));
  g_clear_object (&found);
  found = ll_membership_store_get_head (fixture->db, fixture->west, &error);
  g_assert_null (found);
  g_assert_no_error (error);

  /* Once the head's membership ends, another may be head. */
  g_assert_true (ll_membership_store_end (fixture->db, head, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_membership_get_to_date (head), ==, "2025-03-15");
  g_assert_true (ll_membership_store_set_role (fixture->db, other, "head", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_membership_get_station_role (other), ==, "head");
  g_assert_cmpint (ll_membership_get_version (other), ==, 2);
}

static void
test_end_remove_update (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembership) primary = NULL;
  g_autoptr(LlMembership) copy = NULL;
  g_autoptr(LlMembership) again = NULL;
  g_autoptr(LlMembership) stale = NULL;
  gint64 judge = add_person (fixture->db, "李法官", "judge");
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 copy_id;

  set_today ("2025-01-02");
  primary = assign (fixture, judge, fixture->east, NULL, FALSE);
  copy = assign (fixture, judge, fixture->south, NULL, TRUE);

  /* A date before the first day, and an impossible date. */
  g_assert_false (ll_membership_store_end (fixture->db, primary, "2024-12-31", &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "To (2024-12-31) is before From (2025-01-02)");
  g_clear_error (&error);
  g_assert_false (ll_membership_store_end (fixture->db, primary, "2025-02-30", &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“2025-02-30” is not a date");
  g_clear_error (&error);

  /* Ending the primary station makes the other one primary. */
  g_assert_true (ll_membership_store_end (fixture->db, primary, "2025-02-28", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_membership_get_to_date (primary), ==, "2025-02-28");
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->south);

  /* The copy changed underneath: saving the old object is a conflict. */
  copy_id = ll_membership_get_id (copy);
  ll_membership_set_notes (copy, "每周一驻站");
  g_assert_false (ll_membership_store_update (fixture->db, copy, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_clear_error (&error);
  g_clear_object (&copy);
  copy = ll_membership_store_get (fixture->db, copy_id, &error);
  g_assert_no_error (error);
  g_assert_true (ll_membership_get_is_primary (copy));

  /* Who and where change only by assigning. */
  stale = ll_membership_store_get (fixture->db, ll_membership_get_id (copy), &error);
  ll_membership_set_station_id (stale, fixture->west);
  g_assert_false (ll_membership_store_update (fixture->db, stale, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "assigning or moving");
  g_clear_error (&error);
  g_clear_object (&stale);

  /* Notes and dates are saved, versioned. */
  stale = ll_membership_store_get (fixture->db, ll_membership_get_id (copy), &error);
  ll_membership_set_notes (copy, "每周二驻站");
  g_assert_true (ll_membership_store_update (fixture->db, copy, &error));
  g_assert_no_error (error);
  ll_membership_set_notes (stale, "每周三驻站");
  g_assert_false (ll_membership_store_update (fixture->db, stale, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, NULL);
  g_clear_error (&error);

  /* A deputy's ended membership cannot become current again while they
   * are stationed elsewhere: that would station them twice. */
  set_today ("2025-02-01");
  g_clear_object (&again);
  again = assign (fixture, wang, fixture->east, NULL, FALSE);
  set_today ("2025-03-15");
  g_clear_object (&stale);
  stale = assign (fixture, wang, fixture->west, NULL, FALSE);
  g_clear_object (&again);
  {
    g_autoptr(GPtrArray) history = ll_membership_store_list_by_person (fixture->db, wang, FALSE,
                                                                       &error);
    LlMembership *ended = g_ptr_array_index (history, 1);

    g_assert_cmpstr (ll_membership_get_to_date (ended), ==, "2025-03-15");
    ll_membership_set_to_date (ended, NULL);
    g_assert_false (ll_membership_store_update (fixture->db, ended, &error));
    assert_error (error, LL_DATABASE_ERROR_INVALID, "already stationed at “西湖社区联络站”");
    g_clear_error (&error);
    g_assert_cmpint (n_current (fixture, wang), ==, 1);
  }

  /* Removing a mistaken membership leaves no trace. */
  g_assert_true (ll_membership_store_remove (fixture->db, stale, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_current (fixture, wang), ==, 0);
  g_assert_false (ll_membership_store_remove (fixture->db, stale, &error));
  assert_error (error, LL_DATABASE_ERROR_NOT_FOUND, NULL);
}

static void
test_archived (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(LlMembership) membership = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 li = add_person (fixture->db, "李秀英", "deputy");

  set_today ("2025-01-02");
  g_clear_object (&membership);
  membership = assign (fixture, wang, fixture->east, NULL, FALSE);
  g_clear_object (&membership);
  set_today ("2025-03-15");
  membership = assign (fixture, li, fixture->east, NULL, FALSE);

  /* Archiving ends the memberships (one that began today goes). */
  person = ll_person_store_get (fixture->db, wang, &error);
  g_assert_true (ll_person_store_archive (fixture->db, person, &error));
  g_assert_no_error (error);
  g_assert_false (ll_person_get_active (person));
  g_assert_cmpint (n_current (fixture, wang), ==, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships WHERE person_id = %"
                              G_GINT64_FORMAT " AND to_date = '2025-03-15'", wang),
                   ==, 1);
  g_clear_object (&person);
  person = ll_person_store_get (fixture->db, li, &error);
  g_assert_true (ll_person_store_archive (fixture->db, person, &error));
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships WHERE person_id = %"
                              G_GINT64_FORMAT, li),
                   ==, 0);

  /* Archived people are not stationed. */
  g_clear_object (&membership);
  membership = ll_membership_store_assign (fixture->db, wang, fixture->south, NULL, FALSE,
                                           &error);
  g_assert_null (membership);
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“王建国” is archived");
  g_clear_error (&error);

  g_clear_object (&person);
  person = ll_person_store_get (fixture->db, wang, &error);
  g_assert_true (ll_person_store_unarchive (fixture->db, person, &error));
  g_assert_true (ll_person_get_active (person));
  g_assert_null (ll_person_get_archived_at (person));
  membership = assign (fixture, wang, fixture->south, NULL, FALSE);
}

static void
test_move_many_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  g_autoptr(LlMembership) m = NULL;
  g_autofree char *before = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *undone = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 li = add_person (fixture->db, "李秀英", "deputy");
  gint64 zhang = add_person (fixture->db, "张伟", "deputy");
  gint64 judge = add_person (fixture->db, "李法官", "judge");
  gint64 newcomer = add_person (fixture->db, "刘新", "deputy");
  gint64 already = add_person (fixture->db, "陈已在", "deputy");
  gint64 people[] = { wang, li, zhang, judge, newcomer, already, wang };

  /* 王建国 has been at 东湖 for months, as head; 李秀英 came today;
   * 张伟 is at 南湖; the judge is at 东湖 and copied to 西湖; 刘新 is
   * nowhere; 陈已在 is already at 西湖. */
  set_today ("2024-11-01");
  g_clear_object (&m);
  m = assign (fixture, wang, fixture->east, "head", FALSE);
  g_clear_object (&m);
  m = assign (fixture, zhang, fixture->south, NULL, FALSE);
  g_clear_object (&m);
  m = assign (fixture, judge, fixture->east, NULL, FALSE);
  g_clear_object (&m);
  m = assign (fixture, judge, fixture->west, NULL, TRUE);
  g_clear_object (&m);
  m = assign (fixture, already, fixture->west, NULL, FALSE);
  set_today ("2025-03-15");
  g_clear_object (&m);
  m = assign (fixture, li, fixture->east, "liaison_officer", FALSE);
  ll_membership_set_notes (m, "周三值班");
  g_assert_true (ll_membership_store_update (fixture->db, m, &error));
  g_assert_no_error (error);

  before = dump_memberships (fixture->db);

  /* Everyone to 西湖, each from their primary station. */
  g_assert_true (ll_membership_store_move_many (fixture->db, people, G_N_ELEMENTS (people), 0,
                                                fixture->west, FALSE, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_nonnull (snapshot);
  g_assert_false (ll_membership_snapshot_is_empty (snapshot));

  g_assert_cmpint (primary_station (fixture, wang), ==, fixture->west);
  g_assert_cmpint (primary_station (fixture, li), ==, fixture->west);
  g_assert_cmpint (primary_station (fixture, zhang), ==, fixture->west);
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->west);
  g_assert_cmpint (primary_station (fixture, newcomer), ==, fixture->west);
  g_assert_cmpint (primary_station (fixture, already), ==, fixture->west);
  g_assert_cmpint (n_current (fixture, judge), ==, 1);
  g_assert_cmpint (n_current (fixture, wang), ==, 1);
  /* The head role stays behind; 李秀英's one-day membership goes. */
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships "
                              "WHERE station_role = 'head' AND to_date IS NULL"), ==, 0);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships WHERE person_id = %"
                              G_GINT64_FORMAT, li), ==, 1);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships "
                              "WHERE station_id = %" G_GINT64_FORMAT " AND to_date IS NULL",
                              fixture->west),
                   ==, 6);

  moved = dump_memberships (fixture->db);
  g_assert_cmpstr (moved, !=, before);

  /* Undo restores every membership exactly, ids included. */
  g_assert_true (ll_membership_store_undo_move (fixture->db, snapshot, &error));
  g_assert_no_error (error);
  undone = dump_memberships (fixture->db);
  g_assert_cmpstr (undone, ==, before);

  /* Undoing twice changes nothing more. */
  g_assert_true (ll_membership_store_undo_move (fixture->db, snapshot, &error));
  g_free (undone);
  undone = dump_memberships (fixture->db);
  g_assert_cmpstr (undone, ==, before);
}

static void
test_move_many_from_and_copy (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  g_autoptr(LlMembership) m = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  gint64 judge = add_person (fixture->db, "李法官", "judge");
  gint64 observer = add_person (fixture->db, "周观察", "observer");
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 officers[] = { judge, observer };
  gint64 mixed[] = { judge, wang };

  set_today ("2024-11-01");
  m = assign (fixture, judge, fixture->east, NULL, FALSE);
  g_clear_object (&m);
  m = assign (fixture, judge, fixture->south, NULL, TRUE);
  g_clear_object (&m);
  m = assign (fixture, observer, fixture->south, NULL, FALSE);
  g_clear_object (&m);
  m = assign (fixture, wang, fixture->south, NULL, FALSE);
  set_today ("2025-03-15");

  /* Dragged from the 南湖 column: the judge's copy moves, their primary
   * station stays 东湖; the observer's primary membership moves. */
  g_assert_true (ll_membership_store_move_many (fixture->db, officers, 2, fixture->south,
                                                fixture->west, FALSE, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->east);
  g_assert_cmpint (n_current (fixture, judge), ==, 2);
  g_assert_cmpint (primary_station (fixture, observer), ==, fixture->west);
  g_assert_true (ll_membership_store_undo_move (fixture->db, snapshot, &error));
  g_clear_pointer (&snapshot, ll_membership_snapshot_unref);

  /* Copying: all or nothing — a deputy in the selection refuses it all. */
  before = dump_memberships (fixture->db);
  g_assert_false (ll_membership_store_move_many (fixture->db, mixed, 2, 0, fixture->west, TRUE,
                                                 &snapshot, &error));
  assert_error (error, LL_DATABASE_ERROR_INVALID, "“王建国” (Deputy)");
  g_clear_error (&error);
  g_assert_null (snapshot);
  after = dump_memberships (fixture->db);
  g_assert_cmpstr (after, ==, before);

  g_assert_true (ll_membership_store_move_many (fixture->db, officers, 2, 0, fixture->west, TRUE,
                                                &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (ll_membership_snapshot_get_n_changes (snapshot), ==, 2);
  g_assert_cmpint (n_current (fixture, judge), ==, 3);
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->east);
  g_assert_cmpint (n_current (fixture, observer), ==, 2);
  g_clear_pointer (&snapshot, ll_membership_snapshot_unref);

  /* Dropped back on the column they came from: nothing changes. */
  g_assert_true (ll_membership_store_move_many (fixture->db, officers, 2, fixture->west,
                                                fixture->west, FALSE, &snapshot, &error));
  g_assert_true (ll_membership_snapshot_is_empty (snapshot));
  g_clear_pointer (&snapshot, ll_membership_snapshot_unref);
  g_assert_cmpint (primary_station (fixture, judge), ==, fixture->east);

  /* Copying again onto the same station changes nothing. */
  g_assert_true (ll_membership_store_move_many (fixture->db, officers, 2, 0, fixture->west, TRUE,
                                                &snapshot, &error));
  g_assert_true (ll_membership_snapshot_is_empty (snapshot));
  g_clear_pointer (&snapshot, ll_membership_snapshot_unref);

  /* Someone no longer at the station they are dragged from. */
  g_free (before);
  before = dump_memberships (fixture->db);
  g_assert_false (ll_membership_store_move_many (fixture->db, mixed, 2, fixture->east,
                                                 fixture->west, FALSE, NULL, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, "“王建国” is no longer stationed at "
                                                   "“东湖社区联络站”");
  g_free (after);
  after = dump_memberships (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_undo_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(LlMembership) m = NULL;
  g_autofree char *moved = NULL;
  g_autofree char *after = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 li = add_person (fixture->db, "李秀英", "deputy");
  gint64 people[] = { wang, li };

  set_today ("2024-11-01");
  m = assign (fixture, wang, fixture->east, NULL, FALSE);
  g_clear_object (&m);
  m = assign (fixture, li, fixture->east, NULL, FALSE);
  set_today ("2025-03-15");

  g_assert_true (ll_membership_store_move_many (fixture->db, people, 2, fixture->east,
                                                fixture->south, FALSE, &snapshot, &error));
  g_assert_no_error (error);

  /* Someone else, on another connection, makes 李秀英 head at 南湖. */
  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  list = ll_membership_store_list_by_person (other_db, li, TRUE, &error);
  g_assert_true (ll_membership_store_set_role (other_db, g_ptr_array_index (list, 0), "head",
                                               &error));
  g_assert_no_error (error);
  moved = dump_memberships (fixture->db);

  /* Undo refuses as a whole and changes nothing. */
  g_assert_false (ll_membership_store_undo_move (fixture->db, snapshot, &error));
  assert_error (error, LL_DATABASE_ERROR_CONFLICT, "can no longer be undone");
  after = dump_memberships (fixture->db);
  g_assert_cmpstr (after, ==, moved);
}

static void
test_move_many_large (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlMembershipSnapshot) snapshot = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* An election: 300 deputies re-grouped in one drop. */
  g_assert_true (test_write_sql (fixture->db,
                                 "WITH RECURSIVE n (i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                                 "WHERE i < 300) INSERT INTO people (name, role, level) "
                                 "SELECT '代表' || i, 'deputy', 'township' FROM n",
                                 &error));
  g_assert_true (test_write_sql (fixture->db,
                                 "INSERT INTO memberships (person_id, station_id, is_primary, "
                                 "from_date) SELECT id, 1, 1, '2022-01-01' FROM people",
                                 &error));
  g_assert_no_error (error);
  for (gint64 id = 1; id <= 300; id++)
    g_array_append_val (ids, id);

  before = dump_memberships (fixture->db);
  g_assert_true (ll_membership_store_move_many (fixture->db, (gint64 *) ids->data, ids->len, 0,
                                                fixture->south, FALSE, &snapshot, &error));
  g_assert_no_error (error);
  g_assert_cmpint (query_int (fixture->db, "SELECT count(*) FROM memberships WHERE station_id = %"
                              G_GINT64_FORMAT " AND to_date IS NULL", fixture->south),
                   ==, 300);
  g_assert_cmpuint (ll_membership_snapshot_get_n_changes (snapshot), ==, 600);

  g_assert_true (ll_membership_store_undo_move (fixture->db, snapshot, &error));
  g_assert_no_error (error);
  after = dump_memberships (fixture->db);
  g_assert_cmpstr (after, ==, before);
}

static void
test_lists (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) loaded = NULL;
  g_autoptr(LlMembership) m = NULL;
  gint64 wang = add_person (fixture->db, "王建国", "deputy");
  gint64 li = add_person (fixture->db, "李秀英", "deputy");
  gint64 zhang = add_person (fixture->db, "张伟", "deputy");
  gint64 ids[3];

  set_today ("2024-11-01");
  m = assign (fixture, zhang, fixture->east, NULL, FALSE);
  ids[2] = ll_membership_get_id (m);
  g_clear_object (&m);
  m = assign (fixture, li, fixture->east, "liaison_officer", FALSE);
  ids[1] = ll_membership_get_id (m);
  g_clear_object (&m);
  m = assign (fixture, wang, fixture->east, "head", FALSE);
  ids[0] = ll_membership_get_id (m);
  g_clear_object (&m);
  set_today ("2025-03-15");
  m = assign (fixture, zhang, fixture->south, NULL, FALSE);

  /* Head, liaison officer, members; then history. */
  list = ll_membership_store_list_by_station (fixture->db, fixture->east, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 2);
  g_assert_cmpstr (ll_membership_get_station_role (g_ptr_array_index (list, 0)), ==, "head");
  g_assert_cmpstr (ll_membership_get_station_role (g_ptr_array_index (list, 1)), ==,
                   "liaison_officer");
  g_clear_pointer (&list, g_ptr_array_unref);

  list = ll_membership_store_list_by_station (fixture->db, fixture->east, FALSE, &error);
  g_assert_cmpuint (list->len, ==, 3);
  g_assert_cmpstr (ll_membership_get_person_name (g_ptr_array_index (list, 2)), ==, "张伟");
  g_assert_false (ll_membership_is_current (g_ptr_array_index (list, 2)));

  loaded = ll_membership_store_load_many (fixture->db, ids, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (loaded->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (ll_membership_get_id (g_ptr_array_index (loaded, i)), ==, ids[i]);
  g_assert_cmpstr (ll_membership_get_station_name (g_ptr_array_index (loaded, 0)), ==,
                   "东湖社区联络站");
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
  g_test_add ("/core/memberships/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("assign", test_assign);
  ADD ("deputy-moves", test_deputy_moves);
  ADD ("copy-several", test_copy_several);
  ADD ("head", test_head);
  ADD ("end-remove-update", test_end_remove_update);
  ADD ("archived", test_archived);
  ADD ("move-many-undo", test_move_many_undo);
  ADD ("move-many-from-and-copy", test_move_many_from_and_copy);
  ADD ("undo-conflict", test_undo_conflict);
  ADD ("move-many-large", test_move_many_large);
  ADD ("lists", test_lists);

#undef ADD

  return g_test_run ();
}

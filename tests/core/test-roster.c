/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-roster"

/* Reception rosters (接待日排班): every rule of ll-roster-store.c. */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "ll-core.h"
#include "ll-points.h"
#include "ll-roster-store.h"
#include "test-util.h"

typedef struct
{
  char       *dir;
  LlDatabase *db;
  gint64      east;     /* 东湖社区联络站, reception days 10,31 */
  gint64      south;    /* 南湖社区联络站, no reception days */
  gint64      zhou;     /* stationed at east */
  gint64      wu;       /* stationed at east */
  gint64      zheng;    /* stationed at south only */
} Fixture;

static gint64
add_station (LlDatabase *db,
             const char *name,
             const char *reception_days)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = ll_station_new ();

  ll_station_set_name (station, name);
  ll_station_set_address (station, "东湖路1号");
  ll_station_set_reception_days (station, reception_days);
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);

  return ll_station_get_id (station);
}

static gint64
add_person (LlDatabase *db,
            const char *name,
            gint64      station_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(LlMembership) membership = NULL;

  ll_person_set_name (person, name);
  ll_person_set_role (person, "deputy");
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);

  membership = ll_membership_store_assign (db, ll_person_get_id (person), station_id, "member",
                                           FALSE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (membership);

  return ll_person_get_id (person);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_setenv ("LIANLUO_TODAY", "2025-03-15", TRUE);
  fixture->dir = test_tmpdir ();
  path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  fixture->east = add_station (fixture->db, "东湖社区联络站", "10,31");
  fixture->south = add_station (fixture->db, "南湖社区联络站", NULL);
  fixture->zhou = add_person (fixture->db, "周代表", fixture->east);
  fixture->wu = add_person (fixture->db, "吴代表", fixture->east);
  fixture->zheng = add_person (fixture->db, "郑代表", fixture->south);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->db);
  test_rm_rf (fixture->dir);
  g_free (fixture->dir);
}

static char *
joined (char **strv)
{
  return g_strjoinv (" ", strv);
}

static void
test_days_of_month (void)
{
  struct { const char *days; int year, month; const char *expected; } cases[] = {
    { "10,18", 2025, 3, "2025-03-10 2025-03-18" },
    { "18,10", 2025, 3, "2025-03-10 2025-03-18" },
    /* Past the month's end: its last day, once. */
    { "30,31", 2025, 2, "2025-02-28" },
    { "29", 2024, 2, "2024-02-29" },
    { "31", 2025, 4, "2025-04-30" },
    { "10,,10, 18", 2025, 3, "2025-03-10 2025-03-18" },
    { "0", 2025, 3, "" },
    { "", 2025, 3, "" },
    { NULL, 2025, 3, "" },
    { "10", 2025, 13, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(GStrv) days = ll_roster_days_of_month (cases[i].days, cases[i].year, cases[i].month);
      g_autofree char *text = joined (days);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_list_days (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) days = NULL;
  g_autofree char *text = NULL;

  days = ll_roster_store_list_days (fixture->db, fixture->east, 2025, 4, &error);
  g_assert_no_error (error);
  text = joined (days);
  g_assert_cmpstr (text, ==, "2025-04-10 2025-04-30");
  g_clear_pointer (&days, g_strfreev);

  /* No reception days: a sentence that says so and what to do. */
  days = ll_roster_store_list_days (fixture->db, fixture->south, 2025, 4, &error);
  g_assert_null (days);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "南湖社区联络站"));
  g_assert_nonnull (strstr (error->message, "10,18"));
  g_clear_error (&error);

  days = ll_roster_store_list_days (fixture->db, 9999, 2025, 4, &error);
  g_assert_null (days);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

static void
test_add (Fixture       *fixture,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRosterEntry) entry = NULL;
  g_autoptr(LlRosterEntry) again = NULL;
  g_autoptr(LlRosterEntry) other_day = NULL;
  g_autoptr(LlRosterEntry) bad = NULL;
  g_autoptr(GPtrArray) month = NULL;

  entry = ll_roster_store_add (fixture->db, fixture->east, "2025-03-31", fixture->zhou, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_roster_entry_get_person_name (entry), ==, "周代表");
  g_assert_cmpstr (ll_roster_entry_get_held_on (entry), ==, "2025-03-31");
  g_assert_null (ll_roster_entry_get_attendance (entry));
  g_assert_cmpint (ll_roster_entry_get_activity_id (entry), ==, 0);

  /* The same person twice on one day: refused with the reason. */
  again = ll_roster_store_add (fixture->db, fixture->east, "2025-03-31", fixture->zhou, &error);
  g_assert_null (again);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "周代表"));
  g_assert_nonnull (strstr (error->message, "2025-03-31"));
  g_clear_error (&error);

  /* … but on several days, yes. */
  other_day = ll_roster_store_add (fixture->db, fixture->east, "2025-03-10", fixture->zhou,
                                   &error);
  g_assert_no_error (error);
  g_assert_nonnull (other_day);

  /* Only the station's own people. */
  bad = ll_roster_store_add (fixture->db, fixture->east, "2025-03-10", fixture->zheng, &error);
  g_assert_null (bad);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "郑代表"));
  g_assert_nonnull (strstr (error->message, "东湖社区联络站"));
  g_clear_error (&error);

  /* Only its reception days. */
  bad = ll_roster_store_add (fixture->db, fixture->east, "2025-03-11", fixture->wu, &error);
  g_assert_null (bad);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-03-10"));
  g_clear_error (&error);

  bad = ll_roster_store_add (fixture->db, fixture->east, "3月10日", fixture->wu, &error);
  g_assert_null (bad);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  bad = ll_roster_store_add (fixture->db, fixture->south, "2025-03-10", fixture->zheng, &error);
  g_assert_null (bad);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  month = ll_roster_store_list_month (fixture->db, fixture->east, 2025, 3, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (month->len, ==, 2);
  g_assert_cmpstr (ll_roster_entry_get_held_on (g_ptr_array_index (month, 0)), ==, "2025-03-10");
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM change_log "
                                                "WHERE tbl = 'roster_entries'"), ==, 2);
}

static void
test_remove (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRosterEntry) entry = NULL;
  g_autoptr(LlRosterEntry) stale = NULL;
  g_autoptr(GPtrArray) day = NULL;

  entry = ll_roster_store_add (fixture->db, fixture->east, "2025-03-31", fixture->zhou, &error);
  g_assert_no_error (error);
  stale = ll_roster_store_get (fixture->db, ll_roster_entry_get_id (entry), &error);
  g_assert_no_error (error);

  /* A colleague changed it first: a conflict, nothing removed. */
  g_assert_true (ll_roster_store_move (fixture->db, entry, "2025-03-10", &error));
  g_assert_no_error (error);
  g_assert_false (ll_roster_store_remove (fixture->db, stale, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  g_assert_true (ll_roster_store_remove (fixture->db, entry, &error));
  g_assert_no_error (error);
  day = ll_roster_store_list_day (fixture->db, fixture->east, "2025-03-10", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (day->len, ==, 0);
}

static void
test_move (Fixture       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRosterEntry) zhou = NULL;
  g_autoptr(LlRosterEntry) zhou_31 = NULL;
  g_autoptr(LlRosterEntry) wu = NULL;
  gint64 version;

  zhou = ll_roster_store_add (fixture->db, fixture->east, "2025-03-10", fixture->zhou, &error);
  g_assert_no_error (error);
  version = ll_roster_entry_get_version (zhou);

  g_assert_true (ll_roster_store_move (fixture->db, zhou, "2025-03-31", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_roster_entry_get_held_on (zhou), ==, "2025-03-31");
  g_assert_cmpint (ll_roster_entry_get_version (zhou), ==, version + 1);

  /* Undo: move it back with what the move returned. */
  g_assert_true (ll_roster_store_move (fixture->db, zhou, "2025-03-10", &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM roster_entries "
                                                "WHERE held_on = '2025-03-10'"), ==, 1);

  /* Onto a day where the person already is: refused. */
  zhou_31 = ll_roster_store_add (fixture->db, fixture->east, "2025-03-31", fixture->zhou, &error);
  g_assert_no_error (error);
  g_assert_false (ll_roster_store_move (fixture->db, zhou, "2025-03-31", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "周代表"));
  g_clear_error (&error);

  /* Onto a day that is no reception day: refused. */
  wu = ll_roster_store_add (fixture->db, fixture->east, "2025-03-10", fixture->wu, &error);
  g_assert_no_error (error);
  g_assert_false (ll_roster_store_move (fixture->db, wu, "2025-03-12", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpstr (ll_roster_entry_get_held_on (wu), ==, "2025-03-10");

  /* Once the attendance is recorded, it stays on its day. */
  g_assert_true (ll_roster_store_set_attendance (fixture->db, wu, "present", &error));
  g_assert_no_error (error);
  g_assert_false (ll_roster_store_move (fixture->db, wu, "2025-03-31", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
}

static void
test_set_day (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) day = NULL;
  gint64 both[] = { fixture->zhou, fixture->wu };
  gint64 twice[] = { fixture->wu, fixture->wu };
  gint64 stranger[] = { fixture->wu, fixture->zheng };

  g_assert_true (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-31", both, 2,
                                          &error));
  g_assert_no_error (error);

  /* Exactly those: 周 leaves, 吴 stays (the same row). */
  g_assert_true (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-31", &both[1], 1,
                                          &error));
  g_assert_no_error (error);
  day = ll_roster_store_list_day (fixture->db, fixture->east, "2025-03-31", &error);
  g_assert_cmpuint (day->len, ==, 1);
  g_assert_cmpint (ll_roster_entry_get_person_id (g_ptr_array_index (day, 0)), ==, fixture->wu);
  g_assert_cmpint (ll_roster_entry_get_version (g_ptr_array_index (day, 0)), ==, 1);
  g_clear_pointer (&day, g_ptr_array_unref);

  /* A person named twice, or a stranger: refused, nothing changed. */
  g_assert_false (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-31", twice, 2,
                                           &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "吴代表"));
  g_clear_error (&error);
  g_assert_false (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-31", stranger, 2,
                                           &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nobody. */
  g_assert_true (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-31", NULL, 0,
                                          &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM roster_entries"), ==, 0);
}

static void
test_attendance (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlRosterEntry) past = NULL;
  g_autoptr(LlRosterEntry) future = NULL;

  past = ll_roster_store_add (fixture->db, fixture->east, "2025-03-10", fixture->zhou, &error);
  future = ll_roster_store_add (fixture->db, fixture->east, "2025-03-31", fixture->zhou, &error);
  g_assert_no_error (error);

  /* Before the day: refused. */
  g_assert_false (ll_roster_store_set_attendance (fixture->db, future, "present", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2025-03-31"));
  g_clear_error (&error);

  g_assert_false (ll_roster_store_set_attendance (fixture->db, past, "late", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ll_roster_store_set_attendance (fixture->db, past, "leave", &error));
  g_assert_no_error (error);
  g_assert_cmpstr (ll_roster_entry_get_attendance (past), ==, "leave");

  /* On the day itself: allowed. */
  g_setenv ("LIANLUO_TODAY", "2025-03-31", TRUE);
  g_assert_true (ll_roster_store_set_attendance (fixture->db, future, "absent", &error));
  g_assert_no_error (error);
  g_setenv ("LIANLUO_TODAY", "2025-03-15", TRUE);
}

static const LlPointsEntry *
points_of (LlPoints *points,
           gint64    person_id)
{
  const LlPointsEntry *entry = ll_points_lookup (points, person_id);

  g_assert_nonnull (entry);
  return entry;
}

static void
test_record_day (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPoints) points = NULL;
  g_autoptr(LlRosterEntry) future = NULL;
  gint64 both[] = { fixture->zhou, fixture->wu };
  gint64 zhou_only[] = { fixture->zhou };
  const char *attendances[] = { "present", "leave" };
  const char *absent[] = { "absent" };
  gint64 activity_id = 0, again_id = 0;
  int reception = ll_enum_find (LL_ENUM_ACTIVITY_TYPE, "reception");
  int present = ll_enum_find (LL_ENUM_ATTENDANCE, "present");
  int leave = ll_enum_find (LL_ENUM_ATTENDANCE, "leave");
  int absent_index = ll_enum_find (LL_ENUM_ATTENDANCE, "absent");

  /* Nobody on the roster: nothing to record. */
  g_assert_false (ll_roster_store_record_day (fixture->db, fixture->east, "2025-03-10", NULL,
                                              NULL, 0, &activity_id, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-10", both, 2,
                                          &error));
  g_assert_no_error (error);

  /* Attendance missing: refused, naming who, and nothing written. */
  g_assert_false (ll_roster_store_record_day (fixture->db, fixture->east, "2025-03-10",
                                              zhou_only, attendances, 1, &activity_id, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "吴代表"));
  g_assert_null (strstr (error->message, "周代表"));
  g_clear_error (&error);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM roster_entries "
                                                "WHERE attendance IS NOT NULL"), ==, 0);

  /* A day that has not come: refused. */
  future = ll_roster_store_add (fixture->db, fixture->east, "2025-03-31", fixture->zhou, &error);
  g_assert_no_error (error);
  g_assert_false (ll_roster_store_record_day (fixture->db, fixture->east, "2025-03-31",
                                              zhou_only, attendances, 1, &activity_id, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Recorded: one reception activity with both and their attendance. */
  g_assert_true (ll_roster_store_record_day (fixture->db, fixture->east, "2025-03-10", both,
                                             attendances, 2, &activity_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (activity_id, >, 0);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM activities WHERE "
                                                "type = 'reception' AND held_on = '2025-03-10' "
                                                "AND station_id = 1"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM activity_participants"),
                   ==, 2);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM roster_entries "
                                                "WHERE activity_id IS NOT NULL"), ==, 2);

  points = ll_points_compute (fixture->db, 2025, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points_of (points, fixture->zhou)->counts.activities[reception][present],
                    ==, 1);
  g_assert_cmpuint (points_of (points, fixture->wu)->counts.activities[reception][leave], ==, 1);
  g_clear_pointer (&points, ll_points_unref);

  /* Again, after 吴 left the roster and 周 turned out absent: the same
   * activity, its participants follow. */
  g_assert_true (ll_roster_store_set_day (fixture->db, fixture->east, "2025-03-10", zhou_only, 1,
                                          &error));
  g_assert_no_error (error);
  g_assert_true (ll_roster_store_record_day (fixture->db, fixture->east, "2025-03-10", zhou_only,
                                             absent, 1, &again_id, &error));
  g_assert_no_error (error);
  g_assert_cmpint (again_id, ==, activity_id);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM activities"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM activity_participants "
                                                "WHERE attendance = 'absent'"), ==, 1);
  g_assert_cmpint (test_query_int (fixture->db, "SELECT count(*) FROM activity_participants"),
                   ==, 1);

  points = ll_points_compute (fixture->db, 2025, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (points_of (points, fixture->zhou)->counts.activities[reception][absent_index],
                    ==, 1);
  g_assert_cmpuint (points_of (points, fixture->zhou)->counts.activities[reception][present],
                    ==, 0);

  /* An attendance for someone not on the roster: refused. */
  g_assert_false (ll_roster_store_record_day (fixture->db, fixture->east, "2025-03-10",
                                              &both[1], absent, 1, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "吴代表"));
  g_clear_error (&error);
}

static void
test_read_only (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlDatabase) ro = NULL;
  g_autoptr(LlRosterEntry) entry = NULL;
  g_autofree char *path = g_build_filename (fixture->dir, "lianluo.db", NULL);

  ro = ll_database_open (path, LL_DATABASE_OPEN_READ_ONLY, &error);
  g_assert_no_error (error);
  entry = ll_roster_store_add (ro, fixture->east, "2025-03-10", fixture->zhou, &error);
  g_assert_null (entry);
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_READ_ONLY);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("LANGUAGE", "C", TRUE);
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/core/roster/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  g_test_add_func ("/core/roster/days-of-month", test_days_of_month);
  ADD ("list-days", test_list_days);
  ADD ("add", test_add);
  ADD ("remove", test_remove);
  ADD ("move", test_move);
  ADD ("set-day", test_set_day);
  ADD ("attendance", test_attendance);
  ADD ("record-day", test_record_day);
  ADD ("read-only", test_read_only);
#undef ADD

  return g_test_run ();
}

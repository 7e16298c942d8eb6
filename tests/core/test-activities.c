/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-activities"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "ll-activity-store.h"
#include "ll-attachment-store.h"
#include "ll-core.h"
#include "ll-enums.h"
#include "ll-station-store.h"
#include "ll-person-store.h"
#include "test-util.h"

/* Activities: the record, its participants and attendance, versioned
 * saves, deletion, load_many and the list query. */

typedef struct
{
  char       *dir;
  char       *path;
  LlDatabase *db;
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

static gint64
add_person (LlDatabase *db,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPerson) person = ll_person_new ();

  ll_person_set_name (person, name);
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);
  return ll_person_get_id (person);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = test_tmpdir ();
  fixture->path = g_build_filename (fixture->dir, "lianluo.db", NULL);
  fixture->db = ll_database_open (fixture->path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);

  /* 东湖街道人大代表之家 → 东湖社区联络站 → 东湖一号点; 西山联络站. */
  g_assert_cmpint (add_station (fixture->db, "东湖街道人大代表之家", "home", 0), ==, 1);
  g_assert_cmpint (add_station (fixture->db, "东湖社区联络站", "station", 1), ==, 2);
  g_assert_cmpint (add_station (fixture->db, "东湖一号点", "point", 2), ==, 3);
  g_assert_cmpint (add_station (fixture->db, "西山联络站", "station", 0), ==, 4);
  g_assert_cmpint (add_person (fixture->db, "王建国"), ==, 1);
  g_assert_cmpint (add_person (fixture->db, "李晓鹃"), ==, 2);
  g_assert_cmpint (add_person (fixture->db, "张伟"), ==, 3);
  g_assert_cmpint (add_person (fixture->db, "陈静"), ==, 4);
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

static LlActivity *
new_activity (const char *title,
              const char *held_on,
              const char *type)
{
  LlActivity *activity = ll_activity_new ();

  ll_activity_set_title (activity, title);
  ll_activity_set_held_on (activity, held_on);
  ll_activity_set_activity_type (activity, type);
  return activity;
}

/* Pairs of person id (int) and attendance (a key or NULL), ending with 0. */
static GPtrArray *
participants (int first_person,
              ...)
{
  GPtrArray *list = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_participant_free);
  va_list args;

  va_start (args, first_person);
  for (int person = first_person; person != 0; person = va_arg (args, int))
    g_ptr_array_add (list, ll_participant_new (person, NULL, va_arg (args, const char *)));
  va_end (args);

  return list;
}

static gint64
count (LlDatabase *db,
       const char *sql)
{
  return test_query_int (db, sql);
}

/* The record --------------------------------------------------------------- */

static void
test_properties_are_columns (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) statement = NULL;
  g_autoptr(GTypeClass) klass = g_type_class_ref (LL_TYPE_ACTIVITY);
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0, n_columns = 0, n_writable = 0;

  statement = _ll_database_prepare (fixture->db,
                                    "SELECT name FROM pragma_table_info ('activities')", &error);
  g_assert_no_error (error);
  while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
    {
      g_autofree char *name = _ll_statement_dup_text (statement, 0);
      GParamSpec *pspec;

      g_strdelimit (name, "_", '-');
      pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), name);
      g_assert_nonnull (pspec);
      g_assert_cmpint (pspec->flags & G_PARAM_READWRITE, ==, G_PARAM_READWRITE);
      g_assert_nonnull (ll_activity_get_field_label (name));
      n_columns++;
    }
  g_assert_no_error (error);

  pspecs = g_object_class_list_properties (G_OBJECT_CLASS (klass), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    if (pspecs[i]->flags & G_PARAM_WRITABLE)
      n_writable++;
    else
      g_assert_true (g_str_equal (pspecs[i]->name, "station-name") ||
                     g_str_equal (pspecs[i]->name, "n-participants"));
  g_assert_cmpuint (n_writable, ==, n_columns);
}

static void
assert_invalid (LlActivity *activity,
                const char *label)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (ll_activity_validate (activity, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, label));
}

static void
test_validate (void)
{
  g_autoptr(LlActivity) activity = new_activity ("每月10日接待选民", "2025-03-10", "reception");
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_activity_validate (activity, &error));
  g_assert_no_error (error);

  ll_activity_set_title (activity, "");
  assert_invalid (activity, "Title");
  ll_activity_set_title (activity, "每月10日接待选民");

  ll_activity_set_held_on (activity, "2025-02-29");
  assert_invalid (activity, "Date");
  ll_activity_set_held_on (activity, NULL);
  assert_invalid (activity, "Date");
  ll_activity_set_held_on (activity, "2025-03-10");

  ll_activity_set_activity_type (activity, "party");
  assert_invalid (activity, "Type");
  ll_activity_set_activity_type (activity, NULL);
  assert_invalid (activity, "Type");
  ll_activity_set_activity_type (activity, "visit");

  ll_activity_set_people_received (activity, -3);
  assert_invalid (activity, "People received");
  ll_activity_set_people_received (activity, 12);

  g_assert_true (ll_activity_validate (activity, &error));
  g_assert_no_error (error);
}

/* Saving ------------------------------------------------------------------- */

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LlActivity) activity = new_activity ("接待选民", "2025-03-10", "reception");
  g_autoptr(LlActivity) read = NULL;
  g_autoptr(GPtrArray) people = participants (2, NULL, 1, "leave", 2, "absent", 0);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  LlParticipant *participant;

  ll_activity_set_station_id (activity, 3);
  ll_activity_set_subtype (activity, "六进·进社区");
  ll_activity_set_people_received (activity, 23);
  ll_activity_set_opinions_collected (activity, 7);
  ll_activity_set_summary (activity, "收集意见7条。");

  g_assert_true (ll_activity_store_create (fixture->db, activity, people, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_activity_get_id (activity), >, 0);
  g_assert_cmpint (ll_activity_get_version (activity), ==, 1);
  g_assert_cmpstr (ll_activity_get_station_name (activity), ==, "东湖一号点");
  g_assert_cmpint (ll_activity_get_n_participants (activity), ==, 2);

  read = ll_activity_store_get (fixture->db, ll_activity_get_id (activity), &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ll_activity_get_activity_type (read), ==, "reception");
  g_assert_cmpstr (ll_activity_get_subtype (read), ==, "六进·进社区");
  g_assert_cmpint (ll_activity_get_people_received (read), ==, 23);
  g_assert_cmpint (ll_activity_get_opinions_collected (read), ==, 7);

  /* Each person once, the first entry wins; no attendance is present. */
  listed = ll_activity_store_list_participants (fixture->db, ll_activity_get_id (activity),
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 2);
  participant = listed->pdata[0];
  g_assert_cmpint (participant->person_id, ==, 2);
  g_assert_cmpstr (participant->name, ==, "李晓鹃");
  g_assert_cmpstr (participant->attendance, ==, "present");
  participant = listed->pdata[1];
  g_assert_cmpstr (participant->name, ==, "王建国");
  g_assert_cmpstr (participant->attendance, ==, "leave");

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM change_log "
                                       "WHERE tbl = 'activity_participants'"), ==, 2);
}

static void
test_create_refused (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(LlActivity) activity = new_activity ("走访", "2025-03-10", "visit");
  g_autoptr(GPtrArray) nobody = participants (99, NULL, 0);
  g_autoptr(GPtrArray) odd = participants (1, "late", 0);
  g_autoptr(GError) error = NULL;

  g_assert_false (ll_activity_store_create (fixture->db, activity, nobody, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Participants"));
  g_clear_error (&error);

  g_assert_false (ll_activity_store_create (fixture->db, activity, odd, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Attendance"));
  g_clear_error (&error);

  ll_activity_set_station_id (activity, 42);
  g_assert_false (ll_activity_store_create (fixture->db, activity, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Station"));
  g_clear_error (&error);

  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (ll_activity_get_id (activity), ==, 0);

  /* Without a station is fine. */
  ll_activity_set_station_id (activity, 0);
  g_assert_true (ll_activity_store_create (fixture->db, activity, NULL, &error));
  g_assert_no_error (error);
  g_assert_null (ll_activity_get_station_name (activity));
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activities "
                                       "WHERE station_id IS NULL"), ==, 1);
}

static void
test_update_conflict (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(LlActivity) mine = new_activity ("调研", "2025-03-10", "research");
  g_autoptr(LlActivity) theirs = NULL;
  g_autoptr(LlDatabase) other_db = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_activity_store_create (fixture->db, mine, NULL, &error));
  g_assert_no_error (error);

  ll_activity_set_title (mine, "老旧小区改造调研");
  ll_activity_set_station_id (mine, 4);
  g_assert_true (ll_activity_store_update (fixture->db, mine, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_activity_get_version (mine), ==, 2);
  g_assert_cmpstr (ll_activity_get_station_name (mine), ==, "西山联络站");

  other_db = ll_database_open (fixture->path, LL_DATABASE_OPEN_NONE, &error);
  g_assert_no_error (error);
  ll_database_set_host (other_db, "office-2");
  theirs = ll_activity_store_get (other_db, ll_activity_get_id (mine), &error);
  g_assert_no_error (error);
  ll_activity_set_summary (theirs, "走访了 5 个小区。");
  g_assert_true (ll_activity_store_update (other_db, theirs, &error));
  g_assert_no_error (error);

  /* Mine is stale now: refused, theirs kept. */
  ll_activity_set_summary (mine, "走访了 4 个小区。");
  g_assert_false (ll_activity_store_update (fixture->db, mine, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "office-2"));
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activities "
                                       "WHERE summary = '走访了 5 个小区。' AND version = 3"), ==, 1);

  /* A stale delete is refused too; a current one removes it. */
  g_assert_false (ll_activity_store_delete (fixture->db, mine, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_true (ll_activity_store_delete (other_db, theirs, &error));
  g_assert_no_error (error);
  g_assert_false (ll_activity_store_update (fixture->db, mine, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

static void
test_participants (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(LlActivity) activity = new_activity ("代表小组活动", "2025-03-12", "group_activity");
  g_autoptr(LlActivity) stale = NULL;
  g_autoptr(GPtrArray) first = participants (1, NULL, 2, NULL, 3, "leave", 0);
  g_autoptr(GPtrArray) second = participants (3, "absent", 1, NULL, 4, NULL, 0);
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept_row;

  g_assert_true (ll_activity_store_create (fixture->db, activity, first, &error));
  g_assert_no_error (error);
  stale = ll_activity_dup (activity);
  kept_row = count (fixture->db, "SELECT id FROM activity_participants WHERE person_id = 1");

  /* 2 leaves, 4 joins, 3's attendance changes, 1 stays as it was. */
  g_assert_true (ll_activity_store_set_participants (fixture->db, activity, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_activity_get_version (activity), ==, 2);
  g_assert_cmpint (ll_activity_get_n_participants (activity), ==, 3);
  g_assert_cmpint (count (fixture->db, "SELECT id FROM activity_participants "
                                       "WHERE person_id = 1"), ==, kept_row);
  g_assert_cmpint (count (fixture->db, "SELECT version FROM activity_participants "
                                       "WHERE person_id = 1"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activity_participants "
                                       "WHERE person_id = 3 AND attendance = 'absent'"), ==, 1);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activity_participants "
                                       "WHERE person_id = 2"), ==, 0);

  /* The same list: nothing written. */
  g_assert_true (ll_activity_store_set_participants (fixture->db, activity, second, &error));
  g_assert_no_error (error);
  g_assert_cmpint (ll_activity_get_version (activity), ==, 2);

  /* From a stale copy: conflict, the list stays. */
  g_assert_false (ll_activity_store_set_participants (fixture->db, stale, first, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activity_participants "
                                       "WHERE person_id = 4"), ==, 1);

  /* One person's attendance: a quick edit, the activity's version stays. */
  g_assert_true (ll_activity_store_set_attendance (fixture->db, ll_activity_get_id (activity), 4,
                                                   "leave", &error));
  g_assert_no_error (error);
  g_assert_true (ll_activity_store_set_attendance (fixture->db, ll_activity_get_id (activity), 4,
                                                   "leave", &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->db, "SELECT version FROM activities"), ==, 2);

  listed = ll_activity_store_list_participants (fixture->db, ll_activity_get_id (activity),
                                                &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  g_assert_cmpstr (((LlParticipant *) listed->pdata[0])->name, ==, "王建国");
  g_assert_cmpstr (((LlParticipant *) listed->pdata[1])->name, ==, "张伟");
  g_assert_cmpstr (((LlParticipant *) listed->pdata[1])->attendance, ==, "absent");
  g_assert_cmpstr (((LlParticipant *) listed->pdata[2])->name, ==, "陈静");
  g_assert_cmpstr (((LlParticipant *) listed->pdata[2])->attendance, ==, "leave");

  g_assert_false (ll_activity_store_set_attendance (fixture->db, ll_activity_get_id (activity),
                                                    2, "present", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (ll_activity_store_set_attendance (fixture->db, ll_activity_get_id (activity),
                                                    4, "sick", &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Attendance"));
}

static void
test_delete (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(LlActivity) activity = new_activity ("视察", "2025-03-12", "inspection");
  g_autoptr(GPtrArray) people = participants (1, NULL, 2, NULL, 0);
  g_autoptr(LlAttachment) photo = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new_static ("photo", 5);
  g_autoptr(GError) error = NULL;

  g_assert_true (ll_activity_store_create (fixture->db, activity, people, &error));
  g_assert_no_error (error);
  photo = ll_attachment_store_add_bytes (fixture->db, 0, ll_activity_get_id (activity),
                                         "现场.jpg", NULL, bytes, &error);
  g_assert_no_error (error);

  g_assert_true (ll_activity_store_delete (fixture->db, activity, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activities"), ==, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM activity_participants"), ==, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachments"), ==, 0);
  g_assert_cmpint (count (fixture->db, "SELECT count(*) FROM attachment_data"), ==, 0);

  g_assert_false (ll_activity_store_delete (fixture->db, activity, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

/* Lists -------------------------------------------------------------------- */

static int
count_statements_cb (unsigned int  type,
                     void         *data,
                     void         *p,
                     void         *x)
{
  const char *sql = x;

  if (sql == NULL || !g_str_has_prefix (sql, "--"))
    (*(guint *) data)++;
  return 0;
}

static void
fill_activities (LlDatabase *db,
                 guint       n)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20250310);
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  const char * const *types = ll_enum_get_keys (LL_ENUM_ACTIVITY_TYPE);
  guint n_types = ll_enum_get_n_values (LL_ENUM_ACTIVITY_TYPE);

  for (guint i = 0; i < n; i++)
    {
      int station = g_rand_int_range (rand, 0, 5);
      g_autofree char *station_text = station != 0 ? g_strdup_printf ("%d", station)
                                                   : g_strdup ("NULL");

      /* Few dates, so that many share a day. */
      g_string_append_printf (sql,
                              "INSERT INTO activities (id, held_on, type, station_id, title) "
                              "VALUES (%u, '%d-%02d-%02d', '%s', %s, '活动');\n",
                              i + 1, 2024 + g_rand_int_range (rand, 0, 2),
                              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 4),
                              types[g_rand_int_range (rand, 0, n_types)], station_text);
      for (gint64 person = 1; person <= 4; person++)
        if (g_rand_int_range (rand, 0, 3) == 0)
          g_string_append_printf (sql, "INSERT INTO activity_participants (activity_id, "
                                       "person_id) VALUES (%u, %" G_GINT64_FORMAT ");\n",
                                  i + 1, person);
    }

  g_assert_true (test_write_sql (db, sql->str, &error));
  g_assert_no_error (error);
}

static gboolean
in_subtree (gint64 station_id,
            gint64 root)
{
  const gint64 parents[] = { 0, 0, 1, 2, 0 };

  for (gint64 id = station_id; id != 0; id = parents[id])
    if (id == root)
      return TRUE;
  return FALSE;
}

static gboolean
matches (LlDatabase             *db,
         LlActivity             *activity,
         const LlActivityFilter *filter)
{
  const char *held_on = ll_activity_get_held_on (activity);

  if (filter->type != NULL && g_strcmp0 (ll_activity_get_activity_type (activity), filter->type))
    return FALSE;
  if (filter->station_id != 0 &&
      (filter->station_only ? ll_activity_get_station_id (activity) != filter->station_id
                            : !in_subtree (ll_activity_get_station_id (activity),
                                           filter->station_id)))
    return FALSE;
  if (filter->year != 0 && atoi (held_on) != filter->year)
    return FALSE;
  if (filter->held_from != NULL && strcmp (held_on, filter->held_from) < 0)
    return FALSE;
  if (filter->held_to != NULL && strcmp (held_on, filter->held_to) > 0)
    return FALSE;
  if (filter->person_id != 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM activity_participants "
                                              "WHERE activity_id = %" G_GINT64_FORMAT
                                              " AND person_id = %" G_GINT64_FORMAT,
                                              ll_activity_get_id (activity), filter->person_id);
      if (test_query_int (db, sql) == 0)
        return FALSE;
    }
  return TRUE;
}

static int
newest_first (gconstpointer a,
              gconstpointer b)
{
  LlActivity *x = *(LlActivity **) a;
  LlActivity *y = *(LlActivity **) b;
  int result = strcmp (ll_activity_get_held_on (y), ll_activity_get_held_on (x));

  if (result != 0)
    return result;
  return (ll_activity_get_id (y) > ll_activity_get_id (x)) -
         (ll_activity_get_id (y) < ll_activity_get_id (x));
}

static void assert_plan (LlDatabase             *db,
                         const LlActivityFilter *filter,
                         const char             *index,
                         gboolean                sorts);

static void
test_query (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) all_ids = NULL;
  g_autoptr(GPtrArray) all = NULL;
  LlActivityFilter filters[9];

  fill_activities (fixture->db, 300);

  all_ids = ll_activity_store_query_ids (fixture->db, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all_ids->len, ==, 300);
  all = ll_activity_store_load_many (fixture->db, (gint64 *) all_ids->data, all_ids->len,
                                     &error);
  g_assert_no_error (error);

  memset (filters, 0, sizeof filters);
  filters[1].type = "reception";
  filters[2].station_id = 2;
  filters[3].station_id = 2;
  filters[3].station_only = TRUE;
  filters[4].year = 2025;
  filters[5].person_id = 3;
  filters[6].held_from = "2024-07-01";
  filters[6].held_to = "2025-03-02";
  filters[7].station_id = 1;
  filters[7].year = 2024;
  filters[7].person_id = 1;
  filters[8].type = "visit";
  filters[8].station_id = 4;

  for (guint i = 0; i < G_N_ELEMENTS (filters); i++)
    {
      g_autoptr(GPtrArray) expected = g_ptr_array_new ();
      g_autoptr(GArray) ids = NULL;

      for (guint j = 0; j < all->len; j++)
        if (matches (fixture->db, all->pdata[j], &filters[i]))
          g_ptr_array_add (expected, all->pdata[j]);
      g_ptr_array_sort (expected, newest_first);

      ids = ll_activity_store_query_ids (fixture->db, &filters[i], &error);
      g_assert_no_error (error);
      g_test_message ("filter %u: %u activities", i, ids->len);
      g_assert_cmpuint (ids->len, >, 0);
      g_assert_cmpuint (ids->len, ==, expected->len);
      for (guint j = 0; j < ids->len; j++)
        g_assert_cmpint (g_array_index (ids, gint64, j), ==,
                         ll_activity_get_id (expected->pdata[j]));

      g_assert_cmpint (ll_activity_store_count (fixture->db, &filters[i], &error), ==,
                       expected->len);
      g_assert_no_error (error);
    }

  /* The default list is read off activities_held without sorting; a
   * type from its own index. */
  assert_plan (fixture->db, NULL, "activities_held", FALSE);
  assert_plan (fixture->db, &filters[1], "activities_type", TRUE);
  assert_plan (fixture->db, &filters[3], "activities_station", TRUE);
  assert_plan (fixture->db, &filters[5], "activity_participants_person", TRUE);
}

static void
assert_plan (LlDatabase             *db,
             const LlActivityFilter *filter,
             const char             *index,
             gboolean                sorts)
{
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(GArray) params = g_array_new (FALSE, TRUE, sizeof (GValue));
    g_autofree char *sql = NULL;
    g_autofree char *explain = NULL;
    g_autoptr(LlStatement) statement = NULL;
    g_autoptr(GString) plan = g_string_new (NULL);

    g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
    sql = ll_activity_store_build_query (filter, params);
    explain = g_strconcat ("EXPLAIN QUERY PLAN ", sql, NULL);
    statement = _ll_database_prepare (db, explain, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < params->len; i++)
      _ll_statement_bind_value (statement, i + 1, &g_array_index (params, GValue, i));
    while (_ll_statement_step (statement, &error) == LL_STEP_ROW)
      g_string_append_printf (plan, "%s\n", sqlite3_column_text (statement->stmt, 3));
    g_assert_no_error (error);
    g_test_message ("%s\n%s", sql, plan->str);
    g_assert_nonnull (strstr (plan->str, index));
    g_assert_null (strstr (plan->str, "SCAN activities\n"));
    if (!sorts)
      g_assert_null (strstr (plan->str, "TEMP B-TREE"));
  }
}

static void
test_load_many (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 ids[] = { 7, 3, 999, 5 };
  guint n_statements = 0;

  fill_activities (fixture->db, 10);

  sqlite3_trace_v2 (_ll_database_get_handle (fixture->db), SQLITE_TRACE_STMT,
                    count_statements_cb, &n_statements);
  activities = ll_activity_store_load_many (fixture->db, ids, G_N_ELEMENTS (ids), &error);
  sqlite3_trace_v2 (_ll_database_get_handle (fixture->db), 0, NULL, NULL);
  g_assert_no_error (error);

  g_assert_cmpuint (n_statements, ==, 1);
  g_assert_cmpuint (activities->len, ==, 3);
  g_assert_cmpint (ll_activity_get_id (activities->pdata[0]), ==, 7);
  g_assert_cmpint (ll_activity_get_id (activities->pdata[1]), ==, 3);
  g_assert_cmpint (ll_activity_get_id (activities->pdata[2]), ==, 5);
  g_assert_cmpint (ll_activity_get_n_participants (activities->pdata[1]), ==,
                   count (fixture->db, "SELECT count(*) FROM activity_participants "
                                       "WHERE activity_id = 3"));
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
  g_test_add ("/core/activities/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/core/activities/validate", test_validate);
  ADD ("properties-are-columns", test_properties_are_columns);
  ADD ("create", test_create);
  ADD ("create-refused", test_create_refused);
  ADD ("update-conflict", test_update_conflict);
  ADD ("participants", test_participants);
  ADD ("delete", test_delete);
  ADD ("query", test_query);
  ADD ("load-many", test_load_many);

#undef ADD

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* A small liaison office for the points and documents tests, built
 * through the stores (suggestions and projects, which have no store yet,
 * through SQL): a home with two stations and a point, five deputies, a
 * voter representative and an archived deputy, activities with every
 * kind of attendance in 2025 (and one in 2024 that must not count),
 * cases in every state, suggestions, projects and point adjustments,
 * with the default point rules of 2025 installed.
 *
 * One deputy's 2025 total is worked out by hand below
 * (POINTS_FIXTURE_WANG_2025); the tests compute everyone's independently. */

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ll-core.h"
#include "ll-points.h"
#include "test-util.h"

/* 王建国, 2025, default rules:
 *   reception 2 × 3 = 6; people received 43 × 0.1 = 4.3; congress 10;
 *   inspection absent → absence −1; research 3; group activity 2;
 *   training 2; report to voters 5; attending a meeting 3;
 *   cases collected 2 × 1 = 2, resolved 2 × 2 = 4; suggestions 2 × 3 = 6;
 *   project 3; commendation 5                                  = 54.3 */
#define POINTS_FIXTURE_WANG_2025 54.3

typedef struct
{
  LlDatabase *db;
  char       *dir;
  gint64      home;
  gint64      station1;   /* 幸福社区人大代表联络站 */
  gint64      station2;   /* 光明社区人大代表联络站 */
  gint64      point;      /* 新华路联系点, below station1 */
  gint64      empty;      /* a station without deputies or records */
  gint64      group;
  gint64      departments[2];
  gint64      people[7];  /* 0–4 deputies, 5 voter representative, 6 archived */
  GArray     *cases;      /* gint64, the 2025 cases of station1 and below first */
  guint       n_station1_cases_2025;
  guint       n_station1_receptions_2025;
  guint       n_station1_people_received_2025;
} PointsFixture;

static inline gint64
points_fixture_station (LlDatabase *db,
                        const char *name,
                        const char *kind,
                        gint64      parent)
{
  g_autoptr(LlStation) station = ll_station_new ();
  g_autoptr(GError) error = NULL;

  ll_station_set_name (station, name);
  ll_station_set_kind (station, kind);
  ll_station_set_parent_id (station, parent);
  ll_station_set_address (station, "东湖街道幸福路88号");
  ll_station_set_reception_schedule (station, "每月10日接待选民");
  g_assert_true (ll_station_store_create (db, station, &error));
  g_assert_no_error (error);

  return ll_station_get_id (station);
}

static inline gint64
points_fixture_person (LlDatabase *db,
                       const char *name,
                       const char *gender,
                       const char *role,
                       const char *level,
                       const char *party,
                       const char *birth,
                       const char *unit,
                       const char *post,
                       gint64      group,
                       gint64      station)
{
  g_autoptr(LlPerson) person = ll_person_new ();
  g_autoptr(LlMembership) membership = NULL;
  g_autoptr(GError) error = NULL;

  ll_person_set_name (person, name);
  ll_person_set_gender (person, gender);
  ll_person_set_role (person, role);
  ll_person_set_level (person, level);
  ll_person_set_ethnicity (person, "汉族");
  ll_person_set_party (person, party);
  ll_person_set_birth_date (person, birth);
  ll_person_set_term (person, level != NULL ? "第十七届" : NULL);
  ll_person_set_constituency (person, level != NULL ? "第三选区" : NULL);
  ll_person_set_unit (person, unit);
  ll_person_set_post (person, post);
  ll_person_set_phone (person, "13812345678");
  ll_person_set_deputy_group_id (person, group);
  g_assert_true (ll_person_store_create (db, person, &error));
  g_assert_no_error (error);

  membership = ll_membership_store_assign (db, ll_person_get_id (person), station, NULL, FALSE,
                                           &error);
  g_assert_no_error (error);
  g_assert_nonnull (membership);

  return ll_person_get_id (person);
}

/* @people: indexes into fixture->people and attendance keys, -1 ends. */
static inline void
points_fixture_activity (PointsFixture *f,
                         const char    *held_on,
                         const char    *type,
                         gint64         station,
                         guint          people_received,
                         ...)
{
  g_autoptr(LlActivity) activity = ll_activity_new ();
  g_autoptr(GPtrArray) participants = NULL;
  g_autoptr(GError) error = NULL;
  va_list args;
  int index;

  participants = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_participant_free);
  va_start (args, people_received);
  while ((index = va_arg (args, int)) >= 0)
    g_ptr_array_add (participants, ll_participant_new (f->people[index], NULL,
                                                       va_arg (args, const char *)));
  va_end (args);

  ll_activity_set_title (activity, "活动");
  ll_activity_set_held_on (activity, held_on);
  ll_activity_set_activity_type (activity, type);
  ll_activity_set_station_id (activity, station);
  ll_activity_set_people_received (activity, people_received);
  g_assert_true (ll_activity_store_create (f->db, activity, participants, &error));
  g_assert_no_error (error);
}

typedef enum
{
  CASE_REGISTERED,
  CASE_ASSIGNED,
  CASE_REPLIED,
  CASE_CLOSED,
} CaseState;

static inline gint64
points_fixture_case (PointsFixture *f,
                     const char    *received_on,
                     gint64         station,
                     const char    *category,
                     const char    *title,
                     CaseState      state,
                     const char    *satisfaction,
                     int            deputy1,
                     int            deputy2)
{
  g_autoptr(LlCase) kase = ll_case_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL;
  gint64 deputies[2];
  guint n_deputies = 0;
  char later[16];

  if (deputy1 >= 0)
    deputies[n_deputies++] = f->people[deputy1];
  if (deputy2 >= 0)
    deputies[n_deputies++] = f->people[deputy2];

  ll_case_set_title (kase, title);
  ll_case_set_body (kase, "小区门口道路破损严重，雨天积水，居民出行不便，希望尽快修复。");
  ll_case_set_received_on (kase, received_on);
  ll_case_set_source (kase, "reception_day");
  ll_case_set_station_id (kase, station);
  ll_case_set_category (kase, category);
  ll_case_set_constituent_name (kase, "周大妈");
  ll_case_set_constituent_phone (kase, "13900001234");
  ll_case_set_constituent_address (kase, "幸福小区3栋2单元");
  g_assert_true (ll_case_store_create (f->db, kase, deputies, n_deputies, &error));
  g_assert_no_error (error);

  date = g_date_new ();
  g_date_set_parse (date, received_on);
  g_date_add_days (date, 20);
  g_date_strftime (later, sizeof later, "%Y-%m-%d", date);

  if (state >= CASE_ASSIGNED)
    {
      g_assert_true (ll_case_workflow_assign (f->db, kase, "department", f->departments[0],
                                              later, received_on, &error));
      g_assert_no_error (error);
    }
  if (state >= CASE_REPLIED)
    {
      g_assert_true (ll_case_workflow_reply (f->db, kase, "已安排施工队修复。", later, &error));
      g_assert_no_error (error);
    }
  if (state >= CASE_CLOSED)
    {
      g_assert_true (ll_case_workflow_close (f->db, kase, satisfaction, "电话回访", later,
                                             &error));
      g_assert_no_error (error);
    }

  g_array_append_val (f->cases, (gint64) { ll_case_get_id (kase) });
  return ll_case_get_id (kase);
}

static inline void
points_fixture_sql (LlDatabase *db,
                    const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (_ll_database_exec (db, sql, &error));
  g_assert_no_error (error);
}

static inline void
points_fixture_set_up (PointsFixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlGroup) group = ll_group_new ();
  g_autofree char *path = NULL;
  g_autofree char *sql = NULL;
  const char *departments[] = { "区住房和城乡建设局", "区交通运输局" };
  gint64 *p;

  f->dir = test_tmpdir ();
  path = g_build_filename (f->dir, "office.db", NULL);
  f->db = ll_database_open (path, LL_DATABASE_OPEN_CREATE, &error);
  g_assert_no_error (error);
  f->cases = g_array_new (FALSE, FALSE, sizeof (gint64));

  f->home = points_fixture_station (f->db, "东湖街道人大代表之家", "home", 0);
  f->station1 = points_fixture_station (f->db, "幸福社区人大代表联络站", "station", f->home);
  f->station2 = points_fixture_station (f->db, "光明社区人大代表联络站", "station", f->home);
  f->point = points_fixture_station (f->db, "新华路联系点", "point", f->station1);
  f->empty = points_fixture_station (f->db, "网上联络站", "online", 0);

  ll_group_set_kind (group, "deputy");
  ll_group_set_name (group, "东湖街道第一代表小组");
  ll_group_set_station_id (group, f->home);
  g_assert_true (ll_group_store_create (f->db, group, &error));
  g_assert_no_error (error);
  f->group = ll_group_get_id (group);

  for (guint i = 0; i < G_N_ELEMENTS (departments); i++)
    {
      g_autoptr(LlDepartment) department = ll_department_new ();

      ll_department_set_name (department, departments[i]);
      g_assert_true (ll_department_store_create (f->db, department, &error));
      g_assert_no_error (error);
      f->departments[i] = ll_department_get_id (department);
    }

  p = f->people;
  p[0] = points_fixture_person (f->db, "王建国", "male", "deputy", "county", "中共党员",
                                "1968-05-12", "东湖街道办事处", "主任", f->group, f->station1);
  p[1] = points_fixture_person (f->db, "李秀英", "female", "deputy", "township", "群众",
                                "1975-09-03", "幸福社区居民委员会", "党委书记", 0, f->station1);
  p[2] = points_fixture_person (f->db, "张伟", "male", "deputy", "city", "中共党员",
                                "1982-01-20", "区第一人民医院", "副院长", 0, f->point);
  p[3] = points_fixture_person (f->db, "刘芳", "female", "deputy", "county", "民盟盟员",
                                "1979-11-30", "区实验小学", "教师", 0, f->station2);
  p[4] = points_fixture_person (f->db, "陈明", "male", "deputy", "county", "中共党员",
                                "1971-07-07", "红星机械厂", "车间主任", f->group, f->station2);
  p[5] = points_fixture_person (f->db, "赵丽", "female", "voter_representative", NULL, "群众",
                                "1985-02-14", "幸福小区业主委员会", "主任", 0, f->station1);
  p[6] = points_fixture_person (f->db, "孙强", "male", "deputy", "county", "中共党员",
                                "1960-03-03", "区供销社", "退休", 0, f->station2);

  /* Activities of 2025 (index, attendance pairs; -1 ends). */
  points_fixture_activity (f, "2025-01-10", "reception", f->station1, 25,
                           0, "present", 1, "present", 2, "leave", -1);
  points_fixture_activity (f, "2025-02-10", "reception", f->station1, 18,
                           0, "present", 1, "absent", -1);
  points_fixture_activity (f, "2025-03-05", "congress_session", 0, 0,
                           0, "present", 1, "present", 2, "present", 3, "leave", 4, "absent", -1);
  points_fixture_activity (f, "2025-04-12", "inspection", f->station2, 0,
                           3, "present", 4, "present", 0, "absent", -1);
  points_fixture_activity (f, "2025-05-20", "research", f->station2, 0,
                           0, "present", 3, "present", -1);
  points_fixture_activity (f, "2025-06-18", "group_activity", f->home, 0,
                           0, "present", 4, "present", 1, "leave", -1);
  points_fixture_activity (f, "2025-06-20", "other", f->station1, 0, 5, "present", -1);
  points_fixture_activity (f, "2025-07-01", "training", f->home, 0,
                           0, "present", 1, "present", 2, "present", 3, "present", 4, "present",
                           -1);
  points_fixture_activity (f, "2025-08-15", "report_to_voters", f->station1, 60,
                           0, "present", -1);
  for (guint i = 0; i < 12; i++)
    {
      char date[16];

      g_snprintf (date, sizeof date, "2025-09-%02u", i + 1);
      points_fixture_activity (f, date, "visit", f->station1, 0, 1, "present", -1);
    }
  points_fixture_activity (f, "2025-10-10", "legislative_consultation", f->point, 0,
                           2, "present", -1);
  points_fixture_activity (f, "2025-10-10", "reception", f->point, 12, 2, "present", -1);
  points_fixture_activity (f, "2025-11-11", "attend_meeting", 0, 0,
                           0, "present", 3, "present", -1);
  points_fixture_activity (f, "2025-12-01", "project_supervision", f->station2, 0,
                           4, "present", -1);
  points_fixture_activity (f, "2024-12-20", "reception", f->station1, 30, 0, "present", -1);
  /* Receptions of station1 and its point in 2025: 3 (25 + 18 + 12 people). */
  f->n_station1_receptions_2025 = 3;
  f->n_station1_people_received_2025 = 55;

  /* Cases: station1 and its point first. */
  points_fixture_case (f, "2025-01-10", f->station1, "urban_construction", "幸福路路面破损修复",
                       CASE_CLOSED, "satisfied", 0, -1);
  points_fixture_case (f, "2025-02-10", f->station1, "transport", "公交站台增设遮雨棚",
                       CASE_CLOSED, "basically_satisfied", 0, 1);
  points_fixture_case (f, "2025-03-02", f->point, "environment", "河道垃圾清理",
                       CASE_REGISTERED, NULL, 2, -1);
  points_fixture_case (f, "2025-06-11", f->station1, "property_management", "小区物业收费不透明",
                       CASE_REPLIED, NULL, 1, -1);
  points_fixture_case (f, "2025-10-10", f->point, "elderly_care", "老年食堂就餐排队时间长",
                       CASE_CLOSED, "dissatisfied", 2, -1);
  f->n_station1_cases_2025 = 5;
  points_fixture_case (f, "2025-04-15", f->station2, "elderly_care", "社区养老服务中心增加床位",
                       CASE_ASSIGNED, NULL, 3, -1);
  points_fixture_case (f, "2025-05-05", f->station2, "education", "学校周边交通拥堵",
                       CASE_CLOSED, "dissatisfied", 3, 4);
  points_fixture_case (f, "2024-11-01", f->station1, "health", "社区卫生服务站延长服务时间",
                       CASE_CLOSED, "satisfied", 0, -1);

  /* Suggestions, motions and projects have no store yet. */
  sql = g_strdup_printf (
    "INSERT INTO suggestions (id, year, kind, title, lead_person_id, submitted_on, answer_class, "
    "satisfaction) VALUES "
    "(1, 2025, 'suggestion', '关于加快老旧小区加装电梯的建议', %1$" G_GINT64_FORMAT ", "
    "'2025-03-06', 'A', 'satisfied'), "
    "(2, 2025, 'motion', '关于制定社区养老服务条例的议案', %4$" G_GINT64_FORMAT ", "
    "'2025-03-07', 'B', 'basically_satisfied'), "
    "(3, 2025, 'suggestion', '关于增设公共停车位的建议', %1$" G_GINT64_FORMAT ", NULL, NULL, "
    "NULL), "
    "(4, 2024, 'suggestion', '关于改善农贸市场环境的建议', %1$" G_GINT64_FORMAT ", "
    "'2024-03-01', 'C', 'satisfied');"
    "INSERT INTO suggestion_authors (suggestion_id, person_id) VALUES "
    "(1, %1$" G_GINT64_FORMAT "), (1, %2$" G_GINT64_FORMAT "), (2, %4$" G_GINT64_FORMAT "), "
    "(2, %5$" G_GINT64_FORMAT "), (4, %3$" G_GINT64_FORMAT ");"
    "INSERT INTO projects (id, year, title, status) VALUES "
    "(1, 2025, '幸福路背街小巷改造', 'in_progress'), (2, 2025, '社区图书室扩建', 'not_selected');"
    "INSERT INTO project_supervisors (project_id, person_id) VALUES "
    "(1, %5$" G_GINT64_FORMAT "), (1, %1$" G_GINT64_FORMAT "), (2, %2$" G_GINT64_FORMAT ");",
    p[0], p[1], p[2], p[3], p[4]);
  points_fixture_sql (f->db, sql);

  g_assert_true (ll_points_add_adjustment (f->db, p[0], "2025-06-01", "commendation", NAN,
                                           "获评市优秀人大代表", NULL, &error));
  g_assert_true (ll_points_add_adjustment (f->db, p[3], "2025-09-01", "commendation", 8,
                                           "全国人大代表建议办理先进个人", NULL, &error));
  g_assert_true (ll_points_add_adjustment (f->db, p[4], "2025-07-15", "deduction", NAN,
                                           "无故不参加集中视察", NULL, &error));
  g_assert_true (ll_points_add_adjustment (f->db, p[1], "2025-12-20", "innovation", 2,
                                           "创新履职方式", NULL, &error));
  g_assert_true (ll_points_add_adjustment (f->db, p[0], "2024-05-01", "commendation", NAN,
                                           "2024年的表彰", NULL, &error));
  g_assert_no_error (error);

  {
    g_autoptr(LlPerson) archived = ll_person_store_get (f->db, p[6], &error);

    g_assert_no_error (error);
    g_assert_true (ll_person_store_archive (f->db, archived, &error));
    g_assert_no_error (error);
  }

  g_assert_true (ll_points_ensure_rules (f->db, 2025, NULL, &error));
  g_assert_no_error (error);
}

static inline void
points_fixture_tear_down (PointsFixture *f)
{
  ll_database_close (f->db);
  g_clear_object (&f->db);
  test_rm_rf (f->dir);
  g_clear_pointer (&f->dir, g_free);
  g_clear_pointer (&f->cases, g_array_unref);
}

/* The independent computation ----------------------------------------- */

static inline double
points_fixture_query (LlDatabase *db,
              const char *sql,
              ...)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStatement) s = _ll_database_prepare (db, sql, &error);
  va_list args;
  const char *types;
  int index = 1;
  double value;

  g_assert_no_error (error);

  /* Arguments: a type string ("ssi…": text, text, int64) then the values. */
  va_start (args, sql);
  types = va_arg (args, const char *);
  for (const char *t = types; *t; t++, index++)
    {
      if (*t == 's')
        _ll_statement_bind_text (s, index, va_arg (args, const char *));
      else
        _ll_statement_bind_int64 (s, index, va_arg (args, gint64));
    }
  va_end (args);

  g_assert_cmpint (_ll_statement_step (s, &error), ==, LL_STEP_ROW);
  g_assert_no_error (error);
  value = sqlite3_column_double (s->stmt, 0);
  return value;
}

static inline gboolean
points_fixture_rules_have (GPtrArray  *rules,
            const char *item,
            const char *attendance,
            gboolean    any_attendance)
{
  for (guint i = 0; i < rules->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (rules, i);

      if (strcmp (rule->item, item) == 0 &&
          (any_attendance ? rule->attendance == NULL
                          : g_strcmp0 (rule->attendance, attendance) == 0))
        return TRUE;
    }
  return FALSE;
}

/* What one rule gives one person, computed straight from the rows. */
static inline double
points_fixture_expected_rule (LlDatabase  *db,
               GPtrArray   *rules,
               LlPointRule *rule,
               gint64       person,
               const char  *from,
               const char  *to)
{
  double count;

  if (ll_enum_is_valid (LL_ENUM_ACTIVITY_TYPE, rule->item))
    {
      if (rule->attendance != NULL)
        count = points_fixture_query (db,
                              "SELECT count(*) FROM activity_participants AS ap "
                              "JOIN activities AS a ON a.id = ap.activity_id "
                              "WHERE ap.person_id = ?1 AND a.type = ?2 AND ap.attendance = ?3 "
                              "AND a.held_on >= ?4 AND a.held_on <= ?5",
                              "isss" "s", person, rule->item, rule->attendance, from, to);
      else
        {
          count = 0;
          for (guint a = 0; a < 3; a++)
            {
              const char *attendance = ll_enum_get_key (LL_ENUM_ATTENDANCE, a);

              if (points_fixture_rules_have (rules, rule->item, attendance, FALSE))
                continue;
              count += points_fixture_query (db,
                                     "SELECT count(*) FROM activity_participants AS ap "
                                     "JOIN activities AS a ON a.id = ap.activity_id "
                                     "WHERE ap.person_id = ?1 AND a.type = ?2 "
                                     "AND ap.attendance = ?3 AND a.held_on >= ?4 "
                                     "AND a.held_on <= ?5",
                                     "isss" "s", person, rule->item, attendance, from, to);
            }
        }
    }
  else if (strcmp (rule->item, "absence") == 0)
    {
      const char *attendance = rule->attendance != NULL ? rule->attendance : "absent";

      count = 0;
      for (guint t = 0; t < ll_enum_get_n_values (LL_ENUM_ACTIVITY_TYPE); t++)
        {
          const char *type = ll_enum_get_key (LL_ENUM_ACTIVITY_TYPE, t);

          if (points_fixture_rules_have (rules, type, attendance, FALSE) ||
              points_fixture_rules_have (rules, type, NULL, TRUE))
            continue;
          count += points_fixture_query (db,
                                 "SELECT count(*) FROM activity_participants AS ap "
                                 "JOIN activities AS a ON a.id = ap.activity_id "
                                 "WHERE ap.person_id = ?1 AND a.type = ?2 AND ap.attendance = ?3 "
                                 "AND a.held_on >= ?4 AND a.held_on <= ?5",
                                 "isss" "s", person, type, attendance, from, to);
        }
    }
  else if (strcmp (rule->item, "people_received") == 0)
    count = points_fixture_query (db,
                          "SELECT total(a.people_received) FROM activity_participants AS ap "
                          "JOIN activities AS a ON a.id = ap.activity_id "
                          "WHERE ap.person_id = ?1 AND a.type = 'reception' "
                          "AND ap.attendance = 'present' AND a.held_on >= ?2 AND a.held_on <= ?3",
                          "iss", person, from, to);
  else if (strcmp (rule->item, "case_collected") == 0 ||
           strcmp (rule->item, "case_resolved") == 0)
    count = points_fixture_query (db,
                          "SELECT count(*) FROM cases AS c WHERE c.received_on >= ?2 "
                          "AND c.received_on <= ?3 AND c.id IN (SELECT case_id FROM case_deputies "
                          "WHERE person_id = ?1) AND (?4 = 0 OR c.status = 'closed')",
                          "issi", person, from, to,
                          (gint64) (strcmp (rule->item, "case_resolved") == 0));
  else if (strcmp (rule->item, "suggestion") == 0 || strcmp (rule->item, "motion") == 0)
    count = points_fixture_query (db,
                          "SELECT count(*) FROM suggestions AS s WHERE s.kind = ?2 "
                          "AND (s.lead_person_id = ?1 OR s.id IN (SELECT suggestion_id "
                          "FROM suggestion_authors WHERE person_id = ?1)) "
                          "AND coalesce(s.submitted_on, s.year || '-01-01') >= ?3 "
                          "AND coalesce(s.submitted_on, s.year || '-01-01') <= ?4",
                          "isss", person, rule->item, from, to);
  else if (strcmp (rule->item, "project") == 0)
    count = points_fixture_query (db,
                          "SELECT count(*) FROM projects AS p WHERE p.status <> 'not_selected' "
                          "AND p.year || '-12-31' >= ?2 AND p.year || '-12-31' <= ?3 "
                          "AND p.id IN (SELECT project_id FROM project_supervisors "
                          "WHERE person_id = ?1)",
                          "iss", person, from, to);
  else
    {
      double points;

      count = points_fixture_query (db,
                            "SELECT count(*) FROM point_adjustments WHERE person_id = ?1 "
                            "AND item = ?2 AND awarded_on >= ?3 AND awarded_on <= ?4 "
                            "AND points IS NULL",
                            "isss", person, rule->item, from, to);
      points = count * rule->points +
               points_fixture_query (db,
                             "SELECT total(points) FROM point_adjustments WHERE person_id = ?1 "
                             "AND item = ?2 AND awarded_on >= ?3 AND awarded_on <= ?4",
                             "isss", person, rule->item, from, to);
      if (rule->has_max)
        points = CLAMP (points, -rule->max_per_year, rule->max_per_year);
      return points;
    }

  if (rule->has_max)
    return CLAMP (count * rule->points, -rule->max_per_year, rule->max_per_year);
  return count * rule->points;
}

/* A person's total for the period, computed rule by rule with the
 * test's own queries: independent of ll-points.c. */
static inline double
points_fixture_expected_total (LlDatabase *db,
                GPtrArray  *all_rules,
                gint64      person,
                const char *from,
                const char *to)
{
  g_autoptr(GPtrArray) rules = g_ptr_array_new ();
  double total = 0;

  for (guint i = 0; i < all_rules->len; i++)
    if (!g_str_has_prefix (((LlPointRule *) g_ptr_array_index (all_rules, i))->item, "grade_"))
      g_ptr_array_add (rules, g_ptr_array_index (all_rules, i));

  for (guint i = 0; i < rules->len; i++)
    total += points_fixture_expected_rule (db, rules, g_ptr_array_index (rules, i), person, from,
                                           to);

  /* Adjustments of items without any rule: the points decided. */
  total += points_fixture_query (db,
                         "SELECT total(points) FROM point_adjustments WHERE person_id = ?1 "
                         "AND awarded_on >= ?2 AND awarded_on <= ?3 AND item NOT IN "
                         "(SELECT item FROM point_rules WHERE year = ?4)",
                         "issi", person, from, to, (gint64) atoi (from));
  return total;
}

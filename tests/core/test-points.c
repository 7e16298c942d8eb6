/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-points"

/* Performance points: the rules as data, and totals checked against a
 * computation of the test's own, person by person, from the rows. */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "points-fixture.h"

static void
fixture_set_up (PointsFixture *f,
                gconstpointer  data)
{
  points_fixture_set_up (f);
}

static void
fixture_tear_down (PointsFixture *f,
                   gconstpointer  data)
{
  points_fixture_tear_down (f);
}

static void
check_period (PointsFixture *f,
              guint          quarter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPoints) points = ll_points_compute (f->db, 2025, quarter, NULL, &error);
  g_autoptr(GPtrArray) rules = ll_points_list_rules (f->db, 2025, &error);

  g_assert_no_error (error);
  g_assert_false (ll_points_get_rules_are_default (points));

  for (guint i = 0; i < G_N_ELEMENTS (f->people); i++)
    {
      const LlPointsEntry *entry = ll_points_lookup (points, f->people[i]);
      double expected = points_fixture_expected_total (f->db, rules, f->people[i],
                                                       ll_points_get_from (points),
                                                       ll_points_get_to (points));

      g_assert_nonnull (entry);
      g_test_message ("Q%u %s: %g (expected %g)", quarter, entry->name, entry->total, expected);
      g_assert_cmpfloat_with_epsilon (entry->total, expected, 1e-6);
    }
}

static void
test_totals_year (PointsFixture *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPoints) points = ll_points_compute (f->db, 2025, 0, NULL, &error);
  const LlPointsEntry *wang;

  g_assert_no_error (error);
  wang = ll_points_lookup (points, f->people[0]);
  g_assert_cmpstr (wang->name, ==, "王建国");
  g_assert_cmpfloat_with_epsilon (wang->total, POINTS_FIXTURE_WANG_2025, 1e-9);
  g_assert_cmpuint (wang->counts.people_received, ==, 43);
  g_assert_cmpuint (wang->counts.cases_collected, ==, 2);
  g_assert_cmpuint (wang->counts.cases_resolved, ==, 2);
  g_assert_cmpuint (wang->counts.suggestions, ==, 2);
  g_assert_cmpuint (wang->counts.answer_class[0], ==, 1);
  g_assert_cmpstr (wang->report_dates, ==, "2025-08-15");

  check_period (f, 0);
}

static void
test_totals_quarters (PointsFixture *f,
                      gconstpointer  data)
{
  for (guint q = 1; q <= 4; q++)
    check_period (f, q);
}

static void
test_caps_and_adjustments (PointsFixture *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPoints) points = ll_points_compute (f->db, 2025, 0, NULL, &error);
  const LlPointsEntry *li = ll_points_lookup (points, f->people[1]);
  const LlPointsEntry *liu = ll_points_lookup (points, f->people[3]);
  const LlPointsEntry *chen = ll_points_lookup (points, f->people[4]);
  double count = 0;

  g_assert_no_error (error);

  /* Twelve visits at 1 point, capped at 10. */
  g_assert_cmpfloat (ll_points_score_item (points, li, "visit", &count), ==, 10);
  g_assert_cmpfloat (count, ==, 12);
  /* An item without a rule: the points decided for it. */
  g_assert_cmpfloat (ll_points_score_item (points, li, "innovation", &count), ==, 2);
  /* A commendation with its own points, a deduction with the rule's. */
  g_assert_cmpfloat (ll_points_score_item (points, liu, "commendation", NULL), ==, 8);
  g_assert_cmpfloat (ll_points_score_item (points, chen, "deduction", NULL), ==, -5);
  /* 陈明 missed the congress: the congress's own absence rule, not the
   * general one. */
  g_assert_cmpfloat (ll_points_score_item (points, chen, "congress_session", NULL), ==, -10);
  g_assert_cmpfloat (ll_points_score_item (points, chen, "absence", NULL), ==, 0);
}

static void
test_ranking (PointsFixture *f,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlPoints) points = ll_points_compute (f->db, 2025, 0, NULL, &error);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(LlPoints) regraded = NULL;

  g_assert_no_error (error);

  /* The five active deputies: not the voter representative, not the
   * archived deputy. */
  g_assert_cmpuint (ll_points_get_n_ranked (points), ==, 5);
  for (guint i = 0; i < 5; i++)
    {
      const LlPointsEntry *entry = ll_points_get_ranked (points, i);

      g_assert_cmpint (entry->person_id, !=, f->people[5]);
      g_assert_cmpint (entry->person_id, !=, f->people[6]);
      if (i > 0)
        {
          const LlPointsEntry *previous = ll_points_get_ranked (points, i - 1);

          g_assert_cmpfloat (previous->total, >=, entry->total);
          if (previous->total == entry->total)
            g_assert_cmpuint (previous->rank, ==, entry->rank);
          else
            g_assert_cmpuint (entry->rank, ==, i + 1);
        }
    }
  g_assert_cmpuint (ll_points_get_ranked (points, 0)->person_id, ==, f->people[0]);
  g_assert_cmpuint (ll_points_lookup (points, f->people[5])->rank, ==, 0);

  /* Grades are data: ≥80 好, ≥60 较好, below 差 by default … */
  g_assert_cmpstr (ll_points_lookup (points, f->people[0])->grade, ==, "差");
  g_assert_cmpstr (ll_points_get_grade_for (points, 80), ==, "好");
  g_assert_cmpstr (ll_points_get_grade_for (points, 79.9), ==, "较好");
  g_assert_cmpstr (ll_points_get_grade_for (points, -4), ==, "差");

  /* … and the office can change them. */
  rules = ll_points_list_rules (f->db, 2025, &error);
  for (guint i = 0; i < rules->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (rules, i);

      if (strcmp (rule->item, "grade_fair") == 0)
        {
          rule->points = 50;
          g_assert_true (ll_points_save_rule (f->db, rule, &error));
          g_assert_no_error (error);
        }
    }
  regraded = ll_points_compute (f->db, 2025, 0, NULL, &error);
  g_assert_cmpstr (ll_points_lookup (regraded, f->people[0])->grade, ==, "较好");
}

static void
test_rules (PointsFixture *f,
            gconstpointer  data)
{
  static const char *items[] = {
    "congress_session", "suggestion", "motion", "attend_meeting", "inspection", "research",
    "law_enforcement_check", "group_activity", "reception", "people_received",
    "case_collected", "case_resolved", "visit", "training", "report_to_voters", "project",
    "commendation", "absence", "grade_good", "grade_fair", "grade_poor",
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) defaults = ll_points_get_default_rules (2030, &error);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(LlPointRule) duplicate = NULL;
  g_autoptr(LlPointRule) stale = NULL;
  g_autoptr(LlPoints) points = NULL;
  guint installed = 99;

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (items); i++)
    g_assert_true (points_fixture_rules_have (defaults, items[i], NULL, FALSE) ||
                   points_fixture_rules_have (defaults, items[i], "present", FALSE) ||
                   points_fixture_rules_have (defaults, items[i], "absent", FALSE));
  for (guint i = 0; i < defaults->len; i++)
    g_assert_cmpint (((LlPointRule *) g_ptr_array_index (defaults, i))->year, ==, 2030);

  /* Installed once into an empty year, never over an office's rules. */
  g_assert_true (ll_points_ensure_rules (f->db, 2026, &installed, &error));
  g_assert_cmpuint (installed, ==, defaults->len);
  g_assert_true (ll_points_ensure_rules (f->db, 2026, &installed, &error));
  g_assert_cmpuint (installed, ==, 0);
  g_assert_no_error (error);

  /* A year without rules is computed with the defaults, without writing. */
  points = ll_points_compute (f->db, 2024, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (ll_points_get_rules_are_default (points));
  rules = ll_points_list_rules (f->db, 2024, &error);
  g_assert_cmpuint (rules->len, ==, 0);
  g_clear_pointer (&rules, g_ptr_array_unref);

  /* Edited rules count; a second rule for the same item is refused;
   * a stale edit is a conflict. */
  rules = ll_points_list_rules (f->db, 2025, &error);
  for (guint i = 0; i < rules->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (rules, i);

      if (strcmp (rule->item, "reception") == 0)
        {
          stale = ll_point_rule_copy (rule);
          rule->points = 4;
          g_assert_true (ll_points_save_rule (f->db, rule, &error));
          g_assert_no_error (error);
        }
    }
  g_clear_pointer (&points, ll_points_unref);
  points = ll_points_compute (f->db, 2025, 0, NULL, &error);
  g_assert_cmpfloat_with_epsilon (ll_points_lookup (points, f->people[0])->total,
                                  POINTS_FIXTURE_WANG_2025 + 2, 1e-9);
  check_period (f, 0);

  stale->points = 1;
  g_assert_false (ll_points_save_rule (f->db, stale, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT);
  g_clear_error (&error);

  duplicate = ll_point_rule_new (2025, "reception", "present", 1, NULL);
  g_assert_false (ll_points_save_rule (f->db, duplicate, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_clear_pointer (&duplicate, ll_point_rule_free);
  duplicate = ll_point_rule_new (2025, "Reception!", NULL, 1, NULL);
  g_assert_false (ll_points_save_rule (f->db, duplicate, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* A rule without attendance takes the attendances without their own
   * rule: leave now counts for the congress. */
  g_clear_pointer (&duplicate, ll_point_rule_free);
  duplicate = ll_point_rule_new (2025, "congress_session", NULL, 4, "请假计4分");
  g_assert_true (ll_points_save_rule (f->db, duplicate, &error));
  g_assert_no_error (error);
  g_clear_pointer (&points, ll_points_unref);
  points = ll_points_compute (f->db, 2025, 0, NULL, &error);
  g_assert_cmpfloat (ll_points_score_item (points, ll_points_lookup (points, f->people[3]),
                                           "congress_session", NULL), ==, 4);
  check_period (f, 0);

  g_assert_true (ll_points_delete_rule (f->db, duplicate, &error));
  g_assert_no_error (error);
}

static void
test_select_people (PointsFixture *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  /* A station: its active deputies and those of the stations below it. */
  ids = ll_points_select_people (f->db, f->station1, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 3);
  g_clear_pointer (&ids, g_array_unref);

  ids = ll_points_select_people (f->db, 0, f->group, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 2);
  g_clear_pointer (&ids, g_array_unref);

  ids = ll_points_select_people (f->db, 0, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 5);
  g_clear_pointer (&ids, g_array_unref);

  /* One person, whatever the role. */
  ids = ll_points_select_people (f->db, 0, 0, f->people[5], &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ids->len, ==, 1);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_null (ll_points_select_people (f->db, 9999, 0, 0, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "9999"));
  g_clear_error (&error);

  g_assert_null (ll_points_select_people (f->db, f->empty, 0, 0, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "网上联络站"));
  g_clear_error (&error);

  g_assert_null (ll_points_select_people (f->db, 0, 777, 0, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_null (ll_points_select_people (f->db, 0, 0, 777, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
}

static void
test_period_and_format (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  struct { double value; const char *text; } formats[] = {
    { 12, "12" }, { 12.5, "12.5" }, { -3, "-3" }, { 4.3, "4.3" }, { 0.1 * 3, "0.3" },
    { -0.0, "0" }, { 54.333333, "54.33" },
  };

  g_assert_true (ll_points_get_period (2025, 3, &from, &to, &error));
  g_assert_cmpstr (from, ==, "2025-07-01");
  g_assert_cmpstr (to, ==, "2025-09-30");
  g_clear_pointer (&from, g_free);
  g_clear_pointer (&to, g_free);
  g_assert_true (ll_points_get_period (2025, 0, &from, &to, &error));
  g_assert_cmpstr (from, ==, "2025-01-01");
  g_assert_cmpstr (to, ==, "2025-12-31");

  g_assert_false (ll_points_get_period (2025, 5, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *text = ll_points_format (formats[i].value);

      g_assert_cmpstr (text, ==, formats[i].text);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/points/" name, PointsFixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("totals-year", test_totals_year);
  ADD ("totals-quarters", test_totals_quarters);
  ADD ("caps-and-adjustments", test_caps_and_adjustments);
  ADD ("ranking", test_ranking);
  ADD ("rules", test_rules);
  ADD ("select-people", test_select_people);
#undef ADD
  g_test_add_func ("/points/period-and-format", test_period_and_format);

  return g_test_run ();
}

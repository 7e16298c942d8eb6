/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-types.h"

G_BEGIN_DECLS

/* Items of the point rules that are not activity types (the activity
 * types' keys are items too). */
#define LL_POINTS_ITEM_ABSENCE         "absence"
#define LL_POINTS_ITEM_PEOPLE_RECEIVED "people_received"
#define LL_POINTS_ITEM_CASE_COLLECTED  "case_collected"
#define LL_POINTS_ITEM_CASE_RESOLVED   "case_resolved"
#define LL_POINTS_ITEM_SUGGESTION      "suggestion"
#define LL_POINTS_ITEM_MOTION          "motion"
#define LL_POINTS_ITEM_PROJECT         "project"
#define LL_POINTS_ITEM_COMMENDATION    "commendation"
#define LL_POINTS_ITEM_DEDUCTION       "deduction"
#define LL_POINTS_GRADE_PREFIX         "grade_"

/* Room for every key of LL_ENUM_ACTIVITY_TYPE (keys are added, never
 * renamed; a static assertion in ll-points.c keeps this in step). */
#define LL_POINTS_MAX_ACTIVITY_TYPES 24

/**
 * LlPointRule:
 * @id: the row's id, 0 before it is saved
 * @year: the year the rule applies to
 * @item: what is scored: an activity-type key, or one of the
 *   `LL_POINTS_ITEM_*` names, or an item of the office's own that point
 *   adjustments name; `grade_*` rows are the grades (see below)
 * @attendance: (nullable): for activity items, the attendance scored
 *   (`present`, `leave`, `absent`), %NULL for any attendance that has no
 *   rule of its own; for `absence`, the attendance counted (%NULL:
 *   `absent`)
 * @points: points per occurrence (negative for deductions); for a grade,
 *   the lowest total of the grade
 * @has_max: whether @max_per_year caps the item
 * @max_per_year: the largest number of points (in absolute value) the
 *   rule gives in the period computed
 * @description: (nullable): the rule as the office words it; for a
 *   grade, its label (`好`)
 * @version: the row's version (optimistic locking)
 *
 * One row of an office's 积分管理办法 for one year.
 */
typedef struct
{
  gint64    id;
  int       year;
  char     *item;
  char     *attendance;
  double    points;
  gboolean  has_max;
  double    max_per_year;
  char     *description;
  gint64    version;
} LlPointRule;

#define LL_TYPE_POINT_RULE (ll_point_rule_get_type ())

GType        ll_point_rule_get_type  (void) G_GNUC_CONST;
LlPointRule *ll_point_rule_new       (int                year,
                                      const char        *item,
                                      const char        *attendance,
                                      double             points,
                                      const char        *description);
LlPointRule *ll_point_rule_copy      (const LlPointRule *self);
void         ll_point_rule_free      (LlPointRule       *self);
gboolean     ll_point_rule_is_grade  (const LlPointRule *self);
gboolean     ll_point_rule_validate  (const LlPointRule *self,
                                      GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPointRule, ll_point_rule_free)

/**
 * LlPointsCounts:
 * @activities: participations by activity type (the position of the key
 *   in %LL_ENUM_ACTIVITY_TYPE) and attendance (position in
 *   %LL_ENUM_ATTENDANCE)
 * @people_received: people received (人次) in the receptions attended
 * @cases_collected: cases received in the period that name the deputy
 * @cases_resolved: of those, the closed ones (已办结)
 * @cases_satisfied: of those, the constituent satisfied
 * @cases_basically_satisfied: … basically satisfied
 * @cases_dissatisfied: … dissatisfied
 * @suggestions: suggestions (建议) led or co-signed in the period
 * @motions: motions (议案) led or co-signed
 * @answer_class: suggestions and motions answered A, B, C
 * @satisfaction: the deputy's satisfaction with the answers (satisfied,
 *   basically satisfied, dissatisfied)
 * @projects: livelihood projects supervised (counted in the period that
 *   holds the end of the project's year)
 *
 * What a person did in the period, as the database records it.
 */
typedef struct
{
  guint activities[LL_POINTS_MAX_ACTIVITY_TYPES][3];
  guint people_received;
  guint cases_collected;
  guint cases_resolved;
  guint cases_satisfied;
  guint cases_basically_satisfied;
  guint cases_dissatisfied;
  guint suggestions;
  guint motions;
  guint answer_class[3];
  guint satisfaction[3];
  guint projects;
} LlPointsCounts;

/**
 * LlPointsAdjustment:
 * @item: the item of the point adjustments (`commendation` …)
 * @count: how many rows
 * @n_decided: how many of them carry their own points
 * @decided_points: the sum of those points
 * @reasons: (nullable): their reasons, joined with `；`
 *
 * A person's point adjustments of one item in the period.
 */
typedef struct
{
  char   *item;
  guint   count;
  guint   n_decided;
  double  decided_points;
  char   *reasons;
} LlPointsAdjustment;

/**
 * LlPointsEntry:
 * @person_id: the person
 * @name: the person's name
 * @total: total points in the period
 * @rank: rank among the deputies ranked (1 is the best; equal totals
 *   share a rank), or 0 if the person is not ranked
 * @grade: (nullable): the grade label of @total
 * @counts: what the points were computed from
 * @adjustments: (element-type LlPointsAdjustment) (nullable): point
 *   adjustments in the period
 * @report_dates: (nullable): dates (`YYYY-MM-DD`, comma-separated) of the
 *   reports to voters (述职) given in the period
 *
 * A person's points for the period of an #LlPoints.
 */
typedef struct
{
  gint64          person_id;
  const char     *name;
  double          total;
  guint           rank;
  const char     *grade;
  LlPointsCounts  counts;
  GPtrArray      *adjustments;
  char           *report_dates;
} LlPointsEntry;

typedef struct _LlPoints LlPoints;

#define LL_TYPE_POINTS (ll_points_get_type ())

GType                ll_points_get_type               (void) G_GNUC_CONST;

/* Rules */
GPtrArray           *ll_points_list_rules             (LlDatabase          *db,
                                                       int                  year,
                                                       GError             **error);
GPtrArray           *ll_points_get_default_rules      (int                  year,
                                                       GError             **error);
gboolean             ll_points_ensure_rules           (LlDatabase          *db,
                                                       int                  year,
                                                       guint               *n_installed,
                                                       GError             **error);
gboolean             ll_points_save_rule              (LlDatabase          *db,
                                                       LlPointRule         *rule,
                                                       GError             **error);
gboolean             ll_points_delete_rule            (LlDatabase          *db,
                                                       LlPointRule         *rule,
                                                       GError             **error);
gboolean             ll_points_add_adjustment         (LlDatabase          *db,
                                                       gint64               person_id,
                                                       const char          *awarded_on,
                                                       const char          *item,
                                                       double               points,
                                                       const char          *reason,
                                                       gint64              *id,
                                                       GError             **error);

/* Who is scored */
GArray              *ll_points_select_people          (LlDatabase          *db,
                                                       gint64               station_id,
                                                       gint64               group_id,
                                                       gint64               person_id,
                                                       GError             **error);

/* Computation */
gboolean             ll_points_get_period             (int                  year,
                                                       guint                quarter,
                                                       char               **from,
                                                       char               **to,
                                                       GError             **error);
LlPoints            *ll_points_compute                (LlDatabase          *db,
                                                       int                  year,
                                                       guint                quarter,
                                                       GCancellable        *cancellable,
                                                       GError             **error);
LlPoints            *ll_points_ref                    (LlPoints            *self);
void                 ll_points_unref                  (LlPoints            *self);
int                  ll_points_get_year               (LlPoints            *self);
guint                ll_points_get_quarter            (LlPoints            *self);
const char          *ll_points_get_from               (LlPoints            *self);
const char          *ll_points_get_to                 (LlPoints            *self);
gboolean             ll_points_get_rules_are_default  (LlPoints            *self);
GPtrArray           *ll_points_get_rules              (LlPoints            *self);
GPtrArray           *ll_points_get_grades             (LlPoints            *self);
const char          *ll_points_get_grade_for          (LlPoints            *self,
                                                       double               total);
guint                ll_points_get_n_ranked           (LlPoints            *self);
const LlPointsEntry *ll_points_get_ranked             (LlPoints            *self,
                                                       guint                position);
const LlPointsEntry *ll_points_lookup                 (LlPoints            *self,
                                                       gint64               person_id);
double               ll_points_score_rule             (LlPoints            *self,
                                                       const LlPointsEntry *entry,
                                                       guint                rule,
                                                       double              *count);
double               ll_points_score_item             (LlPoints            *self,
                                                       const LlPointsEntry *entry,
                                                       const char          *item,
                                                       double              *count);
gboolean             ll_points_has_records            (LlPoints            *self);
char                *ll_points_format                 (double               points);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPoints, ll_points_unref)

G_END_DECLS

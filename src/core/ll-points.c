/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-points"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <string.h>

#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-points.h"
#include "ll-validate.h"

/* Performance points (履职积分).
 *
 * An office's rules are rows of point_rules for a year: an item, an
 * optional attendance, points per occurrence and an optional cap. What
 * each item counts:
 *
 *   activity type T      participations in activities of type T held in
 *                        the period, with the rule's attendance (a rule
 *                        without attendance takes the attendances that
 *                        have no rule of their own for T)
 *   absence              participations with the rule's attendance
 *                        (default absent) in activities whose type has no
 *                        rule for that attendance
 *   people_received      people received (人次) in the receptions attended
 *   case_collected       cases received in the period naming the deputy
 *   case_resolved        of those, the closed ones
 *   suggestion, motion   suggestions and motions led or co-signed,
 *                        submitted in the period (undated ones on 1
 *                        January of their year)
 *   project              livelihood projects supervised, in the period
 *                        that holds 31 December of the project's year
 *   anything else        point adjustments (表彰, 扣分 …) of that item
 *                        awarded in the period; a row's own points, when
 *                        it has them, replace the rule's
 *   grade_*              not scored: the grades (points = lowest total,
 *                        description = label)
 *
 * A rule's points are its count times its points, capped in absolute
 * value by max_per_year. Adjustments of an item without a rule still add
 * the points decided for them. Everything is counted for all people at
 * once with one aggregate query per source (GROUP BY person), whatever
 * the number of people.
 *
 * The default rules ship as data (data/default-point-rules.json in the
 * resources); ll_points_ensure_rules() installs them into a year that
 * has no rules, and ll_points_compute() uses them, without writing, for
 * a year that has none. */

G_STATIC_ASSERT (LL_POINTS_MAX_ACTIVITY_TYPES < 32);

#define DEFAULT_RULES_RESOURCE "/org/lianluo/Lianluo/core/data/default-point-rules.json"
#define N_ATTENDANCES 3
#define EPSILON 1e-9

typedef enum
{
  RULE_ACTIVITY,
  RULE_ABSENCE,
  RULE_PEOPLE_RECEIVED,
  RULE_CASE_COLLECTED,
  RULE_CASE_RESOLVED,
  RULE_SUGGESTION,
  RULE_MOTION,
  RULE_PROJECT,
  RULE_ADJUSTMENT,
} RuleKind;

typedef struct
{
  RuleKind kind;
  int      type;        /* ACTIVITY: the type; ABSENCE: -1 */
  int      attendance;  /* ABSENCE: the attendance counted */
  guint32  mask;        /* ACTIVITY: attendances; ABSENCE: types */
} Compiled;

struct _LlPoints
{
  gatomicrefcount  ref_count;
  int              year;
  guint            quarter;
  char            *from;
  char            *to;
  gboolean         rules_are_default;
  GPtrArray       *rules;     /* LlPointRule, scoring rules */
  GPtrArray       *grades;    /* LlPointRule, highest threshold first */
  GArray          *compiled;  /* Compiled, parallel to rules */
  GPtrArray       *entries;   /* LlPointsEntry, owned */
  GHashTable      *by_person; /* gint64 * → LlPointsEntry */
  GPtrArray       *ranked;    /* LlPointsEntry, borrowed, by rank */
  GStringChunk    *names;
};

G_DEFINE_BOXED_TYPE (LlPointRule, ll_point_rule, ll_point_rule_copy, ll_point_rule_free)
G_DEFINE_BOXED_TYPE (LlPoints, ll_points, ll_points_ref, ll_points_unref)

/* Rules ---------------------------------------------------------------------- */

/**
 * ll_point_rule_new:
 * @year: the year
 * @item: the item scored
 * @attendance: (nullable): the attendance, for activity items
 * @points: points per occurrence
 * @description: (nullable): the rule in the office's words
 *
 * Returns: (transfer full): an unsaved rule without a cap
 */
LlPointRule *
ll_point_rule_new (int         year,
                   const char *item,
                   const char *attendance,
                   double      points,
                   const char *description)
{
  LlPointRule *self = g_new0 (LlPointRule, 1);

  self->year = year;
  self->item = g_strdup (item);
  self->attendance = g_strdup (attendance);
  self->points = points;
  self->description = g_strdup (description);

  return self;
}

LlPointRule *
ll_point_rule_copy (const LlPointRule *self)
{
  LlPointRule *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->item = g_strdup (self->item);
  copy->attendance = g_strdup (self->attendance);
  copy->description = g_strdup (self->description);

  return copy;
}

void
ll_point_rule_free (LlPointRule *self)
{
  if (self == NULL)
    return;

  g_free (self->item);
  g_free (self->attendance);
  g_free (self->description);
  g_free (self);
}

/**
 * ll_point_rule_is_grade:
 *
 * Returns: whether the rule is a grade (`grade_*`) rather than a scored item
 */
gboolean
ll_point_rule_is_grade (const LlPointRule *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->item != NULL && g_str_has_prefix (self->item, LL_POINTS_GRADE_PREFIX);
}

static gboolean
item_is_valid (const char *item)
{
  if (item == NULL || *item == '\0')
    return FALSE;

  for (const char *p = item; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '_')
      return FALSE;

  return TRUE;
}

/**
 * ll_point_rule_validate:
 *
 * Checks the fields of @self before it is saved.
 *
 * Returns: %TRUE, or %FALSE with %LL_DATABASE_ERROR_INVALID and a sentence
 *   naming the field
 */
gboolean
ll_point_rule_validate (const LlPointRule  *self,
                        GError            **error)
{
  g_return_val_if_fail (self != NULL, FALSE);

  if (self->year < 1949 || self->year > 9999)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("A point rule needs a year from 1949 to 9999, not %d."), self->year);
      return FALSE;
    }

  if (!item_is_valid (self->item))
    {
      /* Translators: %s is what was typed as the item of a point rule */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is not an item of a point rule: use lower-case letters, digits "
                     "and “_”, e.g. “commendation”."),
                   self->item != NULL ? self->item : "");
      return FALSE;
    }

  if (!ll_validate_enum (LL_ENUM_ATTENDANCE, self->attendance, TRUE, _("Attendance"), error))
    return FALSE;

  if (!isfinite (self->points) || (self->has_max && (!isfinite (self->max_per_year) ||
                                                    self->max_per_year < 0)))
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("The points of a rule and its yearly maximum must be numbers; "
                             "the maximum cannot be negative."));
      return FALSE;
    }

  return TRUE;
}

static LlPointRule *
rule_from_row (LlStatement *s)
{
  LlPointRule *rule = g_new0 (LlPointRule, 1);

  rule->id = sqlite3_column_int64 (s->stmt, 0);
  rule->year = sqlite3_column_int (s->stmt, 1);
  rule->item = _ll_statement_dup_text (s, 2);
  rule->attendance = _ll_statement_dup_text (s, 3);
  rule->points = sqlite3_column_double (s->stmt, 4);
  rule->has_max = sqlite3_column_type (s->stmt, 5) != SQLITE_NULL;
  rule->max_per_year = rule->has_max ? sqlite3_column_double (s->stmt, 5) : 0;
  rule->description = _ll_statement_dup_text (s, 6);
  rule->version = sqlite3_column_int64 (s->stmt, 7);

  return rule;
}

/**
 * ll_points_list_rules:
 * @db: a #LlDatabase
 * @year: the year
 *
 * Returns: (transfer container) (element-type LlPointRule) (nullable): the
 *   rules of @year as stored (grades included), in the order they were
 *   written; empty if the year has none; %NULL on error
 */
GPtrArray *
ll_points_list_rules (LlDatabase  *db,
                      int          year,
                      GError     **error)
{
  g_autoptr(LlStatement) s = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  LlStep step;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  s = _ll_database_prepare (db,
                            "SELECT id, year, item, attendance, points, max_per_year, "
                            "description, version FROM point_rules WHERE year = ?1 ORDER BY id",
                            error);
  if (s == NULL)
    return NULL;

  _ll_statement_bind_int64 (s, 1, year);
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_point_rule_free);
  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    g_ptr_array_add (rules, rule_from_row (s));

  if (step == LL_STEP_ERROR)
    return NULL;

  return g_steal_pointer (&rules);
}

/* The parsed default rules, year 0. */
static GPtrArray *
load_default_rules (GError **error)
{
  static GPtrArray *defaults;
  static GMutex mutex;
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&mutex);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root;
  JsonObject *object;
  JsonArray *array;

  if (defaults != NULL)
    return defaults;

  _ll_database_ensure_resources ();
  bytes = g_resources_lookup_data (DEFAULT_RULES_RESOURCE, 0, &local_error);
  parser = json_parser_new ();
  if (bytes == NULL ||
      !json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                   (gssize) g_bytes_get_size (bytes), &local_error))
    {
      g_critical ("Default point rules unreadable: %s", local_error->message);
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                           _("The default point rules are missing from this build."));
      return NULL;
    }

  root = json_parser_get_root (parser);
  object = root != NULL && JSON_NODE_HOLDS_OBJECT (root) ? json_node_get_object (root) : NULL;
  array = object != NULL && json_object_has_member (object, "rules")
          ? json_object_get_array_member (object, "rules") : NULL;
  rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_point_rule_free);

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonObject *o = json_array_get_object_element (array, i);
      LlPointRule *rule;

      if (o == NULL || !json_object_has_member (o, "item") ||
          !json_object_has_member (o, "points"))
        continue;

      rule = ll_point_rule_new (2000, json_object_get_string_member (o, "item"),
                                json_object_get_string_member_with_default (o, "attendance",
                                                                            NULL),
                                json_object_get_double_member (o, "points"),
                                json_object_get_string_member_with_default (o, "description",
                                                                            NULL));
      if (json_object_has_member (o, "max"))
        {
          rule->has_max = TRUE;
          rule->max_per_year = json_object_get_double_member (o, "max");
        }

      if (!ll_point_rule_validate (rule, &local_error))
        {
          g_critical ("Bad default point rule %u: %s", i, local_error->message);
          g_clear_error (&local_error);
          ll_point_rule_free (rule);
          continue;
        }
      g_ptr_array_add (rules, rule);
    }

  if (rules->len == 0)
    {
      g_critical ("No default point rules");
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_FAILED,
                           _("The default point rules are missing from this build."));
      return NULL;
    }

  defaults = g_steal_pointer (&rules);
  return defaults;
}

/**
 * ll_points_get_default_rules:
 * @year: the year to give the rules
 *
 * Returns: (transfer container) (element-type LlPointRule) (nullable): the
 *   rules that ship with Lianluo, unsaved, for @year
 */
GPtrArray *
ll_points_get_default_rules (int      year,
                             GError **error)
{
  GPtrArray *defaults = load_default_rules (error);
  GPtrArray *rules;

  if (defaults == NULL)
    return NULL;

  rules = g_ptr_array_new_full (defaults->len, (GDestroyNotify) ll_point_rule_free);
  for (guint i = 0; i < defaults->len; i++)
    {
      LlPointRule *rule = ll_point_rule_copy (g_ptr_array_index (defaults, i));

      rule->year = year;
      g_ptr_array_add (rules, rule);
    }

  return rules;
}

static gboolean
insert_rule (LlDatabase   *db,
             LlPointRule  *rule,
             GError      **error)
{
  g_autoptr(LlStatement) s = NULL;

  s = _ll_database_prepare (db,
                            "INSERT INTO point_rules (year, item, attendance, points, "
                            "max_per_year, description) VALUES (?1, ?2, ?3, ?4, ?5, ?6) "
                            "RETURNING id, version",
                            error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, rule->year);
  _ll_statement_bind_text (s, 2, rule->item);
  _ll_statement_bind_text (s, 3, rule->attendance);
  _ll_statement_bind_double (s, 4, rule->points);
  if (rule->has_max)
    _ll_statement_bind_double (s, 5, rule->max_per_year);
  else
    _ll_statement_bind_null (s, 5);
  _ll_statement_bind_text (s, 6, rule->description);

  if (_ll_statement_step (s, error) != LL_STEP_ROW)
    return FALSE;

  rule->id = sqlite3_column_int64 (s->stmt, 0);
  rule->version = sqlite3_column_int64 (s->stmt, 1);

  return _ll_statement_execute (s, error);
}

typedef struct
{
  int        year;
  GPtrArray *rules;
  guint      n_installed;
} Ensure;

static gboolean
ensure_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Ensure *ensure = user_data;
  g_autoptr(LlStatement) count = NULL;

  ensure->n_installed = 0;

  /* Counted again inside the transaction: someone else may have
   * installed them a moment ago. */
  count = _ll_database_prepare (db, "SELECT count(*) FROM point_rules WHERE year = ?1", error);
  if (count == NULL)
    return FALSE;
  _ll_statement_bind_int64 (count, 1, ensure->year);
  if (_ll_statement_step (count, error) != LL_STEP_ROW)
    return FALSE;
  if (sqlite3_column_int64 (count->stmt, 0) > 0)
    return TRUE;

  for (guint i = 0; i < ensure->rules->len; i++)
    {
      if (!insert_rule (db, g_ptr_array_index (ensure->rules, i), error))
        return FALSE;
      ensure->n_installed++;
    }

  return TRUE;
}

/**
 * ll_points_ensure_rules:
 * @db: a #LlDatabase
 * @year: the year
 * @n_installed: (out) (optional): how many rules were installed
 *
 * Installs the default rules into @year if it has no rules at all; a
 * year with rules is left as the office made it.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_points_ensure_rules (LlDatabase  *db,
                        int          year,
                        guint       *n_installed,
                        GError     **error)
{
  g_autoptr(GPtrArray) rules = NULL;
  Ensure ensure = { year, NULL, 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_installed != NULL)
    *n_installed = 0;

  if (year < 1949 || year > 9999)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("A point rule needs a year from 1949 to 9999, not %d."), year);
      return FALSE;
    }

  rules = ll_points_get_default_rules (year, error);
  if (rules == NULL)
    return FALSE;

  ensure.rules = rules;
  if (!ll_database_write (db, ensure_func, &ensure, error))
    return FALSE;

  if (n_installed != NULL)
    *n_installed = ensure.n_installed;
  return TRUE;
}

static gboolean
check_duplicate (LlDatabase         *db,
                 const LlPointRule  *rule,
                 GError            **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = _ll_database_prepare (db,
                            "SELECT 1 FROM point_rules WHERE year = ?1 AND item = ?2 "
                            "AND coalesce(attendance, '') = coalesce(?3, '') AND id <> ?4",
                            error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, rule->year);
  _ll_statement_bind_text (s, 2, rule->item);
  _ll_statement_bind_text (s, 3, rule->attendance);
  _ll_statement_bind_int64 (s, 4, rule->id);
  step = _ll_statement_step (s, error);
  if (step == LL_STEP_ERROR)
    return FALSE;

  if (step == LL_STEP_ROW)
    {
      /* Translators: %s is the item of a point rule, %d a year */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%d already has a rule for “%s” with this attendance."), rule->year,
                   rule->item);
      return FALSE;
    }

  return TRUE;
}

static gboolean
save_func (LlDatabase  *db,
           gpointer     user_data,
           GError     **error)
{
  LlPointRule *rule = user_data;
  const char *columns[] = { "year", "item", "attendance", "points", "max_per_year",
                            "description" };
  GValue values[G_N_ELEMENTS (columns)] = { G_VALUE_INIT, };
  gint64 version = 0;
  gboolean ok;

  if (!check_duplicate (db, rule, error))
    return FALSE;

  if (rule->id == 0)
    return insert_rule (db, rule, error);

  g_value_init (&values[0], G_TYPE_INT);
  g_value_set_int (&values[0], rule->year);
  g_value_init (&values[1], G_TYPE_STRING);
  g_value_set_string (&values[1], rule->item);
  g_value_init (&values[2], G_TYPE_STRING);
  g_value_set_string (&values[2], rule->attendance);
  g_value_init (&values[3], G_TYPE_DOUBLE);
  g_value_set_double (&values[3], rule->points);
  if (rule->has_max)
    {
      g_value_init (&values[4], G_TYPE_DOUBLE);
      g_value_set_double (&values[4], rule->max_per_year);
    }
  g_value_init (&values[5], G_TYPE_STRING);
  g_value_set_string (&values[5], rule->description);

  ok = _ll_database_update_versioned (db, "point_rules", rule->id, rule->version, columns,
                                      values, G_N_ELEMENTS (columns), &version, error);
  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    if (G_IS_VALUE (&values[i]))
      g_value_unset (&values[i]);

  if (ok)
    rule->version = version;
  return ok;
}

/**
 * ll_points_save_rule:
 * @db: a #LlDatabase
 * @rule: a rule; unsaved (id 0) to add it
 *
 * Adds or updates @rule. A second rule for the same year, item and
 * attendance is refused. On success @rule has its id and version.
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   saved the rule first
 */
gboolean
ll_points_save_rule (LlDatabase   *db,
                     LlPointRule  *rule,
                     GError      **error)
{
  g_autoptr(LlPointRule) copy = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_point_rule_validate (rule, error))
    return FALSE;

  /* The write may be retried; only a committed result reaches @rule. */
  copy = ll_point_rule_copy (rule);
  if (!ll_database_write (db, save_func, copy, error))
    return FALSE;

  rule->id = copy->id;
  rule->version = copy->version;
  return TRUE;
}

static gboolean
delete_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  LlPointRule *rule = user_data;

  return _ll_database_delete_versioned (db, "point_rules", rule->id, rule->version, error);
}

/**
 * ll_points_delete_rule:
 * @db: a #LlDatabase
 * @rule: a saved rule
 *
 * Returns: %TRUE on success; %LL_DATABASE_ERROR_CONFLICT when someone else
 *   changed it first
 */
gboolean
ll_points_delete_rule (LlDatabase   *db,
                       LlPointRule  *rule,
                       GError      **error)
{
  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (rule != NULL && rule->id > 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return ll_database_write (db, delete_func, rule, error);
}

typedef struct
{
  gint64      person_id;
  const char *awarded_on;
  const char *item;
  double      points;
  const char *reason;
  gint64      id;
} Adjustment;

static gboolean
adjust_func (LlDatabase  *db,
             gpointer     user_data,
             GError     **error)
{
  Adjustment *adjustment = user_data;
  g_autoptr(LlStatement) person = NULL;
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  person = _ll_database_prepare (db, "SELECT 1 FROM people WHERE id = ?1", error);
  if (person == NULL)
    return FALSE;
  _ll_statement_bind_int64 (person, 1, adjustment->person_id);
  step = _ll_statement_step (person, error);
  if (step == LL_STEP_ERROR)
    return FALSE;
  if (step == LL_STEP_DONE)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("There is no person with the id %" PRId64 "."),
                   adjustment->person_id);
      return FALSE;
    }

  s = _ll_database_prepare (db,
                            "INSERT INTO point_adjustments (person_id, awarded_on, item, points, "
                            "reason) VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
                            error);
  if (s == NULL)
    return FALSE;

  _ll_statement_bind_int64 (s, 1, adjustment->person_id);
  _ll_statement_bind_text (s, 2, adjustment->awarded_on);
  _ll_statement_bind_text (s, 3, adjustment->item);
  if (isnan (adjustment->points))
    _ll_statement_bind_null (s, 4);
  else
    _ll_statement_bind_double (s, 4, adjustment->points);
  _ll_statement_bind_text (s, 5, adjustment->reason);
  if (_ll_statement_step (s, error) != LL_STEP_ROW)
    return FALSE;
  adjustment->id = sqlite3_column_int64 (s->stmt, 0);

  return _ll_statement_execute (s, error);
}

/**
 * ll_points_add_adjustment:
 * @db: a #LlDatabase
 * @person_id: the person
 * @awarded_on: the date, `YYYY-MM-DD`
 * @item: the item, e.g. %LL_POINTS_ITEM_COMMENDATION
 * @points: the points decided for this occurrence, or NAN for the
 *   rule's points
 * @reason: (nullable): why, as printed on the deputy's sheet
 * @id: (out) (optional): the new row's id
 *
 * Records a commendation, a deduction or another item without a record
 * of its own.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_points_add_adjustment (LlDatabase  *db,
                          gint64       person_id,
                          const char  *awarded_on,
                          const char  *item,
                          double       points,
                          const char  *reason,
                          gint64      *id,
                          GError     **error)
{
  Adjustment adjustment = { person_id, awarded_on, item, points, reason, 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (awarded_on == NULL || !ll_date_is_valid (awarded_on))
    return ll_validate_date (awarded_on != NULL ? awarded_on : "", _("Date"), error);

  if (!item_is_valid (item) || g_str_has_prefix (item, LL_POINTS_GRADE_PREFIX) ||
      isinf (points))
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is not an item of a point rule: use lower-case letters, digits "
                     "and “_”, e.g. “commendation”."),
                   item != NULL ? item : "");
      return FALSE;
    }

  if (!ll_database_write (db, adjust_func, &adjustment, error))
    return FALSE;

  if (id != NULL)
    *id = adjustment.id;
  return TRUE;
}

/* Who is scored ------------------------------------------------------------- */

static gboolean
collect_ids (LlStatement  *s,
             GArray       *ids,
             GError      **error)
{
  LlStep step;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      gint64 id = sqlite3_column_int64 (s->stmt, 0);

      g_array_append_val (ids, id);
    }

  return step == LL_STEP_DONE;
}

static char *
lookup_name (LlDatabase  *db,
             const char  *sql,
             gint64       id,
             GError     **error)
{
  g_autoptr(LlStatement) s = _ll_database_prepare (db, sql, error);
  LlStep step;

  if (s == NULL)
    return NULL;

  _ll_statement_bind_int64 (s, 1, id);
  step = _ll_statement_step (s, error);
  if (step != LL_STEP_ROW)
    return NULL;

  return _ll_statement_dup_text (s, 0);
}

/**
 * ll_points_select_people:
 * @db: a #LlDatabase
 * @station_id: a station, or 0
 * @group_id: a deputy or specialty group, or 0
 * @person_id: a person, or 0
 *
 * The people whose annual sheets are printed: the active deputies
 * stationed at @station_id or a station below it, or in @group_id, or
 * the person @person_id (whatever their role), or — all three 0 — every
 * active deputy of the office, ordered by primary station and name.
 *
 * Returns: (transfer full) (element-type gint64) (nullable): the ids, or
 *   %NULL with %LL_DATABASE_ERROR_NOT_FOUND for an unknown station, group
 *   or person and for a selection without deputies
 */
GArray *
ll_points_select_people (LlDatabase  *db,
                         gint64       station_id,
                         gint64       group_id,
                         gint64       person_id,
                         GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(LlStatement) s = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail ((station_id != 0) + (group_id != 0) + (person_id != 0) <= 1, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (person_id != 0)
    {
      name = lookup_name (db, "SELECT name FROM people WHERE id = ?1", person_id, &local_error);
      if (name == NULL && local_error == NULL)
        g_set_error (&local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("There is no person with the id %" PRId64 "."), person_id);
      if (name == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      g_array_append_val (ids, person_id);
      return g_steal_pointer (&ids);
    }

  if (station_id != 0)
    {
      name = lookup_name (db, "SELECT name FROM stations WHERE id = ?1", station_id,
                          &local_error);
      if (name == NULL && local_error == NULL)
        g_set_error (&local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("There is no station with the id %" PRId64 "."), station_id);
      if (name == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      /* The station and the stations below it; UNION ends on a cycle. */
      s = _ll_database_prepare (db,
                                "SELECT p.id FROM people AS p WHERE p.role = 'deputy' "
                                "AND p.active = 1 AND p.id IN (SELECT m.person_id "
                                "FROM memberships AS m WHERE m.to_date IS NULL AND m.station_id "
                                "IN (WITH RECURSIVE sub (id) AS (SELECT ?1 UNION SELECT st.id "
                                "FROM stations AS st JOIN sub ON st.parent_id = sub.id) "
                                "SELECT id FROM sub)) ORDER BY p.name, p.id",
                                error);
      if (s == NULL)
        return NULL;
      _ll_statement_bind_int64 (s, 1, station_id);
    }
  else if (group_id != 0)
    {
      name = lookup_name (db, "SELECT name FROM groups WHERE id = ?1", group_id, &local_error);
      if (name == NULL && local_error == NULL)
        g_set_error (&local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("There is no group with the id %" PRId64 "."), group_id);
      if (name == NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }

      s = _ll_database_prepare (db,
                                "SELECT id FROM people WHERE role = 'deputy' AND active = 1 "
                                "AND (deputy_group_id = ?1 OR specialty_group_id = ?1) "
                                "ORDER BY name, id",
                                error);
      if (s == NULL)
        return NULL;
      _ll_statement_bind_int64 (s, 1, group_id);
    }
  else
    {
      s = _ll_database_prepare (db,
                                "SELECT p.id FROM people AS p "
                                "LEFT JOIN memberships AS m ON m.person_id = p.id "
                                "AND m.to_date IS NULL AND m.is_primary = 1 "
                                "LEFT JOIN stations AS st ON st.id = m.station_id "
                                "WHERE p.role = 'deputy' AND p.active = 1 "
                                "ORDER BY st.name IS NULL, st.name, st.id, p.name, p.id",
                                error);
      if (s == NULL)
        return NULL;
    }

  if (!collect_ids (s, ids, error))
    return NULL;

  if (ids->len == 0)
    {
      if (station_id != 0)
        /* Translators: %s is a station's name */
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("No active deputies are stationed at “%s”."), name);
      else if (group_id != 0)
        /* Translators: %s is a group's name */
        g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                     _("The group “%s” has no active deputies."), name);
      else
        g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                             _("The database has no active deputies."));
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Computation --------------------------------------------------------------- */

/**
 * ll_points_get_period:
 * @year: the year
 * @quarter: 1 to 4, or 0 for the whole year
 * @from: (out) (optional): the first day, `YYYY-MM-DD`
 * @to: (out) (optional): the last day
 *
 * Returns: %TRUE, or %FALSE with %LL_DATABASE_ERROR_INVALID for a year or
 *   quarter out of range
 */
gboolean
ll_points_get_period (int      year,
                      guint    quarter,
                      char   **from,
                      char   **to,
                      GError **error)
{
  static const char *ends[] = { "03-31", "06-30", "09-30", "12-31" };

  if (year < 1949 || year > 9999)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("The year must be from 1949 to 9999, not %d."), year);
      return FALSE;
    }
  if (quarter > 4)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("The quarter must be 1, 2, 3 or 4, not %u."), quarter);
      return FALSE;
    }

  if (from != NULL)
    *from = g_strdup_printf ("%04d-%02u-01", year, quarter == 0 ? 1 : quarter * 3 - 2);
  if (to != NULL)
    *to = g_strdup_printf ("%04d-%s", year, ends[quarter == 0 ? 3 : quarter - 1]);

  return TRUE;
}

static void
adjustment_free (LlPointsAdjustment *adjustment)
{
  g_free (adjustment->item);
  g_free (adjustment->reasons);
  g_free (adjustment);
}

static void
entry_free (LlPointsEntry *entry)
{
  g_clear_pointer (&entry->adjustments, g_ptr_array_unref);
  g_free (entry->report_dates);
  g_free (entry);
}

LlPoints *
ll_points_ref (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
ll_points_unref (LlPoints *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->from);
  g_free (self->to);
  g_clear_pointer (&self->rules, g_ptr_array_unref);
  g_clear_pointer (&self->grades, g_ptr_array_unref);
  g_clear_pointer (&self->compiled, g_array_unref);
  g_clear_pointer (&self->ranked, g_ptr_array_unref);
  g_clear_pointer (&self->by_person, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_string_chunk_free);
  g_free (self);
}

static int
compare_grades (gconstpointer a,
                gconstpointer b)
{
  const LlPointRule *ra = *(const LlPointRule * const *) a;
  const LlPointRule *rb = *(const LlPointRule * const *) b;

  return (ra->points < rb->points) - (ra->points > rb->points);
}

static gboolean
has_rule (GPtrArray  *rules,
          const char *item,
          const char *attendance)
{
  for (guint i = 0; i < rules->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (rules, i);

      if (g_strcmp0 (rule->item, item) == 0 && g_strcmp0 (rule->attendance, attendance) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
item_has_rule (GPtrArray  *rules,
               const char *item)
{
  for (guint i = 0; i < rules->len; i++)
    if (strcmp (((LlPointRule *) g_ptr_array_index (rules, i))->item, item) == 0)
      return TRUE;

  return FALSE;
}

/* Splits @all into scoring rules and grades, and works out what each
 * scoring rule counts. */
static gboolean
set_rules (LlPoints   *self,
           GPtrArray  *all,
           GError    **error)
{
  const char * const *types = ll_enum_get_keys (LL_ENUM_ACTIVITY_TYPE);
  const char * const *attendances = ll_enum_get_keys (LL_ENUM_ATTENDANCE);
  guint n_types = ll_enum_get_n_values (LL_ENUM_ACTIVITY_TYPE);

  g_assert (n_types <= LL_POINTS_MAX_ACTIVITY_TYPES);
  g_assert (ll_enum_get_n_values (LL_ENUM_ATTENDANCE) == N_ATTENDANCES);

  self->rules = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_point_rule_free);
  self->grades = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_point_rule_free);
  self->compiled = g_array_new (FALSE, TRUE, sizeof (Compiled));

  for (guint i = 0; i < all->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (all, i);

      if (ll_point_rule_is_grade (rule))
        g_ptr_array_add (self->grades, ll_point_rule_copy (rule));
      else
        g_ptr_array_add (self->rules, ll_point_rule_copy (rule));
    }

  /* A year with rules but no grades is graded by the default grades. */
  if (self->grades->len == 0)
    {
      GPtrArray *defaults = load_default_rules (error);

      if (defaults == NULL)
        return FALSE;
      for (guint i = 0; i < defaults->len; i++)
        if (ll_point_rule_is_grade (g_ptr_array_index (defaults, i)))
          g_ptr_array_add (self->grades, ll_point_rule_copy (g_ptr_array_index (defaults, i)));
    }
  g_ptr_array_sort (self->grades, compare_grades);

  for (guint i = 0; i < self->rules->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (self->rules, i);
      Compiled c = { RULE_ADJUSTMENT, -1, -1, 0 };
      int type = ll_enum_find (LL_ENUM_ACTIVITY_TYPE, rule->item);

      if (type >= 0)
        {
          c.kind = RULE_ACTIVITY;
          c.type = type;
          if (rule->attendance != NULL)
            c.mask = 1u << ll_enum_find (LL_ENUM_ATTENDANCE, rule->attendance);
          else
            for (guint a = 0; a < N_ATTENDANCES; a++)
              if (!has_rule (self->rules, rule->item, attendances[a]))
                c.mask |= 1u << a;
        }
      else if (strcmp (rule->item, LL_POINTS_ITEM_ABSENCE) == 0)
        {
          const char *attendance = rule->attendance != NULL ? rule->attendance : "absent";

          c.kind = RULE_ABSENCE;
          c.attendance = ll_enum_find (LL_ENUM_ATTENDANCE, attendance);
          for (guint t = 0; t < n_types; t++)
            if (!has_rule (self->rules, types[t], attendance) &&
                !has_rule (self->rules, types[t], NULL))
              c.mask |= 1u << t;
        }
      else if (strcmp (rule->item, LL_POINTS_ITEM_PEOPLE_RECEIVED) == 0)
        c.kind = RULE_PEOPLE_RECEIVED;
      else if (strcmp (rule->item, LL_POINTS_ITEM_CASE_COLLECTED) == 0)
        c.kind = RULE_CASE_COLLECTED;
      else if (strcmp (rule->item, LL_POINTS_ITEM_CASE_RESOLVED) == 0)
        c.kind = RULE_CASE_RESOLVED;
      else if (strcmp (rule->item, LL_POINTS_ITEM_SUGGESTION) == 0)
        c.kind = RULE_SUGGESTION;
      else if (strcmp (rule->item, LL_POINTS_ITEM_MOTION) == 0)
        c.kind = RULE_MOTION;
      else if (strcmp (rule->item, LL_POINTS_ITEM_PROJECT) == 0)
        c.kind = RULE_PROJECT;

      g_array_append_val (self->compiled, c);
    }

  return TRUE;
}

static LlPointsEntry *
entry_for (LlPoints *self,
           gint64    person_id)
{
  return g_hash_table_lookup (self->by_person, &person_id);
}

static gboolean
check_cancelled (GCancellable  *cancellable,
                 GError       **error)
{
  return g_cancellable_set_error_if_cancelled (cancellable, error);
}

static LlStatement *
prepare_period (LlPoints     *self,
                LlDatabase   *db,
                const char   *sql,
                GError      **error)
{
  LlStatement *s = _ll_database_prepare (db, sql, error);

  if (s != NULL)
    {
      _ll_statement_bind_text (s, 1, self->from);
      _ll_statement_bind_text (s, 2, self->to);
    }

  return s;
}

static gboolean
load_people (LlPoints      *self,
             LlDatabase    *db,
             GError       **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = _ll_database_prepare (db,
                            "SELECT id, name, role = 'deputy' AND active = 1 FROM people "
                            "ORDER BY id",
                            error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = g_new0 (LlPointsEntry, 1);
      const char *name = (const char *) sqlite3_column_text (s->stmt, 1);

      entry->person_id = sqlite3_column_int64 (s->stmt, 0);
      entry->name = g_string_chunk_insert (self->names, name != NULL ? name : "");
      g_ptr_array_add (self->entries, entry);
      g_hash_table_insert (self->by_person, &entry->person_id, entry);
      if (sqlite3_column_int (s->stmt, 2))
        g_ptr_array_add (self->ranked, entry);
    }

  return step == LL_STEP_DONE;
}

static gboolean
load_activities (LlPoints      *self,
                 LlDatabase    *db,
                 GError       **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = prepare_period (self, db,
                      "SELECT ap.person_id, a.type, ap.attendance, count(*), "
                      "total(CASE WHEN ap.attendance = 'present' AND a.type = 'reception' "
                      "THEN a.people_received ELSE 0 END) "
                      "FROM activities AS a "
                      "JOIN activity_participants AS ap ON ap.activity_id = a.id "
                      "WHERE a.held_on BETWEEN ?1 AND ?2 "
                      "GROUP BY ap.person_id, a.type, ap.attendance",
                      error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = entry_for (self, sqlite3_column_int64 (s->stmt, 0));
      int type = ll_enum_find (LL_ENUM_ACTIVITY_TYPE,
                               (const char *) sqlite3_column_text (s->stmt, 1));
      int attendance = ll_enum_find (LL_ENUM_ATTENDANCE,
                                     (const char *) sqlite3_column_text (s->stmt, 2));

      if (entry == NULL || type < 0 || attendance < 0)
        continue;

      entry->counts.activities[type][attendance] += sqlite3_column_int (s->stmt, 3);
      entry->counts.people_received += (guint) sqlite3_column_double (s->stmt, 4);
    }
  if (step == LL_STEP_ERROR)
    return FALSE;

  g_clear_pointer (&s, _ll_statement_free);
  s = prepare_period (self, db,
                      "SELECT ap.person_id, group_concat(a.held_on, ',') "
                      "FROM (SELECT id, held_on FROM activities "
                      "WHERE type = 'report_to_voters' AND held_on BETWEEN ?1 AND ?2 "
                      "ORDER BY held_on) AS a "
                      "JOIN activity_participants AS ap ON ap.activity_id = a.id "
                      "AND ap.attendance = 'present' GROUP BY ap.person_id",
                      error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = entry_for (self, sqlite3_column_int64 (s->stmt, 0));

      if (entry != NULL)
        entry->report_dates = _ll_statement_dup_text (s, 1);
    }

  return step == LL_STEP_DONE;
}

static gboolean
load_cases (LlPoints      *self,
            LlDatabase    *db,
            GError       **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = prepare_period (self, db,
                      "SELECT cd.person_id, count(*), total(c.status = 'closed'), "
                      "total(c.status = 'closed' AND c.satisfaction = 'satisfied'), "
                      "total(c.status = 'closed' AND c.satisfaction = 'basically_satisfied'), "
                      "total(c.status = 'closed' AND c.satisfaction = 'dissatisfied') "
                      "FROM cases AS c JOIN case_deputies AS cd ON cd.case_id = c.id "
                      "WHERE c.received_on BETWEEN ?1 AND ?2 GROUP BY cd.person_id",
                      error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = entry_for (self, sqlite3_column_int64 (s->stmt, 0));

      if (entry == NULL)
        continue;

      entry->counts.cases_collected = sqlite3_column_int (s->stmt, 1);
      entry->counts.cases_resolved = (guint) sqlite3_column_double (s->stmt, 2);
      entry->counts.cases_satisfied = (guint) sqlite3_column_double (s->stmt, 3);
      entry->counts.cases_basically_satisfied = (guint) sqlite3_column_double (s->stmt, 4);
      entry->counts.cases_dissatisfied = (guint) sqlite3_column_double (s->stmt, 5);
    }

  return step == LL_STEP_DONE;
}

static gboolean
load_suggestions (LlPoints      *self,
                  LlDatabase    *db,
                  GError       **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  /* The lead and the co-signers, each once. */
  s = prepare_period (self, db,
                      "WITH s AS (SELECT id, kind, answer_class, satisfaction, lead_person_id "
                      "FROM suggestions WHERE coalesce(submitted_on, printf('%04d-01-01', year)) "
                      "BETWEEN ?1 AND ?2), "
                      "authors AS (SELECT sa.suggestion_id AS sid, sa.person_id AS pid "
                      "FROM suggestion_authors AS sa WHERE sa.suggestion_id IN (SELECT id FROM s) "
                      "UNION SELECT id, lead_person_id FROM s WHERE lead_person_id IS NOT NULL) "
                      "SELECT authors.pid, s.kind, s.answer_class, s.satisfaction, count(*) "
                      "FROM authors JOIN s ON s.id = authors.sid GROUP BY 1, 2, 3, 4",
                      error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = entry_for (self, sqlite3_column_int64 (s->stmt, 0));
      const char *kind = (const char *) sqlite3_column_text (s->stmt, 1);
      const char *answer = (const char *) sqlite3_column_text (s->stmt, 2);
      const char *satisfaction = (const char *) sqlite3_column_text (s->stmt, 3);
      guint n = sqlite3_column_int (s->stmt, 4);
      int position;

      if (entry == NULL)
        continue;

      if (g_strcmp0 (kind, "motion") == 0)
        entry->counts.motions += n;
      else
        entry->counts.suggestions += n;

      position = answer != NULL ? ll_enum_find (LL_ENUM_SUGGESTION_CLASS, answer) : -1;
      if (position >= 0 && position < 3)
        entry->counts.answer_class[position] += n;
      position = satisfaction != NULL ? ll_enum_find (LL_ENUM_SATISFACTION, satisfaction) : -1;
      if (position >= 0 && position < 3)
        entry->counts.satisfaction[position] += n;
    }

  return step == LL_STEP_DONE;
}

static gboolean
load_projects (LlPoints      *self,
               LlDatabase    *db,
               GError       **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = prepare_period (self, db,
                      "SELECT ps.person_id, count(*) FROM project_supervisors AS ps "
                      "JOIN projects AS p ON p.id = ps.project_id "
                      "WHERE printf('%04d-12-31', p.year) BETWEEN ?1 AND ?2 "
                      "AND p.status <> 'not_selected' GROUP BY ps.person_id",
                      error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = entry_for (self, sqlite3_column_int64 (s->stmt, 0));

      if (entry != NULL)
        entry->counts.projects = sqlite3_column_int (s->stmt, 1);
    }

  return step == LL_STEP_DONE;
}

static gboolean
load_adjustments (LlPoints      *self,
                  LlDatabase    *db,
                  GError       **error)
{
  g_autoptr(LlStatement) s = NULL;
  LlStep step;

  s = prepare_period (self, db,
                      "SELECT person_id, item, count(*), count(points), total(points), "
                      "group_concat(nullif(trim(reason), ''), '；') "
                      "FROM (SELECT * FROM point_adjustments "
                      "WHERE awarded_on BETWEEN ?1 AND ?2 ORDER BY awarded_on, id) "
                      "GROUP BY person_id, item ORDER BY person_id, item",
                      error);
  if (s == NULL)
    return FALSE;

  while ((step = _ll_statement_step (s, error)) == LL_STEP_ROW)
    {
      LlPointsEntry *entry = entry_for (self, sqlite3_column_int64 (s->stmt, 0));
      LlPointsAdjustment *adjustment;

      if (entry == NULL)
        continue;

      adjustment = g_new0 (LlPointsAdjustment, 1);
      adjustment->item = _ll_statement_dup_text (s, 1);
      adjustment->count = sqlite3_column_int (s->stmt, 2);
      adjustment->n_decided = sqlite3_column_int (s->stmt, 3);
      adjustment->decided_points = sqlite3_column_double (s->stmt, 4);
      adjustment->reasons = _ll_statement_dup_text (s, 5);

      if (entry->adjustments == NULL)
        entry->adjustments = g_ptr_array_new_with_free_func ((GDestroyNotify) adjustment_free);
      g_ptr_array_add (entry->adjustments, adjustment);
    }

  return step == LL_STEP_DONE;
}

static const LlPointsAdjustment *
find_adjustment (const LlPointsEntry *entry,
                 const char          *item)
{
  for (guint i = 0; entry->adjustments != NULL && i < entry->adjustments->len; i++)
    {
      const LlPointsAdjustment *adjustment = g_ptr_array_index (entry->adjustments, i);

      if (strcmp (adjustment->item, item) == 0)
        return adjustment;
    }

  return NULL;
}

static double
cap (const LlPointRule *rule,
     double             points)
{
  if (rule->has_max && fabs (points) > rule->max_per_year)
    return points < 0 ? -rule->max_per_year : rule->max_per_year;
  return points;
}

/**
 * ll_points_score_rule:
 * @self: the points of a period
 * @entry: a person's entry
 * @rule: the position of the rule in ll_points_get_rules()
 * @count: (out) (optional): what the rule counted (participations,
 *   people, cases …)
 *
 * Returns: the points @rule gives the person, after its cap
 */
double
ll_points_score_rule (LlPoints            *self,
                      const LlPointsEntry *entry,
                      guint                rule,
                      double              *count)
{
  const LlPointsCounts *counts;
  const LlPointRule *r;
  const Compiled *c;
  double n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (entry != NULL, 0);
  g_return_val_if_fail (rule < self->rules->len, 0);

  r = g_ptr_array_index (self->rules, rule);
  c = &g_array_index (self->compiled, Compiled, rule);
  counts = &entry->counts;

  switch (c->kind)
    {
    case RULE_ACTIVITY:
      for (guint a = 0; a < N_ATTENDANCES; a++)
        if (c->mask & (1u << a))
          n += counts->activities[c->type][a];
      break;
    case RULE_ABSENCE:
      for (guint t = 0; t < LL_POINTS_MAX_ACTIVITY_TYPES; t++)
        if (c->mask & (1u << t))
          n += counts->activities[t][c->attendance];
      break;
    case RULE_PEOPLE_RECEIVED:
      n = counts->people_received;
      break;
    case RULE_CASE_COLLECTED:
      n = counts->cases_collected;
      break;
    case RULE_CASE_RESOLVED:
      n = counts->cases_resolved;
      break;
    case RULE_SUGGESTION:
      n = counts->suggestions;
      break;
    case RULE_MOTION:
      n = counts->motions;
      break;
    case RULE_PROJECT:
      n = counts->projects;
      break;
    case RULE_ADJUSTMENT:
      {
        const LlPointsAdjustment *adjustment = find_adjustment (entry, r->item);

        if (count != NULL)
          *count = adjustment != NULL ? adjustment->count : 0;
        if (adjustment == NULL)
          return 0;
        return cap (r, (adjustment->count - adjustment->n_decided) * r->points +
                       adjustment->decided_points);
      }
    default:
      g_assert_not_reached ();
    }

  if (count != NULL)
    *count = n;
  return cap (r, n * r->points);
}

/**
 * ll_points_score_item:
 * @item: an item
 * @count: (out) (optional): what the item's rules counted, each
 *   occurrence once
 *
 * Returns: the points of every rule of @item (an activity type may have
 *   one per attendance), and for an item without rules the points decided
 *   in its adjustments
 */
double
ll_points_score_item (LlPoints            *self,
                      const LlPointsEntry *entry,
                      const char          *item,
                      double              *count)
{
  double points = 0;
  double n = 0;

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (entry != NULL, 0);
  g_return_val_if_fail (item != NULL, 0);

  for (guint i = 0; i < self->rules->len; i++)
    {
      LlPointRule *rule = g_ptr_array_index (self->rules, i);
      double rule_count = 0;

      if (strcmp (rule->item, item) != 0)
        continue;

      points += ll_points_score_rule (self, entry, i, &rule_count);
      n += rule_count;
    }

  if (!item_has_rule (self->rules, item))
    {
      const LlPointsAdjustment *adjustment = find_adjustment (entry, item);

      if (adjustment != NULL)
        {
          points = adjustment->decided_points;
          n = adjustment->count;
        }
    }

  if (count != NULL)
    *count = n;
  return points;
}

static double
total_of (LlPoints            *self,
          const LlPointsEntry *entry)
{
  double total = 0;

  for (guint i = 0; i < self->rules->len; i++)
    total += ll_points_score_rule (self, entry, i, NULL);

  /* Adjustments of items that have no rule: what was decided. */
  for (guint i = 0; entry->adjustments != NULL && i < entry->adjustments->len; i++)
    {
      const LlPointsAdjustment *adjustment = g_ptr_array_index (entry->adjustments, i);

      if (!item_has_rule (self->rules, adjustment->item))
        total += adjustment->decided_points;
    }

  /* Points are given in tenths and halves; keep sums free of binary
   * noise (0.1 × 3 = 0.30000000000000004) so that equal totals rank
   * equal. */
  return round (total * 1000.0) / 1000.0;
}

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const LlPointsEntry *ea = *(const LlPointsEntry * const *) a;
  const LlPointsEntry *eb = *(const LlPointsEntry * const *) b;
  int by_name;

  if (fabs (ea->total - eb->total) > EPSILON)
    return ea->total > eb->total ? -1 : 1;

  by_name = strcmp (ea->name, eb->name);
  if (by_name != 0)
    return by_name;

  return (ea->person_id > eb->person_id) - (ea->person_id < eb->person_id);
}

/**
 * ll_points_get_grade_for:
 * @total: a total
 *
 * Returns: (nullable): the label of the highest grade whose lowest total
 *   @total reaches; below every grade, the lowest grade
 */
const char *
ll_points_get_grade_for (LlPoints *self,
                         double    total)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->grades->len; i++)
    {
      LlPointRule *grade = g_ptr_array_index (self->grades, i);

      if (total >= grade->points - EPSILON || i + 1 == self->grades->len)
        return grade->description != NULL ? grade->description : grade->item;
    }

  return NULL;
}

/**
 * ll_points_compute:
 * @db: a #LlDatabase
 * @year: the year
 * @quarter: 1 to 4, or 0 for the whole year
 * @cancellable: (nullable): a #GCancellable
 *
 * Computes everyone's points for the period with the rules of @year (the
 * default rules if the year has none, see
 * ll_points_get_rules_are_default()), and ranks the active deputies.
 * A handful of aggregate queries, whatever the number of people.
 *
 * Returns: (transfer full) (nullable): the points, or %NULL on error
 */
LlPoints *
ll_points_compute (LlDatabase    *db,
                   int            year,
                   guint          quarter,
                   GCancellable  *cancellable,
                   GError       **error)
{
  g_autoptr(LlPoints) self = NULL;
  g_autoptr(GPtrArray) rules = NULL;
  guint rank = 0;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_new0 (LlPoints, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->year = year;
  self->quarter = quarter;
  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->by_person = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->ranked = g_ptr_array_new ();
  self->names = g_string_chunk_new (64 * 1024);

  if (!ll_points_get_period (year, quarter, &self->from, &self->to, error))
    return NULL;

  rules = ll_points_list_rules (db, year, error);
  if (rules == NULL)
    return NULL;
  if (rules->len == 0)
    {
      g_clear_pointer (&rules, g_ptr_array_unref);
      rules = ll_points_get_default_rules (year, error);
      if (rules == NULL)
        return NULL;
      self->rules_are_default = TRUE;
    }

  if (!set_rules (self, rules, error) ||
      check_cancelled (cancellable, error) || !load_people (self, db, error) ||
      check_cancelled (cancellable, error) || !load_activities (self, db, error) ||
      check_cancelled (cancellable, error) || !load_cases (self, db, error) ||
      check_cancelled (cancellable, error) || !load_suggestions (self, db, error) ||
      check_cancelled (cancellable, error) || !load_projects (self, db, error) ||
      check_cancelled (cancellable, error) || !load_adjustments (self, db, error) ||
      check_cancelled (cancellable, error))
    return NULL;

  for (guint i = 0; i < self->entries->len; i++)
    {
      LlPointsEntry *entry = g_ptr_array_index (self->entries, i);

      entry->total = total_of (self, entry);
      entry->grade = ll_points_get_grade_for (self, entry->total);
    }

  g_ptr_array_sort (self->ranked, compare_ranked);
  for (guint i = 0; i < self->ranked->len; i++)
    {
      LlPointsEntry *entry = g_ptr_array_index (self->ranked, i);

      /* Equal totals share a rank (1, 2, 2, 4). */
      if (i == 0 ||
          fabs (entry->total - ((LlPointsEntry *) g_ptr_array_index (self->ranked, i - 1))->total)
          > EPSILON)
        rank = i + 1;
      entry->rank = rank;
    }

  return g_steal_pointer (&self);
}

int
ll_points_get_year (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->year;
}

/**
 * ll_points_get_quarter:
 *
 * Returns: the quarter, or 0 for the whole year
 */
guint
ll_points_get_quarter (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->quarter;
}

const char *
ll_points_get_from (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->from;
}

const char *
ll_points_get_to (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->to;
}

/**
 * ll_points_get_rules_are_default:
 *
 * Returns: whether the year had no rules and the default rules were used
 */
gboolean
ll_points_get_rules_are_default (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->rules_are_default;
}

/**
 * ll_points_get_rules:
 *
 * Returns: (transfer none) (element-type LlPointRule): the scoring rules
 *   used, grades left out
 */
GPtrArray *
ll_points_get_rules (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->rules;
}

/**
 * ll_points_get_grades:
 *
 * Returns: (transfer none) (element-type LlPointRule): the grades, the
 *   highest first
 */
GPtrArray *
ll_points_get_grades (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->grades;
}

/**
 * ll_points_get_n_ranked:
 *
 * Returns: how many people are ranked: the active deputies
 */
guint
ll_points_get_n_ranked (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->ranked->len;
}

/**
 * ll_points_get_ranked:
 * @position: from 0
 *
 * Returns: (transfer none): the entry at @position of the ranking (best
 *   first; equal totals by name)
 */
const LlPointsEntry *
ll_points_get_ranked (LlPoints *self,
                      guint     position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->ranked->len, NULL);

  return g_ptr_array_index (self->ranked, position);
}

/**
 * ll_points_lookup:
 *
 * Returns: (transfer none) (nullable): the entry of @person_id; %NULL if
 *   there was no such person when the points were computed
 */
const LlPointsEntry *
ll_points_lookup (LlPoints *self,
                  gint64    person_id)
{
  g_return_val_if_fail (self != NULL, NULL);
  return entry_for (self, person_id);
}

/**
 * ll_points_has_records:
 *
 * Returns: whether anything was recorded for the ranked deputies in the
 *   period: an activity (whatever the attendance), a case, a suggestion,
 *   a project or a point adjustment
 */
gboolean
ll_points_has_records (LlPoints *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->ranked->len; i++)
    {
      const LlPointsEntry *entry = g_ptr_array_index (self->ranked, i);
      const LlPointsCounts *c = &entry->counts;

      if (c->cases_collected > 0 || c->suggestions + c->motions > 0 || c->projects > 0 ||
          entry->adjustments != NULL)
        return TRUE;
      for (guint t = 0; t < LL_POINTS_MAX_ACTIVITY_TYPES; t++)
        if (c->activities[t][0] + c->activities[t][1] + c->activities[t][2] > 0)
          return TRUE;
    }

  return FALSE;
}

/**
 * ll_points_format:
 *
 * Returns: (transfer full): @points as printed: `12`, `12.5`, `-3`, at
 *   most two decimals
 */
char *
ll_points_format (double points)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  double rounded = round (points * 100.0) / 100.0;

  if (rounded == 0)
    rounded = 0;  /* no “-0” */

  g_ascii_formatd (buffer, sizeof buffer, "%.2f", rounded);
  if (strchr (buffer, '.') != NULL)
    {
      char *end = buffer + strlen (buffer) - 1;

      while (*end == '0')
        *end-- = '\0';
      if (*end == '.')
        *end = '\0';
    }

  return g_strdup (buffer);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-workflow"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-database-private.h"
#include "ll-enums.h"
#include "ll-validate.h"

/* The states and transitions of a case (DOMAIN.md):
 *
 *   registered ──assign──▶ assigned ──start──▶ in_progress
 *                             │                    │
 *                             └──────reply─────────┴──▶ replied ──close──▶ closed
 *                             ▲                                              │
 *                             └──────────── reopen (dissatisfied) ───────────┘
 *
 * A case answered on the spot (现场答复) is assigned with the handling
 * mode `on_the_spot` (no deadline needed) and then replied to, so its
 * history says who answered it and when like any other; there is no
 * direct registered → replied step.
 *
 * Merging into a common issue and the look-back flag do not change the
 * status. Each action is one versioned write of the case plus one line
 * in case_events (kind = the action key, user and host of the
 * connection, from/to status, detail = the values entered as JSON). */

#define LABEL(property) ll_case_get_field_label (property)

/* Reopening gives at least this many days. */
#define MIN_REOPEN_DAYS 7

static const struct {
  const char *key;
  const char *label;
} actions[LL_N_CASE_ACTIONS] = {
  [LL_CASE_ACTION_ASSIGN] = { "assign", NC_("case action", "Assign") },
  [LL_CASE_ACTION_START] = { "start", NC_("case action", "Start Handling") },
  [LL_CASE_ACTION_REPLY] = { "reply", NC_("case action", "Record Reply") },
  [LL_CASE_ACTION_CLOSE] = { "close", NC_("case action", "Close") },
  [LL_CASE_ACTION_REOPEN] = { "reopen", NC_("case action", "Reopen") },
  [LL_CASE_ACTION_MERGE] = { "merge", NC_("case action", "Merge into Common Issue") },
  [LL_CASE_ACTION_LOOK_BACK] = { "look_back", NC_("case action", "Look Back") },
};

/**
 * ll_case_action_get_key:
 * @action: a #LlCaseAction
 *
 * Returns: the action's key, as stored in `case_events.kind`: `assign`,
 *   `start`, `reply`, `close`, `reopen`, `merge`, `look_back`
 */
const char *
ll_case_action_get_key (LlCaseAction action)
{
  g_return_val_if_fail (action < LL_N_CASE_ACTIONS, NULL);

  return actions[action].key;
}

/**
 * ll_case_action_get_label:
 * @action: a #LlCaseAction
 *
 * Returns: the translated name of the action for a button, e.g. “Assign”
 */
const char *
ll_case_action_get_label (LlCaseAction action)
{
  g_return_val_if_fail (action < LL_N_CASE_ACTIONS, NULL);

  return g_dpgettext2 (GETTEXT_PACKAGE, "case action", actions[action].label);
}

/**
 * ll_case_action_from_key:
 * @key: an action key such as `assign`
 * @action: (out): the action
 *
 * Returns: whether @key is an action's key
 */
gboolean
ll_case_action_from_key (const char   *key,
                         LlCaseAction *action)
{
  g_return_val_if_fail (action != NULL, FALSE);

  for (guint i = 0; key != NULL && i < LL_N_CASE_ACTIONS; i++)
    if (strcmp (actions[i].key, key) == 0)
      {
        *action = i;
        return TRUE;
      }

  return FALSE;
}

/* Rules -------------------------------------------------------------------- */

static gboolean
refuse (char       **reason,
        const char  *message)
{
  if (reason != NULL)
    *reason = g_strdup (message);
  return FALSE;
}

static gboolean
status_is (LlCase     *kase,
           const char *status)
{
  return g_strcmp0 (ll_case_get_status (kase), status) == 0;
}

/**
 * ll_case_workflow_can:
 * @kase: a registered case
 * @action: what the user wants to do
 * @reason: (out) (optional) (transfer full): why not, a sentence for
 *   the user, e.g. “A closed case can only be reopened when the
 *   constituent was dissatisfied.”
 *
 * Whether @action is legal for @kase now. The window shows only the
 * legal actions; the board refuses an illegal drop with @reason. For
 * %LL_CASE_ACTION_MERGE this says whether @kase can be merged at all;
 * ll_case_workflow_can_merge_into() checks a particular target.
 *
 * Returns: %TRUE when @action is legal
 */
gboolean
ll_case_workflow_can (LlCase        *kase,
                      LlCaseAction   action,
                      char         **reason)
{
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (action < LL_N_CASE_ACTIONS, FALSE);

  if (reason != NULL)
    *reason = NULL;

  switch (action)
    {
    case LL_CASE_ACTION_ASSIGN:
      if (status_is (kase, "registered"))
        return TRUE;
      if (status_is (kase, "closed"))
        return refuse (reason, _("A closed case cannot be assigned again; it can be reopened "
                                 "when the constituent was dissatisfied."));
      return refuse (reason, _("This case has already been assigned."));

    case LL_CASE_ACTION_START:
      if (status_is (kase, "assigned"))
        return TRUE;
      if (status_is (kase, "registered"))
        return refuse (reason, _("Assign the case before starting to handle it."));
      if (status_is (kase, "in_progress"))
        return refuse (reason, _("Handling of this case has already started."));
      if (status_is (kase, "replied"))
        return refuse (reason, _("This case has already been replied to."));
      return refuse (reason, _("This case is closed."));

    case LL_CASE_ACTION_REPLY:
      if (status_is (kase, "assigned") || status_is (kase, "in_progress"))
        return TRUE;
      if (status_is (kase, "registered"))
        return refuse (reason, _("Assign the case before recording a reply. A case answered on "
                                 "the spot is assigned with the handling mode “Answered on the "
                                 "Spot” first."));
      if (status_is (kase, "replied"))
        return refuse (reason, _("This case has already been replied to."));
      return refuse (reason, _("This case is closed."));

    case LL_CASE_ACTION_CLOSE:
      if (status_is (kase, "replied"))
        return TRUE;
      if (status_is (kase, "closed"))
        return refuse (reason, _("This case is already closed."));
      return refuse (reason, _("A case is closed after its reply has been recorded and the "
                               "constituent has been visited."));

    case LL_CASE_ACTION_REOPEN:
      if (!status_is (kase, "closed"))
        return refuse (reason, _("Only a closed case can be reopened."));
      if (g_strcmp0 (ll_case_get_satisfaction (kase), "dissatisfied") != 0)
        return refuse (reason, _("A closed case can only be reopened when the constituent was "
                                 "dissatisfied."));
      return TRUE;

    case LL_CASE_ACTION_MERGE:
      if (ll_case_get_is_common (kase))
        return refuse (reason, _("A common issue cannot be merged into another one."));
      if (ll_case_get_merged_into_id (kase) != 0)
        return refuse (reason, _("This case has already been merged into a common issue."));
      if (status_is (kase, "closed"))
        return refuse (reason, _("A closed case cannot be merged into a common issue."));
      return TRUE;

    case LL_CASE_ACTION_LOOK_BACK:
      if (status_is (kase, "closed"))
        return TRUE;
      return refuse (reason, _("Only closed cases can be selected for a look back."));

    case LL_N_CASE_ACTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/**
 * ll_case_workflow_next_actions:
 * @kase: a registered case
 *
 * Returns: (transfer full) (element-type LlCaseAction): the actions
 *   that are legal for @kase now, in the order of #LlCaseAction
 */
GArray *
ll_case_workflow_next_actions (LlCase *kase)
{
  GArray *next;

  g_return_val_if_fail (LL_IS_CASE (kase), NULL);

  next = g_array_new (FALSE, FALSE, sizeof (LlCaseAction));
  for (LlCaseAction action = 0; action < LL_N_CASE_ACTIONS; action++)
    if (ll_case_workflow_can (kase, action, NULL))
      g_array_append_val (next, action);

  return next;
}

/**
 * ll_case_workflow_can_merge_into:
 * @kase: an individual case
 * @target: the common issue (or the case that becomes one)
 * @reason: (out) (optional) (transfer full): why not
 *
 * Whether @kase can be merged into @target: @kase is an individual case
 * that is not closed nor merged yet; @target is another case, not
 * merged into a third one and not closed. @target becomes a common
 * issue if it is not one yet.
 *
 * Returns: %TRUE when the merge is legal
 */
gboolean
ll_case_workflow_can_merge_into (LlCase  *kase,
                                 LlCase  *target,
                                 char   **reason)
{
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (LL_IS_CASE (target), FALSE);

  if (!ll_case_workflow_can (kase, LL_CASE_ACTION_MERGE, reason))
    return FALSE;

  if (kase == target || ll_case_get_id (kase) == ll_case_get_id (target))
    return refuse (reason, _("A case cannot be merged into itself."));

  if (ll_case_get_merged_into_id (target) != 0)
    {
      if (reason != NULL)
        /* Translators: %s is a case's serial number */
        *reason = g_strdup_printf (_("%s has itself been merged into a common issue; merge into "
                                     "that common issue instead."),
                                   ll_case_get_serial (target));
      return FALSE;
    }

  if (status_is (target, "closed"))
    {
      if (reason != NULL)
        /* Translators: %s is a case's serial number */
        *reason = g_strdup_printf (_("%s is closed; cases can no longer be merged into it."),
                                   ll_case_get_serial (target));
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_case_workflow_action_for_status:
 * @kase: a registered case
 * @status: the case-status key of the board column it was dropped on
 * @action: (out): the action that brings @kase to @status
 * @reason: (out) (optional) (transfer full): why there is none
 *
 * For the case board: which action a drop on @status means (assigned:
 * Assign, or Reopen for a closed case; in progress: Start; replied:
 * Record Reply; closed: Close), and whether it is legal now.
 *
 * Returns: %TRUE with @action set when the drop is legal
 */
gboolean
ll_case_workflow_action_for_status (LlCase        *kase,
                                    const char    *status,
                                    LlCaseAction  *action,
                                    char         **reason)
{
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (status != NULL, FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (reason != NULL)
    *reason = NULL;

  if (status_is (kase, status))
    {
      if (reason != NULL)
        /* Translators: %s is a status such as “Assigned” */
        *reason = g_strdup_printf (_("The case is already “%s”."),
                                   ll_enum_get_label (LL_ENUM_CASE_STATUS, status));
      return FALSE;
    }

  if (g_str_equal (status, "assigned"))
    *action = status_is (kase, "closed") ? LL_CASE_ACTION_REOPEN : LL_CASE_ACTION_ASSIGN;
  else if (g_str_equal (status, "in_progress"))
    *action = LL_CASE_ACTION_START;
  else if (g_str_equal (status, "replied"))
    *action = LL_CASE_ACTION_REPLY;
  else if (g_str_equal (status, "closed"))
    *action = LL_CASE_ACTION_CLOSE;
  else
    return refuse (reason, _("A case cannot go back to “Registered”."));

  return ll_case_workflow_can (kase, *action, reason);
}

/**
 * ll_case_workflow_action_for_department:
 * @kase: a registered case
 * @department_id: the department of the board column it was dropped on,
 *   0 for the column of cases with no department
 * @department_name: (nullable): that department's name, for @reason
 * @action: (out): the action that brings @kase to the department
 * @reason: (out) (optional) (transfer full): why there is none
 *
 * For the case board grouped by department: a drop on a department
 * means assigning the case there (Assign, which needs a handling mode
 * and a deadline as well). Only a registered case can be assigned; a
 * case is never taken away from its department on the board.
 *
 * Returns: %TRUE with @action set when the drop is legal
 */
gboolean
ll_case_workflow_action_for_department (LlCase        *kase,
                                        gint64         department_id,
                                        const char    *department_name,
                                        LlCaseAction  *action,
                                        char         **reason)
{
  g_return_val_if_fail (LL_IS_CASE (kase), FALSE);
  g_return_val_if_fail (action != NULL, FALSE);

  if (reason != NULL)
    *reason = NULL;

  *action = LL_CASE_ACTION_ASSIGN;

  if (department_id > 0 && ll_case_get_department_id (kase) == department_id)
    {
      if (reason != NULL)
        /* Translators: %s is a department (承办单位) */
        *reason = g_strdup_printf (_("The case is already with “%s”."),
                                   department_name != NULL ? department_name : "");
      return FALSE;
    }

  if (department_id <= 0)
    {
      if (ll_case_get_department_id (kase) == 0)
        return refuse (reason, _("The case has no department yet."));
      return refuse (reason, _("A case cannot be taken back from its department; record the "
                               "reply, or reopen the case when the constituent was "
                               "dissatisfied."));
    }

  return ll_case_workflow_can (kase, LL_CASE_ACTION_ASSIGN, reason);
}

/* Days from @from to @to, or G_MININT when either is not a date. */
static int
days_between (const char *from,
              const char *to)
{
  g_autoptr(GDateTime) a = NULL;
  g_autoptr(GDateTime) b = NULL;
  g_autofree char *a_text = NULL;
  g_autofree char *b_text = NULL;

  if (!ll_date_is_valid (from) || !ll_date_is_valid (to))
    return G_MININT;

  a_text = g_strconcat (from, "T00:00:00Z", NULL);
  b_text = g_strconcat (to, "T00:00:00Z", NULL);
  a = g_date_time_new_from_iso8601 (a_text, NULL);
  b = g_date_time_new_from_iso8601 (b_text, NULL);
  if (a == NULL || b == NULL)
    return G_MININT;

  return (int) (g_date_time_difference (b, a) / G_TIME_SPAN_DAY);
}

static char *
add_days (const char *date,
          int         days)
{
  g_autoptr(GDateTime) start = NULL;
  g_autoptr(GDateTime) end = NULL;
  g_autofree char *text = g_strconcat (date, "T00:00:00Z", NULL);

  start = g_date_time_new_from_iso8601 (text, NULL);
  g_return_val_if_fail (start != NULL, NULL);

  end = g_date_time_add_days (start, days);
  return g_date_time_format (end, "%Y-%m-%d");
}

/**
 * ll_case_workflow_default_reopen_deadline:
 * @kase: a closed case
 *
 * The deadline that reopening gives when none is entered: today plus
 * the time the case had the first time (its deadline minus the day it
 * was assigned), and at least 7 days.
 *
 * Returns: (transfer full): a date, `YYYY-MM-DD`
 */
char *
ll_case_workflow_default_reopen_deadline (LlCase *kase)
{
  g_autofree char *today = ll_date_today ();
  int days;

  g_return_val_if_fail (LL_IS_CASE (kase), NULL);

  days = days_between (ll_case_get_assigned_on (kase), ll_case_get_deadline (kase));
  return add_days (today, MAX (days, MIN_REOPEN_DAYS));
}

/* Transitions -------------------------------------------------------------- */

typedef struct
{
  LlCaseAction  action;
  LlCase       *kase;
  LlCase       *target;

  const char   *handling_mode;
  gint64        department_id;
  const char   *deadline;
  const char   *assigned_on;
  const char   *reply_text;
  const char   *replied_on;
  const char   *satisfaction;
  const char   *follow_up_note;
  const char   *closed_on;
  gboolean      look_back;

  /* The cases as committed. */
  LlCase       *stored;
  LlCase       *stored_target;
} Transition;

/* The columns one transition writes. */
typedef struct
{
  const char *columns[8];
  GValue      values[8];
  guint       n;
} Columns;

static void
columns_clear (Columns *columns)
{
  for (guint i = 0; i < columns->n; i++)
    if (G_IS_VALUE (&columns->values[i]))
      g_value_unset (&columns->values[i]);
  columns->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Columns, columns_clear)

static void
set_text (Columns    *columns,
          const char *column,
          const char *text)
{
  g_assert (columns->n < G_N_ELEMENTS (columns->columns));

  columns->columns[columns->n] = column;
  g_value_init (&columns->values[columns->n], G_TYPE_STRING);
  g_value_set_string (&columns->values[columns->n], text);
  columns->n++;
}

static void
set_int64 (Columns    *columns,
           const char *column,
           gint64      number)
{
  g_assert (columns->n < G_N_ELEMENTS (columns->columns));

  columns->columns[columns->n] = column;
  g_value_init (&columns->values[columns->n], G_TYPE_INT64);
  g_value_set_int64 (&columns->values[columns->n], number);
  columns->n++;
}

static void
set_null (Columns    *columns,
          const char *column)
{
  g_assert (columns->n < G_N_ELEMENTS (columns->columns));

  /* An unset GValue binds NULL. */
  columns->columns[columns->n] = column;
  columns->n++;
}

static void
add_member (JsonBuilder *builder,
            const char  *name,
            const char  *text)
{
  if (text == NULL)
    return;

  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, text);
}

static char *
builder_to_string (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

static gboolean
set_invalid (GError     **error,
             const char  *reason)
{
  g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID, reason);
  return FALSE;
}

static gboolean
check_not_before (const char  *date,
                  const char  *date_property,
                  const char  *earlier,
                  const char  *earlier_label,
                  GError     **error)
{
  if (date == NULL || earlier == NULL || strcmp (date, earlier) >= 0)
    return TRUE;

  /* Translators: “Deadline: 2025-03-01 is earlier than “Received”
   * (2025-03-05).” The first and third %s are fields, the others dates. */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: %s is earlier than “%s” (%s)."),
               LABEL (date_property), date, earlier_label, earlier);
  return FALSE;
}

/* The stored case at the caller's version: NOT_FOUND or CONFLICT
 * otherwise. */
static LlCase *
load_current (LlDatabase  *db,
              LlCase      *kase,
              GError     **error)
{
  g_autoptr(LlCase) stored = ll_case_store_get (db, ll_case_get_id (kase), error);

  if (stored == NULL)
    return NULL;

  if (ll_case_get_version (stored) != ll_case_get_version (kase))
    {
      _ll_database_explain_unchanged (db, "cases", ll_case_get_id (kase), error);
      return NULL;
    }

  return g_steal_pointer (&stored);
}

static char *
department_name (LlDatabase  *db,
                 gint64       department_id,
                 GError     **error)
{
  g_autoptr(LlStatement) statement = NULL;
  LlStep step;

  statement = _ll_database_prepare (db, "SELECT name FROM departments WHERE id = ?1", error);
  if (statement == NULL)
    return NULL;

  _ll_statement_bind_int64 (statement, 1, department_id);
  step = _ll_statement_step (statement, error);
  if (step == LL_STEP_ERROR)
    return NULL;

  if (step == LL_STEP_DONE)
    {
      /* Translators: %s is the field “Department” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: the department does not exist; someone may have deleted it."),
                   LABEL ("department-id"));
      return NULL;
    }

  return _ll_statement_dup_text (statement, 0);
}

static gboolean
prepare_assign (LlDatabase   *db,
                Transition   *data,
                LlCase       *stored,
                Columns      *columns,
                JsonBuilder  *builder,
                GError      **error)
{
  g_autofree char *today = ll_date_today ();
  g_autofree char *department = NULL;
  const char *mode = data->handling_mode;
  const char *assigned_on = data->assigned_on != NULL ? data->assigned_on : today;
  const char *received_label = LABEL ("received-on");

  if (!ll_validate_enum (LL_ENUM_HANDLING_MODE, mode, FALSE, LABEL ("handling-mode"), error) ||
      !ll_validate_date (assigned_on, LABEL ("assigned-on"), error) ||
      !check_not_before (assigned_on, "assigned-on", ll_case_get_received_on (stored),
                         received_label, error))
    return FALSE;

  if (data->department_id == 0 && g_str_equal (mode, "department"))
    {
      /* Translators: %s is the field “Department” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s is required when the case is assigned to a department."),
                   LABEL ("department-id"));
      return FALSE;
    }

  if (data->department_id != 0)
    {
      department = department_name (db, data->department_id, error);
      if (department == NULL)
        return FALSE;
    }

  /* Answered on the spot: there is nothing to wait for. */
  if (data->deadline == NULL && !g_str_equal (mode, "on_the_spot"))
    {
      /* Translators: %s is the field “Deadline” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s is required unless the case is answered on the spot."),
                   LABEL ("deadline"));
      return FALSE;
    }

  if (!ll_validate_date (data->deadline, LABEL ("deadline"), error) ||
      !check_not_before (data->deadline, "deadline", ll_case_get_received_on (stored),
                         received_label, error) ||
      !check_not_before (data->deadline, "deadline", assigned_on, LABEL ("assigned-on"), error))
    return FALSE;

  set_text (columns, "status", "assigned");
  set_text (columns, "handling_mode", mode);
  if (data->department_id != 0)
    set_int64 (columns, "department_id", data->department_id);
  else
    set_null (columns, "department_id");
  set_text (columns, "assigned_on", assigned_on);
  set_text (columns, "deadline", data->deadline);

  add_member (builder, "handling_mode", mode);
  if (data->department_id != 0)
    {
      json_builder_set_member_name (builder, "department_id");
      json_builder_add_int_value (builder, data->department_id);
      add_member (builder, "department", department);
    }
  add_member (builder, "assigned_on", assigned_on);
  add_member (builder, "deadline", data->deadline);

  return TRUE;
}

static gboolean
prepare_reply (Transition   *data,
               LlCase       *stored,
               Columns      *columns,
               JsonBuilder  *builder,
               GError      **error)
{
  g_autofree char *today = ll_date_today ();
  const char *replied_on = data->replied_on != NULL ? data->replied_on : today;

  if (!ll_validate_required (data->reply_text, LABEL ("reply-text"), error) ||
      !ll_validate_date (replied_on, LABEL ("replied-on"), error) ||
      !check_not_before (replied_on, "replied-on", ll_case_get_received_on (stored),
                         LABEL ("received-on"), error) ||
      !check_not_before (replied_on, "replied-on", ll_case_get_assigned_on (stored),
                         LABEL ("assigned-on"), error))
    return FALSE;

  set_text (columns, "status", "replied");
  set_text (columns, "reply_text", data->reply_text);
  set_text (columns, "replied_on", replied_on);

  add_member (builder, "replied_on", replied_on);
  add_member (builder, "reply_text", data->reply_text);

  return TRUE;
}

static gboolean
prepare_close (Transition   *data,
               LlCase       *stored,
               Columns      *columns,
               JsonBuilder  *builder,
               GError      **error)
{
  g_autofree char *today = ll_date_today ();
  const char *closed_on = data->closed_on != NULL ? data->closed_on : today;
  const char *note = data->follow_up_note;

  if (note != NULL && *note == '\0')
    note = NULL;

  if (!ll_validate_enum (LL_ENUM_SATISFACTION, data->satisfaction, FALSE,
                         LABEL ("satisfaction"), error) ||
      !ll_validate_date (closed_on, LABEL ("closed-on"), error) ||
      !check_not_before (closed_on, "closed-on", ll_case_get_replied_on (stored),
                         LABEL ("replied-on"), error))
    return FALSE;

  set_text (columns, "status", "closed");
  set_text (columns, "satisfaction", data->satisfaction);
  set_text (columns, "follow_up_note", note);
  set_text (columns, "closed_on", closed_on);

  add_member (builder, "satisfaction", data->satisfaction);
  add_member (builder, "closed_on", closed_on);
  add_member (builder, "follow_up_note", note);

  return TRUE;
}

static gboolean
prepare_reopen (Transition   *data,
                LlCase       *stored,
                Columns      *columns,
                JsonBuilder  *builder,
                GError      **error)
{
  g_autofree char *today = ll_date_today ();
  g_autofree char *default_deadline = NULL;
  const char *deadline = data->deadline;

  if (deadline == NULL)
    deadline = default_deadline = ll_case_workflow_default_reopen_deadline (stored);

  if (!ll_validate_date (deadline, LABEL ("deadline"), error))
    return FALSE;

  if (strcmp (deadline, today) < 0)
    {
      /* Translators: %s is the field “Deadline”, then a date */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s: %s is already past; give the reopened case a deadline from today on."),
                   LABEL ("deadline"), deadline);
      return FALSE;
    }

  /* Same handling mode and department; the earlier reply and the note
   * of the follow-up visit stay for the department to read. */
  set_text (columns, "status", "assigned");
  set_text (columns, "assigned_on", today);
  set_text (columns, "deadline", deadline);
  set_null (columns, "satisfaction");
  set_null (columns, "closed_on");

  add_member (builder, "handling_mode", ll_case_get_handling_mode (stored));
  if (ll_case_get_department_id (stored) != 0)
    {
      json_builder_set_member_name (builder, "department_id");
      json_builder_add_int_value (builder, ll_case_get_department_id (stored));
      add_member (builder, "department", ll_case_get_department_name (stored));
    }
  add_member (builder, "assigned_on", today);
  add_member (builder, "deadline", deadline);
  add_member (builder, "previous_satisfaction", ll_case_get_satisfaction (stored));

  return TRUE;
}

static gboolean
merge (LlDatabase   *db,
       Transition   *data,
       LlCase       *stored,
       GError      **error)
{
  g_autoptr(LlCase) target = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonBuilder) target_builder = json_builder_new ();
  g_autofree char *reason = NULL;
  g_autofree char *detail = NULL;
  g_autofree char *target_detail = NULL;
  const char *columns[] = { "merged_into_id" };
  const char *target_columns[] = { "is_common" };
  g_auto(GValue) value = G_VALUE_INIT;
  g_auto(GValue) target_value = G_VALUE_INIT;
  gboolean made_common;

  target = load_current (db, data->target, error);
  if (target == NULL)
    return FALSE;

  if (!ll_case_workflow_can_merge_into (stored, target, &reason))
    return set_invalid (error, reason);

  made_common = !ll_case_get_is_common (target);

  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, ll_case_get_id (target));
  if (!_ll_database_update_versioned (db, "cases", ll_case_get_id (stored),
                                      ll_case_get_version (stored), columns, &value, 1, NULL,
                                      error))
    return FALSE;

  if (made_common)
    {
      g_value_init (&target_value, G_TYPE_BOOLEAN);
      g_value_set_boolean (&target_value, TRUE);
      if (!_ll_database_update_versioned (db, "cases", ll_case_get_id (target),
                                          ll_case_get_version (target), target_columns,
                                          &target_value, 1, NULL, error))
        return FALSE;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "into_id");
  json_builder_add_int_value (builder, ll_case_get_id (target));
  add_member (builder, "into_serial", ll_case_get_serial (target));
  json_builder_set_member_name (builder, "made_common");
  json_builder_add_boolean_value (builder, made_common);
  detail = builder_to_string (builder);

  json_builder_begin_object (target_builder);
  json_builder_set_member_name (target_builder, "case_id");
  json_builder_add_int_value (target_builder, ll_case_get_id (stored));
  add_member (target_builder, "serial", ll_case_get_serial (stored));
  json_builder_set_member_name (target_builder, "made_common");
  json_builder_add_boolean_value (target_builder, made_common);
  target_detail = builder_to_string (target_builder);

  if (!_ll_case_store_add_event (db, ll_case_get_id (stored), "merge", NULL, NULL, detail,
                                 error) ||
      !_ll_case_store_add_event (db, ll_case_get_id (target), "merged_in", NULL, NULL,
                                 target_detail, error))
    return FALSE;

  data->stored_target = ll_case_store_get (db, ll_case_get_id (target), error);
  return data->stored_target != NULL;
}

static gboolean
transition_func (LlDatabase  *db,
                 gpointer     user_data,
                 GError     **error)
{
  Transition *data = user_data;
  g_autoptr(LlCase) stored = NULL;
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_auto(Columns) columns = { { NULL } };
  g_autofree char *reason = NULL;
  g_autofree char *detail = NULL;
  const char *from_status;
  const char *to_status = NULL;
  gint64 id = ll_case_get_id (data->kase);
  gboolean ok = TRUE;

  stored = load_current (db, data->kase, error);
  if (stored == NULL)
    return FALSE;

  /* The rules again, on the case as stored. */
  if (!ll_case_workflow_can (stored, data->action, &reason))
    return set_invalid (error, reason);

  from_status = ll_case_get_status (stored);

  json_builder_begin_object (builder);

  switch (data->action)
    {
    case LL_CASE_ACTION_ASSIGN:
      ok = prepare_assign (db, data, stored, &columns, builder, error);
      to_status = "assigned";
      break;

    case LL_CASE_ACTION_START:
      set_text (&columns, "status", "in_progress");
      to_status = "in_progress";
      break;

    case LL_CASE_ACTION_REPLY:
      ok = prepare_reply (data, stored, &columns, builder, error);
      to_status = "replied";
      break;

    case LL_CASE_ACTION_CLOSE:
      ok = prepare_close (data, stored, &columns, builder, error);
      to_status = "closed";
      break;

    case LL_CASE_ACTION_REOPEN:
      ok = prepare_reopen (data, stored, &columns, builder, error);
      to_status = "assigned";
      break;

    case LL_CASE_ACTION_MERGE:
      if (!merge (db, data, stored, error))
        return FALSE;
      break;

    case LL_CASE_ACTION_LOOK_BACK:
      if (ll_case_get_look_back (stored) == data->look_back)
        {
          /* Already so: nothing to write. */
          data->stored = g_steal_pointer (&stored);
          return TRUE;
        }
      columns.columns[0] = "look_back";
      g_value_init (&columns.values[0], G_TYPE_BOOLEAN);
      g_value_set_boolean (&columns.values[0], data->look_back);
      columns.n = 1;
      json_builder_set_member_name (builder, "look_back");
      json_builder_add_boolean_value (builder, data->look_back);
      break;

    case LL_N_CASE_ACTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }

  if (!ok)
    return FALSE;

  if (columns.n > 0)
    {
      detail = builder_to_string (builder);

      if (!_ll_database_update_versioned (db, "cases", id, ll_case_get_version (data->kase),
                                          columns.columns, columns.values, columns.n, NULL,
                                          error) ||
          !_ll_case_store_add_event (db, id, ll_case_action_get_key (data->action),
                                     to_status != NULL ? from_status : NULL, to_status,
                                     /* Start has nothing to say. */
                                     g_str_equal (detail, "{}") ? NULL : detail,
                                     error))
        return FALSE;
    }

  data->stored = ll_case_store_get (db, id, error);
  return data->stored != NULL;
}

static gboolean
run_transition (LlDatabase  *db,
                Transition  *data,
                GError     **error)
{
  g_autofree char *reason = NULL;
  gboolean ok;

  /* Refuse at once what the user's own copy already shows is illegal. */
  if (!ll_case_workflow_can (data->kase, data->action, &reason))
    return set_invalid (error, reason);

  ok = ll_database_write (db, transition_func, data, error);
  if (ok)
    {
      ll_case_update_from (data->kase, data->stored);
      if (data->target != NULL && data->stored_target != NULL)
        ll_case_update_from (data->target, data->stored_target);
    }

  g_clear_object (&data->stored);
  g_clear_object (&data->stored_target);

  return ok;
}

#define CHECK_CASE(db, kase) \
  G_STMT_START { \
    g_return_val_if_fail (LL_IS_DATABASE (db), FALSE); \
    g_return_val_if_fail (LL_IS_CASE (kase), FALSE); \
    g_return_val_if_fail (ll_case_get_id (kase) > 0, FALSE); \
    g_return_val_if_fail (error == NULL || *error == NULL, FALSE); \
  } G_STMT_END

/**
 * ll_case_workflow_assign:
 * @db: a #LlDatabase
 * @kase: a registered case, at the version the user saw
 * @handling_mode: a handling-mode key (办理方式)
 * @department_id: the department (承办单位), required for the mode
 *   `department`, optional otherwise (0 for none)
 * @deadline: (nullable): the date the reply is due, required unless the
 *   mode is `on_the_spot`; not before the received nor the assigned date
 * @assigned_on: (nullable): the date of the assignment; %NULL for today
 * @error: return location for a #GError
 *
 * 交办: registered → assigned. Like every transition: one versioned
 * write (%LL_DATABASE_ERROR_CONFLICT when someone else changed the case
 * since @kase was read) that also appends a line to the case's history
 * with the user, the machine, the time and the values entered. An
 * illegal transition or value fails with %LL_DATABASE_ERROR_INVALID and
 * a sentence saying why; nothing is written then. On success @kase holds
 * the case as stored.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_assign (LlDatabase  *db,
                         LlCase      *kase,
                         const char  *handling_mode,
                         gint64       department_id,
                         const char  *deadline,
                         const char  *assigned_on,
                         GError     **error)
{
  Transition data = { LL_CASE_ACTION_ASSIGN, kase };

  CHECK_CASE (db, kase);

  data.handling_mode = handling_mode;
  data.department_id = department_id;
  data.deadline = deadline != NULL && *deadline != '\0' ? deadline : NULL;
  data.assigned_on = assigned_on != NULL && *assigned_on != '\0' ? assigned_on : NULL;

  return run_transition (db, &data, error);
}

/**
 * ll_case_workflow_start:
 * @db: a #LlDatabase
 * @kase: an assigned case, at the version the user saw
 * @error: return location for a #GError
 *
 * assigned → in progress. See ll_case_workflow_assign() for what every
 * transition guarantees.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_start (LlDatabase  *db,
                        LlCase      *kase,
                        GError     **error)
{
  Transition data = { LL_CASE_ACTION_START, kase };

  CHECK_CASE (db, kase);

  return run_transition (db, &data, error);
}

/**
 * ll_case_workflow_reply:
 * @db: a #LlDatabase
 * @kase: an assigned or in-progress case, at the version the user saw
 * @reply_text: the reply, required
 * @replied_on: (nullable): the date of the reply; %NULL for today
 * @error: return location for a #GError
 *
 * Record Reply: assigned or in progress → replied. The date is not
 * before the received nor the assigned date. See
 * ll_case_workflow_assign() for what every transition guarantees.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_reply (LlDatabase  *db,
                        LlCase      *kase,
                        const char  *reply_text,
                        const char  *replied_on,
                        GError     **error)
{
  Transition data = { LL_CASE_ACTION_REPLY, kase };

  CHECK_CASE (db, kase);

  data.reply_text = reply_text;
  data.replied_on = replied_on != NULL && *replied_on != '\0' ? replied_on : NULL;

  return run_transition (db, &data, error);
}

/**
 * ll_case_workflow_close:
 * @db: a #LlDatabase
 * @kase: a replied case, at the version the user saw
 * @satisfaction: the satisfaction key recorded at the follow-up visit
 *   (回访), required
 * @follow_up_note: (nullable): notes of the follow-up visit
 * @closed_on: (nullable): the date; %NULL for today; not before the reply
 * @error: return location for a #GError
 *
 * replied → closed. See ll_case_workflow_assign() for what every
 * transition guarantees.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_close (LlDatabase  *db,
                        LlCase      *kase,
                        const char  *satisfaction,
                        const char  *follow_up_note,
                        const char  *closed_on,
                        GError     **error)
{
  Transition data = { LL_CASE_ACTION_CLOSE, kase };

  CHECK_CASE (db, kase);

  data.satisfaction = satisfaction;
  data.follow_up_note = follow_up_note;
  data.closed_on = closed_on != NULL && *closed_on != '\0' ? closed_on : NULL;

  return run_transition (db, &data, error);
}

/**
 * ll_case_workflow_reopen:
 * @db: a #LlDatabase
 * @kase: a closed case whose constituent was dissatisfied, at the
 *   version the user saw
 * @deadline: (nullable): the new deadline, from today on; %NULL for
 *   ll_case_workflow_default_reopen_deadline()
 * @error: return location for a #GError
 *
 * 重新交办: closed → assigned again, today, to the same department with
 * the same handling mode; the satisfaction and the closing date are
 * cleared (the history keeps them), the earlier reply and follow-up
 * note stay. Only a case whose constituent was dissatisfied can be
 * reopened. See ll_case_workflow_assign() for what every transition
 * guarantees.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_reopen (LlDatabase  *db,
                         LlCase      *kase,
                         const char  *deadline,
                         GError     **error)
{
  Transition data = { LL_CASE_ACTION_REOPEN, kase };

  CHECK_CASE (db, kase);

  data.deadline = deadline != NULL && *deadline != '\0' ? deadline : NULL;

  return run_transition (db, &data, error);
}

/**
 * ll_case_workflow_merge:
 * @db: a #LlDatabase
 * @kase: an individual case, not closed, at the version the user saw
 * @target: the common issue, or the case that becomes one, at the
 *   version the user saw
 * @error: return location for a #GError
 *
 * Merge into Common Issue: sets @kase's merged-into to @target and, if
 * @target is not a common issue yet, makes it one. The rules are those
 * of ll_case_workflow_can_merge_into(). Both cases are saved versioned
 * in one transaction (%LL_DATABASE_ERROR_CONFLICT if either changed)
 * and both histories get a line. On success both objects hold the
 * cases as stored.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_merge (LlDatabase  *db,
                        LlCase      *kase,
                        LlCase      *target,
                        GError     **error)
{
  Transition data = { LL_CASE_ACTION_MERGE, kase, target };
  g_autofree char *reason = NULL;

  CHECK_CASE (db, kase);
  g_return_val_if_fail (LL_IS_CASE (target), FALSE);
  g_return_val_if_fail (ll_case_get_id (target) > 0, FALSE);

  if (!ll_case_workflow_can_merge_into (kase, target, &reason))
    return set_invalid (error, reason);

  return run_transition (db, &data, error);
}

/**
 * ll_case_workflow_set_look_back:
 * @db: a #LlDatabase
 * @kase: a closed case, at the version the user saw
 * @look_back: whether the case is selected for a look back (回头看)
 * @error: return location for a #GError
 *
 * Selects a closed case for a look back, or takes it out. Versioned and
 * kept in the history like the transitions; setting the flag it already
 * has writes nothing.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_case_workflow_set_look_back (LlDatabase  *db,
                                LlCase      *kase,
                                gboolean     look_back,
                                GError     **error)
{
  Transition data = { LL_CASE_ACTION_LOOK_BACK, kase };

  CHECK_CASE (db, kase);

  data.look_back = !!look_back;

  return run_transition (db, &data, error);
}

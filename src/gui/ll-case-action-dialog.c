/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-action-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ll-case-action-dialog.h"
#include "ll-case-store.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-department-store.h"
#include "ll-enums.h"
#include "ll-search.h"
#include "ll-validate.h"

/* One small dialog per workflow step of a case: Assign…, Record Reply…,
 * Close…, Reopen… and Merge into Common Issue…. It checks what is typed
 * as it is typed (the confirm button stays insensitive and a line says
 * what is missing), Enter confirms when it is valid, Escape cancels with
 * nothing changed. A transition the store refuses keeps the dialog open
 * with the store's reason and everything typed; when a colleague changed
 * the case meanwhile, the dialog reloads it and says so. */

/* The usual time a department gets to reply, unless the office set its
 * own in the database setting of that name. */
#define DEFAULT_DEADLINE_DAYS 15
#define DEADLINE_DAYS_SETTING "case-deadline-days"

/* How many cases the merge picker lists. */
#define MAX_MERGE_TARGETS 200

/* The department list's last entry: a department typed in. */
#define NEW_DEPARTMENT_ID (-1)

struct _LlCaseActionDialog
{
  AdwWindow           parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkButton          *confirm_button;
  GtkLabel           *explanation_label;
  GtkWidget          *error_box;
  GtkLabel           *error_label;
  GtkWidget          *assign_group;
  AdwComboRow        *mode_row;
  GtkWidget          *department_row;
  GtkDropDown        *department_dropdown;
  AdwEntryRow        *new_department_row;
  AdwEntryRow        *deadline_row;
  GtkWidget          *reply_group;
  GtkTextView        *reply_view;
  AdwEntryRow        *replied_row;
  GtkWidget          *close_group;
  AdwComboRow        *satisfaction_row;
  GtkTextView        *follow_up_view;
  AdwEntryRow        *closed_row;
  GtkWidget          *reopen_group;
  AdwEntryRow        *reopen_deadline_row;
  GtkWidget          *merge_group;
  GtkSearchEntry     *merge_search;
  GtkLabel           *merge_hint;
  GtkListView        *merge_list;
  GtkLabel           *hint_label;

  /* Owned */
  LlDatabase         *db;
  LlCase             *kase;
  GListStore         *departments;    /* LlChoice */
  GListStore         *merge_targets;  /* LlCase */
  GtkSingleSelection *merge_selection;

  LlCaseAction        action;
  gboolean            valid;
};

enum {
  DONE,
  CASE_RELOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlCaseActionDialog, ll_case_action_dialog, ADW_TYPE_WINDOW)

/* Helpers ----------------------------------------------------------------- */

static char *
text_view_get_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

static char *
entry_text (AdwEntryRow *row)
{
  return g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
}

/* @date plus @days, or NULL when @date is not a date. */
static char *
date_add_days (const char *date,
               int         days)
{
  g_autoptr(GDate) day = NULL;
  char text[16];
  int y, m, d;

  if (!ll_date_is_valid (date) || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;

  day = g_date_new_dmy (d, m, y);
  g_date_add_days (day, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", day);
  return g_strdup (text);
}

static const char *
later_date (const char *a,
            const char *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  return g_strcmp0 (a, b) >= 0 ? a : b;
}

static int
deadline_days (LlCaseActionDialog *self)
{
  g_autofree char *setting = ll_database_get_setting (self->db, DEADLINE_DAYS_SETTING, NULL);
  gint64 days = setting != NULL ? g_ascii_strtoll (setting, NULL, 10) : 0;

  return days > 0 && days < 3650 ? (int) days : DEFAULT_DEADLINE_DAYS;
}

static void
set_row_error (GtkWidget *row,
               gboolean   error)
{
  if (error)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

static void
show_error (LlCaseActionDialog *self,
            const char         *message)
{
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

/* Calendar popovers beside the date rows. */
static void
calendar_day_selected_cb (GtkCalendar *calendar,
                          AdwEntryRow *row)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_editable_set_text (GTK_EDITABLE (row), text);
  gtk_popover_popdown (GTK_POPOVER (gtk_widget_get_ancestor (GTK_WIDGET (calendar),
                                                             GTK_TYPE_POPOVER)));
}

static void
calendar_popover_show_cb (GtkPopover  *popover,
                          AdwEntryRow *row)
{
  GtkCalendar *calendar = GTK_CALENDAR (gtk_popover_get_child (popover));
  const char *text = gtk_editable_get_text (GTK_EDITABLE (row));
  int y, m, d;

  if (ll_date_is_valid (text) && sscanf (text, "%d-%d-%d", &y, &m, &d) == 3)
    {
      g_autoptr(GDateTime) date = g_date_time_new_local (y, m, d, 0, 0, 0);

      g_signal_handlers_block_by_func (calendar, calendar_day_selected_cb, row);
      gtk_calendar_select_day (calendar, date);
      g_signal_handlers_unblock_by_func (calendar, calendar_day_selected_cb, row);
    }
}

static void
add_calendar (AdwEntryRow *row)
{
  GtkWidget *button = gtk_menu_button_new ();
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *calendar = gtk_calendar_new ();

  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Choose a Date"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Choose a Date"), -1);
  gtk_popover_set_child (GTK_POPOVER (popover), calendar);
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), popover);
  g_signal_connect (calendar, "day-selected", G_CALLBACK (calendar_day_selected_cb), row);
  g_signal_connect (popover, "show", G_CALLBACK (calendar_popover_show_cb), row);
  adw_entry_row_add_suffix (row, button);
}

static GListModel *
enum_labels (LlEnum enumeration)
{
  GtkStringList *labels = gtk_string_list_new (NULL);

  for (guint i = 0; i < ll_enum_get_n_values (enumeration); i++)
    gtk_string_list_append (labels, ll_enum_get_label_at (enumeration, i));

  return G_LIST_MODEL (labels);
}

static const char *
selected_key (AdwComboRow *row,
              LlEnum       enumeration)
{
  guint selected = adw_combo_row_get_selected (row);

  if (selected == GTK_INVALID_LIST_POSITION || selected >= ll_enum_get_n_values (enumeration))
    return NULL;

  return ll_enum_get_key (enumeration, selected);
}

static gint64
selected_department (LlCaseActionDialog *self)
{
  g_autoptr(LlChoice) choice = NULL;
  guint selected = gtk_drop_down_get_selected (self->department_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION)
    return 0;

  choice = g_list_model_get_item (G_LIST_MODEL (self->departments), selected);
  return choice != NULL ? ll_choice_get_id (choice) : 0;
}

static LlCase *
selected_target (LlCaseActionDialog *self)
{
  return gtk_single_selection_get_selected_item (self->merge_selection);
}

/* Validation -------------------------------------------------------------- */

/* Checks a date row: empty is allowed when @optional; otherwise a date
 * not before @not_before (whose name is @not_before_label). */
static gboolean
check_date (AdwEntryRow  *row,
            gboolean      optional,
            const char   *field,
            const char   *not_before,
            const char   *not_before_label,
            char        **hint)
{
  g_autofree char *text = entry_text (row);

  if (*text == '\0')
    {
      set_row_error (GTK_WIDGET (row), FALSE);
      if (optional)
        return TRUE;
      /* Translators: %s is a field such as “Deadline” */
      *hint = g_strdup_printf (_("Enter the %s."), field);
      return FALSE;
    }

  if (!ll_date_is_valid (text))
    {
      set_row_error (GTK_WIDGET (row), TRUE);
      /* Translators: %s is a field such as “Deadline” */
      *hint = g_strdup_printf (_("%s: write the date as year-month-day, for example 2025-03-01."),
                               field);
      return FALSE;
    }

  if (not_before != NULL && g_strcmp0 (text, not_before) < 0)
    {
      set_row_error (GTK_WIDGET (row), TRUE);
      /* Translators: “Deadline: not before Received (2025-03-05).” */
      *hint = g_strdup_printf (_("%s: not before %s (%s)."), field, not_before_label, not_before);
      return FALSE;
    }

  set_row_error (GTK_WIDGET (row), FALSE);
  return TRUE;
}

static gboolean
validate_assign (LlCaseActionDialog  *self,
                 char               **hint)
{
  g_autofree char *today = ll_date_today ();
  const char *mode = selected_key (self->mode_row, LL_ENUM_HANDLING_MODE);
  gint64 department = selected_department (self);
  gboolean on_the_spot = g_strcmp0 (mode, "on_the_spot") == 0;
  const char *earliest = later_date (ll_case_get_received_on (self->kase), today);

  gtk_widget_set_visible (GTK_WIDGET (self->new_department_row), department == NEW_DEPARTMENT_ID);

  if (mode == NULL)
    {
      *hint = g_strdup (_("Choose how the case is handled."));
      return FALSE;
    }

  if (department == NEW_DEPARTMENT_ID)
    {
      g_autofree char *name = entry_text (self->new_department_row);

      if (*name == '\0')
        {
          *hint = g_strdup (_("Type the name of the new department."));
          return FALSE;
        }
    }
  else if (department == 0 && g_str_equal (mode, "department"))
    {
      *hint = g_strdup (_("Choose the department that handles the case."));
      return FALSE;
    }

  return check_date (self->deadline_row, on_the_spot, ll_case_get_field_label ("deadline"),
                     earliest, earliest == today ? _("today")
                                                 : ll_case_get_field_label ("received-on"),
                     hint);
}

static gboolean
validate (LlCaseActionDialog  *self,
          char               **hint)
{
  switch (self->action)
    {
    case LL_CASE_ACTION_ASSIGN:
      return validate_assign (self, hint);

    case LL_CASE_ACTION_REPLY:
      {
        g_autofree char *text = text_view_get_text (self->reply_view);
        const char *earliest = later_date (ll_case_get_received_on (self->kase),
                                           ll_case_get_assigned_on (self->kase));

        if (*text == '\0')
          {
            *hint = g_strdup (_("Write the reply the constituent was given."));
            return FALSE;
          }
        return check_date (self->replied_row, FALSE, ll_case_get_field_label ("replied-on"),
                           earliest, ll_case_get_field_label ("assigned-on"), hint);
      }

    case LL_CASE_ACTION_CLOSE:
      if (selected_key (self->satisfaction_row, LL_ENUM_SATISFACTION) == NULL)
        {
          *hint = g_strdup (_("Choose how satisfied the constituent was at the follow-up visit."));
          return FALSE;
        }
      return check_date (self->closed_row, FALSE, ll_case_get_field_label ("closed-on"),
                         ll_case_get_replied_on (self->kase),
                         ll_case_get_field_label ("replied-on"), hint);

    case LL_CASE_ACTION_REOPEN:
      {
        g_autofree char *today = ll_date_today ();

        return check_date (self->reopen_deadline_row, FALSE,
                           ll_case_get_field_label ("deadline"), today, _("today"), hint);
      }

    case LL_CASE_ACTION_MERGE:
      {
        LlCase *target = selected_target (self);

        if (target == NULL)
          {
            *hint = g_strdup (_("Choose the common issue, or the case that becomes one."));
            return FALSE;
          }
        return ll_case_workflow_can_merge_into (self->kase, target, hint);
      }

    case LL_CASE_ACTION_START:
    case LL_CASE_ACTION_LOOK_BACK:
    case LL_N_CASE_ACTIONS:
    default:
      return TRUE;
    }
}

static void
update_valid (LlCaseActionDialog *self)
{
  g_autofree char *hint = NULL;

  self->valid = validate (self, &hint) && ll_case_workflow_can (self->kase, self->action, NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), self->valid);
  gtk_label_set_text (self->hint_label, hint != NULL ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->hint_label), hint != NULL);
}

/* Merge targets ----------------------------------------------------------- */

/* With nothing typed: the open common issues, newest first. With a
 * search: the cases it finds that this case can be merged into. */
static void
load_merge_targets (LlCaseActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->merge_search));
  gint64 selected_id = 0;
  guint n = 0;

  if (selected_target (self) != NULL)
    selected_id = ll_case_get_id (selected_target (self));

  if (ll_search_query_is_blank (query))
    {
      LlCaseFilter filter = LL_CASE_FILTER_INIT;

      filter.common_only = TRUE;
      filter.open_only = TRUE;
      ids = ll_case_store_query_ids (self->db, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, &error);
      gtk_label_set_text (self->merge_hint,
                          _("Open common issues. Search to find a case that becomes a common "
                            "issue when this one is merged into it."));
    }
  else
    {
      ids = ll_search_ids (self->db, LL_SEARCH_SCOPE_CASES, query, MAX_MERGE_TARGETS, &error);
      gtk_label_set_text (self->merge_hint, _("Cases found that this case can be merged into."));
    }

  if (ids == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_array_set_size (ids, MIN (ids->len, MAX_MERGE_TARGETS));
  cases = ll_case_store_load_many (self->db, (const gint64 *) (gpointer) ids->data, ids->len,
                                   &error);
  if (cases == NULL)
    {
      show_error (self, error->message);
      return;
    }

  g_list_store_remove_all (self->merge_targets);
  for (guint i = 0; i < cases->len; i++)
    {
      LlCase *target = g_ptr_array_index (cases, i);

      if (ll_case_workflow_can_merge_into (self->kase, target, NULL))
        {
          g_list_store_append (self->merge_targets, target);
          if (ll_case_get_id (target) == selected_id)
            gtk_single_selection_set_selected (self->merge_selection, n);
          n++;
        }
    }

  if (n == 0)
    gtk_label_set_text (self->merge_hint,
                        ll_search_query_is_blank (query)
                        ? _("There is no open common issue yet. Search for the case that "
                            "becomes one.")
                        : _("No case found that this case can be merged into."));
}

/* Setting up -------------------------------------------------------------- */

static void
load_departments (LlCaseActionDialog *self)
{
  g_autoptr(GPtrArray) departments = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlChoice) new_one = NULL;

  g_list_store_remove_all (self->departments);

  departments = ll_department_store_list (self->db, FALSE, &error);
  if (departments == NULL)
    {
      show_error (self, error->message);
      return;
    }

  for (guint i = 0; i < departments->len; i++)
    {
      LlDepartment *department = g_ptr_array_index (departments, i);
      g_autoptr(LlChoice) choice = ll_choice_new (ll_department_get_id (department), NULL,
                                                  ll_department_get_name (department));

      g_list_store_append (self->departments, choice);
    }

  new_one = ll_choice_new (NEW_DEPARTMENT_ID, NULL, _("New Department…"));
  g_list_store_append (self->departments, new_one);
}

static void
set_up_assign (LlCaseActionDialog *self)
{
  g_autoptr(GListModel) modes = enum_labels (LL_ENUM_HANDLING_MODE);
  g_autofree char *today = ll_date_today ();
  g_autofree char *deadline = NULL;
  int mode = ll_enum_find (LL_ENUM_HANDLING_MODE, "department");

  load_departments (self);
  gtk_drop_down_set_model (self->department_dropdown, G_LIST_MODEL (self->departments));
  gtk_drop_down_set_selected (self->department_dropdown, GTK_INVALID_LIST_POSITION);

  adw_combo_row_set_model (self->mode_row, modes);
  adw_combo_row_set_selected (self->mode_row, MAX (mode, 0));

  deadline = date_add_days (later_date (ll_case_get_received_on (self->kase), today),
                            deadline_days (self));
  gtk_editable_set_text (GTK_EDITABLE (self->deadline_row), deadline != NULL ? deadline : "");
  add_calendar (self->deadline_row);

  gtk_widget_set_visible (self->assign_group, TRUE);
}

static void
set_up (LlCaseActionDialog *self)
{
  g_autofree char *today = ll_date_today ();
  g_autofree char *subtitle = NULL;
  const char *title = NULL;
  const char *confirm = NULL;
  const char *explanation = NULL;

  /* Translators: a case's serial number, then its title */
  subtitle = g_strdup_printf (_("%s %s"), ll_case_get_serial (self->kase),
                              ll_case_get_title (self->kase));
  adw_window_title_set_subtitle (self->window_title, subtitle);

  switch (self->action)
    {
    case LL_CASE_ACTION_ASSIGN:
      title = _("Assign Case");
      confirm = _("_Assign");
      explanation = _("Hand the case to whoever must act on it, and set the day their reply "
                      "is due. A case answered on the spot needs no deadline.");
      set_up_assign (self);
      break;

    case LL_CASE_ACTION_REPLY:
      title = _("Record Reply");
      confirm = _("_Record Reply");
      explanation = _("Record the answer the constituent was given. The case is then waiting "
                      "for the follow-up visit.");
      gtk_editable_set_text (GTK_EDITABLE (self->replied_row), today);
      add_calendar (self->replied_row);
      gtk_widget_set_visible (self->reply_group, TRUE);
      break;

    case LL_CASE_ACTION_CLOSE:
      {
        g_autoptr(GListModel) levels = enum_labels (LL_ENUM_SATISFACTION);

        title = _("Close Case");
        confirm = _("_Close Case");
        explanation = _("Record the follow-up visit: how satisfied the constituent is with the "
                        "handling. A dissatisfied constituent’s case can be reopened later.");
        adw_combo_row_set_model (self->satisfaction_row, levels);
        adw_combo_row_set_selected (self->satisfaction_row, GTK_INVALID_LIST_POSITION);
        gtk_editable_set_text (GTK_EDITABLE (self->closed_row),
                               later_date (today, ll_case_get_replied_on (self->kase)));
        add_calendar (self->closed_row);
        gtk_widget_set_visible (self->close_group, TRUE);
      }
      break;

    case LL_CASE_ACTION_REOPEN:
      {
        g_autofree char *deadline = ll_case_workflow_default_reopen_deadline (self->kase);

        title = _("Reopen Case");
        confirm = _("Re_open");
        explanation = _("The constituent was dissatisfied: hand the case back to the same "
                        "department with a new deadline. The earlier reply is kept.");
        gtk_editable_set_text (GTK_EDITABLE (self->reopen_deadline_row), deadline);
        add_calendar (self->reopen_deadline_row);
        gtk_widget_set_visible (self->reopen_group, TRUE);
      }
      break;

    case LL_CASE_ACTION_MERGE:
      title = _("Merge into Common Issue");
      confirm = _("_Merge");
      explanation = _("Several constituents raised the same problem: merge this case into the "
                      "common issue that collects them, to be handled together.");
      load_merge_targets (self);
      gtk_widget_set_visible (self->merge_group, TRUE);
      break;

    case LL_CASE_ACTION_START:
    case LL_CASE_ACTION_LOOK_BACK:
    case LL_N_CASE_ACTIONS:
    default:
      title = ll_case_action_get_label (self->action);
      confirm = _("_OK");
      break;
    }

  gtk_window_set_title (GTK_WINDOW (self), title);
  adw_window_title_set_title (self->window_title, title);
  gtk_button_set_label (self->confirm_button, confirm);
  gtk_label_set_text (self->explanation_label, explanation != NULL ? explanation : "");
  update_valid (self);
}

/* Running the transition -------------------------------------------------- */

typedef struct
{
  LlCase     *kase;
  const char *department_name;
  const char *mode;
  const char *deadline;
} AssignNew;

/* A department typed in is created in the same transaction as the
 * assignment: if the assignment is refused, no stray department stays. */
static gboolean
assign_new_department_func (LlDatabase  *db,
                            gpointer     user_data,
                            GError     **error)
{
  AssignNew *data = user_data;
  g_autoptr(LlDepartment) department = NULL;
  g_autoptr(GError) local_error = NULL;

  department = ll_department_store_find_by_name (db, data->department_name, &local_error);
  if (department == NULL)
    {
      if (!g_error_matches (local_error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      department = ll_department_new ();
      ll_department_set_name (department, data->department_name);
      if (!ll_department_store_create (db, department, error))
        return FALSE;
    }

  return ll_case_workflow_assign (db, data->kase, data->mode, ll_department_get_id (department),
                                  data->deadline, NULL, error);
}

static gboolean
run (LlCaseActionDialog  *self,
     LlCase              *kase,
     GError             **error)
{
  switch (self->action)
    {
    case LL_CASE_ACTION_ASSIGN:
      {
        g_autofree char *deadline = entry_text (self->deadline_row);
        const char *mode = selected_key (self->mode_row, LL_ENUM_HANDLING_MODE);
        gint64 department = selected_department (self);

        if (department == NEW_DEPARTMENT_ID)
          {
            g_autofree char *name = entry_text (self->new_department_row);
            AssignNew data = { kase, name, mode, *deadline != '\0' ? deadline : NULL };

            return ll_database_write (self->db, assign_new_department_func, &data, error);
          }

        return ll_case_workflow_assign (self->db, kase, mode, department,
                                        *deadline != '\0' ? deadline : NULL, NULL, error);
      }

    case LL_CASE_ACTION_REPLY:
      {
        g_autofree char *text = text_view_get_text (self->reply_view);
        g_autofree char *date = entry_text (self->replied_row);

        return ll_case_workflow_reply (self->db, kase, text, date, error);
      }

    case LL_CASE_ACTION_CLOSE:
      {
        g_autofree char *note = text_view_get_text (self->follow_up_view);
        g_autofree char *date = entry_text (self->closed_row);

        return ll_case_workflow_close (self->db, kase,
                                       selected_key (self->satisfaction_row, LL_ENUM_SATISFACTION),
                                       *note != '\0' ? note : NULL, date, error);
      }

    case LL_CASE_ACTION_REOPEN:
      {
        g_autofree char *deadline = entry_text (self->reopen_deadline_row);

        return ll_case_workflow_reopen (self->db, kase, deadline, error);
      }

    case LL_CASE_ACTION_MERGE:
      {
        g_autoptr(LlCase) target = ll_case_dup (selected_target (self));

        return ll_case_workflow_merge (self->db, kase, target, error);
      }

    case LL_CASE_ACTION_START:
      return ll_case_workflow_start (self->db, kase, error);

    case LL_CASE_ACTION_LOOK_BACK:
      return ll_case_workflow_set_look_back (self->db, kase, !ll_case_get_look_back (kase), error);

    case LL_N_CASE_ACTIONS:
    default:
      g_return_val_if_reached (FALSE);
    }
}

/* A colleague changed the case: show it as it is now, keep what was
 * typed, and say what happened. */
static void
reload_after_conflict (LlCaseActionDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) newer = ll_case_store_get (self->db, ll_case_get_id (self->kase), &error);
  g_autofree char *reason = NULL;

  if (newer == NULL)
    {
      show_error (self, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->confirm_button), FALSE);
      return;
    }

  g_set_object (&self->kase, newer);
  g_signal_emit (self, signals[CASE_RELOADED], 0, self->kase);

  if (!ll_case_workflow_can (self->kase, self->action, &reason))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why the step is no longer possible */
      message = g_strdup_printf (_("Someone else changed this case while this dialog was open. "
                                   "%s"), reason);
      show_error (self, message);
      update_valid (self);
      return;
    }

  show_error (self, _("Someone else changed this case while this dialog was open; it has been "
                      "reloaded. Check what you entered and confirm again."));
  update_valid (self);
}

/* Callbacks ---------------------------------------------------------------- */

static void
something_changed_cb (LlCaseActionDialog *self)
{
  update_valid (self);
}

static void
confirm_clicked_cb (LlCaseActionDialog *self)
{
  ll_case_action_dialog_confirm (self);
}

static void
merge_search_changed_cb (LlCaseActionDialog *self)
{
  load_merge_targets (self);
  update_valid (self);
}

static void
merge_list_activate_cb (LlCaseActionDialog *self,
                        guint               position)
{
  gtk_single_selection_set_selected (self->merge_selection, position);
  ll_case_action_dialog_confirm (self);
}

static void
merge_selection_changed_cb (LlCaseActionDialog *self)
{
  update_valid (self);
}

static char *
common_tooltip_cb (gpointer unused)
{
  return g_strdup (_("Common issue"));
}

static void
confirm_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ll_case_action_dialog_confirm (LL_CASE_ACTION_DIALOG (widget));
}

/* GObject ------------------------------------------------------------------ */

static void
ll_case_action_dialog_dispose (GObject *object)
{
  LlCaseActionDialog *self = LL_CASE_ACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_CASE_ACTION_DIALOG);
  g_clear_object (&self->merge_selection);
  g_clear_object (&self->merge_targets);
  g_clear_object (&self->departments);
  g_clear_object (&self->kase);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ll_case_action_dialog_parent_class)->dispose (object);
}

static void
ll_case_action_dialog_class_init (LlCaseActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_case_action_dialog_dispose;

  /**
   * LlCaseActionDialog::done:
   * @kase: the case as stored after the step
   *
   * The step was taken; the dialog closes.
   */
  signals[DONE] = g_signal_new ("done", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                0, NULL, NULL, NULL, G_TYPE_NONE, 1, LL_TYPE_CASE);

  /**
   * LlCaseActionDialog::case-reloaded:
   * @kase: the case as a colleague left it
   *
   * Someone else had changed the case; the dialog shows it as it is now.
   */
  signals[CASE_RELOADED] = g_signal_new ("case-reloaded", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 1, LL_TYPE_CASE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-case-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, confirm_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, explanation_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, error_box);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, assign_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, mode_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, department_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, department_dropdown);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, new_department_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, reply_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, reply_view);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, replied_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, close_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, follow_up_view);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, closed_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, reopen_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, reopen_deadline_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, merge_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, merge_search);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, merge_hint);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, merge_list);
  gtk_widget_class_bind_template_child (widget_class, LlCaseActionDialog, hint_label);
  gtk_widget_class_bind_template_callback (widget_class, something_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, merge_list_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, common_tooltip_cb);

  gtk_widget_class_install_action (widget_class, "dialog.confirm", NULL, confirm_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "dialog.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "dialog.confirm", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_case_action_dialog_init (LlCaseActionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->departments = g_list_store_new (LL_TYPE_CHOICE);
  self->merge_targets = g_list_store_new (LL_TYPE_CASE);
  self->merge_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->merge_targets)));
  gtk_single_selection_set_autoselect (self->merge_selection, FALSE);
  gtk_single_selection_set_can_unselect (self->merge_selection, TRUE);
  gtk_single_selection_set_selected (self->merge_selection, GTK_INVALID_LIST_POSITION);
  gtk_list_view_set_model (self->merge_list, GTK_SELECTION_MODEL (self->merge_selection));
  g_signal_connect_object (self->merge_selection, "notify::selected",
                           G_CALLBACK (merge_selection_changed_cb), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (gtk_text_view_get_buffer (self->reply_view), "changed",
                           G_CALLBACK (something_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->confirm_button));
}

/* Public API ---------------------------------------------------------------- */

/**
 * ll_case_action_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @db: the database
 * @kase: the case as the user sees it (the dialog works on a copy)
 * @action: the step to take
 *
 * Returns: (transfer none): the dialog, not yet shown
 */
LlCaseActionDialog *
ll_case_action_dialog_new (GtkWindow    *parent,
                           LlDatabase   *db,
                           LlCase       *kase,
                           LlCaseAction  action)
{
  LlCaseActionDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (LL_IS_CASE (kase), NULL);
  g_return_val_if_fail (action < LL_N_CASE_ACTIONS, NULL);

  self = g_object_new (LL_TYPE_CASE_ACTION_DIALOG,
                       "transient-for", parent,
                       NULL);
  self->db = g_object_ref (db);
  self->kase = ll_case_dup (kase);
  self->action = action;
  set_up (self);

  return self;
}

LlCaseAction
ll_case_action_dialog_get_action (LlCaseActionDialog *self)
{
  g_return_val_if_fail (LL_IS_CASE_ACTION_DIALOG (self), LL_N_CASE_ACTIONS);

  return self->action;
}

/**
 * ll_case_action_dialog_get_case:
 *
 * Returns: (transfer none): the case as the dialog knows it
 */
LlCase *
ll_case_action_dialog_get_case (LlCaseActionDialog *self)
{
  g_return_val_if_fail (LL_IS_CASE_ACTION_DIALOG (self), NULL);

  return self->kase;
}

/**
 * ll_case_action_dialog_confirm:
 *
 * Takes the step with what the dialog holds, as the confirm button
 * does. On success emits #LlCaseActionDialog::done and closes; else the
 * dialog stays, says why, and keeps what was typed.
 *
 * Returns: whether the step was taken
 */
gboolean
ll_case_action_dialog_confirm (LlCaseActionDialog *self)
{
  g_autoptr(LlCase) kase = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LL_IS_CASE_ACTION_DIALOG (self), FALSE);

  update_valid (self);
  if (!self->valid)
    return FALSE;

  /* On a copy: a transaction that fails late leaves the dialog's case
   * as it was. */
  kase = ll_case_dup (self->kase);
  if (!run (self, kase, &error))
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT))
        reload_after_conflict (self);
      else
        show_error (self, error->message);
      return FALSE;
    }

  g_set_object (&self->kase, kase);
  show_error (self, NULL);
  g_signal_emit (self, signals[DONE], 0, self->kase);
  gtk_window_close (GTK_WINDOW (self));

  return TRUE;
}

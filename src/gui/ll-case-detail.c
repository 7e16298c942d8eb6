/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-detail"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "ll-attachment-list.h"
#include "ll-case-action-dialog.h"
#include "ll-case-detail.h"
#include "ll-case-history.h"
#include "ll-case-store.h"
#include "ll-case-workflow.h"
#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-person-store.h"
#include "ll-search.h"
#include "ll-station-store.h"
#include "ll-validate.h"

/* The detail pane of the Cases page: every field of one case. The
 * fields staff may correct are edited in an LlRecordForm (Save, Revert,
 * the conflict dialog); the handling fields change only through the
 * workflow buttons, which offer the legal next steps; then the
 * receiving deputies, the attachments and the history.
 *
 * Two copies of the case are kept: the form's (what the user started
 * editing) and self->kase, the case as last read from the database,
 * which the header, the handling rows and the workflow show. When a
 * colleague changes the case, self->kase follows at once while the
 * form keeps any unsaved edits and says the record changed. */

#define MAX_DEPUTY_RESULTS 50

struct _LlCaseDetail
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkWidget           *box;
  GtkLabel            *serial_label;
  GtkLabel            *status_badge;
  GtkWidget           *overdue_box;
  GtkLabel            *overdue_label;
  GtkWidget           *revert_button;
  GtkWidget           *save_button;
  GtkLabel            *title_label;
  GtkFlowBox          *workflow_box;
  GtkWidget           *assign_button;
  GtkWidget           *start_button;
  GtkWidget           *reply_button;
  GtkWidget           *close_button;
  GtkWidget           *reopen_button;
  GtkWidget           *merge_button;
  GtkToggleButton     *look_back_button;
  GtkScrolledWindow   *scrolled_window;
  AdwActionRow        *status_row;
  AdwActionRow        *mode_row;
  AdwActionRow        *department_row;
  AdwActionRow        *assigned_row;
  AdwActionRow        *deadline_row;
  AdwActionRow        *reply_row;
  AdwActionRow        *replied_row;
  AdwActionRow        *satisfaction_row;
  AdwActionRow        *follow_up_row;
  AdwActionRow        *closed_row;
  AdwActionRow        *look_back_row;
  GtkWidget           *links_group;
  AdwActionRow        *merged_row;
  AdwActionRow        *common_row;
  GtkWidget           *form_box;
  AdwPreferencesGroup *deputies_group;
  GtkMenuButton       *add_deputy_button;
  GtkPopover          *deputy_popover;
  GtkSearchEntry      *deputy_search;
  GtkListView         *deputy_list;
  GtkWidget           *no_deputies_row;
  LlAttachmentList    *attachments;
  LlCaseHistory       *history;

  /* Owned */
  LlRecordForm        *form;
  LlDatabase          *db;
  LlCase              *kase;
  GListStore          *stations;        /* LlChoice */
  GListStore          *deputy_results;  /* LlChoice */
  GPtrArray           *deputies;        /* LlCaseDeputy */
  GPtrArray           *deputy_rows;     /* GtkWidget, borrowed */
  GtkWidget           *personal_row;
  GtkWidget           *reveal_button;
  GPtrArray           *personal_rows;   /* GtkWidget, borrowed */

  gulong               changed_handler;
  gint64               merged_into_id;
  gboolean             editable;
  gboolean             revealed;
  gboolean             updating;
  gboolean             stations_stale;
};

enum {
  PROP_0,
  PROP_CASE_ID,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SHOW_MERGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlCaseDetail, ll_case_detail, GTK_TYPE_WIDGET)

/* The fields staff may correct; the handling fields change through the
 * workflow only, the receiving deputies in their own group. */
static const LlFieldSpec case_fields[] = {
  { "title", N_("Title"), LL_FIELD_TEXT, 0, TRUE, N_("Case") },
  { "body", N_("Full text"), LL_FIELD_LONG_TEXT },
  { "received-on", N_("Received"), LL_FIELD_DATE, 0, TRUE },
  { "source", N_("Source"), LL_FIELD_ENUM, LL_ENUM_CASE_SOURCE, TRUE },
  { "station-id", N_("Station"), LL_FIELD_CHOICE, 0, TRUE },
  { "category", N_("Category"), LL_FIELD_ENUM, LL_ENUM_CASE_CATEGORY, TRUE },
  { "fast-track", N_("Fast track"), LL_FIELD_BOOLEAN },
  { "constituent-name", N_("Name"), LL_FIELD_TEXT, 0, FALSE, N_("Constituent"),
    N_("Personal data, hidden until you show it") },
  { "constituent-phone", N_("Phone"), LL_FIELD_PHONE },
  { "constituent-address", N_("Address"), LL_FIELD_TEXT },
};

static const char * const personal_fields[] = {
  "constituent-name", "constituent-phone", "constituent-address",
};

/* Helpers ------------------------------------------------------------------ */

static gboolean
save_case (LlDatabase  *db,
           GObject     *record,
           GError     **error)
{
  if (ll_record_get_id (record) == 0)
    return ll_case_store_create (db, LL_CASE (record), NULL, 0, error);
  return ll_case_store_update (db, LL_CASE (record), error);
}

static GObject *
load_case (LlDatabase  *db,
           gint64       id,
           GError     **error)
{
  return G_OBJECT (ll_case_store_get (db, id, error));
}

static void
show_toast (LlCaseDetail *self,
            const char   *message)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  AdwToast *toast;

  if (overlay == NULL)
    return;

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* Days from @from to @to. */
static int
days_between (const char *from,
              const char *to)
{
  g_autoptr(GDate) a = NULL;
  g_autoptr(GDate) b = NULL;
  int y, m, d;

  if (!ll_date_is_valid (from) || !ll_date_is_valid (to))
    return 0;

  sscanf (from, "%d-%d-%d", &y, &m, &d);
  a = g_date_new_dmy (d, m, y);
  sscanf (to, "%d-%d-%d", &y, &m, &d);
  b = g_date_new_dmy (d, m, y);

  return g_date_days_between (a, b);
}

static char *
mask_name (const char *name)
{
  GString *masked;
  glong n;

  if (name == NULL || *name == '\0')
    return NULL;

  n = g_utf8_strlen (name, -1);
  masked = g_string_new_len (name, g_utf8_next_char (name) - name);
  for (glong i = 1; i < MAX (n, 2); i++)
    g_string_append_c (masked, '*');

  return g_string_free (masked, FALSE);
}

static char *
mask_address (const char *address)
{
  glong n;

  if (address == NULL || *address == '\0')
    return NULL;

  /* The district and street say where, not who. */
  n = g_utf8_strlen (address, -1);
  if (n <= 4)
    return g_strdup ("****");

  return g_strconcat (g_utf8_substring (address, 0, MIN (n / 2, 6)), "****", NULL);
}

static void
set_value_row (AdwActionRow *row,
               const char   *property,
               const char   *value)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ll_case_get_field_label (property));
  adw_action_row_set_subtitle (row, value != NULL ? value : "");
  gtk_widget_set_visible (GTK_WIDGET (row), value != NULL && *value != '\0');
}

/* The header, handling and workflow ------------------------------------------ */

static void
update_status_badge (LlCaseDetail *self)
{
  static const char * const classes[] = {
    "status-registered", "status-assigned", "status-in_progress", "status-replied",
    "status-closed",
  };
  const char *status = ll_case_get_status (self->kase);
  g_autofree char *class = g_strconcat ("status-", status != NULL ? status : "", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_badge), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_badge), class);
  gtk_label_set_text (self->status_badge, ll_enum_get_label (LL_ENUM_CASE_STATUS, status));
}

static void
update_overdue (LlCaseDetail *self)
{
  g_autofree char *today = ll_date_today ();
  gboolean overdue = ll_case_is_overdue_on (self->kase, today);

  gtk_widget_set_visible (self->overdue_box, overdue);
  if (overdue)
    {
      int days = days_between (ll_case_get_deadline (self->kase), today);
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Overdue by %d day",
                                           "Overdue by %d days", days), days);
      gtk_label_set_text (self->overdue_label, text);
    }
}

static void
update_handling (LlCaseDetail *self)
{
  LlCase *kase = self->kase;
  g_autofree char *deadline = NULL;
  const char *department = ll_case_get_department_name (kase);

  set_value_row (self->status_row, "status",
                 ll_enum_get_label (LL_ENUM_CASE_STATUS, ll_case_get_status (kase)));
  set_value_row (self->mode_row, "handling-mode",
                 ll_enum_get_label (LL_ENUM_HANDLING_MODE, ll_case_get_handling_mode (kase)));
  set_value_row (self->department_row, "department-id", department);
  set_value_row (self->assigned_row, "assigned-on", ll_case_get_assigned_on (kase));

  if (ll_case_get_overdue (kase))
    /* Translators: a deadline, then “Overdue by 3 days” */
    deadline = g_strdup_printf (_("%s — %s"), ll_case_get_deadline (kase),
                                gtk_label_get_text (self->overdue_label));
  else
    deadline = g_strdup (ll_case_get_deadline (kase));
  set_value_row (self->deadline_row, "deadline", deadline);

  set_value_row (self->reply_row, "reply-text", ll_case_get_reply_text (kase));
  set_value_row (self->replied_row, "replied-on", ll_case_get_replied_on (kase));
  set_value_row (self->satisfaction_row, "satisfaction",
                 ll_enum_get_label (LL_ENUM_SATISFACTION, ll_case_get_satisfaction (kase)));
  set_value_row (self->follow_up_row, "follow-up-note", ll_case_get_follow_up_note (kase));
  set_value_row (self->closed_row, "closed-on", ll_case_get_closed_on (kase));
  set_value_row (self->look_back_row, "look-back",
                 ll_case_get_look_back (kase) ? _("Selected for a look back") : NULL);
}

static void
update_links (LlCaseDetail *self)
{
  gint64 merged_into = ll_case_get_merged_into_id (self->kase);
  gboolean show_merged = FALSE;
  gboolean show_common = FALSE;

  self->merged_into_id = merged_into;

  if (merged_into != 0)
    {
      g_autoptr(LlCase) target = ll_case_store_get (self->db, merged_into, NULL);

      if (target != NULL)
        {
          g_autofree char *title = NULL;

          /* Translators: a case's serial number, then its title */
          title = g_strdup_printf (_("%s %s"), ll_case_get_serial (target),
                                   ll_case_get_title (target));
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->merged_row),
                                         ll_case_get_field_label ("merged-into-id"));
          adw_action_row_set_subtitle (self->merged_row, title);
          show_merged = TRUE;
        }
    }

  if (ll_case_get_is_common (self->kase))
    {
      LlCaseFilter filter = LL_CASE_FILTER_INIT;
      gint64 n;
      g_autofree char *subtitle = NULL;

      filter.merged_into_id = ll_case_get_id (self->kase);
      n = ll_case_store_count (self->db, &filter, NULL);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->common_row),
                                     ll_case_get_field_label ("is-common"));
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%lld case merged into it; show it in the list",
                                               "%lld cases merged into it; show them in the list",
                                               MAX (n, 0)),
                                  (long long) MAX (n, 0));
      adw_action_row_set_subtitle (self->common_row, subtitle);
      show_common = TRUE;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->merged_row), show_merged);
  gtk_widget_set_visible (GTK_WIDGET (self->common_row), show_common);
  gtk_widget_set_visible (self->links_group, show_merged || show_common);
}

static GtkWidget *
button_for_action (LlCaseDetail *self,
                   LlCaseAction  action)
{
  switch (action)
    {
    case LL_CASE_ACTION_ASSIGN: return self->assign_button;
    case LL_CASE_ACTION_START: return self->start_button;
    case LL_CASE_ACTION_REPLY: return self->reply_button;
    case LL_CASE_ACTION_CLOSE: return self->close_button;
    case LL_CASE_ACTION_REOPEN: return self->reopen_button;
    case LL_CASE_ACTION_MERGE: return self->merge_button;
    case LL_CASE_ACTION_LOOK_BACK: return GTK_WIDGET (self->look_back_button);
    case LL_N_CASE_ACTIONS:
    default: return NULL;
    }
}

/* A flow box puts each button in a child of its own: hide that too. */
static void
set_button_shown (GtkWidget *button,
                  gboolean   shown)
{
  GtkWidget *parent = gtk_widget_get_parent (button);

  gtk_widget_set_visible (button, shown);
  if (GTK_IS_FLOW_BOX_CHILD (parent))
    gtk_widget_set_visible (parent, shown);
}

static void
update_workflow (LlCaseDetail *self)
{
  for (LlCaseAction action = 0; action < LL_N_CASE_ACTIONS; action++)
    {
      GtkWidget *button = button_for_action (self, action);
      g_autofree char *reason = NULL;
      gboolean legal = ll_case_workflow_can (self->kase, action, &reason);

      set_button_shown (button, legal);
      gtk_widget_set_sensitive (button, legal && self->editable);
    }

  self->updating = TRUE;
  gtk_toggle_button_set_active (self->look_back_button, ll_case_get_look_back (self->kase));
  self->updating = FALSE;
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->look_back_button),
                               ll_case_get_look_back (self->kase)
                               ? _("Take the case out of the look back")
                               : _("Select the closed case for a look back"));
}

static void
update_actions (LlCaseDetail *self)
{
  gboolean dirty = self->form != NULL && ll_record_form_get_dirty (self->form);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.save",
                                 self->kase != NULL && self->editable && dirty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.revert", self->kase != NULL && dirty);
}

static void
update_header (LlCaseDetail *self)
{
  gtk_label_set_text (self->serial_label, ll_case_get_serial (self->kase));
  gtk_label_set_text (self->title_label, ll_case_get_title (self->kase));
  update_status_badge (self);
  update_overdue (self);
  update_handling (self);
  update_links (self);
  update_workflow (self);
  update_actions (self);
}

/* Personal data ------------------------------------------------------------- */

static void
update_personal (LlCaseDetail *self)
{
  GObject *record = self->form != NULL ? ll_record_form_get_record (self->form) : NULL;
  g_autofree char *name = NULL;
  g_autofree char *phone = NULL;
  g_autofree char *address = NULL;
  g_autoptr(GString) subtitle = g_string_new (NULL);

  for (guint i = 0; i < self->personal_rows->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->personal_rows, i), self->revealed);
  gtk_widget_set_visible (self->personal_row, !self->revealed);

  gtk_button_set_label (GTK_BUTTON (self->reveal_button),
                        self->revealed ? _("_Hide") : _("_Show"));
  gtk_widget_set_tooltip_text (self->reveal_button,
                               self->revealed ? _("Hide the constituent’s personal data")
                                              : _("Show the constituent’s personal data"));

  if (record == NULL)
    return;

  name = mask_name (ll_case_get_constituent_name (LL_CASE (record)));
  phone = ll_case_get_constituent_phone (LL_CASE (record)) != NULL
          ? ll_phone_mask (ll_case_get_constituent_phone (LL_CASE (record))) : NULL;
  address = mask_address (ll_case_get_constituent_address (LL_CASE (record)));

  if (phone != NULL)
    g_string_append (subtitle, phone);
  if (address != NULL)
    g_string_append_printf (subtitle, "%s%s", subtitle->len > 0 ? " · " : "", address);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->personal_row),
                                 name != NULL ? name : _("No constituent recorded"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (self->personal_row), subtitle->str);
}

static void
reveal_clicked_cb (LlCaseDetail *self)
{
  ll_case_detail_set_personal_revealed (self, !self->revealed);
}

/* Stations for the form ---------------------------------------------------- */

static void
load_stations (LlCaseDetail *self)
{
  g_autoptr(GPtrArray) stations = NULL;
  g_autoptr(GError) error = NULL;

  if (!self->stations_stale || self->db == NULL)
    return;

  stations = ll_station_store_list (self->db, 0, NULL, TRUE, &error);
  if (stations == NULL)
    {
      g_warning ("Cannot list the stations: %s", error->message);
      return;
    }

  g_list_store_remove_all (self->stations);
  for (guint i = 0; i < stations->len; i++)
    {
      LlStation *station = g_ptr_array_index (stations, i);
      g_autoptr(LlChoice) choice = ll_choice_new (ll_station_get_id (station), NULL,
                                                  ll_station_get_name (station));

      g_list_store_append (self->stations, choice);
    }

  self->stations_stale = FALSE;
  ll_record_form_set_choices (self->form, "station-id", G_LIST_MODEL (self->stations));
}

/* Receiving deputies ------------------------------------------------------- */

static void
remove_deputy_clicked_cb (GtkButton    *button,
                          LlCaseDetail *self);

static void
load_deputies (LlCaseDetail *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *deputies;

  for (guint i = 0; i < self->deputy_rows->len; i++)
    adw_preferences_group_remove (self->deputies_group, g_ptr_array_index (self->deputy_rows, i));
  g_ptr_array_set_size (self->deputy_rows, 0);
  g_clear_pointer (&self->deputies, g_ptr_array_unref);

  deputies = ll_case_store_list_deputies (self->db, ll_case_get_id (self->kase), &error);
  if (deputies == NULL)
    {
      g_warning ("Cannot list the deputies of a case: %s", error->message);
      deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_case_deputy_free);
    }
  self->deputies = deputies;

  for (guint i = 0; i < deputies->len; i++)
    {
      LlCaseDeputy *deputy = g_ptr_array_index (deputies, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
      g_autofree char *label = NULL;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), deputy->name);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      if (i == 0 && deputies->len > 1)
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("Lead deputy"));

      /* Translators: %s is a deputy's name */
      label = g_strdup_printf (_("Remove %s from the receiving deputies"), deputy->name);
      gtk_widget_set_tooltip_text (remove, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      label, -1);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_sensitive (remove, self->editable);
      g_object_set_data_full (G_OBJECT (remove), "ll-person-id",
                              g_memdup2 (&deputy->person_id, sizeof (gint64)), g_free);
      g_signal_connect (remove, "clicked", G_CALLBACK (remove_deputy_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->deputies_group, row);
      g_ptr_array_add (self->deputy_rows, row);
    }

  gtk_widget_set_visible (self->no_deputies_row, deputies->len == 0);
}

/* The case object whose version a save of the deputies goes against:
 * the form's own when it is up to date, so that its unsaved edits can
 * still be saved afterwards without meeting themselves as a conflict. */
static LlCase *
case_for_write (LlCaseDetail *self,
                gboolean     *is_form_record)
{
  GObject *record = ll_record_form_get_record (self->form);

  if (record != NULL && ll_record_get_version (record) == ll_case_get_version (self->kase))
    {
      *is_form_record = TRUE;
      return g_object_ref (LL_CASE (record));
    }

  *is_form_record = FALSE;
  return ll_case_dup (self->kase);
}

static void
set_deputies (LlCaseDetail *self,
              GArray       *ids)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlCase) kase = NULL;
  gboolean is_form_record = FALSE;

  kase = case_for_write (self, &is_form_record);
  if (!ll_case_store_set_deputies (self->db, kase, (const gint64 *) (gpointer) ids->data,
                                   ids->len, &error))
    {
      show_toast (self, error->message);
      ll_case_detail_reload (self);
      return;
    }

  g_clear_object (&self->kase);
  self->kase = ll_case_dup (kase);
  if (!is_form_record && !ll_record_form_get_dirty (self->form))
    {
      g_autoptr(LlCase) copy = ll_case_dup (kase);
      ll_record_form_set_record (self->form, G_OBJECT (copy));
    }

  load_deputies (self);
  update_header (self);
}

static void
remove_deputy_clicked_cb (GtkButton    *button,
                          LlCaseDetail *self)
{
  gint64 *person_id = g_object_get_data (G_OBJECT (button), "ll-person-id");
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < self->deputies->len; i++)
    {
      LlCaseDeputy *deputy = g_ptr_array_index (self->deputies, i);

      if (deputy->person_id != *person_id)
        g_array_append_val (ids, deputy->person_id);
    }

  set_deputies (self, ids);
}

static void
search_deputies (LlCaseDetail *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->deputy_search));
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;

  if (self->db == NULL || self->kase == NULL)
    return;

  if (ll_search_query_is_blank (query))
    {
      /* The deputies of the case's station come first to mind. */
      LlPersonFilter filter = { 0, };

      filter.role = "deputy";
      filter.station_id = ll_case_get_station_id (self->kase);
      filter.include_sub_stations = TRUE;
      people = ll_person_store_list (self->db, &filter, LL_PERSON_SORT_NAME, FALSE, &error);
    }
  else
    {
      g_autoptr(GArray) ids = ll_search_ids (self->db, LL_SEARCH_SCOPE_PEOPLE, query,
                                             4 * MAX_DEPUTY_RESULTS, &error);

      if (ids != NULL)
        people = ll_person_store_load_many (self->db, (const gint64 *) (gpointer) ids->data,
                                            ids->len, &error);
    }

  g_list_store_remove_all (self->deputy_results);
  if (people == NULL)
    {
      g_warning ("Cannot search deputies: %s", error->message);
      return;
    }

  for (guint i = 0, n = 0; i < people->len && n < MAX_DEPUTY_RESULTS; i++)
    {
      LlPerson *person = g_ptr_array_index (people, i);
      g_autoptr(LlChoice) choice = NULL;
      g_autofree char *label = NULL;
      gboolean already = FALSE;

      if (g_strcmp0 (ll_person_get_role (person), "deputy") != 0 ||
          !ll_person_get_active (person))
        continue;

      for (guint j = 0; j < self->deputies->len; j++)
        already |= ((LlCaseDeputy *) g_ptr_array_index (self->deputies, j))->person_id ==
                   ll_person_get_id (person);
      if (already)
        continue;

      if (ll_person_get_unit (person) != NULL && *ll_person_get_unit (person) != '\0')
        /* Translators: a deputy's name, then the deputy's work unit */
        label = g_strdup_printf (_("%s · %s"), ll_person_get_name (person),
                                 ll_person_get_unit (person));
      else
        label = g_strdup (ll_person_get_name (person));

      choice = ll_choice_new (ll_person_get_id (person), NULL, label);
      g_list_store_append (self->deputy_results, choice);
      n++;
    }
}

static void
deputy_popover_show_cb (LlCaseDetail *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->deputy_search), "");
  search_deputies (self);
}

static void
deputy_search_changed_cb (LlCaseDetail *self)
{
  search_deputies (self);
}

static void
deputy_list_activate_cb (LlCaseDetail *self,
                         guint         position)
{
  g_autoptr(LlChoice) choice = g_list_model_get_item (G_LIST_MODEL (self->deputy_results),
                                                      position);

  if (choice == NULL)
    return;

  gtk_popover_popdown (self->deputy_popover);
  ll_case_detail_add_deputy (self, ll_choice_get_id (choice));
}

static void
deputy_search_activate_cb (LlCaseDetail *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->deputy_results)) > 0)
    deputy_list_activate_cb (self, 0);
}

/* Loading -------------------------------------------------------------------- */

static void
load_history (LlCaseDetail *self)
{
  g_autoptr(GPtrArray) events = NULL;
  g_autoptr(GError) error = NULL;

  events = ll_case_store_list_events (self->db, ll_case_get_id (self->kase), &error);
  if (events == NULL)
    g_warning ("Cannot read the history of a case: %s", error->message);
  ll_case_history_set_events (self->history, events);
}

/* Shows @stored, the case as it is in the database now, keeping the
 * form's unsaved edits. */
static void
apply_stored (LlCaseDetail *self,
              LlCase       *stored)
{
  g_autoptr(LlCase) copy = ll_case_dup (stored);

  g_set_object (&self->kase, stored);
  load_stations (self);
  ll_record_form_update_record (self->form, G_OBJECT (copy));
  update_header (self);
  update_personal (self);
}

static void
clear (LlCaseDetail *self)
{
  g_clear_object (&self->kase);
  ll_attachment_list_set_case_id (self->attachments, 0);
  ll_case_history_set_events (self->history, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

/* Callbacks -------------------------------------------------------------------- */

static void
form_dirty_cb (LlCaseDetail *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
form_saved_cb (LlCaseDetail *self,
               GObject      *record)
{
  g_clear_object (&self->kase);
  self->kase = ll_case_dup (LL_CASE (record));
  update_header (self);
  update_personal (self);
  load_history (self);
}

static void
action_done_cb (LlCaseDetail       *self,
                LlCase             *stored,
                LlCaseActionDialog *dialog)
{
  GObject *record = ll_record_form_get_record (self->form);

  if (self->kase == NULL || ll_case_get_id (stored) != ll_case_get_id (self->kase))
    return;

  /* The form's own copy moves on with the step, unless a colleague's
   * change is already waiting in it. */
  if (record != NULL && ll_record_get_version (record) == ll_case_get_version (self->kase))
    {
      if (ll_record_form_get_dirty (self->form))
        ll_case_update_from (LL_CASE (record), stored);
      else
        {
          g_autoptr(LlCase) copy = ll_case_dup (stored);
          ll_record_form_set_record (self->form, G_OBJECT (copy));
        }
    }

  g_clear_object (&self->kase);
  self->kase = ll_case_dup (stored);
  update_header (self);
  update_personal (self);
  load_history (self);
  ll_attachment_list_reload (self->attachments);
}

static void
action_case_reloaded_cb (LlCaseDetail       *self,
                         LlCase             *stored,
                         LlCaseActionDialog *dialog)
{
  if (self->kase != NULL && ll_case_get_id (stored) == ll_case_get_id (self->kase))
    ll_case_detail_reload (self);
}

static void
workflow_clicked_cb (LlCaseDetail *self,
                     GtkButton    *button)
{
  for (LlCaseAction action = 0; action < LL_N_CASE_ACTIONS; action++)
    if (button_for_action (self, action) == GTK_WIDGET (button))
      {
        ll_case_detail_run_action (self, action);
        return;
      }
}

static void
look_back_toggled_cb (LlCaseDetail    *self,
                      GtkToggleButton *button)
{
  if (self->updating || self->kase == NULL)
    return;

  if (gtk_toggle_button_get_active (button) != ll_case_get_look_back (self->kase))
    ll_case_detail_run_action (self, LL_CASE_ACTION_LOOK_BACK);
}

static void
merged_row_activated_cb (LlCaseDetail *self)
{
  if (self->merged_into_id != 0)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-case", "x", self->merged_into_id);
}

static void
common_row_activated_cb (LlCaseDetail *self)
{
  if (self->kase != NULL)
    g_signal_emit (self, signals[SHOW_MERGED], 0, ll_case_get_id (self->kase));
}

static gboolean
changes_touch_case (GPtrArray *changes,
                    gint64     case_id)
{
  if (changes == NULL)
    return TRUE;

  for (guint i = 0; i < changes->len; i++)
    {
      const LlChange *change = g_ptr_array_index (changes, i);

      if ((g_str_equal (change->table, "cases") && change->row_id == case_id) ||
          g_str_equal (change->table, "case_events") ||
          g_str_equal (change->table, "case_deputies") ||
          g_str_equal (change->table, "attachments") ||
          g_str_equal (change->table, "departments"))
        return TRUE;
    }

  return FALSE;
}

static void
database_changed_cb (LlCaseDetail *self,
                     GPtrArray    *changes,
                     LlDatabase   *db)
{
  if (changes == NULL)
    self->stations_stale = TRUE;
  else
    for (guint i = 0; i < changes->len; i++)
      if (g_str_equal (((LlChange *) g_ptr_array_index (changes, i))->table, "stations"))
        self->stations_stale = TRUE;

  if (self->kase != NULL && (self->stations_stale ||
                             changes_touch_case (changes, ll_case_get_id (self->kase))))
    ll_case_detail_reload (self);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ll_case_detail_save (LL_CASE_DETAIL (widget));
}

static void
revert_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ll_case_detail_revert (LL_CASE_DETAIL (widget));
}

/* GObject ------------------------------------------------------------------------ */

static void
ll_case_detail_dispose (GObject *object)
{
  LlCaseDetail *self = LL_CASE_DETAIL (object);

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_CASE_DETAIL);
  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->kase);
  g_clear_object (&self->db);
  g_clear_object (&self->stations);
  g_clear_object (&self->deputy_results);
  g_clear_pointer (&self->deputies, g_ptr_array_unref);
  g_clear_pointer (&self->deputy_rows, g_ptr_array_unref);
  g_clear_pointer (&self->personal_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_case_detail_parent_class)->dispose (object);
}

static void
ll_case_detail_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  LlCaseDetail *self = LL_CASE_DETAIL (object);

  switch (prop_id)
    {
    case PROP_CASE_ID:
      g_value_set_int64 (value, ll_case_detail_get_case_id (self));
      break;

    case PROP_DIRTY:
      g_value_set_boolean (value, ll_case_detail_get_dirty (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_detail_class_init (LlCaseDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_case_detail_dispose;
  object_class->get_property = ll_case_detail_get_property;

  /**
   * LlCaseDetail:case-id:
   *
   * The case shown, 0 for none.
   */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseDetail:dirty:
   *
   * Whether the case has edits that are not saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlCaseDetail::show-merged:
   * @common_id: a common issue
   *
   * The user asked to list the cases merged into @common_id.
   */
  signals[SHOW_MERGED] = g_signal_new ("show-merged", G_TYPE_FROM_CLASS (klass),
                                       G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                       G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (LL_TYPE_ATTACHMENT_LIST);
  g_type_ensure (LL_TYPE_CASE_HISTORY);
  g_type_ensure (LL_TYPE_CHOICE);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-case-detail");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-case-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, box);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, serial_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, status_badge);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, overdue_box);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, overdue_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, revert_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, save_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, workflow_box);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, assign_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, start_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, reply_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, close_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, reopen_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, merge_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, look_back_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, status_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, mode_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, department_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, assigned_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, deadline_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, reply_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, replied_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, satisfaction_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, follow_up_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, closed_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, look_back_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, links_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, merged_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, common_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, form_box);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, deputies_group);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, add_deputy_button);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, deputy_popover);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, deputy_search);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, deputy_list);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, no_deputies_row);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, attachments);
  gtk_widget_class_bind_template_child (widget_class, LlCaseDetail, history);
  gtk_widget_class_bind_template_callback (widget_class, workflow_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, look_back_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, merged_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, common_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_popover_show_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, deputy_list_activate_cb);

  gtk_widget_class_install_action (widget_class, "case.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "case.revert", NULL, revert_action);
}

static void
ll_case_detail_init (LlCaseDetail *self)
{
  GtkWidget *group;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->stations_stale = TRUE;
  self->stations = g_list_store_new (LL_TYPE_CHOICE);
  self->deputy_results = g_list_store_new (LL_TYPE_CHOICE);
  self->deputy_rows = g_ptr_array_new ();
  self->personal_rows = g_ptr_array_new ();
  self->deputies = g_ptr_array_new_with_free_func ((GDestroyNotify) ll_case_deputy_free);

  gtk_list_view_set_model (self->deputy_list,
                           GTK_SELECTION_MODEL (gtk_single_selection_new (
                             g_object_ref (G_LIST_MODEL (self->deputy_results)))));

  self->form = ll_record_form_new (case_fields, G_N_ELEMENTS (case_fields));
  gtk_widget_set_name (GTK_WIDGET (self->form), "case-form");
  gtk_box_append (GTK_BOX (self->form_box), GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "notify::dirty", G_CALLBACK (form_dirty_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self,
                           G_CONNECT_SWAPPED);

  /* The constituent's personal data stays masked until asked for. */
  for (guint i = 0; i < G_N_ELEMENTS (personal_fields); i++)
    g_ptr_array_add (self->personal_rows, ll_record_form_get_row (self->form, personal_fields[i]));

  group = gtk_widget_get_ancestor (g_ptr_array_index (self->personal_rows, 0),
                                   ADW_TYPE_PREFERENCES_GROUP);
  self->personal_row = adw_action_row_new ();
  gtk_widget_set_name (self->personal_row, "constituent-masked");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->personal_row), FALSE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->personal_row);

  self->reveal_button = gtk_button_new_with_mnemonic (_("_Show"));
  gtk_widget_set_name (self->reveal_button, "reveal-personal");
  gtk_widget_set_valign (self->reveal_button, GTK_ALIGN_CENTER);
  g_signal_connect_object (self->reveal_button, "clicked", G_CALLBACK (reveal_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), self->reveal_button);
  update_personal (self);

  update_actions (self);
}

/* Public API ------------------------------------------------------------------------ */

GtkWidget *
ll_case_detail_new (void)
{
  return g_object_new (LL_TYPE_CASE_DETAIL, NULL);
}

void
ll_case_detail_set_database (LlCaseDetail *self,
                             LlDatabase   *db)
{
  g_return_if_fail (LL_IS_CASE_DETAIL (self));
  g_return_if_fail (db == NULL || LL_IS_DATABASE (db));

  if (self->db == db)
    return;

  if (self->db != NULL)
    g_clear_signal_handler (&self->changed_handler, self->db);

  g_set_object (&self->db, db);
  self->stations_stale = TRUE;
  ll_record_form_set_store (self->form, db, save_case, load_case);
  ll_attachment_list_set_database (self->attachments, db);
  clear (self);

  if (db != NULL)
    self->changed_handler = g_signal_connect_object (db, "changed",
                                                     G_CALLBACK (database_changed_cb), self,
                                                     G_CONNECT_SWAPPED);
}

/**
 * ll_case_detail_set_editable:
 *
 * Whether the database may be changed. When it may not (read-only or
 * damaged), everything stays visible and every edit control and
 * workflow button is insensitive.
 */
void
ll_case_detail_set_editable (LlCaseDetail *self,
                             gboolean      editable)
{
  g_return_if_fail (LL_IS_CASE_DETAIL (self));

  self->editable = !!editable;
  ll_record_form_set_editable (self->form, self->editable);
  ll_attachment_list_set_editable (self->attachments, self->editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_deputy_button), self->editable);
  if (self->kase != NULL)
    {
      load_deputies (self);
      update_workflow (self);
    }
  update_actions (self);
}

gboolean
ll_case_detail_get_editable (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), FALSE);

  return self->editable;
}

/**
 * ll_case_detail_show_case:
 * @case_id: the case to show, 0 for none
 *
 * Shows the case as it is in the database; unsaved edits of the case
 * shown before are dropped (the page asks first).
 *
 * Returns: whether the case exists
 */
gboolean
ll_case_detail_show_case (LlCaseDetail *self,
                          gint64        case_id)
{
  g_autoptr(LlCase) kase = NULL;
  g_autoptr(LlCase) copy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), FALSE);

  if (self->db == NULL || case_id == 0)
    {
      clear (self);
      return FALSE;
    }

  kase = ll_case_store_get (self->db, case_id, &error);
  if (kase == NULL)
    {
      if (!g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        show_toast (self, error->message);
      clear (self);
      return FALSE;
    }

  g_set_object (&self->kase, kase);
  copy = ll_case_dup (kase);
  load_stations (self);
  ll_record_form_set_record (self->form, G_OBJECT (copy));
  self->revealed = FALSE;
  update_header (self);
  update_personal (self);
  load_deputies (self);
  load_history (self);
  ll_attachment_list_set_case_id (self->attachments, case_id);

  /* A new case starts at its top. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
  return TRUE;
}

gint64
ll_case_detail_get_case_id (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), 0);

  return self->kase != NULL ? ll_case_get_id (self->kase) : 0;
}

/**
 * ll_case_detail_get_case:
 *
 * Returns: (transfer none) (nullable): the case as last read from the
 *   database
 */
LlCase *
ll_case_detail_get_case (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), NULL);

  return self->kase;
}

/**
 * ll_case_detail_reload:
 *
 * Reads the case again after a change by anyone: the header, the
 * handling, the workflow, the deputies, the history and the attachments
 * follow; the form keeps unsaved edits (and says the record changed).
 */
void
ll_case_detail_reload (LlCaseDetail *self)
{
  g_autoptr(LlCase) stored = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_CASE_DETAIL (self));

  if (self->kase == NULL)
    return;

  stored = ll_case_store_get (self->db, ll_case_get_id (self->kase), &error);
  if (stored == NULL)
    {
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
        {
          show_toast (self, _("The case shown was deleted on another computer."));
          clear (self);
        }
      else
        g_warning ("Cannot reload a case: %s", error->message);
      return;
    }

  apply_stored (self, stored);
  load_deputies (self);
  load_history (self);
  ll_attachment_list_reload (self->attachments);
}

/**
 * ll_case_detail_save:
 *
 * Saves the form (Ctrl+S), with the conflict dialog and Retry of
 * ll_record_form_save().
 *
 * Returns: whether the case was saved at once
 */
gboolean
ll_case_detail_save (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), FALSE);

  if (self->kase == NULL || !self->editable || !ll_record_form_get_dirty (self->form))
    return FALSE;

  return ll_record_form_save (self->form);
}

void
ll_case_detail_revert (LlCaseDetail *self)
{
  g_return_if_fail (LL_IS_CASE_DETAIL (self));

  ll_record_form_revert (self->form);
  /* Reverting shows the case as it is now, not as it was first read. */
  if (self->kase != NULL)
    {
      g_autoptr(LlCase) copy = ll_case_dup (self->kase);
      ll_record_form_set_record (self->form, G_OBJECT (copy));
    }
  update_personal (self);
}

gboolean
ll_case_detail_get_dirty (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), FALSE);

  return ll_record_form_get_dirty (self->form);
}

/**
 * ll_case_detail_get_form:
 *
 * Returns: (transfer none): the form of the editable fields
 */
LlRecordForm *
ll_case_detail_get_form (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), NULL);

  return self->form;
}

/**
 * ll_case_detail_get_history:
 *
 * Returns: (transfer none): the history timeline
 */
LlCaseHistory *
ll_case_detail_get_history (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), NULL);

  return self->history;
}

/**
 * ll_case_detail_get_attachments:
 *
 * Returns: (transfer none): the attachment list
 */
LlAttachmentList *
ll_case_detail_get_attachments (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), NULL);

  return self->attachments;
}

/**
 * ll_case_detail_get_action_button:
 *
 * Returns: (transfer none): the workflow button of @action
 */
GtkWidget *
ll_case_detail_get_action_button (LlCaseDetail *self,
                                  LlCaseAction  action)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), NULL);

  return button_for_action (self, action);
}

/**
 * ll_case_detail_run_action:
 *
 * Takes the workflow step @action: Start Handling and Look Back at once,
 * the others through their dialog.
 */
void
ll_case_detail_run_action (LlCaseDetail *self,
                           LlCaseAction  action)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  LlCaseActionDialog *dialog;
  GtkRoot *root;

  g_return_if_fail (LL_IS_CASE_DETAIL (self));

  if (self->kase == NULL || !self->editable)
    return;

  if (!ll_case_workflow_can (self->kase, action, &reason))
    {
      show_toast (self, reason);
      update_workflow (self);
      return;
    }

  if (action == LL_CASE_ACTION_START || action == LL_CASE_ACTION_LOOK_BACK)
    {
      g_autoptr(LlCase) kase = ll_case_dup (self->kase);
      gboolean ok;

      if (action == LL_CASE_ACTION_START)
        ok = ll_case_workflow_start (self->db, kase, &error);
      else
        ok = ll_case_workflow_set_look_back (self->db, kase, !ll_case_get_look_back (kase),
                                             &error);
      if (!ok)
        {
          show_toast (self, error->message);
          ll_case_detail_reload (self);
          return;
        }

      action_done_cb (self, kase, NULL);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = ll_case_action_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                      self->db, self->kase, action);
  g_signal_connect_object (dialog, "done", G_CALLBACK (action_done_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "case-reloaded", G_CALLBACK (action_case_reloaded_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
ll_case_detail_set_personal_revealed (LlCaseDetail *self,
                                      gboolean      revealed)
{
  g_return_if_fail (LL_IS_CASE_DETAIL (self));

  self->revealed = !!revealed;
  update_personal (self);
}

gboolean
ll_case_detail_get_personal_revealed (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), FALSE);

  return self->revealed;
}

/**
 * ll_case_detail_add_deputy:
 * @person_id: a deputy who also received the case
 *
 * Adds @person_id to the case's receiving deputies, saving at once.
 */
void
ll_case_detail_add_deputy (LlCaseDetail *self,
                           gint64        person_id)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_if_fail (LL_IS_CASE_DETAIL (self));

  if (self->kase == NULL || !self->editable)
    return;

  for (guint i = 0; i < self->deputies->len; i++)
    g_array_append_val (ids, ((LlCaseDeputy *) g_ptr_array_index (self->deputies, i))->person_id);
  g_array_append_val (ids, person_id);

  set_deputies (self, ids);
}

guint
ll_case_detail_get_n_deputies (LlCaseDetail *self)
{
  g_return_val_if_fail (LL_IS_CASE_DETAIL (self), 0);

  return self->deputies->len;
}

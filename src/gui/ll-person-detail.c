/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-person-detail"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-activity-store.h"
#include "ll-case-store.h"
#include "ll-change.h"
#include "ll-choice.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-group-store.h"
#include "ll-membership-store.h"
#include "ll-pairing-dialog.h"
#include "ll-pairing-store.h"
#include "ll-person-assign-dialog.h"
#include "ll-person-detail.h"
#include "ll-person-store.h"
#include "ll-validate.h"

/* The right-hand pane of the People page: one person's file (一人一档).
 *
 * The form edits the person's own fields and saves them through the
 * record form's flow (conflicts, Retry). Below it, what names the
 * person: the stations they are stationed at, their pairings, the cases
 * they received and the activities they took part in — each re-read
 * when a change to its tables arrives, from this window or another
 * machine, without touching the form's unsaved edits.
 *
 * The phone number is personal data: it shows masked (138****5678)
 * until the user reveals it, for this person or, with the list's
 * “Show Phone Numbers”, for everyone; nothing of that is saved. */

/* The cases and activities listed in the pane; the rest are counted. */
#define MAX_LISTED 10

typedef struct
{
  LlPersonDetail *self;       /* weak: cleared in dispose */
  LlPairing      *pairing;
  gboolean        undone;
  gboolean        done;
} PendingPairing;

struct _LlPersonDetail
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkWidget           *back_button;
  GtkLabel            *title_label;
  GtkLabel            *archived_label;
  GtkLabel            *subtitle_label;
  GtkScrolledWindow   *scroller;
  AdwClamp            *clamp;
  GtkBox              *content;
  GtkBox              *records;
  AdwPreferencesGroup *memberships_group;
  AdwPreferencesGroup *pairings_group;
  AdwPreferencesGroup *cases_group;
  AdwPreferencesGroup *activities_group;
  GtkListBox          *memberships_list;
  GtkListBox          *pairings_list;
  GtkListBox          *cases_list;
  GtkListBox          *activities_list;

  /* Owned */
  LlRecordForm *form;
  GtkWidget    *phone_row;          /* the form's entry row */
  GtkWidget    *phone_masked_row;
  LlPerson     *stored;             /* the person as in the database */
  LlDatabase   *database;
  GListStore   *deputy_groups;      /* LlChoice, “None” first */
  GListStore   *specialty_groups;
  GPtrArray    *pending_pairings;   /* PendingPairing */
  GPtrArray    *memberships;        /* LlMembership shown */
  char         *shown[4];           /* what each list shows, to skip needless rebuilds */
  gboolean      editable;
  gboolean      reveal_phones;
  gboolean      phone_revealed;
  gboolean      adjusting_level;
};

enum {
  PROP_0,
  PROP_PERSON,
  PROP_DIRTY,
  N_PROPS
};

enum {
  SAVED,
  N_SIGNALS
};

enum {
  SHOWN_MEMBERSHIPS,
  SHOWN_PAIRINGS,
  SHOWN_CASES,
  SHOWN_ACTIVITIES,
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlPersonDetail, ll_person_detail, GTK_TYPE_WIDGET)

/* Every field of a person; level only for deputies (see update_level_row). */
static const LlFieldSpec person_fields[] = {
  { "name", N_("Name"), LL_FIELD_TEXT, 0, TRUE, N_("Person") },
  { "gender", N_("Gender"), LL_FIELD_ENUM, LL_ENUM_GENDER, FALSE },
  { "ethnicity", N_("Ethnicity"), LL_FIELD_TEXT },
  { "birth-date", N_("Birth date"), LL_FIELD_DATE },
  { "party", N_("Party"), LL_FIELD_TEXT },
  { "role", N_("Role"), LL_FIELD_ENUM, LL_ENUM_PERSON_ROLE, TRUE, N_("Role and Term") },
  { "level", N_("Deputy level"), LL_FIELD_ENUM, LL_ENUM_DEPUTY_LEVEL, FALSE },
  { "term", N_("Term"), LL_FIELD_TEXT },
  { "constituency", N_("Constituency"), LL_FIELD_TEXT },
  { "deputy-group-id", N_("Deputy group"), LL_FIELD_CHOICE },
  { "specialty-group-id", N_("Specialty group"), LL_FIELD_CHOICE },
  { "unit", N_("Work unit"), LL_FIELD_TEXT, 0, FALSE, N_("Work and Contact") },
  { "post", N_("Post"), LL_FIELD_TEXT },
  { "occupation", N_("Occupation"), LL_FIELD_TEXT },
  { "phone", N_("Phone"), LL_FIELD_PHONE },
  { "notes", N_("Notes"), LL_FIELD_LONG_TEXT },
};

static void reload_related (LlPersonDetail *self);

/* Helpers ------------------------------------------------------------------ */

static gboolean
save_person (LlDatabase  *db,
             GObject     *record,
             GError     **error)
{
  if (ll_record_get_id (record) == 0)
    return ll_person_store_create (db, LL_PERSON (record), error);
  return ll_person_store_update (db, LL_PERSON (record), error);
}

static GObject *
load_person (LlDatabase  *db,
             gint64       id,
             GError     **error)
{
  return G_OBJECT (ll_person_store_get (db, id, error));
}

static void
add_toast (LlPersonDetail *self,
           AdwToast       *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static GtkWindow *
parent_window (LlPersonDetail *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

/* A refused or failed change that had nothing typed to lose. */
static void
show_error (LlPersonDetail *self,
            const char     *heading,
            const GError   *error)
{
  GtkWidget *dialog = adw_message_dialog_new (parent_window (self), heading, error->message);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title ? title : "");
  if (subtitle != NULL && *subtitle != '\0')
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static GtkWidget *
placeholder (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "person-placeholder");
  return label;
}

/* Rebuilding a list drops the keyboard focus in it: only when what it
 * shows changed. Takes @signature. */
static gboolean
list_changed (LlPersonDetail *self,
              guint           which,
              char           *signature)
{
  if (g_strcmp0 (self->shown[which], signature) == 0)
    {
      g_free (signature);
      return FALSE;
    }

  g_free (self->shown[which]);
  self->shown[which] = signature;
  return TRUE;
}

static void
forget_shown (LlPersonDetail *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->shown); i++)
    g_clear_pointer (&self->shown[i], g_free);
}

static gboolean
is_saved_person (LlPersonDetail *self)
{
  return self->stored != NULL && ll_person_get_id (self->stored) > 0;
}

/* Into an entry row without selecting its text: typing adds to it. */
static void
focus_entry_row (GtkWidget *row)
{
  GtkEditable *delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));

  if (!gtk_widget_get_mapped (row))
    return;

  if (GTK_IS_TEXT (delegate))
    gtk_text_grab_focus_without_selecting (GTK_TEXT (delegate));
  else
    gtk_widget_grab_focus (row);
}

/* Header and actions ------------------------------------------------------- */

static void
update_actions (LlPersonDetail *self)
{
  gboolean can_station = self->editable && is_saved_person (self) &&
                         ll_person_get_active (self->stored);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.assign", can_station);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.add-pairing",
                                 self->editable && is_saved_person (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.edit-pairing",
                                 self->editable && is_saved_person (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.remove-pairing",
                                 self->editable && is_saved_person (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.end-membership", can_station);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "person.set-station-role", can_station);
}

static void
update_header (LlPersonDetail *self)
{
  g_autoptr(GString) subtitle = g_string_new (NULL);
  LlPerson *person = self->stored;

  if (person == NULL)
    return;

  if (ll_person_get_id (person) == 0)
    {
      gtk_label_set_text (self->title_label, _("New Person"));
      gtk_label_set_text (self->subtitle_label,
                          _("Fill in at least the name and the role, then save."));
      gtk_widget_set_visible (GTK_WIDGET (self->archived_label), FALSE);
      return;
    }

  gtk_label_set_text (self->title_label, ll_person_get_name (person));
  gtk_widget_set_visible (GTK_WIDGET (self->archived_label), !ll_person_get_active (person));

  g_string_append (subtitle, ll_enum_get_label (LL_ENUM_PERSON_ROLE, ll_person_get_role (person)));
  if (ll_person_get_level (person) != NULL)
    {
      /* Translators: separates the parts of a line like “Deputy · City · 东湖站” */
      g_string_append (subtitle, _(" · "));
      g_string_append (subtitle, ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL,
                                                    ll_person_get_level (person)));
    }
  g_string_append (subtitle, _(" · "));
  if (ll_person_get_station_name (person) != NULL)
    g_string_append (subtitle, ll_person_get_station_name (person));
  else
    g_string_append (subtitle, _("Not stationed"));

  gtk_label_set_text (self->subtitle_label, subtitle->str);
}

static void
set_stored (LlPersonDetail *self,
            LlPerson       *person)
{
  if (g_set_object (&self->stored, person))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON]);

  update_header (self);
  update_actions (self);
}

/* Deputy level only for deputies ------------------------------------------- */

static gboolean
form_role_is_deputy (LlPersonDetail *self)
{
  AdwComboRow *role = ADW_COMBO_ROW (ll_record_form_get_row (self->form, "role"));
  guint selected = adw_combo_row_get_selected (role);

  /* A required enumeration: the position is the key's. */
  return g_strcmp0 (ll_enum_get_key (LL_ENUM_PERSON_ROLE, selected), "deputy") == 0;
}

static void
update_level_row (LlPersonDetail *self)
{
  AdwComboRow *level = ADW_COMBO_ROW (ll_record_form_get_row (self->form, "level"));
  gboolean deputy = form_role_is_deputy (self);

  /* Only deputies have a level: another role clears it, or the save
   * would be refused. */
  if (!deputy && adw_combo_row_get_selected (level) != 0 && !self->adjusting_level)
    {
      self->adjusting_level = TRUE;
      adw_combo_row_set_selected (level, 0);
      self->adjusting_level = FALSE;
    }

  gtk_widget_set_sensitive (GTK_WIDGET (level), deputy && self->editable);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (level),
                               deputy ? NULL : _("Only deputies have a level"));
}

/* Phone number, masked until revealed -------------------------------------- */

static void
update_phone_rows (LlPersonDetail *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->phone_row));
  gboolean masked;

  masked = is_saved_person (self) && text[0] != '\0' &&
           !self->phone_revealed && !self->reveal_phones;

  if (masked)
    {
      g_autofree char *mask = ll_phone_mask (text);

      adw_action_row_set_subtitle (ADW_ACTION_ROW (self->phone_masked_row), mask);
    }

  gtk_widget_set_visible (self->phone_masked_row, masked);
  gtk_widget_set_visible (self->phone_row, !masked);
}

static void
reveal_phone_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);

  self->phone_revealed = TRUE;
  update_phone_rows (self);
  focus_entry_row (self->phone_row);
}

static void
conceal_phone_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);

  self->phone_revealed = FALSE;
  update_phone_rows (self);
  if (gtk_widget_get_visible (self->phone_masked_row))
    gtk_widget_grab_focus (self->phone_masked_row);
}

static void
setup_phone_rows (LlPersonDetail *self)
{
  GtkWidget *list;
  GtkWidget *button;

  self->phone_row = ll_record_form_get_row (self->form, "phone");
  list = gtk_widget_get_parent (self->phone_row);
  g_assert (GTK_IS_LIST_BOX (list));

  self->phone_masked_row = new_row (_("Phone"), NULL);
  gtk_widget_set_name (self->phone_masked_row, "phone-masked");
  gtk_widget_add_css_class (self->phone_masked_row, "property");
  button = gtk_button_new_from_icon_name ("view-reveal-symbolic");
  gtk_widget_set_name (button, "reveal-phone");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Show Phone Number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Show Phone Number"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.reveal-phone");
  adw_action_row_add_suffix (ADW_ACTION_ROW (self->phone_masked_row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (self->phone_masked_row), button);
  gtk_list_box_insert (GTK_LIST_BOX (list), self->phone_masked_row,
                       gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->phone_row)) + 1);

  button = gtk_button_new_from_icon_name ("view-conceal-symbolic");
  gtk_widget_set_name (button, "conceal-phone");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Hide Phone Number"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Hide Phone Number"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "person.conceal-phone");
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self->phone_row), button);
}

/* Group choices ------------------------------------------------------------ */

static void
fill_groups (LlPersonDetail *self,
             GListStore     *store,
             const char     *kind)
{
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (choices, ll_choice_new (0, NULL, _("None")));

  if (self->database != NULL)
    {
      groups = ll_group_store_list (self->database, kind, &error);
      if (groups == NULL)
        g_warning ("Cannot list the %s groups: %s", kind, error->message);
      for (guint i = 0; groups != NULL && i < groups->len; i++)
        {
          LlGroup *group = g_ptr_array_index (groups, i);

          g_ptr_array_add (choices, ll_choice_new (ll_group_get_id (group), NULL,
                                                   ll_group_get_name (group)));
        }
    }

  g_list_store_splice (store, 0, g_list_model_get_n_items (G_LIST_MODEL (store)),
                       choices->pdata, choices->len);
}

static void
reload_groups (LlPersonDetail *self)
{
  fill_groups (self, self->deputy_groups, "deputy");
  fill_groups (self, self->specialty_groups, "specialty");
  ll_record_form_set_choices (self->form, "deputy-group-id", G_LIST_MODEL (self->deputy_groups));
  ll_record_form_set_choices (self->form, "specialty-group-id",
                              G_LIST_MODEL (self->specialty_groups));
}

/* Memberships -------------------------------------------------------------- */

static GMenuModel *
membership_menu (LlMembership *membership)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) roles = g_menu_new ();
  g_autoptr(GMenu) end = g_menu_new ();
  const char *current = ll_membership_get_station_role (membership);
  gint64 id = ll_membership_get_id (membership);

  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_STATION_ROLE); i++)
    {
      const char *key = ll_enum_get_key (LL_ENUM_STATION_ROLE, i);
      g_autoptr(GMenuItem) item = NULL;
      g_autofree char *label = NULL;

      if (g_strcmp0 (key, current) == 0)
        continue;

      /* Translators: %s is a station role, e.g. “Station Head” */
      label = g_strdup_printf (_("Make %s"), ll_enum_get_label (LL_ENUM_STATION_ROLE, key));
      item = g_menu_item_new (label, NULL);
      g_menu_item_set_action_and_target_value (item, "person.set-station-role",
                                               g_variant_new ("(xs)", id, key));
      g_menu_append_item (roles, item);
    }

  {
    g_autoptr(GMenuItem) item = g_menu_item_new (_("_End Stationing Here…"), NULL);

    g_menu_item_set_action_and_target_value (item, "person.end-membership",
                                             g_variant_new_int64 (id));
    g_menu_append_item (end, item);
  }

  g_menu_append_section (menu, NULL, G_MENU_MODEL (roles));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (end));

  return G_MENU_MODEL (menu);
}

static char *
membership_subtitle (LlMembership *membership)
{
  const char *role = ll_enum_get_label (LL_ENUM_STATION_ROLE,
                                        ll_membership_get_station_role (membership));
  g_autofree char *dates = NULL;

  if (ll_membership_is_current (membership))
    {
      const char *from = ll_membership_get_from_date (membership);

      /* Translators: %s is a date, the first day at a station */
      dates = from != NULL ? g_strdup_printf (_("since %s"), from) : NULL;
      if (ll_membership_get_is_primary (membership))
        /* Translators: the station role, “Primary station”, the dates, e.g.
         * “Station Head · Primary station · since 2023-01-05” */
        return g_strdup_printf ("%s%s%s%s%s", role, _(" · "), _("Primary station"),
                                dates ? _(" · ") : "", dates ? dates : "");
    }
  else
    {
      /* Translators: a period at a station, e.g. “2021-01-05 to 2023-06-30” */
      dates = g_strdup_printf (_("%s to %s"),
                               ll_membership_get_from_date (membership)
                                 ? ll_membership_get_from_date (membership) : "…",
                               ll_membership_get_to_date (membership));
    }

  return g_strdup_printf ("%s%s%s", role, dates ? _(" · ") : "", dates ? dates : "");
}

static void
reload_memberships (LlPersonDetail *self)
{
  g_autoptr(GPtrArray) memberships = NULL;
  g_autoptr(GError) error = NULL;
  GString *signature = g_string_new (NULL);

  memberships = ll_membership_store_list_by_person (self->database,
                                                    ll_person_get_id (self->stored),
                                                    FALSE, &error);
  if (memberships == NULL)
    {
      g_warning ("Cannot list the stations of a person: %s", error->message);
      g_string_free (signature, TRUE);
      return;
    }

  g_string_append_printf (signature, "%d|", self->editable);
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *m = g_ptr_array_index (memberships, i);

      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ":%s;",
                              ll_membership_get_id (m), ll_membership_get_version (m),
                              ll_membership_get_station_name (m));
    }

  if (!list_changed (self, SHOWN_MEMBERSHIPS, g_string_free (signature, FALSE)))
    return;

  g_clear_pointer (&self->memberships, g_ptr_array_unref);
  self->memberships = g_ptr_array_ref (memberships);

  clear_list (self->memberships_list);
  for (guint i = 0; i < memberships->len; i++)
    {
      LlMembership *m = g_ptr_array_index (memberships, i);
      g_autofree char *subtitle = membership_subtitle (m);
      GtkWidget *row = new_row (ll_membership_get_station_name (m), subtitle);

      if (ll_membership_is_current (m))
        {
          GtkWidget *button = gtk_menu_button_new ();
          g_autoptr(GMenuModel) menu = membership_menu (m);
          g_autofree char *label = NULL;

          gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "view-more-symbolic");
          gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (button), menu);
          gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (button, "flat");
          gtk_widget_set_sensitive (button, self->editable && ll_person_get_active (self->stored));
          /* Translators: %s is a station's name */
          label = g_strdup_printf (_("Stationing at %s"), ll_membership_get_station_name (m));
          gtk_widget_set_tooltip_text (button, _("Change the role or end the stationing"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                          GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
        }
      else
        {
          gtk_widget_add_css_class (row, "dim-label");
        }

      gtk_list_box_append (self->memberships_list, row);
    }
}

static LlMembership *
find_membership (LlPersonDetail *self,
                 gint64          id)
{
  for (guint i = 0; self->memberships != NULL && i < self->memberships->len; i++)
    {
      LlMembership *m = g_ptr_array_index (self->memberships, i);

      if (ll_membership_get_id (m) == id)
        return m;
    }

  return NULL;
}

static void
set_station_role_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);
  g_autoptr(GError) error = NULL;
  LlMembership *membership;
  const char *role;
  gint64 id;

  g_variant_get (parameter, "(x&s)", &id, &role);
  membership = find_membership (self, id);
  if (membership == NULL)
    return;

  /* The list is read again after the change arrives. */
  if (!ll_membership_store_set_role (self->database, membership, role, &error))
    show_error (self, _("Could Not Change the Role"), error);
}

typedef struct
{
  LlPersonDetail *self;
  LlMembership   *membership;
} EndData;

static void
end_data_free (EndData *data)
{
  g_object_unref (data->self);
  g_object_unref (data->membership);
  g_free (data);
}

static void
end_response_cb (AdwMessageDialog *dialog,
                 const char       *response,
                 EndData          *data)
{
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "end") || data->self->database == NULL)
    return;

  if (!ll_membership_store_end (data->self->database, data->membership, NULL, &error))
    show_error (data->self, _("Could Not End the Stationing"), error);
}

static void
end_membership_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);
  LlMembership *membership = find_membership (self, g_variant_get_int64 (parameter));
  GtkWidget *dialog;
  EndData *data;

  if (membership == NULL)
    return;

  dialog = adw_message_dialog_new (parent_window (self), NULL, NULL);
  /* Translators: %s is a station's name */
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("End Stationing at %s?"),
                                     ll_membership_get_station_name (membership));
  /* Translators: %s is a person's name */
  adw_message_dialog_format_body (ADW_MESSAGE_DIALOG (dialog),
                                  _("%s stays in the station’s history, with today as the last "
                                    "day."), ll_person_get_name (self->stored));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "end", _("_End Stationing"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "end",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  data = g_new0 (EndData, 1);
  data->self = g_object_ref (self);
  data->membership = g_object_ref (membership);
  g_signal_connect_data (dialog, "response", G_CALLBACK (end_response_cb), data,
                         (GClosureNotify) end_data_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
assigned_cb (LlPersonDetail       *self,
             LlMembership         *membership,
             const char           *left_station,
             LlPersonAssignDialog *dialog)
{
  g_autofree char *message = NULL;

  if (left_station != NULL)
    /* Translators: a person's name, the station left, the station joined */
    message = g_markup_printf_escaped (_("%s moved from %s to %s"),
                                       ll_membership_get_person_name (membership), left_station,
                                       ll_membership_get_station_name (membership));
  else
    /* Translators: a person's name, then a station's */
    message = g_markup_printf_escaped (_("%s stationed at %s"),
                                       ll_membership_get_person_name (membership),
                                       ll_membership_get_station_name (membership));

  add_toast (self, adw_toast_new (message));
}

static void
assign_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);
  LlPersonAssignDialog *dialog;

  if (!is_saved_person (self))
    return;

  dialog = ll_person_assign_dialog_new (parent_window (self), self->database, self->stored);
  g_signal_connect_object (dialog, "assigned", G_CALLBACK (assigned_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Pairings ----------------------------------------------------------------- */

static gboolean
pairing_is_pending (LlPersonDetail *self,
                    gint64          id)
{
  for (guint i = 0; i < self->pending_pairings->len; i++)
    {
      PendingPairing *pending = g_ptr_array_index (self->pending_pairings, i);

      if (!pending->undone && ll_pairing_get_id (pending->pairing) == id)
        return TRUE;
    }

  return FALSE;
}

static char *
pairing_subtitle (LlPairing *pairing)
{
  g_autoptr(GString) text = g_string_new (ll_enum_get_label (LL_ENUM_PAIRING_KIND,
                                                             ll_pairing_get_kind (pairing)));

  if (ll_pairing_get_contact (pairing) != NULL)
    g_string_append_printf (text, "%s%s", _(" · "), ll_pairing_get_contact (pairing));
  if (ll_pairing_get_ended_on (pairing) != NULL)
    {
      g_string_append (text, _(" · "));
      /* Translators: %s is a date */
      g_string_append_printf (text, _("ended %s"), ll_pairing_get_ended_on (pairing));
    }
  else if (ll_pairing_get_since (pairing) != NULL)
    {
      g_string_append (text, _(" · "));
      g_string_append_printf (text, _("since %s"), ll_pairing_get_since (pairing));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
pairing_button (const char *icon,
                const char *name,
                const char *label,
                const char *action,
                gint64      id)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_int64 (id));

  return button;
}

static void
reload_pairings (LlPersonDetail *self)
{
  g_autoptr(GPtrArray) pairings = NULL;
  g_autoptr(GError) error = NULL;
  GString *signature = g_string_new (NULL);

  pairings = ll_pairing_store_list_by_person (self->database, ll_person_get_id (self->stored),
                                              TRUE, &error);
  if (pairings == NULL)
    {
      g_warning ("Cannot list the pairings of a person: %s", error->message);
      g_string_free (signature, TRUE);
      return;
    }

  for (guint i = 0; i < pairings->len; i++)
    {
      LlPairing *pairing = g_ptr_array_index (pairings, i);

      if (pairing_is_pending (self, ll_pairing_get_id (pairing)))
        continue;
      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";",
                              ll_pairing_get_id (pairing), ll_pairing_get_version (pairing));
    }

  if (!list_changed (self, SHOWN_PAIRINGS, g_string_free (signature, FALSE)))
    return;

  clear_list (self->pairings_list);
  for (guint i = 0; i < pairings->len; i++)
    {
      LlPairing *pairing = g_ptr_array_index (pairings, i);
      gint64 id = ll_pairing_get_id (pairing);
      g_autofree char *subtitle = NULL;
      g_autofree char *edit_label = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row;

      if (pairing_is_pending (self, id))
        continue;

      subtitle = pairing_subtitle (pairing);
      row = new_row (ll_pairing_get_name (pairing), subtitle);
      g_object_set_data_full (G_OBJECT (row), "ll-pairing", g_object_ref (pairing),
                              g_object_unref);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      if (ll_pairing_get_ended_on (pairing) != NULL)
        gtk_widget_add_css_class (row, "dim-label");

      /* Translators: %s is the name of a household, village, school … */
      edit_label = g_strdup_printf (_("Edit Pairing with %s"), ll_pairing_get_name (pairing));
      remove_label = g_strdup_printf (_("Remove Pairing with %s"), ll_pairing_get_name (pairing));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pairing_button ("document-edit-symbolic", "edit-pairing",
                                                 edit_label, "person.edit-pairing", id));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 pairing_button ("user-trash-symbolic", "remove-pairing",
                                                 remove_label, "person.remove-pairing", id));
      gtk_list_box_append (self->pairings_list, row);
    }
}

static LlPairing *
find_pairing (LlPersonDetail *self,
              gint64          id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pairings_list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LlPairing *pairing = g_object_get_data (G_OBJECT (child), "ll-pairing");

      if (pairing != NULL && ll_pairing_get_id (pairing) == id)
        return pairing;
    }

  return NULL;
}

static void
open_pairing_dialog (LlPersonDetail *self,
                     LlPairing      *pairing)
{
  LlPairingDialog *dialog = ll_pairing_dialog_new (parent_window (self), self->database,
                                                   pairing, ll_person_get_name (self->stored));

  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_pairing_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);
  g_autoptr(LlPairing) pairing = NULL;
  g_autofree char *today = ll_date_today ();

  if (!is_saved_person (self))
    return;

  pairing = ll_pairing_new ();
  ll_pairing_set_person_id (pairing, ll_person_get_id (self->stored));
  ll_pairing_set_kind (pairing, ll_enum_get_key (LL_ENUM_PAIRING_KIND, 0));
  ll_pairing_set_since (pairing, today);
  open_pairing_dialog (self, pairing);
}

static void
edit_pairing_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);
  LlPairing *pairing = find_pairing (self, g_variant_get_int64 (parameter));

  if (pairing != NULL)
    open_pairing_dialog (self, pairing);
}

static void
pairing_row_activated_cb (LlPersonDetail *self,
                          GtkListBoxRow  *row,
                          GtkListBox     *list)
{
  LlPairing *pairing = g_object_get_data (G_OBJECT (row), "ll-pairing");

  if (pairing != NULL && self->editable)
    open_pairing_dialog (self, pairing);
}

static void
pending_pairing_free (PendingPairing *pending)
{
  g_clear_object (&pending->pairing);
  g_free (pending);
}

/* The pairing is deleted only now, when its toast went away without Undo
 * (or the window closes): Undo never has to recreate it. */
static void
commit_pairing (PendingPairing *pending)
{
  LlPersonDetail *self = pending->self;
  g_autoptr(GError) error = NULL;

  if (pending->undone || pending->done || self == NULL)
    return;

  pending->done = TRUE;
  if (self->database != NULL &&
      !ll_pairing_store_delete (self->database, pending->pairing, &error))
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, e.g. that someone else changed it */
      message = g_markup_printf_escaped (_("The pairing was not removed: %s"), error->message);
      add_toast (self, adw_toast_new (message));
    }

  g_ptr_array_remove (self->pending_pairings, pending);
  if (self->stored != NULL)
    reload_pairings (self);
}

static void
pairing_toast_dismissed_cb (AdwToast       *toast,
                            PendingPairing *pending)
{
  commit_pairing (pending);
}

static void
pairing_toast_undo_cb (AdwToast       *toast,
                       PendingPairing *pending)
{
  LlPersonDetail *self = pending->self;

  if (pending->done || self == NULL)
    return;

  pending->undone = TRUE;
  g_ptr_array_remove (self->pending_pairings, pending);
  if (self->stored != NULL)
    reload_pairings (self);
}

static void
remove_pairing_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (widget);
  LlPairing *pairing = find_pairing (self, g_variant_get_int64 (parameter));
  g_autofree char *title = NULL;
  PendingPairing *pending;
  AdwToast *toast;

  if (pairing == NULL)
    return;

  pending = g_new0 (PendingPairing, 1);
  pending->self = self;
  pending->pairing = g_object_ref (pairing);
  /* The toast owns the pending removal; the list only points at it. */
  g_ptr_array_add (self->pending_pairings, pending);

  /* Translators: %s is the name of a household, village, school … */
  title = g_markup_printf_escaped (_("Pairing with %s removed"), ll_pairing_get_name (pairing));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (pairing_toast_undo_cb), pending);
  g_signal_connect_data (toast, "dismissed", G_CALLBACK (pairing_toast_dismissed_cb), pending,
                         (GClosureNotify) pending_pairing_free, 0);
  reload_pairings (self);
  add_toast (self, toast);
}

/* Cases and activities ----------------------------------------------------- */

static void
reload_cases (LlPersonDetail *self)
{
  LlCaseFilter filter = LL_CASE_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GError) error = NULL;
  GString *signature;
  guint n_listed;

  filter.person_id = ll_person_get_id (self->stored);
  ids = ll_case_store_query_ids (self->database, &filter, LL_CASE_SORT_RECEIVED_ON, TRUE, &error);
  if (ids != NULL)
    cases = ll_case_store_load_many (self->database, (const gint64 *) (gpointer) ids->data,
                                     MIN (ids->len, MAX_LISTED), &error);
  if (cases == NULL)
    {
      g_warning ("Cannot list the cases of a person: %s", error->message);
      return;
    }

  signature = g_string_new (NULL);
  g_string_append_printf (signature, "%u|", ids->len);
  for (guint i = 0; i < cases->len; i++)
    g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%s:%s;",
                            ll_case_get_id (g_ptr_array_index (cases, i)),
                            ll_case_get_status (g_ptr_array_index (cases, i)),
                            ll_case_get_title (g_ptr_array_index (cases, i)));
  if (!list_changed (self, SHOWN_CASES, g_string_free (signature, FALSE)))
    return;

  n_listed = cases->len;
  if (ids->len > n_listed)
    {
      g_autofree char *description = NULL;

      /* Translators: %u is a number of cases, more than 10 */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u case; the 10 newest are shown",
                                                  "%u cases; the 10 newest are shown",
                                                  ids->len),
                                     ids->len);
      adw_preferences_group_set_description (self->cases_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->cases_group, NULL);
    }

  clear_list (self->cases_list);
  for (guint i = 0; i < cases->len; i++)
    {
      LlCase *kase = g_ptr_array_index (cases, i);
      g_autofree char *subtitle = NULL;
      GtkWidget *row;
      GtkWidget *status;

      subtitle = g_strdup_printf ("%s%s%s", ll_case_get_serial (kase), _(" · "),
                                  ll_case_get_received_on (kase));
      row = new_row (ll_case_get_title (kase), subtitle);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ll-case-id",
                              g_memdup2 (&(gint64) { ll_case_get_id (kase) }, sizeof (gint64)),
                              g_free);
      status = gtk_label_new (ll_enum_get_label (LL_ENUM_CASE_STATUS, ll_case_get_status (kase)));
      gtk_widget_add_css_class (status, "dim-label");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), status);
      gtk_list_box_append (self->cases_list, row);
    }
}

static void
case_row_activated_cb (LlPersonDetail *self,
                       GtkListBoxRow  *row,
                       GtkListBox     *list)
{
  gint64 *id = g_object_get_data (G_OBJECT (row), "ll-case-id");

  /* The Cases page shows it, when the window has that action. */
  if (id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-case", "x", *id);
}

static const char *
attendance_of (LlPersonDetail *self,
               gint64          activity_id)
{
  g_autoptr(GPtrArray) participants = NULL;
  gint64 person_id = ll_person_get_id (self->stored);

  participants = ll_activity_store_list_participants (self->database, activity_id, NULL);
  for (guint i = 0; participants != NULL && i < participants->len; i++)
    {
      LlParticipant *participant = g_ptr_array_index (participants, i);

      if (participant->person_id == person_id)
        return ll_enum_get_label (LL_ENUM_ATTENDANCE, participant->attendance);
    }

  return NULL;
}

static void
reload_activities (LlPersonDetail *self)
{
  LlActivityFilter filter = LL_ACTIVITY_FILTER_INIT;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GPtrArray) activities = NULL;
  g_autoptr(GError) error = NULL;
  GString *signature;

  filter.person_id = ll_person_get_id (self->stored);
  ids = ll_activity_store_query_ids (self->database, &filter, &error);
  if (ids != NULL)
    activities = ll_activity_store_load_many (self->database,
                                              (const gint64 *) (gpointer) ids->data,
                                              MIN (ids->len, MAX_LISTED), &error);
  if (activities == NULL)
    {
      g_warning ("Cannot list the activities of a person: %s", error->message);
      return;
    }

  signature = g_string_new (NULL);
  g_string_append_printf (signature, "%u|", ids->len);
  for (guint i = 0; i < activities->len; i++)
    {
      LlActivity *activity = g_ptr_array_index (activities, i);

      g_string_append_printf (signature, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT ";",
                              ll_activity_get_id (activity), ll_activity_get_version (activity));
    }
  if (!list_changed (self, SHOWN_ACTIVITIES, g_string_free (signature, FALSE)))
    return;

  if (ids->len > activities->len)
    {
      g_autofree char *description = NULL;

      /* Translators: %u is a number of activities, more than 10 */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                  "%u activity; the 10 most recent are shown",
                                                  "%u activities; the 10 most recent are shown",
                                                  ids->len),
                                     ids->len);
      adw_preferences_group_set_description (self->activities_group, description);
    }
  else
    {
      adw_preferences_group_set_description (self->activities_group, NULL);
    }

  clear_list (self->activities_list);
  for (guint i = 0; i < activities->len; i++)
    {
      LlActivity *activity = g_ptr_array_index (activities, i);
      const char *type = ll_enum_get_label (LL_ENUM_ACTIVITY_TYPE,
                                            ll_activity_get_activity_type (activity));
      const char *title = ll_activity_get_title (activity);
      const char *attendance = attendance_of (self, ll_activity_get_id (activity));
      g_autofree char *subtitle = NULL;
      GtkWidget *row;

      subtitle = g_strdup_printf ("%s%s%s", ll_activity_get_held_on (activity), _(" · "), type);
      row = new_row (title != NULL ? title : type, subtitle);
      if (attendance != NULL)
        {
          GtkWidget *label = gtk_label_new (attendance);

          gtk_widget_add_css_class (label, "dim-label");
          adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
        }
      gtk_list_box_append (self->activities_list, row);
    }
}

static void
reload_related (LlPersonDetail *self)
{
  gboolean saved = is_saved_person (self);

  gtk_widget_set_visible (GTK_WIDGET (self->records), saved);
  if (!saved || self->database == NULL)
    return;

  reload_memberships (self);
  reload_pairings (self);
  reload_cases (self);
  reload_activities (self);
}

/* The form ----------------------------------------------------------------- */

static void
form_changed_cb (LlPersonDetail *self,
                 LlRecordForm   *form)
{
  update_level_row (self);
  update_phone_rows (self);
}

static void
form_dirty_cb (LlPersonDetail *self,
               GParamSpec     *pspec,
               LlRecordForm   *form)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIRTY]);
}

static void
form_saved_cb (LlPersonDetail *self,
               GObject        *record,
               LlRecordForm   *form)
{
  gboolean created = !is_saved_person (self);
  g_autoptr(LlPerson) person = NULL;

  /* Read back with the station and group names the list shows. */
  person = ll_person_store_get (self->database, ll_record_get_id (record), NULL);
  set_stored (self, person != NULL ? person : LL_PERSON (record));
  if (created)
    {
      forget_shown (self);
      reload_related (self);
    }
  update_phone_rows (self);

  g_signal_emit (self, signals[SAVED], 0, self->stored, created);
}

/* Changes from this window and others -------------------------------------- */

static void
reload_person (LlPersonDetail *self)
{
  g_autoptr(LlPerson) newer = NULL;
  g_autoptr(GError) error = NULL;

  newer = ll_person_store_get (self->database, ll_person_get_id (self->stored), &error);
  if (newer == NULL)
    {
      /* Deleted: with unsaved edits the form stays, and saving says so. */
      if (!ll_record_form_get_dirty (self->form))
        ll_person_detail_show_person (self, 0);
      return;
    }

  ll_record_form_update_record (self->form, G_OBJECT (newer));
  set_stored (self, newer);
  update_level_row (self);
  update_phone_rows (self);
}

static void
database_changed_cb (LlPersonDetail *self,
                     GPtrArray      *changes,
                     LlDatabase     *database)
{
  gboolean person = FALSE, memberships = FALSE, pairings = FALSE;
  gboolean cases = FALSE, activities = FALSE, groups = FALSE;
  gint64 id;

  if (changes == NULL)
    person = memberships = pairings = cases = activities = groups = TRUE;

  id = self->stored != NULL ? ll_person_get_id (self->stored) : 0;

  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      const LlChange *change = g_ptr_array_index (changes, i);
      const char *table = change->table;

      if (g_str_equal (table, "people"))
        person |= change->row_id == id;
      else if (g_str_equal (table, "memberships") || g_str_equal (table, "stations"))
        memberships = person = TRUE;   /* the header names the primary station */
      else if (g_str_equal (table, "pairings"))
        pairings = TRUE;
      else if (g_str_has_prefix (table, "case"))
        cases = TRUE;
      else if (g_str_has_prefix (table, "activit"))
        activities = TRUE;
      else if (g_str_equal (table, "groups"))
        groups = person = TRUE;
    }

  if (groups)
    reload_groups (self);

  if (id == 0)
    return;

  if (person)
    reload_person (self);
  if (self->stored == NULL || ll_person_get_id (self->stored) != id)
    return;
  if (memberships)
    reload_memberships (self);
  if (pairings)
    reload_pairings (self);
  if (cases)
    reload_cases (self);
  if (activities)
    reload_activities (self);
}

/* GObject ------------------------------------------------------------------ */

static void
ll_person_detail_dispose (GObject *object)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (object);

  /* Toasts may outlive the pane: they must not reach back into it. */
  for (guint i = 0; i < self->pending_pairings->len; i++)
    ((PendingPairing *) g_ptr_array_index (self->pending_pairings, i))->self = NULL;
  g_ptr_array_set_size (self->pending_pairings, 0);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_clear_object (&self->database);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PERSON_DETAIL);

  g_clear_object (&self->stored);
  g_clear_object (&self->deputy_groups);
  g_clear_object (&self->specialty_groups);
  g_clear_pointer (&self->memberships, g_ptr_array_unref);
  forget_shown (self);

  G_OBJECT_CLASS (ll_person_detail_parent_class)->dispose (object);
}

static void
ll_person_detail_finalize (GObject *object)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (object);

  g_ptr_array_unref (self->pending_pairings);

  G_OBJECT_CLASS (ll_person_detail_parent_class)->finalize (object);
}

static void
ll_person_detail_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  LlPersonDetail *self = LL_PERSON_DETAIL (object);

  switch (prop_id)
    {
    case PROP_PERSON:
      g_value_set_object (value, self->stored);
      break;
    case PROP_DIRTY:
      g_value_set_boolean (value, ll_person_detail_get_dirty (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_person_detail_class_init (LlPersonDetailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_person_detail_dispose;
  object_class->finalize = ll_person_detail_finalize;
  object_class->get_property = ll_person_detail_get_property;

  /**
   * LlPersonDetail:person:
   *
   * The person shown, as stored (id 0 while a new person is being
   * filled in), or %NULL.
   */
  properties[PROP_PERSON] =
    g_param_spec_object ("person", NULL, NULL, LL_TYPE_PERSON,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPersonDetail:dirty:
   *
   * Whether the form holds changes that are not saved.
   */
  properties[PROP_DIRTY] =
    g_param_spec_boolean ("dirty", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * LlPersonDetail::saved:
   * @person: the person as saved
   * @created: whether the person was new
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 2,
                                 LL_TYPE_PERSON, G_TYPE_BOOLEAN);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-person-detail");
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-person-detail.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, stack);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, back_button);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, title_label);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, archived_label);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, clamp);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, content);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, records);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, memberships_group);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, pairings_group);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, cases_group);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, activities_group);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, memberships_list);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, pairings_list);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, cases_list);
  gtk_widget_class_bind_template_child (widget_class, LlPersonDetail, activities_list);
  gtk_widget_class_bind_template_callback (widget_class, pairing_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, case_row_activated_cb);

  gtk_widget_class_install_action (widget_class, "person.assign", NULL, assign_action);
  gtk_widget_class_install_action (widget_class, "person.set-station-role", "(xs)",
                                   set_station_role_action);
  gtk_widget_class_install_action (widget_class, "person.end-membership", "x",
                                   end_membership_action);
  gtk_widget_class_install_action (widget_class, "person.add-pairing", NULL, add_pairing_action);
  gtk_widget_class_install_action (widget_class, "person.edit-pairing", "x",
                                   edit_pairing_action);
  gtk_widget_class_install_action (widget_class, "person.remove-pairing", "x",
                                   remove_pairing_action);
  gtk_widget_class_install_action (widget_class, "person.reveal-phone", NULL,
                                   reveal_phone_action);
  gtk_widget_class_install_action (widget_class, "person.conceal-phone", NULL,
                                   conceal_phone_action);
}

static void
ll_person_detail_init (LlPersonDetail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->editable = TRUE;
  self->pending_pairings = g_ptr_array_new ();
  self->deputy_groups = g_list_store_new (LL_TYPE_CHOICE);
  self->specialty_groups = g_list_store_new (LL_TYPE_CHOICE);

  self->form = ll_record_form_new (person_fields, G_N_ELEMENTS (person_fields));
  gtk_widget_set_name (GTK_WIDGET (self->form), "person-form");
  gtk_box_prepend (self->content, GTK_WIDGET (self->form));
  g_signal_connect_object (self->form, "changed", G_CALLBACK (form_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "notify::dirty", G_CALLBACK (form_dirty_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->form, "saved", G_CALLBACK (form_saved_cb), self,
                           G_CONNECT_SWAPPED);

  gtk_list_box_set_placeholder (self->memberships_list, placeholder (_("Not stationed anywhere")));
  gtk_list_box_set_placeholder (self->pairings_list, placeholder (_("No pairings")));
  gtk_list_box_set_placeholder (self->cases_list, placeholder (_("No cases received")));
  gtk_list_box_set_placeholder (self->activities_list, placeholder (_("No activities")));

  setup_phone_rows (self);
  update_actions (self);
}

/* Public API --------------------------------------------------------------- */

void
ll_person_detail_set_database (LlPersonDetail *self,
                               LlDatabase     *database)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));
  g_return_if_fail (database == NULL || LL_IS_DATABASE (database));

  if (self->database == database)
    return;

  ll_person_detail_flush_pending (self);
  ll_person_detail_show_person (self, 0);

  if (self->database != NULL)
    g_signal_handlers_disconnect_by_data (self->database, self);
  g_set_object (&self->database, database);
  if (database != NULL)
    g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                             G_CONNECT_SWAPPED);

  ll_record_form_set_store (self->form, database, save_person, load_person);
  reload_groups (self);
}

/**
 * ll_person_detail_set_editable:
 *
 * A read-only or damaged database shows everything, but no control
 * changes anything.
 */
void
ll_person_detail_set_editable (LlPersonDetail *self,
                               gboolean        editable)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  self->editable = editable;
  ll_record_form_set_editable (self->form, editable);
  update_level_row (self);
  update_actions (self);

  /* The rows' own buttons follow. */
  g_clear_pointer (&self->shown[SHOWN_MEMBERSHIPS], g_free);
  if (is_saved_person (self) && self->database != NULL)
    reload_memberships (self);
}

/**
 * ll_person_detail_set_reveal_phones:
 *
 * Whether phone numbers show in full for everyone (the list's toggle).
 */
void
ll_person_detail_set_reveal_phones (LlPersonDetail *self,
                                    gboolean        reveal)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  self->reveal_phones = reveal;
  update_phone_rows (self);
}

/**
 * ll_person_detail_show_person:
 * @person_id: a person, or 0 to show nothing
 *
 * Shows the person as stored now, dropping unsaved edits: ask the user
 * first (ll_person_detail_get_dirty()).
 */
void
ll_person_detail_show_person (LlPersonDetail *self,
                              gint64          person_id)
{
  g_autoptr(LlPerson) person = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  if (person_id != 0 && self->database != NULL)
    {
      person = ll_person_store_get (self->database, person_id, &error);
      if (person == NULL)
        g_debug ("Person %" G_GINT64_FORMAT " not shown: %s", person_id, error->message);
    }

  forget_shown (self);
  self->phone_revealed = FALSE;

  if (person == NULL)
    {
      ll_record_form_set_record (self->form, NULL);
      set_stored (self, NULL);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  ll_record_form_set_record (self->form, G_OBJECT (person));
  set_stored (self, person);
  update_level_row (self);
  update_phone_rows (self);
  reload_related (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "person");
}

/**
 * ll_person_detail_new_person:
 * @role: (nullable): the role to begin with, e.g. the one the list is
 *   filtered by; %NULL for a deputy
 *
 * Shows an empty person to fill in, with the focus on the name.
 */
void
ll_person_detail_new_person (LlPersonDetail *self,
                             const char     *role)
{
  g_autoptr(LlPerson) person = ll_person_new ();

  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  if (role != NULL)
    ll_person_set_role (person, role);

  forget_shown (self);
  self->phone_revealed = FALSE;
  ll_record_form_set_record (self->form, G_OBJECT (person));
  set_stored (self, person);
  update_level_row (self);
  update_phone_rows (self);
  reload_related (self);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_stack_set_visible_child_name (self->stack, "person");
  gtk_widget_grab_focus (ll_record_form_get_row (self->form, "name"));
}

/**
 * ll_person_detail_focus_form:
 *
 * Puts the keyboard in the first field, the name.
 */
void
ll_person_detail_focus_form (LlPersonDetail *self)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  focus_entry_row (ll_record_form_get_row (self->form, "name"));
}

/**
 * ll_person_detail_get_person:
 *
 * Returns: (transfer none) (nullable): the person shown, as stored
 */
LlPerson *
ll_person_detail_get_person (LlPersonDetail *self)
{
  g_return_val_if_fail (LL_IS_PERSON_DETAIL (self), NULL);

  return self->stored;
}

/**
 * ll_person_detail_get_person_id:
 *
 * Returns: the id of the person shown, 0 for none or a new person
 */
gint64
ll_person_detail_get_person_id (LlPersonDetail *self)
{
  g_return_val_if_fail (LL_IS_PERSON_DETAIL (self), 0);

  return self->stored != NULL ? ll_person_get_id (self->stored) : 0;
}

gboolean
ll_person_detail_get_is_new (LlPersonDetail *self)
{
  g_return_val_if_fail (LL_IS_PERSON_DETAIL (self), FALSE);

  return self->stored != NULL && ll_person_get_id (self->stored) == 0;
}

/**
 * ll_person_detail_get_dirty:
 *
 * Returns: whether closing the person now would lose something typed:
 *   unsaved edits, or a new person not saved yet whose name was typed
 */
gboolean
ll_person_detail_get_dirty (LlPersonDetail *self)
{
  g_return_val_if_fail (LL_IS_PERSON_DETAIL (self), FALSE);

  return self->stored != NULL && ll_record_form_get_dirty (self->form);
}

/**
 * ll_person_detail_save:
 *
 * Saves the form (a new person is created).
 *
 * Returns: whether it was saved now; %FALSE when it could not be (the
 *   form says why) or the user is choosing in the conflict dialog
 */
gboolean
ll_person_detail_save (LlPersonDetail *self)
{
  g_return_val_if_fail (LL_IS_PERSON_DETAIL (self), FALSE);

  if (self->stored == NULL || self->database == NULL || !self->editable)
    return FALSE;

  return ll_record_form_save (self->form);
}

void
ll_person_detail_revert (LlPersonDetail *self)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  /* Back to the person as stored now, a colleague's changes included. */
  if (is_saved_person (self))
    ll_record_form_set_record (self->form, G_OBJECT (self->stored));
  else
    ll_record_form_revert (self->form);
  ll_record_form_clear_message (self->form);
  update_level_row (self);
  update_phone_rows (self);
}

/**
 * ll_person_detail_reload:
 *
 * Reads the person and everything below the form again.
 */
void
ll_person_detail_reload (LlPersonDetail *self)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  if (!is_saved_person (self) || self->database == NULL)
    return;

  reload_person (self);
  if (is_saved_person (self))
    reload_related (self);
}

/**
 * ll_person_detail_flush_pending:
 *
 * Carries out the removals still waiting behind their Undo toasts; the
 * window is closing or another database opens.
 */
void
ll_person_detail_flush_pending (LlPersonDetail *self)
{
  g_autoptr(GPtrArray) pending = NULL;

  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  pending = g_ptr_array_copy (self->pending_pairings, NULL, NULL);
  for (guint i = 0; i < pending->len; i++)
    commit_pairing (g_ptr_array_index (pending, i));
}

/**
 * ll_person_detail_set_folded:
 * @folded: whether the pane fills the page instead of sitting beside
 *   the list
 *
 * Folded, the pane has a button back to the list and room for wider
 * rows; beside the list it keeps to the width it needs, so that the
 * list keeps the rest.
 */
void
ll_person_detail_set_folded (LlPersonDetail *self,
                             gboolean        folded)
{
  g_return_if_fail (LL_IS_PERSON_DETAIL (self));

  gtk_widget_set_visible (self->back_button, folded);
  adw_clamp_set_maximum_size (self->clamp, folded ? 720 : 440);
  adw_clamp_set_tightening_threshold (self->clamp, folded ? 520 : 440);
}

/**
 * ll_person_detail_get_form:
 *
 * Returns: (transfer none): the form of the person's own fields
 */
LlRecordForm *
ll_person_detail_get_form (LlPersonDetail *self)
{
  g_return_val_if_fail (LL_IS_PERSON_DETAIL (self), NULL);

  return self->form;
}

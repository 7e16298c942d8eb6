/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-roster-board"

#include "config.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#include "ll-enums.h"
#include "ll-membership-store.h"
#include "ll-person-store.h"
#include "ll-person.h"
#include "ll-roster-board.h"
#include "ll-roster-store.h"
#include "ll-station-store.h"
#include "ll-station.h"
#include "ll-validate.h"

/* The reception roster (接待日排班) of one station and month, on an
 * LlBoard: a column of the station's people, then one column per
 * reception day. Dragging people onto a day puts them on duty; dragging
 * between days moves them (Ctrl copies); dragging back onto the people
 * column takes them off (done when the Undo toast goes). A day that has
 * come shows attendance toggles on its cards, and “Record Day” makes it
 * a reception activity. Ctrl+M opens the same choices from the keyboard.
 *
 * A month's roster is a few dozen rows: each column is a GListStore
 * refreshed in place from the store, only when its rows changed. */

#define PEOPLE_KEY "people"

struct _LlRosterBoard
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle  *window_title;
  GtkLabel        *month_label;
  GtkMenuButton   *record_button;
  GtkMenuButton   *add_button;
  GtkButton       *export_button;
  GtkPopover      *day_popover;
  GtkLabel        *day_popover_label;
  GtkListBox      *day_list;
  AdwToastOverlay *toast_overlay;
  GtkStack        *stack;
  LlBoard         *board;
  AdwStatusPage   *empty_page;
  GMenu           *card_menu;
  GMenu           *attendance_section;

  /* Owned */
  LlDatabase      *database;
  char            *station_name;
  GListStore      *columns;
  GHashTable      *stores;           /* column key → GListStore */
  GHashTable      *entries;          /* entry id → LlRosterEntry, as last read */
  GHashTable      *pending_removals; /* entry id → LlRosterEntry, hidden until the toast goes */
  GPtrArray       *removals;         /* Removal, not yet done */
  LlBoardDrag     *popover_selection;
  char           **days;
  char            *today;
  guint            reload_source;

  gint64           station_id;
  int              year;
  int              month;
  gboolean         editable;
  gboolean         binding;
};

typedef struct
{
  LlRosterBoard *self;     /* weak */
  GPtrArray     *entries;
  AdwToast      *toast;
  gboolean       undone;
} Removal;

G_DEFINE_FINAL_TYPE (LlRosterBoard, ll_roster_board, ADW_TYPE_WINDOW)

static void reload (LlRosterBoard *self);
static void commit_removal (Removal *removal);

/* Helpers ------------------------------------------------------------------ */

static void
toast (LlRosterBoard *self,
       const char    *title)
{
  AdwToast *toast = adw_toast_new (title);

  /* Shown at once, before an Undo toast that may still be up. */
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static char *
format_date (const char *date,
             const char *format)
{
  g_autoptr(GDateTime) time = NULL;

  if (date == NULL || !ll_date_is_valid (date))
    return g_strdup (date != NULL ? date : "");

  time = g_date_time_new_local (atoi (date), atoi (date + 5), atoi (date + 8), 12, 0, 0);
  return g_date_time_format (time, format);
}

/* “Mar 10, Monday”, “3月10日 星期一”. */
static char *
day_title (const char *date)
{
  /* Translators: a reception day's column title, strftime() format; 3月10日 %A in Chinese */
  return format_date (date, C_("roster day", "%b %-d, %A"));
}

/* “Mar 10”, “3月10日”, in sentences. */
static char *
day_short (const char *date)
{
  /* Translators: a date in a sentence, strftime() format; %-m月%-d日 in Chinese */
  return format_date (date, C_("roster day in a sentence", "%b %-d"));
}

static gboolean
day_has_come (LlRosterBoard *self,
              const char    *date)
{
  return g_strcmp0 (date, self->today) <= 0;
}

static GListStore *
store_for (LlRosterBoard *self,
           const char    *key)
{
  GListStore *store = g_hash_table_lookup (self->stores, key);

  if (store == NULL)
    {
      store = g_list_store_new (G_TYPE_OBJECT);
      g_hash_table_insert (self->stores, g_strdup (key), store);
    }

  return store;
}

static gint64
item_id (gpointer item)
{
  gint64 id = 0;

  g_object_get (item, "id", &id, NULL);
  return id;
}

static gint64
item_version (gpointer item)
{
  gint64 version = 0;

  g_object_get (item, "version", &version, NULL);
  return version;
}

/* Replaces the store's items only when ids or versions differ, so that
 * an unchanged column keeps its selection and scroll position. */
static void
update_store (GListStore *store,
              GPtrArray  *items)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (store));
  gboolean same = n == items->len;

  for (guint i = 0; same && i < n; i++)
    {
      g_autoptr(GObject) old = g_list_model_get_item (G_LIST_MODEL (store), i);
      gpointer item = g_ptr_array_index (items, i);

      same = item_id (old) == item_id (item) && item_version (old) == item_version (item);
      if (same && LL_IS_ROSTER_ENTRY (item))
        same = g_strcmp0 (ll_roster_entry_get_attendance (LL_ROSTER_ENTRY (old)),
                          ll_roster_entry_get_attendance (item)) == 0;
    }

  if (!same)
    g_list_store_splice (store, 0, n, items->pdata, items->len);
}

static char *
names_of (GPtrArray *entries)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < entries->len; i++)
    {
      gpointer item = g_ptr_array_index (entries, i);

      if (names->len > 0)
        g_string_append (names, C_("list of names", ", "));
      g_string_append (names, LL_IS_ROSTER_ENTRY (item)
                              ? ll_roster_entry_get_person_name (item)
                              : ll_person_get_name (item));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}

/* After a refusal because a card changed underneath: show where it is now. */
static void
show_current_place (LlRosterBoard *self,
                    gint64         entry_id)
{
  g_autoptr(LlRosterEntry) current = ll_roster_store_get (self->database, entry_id, NULL);

  reload (self);
  if (current != NULL)
    {
      ll_board_scroll_to_column (self->board, ll_roster_entry_get_held_on (current));
      ll_board_select_card (self->board, ll_roster_entry_get_held_on (current), entry_id);
    }
}

/* Loading ------------------------------------------------------------------ */

static void
update_record_menu (LlRosterBoard *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  gboolean any = FALSE;

  for (guint i = 0; self->days != NULL && self->days[i] != NULL; i++)
    {
      g_autofree char *title = NULL;
      g_autoptr(GMenuItem) item = NULL;

      if (!day_has_come (self, self->days[i]))
        continue;

      title = day_title (self->days[i]);
      item = g_menu_item_new (title, NULL);
      g_menu_item_set_action_and_target_value (item, "roster.record-day",
                                               g_variant_new_string (self->days[i]));
      g_menu_append_item (menu, item);
      any = TRUE;
    }

  if (!any)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (_("No reception day has come yet this month"),
                                                   "roster.nothing");
      g_menu_append_item (menu, item);
    }

  gtk_menu_button_set_menu_model (self->record_button, G_MENU_MODEL (menu));
}

static const char *
day_subtitle (LlRosterBoard *self,
              const char    *date,
              GPtrArray     *entries,
              gboolean      *warning)
{
  gboolean recorded = entries->len > 0;
  gboolean attended = entries->len > 0;

  *warning = FALSE;

  if (!day_has_come (self, date))
    return entries->len == 0 ? _("Coming — no one on duty yet") : _("Coming");

  for (guint i = 0; i < entries->len; i++)
    {
      LlRosterEntry *entry = g_ptr_array_index (entries, i);

      recorded = recorded && ll_roster_entry_get_activity_id (entry) != 0;
      attended = attended && ll_roster_entry_get_attendance (entry) != NULL;
    }

  if (entries->len == 0)
    return _("Passed — no one was on duty");
  if (recorded)
    return _("Recorded as a reception activity");

  *warning = TRUE;
  return attended ? _("Attendance complete — record the day")
                  : _("Passed — record attendance");
}

/* Without reception days (or a station) there is nothing to plan. */
static void
show_empty (LlRosterBoard *self,
            gboolean       empty)
{
  gtk_widget_set_visible (GTK_WIDGET (self->add_button), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->record_button), !empty);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), !empty);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.export-csv", !empty);
  gtk_stack_set_visible_child_name (self->stack, empty ? "empty" : "board");
}

static void
reload (LlRosterBoard *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlStation) station = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) members = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GDateTime) first = NULL;
  g_autofree char *month_text = NULL;
  g_auto(GStrv) days = NULL;
  gboolean same_days;
  guint next = 0;
  gint64 t0 = g_get_monotonic_time ();

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->month < 1)
    return;  /* no month yet */

  g_clear_pointer (&self->today, g_free);
  self->today = ll_date_today ();

  first = g_date_time_new_local (self->year, self->month, 1, 12, 0, 0);
  /* Translators: the month shown, strftime() format; %Y年%-m月 in Chinese */
  month_text = g_date_time_format (first, C_("roster month", "%B %Y"));
  gtk_label_set_label (self->month_label, month_text);

  if (self->database == NULL)
    return;

  station = ll_station_store_get (self->database, self->station_id, &error);
  if (station == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("Station Not Found"));
      adw_status_page_set_description (self->empty_page, error->message);
      show_empty (self, TRUE);
      return;
    }

  g_free (self->station_name);
  self->station_name = g_strdup (ll_station_get_name (station));
  adw_window_title_set_subtitle (self->window_title, self->station_name);

  days = ll_roster_store_list_days (self->database, self->station_id, self->year, self->month,
                                    &error);
  if (days == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("No Reception Days"));
      adw_status_page_set_description (self->empty_page, error->message);
      show_empty (self, TRUE);
      g_clear_pointer (&self->days, g_strfreev);
      update_record_menu (self);
      return;
    }

  entries = ll_roster_store_list_month (self->database, self->station_id, self->year,
                                        self->month, &error);
  members = ll_membership_store_list_by_station (self->database, self->station_id, TRUE,
                                                 error == NULL ? &error : NULL);
  if (entries == NULL || members == NULL)
    {
      toast (self, error->message);
      return;
    }

  for (guint i = 0; i < members->len; i++)
    {
      gint64 id = ll_membership_get_person_id (g_ptr_array_index (members, i));

      g_array_append_val (person_ids, id);
    }
  people = ll_person_store_load_many (self->database, (const gint64 *) (gpointer) person_ids->data,
                                      person_ids->len, &error);
  if (people == NULL)
    {
      toast (self, error->message);
      return;
    }

  same_days = self->days != NULL && g_strv_equal ((const char * const *) self->days,
                                                  (const char * const *) days);
  g_strfreev (self->days);
  self->days = g_steal_pointer (&days);

  g_hash_table_remove_all (self->entries);
  for (guint i = 0; i < entries->len; i++)
    {
      LlRosterEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_insert (self->entries, g_memdup2 (&(gint64) { ll_roster_entry_get_id (entry) },
                                                     sizeof (gint64)),
                           g_object_ref (entry));
    }

  if (!same_days)
    {
      g_autoptr(LlBoardColumn) people_column = NULL;

      g_list_store_remove_all (self->columns);
      people_column = ll_board_column_new (PEOPLE_KEY, _("Station’s People"), 0);
      g_list_store_append (self->columns, people_column);
      for (guint i = 0; self->days[i] != NULL; i++)
        {
          g_autofree char *title = day_title (self->days[i]);
          g_autoptr(LlBoardColumn) column = ll_board_column_new (self->days[i], title, 0);

          g_list_store_append (self->columns, column);
        }
    }

  /* The people, then each day's entries (by date, then name). */
  {
    g_autoptr(LlBoardColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns), 0);

    update_store (store_for (self, PEOPLE_KEY), people);
    ll_board_column_set_count (column, people->len);
    ll_board_column_set_subtitle (column, self->editable ? _("Drag people onto a day")
                                                         : _("Read-only"));
  }

  for (guint i = 0; self->days[i] != NULL; i++)
    {
      g_autoptr(LlBoardColumn) column = g_list_model_get_item (G_LIST_MODEL (self->columns),
                                                               i + 1);
      g_autoptr(GPtrArray) day = g_ptr_array_new ();
      gboolean warning;

      while (next < entries->len &&
             g_strcmp0 (ll_roster_entry_get_held_on (g_ptr_array_index (entries, next)),
                        self->days[i]) < 0)
        next++;

      for (; next < entries->len; next++)
        {
          LlRosterEntry *entry = g_ptr_array_index (entries, next);
          gint64 id = ll_roster_entry_get_id (entry);

          if (g_strcmp0 (ll_roster_entry_get_held_on (entry), self->days[i]) != 0)
            break;
          if (!g_hash_table_contains (self->pending_removals, &id))
            g_ptr_array_add (day, entry);
        }

      update_store (store_for (self, self->days[i]), day);
      ll_board_column_set_count (column, day->len);
      ll_board_column_set_subtitle (column, day_subtitle (self, self->days[i], day, &warning));
      ll_board_column_set_warning (column, warning);
    }

  update_record_menu (self);
  show_empty (self, FALSE);

  g_debug ("Roster of %d-%02d loaded in %.1f ms", self->year, self->month,
           (g_get_monotonic_time () - t0) / 1000.0);
}

static gboolean
reload_cb (gpointer user_data)
{
  LlRosterBoard *self = user_data;

  self->reload_source = 0;
  reload (self);
  return G_SOURCE_REMOVE;
}

static void
database_changed_cb (LlRosterBoard *self,
                     GPtrArray     *changes)
{
  static const char * const tables[] = {
    "roster_entries", "memberships", "people", "stations", "activities", NULL
  };
  gboolean relevant = changes == NULL;

  for (guint i = 0; !relevant && i < changes->len; i++)
    {
      LlChange *change = g_ptr_array_index (changes, i);

      relevant = g_strv_contains (tables, change->table);
    }

  if (relevant && self->reload_source == 0)
    self->reload_source = g_idle_add (reload_cb, self);
}

/* Changes ------------------------------------------------------------------ */

static void
undo_move_cb (AdwToast *undo,
              gpointer  user_data)
{
  LlRosterBoard *self = user_data;
  GPtrArray *moved = g_object_get_data (G_OBJECT (undo), "ll-entries");
  GPtrArray *from = g_object_get_data (G_OBJECT (undo), "ll-from");

  for (guint i = 0; i < moved->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ll_roster_store_move (self->database, g_ptr_array_index (moved, i),
                                 g_ptr_array_index (from, i), &error))
        {
          toast (self, error->message);
          break;
        }
    }

  reload (self);
}

static void
undo_add_cb (AdwToast *undo,
             gpointer  user_data)
{
  LlRosterBoard *self = user_data;
  GPtrArray *added = g_object_get_data (G_OBJECT (undo), "ll-entries");

  for (guint i = 0; i < added->len; i++)
    {
      g_autoptr(GError) error = NULL;

      if (!ll_roster_store_remove (self->database, g_ptr_array_index (added, i), &error))
        {
          toast (self, error->message);
          break;
        }
    }

  reload (self);
}

static void
offer_undo (LlRosterBoard *self,
            const char    *title,
            GPtrArray     *entries,
            GPtrArray     *from,
            GCallback      callback)
{
  AdwToast *undo = adw_toast_new (title);

  adw_toast_set_button_label (undo, _("_Undo"));
  adw_toast_set_priority (undo, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (undo), "ll-entries", g_ptr_array_ref (entries),
                          (GDestroyNotify) g_ptr_array_unref);
  if (from != NULL)
    g_object_set_data_full (G_OBJECT (undo), "ll-from", g_ptr_array_ref (from),
                            (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (undo, "button-clicked", callback, self, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, undo);
}

static void
add_people_with_undo (LlRosterBoard *self,
                      const char    *day,
                      const gint64  *person_ids,
                      guint          n_people)
{
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) first_error = NULL;

  for (guint i = 0; i < n_people; i++)
    {
      g_autoptr(GError) error = NULL;
      LlRosterEntry *entry = ll_roster_store_add (self->database, self->station_id, day,
                                                  person_ids[i], &error);

      if (entry != NULL)
        g_ptr_array_add (added, entry);
      else if (first_error == NULL)
        first_error = g_steal_pointer (&error);
    }

  reload (self);

  /* A refusal names its reason; what could be added stays, with Undo. */
  if (first_error != NULL)
    toast (self, first_error->message);

  if (added->len > 0)
    {
      g_autofree char *names = names_of (added);
      g_autofree char *date = day_short (day);
      /* Translators: names of people, then a date */
      g_autofree char *title = g_strdup_printf (_("Put %s on duty on %s"), names, date);

      offer_undo (self, title, added, NULL, G_CALLBACK (undo_add_cb));
    }
}

static void
move_entries (LlRosterBoard *self,
              const char    *day,
              const gint64  *entry_ids,
              guint          n_entries,
              gboolean       copy)
{
  g_autoptr(GPtrArray) moved = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) from = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) person_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; i < n_entries; i++)
    {
      LlRosterEntry *entry = g_hash_table_lookup (self->entries, &entry_ids[i]);
      g_autoptr(GError) error = NULL;
      g_autofree char *old_day = NULL;

      if (entry == NULL)
        continue;

      if (copy)
        {
          gint64 person_id = ll_roster_entry_get_person_id (entry);

          g_array_append_val (person_ids, person_id);
          continue;
        }

      old_day = g_strdup (ll_roster_entry_get_held_on (entry));
      if (!ll_roster_store_move (self->database, entry, day, &error))
        {
          toast (self, error->message);
          if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT) ||
              g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND))
            show_current_place (self, entry_ids[i]);
          break;
        }

      g_ptr_array_add (moved, g_object_ref (entry));
      g_ptr_array_add (from, g_steal_pointer (&old_day));
    }

  if (copy)
    {
      add_people_with_undo (self, day, (const gint64 *) (gpointer) person_ids->data,
                            person_ids->len);
      return;
    }

  reload (self);

  if (moved->len > 0)
    {
      g_autofree char *names = names_of (moved);
      g_autofree char *date = day_short (day);
      /* Translators: names of people, then a date */
      g_autofree char *title = g_strdup_printf (_("Moved %s to %s"), names, date);

      offer_undo (self, title, moved, from, G_CALLBACK (undo_move_cb));
    }
}

static void
commit_removal (Removal *removal)
{
  LlRosterBoard *self = removal->self;

  if (removal->undone || removal->entries == NULL)
    return;

  for (guint i = 0; self != NULL && i < removal->entries->len; i++)
    {
      LlRosterEntry *entry = g_ptr_array_index (removal->entries, i);
      gint64 id = ll_roster_entry_get_id (entry);
      g_autoptr(GError) error = NULL;

      if (self->pending_removals != NULL)
        g_hash_table_remove (self->pending_removals, &id);
      if (self->database != NULL && !ll_roster_store_remove (self->database, entry, &error))
        toast (self, error->message);
    }

  g_clear_pointer (&removal->entries, g_ptr_array_unref);
}

static void
removal_free (Removal *removal)
{
  if (removal->self != NULL)
    g_object_remove_weak_pointer (G_OBJECT (removal->self), (gpointer *) &removal->self);
  g_clear_pointer (&removal->entries, g_ptr_array_unref);
  g_free (removal);
}

static void
removal_dismissed_cb (AdwToast *toast_,
                      Removal  *removal)
{
  LlRosterBoard *self = removal->self;

  commit_removal (removal);
  if (self != NULL && self->removals != NULL)
    {
      g_ptr_array_remove (self->removals, removal);
      reload (self);
    }
}

static void
removal_undo_cb (AdwToast *toast_,
                 Removal  *removal)
{
  LlRosterBoard *self = removal->self;

  removal->undone = TRUE;
  for (guint i = 0; self != NULL && self->pending_removals != NULL &&
                    removal->entries != NULL && i < removal->entries->len; i++)
    {
      gint64 id = ll_roster_entry_get_id (g_ptr_array_index (removal->entries, i));

      g_hash_table_remove (self->pending_removals, &id);
    }
}

/* Takes people off their day: hidden now, deleted when the toast goes
 * without Undo, or when the window closes. */
static void
remove_entries (LlRosterBoard *self,
                const gint64  *entry_ids,
                guint          n_entries)
{
  Removal *removal;
  g_autofree char *names = NULL;
  g_autofree char *title = NULL;

  removal = g_new0 (Removal, 1);
  removal->self = self;
  g_object_add_weak_pointer (G_OBJECT (self), (gpointer *) &removal->self);
  removal->entries = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_entries; i++)
    {
      LlRosterEntry *entry = g_hash_table_lookup (self->entries, &entry_ids[i]);

      if (entry == NULL)
        continue;
      g_ptr_array_add (removal->entries, g_object_ref (entry));
      g_hash_table_insert (self->pending_removals, g_memdup2 (&entry_ids[i], sizeof (gint64)),
                           g_object_ref (entry));
    }

  if (removal->entries->len == 0)
    {
      removal_free (removal);
      return;
    }

  names = names_of (removal->entries);
  /* Translators: names of people */
  title = g_strdup_printf (_("Took %s off the roster"), names);
  removal->toast = adw_toast_new (title);
  adw_toast_set_button_label (removal->toast, _("_Undo"));
  adw_toast_set_priority (removal->toast, ADW_TOAST_PRIORITY_HIGH);
  g_signal_connect (removal->toast, "button-clicked", G_CALLBACK (removal_undo_cb), removal);
  g_signal_connect_data (removal->toast, "dismissed", G_CALLBACK (removal_dismissed_cb), removal,
                         (GClosureNotify) (void (*) (void)) removal_free, 0);
  g_ptr_array_add (self->removals, removal);
  adw_toast_overlay_add_toast (self->toast_overlay, removal->toast);
  reload (self);
}

static void
commit_all_removals (LlRosterBoard *self)
{
  for (guint i = 0; i < self->removals->len; i++)
    commit_removal (g_ptr_array_index (self->removals, i));
}

static void
set_attendance (LlRosterBoard *self,
                LlRosterEntry *entry_,
                const char    *attendance)
{
  /* Reloading drops the board's references to it. */
  g_autoptr(LlRosterEntry) entry = g_object_ref (entry_);
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (ll_roster_entry_get_attendance (entry), attendance) == 0)
    return;

  if (!ll_roster_store_set_attendance (self->database, entry, attendance, &error))
    {
      toast (self, error->message);
      if (g_error_matches (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_CONFLICT))
        show_current_place (self, ll_roster_entry_get_id (entry));
      else
        reload (self);
      return;
    }

  reload (self);
}

/* Board callbacks ------------------------------------------------------------ */

static GListModel *
column_model_cb (LlBoard       *board,
                 LlBoardColumn *column,
                 gpointer       user_data)
{
  LlRosterBoard *self = user_data;

  return g_object_ref (G_LIST_MODEL (store_for (self, ll_board_column_get_key (column))));
}

static gboolean
can_drop_cb (LlBoard        *board,
             LlBoardColumn  *column,
             LlBoardDrag    *drag,
             GdkDragAction   action,
             char          **reason,
             gpointer        user_data)
{
  LlRosterBoard *self = user_data;
  const char *key = ll_board_column_get_key (column);
  const char *source = ll_board_drag_get_source_key (drag);
  GListStore *store;
  guint n_ids, n;
  const gint64 *ids;

  if (!self->editable || g_strcmp0 (key, source) == 0)
    return FALSE;

  if (g_strcmp0 (key, PEOPLE_KEY) == 0)
    return TRUE;  /* takes them off their day */

  /* The same person twice on one day is refused, with the reason. */
  ids = ll_board_drag_get_ids (drag, &n_ids);
  store = store_for (self, key);
  n = g_list_model_get_n_items (G_LIST_MODEL (store));
  for (guint i = 0; i < n_ids; i++)
    {
      gint64 person_id = ids[i];

      if (g_strcmp0 (source, PEOPLE_KEY) != 0)
        {
          LlRosterEntry *entry = g_hash_table_lookup (self->entries, &ids[i]);

          person_id = entry != NULL ? ll_roster_entry_get_person_id (entry) : 0;
        }

      for (guint j = 0; j < n; j++)
        {
          g_autoptr(LlRosterEntry) there = g_list_model_get_item (G_LIST_MODEL (store), j);

          if (ll_roster_entry_get_person_id (there) == person_id)
            {
              if (reason != NULL)
                /* Translators: a person's name */
                *reason = g_strdup_printf (_("%s is already on duty that day"),
                                           ll_roster_entry_get_person_name (there));
              return FALSE;
            }
        }
    }

  return TRUE;
}

static gboolean
drop_cb (LlBoard       *board,
         const char    *key,
         LlBoardDrag   *drag,
         GdkDragAction  action,
         gpointer       user_data)
{
  LlRosterBoard *self = user_data;
  const char *source = ll_board_drag_get_source_key (drag);
  guint n_ids;
  const gint64 *ids = ll_board_drag_get_ids (drag, &n_ids);

  if (!self->editable || n_ids == 0 || g_strcmp0 (key, source) == 0)
    return FALSE;

  if (g_strcmp0 (key, PEOPLE_KEY) == 0)
    remove_entries (self, ids, n_ids);
  else if (g_strcmp0 (source, PEOPLE_KEY) == 0)
    add_people_with_undo (self, key, ids, n_ids);
  else
    move_entries (self, key, ids, n_ids, action == GDK_ACTION_COPY);

  return TRUE;
}

static void
day_row_activated_cb (LlRosterBoard *self,
                      GtkListBoxRow *row)
{
  const char *day = g_object_get_data (G_OBJECT (row), "ll-day");
  g_autoptr(LlBoardDrag) selection = NULL;

  if (self->popover_selection == NULL || day == NULL)
    return;

  selection = g_steal_pointer (&self->popover_selection);
  gtk_popover_popdown (self->day_popover);
  drop_cb (self->board, day, selection, GDK_ACTION_MOVE, self);
}

static void
fill_day_popover (LlRosterBoard *self)
{
  const char *source;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->day_list))) != NULL)
    gtk_list_box_remove (self->day_list, child);

  g_clear_pointer (&self->popover_selection, ll_board_drag_unref);
  self->popover_selection = ll_board_get_selection (self->board);
  source = self->popover_selection != NULL
           ? ll_board_drag_get_source_key (self->popover_selection) : NULL;

  if (source == NULL || ll_board_drag_get_n_ids (self->popover_selection) == 0)
    {
      gtk_label_set_label (self->day_popover_label,
                           _("Select people in the first column, or on a day, then choose the "
                             "day to put them on."));
      return;
    }

  gtk_label_set_label (self->day_popover_label, g_strcmp0 (source, PEOPLE_KEY) == 0
                                                ? _("Put on Duty On")
                                                : _("Move to"));

  for (guint i = 0; self->days != NULL && self->days[i] != NULL; i++)
    {
      g_autofree char *title = day_title (self->days[i]);
      GtkWidget *row = adw_action_row_new ();

      if (g_strcmp0 (self->days[i], source) == 0)
        continue;

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data_full (G_OBJECT (row), "ll-day", g_strdup (self->days[i]), g_free);
      gtk_list_box_append (self->day_list, row);
    }
}

static void
day_popover_show_cb (LlRosterBoard *self)
{
  fill_day_popover (self);
}

static void
move_requested_cb (LlRosterBoard *self,
                   LlBoardDrag   *selection)
{
  if (self->editable)
    gtk_menu_button_popup (self->add_button);
}

/* Cards ------------------------------------------------------------------------ */

static void
attendance_toggled_cb (GtkToggleButton *button,
                       LlRosterBoard   *self)
{
  GtkWidget *card = g_object_get_data (G_OBJECT (button), "ll-card");
  LlRosterEntry *entry = g_object_get_data (G_OBJECT (card), "ll-entry");

  if (self->binding || entry == NULL || !gtk_toggle_button_get_active (button))
    return;

  set_attendance (self, entry, g_object_get_data (G_OBJECT (button), "ll-attendance"));
}

static void
card_setup_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               LlRosterBoard            *self)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *role = gtk_label_new (NULL);
  GtkWidget *attendance = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkToggleButton *group = NULL;

  gtk_widget_add_css_class (card, "ll-roster-card");
  gtk_widget_set_margin_top (card, 6);
  gtk_widget_set_margin_bottom (card, 6);
  gtk_widget_set_margin_start (card, 6);
  gtk_widget_set_margin_end (card, 6);

  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (name, TRUE);
  gtk_widget_add_css_class (name, "heading");
  gtk_label_set_xalign (GTK_LABEL (role), 1);
  gtk_label_set_ellipsize (GTK_LABEL (role), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (role, "caption");
  gtk_widget_add_css_class (role, "dim-label");
  gtk_box_append (GTK_BOX (top), name);
  gtk_box_append (GTK_BOX (top), role);
  gtk_box_append (GTK_BOX (card), top);

  /* Attendance toggles, one per key of the enumeration. */
  gtk_widget_add_css_class (attendance, "linked");
  gtk_widget_set_halign (attendance, GTK_ALIGN_START);
  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_ATTENDANCE); i++)
    {
      const char *key = ll_enum_get_key (LL_ENUM_ATTENDANCE, i);
      GtkWidget *button = gtk_toggle_button_new_with_label (ll_enum_get_label (LL_ENUM_ATTENDANCE,
                                                                               key));

      gtk_widget_add_css_class (button, "ll-attendance");
      gtk_widget_set_name (button, key);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_object_set_data (G_OBJECT (button), "ll-attendance", (gpointer) key);
      g_object_set_data (G_OBJECT (button), "ll-card", card);
      g_signal_connect_object (button, "toggled", G_CALLBACK (attendance_toggled_cb), self, 0);
      gtk_box_append (GTK_BOX (attendance), button);
    }
  gtk_box_append (GTK_BOX (card), attendance);

  g_object_set_data (G_OBJECT (card), "ll-name", name);
  g_object_set_data (G_OBJECT (card), "ll-role", role);
  g_object_set_data (G_OBJECT (card), "ll-attendance-box", attendance);
  gtk_list_item_set_child (list_item, card);
}

static void
card_bind_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              LlRosterBoard            *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);
  GObject *item = gtk_list_item_get_item (list_item);
  GtkWidget *attendance = g_object_get_data (G_OBJECT (card), "ll-attendance-box");
  GtkLabel *name = g_object_get_data (G_OBJECT (card), "ll-name");
  GtkLabel *role = g_object_get_data (G_OBJECT (card), "ll-role");
  g_autoptr(GString) role_text = g_string_new (NULL);
  const char *person_role, *level;

  if (LL_IS_ROSTER_ENTRY (item))
    {
      LlRosterEntry *entry = LL_ROSTER_ENTRY (item);
      const char *state = ll_roster_entry_get_attendance (entry);

      gtk_label_set_label (name, ll_roster_entry_get_person_name (entry));
      person_role = ll_roster_entry_get_person_role (entry);
      level = ll_roster_entry_get_person_level (entry);
      g_object_set_data (G_OBJECT (card), "ll-entry", entry);

      self->binding = TRUE;
      for (GtkWidget *button = gtk_widget_get_first_child (attendance); button != NULL;
           button = gtk_widget_get_next_sibling (button))
        {
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button),
                                        g_strcmp0 (state, gtk_widget_get_name (button)) == 0);
          gtk_widget_set_sensitive (button, self->editable);
        }
      self->binding = FALSE;
      gtk_widget_set_visible (attendance, day_has_come (self, ll_roster_entry_get_held_on (entry)));
    }
  else
    {
      LlPerson *person = LL_PERSON (item);

      gtk_label_set_label (name, ll_person_get_name (person));
      person_role = ll_person_get_role (person);
      level = ll_person_get_level (person);
      g_object_set_data (G_OBJECT (card), "ll-entry", NULL);
      gtk_widget_set_visible (attendance, FALSE);
    }

  if (level != NULL)
    g_string_append (role_text, ll_enum_get_label (LL_ENUM_DEPUTY_LEVEL, level));
  else if (person_role != NULL)
    g_string_append (role_text, ll_enum_get_label (LL_ENUM_PERSON_ROLE, person_role));
  gtk_label_set_label (role, role_text->str);
}

static void
card_unbind_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                LlRosterBoard            *self)
{
  GtkWidget *card = gtk_list_item_get_child (list_item);

  g_object_set_data (G_OBJECT (card), "ll-entry", NULL);
}

/* Actions ---------------------------------------------------------------------- */

static void
change_month (LlRosterBoard *self,
              int            delta)
{
  int month = self->month - 1 + delta;

  ll_roster_board_set_month (self, self->year + (month < 0 ? -1 : month / 12),
                             ((month % 12) + 12) % 12 + 1);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  change_month (LL_ROSTER_BOARD (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  change_month (LL_ROSTER_BOARD (widget), 1);
}

static void
this_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  g_autofree char *today = ll_date_today ();

  ll_roster_board_set_month (LL_ROSTER_BOARD (widget), atoi (today), atoi (today + 5));
}

static void
add_to_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  gtk_menu_button_popup (LL_ROSTER_BOARD (widget)->add_button);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LlRosterBoard *self = LL_ROSTER_BOARD (widget);
  g_autoptr(LlBoardDrag) selection = ll_board_get_selection (self->board);
  guint n_ids = 0;
  const gint64 *ids = selection != NULL ? ll_board_drag_get_ids (selection, &n_ids) : NULL;

  if (selection == NULL || n_ids == 0 ||
      g_strcmp0 (ll_board_drag_get_source_key (selection), PEOPLE_KEY) == 0)
    {
      toast (self, _("Select people on a reception day to take them off it."));
      return;
    }

  remove_entries (self, ids, n_ids);
}

static void
attendance_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlRosterBoard *self = LL_ROSTER_BOARD (widget);
  g_autoptr(LlBoardDrag) selection = ll_board_get_selection (self->board);
  const char *attendance = g_variant_get_string (parameter, NULL);
  guint n_ids = 0;
  const gint64 *ids = selection != NULL ? ll_board_drag_get_ids (selection, &n_ids) : NULL;

  if (selection == NULL || n_ids == 0 ||
      g_strcmp0 (ll_board_drag_get_source_key (selection), PEOPLE_KEY) == 0)
    {
      toast (self, _("Select people on a reception day that has come."));
      return;
    }

  for (guint i = 0; i < n_ids; i++)
    {
      LlRosterEntry *entry = g_hash_table_lookup (self->entries, &ids[i]);

      if (entry != NULL)
        set_attendance (self, entry, attendance);
    }
}

static void
record_day_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlRosterBoard *self = LL_ROSTER_BOARD (widget);
  const char *day = g_variant_get_string (parameter, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *date = day_short (day);
  g_autofree char *title = NULL;

  if (!ll_roster_store_record_day (self->database, self->station_id, day, NULL, NULL, 0, NULL,
                                   &error))
    {
      toast (self, error->message);
      return;
    }

  /* Translators: %s is a date */
  title = g_strdup_printf (_("Recorded %s as a reception activity; the points count it."), date);
  toast (self, title);
  reload (self);
}

static void
export_response_cb (GtkNativeDialog *chooser,
                    int              response,
                    LlRosterBoard   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  gsize length = 0;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);

  if (file == NULL)
    return;

  csv = ll_roster_store_format_csv (self->database, self->station_id, self->year, self->month,
                                    &length, &error);
  if (csv == NULL ||
      !g_file_replace_contents (file, csv, length, NULL, FALSE, G_FILE_CREATE_NONE, NULL, NULL,
                                &error))
    {
      toast (self, error->message);
      return;
    }

  name = g_file_get_basename (file);
  /* Translators: a file name */
  title = g_strdup_printf (_("Saved the roster as “%s”"), name);
  toast (self, title);
}

static void
export_csv_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlRosterBoard *self = LL_ROSTER_BOARD (widget);
  GtkFileChooserNative *chooser;
  g_autofree char *name = NULL;

  chooser = gtk_file_chooser_native_new (_("Export Roster"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"), _("_Cancel"));
  /* Translators: the file name offered: a station's name, the year and the month */
  name = g_strdup_printf (_("%s roster %04d-%02d.csv"),
                          self->station_name != NULL ? self->station_name : "", self->year,
                          self->month);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* Overrides -------------------------------------------------------------------- */

static gboolean
ll_roster_board_close_request (GtkWindow *window)
{
  commit_all_removals (LL_ROSTER_BOARD (window));

  return GTK_WINDOW_CLASS (ll_roster_board_parent_class)->close_request (window);
}

static void
ll_roster_board_dispose (GObject *object)
{
  LlRosterBoard *self = LL_ROSTER_BOARD (object);

  /* At the latest when the window goes, a removal is done. */
  if (self->removals != NULL)
    commit_all_removals (self);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  if (self->database != NULL)
    g_signal_handlers_disconnect_by_func (self->database, database_changed_cb, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_ROSTER_BOARD);

  g_clear_object (&self->database);
  g_clear_object (&self->columns);
  g_clear_pointer (&self->stores, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_hash_table_unref);
  g_clear_pointer (&self->pending_removals, g_hash_table_unref);
  g_clear_pointer (&self->removals, g_ptr_array_unref);
  g_clear_pointer (&self->popover_selection, ll_board_drag_unref);

  G_OBJECT_CLASS (ll_roster_board_parent_class)->dispose (object);
}

static void
ll_roster_board_finalize (GObject *object)
{
  LlRosterBoard *self = LL_ROSTER_BOARD (object);

  g_free (self->station_name);
  g_free (self->today);
  g_strfreev (self->days);

  G_OBJECT_CLASS (ll_roster_board_parent_class)->finalize (object);
}

static void
ll_roster_board_class_init (LlRosterBoardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = ll_roster_board_dispose;
  object_class->finalize = ll_roster_board_finalize;
  window_class->close_request = ll_roster_board_close_request;

  g_type_ensure (LL_TYPE_BOARD);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/lianluo/Lianluo/ll-roster-board.ui");
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, window_title);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, month_label);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, record_button);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, add_button);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, export_button);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, day_popover);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, day_popover_label);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, day_list);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, stack);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, board);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, card_menu);
  gtk_widget_class_bind_template_child (widget_class, LlRosterBoard, attendance_section);

  gtk_widget_class_install_action (widget_class, "roster.previous-month", NULL,
                                   previous_month_action);
  gtk_widget_class_install_action (widget_class, "roster.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "roster.this-month", NULL, this_month_action);
  gtk_widget_class_install_action (widget_class, "roster.export-csv", NULL, export_csv_action);
  gtk_widget_class_install_action (widget_class, "roster.add-to-day", NULL, add_to_day_action);
  gtk_widget_class_install_action (widget_class, "roster.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "roster.attendance", "s", attendance_action);
  gtk_widget_class_install_action (widget_class, "roster.record-day", "s", record_day_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "roster.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "roster.next-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "roster.export-csv", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Delete, 0, "roster.remove", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK,
                                       "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ll_roster_board_init (LlRosterBoard *self)
{
  GtkListItemFactory *factory;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->stores = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->entries = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->pending_removals = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                  g_object_unref);
  self->removals = g_ptr_array_new ();
  self->columns = g_list_store_new (LL_TYPE_BOARD_COLUMN);
  self->editable = TRUE;

  for (guint i = 0; i < ll_enum_get_n_values (LL_ENUM_ATTENDANCE); i++)
    {
      const char *key = ll_enum_get_key (LL_ENUM_ATTENDANCE, i);
      g_autoptr(GMenuItem) item = g_menu_item_new (ll_enum_get_label (LL_ENUM_ATTENDANCE, key),
                                                   NULL);

      g_menu_item_set_action_and_target_value (item, "roster.attendance",
                                               g_variant_new_string (key));
      g_menu_append_item (self->attendance_section, item);
    }

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (card_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (card_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (card_unbind_cb), self);
  ll_board_set_card_factory (self->board, factory);
  g_object_unref (factory);

  ll_board_set_columns (self->board, G_LIST_MODEL (self->columns));
  ll_board_set_column_model_func (self->board, column_model_cb, self, NULL);
  ll_board_set_can_drop_func (self->board, can_drop_cb, self, NULL);
  ll_board_set_card_menu (self->board, G_MENU_MODEL (self->card_menu));
  g_signal_connect_object (self->board, "drop", G_CALLBACK (drop_cb), self, 0);
  g_signal_connect_object (self->board, "move-requested", G_CALLBACK (move_requested_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_popover, "show", G_CALLBACK (day_popover_show_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->day_list, "row-activated", G_CALLBACK (day_row_activated_cb),
                           self, G_CONNECT_SWAPPED);
}

/* Public API ------------------------------------------------------------------- */

/**
 * ll_roster_board_new:
 * @database: the open database
 * @station_id: the station whose roster to show
 * @editable: %FALSE for a read-only or damaged file
 *
 * Returns: (transfer full): a window with this month's roster
 */
LlRosterBoard *
ll_roster_board_new (LlDatabase *database,
                     gint64      station_id,
                     gboolean    editable)
{
  LlRosterBoard *self;
  g_autofree char *today = ll_date_today ();

  g_return_val_if_fail (LL_IS_DATABASE (database), NULL);

  self = g_object_new (LL_TYPE_ROSTER_BOARD, NULL);
  self->database = g_object_ref (database);
  self->station_id = station_id;
  g_signal_connect_object (database, "changed", G_CALLBACK (database_changed_cb), self,
                           G_CONNECT_SWAPPED);
  ll_roster_board_set_editable (self, editable);
  ll_roster_board_set_month (self, atoi (today), atoi (today + 5));

  return self;
}

void
ll_roster_board_set_month (LlRosterBoard *self,
                           int            year,
                           int            month)
{
  g_return_if_fail (LL_IS_ROSTER_BOARD (self));
  g_return_if_fail (month >= 1 && month <= 12);

  self->year = year;
  self->month = month;
  reload (self);
}

void
ll_roster_board_set_editable (LlRosterBoard *self,
                              gboolean       editable)
{
  g_return_if_fail (LL_IS_ROSTER_BOARD (self));

  self->editable = editable;
  ll_board_set_editable (self->board, editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.add-to-day", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.remove", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.attendance", editable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "roster.record-day", editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->add_button), editable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), editable);
  reload (self);
}

/**
 * ll_roster_board_get_board:
 *
 * Returns: (transfer none): the board, for tests
 */
LlBoard *
ll_roster_board_get_board (LlRosterBoard *self)
{
  g_return_val_if_fail (LL_IS_ROSTER_BOARD (self), NULL);

  return self->board;
}

/**
 * ll_roster_board_reload:
 *
 * Reads the roster again now, instead of at the next change.
 */
void
ll_roster_board_reload (LlRosterBoard *self)
{
  g_return_if_fail (LL_IS_ROSTER_BOARD (self));

  reload (self);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-history"

#include "config.h"

#include <glib/gi18n.h>

#include "ll-case-event.h"
#include "ll-case-history.h"

/* The history timeline of a case: one row per case event, newest first,
 * saying what happened, who did it, from which computer and when (in
 * local time). A case has tens of events, not thousands: plain rows. */

struct _LlCaseHistory
{
  GtkWidget   parent_instance;

  /* Owned */
  GtkWidget  *list_box;
  GPtrArray  *texts;  /* char *: what each row says, for tests */
};

G_DEFINE_FINAL_TYPE (LlCaseHistory, ll_case_history, GTK_TYPE_WIDGET)

/* An icon per kind of event; a kind from a newer Lianluo gets a dot. */
static const char *
icon_for_kind (const char *kind)
{
  static const struct {
    const char *kind;
    const char *icon;
  } icons[] = {
    { "registered", "document-new-symbolic" },
    { "edited", "document-edit-symbolic" },
    { "assign", "mail-forward-symbolic" },
    { "reopen", "view-refresh-symbolic" },
    { "start", "media-playback-start-symbolic" },
    { "reply", "mail-replied-symbolic" },
    { "close", "emblem-ok-symbolic" },
    { "merge", "insert-link-symbolic" },
    { "merged_in", "insert-link-symbolic" },
    { "look_back", "edit-find-symbolic" },
    { "deputies", "system-users-symbolic" },
    { "attachment_added", "mail-attachment-symbolic" },
    { "attachment_removed", "mail-attachment-symbolic" },
  };

  for (guint i = 0; kind != NULL && i < G_N_ELEMENTS (icons); i++)
    if (g_str_equal (icons[i].kind, kind))
      return icons[i].icon;

  return "media-record-symbolic";
}

static GtkWidget *
make_row (LlCaseEvent *event,
          char       **text_out)
{
  g_autofree char *description = ll_case_event_dup_description (event);
  g_autofree char *when = ll_case_history_format_time (ll_case_event_get_at (event));
  g_autofree char *who = NULL;
  g_autofree char *meta = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_for_kind (ll_case_event_get_kind (event)));
  GtkWidget *label = gtk_label_new (description);
  GtkWidget *meta_label;
  const char *user = ll_case_event_get_user (event);
  const char *host = ll_case_event_get_host (event);

  if (user != NULL && host != NULL)
    /* Translators: who changed a case: a user name, then a computer's name */
    who = g_strdup_printf (_("%s on %s"), user, host);
  else
    who = g_strdup (user != NULL ? user : (host != NULL ? host : _("Unknown")));

  /* Translators: under a line of a case's history: who (“wang on OFFICE-PC2”), then when */
  meta = g_strdup_printf (_("%s · %s"), who, when);
  meta_label = gtk_label_new (meta);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_set_margin_top (icon, 2);
  gtk_widget_add_css_class (icon, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (meta_label), 0);
  gtk_label_set_wrap (GTK_LABEL (meta_label), TRUE);
  gtk_widget_add_css_class (meta_label, "caption");
  gtk_widget_add_css_class (meta_label, "dim-label");

  gtk_box_append (GTK_BOX (texts), label);
  gtk_box_append (GTK_BOX (texts), meta_label);
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, TRUE);

  *text_out = g_strdup_printf ("%s\n%s", description, meta);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  *text_out, -1);

  return row;
}

static void
ll_case_history_dispose (GObject *object)
{
  LlCaseHistory *self = LL_CASE_HISTORY (object);

  g_clear_pointer (&self->list_box, gtk_widget_unparent);
  g_clear_pointer (&self->texts, g_ptr_array_unref);

  G_OBJECT_CLASS (ll_case_history_parent_class)->dispose (object);
}

static void
ll_case_history_class_init (LlCaseHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_case_history_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-case-history");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ll_case_history_init (LlCaseHistory *self)
{
  GtkWidget *placeholder = gtk_label_new (_("Nothing recorded yet"));

  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);

  self->texts = g_ptr_array_new_with_free_func (g_free);
  self->list_box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (self->list_box), GTK_SELECTION_NONE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (self->list_box), placeholder);
  gtk_widget_add_css_class (self->list_box, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_box), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("History"), -1);
  gtk_widget_set_parent (self->list_box, GTK_WIDGET (self));
}

GtkWidget *
ll_case_history_new (void)
{
  return g_object_new (LL_TYPE_CASE_HISTORY, NULL);
}

/**
 * ll_case_history_set_events:
 * @events: (nullable) (element-type LlCaseEvent): the case's events,
 *   oldest first, as ll_case_store_list_events() returns them
 *
 * Shows @events, newest first.
 */
void
ll_case_history_set_events (LlCaseHistory *self,
                            GPtrArray     *events)
{
  GtkWidget *child;

  g_return_if_fail (LL_IS_CASE_HISTORY (self));

  /* The placeholder is a child too; remove rows only. */
  for (child = gtk_widget_get_first_child (self->list_box); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (GTK_IS_LIST_BOX_ROW (child))
        gtk_list_box_remove (GTK_LIST_BOX (self->list_box), child);
      child = next;
    }
  g_ptr_array_set_size (self->texts, 0);

  if (events == NULL)
    return;

  for (guint i = events->len; i > 0; i--)
    {
      char *text = NULL;
      GtkWidget *row = make_row (g_ptr_array_index (events, i - 1), &text);

      gtk_list_box_append (GTK_LIST_BOX (self->list_box), row);
      g_ptr_array_add (self->texts, text);
    }
}

guint
ll_case_history_get_n_events (LlCaseHistory *self)
{
  g_return_val_if_fail (LL_IS_CASE_HISTORY (self), 0);

  return self->texts->len;
}

/**
 * ll_case_history_dup_row_text:
 * @position: a row, 0 for the newest event
 *
 * Returns: (transfer full) (nullable): what the row says: the
 *   description, a line break, then who, where and when
 */
char *
ll_case_history_dup_row_text (LlCaseHistory *self,
                              guint          position)
{
  g_return_val_if_fail (LL_IS_CASE_HISTORY (self), NULL);

  if (position >= self->texts->len)
    return NULL;

  return g_strdup (g_ptr_array_index (self->texts, position));
}

/**
 * ll_case_history_format_time:
 * @at: (nullable): an ISO-8601 time in UTC, `2025-03-01T08:30:00Z`
 *
 * Returns: (transfer full): @at in local time, `2025-03-01 16:30`, or
 *   @at as it is when it cannot be read
 */
char *
ll_case_history_format_time (const char *at)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GTimeZone) zone = g_time_zone_new_utc ();

  if (at == NULL)
    return g_strdup ("");

  utc = g_date_time_new_from_iso8601 (at, zone);
  if (utc == NULL)
    return g_strdup (at);

  local = g_date_time_to_local (utc);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

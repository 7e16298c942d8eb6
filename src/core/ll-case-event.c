/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-event"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "ll-case.h"
#include "ll-case-event.h"
#include "ll-enums.h"

/**
 * LlCaseEvent:
 *
 * One line of a case's history (`case_events`): who did what, from
 * which machine and when. Events are written by the case store and the
 * workflow in the same transaction as the change they describe and are
 * never changed afterwards, so every property is construct-only.
 *
 * #LlCaseEvent:detail is a JSON object whose members depend on the
 * kind (see ll-case-workflow.c); ll_case_event_dup_description() turns
 * it into a sentence for the history view.
 */

struct _LlCaseEvent
{
  GObject   parent_instance;

  /* Owned */
  gint64    id;
  gint64    case_id;
  char     *at;
  char     *user;
  char     *host;
  char     *kind;
  char     *from_status;
  char     *to_status;
  char     *detail;
};

G_DEFINE_FINAL_TYPE (LlCaseEvent, ll_case_event, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CASE_ID,
  PROP_AT,
  PROP_USER,
  PROP_HOST,
  PROP_KIND,
  PROP_FROM_STATUS,
  PROP_TO_STATUS,
  PROP_DETAIL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
ll_case_event_finalize (GObject *object)
{
  LlCaseEvent *self = (LlCaseEvent *) object;

  g_clear_pointer (&self->at, g_free);
  g_clear_pointer (&self->user, g_free);
  g_clear_pointer (&self->host, g_free);
  g_clear_pointer (&self->kind, g_free);
  g_clear_pointer (&self->from_status, g_free);
  g_clear_pointer (&self->to_status, g_free);
  g_clear_pointer (&self->detail, g_free);

  G_OBJECT_CLASS (ll_case_event_parent_class)->finalize (object);
}

static void
ll_case_event_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlCaseEvent *self = LL_CASE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;

    case PROP_AT:
      g_value_set_string (value, self->at);
      break;

    case PROP_USER:
      g_value_set_string (value, self->user);
      break;

    case PROP_HOST:
      g_value_set_string (value, self->host);
      break;

    case PROP_KIND:
      g_value_set_string (value, self->kind);
      break;

    case PROP_FROM_STATUS:
      g_value_set_string (value, self->from_status);
      break;

    case PROP_TO_STATUS:
      g_value_set_string (value, self->to_status);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_event_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlCaseEvent *self = LL_CASE_EVENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_CASE_ID:
      self->case_id = g_value_get_int64 (value);
      break;

    case PROP_AT:
      self->at = g_value_dup_string (value);
      break;

    case PROP_USER:
      self->user = g_value_dup_string (value);
      break;

    case PROP_HOST:
      self->host = g_value_dup_string (value);
      break;

    case PROP_KIND:
      self->kind = g_value_dup_string (value);
      break;

    case PROP_FROM_STATUS:
      self->from_status = g_value_dup_string (value);
      break;

    case PROP_TO_STATUS:
      self->to_status = g_value_dup_string (value);
      break;

    case PROP_DETAIL:
      self->detail = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_event_class_init (LlCaseEventClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_case_event_finalize;
  object_class->get_property = ll_case_event_get_property;
  object_class->set_property = ll_case_event_set_property;

  /**
   * LlCaseEvent:id:
   *
   * The row id.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:case-id:
   *
   * The case.
   */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:at:
   *
   * When it happened, ISO-8601 UTC (`2025-03-01T08:30:00Z`).
   */
  properties[PROP_AT] =
    g_param_spec_string ("at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:user:
   *
   * Who did it.
   */
  properties[PROP_USER] =
    g_param_spec_string ("user", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:host:
   *
   * From which machine.
   */
  properties[PROP_HOST] =
    g_param_spec_string ("host", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:kind:
   *
   * What happened: `registered`, `edited`, or a workflow action key such as `assign`.
   */
  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:from-status:
   *
   * The case-status key before, or %NULL.
   */
  properties[PROP_FROM_STATUS] =
    g_param_spec_string ("from-status", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:to-status:
   *
   * The case-status key after, or %NULL.
   */
  properties[PROP_TO_STATUS] =
    g_param_spec_string ("to-status", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCaseEvent:detail:
   *
   * The values entered, as a JSON object.
   */
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_case_event_init (LlCaseEvent *self)
{
}

/**
 * ll_case_event_get_id:
 * @self: a #LlCaseEvent
 *
 * Returns: the row id
 */
gint64
ll_case_event_get_id (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), 0);

  return self->id;
}

/**
 * ll_case_event_get_case_id:
 * @self: a #LlCaseEvent
 *
 * Returns: the case
 */
gint64
ll_case_event_get_case_id (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), 0);

  return self->case_id;
}

/**
 * ll_case_event_get_at:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): when it happened, ISO-8601 UTC (`2025-03-01T08:30:00Z`)
 */
const char *
ll_case_event_get_at (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->at;
}

/**
 * ll_case_event_get_user:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): who did it
 */
const char *
ll_case_event_get_user (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->user;
}

/**
 * ll_case_event_get_host:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): from which machine
 */
const char *
ll_case_event_get_host (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->host;
}

/**
 * ll_case_event_get_kind:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): what happened: `registered`, `edited`, or a
 *   workflow action key such as `assign`
 */
const char *
ll_case_event_get_kind (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->kind;
}

/**
 * ll_case_event_get_from_status:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): the case-status key before, or %NULL
 */
const char *
ll_case_event_get_from_status (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->from_status;
}

/**
 * ll_case_event_get_to_status:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): the case-status key after, or %NULL
 */
const char *
ll_case_event_get_to_status (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->to_status;
}

/**
 * ll_case_event_get_detail:
 * @self: a #LlCaseEvent
 *
 * Returns: (nullable): the values entered, as a JSON object
 */
const char *
ll_case_event_get_detail (LlCaseEvent *self)
{
  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  return self->detail;
}
static const char *
member_string (JsonObject *object,
               const char *name)
{
  JsonNode *node;

  if (object == NULL || !json_object_has_member (object, name))
    return NULL;

  node = json_object_get_member (object, name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* A value of an edited field as the user knows it: labels for keys,
 * yes/no for flags. */
static char *
describe_value (const char *property,
                JsonNode   *node)
{
  const char *text;
  const char *label = NULL;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strdup (C_("empty value", "none"));

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *element = describe_value (property, json_array_get_element (array, i));

          if (list->len > 0)
            /* Translators: separates the names of a list */
            g_string_append (list, C_("list separator", ", "));
          g_string_append (list, element);
        }

      return list->len > 0 ? g_string_free (g_steal_pointer (&list), FALSE)
                           : g_strdup (C_("empty value", "none"));
    }

  if (!JSON_NODE_HOLDS_VALUE (node))
    return g_strdup ("?");

  if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (node) ? _("yes") : _("no"));

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  text = json_node_get_string (node);
  if (g_strcmp0 (property, "source") == 0)
    label = ll_enum_get_label (LL_ENUM_CASE_SOURCE, text);
  else if (g_strcmp0 (property, "category") == 0)
    label = ll_enum_get_label (LL_ENUM_CASE_CATEGORY, text);

  return g_strdup (label != NULL ? label : text);
}

static void
append_part (GString    *text,
             const char *part)
{
  if (text->len > 0)
    /* Translators: separates the parts of a line of a case's history */
    g_string_append (text, C_("list separator", ", "));
  g_string_append (text, part);
}

static char *
describe_edit (JsonObject *detail)
{
  g_autoptr(GString) fields = g_string_new (NULL);
  JsonArray *changes = NULL;

  if (detail != NULL && json_object_has_member (detail, "changes") &&
      JSON_NODE_HOLDS_ARRAY (json_object_get_member (detail, "changes")))
    changes = json_object_get_array_member (detail, "changes");

  for (guint i = 0; changes != NULL && i < json_array_get_length (changes); i++)
    {
      JsonNode *element = json_array_get_element (changes, i);
      JsonObject *change;
      const char *property;
      const char *label;

      if (!JSON_NODE_HOLDS_OBJECT (element))
        continue;

      change = json_node_get_object (element);
      property = member_string (change, "field");
      if (property == NULL)
        continue;

      label = ll_case_get_field_label (property);
      if (label == NULL)
        label = property;

      if (json_object_has_member (change, "old") || json_object_has_member (change, "new"))
        {
          g_autofree char *old_value = describe_value (property,
                                                       json_object_get_member (change, "old"));
          g_autofree char *new_value = describe_value (property,
                                                       json_object_get_member (change, "new"));
          g_autofree char *part = NULL;

          /* Translators: a changed field in a case's history:
           * “Title: “路灯不亮” → “东湖路路灯不亮”” */
          part = g_strdup_printf (_("%s: “%s” → “%s”"), label, old_value, new_value);
          append_part (fields, part);
        }
      else
        append_part (fields, label);
    }

  if (fields->len == 0)
    return g_strdup (_("Edited"));

  /* Translators: %s is the list of changed fields */
  return g_strdup_printf (_("Edited %s"), fields->str);
}

static char *
describe_assign (JsonObject *detail,
                 gboolean    reopen)
{
  g_autoptr(GString) parts = g_string_new (NULL);
  const char *mode = member_string (detail, "handling_mode");
  const char *department = member_string (detail, "department");
  const char *deadline = member_string (detail, "deadline");
  const char *mode_label = ll_enum_get_label (LL_ENUM_HANDLING_MODE, mode);

  if (mode_label != NULL)
    append_part (parts, mode_label);

  if (department != NULL)
    {
      /* Translators: in a case's history: “to 区住建局” */
      g_autofree char *part = g_strdup_printf (_("to %s"), department);
      append_part (parts, part);
    }

  if (deadline != NULL)
    {
      /* Translators: in a case's history: “deadline 2025-04-01” */
      g_autofree char *part = g_strdup_printf (_("deadline %s"), deadline);
      append_part (parts, part);
    }

  if (reopen)
    {
      if (parts->len == 0)
        return g_strdup (_("Reopened"));
      /* Translators: a case reopened after the constituent was
       * dissatisfied (重新交办); %s is the handling, department, deadline */
      return g_strdup_printf (_("Reopened: %s"), parts->str);
    }

  if (parts->len == 0)
    return g_strdup (_("Assigned"));
  /* Translators: %s is the handling mode, department and deadline */
  return g_strdup_printf (_("Assigned: %s"), parts->str);
}

/**
 * ll_case_event_dup_description:
 * @self: a #LlCaseEvent
 *
 * Describes the event for the case's history, translated, e.g.
 * “Assigned: Assigned to a department, to 区住建局, deadline 2025-04-01”.
 * Unknown kinds (from a newer Lianluo) are shown by their key.
 *
 * Returns: (transfer full): the description
 */
char *
ll_case_event_dup_description (LlCaseEvent *self)
{
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *detail = NULL;
  const char *kind;

  g_return_val_if_fail (LL_IS_CASE_EVENT (self), NULL);

  kind = self->kind != NULL ? self->kind : "";

  if (self->detail != NULL)
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, self->detail, -1, NULL) &&
          JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        detail = json_node_get_object (json_parser_get_root (parser));
    }

  if (g_str_equal (kind, "registered"))
    {
      const char *serial = member_string (detail, "serial");

      if (serial == NULL)
        return g_strdup (_("Registered"));
      /* Translators: %s is a case's serial number, 2025-0078 */
      return g_strdup_printf (_("Registered as %s"), serial);
    }

  if (g_str_equal (kind, "edited"))
    return describe_edit (detail);

  if (g_str_equal (kind, "assign"))
    return describe_assign (detail, FALSE);

  if (g_str_equal (kind, "reopen"))
    return describe_assign (detail, TRUE);

  if (g_str_equal (kind, "start"))
    return g_strdup (_("Handling started"));

  if (g_str_equal (kind, "reply"))
    {
      const char *replied_on = member_string (detail, "replied_on");

      if (replied_on == NULL)
        return g_strdup (_("Reply recorded"));
      /* Translators: %s is the date of the reply */
      return g_strdup_printf (_("Reply of %s recorded"), replied_on);
    }

  if (g_str_equal (kind, "close"))
    {
      const char *satisfaction = ll_enum_get_label (LL_ENUM_SATISFACTION,
                                                    member_string (detail, "satisfaction"));

      if (satisfaction == NULL)
        return g_strdup (_("Closed"));
      /* Translators: %s is the constituent's satisfaction, e.g. “Satisfied” */
      return g_strdup_printf (_("Closed after the follow-up visit: %s"), satisfaction);
    }

  if (g_str_equal (kind, "merge"))
    {
      const char *serial = member_string (detail, "into_serial");

      /* Translators: %s is the serial number of a common issue */
      return g_strdup_printf (_("Merged into the common issue %s"), serial ? serial : "?");
    }

  if (g_str_equal (kind, "merged_in"))
    {
      const char *serial = member_string (detail, "serial");

      /* Translators: %s is the serial number of a case */
      return g_strdup_printf (_("Case %s merged into this common issue"), serial ? serial : "?");
    }

  if (g_str_equal (kind, "look_back"))
    {
      if (detail != NULL && json_object_has_member (detail, "look_back") &&
          !json_object_get_boolean_member (detail, "look_back"))
        return g_strdup (_("Removed from the look back"));
      return g_strdup (_("Selected for a look back"));
    }

  if (g_str_equal (kind, "attachment_added") || g_str_equal (kind, "attachment_removed"))
    {
      const char *file_name = member_string (detail, "file_name");

      if (g_str_equal (kind, "attachment_added"))
        /* Translators: %s is a file name */
        return g_strdup_printf (_("Attachment “%s” added"), file_name ? file_name : "?");
      /* Translators: %s is a file name */
      return g_strdup_printf (_("Attachment “%s” removed"), file_name ? file_name : "?");
    }

  return g_strdup (kind);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-case.h"
#include "ll-database.h"
#include "ll-enums.h"
#include "ll-validate.h"

/**
 * LlCase:
 *
 * A constituent case (群众诉求 / 意见建议): one row of `cases`, with one
 * property per column. The status and the handling columns change
 * through ll-case-workflow only; ll_case_store_update() saves the
 * registration fields. #LlCase:station-name, #LlCase:department-name
 * and #LlCase:overdue are read-only conveniences, not columns.
 */

struct _LlCase
{
  GObject   parent_instance;

  /* Owned */
  gint64    id;
  gint64    version;
  int       year;
  int       seq;
  char     *serial;
  char     *title;
  char     *body;
  char     *received_on;
  char     *source;
  gint64    station_id;
  char     *constituent_name;
  char     *constituent_phone;
  char     *constituent_address;
  char     *category;
  gboolean  is_common;
  gint64    merged_into_id;
  gboolean  fast_track;
  char     *status;
  char     *handling_mode;
  gint64    department_id;
  char     *assigned_on;
  char     *deadline;
  char     *reply_text;
  char     *replied_on;
  char     *satisfaction;
  char     *follow_up_note;
  char     *closed_on;
  gboolean  look_back;
  char     *created_at;
  char     *updated_at;
  char     *station_name;
  char     *department_name;
};

G_DEFINE_FINAL_TYPE (LlCase, ll_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_YEAR,
  PROP_SEQ,
  PROP_SERIAL,
  PROP_TITLE,
  PROP_BODY,
  PROP_RECEIVED_ON,
  PROP_SOURCE,
  PROP_STATION_ID,
  PROP_CONSTITUENT_NAME,
  PROP_CONSTITUENT_PHONE,
  PROP_CONSTITUENT_ADDRESS,
  PROP_CATEGORY,
  PROP_IS_COMMON,
  PROP_MERGED_INTO_ID,
  PROP_FAST_TRACK,
  PROP_STATUS,
  PROP_HANDLING_MODE,
  PROP_DEPARTMENT_ID,
  PROP_ASSIGNED_ON,
  PROP_DEADLINE,
  PROP_REPLY_TEXT,
  PROP_REPLIED_ON,
  PROP_SATISFACTION,
  PROP_FOLLOW_UP_NOTE,
  PROP_CLOSED_ON,
  PROP_LOOK_BACK,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  PROP_STATION_NAME,
  PROP_DEPARTMENT_NAME,
  PROP_OVERDUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The translated labels of the columns, for messages, histories and the
 * edit-conflict dialog. */
static const struct {
  const char *property;
  const char *label;
} field_labels[] = {
  { "id", NC_("case field", "Id") },
  { "version", NC_("case field", "Version") },
  { "year", NC_("case field", "Year") },
  { "seq", NC_("case field", "Number in the year") },
  { "serial", NC_("case field", "Serial number") },
  { "title", NC_("case field", "Title") },
  { "body", NC_("case field", "Full text") },
  { "received-on", NC_("case field", "Received") },
  { "source", NC_("case field", "Source") },
  { "station-id", NC_("case field", "Station") },
  { "constituent-name", NC_("case field", "Constituent") },
  { "constituent-phone", NC_("case field", "Constituent’s phone") },
  { "constituent-address", NC_("case field", "Constituent’s address") },
  { "category", NC_("case field", "Category") },
  { "is-common", NC_("case field", "Common issue") },
  { "merged-into-id", NC_("case field", "Merged into") },
  { "fast-track", NC_("case field", "Fast track") },
  { "status", NC_("case field", "Status") },
  { "handling-mode", NC_("case field", "Handling mode") },
  { "department-id", NC_("case field", "Department") },
  { "assigned-on", NC_("case field", "Assigned") },
  { "deadline", NC_("case field", "Deadline") },
  { "reply-text", NC_("case field", "Reply") },
  { "replied-on", NC_("case field", "Replied") },
  { "satisfaction", NC_("case field", "Satisfaction") },
  { "follow-up-note", NC_("case field", "Follow-up visit") },
  { "closed-on", NC_("case field", "Closed") },
  { "look-back", NC_("case field", "Look back") },
  { "created-at", NC_("case field", "Created") },
  { "updated-at", NC_("case field", "Last changed") },
  { "station-name", NC_("case field", "Station") },
  { "department-name", NC_("case field", "Department") },
  { "receiving-deputies", NC_("case field", "Receiving deputies") },
};

#define LABEL(property) ll_case_get_field_label (property)

static void
ll_case_finalize (GObject *object)
{
  LlCase *self = (LlCase *) object;

  g_clear_pointer (&self->serial, g_free);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->body, g_free);
  g_clear_pointer (&self->received_on, g_free);
  g_clear_pointer (&self->source, g_free);
  g_clear_pointer (&self->constituent_name, g_free);
  g_clear_pointer (&self->constituent_phone, g_free);
  g_clear_pointer (&self->constituent_address, g_free);
  g_clear_pointer (&self->category, g_free);
  g_clear_pointer (&self->status, g_free);
  g_clear_pointer (&self->handling_mode, g_free);
  g_clear_pointer (&self->assigned_on, g_free);
  g_clear_pointer (&self->deadline, g_free);
  g_clear_pointer (&self->reply_text, g_free);
  g_clear_pointer (&self->replied_on, g_free);
  g_clear_pointer (&self->satisfaction, g_free);
  g_clear_pointer (&self->follow_up_note, g_free);
  g_clear_pointer (&self->closed_on, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);
  g_clear_pointer (&self->station_name, g_free);
  g_clear_pointer (&self->department_name, g_free);

  G_OBJECT_CLASS (ll_case_parent_class)->finalize (object);
}

static void
ll_case_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LlCase *self = LL_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;

    case PROP_SEQ:
      g_value_set_int (value, self->seq);
      break;

    case PROP_SERIAL:
      g_value_set_string (value, self->serial);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_BODY:
      g_value_set_string (value, self->body);
      break;

    case PROP_RECEIVED_ON:
      g_value_set_string (value, self->received_on);
      break;

    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;

    case PROP_STATION_ID:
      g_value_set_int64 (value, self->station_id);
      break;

    case PROP_CONSTITUENT_NAME:
      g_value_set_string (value, self->constituent_name);
      break;

    case PROP_CONSTITUENT_PHONE:
      g_value_set_string (value, self->constituent_phone);
      break;

    case PROP_CONSTITUENT_ADDRESS:
      g_value_set_string (value, self->constituent_address);
      break;

    case PROP_CATEGORY:
      g_value_set_string (value, self->category);
      break;

    case PROP_IS_COMMON:
      g_value_set_boolean (value, self->is_common);
      break;

    case PROP_MERGED_INTO_ID:
      g_value_set_int64 (value, self->merged_into_id);
      break;

    case PROP_FAST_TRACK:
      g_value_set_boolean (value, self->fast_track);
      break;

    case PROP_STATUS:
      g_value_set_string (value, self->status);
      break;

    case PROP_HANDLING_MODE:
      g_value_set_string (value, self->handling_mode);
      break;

    case PROP_DEPARTMENT_ID:
      g_value_set_int64 (value, self->department_id);
      break;

    case PROP_ASSIGNED_ON:
      g_value_set_string (value, self->assigned_on);
      break;

    case PROP_DEADLINE:
      g_value_set_string (value, self->deadline);
      break;

    case PROP_REPLY_TEXT:
      g_value_set_string (value, self->reply_text);
      break;

    case PROP_REPLIED_ON:
      g_value_set_string (value, self->replied_on);
      break;

    case PROP_SATISFACTION:
      g_value_set_string (value, self->satisfaction);
      break;

    case PROP_FOLLOW_UP_NOTE:
      g_value_set_string (value, self->follow_up_note);
      break;

    case PROP_CLOSED_ON:
      g_value_set_string (value, self->closed_on);
      break;

    case PROP_LOOK_BACK:
      g_value_set_boolean (value, self->look_back);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;

    case PROP_STATION_NAME:
      g_value_set_string (value, self->station_name);
      break;

    case PROP_DEPARTMENT_NAME:
      g_value_set_string (value, self->department_name);
      break;

    case PROP_OVERDUE:
      g_value_set_boolean (value, ll_case_get_overdue (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LlCase *self = LL_CASE (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_case_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      ll_case_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_YEAR:
      ll_case_set_year (self, g_value_get_int (value));
      break;

    case PROP_SEQ:
      ll_case_set_seq (self, g_value_get_int (value));
      break;

    case PROP_SERIAL:
      ll_case_set_serial (self, g_value_get_string (value));
      break;

    case PROP_TITLE:
      ll_case_set_title (self, g_value_get_string (value));
      break;

    case PROP_BODY:
      ll_case_set_body (self, g_value_get_string (value));
      break;

    case PROP_RECEIVED_ON:
      ll_case_set_received_on (self, g_value_get_string (value));
      break;

    case PROP_SOURCE:
      ll_case_set_source (self, g_value_get_string (value));
      break;

    case PROP_STATION_ID:
      ll_case_set_station_id (self, g_value_get_int64 (value));
      break;

    case PROP_CONSTITUENT_NAME:
      ll_case_set_constituent_name (self, g_value_get_string (value));
      break;

    case PROP_CONSTITUENT_PHONE:
      ll_case_set_constituent_phone (self, g_value_get_string (value));
      break;

    case PROP_CONSTITUENT_ADDRESS:
      ll_case_set_constituent_address (self, g_value_get_string (value));
      break;

    case PROP_CATEGORY:
      ll_case_set_category (self, g_value_get_string (value));
      break;

    case PROP_IS_COMMON:
      ll_case_set_is_common (self, g_value_get_boolean (value));
      break;

    case PROP_MERGED_INTO_ID:
      ll_case_set_merged_into_id (self, g_value_get_int64 (value));
      break;

    case PROP_FAST_TRACK:
      ll_case_set_fast_track (self, g_value_get_boolean (value));
      break;

    case PROP_STATUS:
      ll_case_set_status (self, g_value_get_string (value));
      break;

    case PROP_HANDLING_MODE:
      ll_case_set_handling_mode (self, g_value_get_string (value));
      break;

    case PROP_DEPARTMENT_ID:
      ll_case_set_department_id (self, g_value_get_int64 (value));
      break;

    case PROP_ASSIGNED_ON:
      ll_case_set_assigned_on (self, g_value_get_string (value));
      break;

    case PROP_DEADLINE:
      ll_case_set_deadline (self, g_value_get_string (value));
      break;

    case PROP_REPLY_TEXT:
      ll_case_set_reply_text (self, g_value_get_string (value));
      break;

    case PROP_REPLIED_ON:
      ll_case_set_replied_on (self, g_value_get_string (value));
      break;

    case PROP_SATISFACTION:
      ll_case_set_satisfaction (self, g_value_get_string (value));
      break;

    case PROP_FOLLOW_UP_NOTE:
      ll_case_set_follow_up_note (self, g_value_get_string (value));
      break;

    case PROP_CLOSED_ON:
      ll_case_set_closed_on (self, g_value_get_string (value));
      break;

    case PROP_LOOK_BACK:
      ll_case_set_look_back (self, g_value_get_boolean (value));
      break;

    case PROP_CREATED_AT:
      ll_case_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      ll_case_set_updated_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_case_class_init (LlCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_case_finalize;
  object_class->get_property = ll_case_get_property;
  object_class->set_property = ll_case_set_property;

  /**
   * LlCase:id:
   *
   * The row id; 0 until the case is registered.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:version:
   *
   * The row version (optimistic locking); 0 until registered.
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:year:
   *
   * The year of the serial number, set when the case is registered.
   */
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:seq:
   *
   * The number of the case within its year, set when registered.
   */
  properties[PROP_SEQ] =
    g_param_spec_int ("seq", NULL, NULL,
                      0, G_MAXINT, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:serial:
   *
   * The serial number, e.g. `2025-0078`, set when registered.
   */
  properties[PROP_SERIAL] =
    g_param_spec_string ("serial", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:title:
   *
   * What the case is about, in one line.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:body:
   *
   * The full text of the case.
   */
  properties[PROP_BODY] =
    g_param_spec_string ("body", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:received-on:
   *
   * The date the case was received, `YYYY-MM-DD`.
   */
  properties[PROP_RECEIVED_ON] =
    g_param_spec_string ("received-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:source:
   *
   * The channel, a case-source key such as `reception_day`.
   */
  properties[PROP_SOURCE] =
    g_param_spec_string ("source", NULL, NULL,
                         "other",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:station-id:
   *
   * The station that received the case.
   */
  properties[PROP_STATION_ID] =
    g_param_spec_int64 ("station-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:constituent-name:
   *
   * The constituent's name (personal data).
   */
  properties[PROP_CONSTITUENT_NAME] =
    g_param_spec_string ("constituent-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:constituent-phone:
   *
   * The constituent's phone number (personal data).
   */
  properties[PROP_CONSTITUENT_PHONE] =
    g_param_spec_string ("constituent-phone", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:constituent-address:
   *
   * The constituent's address (personal data).
   */
  properties[PROP_CONSTITUENT_ADDRESS] =
    g_param_spec_string ("constituent-address", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:category:
   *
   * A case-category key such as `urban_construction`.
   */
  properties[PROP_CATEGORY] =
    g_param_spec_string ("category", NULL, NULL,
                         "other",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:is-common:
   *
   * Whether the case is a common issue (共性问题) that other cases are merged into.
   */
  properties[PROP_IS_COMMON] =
    g_param_spec_boolean ("is-common", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:merged-into-id:
   *
   * The common issue this case was merged into, or 0.
   */
  properties[PROP_MERGED_INTO_ID] =
    g_param_spec_int64 ("merged-into-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:fast-track:
   *
   * Whether the case is on the fast track (绿色通道).
   */
  properties[PROP_FAST_TRACK] =
    g_param_spec_boolean ("fast-track", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:status:
   *
   * A case-status key; changed by the workflow only.
   */
  properties[PROP_STATUS] =
    g_param_spec_string ("status", NULL, NULL,
                         "registered",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:handling-mode:
   *
   * A handling-mode key, set when the case is assigned.
   */
  properties[PROP_HANDLING_MODE] =
    g_param_spec_string ("handling-mode", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:department-id:
   *
   * The department (承办单位) the case is assigned to, or 0.
   */
  properties[PROP_DEPARTMENT_ID] =
    g_param_spec_int64 ("department-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:assigned-on:
   *
   * The date the case was assigned.
   */
  properties[PROP_ASSIGNED_ON] =
    g_param_spec_string ("assigned-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:deadline:
   *
   * The date the reply is due.
   */
  properties[PROP_DEADLINE] =
    g_param_spec_string ("deadline", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:reply-text:
   *
   * The reply.
   */
  properties[PROP_REPLY_TEXT] =
    g_param_spec_string ("reply-text", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:replied-on:
   *
   * The date of the reply.
   */
  properties[PROP_REPLIED_ON] =
    g_param_spec_string ("replied-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:satisfaction:
   *
   * A satisfaction key recorded at the follow-up visit (回访).
   */
  properties[PROP_SATISFACTION] =
    g_param_spec_string ("satisfaction", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:follow-up-note:
   *
   * Notes of the follow-up visit.
   */
  properties[PROP_FOLLOW_UP_NOTE] =
    g_param_spec_string ("follow-up-note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:closed-on:
   *
   * The date the case was closed.
   */
  properties[PROP_CLOSED_ON] =
    g_param_spec_string ("closed-on", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:look-back:
   *
   * Whether the closed case was selected for a look back (回头看).
   */
  properties[PROP_LOOK_BACK] =
    g_param_spec_boolean ("look-back", NULL, NULL,
                          FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:created-at:
   *
   * When the row was created, ISO-8601 UTC.
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:updated-at:
   *
   * When the row was last changed, ISO-8601 UTC.
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:station-name:
   *
   * The station's name, filled in by ll_case_store_load_many() and
   * ll_case_store_get(); not a column.
   */
  properties[PROP_STATION_NAME] =
    g_param_spec_string ("station-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:department-name:
   *
   * The department's name, filled in by ll_case_store_load_many() and
   * ll_case_store_get(); not a column.
   */
  properties[PROP_DEPARTMENT_NAME] =
    g_param_spec_string ("department-name", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * LlCase:overdue:
   *
   * Whether the case is overdue today; see ll_case_get_overdue(). Not a column.
   */
  properties[PROP_OVERDUE] =
    g_param_spec_boolean ("overdue", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_case_init (LlCase *self)
{
  self->source = g_strdup ("other");
  self->category = g_strdup ("other");
  self->status = g_strdup ("registered");
}

/**
 * ll_case_new:
 *
 * Creates an unsaved case: status `registered`, source and category
 * `other`. Register it with ll_case_store_create().
 *
 * Returns: (transfer full): a new #LlCase
 */
LlCase *
ll_case_new (void)
{
  return g_object_new (LL_TYPE_CASE, NULL);
}

/**
 * ll_case_update_from:
 * @self: a #LlCase
 * @other: the case to copy from
 *
 * Copies every column and the convenience names of @other into @self,
 * notifying only the properties whose value changes. Used to reload a
 * case in place after the database changed it.
 */
void
ll_case_update_from (LlCase *self,
                     LlCase *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_if_fail (LL_IS_CASE (self));
  g_return_if_fail (LL_IS_CASE (other));

  if (self == other)
    return;

  g_object_freeze_notify (G_OBJECT (self));

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (self), &n_pspecs);
  for (guint i = 0; i < n_pspecs; i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;

      if ((pspecs[i]->flags & G_PARAM_WRITABLE) == 0)
        continue;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (G_OBJECT (other), pspecs[i]->name, &value);
      g_object_set_property (G_OBJECT (self), pspecs[i]->name, &value);
    }

  _ll_case_set_names (self, other->station_name, other->department_name);

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ll_case_dup:
 * @self: a #LlCase
 *
 * Returns: (transfer full): a copy of @self, for example the user's
 *   edits to compare with the stored case
 */
LlCase *
ll_case_dup (LlCase *self)
{
  LlCase *copy;

  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  copy = ll_case_new ();
  ll_case_update_from (copy, self);

  return copy;
}

/**
 * ll_case_get_field_label:
 * @property: a property name of #LlCase, e.g. `received-on`, or
 *   `receiving-deputies`
 *
 * Returns: (nullable): the translated label of the field, e.g.
 *   “Received”, or %NULL for an unknown name
 */
const char *
ll_case_get_field_label (const char *property)
{
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].property, property) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "case field", field_labels[i].label);

  return NULL;
}

static gboolean
validate_not_before (const char  *date,
                     const char  *date_property,
                     const char  *earlier,
                     const char  *earlier_property,
                     GError     **error)
{
  if (date == NULL || earlier == NULL || strcmp (date, earlier) >= 0)
    return TRUE;

  /* Translators: “Deadline: 2025-03-01 is earlier than “Received”
   * (2025-03-05).” The first and third %s are fields, the others dates. */
  g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
               _("%s: %s is earlier than “%s” (%s)."),
               LABEL (date_property), date, LABEL (earlier_property), earlier);
  return FALSE;
}

/**
 * ll_case_validate:
 * @self: a #LlCase
 * @error: return location for a #GError
 *
 * Checks every field: a title, a real received date, a station, known
 * source, category, status, handling-mode and satisfaction keys, a
 * plausible phone number, real dates, and dates in order (assigned,
 * deadline, replied and closed not before the received date; closed not
 * before replied). The message names the field by its translated label.
 *
 * Returns: %TRUE when the case can be saved, or %FALSE with
 *   %LL_DATABASE_ERROR_INVALID
 */
gboolean
ll_case_validate (LlCase  *self,
                  GError **error)
{
  const struct {
    const char *property;
    const char *value;
  } dates[] = {
    { "assigned-on", self->assigned_on },
    { "deadline", self->deadline },
    { "replied-on", self->replied_on },
    { "closed-on", self->closed_on },
  };

  g_return_val_if_fail (LL_IS_CASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_required (self->title, LABEL ("title"), error) ||
      !ll_validate_required (self->received_on, LABEL ("received-on"), error) ||
      !ll_validate_date (self->received_on, LABEL ("received-on"), error) ||
      !ll_validate_enum (LL_ENUM_CASE_SOURCE, self->source, FALSE, LABEL ("source"), error) ||
      !ll_validate_enum (LL_ENUM_CASE_CATEGORY, self->category, FALSE, LABEL ("category"),
                         error) ||
      !ll_validate_phone (self->constituent_phone, LABEL ("constituent-phone"), error) ||
      !ll_validate_enum (LL_ENUM_CASE_STATUS, self->status, FALSE, LABEL ("status"), error) ||
      !ll_validate_enum (LL_ENUM_HANDLING_MODE, self->handling_mode, TRUE,
                         LABEL ("handling-mode"), error) ||
      !ll_validate_enum (LL_ENUM_SATISFACTION, self->satisfaction, TRUE,
                         LABEL ("satisfaction"), error))
    return FALSE;

  if (self->station_id <= 0)
    return ll_validate_required (NULL, LABEL ("station-id"), error);

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    if (!ll_validate_date (dates[i].value, LABEL (dates[i].property), error) ||
        !validate_not_before (dates[i].value, dates[i].property,
                              self->received_on, "received-on", error))
      return FALSE;

  if (!validate_not_before (self->closed_on, "closed-on", self->replied_on, "replied-on", error))
    return FALSE;

  if (self->merged_into_id != 0 && self->merged_into_id == self->id)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("A case cannot be merged into itself."));
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_case_is_overdue_on:
 * @self: a #LlCase
 * @today: a date, `YYYY-MM-DD`
 *
 * Returns: whether the case was overdue on @today: assigned or in
 *   progress, with a deadline before @today
 */
gboolean
ll_case_is_overdue_on (LlCase     *self,
                       const char *today)
{
  g_return_val_if_fail (LL_IS_CASE (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return (g_strcmp0 (self->status, "assigned") == 0 ||
          g_strcmp0 (self->status, "in_progress") == 0) &&
         self->deadline != NULL &&
         strcmp (self->deadline, today) < 0;
}

/**
 * ll_case_get_overdue:
 * @self: a #LlCase
 *
 * Overdue cases are what staff chase: assigned or in progress and past
 * their deadline. “Today” is ll_date_today(), which `LIANLUO_TODAY`
 * can pin.
 *
 * Returns: whether the case is overdue today
 */
gboolean
ll_case_get_overdue (LlCase *self)
{
  g_autofree char *today = NULL;

  g_return_val_if_fail (LL_IS_CASE (self), FALSE);

  if (self->deadline == NULL)
    return FALSE;

  today = ll_date_today ();
  return ll_case_is_overdue_on (self, today);
}

void
_ll_case_set_names (LlCase     *self,
                    const char *station_name,
                    const char *department_name)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (g_strcmp0 (self->station_name, station_name) != 0)
    {
      g_free (self->station_name);
      self->station_name = g_strdup (station_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_NAME]);
    }

  if (g_strcmp0 (self->department_name, department_name) != 0)
    {
      g_free (self->department_name);
      self->department_name = g_strdup (department_name);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_NAME]);
    }
}

/**
 * ll_case_get_id:
 * @self: a #LlCase
 *
 * Returns: the row id; 0 until the case is registered
 */
gint64
ll_case_get_id (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->id;
}

/**
 * ll_case_set_id:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:id.
 */
void
ll_case_set_id (LlCase *self,
                gint64  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_case_get_version:
 * @self: a #LlCase
 *
 * Returns: the row version (optimistic locking); 0 until registered
 */
gint64
ll_case_get_version (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->version;
}

/**
 * ll_case_set_version:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:version.
 */
void
ll_case_set_version (LlCase *self,
                     gint64  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->version == value)
    return;

  self->version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_case_get_year:
 * @self: a #LlCase
 *
 * Returns: the year of the serial number, set when the case is registered
 */
int
ll_case_get_year (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->year;
}

/**
 * ll_case_set_year:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:year.
 */
void
ll_case_set_year (LlCase *self,
                  int     value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->year == value)
    return;

  self->year = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
}

/**
 * ll_case_get_seq:
 * @self: a #LlCase
 *
 * Returns: the number of the case within its year, set when registered
 */
int
ll_case_get_seq (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->seq;
}

/**
 * ll_case_set_seq:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:seq.
 */
void
ll_case_set_seq (LlCase *self,
                 int     value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->seq == value)
    return;

  self->seq = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEQ]);
}

/**
 * ll_case_get_serial:
 * @self: a #LlCase
 *
 * Returns: (nullable): the serial number, e.g. `2025-0078`, set when registered
 */
const char *
ll_case_get_serial (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->serial;
}

/**
 * ll_case_set_serial:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:serial.
 */
void
ll_case_set_serial (LlCase     *self,
                    const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->serial, value) == 0)
    return;

  g_free (self->serial);
  self->serial = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SERIAL]);
}

/**
 * ll_case_get_title:
 * @self: a #LlCase
 *
 * Returns: (nullable): what the case is about, in one line
 */
const char *
ll_case_get_title (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->title;
}

/**
 * ll_case_set_title:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:title.
 */
void
ll_case_set_title (LlCase     *self,
                   const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->title, value) == 0)
    return;

  g_free (self->title);
  self->title = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/**
 * ll_case_get_body:
 * @self: a #LlCase
 *
 * Returns: (nullable): the full text of the case
 */
const char *
ll_case_get_body (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->body;
}

/**
 * ll_case_set_body:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:body.
 */
void
ll_case_set_body (LlCase     *self,
                  const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->body, value) == 0)
    return;

  g_free (self->body);
  self->body = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BODY]);
}

/**
 * ll_case_get_received_on:
 * @self: a #LlCase
 *
 * Returns: (nullable): the date the case was received, `YYYY-MM-DD`
 */
const char *
ll_case_get_received_on (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->received_on;
}

/**
 * ll_case_set_received_on:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:received-on.
 */
void
ll_case_set_received_on (LlCase     *self,
                         const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->received_on, value) == 0)
    return;

  g_free (self->received_on);
  self->received_on = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECEIVED_ON]);
}

/**
 * ll_case_get_source:
 * @self: a #LlCase
 *
 * Returns: (nullable): the channel, a case-source key such as `reception_day`
 */
const char *
ll_case_get_source (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->source;
}

/**
 * ll_case_set_source:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:source.
 */
void
ll_case_set_source (LlCase     *self,
                    const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->source, value) == 0)
    return;

  g_free (self->source);
  self->source = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SOURCE]);
}

/**
 * ll_case_get_station_id:
 * @self: a #LlCase
 *
 * Returns: the station that received the case
 */
gint64
ll_case_get_station_id (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->station_id;
}

/**
 * ll_case_set_station_id:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:station-id.
 */
void
ll_case_set_station_id (LlCase *self,
                        gint64  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->station_id == value)
    return;

  self->station_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATION_ID]);
}

/**
 * ll_case_get_constituent_name:
 * @self: a #LlCase
 *
 * Returns: (nullable): the constituent's name (personal data)
 */
const char *
ll_case_get_constituent_name (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->constituent_name;
}

/**
 * ll_case_set_constituent_name:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:constituent-name.
 */
void
ll_case_set_constituent_name (LlCase     *self,
                              const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->constituent_name, value) == 0)
    return;

  g_free (self->constituent_name);
  self->constituent_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSTITUENT_NAME]);
}

/**
 * ll_case_get_constituent_phone:
 * @self: a #LlCase
 *
 * Returns: (nullable): the constituent's phone number (personal data)
 */
const char *
ll_case_get_constituent_phone (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->constituent_phone;
}

/**
 * ll_case_set_constituent_phone:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:constituent-phone.
 */
void
ll_case_set_constituent_phone (LlCase     *self,
                               const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->constituent_phone, value) == 0)
    return;

  g_free (self->constituent_phone);
  self->constituent_phone = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSTITUENT_PHONE]);
}

/**
 * ll_case_get_constituent_address:
 * @self: a #LlCase
 *
 * Returns: (nullable): the constituent's address (personal data)
 */
const char *
ll_case_get_constituent_address (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->constituent_address;
}

/**
 * ll_case_set_constituent_address:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:constituent-address.
 */
void
ll_case_set_constituent_address (LlCase     *self,
                                 const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->constituent_address, value) == 0)
    return;

  g_free (self->constituent_address);
  self->constituent_address = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONSTITUENT_ADDRESS]);
}

/**
 * ll_case_get_category:
 * @self: a #LlCase
 *
 * Returns: (nullable): a case-category key such as `urban_construction`
 */
const char *
ll_case_get_category (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->category;
}

/**
 * ll_case_set_category:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:category.
 */
void
ll_case_set_category (LlCase     *self,
                      const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->category, value) == 0)
    return;

  g_free (self->category);
  self->category = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CATEGORY]);
}

/**
 * ll_case_get_is_common:
 * @self: a #LlCase
 *
 * Returns: whether the case is a common issue (共性问题) that other cases are merged into
 */
gboolean
ll_case_get_is_common (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), FALSE);

  return self->is_common;
}

/**
 * ll_case_set_is_common:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:is-common.
 */
void
ll_case_set_is_common (LlCase   *self,
                       gboolean  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  value = !!value;

  if (self->is_common == value)
    return;

  self->is_common = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_IS_COMMON]);
}

/**
 * ll_case_get_merged_into_id:
 * @self: a #LlCase
 *
 * Returns: the common issue this case was merged into, or 0
 */
gint64
ll_case_get_merged_into_id (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->merged_into_id;
}

/**
 * ll_case_set_merged_into_id:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:merged-into-id.
 */
void
ll_case_set_merged_into_id (LlCase *self,
                            gint64  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->merged_into_id == value)
    return;

  self->merged_into_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MERGED_INTO_ID]);
}

/**
 * ll_case_get_fast_track:
 * @self: a #LlCase
 *
 * Returns: whether the case is on the fast track (绿色通道)
 */
gboolean
ll_case_get_fast_track (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), FALSE);

  return self->fast_track;
}

/**
 * ll_case_set_fast_track:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:fast-track.
 */
void
ll_case_set_fast_track (LlCase   *self,
                        gboolean  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  value = !!value;

  if (self->fast_track == value)
    return;

  self->fast_track = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FAST_TRACK]);
}

/**
 * ll_case_get_status:
 * @self: a #LlCase
 *
 * Returns: (nullable): a case-status key; changed by the workflow only
 */
const char *
ll_case_get_status (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->status;
}

/**
 * ll_case_set_status:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:status.
 */
void
ll_case_set_status (LlCase     *self,
                    const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->status, value) == 0)
    return;

  g_free (self->status);
  self->status = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

/**
 * ll_case_get_handling_mode:
 * @self: a #LlCase
 *
 * Returns: (nullable): a handling-mode key, set when the case is assigned
 */
const char *
ll_case_get_handling_mode (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->handling_mode;
}

/**
 * ll_case_set_handling_mode:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:handling-mode.
 */
void
ll_case_set_handling_mode (LlCase     *self,
                           const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->handling_mode, value) == 0)
    return;

  g_free (self->handling_mode);
  self->handling_mode = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HANDLING_MODE]);
}

/**
 * ll_case_get_department_id:
 * @self: a #LlCase
 *
 * Returns: the department (承办单位) the case is assigned to, or 0
 */
gint64
ll_case_get_department_id (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), 0);

  return self->department_id;
}

/**
 * ll_case_set_department_id:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:department-id.
 */
void
ll_case_set_department_id (LlCase *self,
                           gint64  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  if (self->department_id == value)
    return;

  self->department_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEPARTMENT_ID]);
}

/**
 * ll_case_get_assigned_on:
 * @self: a #LlCase
 *
 * Returns: (nullable): the date the case was assigned
 */
const char *
ll_case_get_assigned_on (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->assigned_on;
}

/**
 * ll_case_set_assigned_on:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:assigned-on.
 */
void
ll_case_set_assigned_on (LlCase     *self,
                         const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->assigned_on, value) == 0)
    return;

  g_free (self->assigned_on);
  self->assigned_on = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ASSIGNED_ON]);
}

/**
 * ll_case_get_deadline:
 * @self: a #LlCase
 *
 * Returns: (nullable): the date the reply is due
 */
const char *
ll_case_get_deadline (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->deadline;
}

/**
 * ll_case_set_deadline:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:deadline.
 */
void
ll_case_set_deadline (LlCase     *self,
                      const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->deadline, value) == 0)
    return;

  g_free (self->deadline);
  self->deadline = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DEADLINE]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OVERDUE]);
}

/**
 * ll_case_get_reply_text:
 * @self: a #LlCase
 *
 * Returns: (nullable): the reply
 */
const char *
ll_case_get_reply_text (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->reply_text;
}

/**
 * ll_case_set_reply_text:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:reply-text.
 */
void
ll_case_set_reply_text (LlCase     *self,
                        const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->reply_text, value) == 0)
    return;

  g_free (self->reply_text);
  self->reply_text = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLY_TEXT]);
}

/**
 * ll_case_get_replied_on:
 * @self: a #LlCase
 *
 * Returns: (nullable): the date of the reply
 */
const char *
ll_case_get_replied_on (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->replied_on;
}

/**
 * ll_case_set_replied_on:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:replied-on.
 */
void
ll_case_set_replied_on (LlCase     *self,
                        const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->replied_on, value) == 0)
    return;

  g_free (self->replied_on);
  self->replied_on = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REPLIED_ON]);
}

/**
 * ll_case_get_satisfaction:
 * @self: a #LlCase
 *
 * Returns: (nullable): a satisfaction key recorded at the follow-up visit (回访)
 */
const char *
ll_case_get_satisfaction (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->satisfaction;
}

/**
 * ll_case_set_satisfaction:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:satisfaction.
 */
void
ll_case_set_satisfaction (LlCase     *self,
                          const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->satisfaction, value) == 0)
    return;

  g_free (self->satisfaction);
  self->satisfaction = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SATISFACTION]);
}

/**
 * ll_case_get_follow_up_note:
 * @self: a #LlCase
 *
 * Returns: (nullable): notes of the follow-up visit
 */
const char *
ll_case_get_follow_up_note (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->follow_up_note;
}

/**
 * ll_case_set_follow_up_note:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:follow-up-note.
 */
void
ll_case_set_follow_up_note (LlCase     *self,
                            const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->follow_up_note, value) == 0)
    return;

  g_free (self->follow_up_note);
  self->follow_up_note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FOLLOW_UP_NOTE]);
}

/**
 * ll_case_get_closed_on:
 * @self: a #LlCase
 *
 * Returns: (nullable): the date the case was closed
 */
const char *
ll_case_get_closed_on (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->closed_on;
}

/**
 * ll_case_set_closed_on:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:closed-on.
 */
void
ll_case_set_closed_on (LlCase     *self,
                       const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->closed_on, value) == 0)
    return;

  g_free (self->closed_on);
  self->closed_on = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLOSED_ON]);
}

/**
 * ll_case_get_look_back:
 * @self: a #LlCase
 *
 * Returns: whether the closed case was selected for a look back (回头看)
 */
gboolean
ll_case_get_look_back (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), FALSE);

  return self->look_back;
}

/**
 * ll_case_set_look_back:
 * @self: a #LlCase
 * @value: the new value
 *
 * Sets #LlCase:look-back.
 */
void
ll_case_set_look_back (LlCase   *self,
                       gboolean  value)
{
  g_return_if_fail (LL_IS_CASE (self));

  value = !!value;

  if (self->look_back == value)
    return;

  self->look_back = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOOK_BACK]);
}

/**
 * ll_case_get_created_at:
 * @self: a #LlCase
 *
 * Returns: (nullable): when the row was created, ISO-8601 UTC
 */
const char *
ll_case_get_created_at (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->created_at;
}

/**
 * ll_case_set_created_at:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:created-at.
 */
void
ll_case_set_created_at (LlCase     *self,
                        const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->created_at, value) == 0)
    return;

  g_free (self->created_at);
  self->created_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CREATED_AT]);
}

/**
 * ll_case_get_updated_at:
 * @self: a #LlCase
 *
 * Returns: (nullable): when the row was last changed, ISO-8601 UTC
 */
const char *
ll_case_get_updated_at (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->updated_at;
}

/**
 * ll_case_set_updated_at:
 * @self: a #LlCase
 * @value: (nullable): the new value
 *
 * Sets #LlCase:updated-at.
 */
void
ll_case_set_updated_at (LlCase     *self,
                        const char *value)
{
  g_return_if_fail (LL_IS_CASE (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->updated_at, value) == 0)
    return;

  g_free (self->updated_at);
  self->updated_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

/**
 * ll_case_get_station_name:
 * @self: a #LlCase
 *
 * Returns: (nullable): the station's name, filled in by
 *   ll_case_store_load_many() and ll_case_store_get(); not a column
 */
const char *
ll_case_get_station_name (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->station_name;
}

/**
 * ll_case_get_department_name:
 * @self: a #LlCase
 *
 * Returns: (nullable): the department's name, filled in by
 *   ll_case_store_load_many() and ll_case_store_get(); not a column
 */
const char *
ll_case_get_department_name (LlCase *self)
{
  g_return_val_if_fail (LL_IS_CASE (self), NULL);

  return self->department_name;
}

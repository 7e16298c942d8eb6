/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-attachment"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-attachment.h"
#include "ll-database.h"
#include "ll-validate.h"

/**
 * LlAttachment:
 *
 * A file attached to a case or an activity (a photo, a scanned letter,
 * a PDF): the metadata, one property per column of `attachments`. The
 * bytes stay in `attachment_data` and are read on demand with
 * ll_attachment_store_read(), so that lists never load them.
 */

struct _LlAttachment
{
  GObject   parent_instance;

  /* Owned */
  gint64    id;
  gint64    version;
  gint64    case_id;
  gint64    activity_id;
  char     *file_name;
  char     *mime_type;
  gint64    size;
  char     *sha256;
  char     *note;
  char     *added_at;
  char     *added_by;
  char     *added_host;
  char     *created_at;
  char     *updated_at;
};

G_DEFINE_FINAL_TYPE (LlAttachment, ll_attachment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_VERSION,
  PROP_CASE_ID,
  PROP_ACTIVITY_ID,
  PROP_FILE_NAME,
  PROP_MIME_TYPE,
  PROP_SIZE,
  PROP_SHA256,
  PROP_NOTE,
  PROP_ADDED_AT,
  PROP_ADDED_BY,
  PROP_ADDED_HOST,
  PROP_CREATED_AT,
  PROP_UPDATED_AT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The translated labels of the fields. */
static const struct {
  const char *property;
  const char *label;
} field_labels[] = {
  { "id", NC_("attachment field", "Id") },
  { "version", NC_("attachment field", "Version") },
  { "case-id", NC_("attachment field", "Case") },
  { "activity-id", NC_("attachment field", "Activity") },
  { "file-name", NC_("attachment field", "File name") },
  { "mime-type", NC_("attachment field", "Type") },
  { "size", NC_("attachment field", "Size") },
  { "sha256", NC_("attachment field", "Checksum") },
  { "note", NC_("attachment field", "Note") },
  { "added-at", NC_("attachment field", "Added") },
  { "added-by", NC_("attachment field", "Added by") },
  { "added-host", NC_("attachment field", "Added from") },
  { "created-at", NC_("attachment field", "Created") },
  { "updated-at", NC_("attachment field", "Last changed") },
};

#define LABEL(property) ll_attachment_get_field_label (property)

static void
ll_attachment_finalize (GObject *object)
{
  LlAttachment *self = (LlAttachment *) object;

  g_clear_pointer (&self->file_name, g_free);
  g_clear_pointer (&self->mime_type, g_free);
  g_clear_pointer (&self->sha256, g_free);
  g_clear_pointer (&self->note, g_free);
  g_clear_pointer (&self->added_at, g_free);
  g_clear_pointer (&self->added_by, g_free);
  g_clear_pointer (&self->added_host, g_free);
  g_clear_pointer (&self->created_at, g_free);
  g_clear_pointer (&self->updated_at, g_free);

  G_OBJECT_CLASS (ll_attachment_parent_class)->finalize (object);
}

static void
ll_attachment_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlAttachment *self = LL_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_VERSION:
      g_value_set_int64 (value, self->version);
      break;

    case PROP_CASE_ID:
      g_value_set_int64 (value, self->case_id);
      break;

    case PROP_ACTIVITY_ID:
      g_value_set_int64 (value, self->activity_id);
      break;

    case PROP_FILE_NAME:
      g_value_set_string (value, self->file_name);
      break;

    case PROP_MIME_TYPE:
      g_value_set_string (value, self->mime_type);
      break;

    case PROP_SIZE:
      g_value_set_int64 (value, self->size);
      break;

    case PROP_SHA256:
      g_value_set_string (value, self->sha256);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_ADDED_AT:
      g_value_set_string (value, self->added_at);
      break;

    case PROP_ADDED_BY:
      g_value_set_string (value, self->added_by);
      break;

    case PROP_ADDED_HOST:
      g_value_set_string (value, self->added_host);
      break;

    case PROP_CREATED_AT:
      g_value_set_string (value, self->created_at);
      break;

    case PROP_UPDATED_AT:
      g_value_set_string (value, self->updated_at);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_attachment_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlAttachment *self = LL_ATTACHMENT (object);

  switch (prop_id)
    {
    case PROP_ID:
      ll_attachment_set_id (self, g_value_get_int64 (value));
      break;

    case PROP_VERSION:
      ll_attachment_set_version (self, g_value_get_int64 (value));
      break;

    case PROP_CASE_ID:
      ll_attachment_set_case_id (self, g_value_get_int64 (value));
      break;

    case PROP_ACTIVITY_ID:
      ll_attachment_set_activity_id (self, g_value_get_int64 (value));
      break;

    case PROP_FILE_NAME:
      ll_attachment_set_file_name (self, g_value_get_string (value));
      break;

    case PROP_MIME_TYPE:
      ll_attachment_set_mime_type (self, g_value_get_string (value));
      break;

    case PROP_SIZE:
      ll_attachment_set_size (self, g_value_get_int64 (value));
      break;

    case PROP_SHA256:
      ll_attachment_set_sha256 (self, g_value_get_string (value));
      break;

    case PROP_NOTE:
      ll_attachment_set_note (self, g_value_get_string (value));
      break;

    case PROP_ADDED_AT:
      ll_attachment_set_added_at (self, g_value_get_string (value));
      break;

    case PROP_ADDED_BY:
      ll_attachment_set_added_by (self, g_value_get_string (value));
      break;

    case PROP_ADDED_HOST:
      ll_attachment_set_added_host (self, g_value_get_string (value));
      break;

    case PROP_CREATED_AT:
      ll_attachment_set_created_at (self, g_value_get_string (value));
      break;

    case PROP_UPDATED_AT:
      ll_attachment_set_updated_at (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_attachment_class_init (LlAttachmentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_attachment_finalize;
  object_class->get_property = ll_attachment_get_property;
  object_class->set_property = ll_attachment_set_property;

  /**
   * LlAttachment:id:
   *
   * The row id; 0 until the attachment is added.
   */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:version:
   *
   * The row version (optimistic locking).
   */
  properties[PROP_VERSION] =
    g_param_spec_int64 ("version", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:case-id:
   *
   * The case it belongs to, or 0.
   */
  properties[PROP_CASE_ID] =
    g_param_spec_int64 ("case-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:activity-id:
   *
   * The activity it belongs to, or 0.
   */
  properties[PROP_ACTIVITY_ID] =
    g_param_spec_int64 ("activity-id", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:file-name:
   *
   * The file name, e.g. `来信.pdf`.
   */
  properties[PROP_FILE_NAME] =
    g_param_spec_string ("file-name", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:mime-type:
   *
   * The MIME type, e.g. `application/pdf`.
   */
  properties[PROP_MIME_TYPE] =
    g_param_spec_string ("mime-type", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:size:
   *
   * The size in bytes.
   */
  properties[PROP_SIZE] =
    g_param_spec_int64 ("size", NULL, NULL,
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:sha256:
   *
   * The SHA-256 checksum of the bytes, 64 lower-case hex digits.
   */
  properties[PROP_SHA256] =
    g_param_spec_string ("sha256", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:note:
   *
   * A note about the attachment.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:added-at:
   *
   * When it was added, ISO-8601 UTC.
   */
  properties[PROP_ADDED_AT] =
    g_param_spec_string ("added-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:added-by:
   *
   * Who added it.
   */
  properties[PROP_ADDED_BY] =
    g_param_spec_string ("added-by", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:added-host:
   *
   * From which machine it was added.
   */
  properties[PROP_ADDED_HOST] =
    g_param_spec_string ("added-host", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:created-at:
   *
   * When the row was created, ISO-8601 UTC.
   */
  properties[PROP_CREATED_AT] =
    g_param_spec_string ("created-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlAttachment:updated-at:
   *
   * When the row was last changed, ISO-8601 UTC.
   */
  properties[PROP_UPDATED_AT] =
    g_param_spec_string ("updated-at", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ll_attachment_init (LlAttachment *self)
{
}

/**
 * ll_attachment_new:
 *
 * Returns: (transfer full): a new, empty attachment record; attachments
 *   are added with ll_attachment_store_add_bytes() or
 *   ll_attachment_store_add_file()
 */
LlAttachment *
ll_attachment_new (void)
{
  return g_object_new (LL_TYPE_ATTACHMENT, NULL);
}

/**
 * ll_attachment_update_from:
 * @self: a #LlAttachment
 * @other: the attachment to copy from
 *
 * Copies every column of @other into @self, notifying only what changes.
 */
void
ll_attachment_update_from (LlAttachment *self,
                           LlAttachment *other)
{
  g_autofree GParamSpec **pspecs = NULL;
  guint n_pspecs = 0;

  g_return_if_fail (LL_IS_ATTACHMENT (self));
  g_return_if_fail (LL_IS_ATTACHMENT (other));

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

  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * ll_attachment_get_field_label:
 * @property: a property name of #LlAttachment, e.g. `file-name`
 *
 * Returns: (nullable): the translated label of the field, or %NULL
 */
const char *
ll_attachment_get_field_label (const char *property)
{
  g_return_val_if_fail (property != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (strcmp (field_labels[i].property, property) == 0)
      return g_dpgettext2 (GETTEXT_PACKAGE, "attachment field", field_labels[i].label);

  return NULL;
}

/**
 * ll_attachment_validate:
 * @self: a #LlAttachment
 * @error: return location for a #GError
 *
 * Checks a file name, exactly one owner (a case or an activity), a size
 * within %LL_ATTACHMENT_MAX_SIZE and a SHA-256 checksum.
 *
 * Returns: %TRUE when the record can be saved, or %FALSE with
 *   %LL_DATABASE_ERROR_INVALID
 */
gboolean
ll_attachment_validate (LlAttachment  *self,
                        GError       **error)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ll_validate_required (self->file_name, LABEL ("file-name"), error))
    return FALSE;

  if ((self->case_id != 0) == (self->activity_id != 0))
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("An attachment belongs to one case or one activity."));
      return FALSE;
    }

  if (self->size < 0 || self->size > LL_ATTACHMENT_MAX_SIZE)
    {
      g_autofree char *size = g_format_size_full (MAX (self->size, 0),
                                                  G_FORMAT_SIZE_IEC_UNITS);
      g_autofree char *limit = g_format_size_full (LL_ATTACHMENT_MAX_SIZE,
                                                   G_FORMAT_SIZE_IEC_UNITS);

      /* Translators: “photo.jpg” is 63.2 MB; an attachment can be at
       * most 52.4 MB. */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("“%s” is %s; an attachment can be at most %s."),
                   self->file_name, size, limit);
      return FALSE;
    }

  if (self->sha256 == NULL || strlen (self->sha256) != 64 ||
      self->sha256[strspn (self->sha256, "0123456789abcdef")] != '\0')
    {
      /* Translators: %s is the field “Checksum” */
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                   _("%s is not a SHA-256 checksum."), LABEL ("sha256"));
      return FALSE;
    }

  return TRUE;
}


/**
 * ll_attachment_get_id:
 * @self: a #LlAttachment
 *
 * Returns: the row id; 0 until the attachment is added
 */
gint64
ll_attachment_get_id (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), 0);

  return self->id;
}

/**
 * ll_attachment_set_id:
 * @self: a #LlAttachment
 * @value: the new value
 *
 * Sets #LlAttachment:id.
 */
void
ll_attachment_set_id (LlAttachment *self,
                      gint64        value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  if (self->id == value)
    return;

  self->id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

/**
 * ll_attachment_get_version:
 * @self: a #LlAttachment
 *
 * Returns: the row version (optimistic locking)
 */
gint64
ll_attachment_get_version (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), 0);

  return self->version;
}

/**
 * ll_attachment_set_version:
 * @self: a #LlAttachment
 * @value: the new value
 *
 * Sets #LlAttachment:version.
 */
void
ll_attachment_set_version (LlAttachment *self,
                           gint64        value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  if (self->version == value)
    return;

  self->version = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VERSION]);
}

/**
 * ll_attachment_get_case_id:
 * @self: a #LlAttachment
 *
 * Returns: the case it belongs to, or 0
 */
gint64
ll_attachment_get_case_id (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), 0);

  return self->case_id;
}

/**
 * ll_attachment_set_case_id:
 * @self: a #LlAttachment
 * @value: the new value
 *
 * Sets #LlAttachment:case-id.
 */
void
ll_attachment_set_case_id (LlAttachment *self,
                           gint64        value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  if (self->case_id == value)
    return;

  self->case_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CASE_ID]);
}

/**
 * ll_attachment_get_activity_id:
 * @self: a #LlAttachment
 *
 * Returns: the activity it belongs to, or 0
 */
gint64
ll_attachment_get_activity_id (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), 0);

  return self->activity_id;
}

/**
 * ll_attachment_set_activity_id:
 * @self: a #LlAttachment
 * @value: the new value
 *
 * Sets #LlAttachment:activity-id.
 */
void
ll_attachment_set_activity_id (LlAttachment *self,
                               gint64        value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  if (self->activity_id == value)
    return;

  self->activity_id = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACTIVITY_ID]);
}

/**
 * ll_attachment_get_file_name:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): the file name, e.g. `来信.pdf`
 */
const char *
ll_attachment_get_file_name (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->file_name;
}

/**
 * ll_attachment_set_file_name:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:file-name.
 */
void
ll_attachment_set_file_name (LlAttachment *self,
                             const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->file_name, value) == 0)
    return;

  g_free (self->file_name);
  self->file_name = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE_NAME]);
}

/**
 * ll_attachment_get_mime_type:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): the MIME type, e.g. `application/pdf`
 */
const char *
ll_attachment_get_mime_type (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->mime_type;
}

/**
 * ll_attachment_set_mime_type:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:mime-type.
 */
void
ll_attachment_set_mime_type (LlAttachment *self,
                             const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->mime_type, value) == 0)
    return;

  g_free (self->mime_type);
  self->mime_type = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MIME_TYPE]);
}

/**
 * ll_attachment_get_size:
 * @self: a #LlAttachment
 *
 * Returns: the size in bytes
 */
gint64
ll_attachment_get_size (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), 0);

  return self->size;
}

/**
 * ll_attachment_set_size:
 * @self: a #LlAttachment
 * @value: the new value
 *
 * Sets #LlAttachment:size.
 */
void
ll_attachment_set_size (LlAttachment *self,
                        gint64        value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  if (self->size == value)
    return;

  self->size = value;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SIZE]);
}

/**
 * ll_attachment_get_sha256:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): the SHA-256 checksum of the bytes, 64 lower-case hex digits
 */
const char *
ll_attachment_get_sha256 (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->sha256;
}

/**
 * ll_attachment_set_sha256:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:sha256.
 */
void
ll_attachment_set_sha256 (LlAttachment *self,
                          const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->sha256, value) == 0)
    return;

  g_free (self->sha256);
  self->sha256 = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHA256]);
}

/**
 * ll_attachment_get_note:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): a note about the attachment
 */
const char *
ll_attachment_get_note (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->note;
}

/**
 * ll_attachment_set_note:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:note.
 */
void
ll_attachment_set_note (LlAttachment *self,
                        const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->note, value) == 0)
    return;

  g_free (self->note);
  self->note = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTE]);
}

/**
 * ll_attachment_get_added_at:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): when it was added, ISO-8601 UTC
 */
const char *
ll_attachment_get_added_at (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->added_at;
}

/**
 * ll_attachment_set_added_at:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:added-at.
 */
void
ll_attachment_set_added_at (LlAttachment *self,
                            const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->added_at, value) == 0)
    return;

  g_free (self->added_at);
  self->added_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED_AT]);
}

/**
 * ll_attachment_get_added_by:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): who added it
 */
const char *
ll_attachment_get_added_by (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->added_by;
}

/**
 * ll_attachment_set_added_by:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:added-by.
 */
void
ll_attachment_set_added_by (LlAttachment *self,
                            const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->added_by, value) == 0)
    return;

  g_free (self->added_by);
  self->added_by = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED_BY]);
}

/**
 * ll_attachment_get_added_host:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): from which machine it was added
 */
const char *
ll_attachment_get_added_host (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->added_host;
}

/**
 * ll_attachment_set_added_host:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:added-host.
 */
void
ll_attachment_set_added_host (LlAttachment *self,
                              const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->added_host, value) == 0)
    return;

  g_free (self->added_host);
  self->added_host = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ADDED_HOST]);
}

/**
 * ll_attachment_get_created_at:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): when the row was created, ISO-8601 UTC
 */
const char *
ll_attachment_get_created_at (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->created_at;
}

/**
 * ll_attachment_set_created_at:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:created-at.
 */
void
ll_attachment_set_created_at (LlAttachment *self,
                              const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

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
 * ll_attachment_get_updated_at:
 * @self: a #LlAttachment
 *
 * Returns: (nullable): when the row was last changed, ISO-8601 UTC
 */
const char *
ll_attachment_get_updated_at (LlAttachment *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT (self), NULL);

  return self->updated_at;
}

/**
 * ll_attachment_set_updated_at:
 * @self: a #LlAttachment
 * @value: (nullable): the new value
 *
 * Sets #LlAttachment:updated-at.
 */
void
ll_attachment_set_updated_at (LlAttachment *self,
                              const char   *value)
{
  g_return_if_fail (LL_IS_ATTACHMENT (self));

  /* An empty entry means "not set". */
  if (value != NULL && *value == '\0')
    value = NULL;

  if (g_strcmp0 (self->updated_at, value) == 0)
    return;

  g_free (self->updated_at);
  self->updated_at = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_UPDATED_AT]);
}

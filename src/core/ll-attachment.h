/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LL_ATTACHMENT_MAX_SIZE:
 *
 * The largest attachment, in bytes (50 MiB): enough for a scanned
 * letter or a phone's photo, small enough for a database on a share.
 */
#define LL_ATTACHMENT_MAX_SIZE (G_GINT64_CONSTANT (50) * 1024 * 1024)

#define LL_TYPE_ATTACHMENT (ll_attachment_get_type ())

G_DECLARE_FINAL_TYPE (LlAttachment, ll_attachment, LL, ATTACHMENT, GObject)

LlAttachment *ll_attachment_new               (void);
void          ll_attachment_update_from       (LlAttachment  *self,
                                               LlAttachment  *other);
gboolean      ll_attachment_validate          (LlAttachment  *self,
                                               GError       **error);
const char   *ll_attachment_get_field_label   (const char    *property);

gint64      ll_attachment_get_id          (LlAttachment *self);
void        ll_attachment_set_id          (LlAttachment *self,
                                           gint64        value);
gint64      ll_attachment_get_version     (LlAttachment *self);
void        ll_attachment_set_version     (LlAttachment *self,
                                           gint64        value);
gint64      ll_attachment_get_case_id     (LlAttachment *self);
void        ll_attachment_set_case_id     (LlAttachment *self,
                                           gint64        value);
gint64      ll_attachment_get_activity_id (LlAttachment *self);
void        ll_attachment_set_activity_id (LlAttachment *self,
                                           gint64        value);
const char *ll_attachment_get_file_name   (LlAttachment *self);
void        ll_attachment_set_file_name   (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_mime_type   (LlAttachment *self);
void        ll_attachment_set_mime_type   (LlAttachment *self,
                                           const char   *value);
gint64      ll_attachment_get_size        (LlAttachment *self);
void        ll_attachment_set_size        (LlAttachment *self,
                                           gint64        value);
const char *ll_attachment_get_sha256      (LlAttachment *self);
void        ll_attachment_set_sha256      (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_note        (LlAttachment *self);
void        ll_attachment_set_note        (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_added_at    (LlAttachment *self);
void        ll_attachment_set_added_at    (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_added_by    (LlAttachment *self);
void        ll_attachment_set_added_by    (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_added_host  (LlAttachment *self);
void        ll_attachment_set_added_host  (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_created_at  (LlAttachment *self);
void        ll_attachment_set_created_at  (LlAttachment *self,
                                           const char   *value);
const char *ll_attachment_get_updated_at  (LlAttachment *self);
void        ll_attachment_set_updated_at  (LlAttachment *self,
                                           const char   *value);

G_END_DECLS

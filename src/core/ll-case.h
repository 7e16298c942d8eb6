/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_CASE (ll_case_get_type ())

G_DECLARE_FINAL_TYPE (LlCase, ll_case, LL, CASE, GObject)

LlCase     *ll_case_new                     (void);
LlCase     *ll_case_dup                     (LlCase     *self);
void        ll_case_update_from             (LlCase     *self,
                                             LlCase     *other);
gboolean    ll_case_validate                (LlCase     *self,
                                             GError    **error);
gboolean    ll_case_is_overdue_on           (LlCase     *self,
                                             const char *today);
const char *ll_case_get_field_label         (const char *property);

gint64      ll_case_get_id                  (LlCase *self);
void        ll_case_set_id                  (LlCase *self,
                                             gint64  value);
gint64      ll_case_get_version             (LlCase *self);
void        ll_case_set_version             (LlCase *self,
                                             gint64  value);
int         ll_case_get_year                (LlCase *self);
void        ll_case_set_year                (LlCase *self,
                                             int     value);
int         ll_case_get_seq                 (LlCase *self);
void        ll_case_set_seq                 (LlCase *self,
                                             int     value);
const char *ll_case_get_serial              (LlCase *self);
void        ll_case_set_serial              (LlCase     *self,
                                             const char *value);
const char *ll_case_get_title               (LlCase *self);
void        ll_case_set_title               (LlCase     *self,
                                             const char *value);
const char *ll_case_get_body                (LlCase *self);
void        ll_case_set_body                (LlCase     *self,
                                             const char *value);
const char *ll_case_get_received_on         (LlCase *self);
void        ll_case_set_received_on         (LlCase     *self,
                                             const char *value);
const char *ll_case_get_source              (LlCase *self);
void        ll_case_set_source              (LlCase     *self,
                                             const char *value);
gint64      ll_case_get_station_id          (LlCase *self);
void        ll_case_set_station_id          (LlCase *self,
                                             gint64  value);
const char *ll_case_get_constituent_name    (LlCase *self);
void        ll_case_set_constituent_name    (LlCase     *self,
                                             const char *value);
const char *ll_case_get_constituent_phone   (LlCase *self);
void        ll_case_set_constituent_phone   (LlCase     *self,
                                             const char *value);
const char *ll_case_get_constituent_address (LlCase *self);
void        ll_case_set_constituent_address (LlCase     *self,
                                             const char *value);
const char *ll_case_get_category            (LlCase *self);
void        ll_case_set_category            (LlCase     *self,
                                             const char *value);
gboolean    ll_case_get_is_common           (LlCase *self);
void        ll_case_set_is_common           (LlCase   *self,
                                             gboolean  value);
gint64      ll_case_get_merged_into_id      (LlCase *self);
void        ll_case_set_merged_into_id      (LlCase *self,
                                             gint64  value);
gboolean    ll_case_get_fast_track          (LlCase *self);
void        ll_case_set_fast_track          (LlCase   *self,
                                             gboolean  value);
const char *ll_case_get_status              (LlCase *self);
void        ll_case_set_status              (LlCase     *self,
                                             const char *value);
const char *ll_case_get_handling_mode       (LlCase *self);
void        ll_case_set_handling_mode       (LlCase     *self,
                                             const char *value);
gint64      ll_case_get_department_id       (LlCase *self);
void        ll_case_set_department_id       (LlCase *self,
                                             gint64  value);
const char *ll_case_get_assigned_on         (LlCase *self);
void        ll_case_set_assigned_on         (LlCase     *self,
                                             const char *value);
const char *ll_case_get_deadline            (LlCase *self);
void        ll_case_set_deadline            (LlCase     *self,
                                             const char *value);
const char *ll_case_get_reply_text          (LlCase *self);
void        ll_case_set_reply_text          (LlCase     *self,
                                             const char *value);
const char *ll_case_get_replied_on          (LlCase *self);
void        ll_case_set_replied_on          (LlCase     *self,
                                             const char *value);
const char *ll_case_get_satisfaction        (LlCase *self);
void        ll_case_set_satisfaction        (LlCase     *self,
                                             const char *value);
const char *ll_case_get_follow_up_note      (LlCase *self);
void        ll_case_set_follow_up_note      (LlCase     *self,
                                             const char *value);
const char *ll_case_get_closed_on           (LlCase *self);
void        ll_case_set_closed_on           (LlCase     *self,
                                             const char *value);
gboolean    ll_case_get_look_back           (LlCase *self);
void        ll_case_set_look_back           (LlCase   *self,
                                             gboolean  value);
const char *ll_case_get_created_at          (LlCase *self);
void        ll_case_set_created_at          (LlCase     *self,
                                             const char *value);
const char *ll_case_get_updated_at          (LlCase *self);
void        ll_case_set_updated_at          (LlCase     *self,
                                             const char *value);
const char *ll_case_get_station_name        (LlCase *self);
const char *ll_case_get_department_name     (LlCase *self);
gboolean    ll_case_get_overdue             (LlCase *self);

/* For the stores: fills in the read-only convenience properties. */
void        _ll_case_set_names              (LlCase     *self,
                                             const char *station_name,
                                             const char *department_name);

G_END_DECLS

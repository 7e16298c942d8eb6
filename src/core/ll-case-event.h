/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_CASE_EVENT (ll_case_event_get_type ())

G_DECLARE_FINAL_TYPE (LlCaseEvent, ll_case_event, LL, CASE_EVENT, GObject)

gint64      ll_case_event_get_id          (LlCaseEvent *self);
gint64      ll_case_event_get_case_id     (LlCaseEvent *self);
const char *ll_case_event_get_at          (LlCaseEvent *self);
const char *ll_case_event_get_user        (LlCaseEvent *self);
const char *ll_case_event_get_host        (LlCaseEvent *self);
const char *ll_case_event_get_kind        (LlCaseEvent *self);
const char *ll_case_event_get_from_status (LlCaseEvent *self);
const char *ll_case_event_get_to_status   (LlCaseEvent *self);
const char *ll_case_event_get_detail      (LlCaseEvent *self);
char       *ll_case_event_dup_description (LlCaseEvent *self);

G_END_DECLS

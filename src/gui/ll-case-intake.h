/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-types.h"
#include "ll-window.h"

G_BEGIN_DECLS

#define LL_TYPE_CASE_INTAKE (ll_case_intake_get_type ())

G_DECLARE_FINAL_TYPE (LlCaseIntake, ll_case_intake, LL, CASE_INTAKE, AdwWindow)

LlCaseIntake *ll_case_intake_show           (LlWindow     *window);
LlWindow     *ll_case_intake_get_window     (LlCaseIntake *self);
gint64        ll_case_intake_get_station_id (LlCaseIntake *self);
void          ll_case_intake_set_station_id (LlCaseIntake *self,
                                             gint64        station_id);
gboolean      ll_case_intake_get_dirty      (LlCaseIntake *self);
gboolean      ll_case_intake_register       (LlCaseIntake *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_DEPARTMENT (ll_department_get_type ())

G_DECLARE_FINAL_TYPE (LlDepartment, ll_department, LL, DEPARTMENT, GObject)

LlDepartment *ll_department_new                (void);
gboolean      ll_department_validate           (LlDepartment  *self,
                                                GError       **error);
gint64        ll_department_get_id             (LlDepartment *self);
void          ll_department_set_id             (LlDepartment *self,
                                                gint64        id);
const char   *ll_department_get_name           (LlDepartment *self);
void          ll_department_set_name           (LlDepartment *self,
                                                const char   *name);
const char   *ll_department_get_contact_person (LlDepartment *self);
void          ll_department_set_contact_person (LlDepartment *self,
                                                const char   *contact_person);
const char   *ll_department_get_phone          (LlDepartment *self);
void          ll_department_set_phone          (LlDepartment *self,
                                                const char   *phone);
const char   *ll_department_get_address        (LlDepartment *self);
void          ll_department_set_address        (LlDepartment *self,
                                                const char   *address);
gboolean      ll_department_get_active         (LlDepartment *self);
void          ll_department_set_active         (LlDepartment *self,
                                                gboolean      active);
const char   *ll_department_get_notes          (LlDepartment *self);
void          ll_department_set_notes          (LlDepartment *self,
                                                const char   *notes);
gint64        ll_department_get_version        (LlDepartment *self);
void          ll_department_set_version        (LlDepartment *self,
                                                gint64        version);
const char   *ll_department_get_created_at     (LlDepartment *self);
const char   *ll_department_get_updated_at     (LlDepartment *self);

/* For the stores in src/core: values that come from the database. */

void _ll_department_set_timestamps (LlDepartment *self,
                                    const char   *created_at,
                                    const char   *updated_at);

G_END_DECLS

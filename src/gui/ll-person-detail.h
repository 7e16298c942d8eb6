/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-person.h"
#include "ll-record-form.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PERSON_DETAIL (ll_person_detail_get_type ())

G_DECLARE_FINAL_TYPE (LlPersonDetail, ll_person_detail, LL, PERSON_DETAIL, GtkWidget)

void          ll_person_detail_set_database      (LlPersonDetail *self,
                                                  LlDatabase     *database);
void          ll_person_detail_set_editable      (LlPersonDetail *self,
                                                  gboolean        editable);
void          ll_person_detail_set_reveal_phones (LlPersonDetail *self,
                                                  gboolean        reveal);
void          ll_person_detail_show_person       (LlPersonDetail *self,
                                                  gint64          person_id);
void          ll_person_detail_new_person        (LlPersonDetail *self,
                                                  const char     *role);
LlPerson     *ll_person_detail_get_person        (LlPersonDetail *self);
gint64        ll_person_detail_get_person_id     (LlPersonDetail *self);
gboolean      ll_person_detail_get_is_new        (LlPersonDetail *self);
gboolean      ll_person_detail_get_dirty         (LlPersonDetail *self);
void          ll_person_detail_focus_form        (LlPersonDetail *self);
gboolean      ll_person_detail_save              (LlPersonDetail *self);
void          ll_person_detail_revert            (LlPersonDetail *self);
void          ll_person_detail_reload            (LlPersonDetail *self);
void          ll_person_detail_flush_pending     (LlPersonDetail *self);
void          ll_person_detail_set_folded        (LlPersonDetail *self,
                                                  gboolean        folded);
LlRecordForm *ll_person_detail_get_form          (LlPersonDetail *self);

G_END_DECLS

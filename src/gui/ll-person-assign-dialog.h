/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-person.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PERSON_ASSIGN_DIALOG (ll_person_assign_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlPersonAssignDialog, ll_person_assign_dialog, LL, PERSON_ASSIGN_DIALOG,
                      AdwWindow)

LlPersonAssignDialog *ll_person_assign_dialog_new         (GtkWindow            *parent,
                                                           LlDatabase           *database,
                                                           LlPerson             *person);
void                  ll_person_assign_dialog_set_station (LlPersonAssignDialog *self,
                                                           gint64                station_id);
gboolean              ll_person_assign_dialog_assign      (LlPersonAssignDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-pairing.h"
#include "ll-record-form.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PAIRING_DIALOG (ll_pairing_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlPairingDialog, ll_pairing_dialog, LL, PAIRING_DIALOG, AdwWindow)

LlPairingDialog *ll_pairing_dialog_new      (GtkWindow       *parent,
                                             LlDatabase      *database,
                                             LlPairing       *pairing,
                                             const char      *person_name);
LlRecordForm    *ll_pairing_dialog_get_form (LlPairingDialog *self);
gboolean         ll_pairing_dialog_save     (LlPairingDialog *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-record.h"

G_BEGIN_DECLS

#define LL_TYPE_CONFLICT_DIALOG (ll_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (LlConflictDialog, ll_conflict_dialog, LL, CONFLICT_DIALOG, AdwMessageDialog)

LlConflictDialog *ll_conflict_dialog_new            (GtkWindow         *parent,
                                                     GObject           *theirs,
                                                     GObject           *mine,
                                                     const LlFieldSpec *specs,
                                                     guint              n_specs,
                                                     const char        *explanation);
GObject          *ll_conflict_dialog_get_theirs     (LlConflictDialog  *self);
GObject          *ll_conflict_dialog_build_mine     (LlConflictDialog  *self);
GPtrArray        *ll_conflict_dialog_get_fields     (LlConflictDialog  *self);
void              ll_conflict_dialog_set_use_theirs (LlConflictDialog  *self,
                                                     const char        *property,
                                                     gboolean           use_theirs);

G_END_DECLS

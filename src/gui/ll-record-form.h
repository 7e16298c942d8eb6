/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-record.h"
#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_RECORD_FORM (ll_record_form_get_type ())

/**
 * LlRecordSaveFunc:
 * @record: the record to save: created when its id is 0, else updated
 *   against its version
 *
 * Saves @record through its store, setting its id and new version.
 */
typedef gboolean (*LlRecordSaveFunc) (LlDatabase  *db,
                                      GObject     *record,
                                      GError     **error);

/**
 * LlRecordLoadFunc:
 *
 * Returns: (transfer full): the record @id as it is now in the database
 */
typedef GObject *(*LlRecordLoadFunc) (LlDatabase  *db,
                                      gint64       id,
                                      GError     **error);

G_DECLARE_FINAL_TYPE (LlRecordForm, ll_record_form, LL, RECORD_FORM, GtkWidget)

LlRecordForm *ll_record_form_new            (const LlFieldSpec *specs,
                                             guint              n_specs);
void          ll_record_form_set_record     (LlRecordForm      *self,
                                             GObject           *record);
GObject      *ll_record_form_get_record     (LlRecordForm      *self);
void          ll_record_form_update_record  (LlRecordForm      *self,
                                             GObject           *newer);
gboolean      ll_record_form_get_dirty      (LlRecordForm      *self);
gboolean      ll_record_form_get_stale      (LlRecordForm      *self);
GObject      *ll_record_form_build          (LlRecordForm      *self,
                                             GError           **error);
void          ll_record_form_revert         (LlRecordForm      *self);
void          ll_record_form_set_editable   (LlRecordForm      *self,
                                             gboolean           editable);
void          ll_record_form_set_choices    (LlRecordForm      *self,
                                             const char        *property,
                                             GListModel        *choices);
void          ll_record_form_show_error     (LlRecordForm      *self,
                                             const GError      *error,
                                             gboolean           can_retry);
void          ll_record_form_clear_message  (LlRecordForm      *self);
GtkWidget    *ll_record_form_get_row        (LlRecordForm      *self,
                                             const char        *property);
void          ll_record_form_set_store      (LlRecordForm      *self,
                                             LlDatabase        *db,
                                             LlRecordSaveFunc   save_func,
                                             LlRecordLoadFunc   load_func);
gboolean      ll_record_form_save           (LlRecordForm      *self);
const LlFieldSpec *ll_record_form_get_specs (LlRecordForm      *self,
                                             guint             *n_specs);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-layout.h"

G_BEGIN_DECLS

/**
 * LlTable:
 *
 * A table for a document: an optional caption (with a unit shown at the
 * right of the caption line), header rows repeated on every page the
 * table spans, and body rows. Pages break between rows. Text is 宋体,
 * header rows 黑体; cells wrap within their column. Strings are stored
 * once per table however often they repeat.
 */
typedef struct _LlTable LlTable;

#define LL_TYPE_TABLE (ll_table_get_type ())

GType    ll_table_get_type         (void) G_GNUC_CONST;
LlTable *ll_table_new              (guint        n_columns);
LlTable *ll_table_ref              (LlTable     *self);
void     ll_table_unref            (LlTable     *self);
guint    ll_table_get_n_columns    (LlTable     *self);
guint    ll_table_get_n_rows       (LlTable     *self);
void     ll_table_set_caption      (LlTable     *self,
                                    const char  *caption,
                                    const char  *unit);
void     ll_table_set_column_width (LlTable     *self,
                                    guint        column,
                                    double       fraction);
void     ll_table_set_column_align (LlTable     *self,
                                    guint        column,
                                    LlAlign      align);
void     ll_table_set_font_size    (LlTable     *self,
                                    double       size);
void     ll_table_set_header_rows  (LlTable     *self,
                                    guint        n_rows);
guint    ll_table_add_row          (LlTable     *self,
                                    const char  *first_cell,
                                    ...) G_GNUC_NULL_TERMINATED;
guint    ll_table_add_rowv         (LlTable     *self,
                                    const char * const *cells,
                                    gssize       n_cells);
void     ll_table_set_cell_span    (LlTable     *self,
                                    guint        row,
                                    guint        column,
                                    guint        n_columns);
void     ll_table_set_cell_align   (LlTable     *self,
                                    guint        row,
                                    guint        column,
                                    LlAlign      align);
void     ll_table_set_row_bold     (LlTable     *self,
                                    guint        row,
                                    gboolean     bold);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlTable, ll_table_unref)

G_END_DECLS

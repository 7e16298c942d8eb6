/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ll-table.h"

G_BEGIN_DECLS

/* Rules are kept as bits of a guint64, one per column edge. */
#define LL_TABLE_MAX_COLUMNS 63

typedef struct {
  const char *text;   /* in the table's string chunk */
  guint16     span;   /* columns covered; 0 if covered by a cell to the left */
  gint8       align;  /* an LlAlign, or -1 for the column's */
} LlTableCell;

typedef struct {
  guint bold : 1;
} LlTableRow;

struct _LlTable
{
  guint         n_columns;
  char         *caption;
  char         *unit;
  double       *fractions;
  LlAlign      *aligns;
  double        font_size;
  guint         header_rows;
  GStringChunk *strings;
  GArray       *cells;
  GArray       *rows;
};

static inline LlTableCell *
_ll_table_cell (LlTable *self,
                guint    row,
                guint    column)
{
  return &g_array_index (self->cells, LlTableCell, row * self->n_columns + column);
}

G_END_DECLS

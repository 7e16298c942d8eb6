/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-table"

#include "config.h"

#include "ll-table-private.h"

G_DEFINE_BOXED_TYPE (LlTable, ll_table, ll_table_ref, ll_table_unref)

static void
ll_table_clear (LlTable *self)
{
  g_clear_pointer (&self->caption, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->fractions, g_free);
  g_clear_pointer (&self->aligns, g_free);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->cells, g_array_unref);
  g_clear_pointer (&self->rows, g_array_unref);
}

/**
 * ll_table_new:
 * @n_columns: number of columns, 1 to 63
 *
 * Returns: (transfer full): an empty table; columns share the width
 *   according to their content until ll_table_set_column_width() is used
 */
LlTable *
ll_table_new (guint n_columns)
{
  LlTable *self;

  g_return_val_if_fail (n_columns > 0 && n_columns <= LL_TABLE_MAX_COLUMNS, NULL);

  self = g_atomic_rc_box_new0 (LlTable);
  self->n_columns = n_columns;
  self->fractions = g_new0 (double, n_columns);
  self->aligns = g_new0 (LlAlign, n_columns);
  self->strings = g_string_chunk_new (1024);
  self->cells = g_array_new (FALSE, TRUE, sizeof (LlTableCell));
  self->rows = g_array_new (FALSE, TRUE, sizeof (LlTableRow));

  return self;
}

LlTable *
ll_table_ref (LlTable *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
ll_table_unref (LlTable *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) ll_table_clear);
}

guint
ll_table_get_n_columns (LlTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_columns;
}

guint
ll_table_get_n_rows (LlTable *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->rows->len;
}

/**
 * ll_table_set_caption:
 * @caption: (nullable): the caption, shown centred above the table
 * @unit: (nullable): e.g. `单位：件`, shown at the right of the caption line
 */
void
ll_table_set_caption (LlTable    *self,
                      const char *caption,
                      const char *unit)
{
  g_return_if_fail (self != NULL);

  g_free (self->caption);
  self->caption = g_strdup (caption);
  g_free (self->unit);
  self->unit = g_strdup (unit);
}

/**
 * ll_table_set_column_width:
 * @fraction: share of the table width, or 0 to size the column by its
 *   content
 *
 * When every column has a fraction, the fractions are relative shares of
 * the type-area width. When some are 0, the others take their fraction of
 * the width (together at most 90 %) and the rest is shared by content
 * (header and first 100 rows): natural widths if they fit, else in
 * proportion to them, cells wrapping.
 */
void
ll_table_set_column_width (LlTable *self,
                           guint    column,
                           double   fraction)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (fraction >= 0);

  self->fractions[column] = fraction;
}

/**
 * ll_table_set_column_align:
 *
 * Sets the alignment of the body cells of @column (header cells are
 * centred).
 */
void
ll_table_set_column_align (LlTable *self,
                           guint    column,
                           LlAlign  align)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->n_columns);

  self->aligns[column] = align;
}

/**
 * ll_table_set_font_size:
 * @size: points, or 0 for the page profile's table size
 */
void
ll_table_set_font_size (LlTable *self,
                        double   size)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (size >= 0);

  self->font_size = size;
}

/**
 * ll_table_set_header_rows:
 *
 * The first @n_rows rows are headers: 黑体, centred, and repeated at the
 * top of every page the table continues on.
 */
void
ll_table_set_header_rows (LlTable *self,
                          guint    n_rows)
{
  g_return_if_fail (self != NULL);
  self->header_rows = n_rows;
}

/**
 * ll_table_add_rowv:
 * @cells: (array length=n_cells): the text of each cell
 * @n_cells: length of @cells, or -1 if it is %NULL-terminated
 *
 * Adds a row; missing cells are empty, surplus ones are ignored.
 *
 * Returns: the index of the new row
 */
guint
ll_table_add_rowv (LlTable            *self,
                   const char * const *cells,
                   gssize              n_cells)
{
  LlTableRow row = { 0 };

  g_return_val_if_fail (self != NULL, 0);
  g_return_val_if_fail (cells != NULL || n_cells == 0, 0);

  if (n_cells < 0)
    n_cells = cells != NULL ? g_strv_length ((char **) cells) : 0;

  for (guint i = 0; i < self->n_columns; i++)
    {
      LlTableCell cell = { "", 1, -1 };

      if ((gssize) i < n_cells && cells[i] != NULL)
        cell.text = g_string_chunk_insert_const (self->strings, cells[i]);
      g_array_append_val (self->cells, cell);
    }
  g_array_append_val (self->rows, row);

  return self->rows->len - 1;
}

/**
 * ll_table_add_row:
 * @first_cell: the first cell's text, then the others, then %NULL
 *
 * Returns: the index of the new row
 */
guint
ll_table_add_row (LlTable    *self,
                  const char *first_cell,
                  ...)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  va_list args;

  g_return_val_if_fail (self != NULL, 0);

  va_start (args, first_cell);
  for (const char *cell = first_cell; cell != NULL; cell = va_arg (args, const char *))
    g_ptr_array_add (cells, (gpointer) cell);
  va_end (args);

  return ll_table_add_rowv (self, (const char * const *) cells->pdata, cells->len);
}

/**
 * ll_table_set_cell_span:
 * @n_columns: columns the cell covers, counted from @column
 *
 * Merges cells of a row; the covered cells' text is not shown.
 */
void
ll_table_set_cell_span (LlTable *self,
                        guint    row,
                        guint    column,
                        guint    n_columns)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (n_columns > 0);

  n_columns = MIN (n_columns, self->n_columns - column);
  _ll_table_cell (self, row, column)->span = n_columns;
  for (guint i = column + 1; i < column + n_columns; i++)
    _ll_table_cell (self, row, i)->span = 0;
  /* Cells uncovered by a narrower span show again. */
  for (guint i = column + n_columns; i < self->n_columns; i++)
    {
      LlTableCell *cell = _ll_table_cell (self, row, i);

      if (cell->span != 0)
        break;
      cell->span = 1;
    }
}

void
ll_table_set_cell_align (LlTable *self,
                         guint    row,
                         guint    column,
                         LlAlign  align)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->rows->len);
  g_return_if_fail (column < self->n_columns);

  _ll_table_cell (self, row, column)->align = align;
}

/**
 * ll_table_set_row_bold:
 *
 * Sets a body row in 黑体, e.g. a total.
 */
void
ll_table_set_row_bold (LlTable  *self,
                       guint     row,
                       gboolean  bold)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (row < self->rows->len);

  g_array_index (self->rows, LlTableRow, row).bold = !!bold;
}

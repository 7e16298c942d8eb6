/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-document"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>

#include <cairo-pdf.h>

#include "ll-chart-private.h"
#include "ll-document-private.h"
#include "ll-layout-private.h"
#include "ll-table-private.h"

/*
 * Pagination rules
 *
 * - GB/T pages lay text on the grid of 22 lines: every text line takes one
 *   grid line (or more for text taller than the pitch), its em box centred
 *   in it. Tables and charts are placed freely and the flow resumes on the
 *   next grid line after them.
 * - Body paragraphs break between any two lines (no widow or orphan
 *   control: the standard wants full pages of 22 lines).
 * - Headings, the title and the addressee never end a page: they move to
 *   the next page with the first line of what follows.
 * - The attachment note and the signature block are each kept together,
 *   and with the last body line before them: a page never holds a
 *   signature without body text.
 * - Tables break between rows, their header rows repeated under a
 *   `（续）` caption; a caption is kept with the header and first row.
 *   Charts are never split.
 * - Space before a block is dropped at the top of a page.
 * - The colophon sits on the bottom of the type area of the last page.
 *   Double-sided documents (the default) keep it on an even page, the back
 *   of the last sheet: it shares the last body page when that page is even
 *   and one blank line plus the colophon fit below the text; otherwise it
 *   goes to the next page, after an unnumbered blank page if that next
 *   page would be odd. The colophon page (and such a blank page) carries
 *   no page number.
 */

typedef struct {
  PangoLayout *layout;
  int          index;
  double       x;
  double       advance;
  double       size;
  guint32      color;
  PangoLayout *label;    /* drawn on the same line, e.g. 附件： */
  double       label_x;
} LlLine;

typedef struct {
  LlDocument          *doc;
  LlLayoutContext     *context;
  const LlPageProfile *profile;
  cairo_t             *cr;       /* NULL while measuring */
  guint                page;     /* 0-based */
  double               y;
  double               top;
  double               bottom;
  double               left;
  double               right;
  double               width;
  double               pitch;
  gboolean             grid;
  gboolean             empty;    /* nothing placed on the page yet */
} Flow;

/* The rules of the rows of a table drawn on one page, stroked together
 * as grid lines: a PDF page then holds a line per row boundary and per
 * column edge instead of a rectangle per cell. */
typedef struct {
  double  top;
  double  bottom;
  guint64 edges;  /* bit k: a vertical rule at column edge k */
} RuleRow;

typedef struct {
  LlTable *table;
  double   size;
  double   advance;
  double   pad_x;
  double   pad_y;
  double   caption_size;
  double   caption_height;
  double  *column_x;
} TableGeometry;

static void
line_clear (gpointer data)
{
  LlLine *line = data;

  g_clear_object (&line->layout);
  g_clear_object (&line->label);
}

static GArray *
new_lines (void)
{
  GArray *lines = g_array_new (FALSE, TRUE, sizeof (LlLine));

  g_array_set_clear_func (lines, line_clear);
  return lines;
}

static double
text_size (Flow              *f,
           const LlTextStyle *style)
{
  return style->size > 0 ? style->size : f->profile->body_size;
}

/* The height a line of text of @size takes: whole grid lines on the grid,
 * the profile's line spacing in free layout. */
static double
line_advance (Flow   *f,
              double  size)
{
  if (f->grid)
    return f->pitch * MAX (1.0, ceil (size * 1.25 / f->pitch - LL_EPSILON));
  return size * f->profile->line_spacing;
}

static double
snap (Flow   *f,
      double  y)
{
  if (!f->grid)
    return y;
  return f->top + ceil ((y - f->top) / f->pitch - LL_EPSILON) * f->pitch;
}

static gboolean
fits (Flow   *f,
      double  height)
{
  return f->y + height <= f->bottom + LL_EPSILON;
}

static double
space_before (Flow    *f,
              LlBlock *block)
{
  if (f->empty || block->style.space_before <= 0)
    return 0;
  return block->style.space_before * line_advance (f, f->profile->body_size);
}

static PangoLayout *
shape_one_line (Flow       *f,
                LlFontRole  role,
                double      size,
                const char *text)
{
  LlTextSpec spec = { .role = role, .size = size, .width = -1 };

  return _ll_layout_context_shape (f->context, &spec, text);
}

static void
push_layout_lines (Flow        *f,
                   GArray      *lines,
                   PangoLayout *layout,
                   double       x,
                   double       size,
                   guint32      color)
{
  int n = pango_layout_get_line_count (layout);

  for (int i = 0; i < n; i++)
    {
      LlLine line = {
        .layout = g_object_ref (layout),
        .index = i,
        .x = x,
        .advance = line_advance (f, size),
        .size = size,
        .color = color,
      };

      g_array_append_val (lines, line);
    }
}

static void
text_block_lines (Flow    *f,
                  LlBlock *block,
                  GArray  *lines)
{
  const LlTextStyle *style = &block->style;
  double size = text_size (f, style);
  double left = style->left_indent * size;
  LlTextSpec spec = {
    .role = style->role,
    .size = size,
    .bold = style->bold,
    .align = style->align,
    .indent = style->first_indent * size,
    .width = f->width - left,
    .lead_len = block->lead_len,
    .lead_role = block->lead_role,
  };
  g_autoptr(PangoLayout) layout = _ll_layout_context_shape (f->context, &spec, block->text);

  push_layout_lines (f, lines, layout, f->left + left, size, style->color);
}

static void
title_block_lines (Flow    *f,
                   LlBlock *block,
                   GArray  *lines)
{
  double size = text_size (f, &block->style);
  LlTextSpec spec = {
    .role = block->style.role,
    .size = size,
    .bold = block->style.bold,
    .align = LL_ALIGN_CENTER,
    .width = f->width,
  };
  g_autofree char *balanced = _ll_layout_context_balance (f->context, &spec, block->text,
                                                           f->width);
  g_autoptr(PangoLayout) layout = _ll_layout_context_shape (f->context, &spec, balanced);

  push_layout_lines (f, lines, layout, f->left, size, block->style.color);
}

/* 附件：1.×× with further names aligned under the first, wrapped lines
 * hanging under the name. */
static void
attachment_block_lines (Flow    *f,
                        LlBlock *block,
                        GArray  *lines)
{
  double size = f->profile->body_size;
  g_autoptr(PangoLayout) label = shape_one_line (f, LL_FONT_ROLE_BODY, size, "附件：");
  double label_x = f->left + 2 * size;
  double x = label_x + _ll_layout_get_width (label);
  guint n = g_strv_length (block->items);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *number = n > 1 ? g_strdup_printf ("%u.", i + 1) : g_strdup ("");
      g_autofree char *text = g_strconcat (number, block->items[i], NULL);
      g_autoptr(PangoLayout) number_layout = shape_one_line (f, LL_FONT_ROLE_BODY, size, number);
      LlTextSpec spec = {
        .role = LL_FONT_ROLE_BODY,
        .size = size,
        .align = LL_ALIGN_JUSTIFY,
        .indent = -_ll_layout_get_width (number_layout),
        .width = f->right - x,
      };
      g_autoptr(PangoLayout) layout = _ll_layout_context_shape (f->context, &spec, text);
      guint first = lines->len;

      push_layout_lines (f, lines, layout, x, size, 0);
      if (i == 0)
        {
          LlLine *line = &g_array_index (lines, LlLine, first);

          line->label = g_object_ref (label);
          line->label_x = label_x;
        }
    }
}

static void
signature_block_lines (Flow    *f,
                       LlBlock *block,
                       GArray  *lines)
{
  double size = f->profile->body_size;
  g_autoptr(PangoLayout) organ = shape_one_line (f, LL_FONT_ROLE_BODY, size, block->text);
  g_autoptr(PangoLayout) date = shape_one_line (f, LL_FONT_ROLE_BODY, size, block->date);
  double organ_w = _ll_layout_get_width (organ);
  double date_w = _ll_layout_get_width (date);
  double organ_x = f->right - 2 * size - organ_w;
  double date_x = organ_x + 2 * size;

  /* GB/T 9704 7.3.5.3: a date longer than the name is set two characters
   * in from the right and the name moves left. */
  if (date_x + date_w > f->right - 2 * size + LL_EPSILON)
    {
      date_x = f->right - 2 * size - date_w;
      organ_x = date_x - 2 * size;
    }

  push_layout_lines (f, lines, organ, MAX (organ_x, f->left), size, 0);
  push_layout_lines (f, lines, date, MAX (date_x, f->left), size, 0);
}

static GArray *
block_lines (Flow    *f,
             LlBlock *block)
{
  GArray *lines = new_lines ();

  switch (block->kind)
    {
    case LL_BLOCK_TEXT:
      text_block_lines (f, block, lines);
      break;
    case LL_BLOCK_TITLE:
      title_block_lines (f, block, lines);
      break;
    case LL_BLOCK_ATTACHMENTS:
      attachment_block_lines (f, block, lines);
      break;
    case LL_BLOCK_SIGNATURE:
      signature_block_lines (f, block, lines);
      break;
    case LL_BLOCK_TABLE:
    case LL_BLOCK_CHART:
    case LL_BLOCK_SPACE:
    case LL_BLOCK_PAGE_BREAK:
    default:
      break;
    }

  return lines;
}

static double
lines_height (GArray *lines,
              guint   from,
              guint   to)
{
  double height = 0;

  for (guint i = from; i < to && i < lines->len; i++)
    height += g_array_index (lines, LlLine, i).advance;
  return height;
}

static void
draw_line (Flow   *f,
           LlLine *line)
{
  double baseline;

  if (f->cr == NULL)
    return;

  baseline = _ll_baseline_in_cell (f->y, line->advance, line->size);
  _ll_layout_context_draw_line (f->context, f->cr, line->layout, line->index, line->x, baseline,
                                line->color);
  if (line->label != NULL)
    _ll_layout_context_draw_line (f->context, f->cr, line->label, 0, line->label_x, baseline,
                                  line->color);
}

/* Tables */

static void
table_geometry_clear (TableGeometry *g)
{
  g_clear_pointer (&g->column_x, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (TableGeometry, table_geometry_clear)

static LlFontRole
row_role (LlTable *table,
          guint    row)
{
  if (row < table->header_rows)
    return LL_FONT_ROLE_HEI;
  if (g_array_index (table->rows, LlTableRow, row).bold)
    return LL_FONT_ROLE_HEI;
  return LL_FONT_ROLE_SONG;
}

static LlAlign
cell_align (LlTable *table,
            guint    row,
            guint    column)
{
  LlTableCell *cell = _ll_table_cell (table, row, column);

  if (cell->align >= 0)
    return cell->align;
  if (row < table->header_rows)
    return LL_ALIGN_CENTER;
  return table->aligns[column];
}

static void
table_geometry_init (Flow          *f,
                     LlTable       *table,
                     TableGeometry *g)
{
  guint n = table->n_columns;
  g_autofree double *widths = g_new0 (double, n);
  g_autofree double *natural = g_new0 (double, n);
  g_autofree double *fractions = g_new0 (double, n);
  double fixed = 0;
  double available;
  double natural_sum = 0;
  guint n_auto = 0;

  g->table = table;
  g->size = table->font_size > 0 ? table->font_size : f->profile->table_size;
  g->advance = g->size * 1.3;
  g->pad_x = g->size * 0.35;
  g->pad_y = g->size * 0.3;
  g->caption_size = g->size + 2;
  g->caption_height = table->caption != NULL || table->unit != NULL
                      ? (f->grid ? line_advance (f, g->caption_size) : g->caption_size * 1.9)
                      : 0;
  g->column_x = g_new0 (double, n + 1);

  for (guint c = 0; c < n; c++)
    {
      fractions[c] = table->fractions[c];
      if (fractions[c] > 0)
        fixed += fractions[c];
      else
        n_auto++;
    }

  if (n_auto == 0)
    {
      /* Every column given: the fractions are shares of the width. */
      for (guint c = 0; c < n; c++)
        widths[c] = f->width * fractions[c] / fixed;
    }
  else
    {
      double min_w = g->size * 2 + 2 * g->pad_x;

      /* Given columns keep at most 90 % for the others. */
      if (fixed > 0.9)
        {
          for (guint c = 0; c < n; c++)
            fractions[c] *= 0.9 / fixed;
          fixed = 0.9;
        }
      available = f->width * (1 - fixed);

      /* Content decides the other columns: header and the first rows. */
      for (guint r = 0; r < table->rows->len && r < table->header_rows + 100; r++)
        {
          LlFontRole role = row_role (table, r);

          for (guint c = 0; c < n; c++)
            {
              LlTableCell *cell = _ll_table_cell (table, r, c);
              g_autoptr(PangoLayout) layout = NULL;

              if (fractions[c] > 0 || cell->span != 1)
                continue;
              layout = shape_one_line (f, role, g->size, cell->text);
              natural[c] = MAX (natural[c], _ll_layout_get_width (layout) + 2 * g->pad_x);
            }
        }
      for (guint c = 0; c < n; c++)
        if (fractions[c] <= 0)
          natural_sum += natural[c] = MAX (natural[c], min_w);

      for (guint c = 0; c < n; c++)
        {
          if (fractions[c] > 0)
            widths[c] = f->width * fractions[c];
          else if (natural_sum <= available)
            widths[c] = natural[c] + (available - natural_sum) * natural[c] / natural_sum;
          else
            widths[c] = available * natural[c] / natural_sum;
        }
    }

  g->column_x[0] = f->left;
  for (guint c = 0; c < n; c++)
    g->column_x[c + 1] = g->column_x[c] + widths[c];
  /* Rounding never lets the table pass the type area. */
  g->column_x[n] = f->left + f->width;
}

/* A table row shaped and measured, ready to draw. */
typedef struct {
  PangoLayout *layouts[LL_TABLE_MAX_COLUMNS];
  double       offsets[LL_TABLE_MAX_COLUMNS];
  double       height;
  guint        n;
} RowLayout;

static void
row_layout_clear (RowLayout *r)
{
  for (guint c = 0; c < r->n; c++)
    g_clear_object (&r->layouts[c]);
  r->n = 0;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RowLayout, row_layout_clear)

static double
row_measure (Flow          *f,
             TableGeometry *g,
             guint          row,
             RowLayout     *r)
{
  LlTable *table = g->table;
  guint n = MIN (table->n_columns, LL_TABLE_MAX_COLUMNS);
  LlFontRole role = row_role (table, row);

  r->n = n;
  r->height = 0;
  for (guint c = 0; c < n; c++)
    {
      LlTableCell *cell = _ll_table_cell (table, row, c);
      double inner;
      double width;
      LlAlign align;

      r->layouts[c] = NULL;
      r->offsets[c] = 0;
      if (cell->span == 0)
        continue;

      inner = g->column_x[MIN (c + cell->span, n)] - g->column_x[c] - 2 * g->pad_x;
      align = cell_align (table, row, c);

      /* One-line text is shaped without a width, so a label shared by
       * columns of different widths is shaped once. */
      r->layouts[c] = shape_one_line (f, role, g->size, cell->text);
      width = _ll_layout_get_width (r->layouts[c]);
      if (width > inner + LL_EPSILON)
        {
          LlTextSpec spec = {
            .role = role, .size = g->size, .align = align, .width = MAX (inner, g->size),
          };

          g_object_unref (r->layouts[c]);
          r->layouts[c] = _ll_layout_context_shape (f->context, &spec, cell->text);
        }
      else if (align == LL_ALIGN_CENTER)
        r->offsets[c] = (inner - width) / 2;
      else if (align == LL_ALIGN_RIGHT)
        r->offsets[c] = inner - width;

      r->height = MAX (r->height, pango_layout_get_line_count (r->layouts[c]) * g->advance);
    }
  r->height += 2 * g->pad_y;

  return r->height;
}

/* Draws a measured row's text at f->y and adds its rules to @rules. */
static void
row_draw (Flow          *f,
          TableGeometry *g,
          guint          row,
          RowLayout     *r,
          GArray        *rules)
{
  RuleRow rule = { f->y, f->y + r->height, 0 };

  if (f->cr == NULL)
    return;

  for (guint c = 0; c < r->n; c++)
    {
      LlTableCell *cell = _ll_table_cell (g->table, row, c);
      double text_h;

      if (r->layouts[c] == NULL)
        continue;
      rule.edges |= G_GUINT64_CONSTANT (1) << c;
      rule.edges |= G_GUINT64_CONSTANT (1) << MIN (c + cell->span, r->n);

      text_h = pango_layout_get_line_count (r->layouts[c]) * g->advance;
      _ll_layout_context_draw_lines (f->context, f->cr, r->layouts[c],
                                     g->column_x[c] + g->pad_x + r->offsets[c],
                                     f->y + (r->height - text_h) / 2, g->advance, g->size, 0);
    }
  g_array_append_val (rules, rule);
}

static double
row_height (Flow          *f,
            TableGeometry *g,
            guint          row)
{
  g_auto(RowLayout) r = { 0 };

  return row_measure (f, g, row, &r);
}

static void
table_caption (Flow          *f,
               TableGeometry *g,
               gboolean       continued)
{
  LlTable *table = g->table;
  double height = g->caption_height;

  if (height <= 0)
    return;

  if (f->cr != NULL)
    {
      double baseline = _ll_baseline_in_cell (f->y, height, g->caption_size);

      if (table->caption != NULL)
        {
          g_autofree char *text = continued ? g_strconcat (table->caption, "（续）", NULL)
                                            : g_strdup (table->caption);
          g_autoptr(PangoLayout) layout = shape_one_line (f, LL_FONT_ROLE_HEI,
                                                          g->caption_size, text);
          double width = _ll_layout_get_width (layout);

          _ll_layout_context_draw_line (f->context, f->cr, layout, 0,
                                        f->left + (f->width - width) / 2, baseline, 0);
        }
      if (table->unit != NULL)
        {
          g_autoptr(PangoLayout) layout = shape_one_line (f, LL_FONT_ROLE_SONG, g->size,
                                                          table->unit);

          _ll_layout_context_draw_line (f->context, f->cr, layout, 0,
                                        f->right - _ll_layout_get_width (layout), baseline, 0);
        }
    }

  f->y += height;
}

/* Height of the caption, header and the body row @first. */
static double
table_start_height (Flow          *f,
                    TableGeometry *g,
                    guint          first)
{
  double height = g->caption_height;

  for (guint r = 0; r < g->table->header_rows && r < g->table->rows->len; r++)
    height += row_height (f, g, r);
  if (first < g->table->rows->len)
    height += row_height (f, g, first);
  return height;
}

static void
stroke_rules (Flow          *f,
              TableGeometry *g,
              GArray        *rules)
{
  cairo_t *cr = f->cr;
  guint n = MIN (g->table->n_columns, LL_TABLE_MAX_COLUMNS);

  if (cr == NULL || rules->len == 0)
    return;

  cairo_save (cr);
  cairo_new_path (cr);
  for (guint r = 0; r < rules->len; r++)
    {
      RuleRow *row = &g_array_index (rules, RuleRow, r);

      cairo_move_to (cr, g->column_x[0], row->top);
      cairo_line_to (cr, g->column_x[n], row->top);
      if (r == rules->len - 1)
        {
          cairo_move_to (cr, g->column_x[0], row->bottom);
          cairo_line_to (cr, g->column_x[n], row->bottom);
        }
    }
  /* Vertical rules run on through rows that share them. */
  for (guint k = 0; k <= n; k++)
    {
      guint64 bit = G_GUINT64_CONSTANT (1) << k;
      double start = -1;

      for (guint r = 0; r <= rules->len; r++)
        {
          RuleRow *row = r < rules->len ? &g_array_index (rules, RuleRow, r) : NULL;

          if (row != NULL && (row->edges & bit) && start < 0)
            start = row->top;
          else if ((row == NULL || !(row->edges & bit)) && start >= 0)
            {
              cairo_move_to (cr, g->column_x[k], start);
              cairo_line_to (cr, g->column_x[k], g_array_index (rules, RuleRow, r - 1).bottom);
              start = -1;
            }
        }
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.5);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
  cairo_stroke (cr);
  cairo_restore (cr);
}

static gboolean
place_table (Flow      *f,
             LlBlock   *block,
             LlFlowPos *pos)
{
  g_autoptr(GArray) rules = g_array_new (FALSE, FALSE, sizeof (RuleRow));
  g_auto(TableGeometry) g = { 0 };
  LlTable *table = block->table;
  guint header_rows = MIN (table->header_rows, table->rows->len);
  guint first = header_rows + pos->sub;
  gboolean continued = pos->sub > 0;
  double space;

  table_geometry_init (f, table, &g);
  space = continued ? 0 : space_before (f, block);
  if (!f->empty && !fits (f, space + table_start_height (f, &g, first)))
    return FALSE;

  f->y += space;
  table_caption (f, &g, continued);
  for (guint r = 0; r < header_rows; r++)
    {
      g_auto(RowLayout) row = { 0 };

      row_measure (f, &g, r, &row);
      row_draw (f, &g, r, &row, rules);
      f->y += row.height;
    }

  for (guint r = first; r < table->rows->len; r++)
    {
      g_auto(RowLayout) row = { 0 };
      double height = row_measure (f, &g, r, &row);

      /* A row taller than a page is drawn anyway, cut at the page edge. */
      if (!fits (f, height) && r > first)
        {
          stroke_rules (f, &g, rules);
          pos->sub = r - header_rows;
          f->empty = FALSE;
          return FALSE;
        }
      row_draw (f, &g, r, &row, rules);
      f->y += height;
    }

  stroke_rules (f, &g, rules);
  f->y = f->grid ? snap (f, f->y) : f->y + g.size * 0.5;
  f->empty = FALSE;
  return TRUE;
}

/* Charts */

static double
chart_height (Flow    *f,
              LlChart *chart)
{
  double height = _ll_chart_get_height (chart, f->grid ? 9 * f->pitch : 220);

  if (f->grid)
    height = ceil (height / f->pitch - LL_EPSILON) * f->pitch;
  return MIN (height, f->bottom - f->top);
}

static gboolean
place_chart (Flow    *f,
             LlBlock *block)
{
  double height = chart_height (f, block->chart);
  double space = space_before (f, block);

  if (!f->empty && !fits (f, space + height))
    return FALSE;

  f->y += space;
  if (f->cr != NULL)
    _ll_chart_draw (block->chart, f->context, f->cr, f->left, f->y, f->width, height,
                    f->profile->table_size);
  f->y += height;
  f->empty = FALSE;
  return TRUE;
}

/* What must fit after a keep-with-next block: the first line of @index
 * (all of it if kept together), with the blocks it keeps with in turn. */
static double
block_first_height (Flow  *f,
                    guint  index)
{
  GPtrArray *blocks = f->doc->blocks;
  LlBlock *block;

  if (index >= blocks->len)
    return 0;

  block = g_ptr_array_index (blocks, index);
  switch (block->kind)
    {
    case LL_BLOCK_TABLE:
      {
        g_auto(TableGeometry) g = { 0 };

        table_geometry_init (f, block->table, &g);
        return table_start_height (f, &g, MIN (block->table->header_rows,
                                               block->table->rows->len));
      }

    case LL_BLOCK_CHART:
      return chart_height (f, block->chart);

    case LL_BLOCK_SPACE:
      return block->lines * line_advance (f, f->profile->body_size) +
             block_first_height (f, index + 1);

    case LL_BLOCK_PAGE_BREAK:
      return 0;

    case LL_BLOCK_TEXT:
    case LL_BLOCK_TITLE:
    case LL_BLOCK_ATTACHMENTS:
    case LL_BLOCK_SIGNATURE:
    default:
      {
        g_autoptr(GArray) lines = block_lines (f, block);
        double height = block->style.space_before * line_advance (f, f->profile->body_size);

        if (block->keep_together || block->keep_with_next)
          height += lines_height (lines, 0, lines->len);
        else
          height += lines_height (lines, 0, 1);
        if (block->keep_with_next)
          height += block_first_height (f, index + 1);
        return height;
      }
    }
}

/* Height of the blocks after @index that keep with what precedes them. */
static double
tail_height (Flow  *f,
             guint  index)
{
  GPtrArray *blocks = f->doc->blocks;
  double height = 0;

  for (guint i = index + 1; i < blocks->len; i++)
    {
      LlBlock *block = g_ptr_array_index (blocks, i);
      g_autoptr(GArray) lines = NULL;

      if (!block->keep_with_previous)
        break;
      lines = block_lines (f, block);
      height += block->style.space_before * line_advance (f, f->profile->body_size);
      height += lines_height (lines, 0, lines->len);
    }

  return height;
}

static gboolean
place_lines (Flow      *f,
             LlBlock   *block,
             LlFlowPos *pos)
{
  g_autoptr(GArray) lines = block_lines (f, block);
  guint start = pos->sub;
  double tail = 0;

  if (start >= lines->len)
    return TRUE;

  tail = tail_height (f, pos->block);

  if (start == 0)
    {
      double space = space_before (f, block);
      double need = space;

      /* A block kept together moves whole, with what keeps with it. */
      if (block->keep_together)
        need += lines_height (lines, 0, lines->len) + tail;
      else if (block->keep_with_next)
        need += lines_height (lines, 0, lines->len);
      else
        need += lines_height (lines, 0, 1);
      if (block->keep_with_next)
        need += block_first_height (f, pos->block + 1);

      if (!f->empty && !fits (f, need))
        return FALSE;
      f->y += space;
    }

  for (guint i = start; i < lines->len; i++)
    {
      LlLine *line = &g_array_index (lines, LlLine, i);

      if (!f->empty && !fits (f, line->advance))
        {
          pos->sub = i;
          return FALSE;
        }
      /* The last line goes with what must not start a page alone. */
      if (i == lines->len - 1 && tail > 0 && !f->empty && !fits (f, line->advance + tail))
        {
          pos->sub = i;
          return FALSE;
        }

      draw_line (f, line);
      f->y += line->advance;
      f->empty = FALSE;
    }

  return TRUE;
}

/* Header and colophon */

static void
draw_centred (Flow        *f,
              PangoLayout *layout,
              double       baseline,
              guint32      rgb)
{
  double width = _ll_layout_get_width (layout);

  _ll_layout_context_draw_line (f->context, f->cr, layout, 0, f->left + (f->width - width) / 2,
                                baseline, rgb);
}

#define LL_RED 0xe60012

static void
place_header (Flow *f)
{
  LlDocument *doc = f->doc;
  double size = 42.0;
  g_autoptr(PangoLayout) mark = shape_one_line (f, LL_FONT_ROLE_TITLE, size, doc->organ_mark);
  double width = _ll_layout_get_width (mark);
  double mark_top = f->top + LL_MM (35);
  double rule_y;
  double y;

  /* 初号 unless the name is too long for the type area. */
  if (width > f->width)
    {
      size = floor (size * f->width / width * 2) / 2;
      g_clear_object (&mark);
      mark = shape_one_line (f, LL_FONT_ROLE_TITLE, size, doc->organ_mark);
    }

  if (f->cr != NULL)
    draw_centred (f, mark, mark_top + LL_EM_ASCENT * size, LL_RED);

  /* Two blank lines, then the number on a line of the grid. */
  y = snap (f, mark_top + size) + 2 * line_advance (f, f->profile->body_size);
  if (doc->document_number != NULL)
    {
      double body = f->profile->body_size;
      double advance = line_advance (f, body);
      g_autoptr(PangoLayout) number = shape_one_line (f, LL_FONT_ROLE_BODY, body,
                                                      doc->document_number);

      if (f->cr != NULL)
        draw_centred (f, number, _ll_baseline_in_cell (y, advance, body), 0);
      rule_y = y + (advance - body) / 2 + body + LL_MM (4);
    }
  else
    {
      rule_y = mark_top + size + LL_MM (4);
    }

  if (f->cr != NULL)
    {
      _ll_set_source_rgb (f->cr, LL_RED);
      cairo_rectangle (f->cr, f->left, rule_y - 0.5, f->width, 1.0);
      cairo_fill (f->cr);
    }

  /* The title follows two blank lines below the rule. */
  f->y = snap (f, rule_y) + 2 * line_advance (f, f->profile->body_size);
  f->empty = FALSE;
}

typedef struct {
  PangoLayout *copy_to;
  PangoLayout *issuer;
  PangoLayout *date;
  double       size;
  double       advance;
  int          copy_lines;
} Colophon;

static void
colophon_clear (Colophon *c)
{
  g_clear_object (&c->copy_to);
  g_clear_object (&c->issuer);
  g_clear_object (&c->date);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Colophon, colophon_clear)

static void
colophon_init (Flow     *f,
               Colophon *c)
{
  LlDocument *doc = f->doc;
  g_autofree char *date = g_strconcat (doc->issue_date, "印发", NULL);

  c->size = 14.0;
  c->advance = line_advance (f, c->size);
  if (doc->copy_to != NULL)
    {
      /* Wrapped organs hang under the first one, after 抄送：. */
      LlTextSpec spec = {
        .role = LL_FONT_ROLE_BODY,
        .size = c->size,
        .align = LL_ALIGN_JUSTIFY,
        .indent = -3 * c->size,
        .width = f->width - 2 * c->size,
      };

      c->copy_to = _ll_layout_context_shape (f->context, &spec, doc->copy_to);
      c->copy_lines = pango_layout_get_line_count (c->copy_to);
    }
  c->issuer = shape_one_line (f, LL_FONT_ROLE_BODY, c->size, doc->issuer);
  c->date = shape_one_line (f, LL_FONT_ROLE_BODY, c->size, date);
}

static double
colophon_height (Colophon *c)
{
  return (c->copy_lines + 1) * c->advance;
}

static void
draw_rule (cairo_t *cr,
           double   x,
           double   y,
           double   width,
           double   thickness)
{
  cairo_rectangle (cr, x, y, width, thickness);
  cairo_fill (cr);
}

/* 版记: rules type-area wide, 0.35 mm first and last, 0.25 mm between
 * its lines; the last one's lower edge on the bottom of the type area. */
static void
draw_colophon (Flow *f)
{
  g_auto(Colophon) c = { 0 };
  double y;
  double x0;
  double x1;

  colophon_init (f, &c);
  if (f->cr == NULL)
    return;

  y = f->bottom - colophon_height (&c);
  x0 = f->left + c.size;
  x1 = f->right - c.size;
  cairo_set_source_rgb (f->cr, 0, 0, 0);
  draw_rule (f->cr, f->left, y, f->width, LL_MM (0.35));

  if (c.copy_to != NULL)
    {
      for (int i = 0; i < c.copy_lines; i++)
        {
          _ll_layout_context_draw_line (f->context, f->cr, c.copy_to, i, x0,
                                        _ll_baseline_in_cell (y, c.advance, c.size), 0);
          y += c.advance;
        }
      draw_rule (f->cr, f->left, y - LL_MM (0.25) / 2, f->width, LL_MM (0.25));
    }

  _ll_layout_context_draw_line (f->context, f->cr, c.issuer, 0, x0,
                                _ll_baseline_in_cell (y, c.advance, c.size), 0);
  _ll_layout_context_draw_line (f->context, f->cr, c.date, 0, x1 - _ll_layout_get_width (c.date),
                                _ll_baseline_in_cell (y, c.advance, c.size), 0);
  draw_rule (f->cr, f->left, f->bottom - LL_MM (0.35), f->width, LL_MM (0.35));
}

static void
draw_page_number (Flow *f)
{
  const LlPageProfile *p = f->profile;
  double size = p->page_number_size;
  g_autofree char *text = NULL;
  g_autoptr(PangoLayout) layout = NULL;
  double width;
  double x;
  guint number = f->page + 1;

  if (f->cr == NULL || p->page_numbers == LL_PAGE_NUMBERS_NONE)
    return;

  /* Half-width digits between em dashes: — 1 — */
  text = g_strdup_printf ("— %u —", number);
  layout = shape_one_line (f, LL_FONT_ROLE_SONG, size, text);
  width = _ll_layout_get_width (layout);

  if (p->page_numbers == LL_PAGE_NUMBERS_CENTER)
    x = f->left + (f->width - width) / 2;
  else if (number % 2 == 1)
    x = f->right - size - width;
  else
    x = f->left + size;

  _ll_layout_context_draw_line (f->context, f->cr, layout, 0, x,
                                f->bottom + p->page_number_gap + LL_EM_ASCENT * size, 0);
}

static gboolean
has_colophon (LlDocument *doc)
{
  return doc->issuer != NULL;
}

/* Lays out the page starting at @pos, drawing it if f->cr is set, and
 * moves @pos to where the next page starts. */
static void
flow_page (Flow      *f,
           LlFlowPos *pos)
{
  LlDocument *doc = f->doc;
  GPtrArray *blocks = doc->blocks;
  gboolean numbered = TRUE;

  f->y = f->top;
  f->empty = TRUE;

  if (pos->block >= blocks->len && pos->sub == LL_TAIL_BLANK)
    {
      pos->sub = LL_TAIL_COLOPHON;
      return;
    }
  if (pos->block >= blocks->len && pos->sub == LL_TAIL_COLOPHON)
    {
      draw_colophon (f);
      pos->sub = LL_TAIL_DONE;
      if (f->cr != NULL)
        _ll_layout_context_flush (f->context, f->cr);
      return;
    }

  if (f->page == 0 && pos->block == 0 && pos->sub == 0 && doc->organ_mark != NULL)
    place_header (f);

  while (pos->block < blocks->len)
    {
      LlBlock *block = g_ptr_array_index (blocks, pos->block);
      gboolean done = TRUE;

      switch (block->kind)
        {
        case LL_BLOCK_PAGE_BREAK:
          if (!f->empty)
            {
              pos->block++;
              pos->sub = 0;
              goto out;
            }
          break;

        case LL_BLOCK_SPACE:
          if (!f->empty)
            f->y = snap (f, f->y + block->lines * line_advance (f, f->profile->body_size));
          break;

        case LL_BLOCK_TABLE:
          done = place_table (f, block, pos);
          break;

        case LL_BLOCK_CHART:
          done = place_chart (f, block);
          break;

        case LL_BLOCK_TEXT:
        case LL_BLOCK_TITLE:
        case LL_BLOCK_ATTACHMENTS:
        case LL_BLOCK_SIGNATURE:
        default:
          done = place_lines (f, block, pos);
          break;
        }

      if (!done)
        goto out;
      pos->block++;
      pos->sub = 0;
    }

  /* The flow ended on this page: now the colophon. */
  pos->sub = LL_TAIL_DONE;
  if (has_colophon (doc))
    {
      g_auto(Colophon) c = { 0 };
      gboolean even = f->page % 2 == 1;
      double gap = f->empty ? 0 : line_advance (f, f->profile->body_size);

      colophon_init (f, &c);
      if ((even || !doc->double_sided) && fits (f, gap + colophon_height (&c)))
        {
          draw_colophon (f);
          numbered = FALSE;
        }
      else if (doc->double_sided && even)
        pos->sub = LL_TAIL_BLANK;
      else
        pos->sub = LL_TAIL_COLOPHON;
    }

out:
  if (numbered)
    draw_page_number (f);
  if (f->cr != NULL)
    _ll_layout_context_flush (f->context, f->cr);
}

static void
flow_init (Flow            *f,
           LlDocument      *doc,
           LlLayoutContext *context,
           cairo_t         *cr)
{
  const LlPageProfile *p = &doc->profile;

  memset (f, 0, sizeof *f);
  f->doc = doc;
  f->context = context;
  f->profile = p;
  f->cr = cr;
  f->top = p->top;
  f->bottom = p->top + p->type_height;
  f->left = p->left;
  f->right = p->left + p->type_width;
  f->width = p->type_width;
  f->grid = p->lines > 0;
  f->pitch = ll_page_profile_get_pitch (p);
}

static gboolean
flow_finished (LlDocument *doc,
               LlFlowPos  *pos)
{
  return pos->block >= doc->blocks->len && pos->sub == LL_TAIL_DONE;
}

/* Every page must move the flow on; a bug here would loop forever. */
static void
ensure_progress (LlDocument *doc,
                 LlFlowPos  *before,
                 LlFlowPos  *after)
{
  if (before->block == after->block && before->sub == after->sub &&
      before->block < doc->blocks->len)
    {
      g_critical ("Layout made no progress at block %u; skipping it", before->block);
      after->block++;
      after->sub = 0;
    }
}

static double
flow_fraction (LlDocument *doc,
               LlFlowPos  *pos)
{
  if (doc->blocks->len == 0)
    return 1.0;
  return MIN (1.0, (double) pos->block / doc->blocks->len);
}

/**
 * ll_document_paginate:
 * @context: the shaping context to lay out with
 * @cancellable: (nullable): a #GCancellable
 *
 * Breaks the document into pages. Only where each page starts is kept;
 * ll_document_draw_page() lays the page out again when it is drawn (from
 * the context's cache for what was shaped recently). Changing the
 * document afterwards discards the pagination.
 *
 * Returns: %TRUE, or %FALSE if cancelled
 */
gboolean
ll_document_paginate (LlDocument       *self,
                      LlLayoutContext  *context,
                      GCancellable     *cancellable,
                      GError          **error)
{
  g_autoptr(GArray) starts = NULL;
  LlFlowPos pos = { 0, 0 };
  Flow f;

  g_return_val_if_fail (LL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (LL_IS_LAYOUT_CONTEXT (context), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  _ll_document_invalidate (self);
  starts = g_array_new (FALSE, FALSE, sizeof (LlFlowPos));
  flow_init (&f, self, context, NULL);

  while (!flow_finished (self, &pos))
    {
      LlFlowPos before = pos;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      g_array_append_val (starts, pos);
      f.page = starts->len - 1;
      flow_page (&f, &pos);
      ensure_progress (self, &before, &pos);
    }

  self->page_starts = g_steal_pointer (&starts);
  self->context = g_object_ref (context);
  return TRUE;
}

/**
 * ll_document_get_n_pages:
 *
 * Returns: the number of pages found by ll_document_paginate(), or 0 if
 *   the document is not paginated
 */
guint
ll_document_get_n_pages (LlDocument *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT (self), 0);

  return self->page_starts != NULL ? self->page_starts->len : 0;
}

/**
 * ll_document_draw_page:
 * @cr: where to draw, in points with the origin at the page's top left
 * @page: 0-based page number
 *
 * Draws one page of a paginated document. This is what a
 * GtkPrintOperation's draw-page handler calls, with the operation in
 * points on the full page (gtk_print_operation_set_unit (op,
 * GTK_UNIT_POINTS) and gtk_print_operation_set_use_full_page (op, TRUE)),
 * after ll_document_paginate() in begin-print gave the number of pages.
 *
 * Returns: %TRUE, or %FALSE if the document is not paginated or @page is
 *   past its end
 */
gboolean
ll_document_draw_page (LlDocument  *self,
                       cairo_t     *cr,
                       guint        page,
                       GError     **error)
{
  LlFlowPos pos;
  Flow f;

  g_return_val_if_fail (LL_IS_DOCUMENT (self), FALSE);
  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->page_starts == NULL || page >= self->page_starts->len)
    {
      g_set_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_NOT_PAGINATED,
                   _("Page %u of the document does not exist"), page + 1);
      return FALSE;
    }

  pos = g_array_index (self->page_starts, LlFlowPos, page);
  flow_init (&f, self, self->context, cr);
  f.page = page;

  cairo_save (cr);
  flow_page (&f, &pos);
  cairo_restore (cr);

  if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_RENDER,
                   _("Could not draw the page: %s"), cairo_status_to_string (cairo_status (cr)));
      return FALSE;
    }

  return TRUE;
}

/*< private >
 * _ll_document_render_pages:
 * @pdf_surface: (nullable): the PDF surface behind @cr, to size each page
 * @n_pages: (out): pages rendered
 *
 * Lays out and draws every page in one pass, calling cairo_show_page()
 * after each: what the PDF writer streams. Nothing of a page is kept once
 * it is shown.
 */
gboolean
_ll_document_render_pages (LlDocument       *self,
                           LlLayoutContext  *context,
                           cairo_t          *cr,
                           cairo_surface_t  *pdf_surface,
                           LlProgressFunc    progress,
                           gpointer          user_data,
                           guint            *n_pages,
                           GCancellable     *cancellable,
                           GError          **error)
{
  LlFlowPos pos = { 0, 0 };
  Flow f;

  flow_init (&f, self, context, cr);
  *n_pages = 0;

  while (!flow_finished (self, &pos))
    {
      LlFlowPos before = pos;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (pdf_surface != NULL)
        cairo_pdf_surface_set_size (pdf_surface, self->profile.width, self->profile.height);

      f.page = *n_pages;
      cairo_save (cr);
      flow_page (&f, &pos);
      cairo_restore (cr);
      cairo_show_page (cr);
      ensure_progress (self, &before, &pos);
      (*n_pages)++;

      if (cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        {
          g_set_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_RENDER,
                       _("Could not draw the page: %s"),
                       cairo_status_to_string (cairo_status (cr)));
          return FALSE;
        }

      if (progress != NULL)
        progress (*n_pages, flow_fraction (self, &pos), user_data);
    }

  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "ll-layout.h"

G_BEGIN_DECLS

/* The em box of CJK fonts spans 0.88 of the size above the baseline and
 * 0.12 below (the ideographic baseline). Text is placed by its em box,
 * not by the font's ascent and descent, which differ between fonts. */
#define LL_EM_ASCENT 0.88

/* Layout tolerance in points. */
#define LL_EPSILON 0.01

/*< private >
 * LlTextSpec:
 * @role: font role of the text
 * @size: size in points
 * @bold: bold on top of the role's own weight
 * @align: alignment within @width
 * @indent: first-line indent in points; negative: hanging indent
 * @width: wrapping width in points; 0 or less for one unwrapped line
 * @lead_len: bytes at the start of the text set in @lead_role (run-in
 *   headings)
 * @lead_role: role of the lead
 *
 * What a shaped text looks like; together with the text it is the key
 * of the layout cache.
 */
typedef struct {
  LlFontRole role;
  double     size;
  gboolean   bold;
  LlAlign    align;
  double     indent;
  double     width;
  gsize      lead_len;
  LlFontRole lead_role;
} LlTextSpec;

PangoLayout *_ll_layout_context_shape      (LlLayoutContext  *self,
                                            const LlTextSpec *spec,
                                            const char       *text);
char        *_ll_layout_context_balance    (LlLayoutContext  *self,
                                            const LlTextSpec *spec,
                                            const char       *text,
                                            double            max_width);
double       _ll_layout_get_width          (PangoLayout      *layout);
double       _ll_baseline_in_cell          (double            top,
                                            double            height,
                                            double            size);
void         _ll_layout_context_draw_line  (LlLayoutContext  *self,
                                            cairo_t          *cr,
                                            PangoLayout      *layout,
                                            int               index,
                                            double            x,
                                            double            baseline,
                                            guint32           rgb);
void         _ll_layout_context_draw_lines (LlLayoutContext  *self,
                                            cairo_t          *cr,
                                            PangoLayout      *layout,
                                            double            x,
                                            double            top,
                                            double            advance,
                                            double            size,
                                            guint32           rgb);
void         _ll_layout_context_flush      (LlLayoutContext  *self,
                                            cairo_t          *cr);
void         _ll_set_source_rgb            (cairo_t          *cr,
                                            guint32           rgb);

G_END_DECLS

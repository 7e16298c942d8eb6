/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <pango/pango.h>

#include "ll-fonts.h"

G_BEGIN_DECLS

/* All lengths of the layout engine are PostScript points (1/72 inch). */
#define LL_MM(mm) ((mm) * 72.0 / 25.4)

#define LL_REPORT_ERROR (ll_report_error_quark ())

/**
 * LlReportError:
 * @LL_REPORT_ERROR_WRITE: the output file could not be written
 * @LL_REPORT_ERROR_RENDER: Cairo failed to draw the document
 * @LL_REPORT_ERROR_NOT_PAGINATED: the document was changed or never paginated
 *
 * Errors of the report layer. Cancellation is %G_IO_ERROR_CANCELLED.
 */
typedef enum {
  LL_REPORT_ERROR_WRITE,
  LL_REPORT_ERROR_RENDER,
  LL_REPORT_ERROR_NOT_PAGINATED,
} LlReportError;

GQuark ll_report_error_quark (void);

/**
 * LlPageKind:
 * @LL_PAGE_GBT9704: A4 portrait on the GB/T 9704-2012 grid
 * @LL_PAGE_FORM: A4 portrait, 20 mm margins, free layout (sheets, slips)
 * @LL_PAGE_FORM_LANDSCAPE: A4 landscape, 20 mm margins, free layout (ledgers)
 */
typedef enum {
  LL_PAGE_GBT9704,
  LL_PAGE_FORM,
  LL_PAGE_FORM_LANDSCAPE,
} LlPageKind;

/**
 * LlPageNumbers:
 * @LL_PAGE_NUMBERS_NONE: no page numbers
 * @LL_PAGE_NUMBERS_OUTSIDE: `— N —`, odd pages right, even pages left,
 *   one character in from the type area (GB/T 9704)
 * @LL_PAGE_NUMBERS_CENTER: `— N —` centred under the type area
 */
typedef enum {
  LL_PAGE_NUMBERS_NONE,
  LL_PAGE_NUMBERS_OUTSIDE,
  LL_PAGE_NUMBERS_CENTER,
} LlPageNumbers;

/**
 * LlAlign:
 *
 * Horizontal alignment of text. %LL_ALIGN_JUSTIFY stretches every line
 * but a paragraph's last to the full width (CJK text is spread between
 * characters).
 */
typedef enum {
  LL_ALIGN_LEFT,
  LL_ALIGN_CENTER,
  LL_ALIGN_RIGHT,
  LL_ALIGN_JUSTIFY,
} LlAlign;

/**
 * LlPageProfile:
 * @width: page width
 * @height: page height
 * @left: left edge of the type area (版心)
 * @top: top edge of the type area
 * @type_width: width of the type area
 * @type_height: height of the type area
 * @lines: lines per page of the grid, or 0 for free layout
 * @chars: characters per full line (informative; the body size is chosen
 *   so that they fit)
 * @body_size: size of body text
 * @table_size: default size of table text
 * @line_spacing: free layout: line advance as a multiple of the text size
 * @page_numbers: where page numbers go
 * @page_number_size: size of the page numbers
 * @page_number_gap: from the bottom of the type area to the top of the
 *   page number line
 *
 * Page geometry. Fill one with ll_page_profile_init() and change fields
 * if a document needs to.
 */
typedef struct {
  double        width;
  double        height;
  double        left;
  double        top;
  double        type_width;
  double        type_height;
  guint         lines;
  guint         chars;
  double        body_size;
  double        table_size;
  double        line_spacing;
  LlPageNumbers page_numbers;
  double        page_number_size;
  double        page_number_gap;
} LlPageProfile;

void   ll_page_profile_init      (LlPageProfile       *profile,
                                  LlPageKind           kind);
double ll_page_profile_get_pitch (const LlPageProfile *profile);

/**
 * LlProgressFunc:
 * @pages: pages finished so far
 * @fraction: estimated fraction of the work done, 0 to 1
 * @user_data: data given with the function
 *
 * Called after each page while rendering, on the rendering thread.
 */
typedef void (*LlProgressFunc) (guint    pages,
                                double   fraction,
                                gpointer user_data);

#define LL_TYPE_LAYOUT_CONTEXT (ll_layout_context_get_type ())

G_DECLARE_FINAL_TYPE (LlLayoutContext, ll_layout_context, LL, LAYOUT_CONTEXT, GObject)

LlLayoutContext *ll_layout_context_new            (LlFontSet       *fonts);
LlFontSet       *ll_layout_context_get_fonts      (LlLayoutContext *self);
PangoContext    *ll_layout_context_get_pango      (LlLayoutContext *self);
guint            ll_layout_context_get_cache_size (LlLayoutContext *self);
void             ll_layout_context_set_cache_limit (LlLayoutContext *self,
                                                    guint            limit);

G_END_DECLS

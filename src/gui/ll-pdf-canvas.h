/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "ll-pdf-document.h"

G_BEGIN_DECLS

#define LL_TYPE_PDF_CANVAS (ll_pdf_canvas_get_type ())

G_DECLARE_FINAL_TYPE (LlPdfCanvas, ll_pdf_canvas, LL, PDF_CANVAS, GtkWidget)

#define LL_PDF_MIN_ZOOM 0.25
#define LL_PDF_MAX_ZOOM 4.0

GtkWidget     *ll_pdf_canvas_new               (void);
LlPdfDocument *ll_pdf_canvas_get_document      (LlPdfCanvas   *self);
void           ll_pdf_canvas_set_document      (LlPdfCanvas   *self,
                                                LlPdfDocument *document);
double         ll_pdf_canvas_get_zoom          (LlPdfCanvas   *self);
void           ll_pdf_canvas_set_zoom          (LlPdfCanvas   *self,
                                                double         zoom);
LlPdfFitMode   ll_pdf_canvas_get_fit_mode      (LlPdfCanvas   *self);
void           ll_pdf_canvas_set_fit_mode      (LlPdfCanvas   *self,
                                                LlPdfFitMode   fit_mode);
guint          ll_pdf_canvas_get_page          (LlPdfCanvas   *self);
void           ll_pdf_canvas_set_page          (LlPdfCanvas   *self,
                                                guint          page);
void           ll_pdf_canvas_set_matches       (LlPdfCanvas   *self,
                                                LlPdfMatches  *matches,
                                                int            current);
void           ll_pdf_canvas_scroll_to_match   (LlPdfCanvas   *self,
                                                guint          match);
gboolean       ll_pdf_canvas_page_is_rendered  (LlPdfCanvas   *self,
                                                guint          page);
gboolean       ll_pdf_canvas_get_page_rect     (LlPdfCanvas   *self,
                                                guint          page,
                                                graphene_rect_t *rect);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "ll-pdf-document.h"

G_BEGIN_DECLS

#define LL_TYPE_PDF_VIEW (ll_pdf_view_get_type ())

G_DECLARE_FINAL_TYPE (LlPdfView, ll_pdf_view, LL, PDF_VIEW, GtkWidget)

GtkWidget     *ll_pdf_view_new                 (void);
void           ll_pdf_view_load_file           (LlPdfView     *self,
                                                GFile         *file);
void           ll_pdf_view_load_bytes          (LlPdfView     *self,
                                                GBytes        *bytes,
                                                const char    *name);
void           ll_pdf_view_clear               (LlPdfView     *self);
gboolean       ll_pdf_view_get_loading         (LlPdfView     *self);
const GError  *ll_pdf_view_get_error           (LlPdfView     *self);
LlPdfDocument *ll_pdf_view_get_document        (LlPdfView     *self);
GFile         *ll_pdf_view_get_file            (LlPdfView     *self);
guint          ll_pdf_view_get_n_pages         (LlPdfView     *self);
guint          ll_pdf_view_get_page            (LlPdfView     *self);
void           ll_pdf_view_set_page            (LlPdfView     *self,
                                                guint          page);
double         ll_pdf_view_get_zoom            (LlPdfView     *self);
void           ll_pdf_view_set_zoom            (LlPdfView     *self,
                                                double         zoom);
LlPdfFitMode   ll_pdf_view_get_fit_mode        (LlPdfView     *self);
void           ll_pdf_view_set_fit_mode        (LlPdfView     *self,
                                                LlPdfFitMode   fit_mode);
gboolean       ll_pdf_view_get_show_thumbnails (LlPdfView     *self);
void           ll_pdf_view_set_show_thumbnails (LlPdfView     *self,
                                                gboolean       show_thumbnails);
guint          ll_pdf_view_find                (LlPdfView     *self,
                                                const char    *text);
guint          ll_pdf_view_get_match_count     (LlPdfView     *self);
int            ll_pdf_view_get_current_match   (LlPdfView     *self);
gboolean       ll_pdf_view_print_to_file       (LlPdfView     *self,
                                                GFile         *file,
                                                GError       **error);
gboolean       ll_pdf_view_page_is_rendered    (LlPdfView     *self,
                                                guint          page);

G_END_DECLS

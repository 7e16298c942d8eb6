/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-document.h"
#include "ll-layout.h"

G_BEGIN_DECLS

#define LL_TYPE_PDF_WRITER (ll_pdf_writer_get_type ())

G_DECLARE_FINAL_TYPE (LlPdfWriter, ll_pdf_writer, LL, PDF_WRITER, GObject)

LlPdfWriter *ll_pdf_writer_new          (LlLayoutContext  *context,
                                         const char       *path,
                                         GError          **error);
void         ll_pdf_writer_set_metadata (LlPdfWriter      *self,
                                         const char       *title,
                                         const char       *author);
gboolean     ll_pdf_writer_add_document (LlPdfWriter      *self,
                                         LlDocument       *document,
                                         LlProgressFunc    progress,
                                         gpointer          user_data,
                                         GCancellable     *cancellable,
                                         GError          **error);
guint        ll_pdf_writer_get_n_pages  (LlPdfWriter      *self);
gboolean     ll_pdf_writer_close        (LlPdfWriter      *self,
                                         GError          **error);

gboolean     ll_document_write_pdf      (LlDocument       *document,
                                         LlLayoutContext  *context,
                                         const char       *path,
                                         LlProgressFunc    progress,
                                         gpointer          user_data,
                                         GCancellable     *cancellable,
                                         GError          **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LL_PDF_ERROR (ll_pdf_error_quark ())

/**
 * LlPdfError:
 * @LL_PDF_ERROR_DAMAGED: the file is damaged or incomplete
 * @LL_PDF_ERROR_ENCRYPTED: the file is protected with a password
 * @LL_PDF_ERROR_NOT_PDF: the file is not a PDF document
 * @LL_PDF_ERROR_READ: the file could not be read
 * @LL_PDF_ERROR_FAILED: printing or saving failed
 */
typedef enum {
  LL_PDF_ERROR_DAMAGED,
  LL_PDF_ERROR_ENCRYPTED,
  LL_PDF_ERROR_NOT_PDF,
  LL_PDF_ERROR_READ,
  LL_PDF_ERROR_FAILED,
} LlPdfError;

GQuark ll_pdf_error_quark (void);

/**
 * LlPdfFitMode:
 * @LL_PDF_FIT_NONE: the zoom is what the user chose
 * @LL_PDF_FIT_WIDTH: the widest page fills the width of the view
 * @LL_PDF_FIT_PAGE: a whole page fits in the view
 */
typedef enum {
  LL_PDF_FIT_NONE,
  LL_PDF_FIT_WIDTH,
  LL_PDF_FIT_PAGE,
} LlPdfFitMode;

#define LL_TYPE_PDF_FIT_MODE (ll_pdf_fit_mode_get_type ())
GType ll_pdf_fit_mode_get_type (void);

/* Render priorities: lower numbers are rendered first. */
#define LL_PDF_PRIORITY_VISIBLE   0
#define LL_PDF_PRIORITY_THUMBNAIL 1
#define LL_PDF_PRIORITY_PREFETCH  2

/**
 * LlPdfMatch:
 * @page: 0-based page
 * @first_rect: index of its first rectangle in #LlPdfMatches.rects
 * @n_rects: 1, or more when the match runs over a line break
 */
typedef struct {
  guint page;
  guint first_rect;
  guint n_rects;
} LlPdfMatch;

/**
 * LlPdfMatches:
 * @text: what was searched for
 * @matches: (element-type LlPdfMatch): in page order
 * @rects: (element-type graphene_rect_t): in points, origin at the top
 *   left of the page
 *
 * The hits of one search, shared between the view and its pages.
 */
typedef struct {
  char   *text;
  GArray *matches;
  GArray *rects;
} LlPdfMatches;

#define LL_TYPE_PDF_MATCHES (ll_pdf_matches_get_type ())
GType         ll_pdf_matches_get_type       (void);
LlPdfMatches *ll_pdf_matches_ref            (LlPdfMatches *self);
void          ll_pdf_matches_unref          (LlPdfMatches *self);
guint         ll_pdf_matches_get_n_matches  (LlPdfMatches *self);
guint         ll_pdf_matches_find_page      (LlPdfMatches *self,
                                             guint         page,
                                             guint        *n_matches);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPdfMatches, ll_pdf_matches_unref)

#define LL_TYPE_PDF_DOCUMENT (ll_pdf_document_get_type ())

G_DECLARE_FINAL_TYPE (LlPdfDocument, ll_pdf_document, LL, PDF_DOCUMENT, GObject)

void           ll_pdf_document_new_async             (GFile                *file,
                                                      GBytes               *bytes,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LlPdfDocument *ll_pdf_document_new_finish            (GAsyncResult         *result,
                                                      GError              **error);
LlPdfDocument *ll_pdf_document_new_from_bytes        (GBytes               *bytes,
                                                      GError              **error);

guint          ll_pdf_document_get_n_pages           (LlPdfDocument        *self);
void           ll_pdf_document_get_page_size         (LlPdfDocument        *self,
                                                      guint                 page,
                                                      double               *width,
                                                      double               *height);
void           ll_pdf_document_get_max_page_size     (LlPdfDocument        *self,
                                                      double               *width,
                                                      double               *height);
const char    *ll_pdf_document_get_title             (LlPdfDocument        *self);
GBytes        *ll_pdf_document_get_bytes             (LlPdfDocument        *self);
GFile         *ll_pdf_document_get_file              (LlPdfDocument        *self);

GdkTexture    *ll_pdf_document_lookup                (LlPdfDocument        *self,
                                                      guint                 page,
                                                      guint                 width,
                                                      gboolean             *exact);
void           ll_pdf_document_request               (LlPdfDocument        *self,
                                                      gconstpointer         tag,
                                                      guint                 page,
                                                      guint                 width,
                                                      int                   priority);
void           ll_pdf_document_cancel                (LlPdfDocument        *self,
                                                      gconstpointer         tag,
                                                      guint                 keep_first,
                                                      guint                 keep_last);
void           ll_pdf_document_cancel_page           (LlPdfDocument        *self,
                                                      gconstpointer         tag,
                                                      guint                 page);
void           ll_pdf_document_keep                  (LlPdfDocument        *self,
                                                      guint                 first,
                                                      guint                 last);
gsize          ll_pdf_document_get_cache_size        (LlPdfDocument        *self);
gsize          ll_pdf_document_get_cache_limit       (LlPdfDocument        *self);
void           ll_pdf_document_set_cache_limit       (LlPdfDocument        *self,
                                                      gsize                 limit);
guint          ll_pdf_document_get_n_queued          (LlPdfDocument        *self);

LlPdfMatches  *ll_pdf_document_find                  (LlPdfDocument        *self,
                                                      const char           *text,
                                                      GCancellable         *cancellable,
                                                      GError              **error);
void           ll_pdf_document_find_async            (LlPdfDocument        *self,
                                                      const char           *text,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
LlPdfMatches  *ll_pdf_document_find_finish           (LlPdfDocument        *self,
                                                      GAsyncResult         *result,
                                                      GError              **error);

void           ll_pdf_document_render_for_printing   (LlPdfDocument        *self,
                                                      guint                 page,
                                                      cairo_t              *cr);

G_END_DECLS

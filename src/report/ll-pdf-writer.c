/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pdf-writer"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "ll-document-private.h"
#include "ll-pdf-writer.h"

/**
 * LlPdfWriter:
 *
 * Streams documents into one PDF file, page by page: a document is laid
 * out and drawn a page at a time and nothing of a page is kept once it is
 * written, so 20,000 one-page sheets (one #LlDocument each, sharing one
 * #LlLayoutContext and its cache) take the memory of one.
 *
 * The PDF is written to a hidden temporary file beside @path and renamed
 * over it by ll_pdf_writer_close(); after an error or a cancellation, or
 * if the writer is dropped without closing, the temporary file is removed
 * and @path is left as it was. Cairo embeds a subset of every font used.
 */
struct _LlPdfWriter
{
  GObject          parent_instance;

  /* Owned */
  LlLayoutContext *context;
  char            *path;
  char            *tmp_path;
  FILE            *file;
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              write_errno;
  guint            n_pages;
  gboolean         has_title;
  gboolean         failed;
};

G_DEFINE_FINAL_TYPE (LlPdfWriter, ll_pdf_writer, G_TYPE_OBJECT)

static cairo_status_t
write_cb (void                *closure,
          const unsigned char *data,
          unsigned int         length)
{
  LlPdfWriter *self = closure;

  if (self->write_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;

  if (fwrite (data, 1, length, self->file) != length)
    {
      self->write_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

static void
set_write_error (LlPdfWriter  *self,
                 int           errsv,
                 GError      **error)
{
  g_autofree char *display = g_filename_display_name (self->path);

  g_set_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_WRITE,
               _("Could not write “%s”: %s"), display, g_strerror (errsv));
}

/* Drops everything written so far. */
static void
discard (LlPdfWriter *self)
{
  g_clear_pointer (&self->cr, cairo_destroy);
  if (self->surface != NULL)
    {
      /* Finishing writes the trailer; the write callback must not. */
      self->write_errno = self->write_errno != 0 ? self->write_errno : ECANCELED;
      g_clear_pointer (&self->surface, cairo_surface_destroy);
    }
  if (self->file != NULL)
    {
      fclose (self->file);
      self->file = NULL;
    }
  if (self->tmp_path != NULL)
    {
      g_unlink (self->tmp_path);
      g_clear_pointer (&self->tmp_path, g_free);
    }
  self->failed = TRUE;
}

static void
ll_pdf_writer_finalize (GObject *object)
{
  LlPdfWriter *self = (LlPdfWriter *) object;

  discard (self);
  g_clear_object (&self->context);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (ll_pdf_writer_parent_class)->finalize (object);
}

static void
ll_pdf_writer_class_init (LlPdfWriterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_pdf_writer_finalize;
}

static void
ll_pdf_writer_init (LlPdfWriter *self)
{
}

/**
 * ll_pdf_writer_new:
 * @context: the shaping context for every document added
 * @path: the PDF file to write (replaced on success)
 *
 * Returns: (transfer full) (nullable): a writer, or %NULL with @error set
 *   if the folder of @path cannot be written
 */
LlPdfWriter *
ll_pdf_writer_new (LlLayoutContext  *context,
                   const char       *path,
                   GError          **error)
{
  g_autoptr(LlPdfWriter) self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *template = NULL;
  int fd;

  g_return_val_if_fail (LL_IS_LAYOUT_CONTEXT (context), NULL);
  g_return_val_if_fail (path != NULL && *path != '\0', NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LL_TYPE_PDF_WRITER, NULL);
  self->context = g_object_ref (context);
  self->path = g_strdup (path);

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  template = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (template, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int errsv = errno;

      self->failed = TRUE;
      set_write_error (self, errsv, error);
      return NULL;
    }
  self->tmp_path = g_steal_pointer (&template);

  self->file = fdopen (fd, "wb");
  if (self->file == NULL)
    {
      int errsv = errno;

      close (fd);
      discard (self);
      set_write_error (self, errsv, error);
      return NULL;
    }

  /* The size is set again for each page. */
  self->surface = cairo_pdf_surface_create_for_stream (write_cb, self, 595.28, 841.89);
  self->cr = cairo_create (self->surface);
  cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_CREATOR,
                                  "Lianluo " PACKAGE_VERSION);
  if (cairo_status (self->cr) != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_RENDER,
                   _("Could not create the PDF: %s"),
                   cairo_status_to_string (cairo_status (self->cr)));
      discard (self);
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * ll_pdf_writer_set_metadata:
 * @title: (nullable): the PDF title (else the first document's title)
 * @author: (nullable): the PDF author
 */
void
ll_pdf_writer_set_metadata (LlPdfWriter *self,
                            const char  *title,
                            const char  *author)
{
  g_return_if_fail (LL_IS_PDF_WRITER (self));

  if (self->surface == NULL)
    return;
  if (title != NULL)
    {
      cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, title);
      self->has_title = TRUE;
    }
  if (author != NULL)
    cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR, author);
}

/**
 * ll_pdf_writer_add_document:
 * @progress: (nullable) (scope call): called after each page
 * @cancellable: (nullable): a #GCancellable
 *
 * Lays out @document and appends its pages. After an error the writer
 * can only be dropped.
 *
 * Returns: %TRUE on success
 */
gboolean
ll_pdf_writer_add_document (LlPdfWriter     *self,
                            LlDocument      *document,
                            LlProgressFunc   progress,
                            gpointer         user_data,
                            GCancellable    *cancellable,
                            GError         **error)
{
  guint n_pages = 0;

  g_return_val_if_fail (LL_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (LL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failed || self->surface == NULL)
    {
      g_set_error_literal (error, LL_REPORT_ERROR, LL_REPORT_ERROR_WRITE,
                           _("The PDF file was already closed or has failed"));
      return FALSE;
    }

  if (!self->has_title)
    {
      const char *title = ll_document_get_title (document);

      if (title != NULL)
        {
          g_autofree char *flat = g_strdelimit (g_strdup (title), "\n", ' ');

          cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_TITLE, flat);
        }
      if (document->author != NULL)
        cairo_pdf_surface_set_metadata (self->surface, CAIRO_PDF_METADATA_AUTHOR,
                                        document->author);
      self->has_title = TRUE;
    }

  if (!_ll_document_render_pages (document, self->context, self->cr, self->surface,
                                  progress, user_data, &n_pages, cancellable, error))
    {
      self->n_pages += n_pages;
      if (self->write_errno != 0)
        {
          g_clear_error (error);
          set_write_error (self, self->write_errno, error);
        }
      discard (self);
      return FALSE;
    }
  self->n_pages += n_pages;

  if (self->write_errno != 0)
    {
      set_write_error (self, self->write_errno, error);
      discard (self);
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_pdf_writer_get_n_pages:
 *
 * Returns: pages written so far
 */
guint
ll_pdf_writer_get_n_pages (LlPdfWriter *self)
{
  g_return_val_if_fail (LL_IS_PDF_WRITER (self), 0);
  return self->n_pages;
}

/**
 * ll_pdf_writer_close:
 *
 * Finishes the PDF and moves it to its path.
 *
 * Returns: %TRUE if the file is complete at its path
 */
gboolean
ll_pdf_writer_close (LlPdfWriter  *self,
                     GError      **error)
{
  cairo_status_t status;
  int errsv = 0;

  g_return_val_if_fail (LL_IS_PDF_WRITER (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (self->failed || self->surface == NULL)
    {
      g_set_error_literal (error, LL_REPORT_ERROR, LL_REPORT_ERROR_WRITE,
                           _("The PDF file was already closed or has failed"));
      return FALSE;
    }
  if (self->n_pages == 0)
    {
      g_set_error_literal (error, LL_REPORT_ERROR, LL_REPORT_ERROR_RENDER,
                           _("The document has no pages"));
      discard (self);
      return FALSE;
    }

  g_clear_pointer (&self->cr, cairo_destroy);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  g_clear_pointer (&self->surface, cairo_surface_destroy);

  if (self->write_errno != 0)
    errsv = self->write_errno;
  else if (fflush (self->file) != 0 || fsync (fileno (self->file)) != 0)
    errsv = errno;

  if (errsv == 0 && status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_RENDER,
                   _("Could not create the PDF: %s"), cairo_status_to_string (status));
      discard (self);
      return FALSE;
    }

  if (errsv == 0)
    {
      if (fclose (self->file) != 0)
        errsv = errno;
      self->file = NULL;
    }

  if (errsv == 0 && g_rename (self->tmp_path, self->path) != 0)
    errsv = errno;

  if (errsv != 0)
    {
      set_write_error (self, errsv, error);
      discard (self);
      return FALSE;
    }

  g_clear_pointer (&self->tmp_path, g_free);
  self->failed = TRUE;  /* closed: nothing more can be added */
  return TRUE;
}

/**
 * ll_document_write_pdf:
 * @context: (nullable): the shaping context, %NULL for one with the
 *   default fonts
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @cancellable: (nullable): a #GCancellable, checked before each page
 *
 * Renders @document to a PDF file, streaming page by page.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
ll_document_write_pdf (LlDocument       *document,
                       LlLayoutContext  *context,
                       const char       *path,
                       LlProgressFunc    progress,
                       gpointer          user_data,
                       GCancellable     *cancellable,
                       GError          **error)
{
  g_autoptr(LlLayoutContext) own_context = NULL;
  g_autoptr(LlPdfWriter) writer = NULL;

  g_return_val_if_fail (LL_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (context == NULL || LL_IS_LAYOUT_CONTEXT (context), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (context == NULL)
    context = own_context = ll_layout_context_new (NULL);

  writer = ll_pdf_writer_new (context, path, error);
  if (writer == NULL)
    return FALSE;

  if (!ll_pdf_writer_add_document (writer, document, progress, user_data, cancellable, error))
    return FALSE;

  return ll_pdf_writer_close (writer, error);
}

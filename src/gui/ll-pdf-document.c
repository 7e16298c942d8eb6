/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pdf-document"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "ll-pdf-document.h"

/* A PDF opened for the preview: the document, its page sizes, a render
 * thread and a cache of rendered pages.
 *
 * Threads. Poppler may not be used on one document from two threads at
 * once, and even separate documents share lazily built global state
 * (colour management, fonts) that is not guarded. So every Poppler call
 * in the process holds `poppler_lock`. Pages are rendered by one thread
 * per document that owns the queue; the GUI thread calls Poppler itself
 * only to find text and to print, and then waits at most for the one
 * page being rendered. One document object is enough: the lock already
 * serialises, and a second copy would double Poppler's memory.
 *
 * Cache. Rendered pages are GdkTextures keyed by page and pixel width,
 * kept in least-recently-used order and evicted past a byte limit
 * (200 MB by default; a fit-width A4 page at 1000 px is about 5.6 MB).
 * Lookups fall back to the nearest other width of the same page, so a
 * page shows scaled at once while it renders at a new zoom. */

#define DEFAULT_CACHE_LIMIT (200 * 1024 * 1024)
#define FIND_FLAGS (POPPLER_FIND_DEFAULT | POPPLER_FIND_MULTILINE)

static GMutex poppler_lock;

typedef struct {
  gconstpointer tag;
  guint         page;
  guint         width;
  int           priority;
  guint64       serial;
  GdkTexture   *texture;
} RenderJob;

typedef struct {
  GMutex           mutex;
  GCond            cond;
  GQueue           jobs;
  GQueue           results;
  RenderJob       *in_flight;
  gboolean         quit;
  gboolean         delivery_pending;
  guint64          serial;

  /* Borrowed from the owner, which outlives the thread; used with
   * poppler_lock held. */
  PopplerDocument *document;

  /* GUI thread only; NULL once the owner is disposed. */
  LlPdfDocument   *owner;
  GMainContext    *context;
  GThread         *thread;
} Worker;

typedef struct {
  guint64     key;
  guint       page;
  guint       width;
  gsize       size;
  GdkTexture *texture;
  GList       link;
} CacheEntry;

struct _LlPdfDocument
{
  GObject parent_instance;

  /* Owned */
  PopplerDocument *document;
  GBytes          *bytes;
  GFile           *file;
  char            *title;
  double          *sizes;
  guint            n_pages;
  double           max_width;
  double           max_height;

  Worker          *worker;

  GHashTable      *cache;      /* guint64 key → CacheEntry */
  GHashTable      *by_page;    /* page → GSList of CacheEntry */
  GQueue           lru;        /* most recent first */
  gsize            cache_size;
  gsize            cache_limit;
  guint            keep_first;  /* pages on screen, never evicted */
  guint            keep_last;
};

enum {
  PAGE_RENDERED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (LlPdfDocument, ll_pdf_document, G_TYPE_OBJECT)
G_DEFINE_QUARK (ll-pdf-error-quark, ll_pdf_error)
G_DEFINE_BOXED_TYPE (LlPdfMatches, ll_pdf_matches, ll_pdf_matches_ref, ll_pdf_matches_unref)

GType
ll_pdf_fit_mode_get_type (void)
{
  static gsize type_id;

  if (g_once_init_enter (&type_id))
    {
      static const GEnumValue values[] = {
        { LL_PDF_FIT_NONE, "LL_PDF_FIT_NONE", "none" },
        { LL_PDF_FIT_WIDTH, "LL_PDF_FIT_WIDTH", "width" },
        { LL_PDF_FIT_PAGE, "LL_PDF_FIT_PAGE", "page" },
        { 0, NULL, NULL },
      };
      GType type = g_enum_register_static (g_intern_static_string ("LlPdfFitMode"), values);

      g_once_init_leave (&type_id, type);
    }

  return type_id;
}

/* Matches */

static LlPdfMatches *
ll_pdf_matches_new (const char *text)
{
  LlPdfMatches *self = g_atomic_rc_box_new0 (LlPdfMatches);

  self->text = g_strdup (text);
  self->matches = g_array_new (FALSE, FALSE, sizeof (LlPdfMatch));
  self->rects = g_array_new (FALSE, FALSE, sizeof (graphene_rect_t));

  return self;
}

static void
ll_pdf_matches_clear (LlPdfMatches *self)
{
  g_free (self->text);
  g_array_unref (self->matches);
  g_array_unref (self->rects);
}

LlPdfMatches *
ll_pdf_matches_ref (LlPdfMatches *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_atomic_rc_box_acquire (self);
}

void
ll_pdf_matches_unref (LlPdfMatches *self)
{
  g_return_if_fail (self != NULL);

  g_atomic_rc_box_release_full (self, (GDestroyNotify) ll_pdf_matches_clear);
}

guint
ll_pdf_matches_get_n_matches (LlPdfMatches *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->matches->len;
}

/**
 * ll_pdf_matches_find_page:
 * @n_matches: (out): how many matches @page has
 *
 * Returns: the index of the first match on @page, or of the first match
 *   after it when @page has none
 */
guint
ll_pdf_matches_find_page (LlPdfMatches *self,
                          guint         page,
                          guint        *n_matches)
{
  guint lo = 0, hi;
  guint first;

  g_return_val_if_fail (self != NULL, 0);

  hi = self->matches->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->matches, LlPdfMatch, mid).page < page)
        lo = mid + 1;
      else
        hi = mid;
    }
  first = lo;

  while (lo < self->matches->len && g_array_index (self->matches, LlPdfMatch, lo).page == page)
    lo++;

  if (n_matches != NULL)
    *n_matches = lo - first;

  return first;
}

/* Worker */

static void
render_job_free (RenderJob *job)
{
  g_clear_object (&job->texture);
  g_free (job);
}

static void
worker_clear (Worker *worker)
{
  g_queue_clear_full (&worker->jobs, (GDestroyNotify) render_job_free);
  g_queue_clear_full (&worker->results, (GDestroyNotify) render_job_free);
  g_main_context_unref (worker->context);
  g_mutex_clear (&worker->mutex);
  g_cond_clear (&worker->cond);
}

static void
worker_unref (Worker *worker)
{
  g_atomic_rc_box_release_full (worker, (GDestroyNotify) worker_clear);
}

static void cache_insert (LlPdfDocument *self,
                          guint          page,
                          guint          width,
                          GdkTexture    *texture);

static gboolean
worker_deliver_cb (gpointer data)
{
  Worker *worker = data;
  LlPdfDocument *self = worker->owner;
  GQueue results = G_QUEUE_INIT;

  g_mutex_lock (&worker->mutex);
  results = worker->results;
  g_queue_init (&worker->results);
  worker->delivery_pending = FALSE;
  g_mutex_unlock (&worker->mutex);

  for (RenderJob *job; (job = g_queue_pop_head (&results)) != NULL; render_job_free (job))
    {
      if (self == NULL || job->texture == NULL)
        continue;

      cache_insert (self, job->page, job->width, job->texture);
      g_signal_emit (self, signals[PAGE_RENDERED], 0, job->page, job->width);
    }

  return G_SOURCE_REMOVE;
}

static GdkTexture *
render_page (PopplerDocument *document,
             guint            index,
             guint            width)
{
  PopplerPage *page;
  g_autoptr(GBytes) bytes = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double page_width, page_height;
  guint height;

  g_mutex_lock (&poppler_lock);

  page = poppler_document_get_page (document, index);
  if (page == NULL)
    {
      g_mutex_unlock (&poppler_lock);
      return NULL;
    }

  poppler_page_get_size (page, &page_width, &page_height);
  height = MAX (1, (guint) round (width * page_height / page_width));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, width / page_width, height / page_height);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_clear_object (&page);

  g_mutex_unlock (&poppler_lock);

  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      g_warning ("Could not render page %u: %s", index + 1,
                 cairo_status_to_string (cairo_surface_status (surface)));
      cairo_surface_destroy (surface);
      return NULL;
    }

  cairo_surface_flush (surface);
  bytes = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                      (gsize) cairo_image_surface_get_stride (surface) * height,
                                      (GDestroyNotify) cairo_surface_destroy,
                                      surface);

  /* Cairo's ARGB32 is premultiplied native-endian, GDK_MEMORY_DEFAULT. */
  return gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, bytes,
                                 cairo_image_surface_get_stride (surface));
}

static RenderJob *
worker_pop_job (Worker *worker)
{
  GList *best = NULL;

  for (GList *l = worker->jobs.head; l != NULL; l = l->next)
    {
      RenderJob *job = l->data;
      RenderJob *best_job = best ? best->data : NULL;

      if (best_job == NULL ||
          job->priority < best_job->priority ||
          (job->priority == best_job->priority && job->serial < best_job->serial))
        best = l;
    }

  if (best == NULL)
    return NULL;

  {
    RenderJob *job = best->data;

    g_queue_delete_link (&worker->jobs, best);
    return job;
  }
}

static gpointer
worker_thread (gpointer data)
{
  Worker *worker = data;

  g_mutex_lock (&worker->mutex);

  while (!worker->quit)
    {
      RenderJob *job = worker_pop_job (worker);

      if (job == NULL)
        {
          g_cond_wait (&worker->cond, &worker->mutex);
          continue;
        }

      worker->in_flight = job;
      g_mutex_unlock (&worker->mutex);

      {
        gint64 start = g_get_monotonic_time ();

        job->texture = render_page (worker->document, job->page, job->width);
        g_debug ("Rendered page %u at %u px in %.1f ms", job->page + 1, job->width,
                 (g_get_monotonic_time () - start) / 1000.0);
      }

      g_mutex_lock (&worker->mutex);
      worker->in_flight = NULL;
      g_queue_push_tail (&worker->results, job);

      if (!worker->delivery_pending && !worker->quit)
        {
          GSource *source = g_idle_source_new ();

          worker->delivery_pending = TRUE;
          /* Before the next frame is drawn. */
          g_source_set_priority (source, G_PRIORITY_DEFAULT);
          g_source_set_callback (source, worker_deliver_cb,
                                 g_atomic_rc_box_acquire (worker),
                                 (GDestroyNotify) worker_unref);
          g_source_set_static_name (source, "[ll-pdf-document] deliver");
          g_source_attach (source, worker->context);
          g_source_unref (source);
        }
    }

  g_mutex_unlock (&worker->mutex);
  worker_unref (worker);

  return NULL;
}

static Worker *
ensure_worker (LlPdfDocument *self)
{
  Worker *worker;

  if (self->worker != NULL)
    return self->worker;

  worker = g_atomic_rc_box_new0 (Worker);
  g_mutex_init (&worker->mutex);
  g_cond_init (&worker->cond);
  g_queue_init (&worker->jobs);
  g_queue_init (&worker->results);
  worker->document = self->document;
  worker->owner = self;
  worker->context = g_main_context_ref_thread_default ();
  worker->thread = g_thread_new ("ll-pdf-render", worker_thread, g_atomic_rc_box_acquire (worker));
  self->worker = worker;

  return worker;
}

static void
stop_worker (LlPdfDocument *self)
{
  Worker *worker = g_steal_pointer (&self->worker);

  if (worker == NULL)
    return;

  g_mutex_lock (&worker->mutex);
  worker->quit = TRUE;
  worker->owner = NULL;
  g_queue_clear_full (&worker->jobs, (GDestroyNotify) render_job_free);
  g_cond_signal (&worker->cond);
  g_mutex_unlock (&worker->mutex);

  /* At most one page is being rendered; the document must outlive it. */
  g_thread_join (worker->thread);
  worker_unref (worker);
}

/* Cache */

static guint64
cache_key (guint page,
           guint width)
{
  return ((guint64) page << 32) | width;
}

static void
cache_remove (LlPdfDocument *self,
              CacheEntry    *entry)
{
  GSList *list = g_hash_table_lookup (self->by_page, GUINT_TO_POINTER (entry->page));

  list = g_slist_remove (list, entry);
  if (list != NULL)
    g_hash_table_insert (self->by_page, GUINT_TO_POINTER (entry->page), list);
  else
    g_hash_table_remove (self->by_page, GUINT_TO_POINTER (entry->page));

  g_queue_unlink (&self->lru, &entry->link);
  self->cache_size -= entry->size;
  g_hash_table_remove (self->cache, &entry->key);
}

static void
cache_entry_free (CacheEntry *entry)
{
  g_clear_object (&entry->texture);
  g_free (entry);
}

static void
cache_trim (LlPdfDocument *self,
            CacheEntry    *keep)
{
  GList *l = self->lru.tail;

  /* Oldest first; what is on screen stays, even past the limit, so that
   * two pages in view cannot evict each other for ever. */
  while (self->cache_size > self->cache_limit && l != NULL)
    {
      CacheEntry *oldest = l->data;

      l = l->prev;
      if (oldest == keep ||
          (oldest->page >= self->keep_first && oldest->page <= self->keep_last))
        continue;
      cache_remove (self, oldest);
    }
}

static void
cache_insert (LlPdfDocument *self,
              guint          page,
              guint          width,
              GdkTexture    *texture)
{
  guint64 key = cache_key (page, width);
  CacheEntry *entry = g_hash_table_lookup (self->cache, &key);
  GSList *list;

  if (entry != NULL)
    cache_remove (self, entry);

  entry = g_new0 (CacheEntry, 1);
  entry->key = key;
  entry->page = page;
  entry->width = width;
  entry->texture = g_object_ref (texture);
  entry->size = (gsize) gdk_texture_get_width (texture) * gdk_texture_get_height (texture) * 4;
  entry->link.data = entry;

  g_hash_table_insert (self->cache, &entry->key, entry);
  list = g_hash_table_lookup (self->by_page, GUINT_TO_POINTER (page));
  g_hash_table_insert (self->by_page, GUINT_TO_POINTER (page), g_slist_prepend (list, entry));
  g_queue_push_head_link (&self->lru, &entry->link);
  self->cache_size += entry->size;

  cache_trim (self, entry);
}

/* Loading */

typedef struct {
  GFile           *file;
  GBytes          *bytes;
  PopplerDocument *document;
  char            *title;
  double          *sizes;
  guint            n_pages;
} LoadData;

static void
load_data_free (LoadData *data)
{
  g_clear_object (&data->file);
  g_clear_pointer (&data->bytes, g_bytes_unref);
  if (data->document != NULL)
    {
      g_mutex_lock (&poppler_lock);
      g_clear_object (&data->document);
      g_mutex_unlock (&poppler_lock);
    }
  g_free (data->title);
  g_free (data->sizes);
  g_free (data);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadData, load_data_free)

static gboolean
looks_like_pdf (GBytes *bytes)
{
  gsize size;
  const char *data = g_bytes_get_data (bytes, &size);

  /* Readers accept the header anywhere in the first kilobyte. */
  for (gsize i = 0; i + 5 <= MIN (size, 1024); i++)
    if (memcmp (data + i, "%PDF-", 5) == 0)
      return TRUE;

  return FALSE;
}

static gboolean
load_document (LoadData      *data,
               GCancellable  *cancellable,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (data->bytes == NULL)
    {
      data->bytes = g_file_load_bytes (data->file, cancellable, NULL, &local_error);
      if (data->bytes == NULL)
        {
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_propagate_error (error, g_steal_pointer (&local_error));
          else
            /* Translators: %s says why, e.g. “No such file or directory” */
            g_set_error (error, LL_PDF_ERROR, LL_PDF_ERROR_READ,
                         _("The file could not be read: %s."), local_error->message);
          return FALSE;
        }
    }

  if (!looks_like_pdf (data->bytes))
    {
      g_set_error_literal (error, LL_PDF_ERROR, LL_PDF_ERROR_NOT_PDF,
                           _("The file is not a PDF document."));
      return FALSE;
    }

  g_mutex_lock (&poppler_lock);

  data->document = poppler_document_new_from_bytes (data->bytes, NULL, &local_error);
  if (data->document != NULL)
    {
      data->n_pages = poppler_document_get_n_pages (data->document);
      data->title = poppler_document_get_title (data->document);
      data->sizes = g_new0 (double, 2 * MAX (data->n_pages, 1));

      for (guint i = 0; i < data->n_pages; i++)
        {
          PopplerPage *page = poppler_document_get_page (data->document, i);

          if (page == NULL)
            break;
          poppler_page_get_size (page, &data->sizes[2 * i], &data->sizes[2 * i + 1]);
          g_object_unref (page);
          if (data->sizes[2 * i] < 1 || data->sizes[2 * i + 1] < 1)
            break;
        }
    }

  g_mutex_unlock (&poppler_lock);

  if (data->document == NULL)
    {
      g_debug ("Poppler: %s", local_error->message);
      if (g_error_matches (local_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        g_set_error_literal (error, LL_PDF_ERROR, LL_PDF_ERROR_ENCRYPTED,
                             _("The file is protected with a password."));
      else
        g_set_error_literal (error, LL_PDF_ERROR, LL_PDF_ERROR_DAMAGED,
                             _("The file is damaged or incomplete."));
      return FALSE;
    }

  for (guint i = 0; i < data->n_pages; i++)
    if (data->sizes[2 * i] < 1 || data->sizes[2 * i + 1] < 1)
      data->n_pages = 0;

  if (data->n_pages == 0)
    {
      g_set_error_literal (error, LL_PDF_ERROR, LL_PDF_ERROR_DAMAGED,
                           _("The file is damaged or incomplete."));
      return FALSE;
    }

  return TRUE;
}

static LlPdfDocument *
document_from_load_data (LoadData *data)
{
  LlPdfDocument *self = g_object_new (LL_TYPE_PDF_DOCUMENT, NULL);

  self->document = g_steal_pointer (&data->document);
  self->bytes = g_steal_pointer (&data->bytes);
  self->file = g_steal_pointer (&data->file);
  self->title = g_steal_pointer (&data->title);
  self->sizes = g_steal_pointer (&data->sizes);
  self->n_pages = data->n_pages;

  for (guint i = 0; i < self->n_pages; i++)
    {
      self->max_width = MAX (self->max_width, self->sizes[2 * i]);
      self->max_height = MAX (self->max_height, self->sizes[2 * i + 1]);
    }

  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadData *data = task_data;
  GError *error = NULL;

  if (load_document (data, cancellable, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/* Finding */

static void
collect_matches (LlPdfMatches *matches,
                 guint         page,
                 double        page_height,
                 GList        *rects)
{
  LlPdfMatch *match = NULL;

  for (const GList *l = rects; l != NULL; l = l->next)
    {
      PopplerRectangle *r = l->data;
      graphene_rect_t rect;

      /* Poppler's find results have their origin at the bottom left. */
      graphene_rect_init (&rect,
                          MIN (r->x1, r->x2),
                          page_height - MAX (r->y1, r->y2),
                          fabs (r->x2 - r->x1),
                          fabs (r->y2 - r->y1));

      if (match == NULL)
        {
          g_array_set_size (matches->matches, matches->matches->len + 1);
          match = &g_array_index (matches->matches, LlPdfMatch, matches->matches->len - 1);
          match->page = page;
          match->first_rect = matches->rects->len;
          match->n_rects = 0;
        }

      g_array_append_val (matches->rects, rect);
      match->n_rects++;

      if (!poppler_rectangle_find_get_match_continued (r))
        match = NULL;
    }
}

static LlPdfMatches *
find_in_document (PopplerDocument  *document,
                  const double     *sizes,
                  guint             n_pages,
                  const char       *text,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(LlPdfMatches) matches = ll_pdf_matches_new (text);

  if (text == NULL || text[0] == '\0')
    return g_steal_pointer (&matches);

  for (guint i = 0; i < n_pages; i++)
    {
      PopplerPage *page;
      GList *rects = NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;

      /* Page by page, so that rendering goes on between them. */
      g_mutex_lock (&poppler_lock);
      page = poppler_document_get_page (document, i);
      if (page != NULL)
        rects = poppler_page_find_text_with_options (page, text, FIND_FLAGS);
      g_clear_object (&page);
      g_mutex_unlock (&poppler_lock);

      collect_matches (matches, i, sizes[2 * i + 1], rects);
      g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
    }

  return g_steal_pointer (&matches);
}

static void
find_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LlPdfDocument *self = source_object;
  GError *error = NULL;
  LlPdfMatches *matches;

  matches = find_in_document (self->document, self->sizes, self->n_pages,
                              task_data, cancellable, &error);
  if (matches != NULL)
    g_task_return_pointer (task, matches, (GDestroyNotify) ll_pdf_matches_unref);
  else
    g_task_return_error (task, error);
}

/* Object */

static void
ll_pdf_document_dispose (GObject *object)
{
  LlPdfDocument *self = LL_PDF_DOCUMENT (object);

  stop_worker (self);

  G_OBJECT_CLASS (ll_pdf_document_parent_class)->dispose (object);
}

static void
ll_pdf_document_finalize (GObject *object)
{
  LlPdfDocument *self = LL_PDF_DOCUMENT (object);
  GHashTableIter iter;
  gpointer list;

  g_hash_table_iter_init (&iter, self->by_page);
  while (g_hash_table_iter_next (&iter, NULL, &list))
    g_slist_free (list);
  g_hash_table_unref (self->by_page);

  /* The LRU links live inside the entries. */
  g_queue_init (&self->lru);
  g_hash_table_unref (self->cache);

  if (self->document != NULL)
    {
      g_mutex_lock (&poppler_lock);
      g_clear_object (&self->document);
      g_mutex_unlock (&poppler_lock);
    }

  g_clear_pointer (&self->bytes, g_bytes_unref);
  g_clear_object (&self->file);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->sizes, g_free);

  G_OBJECT_CLASS (ll_pdf_document_parent_class)->finalize (object);
}

static void
ll_pdf_document_class_init (LlPdfDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = ll_pdf_document_dispose;
  object_class->finalize = ll_pdf_document_finalize;

  /**
   * LlPdfDocument::page-rendered:
   * @page: the page
   * @width: its width in pixels
   *
   * A requested page is in the cache.
   */
  signals[PAGE_RENDERED] = g_signal_new ("page-rendered", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
}

static void
ll_pdf_document_init (LlPdfDocument *self)
{
  self->cache = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                       (GDestroyNotify) cache_entry_free);
  /* Values are GSLists updated in place: no destroy function. */
  self->by_page = g_hash_table_new (NULL, NULL);
  self->cache_limit = DEFAULT_CACHE_LIMIT;
  self->keep_first = 1;
  self->keep_last = 0;
}

/**
 * ll_pdf_document_new_async:
 * @file: (nullable): the PDF file, read when @bytes is %NULL
 * @bytes: (nullable): the PDF's contents
 *
 * Reads and opens a PDF in a worker thread. Errors are in the
 * %LL_PDF_ERROR domain, with a message for the user.
 */
void
ll_pdf_document_new_async (GFile               *file,
                           GBytes              *bytes,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  LoadData *data;

  g_return_if_fail (file == NULL || G_IS_FILE (file));
  g_return_if_fail (file != NULL || bytes != NULL);

  data = g_new0 (LoadData, 1);
  data->file = file ? g_object_ref (file) : NULL;
  data->bytes = bytes ? g_bytes_ref (bytes) : NULL;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_pdf_document_new_async);
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  g_task_run_in_thread (task, load_thread);
}

LlPdfDocument *
ll_pdf_document_new_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (G_IS_TASK (result), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == ll_pdf_document_new_async,
                        NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  return document_from_load_data (g_task_get_task_data (G_TASK (result)));
}

/**
 * ll_pdf_document_new_from_bytes:
 *
 * Opens a PDF at once, in the calling thread.
 */
LlPdfDocument *
ll_pdf_document_new_from_bytes (GBytes  *bytes,
                                GError **error)
{
  g_autoptr(LoadData) data = g_new0 (LoadData, 1);

  g_return_val_if_fail (bytes != NULL, NULL);

  data->bytes = g_bytes_ref (bytes);
  if (!load_document (data, NULL, error))
    return NULL;

  return document_from_load_data (data);
}

guint
ll_pdf_document_get_n_pages (LlPdfDocument *self)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), 0);

  return self->n_pages;
}

/**
 * ll_pdf_document_get_page_size:
 * @width: (out): in points
 * @height: (out): in points
 */
void
ll_pdf_document_get_page_size (LlPdfDocument *self,
                               guint          page,
                               double        *width,
                               double        *height)
{
  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);

  *width = self->sizes[2 * page];
  *height = self->sizes[2 * page + 1];
}

void
ll_pdf_document_get_max_page_size (LlPdfDocument *self,
                                   double        *width,
                                   double        *height)
{
  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));

  *width = self->max_width;
  *height = self->max_height;
}

/**
 * ll_pdf_document_get_title:
 *
 * Returns: (nullable): the title in the PDF's metadata
 */
const char *
ll_pdf_document_get_title (LlPdfDocument *self)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), NULL);

  return self->title;
}

/**
 * ll_pdf_document_get_bytes:
 *
 * Returns: (transfer none): the file's contents, as read
 */
GBytes *
ll_pdf_document_get_bytes (LlPdfDocument *self)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), NULL);

  return self->bytes;
}

/**
 * ll_pdf_document_get_file:
 *
 * Returns: (transfer none) (nullable): the file it was read from
 */
GFile *
ll_pdf_document_get_file (LlPdfDocument *self)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), NULL);

  return self->file;
}

/**
 * ll_pdf_document_lookup:
 * @width: the wanted width in pixels
 * @exact: (out) (optional): whether the texture has that width
 *
 * Returns: (transfer none) (nullable): the page rendered at @width, or
 *   else at the nearest width the cache has, larger ones first
 */
GdkTexture *
ll_pdf_document_lookup (LlPdfDocument *self,
                        guint          page,
                        guint          width,
                        gboolean      *exact)
{
  CacheEntry *best = NULL;

  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), NULL);

  if (exact != NULL)
    *exact = FALSE;

  for (const GSList *l = g_hash_table_lookup (self->by_page, GUINT_TO_POINTER (page));
       l != NULL;
       l = l->next)
    {
      CacheEntry *entry = l->data;

      if (best == NULL)
        best = entry;
      else if (entry->width == width)
        best = entry;
      else if (best->width == width)
        continue;
      else if (entry->width > width && (best->width < width || entry->width < best->width))
        best = entry;
      else if (entry->width < width && best->width < width && entry->width > best->width)
        best = entry;
    }

  if (best == NULL)
    return NULL;

  g_queue_unlink (&self->lru, &best->link);
  g_queue_push_head_link (&self->lru, &best->link);

  if (exact != NULL)
    *exact = best->width == width;

  return best->texture;
}

/**
 * ll_pdf_document_request:
 * @tag: who asks, for ll_pdf_document_cancel()
 * @width: the width in pixels
 * @priority: %LL_PDF_PRIORITY_VISIBLE, …
 *
 * Queues @page for rendering at @width unless it is in the cache or
 * queued already. A request from @tag for the same page at another
 * width replaces the older one. #LlPdfDocument::page-rendered follows.
 */
void
ll_pdf_document_request (LlPdfDocument *self,
                         gconstpointer  tag,
                         guint          page,
                         guint          width,
                         int            priority)
{
  guint64 key = cache_key (page, width);
  Worker *worker;
  RenderJob *job = NULL;

  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);
  g_return_if_fail (width > 0);

  if (g_hash_table_contains (self->cache, &key))
    return;

  worker = ensure_worker (self);
  g_mutex_lock (&worker->mutex);

  if (worker->in_flight != NULL &&
      worker->in_flight->page == page && worker->in_flight->width == width)
    goto out;

  for (GList *l = worker->results.head; l != NULL; l = l->next)
    {
      RenderJob *done = l->data;

      if (done->page == page && done->width == width)
        goto out;
    }

  for (GList *l = worker->jobs.head; l != NULL; l = l->next)
    {
      RenderJob *queued = l->data;

      if (queued->page == page && queued->width == width)
        {
          queued->priority = MIN (queued->priority, priority);
          goto out;
        }
      if (queued->page == page && queued->tag == tag)
        job = queued;
    }

  if (job == NULL)
    {
      job = g_new0 (RenderJob, 1);
      job->tag = tag;
      job->page = page;
      g_queue_push_tail (&worker->jobs, job);
    }

  job->width = width;
  job->priority = priority;
  job->serial = ++worker->serial;
  g_cond_signal (&worker->cond);

out:
  g_mutex_unlock (&worker->mutex);
}

static void
cancel_where (LlPdfDocument *self,
              gconstpointer  tag,
              guint          keep_first,
              guint          keep_last,
              gboolean       inside)
{
  Worker *worker = self->worker;

  if (worker == NULL)
    return;

  g_mutex_lock (&worker->mutex);
  for (GList *l = worker->jobs.head; l != NULL;)
    {
      RenderJob *job = l->data;
      GList *next = l->next;
      gboolean in_range = job->page >= keep_first && job->page <= keep_last;

      if (job->tag == tag && in_range == inside)
        {
          g_queue_delete_link (&worker->jobs, l);
          render_job_free (job);
        }
      l = next;
    }
  g_mutex_unlock (&worker->mutex);
}

/**
 * ll_pdf_document_cancel:
 * @keep_first: first page to keep
 * @keep_last: last page to keep
 *
 * Drops the queued requests of @tag for pages outside
 * [@keep_first, @keep_last], e.g. pages scrolled far away.
 */
void
ll_pdf_document_cancel (LlPdfDocument *self,
                        gconstpointer  tag,
                        guint          keep_first,
                        guint          keep_last)
{
  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));

  if (keep_first > 0)
    cancel_where (self, tag, 0, keep_first - 1, TRUE);
  if (keep_last < G_MAXUINT)
    cancel_where (self, tag, keep_last + 1, G_MAXUINT, TRUE);
}

void
ll_pdf_document_cancel_page (LlPdfDocument *self,
                             gconstpointer  tag,
                             guint          page)
{
  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));

  cancel_where (self, tag, page, page, TRUE);
}

/**
 * ll_pdf_document_keep:
 * @first: first page on screen
 * @last: last page on screen
 *
 * Keeps the renderings of pages on screen in the cache whatever its
 * limit; the others go, oldest first, as new pages come in.
 */
void
ll_pdf_document_keep (LlPdfDocument *self,
                      guint          first,
                      guint          last)
{
  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));

  self->keep_first = first;
  self->keep_last = last;
}

/**
 * ll_pdf_document_get_n_queued:
 *
 * Returns: how many renders wait in the queue
 */
guint
ll_pdf_document_get_n_queued (LlPdfDocument *self)
{
  guint n;

  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), 0);

  if (self->worker == NULL)
    return 0;

  g_mutex_lock (&self->worker->mutex);
  n = self->worker->jobs.length;
  g_mutex_unlock (&self->worker->mutex);

  return n;
}

/**
 * ll_pdf_document_get_cache_size:
 *
 * Returns: bytes held by rendered pages
 */
gsize
ll_pdf_document_get_cache_size (LlPdfDocument *self)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), 0);

  return self->cache_size;
}

gsize
ll_pdf_document_get_cache_limit (LlPdfDocument *self)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), 0);

  return self->cache_limit;
}

/**
 * ll_pdf_document_set_cache_limit:
 * @limit: bytes; the most recent page is kept even when larger
 */
void
ll_pdf_document_set_cache_limit (LlPdfDocument *self,
                                 gsize          limit)
{
  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));

  self->cache_limit = limit;
  cache_trim (self, self->lru.head ? self->lru.head->data : NULL);
}

/**
 * ll_pdf_document_find:
 *
 * Finds @text on every page, ignoring case and line breaks, in the
 * calling thread.
 *
 * Returns: (transfer full): the matches, or %NULL when cancelled
 */
LlPdfMatches *
ll_pdf_document_find (LlPdfDocument  *self,
                      const char     *text,
                      GCancellable   *cancellable,
                      GError        **error)
{
  g_return_val_if_fail (LL_IS_PDF_DOCUMENT (self), NULL);

  return find_in_document (self->document, self->sizes, self->n_pages,
                           text, cancellable, error);
}

void
ll_pdf_document_find_async (LlPdfDocument       *self,
                            const char          *text,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ll_pdf_document_find_async);
  g_task_set_task_data (task, g_strdup (text), g_free);
  g_task_run_in_thread (task, find_thread);
}

LlPdfMatches *
ll_pdf_document_find_finish (LlPdfDocument  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ll_pdf_document_render_for_printing:
 * @cr: drawn on in points, the page's top left at the origin
 *
 * Draws @page as Poppler prints it (vectors and text, no annotations
 * meant for the screen only).
 */
void
ll_pdf_document_render_for_printing (LlPdfDocument *self,
                                     guint          page,
                                     cairo_t       *cr)
{
  PopplerPage *poppler_page;

  g_return_if_fail (LL_IS_PDF_DOCUMENT (self));
  g_return_if_fail (page < self->n_pages);

  g_mutex_lock (&poppler_lock);
  poppler_page = poppler_document_get_page (self->document, page);
  if (poppler_page != NULL)
    poppler_page_render_for_printing (poppler_page, cr);
  g_clear_object (&poppler_page);
  g_mutex_unlock (&poppler_lock);
}

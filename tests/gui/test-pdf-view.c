/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-pdf-view"

#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>

#include "ll-pdf-canvas.h"
#include "ll-pdf-view.h"
#include "ll-report.h"
#include "ll-resources.h"
#include "ll-test-gui.h"

/* The PDF preview, for real in a window under Xvfb, on a Chinese work
 * report written by the report engine. Set LL_TEST_SCREENSHOTS=DIR to
 * capture the screen at the interesting moments. */

#define WORD "联络站"

static char *tmp_dir;
static char *report_path;
static guint report_pages;
static GtkWindow *window;
static LlPdfView *view;
static gint64 report_written;

static const char *paragraphs[] = {
  "本季度联络站共开展代表接待选民活动36场次，参加接待的各级人大代表128人次，接待群众412人次，"
  "收集意见建议157件。其中，涉及城市管理和交通出行的58件，涉及教育医疗和养老服务的41件。",
  "对收集到的意见建议，按照分类梳理、分级交办、跟踪督办、及时反馈的工作流程办理。能够当场答复的，"
  "由代表和工作人员当场解释说明；需要职能部门办理的，由联络站统一登记后转交区政府有关部门。",
  "截至3月31日，已办结意见建议129件，办结率为百分之八十二点二；群众对办理结果表示满意和基本满意的"
  "121件。尚未办结的28件，主要涉及老旧小区加装电梯、道路改造等需要较长周期的事项。",
  "代表们围绕社区养老服务设施建设开展专题调研，走访了辖区内6个社区养老服务中心和2家养老机构，"
  "与老年人及其家属座谈交流，形成了专题调研报告，提出了加强护理人员培训等5条建议。",
};

/* Fixture */

static char *
write_report (void)
{
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (5, G_DATE_APRIL, 2025);
  char *path = g_build_filename (tmp_dir, "work-report.pdf", NULL);

  ll_document_set_metadata (doc, "东城街道人大代表联络站工作报告", "东城街道人大代表联络站");
  ll_document_add_title (doc, "东城街道人大代表联络站关于2025年第一季度代表进站履职情况的报告");
  ll_document_add_addressee (doc, "区人大常委会");
  for (guint i = 0; i < 16; i++)
    {
      if (i % 4 == 0)
        ll_document_add_heading (doc, 1, i < 8 ? "代表进站接待情况" : "意见建议办理情况");
      ll_document_add_paragraph (doc, paragraphs[i % G_N_ELEMENTS (paragraphs)]);
    }
  ll_document_add_signature (doc, "东城街道人大代表联络站", date);

  g_assert_true (ll_document_write_pdf (doc, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  return path;
}

static PopplerDocument *
open_with_poppler (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static char *
page_text_without_space (PopplerDocument *doc,
                         guint            index)
{
  PopplerPage *page = poppler_document_get_page (doc, index);
  g_autofree char *text = poppler_page_get_text (page);
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c))
        g_string_append_unichar (out, c);
    }

  g_object_unref (page);
  return g_string_free (out, FALSE);
}

static gboolean
view_has_pages (gpointer data)
{
  return ll_pdf_view_get_n_pages (data) > 0;
}

static gboolean
view_has_error (gpointer data)
{
  return ll_pdf_view_get_error (data) != NULL;
}

typedef struct {
  LlPdfView *view;
  guint      page;
} PageCheck;

static gboolean
page_rendered (gpointer data)
{
  PageCheck *check = data;

  return ll_pdf_view_page_is_rendered (check->view, check->page);
}

static void
wait_rendered (LlPdfView *pdf_view,
               guint      page)
{
  PageCheck check = { pdf_view, page };

  g_assert_true (ll_test_gui_wait (page_rendered, &check, 5000));
  /* And drawn. */
  ll_test_gui_spin (50);
}

static LlPdfCanvas *
get_canvas (LlPdfView *pdf_view)
{
  GtkWidget *canvas = ll_test_gui_find_widget (GTK_WIDGET (pdf_view), LL_TYPE_PDF_CANVAS, NULL);

  g_assert_nonnull (canvas);
  return LL_PDF_CANVAS (canvas);
}

static GtkAdjustment *
get_vadjustment (LlPdfView *pdf_view)
{
  GtkWidget *scroller = ll_test_gui_find_widget (GTK_WIDGET (pdf_view), GTK_TYPE_SCROLLED_WINDOW,
                                                 "pages-scroller");

  g_assert_nonnull (scroller);
  return gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
}

static const char *
visible_stack_child (LlPdfView *pdf_view)
{
  GtkWidget *stack = ll_test_gui_find_widget (GTK_WIDGET (pdf_view), GTK_TYPE_STACK,
                                              "pdf-stack");

  g_assert_nonnull (stack);
  return gtk_stack_get_visible_child_name (GTK_STACK (stack));
}

static void
screenshot (const char *name)
{
  const char *dir = g_getenv ("LL_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "import", "-window", "root", NULL, NULL };
  int status;

  if (dir == NULL)
    return;

  ll_test_gui_spin (300);
  gdk_display_sync (gdk_display_get_default ());
  path = g_strdup_printf ("%s/%s.png", dir, name);
  argv[3] = path;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                     &status, &error))
    g_test_message ("import: %s", error->message);
}

/* Pixels of @widget as drawn now, ARGB32 premultiplied. */
typedef struct {
  GdkTexture *texture;
  guchar     *data;
  gsize       stride;
  int         width;
  int         height;
} Pixels;

static void
pixels_render (Pixels    *pixels,
               GtkWidget *widget)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GskRenderNode) node = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  /* Nothing is drawn while a new layout is pending: wait for the frame. */
  for (guint i = 0; node == NULL && i < 100; i++)
    {
      GtkSnapshot *snapshot = gtk_snapshot_new ();

      if (i > 0)
        ll_test_gui_spin (20);
      pixels->width = gtk_widget_get_width (widget);
      pixels->height = gtk_widget_get_height (widget);
      gdk_paintable_snapshot (paintable, snapshot, pixels->width, pixels->height);
      node = gtk_snapshot_free_to_node (snapshot);
    }
  g_assert_nonnull (node);

  pixels->texture = gsk_renderer_render_texture (renderer, node,
                                                 &GRAPHENE_RECT_INIT (0, 0, pixels->width,
                                                                      pixels->height));
  pixels->width = gdk_texture_get_width (pixels->texture);
  pixels->height = gdk_texture_get_height (pixels->texture);
  pixels->stride = pixels->width * 4;
  pixels->data = g_malloc (pixels->stride * pixels->height);
  gdk_texture_download (pixels->texture, pixels->data, pixels->stride);
}

static void
pixels_clear (Pixels *pixels)
{
  g_clear_object (&pixels->texture);
  g_clear_pointer (&pixels->data, g_free);
}

static guint32
pixel_at (Pixels *pixels,
          int     x,
          int     y)
{
  g_assert_cmpint (x, >=, 0);
  g_assert_cmpint (y, >=, 0);
  g_assert_cmpint (x, <, pixels->width);
  g_assert_cmpint (y, <, pixels->height);

  return *(guint32 *) (pixels->data + y * pixels->stride + x * 4);
}

#define RED(p)   (((p) >> 16) & 0xff)
#define GREEN(p) (((p) >> 8) & 0xff)
#define BLUE(p)  ((p) & 0xff)

static gboolean
is_white (guint32 p)
{
  return RED (p) > 250 && GREEN (p) > 250 && BLUE (p) > 250;
}

static gboolean
is_dark (guint32 p)
{
  return RED (p) < 100 && GREEN (p) < 100 && BLUE (p) < 100 && (p >> 24) > 200;
}

/* The width of the white run through @y around @x, in pixels. */
static int
white_run (Pixels *pixels,
           int     x,
           int     y)
{
  int left = x, right = x;

  g_assert_true (is_white (pixel_at (pixels, x, y)));
  while (left > 0 && is_white (pixel_at (pixels, left - 1, y)))
    left--;
  while (right + 1 < pixels->width && is_white (pixel_at (pixels, right + 1, y)))
    right++;

  return right - left + 1;
}

static LlPdfView *
new_view_window (GtkWindow **out_window)
{
  GtkWidget *pdf_view = ll_pdf_view_new ();
  GtkWindow *win = GTK_WINDOW (gtk_window_new ());

  gtk_window_set_default_size (win, 1280, 800);
  gtk_window_set_title (win, "PDF");
  gtk_window_set_child (win, pdf_view);
  gtk_window_present (win);
  *out_window = win;

  return LL_PDF_VIEW (pdf_view);
}

static void
close_window (GtkWindow **win)
{
  gtk_window_destroy (*win);
  *win = NULL;
  ll_test_gui_spin (50);
}

/* Tests */

static void
test_open (void)
{
  g_autoptr(GFile) file = g_file_new_for_path (report_path);
  PopplerDocument *poppler = open_with_poppler (report_path);
  LlPdfCanvas *canvas;
  graphene_rect_t rect;
  Pixels pixels = { 0 };
  gint64 start, loaded, shown;
  guint dark = 0;

  report_pages = poppler_document_get_n_pages (poppler);
  g_object_unref (poppler);
  g_assert_cmpuint (report_pages, >=, 3);

  /* As in the application: the window is up, then a report is written
   * and previewed. */
  view = new_view_window (&window);
  ll_test_gui_spin (1000);
  g_free (report_path);
  report_path = write_report ();
  report_written = g_get_monotonic_time ();

  start = g_get_monotonic_time ();
  ll_pdf_view_load_file (view, file);
  g_assert_true (ll_pdf_view_get_loading (view));
  g_assert_true (ll_test_gui_wait (view_has_pages, view, 5000));
  loaded = g_get_monotonic_time ();
  wait_rendered (view, 0);
  shown = g_get_monotonic_time ();
  g_test_message ("opened in %.1f ms, first page shown after %.1f ms "
                  "(%.1f ms after the PDF was written)",
                  (loaded - start) / 1000.0, (shown - start) / 1000.0,
                  (shown - report_written) / 1000.0);

  /* Once more, now that the renderer has seen a page. */
  ll_pdf_view_clear (view);
  ll_test_gui_spin (300);
  g_free (report_path);
  report_path = write_report ();
  report_written = g_get_monotonic_time ();
  ll_pdf_view_load_file (view, file);
  g_assert_true (ll_test_gui_wait (view_has_pages, view, 5000));
  wait_rendered (view, 0);
  g_test_message ("again: first page shown %.1f ms after the PDF was written",
                  (g_get_monotonic_time () - report_written) / 1000.0);

  g_assert_false (ll_pdf_view_get_loading (view));
  g_assert_null (ll_pdf_view_get_error (view));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (view), ==, report_pages);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 0);
  g_assert_cmpstr (visible_stack_child (view), ==, "pages");
  g_assert_true (ll_pdf_view_get_fit_mode (view) == LL_PDF_FIT_WIDTH);

  /* The first page is on screen, white paper with dark text on it. */
  canvas = get_canvas (view);
  g_assert_true (ll_pdf_canvas_get_page_rect (canvas, 0, &rect));
  pixels_render (&pixels, GTK_WIDGET (canvas));
  for (int y = rect.origin.y; y < MIN (rect.origin.y + rect.size.height, pixels.height); y += 2)
    for (int x = rect.origin.x; x < rect.origin.x + rect.size.width; x += 2)
      dark += is_dark (pixel_at (&pixels, x, y));
  g_assert_cmpuint (dark, >, 200);
  g_assert_cmpint (white_run (&pixels, rect.origin.x + rect.size.width / 2, rect.origin.y + 5),
                   ==, (int) rect.size.width);
  pixels_clear (&pixels);

  screenshot ("pdf-view-open");
}

typedef struct {
  GtkAdjustment *adjustment;
  double         value;
} ValueCheck;

static gboolean
adjustment_at (gpointer data)
{
  ValueCheck *check = data;

  return fabs (gtk_adjustment_get_value (check->adjustment) - check->value) < 1;
}

static gboolean
adjustment_past (gpointer data)
{
  ValueCheck *check = data;

  return gtk_adjustment_get_value (check->adjustment) > check->value + 100;
}

static void
test_paging (void)
{
  GtkAdjustment *vadjustment = get_vadjustment (view);
  LlPdfCanvas *canvas = get_canvas (view);
  GtkWidget *entry = ll_test_gui_find_widget (GTK_WIDGET (view), GTK_TYPE_ENTRY, "page-entry");
  graphene_rect_t rect;
  ValueCheck check = { vadjustment, 0 };

  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.next-page", NULL));
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 1);
  g_assert_true (ll_test_gui_wait (adjustment_past, &check, 3000));
  ll_test_gui_spin (50);

  /* Page 2's top is at the top of the view. */
  g_assert_true (ll_pdf_canvas_get_page_rect (canvas, 1, &rect));
  g_assert_cmpfloat (fabs (rect.origin.y - 16), <, 2);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 1);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "2");
  wait_rendered (view, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.next-page", NULL));
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.previous-page", NULL));
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 1);

  /* The last page, then typing a number in the entry. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.last-page", NULL));
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, report_pages - 1);
  ll_test_gui_spin (100);
  g_assert_true (ll_pdf_canvas_get_page_rect (canvas, report_pages - 1, &rect));
  g_assert_cmpfloat (fabs (rect.origin.y - 16), <, 2);
  gtk_widget_activate_action (GTK_WIDGET (view), "pdf.next-page", NULL);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, report_pages - 1);
  wait_rendered (view, report_pages - 1);

  gtk_editable_set_text (GTK_EDITABLE (entry), "3");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 2);
  ll_test_gui_spin (100);
  g_assert_true (ll_pdf_canvas_get_page_rect (canvas, 2, &rect));
  g_assert_cmpfloat (fabs (rect.origin.y - 16), <, 2);

  /* A number out of range changes nothing. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "999");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 2);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "3");

  /* Scrolling by hand makes the page in the middle current. */
  gtk_adjustment_set_value (vadjustment, 0);
  ll_test_gui_spin (50);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 0);
  g_assert_true (ll_pdf_canvas_get_page_rect (canvas, 1, &rect));
  gtk_adjustment_set_value (vadjustment, rect.origin.y + rect.size.height / 2);
  ll_test_gui_spin (50);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 1);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.first-page", NULL));
  check.value = 0;
  g_assert_true (ll_test_gui_wait (adjustment_at, &check, 3000));
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 0);
}

static double
page_width_pixels (LlPdfView *pdf_view)
{
  graphene_rect_t rect;

  g_assert_true (ll_pdf_canvas_get_page_rect (get_canvas (pdf_view), 0, &rect));
  return rect.size.width;
}

static gboolean
zoom_applied (gpointer data)
{
  return ll_pdf_canvas_get_page_rect (get_canvas (data), 0, &(graphene_rect_t) { 0 });
}

static void
check_drawn_width (LlPdfView *pdf_view)
{
  LlPdfCanvas *canvas = get_canvas (pdf_view);
  Pixels pixels = { 0 };
  graphene_rect_t rect;
  int y;

  /* The page's top margin in view. */
  ll_pdf_view_set_page (pdf_view, ll_pdf_view_get_page (pdf_view));
  ll_test_gui_spin (50);
  wait_rendered (pdf_view, ll_pdf_view_get_page (pdf_view));
  g_assert_true (ll_pdf_canvas_get_page_rect (canvas, ll_pdf_view_get_page (pdf_view), &rect));
  pixels_render (&pixels, GTK_WIDGET (canvas));

  /* A white row in the page's top margin, as wide as the page. */
  g_assert_cmpfloat (rect.origin.y, >=, 0);
  y = rect.origin.y + 4;
  if (rect.origin.x >= 0 && rect.origin.x + rect.size.width <= pixels.width)
    g_assert_cmpint (white_run (&pixels, rect.origin.x + rect.size.width / 2, y),
                     ==, (int) rect.size.width);
  pixels_clear (&pixels);
}

static void
test_zoom (void)
{
  LlPdfCanvas *canvas = get_canvas (view);
  double fit_zoom, width, height;
  int canvas_width = gtk_widget_get_width (GTK_WIDGET (canvas));
  int canvas_height = gtk_widget_get_height (GTK_WIDGET (canvas));

  /* Fit width: the page fills the view but for the margins. */
  g_assert_true (ll_pdf_view_get_fit_mode (view) == LL_PDF_FIT_WIDTH);
  fit_zoom = ll_pdf_view_get_zoom (view);
  width = page_width_pixels (view);
  g_assert_cmpfloat (fabs (width - (canvas_width - 32)), <=, 1);
  check_drawn_width (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.zoom-out", NULL));
  g_assert_true (ll_pdf_view_get_fit_mode (view) == LL_PDF_FIT_NONE);
  g_assert_cmpfloat (fabs (ll_pdf_view_get_zoom (view) - fit_zoom / 1.2), <, 1e-6);
  g_assert_true (ll_test_gui_wait (zoom_applied, view, 3000));
  g_assert_cmpfloat (fabs (page_width_pixels (view) - width / 1.2), <=, 1.5);
  check_drawn_width (view);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.zoom-in", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.zoom-in", NULL));
  g_assert_cmpfloat (fabs (ll_pdf_view_get_zoom (view) - fit_zoom * 1.2), <, 1e-6);
  g_assert_true (ll_test_gui_wait (zoom_applied, view, 3000));
  g_assert_cmpfloat (fabs (page_width_pixels (view) - width * 1.2), <=, 1.5);
  check_drawn_width (view);

  ll_pdf_view_set_zoom (view, 1.0);
  g_assert_true (ll_test_gui_wait (zoom_applied, view, 3000));
  g_assert_cmpfloat (fabs (page_width_pixels (view) - round (595.28 * 96 / 72)), <=, 1);

  /* Fit page: a whole page in view. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.fit-page", NULL));
  ll_test_gui_spin (100);
  g_assert_true (ll_pdf_view_get_fit_mode (view) == LL_PDF_FIT_PAGE);
  g_assert_true (ll_test_gui_wait (zoom_applied, view, 3000));
  {
    graphene_rect_t rect;

    g_assert_true (ll_pdf_canvas_get_page_rect (canvas, ll_pdf_view_get_page (view), &rect));
    height = rect.size.height;
    g_assert_cmpfloat (height, <=, canvas_height - 32 + 1);
    g_assert_cmpfloat (height, >=, canvas_height - 32 - 1);
  }
  check_drawn_width (view);
  screenshot ("pdf-view-fit-page");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.fit-width", NULL));
  ll_test_gui_spin (100);
  g_assert_cmpfloat (fabs (ll_pdf_view_get_zoom (view) - fit_zoom), <, 1e-6);
  g_assert_cmpfloat (fabs (page_width_pixels (view) - width), <=, 1);
  check_drawn_width (view);
  screenshot ("pdf-view-fit-width");

  /* The cache stays within its limit. */
  g_assert_cmpuint (ll_pdf_document_get_cache_size (ll_pdf_view_get_document (view)), <=,
                    ll_pdf_document_get_cache_limit (ll_pdf_view_get_document (view)));
}

typedef struct {
  LlPdfView *view;
  guint      count;
} CountCheck;

static gboolean
match_count_is (gpointer data)
{
  CountCheck *check = data;

  return ll_pdf_view_get_match_count (check->view) == check->count;
}

static void
test_find (void)
{
  PopplerDocument *poppler = open_with_poppler (report_path);
  LlPdfCanvas *canvas = get_canvas (view);
  GtkWidget *label = ll_test_gui_find_widget (GTK_WIDGET (view), GTK_TYPE_LABEL, "matches-label");
  GtkWidget *entry = ll_test_gui_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY,
                                              "search-entry");
  guint expected = 0, in_text = 0, pages_with_word = 0;
  int first_page = -1;
  g_autofree char *label_text = NULL;
  g_autoptr(LlPdfMatches) matches = NULL;
  CountCheck count_check;

  /* Poppler's own count, and the plain text's as a cross-check. */
  for (guint i = 0; i < report_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (poppler, i);
      GList *rects = poppler_page_find_text_with_options (page, WORD, POPPLER_FIND_MULTILINE);
      g_autofree char *text = page_text_without_space (poppler, i);
      guint on_page = 0;

      for (GList *l = rects; l != NULL; l = l->next)
        on_page += !poppler_rectangle_find_get_match_continued (l->data);
      for (const char *p = strstr (text, WORD); p != NULL; p = strstr (p + 1, WORD))
        in_text++;

      expected += on_page;
      pages_with_word += on_page > 0;
      if (on_page > 0 && first_page < 0)
        first_page = i;

      g_list_free_full (rects, (GDestroyNotify) poppler_rectangle_free);
      g_object_unref (page);
    }
  g_object_unref (poppler);
  g_assert_cmpuint (pages_with_word, >=, 3);
  g_assert_cmpuint (expected, ==, in_text);

  /* From the last page, the search wraps to the first hit. */
  ll_pdf_view_set_page (view, report_pages - 1);
  ll_test_gui_spin (50);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.find", NULL));
  ll_test_gui_spin (50);
  g_assert_cmpuint (ll_pdf_view_find (view, WORD), ==, expected);
  g_assert_cmpuint (ll_pdf_view_get_match_count (view), ==, expected);

  matches = ll_pdf_document_find (ll_pdf_view_get_document (view), WORD, NULL, NULL);
  g_assert_cmpuint (ll_pdf_matches_get_n_matches (matches), ==, expected);

  ll_pdf_view_set_page (view, 0);
  ll_test_gui_spin (50);
  g_assert_cmpuint (ll_pdf_view_find (view, WORD), ==, expected);
  g_assert_cmpint (ll_pdf_view_get_current_match (view), ==, 0);
  g_assert_cmpint (ll_pdf_view_get_page (view), ==, first_page);
  ll_test_gui_spin (100);

  /* The current hit is in view, highlighted: yellow-orange over the page. */
  {
    const LlPdfMatch *match = &g_array_index (matches->matches, LlPdfMatch, 0);
    const graphene_rect_t *box = &g_array_index (matches->rects, graphene_rect_t,
                                                 match->first_rect);
    LlPdfDocument *document = ll_pdf_view_get_document (view);
    Pixels pixels = { 0 };
    graphene_rect_t rect;
    double page_width, page_height;
    guint tinted = 0, total = 0;
    int x0, y0, x1, y1;

    wait_rendered (view, match->page);
    ll_pdf_document_get_page_size (document, match->page, &page_width, &page_height);
    g_assert_true (ll_pdf_canvas_get_page_rect (canvas, match->page, &rect));
    x0 = rect.origin.x + box->origin.x * rect.size.width / page_width;
    y0 = rect.origin.y + box->origin.y * rect.size.height / page_height;
    x1 = x0 + box->size.width * rect.size.width / page_width;
    y1 = y0 + box->size.height * rect.size.height / page_height;

    pixels_render (&pixels, GTK_WIDGET (canvas));
    g_assert_cmpint (y0, >=, 0);
    g_assert_cmpint (y1, <, pixels.height);
    for (int y = y0 + 1; y < y1 - 1; y++)
      for (int x = x0 + 1; x < x1 - 1; x++)
        {
          guint32 p = pixel_at (&pixels, x, y);

          total++;
          tinted += RED (p) > 200 && BLUE (p) + 60 < RED (p);
        }
    pixels_clear (&pixels);
    g_assert_cmpuint (tinted, >, total / 3);
  }

  label_text = g_strdup_printf ("1 of %u matches", expected);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, label_text);
  screenshot ("pdf-view-find");

  /* Next and previous go round. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.find-next", NULL));
  g_assert_cmpint (ll_pdf_view_get_current_match (view), ==, 1);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.find-previous", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.find-previous", NULL));
  g_assert_cmpint (ll_pdf_view_get_current_match (view), ==, (int) expected - 1);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==,
                    g_array_index (matches->matches, LlPdfMatch, expected - 1).page);

  /* Typing in the find bar searches in the background. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "不在文中的词");
  count_check = (CountCheck) { view, 0 };
  g_assert_true (ll_test_gui_wait (match_count_is, &count_check, 3000));
  ll_test_gui_spin (300);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "No matches");

  gtk_editable_set_text (GTK_EDITABLE (entry), WORD);
  count_check = (CountCheck) { view, expected };
  g_assert_true (ll_test_gui_wait (match_count_is, &count_check, 3000));

  /* Closing the bar hides the hits. */
  g_signal_emit_by_name (entry, "stop-search");
  ll_test_gui_spin (50);
  g_assert_cmpuint (ll_pdf_view_get_match_count (view), ==, 0);
}

static gboolean
has_paintable (gpointer data)
{
  return gtk_picture_get_paintable (data) != NULL;
}

static void
test_thumbnails (void)
{
  GtkWidget *list = ll_test_gui_find_widget (GTK_WIDGET (view), GTK_TYPE_LIST_VIEW, "thumbnails");
  GtkWidget *flap = ll_test_gui_find_widget (GTK_WIDGET (view), ADW_TYPE_FLAP, NULL);
  GtkSelectionModel *model;
  GtkWidget *picture;

  g_assert_true (ll_pdf_view_get_show_thumbnails (view));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));

  model = gtk_list_view_get_model (GTK_LIST_VIEW (list));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, report_pages);
  g_assert_true (gtk_selection_model_is_selected (model, ll_pdf_view_get_page (view)));

  /* Thumbnails render. */
  picture = ll_test_gui_find_widget (list, GTK_TYPE_PICTURE, NULL);
  g_assert_nonnull (picture);
  g_assert_true (ll_test_gui_wait (has_paintable, picture, 5000));

  /* Choosing one goes there; the current page is selected. */
  gtk_selection_model_select_item (model, 2, TRUE);
  g_assert_cmpuint (ll_pdf_view_get_page (view), ==, 2);
  ll_pdf_view_set_page (view, 1);
  g_assert_true (gtk_selection_model_is_selected (model, 1));
  wait_rendered (view, 1);
  screenshot ("pdf-view-thumbnails");

  /* F9's action hides the sidebar. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.show-thumbnails", NULL));
  g_assert_false (ll_pdf_view_get_show_thumbnails (view));
  g_assert_false (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
  ll_test_gui_spin (400);
  screenshot ("pdf-view-no-thumbnails");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.show-thumbnails", NULL));
  g_assert_true (adw_flap_get_reveal_flap (ADW_FLAP (flap)));
}

static void
test_print_to_file (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "printed.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  PopplerDocument *original, *printed;
  g_autofree char *original_text = NULL;
  g_autofree char *printed_text = NULL;
  double width, height;
  PopplerPage *page;

  g_assert_true (ll_pdf_view_print_to_file (view, file, &error));
  g_assert_no_error (error);

  original = open_with_poppler (report_path);
  printed = open_with_poppler (path);
  g_assert_cmpint (poppler_document_get_n_pages (printed), ==,
                   poppler_document_get_n_pages (original));

  /* On A4, the same size and the same text. */
  page = poppler_document_get_page (printed, 0);
  poppler_page_get_size (page, &width, &height);
  g_object_unref (page);
  g_assert_cmpfloat (fabs (width - 595.28), <, 1);
  g_assert_cmpfloat (fabs (height - 841.89), <, 1);

  original_text = page_text_without_space (original, 0);
  printed_text = page_text_without_space (printed, 0);
  g_assert_cmpstr (printed_text, ==, original_text);
  g_assert_nonnull (strstr (printed_text, WORD));

  g_object_unref (original);
  g_object_unref (printed);

  /* Kept with the screenshots, to look at. */
  if (g_getenv ("LL_TEST_SCREENSHOTS") != NULL)
    {
      g_autofree char *keep = g_build_filename (g_getenv ("LL_TEST_SCREENSHOTS"),
                                                "printed.pdf", NULL);
      g_autoptr(GFile) copy = g_file_new_for_path (keep);

      g_file_copy (file, copy, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, NULL);
    }
}

static void
check_error (const char *path,
             int         code,
             const char *shot)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *win = NULL;
  LlPdfView *pdf_view = new_view_window (&win);
  GtkWidget *status;

  ll_pdf_view_load_file (pdf_view, file);
  g_assert_true (ll_test_gui_wait (view_has_error, pdf_view, 5000));

  g_assert_error ((GError *) ll_pdf_view_get_error (pdf_view), LL_PDF_ERROR, code);
  g_assert_cmpuint (ll_pdf_view_get_n_pages (pdf_view), ==, 0);
  g_assert_cmpstr (visible_stack_child (pdf_view), ==, "error");

  status = ll_test_gui_find_widget (GTK_WIDGET (pdf_view), ADW_TYPE_STATUS_PAGE, "error-page");
  g_assert_cmpstr (adw_status_page_get_title (ADW_STATUS_PAGE (status)), ==,
                   "This PDF cannot be shown");
  g_assert_cmpstr (adw_status_page_get_description (ADW_STATUS_PAGE (status)), ==,
                   ll_pdf_view_get_error (pdf_view)->message);

  if (shot != NULL)
    screenshot (shot);

  /* The same view then shows a good file. */
  {
    g_autoptr(GFile) good = g_file_new_for_path (report_path);

    ll_pdf_view_load_file (pdf_view, good);
    g_assert_true (ll_test_gui_wait (view_has_pages, pdf_view, 5000));
    g_assert_null (ll_pdf_view_get_error (pdf_view));
    g_assert_cmpstr (visible_stack_child (pdf_view), ==, "pages");
  }

  close_window (&win);
}

static void
test_damaged (void)
{
  g_autofree char *contents = NULL;
  g_autofree char *path = g_build_filename (tmp_dir, "damaged.pdf", NULL);
  gsize length;

  g_assert_true (g_file_get_contents (report_path, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (path, contents, length / 2, NULL));

  check_error (path, LL_PDF_ERROR_DAMAGED, "pdf-view-damaged");
}

static void
test_not_pdf (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "notes.pdf", NULL);
  g_autofree char *missing = g_build_filename (tmp_dir, "missing.pdf", NULL);

  g_assert_true (g_file_set_contents (path, "这不是PDF文件。\n", -1, NULL));
  check_error (path, LL_PDF_ERROR_NOT_PDF, NULL);
  check_error (missing, LL_PDF_ERROR_READ, NULL);
}

static void
test_encrypted (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "encrypted.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "qpdf", "--encrypt", "secret", "owner", "256", "--",
                         report_path, path, NULL };
  int status;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  check_error (path, LL_PDF_ERROR_ENCRYPTED, "pdf-view-encrypted");
}

/* The same view shows a PDF from memory. */
static void
test_bytes (void)
{
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  GtkWindow *win = NULL;
  LlPdfView *pdf_view;
  gsize length;

  g_assert_true (g_file_get_contents (report_path, &contents, &length, NULL));
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);

  pdf_view = new_view_window (&win);
  ll_pdf_view_load_bytes (pdf_view, bytes, "报告.pdf");
  g_assert_true (ll_test_gui_wait (view_has_pages, pdf_view, 5000));
  g_assert_cmpuint (ll_pdf_view_get_n_pages (pdf_view), ==, report_pages);
  g_assert_null (ll_pdf_view_get_file (pdf_view));
  g_assert_true (ll_pdf_document_get_bytes (ll_pdf_view_get_document (pdf_view)) == bytes);
  wait_rendered (pdf_view, 0);

  close_window (&win);
}

/* Save As writes the previewed bytes. */
static gboolean
chooser_shown (gpointer data)
{
  return ll_test_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
file_exists (gpointer data)
{
  return g_file_test (data, G_FILE_TEST_EXISTS);
}

static void
test_save_as (void)
{
  g_autofree char *path = g_build_filename (tmp_dir, "copy.pdf", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *original = NULL;
  g_autofree char *copy = NULL;
  gsize original_length, copy_length;
  GtkWindow *chooser;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "pdf.save-as", NULL));
  g_assert_true (ll_test_gui_wait (chooser_shown, NULL, 5000));
  chooser = ll_test_gui_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpstr (gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser)), ==,
                   "work-report.pdf");
  /* As typed in the name field. */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), path);
  ll_test_gui_spin (300);
  {
    g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

    g_assert_nonnull (chosen);
    g_assert_true (g_file_equal (chosen, file));
  }
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);

  g_assert_true (ll_test_gui_wait (file_exists, path, 5000));
  ll_test_gui_spin (200);
  g_assert_true (g_file_get_contents (report_path, &original, &original_length, NULL));
  g_assert_true (g_file_get_contents (path, &copy, &copy_length, NULL));
  g_assert_cmpmem (copy, copy_length, original, original_length);
}

/* Real key presses: Page Down, Ctrl+plus, Ctrl+F, Escape. */
typedef struct {
  LlPdfView *view;
  guint      page;
  double     zoom_above;
  gboolean   search_mode;
} KeyCheck;

static gboolean
on_page (gpointer data)
{
  KeyCheck *check = data;

  return ll_pdf_view_get_page (check->view) == check->page;
}

static gboolean
zoomed_in (gpointer data)
{
  KeyCheck *check = data;

  return ll_pdf_view_get_zoom (check->view) > check->zoom_above;
}

static gboolean
search_mode_is (gpointer data)
{
  KeyCheck *check = data;
  GtkWidget *bar = ll_test_gui_find_widget (GTK_WIDGET (check->view), GTK_TYPE_SEARCH_BAR, NULL);

  return gtk_search_bar_get_search_mode (GTK_SEARCH_BAR (bar)) == check->search_mode;
}

static gboolean
fit_width (gpointer data)
{
  KeyCheck *check = data;

  return ll_pdf_view_get_fit_mode (check->view) == LL_PDF_FIT_WIDTH;
}

static void
press (const char *keys,
       GSourceFunc condition,
       KeyCheck   *check)
{
  g_assert_true (ll_test_gui_xdotool ("key", keys, NULL));
  g_assert_true (ll_test_gui_wait (condition, check, 3000));
}

static gboolean
has_matches (gpointer data)
{
  CountCheck *check = data;

  return ll_pdf_view_get_match_count (check->view) >= check->count;
}

static void
test_keyboard (void)
{
  GtkWidget *entry = ll_test_gui_find_widget (GTK_WIDGET (view), GTK_TYPE_SEARCH_ENTRY,
                                              "search-entry");
  KeyCheck check = { view, 0, 0, FALSE };
  CountCheck count_check;
  double zoom;

  if (!ll_test_gui_have_x11 ())
    {
      g_test_skip ("needs an X11 display and xdotool");
      return;
    }

  ll_pdf_view_set_fit_mode (view, LL_PDF_FIT_WIDTH);
  ll_pdf_view_set_page (view, 0);
  ll_test_gui_spin (200);
  gtk_widget_grab_focus (GTK_WIDGET (get_canvas (view)));
  g_assert_true (ll_test_gui_xdotool ("mousemove", "700", "450", NULL));
  ll_test_gui_spin (100);

  check.page = 1;
  press ("Next", on_page, &check);
  check.page = 0;
  press ("Prior", on_page, &check);
  check.page = report_pages - 1;
  press ("End", on_page, &check);
  check.page = 0;
  press ("Home", on_page, &check);

  zoom = ll_pdf_view_get_zoom (view);
  check.zoom_above = zoom * 1.1;
  press ("ctrl+plus", zoomed_in, &check);
  g_assert_true (ll_test_gui_xdotool ("key", "ctrl+minus", NULL));
  ll_test_gui_spin (100);
  g_assert_cmpfloat (fabs (ll_pdf_view_get_zoom (view) - zoom), <, 1e-6);
  press ("w", fit_width, &check);

  /* Ctrl+scroll zooms. */
  g_assert_true (ll_test_gui_xdotool ("keydown", "ctrl", "click", "4", "keyup", "ctrl", NULL));
  g_assert_true (ll_test_gui_wait (zoomed_in, &check, 3000));
  g_assert_true (ll_pdf_view_get_fit_mode (view) == LL_PDF_FIT_NONE);

  /* Typing at once after Ctrl+F goes into the find bar: “36” is on
   * the first page. Escape closes it. */
  g_assert_true (ll_test_gui_xdotool ("key", "ctrl+f", "type", "36", NULL));
  count_check = (CountCheck) { view, 1 };
  g_assert_true (ll_test_gui_wait (has_matches, &count_check, 3000));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "36");
  check.search_mode = FALSE;
  press ("Escape", search_mode_is, &check);
  g_assert_cmpuint (ll_pdf_view_get_match_count (view), ==, 0);

  ll_pdf_view_set_fit_mode (view, LL_PDF_FIT_WIDTH);
}

/* 500 pages: only the pages in view and a few around are rendered. */
static char *
write_long_pdf (guint n_pages)
{
  char *path = g_build_filename (tmp_dir, "long.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595.28, 841.89);
  cairo_t *cr = cairo_create (surface);

  for (guint i = 0; i < n_pages; i++)
    {
      g_autofree char *text = g_strdup_printf ("Page %u", i + 1);

      cairo_set_source_rgb (cr, 0, 0, 0);
      cairo_rectangle (cr, 72, 72, 451, 40);
      cairo_fill (cr);
      cairo_move_to (cr, 72, 200);
      cairo_set_font_size (cr, 36);
      cairo_show_text (cr, text);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  return path;
}

static void
test_long_document (void)
{
  g_autofree char *path = write_long_pdf (500);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWindow *win = NULL;
  LlPdfView *pdf_view = new_view_window (&win);
  LlPdfDocument *document;
  gsize page_bytes;
  gint64 start;

  start = g_get_monotonic_time ();
  ll_pdf_view_load_file (pdf_view, file);
  g_assert_true (ll_test_gui_wait (view_has_pages, pdf_view, 10000));
  wait_rendered (pdf_view, 0);
  g_test_message ("500 pages: first page shown after %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  g_assert_cmpuint (ll_pdf_view_get_n_pages (pdf_view), ==, 500);

  document = ll_pdf_view_get_document (pdf_view);
  ll_test_gui_spin (500);
  page_bytes = (gsize) page_width_pixels (pdf_view) * page_width_pixels (pdf_view) * 1.42 * 4;

  /* The visible pages, a few neighbours and the thumbnails in view. */
  g_assert_cmpuint (ll_pdf_document_get_cache_size (document), <, 8 * page_bytes);
  g_assert_cmpuint (ll_pdf_document_get_n_queued (document), <, 20);

  ll_pdf_view_set_page (pdf_view, 399);
  wait_rendered (pdf_view, 399);
  g_assert_cmpuint (ll_pdf_view_get_page (pdf_view), ==, 399);

  /* A small cache evicts the oldest pages, all but those on screen (at
   * most two here), which it keeps past its limit. */
  ll_pdf_document_set_cache_limit (document, 3 * page_bytes);
  for (guint page = 100; page < 130; page += 3)
    {
      ll_pdf_view_set_page (pdf_view, page);
      wait_rendered (pdf_view, page);
      g_assert_cmpuint (ll_pdf_document_get_cache_size (document), <=, 5 * page_bytes);
    }

  close_window (&win);
}

/* Closing the window lets go of the view, the document and its thread. */
static void
test_close (void)
{
  LlPdfDocument *document = ll_pdf_view_get_document (view);
  LlPdfView *weak_view = view;

  g_object_add_weak_pointer (G_OBJECT (document), (gpointer *) &document);
  g_object_add_weak_pointer (G_OBJECT (weak_view), (gpointer *) &weak_view);

  /* Busy rendering when it goes. */
  ll_pdf_view_set_zoom (view, 3.0);
  ll_test_gui_spin (20);

  close_window (&window);
  view = NULL;
  ll_test_gui_spin (200);

  g_assert_null (weak_view);
  g_assert_null (document);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GtkCssProvider) css = NULL;
  int ret;

  ll_test_gui_init (&argc, &argv);
  adw_init ();
  ll_register_resource ();

  css = gtk_css_provider_new ();
  gtk_css_provider_load_from_resource (css, "/org/lianluo/Lianluo/style.css");
  gtk_style_context_add_provider_for_display (gdk_display_get_default (),
                                              GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  tmp_dir = g_dir_make_tmp ("lianluo-pdf-view-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  report_path = write_report ();
  report_written = g_get_monotonic_time ();

  g_test_add_func ("/pdf-view/open", test_open);
  g_test_add_func ("/pdf-view/paging", test_paging);
  g_test_add_func ("/pdf-view/zoom", test_zoom);
  g_test_add_func ("/pdf-view/find", test_find);
  g_test_add_func ("/pdf-view/thumbnails", test_thumbnails);
  g_test_add_func ("/pdf-view/print-to-file", test_print_to_file);
  g_test_add_func ("/pdf-view/save-as", test_save_as);
  g_test_add_func ("/pdf-view/keyboard", test_keyboard);
  g_test_add_func ("/pdf-view/bytes", test_bytes);
  g_test_add_func ("/pdf-view/damaged", test_damaged);
  g_test_add_func ("/pdf-view/not-pdf", test_not_pdf);
  g_test_add_func ("/pdf-view/encrypted", test_encrypted);
  g_test_add_func ("/pdf-view/long-document", test_long_document);
  g_test_add_func ("/pdf-view/close", test_close);

  ret = g_test_run ();

  {
    g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
    const char *name;

    while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
        g_unlink (path);
      }
    g_rmdir (tmp_dir);
  }
  g_free (report_path);
  g_free (tmp_dir);

  return ret;
}

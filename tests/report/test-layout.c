/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-layout"

#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <unistd.h>

#include "ll-layout-private.h"
#include "ll-report.h"
#include "report-sample.h"

/* GB/T 9704-2012, in points, written out here rather than taken from the
 * engine: the test checks the standard, not the code against itself. */
#define A4_WIDTH      595.28
#define A4_HEIGHT     841.89
#define TYPE_LEFT     79.37
#define TYPE_TOP      104.88
#define TYPE_WIDTH    442.20
#define TYPE_HEIGHT   637.80
#define TYPE_RIGHT    (TYPE_LEFT + TYPE_WIDTH)
#define TYPE_BOTTOM   (TYPE_TOP + TYPE_HEIGHT)
#define LINES         22
#define PITCH         (TYPE_HEIGHT / LINES)
#define BODY_SIZE     15.75
#define MM            (72.0 / 25.4)

/* Poppler 22.12 has no g_autoptr() support of its own. */
typedef PopplerDocument PdfDocument;
typedef PopplerPage PdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfPage, g_object_unref)

typedef struct {
  gunichar ch;
  double   x1, y1, x2, y2;
  double   size;
  guint16  red;
  guint16  green;
} Glyph;

typedef struct {
  GString *text;    /* without spaces */
  GString *spaced;  /* as printed */
  double   y;       /* middle of the boxes */
  double   x1, x2;
  double   y1, y2;  /* extent of the boxes */
  double   size;    /* of the first glyph */
  gboolean mixed;   /* glyphs of several sizes */
  double   units;   /* width in characters: full-width 1, others ½ */
} Line;

typedef struct {
  double  width;
  double  height;
  GArray *glyphs;   /* Glyph */
  GArray *lines;    /* Line, top to bottom */
} PageText;

static void
line_clear (gpointer data)
{
  Line *line = data;

  g_string_free (line->text, TRUE);
  g_string_free (line->spaced, TRUE);
}

static void
page_text_free (PageText *page)
{
  g_array_unref (page->glyphs);
  g_array_unref (page->lines);
  g_free (page);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageText, page_text_free)

static gboolean
is_wide (gunichar ch)
{
  return g_unichar_iswide (ch) || ch == 0x2014;
}

static int
glyph_compare (gconstpointer a,
               gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;
  double ya = (ga->y1 + ga->y2) / 2;
  double yb = (gb->y1 + gb->y2) / 2;

  if (fabs (ya - yb) > 1.0)
    return ya < yb ? -1 : 1;
  return ga->x1 < gb->x1 ? -1 : ga->x1 > gb->x1;
}

/* The glyphs of a page with their boxes, sizes and colours, grouped in
 * lines by the middle of their boxes. */
static PageText *
read_page (PopplerDocument *document,
           int              index)
{
  g_autoptr(PdfPage) page = poppler_document_get_page (document, index);
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  PageText *result = g_new0 (PageText, 1);
  GList *attributes;
  guint n_rects = 0;
  const char *p;
  Line *line = NULL;

  g_assert_nonnull (page);
  poppler_page_get_size (page, &result->width, &result->height);
  result->glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  result->lines = g_array_new (FALSE, TRUE, sizeof (Line));
  g_array_set_clear_func (result->lines, line_clear);

  text = poppler_page_get_text (page);
  poppler_page_get_text_layout (page, &rects, &n_rects);
  attributes = poppler_page_get_text_attributes (page);

  p = text;
  for (guint i = 0; i < n_rects && p != NULL && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      Glyph glyph = { .ch = g_utf8_get_char (p) };

      if (glyph.ch == '\n' || glyph.ch == ' ')
        continue;
      glyph.x1 = rects[i].x1;
      glyph.x2 = rects[i].x2;
      glyph.y1 = MIN (rects[i].y1, rects[i].y2);
      glyph.y2 = MAX (rects[i].y1, rects[i].y2);
      for (GList *l = attributes; l != NULL; l = l->next)
        {
          PopplerTextAttributes *attr = l->data;

          if ((int) i >= attr->start_index && (int) i <= attr->end_index)
            {
              glyph.size = attr->font_size;
              glyph.red = attr->color.red;
              glyph.green = attr->color.green;
              break;
            }
        }
      g_array_append_val (result->glyphs, glyph);
    }
  poppler_page_free_text_attributes (attributes);

  g_array_sort (result->glyphs, glyph_compare);
  for (guint i = 0; i < result->glyphs->len; i++)
    {
      Glyph *glyph = &g_array_index (result->glyphs, Glyph, i);
      double y = (glyph->y1 + glyph->y2) / 2;
      char buf[8] = { 0 };

      if (line == NULL || fabs (line->y - y) > 1.0)
        {
          Line empty = { g_string_new (NULL), g_string_new (NULL), y, glyph->x1, glyph->x2,
                         glyph->y1, glyph->y2, glyph->size };

          g_array_append_val (result->lines, empty);
          line = &g_array_index (result->lines, Line, result->lines->len - 1);
        }
      else if (glyph->x1 - line->x2 > 1.0)
        {
          g_string_append_c (line->spaced, ' ');
        }

      g_unichar_to_utf8 (glyph->ch, buf);
      g_string_append (line->text, buf);
      g_string_append (line->spaced, buf);
      line->x1 = MIN (line->x1, glyph->x1);
      line->x2 = MAX (line->x2, glyph->x2);
      line->y1 = MIN (line->y1, glyph->y1);
      line->y2 = MAX (line->y2, glyph->y2);
      line->units += is_wide (glyph->ch) ? 1.0 : 0.5;
      if (fabs (glyph->size - line->size) > 0.05)
        line->mixed = TRUE;
    }

  return result;
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  return document;
}

/* "— 7 —" alone on its line: a page number. */
static gboolean
is_page_number_line (Line *line,
                     guint *number)
{
  const char *dash = "—";
  const char *s = line->text->str;
  char *end;
  guint64 value;

  if (!g_str_has_prefix (s, dash) || !g_str_has_suffix (s, dash) ||
      strlen (s) <= 2 * strlen (dash))
    return FALSE;
  value = g_ascii_strtoull (s + strlen (dash), &end, 10);
  if (end != s + strlen (s) - strlen (dash))
    return FALSE;
  *number = value;
  return TRUE;
}

static Line *
find_page_number (PageText *page,
                  guint    *number)
{
  for (guint i = 0; i < page->lines->len; i++)
    {
      Line *line = &g_array_index (page->lines, Line, i);

      if (is_page_number_line (line, number))
        return line;
    }
  return NULL;
}

static gboolean
is_body_line (Line *line)
{
  return !line->mixed && fabs (line->size - BODY_SIZE) < 0.05;
}

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lianluo-report-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *name;

  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_chmod (path, 0755);
      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_dir (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static guint
count_dir (const char *dir)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  guint n = 0;

  while (handle != NULL && g_dir_read_name (handle) != NULL)
    n++;
  return n;
}

static char *
render_sample (const char *dir)
{
  g_autoptr(LlDocument) doc = report_sample_work_report ();
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (dir, "work-report.pdf", NULL);

  ll_document_write_pdf (doc, NULL, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  return path;
}

/* Dark horizontal lines across the type area of a page, found in a
 * rendering at 288 dpi: (top, bottom, left, right) in points. */
static GArray *
find_rules (PopplerDocument *document,
            int              index,
            gboolean         red)
{
  g_autoptr(PdfPage) page = poppler_document_get_page (document, index);
  const double scale = 4.0;
  int width = (int) ceil (A4_WIDTH * scale);
  int height = (int) ceil (A4_HEIGHT * scale);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *cr = cairo_create (surface);
  GArray *rules = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  int x0 = (int) ((TYPE_LEFT + 3) * scale);
  int x1 = (int) ((TYPE_RIGHT - 3) * scale);
  guchar *data;
  int stride;
  int start = -1;

  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  data = cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface);

  for (int y = 0; y <= height; y++)
    {
      int dark = 0;

      for (int x = x0; y < height && x < x1; x++)
        {
          guint32 pixel = *(guint32 *) (data + y * stride + x * 4);

          guint r = (pixel >> 16) & 0xff, g = (pixel >> 8) & 0xff, b = pixel & 0xff;

          if (red ? r > 150 && g < 100 && b < 100 : r < 128 && g < 128 && b < 128)
            dark++;
        }

      if (y < height && dark >= (x1 - x0) * 0.98)
        {
          if (start < 0)
            start = y;
        }
      else if (start >= 0)
        {
          double rule[4] = { start / scale, y / scale, 0, 0 };
          int row = (start + y) / 2;
          int left = x0;
          int right = x1;

          /* How far the rule reaches to each side. */
          while (left > 0 && (*(guint32 *) (data + row * stride + (left - 1) * 4) & 0xff) < 128)
            left--;
          while (right < width && (*(guint32 *) (data + row * stride + right * 4) & 0xff) < 128)
            right++;
          rule[2] = left / scale;
          rule[3] = right / scale;
          g_array_append_vals (rules, rule, 1);
          start = -1;
        }
    }

  cairo_surface_destroy (surface);
  return rules;
}

static void
test_geometry (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = render_sample (dir);
  g_autoptr(PdfDocument) document = open_pdf (path);
  int n_pages = poppler_document_get_n_pages (document);
  guint full_pages = 0;
  guint table_pages = 0;
  gboolean seen_chart_caption = FALSE;
  int colophon_page = n_pages - 1;

  g_assert_cmpint (n_pages, >=, 4);

  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PageText) page = read_page (document, i);
      guint number = 0;
      Line *number_line = find_page_number (page, &number);
      guint body_lines = 0;
      gboolean only_body = TRUE;
      gboolean has_table = FALSE;

      /* A4 */
      g_assert_cmpfloat_with_epsilon (page->width, A4_WIDTH, 0.5);
      g_assert_cmpfloat_with_epsilon (page->height, A4_HEIGHT, 0.5);

      for (guint l = 0; l < page->lines->len; l++)
        {
          Line *line = &g_array_index (page->lines, Line, l);

          if (line == number_line)
            continue;

          /* Every text box inside the type area, within 1 mm. */
          g_assert_cmpfloat (line->x1, >=, TYPE_LEFT - MM);
          g_assert_cmpfloat (line->x2, <=, TYPE_RIGHT + MM);
          g_assert_cmpfloat (line->y1, >=, TYPE_TOP - MM);
          g_assert_cmpfloat (line->y2, <=, TYPE_BOTTOM + MM);

          if (strstr (line->text->str, "序号") != NULL)
            has_table = TRUE;
          if (strstr (line->text->str, "各月接待情况") != NULL)
            seen_chart_caption = TRUE;

          if (!is_body_line (line))
            {
              only_body = FALSE;
              continue;
            }

          /* Body lines: at most 28 characters, on the grid. */
          body_lines++;
          g_assert_cmpfloat (line->units, <=, 28.0);
          {
            double cell = fmod (line->y - TYPE_TOP, PITCH);

            if (fabs (cell - PITCH / 2) > 1.5)
              g_error ("page %d: line “%s” is off the grid (%.2f pt into its line)",
                       i + 1, line->text->str, cell);
          }
        }

      g_assert_cmpuint (body_lines, <=, LINES);
      g_test_message ("page %d: %u body lines%s", i + 1, body_lines,
                      only_body ? ", text only" : "");

      /* Full pages have 22 lines: a page of text whose last paragraph
       * continues on the next page (which then starts flush left). */
      if (only_body && i + 1 < n_pages && i != colophon_page)
        {
          g_autoptr(PageText) next = read_page (document, i + 1);

          for (guint l = 0; l < next->lines->len; l++)
            {
              Line *line = &g_array_index (next->lines, Line, l);

              if (!is_body_line (line))
                continue;
              if (fabs (line->x1 - TYPE_LEFT) < 1.0)
                {
                  g_assert_cmpuint (body_lines, ==, LINES);
                  full_pages++;
                }
              break;
            }
        }

      /* Header rows repeat on every page the table reaches. */
      for (guint l = 0; l < page->lines->len; l++)
        {
          Line *line = &g_array_index (page->lines, Line, l);

          if (g_str_has_prefix (line->text->str, "表1"))
            {
              g_assert_true (has_table);
              if (table_pages++ > 0)
                g_assert_nonnull (strstr (line->text->str, "（续）"));
              g_assert_nonnull (strstr (line->text->str, "单位：件"));
            }
        }

      /* Page numbers: — N — in 14 pt, odd pages right and even pages
       * left, one character in, the line's top 7 mm below the type
       * area; none on the colophon page. */
      if (i == colophon_page)
        {
          g_assert_null (number_line);
          continue;
        }
      g_assert_nonnull (number_line);
      g_assert_cmpuint (number, ==, i + 1);
      {
        g_autofree char *expected = g_strdup_printf ("— %d —", i + 1);

        g_assert_cmpstr (number_line->spaced->str, ==, expected);
      }
      g_assert_cmpfloat_with_epsilon (number_line->size, 14.0, 0.05);
      g_assert_cmpfloat_with_epsilon (number_line->y, TYPE_BOTTOM + 7 * MM + 7.0, MM);
      if ((i + 1) % 2 == 1)
        g_assert_cmpfloat_with_epsilon (number_line->x2, TYPE_RIGHT - 14.0, MM);
      else
        g_assert_cmpfloat_with_epsilon (number_line->x1, TYPE_LEFT + 14.0, MM);
    }

  g_assert_cmpuint (full_pages, >=, 1);
  g_assert_cmpuint (table_pages, >=, 2);
  g_assert_true (seen_chart_caption);

  /* The header: red organ mark 35 mm below the top of the type area,
   * the red rule, the number two lines below the mark. */
  {
    g_autoptr(PageText) first = read_page (document, 0);
    Line *mark = &g_array_index (first->lines, Line, 0);
    Glyph *glyph = &g_array_index (first->glyphs, Glyph, 0);
    double size = mark->size;

    g_assert_cmpstr (mark->text->str, ==, "东城街道人大代表联络站文件");
    g_assert_cmpfloat_with_epsilon (mark->y, TYPE_TOP + 35 * MM + size / 2, MM);
    g_assert_cmpfloat_with_epsilon ((mark->x1 + mark->x2) / 2, TYPE_LEFT + TYPE_WIDTH / 2, MM);
    g_assert_cmpuint (glyph->red, >, 0xc000);
    g_assert_cmpuint (glyph->green, <, 0x2000);
    g_assert_cmpstr (g_array_index (first->lines, Line, 1).text->str, ==, "东联〔2025〕5号");

    /* The red rule 4 mm under the number, type-area wide; the title two
     * blank lines below it. */
    {
      g_autoptr(GArray) red = find_rules (document, 0, TRUE);
      Line *number = &g_array_index (first->lines, Line, 1);
      Line *title = &g_array_index (first->lines, Line, 2);
      double *rule;

      g_assert_cmpuint (red->len, ==, 1);
      rule = &g_array_index (red, double, 0);
      g_assert_cmpfloat_with_epsilon ((rule[0] + rule[1]) / 2, number->y + BODY_SIZE / 2 + 4 * MM,
                                      MM);
      g_assert_cmpfloat_with_epsilon (rule[2], TYPE_LEFT, MM);
      g_assert_cmpfloat_with_epsilon (rule[3], TYPE_RIGHT, MM);
      g_assert_cmpfloat_with_epsilon (title->size, 22.0, 0.05);
      g_assert_cmpfloat (title->y - rule[1], >, 2 * PITCH);
      g_assert_cmpfloat (title->y - rule[1], <, 3.5 * PITCH);
    }
  }

  /* The colophon: three rules type-area wide, the last on the bottom of
   * the type area; 抄送 and 印发 one character in. */
  {
    g_autoptr(GArray) rules = find_rules (document, colophon_page, FALSE);
    g_autoptr(PageText) last = read_page (document, colophon_page);
    double *first, *middle, *bottom;
    Line *copy_to = NULL;
    Line *issued = NULL;

    g_assert_cmpuint (rules->len, ==, 3);
    first = &g_array_index (rules, double, 0);
    middle = &g_array_index (rules, double, 4);
    bottom = &g_array_index (rules, double, 8);

    g_assert_cmpfloat_with_epsilon (bottom[1], TYPE_BOTTOM, MM);
    for (guint r = 0; r < 3; r++)
      {
        double *rule = &g_array_index (rules, double, 4 * r);

        g_assert_cmpfloat_with_epsilon (rule[2], TYPE_LEFT, MM);
        g_assert_cmpfloat_with_epsilon (rule[3], TYPE_RIGHT, MM);
      }
    /* 0.35 mm, 0.25 mm, 0.35 mm (rendering blurs them by a pixel). */
    g_assert_cmpfloat_with_epsilon (first[1] - first[0], 0.35 * MM, 0.5);
    g_assert_cmpfloat_with_epsilon (middle[1] - middle[0], 0.25 * MM, 0.5);
    g_assert_cmpfloat_with_epsilon (bottom[1] - bottom[0], 0.35 * MM, 0.5);
    g_assert_cmpfloat (first[1] - first[0], >, middle[1] - middle[0]);

    for (guint l = 0; l < last->lines->len; l++)
      {
        Line *line = &g_array_index (last->lines, Line, l);

        if (g_str_has_prefix (line->text->str, "抄送："))
          copy_to = line;
        if (g_str_has_suffix (line->text->str, "印发"))
          issued = line;
      }
    g_assert_nonnull (copy_to);
    g_assert_nonnull (issued);
    g_assert_cmpfloat (copy_to->y, >, first[1]);
    g_assert_cmpfloat (copy_to->y, <, middle[0]);
    g_assert_cmpfloat (issued->y, >, middle[1]);
    g_assert_cmpfloat (issued->y, <, bottom[0]);
    g_assert_cmpfloat_with_epsilon (copy_to->x1, TYPE_LEFT + 14, MM);
    g_assert_cmpfloat_with_epsilon (issued->x1, TYPE_LEFT + 14, MM);
    g_assert_cmpfloat_with_epsilon (issued->x2, TYPE_RIGHT - 14, MM);
    g_assert_cmpfloat_with_epsilon (copy_to->size, 14.0, 0.05);
  }

  remove_dir (dir);
}

/* The signature block: the organ two characters in from the right, the
 * date below starting two characters right of the organ's start. */
static void
test_signature (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = render_sample (dir);
  g_autoptr(PdfDocument) document = open_pdf (path);
  int n_pages = poppler_document_get_n_pages (document);
  gboolean found = FALSE;

  for (int i = 0; i < n_pages && !found; i++)
    {
      g_autoptr(PageText) page = read_page (document, i);

      for (guint l = 0; l + 1 < page->lines->len; l++)
        {
          Line *organ = &g_array_index (page->lines, Line, l);
          Line *date = &g_array_index (page->lines, Line, l + 1);

          if (g_strcmp0 (organ->text->str, "东城街道人大代表联络站") != 0 ||
              !is_body_line (organ))
            continue;
          g_assert_cmpstr (date->text->str, ==, "2025年4月5日");
          g_assert_cmpfloat_with_epsilon (organ->x2, TYPE_RIGHT - 2 * BODY_SIZE, 1.0);
          g_assert_cmpfloat_with_epsilon (date->x1, organ->x1 + 2 * BODY_SIZE, 1.0);
          g_assert_cmpfloat_with_epsilon (date->y - organ->y, PITCH, 0.5);
          /* The note on the next line, indented two characters. */
          g_assert_true (l + 2 < page->lines->len);
          g_assert_true (g_str_has_prefix (g_array_index (page->lines, Line, l + 2).text->str,
                                           "（联系人"));
          g_assert_cmpfloat_with_epsilon (g_array_index (page->lines, Line, l + 2).x1,
                                          TYPE_LEFT + 2 * BODY_SIZE, 1.0);
          found = TRUE;
          break;
        }
    }

  g_assert_true (found);
  remove_dir (dir);
}

/* PDF files hold binary streams: no string functions. */
static guint
count_bytes (const char *data,
             gsize       length,
             const char *needle)
{
  gsize n = strlen (needle);
  guint count = 0;

  for (gsize i = 0; i + n <= length; i++)
    if (data[i] == needle[0] && memcmp (data + i, needle, n) == 0)
      count++;
  return count;
}

static void
test_fonts_embedded (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = render_sample (dir);
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *contents = NULL;
  gsize length = 0;
  guint descriptors = 0;
  guint files = 0;

  /* Every font descriptor in the file has its font program. */
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  descriptors = count_bytes (contents, length, "/Type /FontDescriptor");
  files = count_bytes (contents, length, "/FontFile");
  g_assert_cmpuint (descriptors, >=, 3);
  g_assert_cmpuint (files, ==, descriptors);

  if (pdffonts == NULL)
    {
      g_test_skip ("pdffonts is not installed");
      remove_dir (dir);
      return;
    }

  {
    const char *argv[] = { pdffonts, path, NULL };
    g_autofree char *out = NULL;
    g_autoptr(GError) error = NULL;
    g_auto(GStrv) rows = NULL;
    int status = 0;
    guint fonts = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL,
                  &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));

    rows = g_strsplit (out, "\n", -1);
    for (guint i = 2; rows[i] != NULL; i++)
      {
        g_auto(GStrv) columns = NULL;
        guint n = 0;

        if (rows[i][0] == '\0')
          continue;
        /* name type [type…] encoding emb sub uni object ID: emb is the
         * fifth column from the end. */
        columns = g_strsplit_set (g_strstrip (rows[i]), " ", -1);
        {
          g_autoptr(GPtrArray) words = g_ptr_array_new ();

          for (guint c = 0; columns[c] != NULL; c++)
            if (columns[c][0] != '\0')
              g_ptr_array_add (words, columns[c]);
          n = words->len;
          g_assert_cmpuint (n, >=, 7);
          if (g_strcmp0 (g_ptr_array_index (words, n - 5), "yes") != 0)
            g_error ("font not embedded: %s", rows[i]);
        }
        fonts++;
      }
    g_assert_cmpuint (fonts, >=, 3);
    g_assert_nonnull (strstr (out, "FandolFang"));
  }

  remove_dir (dir);
}

static double
text_units (const char *text)
{
  double units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += is_wide (g_utf8_get_char (p)) ? 1.0 : 0.5;
  return units;
}

static void
check_balanced (LlLayoutContext *context,
                const char      *title,
                guint            expected_lines)
{
  LlTextSpec spec = { .role = LL_FONT_ROLE_TITLE, .size = 22.0, .width = TYPE_WIDTH };
  g_autofree char *balanced = _ll_layout_context_balance (context, &spec, title, TYPE_WIDTH);
  g_auto(GStrv) lines = g_strsplit (balanced, "\n", -1);
  g_autofree char *joined = g_strjoinv ("", lines);
  double shortest = G_MAXDOUBLE;
  double longest = 0;

  g_test_message ("%s", balanced);
  g_assert_cmpstr (joined, ==, title);
  g_assert_cmpuint (g_strv_length (lines), ==, expected_lines);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      double units = text_units (lines[i]);

      g_assert_cmpuint (g_utf8_strlen (lines[i], -1), >=, 3);
      g_assert_cmpfloat (units * 22.0, <=, TYPE_WIDTH);
      shortest = MIN (shortest, units);
      longest = MAX (longest, units);
    }
  g_assert_cmpfloat (longest - shortest, <=, 3.5);
}

static void
test_title_balance (void)
{
  g_autoptr(LlLayoutContext) context = ll_layout_context_new (NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "title.pdf", NULL);
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  g_autoptr(PdfDocument) document = NULL;
  g_autoptr(PageText) page = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) title_lines = g_ptr_array_new ();
  const char *title = "关于进一步加强人大代表联络站建设推动代表更好联系服务人民群众的意见";

  /* A greedy break would leave 20 characters and then 13. */
  check_balanced (context, title, 2);
  check_balanced (context, "东城街道人大代表联络站关于2025年第一季度代表进站履职和意见建议办理情况的报告", 3);
  check_balanced (context, "关于表彰2024年度优秀人大代表和先进代表小组的决定", 2);

  /* One or two characters never stand alone on a line. */
  {
    LlTextSpec spec = { .role = LL_FONT_ROLE_TITLE, .size = 22.0, .width = TYPE_WIDTH };
    g_autofree char *balanced = _ll_layout_context_balance (context, &spec,
                                                            "关于召开全体代表会议的通知", TYPE_WIDTH);

    g_assert_null (strchr (balanced, '\n'));
  }

  /* In a document: closing punctuation dropped, lines centred. */
  ll_document_add_title (doc, "关于进一步加强人大代表联络站建设推动代表更好联系服务人民群众的意见。");
  ll_document_add_paragraph (doc, "正文。");
  g_assert_true (ll_document_write_pdf (doc, context, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  document = open_pdf (path);
  page = read_page (document, 0);
  for (guint l = 0; l < page->lines->len; l++)
    {
      Line *line = &g_array_index (page->lines, Line, l);

      if (fabs (line->size - 22.0) < 0.05)
        {
          g_ptr_array_add (title_lines, line);
          g_assert_cmpfloat_with_epsilon ((line->x1 + line->x2) / 2,
                                          TYPE_LEFT + TYPE_WIDTH / 2, 1.0);
          g_assert_false (g_str_has_suffix (line->text->str, "。"));
        }
    }
  g_assert_cmpuint (title_lines->len, ==, 2);
  g_assert_cmpfloat (fabs (((Line *) title_lines->pdata[0])->units -
                           ((Line *) title_lines->pdata[1])->units), <=, 2.0);

  remove_dir (dir);
}

static void
test_unwritable (void)
{
  g_autoptr(LlDocument) doc = report_sample_work_report ();
  g_autoptr(LlLayoutContext) context = ll_layout_context_new (NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *file = g_build_filename (dir, "file", NULL);
  g_autofree char *inside_file = g_build_filename (file, "out.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "no", "such", "folder", "out.pdf", NULL);
  const char *paths[] = { inside_file, missing, NULL };

  g_assert_true (g_file_set_contents (file, "x", 1, NULL));

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (ll_document_write_pdf (doc, context, paths[i], NULL, NULL, NULL, &error));
      g_assert_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "out.pdf"));
    }

  /* A read-only folder (root can write anywhere). */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *path = g_build_filename (locked, "out.pdf", NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_mkdir (locked, 0555), ==, 0);
      g_assert_false (ll_document_write_pdf (doc, context, path, NULL, NULL, NULL, &error));
      g_assert_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_WRITE);
    }

  /* Nothing left behind but the file made for the test (and the folder). */
  g_assert_cmpuint (count_dir (dir), <=, 2);
  remove_dir (dir);
}

static void
cancel_after_two_pages (guint    pages,
                        double   fraction,
                        gpointer user_data)
{
  if (pages == 2)
    g_cancellable_cancel (user_data);
}

static void
record_progress (guint    pages,
                 double   fraction,
                 gpointer user_data)
{
  GArray *fractions = user_data;

  g_assert_cmpuint (pages, ==, fractions->len + 1);
  g_array_append_val (fractions, fraction);
}

static void
test_cancel_and_progress (void)
{
  g_autoptr(LlDocument) doc = report_sample_work_report ();
  g_autoptr(LlLayoutContext) context = ll_layout_context_new (NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(GArray) fractions = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *contents = NULL;

  /* Cancelled before it starts, and halfway: no file, no leftovers, and an
   * existing file stays as it was. */
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;

    g_cancellable_cancel (cancellable);
    g_assert_false (ll_document_write_pdf (doc, context, path, NULL, NULL, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (count_dir (dir), ==, 0);
  }
  g_assert_true (g_file_set_contents (path, "old", -1, NULL));
  {
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    g_autoptr(GError) error = NULL;

    g_assert_false (ll_document_write_pdf (doc, context, path, cancel_after_two_pages,
                                           cancellable, cancellable, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_assert_cmpuint (count_dir (dir), ==, 1);
    g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
    g_assert_cmpstr (contents, ==, "old");
  }

  /* Progress after each page, rising to 1; the old file is replaced. */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(PdfDocument) document = NULL;

    g_assert_true (ll_document_write_pdf (doc, context, path, record_progress, fractions,
                                          NULL, &error));
    g_assert_no_error (error);
    document = open_pdf (path);
    g_assert_cmpuint (fractions->len, ==, poppler_document_get_n_pages (document));
    for (guint i = 1; i < fractions->len; i++)
      g_assert_cmpfloat (g_array_index (fractions, double, i), >=,
                         g_array_index (fractions, double, i - 1));
    g_assert_cmpfloat (g_array_index (fractions, double, fractions->len - 1), ==, 1.0);
    g_assert_cmpuint (count_dir (dir), ==, 1);
  }

  remove_dir (dir);
}

static int
pixel_blue (cairo_surface_t *surface,
            int              x,
            int              y)
{
  guchar *data = cairo_image_surface_get_data (surface);

  return *(guint32 *) (data + y * cairo_image_surface_get_stride (surface) + x * 4) & 0xff;
}

/* Printing draws page N on any cairo_t: the pages must be the PDF's. */
static void
test_draw_page (void)
{
  g_autoptr(LlDocument) doc = report_sample_work_report ();
  g_autoptr(LlLayoutContext) context = ll_layout_context_new (NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autoptr(PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages;

  g_assert_cmpuint (ll_document_get_n_pages (doc), ==, 0);
  g_assert_true (ll_document_paginate (doc, context, NULL, &error));
  g_assert_no_error (error);
  n_pages = ll_document_get_n_pages (doc);

  g_assert_true (ll_document_write_pdf (doc, context, path, NULL, NULL, NULL, &error));
  document = open_pdf (path);
  g_assert_cmpuint (n_pages, ==, poppler_document_get_n_pages (document));

  /* Drawn in reverse order, as a print dialog may ask, each page equals
   * the PDF's page rendered at the same scale. */
  for (int i = n_pages - 1; i >= 0; i--)
    {
      g_autoptr(PdfPage) page = poppler_document_get_page (document, i);
      cairo_surface_t *drawn = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_surface_t *from_pdf = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 298, 421);
      cairo_t *cr;
      guint differing = 0;
      guint inked = 0;

      cr = cairo_create (drawn);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      g_assert_true (ll_document_draw_page (doc, cr, i, &error));
      g_assert_no_error (error);
      cairo_destroy (cr);

      cr = cairo_create (from_pdf);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 0.5, 0.5);
      poppler_page_render (page, cr);
      cairo_destroy (cr);

      cairo_surface_flush (drawn);
      cairo_surface_flush (from_pdf);
      /* Poppler widens hairlines to a device pixel: compare the mean of
       * 10 × 10 blocks, not single pixels. */
      for (int by = 0; by + 10 <= 421; by += 10)
        for (int bx = 0; bx + 10 <= 298; bx += 10)
          {
            int sum_a = 0;
            int sum_b = 0;

            for (int y = by; y < by + 10; y++)
              for (int x = bx; x < bx + 10; x++)
                {
                  sum_a += pixel_blue (drawn, x, y);
                  sum_b += pixel_blue (from_pdf, x, y);
                }
            if (sum_a < 100 * 245)
              inked++;
            if (abs (sum_a - sum_b) > 100 * 40)
              differing++;
          }
      if (g_getenv ("LL_TEST_DUMP") != NULL)
        {
          g_autofree char *a = g_strdup_printf ("/tmp/x/drawn-%d.png", i + 1);
          g_autofree char *b = g_strdup_printf ("/tmp/x/pdf-%d.png", i + 1);

          cairo_surface_write_to_png (drawn, a);
          cairo_surface_write_to_png (from_pdf, b);
        }
      g_test_message ("page %d: %u inked, %u differ", i + 1, inked, differing);
      g_assert_cmpuint (inked, >, 10);
      g_assert_cmpuint (differing, <=, inked / 50 + 2);

      cairo_surface_destroy (drawn);
      cairo_surface_destroy (from_pdf);
    }

  /* Past the end, or after a change, there is no page. */
  {
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 10, 10);
    cairo_t *cr = cairo_create (surface);

    g_assert_false (ll_document_draw_page (doc, cr, n_pages, &error));
    g_assert_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_NOT_PAGINATED);
    g_clear_error (&error);
    ll_document_add_paragraph (doc, "新增的段落。");
    g_assert_cmpuint (ll_document_get_n_pages (doc), ==, 0);
    g_assert_false (ll_document_draw_page (doc, cr, 0, &error));
    g_assert_error (error, LL_REPORT_ERROR, LL_REPORT_ERROR_NOT_PAGINATED);

    cairo_destroy (cr);
    cairo_surface_destroy (surface);
  }

  remove_dir (dir);
}

/* A document of @n_lines one-line paragraphs and a colophon. */
static LlDocument *
lines_document (guint    n_lines,
                gboolean double_sided)
{
  LlDocument *doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  g_autoptr(GDate) date = g_date_new_dmy (7, G_DATE_APRIL, 2025);

  ll_document_set_double_sided (doc, double_sided);
  for (guint i = 0; i < n_lines; i++)
    {
      g_autofree char *text = g_strdup_printf ("第%u行正文。", i + 1);

      ll_document_add_paragraph (doc, text);
    }
  ll_document_set_colophon (doc, "区人大常委会办公室", "东城街道人大代表联络站", date);
  return doc;
}

/* Which pages of @path carry a number, as a string like "1-3-". */
static char *
numbered_pages (const char *path)
{
  g_autoptr(PdfDocument) document = open_pdf (path);
  GString *result = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autoptr(PageText) page = read_page (document, i);
      guint number;

      if (find_page_number (page, &number) != NULL)
        g_string_append_printf (result, "%u", number);
      else
        g_string_append_c (result, '-');
    }

  return g_string_free (result, FALSE);
}

static void
test_colophon_pages (void)
{
  static const struct {
    guint       lines;
    gboolean    double_sided;
    const char *pages;
  } cases[] = {
    { 5, TRUE, "1-" },     /* ends on page 1: colophon on page 2, the back */
    { 22, TRUE, "1-" },    /* page 1 full */
    { 40, TRUE, "1-" },    /* page 2 has room: shared, unnumbered */
    { 41, TRUE, "1-" },    /* exactly room for a blank line and the colophon */
    { 42, TRUE, "12--" },  /* no room on page 2: blank page 3, colophon page 4 */
    { 42, FALSE, "12-" },  /* single-sided: colophon on page 3 */
    { 5, FALSE, "-" },     /* single-sided: shares page 1 */
  };
  g_autoptr(LlLayoutContext) context = ll_layout_context_new (NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(LlDocument) doc = lines_document (cases[i].lines, cases[i].double_sided);
      g_autoptr(GError) error = NULL;
      g_autofree char *pages = NULL;

      g_assert_true (ll_document_paginate (doc, context, NULL, &error));
      g_assert_cmpuint (ll_document_get_n_pages (doc), ==, strlen (cases[i].pages));
      g_assert_true (ll_document_write_pdf (doc, context, path, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
      pages = numbered_pages (path);
      g_test_message ("%u lines → %s", cases[i].lines, pages);
      g_assert_cmpstr (pages, ==, cases[i].pages);
    }

  remove_dir (dir);
}

/* Many one-page forms streamed into one file, as annual sheets are. */
static void
test_form_batch (void)
{
  g_autoptr(LlLayoutContext) context = ll_layout_context_new (NULL);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "sheets.pdf", NULL);
  g_autoptr(LlPdfWriter) writer = NULL;
  g_autoptr(PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const guint n = 40;

  ll_layout_context_set_cache_limit (context, 64);
  writer = ll_pdf_writer_new (context, path, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_FORM);
      g_autoptr(LlTable) table = ll_table_new (4);
      g_autofree char *name = g_strdup_printf ("代表%u", i + 1);
      LlTextStyle title;

      ll_text_style_init (&title, LL_FONT_ROLE_TITLE, 18);
      title.align = LL_ALIGN_CENTER;
      ll_document_add_text (doc, &title, "代表年度履职情况表");
      ll_table_set_header_rows (table, 1);
      ll_table_add_row (table, "项目", "次数", "明细", "得分", NULL);
      for (guint r = 0; r < 15; r++)
        {
          g_autofree char *count = g_strdup_printf ("%u", (i + r) % 7);
          g_autofree char *points = g_strdup_printf ("%u", ((i + r) % 7) * 3);

          ll_table_add_row (table, "进站接待选民", count, name, points, NULL);
        }
      ll_document_add_table (doc, table);

      g_assert_true (ll_pdf_writer_add_document (writer, doc, NULL, NULL, NULL, &error));
      g_assert_no_error (error);
    }

  g_assert_cmpuint (ll_pdf_writer_get_n_pages (writer), ==, n);
  g_assert_cmpuint (ll_layout_context_get_cache_size (context), <=, 2 * 64);
  g_assert_true (ll_pdf_writer_close (writer, &error));
  g_assert_no_error (error);

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, n);
  for (guint i = 0; i < n; i += 13)
    {
      g_autoptr(PageText) page = read_page (document, i);
      g_autofree char *name = g_strdup_printf ("代表%u", i + 1);
      gboolean found = FALSE;
      guint number;

      g_assert_cmpfloat_with_epsilon (page->width, A4_WIDTH, 0.5);
      g_assert_null (find_page_number (page, &number));
      for (guint l = 0; l < page->lines->len && !found; l++)
        found = strstr (g_array_index (page->lines, Line, l).text->str, name) != NULL;
      g_assert_true (found);
    }

  remove_dir (dir);
}

/* A landscape ledger: the header row on every page, numbers centred. */
static void
test_landscape_ledger (void)
{
  g_autoptr(LlDocument) doc = report_sample_ledger (120);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "ledger.pdf", NULL);
  g_autoptr(PdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  const LlPageProfile *profile = ll_document_get_profile (doc);
  int n_pages;

  g_assert_true (ll_document_write_pdf (doc, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);

  document = open_pdf (path);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpint (n_pages, >=, 3);
  for (int i = 0; i < n_pages; i++)
    {
      g_autoptr(PageText) page = read_page (document, i);
      Line *number_line;
      guint number = 0;
      gboolean header = FALSE;

      g_assert_cmpfloat_with_epsilon (page->width, 841.89, 0.5);
      g_assert_cmpfloat_with_epsilon (page->height, 595.28, 0.5);
      for (guint l = 0; l < page->lines->len; l++)
        {
          Line *line = &g_array_index (page->lines, Line, l);

          if (strstr (line->text->str, "序号日期代表选民反映事项") != NULL)
            header = TRUE;
          if (!is_page_number_line (line, &number))
            {
              g_assert_cmpfloat (line->x2, <=, profile->left + profile->type_width + MM);
              g_assert_cmpfloat (line->y, <=, profile->top + profile->type_height + MM);
            }
        }
      g_assert_true (header);
      number_line = find_page_number (page, &number);
      g_assert_nonnull (number_line);
      g_assert_cmpuint (number, ==, i + 1);
      g_assert_cmpfloat_with_epsilon ((number_line->x1 + number_line->x2) / 2,
                                      profile->left + profile->type_width / 2, 1.0);
    }

  remove_dir (dir);
}

static void
test_format (void)
{
  g_autoptr(GDate) date = g_date_new_dmy (5, G_DATE_MARCH, 2025);
  static const struct {
    guint       n;
    const char *text;
  } numbers[] = {
    { 1, "一" }, { 10, "十" }, { 11, "十一" }, { 20, "二十" }, { 35, "三十五" },
    { 100, "一百" }, { 105, "一百零五" }, { 115, "一百一十五" }, { 999, "九百九十九" },
    { 1000, "1000" },
  };
  char *s;

  s = ll_format_date (date);
  g_assert_cmpstr (s, ==, "2025年3月5日");
  g_free (s);
  s = ll_format_document_number ("东联", 2025, 5);
  g_assert_cmpstr (s, ==, "东联〔2025〕5号");
  g_free (s);

  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      s = ll_format_chinese_number (numbers[i].n);
      g_assert_cmpstr (s, ==, numbers[i].text);
      g_free (s);
    }

  s = ll_format_heading_number (1, 3);
  g_assert_cmpstr (s, ==, "三、");
  g_free (s);
  s = ll_format_heading_number (2, 12);
  g_assert_cmpstr (s, ==, "（十二）");
  g_free (s);
  s = ll_format_heading_number (3, 2);
  g_assert_cmpstr (s, ==, "2.");
  g_free (s);
  s = ll_format_heading_number (4, 1);
  g_assert_cmpstr (s, ==, "（1）");
  g_free (s);
}

static void
test_font_set (void)
{
  g_autoptr(LlFontSet) fonts = ll_font_set_new ();
  g_autoptr(GHashTable) table = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(LlFontSet) from_table = NULL;
  g_autofree char *body = NULL;
  g_autofree char *title = NULL;
  LlFontRole role;

  body = ll_font_set_dup_families (fonts, LL_FONT_ROLE_BODY);
  g_assert_cmpstr (body, ==, ll_font_role_default_families (LL_FONT_ROLE_BODY));
  g_clear_pointer (&body, g_free);

  /* The user's family first, the chain behind it, no repeats. */
  ll_font_set_set_family (fonts, LL_FONT_ROLE_BODY, " FandolFang ");
  g_assert_cmpstr (ll_font_set_get_family (fonts, LL_FONT_ROLE_BODY), ==, "FandolFang");
  body = ll_font_set_dup_families (fonts, LL_FONT_ROLE_BODY);
  g_assert_cmpstr (body, ==, "FandolFang,FangSong_GB2312,FangSong,Noto Serif CJK SC");
  ll_font_set_set_family (fonts, LL_FONT_ROLE_BODY, "");
  g_assert_null (ll_font_set_get_family (fonts, LL_FONT_ROLE_BODY));

  g_assert_true (ll_font_role_from_key ("kai", &role));
  g_assert_cmpint (role, ==, LL_FONT_ROLE_KAI);
  g_assert_false (ll_font_role_from_key ("nope", &role));

  g_hash_table_insert (table, "title", "AR PL UMing CN");
  g_hash_table_insert (table, "unknown", "X");
  from_table = ll_font_set_new_from_table (table);
  title = ll_font_set_dup_families (from_table, LL_FONT_ROLE_TITLE);
  g_assert_true (g_str_has_prefix (title, "AR PL UMing CN,"));

  /* A Latin family never comes first: it would set the full-width
   * punctuation. */
  if (ll_font_family_is_installed ("DejaVu Serif"))
    {
      g_autofree char *latin = NULL;

      g_assert_false (ll_font_family_has_chinese ("DejaVu Serif"));
      ll_font_set_set_family (fonts, LL_FONT_ROLE_BODY, "DejaVu Serif");
      latin = ll_font_set_dup_families (fonts, LL_FONT_ROLE_BODY);
      g_assert_cmpstr (latin, ==,
                       "FangSong_GB2312,FangSong,FandolFang,Noto Serif CJK SC,DejaVu Serif");
    }
  g_assert_true (ll_font_family_has_chinese ("Noto Serif CJK SC"));
  g_assert_true (ll_font_family_is_installed ("Noto Serif CJK SC"));
  g_assert_false (ll_font_family_is_installed ("No Such Family 123"));
}

/* The user's body font reaches the PDF. */
static void
test_user_font (void)
{
  g_autoptr(LlFontSet) fonts = ll_font_set_new ();
  g_autoptr(LlLayoutContext) context = NULL;
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  g_autofree char *dir = temp_dir ();
  g_autofree char *path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  if (!ll_font_family_is_installed ("AR PL UKai CN"))
    {
      g_test_skip ("AR PL UKai CN is not installed");
      return;
    }

  ll_font_set_set_family (fonts, LL_FONT_ROLE_BODY, "AR PL UKai CN");
  context = ll_layout_context_new (fonts);
  ll_document_add_paragraph (doc, "代表联络站。");
  g_assert_true (ll_document_write_pdf (doc, context, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (count_bytes (contents, length, "UKai"), >, 0);
  g_assert_cmpuint (count_bytes (contents, length, "FandolFang"), ==, 0);

  remove_dir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/report/layout/geometry", test_geometry);
  g_test_add_func ("/report/layout/signature", test_signature);
  g_test_add_func ("/report/layout/fonts-embedded", test_fonts_embedded);
  g_test_add_func ("/report/layout/title-balance", test_title_balance);
  g_test_add_func ("/report/layout/unwritable", test_unwritable);
  g_test_add_func ("/report/layout/cancel-and-progress", test_cancel_and_progress);
  g_test_add_func ("/report/layout/draw-page", test_draw_page);
  g_test_add_func ("/report/layout/colophon-pages", test_colophon_pages);
  g_test_add_func ("/report/layout/form-batch", test_form_batch);
  g_test_add_func ("/report/layout/landscape-ledger", test_landscape_ledger);
  g_test_add_func ("/report/layout/format", test_format);
  g_test_add_func ("/report/fonts/font-set", test_font_set);
  g_test_add_func ("/report/fonts/user-font", test_user_font);

  return g_test_run ();
}

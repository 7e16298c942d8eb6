/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "ll-layout-private.h"

/**
 * LlLayoutContext:
 *
 * What shaping needs, shared by every document rendered with it: one
 * Pango context on a private font map with unhinted metrics (the same
 * positions on a PDF surface and in a print context), one font
 * description per role and size, and a cache of shaped layouts keyed by
 * style, width and text. Repeated strings (row labels, headers, units,
 * small numbers) are shaped once per context, which is what makes
 * thousands of similar pages cheap.
 *
 * The cache keeps two generations: a lookup that misses the current one
 * but hits the previous moves the layout forward; when the current one is
 * full the previous is dropped. Memory stays bounded however many pages
 * are rendered, and strings used on every page stay in.
 *
 * Text is not drawn at once: the glyphs of a page are gathered per font
 * and colour and drawn with one cairo_show_text_glyphs() each when the
 * page is flushed. A PDF page then holds a handful of text operations
 * instead of one per table cell, which is most of what Cairo spends on a
 * form page. Text is always drawn above the page's lines and fills.
 *
 * A context is used by one thread at a time.
 */

/* A cache key: the spec's fields, then the text, compared as bytes. */
typedef struct {
  guint  hash;
  gsize  len;
  gint32 data[];
} CacheKey;

typedef struct {
  cairo_scaled_font_t *font;
  guint32              rgb;
  GArray              *glyphs;
  GArray              *clusters;
  GString             *text;
} GlyphBatch;
struct _LlLayoutContext
{
  GObject       parent_instance;

  /* Owned */
  LlFontSet    *fonts;
  PangoFontMap *font_map;
  PangoContext *pango;
  char         *families[LL_FONT_N_ROLES];
  gboolean      role_bold[LL_FONT_N_ROLES];
  GHashTable   *descriptions;
  GHashTable   *cache;
  GHashTable   *cache_old;
  GString      *key;
  guint         cache_limit;
  GPtrArray    *batches;
  GArray       *positions;
};

G_DEFINE_FINAL_TYPE (LlLayoutContext, ll_layout_context, G_TYPE_OBJECT)

#define DEFAULT_CACHE_LIMIT 4096

G_DEFINE_QUARK (ll-report-error-quark, ll_report_error)

/* Title breaks without a dictionary: characters a title line should not
 * start with, ones that make a good end of a line, "关于" as a good start,
 * and words of official titles that must not be cut. Crude, but it avoids
 * the worst breaks; authors can give their own breaks with '\n'. */
static const char *good_line_ends[] = { "的", "和", "与", "及", "、", NULL };
static const char *bad_line_ends[] = { "关于", "对于", "第", NULL };
static const char *bad_line_starts[] = { "的", "和", "与", "及", "了", "之", "等", NULL };
static const char *good_line_starts[] = { "关于", NULL };
static const char *title_words[] = {
  "季度", "年度", "月份", "上半年", "下半年", "第一", "第二", "第三", "第四", "一季", "二季", "三季",
  "四季", "情况", "工作", "代表", "建议", "意见", "报告", "通知", "通报", "办理", "联络", "人大",
  "履职", "关于", "进站", "选民", "会议", "决定", "方案", "计划", "总结", "街道", "社区", "委员",
  "常委", "政府", "人民", "单位", "部门", "落实", "开展", "加强", "推进", "做好", "有关", "问题",
  "服务", "管理", "表彰", "先进", "集体", "个人", "活动", "调研", "视察", "检查", "接待", "群众",
  "监督", "组织", "印发", "制度", "规定", "办法", "实施", "细则", "统计", "评价", "考核", "结果",
  NULL
};

/* Whether a break between @prev and @next cuts one of the title words. */
static gboolean
cuts_title_word (const char *text,
                 const char *at)
{
  for (guint i = 0; title_words[i] != NULL; i++)
    {
      const char *word = title_words[i];

      /* Try every split point of the word around @at. */
      for (const char *split = g_utf8_next_char (word); *split != '\0';
           split = g_utf8_next_char (split))
        {
          gsize before = split - word;

          if ((gsize) (at - text) >= before &&
              strncmp (at - before, word, strlen (word)) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static gboolean
utf8_starts_with_any (const char  *p,
                      const char **set)
{
  for (guint i = 0; set[i] != NULL; i++)
    if (g_str_has_prefix (p, set[i]))
      return TRUE;
  return FALSE;
}

static const PangoFontDescription *
get_description (LlLayoutContext *self,
                 LlFontRole       role,
                 double           size,
                 gboolean         bold)
{
  PangoFontDescription *desc;
  char key[64];

  g_snprintf (key, sizeof key, "%d:%d:%d", role, (int) lround (size * PANGO_SCALE), bold);
  desc = g_hash_table_lookup (self->descriptions, key);
  if (desc != NULL)
    return desc;

  desc = pango_font_description_new ();
  pango_font_description_set_family (desc, self->families[role]);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_font_description_set_weight (desc,
                                     bold || self->role_bold[role] ? PANGO_WEIGHT_BOLD
                                                                   : PANGO_WEIGHT_NORMAL);
  g_hash_table_insert (self->descriptions, g_strdup (key), desc);

  return desc;
}

static char *
first_installed_family (const char *families)
{
  g_auto(GStrv) list = g_strsplit (families, ",", -1);

  for (guint i = 0; list[i] != NULL; i++)
    if (ll_font_family_is_installed (list[i]))
      return g_strdup (list[i]);

  return NULL;
}

static void
glyph_batch_free (gpointer data)
{
  GlyphBatch *batch = data;

  cairo_scaled_font_destroy (batch->font);
  g_array_unref (batch->glyphs);
  g_array_unref (batch->clusters);
  g_string_free (batch->text, TRUE);
  g_free (batch);
}

static GlyphBatch *
get_batch (LlLayoutContext     *self,
           cairo_scaled_font_t *font,
           guint32              rgb)
{
  GlyphBatch *batch;

  for (guint i = 0; i < self->batches->len; i++)
    {
      batch = g_ptr_array_index (self->batches, i);
      if (batch->font == font && batch->rgb == rgb)
        return batch;
    }

  batch = g_new0 (GlyphBatch, 1);
  batch->font = cairo_scaled_font_reference (font);
  batch->rgb = rgb;
  batch->glyphs = g_array_new (FALSE, FALSE, sizeof (cairo_glyph_t));
  batch->clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  batch->text = g_string_new (NULL);
  g_ptr_array_add (self->batches, batch);

  return batch;
}

/* Adds the glyphs of @line, its origin at (@x, @baseline), to the page's
 * batches, with the clusters that map them to their text (the PDF's text
 * layer stays exact). */
static void
batch_line (LlLayoutContext *self,
            PangoLayoutLine *line,
            const char      *text,
            double           x,
            double           baseline,
            guint32          rgb)
{
  int run_x = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      cairo_scaled_font_t *font;
      GlyphBatch *batch;
      PangoGlyphItemIter iter;
      int *positions;
      int position = run_x;

      font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (run->item->analysis.font));
      if (font == NULL)
        {
          run_x += pango_glyph_string_get_width (glyphs);
          continue;
        }
      batch = get_batch (self, font, rgb);

      g_array_set_size (self->positions, glyphs->num_glyphs);
      positions = (int *) (gpointer) self->positions->data;
      for (int g = 0; g < glyphs->num_glyphs; g++)
        {
          positions[g] = position;
          position += glyphs->glyphs[g].geometry.width;
        }

      for (gboolean have = pango_glyph_item_iter_init_start (&iter, run, text); have;
           have = pango_glyph_item_iter_next_cluster (&iter))
        {
          cairo_text_cluster_t cluster = { iter.end_index - iter.start_index, 0 };
          int step = iter.start_glyph <= iter.end_glyph ? 1 : -1;

          for (int g = iter.start_glyph; g != iter.end_glyph; g += step)
            {
              PangoGlyphInfo *info = &glyphs->glyphs[g];
              cairo_glyph_t glyph;

              /* Nothing to draw for empty glyphs, and no hex boxes. */
              if (info->glyph == PANGO_GLYPH_EMPTY || (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG))
                continue;
              glyph.index = info->glyph;
              glyph.x = x + pango_units_to_double (positions[g] + info->geometry.x_offset);
              glyph.y = baseline + pango_units_to_double (info->geometry.y_offset);
              g_array_append_val (batch->glyphs, glyph);
              cluster.num_glyphs++;
            }

          g_array_append_val (batch->clusters, cluster);
          g_string_append_len (batch->text, text + iter.start_index, cluster.num_bytes);
        }

      run_x = position;
    }
}

static void
ll_layout_context_finalize (GObject *object)
{
  LlLayoutContext *self = (LlLayoutContext *) object;

  g_clear_pointer (&self->batches, g_ptr_array_unref);
  g_clear_pointer (&self->positions, g_array_unref);

  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->cache_old, g_hash_table_unref);
  g_clear_pointer (&self->descriptions, g_hash_table_unref);
  g_clear_object (&self->pango);
  g_clear_object (&self->font_map);
  g_clear_pointer (&self->fonts, ll_font_set_unref);
  for (guint i = 0; i < LL_FONT_N_ROLES; i++)
    g_clear_pointer (&self->families[i], g_free);
  if (self->key != NULL)
    g_string_free (self->key, TRUE);

  G_OBJECT_CLASS (ll_layout_context_parent_class)->finalize (object);
}

static void
ll_layout_context_class_init (LlLayoutContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_layout_context_finalize;
}

static guint
cache_key_hash (gconstpointer key)
{
  return ((const CacheKey *) key)->hash;
}

static gboolean
cache_key_equal (gconstpointer a,
                 gconstpointer b)
{
  const CacheKey *ka = a;
  const CacheKey *kb = b;

  return ka->hash == kb->hash && ka->len == kb->len && memcmp (ka->data, kb->data, ka->len) == 0;
}

static GHashTable *
new_cache_table (void)
{
  return g_hash_table_new_full (cache_key_hash, cache_key_equal, g_free, g_object_unref);
}

/* Fills self->key with the key of @spec and @text. */
static CacheKey *
make_key (LlLayoutContext  *self,
          const LlTextSpec *spec,
          const char       *text)
{
  const gint32 fields[] = {
    spec->role,
    (gint32) lround (spec->size * PANGO_SCALE),
    spec->bold,
    spec->align,
    (gint32) lround (spec->indent * PANGO_SCALE),
    spec->width > 0 ? (gint32) lround (spec->width * PANGO_SCALE) : -1,
    (gint32) spec->lead_len,
    spec->lead_role,
  };
  gsize text_len = strlen (text);
  gsize len = sizeof fields + text_len;
  CacheKey *key;
  const guchar *p;
  guint32 hash = 2166136261u;

  g_string_set_size (self->key, sizeof (CacheKey) + len);
  key = (CacheKey *) (gpointer) self->key->str;
  key->len = len;
  memcpy (key->data, fields, sizeof fields);
  memcpy ((char *) key->data + sizeof fields, text, text_len);

  /* FNV-1a */
  p = (const guchar *) key->data;
  for (gsize i = 0; i < len; i++)
    hash = (hash ^ p[i]) * 16777619u;
  key->hash = hash;

  return key;
}

static void
ll_layout_context_init (LlLayoutContext *self)
{
  cairo_font_options_t *options;

  self->descriptions = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) pango_font_description_free);
  self->cache = new_cache_table ();
  self->cache_old = new_cache_table ();
  self->key = g_string_sized_new (256);
  self->cache_limit = DEFAULT_CACHE_LIMIT;
  self->batches = g_ptr_array_new_with_free_func (glyph_batch_free);
  self->positions = g_array_new (FALSE, FALSE, sizeof (int));

  /* A private font map: the thread's default one may be used by GTK on
   * another thread, and hinting must be off for print. */
  self->font_map = pango_cairo_font_map_new ();
  self->pango = pango_font_map_create_context (self->font_map);
  pango_context_set_language (self->pango, pango_language_from_string ("zh-cn"));
  pango_context_set_base_dir (self->pango, PANGO_DIRECTION_LTR);
  pango_context_set_round_glyph_positions (self->pango, FALSE);
  pango_cairo_context_set_resolution (self->pango, 72.0);

  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);
}

static void
check_layout_cache (LlLayoutContext *self)
{
  if (g_hash_table_size (self->cache) < self->cache_limit)
    return;

  g_hash_table_unref (self->cache_old);
  self->cache_old = self->cache;
  self->cache = new_cache_table ();
}

/*< private >
 * _ll_layout_context_shape:
 *
 * Returns: (transfer full): the layout of @text as @spec says, shaped once
 *   per context
 */
PangoLayout *
_ll_layout_context_shape (LlLayoutContext  *self,
                          const LlTextSpec *spec,
                          const char       *text)
{
  PangoLayout *layout;
  CacheKey *key;
  gpointer old_key;
  gpointer old_value;

  g_assert (LL_IS_LAYOUT_CONTEXT (self));
  g_assert (spec != NULL);
  g_assert (spec->role < LL_FONT_N_ROLES);

  if (text == NULL)
    text = "";

  key = make_key (self, spec, text);
  layout = g_hash_table_lookup (self->cache, key);
  if (layout != NULL)
    return g_object_ref (layout);

  if (g_hash_table_steal_extended (self->cache_old, key, &old_key, &old_value))
    {
      check_layout_cache (self);
      g_hash_table_insert (self->cache, old_key, old_value);
      return g_object_ref (old_value);
    }

  layout = pango_layout_new (self->pango);
  pango_layout_set_font_description (layout, get_description (self, spec->role, spec->size,
                                                              spec->bold));
  if (spec->width > 0)
    {
      pango_layout_set_width (layout, pango_units_from_double (spec->width));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  switch (spec->align)
    {
    case LL_ALIGN_CENTER:
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      break;
    case LL_ALIGN_RIGHT:
      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      break;
    case LL_ALIGN_JUSTIFY:
      pango_layout_set_justify (layout, TRUE);
      G_GNUC_FALLTHROUGH;
    case LL_ALIGN_LEFT:
    default:
      pango_layout_set_alignment (layout, PANGO_ALIGN_LEFT);
      break;
    }
  if (spec->indent != 0)
    pango_layout_set_indent (layout, pango_units_from_double (spec->indent));
  if (spec->lead_len > 0)
    {
      g_autoptr(PangoAttrList) attrs = pango_attr_list_new ();
      PangoAttribute *attr;

      attr = pango_attr_font_desc_new (get_description (self, spec->lead_role, spec->size,
                                                        spec->bold));
      attr->start_index = 0;
      attr->end_index = spec->lead_len;
      pango_attr_list_insert (attrs, attr);
      pango_layout_set_attributes (layout, attrs);
    }
  pango_layout_set_text (layout, text, -1);

  check_layout_cache (self);
  g_hash_table_insert (self->cache, g_memdup2 (key, sizeof (CacheKey) + key->len), layout);

  return g_object_ref (layout);
}

#define MAX_TITLE_LINES 8

/* Best breaks of chars [0, n) into @n_lines lines near @target wide:
 * the sum of squared deviations in characters, with bonuses and
 * penalties for where lines end and start. Fills @breaks[0..n_lines] with
 * character offsets; returns INFINITY if no way fits. */
static double
balance_lines (const char          *text,
               const char         **chars,
               const double        *x,
               const PangoLogAttr  *attrs,
               int                  n,
               int                  n_lines,
               double               target,
               double               char_w,
               double               max_width,
               int                 *breaks)
{
  g_autofree double *prev = g_new (double, n + 1);
  g_autofree double *cost = g_new (double, n + 1);
  g_autofree int *choice = g_new0 (int, (n + 1) * (n_lines + 1));
  int j;

  /* prev[j]: best cost of setting chars [0, j) in l - 1 lines. */
  for (j = 0; j <= n; j++)
    prev[j] = j == 0 ? 0 : INFINITY;

  for (int l = 1; l <= n_lines; l++)
    {
      for (j = n; j >= 1; j--)
        {
          double best = INFINITY;
          int best_i = -1;

          if (j < n && !attrs[j].is_line_break)
            {
              cost[j] = INFINITY;
              continue;
            }

          /* Lines of one or two characters are never allowed. */
          for (int i = j - 3; i >= 0; i--)
            {
              double w = x[j] - x[i];
              double c;

              if (w > max_width + LL_EPSILON)
                break;
              if (!isfinite (prev[i]))
                continue;
              c = prev[i] + ((w - target) / char_w) * ((w - target) / char_w);
              if (j < n)
                {
                  if (utf8_starts_with_any (g_utf8_prev_char (chars[j]), good_line_ends))
                    c -= 1.5;
                  for (guint b = 0; bad_line_ends[b] != NULL; b++)
                    if ((gsize) (chars[j] - text) >= strlen (bad_line_ends[b]) &&
                        g_str_has_prefix (chars[j] - strlen (bad_line_ends[b]), bad_line_ends[b]))
                      c += 4.0;
                  if (utf8_starts_with_any (chars[j], good_line_starts))
                    c -= 2.0;
                  if (utf8_starts_with_any (chars[j], bad_line_starts))
                    c += 4.0;
                  if (cuts_title_word (text, chars[j]))
                    c += 6.0;
                }
              if (c < best)
                {
                  best = c;
                  best_i = i;
                }
            }
          cost[j] = best;
          choice[l * (n + 1) + j] = best_i;
        }
      cost[0] = INFINITY;
      memcpy (prev, cost, sizeof (double) * (n + 1));
    }

  if (!isfinite (prev[n]))
    return INFINITY;

  j = n;
  for (int l = n_lines; l >= 1; l--)
    {
      breaks[l] = j;
      j = choice[l * (n + 1) + j];
    }
  breaks[0] = 0;

  return prev[n];
}

/*< private >
 * _ll_layout_context_balance:
 * @max_width: widest line allowed, in points
 *
 * Breaks @text into as few lines as fit @max_width, of near-equal width,
 * only where line breaking allows, never leaving a line of fewer than
 * three characters, preferring breaks after 的, 和, 、 …  Text that
 * already holds line breaks is returned as it is: the author chose.
 *
 * Returns: (transfer full): @text with '\n' at the breaks
 */
char *
_ll_layout_context_balance (LlLayoutContext  *self,
                            const LlTextSpec *spec,
                            const char       *text,
                            double            max_width)
{
  LlTextSpec one_line = *spec;
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree double *x = NULL;
  g_autofree const char **chars = NULL;
  const PangoLogAttr *attrs;
  PangoLayoutIter *iter;
  int best_breaks[MAX_TITLE_LINES + 1];
  double best_cost = INFINITY;
  int best_lines = 0;
  double total;
  int min_lines;
  int n_attrs;
  int n;
  int n_lines;
  int k;

  g_assert (LL_IS_LAYOUT_CONTEXT (self));

  if (strchr (text, '\n') != NULL)
    return g_strdup (text);

  one_line.width = -1;
  one_line.align = LL_ALIGN_LEFT;
  one_line.indent = 0;
  layout = _ll_layout_context_shape (self, &one_line, text);
  total = _ll_layout_get_width (layout);
  if (total <= max_width + LL_EPSILON)
    return g_strdup (text);

  attrs = pango_layout_get_log_attrs_readonly (layout, &n_attrs);
  n = n_attrs - 1;
  x = g_new0 (double, n + 1);
  chars = g_new0 (const char *, n + 1);

  iter = pango_layout_get_iter (layout);
  k = 0;
  do
    {
      PangoRectangle rect;

      if (k >= n)
        break;
      pango_layout_iter_get_char_extents (iter, &rect);
      x[k] = pango_units_to_double (rect.x);
      chars[k] = text + pango_layout_iter_get_index (iter);
      k++;
    }
  while (pango_layout_iter_next_char (iter));
  pango_layout_iter_free (iter);
  x[n] = total;
  chars[n] = text + strlen (text);

  /* As few lines as fit, or one more when that avoids a bad break. */
  min_lines = (int) ceil (total / max_width);
  for (n_lines = min_lines; n_lines <= min_lines + 1 && n_lines <= MAX_TITLE_LINES; n_lines++)
    {
      int breaks[MAX_TITLE_LINES + 1];
      double c = balance_lines (text, chars, x, attrs, n, n_lines, total / n_lines,
                                spec->size, max_width, breaks);

      c += 2.0 * (n_lines - min_lines);
      if (c < best_cost)
        {
          best_cost = c;
          best_lines = n_lines;
          memcpy (best_breaks, breaks, sizeof breaks);
        }
    }

  if (best_lines > 0)
    {
      GString *result = g_string_new (NULL);

      for (int l = 1; l <= best_lines; l++)
        {
          if (l > 1)
            g_string_append_c (result, '\n');
          g_string_append_len (result, chars[best_breaks[l - 1]],
                               chars[best_breaks[l]] - chars[best_breaks[l - 1]]);
        }
      return g_string_free (result, FALSE);
    }

  return g_strdup (text);
}

double
_ll_layout_get_width (PangoLayout *layout)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return pango_units_to_double (logical.x + logical.width);
}

/*< private >
 * _ll_baseline_in_cell:
 *
 * Returns: the baseline that centres the em box of text of @size in a
 *   line cell starting at @top, @height high
 */
double
_ll_baseline_in_cell (double top,
                      double height,
                      double size)
{
  return top + (height - size) / 2.0 + LL_EM_ASCENT * size;
}

/*< private >
 * _ll_layout_context_draw_line:
 * @x: left edge of the layout
 * @rgb: colour, 0xRRGGBB
 *
 * Draws line @index of @layout on @baseline, where the layout would put it
 * horizontally (alignment, indent, justification). The glyphs appear
 * with the next _ll_layout_context_flush().
 */
void
_ll_layout_context_draw_line (LlLayoutContext *self,
                              cairo_t         *cr,
                              PangoLayout     *layout,
                              int              index,
                              double           x,
                              double           baseline,
                              guint32          rgb)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  PangoRectangle logical;

  for (int i = 0; i < index; i++)
    if (!pango_layout_iter_next_line (iter))
      break;

  pango_layout_iter_get_line_extents (iter, NULL, &logical);
  batch_line (self, pango_layout_iter_get_line_readonly (iter), pango_layout_get_text (layout),
              x + pango_units_to_double (logical.x), baseline, rgb);
  pango_layout_iter_free (iter);
}

/*< private >
 * _ll_layout_context_draw_lines:
 *
 * Draws every line of @layout, each in a cell @advance high starting at
 * @top, the em box centred in the cell.
 */
void
_ll_layout_context_draw_lines (LlLayoutContext *self,
                               cairo_t         *cr,
                               PangoLayout     *layout,
                               double           x,
                               double           top,
                               double           advance,
                               double           size,
                               guint32          rgb)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);
  int i = 0;

  do
    {
      PangoRectangle logical;
      double baseline = _ll_baseline_in_cell (top + i * advance, advance, size);

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      batch_line (self, pango_layout_iter_get_line_readonly (iter), text,
                  x + pango_units_to_double (logical.x), baseline, rgb);
      i++;
    }
  while (pango_layout_iter_next_line (iter));

  pango_layout_iter_free (iter);
}

/*< private >
 * _ll_layout_context_flush:
 *
 * Draws the text gathered since the last flush, one operation per font
 * and colour, in the user space @cr has now (which must be the one the
 * text was placed in).
 */
void
_ll_layout_context_flush (LlLayoutContext *self,
                          cairo_t         *cr)
{
  cairo_save (cr);
  for (guint i = 0; i < self->batches->len; i++)
    {
      GlyphBatch *batch = g_ptr_array_index (self->batches, i);

      if (batch->glyphs->len == 0 && batch->text->len == 0)
        continue;

      cairo_set_scaled_font (cr, batch->font);
      _ll_set_source_rgb (cr, batch->rgb);
      cairo_show_text_glyphs (cr, batch->text->str, batch->text->len,
                              (cairo_glyph_t *) (gpointer) batch->glyphs->data,
                              batch->glyphs->len,
                              (cairo_text_cluster_t *) (gpointer) batch->clusters->data,
                              batch->clusters->len, 0);

      g_array_set_size (batch->glyphs, 0);
      g_array_set_size (batch->clusters, 0);
      g_string_truncate (batch->text, 0);
    }
  cairo_restore (cr);
}

void
_ll_set_source_rgb (cairo_t *cr,
                    guint32  rgb)
{
  cairo_set_source_rgb (cr,
                        ((rgb >> 16) & 0xff) / 255.0,
                        ((rgb >> 8) & 0xff) / 255.0,
                        (rgb & 0xff) / 255.0);
}

/**
 * ll_page_profile_init:
 * @profile: (out caller-allocates): the profile to fill
 *
 * Fills @profile with the geometry of @kind. GB/T 9704: A4, type area
 * 156 × 225 mm at 28 mm from the left and 37 mm from the top, 22 lines of
 * 28 characters of 15.75 pt (3号 made to fit), page numbers outside.
 * Forms: 20 mm margins, 小四 text, 五号 tables, free layout.
 */
void
ll_page_profile_init (LlPageProfile *profile,
                      LlPageKind     kind)
{
  g_return_if_fail (profile != NULL);

  memset (profile, 0, sizeof *profile);
  profile->page_number_size = 14.0;
  profile->page_number_gap = LL_MM (7);
  profile->line_spacing = 1.5;

  switch (kind)
    {
    case LL_PAGE_FORM:
    case LL_PAGE_FORM_LANDSCAPE:
      profile->width = kind == LL_PAGE_FORM ? 595.28 : 841.89;
      profile->height = kind == LL_PAGE_FORM ? 841.89 : 595.28;
      profile->left = LL_MM (20);
      profile->top = LL_MM (20);
      profile->type_width = profile->width - 2 * profile->left;
      profile->type_height = profile->height - 2 * profile->top;
      profile->lines = 0;
      profile->body_size = 12.0;
      profile->table_size = 10.5;
      profile->chars = (guint) floor (profile->type_width / profile->body_size);
      profile->page_numbers = kind == LL_PAGE_FORM ? LL_PAGE_NUMBERS_NONE
                                                   : LL_PAGE_NUMBERS_CENTER;
      profile->page_number_size = 10.5;
      profile->page_number_gap = LL_MM (5);
      break;

    case LL_PAGE_GBT9704:
    default:
      profile->width = 595.28;
      profile->height = 841.89;
      profile->left = 79.37;
      profile->top = 104.88;
      profile->type_width = 442.20;
      profile->type_height = 637.80;
      profile->lines = 22;
      profile->chars = 28;
      profile->body_size = 15.75;
      profile->table_size = 12.0;
      profile->page_numbers = LL_PAGE_NUMBERS_OUTSIDE;
      break;
    }
}

/**
 * ll_page_profile_get_pitch:
 *
 * Returns: the line pitch of the grid (type area height / lines), or for
 *   free layout the advance of a body line
 */
double
ll_page_profile_get_pitch (const LlPageProfile *profile)
{
  g_return_val_if_fail (profile != NULL, 0);

  if (profile->lines > 0)
    return profile->type_height / profile->lines;
  return profile->body_size * profile->line_spacing;
}

/**
 * ll_layout_context_new:
 * @fonts: (nullable): the user's fonts per role, %NULL for the defaults
 *
 * Creates the shaping context for rendering documents. Adds the Fandol
 * fonts to fontconfig first when they are installed.
 *
 * Returns: (transfer full): a new context
 */
LlLayoutContext *
ll_layout_context_new (LlFontSet *fonts)
{
  LlLayoutContext *self;

  ll_fonts_init (FANDOL_FONT_DIR);

  self = g_object_new (LL_TYPE_LAYOUT_CONTEXT, NULL);
  self->fonts = fonts != NULL ? ll_font_set_ref (fonts) : ll_font_set_new ();

  for (guint i = 0; i < LL_FONT_N_ROLES; i++)
    {
      g_autofree char *first = NULL;

      self->families[i] = ll_font_set_dup_families (self->fonts, i);
      first = first_installed_family (self->families[i]);
      g_debug ("font role %s: %s (from %s)", ll_font_role_key (i),
               first ? first : "fontconfig fallback", self->families[i]);

      /* Without 方正小标宋 the title role falls back to a bold 宋体; the
       * real 小标宋 is heavy at its regular weight and must not be
       * emboldened again. */
      if (i == LL_FONT_ROLE_TITLE)
        self->role_bold[i] = first == NULL ||
                             (strstr (first, "BiaoSong") == NULL &&
                              strstr (first, "标宋") == NULL);
    }

  return self;
}

/**
 * ll_layout_context_get_fonts:
 *
 * Returns: (transfer none): the fonts of @self
 */
LlFontSet *
ll_layout_context_get_fonts (LlLayoutContext *self)
{
  g_return_val_if_fail (LL_IS_LAYOUT_CONTEXT (self), NULL);
  return self->fonts;
}

/**
 * ll_layout_context_get_pango:
 *
 * Returns: (transfer none): the Pango context documents are shaped with
 */
PangoContext *
ll_layout_context_get_pango (LlLayoutContext *self)
{
  g_return_val_if_fail (LL_IS_LAYOUT_CONTEXT (self), NULL);
  return self->pango;
}

/**
 * ll_layout_context_get_cache_size:
 *
 * Returns: how many shaped layouts the cache holds
 */
guint
ll_layout_context_get_cache_size (LlLayoutContext *self)
{
  g_return_val_if_fail (LL_IS_LAYOUT_CONTEXT (self), 0);
  return g_hash_table_size (self->cache) + g_hash_table_size (self->cache_old);
}

/**
 * ll_layout_context_set_cache_limit:
 * @limit: layouts per cache generation (at most twice as many are kept)
 */
void
ll_layout_context_set_cache_limit (LlLayoutContext *self,
                                   guint            limit)
{
  g_return_if_fail (LL_IS_LAYOUT_CONTEXT (self));
  self->cache_limit = MAX (limit, 16);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-chart"

#include "config.h"

#include <math.h>

#include "ll-chart-private.h"
#include "ll-layout-private.h"

typedef struct {
  char   *name;
  GArray *values;
} Series;

struct _LlChart
{
  LlChartKind  kind;
  char        *title;
  char        *unit;
  GPtrArray   *categories;
  GPtrArray   *series;
  guint        decimals;
  double       height;
};

G_DEFINE_BOXED_TYPE (LlChart, ll_chart, ll_chart_ref, ll_chart_unref)

/* Distinct in colour and, for black-and-white printers, in lightness. */
static const guint32 palette[] = {
  0xc0392b, 0x2e6da4, 0xf0a030, 0x3a9d5d, 0x7d4e9e, 0x8c8c8c, 0x5fb6d9, 0x6b3e26,
};

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->values);
  g_free (series);
}

static void
ll_chart_clear (LlChart *self)
{
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->unit, g_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  g_clear_pointer (&self->series, g_ptr_array_unref);
}

static double
series_value (Series *series,
              guint   index)
{
  if (index >= series->values->len)
    return 0;
  return MAX (0, g_array_index (series->values, double, index));
}

static char *
format_value (LlChart *self,
              double   value)
{
  return g_strdup_printf ("%.*f", (int) self->decimals, value);
}

static gboolean
is_dark (guint32 rgb)
{
  double r = ((rgb >> 16) & 0xff) / 255.0;
  double g = ((rgb >> 8) & 0xff) / 255.0;
  double b = (rgb & 0xff) / 255.0;

  return 0.299 * r + 0.587 * g + 0.114 * b < 0.55;
}

/* Draws one line of text with its em box centred on @cy; @halign 0 puts
 * the left edge at @x, 0.5 the centre, 1 the right edge. Returns the
 * width. */
static double
draw_label (cairo_t         *cr,
            LlLayoutContext *context,
            LlFontRole       role,
            double           size,
            const char      *text,
            double           x,
            double           cy,
            double           halign,
            guint32          rgb)
{
  LlTextSpec spec = { .role = role, .size = size, .width = -1 };
  g_autoptr(PangoLayout) layout = _ll_layout_context_shape (context, &spec, text);
  double width = _ll_layout_get_width (layout);

  _ll_layout_context_draw_line (context, cr, layout, 0, x - halign * width,
                                _ll_baseline_in_cell (cy - size / 2, size, size), rgb);
  return width;
}

static double
label_width (LlLayoutContext *context,
             LlFontRole       role,
             double           size,
             const char      *text)
{
  LlTextSpec spec = { .role = role, .size = size, .width = -1 };
  g_autoptr(PangoLayout) layout = _ll_layout_context_shape (context, &spec, text);

  return _ll_layout_get_width (layout);
}

static double
nice_step (double max,
           guint  decimals)
{
  double raw = max / 5.0;
  double magnitude;
  double step;

  if (raw <= 0)
    return 1;

  magnitude = pow (10, floor (log10 (raw)));
  step = raw / magnitude;
  if (step <= 1)
    step = 1;
  else if (step <= 2)
    step = 2;
  else if (step <= 5)
    step = 5;
  else
    step = 10;
  step *= magnitude;

  /* Counts have no fractional ticks. */
  if (decimals == 0 && step < 1)
    step = 1;
  return step;
}

/* One row of legend entries centred on @cx. */
static void
draw_legend_row (LlChart         *self,
                 LlLayoutContext *context,
                 cairo_t         *cr,
                 double           cx,
                 double           cy,
                 double           size)
{
  double total = 0;
  double x;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      total += size * 1.2 + label_width (context, LL_FONT_ROLE_SONG, size, series->name);
      if (i > 0)
        total += size * 1.5;
    }

  x = cx - total / 2;
  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = g_ptr_array_index (self->series, i);

      _ll_set_source_rgb (cr, palette[i % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, x, cy - size * 0.4, size * 0.8, size * 0.8);
      cairo_fill (cr);
      x += size * 1.2;
      x += draw_label (cr, context, LL_FONT_ROLE_SONG, size, series->name, x, cy, 0, 0);
      x += size * 1.5;
    }
}

static void
draw_bars (LlChart         *self,
           LlLayoutContext *context,
           cairo_t         *cr,
           double           x,
           double           y,
           double           width,
           double           height,
           double           size)
{
  guint n_categories = self->categories->len;
  guint n_series = self->series->len;
  double small = size * 0.85;
  double max = 0;
  double step;
  double axis_max;
  double axis_w = 0;
  double plot_x, plot_y, plot_w, plot_h;
  double slot;
  guint n_ticks;

  for (guint s = 0; s < n_series; s++)
    for (guint c = 0; c < n_categories; c++)
      max = MAX (max, series_value (g_ptr_array_index (self->series, s), c));

  step = nice_step (max, self->decimals);
  n_ticks = (guint) ceil (max / step);
  if (n_ticks == 0 || max >= n_ticks * step * 0.97)
    n_ticks++;
  axis_max = n_ticks * step;

  for (guint t = 0; t <= n_ticks; t++)
    {
      g_autofree char *label = g_strdup_printf ("%g", t * step);

      axis_w = MAX (axis_w, label_width (context, LL_FONT_ROLE_SONG, small, label));
    }

  if (n_series > 0)
    {
      draw_legend_row (self, context, cr, x + width / 2, y + size * 0.8, small);
      y += size * 1.8;
      height -= size * 1.8;
    }
  if (self->unit != NULL)
    {
      g_autofree char *unit = g_strdup_printf ("单位：%s", self->unit);

      draw_label (cr, context, LL_FONT_ROLE_SONG, small, unit, x, y + small * 0.6, 0, 0);
    }

  plot_x = x + axis_w + small * 0.6;
  plot_y = y + small * 2.0;
  plot_w = width - (plot_x - x) - small;
  plot_h = height - (plot_y - y) - size * 1.9;
  if (plot_w <= 0 || plot_h <= 0 || n_categories == 0)
    return;

  /* Grid lines and tick labels. */
  cairo_set_line_width (cr, 0.4);
  for (guint t = 0; t <= n_ticks; t++)
    {
      g_autofree char *label = g_strdup_printf ("%g", t * step);
      double ty = plot_y + plot_h - plot_h * t / n_ticks;

      cairo_set_source_rgb (cr, 0.8, 0.8, 0.8);
      cairo_move_to (cr, plot_x, ty);
      cairo_line_to (cr, plot_x + plot_w, ty);
      cairo_stroke (cr);
      draw_label (cr, context, LL_FONT_ROLE_SONG, small, label, plot_x - small * 0.4, ty, 1, 0);
    }

  slot = plot_w / n_categories;
  for (guint c = 0; c < n_categories; c++)
    {
      const char *name = g_ptr_array_index (self->categories, c);
      double group_w = slot * 0.7;
      double bar_w = n_series > 0 ? group_w / n_series : group_w;
      double gx = plot_x + slot * c + (slot - group_w) / 2;
      double label_size = size;
      double name_w = label_width (context, LL_FONT_ROLE_SONG, label_size, name);

      for (guint s = 0; s < n_series; s++)
        {
          double value = series_value (g_ptr_array_index (self->series, s), c);
          double bar_h = plot_h * value / axis_max;
          double bx = gx + s * bar_w;
          g_autofree char *text = format_value (self, value);

          _ll_set_source_rgb (cr, palette[s % G_N_ELEMENTS (palette)]);
          cairo_rectangle (cr, bx + bar_w * 0.06, plot_y + plot_h - bar_h,
                           bar_w * 0.88, bar_h);
          cairo_fill (cr);

          draw_label (cr, context, LL_FONT_ROLE_SONG, small, text,
                      bx + bar_w / 2, plot_y + plot_h - bar_h - small * 0.75, 0.5, 0);
        }

      /* Category names shrink rather than collide. */
      if (name_w > slot * 0.95)
        label_size = MAX (size * 0.6, label_size * slot * 0.95 / name_w);
      draw_label (cr, context, LL_FONT_ROLE_SONG, label_size, name,
                  plot_x + slot * c + slot / 2, plot_y + plot_h + size * 0.9, 0.5, 0);
    }

  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, plot_x, plot_y);
  cairo_line_to (cr, plot_x, plot_y + plot_h);
  cairo_line_to (cr, plot_x + plot_w, plot_y + plot_h);
  cairo_stroke (cr);
}

static void
draw_pie (LlChart         *self,
          LlLayoutContext *context,
          cairo_t         *cr,
          double           x,
          double           y,
          double           width,
          double           height,
          double           size)
{
  Series *series = self->series->len > 0 ? g_ptr_array_index (self->series, 0) : NULL;
  guint n = self->categories->len;
  double small = size * 0.85;
  double total = 0;
  double legend_w = 0;
  double legend_x;
  double legend_y;
  double radius;
  double cx, cy;
  double angle = -G_PI / 2;

  for (guint i = 0; series != NULL && i < n; i++)
    total += series_value (series, i);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = series ? format_value (self, series_value (series, i)) : NULL;
      g_autofree char *entry = g_strdup_printf ("%s  %s%s",
                                                (char *) g_ptr_array_index (self->categories, i),
                                                value ? value : "",
                                                self->unit ? self->unit : "");

      legend_w = MAX (legend_w, size * 1.3 + label_width (context, LL_FONT_ROLE_SONG, size, entry));
    }
  legend_w = MIN (legend_w, width * 0.5);

  radius = MIN ((width - legend_w - size * 3) / 2, height / 2 - size * 1.2);
  if (radius <= size)
    return;
  cx = x + (width - legend_w - size * 2) / 2;
  cy = y + height / 2;

  if (total <= 0)
    {
      cairo_set_source_rgb (cr, 0.85, 0.85, 0.85);
      cairo_arc (cr, cx, cy, radius, 0, 2 * G_PI);
      cairo_fill (cr);
      draw_label (cr, context, LL_FONT_ROLE_SONG, size, "无数据", cx, cy, 0.5, 0);
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          double share = series_value (series, i) / total;
          double sweep = share * 2 * G_PI;

          if (sweep <= 0)
            continue;
          _ll_set_source_rgb (cr, palette[i % G_N_ELEMENTS (palette)]);
          cairo_move_to (cr, cx, cy);
          cairo_arc (cr, cx, cy, radius, angle, angle + sweep);
          cairo_close_path (cr);
          cairo_fill_preserve (cr);
          cairo_set_source_rgb (cr, 1, 1, 1);
          cairo_set_line_width (cr, 1.0);
          cairo_stroke (cr);
          angle += sweep;
        }

      /* Percentages inside large slices, outside small ones. */
      angle = -G_PI / 2;
      for (guint i = 0; i < n; i++)
        {
          double share = series_value (series, i) / total;
          double sweep = share * 2 * G_PI;
          double mid = angle + sweep / 2;
          g_autofree char *percent = g_strdup_printf ("%.1f%%", share * 100);
          gboolean inside = share >= 0.08;
          double r = inside ? radius * 0.64 : radius + small * 1.6;

          angle += sweep;
          if (sweep <= 0)
            continue;
          draw_label (cr, context, LL_FONT_ROLE_SONG, small, percent,
                      cx + r * cos (mid), cy + r * sin (mid), 0.5,
                      inside && is_dark (palette[i % G_N_ELEMENTS (palette)]) ? 0xffffff : 0);
        }
    }

  legend_x = x + width - legend_w;
  legend_y = cy - (n * size * 1.6) / 2 + size * 0.8;
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *value = series ? format_value (self, series_value (series, i)) : NULL;
      g_autofree char *entry = g_strdup_printf ("%s  %s%s",
                                                (char *) g_ptr_array_index (self->categories, i),
                                                value ? value : "",
                                                self->unit ? self->unit : "");
      double ly = legend_y + i * size * 1.6;

      _ll_set_source_rgb (cr, palette[i % G_N_ELEMENTS (palette)]);
      cairo_rectangle (cr, legend_x, ly - size * 0.4, size * 0.8, size * 0.8);
      cairo_fill (cr);
      draw_label (cr, context, LL_FONT_ROLE_SONG, size, entry, legend_x + size * 1.3, ly, 0, 0);
    }
}

/**
 * ll_chart_new:
 * @title: (nullable): shown centred above the chart
 *
 * Returns: (transfer full): an empty chart
 */
LlChart *
ll_chart_new (LlChartKind  kind,
              const char  *title)
{
  LlChart *self = g_atomic_rc_box_new0 (LlChart);

  self->kind = kind;
  self->title = g_strdup (title);
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);

  return self;
}

LlChart *
ll_chart_ref (LlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
ll_chart_unref (LlChart *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) ll_chart_clear);
}

/**
 * ll_chart_set_categories:
 * @categories: (array length=n_categories): the category names
 * @n_categories: the length of @categories, or -1 if %NULL-terminated
 */
void
ll_chart_set_categories (LlChart            *self,
                         const char * const *categories,
                         gssize              n_categories)
{
  g_return_if_fail (self != NULL);

  g_ptr_array_set_size (self->categories, 0);
  for (gssize i = 0; categories != NULL && (n_categories < 0 ? categories[i] != NULL
                                                            : i < n_categories); i++)
    g_ptr_array_add (self->categories, g_strdup (categories[i] ? categories[i] : ""));
}

/**
 * ll_chart_add_series:
 * @name: shown in the legend
 * @values: (array length=n_values): one value per category; negative
 *   values are drawn as 0
 *
 * A pie chart shows the first series only.
 */
void
ll_chart_add_series (LlChart      *self,
                     const char   *name,
                     const double *values,
                     guint         n_values)
{
  Series *series;

  g_return_if_fail (self != NULL);
  g_return_if_fail (values != NULL || n_values == 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name ? name : "");
  series->values = g_array_sized_new (FALSE, FALSE, sizeof (double), n_values);
  g_array_append_vals (series->values, values, n_values);
  g_ptr_array_add (self->series, series);
}

/**
 * ll_chart_set_unit:
 * @unit: (nullable): e.g. `件`
 */
void
ll_chart_set_unit (LlChart    *self,
                   const char *unit)
{
  g_return_if_fail (self != NULL);

  g_free (self->unit);
  self->unit = g_strdup (unit);
}

/**
 * ll_chart_set_decimals:
 *
 * Sets the decimals of the values shown (0 for counts, the default).
 */
void
ll_chart_set_decimals (LlChart *self,
                       guint    decimals)
{
  g_return_if_fail (self != NULL);
  self->decimals = MIN (decimals, 6);
}

/**
 * ll_chart_set_height:
 * @height: points including the title, or 0 for the default; on the
 *   GB/T grid it is rounded up to whole lines
 */
void
ll_chart_set_height (LlChart *self,
                     double   height)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (height >= 0);

  self->height = height;
}

double
_ll_chart_get_height (LlChart *self,
                      double   fallback)
{
  return self->height > 0 ? self->height : fallback;
}

/*< private >
 * _ll_chart_draw:
 * @font_size: size of the labels; the title is a little larger
 *
 * Draws the chart in the box given, title included.
 */
void
_ll_chart_draw (LlChart         *self,
                LlLayoutContext *context,
                cairo_t         *cr,
                double           x,
                double           y,
                double           width,
                double           height,
                double           font_size)
{
  double title_size = font_size * 1.15;

  g_assert (self != NULL);

  /* Shapes are clipped to the box; labels are drawn with the page's
   * text, unclipped, and are placed inside it. */
  cairo_save (cr);
  cairo_rectangle (cr, x, y, width, height);
  cairo_clip (cr);

  if (self->title != NULL && self->title[0] != '\0')
    {
      draw_label (cr, context, LL_FONT_ROLE_HEI, title_size, self->title,
                  x + width / 2, y + title_size, 0.5, 0);
      y += title_size * 2.2;
      height -= title_size * 2.2;
    }

  if (self->kind == LL_CHART_PIE)
    draw_pie (self, context, cr, x, y, width, height, font_size);
  else
    draw_bars (self, context, cr, x, y, width, height, font_size);

  cairo_restore (cr);
}

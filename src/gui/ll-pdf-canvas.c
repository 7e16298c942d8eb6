/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pdf-canvas"

#include "config.h"

#include <math.h>

#include "ll-pdf-canvas.h"

/* The pages of an LlPdfView, one under the other, in a GtkScrolledWindow.
 *
 * Only the geometry of all pages is kept (three ints a page, from the
 * sizes read when the file opened), so a 500-page file scrolls as fast
 * as a 5-page one: a frame draws the few pages in the viewport, asks
 * the document to render those and their neighbours, and cancels the
 * requests for pages that scrolled out of reach. A page not rendered
 * yet is white paper, or its last rendering scaled. */

#define MARGIN 16
#define SPACING 12
#define PX_PER_PT (96.0 / 72.0)
/* Widest or tallest rendered texture, in device pixels; beyond it a
 * page is shown scaled up rather than allocating hundreds of MB. */
#define MAX_TEXTURE_SIDE 4096
#define SCROLL_STEP 48
/* While the zoom keeps changing (Ctrl+scroll, a sidebar sliding in at
 * fit width) pages are shown scaled and rendered once it settles. */
#define SETTLE_MS 150

typedef struct {
  gboolean set;
  guint    page;
  double   fx, fy;
  double   vx, vy;
} Anchor;

struct _LlPdfCanvas
{
  GtkWidget parent_instance;

  /* Owned */
  LlPdfDocument *document;
  LlPdfMatches  *matches;
  GtkAdjustment *hadjustment;
  GtkAdjustment *vadjustment;
  int           *widths;
  int           *heights;
  int           *offsets;
  guint          n_pages;
  int            content_width;
  int            content_height;
  double         layout_zoom;
  double         zoom;
  LlPdfFitMode   fit_mode;
  guint          page;
  int            pending_page;
  int            pending_match;
  int            current_match;
  Anchor         anchor;
  double         pointer_x;
  double         pointer_y;
  gboolean       has_pointer;
  guint          scrolling;
  gboolean       first_drawn;
  gint64         zoom_changed_at;
  guint          settle_source;
  guint          notify_zoom_source;
  gulong         rendered_handler;

  guint          hscroll_policy : 1;
  guint          vscroll_policy : 1;
};

enum {
  PROP_0,
  PROP_ZOOM,
  PROP_FIT_MODE,
  PROP_PAGE,
  N_PROPS,

  PROP_HADJUSTMENT = N_PROPS,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
};

enum {
  FIRST_PAGE_DRAWN,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE_WITH_CODE (LlPdfCanvas, ll_pdf_canvas, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, NULL))

static void update_requests (LlPdfCanvas *self);

/* Geometry */

static void
relayout (LlPdfCanvas *self,
          double       zoom)
{
  double scale = zoom * PX_PER_PT;
  int y = MARGIN;
  int max_width = 0;

  for (guint i = 0; i < self->n_pages; i++)
    {
      double width, height;

      ll_pdf_document_get_page_size (self->document, i, &width, &height);
      self->widths[i] = MAX (1, (int) round (width * scale));
      self->heights[i] = MAX (1, (int) round (height * scale));
      self->offsets[i] = y;
      y += self->heights[i] + SPACING;
      max_width = MAX (max_width, self->widths[i]);
    }

  self->offsets[self->n_pages] = y - SPACING + MARGIN;
  self->content_height = self->offsets[self->n_pages];
  self->content_width = max_width + 2 * MARGIN;
  if (self->layout_zoom > 0)
    self->zoom_changed_at = g_get_monotonic_time ();
  self->layout_zoom = zoom;
}

static double
clamp_zoom (double zoom)
{
  return CLAMP (zoom, LL_PDF_MIN_ZOOM, LL_PDF_MAX_ZOOM);
}

static double
fit_zoom (LlPdfCanvas *self,
          int          width,
          int          height)
{
  double page_width, page_height;
  double zoom;

  ll_pdf_document_get_max_page_size (self->document, &page_width, &page_height);
  zoom = (width - 2 * MARGIN) / (page_width * PX_PER_PT);
  if (self->fit_mode == LL_PDF_FIT_PAGE && height > 0)
    zoom = MIN (zoom, (height - 2 * MARGIN) / (page_height * PX_PER_PT));

  return clamp_zoom (zoom);
}

static int
page_x (LlPdfCanvas *self,
        guint        page,
        int          viewport_width)
{
  return (MAX (self->content_width, viewport_width) - self->widths[page]) / 2;
}

/* The page at @y in content coordinates; a gap belongs to the page above. */
static guint
page_at_y (LlPdfCanvas *self,
           double       y)
{
  guint lo = 0, hi = self->n_pages;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (self->offsets[mid] <= y)
        lo = mid;
      else
        hi = mid;
    }

  return lo;
}

static void
visible_pages (LlPdfCanvas *self,
               guint       *first,
               guint       *last)
{
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page_size = gtk_adjustment_get_page_size (self->vadjustment);

  *first = page_at_y (self, value);
  *last = page_at_y (self, value + MAX (page_size, 1) - 1);
}

static guint
render_width (LlPdfCanvas *self,
              guint        page,
              int          scale)
{
  double page_width, page_height;
  double width = (double) self->widths[page] * scale;

  ll_pdf_document_get_page_size (self->document, page, &page_width, &page_height);
  width = MIN (width, MAX_TEXTURE_SIDE);
  width = MIN (width, MAX_TEXTURE_SIDE * page_width / page_height);

  return MAX (1, (guint) width);
}

static gboolean
layout_ready (LlPdfCanvas *self)
{
  return self->document != NULL && self->layout_zoom > 0 && self->layout_zoom == self->zoom;
}

static void
capture_anchor (LlPdfCanvas *self,
                double       vx,
                double       vy)
{
  double y = gtk_adjustment_get_value (self->vadjustment) + vy;
  double x = gtk_adjustment_get_value (self->hadjustment) + vx;
  guint page;

  if (self->document == NULL || self->layout_zoom <= 0)
    return;

  page = page_at_y (self, y);
  self->anchor.set = TRUE;
  self->anchor.page = page;
  self->anchor.fy = (y - self->offsets[page]) / self->heights[page];
  self->anchor.fx = (x - page_x (self, page, gtk_widget_get_width (GTK_WIDGET (self)))) /
                    self->widths[page];
  self->anchor.vx = vx;
  self->anchor.vy = vy;
}

static void
set_adjustment (LlPdfCanvas   *self,
                GtkAdjustment *adjustment,
                double         value,
                double         upper,
                double         page_size)
{
  value = CLAMP (value, 0, MAX (0, upper - page_size));

  self->scrolling++;
  gtk_adjustment_configure (adjustment, value, 0, upper,
                            SCROLL_STEP, page_size * 0.9, page_size);
  self->scrolling--;
}

static void
set_page_internal (LlPdfCanvas *self,
                   guint        page)
{
  if (self->page == page)
    return;

  self->page = page;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
update_page_from_scroll (LlPdfCanvas *self)
{
  double value = gtk_adjustment_get_value (self->vadjustment);
  double page_size = gtk_adjustment_get_page_size (self->vadjustment);
  double upper = gtk_adjustment_get_upper (self->vadjustment);

  if (!layout_ready (self))
    return;

  /* The page under the middle of the view; the ends of the document
   * count as their first and last pages. */
  if (value <= 0.5)
    set_page_internal (self, 0);
  else if (value + page_size >= upper - 0.5)
    set_page_internal (self, self->n_pages - 1);
  else
    set_page_internal (self, page_at_y (self, value + page_size / 2));
}

static void
scroll_to_match_now (LlPdfCanvas *self,
                     guint        index)
{
  const LlPdfMatch *match;
  const graphene_rect_t *rect;
  double page_width, page_height;
  double x, y, width, height;
  double sx, sy;
  int viewport_width = gtk_widget_get_width (GTK_WIDGET (self));
  int viewport_height = gtk_widget_get_height (GTK_WIDGET (self));
  double hvalue = gtk_adjustment_get_value (self->hadjustment);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);

  if (self->matches == NULL || index >= self->matches->matches->len)
    return;

  match = &g_array_index (self->matches->matches, LlPdfMatch, index);
  rect = &g_array_index (self->matches->rects, graphene_rect_t, match->first_rect);
  ll_pdf_document_get_page_size (self->document, match->page, &page_width, &page_height);
  sx = self->widths[match->page] / page_width;
  sy = self->heights[match->page] / page_height;

  x = page_x (self, match->page, viewport_width) + rect->origin.x * sx;
  y = self->offsets[match->page] + rect->origin.y * sy;
  width = rect->size.width * sx;
  height = rect->size.height * sy;

  if (y < vvalue + viewport_height * 0.1 || y + height > vvalue + viewport_height * 0.9)
    vvalue = y - viewport_height / 3.0;
  if (x < hvalue || x + width > hvalue + viewport_width)
    hvalue = x - viewport_width / 2.0;

  set_adjustment (self, self->vadjustment, vvalue,
                  gtk_adjustment_get_upper (self->vadjustment), viewport_height);
  set_adjustment (self, self->hadjustment, hvalue,
                  gtk_adjustment_get_upper (self->hadjustment), viewport_width);
  set_page_internal (self, match->page);
}

/* Requests */

static gboolean
settle_cb (gpointer data)
{
  LlPdfCanvas *self = data;

  self->settle_source = 0;
  update_requests (self);

  return G_SOURCE_REMOVE;
}

/* Whether to wait with rendering because the zoom is still changing;
 * a page with nothing to show scaled is rendered at once. */
static gboolean
wait_for_zoom (LlPdfCanvas *self,
               guint        page)
{
  if (g_get_monotonic_time () - self->zoom_changed_at >= SETTLE_MS * 1000 ||
      ll_pdf_document_lookup (self->document, page, 1, NULL) == NULL)
    return FALSE;

  if (self->settle_source == 0)
    self->settle_source = g_timeout_add (SETTLE_MS, settle_cb, self);

  return TRUE;
}

static void
update_requests (LlPdfCanvas *self)
{
  static const int prefetch[] = { 1, -1, 2 };
  int scale;
  guint first, last;

  if (!layout_ready (self) || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  visible_pages (self, &first, &last);
  ll_pdf_document_keep (self->document, first, last);

  if (wait_for_zoom (self, first))
    {
      /* Nothing at an old zoom is worth rendering now. */
      ll_pdf_document_cancel (self->document, self, 1, 0);
      return;
    }

  for (guint i = first; i <= last; i++)
    ll_pdf_document_request (self->document, self, i, render_width (self, i, scale),
                             LL_PDF_PRIORITY_VISIBLE);

  for (guint i = 0; i < G_N_ELEMENTS (prefetch); i++)
    {
      gint64 page = prefetch[i] > 0 ? (gint64) last + prefetch[i] : (gint64) first + prefetch[i];

      if (page >= 0 && page < self->n_pages)
        ll_pdf_document_request (self->document, self, page, render_width (self, page, scale),
                                 LL_PDF_PRIORITY_PREFETCH);
    }

  ll_pdf_document_cancel (self->document, self, first >= 2 ? first - 2 : 0, last + 3);
}

/* Callbacks */

static gboolean
notify_zoom_cb (gpointer data)
{
  LlPdfCanvas *self = data;

  self->notify_zoom_source = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);

  return G_SOURCE_REMOVE;
}

static void
adjustment_value_changed_cb (LlPdfCanvas   *self,
                             GtkAdjustment *adjustment)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));

  if (self->scrolling == 0 && adjustment == self->vadjustment)
    update_page_from_scroll (self);

  update_requests (self);
}

static void
page_rendered_cb (LlPdfCanvas   *self,
                  guint          page,
                  guint          width,
                  LlPdfDocument *document)
{
  guint first, last;

  if (!layout_ready (self))
    return;

  visible_pages (self, &first, &last);
  if (page >= first && page <= last)
    gtk_widget_queue_draw (GTK_WIDGET (self));
}

static gboolean
scroll_cb (LlPdfCanvas              *self,
           double                    dx,
           double                    dy,
           GtkEventControllerScroll *controller)
{
  GdkModifierType state;
  double factor;
  double vx, vy;

  state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  if ((state & GDK_CONTROL_MASK) == 0 || self->document == NULL)
    return FALSE;

  if (gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL)
    factor = pow (1.2, -dy);
  else
    factor = exp (-dy * 0.01);

  vx = self->has_pointer ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  vy = self->has_pointer ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;

  capture_anchor (self, vx, vy);
  ll_pdf_canvas_set_zoom (self, self->zoom * factor);

  return TRUE;
}

static void
motion_cb (LlPdfCanvas              *self,
           double                    x,
           double                    y,
           GtkEventControllerMotion *controller)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->has_pointer = TRUE;
}

static void
leave_cb (LlPdfCanvas              *self,
          GtkEventControllerMotion *controller)
{
  self->has_pointer = FALSE;
}

static void
pressed_cb (LlPdfCanvas *self,
            int          n_press,
            double       x,
            double       y,
            GtkGesture  *gesture)
{
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

static gboolean
key_pressed_cb (LlPdfCanvas           *self,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                GtkEventControllerKey *controller)
{
  GtkAdjustment *adjustment = self->vadjustment;
  double delta;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      delta = -SCROLL_STEP;
      break;
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      delta = SCROLL_STEP;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      adjustment = self->hadjustment;
      delta = -SCROLL_STEP;
      break;
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      adjustment = self->hadjustment;
      delta = SCROLL_STEP;
      break;
    case GDK_KEY_space:
      delta = (state & GDK_SHIFT_MASK) ? -gtk_adjustment_get_page_increment (adjustment)
                                       : gtk_adjustment_get_page_increment (adjustment);
      break;
    default:
      return FALSE;
    }

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment) + delta);
  return TRUE;
}

/* Scrollable */

static void
set_adjustment_property (LlPdfCanvas    *self,
                         GtkAdjustment **slot,
                         GtkAdjustment  *adjustment)
{
  if (adjustment != NULL && *slot == adjustment)
    return;

  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, adjustment_value_changed_cb, self);
      g_clear_object (slot);
    }

  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);

  *slot = g_object_ref_sink (adjustment);
  g_signal_connect_swapped (adjustment, "value-changed",
                            G_CALLBACK (adjustment_value_changed_cb), self);
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

/* Overrides */

static void
ll_pdf_canvas_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  LlPdfCanvas *self = LL_PDF_CANVAS (widget);
  double zoom = self->zoom;
  double scale;

  /* The size the pages will have at this width, so that the scrolled
   * window shows the scrollbars the adjustments will want. */
  *minimum = *natural = 0;
  if (self->document == NULL)
    return;

  if (self->fit_mode == LL_PDF_FIT_WIDTH)
    {
      if (orientation == GTK_ORIENTATION_HORIZONTAL)
        return;
      if (for_size > 0)
        zoom = fit_zoom (self, for_size, 0);
    }
  scale = zoom * PX_PER_PT;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      double width, height;

      ll_pdf_document_get_max_page_size (self->document, &width, &height);
      *natural = (int) round (width * scale) + 2 * MARGIN;
    }
  else
    {
      int total = 2 * MARGIN - SPACING;

      for (guint i = 0; i < self->n_pages; i++)
        {
          double width, height;

          ll_pdf_document_get_page_size (self->document, i, &width, &height);
          total += MAX (1, (int) round (height * scale)) + SPACING;
        }
      *natural = total;
    }
}

static void
ll_pdf_canvas_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  LlPdfCanvas *self = LL_PDF_CANVAS (widget);
  double vvalue = gtk_adjustment_get_value (self->vadjustment);
  double hvalue = gtk_adjustment_get_value (self->hadjustment);

  if (self->document == NULL)
    {
      set_adjustment (self, self->vadjustment, 0, height, height);
      set_adjustment (self, self->hadjustment, 0, width, width);
      return;
    }

  if (self->fit_mode != LL_PDF_FIT_NONE)
    {
      double zoom = fit_zoom (self, width, height);

      if (fabs (zoom - self->zoom) > 1e-9)
        {
          self->zoom = zoom;
          /* Not while allocating: the zoom label would queue a resize. */
          if (self->notify_zoom_source == 0)
            self->notify_zoom_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, notify_zoom_cb,
                                                        self, NULL);
        }
    }

  if (self->layout_zoom != self->zoom)
    {
      /* Keep what is in the middle of the view where it is. */
      if (self->layout_zoom > 0 && !self->anchor.set && self->pending_page < 0)
        capture_anchor (self,
                        gtk_adjustment_get_page_size (self->hadjustment) / 2,
                        gtk_adjustment_get_page_size (self->vadjustment) / 2);
      relayout (self, self->zoom);
    }

  if (self->pending_page >= 0)
    {
      vvalue = self->offsets[self->pending_page] - MARGIN;
    }
  else if (self->anchor.set)
    {
      guint page = self->anchor.page;

      vvalue = self->offsets[page] + self->anchor.fy * self->heights[page] - self->anchor.vy;
      hvalue = page_x (self, page, width) + self->anchor.fx * self->widths[page] - self->anchor.vx;
    }

  set_adjustment (self, self->vadjustment, vvalue, self->content_height, height);
  set_adjustment (self, self->hadjustment, hvalue, MAX (self->content_width, width), width);

  self->pending_page = -1;
  self->anchor.set = FALSE;

  if (self->pending_match >= 0)
    {
      scroll_to_match_now (self, self->pending_match);
      self->pending_match = -1;
    }

  update_requests (self);
}

static void
ll_pdf_canvas_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  LlPdfCanvas *self = LL_PDF_CANVAS (widget);
  static const GdkRGBA white = { 1, 1, 1, 1 };
  static const GdkRGBA shadow = { 0, 0, 0, 0.25 };
  static const GdkRGBA hit = { 1.0, 0.80, 0.0, 0.35 };
  static const GdkRGBA current_hit = { 1.0, 0.50, 0.0, 0.45 };
  static const GdkRGBA current_border = { 0.85, 0.35, 0.0, 1.0 };
  int width = gtk_widget_get_width (widget);
  int scale = gtk_widget_get_scale_factor (widget);
  double hvalue, vvalue;
  guint first, last;

  if (!layout_ready (self))
    return;

  hvalue = gtk_adjustment_get_value (self->hadjustment);
  vvalue = gtk_adjustment_get_value (self->vadjustment);
  visible_pages (self, &first, &last);

  for (guint i = first; i <= last; i++)
    {
      graphene_rect_t rect;
      GskRoundedRect outline;
      GdkTexture *texture;
      gboolean exact = FALSE;

      graphene_rect_init (&rect,
                          page_x (self, i, width) - round (hvalue),
                          self->offsets[i] - round (vvalue),
                          self->widths[i],
                          self->heights[i]);
      gsk_rounded_rect_init_from_rect (&outline, &rect, 0);
      gtk_snapshot_append_outset_shadow (snapshot, &outline, &shadow, 0, 1, 0, 3);
      gtk_snapshot_append_color (snapshot, &white, &rect);

      texture = ll_pdf_document_lookup (self->document, i, render_width (self, i, scale), &exact);
      if (texture != NULL)
        gtk_snapshot_append_texture (snapshot, texture, &rect);

      /* Evicted meanwhile, or the cache limit went down. */
      if (!exact && !wait_for_zoom (self, i))
        ll_pdf_document_request (self->document, self, i, render_width (self, i, scale),
                                 LL_PDF_PRIORITY_VISIBLE);

      if (exact && !self->first_drawn)
        {
          self->first_drawn = TRUE;
          g_signal_emit (self, signals[FIRST_PAGE_DRAWN], 0);
        }

      if (self->matches != NULL)
        {
          double page_width, page_height;
          guint n;
          guint m = ll_pdf_matches_find_page (self->matches, i, &n);

          ll_pdf_document_get_page_size (self->document, i, &page_width, &page_height);

          for (guint end = m + n; m < end; m++)
            {
              const LlPdfMatch *match = &g_array_index (self->matches->matches, LlPdfMatch, m);
              gboolean current = (int) m == self->current_match;

              for (guint r = 0; r < match->n_rects; r++)
                {
                  const graphene_rect_t *box = &g_array_index (self->matches->rects,
                                                               graphene_rect_t,
                                                               match->first_rect + r);
                  double sx = rect.size.width / page_width;
                  double sy = rect.size.height / page_height;
                  graphene_rect_t area;

                  graphene_rect_init (&area,
                                      rect.origin.x + box->origin.x * sx - 1,
                                      rect.origin.y + box->origin.y * sy - 1,
                                      box->size.width * sx + 2,
                                      box->size.height * sy + 2);
                  gtk_snapshot_append_color (snapshot, current ? &current_hit : &hit, &area);

                  if (current)
                    {
                      static const float border_widths[4] = { 2, 2, 2, 2 };
                      const GdkRGBA border_colors[4] = {
                        current_border, current_border, current_border, current_border
                      };
                      GskRoundedRect border;

                      gsk_rounded_rect_init_from_rect (&border, &area, 2);
                      gtk_snapshot_append_border (snapshot, &border, border_widths, border_colors);
                    }
                }
            }
        }
    }
}

static void
ll_pdf_canvas_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (ll_pdf_canvas_parent_class)->map (widget);

  update_requests (LL_PDF_CANVAS (widget));
}

static void
scale_factor_changed_cb (LlPdfCanvas *self)
{
  gtk_widget_queue_allocate (GTK_WIDGET (self));
}

static void
ll_pdf_canvas_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  LlPdfCanvas *self = LL_PDF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      g_value_set_double (value, self->zoom);
      break;
    case PROP_FIT_MODE:
      g_value_set_enum (value, self->fit_mode);
      break;
    case PROP_PAGE:
      g_value_set_uint (value, self->page);
      break;
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pdf_canvas_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  LlPdfCanvas *self = LL_PDF_CANVAS (object);

  switch (prop_id)
    {
    case PROP_ZOOM:
      ll_pdf_canvas_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_MODE:
      ll_pdf_canvas_set_fit_mode (self, g_value_get_enum (value));
      break;
    case PROP_PAGE:
      ll_pdf_canvas_set_page (self, g_value_get_uint (value));
      break;
    case PROP_HADJUSTMENT:
      set_adjustment_property (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment_property (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pdf_canvas_dispose (GObject *object)
{
  LlPdfCanvas *self = LL_PDF_CANVAS (object);

  ll_pdf_canvas_set_document (self, NULL);
  g_clear_handle_id (&self->notify_zoom_source, g_source_remove);
  g_clear_handle_id (&self->settle_source, g_source_remove);

  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);

  G_OBJECT_CLASS (ll_pdf_canvas_parent_class)->dispose (object);
}

static void
ll_pdf_canvas_class_init (LlPdfCanvasClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_pdf_canvas_dispose;
  object_class->get_property = ll_pdf_canvas_get_property;
  object_class->set_property = ll_pdf_canvas_set_property;

  widget_class->measure = ll_pdf_canvas_measure;
  widget_class->size_allocate = ll_pdf_canvas_size_allocate;
  widget_class->snapshot = ll_pdf_canvas_snapshot;
  widget_class->map = ll_pdf_canvas_map;

  /**
   * LlPdfCanvas:zoom:
   *
   * 1.0 shows a page at its printed size on a 96 dpi screen.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, LL_PDF_MIN_ZOOM, LL_PDF_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIT_MODE] =
    g_param_spec_enum ("fit-mode", NULL, NULL, LL_TYPE_PDF_FIT_MODE, LL_PDF_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPdfCanvas:page:
   *
   * The current page, 0-based: the one in the middle of the view.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * LlPdfCanvas::first-page-drawn:
   *
   * A page of a new document was drawn rendered at the current zoom
   * for the first time.
   */
  signals[FIRST_PAGE_DRAWN] = g_signal_new ("first-page-drawn", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                            G_TYPE_NONE, 0);

  gtk_widget_class_set_css_name (widget_class, "ll-pdf-canvas");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ll_pdf_canvas_init (LlPdfCanvas *self)
{
  GtkEventController *controller;
  GtkGesture *gesture;

  self->zoom = 1.0;
  self->fit_mode = LL_PDF_FIT_WIDTH;
  self->hscroll_policy = GTK_SCROLL_NATURAL;
  self->vscroll_policy = GTK_SCROLL_NATURAL;
  self->pending_page = -1;
  self->pending_match = -1;
  self->current_match = -1;

  set_adjustment_property (self, &self->hadjustment, NULL);
  set_adjustment_property (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  g_signal_connect_swapped (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect_swapped (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect_swapped (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  gesture = gtk_gesture_click_new ();
  g_signal_connect_swapped (gesture, "pressed", G_CALLBACK (pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_key_new ();
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);

  g_signal_connect (self, "notify::scale-factor", G_CALLBACK (scale_factor_changed_cb), NULL);
}

GtkWidget *
ll_pdf_canvas_new (void)
{
  return g_object_new (LL_TYPE_PDF_CANVAS, NULL);
}

/**
 * ll_pdf_canvas_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
LlPdfDocument *
ll_pdf_canvas_get_document (LlPdfCanvas *self)
{
  g_return_val_if_fail (LL_IS_PDF_CANVAS (self), NULL);

  return self->document;
}

/**
 * ll_pdf_canvas_set_document:
 * @document: (nullable): what to show; it opens at its first page
 */
void
ll_pdf_canvas_set_document (LlPdfCanvas   *self,
                            LlPdfDocument *document)
{
  g_return_if_fail (LL_IS_PDF_CANVAS (self));
  g_return_if_fail (document == NULL || LL_IS_PDF_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      ll_pdf_document_cancel (self->document, self, 1, 0);
      g_clear_signal_handler (&self->rendered_handler, self->document);
      g_clear_object (&self->document);
    }

  g_clear_pointer (&self->matches, ll_pdf_matches_unref);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->heights, g_free);
  g_clear_pointer (&self->offsets, g_free);
  self->n_pages = 0;
  self->layout_zoom = 0;
  self->content_width = self->content_height = 0;
  self->current_match = -1;
  self->pending_match = -1;
  self->anchor.set = FALSE;
  self->first_drawn = FALSE;

  if (document != NULL)
    {
      self->document = g_object_ref (document);
      self->n_pages = ll_pdf_document_get_n_pages (document);
      self->widths = g_new0 (int, self->n_pages);
      self->heights = g_new0 (int, self->n_pages);
      self->offsets = g_new0 (int, self->n_pages + 1);
      self->rendered_handler = g_signal_connect_swapped (document, "page-rendered",
                                                         G_CALLBACK (page_rendered_cb), self);
      self->pending_page = 0;
    }
  else
    {
      self->pending_page = -1;
    }

  set_page_internal (self, 0);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

double
ll_pdf_canvas_get_zoom (LlPdfCanvas *self)
{
  g_return_val_if_fail (LL_IS_PDF_CANVAS (self), 1.0);

  return self->zoom;
}

/**
 * ll_pdf_canvas_set_zoom:
 *
 * Sets the zoom and leaves the fit modes, keeping the middle of the view
 * (or the point under the pointer for Ctrl+scroll) in place.
 */
void
ll_pdf_canvas_set_zoom (LlPdfCanvas *self,
                        double       zoom)
{
  g_return_if_fail (LL_IS_PDF_CANVAS (self));

  zoom = clamp_zoom (zoom);

  if (self->fit_mode != LL_PDF_FIT_NONE)
    {
      self->fit_mode = LL_PDF_FIT_NONE;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_MODE]);
    }

  if (zoom == self->zoom)
    return;

  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

LlPdfFitMode
ll_pdf_canvas_get_fit_mode (LlPdfCanvas *self)
{
  g_return_val_if_fail (LL_IS_PDF_CANVAS (self), LL_PDF_FIT_NONE);

  return self->fit_mode;
}

void
ll_pdf_canvas_set_fit_mode (LlPdfCanvas  *self,
                            LlPdfFitMode  fit_mode)
{
  g_return_if_fail (LL_IS_PDF_CANVAS (self));

  if (self->fit_mode == fit_mode)
    return;

  self->fit_mode = fit_mode;
  /* A whole page in view: the current one. */
  if (fit_mode == LL_PDF_FIT_PAGE && self->document != NULL)
    self->pending_page = self->page;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_MODE]);
}

guint
ll_pdf_canvas_get_page (LlPdfCanvas *self)
{
  g_return_val_if_fail (LL_IS_PDF_CANVAS (self), 0);

  return self->page;
}

/**
 * ll_pdf_canvas_set_page:
 *
 * Scrolls to the top of @page.
 */
void
ll_pdf_canvas_set_page (LlPdfCanvas *self,
                        guint        page)
{
  g_return_if_fail (LL_IS_PDF_CANVAS (self));

  if (self->document == NULL)
    return;

  page = MIN (page, self->n_pages - 1);
  self->pending_match = -1;
  set_page_internal (self, page);

  /* Scrolling is a matter of the adjustment once the pages are laid
   * out; before that, the next allocation does it. */
  if (layout_ready (self) && self->pending_page < 0 && !self->anchor.set)
    {
      self->scrolling++;
      gtk_adjustment_set_value (self->vadjustment, self->offsets[page] - MARGIN);
      self->scrolling--;
    }
  else
    {
      self->pending_page = page;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

/**
 * ll_pdf_canvas_set_matches:
 * @matches: (nullable): the hits to highlight
 * @current: the index of the current hit, drawn stronger, or -1
 */
void
ll_pdf_canvas_set_matches (LlPdfCanvas  *self,
                           LlPdfMatches *matches,
                           int           current)
{
  g_return_if_fail (LL_IS_PDF_CANVAS (self));

  if (matches != self->matches)
    {
      g_clear_pointer (&self->matches, ll_pdf_matches_unref);
      self->matches = matches ? ll_pdf_matches_ref (matches) : NULL;
    }
  self->current_match = current;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * ll_pdf_canvas_scroll_to_match:
 *
 * Brings hit @match into view and makes its page current.
 */
void
ll_pdf_canvas_scroll_to_match (LlPdfCanvas *self,
                               guint        match)
{
  g_return_if_fail (LL_IS_PDF_CANVAS (self));

  if (self->matches == NULL || match >= self->matches->matches->len)
    return;

  /* The page becomes current at once, the scrolling follows. */
  set_page_internal (self, g_array_index (self->matches->matches, LlPdfMatch, match).page);

  if (layout_ready (self) && self->pending_page < 0 &&
      gtk_widget_get_width (GTK_WIDGET (self)) > 0)
    {
      scroll_to_match_now (self, match);
    }
  else
    {
      self->pending_match = match;
      self->pending_page = -1;
      gtk_widget_queue_allocate (GTK_WIDGET (self));
    }
}

/**
 * ll_pdf_canvas_page_is_rendered:
 *
 * Returns: whether @page is in the cache at the size it is shown at
 */
gboolean
ll_pdf_canvas_page_is_rendered (LlPdfCanvas *self,
                                guint        page)
{
  gboolean exact = FALSE;
  int scale;

  g_return_val_if_fail (LL_IS_PDF_CANVAS (self), FALSE);

  if (!layout_ready (self) || page >= self->n_pages)
    return FALSE;

  scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  ll_pdf_document_lookup (self->document, page, render_width (self, page, scale), &exact);
  return exact;
}

/**
 * ll_pdf_canvas_get_page_rect:
 * @rect: (out): where @page is drawn, in the canvas's coordinates
 *
 * Returns: whether the pages are laid out at the current zoom
 */
gboolean
ll_pdf_canvas_get_page_rect (LlPdfCanvas     *self,
                             guint            page,
                             graphene_rect_t *rect)
{
  g_return_val_if_fail (LL_IS_PDF_CANVAS (self), FALSE);

  if (!layout_ready (self) || page >= self->n_pages)
    return FALSE;

  graphene_rect_init (rect,
                      page_x (self, page, gtk_widget_get_width (GTK_WIDGET (self))) -
                        round (gtk_adjustment_get_value (self->hadjustment)),
                      self->offsets[page] - round (gtk_adjustment_get_value (self->vadjustment)),
                      self->widths[page],
                      self->heights[page]);
  return TRUE;
}

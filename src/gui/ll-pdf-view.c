/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-pdf-view"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>

#include "ll-pdf-canvas.h"
#include "ll-pdf-view.h"

/* The PDF preview: a toolbar, a find bar, the pages (LlPdfCanvas) and a
 * thumbnails sidebar, or a status page saying why a file cannot be
 * shown. The Reports page and case attachments embed it; the host
 * window keeps its own header bar.
 *
 * What is printed is the previewed file itself: Poppler draws its pages
 * into the print context, and Save As copies its bytes. */

#define THUMBNAIL_WIDTH 120
#define ZOOM_STEP 1.2

struct _LlPdfView
{
  GtkWidget parent_instance;

  /* Template widgets */
  GtkWidget          *box;
  GtkWidget          *toolbar;
  GtkToggleButton    *thumbnails_button;
  GtkEntry           *page_entry;
  GtkLabel           *n_pages_label;
  GtkLabel           *zoom_label;
  GtkSearchBar       *search_bar;
  GtkSearchEntry     *search_entry;
  GtkLabel           *matches_label;
  GtkStack           *stack;
  GtkSpinner         *spinner;
  AdwStatusPage      *error_page;
  AdwFlap            *flap;
  GtkScrolledWindow  *scroller;
  LlPdfCanvas        *canvas;
  GtkListView        *thumbnails;

  /* Owned */
  LlPdfDocument      *document;
  GFile              *file;
  char               *name;
  GError             *error;
  GCancellable       *load_cancellable;
  GCancellable       *find_cancellable;
  LlPdfMatches       *matches;
  GtkStringList      *pages_model;
  GtkSingleSelection *selection;
  GHashTable         *bound_thumbnails;   /* page → GtkListItem */
  GtkNativeDialog    *save_dialog;
  GtkPrintOperation  *print_operation;
  char               *temp_path;
  gint64              load_started;
  int                 current_match;
  gboolean            show_thumbnails;
  gboolean            selecting;
};

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_FILE,
  PROP_LOADING,
  PROP_ERROR,
  PROP_N_PAGES,
  PROP_PAGE,
  PROP_ZOOM,
  PROP_FIT_MODE,
  PROP_SHOW_THUMBNAILS,
  PROP_MATCH_COUNT,
  PROP_CURRENT_MATCH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LlPdfView, ll_pdf_view, GTK_TYPE_WIDGET)

static void update_thumbnail     (LlPdfView          *self,
                                  GtkListItem        *item);
static void page_rendered_cb     (LlPdfView          *self,
                                  guint               page,
                                  guint               width,
                                  LlPdfDocument      *document);
static void selection_changed_cb (LlPdfView          *self,
                                  GParamSpec         *pspec,
                                  GtkSingleSelection *selection);

/* Helpers */

static GtkWindow *
get_window (LlPdfView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
show_message (LlPdfView  *self,
              const char *heading,
              const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
update_actions (LlPdfView *self)
{
  gboolean ready = self->document != NULL;
  guint n_pages = ready ? ll_pdf_document_get_n_pages (self->document) : 0;
  guint page = ll_pdf_canvas_get_page (self->canvas);
  double zoom = ll_pdf_canvas_get_zoom (self->canvas);
  gboolean have_matches = self->matches != NULL && self->matches->matches->len > 0;
  static const char *document_actions[] = {
    "pdf.fit-width", "pdf.fit-page", "pdf.fit-mode", "pdf.zoom-to", "pdf.find",
    "pdf.save-as", "pdf.open-with", "pdf.go-to-page",
  };

  for (guint i = 0; i < G_N_ELEMENTS (document_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), document_actions[i], ready);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.print",
                                 ready && self->print_operation == NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-in",
                                 ready && zoom < LL_PDF_MAX_ZOOM - 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.zoom-out",
                                 ready && zoom > LL_PDF_MIN_ZOOM + 1e-6);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.previous-page", ready && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.first-page", ready && page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.next-page", ready && page + 1 < n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.last-page", ready && page + 1 < n_pages);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-next", have_matches);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "pdf.find-previous", have_matches);
}

static void
update_page_label (LlPdfView *self)
{
  g_autofree char *number = NULL;
  g_autofree char *of = NULL;
  g_autofree char *tooltip = NULL;
  guint n_pages;
  guint page;

  if (self->document == NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->page_entry), "");
      gtk_label_set_text (self->n_pages_label, "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_entry), NULL);
      return;
    }

  n_pages = ll_pdf_document_get_n_pages (self->document);
  page = ll_pdf_canvas_get_page (self->canvas);
  number = g_strdup_printf ("%u", page + 1);
  /* Translators: follows the entry with the current page number, as in
   * “[3] of 8”; %u is the number of pages */
  of = g_strdup_printf (_("of %u"), n_pages);
  /* Translators: the first %u is the current page, the second the number of pages */
  tooltip = g_strdup_printf (_("Page %u of %u"), page + 1, n_pages);

  gtk_editable_set_text (GTK_EDITABLE (self->page_entry), number);
  gtk_label_set_text (self->n_pages_label, of);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->page_entry), tooltip);
}

static void
update_zoom_label (LlPdfView *self)
{
  g_autofree char *text = NULL;

  /* Translators: the zoom level, e.g. “125%” */
  text = g_strdup_printf (_("%.0f%%"), round (ll_pdf_canvas_get_zoom (self->canvas) * 100));
  gtk_label_set_text (self->zoom_label, text);
}

static void
update_matches_label (LlPdfView *self)
{
  g_autofree char *label = NULL;
  guint n;

  if (self->matches == NULL || self->matches->text == NULL || self->matches->text[0] == '\0')
    {
      gtk_label_set_text (self->matches_label, "");
      return;
    }

  n = self->matches->matches->len;
  if (n == 0)
    label = g_strdup (_("No matches"));
  else
    /* Translators: “3 of 12 matches”, the current find hit and how many there are */
    label = g_strdup_printf (ngettext ("%u of %u match", "%u of %u matches", n),
                             (guint) self->current_match + 1, n);

  gtk_label_set_text (self->matches_label, label);
}

static void
select_thumbnail (LlPdfView *self)
{
  guint page = ll_pdf_canvas_get_page (self->canvas);

  if (self->selection == NULL || self->document == NULL)
    return;

  self->selecting = TRUE;
  gtk_single_selection_set_selected (self->selection, page);
  self->selecting = FALSE;

  if (self->show_thumbnails)
    gtk_widget_activate_action (GTK_WIDGET (self->thumbnails), "list.scroll-to-item", "u", page);
}

static void
set_matches (LlPdfView    *self,
             LlPdfMatches *matches,
             gboolean      move)
{
  guint n = matches ? matches->matches->len : 0;
  guint before = self->matches ? self->matches->matches->len : 0;

  if (matches != self->matches)
    {
      g_clear_pointer (&self->matches, ll_pdf_matches_unref);
      self->matches = matches ? ll_pdf_matches_ref (matches) : NULL;
    }

  /* Start from the current page, as readers expect. */
  self->current_match = -1;
  if (n > 0)
    {
      guint page = ll_pdf_canvas_get_page (self->canvas);
      guint first = ll_pdf_matches_find_page (matches, page, NULL);

      self->current_match = first < n ? (int) first : 0;
    }

  ll_pdf_canvas_set_matches (self->canvas, self->matches, self->current_match);
  if (move && self->current_match >= 0)
    ll_pdf_canvas_scroll_to_match (self->canvas, self->current_match);

  update_matches_label (self);
  update_actions (self);

  if (n != before)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MATCH_COUNT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
}

static void
move_match (LlPdfView *self,
            int        delta)
{
  int n;

  if (self->matches == NULL || self->matches->matches->len == 0)
    return;

  n = self->matches->matches->len;
  self->current_match = ((self->current_match + delta) % n + n) % n;
  ll_pdf_canvas_set_matches (self->canvas, self->matches, self->current_match);
  ll_pdf_canvas_scroll_to_match (self->canvas, self->current_match);
  update_matches_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CURRENT_MATCH]);
}

static void
cancel_find (LlPdfView *self)
{
  g_cancellable_cancel (self->find_cancellable);
  g_clear_object (&self->find_cancellable);
}

static void
set_error (LlPdfView    *self,
           const GError *error)
{
  g_clear_error (&self->error);
  if (error != NULL)
    {
      self->error = g_error_copy (error);
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ERROR]);
}

static void
set_document (LlPdfView     *self,
              LlPdfDocument *document)
{
  guint n_pages = document ? ll_pdf_document_get_n_pages (document) : 0;

  cancel_find (self);
  set_matches (self, NULL, FALSE);

  g_hash_table_remove_all (self->bound_thumbnails);
  gtk_list_view_set_model (self->thumbnails, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->pages_model);

  if (self->document != NULL)
    {
      ll_pdf_document_cancel (self->document, self->thumbnails, 1, 0);
      g_signal_handlers_disconnect_by_func (self->document, page_rendered_cb, self);
    }
  g_set_object (&self->document, document);
  if (document != NULL)
    g_signal_connect_object (document, "page-rendered", G_CALLBACK (page_rendered_cb), self,
                             G_CONNECT_SWAPPED);
  ll_pdf_canvas_set_document (self->canvas, document);

  if (document != NULL)
    {
      g_autoptr(GPtrArray) labels = g_ptr_array_new_full (n_pages + 1, g_free);

      for (guint i = 0; i < n_pages; i++)
        g_ptr_array_add (labels, g_strdup_printf ("%u", i + 1));
      g_ptr_array_add (labels, NULL);

      self->pages_model = gtk_string_list_new ((const char * const *) labels->pdata);
      self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->pages_model)));
      gtk_single_selection_set_can_unselect (self->selection, FALSE);
      g_signal_connect_object (self->selection, "notify::selected",
                               G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
      gtk_list_view_set_model (self->thumbnails, GTK_SELECTION_MODEL (self->selection));
      gtk_stack_set_visible_child_name (self->stack, "pages");
    }

  /* Nothing to page through, zoom or find without a document. */
  gtk_widget_set_visible (self->toolbar, document != NULL);
  if (document == NULL)
    gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  update_page_label (self);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
begin_load (LlPdfView  *self,
            GFile      *file,
            const char *name)
{
  gboolean was_loading = self->load_cancellable != NULL;

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  set_document (self, NULL);
  if (self->error != NULL)
    set_error (self, NULL);

  if (self->file != file)
    {
      g_set_object (&self->file, file);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
    }
  g_free (self->name);
  self->name = g_strdup (name);

  self->load_cancellable = g_cancellable_new ();
  self->load_started = g_get_monotonic_time ();
  gtk_stack_set_visible_child_name (self->stack, "loading");

  if (!was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Thumbnails */

static GdkPaintable *
thumbnail_paintable (GdkTexture *texture,
                     int         width,
                     int         height)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  /* A paintable of the thumbnail's size in application pixels that
   * draws the texture rendered for the screen's scale. */
  gtk_snapshot_append_texture (snapshot, texture, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gtk_snapshot_free_to_paintable (snapshot, &GRAPHENE_SIZE_INIT (width, height));
}

static void
thumbnail_size (LlPdfView *self,
                guint      page,
                int       *width,
                int       *height)
{
  double page_width, page_height;

  ll_pdf_document_get_page_size (self->document, page, &page_width, &page_height);
  if (page_width >= page_height)
    {
      *width = THUMBNAIL_WIDTH;
      *height = MAX (1, (int) round (THUMBNAIL_WIDTH * page_height / page_width));
    }
  else
    {
      *height = (int) round (THUMBNAIL_WIDTH * 1.415);
      *width = MAX (1, (int) round (*height * page_width / page_height));
      if (*width > THUMBNAIL_WIDTH)
        {
          *width = THUMBNAIL_WIDTH;
          *height = MAX (1, (int) round (THUMBNAIL_WIDTH * page_height / page_width));
        }
    }
}

static guint
thumbnail_render_width (LlPdfView *self,
                        int        width)
{
  return width * gtk_widget_get_scale_factor (GTK_WIDGET (self->thumbnails));
}

static void
update_thumbnail (LlPdfView   *self,
                  GtkListItem *item)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  guint page = gtk_list_item_get_position (item);
  g_autoptr(GdkPaintable) paintable = NULL;
  GdkTexture *texture;
  gboolean exact = FALSE;
  int width, height;

  if (self->document == NULL || page >= ll_pdf_document_get_n_pages (self->document))
    return;

  thumbnail_size (self, page, &width, &height);
  gtk_widget_set_size_request (picture, width, height);

  texture = ll_pdf_document_lookup (self->document, page,
                                    thumbnail_render_width (self, width), &exact);
  if (texture != NULL)
    paintable = thumbnail_paintable (texture, width, height);
  gtk_picture_set_paintable (GTK_PICTURE (picture), paintable);

  if (!exact && self->show_thumbnails)
    ll_pdf_document_request (self->document, self->thumbnails, page,
                             thumbnail_render_width (self, width), LL_PDF_PRIORITY_THUMBNAIL);
}

static void
thumbnail_setup_cb (LlPdfView                *self,
                    GtkListItem              *item,
                    GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_add_css_class (box, "ll-pdf-thumbnail");
  gtk_widget_set_halign (picture, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (picture, "page");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), picture);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
thumbnail_bind_cb (LlPdfView                *self,
                   GtkListItem              *item,
                   GtkSignalListItemFactory *factory)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *picture = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_last_child (box);
  guint page = gtk_list_item_get_position (item);
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  g_autofree char *name = NULL;

  /* Translators: the accessible name of a page thumbnail */
  name = g_strdup_printf (_("Page %u"), page + 1);
  gtk_label_set_text (GTK_LABEL (label), number);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);

  g_hash_table_insert (self->bound_thumbnails, GUINT_TO_POINTER (page), item);
  update_thumbnail (self, item);
}

static void
thumbnail_unbind_cb (LlPdfView                *self,
                     GtkListItem              *item,
                     GtkSignalListItemFactory *factory)
{
  GtkWidget *picture = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  guint page = gtk_list_item_get_position (item);

  /* Scrolled out of the sidebar: no need to render it any more. */
  if (g_hash_table_lookup (self->bound_thumbnails, GUINT_TO_POINTER (page)) == item)
    {
      g_hash_table_remove (self->bound_thumbnails, GUINT_TO_POINTER (page));
      if (self->document != NULL)
        ll_pdf_document_cancel_page (self->document, self->thumbnails, page);
    }
  gtk_picture_set_paintable (GTK_PICTURE (picture), NULL);
}

static void
refresh_thumbnails (LlPdfView *self)
{
  GHashTableIter iter;
  gpointer item;

  g_hash_table_iter_init (&iter, self->bound_thumbnails);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    update_thumbnail (self, item);
}

/* Callbacks */

static void
load_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LlPdfView) self = user_data;
  g_autoptr(LlPdfDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  document = ll_pdf_document_new_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->load_cancellable);

  if (document == NULL)
    {
      g_debug ("Cannot show the PDF: %s", error->message);
      set_error (self, error);
    }
  else
    {
      g_debug ("Opened a PDF of %u pages in %.1f ms", ll_pdf_document_get_n_pages (document),
               (g_get_monotonic_time () - self->load_started) / 1000.0);
      set_document (self, document);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

static void
first_page_drawn_cb (LlPdfView   *self,
                     LlPdfCanvas *canvas)
{
  g_debug ("First page shown %.1f ms after loading began",
           (g_get_monotonic_time () - self->load_started) / 1000.0);
}

static void
canvas_page_cb (LlPdfView   *self,
                GParamSpec  *pspec,
                LlPdfCanvas *canvas)
{
  update_page_label (self);
  update_actions (self);
  select_thumbnail (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
canvas_zoom_cb (LlPdfView   *self,
                GParamSpec  *pspec,
                LlPdfCanvas *canvas)
{
  update_zoom_label (self);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
canvas_fit_mode_cb (LlPdfView   *self,
                    GParamSpec  *pspec,
                    LlPdfCanvas *canvas)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIT_MODE]);
}

static void
page_rendered_cb (LlPdfView     *self,
                  guint          page,
                  guint          width,
                  LlPdfDocument *document)
{
  GtkListItem *item = g_hash_table_lookup (self->bound_thumbnails, GUINT_TO_POINTER (page));

  if (item != NULL && document == self->document)
    update_thumbnail (self, item);
}

static void
selection_changed_cb (LlPdfView          *self,
                      GParamSpec         *pspec,
                      GtkSingleSelection *selection)
{
  guint selected = gtk_single_selection_get_selected (selection);

  if (!self->selecting && selected != GTK_INVALID_LIST_POSITION &&
      selected != ll_pdf_canvas_get_page (self->canvas))
    ll_pdf_view_set_page (self, selected);
}

static void
page_entry_activate_cb (LlPdfView *self,
                        GtkEntry  *entry)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry))));
  guint64 number = 0;

  if (self->document != NULL &&
      g_ascii_string_to_unsigned (text, 10, 1, ll_pdf_document_get_n_pages (self->document),
                                  &number, NULL))
    {
      ll_pdf_view_set_page (self, number - 1);
      gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
  else
    {
      gtk_widget_error_bell (GTK_WIDGET (entry));
    }

  update_page_label (self);
}

static void
find_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LlPdfView) self = user_data;
  g_autoptr(LlPdfMatches) matches = NULL;
  g_autoptr(GError) error = NULL;

  matches = ll_pdf_document_find_finish (LL_PDF_DOCUMENT (object), result, &error);
  if (matches == NULL || LL_PDF_DOCUMENT (object) != self->document)
    return;

  g_clear_object (&self->find_cancellable);
  set_matches (self, matches, TRUE);
}

static void
search_changed_cb (LlPdfView      *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  /* Already found, e.g. by ll_pdf_view_find(). */
  if (self->matches != NULL && g_strcmp0 (self->matches->text, text) == 0 &&
      self->find_cancellable == NULL)
    return;

  cancel_find (self);

  if (self->document == NULL || text[0] == '\0')
    {
      set_matches (self, NULL, FALSE);
      return;
    }

  self->find_cancellable = g_cancellable_new ();
  ll_pdf_document_find_async (self->document, text, self->find_cancellable,
                              find_cb, g_object_ref (self));
}

static void
search_activate_cb (LlPdfView      *self,
                    GtkSearchEntry *entry)
{
  move_match (self, 1);
}

static void
search_next_match_cb (LlPdfView      *self,
                      GtkSearchEntry *entry)
{
  move_match (self, 1);
}

static void
search_previous_match_cb (LlPdfView      *self,
                          GtkSearchEntry *entry)
{
  move_match (self, -1);
}

static void
search_stop_cb (LlPdfView      *self,
                GtkSearchEntry *entry)
{
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static gboolean
search_key_pressed_cb (LlPdfView             *self,
                       guint                  keyval,
                       guint                  keycode,
                       GdkModifierType        state,
                       GtkEventControllerKey *controller)
{
  if ((keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
      (state & GDK_SHIFT_MASK) != 0)
    {
      move_match (self, -1);
      return TRUE;
    }

  return FALSE;
}

static void
search_mode_cb (LlPdfView    *self,
                GParamSpec   *pspec,
                GtkSearchBar *search_bar)
{
  if (gtk_search_bar_get_search_mode (search_bar))
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      if (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] != '\0')
        search_changed_cb (self, self->search_entry);
    }
  else
    {
      /* Hits are hidden with the bar. */
      cancel_find (self);
      set_matches (self, NULL, FALSE);
      if (self->document != NULL)
        gtk_widget_grab_focus (GTK_WIDGET (self->canvas));
    }
}

/* Printing */

static GtkPageSetup *
page_setup_for_page (LlPdfDocument *document,
                     guint          page)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  GtkPaperSize *paper = NULL;
  GList *sizes;
  double width, height;
  double short_side, long_side;

  ll_pdf_document_get_page_size (document, page, &width, &height);
  short_side = MIN (width, height);
  long_side = MAX (width, height);

  /* A named paper size where one matches, so that printers know it. */
  sizes = gtk_paper_size_get_paper_sizes (FALSE);
  for (GList *l = sizes; l != NULL && paper == NULL; l = l->next)
    {
      GtkPaperSize *size = l->data;

      if (fabs (gtk_paper_size_get_width (size, GTK_UNIT_POINTS) - short_side) < 3 &&
          fabs (gtk_paper_size_get_height (size, GTK_UNIT_POINTS) - long_side) < 3)
        paper = gtk_paper_size_copy (size);
    }
  g_list_free_full (sizes, (GDestroyNotify) gtk_paper_size_free);

  if (paper == NULL)
    paper = gtk_paper_size_new_custom ("ll-pdf-page", _("Page Size of the Document"),
                                       short_side, long_side, GTK_UNIT_POINTS);

  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
  gtk_paper_size_free (paper);

  return setup;
}

static void
request_page_setup_cb (GtkPrintOperation *operation,
                       GtkPrintContext   *context,
                       int                page_nr,
                       GtkPageSetup      *setup,
                       LlPdfDocument     *document)
{
  double width, height;

  /* The paper is the user's choice; a landscape page turns it. */
  ll_pdf_document_get_page_size (document, page_nr, &width, &height);
  gtk_page_setup_set_orientation (setup, width > height ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                        : GTK_PAGE_ORIENTATION_PORTRAIT);
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              LlPdfDocument     *document)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double paper_width = gtk_print_context_get_width (context);
  double paper_height = gtk_print_context_get_height (context);
  double width, height, scale;

  ll_pdf_document_get_page_size (document, page_nr, &width, &height);
  scale = MIN (paper_width / width, paper_height / height);

  /* Scaled to the paper, aspect kept, centred; 1:1 on matching paper. */
  cairo_save (cr);
  cairo_translate (cr, (paper_width - width * scale) / 2, (paper_height - height * scale) / 2);
  cairo_scale (cr, scale, scale);
  ll_pdf_document_render_for_printing (document, page_nr, cr);
  cairo_restore (cr);
}

static char *
document_name (LlPdfView *self)
{
  const char *title = self->document ? ll_pdf_document_get_title (self->document) : NULL;

  if (self->name != NULL)
    return g_strdup (self->name);
  if (self->file != NULL)
    return g_file_get_basename (self->file);
  if (title != NULL && title[0] != '\0')
    return g_strdup_printf ("%s.pdf", title);

  return g_strdup (_("Document.pdf"));
}

static GtkPrintOperation *
create_print_operation (LlPdfView *self)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = page_setup_for_page (self->document, 0);
  g_autofree char *name = document_name (self);

  gtk_print_operation_set_job_name (operation, name);
  gtk_print_operation_set_n_pages (operation, ll_pdf_document_get_n_pages (self->document));
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);

  /* The document lives as long as the operation, whatever the view does. */
  g_object_set_data_full (G_OBJECT (operation), "ll-pdf-document",
                          g_object_ref (self->document), g_object_unref);
  g_signal_connect (operation, "request-page-setup",
                    G_CALLBACK (request_page_setup_cb), self->document);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), self->document);

  return operation;
}

static void
print_done_cb (LlPdfView               *self,
               GtkPrintOperationResult  result,
               GtkPrintOperation       *operation)
{
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      show_message (self, _("The Document Could Not Be Printed"),
                    error ? error->message : NULL);
    }

  g_clear_object (&self->print_operation);
  update_actions (self);
}

/* Saving */

static void
save_cb (GObject      *object,
         GAsyncResult *result,
         gpointer      user_data)
{
  g_autoptr(LlPdfView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_file_replace_contents_finish (G_FILE (object), result, NULL, &error))
    {
      g_autofree char *body = NULL;

      /* Translators: %s says why */
      body = g_strdup_printf (_("Nothing was written: %s."), error->message);
      show_message (self, _("The Copy Could Not Be Saved"), body);
    }
}

static void
save_response_cb (LlPdfView            *self,
                  int                   response,
                  GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      /* The bytes that were previewed, never a new rendering. */
      if (file != NULL)
        g_file_replace_contents_bytes_async (file, ll_pdf_document_get_bytes (self->document),
                                             NULL, FALSE, G_FILE_CREATE_REPLACE_DESTINATION,
                                             NULL, save_cb, g_object_ref (self));
    }

  g_clear_object (&self->save_dialog);
}

/* Actions */

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);

  ll_pdf_view_set_zoom (self, ll_pdf_view_get_zoom (self) * ZOOM_STEP);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);

  ll_pdf_view_set_zoom (self, ll_pdf_view_get_zoom (self) / ZOOM_STEP);
}

static void
zoom_to_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ll_pdf_view_set_zoom (LL_PDF_VIEW (widget), g_variant_get_double (parameter));
}

static void
fit_width_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ll_pdf_view_set_fit_mode (LL_PDF_VIEW (widget), LL_PDF_FIT_WIDTH);
}

static void
fit_page_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ll_pdf_view_set_fit_mode (LL_PDF_VIEW (widget), LL_PDF_FIT_PAGE);
}

static void
page_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);
  guint n_pages = ll_pdf_view_get_n_pages (self);
  guint page = ll_pdf_view_get_page (self);

  if (n_pages == 0)
    return;

  if (g_str_equal (action_name, "pdf.next-page"))
    page = MIN (page + 1, n_pages - 1);
  else if (g_str_equal (action_name, "pdf.previous-page"))
    page = page > 0 ? page - 1 : 0;
  else if (g_str_equal (action_name, "pdf.first-page"))
    page = 0;
  else
    page = n_pages - 1;

  ll_pdf_view_set_page (self, page);
}

static void
go_to_page_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->page_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->page_entry), 0, -1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);

  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

static void
find_next_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  move_match (LL_PDF_VIEW (widget), g_str_equal (action_name, "pdf.find-next") ? 1 : -1);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  if (self->document == NULL || self->print_operation != NULL)
    return;

  self->print_operation = create_print_operation (self);
  gtk_print_operation_set_allow_async (self->print_operation, TRUE);
  g_signal_connect_object (self->print_operation, "done",
                           G_CALLBACK (print_done_cb), self, G_CONNECT_SWAPPED);
  update_actions (self);

  result = gtk_print_operation_run (self->print_operation,
                                    GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    get_window (self), &error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR && self->print_operation != NULL)
    {
      show_message (self, _("The Document Could Not Be Printed"), error ? error->message : NULL);
      g_clear_object (&self->print_operation);
      update_actions (self);
    }
}

static void
save_as_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);
  g_autoptr(GtkFileFilter) pdf = gtk_file_filter_new ();
  g_autofree char *name = NULL;
  GtkFileChooserNative *chooser;

  if (self->document == NULL || self->save_dialog != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Save a Copy"), get_window (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);

  gtk_file_filter_set_name (pdf, _("PDF Documents"));
  gtk_file_filter_add_mime_type (pdf, "application/pdf");
  gtk_file_filter_add_suffix (pdf, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), pdf);

  name = document_name (self);
  if (!g_str_has_suffix (name, ".pdf") && !g_str_has_suffix (name, ".PDF"))
    {
      char *with_suffix = g_strconcat (name, ".pdf", NULL);

      g_free (name);
      name = with_suffix;
    }
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);

  g_signal_connect_object (chooser, "response", G_CALLBACK (save_response_cb), self,
                           G_CONNECT_SWAPPED);
  self->save_dialog = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->save_dialog);
}

static GFile *
file_for_other_application (LlPdfView  *self,
                            GError    **error)
{
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  GFile *file = self->document ? ll_pdf_document_get_file (self->document) : NULL;
  GBytes *bytes;

  if (file != NULL && g_file_is_native (file))
    return g_object_ref (file);

  /* Shown from memory: the other application needs a file. */
  if (self->temp_path == NULL)
    {
      dir = g_dir_make_tmp ("lianluo-pdf-XXXXXX", error);
      if (dir == NULL)
        return NULL;
      name = document_name (self);
      self->temp_path = g_build_filename (dir, name, NULL);

      bytes = ll_pdf_document_get_bytes (self->document);
      if (!g_file_set_contents (self->temp_path, g_bytes_get_data (bytes, NULL),
                                g_bytes_get_size (bytes), error))
        {
          g_clear_pointer (&self->temp_path, g_free);
          g_rmdir (dir);
          return NULL;
        }
    }

  return g_file_new_for_path (self->temp_path);
}

static void
show_uri_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(LlPdfView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (object), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_message (self, _("No Application for PDF Documents"),
                  _("Install a PDF viewer to open the document elsewhere, or save a copy with "
                    "Save As…"));
}

static void
open_with_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LlPdfView *self = LL_PDF_VIEW (widget);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GAppInfo) app = NULL;
  g_autoptr(GAppLaunchContext) context = NULL;
  g_autoptr(GError) error = NULL;
  GList files = { NULL, NULL, NULL };
  GdkDisplay *display;

  if (self->document == NULL)
    return;

  file = file_for_other_application (self, &error);
  if (file == NULL)
    {
      show_message (self, _("The Document Could Not Be Opened"), error->message);
      return;
    }

  /* In a sandbox the portal asks which application to use. */
  if (g_file_test ("/.flatpak-info", G_FILE_TEST_EXISTS))
    {
      g_autofree char *uri = g_file_get_uri (file);
      GtkWindow *window = get_window (self);

      if (window != NULL)
        {
          gtk_show_uri_full (window, uri, GDK_CURRENT_TIME, NULL, show_uri_cb, g_object_ref (self));
          return;
        }
    }

  app = g_app_info_get_default_for_type ("application/pdf", FALSE);
  if (app == NULL)
    {
      show_message (self, _("No Application for PDF Documents"),
                    _("Install a PDF viewer to open the document elsewhere, or save a copy with "
                      "Save As…"));
      return;
    }

  files.data = file;
  display = gtk_widget_get_display (widget);
  context = G_APP_LAUNCH_CONTEXT (gdk_display_get_app_launch_context (display));
  if (!g_app_info_launch (app, &files, context, &error))
    show_message (self, _("The Document Could Not Be Opened"), error->message);
}

/* Overrides */

static void
ll_pdf_view_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  LlPdfView *self = LL_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, ll_pdf_view_get_loading (self));
      break;
    case PROP_ERROR:
      g_value_set_boxed (value, self->error);
      break;
    case PROP_N_PAGES:
      g_value_set_uint (value, ll_pdf_view_get_n_pages (self));
      break;
    case PROP_PAGE:
      g_value_set_uint (value, ll_pdf_view_get_page (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, ll_pdf_view_get_zoom (self));
      break;
    case PROP_FIT_MODE:
      g_value_set_enum (value, ll_pdf_view_get_fit_mode (self));
      break;
    case PROP_SHOW_THUMBNAILS:
      g_value_set_boolean (value, self->show_thumbnails);
      break;
    case PROP_MATCH_COUNT:
      g_value_set_uint (value, ll_pdf_view_get_match_count (self));
      break;
    case PROP_CURRENT_MATCH:
      g_value_set_int (value, self->current_match);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pdf_view_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  LlPdfView *self = LL_PDF_VIEW (object);

  switch (prop_id)
    {
    case PROP_PAGE:
      ll_pdf_view_set_page (self, g_value_get_uint (value));
      break;
    case PROP_ZOOM:
      ll_pdf_view_set_zoom (self, g_value_get_double (value));
      break;
    case PROP_FIT_MODE:
      ll_pdf_view_set_fit_mode (self, g_value_get_enum (value));
      break;
    case PROP_SHOW_THUMBNAILS:
      ll_pdf_view_set_show_thumbnails (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ll_pdf_view_dispose (GObject *object)
{
  LlPdfView *self = LL_PDF_VIEW (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  cancel_find (self);

  if (self->save_dialog != NULL)
    gtk_native_dialog_destroy (self->save_dialog);
  g_clear_object (&self->save_dialog);
  if (self->print_operation != NULL)
    g_signal_handlers_disconnect_by_func (self->print_operation, print_done_cb, self);
  g_clear_object (&self->print_operation);

  if (self->document != NULL)
    {
      ll_pdf_document_cancel (self->document, self->thumbnails, 1, 0);
      g_signal_handlers_disconnect_by_func (self->document, page_rendered_cb, self);
    }
  if (self->thumbnails != NULL)
    gtk_list_view_set_model (self->thumbnails, NULL);
  g_hash_table_remove_all (self->bound_thumbnails);

  gtk_widget_dispose_template (GTK_WIDGET (self), LL_TYPE_PDF_VIEW);

  g_clear_object (&self->document);
  g_clear_object (&self->selection);
  g_clear_object (&self->pages_model);
  g_clear_pointer (&self->matches, ll_pdf_matches_unref);

  G_OBJECT_CLASS (ll_pdf_view_parent_class)->dispose (object);
}

static void
ll_pdf_view_finalize (GObject *object)
{
  LlPdfView *self = LL_PDF_VIEW (object);

  if (self->temp_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self->temp_path);

      g_unlink (self->temp_path);
      g_rmdir (dir);
    }

  g_clear_pointer (&self->bound_thumbnails, g_hash_table_unref);
  g_clear_pointer (&self->temp_path, g_free);
  g_clear_pointer (&self->name, g_free);
  g_clear_error (&self->error);
  g_clear_object (&self->file);

  G_OBJECT_CLASS (ll_pdf_view_parent_class)->finalize (object);
}

static void
ll_pdf_view_class_init (LlPdfViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_pdf_view_dispose;
  object_class->finalize = ll_pdf_view_finalize;
  object_class->get_property = ll_pdf_view_get_property;
  object_class->set_property = ll_pdf_view_set_property;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, LL_TYPE_PDF_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, NULL, G_TYPE_FILE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPdfView:error:
   *
   * Why the last file could not be shown, in %LL_PDF_ERROR, or %NULL.
   */
  properties[PROP_ERROR] =
    g_param_spec_boxed ("error", NULL, NULL, G_TYPE_ERROR,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPdfView:page:
   *
   * The current page, 0-based.
   */
  properties[PROP_PAGE] =
    g_param_spec_uint ("page", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * LlPdfView:zoom:
   *
   * 1.0 is the printed size on a 96 dpi screen. Setting it leaves the
   * fit modes.
   */
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, LL_PDF_MIN_ZOOM, LL_PDF_MAX_ZOOM, 1.0,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIT_MODE] =
    g_param_spec_enum ("fit-mode", NULL, NULL, LL_TYPE_PDF_FIT_MODE, LL_PDF_FIT_WIDTH,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SHOW_THUMBNAILS] =
    g_param_spec_boolean ("show-thumbnails", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MATCH_COUNT] =
    g_param_spec_uint ("match-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_CURRENT_MATCH] =
    g_param_spec_int ("current-match", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/lianluo/Lianluo/ll-pdf-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, box);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, toolbar);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, thumbnails_button);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, page_entry);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, n_pages_label);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, zoom_label);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, search_bar);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, matches_label);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, stack);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, spinner);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, error_page);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, flap);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, canvas);
  gtk_widget_class_bind_template_child (widget_class, LlPdfView, thumbnails);
  gtk_widget_class_bind_template_callback (widget_class, page_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_stop_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_mode_cb);

  gtk_widget_class_install_action (widget_class, "pdf.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "pdf.zoom-to", "d", zoom_to_action);
  gtk_widget_class_install_action (widget_class, "pdf.fit-width", NULL, fit_width_action);
  gtk_widget_class_install_action (widget_class, "pdf.fit-page", NULL, fit_page_action);
  gtk_widget_class_install_property_action (widget_class, "pdf.fit-mode", "fit-mode");
  gtk_widget_class_install_property_action (widget_class, "pdf.show-thumbnails",
                                            "show-thumbnails");
  gtk_widget_class_install_action (widget_class, "pdf.next-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.previous-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.first-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.last-page", NULL, page_action);
  gtk_widget_class_install_action (widget_class, "pdf.go-to-page", NULL, go_to_page_action);
  gtk_widget_class_install_action (widget_class, "pdf.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-next", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pdf.find-previous", NULL, find_next_action);
  gtk_widget_class_install_action (widget_class, "pdf.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "pdf.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "pdf.open-with", NULL, open_with_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK,
                                       "pdf.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK,
                                       "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK,
                                       "pdf.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK,
                                       "pdf.zoom-to", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_0, GDK_CONTROL_MASK,
                                       "pdf.zoom-to", "d", 1.0);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, 0, "pdf.fit-width", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, 0, "pdf.fit-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "pdf.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK,
                                       "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_G,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, 0, "pdf.find-next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F3, GDK_SHIFT_MASK,
                                       "pdf.find-previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "pdf.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_S,
                                       GDK_CONTROL_MASK | GDK_SHIFT_MASK, "pdf.save-as", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK,
                                       "pdf.go-to-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F9, 0,
                                       "pdf.show-thumbnails", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0,
                                       "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Down, 0,
                                       "pdf.next-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0,
                                       "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Page_Up, 0,
                                       "pdf.previous-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "pdf.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "pdf.last-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK,
                                       "pdf.first-page", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK,
                                       "pdf.last-page", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-pdf-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ll_pdf_view_init (LlPdfView *self)
{
  static const struct {
    guint keyval;
    GdkModifierType mods;
    const char *action;
  } page_keys[] = {
    { GDK_KEY_Page_Down, 0, "pdf.next-page" },
    { GDK_KEY_KP_Page_Down, 0, "pdf.next-page" },
    { GDK_KEY_Page_Up, 0, "pdf.previous-page" },
    { GDK_KEY_KP_Page_Up, 0, "pdf.previous-page" },
    { GDK_KEY_Home, 0, "pdf.first-page" },
    { GDK_KEY_End, 0, "pdf.last-page" },
    { GDK_KEY_Home, GDK_CONTROL_MASK, "pdf.first-page" },
    { GDK_KEY_End, GDK_CONTROL_MASK, "pdf.last-page" },
  };
  g_autoptr(GtkListItemFactory) factory = NULL;
  GtkEventController *controller;
  GtkWidget *revealer;

  self->show_thumbnails = TRUE;
  self->current_match = -1;
  self->bound_thumbnails = g_hash_table_new (NULL, NULL);

  g_type_ensure (LL_TYPE_PDF_CANVAS);
  gtk_widget_init_template (GTK_WIDGET (self));

  g_object_bind_property (self, "show-thumbnails", self->flap, "reveal-flap",
                          G_BINDING_SYNC_CREATE | G_BINDING_BIDIRECTIONAL);
  gtk_search_bar_connect_entry (self->search_bar, GTK_EDITABLE (self->search_entry));

  /* GTK 4.8 drops the keys that reach the entry while the bar slides
   * in, so that “Ctrl+F, type” would lose letters: show it at once. A
   * slide of no duration, not no transition: GTK 4.8's revealer without
   * a transition keeps the hidden bar's height, a blank band under the
   * toolbar. */
  revealer = gtk_widget_get_first_child (GTK_WIDGET (self->search_bar));
  if (GTK_IS_REVEALER (revealer))
    gtk_revealer_set_transition_duration (GTK_REVEALER (revealer), 0);

  /* The scrolled window would scroll by a screen: pages go by pages. */
  controller = gtk_shortcut_controller_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (page_keys); i++)
    {
      GtkShortcutTrigger *trigger = gtk_keyval_trigger_new (page_keys[i].keyval,
                                                            page_keys[i].mods);
      GtkShortcutAction *action = gtk_named_action_new (page_keys[i].action);

      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                            gtk_shortcut_new (trigger, action));
    }
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), controller);

  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect_swapped (controller, "key-pressed", G_CALLBACK (search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect_swapped (factory, "setup", G_CALLBACK (thumbnail_setup_cb), self);
  g_signal_connect_swapped (factory, "bind", G_CALLBACK (thumbnail_bind_cb), self);
  g_signal_connect_swapped (factory, "unbind", G_CALLBACK (thumbnail_unbind_cb), self);
  gtk_list_view_set_factory (self->thumbnails, factory);

  g_signal_connect_swapped (self->canvas, "notify::page", G_CALLBACK (canvas_page_cb), self);
  g_signal_connect_swapped (self->canvas, "notify::zoom", G_CALLBACK (canvas_zoom_cb), self);
  g_signal_connect_swapped (self->canvas, "notify::fit-mode",
                            G_CALLBACK (canvas_fit_mode_cb), self);
  g_signal_connect_swapped (self->canvas, "first-page-drawn",
                            G_CALLBACK (first_page_drawn_cb), self);

  update_zoom_label (self);
  update_page_label (self);
  update_actions (self);
}

GtkWidget *
ll_pdf_view_new (void)
{
  return g_object_new (LL_TYPE_PDF_VIEW, NULL);
}

/**
 * ll_pdf_view_load_file:
 * @file: a PDF file
 *
 * Reads and shows @file in the background. #LlPdfView:n-pages changes
 * when it is shown, #LlPdfView:error when it cannot be.
 */
void
ll_pdf_view_load_file (LlPdfView *self,
                       GFile     *file)
{
  g_return_if_fail (LL_IS_PDF_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  begin_load (self, file, NULL);
  ll_pdf_document_new_async (file, NULL, self->load_cancellable, load_cb, g_object_ref (self));
}

/**
 * ll_pdf_view_load_bytes:
 * @bytes: a PDF in memory
 * @name: (nullable): a file name to suggest when it is saved
 */
void
ll_pdf_view_load_bytes (LlPdfView  *self,
                        GBytes     *bytes,
                        const char *name)
{
  g_return_if_fail (LL_IS_PDF_VIEW (self));
  g_return_if_fail (bytes != NULL);

  begin_load (self, NULL, name);
  ll_pdf_document_new_async (NULL, bytes, self->load_cancellable, load_cb, g_object_ref (self));
}

/**
 * ll_pdf_view_clear:
 *
 * Shows nothing and lets go of the document.
 */
void
ll_pdf_view_clear (LlPdfView *self)
{
  gboolean was_loading;

  g_return_if_fail (LL_IS_PDF_VIEW (self));

  was_loading = self->load_cancellable != NULL;
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  set_document (self, NULL);
  if (self->error != NULL)
    set_error (self, NULL);
  if (g_set_object (&self->file, NULL))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
  gtk_stack_set_visible_child_name (self->stack, "empty");

  if (was_loading)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

gboolean
ll_pdf_view_get_loading (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), FALSE);

  return self->load_cancellable != NULL;
}

/**
 * ll_pdf_view_get_error:
 *
 * Returns: (nullable): why the last file cannot be shown, in the
 *   %LL_PDF_ERROR domain
 */
const GError *
ll_pdf_view_get_error (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), NULL);

  return self->error;
}

/**
 * ll_pdf_view_get_document:
 *
 * Returns: (transfer none) (nullable): the document shown
 */
LlPdfDocument *
ll_pdf_view_get_document (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), NULL);

  return self->document;
}

/**
 * ll_pdf_view_get_file:
 *
 * Returns: (transfer none) (nullable): the file shown or being read
 */
GFile *
ll_pdf_view_get_file (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), NULL);

  return self->file;
}

guint
ll_pdf_view_get_n_pages (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), 0);

  return self->document ? ll_pdf_document_get_n_pages (self->document) : 0;
}

guint
ll_pdf_view_get_page (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), 0);

  return ll_pdf_canvas_get_page (self->canvas);
}

/**
 * ll_pdf_view_set_page:
 * @page: 0-based
 *
 * Scrolls to the top of @page.
 */
void
ll_pdf_view_set_page (LlPdfView *self,
                      guint      page)
{
  g_return_if_fail (LL_IS_PDF_VIEW (self));

  ll_pdf_canvas_set_page (self->canvas, page);
}

double
ll_pdf_view_get_zoom (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), 1.0);

  return ll_pdf_canvas_get_zoom (self->canvas);
}

void
ll_pdf_view_set_zoom (LlPdfView *self,
                      double     zoom)
{
  g_return_if_fail (LL_IS_PDF_VIEW (self));

  ll_pdf_canvas_set_zoom (self->canvas, zoom);
}

LlPdfFitMode
ll_pdf_view_get_fit_mode (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), LL_PDF_FIT_NONE);

  return ll_pdf_canvas_get_fit_mode (self->canvas);
}

void
ll_pdf_view_set_fit_mode (LlPdfView    *self,
                          LlPdfFitMode  fit_mode)
{
  g_return_if_fail (LL_IS_PDF_VIEW (self));

  ll_pdf_canvas_set_fit_mode (self->canvas, fit_mode);
}

gboolean
ll_pdf_view_get_show_thumbnails (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), FALSE);

  return self->show_thumbnails;
}

void
ll_pdf_view_set_show_thumbnails (LlPdfView *self,
                                 gboolean   show_thumbnails)
{
  g_return_if_fail (LL_IS_PDF_VIEW (self));

  show_thumbnails = !!show_thumbnails;
  if (self->show_thumbnails == show_thumbnails)
    return;

  self->show_thumbnails = show_thumbnails;
  if (show_thumbnails)
    {
      refresh_thumbnails (self);
      select_thumbnail (self);
    }
  else if (self->document != NULL)
    {
      ll_pdf_document_cancel (self->document, self->thumbnails, 1, 0);
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_THUMBNAILS]);
}

/**
 * ll_pdf_view_find:
 * @text: what to find, ignoring case and line breaks
 *
 * Finds @text at once (in the calling thread), highlights the hits and
 * scrolls to the first one on or after the current page. The find bar
 * does the same in the background as the user types.
 *
 * Returns: the number of matches
 */
guint
ll_pdf_view_find (LlPdfView  *self,
                  const char *text)
{
  g_autoptr(LlPdfMatches) matches = NULL;

  g_return_val_if_fail (LL_IS_PDF_VIEW (self), 0);
  g_return_val_if_fail (text != NULL, 0);

  if (self->document == NULL)
    return 0;

  /* Shown in the find bar, where the user can go on. Setting the text
   * first: its search-changed for the emptied entry comes at once. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  cancel_find (self);

  matches = ll_pdf_document_find (self->document, text, NULL, NULL);
  set_matches (self, matches, TRUE);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);

  return ll_pdf_view_get_match_count (self);
}

guint
ll_pdf_view_get_match_count (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), 0);

  return self->matches ? self->matches->matches->len : 0;
}

/**
 * ll_pdf_view_get_current_match:
 *
 * Returns: the index of the current hit, or -1
 */
int
ll_pdf_view_get_current_match (LlPdfView *self)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), -1);

  return self->current_match;
}

/**
 * ll_pdf_view_print_to_file:
 * @file: a local PDF file to write
 *
 * Prints the document to @file through GtkPrintOperation's export, the
 * same drawing as printing on paper, without a dialog.
 */
gboolean
ll_pdf_view_print_to_file (LlPdfView  *self,
                           GFile      *file,
                           GError    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *path = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (LL_IS_PDF_VIEW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  path = g_file_get_path (file);
  if (self->document == NULL || path == NULL)
    {
      g_set_error_literal (error, LL_PDF_ERROR, LL_PDF_ERROR_FAILED,
                           _("There is no document to print, or the file is not on this "
                             "computer."));
      return FALSE;
    }

  operation = create_print_operation (self);
  gtk_print_operation_set_export_filename (operation, path);
  result = gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT,
                                    get_window (self), &local_error);
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      /* Translators: %s says why */
      g_set_error (error, LL_PDF_ERROR, LL_PDF_ERROR_FAILED,
                   _("The document could not be printed to a file: %s"),
                   local_error ? local_error->message : "");
      return FALSE;
    }

  return TRUE;
}

/**
 * ll_pdf_view_page_is_rendered:
 *
 * Returns: whether @page is rendered at the current zoom, so that it is
 *   drawn sharp when in view
 */
gboolean
ll_pdf_view_page_is_rendered (LlPdfView *self,
                              guint      page)
{
  g_return_val_if_fail (LL_IS_PDF_VIEW (self), FALSE);

  return ll_pdf_canvas_page_is_rendered (self->canvas, page);
}

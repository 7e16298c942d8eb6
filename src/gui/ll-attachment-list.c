/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-attachment-list"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <poppler.h>

#include "ll-attachment-list.h"
#include "ll-attachment-store.h"
#include "ll-case-history.h"
#include "ll-database.h"
#include "ll-pdf-view.h"

/* The attachments of a case (photos, scanned letters, PDFs): add them
 * from files, open them with the default application, remove them with
 * Undo. Images and PDFs show a thumbnail, made in a worker thread (a
 * phone's photo takes longer than a frame to decode); other files show
 * the icon of their type. */

#define THUMBNAIL_SIZE 48

struct _LlAttachmentList
{
  GtkWidget             parent_instance;

  /* Owned */
  GtkWidget            *group;
  GtkWidget            *add_button;
  GtkWidget            *empty_row;
  GPtrArray            *attachments;  /* LlAttachment */
  GPtrArray            *rows;         /* GtkWidget, borrowed from the group */
  GHashTable           *thumbnails;   /* sha256 → GdkTexture */
  GCancellable         *cancellable;
  GtkFileChooserNative *chooser;
  LlDatabase           *db;
  char                 *opened_path;

  gint64                case_id;
  gboolean              editable;
};

G_DEFINE_FINAL_TYPE (LlAttachmentList, ll_attachment_list, GTK_TYPE_WIDGET)

typedef struct
{
  char   *sha256;
  char   *mime_type;
  GBytes *bytes;
} ThumbnailJob;

static void
thumbnail_job_free (ThumbnailJob *job)
{
  g_free (job->sha256);
  g_free (job->mime_type);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job);
}

static gboolean
is_image (const char *mime_type)
{
  return mime_type != NULL && g_str_has_prefix (mime_type, "image/");
}

static gboolean
is_pdf (const char *mime_type)
{
  return g_strcmp0 (mime_type, "application/pdf") == 0;
}

static void
show_toast (LlAttachmentList *self,
            AdwToast         *toast)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);

  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

static void
show_error_toast (LlAttachmentList *self,
                  const char       *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 8);
  show_toast (self, toast);
}

/* Thumbnails ----------------------------------------------------------------- */

static GdkTexture *
render_pdf (GBytes  *bytes,
            GError **error)
{
  g_autoptr(GObject) document = NULL;
  g_autoptr(GObject) page = NULL;
  g_autoptr(GBytes) pixels = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height, scale;
  int w, h;

  document = G_OBJECT (poppler_document_new_from_bytes (bytes, NULL, error));
  if (document == NULL)
    return NULL;

  page = G_OBJECT (poppler_document_get_page (POPPLER_DOCUMENT (document), 0));
  if (page == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "no pages");
      return NULL;
    }

  poppler_page_get_size (POPPLER_PAGE (page), &width, &height);
  scale = 2.0 * THUMBNAIL_SIZE / MAX (MAX (width, height), 1.0);
  w = MAX (1, (int) (width * scale));
  h = MAX (1, (int) (height * scale));

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, w, h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render (POPPLER_PAGE (page), cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = g_bytes_new (cairo_image_surface_get_data (surface),
                        (gsize) cairo_image_surface_get_stride (surface) * h);
  {
    GdkTexture *texture = gdk_memory_texture_new (w, h, GDK_MEMORY_DEFAULT, pixels,
                                                  cairo_image_surface_get_stride (surface));
    cairo_surface_destroy (surface);
    return texture;
  }
}

static GdkTexture *
render_image (GBytes       *bytes,
              GCancellable *cancellable,
              GError      **error)
{
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_bytes (bytes);
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GdkPixbuf) oriented = NULL;

  pixbuf = gdk_pixbuf_new_from_stream_at_scale (stream, 2 * THUMBNAIL_SIZE, 2 * THUMBNAIL_SIZE,
                                                TRUE, cancellable, error);
  if (pixbuf == NULL)
    return NULL;

  oriented = gdk_pixbuf_apply_embedded_orientation (pixbuf);
  return gdk_texture_new_for_pixbuf (oriented != NULL ? oriented : pixbuf);
}

static void
thumbnail_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ThumbnailJob *job = task_data;
  GError *error = NULL;
  GdkTexture *texture;

  if (is_pdf (job->mime_type))
    texture = render_pdf (job->bytes, &error);
  else
    texture = render_image (job->bytes, cancellable, &error);

  if (texture == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, texture, g_object_unref);
}

static GtkWidget *
find_row_for_sha (LlAttachmentList *self,
                  const char       *sha256)
{
  for (guint i = 0; i < self->attachments->len; i++)
    if (g_strcmp0 (ll_attachment_get_sha256 (g_ptr_array_index (self->attachments, i)),
                   sha256) == 0)
      return g_ptr_array_index (self->rows, i);

  return NULL;
}

static void
set_row_thumbnail (GtkWidget  *row,
                   GdkTexture *texture)
{
  GtkWidget *picture = g_object_get_data (G_OBJECT (row), "ll-thumbnail");

  gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (texture));
  g_object_set_data (G_OBJECT (row), "ll-has-thumbnail", GINT_TO_POINTER (TRUE));
}

static void
thumbnail_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  LlAttachmentList *self = LL_ATTACHMENT_LIST (source);
  ThumbnailJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *row;

  texture = g_task_propagate_pointer (G_TASK (result), &error);
  if (texture == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No thumbnail for a %s: %s", job->mime_type, error->message);
      return;
    }

  g_hash_table_replace (self->thumbnails, g_strdup (job->sha256), g_object_ref (texture));
  row = find_row_for_sha (self, job->sha256);
  if (row != NULL)
    set_row_thumbnail (row, texture);
}

static void
start_thumbnail (LlAttachmentList *self,
                 LlAttachment     *attachment)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  ThumbnailJob *job;
  GBytes *bytes;

  bytes = ll_attachment_store_read (self->db, ll_attachment_get_id (attachment), &error);
  if (bytes == NULL)
    {
      g_debug ("Cannot read an attachment for its thumbnail: %s", error->message);
      return;
    }

  job = g_new0 (ThumbnailJob, 1);
  job->sha256 = g_strdup (ll_attachment_get_sha256 (attachment));
  job->mime_type = g_strdup (ll_attachment_get_mime_type (attachment));
  job->bytes = bytes;

  task = g_task_new (self, self->cancellable, thumbnail_done_cb, NULL);
  g_task_set_source_tag (task, start_thumbnail);
  g_task_set_name (task, "[lianluo] attachment thumbnail");
  g_task_set_task_data (task, job, (GDestroyNotify) thumbnail_job_free);
  g_task_run_in_thread (task, thumbnail_thread);
}

/* Rows ------------------------------------------------------------------------ */

static char *
describe_attachment (LlAttachment *attachment)
{
  g_autofree char *size = g_format_size (ll_attachment_get_size (attachment));
  g_autofree char *when = ll_case_history_format_time (ll_attachment_get_added_at (attachment));
  const char *who = ll_attachment_get_added_by (attachment);

  if (who == NULL)
    /* Translators: an attachment's size, then when it was added */
    return g_strdup_printf (_("%s, added %s"), size, when);

  /* Translators: an attachment's size, who added it, then when */
  return g_strdup_printf (_("%s, added by %s, %s"), size, who, when);
}

static void open_clicked_cb   (GtkButton *button,
                               gpointer   user_data);
static void remove_clicked_cb (GtkButton *button,
                               gpointer   user_data);

static int
row_position (LlAttachmentList *self,
              GtkWidget        *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, ADW_TYPE_ACTION_ROW);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_ptr_array_index (self->rows, i) == row)
      return (int) i;

  return -1;
}

static void
row_activated_cb (AdwActionRow     *row,
                  LlAttachmentList *self)
{
  int position = row_position (self, GTK_WIDGET (row));

  if (position >= 0)
    ll_attachment_list_open (self, position);
}

static GtkWidget *
make_row (LlAttachmentList *self,
          LlAttachment     *attachment)
{
  const char *name = ll_attachment_get_file_name (attachment);
  const char *mime_type = ll_attachment_get_mime_type (attachment);
  g_autofree char *subtitle = describe_attachment (attachment);
  g_autofree char *open_label = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *picture = gtk_picture_new ();
  GtkWidget *frame = gtk_frame_new (NULL);
  GtkWidget *open_button = gtk_button_new_from_icon_name ("document-open-symbolic");
  GtkWidget *remove_button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GdkTexture *texture;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_signal_connect_object (row, "activated", G_CALLBACK (row_activated_cb), self, 0);

  /* The thumbnail, or the icon of the file's type until there is one. */
  gtk_widget_set_size_request (picture, THUMBNAIL_SIZE, THUMBNAIL_SIZE);
  gtk_picture_set_content_fit (GTK_PICTURE (picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_picture_set_can_shrink (GTK_PICTURE (picture), TRUE);
  gtk_frame_set_child (GTK_FRAME (frame), picture);
  gtk_widget_set_valign (frame, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (frame, 6);
  gtk_widget_set_margin_bottom (frame, 6);
  gtk_widget_add_css_class (frame, "attachment-thumbnail");
  g_object_set_data (G_OBJECT (row), "ll-thumbnail", picture);

  texture = g_hash_table_lookup (self->thumbnails, ll_attachment_get_sha256 (attachment));
  if (texture != NULL)
    set_row_thumbnail (row, texture);
  else
    {
      g_autofree char *content_type = g_content_type_from_mime_type (mime_type != NULL
                                                                     ? mime_type
                                                                     : "application/octet-stream");
      g_autoptr(GIcon) icon = g_content_type_get_symbolic_icon (content_type != NULL
                                                                ? content_type
                                                                : "application/octet-stream");
      GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (row));
      g_autoptr(GtkIconPaintable) paintable = NULL;

      paintable = gtk_icon_theme_lookup_by_gicon (theme, icon, 32, 1, GTK_TEXT_DIR_NONE, 0);
      gtk_picture_set_paintable (GTK_PICTURE (picture), GDK_PAINTABLE (paintable));
      gtk_widget_add_css_class (picture, "dim-label");
    }
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), frame);

  /* Translators: %s is a file name */
  open_label = g_strdup_printf (_("Open “%s”"), name);
  gtk_widget_set_tooltip_text (open_button, _("Open"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (open_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  open_label, -1);
  gtk_widget_set_valign (open_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (open_button, "flat");
  gtk_widget_set_name (open_button, "attachment-open");
  g_signal_connect (open_button, "clicked", G_CALLBACK (open_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), open_button);

  /* Translators: %s is a file name */
  remove_label = g_strdup_printf (_("Remove “%s”"), name);
  gtk_widget_set_tooltip_text (remove_button, _("Remove"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  remove_label, -1);
  gtk_widget_set_valign (remove_button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove_button, "flat");
  gtk_widget_set_name (remove_button, "attachment-remove");
  gtk_widget_set_sensitive (remove_button, self->editable);
  g_object_set_data (G_OBJECT (row), "ll-remove-button", remove_button);
  g_signal_connect (remove_button, "clicked", G_CALLBACK (remove_clicked_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove_button);

  return row;
}

static void
clear_rows (LlAttachmentList *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self->group),
                                  g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_ptr_array_set_size (self->attachments, 0);
}

/* Callbacks -------------------------------------------------------------------- */

static void
open_clicked_cb (GtkButton *button,
                 gpointer   user_data)
{
  LlAttachmentList *self = user_data;
  int position = row_position (self, GTK_WIDGET (button));

  if (position >= 0)
    ll_attachment_list_open (self, position);
}

static void
remove_clicked_cb (GtkButton *button,
                   gpointer   user_data)
{
  LlAttachmentList *self = user_data;
  int position = row_position (self, GTK_WIDGET (button));

  if (position >= 0)
    ll_attachment_list_remove (self, position);
}

static void
chooser_response_cb (LlAttachmentList     *self,
                     int                   response,
                     GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          g_autoptr(GError) error = NULL;

          if (!ll_attachment_list_add_file (self, file, &error))
            {
              show_error_toast (self, error->message);
              break;
            }
        }
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (chooser));
  g_clear_object (&self->chooser);
}

static void
add_clicked_cb (LlAttachmentList *self,
                GtkButton        *button)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
      return;
    }

  self->chooser = gtk_file_chooser_native_new (_("Add Attachments"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Add"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

typedef struct
{
  GWeakRef      list;
  LlDatabase   *db;
  LlAttachment *attachment;
  GBytes       *bytes;
  gboolean      undone;
} Removal;

static void
removal_free (Removal *removal)
{
  g_weak_ref_clear (&removal->list);
  g_clear_object (&removal->db);
  g_clear_object (&removal->attachment);
  g_clear_pointer (&removal->bytes, g_bytes_unref);
  g_free (removal);
}

static void
undo_clicked_cb (AdwToast *toast,
                 Removal  *removal)
{
  g_autoptr(GError) error = NULL;

  if (removal->undone)
    return;

  if (!ll_attachment_store_restore (removal->db, removal->attachment, removal->bytes, &error))
    {
      g_autoptr(LlAttachmentList) list = g_weak_ref_get (&removal->list);

      if (list != NULL)
        show_error_toast (list, error->message);
      return;
    }

  removal->undone = TRUE;
}

/* GObject ---------------------------------------------------------------------- */

static void
ll_attachment_list_dispose (GObject *object)
{
  LlAttachmentList *self = LL_ATTACHMENT_LIST (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  g_clear_pointer (&self->group, gtk_widget_unparent);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->attachments, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_hash_table_unref);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (ll_attachment_list_parent_class)->dispose (object);
}

static void
ll_attachment_list_finalize (GObject *object)
{
  LlAttachmentList *self = LL_ATTACHMENT_LIST (object);

  g_free (self->opened_path);

  G_OBJECT_CLASS (ll_attachment_list_parent_class)->finalize (object);
}

static void
ll_attachment_list_class_init (LlAttachmentListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ll_attachment_list_dispose;
  object_class->finalize = ll_attachment_list_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ll-attachment-list");
}

static void
ll_attachment_list_init (LlAttachmentList *self)
{
  self->editable = TRUE;
  self->cancellable = g_cancellable_new ();
  self->attachments = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_ptr_array_new ();
  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);

  self->group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self->group), _("Attachments"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self->group),
                                         _("Photos, scanned letters and other files"));
  gtk_widget_set_parent (self->group, GTK_WIDGET (self));

  self->empty_row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->empty_row), _("No attachments"));
  gtk_widget_add_css_class (self->empty_row, "dim-label");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), self->empty_row);

  self->add_button = gtk_button_new_with_mnemonic (_("Add _Files…"));
  gtk_widget_set_name (self->add_button, "attachment-add");
  gtk_widget_set_valign (self->add_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->add_button, _("Attach photos, scans or documents to the case"));
  g_signal_connect_object (self->add_button, "clicked", G_CALLBACK (add_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self->group), self->add_button);
}

/* Public API ------------------------------------------------------------------- */

GtkWidget *
ll_attachment_list_new (void)
{
  return g_object_new (LL_TYPE_ATTACHMENT_LIST, NULL);
}

void
ll_attachment_list_set_database (LlAttachmentList *self,
                                 LlDatabase       *db)
{
  g_return_if_fail (LL_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (db == NULL || LL_IS_DATABASE (db));

  if (self->db == db)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->thumbnails);
  g_set_object (&self->db, db);
  self->case_id = 0;
  clear_rows (self);
}

/**
 * ll_attachment_list_set_case_id:
 * @case_id: the case whose attachments to show, 0 for none
 */
void
ll_attachment_list_set_case_id (LlAttachmentList *self,
                                gint64            case_id)
{
  g_return_if_fail (LL_IS_ATTACHMENT_LIST (self));

  self->case_id = case_id;
  ll_attachment_list_reload (self);
}

void
ll_attachment_list_set_editable (LlAttachmentList *self,
                                 gboolean          editable)
{
  g_return_if_fail (LL_IS_ATTACHMENT_LIST (self));

  self->editable = !!editable;
  gtk_widget_set_sensitive (self->add_button, self->editable);
  for (guint i = 0; i < self->rows->len; i++)
    gtk_widget_set_sensitive (g_object_get_data (g_ptr_array_index (self->rows, i),
                                                 "ll-remove-button"),
                              self->editable);
}

/**
 * ll_attachment_list_reload:
 *
 * Reads the case's attachments again (after a change by anyone).
 */
void
ll_attachment_list_reload (LlAttachmentList *self)
{
  g_autoptr(GPtrArray) attachments = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LL_IS_ATTACHMENT_LIST (self));

  clear_rows (self);
  gtk_widget_set_visible (self->empty_row, TRUE);

  if (self->db == NULL || self->case_id == 0)
    return;

  attachments = ll_attachment_store_list_for_case (self->db, self->case_id, &error);
  if (attachments == NULL)
    {
      g_warning ("Cannot list the attachments of a case: %s", error->message);
      return;
    }

  for (guint i = 0; i < attachments->len; i++)
    {
      LlAttachment *attachment = g_ptr_array_index (attachments, i);
      const char *mime_type = ll_attachment_get_mime_type (attachment);
      GtkWidget *row = make_row (self, attachment);

      g_ptr_array_add (self->attachments, g_object_ref (attachment));
      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self->group), row);

      gtk_widget_set_visible (self->empty_row, FALSE);
      if ((is_image (mime_type) || is_pdf (mime_type)) &&
          !g_hash_table_contains (self->thumbnails, ll_attachment_get_sha256 (attachment)))
        start_thumbnail (self, attachment);
    }
}

guint
ll_attachment_list_get_n_attachments (LlAttachmentList *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT_LIST (self), 0);

  return self->attachments->len;
}

/**
 * ll_attachment_list_get_attachment:
 *
 * Returns: (transfer none): the attachment shown at @position
 */
LlAttachment *
ll_attachment_list_get_attachment (LlAttachmentList *self,
                                   guint             position)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (position < self->attachments->len, NULL);

  return g_ptr_array_index (self->attachments, position);
}

/**
 * ll_attachment_list_get_row:
 *
 * Returns: (transfer none): the row of the attachment at @position
 */
GtkWidget *
ll_attachment_list_get_row (LlAttachmentList *self,
                            guint             position)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT_LIST (self), NULL);
  g_return_val_if_fail (position < self->rows->len, NULL);

  return g_ptr_array_index (self->rows, position);
}

/**
 * ll_attachment_list_has_thumbnail:
 *
 * Returns: whether the row at @position shows a thumbnail of the file
 *   (not just the icon of its type)
 */
gboolean
ll_attachment_list_has_thumbnail (LlAttachmentList *self,
                                  guint             position)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (position < self->rows->len, FALSE);

  return g_object_get_data (g_ptr_array_index (self->rows, position), "ll-has-thumbnail") != NULL;
}

/**
 * ll_attachment_list_add_file:
 * @file: a file to attach to the case
 *
 * Returns: whether @file was added (the list then shows it)
 */
gboolean
ll_attachment_list_add_file (LlAttachmentList  *self,
                             GFile             *file,
                             GError           **error)
{
  g_autoptr(LlAttachment) attachment = NULL;

  g_return_val_if_fail (LL_IS_ATTACHMENT_LIST (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (self->db != NULL && self->case_id != 0, FALSE);

  attachment = ll_attachment_store_add_file (self->db, self->case_id, 0, file, NULL, error);
  if (attachment == NULL)
    return FALSE;

  ll_attachment_list_reload (self);
  return TRUE;
}

static void
show_uri_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(LlAttachmentList) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *name = g_path_get_basename (self->opened_path);
      g_autofree char *message = NULL;

      /* Translators: %s is a file name */
      message = g_strdup_printf (_("No application could open “%s”. It is kept in %s."),
                                 name, self->opened_path);
      show_error_toast (self, message);
    }
}

static void
open_pdf_window (GtkWindow  *parent,
                 GFile      *file,
                 const char *name)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *title = adw_window_title_new (name, _("Attachment"));
  GtkWidget *view = ll_pdf_view_new ();
  GtkShortcutController *shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());

  gtk_widget_set_name (window, "attachment-pdf-window");
  gtk_window_set_title (GTK_WINDOW (window), name);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  if (parent != NULL)
    gtk_window_set_transient_for (GTK_WINDOW (window), parent);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);

  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);

  /* Escape and Ctrl+W close the window, as in other viewers. */
  gtk_shortcut_controller_add_shortcut (shortcuts,
    gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("Escape|<Control>w"),
                      gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, GTK_EVENT_CONTROLLER (shortcuts));

  ll_pdf_view_load_file (LL_PDF_VIEW (view), file);
  gtk_window_present (GTK_WINDOW (window));
  gtk_widget_grab_focus (view);
}

/**
 * ll_attachment_list_open:
 *
 * Writes the attachment at @position to a file of its own in the cache
 * folder and opens that: a PDF in a window with Lianluo's preview, any
 * other file with the default application for its type.
 */
void
ll_attachment_list_open (LlAttachmentList *self,
                         guint             position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *id = NULL;
  g_autofree char *name = NULL;
  g_autofree char *uri = NULL;
  LlAttachment *attachment;
  GtkRoot *root;

  g_return_if_fail (LL_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (position < self->attachments->len);

  attachment = g_ptr_array_index (self->attachments, position);
  bytes = ll_attachment_store_read (self->db, ll_attachment_get_id (attachment), &error);
  if (bytes == NULL)
    {
      show_error_toast (self, error->message);
      return;
    }

  /* One folder per attachment keeps the file's own name for the
   * application's title bar, without clashes. */
  id = g_strdup_printf ("%" G_GINT64_FORMAT, ll_attachment_get_id (attachment));
  folder = g_build_filename (g_get_user_cache_dir (), "lianluo", "attachments", id, NULL);
  name = g_path_get_basename (ll_attachment_get_file_name (attachment));
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *message = NULL;

      /* Translators: %s is a folder, then the system's reason */
      message = g_strdup_printf (_("The folder %s could not be created: %s"),
                                 folder, g_strerror (saved_errno));
      show_error_toast (self, message);
      return;
    }

  g_free (self->opened_path);
  self->opened_path = g_build_filename (folder, name, NULL);
  file = g_file_new_for_path (self->opened_path);
  if (!g_file_replace_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes),
                                NULL, FALSE, G_FILE_CREATE_PRIVATE, NULL, NULL, &error))
    {
      show_error_toast (self, error->message);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));

  /* A PDF opens in Lianluo's own preview, with Print and Save As; a
   * damaged or encrypted one shows the preview's message. */
  if (is_pdf (ll_attachment_get_mime_type (attachment)))
    {
      open_pdf_window (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file, name);
      return;
    }

  uri = g_file_get_uri (file);
  gtk_show_uri_full (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME,
                     NULL, show_uri_done_cb, g_object_ref (self));
}

/**
 * ll_attachment_list_get_opened_path:
 *
 * Returns: (nullable): the file the last ll_attachment_list_open() wrote
 */
const char *
ll_attachment_list_get_opened_path (LlAttachmentList *self)
{
  g_return_val_if_fail (LL_IS_ATTACHMENT_LIST (self), NULL);

  return self->opened_path;
}

/**
 * ll_attachment_list_remove:
 *
 * Removes the attachment at @position and offers Undo in a toast, which
 * puts it back with the same bytes.
 */
void
ll_attachment_list_remove (LlAttachmentList *self,
                           guint             position)
{
  g_autoptr(LlAttachment) attachment = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  GBytes *bytes;
  Removal *removal;
  AdwToast *toast;

  g_return_if_fail (LL_IS_ATTACHMENT_LIST (self));
  g_return_if_fail (position < self->attachments->len);

  attachment = g_object_ref (g_ptr_array_index (self->attachments, position));
  bytes = ll_attachment_store_remove (self->db, attachment, &error);
  if (bytes == NULL)
    {
      show_error_toast (self, error->message);
      ll_attachment_list_reload (self);
      return;
    }

  removal = g_new0 (Removal, 1);
  g_weak_ref_init (&removal->list, self);
  removal->db = g_object_ref (self->db);
  removal->attachment = g_object_ref (attachment);
  removal->bytes = bytes;

  /* Translators: %s is a file name */
  title = g_strdup_printf (_("“%s” removed"), ll_attachment_get_file_name (attachment));
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  g_object_set_data_full (G_OBJECT (toast), "ll-removal", removal, (GDestroyNotify) removal_free);
  g_signal_connect (toast, "button-clicked", G_CALLBACK (undo_clicked_cb), removal);
  show_toast (self, toast);

  ll_attachment_list_reload (self);
}

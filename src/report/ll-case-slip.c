/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-case-slip"

#include "config.h"

#include <glib/gi18n.h>
#include <inttypes.h>
#include <string.h>

#include "ll-case-slip.h"
#include "ll-case-store.h"
#include "ll-case.h"
#include "ll-pdf-writer.h"
#include "ll-report-text.h"

/* The case hand-over slip (交办单) that goes with a case to the
 * department that must act: one A4 page per case, the case as registered
 * (the constituent's phone and address masked unless asked), how it is
 * handed over, and room for the department's answer and the signatures.
 * A long text is set smaller, then cut, so that a slip is one page. */

#define BLOCK_SIZE 128

static const double sizes[] = { 12, 11, 10, 9 };

static char *
cut (const char *text,
     glong       max)
{
  g_autofree char *head = NULL;

  if (text == NULL || g_utf8_strlen (text, -1) <= max)
    return g_strdup (text != NULL ? text : "");

  head = g_utf8_substring (text, 0, max);
  return g_strconcat (head, "……（全文见诉求登记材料）", NULL);
}

static LlDocument *
slip_document (LlCase                *kase,
               GPtrArray             *deputies,
               const LlReportOptions *options,
               double                 size,
               gboolean               cut_texts)
{
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_FORM);
  g_autoptr(LlTable) table = ll_table_new (4);
  g_autoptr(GString) names = g_string_new (NULL);
  g_autofree char *received = ll_report_format_date (ll_case_get_received_on (kase));
  g_autofree char *assigned = ll_report_format_date (ll_case_get_assigned_on (kase));
  g_autofree char *deadline = ll_report_format_date (ll_case_get_deadline (kase));
  g_autofree char *phone = ll_report_mask_phone (ll_case_get_constituent_phone (kase),
                                                 options->show_personal_data);
  g_autofree char *address = ll_report_mask_address (ll_case_get_constituent_address (kase),
                                                     options->show_personal_data);
  g_autofree char *body = cut_texts ? cut (ll_case_get_body (kase), 300)
                                    : g_strdup (ll_case_get_body (kase) ?: "");
  g_autofree char *subtitle = NULL;
  g_autofree char *request = NULL;
  g_autofree char *title = g_strdup_printf ("群众意见建议交办单（%s）", ll_case_get_serial (kase));
  const char *office = options->office_name != NULL && *options->office_name != '\0'
                       ? options->office_name : NULL;
  LlTextStyle style;
  guint row;

  for (guint i = 0; deputies != NULL && i < deputies->len; i++)
    g_string_append_printf (names, "%s%s", i > 0 ? "、" : "",
                            ((LlCaseDeputy *) g_ptr_array_index (deputies, i))->name);

  ll_document_set_metadata (doc, title, office);

  ll_text_style_init (&style, LL_FONT_ROLE_TITLE, 22);
  style.align = LL_ALIGN_CENTER;
  style.keep_with_next = TRUE;
  ll_document_add_text (doc, &style, "群众意见建议交办单");

  subtitle = office != NULL ? g_strdup_printf ("交办单位：%s　　　　编号：%s", office,
                                               ll_case_get_serial (kase))
                            : g_strdup_printf ("编号：%s", ll_case_get_serial (kase));
  ll_text_style_init (&style, LL_FONT_ROLE_SONG, 10.5);
  style.align = LL_ALIGN_CENTER;
  style.space_before = 0.4;
  ll_document_add_text (doc, &style, subtitle);
  ll_document_add_space (doc, 0.4);

  ll_table_set_font_size (table, size);
  ll_table_set_column_width (table, 0, 0.15);
  ll_table_set_column_width (table, 1, 0.35);
  ll_table_set_column_width (table, 2, 0.15);
  ll_table_set_column_width (table, 3, 0.35);
  ll_table_set_column_align (table, 0, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 2, LL_ALIGN_CENTER);

  ll_table_add_row (table, "受理日期", received, "受理站点", ll_case_get_station_name (kase) ?: "",
                    NULL);
  ll_table_add_row (table, "反映渠道", ll_report_label (LL_ENUM_CASE_SOURCE,
                                                        ll_case_get_source (kase)),
                    "问题类别", ll_report_label (LL_ENUM_CASE_CATEGORY,
                                                 ll_case_get_category (kase)), NULL);
  ll_table_add_row (table, "反 映 人", ll_case_get_constituent_name (kase) ?: "", "联系电话", phone,
                    NULL);
  row = ll_table_add_row (table, "联系地址", address, NULL);
  ll_table_set_cell_span (table, row, 1, 3);
  ll_table_add_row (table, "接待代表", names->str, "绿色通道",
                    ll_case_get_fast_track (kase) ? "是" : "否", NULL);
  row = ll_table_add_row (table, "诉求事项", ll_case_get_title (kase), NULL);
  ll_table_set_cell_span (table, row, 1, 3);
  /* A box of at least five lines, as on the paper form. */
  {
    g_autofree char *boxed = g_strconcat (body, "\n\n\n\n", NULL);

    row = ll_table_add_row (table, "诉求内容",
                            g_utf8_strlen (body, -1) > 120 ? body : boxed, NULL);
    ll_table_set_cell_span (table, row, 1, 3);
  }
  ll_table_add_row (table, "办理方式", ll_report_label (LL_ENUM_HANDLING_MODE,
                                                        ll_case_get_handling_mode (kase)),
                    "承办单位", ll_case_get_department_name (kase) ?: "", NULL);
  ll_table_add_row (table, "交办日期", assigned, "办理期限", deadline, NULL);

  if (*deadline != '\0')
    request = g_strdup_printf ("请于%s前办理完毕，并将办理结果书面反馈%s。\n\n\n"
                               "交办人（签字）：　　　　　　　　　　年　　月　　日",
                               deadline, office != NULL ? office : "交办单位");
  else
    request = g_strdup_printf ("请按规定时限办理，并将办理结果书面反馈%s。\n\n\n"
                               "交办人（签字）：　　　　　　　　　　年　　月　　日",
                               office != NULL ? office : "交办单位");
  row = ll_table_add_row (table, "交办意见", request, NULL);
  ll_table_set_cell_span (table, row, 1, 3);
  row = ll_table_add_row (table, "办理结果",
                          "\n\n\n\n\n\n\n\n承办人（签字）：　　　　　承办单位（盖章）　　　　年　　月　　日",
                          NULL);
  ll_table_set_cell_span (table, row, 1, 3);
  row = ll_table_add_row (table, "签收情况",
                          "签收人：　　　　　　　　　签收日期：　　　　年　　月　　日", NULL);
  ll_table_set_cell_span (table, row, 1, 3);
  ll_document_add_table (doc, table);

  ll_text_style_init (&style, LL_FONT_ROLE_SONG, 9);
  style.space_before = 0.2;
  ll_document_add_text (doc, &style,
                        options->show_personal_data
                        ? "注：本单一式两份，一份交承办单位，一份由交办单位存档。"
                          "本单含群众个人信息，请妥善保管，不得外传。"
                        : "注：本单一式两份，一份交承办单位，一份由交办单位存档。"
                          "反映人联系电话、地址已部分隐去，需要时向交办单位查询。");

  return g_steal_pointer (&doc);
}

static LlDocument *
slip_build (LlCase                 *kase,
            GPtrArray              *deputies,
            const LlReportOptions  *options,
            LlLayoutContext        *context,
            GError                **error)
{
  for (guint i = 0; i <= G_N_ELEMENTS (sizes); i++)
    {
      gboolean last = i == G_N_ELEMENTS (sizes);
      g_autoptr(LlDocument) doc = slip_document (kase, deputies, options,
                                                 sizes[MIN (i, G_N_ELEMENTS (sizes) - 1)], last);

      if (!ll_document_paginate (doc, context, NULL, error))
        return NULL;
      if (ll_document_get_n_pages (doc) == 1 || last)
        return g_steal_pointer (&doc);
    }

  g_assert_not_reached ();
}

/**
 * ll_case_slip_build:
 * @db: a #LlDatabase
 * @case_id: the case
 * @options: (nullable): the report options
 * @context: (nullable): the shaping context, %NULL for one with
 *   @options' fonts
 *
 * Returns: (transfer full) (nullable): the case's hand-over slip, one
 *   page, paginated on @context; %NULL with %LL_DATABASE_ERROR_NOT_FOUND
 *   for an unknown case
 */
LlDocument *
ll_case_slip_build (LlDatabase             *db,
                    gint64                  case_id,
                    const LlReportOptions  *options,
                    LlLayoutContext        *context,
                    GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;
  g_autoptr(LlLayoutContext) own_context = NULL;
  g_autoptr(GPtrArray) cases = NULL;
  g_autoptr(GPtrArray) deputies = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = own_options = ll_report_options_new ();
  if (context == NULL)
    context = own_context = ll_report_options_new_context (options);

  cases = ll_case_store_load_many (db, &case_id, 1, error);
  if (cases == NULL)
    return NULL;
  if (cases->len == 0)
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("There is no case with the id %" PRId64 "."), case_id);
      return NULL;
    }

  deputies = ll_case_store_list_deputies (db, case_id, error);
  if (deputies == NULL)
    return NULL;

  return slip_build (g_ptr_array_index (cases, 0), deputies, options, context, error);
}

/**
 * ll_case_slips_write:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @options: (nullable): the report options
 * @case_ids: (array length=n_case_ids): the cases, in the order printed
 * @n_case_ids: how many
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @n_pages: (out) (optional): pages written
 * @cancellable: (nullable): a #GCancellable
 *
 * Writes one slip per case into one PDF. Every id is checked first: an
 * unknown case (%LL_DATABASE_ERROR_NOT_FOUND) or an empty selection
 * (%LL_DATABASE_ERROR_INVALID) writes no file.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
ll_case_slips_write (LlDatabase             *db,
                     const LlReportOptions  *options,
                     const gint64           *case_ids,
                     guint                   n_case_ids,
                     const char             *path,
                     LlProgressFunc          progress,
                     gpointer                user_data,
                     guint                  *n_pages,
                     GCancellable           *cancellable,
                     GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;
  g_autoptr(LlLayoutContext) context = NULL;
  g_autoptr(LlPdfWriter) writer = NULL;
  guint done;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (case_ids != NULL || n_case_ids == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_pages != NULL)
    *n_pages = 0;
  if (options == NULL)
    options = own_options = ll_report_options_new ();

  if (n_case_ids == 0)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("No cases were chosen for hand-over slips."));
      return FALSE;
    }

  /* Every case exists, before anything is written. */
  for (guint start = 0; start < n_case_ids; start += BLOCK_SIZE)
    {
      guint n = MIN (BLOCK_SIZE, n_case_ids - start);
      g_autoptr(GPtrArray) cases = ll_case_store_load_many (db, case_ids + start, n, error);
      g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                           NULL);

      if (cases == NULL)
        return FALSE;
      for (guint i = 0; i < cases->len; i++)
        {
          gint64 *id = g_new (gint64, 1);

          *id = ll_case_get_id (g_ptr_array_index (cases, i));
          g_hash_table_add (found, id);
        }
      for (guint i = 0; i < n; i++)
        if (!g_hash_table_contains (found, &case_ids[start + i]))
          {
            g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                         _("There is no case with the id %" PRId64 "."),
                         case_ids[start + i]);
            return FALSE;
          }
    }

  context = ll_report_options_new_context (options);
  writer = ll_pdf_writer_new (context, path, error);
  if (writer == NULL)
    return FALSE;
  ll_pdf_writer_set_metadata (writer, "群众意见建议交办单", options->office_name);

  for (guint start = 0; start < n_case_ids; start += BLOCK_SIZE)
    {
      guint n = MIN (BLOCK_SIZE, n_case_ids - start);
      g_autoptr(GPtrArray) cases = ll_case_store_load_many (db, case_ids + start, n, error);

      if (cases == NULL)
        return FALSE;

      for (guint i = 0; i < cases->len; i++)
        {
          LlCase *kase = g_ptr_array_index (cases, i);
          g_autoptr(GPtrArray) deputies = NULL;
          g_autoptr(LlDocument) doc = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          deputies = ll_case_store_list_deputies (db, ll_case_get_id (kase), error);
          if (deputies == NULL)
            return FALSE;

          doc = slip_build (kase, deputies, options, context, error);
          if (doc == NULL ||
              !ll_pdf_writer_add_document (writer, doc, NULL, NULL, cancellable, error))
            return FALSE;

          if (progress != NULL)
            progress (ll_pdf_writer_get_n_pages (writer),
                      (double) (start + i + 1) / n_case_ids, user_data);
        }
    }

  done = ll_pdf_writer_get_n_pages (writer);
  if (!ll_pdf_writer_close (writer, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = done;
  return TRUE;
}

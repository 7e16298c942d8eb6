/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-document"

#include "config.h"

#include <string.h>

#include "ll-document-private.h"

/**
 * LlDocument:
 *
 * A printed document as a flow of blocks on a page profile: the GB/T 9704
 * parts (title, addressee, paragraphs, headings, attachment note,
 * signature and date, note, issuing-organ header, colophon), free text,
 * tables and charts. The caller builds it, ll_document_paginate() breaks
 * it into pages and ll_document_draw_page() draws any page on any Cairo
 * context, in points; ll_document_write_pdf() streams it to a PDF file.
 *
 * The model holds text, not layouts: shaping happens page by page in an
 * #LlLayoutContext, so a long document never has all its pages' layouts
 * in memory. Pagination keeps only where each page starts.
 *
 * Printed words of the documents themselves (附件, 抄送, 印发, 续) are
 * part of the Chinese standard and are not translated.
 */

G_DEFINE_FINAL_TYPE (LlDocument, ll_document, G_TYPE_OBJECT)

/* Closing punctuation never ends a title (GB/T 9704 7.3.1). */
static const char *title_trailing_punctuation[] = {
  "。", "，", "；", "：", "、", ".", ",", ";", ":", NULL
};

static const LlFontRole heading_roles[4] = {
  LL_FONT_ROLE_HEI, LL_FONT_ROLE_KAI, LL_FONT_ROLE_BODY, LL_FONT_ROLE_BODY,
};

static void
block_free (gpointer data)
{
  LlBlock *block = data;

  g_free (block->text);
  g_free (block->date);
  g_strfreev (block->items);
  g_clear_pointer (&block->table, ll_table_unref);
  g_clear_pointer (&block->chart, ll_chart_unref);
  g_free (block);
}

static LlBlock *
append_block (LlDocument  *self,
              LlBlockKind  kind)
{
  LlBlock *block = g_new0 (LlBlock, 1);

  block->kind = kind;
  ll_text_style_init (&block->style, LL_FONT_ROLE_BODY, 0);
  g_ptr_array_add (self->blocks, block);
  _ll_document_invalidate (self);

  return block;
}

static LlBlock *
last_block (LlDocument *self)
{
  if (self->blocks->len == 0)
    return NULL;
  return g_ptr_array_index (self->blocks, self->blocks->len - 1);
}

static char *
strip_trailing (const char  *text,
                const char **suffixes)
{
  g_autofree char *copy = g_strstrip (g_strdup (text));
  gboolean changed = TRUE;

  while (changed)
    {
      changed = FALSE;
      for (guint i = 0; suffixes[i] != NULL; i++)
        {
          if (g_str_has_suffix (copy, suffixes[i]))
            {
              copy[strlen (copy) - strlen (suffixes[i])] = '\0';
              g_strchomp (copy);
              changed = TRUE;
            }
        }
    }

  return g_steal_pointer (&copy);
}

static void
ll_document_finalize (GObject *object)
{
  LlDocument *self = (LlDocument *) object;

  g_clear_pointer (&self->blocks, g_ptr_array_unref);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->author, g_free);
  g_clear_pointer (&self->organ_mark, g_free);
  g_clear_pointer (&self->document_number, g_free);
  g_clear_pointer (&self->copy_to, g_free);
  g_clear_pointer (&self->issuer, g_free);
  g_clear_pointer (&self->issue_date, g_free);
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (ll_document_parent_class)->finalize (object);
}

static void
ll_document_class_init (LlDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = ll_document_finalize;
}

static void
ll_document_init (LlDocument *self)
{
  self->blocks = g_ptr_array_new_with_free_func (block_free);
  self->number_headings = TRUE;
  self->double_sided = TRUE;
  ll_page_profile_init (&self->profile, LL_PAGE_GBT9704);
}

void
_ll_document_invalidate (LlDocument *self)
{
  g_clear_pointer (&self->page_starts, g_array_unref);
  g_clear_object (&self->context);
}

/**
 * ll_text_style_init:
 * @style: (out caller-allocates): the style to fill
 * @size: points, or 0 for the profile's body size
 *
 * Black, flush left, no indent, no space before.
 */
void
ll_text_style_init (LlTextStyle *style,
                    LlFontRole   role,
                    double       size)
{
  g_return_if_fail (style != NULL);
  g_return_if_fail (role < LL_FONT_N_ROLES);

  memset (style, 0, sizeof *style);
  style->role = role;
  style->size = size;
  style->align = LL_ALIGN_LEFT;
}

/**
 * ll_document_new:
 * @profile: (nullable): the page geometry, %NULL for GB/T 9704
 *
 * Returns: (transfer full): an empty document
 */
LlDocument *
ll_document_new (const LlPageProfile *profile)
{
  LlDocument *self = g_object_new (LL_TYPE_DOCUMENT, NULL);

  if (profile != NULL)
    self->profile = *profile;

  return self;
}

/**
 * ll_document_new_for_kind:
 *
 * Returns: (transfer full): an empty document on the profile of @kind
 */
LlDocument *
ll_document_new_for_kind (LlPageKind kind)
{
  LlPageProfile profile;

  ll_page_profile_init (&profile, kind);
  return ll_document_new (&profile);
}

const LlPageProfile *
ll_document_get_profile (LlDocument *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT (self), NULL);
  return &self->profile;
}

/**
 * ll_document_get_title:
 *
 * Returns: (nullable): the title given with ll_document_set_metadata(),
 *   else the first title block
 */
const char *
ll_document_get_title (LlDocument *self)
{
  g_return_val_if_fail (LL_IS_DOCUMENT (self), NULL);

  if (self->title != NULL)
    return self->title;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      LlBlock *block = g_ptr_array_index (self->blocks, i);

      if (block->kind == LL_BLOCK_TITLE)
        return block->text;
    }

  return NULL;
}

/**
 * ll_document_set_metadata:
 * @title: (nullable): the PDF title
 * @author: (nullable): the PDF author, e.g. the issuing organ
 */
void
ll_document_set_metadata (LlDocument *self,
                          const char *title,
                          const char *author)
{
  g_return_if_fail (LL_IS_DOCUMENT (self));

  g_free (self->title);
  self->title = g_strdup (title);
  g_free (self->author);
  self->author = g_strdup (author);
}

/**
 * ll_document_set_double_sided:
 *
 * Double-sided documents (the default) put the colophon on an even page,
 * the back of the last sheet, adding a blank page when needed.
 */
void
ll_document_set_double_sided (LlDocument *self,
                              gboolean    double_sided)
{
  g_return_if_fail (LL_IS_DOCUMENT (self));

  self->double_sided = !!double_sided;
  _ll_document_invalidate (self);
}

/**
 * ll_document_set_number_headings:
 *
 * Whether ll_document_add_heading() numbers headings (`一、` `（一）` `1.`
 * `（1）`); on by default. When off, the text carries its own number.
 */
void
ll_document_set_number_headings (LlDocument *self,
                                 gboolean    number)
{
  g_return_if_fail (LL_IS_DOCUMENT (self));
  self->number_headings = !!number;
}

/**
 * ll_document_set_header:
 * @organ_mark: the issuing-organ mark, e.g. `××区人大常委会代表联络站文件`
 * @document_number: (nullable): e.g. from ll_format_document_number()
 *
 * Adds the red header (版头) to the first page: the organ mark in red
 * 小标宋 35 mm below the top of the type area, the document number two
 * lines below it and a red rule 4 mm under the number.
 */
void
ll_document_set_header (LlDocument *self,
                        const char *organ_mark,
                        const char *document_number)
{
  g_return_if_fail (LL_IS_DOCUMENT (self));

  g_free (self->organ_mark);
  self->organ_mark = organ_mark && *organ_mark ? g_strdup (organ_mark) : NULL;
  g_free (self->document_number);
  self->document_number = document_number && *document_number ? g_strdup (document_number)
                                                               : NULL;
  _ll_document_invalidate (self);
}

/**
 * ll_document_add_title:
 *
 * Adds the title: 2号小标宋, centred. A title longer than a line breaks
 * into lines of near-equal length unless it holds its own '\n' breaks.
 * Closing punctuation at its end is dropped.
 */
void
ll_document_add_title (LlDocument *self,
                       const char *title)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (title != NULL);

  block = append_block (self, LL_BLOCK_TITLE);
  block->text = strip_trailing (title, title_trailing_punctuation);
  ll_text_style_init (&block->style, LL_FONT_ROLE_TITLE, 22.0);
  block->style.align = LL_ALIGN_CENTER;
  block->keep_together = TRUE;
  block->keep_with_next = TRUE;
}

/**
 * ll_document_add_addressee:
 *
 * Adds the addressee (主送机关), flush left, one blank line below the
 * title, ending with a full-width colon.
 */
void
ll_document_add_addressee (LlDocument *self,
                           const char *addressee)
{
  static const char *colons[] = { "：", ":", NULL };
  LlBlock *previous;
  LlBlock *block;
  g_autofree char *stripped = NULL;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (addressee != NULL);

  previous = last_block (self);
  stripped = strip_trailing (addressee, colons);
  block = append_block (self, LL_BLOCK_TEXT);
  block->text = g_strconcat (stripped, "：", NULL);
  block->style.align = LL_ALIGN_JUSTIFY;
  block->style.space_before = previous != NULL && previous->kind == LL_BLOCK_TITLE ? 1 : 0;
  block->keep_with_next = TRUE;
}

/**
 * ll_document_add_paragraph:
 *
 * Adds a body paragraph: 仿宋, first line indented two characters,
 * justified on the grid.
 */
void
ll_document_add_paragraph (LlDocument *self,
                           const char *text)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (text != NULL);

  block = append_block (self, LL_BLOCK_TEXT);
  block->text = g_strdup (text);
  block->style.align = LL_ALIGN_JUSTIFY;
  block->style.first_indent = 2;
}

static char *
next_heading_number (LlDocument *self,
                     guint       level)
{
  self->heading_counters[level - 1]++;
  for (guint i = level; i < G_N_ELEMENTS (self->heading_counters); i++)
    self->heading_counters[i] = 0;

  if (!self->number_headings)
    return g_strdup ("");
  return ll_format_heading_number (level, self->heading_counters[level - 1]);
}

/**
 * ll_document_add_heading:
 * @level: 1 to 4
 *
 * Adds a heading on a line of its own, numbered `一、` `（一）` `1.` `（1）`
 * by level (see ll_document_set_number_headings()), in 黑体, 楷体, 仿宋
 * and 仿宋, indented two characters. A heading never ends a page.
 */
void
ll_document_add_heading (LlDocument *self,
                         guint       level,
                         const char *text)
{
  g_autofree char *number = NULL;
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (level >= 1 && level <= 4);
  g_return_if_fail (text != NULL);

  number = next_heading_number (self, level);
  block = append_block (self, LL_BLOCK_TEXT);
  block->text = g_strconcat (number, text, NULL);
  block->style.role = heading_roles[level - 1];
  block->style.align = LL_ALIGN_JUSTIFY;
  block->style.first_indent = 2;
  block->keep_with_next = TRUE;
}

/**
 * ll_document_add_heading_with_body:
 * @level: 1 to 4
 * @heading: the heading, numbered as in ll_document_add_heading()
 * @body: the paragraph text that follows it on the same line
 *
 * Adds a paragraph that starts with a run-in heading in the heading's
 * font, as is usual for levels 2 to 4 (`（一）关于……。正文……`).
 */
void
ll_document_add_heading_with_body (LlDocument *self,
                                   guint       level,
                                   const char *heading,
                                   const char *body)
{
  g_autofree char *number = NULL;
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (level >= 1 && level <= 4);
  g_return_if_fail (heading != NULL);
  g_return_if_fail (body != NULL);

  number = next_heading_number (self, level);
  block = append_block (self, LL_BLOCK_TEXT);
  block->text = g_strconcat (number, heading, body, NULL);
  block->lead_len = strlen (number) + strlen (heading);
  block->lead_role = heading_roles[level - 1];
  block->style.align = LL_ALIGN_JUSTIFY;
  block->style.first_indent = 2;
}

/**
 * ll_document_add_attachments:
 * @names: (array zero-terminated=1): the attachments' names
 *
 * Adds the attachment note one blank line below the body, indented two
 * characters: `附件：1.××`, further names aligned under the first. It is
 * kept together and with the last line of the body.
 */
void
ll_document_add_attachments (LlDocument         *self,
                             const char * const *names)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (names != NULL);

  if (names[0] == NULL)
    return;

  block = append_block (self, LL_BLOCK_ATTACHMENTS);
  block->items = g_strdupv ((char **) names);
  block->style.space_before = 1;
  block->keep_together = TRUE;
  block->keep_with_previous = TRUE;
}

/**
 * ll_document_add_signature:
 * @organ: the issuing organ's name
 * @date: the date of the document
 *
 * Adds the signature without seal one blank line below the body: the
 * organ two characters in from the right, the date (`2025年3月5日`) on the
 * next line starting two characters right of the organ's first character
 * (if the date is the longer, the date is two characters in from the
 * right and the organ moves left). The block is kept together and with
 * the last line before it.
 */
void
ll_document_add_signature (LlDocument  *self,
                           const char  *organ,
                           const GDate *date)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (organ != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  block = append_block (self, LL_BLOCK_SIGNATURE);
  block->text = g_strdup (organ);
  block->date = ll_format_date (date);
  block->style.space_before = 1;
  block->keep_together = TRUE;
  block->keep_with_previous = TRUE;
}

/**
 * ll_document_add_note:
 *
 * Adds the note (附注) on the line after the date, indented two
 * characters, in full-width parentheses (added if missing).
 */
void
ll_document_add_note (LlDocument *self,
                      const char *note)
{
  LlBlock *previous;
  LlBlock *block;
  g_autofree char *stripped = NULL;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (note != NULL);

  previous = last_block (self);
  stripped = g_strstrip (g_strdup (note));
  block = append_block (self, LL_BLOCK_TEXT);
  if (g_str_has_prefix (stripped, "（") && g_str_has_suffix (stripped, "）"))
    block->text = g_steal_pointer (&stripped);
  else
    block->text = g_strconcat ("（", stripped, "）", NULL);
  block->style.align = LL_ALIGN_JUSTIFY;
  block->style.first_indent = 2;
  block->keep_with_previous = previous != NULL && previous->kind == LL_BLOCK_SIGNATURE;
}

/**
 * ll_document_set_colophon:
 * @copy_to: (nullable): the 抄送 organs, e.g. `市人大常委会办公厅，各区人大常委会`
 * @issuer: the organ that prints and issues, e.g. `××联络站`
 * @issue_date: the printing date
 *
 * Adds the colophon (版记) at the foot of the last page, on the bottom of
 * the type area, between rules.
 */
void
ll_document_set_colophon (LlDocument  *self,
                          const char  *copy_to,
                          const char  *issuer,
                          const GDate *issue_date)
{
  static const char *stops[] = { "。", NULL };

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (issuer != NULL);
  g_return_if_fail (issue_date != NULL && g_date_valid (issue_date));

  g_clear_pointer (&self->copy_to, g_free);
  if (copy_to != NULL && *copy_to != '\0')
    {
      g_autofree char *stripped = strip_trailing (copy_to, stops);

      self->copy_to = g_strconcat ("抄送：", stripped, "。", NULL);
    }
  g_free (self->issuer);
  self->issuer = g_strdup (issuer);
  g_free (self->issue_date);
  self->issue_date = ll_format_date (issue_date);
  _ll_document_invalidate (self);
}

/**
 * ll_document_add_text:
 *
 * Adds a block of text in @style; it wraps within the type area and
 * breaks across pages between lines.
 */
void
ll_document_add_text (LlDocument        *self,
                      const LlTextStyle *style,
                      const char        *text)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (style != NULL);
  g_return_if_fail (style->role < LL_FONT_N_ROLES);
  g_return_if_fail (text != NULL);

  block = append_block (self, LL_BLOCK_TEXT);
  block->text = g_strdup (text);
  block->style = *style;
  block->keep_with_next = !!style->keep_with_next;
}

/**
 * ll_document_add_table:
 *
 * Adds @table to the flow (the document keeps a reference; do not change
 * the table afterwards).
 */
void
ll_document_add_table (LlDocument *self,
                       LlTable    *table)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (table != NULL);

  block = append_block (self, LL_BLOCK_TABLE);
  block->table = ll_table_ref (table);
}

/**
 * ll_document_add_chart:
 *
 * Adds @chart to the flow, full type-area width; it is never split.
 */
void
ll_document_add_chart (LlDocument *self,
                       LlChart    *chart)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (chart != NULL);

  block = append_block (self, LL_BLOCK_CHART);
  block->chart = ll_chart_ref (chart);
}

/**
 * ll_document_add_space:
 * @lines: body lines of blank space (dropped at the top of a page)
 */
void
ll_document_add_space (LlDocument *self,
                       double      lines)
{
  LlBlock *block;

  g_return_if_fail (LL_IS_DOCUMENT (self));
  g_return_if_fail (lines >= 0);

  block = append_block (self, LL_BLOCK_SPACE);
  block->lines = lines;
}

/**
 * ll_document_add_page_break:
 *
 * What follows starts on a new page (nothing happens at a page top).
 */
void
ll_document_add_page_break (LlDocument *self)
{
  g_return_if_fail (LL_IS_DOCUMENT (self));
  append_block (self, LL_BLOCK_PAGE_BREAK);
}

/**
 * ll_format_date:
 *
 * Returns: (transfer full): @date as GB/T 9704 writes it: Arabic numerals,
 *   full year, no leading zeros, e.g. `2025年3月5日`
 */
char *
ll_format_date (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%u年%u月%u日",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/**
 * ll_format_document_number:
 * @prefix: (nullable): the organ's abbreviation, e.g. `×联`
 *
 * Returns: (transfer full): e.g. `×联〔2025〕5号`: full year in hexagonal
 *   brackets, no 第, no leading zeros
 */
char *
ll_format_document_number (const char *prefix,
                           guint       year,
                           guint       number)
{
  return g_strdup_printf ("%s〔%u〕%u号", prefix ? prefix : "", year, number);
}

/**
 * ll_format_chinese_number:
 *
 * Returns: (transfer full): @n in Chinese numerals (一, 十二, 二十, 一百零五);
 *   numbers from 1000 on in Arabic numerals
 */
char *
ll_format_chinese_number (guint n)
{
  static const char *digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  GString *s;

  if (n == 0 || n >= 1000)
    return g_strdup_printf ("%u", n);

  s = g_string_new (NULL);
  if (n >= 100)
    {
      g_string_append (s, digits[n / 100]);
      g_string_append (s, "百");
      n %= 100;
      if (n == 0)
        return g_string_free (s, FALSE);
      if (n < 10)
        g_string_append (s, "零");
      else if (n < 20)
        g_string_append (s, "一");
    }
  if (n >= 10)
    {
      if (n >= 20)
        g_string_append (s, digits[n / 10]);
      g_string_append (s, "十");
      n %= 10;
    }
  if (n > 0)
    g_string_append (s, digits[n]);

  return g_string_free (s, FALSE);
}

/**
 * ll_format_heading_number:
 * @level: 1 to 4
 *
 * Returns: (transfer full): the number of the @n-th heading of @level:
 *   `一、` `（一）` `1.` `（1）`
 */
char *
ll_format_heading_number (guint level,
                          guint n)
{
  g_autofree char *chinese = NULL;

  g_return_val_if_fail (level >= 1 && level <= 4, NULL);

  switch (level)
    {
    case 1:
      chinese = ll_format_chinese_number (n);
      return g_strconcat (chinese, "、", NULL);
    case 2:
      chinese = ll_format_chinese_number (n);
      return g_strconcat ("（", chinese, "）", NULL);
    case 3:
      return g_strdup_printf ("%u.", n);
    default:
      return g_strdup_printf ("（%u）", n);
    }
}

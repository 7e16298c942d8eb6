/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "ll-chart.h"
#include "ll-layout.h"
#include "ll-table.h"

G_BEGIN_DECLS

/**
 * LlTextStyle:
 * @role: the font role
 * @size: points; 0 for the page profile's body size
 * @bold: bold on top of the role's weight
 * @align: alignment
 * @first_indent: first-line indent in characters of @size (GB/T body: 2)
 * @left_indent: indent of every line in characters
 * @space_before: blank lines before the block (dropped at a page top)
 * @color: 0xRRGGBB
 * @keep_with_next: never end a page with this block
 *
 * The look of a free text block, for forms and for anything the GB/T
 * helpers do not cover. Start from ll_text_style_init().
 */
typedef struct {
  LlFontRole role;
  double     size;
  gboolean   bold;
  LlAlign    align;
  double     first_indent;
  double     left_indent;
  double     space_before;
  guint32    color;
  gboolean   keep_with_next;
} LlTextStyle;

void ll_text_style_init (LlTextStyle *style,
                         LlFontRole   role,
                         double       size);

#define LL_TYPE_DOCUMENT (ll_document_get_type ())

G_DECLARE_FINAL_TYPE (LlDocument, ll_document, LL, DOCUMENT, GObject)

LlDocument          *ll_document_new                 (const LlPageProfile *profile);
LlDocument          *ll_document_new_for_kind        (LlPageKind           kind);
const LlPageProfile *ll_document_get_profile         (LlDocument          *self);
const char          *ll_document_get_title           (LlDocument          *self);
void                 ll_document_set_metadata        (LlDocument          *self,
                                                      const char          *title,
                                                      const char          *author);
void                 ll_document_set_double_sided    (LlDocument          *self,
                                                      gboolean             double_sided);
void                 ll_document_set_number_headings (LlDocument          *self,
                                                      gboolean             number);

/* GB/T 9704 parts, in the order they appear */
void ll_document_set_header             (LlDocument         *self,
                                         const char         *organ_mark,
                                         const char         *document_number);
void ll_document_add_title              (LlDocument         *self,
                                         const char         *title);
void ll_document_add_addressee          (LlDocument         *self,
                                         const char         *addressee);
void ll_document_add_paragraph          (LlDocument         *self,
                                         const char         *text);
void ll_document_add_heading            (LlDocument         *self,
                                         guint               level,
                                         const char         *text);
void ll_document_add_heading_with_body  (LlDocument         *self,
                                         guint               level,
                                         const char         *heading,
                                         const char         *body);
void ll_document_add_attachments        (LlDocument         *self,
                                         const char * const *names);
void ll_document_add_signature          (LlDocument         *self,
                                         const char         *organ,
                                         const GDate        *date);
void ll_document_add_note               (LlDocument         *self,
                                         const char         *note);
void ll_document_set_colophon           (LlDocument         *self,
                                         const char         *copy_to,
                                         const char         *issuer,
                                         const GDate        *issue_date);

/* Any profile */
void ll_document_add_text               (LlDocument         *self,
                                         const LlTextStyle  *style,
                                         const char         *text);
void ll_document_add_table              (LlDocument         *self,
                                         LlTable            *table);
void ll_document_add_chart              (LlDocument         *self,
                                         LlChart            *chart);
void ll_document_add_space              (LlDocument         *self,
                                         double              lines);
void ll_document_add_page_break         (LlDocument         *self);

/* Pagination and drawing (ll-document-layout.c) */
gboolean ll_document_paginate           (LlDocument         *self,
                                         LlLayoutContext    *context,
                                         GCancellable       *cancellable,
                                         GError            **error);
guint    ll_document_get_n_pages        (LlDocument         *self);
gboolean ll_document_draw_page          (LlDocument         *self,
                                         cairo_t            *cr,
                                         guint               page,
                                         GError            **error);

/* Text helpers */
char *ll_format_date                    (const GDate        *date);
char *ll_format_document_number         (const char         *prefix,
                                         guint               year,
                                         guint               number);
char *ll_format_chinese_number          (guint               n);
char *ll_format_heading_number          (guint               level,
                                         guint               n);

G_END_DECLS

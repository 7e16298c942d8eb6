/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ll-document.h"

G_BEGIN_DECLS

typedef enum {
  LL_BLOCK_TEXT,
  LL_BLOCK_TITLE,
  LL_BLOCK_ATTACHMENTS,
  LL_BLOCK_SIGNATURE,
  LL_BLOCK_TABLE,
  LL_BLOCK_CHART,
  LL_BLOCK_SPACE,
  LL_BLOCK_PAGE_BREAK,
} LlBlockKind;

/* One element of the flow. Composite GB/T parts (title, attachments,
 * signature) keep their own fields and become lines at layout time. */
typedef struct {
  LlBlockKind  kind;
  guint        keep_with_next : 1;
  guint        keep_together : 1;
  guint        keep_with_previous : 1;
  LlTextStyle  style;
  char        *text;      /* TEXT, TITLE; SIGNATURE: the organ */
  gsize        lead_len;  /* TEXT: run-in heading bytes */
  LlFontRole   lead_role;
  char        *date;      /* SIGNATURE */
  char       **items;     /* ATTACHMENTS */
  LlTable     *table;
  LlChart     *chart;
  double       lines;     /* SPACE */
} LlBlock;

/* Where a page starts: the block and the line (text) or body row
 * (table) within it. Past the last block, @sub tells the tail pages. */
typedef struct {
  guint block;
  guint sub;
} LlFlowPos;

enum {
  LL_TAIL_DECIDE = 0,
  LL_TAIL_BLANK,
  LL_TAIL_COLOPHON,
  LL_TAIL_DONE,
};

struct _LlDocument
{
  GObject          parent_instance;

  /* Owned */
  LlPageProfile    profile;
  GPtrArray       *blocks;
  char            *title;
  char            *author;
  char            *organ_mark;
  char            *document_number;
  char            *copy_to;
  char            *issuer;
  char            *issue_date;
  guint            heading_counters[4];
  gboolean         number_headings;
  gboolean         double_sided;

  /* Pagination */
  LlLayoutContext *context;
  GArray          *page_starts;
};

void _ll_document_invalidate (LlDocument *self);

gboolean _ll_document_render_pages (LlDocument       *self,
                                    LlLayoutContext  *context,
                                    cairo_t          *cr,
                                    cairo_surface_t  *pdf_surface,
                                    LlProgressFunc    progress,
                                    gpointer          user_data,
                                    guint            *n_pages,
                                    GCancellable     *cancellable,
                                    GError          **error);

G_END_DECLS

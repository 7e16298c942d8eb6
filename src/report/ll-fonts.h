/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * LlFontRole:
 * @LL_FONT_ROLE_TITLE: 小标宋, document titles and the issuing-organ mark
 * @LL_FONT_ROLE_BODY: 仿宋, body text and level 3–4 headings
 * @LL_FONT_ROLE_HEI: 黑体, level 1 headings
 * @LL_FONT_ROLE_KAI: 楷体, level 2 headings
 * @LL_FONT_ROLE_SONG: 宋体, tables and numbers
 *
 * The typefaces of a GB/T 9704 document (REPORTS.md).
 */
typedef enum {
  LL_FONT_ROLE_TITLE,
  LL_FONT_ROLE_BODY,
  LL_FONT_ROLE_HEI,
  LL_FONT_ROLE_KAI,
  LL_FONT_ROLE_SONG,
  LL_FONT_N_ROLES
} LlFontRole;

const char *ll_font_role_key             (LlFontRole   role);
const char *ll_font_role_default_families (LlFontRole  role);
gboolean    ll_fonts_init                (const char  *fandol_dir);

G_END_DECLS

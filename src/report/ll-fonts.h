/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

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

const char *ll_font_role_key              (LlFontRole   role);
gboolean    ll_font_role_from_key         (const char  *key,
                                           LlFontRole  *role);
const char *ll_font_role_default_families (LlFontRole   role);
gboolean    ll_fonts_init                 (const char  *fandol_dir);
gboolean    ll_font_family_is_installed   (const char  *family);
gboolean    ll_font_family_has_chinese    (const char  *family);

/**
 * LlFontSet:
 *
 * The families chosen for each #LlFontRole, filled by the caller from the
 * user's settings. A role without a choice uses its default chain; a
 * chosen family is tried first and the default chain stays behind it as
 * the fallback.
 */
typedef struct _LlFontSet LlFontSet;

#define LL_TYPE_FONT_SET (ll_font_set_get_type ())

GType       ll_font_set_get_type         (void) G_GNUC_CONST;
LlFontSet  *ll_font_set_new              (void);
LlFontSet  *ll_font_set_new_from_table   (GHashTable  *families);
LlFontSet  *ll_font_set_ref              (LlFontSet   *self);
void        ll_font_set_unref            (LlFontSet   *self);
void        ll_font_set_set_family       (LlFontSet   *self,
                                          LlFontRole   role,
                                          const char  *family);
const char *ll_font_set_get_family       (LlFontSet   *self,
                                          LlFontRole   role);
char       *ll_font_set_dup_families     (LlFontSet   *self,
                                          LlFontRole   role);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlFontSet, ll_font_set_unref)

G_END_DECLS

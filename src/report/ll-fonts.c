/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-fonts"

#include "config.h"

#include <fontconfig/fontconfig.h>

#include "ll-fonts.h"

/* Family lists tried in order (REPORTS.md): the user's licensed fonts
 * first, then the free ones Debian ships. The CJK family comes first so
 * that full-width punctuation is not taken from a Latin font. */
static const struct {
  const char *key;
  const char *families;
} roles[LL_FONT_N_ROLES] = {
  [LL_FONT_ROLE_TITLE] = { "title", "FZXiaoBiaoSong-B05S,Noto Serif CJK SC,FandolSong" },
  [LL_FONT_ROLE_BODY]  = { "body",  "FangSong_GB2312,FangSong,FandolFang,Noto Serif CJK SC" },
  [LL_FONT_ROLE_HEI]   = { "hei",   "SimHei,Noto Sans CJK SC,FandolHei,WenQuanYi Zen Hei" },
  [LL_FONT_ROLE_KAI]   = { "kai",   "KaiTi_GB2312,KaiTi,FandolKai,AR PL KaitiM GB,AR PL UKai CN,"
                                    "Noto Serif CJK SC" },
  [LL_FONT_ROLE_SONG]  = { "song",  "SimSun,Noto Serif CJK SC,FandolSong,AR PL UMing CN" },
};

/**
 * ll_font_role_key:
 *
 * Returns: the settings key of @role, e.g. `"body"`
 */
const char *
ll_font_role_key (LlFontRole role)
{
  g_return_val_if_fail (role < LL_FONT_N_ROLES, NULL);
  return roles[role].key;
}

/**
 * ll_font_role_default_families:
 *
 * Returns: the comma-separated Pango family list used for @role when the
 *   user has not chosen another
 */
const char *
ll_font_role_default_families (LlFontRole role)
{
  g_return_val_if_fail (role < LL_FONT_N_ROLES, NULL);
  return roles[role].families;
}

/**
 * ll_fonts_init:
 * @fandol_dir: (nullable): folder holding the Fandol OpenType fonts
 *
 * Adds @fandol_dir to the application's fontconfig set when it exists:
 * Debian installs the only free simplified 仿宋 there, where fontconfig
 * does not look. Safe to call more than once.
 *
 * Returns: %TRUE if the folder was added
 */
gboolean
ll_fonts_init (const char *fandol_dir)
{
  static gsize done = 0;
  static gboolean added = FALSE;

  if (g_once_init_enter (&done))
    {
      if (fandol_dir != NULL && g_file_test (fandol_dir, G_FILE_TEST_IS_DIR))
        {
          FcConfig *config = FcConfigGetCurrent ();
          added = FcConfigAppFontAddDir (config, (const FcChar8 *) fandol_dir);
        }
      g_once_init_leave (&done, 1);
    }

  return added;
}

/**
 * ll_font_role_from_key:
 * @key: a settings key such as `"body"`
 * @role: (out): the role
 *
 * Returns: %TRUE if @key names a role
 */
gboolean
ll_font_role_from_key (const char *key,
                       LlFontRole *role)
{
  g_return_val_if_fail (key != NULL, FALSE);
  g_return_val_if_fail (role != NULL, FALSE);

  for (guint i = 0; i < LL_FONT_N_ROLES; i++)
    {
      if (g_strcmp0 (roles[i].key, key) == 0)
        {
          *role = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * ll_font_family_is_installed:
 * @family: one family name
 *
 * Returns: %TRUE if fontconfig has a font of exactly @family (aliases and
 *   substitutes do not count)
 */
gboolean
ll_font_family_is_installed (const char *family)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *found;
  gboolean installed;

  g_return_val_if_fail (family != NULL, FALSE);

  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  found = FcFontList (NULL, pattern, objects);
  installed = found != NULL && found->nfont > 0;

  if (found != NULL)
    FcFontSetDestroy (found);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);

  return installed;
}

/**
 * ll_font_family_has_chinese:
 * @family: one family name
 *
 * Returns: %TRUE if an installed font of @family covers simplified Chinese
 */
gboolean
ll_font_family_has_chinese (const char *family)
{
  FcPattern *pattern;
  FcObjectSet *objects;
  FcFontSet *found;
  FcLangSet *langs;
  gboolean chinese;

  g_return_val_if_fail (family != NULL, FALSE);

  pattern = FcPatternCreate ();
  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  langs = FcLangSetCreate ();
  FcLangSetAdd (langs, (const FcChar8 *) "zh-cn");
  FcPatternAddLangSet (pattern, FC_LANG, langs);
  objects = FcObjectSetBuild (FC_FAMILY, NULL);
  found = FcFontList (NULL, pattern, objects);
  chinese = found != NULL && found->nfont > 0;

  if (found != NULL)
    FcFontSetDestroy (found);
  FcObjectSetDestroy (objects);
  FcLangSetDestroy (langs);
  FcPatternDestroy (pattern);

  return chinese;
}

struct _LlFontSet
{
  char *families[LL_FONT_N_ROLES];
};

static void
ll_font_set_clear (LlFontSet *self)
{
  for (guint i = 0; i < LL_FONT_N_ROLES; i++)
    g_clear_pointer (&self->families[i], g_free);
}

G_DEFINE_BOXED_TYPE (LlFontSet, ll_font_set, ll_font_set_ref, ll_font_set_unref)

/**
 * ll_font_set_new:
 *
 * Returns: (transfer full): a font set using the default chain of every role
 */
LlFontSet *
ll_font_set_new (void)
{
  return g_atomic_rc_box_new0 (LlFontSet);
}

/**
 * ll_font_set_new_from_table:
 * @families: (element-type utf8 utf8): role key (ll_font_role_key()) to
 *   family name, as stored in the settings
 *
 * Unknown keys and empty names are ignored.
 *
 * Returns: (transfer full): a new font set
 */
LlFontSet *
ll_font_set_new_from_table (GHashTable *families)
{
  LlFontSet *self = ll_font_set_new ();
  GHashTableIter iter;
  gpointer key, value;

  g_return_val_if_fail (families != NULL, self);

  g_hash_table_iter_init (&iter, families);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      LlFontRole role;

      if (ll_font_role_from_key (key, &role))
        ll_font_set_set_family (self, role, value);
    }

  return self;
}

LlFontSet *
ll_font_set_ref (LlFontSet *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_atomic_rc_box_acquire (self);
}

void
ll_font_set_unref (LlFontSet *self)
{
  g_return_if_fail (self != NULL);
  g_atomic_rc_box_release_full (self, (GDestroyNotify) ll_font_set_clear);
}

/**
 * ll_font_set_set_family:
 * @family: (nullable): a family name, or %NULL or "" for the default chain
 *
 * Chooses the family tried first for @role.
 */
void
ll_font_set_set_family (LlFontSet  *self,
                        LlFontRole  role,
                        const char *family)
{
  g_autofree char *stripped = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (role < LL_FONT_N_ROLES);

  if (family != NULL)
    stripped = g_strstrip (g_strdup (family));

  g_clear_pointer (&self->families[role], g_free);
  if (stripped != NULL && stripped[0] != '\0')
    self->families[role] = g_steal_pointer (&stripped);
}

/**
 * ll_font_set_get_family:
 *
 * Returns: (nullable): the family chosen for @role, or %NULL
 */
const char *
ll_font_set_get_family (LlFontSet  *self,
                        LlFontRole  role)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (role < LL_FONT_N_ROLES, NULL);

  return self->families[role];
}

/**
 * ll_font_set_dup_families:
 *
 * The chosen family goes first only if it covers Chinese: a Latin font
 * first in the list would supply the full-width punctuation. Otherwise it
 * follows the default chain, which covers Latin text anyway.
 *
 * Returns: (transfer full): the comma-separated Pango family list for
 *   @role: the chosen family, then the default chain without repeats
 */
char *
ll_font_set_dup_families (LlFontSet  *self,
                          LlFontRole  role)
{
  g_autoptr(GString) list = NULL;
  g_auto(GStrv) chain = NULL;
  gboolean chinese_first;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (role < LL_FONT_N_ROLES, NULL);

  if (self->families[role] == NULL)
    return g_strdup (roles[role].families);

  chinese_first = !ll_font_family_is_installed (self->families[role]) ||
                  ll_font_family_has_chinese (self->families[role]);
  list = g_string_new (chinese_first ? self->families[role] : NULL);
  chain = g_strsplit (roles[role].families, ",", -1);
  for (guint i = 0; chain[i] != NULL; i++)
    {
      if (g_ascii_strcasecmp (chain[i], self->families[role]) == 0)
        continue;
      if (list->len > 0)
        g_string_append_c (list, ',');
      g_string_append (list, chain[i]);
    }
  if (!chinese_first)
    {
      g_string_append_c (list, ',');
      g_string_append (list, self->families[role]);
    }

  return g_string_free (g_steal_pointer (&list), FALSE);
}

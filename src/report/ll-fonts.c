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
  [LL_FONT_ROLE_KAI]   = { "kai",   "KaiTi_GB2312,KaiTi,FandolKai,AR PL KaitiM GB,AR PL UKai CN,Noto Serif CJK SC" },
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

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-paths"

#include "config.h"

#include "ll-paths.h"

/**
 * ll_paths_default_database:
 *
 * Returns: (transfer full): `$XDG_DATA_HOME/lianluo/lianluo.db`, the file
 *   used when neither `--db`, `LIANLUO_DB` nor the user chose another.
 */
char *
ll_paths_default_database (void)
{
  return g_build_filename (g_get_user_data_dir (), PACKAGE_NAME, "lianluo.db", NULL);
}

/**
 * ll_paths_resolve_database:
 * @requested: (nullable): a path given on the command line
 *
 * Picks the database file in order of precedence: @requested, then the
 * `LIANLUO_DB` environment variable, then the default location.
 *
 * Returns: (transfer full): an absolute path
 */
char *
ll_paths_resolve_database (const char *requested)
{
  const char *env;
  const char *chosen = NULL;

  if (requested != NULL && *requested != '\0')
    chosen = requested;
  else if ((env = g_getenv ("LIANLUO_DB")) != NULL && *env != '\0')
    chosen = env;

  if (chosen == NULL)
    return ll_paths_default_database ();

  if (g_path_is_absolute (chosen))
    return g_strdup (chosen);

  {
    g_autofree char *cwd = g_get_current_dir ();
    return g_canonicalize_filename (chosen, cwd);
  }
}

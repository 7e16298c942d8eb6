/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *ll_paths_default_database (void);
char *ll_paths_resolve_database (const char *requested);

G_END_DECLS

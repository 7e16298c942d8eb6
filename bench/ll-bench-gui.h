/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ll-window.h"

/* What the window benchmarks share: the window, whether its database
 * is open, the memory in use, and a city-scale database to measure. */

LlWindow *ll_bench_main_window     (void);
gboolean  ll_bench_database_open   (gpointer    data);
double    ll_bench_rss_mib         (void);
void      ll_bench_make_city_demo  (const char *path);

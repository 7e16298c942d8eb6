/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlDemoOptions:
 * @stations: how many stations (at least 1)
 * @people: how many people (at least 1)
 * @cases: how many cases
 * @activities: how many activities
 * @years: over how many years, ending today (1 to 30)
 * @seed: the same seed gives the same data (for the same “today”)
 * @force: add to a database that already holds data instead of refusing
 *
 * What ll_demo_generate() makes. Initialise with ll_demo_options_init().
 */
typedef struct
{
  guint    stations;
  guint    people;
  guint    cases;
  guint    activities;
  guint    years;
  guint32  seed;
  gboolean force;

  /*< private >*/
  gpointer padding[4];
} LlDemoOptions;

/**
 * LL_DEMO_MAX_ROWS:
 *
 * The largest count ll_demo_generate() accepts for any option.
 */
#define LL_DEMO_MAX_ROWS 10000000

/**
 * LlDemoProgressFunc:
 * @fraction: done so far, from 0 to 1
 * @phase: what is being made now, translated (“Cases”)
 * @user_data: the data given with the function
 *
 * Reports progress. Called from the thread that generates, inside its
 * write transaction: return quickly.
 */
typedef void (*LlDemoProgressFunc) (double      fraction,
                                    const char *phase,
                                    gpointer    user_data);

void      ll_demo_options_init     (LlDemoOptions        *options);

gboolean  ll_demo_generate         (LlDatabase           *db,
                                    const LlDemoOptions  *options,
                                    LlDemoProgressFunc    progress,
                                    gpointer              user_data,
                                    GCancellable         *cancellable,
                                    GError              **error);

void      ll_demo_generate_async   (LlDatabase           *db,
                                    const LlDemoOptions  *options,
                                    LlDemoProgressFunc    progress,
                                    gpointer              progress_data,
                                    GDestroyNotify        progress_data_destroy,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data);
gboolean  ll_demo_generate_finish  (LlDatabase           *db,
                                    GAsyncResult         *result,
                                    GError              **error);

G_END_DECLS

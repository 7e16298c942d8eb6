/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-context"

#include "config.h"

#include "ll-context.h"

/**
 * ll_context_post:
 * @context: (nullable): where @function runs; %NULL for the global
 *   default context
 * @priority: the priority of the source, e.g. %G_PRIORITY_DEFAULT
 * @function: called once, in a later iteration of @context
 * @data: for @function
 * @notify: (nullable): frees @data after @function
 *
 * Hands work from a worker thread to the thread that iterates @context.
 * Unlike g_main_context_invoke_full(), @function never runs in the
 * calling thread, not even when no one is iterating @context at that
 * moment (a test waiting on a condition variable, a window between two
 * frames): results reach the GUI only in the GUI's thread.
 *
 * Returns: the id of the source in @context
 */
guint
ll_context_post (GMainContext   *context,
                 int             priority,
                 GSourceFunc     function,
                 gpointer        data,
                 GDestroyNotify  notify)
{
  g_autoptr(GSource) source = g_idle_source_new ();

  g_return_val_if_fail (function != NULL, 0);

  g_source_set_priority (source, priority);
  g_source_set_callback (source, function, data, notify);
  g_source_set_static_name (source, "[lianluo] ll_context_post");
  return g_source_attach (source, context);
}

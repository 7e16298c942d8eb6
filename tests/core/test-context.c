/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-context"

#include "config.h"

#include "ll-context.h"

/* Work a thread hands to the main context runs in the main thread, even
 * when the main thread is busy elsewhere and iterates nothing at the
 * moment the work is posted (g_main_context_invoke() would run it at
 * once on the worker). */

typedef struct
{
  GMutex   lock;
  GCond    cond;
  gboolean posted;
  GThread *ran_in;
} Shared;

static gboolean
record_thread_cb (gpointer data)
{
  Shared *shared = data;

  shared->ran_in = g_thread_self ();
  return G_SOURCE_REMOVE;
}

static gpointer
worker (gpointer data)
{
  Shared *shared = data;

  ll_context_post (NULL, G_PRIORITY_DEFAULT, record_thread_cb, shared, NULL);

  g_mutex_lock (&shared->lock);
  shared->posted = TRUE;
  g_cond_signal (&shared->cond);
  g_mutex_unlock (&shared->lock);
  return NULL;
}

static void
test_runs_in_main_thread (void)
{
  Shared shared = { 0 };
  GThread *thread;

  g_mutex_init (&shared.lock);
  g_cond_init (&shared.cond);

  /* The main thread waits without iterating its context. */
  g_mutex_lock (&shared.lock);
  thread = g_thread_new ("worker", worker, &shared);
  while (!shared.posted)
    g_cond_wait (&shared.cond, &shared.lock);
  g_mutex_unlock (&shared.lock);
  g_thread_join (thread);

  g_assert_null (shared.ran_in);

  while (shared.ran_in == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (shared.ran_in == g_thread_self ());

  g_mutex_clear (&shared.lock);
  g_cond_clear (&shared.cond);
}

static gboolean
count_cb (gpointer data)
{
  int *order = data;

  order[0] = order[0] * 10 + order[1]++;
  return G_SOURCE_REMOVE;
}

/* Posts run once each, in the order they were posted. */
static void
test_in_order (void)
{
  int order[2] = { 0, 1 };

  for (int i = 0; i < 3; i++)
    ll_context_post (NULL, G_PRIORITY_DEFAULT, count_cb, order, NULL);
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpint (order[0], ==, 123);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/core/context/runs-in-main-thread", test_runs_in_main_thread);
  g_test_add_func ("/core/context/in-order", test_in_order);

  return g_test_run ();
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-presence"

#include "config.h"

#include "ll-presence.h"

G_DEFINE_BOXED_TYPE (LlPresence, ll_presence, ll_presence_copy, ll_presence_free)

/**
 * ll_presence_new:
 * @user: the user name
 * @host: the machine
 * @pid: the process id
 * @started_at: (nullable): ISO-8601 UTC
 * @heartbeat: (nullable): ISO-8601 UTC
 *
 * Returns: (transfer full): a new #LlPresence
 */
LlPresence *
ll_presence_new (const char *user,
                 const char *host,
                 gint64      pid,
                 const char *started_at,
                 const char *heartbeat)
{
  LlPresence *self = g_new0 (LlPresence, 1);

  self->user = g_strdup (user);
  self->host = g_strdup (host);
  self->pid = pid;
  self->started_at = g_strdup (started_at);
  self->heartbeat = g_strdup (heartbeat);

  return self;
}

/**
 * ll_presence_copy:
 * @self: a #LlPresence
 *
 * Returns: (transfer full): a copy of @self
 */
LlPresence *
ll_presence_copy (const LlPresence *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ll_presence_new (self->user, self->host, self->pid, self->started_at, self->heartbeat);
}

/**
 * ll_presence_free:
 * @self: (nullable): a #LlPresence
 *
 * Frees @self.
 */
void
ll_presence_free (LlPresence *self)
{
  if (self == NULL)
    return;

  g_free (self->user);
  g_free (self->host);
  g_free (self->started_at);
  g_free (self->heartbeat);
  g_free (self);
}

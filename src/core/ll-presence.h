/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlPresence:
 * @user: the user name
 * @host: the machine
 * @pid: the process id on @host
 * @started_at: when that Lianluo opened the file, ISO-8601 UTC
 * @heartbeat: when it last said it is still there, ISO-8601 UTC
 *
 * Someone else who has the database open (one row of `presence`).
 */
struct _LlPresence
{
  char   *user;
  char   *host;
  gint64  pid;
  char   *started_at;
  char   *heartbeat;
};

#define LL_TYPE_PRESENCE (ll_presence_get_type ())

GType       ll_presence_get_type (void) G_GNUC_CONST;
LlPresence *ll_presence_new      (const char       *user,
                                  const char       *host,
                                  gint64            pid,
                                  const char       *started_at,
                                  const char       *heartbeat);
LlPresence *ll_presence_copy     (const LlPresence *self);
void        ll_presence_free     (LlPresence       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlPresence, ll_presence_free)

G_END_DECLS

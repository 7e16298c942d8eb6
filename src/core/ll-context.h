/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

guint ll_context_post (GMainContext   *context,
                       int             priority,
                       GSourceFunc     function,
                       gpointer        data,
                       GDestroyNotify  notify);

G_END_DECLS

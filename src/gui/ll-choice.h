/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define LL_TYPE_CHOICE (ll_choice_get_type ())

G_DECLARE_FINAL_TYPE (LlChoice, ll_choice, LL, CHOICE, GObject)

/* One entry of a drop-down: a record's id (a station, a department) or
 * an enumeration key, with the label the user reads. */

LlChoice   *ll_choice_new       (gint64      id,
                                 const char *key,
                                 const char *label);
gint64      ll_choice_get_id    (LlChoice   *self);
const char *ll_choice_get_key   (LlChoice   *self);
const char *ll_choice_get_label (LlChoice   *self);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

#define LL_TYPE_PAIRING (ll_pairing_get_type ())

G_DECLARE_FINAL_TYPE (LlPairing, ll_pairing, LL, PAIRING, GObject)

LlPairing  *ll_pairing_new            (void);
gboolean    ll_pairing_validate       (LlPairing  *self,
                                       GError    **error);
gint64      ll_pairing_get_id         (LlPairing *self);
void        ll_pairing_set_id         (LlPairing *self,
                                       gint64     id);
gint64      ll_pairing_get_person_id  (LlPairing *self);
void        ll_pairing_set_person_id  (LlPairing *self,
                                       gint64     person_id);
const char *ll_pairing_get_kind       (LlPairing *self);
void        ll_pairing_set_kind       (LlPairing  *self,
                                       const char *kind);
const char *ll_pairing_get_name       (LlPairing *self);
void        ll_pairing_set_name       (LlPairing  *self,
                                       const char *name);
const char *ll_pairing_get_contact    (LlPairing *self);
void        ll_pairing_set_contact    (LlPairing  *self,
                                       const char *contact);
const char *ll_pairing_get_address    (LlPairing *self);
void        ll_pairing_set_address    (LlPairing  *self,
                                       const char *address);
const char *ll_pairing_get_since      (LlPairing *self);
void        ll_pairing_set_since      (LlPairing  *self,
                                       const char *since);
const char *ll_pairing_get_ended_on   (LlPairing *self);
void        ll_pairing_set_ended_on   (LlPairing  *self,
                                       const char *ended_on);
const char *ll_pairing_get_notes      (LlPairing *self);
void        ll_pairing_set_notes      (LlPairing  *self,
                                       const char *notes);
gint64      ll_pairing_get_version    (LlPairing *self);
void        ll_pairing_set_version    (LlPairing *self,
                                       gint64     version);
const char *ll_pairing_get_created_at (LlPairing *self);
const char *ll_pairing_get_updated_at (LlPairing *self);

/* For the stores in src/core: values that come from the database. */

void _ll_pairing_set_timestamps (LlPairing  *self,
                                 const char *created_at,
                                 const char *updated_at);

G_END_DECLS

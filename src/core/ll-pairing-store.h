/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-pairing.h"

G_BEGIN_DECLS

gboolean   ll_pairing_store_create         (LlDatabase  *db,
                                            LlPairing   *pairing,
                                            GError     **error);
LlPairing *ll_pairing_store_get            (LlDatabase  *db,
                                            gint64       id,
                                            GError     **error);
gboolean   ll_pairing_store_update         (LlDatabase  *db,
                                            LlPairing   *pairing,
                                            GError     **error);
gboolean   ll_pairing_store_delete         (LlDatabase  *db,
                                            LlPairing   *pairing,
                                            GError     **error);
GPtrArray *ll_pairing_store_list_by_person (LlDatabase  *db,
                                            gint64       person_id,
                                            gboolean     include_ended,
                                            GError     **error);
GPtrArray *ll_pairing_store_list           (LlDatabase  *db,
                                            const char  *kind,
                                            gboolean     include_ended,
                                            GError     **error);

G_END_DECLS

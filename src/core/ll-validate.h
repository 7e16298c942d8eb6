/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ll-enums.h"

G_BEGIN_DECLS

/* Field checks shared by every record. Each fails with
 * LL_DATABASE_ERROR_INVALID and a sentence naming the field by its
 * translated label, e.g. “Received: 2025-02-30 is not a date.” */

gboolean  ll_validate_required   (const char  *value,
                                  const char  *field,
                                  GError     **error);
gboolean  ll_validate_date       (const char  *value,
                                  const char  *field,
                                  GError     **error);
gboolean  ll_validate_phone      (const char  *value,
                                  const char  *field,
                                  GError     **error);
gboolean  ll_validate_enum       (LlEnum       enumeration,
                                  const char  *value,
                                  gboolean     allow_null,
                                  const char  *field,
                                  GError     **error);
gboolean  ll_date_is_valid       (const char  *value);
gboolean  ll_phone_is_valid      (const char  *value);
char     *ll_phone_mask          (const char  *value);
char     *ll_date_today          (void);

G_END_DECLS

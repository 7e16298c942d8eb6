/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "ll-database.h"
#include "ll-enums.h"

G_BEGIN_DECLS

/* The printed words of the documents. The documents are official Chinese
 * forms (GB/T 9704 公文, 代表年度履职情况表, 交办单, 台账): they are printed
 * in Chinese whatever the language of the window, with the terms of
 * DOMAIN.md, so these labels are not translated. */

const char *ll_report_label           (LlEnum       enumeration,
                                       const char  *key);
const char *ll_report_level_label     (const char  *level);
char       *ll_report_format_date     (const char  *iso_date);
char       *ll_report_format_short_date (const char *iso_date);
char       *ll_report_format_month    (const char  *iso_date);
char       *ll_report_format_period   (const char  *from,
                                       const char  *to);
char       *ll_report_mask_phone      (const char  *phone,
                                       gboolean     show);
char       *ll_report_mask_address    (const char  *address,
                                       gboolean     show);
char       *ll_report_percent         (guint        part,
                                       guint        whole);
gboolean    ll_report_check_period    (const char  *from,
                                       const char  *to,
                                       GError     **error);
char       *ll_report_lookup_station  (LlDatabase  *db,
                                       gint64       station_id,
                                       GError     **error);

G_END_DECLS

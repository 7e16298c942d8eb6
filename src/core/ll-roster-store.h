/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-database.h"
#include "ll-roster-entry.h"

G_BEGIN_DECLS

char          **ll_roster_days_of_month       (const char          *reception_days,
                                               int                  year,
                                               int                  month);

char          **ll_roster_store_list_days     (LlDatabase          *db,
                                               gint64               station_id,
                                               int                  year,
                                               int                  month,
                                               GError             **error);
GPtrArray      *ll_roster_store_list_month    (LlDatabase          *db,
                                               gint64               station_id,
                                               int                  year,
                                               int                  month,
                                               GError             **error);
GPtrArray      *ll_roster_store_list_day      (LlDatabase          *db,
                                               gint64               station_id,
                                               const char          *held_on,
                                               GError             **error);
LlRosterEntry  *ll_roster_store_get           (LlDatabase          *db,
                                               gint64               id,
                                               GError             **error);

LlRosterEntry  *ll_roster_store_add           (LlDatabase          *db,
                                               gint64               station_id,
                                               const char          *held_on,
                                               gint64               person_id,
                                               GError             **error);
gboolean        ll_roster_store_remove        (LlDatabase          *db,
                                               LlRosterEntry       *entry,
                                               GError             **error);
gboolean        ll_roster_store_move          (LlDatabase          *db,
                                               LlRosterEntry       *entry,
                                               const char          *to_held_on,
                                               GError             **error);
gboolean        ll_roster_store_set_day       (LlDatabase          *db,
                                               gint64               station_id,
                                               const char          *held_on,
                                               const gint64        *person_ids,
                                               guint                n_people,
                                               GError             **error);
gboolean        ll_roster_store_set_attendance (LlDatabase         *db,
                                                LlRosterEntry      *entry,
                                                const char         *attendance,
                                                GError            **error);
gboolean        ll_roster_store_record_day    (LlDatabase          *db,
                                               gint64               station_id,
                                               const char          *held_on,
                                               const gint64        *person_ids,
                                               const char * const  *attendances,
                                               guint                n_people,
                                               gint64              *activity_id,
                                               GError             **error);

char           *ll_roster_store_format_csv    (LlDatabase          *db,
                                               gint64               station_id,
                                               int                  year,
                                               int                  month,
                                               gsize               *length,
                                               GError             **error);
char           *ll_roster_format_weekday      (const char          *date);

G_END_DECLS

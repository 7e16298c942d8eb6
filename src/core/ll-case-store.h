/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-case.h"
#include "ll-case-event.h"
#include "ll-database.h"
#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlCaseDeputy:
 * @person_id: the deputy
 * @name: the deputy's name
 *
 * A deputy who received a case (one row of `case_deputies`).
 */
typedef struct _LlCaseDeputy
{
  gint64  person_id;
  char   *name;
} LlCaseDeputy;

#define LL_TYPE_CASE_DEPUTY (ll_case_deputy_get_type ())

GType         ll_case_deputy_get_type (void) G_GNUC_CONST;
LlCaseDeputy *ll_case_deputy_new      (gint64              person_id,
                                       const char         *name);
LlCaseDeputy *ll_case_deputy_copy     (const LlCaseDeputy *self);
void          ll_case_deputy_free     (LlCaseDeputy       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlCaseDeputy, ll_case_deputy_free)

/**
 * LlCaseSort:
 * @LL_CASE_SORT_RECEIVED_ON: by received date (the default list, newest first)
 * @LL_CASE_SORT_SERIAL: by serial number (year, then number)
 * @LL_CASE_SORT_TITLE: by title
 * @LL_CASE_SORT_STATION: by station name
 * @LL_CASE_SORT_CATEGORY: by category, in the order of DOMAIN.md
 * @LL_CASE_SORT_STATUS: by status, in workflow order
 * @LL_CASE_SORT_DEPARTMENT: by department name
 * @LL_CASE_SORT_DEADLINE: by deadline
 * @LL_CASE_SORT_SATISFACTION: by satisfaction, satisfied first
 *
 * The orders of the case list. Ties are always broken by id, in the
 * same direction, so that an order is total and stable.
 */
typedef enum
{
  LL_CASE_SORT_RECEIVED_ON,
  LL_CASE_SORT_SERIAL,
  LL_CASE_SORT_TITLE,
  LL_CASE_SORT_STATION,
  LL_CASE_SORT_CATEGORY,
  LL_CASE_SORT_STATUS,
  LL_CASE_SORT_DEPARTMENT,
  LL_CASE_SORT_DEADLINE,
  LL_CASE_SORT_SATISFACTION,
} LlCaseSort;

/**
 * LlCaseFilter:
 * @status: (nullable): a case-status key, or %NULL for any
 * @open_only: only cases that are not closed
 * @category: (nullable): a case-category key, or %NULL for any
 * @source: (nullable): a case-source key, or %NULL for any
 * @station_id: a station, 0 for any. The station's points and other
 *   stations below it in the tree are included (the window filters by
 *   a station and expects its points' cases), unless @station_only
 * @station_only: with @station_id, leave out the stations below it
 * @department_id: a department, 0 for any
 * @person_id: only the cases this deputy received, 0 for any
 * @merged_into_id: only the cases merged into this common issue, 0 for any
 * @year: only the cases received in this year, 0 for any
 * @overdue_only: only overdue cases (assigned or in progress, deadline
 *   before ll_date_today())
 * @fast_track_only: only fast-track cases (绿色通道)
 * @common_only: only common issues (共性问题)
 * @look_back_only: only cases selected for a look back (回头看)
 * @received_from: (nullable): only cases received on or after this date
 * @received_to: (nullable): only cases received on or before this date
 * @search: (nullable): only cases that match this search (ll-search.h);
 *   the matches are read first, then put in order
 *
 * What the case list shows. Initialise it with %LL_CASE_FILTER_INIT
 * (or zeroes): an empty filter matches every case. Strings are
 * borrowed; ll_case_store_build_query() copies what it needs.
 */
typedef struct
{
  const char *status;
  gboolean    open_only;
  const char *category;
  const char *source;
  gint64      station_id;
  gboolean    station_only;
  gint64      department_id;
  gint64      person_id;
  gint64      merged_into_id;
  int         year;
  gboolean    overdue_only;
  gboolean    fast_track_only;
  gboolean    common_only;
  gboolean    look_back_only;
  const char *received_from;
  const char *received_to;
  const char *search;
} LlCaseFilter;

#define LL_CASE_FILTER_INIT { 0 }

gboolean    ll_case_store_create           (LlDatabase          *db,
                                            LlCase              *kase,
                                            const gint64        *deputy_ids,
                                            guint                n_deputy_ids,
                                            GError             **error);
LlCase     *ll_case_store_get              (LlDatabase          *db,
                                            gint64               id,
                                            GError             **error);
LlCase     *ll_case_store_get_by_serial    (LlDatabase          *db,
                                            const char          *serial,
                                            GError             **error);
gboolean    ll_case_store_update           (LlDatabase          *db,
                                            LlCase              *kase,
                                            GError             **error);
gboolean    ll_case_store_can_delete       (LlDatabase          *db,
                                            LlCase              *kase,
                                            char               **reason,
                                            GError             **error);
gboolean    ll_case_store_delete           (LlDatabase          *db,
                                            LlCase              *kase,
                                            GError             **error);

gboolean    ll_case_store_set_deputies     (LlDatabase          *db,
                                            LlCase              *kase,
                                            const gint64        *person_ids,
                                            guint                n_person_ids,
                                            GError             **error);
GPtrArray  *ll_case_store_list_deputies    (LlDatabase          *db,
                                            gint64               case_id,
                                            GError             **error);
GPtrArray  *ll_case_store_list_events      (LlDatabase          *db,
                                            gint64               case_id,
                                            GError             **error);

GPtrArray  *ll_case_store_load_many        (LlDatabase          *db,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);
char       *ll_case_store_build_query      (const LlCaseFilter  *filter,
                                            LlCaseSort           sort,
                                            gboolean             descending,
                                            GArray              *params);
GArray     *ll_case_store_query_ids        (LlDatabase          *db,
                                            const LlCaseFilter  *filter,
                                            LlCaseSort           sort,
                                            gboolean             descending,
                                            GError             **error);
gint64      ll_case_store_count            (LlDatabase          *db,
                                            const LlCaseFilter  *filter,
                                            GError             **error);
gint64      ll_case_store_count_open       (LlDatabase          *db,
                                            GError             **error);
gint64      ll_case_store_count_overdue    (LlDatabase          *db,
                                            GError             **error);

/* For ll-case-workflow.c and ll-attachment-store.c: appends a line to a
 * case's history inside the current write. @detail is a JSON object or
 * NULL. */
gboolean    _ll_case_store_add_event       (LlDatabase          *db,
                                            gint64               case_id,
                                            const char          *kind,
                                            const char          *from_status,
                                            const char          *to_status,
                                            const char          *detail,
                                            GError             **error);

G_END_DECLS

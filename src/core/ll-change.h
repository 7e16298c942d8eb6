/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "ll-types.h"

G_BEGIN_DECLS

/**
 * LlChangeOp:
 * @LL_CHANGE_INSERT: the row was added
 * @LL_CHANGE_UPDATE: the row was changed
 * @LL_CHANGE_DELETE: the row was removed
 *
 * What happened to a row; stored in `change_log.op` as `insert`,
 * `update` or `delete`.
 */
typedef enum
{
  LL_CHANGE_INSERT,
  LL_CHANGE_UPDATE,
  LL_CHANGE_DELETE,
} LlChangeOp;

/**
 * LlChange:
 * @seq: the `change_log` sequence number, increasing
 * @table: the table, e.g. `cases`
 * @row_id: the id of the row in @table
 * @op: what happened
 * @user: (nullable): who did it
 * @host: (nullable): from which machine
 * @at: when, ISO-8601 UTC (`2025-03-01T08:30:00Z`)
 *
 * One row of `change_log`, as carried by #LlDatabase::changed.
 */
struct _LlChange
{
  gint64      seq;
  char       *table;
  gint64      row_id;
  LlChangeOp  op;
  char       *user;
  char       *host;
  char       *at;
};

#define LL_TYPE_CHANGE (ll_change_get_type ())

GType       ll_change_get_type          (void) G_GNUC_CONST;
LlChange   *ll_change_new               (gint64      seq,
                                         const char *table,
                                         gint64      row_id,
                                         LlChangeOp  op,
                                         const char *user,
                                         const char *host,
                                         const char *at);
LlChange   *ll_change_copy              (const LlChange *self);
void        ll_change_free              (LlChange   *self);
const char *ll_change_op_to_string      (LlChangeOp  op);
gboolean    ll_change_op_from_string    (const char *string,
                                         LlChangeOp *op);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlChange, ll_change_free)

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-change"

#include "config.h"

#include "ll-change.h"

G_DEFINE_BOXED_TYPE (LlChange, ll_change, ll_change_copy, ll_change_free)

/**
 * ll_change_new:
 * @seq: the sequence number
 * @table: the table name
 * @row_id: the row id
 * @op: what happened
 * @user: (nullable): who
 * @host: (nullable): from which machine
 * @at: (nullable): when, ISO-8601 UTC
 *
 * Returns: (transfer full): a new #LlChange
 */
LlChange *
ll_change_new (gint64      seq,
               const char *table,
               gint64      row_id,
               LlChangeOp  op,
               const char *user,
               const char *host,
               const char *at)
{
  LlChange *self;

  g_return_val_if_fail (table != NULL, NULL);

  self = g_new0 (LlChange, 1);
  self->seq = seq;
  self->table = g_strdup (table);
  self->row_id = row_id;
  self->op = op;
  self->user = g_strdup (user);
  self->host = g_strdup (host);
  self->at = g_strdup (at);

  return self;
}

/**
 * ll_change_copy:
 * @self: a #LlChange
 *
 * Returns: (transfer full): a copy of @self
 */
LlChange *
ll_change_copy (const LlChange *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return ll_change_new (self->seq, self->table, self->row_id, self->op,
                        self->user, self->host, self->at);
}

/**
 * ll_change_free:
 * @self: (nullable): a #LlChange
 *
 * Frees @self.
 */
void
ll_change_free (LlChange *self)
{
  if (self == NULL)
    return;

  g_free (self->table);
  g_free (self->user);
  g_free (self->host);
  g_free (self->at);
  g_free (self);
}

/**
 * ll_change_op_to_string:
 * @op: a #LlChangeOp
 *
 * Returns: the key stored in `change_log.op`
 */
const char *
ll_change_op_to_string (LlChangeOp op)
{
  switch (op)
    {
    case LL_CHANGE_INSERT:
      return "insert";
    case LL_CHANGE_UPDATE:
      return "update";
    case LL_CHANGE_DELETE:
      return "delete";
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ll_change_op_from_string:
 * @string: (nullable): `insert`, `update` or `delete`
 * @op: (out): where to store the operation
 *
 * Returns: %TRUE if @string is a known key
 */
gboolean
ll_change_op_from_string (const char *string,
                          LlChangeOp *op)
{
  g_return_val_if_fail (op != NULL, FALSE);

  if (g_strcmp0 (string, "insert") == 0)
    *op = LL_CHANGE_INSERT;
  else if (g_strcmp0 (string, "update") == 0)
    *op = LL_CHANGE_UPDATE;
  else if (g_strcmp0 (string, "delete") == 0)
    *op = LL_CHANGE_DELETE;
  else
    return FALSE;

  return TRUE;
}

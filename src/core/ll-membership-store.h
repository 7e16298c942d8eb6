/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "ll-database.h"
#include "ll-membership.h"

G_BEGIN_DECLS

/**
 * LlMembershipSnapshot:
 *
 * What one ll_membership_store_move_many() changed, row by row, so that
 * ll_membership_store_undo_move() can put every membership back as it
 * was. Opaque and reference counted.
 */
typedef struct _LlMembershipSnapshot LlMembershipSnapshot;

#define LL_TYPE_MEMBERSHIP_SNAPSHOT (ll_membership_snapshot_get_type ())

GType                 ll_membership_snapshot_get_type      (void) G_GNUC_CONST;
LlMembershipSnapshot *ll_membership_snapshot_ref           (LlMembershipSnapshot  *self);
void                  ll_membership_snapshot_unref         (LlMembershipSnapshot  *self);
gboolean              ll_membership_snapshot_is_empty      (LlMembershipSnapshot  *self);
guint                 ll_membership_snapshot_get_n_changes (LlMembershipSnapshot  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlMembershipSnapshot, ll_membership_snapshot_unref)

LlMembership *ll_membership_store_get             (LlDatabase             *db,
                                                   gint64                  id,
                                                   GError                **error);
LlMembership *ll_membership_store_get_head        (LlDatabase             *db,
                                                   gint64                  station_id,
                                                   GError                **error);
LlMembership *ll_membership_store_assign          (LlDatabase             *db,
                                                   gint64                  person_id,
                                                   gint64                  station_id,
                                                   const char             *station_role,
                                                   gboolean                copy,
                                                   GError                **error);
gboolean      ll_membership_store_set_role        (LlDatabase             *db,
                                                   LlMembership           *membership,
                                                   const char             *station_role,
                                                   GError                **error);
gboolean      ll_membership_store_update          (LlDatabase             *db,
                                                   LlMembership           *membership,
                                                   GError                **error);
gboolean      ll_membership_store_end             (LlDatabase             *db,
                                                   LlMembership           *membership,
                                                   const char             *to_date,
                                                   GError                **error);
gboolean      ll_membership_store_remove          (LlDatabase             *db,
                                                   LlMembership           *membership,
                                                   GError                **error);
gboolean      ll_membership_store_move_many       (LlDatabase             *db,
                                                   const gint64           *person_ids,
                                                   guint                   n_people,
                                                   gint64                  from_station_id,
                                                   gint64                  station_id,
                                                   gboolean                copy,
                                                   LlMembershipSnapshot  **snapshot,
                                                   GError                **error);
gboolean      ll_membership_store_undo_move       (LlDatabase             *db,
                                                   LlMembershipSnapshot   *snapshot,
                                                   GError                **error);
GPtrArray    *ll_membership_store_list_by_station (LlDatabase             *db,
                                                   gint64                  station_id,
                                                   gboolean                current_only,
                                                   GError                **error);
GPtrArray    *ll_membership_store_list_by_person  (LlDatabase             *db,
                                                   gint64                  person_id,
                                                   gboolean                current_only,
                                                   GError                **error);
GPtrArray    *ll_membership_store_load_many       (LlDatabase             *db,
                                                   const gint64           *ids,
                                                   guint                   n_ids,
                                                   GError                **error);

G_END_DECLS

/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* Forward typedefs of the core types, so that headers can name each
 * other without include cycles. */

#include <glib.h>

G_BEGIN_DECLS

typedef struct _LlDatabase    LlDatabase;
typedef struct _LlChange      LlChange;
typedef struct _LlPresence    LlPresence;
typedef struct _LlStatement   LlStatement;

typedef struct _LlStation     LlStation;
typedef struct _LlPerson      LlPerson;
typedef struct _LlMembership  LlMembership;
typedef struct _LlCase        LlCase;
typedef struct _LlCaseEvent   LlCaseEvent;
typedef struct _LlActivity    LlActivity;
typedef struct _LlDepartment  LlDepartment;
typedef struct _LlQueryModel  LlQueryModel;
typedef struct _LlArea        LlArea;
typedef struct _LlGroup       LlGroup;
typedef struct _LlPairing     LlPairing;
typedef struct _LlAttachment  LlAttachment;

G_END_DECLS

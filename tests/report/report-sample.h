/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ll-report.h"

G_BEGIN_DECLS

LlDocument *report_sample_work_report (void);
LlDocument *report_sample_ledger      (guint n_rows);

G_END_DECLS

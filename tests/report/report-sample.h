/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "ll-report.h"

G_BEGIN_DECLS

LlDocument *report_sample_work_report (void);

G_END_DECLS

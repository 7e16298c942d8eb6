/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "ll-chart.h"
#include "ll-layout.h"

G_BEGIN_DECLS

double _ll_chart_get_height (LlChart         *self,
                             double           fallback);
void   _ll_chart_draw       (LlChart         *self,
                             LlLayoutContext *context,
                             cairo_t         *cr,
                             double           x,
                             double           y,
                             double           width,
                             double           height,
                             double           font_size);

G_END_DECLS

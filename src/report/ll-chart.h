/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * LlChartKind:
 * @LL_CHART_BAR: vertical bars per category, one bar per series
 * @LL_CHART_PIE: shares of the first series, with percentages
 */
typedef enum {
  LL_CHART_BAR,
  LL_CHART_PIE,
} LlChartKind;

/**
 * LlChart:
 *
 * A bar or pie chart placed in a document's flow: a title, categories,
 * one or more series of values and a legend. Drawn with Cairo, labelled
 * with Pango in the document's fonts.
 */
typedef struct _LlChart LlChart;

#define LL_TYPE_CHART (ll_chart_get_type ())

GType    ll_chart_get_type       (void) G_GNUC_CONST;
LlChart *ll_chart_new            (LlChartKind         kind,
                                  const char         *title);
LlChart *ll_chart_ref            (LlChart            *self);
void     ll_chart_unref          (LlChart            *self);
void     ll_chart_set_categories (LlChart            *self,
                                  const char * const *categories,
                                  gssize              n_categories);
void     ll_chart_add_series     (LlChart            *self,
                                  const char         *name,
                                  const double       *values,
                                  guint               n_values);
void     ll_chart_set_unit       (LlChart            *self,
                                  const char         *unit);
void     ll_chart_set_decimals   (LlChart            *self,
                                  guint               decimals);
void     ll_chart_set_height     (LlChart            *self,
                                  double              height);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LlChart, ll_chart_unref)

G_END_DECLS

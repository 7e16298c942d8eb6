/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-report-options"

#include "config.h"

#include "ll-document.h"
#include "ll-report-options.h"
#include "ll-validate.h"

G_DEFINE_BOXED_TYPE (LlReportOptions, ll_report_options,
                     ll_report_options_copy, ll_report_options_free)

/**
 * ll_report_options_new:
 *
 * Returns: (transfer full): empty options: no office name, no header,
 *   today's date, personal data masked, the default fonts
 */
LlReportOptions *
ll_report_options_new (void)
{
  return g_new0 (LlReportOptions, 1);
}

LlReportOptions *
ll_report_options_copy (const LlReportOptions *self)
{
  LlReportOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->office_name = g_strdup (self->office_name);
  copy->organ_mark = g_strdup (self->organ_mark);
  copy->number_prefix = g_strdup (self->number_prefix);
  copy->addressee = g_strdup (self->addressee);
  copy->copy_to = g_strdup (self->copy_to);
  copy->date = g_strdup (self->date);
  copy->fonts = self->fonts != NULL ? ll_font_set_ref (self->fonts) : NULL;

  return copy;
}

void
ll_report_options_free (LlReportOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->office_name);
  g_free (self->organ_mark);
  g_free (self->number_prefix);
  g_free (self->addressee);
  g_free (self->copy_to);
  g_free (self->date);
  g_clear_pointer (&self->fonts, ll_font_set_unref);
  g_free (self);
}

/**
 * ll_report_options_dup_date:
 * @self: (nullable): options
 *
 * Returns: (transfer full): the document's date: @self's if valid, else
 *   today (ll_date_today(), which tests can pin)
 */
GDate *
ll_report_options_dup_date (const LlReportOptions *self)
{
  g_autofree char *today = NULL;
  const char *iso = self != NULL && self->date != NULL && ll_date_is_valid (self->date)
                    ? self->date : (today = ll_date_today ());
  GDate *date = g_date_new ();

  g_date_set_dmy (date, (GDateDay) g_ascii_strtoull (iso + 8, NULL, 10),
                  (GDateMonth) g_ascii_strtoull (iso + 5, NULL, 10),
                  (GDateYear) g_ascii_strtoull (iso, NULL, 10));
  return date;
}

/**
 * ll_report_options_dup_number:
 * @self: (nullable): options
 * @year: the year of the document
 *
 * Returns: (transfer full) (nullable): the document number, e.g.
 *   `东人工〔2025〕5号`, or %NULL when @self has no number
 */
char *
ll_report_options_dup_number (const LlReportOptions *self,
                              guint                  year)
{
  if (self == NULL || self->number == 0)
    return NULL;

  return ll_format_document_number (self->number_prefix, year, self->number);
}

/**
 * ll_report_options_new_context:
 * @self: (nullable): options
 *
 * Returns: (transfer full): a shaping context with @self's fonts
 */
LlLayoutContext *
ll_report_options_new_context (const LlReportOptions *self)
{
  return ll_layout_context_new (self != NULL ? self->fonts : NULL);
}

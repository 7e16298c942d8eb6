/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "render-sample"

#include "config.h"

#include <stdio.h>

#include "report-sample.h"

/* Writes a sample document to a PDF, to look at it:
 *   render-sample [work-report|ledger] OUT.pdf && pdftoppm -png -r 60 OUT.pdf /tmp/page */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  const char *kind = argc == 3 ? argv[1] : "work-report";

  if (argc < 2 || argc > 3)
    {
      g_printerr ("Usage: %s [work-report|ledger] OUT.pdf\n", argv[0]);
      return 2;
    }

  if (g_strcmp0 (kind, "ledger") == 0)
    doc = report_sample_ledger (120);
  else
    doc = report_sample_work_report ();
  if (!ll_document_write_pdf (doc, NULL, argv[argc - 1], NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

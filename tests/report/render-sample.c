/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "render-sample"

#include "config.h"

#include <stdio.h>

#include "report-sample.h"

/* Writes the sample work report to a PDF, to look at it:
 *   render-sample OUT.pdf && pdftoppm -png -r 60 OUT.pdf /tmp/page */
int
main (int   argc,
      char *argv[])
{
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (argc != 2)
    {
      g_printerr ("Usage: %s OUT.pdf\n", argv[0]);
      return 2;
    }

  doc = report_sample_work_report ();
  if (!ll_document_write_pdf (doc, NULL, argv[1], NULL, NULL, NULL, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }

  return 0;
}

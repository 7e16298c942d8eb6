/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "report-layout"

#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>

#include "ll-report.h"

/* Renders N one-page forms shaped like the annual deputy sheet into one
 * PDF: a title, a header table of repeated labels and varying values,
 * and a table of ~15 activity rows × 4 columns mixing repeated labels
 * with varying counts, details and points. Prints figures only.
 *
 *   report-layout [N [OUT.pdf]]   (default 2000 pages; OUT.pdf is kept) */

static const char *activities[] = {
  "出席人代会", "议案建议", "列席常委会", "视察调研", "执法检查", "代表小组活动",
  "进站接待选民", "走访联系选民", "学习培训", "述职", "为民办实事", "表彰", "扣分",
  "其他履职", "满意度测评",
};

static const char *surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高";
static const char *givens = "明华建国秀英丽军伟芳敏静强磊洋艳勇杰娟涛";
static const char *units[] = {
  "东城街道办事处", "区第一人民医院", "市第三中学", "区市场监督管理局", "东风社区居委会",
  "区人民法院", "红星机械厂", "光明农贸市场",
};

static char *
utf8_char_at (const char *s,
              guint       index)
{
  const char *p = g_utf8_offset_to_pointer (s, index);

  return g_strndup (p, g_utf8_next_char (p) - p);
}

static LlDocument *
sheet (guint i)
{
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_FORM);
  g_autoptr(LlTable) head = ll_table_new (6);
  g_autoptr(LlTable) table = ll_table_new (4);
  g_autofree char *surname = utf8_char_at (surnames, i % 20);
  g_autofree char *given1 = utf8_char_at (givens, (i / 20) % 20);
  g_autofree char *given2 = utf8_char_at (givens, (i / 400) % 20);
  g_autofree char *name = g_strconcat (surname, given1, given2, NULL);
  g_autofree char *born = g_strdup_printf ("%u年%u月", 1960 + i % 40, 1 + i % 12);
  g_autofree char *total = g_strdup_printf ("%u", 60 + (i * 7) % 41);
  g_autofree char *rank = g_strdup_printf ("第%u名", 1 + i % 500);
  LlTextStyle title;
  LlTextStyle footer;
  guint row;

  ll_text_style_init (&title, LL_FONT_ROLE_TITLE, 18);
  title.align = LL_ALIGN_CENTER;
  ll_document_add_text (doc, &title, "2025年度代表履职情况表");

  ll_table_add_row (head, "姓名", name, "性别", i % 3 ? "男" : "女", "民族", i % 9 ? "汉族" : "回族",
                    NULL);
  ll_table_add_row (head, "出生年月", born, "党派", i % 4 ? "中共党员" : "群众", "代表层级", "区级",
                    NULL);
  row = ll_table_add_row (head, "工作单位及职务", units[i % G_N_ELEMENTS (units)], NULL);
  ll_table_set_cell_span (head, row, 1, 5);
  for (guint c = 0; c < 6; c += 2)
    ll_table_set_column_width (head, c, 1.0);
  for (guint c = 1; c < 6; c += 2)
    ll_table_set_column_width (head, c, 1.2);
  ll_document_add_table (doc, head);

  ll_table_set_header_rows (table, 1);
  ll_table_add_row (table, "履职项目", "次数", "情况说明", "得分", NULL);
  ll_table_set_column_width (table, 0, 0.22);
  ll_table_set_column_width (table, 1, 0.10);
  ll_table_set_column_width (table, 2, 0.56);
  ll_table_set_column_width (table, 3, 0.12);
  ll_table_set_column_align (table, 1, LL_ALIGN_RIGHT);
  ll_table_set_column_align (table, 3, LL_ALIGN_RIGHT);
  for (guint r = 0; r < G_N_ELEMENTS (activities); r++)
    {
      guint count = (i * 31 + r * 17) % 9;
      g_autofree char *count_text = g_strdup_printf ("%u", count);
      g_autofree char *points = g_strdup_printf ("%u", count * 3);
      g_autofree char *detail = r % 3 == 0
                                ? g_strdup_printf ("%s等%u项，已办结%u项", name, count, count / 2)
                                : g_strdup (r % 3 == 1 ? "按时参加" : "无");

      ll_table_add_row (table, activities[r], count_text, detail, points, NULL);
    }
  row = ll_table_add_row (table, "合计", "", rank, total, NULL);
  ll_table_set_row_bold (table, row, TRUE);
  ll_document_add_table (doc, table);

  ll_text_style_init (&footer, LL_FONT_ROLE_BODY, 12);
  footer.space_before = 1;
  ll_document_add_text (doc, &footer, "审核人（签字）：                    日期：    年  月  日");

  return g_steal_pointer (&doc);
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_utime.tv_sec * 1000.0 + usage.ru_utime.tv_usec / 1000.0 +
         usage.ru_stime.tv_sec * 1000.0 + usage.ru_stime.tv_usec / 1000.0;
}

static double
peak_rss_mib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

int
main (int   argc,
      char *argv[])
{
  guint n = argc > 1 ? (guint) strtoul (argv[1], NULL, 10) : 2000;
  g_autoptr(GError) error = NULL;
  g_autoptr(LlLayoutContext) context = NULL;
  g_autoptr(LlPdfWriter) writer = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GStatBuf st;
  gint64 start, shaped, end;
  double cpu_start, cpu_end;

  if (n == 0)
    n = 2000;

  dir = g_dir_make_tmp ("lianluo-bench-XXXXXX", &error);
  if (dir == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  path = argc > 2 ? g_strdup (argv[2]) : g_build_filename (dir, "sheets.pdf", NULL);

  start = g_get_monotonic_time ();
  context = ll_layout_context_new (NULL);
  writer = ll_pdf_writer_new (context, path, &error);
  if (writer == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  shaped = g_get_monotonic_time ();
  cpu_start = cpu_ms ();

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(LlDocument) doc = sheet (i);

      if (!ll_pdf_writer_add_document (writer, doc, NULL, NULL, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
    }
  if (!ll_pdf_writer_close (writer, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  end = g_get_monotonic_time ();
  cpu_end = cpu_ms ();

  g_stat (path, &st);
  printf ("report-layout: %u form pages (title, 3-row header table, 17-row activity table)\n", n);
  printf ("  setup:          %.1f ms\n", (shaped - start) / 1000.0);
  printf ("  render + write: %.1f ms total, %.3f ms/page\n", (end - shaped) / 1000.0,
          (end - shaped) / 1000.0 / n);
  printf ("  CPU time:       %.1f ms total, %.3f ms/page (wall time suffers from other load)\n",
          cpu_end - cpu_start, (cpu_end - cpu_start) / n);
  printf ("  PDF size:       %.1f MiB (%.1f KiB/page)\n", st.st_size / 1048576.0,
          st.st_size / 1024.0 / n);
  printf ("  layout cache:   %u layouts\n", ll_layout_context_get_cache_size (context));
  printf ("  peak RSS:       %.1f MiB\n", peak_rss_mib ());

  if (argc <= 2)
    g_unlink (path);
  g_rmdir (dir);
  return 0;
}

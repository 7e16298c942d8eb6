/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "report-sample"

#include "config.h"

#include "report-sample.h"

/* A station work report as a liaison office writes one: every part of a
 * GB/T 9704 document, more than three pages of body, a table that breaks
 * across pages and a chart. */

static const char *paragraphs[] = {
  "2025年第一季度，本联络站在区人大常委会的领导下，坚持以习近平新时代中国特色社会主义思想为指导，围绕全过程人民民主的实践要求，组织各级人大代表进站履职，畅通群众反映意见建议的渠道，"
  "推动一批群众关心的问题得到解决。现将有关情况报告如下。",
  "本季度联络站共开展代表接待选民活动36场次，参加接待的各级人大代表128人次，接待群众412人次，收集意见建议157件。其中，涉及城市管理和交通出行的58件，涉及教育医疗和养老服务的"
  "41件，涉及就业社保的23件，其他方面的35件。",
  "联络站坚持每月固定接待日制度，在每月第一个星期三安排代表轮值，同时通过微信公众号和二维码联系卡开展线上接待，方便上班族和行动不便的群众反映问题。线上收集的意见建议占总数的百分之三十二"
  "，比上季度提高了九个百分点。",
  "对收集到的意见建议，联络站按照“分类梳理、分级交办、跟踪督办、及时反馈”的工作流程办理。能够当场答复的，由代表和工作人员当场解释说明；需要职能部门办理的，由联络站统一登记后转交区政府"
  "有关部门，并明确办理时限。",
  "截至3月31日，已办结意见建议129件，办结率为百分之八十二点二；群众对办理结果表示满意和基本满意的121件，满意率为百分之九十三点八。尚未办结的28件，主要涉及老旧小区加装电梯、道"
  "路改造等需要较长周期的事项，联络站已逐件明确责任单位和时间节点。",
  "联络站组织代表围绕社区养老服务设施建设开展专题调研，走访了辖区内6个社区养老服务中心和2家养老机构，与老年人及其家属、服务机构负责人座谈交流，形成了专题调研报告，提出了加强护理人员培"
  "训、完善助餐服务等5条建议。",
  "调研中代表们发现，部分社区养老服务中心存在场地面积偏小、专业护理人员不足、服务项目单一等问题。代表们建议区政府统筹利用闲置公共用房，扩大服务场所；建立护理人员职业培训和激励机制；引入"
  "专业社会组织参与运营，丰富服务内容。",
  "联络站把代表学习培训作为提升履职能力的重要抓手，本季度举办代表履职学习讲座2期，邀请区人大常委会有关工作机构负责同志讲解代表法、选举法和议案建议办理工作规定，参加学习的代表共计86人次。",
  "同时，联络站组织新当选的代表到其他街道的示范联络站观摩学习，交流进站履职的经验做法。代表们普遍反映，通过学习和观摩，进一步明确了代表的职责和履职方式，增强了为民代言、为民履职的责任意识。",
  "联络站进一步完善代表履职档案，对每名代表进站接待、参加活动、提出意见建议等情况逐项登记，按季度向代表本人和所在代表小组通报，作为年度履职评价的重要依据。本季度已向代表发出履职情况提示"
  "单45份。",
  "在肯定成绩的同时，我们也清醒地看到工作中还存在一些不足：一是部分代表进站履职的主动性还不够强，参加接待活动的次数不均衡；二是意见建议办理的跟踪反馈还不够及时，个别事项群众等待时间较长"
  "；三是线上接待的宣传推广还需要进一步加强。",
  "下一季度，联络站将重点做好以下工作：持续开展每月固定接待日活动，确保每名代表每季度至少进站履职一次；建立意见建议办理情况月报制度，对超期未办结的事项及时督办；加大线上接待平台的宣传力"
  "度，扩大群众知晓率和参与率。",
  "联络站还将围绕区人大常委会年度工作要点，组织代表开展食品安全、生态环境保护等方面的专题视察和调研，认真收集和反映群众的意见建议，推动代表工作与常委会工作有机结合，为全区经济社会高质量"
  "发展贡献力量。",
  "在办理过程中，联络站注重发挥代表的桥梁纽带作用，邀请提出意见建议的代表参与跟踪督办，同有关部门面对面沟通，推动问题解决。对群众反映集中的背街小巷照明不足问题，代表们多次实地查看，会同"
  "街道城管科制定整改方案，目前已新增和修复路灯86盏。",
  "对于涉及多个部门、情况较为复杂的事项，联络站及时向区人大常委会代表工作委员会报告，由代表工作委员会协调有关部门共同研究解决。本季度通过这一机制解决了学校周边交通拥堵、农贸市场改造等群"
  "众反映强烈的问题，得到了群众的普遍好评。",
  "联络站还建立了意见建议办理情况回访制度，由工作人员在事项办结后十个工作日内电话回访提出人，了解其对办理过程和办理结果的评价，对不满意的事项重新交办。本季度共回访群众118人次，重新交"
  "办事项6件，回访中群众新提出的问题一并纳入下一轮办理。",
  NULL
};

LlDocument *
report_sample_work_report (void)
{
  static const char *attachments[] = {
    "2025年第一季度意见建议办理情况明细表",
    "社区养老服务设施建设专题调研报告",
    NULL
  };
  static const char *categories[] = { "城市管理", "教育医疗", "养老服务", "就业社保", "其他", NULL };
  static const double received[] = { 58, 24, 17, 23, 35 };
  static const char *months[] = { "1月", "2月", "3月", NULL };
  static const double sessions[] = { 10, 11, 15 };
  static const double people[] = { 121, 96, 195 };
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_GBT9704);
  g_autoptr(LlTable) table = ll_table_new (5);
  g_autoptr(LlChart) pie = ll_chart_new (LL_CHART_PIE, "意见建议分类情况");
  g_autoptr(LlChart) bars = ll_chart_new (LL_CHART_BAR, "各月接待情况");
  g_autofree char *number = ll_format_document_number ("东联", 2025, 5);
  g_autoptr(GDate) date = g_date_new_dmy (5, G_DATE_APRIL, 2025);

  ll_document_set_header (doc, "东城街道人大代表联络站文件", number);
  ll_document_add_title (doc, "东城街道人大代表联络站关于2025年第一季度代表进站履职和意见建议办理情况的报告。");
  ll_document_add_addressee (doc, "区人大常委会");
  ll_document_add_paragraph (doc, paragraphs[0]);

  ll_document_add_heading (doc, 1, "代表进站接待情况");
  ll_document_add_paragraph (doc, paragraphs[1]);
  ll_document_add_paragraph (doc, paragraphs[2]);

  ll_chart_set_categories (bars, months, -1);
  ll_chart_add_series (bars, "接待场次", sessions, G_N_ELEMENTS (sessions));
  ll_chart_add_series (bars, "接待人次", people, G_N_ELEMENTS (people));
  ll_document_add_chart (doc, bars);

  ll_document_add_heading (doc, 1, "意见建议办理情况");
  ll_document_add_heading (doc, 2, "办理流程");
  ll_document_add_paragraph (doc, paragraphs[3]);
  ll_document_add_heading (doc, 2, "办理结果");
  ll_document_add_paragraph (doc, paragraphs[4]);
  ll_document_add_paragraph (doc, paragraphs[13]);
  ll_document_add_paragraph (doc, paragraphs[14]);
  ll_document_add_paragraph (doc, paragraphs[15]);
  ll_document_add_paragraph (doc, paragraphs[1]);
  ll_document_add_paragraph (doc, paragraphs[2]);

  ll_table_set_caption (table, "表1  意见建议办理情况", "单位：件");
  ll_table_set_header_rows (table, 1);
  ll_table_add_row (table, "序号", "社区", "收到", "办结", "满意", NULL);
  ll_table_set_column_width (table, 0, 0.12);
  ll_table_set_column_width (table, 1, 0.40);
  ll_table_set_column_width (table, 2, 0.16);
  ll_table_set_column_width (table, 3, 0.16);
  ll_table_set_column_width (table, 4, 0.16);
  ll_table_set_column_align (table, 0, LL_ALIGN_CENTER);
  for (guint i = 2; i < 5; i++)
    ll_table_set_column_align (table, i, LL_ALIGN_RIGHT);
  for (guint i = 0; i < 30; i++)
    {
      static const char *names[] = { "东风社区", "红星社区", "幸福里社区", "和平路社区", "光明社区",
                                     "新华社区" };
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *grid = ll_format_chinese_number (i / 6 + 1);
      g_autofree char *name = g_strdup_printf ("%s第%s网格", names[i % G_N_ELEMENTS (names)], grid);
      g_autofree char *got = g_strdup_printf ("%u", 3 + (i * 7) % 9);
      g_autofree char *done = g_strdup_printf ("%u", 2 + (i * 5) % 7);
      g_autofree char *happy = g_strdup_printf ("%u", 1 + (i * 3) % 6);

      ll_table_add_row (table, serial, name, got, done, happy, NULL);
    }
  ll_table_set_row_bold (table, ll_table_add_row (table, "合计", "", "157", "129", "121", NULL),
                         TRUE);
  ll_document_add_table (doc, table);

  ll_document_add_heading (doc, 1, "专题调研情况");
  ll_document_add_paragraph (doc, paragraphs[5]);
  ll_document_add_heading_with_body (doc, 2, "存在的问题和建议。", paragraphs[6]);

  ll_chart_set_categories (pie, categories, -1);
  ll_chart_add_series (pie, "收到", received, G_N_ELEMENTS (received));
  ll_chart_set_unit (pie, "件");
  ll_document_add_chart (doc, pie);

  ll_document_add_heading (doc, 1, "代表学习培训和履职档案");
  ll_document_add_heading (doc, 3, "学习培训");
  ll_document_add_paragraph (doc, paragraphs[7]);
  ll_document_add_paragraph (doc, paragraphs[8]);
  ll_document_add_heading (doc, 3, "履职档案");
  ll_document_add_paragraph (doc, paragraphs[9]);
  ll_document_add_heading (doc, 1, "存在的不足和下一步工作");
  ll_document_add_paragraph (doc, paragraphs[10]);
  ll_document_add_paragraph (doc, paragraphs[11]);
  ll_document_add_paragraph (doc, paragraphs[12]);
  ll_document_add_paragraph (doc, "特此报告。");

  ll_document_add_attachments (doc, attachments);
  ll_document_add_signature (doc, "东城街道人大代表联络站", date);
  ll_document_add_note (doc, "联系人：王明，联系电话：12345678");
  g_date_set_day (date, 7);
  ll_document_set_colophon (doc, "区人大常委会代表工作委员会，东城街道党工委", "东城街道人大代表联络站",
                            date);

  return g_steal_pointer (&doc);
}

/* A station ledger: a landscape table with a repeated header row. */
LlDocument *
report_sample_ledger (guint n_rows)
{
  static const char *matters[] = {
    "小区门口路灯损坏，夜间出行不便，希望尽快修复。",
    "噪声扰民",
    "希望在社区增设老年人助餐点，解决独居老人吃饭难的问题。",
    "学校周边上下学时段交通拥堵",
  };
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_FORM_LANDSCAPE);
  g_autoptr(LlTable) table = ll_table_new (7);
  LlTextStyle title;

  ll_text_style_init (&title, LL_FONT_ROLE_TITLE, 18);
  title.align = LL_ALIGN_CENTER;
  ll_document_add_text (doc, &title, "东城街道人大代表联络站接待台账（2025年3月）");

  ll_table_set_caption (table, "接待台账", "共计：" "120件");
  ll_table_set_header_rows (table, 1);
  ll_table_add_row (table, "序号", "日期", "代表", "选民", "反映事项", "交办部门", "办理结果", NULL);
  ll_table_set_column_width (table, 0, 0.05);
  ll_table_set_column_align (table, 0, LL_ALIGN_CENTER);
  for (guint i = 0; i < n_rows; i++)
    {
      g_autofree char *serial = g_strdup_printf ("%u", i + 1);
      g_autofree char *day = g_strdup_printf ("2025年3月%u日", i % 28 + 1);

      ll_table_add_row (table, serial, day, i % 2 ? "李华" : "王建国", "张**",
                        matters[i % G_N_ELEMENTS (matters)], "街道城管科",
                        i % 2 ? "已办结" : "办理中", NULL);
    }
  ll_document_add_table (doc, table);

  return g_steal_pointer (&doc);
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ll-annual-sheet"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ll-annual-sheet.h"
#include "ll-pdf-writer.h"
#include "ll-person-store.h"
#include "ll-person.h"
#include "ll-report-text.h"

/* The annual deputy performance sheet (代表年度履职情况表): one A4 page per
 * person, whatever the person did. The page is a form: a title, the
 * identity block, one row per kind of activity with its count, details
 * and points, the total with grade and rank, and the lines the reviewer
 * signs. A page that would overflow (very long texts) is set again in a
 * smaller size, and at the smallest its details are cut, so that every
 * person gets exactly one page.
 *
 * Printing 20,000 sheets streams them through one LlPdfWriter; the
 * points of everyone come from one ll_points_compute() and the people
 * are read in blocks, so memory does not grow with the number of pages.
 * The row labels, headers and units are the same strings on every page:
 * the layout context shapes them once. */

#define BLOCK_SIZE 256

/* The form's type area (LL_PAGE_FORM) and how many wrapped lines more
 * than one per cell surely fit at the first size: a sheet without wrapped
 * lines keeps about 3.5 lines of 11 pt free (tests/report/test-documents.c
 * checks sheets around this limit). */
#define TYPE_WIDTH (595.28 - 2 * LL_MM (20))
#define SURE_EXTRA_LINES 2

typedef struct
{
  LlPoints              *points;
  const LlReportOptions *options;
  LlLayoutContext       *context;
  char                  *title;
  char                  *period;
  char                  *note;
} Sheet;

/* One row of the form: its label, the items whose points it shows and
 * how it is described. The 其他履职 row takes what no other row shows, so
 * the rows always add up to the total. */
typedef enum
{
  ROW_CONGRESS,
  ROW_SUGGESTIONS,
  ROW_MEETINGS,
  ROW_INSPECTIONS,
  ROW_GROUP,
  ROW_RECEPTIONS,
  ROW_CASES,
  ROW_VISITS,
  ROW_TRAINING,
  ROW_REPORT,
  ROW_PROJECTS,
  ROW_OTHER,
  ROW_COMMENDATIONS,
  ROW_DEDUCTIONS,
  N_ROWS
} Row;

static const struct
{
  const char *label;
  const char *items[4];
} rows[N_ROWS] = {
  [ROW_CONGRESS] = { "出席人代会", { "congress_session" } },
  [ROW_SUGGESTIONS] = { "议案建议", { "suggestion", "motion" } },
  [ROW_MEETINGS] = { "列席常委会", { "attend_meeting" } },
  [ROW_INSPECTIONS] = { "视察调研执法检查", { "inspection", "research", "law_enforcement_check" } },
  [ROW_GROUP] = { "代表小组活动", { "group_activity" } },
  [ROW_RECEPTIONS] = { "进站接待选民", { "reception", "people_received" } },
  [ROW_CASES] = { "收集群众意见建议", { "case_collected", "case_resolved" } },
  [ROW_VISITS] = { "走访联系选民", { "visit" } },
  [ROW_TRAINING] = { "学习培训", { "training" } },
  [ROW_REPORT] = { "向选民述职", { "report_to_voters" } },
  [ROW_PROJECTS] = { "为民办实事", { "project_supervision", "project" } },
  [ROW_OTHER] = { "其他履职", { NULL } },
  [ROW_COMMENDATIONS] = { "表彰", { "commendation" } },
  [ROW_DEDUCTIONS] = { "扣分", { "absence", "deduction" } },
};

/* Activity types described in the 其他履职 row. */
static const char *other_types[] = { "legislative_consultation", "work_evaluation", "other" };

static void
sheet_clear (Sheet *sheet)
{
  g_clear_pointer (&sheet->points, ll_points_unref);
  g_clear_object (&sheet->context);
  g_clear_pointer (&sheet->title, g_free);
  g_clear_pointer (&sheet->period, g_free);
  g_clear_pointer (&sheet->note, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Sheet, sheet_clear)

static guint
activity_count (const LlPointsEntry *entry,
                const char          *type,
                const char          *attendance)
{
  int t = ll_enum_find (LL_ENUM_ACTIVITY_TYPE, type);
  int a = ll_enum_find (LL_ENUM_ATTENDANCE, attendance);

  if (entry == NULL || t < 0 || a < 0)
    return 0;
  return entry->counts.activities[t][a];
}

/* `，请假1次，缺席2次` for what is not zero. */
static void
append_absences (GString             *s,
                 const LlPointsEntry *entry,
                 const char * const  *types,
                 guint                n_types)
{
  guint leave = 0, absent = 0;

  for (guint i = 0; i < n_types; i++)
    {
      leave += activity_count (entry, types[i], "leave");
      absent += activity_count (entry, types[i], "absent");
    }
  if (leave > 0)
    g_string_append_printf (s, "，请假%u次", leave);
  if (absent > 0)
    g_string_append_printf (s, "，缺席%u次", absent);
}

static const LlPointsAdjustment *
find_adjustment (const LlPointsEntry *entry,
                 const char          *item)
{
  for (guint i = 0; entry != NULL && entry->adjustments != NULL &&
                    i < entry->adjustments->len; i++)
    {
      const LlPointsAdjustment *adjustment = g_ptr_array_index (entry->adjustments, i);

      if (strcmp (adjustment->item, item) == 0)
        return adjustment;
    }
  return NULL;
}

static gboolean
item_in_rows (const char *item)
{
  for (guint r = 0; r < N_ROWS; r++)
    for (guint i = 0; i < G_N_ELEMENTS (rows[r].items) && rows[r].items[i] != NULL; i++)
      if (strcmp (rows[r].items[i], item) == 0)
        return TRUE;
  return FALSE;
}

static const char *
or_none (GString *s)
{
  if (s->len == 0)
    g_string_append (s, "无");
  return s->str;
}

/* The count and the details of one row. */
static guint
describe_row (Sheet               *sheet,
              const LlPointsEntry *entry,
              Row                  row,
              GString             *s)
{
  static const LlPointsCounts zero;
  const LlPointsCounts *c = entry != NULL ? &entry->counts : &zero;
  guint n = 0;

  switch (row)
    {
    case ROW_CONGRESS:
      {
        static const char *types[] = { "congress_session" };
        guint leave = activity_count (entry, "congress_session", "leave");
        guint absent = activity_count (entry, "congress_session", "absent");

        n = activity_count (entry, "congress_session", "present");
        if (n + leave + absent > 0)
          {
            g_string_append_printf (s, "出席%u次", n);
            append_absences (s, entry, types, 1);
          }
      }
      break;

    case ROW_SUGGESTIONS:
      n = c->suggestions + c->motions;
      if (n > 0)
        {
          guint answered = c->answer_class[0] + c->answer_class[1] + c->answer_class[2];
          guint rated = c->satisfaction[0] + c->satisfaction[1] + c->satisfaction[2];

          g_string_append_printf (s, "领衔或联名提出建议%u件、议案%u件", c->suggestions,
                                  c->motions);
          if (answered > 0)
            g_string_append_printf (s, "；已答复A类%u件、B类%u件、C类%u件", c->answer_class[0],
                                    c->answer_class[1], c->answer_class[2]);
          if (rated > 0)
            g_string_append_printf (s, "；满意%u件、基本满意%u件、不满意%u件",
                                    c->satisfaction[0], c->satisfaction[1], c->satisfaction[2]);
        }
      break;

    case ROW_MEETINGS:
    case ROW_GROUP:
    case ROW_VISITS:
    case ROW_TRAINING:
      {
        const char *type = rows[row].items[0];

        n = activity_count (entry, type, "present");
        if (n + activity_count (entry, type, "leave") + activity_count (entry, type, "absent") > 0)
          {
            g_string_append_printf (s, "参加%u次", n);
            append_absences (s, entry, &type, 1);
          }
      }
      break;

    case ROW_INSPECTIONS:
      {
        static const char *types[] = { "inspection", "research", "law_enforcement_check" };
        guint inspection = activity_count (entry, types[0], "present");
        guint research = activity_count (entry, types[1], "present");
        guint check = activity_count (entry, types[2], "present");
        GString *absences = g_string_new (NULL);

        n = inspection + research + check;
        append_absences (absences, entry, types, G_N_ELEMENTS (types));
        if (inspection > 0)
          g_string_append_printf (s, "视察%u次", inspection);
        if (research > 0)
          g_string_append_printf (s, "%s调研%u次", s->len > 0 ? "、" : "", research);
        if (check > 0)
          g_string_append_printf (s, "%s执法检查%u次", s->len > 0 ? "、" : "", check);
        if (absences->len > 0)
          g_string_append (s, s->len > 0 ? absences->str : absences->str + strlen ("，"));
        g_string_free (absences, TRUE);
      }
      break;

    case ROW_RECEPTIONS:
      {
        static const char *types[] = { "reception" };

        n = activity_count (entry, "reception", "present");
        if (n + activity_count (entry, "reception", "leave") +
            activity_count (entry, "reception", "absent") > 0)
          {
            g_string_append_printf (s, "进站接待%u次，接待群众%u人次", n, c->people_received);
            append_absences (s, entry, types, 1);
          }
      }
      break;

    case ROW_CASES:
      n = c->cases_collected;
      if (n > 0)
        {
          g_string_append_printf (s, "收集%u件，办结%u件", n, c->cases_resolved);
          if (c->cases_resolved > 0)
            g_string_append_printf (s, "（满意%u、基本满意%u、不满意%u）",
                                    c->cases_satisfied, c->cases_basically_satisfied,
                                    c->cases_dissatisfied);
        }
      break;

    case ROW_REPORT:
      n = activity_count (entry, "report_to_voters", "present");
      if (entry != NULL && entry->report_dates != NULL)
        {
          g_auto(GStrv) dates = g_strsplit (entry->report_dates, ",", -1);

          for (guint i = 0; dates[i] != NULL; i++)
            {
              g_autofree char *date = ll_report_format_date (dates[i]);

              g_string_append_printf (s, "%s%s", i > 0 ? "、" : "", date);
            }
          g_string_append (s, "向选民述职");
        }
      break;

    case ROW_PROJECTS:
      n = activity_count (entry, "project_supervision", "present");
      if (n > 0)
        g_string_append_printf (s, "参加民生实事项目监督活动%u次", n);
      if (c->projects > 0)
        g_string_append_printf (s, "%s监督民生实事项目%u个", s->len > 0 ? "，" : "", c->projects);
      break;

    case ROW_OTHER:
      for (guint i = 0; i < G_N_ELEMENTS (other_types); i++)
        {
          guint present = activity_count (entry, other_types[i], "present");

          n += present;
          if (present > 0)
            g_string_append_printf (s, "%s%s%u次", s->len > 0 ? "、" : "",
                                    ll_report_label (LL_ENUM_ACTIVITY_TYPE, other_types[i]),
                                    present);
        }
      /* The office's own items. */
      for (guint i = 0; entry != NULL && entry->adjustments != NULL &&
                        i < entry->adjustments->len; i++)
        {
          const LlPointsAdjustment *adjustment = g_ptr_array_index (entry->adjustments, i);

          if (item_in_rows (adjustment->item))
            continue;
          n += adjustment->count;
          g_string_append_printf (s, "%s%s", s->len > 0 ? "；" : "",
                                  adjustment->reasons != NULL ? adjustment->reasons
                                                              : adjustment->item);
        }
      break;

    case ROW_COMMENDATIONS:
      {
        const LlPointsAdjustment *adjustment = find_adjustment (entry, "commendation");

        if (adjustment != NULL)
          {
            n = adjustment->count;
            g_string_append (s, adjustment->reasons != NULL ? adjustment->reasons : "受到表彰");
          }
      }
      break;

    case ROW_DEDUCTIONS:
      {
        const LlPointsAdjustment *adjustment = find_adjustment (entry, "deduction");
        double absences = 0;

        if (entry != NULL)
          ll_points_score_item (sheet->points, entry, "absence", &absences);
        n = (guint) absences;
        if (absences > 0)
          g_string_append_printf (s, "无故缺席履职活动%u次", (guint) absences);
        if (adjustment != NULL)
          {
            n += adjustment->count;
            g_string_append_printf (s, "%s%s", s->len > 0 ? "；" : "",
                                    adjustment->reasons != NULL ? adjustment->reasons
                                                                : "违反履职有关规定");
          }
      }
      break;

    case N_ROWS:
    default:
      g_assert_not_reached ();
    }

  return n;
}

static double
row_points (Sheet               *sheet,
            const LlPointsEntry *entry,
            Row                  row)
{
  double points = 0;

  if (entry == NULL)
    return 0;

  if (row == ROW_OTHER)
    {
      points = entry->total;
      for (guint r = 0; r < N_ROWS; r++)
        if (r != ROW_OTHER)
          points -= row_points (sheet, entry, r);
      return points;
    }

  for (guint i = 0; i < G_N_ELEMENTS (rows[row].items) && rows[row].items[i] != NULL; i++)
    points += ll_points_score_item (sheet->points, entry, rows[row].items[i], NULL);
  return points;
}

/* Cuts @text to @max characters, for the last resort. */
static char *
cut (const char *text,
     glong       max)
{
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *head = g_utf8_substring (text, 0, max - 1);

    return g_strconcat (head, "…", NULL);
  }
}

/* Lines @text takes in a cell of @fraction of the type area, counted
 * generously: every wide character a full em, others 0.7 em, and some
 * room lost at line ends. Used to skip laying out sheets that surely fit
 * on their page (nearly all of them): pagination is a third of the time
 * of a sheet. */
static guint
estimate_lines (const char *text,
                double      fraction,
                double      size)
{
  double inner = TYPE_WIDTH * fraction - 0.7 * size;
  double width = 0;
  guint lines = 1;

  if (text == NULL)
    return 1;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          lines++;
          width = 0;
          continue;
        }
      width += g_unichar_iswide (c) || c >= 0x2E80 ? size : 0.7 * size;
      if (width > inner - size)
        {
          lines++;
          width = 0;
        }
    }

  return lines;
}

static LlDocument *
sheet_document (Sheet    *sheet,
                LlPerson *person,
                double    table_size,
                gboolean  cut_texts,
                guint    *extra_lines)
{
  const LlPointsEntry *entry = ll_points_lookup (sheet->points, ll_person_get_id (person));
  g_autoptr(LlDocument) doc = ll_document_new_for_kind (LL_PAGE_FORM);
  g_autoptr(LlTable) identity = ll_table_new (6);
  g_autoptr(LlTable) table = ll_table_new (4);
  g_autoptr(LlTable) result = ll_table_new (6);
  g_autoptr(LlTable) review = ll_table_new (2);
  g_autofree char *born = ll_report_format_month (ll_person_get_birth_date (person));
  g_autofree char *phone = ll_report_mask_phone (ll_person_get_phone (person),
                                                 sheet->options->show_personal_data);
  g_autofree char *unit = NULL;
  g_autofree char *level = NULL;
  g_autofree char *total = ll_points_format (entry != NULL ? entry->total : 0);
  g_autofree char *rank = NULL;
  const char *gender = ll_report_label (LL_ENUM_GENDER, ll_person_get_gender (person));
  LlTextStyle style;
  guint row;

  ll_document_set_metadata (doc, sheet->title, sheet->options->office_name);

  ll_text_style_init (&style, LL_FONT_ROLE_TITLE, 20);
  style.align = LL_ALIGN_CENTER;
  style.keep_with_next = TRUE;
  ll_document_add_text (doc, &style, sheet->title);

  ll_text_style_init (&style, LL_FONT_ROLE_SONG, 10.5);
  style.align = LL_ALIGN_CENTER;
  style.space_before = 0.3;
  ll_document_add_text (doc, &style, sheet->period);
  ll_document_add_space (doc, 0.3);

  /* Identity */
  unit = g_strconcat (ll_person_get_unit (person) ? ll_person_get_unit (person) : "",
                      ll_person_get_post (person) ? ll_person_get_post (person) : "", NULL);
  if (ll_person_get_level (person) != NULL)
    level = g_strjoin ("　", ll_report_level_label (ll_person_get_level (person)),
                       ll_person_get_term (person) ? ll_person_get_term (person) : "", NULL);
  else
    level = g_strdup (ll_report_label (LL_ENUM_PERSON_ROLE, ll_person_get_role (person)));
  if (cut_texts)
    {
      char *shorter = cut (unit, 40);

      g_free (unit);
      unit = shorter;
    }

  *extra_lines = 0;
#define EXTRA(...) G_STMT_START { \
    guint lines_[] = { __VA_ARGS__ }; \
    guint max_ = 1; \
    for (guint i_ = 0; i_ < G_N_ELEMENTS (lines_); i_++) \
      max_ = MAX (max_, lines_[i_]); \
    *extra_lines += max_ - 1; \
  } G_STMT_END
  EXTRA (estimate_lines (ll_person_get_name (person), 0.17, table_size),
         estimate_lines (ll_person_get_ethnicity (person), 0.25, table_size));
  EXTRA (estimate_lines (ll_person_get_party (person), 0.17, table_size),
         estimate_lines (phone, 0.25, table_size));
  EXTRA (estimate_lines (unit, 0.81, table_size));
  EXTRA (estimate_lines (level, 0.45, table_size),
         estimate_lines (ll_person_get_constituency (person), 0.25, table_size));
  EXTRA (estimate_lines (ll_person_get_station_name (person), 0.45, table_size),
         estimate_lines (ll_person_get_deputy_group_name (person), 0.25, table_size));

  ll_table_set_font_size (identity, table_size);
  ll_table_add_row (identity, "姓　　名", ll_person_get_name (person), "性　　别", gender,
                    "民　　族", ll_person_get_ethnicity (person) ?: "", NULL);
  ll_table_add_row (identity, "出生年月", born, "党　　派", ll_person_get_party (person) ?: "",
                    "联系电话", phone, NULL);
  row = ll_table_add_row (identity, "工作单位及职务", unit, NULL);
  ll_table_set_cell_span (identity, row, 1, 5);
  row = ll_table_add_row (identity, "代表层级与届别", level, "", "", "选　　区",
                          ll_person_get_constituency (person) ?: "", NULL);
  ll_table_set_cell_span (identity, row, 1, 3);
  row = ll_table_add_row (identity, "所在联络站", ll_person_get_station_name (person) ?: "", "",
                          "", "代表小组", ll_person_get_deputy_group_name (person) ?: "", NULL);
  ll_table_set_cell_span (identity, row, 1, 3);
  {
    static const double widths[] = { 0.19, 0.17, 0.11, 0.17, 0.11, 0.25 };

    for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
      {
        ll_table_set_column_width (identity, c, widths[c]);
        if (c % 2 == 0)
          ll_table_set_column_align (identity, c, LL_ALIGN_CENTER);
      }
  }
  ll_document_add_table (doc, identity);

  /* One row per kind of activity */
  ll_table_set_font_size (table, table_size);
  ll_table_set_header_rows (table, 1);
  ll_table_add_row (table, "履职项目", "次数", "履职情况", "得分", NULL);
  ll_table_set_column_width (table, 0, 0.21);
  ll_table_set_column_width (table, 1, 0.07);
  ll_table_set_column_width (table, 2, 0.63);
  ll_table_set_column_width (table, 3, 0.09);
  ll_table_set_column_align (table, 0, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 1, LL_ALIGN_CENTER);
  ll_table_set_column_align (table, 3, LL_ALIGN_CENTER);
  for (guint r = 0; r < N_ROWS; r++)
    {
      g_autoptr(GString) details = g_string_new (NULL);
      guint count = describe_row (sheet, entry, r, details);
      g_autofree char *count_text = g_strdup_printf ("%u", count);
      g_autofree char *points = ll_points_format (row_points (sheet, entry, r));
      g_autofree char *text = cut_texts ? cut (or_none (details), 36)
                                        : g_strdup (or_none (details));

      EXTRA (estimate_lines (text, 0.63, table_size));
      ll_table_add_row (table, rows[r].label, count_text, text, points, NULL);
    }
  ll_document_add_table (doc, table);

  /* Total, grade and rank */
  if (entry != NULL && entry->rank > 0)
    rank = g_strdup_printf ("第%u名", entry->rank);
  else
    rank = g_strdup ("—");
  EXTRA (estimate_lines (rank, 0.25, table_size));
#undef EXTRA
  ll_table_set_font_size (result, table_size);
  row = ll_table_add_row (result, "总积分", total, "等　次", entry && entry->grade ? entry->grade : "",
                          "排　名", rank, NULL);
  ll_table_set_row_bold (result, row, TRUE);
  {
    static const double widths[] = { 0.19, 0.17, 0.11, 0.17, 0.11, 0.25 };

    for (guint c = 0; c < G_N_ELEMENTS (widths); c++)
      {
        ll_table_set_column_width (result, c, widths[c]);
        ll_table_set_column_align (result, c, LL_ALIGN_CENTER);
      }
  }
  ll_document_add_table (doc, result);

  /* What the reviewer fills in by hand */
  ll_table_set_font_size (review, table_size);
  ll_table_add_row (review, "代表本人意见",
                    "\n\n\n代表（签字）：　　　　　　　　　　　　　年　　月　　日", NULL);
  ll_table_add_row (review, "审核意见",
                    "\n\n\n\n审核人（签字）：　　　　　　　　　　　　　年　　月　　日", NULL);
  ll_table_set_column_width (review, 0, 0.19);
  ll_table_set_column_width (review, 1, 0.81);
  ll_table_set_column_align (review, 0, LL_ALIGN_CENTER);
  ll_document_add_table (doc, review);

  ll_text_style_init (&style, LL_FONT_ROLE_SONG, 9);
  style.space_before = 0.2;
  ll_document_add_text (doc, &style, sheet->note);

  return g_steal_pointer (&doc);
}

/* Sizes tried, largest first; at the last one the details are cut. */
static const double sizes[] = { 11, 10, 9, 8 };

/* @streaming: the document is only written, not shown: no need to
 * paginate a sheet that surely fits. */
static LlDocument *
sheet_build (Sheet     *sheet,
             LlPerson  *person,
             gboolean   streaming,
             GError   **error)
{
  for (guint i = 0; i <= G_N_ELEMENTS (sizes); i++)
    {
      gboolean last = i == G_N_ELEMENTS (sizes);
      guint extra_lines = 0;
      g_autoptr(LlDocument) doc = sheet_document (sheet, person,
                                                  sizes[MIN (i, G_N_ELEMENTS (sizes) - 1)], last,
                                                  &extra_lines);

      /* Most sheets fit with room to spare: no need to lay them out
       * twice to know. */
      if (streaming && i == 0 && extra_lines <= SURE_EXTRA_LINES)
        return g_steal_pointer (&doc);

      if (!ll_document_paginate (doc, sheet->context, NULL, error))
        return NULL;
      if (ll_document_get_n_pages (doc) == 1 || last)
        return g_steal_pointer (&doc);
    }

  g_assert_not_reached ();
}

static gboolean
sheet_init (Sheet                  *sheet,
            LlDatabase             *db,
            LlPoints               *points,
            const LlReportOptions  *options,
            LlLayoutContext        *context)
{
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  int year = ll_points_get_year (points);

  sheet->points = ll_points_ref (points);
  sheet->options = options;
  sheet->context = context != NULL ? g_object_ref (context)
                                   : ll_report_options_new_context (options);
  sheet->title = g_strdup_printf ("%d年度代表履职情况表", year);
  ll_points_get_period (year, 0, &from, &to, NULL);
  {
    g_autofree char *period = ll_report_format_period (from, to);
    g_autofree char *first = ll_report_format_date (from);
    g_autofree char *last = ll_report_format_date (to);

    if (options->office_name != NULL && *options->office_name != '\0')
      sheet->period = g_strdup_printf ("填报单位：%s　　　统计时段：%s至%s", options->office_name,
                                       first, last);
    else
      sheet->period = g_strdup_printf ("统计时段：%s至%s", first, last);
  }
  sheet->note = g_strdup_printf ("注：积分按%d年度代表履职积分管理办法计算，排名为在全体%u名代表中的"
                                 "名次%s", year, ll_points_get_n_ranked (points),
                                 options->show_personal_data ? "。" : "；联系电话已隐去部分数字。");

  return TRUE;
}

/**
 * ll_annual_sheet_build:
 * @db: a #LlDatabase
 * @points: the points of a whole year (ll_points_compute() with quarter 0)
 * @person_id: the person
 * @options: (nullable): the report options
 * @context: (nullable): the shaping context, %NULL for one with
 *   @options' fonts
 *
 * Builds one person's annual sheet, paginated on @context: always one
 * page.
 *
 * Returns: (transfer full) (nullable): the document, or %NULL with
 *   %LL_DATABASE_ERROR_NOT_FOUND for an unknown person
 */
LlDocument *
ll_annual_sheet_build (LlDatabase             *db,
                       LlPoints               *points,
                       gint64                  person_id,
                       const LlReportOptions  *options,
                       LlLayoutContext        *context,
                       GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;
  g_autoptr(LlPerson) person = NULL;
  g_auto(Sheet) sheet = { 0 };

  g_return_val_if_fail (LL_IS_DATABASE (db), NULL);
  g_return_val_if_fail (points != NULL, NULL);
  g_return_val_if_fail (context == NULL || LL_IS_LAYOUT_CONTEXT (context), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (options == NULL)
    options = own_options = ll_report_options_new ();

  person = ll_person_store_get (db, person_id, error);
  if (person == NULL)
    return NULL;

  sheet_init (&sheet, db, points, options, context);
  return sheet_build (&sheet, person, FALSE, error);
}

static gboolean
write_sheets (LlDatabase             *db,
              const LlReportOptions  *options,
              int                     year,
              const gint64           *ids,
              guint                   n_ids,
              const char             *path,
              LlProgressFunc          progress,
              gpointer                user_data,
              guint                  *n_pages,
              GCancellable           *cancellable,
              GError                **error)
{
  g_autoptr(LlPoints) points = NULL;
  g_autoptr(LlPdfWriter) writer = NULL;
  g_auto(Sheet) sheet = { 0 };
  guint done = 0;

  points = ll_points_compute (db, year, 0, cancellable, error);
  if (points == NULL)
    return FALSE;

  if (!ll_points_has_records (points))
    {
      g_set_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND,
                   _("Nothing was recorded for the deputies in %d: no activities, cases, "
                     "suggestions or point adjustments."),
                   year);
      return FALSE;
    }

  sheet_init (&sheet, db, points, options, NULL);
  writer = ll_pdf_writer_new (sheet.context, path, error);
  if (writer == NULL)
    return FALSE;
  ll_pdf_writer_set_metadata (writer, sheet.title, options->office_name);

  for (guint start = 0; start < n_ids; start += BLOCK_SIZE)
    {
      guint n = MIN (BLOCK_SIZE, n_ids - start);
      g_autoptr(GPtrArray) people = ll_person_store_load_many (db, ids + start, n, error);

      if (people == NULL)
        return FALSE;

      /* A person deleted meanwhile is left out, not an error. */
      for (guint i = 0; i < people->len; i++)
        {
          g_autoptr(LlDocument) doc = NULL;

          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            return FALSE;

          doc = sheet_build (&sheet, g_ptr_array_index (people, i), TRUE, error);
          if (doc == NULL ||
              !ll_pdf_writer_add_document (writer, doc, NULL, NULL, cancellable, error))
            return FALSE;

          done++;
          if (progress != NULL)
            progress (done, (double) (start + i + 1) / n_ids, user_data);
        }
    }

  /* The pages really written: one per sheet. */
  done = ll_pdf_writer_get_n_pages (writer);
  if (!ll_pdf_writer_close (writer, error))
    return FALSE;

  if (n_pages != NULL)
    *n_pages = done;
  return TRUE;
}

/**
 * ll_annual_sheets_write:
 * @db: a #LlDatabase; from a worker thread, its own connection
 *   (ll_database_open_secondary())
 * @options: (nullable): the report options
 * @year: the year
 * @station_id: a station (its deputies and those below it), or 0
 * @group_id: a group, or 0
 * @person_id: one person, or 0; all three 0: every active deputy
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @n_pages: (out) (optional): pages written
 * @cancellable: (nullable): a #GCancellable
 *
 * Writes the annual sheets of the selection into one PDF, one page per
 * person, streaming. An unknown station, group or person, a selection
 * without deputies and a year in which the office recorded nothing are
 * errors (%LL_DATABASE_ERROR_NOT_FOUND), and no file is written.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
ll_annual_sheets_write (LlDatabase             *db,
                        const LlReportOptions  *options,
                        int                     year,
                        gint64                  station_id,
                        gint64                  group_id,
                        gint64                  person_id,
                        const char             *path,
                        LlProgressFunc          progress,
                        gpointer                user_data,
                        guint                  *n_pages,
                        GCancellable           *cancellable,
                        GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail ((station_id != 0) + (group_id != 0) + (person_id != 0) <= 1, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_pages != NULL)
    *n_pages = 0;
  if (options == NULL)
    options = own_options = ll_report_options_new ();

  if (!ll_points_get_period (year, 0, NULL, NULL, error))
    return FALSE;

  ids = ll_points_select_people (db, station_id, group_id, person_id, error);
  if (ids == NULL)
    return FALSE;

  return write_sheets (db, options, year, (const gint64 *) ids->data, ids->len, path, progress,
                       user_data, n_pages, cancellable, error);
}

/**
 * ll_annual_sheets_write_people:
 * @db: a #LlDatabase; from a worker thread, its own connection
 * @options: (nullable): the report options
 * @year: the year
 * @person_ids: (array length=n_person_ids): the people, in the order
 *   printed (a selection in a list, whatever their role)
 * @n_person_ids: how many
 * @path: the PDF file to write
 * @progress: (nullable) (scope call): called after each page
 * @n_pages: (out) (optional): pages written
 * @cancellable: (nullable): a #GCancellable
 *
 * Like ll_annual_sheets_write() for a list of people. An empty list is
 * %LL_DATABASE_ERROR_INVALID; people who no longer exist are left out.
 *
 * Returns: %TRUE if the PDF was written
 */
gboolean
ll_annual_sheets_write_people (LlDatabase             *db,
                               const LlReportOptions  *options,
                               int                     year,
                               const gint64           *person_ids,
                               guint                   n_person_ids,
                               const char             *path,
                               LlProgressFunc          progress,
                               gpointer                user_data,
                               guint                  *n_pages,
                               GCancellable           *cancellable,
                               GError                **error)
{
  g_autoptr(LlReportOptions) own_options = NULL;

  g_return_val_if_fail (LL_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (person_ids != NULL || n_person_ids == 0, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_pages != NULL)
    *n_pages = 0;
  if (options == NULL)
    options = own_options = ll_report_options_new ();

  if (!ll_points_get_period (year, 0, NULL, NULL, error))
    return FALSE;

  if (n_person_ids == 0)
    {
      g_set_error_literal (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID,
                           _("No people were chosen for annual sheets."));
      return FALSE;
    }

  return write_sheets (db, options, year, person_ids, n_person_ids, path, progress, user_data,
                       n_pages, cancellable, error);
}

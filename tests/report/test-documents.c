/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-documents"

/* The printed documents, read back with Poppler as a user would see
 * them: one page per deputy with their name and the total the test
 * computes itself, the work report's figures against SQL counts, one
 * slip per case, the ledger's rows, the bulletin's ranking, embedded
 * fonts, clear errors without files, and lianluo-cli report. */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <math.h>
#include <poppler.h>
#include <string.h>
#include <sys/wait.h>

#include "../core/points-fixture.h"
#include "ll-annual-sheet.h"
#include "ll-bulletin.h"
#include "ll-case-slip.h"
#include "ll-ledger.h"
#include "ll-report-text.h"
#include "ll-report.h"
#include "ll-work-report.h"

/* Poppler 22.12 has no g_autoptr() support of its own. */
typedef PopplerDocument PdfDocument;
typedef PopplerPage PdfPage;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PdfPage, g_object_unref)

typedef struct
{
  PointsFixture  points;
  char          *out;     /* a folder for the PDFs */
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  points_fixture_set_up (&f->points);
  f->out = g_build_filename (f->points.dir, "out", NULL);
  g_mkdir (f->out, 0700);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_free (f->out);
  points_fixture_tear_down (&f->points);
}

static char *
out_path (Fixture    *f,
          const char *name)
{
  return g_build_filename (f->out, name, NULL);
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, &error);
  PopplerDocument *document;

  g_assert_no_error (error);
  document = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (document);
  return document;
}

typedef struct
{
  gunichar ch;
  double   x;
  double   y;
} Glyph;

static int
glyph_compare (gconstpointer a,
               gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  if (fabs (ga->y - gb->y) > 1.5)
    return ga->y < gb->y ? -1 : 1;
  return (ga->x > gb->x) - (ga->x < gb->x);
}

/* A page's text as a reader takes it in: line by line from the top, each
 * line from the left, without white space (Poppler's spacing of CJK text
 * does not matter) and without breaks between lines, so that a sentence
 * wrapped over two lines reads whole. Table rows are lines too: a label
 * and its value follow each other. */
static char *
page_text (PopplerDocument *document,
           int              index)
{
  g_autoptr(PdfPage) page = poppler_document_get_page (document, index);
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  g_autofree PopplerRectangle *rects = NULL;
  g_autofree char *text = NULL;
  GString *result = g_string_new (NULL);
  guint n_rects = 0;
  const char *p;

  g_assert_nonnull (page);
  text = poppler_page_get_text (page);
  poppler_page_get_text_layout (page, &rects, &n_rects);

  p = text;
  for (guint i = 0; i < n_rects && p != NULL && *p != '\0'; i++, p = g_utf8_next_char (p))
    {
      Glyph glyph = { g_utf8_get_char (p), rects[i].x1, (rects[i].y1 + rects[i].y2) / 2 };

      if (!g_unichar_isspace (glyph.ch))
        g_array_append_val (glyphs, glyph);
    }

  /* Glyphs of a line share the middle of their boxes within a point or
   * so; a stable sort by y, then x within a line. */
  g_array_sort (glyphs, glyph_compare);
  for (guint i = 0; i < glyphs->len; i++)
    g_string_append_unichar (result, g_array_index (glyphs, Glyph, i).ch);

  return g_string_free (result, FALSE);
}

static char *
document_text (PopplerDocument *document)
{
  GString *all = g_string_new (NULL);

  for (int i = 0; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *text = page_text (document, i);

      g_string_append (all, text);
    }
  return g_string_free (all, FALSE);
}

static void
assert_contains (const char *text,
                 const char *needle)
{
  if (strstr (text, needle) == NULL)
    g_error ("“%s” is not in the text: %s", needle, text);
}

/* Every font of the file is embedded (pdffonts: the emb column). */
static void
assert_fonts_embedded (const char *path)
{
  g_autofree char *pdffonts = g_find_program_in_path ("pdffonts");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) rows = NULL;
  const char *argv[] = { NULL, path, NULL };
  int status = 0;
  guint fonts = 0;

  if (pdffonts == NULL)
    {
      g_test_message ("pdffonts is not installed; fonts not checked");
      return;
    }

  argv[0] = pdffonts;
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  rows = g_strsplit (out, "\n", -1);
  for (guint i = 2; rows[i] != NULL; i++)
    {
      g_auto(GStrv) columns = g_strsplit_set (g_strstrip (rows[i]), " ", -1);
      g_autoptr(GPtrArray) words = g_ptr_array_new ();

      if (rows[i][0] == '\0')
        continue;
      for (guint c = 0; columns[c] != NULL; c++)
        if (columns[c][0] != '\0')
          g_ptr_array_add (words, columns[c]);
      /* name type [type…] encoding emb sub uni object ID */
      g_assert_cmpuint (words->len, >=, 7);
      if (g_strcmp0 (g_ptr_array_index (words, words->len - 5), "yes") != 0)
        g_error ("%s: font not embedded: %s", path, rows[i]);
      fonts++;
    }
  g_assert_cmpuint (fonts, >=, 1);
}

/* The number printed after @label, e.g. 总积分 54.3. */
static double
number_after (const char *text,
              const char *label)
{
  const char *p = strstr (text, label);
  char *end = NULL;
  double value;

  g_assert_nonnull (p);
  p += strlen (label);
  value = g_ascii_strtod (p, &end);
  g_assert_true (end != p);
  return value;
}

static double
sql_count (LlDatabase *db,
           const char *sql)
{
  return points_fixture_query (db, sql, "");
}

/* Annual sheets ----------------------------------------------------------- */

static void
check_sheets (Fixture    *f,
              const char *path,
              GArray     *ids)
{
  g_autoptr(PdfDocument) document = open_pdf (path);
  g_autoptr(GPtrArray) rules = NULL;
  g_autoptr(GError) error = NULL;

  rules = ll_points_list_rules (f->points.db, 2025, &error);
  g_assert_no_error (error);

  /* Exactly one page per person, in the order chosen. */
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, ids->len);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(LlPerson) person = ll_person_store_get (f->points.db, id, &error);
      g_autofree char *text = page_text (document, (int) i);
      double expected = points_fixture_expected_total (f->points.db, rules, id, "2025-01-01",
                                                       "2025-12-31");

      g_assert_no_error (error);
      assert_contains (text, "2025年度代表履职情况表");
      assert_contains (text, ll_person_get_name (person));
      g_test_message ("%s: %g", ll_person_get_name (person), expected);
      g_assert_cmpfloat_with_epsilon (number_after (text, "总积分"), expected, 0.005);
      /* The deputy's phone is masked. */
      g_assert_null (strstr (text, "13812345678"));
      assert_contains (text, "138****5678");
    }
}

static void
test_annual_sheets (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autofree char *all = out_path (f, "all.pdf");
  g_autofree char *station = out_path (f, "station.pdf");
  g_autofree char *group = out_path (f, "group.pdf");
  g_autofree char *person = out_path (f, "person.pdf");
  g_autoptr(GArray) ids = NULL;
  guint pages = 0;

  options->office_name = g_strdup ("东湖街道人大工委");

  /* Everyone: the five active deputies. */
  g_assert_true (ll_annual_sheets_write (f->points.db, options, 2025, 0, 0, 0, all, NULL, NULL,
                                         &pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 5);
  ids = ll_points_select_people (f->points.db, 0, 0, 0, &error);
  check_sheets (f, all, ids);
  assert_fonts_embedded (all);
  g_clear_pointer (&ids, g_array_unref);

  /* A station with the point below it. */
  g_assert_true (ll_annual_sheets_write (f->points.db, options, 2025, f->points.station1, 0, 0,
                                         station, NULL, NULL, &pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 3);
  ids = ll_points_select_people (f->points.db, f->points.station1, 0, 0, &error);
  check_sheets (f, station, ids);
  g_clear_pointer (&ids, g_array_unref);

  g_assert_true (ll_annual_sheets_write (f->points.db, options, 2025, 0, f->points.group, 0,
                                         group, NULL, NULL, &pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 2);

  /* One person, not a deputy: a sheet all the same, without a rank. */
  g_assert_true (ll_annual_sheets_write (f->points.db, options, 2025, 0, 0, f->points.people[5],
                                         person, NULL, NULL, &pages, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 1);
  {
    g_autoptr(PdfDocument) document = open_pdf (person);
    g_autofree char *text = page_text (document, 0);

    assert_contains (text, "赵丽");
    assert_contains (text, "排名—");
  }

  /* 王建国's total as worked out by hand, rank 1. */
  {
    g_autoptr(LlPoints) points = ll_points_compute (f->points.db, 2025, 0, NULL, &error);
    g_autoptr(LlDocument) doc = ll_annual_sheet_build (f->points.db, points, f->points.people[0],
                                                       options, NULL, &error);
    g_autofree char *single = out_path (f, "wang.pdf");
    g_autoptr(PdfDocument) document = NULL;
    g_autofree char *text = NULL;

    g_assert_no_error (error);
    g_assert_cmpuint (ll_document_get_n_pages (doc), ==, 1);
    g_assert_true (ll_document_write_pdf (doc, NULL, single, NULL, NULL, NULL, &error));
    document = open_pdf (single);
    text = page_text (document, 0);
    g_assert_cmpfloat_with_epsilon (number_after (text, "总积分"), POINTS_FIXTURE_WANG_2025, 1e-9);
    assert_contains (text, "第1名");
    assert_contains (text, "东湖街道第一代表小组");
    assert_contains (text, "获评市优秀人大代表");
    assert_contains (text, "2025年8月15日向选民述职");
  }
}

/* Long texts shrink the sheet; it never takes a second page. */
static void
test_sheet_one_page (Fixture       *f,
                     gconstpointer  data)
{
  static const char *pieces[] = {
    "International Business Machines Corporation (China) ",
    "东湖街道幸福社区居民委员会党委书记兼主任、",
    "Shanghai Pudong Software Park Development Co., Ltd. ",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path (f, "long.pdf");
  gint64 id = f->points.people[1];

  for (guint round = 0; round < 12; round++)
    {
      g_autoptr(LlPerson) person = ll_person_store_get (f->points.db, id, &error);
      g_autoptr(GString) unit = g_string_new (NULL);
      g_autoptr(PdfDocument) document = NULL;
      g_autofree char *text = NULL;
      guint pages = 0;

      for (guint i = 0; i < round * 2; i++)
        g_string_append (unit, pieces[i % G_N_ELEMENTS (pieces)]);
      ll_person_set_unit (person, unit->str);
      g_assert_true (ll_person_store_update (f->points.db, person, &error));
      g_assert_no_error (error);

      /* Ever more commendations with long reasons. */
      g_assert_true (ll_points_add_adjustment (f->points.db, id, "2025-11-01", "commendation",
                                               NAN, "被评为全区优秀人大代表并在全区人大代表"
                                               "履职工作会议上作典型发言",
                                               NULL, &error));

      g_assert_true (ll_annual_sheets_write (f->points.db, NULL, 2025, 0, 0, id, path, NULL, NULL,
                                             &pages, NULL, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (pages, ==, 1);
      document = open_pdf (path);
      g_assert_cmpint (poppler_document_get_n_pages (document), ==, 1);
      text = page_text (document, 0);
      assert_contains (text, "李秀英");
      assert_contains (text, "总积分");
      assert_contains (text, "审核人");
    }
}

/* The work report --------------------------------------------------------- */

static void
test_work_report (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autoptr(LlWorkReport) report = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autoptr(PdfDocument) document = NULL;
  g_auto(GStrv) paragraphs = NULL;
  g_autofree char *path = out_path (f, "work.pdf");
  g_autofree char *edited_path = out_path (f, "edited.pdf");
  g_autofree char *text = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *stations = g_strdup_printf ("(%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")",
                                               f->points.station1, f->points.point);
  double receptions, people, cases, closed;

  options->office_name = g_strdup ("东湖街道人大工委");
  options->organ_mark = g_strdup ("东湖街道人大工委文件");
  options->number_prefix = g_strdup ("东人工");
  options->number = 7;
  options->date = g_strdup ("2026-01-15");

  report = ll_work_report_new (f->points.db, f->points.station1, "2025-01-01", "2025-12-31", NULL,
                               &error);
  g_assert_no_error (error);

  /* The figures equal plain SQL counts over the station and its point. */
  sql = g_strdup_printf ("SELECT count(*) FROM activities WHERE type = 'reception' AND held_on "
                         "BETWEEN '2025-01-01' AND '2025-12-31' AND station_id IN %s", stations);
  receptions = sql_count (f->points.db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT total(people_received) FROM activities WHERE type = 'reception' "
                         "AND held_on BETWEEN '2025-01-01' AND '2025-12-31' "
                         "AND station_id IN %s", stations);
  people = sql_count (f->points.db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE received_on BETWEEN '2025-01-01' "
                         "AND '2025-12-31' AND station_id IN %s", stations);
  cases = sql_count (f->points.db, sql);
  g_free (sql);
  sql = g_strdup_printf ("SELECT count(*) FROM cases WHERE received_on BETWEEN '2025-01-01' "
                         "AND '2025-12-31' AND status = 'closed' AND station_id IN %s", stations);
  closed = sql_count (f->points.db, sql);

  g_assert_cmpuint (ll_work_report_get_n_receptions (report), ==, (guint) receptions);
  g_assert_cmpuint (ll_work_report_get_n_receptions (report), ==,
                    f->points.n_station1_receptions_2025);
  g_assert_cmpuint (ll_work_report_get_n_people_received (report), ==, (guint) people);
  g_assert_cmpuint (ll_work_report_get_n_cases (report), ==, (guint) cases);
  g_assert_cmpuint (ll_work_report_get_n_cases (report), ==, f->points.n_station1_cases_2025);
  g_assert_cmpuint (ll_work_report_count_cases (report, LL_ENUM_CASE_STATUS, "closed"), ==,
                    (guint) closed);
  for (guint c = 0; c < ll_enum_get_n_values (LL_ENUM_CASE_CATEGORY); c++)
    {
      const char *key = ll_enum_get_key (LL_ENUM_CASE_CATEGORY, c);
      g_autofree char *count_sql =
        g_strdup_printf ("SELECT count(*) FROM cases WHERE received_on BETWEEN '2025-01-01' AND "
                         "'2025-12-31' AND category = '%s' AND station_id IN %s", key, stations);

      g_assert_cmpuint (ll_work_report_count_cases (report, LL_ENUM_CASE_CATEGORY, key), ==,
                        (guint) sql_count (f->points.db, count_sql));
    }

  doc = ll_work_report_build (report, options, NULL);
  g_assert_true (ll_document_write_pdf (doc, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_fonts_embedded (path);

  /* What the office reads. */
  document = open_pdf (path);
  text = document_text (document);
  assert_contains (text, "东湖街道人大工委文件");
  assert_contains (text, "东人工〔2026〕7号");
  assert_contains (text, "幸福社区人大代表联络站关于2025年工作情况的报告");
  assert_contains (text, "东湖街道人大工委：");
  needle = g_strdup_printf ("接待选民活动%u场次", (guint) receptions);
  assert_contains (text, needle);
  g_free (needle);
  needle = g_strdup_printf ("接待群众%u人次", (guint) people);
  assert_contains (text, needle);
  g_free (needle);
  needle = g_strdup_printf ("收集意见建议%u件", (guint) cases);
  assert_contains (text, needle);
  g_free (needle);
  needle = g_strdup_printf ("已办结%u件", (guint) closed);
  assert_contains (text, needle);
  assert_contains (text, "表1意见建议分类办理情况");
  assert_contains (text, "—1—");
  assert_contains (text, "2026年1月15日");
  g_clear_pointer (&text, g_free);
  g_clear_object (&document);

  /* The user's own words replace Lianluo's. */
  paragraphs = ll_work_report_get_default_paragraphs (report, options);
  g_assert_cmpuint (g_strv_length (paragraphs), ==, LL_WORK_REPORT_N_PARAGRAPHS);
  g_free (paragraphs[LL_WORK_REPORT_NEXT_STEPS]);
  paragraphs[LL_WORK_REPORT_NEXT_STEPS] = g_strdup ("明年将新建两个联系点。\n特此报告。");
  g_clear_object (&doc);
  doc = ll_work_report_build (report, options, (const char * const *) paragraphs);
  g_assert_true (ll_document_write_pdf (doc, NULL, edited_path, NULL, NULL, NULL, &error));
  document = open_pdf (edited_path);
  text = document_text (document);
  assert_contains (text, "明年将新建两个联系点。");
  g_assert_null (strstr (text, "丰富线上线下联系群众渠道"));
}

/* Slips -------------------------------------------------------------------- */

static void
test_case_slips (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autofree char *path = out_path (f, "slips.pdf");
  g_autofree char *open_path = out_path (f, "slips-open.pdf");
  g_autoptr(PdfDocument) document = NULL;
  gint64 ids[3];
  guint pages = 0;

  for (guint i = 0; i < 3; i++)
    ids[i] = g_array_index (f->points.cases, gint64, i);

  g_assert_true (ll_case_slips_write (f->points.db, options, ids, 3, path, NULL, NULL, &pages,
                                      NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pages, ==, 3);
  assert_fonts_embedded (path);

  document = open_pdf (path);
  g_assert_cmpint (poppler_document_get_n_pages (document), ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(LlCase) kase = ll_case_store_get (f->points.db, ids[i], &error);
      g_autofree char *text = page_text (document, (int) i);

      g_assert_no_error (error);
      assert_contains (text, "群众意见建议交办单");
      assert_contains (text, ll_case_get_serial (kase));
      assert_contains (text, ll_case_get_title (kase));
      /* The constituent's personal data is masked … */
      assert_contains (text, "139****1234");
      g_assert_null (strstr (text, "13900001234"));
      g_assert_null (strstr (text, "3栋2单元"));
    }
  assert_contains (page_text (document, 1), "王建国、李秀英");
  g_clear_object (&document);

  /* … unless asked. */
  options->show_personal_data = TRUE;
  g_assert_true (ll_case_slips_write (f->points.db, options, ids, 1, open_path, NULL, NULL, NULL,
                                      NULL, &error));
  document = open_pdf (open_path);
  {
    g_autofree char *text = page_text (document, 0);

    assert_contains (text, "13900001234");
    assert_contains (text, "幸福小区3栋2单元");
  }
}

/* Ledger -------------------------------------------------------------------- */

static void
test_ledger (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path (f, "ledger.pdf");
  g_autoptr(PdfDocument) document = NULL;
  g_autoptr(LlDocument) doc = NULL;
  g_autofree char *text = NULL;
  g_autofree char *needle = NULL;
  g_autofree char *sql = NULL;
  guint n_activities = 0, n_cases = 0;
  double width, height;

  doc = ll_ledger_build (f->points.db, NULL, f->points.station1, "2025-01-01", "2025-12-31",
                         &n_activities, &n_cases, NULL, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM activities WHERE held_on BETWEEN '2025-01-01' AND "
                         "'2025-12-31' AND station_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT
                         ")", f->points.station1, f->points.point);
  g_assert_cmpuint (n_activities, ==, (guint) sql_count (f->points.db, sql));
  g_assert_cmpuint (n_cases, ==, f->points.n_station1_cases_2025);

  g_assert_true (ll_document_write_pdf (doc, NULL, path, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  assert_fonts_embedded (path);

  document = open_pdf (path);
  /* Landscape A4, the header row on every page. */
  {
    g_autoptr(PdfPage) page = poppler_document_get_page (document, 0);

    poppler_page_get_size (page, &width, &height);
    g_assert_cmpfloat_with_epsilon (width, 841.89, 0.5);
    g_assert_cmpfloat_with_epsilon (height, 595.28, 0.5);
  }
  g_assert_cmpint (poppler_document_get_n_pages (document), >=, 2);
  for (int i = 1; i < poppler_document_get_n_pages (document); i++)
    {
      g_autofree char *page = page_text (document, i);

      g_assert_true (strstr (page, "序号") != NULL);
    }

  text = document_text (document);
  assert_contains (text, "幸福社区人大代表联络站工作台账");
  needle = g_strdup_printf ("共%u次", n_activities);
  assert_contains (text, needle);
  for (guint i = 0; i < f->points.n_station1_cases_2025; i++)
    {
      g_autoptr(LlCase) kase = ll_case_store_get (f->points.db,
                                                  g_array_index (f->points.cases, gint64, i),
                                                  &error);

      assert_contains (text, ll_case_get_serial (kase));
    }
  /* Another station's case is not there. */
  {
    g_autoptr(LlCase) other = ll_case_store_get (f->points.db,
                                                 g_array_index (f->points.cases, gint64,
                                                                f->points.n_station1_cases_2025),
                                                 &error);

    g_assert_null (strstr (text, ll_case_get_serial (other)));
  }
}

/* Bulletin ------------------------------------------------------------------ */

static void
test_bulletin (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LlReportOptions) options = ll_report_options_new ();
  g_autofree char *path = out_path (f, "bulletin.pdf");
  g_autoptr(LlPoints) points = NULL;
  g_autoptr(PdfDocument) document = NULL;
  g_autofree char *text = NULL;
  const char *table;
  const char *previous = NULL;

  options->office_name = g_strdup ("东湖街道人大工委");
  g_assert_true (ll_bulletin_write (f->points.db, options, 2025, 3, path, NULL, NULL, NULL,
                                    &error));
  g_assert_no_error (error);
  assert_fonts_embedded (path);

  document = open_pdf (path);
  text = document_text (document);
  assert_contains (text, "关于2025年第三季度代表履职积分情况的通报");
  assert_contains (text, "2025年7月1日至2025年9月30日");

  /* The ranking table lists every active deputy, best first. */
  points = ll_points_compute (f->points.db, 2025, 3, NULL, &error);
  g_assert_no_error (error);
  table = strstr (text, "表1");
  g_assert_nonnull (table);
  for (guint i = 0; i < ll_points_get_n_ranked (points); i++)
    {
      const LlPointsEntry *entry = ll_points_get_ranked (points, i);
      const char *at = strstr (table, entry->name);

      g_test_message ("%u. %s %g", entry->rank, entry->name, entry->total);
      g_assert_nonnull (at);
      g_assert_true (previous == NULL || at > previous);
      if (i > 0)
        g_assert_cmpfloat (ll_points_get_ranked (points, i - 1)->total, >=, entry->total);
      previous = at;
    }
  g_assert_null (strstr (table, "赵丽"));
  g_assert_null (strstr (table, "孙强"));
}

/* Errors ----------------------------------------------------------------- */

static void
assert_no_files (Fixture *f)
{
  g_autoptr(GDir) dir = g_dir_open (f->out, 0, NULL);

  g_assert_nonnull (dir);
  g_assert_null (g_dir_read_name (dir));
}

static void
test_errors (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = out_path (f, "refused.pdf");
  gint64 unknown = 424242;

  /* An unknown station, and a period without records: clear errors. */
  g_assert_false (ll_work_report_write (f->points.db, NULL, 9999, "2025-01-01", "2025-12-31",
                                        NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  assert_contains (error->message, "9999");
  g_clear_error (&error);

  g_assert_false (ll_work_report_write (f->points.db, NULL, f->points.station1, "2030-01-01",
                                        "2030-03-31", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  assert_contains (error->message, "幸福社区人大代表联络站");
  assert_contains (error->message, "2030-01-01");
  g_clear_error (&error);

  g_assert_false (ll_work_report_write (f->points.db, NULL, f->points.station1, "2025-02-30",
                                        "2025-03-31", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ll_work_report_write (f->points.db, NULL, f->points.station1, "2025-06-01",
                                        "2025-03-31", NULL, path, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ll_ledger_write (f->points.db, NULL, 9999, "2025-01-01", "2025-12-31", path,
                                   NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_ledger_write (f->points.db, NULL, f->points.empty, "2025-01-01",
                                   "2025-12-31", path, NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_annual_sheets_write (f->points.db, NULL, 2025, 9999, 0, 0, path, NULL, NULL,
                                          NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_annual_sheets_write (f->points.db, NULL, 2025, 0, 0, unknown, path, NULL,
                                          NULL, NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_annual_sheets_write (f->points.db, NULL, 2031, 0, 0, 0, path, NULL, NULL,
                                          NULL, NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_case_slips_write (f->points.db, NULL, &unknown, 1, path, NULL, NULL, NULL,
                                       NULL, &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_case_slips_write (f->points.db, NULL, NULL, 0, path, NULL, NULL, NULL, NULL,
                                       &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_false (ll_bulletin_write (f->points.db, NULL, 2030, 1, path, NULL, NULL, NULL,
                                     &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (ll_bulletin_write (f->points.db, NULL, 2025, 5, path, NULL, NULL, NULL,
                                     &error));
  g_assert_error (error, LL_DATABASE_ERROR, LL_DATABASE_ERROR_INVALID);
  g_clear_error (&error);

  /* Nothing was written, not even a temporary file. */
  assert_no_files (f);
}

static void
test_cancel (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autofree char *path = out_path (f, "cancelled.pdf");

  g_cancellable_cancel (cancellable);
  g_assert_false (ll_annual_sheets_write (f->points.db, NULL, 2025, 0, 0, 0, path, NULL, NULL,
                                          NULL, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_no_files (f);
}

static void
test_labels (void)
{
  static const LlEnum printed[] = {
    LL_ENUM_STATION_KIND, LL_ENUM_DEPUTY_LEVEL, LL_ENUM_PERSON_ROLE, LL_ENUM_CASE_STATUS,
    LL_ENUM_CASE_SOURCE, LL_ENUM_CASE_CATEGORY, LL_ENUM_HANDLING_MODE, LL_ENUM_SATISFACTION,
    LL_ENUM_ATTENDANCE, LL_ENUM_ACTIVITY_TYPE, LL_ENUM_SUGGESTION_CLASS, LL_ENUM_GENDER,
  };
  struct { const char *from, *to, *text; } periods[] = {
    { "2025-01-01", "2025-12-31", "2025年" },
    { "2025-07-01", "2025-09-30", "2025年第三季度" },
    { "2025-01-01", "2025-06-30", "2025年上半年" },
    { "2025-03-01", "2025-03-31", "2025年3月" },
    { "2025-01-10", "2025-03-20", "2025年1月10日至3月20日" },
    { "2024-11-01", "2025-02-28", "2024年11月1日至2025年2月28日" },
  };

  /* Every key a document prints has its Chinese word. */
  for (guint e = 0; e < G_N_ELEMENTS (printed); e++)
    for (guint i = 0; i < ll_enum_get_n_values (printed[e]); i++)
      {
        const char *key = ll_enum_get_key (printed[e], i);
        const char *label = ll_report_label (printed[e], key);

        g_assert_cmpstr (label, !=, key);
        g_assert_true (g_utf8_validate (label, -1, NULL));
      }

  for (guint i = 0; i < G_N_ELEMENTS (periods); i++)
    {
      g_autofree char *text = ll_report_format_period (periods[i].from, periods[i].to);

      g_assert_cmpstr (text, ==, periods[i].text);
    }

  {
    g_autofree char *date = ll_report_format_date ("2025-03-05");
    g_autofree char *percent = ll_report_percent (129, 157);
    g_autofree char *none = ll_report_percent (0, 0);
    g_autofree char *address = ll_report_mask_address ("幸福小区3栋2单元", FALSE);

    g_assert_cmpstr (date, ==, "2025年3月5日");
    g_assert_cmpstr (percent, ==, "82.2%");
    g_assert_cmpstr (none, ==, "—");
    g_assert_cmpstr (address, ==, "幸福小区****");
  }
}

/* lianluo-cli report ------------------------------------------------------- */

static int
run_cli (Fixture     *f,
         char       **out,
         char       **err,
         const char  *first,
         ...)
{
  g_autofree char *cli = g_build_filename (LL_BUILD_ROOT, "src", "cli", "lianluo-cli", NULL);
  g_autofree char *db = g_build_filename (f->points.dir, "office.db", NULL);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  g_autoptr(GError) error = NULL;
  va_list args;
  int status = 0;

  g_clear_pointer (out, g_free);
  g_clear_pointer (err, g_free);
  g_ptr_array_add (argv, cli);
  g_ptr_array_add (argv, (gpointer) "--db");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  env = g_environ_unsetenv (env, "LIANLUO_DB");
  env = g_environ_setenv (env, "LANGUAGE", "C", TRUE);
  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

static int
pdf_pages (const char *path)
{
  g_autoptr(PdfDocument) document = NULL;

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  document = open_pdf (path);
  return poppler_document_get_n_pages (document);
}

static void
test_cli (Fixture       *f,
          gconstpointer  data)
{
  g_autofree char *sheets = out_path (f, "cli-sheets.pdf");
  g_autofree char *work = out_path (f, "cli-work.pdf");
  g_autofree char *slips = out_path (f, "cli-slips.pdf");
  g_autofree char *ledger = out_path (f, "cli-ledger.pdf");
  g_autofree char *bulletin = out_path (f, "cli-bulletin.pdf");
  g_autofree char *refused = out_path (f, "cli-refused.pdf");
  g_autofree char *text_path = out_path (f, "text.txt");
  g_autofree char *station = g_strdup_printf ("%" G_GINT64_FORMAT, f->points.station1);
  g_autofree char *group = g_strdup_printf ("%" G_GINT64_FORMAT, f->points.group);
  g_autofree char *case1 = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            g_array_index (f->points.cases, gint64, 0));
  g_autofree char *case2 = g_strdup_printf ("%" G_GINT64_FORMAT,
                                            g_array_index (f->points.cases, gint64, 1));
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

#define RUN(...) run_cli (f, &out, &err, __VA_ARGS__, NULL)

  g_assert_cmpint (RUN ("report", "annual-sheets", "--year", "2025", "--out", sheets), ==, 0);
  g_assert_cmpint (pdf_pages (sheets), ==, 5);
  /* No progress line when the output is not a terminal. */
  g_assert_null (strchr (out, '\r'));
  assert_contains (out, "5 pages");
  g_assert_cmpint (RUN ("report", "annual-sheets", "--year", "2025", "--group", group, "--out",
                        sheets), ==, 0);
  g_assert_cmpint (pdf_pages (sheets), ==, 2);

  g_assert_cmpint (RUN ("report", "work-report", "--station", station, "--from", "2025-01-01",
                        "--to", "2025-12-31", "--organ-mark", "东湖街道人大工委文件", "--number",
                        "3", "--out", work), ==, 0);
  g_assert_cmpint (pdf_pages (work), >=, 2);

  /* The text printed, edited and given back. */
  g_assert_cmpint (RUN ("report", "work-report", "--station", station, "--from", "2025-01-01",
                        "--to", "2025-12-31", "--print-text"), ==, 0);
  assert_contains (out, "----");
  {
    g_autofree char *edited = g_strconcat (out, "联络站明年将新建两个联系点。\n", NULL);
    g_autoptr(PdfDocument) document = NULL;
    g_autofree char *text = NULL;

    g_assert_true (g_file_set_contents (text_path, edited, -1, NULL));
    g_assert_cmpint (RUN ("report", "work-report", "--station", station, "--from", "2025-01-01",
                          "--to", "2025-12-31", "--text", text_path, "--out", work), ==, 0);
    document = open_pdf (work);
    text = document_text (document);
    assert_contains (text, "联络站明年将新建两个联系点。");
  }

  g_assert_cmpint (RUN ("report", "case-slips", "--case", case1, "--case", case2, "--out", slips),
                   ==, 0);
  g_assert_cmpint (pdf_pages (slips), ==, 2);
  g_assert_cmpint (RUN ("report", "case-slips", "--out", slips, "--case", case1, case2), ==, 0);
  g_assert_cmpint (pdf_pages (slips), ==, 2);

  g_assert_cmpint (RUN ("report", "ledger", "--station", station, "--from", "2025-01-01", "--to",
                        "2025-12-31", "--out", ledger), ==, 0);
  g_assert_cmpint (pdf_pages (ledger), >=, 1);

  g_assert_cmpint (RUN ("report", "bulletin", "--year", "2025", "--quarter", "3", "--out",
                        bulletin), ==, 0);
  g_assert_cmpint (pdf_pages (bulletin), >=, 1);

  /* 1: usage; 2: refused input; 3: the database. One line on stderr. */
  g_assert_cmpint (RUN ("report", "bulletin", "--year", "2025", "--quarter", "3"), ==, 1);
  g_assert_cmpint (RUN ("report", "annual-sheets", "--out", refused), ==, 1);
  g_assert_cmpint (RUN ("report", "annual-sheets", "--year", "2025", "--station", "1", "--group",
                        "1", "--out", refused), ==, 1);
  g_assert_cmpint (RUN ("report", "nonsense"), ==, 1);
  g_assert_cmpint (RUN ("report", "work-report", "--station", "9999", "--from", "2025-01-01",
                        "--to", "2025-12-31", "--out", refused), ==, 2);
  g_assert_cmpstr (err, ==, "lianluo-cli: There is no station with the id 9999.\n");
  g_assert_cmpint (RUN ("report", "ledger", "--station", station, "--from", "2030-01-01", "--to",
                        "2030-12-31", "--out", refused), ==, 2);
  g_assert_cmpint (RUN ("report", "ledger", "--station", station, "--from", "2025-01-01", "--to",
                        "2025-13-31", "--out", refused), ==, 2);
  g_assert_cmpint (RUN ("report", "case-slips", "--case", "424242", "--out", refused), ==, 2);
  g_assert_cmpint (RUN ("report", "case-slips", "--case", "2025-9999", "--out", refused), ==, 2);
  g_assert_cmpint (RUN ("report", "bulletin", "--year", "2025", "--quarter", "7", "--out",
                        refused), ==, 2);
  g_assert_cmpint (RUN ("report", "annual-sheets", "--year", "2031", "--out", refused), ==, 2);
  g_assert_true (g_str_has_prefix (err, "lianluo-cli: "));
  g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
  g_assert_false (g_file_test (refused, G_FILE_TEST_EXISTS));

  {
    g_autofree char *cli = g_build_filename (LL_BUILD_ROOT, "src", "cli", "lianluo-cli", NULL);
    g_autofree char *missing = g_build_filename (f->points.dir, "missing.db", NULL);
    const char *argv[] = { cli, "--db", missing, "report", "bulletin", "--year", "2025",
                           "--quarter", "1", "--out", refused, NULL };
    g_autoptr(GError) error = NULL;
    int status = 0;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL |
                  G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
    g_assert_no_error (error);
    g_assert_cmpint (WEXITSTATUS (status), ==, 3);
  }
#undef RUN
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/report/documents/" name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("annual-sheets", test_annual_sheets);
  ADD ("sheet-one-page", test_sheet_one_page);
  ADD ("work-report", test_work_report);
  ADD ("case-slips", test_case_slips);
  ADD ("ledger", test_ledger);
  ADD ("bulletin", test_bulletin);
  ADD ("errors", test_errors);
  ADD ("cancel", test_cancel);
  ADD ("cli", test_cli);
#undef ADD
  g_test_add_func ("/report/documents/labels", test_labels);

  return g_test_run ();
}
